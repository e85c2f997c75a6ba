"""Shipped content in the reader's language, with English wherever a translation falls short.

Exercises and questionnaires are JSON definitions keyed by slug: the English texts at the top level,
each other language's texts under ``translations``. Library articles are one database row per
language. All of them answer in the same language, :func:`content_language`: the one asked for,
else the active one, narrowed to a language the site offers.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache

from django.utils import translation

from hearthside.core.i18n import offered_language

SOURCE_LANGUAGE = "en"


def content_language(language: str | None = None) -> str:
    """The language to show content in: ``language`` (default: the active one), or the site's
    default when the site does not offer it."""
    return offered_language(language or translation.get_language())


def localized_copy(definition: dict, language: str, apply: Callable[[dict, dict], None]) -> dict:
    """A copy of ``definition`` in ``language``: without its ``translations``, with that language's
    texts laid over the English ones by ``apply(copy, translation)``; ``copy["language"]`` says
    which language it is in (English when ``language`` has no translation)."""
    out = copy.deepcopy({k: v for k, v in definition.items() if k != "translations"})
    out["language"] = SOURCE_LANGUAGE
    translated = definition.get("translations", {}).get(language)
    if translated:
        out["language"] = language
        apply(out, translated)
    return out


class TranslatedContent:
    """Definitions keyed by slug, each localised once per language and kept.

    ``load`` reads the definitions (English, with their ``translations``); ``localize(definition,
    language)`` gives one definition in a language.
    """

    def __init__(self, load: Callable[[], dict[str, dict]], localize: Callable[[dict, str], dict]):
        self.canonical = cache(load)
        self._localize = localize
        self._in_language = cache(self._localize_all)

    def _localize_all(self, language: str) -> dict[str, dict]:
        return {slug: self._localize(definition, language) for slug, definition in self.canonical().items()}

    def all(self, language: str | None = None) -> dict[str, dict]:
        """Every definition, in ``language`` (default: the active language)."""
        return self._in_language(content_language(language))

    def get(self, slug: str, language: str | None = None) -> dict | None:
        return self.all(language).get(slug)
