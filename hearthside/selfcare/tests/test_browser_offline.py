"""Offline in a real browser: the connection is taken away with Playwright's network emulation
(``context.set_offline``), a check-in and a journal entry are written, the connection comes back
and each is stored exactly once; an answer lost on the way is resent without a double; the help
page with the safety plan opens with no connection; signing out empties the caches and the
outbox; another person signing in on the same browser finds nothing of the first.

Screenshots at 390 and 1280 px: test-artifacts/screenshots/offline-*.png.
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import (
    DESKTOP_VIEWPORT,
    PHONE_VIEWPORT,
    PageAudit,
    eventually,
    log_in,
    save_screenshot,
    save_screenshots,
)

pytestmark = pytest.mark.browser


def _writer(username: str):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.actions import check_update_plan
    from hearthside.safety.directory import load_directory_if_empty

    load_directory_if_empty()
    user = make_user(username, country="GB")
    do_give_consent(user, "health_data")
    check_update_plan(user, {"warning_signs": ["Pacing at night"], "people_to_ask": ["Sam, 07700 900123"]})
    return user


def _ready(page) -> None:
    """offline.js has started, the worker controls the page and the two pages are stored."""
    page.wait_for_function("() => window.hsOffline && navigator.serviceWorker.controller", timeout=15_000)
    assert page.evaluate("() => window.hsOffline.stored") is True


def _open_as_writer(open_live_context, username: str, path: str, audit: PageAudit | None = None):
    """A new ``_writer`` signed in on their own browser, at ``path`` once the offline parts are
    ready (``_ready``); ``audit`` watches the page when given. Returns the user, context and page."""
    user = _writer(username)
    context = open_live_context(user)
    page = context.new_page()
    if audit is not None:
        audit.watch(page)
    page.goto(path)
    _ready(page)
    return user, context, page


def _check_in_offline(page, mood_for: str) -> None:
    """With the connection gone, a check-in (the mood whose radio is ``mood_for``) is sent and goes
    into the outbox's list."""
    _go_offline(page)
    page.locator(f"label[for='{mood_for}']").click()
    page.get_by_role("button", name="Check in").click()
    page.locator("[data-offline-queue-list] li").first.wait_for()


def _cache_names(page) -> list[str]:
    return sorted(page.evaluate("() => caches.keys()"))


def _outbox(page) -> list[dict]:
    return page.evaluate("() => window.hsOffline.items()")


def _go_offline(page) -> None:
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")


def _shots(page, name: str) -> None:
    save_screenshots(page, f"offline-{name}")


