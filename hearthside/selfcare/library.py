"""The library: Markdown articles shipped in content/articles (loaded into the database, where
staff edit them in the admin), rendered to sanitised HTML.

English articles are ``content/articles/<slug>.md``; each other language has a folder of the same
files, ``content/articles/<language>/<slug>.md`` (same slug, topics and sources). One database row
per language version; a reader gets their active language's version, or the English one where a
translation is missing (``test_selfcare_content_i18n`` asserts none is).
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import nh3
from django.utils.translation import gettext_lazy as _

from hearthside.core.content_language import SOURCE_LANGUAGE, content_language

ARTICLES_DIR = Path(__file__).parent / "content" / "articles"
# Topic labels shown on the library and article pages (topics are stored as these keys).
TOPIC_LABELS = {
    "anxiety": _("anxiety"),
    "crisis": _("crisis"),
    "getting-help": _("getting help"),
    "grief": _("grief"),
    "loneliness": _("loneliness"),
    "low-mood": _("low mood"),
    "self-compassion": _("self-compassion"),
    "sleep": _("sleep"),
    "stress": _("stress"),
    "supporting-others": _("supporting others"),
}
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "hr", "br"}


def render(body: str) -> str:
    html = markdown.markdown(body, extensions=["sane_lists"], output_format="html")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                     url_schemes={"https", "http", "mailto"}, link_rel="noopener noreferrer")


def _front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not match:
        raise ValueError("article has no front matter")
    meta: dict = {}
    key = None
    for line in match.group(1).splitlines():
        if line.startswith("  - ") and key:
            meta.setdefault(key, []).append(line[4:].strip().strip('"'))
            continue
        name, _sep, value = line.partition(":")
        key = name.strip()
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [v.strip().strip('"') for v in value[1:-1].split(",") if v.strip()]
        elif value:
            meta[key] = value.strip('"')
        else:
            meta[key] = []
    return meta, match.group(2).strip()


def article_files(language: str | None = None) -> list[tuple[str, Path]]:
    """(language, path) of every shipped article file, English first."""
    found = [(SOURCE_LANGUAGE, path) for path in sorted(ARTICLES_DIR.glob("*.md"))]
    for folder in sorted(p for p in ARTICLES_DIR.iterdir() if p.is_dir()):
        found += [(folder.name, path) for path in sorted(folder.glob("*.md"))]
    return [(lang, path) for lang, path in found if language is None or lang == language]


def load_articles(replace: bool = False, language: str | None = None) -> int:
    from .models import Article

    count = 0
    for lang, path in article_files(language):
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        defaults = {"title": meta["title"], "summary": meta.get("summary", "")[:400], "body": body,
                    "topics": meta.get("topics", []), "sources": meta.get("sources", [])}
        if replace:
            Article.objects.update_or_create(slug=meta["slug"], language=lang, defaults=defaults)
        else:
            Article.objects.get_or_create(slug=meta["slug"], language=lang, defaults=defaults)
        count += 1
    return count


def load_articles_if_empty(sender=None, using="default", **kwargs) -> None:
    """Load the shipped articles of each language that has none yet (a new installation, or a
    language added by an upgrade); articles staff edited or removed are left as they are."""
    from .models import Article

    try:
        languages = {lang for lang, _path in article_files()}
        present = set(Article.objects.using(using).values_list("language", flat=True).distinct())
        for language in sorted(languages - present):
            load_articles(language=language)
    except Exception:  # noqa: BLE001 - table may not exist during a partial migrate
        return


def published_articles(language: str | None = None) -> list:
    """The published articles in ``language`` (default: the active one), with the English version
    of any article that has no version in that language."""
    from .models import Article

    language = content_language(language)
    rows = Article.objects.filter(published=True, language__in={language, SOURCE_LANGUAGE})
    by_slug: dict[str, object] = {}
    for article in rows:
        if article.slug not in by_slug or article.language == language:
            by_slug[article.slug] = article
    return sorted(by_slug.values(), key=lambda a: a.title.lower())


def article_for(slug: str, language: str | None = None):
    """The published article ``slug`` in ``language``, else in English, else None."""
    from .models import Article

    language = content_language(language)
    rows = {a.language: a for a in Article.objects.filter(slug=slug, published=True,
                                                          language__in={language, SOURCE_LANGUAGE})}
    return rows.get(language) or rows.get(SOURCE_LANGUAGE)


def topic_label(topic: str) -> str:
    return str(TOPIC_LABELS.get(topic, topic))


def missing_translations(language: str) -> list[str]:
    """English article files with no file in ``language`` (empty when every article is translated)."""
    english = {path.name for _lang, path in article_files(SOURCE_LANGUAGE)}
    translated = {path.name for _lang, path in article_files(language)}
    return sorted(english - translated)
