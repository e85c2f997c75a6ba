"""The PostgreSQL backend's health check (core/postgresql/base.py, issue #20): no round trip while a
kept connection is busy and quiet; Django's own ``SELECT 1`` when the server has closed the
connection, after an error, or after a quiet spell — so a restarted server still costs no
request its answer."""

from __future__ import annotations

import time

import pytest
from django.db import connection, connections
from django.db.backends.postgresql.base import DatabaseWrapper as DjangoWrapper

from hearthside.core.postgresql import base as hs_base

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def wrapper():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    own = connections.create_connection("default")  # the test database, a connection of its own
    assert isinstance(own, hs_base.DatabaseWrapper)
    own.ensure_connection()
    with own.cursor() as cursor:
        cursor.execute("SELECT 1")
    yield own
    own.close()


@pytest.fixture
def round_trips(monkeypatch):
    """Counts Django's own check (the ``SELECT 1`` round trip)."""
    calls = []
    original = DjangoWrapper.is_usable

    def counted(self):
        calls.append(self)
        return original(self)

    monkeypatch.setattr(DjangoWrapper, "is_usable", counted)
    return calls


def test_the_database_url_names_this_backend():
    from hearthside.core.env import database_from_url

    assert database_from_url("postgres://u@h/db")["ENGINE"] == "hearthside.core.postgresql"


def test_a_busy_quiet_connection_is_usable_without_a_round_trip(wrapper, round_trips):
    assert wrapper.is_usable()
    assert round_trips == []


def test_a_connection_the_server_closed_is_caught_and_replaced(wrapper, round_trips):
    pid = wrapper.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    # The server's FATAL message and the end of the stream arrive on the socket (bounded wait).
    for _ in range(100):
        if not wrapper._socket_is_quiet():
            break
        time.sleep(0.02)
    assert not wrapper.is_usable()
    assert len(round_trips) == 1
    # What Django does before the first query of a request: the dead connection is replaced.
    wrapper.health_check_done = False
    wrapper.close_if_health_check_failed()
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_a_connection_quiet_for_a_while_gets_the_round_trip(wrapper, round_trips):
    wrapper.hs_used_at = time.monotonic() - hs_base.QUIET_SECONDS - 1
    assert wrapper.is_usable()
    assert len(round_trips) == 1


def test_after_an_error_the_connection_gets_the_round_trip(wrapper, round_trips):
    wrapper.errors_occurred = True
    assert wrapper.is_usable()
    assert len(round_trips) == 1


def test_a_closed_connection_is_not_taken_as_quiet(wrapper):
    wrapper.connection.close()
    assert not wrapper._socket_is_quiet()
