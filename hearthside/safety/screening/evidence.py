"""What the English and Spanish rules share when they turn evidence into a level."""

from __future__ import annotations

from typing import NamedTuple

MOD = 2
RISK_FACTORS = frozenset({"hopelessness", "entrapment", "burdensomeness", "worthlessness", "emotional_pain"})


class Sign:
    """The signs the English and Spanish rules collect from a text's evidence before deciding its
    level (engine._read and es._read). A plain namespace of short strings, not an Enum: the
    decision tests set membership dozens of times per message, and a str hashes in C. The risk
    factors join the same set under their construct names, which no sign's value equals."""

    ACTIVE = "A"                    # active ideation of the writer's own
    INTENT = "I"                    # ... stated as intent, or tied to a time in the same sentence
    METHOD = "M"                    # means tied to ideation, or held ("possession")
    MEANS_NEAR_RISK = "Mr"          # means named next to hopelessness or burden
    MEANS_AT_HAND = "MH"            # at a height, or the means laid out
    MEANS_EMOJI = "MHe"             # means emoji in a short message
    PASSIVE = "P"                   # passive ideation ("I wish I could sleep and not wake up")
    PASSIVE_EMOJI = "Pe"            # passive ideation said partly in emoji
    PLAN = "PL"
    PLAN_WEAK = "PLw"               # one preparation cue ("everything is set up")
    FAREWELL = "F"
    FAREWELL_WEAK = "Fw"            # one goodbye cue ("gave my guitar away")
    PAST_ATTEMPT = "PA"
    SELF_INJURY = "SI"
    SEVERE_INJURY = "SEV"
    SEVERE_INJURY_WEAK = "SEVw"
    CRISIS_STATE = "CS"
    ATTEMPT_NOW = "AT"              # an attempt in progress
    TIME = "T"                      # a time near the ideation ("tonight")
    INTENSITY = "IN"                # "every day", "so much", said of the writer's own pain
    INTENSITY_FREQUENT = "Xf"       # Spanish: how often ("todos los días")
    INTENSITY_EMPHATIC = "Xe"       # Spanish: emphasis ("de verdad")
    PREOCCUPATION = "PO"            # dwelling on something (only with means named)
    LETHALITY_QUESTION = "LQ"       # asking how sure or quick a method is (only with means named)

    ALL = frozenset({ACTIVE, INTENT, METHOD, MEANS_NEAR_RISK, MEANS_AT_HAND, MEANS_EMOJI, PASSIVE,
                     PASSIVE_EMOJI, PLAN, PLAN_WEAK, FAREWELL, FAREWELL_WEAK, PAST_ATTEMPT, SELF_INJURY,
                     SEVERE_INJURY, SEVERE_INJURY_WEAK, CRISIS_STATE, ATTEMPT_NOW, TIME, INTENSITY,
                     INTENSITY_FREQUENT, INTENSITY_EMPHATIC, PREOCCUPATION, LETHALITY_QUESTION})


class Evidence(NamedTuple):
    """One phrase either language's rules found: its construct and level, its tokens i..j-1, the
    modifiers that weaken it ("negated", "quoted", ...) and its flags ("intent", "weak", ...)."""

    construct: str
    level: int
    i: int
    j: int
    modifiers: tuple[str, ...]
    flags: frozenset[str]


def add_evidence_flags(feats: set[str], e) -> None:
    """The signs one unmodified piece of evidence adds to the level decision (shared by the
    English and Spanish rules), and the risk factors by name."""
    c = e.construct
    if c == "attempt_in_progress":
        feats.add(Sign.ATTEMPT_NOW)
    elif c == "active_ideation":
        feats.add(Sign.ACTIVE)
        if "intent" in e.flags:
            feats.add(Sign.INTENT)
        if "method" in e.flags:
            feats.add(Sign.METHOD)
    elif c == "passive_ideation":
        feats.add(Sign.PASSIVE)
    elif c == "plan":
        feats.add(Sign.PLAN_WEAK if "weak" in e.flags else Sign.PLAN)
    elif c == "farewell":
        feats.add(Sign.FAREWELL_WEAK if "weak" in e.flags else Sign.FAREWELL)
    elif c == "past_attempt" and e.level >= MOD:
        feats.add(Sign.PAST_ATTEMPT)
    elif c == "self_injury":
        feats.add(Sign.SELF_INJURY)
    elif c in RISK_FACTORS:
        feats.add(c)
    elif c == "crisis_state":
        feats.add(Sign.CRISIS_STATE)


def contained_spans(spans) -> set[tuple[int, int]]:
    """Spans lying inside another span of the collection (both languages' rules drop them)."""
    out: set[tuple[int, int]] = set()
    reach = -1
    for a, b in sorted(set(spans), key=lambda sp: (sp[0], -sp[1])):
        if reach >= b:
            out.add((a, b))
        reach = max(reach, b)
    return out


def quote_spans(quote_rx, text: str) -> list[tuple[int, int]]:
    """Where a language's quotation pattern finds quoted text in ``text``."""
    return [m.span() for m in quote_rx.finditer(text)]


def inside_quotes(quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when the text from ``start`` to ``end`` lies inside one of the ``quotes`` spans."""
    return any(qs < start and end < qe for qs, qe in quotes)
