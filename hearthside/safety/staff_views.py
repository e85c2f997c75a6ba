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
        "can_read_reports": actions.can_read_reports_now(request.user),
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




@login_required
@require_http_methods(["GET"])
def reports_page(request):
    """Counts to file (safety/reports.py), on the page and as CSV or JSON (``?format=``), for
    safety leads and administrators; every report read is audited. Bad dates, period or format:
    400 with the reason."""
    from datetime import date

    from django.http import HttpResponse

    from . import reports

    if not actions.can_read_reports_now(request.user):
        raise Http404
    today = timezone.localdate()
    given = {"from": request.GET.get("from") or today.replace(month=1, day=1).isoformat(),
             "to": request.GET.get("to") or today.isoformat(),
             "period": request.GET.get("period") or "month"}
    fmt = request.GET.get("format") or "html"
    error = None
    report = None
    try:
        try:
            start, end = date.fromisoformat(given["from"]), date.fromisoformat(given["to"])
        except ValueError:
            raise ValueError(_("Write the dates as YYYY-MM-DD, for example 2026-01-31.")) from None
        if fmt not in ("html", "csv", "json"):
            raise ValueError(_("The format must be csv or json."))
        report = reports.build(start, end, given["period"])
    except ValueError as exc:
        error = str(exc)
    if error and fmt in ("csv", "json"):
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    if report is not None:
        audit.record("safety.report_read", actor=request.user, request=request,
                     detail={"from": given["from"], "to": given["to"], "period": given["period"], "format": fmt})
    if report is not None and fmt in ("csv", "json"):
        body = reports.as_csv(report) if fmt == "csv" else reports.as_json(report)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8" if fmt == "csv"
                                else "application/json; charset=utf-8")
        response["Content-Disposition"] = (f'attachment; filename="safety-report-{report.start}-{report.end}-'
                                           f'{report.period}.{fmt}"')
        return response
    summary, details = [], []
    if report is not None:
        # One line per period with each measure's total, then each period's cells by feature and level.
        by_period: dict[str, dict] = {}
        for row in reports.rows(report):
            period = by_period.setdefault(row["period"], {"period": row["period"], "start": row["period_start"],
                                                          "end": row["period_end"], "totals": [], "cells": []})
            if row["feature"] == reports.ALL:
                period["totals"].append({"name": str(reports.MEASURE_NAMES[row["measure"]]), "shown": row["shown"]})
            else:
                period["cells"].append({**row, "measure_name": str(reports.MEASURE_NAMES[row["measure"]]),
                                        "feature_name": labels.source_name(row["feature"]),
                                        "level_name": labels.level_name(row["level"])})
        summary = list(by_period.values())
        details = [p for p in summary if p["cells"]]
    return render(request, "safety/staff/reports.html", {
        "given": given, "error": error, "report": report, "summary": summary, "details": details,
        "measures": [str(reports.MEASURE_NAMES[m]) for m in reports.MEASURES],
        "method": reports.method(report) if report else None,
        "reconciled": report is not None and all(r["matches"] for r in report.reconciliation().values()),
        "query": f"from={given['from']}&to={given['to']}&period={given['period']}" if report else "",
    }, status=400 if error else 200)
