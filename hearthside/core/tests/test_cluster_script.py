"""bench/cluster.py (issue #20): its options, its dry run and the nginx configuration it writes.

Nothing here creates a namespace or starts a server: the rehearsal itself needs root and a few
minutes (``make cluster``); these check what can be checked without it.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "bench" / "cluster.py"


def _module():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        spec = importlib.util.spec_from_file_location("cluster_under_test", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return module


cluster = _module()


def _run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=SCRIPT.parent.parent, capture_output=True,
                          text=True, timeout=120)


def test_help_names_the_size_flags_and_the_cleanup_modes():
    proc = _run("--help")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("usage: cluster.py")
    for flag in ("--members", "--senders", "--rate", "--step", "--drain", "--client-procs", "--wsgi-workers",
                 "--dry-run", "--cleanup"):
        assert flag in proc.stdout


def test_the_defaults_are_a_small_run():
    args = cluster.parse_args([])
    assert (args.members, args.senders, args.rate, args.step, args.drain, args.client_procs, args.wsgi_workers) == (
        45, 3, 8.0, 8.0, 4.0, 2, 1)
    assert (args.dry_run, args.cleanup) == (False, False)


@pytest.mark.parametrize("argv", [["--members", "0"], ["--rate", "0"], ["--step", "-1"], ["--drain", "-1"],
                                  ["--dry-run", "--cleanup"]])
def test_it_refuses_bad_sizes_and_two_modes_at_once(argv):
    with pytest.raises(SystemExit) as exc:
        cluster.parse_args(argv)
    assert exc.value.code == 2


def test_the_dry_run_prints_the_hosts_and_every_resource_kind_in_the_cleanup_plan():
    proc = _run("--dry-run")
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    hosts = out.split("hosts:\n", 1)[1].split("nginx.conf", 1)[0].split("\n")
    assert [line.strip() for line in hosts if line.strip()] == [
        "hscl-data 10.213.47.20", "hscl-lb 10.213.47.30", "hscl-app1 10.213.47.11", "hscl-app2 10.213.47.12",
        "hscl-app3 10.213.47.13", "bridge hscl-br 10.213.47.1/24",
    ]
    plan = [line.strip() for line in out.split("cleanup plan:\n", 1)[1].splitlines() if line.strip()]
    kinds = [line.split(":", 1)[0] for line in plan]
    # Every kind of thing the rehearsal creates, in the order cleanup removes it.
    assert sorted(set(kinds)) == ["bridge", "client processes", "namespace", "nginx", "postgresql", "processes",
                                  "redis", "temp dir", "veth"]
    assert kinds.count("namespace") == 5 and kinds.count("veth") == 5 and kinds.count("processes") == 5
    assert kinds[0] == "client processes" and kinds[-2:] == ["bridge", "temp dir"]
    # The data host's PostgreSQL is stopped before its namespace's processes are killed.
    assert plan.index("processes: every pid in namespace hscl-data (SIGTERM, then SIGKILL after 10 s)") == (
        kinds.index("postgresql") + 1)
    assert "port 55432" in plan[kinds.index("postgresql")]
    assert plan[kinds.index("redis")] == ("redis: redis-server on 10.213.47.20:6390, stopped with the processes "
                                          "of hscl-data")
    assert "bridge: ip link delete hscl-br" in plan
    assert [line for line in plan if line.startswith("namespace:")] == [
        f"namespace: ip netns delete {ns}" for ns in ("hscl-data", "hscl-lb", "hscl-app1", "hscl-app2", "hscl-app3")]


def test_the_cleanup_plan_matches_the_hosts_it_builds():
    plan = cluster.cleanup_plan("/tmp/x")
    names = [ns for ns, _addr in cluster.namespaces()]
    for ns in names:
        assert f"namespace: ip netns delete {ns}" in plan
        assert f"veth: {ns} (host side; its peer eth0 goes with the namespace)" in plan
    assert plan[-1] == "temp dir: /tmp/x (logs, nginx prefix, the PostgreSQL data directory, the keys)"


def test_the_shared_servers_ports_are_never_used():
    assert cluster.PG_PORT == 55432 and cluster.REDIS_PORT == 6390
    assert cluster.PG_PORT != 5432 and cluster.REDIS_PORT != 6379


def test_the_nginx_config_proxies_websockets_to_every_app_host():
    conf = cluster.nginx_conf("/p", "10.0.0.30", ["10.0.0.11", "10.0.0.12"])
    ws = conf.split("location /ws/ {", 1)[1].split("}", 1)[0]
    lines = [line.strip() for line in ws.strip().splitlines()]
    assert lines == [
        "proxy_pass http://hearthside_ws;",
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "proxy_set_header Host $http_host;",
        "proxy_set_header X-Forwarded-For $remote_addr;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_connect_timeout 2s;",
        "proxy_read_timeout 3600s;",
        "proxy_send_timeout 3600s;",
        "proxy_next_upstream error timeout;",
    ]
    assert "map $http_upgrade $connection_upgrade { default upgrade; '' close; }" in conf
    upstream = conf.split("upstream hearthside_ws {", 1)[1].split("}", 1)[0]
    assert [line.strip() for line in upstream.strip().splitlines()] == [
        "least_conn;",
        "server 10.0.0.11:8002 max_fails=1 fail_timeout=10s;",
        "server 10.0.0.12:8002 max_fails=1 fail_timeout=10s;",
    ]
    assert "ip_hash" not in conf and "sticky" not in conf  # any host serves any socket
    assert "listen 10.0.0.30:80;" in conf


def test_the_nginx_config_sends_ordinary_http_to_granian_on_keep_alive_connections():
    conf = cluster.nginx_conf("/p", "10.0.0.30", ["10.0.0.11"])
    web = conf.split("location / {", 1)[1].split("}", 1)[0]
    assert [line.strip() for line in web.strip().splitlines()] == [
        "proxy_pass http://hearthside_http;",
        "proxy_http_version 1.1;",
        'proxy_set_header Connection "";',
        "proxy_set_header Host $http_host;",
        "proxy_set_header X-Forwarded-For $remote_addr;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_connect_timeout 2s;",
        "proxy_read_timeout 60s;",
        "proxy_next_upstream error timeout;",
    ]
    upstream = conf.split("upstream hearthside_http {", 1)[1].split("}", 1)[0]
    assert [line.strip() for line in upstream.strip().splitlines()] == [
        "server 10.0.0.11:8001 max_fails=1 fail_timeout=10s;", "keepalive 32;"]
    assert "pid /p/nginx.pid;" in conf and "proxy_temp_path /p/proxy;" in conf


def test_cleanup_without_root_refuses_before_touching_anything(monkeypatch):
    monkeypatch.setattr(cluster.os, "geteuid", lambda: 1000)
    with pytest.raises(SystemExit) as exc:
        cluster.main(["--cleanup"])
    assert str(exc.value) == "cluster.py creates network namespaces: run it as root (or use --dry-run)"


def test_a_missing_nginx_is_named_with_the_command_that_installs_it(monkeypatch):
    monkeypatch.setattr(cluster.os, "geteuid", lambda: 0)
    monkeypatch.setattr(cluster.shutil, "which", lambda tool: None if tool == "nginx" else f"/usr/bin/{tool}")
    monkeypatch.setattr(cluster, "Path", lambda p: Path("/nonexistent") / Path(p).name)
    with pytest.raises(SystemExit) as exc:
        cluster.preflight()
    assert str(exc.value) == ("missing: nginx (apt-get install -y nginx). Install them and run again; "
                              "nothing was changed.")
