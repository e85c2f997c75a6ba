"""What the benchmarks share: percentiles, the machine's description, CPU accounting from /proc,
a throw-away environment and database, a granian server, wrk's report script, and the load-client
processes of the chat harnesses. Every bench script imports this module and no other bench script.

Every loop here is bounded in count and time, and only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import http.client
import json
import multiprocessing as mp
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def pct(values, p: float) -> float:
    """The p-th percentile (0-100) of ``values`` by nearest rank; NaN when there are none."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def use_project() -> None:
    """Make ``import hearthside`` work when a script is run as ``python bench/x.py``."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)



# The load generator reports these percentiles; wrk's done() hook prints them as JSON.
WRK_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write("BENCH_JSON ")
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,"mean_us":%f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
"""


# ---------------------------------------------------------------------------------------------
# CPU accounting from /proc (Linux): which process family spent the time.


def clock_ticks() -> int:
    try:
        return os.sysconf("SC_CLK_TCK")
    except (ValueError, OSError, AttributeError):
        return 100


def proc_table() -> dict[int, tuple[int, str, float]]:
    """pid -> (parent pid, command name, CPU seconds used so far incl. reaped children)."""
    table: dict[int, tuple[int, str, float]] = {}
    proc = Path("/proc")
    if not proc.is_dir():
        return table
    ticks = clock_ticks()
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        name = raw[raw.find("(") + 1 : raw.rfind(")")]
        rest = raw[raw.rfind(")") + 2 :].split()
        try:
            ppid = int(rest[1])
            utime, stime, cutime, cstime = (int(x) for x in rest[11:15])
        except (IndexError, ValueError):
            continue
        table[int(entry.name)] = (ppid, name, (utime + stime + cutime + cstime) / ticks)
    return table


def tree_cpu(table: dict[int, tuple[int, str, float]], root: int) -> float:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _name, _cpu) in table.items():
        children.setdefault(ppid, []).append(pid)
    total, stack, seen = 0.0, [root], set()
    while stack and len(seen) < 10_000:
        pid = stack.pop()
        if pid in seen or pid not in table:
            continue
        seen.add(pid)
        total += table[pid][2]
        stack.extend(children.get(pid, []))
    return total


def name_cpu(table: dict[int, tuple[int, str, float]], prefix: str) -> float:
    return sum(cpu for _ppid, name, cpu in table.values() if name.startswith(prefix))


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy (not idle or waiting) since boot."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return 0.0
    values = [int(x) for x in fields[:8]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values) - idle) / clock_ticks()


def machine_description() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    from importlib import metadata

    versions = []
    for dist in ("Django", "django-ninja", "granian", "psycopg"):
        try:
            versions.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    py = ".".join(str(x) for x in sys.version_info[:3])
    return f"{os.cpu_count()} × {cpu}{memory}; Python {py}, {', '.join(versions)}"


