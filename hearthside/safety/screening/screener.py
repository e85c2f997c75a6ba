"""Public entry points: rules alone by default, rules plus an optional model.

How the optional model is combined (see docs/safety.md, "Evaluation"):

* the rules always run first and their level is a floor: the model can only
  *raise* a level, never lower one, so recall of the rules is never lost;
* the model is ignored when the rules found crisis language that is entirely
  negated, quoted, hypothetical, past or about someone else -- the rules'
  reading of that context keeps authority;
* the model is ignored for text the rules flag as an unsupported language;
* otherwise a probability at or above ``model.raise_moderate`` lifts
  ``none``/``low`` to ``moderate`` and one at or above ``model.raise_high``
  lifts ``moderate`` to ``high``; it never produces ``imminent``, which needs
  explicit plan/means/time evidence.  A ``model`` reason records the lift.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .engine import LABELS, RuleResult, assess
from .result import LEVEL_INDEX, LEVELS, Reason, Screening, score_for

Context = str | dict | None


def _combine(rule: RuleResult, prob: float, model: Any) -> Screening:
    s = rule.screening
    if rule.language is not None or rule.all_modified:
        return s
    idx = LEVEL_INDEX[s.level]
    new = idx
    if prob >= model.raise_moderate and idx < LEVEL_INDEX["moderate"]:
        new = LEVEL_INDEX["moderate"]
    if model.raise_high is not None and prob >= model.raise_high and idx == LEVEL_INDEX["moderate"]:
        new = LEVEL_INDEX["high"]
    if new == idx:
        return s
    reason = Reason("model", f"{LABELS['model']} (p={prob:.2f})", (), ())
    level = LEVELS[new]
    return Screening(level, score_for(level, prob), s.reasons + (reason,))


class Screener:
    """Reusable screener; holds an optional trained model.

    ``model`` may be a loaded model object (:func:`.model.load_model`) or a
    path to one.  Without a model only the rules run and no third-party
    package is imported.
    """

    def __init__(self, model: Any = None) -> None:
        if isinstance(model, str | os.PathLike):
            from .model import load_model

            model = load_model(model)
        self.model = model

    def screen(self, text: str, *, context: Context = None) -> Screening:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        rule = assess(text)
        if self.model is None or rule.language is not None or rule.all_modified:
            return rule.screening
        prob = self.model.probabilities([text])[0]
        return _combine(rule, prob, self.model)

    def screen_many(self, texts: Iterable[str], *, context: Context = None) -> list[Screening]:
        texts = list(texts)
        rules = [assess(t) for t in texts]
        if self.model is None:
            return [r.screening for r in rules]
        todo = [k for k, r in enumerate(rules) if r.language is None and not r.all_modified]
        probs = self.model.probabilities([texts[k] for k in todo]) if todo else []
        out = [r.screening for r in rules]
        for k, p in zip(todo, probs, strict=True):
            out[k] = _combine(rules[k], p, self.model)
        return out


_DEFAULT = Screener()


def screen(text: str, *, context: Context = None, model: Any = None) -> Screening:
    """Screen one text.  ``context`` (e.g. ``"chat"`` or ``{"source": "journal"}``)
    is accepted for callers' convenience and currently does not change the result."""
    if model is None:
        return _DEFAULT.screen(text, context=context)
    return Screener(model).screen(text, context=context)


def screen_many(texts: Iterable[str], *, context: Context = None, model: Any = None) -> list[Screening]:
    if model is None:
        return _DEFAULT.screen_many(texts, context=context)
    return Screener(model).screen_many(texts, context=context)
