"""The end of a conversation: wrap-up, marking abuse, the person's own end, leaving a message,
feedback, transcripts and their retention."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.core import audit
from hearthside.core.events import publish_on_commit
from hearthside.core.i18n import in_language_of

from ..models import Conversation, Message
from .common import (
    LIVE,
    MAX_MESSAGE,
    MAX_NOTE,
    SOURCE,
    _alert_step,
    _display,
    _queue_changed,
    is_supporter,
    retention_days,
    staff_role_in,
    status_frame,
    topic,
)
from .messages import _reassess, _system


def _end(conversation: Conversation, text: str) -> None:
    conversation.status = Conversation.Status.ENDED
    conversation.ended_at = timezone.now()
    conversation.save(update_fields=["status", "ended_at"])
    _alert_step(conversation, "conversation_ended", outcome=conversation.outcome)
    _system(conversation, text)
    publish_on_commit(topic(conversation.pk), status_frame(conversation))
    _queue_changed()


def check_wrap_up(user, conversation: Conversation, outcome: str, concern: bool | None, request=None) -> Conversation:
    """End the conversation with an outcome. The supporter's judgement on the screening (was
    there a real concern?) labels the conversation's screened messages for the safety layer's
    training examples (``hearthside safety export-labels``), as a moderator's decision does."""
    from hearthside.safety.models import ScreenedItem

    if staff_role_in(user, conversation) not in ("supporter", "joined"):
        raise Http404
    if outcome not in Conversation.Outcome.values:
        raise ValidationError({"outcome": [_("Choose an outcome.")]})
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update(of=("self",)).select_related("supporter").get(pk=conversation.pk)
        if conversation.outcome:
            raise ValidationError(_("This conversation was already wrapped up."))
        conversation.outcome = outcome
        conversation.save(update_fields=["outcome"])
        if conversation.is_live:
            with in_language_of(conversation.person_id):
                text = _("The conversation has ended. Take care of yourself.")
            _end(conversation, text)
        if concern is not None:
            label = ScreenedItem.Label.TRUE_CONCERN if concern else ScreenedItem.Label.FALSE_ALARM
            ScreenedItem.objects.filter(source=SOURCE, source_id=str(conversation.pk), label="").update(
                label=label, reviewed_by_id=user.pk, reviewed_at=timezone.now())
        audit.record("supportline.wrapped_up", actor=user, request=request, obj=conversation,
                     subject=conversation.person_id, detail={"outcome": outcome, "concern": concern})
    return conversation


def check_mark_abuse(user, conversation: Conversation, note: str = "", request=None) -> Conversation:
    """The supporter judges the conversation not genuine (a queue flooded with fake crisis
    openings): it ends, its screened messages are labelled false alarms, and the safety alert it
    raised is resolved as a false alarm with the supporter named on its timeline -- so the
    on-duty team is not sent after it, and the queue is free for the next real person."""
    from hearthside.safety.actions import resolve_as_abuse

    if staff_role_in(user, conversation) not in ("supporter", "joined"):
        raise Http404
    note = (note or "").replace("\x00", "").strip()[:MAX_NOTE]
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update(of=("self",)).get(pk=conversation.pk)
        if conversation.outcome:
            raise ValidationError(_("This conversation was already wrapped up."))
        conversation.outcome = Conversation.Outcome.ABUSE
        conversation.save(update_fields=["outcome"])
        if conversation.is_live:
            with in_language_of(conversation.person_id):
                text = _("The conversation has ended.")
            _end(conversation, text)
        from hearthside.safety.models import ScreenedItem

        ScreenedItem.objects.filter(source=SOURCE, source_id=str(conversation.pk), label="").update(
            label=ScreenedItem.Label.FALSE_ALARM, reviewed_by_id=user.pk, reviewed_at=timezone.now())
        resolve_as_abuse(user, person=conversation.person, source=SOURCE, source_id=str(conversation.pk),
                         note=note, request=request)
        audit.record("supportline.marked_abuse", actor=user, request=request, obj=conversation,
                     subject=conversation.person_id)
    return conversation


def check_end_by_person(user, conversation: Conversation, request=None) -> Conversation:
    if conversation.person_id != user.pk:
        raise Http404
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if conversation.is_live:
            _end(conversation, _("%(name)s ended the conversation.") % {"name": user.pseudonym})
            audit.record("supportline.ended", actor=user, request=request, obj=conversation, subject=user)
    return conversation


