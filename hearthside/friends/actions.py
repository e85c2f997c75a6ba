"""Friends actions: peer profiles and suggestions, connections, 1:1 peer chat, the circle of
support (with the safety plan), reach-outs, gentle check-ins and the coping-strategies board.

Every object is reached through one ``access_*`` helper that raises 404 for "missing" and "not
yours" alike. Every text a person writes to others goes through ``screen_and_route``.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from hearthside.core import audit, realtime
from hearthside.core.conversation import check_rate, next_seq, page, resent, store_once
from hearthside.core.errors import ActionRefused, RateLimited
from hearthside.core.events import publish_on_commit, user_group

from .models import (
    AgeBand,
    Availability,
    Block,
    CircleMember,
    Connection,
    LookingFor,
    PeerMessage,
    PeerProfile,
    PeerReport,
    ReachOut,
    ReachOutDelivery,
    Strategy,
    StrategyReaction,
)

log = logging.getLogger("hearthside.friends")

MAX_CHAT = 4000
MAX_REQUEST_MESSAGE = 300
MAX_REACH_OUT = 500
MAX_STRATEGY = 600
CHAT_PER_MINUTE = 30
SUGGESTION_POOL = 500
DECLINE_WINDOW = timedelta(days=30)
REPORT_WINDOW = timedelta(days=90)

LANGUAGE_CODES = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "uk", "ar", "zh-hans", "hi", "tr"]

TOPIC_LABELS = {
    "anxiety": gettext_lazy("anxiety"), "depression": gettext_lazy("depression"), "grief": gettext_lazy("grief"),
    "loneliness": gettext_lazy("loneliness"), "stress": gettext_lazy("stress"), "burnout": gettext_lazy("burnout"),
    "caring": gettext_lazy("caring for someone"), "parenting": gettext_lazy("parenting"),
    "studies": gettext_lazy("studies"), "work": gettext_lazy("work"), "lgbtq": gettext_lazy("LGBTQ+ life"),
    "chronic-illness": gettext_lazy("chronic illness"),
    "addiction-recovery": gettext_lazy("recovery from addiction"),
    "self-harm-recovery": gettext_lazy("recovery from self-harm"),
}

SITUATIONS = {
    "anxious": gettext_lazy("feeling anxious"), "low": gettext_lazy("feeling low"),
    "sleep": gettext_lazy("can't sleep"), "angry": gettext_lazy("angry"), "lonely": gettext_lazy("lonely"),
    "overwhelmed": gettext_lazy("overwhelmed"), "urges": gettext_lazy("urges or cravings"),
    "panic": gettext_lazy("panic"),
}

# Pre-written reach-out messages: short, and saying nothing about health.
REACH_OUT_PRESETS = {
    "rough_day": gettext_lazy("I'm having a rough day. Could you check in with me?"),
    "talk": gettext_lazy("Could we talk sometime today?"),
    "company": gettext_lazy("I could use some company — even a short message would help."),
}


class NotSent(ActionRefused):
    """Screening kept the text from going out; ``help`` says whether to show the help panel."""

    status = 422
    code = "not_sent"

    def __init__(self, message: str, *, help: bool = False):
        super().__init__(message)
        self.help = help


# ---------------------------------------------------------------------------------------------
# Choices


def topic_label(slug: str) -> str:
    return str(TOPIC_LABELS.get(slug, slug.replace("-", " ")))


def topic_choices() -> list[tuple[str, str]]:
    return [(slug, topic_label(slug)) for slug in settings.FRIENDS_TOPICS]


def language_label(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_label(code)) for code in LANGUAGE_CODES]


def situation_choices() -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in SITUATIONS.items()]


# ---------------------------------------------------------------------------------------------
# Profiles


def derived_age_band(user, today=None) -> str | None:
    """The band that the account's year of birth implies, or None when it cannot tell.

    Only a year is stored, so in the year someone turns 18 either band is possible: then the
    account's own age band counts in youth mode (it is declared at sign-up there), and failing that
    the band declared here. Without it an adult account with no year of birth could enter the under-18 pool.
    """
    age = user.age_this_year(today)
    if age is None or age == 18:
        return (user.age_band or None) if settings.YOUTH_MODE else None
    return AgeBand.ADULT if age > 18 else AgeBand.UNDER_18


def follow_account_band(sender, user, old, new, **kwargs) -> None:
    """The account's age band changed (accounts.signals.age_band_changed): the peer profile moves
    with it, and connections with the other band end at once (youth mode; otherwise the profile's band
    is re-checked when it is next saved, as before)."""
    if new is None or not settings.YOUTH_MODE:
        return
    with transaction.atomic():
        profile = PeerProfile.objects.select_for_update().filter(user=user).first()
        if profile is None or profile.age_band == new:
            return
        profile.age_band = new
        profile.updated_at = timezone.now()
        profile.save(update_fields=["age_band", "updated_at"])
        _end_across_bands(user, new)


def profile_for(user) -> PeerProfile | None:
    return PeerProfile.objects.filter(user=user).first()


def _subset(name: str, values, allowed, *, required: bool, most: int = 10) -> list[str]:
    if not isinstance(values, list | tuple):
        raise ValidationError({name: [_("Choose from the list.")]})
    values = [str(v) for v in values]
    allowed = set(allowed)
    if any(v not in allowed for v in values):
        raise ValidationError({name: [_("Choose from the list.")]})
    cleaned = list(dict.fromkeys(values))
    if required and not cleaned:
        raise ValidationError({name: [_("Choose at least one.")]})
    if len(cleaned) > most:
        raise ValidationError({name: [_("Choose at most %(n)s.") % {"n": most}]})
    return cleaned


def check_save_profile(user, data: dict, request=None) -> PeerProfile:
    from hearthside.accounts.models import pseudonym_validator

    pseudonym = str(data.get("pseudonym") or "").strip()
    if not pseudonym:
        raise ValidationError({"pseudonym": [_("Choose a name to show other members.")]})
    try:
        pseudonym_validator(pseudonym)
    except ValidationError as exc:
        raise ValidationError({"pseudonym": exc.messages}) from None
    from hearthside.core.names import mixes_lookalike_scripts, skeleton

    if mixes_lookalike_scripts(pseudonym):
        raise ValidationError({"pseudonym": [_("Use letters from one alphabet: this name mixes letters that look alike.")]})
    if PeerProfile.objects.filter(pseudonym_skeleton=skeleton(pseudonym)[:80]).exclude(user=user).exclude(
            pseudonym__iexact=pseudonym).exists():
        raise ValidationError({"pseudonym": [_("That name looks the same as someone else's. Try another.")]})
    intro = str(data.get("intro") or "").replace("\x00", "").strip()
    if len(intro) > 300:
        raise ValidationError({"intro": [_("Keep your introduction under 300 characters.")]})
    band = str(data.get("age_band") or "")
    if band not in AgeBand.values:
        raise ValidationError({"age_band": [_("Tell us your age band: peers are matched within it.")]})
    derived = derived_age_band(user)
    if derived is not None and derived != band:
        raise ValidationError({"age_band": [_("This does not match the year of birth on your account.")]})
    existing = profile_for(user)
    if existing is not None and existing.age_band == AgeBand.ADULT and band == AgeBand.UNDER_18:
        # Issue #17: changing the account's year of birth let an adult move into the under-18
        # pool. Growing up moves one way only; a wrong age is corrected by the team.
        raise ValidationError({"age_band": [_("A profile in the adult pool cannot move to the under-18 pool. If your "
                                              "age was entered wrongly, ask the team to correct it.")]})
    age = user.age_this_year()
    if age is not None and age < settings.FRIENDS_MIN_AGE:
        raise PermissionDenied(_("Finding peers is open from the age of %(n)s.") % {"n": settings.FRIENDS_MIN_AGE})
    fields = {
        "pseudonym": pseudonym,
        "intro": intro,
        "age_band": band,
        "topics": _subset("topics", data.get("topics") or [], settings.FRIENDS_TOPICS, required=True),
        "languages": _subset("languages", data.get("languages") or [], LANGUAGE_CODES, required=True),
        "looking_for": _subset("looking_for", data.get("looking_for") or [], LookingFor.values, required=True),
        "availability": _subset("availability", data.get("availability") or [], Availability.values,
                                required=False),
        "enabled": bool(data.get("enabled")),
    }
    nudge = data.get("nudge_after_days")
    if nudge in ("", None):
        fields["nudge_after_days"] = None
    else:
        try:
            nudge = int(nudge)
        except (TypeError, ValueError):
            raise ValidationError({"nudge_after_days": [_("Choose a number of days.")]}) from None
        if not 1 <= nudge <= 60:
            raise ValidationError({"nudge_after_days": [_("Choose between 1 and 60 days.")]})
        fields["nudge_after_days"] = nudge
    taken = PeerProfile.objects.filter(pseudonym__iexact=pseudonym).exclude(user=user).exists()
    if taken:
        raise ValidationError({"pseudonym": [_("Someone already uses this name. Try another.")]})
    if intro:
        from hearthside.safety.actions import screen_and_route

        route = screen_and_route(user, intro, "friends.profile", source_id=user.pk, context="profile")
        if not route.publish:
            raise NotSent(_("We could not save this introduction. Please write it another way."),
                          help=route.show_help)
    return do_save_profile(user, fields, request=request)


def do_save_profile(user, fields: dict, request=None) -> PeerProfile:
    now = timezone.now()
    with transaction.atomic():
        profile = PeerProfile.objects.select_for_update().filter(user=user).first()
        if profile is None:
            profile = PeerProfile(user=user)
        if fields.get("nudge_after_days") and not profile.nudge_after_days:
            profile.nudge_since = now
        band_changed = profile.pk is not None and fields.get("age_band", profile.age_band) != profile.age_band
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.updated_at = now
        try:
            with transaction.atomic():
                profile.save()
        except IntegrityError:
            raise ValidationError({"pseudonym": [_("Someone already uses this name. Try another.")]}) from None
        audit.record("friends.profile_saved", actor=user, request=request, obj=profile, subject=user,
                     detail={"enabled": profile.enabled})
        if band_changed:
            _end_across_bands(user, profile.age_band)
    return profile


def _end_across_bands(user, band: str) -> None:
    """After an age-band change, no connection may remain with someone of the other band."""
    for connection in Connection.objects.filter(Q(requester=user) | Q(recipient=user), status__in=Connection.OPEN) \
            .select_related("requester__peer_profile", "recipient__peer_profile"):
        other = connection.recipient if connection.requester_id == user.pk else connection.requester
        other_profile = getattr(other, "peer_profile", None)
        if other_profile is None or other_profile.age_band != band:
            _close(connection, Connection.Status.ENDED, user)


def do_set_discoverable(user, enabled: bool, request=None) -> PeerProfile:
    profile = profile_for(user)
    if profile is None:
        raise Http404
    profile.enabled = bool(enabled)
    profile.updated_at = timezone.now()
    profile.save(update_fields=["enabled", "updated_at"])
    audit.record("friends.discoverable", actor=user, request=request, obj=profile, subject=user,
                 detail={"enabled": profile.enabled})
    return profile


def blocked_ids(user) -> set[int]:
    """People this person blocked or who blocked them, here or in the communities (a community
    block counts too): hidden from each other everywhere in Friends."""
    from hearthside.community.models import MemberBlock

    rows = list(Block.objects.filter(Q(blocker=user) | Q(blocked=user)).values_list("blocker_id", "blocked_id"))
    rows += MemberBlock.objects.filter(Q(user=user) | Q(other=user), kind=MemberBlock.Kind.BLOCK).values_list(
        "user_id", "other_id")
    return {b if a == user.pk else a for a, b in rows}


def _score(mine: PeerProfile, theirs: PeerProfile) -> int:
    topics = sum(1 for t in theirs.topics if t in mine.topics)
    if not topics:
        return 0
    languages = sum(1 for c in theirs.languages if c in mine.languages)
    times = sum(1 for a in theirs.availability if a in mine.availability)
    return 3 * topics + 2 * languages + times


def _reason(mine: PeerProfile, theirs: PeerProfile) -> tuple[str, list[str], list[str]]:
    topics = [t for t in mine.topics if t in theirs.topics]
    languages = [c for c in mine.languages if c in theirs.languages]
    times = [a for a in mine.availability if a in theirs.availability]
    parts = [topic_label(t) for t in topics] + [language_label(c) for c in languages]
    reason = _("You both chose %(things)s") % {"things": get_text_list(parts, _("and"))}
    if times:
        labels = dict(Availability.choices)
        reason += "; " + _("both free: %(times)s") % {
            "times": get_text_list([str(labels[t]).lower() for t in times], _("and"))}
    return reason, topics, languages


def suggestions(user, *, topic: str | None = None, limit: int = 20) -> list[dict]:
    """Peers to suggest, best first, with the reason shown. Only among discoverable profiles of
    the same age band; never blocked people, never people already connected or asked.

    A fixed number of queries whatever the number of profiles (locked by a test). Scoring runs
    over the most recently updated ``SUGGESTION_POOL`` profiles (JSON lists cannot be matched in
    SQL on SQLite); the reason text is built only for the ones shown.
    """
    mine = PeerProfile.objects.filter(user=user, enabled=True).first()
    if mine is None:
        return []
    if topic is not None and topic not in settings.FRIENDS_TOPICS:
        return []
    hidden = blocked_ids(user)
    pair_rows = Connection.objects.filter(
        Q(requester=user) | Q(recipient=user), status__in=Connection.OPEN).values_list("requester_id", "recipient_id")
    hidden.update(b if a == user.pk else a for a, b in pair_rows)
    hidden.add(user.pk)
    # Score over plain tuples (no model instances), then load only the profiles shown.
    pool = (PeerProfile.objects.filter(enabled=True, age_band=mine.age_band, user__is_active=True)
            .exclude(user_id__in=hidden).order_by("-updated_at", "pk")
            .values_list("pk", "topics", "languages", "availability")[:SUGGESTION_POOL])
    scored = []
    for rank, (pk, topics, languages, availability) in enumerate(pool):
        if topic is not None and topic not in topics:
            continue
        score = _score(mine, PeerProfile(topics=topics, languages=languages, availability=availability))
        if score:
            scored.append((-score, rank, pk))
    scored.sort()
    shown = scored[: max(1, min(int(limit), 50))]
    profiles = PeerProfile.objects.in_bulk([pk for _s, _r, pk in shown]) if shown else {}
    results = []
    for negative, _rank, pk in shown:
        profile, score = profiles[pk], -negative
        reason, topics, languages = _reason(mine, profile)
        results.append({"profile": profile, "score": score, "reason": reason, "topics": topics,
                        "languages": languages})
    return results


def access_profile_by_id(user, profile_id) -> PeerProfile:
    """A profile this person may see and ask to connect with: both discoverable, the same age
    band, nobody blocked."""
    try:
        profile_id = int(profile_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < profile_id < 2**62:
        raise Http404
    mine = PeerProfile.objects.filter(user=user, enabled=True).first()
    if mine is None:
        raise Http404
    profile = PeerProfile.objects.filter(pk=profile_id, enabled=True, user__is_active=True).first()
    if (profile is None or profile.user_id == user.pk or profile.age_band != mine.age_band
            or profile.user_id in blocked_ids(user)):
        raise Http404
    return profile


# ---------------------------------------------------------------------------------------------
# Connections


def peer_topic(connection_id: int) -> str:
    return f"peer.{connection_id}"


def daily_request_limit(user, now=None) -> int:
    """Each decline beyond the second in the last 30 days halves how many requests a day."""
    now = now or timezone.now()
    declines = Connection.objects.filter(requester=user, status=Connection.Status.DECLINED,
                                         responded_at__gte=now - DECLINE_WINDOW).count()
    return max(1, settings.FRIENDS_REQUESTS_PER_DAY // (2 ** max(0, declines - 2)))


def requests_held(user, now=None) -> bool:
    """Reports from several different people hold this person's requests for a moderator."""
    now = now or timezone.now()
    reporters = (PeerReport.objects.filter(reported=user, status=PeerReport.Status.OPEN, reporter__isnull=False,
                                           created_at__gte=now - REPORT_WINDOW)
                 .values("reporter_id").distinct().count())
    return reporters >= settings.FRIENDS_REPORTS_TO_HOLD


