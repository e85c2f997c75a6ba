"""A Spanish-speaking member writes a crisis message in group chat, in a real browser.

The message is held (the other member never sees it), its author sees the help panel in Spanish
with the crisis lines of their country that speak Spanish, and the moderator on duty sees the
alert arrive live on the staff dashboard. Screenshots at desktop and phone width
(community-chat-es-crisis*.png). Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from hearthside.community.models import ChatMessage, Group, Membership
from hearthside.safety.models import DutyShift, SafetyAlert
from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

CRISIS = "Tengo pastillas guardadas y me las voy a tomar todas esta noche"


def test_spanish_crisis_message_is_held_helped_and_alerted(chromium, asgi_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.conftest import make_user

    group = Group.objects.create(slug="noches", name="Noches difíciles", description="Para después del anochecer.")
    lucia = make_user("lucia", pseudonym="Lucía", country="MX", language="es")
    tomas = make_user("tomas", pseudonym="Tomás", country="MX", language="es")
    moderator = make_user("mo", "moderator", pseudonym="Mo")
    now = timezone.now()
    DutyShift.objects.create(user=moderator, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=8))
    for person in (lucia, tomas):
        Membership.objects.create(group=group, user=person)

    contexts = []
    try:
        def context_for(user, *, otp=False, locale="es-MX", **options):
            ctx = new_context(chromium, asgi_server, locale=locale, **options)
            ctx.set_default_timeout(15_000)
            contexts.append(ctx)
            device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True) if otp else None
            log_in(ctx, user, asgi_server, otp_device=device)
            return ctx

        a = context_for(lucia, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
        b = context_for(tomas).new_page()
        m = context_for(moderator, otp=True, locale="en-GB").new_page()
        audit = PageAudit()
        for page in (a, b, m):
            audit.watch(page)

        m.goto("/staff/safety/")
        expect(m.locator("#live-status")).to_have_text("live", timeout=30_000)
        a.goto(f"/groups/{group.slug}/")
        b.goto(f"/groups/{group.slug}/")
        expect(a.locator("#chat-status")).not_to_have_text("connecting…", timeout=30_000)
        expect(b.locator("#chat-status")).not_to_have_text("connecting…", timeout=30_000)

        box = a.locator("#chat-input")
        box.fill("Hola a todos, hoy fue un día largo.")
        box.press("Enter")
        expect(b.locator("#chat-log")).to_contain_text("hoy fue un día largo", timeout=10_000)

        box.fill(CRISIS)
        box.press("Enter")
        panel = a.locator("#live-help-panel")
        expect(panel).to_be_visible(timeout=10_000)
        expect(panel).to_contain_text("No tienes que enfrentar esto a solas")
        expect(panel.locator(".crisis-line").first).to_contain_text("Línea de la Vida")
        save_screenshot(a, "community-chat-es-crisis-phone")
        audit.visit(a, "community-chat-es-crisis")

        assert [msg.body for msg in ChatMessage.objects.filter(status=ChatMessage.Status.HELD)] == [CRISIS]
        alert = SafetyAlert.objects.get(person=lucia)
        assert alert.level in ("high", "imminent")
        row = m.locator(f'#alerts tbody tr[data-id="{alert.pk}"]')
        expect(row).to_be_visible(timeout=10_000)
        expect(row.get_by_role("link", name="Lucía")).to_be_visible()
        save_screenshot(m, "community-chat-es-crisis-dashboard")

        box.fill("Gracias.")
        box.press("Enter")
        expect(b.locator("#chat-log")).to_contain_text("Gracias.", timeout=10_000)
        expect(b.locator("#chat-log")).not_to_contain_text("pastillas")
        audit.assert_clean()
    finally:
        for ctx in contexts:
            ctx.close()
