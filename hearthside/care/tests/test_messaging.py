"""Secure messaging: ownership, encryption at rest, resend safety, crisis routing, live frames."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from asgiref.sync import async_to_sync
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404

from hearthside.care import actions, conversation
from hearthside.care.models import Appointment, Message
from hearthside.conftest import login_client, make_user
from hearthside.safety.actions import alerts_from
from hearthside.testing.sockets import next_frame, open_socket, socket_for

CRISIS = "I have the pills saved up and I'm going to kill myself tonight."


@pytest.fixture
def rel(db, pro, client_user):
    return actions.check_choose_practitioner(client_user, pro)


def test_messages_are_encrypted_at_rest(rel, client_user):
    message, created, _route = conversation.check_send_message(client_user, rel, "c1", "I felt better this week")
    assert created and message.seq == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM care_message WHERE id = %s", [message.pk])
        (raw,) = cursor.fetchone()
    assert raw.startswith("enc1:") and "better" not in raw
    assert Message.objects.get(pk=message.pk).body == "I felt better this week"


def test_a_resend_with_the_same_client_id_is_not_duplicated(rel, client_user):
    first, created1, _ = conversation.check_send_message(client_user, rel, "same", "hello")
    second, created2, _ = conversation.check_send_message(client_user, rel, "same", "hello")
    assert created1 and not created2 and first.pk == second.pk
    assert Message.objects.count() == 1


def test_only_the_two_people_can_open_the_conversation(rel, client_user, pro):
    from hearthside.accounts.auth import mark_second_factor

    assert conversation.access_relationship(client_user, rel.pk) == rel
    mark_second_factor(pro.user, True)  # the practitioner's side needs it (test_two_factor_policy.py)
    assert conversation.access_relationship(pro.user, rel.pk) == rel
    stranger = make_user("stranger")
    with pytest.raises(Http404):
        conversation.access_relationship(stranger, rel.pk)
    assert login_client(stranger).get(f"/care/messages/{rel.pk}/").status_code == 404
    assert login_client(client_user).get(f"/care/messages/{rel.pk}/").status_code == 200


def test_no_new_messages_after_the_relationship_ends(rel, client_user, pro):
    actions.do_end_relationship(rel, pro.user)
    rel.refresh_from_db()
    with pytest.raises(PermissionDenied):
        conversation.check_send_message(client_user, rel, "late", "hello?")


def test_crisis_message_reaches_the_practitioner_flagged_and_the_alert_is_raised(
        rel, client_user, pro, django_capture_on_commit_callbacks):
    from hearthside.selfcare.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        message, created, route = conversation.check_send_message(client_user, rel, "c9", CRISIS)
    assert route.decision == "crisis"
    assert message.status == "published" and message.seq == 1  # delivered, not held
    assert [(m["body"], m["flag"]) for m in conversation.history(pro.user, rel)] == [(CRISIS, route.level)]
    assert alerts_from(client_user, "care.message")
    assert Notification.objects.filter(user=pro.user, text__startswith="Urgent").exists()


def test_a_practitioners_crisis_message_is_still_held(rel, pro):
    message, _created, route = conversation.check_send_message(pro.user, rel, "p9", CRISIS)
    assert route.decision == "crisis" and message.status == "held" and message.seq is None


def test_history_query_count_does_not_grow(rel, client_user, pro, django_assert_num_queries):
    for i in range(30):
        conversation.check_send_message(client_user if i % 2 else pro.user, rel, f"m{i}", f"message {i}")
    with django_assert_num_queries(1):
        rows = conversation.history(client_user, rel, limit=50)
    assert [r["seq"] for r in rows] == list(range(1, 31))
    with django_assert_num_queries(1):
        assert [r["seq"] for r in conversation.history(client_user, rel, after=25)] == [26, 27, 28, 29, 30]


@pytest.mark.django_db(transaction=True)
def test_live_messages_read_receipts_and_strangers_over_the_websocket():
    from .conftest import in_care

    pro, client_user, rel = in_care("livepro", "liveclient")
    stranger = make_user("outsider")
    c, p, s = socket_for(client_user), socket_for(pro.user, two_factor=True), socket_for(stranger)

    async def scenario():
        for sock in (c, p, s):
            await _ready(sock)
        await c.send_json_to({"type": "care.send", "relationship": rel.pk, "client_id": "x1", "body": "hi there"})
        ack = await next_frame(c, "care.ack")
        got = await next_frame(p, "care.message")
        await c.send_json_to({"type": "care.send", "relationship": rel.pk, "client_id": "x1", "body": "hi there"})
        dup = await next_frame(c, "care.ack")
        await p.send_json_to({"type": "care.read", "relationship": rel.pk, "seq": got["seq"]})
        receipt = await next_frame(c, "care.read")
        await s.send_json_to({"type": "care.send", "relationship": rel.pk, "client_id": "z", "body": "let me in"})
        refused = await next_frame(s, "error")
        await s.send_json_to({"type": "care.sync", "relationship": rel.pk, "after": 0})
        refused_sync = await next_frame(s, "error")
        stranger_quiet = await s.receive_nothing(timeout=0.3)
        for sock in (c, p, s):
            await sock.disconnect()
        return ack, got, dup, receipt, refused, refused_sync, stranger_quiet

    ack, got, dup, receipt, refused, refused_sync, quiet = async_to_sync(scenario)()
    assert ack["seq"] == 1 and got["body"] == "hi there" and got["author"] == client_user.pseudonym
    assert dup["duplicate"] is True and dup["seq"] == 1
    assert receipt == {"type": "care.read", "relationship": rel.pk, "reader": "practitioner", "seq": 1}
    assert refused["code"] == "not_found" and refused_sync["code"] == "not_found" and quiet
    assert Message.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_room_signals_reach_only_the_other_person_while_the_room_is_open():
    import time_machine

    from .conftest import make_practitioner, weekly

    pro = make_practitioner("roompro", tz="UTC")
    weekly(pro, 1, "09:00", "12:00")
    client_user = make_user("roomclient")
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        appointment = actions.check_book(client_user, pro, datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    # Let in from the waiting room (its own test below): signals flow only after that.
    Appointment.objects.filter(pk=appointment.pk).update(admitted_at=datetime(2026, 3, 3, 8, 55, tzinfo=UTC))

    def scenario(signal):
        c, p = socket_for(client_user), socket_for(pro.user, two_factor=True)
        return async_to_sync(_room_scenario)(c, p, appointment, signal)

    with time_machine.travel(datetime(2026, 3, 3, 8, 55, tzinfo=UTC), tick=False):
        mine, theirs = scenario({"kind": "offer", "sdp": "v=0"})
    assert theirs["data"] == {"kind": "offer", "sdp": "v=0"} and theirs["from"] == client_user.pk
    assert mine["from"] == client_user.pk  # a socket sees its own echo and ignores it by "from"
    with time_machine.travel(datetime(2026, 3, 3, 8, 55, tzinfo=UTC), tick=False):
        bad, _ = scenario({"kind": "evil"})
    assert bad["code"] == "invalid"
    with time_machine.travel(datetime(2026, 3, 3, 7, 0, tzinfo=UTC), tick=False):
        closed, _ = scenario({"kind": "nope"})
    assert closed["code"] == "closed"


async def _ready(sock):
    # "hello" is sent before the consumer joins its plug-in topics; a ping answered means the
    # connect handler has finished (a consumer handles one message at a time).
    await open_socket(sock)
    await sock.send_json_to({"type": "ping"})
    await next_frame(sock, "pong")


async def _room_scenario(c, p, appointment, signal):
    await _ready(c)
    await _ready(p)
    await c.send_json_to({"type": "care.signal", "appointment": appointment.pk, "data": signal})
    frame = await next_frame(c, "care.signal") if signal["kind"] == "offer" else await next_frame(c, "error")
    other = await next_frame(p, "care.signal") if signal["kind"] == "offer" else None
    await c.disconnect()
    await p.disconnect()
    return frame, other
