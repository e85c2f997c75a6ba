"""Mood and sleep scores are encrypted at rest (issue #17: they were the last plaintext health
values of self-help), and everything computed from them is unchanged.

``scores_golden.json`` was written by ``snapshot()`` running on the code before the change (plain
integer and decimal columns, computed the same way); the same history must give the same insights,
charts, suggestions, exercise effects, API answers and export now that every score is encrypted and
decrypted in Python. Since then, one change of wording: the weekday bars of the 7- and 30-day charts
say "(1 day)" where they said "(1 days)"; their two hashes are of the old SVG with only that replaced.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from decimal import Decimal
from hashlib import sha256
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client

from hearthside.conftest import make_user

GOLDEN = Path(__file__).with_name("scores_golden.json")
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=ZoneInfo("UTC"))
EMOTIONS = ["calm", "sad", "anxious", "tired", "hopeful", "stressed"]
ACTIVITIES = ["walk", "friends", "work", "reading"]
SLEEPS = [None, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 10]


def seed_history(user) -> None:
    """Fixed pseudo-random history: 400 days of check-ins (none, one or several a day, some days
    without sleep), and finished and unfinished exercise sessions."""
    from hearthside.selfcare.models import CheckIn, ExerciseSession

    rng = random.Random(17)
    rows = []
    for day in range(400):
        for _n in range(rng.choice([0, 1, 1, 1, 2, 3])):
            at = NOW - timedelta(days=day, hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
            sleep = rng.choice(SLEEPS)
            rows.append(CheckIn(
                user=user, at=at, mood=rng.randint(1, 10),
                emotions=rng.sample(EMOTIONS, rng.randint(0, 2)),
                activities=rng.sample(ACTIVITIES, rng.randint(0, 2)),
                sleep_hours=Decimal(str(sleep)) if sleep is not None else None,
                note=f"day {day}",
            ))
    CheckIn.objects.bulk_create(rows)
    slugs = ["box-breathing", "grounding-5-4-3-2-1", "self-compassion-break"]
    for i in range(40):
        before = rng.randint(1, 9)
        done = i % 7 != 3
        ExerciseSession.objects.create(
            user=user, exercise=slugs[i % 3], mood_before=before,
            mood_after=min(10, before + rng.randint(-1, 4)) if done else None,
            started_at=NOW - timedelta(days=i), completed_at=NOW - timedelta(days=i) if done else None,
        )


def snapshot(user) -> dict:
    """Everything the person sees, and their export holds, that the scores go into."""
    from hearthside.core.personal_data import serialise_row
    from hearthside.selfcare import charts, insights, recommend
    from hearthside.selfcare.actions import exercise_effects
    from hearthside.selfcare.models import CheckIn, ExerciseSession

    out: dict = {"insights": {}, "charts": {}}
    for days in insights.WINDOWS:
        data = insights.compute(user, days)
        out["insights"][str(days)] = data
        out["charts"][str(days)] = [  # the SVG text, by its SHA-256
            sha256(str(charts.line_chart(data["series"], data["smoothed"], data["start"], data["end"],
                                         title="t")).encode()).hexdigest(),
            sha256(str(charts.bar_chart(data["weekday"], "weekday", "mood", title="w")).encode()).hexdigest(),
        ]
    out["effects"] = exercise_effects(user)
    out["for_you"] = recommend.for_you(user)
    client = Client()
    client.force_login(user)
    # Only the fields the scores touch: ids differ from run to run, and other fields may come and go.
    out["api_checkins"] = [{k: row[k] for k in ("at", "mood", "sleep_hours", "emotions")}
                           for row in client.get("/api/v1/selfcare/checkins").json()]
    out["api_insights"] = client.get("/api/v1/selfcare/insights", {"days": 90}).json()
    out["export_checkins"] = [{k: row[k] for k in ("at", "mood", "sleep_hours")}
                              for row in map(serialise_row, CheckIn.objects.filter(user=user).order_by("pk"))]
    out["export_sessions"] = [{k: row[k] for k in ("exercise", "mood_before", "mood_after", "completed_at")}
                              for row in map(serialise_row, ExerciseSession.objects.filter(user=user).order_by("pk"))]
    return json.loads(json.dumps(out, default=str))


@pytest.fixture
def person(db):
    from hearthside.accounts.actions import do_give_consent

    user = make_user("scores", time_zone="Europe/Madrid")
    do_give_consent(user, "health_data")
    return user


@pytest.mark.django_db
def test_insights_charts_suggestions_and_export_are_what_they_were_with_plain_columns(person):
    with time_machine.travel(NOW, tick=False):
        seed_history(person)
        got = snapshot(person)
    assert got == json.loads(GOLDEN.read_text())


def _stored(table: str, columns: str, pk) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE id = %s", [pk])  # noqa: S608 (fixed names)
        return cursor.fetchone()


@pytest.mark.django_db
def test_scores_are_ciphertext_in_the_database_and_numbers_everywhere_else(person):
    from hearthside.core import crypto
    from hearthside.selfcare.actions import check_answer_step, check_start_exercise

    client = Client()
    client.force_login(person)
    created = client.post("/api/v1/selfcare/checkins", {"mood": 7, "sleep_hours": 6.5},
                          content_type="application/json").json()
    session = check_start_exercise(person, "box-breathing")
    session = check_answer_step(person, session, 3, step_id="_mood_before")
    session.mood_after = 9
    session.save(update_fields=["mood_after"])

    mood, sleep = _stored("selfcare_checkin", "mood, sleep_hours", created["id"])
    before, after = _stored("selfcare_exercisesession", "mood_before, mood_after", session.pk)
    assert all(str(v).startswith("enc1:") for v in (mood, sleep, before, after)), (mood, sleep, before, after)
    # Each is bound to its column: the same number elsewhere is another ciphertext, and a value
    # moved to another column does not decrypt.
    assert crypto.decrypt(mood, "selfcare.checkin.mood") == "7"
    assert crypto.decrypt(sleep, "selfcare.checkin.sleep_hours") == "6.5"
    assert crypto.decrypt(before, "selfcare.exercisesession.mood_before") == "3"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(after, "selfcare.exercisesession.mood_before")
    assert client.get(f"/api/v1/selfcare/checkins/{created['id']}").json()["mood"] == 7
    assert client.get(f"/api/v1/selfcare/checkins/{created['id']}").json()["sleep_hours"] == 6.5
    session.refresh_from_db()
    assert (session.mood_before, session.mood_after) == (3, 9)
