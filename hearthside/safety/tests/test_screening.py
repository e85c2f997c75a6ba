"""Crisis screener: behaviour table, interface contract, robustness, optional model.

No database: these are plain pytest tests.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hearthside.safety import LEVELS, Reason, Screening, screen
from hearthside.safety.screening import Screener, screen_many

IDX = {name: i for i, name in enumerate(LEVELS)}
ROOT = Path(__file__).resolve().parents[3]


def constructs(s: Screening) -> set[str]:
    return {r.construct for r in s.reasons}


def reason(s: Screening, construct: str) -> Reason:
    for r in s.reasons:
        if r.construct == construct:
            return r
    raise AssertionError(f"no {construct!r} reason in {s.to_dict()}")


# (text, allowed levels, constructs that must be present, constructs that must be absent)
CASES = [
    # negation and denial
    ("I would never kill myself", {"none", "low"}, {"active_ideation"}, set()),
    ("I'm not suicidal", {"none", "low"}, set(), {"third_person_concern"}),
    ("I don't want to die", {"none", "low"}, set(), set()),
    ("I'm not going to kill myself, I promise.", {"none", "low"}, set(), set()),
    # third person
    ("my friend said she wants to die", {"low", "moderate"}, {"third_person_concern"},
     {"passive_ideation", "active_ideation"}),
    ("My brother told me he is going to kill himself tonight", {"low", "moderate"}, {"third_person_concern"},
     {"active_ideation"}),
    ("My uncle killed himself last year.", {"low"}, {"suicide_exposure"}, {"active_ideation"}),
    # quotation and mention
    ("what does 'kms' mean", {"none", "low"}, set(), set()),
    ('The chorus goes "I want to die, I want to die" and it is stuck in my head', {"none", "low"}, set(), set()),
    # past vs present
    ("I attempted years ago, I'm doing better now", {"low", "moderate"}, {"past_attempt"}, {"active_ideation"}),
    ("I tried to kill myself last night", {"high", "imminent"}, {"past_attempt"}, set()),
    ("I used to cut myself in high school but that was a long time ago", {"none", "low"}, {"self_injury"}, set()),
    # ladder: distress < passive < active < plan/means/time
    ("I feel so hopeless", {"low"}, {"hopelessness"}, set()),
    # A wish to be dead is moderate by the rules; on chat-length text the shipped model's confident
    # reading lifts it to high (docs/safety.md, "The shipped model").
    ("I wish I could disappear and not wake up", {"high"}, {"passive_ideation", "model"}, set()),
    ("I wish I was dead", {"moderate"}, {"passive_ideation"}, {"model"}),
    ("I want to kill myself", {"high"}, {"active_ideation"}, set()),
    ("I've been thinking about suicide a lot lately", {"high"}, {"active_ideation"}, set()),
    ("I'm going to do it tonight", {"imminent"}, {"timing"}, set()),
    ("I'm going to kill myself tonight", {"imminent"}, {"active_ideation", "timing"}, set()),
    ("I have the pills saved up and I'm going to do it after everyone's asleep", {"imminent"},
     {"plan", "timing"}, set()),
    ("I just took 30 pills", {"imminent"}, {"attempt_in_progress"}, set()),
    ("I wrote my suicide note and I'm going to jump off the bridge tonight", {"imminent"}, {"plan"}, set()),
    ("I want to jump off a bridge", {"high"}, {"active_ideation"}, set()),
    ("By the time you read this I'll be gone. Goodbye everyone.", {"moderate", "high"}, {"farewell"}, set()),
    ("I've been cutting again", {"moderate"}, {"self_injury"}, set()),
    # slang and obfuscation
    ("kms", {"high"}, {"active_ideation"}, set()),
    ("i should just kys", {"high"}, {"active_ideation"}, set()),
    ("lol kys", {"none", "low"}, {"directed_at_others"}, {"active_ideation"}),
    ("gonna unalive myself", {"high"}, {"active_ideation"}, set()),
    ("thinking about sewerslide again", {"high"}, {"active_ideation"}, set()),
    ("su1c1de", {"moderate", "high"}, set(), set()),
    ("s u i c i d e", {"moderate", "high"}, set(), set()),
    ("i want to k1ll mys3lf", {"high"}, {"active_ideation"}, set()),
    ("i want to diiiiie", {"moderate"}, {"passive_ideation"}, set()),
    ("feeling suuuuicidal rn", {"high"}, {"active_ideation"}, set()),
    ("I keep thinking about su*cide", {"high"}, {"active_ideation"}, set()),
    # emoji
    ("i want to 🪦", {"high"}, {"passive_ideation", "model"}, set()),
    ("tonight i want to die 💊💊", {"high"}, {"passive_ideation", "lethal_means"}, set()),
    ("gonna 🪢 tonight", {"high", "imminent"}, {"active_ideation"}, set()),
    ("she is gonna 🔪 him", {"none"}, set(), set()),
    ("😵‍💫", {"none"}, set(), set()),
    ("took my vitamins 💊 feeling great", {"none"}, set(), set()),
    # ordinary language that must not alarm
    ("This traffic is killing me", {"none"}, set(), set()),
    ("I almost killed myself laughing at that video", {"none"}, set(), set()),
    ("We drove over the bridge to see the fireworks tonight", {"none"}, set(), set()),
    ("I'm dead tired, going to bed now", {"none"}, set(), set()),
    ("I want to end it with my boyfriend, he is so controlling", {"none", "low"}, set(), {"active_ideation"}),
    ("I don't want to live with my parents anymore", {"none", "low"}, set(), {"passive_ideation"}),
    # risk factors that add up (burden + hopelessness; a plan or the means beside them)
    ("I'm tired of being a burden on everyone. I have a plan.", {"high", "imminent"}, {"burdensomeness", "plan"},
     set()),
    ("codeine ativan sleep meds alcohol, tell me why i shouldnt, i am hopeless", {"high", "imminent"},
     {"hopelessness", "lethal_means"}, set()),
    ("I give myself one week. I feel hopeless.", {"high", "imminent"}, {"plan", "hopelessness"}, set()),
    ("I hate myself and things will never get better", {"moderate"}, {"worthlessness", "hopelessness"}, set()),
    ("I hate myself", {"low"}, {"worthlessness"}, set()),
    ("I'm waiting for the day I die", {"moderate"}, {"passive_ideation"}, set()),
    ("I wish I had never been born", {"moderate"}, {"passive_ideation"}, set()),
    ("I gave myself a week off work to rest", {"none"}, set(), set()),
]


@pytest.mark.parametrize(("text", "levels", "present", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_behaviour_table(text, levels, present, absent):
    s = screen(text)
    assert s.level in levels, s.to_dict()
    assert present <= constructs(s), s.to_dict()
    assert not (absent & constructs(s)), s.to_dict()
    for r in s.reasons:
        for start, end in r.spans:
            assert 0 <= start < end <= len(text), (r, text)


@pytest.mark.parametrize(("text", "construct", "modifier"), [
    ("I would never kill myself", "active_ideation", "negated"),
    ("I'm not suicidal", "active_ideation", "negated"),
    ("I don't want to die", "passive_ideation", "negated"),
    ("what does 'kms' mean", "active_ideation", "quoted"),
    ("my friend said she wants to die", "third_person_concern", "third_person"),
    ("I attempted years ago, I'm doing better now", "past_attempt", "past"),
    ("I tried to kill myself last night", "past_attempt", "recent"),
    ("what if I just killed myself", "active_ideation", "hypothetical"),
    ("i want to 🪦", "passive_ideation", "emoji"),
])
def test_modifiers(text, construct, modifier):
    assert modifier in reason(screen(text), construct).modifiers


@pytest.mark.parametrize(("text", "construct", "evidence"), [
    ("I'm going to kill myself tonight", "active_ideation", "kill myself"),
    ("I'm going to kill myself tonight", "timing", "tonight"),
    ("so tired. i want to k1ll mys3lf", "active_ideation", "k1ll mys3lf"),
    ("ok s u i c i d e", "suicide_mention", "s u i c i d e"),
    ("i want to diiiiie", "passive_ideation", "i want to diiiiie"),
    ("I’m going to unalive myself", "active_ideation", "unalive myself"),
    ("Ｉ want to ｋｉｌｌ myself", "active_ideation", "ｋｉｌｌ myself"),
    ("i want to 🪦", "passive_ideation", "🪦"),
    ("Hello there.\n\nI have the pills saved up.", "plan", "have the pills saved up"),
])
def test_spans_point_at_original_characters(text, construct, evidence):
    r = reason(screen(text), construct)
    assert evidence in [text[s:e] for s, e in r.spans]


def test_levels_and_interface_contract():
    assert LEVELS == ("none", "low", "moderate", "high", "imminent")
    s = screen("I want to kill myself")
    assert isinstance(s, Screening)
    assert isinstance(s.reasons, tuple) and all(isinstance(r, Reason) for r in s.reasons)
    r = s.reasons[0]
    assert re.fullmatch(r"[a-z]+(_[a-z]+)*", r.construct)
    assert r.label and isinstance(r.label, str)
    assert isinstance(r.spans, tuple) and all(isinstance(sp, tuple) and len(sp) == 2 for sp in r.spans)
    assert isinstance(r.modifiers, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.construct = "x"  # type: ignore[misc]
    d = s.to_dict()
    assert set(d) == {"level", "score", "reasons"}
    assert d["level"] == "high"
    assert set(d["reasons"][0]) == {"construct", "label", "spans", "modifiers"}
    assert all(isinstance(sp, list) for sp in d["reasons"][0]["spans"])


def test_score_is_in_range_and_monotone_with_level():
    texts = [c[0] for c in CASES] + ["", "hello", "I'm going to kill myself tonight, I have the gun ready"]
    results = [screen(t) for t in texts]
    for s in results:
        assert 0.0 <= s.score <= 1.0
    seen = {lvl for lvl in (s.level for s in results)}
    assert {"none", "low", "moderate", "high", "imminent"} <= seen
    ordered = sorted(results, key=lambda s: IDX[s.level])
    for a, b in zip(ordered, ordered[1:], strict=False):
        if IDX[a.level] < IDX[b.level]:
            assert a.score < b.score, (a.to_dict(), b.to_dict())


def test_context_is_accepted_and_does_not_break_screening():
    text = "I want to kill myself"
    assert screen(text, context="chat").level == screen(text).level
    assert screen(text, context={"source": "journal"}).level == screen(text).level
    assert screen(text, context=None).level == "high"


def test_screen_many_matches_screen():
    texts = ["hello", "I want to kill myself", "I'm going to do it tonight", ""]
    assert [s.level for s in screen_many(texts)] == [screen(t).level for t in texts]


def test_non_string_input_is_rejected():
    with pytest.raises(TypeError):
        screen(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n", "...", "!!!", "🙂"])
def test_empty_and_contentless_input(text):
    s = screen(text)
    assert s.level == "none"
    assert s.reasons == ()
    assert s.score == 0.0


def test_long_text_is_fast_and_finds_the_crisis_sentence():
    filler = "We went to the market and bought apples, bread and cheese for the week. "
    words = (filler * 800).split()[:10_000]
    crisis = "I have decided that I am going to kill myself tonight."
    text = " ".join(words[:5000]) + " " + crisis + " " + " ".join(words[5000:])
    assert len(text.split()) >= 10_000
    t0 = time.perf_counter()
    s = screen(text)
    elapsed = time.perf_counter() - t0
    assert s.level == "imminent"
    r = reason(s, "active_ideation")
    assert "kill myself" in [text[a:b] for a, b in r.spans]
    # Generous bound (shared CI machines); typical is tens of milliseconds.
    assert elapsed < 3.0
    benign = " ".join(words)
    t0 = time.perf_counter()
    assert screen(benign).level == "none"
    assert time.perf_counter() - t0 < 3.0


def test_100_kb_input():
    chunk = "Some days are harder than others but my friends help. "
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    assert len(text) == 100_000
    assert screen(text).level == "none"
    text2 = text[:50_000] + " I wish I was dead. " + text[50_000:]
    s = screen(text2)
    assert s.level == "moderate"
    r = reason(s, "passive_ideation")
    assert any(text2[a:b] == "wish I was dead" for a, b in r.spans)


def test_adversarial_inputs_do_not_crash():
    samples = [
        "\x00\x01\x02", "a" * 100_000, "🪦" * 5000, "k" + "*" * 50 + "s", "\u200b" * 1000, "I " * 20_000,
        "'" * 1000, "s u i c i d e " * 2000, "\ud800 lone surrogate", "ÀÉÎÕÜ" * 1000, "1" * 10_000,
        "I'm'm'm'm'm", "$@!*|" * 500, "\n" * 10_000, "k.m.s k.m.s",
    ]
    for text in samples:
        s = screen(text)
        assert s.level in LEVELS
        for r in s.reasons:
            for a, b in r.spans:
                assert 0 <= a < b <= len(text)


@pytest.mark.parametrize(("text", "lang"), [
    ("Quero morrer, não aguento mais esta vida", "pt"),  # Spanish is screened: test_screening_es.py
    ("Je veux mourir, je n'en peux plus de cette vie", "fr"),
    ("Ich will nicht mehr leben, alles ist so sinnlos", "de"),
    ("我不想活了，一切都没有意义", "zh"),
    ("Я больше не хочу жить", "ru"),
])
def test_non_english_text_gets_an_unsupported_language_reason(text, lang):
    s = screen(text)
    assert s.level == "none"
    r = reason(s, "unsupported_language")
    assert f"lang:{lang}" in r.modifiers
    assert r.spans == ((0, len(text)),)


def test_english_crisis_words_inside_other_language_still_count():
    s = screen("Estoy muy cansada de todo. I want to kill myself tonight.")
    assert IDX[s.level] >= IDX["high"]


def test_english_is_not_flagged_as_unsupported():
    for text in ["I want to kill myself", "ok", "The café was lovely", "I am so tired of everything today"]:
        assert "unsupported_language" not in constructs(screen(text))


def test_screening_package_never_imports_django():
    pkg = ROOT / "hearthside" / "safety" / "screening"
    offenders = [p.name for p in pkg.rglob("*.py") if re.search(r"^\s*(from|import)\s+django", p.read_text(), re.M)]
    assert offenders == []
    code = ("import sys; import hearthside.safety as s; s.screen('I want to die'); "
            "print('django' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_shipped_lexicon_matches_its_source():
    src = ROOT.parent / "shared" / "data" / "suicide_risk_lexicon_low"
    if not src.is_dir():
        pytest.skip("lexicon source not available")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------- optional model


class FixedModel:
    """Stand-in with a fixed probability, to test the combination rules exactly."""

    def __init__(self, prob: float, raise_moderate: float = 0.5, raise_high: float | None = 0.8) -> None:
        self.prob = prob
        self.raise_moderate = raise_moderate
        self.raise_high = raise_high

    def probabilities(self, texts):
        return [self.prob for _ in texts]


def test_model_can_raise_none_to_moderate_with_a_reason():
    s = Screener(model=FixedModel(0.9)).screen("everything is grey and heavy lately")
    assert s.level == "moderate"
    assert "model" in constructs(s)


def test_model_below_threshold_changes_nothing():
    text = "everything is grey and heavy lately"
    assert Screener(model=FixedModel(0.2)).screen(text) == screen(text)


def test_model_lifts_moderate_to_high_but_never_to_imminent():
    assert Screener(model=FixedModel(0.95)).screen("I wish I was dead").level == "high"
    assert Screener(model=FixedModel(0.99)).screen("I want to kill myself").level == "high"


def test_rules_keep_authority_over_negation_quotes_and_language():
    m = Screener(model=FixedModel(0.99))
    assert m.screen("I would never kill myself").level in {"none", "low"}
    assert m.screen("my friend said she wants to die").level in {"low", "moderate"}
    assert m.screen("Quero morrer, não aguento mais").level == "none"
    assert m.screen_many(["I would never kill myself", "grey days"])[0].level in {"none", "low"}


def _toy_csv(path: Path) -> Path:
    crisis = ["i want to die", "i am going to kill myself", "no reason to live anymore", "i wish i was dead",
              "i want to end my life", "thinking about suicide again"]
    calm = ["lovely walk in the park", "the soup was great", "work was fine today", "watching a film tonight",
            "my cat is asleep", "reading a good book"]
    rows = ["text,label"] + [f"{t} {k},crisis" for k in range(4) for t in crisis] + \
           [f"{t} {k},none" for k in range(4) for t in calm]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_train_save_load_and_screen_with_model(tmp_path):
    pytest.importorskip("sklearn")
    from hearthside.safety.screening.model import MODEL_FORMAT, load_model, train

    out = tmp_path / "m.joblib"
    summary = train(_toy_csv(tmp_path / "d.csv"), out)
    assert summary["n_examples"] == 48 and summary["n_crisis"] == 24
    model = load_model(out)
    probs = model.probabilities(["i want to die", "the soup was great"])
    assert probs[0] > probs[1]
    s = screen("i want to die", model=model)
    assert s.level in LEVELS
    import joblib

    payload = joblib.load(out)
    assert payload["format"] == MODEL_FORMAT and "sklearn_version" in payload
    payload["version"] = 999
    joblib.dump(payload, tmp_path / "old.joblib")
    with pytest.raises(ValueError):
        load_model(tmp_path / "old.joblib")


@pytest.mark.parametrize(("raw", "expected"), [
    ("1", 1), ("0", 0), ("crisis", 1), ("none", 0), ("True", 1), ("no", 0), ("Potential Suicide post ", 1),
    ("Not Suicide post", 0), ("non-crisis", 0),
])
def test_lenient_labels(raw, expected):
    from hearthside.safety.screening.model import parse_label

    assert parse_label(raw) == expected


def test_bad_labels_are_reported():
    from hearthside.safety.screening.model import parse_label

    with pytest.raises(ValueError):
        parse_label("maybe")
