"""Slots across daylight-saving changes in two zones, booking, windows, reminders, calendars."""

from __future__ import annotations

import threading
import zoneinfo
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from hearthside.care import actions
from hearthside.care.models import Appointment, AvailabilityException, CalendarFeed
from hearthside.conftest import login_client, make_user
from hearthside.testing.races import run_at_once

from .conftest import make_practitioner, weekly

NY, LON = zoneinfo.ZoneInfo("America/New_York"), zoneinfo.ZoneInfo("Europe/London")
EARLY = datetime(2026, 2, 1, tzinfo=UTC)


def _slots_on(profile, day_utc_start, hours=30):
    return [s.starts_at for s in actions.compute_slots(profile, day_utc_start, day_utc_start + timedelta(hours=hours),
                                                       now=EARLY)]


# US clocks change on 8 March and 1 November 2026, UK clocks on 29 March and 25 October 2026:
# for three weeks in spring and one week in autumn New York and London are 4 hours apart, not 5.
@pytest.mark.parametrize(("monday", "london_time"), [
    ("2026-03-02", "14:00"),  # EST and GMT: 5 hours apart
    ("2026-03-09", "13:00"),  # EDT and GMT: 4 hours
    ("2026-03-30", "14:00"),  # EDT and BST: 5 hours again
    ("2026-10-19", "14:00"),  # EDT and BST
    ("2026-10-26", "13:00"),  # EDT and GMT: 4 hours
    ("2026-11-02", "14:00"),  # EST and GMT
])
def test_new_york_hours_shown_in_london(db, monday, london_time):
    pro = make_practitioner("nypro", tz="America/New_York", session_minutes=50)
    weekly(pro, 0, "09:00", "10:00")
    day = datetime.fromisoformat(monday).replace(tzinfo=UTC)
    (slot,) = _slots_on(pro, day)
    assert slot.astimezone(NY).strftime("%H:%M") == "09:00"
    assert slot.astimezone(LON).strftime("%H:%M") == london_time


@pytest.mark.parametrize(("monday", "ny_time"), [
    ("2026-03-02", "09:00"), ("2026-03-09", "10:00"), ("2026-03-30", "09:00"),
    ("2026-10-19", "09:00"), ("2026-10-26", "10:00"), ("2026-11-02", "09:00"),
])
def test_london_hours_shown_in_new_york(db, monday, ny_time):
    pro = make_practitioner("lonpro", tz="Europe/London")
    weekly(pro, 0, "14:00", "15:00")
    day = datetime.fromisoformat(monday).replace(tzinfo=UTC)
    (slot,) = _slots_on(pro, day)
    assert slot.astimezone(LON).strftime("%H:%M") == "14:00"
    local_days = actions.slots_by_day(pro, "America/New_York", days=1, now=slot - timedelta(hours=2))
    assert local_days[0][1][0].strftime("%H:%M") == ny_time


def test_spring_forward_skips_the_missing_hour(db):
    pro = make_practitioner("spring", tz="America/New_York", session_minutes=60)
    weekly(pro, 6, "01:00", "04:00")  # Sunday 8 March 2026: 02:00 does not exist in New York
    slots = _slots_on(pro, datetime(2026, 3, 8, tzinfo=UTC))
    assert [s.strftime("%H:%M") for s in slots] == ["06:00", "07:00"]  # 01:00 EST, 03:00 EDT
    assert [s.astimezone(NY).strftime("%H:%M") for s in slots] == ["01:00", "03:00"]


def test_fall_back_offers_the_repeated_hour_once(db):
    pro = make_practitioner("autumn", tz="America/New_York", session_minutes=60)
    weekly(pro, 6, "01:00", "04:00")  # Sunday 1 November 2026: 01:00–02:00 happens twice
    slots = _slots_on(pro, datetime(2026, 11, 1, tzinfo=UTC))
    assert [s.strftime("%H:%M") for s in slots] == ["05:00", "07:00", "08:00"]
    assert [s.astimezone(NY).strftime("%H:%M") for s in slots] == ["01:00", "02:00", "03:00"]


