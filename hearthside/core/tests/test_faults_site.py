"""The site when things fail: /help/ without the database, error pages, JSON API errors, the
worker's health in /healthz, and the fan-out channel separating two sites on one Redis."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.test import Client

from hearthside.testing.processes import free_port

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def database_down(db):
    """Every new query fails as it would with PostgreSQL stopped (connection refused). Undone
    before the test database is rolled back."""
    from unittest import mock

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", refuse):
        yield


def _client():
    return Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")


def test_help_answers_from_the_packaged_data_when_the_database_is_down(database_down):
    response = _client().get("/help/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samaritans" in html and "Get help now" in html
    us = _client().get("/help/?country=US")
    assert us.status_code == 200 and "988" in us.content.decode()


def test_help_answers_for_a_signed_in_person_when_the_database_is_down(database_down, settings):
    client = _client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "a" * 32  # loading the session needs the database
    response = client.get("/help/")
    assert response.status_code == 200
    assert "Samaritans" in response.content.decode()


def test_other_pages_fail_with_a_static_page_that_shows_the_crisis_lines(database_down):
    response = _client().get("/groups/", HTTP_COOKIE="hearthside_session=" + "b" * 32)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "Samaritans" in html


def test_api_errors_are_json_when_the_database_is_down(database_down):
    response = _client().get("/api/v1/selfcare/journal", HTTP_COOKIE="hearthside_session=" + "c" * 32)
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "unavailable"


@pytest.mark.django_db
def test_api_404_and_500_are_json(rf):
    from hearthside.safety import views

    missing = _client().get("/api/v1/no/such/thing")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = views.server_error(rf.get("/api/v1/journal"))
    assert response.status_code == 500
    assert json.loads(response.content)["code"] == "server_error"
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        page = views.server_error(rf.get("/groups/", HTTP_ACCEPT_LANGUAGE="en-US"))
    assert page.status_code == 500 and "988" in page.content.decode()
    # Pages outside the API keep their HTML 404.
    assert "text/html" in _client().get("/no/such/page/")["Content-Type"]


def test_help_answers_200_with_postgresql_unreachable(tmp_path):
    """A real process whose PostgreSQL is a closed port (no server answers there)."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"postgres://hearthside@127.0.0.1:{port}/hearthside",
           "HEARTHSIDE_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "hearthside.settings",
           "HEARTHSIDE_DEBUG": "false"}
    env.pop("REDIS_URL", None)
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE='en-GB')\n"
        "r = c.get('/help/'); print(r.status_code, 'Samaritans' in r.content.decode())\n"
        "c.cookies['hearthside_session'] = 'x' * 32\n"
        "r = c.get('/help/'); print(r.status_code, 'Samaritans' in r.content.decode())\n"
        "r = c.get('/api/v1/selfcare/journal'); print(r.status_code, r['Content-Type'])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    assert lines[-3:] == ["200 True", "200 True", "503 application/json"], out.stdout + out.stderr


def test_help_answers_200_with_the_database_down_in_debug_mode_too(database_down, settings):
    settings.DEBUG = True  # development's debug error page must not replace the crisis lines
    client = _client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "d" * 32
    response = client.get("/help/")
    assert response.status_code == 200 and "Samaritans" in response.content.decode()


def _beat(path: Path, age: float, ok: bool = True) -> None:
    at = time.time() - age
    path.write_text(json.dumps({"pid": 1, "loops": {"sweeps:safety": {"at": at, "ok": ok},
                                                    "tasks": {"at": at, "ok": True}}}))


@pytest.mark.django_db
def test_healthz_reports_the_worker(settings, tmp_path):
    import time_machine

    settings.WORKER_HEARTBEAT_FILE = tmp_path / "hb.json"
    settings.WORKER_STALE_SECONDS = 30
    missing = _client().get("/healthz").json()
    assert missing["status"] == "degraded" and missing["worker"]["detail"] == "no heartbeat"

    # The clock stands still, so the lag reported is exactly the heartbeat's age.
    with time_machine.travel(time.time(), tick=False):
        _beat(settings.WORKER_HEARTBEAT_FILE, age=2)
        fresh = _client().get("/healthz")
        assert fresh.status_code == 200 and fresh.json()["status"] == "ok"
        assert fresh.json()["worker"]["lag_seconds"] == 2.0
        assert fresh.json()["worker"]["loops"]["sweeps:safety"] == {"age_seconds": 2.0, "ok": True}

        _beat(settings.WORKER_HEARTBEAT_FILE, age=300)
        stale = _client().get("/healthz")
    assert stale.status_code == 200  # pages are served; background work lags
    assert stale.json()["status"] == "degraded"
    assert "heartbeat stale" in stale.json()["worker"]["detail"]
    assert stale.json()["worker"]["lag_seconds"] == 300.0

    _beat(settings.WORKER_HEARTBEAT_FILE, age=1, ok=False)
    assert "sweeps:safety failing" in _client().get("/healthz").json()["worker"]["detail"]


@pytest.mark.django_db
def test_healthz_is_degraded_when_a_task_has_waited_too_long(settings, tmp_path):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from hearthside.safety.tasks import send_alert_email

    settings.WORKER_HEARTBEAT_FILE = tmp_path / "hb.json"
    settings.WORKER_BACKLOG_SECONDS = 60
    _beat(settings.WORKER_HEARTBEAT_FILE, age=1)
    send_alert_email.enqueue(1, [])
    assert _client().get("/healthz").json()["status"] == "ok"
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=600))
    body = _client().get("/healthz").json()
    assert body["status"] == "degraded" and body["worker"]["tasks"]["ready"] == 1
    assert "task backlog old" in body["worker"]["detail"]


def test_the_fanout_channel_carries_the_redis_prefix(settings):
    from hearthside.core.fanout import channel_name

    settings.REDIS_PREFIX = "site-a"
    a = channel_name()
    settings.REDIS_PREFIX = "site-b"
    b = channel_name()
    assert "site-a" in a and "site-b" in b and a != b  # same database name, different sites
