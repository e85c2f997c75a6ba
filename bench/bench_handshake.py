"""Websocket handshakes and idle sockets on one ASGI process (``make bench-handshake``).

It starts one ASGI server process, exactly as ``hearthside run`` serves websockets
(``core.asgi_server.uvicorn_command``), creates ``--members`` members, each with a signed-in
browser session and a place in a support group (``--group-size`` members a group), and opens one
authenticated socket per member to ``/ws/events/`` -- the one socket a page opens (``events.js``):
the person's own events and their group's chat. Browsers authenticate with the session cookie and
this site's ``Origin``; ``--auth token`` uses personal access tokens (programs) instead.

Per run:

* **open**: every member connects, ``--concurrency`` handshakes in flight per client process;
  handshakes/s (all sockets open, over the wall time), p50/p99 connect time (TCP connect to the
  ``hello`` frame), and the server's CPU per handshake (from /proc);
* **idle**: the server's resident memory (``VmRSS``) with every socket open and idle, less what it
  held before the first socket, per socket;
* **storm**: every socket closes at once and reconnects at once (what a server restart behind a
  proxy, or a network blip, does to a site); the time until every socket is open again, p50/p99,
  and the server's CPU per reconnect (closing included).

``--old DIR`` (a checkout of another commit: ``git worktree add /tmp/old-hs HEAD``) runs that
checkout's server too, alternating with this one ``--rounds`` times on the same database and
members, so the two are compared under the same machine load.

    .venv/bin/python bench/bench_handshake.py --members 1000,5000 --old /tmp/old-hs
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/bench_handshake.py --members 1000

With ``DATABASE_URL`` set it uses a database of its own on that server (``--pg-database``, dropped
and created); otherwise a SQLite file under ``var/bench/``. Results: a Markdown table on stdout and
``var/bench/handshake.json``. The clients share the machine with the server: read absolute
figures as a floor, and the CPU per handshake and memory per socket as the server's own cost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import (  # noqa: E402
    base_env,
    cpu_seconds,
    free_port,
    log,
    machine_description,
    pct,
    pg_admin,
    raise_file_limit,
    rss_mib,
    run_client_loop,
    start_clients,
    stop_clients,
    tree_uvicorn_command,
    wait_for_port,
    with_database,
)

PREFIX = "hsbench"
COOKIE = "hearthside_session"






# ---------------------------------------------------------------------------------------------
# Set-up (in the orchestrating process, through the ORM)


def setup_members(count: int, group_size: int, auth: str) -> list[str]:
    """``count`` members (made once, reused), each in one group; a fresh session or token each."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.db import transaction

    from hearthside.accounts.actions import SESSION_AUTH_AT, SESSION_SEEN_AT, do_create_token
    from hearthside.accounts.models import AccessToken, User
    from hearthside.community.models import Group, Membership

    names = [f"{PREFIX}-{i}" for i in range(count)]
    users = {u.username: u for u in User.objects.filter(username__startswith=f"{PREFIX}-")}
    with transaction.atomic():
        for name in names:
            if name not in users:
                users[name] = User.objects.create_user(username=name, password=None, pseudonym=name)
        for start in range(0, count, group_size):
            group, _ = Group.objects.get_or_create(slug=f"{PREFIX}-{start // group_size}",
                                                   defaults={"name": f"Benchmark group {start // group_size}"})
            have = set(Membership.objects.filter(group=group).values_list("user_id", flat=True))
            Membership.objects.bulk_create([Membership(group=group, user=users[n])
                                            for n in names[start:start + group_size] if users[n].pk not in have])
    credentials = []
    now = time.time()
    with transaction.atomic():
        if auth == "token":
            AccessToken.objects.filter(user__username__startswith=f"{PREFIX}-", name="bench").delete()
            return [do_create_token(users[n], "bench", "write", two_factor=False)[1] for n in names]
        Session.objects.filter(session_key__startswith=PREFIX).delete()
        rows = []
        for i, name in enumerate(names):
            user = users[name]
            store = SessionStore()
            key = f"{PREFIX}{i:06d}{os.urandom(12).hex()}"
            data = {SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                    HASH_SESSION_KEY: user.get_session_auth_hash(), SESSION_AUTH_AT: now, SESSION_SEEN_AT: now}
            rows.append(Session(session_key=key, session_data=store.encode(data),
                                expire_date=store.get_expiry_date()))
            credentials.append(key)
        Session.objects.bulk_create(rows, batch_size=500)
    return credentials


