"""uvicorn's websocket protocol (websockets' sans-I/O implementation), lighter per idle socket.

Hearthside keeps every signed-in tab's socket open, so a process holds thousands of idle sockets
(issue #20: 10,000 per process in under 500 MB). By tracemalloc on a running server, uvicorn's
protocol held about 7 KiB of each idle socket's 31 KiB in things an open, quiet socket never uses:

* an ``asyncio.Queue`` for the frames that arrived and an ``asyncio.Event`` for write pressure:
  five empty ``collections.deque`` objects between them (its getters, putters and items, its
  ``join`` event's waiters, the write event's waiters), each 0.6-0.7 KiB even when empty;
* the handshake's parsed request and the response built for it (their header tables), kept after
  the ``101 Switching Protocols`` has been written, though nothing reads them again.

``WebSocketProtocol`` is that protocol with an ``Inbox`` and a ``Flag`` in their place (the same
operations, the same order and wake-ups, storage only while something waits or is queued) and the
handshake's request and response let go once the socket is accepted. Everything else, framing,
keep-alive pings, close handshakes and flow control, is uvicorn's. ``asgi_server.UVICORN_OPTIONS``
names it when the installed uvicorn has the sans-I/O protocol (0.35 and later); otherwise uvicorn's
own choice stands.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol


def _enlist(holder) -> asyncio.Future:
    """A new future on ``holder``'s waiter list (made on first need)."""
    waiter = asyncio.get_running_loop().create_future()
    if holder._waiters is None:
        holder._waiters = []
    holder._waiters.append(waiter)
    return waiter


def _withdraw(holder, waiter: asyncio.Future) -> None:
    if holder._waiters is not None and waiter in holder._waiters:
        holder._waiters.remove(waiter)


def _wake_one(waiters: list | None) -> None:
    while waiters:
        waiter = waiters.pop(0)
        if not waiter.done():
            waiter.set_result(None)
            return


class Inbox:
    """``asyncio.Queue`` for a socket's incoming events, without its bookkeeping for ``join``:
    ``put_nowait``, ``get`` and ``empty`` (what uvicorn uses), ``put``, ``get_nowait``, ``qsize``
    and ``full`` (should a later uvicorn use them); first in, first out, unbounded (uvicorn pauses reading the socket while
    the application has not taken what arrived). A ``get`` that is cancelled after it was woken
    passes the wake-up on, as ``asyncio.Queue`` does."""

    __slots__ = ("_items", "_waiters")

    def __init__(self) -> None:
        self._items: list = []
        self._waiters: list[asyncio.Future] | None = None

    def put_nowait(self, item) -> None:
        self._items.append(item)
        _wake_one(self._waiters)

    def empty(self) -> bool:
        return not self._items

    def full(self) -> bool:
        return False

    def qsize(self) -> int:
        return len(self._items)

    async def put(self, item) -> None:
        self.put_nowait(item)

    def get_nowait(self):
        if not self._items:
            raise asyncio.QueueEmpty
        return self._items.pop(0)

    async def get(self):
        while not self._items:
            waiter = _enlist(self)
            try:
                await waiter
            except BaseException:
                waiter.cancel()
                _withdraw(self, waiter)
                if self._items:  # woken, then cancelled: the next reader gets the item
                    _wake_one(self._waiters)
                raise
        return self._items.pop(0)


class Flag:
    """``asyncio.Event`` (``set``, ``clear``, ``is_set``, ``wait``) without a waiter list until
    something waits."""

    __slots__ = ("_value", "_waiters")

    def __init__(self) -> None:
        self._value = False
        self._waiters: list[asyncio.Future] | None = None

    def is_set(self) -> bool:
        return self._value

    def set(self) -> None:
        if not self._value:
            self._value = True
            waiters, self._waiters = self._waiters, None
            for waiter in waiters or ():
                if not waiter.done():
                    waiter.set_result(True)

    def clear(self) -> None:
        self._value = False

    async def wait(self) -> bool:
        if self._value:
            return True
        waiter = _enlist(self)
        try:
            await waiter
            return True
        finally:
            _withdraw(self, waiter)


class WebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's sans-I/O websocket protocol with the lighter queue and event, which lets go of the
    handshake once the socket is accepted (see the module's docstring)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.queue = Inbox()  # type: ignore[assignment]
        writable = Flag()
        writable.set()
        self.writable = writable  # type: ignore[assignment]

    async def send(self, message) -> None:
        await super().send(message)
        if message["type"] == "websocket.accept" and self.handshake_complete:
            # The 101 is written: the request and response are read only before that.
            self.request = self.response = None  # type: ignore[assignment]
