"""What a person typed, checked once: the NUL bytes taken out, the ends trimmed, a limit on length.

    text = clean_text(text, "text", most=MAX_NOTE, empty=_("Write the note first."),
                      too_long=ngettext_lazy("Keep it under %(n)s character.",
                                             "Keep it under %(n)s characters.", "n"))

``too_long`` is a lazy plural whose number is named ``n`` (``ngettext_lazy(..., "n")``): it is
put in the reader's language when the refusal is raised, with the limit as ``n``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


def clean_text(value, field: str, *, most: int, too_long, empty=None) -> str:
    """``value`` without NUL bytes or surrounding white space; a ``ValidationError`` on ``field``
    with ``empty`` when nothing is left (only when ``empty`` is given) and with ``too_long`` when
    it is longer than ``most`` characters."""
    text = (value or "").replace("\x00", "").strip()
    if empty is not None and not text:
        raise ValidationError({field: [empty]})
    if len(text) > most:
        raise ValidationError({field: [too_long % {"n": most}]})
    return text


def from_iso(value, kind):
    """``value`` as a ``kind`` (``date`` or ``datetime``): one already, or ISO 8601 text; else None."""
    if isinstance(value, str):
        try:
            value = kind.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, kind) else None
