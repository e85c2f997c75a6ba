"""`hearthside run` keeps the site up: a child that exits is restarted with back-off and the
others are left alone; only a stop request ends them all."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from hearthside.core.asgi_server import uvicorn_command
from hearthside.core.management.commands.run import NGINX_CONF, Command
from hearthside.core.supervisor import Child, Supervisor


def _wait_for(predicate, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end and not predicate():
        time.sleep(0.02)
    return predicate()


def test_a_child_that_exits_is_restarted_with_back_off_and_the_others_keep_running():
    crasher = Child("crasher", [sys.executable, "-c", "import sys; sys.exit(1)"])
    steady = Child("steady", [sys.executable, "-c", "import time; time.sleep(60)"])
    lines: list[str] = []
    supervisor = Supervisor([crasher, steady], first_delay=0.1, max_delay=0.4, poll=0.02, log=lines.append)
    stop = threading.Event()
    thread = threading.Thread(target=supervisor.run, args=(stop,), daemon=True)
    started = time.monotonic()
    thread.start()
    try:
        assert _wait_for(lambda: steady.proc is not None, 5)
        steady_pid = steady.proc.pid
        assert _wait_for(lambda: crasher.starts >= 4, 15)
        # Delays 0.1, 0.2, 0.4 (capped): at least 0.7 s for four starts.
        assert time.monotonic() - started >= 0.65
        assert crasher.delay == 0.4 and set(crasher.exits) == {1}
        # The steady child was never touched.
        assert steady.starts == 1 and steady.proc.pid == steady_pid and steady.proc.poll() is None
        assert any("crasher exited with 1; restarting" in line for line in lines)
    finally:
        stop.set()
        thread.join(timeout=15)
    assert not thread.is_alive()
    assert steady.proc.poll() is not None  # stopping stops every child


def test_a_killed_child_is_started_again():
    child = Child("server", [sys.executable, "-c", "import time; time.sleep(60)"])
    supervisor = Supervisor([child], first_delay=0.05, poll=0.02, log=lambda line: None)
    stop = threading.Event()
    thread = threading.Thread(target=supervisor.run, args=(stop,), daemon=True)
    thread.start()
    try:
        assert _wait_for(lambda: child.proc is not None, 5)
        first = child.proc
        first.kill()  # kill -9
        assert _wait_for(lambda: child.proc is not None and child.proc is not first, 5)
        assert child.proc.poll() is None and child.exits == [first.returncode]
    finally:
        stop.set()
        thread.join(timeout=15)


def test_a_program_that_cannot_start_is_retried_not_fatal():
    missing = Child("missing", ["/nonexistent/program"])
    supervisor = Supervisor([missing], first_delay=0.05, max_delay=0.1, poll=0.02, log=lambda line: None)
    stop = threading.Event()
    thread = threading.Thread(target=supervisor.run, args=(stop,), daemon=True)
    thread.start()
    try:
        assert _wait_for(lambda: missing.starts >= 3, 5)
    finally:
        stop.set()
        thread.join(timeout=5)


def test_nginx_keeps_the_port_in_host_and_uvicorn_logs_no_client_addresses():
    assert "proxy_set_header Host $http_host;" in NGINX_CONF
    assert "Host $host;" not in NGINX_CONF
    command = uvicorn_command("127.0.0.1", 8002)
    assert "--no-access-log" in command
    assert command[command.index("--log-level") + 1] == "warning"  # websocket accepts log addresses at INFO


@pytest.mark.parametrize("redis_url,asgi", [("", 1), ("redis://127.0.0.1:6379/0", 3)])
def test_workers_n_runs_n_asgi_processes_only_with_redis(settings, tmp_path, monkeypatch, redis_url, asgi):
    from hearthside.core.management.commands import run

    monkeypatch.setattr(run.shutil, "which", lambda name: "/usr/sbin/nginx")  # not started here
    settings.VAR_DIR = tmp_path
    settings.REDIS_URL = redis_url
    children = Command().children("127.0.0.1", 9000, 3)
    names = [c.name for c in children]
    assert names.count("granian") == 1 and names.count("nginx") == 1 and "worker" in names
    assert [n for n in names if n.startswith("uvicorn")] == [f"uvicorn-{i + 1}" for i in range(asgi)]
    conf = (tmp_path / "nginx.conf").read_text()
    for i in range(asgi):
        assert f"server 127.0.0.1:{9002 + i};" in conf
    assert f"server 127.0.0.1:{9002 + asgi};" not in conf
