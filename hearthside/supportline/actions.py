"""Support-line actions: reaching out, the risk-ordered queue, messages, supervision, hand-offs,
wrap-up, transcripts. Views, the API and the websocket channel call these and nothing else."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, F, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearthside.core import audit, realtime
from hearthside.core.conversation import next_seq, page, resent, store_once
from hearthside.core.events import publish_on_commit, user_group
from hearthside.core.i18n import in_language_of

from . import policy
from .models import Conversation, Guest, Message, SupporterStatus, Watch

MAX_MESSAGE = 4000
MAX_NOTE = 5000
SOURCE = "supportline.message"
SUPPORTER_ROLES = ("peer_supporter", "practitioner", "clinical_supervisor", "administrator")
SUPERVISOR_ROLES = ("clinical_supervisor", "administrator")
# Whom a conversation can be handed to: another supporter, or a clinician.
HANDOFF_ROLES = ("peer_supporter", "practitioner", "clinical_supervisor")
QUEUE_TOPIC = "line.queue"
SUPERVISE_TOPIC = "line.supervise"
GUEST_SESSION_KEY = "supportline_guest"
LIVE = (Conversation.Status.WAITING, Conversation.Status.ACTIVE)

ADJECTIVES = ["Quiet", "Gentle", "Bright", "Calm", "Steady", "Kind", "Warm", "Soft", "Clear", "Brave"]
NOUNS = ["Harbour", "Willow", "Meadow", "Lantern", "River", "Sparrow", "Maple", "Beacon", "Heron", "Fern"]


def capacity() -> int:
    return int(getattr(settings, "SUPPORTLINE_CAPACITY", 3))


def retention_days() -> int:
    return int(getattr(settings, "SUPPORTLINE_RETENTION_DAYS", 30))


def topic(conversation_id: int) -> str:
    """What the person sees: messages, who joined, hand-offs, the end."""
    return f"line.{conversation_id}"


def staff_topic(conversation_id: int) -> str:
    """What only the staff in a conversation see: whispers, risk changes."""
    return f"line.s{conversation_id}"


# ---------------------------------------------------------------------------------------------
# Who is who


def is_supporter(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role(*SUPPORTER_ROLES))


def is_supervisor(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role(*SUPERVISOR_ROLES))


def is_guest_session(request) -> bool:
    return bool(getattr(request, "session", None) is not None and request.session.get(GUEST_SESSION_KEY))


def is_guest(user) -> bool:
    return bool(user is not None and user.is_authenticated and Guest.objects.filter(user=user).exists())


def _display(user) -> str:
    return user.pseudonym if user is not None else ""


# ---------------------------------------------------------------------------------------------
# Access: one helper per kind of access; 404 for "missing" and "not yours" alike.


def _get(conversation_id) -> Conversation:
    try:
        return Conversation.objects.select_related("person", "supporter").get(pk=int(conversation_id))
    except (Conversation.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None


def access_own_conversation(user, conversation_id) -> Conversation:
    """The person's own conversation."""
    if user is None or not user.is_authenticated:
        raise Http404
    conversation = _get(conversation_id)
    if conversation.person_id != user.pk:
        raise Http404
    return conversation


def staff_role_in(user, conversation: Conversation) -> str | None:
    """"supporter", "joined", "read" (a supervisor reading along), "supervisor" (may start to), or None."""
    if user is None or not user.is_authenticated or conversation.person_id == user.pk:
        return None
    if conversation.supporter_id == user.pk and (is_supporter(user) or _outreach_staff(user, conversation)):
        return "supporter"
    if is_supervisor(user):
        watch = Watch.objects.filter(conversation=conversation, supervisor=user).first()
        if watch is not None:
            return "joined" if watch.mode == Watch.Mode.JOINED else "read"
        return "supervisor"
    return None


def _outreach_staff(user, conversation: Conversation) -> bool:
    """Alert-handling staff (a moderator, say) are the supporter of the outreach they opened."""
    from hearthside.safety.actions import can_handle_alerts

    return conversation.origin == Conversation.Origin.OUTREACH and can_handle_alerts(user)


def access_staff_conversation(user, conversation_id) -> tuple[Conversation, str]:
    """A conversation as its supporter or a supervisor sees it; never one's own."""
    conversation = _get(conversation_id)
    role = staff_role_in(user, conversation)
    if role is None:
        raise Http404
    return conversation, role


# ---------------------------------------------------------------------------------------------
# Reaching out


