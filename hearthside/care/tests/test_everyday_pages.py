"""Rough edges of the counselling pages found in everyday use (issue #18)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import icalendar
import pytest
import time_machine
from django.test import Client

from hearthside.care import actions, conversation
from hearthside.conftest import login_client, make_user

pytestmark = pytest.mark.django_db

SITE = "https://care.example.org"


def _labels(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(r"<label[^>]*>(.*?)</label>", page, re.S)]


def test_the_directory_language_filter_is_not_mistaken_for_the_site_language(pro, client_user):
    # The filter and the footer's choice of interface language both listed English and Español
    # under the same label, "Language".
    page = login_client(client_user).get("/care/practitioners/").content.decode()
    labels = _labels(page)
    assert "Language of sessions" in labels and labels.count("Language") == 1
    assert len(labels) == len(set(labels)), labels


def test_a_practitioner_sees_their_clients_not_the_line_meant_for_clients(pro, client_user):
    actions.check_choose_practitioner(client_user, pro)
    page = login_client(pro.user).get("/care/").content.decode()
    assert "You are not working with a practitioner yet" not in page
    assert "Find a good match" not in page
    assert '<h2 id="clients">Your clients</h2>' in page
    assert re.search(r'<a href="/care/clients/\d+/">Client</a>', page)
    # A client still sees their own side, and someone in no relationship the way to find one.
    assert '<h2 id="my-practitioner">Your practitioner</h2>' in login_client(client_user).get("/care/").content.decode()
    newcomer = login_client(make_user("newcomer")).get("/care/").content.decode()
    assert "You are not working with a practitioner yet." in newcomer
    assert "Your clients" not in newcomer


def test_the_calendar_address_and_the_feeds_links_use_the_site_url(settings, pro, client_user):
    settings.SITE_URL = SITE
    web = login_client(client_user)
    web.post("/care/calendar/", {"action": "rotate"})
    feed = actions.feed_for(client_user, create=False)
    page = web.get("/care/calendar/", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert f'value="{SITE}/care/calendar/{feed.token}.ics"' in page
    assert ":8000" not in page

    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        slot = actions.compute_slots(pro, datetime(2026, 3, 3, tzinfo=UTC), datetime(2026, 3, 4, tzinfo=UTC))[0]
        actions.check_book(client_user, pro, slot.starts_at, "video")
        ics = Client().get(f"/care/calendar/{feed.token}.ics", HTTP_HOST="127.0.0.1:8000")
    (event,) = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert str(event["url"]) == f"{SITE}/care/appointments/"
    assert str(event["description"]).endswith(f"{SITE}/care/appointments/")
    assert str(event["uid"]).endswith("@care.example.org")
    assert b":8000" not in ics.content


def test_the_thread_writes_every_time_one_way_and_tells_the_page_script_how(pro, client_user):
    # care.js writes live messages' times with the zone and month names the page gives it.
    relationship = actions.check_choose_practitioner(client_user, pro)
    with time_machine.travel(datetime(2026, 12, 3, 23, 30, tzinfo=UTC), tick=False):
        conversation.check_send_message(client_user, relationship, "c1", "Hello")
    page = login_client(client_user).get(f"/care/messages/{relationship.pk}/").content.decode()
    # 23:30 UTC is 18:30 in New York, the client's zone.
    assert re.findall(r'<time class="help" datetime="[^"]+">([^<]*)</time>', page) == ["03 Dec 18:30"]
    assert 'data-tz="America/New_York"' in page
    assert 'data-months="Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"' in page

    spanish = login_client(client_user).get(f"/care/messages/{relationship.pk}/", HTTP_ACCEPT_LANGUAGE="es")
    assert re.findall(r'<time class="help" datetime="[^"]+">([^<]*)</time>', spanish.content.decode()) == ["03 Dic 18:30"]
    assert 'data-months="Ene|Feb|Mar|Abr|May|Jun|Jul|Ago|Sep|Oct|Nov|Dic"' in spanish.content.decode()

