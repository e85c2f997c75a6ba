"""Browser fixtures for the community tests (an ASGI server: group chat uses the event socket)."""

from __future__ import annotations

from hearthside.testing.browser_fixtures import (  # noqa: F401
    asgi_context,
    asgi_server,
    audit,
    browser_context,
    chromium,
    page,
)
