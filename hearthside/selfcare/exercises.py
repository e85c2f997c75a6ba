"""A data-driven guided-exercise engine.

Exercises live in content/exercises.json (text written for this project, each with the source
of its technique). The engine wraps every exercise with a mood rating before and after, so a
person can see which exercises help them, and saves each answer so they can stop and resume.

Each exercise carries its texts in other languages under ``translations`` (title, summary, and per
step its text, option labels and pacer labels). ``get``, ``all_exercises`` and ``steps_for`` answer
in the active language, falling back to English for anything a translation lacks; step ids,
types, option values and limits are the same in every language, so a session started in one
language can be resumed in another. The technique's source is the same in every language.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hearthside.core.content_language import TranslatedContent, content_language, localized_copy

CONTENT = Path(__file__).parent / "content" / "exercises.json"

MOOD_BEFORE = {"id": "_mood_before", "type": "scale", "min": 1, "max": 10,
               "text": gettext_lazy("Before you start: how are you feeling right now, from 1 (very low) to 10 (very good)?")}
MOOD_AFTER = {"id": "_mood_after", "type": "scale", "min": 1, "max": 10,
              "text": gettext_lazy("And now: how are you feeling, from 1 (very low) to 10 (very good)?")}
INPUT_TYPES = {"input", "choice", "scale"}


def _load() -> dict[str, dict]:
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    return {e["slug"]: e for e in data["exercises"]}


def localize(exercise: dict, language: str) -> dict:
    """The exercise with its texts in ``language`` (English for whatever that language lacks)."""
    return localized_copy(exercise, language, _translate)


def _translate(out: dict, tr: dict) -> None:
    for key in ("title", "summary"):
        out[key] = tr.get(key) or out[key]
    for step in out["steps"]:
        step_tr = tr.get("steps", {}).get(step["id"], {})
        step["text"] = step_tr.get("text") or step["text"]
        for option in step.get("options", []):
            option["label"] = step_tr.get("options", {}).get(option["value"], option["label"])
        if "labels" in step and len(step_tr.get("labels", [])) == len(step["labels"]):
            step["labels"] = list(step_tr["labels"])


EXERCISES = TranslatedContent(_load, localize)
_canonical = EXERCISES.canonical
# all_exercises(language=None): every exercise by slug, in ``language`` (default: the active
# language); get(slug, language=None): one of them, or None.
all_exercises = EXERCISES.all
get = EXERCISES.get


def missing_translations(language: str) -> list[str]:
    """What ``language`` lacks, as "slug: part" strings (empty when every text is translated)."""
    missing = []
    for slug, exercise in _canonical().items():
        tr = exercise.get("translations", {}).get(language) or {}
        missing += [f"{slug}: {key}" for key in ("title", "summary") if not tr.get(key)]
        for step in exercise["steps"]:
            step_tr = tr.get("steps", {}).get(step["id"], {})
            if not step_tr.get("text"):
                missing.append(f"{slug}: step {step['id']}")
            missing += [f"{slug}: step {step['id']} option {o['value']}" for o in step.get("options", [])
                        if not step_tr.get("options", {}).get(o["value"])]
            if "labels" in step and len(step_tr.get("labels", [])) != len(step["labels"]):
                missing.append(f"{slug}: step {step['id']} labels")
    return missing


def steps_for(slug: str, language: str | None = None) -> tuple[dict, ...]:
    return _steps_for(slug, content_language(language))


@cache
def _steps_for(slug: str, language: str) -> tuple[dict, ...]:
    steps = list(all_exercises(language)[slug]["steps"])
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
            raise ValidationError(ngettext("Keep it under %(n)s character.",
                                           "Keep it under %(n)s characters.", limit) % {"n": limit})
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
