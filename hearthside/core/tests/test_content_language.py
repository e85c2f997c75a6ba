"""Shipped content picks one language the same way everywhere: the one asked for, else the active
one, narrowed to a language the site offers; what a translation lacks stays in English."""

from __future__ import annotations

from django.utils import translation

from hearthside.core.content_language import TranslatedContent, content_language, localized_copy


def test_the_language_asked_for_wins_then_the_active_one_and_unknown_ones_fall_back():
    with translation.override("es"):
        assert content_language() == "es"
        assert content_language("en-GB") == "en"
    assert content_language("es-MX") == "es"
    assert content_language("fr") == "en"


def test_a_translation_is_laid_over_the_english_and_a_missing_one_leaves_english():
    definition = {"slug": "x", "title": "Breathe", "translations": {"es": {"title": "Respira"}}}

    def apply(out, tr):
        out["title"] = tr.get("title") or out["title"]

    assert localized_copy(definition, "es", apply) == {"slug": "x", "title": "Respira", "language": "es"}
    assert localized_copy(definition, "de", apply) == {"slug": "x", "title": "Breathe", "language": "en"}
    content = TranslatedContent(lambda: {"x": definition}, lambda d, lang: localized_copy(d, lang, apply))
    with translation.override("es"):
        assert content.get("x")["title"] == "Respira"
    assert content.get("x", "en")["title"] == "Breathe"
    assert content.all("es") is content.all("es-ES")  # localised once per language
