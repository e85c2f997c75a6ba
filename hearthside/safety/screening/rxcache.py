"""Compiled regular expressions kept between processes (standard library only).

Parsing and compiling the screener's regular expressions was the largest single cost of a short
``hearthside screen`` run: about 670 expressions compiled on first use for a stream of chat
messages, 0.5 s of CPU of a 4 s run of 10,000 messages (docs/benchmarks.md, session 22).  Python
cannot store a compiled pattern, but it builds one in two steps: parsing the source into the
regular expression engine's program (a list of integers, the slow part) and handing that program
to ``_sre.compile`` (microseconds).  :func:`build` records, for each expression, the exact
arguments ``re`` gave ``_sre.compile`` and :mod:`.tablecache` keeps them in
``data/cache/regex.TAG.bin``; :func:`compile` replays them.

Why the result is the same pattern.  The arguments are recorded from ``re``'s own compiler (not
from a copy of it), and :func:`build` keeps a record only if replaying it gives a pattern equal to
``re.compile``'s (``re.Pattern`` equality compares the source, the flags and the whole program).
The file is keyed, like the other tables, on the package's sources and the interpreter's exact
version, and also on the engine's ``MAGIC`` and code size, so a record is never replayed by
another engine.  ``_sre.compile`` validates a program before using it; a record that fails, or an
expression with no record, is compiled by ``re.compile`` as before.

Only ``make screener-cache`` (``cli cache``, run by ``make venv``) writes the file: building it
compiles every expression (about a second), which a process that misses the file must not pay.
Without the file everything is compiled on first use, as before this module existed.
"""

from __future__ import annotations

import _sre
import re
import threading
from array import array
from re import _compiler
from typing import Any

from . import tablecache

NAME = "regex"
_CODE = "I"
# The engine's program words must fit the array type they are stored as.
USABLE = array(_CODE).itemsize == getattr(_sre, "CODESIZE", 0)

# (source, flags) of every expression asked for or registered in this process, for build().
_WANTED: dict[tuple[str, int], None] = {}
_TABLE: dict[tuple[str, int], tuple] | None = None
_LOCK = threading.Lock()


def _key_extra() -> bytes:
    return b"%d:%d" % (getattr(_sre, "MAGIC", 0), getattr(_sre, "CODESIZE", 0))


def register(source: str, flags: int = 0) -> None:
    """Note an expression that a module will compile later, so that :func:`build` includes it."""
    _WANTED.setdefault((source, int(flags)), None)


def _table() -> dict[tuple[str, int], tuple]:
    global _TABLE
    if _TABLE is None:
        table: Any = None
        digest = tablecache._unchanged_digest() if USABLE else None
        if digest is not None:
            table = tablecache.read(NAME, tablecache.cache_key(NAME, _key_extra(), digest=digest))
        _TABLE = table if isinstance(table, dict) else {}
        if _TABLE:
            tablecache.LOADED.add(NAME)
    return _TABLE


def _replay(record: tuple) -> re.Pattern[str]:
    lists, args = record
    args = list(args)
    for i in lists:
        args[i] = array(_CODE, args[i]).tolist()
    return _sre.compile(*args)


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's stand-in
    """``re.compile(source, flags)``, from the stored program when there is one."""
    flags = int(flags)
    register(source, flags)
    record = _table().get((source, flags))
    if record is not None:
        try:
            return _replay(record)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            pass  # not a program this engine accepts: compile it
    return re.compile(source, flags)


class _Recorder:
    """Stands in for the ``_sre`` module inside ``re._compiler`` while one expression is compiled,
    keeping the arguments of its ``compile`` call."""

    def __init__(self) -> None:
        self.args: tuple | None = None

    def compile(self, *args):
        self.args = args
        return _sre.compile(*args)

    def __getattr__(self, name: str):
        return getattr(_sre, name)


def record(source: str, flags: int = 0) -> tuple | None:
    """What :func:`compile` replays for ``source``: the indexes of the program arguments and the
    arguments, programs as bytes; None when it cannot be recorded faithfully here."""
    if not USABLE or getattr(_compiler, "_sre", None) is not _sre:
        return None
    recorder = _Recorder()
    with _LOCK:
        _compiler._sre = recorder
        try:
            _compiler.compile(source, flags)
        finally:
            _compiler._sre = _sre
    if recorder.args is None:
        return None
    lists = tuple(i for i, a in enumerate(recorder.args) if isinstance(a, list))
    try:
        args = tuple(array(_CODE, a).tobytes() if i in lists else a for i, a in enumerate(recorder.args))
        stored = (lists, args)
        same = _replay(stored) == re.compile(source, flags)
    except (RuntimeError, TypeError, ValueError, OverflowError):
        return None
    return stored if same else None


def build(sources: list[tuple[str, int]] | None = None) -> int:
    """Record every expression wanted in this process (and ``sources``) and store them; the
    number stored, or -1 when the file could not be written (or the cache is off)."""
    digest = tablecache._unchanged_digest() if USABLE else None
    if digest is None:
        return -1
    wanted = dict(_WANTED)
    wanted.update(dict.fromkeys((s, int(f)) for s, f in sources or ()))
    table = {}
    for source, flags in wanted:
        stored = record(source, flags)
        if stored is not None:
            table[(source, flags)] = stored
    if tablecache._unchanged_digest() != digest:
        return -1
    if not tablecache.write(NAME, tablecache.cache_key(NAME, _key_extra(), digest=digest), table):
        return -1
    global _TABLE
    _TABLE = table
    return len(table)
