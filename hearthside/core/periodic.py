"""Periodic sweeps run by the worker. Each is idempotent: state lives in the database, so a
restarted worker picks up exactly where the last one stopped.

Sweeps are grouped in *lanes*; the worker runs each lane in a thread of its own, on its own
schedule, apart from task delivery (e-mail). A lane that hangs (a slow query, an outside call)
therefore delays only its own sweeps: escalation of safety alerts has a lane to itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

SWEEPS: list[tuple[str, Callable[[], int]]] = []
LANES: dict[str, str] = {}  # sweep name -> lane
DEFAULT_LANE = "default"


def sweep(name: str, *, lane: str = DEFAULT_LANE):
    def decorator(fn):
        SWEEPS.append((name, fn))
        LANES[name] = lane
        return fn

    return decorator


def lanes() -> list[str]:
    return sorted(set(LANES.values()) | {DEFAULT_LANE})


def run_sweeps(lane: str | None = None) -> dict[str, int]:
    """Run every sweep (of ``lane``, or of all lanes). A failing sweep is logged as -1 and does not
    stop the others."""
    results = {}
    for name, fn in SWEEPS:
        if lane is not None and LANES.get(name, DEFAULT_LANE) != lane:
            continue
        try:
            results[name] = fn()
        except Exception:  # one failing sweep must not stop the others (e.g. alert escalation)
            logging.getLogger("hearthside.worker").exception("sweep %s failed", name)
            results[name] = -1
    return results
