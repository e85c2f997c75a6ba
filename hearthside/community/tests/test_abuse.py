"""The abuse detector: holds insults, harassment and hate aimed at people; never swearing or self-talk."""

import pytest

from hearthside.safety.abuse import classify_abuse

ABUSIVE = [
    ("you are a pathetic idiot", "insult"),
    ("shut up you moron", "harassment"),
    ("nobody wants you here", "harassment"),
    ("kys", "harassment"),
    ("go kill yourself", "harassment"),
    ("f*ck you", "harassment"),
    ("fuuuuck off", "harassment"),
    ("you're a b1tch", "insult"),
    ("@sam ur so dumb lol", "insult"),
    ("I think you are an idiot", "insult"),
    ("what a loser", "insult"),
    ("he is such a dick", "insult"),
    ("muslims are vermin", "hate"),
    ("I want to kill all the jews", "hate"),
]

NOT_ABUSIVE = [
    "I feel like shit today",
    "this week was fucking hard",
    "I'm such an idiot, I forgot my appointment again",
    "I hate myself so much",
    "they called me a loser at school",
    "I have always been told I was a waste of space",
    "you're not stupid for feeling this way",
    "You are not a failure. You're not alone.",
    "it's ok if you feel useless some days",
    "that film was stupid",
    "my boss is an idiot",
    "Thank you all, this group helps me so much",
    "",
]


@pytest.mark.parametrize(("text", "label"), ABUSIVE)
def test_abuse_is_detected_with_a_reason(text, label):
    result = classify_abuse(text)
    assert result.abusive, text
    assert result.label == label
    assert 0.5 <= result.score <= 1
    assert result.reasons and all(isinstance(r, str) for r in result.reasons)


@pytest.mark.parametrize("text", NOT_ABUSIVE)
def test_distress_support_and_swearing_are_not_abuse(text):
    result = classify_abuse(text)
    assert not result.abusive, (text, result)


def test_swearing_alone_is_profanity_not_abuse():
    result = classify_abuse("I feel like shit")
    assert (result.abusive, result.label) == (False, "profanity")
    assert classify_abuse("hello everyone").label == "none"


def test_result_serialises():
    assert classify_abuse("you idiot").to_dict()["label"] == "insult"


def test_a_starred_word_is_read_the_same_in_every_process():
    """"b*****s" fits both an insult and a slur in the lexicon; the reading used to follow a set's
    order, which changes with Python's hash seed.  Now the mildest fitting word is taken, in every
    process."""
    import subprocess
    import sys

    script = ("from hearthside.safety.abuse import classify_abuse; "
              "r = classify_abuse('you are all bad b*****s'); print(r.label)")
    labels = {subprocess.run([sys.executable, "-c", script], env={**__import__("os").environ, "PYTHONHASHSEED": seed},
                             capture_output=True, text=True, check=True).stdout.strip()
              for seed in ("0", "1", "3", "7")}
    assert len(labels) == 1, labels
    assert labels != {"hate"}
