"""Safety features.  The crisis-language screener is importable without Django:

>>> from hearthside.safety import screen, Screening, Reason, LEVELS
>>> screen("I'm going to kill myself tonight").level
'imminent'

``screen`` is loaded on first use (building its phrase tables takes a moment),
so importing this Django app stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hearthside.safety import screening as _screening
from hearthside.safety.screening.result import LEVELS, Reason, Screening

if TYPE_CHECKING:
    from hearthside.safety.screening.screener import Screener, screen, screen_many

__all__ = ["LEVELS", "Reason", "Screening", "Screener", "screen", "screen_many"]


def __getattr__(name: str):
    # The screening package loads its tables lazily; pass the same names through.
    if name in _screening._LAZY:
        value = getattr(_screening, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
