"""Crisis-language screener (pure Python; never imports Django).

>>> from hearthside.safety.screening import screen
>>> screen("I'm going to kill myself tonight").level
'imminent'
"""

from __future__ import annotations

from .result import LEVELS, Reason, Screening
from .screener import Screener, screen, screen_many

__all__ = ["LEVELS", "Reason", "Screening", "Screener", "screen", "screen_many"]
