"""Races in tests: the same function in several threads at once, each with its own argument."""

from __future__ import annotations

import threading


def run_at_once(target, arguments, *, timeout: float = 60) -> None:
    """``target(argument)`` in one thread per argument, all started before any is waited for; each
    is given ``timeout`` seconds to finish. ``target`` records what it saw (a barrier inside it
    lines the threads up)."""
    threads = [threading.Thread(target=target, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
