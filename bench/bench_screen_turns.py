"""Throughput of ``hearthside screen`` on conversations: every message with the same person's earlier
messages as ``"context"`` (at most six), process start included.

    .venv/bin/python bench/bench_screen_turns.py [--reps 5] [--old /tmp/old] [--copies 3]

The conversations are the session 23 test tables (``test_screening_reading_turns_s23.py``: plans told
in parts and their look-alikes, English and Spanish), repeated ``--copies`` times, each conversation
screened message by message as a chat would.  With ``--old DIR`` (a checkout of another commit) both
codes run interleaved in the same repetitions; their outputs differ where the readings differ, so they
are not compared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def lines(copies: int) -> list[str]:
    from hearthside.safety.tests import test_screening_reading_turns_s23 as tables

    convs = [h + [t] for _, h, t, _ in tables.CRISIS] + [h + [t] for _, h, t in tables.LOOK_ALIKES]
    out = []
    for _ in range(copies):
        for conv in convs:
            for i, text in enumerate(conv):
                row = {"text": text}
                if i:
                    row["context"] = conv[max(0, i - 6):i]
                out.append(json.dumps(row, ensure_ascii=False))
    return out


def run(tree: Path, path: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    with open(path, "rb") as src:
        done = subprocess.run([sys.executable, "-m", "hearthside.safety.screening.cli", "screen"], stdin=src,
                              stdout=subprocess.DEVNULL, cwd=tree, env=env, check=True)
    assert done.returncode == 0
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--old", type=Path, default=None)
    args = ap.parse_args()
    rows = lines(args.copies)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write("\n".join(rows) + "\n")
        path = fh.name
    trees = {"new": ROOT} | ({"old": args.old.resolve()} if args.old else {})
    times: dict[str, list[float]] = {k: [] for k in trees}
    try:
        for tree in trees.values():
            run(tree, path)  # bytecode and table caches
        for _ in range(args.reps):
            for name, tree in trees.items():
                times[name].append(run(tree, path))
    finally:
        os.unlink(path)
    print(f"{len(rows)} messages ({args.copies} copies of the session 23 conversations), {args.reps} reps, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name}: median {med:.2f} s, {len(rows) / med:,.0f} messages/s")
    if "old" in times:
        print(f"new / old: {statistics.median(times['old']) / statistics.median(times['new']):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
