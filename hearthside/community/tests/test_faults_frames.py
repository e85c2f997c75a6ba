"""Bad client frames are answered with the documented error frame; the socket stays open and
nothing is stored (docs/realtime.md "Validation"). Lone surrogates in a message body become
U+FFFD, so a crisis message with half an emoji is still held and alerted."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync

from hearthside.community.models import ChatMessage, Membership
from hearthside.conftest import login_client, make_user
from hearthside.safety.actions import alerts_from
from hearthside.testing.sockets import next_frame, open_socket, socket_for

from .forum_fixtures import CRISIS_TEXT

SEND = {"type": "chat.send", "group": "anxiety", "client_id": "c1", "body": "hello"}


def _send(**changes) -> str:
    frame = dict(SEND, **changes)
    return json.dumps({k: v for k, v in frame.items() if v is not ...})


BAD_FRAMES = [
    # (what, text or bytes, expected error code)
    ("malformed json", '{"type": "chat.send", "body": ', "invalid_frame"),
    ("deeply nested json", '{"type": "chat.send", "x": ' + "[" * 10_000 + "]" * 10_000 + "}", "invalid_frame"),
    ("nested past the limit", '{"type": "chat.send", "x": ' + "[" * 20 + "]" * 20 + "}", "invalid_frame"),
    ("binary frame", b'{"type": "ping"}', "invalid_frame"),
    ("1 MB of non-JSON", "x" * 1_000_000, "too_large"),
    ("unknown type", '{"type": "no.such.thing"}', "unsupported"),
    ("unknown type without a prefix", '{"type": "frobnicate"}', "unsupported"),
    ("empty object", "{}", "invalid_frame"),
    ("a list", "[1, 2, 3]", "invalid_frame"),
    ("a string", '"chat.send"', "invalid_frame"),
    ("a number", "7", "invalid_frame"),
    ("null", "null", "invalid_frame"),
    ("type not a string", '{"type": 7}', "invalid_frame"),
    ("NUL in client_id", _send(client_id="c\u00001"), "invalid_text"),
    ("NUL in body", _send(body="hello\u0000world"), "invalid_text"),
    ("NUL in group", _send(group="anx\u0000iety"), "invalid_text"),
    ("client_id a number", _send(client_id=7), "invalid"),
    ("anonymous a string", _send(anonymous="yes"), "invalid"),
    ("anonymous a number", _send(anonymous=1), "invalid"),
    ("body a list", _send(body=["hello"]), "invalid"),
    ("group a number", _send(group=5), "invalid"),
    ("sync after a string", '{"type": "chat.sync", "group": "anxiety", "after": "3"}', "invalid"),
    ("sync after a boolean", '{"type": "chat.sync", "group": "anxiety", "after": true}', "invalid"),
    ("client_id too long", _send(client_id="x" * 65), "invalid"),
    ("empty body", _send(body="   "), "invalid"),
    ("body too long", _send(body="x" * 4001), "invalid"),
    ("plug-in frame with a bad field", '{"type": "peer.send", "connection": 1, "client_id": 7, "body": "hi"}',
     "invalid"),
]


@pytest.mark.django_db(transaction=True)
def test_every_bad_frame_is_answered_and_the_socket_stays_open(group):
    alice = make_user("alice")
    Membership.objects.create(group=group, user=alice)
    sock = socket_for(alice)

    async def scenario():
        await open_socket(sock)
        answers = {}
        for what, data, _code in BAD_FRAMES:
            if isinstance(data, bytes):
                await sock.send_to(bytes_data=data)
            else:
                await sock.send_to(text_data=data)
            answers[what] = await next_frame(sock, "error")
            # Still open, still answering, in order.
            await sock.send_json_to({"type": "ping"})
            assert (await next_frame(sock, "pong"))["type"] == "pong", what
        await sock.disconnect()
        return answers

    answers = async_to_sync(scenario)()
    for what, _data, code in BAD_FRAMES:
        answer = answers[what]
        assert answer["code"] == code, (what, answer)
        assert set(answer) == {"type", "code", "group", "client_id", "detail"}, (what, answer)
        assert isinstance(answer["detail"], str) and answer["detail"], what
    assert answers["NUL in body"]["detail"] == "Text may not contain NUL characters."
    assert answers["anonymous a string"]["client_id"] == "c1"
    assert ChatMessage.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_nul_is_refused_the_same_over_http_and_the_socket(group):
    alice = make_user("alice")
    Membership.objects.create(group=group, user=alice)
    response = login_client(alice).post("/api/v1/community/groups/anxiety/chat",
                                        {"client_id": "h1", "body": "hello\u0000world"},
                                        content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Text may not contain NUL characters."
    assert ChatMessage.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_half_an_emoji_becomes_a_replacement_character_and_the_message_goes_on(group):
    alice, bob = make_user("alice"), make_user("bob")
    for person in (alice, bob):
        Membership.objects.create(group=group, user=person)
    a, b = socket_for(alice), socket_for(bob)

    async def scenario():
        await open_socket(a)
        await open_socket(b)
        # json.dumps writes the lone surrogate as the escape "\ud83d": valid JSON, invalid text.
        await a.send_to(text_data=json.dumps(dict(SEND, body="feeling low \ud83d today")))
        ack = await next_frame(a, "chat.ack")
        message = await next_frame(b, "chat.message")
        for s in (a, b):
            await s.disconnect()
        return ack, message

    ack, message = async_to_sync(scenario)()
    assert ack["status"] == "published" and ack["seq"] == 1
    assert message["body"] == "feeling low \ufffd today"
    assert ChatMessage.objects.get().body == "feeling low \ufffd today"


@pytest.mark.django_db(transaction=True)
def test_a_crisis_message_with_half_an_emoji_is_held_and_alerted(group):
    alice = make_user("alice")
    Membership.objects.create(group=group, user=alice)
    a = socket_for(alice)
    frame = json.dumps(dict(SEND, body=CRISIS_TEXT + " \ud83d"))

    async def scenario():
        await open_socket(a)
        await a.send_to(text_data=frame)
        ack = await next_frame(a, "chat.ack")
        # The client resends after a reconnect: the same answer, no second alert.
        await a.send_to(text_data=frame)
        again = await next_frame(a, "chat.ack")
        await a.disconnect()
        return ack, again

    ack, again = async_to_sync(scenario)()
    assert ack["status"] == "held" and ack["help"] is True
    assert again["duplicate"] is True
    assert len(alerts_from(alice, "community.chat")) == 1
