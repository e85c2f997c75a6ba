"""Connection requests and answers, ending a connection, and blocking."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Blocks are the communities' (one block for the whole app), reached through their actions.
from hearthside.community.actions import blocked_ids as community_blocked_ids
from hearthside.community.actions import check_block
from hearthside.core import audit, realtime
from hearthside.core.errors import RateLimited
from hearthside.core.events import publish_on_commit, user_group
from hearthside.safety.actions import screen_and_route

from ..models import CircleMember, Connection, PeerProfile, PeerReport
from .circle import _remove_circle_member
from .common import NotSent

if TYPE_CHECKING:
    from hearthside.community.models import MemberBlock

MAX_REQUEST_MESSAGE = 300
DECLINE_WINDOW = timedelta(days=30)
REPORT_WINDOW = timedelta(days=90)


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


def blocked_ids(user) -> set[int]:
    """People this person blocked or who blocked them, from Friends or from the communities (one
    block for both): hidden from each other everywhere in Friends. Mutes do not count here."""
    return community_blocked_ids(user)


def do_block(user, other, request=None) -> MemberBlock:
    """Blocking ends any connection and hides both people from each other in the whole app: the one
    block is the communities' ``MemberBlock``, which Friends reads through ``blocked_ids``."""
    if other.pk == user.pk:
        raise ValidationError(_("You cannot block yourself."))
    with transaction.atomic():
        for connection in Connection.objects.filter(pair=Connection.pair_key(user.pk, other.pk),
                                                    status__in=Connection.OPEN):
            _close(connection, Connection.Status.BLOCKED, user)
        block = check_block(user, other, "block", request=request)
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

