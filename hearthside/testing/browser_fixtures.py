"""pytest fixtures for browser tests; ``hearthside/conftest.py`` makes them available to every app.

Chromium is started once per test module, not once per session. Playwright's sync API runs an
asyncio loop in the test thread for as long as it is started; a session-wide browser would leave
that loop running through every later test in the process, where ``async_to_sync`` (channels
tests, websocket events sent after commit) refuses to run and Django's async-safety guard trips
on every ORM call. Per module, the loop is gone again when a browser test file ends, and
``DJANGO_ALLOW_ASYNC_UNSAFE`` is set only while it runs.
"""

from __future__ import annotations

import contextlib
import os

import pytest

from hearthside.testing import browser as hs_browser

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@contextlib.contextmanager
def system_chromium(*extra_args: str):
    """Headless Debian Chromium with the project's flags and ``extra_args``, for the body of a
    module-scoped fixture; skips the tests when it is not installed.

    A test module that needs other flags overrides the ``chromium`` fixture with its own, e.g. a
    fake camera and microphone::

        @pytest.fixture(scope="module")
        def chromium():
            with system_chromium("--use-fake-device-for-media-stream") as browser:
                yield browser
    """
    if not hs_browser.chromium_available():
        pytest.skip(hs_browser.MISSING_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    # The sync API's loop makes Django think every ORM call in the test comes from async code;
    # the test really is synchronous, so say so, for as long as the browser runs.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = hs_browser.launch_chromium(playwright, *extra_args)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="module")
def chromium():
    """Headless Debian Chromium for one test module; skips when it is not installed."""
    with system_chromium() as browser:
        yield browser


@pytest.fixture
def open_live_context(chromium, live_server):
    """``open_live_context(user=None, *, otp_device=None, timeout_ms=15_000, **options)``: a new
    visitor on pytest-django's live server (WSGI: no websockets), logged in as ``user`` when given
    (:func:`hearthside.testing.browser.open_context`). Each is closed when the test ends."""
    with hs_browser.context_pool(chromium, live_server.url) as open_:
        yield open_


@pytest.fixture
def browser_context(open_live_context):
    """A fresh visitor (no cookies) pointed at pytest-django's live server (WSGI: no websockets)."""
    return open_live_context()


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()


@pytest.fixture
def audit(page):
    """axe-core and screenshots for every page visited; call ``audit.assert_clean()`` at the end."""
    log = hs_browser.PageAudit()
    log.watch(page)
    return log


@pytest.fixture
def asgi_server(transactional_db):
    """Base URL of uvicorn serving hearthside.asgi (HTTP and /ws/events/) on the test database."""
    with hs_browser.serve_asgi() as url:
        yield url


@pytest.fixture
def open_asgi_context(chromium, asgi_server):
    """``open_asgi_context(user=None, **options)``: a new visitor on the ASGI server, for pages that
    use the event socket; otherwise as ``open_live_context``."""
    with hs_browser.context_pool(chromium, asgi_server) as open_:
        yield open_


@pytest.fixture
def asgi_context(open_asgi_context):
    """A fresh visitor pointed at the ASGI server, for pages that use the event socket."""
    return open_asgi_context()
