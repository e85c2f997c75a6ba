from __future__ import annotations

from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "THEME": request.COOKIES.get("hs_theme", "auto") if request is not None else "auto",
    }
