"""The support line in a real browser, three people at once: a person reaches out without an
account (on a phone), a supporter takes the conversation with "Help the next person", and a
supervisor reads along, whispers to the supporter and joins.

Every page is checked with axe-core and saved under test-artifacts/screenshots/supportline-*.png.
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import PageAudit, log_in, new_context

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# Live updates cross a websocket on a busy machine: wait longer than expect()'s 5-second default.
LIVE = 30_000


def _staff(username, role, pseudonym):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = make_user(username, role, pseudonym=pseudonym, country="GB")
    return user, TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def _path(page) -> str:
    return urlsplit(page.url).path


def test_person_reaches_out_supporter_helps_next_supervisor_reads_along_and_joins(chromium, asgi_server):
    from hearthside.core.models import AuditEvent
    from hearthside.supportline.models import Conversation

    supporter, supporter_device = _staff("alex", "peer_supporter", "Alex")
    supervisor, supervisor_device = _staff("lee", "clinical_supervisor", "Dr Lee")
    audit = PageAudit()

    person_ctx = new_context(chromium, asgi_server, viewport=PHONE, is_mobile=True, has_touch=True)
    supporter_ctx = new_context(chromium, asgi_server)
    supervisor_ctx = new_context(chromium, asgi_server)
    try:
        for ctx in (person_ctx, supporter_ctx, supervisor_ctx):
            ctx.set_default_timeout(45_000)
        log_in(supporter_ctx, supporter, asgi_server, otp_device=supporter_device)
        log_in(supervisor_ctx, supervisor, asgi_server, otp_device=supervisor_device)

        # -- The person, logged out, on a phone.
        person = person_ctx.new_page()
        audit.watch(person)
        person.goto("/support-line/")
        expect(person.get_by_role("heading", level=1)).to_have_text("Talk to someone now", timeout=LIVE)
        audit.visit(person, "supportline-start-phone", dark=True)
        person.get_by_label("What's on your mind? (optional)").fill("I feel so alone since the move.")
        person.get_by_role("button", name="Talk to someone now").click()
        person.wait_for_url(lambda url: "/support-line/c/" in url)
        expect(person.get_by_role("heading", level=1)).to_have_text("Waiting for a supporter", timeout=LIVE)
        expect(person.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        expect(person.locator("#sl-estimate")).to_contain_text("No supporter is taking conversations", timeout=LIVE)
        expect(person.locator(".main-nav")).to_be_hidden()  # a guest has nowhere else to go
        audit.visit(person, "supportline-waiting-phone")

        # -- The supporter takes the next person.
        desk = supporter_ctx.new_page()
        audit.watch(desk)
        desk.goto("/support-line/desk/")
        expect(desk.locator("#sl-waiting-count")).to_have_text("1", timeout=LIVE)
        audit.visit(desk, "supportline-desk", dark=True)
        desk.get_by_test_id("help-next").click()
        desk.wait_for_url(lambda url: "/support-line/desk/c/" in url)
        expect(desk.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        expect(desk.locator("#sl-log")).to_contain_text("I feel so alone since the move.", timeout=LIVE)
        desk.locator(".sl-canned").get_by_role("button", name="Welcome").click()
        expect(desk.locator("#sl-input")).to_have_value("Hi, I'm here with you now. Thank you for reaching out. "
                                                        "What's going on for you tonight?")
        desk.locator("#sl-input").fill("Hi, I'm Alex. I'm here with you now. What's been happening since the move?")
        desk.get_by_role("button", name="Send").click()

        # The person is told the supporter's name, live, and sees the message.
        expect(person.get_by_role("heading", level=1)).to_have_text("You are talking with Alex", timeout=LIVE)
        expect(person.locator("#sl-log")).to_contain_text("Alex has joined the conversation.", timeout=LIVE)
        expect(person.locator("#sl-log")).to_contain_text("What's been happening since the move?", timeout=LIVE)
        person.locator("#sl-input").fill("I don't know anyone here and the evenings are the worst.")
        person.get_by_role("button", name="Send").click()
        expect(desk.locator("#sl-log")).to_contain_text("the evenings are the worst", timeout=LIVE)
        audit.visit(person, "supportline-conversation-phone", dark=True)
        audit.visit(desk, "supportline-supporter-conversation")

        # -- Risk rises mid-conversation: the supporter is alerted live, the person is shown help.
        person.locator("#sl-input").fill("Some nights I wish I was dead.")
        person.get_by_role("button", name="Send").click()
        expect(desk.locator("#sl-risk-alert")).to_be_visible(timeout=LIVE)
        expect(desk.locator("#sl-risk")).to_have_text("moderate", timeout=LIVE)
        expect(desk.locator("#sl-log")).to_contain_text("Some nights I wish I was dead.", timeout=LIVE)
        expect(person.locator("#live-help-panel")).to_be_visible(timeout=LIVE)
        audit.visit(desk, "supportline-supporter-risk-rose")
        audit.visit(person, "supportline-person-help-shown-phone")

        # -- The supervisor reads along (audited), whispers, then joins.
        watch = supervisor_ctx.new_page()
        audit.watch(watch)
        watch.goto("/support-line/desk/")
        row = watch.locator("#sl-live tbody tr").first
        expect(row).to_contain_text("Alex", timeout=LIVE)
        audit.visit(watch, "supportline-supervisor-desk")
        row.get_by_role("link").click()
        expect(watch.get_by_role("button", name="Read along")).to_be_visible(timeout=LIVE)
        expect(watch.locator("body")).not_to_contain_text("the evenings are the worst", timeout=LIVE)
        watch.get_by_role("button", name="Read along").click()
        expect(watch.locator("#sl-log")).to_contain_text("the evenings are the worst", timeout=LIVE)
        expect(watch.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        conversation = Conversation.objects.get()
        assert AuditEvent.objects.filter(action="supportline.read_along", actor_id=supervisor.pk,
                                         object_id=str(conversation.pk)).exists()
        watch.get_by_label("Private message to the supporter").fill("Good start. Ask about evenings and sleep.")
        watch.get_by_role("button", name="Send").click()
        expect(desk.locator("#sl-whispers")).to_contain_text("Ask about evenings and sleep.", timeout=LIVE)
        expect(person.locator("#sl-log")).not_to_contain_text("Ask about evenings", timeout=LIVE)
        audit.visit(watch, "supportline-supervisor-reading")

        watch.get_by_role("button", name="Join the conversation").click()
        expect(person.locator("#sl-log")).to_contain_text("Dr Lee, a supervisor, has joined the conversation.", timeout=LIVE)
        expect(watch.locator("#sl-status")).to_have_text("live", timeout=LIVE)
        watch.get_by_label("Message", exact=True).fill("Hello, I'm Dr Lee. I'm here too, alongside Alex.")
        watch.get_by_role("button", name="Send").click()
        expect(person.locator("#sl-log")).to_contain_text("alongside Alex", timeout=LIVE)
        expect(desk.locator("#sl-log")).to_contain_text("alongside Alex", timeout=LIVE)

        # -- The supporter wraps up; the person gets the two questions and the transcript choices.
        desk.reload()
        desk.get_by_label("Outcome").select_option("supported")
        desk.get_by_role("button", name="End and wrap up").click()
        desk.wait_for_url(lambda url: _path(desk) == "/support-line/desk/")
        expect(person.get_by_role("heading", level=1)).to_have_text("Conversation ended", timeout=LIVE)
        expect(person.get_by_role("button", name="Download the transcript").or_(
            person.get_by_role("link", name="Download the transcript"))).to_be_visible()
        audit.visit(person, "supportline-ended-phone")
        person.get_by_label("Yes").first.check()
        person.locator("#fa-maybe").check()
        person.get_by_role("button", name="Send feedback").click()
        expect(person.locator(".messages")).to_contain_text("Thank you for telling us.", timeout=LIVE)
        conversation.refresh_from_db()
        assert conversation.outcome == "supported" and conversation.feedback_helped == "yes"
        assert conversation.first_response_at is not None

        # -- The supervisor's dashboard counts it.
        watch.goto("/support-line/desk/dashboard/")
        expect(watch.get_by_role("heading", level=1)).to_have_text("Support line dashboard", timeout=LIVE)
        expect(watch.locator("#sl-outcomes")).to_contain_text("person supported: 1", timeout=LIVE)
        expect(watch.locator("#sl-frt tbody tr")).to_have_count(1, timeout=LIVE)
        audit.visit(watch, "supportline-dashboard", dark=True)
    finally:
        for ctx in (person_ctx, supporter_ctx, supervisor_ctx):
            ctx.close()
    audit.write_report("supportline-axe.txt")
    audit.assert_clean()
