"""Browser fixtures for the companion tests (pages use the websocket, so an ASGI server)."""

from __future__ import annotations

from hearthside.testing.browser_fixtures import (  # noqa: F401
    asgi_context,
    asgi_server,
    audit,
    browser_context,
    chromium,
    page,
)
