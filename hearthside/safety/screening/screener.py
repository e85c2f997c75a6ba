"""Public entry points: the rules, the shipped default model, an optional operator model,
and the person's recent messages in the same conversation.

How a model's probability is combined with the rules (see docs/safety.md):

* the rules always run first and their level is a floor: a model can only *raise* a level,
  never lower one, so recall of the rules is never lost;
* a model is ignored when the rules found crisis language that is entirely negated, quoted,
  hypothetical, past or about someone else -- the rules' reading of that context keeps
  authority -- and for text in a language the screener does not support;
* otherwise a probability at or above ``model.raise_moderate`` lifts ``none``/``low`` to
  ``moderate`` and one at or above ``model.raise_high`` lifts ``moderate`` to ``high``; a model
  never produces ``imminent``, which needs explicit plan/means/time evidence.  A ``model``
  reason records the lift.  The shipped model (:mod:`.base_model`) and an operator's model
  (:mod:`.model`) are both applied; the higher lift wins.

Conversation context (``history``): the same author's recent messages in the same
conversation, oldest first, judged by :mod:`.conversation`.  The text is also screened together
with them; when that reading is more serious *and* the new message itself carries part of the
evidence (a phrase the rules matched in it, or the model leaning towards crisis on it alone),
the new message gets the conversation's level with a ``conversation`` reason.  Words that only
mean something after risk of the person's own -- taking it back ("lol jk", "olvídalo, era
broma"), a goodbye, a preparation, the time or the means -- carry the earlier messages' level
(or raise it).  A message with no sign of its own ("what's for dinner") is never raised by what
came before: the earlier message was screened, and routed, when it was sent.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from . import base_model, conversation
from .conversation import CONTRIBUTES
from .engine import LABELS, RuleResult, assess
from .result import LEVEL_INDEX, LEVELS, Reason, Screening, score_for
from .text import blank_edges, repair_mojibake

Context = str | dict | list | tuple | None

HISTORY_MESSAGES = 6
HISTORY_CHARS = 4000


def _self_injury_only(rule: RuleResult) -> bool:
    """Self-injury without words about dying stays moderate: a model confident about crisis
    language does not make it a suicidal crisis."""
    constructs = {r.construct for r in rule.screening.reasons}
    return "self_injury" in constructs and constructs.isdisjoint(
        {"passive_ideation", "active_ideation", "plan", "farewell", "attempt_in_progress", "past_attempt"})


def _about_someone_else(rule: RuleResult) -> bool:
    """The rules read only concern for someone else or a death told as news ("mi amiga se corta cada
    vez más profundo y no sé qué hacer"): the model reads the words of crisis, not whose they are, so
    it does not lift that (the person is offered help for the friend by the rules' own reading)."""
    constructs = {r.construct for r in rule.screening.reasons}
    return bool(constructs) and constructs <= {"third_person_concern", "suicide_exposure"}


def _lift(rule: RuleResult, prob: float, model: Any) -> int:
    idx = LEVEL_INDEX[rule.screening.level]
    if _about_someone_else(rule):
        return idx
    new = idx
    low = getattr(model, "raise_low", None)
    threshold = low if low is not None and idx == LEVEL_INDEX["low"] else model.raise_moderate
    supported = getattr(rule, "support", False)
    lower = getattr(model, "raise_supported", None)
    if supported and lower is not None:
        # The rules saw a time, the means, a goodbye, dwelling or intensity but set no level.
        threshold = min(threshold, lower)
    if prob >= threshold and idx < LEVEL_INDEX["moderate"]:
        new = LEVEL_INDEX["moderate"]
    if model.raise_high is not None and prob >= model.raise_high and not _self_injury_only(rule) and (
            idx == LEVEL_INDEX["moderate"] or (new == LEVEL_INDEX["moderate"] and supported
                                                and not getattr(rule, "goodbye_only", False))):
        # Confident, and the rules read moderate -- or saw supporting evidence that the model's
        # reading explains.  Never imminent: that needs explicit plan, means or time.
        new = LEVEL_INDEX["high"]
    return new


def _combine(rule: RuleResult, prob: float, model: Any) -> Screening:
    """Combine one model's probability with the rules (kept for callers with a single model)."""
    return _combine_many(rule, [(prob, model)])


def _combine_many(rule: RuleResult, scored: Sequence[tuple[float, Any]]) -> Screening:
    s = rule.screening
    if rule.language is not None or rule.all_modified:
        return s
    idx = LEVEL_INDEX[s.level]
    best, best_prob = idx, 0.0
    for prob, model in scored:
        new = _lift(rule, prob, model)
        if new > best or (new == best and new > idx and prob > best_prob):
            best, best_prob = new, prob
    if best == idx:
        return s
    reason = Reason("model", f"{LABELS['model']} (p={best_prob:.2f})", (), ())
    level = LEVELS[best]
    return Screening(level, score_for(level, best_prob), s.reasons + (reason,))


def _history(context: Context, history: Iterable[str] | None) -> list[str]:
    items = list(history) if history is not None else []
    if not items and isinstance(context, list | tuple):
        items = list(context)
    items = [h for h in items if isinstance(h, str) and h.strip()][-HISTORY_MESSAGES:]
    # Keep the most recent messages within the character budget.
    kept, total = [], 0
    for h in reversed(items):
        total += len(h)
        if total > HISTORY_CHARS and kept:
            break
        kept.append(h[-HISTORY_CHARS:])
    return kept[::-1]


def _spans_back(s: Screening, where: list[int]) -> Screening:
    """Evidence offsets into the repaired text turned back into offsets into what was sent."""
    reasons = tuple(Reason(r.construct, r.label, tuple((where[a], where[b]) for a, b in r.spans), r.modifiers)
                    for r in s.reasons)
    return Screening(s.level, s.score, reasons)


class Screener:
    """Reusable screener.

    ``model`` is an optional operator model (:func:`.model.load_model`, or a path to one);
    ``base`` is the shipped model (``True``: the committed artefact; ``False``/``None``: rules
    and operator model only; or a :class:`.base_model.BaseModel`).  No third-party package is
    imported unless an operator model is given.
    """

    def __init__(self, model: Any = None, *, base: Any = True) -> None:
        if isinstance(model, str | os.PathLike):
            from .model import load_model

            model = load_model(model)
        self.model = model
        self.base = base_model.default() if base is True else (base or None)

    @property
    def models(self) -> list[Any]:
        return [m for m in (self.base, self.model) if m is not None]

    def _single(self, text: str) -> tuple[Screening, RuleResult, float]:
        text = repair_mojibake(text)[0]
        rule = assess(text)
        models = self.models
        if not models or rule.language is not None or rule.all_modified:
            return rule.screening, rule, 0.0
        seen = blank_edges(text)
        scored = [(m.probabilities([seen])[0], m.thresholds_for(text) if hasattr(m, "thresholds_for") else m)
                  for m in models]
        return _combine_many(rule, scored), rule, max(p for p, _ in scored)

    def screen(self, text: str, *, context: Context = None, history: Iterable[str] | None = None) -> Screening:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        fixed, where = repair_mojibake(text)
        alone, rule, prob = self._single(fixed)
        earlier = _history(context, history)
        if earlier and alone.level != "imminent":
            alone = self._with_history(fixed, earlier, alone, rule, prob)
        return alone if where is None else _spans_back(alone, where)

    def _with_history(self, text: str, earlier: list[str], alone: Screening, rule: RuleResult,
                      prob: float) -> Screening:
        leaning = bool(self.models) and prob >= CONTRIBUTES * min(
            (m.thresholds_for(text) if hasattr(m, "thresholds_for") else m).raise_moderate for m in self.models)
        return conversation.assess(text, earlier, alone, all_modified=rule.all_modified, support=rule.support,
                                   leaning=leaning, read=lambda t: self._single(t)[0])

    def screen_many(self, texts: Iterable[str], *, context: Context = None) -> list[Screening]:
        return [self.screen(t, context=None if isinstance(context, list | tuple) else context)
                for t in texts]


_DEFAULT = Screener()


def screen(text: str, *, context: Context = None, history: Iterable[str] | None = None,
           model: Any = None) -> Screening:
    """Screen one text.

    ``history``: the same author's recent messages in this conversation, oldest first (a list
    passed as ``context`` means the same).  A string or dict ``context`` (``"chat"``,
    ``{"source": "journal"}``) is accepted for callers' convenience and does not change the result.
    """
    if model is None:
        return _DEFAULT.screen(text, context=context, history=history)
    return Screener(model).screen(text, context=context, history=history)


def screen_many(texts: Iterable[str], *, context: Context = None, model: Any = None) -> list[Screening]:
    if model is None:
        return _DEFAULT.screen_many(texts, context=context)
    return Screener(model).screen_many(texts, context=context)
