"""Staff pages of the safety layer: the live alert dashboard, alert detail, review queue and roster.

All of /staff/ is behind two-factor authentication (accounts.middleware.StaffTwoFactorMiddleware).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hearthside.core import audit

from . import actions, labels
from .models import DutyShift, SafetyAlert, ScreenedItem


def _require_alert_staff(request):
    # The middleware already demands two-factor on /staff/; checking here too keeps these pages
    # safe if they are ever mounted elsewhere.
    if not actions.can_handle_alerts_now(request.user):
        raise Http404


@login_required
def dashboard(request):
    _require_alert_staff(request)
    alerts = (SafetyAlert.objects.exclude(status=SafetyAlert.Status.RESOLVED).exclude(person=request.user)
              .select_related("person").order_by("ack_deadline"))
    audit.record("safety.dashboard_viewed", actor=request.user, request=request)
    held = ScreenedItem.objects.filter(label="", status__in=["held", "flagged"]).count()
    return render(request, "safety/staff/dashboard.html", {
        "alerts": [actions.alert_summary(a) for a in alerts],
        "held_count": held,
        "on_duty": actions.on_duty_users(),
        "now": timezone.now(),
    })


@login_required
def alert_detail(request, alert_id: int):
    _require_alert_staff(request)
    alert = actions.access_alert_by_id(request.user, alert_id)
    actions.do_view_alert(request.user, alert, request=request)
    from hearthside.accounts.models import User

    incident = actions.incident(alert)
    from .contact import do_view_routes

    incident["routes"] = do_view_routes(request.user, alert.person, alert=alert, request=request)
    events = incident.pop("events")
    actor_ids = {e.actor_id for e in events if e.actor_id} | set(incident["people_ids"])
    names = dict(User.objects.filter(pk__in=actor_ids).values_list("pk", "pseudonym"))
    return render(request, "safety/staff/alert.html", {
        "alert": alert,
        "events": [{"e": e, "actor": names.get(e.actor_id, ""), "label": actions.TIMELINE_LABELS.get(e.kind, e.kind),
                    **labels.step_details(e.kind, e.detail or {})} for e in events],
        "item": alert.item,
        "outcomes": SafetyAlert.Outcome.choices,
        "contact_outcomes": actions.CONTACT_OUTCOMES,
        "contact_routes_all": actions.CONTACT_ROUTES,
        "acknowledged_by": names.get(alert.acknowledged_by_id, ""),
        "resolved_by": names.get(alert.resolved_by_id, ""),
        **incident,
    })


@login_required
@require_POST
def alert_action(request, alert_id: int):
    _require_alert_staff(request)
    alert = actions.access_alert_by_id(request.user, alert_id)
    action = request.POST.get("action")
    note = request.POST.get("note", "")
    try:
        if action == "acknowledge":
            actions.check_acknowledge(request.user, alert, request=request)
            messages.success(request, _("Acknowledged. The person's alert is yours now."))
        elif action == "outreach":
            conversation = actions.check_outreach(request.user, alert, request=request)
            return redirect("supportline:staff_conversation", conversation_id=conversation.pk)
        elif action == "contacted":
            actions.check_record_contact(request.user, alert, note, route=request.POST.get("route", ""),
                                         outcome=request.POST.get("contact_outcome", ""), request=request)
            messages.success(request, _("Contact recorded."))
        elif action == "resolve":
            actions.check_resolve(request.user, alert, request.POST.get("outcome", ""), note, request=request)
            messages.success(request, _("Resolved."))
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("safety_staff:alert", alert_id=alert.pk)


@login_required
@require_http_methods(["GET", "POST"])
def review_queue(request):
    _require_alert_staff(request)
    if request.method == "POST":
        try:
            item = ScreenedItem.objects.exclude(author=request.user).get(pk=int(request.POST.get("item", "0")))
        except (ScreenedItem.DoesNotExist, ValueError, OverflowError):
            raise Http404 from None
        try:
            actions.check_review_item(request.user, item, request.POST.get("label", ""),
                                      request.POST.get("release") == "1", request=request)
            messages.success(request, _("Decision recorded."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("safety_staff:review")
    items = list(ScreenedItem.objects.filter(label="").exclude(author=request.user).select_related("author")
                 .order_by("created_at")[:50])
    for item in items:
        audit.record("safety.item_viewed", actor=request.user, request=request, obj=item, subject=item.author_id)
    return render(request, "safety/staff/review.html", {"items": items})


@login_required
@require_http_methods(["GET", "POST"])
def roster(request):
    _require_alert_staff(request)
    from hearthside.accounts.models import User

    staff = User.objects.filter(role_grants__role__in=actions.ALERT_ROLES, is_active=True).distinct().order_by("pseudonym")
    error = None
    if request.method == "POST":
        if request.POST.get("delete"):
            try:
                shift_id = int(request.POST["delete"])
            except ValueError:
                raise Http404 from None
            deleted, _detail = DutyShift.objects.filter(pk=shift_id).delete()
            if deleted:
                audit.record("safety.shift_removed", actor=request.user, request=request, object_type="safety.dutyshift",
                             object_id=shift_id)
            return redirect("safety_staff:roster")
        try:
            user = staff.get(pk=int(request.POST.get("user", "0")))
            tz = timezone.get_current_timezone()
            starts = timezone.make_aware(datetime.fromisoformat(request.POST.get("starts_at", "")), tz)
            hours = float(request.POST.get("hours", "8"))
            if not 0 < hours <= 24:
                raise ValueError
        except (User.DoesNotExist, ValueError, OverflowError, TypeError):
            error = _("Choose a staff member, a start time and a length of 1–24 hours.")
        else:
            DutyShift.objects.create(user=user, starts_at=starts, ends_at=starts + timedelta(hours=hours),
                                     note=request.POST.get("note", "").replace("\x00", "")[:200])
            audit.record("safety.shift_added", actor=request.user, request=request, subject=user)
            return redirect("safety_staff:roster")
    now = timezone.now()
    shifts = DutyShift.objects.filter(ends_at__gt=now - timedelta(days=1)).select_related("user")[:200]
    return render(request, "safety/staff/roster.html", {"staff": staff, "shifts": shifts, "now": now, "error": error},
                  status=400 if error else 200)


