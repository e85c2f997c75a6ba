"""The session room says when the session is in words until its last hour (screenshot review,
docs/tour/practitioner-session.png: "Starts in 3891:31" for a session days away, and "Mode: —").

More than an hour away the timer reads "Starts in 5 hours", "Starts tomorrow", "Starts in 3 days"
(Intl.RelativeTimeFormat in the page's language, which also picks the plural); minutes and seconds
count down the last hour and count the session itself. Before the call, "Mode" names the session's
format. The browser's clock is set by the test (Playwright's clock), so every case is exact.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.conf import settings

from hearthside.conftest import make_user
from hearthside.testing.translations import extra_translations

pytestmark = pytest.mark.browser

STARTS = datetime(2030, 3, 10, 18, 0, tzinfo=UTC)


@pytest.fixture
def appointment(db):
    from hearthside.care import actions
    from hearthside.care.models import Appointment

    from .conftest import make_practitioner

    pro = make_practitioner("countdoc", tz="Europe/London")
    client_user = make_user("countguest", time_zone="Europe/London")
    actions.check_choose_practitioner(client_user, pro)
    return Appointment.objects.create(practitioner=pro, client=client_user, starts_at=STARTS,
                                      ends_at=STARTS.replace(minute=50), format="video")


def _timer_at(page, url, now: datetime) -> str:
    page.clock.set_fixed_time(now)
    page.goto(url)
    return page.locator("#care-timer").inner_text()


@pytest.mark.parametrize("now, shown", [
    (datetime(2030, 3, 7, 9, 50, tzinfo=UTC), "Starts in 3 days"),
    (datetime(2030, 3, 9, 10, 0, tzinfo=UTC), "Starts tomorrow"),
    (datetime(2030, 3, 9, 20, 0, tzinfo=UTC), "Starts in 22 hours"),
    (datetime(2030, 3, 10, 16, 40, tzinfo=UTC), "Starts in 1 hour"),
    (datetime(2030, 3, 10, 17, 30, tzinfo=UTC), "Starts in 30:00"),
    (datetime(2030, 3, 10, 18, 10, tzinfo=UTC), "Elapsed 10:00 · 40:00 left"),
    (datetime(2030, 3, 10, 19, 0, tzinfo=UTC), "Elapsed 60:00 · 10:00 over time"),
    (datetime(2030, 3, 10, 22, 0, tzinfo=UTC), "Ended 3 hours ago"),
    (datetime(2030, 3, 12, 9, 0, tzinfo=UTC), "Ended 2 days ago"),
], ids=["days", "tomorrow", "hours", "one-hour", "last-hour", "during", "over-time", "ended-hours", "ended-days"])
def test_the_timer_says_when_in_words_until_the_last_hour(open_live_context, appointment, now, shown):
    page = open_live_context(appointment.client, timezone_id="UTC").new_page()
    assert _timer_at(page, f"/care/appointments/{appointment.pk}/room/", now) == shown


def test_before_the_call_the_mode_is_the_sessions_format(open_live_context, appointment):
    page = open_live_context(appointment.client, timezone_id="UTC").new_page()
    _timer_at(page, f"/care/appointments/{appointment.pk}/room/", datetime(2030, 3, 7, 9, 50, tzinfo=UTC))
    assert page.locator("#care-mode").inner_text() == "Video"
    assert "—" not in page.locator(".care-status").inner_text()


def test_in_spanish_the_words_and_plurals_are_spanish(open_live_context, appointment, live_server):
    context = open_live_context(appointment.client, timezone_id="UTC", locale="es-ES")
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "es", "url": live_server.url}])
    page = context.new_page()
    url = f"/care/appointments/{appointment.pk}/room/"
    # {% translate %} looks a "%" up doubled, as makemessages writes it ("Camera %%(n)s" is another).
    with extra_translations("es", {"Starts %%(when)s": "Empieza %%(when)s", "Ended %%(when)s": "Terminó %%(when)s"}):
        assert _timer_at(page, url, datetime(2030, 3, 6, 12, 0, tzinfo=UTC)) == "Empieza dentro de 4 días"
        assert _timer_at(page, url, datetime(2030, 3, 10, 16, 40, tzinfo=UTC)) == "Empieza dentro de 1 hora"
        assert _timer_at(page, url, datetime(2030, 3, 9, 8, 0, tzinfo=UTC)) == "Empieza mañana"
        assert _timer_at(page, url, datetime(2030, 3, 11, 20, 0, tzinfo=UTC)) == "Terminó ayer"
