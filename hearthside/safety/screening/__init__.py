"""Crisis-language screener (pure Python; never imports Django).

>>> from hearthside.safety.screening import screen
>>> screen("I'm going to kill myself tonight").level
'imminent'

The rule tables are built on first use of ``screen``/``screen_many``/``Screener``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# First, so that the sources the cached tables are derived from are hashed before any of
# them is read (see tablecache).
from . import tablecache  # noqa: F401  # isort: skip
from .result import LEVELS, SUPPORTED_LANGUAGES, Reason, Screening

if TYPE_CHECKING:
    from .screener import Screener, screen, screen_many

__all__ = ["LEVELS", "SUPPORTED_LANGUAGES", "Reason", "Screening", "Screener", "screen", "screen_many"]

_LAZY = {"screen", "screen_many", "Screener"}


def __getattr__(name: str):
    if name in _LAZY:
        from . import screener

        value = getattr(screener, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
