"""The warm hand-off in a real browser, two people at once: a member tells the companion they are in
crisis, says "Yes, connect me", agrees to pass on the summary they are shown, and the support-line
conversation opens on the companion page itself; a supporter (with a second factor) takes it from
the desk, reads the summary, and writes; the member reads it on the companion page and answers.

Screenshots go to the shared screenshot folder as companion-handoff-*.png; axe-core checks each.
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import PageAudit, log_in, new_context

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LIVE = 30_000  # live updates cross a websocket on a busy machine
OPENER = "I can't do this anymore. I want to end my life tonight."


def test_connect_me_opens_the_support_line_in_the_companion_page_with_the_agreed_summary(chromium, asgi_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.directory import load_directory
    from hearthside.supportline.models import Conversation as LineConversation
    from hearthside.supportline.policy import RISK_RANK

    load_directory()
    member = make_user("wren", country="GB", pseudonym="Wren")
    do_give_consent(member, "ai_features")
    supporter = make_user("alex", "peer_supporter", pseudonym="Alex", country="GB")
    device = TOTPDevice.objects.create(user=supporter, name="phone", confirmed=True)
    audit = PageAudit()
    member_ctx = new_context(chromium, asgi_server)
    supporter_ctx = new_context(chromium, asgi_server)
    try:
        for ctx in (member_ctx, supporter_ctx):
            ctx.set_default_timeout(45_000)
        log_in(member_ctx, member, asgi_server)
        log_in(supporter_ctx, supporter, asgi_server, otp_device=device)

        # -- The member, in crisis, asks the companion to connect them.
        page = member_ctx.new_page()
        audit.watch(page)
        page.goto("/companion/")
        expect(page.locator("#companion-status")).to_have_text("Connected", timeout=LIVE)
        page.evaluate("() => { window.__sameDocument = true; }")
        page.get_by_label("Your message").fill(OPENER)
        page.get_by_role("button", name="Send", exact=True).click()
        expect(page.locator("#companion-help")).to_be_visible(timeout=LIVE)
        page.get_by_role("button", name="Yes, connect me").click()

        # One question, with exactly what would be passed on.
        consent = page.locator("#companion-handoff")
        expect(consent).to_be_visible(timeout=LIVE)
        expect(consent.get_by_role("heading")).to_have_text(
            "Can I pass a short summary of what you told me to the supporter, so you don't have to repeat it?")
        shown = page.locator("#companion-handoff .companion-handoff-summary")
        expect(shown).to_contain_text(OPENER)
        expect(shown).to_contain_text("From the companion (automated)")
        summary_shown = shown.inner_text()
        audit.visit(page, "companion-handoff-consent", dark=True)
        page.set_viewport_size(PHONE)
        consent.scroll_into_view_if_needed()
        audit.visit(page, "companion-handoff-consent-phone")
        page.set_viewport_size({"width": 1280, "height": 800})
        consent.get_by_role("button", name="Yes, pass it on").click()

        # The support-line conversation appears in the same page, live.
        line = page.locator("#companion-line")
        expect(line).to_be_visible(timeout=LIVE)
        expect(page.locator("#sl-title")).to_have_text("Waiting for a supporter")
        expect(page.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        expect(line).to_contain_text("The supporter will read the summary you agreed to pass on")
        expect(page.locator("#companion-handoff")).to_have_count(0)
        conversation = LineConversation.objects.get(person=member)
        assert conversation.origin == LineConversation.Origin.COMPANION
        assert conversation.risk_rank >= RISK_RANK["high"]
        assert " ".join(conversation.handoff_summary.split()) == " ".join(summary_shown.split())
        expect(page.locator("#sl-log")).to_have_attribute("data-empty", "The supporter's messages will appear here.")
        audit.visit(page, "companion-handoff-waiting")

        # -- The supporter takes the conversation from the desk and reads the summary.
        desk = supporter_ctx.new_page()
        audit.watch(desk)
        desk.goto("/support-line/desk/")
        expect(desk.locator("#sl-waiting-count")).to_have_text("1", timeout=LIVE)
        desk.get_by_test_id("help-next").click()
        desk.wait_for_url(lambda url: f"/support-line/desk/c/{conversation.pk}/" in url)
        expect(desk.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        screening = desk.locator("#sl-screen-title").locator("xpath=..")
        expect(screening).to_contain_text("Summary from the companion")
        expect(screening).to_contain_text(OPENER)
        expect(screening).to_contain_text("The companion's crisis flow is open.")
        desk.locator("#sl-input").fill("Hi Wren, I'm Alex. I've read what you told the companion. I'm here with you now.")
        desk.get_by_role("button", name="Send").click()
        audit.visit(desk, "companion-handoff-supporter")

        # -- The member reads it on the companion page and answers there.
        expect(page.locator("#sl-title")).to_have_text("You are talking with Alex", timeout=LIVE)
        expect(page.locator("#sl-log")).to_contain_text("I'm here with you now.", timeout=LIVE)
        page.get_by_label("Message to the supporter").fill("Thank you. I'm at home on my own.")
        page.get_by_role("button", name="Send to the supporter").click()
        expect(desk.locator("#sl-log")).to_contain_text("I'm at home on my own.", timeout=LIVE)
        assert page.evaluate("() => window.__sameDocument === true"), "the page reloaded instead of updating live"
        audit.visit(page, "companion-handoff-talking", dark=True)
        page.set_viewport_size(PHONE)
        line.scroll_into_view_if_needed()
        audit.visit(page, "companion-handoff-talking-phone")

        # A reload keeps the conversation on the page and does not ask again.
        page.reload()
        expect(page.locator("#sl-log")).to_contain_text("I'm here with you now.", timeout=LIVE)
        expect(page.locator("#companion-handoff")).to_have_count(0)
    finally:
        for ctx in (member_ctx, supporter_ctx):
            ctx.close()
    audit.write_report("companion-handoff-axe.txt")
    audit.assert_clean()
