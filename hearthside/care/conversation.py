"""Secure messaging between a client and their practitioner, and the live-session signalling
that rides on the same websocket topic (``care.<relationship id>``).

Client → server frames (prefix "care"):
  {"type": "care.send", "relationship": id, "client_id": str, "body": str, "appointment"?: id}
  {"type": "care.sync", "relationship": id, "after": seq}       catch up from the database
  {"type": "care.history", "relationship": id, "before": seq}   page backwards
  {"type": "care.read", "relationship": id, "seq": seq}         read receipt
  {"type": "care.signal", "appointment": id, "data": {...}}     WebRTC offer/answer/candidate (once admitted)
  {"type": "care.presence", "appointment": id, "state": "joined"|"here"|"alive"|"left"|"mode"|"media",
   "mode"?: str, "reason"?: str, "audio"?: bool, "video"?: bool}
  {"type": "care.admit", "appointment": id}                      the practitioner lets the client in
Server → client: "care.ack", "care.message", "care.history", "care.read", "care.signal",
"care.presence" (also with state "admitted", sent only by the server), "error".
"""

from __future__ import annotations

import json

from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.accounts.auth import SecondFactorRequired, proved_second_factor
from hearthside.core import realtime
from hearthside.core.conversation import check_rate, next_seq, page, resent, store_once
from hearthside.core.errors import REFUSALS, refusal
from hearthside.core.events import publish_on_commit, user_group
from hearthside.core.prepared import Prepared

from . import actions, clinical
from .models import Appointment, CareRelationship, Message

MAX_MESSAGE = 5000
RATE_PER_MINUTE = 30


