"""The duty roster fits a phone and a computer (screenshot review, docs/tour/supervisor-roster.png).

At 390 px the "Starts (UTC)" box was the browser's narrow, unstyled date-time box, the shifts' table
broke names and dates at every hyphen, and "Remove" stood against the card's edge (the table was
wider than the card). Now the box is styled like the others, each shift is a block on a phone (name,
"From:", "To:", Remove), dates never break, and on a computer the table has the room it needs.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import log_in, new_context, save_screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def supervisor(db):
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.safety.models import DutyShift

    lee = make_user("lee", "clinical_supervisor", pseudonym="Dr Lee")
    jo = make_user("jo", "moderator", pseudonym="Jo, moderator (demo)")
    now = timezone.now()
    DutyShift.objects.create(user=jo, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=7))
    return lee, TOTPDevice.objects.create(user=lee, name="phone", confirmed=True)


def _roster(chromium, live_server, supervisor, viewport, **options):
    user, device = supervisor
    context = new_context(chromium, live_server.url, viewport=viewport, **options)
    context.set_default_timeout(15_000)
    log_in(context, user, live_server.url, otp_device=device)
    page = context.new_page()
    page.goto("/staff/safety/roster/")
    return context, page


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


def _one_line(page, selector) -> bool:
    return page.locator(selector).first.evaluate("e => e.getClientRects().length === 1")


def test_on_a_phone_the_form_is_even_and_each_shift_is_a_block_inside_its_card(chromium, live_server, supervisor):
    context, page = _roster(chromium, live_server, supervisor, PHONE, is_mobile=True, has_touch=True)
    try:
        starts, hours = _box(page, "#starts_at"), _box(page, "#hours")
        assert (starts["x"], starts["width"]) == (hours["x"], hours["width"])
        assert abs(starts["height"] - hours["height"]) <= 2
        style = page.locator("#starts_at").evaluate(
            "e => { const s = getComputedStyle(e), h = getComputedStyle(document.getElementById('hours'));"
            " return [s.borderRadius === h.borderRadius, s.backgroundColor === h.backgroundColor,"
            " s.borderTopColor === h.borderTopColor, s.fontSize === h.fontSize]; }")
        assert style == [True, True, True, True]

        card = page.locator("section.panel", has_text="Shifts")
        inner = card.evaluate("e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);"
                              " return [r.left + parseFloat(s.paddingLeft), r.right - parseFloat(s.paddingRight)]; }")
        remove = page.get_by_role("button", name="Remove").bounding_box()
        assert inner[0] <= remove["x"] and remove["x"] + remove["width"] <= inner[1]
        table = _box(page, ".roster-table")
        assert inner[0] <= table["x"] and table["x"] + table["width"] <= inner[1] + 0.5
        # The name and each time on a line of their own, none broken.
        row = page.locator(".roster-table tbody tr").first
        assert row.locator("td").nth(0).inner_text() == "Jo, moderator (demo)"
        assert [row.locator("td").nth(i).get_attribute("data-label") for i in (1, 2)] == ["From", "To"]
        tops = [row.locator("td").nth(i).bounding_box()["y"] for i in range(4)]
        assert tops == sorted(tops) and len(set(tops)) == 4  # one under the other
        for selector in (".roster-table tbody td:nth-child(1)", ".roster-table tbody td:nth-child(2) time",
                         ".roster-table tbody td:nth-child(3) time"):
            assert _one_line(page, selector), selector
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
        save_screenshot(page, "roster-390")
    finally:
        context.close()


def test_on_a_computer_the_table_fits_its_card_with_unbroken_dates(chromium, live_server, supervisor):
    context, page = _roster(chromium, live_server, supervisor, DESKTOP)
    try:
        card = page.locator("section.panel", has_text="Shifts")
        inner_right = card.evaluate("e => e.getBoundingClientRect().right - parseFloat(getComputedStyle(e).paddingRight)")
        table = _box(page, ".roster-table")
        assert table["x"] + table["width"] <= inner_right + 0.5
        remove = page.get_by_role("button", name="Remove").bounding_box()
        assert remove["x"] + remove["width"] <= inner_right
        for selector in (".roster-table tbody td:nth-child(2) time", ".roster-table tbody td:nth-child(3) time"):
            assert _one_line(page, selector), selector
        # The column headings are shown (a table, not blocks, on a computer).
        assert page.locator(".roster-table thead").evaluate("e => getComputedStyle(e).position") != "absolute"
        save_screenshot(page, "roster-1280")
    finally:
        context.close()
