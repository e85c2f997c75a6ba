"""One websocket per browser tab: the person's own events; features add theirs as live channels
(``core.realtime``: group chat, peer chat, the support line, counselling, the companion, the
safety dashboard).

Every socket has a bounded send queue (its *outbox*) and its own writer task. The fan-out
(``core.fanout.Hub.deliver``) only appends a frame to each socket's outbox and never waits for a
socket, so one reader that stops reading (a phone in a tunnel) delays nobody else. A socket that
falls behind — its outbox full, or one write pending past the write deadline — is closed with
**4408** and catches up by sequence number when it reconnects. See docs/realtime.md.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
import weakref
from collections import deque

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings

from . import frames, metrics, realtime
from .events import user_group
from .fanout import hub

log = logging.getLogger("hearthside.realtime")

CLOSE_UNAUTHENTICATED = 4401  # not logged in, or the session / token ended: do not reconnect
CLOSE_TOO_SLOW = 4408  # fell behind: reconnect and catch up by sequence number
# Tests check every frame written against its schema (core/frames.py).
CHECK_FRAMES = False  # hearthside/conftest.py turns it on
_CLOSE_SLOW = object()  # outbox marker: write the 4408 close after what is already handed over


def send_queue_limit() -> int:
    return getattr(settings, "REALTIME_SEND_QUEUE", 512)


def write_timeout() -> float:
    return getattr(settings, "REALTIME_WRITE_TIMEOUT", 10.0)


def auth_recheck_seconds() -> float:
    return getattr(settings, "REALTIME_AUTH_RECHECK_SECONDS", 60.0)


def _open(consumer):
    """Everything a new socket needs from the database (runs in the database thread): its person,
    from the session cookie or the token (``wsauth.credentials``), and its topics. Returns
    ``(user, session, token, loaded)``; ``loaded`` None: refused.

    A browser's session past its idle time or lifetime opens no socket, as it opens no page. Then
    records on ``user`` whether this socket proved a second factor (its token's, or its session's
    device), so that every channel's access checks, which receive only ``user``, apply the same rule
    as pages and the API (``proved_second_factor``); only then are the topics chosen."""
    from hearthside.accounts.actions import session_timed_out
    from hearthside.accounts.auth import mark_second_factor

    from .wsauth import credentials

    user, session, token = credentials(consumer.scope)
    if user is None or not user.is_authenticated:
        return user, session, token, None
    if token is None and session is not None and session_timed_out(session, time.time()):
        return user, session, token, None
    mark_second_factor(user, token.two_factor if token is not None else _two_factor_in_session(user, session))
    if session is not None:
        _forget_data(session)
    return user, session, token, consumer.load_topics(user)


HANDSHAKE_BATCH = 100  # handshakes answered in one trip to the database thread, at most


def _open_many(consumers: list) -> list[tuple[bool, object]]:
    """``_open`` for each socket, in turn, in one trip to the database thread: ``(True, result)``
    or ``(False, exception)`` each, so one socket's failure fails no other."""
    results: list[tuple[bool, object]] = []
    for consumer in consumers:
        try:
            results.append((True, _open(consumer)))
        except Exception as exc:
            results.append((False, exc))
    return results


class _Handshakes:
    """The handshakes of one event loop, answered in as few trips to the database thread as they
    allow. A trip starts at once when none is under way; handshakes that arrive during a trip wait
    for it and go together in the next (up to ``HANDSHAKE_BATCH``). One handshake alone waits for
    nothing; in a reconnect storm, where thousands arrive within seconds, each trip carries many:
    a trip costs the event loop and the database thread about a tenth of a millisecond each,
    a tenth of a handshake (issue #20). A task exists only while handshakes wait."""

    __slots__ = ("waiting", "task", "__weakref__")

    def __init__(self) -> None:
        self.waiting: list[tuple[EventsConsumer, asyncio.Future]] = []
        self.task: asyncio.Task | None = None

    async def open(self, consumer: EventsConsumer):
        future = asyncio.get_running_loop().create_future()
        self.waiting.append((consumer, future))
        if self.task is None:
            self.task = asyncio.ensure_future(self._run())
        return await future

    async def _run(self) -> None:
        batch: list[tuple[EventsConsumer, asyncio.Future]] = []
        try:
            while self.waiting:
                batch, self.waiting = self.waiting[:HANDSHAKE_BATCH], self.waiting[HANDSHAKE_BATCH:]
                batch = [(consumer, future) for consumer, future in batch if not future.done()]
                if not batch:
                    continue
                try:
                    results = await database_sync_to_async(_open_many)([consumer for consumer, _f in batch])
                except Exception as exc:  # the trip itself failed (e.g. the database is away)
                    results = [(False, exc)] * len(batch)
                for (_consumer, future), (ok, value) in zip(batch, results, strict=True):
                    if future.done():  # the client left while it waited
                        continue
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        finally:
            self.task = None
            waiting, self.waiting = self.waiting, []
            for _consumer, future in batch + waiting:  # cancelled (the loop is closing): none waits on
                if not future.done():
                    future.cancel()


