"""Load harness for Hearthside group chat over the websocket (``make bench-realtime``).

It starts its own ASGI server processes (``--procs``, default 2, on consecutive ports, sharing
PostgreSQL and Redis: set DATABASE_URL and REDIS_URL), creates one group per room size with that
many members and a write token each, and connects every member's socket, spread over the server
processes, from ``--client-procs`` client processes. A few members send (``--senders``) at an
open-loop rate stepped up (``--rates``, messages per second in the room) until delivery p99 goes
over one second or errors appear. Each message carries its send time; every socket records when
it arrives.

Per step: send latency (send → ack), delivery latency p50/p95/p99 (send → arrival at each
member), deliveries per second, messages lost (acknowledged but not delivered to a member by the
end of the step's drain time), duplicated and out of order (by sequence number, per socket), errors,
and the server processes' CPU (cores busy, from /proc). Screening (crisis and abuse) runs on every
message, as in production.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hs_bench REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/bench_realtime.py --members 10,50,200 --rates 5,10,20,40,80

Results: a Markdown table on stdout and ``var/bench/realtime.json``. On a small shared machine
the clients compete with the server for the same cores: read the figures as a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import (  # noqa: E402
    cpu_seconds,
    pct,
    report_step,
    serve_profiled,
    start_clients,
    stop_clients,
    table,
    wait_for_port,
)

from hearthside.core.asgi_server import uvicorn_command  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Set-up (in the orchestrating process, through the ORM)


def setup_room(members: int) -> tuple[str, list[str]]:
    from hearthside.accounts.actions import do_create_token
    from hearthside.accounts.models import AccessToken, User
    from hearthside.community.models import Group, Membership

    slug = f"bench-{members}"
    group, _created = Group.objects.get_or_create(slug=slug, defaults={"name": f"Benchmark room of {members}"})
    group.chat_rate_per_minute = 10**6
    group.slow_mode_seconds = 0
    group.save(update_fields=["chat_rate_per_minute", "slow_mode_seconds"])
    tokens = []
    for i in range(members):
        name = f"bench{members}-{i}"
        user = User.objects.filter(username=name).first()
        if user is None:
            user = User.objects.create_user(username=name, password=None, pseudonym=name)
        Membership.objects.get_or_create(group=group, user=user)
        AccessToken.objects.filter(user=user, name="bench").delete()
        tokens.append(do_create_token(user, "bench", "write", two_factor=False)[1])
    return slug, tokens


def start_servers(procs: int, port: int, profile: str = "") -> list[subprocess.Popen]:
    servers = []
    for i in range(procs):
        if profile:  # each server runs under cProfile and writes DIR/server-<i>.prof when stopped
            command = [sys.executable, __file__, "--serve-profiled", str(port + i),
                       str(Path(profile) / f"server-{i}.prof")]
        else:
            command = uvicorn_command("127.0.0.1", port + i, "--log-level", "warning")
        servers.append(subprocess.Popen(command, cwd=ROOT, env=dict(os.environ)))
    for i in range(procs):
        wait_for_port(port + i)
    return servers


# ---------------------------------------------------------------------------------------------
# Client processes


def client_main(conn, sockets: list[dict], slug: str, step_s: float, drain_s: float) -> None:
    """``sockets``: {"token", "port", "sender": index or None, "senders": count}. Runs steps as
    the orchestrator says ("step", rate, start_at) until "stop"; reports each step's figures."""
    asyncio.run(_client(conn, sockets, slug, step_s, drain_s))


