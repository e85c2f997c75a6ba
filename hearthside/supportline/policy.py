"""The queue policy of the support line, as pure functions with no Django in them.

The app (``actions.check_help_next``) and the simulation (``bench/bench_supportline.py``) call the
same :func:`queue_order`, so what the benchmark measures is what the line does.

Policy: the highest assessed risk first; among equal risk, whoever has waited longest; the
conversation id breaks exact ties so the order is total and the same on every process.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

# Screening levels and their rank (the same ranks as hearthside.safety.models.LEVEL_ORDER;
# "unknown", a failed screening, ranks as high so a broken screener never buries anyone).
RISK_RANK = {"none": 0, "low": 1, "moderate": 2, "high": 3, "imminent": 4, "unknown": 3}


@dataclass(frozen=True)
class QueueEntry:
    key: int  # the conversation id
    risk_rank: int
    queued_at: float  # seconds since any fixed origin (epoch or simulation start)


def sort_key(entry: QueueEntry) -> tuple[int, float, int]:
    return (-entry.risk_rank, entry.queued_at, entry.key)


def queue_order(entries: Iterable[QueueEntry]) -> list[QueueEntry]:
    """Waiting conversations in the order supporters take them."""
    return sorted(entries, key=sort_key)


def pick_next(entries: Iterable[QueueEntry]) -> QueueEntry | None:
    return min(entries, key=sort_key, default=None)


def ahead_of(entry: QueueEntry, entries: Iterable[QueueEntry]) -> int:
    """How many waiting conversations would be taken before ``entry`` as the queue stands now."""
    mine = sort_key(entry)
    return sum(1 for other in entries if other.key != entry.key and sort_key(other) < mine)


def estimate_wait_seconds(ahead: int, free_slots: int, total_slots: int, mean_handle_seconds: float) -> float | None:
    """A plain estimate of the wait, or None when nobody is taking conversations (no guess then).

    With ``total_slots`` conversations running at once and each lasting ``mean_handle_seconds``
    on average, a slot frees every ``mean_handle_seconds / total_slots`` seconds. The person is
    served when the ``ahead + 1``-th slot frees; slots free now count at once. People at higher
    risk who arrive later go first, so this is a lower bound for low-risk conversations, and the
    page says so.
    """
    if total_slots <= 0:
        return None
    if ahead < free_slots:
        return 0.0
    needed = ahead - free_slots + 1
    return needed * mean_handle_seconds / total_slots


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0–100) of ``values``; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]
