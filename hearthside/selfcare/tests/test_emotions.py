"""The emotion model, its Python API and the ``hearthside emotions`` JSON-lines CLI.

No database: the model is pure numpy and the CLI never imports Django.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from hearthside.selfcare.emotions import GROUPINGS, LABELS, Prediction, get_model, predict, suggest
from hearthside.selfcare.emotions.model import MODEL_DIR

ROOT = Path(__file__).resolve().parents[3]
CLI = [sys.executable, "-m", "hearthside.selfcare.emotions.cli"]


def _cli(lines: list[str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *args],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=timeout,
    )


def _labels(text: str, grouping: str = "original") -> list[str]:
    return predict([text], grouping)[0].labels


# -- the artefact ------------------------------------------------------------------------------


def test_artefact_is_small_and_pickle_free():
    files = sorted(p.name for p in MODEL_DIR.iterdir() if p.is_file())
    assert files == ["meta.json", "vocab.json.gz", "weights.npz"]
    assert sum((MODEL_DIR / f).stat().st_size for f in files) < 20 * 1024 * 1024
    with np.load(MODEL_DIR / "weights.npz", allow_pickle=False) as arrays:  # raises on object arrays
        assert all(arrays[name].dtype != object for name in arrays.files)


def test_artefact_records_its_dev_figures():
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    for grouping in GROUPINGS:
        assert meta["groupings"][grouping]["labels"] == list(LABELS[grouping])
        figures = meta["dev_metrics"][grouping]
        honest = figures["dev_macro_f1_cross_fitted"]
        assert 0.3 < honest <= figures["dev_macro_f1_thresholds_tuned_on_dev"] + 0.02


def test_label_sets():
    assert len(LABELS["original"]) == 28 and LABELS["original"][-1] == "neutral"
    assert set(LABELS["ekman"]) == {"anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"}
    assert set(LABELS["group"]) == {"positive", "negative", "ambiguous", "neutral"}


# -- predictions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm so grateful for your help", {"gratitude"}),
        ("Thank you so much, this means a lot!", {"gratitude"}),
        ("I am terrified of tomorrow's surgery", {"fear", "nervousness"}),
        ("I love you so much", {"love"}),
        ("Haha that's hilarious, I can't stop laughing", {"amusement"}),
        ("I'm so sad, I miss her every day", {"sadness", "grief"}),
        ("I'm sorry, that was my fault. I apologize.", {"remorse"}),
        ("Why would anyone do that? I don't understand", {"confusion", "curiosity"}),
    ],
)
def test_obvious_sentences_get_sensible_original_labels(text, expected):
    labels = _labels(text)
    assert expected & set(labels), (text, labels, predict([text])[0].scores)
    assert labels[0] in expected


def test_neutral_text_is_neutral():
    assert _labels("The meeting is on Tuesday at 3pm in room 4.") == ["neutral"]


def test_unrelated_labels_stay_low():
    scores = predict(["I'm so grateful for your help"])[0].scores
    assert scores["gratitude"] > 0.5
    assert scores["anger"] < 0.1 and scores["fear"] < 0.1 and scores["grief"] < 0.1


@pytest.mark.parametrize(
    ("text", "ekman", "group"),
    [
        ("I am terrified of tomorrow's surgery", "fear", "negative"),
        ("I'm so grateful for your help", "joy", "positive"),
        ("This is disgusting, I hate it", None, "negative"),
        ("I'm furious, how dare they lie to me", "anger", "negative"),
        ("Wow, I never expected that!", "surprise", None),
    ],
)
def test_groupings_map_to_their_own_labels(text, ekman, group):
    for grouping, expected in (("ekman", ekman), ("group", group)):
        pred = predict([text], grouping)[0]
        assert set(pred.scores) == set(LABELS[grouping])
        assert set(pred.labels) <= set(LABELS[grouping])
        if expected:
            assert pred.labels[0] == expected, (grouping, text, pred)


def test_prediction_shape_and_order():
    texts = ["I love this!", "I am terrified", "", "ok", "Thanks!! 🙏😊", "¿Qué?"]
    preds = predict(texts)
    assert len(preds) == len(texts)
    for pred in preds:
        assert isinstance(pred, Prediction)
        assert list(pred.scores) == list(LABELS["original"])
        assert all(0.0 <= p <= 1.0 for p in pred.scores.values())
        assert pred.labels, "every text gets at least one label"
        ranked = [pred.scores[lab] for lab in pred.labels]
        assert ranked == sorted(ranked, reverse=True)
    # Batching does not change anything.
    assert [p.as_dict() for p in preds] == [predict([t])[0].as_dict() for t in texts]


def test_empty_and_blank_text_are_neutral():
    for grouping in GROUPINGS:
        for text in ("", "   \n\t"):
            pred = predict([text], grouping)[0]
            assert pred.labels == ["neutral"]
            assert set(pred.scores) == set(LABELS[grouping])
    assert predict([]) == []


def test_huge_text_is_cut_and_fast():
    get_model()
    started = time.perf_counter()
    pred = predict(["thank you " * 200_000])[0]
    assert time.perf_counter() - started < 2.0
    assert "gratitude" in pred.labels


def test_bad_arguments():
    with pytest.raises(TypeError):
        predict("a single string")
    with pytest.raises(TypeError):
        predict([None])
    with pytest.raises(ValueError, match="grouping"):
        predict(["hi"], grouping="plutchik")


def test_model_is_loaded_once():
    assert get_model() is get_model()


# -- suggestions -------------------------------------------------------------------------------


def test_suggest():
    assert suggest("I'm so grateful for your help")[0] == "gratitude"
    assert suggest("I am terrified of tomorrow's surgery", grouping="ekman") == ["fear"]
    for text in ("I'm so grateful for your help", "I love it but I'm scared and sad", "The bus is at 5."):
        for grouping in GROUPINGS:
            got = suggest(text, k=2, grouping=grouping)
            assert len(got) <= 2 and "neutral" not in got
            assert set(got) <= set(LABELS[grouping])
    assert suggest("The meeting is on Tuesday at 3pm in room 4.") == []
    assert suggest("") == []
    assert suggest("I'm so grateful for your help", k=0) == []


def test_suggest_respects_thresholds():
    model = get_model()
    text = "I love it but I'm scared and sad"
    thresholds = model.thresholds()
    scores = predict([text])[0].scores
    for label in suggest(text, k=10):
        assert scores[label] >= round(thresholds[label], 4) - 1e-4


# -- the CLI -----------------------------------------------------------------------------------


def test_cli_keeps_order_and_handles_bad_lines():
    lines = [
        json.dumps({"id": 1, "text": "I'm so grateful for your help"}),
        "this is not json",
        json.dumps({"id": "b", "text": "I am terrified of tomorrow's surgery"}),
        json.dumps([1, 2, 3]),
        json.dumps({"id": 4}),
        json.dumps({"id": {"nested": True}, "text": 12}),
        "",
        json.dumps({"id": None, "text": ""}),
        json.dumps({"id": 6.5, "text": "Thanks!! 🙏 ça va"}),
    ]
    proc = _cli(lines)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, None, "b", None, 4, {"nested": True}, None, 6.5]
    assert out[0]["labels"][0] == "gratitude" and set(out[0]["scores"]) == set(LABELS["original"])
    assert {"fear", "nervousness"} & set(out[2]["labels"])
    for i in (1, 3, 4, 5):
        assert set(out[i]) == {"id", "error"} and out[i]["error"]
    assert out[6]["labels"] == ["neutral"]
    assert "gratitude" in out[7]["labels"]


def test_cli_ekman_grouping_as_module():
    line = json.dumps({"id": 1, "text": "I am terrified of tomorrow's surgery"})
    proc = _cli([line], "--grouping", "ekman")
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["labels"][0] == "fear"
    assert set(record["scores"]) == set(LABELS["ekman"])


def test_cli_rejects_unknown_grouping():
    proc = _cli([], "--grouping", "plutchik")
    assert proc.returncode == 2
    assert "grouping" in proc.stderr


def test_cli_answers_each_line_before_the_next_arrives():
    """Interactive use: every answer is flushed as soon as it is computed."""
    proc = subprocess.Popen(
        [*CLI, "--grouping", "group"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    try:
        for n, text in enumerate(["I'm so grateful for your help", "I hate this so much"]):
            proc.stdin.write(json.dumps({"id": n, "text": text}) + "\n")
            proc.stdin.flush()
            assert sel.select(timeout=60), "no answer while stdin is still open"
            record = json.loads(proc.stdout.readline())
            assert record["id"] == n
            assert record["labels"][0] == ("positive", "negative")[n]
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == 0


def test_cli_never_imports_django():
    code = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('{\"id\": 1, \"text\": \"thank you\"}\\n')\n"
        "from hearthside.selfcare.emotions.cli import emotions_main\n"
        "assert emotions_main(['--grouping', 'ekman']) == 0\n"
        "leaked = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print('DJANGO=' + ','.join(leaked), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == 1
    assert "DJANGO=\n" in proc.stderr, proc.stderr
