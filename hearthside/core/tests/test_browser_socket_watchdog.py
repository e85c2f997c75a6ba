"""A socket whose host vanished without closing it is noticed (issue #20, found by the cluster
rehearsal): after 25 s without a frame the page sends a ping, and with no answer 10 s later it gives
that socket up and opens a new one. An answered ping keeps the socket. The page's WebSocket is a
stand-in recording what the page does, and the page's clock is Playwright's, moved by the test.

Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

pytestmark = pytest.mark.browser

FAKE_SOCKET = """
window.__sockets = [];
window.WebSocket = class {
  constructor(url) {
    this.url = url; this.readyState = 0; this.sent = []; this.closed = false;
    window.__sockets.push(this);
    setTimeout(() => { this.readyState = 1; if (this.onopen) this.onopen(); }, 10);
  }
  send(data) { this.sent.push(JSON.parse(data).type); }
  close() { this.closed = true; this.readyState = 3; }
  answer(frame) { if (this.onmessage) this.onmessage({data: JSON.stringify(frame)}); }
};
"""


def _sockets(page):
    return page.evaluate("() => window.__sockets.map(s => ({sent: s.sent, closed: s.closed, open: s.readyState}))")


def test_a_silent_socket_is_pinged_then_replaced_and_an_answered_ping_keeps_it(open_live_context):
    page = open_live_context(make_user("wren", pseudonym="Wren")).new_page()
    page.clock.install()
    page.add_init_script(FAKE_SOCKET)
    page.goto("/")
    page.clock.run_for(1_000)
    assert _sockets(page) == [{"sent": [], "closed": False, "open": 1}]

    page.clock.run_for(20_000)  # 21 s of silence: nothing yet
    assert _sockets(page)[0]["sent"] == []
    page.clock.run_for(6_000)  # past 25 s: one ping
    assert _sockets(page) == [{"sent": ["ping"], "closed": False, "open": 1}]
    page.evaluate("() => window.__sockets[0].answer({type: 'pong'})")  # the host is alive
    page.clock.run_for(15_000)
    assert _sockets(page) == [{"sent": ["ping"], "closed": False, "open": 1}]

    page.clock.run_for(12_000)  # 27 s since the pong: a second ping, never answered
    assert _sockets(page)[0]["sent"] == ["ping", "ping"]
    page.clock.run_for(11_000)
    sockets = _sockets(page)
    assert [s["closed"] for s in sockets] == [True, False]  # given up, and a new one opened
    assert sockets[1] == {"sent": [], "closed": False, "open": 1}
