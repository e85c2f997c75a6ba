"""Youth mode in the browser: a young member's post waits for a moderator and appears for the other
young members once a moderator approves it; an adult can neither open the under-18 group nor reach
the young member through Friends.

Pages are checked with axe-core and saved as screenshots (youth-*.png, 390 and 1280 px). Needs
Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import pytest

from hearthside.community.models import Group, Membership, Post
from hearthside.testing.browser import PageAudit, save_screenshots

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser
CONTACT = "Dana Reyes, safeguarding lead, 0800 000 111"


def test_a_young_members_post_waits_for_a_moderator_and_an_adult_cannot_reach_them(open_live_context, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.conftest import make_user
    from hearthside.friends.tests.helpers import peer

    settings.YOUTH_MODE = True
    settings.YOUTH_SAFEGUARDING_CONTACT = CONTACT
    teens = Group.objects.create(slug="teen-space", name="Teen space", audience=Group.Audience.UNDER_18,
                                 description="For people under 18.")
    Group.objects.create(slug="adults", name="Adults together", description="For adults.")
    fern = peer("fern", band="under_18", age_band="under_18", pseudonym="Young Fern")
    moss = make_user("moss", pseudonym="Young Moss", age_band="under_18")
    oak = peer("oak", band="adult", age_band="adult", pseudonym="Grown Oak")
    jo = make_user("jo", "moderator", pseudonym="Jo Moderator", age_band="adult")
    device = TOTPDevice.objects.create(user=jo, name="phone", confirmed=True)
    for person in (fern, moss):
        Membership.objects.create(group=teens, user=person)

    audit = PageAudit()
    wait = 60_000  # generous: the machine running the suite may be busy
    f, m = open_live_context(fern, timeout_ms=wait).new_page(), open_live_context(moss, timeout_ms=wait).new_page()
    j = open_live_context(jo, otp_device=device, timeout_ms=wait).new_page()
    o = open_live_context(oak, timeout_ms=wait).new_page()
    for p in (f, m, j, o):
        audit.watch(p)
    try:
        # -- Fern posts; it waits, and she is told so on her own post.
        f.goto("/groups/teen-space/")
        expect(f.locator("#youth-notice")).to_have_text(
            "This group is for people under 18. A moderator reads every post and message before it appears. "
            f"Worried about your safety or someone else's? Our safeguarding contact: {CONTACT}")
        audit.visit(f, "youth-group")
        save_screenshots(f, "youth-group")
        f.goto("/groups/teen-space/forum/")
        f.get_by_label("Title").fill("Exam week")
        f.get_by_label("Your message (Markdown)").fill("Three exams in two days. How do you all cope?")
        f.get_by_role("button", name="Post", exact=True).click()
        expect(f.locator("h1")).to_have_text("Exam week")
        expect(f.locator("article").first.locator(".badge")).to_have_text("Waiting for a moderator")
        expect(f.get_by_text("Thank you. Your post is waiting for a moderator: in this group a moderator reads "
                             "every post before it appears.")).to_be_visible()
        audit.visit(f, "youth-post-waiting")
        save_screenshots(f, "youth-post-waiting")
        post = Post.objects.get(author=fern)
        assert post.status == Post.Status.PENDING

        # -- Moss does not see it yet.
        m.goto("/groups/teen-space/forum/")
        expect(m.get_by_text("Exam week")).to_have_count(0)

        # -- Jo finds it in the queue, reviews it and approves it.
        j.goto("/staff/community/")
        youth = j.locator("#youth")
        expect(youth.locator("article")).to_have_count(1)
        expect(youth.locator("article h3")).to_have_text("Exam week")
        expect(youth.get_by_text(f"Safeguarding contact: {CONTACT}")).to_be_visible()
        audit.visit(j, "youth-queue")
        save_screenshots(j, "youth-queue")
        youth.get_by_role("link", name="Review").click()
        j.get_by_role("button", name="Approve", exact=True).click()
        j.goto("/staff/community/")
        expect(j.locator("#youth article")).to_have_count(0)
        expect(j.locator("#youth")).to_contain_text("Nothing from under-18 groups is waiting.")

        # -- Now Moss sees it, and Fern's post no longer waits.
        m.goto("/groups/teen-space/forum/")
        m.get_by_role("link", name="Exam week").click()
        expect(m.locator("article").first).to_contain_text("Three exams in two days.")
        expect(m.locator("article").first).to_contain_text("Young Fern")
        f.reload()
        expect(f.locator("article").first.locator(".badge")).to_have_count(0)
        post.refresh_from_db()
        assert post.status == Post.Status.PUBLISHED

        # -- Oak, an adult, cannot open the group nor find or ask Fern in Friends.
        response = o.goto("/groups/teen-space/")
        assert response.status == 404
        o.goto("/groups/")
        expect(o.locator(".cards")).not_to_contain_text("Teen space")
        expect(o.locator(".cards")).to_contain_text("Adults together")
        o.goto("/friends/")
        expect(o.get_by_text("Fern P")).to_have_count(0)
        status = o.evaluate(
            """async (url) => {
                 const token = document.querySelector('input[name=csrfmiddlewaretoken]').value;
                 const body = new URLSearchParams({csrfmiddlewaretoken: token, message: 'hi'});
                 const r = await fetch(url, {method: 'POST', body, credentials: 'same-origin'});
                 return r.status;
               }""", f"/friends/peers/{fern.peer_profile.pk}/request/")
        assert status == 404
        assert not oak.peer_requests_sent.exists()

        # -- The age band on the settings page, and asked at sign-up.
        f.goto("/accounts/settings/")
        expect(f.get_by_label("Age", exact=True)).to_have_value("under_18")
        audit.visit(f, "youth-settings")
        save_screenshots(f, "youth-settings")
        visitor = open_live_context(timeout_ms=wait).new_page()
        audit.watch(visitor)
        visitor.goto("/accounts/signup/")
        expect(visitor.get_by_label("Age", exact=True)).to_have_value("")
        audit.visit(visitor, "youth-signup")
        save_screenshots(visitor, "youth-signup")
        audit.assert_clean()
    finally:
        audit.write_report("youth-axe.txt")
