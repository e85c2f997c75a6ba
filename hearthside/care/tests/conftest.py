"""Counselling personas: a verified practitioner with weekly hours, an administrator."""

from __future__ import annotations

from datetime import date, time

import pytest

from hearthside.conftest import make_user


def make_practitioner(username="drjones", *, tz="Europe/London", verified=True, expires_on=date(2030, 1, 1),
                      languages=("en",), formats=("video", "audio", "text", "messaging"), **profile):
    from hearthside.care.models import Licence, PractitionerProfile

    user = make_user(username, "practitioner", time_zone=tz)
    p = PractitionerProfile.objects.create(
        user=user, profession=profile.pop("profession", "Clinical psychologist"), time_zone=tz,
        languages=list(languages), formats=list(formats),
        approaches=profile.pop("approaches", ["cbt"]), specialties=profile.pop("specialties", ["anxiety"]),
        min_notice_hours=profile.pop("min_notice_hours", 0), **profile)
    Licence.objects.create(practitioner=p, number=f"PYL{p.pk:05d}", issuing_body="Health and Care Professions Council",
                           jurisdiction="UK", expires_on=expires_on,
                           status=Licence.Status.VERIFIED if verified else Licence.Status.PENDING,
                           verified_on=date(2026, 1, 5) if verified else None)
    return p


def in_care(practitioner_name: str, client_name: str):
    """A practitioner and a client who allowed health data and chose them: (practitioner profile,
    client, relationship). For tests that make their own people (``transaction=True``)."""
    from hearthside.accounts.actions import do_give_consent
    from hearthside.care.actions import check_choose_practitioner

    pro = make_practitioner(practitioner_name)
    client_user = make_user(client_name)
    do_give_consent(client_user, "health_data")
    return pro, client_user, check_choose_practitioner(client_user, pro)


def weekly(profile, weekday, start, end):
    from hearthside.care.models import AvailabilityRule

    return AvailabilityRule.objects.create(practitioner=profile, weekday=weekday, start_time=time.fromisoformat(start),
                                           end_time=time.fromisoformat(end))


@pytest.fixture
def admin_user(db):
    return make_user("admin", "administrator")


@pytest.fixture
def pro(db):
    p = make_practitioner()
    for weekday in range(5):
        weekly(p, weekday, "09:00", "12:00")
    return p


@pytest.fixture
def client_user(db):
    from hearthside.accounts.actions import do_give_consent

    user = make_user("client", time_zone="America/New_York", email="client@example.org")
    do_give_consent(user, "health_data")
    do_give_consent(user, "practitioner_sharing")
    return user
