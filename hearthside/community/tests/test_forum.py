from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearthside.community.forum import actions as forum
from hearthside.community.models import Group, Membership, Post, PostRevision, Reaction, Thread
from hearthside.conftest import login_client, make_user
from hearthside.safety.actions import alerts_from
from hearthside.safety.models import ScreenedItem

from .forum_fixtures import (
    CRISIS_TEXT,
    PSEUDONYM,
    join,
    put,
    reply,
    start_thread,
)

pytestmark = pytest.mark.django_db


def _forum(slug="anxiety"):
    return f"/groups/{slug}/forum/"


def test_non_member_gets_404_on_every_forum_endpoint(people, group, api_as):
    sub = start_thread(people["writer"], group)
    thread, post = sub.thread, sub.post
    api = api_as(people["outsider"])
    calls = [
        api.get("/api/v1/community/groups/anxiety/threads"),
        api.post("/api/v1/community/groups/anxiety/threads", {"title": "x", "body": "y"}),
        api.get("/api/v1/community/groups/anxiety/search", q="mornings"),
        put(api, "/api/v1/community/groups/anxiety/content-warnings", {"hidden": ["loss"]}),
        api.get(f"/api/v1/community/threads/{thread.pk}"),
        api.post(f"/api/v1/community/threads/{thread.pk}/posts", {"body": "hi"}),
        api.get(f"/api/v1/community/posts/{post.pk}"),
        api.patch(f"/api/v1/community/posts/{post.pk}", {"body": "changed"}),
        api.delete(f"/api/v1/community/posts/{post.pk}"),
        api.post(f"/api/v1/community/posts/{post.pk}/reactions", {"kind": "strength"}),
        api.post(f"/api/v1/community/posts/{post.pk}/report", {"reason": "not nice"}),
        api.get(f"/api/v1/community/posts/{post.pk}/revisions"),
        api.get("/api/v1/community/groups/nope/threads"),
        api.get("/api/v1/community/threads/999999"),
    ]
    assert [r.status_code for r in calls] == [404] * len(calls), [(r.status_code, r.content[:80]) for r in calls]
    page = login_client(people["outsider"])
    pages = [
        page.get(_forum()), page.post(_forum(), {"title": "x", "body": "y"}),
        page.get(_forum() + "search/", {"q": "mornings"}), page.post(_forum() + "content-warnings/", {"hidden": "x"}),
        page.get(_forum() + f"t/{thread.pk}/"), page.post(_forum() + f"t/{thread.pk}/", {"body": "hi"}),
        page.get(_forum() + f"p/{post.pk}/edit/"), page.post(_forum() + f"p/{post.pk}/cancel/"),
        page.post(_forum() + f"p/{post.pk}/react/", {"kind": "strength"}),
        page.post(_forum() + f"p/{post.pk}/report/", {"reason": "not nice"}),
        # The thread exists, but not in the outsider's group: reaching it through their group is 404 too.
        page.get(_forum("grief") + f"t/{thread.pk}/"),
    ]
    assert [r.status_code for r in pages] == [404] * len(pages)
    post.refresh_from_db()
    assert post.body == "First time here. Mornings are hard." and post.status == Post.Status.PUBLISHED
    assert not Reaction.objects.exists()
    # A member who left is an outsider again.
    Membership.objects.filter(user=people["reader"]).update(status=Membership.Status.LEFT)
    assert api_as(people["reader"]).get(f"/api/v1/community/threads/{thread.pk}").status_code == 404


