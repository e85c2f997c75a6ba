"""Render the web app manifest's PNG icons from the SVGs beside them (hearthside/static/hearthside/icons/).

The PNGs are committed; run this again after changing an SVG:

    .venv/bin/python scripts/make_icons.py

It draws with the system Chromium through Playwright (the browser tests' own), so no image library
is needed. Sizes: 192 and 512 (Android, desktop installs), 180 (apple-touch-icon), maskable 512.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "hearthside" / "static" / "hearthside" / "icons"
SIZES = [("icon.svg", 192, "icon-192.png"), ("icon.svg", 512, "icon-512.png"),
         ("icon-maskable.svg", 180, "apple-touch-icon.png"), ("icon-maskable.svg", 512, "icon-maskable-512.png")]


def main() -> int:
    sys.path.insert(0, str(ICONS.parents[3]))
    from playwright.sync_api import sync_playwright

    from hearthside.testing.browser import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for source, size, target in SIZES:
                page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
                svg = (ICONS / source).read_text(encoding="utf-8")
                page.set_content(f"<!doctype html><style>html,body{{margin:0;background:transparent}}"
                                 f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}")
                page.screenshot(path=str(ICONS / target), omit_background=True)
                page.close()
                print(f"wrote {target} ({size}×{size})")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
