"""Insights read a summary per day (``CheckInDay``, issue #20) and answer exactly as they did when they
decrypted every check-in: each answer is compared with ``reference``, the insights code as it was
before the summaries (a straightforward computation from the check-ins), as JSON text, so that even
``7`` against ``7.0`` would fail. The histories are written through the actions (creates, edits that
move a check-in to another day, deletes), then around them (bulk inserts, deletes, a changed time
zone), which a read must notice and repair.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from statistics import mean
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from hearthside.conftest import make_user

NOW = datetime(2026, 3, 29, 0, 40, tzinfo=ZoneInfo("UTC"))  # the night Europe's clocks go forward
EMOTIONS = ["calm", "sad", "anxious", "tired", "hopeful", "stressed", "Ängstlich", "joyful"]
ACTIVITIES = ["walk", "friends", "work", "reading", "music"]
# Around the sleep groups' edges (under 6 h, 6–8 h, over 8 h), where a mean computed another way
# could land on the other side.
SLEEPS = [None, 4.5, 5.9, 6, 6.1, 6.5, 7, 7.9, 8, 8.1, 9.7, 10, 2.3]


def reference(user, days: int = 30) -> dict:
    """The insights code before the day summaries, word for word (selfcare/insights.py at 2026-12-04)."""
    from hearthside.selfcare.insights import (
        MAX_CHECKINS_PER_DAY,
        MIN_DAYS_FOR_TREND,
        MIN_DAYS_PER_GROUP,
        WEEKDAYS,
    )
    from hearthside.selfcare.models import CheckIn

    if days not in (7, 30, 90, 365):
        days = 30
    tz = ZoneInfo(user.time_zone or "UTC")
    today = timezone.now().astimezone(tz).date()
    start = today - timedelta(days=days - 1)
    rows = (CheckIn.objects.filter(user=user, at__gte=timezone.now() - timedelta(days=days + 1)).order_by("-at", "-pk")
            .values_list("at", "mood", "emotions", "activities", "sleep_hours")[:(days + 1) * MAX_CHECKINS_PER_DAY])
    by_day: dict[date, dict] = defaultdict(lambda: {"moods": [], "emotions": [], "activities": set(), "sleep": []})
    for at, mood, emotions, activities, sleep in rows:
        day = at.astimezone(tz).date()
        if day < start or day > today:
            continue
        entry = by_day[day]
        entry["moods"].append(mood)
        entry["emotions"].extend(emotions or [])
        entry["activities"].update(activities or [])
        if sleep is not None:
            entry["sleep"].append(float(sleep))
    by_day = dict(sorted(by_day.items()))
    series = [{"date": d.isoformat(), "mood": round(mean(v["moods"]), 2), "n": len(v["moods"])} for d, v in by_day.items()]
    smooth = []
    for i, point in enumerate(series):
        window = [p["mood"] for p in series[max(0, i - 3): i + 4]]
        smooth.append({"date": point["date"], "mood": round(mean(window), 2)})
    day_moods = {d: mean(v["moods"]) for d, v in by_day.items()}
    weekday = []
    for wd in range(7):
        values = [m for d, m in day_moods.items() if d.weekday() == wd]
        weekday.append({"weekday": WEEKDAYS[wd], "mood": round(mean(values), 2) if values else None, "days": len(values)})
    overall = mean(day_moods.values()) if day_moods else None
    activities = []
    names = sorted({a for v in by_day.values() for a in v["activities"]})
    for name in names:
        with_days = [m for d, m in day_moods.items() if name in by_day[d]["activities"]]
        without_days = [m for d, m in day_moods.items() if name not in by_day[d]["activities"]]
        enough = len(with_days) >= MIN_DAYS_PER_GROUP and len(without_days) >= MIN_DAYS_PER_GROUP
        activities.append({
            "activity": name, "days_with": len(with_days), "days_without": len(without_days),
            "difference": round(mean(with_days) - mean(without_days), 2) if enough else None,
        })
    activities.sort(key=lambda a: (a["difference"] is None, -(a["difference"] or 0)))
    sleep_groups: dict[str, list] = {"under 6 h": [], "6–8 h": [], "over 8 h": []}
    for d, v in by_day.items():
        if not v["sleep"]:
            continue
        hours = mean(v["sleep"])
        key = "under 6 h" if hours < 6 else ("6–8 h" if hours <= 8 else "over 8 h")
        sleep_groups[key].append(day_moods[d])
    sleep = [{"sleep": k, "mood": round(mean(v), 2) if len(v) >= MIN_DAYS_PER_GROUP else None, "days": len(v)}
             for k, v in sleep_groups.items()]
    emotions = Counter(e for v in by_day.values() for e in v["emotions"]).most_common(12)
    return {
        "days": days, "start": start.isoformat(), "end": today.isoformat(), "days_with_data": len(series),
        "enough_for_trend": len(series) >= MIN_DAYS_FOR_TREND,
        "average_mood": round(overall, 2) if overall is not None else None,
        "series": series, "smoothed": smooth, "weekday": weekday, "activities": activities, "sleep": sleep,
        "emotions": [{"emotion": e, "count": c} for e, c in emotions], "min_days_per_group": MIN_DAYS_PER_GROUP,
    }


def assert_same_as_reference(user) -> None:
    from hearthside.selfcare import insights

    user.refresh_from_db()
    for days in (*insights.WINDOWS, 12):  # 12: not a window, so 30, as before
        got, want = insights.compute(user, days), reference(user, days)
        assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False), days


def stored_days(user) -> list[tuple]:
    from hearthside.selfcare.models import CheckInDay

    return [(d.day, d.time_zone, d.checkins, d.summary, d.newest_at)
            for d in CheckInDay.objects.filter(user=user).order_by("day")]


def assert_days_up_to_date(user) -> None:
    """The stored summaries are what summing everything up again gives."""
    from hearthside.selfcare import checkin_days

    before = stored_days(user)
    checkin_days.rebuild(user.pk)
    assert before == stored_days(user)


def _fields(rng: random.Random) -> dict:
    sleep = rng.choice(SLEEPS)
    return {"mood": rng.randint(1, 10), "emotions": rng.sample(EMOTIONS, rng.randint(0, 3)),
            "activities": rng.sample(ACTIVITIES, rng.randint(0, 2)), "sleep_hours": sleep}


def write_history(user, rng: random.Random, days: int = 400) -> list:
    """Check-ins through the actions: none, one or several a day, some near local midnight."""
    from hearthside.selfcare import actions

    tz = ZoneInfo(user.time_zone)
    created = []
    for day in range(days):
        for _n in range(rng.choice([0, 0, 1, 1, 1, 2, 3, 5])):
            local = (NOW.astimezone(tz) - timedelta(days=day)).replace(
                hour=rng.choice([0, 0, 1, 9, 13, 22, 23, 23]), minute=rng.randint(0, 59), second=rng.randint(0, 59))
            at = min(local.astimezone(ZoneInfo("UTC")), NOW - timedelta(seconds=1))
            created.append(actions.check_create_checkin(user, {**_fields(rng), "at": at.isoformat()}))
    return created


def edit_and_delete(user, checkins: list, rng: random.Random) -> None:
    from hearthside.selfcare import actions

    for checkin in rng.sample(checkins, len(checkins) // 5):
        change = rng.choice(["mood", "emotions", "move", "sleep", "all"])
        fields: dict = {}
        if change in ("mood", "all"):
            fields["mood"] = rng.randint(1, 10)
        if change in ("emotions", "all"):
            fields["emotions"], fields["activities"] = _fields(rng)["emotions"], _fields(rng)["activities"]
        if change in ("sleep", "all"):
            fields["sleep_hours"] = rng.choice(SLEEPS)
        if change in ("move", "all"):
            fields["at"] = (checkin.at - timedelta(hours=rng.choice([-30, -5, 3, 26, 24 * 40]))).isoformat()
            if datetime.fromisoformat(fields["at"]) > NOW:
                del fields["at"]
        actions.check_update_checkin(user, actions.access_checkin_by_id(user, checkin.pk), fields)
    kept = {c.pk for c in user.checkins.all()}
    for checkin in rng.sample(sorted(kept), len(kept) // 6):
        actions.do_delete_checkin(actions.access_checkin_by_id(user, checkin))


@pytest.fixture
def person(db):
    from hearthside.accounts.actions import do_give_consent

    def make(name: str, time_zone: str = "Europe/Madrid"):
        user = make_user(name, time_zone=time_zone)
        do_give_consent(user, "health_data")
        return user

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("zone, seed", [("Europe/Madrid", 1), ("Pacific/Kiritimati", 2), ("America/St_Johns", 3),
                                        ("UTC", 4)])
def test_insights_from_day_summaries_equal_insights_from_every_checkin(person, zone, seed):
    rng = random.Random(seed)
    with time_machine.travel(NOW, tick=False):
        user = person(f"p{seed}", zone)
        other = person(f"o{seed}", "Asia/Tokyo")
        checkins = write_history(user, rng)
        write_history(other, rng, days=40)
        assert_same_as_reference(user)
        edit_and_delete(user, checkins, rng)
        assert_days_up_to_date(user)
        assert_same_as_reference(user)
        assert_same_as_reference(other)
        # The insights are read from the summaries, not the check-ins: change a summary behind
        # their back (keeping its count) and the answer changes with it.
        from hearthside.selfcare import insights
        from hearthside.selfcare.models import CheckInDay

        newest = CheckInDay.objects.filter(user=user).order_by("-day").first()
        newest.summary = {**newest.summary, "mood_sum": newest.summary["mood_sum"] + 100 * newest.checkins}
        newest.save(update_fields=["summary"])
        point = next(p for p in insights.compute(user, 365)["series"] if p["date"] == newest.day.isoformat())
        assert point["mood"] > 10


@pytest.mark.django_db
def test_each_write_keeps_its_days_summed_up(person):
    from hearthside.selfcare import actions

    with time_machine.travel(NOW, tick=False):
        user = person("writer", "Europe/Madrid")
        # 23:30 in Madrid on the 27th is 22:30 UTC: the day is the 27th, not UTC's.
        late = actions.check_create_checkin(user, {"mood": 3, "emotions": ["sad", "tired"], "activities": ["work"],
                                                   "sleep_hours": 5.5, "at": "2026-03-27T22:30:00+00:00"})
        actions.check_create_checkin(user, {"mood": 8, "emotions": ["calm", "sad"], "sleep_hours": 7,
                                            "at": "2026-03-27T09:00:00+00:00"})
        assert stored_days(user) == [(date(2026, 3, 27), "Europe/Madrid", 2, {
            "v": 1, "mood_sum": 11, "emotions": [["sad", 2], ["tired", 1], ["calm", 1]],
            "activities": ["work"], "sleep": [5.5, 7.0]}, datetime(2026, 3, 27, 22, 30, tzinfo=ZoneInfo("UTC")))]
        actions.check_update_checkin(user, late, {"at": "2026-03-28T10:00:00+00:00", "mood": 4})
        assert [(d, n, s["mood_sum"], t.hour) for d, _z, n, s, t in stored_days(user)] == [
            (date(2026, 3, 27), 1, 8, 9), (date(2026, 3, 28), 1, 4, 10)]
        actions.do_delete_checkin(late)
        assert [(d, n) for d, _z, n, _s, _t in stored_days(user)] == [(date(2026, 3, 27), 1)]
        assert_same_as_reference(user)


@pytest.mark.django_db
def test_checkins_written_as_they_happen_are_added_to_their_day(person, monkeypatch):
    """The usual write, the newest check-in of its day, adds to the day's summary without reading the
    day's other check-ins; the result is what summing the day up again gives."""
    from hearthside.selfcare import actions, checkin_days

    sums = []
    scan = checkin_days._scan
    monkeypatch.setattr(checkin_days, "_scan", lambda *args: sums.append(args[1]) or scan(*args))
    rng = random.Random(13)
    user = person("diarist", "America/St_Johns")
    start = NOW - timedelta(days=20)
    for day in range(20):
        for hour in sorted(rng.sample(range(24), rng.randint(1, 4))):
            with time_machine.travel(start + timedelta(days=day, hours=hour, minutes=rng.randint(0, 59)), tick=False):
                actions.check_create_checkin(user, _fields(rng))
    with time_machine.travel(NOW, tick=False):
        days = stored_days(user)
        assert sum(n for _d, _z, n, _s, _t in days) == user.checkins.count()
        assert len(sums) == len(days)  # only the first check-in of each day summed its day up
        assert_days_up_to_date(user)
        assert_same_as_reference(user)
        # Such a write keeps its day with two queries: the read of the day's row, which locks it,
        # and its update. The person's time zone comes with the request's User; no other check-in
        # is read.
        from django.test.utils import CaptureQueriesContext

        actions.check_create_checkin(user, _fields(rng))  # (the day's first, if it is)
        scans = len(sums)
        with time_machine.travel(NOW + timedelta(seconds=1), tick=False), CaptureQueriesContext(connection) as queries:
            actions.check_create_checkin(user, _fields(rng))
        kept = [q["sql"] for q in queries.captured_queries if "selfcare_checkinday" in q["sql"]]
        assert [sql.split()[0] for sql in kept] == ["SELECT", "UPDATE"], kept
        assert "FOR UPDATE" in kept[0] or connection.vendor == "sqlite"
        assert len(sums) == scans
        assert not [q for q in queries.captured_queries if "accounts_user" in q["sql"]]
        assert [q["sql"].split()[0] for q in queries.captured_queries
                if "selfcare_checkin" in q["sql"] and "selfcare_checkinday" not in q["sql"]] == ["INSERT"]
        assert_days_up_to_date(user)