def access_relationship(user, relationship_id) -> CareRelationship:
    """A relationship its client or its practitioner may see; 404 for anyone else. The
    practitioner must have proved a second factor (``clinical.require_second_factor``)."""
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        relationship = (CareRelationship.objects.select_related("client", "practitioner__user")
                        .get(Q(client=user) | Q(practitioner__user=user), pk=relationship_id))
    except (CareRelationship.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    if relationship.client_id != user.pk:
        clinical.require_second_factor(user)
    return relationship


def relationships_for(user):
    return (CareRelationship.objects.filter(Q(client=user) | Q(practitioner__user=user))
            .select_related("client", "practitioner__user").order_by("status", "-started_at"))


def message_frame(message: Message) -> dict:
    return {"type": "care.message", "relationship": message.relationship_id, "seq": message.seq,
            "at": message.created_at.isoformat(), "author_id": message.author_id,
            "author": message.author.pseudonym if message.author_id else _("Former member"),
            "body": message.body, "appointment": message.appointment_id, "flag": message.risk_level}


def _other_party_id(relationship: CareRelationship, user) -> int:
    return relationship.practitioner.user_id if user.pk == relationship.client_id else relationship.client_id


def check_send_message(user, relationship: CareRelationship, client_id: str, body: str, *, appointment_id=None):
    """Screen, store, broadcast after commit. Returns (message, created, route).

    A resend with the same client id returns the stored message and never duplicates it.

    A client's message reaches their own practitioner whatever screening finds, as on the support
    line: crisis words are exactly what the person they wrote to must read. Screening still keeps
    the flagged copy, raises the safety alert for the on-duty team and shows the client help; the
    message carries the level as its flag (``risk_level``), and the practitioner is told through
    the safety signals (``care.risk``). A practitioner's message screened as crisis is still held:
    a client is not the one to receive it, and the alert covers the practitioner.
    """
    client_id = realtime.clean_client_id(client_id)
    existing = resent(Message, relationship, user, client_id)
    if existing is not None:
        return existing, False, None
    body = realtime.clean_body(body, MAX_MESSAGE)
    if relationship.status != CareRelationship.Status.ACTIVE:
        raise PermissionDenied(_("You no longer work together, so new messages cannot be sent here."))
    check_rate(Message, relationship, user, RATE_PER_MINUTE,
               _("You are sending messages very quickly. Try again in a minute."))
    appointment = None
    if appointment_id is not None:
        appointment = Appointment.objects.filter(pk=appointment_id, client=relationship.client,
                                                 practitioner=relationship.practitioner).first()
    from hearthside.safety.actions import recent_texts, screen_and_route

    history = recent_texts(Message.objects.filter(relationship=relationship, author=user))
    to_practitioner = user.pk == relationship.client_id

    def store():
        route = screen_and_route(user, body, "care.message", source_id=f"{relationship.pk}:{client_id}",
                                 context="chat", history=history, delivered_anyway=to_practitioner)
        # The flag is what an alert was raised for; a screening failure raises none (the copy waits
        # in the review queue) and a practitioner's own words are never flagged to their client.
        flag = route.level if to_practitioner and route.alert is not None else ""
        if not route.publish and not to_practitioner:
            message = Message.objects.create(relationship=relationship, author=user, client_id=client_id,
                                             body=body, status=Message.Status.HELD, appointment=appointment)
            return message, route
        # The UPDATE takes the relationship row's lock: sequence numbers follow commit order.
        seq = next_seq(CareRelationship, relationship.pk)
        message = Message.objects.create(relationship=relationship, author=user, client_id=client_id, body=body,
                                         seq=seq, appointment=appointment, risk_level=flag)
        publish_on_commit(actions.relationship_topic(relationship.pk), message_frame(message))
        publish_on_commit([user_group(_other_party_id(relationship, user))],
                          {"type": "care.unread", "relationship": relationship.pk, "seq": seq})
        return message, route

    return store_once(Message, relationship, user, client_id, store)


def flagged_note(relationship: CareRelationship) -> str:
    """What a client is told under their own flagged message: who will read it."""
    return _("Your practitioner %(p)s will see this, and our safety team has been asked to reach out.") % {
        "p": relationship.practitioner.user.pseudonym}


def history(user, relationship: CareRelationship, *, after=None, before=None, limit: int = 50) -> list[dict]:
    rows = page(Message.objects.filter(relationship=relationship).select_related("author"), after=after,
                before=before, limit=limit)
    return [message_frame(m) for m in rows]


def do_mark_read(user, relationship: CareRelationship, seq: int) -> int:
    """Record how far this person has read; the other side sees the receipt live."""
    field = "client_read_seq" if user.pk == relationship.client_id else "practitioner_read_seq"
    seq = max(0, min(int(seq), relationship.last_seq))
    with transaction.atomic():
        updated = CareRelationship.objects.filter(pk=relationship.pk, **{f"{field}__lt": seq}).update(**{field: seq})
        if updated:
            publish_on_commit(actions.relationship_topic(relationship.pk), {
                "type": "care.read", "relationship": relationship.pk,
                "reader": "client" if field == "client_read_seq" else "practitioner", "seq": seq})
    return seq


# ---------------------------------------------------------------------------------------------
# Live session room


def room_open(appointment: Appointment, now=None) -> bool:
    now = now or timezone.now()
    return (appointment.status == Appointment.Status.BOOKED
            and appointment.starts_at - actions.ROOM_OPENS_BEFORE <= now <= appointment.ends_at + actions.ROOM_CLOSES_AFTER)


def check_admit_to_room(user, appointment_id) -> Appointment:
    """The practitioner lets the client in from the room's waiting room (docs/care.md).

    Only the appointment's practitioner, with a proved second factor (``access_room``), while the
    room is open. The first admission is stored and audited; the "admitted" frame is sent every
    time, so a client whose socket reconnected hears it again."""
    from hearthside.core import audit

    appointment, relationship = access_room(user, appointment_id)
    if appointment.practitioner.user_id != user.pk:
        raise PermissionDenied(_("Only the practitioner lets someone in."))
    if not room_open(appointment):
        raise ValidationError(_("The session room is not open now."))
    with transaction.atomic():
        now = timezone.now()
        if Appointment.objects.filter(pk=appointment.pk, admitted_at__isnull=True).update(admitted_at=now):
            appointment.admitted_at = now
            audit.record("care.room_admitted", actor=user, obj=appointment, subject=appointment.client)
        publish_on_commit(actions.relationship_topic(relationship.pk), {
            "type": "care.presence", "appointment": appointment.pk, "from": user.pk, "state": "admitted"})
    return appointment


def access_room(user, appointment_id) -> tuple[Appointment, CareRelationship]:
    """The session room of an appointment, for its client and its practitioner while they work
    together; the practitioner must have proved a second factor (the room carries the messages)."""
    appointment = actions.access_appointment(user, appointment_id)
    relationship = (CareRelationship.objects.select_related("client", "practitioner__user")
                    .filter(client=appointment.client, practitioner=appointment.practitioner,
                            status=CareRelationship.Status.ACTIVE).first())
    if relationship is None:
        raise Http404
    if appointment.client_id != user.pk:
        clinical.require_second_factor(user)
    return appointment, relationship


# ---------------------------------------------------------------------------------------------
# The websocket channel


# Asked by every websocket handshake: compiled once (core.prepared).
_active_relationships_as_client = Prepared(lambda user_id: CareRelationship.objects.filter(
    client_id=user_id, status=CareRelationship.Status.ACTIVE).values_list("pk", flat=True), int)
_active_relationships_any_side = Prepared(lambda user_id: CareRelationship.objects.filter(
    Q(client_id=user_id) | Q(practitioner__user_id=user_id), status=CareRelationship.Status.ACTIVE)
    .values_list("pk", flat=True), int)


class CareChannel(realtime.Channel):
    prefix = "care"

    def topics_for(self, user) -> list[str]:
        # The practitioner's relationships only on a socket that proved a second factor, the rule
        # of access_relationship; ``may_subscribe`` (a relationship begun while connected) asks
        # this same list.
        ids = (_active_relationships_any_side if proved_second_factor(user) else _active_relationships_as_client)
        return [actions.relationship_topic(pk) for pk in ids(user.pk)]

    async def receive(self, consumer, content) -> None:
        user = consumer.scope["user"]
        kind = content.get("type")
        handler = {"care.send": _ws_send, "care.sync": _ws_history, "care.history": _ws_history,
                   "care.read": _ws_read, "care.signal": _ws_relay, "care.presence": _ws_relay,
                   "care.admit": _ws_admit}.get(kind)
        if handler is None:
            await consumer.send_json({"type": "error", "code": "unsupported", "detail": f"{kind} is not supported."})
            return
        reply = await handler(user, content)
        if reply is not None:
            await consumer.send_json(reply)




def _error(code, detail, **extra) -> dict:
    return {"type": "error", "code": code, "detail": detail, **extra}


@database_sync_to_async
def _ws_send(user, content):
    client_id = str(content.get("client_id") or "")[:100]
    try:
        relationship = access_relationship(user, realtime.int_or_none(content.get("relationship")))
        body = content.get("body")
        message, created, route = check_send_message(user, relationship, client_id,
                                                     body if isinstance(body, str) else "",
                                                     appointment_id=realtime.int_or_none(content.get("appointment")))
    except Http404:
        return _error("not_found", "Not found.", client_id=client_id)
    except REFUSALS as exc:
        answer = refusal(exc)
        return _error(answer.code, answer.message, client_id=client_id)
    ack = {"type": "care.ack", "relationship": relationship.pk, "client_id": client_id, "seq": message.seq,
           "status": message.status, "duplicate": not created}
    if route is not None and route.show_help:
        ack["help"] = True
    if message.risk_level and message.author_id == relationship.client_id:
        ack["flag"] = message.risk_level
        ack["note"] = flagged_note(relationship)
    return ack


def _named_relationship(user, content):
    """The relationship a frame names, or the error frame that answers it: ``not_found`` when it
    is not this person's, ``forbidden`` until a practitioner proves a second factor."""
    try:
        return access_relationship(user, realtime.int_or_none(content.get("relationship"))), None
    except Http404:
        return None, _error("not_found", "Not found.")
    except SecondFactorRequired as exc:
        return None, _error("forbidden", str(exc))


@database_sync_to_async
def _ws_history(user, content):
    relationship, refused = _named_relationship(user, content)
    if refused:
        return refused
    sync = content.get("type") == "care.sync"
    rows = history(user, relationship, after=realtime.int_or_none(content.get("after")) if sync else None,
                   before=None if sync else realtime.int_or_none(content.get("before")))
    return {"type": "care.history", "relationship": relationship.pk, "messages": rows,
            "mode": "sync" if sync else "page", "upto": relationship.last_seq,
            "read": {"client": relationship.client_read_seq, "practitioner": relationship.practitioner_read_seq}}


@database_sync_to_async
def _ws_read(user, content):
    relationship, refused = _named_relationship(user, content)
    if refused:
        return refused
    seq = realtime.int_or_none(content.get("seq"))
    if seq is not None:
        do_mark_read(user, relationship, seq)
    return None


SIGNAL_KINDS = {"offer", "answer", "candidate", "restart"}
MAX_SIGNAL = 20000
# What a person in the room says about themselves. "admitted" is not among them: only the server
# sends it, from check_admit_to_room.
PRESENCE_STATES = {"joined", "here", "alive", "left", "mode", "media"}


@database_sync_to_async
def _ws_admit(user, content):
    try:
        check_admit_to_room(user, realtime.int_or_none(content.get("appointment")))
    except Http404:
        return _error("not_found", "Not found.")
    except PermissionDenied as exc:  # SecondFactorRequired too
        return _error("forbidden", str(exc))
    except ValidationError as exc:
        return _error("closed", " ".join(exc.messages))
    return None


@database_sync_to_async
def _ws_relay(user, content):
    """Relay WebRTC signalling and room presence to the other person of an open session room.
    Nothing is stored: signalling is transient; the session and its chat are in the database."""
    try:
        appointment, relationship = access_room(user, realtime.int_or_none(content.get("appointment")))
    except Http404:
        return _error("not_found", "Not found.")
    except SecondFactorRequired as exc:
        return _error("forbidden", str(exc))
    if not room_open(appointment):
        return _error("closed", "The session room is not open now.")
    frame = {"type": content["type"], "appointment": appointment.pk, "from": user.pk}
    if content["type"] == "care.signal":
        # The waiting room holds: no call is set up before the practitioner lets the client in.
        if appointment.admitted_at is None:
            return _error("waiting", "The practitioner has not let the client in yet.")
        data = content.get("data")
        if not isinstance(data, dict) or data.get("kind") not in SIGNAL_KINDS:
            return _error("invalid", "Unknown signal.")
        if len(json.dumps(data)) > MAX_SIGNAL:
            return _error("invalid", "Signal too large.")
        frame["data"] = data
    else:
        state = content.get("state")
        if state not in PRESENCE_STATES:
            return _error("invalid", "Unknown presence state.")
        frame["state"] = state
        if state == "mode":
            mode = content.get("mode")
            if mode not in {"video", "audio", "text"}:
                return _error("invalid", "Unknown mode.")
            frame["mode"] = mode
            frame["reason"] = str(content.get("reason") or "")[:200]
        elif state == "media":
            # Microphone muted or camera off: told to the other person, so that silence or a dark
            # picture is not taken for a weak connection.
            audio, video = content.get("audio"), content.get("video")
            if not isinstance(audio, bool) or not isinstance(video, bool):
                return _error("invalid", "Say whether audio and video are on.")
            frame["audio"], frame["video"] = audio, video
    publish_on_commit(actions.relationship_topic(relationship.pk), frame)
    return None


def ice_servers() -> list[dict]:
    """The RTCPeerConnection iceServers list from settings (empty: host candidates only)."""
    from django.conf import settings

    servers = []
    stun = getattr(settings, "CARE_STUN_URLS", [])
    turn = getattr(settings, "CARE_TURN_URLS", [])
    if stun:
        servers.append({"urls": list(stun)})
    if turn:
        servers.append({"urls": list(turn), "username": getattr(settings, "CARE_TURN_USERNAME", ""),
                        "credential": getattr(settings, "CARE_TURN_CREDENTIAL", "")})
    return servers
