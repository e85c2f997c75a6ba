#!/usr/bin/env python
"""Train the emotion model shipped in ``hearthside/selfcare/emotions/model/``.

    .venv/bin/python scripts/train_emotions.py                 # full run (hyper-parameter grid)
    .venv/bin/python scripts/train_emotions.py --C 0.5 --jobs 4
    .venv/bin/python scripts/train_emotions.py --out /tmp/emotions-model --data /path/to/goemotions

Data: GoEmotions (Demszky et al. 2020, CC BY 4.0), ``{original,ekman,group}/{train,dev}.tsv``
(``text<TAB>comma-separated label ids<TAB>comment id``) and ``labels.txt``. Only the train
and dev splits are read; the test split is never touched.

1. Features (``features.py``, the very functions inference uses): word 1-2 grams and
   character 2-5 grams within words, vocabulary pruned by document frequency on train,
   sublinear TF-IDF, each block L2-normalised; plus binary hits of a small seed emotion
   lexicon (with negation), weighted by ``BLOCK_WEIGHTS["lex"]``.
2. Heads: one-vs-rest L2 logistic regression per label (liblinear, no class weights, so the
   scores stay probabilities), one head per grouping, each fitted on its own label file
   (``original/``, ``ekman/``, ``group/``); C picked per head on dev. Each label's model is
   fitted on features scaled by a Naive-Bayes log-count ratio (NB-LR, Wang & Manning 2012):
   feature f gets ``|log(P(f | label) / P(f | not label))| ** NB_BETA`` (document presence
   on train, add-one smoothed, scaled to mean 1), which lets the regulariser spend less on
   features that tell the label apart. The scale is folded into the saved weights
   (``w * r``), so inference is unchanged. ``--nb-beta 0`` gives plain logistic regression.
3. Ekman and sentiment ("group") probabilities come from their own head, are *mapped* from
   the original head (noisy-or or max over the original labels mapping onto each grouped
   label; the mapping is read off the aligned train files and checked to reproduce them
   exactly), or *blend* the two (mean); whichever does best on dev is kept, and heads no
   grouping uses are not shipped.
4. Weights are quantised to int8 per label; every dev figure below is computed by loading
   the written artefact with the inference code, so they describe what ships.
5. Decision thresholds: per label, a global one, or per label shrunk toward the global one,
   chosen by cross-fitting on dev (thresholds tuned on one half, scored on the other,
   repeated), then refit on the whole dev split. Dev macro-F1 with thresholds tuned on dev
   is optimistic; the cross-fitted figure is the honest one and both are recorded. Every
   choice above (C, source, threshold rule) is made on the cross-fitted figure.

Pure numpy/scipy/scikit-learn; no pickles are written. Writes ``meta.json``,
``vocab.json.gz`` and ``weights.npz`` and prints a JSON summary.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hearthside.selfcare.emotions import features  # noqa: E402
from hearthside.selfcare.emotions.model import (  # noqa: E402
    FORMAT_VERSION,
    GROUPINGS,
    LABELS,
    EmotionModel,
    map_probabilities,
)

DEFAULT_DATA = Path("/work/shared/data/goemotions")
DEFAULT_OUT = ROOT / "hearthside" / "selfcare" / "emotions" / "model"
MIN_DF = {"word": 2, "char": 3, "lex": 1}
# Chosen on dev (original head, C=1): lexicon weight 0.3 / 0.6 / 1.0 -> cross-fitted macro-F1
# 0.499 / 0.498 / 0.503; lexicon inside the TF-IDF word block instead: 0.496.
BLOCK_WEIGHTS = {"word": 1.0, "char": 1.0, "lex": 1.0}
# NB-LR feature scaling exponent, chosen on dev (cross-fitted macro-F1 of each head alone;
# plain LR / beta 0.5 / beta 1): original 0.505 / 0.507 / -, Ekman 0.597 / 0.601 / 0.600,
# sentiment 0.668 / 0.674 / 0.668.
NB_BETA = 0.5
NB_ALPHA = 1.0
SHRINK_K = (0.0, 10.0, 30.0, 100.0, float("inf"))  # 0: per label; inf: one global threshold
CROSS_FIT_REPEATS = 20
SEED = 20200505


# -- data --------------------------------------------------------------------------------------


def read_split(data: Path, grouping: str, split: str) -> tuple[list[str], list[str], np.ndarray]:
    labels = (data / grouping / "labels.txt").read_text(encoding="utf-8").split()
    if tuple(labels) != LABELS[grouping]:
        raise SystemExit(f"{grouping}/labels.txt does not match LABELS[{grouping!r}]")
    texts, ids, rows = [], [], []
    with open(data / grouping / f"{split}.tsv", encoding="utf-8", newline="\n") as fh:
        for n, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{grouping}/{split}.tsv:{n}: expected 3 tab-separated fields")
            texts.append(parts[0])
            rows.append([int(i) for i in parts[1].split(",")])
            ids.append(parts[2])
    Y = np.zeros((len(texts), len(labels)), dtype=bool)
    for i, row in enumerate(rows):
        Y[i, row] = True
    return texts, ids, Y


def derive_mapping(Y_orig: np.ndarray, Y_grp: np.ndarray, grouping: str) -> dict[str, list[str]]:
    """Original label -> grouped label, read off the aligned files and checked to be exact."""
    single = Y_orig.sum(axis=1) == 1
    to_group: list[int] = []
    for j, name in enumerate(LABELS["original"]):
        rows = single & Y_orig[:, j]
        counts = Y_grp[rows].sum(axis=0)
        if rows.sum() == 0 or counts.max() != rows.sum() or (counts > 0).sum() != 1:
            raise SystemExit(f"cannot derive the {grouping} label of {name!r} from the data")
        to_group.append(int(np.argmax(counts)))
    M = np.zeros((len(LABELS["original"]), len(LABELS[grouping])), dtype=bool)
    M[np.arange(len(to_group)), to_group] = True
    if not np.array_equal((Y_orig.astype(int) @ M.astype(int)) > 0, Y_grp):
        raise SystemExit(f"the derived {grouping} mapping does not reproduce {grouping}/train.tsv")
    names = LABELS["original"]
    return {g: [names[j] for j in np.flatnonzero(M[:, k])] for k, g in enumerate(LABELS[grouping])}


# -- metrics and thresholds --------------------------------------------------------------------


def f1_curve(p: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate thresholds (midpoints between sorted scores) and the F1 each gives."""
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    f1 = 2 * tp / (np.arange(1, len(p) + 1) + max(int(ys.sum()), 1))
    nxt = np.append(ps[1:], ps[-1] - 1e-6)
    return (ps + nxt) / 2, f1


