"""Jurisdiction profiles as data, and the rules they give the companion for one person.

Pure Python (no Django): ``hearthside companion-chat`` reads the same files and applies the same
rules as the site, so a profile is tested through the command exactly as it runs in the product.
Each profile is a JSON file in ``data/profiles/``; :func:`load` validates it and fails loudly on a
missing key, a link that is not https or a date that is not a date.

A profile records what the project does for a law, with the law it answers to. It is not legal
advice: docs/compliance.md says what remains the operator's duty.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

PROFILES_DIR = Path(__file__).resolve().parent / "data" / "profiles"
DEFAULT = "default"
# Strictest first: the companion never runs in a looser mode than any rule that applies allows.
MODES = ("off", "wellness", "full")
DUTIES = ("crisis_referral", "publish_protocol", "no_ad_targeting", "no_health_data_sale", "no_therapy_claims")
REQUIRED = ("key", "title", "mode", "laws", "disclosure", "minors", "reports", "duties")
LAW_KEYS = ("name", "section", "url", "checked")
DISCLOSURE_KEYS = ("at_start", "on_request", "idle_days", "every_hours")
MINORS_KEYS = ("mode", "every_hours", "break_reminder", "suitability_notice")
REPORT_KEYS = ("to", "what", "cadence", "starts")


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class Law:
    name: str
    section: str
    url: str
    checked: date


@dataclass(frozen=True)
class Disclosure:
    at_start: bool
    on_request: bool
    idle_days: int | None
    every_hours: int | None


@dataclass(frozen=True)
class MinorsRules:
    mode: str | None
    every_hours: int | None
    break_reminder: bool
    suitability_notice: bool


@dataclass(frozen=True)
class Report:
    to: str
    what: str
    cadence: str
    starts: date | None


@dataclass(frozen=True)
class Profile:
    key: str
    title: str
    mode: str
    laws: tuple[Law, ...]
    disclosure: Disclosure
    minors: MinorsRules
    reports: tuple[Report, ...]
    duties: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    """What the companion does for one person under one profile."""

    profile: str
    mode: str
    # Which rule set the mode: "profile", "minors" (the profile's rule for a known minor) or
    # "operator" (the site's own stricter choice); the companion's words say why it is off.
    mode_why: str
    minor: bool
    idle_days: int | None
    every_hours: int | None
    break_reminder: bool
    suitability_notice: bool


def _keys(data, keys, where: str) -> dict:
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: must be an object")
    missing = [k for k in keys if k not in data]
    extra = sorted(set(data) - set(keys))
    if missing or extra:
        raise ProfileError(f"{where}: missing {missing}, unknown {extra}")
    return data


def _entries(data: dict, field: str, keys, name: str) -> Iterator[tuple[str, dict]]:
    """Each entry of the list ``data[field]`` with where it is ("profile.laws[0]"), once its keys
    are checked."""
    if not isinstance(data[field], list):
        raise ProfileError(f"{name}.{field}: a list")
    for i, entry in enumerate(data[field]):
        where = f"{name}.{field}[{i}]"
        yield where, _keys(entry, keys, where)


def _date(value, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ProfileError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from None


def _hours(value, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ProfileError(f"{where}: a whole number of at least 1, or null")
    return value


def _flag(value, where: str) -> bool:
    if not isinstance(value, bool):
        raise ProfileError(f"{where}: true or false")
    return value


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(f"{where}: a non-empty string")
    return value


def parse(data, name: str = "profile") -> Profile:
    """A :class:`Profile` from a file's JSON, or :class:`ProfileError` saying what is wrong."""
    _keys(data, REQUIRED, name)
    if data["mode"] not in MODES:
        raise ProfileError(f"{name}.mode: one of {MODES}")
    laws = []
    for where, law in _entries(data, "laws", LAW_KEYS, name):
        if not isinstance(law["url"], str) or not law["url"].startswith("https://"):
            raise ProfileError(f"{where}.url: an https link")
        laws.append(Law(_text(law["name"], f"{where}.name"), _text(law["section"], f"{where}.section"), law["url"],
                        _date(law["checked"], f"{where}.checked")))
    d = _keys(data["disclosure"], DISCLOSURE_KEYS, f"{name}.disclosure")
    # The project's floor, whatever a law asks: the companion says what it is when a conversation
    # starts and whenever it is asked.
    if d["at_start"] is not True or d["on_request"] is not True:
        raise ProfileError(f"{name}.disclosure: at_start and on_request must be true")
    disclosure = Disclosure(True, True, _hours(d["idle_days"], f"{name}.disclosure.idle_days"),
                            _hours(d["every_hours"], f"{name}.disclosure.every_hours"))
    m = _keys(data["minors"], MINORS_KEYS, f"{name}.minors")
    if m["mode"] is not None and m["mode"] not in MODES:
        raise ProfileError(f"{name}.minors.mode: one of {MODES}, or null")
    minors = MinorsRules(m["mode"], _hours(m["every_hours"], f"{name}.minors.every_hours"),
                         _flag(m["break_reminder"], f"{name}.minors.break_reminder"),
                         _flag(m["suitability_notice"], f"{name}.minors.suitability_notice"))
    reports = []
    for where, report in _entries(data, "reports", REPORT_KEYS, name):
        reports.append(Report(_text(report["to"], f"{where}.to"), _text(report["what"], f"{where}.what"),
                              _text(report["cadence"], f"{where}.cadence"),
                              None if report["starts"] is None else _date(report["starts"], f"{where}.starts")))
    duties = data["duties"]
    if not isinstance(duties, list) or any(d not in DUTIES for d in duties) or "crisis_referral" not in duties:
        raise ProfileError(f"{name}.duties: a list from {DUTIES}, with crisis_referral")
    return Profile(_text(data["key"], f"{name}.key"), _text(data["title"], f"{name}.title"), data["mode"],
                   tuple(laws), disclosure, minors, tuple(reports), tuple(duties))


