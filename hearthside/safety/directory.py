"""The crisis-line directory: loading the curated data and choosing lines for a person."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "crisis_lines.json"
# How many of a country's lines a person is shown (the help panel, /help/), best first.
LINES_SHOWN = 3


def load_directory(path: Path = DATA_FILE, *, replace: bool = False) -> int:
    from .models import CrisisLine, EmergencyNumber

    if not path.exists():
        return 0
    data = json.loads(path.read_text(encoding="utf-8"))
    if replace:
        CrisisLine.objects.all().delete()
        EmergencyNumber.objects.all().delete()
    for item in data.get("emergency_numbers", []):
        EmergencyNumber.objects.update_or_create(
            country=item["country"].upper(),
            defaults={"number": item["number"], "source": item["source"],
                      "verified_on": date.fromisoformat(item["verified_on"])},
        )
    lines = []
    for item in data.get("lines", []):
        lines.append(CrisisLine(
            country=item["country"].upper(), region=item.get("region", ""), name=item["name"],
            phone=item.get("phone", ""), sms=item.get("sms", ""), chat_url=item.get("chat_url", ""),
            hours=item.get("hours", ""), languages=item.get("languages", []), audiences=item.get("audiences", []),
            source=item["source"], verified_on=date.fromisoformat(item["verified_on"]),
            priority=item.get("priority", 5), note=item.get("note", "")[:500],
        ))
    CrisisLine.objects.bulk_create(lines)
    return len(lines)


def load_directory_if_empty(sender=None, using="default", **kwargs) -> None:
    from .models import CrisisLine

    try:
        if not CrisisLine.objects.using(using).exists():
            load_directory()
    except Exception:  # noqa: BLE001 - tables may not exist yet during a partial migrate
        return


def site_country() -> str:
    """The operator's default country (``HEARTHSIDE_COUNTRY``), "" when none is set."""
    from django.conf import settings

    return (getattr(settings, "SITE_COUNTRY", "") or "").upper()


def country_for(user) -> str:
    """The country whose crisis lines ``user`` sees: the one they chose (``User.country``), else
    the site's default.

    The one rule for a person's lines, wherever they are shown: their own pages, the help panel,
    the companion, both sides of a support-line conversation and the staff alert page. It depends
    on the person alone, never on whoever is looking or on a browser's language list, so everyone
    in a conversation sees the same numbers (issue #15: a guest saw 911/988 from their browser
    while their supporter was shown 999/Samaritans). Anonymous visitors get the site's default."""
    chosen = (getattr(user, "country", "") or "").strip().upper() if user is not None else ""
    return chosen or site_country()


def suggested_country(request) -> str:
    """The region in the browser's language list ("es-MX" -> "MX"), or "".

    A guess, not a choice: only the /help/ page uses it, and only when neither a chosen country
    nor a site default exists. Never used for the lines of a conversation."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip()
        pieces = tag.replace("_", "-").split("-")
        if len(pieces) >= 2 and len(pieces[-1]) == 2 and pieces[-1].isalpha():
            return pieces[-1].upper()
    return ""


def lines_for(country: str, limit: int = LINES_SHOWN, *, language: str = ""):
    """The country's crisis lines, best first; with ``language``, lines that speak it come first."""
    from .models import CrisisLine

    if not country:
        return []
    lines = list(CrisisLine.objects.filter(country=country, active=True).order_by("priority", "name"))
    if language:
        lines.sort(key=lambda line: language not in (line.languages or []))  # stable: keeps priority order
    return lines[:limit]


def emergency_number_for(country: str):
    from .models import EmergencyNumber

    if not country:
        return None
    return EmergencyNumber.objects.filter(country=country).first()
