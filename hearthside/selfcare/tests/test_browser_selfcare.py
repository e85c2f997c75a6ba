"""Self-help in a real browser: a check-in with a suggested emotion, PHQ-9, box breathing, insights.

Every page visited is checked with axe-core (serious/critical findings fail) and saved as a
full-page screenshot under test-artifacts/screenshots/selfcare-*.png (several in the dark theme too).
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from hearthside.conftest import make_member as _member
from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot
from hearthside.testing.browser import at_path as _at_path
from hearthside.testing.browser import h1 as _h1

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

NOTE = "I feel so grateful and happy today"


def _emotion_model_problem() -> str:
    """Why the emotion model cannot suggest an emotion for NOTE yet, or "" when it can."""
    try:
        from hearthside.selfcare.emotions import suggest

        names = list(suggest(NOTE))
    except Exception as exc:  # noqa: BLE001 - the model may still be landing
        return f"the emotion model is not usable yet (hearthside.selfcare.emotions: {type(exc).__name__}: {exc})"
    if not names:
        return "the emotion model suggests nothing for the note"
    return ""


def _pick(page, input_id: str) -> None:
    """Choose a visually hidden radio (mood and scale buttons) by clicking its label, as a person would."""
    page.locator(f"label[for='{input_id}']").click()
    expect(page.locator(f"#{input_id}")).to_be_checked()


# ---------------------------------------------------------------------------------------------
# 4. A check-in with an emotion suggested from the note


def test_checkin_with_a_suggested_emotion(page, audit, browser_context, live_server):
    from hearthside.selfcare.models import CheckIn

    member = _member("fern", "health_data", "ai_features", pseudonym="Fern")
    log_in(browser_context, member, live_server.url)
    missing_model = _emotion_model_problem()

    page.goto("/selfcare/checkin/")
    assert _h1(page) == "How are you feeling?"
    # Both permissions given: no consent box, no "suggestions are off" note.
    expect(page.get_by_role("button", name="Allow storing my health data")).to_have_count(0)
    expect(page.get_by_text("Emotion suggestions from your note are off")).to_have_count(0)
    audit.visit(page, "selfcare-checkin", dark=True)

    # Typing the note asks the server for suggestions (after a short pause).
    with page.expect_response(lambda r: urlsplit(r.url).path == "/api/v1/selfcare/emotions/suggest") as answer:
        page.locator("#note").fill(NOTE)
    response = answer.value
    assert response.ok, f"suggest returned {response.status}"
    assert response.json()["enabled"] is True

    chips = page.locator("#emotion-chips")
    if missing_model:
        print(f"NOTE: suggestion chip not checked: {missing_model}")
        expect(chips.locator(".chip-suggested")).to_have_count(0)
        emotion = "grateful"
        chips.get_by_label(emotion, exact=True).check()
    else:
        suggested = chips.locator(".chip-suggested").first
        expect(suggested).to_be_visible(timeout=10_000)
        expect(page.locator("#suggest-status")).to_contain_text("Suggested from your note")
        emotion = suggested.locator("input").get_attribute("value")
        suggested.locator("input").check()
        audit.visit(page, "selfcare-checkin-suggested", dark=True)

    _pick(page, "mood-7")
    page.get_by_role("button", name="Check in", exact=True).click()
    page.wait_for_url(_at_path("/selfcare/"))
    expect(page.locator(".messages")).to_contain_text("Checked in.")
    audit.visit(page, "selfcare-home-after-checkin", dark=True)

    checkin = CheckIn.objects.get(user=member)
    assert checkin.mood == 7
    assert emotion in checkin.emotions, checkin.emotions
    assert checkin.note == NOTE

    audit.write_report("axe-selfcare-checkin.txt")
    audit.assert_clean()
    if missing_model:
        pytest.skip(f"check-in passed; the suggested-chip assertion was skipped: {missing_model}")


# ---------------------------------------------------------------------------------------------
# 5. PHQ-9 with item 9 above 0 shows help at once


def test_phq9_item_9_shows_the_help_panel(page, audit, browser_context, live_server):
    from hearthside.safety.models import SafetyAlert

    member = _member("sorrel", "health_data", country="GB", pseudonym="Sorrel")
    log_in(browser_context, member, live_server.url)

    page.goto("/selfcare/questionnaires/phq9/")
    assert "PHQ-9" in _h1(page) or "Patient Health" in _h1(page), _h1(page)
    audit.visit(page, "selfcare-phq9", dark=True)
    answers = {str(i): 1 for i in range(1, 9)} | {"9": 1}
    for item, value in answers.items():
        page.locator(f"#q_{item}_{value}").check()
    page.locator("#q_difficulty_1").check()
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r"/selfcare/responses/\d+/$"))

    panel = page.locator(".help-panel")
    expect(panel).to_be_visible()
    # It speaks to what the person answered (item 9), and says the team was asked to reach out.
    expect(panel.get_by_role("heading", level=2)).to_be_visible()
    expect(panel).to_contain_text("better off dead or of hurting yourself")
    expect(panel).to_contain_text("asked to reach out to you")
    expect(panel.get_by_role("link", name="Get help now")).to_have_attribute("href", "/help/")
    expect(panel.get_by_role("link", name="Open my safety plan")).to_have_attribute("href", "/help/plan/")
    expect(page.locator(".stat")).to_have_text("9")
    audit.visit(page, "selfcare-phq9-result-help", dark=True)

    # The operator's default policy also raised an alert for the team ("several days": moderate).
    alert = SafetyAlert.objects.get(person=member)
    assert (alert.source, alert.level) == ("selfcare.phq9", "moderate")

    # The panel's button leads to the lines for the person's country.
    panel.get_by_role("link", name="Get help now").click()
    page.wait_for_url(_at_path("/help/"))
    expect(page.locator(".crisis-line").first).to_contain_text("Samaritans")

    audit.write_report("axe-selfcare-phq9.txt")
    audit.assert_clean()


# ---------------------------------------------------------------------------------------------
# 6. Box breathing with the pacer


def test_box_breathing_with_the_pacer(chromium, live_server):
    from hearthside.selfcare.models import ExerciseSession

    member = _member("linden", "health_data", pseudonym="Linden")
    # Motion allowed, so the circle really grows and shrinks.
    context = new_context(chromium, live_server.url, reduced_motion="no-preference")
    context.set_default_timeout(15_000)
    try:
        log_in(context, member, live_server.url)
        page = context.new_page()
        audit = PageAudit()
        audit.watch(page)

        page.goto("/selfcare/exercises/box-breathing/")
        assert _h1(page) == "Box breathing"
        audit.visit(page, "selfcare-box-breathing-start", dark=True)
        page.get_by_test_id("start-exercise").click()
        page.wait_for_url(re.compile(r"/selfcare/exercise-sessions/\d+/$"))

        # Mood before.
        expect(page.get_by_text("Before you start")).to_be_visible()
        audit.visit(page, "selfcare-box-breathing-mood-before", dark=True)
        _pick(page, "scale-4")
        page.get_by_test_id("next-step").click()

        # Two steps of text, then the pacer.
        for _ in range(2):
            expect(page.locator(".step-text")).to_be_visible()
            page.get_by_test_id("next-step").click()
        pacer = page.locator(".pacer")
        expect(pacer).to_have_class(re.compile(r"\bis-running\b"))
        label = pacer.locator(".pacer-label")
        expect(label).to_have_text(re.compile(r"^Breathe in · \d$"))
        first = label.inner_text()
        circle = pacer.locator(".pacer-circle")
        # The first breath in grows the circle over four seconds: two looks a moment apart differ.
        transform_before = circle.evaluate("c => getComputedStyle(c).transform")
        expect(label).not_to_have_text(first, timeout=2_000)
        transform_after = circle.evaluate("c => getComputedStyle(c).transform")
        assert transform_after != transform_before, f"the pacer circle does not move ({transform_after})"
        audit.visit(page, "selfcare-box-breathing-pacer", dark=True)
        page.get_by_test_id("next-step").click()

        # The settling timer counts down.
        timer = page.locator(".timer")
        expect(timer).to_have_text(re.compile(r"^\d+ s$"))
        page.get_by_test_id("next-step").click()

        # Mood after, then the closing summary.
        expect(page.get_by_text("And now: how are you feeling")).to_be_visible()
        _pick(page, "scale-7")
        page.get_by_test_id("next-step").click()
        expect(page.locator(".step-summary")).to_be_visible()
        page.get_by_test_id("next-step").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Well done")
        expect(page.get_by_text("Your mood went from 4 to 7.")).to_be_visible()
        audit.visit(page, "selfcare-box-breathing-done", dark=True)

        session = ExerciseSession.objects.get(user=member, exercise="box-breathing")
        assert (session.mood_before, session.mood_after) == (4, 7) and session.completed_at is not None

        audit.write_report("axe-selfcare-breathing.txt")
        audit.assert_clean()
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# 7. Insights with six weeks of check-ins


def test_insights_charts(page, audit, browser_context, live_server):
    from django.utils import timezone

    from hearthside.selfcare.models import CheckIn

    member = _member("aspen", "health_data", pseudonym="Aspen")
    now = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    rows = []
    for day in range(40):
        walked = day % 3 != 0
        rows.append(CheckIn(
            user=member, at=now - timedelta(days=day), mood=max(1, min(10, 4 + (day % 7) // 2 + (2 if walked else 0))),
            emotions=["calm", "hopeful"] if walked else ["tired"], activities=["outdoors"] if walked else ["work"],
            sleep_hours=Decimal("7.5") if day % 4 else Decimal("5.5"), note="",
        ))
    CheckIn.objects.bulk_create(rows)
    log_in(browser_context, member, live_server.url)

    page.goto("/selfcare/insights/")
    assert _h1(page) == "Insights"
    charts = page.locator("svg.chart")
    expect(charts).to_have_count(2)
    expect(charts.first.locator("circle.dot")).to_have_count(30)
    expect(charts.nth(1).locator("rect.bar")).to_have_count(7)
    expect(page.get_by_role("link", name="30 days")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", name="What goes with better days")).to_be_visible()
    audit.visit(page, "selfcare-insights", dark=True)

    page.get_by_role("link", name="90 days").click()
    page.wait_for_url("**/selfcare/insights/?days=90")
    expect(page.locator("svg.chart").first.locator("circle.dot")).to_have_count(40)
    audit.visit(page, "selfcare-insights-90")

    # Every chart has its data as a table too.
    page.get_by_text("Show as a table").first.click()
    expect(page.get_by_role("table", name="Mood by day")).to_be_visible()
    save_screenshot(page, "selfcare-insights-table")

    audit.write_report("axe-selfcare-insights.txt")
    audit.assert_clean()