# ---------------------------------------------------------------------------------------------
# The server


class AsgiServer:
    """One uvicorn process serving ``tree`` (this checkout, or another commit's)."""

    def __init__(self, tree: Path, env: dict[str, str], log_path: Path, profile: str = "", traced: str = ""):
        self.port = free_port()
        env = dict(env, PYTHONPATH=str(tree))
        bench = str(Path(__file__).resolve().parent)
        if profile or traced:
            serve = f"serve_profiled({self.port}, {profile!r})" if profile else f"serve_traced({self.port}, {traced!r})"
            command = [sys.executable, "-c", f"import sys; sys.path[:0] = [{str(tree)!r}, {bench!r}]; "
                       f"import common; common.{serve}"]
        else:
            command = tree_uvicorn_command(tree, "127.0.0.1", self.port)
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        # Its own session, so stop() signals this server and nothing else; cwd=tree, so
        # ``hearthside`` is imported from that checkout.
        self.proc = subprocess.Popen(command, cwd=tree, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True, preexec_fn=raise_file_limit)
        self.log_path = log_path

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:  # open sockets can hold a graceful shutdown up
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._log.close()


# ---------------------------------------------------------------------------------------------
# Client processes


def client_main(conn, credentials: list[str], port: int, auth: str, timeout: float) -> None:
    run_client_loop(_client, conn, credentials, port, auth, timeout)


async def _client(conn, credentials, port, auth, timeout):
    from websockets.asyncio.client import connect

    loop = asyncio.get_running_loop()
    url = f"ws://127.0.0.1:{port}/ws/events/"
    origin = f"http://127.0.0.1:{port}"
    socks: list = [None] * len(credentials)
    errors: dict[str, int] = {}

    def headers(credential):
        if auth == "token":
            return {"Authorization": f"Bearer {credential}"}
        return {"Cookie": f"{COOKIE}={credential}", "Origin": origin}

    async def open_one(k, sem, deadline):
        """Seconds from the first attempt to ``hello`` (retries included), or None."""
        begin = time.perf_counter()
        for attempt in range(6):
            if time.monotonic() > deadline:
                break
            try:
                async with sem:
                    ws = await connect(url, additional_headers=headers(credentials[k]), open_timeout=timeout,
                                       ping_interval=None, max_queue=None, compression=None)
                    hello = json.loads(await asyncio.wait_for(ws.recv(), timeout))
                if hello.get("type") != "hello":
                    raise RuntimeError(f"first frame {hello.get('type')}")
                socks[k] = ws
                return time.perf_counter() - begin
            except Exception as exc:
                name = type(exc).__name__
                errors[name] = errors.get(name, 0) + 1
                await asyncio.sleep(min(4.0, 0.25 * 2**attempt))
        return None

    async def open_all(concurrency, start_at, which):
        await asyncio.sleep(max(0.0, start_at - time.time()))
        sem = asyncio.Semaphore(concurrency)
        deadline = time.monotonic() + 4 * timeout
        half = len(credentials) // 2
        ks = {"first": range(half), "second": range(half, len(credentials))}.get(which, range(len(credentials)))
        times = await asyncio.gather(*(open_one(k, sem, deadline) for k in ks))
        return {"times": [t for t in times if t is not None], "failed": sum(t is None for t in times),
                "end": time.time()}

    async def drain(ws):
        try:
            async for _frame in ws:  # presence counts and the like; idle sockets read what comes
                pass
        except Exception:
            pass

    readers: list[asyncio.Task] = []
    conn.send(("ready", len(credentials)))
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        kind = command[0]
        if kind in ("open", "storm"):
            errors.clear()
            cpu0 = time.process_time()
            if kind == "storm":
                await asyncio.sleep(max(0.0, command[2] - time.time()))
                for task in readers:
                    task.cancel()
                await asyncio.gather(*(ws.close() for ws in socks if ws is not None), return_exceptions=True)
                socks[:] = [None] * len(credentials)
            result = await open_all(command[1], command[2], command[3])
            readers = [asyncio.create_task(drain(ws)) for ws in socks if ws is not None]
            conn.send((kind, dict(result, errors=dict(errors), cpu_s=time.process_time() - cpu0)))
        elif kind == "stop":
            break
    for task in readers:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in socks if ws is not None), return_exceptions=True)


