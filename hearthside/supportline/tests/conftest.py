"""Fixtures the support line's test files share: the supporter on the line and their supervisor."""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user


@pytest.fixture
def supporter(db):
    return make_user("alex", "peer_supporter", pseudonym="Alex")


@pytest.fixture
def supervisor(db):
    return make_user("lee", "clinical_supervisor", pseudonym="Dr Lee")
