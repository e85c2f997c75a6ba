"""``kill -9`` of one of two ASGI processes in the middle of a group conversation (issue #16;
docs/deploy.md, "Fault tests"; docs/realtime.md, "Ordering, exactly-once display and resume").

Two real ASGI processes (uvicorn) share one database (the test database: PostgreSQL, or the same
SQLite file) and a throw-away ``redis-server`` this test starts on a free port. Member A is on
process 1; members B, C and D and a moderator's safety dashboard are on process 2. While C is
sending, process 1 is killed with SIGKILL (A had just sent a message of its own, maybe not yet
stored). Then:

- B's socket stays open and receives every one of C's messages live, in order, no duplicates;
- a crisis message D sends while process 1 is dead is held, D is shown help, and the alert is
  stored and reaches the moderator's dashboard live;
- A's socket is closed; A reconnects to the surviving process, catches up with ``chat.sync`` and
  resends its unacknowledged message with the same client id: A ends up showing every message
  exactly once, in order, its own message stored once.

Needs ``redis-server`` on PATH (the test starts its own, throw-away one); skips otherwise.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from hearthside.community.models import ChatMessage, Group, Membership
from hearthside.conftest import login_client, make_user, token_for
from hearthside.core.asgi_server import uvicorn_command
from hearthside.safety.models import SafetyAlert
from hearthside.testing.processes import (
    child_env,
    database_env_for_subprocess,
    free_port,
    kill_process,
    start_redis,
    wait_for_port,
)

ROOT = Path(__file__).resolve().parents[3]
CRISIS = "I have the pills saved up and I'm going to kill myself tonight."
SLUG = "kill9"

pytestmark = [
    pytest.mark.skipif(shutil.which("redis-server") is None,
                       reason="needs redis-server on PATH (this test starts its own, throw-away one)"),
    pytest.mark.timeout(240),
]


class Socket:
    """One person's /ws/events/ connection with a reader task that keeps every frame."""

    def __init__(self, name: str, *, token: str | None = None, cookie: str | None = None):
        self.name, self.token, self.cookie = name, token, cookie
        self.frames: list[dict] = []
        self.ws = None
        self.reader: asyncio.Task | None = None
        self.closed = asyncio.Event()
        self.arrived = asyncio.Event()

    async def connect(self, port: int) -> None:
        from websockets.asyncio.client import connect

        if self.token:
            extra = {"additional_headers": {"Authorization": f"Bearer {self.token}"}}
        else:  # a browser: its session cookie and this site's Origin
            extra = {"additional_headers": {"Cookie": self.cookie}, "origin": f"http://127.0.0.1:{port}"}
        self.frames = []
        self.closed = asyncio.Event()
        self.ws = await connect(f"ws://127.0.0.1:{port}/ws/events/", open_timeout=20, ping_interval=None, **extra)
        self.reader = asyncio.create_task(self._read())
        await self.wait_for(lambda f: f["type"] == "hello")

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                self.frames.append(json.loads(raw))
                self.arrived.set()
        except Exception:  # noqa: BLE001 - a connection that died (kill -9) ends the same way
            pass
        finally:
            self.closed.set()
            self.arrived.set()

    async def wait_for(self, match, timeout: float = 20, *, start: int = 0) -> dict:
        """The first frame of this connection (from index ``start``) that ``match`` accepts,
        waiting for it if needed."""
        deadline = time.monotonic() + timeout
        while True:
            for frame in self.frames[start:]:
                if match(frame):
                    return frame
            left = deadline - time.monotonic()
            if left <= 0 or self.closed.is_set():
                raise AssertionError(f"{self.name}: no matching frame in {timeout} s (closed: "
                                     f"{self.closed.is_set()}); last frames {self.frames[-8:]}")
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), left)
            except TimeoutError:
                pass

    async def send(self, frame: dict) -> None:
        await self.ws.send(json.dumps(frame))

    async def chat(self, client_id: str, body: str) -> dict:
        await self.send({"type": "chat.send", "group": SLUG, "client_id": client_id, "body": body})
        return await self.wait_for(lambda f: f["type"] in ("chat.ack", "error") and f.get("client_id") == client_id)

    async def still_open(self) -> None:
        assert not self.closed.is_set(), f"{self.name}'s socket was closed"
        marker = len(self.frames)
        await self.send({"type": "ping"})
        await self.wait_for(lambda f: f["type"] == "pong", 10, start=marker)

    def live(self) -> list[dict]:
        return [f for f in self.frames if f["type"] == "chat.message" and f.get("group") == SLUG]

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.wait_for(self.reader, 10)


