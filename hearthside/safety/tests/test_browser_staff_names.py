"""An alert that arrives live on the dashboard is named like the page's own rows (alerts.js).

The frame carries codes ("high", "community.chat", "burdensomeness"); the page gives the script
their names in the reader's language (``{% safety_names %}``), so a Spanish moderator's new row
reads "alto · Chat del grupo · abierta" rather than the codes.
"""

from __future__ import annotations

import pytest
from django.conf import settings

from hearthside.conftest import make_user
from hearthside.testing.browser import in_other_thread as _in_other_thread
from hearthside.testing.translations import extra_translations, pgettext_key

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

REASONS = [{"construct": "passive_ideation", "label": "x"}, {"construct": "burdensomeness", "label": "x"},
           {"construct": "model", "label": "x"}]
SPANISH = {
    pgettext_key("risk level", "high"): "alto",
    pgettext_key("alert status", "open"): "abierta",
    "Group chat": "Chat del grupo",
    "Passive suicidal ideation": "Ideación suicida pasiva",
    "Perceived burdensomeness": "Sensación de ser una carga",
    "Statistical model": "Modelo estadístico",
}




def test_a_live_row_is_named_in_the_readers_language(open_asgi_context, asgi_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.safety.actions import raise_alert

    moderator = make_user("jo", "moderator", pseudonym="Jo")
    sky = make_user("sky", pseudonym="Sky")
    context = open_asgi_context(moderator, otp_device=TOTPDevice.objects.create(user=moderator, name="p", confirmed=True),
                                locale="es-ES")
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "es", "url": asgi_server}])
    page = context.new_page()
    with extra_translations("es", SPANISH):
        page.goto("/staff/safety/")
        page.wait_for_function("() => document.getElementById('live-status').classList.contains('badge-on')",
                               timeout=15_000)
        alert = _in_other_thread(raise_alert, sky, source="community.chat", level="high", reasons=REASONS)
        row = page.locator(f'#alerts tbody tr[data-id="{alert.pk}"]')
        expect(row).to_be_visible(timeout=10_000)
        cells = [row.locator("td").nth(i).inner_text() for i in range(1, 6)]
    assert cells == ["alto", "Sky", "Chat del grupo", "abierta",
                     "Sensación de ser una carga, Modelo estadístico, Ideación suicida pasiva"]
