"""Template context of the safety layer: the crisis lines the help panel shows on every page, and
where "Quick exit" leaves for."""

from __future__ import annotations

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language


def help_lines(request):
    """``QUICK_EXIT_URL`` for every page; ``STAFF_ALERTS`` (whether to link the alerts dashboard); for a signed-in person, ``help_lines``/``help_emergency``
    for their country (``directory.country_for``: chosen, else the site's default), lines in the
    interface language first. Lazy: nothing is queried unless a template shows them."""
    context = {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL, "STAFF_ALERTS": False}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context

    from .actions import can_handle_alerts
    from .directory import LINES_SHOWN, country_for, emergency_number_for, lines_for

    def lines():
        return lines_for(country_for(user), LINES_SHOWN, language=(get_language() or "")[:2])

    return {
        **context,
        "STAFF_ALERTS": can_handle_alerts(user),  # the header's "Safety alerts" link
        "help_lines": SimpleLazyObject(lines),
        "help_emergency": SimpleLazyObject(lambda: emergency_number_for(country_for(user)) or ""),
    }
