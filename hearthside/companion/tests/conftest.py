"""Fixtures the companion's test files share."""

from __future__ import annotations

import pytest

from hearthside.accounts.actions import do_give_consent
from hearthside.companion.engine import Companion
from hearthside.conftest import make_user


@pytest.fixture(scope="module")
def companion():
    """The offline engine with its defaults. It keeps no conversation of its own (each turn
    carries its state), so one instance serves a whole test module."""
    return Companion()


@pytest.fixture
def person(db):
    """Sam, in Britain, who has allowed automated features (the companion needs that)."""
    user = make_user("sam", country="GB", pseudonym="Sam")
    do_give_consent(user, "ai_features")
    return user
