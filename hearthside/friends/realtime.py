"""Peer chat frames on the tab's one socket (``core.realtime`` channel, prefix ``peer``).

Client → server:
  {"type": "peer.send", "connection": id, "client_id": id, "body": text}
  {"type": "peer.sync", "connection": id, "after": seq}       catch up after the last seq seen
  {"type": "peer.history", "connection": id, "before": seq}   page backwards
Server → client: "peer.ack", "peer.message", "peer.history", "peer.ended", "error".
"""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.db.models import Q
from django.http import Http404

from hearthside.core import realtime
from hearthside.core.api_helpers import sent_frame
from hearthside.core.prepared import Prepared

from . import actions
from .models import Connection

_NOT_CONNECTED = ("not_connected", "You are not connected with this person.")


def _error(code: str, connection, client_id, detail: str) -> dict:
    return {"type": "error", "code": code, "connection": connection, "client_id": client_id, "detail": detail}


@database_sync_to_async
def _handle(user, content: dict) -> dict:
    kind = content.get("type")
    connection_id = realtime.int_or_none(content.get("connection"))
    client_id = str(content.get("client_id") or "")[:100] or None
    try:
        connection = actions.access_connection_by_id(user, connection_id)
    except Http404:
        return _error(_NOT_CONNECTED[0], connection_id, client_id, _NOT_CONNECTED[1])
    if kind == "peer.send":
        body = content.get("body")
        return sent_frame("peer.ack", {"connection": connection.pk}, client_id, lambda: actions.check_send(
            user, connection, client_id or "", body if isinstance(body, str) else ""), _NOT_CONNECTED)
    if kind in ("peer.sync", "peer.history"):
        after = realtime.int_or_none(content.get("after")) if kind == "peer.sync" else None
        before = realtime.int_or_none(content.get("before")) if kind == "peer.history" else None
        messages = actions.chat_history(user, connection, after=after, before=before)
        return {"type": "peer.history", "connection": connection.pk, "messages": messages,
                "mode": "sync" if kind == "peer.sync" else "page"}
    return _error("unsupported", connection.pk, client_id, f"{kind} is not supported.")


# Asked by every websocket handshake: compiled once (core.prepared).
_accepted_ids = Prepared(lambda user_id: Connection.objects.filter(
    Q(requester_id=user_id) | Q(recipient_id=user_id), status=Connection.Status.ACCEPTED).values_list("pk", flat=True),
    int)


class PeerChannel(realtime.Channel):
    prefix = "peer"

    def topics_for(self, user) -> list[str]:
        return [actions.peer_topic(pk) for pk in _accepted_ids(user.pk)]

    async def receive(self, consumer, content) -> None:
        await consumer.send_json(await _handle(consumer.scope["user"], content))
