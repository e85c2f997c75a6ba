"""The support-line desk follows the queue live, and that must never cost a person their supporter.

The desk reloads its counts 700 ms after a queue event. Before this test existed, a queue event
that arrived while "Help the next person" was on its way to the server reloaded the desk: the
reload cancelled the navigation, the server had already claimed the conversation, and the
supporter stayed on the desk while the person waited with nobody coming (seen once in CI, on
PostgreSQL and Redis, as a handoff test timing out on the desk).

Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import time

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import log_in, new_context

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

pytestmark = pytest.mark.browser

QUEUE_EVENT = "() => document.dispatchEvent(new CustomEvent('hs:event', {detail: {type: 'line.queue'}}))"
# Longer than the desk's 700 ms reload delay, so a reload that is not held back happens first.
SLOW_SERVER_S = 2.0


def _desk(chromium, asgi_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.supportline.actions import check_start

    supporter = make_user("alex", "peer_supporter", pseudonym="Alex", country="GB")
    device = TOTPDevice.objects.create(user=supporter, name="phone", confirmed=True)
    person = make_user("wren", pseudonym="Wren", country="GB")
    conversation = check_start(person, "I don't know who else to talk to tonight.")
    ctx = new_context(chromium, asgi_server)
    ctx.set_default_timeout(20_000)
    log_in(ctx, supporter, asgi_server, otp_device=device)
    desk = ctx.new_page()
    desk.goto("/support-line/desk/")
    expect(desk.locator("#sl-waiting-count")).to_have_text("1")
    return ctx, desk, conversation


def test_a_queue_update_during_help_next_does_not_cancel_the_way_to_the_conversation(chromium, asgi_server):
    from hearthside.supportline.models import Conversation

    ctx, desk, conversation = _desk(chromium, asgi_server)
    try:
        claims = []

        def slow_claim(route):
            if route.request.method == "POST":
                claims.append(route.request.url)
                time.sleep(SLOW_SERVER_S)  # the browser runs on; a pending reload would fire now
            try:
                route.continue_()
            except sync_api.Error:
                pass  # the browser gave up on this request (the bug this test guards against)

        desk.route("**/support-line/desk/", slow_claim)
        desk.evaluate(QUEUE_EVENT)  # someone else joined the queue a moment ago
        desk.get_by_test_id("help-next").click()
        desk.wait_for_url(lambda url: f"/support-line/desk/c/{conversation.pk}/" in url, timeout=15_000)
        expect(desk.locator("#sl-status")).to_have_text("live", timeout=15_000)
        assert len(claims) == 1
        conversation.refresh_from_db()
        assert conversation.status == Conversation.Status.ACTIVE
        assert conversation.supporter.username == "alex"
    finally:
        ctx.close()


def test_the_desk_still_follows_the_queue_when_nothing_was_pressed(chromium, asgi_server):
    ctx, desk, _conversation = _desk(chromium, asgi_server)
    try:
        desk.evaluate("() => { window.__kept = true; }")
        with desk.expect_navigation(timeout=10_000):
            desk.evaluate(QUEUE_EVENT)
        assert desk.evaluate("() => window.__kept === undefined"), "the desk did not reload its counts"
        expect(desk.locator("#sl-waiting-count")).to_have_text("1")
    finally:
        ctx.close()
