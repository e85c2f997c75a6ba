"""A person's first visit, end to end in a real browser: sign up, two-factor, log in again, export.

Every page visited is checked with axe-core (serious/critical findings fail) and saved as a
full-page screenshot under test-artifacts/screenshots/ (some in the dark theme too).
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import base64
import json
import re

import pytest
from django_otp.oath import TOTP

from hearthside.conftest import PASSWORD
from hearthside.testing.browser import PageAudit, new_context
from hearthside.testing.browser import at_path as _at_path

pytestmark = pytest.mark.browser

USERNAME = "quietriver"
PSEUDONYM = "Quiet River"
CODE_LABEL = "Code from your authenticator app"
ENROL_LABEL = "The 6-digit code your app shows"


def _code_for(key: bytes, *, after_step: int = -1) -> str:
    """The current TOTP code, or the next one if the current step was already used.

    django-otp refuses a step at or before the last one it accepted, and accepts one step
    of drift, so asking for ``after_step + 1`` never has to wait for the clock.
    """
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.drift = max(0, after_step + 1 - totp.t())
    return f"{totp.token():06d}"


def _key_from_shown_secret(text: str) -> bytes:
    secret = re.sub(r"\s+", "", text).upper()
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


@pytest.fixture
def audit(page):
    log = PageAudit()
    log.watch(page)
    return log


def _expect_heading(page, text: str) -> None:
    heading = page.get_by_role("heading", level=1)
    assert text in heading.inner_text(), f"expected h1 {text!r} on {page.url}, got {heading.inner_text()!r}"


def test_signup_two_factor_login_and_export(page, audit):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # -- Home, logged out, then the sign-up form.
    page.goto("/")
    _expect_heading(page, "Support, at your pace, in private.")
    audit.visit(page, "home", dark=True)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign up").click()
    page.wait_for_url("**/accounts/signup/")
    audit.visit(page, "signup", dark=True)

    page.get_by_label("Login name").fill(USERNAME)
    page.get_by_label("Pseudonym").fill(PSEUDONYM)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Country code (optional)").fill("GB")
    page.get_by_label("I have read the privacy notice.").check()
    page.get_by_role("button", name="Create account").click()

    page.wait_for_url(_at_path("/"))
    _expect_heading(page, f"Hello, {PSEUDONYM}")
    assert "Your account is ready" in page.locator(".messages").inner_text()
    audit.visit(page, "home-member", dark=True)

    # -- Two-factor enrolment: read the key the page shows, as a person would type it into an app.
    page.goto("/accounts/two-factor/")
    _expect_heading(page, "Set up two-factor sign-in")
    audit.visit(page, "two-factor", dark=True)
    key = _key_from_shown_secret(page.get_by_test_id("totp-secret").inner_text())
    page.get_by_label(ENROL_LABEL).fill(_code_for(key))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    _expect_heading(page, "Two-factor sign-in is on")
    codes = page.get_by_test_id("recovery-codes").locator("li")
    assert codes.count() == 10
    assert all(re.fullmatch(r"[0-9a-f]{6}-[0-9a-f]{6}", c.strip()) for c in codes.all_inner_texts())
    audit.visit(page, "recovery-codes")
    page.get_by_role("link", name="I have saved them").click()

    # -- Account pages.
    page.wait_for_url("**/accounts/settings/")
    _expect_heading(page, "Account settings")
    assert page.get_by_role("link", name="Two-factor sign-in: on").is_visible()
    assert page.get_by_label("Pseudonym").input_value() == PSEUDONYM
    audit.visit(page, "settings", dark=True)

    page.get_by_role("link", name="Permissions (consent)").click()
    page.wait_for_url("**/accounts/consents/")
    _expect_heading(page, "Your permissions")
    audit.visit(page, "consents")

    page.goto("/accounts/settings/")
    page.get_by_role("link", name="Access tokens for programs").click()
    page.wait_for_url("**/accounts/tokens/")
    audit.visit(page, "tokens")
    page.get_by_label("Token name").fill("my script")
    page.get_by_role("button", name="Create token").click()
    assert page.get_by_test_id("new-token").inner_text().strip()
    assert page.get_by_role("table").get_by_text("my script").is_visible()
    audit.visit(page, "tokens-created", dark=True)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Privacy").click()
    page.wait_for_url("**/accounts/privacy/")
    _expect_heading(page, "Your data")
    audit.visit(page, "privacy", dark=True)

    # -- Help, logged in: the profile's country picks the lines.
    page.get_by_role("banner").get_by_role("link", name="Get help now").click()
    page.wait_for_url("**/help/")
    _expect_heading(page, "Get help now")
    assert page.locator("select#country").input_value() == "GB"
    assert page.locator(".crisis-line").count() >= 1
    audit.visit(page, "help-member")

    # -- Log out, then log in with the password and the code step.
    page.goto("/accounts/settings/")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(_at_path("/"))
    assert "You have logged out." in page.locator(".messages").inner_text()
    _expect_heading(page, "Support, at your pace, in private.")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    page.wait_for_url("**/accounts/login/")
    audit.visit(page, "login", dark=True)
    page.get_by_label("Login name").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url("**/accounts/login/code/")
    _expect_heading(page, "Enter your code")
    audit.visit(page, "login-code", dark=True)
    device = TOTPDevice.objects.get(user__username=USERNAME, confirmed=True)
    assert device.bin_key == key
    page.get_by_label(CODE_LABEL).fill(_code_for(key, after_step=device.last_t))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(_at_path("/"))
    _expect_heading(page, f"Hello, {PSEUDONYM}")
    # The session proved the second factor: the two-factor page shows "on", not "confirm it's you".
    page.goto("/accounts/two-factor/")
    _expect_heading(page, "Two-factor sign-in is on")
    audit.visit(page, "two-factor-on")

    # -- Download the export and read it.
    page.goto("/accounts/privacy/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename == f"hearthside-export-{USERNAME}.json"
    with open(download.path(), encoding="utf-8") as fh:
        exported = json.load(fh)
    assert exported["format"] == "hearthside-export"
    assert exported["account"]["pseudonym"] == PSEUDONYM
    assert exported["account"]["username"] == USERNAME
    assert exported["account"]["country"] == "GB"

    audit.write_report("axe-accounts.txt")
    audit.assert_clean()


def test_help_page_logged_out(page, audit):
    # The context's browser language is en-GB, so the page picks British lines with no account.
    page.goto("/help/")
    _expect_heading(page, "Get help now")
    emergency = page.get_by_role("region", name="Emergency")
    assert emergency.is_visible()
    assert emergency.get_by_role("link").count() == 1
    assert page.locator(".crisis-line").count() >= 1
    audit.visit(page, "help", dark=True)

    page.locator("select#country").select_option("ES")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/help/?country=ES")
    assert page.locator("select#country").input_value() == "ES"
    audit.visit(page, "help-es")

    # The footer's theme switch overrides the device's light preference, and keeps the page.
    page.get_by_label("Theme").select_option("dark")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/help/?country=ES")
    assert page.locator("html").get_attribute("data-theme") == "dark"
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(21, 24, 28)", background
    audit.visit(page, "help-theme-dark")

    audit.write_report("axe-help.txt")
    audit.assert_clean()


def test_small_screen(chromium, live_server):
    """Phone-sized pages: nothing overflows sideways and axe is still happy."""
    context = new_context(chromium, live_server.url, viewport={"width": 390, "height": 844},
                          is_mobile=True, has_touch=True, device_scale_factor=1)
    try:
        page = context.new_page()
        audit = PageAudit()
        audit.watch(page)
        for path, name in [("/", "mobile-home"), ("/accounts/signup/", "mobile-signup"), ("/help/", "mobile-help")]:
            page.goto(path)
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
            audit.visit(page, name, dark=name == "mobile-help")
        audit.write_report("axe-mobile.txt")
        audit.assert_clean()
    finally:
        context.close()
