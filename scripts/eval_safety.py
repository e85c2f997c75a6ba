"""Evaluate the crisis screener on the development data (``make eval-safety``).

Data (dev only, never copied into the repository) is read from
``../shared/data/crisis-dev/``:

* ``sdcnl-train.csv``: r/SuicideWatch (crisis) vs r/depression posts -- the
  depression posts are hard negatives, and some of them are themselves
  suicidal (subreddit labels, not clinical ones);
* ``twitter-suicidal-ideation.csv``: tweets labelled potential suicide / not;
* ``dreaddit-train.csv``: stressed and non-stressed posts, none of them
  crisis posts -- every flag there is a false alarm.

"Crisis predicted" is ``level >= high`` (and, separately, ``>= moderate``).
The combined rules+model figures come from 5-fold cross-validation over the
pooled data: each text is scored by a model that never saw it.

Prints a Markdown report; ``--write`` also replaces the text between
``<!-- eval:start -->`` and ``<!-- eval:end -->`` in docs/safety.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hearthside.safety.screening import (  # noqa: E402
    LEVELS,
    Screener,
    base_model,  # noqa: E402
)
from hearthside.safety.screening.screener import _combine_many  # noqa: E402
from hearthside.safety.screening.text import repair_mojibake  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data" / "crisis-dev"
DOC = ROOT / "docs" / "safety.md"
HANDWRITTEN = ROOT / "scripts" / "eval_data" / "handwritten.csv"
# A second set written on 2026-12-03 by a writer who had not seen the rules, and never tuned on
# (scripts/eval_data/README_b.md): the honest figure for how the rules generalise.
HANDWRITTEN_B = ROOT / "scripts" / "eval_data" / "handwritten_b.csv"
START, END = "<!-- eval:start -->", "<!-- eval:end -->"
IDX = {name: i for i, name in enumerate(LEVELS)}


@dataclass
class Dataset:
    name: str
    texts: list[str]
    labels: list[int]  # 1 crisis, 0 not
    kind: str  # "labelled" or "negatives"
    extra: list[int] | None = None  # Dreaddit stress label


def _rows(path: Path) -> list[dict]:
    csv.field_size_limit(2**31 - 1)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh))


def load(data_dir: Path) -> list[Dataset]:
    """The three sets, each text as the screener reads it (mis-decoded UTF-8 put back, as
    ``Screener.screen`` does before the rules and the models)."""
    sd = _rows(data_dir / "sdcnl-train.csv")
    tw = _rows(data_dir / "twitter-suicidal-ideation.csv")
    dr = _rows(data_dir / "dreaddit-train.csv")
    def fix(texts):
        return [repair_mojibake(t)[0] for t in texts]

    return [
        Dataset("SDCNL (SuicideWatch vs depression)", fix(f"{r['title']}\n{r['selftext']}" for r in sd),
                [int(r["is_suicide"]) for r in sd], "labelled"),
        Dataset("Twitter suicidal ideation", fix(r["Text"] for r in tw), [int(r["Sem"]) for r in tw], "labelled"),
        Dataset("Dreaddit (stress, no crisis)", fix(r["text"] for r in dr), [0] * len(dr), "negatives",
                [int(r["label"]) for r in dr]),
    ]


def prf(pred: list[bool], gold: list[int]) -> tuple[float, float, float, int, int, int]:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if not p and g)
    r = tp / (tp + fn) if tp + fn else 0.0
    p = tp / (tp + fp) if tp + fp else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return r, p, f, tp, fp, fn


def metric_rows(ds: Dataset, levels: list[str], tag: str) -> list[str]:
    rows = []
    for cut in ("high", "moderate"):
        pred = [IDX[lv] >= IDX[cut] for lv in levels]
        if ds.kind == "labelled":
            r, p, f, tp, fp, fn = prf(pred, ds.labels)
            rows.append(f"| {tag} | {ds.name} | ≥ {cut} | {r:.3f} | {p:.3f} | {f:.3f} | {tp}/{fp}/{fn} |")
        else:
            fa = sum(pred) / len(pred)
            stressed = [pv for pv, s in zip(pred, ds.extra or [], strict=True) if s]
            fa_s = sum(stressed) / len(stressed) if stressed else 0.0
            rows.append(f"| {tag} | {ds.name} | ≥ {cut} | – | false alarms {sum(pred)}/{len(pred)} "
                        f"= {fa:.3f} | stressed only: {sum(stressed)}/{len(stressed)} = {fa_s:.3f} | – |")
    return rows


def pooled_rows(sets: list[Dataset], per_set_levels: list[list[str]], tag: str) -> list[str]:
    rows = []
    for cut in ("high", "moderate"):
        pred, gold = [], []
        for ds, lv in zip(sets, per_set_levels, strict=True):
            if ds.kind != "labelled":
                continue
            pred += [IDX[x] >= IDX[cut] for x in lv]
            gold += ds.labels
        r, p, f, tp, fp, fn = prf(pred, gold)
        rows.append(f"| {tag} | pooled SDCNL + Twitter | ≥ {cut} | {r:.3f} | {p:.3f} | {f:.3f} | {tp}/{fp}/{fn} |")
    return rows


def confusion(ds: Dataset, levels: list[str]) -> list[str]:
    out = []
    groups = [("crisis", 1), ("not crisis", 0)] if ds.kind == "labelled" else [("stressed", 1), ("not stressed", 0)]
    gold = ds.labels if ds.kind == "labelled" else (ds.extra or [])
    for name, val in groups:
        c = Counter(lv for lv, g in zip(levels, gold, strict=True) if g == val)
        total = sum(c.values())
        out.append(f"| {ds.name} | {name} ({total}) | " + " | ".join(str(c.get(lv, 0)) for lv in LEVELS) + " |")
    return out


def cross_validate(sets: list[Dataset], rules: list[list], folds: int, seed: int):
    """Out-of-fold model probabilities for every text, stratified by data set and label."""
    from hearthside.safety.screening.model import fit

    items = [(si, k, ds.labels[k]) for si, ds in enumerate(sets) for k in range(len(ds.texts))]
    rng = random.Random(seed)
    strata: dict[tuple[int, int], list[int]] = {}
    for n, (si, _, y) in enumerate(items):
        strata.setdefault((si, y), []).append(n)
    fold_of = [0] * len(items)
    for members in strata.values():
        rng.shuffle(members)
        for pos, n in enumerate(members):
            fold_of[n] = pos % folds
    probs = [0.0] * len(items)
    for f in range(folds):
        train = [n for n in range(len(items)) if fold_of[n] != f]
        test = [n for n in range(len(items)) if fold_of[n] == f]
        model = fit([sets[items[n][0]].texts[items[n][1]] for n in train], [items[n][2] for n in train], seed=seed)
        got = model.probabilities([sets[items[n][0]].texts[items[n][1]] for n in test])
        for n, p in zip(test, got, strict=True):
            probs[n] = p
        print(f"  fold {f + 1}/{folds} done", file=sys.stderr)
    out: list[list[float]] = [[0.0] * len(ds.texts) for ds in sets]
    for n, (si, k, _) in enumerate(items):
        out[si][k] = probs[n]
    return out, model


class _Thresholds:
    def __init__(self, raise_moderate: float, raise_high: float | None) -> None:
        self.raise_moderate, self.raise_high = raise_moderate, raise_high


def combined_levels(rules: list, scored: list[list[tuple[float, object]]]) -> list[str]:
    """Levels after the rules are combined with each text's (probability, model) pairs."""
    return [_combine_many(r, sc).level for r, sc in zip(rules, scored, strict=True)]


