from __future__ import annotations

from django import template

from hearthside.core import demo_texts

register = template.Library()


@register.filter
def demo_text(value):
    """A demo text in the reader's language (core/demo_texts.py); any other value unchanged."""
    return demo_texts.localize(value) if isinstance(value, str) else value
