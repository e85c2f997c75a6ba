"""The counselling pages a person clicks through."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from hearthside.care.models import Appointment, Licence, PractitionerProfile
from hearthside.conftest import login_client, make_user

from .conftest import make_practitioner


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        yield


def test_directory_filters_and_shows_verification_date(db, pro, client_user):
    make_practitioner("spanish", languages=("es",), approaches=["act"], specialties=["grief"])
    make_practitioner("hidden", verified=False)
    web = login_client(client_user)
    page = web.get("/care/practitioners/").content.decode()
    assert "Drjones" in page and "Spanish" in page and "Hidden" not in page
    assert "Licence verified on 5 Jan 2026" in page
    filtered = web.get("/care/practitioners/", {"language": "es"}).content.decode()
    assert "Spanish" in filtered and "Drjones" not in filtered
    assert "Drjones" in web.get("/care/practitioners/", {"approach": "cbt", "format": "video"}).content.decode()


def test_match_ranks_with_reasons_and_excludes_other_languages(db, pro, client_user):
    make_practitioner("grieving", approaches=["act"], specialties=["grief"])
    make_practitioner("spanish", languages=("es",), specialties=["anxiety"])
    web = login_client(client_user)
    page = web.post("/care/match/", {"concerns": ["anxiety"], "language": "en", "format": "video",
                                     "approaches": ["cbt"]}).content.decode()
    assert page.index("Drjones") < page.index("Grieving")
    assert "Specialises in anxiety" in page and "Works in English" in page
    assert "Spanish" not in page
    assert web.post("/care/match/", {"language": "xx"}).status_code == 200  # error shown, no crash


def test_book_from_the_profile_page_in_the_clients_zone(db, pro, client_user):
    web = login_client(client_user)
    page = web.get(f"/care/practitioners/{pro.pk}/").content.decode()
    # 09:00 in London on Tuesday 3 March is 04:00 in New York.
    assert 'value="2026-03-03T04:00:00-05:00"' in page
    response = web.post(f"/care/practitioners/{pro.pk}/book/", {"starts_at": "2026-03-03T04:00:00-05:00",
                                                                 "format": "video"})
    assert response.status_code == 302 and response["Location"] == "/care/appointments/"
    appointment = Appointment.objects.get()
    assert appointment.starts_at == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    listing = web.get("/care/appointments/").content.decode()
    assert "Tue 3 Mar 2026, 04:00 EST" in listing
    # Taking the same time again fails with a message, not an error page.
    again = login_client(make_user("late")).post(f"/care/practitioners/{pro.pk}/book/",
                                                 {"starts_at": "2026-03-03T09:00:00+00:00", "format": "video"},
                                                 follow=True)
    assert "not available" in again.content.decode()


def test_switching_practitioner_cancels_future_sessions(db, pro, client_user):
    web = login_client(client_user)
    web.post(f"/care/practitioners/{pro.pk}/book/", {"starts_at": "2026-03-03T09:00:00+00:00", "format": "video"})
    other = make_practitioner("second")
    web.post(f"/care/practitioners/{other.pk}/choose/")
    assert Appointment.objects.get().status == "cancelled"
    assert client_user.care_relationships.get(status="active").practitioner == other


def test_unverified_profile_is_404(db, client_user):
    hidden = make_practitioner("hidden", verified=False)
    assert login_client(client_user).get(f"/care/practitioners/{hidden.pk}/").status_code == 404


def test_practice_page_sets_up_profile_licence_and_hours(db):
    user = make_user("newpro", "practitioner")
    web = login_client(user)
    assert web.get("/care/practice/").status_code == 200
    web.post("/care/practice/", {"action": "profile", "profession": "Counsellor", "time_zone": "Europe/Paris",
                                 "languages": ["fr", "en"], "formats": ["video"], "approaches": ["cbt"],
                                 "session_minutes": "50", "slot_minutes": "60", "min_notice_hours": "12",
                                 "change_window_hours": "24", "accepting_clients": "on", "published": "on"})
    profile = PractitionerProfile.objects.get(user=user)
    assert profile.languages == ["en", "fr"] and profile.time_zone == "Europe/Paris"
    web.post("/care/practice/", {"action": "licence", "number": "123", "issuing_body": "BACP",
                                 "jurisdiction": "UK", "expires_on": "2027-01-01"})
    web.post("/care/practice/", {"action": "availability", "start_0": "09:00", "end_0": "12:00"})
    assert profile.availability.count() == 1
    assert Licence.objects.get(practitioner=profile).status == "pending"
    assert "Waiting for verification" in web.get("/care/practice/").content.decode()


def test_practice_and_verify_pages_are_404_for_members(db, client_user):
    web = login_client(client_user)
    assert web.get("/care/practice/").status_code == 404
    assert web.get("/care/verify/").status_code == 404


def test_admin_verifies_from_the_desk(db, admin_user):
    pending = make_practitioner("pend", verified=False)
    web = login_client(admin_user, two_factor=True)
    assert "Pend" in web.get("/care/verify/").content.decode()
    web.post("/care/verify/", {"licence": pending.licences.get().pk, "method": "register_lookup",
                               "register_url": "https://register.example.org/search?n=1", "checked_on": "2026-03-01",
                               "outcome": "verified", "note": ""})
    assert pending.licences.get().status == "verified"


def test_demo_content_loads_twice_without_duplicates(db):
    import io

    from hearthside.care import demo
    from hearthside.care.models import CareRelationship, LicenceVerification, Message

    make_user("demo-practitioner", "practitioner")
    make_user("demo-member", time_zone="Europe/London")
    make_user("demo-admin", "administrator")
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    profile = PractitionerProfile.objects.get(user__username="demo-practitioner")
    assert LicenceVerification.objects.filter(licence__practitioner=profile).count() == 1
    assert Appointment.objects.filter(practitioner=profile, status="booked").count() == 1
    assert CareRelationship.objects.count() == 1 and Message.objects.count() == 2
    assert profile.availability.count() == 5


def test_move_a_session_from_the_profile_page(db, pro, client_user):
    web = login_client(client_user)
    web.post(f"/care/practitioners/{pro.pk}/book/", {"starts_at": "2026-03-05T09:00:00+00:00", "format": "video"})
    booked = Appointment.objects.get()
    page = web.get(f"/care/practitioners/{pro.pk}/", {"reschedule": booked.pk}).content.decode()
    assert "Move to this time" in page
    assert login_client(make_user("nosy")).get(f"/care/practitioners/{pro.pk}/",
                                               {"reschedule": booked.pk}).status_code == 404
    web.post(f"/care/practitioners/{pro.pk}/book/", {"starts_at": "2026-03-06T10:00:00+00:00", "reschedule": booked.pk})
    booked.refresh_from_db()
    assert booked.status == "rescheduled"
    assert Appointment.objects.get(status="booked").starts_at == datetime(2026, 3, 6, 10, 0, tzinfo=UTC)


def test_overview_for_client_and_practitioner(db, pro, client_user):
    from hearthside.care import actions

    rel = actions.check_choose_practitioner(client_user, pro)
    page = login_client(client_user).get("/care/").content.decode()
    assert "Drjones" in page and f"/care/messages/{rel.pk}/" in page
    pro_page = login_client(pro.user).get("/care/").content.decode()
    assert "Your clients" in pro_page and f"/care/clients/{rel.pk}/" in pro_page
    assert login_client(client_user).get("/care/messages/").status_code == 302  # one conversation: straight to it
    assert login_client(client_user).get("/care/calendar/").status_code == 200
