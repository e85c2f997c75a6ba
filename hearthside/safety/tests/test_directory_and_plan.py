from __future__ import annotations

import json
import re
from datetime import date

import pytest

from hearthside.conftest import login_client
from hearthside.safety.directory import DATA_FILE

DATA = json.loads(DATA_FILE.read_text(encoding="utf-8"))
PHONE = re.compile(r"^\+?[0-9*#][0-9 \-]{1,20}$")


def test_every_shipped_number_is_well_formed_and_sourced():
    assert len({line["country"] for line in DATA["lines"]}) >= 30
    for line in DATA["lines"]:
        assert line["source"].startswith("https://"), line
        assert line["phone"] or line["sms"] or line["chat_url"], line
        if line["phone"]:
            assert PHONE.match(line["phone"]), line
        date.fromisoformat(line["verified_on"])
        assert len(line["country"]) == 2 and line["country"].isupper()
    for entry in DATA["emergency_numbers"]:
        assert re.match(r"^[0-9]{2,4}$", entry["number"]), entry
        assert entry["source"].startswith("https://")
    countries_with_lines = {line["country"] for line in DATA["lines"]}
    assert countries_with_lines <= {e["country"] for e in DATA["emergency_numbers"]}


def test_the_us_line_is_988():
    us = [line for line in DATA["lines"] if line["country"] == "US"]
    assert any(line["phone"] == "988" for line in us)
    assert not any("273" in line["phone"] for line in us)  # the pre-2022 number


@pytest.mark.django_db
def test_help_page_picks_the_browser_region_when_logged_out(anon):
    page = anon.get("/help/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9").content.decode()
    assert "024" in page and "112" in page


@pytest.mark.django_db
def test_help_page_for_an_unknown_country_still_gives_direction(anon):
    page = anon.get("/help/?country=ZZ")
    assert page.status_code == 200
    assert b"local emergency number" in page.content


@pytest.mark.django_db
def test_stale_entries_are_flagged():
    from datetime import timedelta

    from django.utils import timezone

    from hearthside.safety.models import CrisisLine

    line = CrisisLine.objects.first()
    line.verified_on = timezone.localdate() - timedelta(days=400)
    assert line.needs_verification


@pytest.mark.django_db
def test_safety_plan_needs_consent_then_saves_step_by_step(member):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.models import SafetyPlan

    client = login_client(member)
    refused = client.post("/help/plan/warning_signs/", {"items": "can't sleep", "go": "next"})
    assert refused.status_code == 400 and not SafetyPlan.objects.exists()
    do_give_consent(member, "health_data")
    saved = client.post("/help/plan/warning_signs/", {"items": "can't sleep\n\nstop replying to friends", "go": "next"})
    assert saved.status_code == 302 and saved["Location"].endswith("/help/plan/coping_strategies/")
    plan = SafetyPlan.objects.get(user=member)
    assert plan.steps["warning_signs"] == ["can't sleep", "stop replying to friends"]
    page = client.get("/help/plan/?print=1").content.decode()
    assert "stop replying to friends" in page
    assert client.get("/help/plan/not-a-step/").status_code == 404


@pytest.mark.django_db
def test_safety_plan_api_validates(member, api_as):
    from hearthside.accounts.actions import do_give_consent

    do_give_consent(member, "health_data")
    api = api_as(member)
    bad = api.client.put("/api/v1/me/safety-plan", {"steps": {"nonsense": ["x"]}}, content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert bad.status_code == 400
    too_long = api.patch("/api/v1/me/safety-plan", {"steps": {"warning_signs": ["x" * 501]}})
    assert too_long.status_code == 400
    ok = api.patch("/api/v1/me/safety-plan", {"steps": {"reasons_for_living": ["my kids"]}})
    assert ok.status_code == 200 and ok.json()["steps"]["reasons_for_living"] == ["my kids"]


@pytest.mark.django_db
def test_safety_plan_is_private(member, other_member, api_as):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.actions import check_update_plan

    do_give_consent(member, "health_data")
    check_update_plan(member, {"reasons_for_living": ["private reason"]})
    other = api_as(other_member).get("/api/v1/me/safety-plan")
    assert "private reason" not in other.content.decode()
