"""Template context of the safety layer: the crisis lines the help panel shows on every page."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language


def help_lines(request):
    """``help_lines``/``help_emergency`` for the signed-in person's country, lines in the interface
    language first. Lazy: nothing is queried unless a template shows them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    from .directory import country_from_request, emergency_number_for, lines_for

    def lines():
        return lines_for(country_from_request(request), 3, language=(get_language() or "")[:2])

    return {
        "help_lines": SimpleLazyObject(lines),
        "help_emergency": SimpleLazyObject(lambda: emergency_number_for(country_from_request(request)) or ""),
    }
