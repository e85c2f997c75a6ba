"""A data-driven questionnaire engine: items, options, scoring and bands live in JSON files here,
each with the source of its wording, scoring and cut-offs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


class AnswerError(ValueError):
    """Answers are missing, unknown or out of range; the message says which."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


@dataclass(frozen=True)
class Result:
    total: int
    band: str
    band_index: int
    safety_items: tuple[str, ...]  # items marked "safety" answered above 0 (PHQ-9 item 9)


@cache
def all_questionnaires() -> dict[str, dict]:
    out = {}
    for path in sorted(HERE.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["slug"]] = data
    return out


def get(slug: str) -> dict | None:
    return all_questionnaires().get(slug)


def validate_answers(definition: dict, answers: dict) -> dict[str, int]:
    if not isinstance(answers, dict):
        raise AnswerError({"answers": "send an object of item id to answer value"})
    allowed = {o["value"] for o in definition["options"]}
    clean: dict[str, int] = {}
    errors: dict[str, str] = {}
    for item in definition["items"]:
        value = answers.get(item["id"])
        if value is None:
            errors[item["id"]] = "this question needs an answer"
        elif isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            errors[item["id"]] = f"choose one of {sorted(allowed)}"
        else:
            clean[item["id"]] = value
    extra = definition.get("extra")
    if extra is not None and answers.get(extra["id"]) is not None:
        value = answers[extra["id"]]
        extra_allowed = {o["value"] for o in extra["options"]}
        if isinstance(value, bool) or not isinstance(value, int) or value not in extra_allowed:
            errors[extra["id"]] = f"choose one of {sorted(extra_allowed)}"
        else:
            clean[extra["id"]] = value
    known = {i["id"] for i in definition["items"]} | ({extra["id"]} if extra else set())
    for key in answers:
        if key not in known:
            errors[str(key)[:40]] = "unknown question"
    if errors:
        raise AnswerError(errors)
    return clean


def score(definition: dict, answers: dict[str, int]) -> Result:
    raw = sum(answers[item["id"]] for item in definition["items"])
    scoring = definition["scoring"]
    total = raw * scoring.get("factor", 1) if scoring["method"] == "sum_times" else raw
    band_index, band = next(
        (i, b["label"]) for i, b in enumerate(definition["bands"]) if b["min"] <= total <= b["max"]
    )
    safety = tuple(item["id"] for item in definition["items"] if item.get("safety") and answers[item["id"]] > 0)
    return Result(total=total, band=band, band_index=band_index, safety_items=safety)
