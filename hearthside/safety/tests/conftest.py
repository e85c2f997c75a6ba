"""Browser fixtures for the safety tests: the shared Chromium fixtures plus an ASGI server for websockets."""

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


@pytest.fixture
def asgi_server(transactional_db):
    """Base URL of uvicorn serving hearthside.asgi (HTTP and /ws/events/) on the test database."""
    with hs_browser.serve_asgi() as url:
        yield url


@pytest.fixture
def asgi_context(chromium, asgi_server):  # noqa: F811
    context = hs_browser.new_context(chromium, asgi_server)
    context.set_default_timeout(15_000)
    try:
        yield context
    finally:
        context.close()
