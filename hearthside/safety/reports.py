"""Reports an operator can file (issue #21): counts per month, quarter or year of crisis detections,
help panels shown, alerts raised, outreach started and escalations, by feature and risk level.

Method (also written into every export, ``method()``):

- Every count but one is a count of **steps on alert timelines** (``AlertEvent``) dated within the
  period, so the report reconciles with the timelines by construction:
  detections = ``raised`` + ``attached`` steps (each flagged item, the first of an incident and
  every one that joined it), feature and level of that item; alerts raised = ``raised`` steps;
  outreach = ``outreach`` steps; escalations = ``escalated`` steps, by the feature that opened
  the alert and the alert's level at that moment (the ``raised`` level, or a later ``attached``
  step that raised it).
- Help panels shown = ``HelpShownCount``, a count per day, feature and level kept by
  ``actions.count_help_shown`` whenever screening shows the panel (moderate and above); it keeps
  no person, message or time of day. Panels other apps show on their own (a PHQ-9 answer, the
  companion's own checks) are not in it.
- Days are the site's time zone (``TIME_ZONE``); ``from`` and ``to`` are included; a period cut by
  either is counted for its days within the range only.
- Small counts: a count from 1 to ``SAFETY_REPORT_MIN_COUNT`` - 1 is shown as ``<N`` (primary
  suppression). Within each period and measure, when the hidden counts add up to less than N
  while the total is shown, the smallest shown counts are hidden too (``*``, complementary
  suppression), so no hidden count can be worked out from the total. Zeros are shown (a row that
  is absent is zero). Reports with overlapping ranges or other period lengths are not protected
  against each other: publish one.
- No personal data: counts only. Erasing an account deletes its alerts, so a report run later
  counts fewer of them; help-panel counts are kept.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import LEVEL_ORDER, AlertEvent, HelpShownCount

PERIODS = ("month", "quarter", "year")
# Each measure and the timeline steps it counts (help panels: their own daily counts).
MEASURES = ("detections", "help_shown", "alerts_raised", "outreach", "escalations")
STEPS = {"detections": ("raised", "attached"), "alerts_raised": ("raised",), "outreach": ("outreach",),
         "escalations": ("escalated",)}
MEASURE_NAMES = {
    "detections": gettext_lazy("Crisis detections"),
    "help_shown": gettext_lazy("Help panel shown"),
    "alerts_raised": gettext_lazy("Alerts raised"),
    "outreach": gettext_lazy("Outreach started"),
    "escalations": gettext_lazy("Escalations"),
}
ALL = "all"  # the feature and level of a period's total
MAX_DAYS = 366 * 5 + 1  # a report covers at most five years: one query of that many steps


@dataclass
class Report:
    start: date
    end: date  # included
    period: str
    min_count: int
    periods: list[tuple[str, date, date]] = field(default_factory=list)  # label, first day, last day (clipped)
    counts: Counter = field(default_factory=Counter)  # (period label, measure, feature, level) -> n
    steps: Counter = field(default_factory=Counter)  # timeline steps of each kind in the range

    def totals(self) -> Counter:
        out: Counter = Counter()
        for (label, measure, _feature, _level), n in self.counts.items():
            out[(label, measure)] += n
        return out

    def reconciliation(self) -> dict:
        """For each measure counted from timelines: its steps in the range, and its cells' sum."""
        out = {}
        for measure, kinds in STEPS.items():
            cells = sum(n for (_p, m, _f, _lv), n in self.counts.items() if m == measure)
            steps = sum(self.steps[k] for k in kinds)
            out[measure] = {"timeline_steps": list(kinds), "steps": steps, "cells": cells, "matches": steps == cells}
        return out


def period_of(day: date, period: str) -> tuple[str, date, date]:
    if period == "month":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return f"{day:%Y-%m}", first, last
    if period == "quarter":
        q = (day.month - 1) // 3
        first = date(day.year, 3 * q + 1, 1)
        last = (first + timedelta(days=95)).replace(day=1) - timedelta(days=1)
        return f"{day.year}-Q{q + 1}", first, last
    return str(day.year), date(day.year, 1, 1), date(day.year, 12, 31)


