#!/usr/bin/env python
"""Benchmark self-help under load: a check-in write (POST /api/v1/selfcare/checkins) and the
insights read behind the dashboard (GET /api/v1/selfcare/insights?days=30), for a person with
10,000 check-ins of history, served the deployed way (granian WSGI, 2 workers) and driven by wrk
from a separate process. SQLite always; PostgreSQL with --postgres URL (or DATABASE_URL).

    .venv/bin/python bench/bench_selfcare.py [--duration 10] [--connections 16] [--postgres URL]

Needs wrk (apt-get install wrk). Only 127.0.0.1 is contacted; every run is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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

POST_LUA = base.WRK_LUA + """
wrk.method = "POST"
wrk.body = '{"mood": 6, "emotions": ["calm"], "activities": ["walk"], "sleep_hours": 7, "note": "benchmark"}'
wrk.headers["Content-Type"] = "application/json"
"""


def wrk(port: int, token: str, path: str, lua: Path, duration: float, connections: int) -> dict:
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{max(1, round(duration))}s", "--timeout", "10s",
           "-s", str(lua), "-H", f"Authorization: Bearer {token}", f"http://{base.HOST}:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    match = re.search(r"BENCH_JSON (\{.*\})", out)
    if not match:
        raise SystemExit(f"wrk printed no result:\n{out[-2000:]}")
    data = json.loads(match.group(1))
    seconds = data["duration_us"] / 1e6
    errors = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return {"rps": data["requests"] / seconds, "p50": data["p50_us"] / 1000, "p99": data["p99_us"] / 1000,
            "errors": errors, "requests": data["requests"]}


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--postgres", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk); skipping the self-help benchmark")
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="hs-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if not args.skip_sqlite:
            rows += bench("SQLite", base.base_env(tmp / "sqlite"), args, tmp)
        if args.postgres:
            base.pg_admin(args.postgres, "hearthside_bench", drop=True, create=True)
            env = base.base_env(tmp / "pg")
            env["DATABASE_URL"] = base.with_database(args.postgres, "hearthside_bench")
            try:
                rows += bench("PostgreSQL", env, args, tmp)
            finally:
                base.pg_admin(args.postgres, "hearthside_bench", drop=True, create=False)
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
