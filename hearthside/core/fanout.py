"""Fan-out of live frames to many websockets.

Each ASGI process keeps its own sockets per topic and one Redis subscription (when REDIS_URL is
set). A frame is serialised once by the publisher and written as-is to every local socket of its
topic, instead of one channel-layer message per socket. Without Redis everything runs in one
process: publishing hands the frame to that process's event loop directly.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import defaultdict

from django.conf import settings

from . import metrics

log = logging.getLogger("hearthside.fanout")
CHANNEL = "hearthside:fanout"
# A message on the Redis channel is "topic\nframe", optionally after a line "@<epoch seconds>" with
# when it was published, for the fan-out lag metric (core/metrics.py). Topics never start with "@";
# messages without the line (community/presence.py publishes its own) are delivered the same. A
# process older than the line drops stamped messages (an unknown topic): upgrade all together.
STAMP = "@"


def channel_name() -> str:
    """One Redis channel per site and database: processes serving the same data share it, and
    separate installations (``HEARTHSIDE_REDIS_PREFIX``, or parallel test databases) on one Redis
    never see each other's frames, even when their databases have the same name."""
    prefix = getattr(settings, "REDIS_PREFIX", "hearthside")
    return f"{CHANNEL}:{prefix}:{settings.DATABASES['default'].get('NAME')}"


def cancel_on_its_loop(task: asyncio.Task | None) -> None:
    """Cancel ``task`` from any thread: its event loop may still run in another one (a test
    server that has not stopped yet), where only a thread-safe call may touch it."""
    if task is None or task.done():
        return
    try:
        task.get_loop().call_soon_threadsafe(task.cancel)
    except RuntimeError:  # that loop is closed already: the task can never run again
        pass


