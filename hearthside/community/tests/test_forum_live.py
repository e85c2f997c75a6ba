"""Live forum updates: a published thread or reply sends a small frame on the group's topic.

The frame names the group, the thread and the post, and nothing else: no author, title or text.
Held, pending and "hold my post" posts send nothing until they are published; a post that stops
being public sends "forum.changed". Pages then fetch the post through the ordinary API.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async as db
from django.utils import timezone

from hearthside.community import moderation
from hearthside.community.forum import actions as forum
from hearthside.community.models import Post
from hearthside.conftest import login_client
from hearthside.testing.sockets import next_frame, open_socket, socket_for

from .forum_fixtures import (
    CRISIS_TEXT,
    PSEUDONYM,
    reply,
    start_thread,
)

INSULT = "shut up you pathetic idiot"
QUIET = 0.5

pytestmark = pytest.mark.django_db(transaction=True)


def _run(sockets, scenario):
    """Open every socket, run ``scenario`` (async), close the sockets; return its result."""

    async def whole():
        for s in sockets:
            await open_socket(s)
        try:
            return await scenario()
        finally:
            for s in sockets:
                await s.disconnect()

    return async_to_sync(whole)()


def _forum_frames_only(frame: dict) -> bool:
    return frame["type"].startswith("forum.")


async def _nothing_from_the_forum(sock, timeout=QUIET) -> bool:
    """True when no forum frame arrives within ``timeout`` (other frames, e.g. the help panel, are skipped)."""
    while not await sock.receive_nothing(timeout=timeout):
        frame = await sock.receive_json_from(timeout=1)
        if _forum_frames_only(frame):
            return False
    return True


def test_a_published_reply_reaches_members_and_not_outsiders(people, group):
    sub = start_thread(people["writer"], group)
    r, o = socket_for(people["reader"]), socket_for(people["outsider"])

    async def scenario():
        answer = await db(reply)(people["writer"], sub.thread, body="Mornings are hard for me too.")
        frame = await next_frame(r, "forum.reply")
        outsider_quiet = await _nothing_from_the_forum(o)
        return answer, frame, outsider_quiet

    answer, frame, outsider_quiet = _run([r, o], scenario)
    assert answer.post.status == Post.Status.PUBLISHED
    assert frame == {"type": "forum.reply", "group": group.slug, "thread": sub.thread.pk, "reply": answer.post.pk}
    assert outsider_quiet


def test_a_new_thread_is_announced_with_its_opening_post_and_no_title(people, group):
    r = socket_for(people["reader"])

    async def scenario():
        sub = await db(start_thread)(people["writer"], group, title="A title nobody should see live")
        return sub, await next_frame(r, "forum.thread")

    sub, frame = _run([r], scenario)
    assert frame == {"type": "forum.thread", "group": group.slug, "thread": sub.thread.pk, "post": sub.post.pk}
    assert "title" not in json.dumps(frame) and "nobody" not in json.dumps(frame)


def test_a_crisis_reply_is_held_and_sends_no_frame(people, group):
    sub = start_thread(people["writer"], group)
    r, w = socket_for(people["reader"]), socket_for(people["writer"])

    async def scenario():
        held = await db(reply)(people["writer"], sub.thread, body=CRISIS_TEXT)
        return held, await _nothing_from_the_forum(r), await _nothing_from_the_forum(w)

    held, reader_quiet, writer_quiet = _run([r, w], scenario)
    assert held.post.status == Post.Status.HELD and held.show_help
    assert reader_quiet and writer_quiet


def test_an_anonymous_reply_frame_says_nothing_about_its_author(people, group):
    group.allow_anonymous = True
    group.save(update_fields=["allow_anonymous"])
    sub = start_thread(people["reader"], group)
    r = socket_for(people["reader"])

    async def scenario():
        answer = await db(reply)(people["writer"], sub.thread, body="Quietly: me too.", anonymous=True)
        frame = await next_frame(r, "forum.reply")
        return answer, frame

    answer, frame = _run([r], scenario)
    assert answer.post.anonymous and answer.post.status == Post.Status.PUBLISHED
    assert frame == {"type": "forum.reply", "group": group.slug, "thread": sub.thread.pk, "reply": answer.post.pk}
    raw = json.dumps(frame)
    for secret in (PSEUDONYM, "author", "mine_id", "Quietly", "anonymous"):
        assert secret not in raw
    # What the page then fetches still says "anonymous member".
    fetched = login_client(people["reader"]).get(f"/api/v1/community/posts/{answer.post.pk}").json()
    assert fetched["author"] == "anonymous member" and PSEUDONYM not in json.dumps(fetched)


def test_a_held_back_post_is_announced_only_when_it_publishes(people, group):
    sub = start_thread(people["writer"], group)
    r = socket_for(people["reader"])

    async def scenario():
        later = await db(reply)(people["writer"], sub.thread, body="Let me think before this shows.", hold_minutes=5)
        quiet_while_held = await _nothing_from_the_forum(r)
        too_early = await db(forum.publish_due_posts)(timezone.now() + timedelta(minutes=4))
        quiet_before_due = await _nothing_from_the_forum(r)
        published = await db(forum.publish_due_posts)(timezone.now() + timedelta(minutes=6))
        frame = await next_frame(r, "forum.reply")
        return later, quiet_while_held, too_early, quiet_before_due, published, frame

    later, quiet_while_held, too_early, quiet_before_due, published, frame = _run([r], scenario)
    assert later.post.status == Post.Status.SCHEDULED
    assert quiet_while_held and too_early == 0 and quiet_before_due
    assert published == 1
    assert frame == {"type": "forum.reply", "group": group.slug, "thread": sub.thread.pk, "reply": later.post.pk}


def test_approving_a_held_post_sends_its_frame_and_hiding_it_sends_changed(people, group):
    sub = start_thread(people["writer"], group)
    r = socket_for(people["reader"])

    async def scenario():
        held = await db(reply)(people["writer"], sub.thread, body=INSULT)
        quiet_while_held = await _nothing_from_the_forum(r)
        post = await db(Post.objects.get)(pk=held.post.pk)
        await db(moderation.check_moderate)(people["facilitator"], post, "approve")
        approved = await next_frame(r, "forum.reply")
        await db(moderation.check_moderate)(people["facilitator"], post, "hide")
        hidden = await next_frame(r, "forum.changed")
        await db(moderation.check_moderate)(people["facilitator"], post, "restore")
        restored = await next_frame(r, "forum.reply")
        return held, quiet_while_held, approved, hidden, restored

    held, quiet_while_held, approved, hidden, restored = _run([r], scenario)
    assert held.held_for_review and quiet_while_held
    expected = {"type": "forum.reply", "group": group.slug, "thread": sub.thread.pk, "reply": held.post.pk}
    assert approved == expected and restored == expected
    assert hidden == {"type": "forum.changed", "group": group.slug, "thread": sub.thread.pk, "post": held.post.pk}


def test_a_first_post_waiting_for_approval_opens_its_thread_only_when_approved(people, group):
    group.hold_first_posts = True
    group.first_posts_held = 1
    group.save(update_fields=["hold_first_posts", "first_posts_held"])
    r = socket_for(people["reader"])

    async def scenario():
        waiting = await db(start_thread)(people["writer"], group)
        quiet = await _nothing_from_the_forum(r)
        post = await db(Post.objects.get)(pk=waiting.post.pk)
        await db(moderation.check_moderate)(people["facilitator"], post, "approve")
        return waiting, quiet, await next_frame(r, "forum.thread")

    waiting, quiet, frame = _run([r], scenario)
    assert waiting.post.status == Post.Status.PENDING and quiet
    assert frame == {"type": "forum.thread", "group": group.slug, "thread": waiting.thread.pk, "post": waiting.post.pk}


def test_withdrawing_a_published_reply_sends_changed(people, group):
    sub = start_thread(people["writer"], group)
    answer = reply(people["writer"], sub.thread)
    r = socket_for(people["reader"])

    async def scenario():
        post = await db(Post.objects.select_related("thread__group").get)(pk=answer.post.pk)
        await db(forum.do_cancel_post)(people["writer"], post)
        return await next_frame(r, "forum.changed")

    frame = _run([r], scenario)
    assert frame == {"type": "forum.changed", "group": group.slug, "thread": sub.thread.pk, "post": answer.post.pk}


def test_forum_pages_carry_the_live_region_and_script(people, group):
    sub = start_thread(people["writer"], group)
    client = login_client(people["reader"])
    listing = client.get(f"/groups/{group.slug}/forum/").content.decode()
    thread = client.get(f"/groups/{group.slug}/forum/t/{sub.thread.pk}/").content.decode()
    for html in (listing, thread):
        assert 'id="forum-live" aria-live="polite"' in html and "js/forum_live.js" in html
    assert f'data-thread-id="{sub.thread.pk}"' in listing
    assert f'data-thread="{sub.thread.pk}"' in thread and 'data-last="true"' in thread