_handshakes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # event loop -> _Handshakes


def _forget_data(session) -> None:
    """A socket keeps its session for the key alone: the re-check and the activity touch read the
    store afresh. The data decoded at the handshake (about 0.7 KiB) is let go instead of being held
    for the socket's life (10,000 idle sockets per process, issue #20); read again, should anything
    ask, in the database thread as any session read."""
    session.__dict__.pop("_session_cache", None)


@database_sync_to_async
def _touch_session(session) -> None:
    """Something the person did on the socket counts as activity, as a page request does: the
    session's idle clock restarts (a conversation held only over the socket is not "idle").
    Read fresh and saved at once; never revives a session that ended or timed out."""
    from hearthside.accounts.actions import SESSION_SEEN_AT, session_timed_out

    store = session.__class__(session_key=session.session_key)
    now = time.time()
    if not store.load() or session_timed_out(store, now):
        return
    store[SESSION_SEEN_AT] = now
    store.save()


def _two_factor_in_session(user, session) -> bool:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    if not persistent_id:
        return False
    device = Device.from_persistent_id(persistent_id)
    return device is not None and device.user_id == user.pk


RECHECK_BATCH = 500  # sockets judged in one trip to the database thread (and one query per kind)
RECHECK_GATHER_SECONDS = 0.25  # re-checks falling due this close together share a trip


def _credentials_valid_many(entries: list[tuple]) -> list[bool]:
    """For each socket's ``(user, session, token)``: whether the token or session it was opened
    with still authenticates its person (runs in the database thread).

    The same rules for one socket or many, with one query per kind for all of them (the people,
    the tokens, the sessions) instead of two or three per socket: a process with 10,000 open
    sockets re-checks about 170 a second (issue #20)."""
    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone
    from django.utils.crypto import constant_time_compare

    from hearthside.accounts.actions import session_timed_out
    from hearthside.accounts.auth import proved_second_factor
    from hearthside.accounts.models import AccessToken, User

    people = {u.pk: u for u in User.objects.filter(pk__in={user.pk for user, _s, _t in entries})}
    token_ids = {token.pk for _u, _s, token in entries if token is not None}
    tokens = {t.pk: t for t in AccessToken.objects.filter(pk__in=token_ids)} if token_ids else {}
    # (``session`` may be a lazy proxy: its __class__ is the real store's.) A session past its
    # expiry does not exist, as the store's own read has it.
    stores = {s.session_key: s.__class__ for _u, s, token in entries
              if token is None and s is not None and s.session_key}
    found: dict[str, dict] = {}
    for store in set(stores.values()):
        keys = [key for key, cls in stores.items() if cls is store]
        model = getattr(store, "get_model_class", None)
        if model is None:  # a store not kept in a table: each session read by the store itself
            found.update((key, store(session_key=key).load()) for key in keys)
            continue
        for row in model().objects.filter(session_key__in=keys, expire_date__gt=timezone.now()):
            found[row.session_key] = store().decode(row.session_data)
    now = time.time()
    verdicts = []
    for user, session, token in entries:
        fresh = people.get(user.pk)
        if fresh is None or not fresh.is_active:
            verdicts.append(False)
            continue
        if token is not None:
            current = tokens.get(token.pk)
            verdicts.append(current is not None and current.is_usable)
            continue
        data = found.get(session.session_key, {}) if session is not None and session.session_key else None
        if data is None or str(data.get(SESSION_KEY)) != str(user.pk):
            verdicts.append(False)
            continue
        stored_hash = data.get(HASH_SESSION_KEY)
        if stored_hash and not constant_time_compare(stored_hash, fresh.get_session_auth_hash()):
            verdicts.append(False)  # the password changed since
            continue
        if session_timed_out(data, now):
            verdicts.append(False)  # idle or too old: pages log it out on their next request (issue #17)
            continue
        if proved_second_factor(user):
            # Joined staff groups on a second factor: that proof must still hold (two-factor turned
            # off, the device removed). Closing makes the client reconnect, with what it may see now.
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.models import Device

            persistent_id = data.get(DEVICE_ID_SESSION_KEY)
            device = Device.from_persistent_id(persistent_id) if persistent_id else None
            if device is None or device.user_id != user.pk:
                verdicts.append(False)
                continue
        verdicts.append(True)
    return verdicts


