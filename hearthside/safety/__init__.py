"""Safety features.  The crisis-language screener is importable without Django:

>>> from hearthside.safety import screen, Screening, Reason, LEVELS
>>> screen("I'm going to kill myself tonight").level
'imminent'

``screen`` is loaded on first use (building its phrase tables takes a moment),
so importing this Django app stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hearthside.safety.screening.result import LEVELS, Reason, Screening

if TYPE_CHECKING:
    from hearthside.safety.screening.screener import Screener, screen, screen_many

__all__ = ["LEVELS", "Reason", "Screening", "Screener", "screen", "screen_many"]

_LAZY = {"screen", "screen_many", "Screener"}


def __getattr__(name: str):
    if name in _LAZY:
        from hearthside.safety.screening import screener

        value = getattr(screener, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