def test_member_reads_threads_and_posts_through_api_and_pages(people, group, api_as):
    sub = start_thread(people["writer"], group, body="**Bold** start <script>alert(1)</script>")
    reply(people["reader"], sub.thread)
    api = api_as(people["reader"])
    listing = api.get("/api/v1/community/groups/anxiety/threads").json()
    assert listing["count"] == 1 and listing["threads"][0]["replies"] == 1
    assert listing["threads"][0]["started_by"] == PSEUDONYM
    data = api.get(f"/api/v1/community/threads/{sub.thread.pk}").json()
    assert [p["author"] for p in data["posts"]] == [PSEUDONYM, "Reader"]
    assert "<strong>Bold</strong>" in data["posts"][0]["html"] and "<script" not in data["posts"][0]["html"]
    client = login_client(people["reader"])
    for url in (_forum(), _forum() + f"t/{sub.thread.pk}/", _forum() + "search/?q=bold"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        # Strict CSP: no inline styles or scripts.
        assert " style=" not in html and "<script>" not in html


def test_anonymous_post_never_reveals_its_author(people, group, api_as):
    writer, reader, moderator = people["writer"], people["reader"], people["moderator"]
    sub = start_thread(writer, group, title="Anonymous thread", body="Something hard to say", anonymous=True)
    second = reply(writer, sub.thread, body="More about it, still anonymous", anonymous=True)
    reply(reader, sub.thread, body="Thank you for sharing")
    api_as(reader).post(f"/api/v1/community/posts/{second.post.pk}/report", {"reason": "worried about them"})
    forum.check_edit_post(writer, second.post, forum.viewer_for(writer, group), "Edited, still anonymous")

    def bodies(user, two_factor=False):
        api = api_as(user, two_factor=two_factor)
        urls = ["/api/v1/community/groups/anxiety/threads", f"/api/v1/community/threads/{sub.thread.pk}",
                f"/api/v1/community/posts/{sub.post.pk}", f"/api/v1/community/posts/{second.post.pk}",
                "/api/v1/community/groups/anxiety/search?q=anonymous"]
        if two_factor:
            urls += ["/api/v1/community/moderation/queue", f"/api/v1/community/moderation/posts/{second.post.pk}",
                     f"/api/v1/community/posts/{second.post.pk}/revisions"]
        out = []
        for url in urls:
            response = api.get(url)
            assert response.status_code == 200, (url, response.content[:200])
            out.append(response.content.decode())
        client = login_client(user, two_factor=two_factor)
        pages = [_forum(), _forum() + f"t/{sub.thread.pk}/", _forum() + "search/?q=anonymous"]
        if two_factor:
            pages += ["/staff/community/", f"/staff/community/posts/{second.post.pk}/"]
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            out.append(response.content.decode())
        return out

    for user, two_factor in ((reader, False), (moderator, True), (people["facilitator"], True)):
        for body in bodies(user, two_factor):
            assert PSEUDONYM not in body
    shown = api_as(reader).get(f"/api/v1/community/threads/{sub.thread.pk}").json()["posts"]
    assert [p["author"] for p in shown] == ["anonymous member", "anonymous member", "Reader"]
    # Moderation after an anonymous post does not name its author either.
    mod = api_as(moderator, two_factor=True)
    assert mod.post("/api/v1/community/moderation/actions", {"post_id": second.post.pk, "action": "warn",
                                                             "reason": "please be kind"}).status_code == 201
    assert PSEUDONYM not in mod.get(f"/api/v1/community/moderation/posts/{second.post.pk}").content.decode()


def test_anonymous_posting_needs_the_group_to_allow_it(people, group, api_as):
    Group.objects.filter(pk=group.pk).update(allow_anonymous=False)
    response = api_as(people["writer"]).post("/api/v1/community/groups/anxiety/threads",
                                             {"title": "t", "body": "b", "anonymous": True})
    assert response.status_code == 400 and not Post.objects.exists()


def test_held_crisis_post_never_reaches_other_members(people, group, api_as):
    writer, reader = people["writer"], people["reader"]
    sub = start_thread(writer, group)
    api = api_as(writer)
    response = api.post(f"/api/v1/community/threads/{sub.thread.pk}/posts", {"body": CRISIS_TEXT})
    assert response.status_code == 201
    body = response.json()
    assert body["held"] is True and body["help"] is True and body["post"]["status"] == "held"
    held_id = body["post"]["id"]
    assert ScreenedItem.objects.filter(source="community.post", source_id=str(held_id), status="held").exists()
    assert alerts_from(writer, "community.post")
    # The page shows the author the help panel in place.
    page = login_client(writer).post(_forum() + f"t/{sub.thread.pk}/", {"body": CRISIS_TEXT + " again"})
    assert page.status_code == 200 and b"help-panel" in page.content
    # A new thread that screening holds does not exist for anyone else.
    crisis_thread = start_thread(writer, group, title="tonight", body=CRISIS_TEXT)
    assert crisis_thread.post.status == Post.Status.HELD and crisis_thread.show_help
    other = api_as(reader)
    seen = [other.get(f"/api/v1/community/threads/{sub.thread.pk}").content.decode(),
            other.get("/api/v1/community/groups/anxiety/threads").content.decode(),
            other.get("/api/v1/community/groups/anxiety/search", q="pills").content.decode(),
            login_client(reader).get(_forum() + f"t/{sub.thread.pk}/").content.decode(),
            login_client(reader).get(_forum()).content.decode()]
    for text in seen:
        assert "pills" not in text and "tonight" not in text
    assert other.get(f"/api/v1/community/posts/{held_id}").status_code == 404
    assert other.get(f"/api/v1/community/threads/{crisis_thread.thread.pk}").status_code == 404
    assert other.post(f"/api/v1/community/posts/{held_id}/reactions", {"kind": "hug"}).status_code == 404
    # The author still sees their own held post, marked as held.
    mine = api.get(f"/api/v1/community/threads/{sub.thread.pk}").json()["posts"]
    assert any(p["id"] == held_id and p["status"] == "held" for p in mine)


def test_hold_my_post_publishes_after_the_delay(people, group, api_as):
    from hearthside.community import sweeps  # noqa: F401  (registers the sweep)
    from hearthside.core.periodic import SWEEPS

    assert ("publish_due_posts", forum.publish_due_posts) in SWEEPS
    sub = start_thread(people["writer"], group)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        response = api_as(people["reader"]).post(f"/api/v1/community/threads/{sub.thread.pk}/posts",
                                                 {"body": "Give me a minute to be sure", "hold_minutes": 5})
        assert response.status_code == 201 and response.json()["post"]["status"] == "scheduled"
        post_id = response.json()["post"]["id"]
        writer_view = api_as(people["writer"])
        assert post_id not in [p["id"] for p in
                               writer_view.get(f"/api/v1/community/threads/{sub.thread.pk}").json()["posts"]]
        traveller.shift(timedelta(minutes=4))
        assert forum.publish_due_posts() == 0
        traveller.shift(timedelta(minutes=2))
        assert forum.publish_due_posts() == 1
        assert forum.publish_due_posts() == 0  # idempotent
        posts = writer_view.get(f"/api/v1/community/threads/{sub.thread.pk}").json()["posts"]
        assert post_id in [p["id"] for p in posts]
        sub.thread.refresh_from_db()
        assert sub.thread.last_post_at == start + timedelta(minutes=6)


def test_hold_my_post_can_be_cancelled_and_never_appears(people, group, api_as):
    sub = start_thread(people["writer"], group)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        held = reply(people["reader"], sub.thread, body="Maybe I should not say this", hold_minutes=10)
        assert held.post.status == Post.Status.SCHEDULED
        # Someone else cannot cancel it (they cannot even see it).
        assert api_as(people["writer"]).delete(f"/api/v1/community/posts/{held.post.pk}").status_code == 404
        assert api_as(people["reader"]).delete(f"/api/v1/community/posts/{held.post.pk}").status_code == 204
        traveller.shift(timedelta(minutes=11))
        assert forum.publish_due_posts() == 0
    held.post.refresh_from_db()
    assert held.post.status == Post.Status.CANCELLED and held.post.body == ""
    assert api_as(people["writer"]).get(f"/api/v1/community/posts/{held.post.pk}").status_code == 404


def test_hold_minutes_must_be_between_1_and_15(people, group, api_as):
    api = api_as(people["writer"])
    assert api.post("/api/v1/community/groups/anxiety/threads",
                    {"title": "t", "body": "b", "hold_minutes": 16}).status_code == 422
    with pytest.raises(ValidationError):
        start_thread(people["writer"], group, hold_minutes=30)


def test_edit_history_is_visible_to_moderators_only(people, group, api_as):
    sub = start_thread(people["writer"], group, body="The original words")
    api = api_as(people["writer"])
    response = api.patch(f"/api/v1/community/posts/{sub.post.pk}", {"body": "Better words"})
    assert response.status_code == 200 and response.json()["post"]["edited"] is True
    assert PostRevision.objects.get(post=sub.post).body == "The original words"
    reader = api_as(people["reader"])
    assert "The original words" not in reader.get(f"/api/v1/community/threads/{sub.thread.pk}").content.decode()
    assert reader.get(f"/api/v1/community/posts/{sub.post.pk}/revisions").status_code == 404
    assert api.get(f"/api/v1/community/posts/{sub.post.pk}/revisions").status_code == 404  # not even the author
    assert "The original words" not in login_client(people["reader"]).get(
        _forum() + f"t/{sub.thread.pk}/").content.decode()
    mod = api_as(people["moderator"], two_factor=True)
    revisions = mod.get(f"/api/v1/community/posts/{sub.post.pk}/revisions").json()
    assert [r["body"] for r in revisions] == ["The original words"]
    page = login_client(people["moderator"], two_factor=True).get(f"/staff/community/posts/{sub.post.pk}/")
    assert "The original words" in page.content.decode()
    # Others cannot edit it.
    assert reader.patch(f"/api/v1/community/posts/{sub.post.pk}", {"body": "hijack"}).status_code == 403


def test_editing_into_crisis_language_holds_the_post(people, group, api_as):
    sub = start_thread(people["writer"], group)
    response = api_as(people["writer"]).patch(f"/api/v1/community/posts/{sub.post.pk}", {"body": CRISIS_TEXT})
    assert response.json()["help"] is True and response.json()["post"]["status"] == "held"
    assert api_as(people["reader"]).get(f"/api/v1/community/threads/{sub.thread.pk}").status_code == 404


def test_reactions_toggle_with_supportive_kinds(people, group, api_as):
    sub = start_thread(people["writer"], group)
    api = api_as(people["reader"])
    url = f"/api/v1/community/posts/{sub.post.pk}/reactions"
    first = api.post(url, {"kind": "strength"}).json()
    assert first["on"] is True
    assert {r["kind"]: (r["count"], r["mine"]) for r in first["reactions"]}["strength"] == (1, True)
    api_as(people["facilitator"]).post(url, {"kind": "strength"})
    again = api.post(url, {"kind": "strength"}).json()
    assert again["on"] is False
    assert {r["kind"]: (r["count"], r["mine"]) for r in again["reactions"]}["strength"] == (1, False)
    assert api.post(url, {"kind": "angry"}).status_code == 400
    assert {r["label"] for r in first["reactions"]} == {"sending strength", "me too", "thank you", "sending a hug"}
    # Through the page too; no one sees who reacted, only how many.
    client = login_client(people["reader"])
    assert client.post(_forum() + f"p/{sub.post.pk}/react/", {"kind": "me_too"}).status_code == 302
    assert Reaction.objects.filter(post=sub.post, kind="me_too", user=people["reader"]).exists()


def test_first_posts_of_new_members_wait_for_approval(people, group, api_as):
    Group.objects.filter(pk=group.pk).update(hold_first_posts=True, first_posts_held=1)
    group.refresh_from_db()
    newcomer = make_user("newcomer")
    join(newcomer, group)
    sub = start_thread(newcomer, group, title="New here")
    assert sub.post.status == Post.Status.PENDING
    assert api_as(people["reader"]).get("/api/v1/community/groups/anxiety/threads").json()["count"] == 0
    # A facilitator approves it from the queue.
    fac = api_as(people["facilitator"], two_factor=True)
    queue = fac.get("/api/v1/community/moderation/queue").json()
    assert [i["post_id"] for i in queue] == [sub.post.pk]
    assert fac.post("/api/v1/community/moderation/actions",
                    {"post_id": sub.post.pk, "action": "approve"}).json()["status"] == "published"
    assert api_as(people["reader"]).get("/api/v1/community/groups/anxiety/threads").json()["count"] == 1
    # Approved once: the next post goes straight out.
    assert reply(newcomer, sub.thread).post.status == Post.Status.PUBLISHED


def test_content_warnings_must_come_from_the_groups_list(people, group, api_as):
    Group.objects.filter(pk=group.pk).update(required_cw_tags=["self-harm", "loss"])
    api = api_as(people["writer"])
    url = "/api/v1/community/groups/anxiety/threads"
    assert api.post(url, {"title": "t", "body": "b"}).status_code == 400
    assert api.post(url, {"title": "t", "body": "b", "cw_tags": ["spiders"]}).status_code == 400
    created = api.post(url, {"title": "t", "body": "about my dad", "cw_tags": ["Loss"]})
    assert created.status_code == 201 and created.json()["post"]["cw_tags"] == ["loss"]
    thread_id = created.json()["thread_id"]
    # Replies may go without one; a reader who hides "loss" gets the post folded, not dropped.
    assert api_as(people["reader"]).post(f"/api/v1/community/threads/{thread_id}/posts",
                                         {"body": "sorry"}).status_code == 201
    reader = api_as(people["reader"])
    assert put(reader, "/api/v1/community/groups/anxiety/content-warnings",
               {"hidden": ["loss"]}).json()["hidden"] == ["loss"]
    posts = reader.get(f"/api/v1/community/threads/{thread_id}").json()["posts"]
    assert [p["folded"] for p in posts] == [True, False]
    page = login_client(people["reader"]).get(_forum() + f"t/{thread_id}/").content.decode()
    assert "<details><summary>Content warning: loss" in page


def test_free_content_warnings_are_cleaned(people, group):
    sub = start_thread(people["writer"], group, cw_tags=["Self  Harm", "self harm"])
    assert sub.post.cw_tags == ["self harm"]


def test_slow_mode_and_mute_stop_posting(people, group, api_as):
    Group.objects.filter(pk=group.pk).update(slow_mode_seconds=60)
    sub = start_thread(people["writer"], group)
    api = api_as(people["writer"])
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        too_soon = api.post(f"/api/v1/community/threads/{sub.thread.pk}/posts", {"body": "and another thing"})
        assert too_soon.status_code == 403 and "slow mode" in too_soon.json()["detail"]
        assert too_soon.json()["code"] == "forbidden"  # answered by the one error family (hearthside/api.py)
        traveller.shift(timedelta(seconds=61))
        assert api.post(f"/api/v1/community/threads/{sub.thread.pk}/posts", {"body": "later"}).status_code == 201
        Membership.objects.filter(user=people["reader"]).update(muted_until=timezone.now() + timedelta(hours=1))
        muted = api_as(people["reader"]).post(f"/api/v1/community/threads/{sub.thread.pk}/posts", {"body": "hi"})
        assert muted.status_code == 403 and "paused" in muted.json()["detail"]


def test_search_matches_every_word_in_the_group_only(people, group, other_group):
    start_thread(people["writer"], group, title="Sleep", body="Breathing exercises help me before bed")
    start_thread(people["writer"], group, title="Work", body="My manager and exercises at lunch")
    join(people["writer"], other_group)
    start_thread(people["writer"], other_group, title="Elsewhere", body="breathing exercises in grief")
    viewer = forum.viewer_for(people["reader"], group)
    assert [r["thread_title"] for r in forum.search(viewer, "breathing EXERCISES")] == ["Sleep"]
    assert len(forum.search(viewer, "exercises")) == 2
    assert forum.search(viewer, "   ") == []


def test_unread_markers_follow_new_posts(people, group, api_as):
    sub = start_thread(people["writer"], group)
    reader = api_as(people["reader"])
    list_url = "/api/v1/community/groups/anxiety/threads"
    assert reader.get(list_url).json()["threads"][0]["unread"] is True
    reader.get(f"/api/v1/community/threads/{sub.thread.pk}")
    assert reader.get(list_url).json()["threads"][0]["unread"] is False
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=False):
        new = reply(people["writer"], sub.thread, body="An update")
        assert reader.get(list_url).json()["threads"][0]["unread"] is True
        posts = reader.get(f"/api/v1/community/threads/{sub.thread.pk}").json()["posts"]
    assert {p["id"]: p["new"] for p in posts} == {sub.post.pk: False, new.post.pk: True}


