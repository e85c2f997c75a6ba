"""The risk-ordered queue: reaching out (a guest identity, joining the queue), supporters' availability,
taking the next person, assigning a conversation, the wait estimate, and the overview and
dashboard. The order itself is decided by ``policy`` (no Django there)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, F, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearthside.core import audit, realtime
from hearthside.core.events import publish_on_commit, user_group
from hearthside.core.i18n import in_language_of

from .. import policy
from ..models import Conversation, Guest, Message, SupporterStatus, Watch
from .common import (
    GUEST_SESSION_KEY,
    LIVE,
    MAX_MESSAGE,
    MAX_NOTE,
    _queue_changed,
    capacity,
    is_supporter,
    staff_topic,
    status_frame,
    topic,
)
from .messages import _store, _system

# ---------------------------------------------------------------------------------------------
# Reaching out


ADJECTIVES = ["Quiet", "Gentle", "Bright", "Calm", "Steady", "Kind", "Warm", "Soft", "Clear", "Brave"]
NOUNS = ["Harbour", "Willow", "Meadow", "Lantern", "River", "Sparrow", "Maple", "Beacon", "Heron", "Fern"]


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
# The queue


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
