"""The start-up cache of the screener's tables (tablecache, es_cache) and the faster CLI loop:
same answers, byte for byte, whether the tables come from the cache or from the sources, and a
cache is never used once what it was derived from has changed."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hearthside.safety.screening import bare, base_model, conversation, es, es_cache, rxcache, tablecache
from hearthside.safety.screening.screener import screen

ROOT = Path(__file__).resolve().parents[3]
SCREENING = ROOT / "hearthside" / "safety" / "screening"

# Texts said alone, or (text, earlier messages): English and Spanish, crisis and everyday, negated,
# hypothetical, quoted, about someone else, obfuscated, emoji, other languages, long.
_SAID = [
    "I want to kill myself",
    "I have the pills saved up and I'm going to do it tonight.",
    "I would never kill myself, but I feel empty.",
    "My friend said she wants to die and I'm scared for her.",
    "that exam killed me lol, see you at group tomorrow",
    "Thanks so much for the recipe, the cake turned out great!",
    "i just want to die, i can't take this anymore",
    "gonna unalive myself after everyone is asleep 🪢",
    "k1ll mys3lf",
    "s u i c i d e",
    "The song goes \"I want to die\" and it's stuck in my head",
    "If I ever wanted to end it I would tell you, but I don't",
    "I tried to kill myself last year and I feel that way again.",
    ("tonight is the night", ["I have the pills saved up", "nobody would even notice"]),
    ("what's for dinner", ["I want to kill myself"]),
    "quiero matarme, ya no aguanto más",
    "Tengo las pastillas guardadas y lo voy a hacer esta noche.",
    "Nunca me mataría, pero me siento vacía.",
    "Ese chiste me mató de risa, no puedo más.",
    "Mi amiga dice que se quiere morir y tengo miedo por ella.",
    "Hoy fui al mercado y compré fruta para toda la semana.",
    ("esta noche lo hago", ["ya no aguanto más", "nadie me va a extrañar"]),
    "Je veux mourir",
    "Quero morrer",
    "",
    "I feel like a burden to my family and I'm trapped. " * 40 + "I want to die tonight.",
    "no quiero morir, solo quiero que esto pare",
    "I'm not suicidal, just really tired of work",
]
# (id, text, earlier messages or None), numbered from 1 in the order above.
CASES = [(n, *(said if isinstance(said, tuple) else (said, None))) for n, said in enumerate(_SAID, start=1)]


def _expected_line(ident, text, history) -> str:
    record = {"id": ident, **screen(text, history=history).to_dict()}
    return json.dumps(record, ensure_ascii=False)


def _input_line(ident, text, history) -> str:
    obj = {"id": ident, "text": text}
    if history is not None:
        obj["context"] = history
    return json.dumps(obj, ensure_ascii=False)


def _run_cli(stdin: bytes, **env: str) -> bytes:
    environ = {k: v for k, v in os.environ.items() if k != "HEARTHSIDE_SCREENER_CACHE"}
    environ.update(env)
    proc = subprocess.run([sys.executable, "-m", "hearthside.safety.screening.cli", "screen"], input=stdin,
                          capture_output=True, cwd=ROOT, env=environ, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


def _json_error(line: str) -> str:
    try:
        json.loads(line)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} (column {exc.colno})"
    raise AssertionError(line)


def _utf8_error(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"line is not valid UTF-8: {exc.reason} at byte {exc.start}"
    raise AssertionError(raw)


def test_cli_answers_are_the_library_answers_byte_for_byte_with_and_without_the_cache():
    # Enough lines to take several 64 KiB reads, so lines (and UTF-8 characters) are cut
    # across reads; awkward lines between them; the last line has no newline.
    cases = [(f"{k}-{c[0]}", c[1], c[2]) for k in range(60) for c in CASES]
    lines = [_input_line(*c).encode() + b"\n" for c in cases]
    broken_json = '{"id": "cut", "text": "hola"'
    truncated_utf8 = '{"id": "é", "text": "caf'.encode() + b"\xc3\n"
    extra = [b"\n", b"   \r\n", b"\xff" + lines[0], broken_json.encode() + b"\n", truncated_utf8,
             _input_line("crlf", "I want to die", None).encode() + b"\r\n"]
    stdin = b"".join(lines[:700] + extra + lines[700:]) + broken_json.encode()
    assert len(stdin) > 3 * 65536

    expected = [_expected_line(*c) for c in cases]
    errors = [json.dumps({"id": None, "error": _utf8_error(b"\xff" + lines[0])}),
              json.dumps({"id": None, "error": _json_error(broken_json + "\n")}),
              json.dumps({"id": None, "error": _utf8_error(truncated_utf8)}),
              _expected_line("crlf", "I want to die", None)]
    tail = json.dumps({"id": None, "error": _json_error(broken_json)})
    want = ("\n".join(expected[:700] + errors + expected[700:] + [tail]) + "\n").encode()
    # A JSON error's column counts the newline, as when each line was read with it.
    assert _json_error(broken_json + "\n") != _json_error(broken_json)
    assert _utf8_error(truncated_utf8) != _utf8_error(truncated_utf8[:-1])

    from_source = _run_cli(stdin, HEARTHSIDE_SCREENER_CACHE="0")
    assert from_source == want
    assert _run_cli(stdin) == want


def test_a_reader_that_waits_for_each_answer_gets_it_before_sending_more():
    proc = subprocess.Popen([sys.executable, "-m", "hearthside.safety.screening.cli", "screen"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT)
    try:
        for ident, text, history in CASES[:6]:
            proc.stdin.write((_input_line(ident, text, history) + "\n").encode())
            proc.stdin.flush()
            assert proc.stdout.readline().decode() == _expected_line(ident, text, history) + "\n"
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


# ---------------------------------------------------------------- the cache on a private copy


def _copy_screener(dst: Path) -> Path:
    """The screening package (and the two packages above it) under ``dst``, without its cache,
    bytecode or corpus, so that a test can edit and cache it without touching the real one."""
    for rel in ("hearthside/__init__.py", "hearthside/safety/__init__.py"):
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, dst / rel)
    shutil.copytree(SCREENING, dst / "hearthside/safety/screening",
                    ignore=shutil.ignore_patterns("__pycache__", "cache", "corpus", "*.tmp"))
    return dst


PROBE = r"""
import hashlib, json, sys
from hearthside.safety import screening
from hearthside.safety.screening import base_model, engine, es, es_cache, screener, tablecache

