"""Risk that only shows across turns, in group chat, in a real browser (issue #14, sessions 20-21).

"estoy en las vías del tren" alone is ``moderate``: it is published and a person is alerted. The
author's next message, "ya viene" ("it's coming"), means nothing alone; read after the first it is
the train coming, and it is held: the other member never sees it, its author sees the help panel in
Spanish, and the alert is raised to ``imminent``. The control: the same "ya viene" after a toy train
on the living-room floor is published and alerts no one. Screenshots at phone width
(community-chat-turns-*.png). Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.community.models import ChatMessage, Group, Membership
from hearthside.safety.models import SafetyAlert
from hearthside.safety.screening import LEVELS, screen
from hearthside.testing.browser import save_screenshot

from .chat_pages import chat_pages

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("first,crisis", [
    ("estoy en las vías del tren", True),
    ("estoy jugando con el tren de juguete de mi hijo, las vías dan la vuelta al salón", False),
])
def test_a_reply_that_completes_the_turn_before_is_held(chromium, asgi_server, first, crisis):
    from hearthside.conftest import make_user

    # The rule tables are built once per process: build them before any socket waits on a screening.
    assert screen("ya viene", history=["estoy en las vías del tren"]).level == "imminent"
    slug = "tarde-" + ("crisis" if crisis else "control")
    group = Group.objects.create(slug=slug, name="Por la tarde", description="Para hablar.")
    writer = make_user(f"writer-{slug}", pseudonym="Alba", country="MX", language="es")
    reader = make_user(f"reader-{slug}", pseudonym="Iker", country="MX", language="es")
    for person in (writer, reader):
        Membership.objects.create(group=group, user=person)

    with chat_pages(chromium, asgi_server, group, (writer, reader), locale="es-MX") as ((a, b), audit):
        box = a.locator("#chat-input")
        box.fill(first)
        box.press("Enter")
        expect(b.locator("#chat-log")).to_contain_text(first, timeout=10_000)  # published either way
        alerts_before = SafetyAlert.objects.filter(person=writer).count()
        assert alerts_before == (1 if crisis else 0)

        box.fill("ya viene")
        box.press("Enter")
        panel = a.locator("#live-help-panel")
        if crisis:
            expect(panel).to_be_visible(timeout=10_000)
            expect(panel).to_contain_text("No tienes que enfrentar esto a solas")
            save_screenshot(a, "community-chat-turns-held-phone")
            audit.visit(a, "community-chat-turns-held")
            held = list(ChatMessage.objects.filter(status=ChatMessage.Status.HELD).values_list("body", flat=True))
            assert held == ["ya viene"]
            top = max(SafetyAlert.objects.filter(person=writer).values_list("level", flat=True),
                      key=LEVELS.index)
            assert top == "imminent"
            # A message after it still reaches the group; the held one never does.
            box.fill("perdón")
            box.press("Enter")
            expect(b.locator("#chat-log")).to_contain_text("perdón", timeout=10_000)
            expect(b.locator("#chat-log")).not_to_contain_text("ya viene")
        else:
            expect(b.locator("#chat-log")).to_contain_text("ya viene", timeout=10_000)
            expect(panel).to_be_hidden()
            assert not ChatMessage.objects.filter(status=ChatMessage.Status.HELD).exists()
            assert SafetyAlert.objects.filter(person=writer).count() == 0
        audit.assert_clean()
