"""Template filters that name the safety layer's codes (``hearthside.safety.labels``).

{% load safety_labels %}
<span class="level level-{{ a.level }}">{{ a.level|level_name }}</span> · {{ a.source|source_name }}
{{ a.constructs|construct_names|join:", " }}
"""

from __future__ import annotations

from django import template

from hearthside.safety import labels

register = template.Library()


@register.filter
def level_name(level) -> str:
    return labels.level_name(str(level or ""))


@register.filter
def source_name(source) -> str:
    return labels.source_name(str(source or ""))


@register.filter
def alert_status_name(status) -> str:
    return labels.alert_status_name(str(status or ""))


@register.filter
def construct_names(constructs) -> list[str]:
    return [labels.construct_name(str(c)) for c in constructs or () if c]


@register.filter
def reason_name(reason) -> str:
    """A stored screening reason, named for the reader: the screener's own English label (with its
    detail, e.g. the model's p) for English readers, else its construct's translated name."""
    from django.utils.translation import get_language

    if not isinstance(reason, dict):
        return str(reason)
    construct = str(reason.get("construct") or "")
    label = str(reason.get("label") or construct)
    if (get_language() or "en")[:2] == "en" or construct not in labels.CONSTRUCT_NAMES:
        return label
    return labels.construct_name(construct)


@register.simple_tag
def safety_names() -> dict:
    """Every name, for a script that shows codes arriving live: ``{% safety_names as names %}``
    then ``{{ names|json_script:"..." }}``."""
    return labels.names_for_script()