assert screening.__file__.startswith(sys.argv[1]), screening.__file__
primed = bool(es._PATTERNS) and isinstance(es._PATTERNS[0].rx, es_cache.LazyPattern)
es.patterns()
memo = {}

def h(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()

def node(n):
    got = memo.get(id(n))
    if got is None:
        pay, kids, gaps, has_cls, next_ok, open_ = n
        assert pay is None or all(type(e) is engine.Entry for e in pay)
        got = memo[id(n)] = h(
            None if pay is None else [(e.construct, sorted(e.flags), e.tense, e.person) for e in pay],
            sorted((k, node(v)) for k, v in kids.items()),
            None if gaps is None else [(g, node(c)) for g, c in gaps], has_cls, sorted(next_ok), open_)
    return got

t = engine._TABLES
m = base_model.default()
out = {
    "n_weights": len(m.weights),
    "answers": [screener.screen(t).to_dict() for t in json.loads(sys.argv[2])],
    "loaded": sorted(tablecache.LOADED),
    "primed": primed,
}
if sys.argv[3] == "all":
    kids = {id(k) for k in t.root[engine._KIDS].values()}
    out.update(
        rules=h(node(t.root), sorted((w, [node(n) for n in ns]) for w, ns in t.start.items()),
                sorted(t.open_starts), sorted(t.start_pairs), sorted(t.anchors), sorted(t.short_anchors),
                sorted(t.vocab)),
        start_nodes_shared=all(id(n) in kids for ns in t.start.values() for n in ns))
if sys.argv[3]:
    out.update(
        spanish=h([(p.construct, sorted(p.flags), getattr(p.rx, "source", None) or p.rx.pattern,
                    None if p.keys is None else sorted(p.keys)) for p in es._PATTERNS],
                  sorted(es._KEY_INDEX.items()), es._ALWAYS, sorted(es._KEY_SET)),
        model=h(sorted(m.weights.items()), m.bias, m.raise_moderate, m.raise_low, m.raise_high,
                json.dumps(m.meta, sort_keys=True)),
    )
print(json.dumps(out))
"""
TEXTS = ["I want to kill myself", "purple elephants", "quiero matarme, ya no aguanto más",
         "Tengo las pastillas guardadas y lo voy a hacer esta noche.", "Hoy fui al mercado"]


def _probe(root: Path, texts: list[str] = TEXTS, tables: str = "", **env: str) -> dict:
    """What a fresh process on the copy at ``root`` loads and answers, and digests of its tables:
    ``tables="all"`` or ``"spanish"`` (the Spanish patterns and the model)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("HEARTHSIDE_SCREENER_CACHE", "PYTHONPATH")}
    environ.update(env, PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, "-c", PROBE, str(root), json.dumps(texts), tables],
                          capture_output=True, text=True, cwd=root, env=environ, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _same_tables(a: dict, b: dict) -> bool:
    keys = ("rules", "spanish", "model", "answers")
    return {k: a[k] for k in keys} == {k: b[k] for k in keys}