def test_a_checkin_written_offline_is_sent_once_when_the_connection_returns(open_live_context):
    from hearthside.selfcare.models import CheckIn, JournalEntry

    audit = PageAudit()
    user, context, page = _open_as_writer(open_live_context, "offwriter", "/selfcare/checkin/", audit)
    assert _cache_names(page)[0] == "hs-private" and _cache_names(page)[1].startswith("hs-static-")
    # Chromium's own verdict on the manifest, icons and worker: nothing stops an install but
    # the test's browser context itself (Playwright's contexts are incognito, where no site
    # can be installed).
    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors") == {
        "installabilityErrors": [{"errorId": "in-incognito", "errorArguments": []}]}
    cdp.detach()  # left attached, it kept the page from seeing the connection come back (Chromium 156)

    _go_offline(page)
    page.locator("label[for='mood-4']").click()
    page.get_by_label("Anything on your mind? (optional, private)").fill("Wrote this in the lift")
    page.get_by_role("button", name="Check in").click()
    queue = page.locator("[data-offline-queue]")
    queue.get_by_text("Check-in, mood 4/10").wait_for()
    assert "waiting for a connection" in queue.inner_text()
    assert page.locator("[data-offline-kept]").inner_text() == (
        "You are offline. This is kept on this device and sent when the connection is back.")
    assert CheckIn.objects.count() == 0
    [kept] = _outbox(page)
    assert (kept["kind"], kept["fields"]["mood"], kept["fields"]["note"]) == ("checkin", 4, "Wrote this in the lift")
    _shots(page, "checkin-waiting")

    # Any page opened now comes from what the device kept: the page for writing offline.
    page.goto("/selfcare/journal/new/")
    assert page.get_by_role("heading", level=1).inner_text() == "Write, even offline"
    page.get_by_label("Title (optional)").fill("Train")
    page.get_by_label("Write freely").fill("No signal in the tunnel, writing anyway.")
    page.get_by_role("button", name="Save to my journal").click()
    page.locator("[data-offline-queue-list] li").nth(1).wait_for()
    assert page.locator("[data-offline-queue-summary]").inner_text() == (
        "2 things you wrote offline are waiting to be sent.")
    audit.visit(page, "offline-writer-axe")
    _shots(page, "writer-waiting")

    context.set_offline(False)
    eventually(page, "async () => (await window.hsOffline.items()).length === 0")
    page.wait_for_function("() => document.querySelector('[data-offline-queue]').hidden")
    assert CheckIn.objects.filter(user=user).count() == 1
    assert JournalEntry.objects.filter(user=user).count() == 1
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.mood, checkin.note, checkin.client_id) == (4, "Wrote this in the lift", kept["client_id"])
    assert JournalEntry.objects.get(user=user).body == "No signal in the tunnel, writing anyway."

    # Sending again, from this tab or another, stores nothing more.
    page.evaluate("() => window.hsOffline.flush()")
    other = context.new_page()
    other.goto("/selfcare/")
    other.wait_for_function("() => window.hsOffline")
    other.evaluate("() => window.hsOffline.flush()")
    assert CheckIn.objects.filter(user=user).count() == 1
    assert JournalEntry.objects.filter(user=user).count() == 1
    audit.assert_clean()


def test_an_answer_lost_on_the_way_is_resent_without_a_double(open_live_context):
    """The server stores the check-in but its answer never reaches the page (the connection drops
    at that moment): the check-in stays in the outbox and is sent again with the same client id;
    the server answers with the one it has."""
    from hearthside.selfcare.models import CheckIn

    user, context, page = _open_as_writer(open_live_context, "lostanswer", "/selfcare/checkin/")
    statuses = []

    def lose_the_answer(route):
        response = route.fetch()  # reaches the server, which stores it
        statuses.append(response.status)
        route.abort("connectionreset")

    page.route("**/api/v1/selfcare/checkins", lose_the_answer)
    _check_in_offline(page, "mood-8")
    context.set_offline(False)
    page.wait_for_function("() => navigator.onLine")
    page.evaluate("() => window.hsOffline.flush()")
    assert statuses == [201]
    assert CheckIn.objects.filter(user=user).count() == 1
    assert len(_outbox(page)) == 1  # the page never heard that it arrived

    page.unroute("**/api/v1/selfcare/checkins")
    answers = []
    page.on("response", lambda r: answers.append(r.status) if r.url.endswith("/selfcare/checkins") else None)
    page.evaluate("() => window.hsOffline.flush()")
    assert answers == [200]  # "already stored": the resend is recognised by its client id
    assert _outbox(page) == []
    assert CheckIn.objects.filter(user=user).count() == 1


def test_the_help_page_and_safety_plan_open_with_no_connection(open_live_context):
    audit = PageAudit()
    _user, context, page = _open_as_writer(open_live_context, "offhelp", "/selfcare/", audit)
    context.set_offline(True)
    page.goto("/help/")
    assert page.get_by_role("heading", level=1).inner_text() == "Get help now"
    plan = page.locator("section[aria-labelledby='my-plan-title']")
    assert "Pacing at night" in plan.inner_text() and "Sam, 07700 900123" in plan.inner_text()
    assert "Samaritans" in page.locator(".crisis-line").first.inner_text()
    assert "This page is kept on this device" in page.content()
    audit.visit(page, "offline-help-axe")
    _shots(page, "help")
    # The plan's own page, offline, falls back to the same stored page.
    page.goto("/help/plan/")
    assert "Pacing at night" in page.locator("section[aria-labelledby='my-plan-title']").inner_text()
    context.set_offline(False)
    audit.assert_clean()


