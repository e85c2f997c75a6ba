"""The counselling JSON API."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine

from hearthside.care import actions
from hearthside.conftest import make_user

from .conftest import make_practitioner


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        yield


def test_directory_slots_booking_and_messages_through_the_api(db, pro, client_user, api_as):
    make_practitioner("unverified", verified=False)
    api = api_as(client_user)
    listed = api.get("/api/v1/care/practitioners").json()
    assert [p["name"] for p in listed] == ["Drjones"] and listed[0]["licence_verified_on"] == "2026-01-05"
    slots = api.get(f"/api/v1/care/practitioners/{pro.pk}/slots", days=3).json()
    assert slots[0]["starts_at"].endswith("-05:00")  # the client's zone, New York
    booked = api.post("/api/v1/care/appointments", {"practitioner": pro.pk, "starts_at": slots[0]["starts_at"]})
    assert booked.status_code == 201
    again = api_as(make_user("late")).post("/api/v1/care/appointments",
                                           {"practitioner": pro.pk, "starts_at": slots[0]["starts_at"]})
    assert again.status_code == 400 and "available" in again.json()["detail"]
    (rel,) = api.get("/api/v1/care/relationships").json()
    sent = api.post(f"/api/v1/care/relationships/{rel['id']}/messages", {"client_id": "a", "body": "hello"})
    resent = api.post(f"/api/v1/care/relationships/{rel['id']}/messages", {"client_id": "a", "body": "hello"})
    assert sent.status_code == 201 and resent.status_code == 200 and resent.json()["duplicate"]
    assert [m["body"] for m in api_as(pro.user, two_factor=True).get(
        f"/api/v1/care/relationships/{rel['id']}/messages").json()] == ["hello"]
    assert api_as(make_user("nosy")).get(f"/api/v1/care/relationships/{rel['id']}/messages").status_code == 404
    cancel = api.post(f"/api/v1/care/appointments/{booked.json()['id']}/cancel")
    assert cancel.status_code == 403  # within 24 hours of the start: message the practitioner instead


def test_match_and_bad_input(db, pro, client_user, api_as):
    api = api_as(client_user)
    ranked = api.post("/api/v1/care/match", {"concerns": ["anxiety"], "language": "en"}).json()
    assert ranked[0]["practitioner"]["id"] == pro.pk and "Works in English" in ranked[0]["reasons"]
    assert api.post("/api/v1/care/match", {"concerns": ["astrology"]}).status_code == 400
    assert api.post("/api/v1/care/appointments", {"practitioner": pro.pk, "starts_at": "tomorrow"}).status_code == 422
    assert api.get("/api/v1/care/practitioners/999999").status_code == 404


def test_shared_data_api_is_audited_and_404_when_not_shared(db, pro, client_user, api_as):
    from hearthside.selfcare import actions as selfcare

    rel = actions.check_choose_practitioner(client_user, pro)
    assert api_as(pro.user).get(f"/api/v1/care/clients/{rel.pk}/shared/checkins").status_code == 403
    practitioner_api = api_as(pro.user, two_factor=True)
    assert practitioner_api.get(f"/api/v1/care/clients/{rel.pk}/shared/checkins").status_code == 404
    selfcare.check_share(client_user, "checkins")
    assert practitioner_api.get(f"/api/v1/care/clients/{rel.pk}/shared/checkins").status_code == 200
    log = api_as(client_user).get("/api/v1/care/access-log").json()
    assert log[0]["who"] == "Drjones" and log[0]["data_type"] == "checkins"


def test_directory_query_count_does_not_grow_with_practitioners(db, client_user, api_as, django_assert_num_queries):
    api = api_as(client_user)
    for i in range(3):
        make_practitioner(f"first{i}")
    api.get("/api/v1/care/practitioners")  # warm the token and session paths
    with django_assert_num_queries(3) as few:  # token, practitioners, their valid licences
        assert len(api.get("/api/v1/care/practitioners").json()) == 3
    for i in range(5):
        make_practitioner(f"more{i}")
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(api.get("/api/v1/care/practitioners").json()) == 8


def test_practice_verification_notes_and_homework_through_the_api(db, client_user, admin_user, api_as):
    newpro = make_user("apipro", "practitioner")
    api = api_as(newpro)
    profile = api.patch("/api/v1/care/practice/profile", {"profession": "Counsellor", "languages": ["en"],
                                                          "formats": ["video"], "time_zone": "Europe/Paris"})
    assert profile.status_code == 200 and profile.json()["licence_verified_on"] is None
    assert api.patch("/api/v1/care/practice/profile", {"languages": ["klingon"]}).status_code == 400
    licence = api.post("/api/v1/care/practice/licences", {"number": "N1", "issuing_body": "BACP", "jurisdiction": "UK",
                                                          "expires_on": "2027-06-30"}).json()
    assert licence["status"] == "pending"
    hours = json.dumps([{"weekday": 0, "start_time": "09:00", "end_time": "12:00"}])
    assert api.client.put("/api/v1/care/practice/availability", hours, content_type="application/json",
                          **api._headers()).json() == {"rules": 1}
    check = {"method": "register_lookup", "register_url": "https://www.bacp.co.uk/search/Register", "outcome": "verified"}
    assert api_as(client_user).post(f"/api/v1/care/licences/{licence['id']}/verifications", check).status_code == 404
    assert api_as(admin_user).post(f"/api/v1/care/licences/{licence['id']}/verifications", check).status_code == 403
    verified = api_as(admin_user, two_factor=True).post(f"/api/v1/care/licences/{licence['id']}/verifications", check)
    assert verified.status_code == 201 and verified.json()["verified_on"] == "2026-03-02"
    rel = actions.check_choose_practitioner(client_user, newpro.practitioner_profile)
    api = api_as(newpro, two_factor=True)  # a client's notes and homework need a second factor
    note = api.post(f"/api/v1/care/clients/{rel.pk}/notes", {"body": "First contact."})
    assert note.status_code == 201
    assert [n["body"] for n in api.get(f"/api/v1/care/clients/{rel.pk}/notes").json()] == ["First contact."]
    assert api_as(client_user).get(f"/api/v1/care/clients/{rel.pk}/notes").status_code == 404
    assert api.post(f"/api/v1/care/clients/{rel.pk}/homework", {"exercise": "box-breathing"}).status_code == 201
    assert api.post(f"/api/v1/care/clients/{rel.pk}/homework", {"exercise": "x"}).status_code == 400
    mine = api_as(client_user).get("/api/v1/care/homework").json()
    assert mine[0]["exercise"] == "box-breathing" and mine[0]["completed_at"] is None
