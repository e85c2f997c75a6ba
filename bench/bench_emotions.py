#!/usr/bin/env python
"""Speed benchmark for the emotion model (``hearthside.selfcare.emotions``).

    .venv/bin/python bench/bench_emotions.py [--n 5000] [--data DIR] [--json]

Texts: the GoEmotions dev split (real Reddit comments, about 70 characters on average) when
``--data`` (default: $GOEMOTIONS_DIR or /work/shared/data/goemotions) is there, otherwise a
fixed set of sentences. Pins the process to one CPU and numpy to one thread, loads the
model, warms up, then reports:

* single: ``predict([text])`` one text at a time, timed per call with ``perf_counter_ns``:
  texts/second (calls / total time), texts per CPU-second (``process_time``, which a busy
  machine does not inflate) and p50 / p99 / max latency;
* batch: ``predict(texts)`` over all texts at once: texts/second;
* long texts (1,000 and 5,000 characters; longer input is cut at 5,000): latency;
* CLI: ``python -m hearthside.selfcare.emotions.cli`` over the texts as JSON lines, start-up
  included: texts/second.

Goal: >= 500 texts/s on one core and p99 < 10 ms per single text.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = "/work/shared/data/goemotions"
FALLBACK = [
    "I'm so grateful for your help, you have no idea.",
    "I am terrified of tomorrow's surgery.",
    "Had a long day at work, the meeting ran late and traffic was awful.",
    "Haha that's hilarious, I can't stop laughing",
    "I miss her every single day and it doesn't get easier.",
    "Why would anyone do that? I don't understand the point.",
    "This is the best news I've heard all year!!",
    "Ugh, my landlord still hasn't fixed the heating.",
    "The bus is at 5 so we should leave by half past four.",
    "I'm sorry, that was my fault and I should have listened.",
]


def pct(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def load_texts(data: Path, n: int, seed: int) -> tuple[list[str], str]:
    dev = data / "original" / "dev.tsv"
    if dev.exists():
        texts = [line.split("\t", 1)[0] for line in dev.read_text(encoding="utf-8").splitlines()]
        source = "GoEmotions dev"
    else:
        texts, source = list(FALLBACK), "built-in sentences"
    rng = random.Random(seed)
    return [rng.choice(texts) for _ in range(n)], source


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Emotion model speed benchmark")
    ap.add_argument("--n", type=int, default=5000, help="texts timed one by one (default 5000)")
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("GOEMOTIONS_DIR", DEFAULT_DATA)))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--grouping",
        choices=("original", "ekman", "group"),
        default="original",
        help="label set timed; ekman and group run their own head and the 28-label head",
    )
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI run")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    cpu = None
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})

    t0 = time.perf_counter()
    from hearthside.selfcare import emotions

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    emotions.get_model()
    t_load = time.perf_counter() - t0

    texts, source = load_texts(args.data, args.n, args.seed)
    for text in texts[:200]:  # warm-up
        emotions.predict([text], args.grouping)

    latencies = []
    cpu0 = time.process_time()
    for text in texts:
        s = time.perf_counter_ns()
        emotions.predict([text], args.grouping)
        latencies.append((time.perf_counter_ns() - s) / 1e6)
    cpu_s = time.process_time() - cpu0
    total_s = sum(latencies) / 1e3
    lat = sorted(latencies)

    t0 = time.perf_counter()
    emotions.predict(texts, args.grouping)
    batch_s = time.perf_counter() - t0

    long_ms = {}
    for size in (1000, 5000):
        text = (" ".join(texts) * 10)[:size]
        runs = []
        for _ in range(20):
            s = time.perf_counter_ns()
            emotions.predict([text], args.grouping)
            runs.append((time.perf_counter_ns() - s) / 1e6)
        long_ms[size] = round(sorted(runs)[len(runs) // 2], 2)

    cli = None
    if not args.no_cli:
        payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
        cmd = [sys.executable, "-m", "hearthside.selfcare.emotions.cli", "--grouping", args.grouping]
        if cpu is not None and sys.platform.startswith("linux"):
            cmd = ["taskset", "-c", str(cpu), *cmd] if _has("taskset") else cmd
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, input=payload, capture_output=True, text=True, cwd=ROOT, check=True)
        cli_s = time.perf_counter() - t0
        assert len(proc.stdout.splitlines()) == len(texts)
        cli = {"texts": len(texts), "seconds": round(cli_s, 2), "texts_per_s": round(len(texts) / cli_s)}

    figures = {
        "texts": source,
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
        "grouping": args.grouping,
        "cpu": platform.processor() or platform.machine(),
        "pinned_cpu": cpu,
        "python": platform.python_version(),
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "cpu_count": os.cpu_count(),
        "import_s": round(t_import, 3),
        "load_s": round(t_load, 3),
        "single": {
            "n": len(texts),
            "texts_per_s": round(len(texts) / total_s),
            "texts_per_cpu_s": round(len(texts) / cpu_s),
            "p50_ms": round(pct(lat, 0.50), 3),
            "p99_ms": round(pct(lat, 0.99), 3),
            "max_ms": round(lat[-1], 3),
        },
        "batch_texts_per_s": round(len(texts) / batch_s),
        "long_text_p50_ms": long_ms,
        "cli": cli,
    }
    figures["goal_met"] = figures["single"]["texts_per_s"] >= 500 and figures["single"]["p99_ms"] < 10
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        s = figures["single"]
        print(f"texts: {source}, mean {figures['mean_chars']} chars, grouping {args.grouping}, CPU {cpu}")
        print(f"load average {figures['load_average_1m']} on {figures['cpu_count']} CPUs "
              "(a busy machine inflates wall-clock figures, not texts per CPU-second)")
        print(f"import {figures['import_s']} s, model load {figures['load_s']} s")
        print(f"single: {s['texts_per_s']} texts/s ({s['texts_per_cpu_s']} per CPU-second), "
              f"p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms, max {s['max_ms']} ms")
        print(f"batch: {figures['batch_texts_per_s']} texts/s")
        print(f"long texts (p50): {long_ms[1000]} ms at 1,000 chars, {long_ms[5000]} ms at 5,000 chars")
        if cli:
            print(f"CLI: {cli['texts']} texts in {cli['seconds']} s, start-up included "
                  f"({cli['texts_per_s']} texts/s)")
        print("goal (>= 500 texts/s, p99 < 10 ms):", "met" if figures["goal_met"] else "NOT met")
    return 0 if figures["goal_met"] else 1


def _has(program: str) -> bool:
    from shutil import which

    return which(program) is not None


if __name__ == "__main__":
    sys.exit(main())
