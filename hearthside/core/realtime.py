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


# -- shared checks for stored-then-sent conversation messages ---------------------------------

MAX_CLIENT_ID = 64


def int_or_none(value) -> int | None:
    """A non-negative id or sequence number from a client frame, or None when it is not one."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 0 <= number < 2**62 else None


def clean_client_id(client_id) -> str:
    """The client's own message id (what makes a resend idempotent): 1–64 characters."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    client_id = str(client_id or "").strip()
    if not client_id or len(client_id) > MAX_CLIENT_ID:
        raise ValidationError({"client_id": [_("Each message needs a client id of 1–64 characters.")]})
    return client_id


def clean_body(body, max_length: int, *, field: str = "body") -> str:
    """Message text without NULs or surrounding space; empty or too long is a form error."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    body = str(body or "").replace("\x00", "").strip()
    if not body:
        raise ValidationError({field: [_("Write a message first.")]})
    if len(body) > max_length:
        raise ValidationError({field: [_("Keep messages under %(n)s characters.") % {"n": max_length}]})
    return body
