"""Emotion recognition for short English texts (GoEmotions labels).

    >>> from hearthside.selfcare.emotions import predict, suggest
    >>> predict(["I'm so grateful for your help"])[0].labels
    ['gratitude']
    >>> suggest("I am terrified of tomorrow's surgery", grouping="ekman")
    ['fear']
    >>> predict_sentiment(["I'm so grateful for your help"])[0].labels
    ['positive']

Groupings: ``original`` (27 emotions + neutral), ``ekman`` (anger, disgust, fear, joy,
sadness, surprise + neutral) and ``group`` (positive, negative, ambiguous + neutral).

The model is TF-IDF + one-vs-rest logistic regression (NB-scaled features), with a head
trained per grouping on GoEmotions (Demszky et al. 2020, CC BY 4.0) and per-label decision
thresholds tuned on its dev split; it is loaded lazily, once per process, from ``model/``
with numpy only. This package never imports Django. See docs/models.md for figures and limits.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from hearthside.selfcare.emotions.model import (
    GROUPINGS,
    LABELS,
    MODEL_DIR,
    EmotionModel,
    ModelError,
    Prediction,
)

__all__ = [
    "GROUPINGS",
    "LABELS",
    "EmotionModel",
    "ModelError",
    "Prediction",
    "get_model",
    "predict",
    "predict_ekman",
    "predict_sentiment",
    "suggest",
]

_lock = threading.Lock()
_models: dict[Path, EmotionModel] = {}


def get_model(directory: Path | str | None = None) -> EmotionModel:
    """The model in ``directory`` (default: the committed artefact), loaded once and cached."""
    path = Path(directory or MODEL_DIR).resolve()
    model = _models.get(path)
    if model is None:
        with _lock:
            model = _models.get(path)
            if model is None:
                model = _models[path] = EmotionModel(path)
    return model


def predict(texts: Sequence[str], grouping: str = "original") -> list[Prediction]:
    """One ``Prediction`` (labels + scores) per text, in order."""
    return get_model().predict(texts, grouping)


def predict_ekman(texts: Sequence[str]) -> list[Prediction]:
    """``predict(texts, "ekman")``: anger, disgust, fear, joy, sadness, surprise or neutral."""
    return get_model().predict(texts, "ekman")


def predict_sentiment(texts: Sequence[str]) -> list[Prediction]:
    """``predict(texts, "group")``: positive, negative, ambiguous or neutral."""
    return get_model().predict(texts, "group")


def suggest(text: str, k: int = 3, grouping: str = "original") -> list[str]:
    """Up to ``k`` emotion labels to offer in the UI, most probable first.

    Only labels whose probability clears their decision threshold are offered, and never
    "neutral": an empty list means "nothing to suggest" (let the person choose)."""
    return get_model().suggest(text, k, grouping)
