"""{% load selfcare_names %}: ``{{ c.emotions|emotion_names|join:", " }}``,
``{{ c.activities|activity_names|join:", " }}``, ``{{ a|activity_name }}`` (``selfcare/names.py``)."""

from __future__ import annotations

from django import template

from hearthside.selfcare import names

register = template.Library()


@register.filter
def emotion_name(key) -> str:
    return names.emotion_name(str(key))


@register.filter
def emotion_names(keys) -> list[str]:
    return [names.emotion_name(str(k)) for k in keys or ()]


@register.filter
def activity_name(key) -> str:
    return names.activity_name(str(key))


@register.filter
def activity_names(keys) -> list[str]:
    return [names.activity_name(str(k)) for k in keys or ()]