def _random_pseudonym() -> str:
    from hearthside.accounts.models import User

    for _attempt in range(20):
        name = f"{secrets.choice(ADJECTIVES)} {secrets.choice(NOUNS)} {secrets.randbelow(900) + 100}"
        if not User.objects.filter(pseudonym__iexact=name).exists():
            return name
    return f"Guest {secrets.token_hex(4)}"


def do_create_guest(request):
    """A minimal anonymous identity: a pseudonym and nothing else, logged in so the websocket
    authenticates; the session is marked so the guest sees only the support line."""
    from hearthside.accounts.actions import do_login
    from hearthside.accounts.models import User

    with transaction.atomic():
        user = User(username=f"guest-{secrets.token_hex(8)}", pseudonym=_random_pseudonym(), email="")
        user.set_unusable_password()
        user.save()
        Guest.objects.create(user=user)
    do_login(request, user)
    request.session[GUEST_SESSION_KEY] = True
    return user


def live_conversation_of(user) -> Conversation | None:
    return Conversation.objects.filter(person=user, status__in=LIVE).first()


def check_start(user, opening: str = "", *, share_plan: bool = False, request=None,
                origin: str = Conversation.Origin.LINE, risk_level: str = "", handoff_summary: str = "") -> Conversation:
    """Join the queue (or return the conversation already waiting or open).

    ``risk_level``: a level already assessed elsewhere (the companion's hand-off), so the person
    takes their place in the queue at that risk without retelling anything. ``handoff_summary``:
    a summary the person agreed to pass on; the supporter reads it when they join.
    """
    opening = (opening or "").replace("\x00", "").strip()
    if len(opening) > MAX_MESSAGE:
        raise ValidationError({"opening": [ngettext(
            "Keep it under %(n)s character.",
            "Keep it under %(n)s characters.", MAX_MESSAGE) % {"n": MAX_MESSAGE}]})
    handoff_summary = (handoff_summary or "").replace("\x00", "").strip()[:MAX_NOTE]
    if origin not in Conversation.Origin.values:
        raise ValueError(f"unknown origin {origin!r}")
    existing = live_conversation_of(user)
    if existing is not None:
        return existing
    rank = policy.RISK_RANK.get(risk_level, 0) if risk_level else 0
    with transaction.atomic():
        conversation = Conversation.objects.create(
            person=user, share_plan=bool(share_plan), origin=origin, handoff_summary=handoff_summary,
            risk_level=risk_level if rank else "none", risk_rank=rank)
        audit.record("supportline.started", actor=user, request=request, obj=conversation, subject=user)
        if opening:
            _store(conversation, user, Message.Kind.PERSON, opening, client_id="opening")
        _queue_changed()
    return conversation


# ---------------------------------------------------------------------------------------------
# Messages


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


def whispers(conversation: Conversation) -> list[dict]:
    rows = Message.objects.filter(conversation=conversation, kind=Message.Kind.WHISPER).select_related("author")
    return [message_frame(m) for m in rows.order_by("created_at", "pk")[:200]]


# ---------------------------------------------------------------------------------------------
# The queue


def _queue_changed() -> None:
    publish_on_commit(QUEUE_TOPIC, {"type": "line.queue"})
    publish_on_commit(SUPERVISE_TOPIC, {"type": "line.queue"})


def _entry(pk: int, rank: int, created_at) -> policy.QueueEntry:
    return policy.QueueEntry(key=pk, risk_rank=rank, queued_at=created_at.timestamp())


def waiting_entries(*, exclude_person=None, limit: int = 200) -> list[policy.QueueEntry]:
    qs = Conversation.objects.filter(status=Conversation.Status.WAITING)
    if exclude_person is not None:
        qs = qs.exclude(person=exclude_person)
    # The database narrows to the front of the queue with the same ordering; the policy function
    # decides the order.
    rows = qs.order_by("-risk_rank", "created_at", "pk").values_list("pk", "risk_rank", "created_at")[:limit]
    return policy.queue_order(_entry(*row) for row in rows)


def active_count(supporter) -> int:
    return Conversation.objects.filter(supporter=supporter, status=Conversation.Status.ACTIVE).count()


def check_set_available(user, available: bool, request=None) -> SupporterStatus:
    if not is_supporter(user):
        raise Http404
    status, _created = SupporterStatus.objects.get_or_create(user=user)
    if status.available != bool(available):
        status.available = bool(available)
        status.changed_at = timezone.now()
        status.save(update_fields=["available", "changed_at"])
        audit.record("supportline.availability", actor=user, request=request, subject=user,
                     detail={"available": status.available})
    return status


