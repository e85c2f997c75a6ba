"""Build the screener's tables when a server process starts, in the background, so the first
person to write something does not wait for it."""

from __future__ import annotations

import threading


def _warm() -> None:
    try:
        from hearthside.safety import screen

        screen("warm up")
    except Exception:  # a failure here shows up again, logged, on first real use
        return


def start() -> None:
    threading.Thread(target=_warm, name="hearthside-warmup", daemon=True).start()
