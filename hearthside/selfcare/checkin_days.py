"""A summary of each day of a person's check-ins (``CheckInDay``), which insights read.

Why: moods, emotions, activities and sleep are encrypted (issue #17), so the database cannot group
them, and insights decrypted every check-in of the window (23 requests/s with 850 check-ins in 30
days; docs/benchmarks.md). With one summary a day, a read decrypts one value a day (issue #20).

What keeps the summaries right:

- every check-in written, edited or deleted through ``actions`` updates its day in the same
  transaction, under a lock on that day's summary row (``SELECT ... FOR UPDATE``), so two writes of
  one person's day take turns, and each reads the day's check-ins only once it holds the lock. A
  new check-in that is the newest of its day (one written now, nearly always: the row keeps the
  time of its newest check-in, ``newest_at``) is added to the summary (``add``: two queries, the
  locking read and the update); any other write sums its day up again from its check-ins
  (``refresh``; both days, for an edit that moves a check-in). A day without a row yet is inserted;
  when two writers insert it at once, the unique constraint makes the second wait for the first,
  and it then locks the first one's row and does its work again on top of it;
- a read (``window``) checks what it can see without decrypting more: each day was counted in the
  person's time zone of now, in this format, and the days hold as many check-ins as the check-ins
  table has in the window. Otherwise (check-ins bulk-created by the demo or an import, a changed time
  zone, a summary deleted by hand) the read sums the window up again from the check-ins and stores it
  (``rebuild``: it locks the rows of the range, deletes them, reads the check-ins, inserts; a day
  that a writer inserted meanwhile keeps the writer's row, which is as new as the check-ins);
- ``manage.py checkin_days`` sums up everything again, for one person or for everyone.

A day is summed up from its check-ins newest first, the order insights always read them in, so that
ties among the most frequent emotions come out in the same order as before.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Min

from hearthside.accounts.models import User

from .models import CheckIn, CheckInDay

# Stored in every summary; a read that finds another version sums the window up again, so a change
# of format needs no migration.
VERSION = 1
ONE_DAY = timedelta(days=1)
# Attempts at a day whose row another writer inserts or deletes between our look and our write
# (each attempt but the last waited for that writer to commit); more would mean a bug.
ATTEMPTS = 5


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


def _zone_of(user) -> str:
    """The person's time zone, from the ``User`` the action already holds (no query)."""
    return user.time_zone or "UTC"


def _scan(user_id: int, first: date, last: date, tz_name: str) -> dict[date, tuple[int, dict, datetime]]:
    """{day: (check-ins, summary, newest check-in's time)} of the days ``first`` to ``last`` that
    have check-ins, summed up from the check-ins. The caller holds the rows' locks (or inserts)."""
    tz = ZoneInfo(tz_name)
    # A day more on each side, and each check-in's day taken from its own time, as insights always
    # did: nothing relies on where midnight falls in UTC.
    rows = (CheckIn.objects.filter(user_id=user_id, at__gte=day_start(first, tz) - ONE_DAY,
                                   at__lt=day_start(last + ONE_DAY, tz) + ONE_DAY)
            .order_by("-at", "-pk").values_list("at", "mood", "emotions", "activities", "sleep_hours"))
    by_day: dict[date, list] = defaultdict(list)
    newest: dict[date, datetime] = {}
    for at, *values in rows.iterator(chunk_size=2000):
        day = at.astimezone(tz).date()
        if first <= day <= last:
            by_day[day].append(values)
            newest.setdefault(day, at)  # newest first
    return {day: (len(values), summarise(values), newest[day]) for day, values in sorted(by_day.items())}


def _locked_row(user_id: int, day: date) -> CheckInDay | None:
    """The day's row, locked until the transaction ends (PostgreSQL; on SQLite a transaction holds
    the database's write lock from its start: ``transaction_mode = IMMEDIATE`` in settings)."""
    rows = list(CheckInDay.objects.select_for_update().filter(user_id=user_id, day=day)[:1])
    return rows[0] if rows else None


def _insert(user_id: int, day: date, tz_name: str, n: int, summary: dict, newest: datetime) -> bool:
    """Insert the day's row; False when another writer inserted it first (having waited for it to
    commit): the caller then locks that row and does its work again."""
    try:
        with transaction.atomic():
            CheckInDay.objects.create(user_id=user_id, day=day, time_zone=tz_name, checkins=n, summary=summary,
                                      newest_at=newest)
    except IntegrityError:
        return False
    return True


