"""A data-driven questionnaire engine: items, options, scoring and bands live in JSON files here,
each with the source of its wording, scoring and cut-offs.

Each file holds the English wording and, under ``translations``, the published wording of other
languages (item texts, answer labels, instructions), each with its own source. A definition is
shown in the active language (``get`` / ``all_questionnaires``); item ids, answer values, scoring
and bands are the same in every language, and a stored result keeps the English band label (the
canonical one, also used in FHIR) beside its ``band_index``, which pages show in the reader's
language through ``band_label``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hearthside.core.content_language import TranslatedContent, localized_copy

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


def _load() -> dict[str, dict]:
    out = {}
    for path in sorted(HERE.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["slug"]] = data
    return out


def localize(definition: dict, language: str) -> dict:
    """The definition with its texts in ``language`` (English where that language has none)."""
    return localized_copy(definition, language, _translate)


def _translate(out: dict, tr: dict) -> None:
    for key in ("title", "instructions", "source", "version"):
        if tr.get(key):
            out[key] = tr[key]
    for option in out["options"]:
        option["label"] = tr.get("options", {}).get(str(option["value"]), option["label"])
    for item in out["items"]:
        item["text"] = tr.get("items", {}).get(item["id"], item["text"])
    if out.get("extra") and tr.get("extra"):
        out["extra"]["text"] = tr["extra"].get("text", out["extra"]["text"])
        for option in out["extra"]["options"]:
            option["label"] = tr["extra"].get("options", {}).get(str(option["value"]), option["label"])
    for band, label in zip(out["bands"], tr.get("bands", []), strict=False):
        band["label"] = label


QUESTIONNAIRES = TranslatedContent(_load, localize)
_canonical = QUESTIONNAIRES.canonical
# all_questionnaires(language=None): every questionnaire by slug, in ``language`` (default: the
# active language); get(slug, language=None): one of them, or None.
all_questionnaires = QUESTIONNAIRES.all
get = QUESTIONNAIRES.get


def band_label(slug: str, band_index: int | None, fallback: str = "", language: str | None = None) -> str:
    """A stored result's band, in ``language``; ``fallback`` (the stored label) if unknown."""
    definition = get(slug, language)
    if definition is None or band_index is None or not 0 <= band_index < len(definition["bands"]):
        return fallback
    return definition["bands"][band_index]["label"]


def missing_translations(language: str) -> list[str]:
    """What ``language`` lacks, as "slug: part" strings (empty when every text is translated)."""
    missing = []
    for slug, d in _canonical().items():
        tr = d.get("translations", {}).get(language) or {}
        for key in ("title", "instructions", "source", "version"):
            if not tr.get(key):
                missing.append(f"{slug}: {key}")
        missing += [f"{slug}: option {o['value']}" for o in d["options"]
                    if not tr.get("options", {}).get(str(o["value"]))]
        missing += [f"{slug}: item {i['id']}" for i in d["items"] if not tr.get("items", {}).get(i["id"])]
        if d.get("extra"):
            extra = tr.get("extra") or {}
            if not extra.get("text"):
                missing.append(f"{slug}: extra")
            missing += [f"{slug}: extra option {o['value']}" for o in d["extra"]["options"]
                        if not extra.get("options", {}).get(str(o["value"]))]
        if len(tr.get("bands", [])) != len(d["bands"]):
            missing.append(f"{slug}: bands")
    return missing


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
    # The stored label is the English one whatever language the definition was shown in.
    bands = _canonical()[definition["slug"]]["bands"]
    band_index, band = next((i, b["label"]) for i, b in enumerate(bands) if b["min"] <= total <= b["max"])
    safety = tuple(item["id"] for item in definition["items"] if item.get("safety") and answers[item["id"]] > 0)
    return Result(total=total, band=band, band_index=band_index, safety_items=safety)
