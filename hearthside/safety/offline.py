"""The crisis lines without the database: read from the packaged data file.

Used when PostgreSQL cannot be reached (``/help/`` and ``/help/protocol/`` must answer whatever else
is down) and by the static error page. Nothing here touches the database, the session or the
signed-in person: the country comes from ``?country=`` or the browser's language list only.
"""

from __future__ import annotations

import json
from functools import lru_cache

from django.template.loader import render_to_string

from .directory import DATA_FILE


@lru_cache(maxsize=1)
def packaged_directory() -> dict:
    try:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    lines: dict[str, list[dict]] = {}
    for item in data.get("lines", []):
        if item.get("active", True) is False:
            continue
        phone = item.get("phone", "")
        line = {
            "name": item.get("name", ""), "region": item.get("region", ""), "phone": phone,
            "tel_href": "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch in "+*#"),
            "sms": item.get("sms", ""), "chat_url": item.get("chat_url", ""), "hours": item.get("hours", ""),
            "languages": item.get("languages", []), "priority": item.get("priority", 5),
        }
        lines.setdefault(item.get("country", "").upper(), []).append(line)
    for country_lines in lines.values():
        country_lines.sort(key=lambda line: (line["priority"], line["name"]))
    emergency = {item["country"].upper(): item["number"] for item in data.get("emergency_numbers", [])
                 if item.get("country") and item.get("number")}
    return {"lines": lines, "emergency": emergency, "countries": sorted(c for c in lines if c)}


def country_of(request) -> str:
    from django.conf import settings

    chosen = (request.GET.get("country") or "").strip().upper()
    if len(chosen) == 2 and chosen.isalpha():
        return chosen
    if getattr(settings, "SITE_COUNTRY", ""):
        # The same rule as the site (safety.directory.country_for), without reading the session:
        # the site's default before the browser's guess.
        return settings.SITE_COUNTRY
    for part in request.META.get("HTTP_ACCEPT_LANGUAGE", "").split(","):
        pieces = part.split(";")[0].strip().replace("_", "-").split("-")
        if len(pieces) >= 2 and len(pieces[-1]) == 2 and pieces[-1].isalpha():
            return pieces[-1].upper()
    return ""


def help_context(request, limit: int = 5) -> dict:
    directory = packaged_directory()
    country = country_of(request)
    return {
        "country": country,
        "emergency": directory["emergency"].get(country, ""),
        "lines": directory["lines"].get(country, [])[:limit],
        "countries": directory["countries"],
    }


def render_offline_help(request, *, status: int = 200, error: bool = False):
    """The help page from the packaged data (``error``: worded as the site's error page)."""
    from django.conf import settings
    from django.http import HttpResponse

    context = {**help_context(request), "error": error, "SITE_NAME": settings.SITE_NAME,
               "QUICK_EXIT_URL": getattr(settings, "QUICK_EXIT_URL", "")}
    # No request: no context processors, so nothing reads the session or the database.
    html = render_to_string("safety/help_offline.html", context)
    response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    return response


def render_offline_protocol(request, *, status: int = 200):
    """The crisis protocol (``/help/protocol/``) without the database: the facts from the code and
    the packaged crisis lines, no version record and no list of versions; a plain layout that
    reads neither the session nor the signed-in person."""
    from django.conf import settings
    from django.http import HttpResponse

    from . import protocol

    context = {"layout": "safety/base_offline.html", "version": None, "current": None, "ended": None,
               "versions": [], "unrecorded": True, "p": protocol.display(protocol.facts(packaged=True)),
               "SITE_NAME": settings.SITE_NAME, "QUICK_EXIT_URL": getattr(settings, "QUICK_EXIT_URL", "")}
    html = render_to_string("safety/protocol.html", context)
    response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    return response
