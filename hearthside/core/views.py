"""Site-wide pages: home, health check, theme switch."""

from __future__ import annotations

import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST


def home(request):
    return render(request, "core/home.html")


def _check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, connection.vendor
    except Exception as exc:  # any failure means "not healthy"; the type is reported, not raised
        return False, type(exc).__name__


def _check_channel_layer() -> tuple[bool, str]:
    layer = get_channel_layer()
    if layer is None:
        return False, "not configured"
    try:
        async def roundtrip():
            channel = await layer.new_channel("healthz.")
            token = uuid.uuid4().hex
            await layer.send(channel, {"type": "healthz", "token": token})
            message = await layer.receive(channel)
            return message.get("token") == token

        ok = async_to_sync(roundtrip)()
        return ok, type(layer).__name__
    except Exception as exc:
        return False, type(exc).__name__


@require_GET
def healthz(request):
    db_ok, db_info = _check_database()
    layer_ok, layer_info = _check_channel_layer()
    status = 200 if db_ok and layer_ok else 503
    return JsonResponse(
        {
            "status": "ok" if status == 200 else "unavailable",
            "database": {"ok": db_ok, "detail": db_info},
            "channel_layer": {"ok": layer_ok, "detail": layer_info},
        },
        status=status,
    )


@require_POST
def set_theme(request):
    theme = request.POST.get("theme", "auto")
    if theme not in {"auto", "light", "dark"}:
        theme = "auto"
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie("hs_theme", theme, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                        secure=request.is_secure())
    return response