# ---------------------------------------------------------------------------------------------
# The run


def phase(pipes, kind: str, concurrency: int, server_pid: int, which: str = "all") -> dict:
    start_at = time.time() + 0.5
    for pipe in pipes:
        pipe.send((kind, concurrency, start_at, which))
    time.sleep(max(0.0, start_at - time.time()))
    cpu0 = cpu_seconds([server_pid])
    parts = [pipe.recv()[1] for pipe in pipes]
    cpu1 = cpu_seconds([server_pid])
    times = [t for p in parts for t in p["times"]]
    wall = max(p["end"] for p in parts) - start_at
    errors: dict[str, int] = {}
    for p in parts:
        for name, n in p["errors"].items():
            errors[name] = errors.get(name, 0) + n
    return {
        "times": times, "opened": len(times), "failed": sum(p["failed"] for p in parts), "retried": errors,
        "wall_s": wall, "per_s": len(times) / wall if wall > 0 else float("nan"),
        "p50_ms": pct(times, 50) * 1000, "p99_ms": pct(times, 99) * 1000, "max_ms": max(times, default=0) * 1000,
        "server_cpu_s": cpu1 - cpu0, "server_cpu_ms": (cpu1 - cpu0) * 1000 / max(1, len(times)),
        "client_cpu_s": sum(p["cpu_s"] for p in parts),
    }


def combine(a: dict, b: dict) -> dict:
    """One open phase from its two halves (run one after the other)."""
    times = a.pop("times") + b.pop("times")
    wall = a["wall_s"] + b["wall_s"]
    return {"opened": len(times), "failed": a["failed"] + b["failed"],
            "retried": {k: a["retried"].get(k, 0) + b["retried"].get(k, 0) for k in {*a["retried"], *b["retried"]}},
            "wall_s": wall, "per_s": len(times) / wall if wall > 0 else float("nan"),
            "p50_ms": pct(times, 50) * 1000, "p99_ms": pct(times, 99) * 1000, "max_ms": max(times, default=0) * 1000,
            "server_cpu_s": a["server_cpu_s"] + b["server_cpu_s"],
            "server_cpu_ms": (a["server_cpu_s"] + b["server_cpu_s"]) * 1000 / max(1, len(times)),
            "client_cpu_s": a["client_cpu_s"] + b["client_cpu_s"]}


