"""Helpers for tests that start real server processes (ASGI workers, Redis) on 127.0.0.1."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url_for_subprocess(db: dict) -> str:
    """``DATABASE_URL`` pointing a child process at the test database described by ``db``
    (a ``settings.DATABASES`` entry on PostgreSQL)."""
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


# ---------------------------------------------------------------------------------------------
# Child processes, a throw-away Redis and a throw-away PostgreSQL cluster, for the fault tests
# (core/tests/test_faults_*.py). Imports are local so this module stays cheap to import.


def wait_for_port(port: int, proc, what: str, timeout: float = 60) -> None:
    """Until something accepts connections on 127.0.0.1:``port``; fails if ``proc`` exits first."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} before listening on {port}")
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout} s")


def kill_process(proc, timeout: float = 10) -> None:
    """SIGKILL ``proc`` (a ``subprocess.Popen``) if it still runs, and reap it."""
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait(timeout=timeout)


def start_redis(port: int):
    """A throw-away ``redis-server`` on 127.0.0.1:``port``: nothing saved to disk. Stop it with
    ``kill_process``."""
    import shutil
    import subprocess

    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server is not installed")
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--daemonize", "no", "--loglevel", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, proc, "redis-server", 20)
    except BaseException:
        kill_process(proc)
        raise
    return proc


def database_env_for_subprocess(db: dict) -> dict[str, str | None]:
    """Environment changes that point a child process at the test database ``db`` (a
    ``settings.DATABASES`` entry): ``DATABASE_URL`` on PostgreSQL; on SQLite the same file through
    ``HEARTHSIDE_SQLITE_PATH``, so the child keeps the project's SQLite options (WAL, busy timeout,
    IMMEDIATE transactions). ``None`` means "remove the variable"."""
    if db["ENGINE"].endswith("postgresql"):
        return {"DATABASE_URL": database_url_for_subprocess(db), "HEARTHSIDE_SQLITE_PATH": None}
    if db["ENGINE"].endswith("sqlite3") and db["NAME"] and ":memory:" not in str(db["NAME"]) \
            and "mode=memory" not in str(db["NAME"]):
        return {"DATABASE_URL": None, "HEARTHSIDE_SQLITE_PATH": str(db["NAME"])}
    raise ValueError(f"a child process cannot share the database {db['ENGINE']} {db['NAME']!r}")


def child_env(changes: dict[str, str | None]) -> dict[str, str]:
    """``os.environ`` with ``changes`` applied (``None`` removes a variable)."""
    import os

    env = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


PG_VERSION = "15"


