"""Fixtures for browser tests: the system Chromium via Playwright, against pytest-django's live server."""

from __future__ import annotations

import os

import pytest

from hearthside.testing import browser as hs_browser

# Playwright's sync API keeps an event loop running in the test thread, which trips Django's
# "you cannot call this from an async context" guard on every ORM call the test makes.
# The test really is synchronous, so tell Django so.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for the session; skips when it is not installed."""
    if not hs_browser.chromium_available():
        pytest.skip(hs_browser.MISSING_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as playwright:
        browser = hs_browser.launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_context(chromium, live_server):
    """A fresh visitor (no cookies) pointed at the live server."""
    context = hs_browser.new_context(chromium, live_server.url)
    context.set_default_timeout(15_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()