def test_signing_out_clears_what_the_device_kept(live_server, open_live_context):
    _user, context, page = _open_as_writer(open_live_context, "offsignout", "/selfcare/checkin/")
    _check_in_offline(page, "mood-2")
    page.route("**/api/v1/selfcare/checkins", lambda route: route.abort())  # it stays waiting
    context.set_offline(False)
    page.goto("/accounts/settings/")
    page.wait_for_function("() => window.hsOffline")
    assert len(_outbox(page)) == 1
    page.set_viewport_size(PHONE_VIEWPORT)
    save_screenshot(page, "offline-settings-notice-390")
    page.set_viewport_size(DESKTOP_VIEWPORT)
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/")
    page.wait_for_function("() => window.hsOffline")
    page.evaluate("() => window.hsOffline.ready")
    assert asked == ["What you wrote offline has not been sent yet. Signing out deletes it from this "
                     "device. Sign out anyway?"]
    assert _cache_names(page) == []
    assert _outbox(page) == []
    assert page.evaluate("() => localStorage.getItem('hs-device')") is None
    # Offline now, the help page is not there to show: nothing of theirs is left.
    context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
        page.goto("/help/")


def test_another_person_signing_in_finds_nothing_of_the_first(live_server, open_live_context):
    second = make_user("secondperson")
    _first, context, page = _open_as_writer(open_live_context, "firstperson", "/selfcare/checkin/")
    _check_in_offline(page, "mood-5")
    page.route("**/api/v1/selfcare/checkins", lambda route: route.abort())
    context.set_offline(False)
    # The first person's session ends without signing out; the second signs in here.
    context.clear_cookies()
    log_in(context, second, live_server.url)
    page.goto("/accounts/settings/")
    page.wait_for_function("() => window.hsOffline")
    page.evaluate("() => window.hsOffline.ready")
    assert _outbox(page) == []
    # What is stored now is the second person's.
    page.evaluate("() => window.hsOffline.stored")
    copy = page.evaluate("() => caches.open('hs-private').then(c => c.match('/help/offline/')).then(r => r.text())")
    assert "Pacing at night" not in copy


def test_what_the_server_refuses_stays_with_the_reason_until_sent_by_hand(open_live_context):
    """Written offline by someone who has not allowed storing health data: the server refuses it
    (403), the page keeps it and says why; once they allow it, "Send now" sends it, once."""
    from hearthside.accounts.actions import do_give_consent, do_withdraw_consent
    from hearthside.selfcare.models import CheckIn

    user, context, page = _open_as_writer(open_live_context, "norefusal", "/selfcare/")
    page.goto("/selfcare/offline/")
    page.wait_for_function("() => window.hsOffline")
    do_withdraw_consent(user, "health_data")
    _check_in_offline(page, "offline-mood-6")
    context.set_offline(False)
    status = page.locator("[data-offline-queue-list] .offline-queue-status")
    expect_text = (" · not accepted: This needs your permission to store health data. "
                   "You can give it under Permissions.")
    page.wait_for_function("(t) => document.querySelector('.offline-queue-status').textContent === t",
                           arg=expect_text)
    assert status.inner_text().strip() == expect_text.strip()
    assert CheckIn.objects.count() == 0 and len(_outbox(page)) == 1
    _shots(page, "refused")
    do_give_consent(user, "health_data")
    answers = []
    page.on("response", lambda r: answers.append(r.status) if r.url.endswith("/selfcare/checkins") else None)
    page.get_by_role("button", name="Send now").click()
    eventually(page, "async () => (await window.hsOffline.items()).length === 0")
    assert answers == [201]
    assert list(CheckIn.objects.filter(user=user).values_list("mood", flat=True)) == [6]
