"""The safety layer in a real browser: help now, the safety plan, and the live staff dashboard.

Every page visited is checked with axe-core (serious/critical findings fail) and saved as a
full-page screenshot under test-artifacts/screenshots/safety-*.png (several in the dark theme too).
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.conftest import PASSWORD, make_user
from hearthside.conftest import make_member as _member
from hearthside.safety.models import SAFETY_PLAN_KEYS
from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot
from hearthside.testing.browser import at_path as _at_path
from hearthside.testing.browser import h1 as _h1
from hearthside.testing.browser import in_other_thread as _in_other_thread

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

PLAN = {
    "Warning signs": ["Not sleeping for two nights", "Cancelling on friends"],
    "Internal coping strategies": ["A long walk with music"],
    "People and social settings that provide distraction": ["The climbing gym"],
    "People I can ask for help": ["My sister, 07700 900123"],
    "Professionals or agencies I can contact during a crisis": ["Dr Patel at the surgery", "Samaritans 116 123"],
    "Making the environment safe": ["Ask my sister to keep the spare medicines"],
    "Reasons for living": ["My niece's laugh"],
}




# ---------------------------------------------------------------------------------------------
# 1. Get help now


def test_help_now_logged_out_then_with_the_profile_country(page, audit, browser_context, live_server):
    # Logged out, the browser's en-GB picks British lines and the UK emergency number.
    page.goto("/help/")
    assert _h1(page) == "Get help now"
    emergency = page.get_by_role("region", name="Emergency")
    expect(emergency.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    lines = page.locator(".crisis-line")
    expect(lines.first).to_contain_text("Samaritans")
    expect(lines.first.get_by_role("link", name="116 123")).to_be_visible()
    assert page.locator("select#country").input_value() == "GB"
    # Nobody is signed in: no plan section, no link to write one.
    expect(page.get_by_role("heading", name="My safety plan")).to_have_count(0)
    audit.visit(page, "safety-help-gb", dark=True)

    # Logged in, the profile's country wins over the browser's language.
    member = _member("lumen", country="FR", pseudonym="Lumen")
    log_in(browser_context, member, live_server.url)
    page.goto("/help/")
    assert page.locator("select#country").input_value() == "FR"
    expect(page.get_by_role("region", name="Emergency")).to_contain_text("112")
    expect(page.locator(".crisis-line").first).to_contain_text("3114")
    expect(page.get_by_role("link", name="Write a safety plan for hard moments")).to_be_visible()
    audit.visit(page, "safety-help-member-fr", dark=True)

    audit.write_report("axe-safety-help.txt")
    audit.assert_clean()


def test_help_now_works_without_javascript(chromium, live_server):
    context = new_context(chromium, live_server.url, java_script_enabled=False)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto("/help/")
        assert _h1(page) == "Get help now"
        expect(page.get_by_role("region", name="Emergency")).to_contain_text("999")
        assert page.locator(".crisis-line").count() >= 1
        # The country chooser is a plain GET form: it works with no script at all.
        page.locator("select#country").select_option("ES")
        page.get_by_role("button", name="Show").click()
        page.wait_for_url("**/help/?country=ES")
        expect(page.get_by_role("region", name="Emergency")).to_contain_text("112")
        expect(page.locator(".crisis-line").first).to_contain_text("024")
        # The header's help link is a real link, reachable from any page.
        page.goto("/")
        page.get_by_role("banner").get_by_role("link", name="Get help now").click()
        page.wait_for_url(_at_path("/help/"))
        # Logged in, still without script: the profile's country picks the lines.
        log_in(context, _member("brook", country="FR", pseudonym="Brook"), live_server.url)
        page.goto("/help/")
        assert page.locator("select#country").input_value() == "FR"
        expect(page.locator(".crisis-line").first).to_contain_text("3114")
        # No axe here: with JavaScript off, Playwright's evaluate never returns. The same page is
        # checked with JavaScript on in the test above.
        save_screenshot(page, "safety-help-no-js")
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# 2. The safety plan, step by step, then printed


def test_member_writes_and_prints_a_safety_plan(page, audit, browser_context, live_server):
    from hearthside.safety.actions import plan_for

    member = _member("willow", "health_data", country="GB", pseudonym="Willow")
    log_in(browser_context, member, live_server.url)
    # Record calls to window.print instead of opening the print dialog.
    browser_context.add_init_script("window.__printCalls = 0; window.print = function () { window.__printCalls += 1; };")

    page.goto("/help/plan/")
    assert _h1(page) == "My safety plan"
    # Consent given: no "allow storing" box; every step says how to fill it.
    expect(page.get_by_role("button", name="Allow storing my health data")).to_have_count(0)
    expect(page.locator(".plan-steps > li")).to_have_count(len(PLAN))
    audit.visit(page, "safety-plan-empty", dark=True)

    page.get_by_role("link", name="Go through it step by step").click()
    titles = list(PLAN)
    for number, title in enumerate(titles, start=1):
        page.wait_for_load_state("load")
        assert _h1(page) == title
        expect(page.get_by_text(f"Step {number} of {len(titles)}")).to_be_visible()
        page.get_by_label("One per line").fill("\n".join(PLAN[title]))
        if number == 1:
            audit.visit(page, "safety-plan-step-1", dark=True)
        if number < len(titles):
            page.get_by_role("button", name="Save and continue").click()
            # "Save and continue" redirects to the next step's own address.
            page.wait_for_url(_at_path(f"/help/plan/{SAFETY_PLAN_KEYS[number]}/"))
            expect(page.locator(".messages")).to_contain_text("Saved.")
        else:
            expect(page.get_by_role("button", name="Save and continue")).to_have_count(0)
            audit.visit(page, "safety-plan-step-last")
            page.get_by_role("button", name="Save and finish").click()
    page.wait_for_url(_at_path("/help/plan/"))

    # The plan page lists every entry, in order, and the database holds them.
    for title, items in PLAN.items():
        step = page.locator(".plan-steps > li").filter(has=page.get_by_role("heading", name=title, exact=True))
        expect(step.locator("li")).to_have_text(items)
    stored = plan_for(member)
    assert stored is not None and stored.steps["reasons_for_living"] == ["My niece's laugh"]
    audit.visit(page, "safety-plan-written", dark=True)

    # Print: the button calls window.print(); the print styles drop navigation and controls.
    page.get_by_test_id("print-plan").click()
    assert page.evaluate("() => window.__printCalls") == 1
    page.emulate_media(media="print")
    try:
        for hidden in (".site-header", ".site-footer", ".messages", "[data-testid=print-plan]", ".plan-steps a"):
            assert not page.locator(hidden).first.is_visible(), f"{hidden} shows when printing"
        expect(page.get_by_role("heading", name="Reasons for living")).to_be_visible()
        expect(page.get_by_text("My niece's laugh")).to_be_visible()
        save_screenshot(page, "safety-plan-print")
    finally:
        page.emulate_media(media="screen")

    # The help page now shows the plan to its owner.
    page.get_by_role("banner").get_by_role("link", name="Get help now").click()
    page.wait_for_url(_at_path("/help/"))
    plan_section = page.get_by_role("region", name="My safety plan")
    expect(plan_section).to_contain_text("Dr Patel at the surgery")
    audit.visit(page, "safety-help-with-plan", dark=True)

    audit.write_report("axe-safety-plan.txt")
    audit.assert_clean()


# ---------------------------------------------------------------------------------------------
# 3. The live staff dashboard (websockets, so served over ASGI)


def _totp_code(device) -> str:
    from django_otp.oath import TOTP

    # A fresh device has used no step yet, so the current code is accepted.
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_moderator_sees_a_new_alert_live_and_acknowledges_it(asgi_context):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.safety.actions import raise_alert
    from hearthside.safety.models import SafetyAlert

    moderator = make_user("harbour", "moderator", pseudonym="Harbour")
    device = TOTPDevice.objects.create(user=moderator, name="phone", confirmed=True)
    person = make_user("riverstone", country="GB", pseudonym="River Stone")

    page = asgi_context.new_page()
    audit = PageAudit()
    audit.watch(page)

    # -- Log in with the password, then the code step.
    page.goto("/accounts/login/?next=/staff/safety/")
    page.get_by_label("Login name").fill("harbour")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(_at_path("/accounts/login/code/"))
    page.get_by_label("Code from your authenticator app").fill(_totp_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(_at_path("/staff/safety/"))

    # -- The dashboard connects to /ws/events/.
    assert _h1(page) == "Safety alerts"
    status = page.locator("#live-status")
    expect(status).to_have_text("live", timeout=10_000)
    expect(page.locator("#alerts tbody")).to_contain_text("No open alerts.")
    audit.visit(page, "safety-staff-dashboard-empty", dark=True)

    # A second tab watches the same dashboard, to see the acknowledgement arrive later.
    watcher = asgi_context.new_page()
    watcher.goto("/staff/safety/")
    expect(watcher.locator("#live-status")).to_have_text("live", timeout=10_000)

    # -- An alert is raised elsewhere; its row appears without a reload.
    page.evaluate("() => { window.__sameDocument = true; }")
    alert = _in_other_thread(raise_alert, person, source="test", level="high")
    row = page.locator(f'#alerts tbody tr[data-id="{alert.pk}"]')
    expect(row).to_be_visible(timeout=10_000)
    expect(row).to_have_class("level-high is-new")
    expect(row.get_by_role("link", name="River Stone")).to_be_visible()
    expect(row).to_contain_text("open")
    expect(page.locator("#alerts .empty-row")).to_have_count(0)
    assert page.evaluate("() => window.__sameDocument === true"), "the dashboard reloaded instead of updating"
    expect(watcher.locator(f'#alerts tbody tr[data-id="{alert.pk}"]')).to_be_visible(timeout=10_000)
    audit.visit(page, "safety-staff-dashboard-alert", dark=True)

    # -- Open it and acknowledge.
    row.get_by_role("link", name="River Stone").click()
    page.wait_for_url(_at_path(f"/staff/safety/alerts/{alert.pk}/"))
    assert _h1(page).startswith(f"Safety alert #{alert.pk}")
    expect(page.locator(".timeline")).to_contain_text("raised")
    audit.visit(page, "safety-staff-alert-open", dark=True)
    page.get_by_test_id("acknowledge").click()
    page.wait_for_url(_at_path(f"/staff/safety/alerts/{alert.pk}/"))
    expect(page.locator(".messages")).to_contain_text("Acknowledged.")
    expect(page.locator(".timeline")).to_contain_text("acknowledged")
    expect(page.locator(".timeline li").filter(has_text="acknowledged")).to_contain_text("Harbour")
    expect(page.get_by_test_id("acknowledge")).to_have_count(0)
    alert.refresh_from_db()
    assert alert.status == SafetyAlert.Status.ACKNOWLEDGED and alert.acknowledged_by_id == moderator.pk
    audit.visit(page, "safety-staff-alert-acknowledged", dark=True)

    # The other tab's row follows, live.
    watched_row = watcher.locator(f'#alerts tbody tr[data-id="{alert.pk}"]')
    expect(watched_row).to_contain_text("acknowledged", timeout=10_000)

    # -- Resolving needs a chosen outcome (none is preselected), then the row leaves the dashboard.
    expect(page.get_by_label("Outcome")).to_have_value("")
    page.get_by_role("button", name="Resolve").click()
    expect(page.locator(".messages")).to_contain_text("Choose an outcome.")
    page.get_by_label("Private note (optional)").fill("Spoke with them; they are with family tonight.")
    page.get_by_label("Outcome").select_option("supported")
    page.get_by_role("button", name="Resolve").click()
    expect(page.locator(".messages")).to_contain_text("Resolved.")
    expect(page.locator(".timeline li").last).to_contain_text("resolved")
    # Live arrival was shown above (new alert, acknowledgement); here check the resolved alert is
    # gone from the dashboard, reloading the watcher if its event is still in flight.
    try:
        expect(watched_row).to_have_count(0, timeout=5_000)
    except AssertionError:
        watcher.reload()
        expect(watcher.locator(f'#alerts tbody tr[data-id="{alert.pk}"]')).to_have_count(0)
    alert.refresh_from_db()
    assert alert.status == SafetyAlert.Status.RESOLVED and alert.outcome == "supported"

    audit.write_report("axe-safety-staff.txt")
    audit.assert_clean()
