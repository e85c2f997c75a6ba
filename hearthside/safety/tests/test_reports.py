"""Safety reports (issue #21, part 3): counts per period from alert timelines and help-panel counts,
small counts suppressed, CSV and JSON, the command and the staff page."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import UTC, date, datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.safety import actions, reports
from hearthside.safety.models import AlertEvent, HelpShownCount, SafetyAlert


def _at(*when):
    return time_machine.travel(datetime(*when, tzinfo=UTC), tick=False)


def _resolve(alert):
    SafetyAlert.objects.filter(pk=alert.pk).update(status=SafetyAlert.Status.RESOLVED)


@pytest.fixture
def seeded(db):
    """Alerts across features, levels and months of 2026, and a few steps just outside the range."""
    a, b, c, d, e, f = (make_user(f"person-{x}") for x in "abcdef")
    with _at(2026, 1, 5, 10, 0):
        first = actions.raise_alert(a, source="community.chat", level="high")
    with _at(2026, 1, 5, 10, 1):
        actions.raise_alert(a, source="community.chat", level="imminent")  # joins it, raises it
    with _at(2026, 1, 5, 10, 20):
        assert actions.escalate_overdue_alerts() == 1  # escalated as imminent
    _resolve(first)
    with _at(2026, 1, 20, 9, 0):
        second = actions.raise_alert(b, source="selfcare.journal", level="moderate")
    with _at(2026, 1, 21, 9, 0):
        actions.raise_alert(b, source="supportline.message", level="moderate")  # joins, does not raise
    _resolve(second)
    with _at(2026, 2, 3, 12, 0):
        third = actions.raise_alert(c, source="friends.chat", level="high")
    with _at(2026, 2, 3, 12, 11):
        assert actions.escalate_overdue_alerts() == 1
    with _at(2026, 2, 4, 8, 0):
        actions._timeline(third, "outreach", conversation=1, how="new")
    with _at(2026, 3, 15, 18, 30):
        actions.raise_alert(f, source="selfcare.phq9", level="high")
    with _at(2026, 4, 2, 7, 0):
        actions.raise_alert(d, source="community.chat", level="moderate")
    # Outside 2026-01-01..2026-06-30: the last second of 2025 and the first of July.
    with _at(2025, 12, 31, 23, 59, 59):
        actions.raise_alert(e, source="community.chat", level="high")
    with _at(2026, 7, 1, 0, 0):
        actions.raise_alert(e, source="companion", level="moderate")
    for day, source, level in [(date(2026, 1, 5), "community.chat", "high"),
                               (date(2026, 1, 5), "community.chat", "imminent"),
                               (date(2026, 2, 3), "friends.chat", "high"),
                               (date(2025, 12, 31), "community.chat", "high")]:
        actions.count_help_shown(source, level, day=day)


H1 = (date(2026, 1, 1), date(2026, 6, 30))


def test_monthly_counts_equal_the_seeded_alerts(seeded):
    report = reports.build(*H1, "month", min_count=1)
    assert [p for p, _a, _b in report.periods] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    assert report.counts == Counter({
        ("2026-01", "detections", "community.chat", "high"): 1,
        ("2026-01", "detections", "community.chat", "imminent"): 1,
        ("2026-01", "detections", "selfcare.journal", "moderate"): 1,
        ("2026-01", "detections", "supportline.message", "moderate"): 1,
        ("2026-01", "alerts_raised", "community.chat", "high"): 1,
        ("2026-01", "alerts_raised", "selfcare.journal", "moderate"): 1,
        ("2026-01", "escalations", "community.chat", "imminent"): 1,
        ("2026-01", "help_shown", "community.chat", "high"): 1,
        ("2026-01", "help_shown", "community.chat", "imminent"): 1,
        ("2026-02", "detections", "friends.chat", "high"): 1,
        ("2026-02", "alerts_raised", "friends.chat", "high"): 1,
        ("2026-02", "escalations", "friends.chat", "high"): 1,
        ("2026-02", "outreach", "friends.chat", "high"): 1,
        ("2026-02", "help_shown", "friends.chat", "high"): 1,
        ("2026-03", "detections", "selfcare.phq9", "high"): 1,
        ("2026-03", "alerts_raised", "selfcare.phq9", "high"): 1,
        ("2026-04", "detections", "community.chat", "moderate"): 1,
        ("2026-04", "alerts_raised", "community.chat", "moderate"): 1,
    })


def test_quarters_and_a_year_group_the_same_steps(seeded):
    quarters = reports.build(*H1, "quarter", min_count=1)
    assert [p for p, _a, _b in quarters.periods] == ["2026-Q1", "2026-Q2"]
    assert quarters.totals() == Counter({("2026-Q1", "detections"): 6, ("2026-Q1", "alerts_raised"): 4,
                                         ("2026-Q1", "escalations"): 2, ("2026-Q1", "outreach"): 1,
                                         ("2026-Q1", "help_shown"): 3, ("2026-Q2", "detections"): 1,
                                         ("2026-Q2", "alerts_raised"): 1})
    year = reports.build(date(2026, 1, 1), date(2026, 12, 31), "year", min_count=1)
    assert year.periods == [("2026", date(2026, 1, 1), date(2026, 12, 31))]
    # July's step joins the count; the last second of 2025 does not.
    assert year.counts[("2026", "detections", "companion", "moderate")] == 1
    assert year.totals()[("2026", "detections")] == 8
    assert year.totals()[("2026", "help_shown")] == 3


def test_a_period_cut_by_the_range_counts_only_its_days(seeded):
    report = reports.build(date(2026, 1, 6), date(2026, 2, 3), "month", min_count=1)
    assert report.periods == [("2026-01", date(2026, 1, 6), date(2026, 1, 31)),
                              ("2026-02", date(2026, 2, 1), date(2026, 2, 3))]
    assert report.totals() == Counter({("2026-01", "detections"): 2, ("2026-01", "alerts_raised"): 1,
                                       ("2026-02", "detections"): 1, ("2026-02", "alerts_raised"): 1,
                                       ("2026-02", "escalations"): 1, ("2026-02", "help_shown"): 1})


def test_the_report_reconciles_with_the_alert_timelines(seeded):
    report = reports.build(*H1, "month", min_count=1)
    in_range = AlertEvent.objects.filter(at__gte=datetime(2026, 1, 1, tzinfo=UTC), at__lt=datetime(2026, 7, 1, tzinfo=UTC))
    steps = {kind: in_range.filter(kind=kind).count() for kind in ("raised", "attached", "escalated", "outreach")}
    assert steps == {"raised": 5, "attached": 2, "escalated": 2, "outreach": 1}
    assert report.reconciliation() == {
        "detections": {"timeline_steps": ["raised", "attached"], "steps": 7, "cells": 7, "matches": True},
        "alerts_raised": {"timeline_steps": ["raised"], "steps": 5, "cells": 5, "matches": True},
        "outreach": {"timeline_steps": ["outreach"], "steps": 1, "cells": 1, "matches": True},
        "escalations": {"timeline_steps": ["escalated"], "steps": 2, "cells": 2, "matches": True},
    }
    # Alerts raised are the alerts created in the range, too.
    assert SafetyAlert.objects.filter(created_at__gte=datetime(2026, 1, 1, tzinfo=UTC),
                                      created_at__lt=datetime(2026, 7, 1, tzinfo=UTC)).count() == 5


@pytest.mark.parametrize(("counts", "expected"), [
    ({"a": 12, "b": 3}, {"a": "complementary", "b": "small"}),
    ({"a": 12, "b": 15, "c": 3}, {"a": "complementary", "b": None, "c": "small"}),
    ({"a": 6, "b": 7, "c": 30}, {"a": "small", "b": "small", "c": None}),
    ({"a": 4, "b": 5}, {"a": "small", "b": "small"}),
    ({"a": 20, "b": 0}, {"a": None, "b": None}),
    ({"a": 10, "b": 11}, {"a": None, "b": None}),
])
def test_small_counts_are_hidden_and_cannot_be_worked_out(counts, expected):
    assert reports.suppress(counts, 10) == expected


def test_nothing_is_hidden_with_a_threshold_of_one():
    assert reports.suppress({"a": 1, "b": 2}, 1) == {"a": None, "b": None}


@pytest.mark.django_db
def test_rows_show_suppressed_counts():
    for source, level, n in [("community.chat", "high", 12), ("friends.chat", "moderate", 3), ("companion", "high", 25)]:
        HelpShownCount.objects.create(day=date(2026, 1, 9), source=source, level=level, count=n)
    report = reports.build(date(2026, 1, 1), date(2026, 1, 31), "month", min_count=10)
    help_rows = [(r["feature"], r["level"], r["count"], r["shown"]) for r in reports.rows(report)
                 if r["measure"] == "help_shown"]
    assert help_rows == [("all", "all", 40, "40"), ("community.chat", "high", None, "*"),
                         ("companion", "high", 25, "25"), ("friends.chat", "moderate", None, "<10")]
    other = [(r["measure"], r["shown"]) for r in reports.rows(report) if r["measure"] != "help_shown"]
    assert other == [("detections", "0"), ("alerts_raised", "0"), ("outreach", "0"), ("escalations", "0")]


def test_csv_shape(seeded):
    text = reports.as_csv(reports.build(date(2026, 3, 1), date(2026, 3, 31), "month", min_count=10))
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert comments[0] == ("# hearthside-safety-report from 2026-03-01 to 2026-03-31, per month, time zone UTC, "
                           "min_count 10")
    assert [c.split(":")[0] for c in comments[1:]] == ["# counts", "# days", "# suppression", "# reconciliation",
                                                      "# personal_data", "# reconciled with alert timelines"]
    assert comments[-1] == ("# reconciled with alert timelines: detections=yes, alerts_raised=yes, outreach=yes, "
                            "escalations=yes")
    rows = list(csv.reader(line for line in text.splitlines() if not line.startswith("#")))
    assert rows == [
        ["period", "period_start", "period_end", "measure", "feature", "level", "count"],
        ["2026-03", "2026-03-01", "2026-03-31", "detections", "all", "all", "<10"],
        ["2026-03", "2026-03-01", "2026-03-31", "detections", "selfcare.phq9", "high", "<10"],
        ["2026-03", "2026-03-01", "2026-03-31", "help_shown", "all", "all", "0"],
        ["2026-03", "2026-03-01", "2026-03-31", "alerts_raised", "all", "all", "<10"],
        ["2026-03", "2026-03-01", "2026-03-31", "alerts_raised", "selfcare.phq9", "high", "<10"],
        ["2026-03", "2026-03-01", "2026-03-31", "outreach", "all", "all", "0"],
        ["2026-03", "2026-03-01", "2026-03-31", "escalations", "all", "all", "0"],
    ]


def test_json_shape(seeded):
    data = json.loads(reports.as_json(reports.build(*H1, "quarter", min_count=1)))
    assert sorted(data) == ["from", "generated_at", "measures", "method", "min_count", "period", "periods",
                            "reconciliation", "report", "rows", "time_zone", "to"]
    assert (data["from"], data["to"], data["period"], data["min_count"]) == ("2026-01-01", "2026-06-30", "quarter", 1)
    assert sorted(data["method"]) == ["counts", "days", "personal_data", "reconciliation", "suppression"]
    assert data["reconciliation"]["detections"] == {"timeline_steps": ["raised", "attached"], "matches": True}
    assert data["periods"] == [{"period": "2026-Q1", "start": "2026-01-01", "end": "2026-03-31"},
                               {"period": "2026-Q2", "start": "2026-04-01", "end": "2026-06-30"}]
    q2 = [(r["measure"], r["feature"], r["level"], r["count"]) for r in data["rows"] if r["period"] == "2026-Q2"]
    assert q2 == [("detections", "all", "all", 1), ("detections", "community.chat", "moderate", 1),
                  ("help_shown", "all", "all", 0), ("alerts_raised", "all", "all", 1),
                  ("alerts_raised", "community.chat", "moderate", 1), ("outreach", "all", "all", 0),
                  ("escalations", "all", "all", 0)]
    assert set(data["rows"][0]) == {"period", "period_start", "period_end", "measure", "feature", "level", "count",
                                    "shown"}


def test_the_command_writes_json_and_audits(seeded):
    out = StringIO()
    call_command("safety_report", "--from", "2026-01-01", "--to", "2026-06-30", "--period", "quarter",
                 "--format", "json", "--min-count", "1", stdout=out)
    data = json.loads(out.getvalue())
    assert [r["count"] for r in data["rows"] if r["feature"] == "all" and r["period"] == "2026-Q1"] == [6, 3, 4, 1, 2]
    event = AuditEvent.objects.filter(action="safety.report_read").get()
    assert event.detail == {"from": "2026-01-01", "to": "2026-06-30", "period": "quarter", "format": "json",
                            "min_count": 1, "via": "command"}


@pytest.mark.django_db
@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-02-30", "--to", "2026-03-01"], "not a date (YYYY-MM-DD): '2026-02-30'"),
    (["--from", "2026-03-01", "--to", "2026-02-01"], "The end date is before the start date."),
    (["--from", "2000-01-01", "--to", "2026-01-01"], "A report covers at most five years."),
])
def test_the_command_refuses_bad_ranges(args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("safety_report", *args, stdout=StringIO())


@pytest.mark.django_db
def test_the_command_refuses_a_bad_format():
    with pytest.raises(CommandError, match="invalid choice: 'xml'"):
        call_command("safety_report", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "xml",
                     stdout=StringIO())


# ---------------------------------------------------------------------------------------------
# The staff page

URL = "/staff/safety/reports/"


@pytest.mark.django_db
def test_only_safety_leads_and_administrators_read_reports():
    member = make_user("member-r")
    moderator = make_user("mod-r", "moderator")
    practitioner = make_user("pract-r", "practitioner")
    supervisor = make_user("sup-r", "clinical_supervisor")
    admin = make_user("admin-r", "administrator")
    response = Client().get(URL)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={URL}")
    assert login_client(member).get(URL).status_code == 404
    assert login_client(moderator, two_factor=True).get(URL).status_code == 404
    assert login_client(practitioner, two_factor=True).get(URL).status_code == 404
    no_code = login_client(supervisor).get(URL)
    assert no_code.status_code == 302
    assert no_code["Location"].startswith("/accounts/two-factor/")
    assert not AuditEvent.objects.filter(action="safety.report_read").exists()
    for user in (supervisor, admin):
        assert login_client(user, two_factor=True).get(URL + "?from=2026-01-01&to=2026-03-31").status_code == 200
    link = '<a href="/staff/safety/reports/">Safety reports</a>'
    assert link in login_client(supervisor, two_factor=True).get("/staff/safety/").content.decode()
    assert link not in login_client(moderator, two_factor=True).get("/staff/safety/").content.decode()
    reads = AuditEvent.objects.filter(action="safety.report_read").order_by("seq")
    assert [(e.actor_id, e.detail) for e in reads] == [
        (u.pk, {"from": "2026-01-01", "to": "2026-03-31", "period": "month", "format": "html"})
        for u in (supervisor, admin)]


def test_the_page_shows_and_downloads_the_report(seeded):
    client = login_client(make_user("sup-p", "clinical_supervisor"), two_factor=True)
    page = client.get(URL + "?from=2026-01-01&to=2026-06-30&period=quarter")
    html = page.content.decode()
    assert page.status_code == 200
    # Totals per quarter (detections, help shown, alerts, outreach, escalations), then every cell.
    assert ('<td role="cell"><time datetime="2026-01-01">2026-Q1</time></td><td role="cell" data-label="Crisis '
            'detections">&lt;10</td><td role="cell" data-label="Help panel shown">&lt;10</td>') in html
    assert html.count('class="report-cell"') == 16 + 2
    assert "Checked: every count from alert timelines equals the number of those steps in the range." in html
    assert '<td role="cell" data-label="Feature">PHQ-9 questionnaire</td>' in html
    assert 'href="?from=2026-01-01&amp;to=2026-06-30&amp;period=quarter&amp;format=csv"' in html

    download = client.get(URL + "?from=2026-01-01&to=2026-06-30&period=quarter&format=csv")
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert download["Content-Disposition"] == 'attachment; filename="safety-report-2026-01-01-2026-06-30-quarter.csv"'
    assert download.content.decode() == reports.as_csv(reports.build(*H1, "quarter"))
    as_json = client.get(URL + "?from=2026-01-01&to=2026-06-30&period=quarter&format=json")
    assert as_json["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(as_json.content)["rows"][0] == {
        "period": "2026-Q1", "period_start": "2026-01-01", "period_end": "2026-03-31", "measure": "detections",
        "feature": "all", "level": "all", "count": None, "shown": "<10"}


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "message"), [
    ("?from=2026-13-01&to=2026-12-31", "Write the dates as YYYY-MM-DD, for example 2026-01-31."),
    ("?from=yesterday", "Write the dates as YYYY-MM-DD, for example 2026-01-31."),
    ("?from=2026-03-01&to=2026-02-01", "The end date is before the start date."),
    ("?from=2026-01-01&to=2026-02-01&period=week", "The period must be month, quarter or year."),
    ("?from=2026-01-01&to=2026-02-01&format=xml", "The format must be csv or json."),
    ("?from=2016-01-01&to=2026-02-01&format=csv", "A report covers at most five years."),
])
def test_bad_input_is_a_400_with_the_reason(query, message):
    client = login_client(make_user("sup-b", "clinical_supervisor"), two_factor=True)
    response = client.get(URL + query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AuditEvent.objects.filter(action="safety.report_read").exists()
