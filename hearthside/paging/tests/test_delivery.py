"""Sending pages: timeouts, concurrency, retries through the task queue, the real SMS adapter."""

from __future__ import annotations

import base64
import json
import time
from datetime import timedelta
from urllib.parse import parse_qs

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hearthside.conftest import make_user
from hearthside.paging import actions
from hearthside.paging.delivery import deliver_pages
from hearthside.paging.models import Page, PushSubscription
from hearthside.paging.sms import FakeSmsProvider, SmsError, TwilioCompatibleProvider
from hearthside.paging.tests.conftest import run_worker, staff
from hearthside.paging.tests.fakes import FakeHTTPService, HangingService
from hearthside.safety import actions as safety
from hearthside.safety.models import AlertEvent

pytestmark = pytest.mark.django_db(transaction=True)
TIMEOUT = 2


def _twilio(settings, url):
    settings.PAGING_SMS_PROVIDER = "twilio"
    settings.PAGING_SMS_BASE_URL = url
    settings.PAGING_SMS_ACCOUNT = "AC0123"
    settings.PAGING_SMS_TOKEN = "secret-token"
    settings.PAGING_SMS_FROM = "+15005550006"


def _escalate(member, start):
    """Raise a high alert at ``start`` and escalate it past its deadline (pages tier 1 at once)."""
    with time_machine.travel(start, tick=False):
        alert = safety.raise_alert(member, source="test.post", level="high")
    with time_machine.travel(start + timedelta(seconds=601), tick=False):
        assert safety.escalate_overdue_alerts() == 1
    return alert


def test_a_hanging_service_does_not_delay_other_peoples_pages_or_the_email(paging):
    """Two recipients' services accept and never answer; the third is paged at once, the e-mail of
    the same escalation goes out, and the whole round takes about one timeout, not one per hang."""
    paging.PAGING_TIMEOUT_SECONDS = TIMEOUT
    with FakeHTTPService() as push, HangingService() as hang:
        _twilio(paging, hang.url)  # every text message goes to a provider that hangs
        staff("hangs_push", "clinical_supervisor", push={**push.subscription("x"), "endpoint": f"{hang.url}/push/a"})
        staff("hangs_sms", "clinical_supervisor", phone="+447700900222")
        staff("answers", "clinical_supervisor", push=push.subscription("answers"))
        staff("mod", on_duty=True)
        alert = _escalate(make_user("writer"), timezone.now() - timedelta(seconds=700))
        assert Page.objects.filter(reason="escalation").count() == 3

        run_worker()  # the page batch (first: higher priority), then the alert e-mail
        finished = time.monotonic()

        [got] = push.to("answers")
        assert len(hang.accepted) == 2 and len(hang.closed) == 2
        sent = min(hang.accepted)  # the moment the round's sends began (the worker's start-up varies)
        assert got["at"] - sent < 0.5, "the answering service waited for the hanging ones"
        # Each hanging send gave up after the timeout, and only after the good page had gone out.
        assert min(hang.closed) > got["at"]
        assert all(TIMEOUT * 0.9 <= closed - sent < TIMEOUT * 1.5 for closed in hang.closed)
        # The round, e-mail included, took one timeout, not one per hang (2 x TIMEOUT one by one).
        assert finished - sent < TIMEOUT * 1.75, finished - sent
        assert {"answers@example.org"} <= {to for m in mail.outbox for to in m.to}

    statuses = dict(Page.objects.values_list("user__username", "status"))
    assert statuses == {"answers": "sent", "hangs_push": "pending", "hangs_sms": "pending"}
    failed = AlertEvent.objects.filter(alert=alert, kind="page_failed")
    assert sorted(e.detail["error"] for e in failed) == ["timeout", "timeout"]
    assert all(e.detail["retry"] is True for e in failed)