class Hub:
    def __init__(self) -> None:
        self.topics: dict[str, set] = defaultdict(set)
        # The other way round: each socket's topics, so that a socket leaves in time proportional to
        # its own topics, not to every topic of the process (a reconnect storm of 10,000 sockets
        # walked 10,000 topics per departure).
        self.joined: dict[object, set[str]] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self._subscriber: asyncio.Task | None = None
        self.subscribed = False  # True once this process's Redis subscription is live
        # Called (in the event loop) each time the subscription is (re)established, e.g. to
        # resend state that is not kept in the database, like presence counts.
        self.on_subscribed: list = []
        self._lock = threading.Lock()

    # -- sockets (called in the event loop) ------------------------------------------------
    def add(self, socket, topic: str) -> None:
        self.loop = asyncio.get_running_loop()
        self.topics[topic].add(socket)
        self.joined.setdefault(socket, set()).add(topic)
        # A subscriber task of an event loop that no longer runs (a server that stopped, e.g. a
        # test's uvicorn thread) never finishes: subscribe again from the loop in use now.
        if settings.REDIS_URL and (self._subscriber is None or self._subscriber.done()
                                   or self._subscriber.get_loop() is not self.loop):
            self.subscribed = False
            old = self._subscriber
            self._subscriber = asyncio.ensure_future(self._subscribe())
            cancel_on_its_loop(old)

    def discard(self, socket, topic: str) -> None:
        sockets = self.topics.get(topic)
        if sockets is not None:
            sockets.discard(socket)
            if not sockets:
                self.topics.pop(topic, None)
        mine = self.joined.get(socket)
        if mine is not None:
            mine.discard(topic)
            if not mine:
                del self.joined[socket]

    def discard_all(self, socket) -> None:
        for topic in self.joined.pop(socket, ()):
            sockets = self.topics.get(topic)
            if sockets is not None:
                sockets.discard(socket)
                if not sockets:
                    self.topics.pop(topic, None)

    async def deliver(self, topic: str, frame: str, published_at: float | None = None) -> None:
        """Hand ``frame`` to every local socket of ``topic``. Never waits for a socket: each
        one queues the frame for its own writer (``core.consumers``), and one that falls behind
        is closed, so a reader that stops reading delays nobody else."""
        handed = 0
        for socket in list(self.topics.get(topic, ())):
            try:
                socket.offer(topic, frame)
                handed += 1
            except Exception:  # one broken socket must not stop delivery to the others
                log.debug("delivery to a socket failed", exc_info=True)
        try:
            metrics.fanout_delivered(handed, published_at)
        except Exception:  # noqa: BLE001 - counting must never stop delivery
            log.debug("recording fan-out metrics failed", exc_info=True)

    def _replaced(self, me) -> bool:
        """True once another event loop of this process started its own subscriber (a test server
        that stopped, an ``async_to_sync`` loop): the old one stops delivering at once, or every
        frame would reach every socket twice, and from the wrong thread."""
        return self._subscriber is not me

    async def _subscribe(self) -> None:
        import redis.asyncio as aioredis

        me = asyncio.current_task()
        delay = 0.5
        client = None
        while not self._replaced(me):
            client = None
            try:
                client = aioredis.from_url(settings.REDIS_URL, socket_connect_timeout=2,
                                           health_check_interval=15)
                pubsub = client.pubsub()
                await pubsub.subscribe(channel_name())
                # SUBSCRIBE is confirmed by a message of its own; only from then on are
                # publishes seen, so only then is this process really listening.
                for _attempt in range(20):
                    confirm = await pubsub.get_message(timeout=0.5)
                    if confirm is not None and confirm.get("type") == "subscribe":
                        break
                else:
                    raise ConnectionError("Redis did not confirm the fan-out subscription")
                if self._replaced(me):
                    break
                self.subscribed = True
                # Frames published while we were not subscribed are in the database; tell the
                # clients to catch up from there.
                await self._resync_all()
                for callback in list(self.on_subscribed):
                    callback()
                delay = 0.5
                async for message in pubsub.listen():
                    if self._replaced(me):
                        break
                    if message.get("type") != "message":
                        continue
                    data = message["data"].decode("utf-8")
                    published_at = None
                    if data.startswith(STAMP):
                        stamp, _sep, data = data[1:].partition("\n")
                        try:
                            published_at = float(stamp)
                        except ValueError:
                            published_at = None
                    topic, _sep, frame = data.partition("\n")
                    await self.deliver(topic, frame, published_at)
            except asyncio.CancelledError:
                raise
            except Exception:
                if self._replaced(me):
                    break
                self.subscribed = False
                log.warning("fan-out subscription lost; reconnecting", exc_info=True)
                if client is not None:
                    try:
                        await client.aclose()
                    except Exception:
                        log.debug("closing the lost Redis client failed", exc_info=True)
                    client = None
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)
        if client is not None:
            try:
                await client.aclose()
            except Exception:
                log.debug("closing a replaced subscriber's Redis client failed", exc_info=True)

    async def _resync_all(self) -> None:
        seen = set()
        for sockets in list(self.topics.values()):
            for socket in list(sockets):
                if id(socket) not in seen:
                    seen.add(id(socket))
                    try:
                        # Queued like any frame: a socket not accepted yet gets it after "hello".
                        socket.offer(None, '{"type":"resync"}')
                    except Exception:
                        log.debug("resync hint failed", exc_info=True)

    # -- publishing (called from synchronous code, after commit) ------------------------------
    def publish(self, topic: str, frame: str) -> None:
        """Send ``frame`` to every socket of ``topic``: through Redis to every process when it is
        set, else (or while Redis is away) to this process's own sockets. Never raises for Redis:
        the message is stored already, and sockets elsewhere catch up on ``resync``."""
        published_at = time.time()
        if settings.REDIS_URL:
            message = f"{STAMP}{published_at:.6f}\n{topic}\n{frame}"
            try:
                try:
                    _redis().publish(channel_name(), message)
                except Exception:
                    # After Redis restarts, the first command on a pooled connection fails; the
                    # pool drops that connection, so one retry goes out on a fresh one.
                    _redis().publish(channel_name(), message)
            except Exception:
                # Degraded: Redis is away. This process's sockets still get the frame; the
                # others are sent ``resync`` by their own subscriber when Redis returns.
                log.warning("fan-out publish failed (Redis unavailable); delivering locally", exc_info=True)
                self._deliver_locally(topic, frame, published_at)
                return
            if not self.subscribed:
                # Published, but this process is between subscriptions (Redis just came back):
                # hand the frame over here too. Clients drop a frame they already have by ``seq``.
                self._deliver_locally(topic, frame, published_at)
            return
        self._deliver_locally(topic, frame, published_at)

    def _deliver_locally(self, topic: str, frame: str, published_at: float | None = None) -> None:
        loop = self.loop
        if loop is None or loop.is_closed():
            return  # no socket has ever connected to this process
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            asyncio.ensure_future(self.deliver(topic, frame, published_at))
        else:
            asyncio.run_coroutine_threadsafe(self.deliver(topic, frame, published_at), loop)


_client = None
_client_lock = threading.Lock()


def _redis():
    global _client
    with _client_lock:
        if _client is None:
            import redis

            # Bounded: a Redis that is away or hangs costs a publish a few seconds at most, never
            # a thread of the socket's database pool for good.
            _client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=5)
        return _client


hub = Hub()
