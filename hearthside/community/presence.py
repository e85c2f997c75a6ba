"""Presence: how many members have a group's chat open right now — a count, never who.

Each ASGI process counts its own sockets per group and person. With Redis, every process writes
the people it serves into a sorted set per group (member ``<process>:<user id>``, score = when the
entry expires) and refreshes it every ``HEARTBEAT`` seconds, so a process killed with -9 drops out
of the count within ``TTL`` seconds; the group's count is the number of distinct user ids there.
Without Redis the one process's own count is the count.

When someone comes or goes, the process recomputes the count after ``settings.PRESENCE_DELAY``
seconds (changes in that window are coalesced: 200 people opening a room send a handful of
frames, not 200) and publishes ``{"type": "presence", "group": slug, "online": n}`` on the group's
fan-out topic. A person's several tabs count once. The frame carries no names or ids, so
anonymous, muted and blocked members are not revealed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections import defaultdict

from django.conf import settings

from hearthside.core.fanout import _redis, cancel_on_its_loop, channel_name, hub

from .actions import group_topic

log = logging.getLogger("hearthside.presence")
TTL = 90
HEARTBEAT = 30
PROCESS = uuid.uuid4().hex[:12]


def presence_key(group_pk: int) -> str:
    """One key per group, site and database: two installations on one Redis (``HEARTHSIDE_REDIS_PREFIX``)
    never count each other's members, as the fan-out channel (``core.fanout.channel_name``)."""
    prefix = getattr(settings, "REDIS_PREFIX", "hearthside")
    return f"hearthside:presence:{prefix}:{settings.DATABASES['default'].get('NAME')}:{group_pk}"


class Presence:
    def __init__(self) -> None:
        self.sockets: dict[int, dict[int, int]] = defaultdict(dict)  # group pk → user id → sockets here
        self.slugs: dict[int, str] = {}
        self.written: dict[int, set[int]] = {}  # what this process last wrote to Redis, per group
        self.pending: set[int] = set()
        self.last: dict[int, int] = {}  # the count last published, per group
        self._heartbeat: asyncio.Task | None = None

    # -- called by the consumer, in the event loop ---------------------------------------------
    def join(self, group_pk: int, slug: str, user_id: int) -> None:
        people = self.sockets[group_pk]
        people[user_id] = people.get(user_id, 0) + 1
        self.slugs[group_pk] = slug
        self._schedule(group_pk)  # also when this person was here already: the new tab needs the count

    def leave(self, group_pk: int, user_id: int) -> None:
        people = self.sockets.get(group_pk)
        if not people or user_id not in people:
            return
        people[user_id] -= 1
        if people[user_id] <= 0:
            del people[user_id]
            self._schedule(group_pk)
        if not people:
            self.sockets.pop(group_pk, None)

    def online_here(self, group_pk: int) -> set[int]:
        return set(self.sockets.get(group_pk, ()))

    # -- counting and publishing ---------------------------------------------------------------
    def _schedule(self, group_pk: int) -> None:
        loop = asyncio.get_running_loop()
        if settings.REDIS_URL and (self._heartbeat is None or self._heartbeat.done()
                                   or self._heartbeat.get_loop() is not loop):
            old = self._heartbeat
            self._heartbeat = loop.create_task(self._beat())
            cancel_on_its_loop(old)
        if group_pk in self.pending:
            return
        self.pending.add(group_pk)
        loop.call_later(float(getattr(settings, "PRESENCE_DELAY", 1.0)), self._flush_soon, group_pk)

    def resend_all(self) -> None:
        """After (re)subscribing, counts sent meanwhile may have reached no one here: send again."""
        for group_pk in list(self.sockets):
            self._schedule(group_pk)

    def _flush_soon(self, group_pk: int) -> None:
        asyncio.ensure_future(self.flush(group_pk))

    async def flush(self, group_pk: int) -> None:
        self.pending.discard(group_pk)
        if settings.REDIS_URL and not hub.subscribed:
            # This process is not listening yet: its own sockets would miss the count. Try again.
            self._schedule(group_pk)
            return
        slug = self.slugs.get(group_pk)
        if slug is None:
            return
        people = self.online_here(group_pk)
        try:
            if settings.REDIS_URL:
                # Blocking Redis calls: off the event loop, like every publish.
                await asyncio.get_running_loop().run_in_executor(None, self._count_and_publish, group_pk, slug, people)
            else:
                await hub.deliver(group_topic(group_pk), self.frame(slug, len(people)))
        except Exception:  # presence is optional; delivery of messages is not affected
            log.warning("presence update failed for group %s", group_pk, exc_info=True)

    @staticmethod
    def frame(slug: str, online: int) -> str:
        return json.dumps({"type": "presence", "group": slug, "online": online}, separators=(",", ":"))

    def _write(self, pipe, group_pk: int, people: set[int], now: float) -> None:
        key = presence_key(group_pk)
        gone = self.written.get(group_pk, set()) - people
        if gone:
            pipe.zrem(key, *(f"{PROCESS}:{u}" for u in gone))
        if people:
            pipe.zadd(key, {f"{PROCESS}:{u}": now + TTL for u in people})
        pipe.zremrangebyscore(key, "-inf", now)
        pipe.expire(key, TTL)
        self.written[group_pk] = set(people)

    def _count_and_publish(self, group_pk: int, slug: str, people: set[int]) -> int:
        client = _redis()
        now = time.time()
        pipe = client.pipeline()
        self._write(pipe, group_pk, people, now)
        pipe.zrange(presence_key(group_pk), 0, -1)
        members = pipe.execute()[-1]
        online = len({m.decode().rpartition(":")[2] for m in members})
        self.last[group_pk] = online
        client.publish(channel_name(), f"{group_topic(group_pk)}\n{self.frame(slug, online)}")
        return online

    def _refresh_all(self) -> None:
        """Heartbeat: keep this process's entries alive, and correct the count where it changed
        without a frame (another process died and its entries expired)."""
        client = _redis()
        now = time.time()
        pipe = client.pipeline()
        groups = sorted(set(self.written) | set(self.sockets))
        for group_pk in groups:
            self._write(pipe, group_pk, self.online_here(group_pk), now)
            if group_pk not in self.sockets:
                self.written.pop(group_pk, None)
        pipe.execute()
        for group_pk in groups:
            if group_pk in self.sockets and group_pk in self.slugs:
                members = client.zrange(presence_key(group_pk), 0, -1)
                online = len({m.decode().rpartition(":")[2] for m in members})
                if self.last.get(group_pk) != online:
                    self.last[group_pk] = online
                    client.publish(channel_name(), f"{group_topic(group_pk)}\n{self.frame(self.slugs[group_pk], online)}")

    async def _beat(self) -> None:
        me = asyncio.current_task()
        while True:
            await asyncio.sleep(HEARTBEAT)
            if self._heartbeat is not me:
                return  # another event loop of this process beats now (as the fan-out subscriber)
            try:
                await asyncio.get_running_loop().run_in_executor(None, self._refresh_all)
            except Exception:
                log.warning("presence heartbeat failed", exc_info=True)


presence = Presence()
hub.on_subscribed.append(presence.resend_all)
