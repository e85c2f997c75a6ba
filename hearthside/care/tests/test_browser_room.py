"""The live session room in two real Chromium contexts: book, both join, video connects; the
client's camera fails → audio; the microphone fails too → text; chat and the timer carry on;
the connection recovers → back up to video. Screenshots: test-artifacts/screenshots/care-*.png.

Chromium runs with a fake camera and microphone (--use-fake-device-for-media-stream,
--use-fake-ui-for-media-stream). Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from hearthside.conftest import make_user
from hearthside.testing import browser as hs_browser

pytestmark = pytest.mark.browser

FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
              # Two contexts of one browser on one machine: offer plain host candidates rather
              # than mDNS names, which a sandboxed test machine may not resolve.
              "--disable-features=WebRtcHideLocalIpsWithMdns"]


@pytest.fixture(scope="module")
def media_chromium():
    if not hs_browser.chromium_available():
        pytest.skip(hs_browser.MISSING_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=hs_browser.CHROMIUM_PATH,
                                                 args=hs_browser.CHROMIUM_ARGS + FAKE_MEDIA, headless=True)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _state(page) -> dict:
    return page.evaluate("() => window.hsCareRoom.state()")


def _wait_mode(page, mode: str, timeout: int = 30_000) -> None:
    page.wait_for_function("(m) => window.hsCareRoom && window.hsCareRoom.state().mode === m", arg=mode,
                           timeout=timeout)


def test_two_people_meet_fall_back_to_audio_then_text_and_recover(media_chromium, asgi_server):
    from django.utils import timezone

    from hearthside.care import actions
    from hearthside.care.models import Appointment

    from .conftest import make_practitioner

    pro = make_practitioner("roomdoc", tz="Europe/London")
    client_user = make_user("roomguest", time_zone="America/New_York")
    actions.check_choose_practitioner(client_user, pro)
    start = timezone.now().replace(microsecond=0) - timedelta(minutes=2)
    # Booked directly at "now": the booking rules (notice, slots) have their own tests.
    appointment = Appointment.objects.create(practitioner=pro, client=client_user, starts_at=start,
                                             ends_at=start + timedelta(minutes=50), format="video")
    pages = {}
    contexts = []
    try:
        for name, user in (("client", client_user), ("practitioner", pro.user)):
            context = hs_browser.new_context(media_chromium, asgi_server, permissions=["camera", "microphone"])
            context.set_default_timeout(20_000)
            contexts.append(context)
            hs_browser.log_in(context, user, asgi_server)
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
            page.goto(f"/care/appointments/{appointment.pk}/room/")
            page.wait_for_function("() => document.body.dataset.events === 'on' && window.hsSocket")
            pages[name] = (page, errors)
        client, practitioner = pages["client"][0], pages["practitioner"][0]
        for page in (client, practitioner):
            page.get_by_role("button", name="Join with camera and microphone").click()
        for page in (client, practitioner):
            page.wait_for_function("() => window.hsCareRoom.state().conn === 'connected'", timeout=30_000)
            _wait_mode(page, "video")
        # Remote video really plays: frames arrive.
        practitioner.wait_for_function("() => document.getElementById('remote-video').videoWidth > 0")
        hs_browser.save_screenshot(practitioner, "care-room-video")

        # The client's camera stops sending: the practitioner's statistics see no frames.
        client.evaluate("() => window.hsCareRoom.fault('video', true)")
        for page in (practitioner, client):
            _wait_mode(page, "audio")
        assert "video connection is too weak" in client.locator("#care-why").inner_text()
        hs_browser.save_screenshot(client, "care-room-audio")

        # Then the microphone as well: text chat, and the chat keeps working.
        client.evaluate("() => window.hsCareRoom.fault('audio', true)")
        for page in (practitioner, client):
            _wait_mode(page, "text")
        assert "audio connection is too weak" in practitioner.locator("#care-why").inner_text()
        timer_before = client.locator("#care-timer").inner_text()
        client.get_by_label("Your message").fill("Can you still read me?")
        client.get_by_role("button", name="Send").click()
        practitioner.locator("#care-log").get_by_text("Can you still read me?").wait_for()
        client.wait_for_function("(t) => document.getElementById('care-timer').textContent !== t", arg=timer_before)
        assert "Elapsed" in client.locator("#care-timer").inner_text()
        hs_browser.save_screenshot(practitioner, "care-room-text")

        # Recovery: both tracks send again; the room steps back up to video.
        client.evaluate("() => { window.hsCareRoom.fault('audio', false); window.hsCareRoom.fault('video', false); }")
        for page in (practitioner, client):
            _wait_mode(page, "video", timeout=45_000)
        assert "recovered" in client.locator("#care-why").inner_text()
        hs_browser.save_screenshot(client, "care-room-recovered")

        # The client leaves: the practitioner is told, the room waits, the chat still works.
        client.get_by_role("button", name="Leave the call").click()
        practitioner.wait_for_function(
            "() => document.getElementById('care-conn').textContent.includes('dropped')")
        hs_browser.save_screenshot(practitioner, "care-room-peer-left")
        for name, (_page, errors) in pages.items():
            assert not errors, f"{name}: {errors}"
    finally:
        for context in contexts:
            context.close()
