from __future__ import annotations

import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from hearthside.conftest import PASSWORD, login_client

pytestmark = pytest.mark.django_db


def _login(client, username="member", password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_signup_form_creates_account_and_logs_in(anon):
    response = anon.post("/accounts/signup/", {
        "username": "webperson", "pseudonym": "Web Person", "password": "gentle-morning-tide-9",
        "time_zone": "Europe/Madrid", "accept_privacy": "on", "consents": ["health_data"],
    })
    assert response.status_code == 302
    from hearthside.accounts.actions import has_consent
    from hearthside.accounts.models import User

    user = User.objects.get(username="webperson")
    assert has_consent(user, "privacy") and has_consent(user, "health_data")
    assert not has_consent(user, "research")
    assert anon.get("/accounts/settings/").status_code == 200


def test_signup_form_shows_errors_and_changes_nothing(anon):
    from hearthside.accounts.models import User

    response = anon.post("/accounts/signup/", {"username": "a", "pseudonym": "", "password": "123",
                                               "time_zone": "UTC"})
    assert response.status_code == 200
    assert b'class="error"' in response.content
    assert User.objects.count() == 0


def test_login_rotates_the_session_key(member):
    client = Client()
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    assert _login(client).status_code == 302
    assert client.session.session_key != before
    assert client.session.get("_auth_user_id") == str(member.pk)


def test_wrong_password_and_unknown_user_look_the_same(member):
    wrong = _login(Client(), password="not-it-at-all")
    unknown = _login(Client(), username="nobody")
    assert wrong.status_code == unknown.status_code == 200
    assert b"did not match" in wrong.content and b"did not match" in unknown.content


def test_lockout_after_repeated_failures(member, settings):
    settings.LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    for _ in range(3):
        _login(Client(), password="wrong-password")
    response = _login(Client())
    assert response.status_code == 200
    assert b"Too many attempts" in response.content
    assert "_auth_user_id" not in Client().session


def test_logout_kills_the_session_server_side(member):
    client = Client()
    _login(client)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/accounts/settings/").status_code == 302


def test_logout_needs_post(member):
    client = login_client(member)
    assert client.get("/accounts/logout/").status_code == 405


def test_password_change_ends_other_sessions(member):
    phone, laptop = Client(), Client()
    _login(phone)
    _login(laptop)
    response = laptop.post("/accounts/password/", {"old_password": PASSWORD, "new_password": "brand-new-passphrase-7"})
    assert response.status_code == 302
    assert laptop.get("/accounts/settings/").status_code == 200
    assert phone.get("/accounts/settings/").status_code == 302


def test_password_change_rejects_wrong_current_password(member):
    client = login_client(member)
    response = client.post("/accounts/password/", {"old_password": "nope-nope", "new_password": "brand-new-passphrase-7"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_idle_timeout_logs_out(member, settings):
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client = Client()
        _login(client)
        assert client.get("/accounts/settings/").status_code == 200
        traveller.shift(29 * 60)
        assert client.get("/accounts/settings/").status_code == 200
        traveller.shift(29 * 60)  # activity above reset the idle clock
        assert client.get("/accounts/settings/").status_code == 200
        traveller.shift(31 * 60)
        assert client.get("/accounts/settings/").status_code == 302


def test_absolute_timeout_logs_out_even_when_active(member, settings):
    settings.SESSION_ABSOLUTE_TIMEOUT = 12 * 3600
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client = Client()
        _login(client)
        for _ in range(30):  # 30 × 25 min = 12.5 h of steady activity
            traveller.shift(25 * 60)
            response = client.get("/accounts/settings/")
        assert response.status_code == 302


def test_staff_without_two_factor_is_refused_staff_pages(moderator):
    client = login_client(moderator)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/accounts/two-factor/" in response["Location"]


def test_staff_with_two_factor_reaches_staff_pages(db):
    from hearthside.conftest import make_user

    admin = make_user("chiefadmin", "administrator")
    client = login_client(admin, two_factor=True)
    assert client.get("/admin/").status_code == 200


def test_totp_enrolment_and_login_with_a_code(member):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = login_client(member)
    page = client.get("/accounts/two-factor/")
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=member, confirmed=False)
    bad = client.post("/accounts/two-factor/", {"code": "000000"})
    assert b"did not match" in bad.content
    # django-otp throttles a device for a moment after a wrong code.
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=3), tick=False):
        done = client.post("/accounts/two-factor/", {"code": f"{totp(device.bin_key):06d}"})
    assert done.status_code == 200 and b"recovery-codes" in done.content
    client.post("/accounts/logout/")
    fresh = Client()
    step1 = _login(fresh)
    assert step1.status_code == 302 and step1["Location"].endswith("/accounts/login/code/")
    assert "_auth_user_id" not in fresh.session
    device.refresh_from_db()
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=65), tick=False):
        step2 = fresh.post("/accounts/login/code/", {"code": f"{totp(device.bin_key):06d}"})
    assert step2.status_code == 302
    assert fresh.session.get("_auth_user_id") == str(member.pk)


