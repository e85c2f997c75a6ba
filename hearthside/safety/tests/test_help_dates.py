"""Dates on the help pages are written as on the rest of the site: "22 Nov 2026", never "Nov. 22, 2026".

Screenshot review (docs/tour/member-help.png): the crisis lines said "checked Nov. 22, 2026" (Django's
DATE_FORMAT) while every other page says "4 Dec 2026" (``date:"j M Y"``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.conf import settings

from hearthside.conftest import login_client, make_user


@pytest.fixture
def lines(db):
    from hearthside.safety.directory import load_directory_if_empty
    from hearthside.safety.models import CrisisLine

    load_directory_if_empty()
    CrisisLine.objects.filter(country="GB").update(verified_on=date(2026, 11, 22))


def test_the_help_page_says_when_each_line_was_checked_in_the_sites_date_format(anon, lines):
    html = anon.get("/help/?country=GB").content.decode()
    assert "24/7 · checked 22 Nov 2026</p>" in html
    assert "Nov. 22" not in html and "November 22" not in html


def test_the_copy_kept_on_the_device_uses_the_same_format(lines):
    person = make_user("river", country="GB", time_zone="Europe/London")
    with time_machine.travel(datetime(2026, 12, 4, 17, 12, tzinfo=UTC), tick=False):
        html = login_client(person).get("/help/offline/").content.decode()
    assert "checked 22 Nov 2026" in html
    assert "(stored 4 Dec 2026, 17:12)" in html


def test_the_contact_page_says_when_the_person_agreed_in_the_same_format(db):
    from django.utils import translation

    person = make_user("river", time_zone="Europe/London")
    client = login_client(person)
    with time_machine.travel(datetime(2026, 11, 22, 9, 30, tzinfo=UTC), tick=False), translation.override("en"):
        assert client.post("/help/contact/", {"kind": "email", "email-value": "river@example.org",
                                              "email-agreed": "on"}).status_code == 302
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/help/contact/").content.decode()
    assert "You agreed on 22 Nov 2026: “" in html
