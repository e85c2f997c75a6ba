"""The "Get help now" page: works logged out and without JavaScript; and the site's error page
(``handler500``), which shows the crisis lines without needing the database or the session."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from . import directory


def server_error(request):
    """Every uncaught error. Under /api/: JSON (503 "unavailable" when the database is down).
    Elsewhere a page that needs neither the database nor the session and shows the crisis lines;
    ``/help/`` itself answers 200 with them when the database is what failed."""
    import sys

    from django.db import DatabaseError

    from .offline import render_offline_help

    exc = sys.exc_info()[1]
    database_down = isinstance(exc, DatabaseError)
    if request.path.startswith("/api/"):
        if database_down:
            return JsonResponse({"detail": "The service is unavailable for a moment; try again.",
                                 "code": "unavailable"}, status=503)
        return JsonResponse({"detail": "Internal server error.", "code": "server_error"}, status=500)
    if database_down and request.method in {"GET", "HEAD"} and request.path.rstrip("/") == "/help":
        return render_offline_help(request)
    return render_offline_help(request, status=500, error=True)


def help_now(request):
    from django.db import DatabaseError

    try:
        return _help_now(request)
    except DatabaseError:
        # The crisis lines must answer whatever else is down: serve them from the packaged data.
        import logging

        from .offline import render_offline_help

        logging.getLogger("hearthside.safety").warning("database unavailable: /help/ served from packaged data")
        return render_offline_help(request)


def _help_now(request):
    chosen = (request.GET.get("country") or "").strip().upper()
    if not (len(chosen) == 2 and chosen.isascii() and chosen.isalpha()):
        chosen = ""
    # Chosen here, else the person's own rule (their country, else the site's default); only when
    # neither exists is the browser's language region offered, as a suggestion they can change.
    country = chosen or directory.country_for(request.user) or directory.suggested_country(request)
    from .actions import on_duty_users, plan_for
    from .models import CrisisLine

    countries = sorted(set(CrisisLine.objects.filter(active=True).values_list("country", flat=True)))
    plan = plan_for(request.user) if request.user.is_authenticated else None
    return render(request, "safety/help.html", {
        "country": country,
        "emergency": directory.emergency_number_for(country),
        "lines": directory.lines_for(country),
        "countries": countries,
        "plan": plan if plan is not None and not plan.is_empty else None,
        "plan_steps": _plan_rows(plan) if plan is not None else [],
        "on_duty_count": len(on_duty_users()),
    })


@require_GET
def device_copy(request):
    """The help page made to be kept on the person's device (offline.js asks the service worker to
    store it; docs/selfhelp.md, "Offline"): their crisis lines and their safety plan, and nothing
    that changes by the minute or belongs to the moment — no messages, no banners, no form token.
    Labelled with the person's device key, without which the service worker does not keep it."""
    from django.contrib.auth.views import redirect_to_login
    from django.utils import timezone

    from hearthside.core.device import DEVICE_HEADER, device_key

    from .actions import plan_for

    key = device_key(request)
    if not key:
        return redirect_to_login(request.get_full_path())
    country = directory.country_for(request.user) or directory.suggested_country(request)
    plan = plan_for(request.user)
    response = render(request, "safety/device_copy.html", {
        "country": country,
        "emergency": directory.emergency_number_for(country),
        "lines": directory.lines_for(country, limit=5),
        "plan_steps": _plan_rows(plan) if plan is not None and not plan.is_empty else [],
        "stored_at": timezone.localtime(timezone.now(), _zone(request.user)),
    })
    response[DEVICE_HEADER] = key
    return response


def _zone(user):
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(getattr(user, "time_zone", "") or "UTC")
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def _plan_rows(plan):
    return [{"title": t, "items": plan.steps.get(k, [])} for k, t, _h in _steps() if plan.steps.get(k)]


def _steps():
    from django.utils.translation import gettext

    from .models import SAFETY_PLAN_STEPS

    return [(key, gettext(title), gettext(help_text)) for key, title, help_text in SAFETY_PLAN_STEPS]


