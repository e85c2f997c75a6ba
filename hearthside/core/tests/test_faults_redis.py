"""A Redis outage keeps every websocket open (docs/realtime.md, "Degraded modes").

Two ASGI worker processes share PostgreSQL and a throw-away Redis that this test starts on a free
port (never the machine's shared one). Members are connected to both. The Redis server is killed:
every socket stays open, a message sent meanwhile is acknowledged and delivered to the sockets on
the sender's own process. Redis is restarted on the same port: each process resubscribes, its
sockets get ``resync`` (and catch up with ``chat.sync``), and delivery across processes resumes.

Runs with REDIS_URL set or a ``redis-server`` on PATH, and a PostgreSQL DATABASE_URL (two processes
share the database).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from hearthside.community.models import ChatMessage
from hearthside.core.asgi_server import uvicorn_command
from hearthside.testing.processes import chat_group_for_workers, free_port

ROOT = Path(__file__).resolve().parents[3]
REDIS_SERVER = shutil.which("redis-server")

pytestmark = [
    pytest.mark.skipif(not (os.environ.get("REDIS_URL") or REDIS_SERVER) or not REDIS_SERVER,
                       reason="needs redis-server (this test starts its own, throw-away one)"),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="needs a PostgreSQL DATABASE_URL: two processes share the database"),
    pytest.mark.timeout(240),
]


def _wait_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if proc.poll() is not None:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start in time")


def _start_redis(port: int) -> subprocess.Popen:
    proc = subprocess.Popen([REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_port(port, proc, "redis-server", 20)
    return proc


def _start_worker(port: int, database_url: str, redis_url: str) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=database_url, REDIS_URL=redis_url)
    proc = subprocess.Popen(uvicorn_command("127.0.0.1", port, "--log-level", "error"), cwd=ROOT, env=env)
    _wait_port(port, proc, "an ASGI worker")
    return proc


def _stop(proc: subprocess.Popen | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait(timeout=10)


class Client:
    def __init__(self, name: str, token: str, port: int):
        self.name, self.token, self.port = name, token, port
        self.frames: list[dict] = []
        self.ws = None

    async def connect(self):
        from websockets.asyncio.client import connect

        self.ws = await connect(f"ws://127.0.0.1:{self.port}/ws/events/", open_timeout=20, ping_interval=None,
                                additional_headers={"Authorization": f"Bearer {self.token}"})
        await self.expect(lambda f: f["type"] == "hello")

    async def expect(self, match, timeout: float = 20) -> dict:
        """The first frame (kept, or received from now on) that ``match`` accepts."""
        for i, frame in enumerate(self.frames):
            if match(frame):
                return self.frames.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{self.name}: no matching frame within {timeout} s; got {self.frames[-10:]}")
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), left))
            if match(frame):
                return frame
            self.frames.append(frame)

    async def send(self, frame: dict):
        await self.ws.send(json.dumps(frame))

    async def still_open(self):
        await self.send({"type": "ping"})
        await self.expect(lambda f: f["type"] == "pong", 10)


async def _fanout_subscribers(port: int, expected: int, timeout: float = 60) -> None:
    """Wait until ``expected`` processes are subscribed to the fan-out channel of the Redis on ``port``."""
    import redis.asyncio as aioredis

    from hearthside.core.fanout import channel_name

    client = aioredis.from_url(f"redis://127.0.0.1:{port}/0")
    try:
        deadline = time.monotonic() + timeout
        while True:
            ((_name, count),) = await client.pubsub_numsub(channel_name())
            if count >= expected:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} of {expected} processes subscribed to the fan-out channel")
            await asyncio.sleep(0.1)
    finally:
        await client.aclose()


def _message(seq):
    return lambda f: f["type"] == "chat.message" and f.get("seq") == seq


@pytest.mark.django_db(transaction=True)
def test_a_redis_outage_keeps_sockets_open_and_delivery_resumes_when_it_returns():
    group, people, tokens, database_url = chat_group_for_workers("outage", "ro", 3)
    redis_port, port_a, port_b = free_port(), free_port(), free_port()
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    redis_proc = worker_a = worker_b = None
    try:
        redis_proc = _start_redis(redis_port)
        worker_a = _start_worker(port_a, database_url, redis_url)
        worker_b = _start_worker(port_b, database_url, redis_url)
        # The sender and one reader on process A, one reader on process B.
        sender, local, remote = (Client("sender", tokens[0], port_a), Client("local", tokens[1], port_a),
                                  Client("remote", tokens[2], port_b))

        def send(i):
            return sender.send({"type": "chat.send", "group": group.slug, "client_id": f"outage-{i}",
                                "body": f"message {i}"})

        async def ack(i):
            return await sender.expect(lambda f: f["type"] == "chat.ack" and f.get("client_id") == f"outage-{i}")

        async def scenario():
            nonlocal redis_proc
            for client in (sender, local, remote):
                await client.connect()
            # Both processes subscribe when their first socket opens. A message published before a
            # process's subscription is confirmed reaches its sockets as "resync" (catch up from the
            # database), not live; so wait until Redis counts both subscribers. (A fast handshake
            # let message 1 overtake process B's subscription on a loaded CI machine.)
            await _fanout_subscribers(redis_port, 2)
            await send(1)
            assert (await ack(1))["status"] == "published"
            for client in (sender, local, remote):
                await client.expect(_message(1))
                # The resync each process sent its sockets when its subscription was confirmed came
                # before message 1: drop it, so that only the resync after the outage counts below.
                client.frames = [f for f in client.frames if f["type"] != "resync"]

            redis_proc.kill()
            redis_proc.wait(timeout=10)
            await asyncio.sleep(1.5)  # every process notices: publishes fail, subscriptions drop
            for client in (sender, local, remote):
                await client.still_open()
            await send(2)
            acked = await ack(2)
            assert acked["status"] == "published" and acked["seq"] == 2
            for client in (sender, local):  # the same process delivers without Redis
                assert (await client.expect(_message(2), 15))["body"] == "message 2"
            for client in (sender, local, remote):
                await client.still_open()

            redis_proc = _start_redis(redis_port)
            # Each process resubscribes (back-off at most 10 s) and tells its sockets to catch up.
            for client in (sender, local, remote):
                await client.expect(lambda f: f["type"] == "resync", 40)
            await remote.send({"type": "chat.sync", "group": group.slug, "after": 1})
            history = await remote.expect(lambda f: f["type"] == "chat.history", 15)
            assert [m["seq"] for m in history["messages"]] == [2]
            await send(3)
            assert (await ack(3))["status"] == "published"
            for client in (sender, local, remote):
                assert (await client.expect(_message(3), 15))["body"] == "message 3"
            # No socket was dropped at any point.
            for client in (sender, local, remote):
                await client.still_open()
                await client.ws.close()

        asyncio.run(asyncio.wait_for(scenario(), 180))
        assert list(ChatMessage.objects.filter(group=group).order_by("seq").values_list("seq", flat=True)) == [1, 2, 3]
    finally:
        _stop(worker_a)
        _stop(worker_b)
        _stop(redis_proc)
