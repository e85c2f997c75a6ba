"""Measure the abuse detector (``hearthside.safety.abuse``) -- ``make eval-moderation``.

Data (development use only, never copied into the repository), from ``../shared/data/``:

* ``davidson_hate_offensive/labeled_data.csv``: 24,783 tweets labelled hate / offensive / neither
  by crowd workers (Davidson et al. 2017). Rows whose index is divisible by 5 are the held-out
  split; the lexicon was written and adjusted looking only at the other rows (``--split dev``).
* ``crisis-dev/dreaddit-train.csv``, ``sdcnl-train.csv``, ``twitter-suicidal-ideation.csv``:
  people writing about stress, depression and suicidal thoughts. None of it is aimed at another
  member, so every hold there is a false hold of someone in distress.

The detector's labels map onto Davidson's classes as: ``hate`` -> hate; ``insult`` or
``harassment`` -> offensive; ``profanity`` or ``none`` -> neither. Note the mismatch in what is
measured: Davidson's "offensive" covers any vulgar tweet (most of them song lyrics or banter with
no target), while Hearthside holds only what is aimed at someone; swearing alone is published.

Prints a Markdown report; ``--write`` replaces the text between the markers in docs/moderation.md.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hearthside.safety.abuse import LEXICON_PATH, classify_abuse, lexicon  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
DOC = ROOT / "docs" / "moderation.md"
START, END = "<!-- eval-moderation:start -->", "<!-- eval-moderation:end -->"
CLASSES = ("hate", "offensive", "neither")
_RT = re.compile(r"^(?:[!\s]*)rt @\w+:?\s*", re.IGNORECASE)

csv.field_size_limit(10**8)


def davidson(split: str) -> list[tuple[str, str]]:
    rows = []
    with (DATA / "davidson_hate_offensive" / "labeled_data.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            index = int(row[""])
            held_out = index % 5 == 0
            if (split == "test") != held_out:
                continue
            # A retweet's "RT @name:" is not the author addressing anyone.
            text = _RT.sub("", html.unescape(row["tweet"]))
            rows.append((text, CLASSES[int(row["class"])]))
    return rows


def predicted_class(text: str) -> str:
    result = classify_abuse(text)
    if result.label == "hate" and result.abusive:
        return "hate"
    return "offensive" if result.abusive else "neither"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def distress_sets() -> list[tuple[str, list[str]]]:
    sets = []
    path = DATA / "crisis-dev" / "dreaddit-train.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    sets.append(("Dreaddit (stressed posts)", [r["text"] for r in rows if r["label"] == "1"]))
    sets.append(("Dreaddit (not stressed)", [r["text"] for r in rows if r["label"] == "0"]))
    with (DATA / "crisis-dev" / "sdcnl-train.csv").open(encoding="utf-8") as fh:
        sets.append(("SDCNL (r/SuicideWatch and r/depression)",
                     [f"{r['title']}. {r['selftext']}" for r in csv.DictReader(fh)]))
    with (DATA / "crisis-dev" / "twitter-suicidal-ideation.csv").open(encoding="utf-8") as fh:
        sets.append(("Twitter suicidal-ideation tweets", [r["Text"] for r in csv.DictReader(fh)]))
    return sets


def report(split: str, show: int = 0) -> str:
    rows = davidson(split)
    started = time.perf_counter()
    preds = [predicted_class(t) for t, _ in rows]
    elapsed = time.perf_counter() - started
    confusion = Counter(zip((g for _, g in rows), preds, strict=True))
    lines = [f"Davidson et al. (2017), {'held-out split (row index divisible by 5)' if split == 'test' else 'dev split'}:"
             f" {len(rows):,} tweets ({', '.join(f'{c} {sum(1 for _, g in rows if g == c):,}' for c in CLASSES)}).",
             "", "| class | precision | recall | F1 |", "|---|---|---|---|"]
    f1s = []
    for c in CLASSES:
        tp = confusion[(c, c)]
        fp = sum(confusion[(g, c)] for g in CLASSES if g != c)
        fn = sum(confusion[(c, p)] for p in CLASSES if p != c)
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        lines.append(f"| {c} | {p:.3f} | {r:.3f} | {f:.3f} |")
    lines.append(f"| macro | | | {sum(f1s) / 3:.3f} |")
    gold_abusive = [g != "neither" for _, g in rows]
    held = [p != "neither" for p in preds]
    tp = sum(1 for g, h in zip(gold_abusive, held, strict=True) if g and h)
    fp = sum(1 for g, h in zip(gold_abusive, held, strict=True) if not g and h)
    fn = sum(1 for g, h in zip(gold_abusive, held, strict=True) if g and not h)
    p, r, f = prf(tp, fp, fn)
    lines += ["", f"Held (any abusive label) against hate or offensive: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}.",
              "", "Confusion (rows: Davidson's label, columns: predicted):", "",
              "| | " + " | ".join(CLASSES) + " |", "|---|---|---|---|"]
    for g in CLASSES:
        lines.append(f"| {g} | " + " | ".join(f"{confusion[(g, p)]:,}" for p in CLASSES) + " |")
    lines += ["", "False holds on people writing about distress (nothing here is aimed at another member):", "",
              "| data | texts | held | share held |", "|---|---|---|---|"]
    examples = []
    for name, texts in distress_sets():
        flagged = [t for t in texts if classify_abuse(t).abusive]
        examples += flagged[:show]
        lines.append(f"| {name} | {len(texts):,} | {len(flagged)} | {len(flagged) / max(1, len(texts)):.2%} |")
    lines += ["", f"Speed: {len(rows) / elapsed:,.0f} tweets per second on one core "
              f"({elapsed / len(rows) * 1e6:.0f} µs each), lexicon version {lexicon().version} "
              f"(`{LEXICON_PATH.relative_to(ROOT)}`)."]
    if show:
        lines += ["", "Examples of false holds:"] + [f"- {e[:200]!r} -> {classify_abuse(e).reasons}" for e in examples]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--write", action="store_true", help="update docs/moderation.md")
    parser.add_argument("--show", type=int, default=0, help="print this many false holds per distress set")
    args = parser.parse_args(argv)
    text = report(args.split, args.show)
    print(text)
    if args.write:
        doc = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Moderation\n\n{START}\n{END}\n"
        if START not in doc:
            doc += f"\n{START}\n{END}\n"
        head, _sep, rest = doc.partition(START)
        _old, _sep, tail = rest.partition(END)
        DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
        print(f"\nwrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
