"""A real PostgreSQL outage under a running worker and ASGI server (issue #16: the crisis path
survives faults; docs/deploy.md, "Fault tests").

The test makes a throw-away PostgreSQL cluster of its own on a free port (never the machine's
shared server), migrates it, and starts ``hearthside worker`` and an ASGI server (uvicorn) against
it as child processes. It stops the cluster for about six seconds, then starts it again, and
checks, without restarting either process:

- during the outage ``GET /help/`` answers 200 with the packaged crisis lines (signed in or not),
  every other page answers quickly with a clear error (500 page, 503 JSON for the API, 503
  ``/healthz``), never a hang; the worker keeps running and reports the failure in its heartbeat;
- after it, pages answer 200 again, a crisis message sent through the API raises an alert that
  escalates once overdue, an alert that fell due during the outage escalates too, its e-mail task
  runs, and the worker's heartbeat (the same pid) is current and healthy.

Needs the Debian PostgreSQL cluster tools and root (``pg_createcluster``); skips otherwise.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hearthside.core.asgi_server import uvicorn_command
from hearthside.core.worker import read_heartbeat
from hearthside.testing.processes import (
    ThrowawayPostgres,
    child_env,
    free_port,
    kill_process,
    throwaway_postgres_skip_reason,
    wait_for_port,
)

ROOT = Path(__file__).resolve().parents[3]
SKIP = throwaway_postgres_skip_reason()
CRISIS = "I have the pills saved up and I'm going to kill myself tonight."
OUTAGE_SECONDS = 6.0
QUICK = 5.0  # an answer during the outage slower than this counts as a hang

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(SKIP is not None, reason=SKIP or ""),
    pytest.mark.timeout(240),
]

# Runs in a child process against the throw-away cluster: migrate, then the people the test needs.
SETUP = r"""
import json
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from hearthside.accounts.actions import do_create_token, do_give_consent, do_grant_role
from hearthside.accounts.models import User
from hearthside.community.models import Group, Membership
from hearthside.safety import actions

call_command("migrate", verbosity=0, interactive=False)

def person(name, *roles, **extra):
    user = User.objects.create_user(name, "a-long-test-passphrase-42", pseudonym=name.title(), **extra)
    do_give_consent(user, "privacy")
    for role in roles:
        do_grant_role(user, role)
    return user

member = person("pgwriter", country="GB")
waiting = person("pgwaiting", country="GB")
person("pgsupervisor", "clinical_supervisor", email="sup@example.org")
group = Group.objects.create(slug="outage", name="Outage", chat_rate_per_minute=1000)
Membership.objects.create(group=group, user=member)
# An alert raised before the outage; the test moves its deadline into the outage.
pending = actions.raise_alert(waiting, source="selfcare.phq9", level="imminent")
client = Client()
client.force_login(member)
print(json.dumps({"token": do_create_token(member, "fault", "write", two_factor=False)[1], "member": member.pk,
                  "pending_alert": pending.pk,
                  "session": client.cookies[settings.SESSION_COOKIE_NAME].value}))
