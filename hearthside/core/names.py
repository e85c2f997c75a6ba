"""Names people see: refuse look-alikes (Unicode confusables, UTS #39) so nobody can pose as
someone else with a name that only differs in an invisible way ("Victim Vеe" with a Cyrillic е).

Uses the maintained ``confusable_homoglyphs`` data (Unicode's confusables.txt).
"""

from __future__ import annotations

import functools
import unicodedata

from confusable_homoglyphs import confusables


@functools.lru_cache(maxsize=4096)
def _latin_like(char: str) -> str:
    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin", "common"])
    if found:
        for glyph in found[0]["homoglyphs"]:
            if len(glyph["c"]) == 1 and glyph["c"].isascii():
                return glyph["c"].lower()
    return char


def skeleton(name: str) -> str:
    """What a name looks like: compatibility-normalised, case-folded, each character replaced by
    the Latin character it can be mistaken for, spaces collapsed and invisible characters dropped.
    Two names with the same skeleton look the same to a reader."""
    text = unicodedata.normalize("NFKC", name or "")
    out = []
    for char in text:
        if unicodedata.category(char) in ("Cf", "Mn", "Me"):  # zero-width joiners, combining marks
            continue
        # Before case-folding: a capital Cyrillic В passes for a B, its small в for nothing Latin.
        out.append(" " if char.isspace() else _latin_like(char).casefold())
    return " ".join("".join(out).split())


def mixes_lookalike_scripts(name: str) -> bool:
    """A name mixing alphabets where one has characters that pass for another's: a disguise."""
    return bool(confusables.is_dangerous(unicodedata.normalize("NFKC", name or "")))


def keep_skeleton(instance, save_kwargs: dict) -> None:
    """Before ``instance.save(**save_kwargs)``: store the skeleton of its ``pseudonym`` in
    ``pseudonym_skeleton`` (what uniqueness of look-alike names is checked on), and save that field
    too when only some fields are saved. Shared by the account and the peer profile."""
    instance.pseudonym_skeleton = skeleton(instance.pseudonym)[:80]
    update_fields = save_kwargs.get("update_fields")
    if update_fields is not None and "pseudonym" in update_fields:
        save_kwargs["update_fields"] = {*update_fields, "pseudonym_skeleton"}