def test_london_spring_forward_in_the_practitioners_zone(db):
    pro = make_practitioner("lonspring", tz="Europe/London", session_minutes=30, slot_minutes=30)
    weekly(pro, 6, "00:30", "03:00")  # Sunday 29 March 2026: 01:00–02:00 does not exist in London
    slots = _slots_on(pro, datetime(2026, 3, 28, 12, tzinfo=UTC))
    assert [s.astimezone(LON).strftime("%H:%M") for s in slots] == ["00:30", "02:00", "02:30"]


def test_exceptions_remove_and_add_hours(db):
    pro = make_practitioner("exc", tz="Europe/London")
    weekly(pro, 0, "09:00", "12:00")
    AvailabilityException.objects.create(practitioner=pro, date=datetime(2026, 3, 2).date())
    AvailabilityException.objects.create(practitioner=pro, date=datetime(2026, 3, 9).date(),
                                         start_time=datetime(1, 1, 1, 10).time(), end_time=datetime(1, 1, 1, 11).time())
    AvailabilityException.objects.create(practitioner=pro, date=datetime(2026, 3, 7).date(), kind="extra",
                                         start_time=datetime(1, 1, 1, 15).time(), end_time=datetime(1, 1, 1, 16).time())
    assert _slots_on(pro, datetime(2026, 3, 2, tzinfo=UTC), hours=24) == []
    assert [s.hour for s in _slots_on(pro, datetime(2026, 3, 9, tzinfo=UTC), hours=24)] == [9, 11]
    assert [s.hour for s in _slots_on(pro, datetime(2026, 3, 7, tzinfo=UTC), hours=24)] == [15]


@pytest.fixture
def at_start():
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def test_booking_takes_the_slot_and_a_second_booking_is_refused(db, pro, client_user, at_start):
    slot = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    appointment = actions.check_book(client_user, pro, slot.isoformat())
    assert appointment.ends_at - appointment.starts_at == timedelta(minutes=50)
    assert slot not in [s.starts_at for s in actions.compute_slots(pro, slot, slot + timedelta(hours=3))]
    other = make_user("other2")
    with pytest.raises(actions.SlotTaken):
        actions.check_book(other, pro, slot)
    # Off-grid times and times outside the hours are not bookable either.
    with pytest.raises(ValidationError):
        actions.check_book(client_user, pro, slot + timedelta(minutes=30))


def test_database_refuses_a_second_active_booking_of_the_same_slot(db, pro, client_user):
    slot = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    Appointment.objects.create(practitioner=pro, client=client_user, starts_at=slot, ends_at=slot + timedelta(hours=1))
    Appointment.objects.create(practitioner=pro, client=client_user, starts_at=slot, ends_at=slot + timedelta(hours=1),
                               status="cancelled")  # cancelled rows do not count
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(practitioner=pro, client=client_user, starts_at=slot,
                                   ends_at=slot + timedelta(hours=1))


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_bookings_of_one_slot_exactly_one_wins():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises all writers, so there is no race to test")
    from .conftest import make_practitioner as mp

    pro = mp("racepro", tz="UTC")
    weekly(pro, 1, "09:00", "12:00")
    people = [make_user(f"racer{i}") for i in range(2)]
    slot = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    original = Appointment.objects.create

    def create_after_barrier(*args, **kwargs):
        # Both requests have passed the free-slot check; now they insert at the same moment.
        barrier.wait(timeout=10)
        return original(*args, **kwargs)

    def book(person):
        try:
            actions.check_book(person, pro, slot)
            outcomes.append("won")
        except actions.SlotTaken:
            outcomes.append("taken")
        finally:
            connection.close()

    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        Appointment.objects.create = create_after_barrier
        try:
            run_at_once(book, people, timeout=30)
        finally:
            Appointment.objects.create = original
    assert sorted(outcomes) == ["taken", "won"]
    assert Appointment.objects.filter(practitioner=pro, starts_at=slot, status="booked").count() == 1


