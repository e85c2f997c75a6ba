"""The staff paging page (/staff/paging/): push in this browser, a mobile number, a test page.

Only alert-handling staff who proved a second factor may use it; everyone else gets 404. All of
/staff/ is behind two-factor authentication as well (accounts.middleware.StaffTwoFactorMiddleware).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearthside.safety.actions import can_handle_alerts_now

from . import actions
from .models import Page, PagingProfile
from .push import push_enabled
from .sms import sms_provider


def _require_alert_staff(request):
    if not can_handle_alerts_now(request.user):
        raise Http404


def _json_body(request):
    from django.http.request import RawPostDataException

    try:
        return json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError, RawPostDataException):
        # RawPostDataException: a form post, whose body Django has already read as a form.
        raise ValidationError(_("Send JSON.")) from None


@login_required
@require_http_methods(["GET", "POST"])
def paging_settings(request):
    _require_alert_staff(request)
    user = request.user
    error, status = None, 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "phone":
                saved = actions.check_set_phone(user, request.POST.get("phone", ""), request=request)
                messages.success(request, _("Mobile number saved.") if saved else _("Mobile number removed."))
            elif action == "test":
                actions.check_send_test_page(user, request=request)
                messages.success(request, _("Test page queued. It arrives within moments if the worker is running."))
            elif action == "remove_device":
                try:
                    device = int(request.POST.get("device", ""))
                except (TypeError, ValueError):
                    raise ValidationError(_("Choose a browser to remove.")) from None
                actions.do_unsubscribe(user, subscription_id=device, request=request)
                messages.success(request, _("That browser no longer receives pages."))
            else:
                raise ValidationError(_("Unknown action."))
        except ValidationError as exc:
            error = " ".join(exc.messages)
            status = 429 if getattr(exc, "code", None) == "rate" else 400
        else:
            return redirect("paging:settings")
    profile = PagingProfile.objects.filter(user=user).first()
    return render(request, "paging/settings.html", {
        "push_enabled": push_enabled(),
        "vapid_public_key": settings.PAGING_VAPID_PUBLIC_KEY,
        "sms_enabled": sms_provider() is not None,
        "devices": list(user.push_subscriptions.order_by("-created_at")),
        "phone": request.POST.get("phone", "") if error and request.POST.get("action") == "phone"
        else (profile.phone if profile else ""),
        "tests": list(Page.objects.filter(user=user, reason=Page.Reason.TEST).order_by("-created_at", "-pk")[:6]),
        "error": error,
    }, status=status)


@login_required
@require_POST
def subscribe(request):
    _require_alert_staff(request)
    try:
        actions.check_subscribe(request.user, _json_body(request), request=request)
    except ValidationError as exc:
        return JsonResponse({"error": " ".join(exc.messages)}, status=400)
    return JsonResponse({"ok": True, "devices": request.user.push_subscriptions.count()}, status=201)


@login_required
@require_POST
def unsubscribe(request):
    _require_alert_staff(request)
    try:
        data = _json_body(request)
    except ValidationError as exc:
        return JsonResponse({"error": " ".join(exc.messages)}, status=400)
    endpoint = data.get("endpoint") if isinstance(data, dict) else None
    if not isinstance(endpoint, str) or not endpoint:
        return JsonResponse({"error": _("Send the endpoint of the subscription to remove.")}, status=400)
    removed = actions.do_unsubscribe(request.user, endpoint=endpoint, request=request)
    return JsonResponse({"ok": True, "removed": removed})


@require_GET
def service_worker(request):
    """The site's one service worker (core/device.py), also at its old address.

    Browsers that turned push on before the worker moved to /sw.js hold a registration with this
    scope; serving them the same worker keeps their pages arriving until the paging page moves
    them to the site-wide registration (paging.js). Public on purpose: it holds no data."""
    from hearthside.core.device import service_worker as site_worker

    return site_worker(request)
