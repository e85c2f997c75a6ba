"""The start page's light proof of work runs in a real browser (pow.js): the answer it sends
solves the page's challenge, and the server takes it as work done. Needs Debian's Chromium."""

from __future__ import annotations

import pytest

from hearthside.testing.browser import new_context

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


def test_the_browser_solves_the_challenge_before_the_conversation_is_queued(chromium, asgi_server, settings):
    from hearthside.core import pow
    from hearthside.supportline.models import Conversation

    # Without the work only 0 anonymous conversations would be let through: this one must have done it.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "supportline.guest_unverified": "0/h"}
    ctx = new_context(chromium, asgi_server, viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto("/support-line/")
        answer = page.locator("input[name=pow_counter]")
        expect(answer).not_to_have_value("", timeout=20_000)
        challenge = page.locator("input[name=pow_challenge]").input_value()
        assert pow.solves(challenge, answer.input_value())
        page.get_by_label("What's on your mind? (optional)").fill("I can't sleep again.")
        page.get_by_role("button", name="Talk to someone now").click()
        page.wait_for_url(lambda url: "/support-line/c/" in url, timeout=20_000)
        assert Conversation.objects.count() == 1
    finally:
        ctx.close()
