"""A tiny phrase-template language for the hand-written rule tables.

``"(want|wish) to [really] die"`` expands to every combination: ``(a|b c)``
is a choice (alternatives may be several words or empty), ``[x y]`` is
optional.  Groups nest.  Expansion happens once, at import.
"""

from __future__ import annotations

from itertools import product


def _parse(s: str, i: int = 0, closer: str | None = None) -> tuple[list[list[str]], int]:
    """Parse a sequence into a list of slots; each slot is a list of alternatives."""
    slots: list[list[str]] = []
    word = ""
    while i < len(s):
        c = s[i]
        if c in "([":
            if word:
                slots.append([word])
                word = ""
            end = ")" if c == "(" else "]"
            alts, i = _parse_alts(s, i + 1, end)
            if c == "[":
                alts = alts + [""]
            slots.append(alts)
            continue
        if closer is not None and c in "|)]":
            break
        if c == " ":
            if word:
                slots.append([word])
                word = ""
        else:
            word += c
        i += 1
    if word:
        slots.append([word])
    return slots, i


def _parse_alts(s: str, i: int, end: str) -> tuple[list[str], int]:
    alts: list[str] = []
    while True:
        slots, i = _parse(s, i, closer=end)
        alts.extend(_join(slots))
        if i >= len(s):
            raise ValueError(f"unclosed group in template {s!r}")
        c = s[i]
        i += 1
        if c == "|":
            continue
        if c == end:
            return alts, i
        raise ValueError(f"mismatched {c!r} in template {s!r}")


def _join(slots: list[list[str]]) -> list[str]:
    out = []
    for combo in product(*slots):
        out.append(" ".join(p for p in combo if p))
    return out


def expand(template: str) -> list[str]:
    slots, i = _parse(template)
    if i != len(template):
        raise ValueError(f"unbalanced template {template!r}")
    seen: dict[str, None] = {}
    for phrase in _join(slots):
        phrase = " ".join(phrase.split())
        if phrase:
            seen.setdefault(phrase, None)
    return list(seen)
