"""Browser fixtures for the self-help tests, shared with the accounts browser tests."""

from __future__ import annotations

import pytest

# The session's Chromium, a fresh visitor on pytest-django's live server, and its page.
from hearthside.core.tests.conftest import browser_context, chromium, page  # noqa: F401
from hearthside.testing import browser as hs_browser


@pytest.fixture
def audit(page):  # noqa: F811 - the imported fixture
    log = hs_browser.PageAudit()
    log.watch(page)
    return log
