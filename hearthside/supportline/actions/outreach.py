"""Outreach: the safety team starts the conversation (hearthside.safety.actions.check_outreach)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.core import realtime
from hearthside.core.prepared import Prepared, first_of

from .. import policy
from ..models import Conversation
from .common import LIVE, _alert_step, _display, is_supervisor, topic
from .queue import _joined, _reassign
from .supervision import check_watch


def outreach_opening(staff) -> str:
    return _("%(name)s from our safety team is here. We noticed you may be going through something hard "
             "and wanted to check in with you. You can reply here whenever you are ready.") % {"name": staff.pseudonym}


def do_open_outreach(staff, alert, request=None) -> tuple[Conversation, str]:
    """Open (or find) the live conversation between ``staff`` and the alert's person. Inside the
    caller's transaction. Returns the conversation and what happened: "opened" (a new outreach
    conversation), "taken" (the person was waiting on the line: staff takes the conversation),
    "joined" (a supervisor joins the person's live conversation), "existing" (already theirs).

    A person already talking with another supporter is not pulled away: ValidationError names who
    is with them, and a supervisor can join instead.
    """
    person = alert.person
    existing = (Conversation.objects.select_for_update(of=("self",)).select_related("supporter")
                .filter(person=person, status__in=LIVE).first())
    if existing is not None:
        if existing.alert_id is None:
            existing.alert = alert
            existing.save(update_fields=["alert"])
        if existing.supporter_id == staff.pk:
            return existing, "existing"
        if existing.status == Conversation.Status.WAITING:
            return _reassign(staff, existing, staff, summary="", request=request, action="supportline.outreach"), "taken"
        if is_supervisor(staff):
            check_watch(staff, existing, join=True, request=request)
            return existing, "joined"
        raise ValidationError(_("%(name)s is already talking with them on the support line. A supervisor can join "
                                "that conversation.") % {"name": _display(existing.supporter)})
    now = timezone.now()
    rank = policy.RISK_RANK.get(alert.level, 0)
    conversation = Conversation.objects.create(
        person=person, origin=Conversation.Origin.OUTREACH, alert=alert, status=Conversation.Status.ACTIVE,
        supporter=staff, assigned_at=now, first_response_at=now, risk_level=alert.level, risk_rank=rank)
    realtime.subscribe_on_commit(person.pk, topic(conversation.pk))
    from django.utils import translation

    with translation.override(person.language or None):
        # The person reads it: in their language, whatever the staff member's interface is in.
        opening = outreach_opening(staff)
    _joined(conversation, staff, request=request, action="supportline.outreach_opened", text=opening)
    return conversation, "opened"


def outreach_of(user) -> Conversation | None:
    """The live conversation the safety team opened with ``user`` (the banner on every page)."""
    if user is None or not user.is_authenticated:
        return None
    return _live_outreach.first(user.pk)


# Asked by every signed-in page (the banner): compiled once (core.prepared). Nearly always there is
# none; the supporter's name is loaded when a banner is drawn.
_live_outreach = Prepared(lambda user_id: first_of(Conversation.objects.filter(
    person_id=user_id, status=Conversation.Status.ACTIVE, alert__isnull=False).order_by("-created_at")), int)


def do_mark_seen(user, conversation: Conversation) -> None:
    """The person opened the outreach conversation: its banner stops, the alert's timeline says when."""
    if conversation.person_id != user.pk or conversation.alert_id is None or conversation.seen_at is not None:
        return
    with transaction.atomic():
        if Conversation.objects.filter(pk=conversation.pk, seen_at__isnull=True).update(seen_at=timezone.now()):
            _alert_step(conversation, "person_opened", actor=user)