@cache
def profiles() -> dict[str, Profile]:
    """Every shipped profile by key (read once; a broken file stops the process at start)."""
    found: dict[str, Profile] = {}
    for path in sorted(PROFILES_DIR.glob("*.json")):
        profile = parse(json.loads(path.read_text(encoding="utf-8")), path.name)
        if profile.key != path.stem:
            raise ProfileError(f"{path.name}: key {profile.key!r} must match the file name")
        found[profile.key] = profile
    if DEFAULT not in found:
        raise ProfileError(f"no {DEFAULT}.json in {PROFILES_DIR}")
    return found


def get(key: str) -> Profile:
    try:
        return profiles()[key]
    except KeyError:
        raise ProfileError(f"unknown profile {key!r}; known: {', '.join(sorted(profiles()))}") from None


def stricter(*modes: str | None) -> str:
    """The strictest of ``modes`` (None means "no rule")."""
    given = [m for m in modes if m]
    return min(given, key=MODES.index) if given else "full"


def rules(profile: Profile, *, minor: bool = False, operator_mode: str | None = None) -> Rules:
    """The companion's rules for one person: the profile's, its minors' rules on top for a known
    minor, and the operator's own mode when it is stricter (an operator may be stricter than a
    profile, never looser)."""
    every = [profile.disclosure.every_hours]
    if minor:
        every.append(profile.minors.every_hours)
    hours = [h for h in every if h]
    mode = stricter(profile.mode, profile.minors.mode if minor else None, operator_mode)
    why = "profile"
    if mode != profile.mode:
        why = "minors" if minor and profile.minors.mode == mode else "operator"
    return Rules(
        profile=profile.key,
        mode=mode,
        mode_why=why,
        minor=minor,
        idle_days=profile.disclosure.idle_days,
        every_hours=min(hours) if hours else None,
        break_reminder=minor and profile.minors.break_reminder,
        suitability_notice=profile.minors.suitability_notice,
    )