def test_tables_from_the_cache_equal_tables_built_from_the_sources(tmp_path):
    root = _copy_screener(tmp_path)
    cache = root / "hearthside/safety/screening/data/cache"
    built = _probe(root, tables="all", HEARTHSIDE_SCREENER_CACHE="0")
    assert built["loaded"] == [] and not built["primed"] and not cache.exists()

    first = _probe(root, tables="all")  # builds, and writes the cache
    assert first["loaded"] == [] and first["primed"]
    assert sorted(p.name for p in cache.iterdir()) == [tablecache.path_for(n).name
                                                        for n in ("base_model", "es_keys", "es_sources", "rules")]
    second = _probe(root, tables="all")
    assert second["loaded"] == ["base_model", "es_keys", "es_sources", "rules"] and second["primed"]
    assert second["start_nodes_shared"] and built["start_nodes_shared"]
    assert _same_tables(built, first) and _same_tables(built, second)
    assert second["answers"][0]["level"] != "none"


def test_an_edit_to_a_table_the_rules_or_the_model_is_never_served_from_the_old_cache(tmp_path):
    root = _copy_screener(tmp_path)
    pkg = root / "hearthside/safety/screening"
    before = _probe(root)
    assert before["answers"][1]["level"] == "none"  # "purple elephants"
    rules_bin = tablecache.path_for("rules", pkg / "data/cache")
    stored = rules_bin.read_bytes()

    with open(pkg / "patterns.py", "a", encoding="utf-8") as fh:
        fh.write('\nRULES.append(("active_ideation", "", ["purple elephants"]))\n')
    after = _probe(root)
    assert after["loaded"] == []  # any source changed: every table is rebuilt, none loaded
    assert after["answers"][1]["level"] == "high"
    assert after["answers"] == _probe(root, HEARTHSIDE_SCREENER_CACHE="0")["answers"]
    assert rules_bin.read_bytes() != stored
    again = _probe(root)
    assert "rules" in again["loaded"] and again["answers"] == after["answers"]

    # A new model artefact: its weights, not the cached ones.
    base_model.dump(base_model.BaseModel({"w elephants": 3.0}, -1.0, raise_moderate=0.5, raise_high=None),
                    pkg / "data" / base_model.ARTEFACT)
    swapped = _probe(root)
    assert swapped["n_weights"] == 1 and "base_model" not in swapped["loaded"]
    assert _probe(root)["n_weights"] == 1


def test_spanish_tables_are_built_by_es_itself_once_its_patterns_function_changes(tmp_path):
    root = _copy_screener(tmp_path)
    es_py = root / "hearthside/safety/screening/es.py"
    reference = _probe(root, tables="spanish", HEARTHSIDE_SCREENER_CACHE="0")
    text = es_py.read_text(encoding="utf-8")
    old = '    """The compiled phrase patterns (built once)."""\n'
    assert text.count(old) == 1
    es_py.write_text(text.replace(old, '    """The compiled phrase patterns (built once, here)."""\n'),
                     encoding="utf-8")
    changed = _probe(root, tables="spanish")
    assert not changed["primed"]
    assert changed["spanish"] == reference["spanish"] and changed["answers"] == reference["answers"]


def test_es_cache_replicates_the_current_es_patterns_function():
    text = Path(es.__file__).read_text(encoding="utf-8")
    got = es_cache.patterns_digest(text)
    assert got == es_cache.PATTERNS_SHA256, (
        f"es.patterns() changed: bring es_cache.prime() in line with it and set PATTERNS_SHA256 = {got!r}")


def test_a_lazy_pattern_is_the_compiled_expression():
    src = es.sources()[0][2]
    lazy = es_cache.LazyPattern(src)
    joined = " quiero matarme ya "
    assert [m.span() for m in lazy.finditer(joined)] == [m.span() for m in re.compile(src).finditer(joined)]
    assert lazy.compiled() == re.compile(src) and lazy.pattern == src


