"""The background worker: sweeps on their own schedule, queued tasks apart, nothing fatal.

``hearthside worker`` runs

- one thread per sweep *lane* (core/periodic.py): each runs its sweeps every ``interval``
  seconds, whatever the other lanes and the task queue are doing. Escalation of safety alerts
  has a lane of its own, so a hung mail relay, a slow erasure or a stuck reminder cannot delay
  it: an alert escalates at most one interval after its deadline;
- the task loop (the main thread): re-queues tasks left "running" by a worker that died (older
  than ``WORKER_TASK_LEASE_SECONDS``), then runs queued tasks (e-mail) until the queue is empty.

A database error in any loop is logged and retried with back-off; the worker exits only on
SIGTERM/SIGINT. Each loop writes its last round to a heartbeat file (``WORKER_HEARTBEAT_FILE``)
and, at most every few seconds, to the database (``core.WorkerHeartbeat``), where every app host
reads it: ``/healthz`` and ``/metrics`` report the worker's lag on hosts that run no worker.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings

log = logging.getLogger("hearthside.worker")


class Backoff:
    """Delays that double after each failure, from ``first`` up to ``cap`` seconds."""

    def __init__(self, first: float = 0.5, cap: float = 10.0) -> None:
        self.first, self.cap = first, cap
        self.current = first

    def next(self) -> float:
        delay = self.current
        self.current = min(self.current * 2, self.cap)
        return min(delay, self.cap)

    def reset(self) -> None:
        self.current = self.first


class Heartbeat:
    """The worker's last rounds, one entry per loop, kept in a small JSON file on this host and
    in the database for every host (``shared``)."""

    # Rows of workers that stopped (a restart is a new pid) are deleted after this long.
    SHARED_KEEP = timedelta(days=1)

    def __init__(self, path: Path | str | None = None, *, shared: bool = True, **info) -> None:
        import socket

        self.path = Path(path or settings.WORKER_HEARTBEAT_FILE)
        self.state: dict = {"pid": os.getpid(), "started_at": time.time(), **info, "loops": {}}
        self._lock = threading.Lock()
        self.shared = shared
        self.key = f"{socket.gethostname()}:{os.getpid()}"[:255]
        self._shared_lock = threading.Lock()
        self._shared_at = 0.0
        self._shared_summary: dict | None = None

    def beat(self, loop: str, ok: bool = True, **info) -> None:
        with self._lock:
            self.state["loops"][loop] = {"at": time.time(), "ok": ok, **info}
            data = json.dumps(self.state)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
                tmp.write_text(data, encoding="utf-8")
                os.replace(tmp, self.path)  # readers never see half a file
            except OSError:
                log.warning("could not write the worker heartbeat to %s", self.path, exc_info=True)
        if self.shared:
            self._share(data)

    def _share(self, data: str) -> None:
        """Write the state to this worker's row, at most every ``_shared_every()`` seconds unless
        a loop appeared or changed between ok and failing. Never waits for another thread's write
        (a loop must not stall on a slow database for its heartbeat) and never raises: the file
        is written first, and the next beat writes the row again."""
        from django.db import DatabaseError, connection
        from django.utils import timezone

        from .models import WorkerHeartbeat

        state = json.loads(data)
        summary = {name: bool(info.get("ok")) for name, info in state["loops"].items()}
        now = time.monotonic()
        if summary == self._shared_summary and now - self._shared_at < self._shared_every():
            return
        if not self._shared_lock.acquire(blocking=False):
            return
        try:
            at = timezone.now()
            if not WorkerHeartbeat.objects.filter(worker=self.key).update(updated_at=at, state=state):
                WorkerHeartbeat.objects.filter(updated_at__lt=at - self.SHARED_KEEP).delete()
                WorkerHeartbeat.objects.create(worker=self.key, updated_at=at, state=state)
            self._shared_at, self._shared_summary = now, summary
        except Exception as exc:  # noqa: BLE001 - the loop goes on whatever the database does
            log.warning("could not write the worker heartbeat to the database", exc_info=True)
            if isinstance(exc, DatabaseError) and not connection.in_atomic_block:
                _drop_broken_connections()  # the next query reconnects
        finally:
            self._shared_lock.release()

    @staticmethod
    def _shared_every() -> float:
        # Often enough that a healthy worker never looks stale to the hosts that read the row.
        return min(5.0, settings.WORKER_STALE_SECONDS / 4)


def _newest_round(state: dict | None) -> float:
    loops = (state or {}).get("loops") or {}
    return max((float(info.get("at", 0)) for info in loops.values() if isinstance(info, dict)), default=0.0)


def read_shared_heartbeat() -> dict | None:
    """The state of the worker that wrote its heartbeat row last, or None (no row, or the
    database cannot be read)."""
    from django.db import DatabaseError

    from .models import WorkerHeartbeat

    try:
        row = WorkerHeartbeat.objects.order_by("-updated_at").values_list("state", flat=True).first()
    except DatabaseError:
        log.warning("could not read the worker heartbeat from the database", exc_info=True)
        return None
    return row if isinstance(row, dict) else None


def read_heartbeat(path: Path | str | None = None, *, shared: bool = True) -> dict | None:
    """The worker's last rounds. With ``path``: that file only. Otherwise the shared row (a
    worker on any host) and this host's ``WORKER_HEARTBEAT_FILE``, whichever finished a round
    last: the file when this host's worker cannot reach the database, the row when the file is
    a leftover of a worker that moved to another host. ``shared=False``: the file only (the
    caller knows the database is down)."""
    try:
        local = json.loads(Path(path or settings.WORKER_HEARTBEAT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        local = None
    if path is not None or not shared:
        return local
    remote = read_shared_heartbeat()
    if remote is None:
        return local
    if local is None:
        return remote
    return local if _newest_round(local) > _newest_round(remote) else remote


def _drop_broken_connections() -> None:
    """Close this thread's database connections after an error; the next query reconnects."""
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - a connection to a dead server may fail to close
            log.debug("closing a broken connection failed", exc_info=True)


