"""Anonymity, tested from the observer's side (issue #17).

One member acts in a group both under their pseudonym and as "anonymous member": forum threads and
replies, chat messages, typing, presence; they withdraw an anonymous opening post, a facilitator
hides one of their anonymous replies, and at the end their account is erased. Then everything that
another member, the group's facilitator and an administrator can see is searched for anything that
ties the anonymous acts to the person: their account id, pseudonym, peer-profile name or user name,
a tag shared by a named and an anonymous act, or the person dropping out of a list.
"""

from __future__ import annotations

import json
import re

import pytest
from asgiref.sync import async_to_sync

from hearthside.community import chat_moderation, moderation
from hearthside.community import typing as typing_mod
from hearthside.community.forum import actions as forum
from hearthside.community.models import ChatMessage, Group, Membership, Post
from hearthside.conftest import login_client, make_user
from hearthside.testing.sockets import drain, next_frame, open_socket, socket_for

from .forum_fixtures import join, reply, start_thread

pytestmark = pytest.mark.django_db(transaction=True)

WRITER_ID = 987_654  # unusual enough that finding it anywhere means the account id leaked
USERNAME = "wren_observed"
PSEUDONYM = "Quiet Lantern"
PEER_NAME = "Harbour Moth"
ANON = "anonymous member"
SECRET_TITLE = "Something I never told anyone"


def _markers() -> tuple[str, ...]:
    return (str(WRITER_ID), USERNAME, PSEUDONYM, PEER_NAME)


def _assert_unlinked(text: str, where: str) -> None:
    for marker in _markers():
        assert marker not in text, f"{where} names the anonymous author ({marker!r})"


def _threads_html(html: str) -> dict[int, str]:
    return {int(i): row for i, row in re.findall(r'<li data-thread-id="(\d+)">(.*?)</li>', html, re.S)}


def _chat_html(html: str) -> dict[int, str]:
    return {int(i): row for i, row in re.findall(r'<li data-seq="(\d+)"[^>]*>(.*?)</li>', html, re.S)}


def _posts_html(html: str) -> dict[int, str]:
    return {int(i): row for i, row in re.findall(r'<article [^>]*id="post-(\d+)">(.*?)</article>', html, re.S)}


@pytest.fixture
def cast(settings, monkeypatch):
    from hearthside.friends.models import AgeBand, PeerProfile

    settings.PRESENCE_DELAY = 0.05  # presence frames arrive in the scenario, not an hour later
    monkeypatch.setattr(typing_mod, "MIN_INTERVAL", 0.0)  # named then anonymous typing without waiting
    group = Group.objects.create(slug="anxiety", name="Living with anxiety", topic="anxiety", allow_anonymous=True)
    writer = make_user(USERNAME, pseudonym=PSEUDONYM, id=WRITER_ID)
    PeerProfile.objects.create(user=writer, enabled=True, pseudonym=PEER_NAME, age_band=AgeBand.values[0])
    reader = make_user("rowan_reader", pseudonym="Rowan")
    facilitator = make_user("fern_facil", "peer_supporter", pseudonym="Fern")
    admin = make_user("ada_admin", "administrator", pseudonym="Ada")
    join(writer, group)
    join(reader, group)
    join(facilitator, group, role=Membership.Role.FACILITATOR)
    return {"group": group, "writer": writer, "reader": reader, "facilitator": facilitator, "admin": admin}


def _live_part(cast) -> dict:
    """Chat, typing and presence over the event socket; returns the frames the reader's and the
    facilitator's sockets received, and the seq of each of the writer's messages."""
    w_sock = socket_for(cast["writer"])
    r_sock = socket_for(cast["reader"])
    f_sock = socket_for(cast["facilitator"])

    async def scenario():
        for sock in (r_sock, f_sock, w_sock):
            await open_socket(sock)
        seqs = {}
        # Named typing and message, then anonymous, then named again: the tag and the author
        # reference before each must not let anyone pair the anonymous one with the named ones.
        plan = [("n1", False), ("a1", True), ("n2", False), ("a2", True)]
        for client_id, anonymous in plan:
            await w_sock.send_json_to({"type": "typing.start", "group": "anxiety", "anonymous": anonymous})
            await w_sock.send_json_to({"type": "chat.send", "group": "anxiety", "client_id": client_id,
                                       "body": f"message {client_id}", "anonymous": anonymous})
            ack = await next_frame(w_sock, "chat.ack")
            seqs[client_id] = ack["seq"]
        got = {"reader": await drain(r_sock, 0.5), "facilitator": await drain(f_sock, 0.5)}
        for sock in (w_sock, r_sock, f_sock):
            await sock.disconnect()
        return got, seqs

    frames, seqs = async_to_sync(scenario)()
    return {"frames": frames, "seqs": seqs}


