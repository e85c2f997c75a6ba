"""A summary of each day of a person's check-ins (``CheckInDay``), which insights read.

Why: moods, emotions, activities and sleep are encrypted (issue #17), so the database cannot group
them, and insights decrypted every check-in of the window (23 requests/s with 850 check-ins in 30
days; docs/benchmarks.md). With one summary a day, a read decrypts one value a day (issue #20).

What keeps the summaries right:

- every check-in written, edited or deleted through ``actions`` updates its day in the same
  transaction, under a lock on the person's row, so two writes for one person take turns: a new
  check-in is added to its day (``add``); an edit or a delete sums the day up again from its
  check-ins (``refresh``; both days, for an edit that moves a check-in);
- a read (``window``) checks what it can see without decrypting more: each day was counted in the
  person's time zone of now, in this format, and the days hold as many check-ins as the check-ins
  table has in the window. Otherwise (check-ins bulk-created by the demo or an import, a changed time
  zone, a summary deleted by hand) the read sums the window up again from the check-ins and stores it;
- ``manage.py checkin_days`` sums up everything again, for one person or for everyone.

A day is summed up from its check-ins newest first, the order insights always read them in, so that
ties among the most frequent emotions come out in the same order as before.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Max, Min

from hearthside.accounts.models import User

from .models import CheckIn, CheckInDay

# Stored in every summary; a read that finds another version sums the window up again, so a change
# of format needs no migration.
VERSION = 1
ONE_DAY = timedelta(days=1)


def day_start(day: date, tz: ZoneInfo) -> datetime:
    """The first moment of ``day`` in ``tz`` (where midnight is skipped, zoneinfo gives the first
    moment after the gap)."""
    return datetime.combine(day, time(0), tzinfo=tz)


def summarise(rows) -> dict:
    """The summary of one day from its check-ins' ``(mood, emotions, activities, sleep_hours)``,
    newest first. Emotions keep the order they were first met in, with their counts; hours of
    sleep stay one per check-in (as floats), so that insights take their mean exactly as before."""
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


def _lock(user_id: int) -> str:
    """Lock the person's row until the transaction ends and return their time zone.

    On PostgreSQL ``FOR NO KEY UPDATE`` makes every writer of this person's summaries wait for the
    one before it (and then see what it committed), while inserting check-ins, which only takes a
    key-share lock on the row, goes on. SQLite needs nothing: a transaction there starts with the
    write lock (``transaction_mode = IMMEDIATE`` in settings)."""
    zone = User.objects.select_for_update(no_key=True).filter(pk=user_id).values_list("time_zone", flat=True).get()
    return zone or "UTC"


def _build(user_id: int, first: date, last: date, tz_name: str) -> dict[date, tuple[int, dict]]:
    """Sum up the days ``first`` to ``last`` again from the check-ins and store them; the caller
    holds the lock. Returns {day: (check-ins, summary)} for the days that have check-ins."""
    tz = ZoneInfo(tz_name)
    # A day more on each side, and each check-in's day taken from its own time, as insights always
    # did: nothing relies on where midnight falls in UTC.
    rows = (CheckIn.objects.filter(user_id=user_id, at__gte=day_start(first, tz) - ONE_DAY,
                                   at__lt=day_start(last + ONE_DAY, tz) + ONE_DAY)
            .order_by("-at", "-pk").values_list("at", "mood", "emotions", "activities", "sleep_hours"))
    by_day: dict[date, list] = defaultdict(list)
    for at, *values in rows.iterator(chunk_size=2000):
        day = at.astimezone(tz).date()
        if first <= day <= last:
            by_day[day].append(values)
    days = {day: (len(values), summarise(values)) for day, values in sorted(by_day.items())}
    CheckInDay.objects.filter(user_id=user_id, day__gte=first, day__lte=last).delete()
    CheckInDay.objects.bulk_create([
        CheckInDay(user_id=user_id, day=day, time_zone=tz_name, checkins=n, summary=summary)
        for day, (n, summary) in days.items()
    ])
    return days


def add(checkin: CheckIn) -> None:
    """A new check-in, in its day. The newest of the person's (one written now, nearly always) is
    added to its day's summary, so that a write costs the same however many check-ins the day holds;
    any other (back-dated) sums its day up again. Called by the create action inside its transaction.

    Adding in front gives what summing up the day again would: the day is read newest first, so the
    new check-in's emotions and activities come first in their order, then the day's as they were."""
    tz_name = _lock(checkin.user_id)
    day = checkin.at.astimezone(ZoneInfo(tz_name)).date()
    row = CheckInDay.objects.filter(user_id=checkin.user_id, day=day).first()
    if (row is None or row.time_zone != tz_name or row.summary.get("v") != VERSION
            or CheckIn.objects.filter(user_id=checkin.user_id, at__gt=checkin.at).exists()):
        _build(checkin.user_id, day, day, tz_name)
        return
    before = row.summary
    emotions: dict = {}
    for name in checkin.emotions or []:
        emotions[name] = emotions.get(name, 0) + 1
    for name, n in before["emotions"]:
        emotions[name] = emotions.get(name, 0) + n
    row.summary = {
        "v": VERSION, "mood_sum": before["mood_sum"] + checkin.mood,
        "emotions": [[name, n] for name, n in emotions.items()],
        "activities": list(dict.fromkeys([*(checkin.activities or []), *before["activities"]])),
        "sleep": ([float(checkin.sleep_hours)] if checkin.sleep_hours is not None else []) + before["sleep"],
    }
    row.checkins += 1
    row.save(update_fields=["checkins", "summary"])


def refresh(user_id: int, moments) -> None:
    """Sum up again the days of ``moments`` (a check-in's time, before and after an edit), in the
    person's time zone. Called by the check-in actions inside their transaction."""
    tz_name = _lock(user_id)
    tz = ZoneInfo(tz_name)
    for day in sorted({moment.astimezone(tz).date() for moment in moments if moment is not None}):
        _build(user_id, day, day, tz_name)


def rebuild(user_id: int, first: date | None = None, last: date | None = None,
            tz_name: str | None = None) -> dict[date, tuple[int, dict]]:
    """Sum up again the days ``first`` to ``last`` (all of the person's days without them) in
    ``tz_name`` (the person's time zone without it)."""
    with transaction.atomic():
        zone = _lock(user_id)
        tz_name = tz_name or zone
        if first is None or last is None:
            CheckInDay.objects.filter(user_id=user_id).delete()
            bounds = CheckIn.objects.filter(user_id=user_id).aggregate(first=Min("at"), last=Max("at"))
            if bounds["first"] is None:
                return {}
            tz = ZoneInfo(tz_name)
            first, last = bounds["first"].astimezone(tz).date(), bounds["last"].astimezone(tz).date()
        return _build(user_id, first, last, tz_name)


def window(user, start: date, end: date, checkins: int) -> dict[date, tuple[int, dict]]:
    """{day: (check-ins, summary)} for the days ``start`` to ``end`` in the person's time zone,
    where ``checkins`` is how many check-ins the check-ins table has in those days. Read from the
    stored summaries when they agree with that count and with the time zone; otherwise summed up
    again (and stored) first."""
    tz_name = user.time_zone or "UTC"
    days: dict[date, tuple[int, dict]] = {}
    counted = 0
    same_zone = current = True
    for day, zone, n, summary in (CheckInDay.objects.filter(user=user, day__gte=start, day__lte=end)
                                  .values_list("day", "time_zone", "checkins", "summary")):
        same_zone = same_zone and zone == tz_name
        current = current and summary.get("v") == VERSION
        counted += n
        days[day] = (n, summary)
    if same_zone and current and counted == checkins:
        return days
    if not same_zone:
        # A new time zone: every day of the person's is counted again, once, so that none is left
        # in the old zone to be read by a later window.
        return {day: value for day, value in rebuild(user.pk, tz_name=tz_name).items() if start <= day <= end}
    return rebuild(user.pk, start, end, tz_name)
