"""Periodic sweeps run by the worker. Each is idempotent: state lives in the database, so a
restarted worker picks up exactly where the last one stopped."""

from __future__ import annotations

from collections.abc import Callable

SWEEPS: list[tuple[str, Callable[[], int]]] = []


def sweep(name: str):
    def decorator(fn):
        SWEEPS.append((name, fn))
        return fn

    return decorator


def run_sweeps() -> dict[str, int]:
    import logging

    results = {}
    for name, fn in SWEEPS:
        try:
            results[name] = fn()
        except Exception:  # one failing sweep must not stop the others (e.g. alert escalation)
            logging.getLogger("hearthside.worker").exception("sweep %s failed", name)
            results[name] = -1
    return results
