"""What the screening tests pinned on the rules share.

``RULES`` screens with the rules alone (no shipped model), so a retrained model moves none of these
tests; ``ORDER`` ranks the levels; ``why`` says what a screening was made of, for failure messages.
"""

from __future__ import annotations

from hearthside.safety.screening import LEVELS
from hearthside.safety.screening.screener import Screener

ORDER = {name: i for i, name in enumerate(LEVELS)}
RULES = Screener(base=False)


def why(s) -> list:
    return [(r.construct, r.modifiers) for r in s.reasons]


def assert_at_least(text: str, least: str, history: list[str] | None = None) -> None:
    s = RULES.screen(text, history=history)
    assert ORDER[s.level] >= ORDER[least], (history, text, s.level, why(s))


def assert_at_most(text: str, most: str = "low", history: list[str] | None = None) -> None:
    s = RULES.screen(text, history=history)
    assert ORDER[s.level] <= ORDER[most], (history, text, s.level, why(s))
