"""Ending a support-line conversation asks first, with or without JavaScript (issue #18)."""

from __future__ import annotations

import re

import pytest

from hearthside.conftest import login_client, make_user
from hearthside.supportline import actions
from hearthside.supportline.models import Conversation

pytestmark = pytest.mark.django_db

CALM = "Work has been stressful and I cannot sleep well."


@pytest.fixture
def live(member):
    supporter = make_user("alex", "peer_supporter", pseudonym="Alex")
    actions.check_start(member, CALM)
    return actions.check_help_next(supporter)


def test_the_end_button_opens_a_question_instead_of_ending(member, live):
    page = login_client(member).get(f"/support-line/c/{live.pk}/").content.decode()
    details = re.search(r'<details class="sl-end" id="sl-end">(.*?)</details>', page, re.S).group(1)
    # The only way to end from the page is the form inside the question, and it says "yes".
    assert re.search(r"<summary[^>]*>End the conversation</summary>", details)
    assert '<input type="hidden" name="confirm" value="yes">' in details
    assert ">Yes, end it</button>" in details
    assert page.count(f'action="/support-line/c/{live.pk}/end/"') == 1


def test_a_post_without_yes_asks_and_changes_nothing(member, live):
    client = login_client(member)
    response = client.post(f"/support-line/c/{live.pk}/end/")
    assert response.status_code == 200
    assert b"<h1>End the conversation?</h1>" in response.content
    assert b'<input type="hidden" name="confirm" value="yes">' in response.content
    live.refresh_from_db()
    assert live.status == Conversation.Status.ACTIVE

    response = client.post(f"/support-line/c/{live.pk}/end/", {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == f"/support-line/c/{live.pk}/"
    live.refresh_from_db()
    assert live.status == Conversation.Status.ENDED


def test_asking_to_end_a_conversation_that_has_ended_goes_back_to_it(member, live):
    client = login_client(member)
    client.post(f"/support-line/c/{live.pk}/end/", {"confirm": "yes"})
    response = client.post(f"/support-line/c/{live.pk}/end/")
    assert response.status_code == 302 and response["Location"] == f"/support-line/c/{live.pk}/"


def test_someone_else_cannot_reach_the_question(member, other_member, live):
    assert login_client(other_member).post(f"/support-line/c/{live.pk}/end/").status_code == 404
    live.refresh_from_db()
    assert live.status == Conversation.Status.ACTIVE
