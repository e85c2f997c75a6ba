"""The screener's command line: JSON lines in, JSON lines out, no Django."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hearthside.safety.screening.cli import screen_main

ROOT = Path(__file__).resolve().parents[3]
CLI = [sys.executable, "-m", "hearthside.safety.screening.cli"]


def run_cli(args: list[str], stdin: bytes, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + args, input=stdin, capture_output=True, cwd=ROOT, timeout=120, **kw)


def test_screen_streams_json_lines_in_order_and_survives_bad_lines():
    lines = [
        json.dumps({"id": 1, "text": "I'm going to kill myself tonight"}),
        "this is not json",
        json.dumps({"id": "b", "text": 42}),
        "",
        json.dumps({"id": 3, "text": "Lovely walk with the dog today"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": None, "text": "I wish I could disappear and not wake up"}),
        json.dumps({"id": {"nested": True}, "text": "Quero morrer"}),
    ]
    proc = run_cli(["screen"], ("\n".join(lines) + "\n").encode())
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(out) == 7  # the blank line is skipped
    assert out[0]["id"] == 1 and out[0]["level"] == "imminent"
    assert set(out[0]) == {"id", "level", "score", "reasons"}
    assert {r["construct"] for r in out[0]["reasons"]} >= {"active_ideation", "timing"}
    assert out[1] == {"id": None, "error": out[1]["error"]} and "JSON" in out[1]["error"]
    assert out[2]["id"] == "b" and "error" in out[2]
    assert out[3] == {"id": 3, "level": "none", "score": 0.0, "reasons": []}
    assert out[4]["id"] is None and "error" in out[4]
    assert out[5]["id"] is None and out[5]["level"] == "high"
    assert out[6]["id"] == {"nested": True}
    assert out[6]["reasons"][0]["construct"] == "unsupported_language"


def test_screen_handles_invalid_utf8_and_keeps_going():
    data = b'\xff\xfe{"id": 1}\n' + json.dumps({"id": 2, "text": "kms"}).encode() + b"\n"
    proc = run_cli(["screen"], data)
    assert proc.returncode == 0
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert out[0]["id"] is None and "UTF-8" in out[0]["error"]
    assert out[1]["id"] == 2 and out[1]["level"] == "high"


def test_screen_flushes_each_line_before_reading_the_next():
    proc = subprocess.Popen(CLI + ["screen"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT)
    try:
        for k, text in enumerate(["hello", "I want to kill myself", "I feel so hopeless"]):
            proc.stdin.write((json.dumps({"id": k, "text": text}) + "\n").encode())
            proc.stdin.flush()
            # A reply must arrive while stdin is still open: output is not held back.
            reply = json.loads(proc.stdout.readline())
            assert reply["id"] == k
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_cli_process_does_not_import_django():
    code = (
        "import io, sys\n"
        "from hearthside.safety.screening.cli import screen_main\n"
        "out = io.StringIO()\n"
        "rc = screen_main([], stdin=io.BytesIO(b'{\"id\": 1, \"text\": \"I want to die\"}\\n'), stdout=out)\n"
        "assert rc == 0 and '\"high\"' in out.getvalue(), out.getvalue()\n"
        "print('django' in sys.modules, any(m.startswith('django') for m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False False"


def test_cli_import_time_shows_no_django():
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "hearthside.safety.screening.cli", "screen"],
        input=b'{"id": 1, "text": "hi"}\n', capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0
    imported = proc.stderr.decode()
    assert "hearthside.safety.screening" in imported
    assert not re.search(r"\|\s*django(\.|\s|$)", imported, re.M)


def test_screen_main_in_process():
    stdin = io.BytesIO(b'{"id": "a", "text": "I would never kill myself"}\n{"id": "b", "text": ""}\n')
    out = io.StringIO()
    assert screen_main([], stdin=stdin, stdout=out) == 0
    a, b = (json.loads(x) for x in out.getvalue().splitlines())
    assert a["id"] == "a" and a["level"] in {"none", "low"}
    assert b == {"id": "b", "level": "none", "score": 0.0, "reasons": []}


def test_unknown_model_path_fails_cleanly(tmp_path):
    proc = run_cli(["screen", "--model", str(tmp_path / "missing.joblib")], b"")
    assert proc.returncode == 2
    assert b"cannot load model" in proc.stderr


def test_train_then_screen_with_model(tmp_path):
    pytest.importorskip("sklearn")
    data = tmp_path / "train.csv"
    rows = ["text,label"]
    for k in range(6):
        rows += [f"i want to die {k},1", f"no reason to live {k},1", f"the park was lovely {k},0",
                 f"dinner with friends {k},0"]
    data.write_text("\n".join(rows) + "\n")
    model = tmp_path / "model.joblib"
    proc = subprocess.run(CLI + ["train", "--data", str(data), "--out", str(model)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["n_examples"] == 24
    assert model.exists()
    proc = run_cli(["screen", "--model", str(model)],
                   (json.dumps({"id": 1, "text": "the park was lovely"}) + "\n").encode())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == 1


def test_train_reports_bad_data(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("body,colour\nhello,blue\n")
    proc = subprocess.run(CLI + ["train", "--data", str(bad), "--out", str(tmp_path / "m.joblib")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2
    assert "label" in proc.stderr


def test_usage_error_without_subcommand():
    proc = run_cli([], b"")
    assert proc.returncode == 2
    assert b"usage" in proc.stderr