def test_client_cancels_or_moves_only_before_the_window(db, pro, client_user, at_start):
    soon = actions.check_book(client_user, pro, datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    later = actions.check_book(client_user, pro, datetime(2026, 3, 5, 9, 0, tzinfo=UTC))
    with pytest.raises(PermissionDenied):
        actions.check_cancel(client_user, soon)
    with pytest.raises(PermissionDenied):
        actions.check_reschedule(client_user, soon, datetime(2026, 3, 6, 9, 0, tzinfo=UTC))
    actions.check_cancel(pro.user, soon)  # the practitioner may still cancel
    moved = actions.check_reschedule(client_user, later, datetime(2026, 3, 6, 10, 0, tzinfo=UTC))
    later.refresh_from_db()
    assert later.status == "rescheduled" and later.rescheduled_to == moved
    # The old slot is free again.
    assert datetime(2026, 3, 5, 9, 0, tzinfo=UTC) in [
        s.starts_at for s in actions.compute_slots(pro, datetime(2026, 3, 5, tzinfo=UTC), datetime(2026, 3, 6, tzinfo=UTC))]


def test_appointment_is_404_for_anyone_else(db, pro, client_user, at_start):
    appointment = actions.check_book(client_user, pro, datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    from django.http import Http404

    with pytest.raises(Http404):
        actions.access_appointment(make_user("nosy"), appointment.pk)
    assert actions.access_appointment(client_user, appointment.pk) == appointment
    # The practitioner's side needs the second factor, as every read of client data (issue #17).
    from hearthside.accounts.auth import SecondFactorRequired, mark_second_factor

    with pytest.raises(SecondFactorRequired):
        actions.access_appointment(pro.user, appointment.pk)
    mark_second_factor(pro.user, True)
    assert actions.access_appointment(pro.user, appointment.pk) == appointment


def test_reminders_24h_and_1h_are_sent_once(db, pro, client_user):
    from hearthside.selfcare.models import Notification

    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False) as t:
        appointment = actions.check_book(client_user, pro, datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
        cancelled = actions.check_book(make_user("c2"), pro, datetime(2026, 3, 4, 10, 0, tzinfo=UTC))
        actions.check_cancel(pro.user, cancelled)
        Notification.objects.all().delete()
        assert actions.send_appointment_reminders() == 0
        t.move_to(datetime(2026, 3, 3, 10, 0, tzinfo=UTC))
        assert actions.send_appointment_reminders() == 1
        assert actions.send_appointment_reminders() == 0
        t.move_to(datetime(2026, 3, 4, 8, 10, tzinfo=UTC))
        assert actions.send_appointment_reminders() == 1
        assert actions.send_appointment_reminders() == 0
    appointment.refresh_from_db()
    assert appointment.reminded_24h_at and appointment.reminded_1h_at
    texts = list(Notification.objects.filter(user=client_user).values_list("text", flat=True))
    assert len(texts) == 2 and any("about an hour" in t for t in texts)
    # The client sees the time in New York, the practitioner in London.
    assert "04:00" in texts[0] and "EST" in texts[0]
    assert Notification.objects.filter(user=pro.user).count() == 2


def test_a_missed_24h_reminder_is_not_sent_once_the_1h_one_is_due(db, pro, client_user):
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False) as t:
        appointment = actions.check_book(client_user, pro, datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
        t.move_to(datetime(2026, 3, 4, 8, 30, tzinfo=UTC))
        assert actions.send_appointment_reminders() == 1
    appointment.refresh_from_db()
    assert appointment.reminded_24h_at is None and appointment.reminded_1h_at is not None


def test_calendar_feed_is_secret_revocable_and_valid_icalendar(db, pro, client_user, at_start):
    appointment = actions.check_book(client_user, pro, datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    feed = actions.feed_for(client_user)
    web = login_client(client_user)
    from django.test import Client

    response = Client().get(f"/care/calendar/{feed.token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == appointment.starts_at
    assert "Drjones" in str(event["summary"]) and str(event["status"]) == "CONFIRMED"
    # The practitioner's own feed has the same session, named after the client.
    pro_feed = actions.feed_for(pro.user)
    (pro_event,) = icalendar.Calendar.from_ical(Client().get(f"/care/calendar/{pro_feed.token}.ics").content).walk("VEVENT")
    assert "Client" in str(pro_event["summary"])
    web.post("/care/calendar/", {"action": "rotate"})
    assert Client().get(f"/care/calendar/{feed.token}.ics").status_code == 404
    new = CalendarFeed.objects.get(user=client_user, revoked_at__isnull=True)
    assert Client().get(f"/care/calendar/{new.token}.ics").status_code == 200
    web.post("/care/calendar/", {"action": "revoke"})
    assert Client().get(f"/care/calendar/{new.token}.ics").status_code == 404
    assert Client().get("/care/calendar/not-a-token.ics").status_code == 404