# ---------------------------------------------------------------- compiled regular expressions


def _some_expressions() -> list[tuple[str, int]]:
    """Spanish phrase patterns, the whole-message check's largest ones, a conversation cue, and
    expressions with named groups, flags, classes, look-arounds and unbounded repeats."""
    srcs = [src for _, _, src in es.sources()]
    return ([(s, 0) for s in srcs[::97] + [max(srcs, key=len)]]
            + [(bare._any_kind().pattern, 0), (bare._strong_rx().pattern, 0), (conversation.RETRACT.pattern, 0),
               (r"(?P<who>i|we)\s+(?:want|wish)\b(?=.*\bdie\b)", int(re.IGNORECASE)),
               (r"[^\W\d_]{2,}(?:ando|iendo)$|(?<!\w)x{3,}(?!\w)|\d+(?:[.,]\d+)?", 0),
               (r"(.)\1{2,}|(?i:sé) (?:que)?", int(re.MULTILINE | re.DOTALL))])


TRIES = ["i want to die", "quiero matarme ya", " me quiero morir esta noche ", "WE WISH to just die",
         "aaaa xxx 12,5", "hablando ok", "Sé que sí", "ya no aguanto mas, tengo las pastillas ", ""]


def test_a_recorded_program_replays_as_the_same_pattern():
    for source, flags in _some_expressions():
        stored = rxcache.record(source, flags)
        assert stored is not None, source[:80]
        again = rxcache._replay(stored)
        expected = re.compile(source, flags)
        # Pattern equality compares the source, the flags and the engine's whole program.
        assert again == expected and again.groupindex == expected.groupindex, source[:80]
        for text in TRIES:
            assert [m.span() for m in again.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_compile_uses_a_stored_program_and_compiles_what_it_cannot_use(monkeypatch):
    source = r"(?<![\w'])(?:my last (?:goodbye|message))(?![\w'])"
    stored = rxcache.record(source)
    lists, args = stored
    monkeypatch.setattr(rxcache, "_TABLE", {(source, 0): stored})
    calls = []
    real_compile = re.compile
    monkeypatch.setattr(rxcache.re, "compile", lambda *a: calls.append(a) or real_compile(*a))
    assert rxcache.compile(source) == real_compile(source) and calls == []  # replayed, not compiled

    damaged = list(args)
    damaged[lists[0]] = args[lists[0]][:-8]  # a program cut short: the engine refuses it
    monkeypatch.setattr(rxcache, "_TABLE", {(source, 0): (lists, tuple(damaged))})
    assert rxcache.compile(source) == real_compile(source) and calls == [(source, 0)]
    assert rxcache.compile("(?:no record)") == real_compile("(?:no record)")


def test_the_screener_asks_for_the_same_expressions_in_every_process():
    """rxcache finds a program by its expression's text, so the text must not depend on the
    process (an expression joined from a set in hash order was missed by every new process)."""
    probe = ("import hashlib, json\n"
             "from hearthside.safety.screening import rxcache, screener, tablecache\n"
             "for text, earlier in tablecache._WARM_UP:\n"
             "    screener.screen(text, history=earlier)\n"
             "print(json.dumps(sorted(hashlib.sha256(s.encode()).hexdigest() + str(f) for s, f in rxcache._WANTED)))\n")
    seen = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env,
                              timeout=300)
        assert proc.returncode == 0, proc.stderr
        seen.append(json.loads(proc.stdout))
    assert len(seen[0]) > 100 and seen[0] == seen[1] == seen[2]


