"""Typing indicators for group chat: ephemeral, through the fan-out only (no database write).

A client sends ``{"type": "typing.start", "group": slug, "anonymous": bool}`` while its person
types (the page sends at most one every two seconds, with "anonymous" as the "post as anonymous
member" box stands); members' sockets receive ``{"type": "typing.active", "group", "by"}``, where
``by`` is an opaque tag so a page can ignore its own. The tag is different in every group, for
the person's named and anonymous posting, and for every log-in session (issue #17: one tag per
person everywhere let an observer match the tag before a named message with the tag before an
anonymous one). A socket may trigger one every ``MIN_INTERVAL`` seconds per group; extra frames
are dropped silently.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time

from django.conf import settings

from hearthside.core import realtime
from hearthside.core.fanout import hub

from .actions import group_topic

MIN_INTERVAL = 2.0


def typing_tag(user_id: int, group_id: int, *, anonymous: bool, session: str) -> str:
    """Opaque, and unlinkable across groups, posting identities and sessions."""
    message = f"typing:{group_id}:{'anon' if anonymous else 'named'}:{session}:{user_id}"
    return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()[:16]


def session_of(scope_or_request) -> str:
    """What the tags of one log-in share: the session key, or the API token's id."""
    session = getattr(scope_or_request, "session", None)
    if session is None and isinstance(scope_or_request, dict):
        session = scope_or_request.get("session")
    key = getattr(session, "session_key", None) if session is not None else None
    if key:
        return key
    token = getattr(scope_or_request, "access_token", None)
    if token is None and isinstance(scope_or_request, dict):
        token = scope_or_request.get("access_token") or scope_or_request.get("token")
    return f"token:{getattr(token, 'pk', '')}"


class TypingChannel(realtime.Channel):
    prefix = "typing"

    async def receive(self, consumer, content) -> None:
        if content.get("type") != "typing.start":
            return await super().receive(consumer, content)
        slug = str(content.get("group"))[:60]
        group_id = getattr(consumer, "chat_groups", {}).get(slug)
        if group_id is None:
            await consumer.send_json({"type": "error", "code": "not_member", "group": slug,
                                      "detail": "You are not in this group."})
            return
        last = consumer.__dict__.setdefault("_typing_at", {})
        now = time.monotonic()
        if now - last.get(slug, -MIN_INTERVAL) < MIN_INTERVAL:
            return
        last[slug] = now
        tag = typing_tag(consumer.scope["user"].pk, group_id, anonymous=content.get("anonymous") is True,
                         session=session_of(consumer.scope))
        frame = json.dumps({"type": "typing.active", "group": slug, "by": tag}, separators=(",", ":"))
        # Publishing to Redis is a blocking call: keep it off the event loop.
        await asyncio.get_running_loop().run_in_executor(None, hub.publish, group_topic(group_id), frame)
