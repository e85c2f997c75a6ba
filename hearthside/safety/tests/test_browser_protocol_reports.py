"""The crisis protocol and the safety reports page in Chromium: accessible (axe), no sideways
scrolling at 390 and 1280 px, with screenshots for review (test-artifacts/screenshots/)."""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import check_accessibility, log_in, new_context, save_screenshot

pytestmark = pytest.mark.browser

SIZES = ({"width": 390, "height": 844}, {"width": 1280, "height": 800})
WIDE = "() => document.scrollingElement.scrollWidth > window.innerWidth"


@pytest.fixture
def seeded(db):
    from datetime import date

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.safety import actions

    for i, (source, level) in enumerate([("community.chat", "high"), ("friends.chat", "moderate"),
                                         ("selfcare.journal", "imminent")]):
        actions.raise_alert(make_user(f"writer-{i}"), source=source, level=level)
    for _ in range(12):
        actions.count_help_shown("community.chat", "high", day=date.today())
    lee = make_user("lee", "clinical_supervisor", pseudonym="Dr Lee")
    return lee, TOTPDevice.objects.create(user=lee, name="phone", confirmed=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: str(s["width"]))
def test_the_protocol_page_fits_and_is_accessible(chromium, live_server, seeded, size):
    context = new_context(chromium, live_server.url, viewport=size)
    try:
        page = context.new_page()
        page.goto("/help/protocol/")
        page.locator("details.panel").first.evaluate("d => d.open = true")
        assert not page.evaluate(WIDE)
        check_accessibility(page, f"protocol {size['width']}")
        save_screenshot(page, f"safety-protocol-{size['width']}")
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: str(s["width"]))
def test_the_reports_page_fits_and_is_accessible(chromium, live_server, seeded, size):
    user, device = seeded
    context = new_context(chromium, live_server.url, viewport=size)
    try:
        log_in(context, user, live_server.url, otp_device=device)
        page = context.new_page()
        page.goto("/staff/safety/reports/")
        assert page.locator("h1").inner_text() == "Safety reports"
        assert not page.evaluate(WIDE)
        check_accessibility(page, f"reports {size['width']}")
        save_screenshot(page, f"safety-reports-{size['width']}")
    finally:
        context.close()
