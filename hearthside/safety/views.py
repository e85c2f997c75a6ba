"""The "Get help now" page: works logged out and without JavaScript."""

from __future__ import annotations

from django.shortcuts import render

from . import directory


def help_now(request):
    chosen = (request.GET.get("country") or "").strip().upper()
    country = chosen if len(chosen) == 2 and chosen.isalpha() else directory.country_from_request(request)
    from .models import CrisisLine

    countries = sorted(set(CrisisLine.objects.filter(active=True).values_list("country", flat=True)))
    return render(request, "safety/help.html", {
        "country": country,
        "emergency": directory.emergency_number_for(country),
        "lines": directory.lines_for(country),
        "countries": countries,
    })
