"""Member-to-member mute and block: the people you mute or block disappear from your view."""

from __future__ import annotations

import pytest

from hearthside.community import actions
from hearthside.community.models import MemberBlock, Post
from hearthside.conftest import login_client
from hearthside.core.models import AuditEvent

from .forum_fixtures import (
    reply,
    start_thread,
)

pytestmark = pytest.mark.django_db


def _chat(user, group, cid, body):
    return actions.check_send_chat(user, group, cid, body)[0]


def test_muting_hides_their_chat_and_posts_from_me_only(people, group, api_as):
    writer, reader, facilitator = people["writer"], people["reader"], people["facilitator"]
    _chat(writer, group, "w1", "morning all")
    _chat(reader, group, "r1", "hi")
    _chat(writer, group, "w2", "anonymous hello")
    sub = start_thread(writer, group)
    mine = reply(reader, sub.thread, body="welcome")
    anon = reply(writer, sub.thread, body="thanks, posting this one anonymously", anonymous=True)

    api = api_as(reader)
    response = api.client.put(f"/api/v1/community/blocks/{writer.pseudonym}", {"kind": "mute"},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert response.status_code == 200 and response.json()["kind"] == "mute"
    assert AuditEvent.objects.filter(action="community.member_mute", actor_id=reader.pk).exists()

    history = actions.chat_history(reader, group)
    # Their messages keep their place (no gap for the client) but carry no author and no text.
    assert [m["seq"] for m in history] == [1, 2, 3]
    assert [m.get("filtered", False) for m in history] == [True, False, True]
    assert "body" not in history[0] and "author" not in history[0]
    # Muting is one-way: the writer still sees the reader.
    assert not any(m.get("filtered") for m in actions.chat_history(writer, group))
    assert not any(m.get("filtered") for m in actions.chat_history(facilitator, group))

    posts = api.get(f"/api/v1/community/threads/{sub.thread.pk}").json()["posts"]
    ids = [p["id"] for p in posts]
    assert sub.post.pk not in ids and mine.post.pk in ids
    assert anon.post.pk in ids  # hiding anonymous posts would reveal who wrote them
    search = api.get(f"/api/v1/community/groups/{group.slug}/search", q="morning").json()
    assert all(r["id"] != sub.post.pk for r in search["results"])

    assert api.get("/api/v1/community/blocks").json()[0]["pseudonym"] == writer.pseudonym
    assert api.delete(f"/api/v1/community/blocks/{writer.pseudonym}").status_code == 204
    assert not any(m.get("filtered") for m in actions.chat_history(reader, group))
    assert api.delete(f"/api/v1/community/blocks/{writer.pseudonym}").status_code == 404


def test_blocking_works_both_ways(people, group):
    writer, reader = people["writer"], people["reader"]
    _chat(writer, group, "w1", "from the writer")
    _chat(reader, group, "r1", "from the reader")
    other = actions.access_member_by_pseudonym(writer, reader.pseudonym)
    actions.check_block(writer, other, "block")
    assert [m.get("filtered", False) for m in actions.chat_history(writer, group)] == [False, True]
    assert [m.get("filtered", False) for m in actions.chat_history(reader, group)] == [True, False]
    # Changing a block into a mute keeps one row and makes it one-way.
    actions.check_block(writer, other, "mute")
    assert MemberBlock.objects.filter(user=writer).count() == 1
    assert not any(m.get("filtered") for m in actions.chat_history(reader, group))


def test_only_people_who_share_a_group_can_be_muted_and_never_oneself(people, group, api_as):
    api = api_as(people["reader"])

    def put(pseudonym, kind="mute"):
        return api.client.put(f"/api/v1/community/blocks/{pseudonym}", {"kind": kind},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {api.token}")

    assert put(people["outsider"].pseudonym).status_code == 404
    assert put("nobody-by-that-name").status_code == 404
    assert put(people["reader"].pseudonym).status_code == 404
    assert put(people["writer"].pseudonym, kind="ignore").status_code == 400
    assert not MemberBlock.objects.exists()


def test_a_post_by_a_deleted_account_stays_visible_to_someone_who_muted_people(people, group):
    writer, reader = people["writer"], people["reader"]
    sub = start_thread(writer, group)
    orphan = reply(reader, sub.thread, body="kept after my account is gone")
    Post.objects.filter(pk=orphan.post.pk).update(author=None)
    actions.check_block(people["facilitator"], actions.access_member_by_pseudonym(people["facilitator"],
                                                                                  writer.pseudonym), "mute")
    from hearthside.community.forum import actions as forum

    viewer = forum.viewer_for(people["facilitator"], group)
    page = forum.thread_page(viewer, sub.thread, mark_read=False)
    ids = [p["id"] for p in page["posts"]]
    assert orphan.post.pk in ids and sub.post.pk not in ids


def test_the_muted_page_mutes_and_undoes(people, group):
    client = login_client(people["reader"])
    assert client.get("/groups/muted/").status_code == 200
    client.post("/groups/muted/", {"pseudonym": people["writer"].pseudonym, "action": "block"})
    assert MemberBlock.objects.get(user=people["reader"]).kind == "block"
    page = client.get("/groups/muted/").content.decode()
    assert people["writer"].pseudonym in page
    client.post("/groups/muted/", {"pseudonym": people["writer"].pseudonym, "action": "undo"})
    assert not MemberBlock.objects.exists()
    response = client.post("/groups/muted/", {"pseudonym": people["outsider"].pseudonym, "action": "mute"},
                           follow=True)
    assert b"shares a group with you" in response.content


@pytest.mark.django_db(transaction=True)
def test_an_open_socket_stops_showing_someone_the_moment_they_are_muted(people, group):
    from asgiref.sync import async_to_sync
    from channels.db import database_sync_to_async as db

    from hearthside.testing.sockets import close_sockets, next_frame, open_sockets, send_chat, sockets_for

    writer, reader = people["writer"], people["reader"]
    w, r = sockets_for(writer, reader)

    async def scenario():
        await open_sockets(w, r)
        other = await db(actions.access_member_by_pseudonym)(reader, writer.pseudonym)
        await db(actions.check_block)(reader, other, "mute")
        changed = await next_frame(r, "blocks.changed")
        await send_chat(w, group, "w1", "can you see me")
        seen_by_reader = await next_frame(r, "chat.message")
        seen_by_writer = await next_frame(w, "chat.message")
        await send_chat(r, group, "r1", "still here")
        writer_sees_reader = await next_frame(w, "chat.message")
        await close_sockets(w, r)
        return changed, seen_by_reader, seen_by_writer, writer_sees_reader

    changed, seen_by_reader, seen_by_writer, writer_sees_reader = async_to_sync(scenario)()
    assert changed["type"] == "blocks.changed"
    assert seen_by_reader == {"type": "chat.message", "group": group.slug, "seq": 1, "at": seen_by_reader["at"],
                              "filtered": True}
    assert seen_by_writer["body"] == "can you see me"
    assert writer_sees_reader["body"] == "still here"  # a mute is one-way


@pytest.mark.django_db(transaction=True)
def test_typing_reaches_the_group_as_someone_and_is_throttled(people, group):
    from asgiref.sync import async_to_sync

    from hearthside.community.models import ChatMessage
    from hearthside.community.typing import typing_tag
    from hearthside.testing.sockets import next_frame, open_socket, socket_for

    w, r, o = socket_for(people["writer"]), socket_for(people["reader"]), socket_for(people["outsider"])

    async def scenario():
        for s in (w, r, o):
            await open_socket(s)
        await w.send_json_to({"type": "typing.start", "group": group.slug})
        first = await next_frame(r, "typing.active")
        await w.send_json_to({"type": "typing.start", "group": group.slug})  # within 2 s: dropped
        again = await r.receive_nothing(timeout=0.5)
        outsider_quiet = await o.receive_nothing(timeout=0.2)
        await o.send_json_to({"type": "typing.start", "group": group.slug})
        refused = await next_frame(o, "error")
        for s in (w, r, o):
            await s.disconnect()
        return first, again, outsider_quiet, refused

    first, again, outsider_quiet, refused = async_to_sync(scenario)()
    session = _session_key_of(w)
    assert first == {"type": "typing.active", "group": group.slug,
                     "by": typing_tag(people["writer"].pk, group.pk, anonymous=False, session=session)}
    assert first["by"] != str(people["writer"].pk) and again and outsider_quiet
    assert refused["code"] == "not_member"
    assert not ChatMessage.objects.exists()


def _session_key_of(communicator) -> str:
    from django.conf import settings

    cookie = dict(communicator.scope["headers"])[b"cookie"].decode()
    return cookie.split(f"{settings.SESSION_COOKIE_NAME}=", 1)[1].split(";")[0]


@pytest.mark.django_db(transaction=True)
def test_typing_tags_cannot_link_named_and_anonymous_posting(people, group):
    """Issue #17: the tag before a named message must not match the tag before an anonymous one,
    nor follow the person into another group or another session."""
    from asgiref.sync import async_to_sync

    from hearthside.community.models import Group, Membership
    from hearthside.community.typing import typing_tag
    from hearthside.testing.sockets import next_frame, open_socket, socket_for

    other_group = Group.objects.create(slug="other", name="Other", allow_anonymous=True)
    for person in (people["writer"], people["reader"]):
        Membership.objects.get_or_create(group=other_group, user=person)
    w, r = socket_for(people["writer"]), socket_for(people["reader"])

    async def scenario():
        for s in (w, r):
            await open_socket(s)
        await w.send_json_to({"type": "typing.start", "group": group.slug})
        named = await next_frame(r, "typing.active")
        await w.send_json_to({"type": "typing.start", "group": other_group.slug, "anonymous": True})
        anonymous_elsewhere = await next_frame(r, "typing.active")
        for s in (w, r):
            await s.disconnect()
        return named, anonymous_elsewhere

    named, anonymous_elsewhere = async_to_sync(scenario)()
    assert named["by"] != anonymous_elsewhere["by"]
    writer = people["writer"].pk
    tags = {typing_tag(writer, g, anonymous=a, session=s) for g in (1, 2) for a in (False, True) for s in ("s1", "s2")}
    assert len(tags) == 8  # every group, identity and session gets its own
    # The page knows both of its own tags (to hide its own "typing…"), nobody else's.
    from hearthside.conftest import login_client

    client = login_client(people["writer"])
    page = client.get(f"/groups/{group.slug}/").content.decode()
    key = client.session.session_key
    assert f'data-typing-tag="{typing_tag(writer, group.pk, anonymous=False, session=key)}"' in page
    assert f'data-typing-tag-anon="{typing_tag(writer, group.pk, anonymous=True, session=key)}"' in page
