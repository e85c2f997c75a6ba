"""A multi-host rehearsal on one Linux machine (``make cluster``, issue #20): three app hosts, a data
host and a load balancer, each in its own network namespace, with group chat driven through nginx.

As root it builds a bridge with veth pairs into five network namespaces on a private /24:

    hscl-lb    10.213.47.30   nginx :80, /ws/ to every app host's uvicorn, the rest to granian
    hscl-app1  10.213.47.11   granian (WSGI) :8001 and uvicorn (ASGI, websockets) :8002
    hscl-app2  10.213.47.12   the same, started when the rehearsal adds the second host
    hscl-app3  10.213.47.13   the same, started when it adds the third
    hscl-data  10.213.47.20   its own throw-away PostgreSQL cluster (initdb in a temporary
                              directory, port 55432) and its own redis-server (port 6390)

This process stays in the machine's own namespace and reaches the hosts through the bridge
(10.213.47.1); the machine's PostgreSQL on 5432 and Redis on 6379 are never contacted. It migrates
once, creates a chat room with ``--members`` members, and runs these phases, each with fresh client
processes whose sockets all go through nginx:

1. capacity: the same load with one, two and three app hosts (each added while the site runs, nginx
   reloaded), reporting server CPU-seconds per delivery and how the sockets spread;
2. exactly once: the three-host phase, checked message by message against the database;
3. host kill: three hosts, and halfway through the sending every process of one app host (the one
   holding the first sender's socket) is killed (SIGKILL) and its link taken down. Its clients
   reconnect through nginx to the others, catch up by sequence number (``chat.sync``) and resend
   their unacknowledged messages under the same client id;
4. the host comes back (link up, processes started, nginx reloaded) and answers HTTP again;
5. a host vanishes: its link goes down first, then its processes die, so nginx sees nothing close.
   The load clients ping every 1.5 s and give a socket up after 5 s of silence, then reconnect
   and catch up as above.

Every member's record is compared with the room in the database: lost (stored, never shown),
duplicated (the same sequence number arriving twice live, or one message stored twice), and a
sequence number showing another message than the database holds.

Everything it creates is removed at the end, on failure and on Ctrl-C; ``--cleanup`` removes what a
crashed run left behind; ``--dry-run`` prints the plan, the nginx configuration and the cleanup
plan without touching anything (and without root).
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import (  # noqa: E402
    base_env,
    log,
    machine_description,
    pct,
    proc_table,
    start_clients,
    stop_clients,
    tree_cpu,
)

PREFIX = "hscl"
BRIDGE = f"{PREFIX}-br"
SUBNET = "10.213.47"
BRIDGE_ADDR = f"{SUBNET}.1"
LB_ADDR = f"{SUBNET}.30"
DATA_ADDR = f"{SUBNET}.20"
PG_PORT = 55432
REDIS_PORT = 6390
HTTP_PORT = 8001
WS_PORT = 8002
APP_HOSTS = 3
TMP_GLOB = f"{PREFIX}-run-"
# Every run-time wait is bounded; these are the bounds.
START_TIMEOUT = 120.0
STOP_TIMEOUT = 10.0
MAX_RECONNECTS = 20
MAX_SYNCS = 400
PING_EVERY = 1.5  # the load clients' heartbeat: a ping this often,
SILENT_AFTER = 5.0  # and a socket that heard nothing for this long is given up and reopened


def app_ns(i: int) -> str:
    return f"{PREFIX}-app{i}"


def app_addr(i: int) -> str:
    return f"{SUBNET}.{10 + i}"


def namespaces() -> list[tuple[str, str]]:
    """(namespace, address) of every host, the order they are created in."""
    return [(f"{PREFIX}-data", DATA_ADDR), (f"{PREFIX}-lb", LB_ADDR)] + [
        (app_ns(i), app_addr(i)) for i in range(1, APP_HOSTS + 1)]


# ---------------------------------------------------------------------------------------------
# What the rehearsal creates, and how each kind is removed (printed by --dry-run, run by cleanup).


def cleanup_plan(run_dir: str) -> list[str]:
    """One line per resource kind and item, in the order cleanup removes them."""
    plan = ["client processes: the load clients of the current phase (stop, then terminate)"]
    for ns, _addr in reversed(namespaces()):
        if ns == f"{PREFIX}-data":
            plan.append(f"postgresql: the throw-away cluster {run_dir}/pg (pg_ctl stop -m immediate), port "
                        f"{PG_PORT} in {ns}")
        plan.append(f"processes: every pid in namespace {ns} (SIGTERM, then SIGKILL after {STOP_TIMEOUT:.0f} s)")
    plan.append(f"nginx: nginx on {LB_ADDR}:80, stopped with the processes of {PREFIX}-lb")
    plan.append(f"redis: redis-server on {DATA_ADDR}:{REDIS_PORT}, stopped with the processes of {PREFIX}-data")
    for ns, _addr in namespaces():
        plan.append(f"veth: {ns} (host side; its peer eth0 goes with the namespace)")
    for ns, _addr in namespaces():
        plan.append(f"namespace: ip netns delete {ns}")
    plan.append(f"bridge: ip link delete {BRIDGE}")
    plan.append(f"temp dir: {run_dir} (logs, nginx prefix, the PostgreSQL data directory, the keys)")
    return plan


# ---------------------------------------------------------------------------------------------
# nginx


def nginx_conf(prefix: str, listen: str, apps: list[str]) -> str:
    """nginx in front of the app hosts: websockets to uvicorn (least connections: they are long-lived),
    everything else to granian. Not sticky: any host serves any socket (docs/deploy.md)."""
    ws = "\n".join(f"    server {a}:{WS_PORT} max_fails=1 fail_timeout=10s;" for a in apps)
    web = "\n".join(f"    server {a}:{HTTP_PORT} max_fails=1 fail_timeout=10s;" for a in apps)
    forwarded = ("      proxy_set_header Host $http_host;\n"
                 "      proxy_set_header X-Forwarded-For $remote_addr;\n"
                 "      proxy_set_header X-Forwarded-Proto $scheme;\n")
    return (
        "worker_processes 1;\n"
        f"pid {prefix}/nginx.pid;\n"
        f"error_log {prefix}/error.log warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n"
        "  access_log off;\n"
        f"  client_body_temp_path {prefix}/body;\n"
        f"  proxy_temp_path {prefix}/proxy;\n"
        f"  fastcgi_temp_path {prefix}/fastcgi;\n"
        f"  uwsgi_temp_path {prefix}/uwsgi;\n"
        f"  scgi_temp_path {prefix}/scgi;\n"
        "  client_max_body_size 2m;\n"
        "  map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
        "  upstream hearthside_ws {\n    least_conn;\n" + ws + "\n  }\n"
        "  upstream hearthside_http {\n" + web + "\n    keepalive 32;\n  }\n"
        "  server {\n"
        f"    listen {listen}:80;\n"
        "    # Rehearsal only: tells the load clients which app host answered.\n"
        "    add_header X-Hearthside-Upstream $upstream_addr always;\n"
        "    location /ws/ {\n"
        "      proxy_pass http://hearthside_ws;\n"
        "      proxy_http_version 1.1;\n"
        "      proxy_set_header Upgrade $http_upgrade;\n"
        "      proxy_set_header Connection $connection_upgrade;\n"
        + forwarded +
        "      proxy_connect_timeout 2s;\n"
        "      proxy_read_timeout 3600s;\n"
        "      proxy_send_timeout 3600s;\n"
        "      proxy_next_upstream error timeout;\n"
        "    }\n"
        "    location / {\n"
        "      proxy_pass http://hearthside_http;\n"
        "      proxy_http_version 1.1;\n"
        "      proxy_set_header Connection \"\";\n"
        + forwarded +
        "      proxy_connect_timeout 2s;\n"
        "      proxy_read_timeout 60s;\n"
        "      proxy_next_upstream error timeout;\n"
        "    }\n"
        "  }\n"
        "}\n"
    )


# ---------------------------------------------------------------------------------------------
# Shell helpers (root only)


def sh(*cmd: str, check: bool = True, timeout: float = 30.0) -> subprocess.CompletedProcess:
    proc = subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return proc


def ns_pids(ns: str) -> list[int]:
    proc = sh("ip", "netns", "pids", ns, check=False)
    return [int(x) for x in proc.stdout.split() if x.isdigit()]


def kill_namespace(ns: str, sig: int = signal.SIGTERM, wait: float = STOP_TIMEOUT) -> int:
    """Signal every process in ``ns`` (all of them were started here, inside it); SIGKILL what is left."""
    pids = ns_pids(ns)
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + wait
    while ns_pids(ns) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in ns_pids(ns):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return len(pids)


def existing(kind: str) -> list[str]:
    if kind == "netns":
        out = sh("ip", "netns", "list", check=False).stdout
        return [line.split()[0] for line in out.splitlines() if line.startswith(PREFIX + "-")]
    out = sh("ip", "-o", "link", "show", check=False).stdout
    names = [line.split(":")[1].strip().split("@")[0] for line in out.splitlines() if ":" in line]
    return [n for n in names if n.startswith(PREFIX + "-")]


def cleanup(run_dir: str | None, procs: list[subprocess.Popen]) -> list[str]:
    """Remove everything a run creates, whether or not it exists; returns what was done."""
    done = []
    dirs = [Path(run_dir)] if run_dir else []
    dirs += [p for p in Path(tempfile.gettempdir()).glob(TMP_GLOB + "*") if p.is_dir() and p not in dirs]
    for ns in sorted(existing("netns"), key=lambda n: (n == f"{PREFIX}-data", n)):
        for pg in (d / "pg" for d in dirs):
            if ns == f"{PREFIX}-data" and (pg / "postmaster.pid").exists():
                sh("nsenter", f"--net=/run/netns/{ns}", "--setuid", _uid("postgres"), "--setgid", _gid("postgres"),
                   str(_pg_bin() / "pg_ctl"), "stop", "-m", "immediate", "-D", str(pg), check=False,
                   timeout=STOP_TIMEOUT + 5)
                done.append(f"postgresql {pg} stopped")
        count = kill_namespace(ns)
        done.append(f"{count} processes in {ns} stopped")
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
    for ns in existing("netns"):
        sh("ip", "netns", "delete", ns, check=False)
        done.append(f"namespace {ns} deleted")
    for link in existing("link"):
        sh("ip", "link", "delete", link, check=False)
        done.append(f"link {link} deleted")
    for d in dirs:
        if d.exists():
            shutil.rmtree(d, ignore_errors=True)
            done.append(f"removed {d}")
    return done


def _uid(user: str) -> str:
    import pwd

    return str(pwd.getpwnam(user).pw_uid)


def _gid(user: str) -> str:
    import pwd

    return str(pwd.getpwnam(user).pw_gid)


# ---------------------------------------------------------------------------------------------
# Building the hosts


def build_network() -> None:
    if existing("netns") or existing("link"):
        raise SystemExit(f"leftovers of an earlier run exist ({existing('netns') + existing('link')}): "
                         "run with --cleanup first")
    routes = sh("ip", "route", "show", check=False).stdout
    if f"{SUBNET}." in routes:
        raise SystemExit(f"{SUBNET}.0/24 is already routed on this machine; not touching it")
    sh("ip", "link", "add", BRIDGE, "type", "bridge")
    sh("ip", "addr", "add", f"{BRIDGE_ADDR}/24", "dev", BRIDGE)
    sh("ip", "link", "set", BRIDGE, "up")
    for ns, addr in namespaces():
        sh("ip", "netns", "add", ns)
        sh("ip", "link", "add", ns, "type", "veth", "peer", "name", "eth0", "netns", ns)
        sh("ip", "link", "set", ns, "master", BRIDGE, "up")
        sh("ip", "-n", ns, "addr", "add", f"{addr}/24", "dev", "eth0")
        sh("ip", "-n", ns, "link", "set", "eth0", "up")
        sh("ip", "-n", ns, "link", "set", "lo", "up")


def wait_tcp(addr: str, port: int, proc: subprocess.Popen, what: str, log_path: Path,
             timeout: float = START_TIMEOUT) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode}:\n{_tail(log_path)}")
        with socket.socket() as s:
            s.settimeout(1.0)
            if s.connect_ex((addr, port)) == 0:
                return
        time.sleep(0.3)
    raise SystemExit(f"{what} did not listen on {addr}:{port} within {timeout:.0f} s:\n{_tail(log_path)}")


def _tail(path: Path) -> str:
    try:
        return path.read_text(errors="replace")[-2000:]
    except OSError:
        return ""


class Cluster:
    def __init__(self, args):
        self.args = args
        self.run_dir = Path(tempfile.mkdtemp(prefix=TMP_GLOB))
        self.run_dir.chmod(0o755)  # postgres and nginx's workers read below it
        self.procs: list[subprocess.Popen] = []
        self.servers: dict[int, list[subprocess.Popen]] = {}  # app host -> its server processes
        self.pg: subprocess.Popen | None = None
        self.redis: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None
        self.var = self.run_dir / "var"
        self.var.mkdir()
        self.env = base_env(self.var)
        self.env.update({
            "DATABASE_URL": f"postgres://postgres@{DATA_ADDR}:{PG_PORT}/hearthside",
            "REDIS_URL": f"redis://{DATA_ADDR}:{REDIS_PORT}/0",
            "HEARTHSIDE_ALLOWED_HOSTS": ",".join([LB_ADDR] + [app_addr(i) for i in range(1, APP_HOSTS + 1)]),
            "HEARTHSIDE_TRUST_X_FORWARDED_FOR": "true",
        })

    def spawn(self, ns: str, cmd: list[str], name: str, **kw) -> subprocess.Popen:
        log_path = self.run_dir / f"{name}.log"
        with open(log_path, "ab") as out:
            proc = subprocess.Popen(["ip", "netns", "exec", ns, *cmd], cwd=ROOT, env=kw.pop("env", self.env),
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **kw)
        proc.log_path = log_path  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def start_data(self) -> None:
        ns = f"{PREFIX}-data"
        pg_dir = self.run_dir / "pg"
        pg_dir.mkdir()
        shutil.chown(pg_dir, "postgres", "postgres")
        pg_bin = _pg_bin()
        subprocess.run(["runuser", "-u", "postgres", "--", str(pg_bin / "initdb"), "-D", str(pg_dir), "-U",
                        "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        with open(pg_dir / "pg_hba.conf", "a") as hba:
            hba.write(f"host all all {SUBNET}.0/24 trust\n")
        log_path = self.run_dir / "postgresql.log"
        with open(log_path, "ab") as out:
            # nsenter, not `ip netns exec`: the server must run as postgres, inside the namespace.
            self.pg = subprocess.Popen(
                ["nsenter", f"--net=/run/netns/{ns}", "--setuid", _uid("postgres"), "--setgid", _gid("postgres"),
                 str(pg_bin / "postgres"), "-D", str(pg_dir), "-p", str(PG_PORT), "-c", f"listen_addresses={DATA_ADDR}",
                 "-c", f"unix_socket_directories={pg_dir}", "-c", "fsync=off", "-c", "synchronous_commit=off",
                 "-c", "full_page_writes=off", "-c", "max_connections=200", "-c", "shared_buffers=64MB"],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(self.pg)
        wait_tcp(DATA_ADDR, PG_PORT, self.pg, "PostgreSQL", log_path)
        subprocess.run(["nsenter", f"--net=/run/netns/{ns}", str(pg_bin / "createdb"), "-h", DATA_ADDR, "-p",
                        str(PG_PORT), "-U", "postgres", "hearthside"], check=True, capture_output=True, timeout=60)
        self.redis = self.spawn(ns, ["redis-server", "--bind", DATA_ADDR, "--port", str(REDIS_PORT), "--save", "",
                                     "--appendonly", "no", "--protected-mode", "no", "--dir", str(self.run_dir)],
                                "redis")
        wait_tcp(DATA_ADDR, REDIS_PORT, self.redis, "redis-server", self.redis.log_path)

    def migrate(self) -> None:
        proc = subprocess.run(["ip", "netns", "exec", app_ns(1), sys.executable, "manage.py", "migrate", "--noinput"],
                              cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            raise SystemExit(f"migrate failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")

    def start_app(self, i: int) -> None:
        from hearthside.core.asgi_server import uvicorn_command

        ns, addr = app_ns(i), app_addr(i)
        granian = self.spawn(ns, [sys.executable, "-m", "granian", "--interface", "wsgi", "--host", addr, "--port",
                                  str(HTTP_PORT), "--workers", str(self.args.wsgi_workers), "--no-ws",
                                  "--blocking-threads", "4", "hearthside.wsgi:application"], f"granian-{i}")
        uvicorn = self.spawn(ns, uvicorn_command(addr, WS_PORT, "--timeout-graceful-shutdown", "2"), f"uvicorn-{i}")
        self.servers[i] = [granian, uvicorn]
        wait_tcp(addr, WS_PORT, uvicorn, f"uvicorn on app{i}", uvicorn.log_path)
        wait_tcp(addr, HTTP_PORT, granian, f"granian on app{i}", granian.log_path)

    def configure_nginx(self, hosts: list[int]) -> None:
        prefix = self.run_dir / "nginx"
        prefix.mkdir(exist_ok=True)
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_conf(str(prefix), LB_ADDR, [app_addr(i) for i in hosts]))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if self.nginx is None:
            self.nginx = self.spawn(f"{PREFIX}-lb", [nginx, "-c", str(conf), "-p", str(prefix), "-g", "daemon off;"],
                                    "nginx")
            wait_tcp(LB_ADDR, 80, self.nginx, "nginx", self.nginx.log_path)
        else:
            sh("ip", "netns", "exec", f"{PREFIX}-lb", nginx, "-c", str(conf), "-p", str(prefix), "-s", "reload")
            time.sleep(1.0)  # the old workers finish; new connections see the new upstreams

    def kill_app(self, i: int, vanish: bool = False) -> float:
        """The host dies: every process in it is killed at once, then its link goes down. ``vanish``:
        the link goes first, so nothing of the dying host reaches nginx (power lost, cable cut)."""
        ns = app_ns(i)
        if vanish:
            sh("ip", "link", "set", ns, "down")
        for pid in ns_pids(ns):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        at = time.time()
        # The kernel closes the dead processes' connections (nginx sees them end) before the link
        # goes down, as when a host's processes crash; see docs/deploy.md for a host that vanishes.
        deadline = time.monotonic() + STOP_TIMEOUT
        while ns_pids(ns) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        sh("ip", "link", "set", ns, "down", check=False)
        return at

    def revive_app(self, i: int) -> None:
        """The dead host comes back: link up, processes started, nginx reloaded (which also forgets
        that the host had failed)."""
        sh("ip", "link", "set", app_ns(i), "up")
        self.start_app(i)
        self.configure_nginx(sorted(self.servers))

    def cpu(self) -> dict[str, float]:
        table = proc_table()
        out = {f"app{i}": sum(tree_cpu(table, p.pid) for p in procs) for i, procs in self.servers.items()}
        out["postgresql"] = tree_cpu(table, self.pg.pid) if self.pg else 0.0
        out["redis"] = tree_cpu(table, self.redis.pid) if self.redis else 0.0
        out["nginx"] = tree_cpu(table, self.nginx.pid) if self.nginx else 0.0
        return out


def _pg_bin() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not versions:
        raise SystemExit("PostgreSQL's initdb is not installed (apt-get install -y postgresql)")
    return versions[-1].parent


# ---------------------------------------------------------------------------------------------
# The room (orchestrator, through the ORM against the data host)


def setup_room(members: int) -> tuple[str, list[str]]:
    from hearthside.accounts.actions import do_create_token
    from hearthside.accounts.models import User
    from hearthside.community.models import Group, Membership

    slug = "cluster"
    group, _ = Group.objects.get_or_create(slug=slug, defaults={"name": "Cluster rehearsal"})
    group.chat_rate_per_minute = 10**6
    group.slow_mode_seconds = 0
    group.save(update_fields=["chat_rate_per_minute", "slow_mode_seconds"])
    tokens = []
    for i in range(members):
        user = User.objects.create_user(username=f"cl{i}", password=None, pseudonym=f"cl{i}")
        Membership.objects.create(group=group, user=user)
        tokens.append(do_create_token(user, "cluster", "write", two_factor=False)[1])
    return slug, tokens


def pg_connections() -> int:
    """The app hosts' connections to the data host's database now (this process's own excluded)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid()")
        count = cursor.fetchone()[0]
    connection.close()
    return int(count)


def room_state(slug: str, after: int) -> tuple[int, dict[int, str]]:
    """The room's last seq and {seq: client id} of the messages stored after ``after``."""
    from django.db import connection

    from hearthside.community.models import ChatMessage, Group

    group = Group.objects.get(slug=slug)
    rows = dict(ChatMessage.objects.filter(group=group, seq__gt=after).values_list("seq", "client_id"))
    connection.close()
    return group.last_seq, rows


# ---------------------------------------------------------------------------------------------
# Load clients (separate processes, started with common.start_clients)


def client_main(conn, specs: list[dict], slug: str, url: str, base_seq: int, phase: str) -> None:
    asyncio.run(_client(conn, specs, slug, url, base_seq, phase))


async def _client(conn, specs, slug, url, base_seq, phase):
    from websockets.asyncio.client import connect

    loop = asyncio.get_running_loop()
    run = os.urandom(3).hex()
    stopping = asyncio.Event()
    socks = [dict(spec=s, ws=None, hosts=[], contig=base_seq, shown={}, live=0, synced=0, live_dups=0,
                  overlap=0, reconnects=0, syncs=0, syncing=False, opened_at=0.0, silent=0, errors={}, pending={}, acked={}, lat=[], open=asyncio.Event())
             for s in specs]

    async def send(s, frame):
        ws = s["ws"]
        if ws is not None:
            try:
                await ws.send(json.dumps(frame))
            except Exception:
                pass  # the reader notices the closed socket and reconnects

    async def sync(s):
        # One catch-up in flight per socket; its answer asks again while a gap remains.
        if not s["syncing"] and s["syncs"] < MAX_SYNCS:
            s["syncing"] = True
            s["syncs"] += 1
            await send(s, {"type": "chat.sync", "group": slug, "after": s["contig"]})

    def show(s, frame, how):
        seq, body = frame.get("seq"), frame.get("body")
        if seq is None or seq <= base_seq or body is None:
            return
        if seq in s["shown"]:
            if how == "live" and s["shown"][seq][1] == "live":
                s["live_dups"] += 1
            else:
                s["overlap"] += 1  # live delivery and catch-up crossed: dropped by seq, as the page does
            return
        parts = body.split()
        s["shown"][seq] = (f"{parts[1]}-{parts[2]}-{parts[3]}", how)
        if how == "live":
            s["live"] += 1
            s["lat"].append(time.time() - float(parts[4]))
        else:
            s["synced"] += 1
        while s["contig"] + 1 in s["shown"]:
            s["contig"] += 1

    async def connection(s):
        for attempt in range(MAX_RECONNECTS + 1):
            if stopping.is_set():
                return
            if attempt:
                s["reconnects"] += 1
                await asyncio.sleep(min(2.0, 0.2 * 2 ** (attempt - 1)))
            try:
                ws = await connect(url, additional_headers={"Authorization": f"Bearer {s['spec']['token']}"},
                                   open_timeout=20, close_timeout=1, ping_interval=None, max_queue=None)
            except Exception:
                continue
            s["hosts"].append(ws.response.headers.get("X-Hearthside-Upstream", "?"))
            s["ws"] = ws
            s["syncing"] = False
            heard = [time.time()]

            async def heartbeat(ws=ws, heard=heard):
                # A host that vanished closes nothing: nginx keeps the socket open. Silence is death.
                while True:
                    await asyncio.sleep(PING_EVERY)
                    if time.time() - heard[0] > SILENT_AFTER:
                        s["silent"] += 1
                        await ws.close()  # bounded by close_timeout
                        return
                    await send(s, {"type": "ping"})

            beat = asyncio.create_task(heartbeat())
            try:
                await ws.recv()  # hello
                s["open"].set()
                s["opened_at"] = time.time()
                if attempt:  # resume: what was missed, then what was never acknowledged
                    await sync(s)
                    for cid, body in list(s["pending"].items()):
                        await send(s, {"type": "chat.send", "group": slug, "client_id": cid, "body": body})
                async for raw in ws:
                    heard[0] = time.time()
                    frame = json.loads(raw)
                    kind = frame.get("type")
                    if kind == "chat.message":
                        show(s, frame, "live")
                        if frame.get("seq", 0) > s["contig"] + 1:
                            await sync(s)  # a gap: fetch it
                    elif kind == "chat.history":
                        s["syncing"] = False
                        for message in frame.get("messages", []):
                            show(s, message, "sync")
                        if frame.get("messages") and s["contig"] < frame.get("upto", 0):
                            await sync(s)
                    elif kind == "chat.ack":
                        s["pending"].pop(frame.get("client_id"), None)
                        s["acked"][frame.get("client_id")] = [frame.get("seq"), frame.get("duplicate")]
                    elif kind == "resync":
                        await sync(s)
                    elif kind == "error":
                        code = frame.get("code", "?")
                        s["errors"][code] = s["errors"].get(code, 0) + 1
            except Exception:
                pass
            beat.cancel()
            s["ws"] = None
            s["open"].clear()

    async def sender(s, rate, start_at, duration):
        spec = s["spec"]
        per = rate / spec["senders"]
        count = int(per * duration)
        begin = start_at + spec["sender"] / spec["senders"] / per
        for i in range(count):
            delay = begin + i / per - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            cid = f"{run}.{phase}-{spec['sender']}-{i}"
            body = f"c {phase} {spec['sender']} {i} {time.time():.6f}"
            s["pending"][cid] = body
            await send(s, {"type": "chat.send", "group": slug, "client_id": cid, "body": body})

    parent = os.getppid()

    async def orphaned():  # the orchestrator was killed (SIGKILL): do not linger
        while os.getppid() == parent:
            await asyncio.sleep(1.0)
        os._exit(1)

    watchdog = asyncio.create_task(orphaned())
    tasks = [watchdog]
    try:
        for s in socks:  # one at a time, so that nginx's least_conn spreads them evenly
            tasks.append(asyncio.create_task(connection(s)))
            await asyncio.wait_for(s["open"].wait(), timeout=60)
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        stopping.set()
        for task in tasks:
            task.cancel()
        return
    conn.send(("ready", len(socks)))
    while True:
        try:
            command = await loop.run_in_executor(None, conn.recv)
        except (EOFError, OSError):
            break
        if command[0] == "stop":
            break
        if command[0] == "send":
            _cmd, rate, start_at, duration = command
            senders = [asyncio.create_task(sender(s, rate, start_at, duration))
                       for s in socks if s["spec"]["sender"] is not None]
            await asyncio.gather(*senders)
        elif command[0] == "where":  # the app host each sender's socket is on
            conn.send(("where", {s["spec"]["sender"]: s["hosts"][-1] for s in socks
                                 if s["spec"]["sender"] is not None}))
        elif command[0] == "report":
            conn.send(("report", [{
                "hosts": s["hosts"], "reconnects": s["reconnects"], "shown": {k: v[0] for k, v in s["shown"].items()},
                "live": s["live"], "synced": s["synced"], "live_dups": s["live_dups"], "overlap": s["overlap"],
                "errors": s["errors"], "pending": list(s["pending"]), "acked": s["acked"], "lat": s["lat"],
                "sender": s["spec"]["sender"], "run": run, "opened_at": s["opened_at"], "silent": s["silent"],
            } for s in socks]))
    stopping.set()
    for s in socks:
        if s["ws"] is not None:
            try:
                await asyncio.wait_for(s["ws"].close(), timeout=5)
            except Exception:
                pass
    for task in tasks:
        task.cancel()


# ---------------------------------------------------------------------------------------------
# A phase: fresh clients through nginx, one step of sending, a drain, the check


def run_phase(cluster: Cluster, name: str, slug: str, tokens: list[str], kill: str = "") -> dict:
    """``kill``: "" (nobody dies), "crash" (a host's processes die, the kernel closes their
    connections) or "vanish" (the host drops off the network first)."""
    args = cluster.args
    base, _ = room_state(slug, 10**12)
    senders = min(args.senders, len(tokens))
    specs = [{"token": t, "sender": i if i < senders else None, "senders": senders} for i, t in enumerate(tokens)]
    chunks = [c for c in (specs[i::args.client_procs] for i in range(args.client_procs)) if c]
    log(f"{name}: connecting {len(specs)} sockets through nginx")
    pipes, workers = start_clients(client_main, chunks, slug, f"ws://{LB_ADDR}/ws/events/", base, name)
    cluster.clients = workers
    try:
        if kill:  # kill the host that holds the first sender's socket, so a resend is rehearsed too
            where: dict[int, str] = {}
            for pipe in pipes:
                pipe.send(("where",))
                where.update(_recv(pipe, "where"))
            mode, kill = kill, int(_host_of(where[0])[3:])
            name = f"{name}-app{kill}"
        start_at = time.time() + 1.0
        for pipe in pipes:
            pipe.send(("send", args.rate, start_at, args.step))
        time.sleep(max(0.0, start_at - time.time()))
        cpu0, t0 = cluster.cpu(), time.monotonic()
        killed_at, cpu_at_kill = None, {}
        if kill:
            time.sleep(max(0.0, start_at + args.step * 0.5 - time.time()))
            cpu_at_kill = cluster.cpu()
            killed_at = cluster.kill_app(kill, vanish=mode == "vanish")
            log(f"{name}: app{kill} {'dropped off the network' if mode == 'vanish' else 'killed'}")
        # A vanished host is noticed only by the clients' silence timeout, then nginx's connect timeout.
        extra = SILENT_AFTER + 15.0 if kill and mode == "vanish" else 0.0
        time.sleep(max(0.0, start_at + args.step + args.drain + extra - time.time()))
        cpu1, t1 = cluster.cpu(), time.monotonic()
        connections = pg_connections()
        for pipe in pipes:
            pipe.send(("report",))
        sockets = [sock for pipe in pipes for sock in _recv(pipe, "report")]
    finally:
        stop_clients(pipes, workers)
        cluster.clients = []
    for host, value in cpu_at_kill.items():  # a killed host's processes are gone: count until the kill
        if host not in cpu1 or cpu1[host] < value:
            cpu1[host] = value
    _last, stored = room_state(slug, base)
    return check(name, sockets, stored, cpu0, cpu1, t1 - t0, killed_at, kill, connections)


def _recv(pipe, kind: str, timeout: float = 120.0):
    if not pipe.poll(timeout):
        raise SystemExit(f"a client process did not send its {kind} within {timeout:.0f} s")
    message = pipe.recv()
    return message[1]


def _host_of(upstream: str) -> str:
    ip = upstream.split(",")[-1].strip().rsplit(":", 1)[0]
    for i in range(1, APP_HOSTS + 1):
        if ip == app_addr(i):
            return f"app{i}"
    return upstream or "?"


def check(name: str, sockets: list[dict], stored: dict[int, str], cpu0: dict, cpu1: dict, seconds: float,
          killed_at: float | None, kill: int | None, connections: int = 0) -> dict:
    """Every member against the database: each stored message shown once, under the right number."""
    stored_key = {seq: cid.partition(".")[2] for seq, cid in stored.items()}
    keys = list(stored_key.values())
    stored_twice = len(keys) - len(set(keys))  # one message under two numbers: a resend stored again
    lost = wrong = delivered = live = synced = live_dups = overlap = 0
    lost_sockets = 0
    latencies: list[float] = []
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    moved = reconnects = silent = 0
    errors: dict[str, int] = {}
    sent_ids: set[str] = set()
    unacked = resent_duplicates = senders_moved = 0
    for s in sockets:
        shown = {int(k): v for k, v in s["shown"].items()}
        missing = set(stored_key) - set(shown)
        lost += len(missing)
        lost_sockets += bool(missing)
        wrong += sum(1 for seq, key in shown.items() if stored_key.get(seq) != key)
        delivered += len(shown)
        live += s["live"]
        synced += s["synced"]
        live_dups += s["live_dups"]
        overlap += s["overlap"]
        latencies += s["lat"]
        first, last = _host_of(s["hosts"][0]), _host_of(s["hosts"][-1])
        before[first] = before.get(first, 0) + 1
        after[last] = after.get(last, 0) + 1
        reconnects += s["reconnects"]
        silent += s["silent"]
        moved += first != last
        for code, n in s["errors"].items():
            errors[code] = errors.get(code, 0) + n
        if s["sender"] is not None:
            sent_ids |= {cid for cid in s["acked"]} | set(s["pending"])
            unacked += len(s["pending"])
            resent_duplicates += sum(1 for _seq, dup in s["acked"].values() if dup)
            senders_moved += first != last
    ours = {cid.partition(".")[2] for cid in sent_ids}
    never_stored = len(ours - set(keys))
    server = sum(cpu1.get(h, 0.0) - cpu0.get(h, 0.0) for h in cpu0 if h.startswith("app"))
    row = {
        "phase": name, "hosts": len([h for h in cpu0 if h.startswith("app")]), "members": len(sockets),
        "stored": len(stored), "expected_deliveries": len(stored) * len(sockets), "delivered": delivered,
        "live": live, "caught_up": synced, "lost": lost, "lost_sockets": lost_sockets, "live_dups": live_dups,
        "stored_twice": stored_twice, "wrong_seq": wrong, "overlap_dropped": overlap, "unacked": unacked,
        "never_stored": never_stored, "errors": errors,
        "sockets_before": dict(sorted(before.items())), "sockets_after": dict(sorted(after.items())),
        "reconnects": reconnects, "silent_given_up": silent, "moved": moved, "senders_moved": senders_moved,
        "resent_duplicates": resent_duplicates,
        "delivery_p50_ms": pct(latencies, 50) * 1000, "delivery_p99_ms": pct(latencies, 99) * 1000,
        "seconds": seconds, "server_cpu_s": server,
        "cpu_ms_per_delivery": server / delivered * 1000 if delivered else float("nan"),
        "cpu_s": {h: round(cpu1.get(h, 0.0) - v, 2) for h, v in cpu0.items()},
        "pg_connections": connections,
    }
    if killed_at is not None:
        row["killed"] = f"app{kill}"  # the host of sender 0's socket
        back = [s["opened_at"] - killed_at for s in sockets if s["reconnects"]]
        row["reconnected_within_s"] = max(back) if back else float("nan")
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}), flush=True)
    return row


