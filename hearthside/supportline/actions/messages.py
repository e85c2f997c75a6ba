"""Support-line messages on the conversation core (core/conversation.py): storing (the person's words
screened first, the conversation's risk raised), sending with safe resends, history and catch-up."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from hearthside.core import audit, realtime
from hearthside.core.conversation import next_seq, page, resent, store_once
from hearthside.core.events import publish_on_commit

from .. import policy
from ..models import Conversation, Message
from .common import (
    MAX_MESSAGE,
    SOURCE,
    SUPERVISE_TOPIC,
    _alert_step,
    _display,
    _queue_changed,
    staff_role_in,
    staff_topic,
    topic,
)


def message_frame(message: Message) -> dict:
    frame = {"type": "line.message", "conversation": message.conversation_id, "seq": message.seq,
             "kind": message.kind, "body": message.body, "at": message.created_at.isoformat()}
    if message.kind in (Message.Kind.SUPPORTER, Message.Kind.WHISPER):
        # The person is told the supporter's name only.
        frame["author"] = _display(message.author)
    if message.kind == Message.Kind.WHISPER:
        frame["type"] = "line.whisper"
    return frame


def _next_seq(conversation: Conversation) -> int:
    # The UPDATE takes the conversation row's lock: sequence numbers are given out in commit
    # order, one at a time, the same for everyone in the conversation.
    seq = conversation.last_seq = next_seq(Conversation, conversation.pk)
    return seq


def _store(conversation: Conversation, author, kind: str, body: str, *, client_id: str = "") -> Message:
    """Store (screening the person's words first) and publish after commit. Inside a transaction."""
    level = ""
    if kind == Message.Kind.PERSON:
        level = _reassess(conversation, author, body)
    seq = None if kind == Message.Kind.WHISPER else _next_seq(conversation)
    message = Message.objects.create(conversation=conversation, author=author, kind=kind, body=body,
                                     client_id=client_id, seq=seq, level=level)
    target = staff_topic(conversation.pk) if kind == Message.Kind.WHISPER else topic(conversation.pk)
    publish_on_commit(target, message_frame(message))
    return message


def _system(conversation: Conversation, text: str) -> Message:
    return _store(conversation, None, Message.Kind.SYSTEM, text)


def _reassess(conversation: Conversation, person, body: str) -> str:
    """Screen what the person wrote; a higher level raises the conversation's risk (and its place
    in the queue). A rise once a supporter is with them flags it to the supervisors.

    The message is delivered whatever the level: on the line, crisis words are exactly what a
    trained supporter must read. screen_and_route still keeps the flagged copy, raises the alert
    (one per conversation: the source id is the conversation) and shows the person help.
    """
    from hearthside.safety.actions import recent_texts, screen_and_route

    # The message being screened may already be stored: it is not its own history.
    history = [t for t in recent_texts(Message.objects.filter(conversation=conversation, author=person,
                                                              kind=Message.Kind.PERSON), limit=7) if t != body]
    route = screen_and_route(person, body, SOURCE, source_id=str(conversation.pk), context="chat",
                             history=history, delivered_anyway=True)
    rank = policy.RISK_RANK.get(route.level, 0)
    if rank <= conversation.risk_rank:
        return route.level
    rising_mid_conversation = conversation.status == Conversation.Status.ACTIVE
    conversation.risk_rank = rank
    conversation.risk_level = route.level
    conversation.reasons = (list(conversation.reasons or []) + list(route.reasons or []))[-20:]
    fields = ["risk_rank", "risk_level", "reasons"]
    if rising_mid_conversation and rank >= policy.RISK_RANK["moderate"]:
        conversation.flagged = True
        fields.append("flagged")
        frame = {"type": "line.risk", "conversation": conversation.pk, "level": route.level,
                 "reasons": _reason_labels(route.reasons)}
        publish_on_commit(staff_topic(conversation.pk), frame)
        publish_on_commit(SUPERVISE_TOPIC, frame)
        audit.record("supportline.risk_rose", obj=conversation, subject=person, detail={"level": route.level})
    conversation.save(update_fields=fields)
    if conversation.status == Conversation.Status.WAITING:
        _queue_changed()
    return route.level


def _reason_labels(reasons) -> list[str]:
    labels = []
    for reason in reasons or []:
        if isinstance(reason, dict):
            label = reason.get("label") or reason.get("construct") or ""
            if label and label not in labels:
                labels.append(str(label))
    return labels


def sender_kind(user, conversation: Conversation, *, whisper: bool = False) -> str:
    """What ``user`` may send here, or PermissionDenied/Http404."""
    if conversation.person_id == user.pk:
        if whisper:
            raise PermissionDenied(_("Only staff can send private notes."))
        return Message.Kind.PERSON
    role = staff_role_in(user, conversation)
    if role is None:
        raise Http404
    if whisper and role in ("supporter", "joined", "read"):
        return Message.Kind.WHISPER
    if role in ("supporter", "joined") and not whisper:
        return Message.Kind.SUPPORTER
    if role == "read":
        raise PermissionDenied(_("You are reading along silently. Join the conversation to write to the person."))
    raise Http404


def check_send(user, conversation: Conversation, client_id: str, body: str, *, whisper: bool = False):
    """Store then send. Returns (message, created). A resend with the same client id returns the
    stored message and never duplicates it."""
    client_id = realtime.clean_client_id(client_id)
    existing = resent(Message, conversation, user, client_id)
    if existing is not None:
        return existing, False
    body = realtime.clean_body(body, MAX_MESSAGE)
    kind = sender_kind(user, conversation, whisper=whisper)
    if not conversation.is_live:
        raise ValidationError({"body": [_("This conversation has ended.")]})
    if kind == Message.Kind.SUPPORTER and conversation.status != Conversation.Status.ACTIVE:
        raise ValidationError({"body": [_("This conversation has ended.")]})
    def store():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        message = _store(locked, user, kind, body, client_id=client_id)
        if kind == Message.Kind.PERSON and locked.alert_id and not Message.objects.filter(
                conversation=locked, kind=Message.Kind.PERSON, created_at__gte=locked.assigned_at
                or locked.created_at).exclude(pk=message.pk).exists():
            _alert_step(locked, "person_replied", actor=user)
        if kind == Message.Kind.SUPPORTER and locked.first_response_at is None:
            locked.first_response_at = message.created_at
            locked.save(update_fields=["first_response_at"])
        return message, None

    message, created, _route = store_once(Message, conversation, user, client_id, store)
    return message, created


def history(conversation: Conversation, *, after: int | None = None, before: int | None = None,
            limit: int = 100) -> list[dict]:
    """The person's stream, oldest first: after ``after`` (catch-up) or before ``before`` (paging)."""
    rows = page(Message.objects.filter(conversation=conversation).select_related("author"), after=after,
                before=before, limit=limit)
    return [message_frame(m) for m in rows]