def check_request(user, profile: PeerProfile, message: str = "", request=None) -> Connection:
    message = (message or "").replace("\x00", "").strip()
    if len(message) > MAX_REQUEST_MESSAGE:
        raise ValidationError({"message": [ngettext(
            "Keep the message under %(n)s character.",
            "Keep the message under %(n)s characters.", MAX_REQUEST_MESSAGE) % {"n": MAX_REQUEST_MESSAGE}]})
    now = timezone.now()
    target = profile.user
    if Connection.objects.filter(pair=Connection.pair_key(user.pk, target.pk), status__in=Connection.OPEN).exists():
        raise ValidationError(_("You are already connected or waiting for an answer."))
    if Connection.objects.filter(requester=user, recipient=target, status=Connection.Status.DECLINED,
                                 responded_at__gte=now - DECLINE_WINDOW).exists():
        raise RateLimited(_("They said not now. Give it some time before asking again."))
    sent_today = Connection.objects.filter(requester=user, created_at__gte=now - timedelta(days=1)).count()
    if sent_today >= daily_request_limit(user, now):
        raise RateLimited(_("You have sent all the requests you can today. Try again tomorrow."))
    if message:
        from hearthside.safety.actions import screen_and_route

        route = screen_and_route(user, message, "friends.request", source_id=f"{user.pk}:{target.pk}",
                                 context="message")
        if not route.publish:
            raise NotSent(_("Your request was not sent. Someone from our team may reach out to you."),
                          help=route.show_help)
    return do_request(user, target, message, held=requests_held(user, now), request=request)


