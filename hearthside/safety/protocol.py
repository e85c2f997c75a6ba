"""The published crisis protocol (issue #21): what the site screens, what it does at each level, who
is alerted and how fast, how an alert escalates, and which crisis lines people are shown.

``facts()`` reads all of it from the running configuration and the code's own constants (the
routing thresholds, the escalation table, the acknowledgement deadlines, the screener's languages,
the crisis-line directory), never from prose, so the page at ``/help/protocol/`` cannot disagree
with what the code does. The facts hold codes and numbers only; the page names them in the
reader's language, so every language shows one version.

Versions: ``current_version()`` compares the facts with the latest ``ProtocolVersion`` and records
a new one when they differ. It runs on every view of the page and from ``hearthside safety
record-protocol`` (run it at deploy, after ``migrate``, so a version's date is the deploy's rather
than the first visit's). A version is never edited; earlier ones stay listed with their dates.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import ProtocolVersion

SCHEMA = 1

# Conditions a feature's screening has beyond "everything written there". Only the journal has one
# today (selfcare/actions.py screens an entry only under the person's ``ai_features`` consent).
SOURCE_CONDITIONS = {"selfcare.journal": "consent:ai_features"}


def screened_sources() -> list[str]:
    """Every place whose writing (or answers) can raise an alert: the feature codes that
    ``labels.SOURCE_NAMES`` names, leaving out its whole-app fallbacks ("community"), which are
    the prefix of a feature's code rather than a feature."""
    from .labels import SOURCE_NAMES

    codes = list(SOURCE_NAMES)
    return [c for c in codes if not any(other.startswith(c + ".") for other in codes)]


def facts(*, packaged: bool = False) -> dict:
    """The protocol as data: codes, numbers and the directory's own sources. JSON-serialisable.

    ``packaged``: the crisis lines and emergency numbers from the data file the directory is loaded
    from, not from the database, so the page can still be shown when the database is down (an
    operator's edits in the admin are then missing, which the page says)."""
    from hearthside.safety.screening.result import LEVELS, SUPPORTED_LANGUAGES

    from . import actions
    from .directory import LINES_SHOWN, site_country
    from .models import LEVEL_ORDER, CrisisLine, EmergencyNumber

    alert_from, hold_from = LEVEL_ORDER[actions.ALERT_FROM], LEVEL_ORDER[actions.HOLD_FROM]
    levels = []
    for level in LEVELS:
        rank = LEVEL_ORDER[level]
        alerts = rank >= alert_from
        levels.append({
            "level": level, "help": alerts, "alert": alerts, "held": rank >= hold_from,
            "ack_seconds": actions.ack_deadline_seconds(level) if alerts else None,
        })
    sources = [{"source": s, "private": not actions.holds_content(s), "condition": SOURCE_CONDITIONS.get(s, "")}
               for s in screened_sources()]
    return {
        "schema": SCHEMA,
        "sources": sources,
        "languages": list(SUPPORTED_LANGUAGES),
        "unsupported_language": settings.SAFETY_UNSUPPORTED_LANGUAGE,
        "levels": levels,
        "phq9_item9_alert": settings.SELFCARE_ITEM9_ALERT,
        "companion_disclosure_alert": settings.COMPANION_DISCLOSURE_ALERT,
        "alert_roles": list(actions.ALERT_ROLES),
        "escalation": [list(groups) for groups in actions.ESCALATION],
        "retention_days": settings.SAFETY_SCREENED_RETENTION_DAYS,
        "site_country": site_country(),
        "lines_shown": LINES_SHOWN,
        **(_packaged_directory() if packaged else {
            "emergency_numbers": [
                {"country": e.country, "number": e.number, "source": e.source,
                 "verified_on": e.verified_on.isoformat()}
                for e in EmergencyNumber.objects.order_by("country")
            ],
            "crisis_lines": [
                {"country": line.country, "region": line.region, "name": line.name, "phone": line.phone,
                 "sms": line.sms, "chat_url": line.chat_url, "hours": line.hours,
                 "languages": list(line.languages or []), "source": line.source,
                 "verified_on": line.verified_on.isoformat()}
                for line in CrisisLine.objects.filter(active=True).order_by("country", "priority", "name", "pk")
            ],
        }),
    }


