"""Staff API for safety alerts. Under /api/v1/staff/: two-factor required (session or 2FA token)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from hearthside.accounts.auth import require_staff

from . import actions
from .models import SafetyAlert

router = Router(tags=["staff: safety"])


def _staff(request):
    require_staff(request, actions.can_handle_alerts(request.user),
                  "Staff APIs need two-factor authentication: use a token created with a code.")


class AlertOut(Schema):
    id: int
    level: str
    status: str
    tier: int
    source: str
    person: str
    created_at: str
    ack_deadline: str
    constructs: list[str]


class ActionIn(Schema):
    note: str = Field("", max_length=5000)
    outcome: str | None = Field(None, max_length=32)
    route: str = Field("", max_length=32, description="contacted: how you reached them (in_app, email, callback, "
                       "emergency_contact, other)")
    contact_outcome: str = Field("", max_length=32, description="contacted: reached, no_answer, left_message, "
                                 "emergency_contact, emergency_services")


@router.get("/safety/alerts", response=list[AlertOut], summary="Open safety alerts, nearest deadline first")
def list_alerts(request):
    _staff(request)
    alerts = (SafetyAlert.objects.exclude(status=SafetyAlert.Status.RESOLVED).exclude(person=request.user)
              .select_related("person"))
    from hearthside.core import audit

    audit.record("safety.alerts_listed", actor=request.user, request=request)
    return [actions.alert_summary(a) for a in alerts.order_by("ack_deadline")]


class OutreachOut(Schema):
    alert: AlertOut
    conversation: int
    url: str = Field(description="the staff member's page for the conversation")


@router.post("/safety/alerts/{alert_id}/outreach", response=OutreachOut,
             summary="Reach out now: open a live conversation with the alert's person")
def outreach(request, alert_id: int):
    """Opens (or returns, when already open) a live 1:1 support-line conversation between you and
    the person; they see it at once. Send messages on the websocket (``line.send``). 409 when the
    alert is resolved or the person is already with another supporter (join as a supervisor)."""
    _staff(request)
    if not (0 < alert_id < 2**63):
        raise HttpError(404, "Not found.")
    alert = actions.access_alert_by_id(request.user, alert_id)
    try:
        conversation = actions.check_outreach(request.user, alert, request=request)
    except ValidationError as exc:
        raise HttpError(409, " ".join(exc.messages)) from None
    alert.refresh_from_db()
    from django.urls import reverse

    return {"alert": actions.alert_summary(alert), "conversation": conversation.pk,
            "url": reverse("supportline:staff_conversation", args=[conversation.pk])}


@router.post("/safety/alerts/{alert_id}/{action}", response=AlertOut, summary="Acknowledge, record contact or resolve")
def act_on_alert(request, alert_id: int, action: str, payload: ActionIn):
    _staff(request)
    if not (0 < alert_id < 2**63):
        raise HttpError(404, "Not found.")
    alert = actions.access_alert_by_id(request.user, alert_id)
    try:
        if action == "acknowledge":
            alert = actions.check_acknowledge(request.user, alert, request=request)
        elif action == "contacted":
            alert = actions.check_record_contact(request.user, alert, payload.note, route=payload.route,
                                                 outcome=payload.contact_outcome, request=request)
        elif action == "resolve":
            alert = actions.check_resolve(request.user, alert, payload.outcome or "", payload.note, request=request)
        else:
            raise HttpError(404, "Unknown action: use acknowledge, contacted or resolve.")
    except ValidationError as exc:
        raise HttpError(409, " ".join(exc.messages)) from None
    alert.refresh_from_db()
    return actions.alert_summary(alert)
