"""Youth mode: under-18 groups apart from adult ones, everything in them held for a moderator,
crisis handling never delayed, and no direct contact between adults and minors."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from hearthside.community import actions, chat_moderation, moderation, youth
from hearthside.community.forum import actions as forum
from hearthside.community.models import ChatMessage, Group, Membership, Post
from hearthside.conftest import login_client, make_user
from hearthside.selfcare.models import Notification

from .forum_fixtures import CRISIS_TEXT, join, start_thread

pytestmark = pytest.mark.django_db
CONTACT = "Dana Reyes, safeguarding lead, 0800 000 111"
KIND_REJECTION = ("A moderator did not publish your %s in Teen space. It may not have fitted the group's guidelines; "
                  "it is not a judgement of you. If something is on your mind, you can write it another way, or "
                  "talk to someone you trust.")


@pytest.fixture
def youth_on(settings):
    settings.YOUTH_MODE = True
    settings.YOUTH_SAFEGUARDING_CONTACT = CONTACT
    settings.YOUTH_REVIEW_MINUTES = 60
    settings.YOUTH_REVIEW_MINUTES_FLAGGED = 15
    return settings


@pytest.fixture
def spaces(db):
    adults = Group.objects.create(slug="adults-anxiety", name="Adults anxiety")
    teens = Group.objects.create(slug="teen-space", name="Teen space", audience=Group.Audience.UNDER_18)
    adult = make_user("adult", pseudonym="Grown Oak", age_band="adult")
    teen = make_user("teen", pseudonym="Young Fern", age_band="under_18")
    teen2 = make_user("teen2", pseudonym="Young Moss", age_band="under_18")
    moderator = make_user("moderator", "moderator", age_band="adult")
    join(adult, adults)
    join(teen, teens)
    join(teen2, teens)
    return {"adults": adults, "teens": teens, "adult": adult, "teen": teen, "teen2": teen2, "moderator": moderator}


def _sent(monkeypatch):
    """Frames handed to the fan-out after commit: (topics, frame as a dict)."""
    from hearthside.core import events

    sent = []
    monkeypatch.setattr(events, "send_now", lambda names, frame: sent.append(
        (list(names), json.loads(frame) if isinstance(frame, str) else frame)))
    return sent


# ---------------------------------------------------------------------------------------------
# Separate spaces


def test_each_band_sees_and_joins_only_its_own_groups(youth_on, spaces, api_as):
    adult, teen = spaces["adult"], spaces["teen"]
    assert [g["slug"] for g in api_as(adult).get("/api/v1/community/groups").json()] == ["adults-anxiety"]
    assert [g["slug"] for g in api_as(teen).get("/api/v1/community/groups").json()] == ["teen-space"]
    # The other band's group does not exist for them: page, API, join, chat, forum.
    assert login_client(adult).get("/groups/teen-space/").status_code == 404
    assert login_client(adult).post("/groups/teen-space/join/").status_code == 404
    assert api_as(adult).get("/api/v1/community/groups/teen-space").status_code == 404
    assert api_as(adult).post("/api/v1/community/groups/teen-space/join").status_code == 404
    assert login_client(teen).get("/groups/adults-anxiety/").status_code == 404
    assert login_client(adult).get("/groups/teen-space/forum/").status_code == 404
    assert not Membership.objects.filter(user=adult, group=spaces["teens"]).exists()
    # Site moderators see both (they review the under-18 groups).
    assert [g["slug"] for g in api_as(spaces["moderator"]).get("/api/v1/community/groups").json()] == [
        "adults-anxiety", "teen-space"]


def test_a_thread_of_an_under_18_group_is_a_404_to_an_adult_even_with_a_stale_membership(youth_on, spaces):
    teen, adult, teens = spaces["teen"], spaces["adult"], spaces["teens"]
    youth_on.YOUTH_MODE = False
    sub = start_thread(teen, teens)  # published: youth mode is off
    youth_on.YOUTH_MODE = True
    # A membership created around the rules (in the admin, say) counts for nothing.
    join(adult, teens)
    assert login_client(adult).get(f"/groups/teen-space/forum/t/{sub.thread.pk}/").status_code == 404
    assert actions.active_membership(adult, teens) is None
    assert list(actions.groups_for(adult)) == ["adults-anxiety"]


def test_someone_without_a_band_sees_no_group_until_they_say(youth_on, spaces):
    nobody = make_user("nobody", pseudonym="No Band")
    page = login_client(nobody).get("/groups/")
    assert page.status_code == 200
    assert list(page.context["rows"]) == []
    assert "Tell us your age in your settings to see yours." in page.content.decode()
    assert login_client(nobody).get("/groups/adults-anxiety/").status_code == 404


def test_with_youth_mode_off_every_group_is_open_to_everyone(settings, spaces, api_as):
    settings.YOUTH_MODE = False
    slugs = [g["slug"] for g in api_as(spaces["adult"]).get("/api/v1/community/groups").json()]
    assert slugs == ["adults-anxiety", "teen-space"]
    sub = start_thread(spaces["teen"], spaces["teens"])
    assert sub.post.status == Post.Status.PUBLISHED
    message, _created, _route = actions.check_send_chat(spaces["teen"], spaces["teens"], "c1", "hi all")
    assert message.status == ChatMessage.Status.PUBLISHED and message.seq == 1


def test_growing_up_leaves_the_under_18_groups_at_once(youth_on, spaces, monkeypatch):
    from hearthside.accounts.actions import check_update_profile

    teen = spaces["teen"]
    sent = _sent(monkeypatch)
    with TestCase.captureOnCommitCallbacks(execute=True):
        check_update_profile(teen, {"age_band": "adult"})
    assert Membership.objects.get(user=teen, group=spaces["teens"]).status == Membership.Status.LEFT
    assert ([f"user.{teen.pk}"], {"type": "membership.ended", "group": "teen-space"}) in sent


# ---------------------------------------------------------------------------------------------
# Held before published


def test_an_under_18_post_waits_for_a_moderator_and_approval_publishes_it_live(youth_on, spaces, monkeypatch):
    teen, teen2, teens, mod = spaces["teen"], spaces["teen2"], spaces["teens"], spaces["moderator"]
    sent = _sent(monkeypatch)
    with TestCase.captureOnCommitCallbacks(execute=True):
        sub = start_thread(teen, teens, title="Exams", body="Exams are making me so tense.")
    post = sub.post
    assert post.status == Post.Status.PENDING
    assert sent == []  # nothing announced while it waits
    other = forum.viewer_for(teen2, teens)
    assert forum.thread_list(other)["threads"] == []
    # The author sees it, marked as waiting for a moderator.
    page = login_client(teen).get(f"/groups/teen-space/forum/t/{post.thread_id}/")
    assert "Waiting for a moderator" in page.content.decode()

    with TestCase.captureOnCommitCallbacks(execute=True):
        moderation.check_moderate(mod, post, "approve")
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert sent == [([f"group.{teens.pk}"], {"type": "forum.thread", "group": "teen-space",
                                             "thread": post.thread_id, "post": post.pk})]
    assert [t["title"] for t in forum.thread_list(other)["threads"]] == ["Exams"]


def test_an_edit_of_a_published_under_18_post_waits_again(youth_on, spaces):
    teen, teens, mod = spaces["teen"], spaces["teens"], spaces["moderator"]
    post = start_thread(teen, teens).post
    moderation.check_moderate(mod, post, "approve")
    edited = forum.check_edit_post(teen, Post.objects.get(pk=post.pk), forum.viewer_for(teen, teens),
                                   "Changed my mind about what I said.")
    assert edited.post.status == Post.Status.PENDING


def test_an_under_18_chat_message_waits_and_approval_gives_it_its_place_live(youth_on, spaces, monkeypatch):
    teen, teen2, teens, mod = spaces["teen"], spaces["teen2"], spaces["teens"], spaces["moderator"]
    sent = _sent(monkeypatch)
    with TestCase.captureOnCommitCallbacks(execute=True):
        message, created, route = actions.check_send_chat(teen, teens, "c1", "anyone else up late?")
    assert created and route.publish
    assert message.status == ChatMessage.Status.REVIEW and message.seq is None and message.abuse_check == {}
    assert actions.chat_history(teen2, teens) == []
    assert sent == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        chat_moderation.check_moderate_chat(mod, message, "approve")
    message.refresh_from_db()
    assert (message.status, message.seq) == (ChatMessage.Status.PUBLISHED, 1)
    assert [m["body"] for m in actions.chat_history(teen2, teens)] == ["anyone else up late?"]
    assert len(sent) == 1 and sent[0][0] == [f"group.{teens.pk}"]
    assert (sent[0][1]["type"], sent[0][1]["seq"], sent[0][1]["body"]) == ("chat.message", 1, "anyone else up late?")


def test_the_chat_page_of_an_under_18_group_says_every_message_waits(youth_on, spaces):
    page = login_client(spaces["teen"]).get("/groups/teen-space/").content.decode()
    assert ("Your message is waiting for a moderator. In this group a moderator reads every message before it "
            "appears.") in page
    assert "This group is for people under 18. A moderator reads every post and message before it appears." in page
    assert CONTACT in page


def test_crisis_language_in_a_held_space_reaches_the_safety_layer_at_once(youth_on, spaces, monkeypatch):
    from hearthside.safety.models import SafetyAlert, ScreenedItem

    teen, teens = spaces["teen"], spaces["teens"]
    sent = _sent(monkeypatch)
    with TestCase.captureOnCommitCallbacks(execute=True):
        message, _created, route = actions.check_send_chat(teen, teens, "c1", CRISIS_TEXT)
    assert message.status == ChatMessage.Status.HELD and not route.publish and route.show_help
    assert SafetyAlert.objects.filter(person=teen).count() == 1
    help_frames = [f for topics, f in sent if f["type"] == "safety.help"]
    assert [(f["held"], topics) for topics, f in sent if f["type"] == "safety.help"] == [(True, [f"user.{teen.pk}"])]
    assert len(help_frames) == 1
    sub = start_thread(teen, teens, title="Tonight", body=CRISIS_TEXT)
    assert sub.post.status == Post.Status.HELD and sub.show_help
    # The open alert for this person covers it (the safety layer adds to one open alert per person).
    assert list(ScreenedItem.objects.filter(author=teen).order_by("pk").values_list("source", "status")) == [
        (actions.CHAT_SOURCE, "held"), (forum.SOURCE, "held")]


def test_rejecting_tells_the_young_author_kindly(youth_on, spaces):
    teen, teens, mod = spaces["teen"], spaces["teens"], spaces["moderator"]
    post = start_thread(teen, teens).post
    moderation.check_moderate(mod, post, "hide", reason="off topic")
    message, _c, _r = actions.check_send_chat(teen, teens, "c1", "hello")
    chat_moderation.check_moderate_chat(mod, message, "hide")
    assert list(Notification.objects.filter(user=teen).order_by("pk").values_list("text", flat=True)) == [
        KIND_REJECTION % "post", KIND_REJECTION % "message"]
    assert Post.objects.get(pk=post.pk).status == Post.Status.HIDDEN


# ---------------------------------------------------------------------------------------------
# The queue: by risk, then age; targets and overdue items; the safeguarding contact


def test_the_queue_puts_flagged_items_first_then_the_oldest_and_marks_overdue_ones(youth_on, spaces):
    from hearthside.safety.models import ScreenedItem

    teen, teen2, teens, mod = spaces["teen"], spaces["teen2"], spaces["teens"], spaces["moderator"]
    now = timezone.now()
    old_post = start_thread(teen, teens, title="Old").post
    Post.objects.filter(pk=old_post.pk).update(created_at=now - timedelta(minutes=90))
    chat, _c, _r = actions.check_send_chat(teen2, teens, "c1", "newer chat")
    ChatMessage.objects.filter(pk=chat.pk).update(created_at=now - timedelta(minutes=10))
    flagged, _c, _r = actions.check_send_chat(teen, teens, "c2", "a flagged one")
    ChatMessage.objects.filter(pk=flagged.pk).update(created_at=now - timedelta(minutes=20))
    ScreenedItem.objects.create(author=teen, source=actions.CHAT_SOURCE, source_id=f"{teens.pk}:c2",
                                text="a flagged one", level="moderate", decision="publish", status="flagged")
    # Adult groups' items are not in this queue.
    adult_post = start_thread(spaces["adult"], spaces["adults"]).post
    assert adult_post.status == Post.Status.PUBLISHED

    items = youth.queue(mod, moderation.moderated_groups(mod), now=now)
    assert [(i["kind"], i["id"], i["level"], i["overdue"]) for i in items] == [
        ("chat", flagged.pk, "moderate", True),   # 20 min old, target 15
        ("post", old_post.pk, "none", True),      # 90 min old, target 60
        ("chat", chat.pk, "none", False),         # 10 min old, target 60
    ]
    assert items[0]["due_at"] == now - timedelta(minutes=20) + timedelta(minutes=15)
    assert items[2]["due_at"] == now - timedelta(minutes=10) + timedelta(minutes=60)


def test_the_queue_page_shows_the_youth_section_with_the_safeguarding_contact(youth_on, spaces):
    teen, teens, mod = spaces["teen"], spaces["teens"], spaces["moderator"]
    start_thread(teen, teens, title="Exams")
    page = login_client(mod, two_factor=True).get("/staff/community/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Under-18 groups: waiting for a moderator" in html
    assert f"Safeguarding contact: {CONTACT}" in html
    assert [i["title"] for i in page.context["youth_items"]] == ["Exams"]
    assert page.context["items"] == []  # listed once, in the youth section
    # Facilitators of adult groups see nothing from the under-18 groups.
    facil = make_user("facil", age_band="adult")
    join(facil, spaces["adults"], role=Membership.Role.FACILITATOR)
    assert youth.queue(facil, moderation.moderated_groups(facil)) == []


def test_the_queue_is_empty_and_hidden_with_youth_mode_off(settings, spaces):
    settings.YOUTH_MODE = False
    mod = spaces["moderator"]
    assert youth.queue(mod, moderation.moderated_groups(mod)) == []
    html = login_client(mod, two_factor=True).get("/staff/community/").content.decode()
    assert "Under-18 groups: waiting for a moderator" not in html


# ---------------------------------------------------------------------------------------------
# No direct contact between adults and minors


def test_an_adult_and_a_minor_cannot_reach_each_other_even_through_a_shared_membership(youth_on, spaces, api_as):
    from .forum_fixtures import put

    adult, teen = spaces["adult"], spaces["teen"]
    join(adult, spaces["teens"])  # made around the rules (in the admin, say)
    assert put(api_as(adult), "/api/v1/community/blocks/Young%20Fern", {"kind": "block"}).status_code == 404
    assert put(api_as(teen), "/api/v1/community/blocks/Grown%20Oak", {"kind": "mute"}).status_code == 404
    # Two young members of one group can.
    assert put(api_as(teen), "/api/v1/community/blocks/Young%20Moss", {"kind": "mute"}).status_code == 200
    youth_on.YOUTH_MODE = False  # as before youth mode: sharing a group is enough
    assert put(api_as(adult), "/api/v1/community/blocks/Young%20Fern", {"kind": "block"}).status_code == 200


def test_friends_keeps_an_adult_account_out_of_the_under_18_pool(youth_on, spaces, api_as):
    from django.core.exceptions import ValidationError

    from hearthside.friends import actions as friends
    from hearthside.friends.tests.helpers import peer

    minor = peer("minor", band="under_18", age_band="under_18")
    adult = peer("grownup", band="adult", age_band="adult")
    assert api_as(adult).post(f"/api/v1/friends/profiles/{minor.peer_profile.pk}/request", {}).status_code == 404
    assert api_as(adult).get("/api/v1/friends/suggestions").json() == []
    # The gap closed here: an adult account with no year of birth declaring "under 18" in Friends.
    sneaky = make_user("sneaky", age_band="adult")
    with pytest.raises(ValidationError) as exc:
        friends.check_save_profile(sneaky, {"pseudonym": "Sneaky P", "age_band": "under_18", "topics": ["grief"],
                                            "languages": ["es"], "looking_for": ["talk"], "enabled": True})
    assert exc.value.message_dict["age_band"] == ["This does not match the year of birth on your account."]


def test_the_peer_profile_follows_the_account_when_a_minor_becomes_an_adult(youth_on, spaces):
    from hearthside.accounts.actions import check_update_profile
    from hearthside.friends.models import Connection
    from hearthside.friends.tests.helpers import connect, peer

    minor = peer("minor", band="under_18", age_band="under_18")
    friend = peer("friend", band="under_18", age_band="under_18")
    connection = connect(minor, friend)
    check_update_profile(minor, {"age_band": "adult"})
    minor.peer_profile.refresh_from_db()
    assert minor.peer_profile.age_band == "adult"
    assert Connection.objects.get(pk=connection.pk).status == Connection.Status.ENDED


def test_demo_groups_and_their_demo_members_are_adults_so_youth_mode_keeps_them_together(youth_on):
    from hearthside.community import demo

    river = make_user("demo-member", pseudonym="River (demo)")
    demo._groups()
    river.refresh_from_db()
    assert river.age_band == "adult"
    assert set(Group.objects.values_list("audience", flat=True)) == {"adult"}
    assert sorted(actions.groups_for(river)) == sorted(Group.objects.values_list("slug", flat=True))