def test_the_stored_programs_are_written_by_cli_cache_and_never_served_after_an_edit(tmp_path):
    root = _copy_screener(tmp_path)
    pkg = root / "hearthside/safety/screening"
    cache = pkg / "data/cache"
    environ = {k: v for k, v in os.environ.items() if k not in ("HEARTHSIDE_SCREENER_CACHE", "PYTHONPATH")}
    # (One cold build of the tables, by cli cache itself; a process that misses the tables writes them but
    # never the programs, since recording them all takes seconds: see rxcache.)
    proc = subprocess.run([sys.executable, "-m", "hearthside.safety.screening.cli", "cache"], capture_output=True,
                          text=True, cwd=root, env={**environ, "PYTHONPATH": str(root)}, timeout=300)
    assert proc.returncode == 0 and "regex." in proc.stdout, proc.stderr
    stored = _probe(root)
    assert rxcache.NAME in stored["loaded"]
    # The copy is this package: its answers are this process's.
    assert stored["answers"] == json.loads(json.dumps([screen(t).to_dict() for t in TEXTS]))

    # After an edit the sources' digest, and so the key, differ: the stored programs are not read.
    digest = tablecache.sources_digest(pkg)
    key = tablecache.cache_key(rxcache.NAME, rxcache._key_extra(), digest=digest)
    assert isinstance(tablecache.read(rxcache.NAME, key, directory=cache), dict)
    with open(pkg / "bare.py", "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    edited = tablecache.sources_digest(pkg)
    assert edited != digest
    assert tablecache.read(rxcache.NAME, tablecache.cache_key(rxcache.NAME, rxcache._key_extra(), digest=edited),
                           directory=cache) is None


# ---------------------------------------------------------------- the cache file itself


def test_a_cache_file_is_read_only_under_its_key_and_when_intact(tmp_path):
    key = tablecache.cache_key("t", digest=b"x" * 32)
    value = ({"a": (1, 2.5, None)}, [frozenset({"b"})], "é")
    assert tablecache.write("t", key, value, directory=tmp_path)
    assert tablecache.read("t", key, directory=tmp_path) == value
    assert tablecache.read("t", tablecache.cache_key("t", digest=b"y" * 32), directory=tmp_path) is None
    assert tablecache.read("t", tablecache.cache_key("t", b"more", digest=b"x" * 32), directory=tmp_path) is None
    path = tablecache.path_for("t", tmp_path)
    raw = path.read_bytes()
    path.write_bytes(raw[:-1] + bytes([raw[-1] ^ 1]))  # one flipped bit
    assert tablecache.read("t", key, directory=tmp_path) is None
    path.write_bytes(raw[:-3])  # torn
    assert tablecache.read("t", key, directory=tmp_path) is None
    assert tablecache.read("missing", key, directory=tmp_path) is None
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    # Where nothing can be written the value is not stored, and nothing fails.
    (tmp_path / "taken").write_text("a file where the directory would be")
    assert not tablecache.write("t", key, value, directory=tmp_path / "taken")


def test_the_key_covers_every_module_and_the_lexicon_but_not_the_corpus(tmp_path):
    root = _copy_screener(tmp_path) / "hearthside/safety/screening"
    digest = tablecache.sources_digest(root)
    assert digest is not None and digest == tablecache.sources_digest(root)
    (root / "corpus").mkdir()
    (root / "corpus" / "new.csv").write_text("text,level\n")
    assert tablecache.sources_digest(root) == digest
    for rel in ("patterns.py", "es.py", "engine.py", "text.py", "data/lexicon.json"):
        original = (root / rel).read_bytes()
        (root / rel).write_bytes(original + b" ")
        assert tablecache.sources_digest(root) != digest, rel
        (root / rel).write_bytes(original)
    assert tablecache.sources_digest(root) == digest
    assert tablecache.cache_key("rules", digest=digest) != tablecache.cache_key("es_keys", digest=digest)


# ---------------------------------------------------------------- the model's inference


def _logit_before(model: base_model.BaseModel, text: str) -> float:
    """BaseModel.logit as it was before the change, for comparison."""
    heads = frozenset(k.split(" ", 2)[1] for k in model.weights if k.startswith("b "))
    toks = base_model.tokens(text)
    if not toks:
        return model.bias
    total, n = 0.0, 0
    for tok in dict.fromkeys(toks):
        feats = base_model.word_features(tok)
        total += sum(model.weights.get(f, 0.0) for f in feats)
        n += len(feats)
    pairs = {a + " " + b for a, b in zip(toks, toks[1:], strict=False)}
    for pair in pairs:
        if pair.split(" ", 1)[0] in heads:
            total += model.weights.get("b " + pair, 0.0)
    n += len(pairs)
    return model.bias + total / math.sqrt(n)


@pytest.mark.skipif(base_model.default() is None, reason="needs the shipped model artefact")
def test_the_model_gives_the_same_logit_to_the_last_bit():
    model = base_model.default()
    texts = [c[1] for c in CASES] + ["k.m.s", "a b c d e", "¨ ﷺ odd tokens", "I I I want want to to die die"]
    for text in texts:
        assert model.logit(text) == _logit_before(model, text), text
