"""Closing the loop: one alert per incident, and "Reach out now" from the alert to a live
conversation with the person (issue #15 items 1, 2's "record contact", 6 and 9)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.safety import actions
from hearthside.safety.models import ContactRoute, DutyShift, SafetyAlert
from hearthside.supportline import actions as line
from hearthside.supportline.models import Conversation, Message
from hearthside.testing.races import run_at_once

CRISIS = "I have the pills saved up and I'm going to kill myself tonight after everyone is asleep."
MODERATE = "I wish I was dead."


def _on_duty(user):
    now = timezone.now()
    DutyShift.objects.create(user=user, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=8))


@pytest.fixture
def people(db):
    member = make_user("member", country="GB")
    moderator = make_user("mod", "moderator")
    supervisor = make_user("sup", "clinical_supervisor")
    _on_duty(moderator)
    return member, moderator, supervisor


# ---------------------------------------------------------------------------------------------
# One alert per incident


def test_later_flagged_messages_attach_to_the_open_alert_and_raise_its_level(people):
    member, _mod, _sup = people
    first = actions.screen_and_route(member, MODERATE, "community.chat", source_id=1)
    assert first.alert is not None and first.alert.level == "moderate"
    first_deadline = SafetyAlert.objects.get(pk=first.alert.pk).ack_deadline
    second = actions.screen_and_route(member, CRISIS, "community.chat", source_id=2)
    third = actions.screen_and_route(member, CRISIS, "friends.chat", source_id=3)
    assert SafetyAlert.objects.filter(person=member).count() == 1
    assert second.alert.pk == third.alert.pk == first.alert.pk
    alert = SafetyAlert.objects.get(pk=first.alert.pk)
    assert alert.level == "imminent"
    # The rise brought the deadline forward; the later same-level message did not move it again.
    assert alert.ack_deadline < first_deadline
    kinds = list(alert.events.values_list("kind", flat=True))
    assert kinds.count("raised") == 1 and kinds.count("attached") == 2
    attached = list(alert.events.filter(kind="attached").order_by("pk"))
    assert attached[0].detail["rose"] is True and attached[1].detail["rose"] is False
    assert attached[1].detail["source"] == "friends.chat"


def test_same_level_does_not_restart_the_deadline(people):
    member, _mod, _sup = people
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1)
        deadline = SafetyAlert.objects.get(pk=first.alert.pk).ack_deadline
        clock.shift(60)
        actions.screen_and_route(member, CRISIS, "community.chat", source_id=2)
    assert SafetyAlert.objects.get(pk=first.alert.pk).ack_deadline == deadline


def test_a_resolved_alert_is_a_closed_incident_a_new_message_opens_a_new_one(people):
    member, moderator, _sup = people
    first = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1)
    actions.check_resolve(moderator, first.alert, "supported")
    again = actions.screen_and_route(member, CRISIS, "community.chat", source_id=2)
    assert again.alert.pk != first.alert.pk
    assert SafetyAlert.objects.filter(person=member).count() == 2


def test_other_people_get_their_own_alerts(people):
    member, _mod, _sup = people
    other = make_user("other")
    a = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1)
    b = actions.screen_and_route(other, CRISIS, "community.chat", source_id=2)
    assert a.alert.pk != b.alert.pk


# ---------------------------------------------------------------------------------------------
# Reach out now


def test_reach_out_opens_a_live_conversation_and_tells_the_person(people, django_capture_on_commit_callbacks,
                                                                  monkeypatch):
    member, moderator, _sup = people
    alert = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    sent = []
    from hearthside.core import events

    monkeypatch.setattr(events, "send_now", lambda groups, event: sent.append((list(groups), event)))
    with django_capture_on_commit_callbacks(execute=True):
        conversation = actions.check_outreach(moderator, alert)
    conversation.refresh_from_db()
    assert conversation.origin == Conversation.Origin.OUTREACH
    assert conversation.status == Conversation.Status.ACTIVE
    assert conversation.person_id == member.pk and conversation.supporter_id == moderator.pk
    assert conversation.alert_id == alert.pk and conversation.risk_level == "imminent"
    opening = Message.objects.get(conversation=conversation, kind=Message.Kind.SYSTEM)
    assert "safety team" in opening.body and moderator.pseudonym in opening.body
    outreach_events = [e for groups, e in sent if e.get("type") == "safety.outreach"]
    assert outreach_events and outreach_events[0]["conversation"] == conversation.pk
    assert outreach_events[0]["url"] == f"/support-line/c/{conversation.pk}/"
    alert.refresh_from_db()
    assert alert.status == SafetyAlert.Status.ACKNOWLEDGED and alert.acknowledged_by_id == moderator.pk
    assert list(alert.events.filter(kind="outreach").values_list("actor_id", flat=True)) == [moderator.pk]
    assert AuditEvent.objects.filter(action="safety.alert_outreach", actor_id=moderator.pk).exists()
    # Pressed again (a second tab): the same conversation, no second timeline step.
    assert actions.check_outreach(moderator, alert).pk == conversation.pk
    assert alert.events.filter(kind="outreach").count() == 1


def test_outreach_conversation_steps_go_on_the_alert_timeline(people):
    member, moderator, _sup = people
    alert = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    conversation = actions.check_outreach(moderator, alert)
    client = login_client(member)
    page = client.get("/help/")
    assert 'id="outreach-banner"' in page.content.decode()
    # One tap from the banner on any page.
    response = client.post(f"/support-line/c/{conversation.pk}/reply/", {"reply": "here"})
    assert response.status_code == 302 and response["Location"] == f"/support-line/c/{conversation.pk}/"
    assert Message.objects.filter(conversation=conversation, kind=Message.Kind.PERSON, author=member).count() == 1
    page = client.get(f"/support-line/c/{conversation.pk}/")
    assert page.status_code == 200
    assert "I&#x27;m here." in page.content.decode() or "I'm here." in page.content.decode()
    # Opened: the banner is gone elsewhere too (the conversation stays reachable from the page).
    conversation.refresh_from_db()
    assert conversation.seen_at is not None
    line.check_send(member, conversation, "c2", "thank you for checking")
    staff = login_client(moderator, two_factor=True)
    response = staff.post(f"/support-line/desk/c/{conversation.pk}/", {"action": "wrap_up", "outcome": "supported",
                                                                        "concern": "yes"})
    assert response.status_code == 302 and response["Location"] == f"/staff/safety/alerts/{alert.pk}/"
    kinds = list(alert.events.order_by("at", "pk").values_list("kind", flat=True))
    for kind in ("raised", "outreach", "person_replied", "person_opened", "conversation_ended"):
        assert kind in kinds, kinds
    assert kinds.count("person_replied") == 1  # the first reply only
    assert kinds.index("outreach") < kinds.index("person_replied") < kinds.index("conversation_ended")
    ended = alert.events.get(kind="conversation_ended")
    assert ended.detail["outcome"] == "supported" and ended.detail["conversation"] == conversation.pk


def test_quick_reply_rejects_anything_but_the_offered_replies(people):
    member, moderator, _sup = people
    alert = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    conversation = actions.check_outreach(moderator, alert)
    client = login_client(member)
    response = client.post(f"/support-line/c/{conversation.pk}/reply/", {"reply": "<script>"})
    assert response.status_code == 302
    assert not Message.objects.filter(conversation=conversation, kind=Message.Kind.PERSON).exists()
    # Someone else's conversation: 404.
    stranger = login_client(make_user("stranger"))
    assert stranger.post(f"/support-line/c/{conversation.pk}/reply/", {"reply": "here"}).status_code == 404


def test_moderator_who_is_not_a_supporter_can_talk_in_the_outreach_and_nobody_else_can(people):
    member, moderator, _sup = people
    alert = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    conversation = actions.check_outreach(moderator, alert)
    message, created = line.check_send(moderator, conversation, "m1", "I'm here with you. How are you right now?")
    assert created and message.kind == Message.Kind.SUPPORTER
    other_mod = make_user("mod2", "moderator")
    with pytest.raises(Exception) as exc:
        line.check_send(other_mod, conversation, "x", "hello")
    assert exc.type.__name__ == "Http404"
    page = login_client(moderator, two_factor=True).get(f"/support-line/desk/c/{conversation.pk}/")
    assert page.status_code == 200 and "I&#x27;m here with you" in page.content.decode()
    assert login_client(other_mod, two_factor=True).get(f"/support-line/desk/c/{conversation.pk}/").status_code == 404
    # The desk itself stays for supporters.
    assert login_client(moderator, two_factor=True).get("/support-line/desk/").status_code == 404


def test_outreach_to_someone_waiting_on_the_line_takes_that_conversation(people):
    member, _mod, supervisor = people
    waiting = line.check_start(member, "I don't want to be here anymore, I'm going to end it tonight")
    alert = SafetyAlert.objects.get(person=member)
    conversation = actions.check_outreach(supervisor, alert)
    assert conversation.pk == waiting.pk
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.ACTIVE and conversation.supporter_id == supervisor.pk
    assert conversation.alert_id == alert.pk
    assert alert.events.get(kind="outreach").detail["how"] == "taken"


def test_outreach_to_someone_already_with_a_supporter_does_not_pull_them_away(people):
    member, moderator, supervisor = people
    supporter = make_user("peer", "peer_supporter")
    line.check_start(member, "I'm going to kill myself tonight")
    conversation = line.check_help_next(supporter)
    alert = SafetyAlert.objects.get(person=member)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        actions.check_outreach(moderator, alert)
    assert supporter.pseudonym in " ".join(exc.value.messages)
    # A supervisor joins instead.
    assert actions.check_outreach(supervisor, alert).pk == conversation.pk
    assert line.staff_role_in(supervisor, conversation) == "joined"


def test_outreach_refused_for_resolved_alerts_non_staff_and_oneself(people):
    member, moderator, _sup = people
    alert = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    from django.core.exceptions import ValidationError
    from django.http import Http404

    with pytest.raises(Http404):
        actions.check_outreach(make_user("plain"), alert)
    with pytest.raises(Http404):
        actions.check_outreach(member, alert)
    actions.check_resolve(moderator, alert, "false_alarm")
    with pytest.raises(ValidationError):
        actions.check_outreach(moderator, alert)
    assert not Conversation.objects.filter(person=member).exists()


def test_outreach_page_button_and_api(people):
    member, moderator, _sup = people
    alert = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    staff = login_client(moderator, two_factor=True)
    page = staff.get(f"/staff/safety/alerts/{alert.pk}/").content.decode()
    assert 'data-testid="outreach"' in page and "Reach out now" in page
    response = staff.post(f"/staff/safety/alerts/{alert.pk}/action/", {"action": "outreach"})
    conversation = Conversation.objects.get(person=member)
    assert response.status_code == 302 and response["Location"] == f"/support-line/desk/c/{conversation.pk}/"
    page = staff.get(f"/staff/safety/alerts/{alert.pk}/").content.decode()
    assert 'data-testid="open-outreach"' in page and 'data-testid="outreach"' not in page
    # The API returns the same conversation.
    response = staff.post(f"/api/v1/staff/safety/alerts/{alert.pk}/outreach", content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["conversation"] == conversation.pk
    assert response.json()["alert"]["status"] == "acknowledged"
    assert staff.post("/api/v1/staff/safety/alerts/999999/outreach").status_code == 404
    plain = login_client(make_user("plain"))
    assert plain.post(f"/api/v1/staff/safety/alerts/{alert.pk}/outreach").status_code == 404


# ---------------------------------------------------------------------------------------------
# Record contact: the route used and how it went


def test_record_contact_names_the_route_and_the_outcome(people):
    member, moderator, _sup = people
    alert = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    from django.core.exceptions import ValidationError

    # A call-back they never agreed to cannot be recorded as the route used.
    with pytest.raises(ValidationError):
        actions.check_record_contact(moderator, alert, route="callback", outcome="reached")
    with pytest.raises(ValidationError):
        actions.check_record_contact(moderator, alert, route="carrier-pigeon")
    with pytest.raises(ValidationError):
        actions.check_record_contact(moderator, alert, route="in_app", outcome="maybe")
    assert not alert.events.filter(kind="contacted").exists()
    ContactRoute.objects.create(user=member, kind="callback", value="+44 20 7946 0000", consent_text="ok")
    actions.check_record_contact(moderator, alert, "rang, she picked up", route="callback", outcome="reached")
    step = alert.events.get(kind="contacted")
    assert step.detail == {"route": "callback", "outcome": "reached"} and step.note == "rang, she picked up"
    staff = login_client(moderator, two_factor=True)
    response = staff.post(f"/staff/safety/alerts/{alert.pk}/action/",
                          {"action": "contacted", "route": "in_app", "contact_outcome": "no_answer"})
    assert response.status_code == 302
    assert alert.events.filter(kind="contacted").count() == 2
    response = staff.post(f"/api/v1/staff/safety/alerts/{alert.pk}/contacted",
                          {"route": "email", "contact_outcome": "reached"}, content_type="application/json")
    assert response.status_code == 409 and "agreed" in response.json()["detail"]


# ---------------------------------------------------------------------------------------------
# The incident in one place


def test_alert_page_shows_the_whole_incident(people):
    member, moderator, _sup = people
    from hearthside.safety.actions import do_set_plan_sharing, do_update_plan

    do_update_plan(member, {"reasons_for_living": ["my sister Ana"]})
    from hearthside.accounts.actions import do_give_consent

    do_give_consent(member, "practitioner_sharing")
    do_set_plan_sharing(member, True)
    old = actions.screen_and_route(member, CRISIS, "community.chat", source_id=1).alert
    actions.check_resolve(moderator, old, "supported")
    alert = actions.screen_and_route(member, "I'm going to jump off the bridge tonight", "friends.chat",
                                     source_id=2).alert
    actions.screen_and_route(member, MODERATE, "care.message", source_id=3)
    ContactRoute.objects.create(user=member, kind="callback", value="+44 20 7946 0000",
                                consent_text="If our team is worried, they may phone me.")
    ContactRoute.objects.create(user=member, kind="email", value="old@example.org", consent_text="e-mail me",
                                withdrawn_at=timezone.now())
    page = login_client(moderator, two_factor=True).get(f"/staff/safety/alerts/{alert.pk}/").content.decode()
    assert "+44 20 7946 0000" in page and "If our team is worried, they may phone me." in page
    assert "old@example.org" not in page                # withdrawn: not shown
    assert AuditEvent.objects.filter(action="safety.contact_routes_viewed", actor_id=moderator.pk).exists()
    assert "my sister Ana" in page                      # the shared plan
    assert f"/staff/safety/alerts/{old.pk}/" in page    # earlier alerts
    # Flagged across features, each named in words (safety/labels.py), not by its code.
    assert "Messages with their practitioner" in page and "Peer chat" in page
    assert "care.message" not in page and "friends.chat" not in page
    assert "Acknowledged by" not in page or "Nobody has acknowledged" in page
    assert AuditEvent.objects.filter(action="safety.alert_viewed", actor_id=moderator.pk).exists()


def test_a_spanish_speaker_is_reached_in_spanish_whatever_the_staff_language(people):
    _member, moderator, _sup = people
    lucia = make_user("lucia", country="MX", language="es")
    alert = actions.screen_and_route(lucia, "Tengo pastillas guardadas y me las voy a tomar todas esta noche",
                                     "community.chat", source_id=9).alert
    from django.utils import translation

    with translation.override("en"):
        conversation = actions.check_outreach(moderator, alert)
    opening = Message.objects.get(conversation=conversation, kind=Message.Kind.SYSTEM).body
    assert "equipo de seguridad" in opening and moderator.pseudonym in opening
    page = login_client(lucia).get("/help/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "equipo de seguridad" in page and 'id="outreach-banner"' in page


@pytest.mark.django_db(transaction=True)
def test_two_crisis_messages_at_the_same_moment_open_one_incident():
    """Two requests of the same person screened at once (PostgreSQL: real concurrency) make one
    alert, and neither waits on nor deadlocks with the other's inserts."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL) for two concurrent transactions")
    member = make_user("twice")
    make_user("mod-twice", "moderator")
    barrier = threading.Barrier(4)
    errors = []

    def write(i):
        try:
            barrier.wait(timeout=10)
            actions.screen_and_route(member, CRISIS, "community.chat", source_id=100 + i)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    run_at_once(write, range(4), timeout=30)
    assert not errors, errors
    assert SafetyAlert.objects.filter(person=member).count() == 1
    alert = SafetyAlert.objects.get(person=member)
    assert alert.events.filter(kind="attached").count() == 3
