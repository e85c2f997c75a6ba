"""The companion's engines. Importable without Django (``hearthside companion-chat`` uses it)."""

from .dialogue import Analysis, Companion, Turn, analyse, new_state

__all__ = ["Analysis", "Companion", "Turn", "analyse", "new_state"]
