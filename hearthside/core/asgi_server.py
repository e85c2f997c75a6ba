"""How Hearthside starts its ASGI server (uvicorn), in one place for `run`, tests and benchmarks.

Per-message compression is off: chat frames are a few hundred bytes, so compressing them saves
little bandwidth, yet it costs CPU for every frame written to every socket (it was about 40% of
the per-delivery work in `make bench-realtime`), and compressing secrets next to text an attacker
can influence is what CRIME-style attacks exploit.

No client addresses in the logs: who visits a mental-health service, and when, is itself
sensitive. The access log is off, and uvicorn logs at WARNING because it writes every websocket's
address at INFO ("... - WebSocket /ws/events/ [accepted]").
"""

from __future__ import annotations

import sys


def _websocket_protocol() -> str:
    """``core.wsprotocol.WebSocketProtocol`` (uvicorn's sans-I/O protocol, lighter per idle socket)
    where the installed uvicorn has that protocol; otherwise uvicorn's own choice."""
    try:
        import hearthside.core.wsprotocol  # noqa: F401
    except ImportError:
        return "auto"
    return "hearthside.core.wsprotocol:WebSocketProtocol"


UVICORN_OPTIONS = {"ws": _websocket_protocol(), "ws_per_message_deflate": False, "access_log": False}


def uvicorn_command(host: str, port: int, *extra: str) -> list[str]:
    """The command line that serves ``hearthside.asgi:application`` on ``host:port``."""
    return [sys.executable, "-m", "uvicorn", "hearthside.asgi:application", "--host", host, "--port", str(port),
            "--no-access-log", "--log-level", "warning", "--ws", UVICORN_OPTIONS["ws"], "--ws-per-message-deflate", str(UVICORN_OPTIONS["ws_per_message_deflate"]).lower(), *extra]
