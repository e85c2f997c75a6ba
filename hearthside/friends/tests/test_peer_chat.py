"""1:1 peer chat over the tab's socket: live delivery after acceptance, screening, catch-up,
and access following the connection's state on open sockets."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async as db

from hearthside.friends import actions
from hearthside.friends.models import PeerMessage, PeerReport
from hearthside.safety.actions import alerts_from
from hearthside.testing.sockets import next_frame, open_socket, socket_for

from .helpers import CRISIS, peer


async def _frames_until(sock, kinds: set[str]) -> dict:
    """The first frame of each kind in ``kinds``, whatever order they arrive in."""
    found: dict = {}
    for _ in range(20):
        frame = await sock.receive_json_from(timeout=10)
        if frame["type"] in kinds and frame["type"] not in found:
            found[frame["type"]] = frame
        if set(found) == kinds:
            return found
    raise AssertionError(f"missing {kinds - set(found)}")


@pytest.mark.django_db(transaction=True)
def test_live_chat_starts_at_acceptance_is_screened_and_stops_when_ended():
    alice, bob, eve = peer("alice"), peer("bob"), peer("eve")
    connection = actions.check_request(alice, bob.peer_profile, "hi")
    a, b, e = socket_for(alice), socket_for(bob), socket_for(eve)

    async def scenario():
        for s in (a, b, e):
            await open_socket(s)
        # Before acceptance: refused.
        await a.send_json_to({"type": "peer.send", "connection": connection.pk, "client_id": "c0", "body": "early"})
        early = await next_frame(a, "error")
        # Bob accepts while both sockets are open: both join the conversation at once.
        await db(actions.check_respond)(bob, connection, "accept")
        await a.send_json_to({"type": "peer.send", "connection": connection.pk, "client_id": "c1", "body": "hello"})
        ack = await next_frame(a, "peer.ack")
        got = await next_frame(b, "peer.message")
        # A resend of the same client id is acknowledged again, never delivered twice.
        await a.send_json_to({"type": "peer.send", "connection": connection.pk, "client_id": "c1", "body": "hello"})
        dup = await next_frame(a, "peer.ack")
        # Crisis content: not delivered; its author is shown help.
        await b.send_json_to({"type": "peer.send", "connection": connection.pk, "client_id": "c2", "body": CRISIS})
        frames = await _frames_until(b, {"peer.ack", "safety.help"})
        crisis_ack, help_event = frames["peer.ack"], frames["safety.help"]
        # Abuse aimed at the other person: held, not delivered.
        await b.send_json_to({"type": "peer.send", "connection": connection.pk, "client_id": "c3",
                              "body": "you are a pathetic idiot"})
        abuse_ack = await next_frame(b, "peer.ack")
        # Catch-up from the database after a reconnect.
        await b.send_json_to({"type": "peer.sync", "connection": connection.pk, "after": 0})
        synced = await next_frame(b, "peer.history")
        # An outsider gets nothing, and cannot read or write.
        await e.send_json_to({"type": "peer.sync", "connection": connection.pk, "after": 0})
        refused = await next_frame(e, "error")
        # Ending: both sockets are told, then leave the topic.
        await db(actions.do_end)(bob, connection)
        ended = await next_frame(a, "peer.ended")
        await a.send_json_to({"type": "peer.send", "connection": connection.pk, "client_id": "c4", "body": "?"})
        after_end = await next_frame(a, "error")
        nothing_for_alice = await a.receive_nothing(timeout=0.3)
        nothing_for_eve = await e.receive_nothing(timeout=0.3)
        for s in (a, b, e):
            await s.disconnect()
        return (early, ack, got, dup, crisis_ack, help_event, abuse_ack, synced, refused, ended, after_end,
                nothing_for_alice, nothing_for_eve)

    (early, ack, got, dup, crisis_ack, help_event, abuse_ack, synced, refused, ended, after_end,
     nothing_for_alice, nothing_for_eve) = async_to_sync(scenario)()
    assert early["code"] == "not_connected"
    assert ack["seq"] == 1 and got["body"] == "hello" and got["author"] == "Alice P"
    assert dup["duplicate"] is True and dup["seq"] == 1
    assert crisis_ack["status"] == "crisis" and crisis_ack["seq"] is None and crisis_ack.get("help") is True
    assert help_event["held"] is True
    assert abuse_ack["status"] == "held" and abuse_ack["seq"] is None
    assert [m["body"] for m in synced["messages"]] == ["hello"]
    assert refused["code"] == "not_connected"
    assert ended["connection"] == connection.pk
    assert after_end["code"] == "not_connected"
    assert nothing_for_alice and nothing_for_eve
    assert PeerMessage.objects.filter(status=PeerMessage.Status.CRISIS).count() == 1
    assert alerts_from(bob, "friends.chat")
    assert PeerReport.objects.filter(reported=bob, reporter__isnull=True).count() == 1


@pytest.mark.django_db
def test_recipient_reports_a_message_in_one_step(api_as):
    alice, bob = peer("alice"), peer("bob")
    connection = actions.check_respond(bob, actions.check_request(alice, bob.peer_profile), "accept")
    actions.check_send(alice, connection, "m1", "hello")
    assert api_as(alice).post(f"/api/v1/friends/connections/{connection.pk}/messages/1/report",
                              {}).status_code == 404  # not your own
    assert api_as(bob).post(f"/api/v1/friends/connections/{connection.pk}/messages/1/report",
                            {"reason": "creepy"}).status_code == 201
    assert PeerReport.objects.get().reported == alice
