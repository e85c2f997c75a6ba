"""Train the crisis model that ships as the screener's default (``make train-screener``).

Only data the project may ship goes in (see docs/models.md, "Crisis screener model"):

* the project's own written corpus, ``hearthside/safety/screening/corpus/*.csv``
  (``text,level,construct,lang``; crisis = ``moderate`` or above), with its data card
  ``corpus/README.md``;
* phrases of the Suicide Risk Lexicon v1.0 (Low et al. 2024, Apache-2.0) from the
  committed ``data/lexicon.json``: ideation, plan and self-injury phrases as crisis,
  risk-factor phrases (hopelessness, burden, worthlessness ...) as not crisis;
* GoEmotions train comments (Demszky et al. 2020, CC BY 4.0) as everyday Reddit
  negatives, read from ``../shared/data/goemotions`` when present -- except comments the
  rules screen at ``moderate`` or above, which may be real disclosures.

The dev-only crisis sets (SDCNL, Twitter, Dreaddit) are never read here; they measure the
result (``make eval-safety``).  Training is deterministic: the same inputs give the same
artefact bytes (``--check`` verifies the committed one).

    .venv/bin/python scripts/train_screener.py [--out PATH] [--check] [--cv 5]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hearthside.safety.screening import base_model as bm  # noqa: E402

SCREENING = ROOT / "hearthside" / "safety" / "screening"
CORPUS = SCREENING / "corpus"
LEXICON = SCREENING / "data" / "lexicon.json"
GOEMOTIONS = ROOT.parent / "shared" / "data" / "goemotions" / "original" / "train.tsv"
OUT = SCREENING / "data" / bm.ARTEFACT

CRISIS_LEVELS = {"moderate", "high", "imminent"}
LEVELS = ("none", "low", "moderate", "high", "imminent")
LEXICON_POSITIVE = ("active_ideation", "passive_ideation", "plan", "self_injury", "crisis_state", "farewell")
LEXICON_NEGATIVE = ("hopelessness", "entrapment", "burdensomeness", "worthlessness", "emotional_pain",
                    "help_seeking", "suicide_exposure")
WEIGHT_CORPUS, WEIGHT_LEXICON, WEIGHT_GOEMOTIONS = 1.0, 0.5, 0.15
C = 2.0
# Share of the total training weight carried by crisis examples (the rest by everything else).
POS_SHARE = 0.5
PRUNE = 0.01


def read_corpus(folder: Path = CORPUS) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("text") or "").strip()
                level = (row.get("level") or "").strip()
                if not text or level not in LEVELS:
                    raise SystemExit(f"{path.name}: bad row {row!r}")
                rows.append({"text": text, "level": level, "construct": row.get("construct", ""),
                             "lang": row.get("lang", ""), "file": path.name})
    seen: set[str] = set()
    out = []
    for r in rows:  # a text written twice counts once
        key = r["text"].lower()
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def read_lexicon() -> list[tuple[str, int]]:
    tables = json.loads(LEXICON.read_text(encoding="utf-8"))["tables"]
    out = []
    for name, label in [(n, 1) for n in LEXICON_POSITIVE] + [(n, 0) for n in LEXICON_NEGATIVE]:
        table = tables.get(name) or {}
        for phrase in sorted(set(table.get("phrases", []) + table.get("prototypical", []))):
            out.append((phrase, label))
    return out


def read_goemotions(path: Path = GOEMOTIONS) -> list[str]:
    if not path.exists():
        print(f"note: {path} not found; training without GoEmotions negatives", file=sys.stderr)
        return []
    from hearthside.safety.screening.engine import assess

    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = line.split("\t", 1)[0].strip()
            if text and assess(text).screening.level in ("none", "low"):
                texts.append(text)
    return texts


def dataset(corpus: list[dict], lexicon: list[tuple[str, int]], goemotions: list[str]):
    texts = [r["text"] for r in corpus] + [t for t, _ in lexicon] + goemotions
    labels = ([int(r["level"] in CRISIS_LEVELS) for r in corpus] + [y for _, y in lexicon]
              + [0] * len(goemotions))
    weights = ([WEIGHT_CORPUS] * len(corpus) + [WEIGHT_LEXICON] * len(lexicon)
               + [WEIGHT_GOEMOTIONS] * len(goemotions))
    return texts, labels, weights


def fit(texts: list[str], labels: list[int], weights: list[float]) -> bm.BaseModel:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    index: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        counts, n = bm.featurise(text)
        if not n:
            continue
        scale = 1.0 / n ** 0.5
        for feat in sorted(counts):
            j = index.setdefault(feat, len(index))
            rows.append(i)
            cols.append(j)
            vals.append(counts[feat] * scale)
    x = csr_matrix((vals, (rows, cols)), shape=(len(texts), len(index)))
    y = np.asarray(labels)
    w = np.asarray(weights, dtype=float)
    # Set the classes' shares of the total weight, so neither the many everyday negatives nor
    # the corpus's many crisis lines decide the prior.
    pos, neg = w[y == 1].sum(), w[y == 0].sum()
    w = np.where(y == 1, w * POS_SHARE * (pos + neg) / pos, w * (1 - POS_SHARE) * (pos + neg) / neg)
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000)
    clf.fit(x, y, sample_weight=w)
    coef = clf.coef_[0]
    names = sorted(index, key=index.__getitem__)
    kept = {name: float(coef[j]) for j, name in enumerate(names) if abs(coef[j]) >= PRUNE}
    return bm.BaseModel(kept, float(clf.intercept_[0]), raise_moderate=0.5, raise_high=None)


def cross_validate(corpus, lexicon, goemotions, folds: int) -> list[dict]:
    """Corpus rows scored by models that never saw them (lexicon and GoEmotions always in)."""
    scored = []
    for k in range(folds):
        test = [r for i, r in enumerate(corpus) if i % folds == k]
        train = [r for i, r in enumerate(corpus) if i % folds != k]
        model = fit(*dataset(train, lexicon, goemotions))
        for r in test:
            scored.append({**r, "p": model.probability(r["text"])})
    return scored


def summarise(scored: list[dict], threshold: float) -> dict:
    out = {}
    for lang in sorted({r["lang"] for r in scored}):
        rs = [r for r in scored if r["lang"] == lang]
        pos = [r for r in rs if r["level"] in CRISIS_LEVELS]
        neg = [r for r in rs if r["level"] not in CRISIS_LEVELS]
        tp = sum(r["p"] >= threshold for r in pos)
        fp = sum(r["p"] >= threshold for r in neg)
        out[lang] = {"n": len(rs), "recall": round(tp / max(len(pos), 1), 3),
                     "false_alarms": round(fp / max(len(neg), 1), 3)}
    return out


def train(out: Path, folds: int) -> dict:
    corpus = read_corpus()
    lexicon = read_lexicon()
    goemotions = read_goemotions()
    if not corpus:
        raise SystemExit(f"no corpus in {CORPUS}")
    meta = {
        "corpus_rows": len(corpus),
        "corpus_crisis": sum(r["level"] in CRISIS_LEVELS for r in corpus),
        "corpus_by_lang": dict(sorted(Counter(r["lang"] for r in corpus).items())),
        "corpus_sha256": hashlib.sha256("\n".join(f"{r['text']}\t{r['level']}" for r in corpus)
                                        .encode("utf-8")).hexdigest(),
        "lexicon_phrases": len(lexicon),
        "goemotions_negatives": len(goemotions),
        "C": C, "weights": [WEIGHT_CORPUS, WEIGHT_LEXICON, WEIGHT_GOEMOTIONS],
    }
    if folds > 1:
        scored = cross_validate(corpus, lexicon, goemotions, folds)
        meta["cv"] = {str(t): summarise(scored, t) for t in (0.5, 0.8)}
    model = fit(*dataset(corpus, lexicon, goemotions))
    model.raise_moderate, model.raise_low, model.raise_high = RAISE_MODERATE, RAISE_LOW, RAISE_HIGH
    model.meta = meta
    bm.dump(model, out)
    return {"out": str(out), "features": len(model.weights), "bytes": out.stat().st_size, **meta}


# Probability that lifts none (low) to moderate, and moderate to high (never to imminent).
RAISE_MODERATE = 0.95
RAISE_LOW = 0.95
RAISE_HIGH = None  # the shipped model never lifts to high: that needs what the rules read


def card_table(corpus: list[dict]) -> str:
    """Counts per file, construct, language and level, as the data card shows them."""
    lines = ["| file | construct | lang | " + " | ".join(LEVELS) + " | total |",
             "|---|---|---|" + "---|" * len(LEVELS) + "---|"]
    groups: dict[tuple[str, str, str], Counter] = {}
    for r in corpus:
        groups.setdefault((r["file"], r["construct"], r["lang"]), Counter())[r["level"]] += 1
    for (file, construct, lang), c in sorted(groups.items()):
        lines.append(f"| {file} | {construct} | {lang} | " + " | ".join(str(c.get(lv, 0) or "") for lv in LEVELS)
                     + f" | {sum(c.values())} |")
    by_lang: dict[str, Counter] = {}
    for r in corpus:
        by_lang.setdefault(r["lang"], Counter())[r["level"]] += 1
    for lang, c in sorted(by_lang.items()):
        lines.append(f"| **all** | | **{lang}** | " + " | ".join(f"**{c.get(lv, 0)}**" for lv in LEVELS)
                     + f" | **{sum(c.values())}** |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cv", type=int, default=5, help="folds of cross-validation on the corpus (0: none)")
    ap.add_argument("--check", action="store_true", help="fail if the committed artefact is not what training gives")
    ap.add_argument("--card", action="store_true", help="print the corpus counts table of the data card and stop")
    args = ap.parse_args(argv)
    if args.card:
        print(card_table(read_corpus()))
        return 0
    if args.check:
        tmp = args.out.with_suffix(".check.gz")
        try:
            train(tmp, args.cv)
            same = tmp.read_bytes() == args.out.read_bytes()
        finally:
            tmp.unlink(missing_ok=True)
        print("artefact is up to date" if same else f"{args.out} is stale: run make train-screener")
        return 0 if same else 1
    summary = train(args.out, args.cv)
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