def test_a_failing_send_is_retried_by_the_task_queue_and_the_failure_is_on_the_timeline(paging):
    with FakeHTTPService(statuses=[503]) as provider:
        _twilio(paging, provider.url)
        sup = staff("sup", "clinical_supervisor", phone="+44 7700 900222")
        staff("mod", on_duty=True)
        start = timezone.now() - timedelta(seconds=700)
        alert = _escalate(make_user("writer"), start)
        run_worker()

        page = Page.objects.get(user=sup)
        assert (page.status, page.attempts, page.error) == ("pending", 1, "http 503")
        [failed] = AlertEvent.objects.filter(alert=alert, kind="page_failed")
        assert failed.detail == {"channel": "sms", "user": sup.pk, "tier": 1, "reason": "escalation", "attempt": 1,
                                 "error": "http 503", "retry": True}
        retry = DBTaskResult.objects.filter(status="READY").get()
        assert retry.priority == actions.RETRY_PRIORITY
        assert abs((retry.run_after - page.next_attempt_at).total_seconds()) < 1
        assert 29 <= (page.next_attempt_at - timezone.now()).total_seconds() <= 31

        run_worker()  # not due yet: nothing happens
        assert len(provider.requests) == 1
        with time_machine.travel(page.next_attempt_at + timedelta(seconds=1), tick=False):
            run_worker()
        assert len(provider.requests) == 2

    page.refresh_from_db()
    assert (page.status, page.attempts) == ("sent", 2)
    [paged] = AlertEvent.objects.filter(alert=alert, kind="paged")
    assert paged.detail["attempt"] == 2
    request = provider.requests[-1]
    assert request["path"] == "/2010-04-01/Accounts/AC0123/Messages.json"
    assert request["headers"]["Authorization"] == "Basic " + base64.b64encode(b"AC0123:secret-token").decode()
    form = parse_qs(request["body"].decode())
    assert form == {"To": ["+447700900222"], "From": ["+15005550006"],
                    "Body": [f"A safety alert needs you: https://care.example.org/staff/safety/alerts/{alert.pk}/"]}


def test_a_page_that_keeps_failing_stops_after_the_last_attempt(paging):
    paging.PAGING_MAX_ATTEMPTS = 2
    FakeSmsProvider.fail_next.extend([SmsError("http 500", permanent=False)] * 3)
    sup = staff("sup", "clinical_supervisor", phone="+447700900222")
    alert = _escalate(make_user("writer"), timezone.now() - timedelta(seconds=700))
    [page_id] = Page.objects.values_list("pk", flat=True)
    assert deliver_pages([page_id])["retry"] == 1
    page = Page.objects.get(pk=page_id)
    with time_machine.travel(page.next_attempt_at, tick=False):
        assert deliver_pages([page_id])["failed"] == 1
    page.refresh_from_db()
    assert (page.status, page.attempts) == ("failed", 2)
    events = AlertEvent.objects.filter(alert=alert, kind="page_failed").order_by("pk")
    assert [(e.detail["attempt"], e.detail["retry"]) for e in events] == [(1, True), (2, False)]
    assert sup.pk == page.user_id


def test_a_refused_number_is_not_retried(paging):
    with FakeHTTPService(statuses=[400]) as provider:
        _twilio(paging, provider.url)
        staff("sup", "clinical_supervisor", phone="+447700900222")
        _escalate(make_user("writer"), timezone.now() - timedelta(seconds=700))
        run_worker()
    page = Page.objects.get()
    assert (page.status, page.error) == ("failed", "http 400")
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_a_browser_the_push_service_forgot_is_removed(paging):
    with FakeHTTPService(statuses=[410]) as push:
        sup = staff("sup", "clinical_supervisor", push=push.subscription("sup"))
        _escalate(make_user("writer"), timezone.now() - timedelta(seconds=700))
        run_worker()
    page = Page.objects.get()
    assert (page.status, page.error) == ("failed", "http 410")
    assert not PushSubscription.objects.filter(user=sup).exists()


