from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.core import mail
from django.utils import timezone

from hearthside.conftest import login_client, make_user
from hearthside.core import audit
from hearthside.core.models import AuditEvent
from hearthside.safety import actions
from hearthside.safety.models import AlertEvent, DutyShift, SafetyAlert, ScreenedItem

CRISIS_TEXT = "I have the pills saved up and I'm going to kill myself tonight after everyone is asleep."


def _on_duty(user, hours=8):
    now = timezone.now()
    return DutyShift.objects.create(user=user, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=hours))


def _socket_for(user, *, two_factor=True):
    """A websocket communicator carrying the user's logged-in session."""
    from django.conf import settings

    from hearthside.asgi import application

    client = login_client(user, two_factor=two_factor)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return WebsocketCommunicator(application, "/ws/events/", headers=[(b"cookie", cookie.encode()),
                                                                       (b"origin", b"http://127.0.0.1")])


@pytest.mark.django_db(transaction=True)
def test_crisis_text_raises_an_alert_that_reaches_the_on_duty_moderator_and_escalates():
    from channels.db import database_sync_to_async as db

    member = make_user("writer", country="GB")
    moderator = make_user("mod", "moderator", email="mod@example.org")
    supervisor = make_user("sup", "clinical_supervisor", email="sup@example.org")
    _on_duty(moderator)
    sockets = {name: _socket_for(user, two_factor=name != "author")
               for name, user in (("mod", moderator), ("sup", supervisor), ("author", member))}

    async def next_of(sock, kind):
        for _ in range(10):
            event = await sock.receive_json_from(timeout=10)
            if event["type"] == kind:
                return event
        raise AssertionError(f"no {kind} event")

    async def scenario():
        for sock in sockets.values():
            connected, _ = await sock.connect()
            assert connected
            assert (await sock.receive_json_from())["type"] == "hello"
        result = await db(actions.screen_and_route)(member, CRISIS_TEXT, "test.post", source_id=7)
        got = await next_of(sockets["mod"], "alert.new")
        help_event = await next_of(sockets["author"], "safety.help")
        deadline = (await db(SafetyAlert.objects.get)(pk=result.alert.pk)).ack_deadline
        with time_machine.travel(deadline + timedelta(seconds=1), tick=False):
            first = await db(actions.escalate_overdue_alerts)()
            second = await db(actions.escalate_overdue_alerts)()
        escalated = await next_of(sockets["sup"], "alert.escalated")
        for sock in sockets.values():
            await sock.disconnect()
        return result, got, help_event, (first, second), escalated

    result, got, help_event, sweeps, escalated = async_to_sync(scenario)()

    assert result.decision == actions.CRISIS and not result.publish
    assert result.level in {"high", "imminent"}
    alert = result.alert
    assert ScreenedItem.objects.get(pk=result.item.pk).text == CRISIS_TEXT  # kept, encrypted, not lost
    assert got["alert"]["id"] == alert.pk
    assert CRISIS_TEXT not in str(got)  # events carry no content
    assert help_event["held"] is True
    assert sweeps == (1, 0)  # escalated once; idempotent within the new deadline
    assert escalated["alert"]["id"] == alert.pk
    alert.refresh_from_db()
    assert alert.tier == SafetyAlert.TIER_SUPERVISOR

    # The alert email is queued through the task mechanism and sent by the worker.
    from django.core.management import call_command

    call_command("db_worker", batch=True, verbosity=0)
    assert any("mod@example.org" in m.to for m in mail.outbox)
    assert all(CRISIS_TEXT not in m.body for m in mail.outbox)

    with time_machine.travel(alert.ack_deadline - timedelta(seconds=30), tick=False):
        actions.check_acknowledge(supervisor, alert)
        actions.check_resolve(supervisor, alert, SafetyAlert.Outcome.SUPPORTED, note="called, safe with family")
    kinds = list(AlertEvent.objects.filter(alert=alert).values_list("kind", flat=True))
    assert kinds[0] == "raised" and "escalated" in kinds and "acknowledged" in kinds and kinds[-1] == "resolved"
    logged = set(AuditEvent.objects.filter(object_id=str(alert.pk)).values_list("action", flat=True))
    assert {"safety.alert_raised", "safety.alert_escalated", "safety.alert_acknowledged",
            "safety.alert_resolved"} <= logged
    assert audit.verify_chain().ok
    result.item.refresh_from_db()
    assert result.item.label == ScreenedItem.Label.TRUE_CONCERN


@pytest.mark.django_db
def test_benign_text_is_published_and_nothing_is_stored():
    member = make_user("calm")
    result = actions.screen_and_route(member, "Had a lovely walk with my dog today.", "test.post")
    assert result.publish and result.alert is None and result.item is None
    assert not ScreenedItem.objects.exists()


@pytest.mark.django_db
def test_a_failing_screener_holds_the_content_for_people(monkeypatch):
    class Broken:
        def screen(self, *args, **kwargs):
            raise RuntimeError("model file corrupt")

    monkeypatch.setattr(actions, "site_screener", Broken)
    member = make_user("unlucky")
    result = actions.screen_and_route(member, "some words", "test.post")
    assert result.decision == actions.HOLD and not result.publish
    item = ScreenedItem.objects.get()
    assert item.text == "some words" and item.status == ScreenedItem.Status.HELD


@pytest.mark.django_db
def test_nobody_on_duty_sends_the_alert_to_supervisors():
    member = make_user("alone")
    supervisor = make_user("sup2", "clinical_supervisor")
    alert = actions.raise_alert(member, source="selfcare.phq9", level="moderate")
    notified = AlertEvent.objects.get(alert=alert, kind="notified")
    assert notified.detail["recipients"] == [supervisor.pk]


