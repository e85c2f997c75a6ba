"""Community personas for every test here: a group, another group, and its people (see forum_fixtures)."""

from __future__ import annotations

from .forum_fixtures import group_fixture, other_group_fixture, people_fixture  # noqa: F401  (pytest fixtures)
