"""Browser fixtures for the self-help tests (shared with every app's browser tests)."""

from __future__ import annotations

from hearthside.testing.browser_fixtures import audit, browser_context, chromium, page  # noqa: F401
