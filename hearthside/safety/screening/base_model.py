"""The default crisis model that ships with Hearthside (standard library only at run time).

A logistic regression over counts of words, word pairs and character 3-5-grams of each
word, normalised by the square root of the number of features in the text.  It is trained
by ``scripts/train_screener.py`` (``make train-screener``) only on data the project may
ship: its own written corpus (``hearthside/safety/screening/corpus/``, see its data card),
phrases of the Suicide Risk Lexicon (Apache-2.0) and GoEmotions comments (CC BY 4.0) as
everyday negatives.  The artefact is a gzipped JSON table of feature weights
(``data/base_model.json.gz``); inference is a dictionary lookup per feature, with the
per-word part cached, so screening stays fast with no third-party package. A text longer than
``WHOLE_CHARS`` is judged by its most serious part (see :func:`windows`).

How its probability is combined with the rules is in :mod:`.screener`.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

FORMAT = "hearthside-base-crisis-model"
VERSION = 1
ARTEFACT = "base_model.json.gz"

_COMBINING = re.compile(r"[\u0300-\u036f]")
_LEET = str.maketrans("013457", "oieast")
_RUNS = re.compile(r"(.)\1{2,}")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_PUNCT = frozenset(".,!?;:'\"()[]{}<>/\\|#&+=~^`-*_%“”‘’«»¿¡…–—")
_SENTENCE = re.compile(r"(?<=[.!?\n])\s+|\s*\|\|\s*")


@lru_cache(maxsize=131072)
def normalise_token(tok: str) -> str | None:
    """One lower-cased token: accents off, leetspeak read as letters, letter runs cut to two;
    None for punctuation."""
    if tok in _PUNCT:
        return None
    if not tok.isascii():
        tok = _COMBINING.sub("", unicodedata.normalize("NFKD", tok))
        if not tok:
            return None
    if not tok.isalpha() and not tok.isdigit() and any(c.isalpha() for c in tok):
        tok = tok.translate(_LEET).replace("_", "")
    if len(tok) > 2:
        tok = _RUNS.sub(r"\1\1", tok)
    return tok


def tokens(text: str) -> list[str]:
    """Normalised tokens of ``text``; three or more single letters in a row ("s u i c i d e",
    "k.m.s") are read as one word."""
    out: list[str] = []
    run: list[str] = []
    for raw in _TOKEN.findall(text.lower()):
        tok = normalise_token(raw)
        if tok is None:
            continue
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if run:
            out.extend(("".join(run),) if len(run) >= 3 else run)
            run = []
        out.append(tok)
    if run:
        out.extend(("".join(run),) if len(run) >= 3 else run)
    return out


def word_features(tok: str) -> list[str]:
    """The features one token contributes on its own: the word and its character n-grams."""
    feats = ["w " + tok]
    if len(tok) > 2 and tok.isalpha():
        padded = f"<{tok}>"
        n = len(padded)
        for size in (3, 4, 5):
            feats.extend("c " + padded[i:i + size] for i in range(n - size + 1))
    return feats


def featurise(text: str) -> tuple[Counter, int]:
    """Feature counts of ``text`` and the number of feature occurrences (for training).

    Each distinct word and word pair counts once, so repeating a passage does not change the
    result; a character n-gram shared by two different words counts twice."""
    toks = tokens(text)
    counts: Counter = Counter()
    for tok in dict.fromkeys(toks):
        counts.update(word_features(tok))
    counts.update({"b " + a + " " + b for a, b in zip(toks, toks[1:], strict=False)})
    return counts, sum(counts.values())


# Texts up to this long (the corpus's longest posts) are judged whole; longer ones only by their
# parts, whose scores the model was trained for.
WHOLE_CHARS = 1500
CHUNK_CHARS = 600


def windows(text: str, size: int = 2, min_chars: int = WHOLE_CHARS) -> list[str]:
    """Parts of a long text to judge on their own, so its most serious part is not diluted by the
    rest: overlapping runs of ``size`` sentences (or messages joined by `` || ``), and, for a long
    run without sentence breaks, pieces of about ``CHUNK_CHARS`` characters."""
    if len(text) < min_chars:
        return []
    parts = [p for p in _SENTENCE.split(text) if p.strip()]
    out = [" ".join(parts[i:i + size]) for i in range(len(parts) - size + 1)] if len(parts) > size else []
    for part in parts:
        for start in range(0, len(part) - CHUNK_CHARS // 2, CHUNK_CHARS) if len(part) > CHUNK_CHARS else ():
            out.append(part[start:start + CHUNK_CHARS])
    return out


class BaseModel:
    """Weights of the shipped model plus the thresholds that combine it with the rules."""

    def __init__(self, weights: dict[str, float], bias: float, *, raise_moderate: float,
                 raise_high: float | None, raise_low: float | None = None, meta: dict | None = None) -> None:
        self.weights = weights
        self.bias = bias
        self.raise_moderate = raise_moderate
        # Lifting ``low`` (the rules already saw risk factors) may take less than lifting ``none``.
        self.raise_low = raise_moderate if raise_low is None else raise_low
        self.raise_high = raise_high
        self.meta = dict(meta or {})
        self._word = lru_cache(maxsize=65536)(self._word_uncached)
        # First words of the word pairs that carry a weight: other pairs are not looked up.
        self._heads = frozenset(k.split(" ", 2)[1] for k in weights if k.startswith("b "))

    def _word_uncached(self, tok: str) -> tuple[float, int]:
        feats = word_features(tok)
        get = self.weights.get
        return sum(get(f, 0.0) for f in feats), len(feats)

    def logit(self, text: str) -> float:
        toks = tokens(text)
        if not toks:
            return self.bias
        total, n = 0.0, 0
        word = self._word
        for tok in dict.fromkeys(toks):
            w, k = word(tok)
            total += w
            n += k
        get = self.weights.get
        heads = self._heads
        pairs = {a + " " + b for a, b in zip(toks, toks[1:], strict=False)}
        for pair in pairs:
            if pair.split(" ", 1)[0] in heads:
                total += get("b " + pair, 0.0)
        n += len(pairs)
        return self.bias + total / math.sqrt(n)

    def probability(self, text: str) -> float:
        """Probability that ``text`` (or, for a long text, its most serious part) is crisis language."""
        text = text[:20_000]
        best = self.logit(text) if len(text) <= WHOLE_CHARS else -math.inf
        for part in set(windows(text)):  # a repeated passage is scored once
            best = max(best, self.logit(part))
        return 1.0 / (1.0 + math.exp(-max(min(best, 40.0), -40.0)))

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        return [self.probability(t) for t in texts]

    def __repr__(self) -> str:
        return (f"BaseModel(features={len(self.weights)}, raise_moderate={self.raise_moderate}, "
                f"raise_high={self.raise_high})")


def dump(model: BaseModel, path: str | Path) -> Path:
    """Write the artefact deterministically: sorted keys, rounded weights, no gzip timestamp."""
    payload = {
        "format": FORMAT, "version": VERSION, "bias": round(model.bias, 6),
        "raise_moderate": model.raise_moderate, "raise_low": model.raise_low, "raise_high": model.raise_high,
        "meta": model.meta,
        "weights": {k: round(v, 4) for k, v in sorted(model.weights.items())},
    }
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw)
    return path


def load(path: str | Path | None = None) -> BaseModel:
    if path is None:
        raw = resources.files(__package__).joinpath("data", ARTEFACT).read_bytes()
    else:
        raw = Path(path).read_bytes()
    payload = json.loads(gzip.decompress(raw))
    if payload.get("format") != FORMAT or payload.get("version") != VERSION:
        raise ValueError("not a Hearthside base crisis model of this version; run make train-screener")
    return BaseModel(payload["weights"], payload["bias"], raise_moderate=payload["raise_moderate"],
                     raise_high=payload["raise_high"], raise_low=payload.get("raise_low"), meta=payload.get("meta"))


@lru_cache(maxsize=1)
def default() -> BaseModel | None:
    """The shipped model, or None when the artefact is missing (a checkout before training)."""
    try:
        return load()
    except FileNotFoundError:
        return None


def iter_rows(texts: Iterable[str]) -> Iterable[tuple[Counter, int]]:
    return (featurise(t) for t in texts)