# ---------------------------------------------------------------------------------------------
# Environment: settings, database, user and token.


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def base_env(var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "HEARTHSIDE_SQLITE_PATH", "HEARTHSIDE_ALLOWED_HOSTS",
                 "HEARTHSIDE_SECRET_KEY", "HEARTHSIDE_DATA_KEYS", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    env.update(
        {
            "HEARTHSIDE_ENV": "development",
            # DEBUG would log every SQL query in memory and slow each request down.
            "HEARTHSIDE_DEBUG": "false",
            "HEARTHSIDE_VAR_DIR": str(var_dir),
            "HEARTHSIDE_LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "hearthside.settings",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    return env


def run_checked(cmd: list[str], env: dict[str, str], timeout: float, what: str, cwd: Path | None = None) -> str:
    """``cwd``: another checkout of the project (old code measured beside new), ROOT by default."""
    proc = subprocess.run(cmd, cwd=cwd or ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc.stdout


def pg_admin(url: str, database: str, *, drop: bool, create: bool) -> None:
    """Drop and/or create the benchmark database, connecting to the database named in ``url``."""
    import psycopg
    from psycopg import sql

    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", database):
        raise SystemExit(f"--pg-database {database!r}: use lowercase letters, digits and underscores")
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        if drop:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def pg_connections(url: str, database: str) -> int:
    """How many server connections the benchmark database has open right now."""
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [database]).fetchone()
    return int(row[0])


def with_database(url: str, database: str) -> str:
    parsed = urlparse(url)
    return urlunparse(parsed._replace(path="/" + database))


# ---------------------------------------------------------------------------------------------
# The server.


class Server:
    def __init__(self, env: dict[str, str], workers: int, blocking_threads: int | None, log_path: Path,
                 cwd: Path | None = None):
        self.port = free_port()
        self.log_path = log_path
        cmd = [
            sys.executable, "-m", "granian", "--interface", "wsgi", "--host", HOST, "--port", str(self.port),
            "--workers", str(workers), "--no-ws", "--no-access-log",
        ]
        if blocking_threads:
            cmd += ["--blocking-threads", str(blocking_threads)]
        cmd.append("hearthside.wsgi:application")
        self.cmd = cmd
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        # A new session: stop() signals the server's own process group and nothing else.
        self.proc = subprocess.Popen(cmd, cwd=cwd or ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"granian exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                conn.request("GET", "/healthz")
                status = conn.getresponse().status
                conn.close()
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"granian did not answer within {timeout:.0f}s:\n{self.log_tail()}")

    def log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=15)
        self._log.close()


def fetch(port: int, token: str | None, path: str = "/api/v1/me") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body



# ---------------------------------------------------------------------------------------------
# The chat harnesses: servers' CPU, waiting for a port, load-client processes.


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not start")


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            pass
    return total


def start_clients(target, chunks, *args):
    """One load-client process per chunk of members, ``target(pipe, chunk, *args)``; returns once
    every one of them says "ready" (connected, or syncing)."""
    ctx = mp.get_context("spawn")
    pipes, workers = [], []
    for chunk in chunks:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=target, args=(child, chunk, *args))
        proc.start()
        pipes.append(parent)
        workers.append(proc)
    for pipe in pipes:
        if pipe.recv()[0] != "ready":
            raise SystemExit("a client process failed to start")
    return pipes, workers


def report_step(rows: list[dict], row: dict, index: int, digits: int = 1) -> bool:
    """Keep and print a step's row (step 0 is the unreported warm-up). True: stop stepping up,
    because delivery p99 passed one second or anything was refused, unacknowledged or lost."""
    if index == 0:
        return False
    rows.append(row)
    print(json.dumps({k: round(v, digits) if isinstance(v, float) else v for k, v in row.items()}), flush=True)
    return bool(row["delivery_p99_ms"] > 1000 or row["errors"] or row["unacked"] or row["lost"])


def stop_clients(pipes, workers) -> None:
    for pipe in pipes:
        pipe.send(("stop",))
    for proc in workers:
        proc.join(timeout=30)
        if proc.is_alive():
            proc.terminate()


def table(rows: list[dict]) -> str:
    lines = ["| members | offered msg/s | sent | deliveries/s | send p50 / p99 ms | delivery p50 / p95 / p99 ms "
             "| lost | dup | out of order | errors | server cores | client cores |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['members']} | {r['offered_rate']} | {r['sent']} | {r['deliveries_per_s']:,.0f} "
            f"| {r['send_p50_ms']:.0f} / {r['send_p99_ms']:.0f} "
            f"| {r['delivery_p50_ms']:.0f} / {r['delivery_p95_ms']:.0f} / {r['delivery_p99_ms']:.0f} "
            f"| {r['lost']} | {r['duplicated']} | {r['out_of_order']} | {r['errors'] + r['unacked']} "
            f"| {r['server_cores']:.2f} | {r['client_cores']:.2f} |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The English screening corpus shared by bench_screen.py and bench_screen_cli.py, so both
# measure the same sentences.

BENIGN = [
    "Had a long day at work, the meeting ran late and traffic was awful.",
    "Going to make pasta tonight and watch an episode of that new show.",
    "Thanks so much for the recipe, the cake turned out great!",
    "Does anyone know a good way to keep basil alive on a windowsill?",
    "My sister is visiting this weekend so the flat is a mess of boxes.",
    "I finally finished the report and my manager liked it.",
    "The bus was cancelled again so I walked, which was actually nice.",
    "We should plan a picnic when the weather gets better.",
    "I'm so tired after the gym, my legs are killing me lol.",
    "Can someone recommend a book for a long train journey?",
    "Today I tried meditation for ten minutes and it helped a bit.",
    "My dog keeps stealing socks and hiding them under the bed.",
]
DISTRESS = [
    "I feel so hopeless lately and I can't sleep.",
    "Everything is falling apart and I don't know what to do anymore.",
    "I hate myself for messing up again, I'm such a failure.",
    "Work is crushing me and I feel trapped in this job.",
    "I feel like a burden to my family.",
    "Nobody would notice if I disappeared for a week.",
]
CRISIS = [
    "I want to kill myself.",
    "I have the pills saved up and I'm going to do it tonight.",
    "I wish I could go to sleep and never wake up.",
    "I've been thinking about suicide every day.",
    "By the time you read this I'll be gone.",
    "I tried to kill myself last year and I feel that way again.",
    "i just want to die, i can't take this anymore",
    "gonna unalive myself after everyone is asleep",
    "I would never kill myself, but I feel empty.",
    "My friend said she wants to die and I'm scared for her.",
]


def tree_uvicorn_command(tree: Path, host: str, port: int, *extra: str) -> list[str]:
    """``core.asgi_server.uvicorn_command`` as the checkout ``tree`` defines it, so that ``--old``
    runs another commit's server options (the websocket implementation, compression) as well as its
    application, not this checkout's options around the other's code."""
    code = ("import json, sys; from hearthside.core.asgi_server import uvicorn_command; "
            "print(json.dumps(uvicorn_command(*sys.argv[1:])))")
    out = subprocess.run([sys.executable, "-c", code, host, str(port), *extra], cwd=tree, capture_output=True,
                         text=True, check=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(tree)))
    command = json.loads(out.stdout)
    command[command.index("--port") + 1] = str(port)
    return command


def serve_profiled(port: int, out: str) -> None:
    """Serve the ASGI application on ``port`` under cProfile until SIGTERM, then write the event
    loop's profile to OUT and that of the threads that run the ORM to OUT.threads (bench_realtime,
    bench_handshake ``--profile``)."""
    import cProfile

    import uvicorn
    from asgiref.sync import SyncToAsync

    from hearthside.core.asgi_server import UVICORN_OPTIONS

    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))  # so that `finally` writes the profile
    # CPU time per thread (not wall time, which counts waits for the GIL), in the event loop and in
    # the threads that run the ORM (``database_sync_to_async``): OUT and OUT.threads.
    profiler = cProfile.Profile(time.thread_time)
    in_threads = cProfile.Profile(time.thread_time)
    handler = SyncToAsync.thread_handler

    def profiled_handler(self, *a, **kw):
        in_threads.enable()  # one thread runs the ORM at a time (thread-sensitive)
        try:
            return handler(self, *a, **kw)
        finally:
            in_threads.disable()

    SyncToAsync.thread_handler = profiled_handler
    profiler.enable()
    try:
        uvicorn.run("hearthside.asgi:application", host="127.0.0.1", port=port, log_level="warning",
                    timeout_graceful_shutdown=1, **UVICORN_OPTIONS)
    finally:
        profiler.disable()
        profiler.dump_stats(out)
        in_threads.dump_stats(out + ".threads")


