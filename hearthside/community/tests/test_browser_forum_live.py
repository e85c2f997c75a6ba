"""Two members in two Chromium contexts: while Ben reads the forum, Ana starts a thread and then
replies to one. Ben's open pages say so ("1 new thread — show", "New replies — show") without a
reload; "show" brings the new thread into the list and the reply into the thread, marked new.

Pages are checked with axe-core and saved as screenshots (forum-live-*.png). Needs Debian's
Chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.community.forum import actions as forum
from hearthside.community.models import Group, Membership, Post
from hearthside.testing.browser import TRACK_SOCKETS, PageAudit, log_in, new_context

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


def test_a_reader_sees_new_threads_and_replies_appear(chromium, asgi_context, asgi_server):
    from hearthside.conftest import make_user

    group = Group.objects.create(slug="mornings", name="Hard mornings", description="Getting up is the hard part.")
    ana, ben = make_user("ana", pseudonym="Ana"), make_user("ben", pseudonym="Ben")
    for person in (ana, ben):
        Membership.objects.create(group=group, user=person)
    first = forum.check_create_thread(ana, forum.viewer_for(ana, group), "Alarm clocks",
                                      "Mine goes off three times before I move.")
    log_in(asgi_context, ana, asgi_server)
    ben_context = new_context(chromium, asgi_server)
    ben_context.set_default_timeout(15_000)
    ben_context.add_init_script(TRACK_SOCKETS)
    log_in(ben_context, ben, asgi_server)
    audit = PageAudit()
    a, b = asgi_context.new_page(), ben_context.new_page()
    for p in (a, b):
        audit.watch(p)
    try:
        # -- A new thread while Ben looks at the list.
        b.goto(f"/groups/{group.slug}/forum/")
        expect(b.locator("#forum-live")).to_have_attribute("data-socket", "open", timeout=20_000)
        expect(b.locator("#forum-live")).to_have_attribute("aria-live", "polite")
        a.goto(f"/groups/{group.slug}/forum/")
        a.get_by_label("Title").fill("Small wins this week")
        a.get_by_label("Your message (Markdown)").fill("I made tea before checking my phone.")
        a.get_by_role("button", name="Post", exact=True).click()
        expect(a.locator("h1")).to_have_text("Small wins this week")
        banner = b.locator("#forum-live .forum-live-banner")
        expect(banner).to_contain_text("1 new thread", timeout=10_000)
        expect(b.locator("ul.link-list")).not_to_contain_text("Small wins this week")
        audit.visit(b, "forum-live-new-thread")
        banner.get_by_role("button", name="show").click()
        expect(b.locator("ul.link-list li").first).to_contain_text("Small wins this week")
        expect(b.locator("#forum-live .forum-live-banner")).to_have_count(0)

        # -- A reply while Ben reads the thread.
        b.goto(f"/groups/{group.slug}/forum/t/{first.thread.pk}/")
        expect(b.locator("#forum-live")).to_have_attribute("data-socket", "open", timeout=20_000)
        expect(b.locator("article")).to_have_count(1)
        a.goto(f"/groups/{group.slug}/forum/t/{first.thread.pk}/")
        a.get_by_label("Your message (Markdown)").fill("Same here. I put mine across the room now.")
        a.get_by_role("button", name="Reply", exact=True).click()
        expect(a.locator("article").last).to_contain_text("across the room")
        banner = b.locator("#forum-live .forum-live-banner")
        expect(banner).to_contain_text("New replies", timeout=10_000)
        expect(b.locator("article")).to_have_count(1)
        audit.visit(b, "forum-live-new-replies")
        banner.get_by_role("button", name="show").click()
        added = b.locator("article").nth(1)
        expect(added).to_contain_text("across the room")
        expect(added).to_contain_text("Ana")
        expect(added.locator(".badge-on")).to_have_text("new")  # the unread marker
        expect(added).to_be_focused()
        expect(b.locator("#forum-live .forum-live-banner")).to_have_count(0)
        audit.visit(b, "forum-live-replies-shown", dark=True)

        # -- Ben's connection drops while Ana replies again; when it is back, the page catches up.
        ben_context.set_offline(True)
        b.evaluate("window.__sockets.forEach(s => s.close())")
        expect(b.locator("#forum-live")).to_have_attribute("data-socket", "closed", timeout=10_000)
        a.get_by_label("Your message (Markdown)").fill("Tomorrow I will try the kettle first.")
        a.get_by_role("button", name="Reply", exact=True).click()
        expect(a.locator("article").last).to_contain_text("kettle first")
        ben_context.set_offline(False)
        expect(b.locator("#forum-live")).to_have_attribute("data-socket", "open", timeout=30_000)
        banner = b.locator("#forum-live .forum-live-banner")
        expect(banner).to_contain_text("New replies", timeout=10_000)
        banner.get_by_role("button", name="show").click()
        expect(b.locator("article")).to_have_count(3)
        expect(b.locator("article").nth(2)).to_contain_text("kettle first")

        # -- Ana's own page was never told about her own reply.
        expect(a.locator("#forum-live .forum-live-banner")).to_have_count(0)
        assert Post.objects.filter(thread=first.thread, status=Post.Status.PUBLISHED).count() == 3
        audit.assert_clean()
    finally:
        audit.write_report("forum-live-axe.txt")
        ben_context.close()
