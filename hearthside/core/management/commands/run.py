"""Serve Hearthside: one ASGI process on a laptop, or WSGI workers + an ASGI process behind nginx."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hearthside.core.asgi_server import uvicorn_command

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
  upstream hearthside_ws {{ server 127.0.0.1:{ws_port}; }}
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  server {{
    listen {host}:{port};
    location /ws/ {{
      proxy_pass http://hearthside_ws;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_read_timeout 3600s;
    }}
    location / {{
      proxy_pass http://hearthside_http;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
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
        parser.add_argument("--workers", type=int, default=1, help="HTTP worker processes (>1 uses nginx)")
        parser.add_argument("--no-worker", action="store_true", help="do not start the background worker")

    def handle(self, *args, **options):
        host, port, workers = options["host"], options["port"], options["workers"]
        if workers < 1 or workers > 64:
            raise CommandError("--workers must be between 1 and 64")
        if not 0 < port < 65536:
            raise CommandError("--port must be a TCP port number")
        py = sys.executable
        procs: list[subprocess.Popen] = []
        env = dict(os.environ)
        if workers == 1:
            procs.append(subprocess.Popen(uvicorn_command(host, port), env=env))
        else:
            nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
            if nginx is None:
                raise CommandError(
                    "--workers > 1 serves HTTP through WSGI workers behind nginx; install nginx "
                    "(apt-get install nginx) or use --workers 1. See docs/deploy.md."
                )
            http_port, ws_port = port + 1, port + 2
            var = Path(settings.VAR_DIR).resolve()
            var.mkdir(parents=True, exist_ok=True)
            conf = var / "nginx.conf"
            conf.write_text(NGINX_CONF.format(var=var, host=host, port=port, http_port=http_port, ws_port=ws_port))
            env["HEARTHSIDE_TRUST_X_FORWARDED_FOR"] = "true"
            procs.append(subprocess.Popen([
                py, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(http_port),
                "--workers", str(workers), "--no-ws",
                # granian's default of 256 threads per worker would keep up to 256 database
                # connections each; a few threads keep both cores busy.
                "--blocking-threads", "8", "hearthside.wsgi:application",
            ], env=env))
            procs.append(subprocess.Popen(uvicorn_command("127.0.0.1", ws_port), env=env))
            procs.append(subprocess.Popen([nginx, "-c", str(conf), "-p", str(var), "-g", "daemon off;"], env=env))
        if not options["no_worker"]:
            procs.append(subprocess.Popen([py, "-m", "hearthside.cli", "worker"], env=env))
        self.stdout.write(f"Hearthside is serving on http://{host}:{port}/ (Ctrl-C to stop)")
        stop = False

        def _stop(signum, frame):
            nonlocal stop
            stop = True

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        try:
            while not stop:
                for p in procs:
                    if p.poll() is not None:
                        self.stderr.write(f"process {p.args[:4]} exited with {p.returncode}; stopping")
                        stop = True
                time.sleep(0.5)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