@pytest.mark.django_db
def test_a_read_repairs_days_written_around_the_actions(person):
    from hearthside.selfcare import insights
    from hearthside.selfcare.models import CheckIn, CheckInDay

    rng = random.Random(9)
    with time_machine.travel(NOW, tick=False):
        user = person("importer", "America/New_York")
        checkins = write_history(user, rng, days=100)
        # An import that goes around the actions, a delete by hand, a summary lost.
        CheckIn.objects.bulk_create([
            CheckIn(user=user, at=NOW - timedelta(hours=7 * i + 1), mood=1 + i % 10, emotions=["calm"],
                    activities=["walk"] if i % 2 else [], sleep_hours=Decimal("6.5"))
            for i in range(60)])
        CheckIn.objects.filter(pk__in=[c.pk for c in checkins[-5:]]).delete()
        CheckInDay.objects.filter(user=user, day=NOW.date() - timedelta(days=3)).delete()
        assert_same_as_reference(user)
        # The repaired days are stored: the next read finds them as they should be.
        assert_days_up_to_date(user)
        assert insights.compute(user, 90) == reference(user, 90)


@pytest.mark.django_db
def test_a_new_time_zone_counts_the_days_again(person):
    rng = random.Random(5)
    with time_machine.travel(NOW, tick=False):
        user = person("traveller", "Pacific/Kiritimati")
        write_history(user, rng, days=60)
        assert_same_as_reference(user)
        user.time_zone = "Pacific/Pago_Pago"  # 25 hours away: every check-in changes day
        user.save(update_fields=["time_zone"])
        assert_same_as_reference(user)
        assert {z for _d, z, _n, _s, _t in stored_days(user)} == {"Pacific/Pago_Pago"}


