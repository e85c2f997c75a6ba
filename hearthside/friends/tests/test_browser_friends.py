"""Two members in two Chromium contexts: they find each other by a shared topic, connect, chat
live, one adds the other to their circle and safety plan, then reaches out and the other sees it.

Every page is checked with axe-core and saved under test-artifacts/screenshots/friends-*.png
(phone-sized ones too). Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from hearthside.friends.models import CircleMember, Connection
from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot

from .helpers import peer, with_health_consent

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


def _at(path: str):
    return lambda url: urlsplit(url).path == path


def test_two_members_find_each_other_connect_chat_and_reach_out(chromium, asgi_context, asgi_server):
    from hearthside.conftest import make_user

    alice = with_health_consent(make_user("alba", pseudonym="Alba"))
    bob = peer("bruno", topics=["grief", "loneliness"], languages=["es", "en"], availability=["evenings"])
    peer("someone", topics=["work"], languages=["es"])  # shares no topic: never suggested
    log_in(asgi_context, alice, asgi_server)
    bob_context = new_context(chromium, asgi_server)
    bob_context.set_default_timeout(15_000)
    log_in(bob_context, bob, asgi_server)
    audit = PageAudit()
    a = asgi_context.new_page()
    b = bob_context.new_page()
    audit.watch(a)
    audit.watch(b)
    try:
        # -- Alba writes her peer profile; nothing of her is visible until she saves it turned on.
        a.goto("/friends/")
        audit.visit(a, "friends-home-new", dark=True)
        a.get_by_label("Name peers see").fill("Alba")
        a.get_by_label("A short introduction").fill("My mum died in spring. Evenings are the hardest.")
        a.get_by_role("group", name="Topics of shared experience").get_by_label("grief").check()
        a.get_by_role("group", name="Languages").get_by_label("Spanish").check()
        a.get_by_label("18 or older").check()
        a.get_by_label("Someone to talk to").check()
        a.get_by_role("group", name="Usually around (optional)").get_by_label("Evenings").check()
        a.get_by_role("button", name="Save my profile").click()
        expect(a.locator(".messages")).to_contain_text("Your peer profile is saved.")

        # -- She searches by topic and finds Bruno, with the reason shown.
        a.get_by_label("Search by topic").select_option("grief")
        a.get_by_role("button", name="Search").click()
        card = a.locator(".peer-card").filter(has_text="Bruno P")
        expect(card.locator(".peer-reason")).to_have_text(
            "You both chose grief, English and Spanish; both free: evenings")
        expect(a.locator(".peer-card").filter(has_text="Someone P")).to_have_count(0)
        card.get_by_text("Ask Bruno P to connect").click()
        card.get_by_label("A short hello (optional)").fill("Hola Bruno, I saw we share grief.")
        audit.visit(a, "friends-home-suggestions")
        card.get_by_role("button", name="Send request").click()
        expect(a.locator(".messages")).to_contain_text("Request sent to Bruno P.")
        connection = Connection.objects.get()

        # -- Bruno accepts; he lands in the chat, which goes live.
        b.goto("/friends/")
        incoming = b.get_by_role("region", name="People who would like to connect")
        expect(incoming).to_contain_text("Hola Bruno, I saw we share grief.")
        audit.visit(b, "friends-home-request", dark=True)
        incoming.get_by_role("button", name="Accept").click()
        b.wait_for_url(_at(f"/friends/chat/{connection.pk}/"))
        expect(b.locator("#chat-status")).to_have_text("live", timeout=20_000)

        # -- Alba opens the chat from her connections; they talk live.
        a.goto("/friends/")
        a.get_by_role("link", name="Chat with Bruno P").click()
        a.wait_for_url(_at(f"/friends/chat/{connection.pk}/"))
        expect(a.locator("#chat-status")).to_have_text("live", timeout=20_000)
        expect(a.locator(".peer-note")).to_contain_text("not therapists")
        expect(a.get_by_role("link", name="Bring in the support line")).to_be_visible()
        a.get_by_label("Message", exact=True).fill("Hi Bruno, thank you for accepting.")
        a.get_by_label("Message", exact=True).press("Enter")
        expect(b.locator("#chat-log")).to_contain_text("Hi Bruno, thank you for accepting.", timeout=10_000)
        b.get_by_label("Message", exact=True).fill("Of course. Evenings are hard for me too.")
        b.get_by_role("button", name="Send").click()
        expect(a.locator("#chat-log li.is-theirs")).to_contain_text("Evenings are hard for me too.", timeout=10_000)
        expect(a.locator("#chat-log li.is-mine")).to_contain_text("thank you for accepting")
        audit.visit(a, "friends-chat", dark=True)
        a.set_viewport_size({"width": 390, "height": 844})
        save_screenshot(a, "friends-chat-phone")
        a.set_viewport_size({"width": 1280, "height": 900})

        # -- She asks him into her circle, listed in her safety plan; he agrees.
        expect(a.get_by_label("Also list them in my safety plan under “people I can ask for help”")).to_be_checked()
        a.get_by_role("button", name="Ask to join my circle").click()
        expect(a.locator(".messages")).to_contain_text("Asked.")
        b.goto("/friends/")
        invitation = b.get_by_role("region", name="Circle invitation")
        expect(invitation).to_contain_text("Alba")
        invitation.get_by_role("button", name="Yes, I'll be there").click()
        expect(b.locator(".messages")).to_contain_text("You joined their circle of support.")
        assert CircleMember.objects.get().status == CircleMember.Status.ACCEPTED
        a.goto("/help/plan/")
        expect(a.locator("main")).to_contain_text("Bruno P — my Hearthside circle")
        audit.visit(a, "friends-safety-plan")

        # -- Bruno stays on his friends page; Alba reaches out to her circle; he sees it live.
        b.goto("/friends/")
        try:
            expect(b.locator('#friends-live[data-socket="open"]')).to_be_attached(timeout=10_000)
        except AssertionError:
            # The socket opened before the page script listened (it cannot tell): load it again.
            b.reload()
            expect(b.locator('#friends-live[data-socket="open"]')).to_be_attached(timeout=10_000)
        a.goto("/friends/")
        circle = a.get_by_role("region", name="My circle of support")
        expect(circle).to_contain_text("Bruno P")
        circle.get_by_label("I'm having a rough day. Could you check in with me?").check()
        circle.get_by_role("button", name="Reach out").click()
        expect(a.locator(".messages")).to_contain_text("Sent to your circle.")
        expect(a.locator("#sent-list")).to_contain_text("not seen yet")
        audit.visit(a, "friends-home-circle", dark=True)
        expect(b.locator("#friends-live")).to_contain_text("Alba reached out", timeout=10_000)
        audit.visit(b, "friends-home-live-reach-out")
        b.locator("#friends-live a").first.click()
        b.wait_for_url(_at("/friends/reach-outs/"))
        expect(b.locator("#received-list")).to_contain_text("I'm having a rough day")
        audit.visit(b, "friends-reach-outs")
        # Alba sees that he has seen it, without reloading.
        expect(a.locator("#sent-list")).to_contain_text("Bruno P · seen", timeout=10_000)
        b.get_by_label("Reply").fill("I'm here. Want to talk tonight?")
        b.get_by_role("button", name="Send reply").click()
        expect(b.locator(".messages")).to_contain_text("Reply sent.")
        expect(a.locator("#sent-list")).to_contain_text("replied", timeout=10_000)
        a.reload()
        expect(a.locator("#sent-list")).to_contain_text("I'm here. Want to talk tonight?")
        a.set_viewport_size({"width": 390, "height": 844})
        save_screenshot(a, "friends-home-phone")
        a.set_viewport_size({"width": 1280, "height": 900})

        # -- The strategies board.
        b.goto("/friends/strategies/")
        b.get_by_label("What do you do that helps?").fill("I light a candle and write her a short letter.")
        b.get_by_role("group", name="When does it help?").get_by_label("feeling low").check()
        b.get_by_role("button", name="Share").click()
        expect(b.locator(".messages")).to_contain_text("Thank you for sharing")
        a.goto("/friends/strategies/")
        a.get_by_role("button", name="This helped me too · 0").click()
        a.get_by_role("button", name="Save to my safety plan").click()
        expect(a.locator(".messages")).to_contain_text("Saved to your safety plan")
        audit.visit(a, "friends-strategies", dark=True)
        audit.write_report("axe-friends.txt")
        audit.assert_clean()
    finally:
        bob_context.close()