def handwritten_rows(path: Path, screener, title: str = "Hand-written cases") -> list[str]:
    """The project's own hand-written evaluation cases (never used for training)."""
    if not path.exists():
        return []
    rows = _rows(path)
    out = ["", f"{title} (`{path.relative_to(ROOT)}`, written for evaluation only, never trained on); "
           "multi-turn cases are judged on the last message with the earlier ones as `history`:", "",
           "| set | language | n | at ≥ moderate | at ≥ high | at ≤ low |", "|---|---|---|---|---|---|"]
    groups: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        history = json.loads(r["context"]) if r.get("context") else None
        level = screener.screen(r["text"], history=history).level
        kind = "multi-turn " if history else ""
        name = f"{kind}{'crisis' if r['gold'] == 'crisis' else 'look-alikes'}"
        groups.setdefault((name, r["lang"]), []).append(level)
    for (name, lang), levels in sorted(groups.items()):
        n = len(levels)
        mod = sum(IDX[x] >= IDX["moderate"] for x in levels)
        high = sum(IDX[x] >= IDX["high"] for x in levels)
        low = n - mod
        out.append(f"| {name} | {lang} | {n} | {mod}/{n} = {mod / n:.2f} | {high}/{n} = {high / n:.2f} "
                   f"| {low}/{n} = {low / n:.2f} |")
    return out


def show_errors(sets: list[Dataset], levels: list[list[str]], n: int, seed: int) -> None:
    rng = random.Random(seed)
    for ds, lv in zip(sets, levels, strict=True):
        miss = [k for k, g in enumerate(ds.labels) if g and IDX[lv[k]] < IDX["moderate"]]
        fa = [k for k, g in enumerate(ds.labels) if not g and IDX[lv[k]] >= IDX["moderate"]]
        for name, ks in (("MISSES (< moderate)", miss), ("FALSE ALARMS (>= moderate)", fa)):
            print(f"\n=== {ds.name}: {name}: {len(ks)}", file=sys.stderr)
            for k in rng.sample(ks, min(n, len(ks))):
                s = Screener().screen(ds.texts[k])
                why = "; ".join(f"{r.construct}{list(r.modifiers) or ''}:{ds.texts[k][r.spans[0][0]:r.spans[0][1]]!r}"
                                for r in s.reasons if r.spans)
                print(f"- [{s.level}] {ds.texts[k][:400]!r}\n    -> {why}", file=sys.stderr)