def _sum_up_day(user_id: int, day: date, tz_name: str, row: CheckInDay | None) -> bool:
    """Sum the day up again from its check-ins and store it in ``row`` (locked by the caller),
    or delete it when the day has none left, or insert it when there was no row. False when the
    insert lost to another writer's (see ``_insert``)."""
    found = _scan(user_id, day, day, tz_name).get(day)
    if found is None:
        if row is not None:
            row.delete()
        return True
    n, summary, newest = found
    if row is None:
        return _insert(user_id, day, tz_name, n, summary, newest)
    row.time_zone, row.checkins, row.summary, row.newest_at = tz_name, n, summary, newest
    row.save(update_fields=["time_zone", "checkins", "summary", "newest_at"])
    return True


def add(checkin: CheckIn) -> None:
    """A new check-in, in its day. The newest of its day (one written now, nearly always) is added
    to the day's summary, so that a write costs the same however many check-ins the day holds; any
    other (back-dated) sums its day up again. Called by the create action inside its transaction.

    Adding in front gives what summing up the day again would: the day is read newest first, so the
    new check-in's emotions and activities come first in their order, then the day's as they were."""
    user_id = checkin.user_id
    tz_name = _zone_of(checkin.user)
    day = checkin.at.astimezone(ZoneInfo(tz_name)).date()
    for _attempt in range(ATTEMPTS):
        row = _locked_row(user_id, day)
        if (row is None or row.time_zone != tz_name or row.summary.get("v") != VERSION
                or row.newest_at is None or checkin.at <= row.newest_at):
            if _sum_up_day(user_id, day, tz_name, row):
                return
            continue
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
        row.newest_at = checkin.at
        row.save(update_fields=["checkins", "summary", "newest_at"])
        return
    raise RuntimeError(f"the check-in day {day} of person {user_id} kept changing under its writer")


def refresh(user, moments) -> None:
    """Sum up again the days of ``moments`` (a check-in's time, before and after an edit), in the
    person's time zone. Called by the check-in actions inside their transaction."""
    tz_name = _zone_of(user)
    tz = ZoneInfo(tz_name)
    days = sorted({moment.astimezone(tz).date() for moment in moments if moment is not None})
    # Both days' rows locked in one query, in the order of their days (as every writer locks them),
    # so that two edits moving check-ins both ways between two days cannot wait for each other.
    rows = {row.day: row for row in CheckInDay.objects.select_for_update().filter(user_id=user.pk, day__in=days)
            .order_by("day")}
    for day in days:
        row = rows.get(day)
        for _attempt in range(ATTEMPTS):
            if _sum_up_day(user.pk, day, tz_name, row):
                break
            row = _locked_row(user.pk, day)
        else:
            raise RuntimeError(f"the check-in day {day} of person {user.pk} kept changing under its writer")


def _build(user_id: int, first: date, last: date, tz_name: str) -> dict[date, tuple[int, dict]]:
    """Sum up the days ``first`` to ``last`` again from the check-ins and store them. Returns
    {day: (check-ins, summary)} for the days that have check-ins."""
    # Lock the range's rows in the order of their days, then delete them: a writer of one of those
    # days waits, and finds our row after we commit. The check-ins are read only then, so that they
    # include every write that finished before.
    list(CheckInDay.objects.select_for_update().filter(user_id=user_id, day__gte=first, day__lte=last)
         .order_by("day").values_list("pk", flat=True))
    CheckInDay.objects.filter(user_id=user_id, day__gte=first, day__lte=last).delete()
    days = _scan(user_id, first, last, tz_name)
    # A day a writer inserted since (one without a row before) keeps the writer's row: it holds
    # every check-in we read and the writer's own.
    CheckInDay.objects.bulk_create([
        CheckInDay(user_id=user_id, day=day, time_zone=tz_name, checkins=n, summary=summary, newest_at=newest)
        for day, (n, summary, newest) in days.items()
    ], ignore_conflicts=True)
    return {day: (n, summary) for day, (n, summary, _newest) in days.items()}


def rebuild(user_id: int, first: date | None = None, last: date | None = None,
            tz_name: str | None = None) -> dict[date, tuple[int, dict]]:
    """Sum up again the days ``first`` to ``last`` (all of the person's days without them) in
    ``tz_name`` (the person's time zone without it)."""
    with transaction.atomic():
        if tz_name is None:
            tz_name = User.objects.filter(pk=user_id).values_list("time_zone", flat=True).get() or "UTC"
        if first is None or last is None:
            bounds = CheckIn.objects.filter(user_id=user_id).aggregate(first=Min("at"), last=Max("at"))
            stored = CheckInDay.objects.filter(user_id=user_id).aggregate(first=Min("day"), last=Max("day"))
            tz = ZoneInfo(tz_name)
            days = [d for d in (stored["first"], stored["last"]) if d is not None]
            days += [moment.astimezone(tz).date() for moment in (bounds["first"], bounds["last"]) if moment is not None]
            if not days:
                return {}
            first, last = min(days), max(days)
        return _build(user_id, first, last, tz_name)


