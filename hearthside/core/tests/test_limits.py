"""The abuse-limit layer (issue #17: 20 sign-ups in 4.4 s, 40 forum threads in 1.4 s, 15
password-reset e-mails): each named limit answers with a clear error once it is reached, on the
page and in the API (429), and changes nothing."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from hearthside.accounts.models import User
from hearthside.conftest import PASSWORD, Api, make_user


@pytest.fixture
def low(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": "2/h", "password_reset": "2/h", "forum.thread": "2/h"}
    return settings


def _signup(i, **extra):
    return Api().client.post("/api/v1/accounts/signup", {
        "username": f"new{i}", "password": PASSWORD, "pseudonym": f"New Person {i}", "consents": []},
        content_type="application/json", **extra)


@pytest.mark.django_db
def test_signups_from_one_address_are_limited_in_the_api_and_on_the_page(low):
    assert _signup(1).status_code == 201 and _signup(2).status_code == 201
    third = _signup(3)
    assert third.status_code == 429 and "Too many" in third.json()["detail"]
    assert not User.objects.filter(username="new3").exists()
    assert _signup(4, REMOTE_ADDR="198.51.100.7").status_code == 201  # another address
    page = Client().post("/accounts/signup/", {"username": "new5", "pseudonym": "New Person 5", "password": PASSWORD,
                                               "time_zone": "UTC", "accept_privacy": "on"})
    assert "Too many attempts" in page.content.decode() and not User.objects.filter(username="new5").exists()


@pytest.mark.django_db
def test_password_reset_emails_are_limited(low):
    make_user("member", email="member@example.org")
    for _ in range(2):
        assert Client().post("/accounts/password-reset/", {"email": "member@example.org"}).status_code == 302
    third = Client().post("/accounts/password-reset/", {"email": "member@example.org"})
    assert third.status_code == 429 and "Too many" in third.content.decode()
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_new_threads_are_limited_per_account(low):
    from hearthside.community.models import Group, Membership, Thread

    group = Group.objects.create(slug="g", name="G")
    member = make_user("poster")
    Membership.objects.create(group=group, user=member)
    from hearthside.accounts.actions import do_create_token

    api = Api(do_create_token(member, "t", "write", two_factor=False)[1])
    for i in range(2):
        response = api.post("/api/v1/community/groups/g/threads", {"title": f"Thread {i}", "body": "Hello everyone"})
        assert response.status_code == 201, response.content
    third = api.post("/api/v1/community/groups/g/threads", {"title": "Thread 3", "body": "Hello again"})
    assert third.status_code == 429 and "many threads" in third.json()["detail"]
    assert Thread.objects.filter(group=group).count() == 2