def test_recovery_code_works_once(member):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.accounts import actions

    TOTPDevice.objects.create(user=member, name="phone", confirmed=True)
    codes = actions._new_recovery_codes(member)
    assert actions.verify_second_factor(member, codes[0]) is not None
    assert actions.verify_second_factor(member, codes[0]) is None


def test_token_revoke_page_is_404_for_someone_elses_token(member, other_member):
    from hearthside.accounts.actions import do_create_token

    token, _raw = do_create_token(member, "mine", "read", two_factor=False)
    response = login_client(other_member).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_export_download_from_the_privacy_page(member):
    import json

    response = login_client(member).post("/accounts/privacy/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["account"]["username"] == "member"


def test_delete_account_needs_the_password(member):
    client = login_client(member)
    bad = client.post("/accounts/privacy/delete/", {"password": "wrong", "confirm": "on"})
    assert bad.status_code == 400
    member.refresh_from_db()
    assert member.is_active
    good = client.post("/accounts/privacy/delete/", {"password": PASSWORD, "confirm": "on"})
    assert good.status_code == 302
    member.refresh_from_db()
    assert not member.is_active and member.erasure_requested_at is not None


def test_every_audited_login_and_failure(member):
    from hearthside.core.models import AuditEvent

    _login(Client(), password="wrong-password")
    _login(Client())
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "auth.login_failed" in actions and "auth.login" in actions


def test_help_page_works_logged_out_and_shows_the_country_lines(anon, member):
    page = anon.get("/help/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert page.status_code == 200
    assert b"999" in page.content  # the UK emergency number
    # The only script is the quick exit (the page works without it: a plain link).
    scripts = re.findall(rb"<script[^>]*>", page.content)
    assert scripts == [b'<script src="/static/hearthside/js/quick_exit.js" defer>'], scripts
    logged_in = login_client(member).get("/help/")
    assert b"Samaritans" in logged_in.content


def test_wrong_codes_lock_the_code_step_even_after_a_correct_password(member, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    TOTPDevice.objects.create(user=member, name="phone", confirmed=True)
    for _ in range(4):
        client = Client()
        assert _login(client)["Location"].endswith("/accounts/login/code/")  # the password is right
        with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5), tick=False):
            response = client.post("/accounts/login/code/", {"code": "000000"})
    assert b"Too many attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_the_admin_has_no_password_form_of_its_own(member):
    from hearthside.conftest import make_user

    make_user("theadmin", "administrator")
    client = login_client(member)
    response = client.post("/admin/login/", {"username": "theadmin", "password": PASSWORD})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.session.get("_auth_user_id") == str(member.pk)


def test_is_staff_without_a_role_still_needs_two_factor(db):
    from hearthside.conftest import make_user

    user = make_user("legacy")
    user.is_staff = user.is_superuser = True
    user.save()
    response = login_client(user).get("/admin/")
    assert response.status_code == 302 and "two-factor" in response["Location"]


def test_removing_the_administrator_role_in_the_admin_removes_admin_access(db):
    from hearthside.accounts.models import RoleGrant
    from hearthside.conftest import make_user

    chief = make_user("chief", "administrator")
    other = make_user("exadmin", "administrator")
    client = login_client(chief, two_factor=True)
    grant = RoleGrant.objects.get(user=other, role="administrator")
    data = {
        "pseudonym": other.pseudonym, "email": "", "country": "", "time_zone": "UTC", "language": "en",
        "year_of_birth": "", "is_active": "on",
        "role_grants-TOTAL_FORMS": "1", "role_grants-INITIAL_FORMS": "1", "role_grants-MIN_NUM_FORMS": "0",
        "role_grants-MAX_NUM_FORMS": "1000", "role_grants-0-id": str(grant.pk), "role_grants-0-user": str(other.pk),
        "role_grants-0-role": "administrator", "role_grants-0-DELETE": "on",
    }
    response = client.post(f"/admin/accounts/user/{other.pk}/change/", data)
    assert response.status_code == 302, response.content[:2000]
    other.refresh_from_db()
    assert not other.is_staff and not other.is_superuser
