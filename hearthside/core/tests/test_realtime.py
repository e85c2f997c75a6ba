"""The websocket plug-in registry: channels join topics at connect, receive their frames, and
subscriptions follow access changes on open sockets."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async as db
from django.db import transaction

from hearthside.conftest import make_user
from hearthside.core import events, realtime
from hearthside.core.frames import INT, STR, declare
from hearthside.testing.sockets import next_frame, open_socket, socket_for

# The test channel's frames, declared like every channel's (core/frames.py).
declare("echotest.echo", {"body": STR})
declare("echotest.msg", {"n": INT})

ALLOWED: dict[int, set[str]] = {}


class EchoChannel(realtime.Channel):
    prefix = "echotest"

    def topics_for(self, user):
        return sorted(ALLOWED.get(user.pk, set()))

    async def receive(self, consumer, content):
        await consumer.send_json({"type": "echotest.echo", "body": content.get("body")})


@pytest.fixture
def echo_channel():
    channel = realtime.register(EchoChannel())
    yield channel
    realtime.CHANNELS.pop("echotest", None)
    ALLOWED.clear()


def _publish(topic, frame):
    with transaction.atomic():
        events.publish_on_commit(topic, frame)


def _grant(user, topic):
    ALLOWED.setdefault(user.pk, set()).add(topic)
    with transaction.atomic():
        realtime.subscribe_on_commit(user.pk, topic)


def _revoke(user, topic):
    ALLOWED.get(user.pk, set()).discard(topic)
    with transaction.atomic():
        realtime.unsubscribe_on_commit(user.pk, topic)


@pytest.mark.django_db(transaction=True)
def test_plugin_topics_frames_and_live_subscription_changes(echo_channel):
    alice, bob = make_user("alice"), make_user("bob")
    ALLOWED[alice.pk] = {"echotest.1"}
    a, b = socket_for(alice), socket_for(bob)

    async def scenario():
        await open_socket(a)
        await open_socket(b)
        await a.send_json_to({"type": "echotest.say", "body": "hi"})
        echo = await next_frame(a, "echotest.echo")
        await db(_publish)("echotest.1", {"type": "echotest.msg", "n": 1})
        first = await next_frame(a, "echotest.msg")
        bob_before = await b.receive_nothing(timeout=0.3)
        # Bob is refused a topic he was never granted, even if a control frame names it.
        await db(lambda: realtime.subscribe_on_commit(bob.pk, "echotest.1"))()
        await db(_publish)("echotest.1", {"type": "echotest.msg", "n": 2})
        await next_frame(a, "echotest.msg")
        bob_refused = await b.receive_nothing(timeout=0.3)
        # Granted on an open socket: he receives from then on; revoked: he stops at once.
        await db(_grant)(bob, "echotest.1")
        live = await next_frame(b, "subscription.started")
        await db(_publish)("echotest.1", {"type": "echotest.msg", "n": 3})
        bob_got = await next_frame(b, "echotest.msg")
        await db(_revoke)(bob, "echotest.1")
        await db(_publish)("echotest.1", {"type": "echotest.msg", "n": 4})
        await next_frame(a, "echotest.msg")
        bob_after = await b.receive_nothing(timeout=0.3)
        for s in (a, b):
            await s.disconnect()
        return echo, first, bob_before, bob_refused, bob_got, bob_after, live

    echo, first, bob_before, bob_refused, bob_got, bob_after, live = async_to_sync(scenario)()
    assert live["topic"] == "echotest.1"
    assert echo["body"] == "hi"
    assert first["n"] == 1
    assert bob_before and bob_refused and bob_after
    assert bob_got["n"] == 3


def test_prefix_must_be_one_word():
    class Bad(realtime.Channel):
        prefix = "a.b"

    with pytest.raises(ValueError):
        realtime.register(Bad())


def _close_sockets(user):
    from hearthside.accounts.actions import close_sockets

    with transaction.atomic():
        close_sockets(user)


@pytest.mark.django_db(transaction=True)
def test_session_end_closes_the_persons_open_sockets_and_only_theirs():
    alice, bob = make_user("alice"), make_user("bob")
    a, b = socket_for(alice), socket_for(bob)

    async def scenario():
        await open_socket(a)
        await open_socket(b)
        await db(_close_sockets)(alice)
        closed = None
        for _ in range(5):  # skip a "resync" hint the Redis subscription may send first
            output = await a.receive_output(timeout=5)
            if output["type"] == "websocket.close":
                closed = output
                break
        await b.send_json_to({"type": "ping"})
        pong = await next_frame(b, "pong")
        await b.disconnect()
        return closed, pong

    closed, pong = async_to_sync(scenario)()
    assert closed == {"type": "websocket.close", "code": 4401}
    assert pong["type"] == "pong"


@pytest.mark.django_db(transaction=True)
def test_a_client_that_leaves_during_the_handshake_leaves_nothing_behind():
    """The server refuses to write "hello" to a client that has already gone (uvicorn raises): the
    socket must not stay in the fan-out hub, the group's presence or the open-socket count, since
    Channels sends no disconnect to a consumer whose connect failed."""
    from django.conf import settings

    from hearthside.asgi import application
    from hearthside.community.models import Group, Membership
    from hearthside.community.presence import presence
    from hearthside.conftest import login_client
    from hearthside.core import metrics
    from hearthside.core.fanout import hub

    user = make_user("leaver")
    group = Group.objects.create(slug="leavers", name="Leavers")
    Membership.objects.create(group=group, user=user)
    key = login_client(user).cookies[settings.SESSION_COOKIE_NAME].value
    open_before = _open_sockets(metrics)
    sent = []

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        sent.append(message["type"])
        if message["type"] == "websocket.send":
            raise RuntimeError("Expected ASGI message 'websocket.close', but got 'websocket.send'")

    scope = {"type": "websocket", "path": "/ws/events/", "raw_path": b"/ws/events/", "query_string": b"",
             "headers": [(b"host", b"127.0.0.1"), (b"origin", b"http://127.0.0.1"),
                         (b"cookie", f"{settings.SESSION_COOKIE_NAME}={key}".encode())],
             "scheme": "ws", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80), "subprotocols": []}
    async_to_sync(application)(scope, receive, send)

    assert sent == ["websocket.accept", "websocket.send"]  # it got as far as "hello"
    assert not any(getattr(s, "scope", {}).get("user") == user for s in hub.joined)
    assert not hub.topics.get(events.user_group(user.pk))
    assert user.pk not in presence.sockets.get(group.pk, {})
    assert _open_sockets(metrics) == open_before


def _open_sockets(metrics) -> float:
    return metrics.SOCKETS_OPEN.collect()[0].samples[0].value


@pytest.mark.django_db(transaction=True)
def test_an_idle_socket_reads_in_its_own_task_and_keeps_only_its_sessions_key():
    """10,000 idle sockets per process (issue #20): the socket's frames are read in the socket's own
    task (Channels' loop made a second task per ``receive`` and an ``asyncio.wait`` around it), and
    the session's decoded data is not held for the socket's life; the re-check still reads the
    session afresh and finds it valid."""
    import asyncio

    from django.conf import settings

    from hearthside.asgi import application
    from hearthside.conftest import login_client
    from hearthside.core.consumers import _credentials_valid
    from hearthside.core.fanout import hub

    user = make_user("idler")
    key = login_client(user).cookies[settings.SESSION_COOKIE_NAME].value
    scope = {"type": "websocket", "path": "/ws/events/", "raw_path": b"/ws/events/", "query_string": b"",
             "headers": [(b"host", b"127.0.0.1"), (b"origin", b"http://127.0.0.1"),
                         (b"cookie", f"{settings.SESSION_COOKIE_NAME}={key}".encode())],
             "scheme": "ws", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80), "subprotocols": []}

    async def scenario():
        readers, sent = [], []
        inbox: asyncio.Queue = asyncio.Queue()
        await inbox.put({"type": "websocket.connect"})
        hello = asyncio.Event()

        async def receive():
            readers.append(asyncio.current_task())
            return await inbox.get()

        async def send(message):
            sent.append(message)
            if message["type"] == "websocket.send" and '"hello"' in message.get("text", ""):
                hello.set()

        app = asyncio.ensure_future(application(scope, receive, send))
        await asyncio.wait_for(hello.wait(), 10)
        await inbox.put({"type": "websocket.receive", "text": '{"type": "ping"}'})
        for _ in range(100):
            if any('"pong"' in m.get("text", "") for m in sent):
                break
            await asyncio.sleep(0.02)
        consumer = next(s for s in hub.joined if s.scope.get("user") == user)
        session = consumer.scope["session"]
        held = "_session_cache" in session.__dict__
        still_valid = await _credentials_valid(consumer.scope["user"], session, None)
        await inbox.put({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(app, 10)
        return readers, app, held, session.session_key, still_valid, sent

    readers, app, held, session_key, still_valid, sent = async_to_sync(scenario)()
    assert any('"pong"' in m.get("text", "") for m in sent)
    assert len(readers) >= 3 and all(task is app for task in readers), "a receive ran outside the socket's task"
    assert not held, "the socket holds its session's decoded data"
    assert session_key == key and still_valid
