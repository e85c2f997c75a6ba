"""pg_dump and pg_restore under a deadline (issue #20, HEARTHSIDE_BACKUP_TIMEOUT): a hung tool is
killed with everything it started, ``hearthside backup`` fails with a message that says so, and
no partial file is left behind. The hung tools are small scripts put first on PATH."""

from __future__ import annotations

import base64
import io
import os
import shutil
import stat
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from hearthside.core import backup

KEY = base64.urlsafe_b64encode(bytes(range(32))).decode()

# Starts a child that holds stdout open too, as pg_dump's own helpers would, and hangs.
HUNG = """#!/bin/sh
sleep 300 &
echo $! > "{pids}/child"
echo $$ > "{pids}/tool"
wait
"""


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def _wait_gone(pid: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def hung_tools(tmp_path, monkeypatch):
    """``pg_dump`` and ``pg_restore`` that hang, first on PATH; yields the folder of their pids.
    Whatever is still running at the end is killed, also when the test fails."""
    bin_dir, pids = tmp_path / "bin", tmp_path / "pids"
    bin_dir.mkdir()
    pids.mkdir()
    for name in ("pg_dump", "pg_restore"):
        tool = bin_dir / name
        tool.write_text(HUNG.format(pids=pids))
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    yield pids
    for name in ("tool", "child"):
        path = pids / name
        if path.exists() and _alive(pid := int(path.read_text())):
            os.kill(pid, 9)


def _pids(pids: Path) -> tuple[int, int]:
    deadline = time.monotonic() + 5
    while not ((pids / "child").exists() and (pids / "tool").exists()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return int((pids / "tool").read_text()), int((pids / "child").read_text())


def test_a_hung_tool_is_killed_with_its_children_at_the_deadline(hung_tools, tmp_path):
    import subprocess

    started = time.monotonic()
    tool = backup._Deadline(["pg_dump"], {"NAME": "x"}, timeout=0.5, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    with tool.proc.stdout:
        assert tool.proc.stdout.read() == b""  # the pipe closes: nothing of the group holds it
    with pytest.raises(backup.BackupError) as caught:
        tool.wait()
    assert 0.5 <= time.monotonic() - started < 10
    assert str(caught.value) == ("pg_dump was stopped: it did not finish within 0.5 s "
                                 "(HEARTHSIDE_BACKUP_TIMEOUT sets the limit)")
    parent, child = _pids(hung_tools)
    assert _wait_gone(parent) and _wait_gone(child)


def test_a_tool_that_finishes_in_time_is_left_alone(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    quick = bin_dir / "pg_dump"
    quick.write_text("#!/bin/sh\necho dumped\nexit 3\n")
    quick.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    import subprocess

    tool = backup._Deadline(["pg_dump"], {"NAME": "x"}, timeout=30, stdout=subprocess.PIPE)
    with tool.proc.stdout:
        assert tool.proc.stdout.read() == b"dumped\n"
    assert tool.wait() == 3  # its own exit status, not a timeout
    tool._timer.join(5)
    assert not tool._timer.is_alive() and not tool.expired.is_set()  # the deadline was called off


def test_the_timeout_setting_is_read_from_the_environment(monkeypatch):
    import subprocess
    import sys

    from hearthside.testing.processes import child_env

    script = "import django; django.setup(); from django.conf import settings; print(settings.BACKUP_TIMEOUT)"
    root = Path(__file__).resolve().parents[3]

    def read(value):
        env = child_env({"HEARTHSIDE_BACKUP_TIMEOUT": value, "DJANGO_SETTINGS_MODULE": "hearthside.settings"})
        return subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True,
                              timeout=120)

    assert read(None).stdout.strip() == "3600"
    assert read("90").stdout.strip() == "90"
    bad = read("0")
    assert bad.returncode != 0 and "HEARTHSIDE_BACKUP_TIMEOUT must be at least 1, got 0" in bad.stderr


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL leg (DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_a_hung_pg_dump_fails_the_backup_and_leaves_no_file(hung_tools, settings, tmp_path):
    settings.BACKUP_KEY = backup.parse_backup_key(KEY)
    settings.BACKUP_TIMEOUT = 1
    output = tmp_path / "site.hsbackup"
    started = time.monotonic()
    with pytest.raises(CommandError) as caught:
        call_command("backup", "--output", str(output), stdout=io.StringIO())
    assert time.monotonic() - started < 30
    assert "pg_dump was stopped: it did not finish within 1 s" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "pids"]  # no backup, no .partial
    parent, child = _pids(hung_tools)
    assert _wait_gone(parent) and _wait_gone(child)


@pytest.mark.skipif(connection.vendor != "postgresql" or not shutil.which("pg_dump"),
                    reason="the PostgreSQL leg with pg_dump installed")
@pytest.mark.django_db(transaction=True)
def test_a_hung_pg_restore_is_stopped_and_the_restore_fails(settings, tmp_path, monkeypatch):
    settings.BACKUP_KEY = backup.parse_backup_key(KEY)
    path = tmp_path / "site.hsbackup"
    call_command("backup", "--output", str(path), stdout=io.StringIO())  # the real pg_dump
    bin_dir, pids = tmp_path / "bin", tmp_path / "pids"
    bin_dir.mkdir()
    pids.mkdir()
    (bin_dir / "pg_restore").write_text(HUNG.format(pids=pids))
    (bin_dir / "pg_restore").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    settings.BACKUP_TIMEOUT = 1
    # Any empty target will do: the hung tool never connects to it.
    target = {**connection.settings_dict}
    monkeypatch.setattr(backup, "database_state", lambda settings_dict: backup.DatabaseState())
    try:
        with pytest.raises(backup.BackupError, match="pg_restore was stopped: it did not finish within 1 s"):
            backup.restore_backup(path, backup.configured_key(), target)
        parent, child = _pids(pids)
        assert _wait_gone(parent) and _wait_gone(child)
    finally:
        for name in ("tool", "child"):
            if (pids / name).exists() and _alive(pid := int((pids / name).read_text())):
                os.kill(pid, 9)
