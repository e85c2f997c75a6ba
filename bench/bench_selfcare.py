#!/usr/bin/env python
"""Benchmark self-help under load: a check-in write (POST /api/v1/selfcare/checkins) and the
insights read behind the dashboard (GET /api/v1/selfcare/insights?days=30), for a person with
10,000 check-ins of history, served the deployed way (granian WSGI, 2 workers) and driven by wrk
from a separate process. SQLite always; PostgreSQL with --postgres URL (or DATABASE_URL).

    .venv/bin/python bench/bench_selfcare.py [--duration 10] [--connections 16] [--postgres URL]

With --old-tree: the code before measured beside this tree, alternated round by round, each on its
own database and server, with the servers' CPU per request and the load average: the 30-day read
and the check-in write on the 10,000 check-ins of history, or with --year a year of daily history
instead (365 days, 1 to 3 check-ins a day) and the insights read only (the API's 30 and 365 days,
and the signed-in insights page of 365 days; every answer and page of both codes compared):

    git worktree add /tmp/old-insights <commit>
    .venv/bin/python bench/bench_selfcare.py --old-tree /tmp/old-insights [--rounds 3] [--year] \
        [--pg-prefix NAME] [--redis redis://127.0.0.1:6379/N]

Needs wrk (apt-get install wrk). Only 127.0.0.1 is contacted; every run is bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as base  # noqa: E402

HISTORY = 10_000
SETUP = """
import random
from datetime import timedelta
from django.utils import timezone
from hearthside.accounts.actions import do_create_token, do_give_consent
from hearthside.accounts.models import User
from hearthside.selfcare.models import CheckIn
user = User.objects.create_user("bench-user", {password!r}, pseudonym="Bench User", country="GB")
for purpose in ("privacy", "health_data"):
    do_give_consent(user, purpose)
rng = random.Random(1)
now = timezone.now()
CheckIn.objects.bulk_create([
    CheckIn(user=user, at=now - timedelta(minutes=53 * i), mood=rng.randint(1, 10),
            emotions=rng.sample(["calm", "tired", "anxious", "hopeful"], 2),
            activities=["walk"] if i % 3 else [], sleep_hours=rng.choice([5, 6, 7, 8]))
    for i in range({history})
], batch_size=1000)
_token, raw = do_create_token(user, "bench", "write", two_factor=False)
print("BENCH_TOKEN", raw)
"""

# A year of daily history: 1 to 3 check-ins a day. ``now`` is the hour, so that the old and the new
# tree, set up a few seconds apart, hold the same history and must give the same answers.
YEAR_SETUP = SETUP.replace("now = timezone.now()", "now = timezone.now().replace(minute=0, second=0, microsecond=0)")
YEAR_SETUP = YEAR_SETUP[:YEAR_SETUP.index("CheckIn.objects.bulk_create")] + """
CheckIn.objects.bulk_create([
    CheckIn(user=user, at=now - timedelta(days=day, hours=rng.randint(0, 22), minutes=rng.randint(0, 59)),
            mood=rng.randint(1, 10), emotions=rng.sample(["calm", "tired", "anxious", "hopeful", "sad"], rng.randint(0, 3)),
            activities=rng.sample(["walk", "friends", "work"], rng.randint(0, 2)),
            sleep_hours=rng.choice([None, 5, 6, 6.5, 7, 8, 9]))
    for day in range(365) for _n in range(rng.randint(1, 3))
], batch_size=1000)
print("BENCH_CHECKINS", CheckIn.objects.filter(user=user).count())
""" + YEAR_SETUP[YEAR_SETUP.index("_token, raw"):] + """
# The insights page is read signed in: a session of the person's, as a log-in leaves it.
from django.conf import settings
from django.test import Client
_client = Client()
_client.force_login(user)
print("BENCH_COOKIE", settings.SESSION_COOKIE_NAME + "=" + _client.cookies[settings.SESSION_COOKIE_NAME].value)
"""
YEAR_PATHS = ["/api/v1/selfcare/insights?days=30", "/api/v1/selfcare/insights?days=365", "/selfcare/insights/?days=365"]
# What differs from one response of a page to the next, whatever the code: its CSRF token, its
# script nonce, the page's device id.
VOLATILE = re.compile(r'(csrfmiddlewaretoken" value|nonce|data-device)="[^"]*"')


def _get(port: int, path: str, token: str, cookie: str) -> tuple[int, bytes]:
    """GET ``path``: the JSON API with the token, a page with the session cookie."""
    if path.startswith("/api/"):
        return base.fetch(port, token, path)
    conn = http.client.HTTPConnection(base.HOST, port, timeout=10)
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def _content(path: str, body: bytes) -> str:
    """What old and new must agree on: the JSON's data, the page's text but for ``VOLATILE``."""
    if path.startswith("/api/"):
        return json.dumps(json.loads(body), sort_keys=True)
    return VOLATILE.sub("", body.decode())

# People writing check-ins of their own, for the write spread over many people (--old-tree): the
# one person's writes all wait for the lock on their day's summary, one after the other.
WRITERS = 16
WRITERS_SETUP = """
writers = []
for n in range({writers}):
    writer = User.objects.create_user(f"bench-writer-{{n}}", {password!r}, pseudonym=f"Bench Writer {{n}}", country="GB")
    for purpose in ("privacy", "health_data"):
        do_give_consent(writer, purpose)
    writers.append(do_create_token(writer, "bench", "write", two_factor=False)[1])
