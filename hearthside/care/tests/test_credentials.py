"""Licences, their verification by an administrator, and who can be booked."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from hearthside.care import actions
from hearthside.care.models import Licence, LicenceVerification
from hearthside.core.models import AuditEvent

from .conftest import make_practitioner, weekly

VERIFY = {"method": "register_lookup", "register_url": "https://www.hcpc-uk.org/check-the-register/",
          "outcome": "verified", "checked_on": "2026-03-01", "note": "Name and number match."}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime(2026, 3, 2, 8, 0, tzinfo=UTC), tick=False):
        yield


def test_unverified_practitioner_is_not_listed_or_bookable(db, client_user):
    pending = make_practitioner("pending", verified=False)
    weekly(pending, 0, "09:00", "12:00")
    assert not actions.is_bookable(pending)
    assert pending not in actions.directory()
    with pytest.raises(ValidationError):
        actions.check_book(client_user, pending, datetime(2026, 3, 9, 9, 0, tzinfo=UTC))


def test_expired_licence_stops_bookings_after_its_date(db, client_user):
    pro = make_practitioner("expiring", expires_on=date(2026, 3, 10), tz="UTC")
    weekly(pro, 0, "09:00", "12:00")
    assert actions.is_bookable(pro, date(2026, 3, 9))
    assert not actions.is_bookable(pro, date(2026, 3, 11))
    actions.check_book(client_user, pro, datetime(2026, 3, 9, 9, 0, tzinfo=UTC))
    with pytest.raises(ValidationError):
        actions.check_book(client_user, pro, datetime(2026, 3, 16, 9, 0, tzinfo=UTC))


def test_admin_verification_records_the_check_and_makes_the_licence_valid(db, admin_user):
    pro = make_practitioner("newpro", verified=False)
    licence = pro.licences.get()
    verification = actions.check_verify_licence(admin_user, licence, VERIFY)
    licence.refresh_from_db()
    assert licence.status == Licence.Status.VERIFIED and licence.verified_on == date(2026, 3, 1)
    assert verification.register_url.startswith("https://www.hcpc-uk.org")
    assert verification.method == "register_lookup" and verification.verifier == admin_user
    assert AuditEvent.objects.filter(action="care.licence_verified", actor_id=admin_user.pk).exists()
    assert actions.is_bookable(pro)


def test_a_failed_check_withdraws_an_earlier_verification(db, admin_user, pro):
    licence = pro.licences.get()
    actions.check_verify_licence(admin_user, licence, {**VERIFY, "outcome": "lapsed", "note": "Suspended."})
    licence.refresh_from_db()
    assert licence.status == Licence.Status.REJECTED
    assert not actions.is_bookable(pro)
    assert LicenceVerification.objects.filter(licence=licence).count() == 1


def test_only_administrators_verify_and_never_their_own_licence(db, pro, client_user):
    licence = pro.licences.get()
    with pytest.raises(PermissionDenied):
        actions.check_verify_licence(client_user, licence, VERIFY)
    from hearthside.accounts.actions import do_grant_role

    do_grant_role(pro.user, "administrator")
    pro.user.refresh_from_db()
    with pytest.raises(PermissionDenied):
        actions.check_verify_licence(pro.user, licence, VERIFY)


@pytest.mark.parametrize("change", [{"method": "vibes"}, {"outcome": "maybe"}, {"register_url": "not a url"},
                                    {"checked_on": "2099-01-01"}])
def test_verification_needs_method_outcome_register_and_a_past_date(db, admin_user, change):
    pro = make_practitioner("p2", verified=False)
    with pytest.raises(ValidationError):
        actions.check_verify_licence(admin_user, pro.licences.get(), {**VERIFY, **change})
    assert not LicenceVerification.objects.exists()


def test_licence_entry_rejects_expired_and_duplicate(db):
    pro = make_practitioner("p3")
    with pytest.raises(ValidationError):
        actions.check_add_licence(pro.user, {"number": "X1", "issuing_body": "B", "jurisdiction": "UK",
                                             "expires_on": "2026-01-01"})
    actions.check_add_licence(pro.user, {"number": "X1", "issuing_body": "B", "jurisdiction": "UK",
                                         "expires_on": "2027-01-01"})
    with pytest.raises(ValidationError):
        actions.check_add_licence(pro.user, {"number": "X1", "issuing_body": "B", "jurisdiction": "UK",
                                             "expires_on": "2027-01-01"})


def test_expiry_reminder_goes_once_per_expiry_date(db, admin_user):
    from hearthside.selfcare.models import Notification

    pro = make_practitioner("soon", expires_on=date(2026, 3, 20))
    make_practitioner("later", expires_on=date(2027, 3, 20))
    assert actions.send_licence_expiry_reminders() == 1
    assert actions.send_licence_expiry_reminders() == 0
    assert Notification.objects.filter(user=pro.user, text__contains="expires in 18 days").count() == 1
    assert Notification.objects.filter(user=admin_user).count() == 1
    # A renewal (new expiry date) gets its own reminder when that date comes near.
    Licence.objects.filter(practitioner=pro).update(expires_on=date(2026, 3, 25))
    assert actions.send_licence_expiry_reminders() == 1


def test_a_licence_expiring_tomorrow_is_one_day_away(db, admin_user):
    from hearthside.selfcare.models import Notification

    pro = make_practitioner("tomorrow", expires_on=date(2026, 3, 3))
    assert actions.send_licence_expiry_reminders() == 1
    assert Notification.objects.get(user=pro.user).text == (
        f"Your licence {Licence.objects.get(practitioner=pro).number} expires in 1 day. Send the renewed licence "
        "so clients can keep booking.")
    assert Notification.objects.get(user=admin_user).text == (
        "A practitioner's licence expires in 1 day: re-verify it after renewal.")


@pytest.mark.parametrize("expires_on", ["not a date", "2027-02-30", "", None, 20270101])
def test_licence_expiry_that_is_not_a_date_is_refused_with_a_message(db, expires_on):
    pro = make_practitioner("p3b")
    before = pro.licences.count()
    with pytest.raises(ValidationError) as err:
        actions.check_add_licence(pro.user, {"number": "X9", "issuing_body": "B", "jurisdiction": "UK",
                                             "expires_on": expires_on})
    assert "YYYY-MM-DD" in str(err.value)
    assert pro.licences.count() == before
