"""The warm hand-off from the companion to the support line: the risk the companion assessed (the
person's place in the line's queue) and the short summary the person may agree to pass on.

The summary is plain text a supporter reads in a few seconds: the person's own key statements
(quoted, clipped), the risk level and the reasons in words, and what the companion already did.
The person is shown exactly this text before they agree; nothing else of the companion
conversation reaches the support line, and without their agreement nothing at all does.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from hearthside.supportline.policy import RISK_RANK

from .engine import lexicon
from .models import Conversation, Message

MAX_STATEMENTS = 4
MAX_STATEMENT_CHARS = 200
# Companion actions that put a direct question about suicide to the person.
ASKED = {"safety_question", "crisis_check"}


def _rank(level: str) -> int:
    return RISK_RANK.get(level or "none", 0)


def higher_level(a: str, b: str) -> str:
    # At equal rank a named level beats "unknown" (a screening failure ranks with "high").
    return b if (_rank(b), b != "unknown") > (_rank(a), a != "unknown") else a


def assessed_risk(conversation: Conversation, state: dict | None = None) -> str:
    """The highest risk the companion saw in this conversation, as a screening level.

    The screener's level of each message; a crisis flow (open or ended) counts as at least "high",
    the level of the alert the companion raises with it; a direct question about suicide not clearly
    answered as at least "moderate"; a disclosure as the level of the alert it raises (abuse
    moderate, harm to others or a child in danger high); a softer sign kept in view as "low". As the
    support line does, the highest level seen counts, not the latest: a person who said they are
    safe now is still someone who was in crisis an hour ago.
    """
    state = conversation.state if state is None else state
    state = state or {}
    level = "none"
    for seen in Message.objects.filter(conversation=conversation, role=Message.Role.PERSON).values_list(
            "safety_level", flat=True):
        level = higher_level(level, seen)
    crisis = state.get("crisis") or {}
    if crisis or conversation.crisis_episodes.exists():
        level = higher_level(level, "high")
        level = higher_level(level, crisis.get("level") or "none")
        for seen in conversation.crisis_episodes.values_list("level", flat=True):
            level = higher_level(level, seen)
    watch = state.get("watch") or {}
    if watch.get("kind") == "asked":
        level = higher_level(level, "moderate")
    elif watch:
        level = higher_level(level, "low")
    for kind in state.get("disclosures") or []:
        level = higher_level(level, "moderate" if kind == "abuse" else "high")
    return level


def _risk_sentence(level: str) -> str:
    return {"none": _("Risk the companion assessed: none."), "low": _("Risk the companion assessed: low."),
            "moderate": _("Risk the companion assessed: moderate."), "high": _("Risk the companion assessed: high."),
            "imminent": _("Risk the companion assessed: imminent."),
            "unknown": _("Risk the companion assessed: unknown (the screening failed).")}.get(level, level)


def _said(message: str) -> str:
    """``message`` in the active language: the project catalogue, then the companion's own table for
    the words the catalogue does not have yet (``engine/es.py: SUMMARY``)."""
    translated = _(message)
    if translated == message and (translation.get_language() or "").startswith("es"):
        from .engine.es import SUMMARY

        return SUMMARY.get(message, message)
    return translated


def _factor_words() -> dict[str, str]:
    # The companion's risk factors (engine/lexicon.py RISK_FACTORS), in plain words.
    return {"passive": _("a wish not to be alive"), "self_harm": _("thoughts of harming themselves"),
            "farewell": _("goodbyes or giving things away"), "attempt": _("a past attempt"),
            "plan": _("a plan or a decision"), "means": _("means mentioned"), "hopeless": _("hopelessness"),
            "burden": _("feeling a burden"), "worthless": _("feeling worthless"), "trapped": _("feeling trapped"),
            "death": _("talk of death"), "method": _said("questions about ways to die"),
            "despair": _said("despair or emotional pain")}


def _disclosure_words() -> dict[str, str]:
    return {"abuse": _("abuse they told of"), "harm_to_others": _("a fear of harming someone else"),
            "minor_in_danger": _("a child who may be in danger")}


def _reasons(state: dict) -> list[str]:
    words = _factor_words()
    seen: list[str] = []
    for _turn, factors in state.get("risk") or []:
        for factor in factors or []:
            if factor in words and words[factor] not in seen:
                seen.append(words[factor])
    disclosures = _disclosure_words()
    seen += [disclosures[k] for k in state.get("disclosures") or [] if k in disclosures]
    return seen


def _clip(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= MAX_STATEMENT_CHARS else text[: MAX_STATEMENT_CHARS - 1].rstrip() + "…"


def key_statements(messages: list[Message]) -> list[str]:
    """Up to four things the person said, in their words, oldest first: what screened highest,
    then the latest. A tap on one of the companion's buttons ("Not now", "Yes, connect me") and a
    bare "ok" say nothing new; the answer to a direct question about suicide always does."""
    picked: list[tuple[tuple, int, str]] = []
    previous: Message | None = None
    for message in messages:
        if message.role == Message.Role.COMPANION:
            previous = message
            continue
        body = " ".join(message.body.split())
        asked = previous is not None and ASKED & set(previous.actions or [])
        quick = (previous.extra or {}).get("quick_replies", []) if previous is not None else []
        if lexicon.CONNECT_ME.search(body):
            continue
        if asked:
            text = _("Asked directly about thoughts of ending their life, they answered: “%(answer)s”") % {
                "answer": _clip(body)}
        elif body in quick or (_rank(message.safety_level) < RISK_RANK["moderate"] and len(body.split()) < 3):
            continue
        else:
            text = f"“{_clip(body)}”"
        picked.append(((_rank(message.safety_level), bool(asked), message.seq), message.seq, text))
    chosen = sorted(picked, reverse=True)[:MAX_STATEMENTS]
    return [text for _key, _seq, text in sorted(chosen, key=lambda row: row[1])]


def _offered(messages: list[Message], lang: str) -> list[str]:
    from .engine.dialogue import exercise_in, exercises

    done: list[str] = []

    def add(text: str) -> None:
        if text not in done:
            done.append(text)

    for message in messages:
        if message.role != Message.Role.COMPANION:
            continue
        acts = set(message.actions or [])
        if "raise_alert" in acts:
            add(_("asked the team on duty to reach out (a safety alert)"))
        if "show_help" in acts:
            add(_("showed crisis lines and the emergency number"))
            if ((message.extra or {}).get("help") or {}).get("plan"):
                add(_("showed their safety plan"))
        if ASKED & acts:
            add(_("asked them directly about thoughts of ending their life"))
        for action in acts:
            if action.startswith("exercise_started:"):
                slug = action.partition(":")[2]
                if slug in exercises():
                    add(_("guided an exercise (%(title)s)") % {"title": exercise_in(slug, lang)["title"]})
    return done


def build_summary(conversation: Conversation, *, state: dict | None = None, lang: str = "en") -> str:
    """The hand-off summary, in ``lang`` (the language the companion speaks with the person, so
    they can read what they agree to pass on)."""
    state = (conversation.state if state is None else state) or {}
    messages = list(Message.objects.filter(conversation=conversation).order_by("seq"))
    with translation.override(lang):
        level = assessed_risk(conversation, state)
        lines = [_("From the companion (automated), shared with the person's agreement.")]
        risk = _risk_sentence(level)
        reasons = _reasons(state)
        if reasons:
            risk += " " + _("Signs: %(reasons)s.") % {"reasons": ", ".join(reasons)}
        crisis = state.get("crisis") or {}
        if crisis.get("active"):
            risk += " " + _("The companion's crisis flow is open.")
        elif crisis:
            risk += " " + _("The companion's crisis flow ended when they answered no to the direct question.")
        elif (state.get("watch") or {}).get("kind") == "asked":
            risk += " " + _("They have not clearly answered the direct question about suicide.")
        lines.append(risk)
        statements = key_statements(messages)
        if statements:
            lines.append(_("In their words:"))
            lines += [f"- {s}" for s in statements]
        offered = _offered(messages, lang)
        if offered:
            lines.append(_("The companion already: %(list)s.") % {"list": "; ".join(offered)})
    return "\n".join(lines)
