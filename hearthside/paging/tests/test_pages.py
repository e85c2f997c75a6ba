"""The staff paging page, its JSON endpoints, the service worker, settings checks and personal data."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from hearthside.conftest import login_client, make_user
from hearthside.core.personal_data import erase_rows, export_rows
from hearthside.paging import checks
from hearthside.paging.models import Page, PagingProfile, PushSubscription
from hearthside.paging.push import generate_vapid_keys, vapid_problem
from hearthside.paging.sms import FakeSmsProvider
from hearthside.paging.tests.conftest import run_worker, staff
from hearthside.paging.tests.fakes import FakeHTTPService

pytestmark = pytest.mark.django_db
PAGE = "/staff/paging/"


def _post_json(client, path, body):
    return client.post(path, body if isinstance(body, str | bytes) else json.dumps(body),
                       content_type="application/json")


def test_non_staff_get_404_on_the_paging_page(paging, member, practitioner):
    for user in (member, practitioner, make_user("peer", "peer_supporter")):
        client = login_client(user, two_factor=True)
        assert client.get(PAGE).status_code == 404
        assert client.post(PAGE, {"action": "test"}).status_code == 404
        assert _post_json(client, PAGE + "subscribe/", {"endpoint": "https://push.example/x"}).status_code == 404
        assert _post_json(client, PAGE + "unsubscribe/", {"endpoint": "https://push.example/x"}).status_code == 404
    assert not Page.objects.exists() and not PushSubscription.objects.exists()


def test_staff_need_a_second_factor_and_visitors_a_log_in(paging, moderator, anon):
    response = login_client(moderator).get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two_factor"))
    response = anon.get(PAGE)
    assert response.status_code == 302 and "login" in response["Location"]


def test_alert_staff_see_the_page_with_the_sites_vapid_key(paging, moderator):
    response = login_client(moderator, two_factor=True).get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-key="{paging.PAGING_VAPID_PUBLIC_KEY}"' in html
    assert "/static/hearthside/js/paging.js" in html
    # The site's one service worker, scope "/" (core/device.py); the old scope is only moved from.
    assert 'data-sw-url="/sw.js"' in html and 'data-scope="/"' in html
    assert 'data-legacy-scope="/staff/paging/"' in html
    assert paging.PAGING_VAPID_PRIVATE_KEY not in html


def test_a_browser_subscribes_and_unsubscribes(paging, moderator):
    client = login_client(moderator, two_factor=True)
    with FakeHTTPService() as push:
        subscription = push.subscription("mine")
    response = _post_json(client, PAGE + "subscribe/", {**subscription, "expirationTime": None})
    assert response.status_code == 201 and response.json() == {"ok": True, "devices": 1}
    assert _post_json(client, PAGE + "subscribe/", subscription).json()["devices"] == 1  # same browser again
    sub = PushSubscription.objects.get(user=moderator)
    assert sub.endpoint == subscription["endpoint"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT endpoint, p256dh, auth FROM paging_pushsubscription")
        raw = " ".join(cursor.fetchone())
    assert "127.0.0.1" not in raw and subscription["keys"]["auth"] not in raw  # encrypted at rest

    assert _post_json(client, PAGE + "unsubscribe/", {"endpoint": subscription["endpoint"]}).json() == {
        "ok": True, "removed": 1}
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(("body", "message"), [
    ("{not json", "Send JSON."),
    ([1, 2], "Send the browser's push subscription"),
    ({"endpoint": "https://push.example/x"}, "Send the browser's push subscription"),
    ({"endpoint": "https://push.example/x", "keys": {"p256dh": 5, "auth": "x"}}, "Send the browser's push subscription"),
    ({"endpoint": "http://push.example/x", "keys": {"p256dh": "BA", "auth": "AAAAAAAAAAAAAAAAAAAAAA"}}, "https"),
    ({"endpoint": "https://push.example/x", "keys": {"p256dh": "BAAA", "auth": "AAAAAAAAAAAAAAAAAAAAAA"}}, "P-256"),
])
def test_a_malformed_subscription_gets_a_400_with_a_message(paging, moderator, body, message):
    client = login_client(moderator, two_factor=True)
    response = _post_json(client, PAGE + "subscribe/", body)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not PushSubscription.objects.exists()


def test_a_subscription_with_a_short_auth_secret_is_refused(paging, moderator):
    with FakeHTTPService() as push:
        subscription = push.subscription("mine")
    subscription["keys"]["auth"] = "c2hvcnQ"
    response = _post_json(login_client(moderator, two_factor=True), PAGE + "subscribe/", subscription)
    assert response.status_code == 400 and "16 bytes" in response.json()["error"]


def test_push_cannot_be_turned_on_when_the_site_has_no_vapid_keys(paging, moderator):
    paging.PAGING_VAPID_PUBLIC_KEY = paging.PAGING_VAPID_PRIVATE_KEY = ""
    with FakeHTTPService() as push:
        subscription = push.subscription("mine")
    client = login_client(moderator, two_factor=True)
    response = _post_json(client, PAGE + "subscribe/", subscription)
    assert response.status_code == 400 and "not set up" in response.json()["error"]
    assert "Web Push is not set up on this site" in client.get(PAGE).content.decode()


def test_an_invalid_phone_number_gets_a_400_with_a_message(paging, moderator):
    client = login_client(moderator, two_factor=True)
    for bad in ("07700 900123", "+44 77", "call me", "+0 7700 900123", "+44 7700 900123 ext 5"):
        response = client.post(PAGE, {"action": "phone", "phone": bad})
        assert response.status_code == 400, bad
        assert "international form" in response.content.decode()
    assert not PagingProfile.objects.exists()


def test_a_phone_number_is_saved_encrypted_and_can_be_removed(paging, moderator):
    client = login_client(moderator, two_factor=True)
    response = client.post(PAGE, {"action": "phone", "phone": "+44 (7700) 900-123"})
    assert response.status_code == 302
    assert PagingProfile.objects.get(user=moderator).phone == "+447700900123"
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM paging_pagingprofile")
        assert "7700900123" not in cursor.fetchone()[0]
    assert client.post(PAGE, {"action": "phone", "phone": ""}).status_code == 302
    assert not PagingProfile.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_staff_member_sends_themselves_a_test_page(paging):
    with FakeHTTPService() as push:
        mod = staff("mod", phone="+447700900123", push=push.subscription("mod"))
        client = login_client(mod, two_factor=True)
        assert client.post(PAGE, {"action": "test"}).status_code == 302
        run_worker()
        [request] = push.to("mod")
        assert json.loads(push.decrypt(request))["title"].startswith("Test page")
    assert FakeSmsProvider.outbox[0]["to"] == "+447700900123"
    assert set(Page.objects.values_list("reason", "status")) == {("test", "sent")}
    again = client.post(PAGE, {"action": "test"})
    assert again.status_code == 429 and "30 seconds" in again.content.decode()
    assert "Recent test pages" in client.get(PAGE).content.decode()


def test_a_test_page_needs_a_channel(paging, moderator):
    response = login_client(moderator, two_factor=True).post(PAGE, {"action": "test"})
    assert response.status_code == 400 and "first" in response.content.decode()


def test_a_staff_member_removes_only_their_own_browsers(paging):
    with FakeHTTPService() as push:
        mine = staff("mod", push=push.subscription("mod"))
        other = staff("other", push=push.subscription("other"))
    theirs = PushSubscription.objects.get(user=other)
    client = login_client(mine, two_factor=True)
    client.post(PAGE, {"action": "remove_device", "device": theirs.pk})
    assert PushSubscription.objects.filter(user=other).exists()
    assert client.post(PAGE, {"action": "remove_device", "device": "x"}).status_code == 400
    client.post(PAGE, {"action": "remove_device", "device": PushSubscription.objects.get(user=mine).pk})
    assert not PushSubscription.objects.filter(user=mine).exists()


def test_the_service_worker_is_served_from_the_site(anon):
    response = anon.get(PAGE + "sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert "showNotification" in body and "notificationclick" in body
    assert "importScripts" not in body and "://" not in body  # nothing loaded or opened from elsewhere


def test_vapid_keys_command_prints_a_usable_pair(capsys):
    call_command("paging", "vapid-keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    assert vapid_problem(lines["HEARTHSIDE_VAPID_PUBLIC_KEY"], lines["HEARTHSIDE_VAPID_PRIVATE_KEY"]) == ""


def test_the_system_check_refuses_keys_that_do_not_belong_together(settings):
    public, _private = generate_vapid_keys()
    _other, private = generate_vapid_keys()
    settings.PAGING_VAPID_PUBLIC_KEY, settings.PAGING_VAPID_PRIVATE_KEY = public, private
    assert [e.id for e in checks.vapid_keys_are_usable()] == ["hearthside.paging.E002"]
    settings.PAGING_VAPID_PRIVATE_KEY = ""
    assert [e.id for e in checks.vapid_keys_are_usable()] == ["hearthside.paging.E001"]
    settings.PAGING_VAPID_PUBLIC_KEY, settings.PAGING_VAPID_PRIVATE_KEY = generate_vapid_keys()
    settings.PAGING_VAPID_SUBJECT, settings.SITE_URL = "", "http://127.0.0.1:8000"
    assert [e.id for e in checks.vapid_keys_are_usable()] == ["hearthside.paging.E003"]
    settings.PAGING_VAPID_SUBJECT = "mailto:oncall@example.org"
    assert checks.vapid_keys_are_usable() == []


def test_paging_data_is_exported_and_erased_with_the_account(paging):
    with FakeHTTPService() as push:
        mod = staff("mod", phone="+447700900123", push=push.subscription("mod"))
    Page.objects.create(user=mod, channel="sms", reason="test")
    data = export_rows(mod)
    assert data["paging.pagingprofile"][0]["phone"] == "+447700900123"
    assert "auth" not in data["paging.pushsubscription"][0] and "p256dh" not in data["paging.pushsubscription"][0]
    assert data["paging.page"][0]["reason"] == "test"
    erase_rows(mod)
    assert not PagingProfile.objects.exists() and not PushSubscription.objects.exists() and not Page.objects.exists()
