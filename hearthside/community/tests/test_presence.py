"""Presence counts: how many members have a group's chat open now, never who."""

from __future__ import annotations

import time

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings

from hearthside.community.models import Group, Membership
from hearthside.community.presence import PROCESS, presence, presence_key
from hearthside.conftest import make_user
from hearthside.testing.sockets import open_socket, socket_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_presence(settings):
    settings.PRESENCE_DELAY = 0.05


def _group(*users):
    group = Group.objects.create(slug="grief", name="Grief")
    for user in users:
        Membership.objects.create(group=group, user=user)
    return group


async def _presence_until(sock, online: int, timeout: float = 10) -> dict:
    """Read frames until a presence frame with the expected count arrives."""
    import asyncio

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        frame = await sock.receive_json_from(timeout=max(0.1, deadline - time.monotonic()))
        if frame["type"] == "presence" and frame["online"] == online:
            return frame
    await asyncio.sleep(0)
    raise AssertionError(f"no presence frame with online={online}")


def test_members_see_how_many_are_here_and_nobody_is_named():
    ana, ben = make_user("ana"), make_user("ben")
    _group(ana, ben)
    a, b, b2 = socket_for(ana), socket_for(ben), socket_for(ben)

    async def scenario():
        import asyncio

        await open_socket(a)
        first = await _presence_until(a, 1)
        await open_socket(b)
        await open_socket(b2)  # Ben's second tab counts once
        both = await _presence_until(a, 2)
        on_b2 = await _presence_until(b2, 2)
        await b.disconnect()
        await asyncio.sleep(0.5)
        still = []  # Ben's other tab is still open: nothing says he left
        while not await a.receive_nothing(timeout=0.2):
            still.append(await a.receive_json_from())
        await b2.disconnect()
        after = await _presence_until(a, 1)
        await a.disconnect()
        return first, both, on_b2, still, after

    first, both, on_b2, still, after = async_to_sync(scenario)()
    assert first == {"type": "presence", "group": "grief", "online": 1}
    assert both["online"] == 2 and on_b2["online"] == 2 and after["online"] == 1
    assert all(f.get("online") != 1 for f in still)
    for frame in (first, both, after):
        assert set(frame) == {"type", "group", "online"}  # no names, no ids


def test_a_non_member_never_gets_a_groups_presence():
    ana, outsider = make_user("ana"), make_user("outsider")
    _group(ana)
    a, out = socket_for(ana), socket_for(outsider)

    async def scenario():
        await open_socket(out)
        await open_socket(a)
        await _presence_until(a, 1)
        seen = []  # (a Redis "resync" hint may arrive: it is not the group's)
        while not await out.receive_nothing(timeout=0.5):
            seen.append(await out.receive_json_from())
        await a.disconnect()
        await out.disconnect()
        return seen

    assert [f for f in async_to_sync(scenario)() if f["type"] == "presence"] == []


def test_leaving_the_group_removes_you_from_the_count():
    from hearthside.community.actions import do_leave

    ana, ben = make_user("ana"), make_user("ben")
    group = _group(ana, ben)
    a, b = socket_for(ana), socket_for(ben)

    async def scenario():
        from channels.db import database_sync_to_async

        await open_socket(a)
        await open_socket(b)
        await _presence_until(a, 2)
        await database_sync_to_async(do_leave)(ben, group)
        after = await _presence_until(a, 1)
        await a.disconnect()
        await b.disconnect()
        return after

    assert async_to_sync(scenario)()["online"] == 1


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL: counts across processes are kept in Redis")
def test_counts_add_up_across_processes_and_a_dead_process_drops_out():
    import redis

    ana = make_user("ana")
    group = _group(ana)
    client = redis.Redis.from_url(settings.REDIS_URL)
    key = presence_key(group.pk)
    now = time.time()
    # Another worker serves two people (one alive, one whose worker died a while ago) and Ana.
    client.zadd(key, {"otherproc:9001": now + 60, "deadproc:9002": now - 5, f"otherproc:{ana.pk}": now + 60})
    a = socket_for(ana)

    async def scenario():
        await open_socket(a)
        frame = await _presence_until(a, 2)  # Ana (once, though two workers list her) + 9001
        members = {m.decode() for m in client.zrange(key, 0, -1)}
        await a.disconnect()
        return frame, members

    frame, members = async_to_sync(scenario)()
    assert frame["online"] == 2
    assert "deadproc:9002" not in members and f"{PROCESS}:{ana.pk}" in members
    client.delete(key)
    presence.written.pop(group.pk, None)


def test_two_installations_on_one_redis_keep_their_presence_apart(settings):
    settings.REDIS_PREFIX = "clinic-a"
    first = presence_key(7)
    settings.REDIS_PREFIX = "clinic-b"
    assert presence_key(7) != first
    assert presence_key(7).startswith("hearthside:presence:clinic-b:")
