from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async as db
from channels.testing import WebsocketCommunicator

from hearthside.community import actions
from hearthside.community.models import ChatMessage, Group, Membership
from hearthside.conftest import login_client, make_user
from hearthside.safety.actions import alerts_from
from hearthside.testing.races import run_at_once
from hearthside.testing.sockets import close_sockets, collect_frames, open_sockets, send_chat, sockets_for
from hearthside.testing.sockets import next_frame as _next
from hearthside.testing.sockets import open_socket as _open
from hearthside.testing.sockets import socket_for as _socket

CRISIS = "I have the pills saved up and I'm going to kill myself tonight."


@pytest.fixture
def group(db):
    return Group.objects.create(slug="grief", name="Grief support", description="For loss.")


def _member(name, group):
    user = make_user(name)
    Membership.objects.create(group=group, user=user)
    return user


def _alice_at_rate(group, per_minute: int):
    """Alice, a member of ``group``, which now takes ``per_minute`` chat messages a minute from each."""
    alice = _member("alice", group)
    group.chat_rate_per_minute = per_minute
    group.save()
    return alice


def _alice_and_bob(group):
    """Two members of ``group`` and a socket for each (not yet open): alice, bob, a, b."""
    alice, bob = _member("alice", group), _member("bob", group)
    return (alice, bob, *sockets_for(alice, bob))


@pytest.mark.django_db(transaction=True)
def test_members_receive_in_order_and_outsiders_never_do(group):
    alice, bob = _member("alice", group), _member("bob", group)
    outsider = make_user("outsider")
    other_group = Group.objects.create(slug="anxiety", name="Anxiety")
    Membership.objects.create(group=other_group, user=outsider)

    a, b, o = sockets_for(alice, bob, outsider)

    async def scenario():
        await open_sockets(a, b, o)
        for i in range(5):
            await send_chat(a, group, f"m{i}", f"hello {i}")
            ack = await _next(a, "chat.ack")
            assert ack["seq"] == i + 1 and ack["duplicate"] is False
        got = [await _next(b, "chat.message") for _ in range(5)]
        # An outsider asking for the group's history or sending to it gets nothing of it.
        await o.send_json_to({"type": "chat.sync", "group": "grief", "after": 0})
        refused = await _next(o, "error")
        await send_chat(o, group, "x", "hi")
        refused2 = await _next(o, "error")
        assert await o.receive_nothing(timeout=0.3)
        await close_sockets(a, b, o)
        return got, refused, refused2

    got, refused, refused2 = async_to_sync(scenario)()
    assert [f["seq"] for f in got] == [1, 2, 3, 4, 5]
    assert [f["body"] for f in got] == [f"hello {i}" for i in range(5)]
    assert got[0]["author"] == alice.pseudonym
    assert refused["code"] == refused2["code"] == "not_member"
    assert ChatMessage.objects.filter(group=group).count() == 5


@pytest.mark.django_db(transaction=True)
def test_a_resend_with_the_same_client_id_never_duplicates(group):
    alice = _member("alice", group)

    a = _socket(alice)

    async def scenario():
        await _open(a)
        acks = []
        for _ in range(3):
            await send_chat(a, group, "same-id", "once")
            acks.append(await _next(a, "chat.ack"))
        await a.disconnect()
        return acks

    acks = async_to_sync(scenario)()
    assert [a["duplicate"] for a in acks] == [False, True, True]
    assert len({a["seq"] for a in acks}) == 1
    assert ChatMessage.objects.filter(client_id="same-id").count() == 1


@pytest.mark.django_db(transaction=True)
def test_catch_up_after_reconnect_returns_everything_missed(group):
    alice, bob = _member("alice", group), _member("bob", group)
    for i in range(3):
        actions.check_send_chat(alice, group, f"before{i}", f"early {i}")

    b = _socket(bob)

    async def scenario():
        await _open(b)
        await b.send_json_to({"type": "chat.sync", "group": "grief", "after": 1})
        history = await _next(b, "chat.history")
        await b.disconnect()
        return history

    # Messages sent while bob was away (no socket at all) are in the database.
    history = async_to_sync(scenario)()
    assert [m["seq"] for m in history["messages"]] == [2, 3]
    api_history = login_client(bob).get("/api/v1/community/groups/grief/chat", {"after": 0}).json()
    assert [m["seq"] for m in api_history] == [1, 2, 3]
    page_back = login_client(bob).get("/api/v1/community/groups/grief/chat", {"before": 3, "limit": 1}).json()
    assert [m["seq"] for m in page_back] == [2]


