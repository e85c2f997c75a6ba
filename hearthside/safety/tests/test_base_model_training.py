"""The shipped crisis model on short everyday text, and how it is trained (issue #14)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from statistics import mean

import pytest

from hearthside.safety.screening import base_model, screen

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"

needs_artefact = pytest.mark.skipif(base_model.default() is None,
                                    reason="no committed base model artefact (run make train-screener)")

# Short everyday messages that use the words of crisis messages (idioms of dying and killing,
# tiredness, exams, games, sport), written to measure issue #14 and kept out of the training corpus
# (docs/models.md, "Short everyday text"). The artefact before it gave "I'm dead tired, going to bed
# now" p = 0.92 and EVERYDAY a mean of 0.35 (max 0.92), EVERYDAY_MORE 0.39 (max 0.92); the one
# trained for it 0.67, 0.20 (max 0.83) and 0.25 (max 0.86).
EVERYDAY = [
    "I'm dead tired after that shift",
    "I'm dead tired, going to bed now",
    'this traffic is killing me',
    'I could die of embarrassment',
    'my feet are killing me after the hike',
    'that joke killed me lol',
    "I'm so done with this week",
    "if I have to sit through one more meeting I'll die",
    'ugh my phone died again',
    'the battery is dead, can you call me later',
    'I nearly died laughing at the wedding speech',
    'we got killed in the second half, 4-0',
    "I'm starving, I could eat a horse",
    'this exam is going to be the death of me',
    'killed it at the interview today!',
    "I'm exhausted, need a nap",
    "my boss will kill me if I'm late again",
    'the plants all died while we were on holiday',
    'I want to sleep for a week',
    'to die for, that chocolate cake',
    "I'm dying to see the new movie",
    "just finished my finals, I'm wiped out",
    "got wrecked in ranked all night, I'm done",
    'the suspense is killing me, tell me!',
    'the news said three people died in the fire',
    'kill the lights when you leave please',
    "I'm over it, going to bed",
    'my grandma passed away last year and I still miss her',
    'me muero de hambre',
    'me mata este calor',
    'me muero de vergüenza',
    'estoy muerta de cansancio',
    'este tráfico me está matando',
    'me muero de ganas de verte',
    'el examen de mañana me va a matar',
    'se me murió el móvil otra vez',
    'mi jefe me va a matar si llego tarde',
    'estoy reventado, me voy a dormir',
    'casi me muero de risa con el vídeo',
    'no puedo más con este calor, me voy a la piscina',
    'nos mataron en el partido, perdimos cinco a cero',
    'mañana madrugo, estoy hecho polvo',
]
# Written before the first model trained on the new corpus.
EVERYDAY_MORE = [
    'my charger died and so did my will to finish this essay lol',
    'the cold is killing me, somebody turn the heating up',
    "I'm so done with this train company, 40 minutes late again",
    'lol my little brother just died in fortnite and threw the controller',
    "I'm knackered, early night for me",
    'this wedding planning is going to kill me',
    "ok I'm going home now, my feet are done",
    'my tomato plants are dying in this heat',
    "I'd kill for a burrito right now",
    'the last episode destroyed me emotionally, what a show',
    'just want to sleep the whole weekend, what a week',
    "we're dead meat if mum sees the broken vase",
    'I almost died on the stairs carrying that sofa',
    'going offline for a bit, need a break from my phone',
    "the heat today is unreal, I'm melting",
    'this printer wants me dead',
    'estoy muerto, hoy corrimos veinte kilómetros',
    'me mata la espalda de tanto estar sentado',
    'me muero de calor en este piso sin aire',
    'se me murió la batería en mitad de la llamada',
    'mi madre me va a matar cuando vea las notas',
    'me voy a dormir ya, estoy reventada',
    'quiero que se termine ya este día',
    'este calor me va a matar, qué verano',
    'nos vamos ya, el tren sale en diez minutos',
    'estoy harta del tráfico de esta ciudad',
    'me muero de sueño en esta reunión',
    'el final de la serie me mató, qué drama',
    'me voy de viaje y no vuelvo hasta septiembre',
    'ya no puedo más con este calor, me meto en la ducha',
]


@needs_artefact
def test_everyday_idioms_score_low():
    model = base_model.default()
    probs = {t: model.probability(t) for t in EVERYDAY + EVERYDAY_MORE}
    # Below the lowest threshold at which the model lifts anything (chat-length text with
    # supporting evidence from the rules), and low on average.
    assert max(probs.values()) < base_model.SHORT_RAISE, probs
    assert mean(probs[t] for t in EVERYDAY) < 0.3, probs
    assert mean(probs[t] for t in EVERYDAY_MORE) < 0.3, probs
    assert probs["I'm dead tired, going to bed now"] < 0.8


@needs_artefact
@pytest.mark.parametrize("text", EVERYDAY + EVERYDAY_MORE)
def test_everyday_idioms_are_not_lifted(text):
    assert not any(r.construct == "model" for r in screen(text).reasons), screen(text)


@pytest.fixture
def trainer(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import train_screener

    monkeypatch.setattr(train_screener, "SCREENED", tmp_path / "screened.json")
    return train_screener


def _tsv(path: Path) -> Path:
    path.write_text("what a lovely day\t17\taaa1\n\t27\tempty\nI want to die lol\t27\tbbb2\n"
                    "the cake was great\t0\tccc3\n", encoding="utf-8")
    return path


def test_goemotions_exclusions_come_from_the_record(trainer, tmp_path, monkeypatch):
    tsv = _tsv(tmp_path / "train.tsv")
    trainer.SCREENED.write_text(json.dumps({"sha256": hashlib.sha256(tsv.read_bytes()).hexdigest(),
                                            "excluded_ids": ["bbb2"]}), encoding="utf-8")

    def no_rules(rows):
        raise AssertionError("the record matches the file: the rules must not run")

    monkeypatch.setattr(trainer, "screen_goemotions", no_rules)
    assert trainer.read_goemotions(tsv) == ["what a lovely day", "the cake was great"]


def test_goemotions_are_screened_again_when_the_file_changes(trainer, tmp_path, monkeypatch):
    tsv = _tsv(tmp_path / "train.tsv")
    trainer.SCREENED.write_text(json.dumps({"sha256": "0" * 64, "excluded_ids": []}), encoding="utf-8")
    monkeypatch.setattr(trainer, "screen_goemotions", lambda rows: [cid for cid, t in rows if "die" in t])
    # --check never writes the record ...
    assert trainer.read_goemotions(tsv, record=False) == ["what a lovely day", "the cake was great"]
    assert json.loads(trainer.SCREENED.read_text(encoding="utf-8"))["sha256"] == "0" * 64
    # ... a training run does.
    trainer.read_goemotions(tsv)
    saved = json.loads(trainer.SCREENED.read_text(encoding="utf-8"))
    assert saved["excluded_ids"] == ["bbb2"] and saved["comments"] == 3


def test_cross_validation_scores_every_corpus_row_once(trainer):
    corpus = [{"text": t, "level": lv, "construct": "", "lang": lang, "file": "t"} for t, lv, lang in [
        ("i keep looking at the rope in my closet", "high", "en"), ("counted my pills again tonight", "high", "en"),
        ("this is goodbye everyone", "moderate", "en"), ("my feet are killing me lol", "none", "en"),
        ("bought rope for the tent", "none", "en"), ("goodbye party tonight!", "none", "en"),
        ("quiero morirme ya", "moderate", "es"), ("me muero de risa", "none", "es"),
    ]]
    scored = trainer.cross_validate(corpus, [("kill myself", 1), ("hopeless", 0)], ["what a lovely day"], 2)
    assert sorted(r["text"] for r in scored) == sorted(r["text"] for r in corpus)
    assert all(0.0 < r["p"] < 1.0 for r in scored)
    summary = trainer.summarise(scored, 0.5)
    assert set(summary) == {"en", "es"} and summary["en"]["n"] == 6


def test_the_committed_record_matches_the_data_it_was_made_from():
    record = json.loads((SCRIPTS / "train_screener_goemotions.json").read_text(encoding="utf-8"))
    assert record["file"] == "goemotions/original/train.tsv"
    assert len(record["sha256"]) == 64 and record["excluded_ids"] == sorted(set(record["excluded_ids"]))
    data = SCRIPTS.parent.parent / "shared" / "data" / "goemotions" / "original" / "train.tsv"
    if data.exists():
        assert hashlib.sha256(data.read_bytes()).hexdigest() == record["sha256"]


# Session 18: augmented copies and short replies.

def test_augmented_copies_keep_the_text_and_are_deterministic(trainer):
    text = "tengo las pastillas guardadas para esta noche."
    copies = [trainer.augment(text, "es", k) for k in range(6)]
    assert copies == [trainer.augment(text, "es", k) for k in range(6)]  # same bytes every run
    assert all(c != text for c in copies)
    # A copy adds a hedge or a word of address, or drops the punctuation: the words stay in order.
    words = [w for w in text.replace(".", "").split()]
    for copy in copies:
        kept = [w.strip(".,!?") for w in copy.split() if w.strip(".,!?") in words]
        assert kept == words, copy


def test_augmented_copies_follow_their_line_into_and_out_of_each_fold(trainer, monkeypatch):
    """Cross-validation holds a line's augmented copies out with it: otherwise a held-out line is
    scored by a model trained on itself with one word more."""
    seen = []

    def fit(x, names, labels, weights):
        seen.append(x.shape[0])
        return real_fit(x, names, labels, weights)

    real_fit = trainer._fit_rows
    monkeypatch.setattr(trainer, "_fit_rows", fit)
    monkeypatch.setattr(trainer, "AUGMENT", 2)
    corpus = [{"text": f"line number {i} about pills", "level": "high" if i % 2 else "none", "construct": "",
               "lang": "en", "file": "t"} for i in range(10)]
    trainer.cross_validate(corpus, [("kill myself", 1)], ["a nice day"], 2)
    # Each fold trains on 5 corpus lines and their 10 copies, plus the lexicon and GoEmotions rows.
    assert seen == [5 + 10 + 1 + 1] * 2


SHORT_REPLIES = ["ya", "ya.", "ojalá", "sí", "ya lo sabía", "ojalá que no", "ya me voy", "ya no", "i wish",
                 "already there", "hope not", "lo sé"]


@needs_artefact
@pytest.mark.parametrize("text", SHORT_REPLIES)
def test_short_chat_replies_are_not_lifted(text):
    # "ya" alone scored 0.99 and was moderate: the model never lifts one or two words, and
    # three-word replies were added to the corpus (these are not in it).
    assert screen(text).level in ("none", "low"), screen(text)


@pytest.mark.parametrize("text,level", [("kms", "high"), ("me mato", "high"), ("quiero morirme", "moderate")])
def test_crisis_in_one_or_two_words_is_the_rules_to_read(text, level):
    from hearthside.safety.screening.result import LEVEL_INDEX

    assert LEVEL_INDEX[screen(text).level] >= LEVEL_INDEX[level], screen(text)
