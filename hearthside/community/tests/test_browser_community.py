"""Two members chat live in a group in two Chromium contexts. One loses the connection, comes
back and sees what was said meanwhile, once each and in order. A crisis message shows its author
the help panel and never reaches the other. A member reports a message; a moderator (with a
second factor) hides it from the queue page, and it disappears from the member's open chat.

Pages are checked with axe-core and saved as screenshots (community-*.png). Needs Debian's
Chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.community.models import ChatMessage, Group, Membership, Report
from hearthside.testing.browser import TRACK_SOCKETS, PageAudit, log_in, new_context, save_screenshot

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

CRISIS = "I have the pills saved up and I'm going to kill myself tonight."


def _send(page, text):
    page.get_by_label("Message", exact=True).fill(text)
    page.get_by_role("button", name="Send").click()


def test_live_chat_reconnect_crisis_and_moderation(chromium, asgi_context, asgi_server, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.PRESENCE_DELAY = 0.2

    from hearthside.conftest import make_user

    group = Group.objects.create(slug="evenings", name="Hard evenings", description="For the hours after dark.")
    alice, bob = make_user("ana", pseudonym="Ana"), make_user("ben", pseudonym="Ben")
    moderator = make_user("mo", "moderator", pseudonym="Mo")
    for person in (alice, bob):
        Membership.objects.create(group=group, user=person)
    log_in(asgi_context, alice, asgi_server)
    bob_context = new_context(chromium, asgi_server)
    bob_context.set_default_timeout(15_000)
    bob_context.add_init_script(TRACK_SOCKETS)
    log_in(bob_context, bob, asgi_server)
    mod_context = new_context(chromium, asgi_server)
    mod_context.set_default_timeout(15_000)
    log_in(mod_context, moderator, asgi_server,
           otp_device=TOTPDevice.objects.create(user=moderator, name="phone", confirmed=True))
    audit = PageAudit()
    a, b, m = asgi_context.new_page(), bob_context.new_page(), mod_context.new_page()
    for p in (a, b, m):
        audit.watch(p)
    try:
        a.goto(f"/groups/{group.slug}/")
        b.goto(f"/groups/{group.slug}/")
        expect(a.locator("#chat-status")).to_have_text("live", timeout=30_000)
        expect(b.locator("#chat-status")).to_have_text("live", timeout=30_000)
        expect(a.locator("#chat-presence")).to_have_text("2 people here now", timeout=10_000)

        # -- Live both ways.
        _send(a, "Evening all. Rough day here.")
        expect(b.locator("#chat-log")).to_contain_text("Rough day here.", timeout=10_000)
        b.get_by_label("Message", exact=True).fill("Same. Glad you're here.")
        b.get_by_label("Message", exact=True).press("Enter")
        expect(a.locator("#chat-log li.is-mine")).to_contain_text("Rough day here.")
        expect(a.locator("#chat-log")).to_contain_text("Glad you're here.", timeout=10_000)
        audit.visit(a, "community-chat", dark=True)

        # -- Ben's connection drops; Ana goes on talking; Ben comes back and catches up.
        bob_context.set_offline(True)
        b.evaluate("window.__sockets.forEach(s => s.close())")
        expect(b.locator("#chat-status")).to_have_text("reconnecting…", timeout=10_000)
        for i in range(1, 4):
            _send(a, f"While you were away, part {i}.")
        expect(a.locator("#chat-log")).to_contain_text("part 3", timeout=10_000)
        save_screenshot(b, "community-chat-offline")
        bob_context.set_offline(False)
        expect(b.locator("#chat-status")).to_have_text("live", timeout=30_000)
        expect(b.locator("#chat-log")).to_contain_text("part 3", timeout=10_000)
        texts = b.locator("#chat-log li .chat-body").all_inner_texts()
        missed = [t.strip() for t in texts if "While you were away" in t]
        assert missed == [f"While you were away, part {i}." for i in range(1, 4)]  # once each, in order
        seqs = [int(s) for s in b.locator("#chat-log li").evaluate_all("els => els.map(e => e.dataset.seq)")]
        assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))

        # -- A crisis message: its author gets help at once; Ben never sees it.
        _send(a, CRISIS)
        expect(a.locator("#live-help-panel")).to_be_visible(timeout=10_000)
        expect(a.locator("#chat-notice")).to_contain_text("not posted to the group")
        audit.visit(a, "community-chat-crisis-help")
        _send(a, "Thank you for the numbers.")
        expect(b.locator("#chat-log")).to_contain_text("Thank you for the numbers.", timeout=10_000)
        expect(b.locator("#chat-log")).not_to_contain_text("pills")
        assert [m.body for m in ChatMessage.objects.filter(status=ChatMessage.Status.HELD)] == [CRISIS]

        # -- Ben reports a message; the moderator hides it; it disappears from Ben's open chat.
        _send(a, "honestly you are all pathetic losers")  # held by the abuse detector
        expect(a.locator("#chat-notice")).to_contain_text("waiting for a moderator", timeout=10_000)
        _send(a, "Sorry. Ignore that, whatever.")
        target = b.locator("#chat-log li").filter(has_text="Ignore that, whatever.")
        expect(target).to_be_visible(timeout=10_000)
        target.get_by_role("button", name="Report").click()
        b.get_by_label("What is wrong with this message?").fill("Dismissive after an outburst")
        audit.visit(b, "community-chat-report")
        b.get_by_role("button", name="Send report").click()
        expect(b.locator("#chat-notice")).to_contain_text("A moderator will look at it.")
        assert Report.objects.get().reason == "Dismissive after an outburst"

        m.goto("/staff/community/")
        held = m.locator("article").filter(has_text="pathetic losers")
        expect(held).to_contain_text("waiting for review")
        expect(held).to_contain_text("insult")
        reported = m.locator("article").filter(has_text="Dismissive after an outburst")
        expect(reported).to_contain_text("Ignore that, whatever.")
        audit.visit(m, "community-moderation-queue")
        reported.get_by_role("button", name="Hide").click()
        expect(m.locator(".messages")).to_contain_text("Done.")
        expect(b.locator("#chat-log")).to_contain_text("A moderator hid this message.", timeout=10_000)
        expect(b.locator("#chat-log")).not_to_contain_text("Ignore that, whatever.")
        # The held insult: approved, it takes the next place in the conversation.
        m.locator("article").filter(has_text="pathetic losers").get_by_role("button", name="Approve and publish").click()
        expect(b.locator("#chat-log")).to_contain_text("pathetic losers", timeout=10_000)
        audit.visit(b, "community-chat-after-moderation")
        b.set_viewport_size({"width": 390, "height": 844})
        save_screenshot(b, "community-chat-phone")
        audit.assert_clean()
    finally:
        bob_context.close()
        mod_context.close()
