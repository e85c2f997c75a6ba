"""Result types of the crisis-language screener (stable public interface)."""

from __future__ import annotations

from dataclasses import dataclass, field

LEVELS: tuple[str, ...] = ("none", "low", "moderate", "high", "imminent")
# Languages the screener reads (rules and shipped model). An interface language must be one of
# these (system check hearthside.safety.E001); text in any other is routed to a person.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")
LEVEL_INDEX = {name: i for i, name in enumerate(LEVELS)}

# Each level owns a fifth of [0, 1]; evidence strength moves a score within its
# band only, so ordering by score never contradicts ordering by level.
_BAND = 0.2


def score_for(level: str, strength: float = 0.0) -> float:
    idx = LEVEL_INDEX[level]
    strength = min(max(strength, 0.0), 1.0)
    if idx == 0:
        return round(0.15 * strength, 3)
    return round(idx * _BAND + 0.19 * strength, 3) if idx < len(LEVELS) - 1 else round(0.8 + 0.2 * strength, 3)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a text got its level.

    ``spans`` are ``(start, end)`` offsets into the original text, so
    ``text[start:end]`` is the evidence.  ``modifiers`` record context that
    changed how the evidence counted (``negated``, ``hypothetical``,
    ``quoted``, ``third_person``, ``past`` ...).
    """

    construct: str
    label: str
    spans: tuple[tuple[int, int], ...] = ()
    modifiers: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "construct": self.construct,
            "label": self.label,
            "spans": [[s, e] for s, e in self.spans],
            "modifiers": list(self.modifiers),
        }


@dataclass(frozen=True, slots=True)
class Screening:
    level: str
    score: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.level not in LEVEL_INDEX:
            raise ValueError(f"unknown level {self.level!r}")

    @property
    def level_index(self) -> int:
        return LEVEL_INDEX[self.level]

    def at_least(self, level: str) -> bool:
        return LEVEL_INDEX[self.level] >= LEVEL_INDEX[level]

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "score": self.score,
            "reasons": [r.to_dict() for r in self.reasons],
        }


NONE = Screening("none", 0.0, ())