def serve_traced(port: int, out: str) -> None:
    """Serve the ASGI application on ``port`` with tracemalloc on (10 frames): each SIGUSR1 writes
    a snapshot of the Python heap to OUT.N (N = 1, 2, ...), to be compared offline
    (``bench_handshake --tracemalloc``: where each idle socket's memory goes)."""
    import tracemalloc

    import uvicorn

    from hearthside.core.asgi_server import UVICORN_OPTIONS

    tracemalloc.start(10)
    taken = []

    def snapshot(*_args) -> None:
        taken.append(1)
        tracemalloc.take_snapshot().dump(f"{out}.{len(taken)}")

    signal.signal(signal.SIGUSR1, snapshot)
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
    uvicorn.run("hearthside.asgi:application", host="127.0.0.1", port=port, log_level="warning",
                timeout_graceful_shutdown=1, **UVICORN_OPTIONS)


def raise_file_limit() -> int:
    """As many open files as the hard limit allows (a socket is a file, on both sides)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def rss_mib(pids: int | list[int]) -> float:
    """Resident memory of ``pids`` (one or several processes), MiB; a process gone counts nothing."""
    total = 0.0
    for pid in [pids] if isinstance(pids, int) else pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def run_client_loop(main, *args) -> None:
    """A client process's event loop: the open-file limit raised, uvloop when it is installed."""
    import asyncio

    raise_file_limit()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main(*args))
