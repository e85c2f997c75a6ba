"""The companion's languages (English and Spanish), with and without Django.

The engine answers in the person's language: the language of the message when it is clear, the
language of the conversation so far when it is not ("ok", "nvm"), and the interface language
(Django's active language, or what the caller passes) before anything has been said. A Spanish
message gets a Spanish reply under an English interface, and the other way round.

``_`` translates with the reply language of the current turn (a context variable that
``Companion.respond`` sets), not with Django's active language: the engine's own table first
(:mod:`.es`, every text the engine says), then the project's compiled catalogue
(``hearthside/locale/es/LC_MESSAGES/django.mo``, read with the standard library, so the
``hearthside companion-chat`` command without Django says the same), then the English text.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
import re
from functools import cache
from pathlib import Path

from . import lexicon

LANGUAGES = ("en", "es")
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"

# The reply language of the turn being built; None outside a turn (then Django's active language).
CURRENT: contextvars.ContextVar = contextvars.ContextVar("companion_language", default=None)


def normalise(code) -> str | None:
    """"es-MX" → "es"; anything not English or Spanish → None."""
    if not code or not isinstance(code, str):
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def django_language() -> str | None:
    try:
        from django.conf import settings

        if settings.configured:
            from django.utils.translation import get_language

            return normalise(get_language())
    except Exception:  # noqa: BLE001 - no Django, or no app registry yet
        pass
    return None


def current() -> str:
    return CURRENT.get() or django_language() or "en"


@contextlib.contextmanager
def using(lang: str | None):
    token = CURRENT.set(normalise(lang) or "en")
    try:
        yield
    finally:
        CURRENT.reset(token)


_WORD = re.compile(r"[a-z']+")
_SPANISH_MARKS = re.compile(r"[ñ¿¡]|[áéíóú]")


def detect(text: str) -> str | None:
    """"es" or "en" when the message itself says which; None when it does not ("ok", "nvm", "7")."""
    if not text:
        return None
    words = _WORD.findall(lexicon.fold(text))
    es = sum(w in lexicon.SPANISH_WORDS for w in words)
    en = sum(w in lexicon.ENGLISH_WORDS for w in words)
    if _SPANISH_MARKS.search(text.lower()):
        es += 2
    if es > en:
        return "es"
    if en > es:
        return "en"
    return None


def reply_language(text: str, *, interface: str | None = None, conversation: str | None = None) -> str:
    """The language of the reply to ``text`` (see the module docstring)."""
    return detect(text) or normalise(conversation) or normalise(interface) or django_language() or "en"


@cache
def _catalogue(lang: str):
    return _gettext.translation("django", localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def translate(message: str, lang: str) -> str:
    if lang == "es":
        from .es import MESSAGES

        found = MESSAGES.get(message)
        if found:
            return found
        translated = _catalogue("es").gettext(message)
        return translated
    return message


def _(message: str) -> str:
    return translate(message, current())
