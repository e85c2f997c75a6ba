"""The companion page says who answers in words a person reads (screenshot review, member-companion.png).

Each reply carried the engine's name, "offline", which read like "not sent"; the heading said
"Answering: offline companion" and the status line "Live updates: on". The engine stays on each
reply as ``data-engine`` (for tests and troubleshooting), the heading names the built-in companion,
and the status says "Connected".
"""

from __future__ import annotations

import re

import pytest

from hearthside.companion import actions
from hearthside.conftest import login_client
from hearthside.testing.browser import log_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_replies_keep_the_engine_in_an_attribute_and_never_show_it(person):
    actions.check_send(person, "I can't switch off in the evenings.", client_id="c-1")
    html = login_client(person).get("/companion/").content.decode()
    log = re.search(r'<ol class="companion-log".*?</ol>', html, re.S).group(0)
    replies = re.findall(r'<li class="companion-msg is-companion" data-seq="\d+" data-engine="([^"]*)">', log)
    assert replies and set(replies) == {"offline"}
    assert "offline" not in _text(log)
    assert '<span class="help" id="companion-engine">Answering: built-in companion</span>' in html
    assert '<span id="companion-status" role="status" aria-live="polite">Connecting…</span>' in html
    assert 'data-live="Connected" data-offline="Not connected: your messages still send"' in html
    assert "Live updates" not in html


@pytest.mark.browser
def test_a_live_reply_shows_no_engine_name_and_the_status_says_connected(asgi_context, asgi_server, person):
    log_in(asgi_context, person, asgi_server)
    page = asgi_context.new_page()
    page.goto("/companion/")
    expect(page.locator("#companion-status")).to_have_text("Connected", timeout=15_000)
    page.evaluate("() => { window.__sameDocument = true; }")
    page.get_by_label("Your message").fill("I can't switch off in the evenings.")
    page.get_by_role("button", name="Send").click()
    replies = page.locator("#companion-log .is-companion")
    expect(replies.last).to_have_attribute("data-engine", "offline", timeout=15_000)
    assert page.evaluate("() => window.__sameDocument === true"), "the reply should arrive live"
    assert "offline" not in page.locator("#companion-log").inner_text()
    expect(page.locator("#companion-engine")).to_have_text("Answering: built-in companion")
