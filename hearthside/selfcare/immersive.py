"""The calm space: the self-compassion break run in a 3D scene (issue #22).

It is the same exercise as ``self-compassion-break`` in ``content/exercises.json``, run by the same
engine (one ``ExerciseSession``, mood before and after, each answer posted to the session's page),
with three guided moments added between the engine's steps. Those moments store nothing, so a
session can be started here and finished on the plain step-by-step page, or the other way round.

Sources (listed in full in ``docs/selfhelp.md``):
- the break itself: Neff, K. D. (n.d.). Exercise 2: Self-compassion break. self-compassion.org; its
  three parts are the components of self-compassion in Neff, K. D. (2003). Self-compassion: an
  alternative conceptualization of a healthy attitude toward oneself. Self and Identity, 2(2), 85–101.
- the compassionate other: compassionate imagery in compassion-focused therapy, Gilbert, P. (2009).
  Introducing compassion-focused therapy. Advances in Psychiatric Treatment, 15(3), 199–208.
- kind wishes to oneself: the "yourself" step of the loving-kindness exercise (Salzberg, 1995;
  Hofmann, Grossman & Hinton, 2011), reused with its translations.
- breathing: gentle, unforced breathing (NHS, n.d., Breathing exercises for stress). The 4-second
  in, 6-second out pace is this project's suggestion, not a clinical prescription; the text says
  any comfortable pace is fine.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import exercises

SLUG = "self-compassion-break"
# The breathing cue: seconds in, seconds out (see the module docstring: a suggestion only).
BREATH_IN, BREATH_OUT = 4, 6

GILBERT_2009 = ("Gilbert, P. (2009). Introducing compassion-focused therapy. Advances in Psychiatric Treatment, "
                "15(3), 199–208. https://doi.org/10.1192/apt.bp.107.005264")
NHS_BREATHING = ("NHS (n.d.). Breathing exercises for stress. "
                 "https://www.nhs.uk/mental-health/self-help/guides-tools-and-activities/breathing-exercises-for-stress/")

NEFF = gettext_lazy("Source: Kristin Neff's self-compassion break (Neff, n.d.; Neff, 2003).")
# The three parts of the break, named as Neff (2003) names the components of self-compassion.
PARTS = {
    "name_it": gettext_lazy("Mindfulness"),
    "not_alone": gettext_lazy("Common humanity"),
    "kindness": gettext_lazy("Self-kindness"),
}

# The guided moments this page adds, each after the engine step named by "after".
ADDED = [
    {"id": "breathe", "after": "intro", "kind": "breathe",
     "text": gettext_lazy("Let's begin with a few slow breaths. Breathe in as the light grows and out as it fades: "
                          "about four seconds in and six out. If another pace feels easier, follow your own."),
     "source": gettext_lazy("Source: gentle, unforced breathing (NHS, n.d., Breathing exercises for stress). "
                            "The pace is a suggestion, not a prescription.")},
    {"id": "friend", "after": "kindness", "kind": "guided",
     "label": gettext_lazy("A compassionate friend"),
     "text": gettext_lazy("Now imagine someone who is deeply kind towards you: wise, warm and completely on your "
                          "side. It can be someone you know, or someone you picture. Notice the warmth in their face "
                          "and voice. What would they say to you about what you are going through? Let their "
                          "kindness reach you, even a little."),
     "source": gettext_lazy("Source: compassionate imagery in compassion-focused therapy (Gilbert, 2009).")},
    {"id": "wish", "after": "friend", "kind": "guided", "from": ("loving-kindness", "yourself"),
     "label": gettext_lazy("Kind wishes"),
     "source": gettext_lazy("Source: loving-kindness meditation (Salzberg, 1995; Hofmann, Grossman & Hinton, 2011).")},
]


def _kind(step: dict) -> str:
    if step["id"] in ("_mood_before", "_mood_after"):
        return "mood"
    return {"timer": "breathe", "input": "input", "summary": "summary"}.get(step["type"], "guided")


def sequence(language: str | None = None) -> list[dict]:
    """Every step the page shows, in order: the engine's steps (``engine``: answered by posting to
    the session) with the added moments between them, each with its text and source."""
    out = []
    for step in exercises.steps_for(SLUG, language):
        kind = _kind(step)
        item = {"id": step["id"], "kind": kind, "engine": True, "text": str(step["text"])}
        if kind == "mood":
            item.update(min=step["min"], max=step["max"])
        else:
            item["source"] = str(NEFF)
        if kind == "input":
            item.update(optional=bool(step.get("optional")), max_length=step.get("max_length", 2000))
        if step["id"] in PARTS:
            item["label"] = str(PARTS[step["id"]])
        out.append(item)
        out += _added_after(step["id"], language)
    return out


def _added_after(step_id: str, language: str | None) -> list[dict]:
    found = []
    for added in ADDED:
        if added["after"] == step_id:
            if "from" in added:
                slug, source_step = added["from"]
                text = next(s["text"] for s in exercises.get(slug, language)["steps"] if s["id"] == source_step)
            else:
                text = added["text"]
            item = {"id": added["id"], "kind": added["kind"], "engine": False, "text": str(text),
                    "source": str(added["source"])}
            if "label" in added:
                item["label"] = str(added["label"])
            found.append(item)
            found += _added_after(added["id"], language)
    return found


def references() -> list[str]:
    """The full references behind the steps (bibliographic entries are not translated)."""
    own = exercises.get(SLUG, "en")["source"].split("; ")
    kindness = exercises.get("loving-kindness", "en")["source"].split("; ")
    return [*own, GILBERT_2009, *kindness[:2], NHS_BREATHING]


def strings() -> dict[str, str]:
    """What the page's script says, translated here so that the script holds no English."""
    return {
        "breatheIn": _("Breathe in"),
        "breatheOut": _("Breathe out"),
        "continue": _("Continue"),
        "finish": _("Finish"),
        "back": _("Back to exercises"),
        "step": _("Step %(n)s of %(total)s"),
        "moodChange": _("Your mood went from %(before)s to %(after)s."),
        "done": _("Well done. You can come back to this space whenever you need it."),
        "saveFailed": _("This step could not be saved. The page will reload and pick up where you are."),
        "vrFailed": _("The headset could not be started. You can go on here on the screen."),
        "vrHint": _("Press your controller's select button to go on."),
        "vrMood": _("Take off your headset to answer on the screen."),
        "noWebgl": _("This browser cannot draw the 3D space, so the exercise is shown as text, with the voice if "
                     "you like. The steps are the same."),
        "reducedMotion": _("Your device asks for reduced motion, so the exercise is shown as text, with the voice if "
                           "you like, and without movement. The steps are the same."),
        "breathStill": _("Breathe in for about four seconds and out for about six, or at any pace that feels "
                         "comfortable."),
    }


def page_data(session, language: str | None = None) -> dict:
    """The JSON the page's script reads (``json_script``)."""
    steps = sequence(language)
    current = None
    if session is not None:
        current = exercises.steps_for(SLUG, language)[session.step_index]["id"]
    return {
        "steps": steps,
        "current": current,
        "moodBefore": session.mood_before if session is not None else None,
        "moodAfter": session.mood_after if session is not None else None,
        "breath": [BREATH_IN, BREATH_OUT],
        "sessionUrl": reverse("selfcare:exercise_session", args=[session.pk]) if session is not None else None,
        "exercisesUrl": reverse("selfcare:exercises"),
        "strings": strings(),
    }
