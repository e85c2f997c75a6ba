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
    from django_otp.plugins.otp_totp.models import TOTPDevice

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
            # The practitioner's side of the room needs a second factor proved in the session.
            device = (TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
                      if user == pro.user else None)
            hs_browser.log_in(context, user, asgi_server, otp_device=device)
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
            _wait_mode(page, "video", timeout=60_000)
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


def test_counselling_pages_look_right_and_pass_axe(media_chromium, asgi_server):
    """Find a match, book a slot by clicking, see the session, message; the practitioner's client
    view with shared PHQ-9 trend; the verification desk. Axe on every page, screenshots saved."""
    from datetime import UTC, datetime

    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.accounts.actions import do_give_consent
    from hearthside.care import actions
    from hearthside.selfcare import actions as selfcare
    from hearthside.selfcare.models import QuestionnaireResponse

    from .conftest import make_practitioner, weekly

    pro = make_practitioner("drnguyen", tz="Europe/London", approaches=["cbt", "act"],
                            specialties=["anxiety", "sleep"], languages=("en", "fr"), bio="I help with worry and sleep.")
    make_practitioner("drkhan", approaches=["psychodynamic"], specialties=["grief"], languages=("en",))
    make_practitioner("drpending", verified=False)
    for weekday in range(7):
        weekly(pro, weekday, "09:00", "12:00")
    client_user = make_user("ashclient", time_zone="America/New_York")
    for purpose in ("health_data", "practitioner_sharing"):
        do_give_consent(client_user, purpose)
    for weeks_ago, score in ((6, 2), (4, 2), (2, 1), (0, 1)):
        selfcare.check_submit_questionnaire(client_user, "phq9", {str(i): (score if i < 9 else 0) for i in range(1, 10)})
        QuestionnaireResponse.objects.filter(pk=QuestionnaireResponse.objects.latest("pk").pk).update(
            completed_at=timezone.now() - timedelta(weeks=weeks_ago))
    audit_log = hs_browser.PageAudit()
    contexts = []
    try:
        context = hs_browser.new_context(media_chromium, asgi_server)
        context.set_default_timeout(20_000)
        contexts.append(context)
        hs_browser.log_in(context, client_user, asgi_server)
        page = context.new_page()
        audit_log.watch(page)
        page.goto("/care/match/")
        page.get_by_label("Anxiety").check()
        page.get_by_label("Which language do you want to talk in?").select_option("en")
        page.get_by_label("How would you like to meet?").select_option("video")
        page.get_by_role("button", name="Show my matches").click()
        first = page.locator(".care-matches > li").first
        assert "Drnguyen" in first.inner_text() and "Specialises in anxiety" in first.inner_text()
        assert "Drpending" not in page.content()
        audit_log.visit(page, "care-match")
        page.goto("/care/practitioners/?specialty=anxiety")
        audit_log.visit(page, "care-directory")
        page.get_by_role("link", name="Drnguyen").click()
        audit_log.visit(page, "care-practitioner")
        page.locator(".care-slot").first.click()
        page.get_by_role("button", name="Book this time").click()
        page.wait_for_url("**/care/appointments/")
        assert "Booked" in page.locator(".messages").inner_text()
        audit_log.visit(page, "care-appointments", dark=True)
        selfcare.check_share(client_user, "questionnaires")
        rel = actions.active_relationship(client_user)
        page.goto(f"/care/messages/{rel.pk}/")
        page.wait_for_function("() => window.hsSocket && document.body.dataset.events === 'on'")
        page.get_by_label("Your message").fill("Looking forward to our first session.")
        page.get_by_role("button", name="Send").click()
        page.locator("#care-log li[data-seq]").first.wait_for()
        audit_log.visit(page, "care-conversation")

        pro_context = hs_browser.new_context(media_chromium, asgi_server)
        pro_context.set_default_timeout(20_000)
        contexts.append(pro_context)
        device = TOTPDevice.objects.create(user=pro.user, name="phone", confirmed=True)
        hs_browser.log_in(pro_context, pro.user, asgi_server, otp_device=device)
        pro_page = pro_context.new_page()
        audit_log.watch(pro_page)
        pro_page.goto(f"/care/clients/{rel.pk}/")
        assert "reliable improvement" in pro_page.content()
        audit_log.visit(pro_page, "care-client", dark=True)
        pro_page.goto("/care/practice/")
        audit_log.visit(pro_page, "care-practice")
        page.goto("/care/who-looked/")
        assert pro.user.pseudonym in page.locator("table").inner_text()
        audit_log.visit(page, "care-who-looked")

        admin = make_user("deskadmin", "administrator")
        admin_context = hs_browser.new_context(media_chromium, asgi_server)
        contexts.append(admin_context)
        hs_browser.log_in(admin_context, admin, asgi_server,
                          otp_device=TOTPDevice.objects.create(user=admin, name="p", confirmed=True))
        desk = admin_context.new_page()
        audit_log.watch(desk)
        desk.goto("/care/verify/")
        audit_log.visit(desk, "care-verify")
        assert datetime.now(UTC)  # the pages above ran against the live clock
        audit_log.write_report("care-axe.txt")
        audit_log.assert_clean()
    finally:
        for context in contexts:
            context.close()
