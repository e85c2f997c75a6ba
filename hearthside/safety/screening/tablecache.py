"""Build-once cache of the screener's derived tables (standard library only).

Building the rules' token trie from the phrase tables (:mod:`.engine`), finding the words each
Spanish pattern needs (:mod:`.es`, see :mod:`.es_cache`) and parsing the shipped model's gzipped
JSON (:mod:`.base_model`) cost about a second of CPU at every process start, which dominated a
short ``hearthside screen`` run.  Each result is kept in ``data/cache/NAME.TAG.bin`` beside the
code (TAG: the interpreter, e.g. ``cpython-311``) and reused while its key matches.

Why it cannot go stale.  A file's key is a SHA-256 of everything its content is derived from:
every module of this package, ``data/lexicon.json``, the interpreter version, this format's
version, and whatever the caller adds (the model artefact's bytes).  The package's sources are
hashed when the package is imported, before any of its modules is read, and again when a file
is read or written: if they differ (someone is editing a table while this process runs) the
cache is neither read nor written, and the tables are built from what was imported.  So an edit
to a phrase table, the build code or the model changes the key, and the old file is ignored and
replaced.  A file whose content does not match the SHA-256 in its header (a torn or corrupted
copy) is ignored as well.

Why it is safe to read.  The content is plain data written with :mod:`marshal` (numbers,
strings, tuples, lists, dicts, sets): reading it runs no code, unlike pickle.  Only the
package's own ``data/cache`` directory is read, never the current directory or a path from the
environment, so whoever can write the cache can already change the code next to it.  It is
written by ``make screener-cache`` (run by ``make venv``) or, where the directory is writable, by
the first process that misses it (to a temporary file then renamed, so a reader never sees half
a file).  Where it cannot be written the tables are built in memory, as before.
``HEARTHSIDE_SCREENER_CACHE=0`` turns the cache off (read and write).
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

PACKAGE_DIR = Path(__file__).resolve().parent
CACHE_DIR = PACKAGE_DIR / "data" / "cache"
# Part of every key.  How a value is laid out is code of this package, so a change to it already
# changes the key; this is the version of the file format itself.
FORMAT = 1
_MAGIC = b"HSTCACHE"
_HEADER = len(_MAGIC) + 32 + 32  # magic, key, SHA-256 of the content
_DATA_FILES = ("data/lexicon.json",)


def sources_digest(package_dir: Path = PACKAGE_DIR) -> bytes | None:
    """SHA-256 over the package's modules and data files that tables are derived from; None when
    a source cannot be read (an install without ``.py`` files): then nothing is cached."""
    h = hashlib.sha256()
    try:
        names = sorted(p.name for p in package_dir.glob("*.py"))
        if not names:
            return None
        for rel in names + list(_DATA_FILES):
            data = (package_dir / rel).read_bytes()
            h.update(b"%s\0%d\0" % (rel.encode(), len(data)))
            h.update(data)
    except OSError:
        return None
    return h.digest()


# Taken when the package is imported (its __init__ imports this module first), before any
# module that tables are built from has been read.
_IMPORT_DIGEST = sources_digest()
# Names this process loaded from the cache rather than built (for tests and benchmarks).
LOADED: set[str] = set()


def enabled() -> bool:
    return os.environ.get("HEARTHSIDE_SCREENER_CACHE", "1").strip().lower() not in ("0", "off", "false", "no")


def _unchanged_digest() -> bytes | None:
    """The sources' digest, or None when they changed since the package was imported."""
    if _IMPORT_DIGEST is None or not enabled():
        return None
    now = sources_digest()
    return now if now == _IMPORT_DIGEST else None


def cache_key(name: str, *extra: bytes, digest: bytes) -> bytes:
    h = hashlib.sha256()
    for part in (_MAGIC, str(FORMAT).encode(), name.encode(), sys.implementation.cache_tag.encode(),
                 sys.version.encode(), str(marshal.version).encode(), digest, *extra):
        h.update(b"%d\0" % len(part))
        h.update(part)
    return h.digest()


