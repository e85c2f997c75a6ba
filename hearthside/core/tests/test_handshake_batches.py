"""Handshakes that arrive together are answered in one trip to the database thread (issue #20):
each socket gets the answer it would get alone, and one socket's failure fails no other."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from asgiref.sync import async_to_sync

from hearthside.conftest import make_user, token_for
from hearthside.core import consumers
from hearthside.testing.sockets import open_socket, socket_for

pytestmark = pytest.mark.django_db(transaction=True)


def _token_socket(raw: str):
    from channels.testing import WebsocketCommunicator

    from hearthside.asgi import application

    return WebsocketCommunicator(application, "/ws/events/", headers=[(b"authorization", f"Bearer {raw}".encode())])


def _anonymous_socket():
    from channels.testing import WebsocketCommunicator

    from hearthside.asgi import application

    return WebsocketCommunicator(application, "/ws/events/", headers=[(b"origin", b"http://127.0.0.1")])


async def _outcome(sock, timeout: float = 20) -> object:
    """"hello", or the close code the socket was refused with. (A consumer that raised is reported
    by Channels' test communicator only when ``timeout`` runs out.)"""
    connected, code = await sock.connect(timeout=timeout)
    if not connected:
        return code
    frame = await sock.receive_json_from(timeout=timeout)
    return frame["type"]


def _trips(monkeypatch, total: int):
    """Record each trip's size. A first trip that did not take all ``total`` handshakes waits (in
    the database thread, at most 10 s) until the rest are queued behind it, so that how many trips
    there are does not depend on timing: one or two."""
    sizes: list[int] = []
    real = consumers._open_many

    def recording(batch):
        if not sizes:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                queued = sum(len(h.waiting) for h in list(consumers._handshakes.values()))
                if len(batch) + queued >= total:
                    break
                time.sleep(0.01)
        sizes.append(len(batch))
        return real(batch)

    monkeypatch.setattr(consumers, "_open_many", recording)
    return sizes


def test_handshakes_that_arrive_together_share_a_trip_and_each_gets_its_own_answer(monkeypatch):
    people = [make_user(f"hs{i}") for i in range(12)]
    sessions = [socket_for(person) for person in people]
    raw = token_for(make_user("hsprogram"), scope="write")
    read_only = token_for(make_user("hsreader"), scope="read")
    sockets = [*sessions, _token_socket(raw), _token_socket(read_only), _token_socket("not-a-token"),
               _anonymous_socket()]
    sizes = _trips(monkeypatch, total=len(sockets))

    async def scenario():
        try:
            return await asyncio.gather(*(_outcome(sock) for sock in sockets))
        finally:
            for sock in sockets:
                await sock.disconnect()

    outcomes = async_to_sync(scenario)()
    assert outcomes == ["hello"] * 13 + [4401, 4401, 4401]
    assert sum(sizes) == len(sockets) and len(sizes) <= 2


def test_a_handshake_that_fails_in_the_database_thread_fails_no_other_in_its_trip(monkeypatch):
    people = [make_user(f"hf{i}") for i in range(5)]
    sockets = [socket_for(person) for person in people]
    unlucky = people[2].pk
    real = consumers._open

    def failing_for_one(consumer):
        found = real(consumer)
        if found[0] is not None and found[0].pk == unlucky:
            raise RuntimeError("the database went away for this one")
        return found

    monkeypatch.setattr(consumers, "_open", failing_for_one)
    sizes = _trips(monkeypatch, total=5)

    async def scenario():
        results = []
        for sock, outcome in zip(sockets, await asyncio.gather(*(_outcome(s, 3) for s in sockets),
                                                               return_exceptions=True), strict=True):
            if isinstance(outcome, BaseException):
                results.append(f"failed: {outcome}")
            else:
                results.append(outcome)
                await sock.disconnect()
        return results

    outcomes = async_to_sync(scenario)()
    assert outcomes == ["hello", "hello", "failed: the database went away for this one", "hello", "hello"]
    assert sum(sizes) == 5 and len(sizes) <= 2


def test_one_handshake_alone_waits_for_no_other():
    """No gathering delay: a lone handshake's trip starts at once (it is the first of its batch)."""
    sock = socket_for(make_user("alone"))
    trips = []
    loop_thread = []
    real = consumers._open_many

    def recording(batch):
        trips.append((len(batch), threading.get_ident()))
        return real(batch)

    async def scenario():
        import unittest.mock

        loop_thread.append(threading.get_ident())
        with unittest.mock.patch.object(consumers, "_open_many", recording):
            await open_socket(sock)
        await sock.disconnect()

    async_to_sync(scenario)()
    assert [size for size, _thread in trips] == [1]
    assert trips[0][1] != loop_thread[0]  # in the database thread, not on the event loop
