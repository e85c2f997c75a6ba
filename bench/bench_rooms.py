"""Many rooms at once: group chat over thousands of sockets (``make bench-rooms``, issue #20).

The target of issue #20: 500 groups of 20 members, 10,000 sockets, 1,000 messages a second in all,
delivery p99 under 100 ms with screening on. ``bench_realtime.py`` measures one room; this
harness measures many small rooms side by side, where the cost is spread over many topics.

It starts its own ASGI server processes, exactly as ``hearthside run`` serves websockets
(``core.asgi_server.uvicorn_command``), on consecutive ports (``--procs``, comma-separated: one
run per count, default 1 and 2; several processes share frames through Redis, so they need
``REDIS_URL``). Set-up, once per invocation on a fresh database: ``--groups`` groups of
``--members`` members (accounts, memberships and write tokens made with ``bulk_create``: no
socket is open yet, so the join's control frame and the token's audit record, which the actions
add, are left out), chat rate limit and slow mode off in every group. Every member then opens one
socket to ``/ws/events/`` with a bearer token (the socket a page opens: the person's events and
their groups' chat), spread over the server processes, from ``--client-procs`` client processes.

``--senders`` members of every group send. The load is open loop: message j of a step leaves at
start + j / rate, from sender j mod (groups × senders), so consecutive messages go to different
groups and every group gets rate / groups messages a second. Each body carries its step, number
and send time, and an everyday sentence (``common.BENIGN``), so screening (crisis, with the
author's history, and abuse) does the work it does in production. Steps go up (``--rates``, total
messages a second) until delivery p99 passes one second, or anything is refused, unacknowledged or
lost.

Per step: messages sent and published (acknowledged "published"), send latency (send → ack),
delivery latency p50/p95/p99 (send → arrival at each member of the group, the sender included),
deliveries per second, lost (published × members − delivered, after ``--drain`` seconds; when a
step lost any, every socket counts again ``--final-wait`` seconds after the last step, to tell late
deliveries from lost ones: "lost_final" in the JSON, "at the end" in the table), duplicated
and out of order (by key and sequence number, per socket), frames of another group on a socket
(counted as errors: a privacy failure), errors by kind, the server processes' CPU (cores busy over
the sending window; ms per delivery and per acknowledged message over the whole step and its
drain), the CPU of the PostgreSQL backends serving the benchmark database ("db cores"; none on
SQLite) and the servers' RSS (with every socket open, and after the step). Also, per run: how long
opening every socket took and its server CPU per socket, and the servers' and database's CPU with
every socket open and nothing sent (``--idle`` seconds, ``--idle-wait`` seconds after the last
socket opened, once their credential re-checks have begun: what open sockets cost on their own).

    .venv/bin/python bench/bench_rooms.py --groups 50 --procs 1 --rates 50,100
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/11 \\
        .venv/bin/python bench/bench_rooms.py --groups 500 --rates 25,50,100,250,500,1000

With ``DATABASE_URL`` set it uses a database of its own on that server (``--pg-database``, dropped
and created, dropped again at the end unless ``--keep-db``); otherwise a SQLite file under
``var/bench/rooms/``. ``--old DIR`` (``git worktree add /tmp/old-hs HEAD``) runs that checkout's
servers too, on the same database and sockets' members, alternating with this one. ``--profile DIR``
runs every server under cProfile (``common.serve_profiled``). Results: a Markdown table on stdout
and ``var/bench/rooms.json``. The clients share the machine with the servers: on a small machine
read the latencies as a floor, and the CPU per message as the servers' own cost.
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
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from common import (  # noqa: E402
    BENIGN,
    base_env,
    cpu_seconds,
    log,
    machine_description,
    pct,
    pg_admin,
    raise_file_limit,
    report_step,
    rss_mib,
    run_client_loop,
    start_clients,
    stop_clients,
    tree_uvicorn_command,
    wait_for_port,
    with_database,
)

PREFIX = "hsrooms"




def db_pids(database: str) -> list[int]:
    """The PostgreSQL backends serving ``database`` now (their CPU is the database's share); none on
    SQLite, which runs inside the servers."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database])
        return [row[0] for row in cursor.fetchall()]


def cpu_by_pid(pids: list[int]) -> dict[int, float]:
    return {pid: cpu_seconds([pid]) for pid in pids}


def cpu_delta(before: dict[int, float], pids: list[int]) -> float:
    """CPU seconds spent since ``before`` by the processes still there (a backend that closed
    its connection in between is left out rather than counted negative)."""
    after = cpu_by_pid(pids)
    return sum(after[pid] - before[pid] for pid in before if after.get(pid, 0.0) >= before[pid] > 0)




# ---------------------------------------------------------------------------------------------
# Set-up (in the orchestrating process, through the ORM)


def setup_rooms(groups: int, members: int) -> list[tuple[str, list[str]]]:
    """``groups`` groups of ``members`` new members each, on an empty database; a write token each.
    Returns [(slug, [token, …]), …]."""
    import secrets

    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from hearthside.accounts.actions import TOKEN_PREFIX, hash_token
    from hearthside.accounts.models import AccessToken, User
    from hearthside.community.models import Group, Membership
    from hearthside.core.names import skeleton

    # One unusable password for all: make_password(None) is a random marker either way, and the
    # members sign in with tokens only.
    unusable = make_password(None)
    with transaction.atomic():
        rows = [Group(slug=f"{PREFIX}-{g}", name=f"Benchmark room {g}", chat_rate_per_minute=10**6,
                      slow_mode_seconds=0) for g in range(groups)]
        Group.objects.bulk_create(rows, batch_size=500)
        group_ids = dict(Group.objects.filter(slug__startswith=f"{PREFIX}-").values_list("slug", "pk"))
        names = [f"{PREFIX}-{g}-{m}" for g in range(groups) for m in range(members)]
        # What ``User.save`` adds (``Pseudonymous``: the pseudonym's skeleton), bulk_create skips.
        User.objects.bulk_create([User(username=n, pseudonym=n, pseudonym_skeleton=skeleton(n)[:80], password=unusable)
                                  for n in names], batch_size=1000)
        user_ids = dict(User.objects.filter(username__startswith=f"{PREFIX}-").values_list("username", "pk"))
        Membership.objects.bulk_create(
            [Membership(group_id=group_ids[f"{PREFIX}-{g}"], user_id=user_ids[f"{PREFIX}-{g}-{m}"])
             for g in range(groups) for m in range(members)], batch_size=1000)
        raw = {n: TOKEN_PREFIX + secrets.token_urlsafe(32) for n in names}
        AccessToken.objects.bulk_create(
            [AccessToken(user_id=user_ids[n], name="bench", token_hash=hash_token(raw[n]), prefix=raw[n][:10],
                         scope="write", two_factor=False) for n in names], batch_size=1000)
    return [(f"{PREFIX}-{g}", [raw[f"{PREFIX}-{g}-{m}"] for m in range(members)]) for g in range(groups)]


# ---------------------------------------------------------------------------------------------
# The servers


class Servers:
    """``procs`` uvicorn processes serving ``tree`` (this checkout, or another commit's) on
    consecutive ports."""

    def __init__(self, tree: Path, env: dict[str, str], procs: int, port: int, log_dir: Path, label: str,
                 profile: str = ""):
        env = dict(env, PYTHONPATH=str(tree))
        self.ports = [port + i for i in range(procs)]
        self.procs: list[subprocess.Popen] = []
        self.stop_timeout = 120 if profile else 20  # a profiled server writes its profile on the way out
        self._logs = []
        for i, p in enumerate(self.ports):
            if profile:
                out = str(Path(profile).resolve() / f"{label}-{procs}procs-server{i}.prof")
                command = [sys.executable, "-c", f"import sys; sys.path[:0] = [{str(tree)!r}, {str(BENCH)!r}]; "
                           f"import common; common.serve_profiled({p}, {out!r})"]
            else:
                command = tree_uvicorn_command(tree, "127.0.0.1", p)
            log_file = open(log_dir / f"rooms-{label}-{i}.log", "wb")  # noqa: SIM115 - closed in stop()
            self._logs.append(log_file)
            # Its own session, so stop() signals this server and nothing else; cwd=tree, so
            # ``hearthside`` is imported from that checkout.
            self.procs.append(subprocess.Popen(command, cwd=tree, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                               start_new_session=True, preexec_fn=raise_file_limit))
        for p in self.ports:
            wait_for_port(p, timeout=90)

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.procs]

    def settle(self, limit: float = 30.0, baseline: float = 0.0) -> None:
        """Wait until the servers are idle (the warm-up thread loads the screener's tables), or
        back to ``baseline`` cores (what their open sockets cost with nothing sent)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            before = cpu_seconds(self.pids)
            time.sleep(1.0)
            if cpu_seconds(self.pids) - before < baseline + 0.05 * len(self.pids):
                return

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:  # open sockets can hold a graceful shutdown up
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        for log_file in self._logs:
            log_file.close()


# ---------------------------------------------------------------------------------------------
# Client processes


def client_main(conn, sockets: list[dict], step_s: float, drain_s: float, concurrency: int) -> None:
    """``sockets``: {"token", "port", "slug", "sender": sender number or None}. Opens every socket,
    then runs steps as the orchestrator says ("step", rate, senders, start_at) until "stop"."""
    run_client_loop(_client, conn, sockets, step_s, drain_s, concurrency)


async def _client(conn, sockets, step_s, drain_s, concurrency):
    from websockets.asyncio.client import connect

    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(concurrency)
    retried: dict[str, int] = {}

    async def open_one(spec):
        for attempt in range(6):
            try:
                async with sem:
                    ws = await connect(f"ws://127.0.0.1:{spec['port']}/ws/events/", max_queue=None,
                                       additional_headers={"Authorization": f"Bearer {spec['token']}"},
                                       open_timeout=60, ping_interval=None, compression=None)
                    hello = json.loads(await asyncio.wait_for(ws.recv(), 60))
                if hello.get("type") != "hello":
                    raise RuntimeError(f"first frame {hello.get('type')}")
                return ws
            except Exception as exc:
                retried[type(exc).__name__] = retried.get(type(exc).__name__, 0) + 1
                await asyncio.sleep(min(4.0, 0.25 * 2**attempt))
        return None  # reported as "failed"; the orchestrator stops the run

    opened_at = time.time()
    conns = await asyncio.gather(*(open_one(s) for s in sockets))
    open_s = time.time() - opened_at
    run = os.urandom(4).hex()  # client ids stay unique across runs (a reused one is a resend)
    # Per socket: latencies and keys of this step, duplicates, out of order, last seq seen.
    records = [dict(lat={}, dups=0, ooo=0, last=0, errors=0) for _ in sockets]
    acks: dict[tuple, float] = {}
    sent_at: dict[tuple, float] = {}
    ack_status: dict[tuple, str] = {}
    error_kinds: dict[str, int] = {}

    def note_error(rec, kind):
        rec["errors"] += 1
        error_kinds[kind] = error_kinds.get(kind, 0) + 1

    async def reader(k, ws):
        rec, slug = records[k], sockets[k]["slug"]
        try:
            async for raw in ws:
                now = time.time()
                frame = json.loads(raw)
                kind = frame.get("type")
                if kind == "chat.message" and "body" in frame:
                    if frame.get("group") != slug:
                        note_error(rec, "frame of another group")
                        continue
                    parts = frame["body"].split(maxsplit=4)
                    key = (int(parts[1]), int(parts[2]))
                    if key in rec["lat"]:
                        rec["dups"] += 1
                        continue
                    seq = frame["seq"]
                    if seq < rec["last"]:
                        rec["ooo"] += 1
                    rec["last"] = max(rec["last"], seq)
                    rec["lat"][key] = now - float(parts[3])
                elif kind == "chat.ack":
                    key = tuple(int(x) for x in frame["client_id"].partition(".")[2].split("-"))
                    acks[key] = now
                    ack_status[key] = frame.get("status")
                elif kind == "error":
                    note_error(rec, f"error frame: {frame.get('code')}")
        except Exception as exc:
            note_error(rec, f"socket: {type(exc).__name__}")

    readers = [asyncio.create_task(reader(k, ws)) for k, ws in enumerate(conns) if ws is not None]

    async def sender(k, rate, senders, step, start_at):
        """Messages j ≡ this sender's number (mod senders) of the step's rate × step_s, each at
        start_at + j / rate."""
        ws, me = conns[k], sockets[k]["sender"]
        total = int(rate * step_s)
        for j in range(me, total, senders):
            delay = start_at + j / rate - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            now = time.time()
            key = (step, j)
            sent_at[key] = now
            body = f"b {step} {j} {now:.6f} {BENIGN[j % len(BENIGN)]}"
            try:
                await ws.send(json.dumps({"type": "chat.send", "group": sockets[k]["slug"],
                                          "client_id": f"{run}.{step}-{j}", "body": body}))
            except Exception as exc:
                note_error(records[k], f"send: {type(exc).__name__}")

    opened = {"sockets": len(conns), "open_s": open_s, "retried": dict(retried),
              "failed": sum(ws is None for ws in conns)}
    conn.send(("ready", opened))
    step = 0
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command[0] == "stop":
            break
        if command[0] == "opened":  # how opening went (start_clients keeps only "ready")
            conn.send(("opened", opened))
            continue
        if command[0] == "final":  # every step's deliveries so far, late ones included
            arrived: dict[int, int] = {}
            for rec in records:
                for key in rec["lat"]:
                    arrived[key[0]] = arrived.get(key[0], 0) + 1
            conn.send(("final", arrived))
            continue
        _cmd, rate, senders, start_at = command
        cpu_start = time.process_time()
        for rec in records:  # "lat" is kept across steps: a late frame is still no duplicate
            rec["dups"], rec["ooo"], rec["errors"] = 0, 0, 0
        error_kinds.clear()
        tasks = [asyncio.create_task(sender(k, rate, senders, step, start_at))
                 for k, s in enumerate(sockets) if s["sender"] is not None]
        await asyncio.gather(*tasks)
        await asyncio.sleep(max(0.0, start_at + step_s + drain_s - time.time()))
        mine = {k: v for k, v in sent_at.items() if k[0] == step}
        conn.send(("step", {
            # Late frames of an earlier step are not this step's deliveries.
            "latencies": [v for rec in records for k, v in rec["lat"].items() if k[0] == step],
            "received": sum(1 for rec in records for k in rec["lat"] if k[0] == step),
            "dups": sum(r["dups"] for r in records), "ooo": sum(r["ooo"] for r in records),
            "errors": sum(r["errors"] for r in records), "error_kinds": dict(error_kinds),
            "cpu_s": time.process_time() - cpu_start,
            "sent": len(mine),
            "published": sum(1 for k in mine if ack_status.get(k) == "published"),
            "unacked": sum(1 for k in mine if k not in acks),
            "send_latencies": [acks[k] - t for k, t in mine.items() if k in acks],
        }))
        step += 1
    for task in readers:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in conns if ws is not None), return_exceptions=True)


# ---------------------------------------------------------------------------------------------
# The run


def run_steps(rooms, servers: Servers, label: str, args) -> list[dict]:
    members = len(rooms[0][1])
    senders_per_group = min(args.senders, members)
    senders = len(rooms) * senders_per_group
    specs = []
    for g, (slug, tokens) in enumerate(rooms):
        for m, token in enumerate(tokens):
            # Sender number k × groups + g: consecutive messages go to consecutive groups.
            specs.append({"token": token, "slug": slug, "port": servers.ports[len(specs) % len(servers.ports)],
                          "sender": m * len(rooms) + g if m < senders_per_group else None})
    chunks = [c for c in (specs[i::args.client_procs] for i in range(args.client_procs)) if c]
    rss_before = rss_mib(servers.pids)
    cpu0, t0 = cpu_seconds(servers.pids), time.time()
    log(f"{label}: opening {len(specs):,} sockets on {len(servers.ports)} server process(es)")
    pipes, workers = start_clients(client_main, chunks, args.step, args.drain, args.concurrency)
    open_s, open_cpu = time.time() - t0, cpu_seconds(servers.pids) - cpu0
    for pipe in pipes:
        pipe.send(("opened",))
    ready = [pipe.recv()[1] for pipe in pipes]
    failed = sum(r["failed"] for r in ready)
    if failed:
        stop_clients(pipes, workers)
        raise SystemExit(f"{label}: {failed} of {len(specs):,} sockets could not open after 6 tries "
                         f"(retries by kind: {[r['retried'] for r in ready]})")
    log(f"{label}: {len(specs):,} sockets open in {open_s:.1f} s, server CPU {open_cpu * 1000 / len(specs):.2f} ms each")
    # Every socket re-checks its credentials every REALTIME_AUTH_RECHECK_SECONDS (60) × 0.8–1.2,
    # the first time 48–72 s after it opened: the steps (and the idle measurement) run once that
    # steady state is reached, as on a site whose sockets stay open.
    log(f"{label}: waiting {args.idle_wait:.0f} s for the sockets' steady state")
    time.sleep(max(2.0, args.idle_wait))
    rss_open = rss_mib(servers.pids)
    # Every socket open, nothing sent: what the open sockets cost on their own (credential
    # re-checks, presence heartbeats).
    database = args.pg_database
    dbp = db_pids(database)
    cpu0, db0, m0 = cpu_seconds(servers.pids), cpu_by_pid(dbp), time.monotonic()
    time.sleep(args.idle)
    idle_cores = (cpu_seconds(servers.pids) - cpu0) / (time.monotonic() - m0)
    idle_db_cores = cpu_delta(db0, dbp) / (time.monotonic() - m0)
    log(f"{label}: idle with every socket open: server {idle_cores:.2f} cores, database {idle_db_cores:.2f}")
    common = {"tree": label, "procs": len(servers.ports), "groups": len(rooms), "members": members,
              "sockets": len(specs), "senders": senders, "open_s": open_s,
              "open_cpu_ms": open_cpu * 1000 / len(specs), "rss_before_mib": rss_before, "rss_open_mib": rss_open,
              "idle_cores": idle_cores, "idle_db_cores": idle_db_cores}
    rows: list[dict] = []
    try:
        # A first, unreported step: the servers load the screening tables on first use.
        for index, rate in enumerate([min(20, args.rates[0])] + args.rates):
            start_at = time.time() + 1.0
            for pipe in pipes:
                pipe.send(("step", rate, senders, start_at))
            time.sleep(max(0.0, start_at - time.time()))
            load = os.getloadavg()[0]
            dbp = db_pids(database)
            cpu0, db0, m0 = cpu_seconds(servers.pids), cpu_by_pid(dbp), time.monotonic()
            time.sleep(max(0.0, start_at + args.step + 0.5 - time.time()))
            cpu1, db_s, m1 = cpu_seconds(servers.pids), cpu_delta(db0, dbp), time.monotonic()
            parts = [pipe.recv()[1] for pipe in pipes]
            cpu2, m2 = cpu_seconds(servers.pids), time.monotonic()
            lat = [x for p in parts for x in p["latencies"]]
            send = [x for p in parts for x in p["send_latencies"]]
            sent = sum(p["sent"] for p in parts)
            handled = sent - sum(p["unacked"] for p in parts)  # acknowledged: screened and stored
            published = sum(p["published"] for p in parts)
            delivered = sum(p["received"] for p in parts)
            kinds: dict[str, int] = {}
            for p in parts:
                for k, n in p["error_kinds"].items():
                    kinds[k] = kinds.get(k, 0) + n
            row = dict(common, **{
                "step": index, "offered_rate": rate, "sent": sent, "published": published,
                "unacked": sum(p["unacked"] for p in parts),
                "deliveries": delivered, "deliveries_per_s": delivered / args.step,
                "lost": max(0, published * members - delivered), "duplicated": sum(p["dups"] for p in parts),
                "out_of_order": sum(p["ooo"] for p in parts), "errors": sum(p["errors"] for p in parts),
                "error_kinds": kinds,
                "send_p50_ms": pct(send, 50) * 1000, "send_p99_ms": pct(send, 99) * 1000,
                "delivery_p50_ms": pct(lat, 50) * 1000, "delivery_p95_ms": pct(lat, 95) * 1000,
                "delivery_p99_ms": pct(lat, 99) * 1000, "delivery_max_ms": max(lat, default=float("nan")) * 1000,
                "server_cores": (cpu1 - cpu0) / (m1 - m0),
                "server_ms_per_delivery": (cpu2 - cpu0) * 1000 / delivered if delivered else float("nan"),
                "server_ms_per_message": (cpu2 - cpu0) * 1000 / handled if handled else float("nan"),
                # Less what the open sockets cost with nothing sent (credential re-checks): the
                # messages' own cost.
                "server_ms_per_message_net": max(0.0, cpu2 - cpu0 - idle_cores * (m2 - m0)) * 1000 / handled
                if handled else float("nan"),
                "db_cores": db_s / (m1 - m0),
                "client_cores": sum(p["cpu_s"] for p in parts) / (args.step + args.drain + 1.0),
                "rss_mib": rss_mib(servers.pids), "load_1m": load,
            })
            if report_step(rows, row, index):
                break
            if index == 0 and row["unacked"]:
                log(f"{label}: the warm-up step left {row['unacked']} messages waiting; letting them drain")
                servers.settle(limit=60, baseline=idle_cores)
        if any(r["lost"] for r in rows):
            # Lost by the end of a step's drain: late, or never delivered? Wait, then count again.
            time.sleep(args.final_wait)
            for pipe in pipes:
                pipe.send(("final",))
            finals = [pipe.recv()[1] for pipe in pipes]
            for r in rows:
                arrived = sum(f.get(r["step"], 0) for f in finals)
                r["lost_final"] = max(0, r["published"] * members - arrived)
                log(f"{label}: {r['offered_rate']} msg/s: {r['lost']} not delivered within the drain, "
                    f"{r['lost_final']} still missing {args.final_wait:.0f} s later")
    finally:
        stop_clients(pipes, workers)
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| tree | procs | sockets | offered msg/s | sent | deliveries/s | send p50 / p99 ms "
             "| delivery p50 / p95 / p99 ms | lost / dup / ooo | errors | server cores "
             "| server ms/msg (net of idle) | server ms/delivery | db cores | idle cores | client cores | RSS MiB | load |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lost_final = f" ({r['lost_final']} at the end)" if "lost_final" in r else ""
        lines.append(
            f"| {r['tree']} | {r['procs']} | {r['sockets']:,} | {r['offered_rate']:,} | {r['sent']:,} "
            f"| {r['deliveries_per_s']:,.0f} | {r['send_p50_ms']:.0f} / {r['send_p99_ms']:.0f} "
            f"| {r['delivery_p50_ms']:.0f} / {r['delivery_p95_ms']:.0f} / {r['delivery_p99_ms']:,.0f} "
            f"| {r['lost']}{lost_final} / {r['duplicated']} / {r['out_of_order']} | {r['errors'] + r['unacked']} "
            f"| {r['server_cores']:.2f} | {r['server_ms_per_message']:.2f} ({r['server_ms_per_message_net']:.2f}) | {r['server_ms_per_delivery']:.3f} "
            f"| {r['db_cores']:.2f} | {r['idle_cores']:.2f} | {r['client_cores']:.2f} | {r['rss_mib']:.0f} | {r['load_1m']:.1f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--members", type=int, default=20, help="members per group, one socket each")
    parser.add_argument("--senders", type=int, default=2, help="members of each group who send")
    parser.add_argument("--rates", default="25,50,100,250,500,1000", help="total messages a second, per step")
    parser.add_argument("--step", type=float, default=10.0, help="seconds of sending per step")
    parser.add_argument("--drain", type=float, default=3.0, help="seconds to wait for deliveries after a step")
    parser.add_argument("--idle", type=float, default=5.0,
                        help="seconds with every socket open and nothing sent, measured before the steps")
    parser.add_argument("--idle-wait", type=float, default=75.0,
                        help="seconds between the last socket's opening and the idle measurement "
                             "(the first credential re-checks come 48-72 s after a socket opens)")
    parser.add_argument("--final-wait", type=float, default=15.0,
                        help="seconds to wait before counting again, when a step lost messages")
    parser.add_argument("--procs", default="1,2", help="ASGI server processes, one run per count (e.g. 1,2)")
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=50, help="handshakes in flight per client process")
    parser.add_argument("--port", type=int, default=8780)
    parser.add_argument("--old", default="", help="another checkout to run side by side (e.g. /tmp/old-hs)")
    parser.add_argument("--tree", default=str(ROOT), help="the checkout to measure (default: this one)")
    parser.add_argument("--pg-database", default="hs_rooms")
    parser.add_argument("--keep-db", action="store_true", help="leave the PostgreSQL database in place")
    parser.add_argument("--profile", default="", help="directory for the servers' cProfile output")
    parser.add_argument("--out", default=str(ROOT / "var" / "bench" / "rooms.json"))
    args = parser.parse_args(argv)
    args.rates = [int(r) for r in args.rates.split(",")]
    procs_list = [int(p) for p in args.procs.split(",")]
    # Killed (e.g. by `timeout`): exit through the `finally` blocks that stop the servers and clients.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
    if not os.environ.get("REDIS_URL") and any(p > 1 for p in procs_list):
        log("several server processes share frames through Redis: REDIS_URL is not set, so one process only")
        procs_list = [p for p in procs_list if p == 1] or [1]
    sockets = args.groups * args.members
    limit = raise_file_limit()
    if sockets + 200 > limit:
        raise SystemExit(f"{sockets:,} sockets need more open files than the limit allows ({limit})")

    var = ROOT / "var" / "bench" / "rooms"
    var.mkdir(parents=True, exist_ok=True)
    env = base_env(var)
    pg_url = os.environ.get("DATABASE_URL", "")
    if pg_url:
        pg_admin(pg_url, args.pg_database, drop=True, create=True)
        env["DATABASE_URL"] = with_database(pg_url, args.pg_database)
    else:
        env["HEARTHSIDE_SQLITE_PATH"] = str(var / "rooms.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            Path(env["HEARTHSIDE_SQLITE_PATH"] + suffix).unlink(missing_ok=True)
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    vendor = connection.vendor
    rows: list[dict] = []
    try:
        t0 = time.time()
        call_command("migrate", verbosity=0)
        log(f"migrated in {time.time() - t0:.1f} s; creating {args.groups} groups × {args.members} members")
        t0 = time.time()
        rooms = setup_rooms(args.groups, args.members)
        connection.close()
        setup_s = time.time() - t0
        log(f"set up in {setup_s:.1f} s")
        if args.profile:
            Path(args.profile).mkdir(parents=True, exist_ok=True)
        trees = [("new", Path(args.tree).resolve())]
        if args.old:
            trees.append(("old", Path(args.old).resolve()))
        for procs in procs_list:
            for label, tree in trees:
                servers = Servers(tree, env, procs, args.port, var, label, args.profile)
                try:
                    servers.settle()
                    rows += run_steps(rooms, servers, label, args)
                finally:
                    servers.stop()
    finally:
        connection.close()
        if pg_url and not args.keep_db:
            pg_admin(pg_url, args.pg_database, drop=True, create=False)
    print()
    print(f"Hearthside, {args.groups} groups × {args.members} members ({sockets:,} sockets), {args.senders} senders "
          f"a group, {vendor}, Redis {'on' if os.environ.get('REDIS_URL') else 'off'}, {args.step:.0f} s per step, "
          f"{args.client_procs} client processes; set-up {setup_s:.1f} s; {machine_description()}")
    print(table(rows))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"args": vars(args), "machine": machine_description(), "setup_s": setup_s,
                               "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
