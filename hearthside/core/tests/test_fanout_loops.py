"""One fan-out subscriber per process, even when a second event loop takes over (core/fanout.py).

A process serves its sockets from one event loop; in tests (and in anything that runs a server in
a thread) another loop can start while the first still runs. Each loop that adds a socket starts
the hub's Redis subscriber for itself; the old one must stop delivering, or every frame published
through Redis reaches every socket twice (seen in CI: an observer got each typing frame twice) and
is written to sockets from the wrong thread. Needs REDIS_URL (the PostgreSQL + Redis leg).
"""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from django.conf import settings

from hearthside.community import presence as presence_mod
from hearthside.core.fanout import Hub
from hearthside.testing.browser import close_loop

pytestmark = pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (the fan-out subscriber is Redis's)")


class Recorder:
    def __init__(self) -> None:
        self.frames: list[tuple[str | None, str]] = []
        self.threads: dict[str, set[str]] = {}  # frame → the threads it was offered from

    def offer(self, topic, frame) -> None:
        self.frames.append((topic, frame))
        self.threads.setdefault(frame, set()).add(threading.current_thread().name)

    def got(self, frame: str) -> int:
        return sum(1 for _topic, f in self.frames if f == frame)


def _until(predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def other_loop():
    """An event loop that keeps running in another thread, like a test server that has not stopped."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="other-loop", daemon=True)
    thread.start()
    yield loop
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    close_loop(loop)


def test_a_second_loop_takes_over_and_each_frame_arrives_once(other_loop):
    hub = Hub()
    topic = f"loops-{time.monotonic_ns()}"  # the channel is shared with the suite: a topic of our own
    first, second = Recorder(), Recorder()

    async def add(sock):
        hub.add(sock, topic)

    asyncio.run_coroutine_threadsafe(add(first), other_loop).result(5)
    _until(lambda: hub.subscribed)
    old = hub._subscriber

    async def scenario():
        hub.add(second, topic)
        while not hub.subscribed:
            await asyncio.sleep(0.02)
        for n in range(3):
            await asyncio.get_running_loop().run_in_executor(None, hub.publish, topic, f'{{"n":{n}}}')
        await asyncio.sleep(0.5)  # time for any second copy to arrive
        hub.discard_all(second)

    asyncio.run(scenario())
    for n in range(3):
        assert second.got(f'{{"n":{n}}}') == 1, second.frames
    for n in range(3):  # the first socket is still in the topic: it gets each frame once too
        assert first.got(f'{{"n":{n}}}') == 1, first.frames
        for sock in (first, second):  # from this loop's subscriber, never the replaced one's
            assert sock.threads[f'{{"n":{n}}}'] == {threading.current_thread().name}
    _until(old.done)  # and it has ended on its own loop, not waited on for ever


def test_the_control_one_loop_delivers_each_frame_once():
    hub = Hub()
    topic = f"loops-{time.monotonic_ns()}"
    sock = Recorder()

    async def scenario():
        hub.add(sock, topic)
        while not hub.subscribed:
            await asyncio.sleep(0.02)
        await asyncio.get_running_loop().run_in_executor(None, hub.publish, topic, '{"n":1}')
        for _ in range(100):
            if sock.got('{"n":1}'):
                break
            await asyncio.sleep(0.02)
        hub.discard_all(sock)

    asyncio.run(scenario())
    assert sock.got('{"n":1}') == 1
    assert sock.frames[0] == (None, '{"type":"resync"}')  # subscribing tells the socket to catch up


def test_the_presence_heartbeat_of_a_replaced_loop_ends(other_loop, settings):
    settings.PRESENCE_DELAY = 3600  # no count is published here: only the heartbeat is looked at
    presence = presence_mod.Presence()

    async def join():
        presence.join(12345, "loops", 1)

    asyncio.run_coroutine_threadsafe(join(), other_loop).result(5)
    old = presence._heartbeat
    assert old is not None and not old.done() and old.get_loop() is other_loop

    async def on_this_loop():
        presence.pending.clear()
        presence.join(12345, "loops", 2)
        beat = presence._heartbeat
        beat.cancel()
        return beat

    beat = asyncio.run(on_this_loop())
    assert beat is not old
    _until(old.done)  # cancelled on its own loop, where it would have beaten every 30 s for ever
    assert old.cancelled()