def requeue_expired_tasks(*, lease: float | None = None, max_attempts: int | None = None, now=None) -> dict:
    """Tasks "running" for longer than the lease were claimed by a worker that died (kill -9, a
    lost machine): queue them again, or fail them after ``max_attempts`` claims (a task that
    kills every worker that runs it must not do so forever)."""
    from django.utils import timezone
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    lease = settings.WORKER_TASK_LEASE_SECONDS if lease is None else lease
    max_attempts = settings.WORKER_TASK_MAX_ATTEMPTS if max_attempts is None else max_attempts
    now = now or timezone.now()
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING,
                                        started_at__lt=now - timedelta(seconds=lease))
    counts = {"requeued": 0, "failed": 0}
    for pk, started_at, worker_ids in stale.values_list("pk", "started_at", "worker_ids")[:500]:
        # Conditional on the row being unchanged: a worker that finishes meanwhile wins.
        row = DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at)
        if len(worker_ids or []) >= max_attempts:
            done = row.update(status=TaskResultStatus.FAILED, finished_at=now,
                              exception_class_path="hearthside.core.worker.LeaseExpired",
                              traceback=f"claimed {len(worker_ids)} times by workers that stopped before finishing")
            counts["failed"] += done
            if done:
                log.error("task %s failed: %d workers stopped while running it", pk, len(worker_ids))
        else:
            done = row.update(status=TaskResultStatus.READY, started_at=None)
            counts["requeued"] += done
            if done:
                log.warning("task %s was left running by a stopped worker; queued again", pk)
    return counts


def task_backlog(now=None) -> dict:
    """How many queued tasks are due, and how long the oldest has waited (seconds)."""
    from django.db.models import Min
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    info = ready.aggregate(oldest=Min("enqueued_at"))
    oldest = info["oldest"]
    return {"ready": ready.count(), "oldest_seconds": round((now - oldest).total_seconds(), 1) if oldest else 0.0}


