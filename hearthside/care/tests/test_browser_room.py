"""The live session room in two real Chromium contexts: book, both join, the practitioner lets the
client in from the waiting room, video connects; the client's camera fails → audio; the
microphone fails too → text; chat and the timer carry on; the connection recovers → back up to
video. The room's controls: the device test (preview and microphone level), mute and camera off
told to the other person without stepping the call down, and "left the call" told apart from
"connection dropped". Screenshots: test-artifacts/screenshots/care-*.png.

Chromium runs with a fake camera and microphone (--use-fake-device-for-media-stream,
--use-fake-ui-for-media-stream). Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from hearthside.conftest import make_user
from hearthside.testing import browser as hs_browser
from hearthside.testing.browser_fixtures import system_chromium

pytestmark = pytest.mark.browser

FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
              # Two contexts of one browser on one machine: offer plain host candidates rather
              # than mDNS names, which a sandboxed test machine may not resolve.
              "--disable-features=WebRtcHideLocalIpsWithMdns"]
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def chromium():
    """This module's Chromium has a fake camera and microphone (``open_asgi_context`` uses it)."""
    with system_chromium(*FAKE_MEDIA) as browser:
        yield browser


def _appointment_now(pro, client_user, *, started_minutes_ago: int):
    """A video session that is on now, booked directly: the booking rules (notice, slots) have
    their own tests."""
    from django.utils import timezone

    from hearthside.care import actions
    from hearthside.care.models import Appointment

    actions.check_choose_practitioner(client_user, pro)
    start = timezone.now().replace(microsecond=0) - timedelta(minutes=started_minutes_ago)
    return Appointment.objects.create(practitioner=pro, client=client_user, starts_at=start,
                                      ends_at=start + timedelta(minutes=50), format="video")


def _enter_room(open_asgi_context, appointment, pro, client_user) -> tuple[dict, list[str]]:
    """The client's and the practitioner's pages in the room, with its socket up; and a list that
    collects the script errors of both ("client: ...", "practitioner: ...")."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    pages, errors = {}, []
    for name, user in (("client", client_user), ("practitioner", pro.user)):
        # The practitioner's side of the room needs a second factor proved in the session.
        device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True) if user == pro.user else None
        context = open_asgi_context(user, otp_device=device, timeout_ms=TIMEOUT_MS,
                                    permissions=["camera", "microphone"])
        page = context.new_page()
        page.on("pageerror", lambda exc, name=name: errors.append(f"{name}: {exc}"))
        page.goto(f"/care/appointments/{appointment.pk}/room/")
        page.wait_for_function("() => document.body.dataset.events === 'on' && window.hsSocket")
        pages[name] = page
    return pages, errors


def _state(page) -> dict:
    return page.evaluate("() => window.hsCareRoom.state()")


def _wait_mode(page, mode: str, timeout: int = 30_000) -> None:
    page.wait_for_function("(m) => window.hsCareRoom && window.hsCareRoom.state().mode === m", arg=mode,
                           timeout=timeout)


def test_two_people_meet_fall_back_to_audio_then_text_and_recover(open_asgi_context):
    from .conftest import make_practitioner

    pro = make_practitioner("roomdoc", tz="Europe/London")
    client_user = make_user("roomguest", time_zone="America/New_York")
    appointment = _appointment_now(pro, client_user, started_minutes_ago=2)
    pages, errors = _enter_room(open_asgi_context, appointment, pro, client_user)
    client, practitioner = pages["client"], pages["practitioner"]
    for page in (client, practitioner):
        page.get_by_role("button", name="Join with camera and microphone").click()
    # The client waits in the waiting room until the practitioner lets them in.
    practitioner.get_by_role("button", name="Let Roomguest in").click()
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

    # The client leaves: the practitioner is told they left (not that they dropped).
    client.get_by_role("button", name="Leave the call").click()
    practitioner.wait_for_function("() => window.hsCareRoom.state().peer === 'left'")
    assert practitioner.locator("#care-conn").inner_text() == "Left the call"
    assert practitioner.locator("#care-why").inner_text() == (
        "Roomguest left the call. They can join again; the chat and the timer go on.")
    hs_browser.save_screenshot(practitioner, "care-room-peer-left")
    assert not errors, errors


def test_counselling_pages_look_right_and_pass_axe(open_asgi_context):
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
    page = open_asgi_context(client_user, timeout_ms=TIMEOUT_MS).new_page()
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

    device = TOTPDevice.objects.create(user=pro.user, name="phone", confirmed=True)
    pro_page = open_asgi_context(pro.user, otp_device=device, timeout_ms=TIMEOUT_MS).new_page()
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
    desk = open_asgi_context(admin, otp_device=TOTPDevice.objects.create(user=admin, name="p", confirmed=True),
                             timeout_ms=TIMEOUT_MS).new_page()
    audit_log.watch(desk)
    desk.goto("/care/verify/")
    audit_log.visit(desk, "care-verify")
    assert datetime.now(UTC)  # the pages above ran against the live clock
    audit_log.write_report("care-axe.txt")
    audit_log.assert_clean()


def _stays_video(page, peer) -> None:
    """Five more statistics samples on ``peer``'s side, and the call is still video on both."""
    start = peer.evaluate("() => window.hsCareRoom.state().samples")
    peer.wait_for_function("(n) => window.hsCareRoom.state().samples >= n + 5", arg=start, timeout=20_000)
    assert _state(peer)["mode"] == "video" and _state(page)["mode"] == "video"


