"""The language a message is written in when it is for someone other than the reader of the page.

E-mails, in-app notifications, push pages and texts are composed in the recipient's chosen
language (``User.language``), not in the language of whoever caused them (a moderator, a
practitioner, a worker with no language at all).
"""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation


def offered_language(code: str | None) -> str:
    """``code``'s base language ("es-MX" → "es") when the site offers it, else the site's default."""
    base = (code or "").split("-")[0].lower()
    return base if base in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def language_of(user) -> str:
    """``user``'s chosen language (a user or a user id), or the site's default."""
    if isinstance(user, int):
        code = get_user_model().objects.filter(pk=user).values_list("language", flat=True).first()
    else:
        code = getattr(user, "language", None)
    return offered_language(code)


@contextmanager
def in_language_of(user):
    """Translate what is composed inside the block into ``user``'s chosen language."""
    with translation.override(language_of(user)):
        yield
