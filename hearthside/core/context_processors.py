from __future__ import annotations

from django.conf import settings


def site(request):
    user = getattr(request, "user", None)
    staff_alerts = line_staff = False
    if user is not None and user.is_authenticated:
        from hearthside.safety.actions import can_handle_alerts
        from hearthside.supportline.actions import is_supporter

        staff_alerts = can_handle_alerts(user)
        line_staff = is_supporter(user)
    from .device import context as device_context

    return {
        **device_context(request),
        "SITE_NAME": settings.SITE_NAME,
        "THEME": request.COOKIES.get("hs_theme", "auto") if request is not None else "auto",
        "STAFF_ALERTS": staff_alerts,
        "LINE_STAFF": line_staff,
    }
