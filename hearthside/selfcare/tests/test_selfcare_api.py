from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from hearthside.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def consenting(db):
    from hearthside.accounts.actions import do_give_consent

    def make(name, **extra):
        user = make_user(name, **extra)
        do_give_consent(user, "health_data")
        return user

    return make


def test_checkin_needs_health_consent(member, api_as):
    response = api_as(member).post("/api/v1/selfcare/checkins", {"mood": 6})
    assert response.status_code == 403


def test_checkin_create_edit_delete_and_backdate(consenting, api_as):
    user = consenting("checker")
    api = api_as(user)
    when = (timezone.now() - timedelta(days=3)).isoformat()
    created = api.post("/api/v1/selfcare/checkins", {"mood": 7, "emotions": ["calm", "Calm", "hopeful"],
                                                     "activities": ["walk"], "sleep_hours": 7.5, "note": "ok day",
                                                     "at": when})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["emotions"] == ["calm", "hopeful"] and body["sleep_hours"] == 7.5
    cid = body["id"]
    assert api.patch(f"/api/v1/selfcare/checkins/{cid}", {"mood": 8}).json()["mood"] == 8
    assert api.delete(f"/api/v1/selfcare/checkins/{cid}").status_code == 204
    assert api.get(f"/api/v1/selfcare/checkins/{cid}").status_code == 404


@pytest.mark.parametrize("payload, field", [
    ({"mood": 0}, "mood"), ({"mood": 11}, "mood"), ({"mood": 5, "sleep_hours": 30}, "sleep_hours"),
    ({"mood": 5, "at": "2999-01-01T00:00:00Z"}, "at"),
])
def test_bad_checkins_are_refused(consenting, api_as, payload, field):
    from hearthside.selfcare.models import CheckIn

    response = api_as(consenting("bad")).post("/api/v1/selfcare/checkins", payload)
    assert response.status_code == 400 and field in response.json()["errors"]
    assert not CheckIn.objects.exists()


def test_every_selfcare_object_is_404_to_someone_else(consenting, api_as):
    owner, stranger = consenting("owner"), consenting("stranger")
    api = api_as(owner)
    cid = api.post("/api/v1/selfcare/checkins", {"mood": 5}).json()["id"]
    jid = api.post("/api/v1/selfcare/journal", {"body": "private thoughts"}).json()["id"]
    rid = api.post("/api/v1/selfcare/questionnaires/gad7/responses",
                   {"answers": {str(i): 0 for i in range(1, 8)}}).json()["id"]
    mid = api.post("/api/v1/selfcare/reminders", {"kind": "checkin", "time_of_day": "08:00"}).json()["id"]
    other = api_as(stranger)
    for path in [f"/api/v1/selfcare/checkins/{cid}", f"/api/v1/selfcare/journal/{jid}",
                 f"/api/v1/selfcare/responses/{rid}"]:
        assert other.get(path).status_code == 404
        assert other.delete(path).status_code in {404, 405}
    assert other.patch(f"/api/v1/selfcare/checkins/{cid}", {"mood": 1}).status_code == 404
    assert other.patch(f"/api/v1/selfcare/journal/{jid}", {"body": "x"}).status_code == 404
    assert other.delete(f"/api/v1/selfcare/reminders/{mid}").status_code == 404
    assert other.get("/api/v1/selfcare/checkins").json() == []
    assert "private thoughts" not in other.get("/api/v1/selfcare/journal").content.decode()
    from hearthside.conftest import login_client

    web = login_client(stranger)
    assert web.get(f"/selfcare/checkins/{cid}/").status_code == 404
    assert web.get(f"/selfcare/journal/{jid}/").status_code == 404
    assert web.get(f"/selfcare/responses/{rid}/").status_code == 404
    assert web.post(f"/selfcare/journal/{jid}/delete/").status_code == 404


