"""The hub's two indexes agree: a socket that leaves is gone from every topic it joined and from no
other socket's (``Hub.joined`` lets it leave without walking every topic of the process)."""

from __future__ import annotations

import asyncio

from django.test import override_settings

from hearthside.core.fanout import Hub


class Sock:
    def __init__(self) -> None:
        self.frames: list[tuple[str, str]] = []

    def offer(self, topic, frame) -> None:
        self.frames.append((topic, frame))


@override_settings(REDIS_URL=None)
def test_a_socket_that_leaves_is_gone_from_its_topics_and_only_it():
    hub = Hub()
    a, b = Sock(), Sock()

    async def scenario():
        for topic in ("user.1", "group.7", "peer.3"):
            hub.add(a, topic)
        hub.add(b, "group.7")
        hub.add(b, "user.2")
        hub.discard(a, "peer.3")
        hub.discard_all(a)
        await hub.deliver("group.7", "x")
        await hub.deliver("user.1", "y")

    asyncio.run(scenario())
    assert {topic: set(sockets) for topic, sockets in hub.topics.items()} == {"group.7": {b}, "user.2": {b}}
    assert hub.joined == {b: {"group.7", "user.2"}}
    assert a.frames == [] and b.frames == [("group.7", "x")]
