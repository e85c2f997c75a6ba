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
(``core.events.publish_on_commit``), let clients catch up from the database by id.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hearthside.core.events import publish_on_commit, user_group


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
    publish_on_commit(user_group(user_id), event)


def subscribe_on_commit(user_id: int, topic: str) -> None:
    """After commit, the person's open sockets join ``topic`` (after re-checking access)."""
    _control(user_id, {"type": "subscription.started", "topic": topic})


def unsubscribe_on_commit(user_id: int, topic: str) -> None:
    """After commit, the person's open sockets leave ``topic`` at once."""
    _control(user_id, {"type": "subscription.ended", "topic": topic})


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

    # No coercion: ``7`` is not the id "7" (a client that sends a number has a bug to fix).
    client_id = client_id.strip() if isinstance(client_id, str) else ""
    if not client_id or len(client_id) > MAX_CLIENT_ID or "\x00" in client_id:
        raise ValidationError({"client_id": [_("Each message needs a client id of 1–64 characters.")]})
    return client_id


def clean_body(body, max_length: int, *, field: str = "body") -> str:
    """Message text without surrounding space; empty, too long or containing NUL is a form error.

    NUL is refused, as over HTTP (``core.middleware.RejectNulMiddleware``): PostgreSQL cannot
    store it. Lone surrogates (half an emoji, which a JSON ``\\ud83d`` escape can carry) become
    U+FFFD, so the message is stored, screened and alerted like any other instead of failing later.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    body = replace_lone_surrogates(body).strip() if isinstance(body, str) else ""
    if "\x00" in body:
        raise ValidationError({field: [_("Text may not contain NUL characters.")]})
    if not body:
        raise ValidationError({field: [_("Write a message first.")]})
    if len(body) > max_length:
        raise ValidationError({field: [ngettext(
            "Keep messages under %(n)s character.",
            "Keep messages under %(n)s characters.", max_length) % {"n": max_length}]})
    return body


# -- one validation for every client frame (docs/realtime.md "Validation") -------------------

MAX_FRAME_CHARS = 64 * 1024  # larger text frames are answered "too_large"; uvicorn closes >16 MiB with 1009
MAX_FRAME_DEPTH = 16
_SURROGATES = re.compile("[\ud800-\udfff]")
# Fields several channels share, and the one JSON type each must have (no coercion).
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "client_id": (str,), "body": (str,), "group": (str,), "anonymous": (bool,),
    "after": (int,), "before": (int,),
}


class FrameError(Exception):
    """A client frame that is refused; answered with ``error_frame(code, detail)``."""

    def __init__(self, code: str, detail: str, content: Any = None) -> None:
        super().__init__(detail)
        self.code, self.detail, self.content = code, detail, content


def replace_lone_surrogates(text: str) -> str:
    """Half an emoji (a surrogate code point without its pair) becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text


def error_frame(code: str, detail: str, content: Any = None) -> dict:
    """The documented error frame; ``group`` and ``client_id`` echo the refused frame's when usable."""
    frame = {"type": "error", "code": code, "group": None, "client_id": None, "detail": detail}
    if isinstance(content, dict):
        for key in ("group", "client_id"):
            value = content.get(key)
            if isinstance(value, str) and "\x00" not in value:
                frame[key] = replace_lone_surrogates(value[:100])
    return frame


def _clean(value, depth: int):
    """``value`` with lone surrogates replaced; refuses NUL and nesting deeper than MAX_FRAME_DEPTH."""
    if isinstance(value, str):
        if "\x00" in value:
            raise FrameError("invalid_text", "Text may not contain NUL characters.")
        return replace_lone_surrogates(value)
    if isinstance(value, dict | list):
        if depth >= MAX_FRAME_DEPTH:
            raise FrameError("invalid_frame", f"Frames may nest at most {MAX_FRAME_DEPTH} levels.")
        if isinstance(value, list):
            return [_clean(v, depth + 1) for v in value]
        return {_clean(k, depth + 1): _clean(v, depth + 1) for k, v in value.items()}
    return value


def parse_client_frame(text_data: str | None, bytes_data: bytes | None = None) -> dict:
    """Decode and check one client frame, the same way for every channel. Raises FrameError."""
    if text_data is None:
        raise FrameError("invalid_frame", "Frames are JSON text; binary frames are not accepted.")
    if len(text_data) > MAX_FRAME_CHARS:
        raise FrameError("too_large", f"A frame may be at most {MAX_FRAME_CHARS} characters.")
    if "\x00" in text_data:
        raise FrameError("invalid_text", "Text may not contain NUL characters.")
    try:
        content = json.loads(text_data)
    except RecursionError:
        raise FrameError("invalid_frame", f"Frames may nest at most {MAX_FRAME_DEPTH} levels.") from None
    except ValueError:
        raise FrameError("invalid_frame", "That frame is not valid JSON.") from None
    if not isinstance(content, dict):
        raise FrameError("invalid_frame", 'Every frame is a JSON object with a "type".')
    content = _clean(content, 0)
    kind = content.get("type")
    if not isinstance(kind, str) or not kind or len(kind) > 64:
        raise FrameError("invalid_frame", 'Every frame is a JSON object with a "type".')
    for key, types in FIELD_TYPES.items():
        value = content.get(key)
        if value is None:
            continue
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            expected = {"str": "text", "bool": "true or false", "int": "a whole number"}[types[0].__name__]
            raise FrameError("invalid", f'"{key}" must be {expected}.', content)
    return content