def plan_view(request):
    from django.contrib.auth.views import redirect_to_login

    from hearthside.accounts.actions import has_consent

    from . import actions

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    plan = actions.plan_for(request.user)
    steps = plan.steps if plan else {}
    rows = [{"key": k, "title": t, "help": h, "items": steps.get(k, [])} for k, t, h in _steps()]
    return render(request, "safety/plan.html", {
        "rows": rows, "plan": plan, "consented": has_consent(request.user, "health_data"),
        "can_share": has_consent(request.user, "practitioner_sharing"),
    })


@require_POST
@login_required
def plan_sharing(request):
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import redirect

    from hearthside.selfcare.actions import check_share, do_unshare

    try:
        if request.POST.get("shared") == "1":
            check_share(request.user, "safety_plan", request=request)
        else:
            do_unshare(request.user, "safety_plan", request=request)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect("safety:plan")

def plan_step(request, step: str):
    from django.contrib import messages
    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.http import Http404
    from django.shortcuts import redirect
    from django.utils.translation import gettext

    from . import actions

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    steps = _steps()
    keys = [k for k, _t2, _h in steps]
    if step not in keys:
        raise Http404
    index = keys.index(step)
    key, title, help_text = steps[index]
    plan = actions.plan_for(request.user)
    text = "\n".join(plan.steps.get(key, [])) if plan else ""
    error = None
    if request.method == "POST":
        text = request.POST.get("items", "")
        items = [line for line in text.splitlines()]
        try:
            actions.check_update_plan(request.user, {key: items}, request=request)
        except PermissionDenied as exc:
            error = str(exc)
        except ValidationError as exc:
            error = " ".join(m for msgs in exc.message_dict.values() for m in msgs)
        else:
            messages.success(request, gettext("Saved."))
            if request.POST.get("go") == "next" and index + 1 < len(keys):
                return redirect("safety:plan_step", step=keys[index + 1])
            return redirect("safety:plan")
    return render(request, "safety/plan_step.html", {
        "key": key, "title": title, "help": help_text, "text": text, "error": error,
        "number": index + 1, "total": len(keys), "has_next": index + 1 < len(keys),
        "prev": keys[index - 1] if index > 0 else None,
    }, status=400 if error else 200)


@require_GET
def protocol_page(request):
    """The published crisis protocol (safety/protocol.py), for anyone, no account needed: the
    version in force (recorded now when the configuration changed), or an earlier one
    (``?version=N``), and the list of every version with its dates. When the database fails the
    protocol is still shown, from the code and the packaged crisis lines, without a version."""
    from django.db import DatabaseError
    from django.http import Http404

    asked = request.GET.get("version", "")
    if asked and not (asked.isascii() and asked.isdigit() and len(asked) < 10):
        raise Http404
    try:
        return _protocol_page(request, asked)
    except DatabaseError:
        import logging

        from .offline import render_offline_protocol

        logging.getLogger("hearthside.safety").warning(
            "database unavailable: /help/protocol/ shown without its version record", exc_info=True)
        return render_offline_protocol(request)


def _protocol_page(request, asked: str):
    from django.http import Http404

    from . import protocol
    from .models import ProtocolVersion

    current = protocol.current_version()
    versions = list(ProtocolVersion.objects.order_by("-number").only("number", "took_effect"))
    shown = current
    if asked:
        shown = ProtocolVersion.objects.filter(number=int(asked)).first()
        if shown is None:
            raise Http404
    until = {v.number: nxt.took_effect for v, nxt in zip(versions[1:], versions[:-1], strict=True)}
    return render(request, "safety/protocol.html", {
        "version": shown,
        "current": current,
        "ended": until.get(shown.number),
        "versions": [{"number": v.number, "took_effect": v.took_effect, "ended": until.get(v.number)}
                     for v in versions],
        "p": protocol.display(shown.facts),
    })
