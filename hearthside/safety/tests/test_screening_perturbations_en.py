"""English crisis messages keep their reading when they are written a little differently
(session 18, robustness reading).

Each row is a crisis message written for this test and the changes that used to take it below
``moderate`` with the rules alone: a hedge or a greeting in front ("like", "hey."), a word of
address or "idk" behind ("bro", ". idk"), the pronoun dropped, an intensifier inside the phrase
("really"), no punctuation, a line break for a full stop, a chat hedge that made a short message
too long ("tbh").  None of these changes what is said, so every variant must stay at ``moderate``
or above.  The look-alikes (an idiom, a joke, the past, news, worry about someone else) must stay
at ``low`` or below, with the same changes applied, for the rules and for the default screener.
"""

from __future__ import annotations

import re

import pytest

from hearthside.safety.screening import Screener
from hearthside.safety.screening.result import LEVEL_INDEX
from hearthside.safety.screening.text import blank_edges, mark_runons

RULES = Screener(base=False)
DEFAULT = Screener()
MODERATE, LOW = LEVEL_INDEX["moderate"], LEVEL_INDEX["low"]


def _end(t: str) -> str:
    return t.rstrip(" .!")


CHANGES = {
    "like first": lambda t: "like " + t,
    "honestly first": lambda t: "honestly " + t,
    "hey first": lambda t: "hey. " + t,
    "tired first": lambda t: "so tired. " + t,
    "bro last": lambda t: _end(t) + " bro",
    "dude last": lambda t: _end(t) + " dude",
    "idk last": lambda t: _end(t) + ". idk",
    "tbh last": lambda t: _end(t) + " tbh",
    "no pronoun": lambda t: re.sub(r"^i (?=\w)", "", t, count=1, flags=re.IGNORECASE),
    "really": lambda t: re.sub(r"\b(want|mean)\b", r"really \1", t, count=1),
    "no punctuation": lambda t: re.sub(r"[.,!?;:]", "", t),
    "newline": lambda t: t.replace(". ", "\n", 1),
}
EDGES = ("like first", "bro last", "idk last")

# (crisis message, the changes that took it below moderate before session 18)
CRISIS: list[tuple[str, tuple[str, ...]]] = [
    ("i'm at the bridge now", (*EDGES, "dude last", "tired first")),
    ("im on the tracks", (*EDGES, "dude last", "tired first")),
    ("tonight's the night", (*EDGES, "tired first")),
    ("i'm done. for good this time", ("hey first", "bro last", "idk last")),
    ("i mean it this time", ("bro last", "idk last", "no pronoun")),
    ("i wish i could just not wake up", ("bro last",)),
    ("i won't be here by morning", ("no pronoun",)),
    ("i took a whole box of my sleeping pills ten minutes ago", ("no pronoun",)),
    ("i know exactly which drawer the pills are in now", ("no pronoun",)),
    ("i don't want to be alive", ("really",)),
    ("s u i c i d a l and not okay right now", ("honestly first", "like first", "tbh last")),
    ("please don't try to stop me. i've made up my mind", ("newline",)),
    ("I've got everything I need. Just waiting until my roommate leaves for work", ("no punctuation",)),
    ("I chose the bridge. Going there after my shift tonight", ("no punctuation",)),
]

# Look-alikes that must stay at low or below, as written and after each change.
LOOKALIKES = [
    "this traffic is killing me",
    "i'm on the roof fixing the gutters",
    "tonight's the night, concert time 🎉",
    "i'm done with this game for good lol",
    "i want to die of embarrassment",
    "years ago i thought about ending it, i'm doing so much better now",
    "my friend said she wants to die, what do i do",
    "a man jumped from the bridge this morning, police said",
    "i literally can't even with this homework haha",
    "just kidding i would never hurt myself",
]
LOOKALIKE_CHANGES = ("like first", "hey first", "bro last", "idk last", "no pronoun", "no punctuation", "newline")


def _cases():
    for text, broke in CRISIS:
        yield pytest.param(text, None, id=f"{text[:30]}|as written")
        for name in broke:
            variant = CHANGES[name](text)
            assert variant != text, (text, name)
            yield pytest.param(variant, name, id=f"{text[:30]}|{name}")


@pytest.mark.parametrize(("text", "change"), list(_cases()))
def test_crisis_variant_stays_moderate(text: str, change: str | None) -> None:
    got = RULES.screen(text)
    assert LEVEL_INDEX[got.level] >= MODERATE, (change, text, got.level, got.reasons)


def _lookalikes():
    for text in LOOKALIKES:
        yield pytest.param(text, id=f"{text[:30]}|as written")
        for name in LOOKALIKE_CHANGES:
            variant = CHANGES[name](text)
            if variant != text:
                yield pytest.param(variant, id=f"{text[:30]}|{name}")


@pytest.mark.parametrize("text", list(_lookalikes()))
def test_lookalike_variant_stays_low(text: str) -> None:
    for screener in (RULES, DEFAULT):
        got = screener.screen(text)
        assert LEVEL_INDEX[got.level] <= LOW, (text, got.level, got.reasons)


@pytest.mark.parametrize(("text", "jokes"), [
    ("i want to die lol bro", "lol"),
    ("like i'm gonna kms haha", "haha"),
    ("jk bro i'm on the roof for the fireworks", "jk"),
])
def test_laughs_and_retractions_are_never_blanked(text: str, jokes: str) -> None:
    assert jokes in blank_edges(text)


@pytest.mark.parametrize(("text", "blanked"), [
    ("like I'm on the roof", "     I'm on the roof"),
    ("I'm on the roof bro", "I'm on the roof    "),
    ("hey. i'm done", "     i'm done"),
    ("i'm done. idk", "i'm done.    "),
    ("idk if i want to live", "idk if i want to live"),   # not a hedge: kept
    ("i'm done ngl", "i'm done ngl"),                     # emphasis at the end: kept
    ("i like my job", "i like my job"),
])
def test_blank_edges(text: str, blanked: str) -> None:
    assert blank_edges(text) == blanked


def test_runons_break_only_unpunctuated_text() -> None:
    assert mark_runons("Got everything I need Just waiting for tonight") == \
        "Got everything I need\nJust waiting for tonight"
    assert mark_runons("I want to be with Jesus and my mum again") == "I want to be with Jesus and my mum again"
    assert mark_runons("Got it. Just waiting Just because") == "Got it. Just waiting Just because"
    assert mark_runons("five years since my overdose Celebrating being alive today") == \
        "five years since my overdose\nCelebrating being alive today"
