"""The library: Markdown articles shipped in content/articles (loaded into the database, where
staff edit them in the admin), rendered to sanitised HTML."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import nh3

ARTICLES_DIR = Path(__file__).parent / "content" / "articles"
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


def load_articles(replace: bool = False) -> int:
    from .models import Article

    count = 0
    for path in sorted(ARTICLES_DIR.glob("*.md")):
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        defaults = {"title": meta["title"], "summary": meta.get("summary", "")[:400], "body": body,
                    "topics": meta.get("topics", []), "sources": meta.get("sources", [])}
        if replace:
            Article.objects.update_or_create(slug=meta["slug"], defaults=defaults)
        else:
            Article.objects.get_or_create(slug=meta["slug"], defaults=defaults)
        count += 1
    return count


def load_articles_if_empty(sender=None, using="default", **kwargs) -> None:
    from .models import Article

    try:
        if not Article.objects.using(using).exists():
            load_articles()
    except Exception:  # noqa: BLE001 - table may not exist during a partial migrate
        return
