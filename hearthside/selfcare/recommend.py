"""'For you': suggestions from the person's own history, each with the reason shown.

Only data the person consented to store is used (health_data); nothing is inferred otherwise.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import ngettext

from hearthside.accounts.actions import has_consent

from . import exercises
from .library import article_for
from .models import CheckIn

# Named emotions → what tends to fit (an article slug or an exercise slug).
EMOTION_MAP = {
    "anxious": [("exercise", "box-breathing"), ("article", "coping-with-anxiety")],
    "nervous": [("exercise", "grounding-5-4-3-2-1"), ("article", "coping-with-anxiety")],
    "stressed": [("exercise", "box-breathing"), ("article", "managing-stress")],
    "overwhelmed": [("exercise", "grounding-5-4-3-2-1"), ("article", "managing-stress")],
    "sad": [("exercise", "self-compassion-break"), ("article", "low-mood")],
    "lonely": [("article", "loneliness")],
    "tired": [("article", "better-sleep")],
    "angry": [("exercise", "box-breathing")],
    "grief": [("article", "grief-and-loss")],
}


def for_you(user, limit: int = 4) -> list[dict]:
    if not has_consent(user, "health_data"):
        return []
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, slug: str, reason: str) -> None:
        if (kind, slug) in seen or len(out) >= limit:
            return
        if kind == "exercise":
            item = exercises.get(slug)
            if item is None:
                return
            out.append({"kind": kind, "slug": slug, "title": item["title"], "url": f"/selfcare/exercises/{slug}/",
                        "reason": reason})
        else:
            article = article_for(slug)
            if article is None:
                return
            out.append({"kind": kind, "slug": slug, "title": article.title, "url": f"/selfcare/library/{slug}/",
                        "reason": reason})
        seen.add((kind, slug))

    from .actions import exercise_effects

    for effect in exercise_effects(user):
        if effect["sessions"] >= 2 and effect["average_change"] > 0:
            add("exercise", effect["slug"], ngettext(
                "Your mood rose by %(c)s on average after the last %(n)s time.",
                "Your mood rose by %(c)s on average after the last %(n)s times.", effect["sessions"])
                % {"c": effect["average_change"], "n": effect["sessions"]})
    since = timezone.now() - timedelta(days=14)
    rows = list(CheckIn.objects.filter(user=user, at__gte=since).values_list("emotions", "sleep_hours")[:500])
    counts = Counter(e.lower() for emotions, _sleep in rows for e in emotions or [])
    for emotion, n in counts.most_common():
        if n < 2:
            break
        for kind, slug in EMOTION_MAP.get(emotion, []):
            add(kind, slug, ngettext(
                "You named “%(e)s” %(n)s time in the last two weeks.",
                "You named “%(e)s” %(n)s times in the last two weeks.", n) % {"e": emotion, "n": n})
    sleeps = [float(s) for _e, s in rows if s is not None]
    if len(sleeps) >= 5 and sum(sleeps) / len(sleeps) < 6:
        add("article", "better-sleep", ngettext("You averaged %(h).1f hours of sleep over %(n)s check-in.",
                     "You averaged %(h).1f hours of sleep over %(n)s check-ins.", len(sleeps))
            % {"h": sum(sleeps) / len(sleeps), "n": len(sleeps)})
    return out
