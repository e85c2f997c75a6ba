"""1:1 peer chat on an accepted connection: send, history, reports."""

from __future__ import annotations

import logging

from django.http import Http404
from django.utils.translation import gettext as _

from hearthside.core import audit, realtime
from hearthside.core.conversation import check_rate, next_seq, page, resent, store_once
from hearthside.core.events import publish_on_commit
from hearthside.core.ids import opaque
from hearthside.safety.abuse import classify_abuse
from hearthside.safety.actions import CRISIS, DASHBOARD_GROUP, recent_texts, screen_and_route

from ..models import Connection, PeerMessage, PeerReport
from .common import display_name
from .connections import peer_topic

log = logging.getLogger("hearthside.friends")


MAX_CHAT = 4000
CHAT_PER_MINUTE = 30


def author_ref(connection_id: int, user_id) -> str:
    """Who wrote a peer message, recognisable in this connection only (never the account id)."""
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
    publish_on_commit([DASHBOARD_GROUP], {"type": "review.new", "source": "friends.report"})
    return report