def _check_frames(live: dict) -> None:
    seqs = live["seqs"]
    anon_seqs = {seqs["a1"], seqs["a2"]}
    for who, frames in live["frames"].items():
        _assert_unlinked(json.dumps([f for f in frames if f.get("seq") in anon_seqs]), f"{who}'s anonymous chat frames")
        chat = {f["seq"]: f for f in frames if f["type"] == "chat.message"}
        assert set(seqs.values()) <= set(chat), f"{who} missed messages: {sorted(chat)}"
        named_refs = {chat[seqs["n1"]]["author_ref"], chat[seqs["n2"]]["author_ref"]}
        assert len(named_refs) == 1 and "" not in named_refs  # the control: named messages do share one
        for seq in anon_seqs:
            frame = chat[seq]
            assert frame["author"] == ANON and frame["named"] is False and frame["author_ref"] == ""
            assert not set(frame) - {"type", "group", "seq", "at", "author", "named", "author_ref", "body"}
            assert not named_refs & {str(v) for v in frame.values()}
        typing = [f for f in frames if f["type"] == "typing.active"]
        assert len(typing) == 4, f"{who} got {len(typing)} typing frames"
        named_tags = {typing[0]["by"], typing[2]["by"]}
        anon_tags = {typing[1]["by"], typing[3]["by"]}
        assert len(named_tags) == 1 and not named_tags & anon_tags, "a typing tag pairs named and anonymous"
        assert not (named_tags | anon_tags) & named_refs
        for frame in typing:
            assert set(frame) == {"type", "group", "by"}
        presence = [f for f in frames if f["type"] == "presence"]
        assert presence, f"{who} got no presence frame"
        for frame in presence:
            assert set(frame) == {"type", "group", "online"}
        _assert_unlinked(json.dumps(typing + presence), f"{who}'s typing and presence frames")


def _forum_part(cast) -> dict:
    group, writer, reader, facilitator = cast["group"], cast["writer"], cast["reader"], cast["facilitator"]
    named = start_thread(writer, group, title="Named hello", body="Hi, I am new.").post
    anon_thread = start_thread(writer, group, title="Anonymous worry", body="I worry all night.", anonymous=True).post
    reply(reader, anon_thread.thread, body="You are not alone.")
    withdrawn = start_thread(writer, group, title=SECRET_TITLE, body="Here is what happened.", anonymous=True).post
    reply(reader, withdrawn.thread, body="Thank you for telling us.")
    readers = start_thread(reader, group, title="Sleep tips", body="What helps you sleep?").post
    anon_reply = reply(writer, readers.thread, body="Counting breaths helps me.", anonymous=True).post
    hidden_reply = reply(writer, readers.thread, body="Mine is worse than yours.", anonymous=True).post
    reply(writer, named.thread, body="Named follow-up.")
    for p in (named, anon_thread, withdrawn, readers, anon_reply, hidden_reply):
        p.refresh_from_db()
        assert p.status == Post.Status.PUBLISHED, p.body
    forum.check_report(reader, anon_reply, forum.viewer_for(reader, group), "This seems off-topic.")
    forum.do_cancel_post(writer, withdrawn)
    # A reader reports an anonymous chat message and the facilitator hides it.
    anon_chat = ChatMessage.objects.get(author=writer, client_id="a1")
    chat_moderation.check_report_chat(reader, group, anon_chat.seq, "Not kind to anyone here.")
    chat_moderation.check_moderate_chat(facilitator, anon_chat, "hide", reason="Unkind.")
    moderation.check_moderate(facilitator, hidden_reply, "hide", reason="Unkind to another member.")
    # Warning reveals nothing to the facilitator, so they may do it (moderation._anonymous_author_guard).
    moderation.check_moderate(facilitator, hidden_reply, "warn", reason="Please be kind here.")
    return {"anon_chat": list(ChatMessage.objects.filter(author=writer, anonymous=True).values_list("pk", flat=True)),
            "named": named, "anon_thread": anon_thread, "withdrawn": withdrawn, "readers": readers,
            "anon_reply": anon_reply, "hidden_reply": hidden_reply}