def http_spread(token: str, requests: int) -> dict[str, int]:
    """Ordinary HTTP through nginx: which app host's granian answered each request."""
    seen: dict[str, int] = {}
    for _ in range(requests):
        conn = http.client.HTTPConnection(LB_ADDR, 80, timeout=10)
        try:
            conn.request("GET", "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
            response = conn.getresponse()
            response.read()
            key = f"{_host_of(response.getheader('X-Hearthside-Upstream', '?'))} {response.status}"
            seen[key] = seen.get(key, 0) + 1
        finally:
            conn.close()
    return dict(sorted(seen.items()))


def summary(rows: list[dict]) -> str:
    lines = ["| phase | app hosts | sockets per host (start → end) | stored | deliveries (live + caught up) "
             "| lost | dup live / stored twice | wrong seq | reconnects | p50 / p99 ms | server CPU s "
             "| CPU ms per delivery |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        spread = " ".join(f"{k}:{v}" for k, v in r["sockets_before"].items())
        if r["sockets_after"] != r["sockets_before"]:
            spread += " → " + " ".join(f"{k}:{v}" for k, v in r["sockets_after"].items())
        lines.append(
            f"| {r['phase']} | {r['hosts']} | {spread} | {r['stored']} | {r['delivered']:,} ({r['live']:,} + "
            f"{r['caught_up']:,}) | {r['lost']} | {r['live_dups']} / {r['stored_twice']} | {r['wrong_seq']} "
            f"| {r['reconnects']} | {r['delivery_p50_ms']:.0f} / {r['delivery_p99_ms']:.0f} "
            f"| {r['server_cpu_s']:.2f} | {r['cpu_ms_per_delivery']:.3f} |")
    for r in rows:
        extra = f"{r['phase']}: {r['pg_connections']} database connections open; CPU s {json.dumps(r['cpu_s'])}"
        if "killed" in r:
            extra += (f"; {r['moved']} sockets moved ({r['silent_given_up']} given up after silence), the last "
                      f"back within {r['reconnected_within_s']:.1f} s; {r['senders_moved']} sender(s) among them, "
                      f"{r['resent_duplicates']} resend(s) answered as duplicates")
        lines.append(extra)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="cluster.py",
        description="A multi-host rehearsal on one machine: three app hosts, a data host and nginx, each in its "
                    "own network namespace (needs root, ip, nginx, redis-server, PostgreSQL's initdb).")
    parser.add_argument("--members", type=int, default=45, help="sockets in the chat room (default 45)")
    parser.add_argument("--senders", type=int, default=3, help="members who send (default 3)")
    parser.add_argument("--rate", type=float, default=8.0, help="messages per second in the room (default 8)")
    parser.add_argument("--step", type=float, default=8.0, help="seconds of sending per phase (default 8)")
    parser.add_argument("--drain", type=float, default=4.0, help="seconds to wait for deliveries after (default 4)")
    parser.add_argument("--client-procs", type=int, default=2, help="load-client processes (default 2)")
    parser.add_argument("--wsgi-workers", type=int, default=1, help="granian workers per app host (default 1)")
    parser.add_argument("--out", default=str(ROOT / "var" / "bench" / "cluster.json"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true",
                      help="print the hosts, the nginx configuration and the cleanup plan; change nothing")
    mode.add_argument("--cleanup", action="store_true", help="remove what a crashed run left behind, then exit")
    args = parser.parse_args(argv)
    for name in ("members", "senders", "client_procs", "wsgi_workers"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.rate <= 0 or args.step <= 0 or args.drain < 0:
        parser.error("--rate and --step must be positive and --drain not negative")
    return args


def preflight() -> None:
    if os.geteuid() != 0:
        raise SystemExit("cluster.py creates network namespaces: run it as root (or use --dry-run)")
    missing = [tool for tool in ("ip", "nsenter", "runuser", "redis-server") if shutil.which(tool) is None]
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        missing.append("nginx (apt-get install -y nginx)")
    if missing:
        raise SystemExit("missing: " + ", ".join(missing) + ". Install them and run again; nothing was changed.")
    _pg_bin()


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.dry_run:
        run_dir = str(Path(tempfile.gettempdir()) / (TMP_GLOB + "XXXXXXXX"))
        print("hosts:")
        for ns, addr in namespaces():
            print(f"  {ns} {addr}")
        print(f"  bridge {BRIDGE} {BRIDGE_ADDR}/24")
        print("nginx.conf (three app hosts):")
        print(nginx_conf(f"{run_dir}/nginx", LB_ADDR, [app_addr(i) for i in range(1, APP_HOSTS + 1)]))
        print("cleanup plan:")
        for line in cleanup_plan(run_dir):
            print(f"  {line}")
        return 0
    preflight()
    if args.cleanup:
        done = cleanup(None, [])
        print("\n".join(done) if done else "nothing to clean up")
        return 0

    # Ctrl-C raises KeyboardInterrupt; SIGTERM and SIGHUP become SystemExit: `finally` cleans up either way.
    def _exit(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _exit)
    signal.signal(signal.SIGHUP, _exit)
    cluster = None
    rows: list[dict] = []
    began = time.time()
    try:
        build_network()
        cluster = Cluster(args)
        cluster.clients = []
        log(f"network built; run directory {cluster.run_dir}")
        cluster.start_data()
        log("data host: PostgreSQL and Redis up; migrating")
        os.environ.update({k: v for k, v in cluster.env.items() if k.startswith(("DATABASE", "REDIS", "HEARTHSIDE",
                                                                               "DJANGO"))})
        cluster.migrate()
        use_django()
        slug, tokens = setup_room(args.members)
        cluster.start_app(1)
        cluster.configure_nginx([1])
        log("app1 up behind nginx")
        web = {"1": http_spread(tokens[0], 6)}
        rows.append(run_phase(cluster, "1-host", slug, tokens))
        cluster.start_app(2)
        cluster.configure_nginx([1, 2])
        log("app2 added")
        web["2"] = http_spread(tokens[0], 6)
        rows.append(run_phase(cluster, "2-hosts", slug, tokens))
        cluster.start_app(3)
        cluster.configure_nginx([1, 2, 3])
        log("app3 added")
        web["3"] = http_spread(tokens[0], 6)
        rows.append(run_phase(cluster, "3-hosts", slug, tokens))
        rows.append(run_phase(cluster, "kill", slug, tokens, kill="crash"))
        web["after kill"] = http_spread(tokens[0], 6)
        cluster.revive_app(int(rows[-1]["killed"][3:]))
        log("the killed host is back")
        web["revived"] = http_spread(tokens[0], 6)
        rows.append(run_phase(cluster, "vanish", slug, tokens, kill="vanish"))
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not stop the cleanup
        if cluster is not None:
            for proc in getattr(cluster, "clients", []):
                if proc.is_alive():
                    proc.terminate()
        done = cleanup(str(cluster.run_dir) if cluster else None, cluster.procs if cluster else [])
        log("cleaned up: " + "; ".join(done))
        signal.signal(signal.SIGINT, signal.default_int_handler)
    print()
    print(f"Hearthside on {APP_HOSTS} app hosts (network namespaces) behind nginx, {args.members} members, "
          f"{args.senders} senders, {args.rate:g} msg/s for {args.step:g} s per phase; {time.time() - began:.0f} s "
          f"in all; {machine_description()}; load average {os.getloadavg()[0]:.1f}")
    print(summary(rows))
    print("HTTP through nginx (answering host and status):", json.dumps(web))
    ok = all(r["lost"] == 0 and r["live_dups"] == 0 and r["stored_twice"] == 0 and r["wrong_seq"] == 0
             and r["unacked"] == 0 and r["never_stored"] == 0 for r in rows)
    print("every message delivered exactly once in every phase" if ok else "DELIVERY CHECK FAILED (see the rows)")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"args": vars(args), "rows": rows, "http": web}, indent=1))
    return 0 if ok else 1


def use_django() -> None:
    import django

    django.setup()


if __name__ == "__main__":
    raise SystemExit(main())