@pytest.mark.django_db
def test_past_the_bound_the_answer_is_read_from_the_checkins_as_before(person):
    """More than 48 check-ins a day on average (an import gone wrong): the oldest days of the window
    are left out, as they always were, and the summaries do not change that answer."""
    from hearthside.selfcare import insights
    from hearthside.selfcare.models import CheckIn

    with time_machine.travel(NOW, tick=False):
        user = person("flood", "UTC")
        CheckIn.objects.bulk_create([
            CheckIn(user=user, at=NOW - timedelta(minutes=20 * i + 1), mood=1 + i % 10, emotions=[EMOTIONS[i % 8]])
            for i in range(8 * 72)])
        got = insights.compute(user, 7)
        assert got == reference(user, 7)
        # Cut at the bound, 8 days of 48: the window (6 days and 40 minutes) holds 434 check-ins.
        assert sum(p["n"] for p in got["series"]) == 8 * 48
        assert_same_as_reference(user)


def test_a_day_mood_is_what_statistics_mean_gives():
    from hearthside.selfcare.insights import _day_mood

    for n in range(1, 49):
        for moods in ([1] * n, [10] * n, [7] * (n - 1) + [8], [1 + i % 10 for i in range(n)]):
            got, want = _day_mood(n, {"mood_sum": sum(moods)}), mean(moods)
            assert (type(got), got) == (type(want), want), moods