def is_available(user) -> bool:
    return SupporterStatus.objects.filter(user=user, available=True).exists()


def check_help_next(supporter, request=None) -> Conversation | None:
    """Take the waiting conversation with the highest risk (ties: the longest wait).

    The claim is one conditional UPDATE ... WHERE status = 'waiting': of two supporters pressing
    at the same moment, the database lets exactly one change the row; the other sees 0 rows
    changed and tries the next conversation. This holds on SQLite (one writer at a time) and on
    PostgreSQL (the second UPDATE waits for the first and re-checks the WHERE on the new row).
    Returns None when nobody is waiting.
    """
    if not is_supporter(supporter):
        raise Http404
    with transaction.atomic():
        # One supporter's two tabs must not both pass the capacity check: lock their status row.
        status, _created = SupporterStatus.objects.get_or_create(user=supporter)
        status = SupporterStatus.objects.select_for_update().get(pk=status.pk)
        if active_count(supporter) >= capacity():
            raise ValidationError(ngettext(
                "You are already in %(n)s conversation, your limit. Wrap it up first.",
                "You are already in %(n)s conversations, your limit. Wrap one up first.", capacity())
                % {"n": capacity()})
        if not status.available:
            status.available = True
            status.changed_at = timezone.now()
            status.save(update_fields=["available", "changed_at"])
    for entry in waiting_entries(exclude_person=supporter, limit=50):
        now = timezone.now()
        with transaction.atomic():
            claimed = Conversation.objects.filter(pk=entry.key, status=Conversation.Status.WAITING).update(
                status=Conversation.Status.ACTIVE, supporter=supporter, assigned_at=now)
            if not claimed:
                continue
            conversation = Conversation.objects.select_for_update().get(pk=entry.key)
            _joined(conversation, supporter, request=request, action="supportline.assigned")
            _queue_changed()
        return conversation
    return None


def _joined(conversation: Conversation, supporter, *, request=None, action: str, text: str = "") -> None:
    realtime.subscribe_on_commit(supporter.pk, topic(conversation.pk))
    realtime.subscribe_on_commit(supporter.pk, staff_topic(conversation.pk))
    audit.record(action, actor=supporter, request=request, obj=conversation, subject=conversation.person_id)
    with in_language_of(conversation.person_id):  # the person's conversation: their language
        text = text or _("%(name)s has joined the conversation.") % {"name": supporter.pseudonym}
    _system(conversation, text)
    publish_on_commit(topic(conversation.pk), status_frame(conversation))
    publish_on_commit([user_group(supporter.pk)], {"type": "line.assigned", "conversation": conversation.pk})


def status_frame(conversation: Conversation) -> dict:
    return {"type": "line.status", "conversation": conversation.pk, "status": conversation.status,
            "supporter": _display(conversation.supporter) if conversation.supporter_id else ""}


def wait_estimate(conversation: Conversation) -> dict:
    """An honest estimate for the waiting page: people ahead, supporters on, minutes or None."""
    entries = waiting_entries()
    mine = next((e for e in entries if e.key == conversation.pk), None)
    ahead = policy.ahead_of(mine, entries) if mine is not None else 0
    available = list(SupporterStatus.objects.filter(available=True).values_list("user_id", flat=True))
    busy = dict(Conversation.objects.filter(status=Conversation.Status.ACTIVE, supporter_id__in=available)
                .values("supporter_id").annotate(n=Count("pk")).values_list("supporter_id", "n"))
    total = len(available) * capacity()
    free = sum(max(0, capacity() - busy.get(uid, 0)) for uid in available)
    since = timezone.now() - timedelta(days=7)
    mean = (Conversation.objects.filter(ended_at__gte=since, assigned_at__isnull=False)
            .aggregate(m=Avg(F("ended_at") - F("assigned_at")))["m"])
    mean_seconds = mean.total_seconds() if mean is not None else 20 * 60.0
    seconds = policy.estimate_wait_seconds(ahead, free, total, mean_seconds)
    return {"ahead": ahead, "supporters": len(available),
            "minutes": None if seconds is None else max(1, round(seconds / 60))}


# ---------------------------------------------------------------------------------------------
# Supervisors


def _require_supervisor(user) -> None:
    if not is_supervisor(user):
        raise Http404


