"""How Hearthside starts its ASGI server (uvicorn), in one place for `run`, tests and benchmarks.

Per-message compression is off: chat frames are a few hundred bytes, so compressing them saves
little bandwidth, yet it costs CPU for every frame written to every socket (it was about 40% of
the per-delivery work in `make bench-realtime`), and compressing secrets next to text an attacker
can influence is what CRIME-style attacks exploit.
"""

from __future__ import annotations

import sys

UVICORN_OPTIONS = {"ws": "auto", "ws_per_message_deflate": False, "access_log": False}


def uvicorn_command(host: str, port: int, *extra: str) -> list[str]:
    """The command line that serves ``hearthside.asgi:application`` on ``host:port``."""
    return [sys.executable, "-m", "uvicorn", "hearthside.asgi:application", "--host", host, "--port", str(port),
            "--no-access-log", "--ws", UVICORN_OPTIONS["ws"], "--ws-per-message-deflate", str(UVICORN_OPTIONS["ws_per_message_deflate"]).lower(), *extra]
