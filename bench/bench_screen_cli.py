"""Throughput of ``hearthside screen`` (JSON lines in and out), process start included.

    .venv/bin/python bench/bench_screen_cli.py [--n 10000] [--reps 5] [--old /tmp/old] [--json]
    .venv/bin/python bench/bench_screen_cli.py --write-lines FILE.jsonl --n 50000   # just the input

Builds ``--n`` chat-length messages (60-140 characters) from a fixed mix of English and Spanish
(75 / 25 %) benign, distressed and crisis sentences (70 / 15 / 15 %), writes them as JSON lines,
then spawns ``python -m hearthside.safety.screening.cli screen`` on them ``--reps`` times and
reports messages per second from spawn to exit (interpreter start, imports, the rule tables and
the shipped model included), of wall time and of the child's CPU time (user + system, which
other jobs on a shared machine disturb less), and the start-up alone (the same command on one
line).  A first run on one line fills the bytecode and table caches, as any earlier use would.
With ``--old DIR`` (a checkout of another commit, e.g. ``git worktree add /tmp/old HEAD``) both
are run interleaved in the same repetitions, so a noisy machine affects both alike, and their
outputs are compared byte for byte (exit status 1 when they differ).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EN_BENIGN = [
    "Had a long day at work, the meeting ran late and traffic was awful.",
    "Going to make pasta tonight and watch an episode of that new show.",
    "Thanks so much for the recipe, the cake turned out great!",
    "Does anyone know a good way to keep basil alive on a windowsill?",
    "My sister is visiting this weekend so the flat is a mess of boxes.",
    "I finally finished the report and my manager liked it.",
    "I'm so tired after the gym, my legs are killing me lol.",
    "Can someone recommend a book for a long train journey?",
    "Today I tried meditation for ten minutes and it helped a bit.",
    "My dog keeps stealing socks and hiding them under the bed.",
    "that exam killed me but I think I passed",
    "see you all at group tomorrow, I'll bring snacks",
]
# The English distressed and crisis sentences are bench_screen.py's, so both benchmarks measure
# the same text.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CRISIS as EN_CRISIS  # noqa: E402
from common import DISTRESS as EN_DISTRESS  # noqa: E402

ES_BENIGN = [
    "Hoy fui al mercado y compré fruta para toda la semana.",
    "¿Alguien sabe dónde venden pan sin gluten por el centro?",
    "Mañana tengo examen de matemáticas y estoy repasando.",
    "Qué calor hace hoy, me muero de ganas de ir a la playa jaja.",
    "Gracias por el consejo, el pastel quedó buenísimo.",
    "El fin de semana vamos a ver a mis abuelos al pueblo.",
    "Ese chiste me mató de risa, no puedo más.",
    "Nos vemos el jueves en el grupo, llevo galletas.",
]
ES_DISTRESS = [
    "Me siento muy sola últimamente y no puedo dormir.",
    "Todo se está desmoronando y ya no sé qué hacer.",
    "Siento que soy una carga para mi familia.",
    "Estoy atrapado en este trabajo y no veo salida.",
    "Me odio por volver a fallar, soy un desastre.",
]
ES_CRISIS = [
    "quiero matarme, ya no aguanto más",
    "Tengo las pastillas guardadas y lo voy a hacer esta noche.",
    "Ojalá pudiera dormirme y no despertar nunca.",
    "Pienso en el suicidio todos los días.",
    "me quiero quitar la vida, no puedo más con esto",
    "Intenté suicidarme el año pasado y me siento igual otra vez.",
    "Nunca me mataría, pero me siento vacía.",
    "Mi amiga dice que se quiere morir y tengo miedo por ella.",
]
POOLS = {
    "en": {"benign": EN_BENIGN, "distress": EN_DISTRESS, "crisis": EN_CRISIS},
    "es": {"benign": ES_BENIGN, "distress": ES_DISTRESS, "crisis": ES_CRISIS},
}


def make_message(rng: random.Random, lang: str, kind: str, length: int) -> str:
    """A message of about ``length`` characters: one sentence of ``kind`` among benign ones."""
    pool = POOLS[lang]
    parts = [rng.choice(pool[kind])]
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(rng.choice(pool["benign"]))
    rng.shuffle(parts)
    text = " ".join(parts)
    if len(text) > length:
        cut = text.rfind(" ", 0, length)
        text = text[:cut if cut >= 60 else length]
    return text


def make_lines(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        lang = rng.choices(["en", "es"], weights=[75, 25])[0]
        kind = rng.choices(["benign", "distress", "crisis"], weights=[70, 15, 15])[0]
        out.append(json.dumps({"id": k, "text": make_message(rng, lang, kind, rng.randint(60, 140))},
                              ensure_ascii=False))
    return out


def run_cli(root: Path, path: str, extra: list[str]) -> tuple[float, float, bytes]:
    """Wall and CPU seconds (user + system, from the child's resource usage) of one run, and its output."""
    env = dict(os.environ, PYTHONPATH=str(root))
    # Bytecode is cached as Python does by default (some shells here turn that off).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with open(path, "rb") as stdin:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        a = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "hearthside.safety.screening.cli", "screen", *extra],
                              stdin=stdin, stdout=subprocess.PIPE, cwd=root, env=env, check=True)
        wall = time.perf_counter() - a
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000, help="messages per run (default 10000)")
    ap.add_argument("--reps", type=int, default=5, help="repetitions of each run (default 5)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--old", metavar="DIR", help="another checkout to run side by side (e.g. /tmp/old)")
    ap.add_argument("--no-base-model", action="store_true", help="pass --no-base-model to the CLI")
    ap.add_argument("--write-lines", metavar="FILE", help="write the input lines to FILE and stop")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown")
    args = ap.parse_args(argv)

    lines = make_lines(args.n, args.seed)
    if args.write_lines:
        Path(args.write_lines).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    extra = ["--no-base-model"] if args.no_base_model else []
    trees = {"new": ROOT}
    if args.old:
        trees = {"old": Path(args.old).resolve(), "new": ROOT}
    runs: dict[str, dict[str, list[float]]] = {k: {"wall": [], "cpu": [], "start_wall": [], "start_cpu": []}
                                               for k in trees}
    outputs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "lines.jsonl")
        one = os.path.join(tmp, "one.jsonl")
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
        Path(one).write_text(lines[0] + "\n", encoding="utf-8")
        for root in trees.values():  # fills the file cache, bytecode and any first-run cache
            run_cli(root, one, extra)
        load0 = os.getloadavg()
        for _ in range(args.reps):
            for name, root in trees.items():
                wall, cpu, out = run_cli(root, path, extra)
                assert out.count(b"\n") == args.n, (name, out.count(b"\n"))
                outputs.setdefault(name, out)
                start_wall, start_cpu, _ = run_cli(root, one, extra)
                for k, v in (("wall", wall), ("cpu", cpu), ("start_wall", start_wall), ("start_cpu", start_cpu)):
                    runs[name][k].append(v)
        load1 = os.getloadavg()
    same = len(set(outputs.values())) == 1
    med = {name: {k: statistics.median(v) for k, v in r.items()} for name, r in runs.items()}
    result = {
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip() + f", {os.cpu_count()} CPUs",
        "messages": args.n,
        "reps": args.reps,
        "load_average": [round(load0[0], 1), round(load1[0], 1)],
        "outputs_identical": same,
        "runs": {
            name: {
                "msgs_per_s_wall": round(args.n / med[name]["wall"]),
                "msgs_per_s_wall_best": round(args.n / min(runs[name]["wall"])),
                "msgs_per_cpu_s": round(args.n / med[name]["cpu"]),
                "start_wall_s": round(med[name]["start_wall"], 3),
                "start_cpu_s": round(med[name]["start_cpu"], 3),
                "wall_s": [round(w, 3) for w in runs[name]["wall"]],
                "cpu_s": [round(c, 3) for c in runs[name]["cpu"]],
            }
            for name in trees
        },
    }
    if "old" in trees:
        result["new_over_old_wall"] = round(med["old"]["wall"] / med["new"]["wall"], 2)
        result["new_over_old_cpu"] = round(med["old"]["cpu"] / med["new"]["cpu"], 2)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0 if same else 1
    print(f"Python {result['python']} on {result['machine']}; load average {load0[0]:.1f} -> {load1[0]:.1f}")
    print(f"`hearthside screen`{' --no-base-model' if extra else ''}, {args.n:,} chat-length messages "
          f"(60-140 chars, 75 % English, 25 % Spanish), process start included, median of {args.reps} runs"
          f"{', old and new interleaved' if args.old else ''}:")
    print("| code | msg/s (wall) | msg/s (best wall) | msg per CPU-second | start-up wall s | start-up CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in result["runs"].items():
        print(f"| {name} | {r['msgs_per_s_wall']:,} | {r['msgs_per_s_wall_best']:,} | {r['msgs_per_cpu_s']:,} | "
              f"{r['start_wall_s']:.3f} | {r['start_cpu_s']:.3f} |")
    if "old" in trees:
        print(f"new/old: {result['new_over_old_wall']}x (wall), {result['new_over_old_cpu']}x (CPU); "
              f"outputs byte-identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
