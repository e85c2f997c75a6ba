"""Translations a test supplies itself, so that it can prove a string reaches the page through
gettext without waiting for the catalogue (``hearthside/locale``) to have it.

    with extra_translations("es", {"Group chat": "Chat del grupo", pgettext_key("emotion", "calm"): "en calma"}):
        ...  # pages rendered in Spanish show "Chat del grupo"

Entries are added to the language's loaded catalogue (the one Django's gettext reads in this
process, so a live server thread of the test sees them too) and taken out again afterwards; an
entry the catalogue already had gets its own translation back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

CONTEXT_SEPARATOR = "\x04"  # how gettext keys a msgid with a msgctxt


def pgettext_key(context: str, msgid: str) -> str:
    return f"{context}{CONTEXT_SEPARATOR}{msgid}"


@contextmanager
def extra_translations(language: str, entries: dict[str, str]) -> Iterator[None]:
    from django.utils.translation import trans_real

    # The first dictionary of Django's merged catalogue is the one its gettext looks in first.
    catalogue = trans_real.translation(language)._catalog._catalogs[0]
    missing = object()
    before = {msgid: catalogue.get(msgid, missing) for msgid in entries}
    catalogue.update(entries)
    try:
        yield
    finally:
        for msgid, value in before.items():
            if value is missing:
                catalogue.pop(msgid, None)
            else:
                catalogue[msgid] = value