def throwaway_postgres_skip_reason() -> str | None:
    """Why ``ThrowawayPostgres`` cannot run here, or None."""
    import os
    import shutil
    from pathlib import Path

    missing = [tool for tool in ("pg_createcluster", "pg_ctlcluster", "pg_dropcluster")
               if shutil.which(tool) is None]
    if missing:
        return (f"needs Debian's PostgreSQL cluster tools ({', '.join(missing)} not on PATH): "
                "this test starts and stops a throw-away cluster of its own")
    if not Path(f"/usr/lib/postgresql/{PG_VERSION}/bin/postgres").exists():
        return f"needs the PostgreSQL {PG_VERSION} server (/usr/lib/postgresql/{PG_VERSION}/bin/postgres)"
    if os.geteuid() != 0:
        return ("pg_createcluster must run as root here (it creates a cluster owned by the postgres user "
                "under /etc/postgresql and /var/lib/postgresql); run the suite as root to include this test")
    return None


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own (``pg_createcluster``) on a free port, for a test that stops
    and starts the server. Never the machine's shared cluster: its name is new and its port is not
    5432. Use as a context manager: the cluster is dropped on the way out, whatever happened.

    Local TCP connections are trusted (this cluster's ``pg_hba.conf`` only), there is no fsync, and
    it never starts at boot (``start.conf`` manual)."""

    def __init__(self, database: str = "hearthside") -> None:
        import os
        import secrets

        self.name = f"hs_fault_{os.getpid()}_{secrets.token_hex(3)}"
        self.port = free_port()
        self.database = database
        if self.name == "main" or self.port == 5432:  # the shared server is never ours to stop
            raise RuntimeError("refusing to manage the machine's shared PostgreSQL cluster")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *args: str, timeout: float = 60) -> str:
        import subprocess

        done = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stdout}{done.stderr}")
        return done.stdout

    def create(self) -> None:
        from pathlib import Path

        self._run("pg_createcluster", PG_VERSION, self.name, "-p", str(self.port), "--start-conf", "manual",
                  "-o", "fsync=off", "-o", "synchronous_commit=off",
                  "-o", "full_page_writes=off", "-o", "ssl=off", "-o", "max_connections=60",
                  "--", "--auth-host=trust", "--auth-local=trust", "--no-sync", timeout=120)
        # Whatever defaults this machine's createcluster.conf sets, this cluster trusts local
        # connections only; written before the first start, so no reload is needed.
        Path(f"/etc/postgresql/{PG_VERSION}/{self.name}/pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n", encoding="utf-8")
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", self.database)

    def start(self, ready_within: float = 90) -> None:
        """Start the server and return once it accepts connections: on a loaded machine
        ``pg_ctlcluster start`` can return while the server still says "starting up"."""
        import subprocess
        import time

        self._run("pg_ctlcluster", PG_VERSION, self.name, "start", timeout=60)
        deadline = time.monotonic() + ready_within
        while True:
            probe = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                                    "-d", "postgres", "-t", "5"], capture_output=True, timeout=30)
            if probe.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL on port {self.port} did not accept connections in {ready_within} s")
            time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server as an outage would: ``-m fast`` disconnects every client at once."""
        self._run("pg_ctlcluster", PG_VERSION, self.name, "stop", "-m", "fast", timeout=60)

    def exists(self) -> bool:
        from pathlib import Path

        return (Path(f"/etc/postgresql/{PG_VERSION}/{self.name}").exists()
                or Path(f"/var/lib/postgresql/{PG_VERSION}/{self.name}").exists())

    def drop(self) -> None:
        """Stop and remove the cluster (configuration, data, log); nothing if it was never made."""
        if not self.exists():
            return
        try:
            self._run("pg_dropcluster", "--stop", PG_VERSION, self.name, timeout=90)
        except Exception:
            # A server that would not stop in time: stop it the hard way, then drop it.
            import subprocess

            subprocess.run(["pg_ctlcluster", PG_VERSION, self.name, "stop", "-m", "immediate"],
                           capture_output=True, timeout=60)
            self._run("pg_dropcluster", "--stop", PG_VERSION, self.name, timeout=90)

    @staticmethod
    def drop_leftovers() -> None:
        """Drop throw-away clusters left by a test process that no longer runs (killed outright,
        so its own clean-up never ran). Only names this class makes: ``hs_fault_<pid>_<hex>``."""
        import os
        import re
        from pathlib import Path

        for conf in Path(f"/etc/postgresql/{PG_VERSION}").glob("hs_fault_*"):
            found = re.fullmatch(r"hs_fault_(\d+)_[0-9a-f]{6}", conf.name)
            if found is None:
                continue
            try:
                os.kill(int(found[1]), 0)
                continue  # its test process still runs: not ours to drop
            except ProcessLookupError:
                pass
            except PermissionError:
                continue
            left = ThrowawayPostgres.__new__(ThrowawayPostgres)
            left.name = conf.name
            left.drop()

    def __enter__(self) -> ThrowawayPostgres:
        self.drop_leftovers()
        try:
            self.create()
        except BaseException:
            self.drop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.drop()


def chat_group_for_workers(slug: str, prefix: str, members: int):
    """A group that takes fast chat, with ``members`` members (``<prefix>0``…) and an API token
    for each, for tests that start worker processes: (group, people, tokens, database URL). The
    test's own connection is closed, so the workers see all of it."""
    from django.conf import settings
    from django.db import connection

    from hearthside.community.models import Group, Membership
    from hearthside.conftest import make_user, token_for

    group = Group.objects.create(slug=slug, name=slug.title(), chat_rate_per_minute=10_000)
    people = [make_user(f"{prefix}{i}") for i in range(members)]
    for person in people:
        Membership.objects.create(group=group, user=person)
    tokens = [token_for(p) for p in people]
    database_url = database_url_for_subprocess(settings.DATABASES["default"])
    connection.close()
    return group, people, tokens, database_url