def test_withdrawing_a_published_post_removes_it(people, group, api_as):
    sub = start_thread(people["writer"], group)
    second = reply(people["writer"], sub.thread, body="I regret this")
    assert api_as(people["writer"]).delete(f"/api/v1/community/posts/{second.post.pk}").status_code == 204
    texts = api_as(people["reader"]).get(f"/api/v1/community/threads/{sub.thread.pk}").content.decode()
    assert "I regret this" not in texts


def _fill_thread(group, writer, reader, n):
    thread = Thread.objects.create(group=group, title=f"{n} posts")
    now = timezone.now()
    posts = Post.objects.bulk_create([
        Post(thread=thread, author=writer if i % 2 else reader, anonymous=i % 3 == 0, body=f"post **{i}**",
             cw_tags=["loss"] if i % 4 == 0 else [], created_at=now + timedelta(seconds=i)) for i in range(n)])
    Reaction.objects.bulk_create([Reaction(post=p, user=reader, kind="hug") for p in posts])
    return thread


def test_thread_and_list_query_counts_do_not_grow_with_posts(people, group, api_as, django_assert_num_queries):
    writer, reader = people["writer"], people["reader"]
    small = _fill_thread(group, writer, reader, 5)
    big = _fill_thread(group, writer, reader, 50)
    api = api_as(reader)
    client = login_client(reader)
    for url_of in (lambda t: f"/api/v1/community/threads/{t.pk}", lambda t: _forum() + f"t/{t.pk}/"):
        client_or_api = api if url_of(small).startswith("/api") else client
        client_or_api.get(url_of(small))  # first read creates the read marker
        client_or_api.get(url_of(big))
        with CaptureQueriesContext(connection) as ctx:
            assert client_or_api.get(url_of(small)).status_code == 200
        with django_assert_num_queries(len(ctx.captured_queries)):
            response = client_or_api.get(url_of(big))
            assert response.status_code == 200
    assert len(api.get(f"/api/v1/community/threads/{big.pk}").json()["posts"]) == forum.POSTS_PER_PAGE
    assert len(api.get(f"/api/v1/community/threads/{big.pk}", page=3).json()["posts"]) == 10

    with CaptureQueriesContext(connection) as ctx:
        api.get("/api/v1/community/groups/anxiety/threads")
    for _i in range(40):
        _fill_thread(group, writer, reader, 2)
    with django_assert_num_queries(len(ctx.captured_queries)):
        listing = api.get("/api/v1/community/groups/anxiety/threads").json()
    assert listing["count"] == 42 and len(listing["threads"]) == forum.THREADS_PER_PAGE


