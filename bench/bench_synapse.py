"""Matrix Synapse under the group-chat workload of ``bench_realtime.py`` (``make bench-synapse``).

The comparison side of issue #5. On first run it creates ``var/synapse-venv`` and installs Synapse
from PyPI into it (``matrix-synapse[postgres]``, pinned below, and ``aiohttp`` for the load
clients), then re-runs itself with that interpreter. Per database (``--databases``, PostgreSQL and
SQLite by default) it starts from an empty database (``synapse_bench``, dropped and created
again, or a new SQLite file), writes a config (``var/synapse/``: one client listener on
127.0.0.1, no federation listener, an empty ``federation_domain_whitelist``, every rate limit
raised, a registration shared secret), starts a single Synapse process (the monolith) and, per
room size:

- registers the members through the shared-secret admin API (``/_synapse/admin/v1/register``,
  the HMAC over the nonce is computed here), creates a public room and joins everyone;
- every member runs a long-poll ``/sync`` loop (``since=…&timeout=30000``, with a filter
  uploaded for the member: room timeline only, lazy-loaded members, no presence) from
  ``--client-procs`` client processes;
- a few members (``--senders``) send with ``PUT /_matrix/client/v3/rooms/{room}/send/
  m.room.message/{txnId}`` at an open-loop rate, stepped up through ``--rates`` (fractions
  allowed) until delivery p99 passes one second or anything fails or is lost.

Each message body carries its step, sender, index and send time, as in the Hearthside harness.
Per step: send latency (PUT → 200), delivery latency p50/p95/p99 (send → arrival at each
member, the sender included), deliveries per second, lost (sent and acknowledged but not seen by a
member when the drain time ends), duplicated, out of order (against the room's own order, read
back with ``/messages`` after the step), errors, and CPU of the Synapse process (server cores)
and of its PostgreSQL backends (db cores).

    flock /tmp/bench.lock .venv/bin/python bench/bench_synapse.py \\
        --members 10,50,200 --rates 0.25,0.5,1,2,5,10,20 --databases postgresql,sqlite

Results: a Markdown table per database on stdout and ``var/bench/synapse.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import cpu_seconds, pct, report_step, start_clients, stop_clients, table  # noqa: E402

VENV = ROOT / "var" / "synapse-venv"
WORKDIR = ROOT / "var" / "synapse"
SYNAPSE_REQUIREMENT = "matrix-synapse[postgres]==1.163.2"
CLIENT_REQUIREMENT = "aiohttp>=3.9"
SERVER_NAME = "bench.local"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
PG_DB = "synapse_bench"


# ---------------------------------------------------------------------------------------------
# The virtualenv


def venv_python() -> Path:
    return VENV / "bin" / "python"


def ensure_venv() -> None:
    """Create var/synapse-venv with Synapse and the client library, once."""
    stamp = VENV / ".installed"
    if stamp.exists() and stamp.read_text() == f"{SYNAPSE_REQUIREMENT} {CLIENT_REQUIREMENT}":
        return
    print(f"Installing {SYNAPSE_REQUIREMENT} into {VENV} (first run)…", flush=True)
    base = getattr(sys, "_base_executable", sys.executable)
    if not venv_python().exists():
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    pip = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    subprocess.run(pip + [SYNAPSE_REQUIREMENT, CLIENT_REQUIREMENT], check=True)
    stamp.write_text(f"{SYNAPSE_REQUIREMENT} {CLIENT_REQUIREMENT}")


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


# ---------------------------------------------------------------------------------------------
# Synapse's config, database and process

HIGH = {"per_second": 100000, "burst_count": 100000}


def write_config(database: str, port: int) -> Path:
    """Write homeserver.yaml (as JSON, which YAML reads) and its log config; return its path."""
    WORKDIR.mkdir(parents=True, exist_ok=True)
    secrets_file = WORKDIR / "secrets.json"
    if not secrets_file.exists():
        secrets_file.write_text(json.dumps({k: os.urandom(24).hex() for k in ("shared", "macaroon", "form")}))
    secrets = json.loads(secrets_file.read_text())
    log_config = WORKDIR / "log.yaml"
    log_config.write_text(
        json.dumps(
            {
                "version": 1,
                "formatters": {"plain": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}},
                "handlers": {
                    "file": {
                        "class": "logging.FileHandler",
                        "formatter": "plain",
                        "filename": str(WORKDIR / "homeserver.log"),
                    }
                },
                "root": {"level": "WARNING", "handlers": ["file"]},
                "disable_existing_loggers": False,
            }
        )
    )
    if database == "postgresql":
        db = {
            "name": "psycopg2",
            "args": {
                "user": "postgres",
                "host": "127.0.0.1",
                "port": 5432,
                "database": PG_DB,
                "cp_min": 5,
                "cp_max": 10,
            },
        }
    else:
        db = {"name": "sqlite3", "args": {"database": str(WORKDIR / "homeserver.db")}}
    config = {
        "server_name": SERVER_NAME,
        "pid_file": str(WORKDIR / "homeserver.pid"),
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": db,
        "log_config": str(log_config),
        "media_store_path": str(WORKDIR / "media_store"),
        "signing_key_path": str(WORKDIR / "signing.key"),
        "registration_shared_secret": secrets["shared"],
        "macaroon_secret_key": secrets["macaroon"],
        "form_secret": secrets["form"],
        "report_stats": False,
        "enable_metrics": False,
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "allow_public_rooms_over_federation": False,
        # Registration happens in the set-up only; the cheapest bcrypt keeps it short.
        "bcrypt_rounds": 4,
        "rc_message": HIGH,
        "rc_registration": HIGH,
        "rc_registration_token_validity": HIGH,
        "rc_login": {"address": HIGH, "account": HIGH, "failed_attempts": HIGH},
        "rc_joins": {"local": HIGH, "remote": HIGH},
        "rc_joins_per_room": HIGH,
        "rc_invites": {"per_room": HIGH, "per_user": HIGH, "per_issuer": HIGH},
        "rc_admin_redaction": HIGH,
        "rc_3pid_validation": HIGH,
        "rc_room_creation": HIGH,
        "rc_presence": {"per_user": HIGH},
        "rc_delayed_event_mgmt": HIGH,
        "rc_reports": HIGH,
    }
    path = WORKDIR / "homeserver.yaml"
    path.write_text(json.dumps(config, indent=1))
    return path


def reset_database(database: str) -> None:
    if database == "postgresql":
        subprocess.run(["dropdb", *PG, "--if-exists", PG_DB], check=True)
        subprocess.run(
            ["createdb", *PG, "--encoding=UTF8", "--locale=C", "--template=template0", PG_DB], check=True
        )
    else:
        for suffix in ("", "-wal", "-shm", "-journal"):
            (WORKDIR / f"homeserver.db{suffix}").unlink(missing_ok=True)
    shutil.rmtree(WORKDIR / "media_store", ignore_errors=True)


def db_backend_pids(database: str) -> list[int]:
    if database != "postgresql":
        return []
    out = subprocess.run(
        [
            "psql",
            *PG,
            "-At",
            "-c",
            f"select pid from pg_stat_activity where datname = '{PG_DB}' and pid <> pg_backend_pid()",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [int(x) for x in out.split()]


def start_synapse(config: Path, port: int) -> subprocess.Popen:
    import urllib.request

    base = [sys.executable, "-m", "synapse.app.homeserver", "--config-path", str(config)]
    subprocess.run(base + ["--generate-keys"], check=True, cwd=WORKDIR, capture_output=True)
    server = subprocess.Popen(
        base, cwd=WORKDIR, stdout=subprocess.DEVNULL, stderr=open(WORKDIR / "homeserver.stderr", "w")
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"Synapse exited ({server.returncode}); see {WORKDIR}/homeserver.stderr and .log"
            )
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_matrix/client/versions", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            pass
        time.sleep(0.5)
    server.kill()
    raise SystemExit("Synapse did not answer within 180 s")


def stop_synapse(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# ---------------------------------------------------------------------------------------------
# Set-up over the client-server and admin APIs (in the orchestrating process)


async def _json(resp) -> dict:
    data = await resp.json(content_type=None)
    if resp.status != 200:
        raise RuntimeError(f"{resp.method} {resp.url.path}: {resp.status} {data}")
    return data


async def register(session, base: str, secret: str, username: str) -> dict:
    """Register a user through the shared-secret admin API; return user_id and access_token."""
    async with session.get(f"{base}/_synapse/admin/v1/register") as resp:
        nonce = (await _json(resp))["nonce"]
    password = "bench-" + username
    mac = hmac.new(secret.encode(), digestmod=hashlib.sha1)
    for part in (nonce, username, password):
        mac.update(part.encode())
        mac.update(b"\x00")
    mac.update(b"notadmin")
    body = {
        "nonce": nonce,
        "username": username,
        "displayname": username,
        "password": password,
        "admin": False,
        "mac": mac.hexdigest(),
    }
    async with session.post(f"{base}/_synapse/admin/v1/register", json=body) as resp:
        data = await _json(resp)
    return {"user_id": data["user_id"], "token": data["access_token"]}


async def _setup_room(base: str, secret: str, members: int) -> tuple[str, list[dict]]:
    import aiohttp

    async with aiohttp.ClientSession() as session:
        sem = asyncio.Semaphore(8)

        async def one(i):
            async with sem:
                return await register(session, base, secret, f"bench{members}-{i}")

        users = await asyncio.gather(*(one(i) for i in range(members)))
        owner = {"Authorization": f"Bearer {users[0]['token']}"}
        async with session.post(
            f"{base}/_matrix/client/v3/createRoom",
            headers=owner,
            json={"preset": "public_chat", "visibility": "public", "name": f"Benchmark room of {members}"},
        ) as resp:
            room = (await _json(resp))["room_id"]

        async def join(user):
            async with sem:
                async with session.post(
                    f"{base}/_matrix/client/v3/join/{room}",
                    headers={"Authorization": f"Bearer {user['token']}"},
                    json={},
                ) as resp:
                    await _json(resp)

        await asyncio.gather(*(join(u) for u in users[1:]))
    return room, users


async def _room_order(base: str, token: str, room: str, step_tag: str) -> dict[tuple, int]:
    """The room's order of this run's messages, oldest first, from /messages (newest backwards)."""
    import aiohttp

    keys: list[tuple] = []
    params = {"dir": "b", "limit": "1000", "filter": json.dumps({"types": ["m.room.message"]})}
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {token}"}) as session:
        while True:
            async with session.get(f"{base}/_matrix/client/v3/rooms/{room}/messages", params=params) as resp:
                data = await _json(resp)
            for event in data.get("chunk", []):
                parts = event.get("content", {}).get("body", "").split()
                if len(parts) == 6 and parts[0] == "b" and parts[1] == step_tag:
                    keys.append((int(parts[2]), int(parts[3]), int(parts[4])))
            if not data.get("chunk") or "end" not in data:
                break
            params["from"] = data["end"]
    keys.reverse()
    return {k: n for n, k in enumerate(keys)}


# ---------------------------------------------------------------------------------------------
# Client processes


SYNC_FILTER = {
    "room": {
        "timeline": {"limit": 500, "types": ["m.room.message"]},
        "state": {"lazy_load_members": True},
        "ephemeral": {"types": []},
        "account_data": {"types": []},
    },
    "presence": {"types": []},
    "account_data": {"types": []},
}


def client_main(conn, members: list[dict], base: str, room: str, run: str, drain_s: float) -> None:
    """``members``: {"user_id", "token", "sender": index or None, "senders": count}. Runs steps
    as the orchestrator says ("step", n, rate, count, start_at) until "stop"."""
    asyncio.run(_client(conn, members, base, room, run, drain_s))


async def _client(conn, members, base, room, run, drain_s):
    import aiohttp

    loop = asyncio.get_running_loop()
    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0, force_close=False),
        timeout=aiohttp.ClientTimeout(total=None, sock_connect=30, sock_read=90),
    )
    records = [dict(arrivals=[], lat={}, dups=0, errors=0, limited=0) for _ in members]
    sem = asyncio.Semaphore(10)

    async def prepare(k, member):
        headers = {"Authorization": f"Bearer {member['token']}"}
        async with sem:
            async with session.post(
                f"{base}/_matrix/client/v3/user/{member['user_id']}/filter", headers=headers, json=SYNC_FILTER
            ) as resp:
                filter_id = (await _json(resp))["filter_id"]
            initial = json.dumps({"room": {"timeline": {"limit": 1}}, "presence": {"types": []}})
            async with session.get(
                f"{base}/_matrix/client/v3/sync", headers=headers, params={"filter": initial}
            ) as resp:
                since = (await _json(resp))["next_batch"]
        return headers, filter_id, since

    prepared = await asyncio.gather(*(prepare(k, m) for k, m in enumerate(members)))

    async def syncer(k):
        rec = records[k]
        headers, filter_id, since = prepared[k]
        while True:
            try:
                async with session.get(
                    f"{base}/_matrix/client/v3/sync",
                    headers=headers,
                    params={"since": since, "timeout": "30000", "filter": filter_id},
                ) as resp:
                    data = await resp.json(content_type=None)
                    status = resp.status
            except asyncio.CancelledError:
                raise
            except Exception:
                rec["errors"] += 1
                await asyncio.sleep(0.5)
                continue
            now = time.time()
            if status != 200:
                rec["errors"] += 1
                await asyncio.sleep(0.5)
                continue
            since = data["next_batch"]
            timeline = data.get("rooms", {}).get("join", {}).get(room, {}).get("timeline", {})
            if timeline.get("limited"):
                rec["limited"] += 1
            for event in timeline.get("events", []):
                parts = event.get("content", {}).get("body", "").split()
                if len(parts) != 6 or parts[0] != "b" or parts[1] != run:
                    continue
                key = (int(parts[2]), int(parts[3]), int(parts[4]))
                if key in rec["lat"]:
                    rec["dups"] += 1
                    continue
                rec["lat"][key] = now - float(parts[5])
                rec["arrivals"].append(key)

    syncers = [asyncio.create_task(syncer(k)) for k in range(len(members))]
    acks: dict[tuple, float] = {}
    sent_at: dict[tuple, float] = {}
    send_errors = [0]

    async def send_one(member, key, at):
        delay = at - time.time()
        if delay > 0:
            await asyncio.sleep(delay)
        now = time.time()
        sent_at[key] = now
        body = {"msgtype": "m.text", "body": f"b {run} {key[0]} {key[1]} {key[2]} {now:.6f}"}
        txn = f"{run}-{key[0]}-{key[1]}-{key[2]}"
        try:
            async with session.put(
                f"{base}/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}",
                headers={"Authorization": f"Bearer {member['token']}"},
                json=body,
            ) as resp:
                await resp.read()
                if resp.status == 200:
                    acks[key] = time.time()
                else:
                    send_errors[0] += 1
        except Exception:
            send_errors[0] += 1

    conn.send(("ready", len(members)))
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command[0] == "stop":
            break
        _cmd, step, rate, count, step_s, start_at = command
        for rec in records:
            rec["lat"], rec["arrivals"], rec["dups"], rec["errors"], rec["limited"] = {}, [], 0, 0, 0
        send_errors[0] = 0
        # Message j goes at start_at + j / rate from sender j mod senders (open loop).
        tasks = []
        for member in members:
            if member["sender"] is None:
                continue
            for j in range(member["sender"], count, member["senders"]):
                key = (step, member["sender"], j)
                tasks.append(asyncio.create_task(send_one(member, key, start_at + j / rate)))
        await asyncio.sleep(max(0.0, start_at + step_s + drain_s - time.time()))
        mine = {k: v for k, v in sent_at.items() if k[0] == step}
        conn.send(
            (
                "step",
                {
                    "latencies": [v for rec in records for k, v in rec["lat"].items() if k[0] == step],
                    "arrivals": [[k for k in rec["arrivals"] if k[0] == step] for rec in records],
                    "dups": sum(r["dups"] for r in records),
                    "limited": sum(r["limited"] for r in records),
                    "errors": sum(r["errors"] for r in records) + send_errors[0],
                    "sent": len(mine),
                    "acked": sum(1 for k in mine if k in acks),
                    "unacked": sum(1 for k in mine if k not in acks),
                    "send_latencies": [acks[k] - t for k, t in mine.items() if k in acks],
                },
            )
        )
        for task in tasks:
            task.cancel()
    for task in syncers:
        task.cancel()
    await asyncio.gather(*syncers, return_exceptions=True)
    await session.close()


def out_of_order(arrivals: list[list[tuple]], order: dict[tuple, int]) -> int:
    """Per member, arrivals whose room position is below one already seen (as by sequence number)."""
    count = 0
    for keys in arrivals:
        last = -1
        for key in keys:
            pos = order.get(key)
            if pos is None:
                continue
            if pos < last:
                count += 1
            last = max(last, pos)
    return count


# ---------------------------------------------------------------------------------------------
# The run


def run_room(members: int, args, base: str, secret: str, database: str, server_pid: int) -> list[dict]:
    t0 = time.monotonic()
    room, users = asyncio.run(_setup_room(base, secret, members))
    print(f"  {members} members registered and joined in {time.monotonic() - t0:.0f} s", flush=True)
    senders = min(args.senders, members)
    specs = [{**u, "sender": i if i < senders else None, "senders": senders} for i, u in enumerate(users)]
    chunks = [c for c in (specs[i :: args.client_procs] for i in range(args.client_procs)) if c]
    run = os.urandom(4).hex()  # a fresh transaction-id space and body tag per room
    pipes, workers = start_clients(client_main, chunks, base, room, run, args.drain)
    rows = []
    db_pids = db_backend_pids(database)
    # A first, unreported step warms Synapse's caches for this room.
    for index, rate in enumerate([1.0] + args.rates):
        step_s = max(args.step, args.min_messages / rate) if index else 3.0
        count = max(1, round(rate * step_s))
        start_at = time.time() + 1.0
        for pipe in pipes:
            pipe.send(("step", index, rate, count, step_s, start_at))
        time.sleep(max(0.0, start_at - time.time()))
        # CPU over the sending window and the drain: Synapse keeps answering /sync after the last send.
        client_pids = [w.pid for w in workers]
        cpu0, db0, cl0, w0 = (
            cpu_seconds([server_pid]),
            cpu_seconds(db_pids),
            cpu_seconds(client_pids),
            time.monotonic(),
        )
        parts = [pipe.recv()[1] for pipe in pipes]
        cpu1, db1, cl1, w1 = (
            cpu_seconds([server_pid]),
            cpu_seconds(db_pids),
            cpu_seconds(client_pids),
            time.monotonic(),
        )
        order = asyncio.run(_room_order(base, users[0]["token"], room, run))
        order = {k: n for k, n in order.items() if k[0] == index}
        lat = [x for p in parts for x in p["latencies"]]
        send = [x for p in parts for x in p["send_latencies"]]
        acked = sum(p["acked"] for p in parts)
        delivered = sum(len(a) for p in parts for a in p["arrivals"])
        row = {
            "members": members,
            "offered_rate": int(rate) if rate == int(rate) else rate,
            "step_s": step_s,
            "sent": sum(p["sent"] for p in parts),
            "published": acked,
            "unacked": sum(p["unacked"] for p in parts),
            "deliveries": delivered,
            "deliveries_per_s": delivered / step_s,
            "lost": max(0, acked * members - delivered),
            "duplicated": sum(p["dups"] for p in parts),
            "out_of_order": sum(out_of_order(p["arrivals"], order) for p in parts),
            "errors": sum(p["errors"] for p in parts),
            "limited_syncs": sum(p["limited"] for p in parts),
            "in_room_order": len(order),
            "send_p50_ms": pct(send, 50) * 1000,
            "send_p99_ms": pct(send, 99) * 1000,
            "delivery_p50_ms": pct(lat, 50) * 1000,
            "delivery_p95_ms": pct(lat, 95) * 1000,
            "delivery_p99_ms": pct(lat, 99) * 1000,
            "error_kinds": {},
            "server_cores": (cpu1 - cpu0) / (w1 - w0),
            "client_cores": (cl1 - cl0) / (w1 - w0),
            "db_cores": (db1 - db0) / (w1 - w0) if db_pids else None,
        }
        if report_step(rows, row, index, digits=2):
            break
    stop_clients(pipes, workers)
    return rows


def table_with_db(rows: list[dict]) -> str:
    """The chat harness table (common.table), plus the PostgreSQL backends' cores where measured."""
    lines = table(rows).splitlines()
    if all(r.get("db_cores") is None for r in rows):
        return "\n".join(lines)
    out = [lines[0] + " db cores |", lines[1] + "---|"]
    for line, row in zip(lines[2:], rows, strict=True):
        out.append(line + f" {row['db_cores']:.2f} |")
    return "\n".join(out)


