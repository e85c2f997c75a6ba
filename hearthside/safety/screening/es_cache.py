"""The Spanish rules' pattern tables, from the cache, each expression compiled on first use.

On the first text that needs the Spanish rules, :func:`.es.patterns` finds the words each of its
expressions requires (by parsing every one of them) and compiles them all: about 0.4 s of CPU on
a slow core, the largest part of a short ``hearthside screen`` run with Spanish in it.
:func:`prime` fills the same tables in the same way beforehand, with the required words kept by
:mod:`.tablecache` and each expression compiled when a text first needs it (a stream of chat
messages uses about a third of them).

It stands in for ``es.patterns()`` only while that function is exactly the one this module was
written against (its source's digest is compared with :data:`PATTERNS_SHA256`) and the sources are those
the process imported; otherwise ``es`` builds its tables itself, as before.  It lives outside
es.py so that the Spanish tables can be edited without touching it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import es, rxcache, tablecache

# SHA-256 of the source of ``es.patterns()`` this module replicates (its text from "def" to the
# end of the function, as :func:`_function_source` cuts it).  When that function changes, bring
# :func:`prime` in line with it and put the new digest here (test_screening_cache says which).
PATTERNS_SHA256 = "44ffb2acfad7b12669c38d52c6a981769b0d768616d2584458f9def523319c1e"


class LazyPattern:
    """``re.compile(source)``, done on first use; any attribute is the compiled pattern's."""

    __slots__ = ("source", "_rx")

    def __init__(self, source: str) -> None:
        self.source = source
        self._rx: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = rxcache.compile(self.source)
        return self._rx

    def finditer(self, string: str, *args):
        return (self._rx or self.compiled()).finditer(string, *args)

    def search(self, string: str, *args):
        return (self._rx or self.compiled()).search(string, *args)

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)


def _function_source(text: str, header: str) -> str | None:
    start = text.find("\n" + header)
    if start < 0:
        return None
    lines = text[start + 1:].split("\n")
    end = next((k for k, line in enumerate(lines[1:], 1) if line and not line[0].isspace()), len(lines))
    return "\n".join(lines[:end]).rstrip("\n") + "\n"


def matches_es() -> bool:
    """True when ``es.patterns`` is the function this module replicates, as imported."""
    if tablecache._unchanged_digest() is None:  # off, or es.py may differ from what was imported
        return False
    if es.Pat._fields != ("construct", "flags", "rx", "keys"):
        return False
    try:
        text = Path(es.__file__).read_text(encoding="utf-8")
    except (OSError, TypeError, UnicodeDecodeError):
        return False
    return patterns_digest(text) == PATTERNS_SHA256


def patterns_digest(es_text: str) -> str | None:
    """SHA-256 of ``es.patterns()``'s source in ``es_text`` (None when it is not there)."""
    source = _function_source(es_text, "def patterns() -> list[Pat]:")
    return None if source is None else hashlib.sha256(source.encode()).hexdigest()


def _encode_sources(srcs: list[tuple[str, frozenset[str], str]]) -> list[tuple[str, tuple[str, ...], str]]:
    return [(c, tuple(sorted(f)), src) for c, f, src in srcs]


def _decode_sources(stored: list) -> list[tuple[str, frozenset[str], str]]:
    return [(c, frozenset(f), src) for c, f, src in stored]


def prime() -> bool:
    """Fill es's pattern tables as ``es.patterns()`` would, unless they are built already or that
    function has changed; True when done here."""
    if es._PATTERNS or not matches_es():
        return False
    srcs = tablecache.cached("es_sources", es.sources, _encode_sources, _decode_sources)
    if not es._SOURCES:  # es.sources() gives the same list from now on
        es._SOURCES.extend(srcs)
    required = tablecache.cached("es_keys", lambda: [es._required_keys(src) for _, _, src in srcs], list, list)
    if len(required) != len(srcs):
        return False
    index: dict[str, list[int]] = {}
    patterns = []
    for k, ((c, f, src), keys) in enumerate(zip(srcs, required, strict=True)):
        patterns.append(es.Pat(c, f, LazyPattern(src), keys))
        if keys is None:
            es._ALWAYS.append(k)
        else:
            for key in keys:
                index.setdefault(key, []).append(k)
    es._KEY_INDEX.update((key, tuple(v)) for key, v in index.items())
    es._KEY_SET.update(es._KEY_INDEX)
    # Last: es.patterns() builds its own tables until this list is filled.
    es._PATTERNS.extend(patterns)
    return True