"""


def _request(port: int, method: str, path: str, *, headers: dict | None = None, body: dict | None = None,
             timeout: float = 15) -> tuple[int, str, float]:
    """(status, body, seconds): one request with its own connection; a hang raises TimeoutError."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.monotonic()
    try:
        sent = {"Accept-Language": "en-GB,en;q=0.8", **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body)
            sent["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        return response.status, response.read().decode(), time.monotonic() - started
    finally:
        conn.close()


def _query(url: str, sql: str, params: tuple = ()) -> list[tuple]:
    """One statement on a fresh connection (no connection outlives the outage here)."""
    import psycopg

    with psycopg.connect(url, connect_timeout=5, autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _wait_for(predicate, timeout: float, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(step)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@pytest.fixture
def cluster():
    with ThrowawayPostgres() as pg:
        yield pg


def test_the_crisis_path_survives_a_real_postgresql_outage(cluster, tmp_path):
    heartbeat = tmp_path / "worker-heartbeat.json"
    env = child_env({"DATABASE_URL": cluster.url, "HEARTHSIDE_VAR_DIR": str(tmp_path / "var"),
                     "HEARTHSIDE_WORKER_HEARTBEAT_FILE": str(heartbeat), "HEARTHSIDE_DEBUG": "false",
                     "DJANGO_SETTINGS_MODULE": "hearthside.settings", "HEARTHSIDE_SQLITE_PATH": None,
                     "REDIS_URL": None, "HEARTHSIDE_SMTP_HOST": None})
    setup = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=150)
    assert setup.returncode == 0, setup.stdout[-3000:] + setup.stderr[-3000:]
    people = json.loads(setup.stdout.strip().splitlines()[-1])
    member_pages = {"Cookie": f"hearthside_session={people['session']}"}
    member_api = {"Authorization": f"Bearer {people['token']}"}

    port = free_port()
    worker_log, asgi_log = tmp_path / "worker.log", tmp_path / "asgi.log"
    worker = asgi = None
    with open(worker_log, "wb") as worker_out, open(asgi_log, "wb") as asgi_out:
        try:
            worker = subprocess.Popen([sys.executable, "-m", "hearthside.cli", "worker", "--interval", "0.5",
                                       "--task-interval", "0.2"], cwd=ROOT, env=env, stdout=worker_out,
                                      stderr=subprocess.STDOUT)
            asgi = subprocess.Popen(uvicorn_command("127.0.0.1", port), cwd=ROOT, env=env, stdout=asgi_out,
                                    stderr=subprocess.STDOUT)
            wait_for_port(port, asgi, "the ASGI server")
            _outage_and_recovery(cluster, port, worker, asgi, heartbeat, people, member_pages, member_api)
        except Exception as exc:  # the children's logs say why
            raise AssertionError(f"{exc}\n--- worker log ---\n{_tail(worker_log)}\n--- asgi log ---\n"
                                 f"{_tail(asgi_log)}") from exc
        finally:
            kill_process(worker)
            kill_process(asgi)


def _loops_since(heartbeat: Path, since: float, *, ok: bool) -> dict | None:
    beat = read_heartbeat(heartbeat)
    if not beat or not beat.get("loops"):
        return None
    loops = beat["loops"]
    names = {"sweeps:safety", "sweeps:default", "tasks"}
    if ok and not (names <= loops.keys() and all(loops[n]["at"] > since and loops[n]["ok"] for n in names)):
        return None
    if not ok and not any(info["at"] > since and not info["ok"] for info in loops.values()):
        return None
    return beat


def _outage_and_recovery(cluster, port, worker, asgi, heartbeat, people, member_pages, member_api):
    url = cluster.url
    # Before: everything answers and the worker has finished a round of every loop.
    started = time.time()
    assert _wait_for(lambda: _loops_since(heartbeat, started - 60, ok=True), 30), read_heartbeat(heartbeat)
    assert read_heartbeat(heartbeat)["pid"] == worker.pid
    status, _body, _t = _request(port, "GET", "/groups/", headers=member_pages)
    assert status == 200

    # The waiting person's alert falls due while the server is away.
    _query(url, "UPDATE safety_safetyalert SET ack_deadline = now() + interval '3 seconds' WHERE id = %s",
           (people["pending_alert"],))
    stop_called = time.monotonic()
    outage_wall = time.time()
    cluster.stop()
    stopped, down_wall = time.monotonic(), time.time()
    assert stopped - stop_called < 3, "stopping the cluster took too long to put the deadline inside the outage"

    # -- during the outage ----------------------------------------------------------------------
    status, body, took = _request(port, "GET", "/groups/", headers=member_pages)
    assert status == 500 and took < QUICK, (status, took)
    assert "Something went wrong" in body and "Samaritans" in body  # the error page shows the lines too
    status, body, took = _request(port, "GET", "/api/v1/community/groups/outage/chat", headers=member_api)
    assert status == 503 and took < QUICK and json.loads(body)["code"] == "unavailable", (status, body)
    status, body, took = _request(port, "GET", "/healthz")
    assert status == 503 and took < QUICK and json.loads(body)["status"] == "unavailable", (status, body)
    # The worker saw the outage (a failed round in its heartbeat) and is still running.
    assert _wait_for(lambda: _loops_since(heartbeat, outage_wall, ok=False), QUICK), read_heartbeat(heartbeat)

    help_answers = []
    while time.monotonic() - stopped < OUTAGE_SECONDS:
        for headers in ({}, member_pages):  # a visitor, and a signed-in person whose session is unreadable
            status, body, took = _request(port, "GET", "/help/", headers=headers)
            help_answers.append((status, "Samaritans" in body and "999" in body, round(took, 2)))
        time.sleep(0.3)
    assert len(help_answers) >= 4
    assert all(status == 200 and lines and took < QUICK for status, lines, took in help_answers), help_answers
    status, body, _t = _request(port, "GET", "/help/?country=US")
    assert status == 200 and "988" in body
    assert worker.poll() is None, "the worker exited during the outage"
    assert asgi.poll() is None, "the ASGI server exited during the outage"

    cluster.start()
    recovered = time.time()

    # -- after: the same processes serve again --------------------------------------------------
    status, _body, _t = _request(port, "GET", "/groups/", headers=member_pages)
    assert status == 200, "the first signed-in page after the outage failed"
    status, body, _t = _request(port, "GET", "/help/")
    assert status == 200 and "Samaritans" in body

    # The alert that fell due during the outage escalates now.
    def escalated(alert_id):
        rows = _query(url, "SELECT a.tier, max(e.at) FROM safety_safetyalert a LEFT JOIN safety_alertevent e "
                           "ON e.alert_id = a.id AND e.kind = 'escalated' WHERE a.id = %s GROUP BY a.tier",
                      (alert_id,))
        return rows[0] if rows and rows[0][0] >= 1 else None

    tier, escalated_at = _wait_for(lambda: escalated(people["pending_alert"]), 15) or (0, None)
    assert tier == 1, "an alert that fell due during the outage did not escalate after it"
    assert escalated_at.timestamp() > down_wall  # the server was down from then until the restart

    # A crisis message after the outage, through the running ASGI server: held, help shown, alert.
    status, body, _t = _request(port, "POST", "/api/v1/community/groups/outage/chat", headers=member_api,
                                body={"client_id": "after-outage", "body": CRISIS})
    assert status == 201, body
    ack = json.loads(body)
    assert ack["status"] == "held" and ack["help"] is True
    # The alert's source is encrypted at rest, so it is not a SQL filter; the member has no other alert.
    rows = _query(url, "SELECT id, tier FROM safety_safetyalert WHERE person_id = %s", (people["member"],))
    assert len(rows) == 1 and rows[0][1] == 0
    new_alert = rows[0][0]
    _query(url, "UPDATE safety_safetyalert SET ack_deadline = now() - interval '1 second' WHERE id = %s",
           (new_alert,))
    assert _wait_for(lambda: escalated(new_alert), 10), "an overdue alert raised after the outage did not escalate"

    # Every queued e-mail (the alerts' and their escalations') is sent by the same worker.
    def tasks_done():
        rows = _query(url, "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status")
        counts = dict(rows)
        return counts if counts.get("SUCCESSFUL", 0) >= 4 and set(counts) == {"SUCCESSFUL"} else None

    assert _wait_for(tasks_done, 30), _query(url, "SELECT task_path, status, exception_class_path "
                                                  "FROM django_tasks_database_dbtaskresult")

    # The worker never exited: its heartbeat, same pid, is current and healthy for every loop.
    beat = _wait_for(lambda: _loops_since(heartbeat, recovered, ok=True), 15)
    assert beat and beat["pid"] == worker.pid, read_heartbeat(heartbeat)
    assert worker.poll() is None and asgi.poll() is None

    def healthy():
        status, body, _t = _request(port, "GET", "/healthz")
        return status == 200 and json.loads(body)["status"] == "ok"

    assert _wait_for(healthy, 10), _request(port, "GET", "/healthz")[1]
