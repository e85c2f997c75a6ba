"""Conversation-aware screening, the shipped default model and the `context` field of the CLI."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from hearthside.safety.screening import base_model
from hearthside.safety.screening.cli import screen_main
from hearthside.safety.screening.screener import Screener, screen

RULES = Screener(base=False)


# (earlier messages, new message, level alone, level with the conversation) -- rules only, so
# these hold whatever the shipped model learns.
# "tonight is the night" alone is a whole message of its time and nothing else: worth a human look
# (issue #14, session 14), and high since session 19 (a whole English message naming the time of the
# deed, bare.STRONG); after the pills saved up it is imminent.
CONVERSATIONS = [
    (["I have the pills saved up"], "tonight is the night", "high", "imminent"),
    (["I bought a rope today", "nobody would even notice"], "tonight is the night", "high", "imminent"),
    (["I have the pills saved up"], "tonight is the night, the big one", "none", "imminent"),
]
NOT_RAISED = [
    # The earlier message was screened (and routed) when it was sent; an ordinary message after
    # it carries no risk of its own.
    (["I want to kill myself"], "what's for dinner"),
    (["I have the pills saved up"], "thanks for the recipe!"),
    (["i feel so hopeless"], "anyway how was your weekend"),
]


@pytest.mark.parametrize("history,text,alone,together", CONVERSATIONS)
def test_risk_across_turns_raises_the_new_message(history, text, alone, together):
    assert RULES.screen(text).level == alone
    s = RULES.screen(text, history=history)
    assert s.level == together
    reason = next(r for r in s.reasons if r.construct == "conversation")
    # The evidence it points at is in the new message.
    assert all(0 <= a < b <= len(text) for a, b in reason.spans)
    # A list given as ``context`` means the same.
    assert RULES.screen(text, context=history).level == together


@pytest.mark.parametrize("history,text", NOT_RAISED)
def test_message_with_no_sign_of_its_own_is_not_raised(history, text):
    assert screen(text, history=history).level == screen(text).level


def test_history_never_lowers_a_level():
    assert screen("I'm going to kill myself tonight", history=["had a nice lunch"]).level == "imminent"


def _cli(lines: list[dict | str], *args: str) -> list[dict]:
    raw = "".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines).encode()
    out = io.StringIO()
    assert screen_main(list(args), stdin=io.BytesIO(raw), stdout=out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_cli_context_field():
    got = _cli([
        {"id": 1, "text": "tonight is the night"},
        {"id": 2, "text": "tonight is the night", "context": ["I have the pills saved up"]},
        {"id": 3, "text": "what's for dinner", "context": ["I want to kill myself"]},
        {"id": 4, "text": "tonight is the night", "context": "I have the pills saved up"},
        {"id": 5, "text": "tonight is the night", "context": ["ok", 5]},
        {"id": 6, "text": "tonight is the night", "context": []},
    ], "--no-base-model")
    assert [g["id"] for g in got] == [1, 2, 3, 4, 5, 6]
    assert got[0]["level"] == "high"  # a bare time naming the deed, alone (session 19; moderate in session 14)
    assert got[1]["level"] == "imminent"
    assert any(r["construct"] == "conversation" for r in got[1]["reasons"])
    assert got[2]["level"] == "none"
    assert "context" in got[3]["error"] and "level" not in got[3]
    assert "context" in got[4]["error"]
    assert got[5]["level"] == "high"


def test_cli_lines_without_context_match_the_library():
    texts = ["I want to die", "this exam is killing me", "i keep looking at the rope in my closet", "hola"]
    got = _cli([{"id": k, "text": t} for k, t in enumerate(texts)])
    assert [g["level"] for g in got] == [screen(t).level for t in texts]


# --- the shipped model --------------------------------------------------------------------

needs_artefact = pytest.mark.skipif(base_model.default() is None,
                                    reason="no committed base model artefact (run make train-screener)")


def test_tokens_read_obfuscation():
    assert base_model.tokens("s u i c i d e") == ["suicide"]
    assert base_model.tokens("k.m.s") == ["kms"]
    assert base_model.tokens("k1ll mys3lf") == ["kill", "myself"]
    assert base_model.tokens("Quiero MORIIIIR, ya no aguanto más") == ["quiero", "moriir", "ya", "no", "aguanto",
                                                                     "mas"]


def test_long_text_is_judged_by_its_most_serious_part():
    model = base_model.BaseModel({"w pills": 12.0, "w saved": 12.0}, -2.0, raise_moderate=0.5, raise_high=None)
    filler = "We went to the market and bought apples. The weather was lovely all afternoon. " * 12
    text = filler + "I have the pills saved. " + filler
    assert model.logit(text) < 0  # diluted by the rest
    assert model.probability(text) > 0.5  # its most serious part, on its own


def test_a_model_never_lowers_the_rules_or_makes_imminent():
    always = base_model.BaseModel({}, 10.0, raise_moderate=0.5, raise_high=0.8)
    never = base_model.BaseModel({}, -10.0, raise_moderate=0.5, raise_high=0.8)
    assert Screener(base=never).screen("I'm going to kill myself tonight").level == "imminent"
    assert Screener(base=always).screen("had a lovely walk").level == "moderate"
    assert Screener(base=always).screen("I wish I was dead").level == "high"
    # Negated crisis language keeps the rules' reading.
    assert Screener(base=always).screen("I would never kill myself").level == "low"


def test_training_is_deterministic(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))
    import train_screener

    corpus = [{"text": t, "level": lv, "construct": "", "lang": "en", "file": "t"} for t, lv in [
        ("i keep looking at the rope in my closet", "high"), ("counted my pills again tonight", "high"),
        ("this is goodbye everyone", "moderate"), ("my feet are killing me lol", "none"),
        ("bought rope for the tent", "none"), ("goodbye party tonight!", "none"),
    ]]
    lexicon = [("kill myself", 1), ("hopeless", 0)]
    outs = []
    for name in ("a.json.gz", "b.json.gz"):
        model = train_screener.fit(*train_screener.dataset(corpus, lexicon, ["what a lovely day"]))
        outs.append(base_model.dump(model, tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    loaded = base_model.load(tmp_path / "a.json.gz")
    assert loaded.probability("i keep looking at the rope") > loaded.probability("what a lovely day")
    assert json.loads(gzip.decompress(outs[0]))["format"] == base_model.FORMAT


@needs_artefact
@pytest.mark.parametrize("text", [
    # means and method without the words
    "i keep looking at the rope in my closet",
    "i've been saving my pills for weeks, i have enough now",
    "how many sleeping pills would it take to not wake up",
    "how high does a bridge need to be",
    "💊💊💊💊 enough to not wake up",
    # farewell and finality
    "i wrote letters to everyone. this is goodbye",
    "i've made my peace. please take care of my cat",
    # intensity
    "i really mean it this time. i'm done for good",
    # obfuscation
    "k i l l  m y s e l f",
    "i wanna d1e",
    "gonna unalive myself tn",
    # self-harm severity
    "i cut too deep and the bleeding won't stop",
    # methods and comparisons
    "what's worse, suicide or living like this",
    "i can't take this life anymore",
])
def test_default_screener_finds_crisis_language(text):
    assert screen(text).at_least("moderate"), screen(text)


@needs_artefact
@pytest.mark.parametrize("text", [
    "this exam is killing me",
    "I'm dead 😂 that video",
    "my friend said she wants to die, how do I help her",
    "I attempted years ago and I'm doing so much better now",
    "suicide rates rose last year according to the report",
    "bought rope for the tent, camping this weekend",
    "goodbye party for my coworker tonight!",
    "I'm so done with this weather",
    "I would never hurt myself, my kids need me",
    "I'm dead tired, going to bed now",
    "I gave myself a week off work to rest",
    "how many ibuprofen can I take for a migraine",
])
def test_default_screener_leaves_look_alikes_low(text):
    assert not screen(text).at_least("moderate"), screen(text)
