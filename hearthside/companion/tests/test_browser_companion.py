"""The companion in a real browser, live over the websocket: a check-in that runs box breathing in
the conversation, then a crisis message that brings up the help panel and the offer of a person.

Screenshots go to the shared screenshot folder as companion-*.png; axe-core checks every page.
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import PageAudit, log_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


def _send(page, text):
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def test_a_check_in_runs_box_breathing_and_a_crisis_brings_help_and_a_person(asgi_context, asgi_server):
    from hearthside.safety.directory import load_directory

    load_directory()
    person = make_user("wren", country="GB", pseudonym="Wren")
    log_in(asgi_context, person, asgi_server)
    page = asgi_context.new_page()
    audit = PageAudit()
    audit.watch(page)

    page.goto("/companion/")
    page.get_by_role("button", name="I agree: start talking").click()
    expect(page.locator("#companion-status")).to_have_text("Connected", timeout=15_000)
    log = page.locator("#companion-log")
    expect(log).to_contain_text("not a person and not a therapist")
    page.evaluate("() => { window.__sameDocument = true; }")

    _send(page, "I'm really anxious about my exams next week")
    expect(log.locator(".is-companion")).to_have_count(2, timeout=15_000)
    expect(log.locator(".is-companion").last).to_contain_text("your exams")
    _send(page, "I keep panicking that I will fail them all")
    expect(log.locator(".is-companion")).to_have_count(3)
    page.get_by_role("button", name="No thanks").click()  # the memory question
    expect(log.locator(".is-companion")).to_have_count(4)
    _send(page, "what can I do?")
    expect(log.locator(".is-companion").last).to_contain_text("box breathing", timeout=15_000)
    audit.visit(page, "companion-offer")
    page.get_by_role("button", name="Yes, let's try").click()
    expect(log.locator(".is-companion").last).to_contain_text("Let's do box breathing together")
    page.get_by_role("button", name="Next").click()
    expect(log.locator(".is-companion").last).to_contain_text("light-headed")
    page.get_by_role("button", name="Next").click()
    expect(log.locator(".is-companion").last).to_contain_text("Follow the pacer")
    pacer = page.locator(".companion-pacer")
    expect(pacer).to_be_visible()
    expect(page.locator(".companion-pacer-label")).to_contain_text("Breathe in")
    audit.visit(page, "companion-breathing", dark=True)
    page.get_by_role("button", name="Done").click()
    page.get_by_role("button", name="Next").click()
    expect(log.locator(".is-companion").last).to_contain_text("How are you feeling now")
    page.get_by_role("button", name="7", exact=True).click()
    expect(log.locator(".is-companion").last).to_contain_text("save this check-in")
    assert page.evaluate("() => window.__sameDocument === true"), "the page reloaded instead of updating live"

    _send(page, "honestly I want to kill myself")
    panel = page.locator("#companion-help")
    expect(panel).to_be_visible(timeout=15_000)
    expect(panel.get_by_role("link", name="Talk to a person now")).to_have_attribute("href", "/support-line/")
    expect(panel.locator(".companion-lines li").first).to_be_visible()
    expect(log.locator(".is-companion").last).to_contain_text("connect you to the support line")
    expect(page.get_by_role("button", name="Yes, connect me")).to_be_visible()
    audit.visit(page, "companion-crisis", dark=True)
    _send(page, "never mind, I was joking")
    expect(log.locator(".is-companion").last).to_contain_text("are you having thoughts of ending your life")
    expect(panel).to_be_visible()

    page.set_viewport_size({"width": 390, "height": 844})
    audit.visit(page, "companion-crisis-phone")
    audit.write_report("companion-axe.txt")
    audit.assert_clean()


def test_a_known_minor_under_the_california_profile_is_reminded_every_three_hours(asgi_context, asgi_server,
                                                                                   settings):
    """Issue #21: under us-ca, a known minor hears at the start that companion chatbots may not suit
    some minors, and three hours after the companion last said it is automated, the next reply
    reminds them that it is not a person and suggests a break (the clock moved in the database)."""
    from datetime import timedelta

    from django.utils import timezone

    from hearthside.companion.models import Conversation
    from hearthside.safety.directory import load_directory

    settings.COMPLIANCE_PROFILE = "us-ca"
    load_directory()
    teen = make_user("robin", country="US", pseudonym="Robin", year_of_birth=timezone.localdate().year - 15)
    log_in(asgi_context, teen, asgi_server)
    page = asgi_context.new_page()
    audit = PageAudit()
    audit.watch(page)
    reminder = ("A reminder: I am an automated companion, not a person. You have been here a while; this may be a "
                "good moment to take a break.")

    page.goto("/companion/")
    page.get_by_role("button", name="I agree: start talking").click()
    expect(page.locator("#companion-status")).to_have_text("Connected", timeout=15_000)
    log = page.locator("#companion-log")
    expect(log).to_contain_text("Companion chatbots like me may not be suitable for some minors.")
    _send(page, "I had a long day at school")
    expect(log.locator(".is-companion")).to_have_count(2, timeout=15_000)
    expect(log.locator(".is-companion").last).not_to_contain_text("A reminder")

    conversation = Conversation.objects.get(user=teen)
    state = conversation.state
    state["disclosed_at"] = (timezone.now() - timedelta(hours=2, minutes=50)).isoformat()
    Conversation.objects.filter(pk=conversation.pk).update(state=state)
    _send(page, "my friends were busy all day")
    expect(log.locator(".is-companion")).to_have_count(3, timeout=15_000)
    expect(log.locator(".is-companion").last).not_to_contain_text("A reminder")  # not yet three hours

    state = Conversation.objects.get(pk=conversation.pk).state
    state["disclosed_at"] = (timezone.now() - timedelta(hours=3, minutes=1)).isoformat()
    Conversation.objects.filter(pk=conversation.pk).update(state=state)
    _send(page, "and the bus was late again")
    expect(log.locator(".is-companion")).to_have_count(4, timeout=15_000)
    expect(log.locator(".is-companion").last).to_contain_text(reminder)
    audit.visit(page, "companion-minor-reminder")
    audit.assert_clean()