def check_range(start: date, end: date, period: str) -> None:
    """A range a report can be built for; ``ValueError`` with a message to show otherwise."""
    if period not in PERIODS:
        raise ValueError(_("The period must be month, quarter or year."))
    if end < start:
        raise ValueError(_("The end date is before the start date."))
    if (end - start).days + 1 > MAX_DAYS:
        raise ValueError(_("A report covers at most five years."))


def _day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def build(start: date, end: date, period: str = "month", *, min_count: int | None = None) -> Report:
    """Count everything in ``start``..``end`` (both included). Unsuppressed: see ``rows``."""
    check_range(start, end, period)
    report = Report(start=start, end=end, period=period,
                    min_count=settings.SAFETY_REPORT_MIN_COUNT if min_count is None else max(1, min_count))
    day = start
    while day <= end:
        label, first, last = period_of(day, period)
        report.periods.append((label, max(first, start), min(last, end)))
        day = last + timedelta(days=1)

    zone = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    kinds = sorted({k for ks in STEPS.values() for k in ks})
    events = list(AlertEvent.objects.filter(at__gte=since, at__lt=until, kind__in=kinds)
                  .select_related("alert").order_by("at", "pk"))
    # The alert's level when it was escalated or reached out from: the levels of its raised and
    # attached steps up to then (one query for every alert involved).
    later = {e.alert_id for e in events if e.kind in ("outreach", "escalated")}
    rises: dict[int, list] = defaultdict(list)
    for step in AlertEvent.objects.filter(alert_id__in=later, kind__in=("raised", "attached")).order_by("at", "pk"):
        rises[step.alert_id].append(step)

    def level_at(event) -> str:
        level = ""
        for step in rises.get(event.alert_id, []):
            if (step.at, step.pk) > (event.at, event.pk):
                break
            detail = step.detail or {}
            if step.kind == "raised" or (detail.get("rose") and LEVEL_ORDER.get(detail.get("level"), 0)
                                         > LEVEL_ORDER.get(level, -1)):
                level = detail.get("level") or level
        return level or event.alert.level

    for event in events:
        report.steps[event.kind] += 1
        label = period_of(_day(event.at), period)[0]
        detail = event.detail or {}
        if event.kind in ("raised", "attached"):
            feature, level = detail.get("source") or event.alert.source, detail.get("level") or event.alert.level
            report.counts[(label, "detections", feature, level)] += 1
            if event.kind == "raised":
                report.counts[(label, "alerts_raised", feature, level)] += 1
        else:
            measure = "outreach" if event.kind == "outreach" else "escalations"
            report.counts[(label, measure, event.alert.source, level_at(event))] += 1

    for cell in HelpShownCount.objects.filter(day__gte=start, day__lte=end):
        report.counts[(period_of(cell.day, period)[0], "help_shown", cell.source, cell.level)] += cell.count
    return report


def suppress(counts: dict, min_count: int) -> dict:
    """Hide small counts in one group (cells that add up to a total that is shown): ``None`` for
    a shown count, ``"small"`` (1 to min_count - 1) or ``"complementary"`` (hidden so the small
    ones cannot be worked out from the total)."""
    hidden = {key: "small" if 0 < n < min_count else None for key, n in counts.items()}
    total = sum(counts.values())
    if total < min_count:
        return hidden  # the total is hidden too, and every cell is small
    while True:
        hidden_sum = sum(counts[k] for k, why in hidden.items() if why)
        shown = sorted((counts[k], k) for k, why in hidden.items() if not why and counts[k] > 0)
        if not (0 < hidden_sum < min_count) or not shown:
            return hidden
        hidden[shown[0][1]] = "complementary"


