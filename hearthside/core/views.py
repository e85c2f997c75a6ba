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


def _check_worker(db_ok: bool) -> dict:
    """The worker's lag (seconds since the stalest of its loops last finished a round) from its
    heartbeat (shared in the database, so any app host reports the site's worker; this host's
    file when the database is down), and the age of the oldest queued task. ``ok`` is false when
    the heartbeat is missing or stale, a loop's last round failed, or a task has waited too long."""
    import time

    from django.conf import settings

    from hearthside.core.worker import read_heartbeat, task_backlog

    problems = []
    beat = read_heartbeat(shared=db_ok)
    lag = None
    loops = {}
    if beat is None:
        problems.append("no heartbeat")
    else:
        now = time.time()
        for name, info in sorted((beat.get("loops") or {}).items()):
            age = round(max(now - float(info.get("at", 0)), 0.0), 1)
            loops[name] = {"age_seconds": age, "ok": bool(info.get("ok"))}
            if not info.get("ok"):
                problems.append(f"{name} failing")
        lag = max((loop["age_seconds"] for loop in loops.values()), default=None)
        if lag is None:
            problems.append("no round finished yet")
        elif lag > settings.WORKER_STALE_SECONDS:
            problems.append("heartbeat stale")
    backlog = None
    if db_ok:
        try:
            backlog = task_backlog()
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            backlog = {"error": type(exc).__name__}
        else:
            if backlog["oldest_seconds"] > settings.WORKER_BACKLOG_SECONDS:
                problems.append("task backlog old")
    return {"ok": not problems, "lag_seconds": lag, "loops": loops, "tasks": backlog,
            "detail": ", ".join(problems) or "ok"}


@require_GET
def healthz(request):
    """200 "ok"; 200 "degraded" when pages are served but background work lags (the worker is
    down or stuck, or tasks wait); 503 "unavailable" when the database or channel layer fails."""
    db_ok, db_info = _check_database()
    layer_ok, layer_info = _check_channel_layer()
    worker = _check_worker(db_ok)
    status = 200 if db_ok and layer_ok else 503
    state = "unavailable" if status != 200 else ("ok" if worker["ok"] else "degraded")
    return JsonResponse(
        {
            "status": state,
            "database": {"ok": db_ok, "detail": db_info},
            "channel_layer": {"ok": layer_ok, "detail": layer_info},
            "worker": worker,
        },
        status=status,
    )


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    from django.views.defaults import page_not_found as default

    return default(request, exception)


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