def do_request(user, target, message: str, *, held: bool = False, request=None) -> Connection:
    status = Connection.Status.HELD if held else Connection.Status.PENDING
    try:
        with transaction.atomic():
            connection = Connection.objects.create(requester=user, recipient=target, message=message, status=status,
                                                   pair=Connection.pair_key(user.pk, target.pk))
            audit.record("friends.request_held" if held else "friends.requested", actor=user, request=request,
                         obj=connection, subject=target)
            if not held:
                publish_on_commit([user_group(target.pk)], {"type": "friends.request", "connection": connection.pk})
    except IntegrityError:
        raise ValidationError(_("You are already connected or waiting for an answer.")) from None
    return connection


def access_connection_by_id(user, connection_id, *, statuses=(Connection.Status.ACCEPTED,)) -> Connection:
    """A connection this person is part of, in one of ``statuses``; 404 otherwise. A request
    held for review is invisible to its recipient."""
    try:
        connection_id = int(connection_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if user is None or not user.is_authenticated or not 0 < connection_id < 2**62:
        raise Http404
    connection = (Connection.objects.filter(Q(requester=user) | Q(recipient=user), pk=connection_id,
                                            status__in=list(statuses))
                  .select_related("requester__peer_profile", "recipient__peer_profile").first())
    if connection is None:
        raise Http404
    if connection.status == Connection.Status.HELD and connection.recipient_id == user.pk:
        raise Http404
    return connection


def display_name(user) -> str:
    profile = getattr(user, "peer_profile", None)
    return profile.pseudonym if profile is not None else user.pseudonym


def check_respond(user, connection: Connection, answer: str, request=None) -> Connection:
    if connection.recipient_id != user.pk or connection.status != Connection.Status.PENDING:
        raise Http404
    if answer == "block":
        do_block(user, connection.requester, request=request)
        connection.refresh_from_db()
        return connection
    if answer not in {"accept", "decline"}:
        raise ValidationError(_("Answer accept, decline or block."))
    with transaction.atomic():
        updated = Connection.objects.filter(pk=connection.pk, status=Connection.Status.PENDING).update(
            status=Connection.Status.ACCEPTED if answer == "accept" else Connection.Status.DECLINED,
            responded_at=timezone.now())
        if not updated:
            raise Http404
        connection.refresh_from_db()
        audit.record(f"friends.{answer}ed" if answer == "accept" else "friends.declined", actor=user,
                     request=request, obj=connection, subject=connection.requester_id)
        if answer == "accept":
            for uid in (connection.requester_id, connection.recipient_id):
                realtime.subscribe_on_commit(uid, peer_topic(connection.pk))
            publish_on_commit([user_group(connection.requester_id)],
                                 {"type": "friends.accepted", "connection": connection.pk})
    return connection


def check_withdraw(user, connection: Connection, request=None) -> None:
    if connection.requester_id != user.pk or connection.status not in (Connection.Status.PENDING,
                                                                       Connection.Status.HELD):
        raise Http404
    Connection.objects.filter(pk=connection.pk).update(status=Connection.Status.WITHDRAWN,
                                                       responded_at=timezone.now())


def _close(connection: Connection, status: str, by) -> None:
    before = (Connection.objects.select_for_update().filter(pk=connection.pk, status__in=Connection.OPEN)
              .values_list("status", flat=True).first())
    if before is None:
        return
    Connection.objects.filter(pk=connection.pk).update(status=status, ended_by=by, responded_at=timezone.now())
    connection.status = status
    if before == Connection.Status.ACCEPTED:
        # Told first, then both people's sockets leave the conversation.
        publish_on_commit(peer_topic(connection.pk),
                                         {"type": "peer.ended", "connection": connection.pk})
        for uid in (connection.requester_id, connection.recipient_id):
            realtime.unsubscribe_on_commit(uid, peer_topic(connection.pk))
    # Leaving each other's circles goes with the connection.
    for owner_id, member_id in ((connection.requester_id, connection.recipient_id),
                                (connection.recipient_id, connection.requester_id)):
        membership = CircleMember.objects.filter(owner_id=owner_id, member_id=member_id).exclude(
            status=CircleMember.Status.REMOVED).select_related("owner", "member__peer_profile").first()
        if membership is not None:
            _remove_circle_member(membership)


def do_end(user, connection: Connection, request=None) -> None:
    with transaction.atomic():
        _close(connection, Connection.Status.ENDED, user)
        audit.record("friends.ended", actor=user, request=request, obj=connection,
                     subject=connection.other(user.pk))


def do_block(user, other, request=None) -> Block:
    """Blocking ends any connection and hides both people from each other in this app."""
    if other.pk == user.pk:
        raise ValidationError(_("You cannot block yourself."))
    with transaction.atomic():
        block, _created = Block.objects.get_or_create(blocker=user, blocked=other)
        for connection in Connection.objects.filter(pair=Connection.pair_key(user.pk, other.pk),
                                                    status__in=Connection.OPEN):
            _close(connection, Connection.Status.BLOCKED, user)
        # One block for the whole app: the communities leave them out too.
        from hearthside.community.actions import check_block

        check_block(user, other, "block", request=request)
        audit.record("friends.blocked", actor=user, request=request, obj=block, subject=other)
    return block


def my_connections(user) -> list[Connection]:
    return list(Connection.objects.filter(Q(requester=user) | Q(recipient=user), status=Connection.Status.ACCEPTED)
                .select_related("requester__peer_profile", "recipient__peer_profile").order_by("-responded_at"))


def incoming_requests(user) -> list[Connection]:
    return list(Connection.objects.filter(recipient=user, status=Connection.Status.PENDING)
                .select_related("requester__peer_profile").order_by("-created_at"))


def outgoing_requests(user) -> list[Connection]:
    """What the requester sees: a decline reads only "not now"."""
    return list(Connection.objects.filter(requester=user, status__in=[Connection.Status.PENDING,
                                                                        Connection.Status.HELD,
                                                                        Connection.Status.DECLINED],
                                          created_at__gte=timezone.now() - DECLINE_WINDOW)
                .select_related("recipient__peer_profile").order_by("-created_at"))


def requester_status(connection: Connection) -> str:
    if connection.status == Connection.Status.DECLINED:
        return "not_now"
    # Held for review looks like waiting: the requester is not told about reports.
    return "waiting" if connection.status in (Connection.Status.PENDING, Connection.Status.HELD) else connection.status


# ---------------------------------------------------------------------------------------------
# Peer chat


def author_ref(connection_id: int, user_id) -> str:
    """Who wrote a peer message, recognisable in this connection only (never the account id)."""
    from hearthside.core.ids import opaque

    return opaque("peer", connection_id, user_id)


def chat_frame(message: PeerMessage) -> dict:
    frame = {"type": "peer.message", "connection": message.connection_id, "seq": message.seq,
             "at": message.created_at.isoformat(), "author_ref": author_ref(message.connection_id, message.author_id)}
    if message.status == PeerMessage.Status.HIDDEN:
        frame["hidden"] = True
        return frame
    frame["author"] = display_name(message.author) if message.author_id else ""
    frame["body"] = message.body
    return frame


def _abuse_reasons(text: str) -> list[str]:
    """Reasons to hold ``text`` as abuse aimed at someone (the safety layer's offline detector);
    empty when it is fine. Crisis language is screened first, by ``screen_and_route``."""
    from hearthside.safety.abuse import classify_abuse

    try:
        result = classify_abuse(text)
    except Exception:
        log.exception("abuse detector failed")
        return []
    return list(result.reasons) or [result.label] if result.abusive else []


def check_send(user, connection: Connection, client_id: str, body: str):
    """Screen, store, then send after commit. Returns (message, created, route).

    A resend with the same client id returns the stored message and never duplicates it.
    """
    client_id = realtime.clean_client_id(client_id)
    if connection.status != Connection.Status.ACCEPTED:
        raise Http404
    existing = resent(PeerMessage, connection, user, client_id)
    if existing is not None:
        return existing, False, None
    body = realtime.clean_body(body, MAX_CHAT)
    check_rate(PeerMessage, connection, user, CHAT_PER_MINUTE,
               _("You are sending messages very quickly. Take a breath and try again in a minute."))

    from hearthside.safety.actions import CRISIS, recent_texts, screen_and_route

    history = recent_texts(PeerMessage.objects.filter(connection=connection, author=user))

    def store():
        route = screen_and_route(user, body, "friends.chat", source_id=f"{connection.pk}:{client_id}",
                                 context="chat", history=history)
        status, abuse = None, []
        if route.decision == CRISIS:
            status = PeerMessage.Status.CRISIS
        elif not route.publish:
            status = PeerMessage.Status.HELD
        else:
            abuse = _abuse_reasons(body)
            status = PeerMessage.Status.HELD if abuse else None
        if status is not None:
            message = PeerMessage.objects.create(connection=connection, author=user, client_id=client_id,
                                                 body=body, status=status)
            if abuse:
                # Held for a moderator, who sees it in the reports queue.
                PeerReport.objects.create(reporter=None, reported=user, message=message,
                                          reason=("abuse detector: " + "; ".join(abuse))[:500])
            return message, route
        # The UPDATE takes the connection row's lock: both people see the same order.
        seq = next_seq(Connection, connection.pk, status=Connection.Status.ACCEPTED)
        if seq is None:
            raise Http404
        message = PeerMessage.objects.create(connection=connection, author=user, client_id=client_id,
                                             body=body, seq=seq)
        publish_on_commit(peer_topic(connection.pk), chat_frame(message))
        return message, route

    return store_once(PeerMessage, connection, user, client_id, store)


def chat_history(user, connection: Connection, *, after: int | None = None, before: int | None = None,
                 limit: int = 50) -> list[dict]:
    """Delivered messages, oldest first: after ``after`` (catch-up) or before ``before`` (paging)."""
    rows = page(PeerMessage.objects.filter(connection=connection).select_related("author__peer_profile"),
                after=after, before=before, limit=limit)
    return [chat_frame(m) for m in rows]


def check_report_message(user, connection: Connection, seq: int, reason: str = "", request=None) -> PeerReport:
    """One step: the recipient reports a message they received."""
    message = PeerMessage.objects.filter(connection=connection, seq=seq).exclude(author=user).first()
    if message is None:
        raise Http404
    # One open report per person per message (issue #17: the same report five times), as for
    # group posts: a repeat returns the open one, so it is counted and queued once.
    existing = PeerReport.objects.filter(reporter=user, message=message, status=PeerReport.Status.OPEN).first()
    if existing is not None:
        return existing
    report = PeerReport.objects.create(reporter=user, reported_id=message.author_id, message=message,
                                       reason=(reason or "")[:500])
    audit.record("friends.reported", actor=user, request=request, obj=report, subject=message.author_id)
    from hearthside.safety.actions import DASHBOARD_GROUP

    publish_on_commit([DASHBOARD_GROUP], {"type": "review.new", "source": "friends.report"})
    return report


# ---------------------------------------------------------------------------------------------
# Circle of support and the safety plan


def plan_entry(member_user) -> str:
    # No contact details and no health data: only the name they use here and where to find them.
    return _("%(name)s — my Hearthside circle (message them under Friends)") % {"name": display_name(member_user)}


def _plan_people(owner, add: str | None = None, remove_prefix: str | None = None) -> None:
    from hearthside.safety.actions import do_update_plan, plan_for

    plan = plan_for(owner)
    people = list(plan.steps.get("people_to_ask", [])) if plan is not None else []
    if remove_prefix:
        people = [p for p in people if not p.startswith(remove_prefix)]
    if add and add not in people:
        people.append(add)
    if plan is None and not people:
        return
    do_update_plan(owner, {"people_to_ask": people[:20]})


def _may_write_plan(owner) -> bool:
    from hearthside.accounts.actions import has_consent

    return has_consent(owner, "health_data")


def access_circle_member_by_id(user, circle_id, *, as_owner: bool | None = None) -> CircleMember:
    try:
        circle_id = int(circle_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < circle_id < 2**62:
        raise Http404
    qs = CircleMember.objects.select_related("owner__peer_profile", "member__peer_profile")
    if as_owner is True:
        qs = qs.filter(owner=user)
    elif as_owner is False:
        qs = qs.filter(member=user)
    else:
        qs = qs.filter(Q(owner=user) | Q(member=user))
    membership = qs.filter(pk=circle_id).exclude(status=CircleMember.Status.REMOVED).first()
    if membership is None:
        raise Http404
    return membership


def circle_of(user, statuses=(CircleMember.Status.INVITED, CircleMember.Status.ACCEPTED)) -> list[CircleMember]:
    return list(CircleMember.objects.filter(owner=user, status__in=list(statuses))
                .select_related("member__peer_profile").order_by("created_at"))


def check_invite_to_circle(owner, connection: Connection, *, in_safety_plan: bool = False, request=None) -> CircleMember:
    member_id = connection.other(owner.pk)
    if in_safety_plan and not _may_write_plan(owner):
        raise PermissionDenied(_("Adding people to your safety plan needs your permission to store health data."))
    current = CircleMember.objects.filter(owner=owner, status__in=[CircleMember.Status.INVITED,
                                                                    CircleMember.Status.ACCEPTED])
    if current.filter(member_id=member_id).exists():
        raise ValidationError(_("They are already in your circle or have been asked."))
    if current.count() >= settings.FRIENDS_CIRCLE_SIZE:
        size = settings.FRIENDS_CIRCLE_SIZE
        raise ValidationError(ngettext("Your circle can have up to %(n)s person.",
                                       "Your circle can have up to %(n)s people.", size) % {"n": size})
    with transaction.atomic():
        membership, _created = CircleMember.objects.update_or_create(
            owner=owner, member_id=member_id,
            defaults={"status": CircleMember.Status.INVITED, "in_safety_plan": in_safety_plan,
                      "created_at": timezone.now(), "responded_at": None})
        audit.record("friends.circle_invited", actor=owner, request=request, obj=membership, subject=member_id)
        publish_on_commit([user_group(member_id)], {"type": "friends.circle_invite", "circle": membership.pk})
    return membership


def check_answer_circle(member, membership: CircleMember, accept: bool, request=None) -> CircleMember:
    if membership.member_id != member.pk or membership.status != CircleMember.Status.INVITED:
        raise Http404
    with transaction.atomic():
        membership.status = CircleMember.Status.ACCEPTED if accept else CircleMember.Status.DECLINED
        membership.responded_at = timezone.now()
        membership.save(update_fields=["status", "responded_at"])
        if accept and membership.in_safety_plan and _may_write_plan(membership.owner):
            _plan_people(membership.owner, add=plan_entry(member))
        audit.record("friends.circle_accepted" if accept else "friends.circle_declined", actor=member,
                     request=request, obj=membership, subject=membership.owner_id)
        publish_on_commit([user_group(membership.owner_id)],
                             {"type": "friends.circle_answer", "circle": membership.pk, "accepted": accept})
    return membership


def check_set_in_plan(owner, membership: CircleMember, in_plan: bool, request=None) -> CircleMember:
    if membership.owner_id != owner.pk:
        raise Http404
    if in_plan and not _may_write_plan(owner):
        raise PermissionDenied(_("Adding people to your safety plan needs your permission to store health data."))
    with transaction.atomic():
        membership.in_safety_plan = in_plan
        membership.save(update_fields=["in_safety_plan"])
        if membership.status == CircleMember.Status.ACCEPTED:
            prefix = display_name(membership.member) + " — "
            _plan_people(owner, add=plan_entry(membership.member) if in_plan else None,
                         remove_prefix=None if in_plan else prefix)
    return membership


def _remove_circle_member(membership: CircleMember) -> None:
    was_listed = membership.status == CircleMember.Status.ACCEPTED and membership.in_safety_plan
    membership.status = CircleMember.Status.REMOVED
    membership.save(update_fields=["status"])
    if was_listed:
        _plan_people(membership.owner, remove_prefix=display_name(membership.member) + " — ")


def do_leave_circle(user, membership: CircleMember, request=None) -> None:
    """Either the owner or the member ends a circle membership."""
    with transaction.atomic():
        _remove_circle_member(membership)
        audit.record("friends.circle_removed", actor=user, request=request, obj=membership,
                     subject=membership.owner_id if membership.member_id == user.pk else membership.member_id)


def circles_i_am_in(user) -> list[CircleMember]:
    return list(CircleMember.objects.filter(member=user, status__in=[CircleMember.Status.INVITED,
                                                                     CircleMember.Status.ACCEPTED])
                .select_related("owner__peer_profile").order_by("-created_at"))


# ---------------------------------------------------------------------------------------------
# Reaching out to the circle, and gentle check-ins


def check_reach_out(user, *, preset: str = "", text: str = "", request=None) -> ReachOut:
    text = (text or "").replace("\x00", "").strip()
    if preset:
        if preset not in REACH_OUT_PRESETS:
            raise ValidationError({"preset": [_("Choose one of the messages.")]})
        text = str(REACH_OUT_PRESETS[preset])
    if not text:
        raise ValidationError({"text": [_("Choose a message or write your own.")]})
    if len(text) > MAX_REACH_OUT:
        raise ValidationError({"text": [ngettext(
            "Keep it under %(n)s character.",
            "Keep it under %(n)s characters.", MAX_REACH_OUT) % {"n": MAX_REACH_OUT}]})
    members = [m.member_id for m in circle_of(user, statuses=(CircleMember.Status.ACCEPTED,))]
    if not members:
        raise ValidationError(_("Nobody has joined your circle yet."))
    if not preset:
        from hearthside.safety.actions import screen_and_route

        route = screen_and_route(user, text, "friends.reach_out", source_id=user.pk, context="message")
        if not route.publish:
            raise NotSent(_("Your message was not sent to your circle. Someone from our team will reach out to "
                            "you; help is available right now."), help=route.show_help)
    return do_reach_out(user, members, text, request=request)


def do_reach_out(user, member_ids: list[int], text: str, *, kind: str = ReachOut.Kind.REACH_OUT,
                 request=None) -> ReachOut:
    with transaction.atomic():
        reach_out = ReachOut.objects.create(sender=user, body=text, kind=kind)
        ReachOutDelivery.objects.bulk_create(
            [ReachOutDelivery(reach_out=reach_out, recipient_id=uid) for uid in member_ids])
        audit.record("friends.reached_out" if kind == ReachOut.Kind.REACH_OUT else "friends.nudged",
                     actor=user if kind == ReachOut.Kind.REACH_OUT else None, request=request, obj=reach_out,
                     subject=user)
        event = {"type": "friends.reach_out", "id": reach_out.pk, "kind": kind, "from": display_name(user),
                 "body": text}
        publish_on_commit([user_group(uid) for uid in member_ids], event)
        from .tasks import send_reach_out_email

        transaction.on_commit(lambda: _enqueue(send_reach_out_email, reach_out.pk))
    return reach_out


def _enqueue(task, *args) -> None:
    try:
        task.enqueue(*args)
    except Exception:  # email is a second channel; the in-app notice already stands
        log.exception("could not queue reach-out email")


def access_delivery_by_id(user, delivery_id) -> ReachOutDelivery:
    try:
        delivery_id = int(delivery_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < delivery_id < 2**62:
        raise Http404
    delivery = (ReachOutDelivery.objects.filter(pk=delivery_id, recipient=user)
                .select_related("reach_out__sender__peer_profile").first())
    if delivery is None:
        raise Http404
    return delivery


def received_reach_outs(user, limit: int = 30) -> list[ReachOutDelivery]:
    return list(ReachOutDelivery.objects.filter(recipient=user)
                .select_related("reach_out__sender__peer_profile").order_by("-reach_out__created_at")[:limit])


def sent_reach_outs(user, limit: int = 10) -> list[ReachOut]:
    return list(ReachOut.objects.filter(sender=user, kind=ReachOut.Kind.REACH_OUT)
                .prefetch_related("deliveries__recipient__peer_profile")[:limit])


def do_mark_seen(user, delivery: ReachOutDelivery) -> ReachOutDelivery:
    if delivery.seen_at is None:
        with transaction.atomic():
            updated = ReachOutDelivery.objects.filter(pk=delivery.pk, seen_at__isnull=True).update(
                seen_at=timezone.now())
            if updated:
                delivery.refresh_from_db(fields=["seen_at"])
                publish_on_commit([user_group(delivery.reach_out.sender_id)], {
                    "type": "friends.reach_out_seen", "id": delivery.reach_out_id, "by": display_name(user)})
    return delivery


def check_respond_reach_out(user, delivery: ReachOutDelivery, text: str, request=None) -> ReachOutDelivery:
    text = (text or "").replace("\x00", "").strip()
    if not text or len(text) > MAX_REACH_OUT:
        raise ValidationError({"text": [ngettext("Write a short reply (up to %(n)s character).",
                                                  "Write a short reply (up to %(n)s characters).",
                                                  MAX_REACH_OUT) % {"n": MAX_REACH_OUT}]})
    from hearthside.safety.actions import screen_and_route

    route = screen_and_route(user, text, "friends.reach_out_reply", source_id=delivery.pk, context="message")
    if not route.publish:
        raise NotSent(_("Your reply was not sent."), help=route.show_help)
    do_mark_seen(user, delivery)
    with transaction.atomic():
        delivery.response = text
        delivery.responded_at = timezone.now()
        delivery.save(update_fields=["response", "responded_at"])
        publish_on_commit([user_group(delivery.reach_out.sender_id)], {
            "type": "friends.reach_out_reply", "id": delivery.reach_out_id, "by": display_name(user)})
    return delivery


def nudge_quiet_members(now=None) -> int:
    """The periodic sweep: for people who allowed it, nudge their circle once per quiet spell.

    Idempotent: ``nudged_for`` records the start of the quiet spell already nudged about, and
    each profile is claimed under a row lock.
    """
    from hearthside.selfcare.models import CheckIn

    now = now or timezone.now()
    count = 0
    candidates = PeerProfile.objects.filter(nudge_after_days__isnull=False).values_list("pk", flat=True)
    for pk in list(candidates):
        with transaction.atomic():
            profile = PeerProfile.objects.select_for_update().select_related("user").filter(
                pk=pk, nudge_after_days__isnull=False).first()
            if profile is None or not profile.user.is_active:
                continue
            last = CheckIn.objects.filter(user_id=profile.user_id).aggregate(last=Max("at"))["last"]
            since = max(d for d in (last, profile.nudge_since) if d is not None) if (last or profile.nudge_since) \
                else profile.updated_at
            if now - since < timedelta(days=profile.nudge_after_days) or profile.nudged_for == since:
                continue
            members = [m.member_id for m in circle_of(profile.user, statuses=(CircleMember.Status.ACCEPTED,))]
            profile.nudged_for = since
            profile.save(update_fields=["nudged_for"])
            if not members:
                continue
            text = _("%(name)s asked us to let you know when they have been quiet for a few days. "
                     "A short hello might be welcome.") % {"name": profile.pseudonym}
            do_reach_out(profile.user, members, text, kind=ReachOut.Kind.NUDGE)
            count += 1
    return count


# ---------------------------------------------------------------------------------------------
# Coping strategies board


def check_share_strategy(user, text: str, situations, request=None) -> tuple[Strategy, object]:
    text = (text or "").replace("\x00", "").strip()
    if not text:
        raise ValidationError({"text": [_("Write what helps you.")]})
    if len(text) > MAX_STRATEGY:
        raise ValidationError({"text": [ngettext(
            "Keep it under %(n)s character.",
            "Keep it under %(n)s characters.", MAX_STRATEGY) % {"n": MAX_STRATEGY}]})
    situations = _subset("situations", situations or [], SITUATIONS, required=True, most=4)
    from hearthside.safety.actions import screen_and_route

    with transaction.atomic():
        strategy = Strategy.objects.create(author=user, text=text, situations=situations,
                                           status=Strategy.Status.HELD)
        route = screen_and_route(user, text, "friends.strategy", source_id=strategy.pk, context="post")
        if route.publish and not _abuse_reasons(text):
            strategy.status = Strategy.Status.PUBLISHED
            strategy.save(update_fields=["status"])
    return strategy, route


def strategy_board(user, *, situation: str | None = None, limit: int = 50) -> list[Strategy]:
    qs = Strategy.objects.filter(Q(status=Strategy.Status.PUBLISHED) | Q(author=user, status=Strategy.Status.HELD))
    hidden = blocked_ids(user)
    if hidden:
        qs = qs.exclude(author_id__in=hidden)
    rows = list(qs.select_related("author__peer_profile").annotate(
        helped=Count("reactions", distinct=True),
        mine_helped=Count("reactions", filter=Q(reactions__user=user), distinct=True),
    ).order_by("-created_at", "-pk")[:500])
    if situation:
        rows = [s for s in rows if situation in s.situations]
    return rows[:limit]


def access_strategy_by_id(user, strategy_id) -> Strategy:
    try:
        strategy_id = int(strategy_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < strategy_id < 2**62:
        raise Http404
    strategy = Strategy.objects.filter(pk=strategy_id).first()
    if strategy is None:
        raise Http404
    if strategy.status != Strategy.Status.PUBLISHED and strategy.author_id != user.pk \
            and not user.has_role("moderator", "administrator"):
        raise Http404
    if strategy.author_id in blocked_ids(user):
        raise Http404
    return strategy


def do_toggle_helped(user, strategy: Strategy) -> bool:
    deleted, _n = StrategyReaction.objects.filter(strategy=strategy, user=user).delete()
    if deleted:
        return False
    StrategyReaction.objects.get_or_create(strategy=strategy, user=user)
    return True


def check_report_strategy(user, strategy: Strategy, reason: str = "", request=None) -> PeerReport:
    if strategy.author_id == user.pk:
        raise ValidationError(_("This is your own strategy."))
    existing = PeerReport.objects.filter(reporter=user, strategy=strategy, status=PeerReport.Status.OPEN).first()
    if existing is not None:  # one open report per person per strategy
        return existing
    report = PeerReport.objects.create(reporter=user, reported_id=strategy.author_id, strategy=strategy,
                                       reason=(reason or "")[:500])
    audit.record("friends.strategy_reported", actor=user, request=request, obj=report, subject=strategy.author_id)
    return report


def check_hide_strategy(moderator, strategy: Strategy, reason: str = "", request=None) -> Strategy:
    if not moderator.has_role("moderator", "administrator"):
        raise Http404
    with transaction.atomic():
        strategy.status = Strategy.Status.HIDDEN
        strategy.save(update_fields=["status"])
        PeerReport.objects.filter(strategy=strategy, status=PeerReport.Status.OPEN).update(
            status=PeerReport.Status.HANDLED)
        audit.record("friends.strategy_hidden", actor=moderator, request=request, obj=strategy,
                     subject=strategy.author_id, detail={"reason": reason[:200]})
    return strategy


def check_save_strategy_to_plan(user, strategy: Strategy, request=None) -> None:
    """Copy a strategy into the person's own safety plan (internal coping strategies)."""
    from hearthside.safety.actions import check_update_plan, plan_for

    plan = plan_for(user)
    current = list(plan.steps.get("coping_strategies", [])) if plan is not None else []
    text = strategy.text[:500]
    if text in current:
        return
    check_update_plan(user, {"coping_strategies": [*current, text]}, request=request)


# ---------------------------------------------------------------------------------------------
# Moderators: requests held after reports


def held_requests() -> list[Connection]:
    return list(Connection.objects.filter(status=Connection.Status.HELD)
                .select_related("requester", "recipient").order_by("created_at"))


def check_review_held_request(moderator, connection_id, release: bool, request=None) -> Connection:
    if not moderator.has_role("moderator", "administrator"):
        raise Http404
    if not 0 < int(connection_id) < 2**62:
        raise Http404
    connection = Connection.objects.filter(pk=connection_id, status=Connection.Status.HELD).first()
    if connection is None:
        raise Http404
    with transaction.atomic():
        connection.status = Connection.Status.PENDING if release else Connection.Status.DECLINED
        connection.responded_at = None if release else timezone.now()
        connection.save(update_fields=["status", "responded_at"])
        audit.record("friends.request_released" if release else "friends.request_rejected", actor=moderator,
                     request=request, obj=connection, subject=connection.requester_id)
        if release:
            publish_on_commit([user_group(connection.recipient_id)],
                                 {"type": "friends.request", "connection": connection.pk})
    return connection


# ---------------------------------------------------------------------------------------------
# Moderators: reports about peers, messages and strategies


def is_moderator(user) -> bool:
    return bool(user.is_authenticated and user.has_role("moderator", "administrator"))


def open_reports(moderator, request=None) -> list[PeerReport]:
    """The open reports, with what they are about. A staff read of private messages: audited."""
    if not is_moderator(moderator):
        raise Http404
    rows = list(PeerReport.objects.filter(status=PeerReport.Status.OPEN)
                .select_related("reporter", "reported", "message", "strategy").order_by("created_at")[:200])
    audit.record("friends.reports_viewed", actor=moderator, request=request, detail={"count": len(rows)})
    return rows


def _deliver_held(message: PeerMessage) -> None:
    message.seq = next_seq(Connection, message.connection_id)
    message.status = PeerMessage.Status.PUBLISHED
    message.save(update_fields=["seq", "status"])
    publish_on_commit(peer_topic(message.connection_id), chat_frame(message))


def check_handle_report(moderator, report_id, action: str, request=None) -> PeerReport:
    """``dismiss`` (nothing wrong), ``hide`` (the message or strategy goes), or ``release`` (a
    message or strategy held by screening is delivered after all)."""
    if not is_moderator(moderator):
        raise Http404
    if action not in {"dismiss", "hide", "release"}:
        raise ValidationError(_("Choose dismiss, hide or release."))
    try:
        report_id = int(report_id)
    except (TypeError, ValueError):
        raise Http404 from None
    with transaction.atomic():
        report = (PeerReport.objects.select_for_update().filter(pk=report_id, status=PeerReport.Status.OPEN)
                  .first() if 0 < report_id < 2**62 else None)
        if report is None:
            raise Http404
        message = PeerMessage.objects.select_related("author__peer_profile").filter(pk=report.message_id).first()
        strategy = Strategy.objects.filter(pk=report.strategy_id).first()
        if action == "hide" and message is not None:
            message.status = PeerMessage.Status.HIDDEN
            message.save(update_fields=["status"])
            if message.seq is not None:
                publish_on_commit(peer_topic(message.connection_id), chat_frame(message))
        elif action == "hide" and strategy is not None:
            check_hide_strategy(moderator, strategy, "reported", request=request)
        elif action == "release" and message is not None and message.status == PeerMessage.Status.HELD:
            connection_open = Connection.objects.filter(pk=message.connection_id,
                                                        status=Connection.Status.ACCEPTED).exists()
            if connection_open:
                _deliver_held(message)
        elif action == "release" and strategy is not None and strategy.status == Strategy.Status.HELD:
            strategy.status = Strategy.Status.PUBLISHED
            strategy.save(update_fields=["status"])
        report.status = PeerReport.Status.HANDLED
        report.save(update_fields=["status"])
        audit.record(f"friends.report_{action}", actor=moderator, request=request, obj=report,
                     subject=report.reported_id)
    return report
