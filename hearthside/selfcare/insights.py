"""Insights from check-ins: trends, weekdays, what goes with better and worse days.

Every figure carries the number of days it rests on, and nothing is claimed from too few days.
Scores, emotions, activities and sleep are encrypted (issue #17): the database cannot average or
group them. So each day of a person's check-ins is summed up once, when a check-in is written
(``checkin_days``, encrypted like the check-ins), and a read decrypts one summary a day of the
window and computes everything in Python. The number of queries is fixed: one count of the
check-ins in the window, one read of the summaries (plus the rebuild of the window's summaries
when they are missing or out of date, see ``checkin_days.window``). Notes are not read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from statistics import StatisticsError
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.utils import timezone

from . import checkin_days
from .models import CheckIn

WINDOWS = (7, 30, 90, 365)
MIN_DAYS_FOR_TREND = 3
MIN_DAYS_PER_GROUP = 5  # days with and without an activity before we compare them
# Past this many check-ins a day on average (an import gone wrong), the answer is read from the
# check-ins as it always was, newest first and no more than this bound, the oldest days of the
# window left out; below it, from the day summaries, which give the same answer.
MAX_CHECKINS_PER_DAY = 48
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _daily(user, days: int, today: date | None = None):
    """(first day, last day, {day: (check-ins, summary)}) of the window, oldest day first."""
    tz = ZoneInfo(user.time_zone or "UTC")
    now = timezone.now()
    today = today or now.astimezone(tz).date()
    start = today - timedelta(days=days - 1)
    since = now - timedelta(days=days + 1)
    limit = (days + 1) * MAX_CHECKINS_PER_DAY
    in_window = Q(at__gte=checkin_days.day_start(start, tz), at__lt=checkin_days.day_start(today + timedelta(days=1), tz))
    counts = CheckIn.objects.filter(user=user, at__gte=since).aggregate(read=Count("pk"),
                                                                        window=Count("pk", filter=in_window))
    if counts["read"] > limit:
        by_day = _daily_from_checkins(user, since, limit, tz, start, today)
    else:
        by_day = checkin_days.window(user, start, today, counts["window"])
    return start, today, dict(sorted(by_day.items()))


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
    if days not in WINDOWS:
        days = 30
    start, today, by_day = _daily(user, days)
    day_moods = {d: _day_mood(n, summary) for d, (n, summary) in by_day.items()}
    day_activities = {d: set(summary["activities"]) for d, (_n, summary) in by_day.items()}
    series = [{"date": d.isoformat(), "mood": round(day_moods[d], 2), "n": n} for d, (n, _s) in by_day.items()]
    # A centred 7-day moving average over the days that have data.
    smooth = []
    for i, point in enumerate(series):
        window = [p["mood"] for p in series[max(0, i - 3): i + 4]]
        smooth.append({"date": point["date"], "mood": round(mean(window), 2)})
    by_weekday: dict[int, list] = defaultdict(list)
    for d, m in day_moods.items():
        by_weekday[d.weekday()].append(m)
    weekday = []
    for wd in range(7):
        values = by_weekday[wd]
        weekday.append({"weekday": WEEKDAYS[wd], "mood": round(mean(values), 2) if values else None, "days": len(values)})
    overall = mean(day_moods.values()) if day_moods else None
    activities = []
    names = sorted({a for names in day_activities.values() for a in names})
    for name in names:
        with_days = [m for d, m in day_moods.items() if name in day_activities[d]]
        without_days = [m for d, m in day_moods.items() if name not in day_activities[d]]
        enough = len(with_days) >= MIN_DAYS_PER_GROUP and len(without_days) >= MIN_DAYS_PER_GROUP
        activities.append({
            "activity": name, "days_with": len(with_days), "days_without": len(without_days),
            "difference": round(mean(with_days) - mean(without_days), 2) if enough else None,
        })
    activities.sort(key=lambda a: (a["difference"] is None, -(a["difference"] or 0)))
    sleep_groups = {"under 6 h": [], "6–8 h": [], "over 8 h": []}
    for d, (_n, summary) in by_day.items():
        if not summary["sleep"]:
            continue
        hours = mean(summary["sleep"])
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
