"""Numpy-only inference over the committed artefact in ``model/``.

Artefact (written by ``scripts/train_emotions.py``):

* ``meta.json``: format version, label lists, how each grouping is produced, block weights,
  decision rule, training and dev figures;
* ``vocab.json.gz``: ``{"word": [...], "char": [...], "lex": [...]}``, feature strings in
  column order (word block first, then char, then lexicon);
* ``weights.npz`` (no pickles; loaded with ``allow_pickle=False``): ``idf`` (float32, for
  the word and char blocks),
  per head ``<head>.W`` (int8, features x labels), ``<head>.scale`` (float32, per-label
  de-quantisation factor), ``<head>.b`` (float32 bias) and per grouping ``<grouping>.thr``
  (float32 decision thresholds).

Each head is one-vs-rest logistic regression fitted on its grouping's own label file (the
NB-LR feature scaling used in training is folded into ``W``), so inference is one sparse
dot product per head. A grouping's probabilities come from its own head (``own``), from the original 28-label head through the GoEmotions mapping (``mapped``: the
probability that at least one of the original labels mapping onto it applies, taken as
independent ("noisy_or") or as their maximum ("max")), or from the mean of the two
(``blend``). The training script picks, per grouping, what does best on dev.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

import numpy as np

from hearthside.selfcare.emotions import features

FORMAT_VERSION = 1
MODEL_DIR = Path(__file__).resolve().parent / "model"

GROUPINGS = ("original", "ekman", "group")

# Fixed by GoEmotions (labels.txt of each folder); the artefact is checked against them.
LABELS: Mapping[str, tuple[str, ...]] = {
    "original": (
        "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
        "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
        "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
        "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
    ),
    "ekman": ("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"),
    "group": ("ambiguous", "negative", "neutral", "positive"),
}


@dataclass(frozen=True, slots=True)
class Prediction:
    """``labels``: the labels over their decision threshold, most probable first (at least one
    for non-empty text: when none clears its threshold, the one closest to doing so).
    ``scores``: every label of the grouping -> probability in [0, 1] (one-vs-rest, so they
    do not sum to 1)."""

    labels: list[str]
    scores: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"labels": list(self.labels), "scores": dict(self.scores)}


class ModelError(RuntimeError):
    """The artefact is missing, unreadable or does not match this code."""


@dataclass(frozen=True, slots=True)
class _Head:
    W: np.ndarray  # (n_features, n_labels) float32, de-quantised
    b: np.ndarray  # (n_labels,) float32


@dataclass(frozen=True, slots=True)
class _Grouping:
    labels: tuple[str, ...]
    source: str  # "own", "mapped" or "blend"
    head: str | None  # own head, for "own" and "blend"
    thresholds: np.ndarray  # (n_labels,) float32
    members: tuple[tuple[int, ...], ...] | None  # original label indices per label, for "mapped"/"blend"
    aggregate: str  # "noisy_or" or "max"


class EmotionModel:
    def __init__(self, directory: Path | str = MODEL_DIR):
        directory = Path(directory)
        try:
            meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            with gzip.open(directory / "vocab.json.gz", "rt", encoding="utf-8") as fh:
                vocab = json.load(fh)
            arrays = np.load(directory / "weights.npz", allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the emotion model from {directory}: {exc}") from exc
        if meta.get("format") != FORMAT_VERSION or meta.get("features_version") != features.FEATURES_VERSION:
            raise ModelError(
                f"emotion model format {meta.get('format')}/{meta.get('features_version')} does not match "
                f"this code ({FORMAT_VERSION}/{features.FEATURES_VERSION}): run scripts/train_emotions.py"
            )
        self.meta = meta
        # One term -> column table for all blocks (their feature strings have distinct prefixes);
        # per block, in column order: (first column after it, weight, TF-IDF or binary).
        self._index: dict[str, int] = {}
        self._blocks: list[tuple[int, float, bool]] = []
        offset = 0
        for name, tfidf in (("word", True), ("char", True), ("lex", False)):
            self._index.update((t, offset + i) for i, t in enumerate(vocab[name]))
            offset += len(vocab[name])
            self._blocks.append((offset, float(meta["block_weights"][name]), tfidf))
        if len(self._index) != offset:
            raise ModelError("emotion model: duplicate feature strings in the vocabulary")
        self._block_ends = np.array([end for end, _, _ in self._blocks], dtype=np.int64)
        self._n_features = offset
        self._idf = arrays["idf"].astype(np.float32)
        if self._idf.shape != (offset - len(vocab["lex"]),):
            raise ModelError("emotion model: idf and vocabulary sizes differ")
        self._heads: dict[str, _Head] = {}
        for name in meta["heads"]:
            W = arrays[f"{name}.W"].astype(np.float32) * arrays[f"{name}.scale"].astype(np.float32)
            if W.shape[0] != self._n_features:
                raise ModelError(f"emotion model: head {name} does not match the vocabulary size")
            self._heads[name] = _Head(W=np.ascontiguousarray(W), b=arrays[f"{name}.b"].astype(np.float32))
        self._groupings: dict[str, _Grouping] = {}
        original = LABELS["original"]
        for grouping in GROUPINGS:
            spec = meta["groupings"][grouping]
            labels = tuple(spec["labels"])
            if labels != LABELS[grouping]:
                raise ModelError(f"emotion model: labels of {grouping} differ from LABELS")
            source = spec["source"]
            if source not in ("own", "mapped", "blend") or (source != "own" and grouping == "original"):
                raise ModelError(f"emotion model: bad source {source!r} for {grouping}")
            members = None
            if source != "own":
                members = tuple(tuple(original.index(o) for o in spec["mapping"][lab]) for lab in labels)
            head = spec.get("head") if source != "mapped" else None
            if spec.get("aggregate", "noisy_or") not in ("noisy_or", "max"):
                raise ModelError(f"emotion model: bad aggregate for {grouping}")
            if head is not None and head not in self._heads:
                raise ModelError(f"emotion model: {grouping} needs head {head!r}, which is not shipped")
            self._groupings[grouping] = _Grouping(
                labels=labels,
                source=source,
                head=head,
                thresholds=arrays[f"{grouping}.thr"].astype(np.float32),
                members=members,
                aggregate=spec.get("aggregate", "noisy_or"),
            )

    # -- features ---------------------------------------------------------------------------

    def _vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector of one text: (sorted column indices, values)."""
        toks = features.tokens(text)
        feats = features.word_features(text, toks)
        feats += features.char_features(text, toks)
        feats += features.lexicon_features(text, toks)
        found = np.fromiter(map(self._index.get, feats, repeat(-1)), dtype=np.int64, count=len(feats))
        idx, tf = np.unique(found[found >= 0], return_counts=True)
        vals = np.empty(idx.size, dtype=np.float32)
        start = 0
        for end, (_, weight, tfidf) in zip(np.searchsorted(idx, self._block_ends), self._blocks, strict=True):
            if end > start:
                if tfidf:  # sublinear TF-IDF, L2-normalised per block
                    seg = (1.0 + np.log(tf[start:end].astype(np.float32))) * self._idf[idx[start:end]]
                    vals[start:end] = seg * (weight / np.sqrt(np.dot(seg, seg)))
                else:  # binary
                    vals[start:end] = weight
            start = end
        return idx, vals

    # -- scores -----------------------------------------------------------------------------

    def head_probabilities(self, texts: Sequence[str], heads: Sequence[str]) -> dict[str, np.ndarray]:
        """Sigmoid outputs of the named heads, (n_texts, n_labels) each; features computed once."""
        hs = [self._heads[h] for h in heads]
        out = [np.empty((len(texts), h.b.shape[0]), dtype=np.float32) for h in hs]
        for i, text in enumerate(texts):
            idx, vals = self._vector(text)
            for h, o in zip(hs, out, strict=True):
                o[i] = vals @ h.W[idx] + h.b if idx.size else h.b
        return {name: 1.0 / (1.0 + np.exp(-o)) for name, o in zip(heads, out, strict=True)}

    def probabilities(self, texts: Sequence[str], grouping: str = "original") -> np.ndarray:
        """(n_texts, n_labels) probabilities for ``grouping``, columns in ``LABELS`` order."""
        g = self._grouping(grouping)
        if g.source == "own":
            return self.head_probabilities(texts, [g.head])[g.head]
        probs = self.head_probabilities(texts, ["original"] if g.head is None else ["original", g.head])
        mapped = map_probabilities(probs["original"], g.members, g.aggregate)
        return mapped if g.head is None else (probs[g.head] + mapped) / 2

    def decide(self, probs: np.ndarray, grouping: str = "original") -> list[list[int]]:
        """Label indices per row, most probable first; at least one per row."""
        thr = self._grouping(grouping).thresholds
        out = []
        for row in probs:
            chosen = np.flatnonzero(row >= thr)
            if chosen.size == 0:
                chosen = np.array([int(np.argmax(row / thr))])
            out.append([int(j) for j in chosen[np.argsort(-row[chosen], kind="stable")]])
        return out

    def predict(self, texts: Sequence[str], grouping: str = "original") -> list[Prediction]:
        g = self._grouping(grouping)
        texts = [_check_text(t) for t in _check_texts(texts)]
        probs = self.probabilities(texts, grouping)
        decided = self.decide(probs, grouping)
        preds = []
        for text, row, chosen in zip(texts, probs, decided, strict=True):
            scores = dict(zip(g.labels, np.round(row.astype(np.float64), 4).tolist(), strict=True))
            labels = [g.labels[j] for j in chosen] if text.strip() else _blank_labels(g.labels)
            preds.append(Prediction(labels=labels, scores=scores))
        return preds

    def suggest(self, text: str, k: int = 3, grouping: str = "original") -> list[str]:
        g = self._grouping(grouping)
        text = _check_text(text)
        if k <= 0 or not text.strip():
            return []
        row = self.probabilities([text], grouping)[0]
        order = np.argsort(-row, kind="stable")
        return [g.labels[j] for j in order if row[j] >= g.thresholds[j] and g.labels[j] != "neutral"][:k]

    def thresholds(self, grouping: str = "original") -> dict[str, float]:
        g = self._grouping(grouping)
        return {lab: float(t) for lab, t in zip(g.labels, g.thresholds, strict=True)}

    def _grouping(self, grouping: str) -> _Grouping:
        try:
            return self._groupings[grouping]
        except KeyError:
            expected = ", ".join(GROUPINGS)
            raise ValueError(f"unknown grouping {grouping!r}; expected one of {expected}") from None


def map_probabilities(probs: np.ndarray, members: Sequence[Sequence[int]], aggregate: str) -> np.ndarray:
    """Original-label probabilities -> grouped-label probabilities."""
    cols = []
    for m in members:
        sub = probs[:, list(m)]
        cols.append(sub.max(axis=1) if aggregate == "max" else 1.0 - np.prod(1.0 - sub, axis=1))
    return np.stack(cols, axis=1).astype(np.float32)


def _check_texts(texts: Sequence[str]) -> Sequence[str]:
    if isinstance(texts, str):
        raise TypeError("predict() takes a list of texts, not one string: predict([text])")
    return texts


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    return text


def _blank_labels(labels: tuple[str, ...]) -> list[str]:
    # Nothing to read: "neutral" is the only honest answer (every grouping has it).
    return ["neutral"] if "neutral" in labels else []
