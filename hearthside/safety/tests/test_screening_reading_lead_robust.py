"""Session 18 (issue #14): conversation cues read the same with a word of address or a hedge at
the end of the message, and the cues themselves (written for this test, not taken from the
evaluation sets)."""

from __future__ import annotations

import pytest

from hearthside.safety.screening import conversation

# Messages whose cue must end the message (the cue's pattern is anchored at the end).
ENDING = [
    ("ya lo decidí", "decided"),
    ("ya no puedo más", "despair"),
    ("lo hice", "done"),
    ("i've decided", "decided"),
    ("it's done", "done"),
    ("me voy a cortar otra vez", "cut"),
    ("i'm gonna cut again", "cut"),
]
TRAILING = ["wey", "tío", "boludo", "amiga", "bro", "dude", "tbh", "la verdad", "i guess", "ya"]


@pytest.mark.parametrize("text,cue", ENDING)
@pytest.mark.parametrize("word", TRAILING)
def test_a_word_of_address_or_a_hedge_at_the_end_keeps_the_cue(text, cue, word):
    assert getattr(conversation.cues(text), cue), text
    joined = f"{text}, {word}" if " " in word else f"{text} {word}"
    assert getattr(conversation.cues(joined), cue), joined


@pytest.mark.parametrize("text,kept", [
    ("me despido de mi amiga", "me despido de mi amiga"),  # the friend is who they say goodbye to
    ("saying bye to my man", "saying bye to my man"),
    ("ya lo decidí wey", "ya lo decidi"),
    ("i've decided tbh bro", "i've decided"),
    ("bro", "bro"),  # a message that is only the word stays as it is
])
def test_only_words_of_address_at_the_end_are_taken_off(text, kept):
    assert conversation._without_trailing(conversation.normalise(text)) == kept


@pytest.mark.parametrize("text", ["like i'm so done with all of it bro", "honestly nobody would miss me dude",
                                  "i keep thinking about the pills in the drawer. idk"])
def test_the_shipped_model_reads_the_message_without_its_hedges_and_words_of_address(text):
    from hearthside.safety.screening import Screener
    from hearthside.safety.screening.base_model import default
    from hearthside.safety.screening.text import blank_edges

    model = default()
    if model is None:
        pytest.skip("no committed base model artefact")
    assert blank_edges(text) != text
    assert Screener()._single(text)[2] == pytest.approx(model.probability(blank_edges(text)))
