"""Serve Hearthside: one ASGI process on a laptop, or WSGI and ASGI workers behind nginx.

Every child (granian, uvicorn, nginx, the worker) is supervised: one that exits is started again
with back-off while the others keep serving (core/supervisor.py). Only SIGINT/SIGTERM stops all.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hearthside.core.asgi_server import uvicorn_command
from hearthside.core.supervisor import Child, Supervisor

NGINX_CONF = """
worker_processes 1;
pid {var}/nginx.pid;
error_log {var}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {var}/nginx-body;
  proxy_temp_path {var}/nginx-proxy;
  fastcgi_temp_path {var}/nginx-fastcgi;
  uwsgi_temp_path {var}/nginx-uwsgi;
  scgi_temp_path {var}/nginx-scgi;
  client_max_body_size 2m;
  upstream hearthside_http {{ server 127.0.0.1:{http_port}; keepalive 64; }}
  upstream hearthside_ws {{ least_conn; {ws_servers} }}
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  server {{
    listen {host}:{port};
    location /ws/ {{
      proxy_pass http://hearthside_ws;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 3600s;
    }}
    location / {{
      proxy_pass http://hearthside_http;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
"""


class Command(BaseCommand):
    help = "Serve the platform (HTTP and websockets) and its background worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1,
                            help="WSGI worker processes, and as many ASGI (websocket) processes when "
                                 "REDIS_URL is set (>1 uses nginx)")
        parser.add_argument("--no-worker", action="store_true", help="do not start the background worker")

    def children(self, host: str, port: int, workers: int, *, no_worker: bool = False) -> list[Child]:
        py = sys.executable
        env = dict(os.environ)
        children: list[Child] = []
        if workers == 1:
            children.append(Child("uvicorn", uvicorn_command(host, port), env))
        else:
            nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
            if nginx is None:
                raise CommandError(
                    "--workers > 1 serves HTTP through WSGI workers behind nginx; install nginx "
                    "(apt-get install nginx) or use --workers 1. See docs/deploy.md."
                )
            # Sockets of one topic on several ASGI processes meet only through Redis (the
            # fan-out); without it every socket must stay in one process.
            asgi = workers if settings.REDIS_URL else 1
            http_port = port + 1
            ws_ports = [port + 2 + i for i in range(asgi)]
            if ws_ports[-1] > 65535:
                raise CommandError("--port is too high for the ports its processes need above it")
            var = Path(settings.VAR_DIR).resolve()
            var.mkdir(parents=True, exist_ok=True)
            conf = var / "nginx.conf"
            ws_servers = " ".join(f"server 127.0.0.1:{p};" for p in ws_ports)
            conf.write_text(NGINX_CONF.format(var=var, host=host, port=port, http_port=http_port,
                                              ws_servers=ws_servers))
            env["HEARTHSIDE_TRUST_X_FORWARDED_FOR"] = "true"
            children.append(Child("granian", [
                py, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(http_port),
                "--workers", str(workers), "--no-ws", "--respawn-failed-workers",
                # granian's default of 256 threads per worker would keep up to 256 database
                # connections each; a few threads keep both cores busy.
                "--blocking-threads", "8", "hearthside.wsgi:application",
            ], env))
            for i, ws_port in enumerate(ws_ports):
                children.append(Child(f"uvicorn-{i + 1}", uvicorn_command("127.0.0.1", ws_port), env))
            children.append(Child("nginx", [nginx, "-c", str(conf), "-p", str(var), "-g", "daemon off;"], env))
            if workers > 1 and asgi == 1:
                self.stderr.write("REDIS_URL is not set: websockets stay in one ASGI process "
                                  "(several need Redis to reach each other's sockets)")
        if not no_worker:
            children.append(Child("worker", [py, "-m", "hearthside.cli", "worker"], env))
        return children

    def handle(self, *args, **options):
        host, port, workers = options["host"], options["port"], options["workers"]
        if workers < 1 or workers > 64:
            raise CommandError("--workers must be between 1 and 64")
        if not 0 < port < 65536:
            raise CommandError("--port must be a TCP port number")
        children = self.children(host, port, workers, no_worker=options["no_worker"])
        stop = threading.Event()

        def _stop(signum, frame):
            stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        self.stdout.write(f"Hearthside is serving on http://{host}:{port}/ (Ctrl-C to stop)")
        Supervisor(children, log=lambda line: self.stderr.write(line)).run(stop)
