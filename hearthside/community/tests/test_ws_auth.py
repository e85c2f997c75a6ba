"""Programs connect to /ws/events/ with Authorization: Bearer <token>; browsers with their session."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from hearthside.community.models import ChatMessage, Group, Membership
from hearthside.conftest import make_user, token_for
from hearthside.testing.sockets import next_frame


async def _connect(headers):
    from hearthside.asgi import application

    sock = WebsocketCommunicator(application, "/ws/events/", headers=headers)
    connected, code = await sock.connect(timeout=10)
    return sock, connected, code


@pytest.mark.django_db(transaction=True)
def test_a_program_chats_with_a_bearer_token_and_no_origin():
    group = Group.objects.create(slug="grief", name="Grief")
    user = make_user("program-user")
    Membership.objects.create(group=group, user=user)
    token = token_for(user)

    async def scenario():
        sock, connected, _ = await _connect([(b"authorization", f"Bearer {token}".encode())])
        assert connected
        hello = await sock.receive_json_from(timeout=10)
        await sock.send_json_to({"type": "chat.send", "group": "grief", "client_id": "p1", "body": "hello"})
        ack = await next_frame(sock, "chat.ack")  # a Redis "resync" hint may come first
        await sock.disconnect()
        return hello, ack

    hello, ack = async_to_sync(scenario)()
    assert hello["type"] == "hello"
    assert ack["seq"] == 1 and ack["status"] == "published"
    assert ChatMessage.objects.get().author == user


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["bad", "read", "revoked", "basic"])
def test_a_bad_read_only_or_revoked_token_connects_no_one(kind):
    from hearthside.accounts.actions import do_revoke_token
    from hearthside.accounts.models import AccessToken

    user = make_user("program-user")
    raw = "hs_not-a-real-token" if kind == "bad" else token_for(user, scope="read" if kind == "read" else "write")
    if kind == "revoked":
        do_revoke_token(AccessToken.objects.get(user=user))
    header = f"Basic {raw}" if kind == "basic" else f"Bearer {raw}"

    async def scenario():
        sock, connected, _ = await _connect([(b"authorization", header.encode())])
        if connected:
            await sock.disconnect()
        return connected

    assert async_to_sync(scenario)() is False


def test_the_server_does_not_compress_frames(asgi_server):
    """Per-message deflate is refused even when the client offers it: compressing every frame for
    every socket was ~40% of the fan-out's CPU, and compression beside secrets invites CRIME."""
    import asyncio

    from websockets.asyncio.client import connect

    user = make_user("program-user")
    token = token_for(user)
    url = asgi_server.replace("http://", "ws://") + "/ws/events/"

    async def scenario():
        async with connect(url, additional_headers={"Authorization": f"Bearer {token}"},
                           compression="deflate", open_timeout=15) as ws:
            hello = await asyncio.wait_for(ws.recv(), 15)
            return hello, ws.response.headers.get("Sec-WebSocket-Extensions")

    hello, extensions = asyncio.run(scenario())
    assert '"hello"' in hello
    assert not extensions