def logit(x: np.ndarray | float) -> np.ndarray:
    x = np.clip(x, 1e-6, 1 - 1e-6)
    return np.log(x / (1 - x))


def fit_thresholds(P: np.ndarray, Y: np.ndarray, k: float) -> np.ndarray:
    """Per-label F1-optimal thresholds, shrunk toward the best global threshold in logit space
    with weight n_pos / (n_pos + k); k=0 is per label, k=inf global."""
    grid = np.linspace(0.02, 0.9, 89)
    t_global = float(grid[int(np.argmax(global_macro_f1(P, Y, grid)))])
    out = np.full(P.shape[1], t_global, dtype=np.float64)
    if np.isinf(k):
        return out
    for j in range(P.shape[1]):
        n_pos = int(Y[:, j].sum())
        if n_pos == 0:
            continue
        cand, f1 = f1_curve(P[:, j], Y[:, j])
        t_j = float(cand[int(np.argmax(f1))])
        w = n_pos / (n_pos + k)
        out[j] = 1 / (1 + np.exp(-(w * logit(t_j) + (1 - w) * logit(t_global))))
    return out


def global_macro_f1(P: np.ndarray, Y: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """``[macro_f1(P >= t, Y) for t in grid]``, counted with binary searches instead."""
    f1 = np.zeros((len(grid), P.shape[1]))
    for j in range(P.shape[1]):
        scores = np.sort(P[:, j].astype(np.float64))
        positives = np.sort(P[Y[:, j], j].astype(np.float64))
        predicted = len(scores) - np.searchsorted(scores, grid, side="left")  # count of p >= t
        tp = len(positives) - np.searchsorted(positives, grid, side="left")
        denom = predicted + len(positives)
        f1[:, j] = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    return f1.mean(axis=1)


def decide(P: np.ndarray, thr: np.ndarray) -> np.ndarray:
    """The inference rule: labels over threshold, else the one nearest (max p / threshold)."""
    D = P >= thr
    empty = ~D.any(axis=1)
    D[empty, np.argmax(P[empty] / thr, axis=1)] = True
    return D


def per_label_f1(D: np.ndarray, Y: np.ndarray) -> np.ndarray:
    tp = (D & Y).sum(axis=0)
    denom = D.sum(axis=0) + Y.sum(axis=0)
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


def macro_f1(D: np.ndarray, Y: np.ndarray) -> float:
    return float(per_label_f1(D, Y).mean())


def micro_f1(D: np.ndarray, Y: np.ndarray) -> float:
    tp = (D & Y).sum()
    return float(2 * tp / (D.sum() + Y.sum()))


def calibration_error(P: np.ndarray, Y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over every (text, label) probability, equal-width bins."""
    p, y = P.ravel().astype(np.float64), Y.ravel().astype(np.float64)
    which = np.minimum((p * bins).astype(int), bins - 1)
    err = 0.0
    for b in range(bins):
        m = which == b
        if m.any():
            err += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(err)


def cross_fit(P: np.ndarray, Y: np.ndarray, k: float, repeats: int = CROSS_FIT_REPEATS) -> float:
    """Macro-F1 on one half of dev with thresholds tuned on the other half, both ways, averaged."""
    rng = np.random.default_rng(SEED)
    scores = []
    for _ in range(repeats):
        half = rng.permutation(len(P)) < len(P) // 2
        for a, b in ((half, ~half), (~half, half)):
            scores.append(macro_f1(decide(P[b], fit_thresholds(P[a], Y[a], k)), Y[b]))
    return float(np.mean(scores))


def best_cross_fit(P: np.ndarray, Y: np.ndarray, repeats: int = 5) -> float:
    return max(cross_fit(P, Y, k, repeats=repeats) for k in SHRINK_K)


def tuned_f1(P: np.ndarray, Y: np.ndarray) -> float:
    """Macro-F1 with per-label thresholds tuned on the same data (for ranking hyper-parameters)."""
    return float(np.mean([f1_curve(P[:, j], Y[:, j])[1].max() for j in range(P.shape[1])]))


# -- training ----------------------------------------------------------------------------------


def nb_ratios(X: sp.csr_matrix, Y: np.ndarray, beta: float = NB_BETA, alpha: float = NB_ALPHA) -> np.ndarray:
    """Per label, the NB-LR scale of every feature: |log-count ratio| ** beta, mean 1.

    (n_features, n_labels) float64; computed from document presence, so TF-IDF values and
    block weights do not enter. beta=0 gives all ones (plain logistic regression)."""
    present = X.copy()
    present.data = np.ones_like(present.data)
    pos = np.asarray((present.T @ sp.csr_matrix(Y.astype(np.float64))).todense())  # (F, L)
    neg = np.asarray(present.sum(axis=0)).reshape(-1, 1) - pos
    p, q = pos + alpha, neg + alpha
    ratio = np.abs(np.log((p / p.sum(axis=0)) / (q / q.sum(axis=0))))
    r = ratio**beta
    return r / r.mean(axis=0)


def _fit_label(X: sp.csr_matrix, y: np.ndarray, C: float, r: np.ndarray) -> tuple[np.ndarray, float, bool]:
    Xs = X @ sp.diags(r.astype(np.float64))
    Xs = Xs.tocsr()
    Xs.sort_indices()
    # Dual coordinate descent: about 3x faster than the primal solver here, and seeded.
    clf = LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=1000, random_state=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        clf.fit(Xs, y)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    return (clf.coef_[0] * r).astype(np.float32), float(clf.intercept_[0]), converged


def fit_head(
    X: sp.csr_matrix, Y: np.ndarray, C: float, jobs: int, beta: float = NB_BETA
) -> tuple[np.ndarray, np.ndarray, int]:
    """Weights (n_features, n_labels), biases, and how many labels' solvers did not converge."""
    R = nb_ratios(X, Y, beta)
    res = Parallel(n_jobs=jobs)(
        delayed(_fit_label)(X, Y[:, j], C, np.ascontiguousarray(R[:, j])) for j in range(Y.shape[1])
    )
    W = np.stack([w for w, _, _ in res], axis=1)
    return W, np.array([b for _, b, _ in res], dtype=np.float32), sum(not ok for _, _, ok in res)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def quantise(W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.maximum(np.abs(W).max(axis=0), 1e-12) / 127.0
    return np.clip(np.rint(W / scale), -127, 127).astype(np.int8), scale.astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("GOEMOTIONS_DIR", DEFAULT_DATA)))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--C", default="0.5,1,2", help="comma-separated inverse regularisation strengths to try")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N training rows (smoke tests)")
    ap.add_argument(
        "--repeats",
        type=int,
        default=CROSS_FIT_REPEATS,
        help=f"cross-fitting repeats for the reported figures (default {CROSS_FIT_REPEATS}; a quarter of "
        "them, at most 5, for choosing C and sources)",
    )
    ap.add_argument(
        "--nb-beta",
        type=float,
        default=NB_BETA,
        help=f"NB-LR scaling exponent, 0 = plain LR (default {NB_BETA})",
    )
    args = ap.parse_args(argv)
    Cs = [float(c) for c in args.C.split(",")]
    search_repeats = max(1, min(5, args.repeats // 4))
    started = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f}s] {msg}", file=sys.stderr, flush=True)

    # Data: the three groupings are the same comments in the same order.
    train_texts, train_ids, Ytr = {}, {}, {}
    dev_texts, dev_ids, Ydv = {}, {}, {}
    for g in GROUPINGS:
        train_texts[g], train_ids[g], Ytr[g] = read_split(args.data, g, "train")
        dev_texts[g], dev_ids[g], Ydv[g] = read_split(args.data, g, "dev")
        for split, texts, ids in (("train", train_texts, train_ids), ("dev", dev_texts, dev_ids)):
            if texts[g] != texts["original"] or ids[g] != ids["original"]:
                raise SystemExit(f"{g}/{split}.tsv is not aligned with original/{split}.tsv")
    if args.limit:
        for g in GROUPINGS:
            train_texts[g], Ytr[g] = train_texts[g][: args.limit], Ytr[g][: args.limit]
    Xtr_text, Xdv_text = train_texts["original"], dev_texts["original"]
    mappings = {g: derive_mapping(Ytr["original"], Ytr[g], g) for g in ("ekman", "group")}
    log(f"data: {len(Xtr_text)} train, {len(Xdv_text)} dev")

    # Features.
    vocab, idf_parts, tr_blocks, dv_blocks = {}, [], [], []
    for block, analyzer in (
        ("word", features.word_features),
        ("char", features.char_features),
        ("lex", features.lexicon_features),
    ):
        vec = CountVectorizer(
            analyzer=analyzer, min_df=MIN_DF[block], lowercase=False, binary=block == "lex", dtype=np.float64
        )
        counts_tr = vec.fit_transform(Xtr_text)
        counts_dv = vec.transform(Xdv_text)
        vocab[block] = vec.get_feature_names_out().tolist()
        if block == "lex":  # binary hits, not normalised
            tr_blocks.append(counts_tr * BLOCK_WEIGHTS[block])
            dv_blocks.append(counts_dv * BLOCK_WEIGHTS[block])
            continue
        tfidf = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2").fit(counts_tr)
        idf_parts.append(tfidf.idf_.astype(np.float32))
        tr_blocks.append(tfidf.transform(counts_tr) * BLOCK_WEIGHTS[block])
        dv_blocks.append(tfidf.transform(counts_dv) * BLOCK_WEIGHTS[block])
    Xtr, Xdv = sp.hstack(tr_blocks).tocsr(), sp.hstack(dv_blocks).tocsr()
    for X in (Xtr, Xdv):  # canonical CSR: workers get read-only memory maps and must not re-sort
        X.sum_duplicates()
        X.sort_indices()
    log(f"features: {len(vocab['word'])} word + {len(vocab['char'])} char + {len(vocab['lex'])} lexicon")

    # Heads: pick C per head on dev (cross-fitted macro-F1, see cross_fit).
    heads: dict[str, dict] = {}
    search: dict[str, dict[str, float]] = {}
    for g in GROUPINGS:
        best = None
        for C in Cs:
            W, b, unconverged = fit_head(Xtr, Ytr[g], C, args.jobs, args.nb_beta)
            if unconverged:
                log(f"head {g} C={C}: {unconverged} label(s) hit the iteration limit")
            P = sigmoid(Xdv @ W + b)
            score = best_cross_fit(P, Ydv[g], search_repeats)
            search.setdefault(g, {})[f"own C={C}"] = round(score, 4)
            tuned = tuned_f1(P, Ydv[g])
            log(f"head {g} C={C}: dev macro-F1 cross-fitted {score:.4f} (tuned on dev {tuned:.4f})")
            if best is None or score > best[0]:
                best = (score, C, W, b, P)
        heads[g] = {"score": best[0], "C": best[1], "W": best[2], "b": best[3], "P": best[4]}

    # Ekman / sentiment: own head, mapped from the original head, or the mean of both?
    sources: dict[str, dict] = {"original": {"source": "own", "head": "original"}}
    for g in ("ekman", "group"):
        members = [[LABELS["original"].index(o) for o in mappings[g][lab]] for lab in LABELS[g]]
        candidates = {(f"own C={heads[g]['C']}", None): (heads[g]["score"], None)}
        for aggregate in ("noisy_or", "max"):
            P_map = map_probabilities(heads["original"]["P"], members, aggregate)
            for source, P in (("mapped", P_map), ("blend", (P_map + heads[g]["P"]) / 2)):
                candidates[(source, aggregate)] = (best_cross_fit(P, Ydv[g], search_repeats), aggregate)
        for (source, aggregate), (score, _) in candidates.items():
            search[g][source if aggregate is None else f"{source} {aggregate}"] = round(score, 4)
        source, aggregate = max(candidates, key=lambda key: candidates[key][0])
        source = source.split()[0]
        spec: dict = {"source": source}
        if source != "mapped":
            spec["head"] = g
        if source != "own":
            spec["aggregate"] = aggregate
            spec["mapping"] = mappings[g]
        sources[g] = spec
        log(f"{g}: {', '.join(f'{k} {v}' for k, v in search[g].items())} -> {source} {aggregate or ''}")
    shipped = [h for h in GROUPINGS if h == "original" or sources[h]["source"] != "mapped"]

    # Write weights (thresholds are placeholders until re-scored below), then re-score dev
    # through the inference code so thresholds and figures describe the shipped artefact.
    arrays: dict[str, np.ndarray] = {"idf": np.concatenate(idf_parts).astype(np.float32)}
    for h in shipped:
        q, scale = quantise(heads[h]["W"])
        arrays[f"{h}.W"], arrays[f"{h}.scale"], arrays[f"{h}.b"] = q, scale, heads[h]["b"].astype(np.float32)
    meta = {
        "format": FORMAT_VERSION,
        "features_version": features.FEATURES_VERSION,
        "model": "TF-IDF (word 1-2 grams, char 2-5 grams in words) + seed emotion lexicon; "
        "one-vs-rest logistic regression on NB-scaled features (NB-LR), one head per grouping",
        "nb_scaling": {"beta": args.nb_beta, "alpha": NB_ALPHA},
        "data": "GoEmotions (Demszky et al. 2020), CC BY 4.0: fit on train; C, sources, thresholds on dev",
        "block_weights": BLOCK_WEIGHTS,
        "min_df": MIN_DF,
        "heads": {h: {"C": heads[h]["C"], "labels": list(LABELS[h])} for h in shipped},
        "groupings": {},
    }
    for g in GROUPINGS:
        meta["groupings"][g] = {"labels": list(LABELS[g]), **sources[g]}
        arrays[f"{g}.thr"] = np.full(len(LABELS[g]), 0.5, dtype=np.float32)

    with tempfile.TemporaryDirectory() as tmp:
        _write(Path(tmp), meta, vocab, arrays)
        model = EmotionModel(tmp)
        metrics, decided = {}, {}
        for g in GROUPINGS:
            P = model.probabilities(Xdv_text, g)
            crossfit = {str(k): cross_fit(P, Ydv[g], k, args.repeats) for k in SHRINK_K}
            k_best = max(SHRINK_K, key=lambda k: crossfit[str(k)])
            thr = fit_thresholds(P, Ydv[g], k_best)
            arrays[f"{g}.thr"] = thr.astype(np.float32)
            D = decided[g] = decide(P, thr.astype(np.float32))
            per_label = per_label_f1(D, Ydv[g])
            metrics[g] = {
                "dev_macro_f1_thresholds_tuned_on_dev": round(macro_f1(D, Ydv[g]), 4),
                "dev_macro_f1_cross_fitted": round(crossfit[str(k_best)], 4),
                "dev_macro_f1_at_0.5": round(macro_f1(decide(P, np.full(P.shape[1], 0.5)), Ydv[g]), 4),
                "dev_micro_f1": round(micro_f1(D, Ydv[g]), 4),
                "dev_brier": round(float(np.mean((P - Ydv[g]) ** 2)), 4),
                "dev_ece": round(calibration_error(P, Ydv[g]), 4),
                "threshold_shrinkage_k": k_best if np.isfinite(k_best) else "global",
                "cross_fitted_by_k": {k: round(v, 4) for k, v in crossfit.items()},
                "per_label_f1": dict(zip(LABELS[g], np.round(per_label, 4).tolist(), strict=True)),
            }
            log(
                f"{g}: dev macro-F1 {metrics[g]['dev_macro_f1_thresholds_tuned_on_dev']:.4f} "
                f"(cross-fitted {metrics[g]['dev_macro_f1_cross_fitted']:.4f}, k={k_best})"
            )

    meta["search"] = search
    meta["dev_metrics"] = metrics
    # No timings or job counts in the artefact: the same data and code give the same bytes.
    meta["training"] = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit_learn": __import__("sklearn").__version__,
        "n_train": len(Xtr_text),
        "n_dev": len(Xdv_text),
        "n_features": {b: len(v) for b, v in vocab.items()},
    }
    _write(args.out, meta, vocab, arrays)
    size = sum(f.stat().st_size for f in args.out.iterdir() if f.is_file())
    # What was written loads and reproduces the dev decisions behind the figures.
    written = EmotionModel(args.out)
    for g in GROUPINGS:
        rows = written.decide(written.probabilities(Xdv_text, g), g)
        D = np.zeros_like(decided[g])
        for i, chosen in enumerate(rows):
            D[i, chosen] = True
        if not np.array_equal(D, decided[g]):
            raise SystemExit(f"the written artefact does not reproduce the dev decisions for {g}")
    log(f"wrote {args.out} ({size / 1e6:.2f} MB); dev decisions reproduced")
    brief = {g: {k: v for k, v in m.items() if not isinstance(v, dict)} for g, m in metrics.items()}
    used = {g: sources[g]["source"] for g in GROUPINGS}
    summary = {"sources": used, "dev": brief, "bytes": size, **meta["training"]}
    summary.update(seconds=round(time.perf_counter() - started), jobs=args.jobs)
    print(json.dumps(summary, indent=2))
    return 0


def _write(out: Path, meta: dict, vocab: dict[str, list[str]], arrays: dict[str, np.ndarray]) -> None:
    """Write the three files, each via a temporary name and an atomic rename."""
    out.mkdir(parents=True, exist_ok=True)

    def replace(name: str, data: bytes) -> None:
        tmp = out / f".{name}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, out / name)

    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    replace("weights.npz", buf.getvalue())
    # mtime=0 keeps the gzip bytes reproducible for identical vocabularies.
    vocab_json = json.dumps(vocab, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    replace("vocab.json.gz", gzip.compress(vocab_json, compresslevel=9, mtime=0))
    replace("meta.json", (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main())