@database_sync_to_async
def _credentials_valid(user, session, token) -> bool:
    """Whether the token or session this socket was opened with still authenticates its person."""
    return _credentials_valid_many([(user, session, token)])[0]


class _Rechecks:
    """The credential re-checks that fell due on one event loop, judged together: one trip to the
    database thread (and one query per kind) for up to ``RECHECK_BATCH`` sockets, where each socket
    used to make its own trip with two or three queries. A task exists only while re-checks wait."""

    __slots__ = ("due", "task", "__weakref__")

    def __init__(self) -> None:
        self.due: list[EventsConsumer] = []
        self.task: asyncio.Task | None = None

    def add(self, consumer: EventsConsumer) -> None:
        self.due.append(consumer)
        if self.task is None:
            self.task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        try:
            while self.due:
                await asyncio.sleep(RECHECK_GATHER_SECONDS)
                batch, self.due = self.due[:RECHECK_BATCH], self.due[RECHECK_BATCH:]
                batch = [c for c in batch if not c._ended]
                try:
                    await self._judge(batch)
                except Exception:  # a fault of this code: keep checking these sockets next time
                    log.exception("credential re-check failed")
                    for consumer in batch:
                        consumer._schedule_recheck()
        finally:
            self.task = None
            if self.due:  # cancelled with sockets waiting (the loop is closing): they are not judged
                self.due = []

    @staticmethod
    async def _judge(batch: list[EventsConsumer]) -> None:
        if not batch:
            return
        entries = [(c.scope["user"], c.scope.get("session"), c.scope.get("access_token")) for c in batch]
        try:
            verdicts = await database_sync_to_async(_credentials_valid_many)(entries)
        except Exception as exc:  # e.g. the database is away: judge again next time
            if not _is_db_error(exc):
                log.exception("credential re-check failed")
            verdicts = [True] * len(batch)
        for consumer, valid in zip(batch, verdicts, strict=True):
            if consumer._ended:
                continue
            if valid:
                consumer._schedule_recheck()
            else:  # each closes on its own: one slow socket holds up no other
                consumer._closing = asyncio.ensure_future(consumer._end_session())


_rechecks: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # event loop -> _Rechecks


def _is_db_error(exc: BaseException) -> bool:
    from django.db import DatabaseError, InterfaceError

    return isinstance(exc, DatabaseError | InterfaceError)


