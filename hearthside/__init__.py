"""Hearthside: a self-hostable platform for online emotional-health services."""

__version__ = "0.1.0"
