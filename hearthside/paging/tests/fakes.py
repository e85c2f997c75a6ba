"""Local stand-ins for the outside services paging talks to; nothing here reaches the internet.

- ``FakeHTTPService``: an HTTP server on 127.0.0.1 that records each request (with the moment it
  arrived) and answers with scripted statuses. It plays a browser push service (``subscription``
  makes a real P-256 key pair and auth secret, ``decrypt`` opens a received push with them) and a
  Twilio-compatible SMS API.
- ``HangingService``: accepts connections and never answers, and records when each client gave up.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives.asymmetric import ec

from hearthside.paging.push import b64url, public_key_bytes


class FakeHTTPService:
    def __init__(self, *, statuses=None, body: bytes = b'{"sid": "SM0001"}') -> None:
        self.requests: list[dict] = []
        self.statuses = list(statuses or [])
        self.body = body
        self.keys: dict[str, tuple] = {}
        self._lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server API
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with service._lock:
                    service.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                             "at": time.monotonic()})
                    status = service.statuses.pop(0) if service.statuses else 201
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(service.body)))
                self.end_headers()
                self.wfile.write(service.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    # -- as a push service ------------------------------------------------------------------
    def subscription(self, name: str) -> dict:
        """A browser's subscription whose pushes arrive here, with a real key pair to decrypt them."""
        private = ec.generate_private_key(ec.SECP256R1())
        auth = os.urandom(16)
        endpoint = f"{self.url}/push/{name}"
        self.keys[f"/push/{name}"] = (private, auth)
        return {"endpoint": endpoint, "keys": {"p256dh": b64url(public_key_bytes(private.public_key())),
                                               "auth": b64url(auth)}}

    def decrypt(self, request: dict) -> bytes:
        private, auth = self.keys[request["path"]]
        return http_ece.decrypt(request["body"], private_key=private, auth_secret=auth, version="aes128gcm")

    def to(self, name: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == f"/push/{name}"]


class HangingService:
    """Accepts every connection, reads whatever comes, never answers a byte."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.accepted: list[float] = []
        self.closed: list[float] = []  # when a client gave up (its timeout) and closed
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self._stop.is_set():
            ready, _w, _x = select.select([self.sock], [], [], 0.05)
            if not ready:
                continue
            conn, _addr = self.sock.accept()
            self.accepted.append(time.monotonic())
            thread = threading.Thread(target=self._hold, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _hold(self, conn):
        conn.settimeout(0.05)
        deadline = time.monotonic() + 60  # never hold a test for longer than this
        with conn:
            while not self._stop.is_set() and time.monotonic() < deadline:
                try:
                    if conn.recv(65536) == b"":
                        self.closed.append(time.monotonic())
                        return
                except TimeoutError:
                    continue
                except OSError:
                    self.closed.append(time.monotonic())
                    return

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self.sock.close()
