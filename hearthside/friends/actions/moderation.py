"""Moderators: connection requests held after reports, and reports about peers, messages and
strategies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.core import audit
from hearthside.core.conversation import next_seq
from hearthside.core.events import publish_on_commit, user_group

from ..models import Connection, PeerMessage, PeerReport, Strategy
from .chat import chat_frame
from .connections import peer_topic
from .strategies import check_hide_strategy


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

