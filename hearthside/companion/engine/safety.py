"""The companion's own safety checks, on top of the shared screener.

``assess`` decides what an incoming message means for the conversation (crisis flow, a direct
safety question, nothing); ``check_reply`` decides whether a reply may be shown at all. Both run
without Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

LEVELS = ("none", "low", "moderate", "high", "imminent")
RANK = {name: i for i, name in enumerate(LEVELS)}

CRISIS, ASK, CLEAR = "crisis", "ask", "clear"


def screen_text(text: str) -> tuple[str, list[dict]]:
    """The shared screener's level and reasons; ``unknown`` if it fails (never raises)."""
    try:
        from hearthside.safety import screen

        result = screen(text, context="companion")
        return result.level, [r.to_dict() for r in result.reasons]
    except Exception:  # noqa: BLE001 - a broken screener must not silence the conversation
        return "unknown", []


def assess(text: str, level: str) -> str:
    """What the companion does with a message the screener rated ``level``.

    - high/imminent: the crisis flow.
    - moderate with explicit self-harm intent in the words: the crisis flow too; the rule
      screener's recall on crisis-dev is about 0.6, and here a false alarm costs a kind question
      and a help panel, while a miss costs far more.
    - moderate without it, explicit intent the screener discounted, or softer warning signs:
      ask directly and kindly (asking about suicide does not raise risk: Dazzi et al. 2014,
      Psychological Medicine 44(16), https://doi.org/10.1017/S0033291714001299).
    - unknown (the screener failed): ask, rather than assume either way.
    """
    rank = RANK.get(level, -1)
    intent = bool(lexicon.SELF_HARM_INTENT.search(text))
    if rank >= RANK["high"]:
        return CRISIS
    if rank == RANK["moderate"]:
        return CRISIS if intent else ASK
    if level == "unknown" or intent or lexicon.RISK_HINTS.search(text):
        return ASK
    return CLEAR


@dataclass
class ReplyCheck:
    ok: bool
    reason: str = ""


# A companion that is a program never claims to be a person, a clinician, or to have lived
# through anything; a model may try, so replies are checked for it.
_SELF_CLAIMS = re.compile(
    r"\bi(?:'m| am) (?:a |an )?(?:real |actual )?(?:human|person|therapist|counsell?or|psychologist|psychiatrist|doctor"
    r"|nurse|clinician|woman|man|girl|boy)\b"
    r"|\bi(?: have|'ve) (?:been through|gone through|felt|experienced|lived through|struggled with|had)\b"
    r"|\bwhen i was (?:young|a kid|a child|your age|at school|in school)\b"
    r"|\bmy (?:own )?(?:mum|mom|dad|mother|father|wife|husband|partner|kids|children|family|friend|therapist|childhood)\b"
    r"|\bi (?:also|too) (?:feel|felt|get|got) (?:anxious|sad|depressed|lonely|stressed)\b"
    r"|\bas a (?:human|person|therapist|doctor)\b",
    re.IGNORECASE,
)
# Phone numbers come from the curated directory only; a model must never invent one.
_PHONE = re.compile(r"(?:\+?\d[\s().-]?){6,}\d")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_HARMFUL_ADVICE = re.compile(
    r"\b(?:how (?:many|much) (?:pills|tablets)|lethal dose|painless(?:ly)? (?:way|method)|(?:method|ways?) to (?:kill|end)"
    r"|you should (?:just )?(?:end it|kill|hurt|die))\b", re.IGNORECASE)
MAX_REPLY = 1500


def check_reply(reply: str, *, allow_phone: bool = False) -> ReplyCheck:
    """Whether a reply may be shown. Anything the screener rates moderate or above fails: a reply
    must never carry crisis language of its own (the fixed crisis-flow texts are written to pass)."""
    if not reply or not reply.strip():
        return ReplyCheck(False, "empty")
    if len(reply) > MAX_REPLY:
        return ReplyCheck(False, "too_long")
    if _SELF_CLAIMS.search(reply):
        return ReplyCheck(False, "claims_experience")
    if not allow_phone and _PHONE.search(_DATE.sub("", reply)):
        return ReplyCheck(False, "phone_number")
    if _HARMFUL_ADVICE.search(reply):
        return ReplyCheck(False, "harmful")
    level, _reasons = screen_text(reply)
    if level == "unknown" or RANK.get(level, 0) >= RANK["moderate"]:
        return ReplyCheck(False, f"screened_{level}")
    return ReplyCheck(True)


class SentenceGate:
    """Passes streamed text on one whole sentence at a time, each checked first; after a sentence
    fails, nothing more goes out (the final, checked reply then replaces what was shown)."""

    _END = re.compile(r"[.!?…](?:[\"'”)\]]*)\s")

    def __init__(self, emit):
        self.emit = emit
        self.buffer = ""
        self.blocked = False

    def __call__(self, delta: str) -> None:
        if self.blocked:
            return
        self.buffer += delta
        while (match := self._END.search(self.buffer)) is not None:
            sentence, self.buffer = self.buffer[: match.end()], self.buffer[match.end():]
            if not check_reply(sentence.strip()).ok:
                self.blocked = True
                return
            self.emit(sentence)

    def flush(self) -> None:
        if not self.blocked and self.buffer.strip() and check_reply(self.buffer.strip()).ok:
            self.emit(self.buffer)
        self.buffer = ""
