"""The session room's waiting room and presence on the server: signalling waits until the
practitioner lets the client in; only the practitioner may, only while the room is open; what a
person says about their microphone and camera is checked before it is relayed.

The browser's side (two Chromium contexts with fake devices) is test_browser_room.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from asgiref.sync import async_to_sync

from hearthside.care import actions
from hearthside.care.models import Appointment
from hearthside.conftest import make_user
from hearthside.core.models import AuditEvent
from hearthside.testing.sockets import next_frame, open_socket, socket_for

from .conftest import make_practitioner, weekly

OPEN = datetime(2026, 3, 3, 8, 55, tzinfo=UTC)


@pytest.fixture
def booked(transactional_db):
    pro = make_practitioner("lobbypro", tz="UTC")
    weekly(pro, 1, "09:00", "12:00")
    client_user = make_user("lobbyguest")
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        appointment = actions.check_book(client_user, pro, datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    return pro, client_user, appointment


async def _ready(sock):
    await open_socket(sock)
    await sock.send_json_to({"type": "ping"})
    await next_frame(sock, "pong")


async def _admit_scenario(client_sock, pro_sock, appointment_id):
    await _ready(client_sock)
    await _ready(pro_sock)
    offer = {"type": "care.signal", "appointment": appointment_id, "data": {"kind": "offer", "sdp": "v=0"}}
    await pro_sock.send_json_to(offer)
    before = await next_frame(pro_sock, "error")
    await client_sock.send_json_to({"type": "care.admit", "appointment": appointment_id})
    refused = await next_frame(client_sock, "error")
    await pro_sock.send_json_to({"type": "care.admit", "appointment": appointment_id})
    told_client = await next_frame(client_sock, "care.presence")
    told_pro = await next_frame(pro_sock, "care.presence")
    await pro_sock.send_json_to(offer)
    relayed = await next_frame(client_sock, "care.signal")
    await client_sock.disconnect()
    await pro_sock.disconnect()
    return before, refused, told_client, told_pro, relayed


def test_signalling_waits_until_the_practitioner_lets_the_client_in(booked):
    pro, client_user, appointment = booked
    with time_machine.travel(OPEN, tick=False):
        before, refused, told_client, told_pro, relayed = async_to_sync(_admit_scenario)(
            socket_for(client_user), socket_for(pro.user, two_factor=True), appointment.pk)
    assert before == {"type": "error", "code": "waiting",
                      "detail": "The practitioner has not let the client in yet."}
    assert refused == {"type": "error", "code": "forbidden", "detail": "Only the practitioner lets someone in."}
    admitted = {"type": "care.presence", "appointment": appointment.pk, "from": pro.user.pk, "state": "admitted"}
    assert told_client == admitted and told_pro == admitted
    assert relayed["data"] == {"kind": "offer", "sdp": "v=0"} and relayed["from"] == pro.user.pk
    appointment.refresh_from_db()
    assert appointment.admitted_at == OPEN
    assert list(AuditEvent.objects.filter(action="care.room_admitted").values_list("actor_id", flat=True)) == [
        pro.user.pk]


def test_letting_in_twice_keeps_the_first_time_and_one_audit_record(booked):
    from hearthside.accounts.auth import mark_second_factor
    from hearthside.care.conversation import check_admit_to_room

    pro, _client_user, appointment = booked
    mark_second_factor(pro.user, True)
    with time_machine.travel(OPEN, tick=False):
        check_admit_to_room(pro.user, appointment.pk)
    with time_machine.travel(datetime(2026, 3, 3, 9, 20, tzinfo=UTC), tick=False):
        check_admit_to_room(pro.user, appointment.pk)
    appointment.refresh_from_db()
    assert appointment.admitted_at == OPEN
    assert AuditEvent.objects.filter(action="care.room_admitted").count() == 1


def test_only_the_practitioner_with_a_second_factor_lets_in_and_only_while_open(booked):
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.http import Http404

    from hearthside.accounts.auth import SecondFactorRequired, mark_second_factor
    from hearthside.care.conversation import check_admit_to_room

    pro, client_user, appointment = booked
    stranger = make_user("lobbystranger")
    with time_machine.travel(OPEN, tick=False):
        with pytest.raises(PermissionDenied, match="Only the practitioner lets someone in."):
            check_admit_to_room(client_user, appointment.pk)
        with pytest.raises(Http404):
            check_admit_to_room(stranger, appointment.pk)
        with pytest.raises(SecondFactorRequired):
            check_admit_to_room(pro.user, appointment.pk)
    mark_second_factor(pro.user, True)
    with time_machine.travel(datetime(2026, 3, 3, 7, 0, tzinfo=UTC), tick=False):
        with pytest.raises(ValidationError, match="The session room is not open now."):
            check_admit_to_room(pro.user, appointment.pk)
    assert Appointment.objects.get(pk=appointment.pk).admitted_at is None


async def _admit_without_second_factor(pro_sock, appointment_id):
    await _ready(pro_sock)
    await pro_sock.send_json_to({"type": "care.admit", "appointment": appointment_id})
    frame = await next_frame(pro_sock, "error")
    await pro_sock.disconnect()
    return frame


def test_a_practitioner_socket_without_a_second_factor_cannot_let_in(booked):
    pro, _client_user, appointment = booked
    with time_machine.travel(OPEN, tick=False):
        frame = async_to_sync(_admit_without_second_factor)(socket_for(pro.user), appointment.pk)
    assert frame["code"] == "forbidden"
    assert Appointment.objects.get(pk=appointment.pk).admitted_at is None


async def _presence_scenario(client_sock, pro_sock, appointment_id, frames):
    await _ready(client_sock)
    await _ready(pro_sock)
    answers = []
    for frame in frames:
        sent = {k: v for k, v in frame.items() if k != "expect"}
        await client_sock.send_json_to({"type": "care.presence", "appointment": appointment_id, **sent})
        if frame.get("expect") == "error":
            answers.append(await next_frame(client_sock, "error"))
        else:
            answers.append(await next_frame(pro_sock, "care.presence"))
    await client_sock.disconnect()
    await pro_sock.disconnect()
    return answers


def test_mute_camera_off_and_alive_are_relayed_and_bad_ones_refused(booked):
    pro, client_user, appointment = booked
    frames = [
        {"state": "media", "audio": False, "video": True},
        {"state": "alive"},
        {"state": "media", "audio": "no", "video": True, "expect": "error"},
        {"state": "admitted", "expect": "error"},  # only the server says that
    ]
    with time_machine.travel(OPEN, tick=False):
        muted, alive, bad, forged = async_to_sync(_presence_scenario)(
            socket_for(client_user), socket_for(pro.user, two_factor=True), appointment.pk, frames)
    base = {"type": "care.presence", "appointment": appointment.pk, "from": client_user.pk}
    assert muted == {**base, "state": "media", "audio": False, "video": True}
    assert alive == {**base, "state": "alive"}
    assert bad == {"type": "error", "code": "invalid", "detail": "Say whether audio and video are on."}
    assert forged == {"type": "error", "code": "invalid", "detail": "Unknown presence state."}
    assert Appointment.objects.get(pk=appointment.pk).admitted_at is None


def test_the_room_page_says_whether_the_client_is_already_in(booked):
    from hearthside.conftest import login_client

    pro, client_user, appointment = booked
    with time_machine.travel(OPEN, tick=False):
        page = login_client(client_user).get(f"/care/appointments/{appointment.pk}/room/").content.decode()
        assert 'data-admitted="false"' in page and 'id="care-in-lobby"' in page and "care-admit" not in page
        Appointment.objects.filter(pk=appointment.pk).update(admitted_at=OPEN)
        page = login_client(pro.user, two_factor=True).get(f"/care/appointments/{appointment.pk}/room/").content.decode()
        assert 'data-admitted="true"' in page and 'id="care-admit"' in page
