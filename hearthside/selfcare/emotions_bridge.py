"""The one place the web app calls the emotion model; a missing or broken model never breaks a page."""

from __future__ import annotations

import logging

log = logging.getLogger("hearthside.selfcare")


def suggest(text: str, k: int = 3) -> list[str]:
    text = (text or "").strip()
    if len(text) < 3:
        return []
    try:
        from hearthside.selfcare.emotions import suggest as model_suggest

        return list(model_suggest(text, k=k))
    except Exception:  # suggestions are a convenience; the check-in works without them
        log.exception("emotion suggestion failed")
        return []
