from __future__ import annotations

import pytest

from hearthside.conftest import PASSWORD, Api

pytestmark = pytest.mark.django_db


def test_signup_creates_an_account_and_answers_201():
    response = Api().post("/api/v1/accounts/signup",
                          {"username": "newperson", "password": "quiet-harbour-lantern", "pseudonym": "Harbour"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["username"] == "newperson" and body["pseudonym"] == "Harbour"
    assert "member" in body["roles"]


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"username": "x", "password": "quiet-harbour-lantern", "pseudonym": "Ok Name"}, "username"),
        ({"username": "goodname", "password": "short", "pseudonym": "Ok Name"}, "password"),
        ({"username": "goodname", "password": "password1234", "pseudonym": "Ok Name"}, "password"),
        ({"username": "goodname", "password": "quiet-harbour-lantern", "pseudonym": "!"}, "pseudonym"),
        ({"username": "goodname", "password": "quiet-harbour-lantern", "pseudonym": "Ok Name", "email": "nope"}, "email"),
        ({"username": "goodname", "password": "quiet-harbour-lantern", "pseudonym": "Ok Name", "year_of_birth": 2024}, "year_of_birth"),
    ],
)
def test_bad_signup_gets_a_clear_error_and_creates_nothing(payload, field):
    from hearthside.accounts.models import User

    response = Api().post("/api/v1/accounts/signup", payload)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and field in body["errors"]
    assert not User.objects.filter(username="goodname").exists()


def test_pseudonyms_are_unique_ignoring_case(member):
    response = Api().post("/api/v1/accounts/signup",
                          {"username": "someone", "password": "quiet-harbour-lantern", "pseudonym": member.pseudonym.upper()})
    assert response.status_code == 400
    assert "pseudonym" in response.json()["errors"]


def test_token_exchange_and_me(member):
    response = Api().post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD})
    assert response.status_code == 201
    token = response.json()["token"]
    me = Api(token).get("/api/v1/me")
    assert me.status_code == 200
    assert me.json()["pseudonym"] == member.pseudonym
    assert me["Cache-Control"] == "no-store"


def test_wrong_password_and_unknown_user_get_the_same_answer(member):
    wrong = Api().post("/api/v1/accounts/token", {"username": "member", "password": "not-the-password"})
    unknown = Api().post("/api/v1/accounts/token", {"username": "nobody-here", "password": "not-the-password"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_unauthenticated_calls_get_401_json(anon):
    for path in ["/api/v1/me", "/api/v1/me/export", "/api/v1/me/consents", "/api/v1/me/tokens", "/api/v1/me/safety-plan"]:
        response = anon.get(path)
        assert response.status_code == 401
        assert "detail" in response.json()


def test_an_invalid_token_is_401(member):
    assert Api("hs_not-a-real-token").get("/api/v1/me").status_code == 401


def test_read_token_cannot_write(member, api_as):
    api = api_as(member, scope="read")
    assert api.get("/api/v1/me").status_code == 200
    response = api.patch("/api/v1/me", {"pseudonym": "Renamed"})
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    member.refresh_from_db()
    assert member.pseudonym != "Renamed"


def test_patch_me_changes_profile_and_rejects_bad_values(member, api_as):
    api = api_as(member)
    ok = api.patch("/api/v1/me", {"pseudonym": "Quiet River", "country": "es", "time_zone": "Europe/Madrid"})
    assert ok.status_code == 200, ok.content
    assert ok.json()["country"] == "ES"
    bad = api.patch("/api/v1/me", {"time_zone": "Mars/Olympus"})
    assert bad.status_code == 400
    assert "time_zone" in bad.json()["errors"]
    member.refresh_from_db()
    assert member.time_zone == "Europe/Madrid"


def test_tokens_are_listed_revoked_and_owned(member, other_member, api_as):
    api = api_as(member)
    created = api.post("/api/v1/me/tokens", {"name": "script", "scope": "read"})
    assert created.status_code == 201
    new = created.json()
    assert new["token"].startswith("hs_")
    listed = api.get("/api/v1/me/tokens").json()
    assert "token" not in listed[0] and any(t["id"] == new["id"] for t in listed)
    # Another member cannot see or revoke it: 404, same as a token that does not exist.
    other = api_as(other_member)
    assert other.delete(f"/api/v1/me/tokens/{new['id']}").status_code == 404
    assert other.delete("/api/v1/me/tokens/999999").status_code == 404
    assert Api(new["token"]).get("/api/v1/me").status_code == 200
    assert api.delete(f"/api/v1/me/tokens/{new['id']}").status_code == 204
    assert Api(new["token"]).get("/api/v1/me").status_code == 401


def test_tokens_are_stored_hashed(member, api_as):
    from hearthside.accounts.models import AccessToken

    raw = api_as(member).post("/api/v1/me/tokens", {"name": "x"}).json()["token"]
    assert not AccessToken.objects.filter(token_hash=raw).exists()
    assert AccessToken.objects.filter(token_hash__contains=raw[-20:]).count() == 0


def test_consents_give_and_withdraw(member, api_as):
    from hearthside.accounts.actions import has_consent

    api = api_as(member)
    assert api.post("/api/v1/me/consents", {"purpose": "research"}).status_code == 201
    assert has_consent(member, "research")
    listed = {c["purpose"]: c for c in api.get("/api/v1/me/consents").json()}
    assert listed["research"]["given"] and listed["research"]["given_version"] == 1
    assert api.delete("/api/v1/me/consents?purpose=research").status_code == 200
    assert not has_consent(member, "research")
    assert api.post("/api/v1/me/consents", {"purpose": "nonsense"}).status_code == 422
    assert api.delete("/api/v1/me/consents?purpose=privacy").status_code == 400


def test_consent_withdrawal_stops_processing(member, api_as):
    from hearthside.safety.models import SafetyPlan

    api = api_as(member)
    api.post("/api/v1/me/consents", {"purpose": "health_data"})
    first = api.client.put("/api/v1/me/safety-plan", {"steps": {"reasons_for_living": ["my sister"]}},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert first.status_code == 200, first.content
    api.delete("/api/v1/me/consents/health_data")
    second = api.client.put("/api/v1/me/safety-plan", {"steps": {"reasons_for_living": ["changed"]}},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert second.status_code == 403
    assert SafetyPlan.objects.get(user=member).steps["reasons_for_living"] == ["my sister"]


def test_two_factor_accounts_need_a_code_for_a_token(member):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=member, name="phone", confirmed=True)
    without = Api().post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD})
    assert without.status_code == 401 and "otp" in without.json()["detail"]
    code = f"{totp(device.bin_key):06d}"
    with_code = Api().post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD, "otp": code})
    assert with_code.status_code == 201
    assert with_code.json()["two_factor"] is True
    assert Api(with_code.json()["token"]).get("/api/v1/me").json()["two_factor_enabled"] is True
    device.delete()
    assert Api(with_code.json()["token"]).get("/api/v1/me").json()["two_factor_enabled"] is False


