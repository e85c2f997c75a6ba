"""Text -> feature strings, shared by training (``scripts/train_emotions.py``) and inference.

Training feeds these exact functions to scikit-learn as callable analyzers, and inference
looks the same strings up in the committed vocabulary, so the two cannot drift apart.
Changing anything here changes the features: retrain and bump ``FEATURES_VERSION``.

Two blocks of features:

* ``word_features``: word unigrams ("w|sad") and bigrams ("b|not sad"), with a sentence
  start marker so "b|^ thanks" differs from "thanks" mid-sentence;
* ``char_features``: character 2- to 5-grams inside each word padded with spaces
  ("c| sa", "c|sad "), which covers misspellings, inflections and emoji.

Pure standard library, no numpy, no Django.
"""

from __future__ import annotations

import re
import unicodedata

FEATURES_VERSION = 1

# Longer texts are cut: GoEmotions comments are under 1,000 characters and the cut keeps
# the latency of one prediction bounded whatever a caller sends.
MAX_CHARS = 5000

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Three or more repeats of a character become two: "soooo" -> "soo", "!!!!" -> "!!".
_REPEATS = re.compile(r"(.)\1{2,}", re.DOTALL)
# GoEmotions masks people and religions as [NAME] / [RELIGION]; keep them as one token.
_TOKEN = re.compile(r"\[[a-z]+\]|[^\W_]+(?:'[^\W_]+)*|[^\w\s]", re.UNICODE)
_CHAR_MIN, _CHAR_MAX = 2, 5


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).translate(_APOSTROPHES).lower()
    return _REPEATS.sub(r"\1\1", text)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def word_features(text: str, toks: list[str] | None = None) -> list[str]:
    toks = tokens(text) if toks is None else toks
    feats = ["w|" + t for t in toks]
    prev = "^"
    for t in toks:
        feats.append("b|" + prev + " " + t)
        prev = t
    return feats


def char_features(text: str, toks: list[str] | None = None) -> list[str]:
    toks = tokens(text) if toks is None else toks
    padded = [" " + t + " " for t in toks]
    feats: list[str] = []
    for n in range(_CHAR_MIN, _CHAR_MAX + 1):
        feats += ["c|" + p[i : i + n] for p in padded for i in range(len(p) - n + 1)]
    return feats
