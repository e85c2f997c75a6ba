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
    connected, _ = await sock.connect()
    assert connected
    assert (await sock.receive_json_from())["type"] == "hello"


async def next_frame(sock, kind: str, timeout: float = 10) -> dict:
    """The next frame of type ``kind``, skipping others (at most 20)."""
    for _ in range(20):
        frame = await sock.receive_json_from(timeout=timeout)
        if frame["type"] == kind:
            return frame
    raise AssertionError(f"no {kind} frame")
