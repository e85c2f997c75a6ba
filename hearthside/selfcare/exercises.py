"""A data-driven guided-exercise engine.

Exercises live in content/exercises.json (text written for this project, each with the source
of its technique). The engine wraps every exercise with a mood rating before and after, so a
person can see which exercises help them, and saves each answer so they can stop and resume.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CONTENT = Path(__file__).parent / "content" / "exercises.json"

MOOD_BEFORE = {"id": "_mood_before", "type": "scale", "min": 1, "max": 10,
               "text": gettext_lazy("Before you start: how are you feeling right now, from 1 (very low) to 10 (very good)?")}
MOOD_AFTER = {"id": "_mood_after", "type": "scale", "min": 1, "max": 10,
              "text": gettext_lazy("And now: how are you feeling, from 1 (very low) to 10 (very good)?")}
INPUT_TYPES = {"input", "choice", "scale"}


@cache
def all_exercises() -> dict[str, dict]:
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    return {e["slug"]: e for e in data["exercises"]}


def get(slug: str) -> dict | None:
    return all_exercises().get(slug)


@cache
def steps_for(slug: str) -> tuple[dict, ...]:
    exercise = all_exercises()[slug]
    steps = list(exercise["steps"])
    # The closing rating goes before a final summary so the summary can show the change.
    insert_at = len(steps) - 1 if steps and steps[-1]["type"] == "summary" else len(steps)
    return tuple([MOOD_BEFORE, *steps[:insert_at], MOOD_AFTER, *steps[insert_at:]])


def clean_value(step: dict, value):
    """Validate one answer for a step; returns the value to store (None for steps without input)."""
    kind = step["type"]
    if kind not in INPUT_TYPES:
        return None
    if kind == "input":
        text = "" if value is None else value
        if not isinstance(text, str):
            raise ValidationError(_("Write your answer as text."))
        text = text.replace("\x00", "").strip()
        if not text and not step.get("optional"):
            raise ValidationError(_("Write a few words — or as little as you like — to go on."))
        limit = step.get("max_length", 2000)
        if len(text) > limit:
            raise ValidationError(_("Keep it under %(n)s characters.") % {"n": limit})
        return text
    if kind == "scale":
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValidationError(_("Choose a number.")) from None
        if isinstance(value, bool) or not step["min"] <= number <= step["max"]:
            raise ValidationError(_("Choose a number from %(a)s to %(b)s.") % {"a": step["min"], "b": step["max"]})
        return number
    allowed = {o["value"] for o in step["options"]}
    if step.get("multiple"):
        values = value if isinstance(value, list) else ([] if value in (None, "") else [value])
        if not values and not step.get("optional"):
            raise ValidationError(_("Choose at least one."))
        if any(v not in allowed for v in values):
            raise ValidationError(_("Choose from the options shown."))
        return values
    if value not in allowed:
        if step.get("optional") and value in (None, ""):
            return None
        raise ValidationError(_("Choose one of the options."))
    return value
