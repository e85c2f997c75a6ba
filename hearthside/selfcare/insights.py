"""Insights from check-ins: trends, weekdays, what goes with better and worse days.

Every figure carries the number of days it rests on, and nothing is claimed from too few days.
Scores, emotions, activities and sleep are encrypted (issue #17): the database cannot average or
group them. So each day of a person's check-ins is summed up once, when a check-in is written
(``checkin_days``, encrypted like the check-ins), and a read decrypts one summary a day of the
window and computes everything in Python. The number of queries is fixed: one count of the
check-ins in the window, one read of the summaries (plus the rebuild of the window's summaries
when they are missing or out of date, see ``checkin_days.window``). Notes are not read.

The summaries are read as stored first, not decrypted: the answer computed from them is kept in
the cache, encrypted, under a fingerprint of their ciphertext (see "The answer, cached" below), and
a read whose window has not changed since decrypts that one value instead of a summary a day
(issue #20: a year of insights at some 3 ms of CPU instead of 10 to 15). The means are exact
integer divisions (``mean``, ``_Sums``), the same bits as ``statistics.mean``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from statistics import StatisticsError
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from hearthside.core import crypto

from . import checkin_days
from .models import CheckIn

log = logging.getLogger("hearthside.selfcare")

WINDOWS = (7, 30, 90, 365)
MIN_DAYS_FOR_TREND = 3
MIN_DAYS_PER_GROUP = 5  # days with and without an activity before we compare them
# Past this many check-ins a day on average (an import gone wrong), the answer is read from the
# check-ins as it always was, newest first and no more than this bound, the oldest days of the
# window left out; below it, from the day summaries, which give the same answer.
MAX_CHECKINS_PER_DAY = 48
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _daily_from_checkins(user, since, limit: int, tz: ZoneInfo, start: date, today: date) -> dict:
    rows = (CheckIn.objects.filter(user=user, at__gte=since).order_by("-at", "-pk")
            .values_list("at", "mood", "emotions", "activities", "sleep_hours")[:limit])
    by_day: dict[date, list] = defaultdict(list)
    for at, *values in rows:
        day = at.astimezone(tz).date()
        if start <= day <= today:
            by_day[day].append(values)
    return {day: (len(values), checkin_days.summarise(values)) for day, values in by_day.items()}


def _day_mood(n: int, summary: dict):
    """The day's mean mood, as ``statistics.mean`` gives it for the day's moods: an ``int`` when
    it is whole, a float otherwise (the API's JSON shows ``7``, not ``7.0``, as it always has)."""
    total = summary["mood_sum"]
    return total // n if total % n == 0 else total / n


def mean(values):
    """``statistics.mean`` of ints and floats, to the bit and type, at a fraction of its cost.

    ``statistics.mean`` sums exactly (as Fractions) and rounds once; so does this, with integers: a
    float is an integer over a power of two, so the sum over the largest of those denominators is
    exact, and Python's int division rounds correctly. Whole means of ints stay ints, as there. A
    year of insights takes some 700 means; with ``statistics.mean`` they were most of a read.
    """
    values = list(values)
    n = len(values)
    if n == 0:
        raise StatisticsError("mean requires at least one data point")
    if all(type(v) is int for v in values):
        total = sum(values)
        return total // n if total % n == 0 else total / n
    ratios = [v.as_integer_ratio() for v in values]
    denominator = max(d for _p, d in ratios)
    return sum(p * (denominator // d) for p, d in ratios) / (denominator * n)


def compute(user, days: int = 30) -> dict:
    """The insights of the last ``days`` days (7, 30, 90 or 365; 30 for anything else)."""
    return _read(user, days, as_text=False)


def compute_json(user, days: int = 30) -> str:
    """``compute``'s answer as JSON text, as the API has always written it (``json.dumps`` with its
    defaults): a cached answer is handed out as it is kept, without being parsed and written again."""
    return _read(user, days, as_text=True)


def part(user, days: int, name: str, render: Callable[[dict], str], version: str = "") -> str:
    """A part of a page made from the answer alone, ``render(answer)``, kept in the cache beside the
    answer (encrypted the same way, under the same stamp) as ``name`` (the language it is written
    in, say; one of ``_names()``), and written again when ``version`` changes (what else it is
    written with: a template, translations): the insights page's, which takes longer to write
    out than the answer to compute."""
    window = _Window(user, days)
    text = window.cached(name, version)
    if text is None:
        text = render(window.answer())
        window.keep(name, text, version)
    return text


def _read(user, days: int, *, as_text: bool):
    window = _Window(user, days)
    text = window.cached("json")
    if text is not None:
        return text if as_text else json.loads(text)
    answer = window.answer()
    text = json.dumps(answer)
    window.keep("json", text)
    return text if as_text else answer


class _Window:
    """The window of one read: its days, how many check-ins it holds, its day summaries as stored
    and their stamp (None when they cannot be used as they are: the read sums them up again, or
    reads the check-ins past the bound)."""

    def __init__(self, user, days: int) -> None:
        if days not in WINDOWS:
            days = 30
        self.user, self.days = user, days
        tz_name = user.time_zone or "UTC"
        tz = self.tz = ZoneInfo(tz_name)
        now = timezone.now()
        self.today = now.astimezone(tz).date()
        self.start = self.today - timedelta(days=days - 1)
        self.since = now - timedelta(days=days + 1)
        self.limit = (days + 1) * MAX_CHECKINS_PER_DAY
        read, self.checkins = checkin_days.counted(user, self.since, checkin_days.day_start(self.start, tz),
                                                   checkin_days.day_start(self.today + timedelta(days=1), tz))
        self.rows = self.stamp = None
        if read <= self.limit:
            rows = self.rows = checkin_days.stored(user, self.start, self.today)
            if (all(zone == tz_name for _day, zone, _n, _raw in rows)
                    and sum(n for _day, _zone, n, _raw in rows) == self.checkins):
                self.stamp = _stamp(user.pk, days, self.start, self.today, tz_name, rows)

    def cached(self, name: str, version: str = "") -> str | None:
        if self.stamp is None:
            return None
        return _cached(self.user.pk, self.days, name, f"{self.stamp}{version}")

    def keep(self, name: str, text: str, version: str = "") -> None:
        if self.stamp is not None:
            _keep(self.user.pk, self.days, name, f"{self.stamp}{version}", text)

    def answer(self) -> dict:
        if self.rows is None:  # past the bound: from the check-ins, as always
            by_day = _daily_from_checkins(self.user, self.since, self.limit, self.tz, self.start, self.today)
            return _answer(self.days, self.start, self.today, dict(sorted(by_day.items())))
        if self.stamp is not None:
            by_day = checkin_days.decrypted(self.rows)
            if by_day is not None:
                return _answer(self.days, self.start, self.today, dict(sorted(by_day.items())))
        # Days missing, out of date or in another zone: summed up again and stored; the stamp was
        # not theirs (the next read finds them, and keeps its answer).
        by_day = checkin_days.window(self.user, self.start, self.today, self.checkins, self.rows)
        self.stamp = None
        return _answer(self.days, self.start, self.today, dict(sorted(by_day.items())))


# -- The answer, cached per person and window ----------------------------------------------------
#
# An answer is a function of the window (its days, first and last day, time zone) and of the
# window's day summaries, nothing else: ``_stamp`` is a SHA-256 of those, the summaries as stored
# (their ciphertext, which every write re-encrypts with a new nonce, so that any change of any day
# -- a check-in written, edited, moved or deleted, a day summed up again -- gives another stamp).
# The answer is kept in the cache (Redis in production, shared by every process) encrypted like a
# field (``core.crypto``, its associated data naming the person and the stamp), under one key per
# person and window, with the stamp it was computed for; a read whose stamp differs computes it
# again. So nothing has to remember to clear it: what changes an answer changes its stamp, a new
# time zone or a new day included. An account's erasure deletes its entries (``forget``).

CACHE_VERSION = 1  # of the answer's computation and format: change it with either
CACHE_SECONDS = 24 * 3600  # an answer is for one day (its window ends today) at most


def _cache_key(user_id: int, days: int, name: str) -> str:
    return f"selfcare:insights:{user_id}:{days}:{name}"


def _names() -> list[str]:
    """Every name an answer or a part of a page is kept under (``forget`` deletes them all)."""
    return ["json", *(f"page:{code}" for code, _name in settings.LANGUAGES)]


def _stamp(user_id: int, days: int, start: date, today: date, tz_name: str, rows) -> str:
    digest = hashlib.sha256(f"{CACHE_VERSION}|{checkin_days.VERSION}|{user_id}|{days}|{start}|{today}|{tz_name}"
                            .encode())
    digest.update("".join([f"|{day}:{n}:{raw}" for day, _zone, n, raw in rows]).encode())
    return digest.hexdigest()


def _aad(user_id: int, name: str, stamp: str) -> str:
    return f"selfcare.insights:{user_id}:{name}:{stamp}"


def _cached(user_id: int, days: int, name: str, stamp: str) -> str | None:
    try:
        kept = cache.get(_cache_key(user_id, days, name))
    except Exception:  # noqa: BLE001 - Redis away: the answer is computed, as without a cache
        log.warning("insights cache unavailable; computing the answer", exc_info=True)
        return None
    if not kept or kept[0] != stamp:
        return None
    try:
        return crypto.decrypt(kept[1], _aad(user_id, name, stamp))
    except crypto.DecryptionError:  # a key since retired, say: computed again
        return None


def _keep(user_id: int, days: int, name: str, stamp: str, text: str) -> None:
    try:
        cache.set(_cache_key(user_id, days, name), (stamp, crypto.encrypt(text, _aad(user_id, name, stamp))),
                  CACHE_SECONDS)
    except Exception:  # noqa: BLE001 - Redis away: not kept, computed again next time
        log.warning("insights cache unavailable; answer not kept", exc_info=True)


def forget(user_id: int) -> None:
    """Delete the person's cached answers and pages (at erasure: they would match nothing once the
    person's summaries are gone, but they are still their health data, if encrypted). With Redis
    away the erasure goes on: the entries are encrypted, bound to a fingerprint of summaries that
    no longer exist, and expire within CACHE_SECONDS."""
    try:
        cache.delete_many([_cache_key(user_id, days, name) for days in WINDOWS for name in _names()])
    except Exception:  # noqa: BLE001
        log.warning("insights cache unavailable at erasure; entries expire within a day", exc_info=True)


# -- The answer from the days' summaries -------------------------------------------------------


class _Sums:
    """Day moods as integers over one power-of-two denominator, so that the mean of any group of
    them is one exact integer division: what ``mean`` (and ``statistics.mean``) gives, to the bit
    and the type, without converting each value again for each group it is in."""

    def __init__(self, values: list) -> None:
        ratios = [v.as_integer_ratio() for v in values]
        self.denominator = max((d for _p, d in ratios), default=1)
        self.scaled = [p * (self.denominator // d) for p, d in ratios]
        self.floats = [type(v) is not int for v in values]

    def mean(self, total: int, n: int, floats: int):
        """The mean of ``n`` of the values whose scaled sum is ``total``, ``floats`` of them not ints."""
        if n == 0:
            raise StatisticsError("mean requires at least one data point")
        if not floats:  # ints only: an int when whole, as statistics.mean gives
            total //= self.denominator
            return total // n if total % n == 0 else total / n
        return total / (self.denominator * n)


def _smoothed(series: list[dict]) -> list[dict]:
    """A centred 7-day moving average over the days that have data (their rounded moods)."""
    sums = _Sums([p["mood"] for p in series])
    totals, floats = [0], [0]  # running sums, so that each window is one subtraction
    for scaled, is_float in zip(sums.scaled, sums.floats, strict=True):
        totals.append(totals[-1] + scaled)
        floats.append(floats[-1] + is_float)
    smooth = []
    for i, point in enumerate(series):
        lo, hi = max(0, i - 3), min(len(series), i + 4)
        smooth.append({"date": point["date"],
                       "mood": round(sums.mean(totals[hi] - totals[lo], hi - lo, floats[hi] - floats[lo]), 2)})
    return smooth


def _answer(days: int, start: date, today: date, by_day: dict) -> dict:
    """The answer from {day: (check-ins, summary)}, oldest day first."""
    day_moods = {d: _day_mood(n, summary) for d, (n, summary) in by_day.items()}
    series = [{"date": d.isoformat(), "mood": round(day_moods[d], 2), "n": n} for d, (n, _s) in by_day.items()]
    smooth = _smoothed(series)
    by_weekday: dict[int, list] = defaultdict(list)
    for d, m in day_moods.items():
        by_weekday[d.weekday()].append(m)
    weekday = []
    for wd in range(7):
        values = by_weekday[wd]
        weekday.append({"weekday": WEEKDAYS[wd], "mood": round(mean(values), 2) if values else None, "days": len(values)})
    overall = mean(day_moods.values()) if day_moods else None
    # Each activity's days with and without it: the sums of the days with it, and the rest.
    moods = _Sums(list(day_moods.values()))
    all_total, all_floats = sum(moods.scaled), sum(moods.floats)
    with_sums: dict[str, list[int]] = {}
    for (_n, summary), scaled, is_float in zip(by_day.values(), moods.scaled, moods.floats, strict=True):
        for name in set(summary["activities"]):
            sums = with_sums.setdefault(name, [0, 0, 0])
            sums[0] += scaled
            sums[1] += 1
            sums[2] += is_float
    activities = []
    for name in sorted(with_sums):
        total, n_with, floats = with_sums[name]
        n_without = len(day_moods) - n_with
        enough = n_with >= MIN_DAYS_PER_GROUP and n_without >= MIN_DAYS_PER_GROUP
        difference = None
        if enough:
            difference = round(moods.mean(total, n_with, floats)
                               - moods.mean(all_total - total, n_without, all_floats - floats), 2)
        activities.append({"activity": name, "days_with": n_with, "days_without": n_without, "difference": difference})
    activities.sort(key=lambda a: (a["difference"] is None, -(a["difference"] or 0)))
    sleep_groups = {"under 6 h": [], "6–8 h": [], "over 8 h": []}
    for d, (_n, summary) in by_day.items():
        hours = summary["sleep"]
        if not hours:
            continue
        hours = hours[0] if len(hours) == 1 else mean(hours)  # the mean of one value is that value
        key = "under 6 h" if hours < 6 else ("6–8 h" if hours <= 8 else "over 8 h")
        sleep_groups[key].append(day_moods[d])
    sleep = [{"sleep": k, "mood": round(mean(v), 2) if len(v) >= MIN_DAYS_PER_GROUP else None, "days": len(v)}
             for k, v in sleep_groups.items()]
    tally: Counter = Counter()
    for _n, summary in by_day.values():
        for emotion, count in summary["emotions"]:
            tally[emotion] += count
    emotions = tally.most_common(12)
    return {
        "days": days,
        "start": start.isoformat(),
        "end": today.isoformat(),
        "days_with_data": len(series),
        "enough_for_trend": len(series) >= MIN_DAYS_FOR_TREND,
        "average_mood": round(overall, 2) if overall is not None else None,
        "series": series,
        "smoothed": smooth,
        "weekday": weekday,
        "activities": activities,
        "sleep": sleep,
        "emotions": [{"emotion": e, "count": c} for e, c in emotions],
        "min_days_per_group": MIN_DAYS_PER_GROUP,
    }