def test_one_browser_reached_is_a_page(paging):
    with FakeHTTPService(statuses=[201, 503]) as push:
        sup = staff("sup", "clinical_supervisor", push=push.subscription("phone"))
        actions.check_subscribe(sup, push.subscription("laptop"))
        _escalate(make_user("writer"), timezone.now() - timedelta(seconds=700))
        run_worker()
        assert len(push.requests) == 2
    page = Page.objects.get()
    assert page.status == "sent" and len(page.delivered) == 1


def test_the_push_carries_a_vapid_signature_for_its_push_service(paging):
    with FakeHTTPService() as push:
        staff("sup", "clinical_supervisor", push=push.subscription("sup"))
        _escalate(make_user("writer"), timezone.now() - timedelta(seconds=700))
        run_worker()
        [request] = push.requests
    headers = {k.lower(): v for k, v in request["headers"].items()}
    assert headers["content-encoding"] == "aes128gcm"
    assert headers["urgency"] == "high"
    token, key = _vapid_parts(headers["authorization"])
    assert key == paging.PAGING_VAPID_PUBLIC_KEY
    claims = _verified_claims(token, key)
    assert claims["aud"] == push.url and claims["sub"] == "mailto:oncall@example.org"


def _vapid_parts(header: str) -> tuple[str, str]:
    scheme, _space, params = header.partition(" ")
    assert scheme == "vapid"
    parts = dict(p.strip().split("=", 1) for p in params.split(","))
    return parts["t"], parts["k"]


def _verified_claims(token: str, public_key: str) -> dict:
    """Check the JWT's ES256 signature with the VAPID public key (RFC 8292), return its claims."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    from hearthside.paging.push import b64url_decode

    signed, _dot, signature = token.rpartition(".")
    raw = b64url_decode(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(public_key))
    key.verify(der, signed.encode(), ec.ECDSA(hashes.SHA256()))  # raises when forged
    return json.loads(b64url_decode(signed.split(".")[1]))


def test_the_sms_adapter_gives_up_on_a_hanging_provider_after_its_timeout():
    with HangingService() as hang:
        provider = TwilioCompatibleProvider(hang.url, "AC1", "tok", "+15005550006")
        started = time.monotonic()
        with pytest.raises(SmsError) as failure:
            provider.send("+447700900123", "A safety alert needs you", timeout=0.5)
        elapsed = time.monotonic() - started
    assert failure.value.code == "timeout" and not failure.value.permanent
    assert 0.4 < elapsed < 2.0


@pytest.mark.parametrize(("status", "permanent"), [(400, True), (401, True), (429, False), (500, False),
                                                   (503, False)])
def test_the_sms_adapter_tells_lasting_failures_from_passing_ones(status, permanent):
    with FakeHTTPService(statuses=[status]) as service:
        with pytest.raises(SmsError) as failure:
            TwilioCompatibleProvider(service.url, "AC1", "tok", "+1500").send("+447700900123", "x", timeout=2)
    assert failure.value.code == f"http {status}" and failure.value.permanent is permanent


def test_the_sms_adapter_returns_the_providers_message_id():
    with FakeHTTPService(body=b'{"sid": "SM42", "status": "queued"}') as service:
        assert TwilioCompatibleProvider(service.url, "AC1", "tok", "+1500").send("+447700900123", "x", timeout=2) == "SM42"


def test_stalled_pages_are_queued_again(paging):
    staff("sup", "clinical_supervisor", phone="+447700900222")
    _escalate(make_user("writer"), timezone.now() - timedelta(seconds=700))
    DBTaskResult.objects.all().delete()  # the queued task was lost
    assert actions.requeue_stalled_pages() == 0  # not yet: it may simply be waiting its turn
    with time_machine.travel(timezone.now() + timedelta(seconds=paging.PAGING_REQUEUE_AFTER_SECONDS + 1), tick=False):
        assert actions.requeue_stalled_pages() == 1
        run_worker()
    assert Page.objects.get().status == "sent"
    assert len(FakeSmsProvider.outbox) == 1