def check_leave_message(user, conversation: Conversation, text: str, contact: str, request=None) -> Conversation:
    """Leave the queue with a message, to be contacted later."""
    if conversation.person_id != user.pk:
        raise Http404
    text = (text or "").replace("\x00", "").strip()
    contact = (contact or "").replace("\x00", "").strip()
    if not text:
        raise ValidationError({"message": [_("Write a message first.")]})
    if len(text) > MAX_MESSAGE or len(contact) > 200:
        raise ValidationError({"message": [_("That is too long.")]})
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if conversation.status != Conversation.Status.WAITING:
            raise ValidationError(_("A supporter is already with you, or the conversation has ended."))
        _reassess(conversation, user, text)
        conversation.status = Conversation.Status.MESSAGE_LEFT
        conversation.message_left = text
        conversation.contact = contact
        conversation.save(update_fields=["status", "message_left", "contact"])
        audit.record("supportline.message_left", actor=user, request=request, obj=conversation, subject=user)
        _queue_changed()
    return conversation


def check_mark_contacted(user, conversation: Conversation, request=None) -> None:
    if not is_supporter(user) or conversation.person_id == user.pk:
        raise Http404
    if conversation.status != Conversation.Status.MESSAGE_LEFT or conversation.contacted_at:
        raise ValidationError(_("Nothing to mark."))
    conversation.contacted_at = timezone.now()
    conversation.save(update_fields=["contacted_at"])
    audit.record("supportline.contacted", actor=user, request=request, obj=conversation,
                 subject=conversation.person_id)


FEEDBACK_HELPED = ("yes", "somewhat", "no")
FEEDBACK_AGAIN = ("yes", "maybe", "no")


def check_feedback(user, conversation: Conversation, helped: str, again: str) -> Conversation:
    if conversation.person_id != user.pk:
        raise Http404
    if conversation.is_live:
        raise ValidationError(_("Feedback comes after the conversation."))
    if helped not in FEEDBACK_HELPED or again not in FEEDBACK_AGAIN:
        raise ValidationError(_("Answer both questions."))
    conversation.feedback_helped = helped
    conversation.feedback_again = again
    conversation.save(update_fields=["feedback_helped", "feedback_again"])
    return conversation


def transcript_text(conversation: Conversation) -> str:
    lines = [f"Support line conversation {conversation.pk}, started {conversation.created_at:%Y-%m-%d %H:%M} UTC", ""]
    for m in Message.objects.filter(conversation=conversation, seq__isnull=False).select_related("author").order_by("seq"):
        who = {"person": _("You"), "system": "—"}.get(m.kind, _display(m.author))
        lines.append(f"[{m.created_at:%H:%M}] {who}: {m.body}")
    return "\n".join(lines) + "\n"


def check_delete_transcript(user, conversation: Conversation, request=None) -> Conversation:
    """The person deletes what was said. Times, the risk level and the outcome stay (no words):
    they are the line's statistics. Screened copies the safety team holds follow its retention."""
    if conversation.person_id != user.pk:
        raise Http404
    if conversation.is_live:
        raise ValidationError(_("End the conversation before deleting it."))
    from hearthside.safety.actions import forget_source

    with transaction.atomic():
        Message.objects.filter(conversation=conversation).delete()
        forget_source(conversation.person, SOURCE, [conversation.pk])
        conversation.message_left = ""
        conversation.contact = ""
        conversation.transcript_deleted_at = timezone.now()
        conversation.save(update_fields=["message_left", "contact", "transcript_deleted_at"])
        audit.record("supportline.transcript_deleted", actor=user, request=request, obj=conversation, subject=user)
    return conversation


def purge_expired(now=None) -> int:
    """Delete transcripts (and guest identities) older than the operator's retention. Idempotent."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days())
    old = Conversation.objects.filter(ended_at__lt=cutoff, transcript_deleted_at__isnull=True)
    count = 0
    for conversation in old.iterator():
        with transaction.atomic():
            Message.objects.filter(conversation=conversation).delete()
            from hearthside.safety.actions import forget_source

            forget_source(conversation.person_id, SOURCE, [conversation.pk])
            Conversation.objects.filter(pk=conversation.pk).update(
                message_left="", contact="", note="", handoff_summary="", transcript_deleted_at=now)
            count += 1
    from hearthside.accounts.models import User

    # A guest has nothing but their conversations; once those are past retention, the guest goes.
    stale = User.objects.filter(supportline_guest__created_at__lt=cutoff).exclude(
        supportline_conversations__status__in=LIVE).exclude(supportline_conversations__ended_at__gte=cutoff)
    for user in stale:
        user.delete()
    return count