def check_watch(supervisor, conversation: Conversation, *, join: bool = False, request=None) -> Watch:
    """Read along silently (audited), or join so the person sees the supervisor too."""
    _require_supervisor(supervisor)
    if conversation.person_id == supervisor.pk:
        raise Http404
    if not conversation.is_live:
        raise ValidationError(_("This conversation has ended."))
    with transaction.atomic():
        watch, created = Watch.objects.get_or_create(conversation=conversation, supervisor=supervisor)
        if join and watch.mode != Watch.Mode.JOINED:
            watch.mode = Watch.Mode.JOINED
            watch.save(update_fields=["mode"])
            audit.record("supportline.supervisor_joined", actor=supervisor, request=request, obj=conversation,
                         subject=conversation.person_id)
            conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
            with in_language_of(conversation.person_id):
                text = _("%(name)s, a supervisor, has joined the conversation.") % {"name": supervisor.pseudonym}
            _system(conversation, text)
        elif created:
            audit.record("supportline.read_along", actor=supervisor, request=request, obj=conversation,
                         subject=conversation.person_id)
        realtime.subscribe_on_commit(supervisor.pk, topic(conversation.pk))
        realtime.subscribe_on_commit(supervisor.pk, staff_topic(conversation.pk))
    return watch


def do_view_as_staff(user, conversation: Conversation, role: str, request=None) -> None:
    """Every staff read of a conversation is in the audit log."""
    audit.record("supportline.viewed", actor=user, request=request, obj=conversation,
                 subject=conversation.person_id, detail={"as": role})


def check_take_over(supervisor, conversation: Conversation, request=None) -> Conversation:
    _require_supervisor(supervisor)
    if conversation.person_id == supervisor.pk:
        raise Http404
    if not conversation.is_live:
        raise ValidationError(_("This conversation has ended."))
    return _reassign(supervisor, conversation, supervisor, summary="", request=request, action="supportline.taken_over")


def check_handoff(actor, conversation: Conversation, to_user_id, summary: str, request=None) -> Conversation:
    """Hand the conversation to another supporter or a clinician, with a summary for them."""
    from hearthside.accounts.models import User

    if staff_role_in(actor, conversation) not in ("supporter", "joined", "read", "supervisor"):
        raise Http404
    if staff_role_in(actor, conversation) != "supporter" and not is_supervisor(actor):
        raise Http404
    summary = (summary or "").replace("\x00", "").strip()
    if not summary:
        raise ValidationError({"summary": [_("Write a short summary for the person taking over.")]})
    if len(summary) > MAX_NOTE:
        raise ValidationError({"summary": [ngettext(
            "Keep the summary under %(n)s character.",
            "Keep the summary under %(n)s characters.", MAX_NOTE) % {"n": MAX_NOTE}]})
    try:
        target = User.objects.filter(is_active=True, role_grants__role__in=HANDOFF_ROLES).distinct().get(
            pk=int(to_user_id))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        raise ValidationError({"to": [_("Choose a supporter or clinician.")]}) from None
    if target.pk in (conversation.person_id, conversation.supporter_id):
        raise ValidationError({"to": [_("Choose someone else.")]})
    if not conversation.is_live:
        raise ValidationError(_("This conversation has ended."))
    return _reassign(actor, conversation, target, summary=summary, request=request, action="supportline.handed_off")


def _reassign(actor, conversation: Conversation, target, *, summary: str, request, action: str) -> Conversation:
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update(of=("self",)).select_related("supporter").get(pk=conversation.pk)
        previous = conversation.supporter
        conversation.supporter = target
        conversation.status = Conversation.Status.ACTIVE
        fields = ["supporter", "status"]
        if conversation.assigned_at is None:
            conversation.assigned_at = timezone.now()
            fields.append("assigned_at")
        if summary:
            conversation.handoff_summary = summary
            fields.append("handoff_summary")
        conversation.save(update_fields=fields)
        if previous is not None and previous.pk != target.pk and not Watch.objects.filter(
                conversation=conversation, supervisor=previous).exists():
            realtime.unsubscribe_on_commit(previous.pk, topic(conversation.pk))
            realtime.unsubscribe_on_commit(previous.pk, staff_topic(conversation.pk))
        if previous is None:
            text = _("%(name)s has joined the conversation.") % {"name": target.pseudonym}
        else:
            text = _("%(old)s has handed the conversation to %(new)s, who is with you now.") % {
                "old": previous.pseudonym, "new": target.pseudonym}
        audit.record(action, actor=actor, request=request, obj=conversation, subject=conversation.person_id,
                     detail={"from": getattr(previous, "pk", None), "to": target.pk})
        _joined(conversation, target, request=request, action="supportline.assigned", text=text)
        _queue_changed()
    return conversation


