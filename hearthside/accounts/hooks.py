"""What feature apps add to account operations, registered in their ``AppConfig.ready`` so that
accounts imports no feature app (the contract in pyproject.toml).

Rows a feature holds for a person are exported and erased through ``core.personal_data``; what an
account event does to a feature's tables is a signal in ``accounts/signals.py``; and a section of
the export that is not rows of one model (the FHIR bundle) is registered here.
"""

from __future__ import annotations

from collections.abc import Callable

# Keys export_user_data writes itself.
_RESERVED = frozenset({"format", "version", "exported_at", "account", "data"})
_EXPORT_SECTIONS: dict[str, Callable] = {}


def export_section(name: str, build: Callable) -> None:
    """Add ``name`` to every export: ``build(user)`` returns it, or None when the person has nothing
    for it (the key is then left out)."""
    if name in _RESERVED:
        raise ValueError(f"{name!r} is written by the export itself")
    _EXPORT_SECTIONS[name] = build


def export_sections(user) -> dict:
    out = {}
    for name in sorted(_EXPORT_SECTIONS):
        value = _EXPORT_SECTIONS[name](user)
        if value is not None:
            out[name] = value
    return out
