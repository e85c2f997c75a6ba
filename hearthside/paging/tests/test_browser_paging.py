"""The paging page in a real browser: permission, the site's one service worker (/sw.js, scope
"/", which also keeps the offline copies), a page shown; a browser registered at the worker's old
address (/staff/paging/) is moved to the site-wide registration.

Chromium delivers a push to the service worker through the DevTools protocol
(``ServiceWorker.deliverPushMessage``), since a headless browser has no push service of its own.
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

import json

import pytest

from hearthside.conftest import make_user
from hearthside.paging.models import PushSubscription
from hearthside.testing.browser import eventually, log_in

pytestmark = pytest.mark.browser
SCOPE = "/staff/paging/"  # the paging page
WORKER = "/sw.js"


def _registration_id(cdp, page, seen: dict) -> str:
    """The DevTools id of the live registration for the site's root scope, once its worker is
    activated. Deleted registrations are not taken (the protocol reports them too, with
    ``isDeleted``), and a push is only delivered to a worker that has finished activating."""
    found: dict = {}

    def registrations(event):
        for r in event["registrations"]:
            seen.setdefault("registrations", []).append(r)
            if r.get("isDeleted"):
                if found.get(r["scopeURL"]) == r["registrationId"]:
                    del found[r["scopeURL"]]
            else:
                found[r["scopeURL"]] = r["registrationId"]

    def versions(event):
        for v in event["versions"]:
            seen.setdefault("versions", []).append({k: v.get(k) for k in ("registrationId", "versionId",
                                                                            "status", "runningStatus")})

    cdp.on("ServiceWorker.workerRegistrationUpdated", registrations)
    cdp.on("ServiceWorker.workerVersionUpdated", versions)
    cdp.on("ServiceWorker.workerErrorReported", lambda event: seen.setdefault("errors", []).append(event))
    cdp.send("ServiceWorker.enable")
    eventually(page, "async () => { const r = await navigator.serviceWorker.getRegistration('/');"
                     " return !!(r && r.active && r.active.state === 'activated'); }")
    root = page.evaluate("() => location.origin + '/'")
    for _ in range(50):
        if root in found:
            return found[root]
        page.wait_for_timeout(100)  # CDP events arrive on the page's loop; bounded (5 s)
    raise AssertionError(f"no service worker registration for {root}: {seen}")


def test_staff_turn_on_push_and_a_page_is_shown_by_the_service_worker(paging, page, audit, browser_context,
                                                                       live_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    moderator = make_user("mod", "moderator")
    device = TOTPDevice.objects.create(user=moderator, name="phone", confirmed=True)
    log_in(browser_context, moderator, live_server.url, otp_device=device)
    browser_context.grant_permissions(["notifications"], origin=live_server.url)
    audit.watch(page)

    page.goto(SCOPE)
    status = page.locator("#push-status")
    page.wait_for_function("() => document.getElementById('push-status').textContent.includes('Push is')")
    assert status.inner_text() == "Push is off in this browser."
    audit.visit(page, "paging-staff-page", dark=True)

    page.get_by_role("button", name="Turn on push here").click()
    # Headless Chromium has no push service to subscribe with, so the subscription itself fails
    # after permission and the service worker; the page says why instead of pretending.
    page.wait_for_function("() => /Could not|Push is on/.test(document.getElementById('push-status').textContent)",
                           timeout=15_000)
    if "Could not" in status.inner_text():
        assert status.inner_text().startswith("Could not turn on push: Registration failed")
    else:  # a Chromium that can subscribe headless: the subscription reached the server
        assert PushSubscription.objects.filter(user=moderator).count() == 1
    worker = page.evaluate("navigator.serviceWorker.getRegistrations()"
                           ".then(rs => rs.map(r => [r.scope, r.active && r.active.scriptURL]))")
    assert worker == [[f"{live_server.url}/", f"{live_server.url}{WORKER}"]]  # one worker, for the whole site

    cdp = browser_context.new_cdp_session(page)
    seen: dict = {}
    registration = _registration_id(cdp, page, seen)
    url = f"{live_server.url}/staff/safety/alerts/41/"
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": live_server.url, "registrationId": registration,
        "data": json.dumps({"title": "A safety alert needs you", "url": url, "tag": "hearthside-alert-41"}),
    })
    try:
        eventually(page, "async () => (await (await navigator.serviceWorker.getRegistration('/'))"
                         ".getNotifications()).length > 0")
    except AssertionError as error:  # say what the browser reported, so a miss can be traced
        raise AssertionError(f"{error}; pushed to registration {registration}; DevTools saw {seen}") from None
    shown = page.evaluate("navigator.serviceWorker.getRegistration('/').then(r => r.getNotifications())"
                          ".then(ns => ns.map(n => ({title: n.title, body: n.body, tag: n.tag, url: n.data.url})))")
    assert shown == [{"title": "A safety alert needs you", "body": "", "tag": "hearthside-alert-41", "url": url}]
    audit.write_report("axe-paging.txt")
    audit.assert_clean()


def test_a_registration_at_the_old_address_is_moved_to_the_sites_one(paging, page, browser_context, live_server):
    """Before the worker moved to /sw.js, push registered /staff/paging/sw.js with that scope. The
    paging page removes such a registration (it had no subscription: headless Chromium cannot
    make one) and leaves the single site-wide one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    moderator = make_user("oldmod", "moderator")
    device = TOTPDevice.objects.create(user=moderator, name="phone", confirmed=True)
    log_in(browser_context, moderator, live_server.url, otp_device=device)
    page.goto("/help/")
    page.evaluate("() => navigator.serviceWorker.register('/staff/paging/sw.js', {scope: '/staff/paging/'})"
                  ".then(r => new Promise(ok => { const w = r.installing || r.waiting || r.active;"
                  " if (w.state === 'activated') ok(); else w.addEventListener('statechange', () =>"
                  " w.state === 'activated' && ok()); }))")
    scopes = page.evaluate("() => navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope).sort())")
    assert f"{live_server.url}{SCOPE}" in scopes
    page.goto(SCOPE)
    page.wait_for_function("() => document.getElementById('push-status').textContent.includes('Push is')")
    eventually(page, "async () => (await navigator.serviceWorker.getRegistrations()).length === 1")
    scopes = page.evaluate("() => navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope))")
    assert scopes == [f"{live_server.url}/"]
    assert page.locator("#push-status").inner_text() == "Push is off in this browser."