class EventsConsumer(AsyncJsonWebsocketConsumer):
    # No Channels channel layer per socket: every frame reaches sockets through the fan-out hub
    # (``core.fanout``). With the Redis channel layer, each connection blocked on its own Redis
    # read, so a Redis outage raised inside every consumer and dropped every websocket at once.
    # An alias that is not configured makes Channels skip the layer (``get_channel_layer`` → None):
    # sockets stay open through a Redis outage, deliver locally, and resync when it returns.
    channel_layer_alias = "hearthside.no-channel-layer"

    async def __call__(self, scope, receive, send):
        # Channels' own loop (``await_many_dispatch``) wraps every ``receive()`` in a task of its
        # own and waits on it with ``asyncio.wait``: for an idle socket a pending task, its
        # coroutine and the wait's future and callbacks, about 2 KiB held for the socket's life
        # (10,000 idle sockets per process, issue #20), and a task created per client frame. With
        # no channel layer there is one source of messages, so they are read here, in turn.
        self.scope = scope
        self.channel_layer = None
        self.base_send = send
        try:
            while True:
                await self.dispatch(await receive())
        except StopConsumer:
            pass

    async def dispatch(self, message):
        # Channels first closes database connections past CONN_MAX_AGE before every message (the
        # handshake, each client frame, the close): a trip to the database thread each, a fifth of
        # a handshake's cost. Every database access of these consumers and their channels runs in
        # ``database_sync_to_async``, which does the same in that thread around each call.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def websocket_disconnect(self, message):
        # Channels' own handler would leave channel-layer groups (none: see above) and then make one
        # more trip to the database thread to close old connections, building a new sync_to_async
        # wrapper each time: about a fifth of a millisecond per closing socket, in a reconnect storm
        # one per socket. As in ``dispatch``, the trips that touch the database already do that.
        await self.disconnect(message["code"])
        raise StopConsumer()

    # -- connection --------------------------------------------------------------------------
    async def connect(self):
        loop = asyncio.get_running_loop()
        handshakes = _handshakes.get(loop)
        if handshakes is None:
            handshakes = _handshakes[loop] = _Handshakes()
        user, session, token, loaded = await handshakes.open(self)
        self.scope.update(user=user, session=session, access_token=token)
        self.scope.pop("credentials", None)  # a token's raw value is not kept for the socket's life
        if loaded is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        # Frames published while topics are being joined wait in the outbox; the writer starts
        # after "hello", so a client can rely on two things: hello comes first, and every topic
        # is joined by then.
        # The outbox and the task that writes it exist only while there are frames to write: an
        # idle socket holds neither (an empty deque alone is 0.7 KiB; 10,000 idle sockets per
        # process, issue #20).
        self._outbox: deque | None = None
        self._writer: asyncio.Task | None = None
        self._writing = False  # frames may be written: after "hello", until a write failed
        self._write_started: float | None = None
        self._ended = False
        self._loop = asyncio.get_running_loop()
        self.groups_joined = [user_group(user.pk)]
        try:
            for group in self.groups_joined:
                hub.add(self, group)
            await self.join_topics(user, loaded)
            await self.accept()
            self._counted = True
            metrics.socket_opened()
            await self._write(json.dumps({"type": "hello", "groups": len(self.groups_joined)}))
        except asyncio.CancelledError:
            self.detach()
            raise
        except Exception:
            # The client gave up during the handshake (the server refuses to write to a socket it
            # has closed): Channels sends no disconnect to a consumer whose connect failed, so
            # nothing of this socket may stay behind in the hub, presence or the open-socket count.
            log.info("a websocket went away during its handshake", exc_info=True)
            self.detach()
            raise StopConsumer() from None
        self._hello_sent = self._writing = True
        self._start_writer()
        self._schedule_recheck()

    def load_topics(self, user):
        """What ``join_topics`` needs from the database (runs in the database thread, in the same
        trip as the handshake's checks, after the second factor is marked on ``user``)."""
        return ()

    async def join_topics(self, user, loaded) -> None:
        """Subclasses join their further fan-out topics here, before the socket is accepted,
        from what ``load_topics`` returned."""

    async def disconnect(self, code):
        self.detach()
        timer = getattr(self, "_recheck_timer", None)
        if timer is not None:
            timer.cancel()
        task = getattr(self, "_writer", None)
        if task is not None and task is not asyncio.current_task():
            task.cancel()

    def detach(self) -> None:
        """Stop receiving frames (idempotent). Subclasses release what they hold, e.g. presence."""
        self._ended = True
        hub.discard_all(self)
        if getattr(self, "_counted", False):
            self._counted = False
            metrics.socket_closed()

    # -- the outbox --------------------------------------------------------------------------
    def offer(self, topic: str | None, frame: str) -> None:
        """Queue ``frame`` (of fan-out ``topic``; None for a direct reply) without waiting.

        Called by the hub for every socket of a topic: it must never block or await.
        """
        if getattr(self, "_ended", True):
            return
        outbox = self._outbox
        if outbox is None:
            outbox = self._outbox = deque()
        started = self._write_started
        if len(outbox) >= send_queue_limit() or (
                started is not None and self._loop.time() - started > write_timeout()):
            self._fell_behind()
            return
        outbox.append((topic, frame))
        self._start_writer()

    def _fell_behind(self) -> None:
        log.info("closing a websocket that fell behind (%s frames queued)", len(self._outbox or ()))
        self.detach()
        self._outbox = deque([_CLOSE_SLOW])
        self._start_writer()

    async def _write(self, text: str) -> None:
        if CHECK_FRAMES:
            frames.check_text(text)
        self._write_started = self._loop.time()
        try:
            await self.base_send({"type": "websocket.send", "text": text})
        finally:
            self._write_started = None

    def _start_writer(self) -> None:
        if self._writing and self._writer is None and self._outbox:
            self._writer = self._loop.create_task(self._drain())

    async def _drain(self) -> None:
        """Write the outbox in order until it is empty, then end (``offer`` starts it again).
        Nothing is awaited between finding the outbox empty and ending, so no frame is left behind."""
        try:
            while self._outbox:  # (replaced, not only emptied, when the socket fell behind)
                item = self._outbox.popleft()
                if item is _CLOSE_SLOW:
                    self._writing = False
                    await self.close(code=CLOSE_TOO_SLOW, reason="too slow: reconnect and catch up")
                    return
                topic, frame = item
                if topic is None:
                    await self._write(frame)
                else:
                    await self.fanout_frame(topic, frame)
        except asyncio.CancelledError:
            raise
        except Exception:  # the client went away mid-write: the disconnect handler cleans up
            self._writing = False
            log.debug("websocket writer stopped", exc_info=True)
        finally:
            if self._writer is asyncio.current_task():
                self._writer = None
                if not self._outbox:
                    self._outbox = None

    async def send(self, text_data=None, bytes_data=None, close=False):
        """Replies travel through the outbox too, in order with the fan-out's frames."""
        if text_data is None or close or not getattr(self, "_hello_sent", False):
            return await super().send(text_data=text_data, bytes_data=bytes_data, close=close)
        self.offer(None, text_data)

    async def send_json(self, content, close=False):
        await self.send(text_data=json.dumps(content), close=close)

    # -- frames from the fan-out (run in the writer task, in order) ---------------------------
    async def fanout_frame(self, topic: str, frame: str) -> None:
        """A frame published to one of this socket's topics (see core.fanout)."""
        if topic in self.groups_joined and '"session.ended"' in frame:
            event = json.loads(frame)
            if event.get("type") == "session.ended" and self._ends_this_socket(event):
                # Logged out, password changed, account closed or this socket's token revoked.
                await self._end_session()
                return
            if event.get("type") == "session.ended":
                return  # another token of this person was revoked
        await self._write(frame)

    def _ends_this_socket(self, event: dict) -> bool:
        token = self.scope.get("access_token")
        if "token" in event:  # a revoked token ends only the sockets it opened
            return token is not None and event["token"] == token.pk
        return True

    async def _end_session(self) -> None:
        self.detach()
        self._outbox = None
        await self.close(code=CLOSE_UNAUTHENTICATED)

    def _schedule_recheck(self) -> None:
        # A timer, not a task asleep per socket: an idle socket holds a few hundred bytes for it
        # instead of a task and its frame (10,000 idle sockets per process, issue #20).
        if not self._ended:
            self._recheck_timer = self._loop.call_later(auth_recheck_seconds() * random.uniform(0.8, 1.2),
                                                        self._recheck_due)

    def _recheck_due(self) -> None:
        self._recheck_timer = None
        if not self._ended:
            rechecks = _rechecks.get(self._loop)
            if rechecks is None:
                rechecks = _rechecks[self._loop] = _Rechecks()
            rechecks.add(self)

    # -- frames from the client ----------------------------------------------------------------
    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        """Every client frame is checked here (``realtime.parse_client_frame``); a refused one
        is answered with an error frame and the socket stays open."""
        if getattr(self, "_ended", True):
            return
        try:
            content = realtime.parse_client_frame(text_data, bytes_data)
        except realtime.FrameError as exc:
            await self.send_json(realtime.error_frame(exc.code, exc.detail, exc.content))
            return
        try:
            await self._note_activity(content)
            await self.receive_json(content, **kwargs)
        except Exception as exc:
            if _is_db_error(exc):
                log.warning("a websocket frame failed: database unavailable", exc_info=True)
                reply = realtime.error_frame("unavailable", "The service is briefly unavailable: "
                                             "keep your message and send it again in a moment.", content)
            else:
                log.exception("a websocket frame failed")
                reply = realtime.error_frame("server_error", "Something went wrong: send it again in a moment.",
                                             content)
            await self.send_json(reply)

    async def _note_activity(self, content) -> None:
        """A frame the page sent for the person (not a bare ``ping``) keeps a browser session from
        going idle, at most one write a minute (as ``SessionTimeoutMiddleware`` touches it)."""
        session = self.scope.get("session")
        if content.get("type") == "ping" or self.scope.get("access_token") is not None or session is None:
            return
        now = self._loop.time()
        last = getattr(self, "_touched_at", None)
        if last is not None and now - last < 60:
            return
        self._touched_at = now
        await _touch_session(session)

    async def receive_json(self, content, **kwargs):
        kind = content.get("type")
        if kind == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_json(realtime.error_frame("unsupported", f"{kind} is not supported.", content))