def check_set_note(user, conversation: Conversation, note: str, request=None) -> None:
    if staff_role_in(user, conversation) not in ("supporter", "joined"):
        raise Http404
    note = (note or "").replace("\x00", "")
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": [ngettext(
            "Keep the note under %(n)s character.",
            "Keep the note under %(n)s characters.", MAX_NOTE) % {"n": MAX_NOTE}]})
    conversation.note = note
    conversation.save(update_fields=["note"])
    audit.record("supportline.note_saved", actor=user, request=request, obj=conversation,
                 subject=conversation.person_id)


# ---------------------------------------------------------------------------------------------
# Outreach: the safety team starts the conversation (hearthside.safety.actions.check_outreach)


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
    return (Conversation.objects.filter(person=user, status=Conversation.Status.ACTIVE, alert__isnull=False)
            .select_related("supporter").order_by("-created_at").first())


def _alert_step(conversation: Conversation, kind: str, actor=None, **detail) -> None:
    """A step of an outreach conversation on its alert's timeline."""
    if conversation.alert_id is None:
        return
    from hearthside.safety.models import AlertEvent

    AlertEvent.objects.create(alert_id=conversation.alert_id, kind=kind, actor_id=getattr(actor, "pk", actor),
                              detail={"conversation": conversation.pk, **detail})


def do_mark_seen(user, conversation: Conversation) -> None:
    """The person opened the outreach conversation: its banner stops, the alert's timeline says when."""
    if conversation.person_id != user.pk or conversation.alert_id is None or conversation.seen_at is not None:
        return
    with transaction.atomic():
        if Conversation.objects.filter(pk=conversation.pk, seen_at__isnull=True).update(seen_at=timezone.now()):
            _alert_step(conversation, "person_opened", actor=user)


# ---------------------------------------------------------------------------------------------
# The end: wrap-up, the person's own end, leaving a message, feedback, transcripts


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


# ---------------------------------------------------------------------------------------------
# Overview and dashboard


def live_overview() -> list[dict]:
    now = timezone.now()
    rows = list(Conversation.objects.filter(status__in=LIVE).select_related("person", "supporter"))
    order = {e.key: i for i, e in enumerate(policy.queue_order(_entry(c.pk, c.risk_rank, c.created_at)
                                                            for c in rows if c.status == Conversation.Status.WAITING))}
    rows.sort(key=lambda c: (c.status != Conversation.Status.WAITING, order.get(c.pk, 0), -c.risk_rank,
                             c.created_at))
    return [{"c": c, "wait_minutes": int(((c.assigned_at or now) - c.created_at).total_seconds() // 60)}
            for c in rows]


def dashboard(start, end) -> dict:
    now = timezone.now()
    waiting = list(Conversation.objects.filter(status=Conversation.Status.WAITING).values_list("created_at", flat=True))
    period = Conversation.objects.filter(created_at__gte=start, created_at__lt=end)
    by_level: dict[str, list[float]] = {}
    for level, created, first in period.filter(first_response_at__isnull=False).values_list(
            "risk_level", "created_at", "first_response_at"):
        by_level.setdefault(level, []).append((first - created).total_seconds())
    levels = []
    for level in ("imminent", "high", "unknown", "moderate", "low", "none"):
        values = by_level.get(level)
        if values:
            p50, p90 = policy.percentile(values, 50), policy.percentile(values, 90)
            levels.append({"level": level, "n": len(values), "p50": p50, "p90": p90,
                           "p50_minutes": round(p50 / 60, 1), "p90_minutes": round(p90 / 60, 1)})
    per_supporter = list(period.filter(supporter__isnull=False).values("supporter__pseudonym")
                         .annotate(n=Count("pk")).order_by("-n", "supporter__pseudonym"))
    outcomes = dict(period.exclude(outcome="").values_list("outcome").annotate(n=Count("pk")))
    return {
        "waiting_now": len(waiting),
        "longest_wait_seconds": max(((now - c).total_seconds() for c in waiting), default=0),
        "longest_wait_minutes": round(max(((now - c).total_seconds() for c in waiting), default=0) / 60, 1),
        "first_response": levels,
        "per_supporter": [{"supporter": r["supporter__pseudonym"], "n": r["n"]} for r in per_supporter],
        "outcomes": [{"outcome": k, "label": str(Conversation.Outcome(k).label), "n": outcomes.get(k, 0)}
                     for k in Conversation.Outcome.values],
        "total": period.count(),
        "flagged": period.filter(flagged=True).count(),
        "messages_left": period.filter(status=Conversation.Status.MESSAGE_LEFT).filter(
            Q(contacted_at__isnull=True)).count(),
    }
