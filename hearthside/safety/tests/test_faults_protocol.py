"""The crisis protocol and the help page with the database down (issue #20): a person looking for
them gets them, read from the code and the packaged crisis lines, without the version record."""

from __future__ import annotations

import logging
from unittest import mock

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import DatabaseError, OperationalError
from django.test import Client, override_settings

from hearthside.safety import protocol
from hearthside.safety.directory import load_directory
from hearthside.safety.models import ProtocolVersion

ACK = {"imminent": 120, "high": 600, "moderate": 3600, "unknown": 600}
UNRECORDED = "could not be looked up or recorded just now"


@pytest.fixture
def database_down(db):
    """Every new query fails as it would with PostgreSQL stopped (connection refused)."""

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", refuse):
        yield


def _client(**extra):
    return Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8", **extra)


def _assert_the_protocol(html: str) -> None:
    # The levels, the escalation table and the crisis lines, all without the database.
    assert ('<td role="cell">imminent</td><td role="cell" data-label="Help shown to the writer">yes</td>'
            '<td role="cell" data-label="Team alerted">yes</td><td role="cell" data-label="Held back from others">yes'
            '</td><td role="cell" data-label="Time to respond">2 minutes</td>') in html
    assert ("<li>First: the moderators, clinical supervisors and administrators on duty (the roster); if there is "
            "nobody: the clinical supervisors, the administrators.</li>") in html
    assert "<li>If nobody has responded in time: the administrators.</li>" in html
    assert "988" in html and "Samaritans" in html and "116 123" in html
    assert "Emergency number 999 (checked 2026-11-22)" in html
    assert html.count('<details class="panel">') == 38
    assert '<a class="button" href="/help/">Get help now</a>' in html


@override_settings(SAFETY_ACK_SECONDS=ACK, SITE_COUNTRY="GB")
def test_the_protocol_is_shown_from_the_code_when_the_database_is_down(database_down, caplog):
    with caplog.at_level(logging.WARNING, logger="hearthside.safety"):
        response = _client().get("/help/protocol/")
    assert response.status_code == 200
    html = response.content.decode()
    _assert_the_protocol(html)
    assert "Our crisis protocol" in html
    assert UNRECORDED in html
    assert "Version 1" not in html and "Something went wrong" not in html
    assert "otherwise this site's default, GB." in html
    assert response["Cache-Control"] == "no-store"
    assert any("/help/protocol/" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_the_protocol_is_shown_to_a_signed_in_person_when_the_database_is_down(database_down, settings):
    client = _client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "p" * 32  # loading the session needs the database
    response = client.get("/help/protocol/")
    assert response.status_code == 200
    html = response.content.decode()
    _assert_the_protocol(html)
    assert UNRECORDED in html


@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_an_earlier_version_asked_for_while_the_database_is_down_shows_the_current_one(database_down):
    response = _client().get("/help/protocol/?version=1")
    assert response.status_code == 200
    assert UNRECORDED in response.content.decode()
    assert _client().get("/help/protocol/?version=abc").status_code == 404  # bad input is still 404


@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_the_protocol_survives_failing_to_record_its_version(db, monkeypatch):
    """The database answers reads but the version cannot be written (a read-only replica, a full disk)."""

    def fail():
        raise DatabaseError("cannot execute INSERT in a read-only transaction")

    monkeypatch.setattr(protocol, "current_version", fail)
    response = _client().get("/help/protocol/")
    assert response.status_code == 200
    html = response.content.decode()
    _assert_the_protocol(html)
    assert UNRECORDED in html
    assert ProtocolVersion.objects.count() == 0


@pytest.mark.django_db
@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_the_packaged_facts_are_the_database_facts_of_a_fresh_site():
    """Offline, the page states what the site states online when no one has edited the lines."""
    assert load_directory(replace=True) == 59
    offline = protocol.facts(packaged=True)
    assert len(offline["crisis_lines"]) == 59 and len(offline["emergency_numbers"]) == 38
    assert offline == protocol.facts()


@pytest.mark.django_db
@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_with_the_database_up_the_page_still_records_and_shows_its_version():
    html = _client().get("/help/protocol/").content.decode()
    assert "Version 1 (shown)" in html and UNRECORDED not in html
    assert ProtocolVersion.objects.count() == 1


def test_help_still_answers_with_the_crisis_lines_when_the_database_is_down(database_down, settings):
    client = _client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "h" * 32
    for path in ("/help/", "/help/?country=US", "/help"):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
    html = client.get("/help/?country=US").content.decode()
    assert "988" in html and "Get help now" in html
    assert client.head("/help/").status_code == 200
