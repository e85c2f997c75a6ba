"""Two ASGI worker processes share PostgreSQL and Redis. Members are connected to both; one member
sends a burst; the worker holding the sender's socket is killed with SIGKILL halfway. The clients
on it reconnect to the survivor, resend what was not acknowledged (same client ids) and resume
from the last sequence number they saw. In the end every member has every message exactly once
(a copy that arrives both live and by catch-up is recognised by its sequence number and dropped,
as clients do) and the database holds each message once, numbered 1..N without gaps.

Runs only with REDIS_URL and a PostgreSQL DATABASE_URL (several processes cannot share SQLite or
an in-memory fan-out).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from hearthside.community.models import ChatMessage
from hearthside.core.asgi_server import uvicorn_command
from hearthside.testing.processes import chat_group_for_workers, free_port

ROOT = Path(__file__).resolve().parents[3]
BURST = 40

pytestmark = [
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL: workers share frames through Redis"),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="needs a PostgreSQL DATABASE_URL: several processes share the database"),
]


def _start_worker(port: int, database_url: str) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=database_url)
    proc = subprocess.Popen(uvicorn_command("127.0.0.1", port, "--log-level", "warning"), cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        if proc.poll() is not None:
            raise RuntimeError("a worker did not start")
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("a worker did not start in time")


class Member:
    """A client as docs/realtime.md describes it: client ids, resend, resume from the last seq."""

    def __init__(self, token: str, ports: list[int], slug: str):
        self.token, self.ports, self.slug = token, ports, slug
        self.seen: list[int] = []
        self.bodies: dict[int, str] = {}
        self.last = 0
        self.duplicates = 0
        self.pending: dict[str, dict] = {}
        self.ws = None
        self.reconnects = 0

    async def connect(self):
        from websockets.asyncio.client import connect

        last_error = None
        for _attempt in range(120):  # a loaded machine can take a while to settle after the kill
            for port in list(self.ports):
                try:
                    self.ws = await connect(f"ws://127.0.0.1:{port}/ws/events/", open_timeout=10,
                                            additional_headers={"Authorization": f"Bearer {self.token}"})
                    await self.ws.recv()  # hello
                    await self.ws.send(json.dumps({"type": "chat.sync", "group": self.slug, "after": self.last}))
                    for frame in list(self.pending.values()):
                        await self.ws.send(json.dumps(frame))
                    return
                except Exception as exc:  # refused, or cut mid-handshake by the dying worker
                    last_error = exc
            await asyncio.sleep(0.25)
        raise RuntimeError(f"no worker to reconnect to: {last_error}")

    def _accept(self, frame):
        seq = frame["seq"]
        if seq in self.bodies:
            self.duplicates += 1  # the client drops it, and we count it to prove resume is exact
            return
        self.bodies[seq] = frame.get("body", "")
        self.seen.append(seq)
        # Like the page's chat client: "last" is the last of an unbroken run, so a resume asks for
        # every message after a gap (one published while this member was reconnecting).
        while self.last + 1 in self.bodies:
            self.last += 1

    def has_gap(self) -> bool:
        return bool(self.bodies) and max(self.bodies) > self.last

    async def run(self, until_count: int, deadline: float):
        from websockets.exceptions import ConnectionClosed

        while len(self.bodies) < until_count and time.monotonic() < deadline:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), timeout=max(0.1, deadline - time.monotonic()))
            except (ConnectionClosed, OSError, EOFError):
                self.reconnects += 1
                await self.connect()
                continue
            except TimeoutError:
                break
            frame = json.loads(raw)
            if frame.get("type") == "chat.message":
                self._accept(frame)
                if self.has_gap():
                    await self.ws.send(json.dumps({"type": "chat.sync", "group": self.slug, "after": self.last}))
            elif frame.get("type") == "chat.history":
                for message in frame["messages"]:
                    self._accept(message)
                if frame["messages"] and self.last < frame["upto"]:
                    await self.ws.send(json.dumps({"type": "chat.sync", "group": self.slug, "after": self.last}))
            elif frame.get("type") == "chat.ack":
                self.pending.pop(frame["client_id"], None)
            elif frame.get("type") == "resync":
                await self.ws.send(json.dumps({"type": "chat.sync", "group": self.slug, "after": self.last}))


@pytest.mark.django_db(transaction=True)
def test_killing_a_worker_mid_burst_loses_and_duplicates_nothing():
    group, people, tokens, database_url = chat_group_for_workers("failover", "fo", 4)
    doomed_port, survivor_port = free_port(), free_port()
    doomed = _start_worker(doomed_port, database_url)
    survivor = _start_worker(survivor_port, database_url)
    try:
        # The sender and one reader start on the doomed worker, two readers on the survivor.
        members = [Member(tokens[0], [doomed_port, survivor_port], group.slug),
                   Member(tokens[1], [doomed_port, survivor_port], group.slug),
                   Member(tokens[2], [survivor_port], group.slug),
                   Member(tokens[3], [survivor_port], group.slug)]

        async def scenario():
            for member in members:
                await member.connect()
            await asyncio.sleep(1.0)  # both workers' Redis subscriptions are up
            sender = members[0]
            deadline = time.monotonic() + 90
            readers = [asyncio.create_task(m.run(BURST, deadline)) for m in members]
            for i in range(BURST):
                frame = {"type": "chat.send", "group": group.slug, "client_id": f"burst-{i}", "body": f"message {i}"}
                sender.pending[frame["client_id"]] = frame
                try:
                    await sender.ws.send(json.dumps(frame))
                except Exception:
                    pass  # resent after reconnecting
                if i == BURST // 2:
                    doomed.send_signal(signal.SIGKILL)
                await asyncio.sleep(0.02)
            await asyncio.gather(*readers)
            for member in members:
                await member.ws.close()

        asyncio.run(scenario())
    finally:
        for proc in (doomed, survivor):
            if proc.poll() is None:
                proc.kill()
            proc.wait()

    assert doomed.returncode == -signal.SIGKILL
    assert members[0].reconnects >= 1 and members[1].reconnects >= 1
    stored = list(ChatMessage.objects.filter(group=group).order_by("seq"))
    assert sorted(m.client_id for m in stored) == sorted(f"burst-{i}" for i in range(BURST))  # once each
    assert [m.seq for m in stored] == list(range(1, BURST + 1))
    for member in members:
        assert sorted(member.bodies) == list(range(1, BURST + 1)), "a member missed messages"
        assert sorted(member.bodies.values()) == sorted(f"message {i}" for i in range(BURST))
