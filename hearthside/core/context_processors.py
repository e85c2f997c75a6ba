from __future__ import annotations

from django.conf import settings


def site(request):
    """What every page needs from the platform itself. Each feature app adds its own context
    (``<app>.context_processors``, listed in settings), so core knows no feature."""
    from .device import context as device_context

    return {
        **device_context(request),
        "SITE_NAME": settings.SITE_NAME,
        "THEME": request.COOKIES.get("hs_theme", "auto") if request is not None else "auto",
    }
