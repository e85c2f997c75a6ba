"""The words staff read for the safety layer's codes.

Screening, alerts and the support line keep short codes ("community.chat", "burdensomeness",
"high") in the database, the API and live frames. Pages show these names instead, in the reader's
language: the feature something was written in, what screening noticed, and the risk level. The
levels' names are the choices of ``models.Level``; a code with no name here is shown as it is, so
a new one is never hidden.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .models import Level, SafetyAlert

# Where screened text was written: the ``source`` given to ``screen_and_route`` and
# ``raise_alert``. A source not listed is named by its app (the part before the dot).
SOURCE_NAMES = {
    "community.chat": _("Group chat"),
    "community.post": _("Group forum"),
    "friends.chat": _("Peer chat"),
    "friends.profile": _("Peer profile"),
    "friends.request": _("Connection request"),
    "friends.reach_out": _("Reach-out to their circle"),
    "friends.reach_out_reply": _("Reply to a reach-out"),
    "friends.strategy": _("Shared coping strategy"),
    "selfcare.journal": _("Journal"),
    "selfcare.phq9": _("PHQ-9 questionnaire"),
    "care.message": _("Messages with their practitioner"),
    "care.review": _("Review of a practitioner"),
    "supportline.message": _("Support line"),
    "companion": _("Companion"),
    # Whole apps, for a source added later.
    "community": _("Groups"),
    "friends": _("Friends"),
    "selfcare": _("Self-help"),
    "care": _("Counselling"),
    "supportline": _("Support line"),
}

# What screening (and the other alert raisers) noticed: the ``construct`` of each reason. The
# screener's own constructs are those of ``screening.engine.LABELS`` (a test keeps this complete);
# the rest come from the PHQ-9, moderators, the companion and the screening fallback.
CONSTRUCT_NAMES = {
    "attempt_in_progress": _("Suicide attempt in progress"),
    "plan": _("Plan or preparation"),
    "method": _("Mentions a method"),
    "active_ideation": _("Active suicidal ideation"),
    "passive_ideation": _("Passive suicidal ideation"),
    "lethal_means": _("Access to lethal means"),
    "timing": _("Time frame for acting"),
    "farewell": _("Farewell or final message"),
    "self_injury": _("Self-injury"),
    "past_attempt": _("Past suicide attempt"),
    "third_person_concern": _("Concern about someone else's safety"),
    "suicide_exposure": _("Exposure to someone else's suicide"),
    "hopelessness": _("Hopelessness"),
    "entrapment": _("Entrapment"),
    "burdensomeness": _("Perceived burdensomeness"),
    "worthlessness": _("Self-hatred or worthlessness"),
    "emotional_pain": _("Unbearable emotional pain"),
    "crisis_state": _("Says they are in crisis"),
    "help_seeking": _("Mentions crisis services"),
    "suicide_mention": _("Mentions suicide"),
    "directed_at_others": _("Suicide language aimed at someone else"),
    "unsupported_language": _("Language the screener does not read"),
    "model": _("Statistical model"),
    "conversation": _("Risk across recent messages"),
    "screening_error": _("Screening failed"),
    "phq9_item9": _("PHQ-9 item 9 above 0"),
    "moderator_escalation": _("Escalated by a moderator"),
    "companion": _("The companion's own checks"),
    "crisis_flow": _("Crisis conversation with the companion"),
    "disclosure:abuse": _("Told the companion about abuse"),
    "disclosure:harm_to_others": _("Told the companion about harming others"),
    "disclosure:minor_in_danger": _("Told the companion a child is in danger"),
}


def source_name(source: str) -> str:
    name = SOURCE_NAMES.get(source) or SOURCE_NAMES.get(source.split(".", 1)[0])
    return str(name) if name else source


def construct_name(construct: str) -> str:
    name = CONSTRUCT_NAMES.get(construct)
    return str(name) if name else construct


def level_name(level: str) -> str:
    return str(Level(level).label) if level in Level.values else level


def alert_status_name(status: str) -> str:
    return str(SafetyAlert.Status(status).label) if status in SafetyAlert.Status.values else status


def names_for_script() -> dict:
    """Every name, for a page whose script shows codes that arrive live (the alert dashboard)."""
    return {
        "level": {code: str(label) for code, label in Level.choices},
        "status": {code: str(label) for code, label in SafetyAlert.Status.choices},
        "source": {code: str(name) for code, name in SOURCE_NAMES.items()},
        "construct": {code: str(name) for code, name in CONSTRUCT_NAMES.items()},
    }


def step_details(kind: str, detail: dict) -> dict:
    """The route and outcome of a step on an alert's timeline, named: how staff tried to reach the
    person and how it went ("contacted"), or how the alert ended ("resolved"). Other steps' codes
    (a support-line conversation's outcome) are left as they are."""
    from .actions import CONTACT_OUTCOMES, CONTACT_ROUTES

    route, outcome = str(detail.get("route") or ""), str(detail.get("outcome") or "")
    outcomes = {"contacted": dict(CONTACT_OUTCOMES), "resolved": dict(SafetyAlert.Outcome.choices)}.get(kind, {})
    return {"route": str(dict(CONTACT_ROUTES).get(route, route)), "outcome": str(outcomes.get(outcome, outcome))}
