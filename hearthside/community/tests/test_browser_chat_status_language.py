"""The group chat's connection badge speaks the reader's language (it said "reconnecting…" in
English on Spanish pages whenever the socket dropped). The live server has no websockets, so the
page's socket fails and the badge shows its reconnecting state.

Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


def test_the_chat_badge_says_reconnecting_in_spanish(open_live_context):
    from hearthside.community.models import Group, Membership

    group = Group.objects.create(slug="calma", name="Calma", description="Un grupo tranquilo.")
    member = make_user("robin", pseudonym="Robin", language="es")
    Membership.objects.create(group=group, user=member)
    page = open_live_context(member, locale="es-ES", extra_http_headers={"Accept-Language": "es"}).new_page()
    page.goto("/groups/calma/")
    expect(page.locator("#chat-status")).to_have_text("reconectando…", timeout=15_000)
