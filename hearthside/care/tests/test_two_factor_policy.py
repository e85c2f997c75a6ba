"""One rule for every channel (issue #17): the practitioner side of any access to a client's data
(messages, notes, homework, shared data, the session room, the client page, the safety panel)
needs a second factor proved in this request or socket. Pages redirect to the two-factor page,
the API answers 403, a socket answers an error frame and never joins the relationship's topic.
Clients reach their own side without one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from django.http import Http404
from django.utils import timezone

from hearthside.accounts.auth import SecondFactorRequired, mark_second_factor, proved_second_factor
from hearthside.care import actions, clinical, conversation, risk
from hearthside.care.models import Appointment, Message, SessionNote
from hearthside.conftest import login_client
from hearthside.testing.sockets import drain, next_frame, ready, socket_for, token_socket

from .conftest import in_care, make_practitioner

NEEDS_2FA = "Practitioners need two-factor authentication: use a token created with a code."


@pytest.fixture
def rel(db, pro, client_user):
    return actions.check_choose_practitioner(client_user, pro)


@pytest.fixture
def appointment(rel, pro, client_user):
    start = timezone.now().replace(microsecond=0) - timedelta(minutes=2)
    return Appointment.objects.create(practitioner=pro, client=client_user, starts_at=start,
                                      ends_at=start + timedelta(minutes=50), format="video")


def _fresh(user):
    """The user as the database has it: proves nothing until a request or socket marks it."""
    from hearthside.accounts.models import User

    return User.objects.get(pk=user.pk)


# ---------------------------------------------------------------------------------------------
# The one question, and the access helpers that ask it


def test_only_a_marked_or_verified_user_has_proved_a_second_factor(pro):
    user = _fresh(pro.user)
    assert not proved_second_factor(user) and not proved_second_factor(None)
    mark_second_factor(user, True)
    assert proved_second_factor(user)
    mark_second_factor(user, False)
    assert not proved_second_factor(user)
    user = _fresh(pro.user)
    user.is_verified = lambda: True  # what django-otp's middleware sets on a session's user
    assert proved_second_factor(user)


def test_the_access_helpers_refuse_the_practitioner_without_a_second_factor(rel, appointment, pro, client_user):
    note = SessionNote.objects.create(author=pro.user, client=client_user, body="Sleep.")
    unproved = _fresh(pro.user)
    for helper, object_id in ((conversation.access_relationship, rel.pk), (clinical.access_client, rel.pk),
                              (clinical.access_note, note.pk), (conversation.access_room, appointment.pk)):
        with pytest.raises(SecondFactorRequired):
            helper(unproved, object_id)
    with pytest.raises(SecondFactorRequired):
        risk.safety_panel(unproved, rel)
    proved = _fresh(pro.user)
    mark_second_factor(proved, True)
    assert conversation.access_relationship(proved, rel.pk) == rel
    assert clinical.access_client(proved, rel.pk) == rel
    assert clinical.access_note(proved, note.pk) == note
    assert conversation.access_room(proved, appointment.pk) == (appointment, rel)
    # The client needs none for their own side.
    client = _fresh(client_user)
    assert conversation.access_relationship(client, rel.pk) == rel
    assert conversation.access_room(client, appointment.pk) == (appointment, rel)


def test_a_stranger_still_gets_404_before_any_second_factor_question(rel, appointment, pro):
    other = make_practitioner("otherdoc").user
    for helper, object_id in ((conversation.access_relationship, rel.pk), (clinical.access_client, rel.pk),
                              (conversation.access_room, appointment.pk)):
        with pytest.raises(Http404):
            helper(other, object_id)


# ---------------------------------------------------------------------------------------------
# Pages


def test_practitioner_pages_about_a_client_send_them_to_prove_a_second_factor(rel, appointment, pro, client_user):
    conversation.check_send_message(client_user, rel, "c1", "I slept badly again")
    web = login_client(pro.user)
    for path in (f"/care/messages/{rel.pk}/", f"/care/clients/{rel.pk}/", f"/care/clients/{rel.pk}/journal/1/",
                 f"/care/appointments/{appointment.pk}/room/"):
        response = web.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"/accounts/two-factor/?next={path}"
    written = web.post(f"/care/clients/{rel.pk}/", {"action": "note", "body": "Written without a code."})
    assert written.status_code == 302 and written["Location"].startswith("/accounts/two-factor/")
    assert not SessionNote.objects.exists()

    proved = login_client(pro.user, two_factor=True)
    assert "I slept badly again" in proved.get(f"/care/messages/{rel.pk}/").content.decode()
    assert proved.get(f"/care/clients/{rel.pk}/").status_code == 200
    assert proved.get(f"/care/appointments/{appointment.pk}/room/").status_code == 200
    proved.post(f"/care/clients/{rel.pk}/", {"action": "note", "body": "Written with a code."})
    assert list(SessionNote.objects.values_list("body", flat=True)) == ["Written with a code."]


def test_the_client_reads_their_own_pages_without_a_second_factor(rel, appointment, client_user):
    web = login_client(client_user)
    assert web.get(f"/care/messages/{rel.pk}/").status_code == 200
    assert web.get(f"/care/appointments/{appointment.pk}/room/").status_code == 200


def test_another_practitioner_gets_404_not_a_second_factor_page(rel):
    web = login_client(make_practitioner("otherdoc").user)
    assert web.get(f"/care/messages/{rel.pk}/").status_code == 404
    assert web.get(f"/care/clients/{rel.pk}/").status_code == 404


# ---------------------------------------------------------------------------------------------
# The API


def _practitioner_calls(rel_id: int):
    return [("get", f"/api/v1/care/relationships/{rel_id}/messages", None),
            ("post", f"/api/v1/care/relationships/{rel_id}/messages", {"client_id": "p1", "body": "Hello"}),
            ("post", f"/api/v1/care/relationships/{rel_id}/read", {"seq": 1}),
            ("get", f"/api/v1/care/clients/{rel_id}/notes", None),
            ("post", f"/api/v1/care/clients/{rel_id}/notes", {"body": "Sleep."}),
            ("get", f"/api/v1/care/clients/{rel_id}/homework", None),
            ("post", f"/api/v1/care/clients/{rel_id}/homework", {"exercise": "box-breathing"}),
            ("get", f"/api/v1/care/clients/{rel_id}/shared/checkins", None)]


def test_a_token_without_a_second_factor_is_refused_on_every_client_endpoint(rel, pro, client_user, api_as):
    from hearthside.care.models import Homework
    from hearthside.selfcare import actions as selfcare

    selfcare.check_share(client_user, "checkins")
    conversation.check_send_message(client_user, rel, "c1", "hello")
    api = api_as(pro.user)
    for method, path, body in _practitioner_calls(rel.pk):
        response = getattr(api, method)(path, body) if body is not None else getattr(api, method)(path)
        assert response.status_code == 403, path
        assert response.json()["detail"] == NEEDS_2FA
    assert api.get(f"/api/v1/fhir/Patient/{client_user.pk}").json()["detail"] == NEEDS_2FA
    assert Message.objects.count() == 1 and not SessionNote.objects.exists() and not Homework.objects.exists()

    proved = api_as(pro.user, two_factor=True)
    for method, path, body in _practitioner_calls(rel.pk):
        response = getattr(proved, method)(path, body) if body is not None else getattr(proved, method)(path)
        assert response.status_code in (200, 201), path
    assert proved.get(f"/api/v1/fhir/Patient/{client_user.pk}").status_code == 200
    assert [m["body"] for m in proved.get(f"/api/v1/care/relationships/{rel.pk}/messages").json()] == [
        "hello", "Hello"]


def test_the_api_with_a_session_follows_the_session_s_second_factor(rel, pro):
    path = f"/api/v1/care/relationships/{rel.pk}/messages"
    refused = login_client(pro.user).get(path)
    assert refused.status_code == 403 and refused.json()["detail"] == NEEDS_2FA
    assert login_client(pro.user, two_factor=True).get(path).status_code == 200


def test_the_client_s_token_needs_no_second_factor_and_strangers_get_404(rel, client_user, api_as):
    path = f"/api/v1/care/relationships/{rel.pk}/messages"
    assert api_as(client_user).post(path, {"client_id": "c1", "body": "hi"}).status_code == 201
    assert api_as(client_user).get(path).status_code == 200
    other = make_practitioner("otherdoc").user
    assert api_as(other).get(path).status_code == 404  # not theirs: 404 before the second factor
    assert api_as(other, two_factor=True).get(f"/api/v1/care/clients/{rel.pk}/notes").status_code == 404


# ---------------------------------------------------------------------------------------------
# The socket


def test_the_channel_subscribes_the_practitioner_only_with_a_second_factor(rel, pro, client_user):
    channel = conversation.CareChannel()
    topic = actions.relationship_topic(rel.pk)
    unproved = _fresh(pro.user)
    assert channel.topics_for(unproved) == [] and not channel.may_subscribe(unproved, topic)
    proved = _fresh(pro.user)
    mark_second_factor(proved, True)
    assert channel.topics_for(proved) == [topic] and channel.may_subscribe(proved, topic)
    assert channel.topics_for(_fresh(client_user)) == [topic]


@pytest.mark.django_db(transaction=True)
def test_a_practitioner_socket_without_a_second_factor_gets_no_frames_and_forbidden_errors():
    from hearthside.core.fanout import hub

    pro, client_user, rel = in_care("sockdoc", "sockclient")
    start = timezone.now().replace(microsecond=0) - timedelta(minutes=2)
    appointment = Appointment.objects.create(practitioner=pro, client=client_user, starts_at=start,
                                             ends_at=start + timedelta(minutes=50), format="video")
    topic = actions.relationship_topic(rel.pk)
    client = socket_for(client_user)
    session_no, session_yes = socket_for(pro.user), socket_for(pro.user, two_factor=True)
    token_no, token_yes = token_socket(pro.user, two_factor=False), token_socket(pro.user, two_factor=True)
    sockets = (client, session_no, session_yes, token_no, token_yes)

    async def scenario():
        for sock in sockets:
            await ready(sock)
        out = {"joined": len(hub.topics.get(topic, ()))}
        await client.send_json_to({"type": "care.send", "relationship": rel.pk, "client_id": "c1", "body": "hello"})
        out["ack"] = await next_frame(client, "care.ack")
        out["session_yes"] = await next_frame(session_yes, "care.message")
        out["token_yes"] = await next_frame(token_yes, "care.message")
        out["session_no"] = await drain(session_no)
        out["token_no"] = await drain(token_no)
        refusals = [{"type": "care.sync", "relationship": rel.pk, "after": 0},
                    {"type": "care.send", "relationship": rel.pk, "client_id": "p1", "body": "without a code"},
                    {"type": "care.read", "relationship": rel.pk, "seq": 1},
                    {"type": "care.signal", "appointment": appointment.pk, "data": {"kind": "offer", "sdp": "v=0"}}]
        out["errors"] = []
        for sock in (session_no, token_no):
            for frame in refusals:
                await sock.send_json_to(frame)
                out["errors"].append(await next_frame(sock, "error"))
        await token_yes.send_json_to({"type": "care.sync", "relationship": rel.pk, "after": 0})
        out["sync"] = await next_frame(token_yes, "care.history")
        out["client_quiet"] = [f for f in await drain(client) if f["type"] == "care.signal"]
        for sock in sockets:
            await sock.disconnect()
        return out

    out = async_to_sync(scenario)()
    assert out["joined"] == 3  # the client and the two sockets that proved a second factor
    assert out["ack"]["seq"] == 1 and out["session_yes"]["body"] == out["token_yes"]["body"] == "hello"
    assert not [f for f in out["session_no"] + out["token_no"] if f["type"].startswith("care.")
                and f["type"] != "care.unread"]
    assert "hello" not in str(out["session_no"] + out["token_no"])
    assert [e["code"] for e in out["errors"]] == ["forbidden"] * 8
    assert all("two-factor" in e["detail"] for e in out["errors"])
    assert [m["body"] for m in out["sync"]["messages"]] == ["hello"]
    assert out["client_quiet"] == []  # no refused signal was relayed
    assert list(Message.objects.values_list("client_id", flat=True)) == ["c1"]
