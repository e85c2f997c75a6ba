"""Typing indicators for group chat: ephemeral, through the fan-out only (no database write).

A client sends ``{"type": "typing.start", "group": slug}`` while its person types (the page sends
at most one every two seconds); members' sockets receive ``{"type": "typing.active", "group",
"by"}``, where ``by`` is an opaque tag (the same for one person, so a page can ignore its own, and
not their id or name: "someone is typing" reveals no one, muted or anonymous). A socket may
trigger one every ``MIN_INTERVAL`` seconds per group; extra frames are dropped silently.
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


def typing_tag(user_id: int) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"typing:{user_id}".encode(), hashlib.sha256).hexdigest()[:12]


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
        frame = json.dumps({"type": "typing.active", "group": slug, "by": typing_tag(consumer.scope["user"].pk)},
                           separators=(",", ":"))
        # Publishing to Redis is a blocking call: keep it off the event loop.
        await asyncio.get_running_loop().run_in_executor(None, hub.publish, group_topic(group_id), frame)