def test_insights_mean_is_statistics_mean_to_the_bit():
    import statistics

    from hearthside.selfcare.insights import mean as fast_mean

    rng = random.Random(3)
    samples = [[0.1, 0.2, 0.3], [5.9, 6.1], [9.7, 2.3], [7, 7.0], [3, 4], [1e-9, 3.3, 10], [6.67, 6.33, 6.0]]
    for _n in range(3000):
        size = rng.randint(1, 12)
        samples.append(rng.choice([
            [rng.randint(1, 10) for _ in range(size)],
            [round(rng.uniform(1, 10), 2) for _ in range(size)],
            [rng.choice([rng.randint(1, 10), round(rng.uniform(0, 24), 1), rng.random() * 10]) for _ in range(size)],
        ]))
    for values in samples:
        got, want = fast_mean(values), statistics.mean(values)
        assert (type(got), got) == (type(want), want), values
    with pytest.raises(statistics.StatisticsError):
        fast_mean([])


@pytest.mark.django_db
def test_summaries_are_ciphertext_and_go_with_the_person(person):
    from hearthside.core.personal_data import erase_rows, export_rows
    from hearthside.selfcare import actions
    from hearthside.selfcare.models import CheckInDay

    user = person("private")
    actions.check_create_checkin(user, {"mood": 2, "emotions": ["heartbroken"], "activities": ["gardening"]})
    with connection.cursor() as cursor:
        cursor.execute("SELECT summary FROM selfcare_checkinday WHERE user_id = %s", [user.pk])
        (raw,) = cursor.fetchone()
    assert raw.startswith("enc1:") and "heartbroken" not in raw and "gardening" not in raw
    exported = export_rows(user)["selfcare.checkinday"]
    assert [(r["checkins"], r["summary"]["emotions"]) for r in exported] == [(1, [["heartbroken", 1]])]
    erase_rows(user)
    assert not CheckInDay.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_the_command_sums_everything_up_again(person):
    from hearthside.selfcare.models import CheckInDay

    rng = random.Random(11)
    with time_machine.travel(NOW, tick=False):
        user = person("restored")
        write_history(user, rng, days=30)
        expected = stored_days(user)
        CheckInDay.objects.all().delete()
        CheckInDay.objects.create(user=person("left"), day=NOW.date(), time_zone="UTC", checkins=1, summary={})
        call_command("checkin_days", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert stored_days(user) == expected
        assert CheckInDay.objects.count() == len(expected)


BEFORE = [("selfcare", "0008_move_sharinggrant_to_accounts")]
AFTER = [("selfcare", "0011_checkinday_newest_at")]


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_sums_up_the_checkins_already_stored():
    rng = random.Random(21)
    apps = _migrate(BEFORE)
    try:
        users = [make_user("madrid", time_zone="Europe/Madrid"), make_user("samoa", time_zone="Pacific/Apia")]
        OldCheckIn = apps.get_model("selfcare", "CheckIn")
        for user in users:
            for _i in range(120):
                sleep = rng.choice(SLEEPS)
                OldCheckIn.objects.create(
                    user_id=user.pk, at=NOW - timedelta(hours=rng.randint(1, 24 * 100)), mood=rng.randint(1, 10),
                    emotions=rng.sample(EMOTIONS, rng.randint(0, 3)), activities=rng.sample(ACTIVITIES, 1),
                    sleep_hours=Decimal(str(sleep)) if sleep is not None else None)
        _migrate(AFTER)
        from hearthside.selfcare.models import CheckInDay

        for user in users:
            migrated = stored_days(user)
            assert sum(n for _d, _z, n, _s, _t in migrated) == 120
            assert {z for _d, z, _n, _s, _t in migrated} == {user.time_zone}
            assert all(t is not None for _d, _z, _n, _s, t in migrated)
            assert_days_up_to_date(user)
            with time_machine.travel(NOW, tick=False):
                assert_same_as_reference(user)
        assert CheckInDay.objects.count() == len(stored_days(users[0])) + len(stored_days(users[1]))
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _at_once(target, arguments) -> list[BaseException]:
    """``target(argument)`` in one thread per argument, lined up by a barrier; the errors raised."""
    import threading

    from django.db import connections

    barrier = threading.Barrier(len(arguments))
    errors: list[BaseException] = []

    def run(argument):
        try:
            barrier.wait(timeout=10)
            target(argument)
        except BaseException as exc:  # noqa: BLE001  (reported by the caller)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer is still waiting"
    return errors


@pytest.mark.django_db(transaction=True)
def test_writers_of_one_day_at_once_leave_it_summed_up_right(monkeypatch):
    """Several requests of one person writing check-ins of the same day at the same moment (two
    devices, an offline outbox sending its queue): each waits for the one before it, so the day's
    summary is what summing its check-ins up again gives, with none lost or counted twice. First a
    day without a row, which every writer tries to insert; then two writers that both read the day
    before either has written it (held there for as long as the other does not come); then creates
    (some back-dated, so that they sum the day up again) beside edits that move check-ins to the next
    day and back, and deletes.
    """
    import threading

    from hearthside.accounts.actions import do_give_consent
    from hearthside.accounts.models import User
    from hearthside.selfcare import actions, checkin_days
    from hearthside.selfcare.models import CheckIn, CheckInDay

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers (transaction_mode IMMEDIATE), so nothing races")
    user = make_user("racer", time_zone="Europe/Madrid")
    do_give_consent(user, "health_data")
    tz = ZoneInfo("Europe/Madrid")
    day = timezone.now().astimezone(tz).date() - timedelta(days=3)
    base = datetime.combine(day, datetime.min.time(), tzinfo=tz) + timedelta(hours=8)

    def creator(number: int, per_thread: int = 8):
        rng = random.Random(number)
        person = User.objects.get(pk=user.pk)  # each request loads its own
        for i in range(per_thread):
            # Interleaved across the threads; every third one back-dated within the day.
            minutes = i * 10 + number if i % 3 else rng.randint(0, 600)
            actions.check_create_checkin(person, {**_fields(rng), "at": (base + timedelta(minutes=minutes)).isoformat()})

    assert _at_once(creator, range(4)) == []
    assert CheckInDay.objects.filter(user=user).count() == 1
    assert stored_days(user)[0][2] == 4 * 8 == CheckIn.objects.filter(user=user).count()
    assert_days_up_to_date(user)

    # Each writer, once it has read the day's row, waits up to 2 s for the other to have read it
    # too. Where the row is locked, the other cannot read it until the first has committed: the
    # wait runs out and they take turns. Without the lock, both would add to the same summary and
    # one check-in would be lost from it.
    both_read = threading.Barrier(2)
    locked_row = checkin_days._locked_row

    def read_and_wait(user_id, day):
        row = locked_row(user_id, day)
        try:
            both_read.wait(timeout=2)
        except threading.BrokenBarrierError:
            pass
        return row

    monkeypatch.setattr(checkin_days, "_locked_row", read_and_wait)
    late = base + timedelta(hours=12)
    assert _at_once(lambda n: actions.check_create_checkin(User.objects.get(pk=user.pk), {
        "mood": 5, "emotions": [f"e{n}"], "at": (late + timedelta(minutes=n)).isoformat()}), range(2)) == []
    monkeypatch.undo()
    assert stored_days(user)[0][2] == 4 * 8 + 2 == CheckIn.objects.filter(user=user).count()
    assert_days_up_to_date(user)

    def editor(_number):
        rng = random.Random(99)
        person = User.objects.get(pk=user.pk)
        for pk in sorted(CheckIn.objects.filter(user=user).values_list("pk", flat=True))[:12]:
            checkin = actions.access_checkin_by_id(person, pk)
            if pk % 3 == 0:
                actions.do_delete_checkin(checkin)
            else:
                # To the next day, or back a little within the day; with a new mood either way.
                hours = 24 if pk % 3 == 1 else -rng.randint(1, 7)
                actions.check_update_checkin(person, checkin, {"mood": rng.randint(1, 10),
                                                               "at": (checkin.at + timedelta(hours=hours)).isoformat()})

    assert _at_once(lambda n: editor(n) if n == 3 else creator(10 + n), range(4)) == []
    assert CheckInDay.objects.filter(user=user).count() == 2
    assert sum(n for _d, _z, n, _s, _t in stored_days(user)) == CheckIn.objects.filter(user=user).count()
    assert_days_up_to_date(user)


@pytest.mark.django_db
@pytest.mark.parametrize("at", ["yesterday", "2026-02-30T10:00", "", 1700000000])
def test_a_checkin_time_that_is_not_a_time_is_refused_with_a_message(person, at):
    from django.core.exceptions import ValidationError

    from hearthside.selfcare import actions
    from hearthside.selfcare.models import CheckIn

    user = person("badtime", "Europe/Madrid")
    with pytest.raises(ValidationError) as err:
        actions.check_create_checkin(user, {"mood": 5, "at": at})
    assert "at" in err.value.message_dict
    assert not CheckIn.objects.filter(user=user).exists()
