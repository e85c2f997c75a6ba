"""Faults on the path from an alert to a person: a mail relay that hangs, a worker that dies,
a database that fails. The escalation sweep must keep its deadline whatever e-mail does."""

from __future__ import annotations

import socket
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db.utils import OperationalError
from django.utils import timezone

from hearthside.conftest import make_user
from hearthside.core.worker import BackgroundWorker, Heartbeat, read_heartbeat, requeue_expired_tasks
from hearthside.safety import actions
from hearthside.safety.models import SafetyAlert


@pytest.fixture
def hung_smtp():
    """A mail relay that accepts connections and never says a word (not even its greeting)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    held: list[socket.socket] = []
    done = threading.Event()

    def accept():
        while not done.is_set():
            try:
                conn, _addr = server.accept()
            except (TimeoutError, OSError):
                continue
            held.append(conn)  # keep it open, answer nothing

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        done.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        server.close()


def _run_worker(worker: BackgroundWorker) -> threading.Thread:
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    return thread


def _wait_for(predicate, timeout: float, step: float = 0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


@pytest.mark.django_db(transaction=True)
def test_a_hung_mail_relay_does_not_delay_escalation(settings, hung_smtp, tmp_path):
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", hung_smtp
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 4  # the relay holds the task loop this long; escalation must not wait
    interval = 0.5
    member = make_user("writer", country="GB")
    make_user("mod", "moderator", email="mod@example.org")
    make_user("sup", "clinical_supervisor", email="sup@example.org")

    alert = actions.raise_alert(member, source="selfcare.phq9", level="imminent")
    deadline = timezone.now() + timedelta(seconds=1.5)
    SafetyAlert.objects.filter(pk=alert.pk).update(ack_deadline=deadline)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1  # its e-mail

    worker = BackgroundWorker(interval=interval, task_interval=0.1, heartbeat=Heartbeat(tmp_path / "hb.json"))
    thread = _run_worker(worker)
    try:
        # The e-mail task is stuck talking to the relay...
        assert _wait_for(lambda: DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).exists(), 5)
        # ...while the alert escalates on time.
        escalated = _wait_for(lambda: SafetyAlert.objects.filter(pk=alert.pk, tier=1).exists(), 10, step=0.02)
        escalated_at = timezone.now()
        assert escalated
        assert escalated_at <= deadline + timedelta(seconds=interval + 0.75)  # + scheduling slack
        # The relay was still holding the e-mail task when the alert escalated.
        first = DBTaskResult.objects.order_by("enqueued_at").first()
        assert first.finished_at is None or first.finished_at > escalated_at

        # EMAIL_TIMEOUT bounds the hang: the task fails instead of holding the queue for ever.
        def finished():
            first.refresh_from_db()
            return first.status == TaskResultStatus.FAILED
        assert _wait_for(finished, settings.EMAIL_TIMEOUT + 5)
        assert "timed out" in first.traceback or "Timeout" in first.exception_class_path
        beat = read_heartbeat(tmp_path / "hb.json")
        assert beat["loops"]["sweeps:safety"]["ok"] is True
    finally:
        worker.request_stop()
        thread.join(timeout=settings.EMAIL_TIMEOUT + 10)
    assert not thread.is_alive()


@pytest.mark.django_db(transaction=True)
def test_a_task_left_running_past_its_lease_is_queued_again_and_runs(settings, tmp_path):
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.WORKER_TASK_LEASE_SECONDS = 60
    member = make_user("writer", country="GB")
    make_user("sup", "clinical_supervisor", email="sup@example.org")
    actions.raise_alert(member, source="selfcare.phq9", level="imminent")
    row = DBTaskResult.objects.get()
    # A worker claimed it and was killed (kill -9) before it finished.
    DBTaskResult.objects.filter(pk=row.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(seconds=61), worker_ids=["dead"])
    # Within its lease it is left alone: its worker may still be sending.
    assert requeue_expired_tasks(lease=120) == {"requeued": 0, "failed": 0}

    worker = BackgroundWorker(heartbeat=Heartbeat(tmp_path / "hb.json"))
    worker.task_round()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids[0] == "dead" and len(row.worker_ids) == 2
    assert [m.to for m in mail.outbox] == [["sup@example.org"]]


@pytest.mark.django_db
def test_a_task_that_keeps_killing_workers_is_failed_after_max_attempts(settings):
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from hearthside.safety.tasks import send_alert_email

    member = make_user("writer", country="GB")
    sup = make_user("sup", "clinical_supervisor", email="sup@example.org")
    alert = actions.raise_alert(member, source="selfcare.phq9", level="imminent")
    send_alert_email.enqueue(alert.pk, [sup.pk])
    row = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=row.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1), worker_ids=["a", "b", "c"])
    assert requeue_expired_tasks(lease=60, max_attempts=3) == {"requeued": 0, "failed": 1}
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED and row.finished_at is not None


def test_database_errors_in_the_task_loop_are_retried_not_fatal(tmp_path):
    worker = BackgroundWorker(task_interval=0.01, heartbeat=Heartbeat(tmp_path / "hb.json"))
    calls = []

    def flaky_round():
        calls.append(time.monotonic())
        if len(calls) <= 2:
            raise OperationalError("connection refused")
        worker.stop.set()

    worker.task_round = flaky_round
    start = time.monotonic()
    worker.task_loop()  # returns only because the third round asked it to stop
    assert len(calls) == 3
    assert calls[1] - calls[0] >= 0.45 and calls[2] - calls[1] >= 0.9  # 0.5 s, then 1 s: back-off
    assert time.monotonic() - start < 5
    assert read_heartbeat(tmp_path / "hb.json")["loops"]["tasks"]["ok"] is False


def test_a_sweep_lane_survives_database_errors(tmp_path, monkeypatch):
    from hearthside.core import periodic

    worker = BackgroundWorker(interval=0.05, heartbeat=Heartbeat(tmp_path / "hb.json"))
    rounds = []

    def flaky(lane=None):
        rounds.append(lane)
        if len(rounds) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        if len(rounds) == 2:
            return {"escalate_overdue_alerts": -1}
        worker.stop.set()
        return {"escalate_overdue_alerts": 0}

    monkeypatch.setattr(periodic, "run_sweeps", flaky)
    worker.sweep_lane("safety")
    assert rounds == ["safety"] * 3
    assert read_heartbeat(tmp_path / "hb.json")["loops"]["sweeps:safety"]["ok"] is True
