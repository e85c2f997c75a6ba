"""``python manage.py safety_report --from 2026-01-01 --to 2026-03-31 --period month --format csv``:
the safety report (safety/reports.py) to standard output or ``--out``. No personal data."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = ("Counts of crisis detections, help panels shown, alerts, outreach and escalations per period, by "
            "feature and level, with small counts suppressed; CSV or JSON with the method written in.")

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day (included), YYYY-MM-DD")
        parser.add_argument("--period", choices=["month", "quarter", "year"], default="month")
        parser.add_argument("--format", dest="fmt", choices=["csv", "json"], default="csv")
        parser.add_argument("--min-count", type=int, default=None,
                            help="hide counts below this (default HEARTHSIDE_SAFETY_REPORT_MIN_COUNT); "
                                 "1 hides nothing: for internal checks, never for publishing")
        parser.add_argument("--out", default="-", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        from hearthside.core import audit
        from hearthside.safety import reports

        start, end = _date(options["start"]), _date(options["end"])
        try:
            report = reports.build(start, end, options["period"], min_count=options["min_count"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        body = reports.as_csv(report) if options["fmt"] == "csv" else reports.as_json(report)
        if options["out"] == "-":
            self.stdout.write(body, ending="")
        else:
            with open(options["out"], "w", encoding="utf-8", newline="") as handle:
                handle.write(body)
        audit.record("safety.report_read", detail={"from": start.isoformat(), "to": end.isoformat(),
                                                   "period": report.period, "format": options["fmt"],
                                                   "min_count": report.min_count, "via": "command"})