@pytest.mark.django_db(transaction=True)
def test_a_crisis_message_is_held_shown_help_and_never_reaches_others(group):
    alice, bob, a, b = _alice_and_bob(group)

    async def scenario():
        await open_sockets(a, b)
        await send_chat(a, group, "c1", CRISIS)
        frames = await collect_frames(a, {"chat.ack", "safety.help"})
        ack, help_event = frames["chat.ack"], frames["safety.help"]
        nothing = await b.receive_nothing(timeout=0.5)
        await close_sockets(a, b)
        return ack, help_event, nothing

    ack, help_event, nothing = async_to_sync(scenario)()
    assert ack["status"] == "held" and ack["seq"] is None and ack["help"] is True
    assert help_event["held"] is True
    assert nothing, "bob received something"
    assert alerts_from(alice, "community.chat")
    assert login_client(bob).get("/api/v1/community/groups/grief/chat").json() == []
    assert CRISIS not in login_client(bob).get("/groups/grief/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_removed_member_stops_receiving_at_once_on_an_open_socket(group):
    alice, bob, a, b = _alice_and_bob(group)

    async def scenario():
        await open_sockets(a, b)
        await db(actions.do_leave)(bob, group, status=Membership.Status.REMOVED, by=alice)
        ended = await _next(b, "membership.ended")
        await send_chat(a, group, "after", "still here?")
        await _next(a, "chat.ack")
        nothing = await b.receive_nothing(timeout=0.5)
        await close_sockets(a, b)
        return ended, nothing

    ended, nothing = async_to_sync(scenario)()
    assert ended["group"] == "grief"
    assert nothing, "a removed member still received the group's messages"
    assert login_client(bob).get("/api/v1/community/groups/grief/chat").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_unauthenticated_handshake_is_refused():
    from hearthside.asgi import application

    async def attempt():
        sock = WebsocketCommunicator(application, "/ws/events/", headers=[(b"origin", b"http://127.0.0.1")])
        connected, _ = await sock.connect()
        return connected

    assert async_to_sync(attempt)() is False


@pytest.mark.django_db
def test_rate_limit_answers_with_a_clear_message(group, api_as):
    alice = _alice_at_rate(group, 3)
    api = api_as(alice)
    for i in range(3):
        assert api.post("/api/v1/community/groups/grief/chat", {"client_id": f"r{i}", "body": "hi"}).status_code == 201
    limited = api.post("/api/v1/community/groups/grief/chat", {"client_id": "r9", "body": "hi"})
    assert limited.status_code == 429 and "quickly" in limited.json()["detail"]
    assert api.post("/api/v1/community/groups/grief/chat", {"client_id": "r0", "body": "hi"}).status_code == 200


@pytest.mark.django_db
def test_anonymous_chat_never_shows_the_author(group, api_as):
    alice, bob = _member("alice", group), _member("bob", group)
    api_as(alice).post("/api/v1/community/groups/grief/chat", {"client_id": "a1", "body": "quietly", "anonymous": True})
    for response in (api_as(bob).get("/api/v1/community/groups/grief/chat"), login_client(bob).get("/groups/grief/")):
        text = response.content.decode()
        assert "quietly" in text and "anonymous member" in text and alice.pseudonym not in text


@pytest.mark.django_db
def test_chat_endpoints_are_404_for_non_members(group, api_as):
    outsider = make_user("outsider")
    api = api_as(outsider)
    assert api.get("/api/v1/community/groups/grief/chat").status_code == 404
    assert api.post("/api/v1/community/groups/grief/chat", {"client_id": "x", "body": "hi"}).status_code == 404
    assert api.get("/api/v1/community/groups/grief/members").status_code == 404
    assert api.get("/api/v1/community/groups/nope/chat").status_code == 404


@pytest.mark.django_db
def test_chat_history_query_count_does_not_grow(group, django_assert_max_num_queries):
    alice = _alice_at_rate(group, 1000)
    client = login_client(alice)
    for n in (5, 60):
        while ChatMessage.objects.count() < n:
            actions.check_send_chat(alice, group, f"q{ChatMessage.objects.count()}", "hello")
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/community/groups/grief/chat?limit=50").status_code == 200
        if n == 5:
            small = len(ctx.captured_queries)
    assert len(ctx.captured_queries) == small


@pytest.mark.django_db(transaction=True)
def test_two_workers_publish_one_groups_messages_in_sequence_order(group, monkeypatch):
    """Sequence numbers follow commit order; the publish must follow it too, or members on other
    workers receive 11 before 10. Two threads (two database sessions, like two workers) send at
    once; every publish happens while the group's advisory lock is held, in sequence order."""
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite has one writer and one process")
    from hearthside.core.fanout import hub

    published, held_during_publish = [], []
    lock = threading.Lock()

    def record(topic, frame):
        import json

        with connection.cursor() as cursor:  # the publishing thread's own session
            cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                           "AND pid = pg_backend_pid()")
            held = cursor.fetchone()[0]
        with lock:
            published.append(json.loads(frame)["seq"])
            held_during_publish.append(held)

    monkeypatch.setattr(hub, "publish", record)
    senders = [make_user("t1"), make_user("t2")]
    for user in senders:
        Membership.objects.create(group=group, user=user)
    barrier = threading.Barrier(2)

    def send_many(user):
        try:
            barrier.wait()
            for i in range(15):
                actions.check_send_chat(user, group, f"{user.username}-{i}", f"message {i}")
        finally:
            connection.close()

    run_at_once(send_many, senders)
    assert len(published) == 30
    assert published == sorted(published) == list(range(1, 31))
    assert all(held >= 1 for held in held_during_publish)