def _check_pages(cast, posts: dict, members_before: list) -> None:
    group = cast["group"]
    anon_threads = {posts["anon_thread"].thread_id, posts["withdrawn"].thread_id, posts["readers"].thread_id}
    anon_posts = {posts["anon_thread"].pk, posts["withdrawn"].pk, posts["anon_reply"].pk, posts["hidden_reply"].pk}
    for who in ("reader", "facilitator"):
        client = login_client(cast[who])
        index = client.get(f"/groups/{group.slug}/forum/")
        assert index.status_code == 200
        rows = _threads_html(index.content.decode())
        assert PSEUDONYM in rows[posts["named"].thread_id]  # the control: the named thread names them
        assert SECRET_TITLE not in index.content.decode()
        for thread_id in anon_threads:
            _assert_unlinked(rows[thread_id], f"{who}'s thread list row {thread_id}")
        for thread_id in anon_threads:
            page = client.get(f"/groups/{group.slug}/forum/t/{thread_id}/")
            assert page.status_code == 200
            html = page.content.decode()
            assert SECRET_TITLE not in html
            for post_id, article in _posts_html(html).items():
                if post_id in anon_posts:
                    _assert_unlinked(article, f"{who}'s view of post {post_id}")
            _assert_unlinked(html, f"{who}'s thread page {thread_id}")
        group_page = client.get(f"/groups/{group.slug}/").content.decode()
        chat_rows = _chat_html(group_page)
        anon_msgs = set(ChatMessage.objects.filter(anonymous=True).values_list("seq", flat=True))
        assert anon_msgs and anon_msgs <= set(chat_rows)
        for seq in anon_msgs:
            _assert_unlinked(chat_rows[seq], f"{who}'s group page, message {seq}")
    # Nobody vanished from the member list when their anonymous post was hidden.
    members_after = login_client(cast["reader"]).get(f"/api/v1/community/groups/{group.slug}/members").json()
    assert members_after == members_before


def _api_paths() -> list[str]:
    client = login_client(make_user("schema_reader"))
    doc = client.get("/api/v1/openapi.json").json()
    return [p for p, ops in doc["paths"].items() if p.startswith("/api/v1/community") and "get" in ops]


def _check_api(cast, posts: dict, paths: list[str]) -> None:
    from hearthside.conftest import token_for

    values = {"slug": cast["group"].slug, "thread_id": posts["readers"].thread_id,
              "post_id": posts["anon_reply"].pk, "group": cast["group"].slug}
    anon_ids = {posts["anon_thread"].pk, posts["anon_reply"].pk, posts["hidden_reply"].pk, posts["withdrawn"].pk}
    called = 0
    for who in ("reader", "facilitator"):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(cast[who], 'write', True)}"}
        client = login_client(cast[who])
        for template in paths:
            path = re.sub(r"{(\w+)}", lambda m: str(values.get(m.group(1), 0)), template)
            response = client.get(path, **headers)
            if response.status_code != 200:
                continue
            called += 1
            body = response.json()
            _scan_json(body, anon_ids, f"{who}: GET {path}")
    assert called >= 8  # threads, thread, post, members, chat, moderation queue and item at least
    for thread_id in (posts["anon_thread"].thread_id, posts["readers"].thread_id, posts["withdrawn"].thread_id):
        page = login_client(cast["reader"]).get(f"/api/v1/community/threads/{thread_id}").json()
        for post in page["posts"]:
            if post["id"] in anon_ids:
                assert post["author"] == ANON


def _scan_json(body, anon_ids: set[int], where: str) -> None:
    """Every object that describes an anonymous post (or a queue item of one) must carry no marker."""
    if isinstance(body, list):
        for item in body:
            _scan_json(item, anon_ids, where)
        return
    if not isinstance(body, dict):
        return
    if body.get("id") in anon_ids or body.get("post_id") in anon_ids or body.get("author") == ANON:
        _assert_unlinked(json.dumps(body, default=str), where)
        assert body.get("author") in (ANON, None), where
    if "title" in body or "thread_title" in body:
        assert SECRET_TITLE not in json.dumps(body, default=str), where
    for value in body.values():
        _scan_json(value, anon_ids, where)


