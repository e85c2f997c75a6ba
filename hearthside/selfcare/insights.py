"""Insights from check-ins: trends, weekdays, what goes with better and worse days.

Every figure carries the number of days it rests on, and nothing is claimed from too few days.
One query reads the window, so the number of queries is fixed. Scores, emotions, activities and
sleep are encrypted (issue #17): the database cannot average or group them, so this module reads
the person's own rows in the window, at most ``MAX_CHECKINS_PER_DAY`` a day on average (newest
first), decrypts them and computes everything in Python. Notes are not read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from statistics import mean
from zoneinfo import ZoneInfo

from django.utils import timezone

from .models import CheckIn

WINDOWS = (7, 30, 90, 365)
MIN_DAYS_FOR_TREND = 3
MIN_DAYS_PER_GROUP = 5  # days with and without an activity before we compare them
# The bound on rows decrypted for one answer: a check-in every half hour, day and night, is read in
# full; past that (an import gone wrong) the oldest days of the window are left out.
MAX_CHECKINS_PER_DAY = 48
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _daily(user, days: int, today: date | None = None):
    tz = ZoneInfo(user.time_zone or "UTC")
    today = today or timezone.now().astimezone(tz).date()
    start = today - timedelta(days=days - 1)
    rows = (CheckIn.objects.filter(user=user, at__gte=timezone.now() - timedelta(days=days + 1)).order_by("-at")
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
    return start, today, dict(sorted(by_day.items()))


def compute(user, days: int = 30) -> dict:
    if days not in WINDOWS:
        days = 30
    start, today, by_day = _daily(user, days)
    series = [{"date": d.isoformat(), "mood": round(mean(v["moods"]), 2), "n": len(v["moods"])} for d, v in by_day.items()]
    # A centred 7-day moving average over the days that have data.
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
    sleep_groups = {"under 6 h": [], "6–8 h": [], "over 8 h": []}
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
