"""The signed-in menu on a phone: one compact row, the menu behind a real button (issue #18).

At 390 px the header was 233 px tall for a member (299 px for staff), so a chat's composer started
below the first screen. Now the menu folds behind a <button> with aria-expanded and aria-controls,
which works with a pointer and with the keyboard; "Get help now" and "Quick exit" stay in the row at
every width, and on screen while the page scrolls. Without JavaScript there is no button and the
whole menu shows. Screenshots: test-artifacts/screenshots/phone-nav-*.png.
"""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def staff(db):
    # The longest menu: safety alerts, moderation and the support desk as well.
    return make_user("sorrel", "moderator", "peer_supporter", country="GB", pseudonym="Sorrel")


def _context(chromium, live_server, viewport, **options):
    context = new_context(chromium, live_server.url, viewport=viewport, **options)
    context.set_default_timeout(15_000)
    return context


def _on_screen(page, locator) -> dict:
    box = locator.bounding_box()
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    assert box is not None, locator
    assert 0 <= box["x"] and box["x"] + box["width"] <= width, box
    assert 0 <= box["y"] and box["y"] + box["height"] <= height, box
    return box


def _apart(a: dict, b: dict) -> bool:
    return a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"] or \
        a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]


def test_the_menu_folds_behind_a_button_that_works_with_pointer_and_keyboard(chromium, live_server, staff):
    context = _context(chromium, live_server, PHONE, is_mobile=True, has_touch=True)
    audit = PageAudit()
    try:
        log_in(context, staff, live_server.url)
        page = context.new_page()
        audit.watch(page)
        page.goto("/help/")
        banner = page.get_by_role("banner")
        assert banner.bounding_box()["height"] <= 72
        nav = page.get_by_role("navigation", name="Main")
        button = banner.get_by_role("button", name="Menu")
        expect(button).to_be_visible()
        # The nav it controls is folded away (display: none), so found by its id, not by its role.
        assert button.get_attribute("aria-controls") == "main-nav"
        assert page.locator("#main-nav").get_attribute("aria-label") == "Main"
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(nav).to_be_hidden()
        audit.visit(page, "phone-nav-closed")

        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(nav.get_by_role("link", name="Support desk")).to_be_visible()
        audit.visit(page, "phone-nav-open", dark=True)
        # The links follow the button in the tab order; Esc folds the menu and gives focus back.
        page.keyboard.press("Tab")
        expect(nav.get_by_role("link", name="Home")).to_be_focused()
        page.keyboard.press("Escape")
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(button).to_be_focused()
        expect(nav).to_be_hidden()
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Space")
        expect(button).to_have_attribute("aria-expanded", "false")

        button.click()
        nav.get_by_role("link", name="Self-help").click()
        page.wait_for_url("**/selfcare/")
        expect(page.get_by_role("banner").get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")
    finally:
        context.close()
    audit.write_report("axe-phone-nav.txt")
    audit.assert_clean()


@pytest.mark.parametrize("viewport", [SMALL_PHONE, PHONE, DESKTOP], ids=["360", "390", "1280"])
def test_help_and_quick_exit_stay_in_view_at_every_width(chromium, live_server, staff, viewport):
    context = _context(chromium, live_server, viewport)
    try:
        page = context.new_page()
        for who in ("visitor", "staff"):
            if who == "staff":
                log_in(context, staff, live_server.url)
            page.goto("/selfcare/library/")
            banner = page.get_by_role("banner")
            help_box = _on_screen(page, banner.get_by_role("link", name="Get help now"))
            exit_box = _on_screen(page, banner.get_by_role("link", name="Quick exit"))
            assert _apart(help_box, exit_box), (help_box, exit_box)
            assert help_box["height"] < 60 and exit_box["height"] < 60  # each on one line
            assert page.evaluate("() => document.scrollingElement.scrollWidth") <= viewport["width"]
            if viewport["width"] < 960:
                # Still there after scrolling down a long page: the header stays at the top.
                page.mouse.wheel(0, 2000)
                page.wait_for_function("() => window.scrollY > 300")
                _on_screen(page, banner.get_by_role("link", name="Quick exit"))
                _on_screen(page, banner.get_by_role("link", name="Get help now"))
            else:
                # Quick exit is the rightmost thing in the header, where people look for it.
                links = page.get_by_role("navigation", name="Main").get_by_role("link")
                rights = [box["x"] + box["width"] for box in (links.nth(i).bounding_box() for i in range(links.count()))]
                assert exit_box["x"] > help_box["x"] and exit_box["x"] + exit_box["width"] > max(rights)
                expect(banner.locator("button.menu-button")).to_have_count(1 if who == "staff" else 0)
                if who == "staff":
                    expect(banner.locator("button.menu-button")).to_be_hidden()
                    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Support desk")).to_be_visible()
            save_screenshot(page, f"phone-nav-{who}-{viewport['width']}")
    finally:
        context.close()


def test_without_javascript_the_whole_menu_shows_and_no_button(chromium, live_server, staff):
    context = _context(chromium, live_server, PHONE, java_script_enabled=False)
    try:
        log_in(context, staff, live_server.url)
        page = context.new_page()
        page.goto("/help/")
        banner = page.get_by_role("banner")
        expect(banner.locator("button.menu-button")).to_be_hidden()
        nav = page.get_by_role("navigation", name="Main")
        for name in ("Home", "Self-help", "Safety alerts", "Support desk"):
            expect(nav.get_by_role("link", name=name)).to_be_visible()
        _on_screen(page, banner.get_by_role("link", name="Get help now"))
        _on_screen(page, banner.get_by_role("link", name="Quick exit"))
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
        save_screenshot(page, "phone-nav-no-javascript")
    finally:
        context.close()