print("BENCH_WRITERS", ",".join(writers))
"""


def many_writers_lua(tokens: list[str]) -> str:
    """wrk's script for check-in writes, each request by one of ``tokens``' people, at random."""
    listed = ", ".join(f'"{token}"' for token in tokens)
    return base.WRK_LUA + """
local tokens = {""" + listed + """}
local body = '{"mood": 6, "emotions": ["calm"], "activities": ["walk"], "sleep_hours": 7, "note": "benchmark"}'
request = function()
  local token = tokens[math.random(#tokens)]
  return wrk.format("POST", nil, {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
"""


POST_LUA = base.WRK_LUA + """
wrk.method = "POST"
wrk.body = '{"mood": 6, "emotions": ["calm"], "activities": ["walk"], "sleep_hours": 7, "note": "benchmark"}'
wrk.headers["Content-Type"] = "application/json"
"""


def wrk(port: int, token: str, path: str, lua: Path, duration: float, connections: int, cookie: str = "") -> dict:
    """``cookie``: a page read signed in (the session's cookie instead of the token)."""
    auth = f"Cookie: {cookie}" if cookie else f"Authorization: Bearer {token}"
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{max(1, round(duration))}s", "--timeout", "10s",
           "-s", str(lua), "-H", auth, f"http://{base.HOST}:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    match = re.search(r"BENCH_JSON (\{.*\})", out)
    if not match:
        raise SystemExit(f"wrk printed no result:\n{out[-2000:]}")
    data = json.loads(match.group(1))
    seconds = data["duration_us"] / 1e6
    errors = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return {"rps": data["requests"] / seconds, "p50": data["p50_us"] / 1000, "p99": data["p99_us"] / 1000,
            "errors": errors, "requests": data["requests"]}


def _stop(servers: dict, label: str, args, databases: list[str]) -> None:
    for server in servers.values():
        server.stop()
    if label == "PostgreSQL":
        for name in databases:
            base.pg_admin(args.postgres, name, drop=True, create=False)


def _print_machine(started: str, load_before) -> None:
    load_after = os.getloadavg()
    print(f"\nMachine: {base.machine_description()}")
    print(f"Started {started}; load average {load_before[0]:.1f} / {load_before[1]:.1f} / {load_before[2]:.1f} "
          f"before, {load_after[0]:.1f} / {load_after[1]:.1f} / {load_after[2]:.1f} after")


def _by_run(rows: list[tuple]) -> dict:
    """The rounds of each (database, operation, code), in the order they were first run."""
    table: dict = defaultdict(list)
    for label, op, code, _round, r in rows:
        table[(label, op, code)].append(r)
    return table


def _measured_run(server, token: str, path: str, lua, args, cookie: str = "") -> dict:
    """One wrk run against ``server`` with the load average before it and the server's CPU per
    request (its process tree's, from /proc)."""
    load = os.getloadavg()[0]
    cpu_before = base.tree_cpu(base.proc_table(), server.proc.pid)
    r = wrk(server.port, token, path, lua, args.duration, args.connections, cookie)
    cpu = base.tree_cpu(base.proc_table(), server.proc.pid) - cpu_before
    r.update(cpu_ms=1000 * cpu / max(1, r["requests"]), load=load)
    return r


def bench(label: str, env: dict, args, tmp: Path) -> list[tuple]:
    py = sys.executable
    base.run_checked([py, "manage.py", "migrate", "--noinput", "-v", "0"], env, 600, "migrate")
    out = base.run_checked([py, "manage.py", "shell", "-c",
                            SETUP.format(password="bench-" + os.urandom(8).hex(), history=HISTORY)],
                           env, 600, "creating the history")
    token = re.search(r"BENCH_TOKEN (hs_\S+)", out).group(1)
    server = base.Server(env, 2, 8, tmp / f"granian-{label}.log")
    rows = []
    try:
        server.wait_ready()
        get_lua, post_lua = tmp / "get.lua", tmp / "post.lua"
        get_lua.write_text(base.WRK_LUA)
        post_lua.write_text(POST_LUA)
        status, _body = base.fetch(server.port, token, "/api/v1/selfcare/insights?days=30")
        if status != 200:
            raise SystemExit(f"insights answered {status}")
        wrk(server.port, token, "/api/v1/selfcare/insights?days=30", get_lua, 2, args.connections)  # warm-up
        for name, path, lua in (("dashboard read (insights, 30 days)", "/api/v1/selfcare/insights?days=30", get_lua),
                                ("check-in write", "/api/v1/selfcare/checkins", post_lua)):
            r = wrk(server.port, token, path, lua, args.duration, args.connections)
            rows.append((label, name, r))
    finally:
        server.stop()
    return rows


def year_servers(label: str, trees: dict[str, Path], env_for, tmp: Path) -> tuple[dict, dict, dict, int]:
    """Migrate, fill and start one server per tree; returns (servers, tokens, session cookies, check-ins)."""
    py = sys.executable
    servers, tokens, cookies, checkins = {}, {}, {}, 0
    for code, root in trees.items():
        env = env_for(code)
        base.run_checked([py, "manage.py", "migrate", "--noinput", "-v", "0"], env, 900, f"migrate ({code})", cwd=root)
        out = base.run_checked([py, "manage.py", "shell", "-c", YEAR_SETUP.format(password="bench-" + os.urandom(8).hex())],
                               env, 600, f"creating the history ({code})", cwd=root)
        tokens[code] = re.search(r"BENCH_TOKEN (hs_\S+)", out).group(1)
        cookies[code] = re.search(r"BENCH_COOKIE (\S+)", out).group(1)
        checkins = int(re.search(r"BENCH_CHECKINS (\d+)", out).group(1))
        servers[code] = base.Server(env, 2, 8, tmp / f"granian-{label}-{code}.log", cwd=root)
    return servers, tokens, cookies, checkins


def side_by_side(args, tmp: Path) -> int:
    """Old and new side by side on 10,000 check-ins of history: the 30-day read and the check-in
    write, requests/s and server CPU per request; old and new alternated run by run, every read
    round first. Every write adds a check-in of today, so each write round finds a few thousand more
    in today's summary than the round before (old and new alike, each on its own database)."""
    py = sys.executable
    trees = {"old": Path(args.old_tree).resolve(), "new": base.ROOT}
    databases = [] if args.skip_sqlite else ["SQLite"]
    if args.postgres:
        databases.append("PostgreSQL")
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    get_lua, post_lua = tmp / "get.lua", tmp / "post.lua"
    get_lua.write_text(base.WRK_LUA)
    post_lua.write_text(POST_LUA)
    operations = [("read", "/api/v1/selfcare/insights?days=30", get_lua), ("write", "/api/v1/selfcare/checkins", post_lua),
                  (f"write, {WRITERS} people", "/api/v1/selfcare/checkins", None)]
    rows = []
    for label in databases:
        servers, tokens, writer_luas = {}, {}, {}
        try:
            for code, root in trees.items():
                env = base.base_env(tmp / f"{label}-{code}")
                if label == "PostgreSQL":
                    base.pg_admin(args.postgres, f"{args.pg_prefix}_rw_{code}", drop=True, create=True)
                    env["DATABASE_URL"] = base.with_database(args.postgres, f"{args.pg_prefix}_rw_{code}")
                base.run_checked([py, "manage.py", "migrate", "--noinput", "-v", "0"], env, 900, f"migrate ({code})",
                                 cwd=root)
                password = "bench-" + os.urandom(8).hex()
                out = base.run_checked([py, "manage.py", "shell", "-c", SETUP.format(password=password, history=HISTORY)
                                        + WRITERS_SETUP.format(password=password, writers=WRITERS)],
                                       env, 600, f"history ({code})", cwd=root)
                tokens[code] = re.search(r"BENCH_TOKEN (hs_\S+)", out).group(1)
                writer_luas[code] = tmp / f"writers-{label}-{code}.lua"
                writer_luas[code].write_text(many_writers_lua(re.search(r"BENCH_WRITERS (\S+)", out).group(1).split(",")))
                servers[code] = base.Server(env, 2, 8, tmp / f"granian-{label}-{code}.log", cwd=root)
            for code, server in servers.items():
                server.wait_ready()
                status, _body = base.fetch(server.port, tokens[code], operations[0][1])
                if status != 200:
                    raise SystemExit(f"{code}: insights answered {status}")
                wrk(server.port, tokens[code], operations[0][1], get_lua, 2, args.connections)  # warm-up
            # Every read round before the first write: the writes add thousands of check-ins to today,
            # and past 48 a day on average the read decrypts the check-ins (as it always did).
            for op, path, lua in operations:
                for round_no in range(1, args.rounds + 1):
                    for code, server in servers.items():
                        r = _measured_run(server, tokens[code], path, lua or writer_luas[code], args)
                        rows.append((label, op, code, round_no, r))
                        base.log(f"{label} {op} {code} round {round_no}: {r['rps']:.0f}/s, "
                                 f"{r['cpu_ms']:.2f} ms CPU/request, load {r['load']:.1f}, {r['errors']} errors")
        finally:
            _stop(servers, label, args, [f"{args.pg_prefix}_rw_{code}" for code in trees])
    _print_machine(started, load_before)
    print(f"History: {HISTORY} check-ins; granian WSGI, 2 workers; wrk, 2 threads, {args.connections} connections, "
          f"{args.duration:.0f} s a run; {args.rounds} rounds, old and new alternated\n")
    print("| database | operation | code | requests/s (each round) | CPU ms/request (each round) | load (each round) "
          "| p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---:|---:|---:|")
    table = _by_run(rows)
    for (label, op, code), runs in table.items():
        rps = " · ".join(f"{r['rps']:.0f}" for r in runs)
        cpu = " · ".join(f"{r['cpu_ms']:.2f}" for r in runs)
        load = " · ".join(f"{r['load']:.1f}" for r in runs)
        print(f"| {label} | {op} | {code} | {rps} | {cpu} | {load} | {median(r['p50'] for r in runs):.1f} | "
              f"{median(r['p99'] for r in runs):.1f} | {sum(r['errors'] for r in runs)} |")
    print()
    for label in databases:
        for op, _path, _lua in operations:
            old, new = table[(label, op, "old")], table[(label, op, "new")]
            rps = median(r["rps"] for r in new) / median(r["rps"] for r in old)
            cpu = median(r["cpu_ms"] for r in old) / median(r["cpu_ms"] for r in new)
            print(f"{label}, {op}: new/old requests/s {rps:.2f}×, CPU per request old/new {cpu:.2f}×")
    return 0 if not any(r["errors"] for *_k, r in rows) else 1


def year(args, tmp: Path) -> int:
    """Old and new side by side on a year of daily history: requests/s and server CPU per request."""
    trees = {"new": base.ROOT}
    if args.old_tree:
        trees = {"old": Path(args.old_tree).resolve(), "new": base.ROOT}
    databases = [] if args.skip_sqlite else ["SQLite"]
    if args.postgres:
        databases.append("PostgreSQL")
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    get_lua = tmp / "get.lua"
    get_lua.write_text(base.WRK_LUA)
    rows, same, checkins = [], {}, 0
    for label in databases:
        def env_for(code, label=label):
            env = base.base_env(tmp / f"{label}-{code}")
            if args.redis:  # the cache of production (the new code keeps its insights' answers there)
                env["REDIS_URL"] = args.redis
            if label == "PostgreSQL":
                base.pg_admin(args.postgres, f"{args.pg_prefix}_{code}", drop=True, create=True)
                env["DATABASE_URL"] = base.with_database(args.postgres, f"{args.pg_prefix}_{code}")
            return env

        servers, tokens, cookies, checkins = year_servers(label, trees, env_for, tmp)
        try:
            for code, server in servers.items():
                server.wait_ready()
                # The first read of the new code sums up the days its bulk-inserted history lacks
                # (as a read after an import would); the longest window first covers the other.
                for path in reversed(YEAR_PATHS):
                    status, _body = _get(server.port, path, tokens[code], cookies[code])
                    if status != 200:
                        raise SystemExit(f"{code}: {path} answered {status}")
            for path in YEAR_PATHS:
                # Twice: the new code's second answer is the one it kept.
                bodies = [_content(path, _get(server.port, path, tokens[code], cookies[code])[1])
                          for code, server in servers.items() for _twice in range(2)]
                same[(label, path)] = len(set(bodies)) == 1
                for code, server in servers.items():
                    cookie = "" if path.startswith("/api/") else cookies[code]
                    wrk(server.port, tokens[code], path, get_lua, 2, args.connections, cookie)  # warm-up
            for round_no in range(1, args.rounds + 1):
                for path in YEAR_PATHS:
                    for code, server in servers.items():
                        cookie = "" if path.startswith("/api/") else cookies[code]
                        r = _measured_run(server, tokens[code], path, get_lua, args, cookie)
                        rows.append((label, path, code, round_no, r))
                        base.log(f"{label} {path} {code} round {round_no}: {r['rps']:.0f}/s, "
                                 f"{r['cpu_ms']:.2f} ms CPU/request, load {r['load']:.1f}")
        finally:
            _stop(servers, label, args, [f"{args.pg_prefix}_{code}" for code in trees])
    _print_machine(started, load_before)
    print(f"History: {checkins} check-ins over 365 days (1 to 3 a day); granian WSGI, 2 workers; wrk, 2 threads, "
          f"{args.connections} connections, {args.duration:.0f} s a run; {args.rounds} rounds, "
          f"{' and '.join(trees)} alternated\n")
    print("| database | read | code | requests/s (each round) | CPU ms/request (each round) | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---:|---:|---:|")
    table = _by_run(rows)
    for (label, path, code), runs in table.items():
        rps = " · ".join(f"{r['rps']:.0f}" for r in runs)
        cpu = " · ".join(f"{r['cpu_ms']:.2f}" for r in runs)
        print(f"| {label} | `{path.removeprefix('/api/v1/selfcare/')}` | {code} | {rps} | {cpu} | {median(r['p50'] for r in runs):.1f} | "
              f"{median(r['p99'] for r in runs):.1f} | {sum(r['errors'] for r in runs)} |")
    if "old" in trees:
        print()
        for label in databases:
            for path in YEAR_PATHS:
                old, new = table[(label, path, "old")], table[(label, path, "new")]
                rps = median(r["rps"] for r in new) / median(r["rps"] for r in old)
                cpu = median(r["cpu_ms"] for r in old) / median(r["cpu_ms"] for r in new)
                print(f"{label}, {path}: new/old requests/s {rps:.1f}×, CPU per request old/new {cpu:.1f}×, "
                      f"same answer: {'yes' if same[(label, path)] else 'NO'}")
    return 0 if all(same.values()) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--postgres", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--year", action="store_true", help="a year of daily history; the insights read only")
    parser.add_argument("--old-tree", default="", help="a checkout of the code before, run alternately")
    parser.add_argument("--rounds", type=int, default=3, help="with --old-tree: runs of each code and operation")
    parser.add_argument("--pg-prefix", default="hearthside_bench",
                        help="PostgreSQL databases are named with it (created, then dropped)")
    parser.add_argument("--redis", default="", help="with --year: a Redis URL for the servers' cache (a db of its own)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk); skipping the self-help benchmark")
        return 0
    if args.year:
        with tempfile.TemporaryDirectory(prefix="hs-bench-") as tmpdir:
            return year(args, Path(tmpdir))
    if args.old_tree:
        with tempfile.TemporaryDirectory(prefix="hs-bench-") as tmpdir:
            return side_by_side(args, Path(tmpdir))
    rows = []
    with tempfile.TemporaryDirectory(prefix="hs-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if not args.skip_sqlite:
            rows += bench("SQLite", base.base_env(tmp / "sqlite"), args, tmp)
        if args.postgres:
            base.pg_admin(args.postgres, args.pg_prefix, drop=True, create=True)
            env = base.base_env(tmp / "pg")
            env["DATABASE_URL"] = base.with_database(args.postgres, args.pg_prefix)
            try:
                rows += bench("PostgreSQL", env, args, tmp)
            finally:
                base.pg_admin(args.postgres, args.pg_prefix, drop=True, create=False)
    print(f"\nMachine: {base.machine_description()}")
    print(f"History: {HISTORY} check-ins; granian WSGI, 2 workers; wrk, 2 threads, {args.connections} connections, "
          f"{args.duration:.0f} s\n")
    print("| database | operation | requests/s | p50 (ms) | p99 (ms) | errors |")
    print("|---|---|---:|---:|---:|---:|")
    for label, name, r in rows:
        print(f"| {label} | {name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
