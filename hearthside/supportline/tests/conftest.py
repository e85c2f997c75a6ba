"""Browser fixtures for the support-line tests (an ASGI server for pages that use websockets)."""

from __future__ import annotations

from hearthside.testing.browser_fixtures import (  # noqa: F401
    asgi_context,
    asgi_server,
    audit,
    browser_context,
    chromium,
    page,
)
