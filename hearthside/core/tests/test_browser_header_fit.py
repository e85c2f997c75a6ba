"""The signed-in header on a computer is one row of menu, and the phone's brand is a real mark.

Screenshot review (docs/tour/moderator-*.png, supervisor-*.png at 1280 px): with the staff pages the
menu wrapped onto a second line. Now the links are a little tighter, so the longest English menu fits
one row at 1280 px; where a row still cannot hold it (Spanish, a narrower window) the staff pages fold
behind a "Staff" button. On a phone the logo was a lone "◠", which looked like a spinner; it is now
the app's mark (a disc with the hearth's arch), the link still named "Hearthside".
"""

from __future__ import annotations

import pytest
from django.conf import settings

from hearthside.conftest import make_user
from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
STAFF_LINKS = ["Safety alerts", "Moderation", "Support desk"]
SPREAD = """() => {
  // How far apart the vertical middles of the menu's visible links and buttons are: a pixel or two on
  // one row, a line's height (about 35 px) when it wraps. Links in the folded list are not in the row.
  const middles = [...document.querySelectorAll('#main-nav a, #main-nav button')]
    .filter(e => e.getClientRects().length && !e.closest('.is-grouped .nav-staff-links'))
    .map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });
  return Math.max(...middles) - Math.min(...middles);
}"""


@pytest.fixture
def admin(db):
    # Every staff page in the menu: alerts and moderation (administrator), the support desk.
    return make_user("admin", "administrator", "clinical_supervisor", country="GB", pseudonym="Admin")


def _page(chromium, live_server, user, viewport, language="en", **options):
    context = new_context(chromium, live_server.url, viewport=viewport, **options)
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    log_in(context, user, live_server.url)
    page = context.new_page()
    page.goto("/selfcare/library/")
    return context, page


def test_the_longest_english_menu_is_one_row_at_1280(chromium, live_server, admin):
    context, page = _page(chromium, live_server, admin, DESKTOP)
    audit = PageAudit()
    audit.watch(page)
    try:
        nav = page.get_by_role("navigation", name="Main")
        for name in STAFF_LINKS:
            expect(nav.get_by_role("link", name=name)).to_be_visible()
        expect(nav.get_by_role("button", name="Staff")).to_be_hidden()
        assert page.evaluate(SPREAD) < 8  # one row
        tops = {round(nav.get_by_role("link", name=name).bounding_box()["y"]) for name in ("Home", "Support desk")}
        assert len(tops) == 1, tops
        assert page.get_by_role("banner").bounding_box()["height"] <= 102
        audit.visit(page, "header-fit-1280", dark=True)  # the tighter links are still large enough targets
    finally:
        context.close()
    audit.assert_clean()


@pytest.mark.parametrize("viewport, language", [(DESKTOP, "es"), ({"width": 1024, "height": 768}, "en")],
                         ids=["1280-es", "1024-en"])
def test_where_the_row_is_too_short_the_staff_pages_fold_behind_a_button(chromium, live_server, admin, viewport,
                                                                        language):
    context, page = _page(chromium, live_server, admin, viewport, language)
    audit = PageAudit()
    audit.watch(page)
    try:
        nav = page.get_by_role("navigation", name=("Principal" if language == "es" else "Main"))
        button = page.locator("#nav-staff-button")
        expect(button).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "false")
        assert page.evaluate(SPREAD) < 8  # one row
        staff_links = page.locator("#nav-staff-links a")
        expect(staff_links.first).to_be_hidden()
        audit.visit(page, f"header-fit-staff-folded-{viewport['width']}-{language}", dark=True)
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(staff_links).to_have_count(3)
        for i in range(3):
            expect(staff_links.nth(i)).to_be_visible()
        # (axe ran with the list folded: open, it covers the page below, as a menu does.)
        save_screenshot(page, f"header-fit-staff-open-{viewport['width']}-{language}")
        # The keyboard: Tab goes into the open list, Esc folds it and gives focus back.
        page.keyboard.press("Tab")
        expect(staff_links.first).to_be_focused()
        page.keyboard.press("Escape")
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(button).to_be_focused()
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        # A click elsewhere folds it too.
        page.locator("main h1").click()
        expect(button).to_have_attribute("aria-expanded", "false")
        # Wide enough again (English at 1280): the links are back in the row.
        if language == "en":
            page.set_viewport_size(DESKTOP)
            expect(button).to_be_hidden()
            expect(nav.get_by_role("link", name="Support desk")).to_be_visible()
    finally:
        context.close()
    audit.assert_clean()


def test_on_a_phone_the_staff_pages_are_in_the_menu_and_the_logo_is_a_named_mark(chromium, live_server, admin):
    context, page = _page(chromium, live_server, admin, PHONE, is_mobile=True, has_touch=True)
    try:
        banner = page.get_by_role("banner")
        brand = banner.get_by_role("link", name="Hearthside")
        expect(brand).to_be_visible()
        mark = brand.locator("svg.brand-mark")
        expect(mark).to_be_visible()
        assert mark.get_attribute("aria-hidden") == "true"
        box = mark.bounding_box()
        assert (round(box["width"]), round(box["height"])) == (28, 28)
        assert "◠" not in brand.inner_text()
        assert banner.bounding_box()["height"] <= 72  # still one row (test_browser_phone_nav)
        banner.get_by_role("button", name="Menu").click()
        nav = page.get_by_role("navigation", name="Main")
        for name in STAFF_LINKS:
            expect(nav.get_by_role("link", name=name)).to_be_visible()
        expect(page.locator("#nav-staff-button")).to_be_hidden()
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
        save_screenshot(page, "header-fit-phone-menu")
    finally:
        context.close()
