"""Abusive chat messages and posts wait for a moderator; approving releases them, reports reach the queue."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync

from hearthside.community import actions, chat_moderation
from hearthside.community.models import ChatMessage, Membership, ModerationAction, Post, Report
from hearthside.conftest import login_client
from hearthside.core.models import AuditEvent
from hearthside.testing.sockets import close_sockets, open_sockets, send_chat, sockets_for
from hearthside.testing.sockets import next_frame as _next

from .forum_fixtures import (
    reply,
    start_thread,
)

INSULT = "shut up you pathetic idiot"
CHAT_QUEUE = "/api/v1/community/moderation/chat"
CHAT_ACTIONS = "/api/v1/community/moderation/chat/actions"


@pytest.mark.django_db
def test_an_insult_in_chat_waits_for_a_moderator_and_approving_releases_it(people, group, api_as):
    writer, reader, mod = people["writer"], people["reader"], people["moderator"]
    actions.check_send_chat(writer, group, "c1", "hello all")
    message, created, route = actions.check_send_chat(writer, group, "c2", INSULT)
    assert created and route.publish  # not crisis...
    assert message.status == ChatMessage.Status.REVIEW and message.seq is None  # ...but not published
    assert message.abuse_check["label"] in ("insult", "harassment") and message.abuse_check["reasons"]
    assert [m["body"] for m in actions.chat_history(reader, group)] == ["hello all"]
    # Swearing about oneself is published straight away.
    ok, _created, _route = actions.check_send_chat(writer, group, "c3", "honestly I feel like shit today")
    assert ok.status == ChatMessage.Status.PUBLISHED and ok.seq == 2

    moderator = api_as(mod, two_factor=True)
    assert api_as(mod).get(CHAT_QUEUE).status_code == 403  # a second factor is required
    assert api_as(reader, two_factor=True).get(CHAT_QUEUE).status_code == 404
    queue = moderator.get(CHAT_QUEUE).json()
    item = next(i for i in queue if i["message_id"] == message.pk)
    assert item["status"] == "review" and item["abuse"]["reasons"] and item["body"] == INSULT
    assert [c["body"] for c in item["context"]] == ["hello all"]  # what it answered

    response = moderator.post(CHAT_ACTIONS, {"message_id": message.pk, "action": "approve"})
    assert response.status_code == 201
    assert response.json()["status"] == "published" and response.json()["seq"] == 3
    assert [m["body"] for m in actions.chat_history(reader, group)][-1] == INSULT
    assert ModerationAction.objects.get(chat_message=message).action == "approve"
    assert AuditEvent.objects.filter(action="community.chat_moderation.approve", object_id=str(message.pk)).exists()
    assert message.pk not in [i["message_id"] for i in moderator.get(CHAT_QUEUE).json()]
    # Approving again does not give it a second place.
    again = moderator.post(CHAT_ACTIONS, {"message_id": message.pk, "action": "approve"})
    assert again.json()["seq"] == 3


@pytest.mark.django_db
def test_hiding_a_held_message_keeps_it_back_and_crisis_holds_are_not_in_the_chat_queue(people, group, api_as):
    from .forum_fixtures import CRISIS_TEXT

    writer, mod = people["writer"], people["moderator"]
    held, _c, _r = actions.check_send_chat(writer, group, "c1", INSULT)
    crisis, _c, route = actions.check_send_chat(writer, group, "c2", CRISIS_TEXT)
    assert crisis.status == ChatMessage.Status.HELD and not route.publish
    moderator = api_as(mod, two_factor=True)
    ids = [i["message_id"] for i in moderator.get(CHAT_QUEUE).json()]
    assert held.pk in ids and crisis.pk not in ids
    assert moderator.post(CHAT_ACTIONS, {"message_id": crisis.pk, "action": "approve"}).status_code == 404
    response = moderator.post(CHAT_ACTIONS, {"message_id": held.pk, "action": "hide", "reason": "insult"})
    assert response.json()["status"] == "hidden" and response.json()["seq"] is None
    assert actions.chat_history(people["reader"], group) == []
    bad = moderator.post(CHAT_ACTIONS, {"message_id": held.pk, "action": "explode"})
    assert bad.status_code == 400


@pytest.mark.django_db
def test_members_report_chat_and_moderators_mute_the_author_for_a_period(people, group, api_as):
    writer, reader, facilitator = people["writer"], people["reader"], people["facilitator"]
    message, _c, _r = actions.check_send_chat(writer, group, "c1", "whatever, this group is a waste of time")
    member = api_as(reader)
    url = f"/api/v1/community/groups/{group.slug}/chat/{message.seq}/report"
    assert member.post(url, {"reason": "dismissive"}).status_code == 201
    assert member.post(url, {"reason": "again"}).status_code == 201
    assert Report.objects.filter(chat_message=message).count() == 1
    assert member.post(f"/api/v1/community/groups/{group.slug}/chat/999/report", {"reason": "x"}).status_code in (
        404, 422)
    assert api_as(people["outsider"]).post(url, {"reason": "nosy"}).status_code == 404
    # A facilitator moderates their own group.
    facil = api_as(facilitator, two_factor=True)
    item = next(i for i in facil.get(CHAT_QUEUE).json() if i["message_id"] == message.pk)
    assert item["reports"][0]["reason"] == "dismissive" and item["status"] == "published"
    response = facil.post(CHAT_ACTIONS, {"message_id": message.pk, "action": "mute", "minutes": 60,
                                         "reason": "cool off"})
    assert response.status_code == 201
    membership = Membership.objects.get(group=group, user=writer)
    assert membership.muted_until is not None
    with pytest.raises(Exception, match="paused"):
        actions.check_send_chat(writer, group, "c2", "hello?")
    # A facilitator of another group cannot touch it.
    assert chat_moderation.access_chat_message_for_moderation(facilitator, message.pk) == message
    with pytest.raises(Exception):  # noqa: B017
        chat_moderation.access_chat_message_for_moderation(people["outsider"], message.pk)


@pytest.mark.django_db
def test_an_abusive_post_is_held_with_reasons_and_approval_publishes_it(people, group, api_as):
    writer, reader, mod = people["writer"], people["reader"], people["moderator"]
    sub = start_thread(writer, group)
    bad = reply(reader, sub.thread, body="Nobody wants you here, you moron.")
    assert bad.post.status == Post.Status.HELD and bad.held_for_review and not bad.show_help
    assert bad.post.abuse_check["label"] == "harassment"
    # Distress with swearing is published.
    fine = reply(reader, sub.thread, body="I feel like shit and I'm such an idiot for letting it get to me.")
    assert fine.post.status == Post.Status.PUBLISHED
    moderator = api_as(mod, two_factor=True)
    item = next(i for i in moderator.get("/api/v1/community/moderation/queue").json()
                if i["post_id"] == bad.post.pk)
    assert item["abuse"]["label"] == "harassment" and item["abuse"]["reasons"]
    response = moderator.post("/api/v1/community/moderation/actions", {"post_id": bad.post.pk, "action": "approve"})
    assert response.json()["status"] == "published"
    # The API tells an author why their post is waiting.
    api = api_as(writer)
    answer = api.post(f"/api/v1/community/threads/{sub.thread.pk}/posts", {"body": "you are a disgusting loser"})
    assert answer.status_code == 201 and answer.json()["review"] is True and answer.json()["help"] is False


@pytest.mark.django_db
def test_the_queue_page_shows_held_chat_and_acts_on_it(people, group):
    held, _c, _r = actions.check_send_chat(people["writer"], group, "c1", INSULT)
    client = login_client(people["moderator"], two_factor=True)
    page = client.get("/staff/community/")
    assert page.status_code == 200
    html = page.content.decode()
    assert INSULT in html and "waiting for review" in html
    response = client.post(f"/staff/community/chat/{held.pk}/", {"action": "approve"})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == ChatMessage.Status.PUBLISHED and held.seq == 1
    # The author's page says the message waits for a moderator, not that help is coming.
    page = login_client(people["writer"]).get(f"/groups/{group.slug}/")
    assert b"data-review-text" in page.content


@pytest.mark.django_db(transaction=True)
def test_over_the_socket_the_author_is_told_and_the_others_get_it_only_when_approved(people, group):
    w, r = sockets_for(people["writer"], people["reader"])

    async def send_and_wait():
        await open_sockets(w, r)
        await send_chat(w, group, "x1", INSULT)
        ack = await _next(w, "chat.ack")
        quiet = await r.receive_nothing(timeout=0.3)
        return ack, quiet

    async def after_approval():
        frame = await _next(r, "chat.message")
        await close_sockets(w, r)
        return frame

    async def scenario():
        ack, quiet = await send_and_wait()
        from channels.db import database_sync_to_async as db

        message = await db(ChatMessage.objects.get)(client_id="x1")
        await db(chat_moderation.check_moderate_chat)(people["moderator"], message, "approve")
        frame = await after_approval()
        return ack, quiet, frame

    ack, quiet, frame = async_to_sync(scenario)()
    assert ack["status"] == "review" and ack["seq"] is None and "help" not in ack
    assert quiet
    assert frame["seq"] == 1 and frame["body"] == INSULT


@pytest.mark.django_db
def test_moderator_decisions_on_chat_become_labelled_examples(people, group, api_as, tmp_path):
    import csv
    import io

    from django.core.management import call_command

    from hearthside.safety.models import ScreenedItem

    writer, mod = people["writer"], people["moderator"]
    # Screening publishes this but keeps a flagged copy (moderate: passive ideation).
    flagged, _c, route = actions.check_send_chat(
        writer, group, "f1", "I wish I was dead")
    assert flagged.status == ChatMessage.Status.PUBLISHED and route.level == "moderate"
    item = ScreenedItem.objects.get(source=actions.CHAT_SOURCE, source_id=f"{group.pk}:f1")
    assert item.label == ""
    held, _c, _r = actions.check_send_chat(writer, group, "a1", INSULT)
    other, _c, _r = actions.check_send_chat(writer, group, "a2", "you are all idiots and I hate you")
    assert other.status == ChatMessage.Status.REVIEW

    moderator = api_as(mod, two_factor=True)
    assert moderator.post(CHAT_ACTIONS, {"message_id": flagged.pk, "action": "hide", "reason": "worrying"}
                          ).status_code == 201
    item.refresh_from_db()
    assert item.label == "true_concern" and item.reviewed_by_id == mod.pk
    assert moderator.post(CHAT_ACTIONS, {"message_id": held.pk, "action": "approve"}).status_code == 201
    assert moderator.post(CHAT_ACTIONS, {"message_id": other.pk, "action": "hide", "reason": "hate"}
                          ).status_code == 201
    held.refresh_from_db()
    other.refresh_from_db()
    assert held.abuse_check["moderator_decision"] == "not_abusive"
    assert other.abuse_check["moderator_decision"] == "abusive"

    out = tmp_path / "abuse.csv"
    call_command("safety", "export-labels", "--kind", "abuse", "--out", str(out), stderr=io.StringIO())
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == ["text", "label"]
    assert sorted(rows[1:]) == sorted([[INSULT, "0"], ["you are all idiots and I hate you", "1"]])


def test_muting_or_removing_the_author_of_an_anonymous_chat_message_is_a_site_moderators_reveal(people, group,
                                                                                                  api_as):
    """As for anonymous forum posts (issue #17): a facilitator cannot mute or remove the author of an
    anonymous chat message -- that would show who wrote it; a site moderator can, with a reason,
    recorded as a reveal."""
    group.allow_anonymous = True
    group.save(update_fields=["allow_anonymous"])
    message, _c, _r = actions.check_send_chat(people["writer"], group, "a1", "whatever, this group is a waste of time",
                                              anonymous=True)
    facil = api_as(people["facilitator"], two_factor=True)
    for action in ("mute", "remove"):
        refused = facil.post(CHAT_ACTIONS, {"message_id": message.pk, "action": action, "minutes": 60,
                                            "reason": "cool off please"})
        assert refused.status_code == 400 and "anonymous" in refused.json()["detail"], refused.content
    membership = Membership.objects.get(group=group, user=people["writer"])
    assert membership.muted_until is None and membership.status == Membership.Status.ACTIVE
    mod = api_as(people["moderator"], two_factor=True)
    assert mod.post(CHAT_ACTIONS, {"message_id": message.pk, "action": "mute", "minutes": 60,
                                   "reason": "Repeated harassment, safety team agreed"}).status_code == 201
    assert ModerationAction.objects.filter(chat_message=message, action="reveal").count() == 1
