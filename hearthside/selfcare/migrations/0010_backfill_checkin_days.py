"""Sum up the days of every check-in already stored (the summaries insights read, 0009).

Self-contained on purpose (a migration must keep doing what it did when the code moves on): the
summing up is ``selfcare.checkin_days.summarise`` as it was written with this migration, version 1.
If that format changes later, reads notice the version and sum the window up again. Reversing
deletes nothing that 0009's reversal does not drop anyway.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.db import migrations

VERSION = 1


def _summarise(rows) -> dict:
    mood_sum = 0
    emotions: dict = {}
    activities: dict = {}
    sleep: list[float] = []
    for mood, day_emotions, day_activities, hours in rows:
        mood_sum += mood
        for name in day_emotions or []:
            emotions[name] = emotions.get(name, 0) + 1
        activities.update(dict.fromkeys(day_activities or []))
        if hours is not None:
            sleep.append(float(hours))
    return {"v": VERSION, "mood_sum": mood_sum, "emotions": [[name, n] for name, n in emotions.items()],
            "activities": list(activities), "sleep": sleep}


def backfill(apps, schema_editor):
    db = schema_editor.connection.alias
    CheckIn = apps.get_model("selfcare", "CheckIn")
    CheckInDay = apps.get_model("selfcare", "CheckInDay")
    User = apps.get_model("accounts", "User")
    zones = dict(User.objects.using(db).filter(pk__in=CheckIn.objects.using(db).values("user_id"))
                 .values_list("pk", "time_zone"))

    def flush(user_id, days):
        zone = zones.get(user_id) or "UTC"
        CheckInDay.objects.using(db).bulk_create([
            CheckInDay(user_id=user_id, day=day, time_zone=zone, checkins=len(rows), summary=_summarise(rows))
            for day, rows in sorted(days.items())
        ], batch_size=500)

    current, days = None, {}
    rows = (CheckIn.objects.using(db).order_by("user_id", "-at", "-pk")
            .values_list("user_id", "at", "mood", "emotions", "activities", "sleep_hours"))
    for user_id, at, *values in rows.iterator(chunk_size=2000):
        if user_id != current:
            if current is not None:
                flush(current, days)
            current, days = user_id, {}
            tz = ZoneInfo(zones.get(user_id) or "UTC")
        days.setdefault(at.astimezone(tz).date(), []).append(values)
    if current is not None:
        flush(current, days)


class Migration(migrations.Migration):

    dependencies = [
        ("selfcare", "0009_checkin_day"),
        ("accounts", "0004_sharinggrant"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
