"""The practitioner in the loop, in secure messaging: a client's crisis message is delivered to
their practitioner, flagged, with the client's safety panel; the client is told who will read it;
the on-duty team's alert is raised as before; nobody else sees any of it."""

from __future__ import annotations

import pytest

from hearthside.care import actions, conversation
from hearthside.care.models import RiskNotice
from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.safety.models import SafetyAlert
from hearthside.selfcare.models import Notification

from .conftest import make_practitioner

CRISIS = "I have the pills saved up and I'm going to kill myself tonight."


@pytest.fixture
def rel(db, pro, client_user):
    client_user.country = "GB"
    client_user.save(update_fields=["country"])
    return actions.check_choose_practitioner(client_user, pro)


@pytest.fixture
def events(monkeypatch):
    sent = []
    monkeypatch.setattr("hearthside.core.events.send_now", lambda groups, event: sent.append((list(groups), event)))
    return sent


def _send_crisis(client_user, rel, capture, client_id="c1"):
    with capture(execute=True):
        return conversation.check_send_message(client_user, rel, client_id, CRISIS)


def test_the_crisis_message_is_delivered_and_flagged_to_the_practitioner(
        rel, client_user, pro, events, django_capture_on_commit_callbacks):
    message, _created, route = _send_crisis(client_user, rel, django_capture_on_commit_callbacks)

    assert route.decision == "crisis" and route.level in {"high", "imminent"}
    assert message.status == "published" and message.seq == 1 and message.risk_level == route.level
    # The on-duty team's alert is raised exactly as before.
    alert = SafetyAlert.objects.get(person=client_user)
    assert alert.source == "care.message" and route.alert == alert
    # Live: the message frame on the relationship's topic carries the flag; the practitioner's
    # own socket gets the risk event (no words of the message in it).
    frames = [(g, e) for g, e in events if e.get("type") == "care.message"]
    assert frames == [([f"care.{rel.pk}"], conversation.message_frame(message))]
    assert frames[0][1]["flag"] == route.level
    risk = [(g, e) for g, e in events if e.get("type") == "care.risk"]
    assert risk and risk[0][0] == [f"user.{pro.user_id}"] and risk[0][1]["alert"] == alert.pk
    assert CRISIS not in str(risk)
    # The help panel does not tell the client their words were held.
    help_events = [e for _g, e in events if e.get("type") == "safety.help"]
    assert help_events and help_events[0]["held"] is False
    # In-app notification list, once.
    assert Notification.objects.filter(user=pro.user, text__startswith="Urgent:").count() == 1
    assert [n.source for n in RiskNotice.objects.filter(relationship=rel, alert=alert)].count("care.message") == 1

    page = login_client(pro.user, two_factor=True).get(f"/care/messages/{rel.pk}/").content.decode()
    assert CRISIS.replace("'", "&#x27;") in page
    assert 'data-testid="crisis-flag"' in page and "Crisis language" in page
    # The safety panel: crisis lines and emergency number of the client's country, plan sharing,
    # the alert's status and who acts.
    assert 'data-testid="safety-panel"' in page
    assert "999" in page and "Samaritans" in page
    assert "none shared" in page
    assert "Nobody from the safety team has taken it yet" in page
    assert AuditEvent.objects.filter(action="care.client_risk_read", actor_id=pro.user_id,
                                     subject_id=client_user.pk).count() == 1


def test_both_sides_see_who_is_acting(rel, client_user, pro, django_capture_on_commit_callbacks):
    from hearthside.safety.actions import check_acknowledge

    _send_crisis(client_user, rel, django_capture_on_commit_callbacks)
    alert = SafetyAlert.objects.get(person=client_user)
    check_acknowledge(make_user("ondutymod", "moderator", pseudonym="Robin on duty"), alert)

    page = login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").content.decode()
    assert 'data-testid="who-acts"' in page and "Robin on duty from the safety team is acting on it." in page
    assert "acknowledged" in page
    # The staff alert page's helper names the practitioner.
    assert actions.practitioner_of(client_user) == pro.user


