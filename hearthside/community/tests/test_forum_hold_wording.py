"""The "Hold my post" choices read as English (issue #18: the forum offered "Hold for 1 minutes")."""

from __future__ import annotations

import re

import pytest

from hearthside.conftest import login_client

pytestmark = pytest.mark.django_db


def test_the_hold_choices_say_1_minute_and_2_minutes(people, group):
    page = login_client(people["writer"]).get("/groups/anxiety/forum/").content.decode()
    select = re.search(r'<select id="hold_minutes".*?</select>', page, re.S).group(0)
    labels = re.findall(r"<option value=\"\d+\">([^<]*)</option>", select)
    assert labels == ["Post now", "Hold for 1 minute", "Hold for 2 minutes", "Hold for 5 minutes",
                      "Hold for 10 minutes", "Hold for 15 minutes"]