def rows(report: Report) -> list[dict]:
    """The report's rows, suppressed: for each period and measure, its total (feature and level
    "all") and then its cells by feature and level. Absent cells are zero."""
    totals = report.totals()
    out = []
    n = report.min_count

    def shown(count: int, why: str | None) -> str:
        return {"small": f"<{n}", "complementary": "*"}.get(why or "", str(count))

    for label, first, last in report.periods:
        for measure in MEASURES:
            cells = {(f, lv): c for (p, m, f, lv), c in report.counts.items() if p == label and m == measure}
            total = totals[(label, measure)]
            total_why = "small" if 0 < total < n else None
            base = {"period": label, "period_start": first.isoformat(), "period_end": last.isoformat(),
                    "measure": measure}
            out.append({**base, "feature": ALL, "level": ALL, "count": None if total_why else total,
                        "shown": shown(total, total_why)})
            hidden = suppress(cells, n)
            for (feature, level) in sorted(cells, key=lambda k: (k[0], LEVEL_ORDER.get(k[1], 9), k[1])):
                why = hidden[(feature, level)]
                out.append({**base, "feature": feature, "level": level,
                            "count": None if why else cells[(feature, level)], "shown": shown(cells[(feature, level)], why)})
    return out


def method(report: Report) -> dict:
    n = report.min_count
    return {
        "counts": _("Detections are the raised and attached steps of alert timelines (each flagged item), by its "
                    "feature and level; alerts raised are raised steps; outreach and escalations are outreach and "
                    "escalated steps, by the feature that opened the alert and its level at that moment. Help "
                    "panel shown is a daily count kept when screening shows the panel, without any personal "
                    "data."),
        "days": _("Days are in the site's time zone (%(zone)s); the start and end dates are included; a period "
                  "cut by the range counts only its days within it.") % {"zone": settings.TIME_ZONE},
        "suppression": _("Counts from 1 to %(below)d are shown as <%(n)d. Where hidden counts would add up to less "
                         "than %(n)d within a period's measure, the smallest other counts are hidden too (*), so "
                         "no hidden count can be worked out from the total. Zero is shown; an absent row is "
                         "zero.") % {"below": n - 1, "n": n},
        "reconciliation": _("Each measure but help panels equals the number of those timeline steps dated in the "
                            "range; 'matches' says the report was checked against them."),
        "personal_data": _("Counts only: no person, message or time of day."),
    }


def as_json(report: Report) -> str:
    return json.dumps({
        "report": "hearthside-safety-report",
        "from": report.start.isoformat(), "to": report.end.isoformat(), "period": report.period,
        "time_zone": settings.TIME_ZONE, "min_count": report.min_count,
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "measures": {m: str(MEASURE_NAMES[m]) for m in MEASURES},
        "method": method(report),
        "reconciliation": {m: {"timeline_steps": r["timeline_steps"], "matches": r["matches"]}
                           for m, r in report.reconciliation().items()},
        "periods": [{"period": p, "start": a.isoformat(), "end": b.isoformat()} for p, a, b in report.periods],
        "rows": rows(report),
    }, indent=2, ensure_ascii=False)


CSV_FIELDS = ("period", "period_start", "period_end", "measure", "feature", "level", "count")


def as_csv(report: Report) -> str:
    """Comment lines (``#``) with the range and the method, then one row per count; ``count`` is
    the shown value (a number, ``<N`` or ``*``)."""
    out = io.StringIO()
    out.write(f"# hearthside-safety-report from {report.start.isoformat()} to {report.end.isoformat()}, "
              f"per {report.period}, time zone {settings.TIME_ZONE}, min_count {report.min_count}\n")
    for key, text in method(report).items():
        out.write(f"# {key}: {text}\n")
    recon = report.reconciliation()
    out.write("# reconciled with alert timelines: " + ", ".join(
        f"{m}={'yes' if r['matches'] else 'NO'}" for m, r in recon.items()) + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in rows(report):
        writer.writerow([row[f] if f != "count" else row["shown"] for f in CSV_FIELDS])
    return out.getvalue()