@pytest.mark.django_db
def test_escalation_goes_on_to_administrators_and_stops_there():
    member = make_user("m3")
    admin = make_user("adm", "administrator")
    alert = actions.raise_alert(member, source="x", level="imminent")
    now = timezone.now()
    for minutes in (3, 6, 9, 12):
        with time_machine.travel(now + timedelta(minutes=minutes), tick=False):
            actions.escalate_overdue_alerts()
    alert.refresh_from_db()
    assert alert.tier == SafetyAlert.TIER_ADMIN
    last = AlertEvent.objects.filter(alert=alert, kind="notified").last()
    assert admin.pk in last.detail["recipients"]


@pytest.mark.django_db
def test_acknowledged_alerts_do_not_escalate():
    member = make_user("m4")
    mod = make_user("mod4", "moderator")
    alert = actions.raise_alert(member, source="x", level="high")
    actions.check_acknowledge(mod, alert)
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        assert actions.escalate_overdue_alerts() == 0


@pytest.mark.django_db
def test_dashboard_and_alert_pages_are_staff_only_and_audited():
    member = make_user("m5")
    mod = make_user("mod5", "moderator")
    alert = actions.raise_alert(member, source="x", level="high")
    assert login_client(member).get(f"/staff/safety/alerts/{alert.pk}/").status_code in {302, 404}
    assert login_client(make_user("peer", "peer_supporter"), two_factor=True).get(
        f"/staff/safety/alerts/{alert.pk}/").status_code == 404
    staff = login_client(mod, two_factor=True)
    assert staff.get("/staff/safety/").status_code == 200
    assert staff.get(f"/staff/safety/alerts/{alert.pk}/").status_code == 200
    assert AuditEvent.objects.filter(action="safety.alert_viewed", actor_id=mod.pk).exists()
    assert staff.get("/staff/safety/alerts/999999/").status_code == 404
    response = staff.post(f"/staff/safety/alerts/{alert.pk}/action/", {"action": "resolve", "outcome": "bogus"})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.status == SafetyAlert.Status.OPEN


@pytest.mark.django_db
def test_staff_api_needs_a_two_factor_token(api_as):
    member = make_user("m6")
    mod = make_user("mod6", "moderator")
    alert = actions.raise_alert(member, source="x", level="high")
    assert api_as(mod, two_factor=False).get("/api/v1/staff/safety/alerts").status_code == 403
    api = api_as(mod, two_factor=True)
    listed = api.get("/api/v1/staff/safety/alerts")
    assert listed.status_code == 200 and listed.json()[0]["id"] == alert.pk
    assert api.post(f"/api/v1/staff/safety/alerts/{alert.pk}/acknowledge").status_code == 200
    assert api.post(f"/api/v1/staff/safety/alerts/{alert.pk}/acknowledge").status_code == 409
    assert api.post(f"/api/v1/staff/safety/alerts/{alert.pk}/resolve", {"outcome": "referred"}).status_code == 200
    assert api_as(member, two_factor=True).get("/api/v1/staff/safety/alerts").status_code == 404


@pytest.mark.django_db
def test_moderator_decisions_export_as_labelled_examples(capsys):
    from django.core.management import call_command

    member = make_user("m7")
    mod = make_user("mod7", "moderator")
    item = ScreenedItem.objects.create(author=member, source="x", text="ugh this exam is killing me", level="moderate",
                                       decision="publish", status="flagged")
    actions.check_review_item(mod, item, "false_alarm", release=True)
    call_command("safety", "export-labels")
    out = capsys.readouterr().out
    assert "text,label" in out and "ugh this exam is killing me,0" in out


@pytest.mark.django_db
@pytest.mark.parametrize(("delivered_anyway", "held"), [(False, True), (True, False)])
def test_help_event_says_held_only_when_the_words_were_held(delivered_anyway, held, monkeypatch,
                                                            django_capture_on_commit_callbacks):
    import json

    from hearthside.conftest import make_user
    from hearthside.core import events
    from hearthside.safety.actions import screen_and_route

    sent = []
    monkeypatch.setattr(events.hub, "publish", lambda topic, frame: sent.append((topic, json.loads(frame))))
    person = make_user("held-or-not")
    with django_capture_on_commit_callbacks(execute=True):
        route = screen_and_route(person, "I'm going to kill myself tonight, I have the pills", "test.source",
                                 delivered_anyway=delivered_anyway)
    assert route.decision == "crisis"
    help_events = [frame for topic, frame in sent if topic == f"user.{person.pk}" and frame["type"] == "safety.help"]
    assert [e["held"] for e in help_events] == [held]


@pytest.mark.django_db(transaction=True)
def test_a_staff_socket_hears_each_alert_event_once():
    """The dashboard topic reaches every staff socket that proved a second factor; the alert's
    recipients were also sent it on a per-person topic that the same sockets joined, so each
    heard a new alert, and each rise, twice."""
    from channels.db import database_sync_to_async as db

    from hearthside.testing.sockets import drain

    member = make_user("writer2", country="GB")
    moderator = make_user("mod2", "moderator")
    _on_duty(moderator)
    sock = _socket_for(moderator)

    async def scenario():
        connected, _ = await sock.connect()
        assert connected
        assert (await sock.receive_json_from())["type"] == "hello"
        alert = await db(actions.raise_alert)(member, source="test.post", source_id="1", level="moderate")
        await db(actions.raise_alert)(member, source="test.post", source_id="2", level="high")
        frames = await drain(sock, quiet=1.0)
        await sock.disconnect()
        return alert, frames

    alert, frames = async_to_sync(scenario)()
    kinds = [f["type"] for f in frames if f.get("alert", {}).get("id") == alert.pk]
    assert kinds == ["alert.new", "alert.updated"]
