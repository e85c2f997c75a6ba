"""A whole-message goodbye in group chat, in a real browser (issue #14, session 19).

"this is goodbye" sent alone in English is read as ``high``: it is held (the other member never sees
it), its author sees the help panel at once, and an alert is raised. The Spanish "adiós para siempre"
alone is ``moderate`` by the Spanish rubric (and the shipped model leaves it there): it is published, and its author still sees the help
panel in Spanish while a person is alerted. Screenshots at phone width
(community-chat-goodbye-*.png). Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.community.models import ChatMessage, Group, Membership
from hearthside.safety.models import SafetyAlert
from hearthside.testing.browser import save_screenshot

from .chat_pages import chat_pages

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang,locale,country,text,held,level,panel_text", [
    ("en", "en-GB", "GB", "this is goodbye", True, "high", "You don't have to face this alone"),
    ("es", "es-MX", "MX", "adiós para siempre", False, "moderate", "No tienes que enfrentar esto a solas"),
])
def test_a_whole_goodbye_is_answered_by_its_level(chromium, asgi_server, lang, locale, country, text, held, level,
                                                  panel_text):
    from hearthside.conftest import make_user

    group = Group.objects.create(slug=f"evenings-{lang}", name="Evenings", description="After dark.")
    writer = make_user(f"writer{lang}", pseudonym="Robin", country=country, language=lang)
    reader = make_user(f"reader{lang}", pseudonym="Sam", country=country, language=lang)
    for person in (writer, reader):
        Membership.objects.create(group=group, user=person)

    with chat_pages(chromium, asgi_server, group, (writer, reader), locale=locale) as ((a, b), audit):
        box = a.locator("#chat-input")
        box.fill(text)
        box.press("Enter")
        panel = a.locator("#live-help-panel")
        expect(panel).to_be_visible(timeout=10_000)
        expect(panel).to_contain_text(panel_text)
        save_screenshot(a, f"community-chat-goodbye-{lang}-phone")
        audit.visit(a, f"community-chat-goodbye-{lang}")

        alert = SafetyAlert.objects.get(person=writer)
        assert alert.level == level
        held_bodies = list(ChatMessage.objects.filter(status=ChatMessage.Status.HELD).values_list("body", flat=True))
        if held:
            assert held_bodies == [text]
            box.fill("ok")
            box.press("Enter")
            expect(b.locator("#chat-log")).to_contain_text("ok", timeout=10_000)
            expect(b.locator("#chat-log")).not_to_contain_text(text)
        else:
            assert held_bodies == []
            expect(b.locator("#chat-log")).to_contain_text(text, timeout=10_000)
        audit.assert_clean()