def _check_moderation_queue(cast, posts: dict) -> None:
    client = login_client(cast["facilitator"], two_factor=True)
    html = client.get("/staff/community/").content.decode()
    assert f"posts/{posts['anon_reply'].pk}/" in html  # the reported anonymous reply is in the queue
    _assert_unlinked(html, "the facilitator's moderation queue")
    item = client.get(f"/staff/community/posts/{posts['hidden_reply'].pk}/")
    assert item.status_code == 200
    _assert_unlinked(item.content.decode(), "the facilitator's view of the hidden anonymous reply")


def _check_audit(cast, posts: dict) -> None:
    from hearthside.core.models import AuditEvent

    anonymous = {("community.post", str(posts[k].pk)) for k in ("anon_thread", "withdrawn", "anon_reply",
                                                                  "hidden_reply")}
    anonymous |= {("community.thread", str(posts[k].thread_id)) for k in ("anon_thread", "withdrawn")}
    anonymous |= {("community.chatmessage", str(pk)) for pk in posts["anon_chat"]}
    rows = [e for e in AuditEvent.objects.order_by("seq") if (e.object_type, e.object_id) in anonymous]
    # Created, withdrawn, reported, hidden (forum and chat): each left a row, none names the author.
    assert {"community.thread_created", "community.post_cancelled", "community.post_reported",
            "community.moderation.hide", "community.chat_reported",
            "community.chat_hidden"} <= {e.action for e in rows}
    for event in rows:
        assert WRITER_ID not in (event.actor_id, event.subject_id), (
            f"audit #{event.seq} {event.action} names the anonymous author")
        _assert_unlinked(json.dumps(event.detail, default=str), f"audit #{event.seq} detail")
    admin = login_client(cast["admin"], two_factor=True)
    page = admin.get("/admin/core/auditevent/", {"all": "1"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "community.thread_created" in html
    # The writer's named acts may name them; rows about anonymous objects must not.
    seen = 0
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        texts = [re.sub(r"<[^>]+>", "", c).strip() for c in cells]  # seq, at, actor, action, type, id, subject
        if len(texts) >= 7 and (texts[4], texts[5]) in anonymous:
            seen += 1
            assert str(WRITER_ID) not in (texts[2], texts[6]), f"audit list row {texts} names the anonymous author"
    assert seen >= len({"thread_created", "post_cancelled", "post_reported", "hide", "chat_reported", "chat_hidden"})


def _check_others_exports(cast, posts: dict) -> None:
    from hearthside.accounts.actions import export_user_data

    for who in ("reader", "facilitator", "admin"):
        data = export_user_data(cast[who])
        text = json.dumps(data, default=str)
        _assert_unlinked(text, f"{who}'s export")


def test_nothing_an_observer_sees_ties_anonymous_acts_to_their_author(cast):
    writer = cast["writer"]
    members_before = login_client(cast["reader"]).get("/api/v1/community/groups/anxiety/members").json()
    assert {"pseudonym": PSEUDONYM, "role": "member"} in members_before  # the control: they are listed

    live = _live_part(cast)
    _check_frames(live)
    posts = _forum_part(cast)
    paths = _api_paths()
    _check_pages(cast, posts, members_before)
    _check_api(cast, posts, paths)
    _check_moderation_queue(cast, posts)
    _check_audit(cast, posts)
    _check_others_exports(cast, posts)
    # Sealed, not lost: the facilitator still answers for the hide, and an administrator can open
    # whose post it was, with a reason (recorded).
    from hearthside.core import audit
    from hearthside.core.models import AuditEvent

    hide = AuditEvent.objects.get(action="community.moderation.hide")
    assert hide.actor_id == cast["facilitator"].pk
    assert audit.unseal(hide.seq, by=cast["admin"], reason="Checking issue 17 test")["subject"] == WRITER_ID

    # Erased: still nothing about the anonymous acts names them anywhere the others look.
    from hearthside.accounts.actions import erase_user_now

    erase_user_now(writer)
    _check_audit(cast, posts)
    _check_others_exports(cast, posts)
    for who in ("reader", "facilitator"):
        html = login_client(cast[who]).get("/groups/anxiety/forum/").content.decode()
        _assert_unlinked(html, f"{who}'s thread list after erasure")
        assert SECRET_TITLE not in html
