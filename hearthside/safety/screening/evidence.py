"""What the English and Spanish rules share when they turn evidence into a level."""

from __future__ import annotations

MOD = 2
RISK_FACTORS = frozenset({"hopelessness", "entrapment", "burdensomeness", "worthlessness", "emotional_pain"})


def add_evidence_flags(feats: set[str], e) -> None:
    """The flags one unmodified piece of evidence adds to the level decision (shared by the
    English and Spanish rules): A active, I intent, M method, P passive, PL/PLw plan (weak),
    F/Fw farewell (weak), PA past attempt, SI self-injury, CS crisis state, AT attempt in
    progress, and the risk factors by name."""
    c = e.construct
    if c == "attempt_in_progress":
        feats.add("AT")
    elif c == "active_ideation":
        feats.add("A")
        if "intent" in e.flags:
            feats.add("I")
        if "method" in e.flags:
            feats.add("M")
    elif c == "passive_ideation":
        feats.add("P")
    elif c == "plan":
        feats.add("PLw" if "weak" in e.flags else "PL")
    elif c == "farewell":
        feats.add("Fw" if "weak" in e.flags else "F")
    elif c == "past_attempt" and e.level >= MOD:
        feats.add("PA")
    elif c == "self_injury":
        feats.add("SI")
    elif c in RISK_FACTORS:
        feats.add(c)
    elif c == "crisis_state":
        feats.add("CS")
