"""Who is paged, when, and with what: half the deadline, escalation, acknowledgement, idempotency."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from hearthside.conftest import make_user
from hearthside.core.periodic import LANES
from hearthside.paging import actions
from hearthside.paging.delivery import deliver_pages
from hearthside.paging.models import HalfwayMark, Page
from hearthside.paging.sms import FakeSmsProvider
from hearthside.paging.tests.conftest import SITE, run_worker, staff
from hearthside.paging.tests.fakes import FakeHTTPService
from hearthside.safety import actions as safety
from hearthside.safety.models import AlertEvent, SafetyAlert

CRISIS_TEXT = "I have the pills saved up and I'm going to kill myself tonight after everyone is asleep."
pytestmark = pytest.mark.django_db(transaction=True)


def _alert(person, level="high"):
    return safety.raise_alert(person, source="test.post", level=level,
                              reasons=[{"construct": "plan", "label": "a plan"}])


def _events(alert, kind):
    return list(AlertEvent.objects.filter(alert=alert, kind=kind).order_by("pk"))


def test_sweeps_run_in_a_lane_of_their_own():
    assert LANES["page_unacknowledged_alerts"] == "paging"
    assert LANES["requeue_stalled_pages"] == "paging"
    assert LANES["escalate_overdue_alerts"] == "safety"


def test_an_unacknowledged_alert_pages_the_on_duty_people_at_half_its_deadline(paging):
    with FakeHTTPService() as push:
        mod = staff("mod", on_duty=True, phone="+44 7700 900123", push=push.subscription("mod"))
        off_duty = staff("offduty", phone="+44 7700 900999")
        member = make_user("writer")
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            alert = _alert(member, "high")  # 600 s to acknowledge
        assert alert.ack_deadline == start + timedelta(seconds=600)

        with time_machine.travel(start + timedelta(seconds=299), tick=False):
            assert actions.page_unacknowledged_alerts() == 0
            run_worker()
        assert not Page.objects.exists() and not push.requests and not FakeSmsProvider.outbox

        with time_machine.travel(start + timedelta(seconds=300), tick=False):
            assert actions.page_unacknowledged_alerts() == 1
            assert actions.page_unacknowledged_alerts() == 0  # the sweep again: nothing new
            run_worker()
            # Another round of the sweep and the worker later on: still nobody paged twice.
            assert actions.page_unacknowledged_alerts() == 0
            run_worker()

        pages = list(Page.objects.order_by("channel"))
        assert [(p.user_id, p.channel, p.reason, p.tier, p.status) for p in pages] == [
            (mod.pk, "push", "half_deadline", 0, "sent"), (mod.pk, "sms", "half_deadline", 0, "sent")]
        assert len(push.to("mod")) == 1
        assert FakeSmsProvider.outbox == [{"to": "+447700900123", "body": f"A safety alert needs you: "
                                                                         f"{SITE}/staff/safety/alerts/{alert.pk}/"}]
        assert off_duty.pk not in {p.user_id for p in pages}
        paged = _events(alert, "paged")
        assert sorted(e.detail["channel"] for e in paged) == ["push", "sms"]
        assert all(e.detail["user"] == mod.pk and e.detail["tier"] == 0 and e.detail["reason"] == "half_deadline"
                   for e in paged)
        assert HalfwayMark.objects.filter(alert=alert, tier=0).count() == 1


def test_acknowledging_before_half_the_deadline_pages_nobody(paging):
    mod = staff("mod", on_duty=True, phone="+447700900123")
    sup = staff("sup", "clinical_supervisor", phone="+447700900456")
    member = make_user("writer")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        alert = _alert(member, "high")
    with time_machine.travel(start + timedelta(seconds=120), tick=False):
        safety.check_acknowledge(mod, alert)
    for later in (301, 601, 1200):
        with time_machine.travel(start + timedelta(seconds=later), tick=False):
            assert actions.page_unacknowledged_alerts() == 0
            assert safety.escalate_overdue_alerts() == 0
            run_worker()
    assert not Page.objects.exists()
    assert FakeSmsProvider.outbox == []
    assert sup.pk  # the supervisor was there to be paged, and was not


def test_a_page_queued_before_the_acknowledgement_is_cancelled(paging):
    mod = staff("mod", on_duty=True, phone="+447700900123")
    member = make_user("writer")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        alert = _alert(member, "high")
    with time_machine.travel(start + timedelta(seconds=300), tick=False):
        assert actions.page_unacknowledged_alerts() == 1  # queued, the worker has not run yet
        safety.check_acknowledge(mod, alert)
        run_worker()
    assert Page.objects.get().status == Page.Status.CANCELLED
    assert FakeSmsProvider.outbox == []
    assert not _events(alert, "paged")


def test_escalation_pages_the_next_tier_at_once_and_only_once(paging):
    mod = staff("mod", on_duty=True, phone="+447700900111")
    sup = staff("sup", "clinical_supervisor", phone="+447700900222")
    admin = staff("admin", "administrator", phone="+447700900333")
    member = make_user("writer")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        alert = _alert(member, "imminent")  # 120 s
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        assert actions.page_unacknowledged_alerts() == 1
        run_worker()
    with time_machine.travel(start + timedelta(seconds=121), tick=False):
        assert safety.escalate_overdue_alerts() == 1  # sends alert_notified(tier=1) after commit
        run_worker()
    alert.refresh_from_db()
    assert alert.tier == 1
    escalation = Page.objects.get(reason=Page.Reason.ESCALATION)
    assert (escalation.user_id, escalation.tier, escalation.status) == (sup.pk, 1, "sent")
    assert [m["to"] for m in FakeSmsProvider.outbox] == ["+447700900111", "+447700900222"]

    # The same notification again (a signal sent twice) pages nobody twice.
    actions.on_alert_notified(SafetyAlert, alert=alert, tier=1, recipient_ids=[sup.pk])
    # Half of the new tier's window: the supervisor was paged by the escalation already.
    with time_machine.travel(start + timedelta(seconds=121 + 60), tick=False):
        assert actions.page_unacknowledged_alerts() == 1  # marks tier 1; pages nobody new
        run_worker()
    assert Page.objects.filter(user=sup).count() == 1
    assert len(FakeSmsProvider.outbox) == 2

    with time_machine.travel(start + timedelta(seconds=121 + 121), tick=False):
        assert safety.escalate_overdue_alerts() == 1
        run_worker()
    assert Page.objects.get(user=admin).tier == 2
    assert [m["to"] for m in FakeSmsProvider.outbox][-1] == "+447700900333"
    assert mod.pk not in set(Page.objects.filter(tier__gt=0).values_list("user_id", flat=True))


def test_page_text_has_no_health_details(paging):
    with FakeHTTPService() as push:
        mod = staff("mod", on_duty=True, phone="+447700900123", push=push.subscription("mod"))
        member = make_user("writer", pseudonym="Quiet Heron")
        result = safety.screen_and_route(member, CRISIS_TEXT, "test.post", source_id=7)
        alert = result.alert
        assert alert is not None and alert.level in {"high", "imminent"}
        with time_machine.travel(alert.ack_deadline, tick=False):
            actions.page_unacknowledged_alerts()
            run_worker()
        assert Page.objects.filter(user=mod, status="sent").count() == 2

        payload = json.loads(push.decrypt(push.to("mod")[0]))
        url = f"{SITE}/staff/safety/alerts/{alert.pk}/"
        assert payload == {"title": "A safety alert needs you", "url": url, "tag": f"hearthside-alert-{alert.pk}"}
        sms = FakeSmsProvider.outbox[0]["body"]
        assert sms == f"A safety alert needs you: {url}"
        constructs = {r.get("construct", "") for r in alert.reasons} - {""}
        for sent in (json.dumps(payload), sms):
            for secret in ("pills", "kill", "Quiet Heron", "writer", alert.level, "test.post", *constructs):
                assert secret.lower() not in sent.lower()
        # The push body on the wire is encrypted: not even the link is readable to the push service.
        assert b"safety" not in push.to("mod")[0]["body"]
        # The timeline says who was paged how, never the number or the browser's address.
        for event in _events(alert, "paged"):
            assert set(event.detail) == {"channel", "user", "tier", "reason", "attempt"}
            assert "7700" not in json.dumps(event.detail) and "127.0.0.1" not in json.dumps(event.detail)


def test_nobody_reachable_is_on_the_timeline(paging):
    mod = staff("mod", on_duty=True)  # no browser, no number
    member = make_user("writer")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        alert = _alert(member, "high")
    with time_machine.travel(start + timedelta(seconds=300), tick=False):
        actions.page_unacknowledged_alerts()
    [event] = _events(alert, "page_unreachable")
    assert event.detail == {"tier": 0, "reason": "half_deadline", "users": [mod.pk]}
    assert not Page.objects.exists()


def test_delivering_the_same_pages_twice_sends_them_once(paging):
    staff("mod", on_duty=True, phone="+447700900123")
    member = make_user("writer")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _alert(member, "high")
    with time_machine.travel(start + timedelta(seconds=300), tick=False):
        actions.page_unacknowledged_alerts()
        ids = list(Page.objects.values_list("pk", flat=True))
        assert deliver_pages(ids)["sent"] == 1
        assert deliver_pages(ids) == {"sent": 0, "retry": 0, "failed": 0, "cancelled": 0}
    assert len(FakeSmsProvider.outbox) == 1
