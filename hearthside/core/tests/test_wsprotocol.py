"""``core.wsprotocol``: uvicorn's websocket protocol with a lighter inbox and write flag, and the
handshake let go once accepted (issue #20, 10,000 idle sockets per process)."""

import asyncio
import sys
import tracemalloc

import pytest

from hearthside.core.asgi_server import UVICORN_OPTIONS, uvicorn_command
from hearthside.core.wsprotocol import Flag, Inbox, WebSocketProtocol


def run(coro):
    return asyncio.run(coro)


def test_the_server_is_started_with_this_protocol():
    assert UVICORN_OPTIONS["ws"] == "hearthside.core.wsprotocol:WebSocketProtocol"
    command = uvicorn_command("127.0.0.1", 8000)
    assert command[command.index("--ws") + 1] == UVICORN_OPTIONS["ws"]


def test_inbox_is_first_in_first_out_and_a_reader_waits_for_the_next_item():
    async def scenario():
        inbox = Inbox()
        assert inbox.empty()
        inbox.put_nowait(1)
        inbox.put_nowait(2)
        assert not inbox.empty() and inbox.qsize() == 2
        got = [await inbox.get(), await inbox.get()]
        assert inbox.empty()
        reader = asyncio.ensure_future(inbox.get())
        await asyncio.sleep(0)
        assert not reader.done()
        inbox.put_nowait(3)
        got.append(await asyncio.wait_for(reader, 1))
        return got

    assert run(scenario()) == [1, 2, 3]


def test_inbox_wakes_readers_in_turn_and_a_cancelled_reader_passes_its_item_on():
    async def scenario():
        inbox = Inbox()
        first, second = asyncio.ensure_future(inbox.get()), asyncio.ensure_future(inbox.get())
        await asyncio.sleep(0)
        inbox.put_nowait("a")
        first.cancel()  # woken, then cancelled before it ran: "a" must reach the other reader
        await asyncio.sleep(0)
        got = await asyncio.wait_for(second, 1)
        assert first.cancelled()
        lone = asyncio.ensure_future(inbox.get())
        await asyncio.sleep(0)
        lone.cancel()
        await asyncio.sleep(0)
        inbox.put_nowait("b")
        return got, await asyncio.wait_for(inbox.get(), 1), inbox.empty()

    assert run(scenario()) == ("a", "b", True)


def test_flag_behaves_as_an_event():
    async def scenario():
        flag = Flag()
        assert not flag.is_set()
        waiters = [asyncio.ensure_future(flag.wait()) for _ in range(3)]
        await asyncio.sleep(0)
        assert not any(w.done() for w in waiters)
        flag.set()
        results = await asyncio.wait_for(asyncio.gather(*waiters), 1)
        assert flag.is_set() and await flag.wait() is True
        flag.clear()
        late = asyncio.ensure_future(flag.wait())
        await asyncio.sleep(0.01)
        assert not late.done()
        late.cancel()
        await asyncio.sleep(0)
        flag.set()  # nobody left waiting: nothing to wake, nothing raised
        return results, late.cancelled()

    assert run(scenario()) == ([True, True, True], True)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="sizes measured on CPython 3.11+")
def test_an_idle_inbox_and_flag_hold_less_than_a_queue_and_an_event():
    def held(make):
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            made = [make() for _ in range(200)]
            return (tracemalloc.get_traced_memory()[0] - before) / len(made)
        finally:
            tracemalloc.stop()

    def light():
        flag = Flag()
        flag.set()
        return Inbox(), flag

    def stock():
        event = asyncio.Event()
        event.set()
        return asyncio.Queue(), event

    assert held(light) * 5 < held(stock)


def test_the_protocol_lets_the_handshake_go_once_accepted():
    """Through a real server: a socket is accepted, talks, and the protocol object holds neither the
    handshake's request nor its response afterwards."""
    import threading

    import uvicorn
    from websockets.sync.client import connect

    from hearthside.testing.processes import free_port

    protocols: list[WebSocketProtocol] = []

    class Recording(WebSocketProtocol):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            protocols.append(self)

    async def app(scope, receive, send):
        assert (await receive())["type"] == "websocket.connect"
        await send({"type": "websocket.accept"})
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                return
            await send({"type": "websocket.send", "text": message["text"].upper()})

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, ws=Recording, lifespan="off", log_level="warning",
                            ws_per_message_deflate=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.02)
        with connect(f"ws://127.0.0.1:{port}/") as ws:
            ws.send("hello")
            assert ws.recv(timeout=5) == "HELLO"
            ws.send("again")
            assert ws.recv(timeout=5) == "AGAIN"
            (protocol,) = protocols
            assert protocol.request is None and protocol.response is None
            assert isinstance(protocol.queue, Inbox) and isinstance(protocol.writable, Flag)
    finally:
        server.should_exit = True
        thread.join(10)


def test_inbox_has_the_rest_of_a_queues_reading_and_writing_calls():
    async def scenario():
        inbox = Inbox()
        with pytest.raises(asyncio.QueueEmpty):
            inbox.get_nowait()
        await inbox.put("x")
        assert not inbox.full()
        return inbox.get_nowait(), inbox.empty()

    assert run(scenario()) == ("x", True)