def test_the_client_sees_who_will_see_it_not_that_it_was_not_delivered(
        rel, client_user, pro, api_as, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(client_user).post(f"/api/v1/care/relationships/{rel.pk}/messages",
                                            {"client_id": "api-1", "body": CRISIS})
    sent = response.json()
    assert response.status_code == 201
    assert sent["status"] == "published" and sent["seq"] == 1 and sent["help"] is True
    assert sent["note"] == ("Your practitioner Drjones will see this, and our safety team has been asked "
                            "to reach out.")

    page = login_client(client_user).get(f"/care/messages/{rel.pk}/").content.decode()
    assert 'data-testid="flagged-note"' in page
    assert "Your practitioner Drjones will see this, and our safety team has been asked to reach out." in page
    assert 'data-testid="crisis-flag"' not in page  # the flag is the practitioner's, not a label on the client
    assert 'data-testid="safety-panel"' not in page


def test_the_websocket_ack_tells_the_client_who_will_see_it(rel, client_user):
    from hearthside.care.conversation import _ws_send

    # The handler's own body, run in this test's transaction (the socket runs it in a thread).
    ack = _ws_send.func(client_user, {"relationship": rel.pk, "client_id": "ws-1", "body": CRISIS})
    assert ack["type"] == "care.ack" and ack["status"] == "published" and ack["seq"] == 1
    assert ack["flag"] in {"high", "imminent"} and ack["note"].startswith("Your practitioner Drjones will see this")


def test_another_practitioner_gets_404_and_is_told_nothing(rel, client_user, pro, django_capture_on_commit_callbacks):
    _send_crisis(client_user, rel, django_capture_on_commit_callbacks)
    other = make_practitioner("otherpro")
    web = login_client(other.user, two_factor=True)
    assert web.get(f"/care/messages/{rel.pk}/").status_code == 404
    assert web.get(f"/care/clients/{rel.pk}/").status_code == 404
    assert not Notification.objects.filter(user=other.user).exists()
    assert login_client(make_user("nosy")).get(f"/care/messages/{rel.pk}/").status_code == 404
    assert not AuditEvent.objects.filter(action="care.client_risk_read", actor_id=other.user_id).exists()


def test_the_message_is_delivered_but_the_practitioner_reads_it_after_a_second_factor(
        rel, client_user, pro, django_capture_on_commit_callbacks):
    message, _created, _route = _send_crisis(client_user, rel, django_capture_on_commit_callbacks)
    # Delivered and the practitioner told, whatever their session proved ...
    assert message.status == "published" and message.seq == 1
    assert Notification.objects.filter(user=pro.user, text__startswith="Urgent:").exists()
    # ... but the words and the safety panel wait for the second factor (docs/care.md).
    response = login_client(pro.user).get(f"/care/messages/{rel.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/?next=")
    assert not AuditEvent.objects.filter(action="care.client_risk_read").exists()
    page = login_client(pro.user, two_factor=True).get(f"/care/messages/{rel.pk}/").content.decode()
    assert "Crisis language" in page and 'data-testid="safety-panel"' in page


def test_a_second_flagged_message_does_not_notify_twice(rel, client_user, pro, django_capture_on_commit_callbacks):
    _send_crisis(client_user, rel, django_capture_on_commit_callbacks, "c1")
    _send_crisis(client_user, rel, django_capture_on_commit_callbacks, "c2")
    assert SafetyAlert.objects.filter(person=client_user).count() == 1  # one incident
    assert Notification.objects.filter(user=pro.user, text__startswith="Urgent:").count() == 1
    assert [m["seq"] for m in conversation.history(pro.user, rel)] == [1, 2]


def test_with_the_setting_off_the_message_still_arrives_but_nothing_is_notified(
        rel, client_user, pro, events, settings, django_capture_on_commit_callbacks):
    settings.PRACTITIONER_RISK_NOTIFY = False
    before = Notification.objects.filter(user=pro.user).count()
    message, _created, _route = _send_crisis(client_user, rel, django_capture_on_commit_callbacks)
    assert message.seq == 1 and SafetyAlert.objects.filter(person=client_user).exists()
    assert Notification.objects.filter(user=pro.user).count() == before
    assert not RiskNotice.objects.exists()
    assert not [e for _g, e in events if e.get("type") == "care.risk"]
    page = login_client(pro.user, two_factor=True).get(f"/care/messages/{rel.pk}/").content.decode()
    assert 'data-testid="safety-panel"' not in page
