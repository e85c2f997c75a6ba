#!/usr/bin/env python
"""Benchmark an authenticated ``GET /api/v1/me`` (Bearer token) served the deployed way.

For each database (SQLite always; PostgreSQL when ``DATABASE_URL`` is set or ``--postgres URL``
is given) this script builds a throwaway environment, starts
``granian --interface wsgi --workers 2 hearthside.wsgi:application`` on a free 127.0.0.1 port
and drives it from a separate process: ``wrk`` when installed, otherwise a Python load
generator (threads with keep-alive ``http.client`` connections, in child processes).

    .venv/bin/python bench/bench_api.py                      # SQLite (+ PostgreSQL if DATABASE_URL)
    .venv/bin/python bench/bench_api.py --postgres postgres://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/bench_api.py --duration 5 --connections 16 --skip-sqlite
    .venv/bin/python bench/bench_api.py --old ../before --rounds 2   # old and new code in turn

The PostgreSQL URL names the server and a database to connect to for administration; the
benchmark itself runs in its own database (``--pg-database``, default ``hearthside_bench``),
dropped and created afresh for each run and dropped at the end (``--keep`` keeps it).
Every loop here is bounded in count and time, and only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from common import (  # noqa: F401
    HOST,
    ROOT,
    WRK_LUA,
    Server,
    base_env,
    busy_cpu_seconds,
    fetch,
    log,
    machine_description,
    name_cpu,
    pg_admin,
    pg_connections,
    proc_table,
    run_checked,
    tree_cpu,
    with_database,
)

PATH = "/api/v1/me"
BENCH_USER = "bench-user"

# Snippet run with ``manage.py shell -c``: a member with the privacy consent and a write token.
SETUP_SNIPPET = """
from hearthside.accounts.actions import do_create_token, do_give_consent
from hearthside.accounts.models import User
user = User.objects.create_user({user!r}, {password!r}, pseudonym="Bench User", country="GB")
do_give_consent(user, "privacy")
_token, raw = do_create_token(user, "bench", "write", two_factor=False)
print("BENCH_TOKEN", raw)
"""


@dataclass
class Result:
    database: str
    loadgen: str
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    non_2xx: int
    server_cpu_s: float = 0.0
    db_cpu_s: float = 0.0
    loadgen_cpu_s: float = 0.0
    other_cpu_s: float = 0.0
    load_before: float = 0.0
    db_connections: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0



def prepare(env: dict[str, str], cwd: Path | None = None) -> str:
    py = sys.executable
    run_checked([py, "manage.py", "migrate", "--noinput", "-v", "0"], env, 600, "manage.py migrate", cwd)
    password = "bench-" + os.urandom(12).hex()
    out = run_checked(
        [py, "manage.py", "shell", "-c", SETUP_SNIPPET.format(user=BENCH_USER, password=password)],
        env, 120, "creating the benchmark user", cwd,
    )
    match = re.search(r"BENCH_TOKEN (hs_\S+)", out)
    if not match:
        raise SystemExit(f"no token in the set-up output:\n{out[-2000:]}")
    return match.group(1)



def sanity_check(port: int, token: str) -> None:
    status, body = fetch(port, token)
    if status != 200 or json.loads(body).get("username") != BENCH_USER:
        raise SystemExit(f"GET {PATH} with the token answered {status}: {body[:500]!r}")
    status, _ = fetch(port, None)
    if status != 401:
        raise SystemExit(f"GET {PATH} without a token answered {status}, expected 401")


# ---------------------------------------------------------------------------------------------
# Load generators.


def run_wrk(port: int, token: str, duration: float, connections: int, threads: int, lua: Path) -> dict:
    cmd = [
        "wrk", "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(duration))}s",
        "--timeout", "10s", "--latency", "-s", str(lua),
        "-H", f"Authorization: Bearer {token}", f"http://{HOST}:{port}{PATH}",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    match = re.search(r"^BENCH_JSON (\{.*\})$", proc.stdout, re.M)
    if proc.returncode != 0 or not match:
        raise SystemExit(f"wrk failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    data = json.loads(match.group(1))
    errors = data["connect"] + data["read"] + data["write"] + data["timeout"]
    return {
        "requests": data["requests"],
        "seconds": data["duration_us"] / 1e6,
        "p50_ms": data["p50_us"] / 1000,
        "p90_ms": data["p90_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "max_ms": data["max_us"] / 1000,
        "errors": errors,
        "non_2xx": data["status"],
    }


def _loadgen_child(port: int, token: str, duration: float, connections: int, max_requests: int,
                   interval: float = 0.0, seed: int = 0) -> None:
    """Runs in a child process: ``connections`` threads, each with one keep-alive connection.

    ``interval`` > 0 paces each thread: its requests are due every ``interval`` seconds from a
    random start within the first one, and a request's latency counts from when it was due, not
    from when it was sent, so a server that falls behind is not hidden by the load generator
    waiting for it (open loop, no coordinated omission)."""
    headers = {"Authorization": f"Bearer {token}"}
    lock = threading.Lock()
    latencies: list[float] = []
    counts = {"errors": 0, "non_2xx": 0}
    start = time.monotonic()
    deadline = start + duration
    per_thread = max(1, max_requests // max(1, connections))

    def worker(offset: float) -> None:
        local: list[float] = []
        errors = non_2xx = 0
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        due = time.perf_counter() + offset
        for _ in range(per_thread):
            if time.monotonic() >= deadline:
                break
            if interval:
                wait = due - time.perf_counter()
                if wait > 0:
                    time.sleep(wait)
                t0 = due
                due += interval
            else:
                t0 = time.perf_counter()
            try:
                conn.request("GET", PATH, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
                continue
            local.append(time.perf_counter() - t0)
            if not 200 <= status < 300:
                non_2xx += 1
        conn.close()
        with lock:
            latencies.extend(local)
            counts["errors"] += errors
            counts["non_2xx"] += non_2xx

    import random

    spread = random.Random(seed)
    pool = [threading.Thread(target=worker, args=(spread.uniform(0, interval),), daemon=True)
            for _ in range(connections)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=duration + 30)
    elapsed = time.monotonic() - start
    print(json.dumps({"latencies": latencies, "seconds": elapsed, **counts}))


def run_python_loadgen(port: int, token: str, duration: float, connections: int, processes: int,
                       rate: float = 0.0) -> dict:
    """``rate`` > 0: requests are offered at that many a second in all, whatever the answers
    (each connection every ``connections / rate`` seconds); 0: each connection sends its next
    request as soon as the last is answered."""
    processes = max(1, min(processes, connections))
    interval = connections / rate if rate else 0.0
    split = [connections // processes + (1 if i < connections % processes else 0) for i in range(processes)]
    max_requests = 2_000_000
    children = [
        subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--_loadgen-child",
             json.dumps([port, token, duration, n, max_requests // processes, interval, i])],
            stdout=subprocess.PIPE, text=True,
        )
        for i, n in enumerate(split)
    ]
    latencies: list[float] = []
    seconds = 0.0
    errors = non_2xx = 0
    for child in children:
        out, _ = child.communicate(timeout=duration + 60)
        data = json.loads(out)
        latencies.extend(data["latencies"])
        seconds = max(seconds, data["seconds"])
        errors += data["errors"]
        non_2xx += data["non_2xx"]
    if not latencies:
        raise SystemExit("the Python load generator completed no request")
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] * 1000

    return {
        "requests": len(latencies),
        "seconds": seconds,
        "p50_ms": pct(50),
        "p90_ms": pct(90),
        "p99_ms": pct(99),
        "max_ms": latencies[-1] * 1000,
        "errors": errors,
        "non_2xx": non_2xx,
        "mean_ms": statistics.fmean(latencies) * 1000,
    }


# ---------------------------------------------------------------------------------------------


def bench_one(label: str, env: dict[str, str], args, tmp: Path, cwd: Path | None = None) -> Result:
    """One measured run of the code in ``cwd`` (another checkout; this one by default)."""
    log(f"{label}: migrating and creating the user and token")
    token = prepare(env, cwd)
    server = Server(env, args.workers, args.blocking_threads,
                    tmp / f"granian-{re.sub(r'[^A-Za-z0-9]+', '-', label)}.log", cwd=cwd)
    try:
        server.wait_ready()
        sanity_check(server.port, token)
        use_wrk = not args.rate and (args.loadgen == "wrk" or (args.loadgen == "auto" and shutil.which("wrk")))
        lua = tmp / "report.lua"
        lua.write_text(WRK_LUA)

        def load(seconds: float) -> dict:
            if use_wrk:
                return run_wrk(server.port, token, seconds, args.connections, args.threads, lua)
            return run_python_loadgen(server.port, token, seconds, args.connections, args.threads, args.rate)

        log(f"{label}: warming up for {args.warmup:g}s on port {server.port}")
        if args.warmup > 0:
            load(args.warmup)
        log(f"{label}: measuring for {args.duration:g}s with {args.connections} connections")
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        before = proc_table()
        busy_before = busy_cpu_seconds()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        figures = load(args.duration)
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        busy_after = busy_cpu_seconds()
        after = proc_table()
        connections = pg_connections(args.postgres, args.pg_database) if label.startswith("PostgreSQL") else None
        result = Result(
            database=label,
            loadgen="wrk" if use_wrk else "python",
            requests=figures["requests"],
            seconds=figures["seconds"],
            p50_ms=figures["p50_ms"],
            p90_ms=figures["p90_ms"],
            p99_ms=figures["p99_ms"],
            max_ms=figures["max_ms"],
            errors=figures["errors"],
            non_2xx=figures["non_2xx"],
            server_cpu_s=tree_cpu(after, server.proc.pid) - tree_cpu(before, server.proc.pid),
            db_cpu_s=name_cpu(after, "postgres") - name_cpu(before, "postgres"),
            # wrk (or the Python children) has been reaped by now; the server has not.
            loadgen_cpu_s=(children_after.ru_utime + children_after.ru_stime)
            - (children_before.ru_utime + children_before.ru_stime),
            load_before=load_before,
            db_connections=connections,
        )
        ours = result.server_cpu_s + result.db_cpu_s + result.loadgen_cpu_s
        result.other_cpu_s = max(0.0, (busy_after - busy_before) - ours)
        # The server must still answer after the run.
        sanity_check(server.port, token)
        return result
    finally:
        server.stop()


def markdown(results: list[Result], args) -> str:
    lines = [
        f"`GET {PATH}` with `Authorization: Bearer …`, granian WSGI `--workers {args.workers}`, "
        f"{args.connections} connections ({args.threads} load-generator threads), {args.duration:g} s after a "
        f"{args.warmup:g} s warm-up"
        + (f", granian `--blocking-threads {args.blocking_threads}`" if args.blocking_threads else "")
        + (f"; **{args.rate:g} requests/s offered**, paced (latency from when each request was due)"
           if args.rate else "")
        + ".",
        "",
        "| database | load generator | requests | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) "
        "| errors | non-2xx | server CPU ms/req | PostgreSQL CPU ms/req | load-gen CPU ms/req |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:

        def per(seconds: float, r: Result = r) -> str:
            return f"{seconds * 1000 / r.requests:.2f}" if r.requests else "–"

        lines.append(
            f"| {r.database} | {r.loadgen} | {r.requests:,} | {r.rps:,.0f} | {r.p50_ms:.1f} | {r.p90_ms:.1f} "
            f"| {r.p99_ms:.1f} | {r.max_ms:.1f} | {r.errors} | {r.non_2xx} | {per(r.server_cpu_s)} "
            f"| {per(r.db_cpu_s) if r.database.startswith('PostgreSQL') else '–'} | {per(r.loadgen_cpu_s)} |"
        )
    lines.append("")
    lines.append(f"Machine: {machine_description()}.")
    for r in results:
        available = (os.cpu_count() or 1) * r.seconds
        lines.append(
            f"{r.database}: load average {r.load_before:.2f} before the run; CPU used during the run: "
            f"server {r.server_cpu_s:.1f} s, PostgreSQL {r.db_cpu_s:.1f} s, load generator "
            f"{r.loadgen_cpu_s:.1f} s, everything else on the machine {r.other_cpu_s:.1f} s "
            f"(of {available:.0f} CPU-seconds available)"
            + (f"; {r.db_connections} PostgreSQL connections open at the end." if r.db_connections else ".")
        )
    return "\n".join(lines)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=15.0, help="measured seconds (default 15)")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds (default 3)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="offer this many requests a second in all, paced, with latency counted from "
                             "when each request was due (the Python load generator; default: as fast as "
                             "the server answers)")
    parser.add_argument("--threads", type=int, default=2,
                        help="wrk threads, or Python load-generator processes (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="granian worker processes (default 2)")
    parser.add_argument("--blocking-threads", type=int, default=None,
                        help="granian --blocking-threads per worker (default: granian's own)")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("DATABASE_URL") or None,
                        help="PostgreSQL server to also benchmark on (default: $DATABASE_URL)")
    parser.add_argument("--pg-database", default="hearthside_bench",
                        help="database created (and dropped) for the run (default hearthside_bench)")
    parser.add_argument("--skip-sqlite", action="store_true", help="only benchmark PostgreSQL")
    parser.add_argument("--old", metavar="DIR",
                        help="another checkout of the project (the old code), measured in turn with this one")
    parser.add_argument("--rounds", type=int, default=1,
                        help="runs of each checkout per database (default 1; with --old, try 2)")
    parser.add_argument("--loadgen", choices=["auto", "wrk", "python"], default="auto",
                        help="load generator (default: wrk if installed, else Python)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory and database")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    if not 0 < args.duration <= 600 or not 0 <= args.warmup <= 120:
        parser.error("--duration must be in (0, 600] and --warmup in [0, 120] seconds")
    if not 1 <= args.connections <= 1024 or not 1 <= args.threads <= 64 or not 1 <= args.workers <= 64:
        parser.error("--connections 1..1024, --threads 1..64, --workers 1..64")
    if not 1 <= args.rounds <= 10:
        parser.error("--rounds 1..10")
    if args.old and not (Path(args.old) / "manage.py").is_file():
        parser.error(f"--old {args.old}: not a checkout of the project (no manage.py)")
    if args.threads > args.connections:
        parser.error("--threads cannot exceed --connections")
    if args.postgres and urlparse(args.postgres).scheme not in {"postgres", "postgresql"}:
        if args.postgres == os.environ.get("DATABASE_URL"):
            log("DATABASE_URL is not a PostgreSQL URL; benchmarking SQLite only")
            args.postgres = None
        else:
            parser.error("--postgres takes a postgres:// URL")
    if args.postgres:
        pg_host = urlparse(args.postgres).hostname or ""
        if pg_host not in {"127.0.0.1", "localhost", "::1", ""}:
            parser.error("the benchmark only talks to a PostgreSQL on this machine (127.0.0.1)")
    if args.skip_sqlite and not args.postgres:
        parser.error("--skip-sqlite needs --postgres URL or DATABASE_URL")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_loadgen-child"]:
        _loadgen_child(*json.loads(argv[1]))
        return 0
    args = parse_args(argv)
    if args.loadgen == "wrk" and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk), or use --loadgen python")
    results: list[Result] = []
    tmp = Path(tempfile.mkdtemp(prefix="hearthside-bench-"))
    log(f"temporary directory {tmp}")
    # With --old, each round measures both checkouts, in turn (the order flips every round, so
    # neither always runs first on a machine whose load drifts); each run gets a fresh database.
    sides: list[tuple[str, Path | None]] = [("", None)]
    if args.old:
        sides = [(" (old)", Path(args.old).resolve()), (" (new)", None)]
    runs = 0
    try:
        for round_no in range(args.rounds):
            for suffix, cwd in sides if round_no % 2 == 0 else list(reversed(sides)):
                runs += 1
                if not args.skip_sqlite:
                    var = tmp / f"sqlite-{runs}"
                    var.mkdir()
                    results.append(bench_one("SQLite" + suffix, base_env(var), args, tmp, cwd))
        try:
            for round_no in range(args.rounds if args.postgres else 0):
                for suffix, cwd in sides if round_no % 2 == 0 else list(reversed(sides)):
                    runs += 1
                    var = tmp / f"postgres-{runs}"
                    var.mkdir()
                    pg_admin(args.postgres, args.pg_database, drop=True, create=True)
                    env = base_env(var)
                    env["DATABASE_URL"] = with_database(args.postgres, args.pg_database)
                    results.append(bench_one("PostgreSQL" + suffix, env, args, tmp, cwd))
        finally:
            if args.postgres and not args.keep:
                pg_admin(args.postgres, args.pg_database, drop=True, create=False)
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(markdown(results, args))
    if args.json:
        Path(args.json).write_text(json.dumps(
            [{**r.__dict__, "rps": r.rps} for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