def _turn_off_and_tell(client, practitioner, button_name: str, remote_flag: str, told: str):
    """The client presses ``button_name`` (it shows as pressed); the practitioner's page learns it
    (``remote_flag`` in its state) and says ``told``, and the call stays video. Returns the button."""
    button = client.get_by_role("button", name=button_name)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    practitioner.wait_for_function(f"() => window.hsCareRoom.state().{remote_flag}")
    assert practitioner.locator("#care-peer-media").inner_text() == told
    _stays_video(client, practitioner)
    return button


def _turn_back_on(button, practitioner, remote_flag: str) -> None:
    button.click()
    practitioner.wait_for_function(f"() => !window.hsCareRoom.state().{remote_flag}")


def test_waiting_room_device_test_mute_camera_off_and_left_versus_dropped(open_asgi_context):
    from hearthside.care.models import Appointment

    from .conftest import make_practitioner

    pro = make_practitioner("lobbydoc", tz="Europe/London")
    client_user = make_user("lobbyclient", time_zone="Europe/London")
    appointment = _appointment_now(pro, client_user, started_minutes_ago=1)
    audit = hs_browser.PageAudit()
    pages, errors = _enter_room(open_asgi_context, appointment, pro, client_user)
    client, practitioner = pages["client"], pages["practitioner"]

    # The device test before joining: a preview from the chosen camera and a moving level.
    client.get_by_role("button", name="Test camera and microphone").click()
    client.wait_for_function("() => document.getElementById('care-preview').videoWidth > 0")
    client.wait_for_function("() => document.getElementById('care-level').value > 0.01", timeout=10_000)
    cameras = client.locator("#care-camera option").all_inner_texts()
    microphones = client.locator("#care-mic option").all_inner_texts()
    assert cameras and microphones and all(cameras) and all(microphones)
    assert client.locator("#care-test-status").inner_text() == "Speak: the bar moves when your microphone hears you."
    audit.visit(client, "care-room-device-test-axe")
    hs_browser.save_screenshots(client, "care-room-device-test")

    # The client joins: into the waiting room. The practitioner sees them there; no call yet.
    client.get_by_role("button", name="Join with camera and microphone").click()
    in_lobby = client.locator("#care-in-lobby")
    in_lobby.wait_for()
    assert in_lobby.inner_text() == "You are in the waiting room. Lobbydoc will let you in."
    practitioner.locator("#care-lobby").wait_for()
    assert practitioner.locator("#care-lobby-text").inner_text() == "Lobbyclient is in the waiting room."
    practitioner.get_by_role("button", name="Join with camera and microphone").click()
    practitioner.wait_for_function("() => window.hsCareRoom.state().peer === 'waiting'")
    assert _state(client)["conn"] == "none" and _state(practitioner)["conn"] == "none"
    assert Appointment.objects.get(pk=appointment.pk).admitted_at is None
    audit.visit(practitioner, "care-room-lobby-axe")
    hs_browser.save_screenshots(practitioner, "care-room-lobby")
    hs_browser.save_screenshots(client, "care-room-waiting")

    # Let in: the call connects on both sides.
    practitioner.get_by_role("button", name="Let Lobbyclient in").click()
    for page in (client, practitioner):
        page.wait_for_function("() => window.hsCareRoom.state().conn === 'connected'", timeout=30_000)
        _wait_mode(page, "video")
    assert Appointment.objects.get(pk=appointment.pk).admitted_at is not None
    assert practitioner.locator("#care-lobby").is_hidden()
    practitioner.wait_for_function("() => document.getElementById('remote-video').videoWidth > 0")

    # Mute: nothing is sent on the microphone, the other person is told, and the silence is
    # not taken for a weak connection (the call stays video).
    mute = _turn_off_and_tell(client, practitioner, "Mute", "remoteMuted", "Lobbyclient muted their microphone")
    assert client.locator("#care-self").inner_text() == "Your microphone is muted"
    assert _state(client)["sendingAudio"] is False
    hs_browser.save_screenshots(practitioner, "care-room-peer-muted")
    _turn_back_on(mute, practitioner, "remoteMuted")
    assert practitioner.locator("#care-peer-media").is_hidden() and _state(client)["sendingAudio"] is True

    # Camera off, the same way.
    camera = _turn_off_and_tell(client, practitioner, "Camera off", "remoteCameraOff",
                                "Lobbyclient turned their camera off")
    hs_browser.save_screenshots(client, "care-room-controls")
    _turn_back_on(camera, practitioner, "remoteCameraOff")

    # Leaving is told as leaving.
    client.get_by_role("button", name="Leave the call").click()
    practitioner.wait_for_function("() => window.hsCareRoom.state().peer === 'left'")
    assert practitioner.locator("#care-why").inner_text() == (
        "Lobbyclient left the call. They can join again; the chat and the timer go on.")
    assert practitioner.locator("#care-conn").inner_text() == "Left the call"
    hs_browser.save_screenshots(practitioner, "care-room-peer-left")

    # Back in (already let in: no waiting room again), then the client's tab dies without a
    # word: that is told as a dropped connection.
    client.get_by_role("button", name="Join with camera and microphone").click()
    assert in_lobby.is_hidden()
    for page in (client, practitioner):
        page.wait_for_function("() => window.hsCareRoom.state().conn === 'connected'", timeout=30_000)
    practitioner.wait_for_function("() => window.hsCareRoom.state().peer === 'here'")
    assert practitioner.locator("#care-why").is_hidden()
    cdp = client.context.new_cdp_session(client)
    crashed = []
    client.on("crash", lambda _page: crashed.append(True))
    try:
        cdp.send("Page.crash", timeout=5_000)
    except Exception:  # noqa: BLE001 - the tab is gone before it can answer
        pass
    assert crashed == [True]
    practitioner.wait_for_function("() => window.hsCareRoom.state().peer === 'dropped'", timeout=30_000)
    assert practitioner.locator("#care-why").inner_text() == (
        "Lobbyclient’s connection dropped. The room waits for them; the chat and the timer go on.")
    assert practitioner.locator("#care-conn").inner_text() == "Connection dropped"
    hs_browser.save_screenshots(practitioner, "care-room-peer-dropped")
    assert not [e for e in errors if e.startswith("practitioner")], errors
    audit.assert_clean()