def test_repeated_failures_lock_the_account(member, settings):
    settings.LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    for _ in range(3):
        assert Api().post("/api/v1/accounts/token", {"username": "member", "password": "wrong-wrong"}).status_code == 401
    locked = Api().post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD})
    assert locked.status_code == 429
    # Unknown names lock the same way, so lockout does not reveal which accounts exist.
    for _ in range(3):
        Api().post("/api/v1/accounts/token", {"username": "ghost", "password": "wrong-wrong"})
    assert Api().post("/api/v1/accounts/token", {"username": "ghost", "password": "x"}).status_code == 429


def test_lockout_per_address(member, settings):
    settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    for i in range(4):
        Api().post("/api/v1/accounts/token", {"username": f"name{i}", "password": "wrong-wrong"})
    assert Api().post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD}).status_code == 429


def test_staff_api_refuses_staff_without_two_factor(moderator):
    from django.test import Client

    client = Client()
    client.force_login(moderator)
    response = client.get("/api/v1/staff/anything")
    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


def test_openapi_document_lists_the_account_endpoints(anon):
    paths = anon.get("/api/v1/openapi.json").json()["paths"]
    for path in ["/api/v1/accounts/signup", "/api/v1/accounts/token", "/api/v1/me", "/api/v1/me/export",
                 "/api/v1/me/consents", "/api/v1/me/tokens", "/api/v1/me/tokens/{token_id}"]:
        assert path in paths


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(member, settings):
    """Issue #17: five wrong passwords locked any account, on-duty staff included, from every
    address. Now the lock is per account and address, and grows with each further failure."""
    import time_machine
    from django.utils import timezone

    settings.LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    settings.LOGIN_LOCKOUT_FIRST_SECONDS = 30
    attacker = {"REMOTE_ADDR": "203.0.113.66"}
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            assert Api().client.post("/api/v1/accounts/token", {"username": "member", "password": "wrong-wrong"},
                                     content_type="application/json", **attacker).status_code == 401
        # Locked for the attacker's address...
        assert Api().client.post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD},
                                 content_type="application/json", **attacker).status_code == 429
        # ...not for the member on their own address.
        mine = Api().client.post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD},
                                 content_type="application/json", REMOTE_ADDR="198.51.100.5")
        assert mine.status_code == 201
        # The attacker's lock lifts after 30 s; the next failure locks for 60 s, then 120 s.
        clock.shift(31)
        for expected_lock in (60, 120):
            assert Api().client.post("/api/v1/accounts/token", {"username": "member", "password": "wrong"},
                                     content_type="application/json", **attacker).status_code == 401
            clock.shift(expected_lock - 2)
            assert Api().client.post("/api/v1/accounts/token", {"username": "member", "password": PASSWORD},
                                     content_type="application/json", **attacker).status_code == 429
            clock.shift(3)