def test_a_withdrawn_opening_post_takes_its_title_and_nobody_else_is_shown_as_its_author(people, group, api_as):
    """Issue #17: when the author of an anonymous thread withdrew the opening post (or was erased),
    the title stayed published and the first replier was shown as having started the thread."""
    opener = people["writer"]
    sub = start_thread(opener, group, title="What happened to me at 14", anonymous=True)
    reply(people["reader"], sub.thread, body="Thank you for telling us.")
    assert api_as(opener).delete(f"/api/v1/community/posts/{sub.post.pk}").status_code == 204
    listing = api_as(people["reader"]).get(f"/api/v1/community/groups/{group.slug}/threads").json()
    row = next(t for t in listing["threads"] if t["id"] == sub.thread.pk)
    assert "What happened to me" not in str(listing)
    assert row["started_by"] == "" and row["title"] == "(The opening post was withdrawn)"
    page = api_as(people["reader"]).get(f"/api/v1/community/threads/{sub.thread.pk}").content.decode()
    assert "What happened to me" not in page and people["reader"].pseudonym not in row["started_by"]


def test_an_erased_openers_title_goes_with_their_posts(people, group, api_as):
    from hearthside.accounts.actions import erase_user_now

    sub = start_thread(people["writer"], group, title="My secret title")
    reply(people["reader"], sub.thread, body="Hugs.")
    erase_user_now(people["writer"])
    listing = api_as(people["reader"]).get(f"/api/v1/community/groups/{group.slug}/threads").json()
    row = next(t for t in listing["threads"] if t["id"] == sub.thread.pk)
    assert "My secret title" not in str(listing)
    assert row["started_by"] == ""


def test_slow_mode_counts_the_seconds_left_in_the_singular_and_the_plural(people, group, api_as):
    Group.objects.filter(pk=group.pk).update(slow_mode_seconds=60)
    api = api_as(people["writer"])
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        sub = start_thread(people["writer"], group)
        url = f"/api/v1/community/threads/{sub.thread.pk}/posts"
        traveller.shift(timedelta(seconds=59))
        assert api.post(url, {"body": "one more"}).json()["detail"] == (
            "This group is in slow mode: you can post again in 2 seconds.")
        traveller.shift(timedelta(seconds=0.5))
        assert api.post(url, {"body": "one more"}).json()["detail"] == (
            "This group is in slow mode: you can post again in 1 second.")
