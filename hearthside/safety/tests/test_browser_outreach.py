"""Closing the loop in a real browser, three people at once (issue #15):

a member writes a crisis message in group chat → the alert reaches the on-duty moderator's
dashboard live → the moderator presses "Reach out now" → the member, still on the group page,
sees the outreach banner at once and answers in one tap → they talk → the moderator records the
contact and resolves the alert; the member's practitioner sees the flag on their client page.

Screenshots (desktop and phone) under test-artifacts/screenshots/outreach-*.png. Needs Debian's
Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from hearthside.community.models import Group, Membership
from hearthside.conftest import make_user
from hearthside.safety.models import DutyShift, SafetyAlert
from hearthside.testing.browser import TRACK_SOCKETS, PageAudit, log_in, new_context, save_screenshot

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

LIVE = 30_000
CRISIS = "I have the pills saved up and I'm going to take them all tonight."


def test_crisis_in_group_chat_to_a_live_conversation_with_the_on_duty_moderator(chromium, asgi_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.supportline.models import Conversation, Message

    group = Group.objects.create(slug="evenings", name="Hard evenings", description="For after dark.")
    sam = make_user("sam", pseudonym="Sam", country="GB")
    Membership.objects.create(group=group, user=sam)
    moderator = make_user("mo", "moderator", pseudonym="Mo", country="GB")
    now = timezone.now()
    DutyShift.objects.create(user=moderator, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=8))
    practitioner_page = _practitioner_setup(sam)

    audit = PageAudit()
    contexts = []
    try:
        def context_for(user, *, otp=False, **options):
            ctx = new_context(chromium, asgi_server, **options)
            ctx.set_default_timeout(20_000)
            contexts.append(ctx)
            device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True) if otp else None
            log_in(ctx, user, asgi_server, otp_device=device)
            return ctx

        member_ctx = context_for(sam, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        member_ctx.add_init_script(TRACK_SOCKETS)
        member = member_ctx.new_page()
        mod = context_for(moderator, otp=True).new_page()
        for page in (member, mod):
            audit.watch(page)

        mod.goto("/staff/safety/")
        expect(mod.locator("#live-status")).to_have_text("live", timeout=LIVE)
        member.goto(f"/groups/{group.slug}/")
        expect(member.locator("#chat-status")).not_to_have_text("connecting…", timeout=LIVE)

        box = member.locator("#chat-input")
        box.fill(CRISIS)
        box.press("Enter")
        expect(member.locator("#live-help-panel")).to_be_visible(timeout=LIVE)

        alert = SafetyAlert.objects.get(person=sam)
        row = mod.locator(f'#alerts tbody tr[data-id="{alert.pk}"]')
        expect(row).to_be_visible(timeout=LIVE)
        row.get_by_role("link", name="Sam").click()
        mod.wait_for_url(lambda url: f"/staff/safety/alerts/{alert.pk}/" in url)
        audit.visit(mod, "outreach-alert-page")
        mod.get_by_test_id("outreach").click()
        mod.wait_for_url(lambda url: "/support-line/desk/c/" in url)
        expect(mod.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        expect(mod.locator("#sl-origin")).to_contain_text("You reached out to them from a safety alert")

        # The member is still on the group page: the banner arrives there, live.
        banner = member.locator("#outreach-banner")
        expect(banner).to_be_visible(timeout=LIVE)
        expect(banner).to_contain_text("Mo from our safety team has written to you")
        save_screenshot(member, "outreach-banner-phone")
        audit.visit(member, "outreach-banner")
        banner.get_by_role("button", name="I'd like to talk").click()
        member.wait_for_url(lambda url: "/support-line/c/" in url)
        expect(member.locator("#sl-log")).to_contain_text("Mo from our safety team is here", timeout=LIVE)
        expect(member.locator("#sl-log")).to_contain_text("I'd like to talk.")
        expect(member.locator("#sl-status")).to_have_text("live", timeout=LIVE)

        expect(mod.locator("#sl-log")).to_contain_text("I'd like to talk.", timeout=LIVE)
        mod.locator("#sl-input").fill("I'm really glad you answered, Sam. Are you safe right now?")
        mod.locator("#sl-input").press("Enter")
        expect(member.locator("#sl-log")).to_contain_text("Are you safe right now?", timeout=LIVE)
        member.locator("#sl-input").fill("I put the pills in the bin. I'm at my sister's.")
        member.locator("#sl-input").press("Enter")
        expect(mod.locator("#sl-log")).to_contain_text("I'm at my sister's.", timeout=LIVE)
        # The member's connection drops as they write: the message is kept, marked, and goes out
        # once (same client id) when the connection is back -- the same outbox as every chat.
        # (Every earlier message acknowledged first: an ack still on its way when the connection
        # drops would leave that message marked too -- resent once, harmlessly, but not this test.)
        expect(member.locator("#sl-log li.is-unsent")).to_have_count(0, timeout=LIVE)
        member.context.set_offline(True)
        member.evaluate("window.__sockets.forEach(s => s.close())")
        expect(member.locator("#sl-status")).to_have_text("reconnecting…", timeout=LIVE)
        member.locator("#sl-input").fill("Sorry, my signal keeps dropping.")
        member.locator("#sl-input").press("Enter")
        expect(member.locator("#sl-log li.is-unsent").filter(has_text="my signal keeps dropping")).to_contain_text(
            "Not sent")
        save_screenshot(member, "outreach-conversation-unsent-phone")
        member.context.set_offline(False)
        expect(member.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        expect(mod.locator("#sl-log")).to_contain_text("my signal keeps dropping", timeout=LIVE)
        expect(member.locator("#sl-log li.is-unsent")).to_have_count(0, timeout=LIVE)
        expect(member.locator("#sl-log li").filter(has_text="my signal keeps dropping")).to_have_count(1)
        save_screenshot(member, "outreach-conversation-phone")
        save_screenshot(mod, "outreach-conversation-staff")

        conversation = Conversation.objects.get(person=sam)
        assert conversation.alert_id == alert.pk
        assert list(Message.objects.filter(conversation=conversation, kind="person").values_list("body", flat=True)) \
            == ["I'd like to talk.", "I put the pills in the bin. I'm at my sister's.", "Sorry, my signal keeps dropping."]

        # Back on the alert: record the contact, then resolve.
        mod.goto(f"/staff/safety/alerts/{alert.pk}/")
        mod.locator("#route").select_option("in_app")
        mod.locator("#contact_outcome").select_option("reached")
        mod.locator("#note").fill("Talked in the app; she is with her sister.")
        mod.get_by_test_id("record-contact").click()
        expect(mod.locator(".messages")).to_contain_text("Contact recorded.")
        mod.locator("#outcome").select_option("supported")
        mod.get_by_test_id("resolve").click()
        expect(mod.locator(".messages")).to_contain_text("Resolved.")
        timeline = mod.get_by_test_id("timeline")
        for kind in ("raised", "outreach", "person_opened", "person_replied", "contacted", "resolved"):
            expect(timeline.locator(f'li[data-kind="{kind}"]')).to_have_count(1)
        audit.visit(mod, "outreach-alert-resolved")
        alert.refresh_from_db()
        assert alert.status == SafetyAlert.Status.RESOLVED and alert.outcome == "supported"

        # The alert page named the practitioner in active care.
        expect(mod.locator("#people-title + ul")).to_contain_text("Dr Jones")
        practitioner_page(chromium, asgi_server, contexts, alert)
        audit.assert_clean()
    finally:
        for ctx in contexts:
            ctx.close()


def _practitioner_setup(client):
    """The member's practitioner, in active care; returns the check of their client page."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.accounts.actions import do_give_consent
    from hearthside.care import actions as care
    from hearthside.care.tests.conftest import make_practitioner

    do_give_consent(client, "health_data")
    do_give_consent(client, "practitioner_sharing")
    pro = make_practitioner("drjones")
    pro.user.pseudonym = "Dr Jones"
    pro.user.save(update_fields=["pseudonym"])
    relationship = care.check_choose_practitioner(client, pro)
    assert care.practitioner_of(client) == pro.user
    device = TOTPDevice.objects.create(user=pro.user, name="phone", confirmed=True)

    def check(chromium, asgi_server, contexts, alert):
        ctx = new_context(chromium, asgi_server)
        ctx.set_default_timeout(20_000)
        contexts.append(ctx)
        log_in(ctx, pro.user, asgi_server, otp_device=device)
        page = ctx.new_page()
        page.goto(f"/care/clients/{relationship.pk}/")
        flag = page.get_by_test_id("risk-flag")
        expect(flag).to_be_visible(timeout=LIVE)
        # Both see who is acting: the practitioner's panel names the moderator who handled it.
        expect(page.locator("#safety")).to_contain_text("Mo")
        save_screenshot(page, "outreach-practitioner-client-page")

    return check