def _contiguous(seqs: list[int], last: int = 0) -> int:
    """The client's lastSeq: the highest number shown with nothing missing before it."""
    for seq in sorted(set(seqs)):
        if seq == last + 1:
            last = seq
        elif seq > last + 1:
            break
    return last


def _strictly_increasing(seqs: list[int]) -> bool:
    return all(b > a for a, b in zip(seqs, seqs[1:], strict=False))


@pytest.mark.django_db(transaction=True)
def test_killing_one_asgi_process_loses_no_message_and_no_alert():
    group = Group.objects.create(slug=SLUG, name="Kill nine", chat_rate_per_minute=10_000)
    a, b, c, d = (make_user(name) for name in ("kill_a", "kill_b", "kill_c", "kill_d"))
    for person in (a, b, c, d):
        Membership.objects.create(group=group, user=person)
    moderator = make_user("kill_mod", "moderator")
    staff_cookie = f"{settings.SESSION_COOKIE_NAME}=" + login_client(moderator, two_factor=True).cookies[
        settings.SESSION_COOKIE_NAME].value
    sockets = {"a": Socket("A", token=token_for(a)), "b": Socket("B", token=token_for(b)),
               "c": Socket("C", token=token_for(c)), "d": Socket("D", token=token_for(d)),
               "staff": Socket("staff", cookie=staff_cookie)}
    env_changes = database_env_for_subprocess(settings.DATABASES["default"])
    connection.close()  # the children use the database now; nothing held open here meanwhile

    redis_port, port_1, port_2 = free_port(), free_port(), free_port()
    env = child_env({**env_changes, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0"})
    redis = first = second = None
    try:
        redis = start_redis(redis_port)
        first = subprocess.Popen(uvicorn_command("127.0.0.1", port_1), cwd=ROOT, env=env)
        second = subprocess.Popen(uvicorn_command("127.0.0.1", port_2), cwd=ROOT, env=env)
        wait_for_port(port_1, first, "ASGI process 1")
        wait_for_port(port_2, second, "ASGI process 2")
        outcome = asyncio.run(asyncio.wait_for(_conversation(sockets, first, port_1, port_2), 150))
        assert second.poll() is None, "the surviving ASGI process exited"
    finally:
        kill_process(first)
        kill_process(second)
        kill_process(redis)

    stored = {m.seq: m for m in ChatMessage.objects.filter(group=group, seq__isnull=False)}
    group.refresh_from_db()
    assert sorted(stored) == list(range(1, group.last_seq + 1))
    everything = list(range(1, group.last_seq + 1))

    # On PostgreSQL each group's messages are published in seq order across processes (an advisory
    # lock, docs/realtime.md); two processes on one SQLite file may cross, and clients reorder.
    in_seq_order = connection.vendor == "postgresql"

    # B: every message of C arrived live, in order, once; nothing else is missing but A's message
    # that was in flight when its process died (its process may have died before publishing it).
    b_live = outcome["b_live"]
    assert len(set(b_live)) == len(b_live), f"B got a message twice: {b_live}"
    assert [seq for seq in b_live if seq in outcome["c_acked"]] == outcome["c_acked"], (outcome["c_acked"], b_live)
    assert set(everything) - set(b_live) <= {outcome["inflight_seq"]}, (everything, b_live)
    assert not in_seq_order or _strictly_increasing(b_live), b_live
    assert CRISIS not in outcome["b_bodies"]

    # A: what it showed before the kill, then catch-up, then live on the surviving process.
    a_before = outcome["a_before"]
    assert len(set(a_before)) == len(a_before) and outcome["a_last_before"] >= 6, a_before
    assert not in_seq_order or a_before == list(range(1, len(a_before) + 1)), a_before
    assert outcome["a_shown"] == everything, outcome["a_shown"]
    assert outcome["a_bodies"] == {seq: m.body for seq, m in stored.items()}
    history = outcome["history"]
    assert history == list(range(outcome["a_last_before"] + 1, outcome["history_upto"] + 1)), history
    assert len(outcome["c_acked"]) >= 6 and set(outcome["c_acked"]) - set(outcome["a_before"]), \
        "the kill did not fall in the middle of the conversation"
    inflight = ChatMessage.objects.filter(group=group, author=a, client_id="a-inflight")
    assert inflight.count() == 1 and inflight.get().seq == outcome["inflight_seq"]

    # The crisis message: held (never published), its alert stored and shown live to staff.
    alert = SafetyAlert.objects.get(person=d)
    assert alert.source == "community.chat" and alert.level in ("high", "imminent")
    assert outcome["alert_seen_by_staff"] == alert.pk
    held = ChatMessage.objects.get(group=group, author=d, client_id="d-crisis")
    assert held.seq is None and held.status == ChatMessage.Status.HELD


async def _conversation(s: dict[str, Socket], first: subprocess.Popen, port_1: int, port_2: int) -> dict:
    a, b, c, d, staff = s["a"], s["b"], s["c"], s["d"], s["staff"]
    try:
        # The first socket on each process starts its Redis subscription; "resync" says it is live.
        await a.connect(port_1)
        await b.connect(port_2)
        for first_socket in (a, b):
            await first_socket.wait_for(lambda f: f["type"] == "resync")
        for other in (c, d, staff):
            await other.connect(port_2)
        # Both ways across the processes before the fault.
        for sender, client_id in ((c, "warm-c"), (a, "warm-a")):
            ack = await sender.chat(client_id, f"hello from {sender.name}")
            assert ack["type"] == "chat.ack" and ack["status"] == "published", ack
            for reader in (a, b, c):
                await reader.wait_for(lambda f, seq=ack["seq"]: f["type"] == "chat.message" and f["seq"] == seq)

        # C talks steadily; process 1 dies under A in the middle of it.
        c_acked: list[int] = []

        async def c_talks(count: int):
            for i in range(count):
                ack = await c.chat(f"c-{i}", f"C says {i}")
                assert ack["type"] == "chat.ack" and ack["status"] == "published", ack
                c_acked.append(ack["seq"])
                await asyncio.sleep(0.1)

        talking = asyncio.create_task(c_talks(14))
        await a.wait_for(lambda f: f["type"] == "chat.message" and f.get("body") == "C says 3", 20)
        await a.send({"type": "chat.send", "group": SLUG, "client_id": "a-inflight", "body": "A was saying"})
        first.kill()  # SIGKILL: no shutdown, no close frames
        first.wait(timeout=10)
        await asyncio.wait_for(a.closed.wait(), 10)  # A's client sees its connection die
        a_before = [f["seq"] for f in a.live()]
        await asyncio.wait_for(talking, 60)

        # While process 1 is dead: a crisis message on process 2 is held and raises its alert.
        ack = await d.chat("d-crisis", CRISIS)
        assert ack["type"] == "chat.ack" and ack["status"] == "held" and ack.get("help") is True, ack
        await d.wait_for(lambda f: f["type"] == "safety.help")
        raised = await staff.wait_for(lambda f: f["type"] == "alert.new", 20)
        await b.still_open()

        # A comes back on the surviving process: catch up from its last seq, resend what was unacked.
        a_last_before = _contiguous(a_before)
        a_bodies = {f["seq"]: f["body"] for f in a.live()}
        await a.connect(port_2)
        await a.send({"type": "chat.sync", "group": SLUG, "after": a_last_before})
        sync = await a.wait_for(lambda f: f["type"] == "chat.history" and f.get("mode") == "sync")
        resent = await a.chat("a-inflight", "A was saying")
        assert resent["type"] == "chat.ack" and resent["status"] == "published", resent
        final = await c.chat("c-final", "C again")
        for reader in (a, b):
            await reader.wait_for(lambda f: f["type"] == "chat.message" and f["seq"] == final["seq"])
        await b.still_open()
        await a.still_open()

        # What A's page shows, by the documented rules: drop seq <= lastSeq, fill gaps by chat.sync.
        shown, last = [], a_last_before
        shown += list(range(1, a_last_before + 1))
        arriving = [(m["seq"], m["body"]) for m in sync["messages"]] + [(f["seq"], f["body"]) for f in a.live()]
        for seq, body in sorted(arriving, key=lambda item: item[0]):
            if seq <= last:
                continue
            assert seq == last + 1, f"A has a gap after {last}: {seq}"
            shown.append(seq)
            a_bodies[seq] = body
            last = seq
        return {
            "b_live": [f["seq"] for f in b.live()], "b_bodies": [f.get("body") for f in b.live()],
            "c_acked": c_acked, "a_before": a_before, "a_last_before": a_last_before, "a_shown": shown,
            "a_bodies": a_bodies, "history": [m["seq"] for m in sync["messages"]], "history_upto": sync["upto"],
            "inflight_seq": resent["seq"], "alert_seen_by_staff": raised["alert"]["id"],
        }
    finally:
        for sock in s.values():
            try:
                await sock.close()
            except Exception:  # noqa: BLE001 - a socket of the killed process is gone already
                pass
