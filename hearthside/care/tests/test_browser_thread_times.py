"""One way of writing times in a message thread (issue #18: a thread showed two date formats).

The page wrote stored messages' times on the server ("03 Dec 18:30", in the account's time zone)
and care.js wrote live ones with the device's language and clock ("03 Dec, 23:30" on a British
device in UTC, "Dec 04, 08:30 AM" in Tokyo). Here the device is in Tokyo and the account in New
York: after a message arrives live, every time in the thread reads the server's way, in New York.
Needs Debian's Chromium at /usr/bin/chromium; skipped otherwise.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import dateformat

from hearthside.care import actions, conversation
from hearthside.care.models import Message
from hearthside.care.views import THREAD_TIME_FORMAT
from hearthside.testing import browser as hs_browser

pytestmark = pytest.mark.browser

TIMES = "() => Array.from(document.querySelectorAll('#care-log time'), t => t.textContent)"


def test_a_live_message_writes_its_time_as_the_stored_ones_do(chromium, asgi_server, pro, client_user):
    relationship = actions.check_choose_practitioner(client_user, pro)
    conversation.check_send_message(pro.user, relationship, "p1", "Hello, welcome.")
    context = hs_browser.new_context(chromium, asgi_server, timezone_id="Asia/Tokyo", locale="en-US")
    context.set_default_timeout(15_000)
    try:
        hs_browser.log_in(context, client_user, asgi_server)
        page = context.new_page()
        page.goto(f"/care/messages/{relationship.pk}/")
        page.wait_for_function("() => document.querySelector('#care-log li') !== null")
        page.locator("#care-input").fill("Thank you, see you on Tuesday.")
        page.locator("#care-form button[type=submit]").click()
        page.wait_for_function("() => document.querySelectorAll('#care-log li[data-seq]').length === 2")
        shown = page.evaluate(TIMES)
        hs_browser.save_screenshot(page, "care-thread-times")
    finally:
        context.close()

    zone = actions._zone(client_user.time_zone)
    expected = [dateformat.format(datetime.fromisoformat(m["at"]).astimezone(zone), THREAD_TIME_FORMAT)
                for m in conversation.history(client_user, relationship)]
    assert Message.objects.filter(relationship=relationship).count() == 2
    assert shown == expected