def report(args: argparse.Namespace) -> str:
    sets = load(args.data_dir)
    # The default screener's own reading of each text (session 24): the rules, and the shipped model given
    # the text with its edges blanked and combined at the thresholds that apply to that text
    # (``BaseModel.thresholds_for``: chat-length texts have their own).  Before, the model's probability of
    # the raw text was combined at the artefact's thresholds for every length, which is not what
    # ``screen()`` does.
    base = base_model.default()
    single = Screener(base=base if base is not None else False)._single
    singles = [[single(t) for t in ds.texts] for ds in sets]
    rules = [[r for _, r, _ in ss] for ss in singles]
    n_texts = sum(len(ds.texts) for ds in sets)
    rule_levels = [[r.screening.level for r in rs] for rs in rules]

    lines = [
        f"Data: {', '.join(f'{ds.name} n={len(ds.texts)}' for ds in sets)} "
        f"(`../shared/data/crisis-dev/`, dev only; {n_texts} texts).",
        "",
        "Recall / precision / F1 are for the crisis class; TP/FP/FN are counts.",
        "",
        "| screener | data | crisis if | recall | precision | F1 | TP/FP/FN |",
        "|---|---|---|---|---|---|---|",
    ]
    for ds, lv in zip(sets, rule_levels, strict=True):
        lines += metric_rows(ds, lv, "rules only")
    lines += pooled_rows(sets, rule_levels, "rules only")

    base_probs = [[p for _, _, p in ss] for ss in singles]
    base_thresholds = [[base.thresholds_for(t) if base else None for t in ds.texts] for ds in sets]
    default_levels = rule_levels
    if base is not None:
        default_levels = [[s.level for s, _, _ in ss] for ss in singles]
        for ds, lv in zip(sets, default_levels, strict=True):
            lines += metric_rows(ds, lv, "**default** (rules + shipped model)")
        lines += pooled_rows(sets, default_levels, "**default** (rules + shipped model)")

    model_levels = None
    if not args.no_model:
        print("cross-validating the operator model ...", file=sys.stderr)
        probs, _ = cross_validate(sets, rules, args.folds, args.seed)
        op = _Thresholds(args.raise_moderate, args.raise_high)
        model_levels = [combined_levels(rs, [[(pb, bt), (po, op)] if base else [(po, op)]
                                             for pb, bt, po in zip(pbs, bts, ps, strict=True)])
                        for rs, pbs, bts, ps in zip(rules, base_probs, base_thresholds, probs, strict=True)]
        tag = f"default + operator model ({args.folds}-fold CV)"
        for ds, lv in zip(sets, model_levels, strict=True):
            lines += metric_rows(ds, lv, tag)
        lines += pooled_rows(sets, model_levels, tag)

    lines += ["", "Levels assigned by the default screener (rows: gold label):", "",
              "| data | gold | " + " | ".join(LEVELS) + " |", "|---|---|" + "---|" * len(LEVELS)]
    for ds, lv in zip(sets, default_levels, strict=True):
        lines += confusion(ds, lv)
    if model_levels is not None:
        lines += ["", f"Levels assigned by the default + operator model ({args.folds}-fold CV; the operator "
                  f"model lifts none/low to moderate at p ≥ {args.raise_moderate}"
                  + (f", moderate to high at p ≥ {args.raise_high}" if args.raise_high is not None else "")
                  + "):", "", "| data | gold | " + " | ".join(LEVELS) + " |", "|---|---|" + "---|" * len(LEVELS)]
        for ds, lv in zip(sets, model_levels, strict=True):
            lines += confusion(ds, lv)
    lines += handwritten_rows(HANDWRITTEN, Screener(), "Hand-written cases A")
    lines += handwritten_rows(HANDWRITTEN_B, Screener(), "Hand-written cases B (unseen while the rules were tuned)")

    if args.show_errors:
        show_errors(sets, default_levels, args.show_errors, args.seed)
    return "\n".join(lines) + "\n"


def write_doc(text: str, doc: Path) -> None:
    content = doc.read_text(encoding="utf-8")
    if START not in content or END not in content:
        raise SystemExit(f"{doc} has no {START} ... {END} block")
    head, rest = content.split(START, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate the crisis screener on the dev data.")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--write", action="store_true", help=f"update the evaluation block in {DOC.name}")
    ap.add_argument("--no-model", action="store_true", help="skip the cross-validated model")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--raise-moderate", type=float, default=None)
    ap.add_argument("--raise-high", type=float, default=None)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print N sampled misses and false alarms per data set to stderr (for tuning)")
    args = ap.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"dev data not found at {args.data_dir}", file=sys.stderr)
        return 2
    if args.raise_moderate is None:
        from hearthside.safety.screening.model import DEFAULT_RAISE_HIGH, DEFAULT_RAISE_MODERATE

        args.raise_moderate = DEFAULT_RAISE_MODERATE
        if args.raise_high is None:
            args.raise_high = DEFAULT_RAISE_HIGH
    text = report(args)
    print(text)
    if args.write:
        write_doc(text, DOC)
        print(f"updated {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
