"""Optional statistical model that can *raise* the rules' level.

A small scikit-learn pipeline: TF-IDF over word 1-2-grams and character
3-5-grams (the latter survive misspellings and obfuscation) feeding a
class-balanced logistic regression.  See :mod:`.screener` for how its
probability is combined with the rules.

No model is shipped: the public crisis data sets have no licence that allows
it.  Train one on data you may use::

    hearthside safety train --data FILE.csv [--out var/safety-model.joblib]

The CSV needs a text column (``text``, ``body``, ``message``, ``selftext`` ...)
and a label column (``label``, ``class``, ``is_suicide`` ...) holding 1/0,
true/false, yes/no or crisis/none.

Model files are pickles: load only files you trained yourself.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MODEL_FORMAT = "hearthside-safety-model"
MODEL_VERSION = 1
DEFAULT_RAISE_MODERATE = 0.5
DEFAULT_RAISE_HIGH: float | None = 0.8

TEXT_COLUMNS = ("text", "body", "message", "content", "post", "selftext", "tweet", "sentence")
LABEL_COLUMNS = ("label", "labels", "class", "target", "y", "crisis", "is_crisis", "is_suicide", "sem",
                 "suicide", "risk")
_POSITIVE = {"1", "1.0", "true", "yes", "y", "crisis", "suicide", "suicidal", "positive", "pos", "risk",
             "at-risk", "at risk", "high", "imminent", "moderate", "potential suicide post"}
_NEGATIVE = {"0", "0.0", "false", "no", "n", "none", "non-crisis", "noncrisis", "negative", "neg", "safe",
             "low", "non-suicide", "not suicide", "not suicide post", "normal", "control"}


def parse_label(value: Any) -> int:
    """Read a binary crisis label leniently (1/0, yes/no, crisis/none, ...)."""
    s = str(value).strip().lower()
    if s in _POSITIVE:
        return 1
    if s in _NEGATIVE:
        return 0
    if s.startswith(("not ", "non", "no ", "no-")):
        return 0
    if "suicid" in s or "crisis" in s:
        return 1
    raise ValueError(f"cannot read label {value!r}")


def _pick(columns: Sequence[str], wanted: Sequence[str], what: str) -> str:
    lowered = {c.strip().lower(): c for c in columns if c}
    for name in wanted:
        if name in lowered:
            return lowered[name]
    raise ValueError(f"no {what} column; expected one of {', '.join(wanted)} (found {', '.join(columns)})")


def read_training_csv(path: str | Path) -> tuple[list[str], list[int]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = reader.fieldnames or []
        text_col = _pick(columns, TEXT_COLUMNS, "text")
        label_col = _pick(columns, LABEL_COLUMNS, "label")
        title_col = next((c for c in columns if c and c.strip().lower() == "title"), None)
        texts, labels = [], []
        for lineno, row in enumerate(reader, start=2):
            raw = row.get(label_col)
            if raw is None or not str(raw).strip():
                continue
            try:
                label = parse_label(raw)
            except ValueError as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from None
            text = row.get(text_col) or ""
            if title_col and text_col.lower() == "selftext":
                text = f"{row.get(title_col) or ''}\n{text}"
            texts.append(text)
            labels.append(label)
    if len(set(labels)) < 2:
        raise ValueError(f"{path}: need both crisis and non-crisis examples")
    return texts, labels


def build_pipeline(seed: int = 0):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=50_000, sublinear_tf=True,
                                 strip_accents="unicode")),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=100_000,
                                 sublinear_tf=True, strip_accents="unicode")),
    ])
    clf = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


class CrisisModel:
    """A fitted pipeline plus the thresholds used to combine it with the rules."""

    def __init__(self, pipeline: Any, *, raise_moderate: float = DEFAULT_RAISE_MODERATE,
                 raise_high: float | None = DEFAULT_RAISE_HIGH, meta: dict | None = None) -> None:
        self.pipeline = pipeline
        self.raise_moderate = raise_moderate
        self.raise_high = raise_high
        self.meta = dict(meta or {})

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        # Very long inputs add nothing to a bag of n-grams but cost time.
        clipped = [t[:20_000] for t in texts]
        return [float(p) for p in self.pipeline.predict_proba(clipped)[:, 1]]

    def __repr__(self) -> str:
        return (f"CrisisModel(raise_moderate={self.raise_moderate}, raise_high={self.raise_high}, "
                f"n={self.meta.get('n_examples')})")


def fit(texts: Sequence[str], labels: Sequence[int], *, seed: int = 0, **thresholds: Any) -> CrisisModel:
    pipe = build_pipeline(seed)
    pipe.fit(list(texts), list(labels))
    return CrisisModel(pipe, **thresholds)


def save_model(model: CrisisModel, path: str | Path) -> Path:
    import joblib
    import sklearn

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": MODEL_FORMAT,
        "version": MODEL_VERSION,
        "sklearn_version": sklearn.__version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "raise_moderate": model.raise_moderate,
        "raise_high": model.raise_high,
        "meta": model.meta,
        "pipeline": model.pipeline,
    }
    joblib.dump(payload, path, compress=3)
    return path


def load_model(path: str | Path) -> CrisisModel:
    import joblib
    import sklearn

    payload = joblib.load(Path(path))
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not a Hearthside safety model")
    if payload.get("version") != MODEL_VERSION:
        raise ValueError(f"{path}: model format version {payload.get('version')} is not {MODEL_VERSION}; retrain")
    if payload.get("sklearn_version") != sklearn.__version__:
        print(f"warning: {path} was trained with scikit-learn {payload.get('sklearn_version')}, "
              f"running {sklearn.__version__}; retrain if results look wrong", file=sys.stderr)
    return CrisisModel(payload["pipeline"], raise_moderate=payload["raise_moderate"],
                       raise_high=payload["raise_high"], meta=payload.get("meta"))


def train(csv_path: str | Path, out_path: str | Path, **thresholds: Any) -> dict:
    """Train on ``csv_path`` and save to ``out_path``; return a summary."""
    texts, labels = read_training_csv(csv_path)
    model = fit(texts, labels, **thresholds)
    digest = hashlib.sha256(Path(csv_path).read_bytes()).hexdigest()
    model.meta.update({"n_examples": len(texts), "n_crisis": sum(labels), "data_sha256": digest,
                       "data_name": Path(csv_path).name})
    out = save_model(model, out_path)
    return {"out": str(out), "n_examples": len(texts), "n_crisis": sum(labels),
            "raise_moderate": model.raise_moderate, "raise_high": model.raise_high}
