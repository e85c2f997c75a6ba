"""Speed benchmark for the crisis screener (rules only, the shipped default).

    .venv/bin/python bench/bench_screen.py [--n 20000] [--seed 7] [--json]

Builds 300-character messages from a fixed mix of benign, distressed and
crisis sentences (70 / 15 / 15 %), pins the process to one CPU where the OS
allows it, warms up, then times every call with ``perf_counter_ns``.
Reports messages/second (total calls / total time in ``screen``), p50/p99/max
latency per message class, import time, and a few long inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time

from common import BENIGN, CRISIS, DISTRESS, ROOT, use_project

use_project()

def make_message(rng: random.Random, kind: str, length: int = 300) -> str:
    pools = {"benign": BENIGN, "distress": BENIGN + DISTRESS * 2, "crisis": BENIGN + CRISIS * 2}
    must = {"benign": None, "distress": DISTRESS, "crisis": CRISIS}[kind]
    parts = [rng.choice(must)] if must else []
    while sum(len(p) + 1 for p in parts) < length + 40:
        parts.append(rng.choice(pools[kind]))
    rng.shuffle(parts)
    text = " ".join(parts)
    if len(text) > length:
        cut = text.rfind(" ", 0, length)
        text = text[:cut if cut > 0 else length]
    return text.ljust(length, ".")


def pct(values: list[int], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k] / 1000.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000, help="messages to time (default 20000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown")
    ap.add_argument("--cli-n", type=int, default=20000, help="messages through `hearthside screen` (default 20000)")
    args = ap.parse_args(argv)

    pinned = None
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = max(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            pinned = cpu
        except OSError:
            pass

    t0 = time.perf_counter()
    from hearthside.safety import screen

    import_s = time.perf_counter() - t0

    rng = random.Random(args.seed)
    kinds = rng.choices(["benign", "distress", "crisis"], weights=[70, 15, 15], k=args.n)
    msgs = [(k, make_message(rng, k)) for k in kinds]
    for _, m in msgs[:2000]:
        screen(m)

    lat: dict[str, list[int]] = {"benign": [], "distress": [], "crisis": []}
    levels: dict[str, dict[str, int]] = {k: {} for k in lat}
    clock = time.perf_counter_ns
    total_ns = 0
    cpu0 = time.process_time()
    for kind, m in msgs:
        a = clock()
        s = screen(m)
        b = clock()
        total_ns += b - a
        lat[kind].append(b - a)
        levels[kind][s.level] = levels[kind].get(s.level, 0) + 1
    cpu_s = time.process_time() - cpu0
    everything = [x for v in lat.values() for x in v]

    long_words = " ".join(make_message(rng, "benign", 300) for _ in range(240))  # ~10k words
    long_words = " ".join(long_words.split()[:10_000])
    big = (make_message(rng, "crisis") + "\n") * 340  # ~100 kB
    # A chat message judged with its author's 7 earlier messages (risk across turns), as group
    # chat, peer chat, the support line and counselling screen each message.
    chat = [make_message(rng, rng.choice(["benign"] * 8 + ["distress"]), 120) for _ in range(400)]
    cpu_h = time.process_time()
    for i in range(7, len(chat)):
        screen(chat[i], context="chat", history=chat[i - 7:i])
    with_history_ms = (time.process_time() - cpu_h) / (len(chat) - 7) * 1000
    longs = {}
    for name, text in (("10k words", long_words), ("100 kB", big[:100_000])):
        a = time.perf_counter()
        s = screen(text)
        longs[name] = {"chars": len(text), "ms": round((time.perf_counter() - a) * 1000, 1), "level": s.level}

    result = {
        "chat_with_history_cpu_ms": round(with_history_ms, 3),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs visible, pinned to CPU {pinned}",
        "messages": len(msgs),
        "message_chars": 300,
        "import_s": round(import_s, 3),
        "msgs_per_s": round(len(everything) / (total_ns / 1e9)),
        # CPU time excludes time the process spent waiting for the CPU, which
        # matters on a shared machine; wall time is what a caller sees.
        "msgs_per_cpu_s": round(len(everything) / cpu_s) if cpu_s > 0 else None,
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "p50_ms": round(pct(everything, 50) / 1000, 4),
        "p99_ms": round(pct(everything, 99) / 1000, 4),
        "max_ms": round(max(everything) / 1e6, 3),
        "by_class": {
            k: {"n": len(v), "mean_us": round(statistics.fmean(v) / 1000, 1), "p50_us": round(pct(v, 50), 1),
                "p99_us": round(pct(v, 99), 1), "levels": levels[k]}
            for k, v in lat.items() if v
        },
        "long_inputs": longs,
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"Python {result['python']} on {result['machine']}; import {result['import_s']} s; "
          f"load average {result['load_average']}")
    print(f"{result['messages']} messages of 300 chars: {result['msgs_per_s']:,} msg/s "
          f"({result['msgs_per_cpu_s']:,} per CPU-second), "
          f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms")
    print("| class | n | mean µs | p50 µs | p99 µs | levels |")
    print("|---|---|---|---|---|---|")
    for k, v in result["by_class"].items():
        print(f"| {k} | {v['n']} | {v['mean_us']} | {v['p50_us']} | {v['p99_us']} | {v['levels']} |")
    for name, v in longs.items():
        print(f"{name}: {v['chars']} chars in {v['ms']} ms ({v['level']})")
    print(f"a chat message with its author's 7 earlier messages as history: "
          f"{result['chat_with_history_cpu_ms']} ms of CPU each")
    cli = cli_throughput(rng, args.cli_n)
    print(f"\n`hearthside screen`, {args.cli_n} chat-length messages (60-140 chars), process start included, "
          "side by side in this run:")
    print("| screener | wall s | messages/s |")
    print("|---|---|---|")
    for name, (wall, rate) in cli.items():
        print(f"| {name} | {wall:.2f} | {rate:,} |")
    return 0


def cli_throughput(rng: random.Random, n: int) -> dict[str, tuple[float, int]]:
    """Messages per second through the JSON-lines CLI, process start included: the rules alone
    (the default before the shipped model) against the default (rules + shipped model)."""
    import subprocess
    import tempfile

    kinds = rng.choices(["benign", "distress", "crisis"], weights=[70, 15, 15], k=n)
    lines = [json.dumps({"id": k, "text": make_message(rng, kind, rng.randint(60, 140))})
             for k, kind in enumerate(kinds)]
    out = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write("\n".join(lines) + "\n")
        path = fh.name
    try:
        for name, extra in (("rules only (`--no-base-model`)", ["--no-base-model"]),
                            ("default (rules + shipped model)", [])):
            best = None
            for _ in range(3):
                with open(path, "rb") as stdin:
                    a = time.perf_counter()
                    proc = subprocess.run([sys.executable, "-m", "hearthside.safety.screening.cli", "screen", *extra],
                                          stdin=stdin, stdout=subprocess.PIPE, cwd=ROOT, check=True)
                    wall = time.perf_counter() - a
                assert proc.stdout.count(b"\n") == n
                best = wall if best is None else min(best, wall)
            out[name] = (best, round(n / best))
    finally:
        os.unlink(path)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
