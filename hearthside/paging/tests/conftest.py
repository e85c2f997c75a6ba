from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from hearthside.conftest import make_user
from hearthside.paging.push import generate_vapid_keys
from hearthside.paging.sms import FakeSmsProvider

SITE = "https://care.example.org"


@pytest.fixture
def paging(settings):
    """Web Push and (fake) text messages switched on, with a short send timeout."""
    public, private = generate_vapid_keys()
    settings.PAGING_VAPID_PUBLIC_KEY = public
    settings.PAGING_VAPID_PRIVATE_KEY = private
    settings.PAGING_VAPID_SUBJECT = "mailto:oncall@example.org"
    settings.PAGING_SMS_PROVIDER = "fake"
    settings.PAGING_TIMEOUT_SECONDS = 2
    settings.PAGING_RETRY_SECONDS = 30
    settings.PAGING_MAX_ATTEMPTS = 4
    settings.SITE_URL = SITE
    FakeSmsProvider.reset()
    yield settings
    FakeSmsProvider.reset()


def staff(username: str, role: str = "moderator", *, on_duty: bool = False, phone: str | None = None,
          push: dict | None = None, email: str = ""):
    from hearthside.paging import actions
    from hearthside.safety.models import DutyShift

    user = make_user(username, role, email=email or f"{username}@example.org")
    if on_duty:
        now = timezone.now()
        DutyShift.objects.create(user=user, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=12))
    if phone:
        actions.check_set_phone(user, phone)
    if push:
        actions.check_subscribe(user, push)
    return user


def run_worker() -> None:
    """Run every due task once, as ``hearthside worker`` does (django-tasks database backend)."""
    from django.core.management import call_command

    call_command("db_worker", batch=True, verbosity=0)