def stored(user, start: date, end: date) -> list[tuple[date, str, int, str]]:
    """The rows of the days ``start`` to ``end`` as stored, oldest day first: (day, time zone,
    check-ins, the summary's ciphertext), nothing decrypted (insights take a fingerprint of them
    first, ``insights._stamp``, and decrypt only when their cached answer does not match it).

    Read with the database's own cursor: a year is some 365 rows on every insights read, and the
    ORM's building of the query and its conversion of each row took half of that read's CPU
    (docs/benchmarks.md, session 16). The statement is built from the model's own names; the
    values are passed as parameters, adapted as the ORM adapts them."""
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(_stored_sql(connection.vendor), [user.pk, ops.adapt_datefield_value(start),
                                                        ops.adapt_datefield_value(end)])
        rows = cursor.fetchall()
    # SQLite gives the day as its ISO text, PostgreSQL as a date.
    return [(day if type(day) is date else date.fromisoformat(day), zone, n, raw) for day, zone, n, raw in rows]


def counted(user, since: datetime, start: datetime, end: datetime) -> tuple[int, int]:
    """How many of the person's check-ins are at ``since`` or later, and how many of those are from
    ``start`` up to (not including) ``end``: one statement, read like ``stored`` (the two counts of
    every insights read)."""
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(_counted_sql(connection.vendor),
                       [ops.adapt_datetimefield_value(start), ops.adapt_datetimefield_value(end), user.pk,
                        ops.adapt_datetimefield_value(since)])
        read, window = cursor.fetchone()
    return read, window or 0


@functools.cache
def _counted_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    meta = CheckIn._meta
    at, user = (quote(meta.get_field(name).column) for name in ("at", "user"))
    return (f"SELECT COUNT(*), SUM(CASE WHEN {at} >= %s AND {at} < %s THEN 1 ELSE 0 END) "
            f"FROM {quote(meta.db_table)} WHERE {user} = %s AND {at} >= %s")


@functools.cache
def _stored_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    meta = CheckInDay._meta
    day, zone, n, summary, user = (quote(meta.get_field(name).column)
                                   for name in ("day", "time_zone", "checkins", "summary", "user"))
    return (f"SELECT {day}, {zone}, {n}, {summary} FROM {quote(meta.db_table)} "
            f"WHERE {user} = %s AND {day} >= %s AND {day} <= %s ORDER BY {day}")


_SUMMARY = CheckInDay._meta.get_field("summary")


def decrypted(rows: list[tuple[date, str, int, str]]) -> dict[date, tuple[int, dict]] | None:
    """{day: (check-ins, summary)} of ``rows`` (as ``stored`` gives them), decrypted; None when one
    of them is in another format than this code's (``VERSION``)."""
    days = {day: (n, _SUMMARY.from_db_value(raw, None, None)) for day, _zone, n, raw in rows}
    if all(summary.get("v") == VERSION for _n, summary in days.values()):
        return days
    return None


def window(user, start: date, end: date, checkins: int,
           rows: list[tuple[date, str, int, str]] | None = None) -> dict[date, tuple[int, dict]]:
    """{day: (check-ins, summary)} for the days ``start`` to ``end`` in the person's time zone,
    where ``checkins`` is how many check-ins the check-ins table has in those days. Read from the
    stored summaries (``rows``, as ``stored`` gives them, when the caller has them already) when
    they agree with that count and with the time zone; otherwise summed up again (and stored) first."""
    tz_name = user.time_zone or "UTC"
    if rows is None:
        rows = stored(user, start, end)
    same_zone = all(zone == tz_name for _day, zone, _n, _raw in rows)
    counted = sum(n for _day, _zone, n, _raw in rows)
    if same_zone and counted == checkins:
        days = decrypted(rows)
        if days is not None:
            return days
    if not same_zone:
        # A new time zone: every day of the person's is counted again, once, so that none is left
        # in the old zone to be read by a later window.
        return {day: value for day, value in rebuild(user.pk, tz_name=tz_name).items() if start <= day <= end}
    return rebuild(user.pk, start, end, tz_name)
