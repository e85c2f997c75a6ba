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


# Session 18 (lead): readings the retrained model stopped lifting, now read by the rules, and what
# must stay below them.
LEAD_READINGS = [
    ("honestly, my death would make things a lot easier for my parents", "moderate"),
    ("my death would be a relief to my family", "moderate"),
    ("i think my fate is to kill myself", "high"),
    ("goodbye everybody", "moderate"),
    ("farewell all", "moderate"),
    ("la verdad ya no le tengo miedo a la muerte", "moderate"),
    ("ya perdí el miedo a morirme", "moderate"),
    ("creo que mi destino es quitarme la vida", "high"),
    ("me voy para siempre y si me lloran ya no importa", "moderate"),
    ("cut way too deep... no, cut too deep again tonight", "moderate"),
    ("gonna sit in the garage with the engine running", "high"),
    ("gonna 🔪 myself tonight", "high"),
]
LEAD_LOOK_ALIKES = [
    "his death would make life easier for the whole family, he was a tyrant",
    "bye everyone, good night",
    "goodbye everyone, see you at the reunion",
    "mi abuelo dice que no le tiene miedo a la muerte",
    "en la novela el protagonista dice que su destino es morir",
    "me voy para siempre a Valencia, si me extrañan vengan a verme",
    "mi amiga se corta cada vez más hondo y no sé cómo ayudarla",
    "my friend keeps cutting deeper and deeper, how do i help her",
    "going to the gym tonight 💊",
    "heading to the pharmacy later 💊",
    "that documentary cut deep",
    "we sat in the car with the engine running to keep warm",
]


@pytest.mark.parametrize("text,least", LEAD_READINGS)
def test_lead_readings_reach_their_level(text, least):
    from hearthside.safety.screening import screen
    from hearthside.safety.screening.result import LEVEL_INDEX

    got = screen(text)
    assert LEVEL_INDEX[got.level] >= LEVEL_INDEX[least], (text, got)


@pytest.mark.parametrize("text", LEAD_LOOK_ALIKES)
def test_lead_look_alikes_stay_low(text):
    from hearthside.safety.screening import screen

    got = screen(text)
    assert got.level in ("none", "low"), (text, got)
