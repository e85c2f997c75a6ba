"""Quick exit (issue #15 item 8), in a real browser: the header's button, the help panel's button
and Esc pressed twice within a second leave for the neutral page and take the page out of the
history (Back does not return to it); without JavaScript it is a plain link; no referrer leaks.
Screenshots at desktop and phone width (quick-exit-*.png). Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


class _Neutral(BaseHTTPRequestHandler):
    seen: list[dict]

    def do_GET(self):  # noqa: N802 - the http.server API
        if self.path == "/weather":  # not the browser's own /favicon.ico that follows
            self.seen.append({"path": self.path, "referer": self.headers.get("Referer")})
        body = b"<!doctype html><title>Weather</title><h1>Weather today</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def neutral(settings):
    """A neutral page on another origin (127.0.0.1, its own port), as the quick-exit target."""
    handler = type("Neutral", (_Neutral,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/weather"
    settings.QUICK_EXIT_URL = url
    try:
        yield {"url": url, "seen": handler.seen}
    finally:
        server.shutdown()
        server.server_close()


def _on_neutral(page, neutral) -> None:
    page.wait_for_url(neutral["url"])
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()


def _two_pages(page, live_server) -> tuple[str, str]:
    first, second = f"{live_server.url}/accounts/login/", f"{live_server.url}/help/"
    page.goto(first)
    page.goto(second)
    page.wait_for_load_state("load")  # quick_exit.js is deferred: it runs before "load"
    return first, second


def _back_does_not_return(page, first: str, second: str) -> None:
    # Scheduled, so the evaluation returns before the navigation destroys its context (called directly,
    # "Execution context was destroyed" when the browser navigated first: a clean-clone run, session 22).
    page.evaluate("setTimeout(() => history.back(), 0)")
    page.wait_for_url(first)
    assert page.url != second


def test_the_button_leaves_and_back_does_not_return(page, live_server, neutral):
    first, second = _two_pages(page, live_server)
    button = page.get_by_role("banner").get_by_role("link", name="Quick exit")
    expect(button).to_have_attribute("href", neutral["url"])
    expect(button).to_have_attribute("rel", "noreferrer")
    button.click()
    _on_neutral(page, neutral)
    assert neutral["seen"] == [{"path": "/weather", "referer": None}]
    _back_does_not_return(page, first, second)


def test_escape_twice_within_a_second_leaves_once_does_not(page, live_server, neutral):
    first, second = _two_pages(page, live_server)
    page.clock.install()
    page.keyboard.press("Escape")
    page.clock.fast_forward(1500)  # too slow: the second press starts a new pair
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)  # real time for a wrong exit to start; the check below must see none
    assert page.url == second and neutral["seen"] == []
    page.clock.fast_forward(400)
    page.keyboard.press("Escape")
    _on_neutral(page, neutral)
    assert neutral["seen"] == [{"path": "/weather", "referer": None}]
    _back_does_not_return(page, first, second)


def test_escape_twice_works_with_focus_in_a_text_box(page, live_server, neutral):
    page.goto("/")
    page.goto("/accounts/login/")
    page.wait_for_load_state("load")
    page.locator("input[type=password]").first.focus()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    _on_neutral(page, neutral)


def test_the_help_panels_button_leaves_too(page, browser_context, live_server, neutral):
    log_in(browser_context, make_user("wren", country="GB", pseudonym="Wren"), live_server.url)
    first = f"{live_server.url}/help/plan/"
    page.goto(first)
    page.goto("/accounts/settings/")
    page.wait_for_load_state("load")
    second = page.url
    # The panel arrives live (events.js clones this template); show it the same way.
    page.evaluate("""() => {
        const panel = document.getElementById('help-panel-template').content.firstElementChild.cloneNode(true);
        panel.id = 'live-help-panel';
        document.querySelector('main').prepend(panel);
    }""")
    panel = page.locator("#live-help-panel")
    expect(panel.locator(".crisis-line").first).to_contain_text("Samaritans")
    save_screenshot(page, "quick-exit-help-panel-desktop")
    page.set_viewport_size(PHONE["viewport"])
    save_screenshot(page, "quick-exit-help-panel-phone")
    panel.get_by_role("link", name="Quick exit").click()
    _on_neutral(page, neutral)
    assert neutral["seen"][-1]["referer"] is None
    _back_does_not_return(page, first, second)


def test_without_javascript_it_is_a_plain_link_with_no_referrer(chromium, live_server, neutral):
    context = new_context(chromium, live_server.url, java_script_enabled=False)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto("/help/")
        page.get_by_role("banner").get_by_role("link", name="Quick exit").click()
        _on_neutral(page, neutral)
        assert neutral["seen"] == [{"path": "/weather", "referer": None}]
    finally:
        context.close()


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_quick_exit_looks_right_on_desktop_and_phone(chromium, live_server, neutral):
    """Screenshots of the header with the button, logged out and in (the long menu), at desktop
    and at 390 px (and in Spanish, the longer label); the button stays on screen, in one piece,
    and clear of "Get help now"."""
    member = make_user("sorrel", country="GB", pseudonym="Sorrel")
    audit = PageAudit()
    variants = (("desktop", "Quick exit", {}), ("phone", "Quick exit", PHONE),
                ("phone-es", "Salida rápida", {**PHONE, "locale": "es-ES"}))
    for label, name, options in variants:
        context = new_context(chromium, live_server.url, **options)
        context.set_default_timeout(15_000)
        try:
            page = context.new_page()
            audit.watch(page)
            for who in ("visitor", "member"):
                if who == "member":
                    log_in(context, member, live_server.url)
                page.goto("/help/")
                button = page.get_by_role("banner").get_by_role("link", name=name)
                expect(button).to_be_visible()
                box, help_box = button.bounding_box(), page.locator(".help-now").bounding_box()
                width = page.viewport_size["width"]
                assert box["x"] >= 0 and box["x"] + box["width"] <= width, (label, who, box)
                assert box["height"] < 60, (label, who, box)  # one line, not wrapped
                assert not _overlap(box, help_box), (label, who, box, help_box)
                assert button.inner_text().strip() == name
                audit.visit(page, f"quick-exit-{who}-{label}", dark=label == "desktop")
        finally:
            context.close()
    audit.write_report("axe-quick-exit.txt")
    audit.assert_clean()