@contextmanager
def no_gc() -> Iterator[None]:
    """Build or load many small containers without the cyclic collector re-scanning them
    (about a tenth of the time of building the rules' tables)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def path_for(name: str, directory: Path | None = None) -> Path:
    # One file per interpreter version, so that two virtual environments on one checkout do not
    # keep replacing each other's.
    return (directory or CACHE_DIR) / f"{name}.{sys.implementation.cache_tag}.bin"


def read(name: str, key: bytes, directory: Path | None = None) -> Any | None:
    """The value stored under ``name`` if its key is ``key`` and its content is intact."""
    try:
        raw = path_for(name, directory).read_bytes()
    except OSError:
        return None
    if len(raw) < _HEADER or raw[:len(_MAGIC)] != _MAGIC or raw[len(_MAGIC):len(_MAGIC) + 32] != key:
        return None
    body = memoryview(raw)[_HEADER:]
    if hashlib.sha256(body).digest() != raw[len(_MAGIC) + 32:_HEADER]:
        return None
    try:
        with no_gc():
            return marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None


def write(name: str, key: bytes, value: Any, directory: Path | None = None) -> bool:
    """Store ``value`` (plain data) under ``name``; False when that is not possible here."""
    try:
        body = marshal.dumps(value)
    except ValueError:
        return False
    directory = directory or CACHE_DIR
    tmp = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + key + hashlib.sha256(body).digest())
            fh.write(body)
        # mkstemp makes the file private; the tables are derived from public sources.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path_for(name, directory))
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def cached(name: str, build: Callable[[], T], encode: Callable[[T], Any], decode: Callable[[Any], T],
           *extra: bytes) -> T:
    """``build()``, or its stored form decoded when a valid one exists; a fresh build is stored.

    ``encode`` turns the value into plain data for :mod:`marshal`; ``decode`` turns it back and
    must give a value equal to ``build()``'s.  ``extra`` are further inputs for the key.
    """
    digest = _unchanged_digest()
    if digest is None:
        return build()
    key = cache_key(name, *extra, digest=digest)
    with no_gc():
        stored = read(name, key)
        if stored is not None:
            try:
                value = decode(stored)
            except (TypeError, ValueError, KeyError, IndexError):
                pass  # a layout this code does not expect: rebuild and replace it
            else:
                LOADED.add(name)
                return value
    value = build()
    # Written only if the sources are still those hashed above, i.e. those the value was built from.
    if _unchanged_digest() == digest:
        write(name, key, encode(value))
    return value


# A few messages in both languages, alone and after earlier ones, for main()'s warm-up.
_WARM_UP = (
    ("I can't do this anymore, I have the pills here and tonight is the night.", None),
    ("goodbye everyone, thanks for everything", ["i'm done", "nobody would notice"]),
    ("Ya no aguanto más, tengo las pastillas y esta noche me las tomo todas.", None),
    ("adiós a todos, gracias por todo", ["ya no puedo", "nadie lo notaría"]),
    ("lol jk i'm fine, the exam killed me", ["this exam is going to kill me"]),
)


def main() -> int:
    """Write whatever cache is missing or stale: ``python -m hearthside.safety.screening.cli cache``
    (``make screener-cache``)."""
    if not enabled():
        print("tablecache: HEARTHSIDE_SCREENER_CACHE turns the cache off", file=sys.stderr)
        return 1
    from . import base_model, engine, es, rxcache, screener

    es.patterns()
    model = base_model.default()
    # The expressions some modules compile only when a text needs them: screening a few texts
    # makes rxcache know them; every Spanish phrase pattern is added by name.
    for text, earlier in _WARM_UP:
        screener.screen(text, history=earlier)
    stored = rxcache.build([(src, 0) for _, _, src in es.sources()])
    names = ["rules", "es_sources", "es_keys"] + (["base_model"] if model is not None else []) + ([rxcache.NAME] if stored >= 0 else [])
    if _unchanged_digest() is None:
        print("tablecache: the sources changed while the tables were built; run again", file=sys.stderr)
        return 1
    missing = [n for n in names if not path_for(n).is_file()]
    if missing:
        print(f"tablecache: cannot write {', '.join(missing)} under {CACHE_DIR}", file=sys.stderr)
        return 1
    sizes = ", ".join(f"{path_for(n).name} {path_for(n).stat().st_size // 1024} KiB" for n in names)
    print(f"tablecache: {CACHE_DIR} holds {sizes} ({len(engine._START)} start words)")
    return 0
