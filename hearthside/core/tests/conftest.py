"""Fixtures for browser tests: the system Chromium via Playwright, against pytest-django's live server.

They live in hearthside.testing.browser_fixtures so every app's browser tests share them.
"""

from __future__ import annotations

from hearthside.testing.browser_fixtures import browser_context, chromium, page  # noqa: F401
