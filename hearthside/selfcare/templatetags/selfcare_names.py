"""{% load selfcare_names %}: ``{{ c.emotions|emotion_names|join:", " }}``,
``{{ c.activities|activity_names|join:", " }}``, ``{{ a|activity_name }}`` (``selfcare/names.py``)."""

from __future__ import annotations

from collections.abc import Callable

from django import template

from hearthside.selfcare import names

register = template.Library()


def _name_filters(kind: str, name: Callable[[str], str]) -> None:
    """``{kind}_name`` names one key, ``{kind}_names`` a list of keys (none: an empty list)."""
    register.filter(f"{kind}_name", lambda key: name(str(key)))
    register.filter(f"{kind}_names", lambda keys: [name(str(k)) for k in keys or ()])


_name_filters("emotion", names.emotion_name)
_name_filters("activity", names.activity_name)
