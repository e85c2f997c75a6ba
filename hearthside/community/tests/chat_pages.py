"""Members on a group's page in a real browser, the live chat connected (for browser tests)."""

from __future__ import annotations

import contextlib

from hearthside.testing.browser import PageAudit, log_in, new_context

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@contextlib.contextmanager
def chat_pages(chromium, server: str, group, users, *, locale: str):
    """Log each of ``users`` in (the first at phone width), open ``group``'s page and wait until its
    chat is connected. Yields the pages, in the order of ``users``, and the audit that watches them."""
    from playwright.sync_api import expect

    contexts = []
    try:
        audit = PageAudit()
        pages = []
        for k, user in enumerate(users):
            ctx = new_context(chromium, server, locale=locale, **(PHONE if k == 0 else {}))
            ctx.set_default_timeout(15_000)
            contexts.append(ctx)
            log_in(ctx, user, server)
            page = ctx.new_page()
            audit.watch(page)
            page.goto(f"/groups/{group.slug}/")
            expect(page.locator("#chat-status")).not_to_have_text("connecting…", timeout=30_000)
            pages.append(page)
        yield pages, audit
    finally:
        for ctx in contexts:
            ctx.close()