def settle(pid: int, limit: float = 30.0) -> None:
    """Wait until the server is idle (its warm-up thread loads the screener's tables)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = cpu_seconds([pid])
        time.sleep(0.5)
        if cpu_seconds([pid]) - before < 0.05:
            return


def heap_snapshot(proc: subprocess.Popen) -> None:
    """Ask a ``--tracemalloc`` server for a heap snapshot and wait until it is written."""
    proc.send_signal(signal.SIGUSR1)
    time.sleep(20.0)  # a snapshot of a large heap takes seconds; the server writes it in its loop


def heap_diff(before: str, after: str, top: int = 40) -> None:
    import tracemalloc

    old, new = tracemalloc.Snapshot.load(before), tracemalloc.Snapshot.load(after)
    for key in ("filename", "lineno", "traceback"):
        stats = new.compare_to(old, key)
        print(f"\n# grew, by {key} (KiB, blocks)")
        for stat in stats[:top if key != "traceback" else 12]:
            print(f"{stat.size_diff / 1024:10.1f} {stat.count_diff:8d}  " + (
                "\n".join(f"        {frame.filename}:{frame.lineno}" for frame in stat.traceback[-6:])
                if key == "traceback" else str(stat.traceback[0])))


def run_once(tree: Path, label: str, credentials: list[str], env: dict[str, str], args) -> dict:
    var = Path(env["HEARTHSIDE_VAR_DIR"])
    profile = str(Path(args.profile).resolve() / f"{label}-{len(credentials)}.prof") if args.profile else ""
    traced = str(Path(args.tracemalloc).resolve() / f"{label}-{len(credentials)}.heap") if args.tracemalloc else ""
    server = AsgiServer(tree, env, var / f"handshake-{label}.log", profile, traced)
    pipes, workers = [], []
    try:
        wait_for_port(server.port, timeout=90)
        settle(server.proc.pid)
        chunks = [credentials[i::args.client_procs] for i in range(args.client_procs)]
        # A few sockets first, so that the server's imports and first queries are not counted.
        warm_pipes, warm_workers = start_clients(client_main, [credentials[:20]], server.port, args.auth,
                                                 args.timeout)
        warm = phase(warm_pipes, "open", 20, server.proc.pid)
        stop_clients(warm_pipes, warm_workers)
        if warm["opened"] != 20:
            raise SystemExit(f"{label}: warm-up sockets failed ({warm}):\n"
                             f"{server.log_path.read_text(errors='replace')[-3000:]}")
        time.sleep(2.0)  # the warm-up sockets' departures settle (presence)
        rss0 = rss_mib(server.proc.pid)
        pipes, workers = start_clients(client_main, [c for c in chunks if c], server.port, args.auth, args.timeout)
        load0 = os.getloadavg()[0]
        # In two halves: memory per socket is the second half's growth. The first half also fills
        # what the process freed after starting (the screener's build), which would hide sockets.
        first = phase(pipes, "open", args.concurrency, server.proc.pid, "first")
        time.sleep(args.idle)
        rss_half = rss_mib(server.proc.pid)
        if traced:
            heap_snapshot(server.proc)
        second = phase(pipes, "open", args.concurrency, server.proc.pid, "second")
        opened_at = time.monotonic()
        opened = combine(first, second)
        time.sleep(args.idle)
        rss1 = rss_mib(server.proc.pid)
        if traced:
            heap_snapshot(server.proc)
        recheck = None
        if args.recheck_cpu:
            # Every socket re-checks its credentials every 60 s (+- 20 %): from 72 s after the last
            # one opened, all of them are re-checking, spread evenly; nothing else is sent.
            time.sleep(max(0.0, opened_at + 75 - time.monotonic()))
            cpu0, t0 = cpu_seconds([server.proc.pid]), time.monotonic()
            time.sleep(args.recheck_cpu)
            recheck = (cpu_seconds([server.proc.pid]) - cpu0) / (time.monotonic() - t0)
        storm = phase(pipes, "storm", 10**6, server.proc.pid) if args.storm else None
        if storm is not None:
            del storm["times"]
        time.sleep(args.idle)
        rss2 = rss_mib(server.proc.pid)
        return {"tree": label, "members": len(credentials), "auth": args.auth, "load_1m": load0,
                "open": opened, "storm": storm, "rss_before_mib": rss0, "rss_idle_mib": rss1,
                "rss_half_mib": rss_half, "rss_after_storm_mib": rss2, "recheck_cores": recheck,
                "kib_per_socket": (rss1 - rss_half) * 1024 / max(1, second["opened"])}
    finally:
        if pipes:
            stop_clients(pipes, workers)
        server.stop()


def table(rows: list[dict]) -> str:
    lines = ["| tree | sockets | open: handshakes/s | p50 / p99 ms | server CPU ms/handshake "
             "| storm: settled s | p50 / p99 ms | CPU ms/reconnect | failed | RSS idle MiB | KiB/socket "
             "| idle cores (re-checks) | load |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        o, s = r["open"], r["storm"] or {}
        lines.append(
            f"| {r['tree']} | {r['members']:,} | {o['per_s']:,.0f} | {o['p50_ms']:.0f} / {o['p99_ms']:.0f} "
            f"| {o['server_cpu_ms']:.2f} | {s.get('wall_s', float('nan')):.1f} "
            f"| {s.get('p50_ms', float('nan')):.0f} / {s.get('p99_ms', float('nan')):.0f} "
            f"| {s.get('server_cpu_ms', float('nan')):.2f} | {o['failed'] + s.get('failed', 0)} "
            f"| {r['rss_idle_mib']:.0f} | {r['kib_per_socket']:.1f} "
            f"| {'–' if r.get('recheck_cores') is None else format(r['recheck_cores'], '.3f')} | {r['load_1m']:.1f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", default="1000", help="sockets per run, comma-separated (e.g. 1000,5000)")
    parser.add_argument("--group-size", type=int, default=100, help="members per support group")
    parser.add_argument("--auth", choices=["session", "token"], default="session")
    parser.add_argument("--concurrency", type=int, default=100, help="handshakes in flight per client process")
    parser.add_argument("--client-procs", type=int, default=4)
    parser.add_argument("--no-storm", dest="storm", action="store_false", help="skip the reconnect storm")
    parser.add_argument("--idle", type=float, default=3.0, help="seconds idle before reading the server's RSS")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds for one handshake")
    parser.add_argument("--old", default="", help="another checkout to run side by side (e.g. /tmp/old-hs)")
    parser.add_argument("--tree", default=str(ROOT), help="the checkout to measure (default: this one)")
    parser.add_argument("--rounds", type=int, default=1, help="runs per tree and size, alternating")
    parser.add_argument("--pg-database", default="hs_bench_handshake")
    parser.add_argument("--recheck-cpu", type=float, default=0.0,
                        help="seconds over which to measure the server's CPU with every socket open and idle, "
                             "75 s after the last one opened (the credential re-checks); 0: not measured")
    parser.add_argument("--profile", default="", help="directory for the server's cProfile output")
    parser.add_argument("--tracemalloc", default="", help="directory for heap snapshots of the server (tracemalloc) "
                        "after each half of the sockets; compare them with --heap-diff")
    parser.add_argument("--heap-diff", nargs=2, metavar=("BEFORE", "AFTER"), default=None,
                        help="print what grew between two snapshots of --tracemalloc, by line and by file, and exit")
    parser.add_argument("--out", default=str(ROOT / "var" / "bench" / "handshake.json"))
    args = parser.parse_args(argv)
    if args.heap_diff:
        heap_diff(*args.heap_diff)
        return
    # Killed (e.g. by `timeout`): exit through the `finally` blocks that stop the server and clients.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
    sizes = [int(m) for m in args.members.split(",")]
    limit = raise_file_limit()
    if max(sizes) + 100 > limit:
        raise SystemExit(f"{max(sizes)} sockets need more open files than the limit allows ({limit})")

    var = ROOT / "var" / "bench" / "handshake"
    var.mkdir(parents=True, exist_ok=True)
    env = base_env(var)
    if os.environ.get("DATABASE_URL"):
        pg_admin(os.environ["DATABASE_URL"], args.pg_database, drop=True, create=True)
        env["DATABASE_URL"] = with_database(os.environ["DATABASE_URL"], args.pg_database)
    else:
        env["HEARTHSIDE_SQLITE_PATH"] = str(var / "handshake.sqlite3")
        Path(env["HEARTHSIDE_SQLITE_PATH"]).unlink(missing_ok=True)
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if args.profile:
        Path(args.profile).mkdir(parents=True, exist_ok=True)
    if args.tracemalloc:
        Path(args.tracemalloc).mkdir(parents=True, exist_ok=True)
    trees = [("new", Path(args.tree).resolve())]
    if args.old:
        trees.append(("old", Path(args.old).resolve()))
    rows: list[dict] = []
    for size in sizes:
        log(f"creating {size:,} members")
        credentials = setup_members(size, args.group_size, args.auth)
        connection.close()
        for round_ in range(args.rounds):
            for label, tree in (trees if round_ % 2 == 0 else trees[::-1]):
                log(f"{label}: {size:,} sockets, round {round_ + 1}")
                row = run_once(tree, label, credentials, env, args)
                print(json.dumps(row), flush=True)
                rows.append(row)
                if args.auth == "session":  # the runs share sessions: a run must not see another's idle clock
                    connection.close()
    print()
    print(f"One ASGI process, {connection.vendor}, Redis {'on' if os.environ.get('REDIS_URL') else 'off'}, "
          f"{args.auth} sockets, {args.client_procs} client processes; {machine_description()}; "
          f"load {os.getloadavg()[0]:.1f}")
    print(table(rows))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"args": vars(args), "machine": machine_description(), "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
