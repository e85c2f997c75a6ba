"""Translation that works with and without Django: the CLI runs the engine with no settings."""

from __future__ import annotations


def _(message: str) -> str:
    try:
        from django.conf import settings

        if settings.configured:
            from django.utils.translation import gettext

            return gettext(message)
    except Exception:  # noqa: BLE001 - no Django, or no app registry yet: the English text
        pass
    return message