async def _client(conn, sockets, slug, step_s, drain_s):
    from websockets.asyncio.client import connect

    loop = asyncio.get_running_loop()
    conns = []
    sem = asyncio.Semaphore(20)

    async def open_one(spec):
        async with sem:
            for attempt in range(5):
                try:
                    ws = await connect(f"ws://127.0.0.1:{spec['port']}/ws/events/", max_queue=None,
                                       additional_headers={"Authorization": f"Bearer {spec['token']}"},
                                       open_timeout=60, ping_interval=None)
                    await ws.recv()  # hello
                    return ws
                except Exception:
                    await asyncio.sleep(0.5 * (attempt + 1))
            raise RuntimeError("could not connect")

    conns = await asyncio.gather(*(open_one(s) for s in sockets))
    run = os.urandom(4).hex()  # client ids stay unique across runs (a reused one is a resend)
    records = [dict(seqs=[], lat={}, dups=0, ooo=0, last=0, errors=0) for _ in sockets]
    acks: dict[tuple, float] = {}
    sent_at: dict[tuple, float] = {}
    ack_status: dict[tuple, str] = {}
    error_kinds: dict[str, int] = {}  # what went wrong, for the report

    def note_error(rec, kind):
        rec["errors"] += 1
        error_kinds[kind] = error_kinds.get(kind, 0) + 1

    async def reader(k, ws):
        rec = records[k]
        try:
            async for raw in ws:
                now = time.time()
                frame = json.loads(raw)
                kind = frame.get("type")
                if kind == "chat.message" and "body" in frame:
                    seq = frame["seq"]
                    parts = frame["body"].split()
                    key = (int(parts[1]), int(parts[2]), int(parts[3]))
                    if key in rec["lat"]:
                        rec["dups"] += 1
                        continue
                    if seq < rec["last"]:
                        rec["ooo"] += 1
                    rec["last"] = max(rec["last"], seq)
                    rec["lat"][key] = now - float(parts[4])
                elif kind == "chat.ack":
                    key = tuple(int(x) for x in frame["client_id"].partition(".")[2].split("-"))
                    acks[key] = now
                    ack_status[key] = frame.get("status")
                elif kind == "error":
                    note_error(rec, f"error frame: {frame.get('code')}")
        except Exception as exc:
            note_error(rec, f"socket: {type(exc).__name__}")

    readers = [asyncio.create_task(reader(k, ws)) for k, ws in enumerate(conns)]

    async def sender(k, spec, rate, step, start_at):
        ws = conns[k]
        per = rate / spec["senders"]
        interval = 1.0 / per
        count = int(per * step_s)
        begin = start_at + (spec["sender"] / spec["senders"]) * interval
        for i in range(count):
            target = begin + i * interval
            delay = target - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            now = time.time()
            key = (step, spec["sender"], i)
            sent_at[key] = now
            body = f"b {step} {spec['sender']} {i} {now:.6f}"
            try:
                await ws.send(json.dumps({"type": "chat.send", "group": slug, "client_id": run + "." + "-".join(map(str, key)),
                                          "body": body}))
            except Exception as exc:
                note_error(records[k], f"send: {type(exc).__name__}")

    conn.send(("ready", len(conns)))
    step = 0
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command[0] == "stop":
            break
        _cmd, rate, start_at = command
        cpu_start = time.process_time()
        for rec in records:
            rec["lat"], rec["dups"], rec["ooo"], rec["errors"] = {}, 0, 0, 0
        error_kinds.clear()
        tasks = [asyncio.create_task(sender(k, s, rate, step, start_at))
                 for k, s in enumerate(sockets) if s["sender"] is not None]
        await asyncio.gather(*tasks)
        await asyncio.sleep(max(0.0, start_at + step_s + drain_s - time.time()))
        mine = {k: v for k, v in sent_at.items() if k[0] == step}
        conn.send(("step", {
            "latencies": [v for rec in records for k, v in rec["lat"].items() if k[0] == step],
            "received": [sum(1 for k in rec["lat"] if k[0] == step) for rec in records],
            "dups": sum(r["dups"] for r in records), "ooo": sum(r["ooo"] for r in records),
            "errors": sum(r["errors"] for r in records), "error_kinds": dict(error_kinds),
            "cpu_s": time.process_time() - cpu_start,
            "sent": len(mine),
            "published": sum(1 for k in mine if ack_status.get(k) == "published"),
            "unacked": sum(1 for k in mine if k not in acks),
            "send_latencies": [acks[k] - t for k, t in mine.items() if k in acks],
        }))
        step += 1
    for ws in conns:
        await ws.close()
    for task in readers:
        task.cancel()


# ---------------------------------------------------------------------------------------------
# The run


