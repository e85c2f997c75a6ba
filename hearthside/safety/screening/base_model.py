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
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import tablecache

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


# Chat-length texts are what the model learned from (the corpus's messages): there its
# probabilities separate crisis from look-alikes well (docs/models.md), so it lifts at a lower
# threshold, and a confident score lifts a moderate reading of the rules to high.  Longer texts
# (forum posts) keep the artefact's stricter thresholds.
SHORT_CHARS = 400
SHORT_RAISE = 0.88
SHORT_RAISE_HIGH = 0.9
# Lifting a chat-length text that the rules read as ``none``/``low`` (session 24; the artefact's
# ``raise_moderate`` still applies to longer texts).
SHORT_LIFT = 0.95


class _Thresholds:
    """Thresholds for one text.  ``raise_supported`` lifts to moderate when the rules saw supporting
    evidence (a time, the means, a goodbye, dwelling, intensity) but set no level from it."""

    __slots__ = ("raise_moderate", "raise_low", "raise_high", "raise_supported")

    def __init__(self, raise_moderate: float, raise_low: float, raise_high: float | None,
                 raise_supported: float | None = None) -> None:
        self.raise_moderate, self.raise_low, self.raise_high = raise_moderate, raise_low, raise_high
        self.raise_supported = raise_supported


# A letter of any alphabet; and thresholds no probability reaches.
_WORD_WITH_LETTER = re.compile(r"\w*[^\W\d_]\w*")
_NEVER = _Thresholds(2.0, 2.0, None, None)
# A reply of one or two words ("ya", "ojalá", "ya lo sé") gives the model too little to go on: the
# few weights it has decide alone, and "ya" (in "ya no puedo más") scored 0.99.  Crisis said in one
# or two words ("kms", "me mato", "adiós para siempre") is the rules' to read, alone or with the
# conversation before it; no crisis text of the corpus or of the hand-written sets needed the model.
MIN_WORDS = 3


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

    def _word_uncached(self, tok: str) -> tuple[float, int]:
        feats = word_features(tok)
        get = self.weights.get
        return sum(get(f, 0.0) for f in feats), len(feats)

    def logit(self, text: str) -> float:
        toks = tokens(text)
        if not toks:
            return self.bias
        total, n = 0.0, 0
        for w, k in map(self._word, dict.fromkeys(toks)):
            total += w
            n += k
        # The set of pairs fixes the order of the additions (kept as it was, so the sum is the
        # same to the last bit); a pair without a weight adds nothing.
        pairs = set(map(" ".join, zip(toks, toks[1:], strict=False)))
        for w in filter(None, map(self.weights.get, map("b ".__add__, pairs))):
            total += w
        n += len(pairs)
        return self.bias + total / math.sqrt(n)

    def probability(self, text: str) -> float:
        """Probability that ``text`` (or, for a long text, its most serious part) is crisis language."""
        text = text[:20_000]
        best = self.logit(text) if len(text) <= WHOLE_CHARS else -math.inf
        for part in set(windows(text)):  # a repeated passage is scored once
            best = max(best, self.logit(part))
        return 1.0 / (1.0 + math.exp(-max(min(best, 40.0), -40.0)))

    def thresholds_for(self, text: str) -> _Thresholds:
        """The thresholds that apply to ``text``: lower for chat-length text (see SHORT_CHARS).

        A text without a letter (only emoji, digits or signs: "⚰️", "💊💊💊") is never lifted: the
        rules read emoji only next to words or a conversation, and the model has no words to go on;
        nor is a text of fewer than ``MIN_WORDS`` words.
        """
        if len(_WORD_WITH_LETTER.findall(text, 0, 200)) < MIN_WORDS:
            return _NEVER
        if len(text) <= SHORT_CHARS:
            return _Thresholds(min(self.raise_moderate, SHORT_LIFT), min(self.raise_low, SHORT_LIFT),
                               SHORT_RAISE_HIGH if self.raise_high is None else min(self.raise_high, SHORT_RAISE_HIGH),
                               SHORT_RAISE)
        return _Thresholds(self.raise_moderate, self.raise_low, self.raise_high)

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
    """The model in the artefact at ``path``, by default the shipped one.

    Parsing the shipped artefact's JSON takes about 0.1 s; its weights are kept by
    :mod:`.tablecache`, keyed by the artefact's bytes, and loaded from there in a quarter of that.
    """
    if path is not None:
        return _parse(Path(path).read_bytes())
    raw = resources.files(__package__).joinpath("data", ARTEFACT).read_bytes()
    return tablecache.cached("base_model", lambda: _parse(raw), _encode, _decode, hashlib.sha256(raw).digest())


def _parse(raw: bytes) -> BaseModel:
    payload = json.loads(gzip.decompress(raw))
    if payload.get("format") != FORMAT or payload.get("version") != VERSION:
        raise ValueError("not a Hearthside base crisis model of this version; run make train-screener")
    return BaseModel(payload["weights"], payload["bias"], raise_moderate=payload["raise_moderate"],
                     raise_high=payload["raise_high"], raise_low=payload.get("raise_low"), meta=payload.get("meta"))


def _encode(model: BaseModel) -> tuple:
    return (model.weights, model.bias, model.raise_moderate, model.raise_high, model.raise_low, model.meta)


def _decode(data: tuple) -> BaseModel:
    weights, bias, raise_moderate, raise_high, raise_low, meta = data
    return BaseModel(weights, bias, raise_moderate=raise_moderate, raise_high=raise_high, raise_low=raise_low,
                     meta=meta)


@lru_cache(maxsize=1)
def default() -> BaseModel | None:
    """The shipped model, or None when the artefact is missing (a checkout before training)."""
    try:
        return load()
    except FileNotFoundError:
        return None


def iter_rows(texts: Iterable[str]) -> Iterable[tuple[Counter, int]]:
    return (featurise(t) for t in texts)
