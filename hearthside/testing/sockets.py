"""Websocket helpers for tests: a logged-in socket on /ws/events/ and frame waiting.

Create sockets (which touches the database) outside the async scenario, then run the whole
scenario in one ``async_to_sync`` call.
"""

from __future__ import annotations

from channels.testing import WebsocketCommunicator
from django.conf import settings

from hearthside.conftest import login_client


def socket_for(user, *, two_factor: bool = False) -> WebsocketCommunicator:
    from hearthside.asgi import application

    client = login_client(user, two_factor=two_factor) if two_factor else login_client(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return WebsocketCommunicator(application, "/ws/events/",
                                 headers=[(b"cookie", cookie.encode()), (b"origin", b"http://127.0.0.1")])


async def open_socket(sock) -> None:
    import asyncio

    from hearthside.core.fanout import hub

    connected, _ = await sock.connect(timeout=20)
    assert connected
    assert (await sock.receive_json_from(timeout=20))["type"] == "hello"
    # With Redis, frames published before this process has subscribed reach nobody live (clients
    # catch up from the database); wait so that a test's first frame is delivered live.
    for _ in range(500):
        if not settings.REDIS_URL or hub.subscribed:
            break
        await asyncio.sleep(0.01)


async def next_frame(sock, kind: str, timeout: float = 10) -> dict:
    """The next frame of type ``kind``, skipping others (at most 20)."""
    for _ in range(20):
        frame = await sock.receive_json_from(timeout=timeout)
        if frame["type"] == kind:
            return frame
    raise AssertionError(f"no {kind} frame")


async def collect_frames(sock, kinds: set[str], timeout: float = 10) -> dict[str, dict]:
    """The first frame of each type in ``kinds``, in whatever order they arrive (at most 30 read)."""
    found: dict[str, dict] = {}
    for _ in range(30):
        if found.keys() >= kinds:
            return found
        frame = await sock.receive_json_from(timeout=timeout)
        found.setdefault(frame["type"], frame)
    if found.keys() >= kinds:
        return found
    raise AssertionError(f"missing frames: {kinds - found.keys()}")


def token_socket(user, *, two_factor: bool):
    """A websocket communicator authenticated with a fresh write token (with or without 2FA)."""
    from channels.testing import WebsocketCommunicator

    from hearthside.asgi import application
    from hearthside.conftest import token_for

    raw = token_for(user, "write", two_factor)
    return WebsocketCommunicator(application, "/ws/events/", headers=[(b"authorization", f"Bearer {raw}".encode())])


async def ready(sock) -> None:
    """Open the socket and wait until its connect handler has finished (a ping is answered)."""
    await open_socket(sock)
    await sock.send_json_to({"type": "ping"})
    await next_frame(sock, "pong")


async def drain(sock, quiet: float = 0.3) -> list[dict]:
    """Every frame that arrives until the socket is quiet for ``quiet`` seconds."""
    frames = []
    while not await sock.receive_nothing(timeout=quiet):
        frames.append(await sock.receive_json_from())
    return frames


def sockets_for(*users) -> list[WebsocketCommunicator]:
    """One logged-in socket (``socket_for``) per user, in order."""
    return [socket_for(user) for user in users]


async def open_sockets(*socks) -> None:
    """``open_socket`` for each, one after the other."""
    for sock in socks:
        await open_socket(sock)


async def close_sockets(*socks) -> None:
    for sock in socks:
        await sock.disconnect()


async def send_chat(sock, group, client_id: str, body: str) -> None:
    """A ``chat.send`` frame for ``group`` (a Group) from the socket's user."""
    await sock.send_json_to({"type": "chat.send", "group": group.slug, "client_id": client_id, "body": body})
