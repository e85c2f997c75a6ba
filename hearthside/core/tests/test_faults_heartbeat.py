"""The worker's heartbeat with several app hosts (issue #20): the worker records its rounds in the
database too, so /healthz on a host that runs no worker reports the site's worker rather than
"no heartbeat"; a stale shared heartbeat is reported as stale."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.db.utils import OperationalError
from django.test import Client

from hearthside.core.models import WorkerHeartbeat
from hearthside.core.worker import Heartbeat, read_heartbeat
from hearthside.testing.processes import child_env, database_env_for_subprocess

ROOT = Path(__file__).resolve().parents[3]


def _healthz() -> dict:
    response = Client().get("/healthz")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def app_host(settings, tmp_path):
    """This process is an app host with no worker: its heartbeat file does not exist."""
    settings.WORKER_HEARTBEAT_FILE = tmp_path / "app-host" / "worker-heartbeat.json"
    settings.WORKER_STALE_SECONDS = 30
    return settings.WORKER_HEARTBEAT_FILE


@pytest.mark.django_db
def test_a_worker_on_another_host_makes_healthz_ok(app_host, tmp_path):
    assert _healthz()["worker"]["detail"] == "no heartbeat"
    with time_machine.travel(time.time(), tick=False):
        other = Heartbeat(tmp_path / "worker-host" / "worker-heartbeat.json")
        other.beat("sweeps:safety")
        other.beat("tasks")
        assert not app_host.exists()
        body = _healthz()
        assert body["status"] == "ok", body
        assert body["worker"]["lag_seconds"] == 0.0
        assert body["worker"]["loops"] == {"sweeps:safety": {"age_seconds": 0.0, "ok": True},
                                           "tasks": {"age_seconds": 0.0, "ok": True}}
    row = WorkerHeartbeat.objects.get()
    assert row.worker == other.key and row.state["pid"] == other.state["pid"]


@pytest.mark.django_db
def test_a_stale_shared_heartbeat_is_degraded(app_host, tmp_path):
    with time_machine.travel(time.time() - 300, tick=False):
        Heartbeat(tmp_path / "worker-host" / "hb.json").beat("sweeps:safety")
    body = _healthz()
    assert body["status"] == "degraded"
    assert body["worker"]["detail"] == "heartbeat stale"
    assert 299 <= body["worker"]["lag_seconds"] <= 310


@pytest.mark.django_db
def test_a_failing_loop_on_another_host_is_reported(app_host, tmp_path):
    other = Heartbeat(tmp_path / "worker-host" / "hb.json")
    other.beat("sweeps:safety")
    other.beat("tasks", ok=False)  # a loop turning to failing is written at once, not after the interval
    body = _healthz()
    assert body["status"] == "degraded" and body["worker"]["detail"] == "tasks failing"


@pytest.mark.django_db
def test_the_freshest_of_the_shared_row_and_the_local_file_is_reported(app_host, tmp_path):
    app_host.parent.mkdir(parents=True)
    # A file left on this host by a worker that has since moved to another host...
    app_host.write_text(json.dumps({"pid": 1, "loops": {"tasks": {"at": time.time() - 900, "ok": True}}}))
    Heartbeat(tmp_path / "worker-host" / "hb.json").beat("tasks")
    assert _healthz()["status"] == "ok"
    # ...and a worker on this host that cannot write the database: its file is newer than the row.
    WorkerHeartbeat.objects.update(state={"pid": 2, "loops": {"tasks": {"at": time.time() - 900, "ok": True}}})
    app_host.write_text(json.dumps({"pid": 3, "loops": {"tasks": {"at": time.time() - 1, "ok": True}}}))
    assert read_heartbeat()["pid"] == 3
    assert _healthz()["status"] == "ok"
    # Asking for a file by name reads that file only.
    assert read_heartbeat(tmp_path / "worker-host" / "hb.json")["loops"]["tasks"]["ok"] is True


@pytest.mark.django_db
def test_the_row_is_written_every_few_seconds_not_every_beat(settings, tmp_path):
    settings.WORKER_STALE_SECONDS = 60
    beat = Heartbeat(tmp_path / "hb.json")
    beat.beat("tasks")
    first = WorkerHeartbeat.objects.get().state["loops"]["tasks"]["at"]
    beat.beat("tasks")  # unchanged and within 5 s: the file only
    assert WorkerHeartbeat.objects.get().state["loops"]["tasks"]["at"] == first
    assert read_heartbeat(tmp_path / "hb.json")["loops"]["tasks"]["at"] > first
    beat._shared_at -= 5.0  # five seconds on
    beat.beat("tasks")
    assert WorkerHeartbeat.objects.get().state["loops"]["tasks"]["at"] > first


@pytest.mark.django_db
def test_a_database_failure_leaves_the_file_beat_and_the_loop_alone(settings, tmp_path, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    beat = Heartbeat(tmp_path / "hb.json")
    monkeypatch.setattr(WorkerHeartbeat.objects, "filter", refuse)
    beat.beat("sweeps:safety", ok=False)  # does not raise
    assert read_heartbeat(tmp_path / "hb.json")["loops"]["sweeps:safety"]["ok"] is False
    assert "could not write the worker heartbeat to the database" in caplog.text
    monkeypatch.undo()
    beat.beat("sweeps:safety", ok=False)  # not written last time: written now
    assert WorkerHeartbeat.objects.get().state["loops"]["sweeps:safety"]["ok"] is False


@pytest.mark.django_db
def test_rows_of_stopped_workers_are_deleted_after_a_day(tmp_path):
    from datetime import timedelta

    from django.utils import timezone

    WorkerHeartbeat.objects.create(worker="old-host:1", updated_at=timezone.now() - timedelta(days=2), state={})
    WorkerHeartbeat.objects.create(worker="other-host:2", updated_at=timezone.now() - timedelta(hours=1),
                                   state={})
    Heartbeat(tmp_path / "hb.json").beat("tasks")
    assert sorted(WorkerHeartbeat.objects.values_list("worker", flat=True)) == sorted(
        ["other-host:2", Heartbeat(tmp_path / "x.json").key])


@pytest.mark.django_db
def test_healthz_does_not_read_the_row_when_the_database_is_down(app_host, monkeypatch, tmp_path):
    from hearthside.core import views

    Heartbeat(tmp_path / "worker-host" / "hb.json").beat("tasks")
    monkeypatch.setattr(views, "_check_database", lambda: (False, "OperationalError"))
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker"]["detail"] == "no heartbeat"  # this host's file: none


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_on_another_host_makes_this_hosts_healthz_ok(app_host, settings, tmp_path):
    """A real ``hearthside worker --once`` with its heartbeat file on another disk (another
    host's) and the same database."""
    from django.db import connection

    other_file = tmp_path / "worker-host" / "worker-heartbeat.json"
    env = child_env({**database_env_for_subprocess(settings.DATABASES["default"]),
                     "HEARTHSIDE_WORKER_HEARTBEAT_FILE": str(other_file), "HEARTHSIDE_DEBUG": "false",
                     "DJANGO_SETTINGS_MODULE": "hearthside.settings"})
    connection.close()  # the child uses the database now; nothing held open here meanwhile
    done = subprocess.run([sys.executable, "manage.py", "worker", "--once"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert other_file.exists() and not app_host.exists()
    row = WorkerHeartbeat.objects.get()
    assert row.state == json.loads(other_file.read_text())
    body = _healthz()
    assert body["status"] == "ok", body
    assert "sweeps:safety" in body["worker"]["loops"] and "tasks" in body["worker"]["loops"]