def _packaged_directory() -> dict:
    """The directory's part of ``facts()`` read from the packaged data file, in the same shape and
    order as from the tables ``directory.load_directory`` fills from it. Touches no database."""
    from datetime import date

    from .directory import DATA_FILE

    try:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    numbers = sorted(
        ({"country": item["country"].upper(), "number": item["number"], "source": item["source"],
          "verified_on": date.fromisoformat(item["verified_on"]).isoformat()}
         for item in data.get("emergency_numbers", [])),
        key=lambda e: e["country"],
    )
    lines = [
        (item["country"].upper(), item.get("priority", 5), item["name"], index,
         {"country": item["country"].upper(), "region": item.get("region", ""), "name": item["name"],
          "phone": item.get("phone", ""), "sms": item.get("sms", ""), "chat_url": item.get("chat_url", ""),
          "hours": item.get("hours", ""), "languages": list(item.get("languages", [])), "source": item["source"],
          "verified_on": date.fromisoformat(item["verified_on"]).isoformat()})
        for index, item in enumerate(data.get("lines", [])) if item.get("active", True) is not False
    ]
    return {"emergency_numbers": numbers, "crisis_lines": [row[-1] for row in sorted(lines, key=lambda r: r[:4])]}


def content_hash(data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def current_version() -> ProtocolVersion:
    """The version in force: the latest recorded one when the facts are unchanged, else a new one
    recorded now. Two processes recording at once: the unique number lets one win, and the other
    reads what it recorded (the same facts, or it records the next number)."""
    data = facts()
    digest = content_hash(data)
    for _attempt in range(3):
        latest = ProtocolVersion.objects.order_by("-number").first()
        if latest is not None and latest.content_hash == digest:
            return latest
        try:
            with transaction.atomic():
                return ProtocolVersion.objects.create(number=(latest.number + 1) if latest else 1,
                                                      content_hash=digest, facts=data)
        except IntegrityError:
            continue
    raise RuntimeError("could not record the crisis protocol's version")


# ---------------------------------------------------------------------------------------------
# Naming the facts for the page


def duration(seconds: int) -> str:
    from django.utils.translation import ngettext

    if seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    if seconds % 60 == 0:
        minutes = seconds // 60
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}


def _who(code: str) -> str:
    from django.utils.translation import gettext as _

    from hearthside.accounts.models import Role

    from .actions import ON_DUTY

    names = {
        ON_DUTY: _("the moderators, clinical supervisors and administrators on duty (the roster)"),
        "clinical_supervisor": _("the clinical supervisors"),
        "administrator": _("the administrators"),
    }
    if code in names:
        return names[code]
    return str(Role(code).label) if code in Role.values else code


def display(data: dict) -> dict:
    """The facts of one version, named for the page in the reader's language."""
    from django.utils.translation import get_language_info
    from django.utils.translation import gettext as _

    from hearthside.accounts.models import Role

    from .labels import level_name, source_name

    def language_name(code: str) -> str:
        try:
            return get_language_info(code)["name_translated"]
        except KeyError:
            return code

    conditions = {"consent:ai_features": _("only for people who have agreed to it in their consents")}
    sources = [{"code": s["source"], "name": source_name(s["source"]), "private": s["private"],
                "condition": conditions.get(s.get("condition", ""), s.get("condition", ""))}
               for s in data.get("sources", [])]
    levels = [{**row, "name": level_name(row["level"]),
               "deadline": duration(row["ack_seconds"]) if row.get("ack_seconds") else ""}
              for row in data.get("levels", [])]
    tiers = [{"number": i + 1, "first": _who(groups[0]), "fallbacks": [_who(g) for g in groups[1:]]}
             for i, groups in enumerate(data.get("escalation", []))]
    countries: dict[str, dict] = {}
    for e in data.get("emergency_numbers", []):
        countries.setdefault(e["country"], {"country": e["country"], "emergency": None, "lines": []})["emergency"] = e
    for line in data.get("crisis_lines", []):
        countries.setdefault(line["country"], {"country": line["country"], "emergency": None, "lines": []})[
            "lines"].append(line)
    return {
        "sources": sources,
        "languages": [language_name(c) for c in data.get("languages", [])],
        "unsupported_hold": data.get("unsupported_language") == "hold",
        "levels": levels,
        "phq9_alert": data.get("phq9_item9_alert") == "always",
        "companion_alert": data.get("companion_disclosure_alert") == "always",
        "alert_roles": [str(Role(r).label) if r in Role.values else r for r in data.get("alert_roles", [])],
        "tiers": tiers,
        "retention_days": data.get("retention_days"),
        "site_country": data.get("site_country", ""),
        "lines_shown": data.get("lines_shown"),
        "countries": [countries[c] for c in sorted(countries)],
    }
