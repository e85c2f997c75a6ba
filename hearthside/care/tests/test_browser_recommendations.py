"""Connection in the plan, clicked through (issue #22): the practitioner suggests a group with a
note, the client sees it beside their homework and lets the practitioner see the outcome, the
practitioner sees "Joined" once the client is in the group. axe-core on both pages; screenshots at
phone and desktop width. Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise."""

from __future__ import annotations

import pytest

from hearthside.care import actions
from hearthside.care.models import Recommendation
from hearthside.testing import browser as hs_browser

pytestmark = pytest.mark.browser


def test_a_suggested_group_from_the_practitioners_form_to_the_clients_choice(chromium, asgi_server, pro,
                                                                            client_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.community.models import Group, Membership

    group = Group.objects.create(slug="evening-circle", name="Evening circle", topic="anxiety")
    relationship = actions.check_choose_practitioner(client_user, pro)
    device = TOTPDevice.objects.create(user=pro.user, name="phone", confirmed=True)
    practitioner = hs_browser.open_context(chromium, asgi_server, pro.user, otp_device=device)
    client = hs_browser.open_context(chromium, asgi_server, client_user)
    try:
        page = practitioner.new_page()
        page.goto(f"/care/clients/{relationship.pk}/")
        page.select_option("#connect-target", f"group:{group.pk}")
        page.fill("#connect-note", "People who get it, on Tuesdays.")
        page.get_by_role("button", name="Add to the plan").click()
        page.wait_for_selector("text=Suggestion added to your client's plan.")
        assert page.locator("#connect ~ ul .badge").inner_text() == "Not shared"

        mine = client.new_page()
        mine.goto("/care/")
        assert mine.locator("#connect ~ ul.care-connect li strong").inner_text() == "Support group: Evening circle"
        hs_browser.check_accessibility(mine, "care home with a suggestion")
        hs_browser.save_screenshots(mine, "care-plan-connect-client")
        mine.get_by_role("button", name="Let Drjones see whether I took this up").click()
        mine.wait_for_selector("text=Your practitioner can now see what came of this suggestion.")
        assert Recommendation.objects.get().outcome_shared is True
        mine.get_by_role("link", name="Open the group").click()
        mine.wait_for_url(f"**/groups/{group.slug}/")

        Membership.objects.create(group=group, user=client_user)
        page.reload()
        assert page.locator("#connect ~ ul .badge").inner_text() == "Joined"
        hs_browser.check_accessibility(page, "practitioner's client page with a suggestion")
        hs_browser.save_screenshots(page, "care-plan-connect-practitioner")
    finally:
        practitioner.close()
        client.close()