def database_task_backend() -> bool:
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, task_backends

        return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)
    except Exception:  # noqa: BLE001 - misconfigured backend: nothing to drain here
        return False


class BackgroundWorker:
    def __init__(self, *, interval: float = 5.0, task_interval: float = 1.0,
                 heartbeat: Heartbeat | None = None) -> None:
        self.interval = interval
        self.task_interval = task_interval
        self.heartbeat = heartbeat or Heartbeat(interval=interval)
        self.stop = threading.Event()
        self._tasks_worker = None
        self._threads: list[threading.Thread] = []

    # -- sweeps ----------------------------------------------------------------------------
    def sweep_round(self, lane: str) -> bool:
        from hearthside.core.periodic import run_sweeps

        results = run_sweeps(lane)
        failed = sorted(name for name, value in results.items() if value == -1)
        self.heartbeat.beat(f"sweeps:{lane}", ok=not failed, failed=failed)
        if failed:
            _drop_broken_connections()
        return not failed

    def sweep_lane(self, lane: str) -> None:
        backoff = Backoff(cap=max(self.interval, 0.5))
        try:
            while not self.stop.is_set():
                started = time.monotonic()
                try:
                    ok = self.sweep_round(lane)
                except Exception:  # the heartbeat or the database failed: never end the lane
                    log.exception("sweep lane %s failed", lane)
                    _drop_broken_connections()
                    ok = False
                if ok:
                    backoff.reset()
                    delay = self.interval - (time.monotonic() - started)
                else:
                    delay = backoff.next()
                self.stop.wait(max(delay, 0.0))
        finally:
            from django.db import connections

            connections.close_all()

    # -- tasks -----------------------------------------------------------------------------
    def task_round(self) -> None:
        from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS
        from django_tasks_db.management.commands.db_worker import Worker

        if not database_task_backend():
            self.heartbeat.beat("tasks", ok=True, detail="no database task backend")
            return
        requeue_expired_tasks()
        worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name=DEFAULT_TASK_BACKEND_ALIAS,
                        startup_delay=False, max_tasks=None, worker_id=self.worker_id,
                        excluded_queue_names=[])
        self._tasks_worker = worker
        if self.stop.is_set():
            worker.running = False
        try:
            worker.run()
        finally:
            self._tasks_worker = None
        self.heartbeat.beat("tasks", ok=True)

    @property
    def worker_id(self) -> str:
        return f"hearthside-{os.getpid()}-{threading.get_ident()}"[:64]

    def task_loop(self) -> None:
        backoff = Backoff(cap=10.0)
        while not self.stop.is_set():
            try:
                self.task_round()
            except Exception:  # a database outage: wait and try again, never exit
                log.exception("task loop failed; retrying")
                _drop_broken_connections()
                try:
                    self.heartbeat.beat("tasks", ok=False)
                except Exception:  # noqa: BLE001
                    pass
                self.stop.wait(backoff.next())
                continue
            backoff.reset()
            self.stop.wait(self.task_interval)

    # -- the whole -------------------------------------------------------------------------
    def start_sweeps(self) -> None:
        from hearthside.core.periodic import lanes

        for lane in lanes():
            thread = threading.Thread(target=self.sweep_lane, args=(lane,), name=f"sweeps-{lane}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def request_stop(self, *_args) -> None:
        self.stop.set()
        worker = self._tasks_worker
        if worker is not None:
            worker.running = False  # finishes the task in hand, then returns

    def run(self) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.request_stop)
            signal.signal(signal.SIGINT, self.request_stop)
        self.start_sweeps()
        try:
            self.task_loop()
        finally:
            self.stop.set()
            for thread in self._threads:
                thread.join(timeout=max(self.interval, 5.0) + 30)
            from django.db import connections

            connections.close_all()

    def run_once(self) -> None:
        """One round of every lane, then the queue (``hearthside worker --once``)."""
        from hearthside.core.periodic import lanes

        for lane in lanes():
            self.sweep_round(lane)
        self.task_round()
