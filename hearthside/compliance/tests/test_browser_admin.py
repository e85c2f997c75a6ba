"""The admin's compliance pages in a real browser, with screenshots at phone and desktop width.
(Django's own admin markup: axe-core is not run on it.) Needs Debian's Chromium; skipped
otherwise."""

from __future__ import annotations

import pytest
from django.test import override_settings

from hearthside.compliance import actions
from hearthside.conftest import make_user
from hearthside.testing import browser as hs_browser

pytestmark = pytest.mark.browser


@override_settings(COMPLIANCE_PROFILE="us-ny")
def test_the_team_sees_the_site_profile_and_a_persons_and_why(chromium, asgi_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    admin = make_user("ada", "administrator")
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    teen = make_user("robin", year_of_birth=2012)
    actions.check_set_region(admin, teen, "uk")
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    context = hs_browser.open_context(chromium, asgi_server, admin, otp_device=device)
    try:
        page = context.new_page()
        page.goto("/admin/compliance/personregion/")
        assert "New York, United States" in page.locator("#compliance-site h3").inner_text()
        hs_browser.save_screenshots(page, "compliance-admin-list")
        page.get_by_role("link", name="Which profile applies to a person, and why").click()
        page.fill("#id_person", "robin")
        page.get_by_role("button", name="Explain").click()
        person = page.locator("#compliance-person").inner_text()
        assert "This person's region is set to “United Kingdom” (uk)" in person
        assert "Companion: off: a kind explanation and the ways to people." in person
        hs_browser.save_screenshots(page, "compliance-admin-explain")
    finally:
        context.close()