def run_room(members: int, args, ports: list[int], server_pids: list[int]) -> list[dict]:
    slug, tokens = setup_room(members)
    senders = min(args.senders, members)
    specs = [{"token": t, "port": ports[i % len(ports)], "sender": i if i < senders else None, "senders": senders}
             for i, t in enumerate(tokens)]
    chunks = [specs[i::args.client_procs] for i in range(args.client_procs)]
    chunks = [c for c in chunks if c]
    pipes, workers = start_clients(client_main, chunks, slug, args.step, args.drain)
    rows = []
    # A first, unreported step: the server processes load the screening tables on first use.
    for index, rate in enumerate([2] + args.rates):
        start_at = time.time() + 1.0
        for pipe in pipes:
            pipe.send(("step", rate, start_at))
        time.sleep(max(0.0, start_at - time.time()))
        # Server CPU over the sending window (plus half a second for the last deliveries).
        cpu0, t0 = cpu_seconds(server_pids), time.monotonic()
        time.sleep(max(0.0, start_at + args.step + 0.5 - time.time()))
        cpu1, t1 = cpu_seconds(server_pids), time.monotonic()
        parts = [pipe.recv()[1] for pipe in pipes]
        lat = [x for p in parts for x in p["latencies"]]
        send = [x for p in parts for x in p["send_latencies"]]
        published = sum(p["published"] for p in parts)
        delivered = sum(sum(p["received"]) for p in parts)
        row = {
            "members": members, "offered_rate": rate, "sent": sum(p["sent"] for p in parts),
            "published": published, "unacked": sum(p["unacked"] for p in parts),
            "deliveries": delivered, "deliveries_per_s": delivered / args.step,
            "lost": max(0, published * members - delivered), "duplicated": sum(p["dups"] for p in parts),
            "out_of_order": sum(p["ooo"] for p in parts), "errors": sum(p["errors"] for p in parts),
            "error_kinds": {k: sum(p["error_kinds"].get(k, 0) for p in parts)
                            for k in {k for p in parts for k in p["error_kinds"]}},
            "send_p50_ms": pct(send, 50) * 1000, "send_p99_ms": pct(send, 99) * 1000,
            "delivery_p50_ms": pct(lat, 50) * 1000, "delivery_p95_ms": pct(lat, 95) * 1000,
            "delivery_p99_ms": pct(lat, 99) * 1000,
            "server_cores": (cpu1 - cpu0) / (t1 - t0),
            "client_cores": sum(p["cpu_s"] for p in parts) / (args.step + args.drain + 1.0),
        }
        if report_step(rows, row, index):
            break
    stop_clients(pipes, workers)
    return rows


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--serve-profiled"]:
        serve_profiled(int(argv[1]), argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", default="10,50,200")
    parser.add_argument("--senders", type=int, default=3)
    parser.add_argument("--rates", default="5,10,20,40,80,160")
    parser.add_argument("--step", type=float, default=5.0, help="seconds of sending per step")
    parser.add_argument("--drain", type=float, default=3.0, help="seconds to wait for deliveries after a step")
    parser.add_argument("--procs", type=int, default=2, help="ASGI server processes")
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument("--port", type=int, default=8760)
    parser.add_argument("--profile", default="", help="directory for the servers' cProfile output")
    parser.add_argument("--out", default=str(ROOT / "var" / "bench" / "realtime.json"))
    args = parser.parse_args(argv)
    args.rates = [int(r) for r in args.rates.split(",")]
    if args.procs > 1 and not os.environ.get("REDIS_URL"):
        raise SystemExit("several server processes share frames through Redis: set REDIS_URL (or --procs 1)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearthside.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if args.profile:
        Path(args.profile).mkdir(parents=True, exist_ok=True)
    servers = start_servers(args.procs, args.port, args.profile)
    ports = [args.port + i for i in range(args.procs)]
    rows: list[dict] = []
    try:
        for members in (int(m) for m in args.members.split(",")):
            rows += run_room(members, args, ports, [s.pid for s in servers])
            connection.close()
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=5)
            except subprocess.TimeoutExpired:  # open sockets can hold a graceful shutdown up
                server.kill()
                server.wait()
    print()
    print(f"Hearthside, {args.procs} ASGI processes, {connection.vendor}, "
          f"Redis {'on' if os.environ.get('REDIS_URL') else 'off'}, {args.senders} senders, "
          f"{args.step:.0f} s per step:")
    print(table(rows))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"args": {k: v for k, v in vars(args).items()}, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