def run_database(database: str, args) -> dict:
    from importlib.metadata import version

    reset_database(database)
    config = write_config(database, args.port)
    secret = json.loads((WORKDIR / "secrets.json").read_text())["shared"]
    base = f"http://127.0.0.1:{args.port}"
    t0 = time.monotonic()
    server = start_synapse(config, args.port)
    print(
        f"Synapse {version('matrix-synapse')} on {database} started in {time.monotonic() - t0:.0f} s",
        flush=True,
    )
    rows: list[dict] = []
    try:
        for members in (int(m) for m in args.members.split(",")):
            rows += run_room(members, args, base, secret, database, server.pid)
    finally:
        stop_synapse(server)
    return {"database": database, "synapse": version("matrix-synapse"), "rows": rows}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", default="10,50,200")
    parser.add_argument("--senders", type=int, default=3)
    parser.add_argument(
        "--rates",
        default="0.25,0.5,1,2,5,10,20",
        help="messages per second in the room, stepped up (fractions allowed)",
    )
    parser.add_argument("--step", type=float, default=5.0, help="seconds of sending per step, at least")
    parser.add_argument(
        "--min-messages", type=int, default=6, help="a slow step lasts long enough to send this many messages"
    )
    parser.add_argument(
        "--drain", type=float, default=4.0, help="seconds to wait for deliveries after a step"
    )
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--out", default=str(ROOT / "var" / "bench" / "synapse.json"))
    args = parser.parse_args(argv)
    if not in_venv():
        ensure_venv()
        os.execv(str(venv_python()), [str(venv_python()), str(Path(__file__).resolve()), *sys.argv[1:]])
    args.rates = [float(r) for r in args.rates.split(",")]
    load_at_start = os.getloadavg()
    results = []
    for database in args.databases.split(","):
        if database not in ("postgresql", "sqlite"):
            raise SystemExit(f"unknown database {database!r}: postgresql or sqlite")
        started = time.monotonic()
        result = run_database(database, args)
        result["seconds"] = time.monotonic() - started
        results.append(result)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "args": vars(args),
                "nproc": os.cpu_count(),
                "loadavg_start": load_at_start,
                "loadavg_end": os.getloadavg(),
                "results": results,
            },
            indent=1,
        )
    )
    for result in results:
        print()
        print(
            f"Matrix Synapse {result['synapse']} (one process), {result['database']}, {args.senders} senders, "
            f"at least {args.step:.0f} s per step ({result['seconds']:.0f} s in all):"
        )
        print(table_with_db(result["rows"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
