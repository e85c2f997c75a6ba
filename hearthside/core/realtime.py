"""Plug-in points for the one websocket per browser tab (``/ws/events/``).

Group chat lives in ``community.consumers.RealtimeConsumer``. Other features (peer chat, the
support line, counselling rooms, the companion) add their own frames without touching the
consumer: each registers a :class:`Channel` under a frame-type prefix. A frame whose ``type`` is
``"<prefix>.<something>"`` is handed to that channel's :meth:`Channel.receive`.

Topics are fan-out keys (``core.fanout``): ``"<prefix>.<id>"``. When a socket connects it joins
every topic that :meth:`Channel.topics_for` returns. When a person gains or loses access while
their sockets are open, call :func:`subscribe_on_commit` / :func:`unsubscribe_on_commit`: the
change travels through the person's own ordered ``user.<id>`` topic, so every process applies
it before any later frame of that topic. A socket never relays a frame of a topic it has not
joined (defence in depth).

Delivery rule for every channel: store in the database first, publish after commit
(``core.fanout.publish_on_commit``), let clients catch up from the database by id.
"""

from __future__ import annotations

import json
from typing import Any

from hearthside.core.fanout import publish_on_commit


class Channel:
    """Subclass, set ``prefix`` and register an instance with :func:`register`."""

    prefix: str = ""

    def topics_for(self, user) -> list[str]:
        """Topics a newly connected socket of ``user`` joins. Runs in a thread (ORM allowed)."""
        return []

    def may_subscribe(self, user, topic: str) -> bool:
        """Re-checked when a ``subscription.started`` control frame arrives. Thread, ORM allowed."""
        return topic in self.topics_for(user)

    async def receive(self, consumer, content: dict[str, Any]) -> None:
        """Handle a client frame of this prefix. Reply with ``await consumer.send_json(...)``."""
        await consumer.send_json({"type": "error", "code": "unsupported",
                                  "detail": f"{content.get('type')} is not supported."})


CHANNELS: dict[str, Channel] = {}


def register(channel: Channel) -> Channel:
    if not channel.prefix or "." in channel.prefix:
        raise ValueError("a channel prefix is one word, e.g. 'peer'")
    CHANNELS[channel.prefix] = channel
    return channel


def channel_for_topic(topic: str) -> Channel | None:
    return CHANNELS.get(topic.partition(".")[0])


def _control(user_id: int, event: dict) -> None:
    publish_on_commit(f"user.{user_id}", json.dumps(event, separators=(",", ":")))


def subscribe_on_commit(user_id: int, topic: str) -> None:
    """After commit, the person's open sockets join ``topic`` (after re-checking access)."""
    _control(user_id, {"type": "subscription.started", "topic": topic})


def unsubscribe_on_commit(user_id: int, topic: str) -> None:
    """After commit, the person's open sockets leave ``topic`` at once."""
    _control(user_id, {"type": "subscription.ended", "topic": topic})


def publish_frame_on_commit(topic: str, frame: dict) -> None:
    """Send ``frame`` to every socket that joined ``topic``, once the transaction commits."""
    publish_on_commit(topic, json.dumps(frame, separators=(",", ":")))
