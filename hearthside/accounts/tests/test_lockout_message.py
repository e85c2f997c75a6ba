"""The lock-out message says how long log-in is paused (issue #18: it said "for a while")."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from hearthside.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(username="member", password=PASSWORD, **extra):
    return Client().post("/accounts/login/", {"username": username, "password": password}, **extra)


def _error(response) -> str:
    assert response.status_code == 200
    text = response.content.decode()
    start = text.index("Too many attempts")
    return text[start:text.index("<", start)]


def test_after_five_wrong_passwords_it_says_to_try_again_in_one_minute(member, settings):
    settings.LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
    settings.LOGIN_LOCKOUT_FIRST_SECONDS = 30
    paused = "Too many attempts. For your safety, log-in is paused: try again in %s."
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(5):
            assert b"did not match" in _login(password="wrong-password").content
        assert _error(_login()) == paused % "1 minute"
        # The pause lifts after 30 s; each further wrong password doubles it (60 s, then 120 s).
        clock.shift(31)
        _login(password="wrong-password")
        assert _error(_login()) == paused % "1 minute"
        clock.shift(61)
        _login(password="wrong-password")
        assert _error(_login(password="wrong-password")) == paused % "2 minutes"  # refused, not counted
        clock.shift(61)
        assert _error(_login()) == paused % "1 minute"
        clock.shift(60)
        assert _login().status_code == 302


def test_a_long_first_pause_is_counted_in_minutes(member, settings):
    settings.LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
    settings.LOGIN_LOCKOUT_FIRST_SECONDS = 600
    with time_machine.travel(timezone.now(), tick=False):
        for _ in range(5):
            _login(password="wrong-password")
        assert _error(_login()) == "Too many attempts. For your safety, log-in is paused: try again in 10 minutes."


def test_the_pause_for_one_address_says_when_its_oldest_counted_failure_expires(member, settings):
    settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    settings.LOGIN_LOCKOUT_SECONDS = 15 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for i in range(4):
            _login(username=f"name{i}", password="wrong-password")
            clock.shift(60)
        # Failures at 0, 1, 2 and 3 minutes: the one at 0 leaves the 15-minute window at 15:00, 11 minutes on.
        clock.move_to(start + timedelta(minutes=4))
        assert _error(_login()) == "Too many attempts. For your safety, log-in is paused: try again in 11 minutes."
        clock.move_to(start + timedelta(minutes=15, seconds=1))
        assert _login().status_code == 302


def test_the_code_step_says_how_long_too(member, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    settings.LOGIN_LOCKOUT_SECONDS = 15 * 60
    TOTPDevice.objects.create(user=member, name="phone", confirmed=True)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(4):
            client = Client()
            assert client.post("/accounts/login/", {"username": "member", "password": PASSWORD}).status_code == 302
            response = client.post("/accounts/login/code/", {"code": "000000"})
            clock.shift(5)
    assert _error(response) == "Too many attempts. For your safety, log-in is paused: try again in 15 minutes."