def test_notes_and_journal_are_encrypted_at_rest(consenting, api_as):
    api = api_as(consenting("secretive"))
    api.post("/api/v1/selfcare/checkins", {"mood": 4, "note": "NOTE-CANARY-123"})
    api.post("/api/v1/selfcare/journal", {"title": "TITLE-CANARY", "body": "BODY-CANARY-456"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM selfcare_checkin")
        notes = repr(cursor.fetchall())
        cursor.execute("SELECT title, body FROM selfcare_journalentry")
        journal = repr(cursor.fetchall())
    assert "NOTE-CANARY" not in notes and "enc1:" in notes
    assert "BODY-CANARY" not in journal and "TITLE-CANARY" not in journal


def test_journal_is_screened_only_with_consent(consenting, api_as):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.models import ScreenedItem

    user = consenting("writer")
    api = api_as(user)
    text = "I have the pills saved and I am going to kill myself tonight."
    plain = api.post("/api/v1/selfcare/journal", {"body": text})
    assert plain.status_code == 201 and plain.json()["screened"] is False
    assert not ScreenedItem.objects.exists()
    do_give_consent(user, "ai_features")
    screened = api.post("/api/v1/selfcare/journal", {"body": text})
    assert screened.json()["screened"] is True and screened.json()["help"] is True
    assert ScreenedItem.objects.filter(author=user, source="selfcare.journal").exists()


def test_insights_say_when_there_is_too_little_data(consenting, api_as):
    api = api_as(consenting("newbie"))
    api.post("/api/v1/selfcare/checkins", {"mood": 5})
    data = api.get("/api/v1/selfcare/insights", days=30).json()
    assert data["enough_for_trend"] is False and data["days_with_data"] == 1


def _history(user, n: int, every_hours: int = 9):
    from hearthside.selfcare import checkin_days
    from hearthside.selfcare.models import CheckIn

    now = timezone.now()
    CheckIn.objects.bulk_create([
        CheckIn(user=user, at=now - timedelta(hours=every_hours * i), mood=1 + (i % 10), emotions=["calm"] if i % 3 else ["sad"],
                activities=["walk"] if i % 2 else [], sleep_hours=6 + (i % 4))
        for i in range(n)
    ], batch_size=1000)
    # bulk_create goes around the actions, which keep the day summaries; an import does this too.
    # (A read would also repair them, once: see test_checkin_days.py.)
    checkin_days.rebuild(user.pk)


def test_insights_compare_activities_only_with_enough_days(consenting, api_as):
    user = consenting("regular")
    _history(user, 60, every_hours=24)
    data = api_as(user).get("/api/v1/selfcare/insights", days=30).json()
    assert data["enough_for_trend"] and len(data["series"]) >= 28
    walk = next(a for a in data["activities"] if a["activity"] == "walk")
    assert walk["days_with"] >= 5 and walk["difference"] is not None
    assert {w["weekday"] for w in data["weekday"]} == {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}


def test_insights_and_dashboard_query_counts_do_not_grow_with_history(consenting, django_assert_max_num_queries):
    from django.test import Client

    small, large = consenting("small"), consenting("large")
    _history(small, 100)
    _history(large, 10_000)
    counts = {}
    for user in (small, large):
        client = Client()
        client.force_login(user)
        for path in ["/api/v1/selfcare/insights?days=365", "/selfcare/", "/selfcare/insights/?days=365"]:
            from django.db import connection as conn
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(conn) as ctx:
                assert client.get(path).status_code == 200
            counts[(user.username, path)] = len(ctx.captured_queries)
    for path in ["/api/v1/selfcare/insights?days=365", "/selfcare/", "/selfcare/insights/?days=365"]:
        assert counts[("small", path)] == counts[("large", path)], counts


def test_reminders_keep_local_time_across_daylight_saving(consenting):
    from hearthside.selfcare.actions import check_create_reminder, send_due_reminders
    from hearthside.selfcare.models import Notification, Reminder

    london = ZoneInfo("Europe/London")
    user = consenting("londoner", time_zone="Europe/London")
    # Saturday 28 March 2026, 12:00 London time (GMT); clocks go forward at 01:00 on Sunday 29 March.
    with time_machine.travel(datetime(2026, 3, 28, 12, 0, tzinfo=london), tick=False):
        reminder = check_create_reminder(user, {"kind": "checkin", "time_of_day": "08:00"})
    assert reminder.next_due_at == datetime(2026, 3, 29, 8, 0, tzinfo=london)
    assert reminder.next_due_at.astimezone(ZoneInfo("UTC")).hour == 7  # BST: 08:00 local is 07:00 UTC
    with time_machine.travel(datetime(2026, 3, 29, 6, 59, tzinfo=ZoneInfo("UTC")), tick=False):
        assert send_due_reminders() == 0
    # The worker was down all morning: the reminder goes out late, once, then moves to tomorrow.
    with time_machine.travel(datetime(2026, 3, 29, 11, 30, tzinfo=london), tick=False):
        assert send_due_reminders() == 1
        assert send_due_reminders() == 0
    reminder.refresh_from_db()
    assert reminder.next_due_at == datetime(2026, 3, 30, 8, 0, tzinfo=london)
    assert Notification.objects.filter(user=user).count() == 1
    assert Reminder.objects.count() == 1


def test_reminder_validation(consenting, api_as):
    api = api_as(consenting("rem"))
    bad = api.post("/api/v1/selfcare/reminders", {"kind": "checkin", "time_of_day": "25:99"})
    assert bad.status_code == 400 and "time_of_day" in bad.json()["errors"]
    no_email = api.post("/api/v1/selfcare/reminders", {"kind": "checkin", "time_of_day": "09:00", "by_email": True})
    assert no_email.status_code == 400 and "by_email" in no_email.json()["errors"]


def test_emotion_suggestions_need_consent(consenting, api_as):
    from hearthside.accounts.actions import do_give_consent

    user = consenting("feeler")
    api = api_as(user)
    off = api.post("/api/v1/selfcare/emotions/suggest", {"text": "I'm so grateful for my friends"}).json()
    assert off == {"emotions": [], "enabled": False}
    do_give_consent(user, "ai_features")
    on = api.post("/api/v1/selfcare/emotions/suggest", {"text": "I'm so grateful for my friends"}).json()
    assert on["enabled"] is True


def test_sharing_needs_consent_is_per_entry_and_revocable(consenting, api_as):
    from hearthside.accounts.actions import do_give_consent, do_withdraw_consent
    from hearthside.accounts.models import SharingGrant
    from hearthside.selfcare.actions import is_shared
    from hearthside.selfcare.models import JournalEntry

    user, other = consenting("sharer"), consenting("nosy")
    api = api_as(user)
    jid = api.post("/api/v1/selfcare/journal", {"body": "for my therapist"}).json()["id"]
    assert api.post("/api/v1/selfcare/sharing", {"data_type": "questionnaires"}).status_code == 403
    do_give_consent(user, "practitioner_sharing")
    assert api.post("/api/v1/selfcare/sharing", {"data_type": "questionnaires"}).status_code == 201
    assert api.post("/api/v1/selfcare/sharing", {"data_type": "journal_entry"}).status_code == 400
    assert api.post("/api/v1/selfcare/sharing", {"data_type": "journal_entry", "journal_entry": jid}).status_code == 201
    assert api_as(other).post("/api/v1/selfcare/sharing", {"data_type": "journal_entry", "journal_entry": jid}).status_code in {403, 404}
    entry = JournalEntry.objects.get(pk=jid)
    assert is_shared(user, "journal_entry", entry) and is_shared(user, "questionnaires")
    assert api.delete(f"/api/v1/selfcare/sharing?data_type=journal_entry&journal_entry={jid}").status_code == 204
    assert not is_shared(user, "journal_entry", entry)
    assert SharingGrant.objects.filter(user=user).count() == 2  # the revoked grant stays as the record
    do_withdraw_consent(user, "practitioner_sharing")
    assert not is_shared(user, "questionnaires")  # withdrawing the consent stops all sharing at once
