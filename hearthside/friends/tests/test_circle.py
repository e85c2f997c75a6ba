"""The circle of support: consent both ways, the safety plan, reach-outs with seen state,
gentle check-ins only when allowed, and the coping-strategies board."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from hearthside.friends import actions
from hearthside.friends.models import CircleMember, ReachOut, ReachOutDelivery, Strategy
from hearthside.safety.actions import plan_for

from .helpers import CRISIS, connect, peer, with_health_consent

pytestmark = pytest.mark.django_db

API = "/api/v1/friends"


def test_circle_needs_both_to_agree_and_lists_them_in_the_safety_plan(api_as):
    alice, bob = with_health_consent(peer("alice")), peer("bob")
    connection = connect(alice, bob)
    response = api_as(alice).post(f"{API}/connections/{connection.pk}/circle", {"in_safety_plan": True})
    assert response.status_code == 201
    cid = response.json()["id"]
    # Asked is not agreed: nothing in the plan yet, and reach-outs have nobody to go to.
    assert plan_for(alice) is None or plan_for(alice).steps["people_to_ask"] == []
    assert api_as(alice).post(f"{API}/reach-out", {"preset": "talk"}).status_code == 400
    # Only the person asked can answer; the owner cannot agree for them.
    assert api_as(alice).post(f"{API}/circle/{cid}/answer", {"accept": True}).status_code == 404
    assert api_as(bob).get(f"{API}/circle").json()["joined"][0]["status"] == "invited"
    assert api_as(bob).post(f"{API}/circle/{cid}/answer", {"accept": True}).json()["status"] == "accepted"
    assert plan_for(alice).steps["people_to_ask"] == ["Bob P — my Hearthside circle (message them under Friends)"]
    # Taking them out of the plan (or out of the circle) removes the line again.
    api_as(alice).post(f"{API}/circle/{cid}/plan", {"in_safety_plan": False})
    assert plan_for(alice).steps["people_to_ask"] == []
    api_as(alice).post(f"{API}/circle/{cid}/plan", {"in_safety_plan": True})
    assert len(plan_for(alice).steps["people_to_ask"]) == 1
    assert api_as(bob).post(f"{API}/circle/{cid}/leave").status_code == 204
    assert plan_for(alice).steps["people_to_ask"] == []


def test_declining_the_circle_and_the_plan_needs_health_data_consent(api_as):
    alice, bob = peer("alice"), peer("bob")
    connection = connect(alice, bob)
    assert api_as(alice).post(f"{API}/connections/{connection.pk}/circle",
                              {"in_safety_plan": True}).status_code == 403
    cid = api_as(alice).post(f"{API}/connections/{connection.pk}/circle", {}).json()["id"]
    assert api_as(bob).post(f"{API}/circle/{cid}/answer", {"accept": False}).json()["status"] == "declined"
    assert api_as(alice).get(f"{API}/circle").json()["mine"] == []


def test_circle_size_is_limited(settings):
    settings.FRIENDS_CIRCLE_SIZE = 2
    owner = peer("owner")
    friends = [peer(f"friend{i}") for i in range(3)]
    connections = [connect(owner, f) for f in friends]
    actions.check_invite_to_circle(owner, connections[0])
    actions.check_invite_to_circle(owner, connections[1])
    with pytest.raises(actions.ValidationError):
        actions.check_invite_to_circle(owner, connections[2])


def _circle(owner, *members):
    for member in members:
        membership = actions.check_invite_to_circle(owner, connect(owner, member))
        actions.check_answer_circle(member, membership, True)


@pytest.mark.django_db(transaction=True)
def test_reach_out_reaches_the_circle_and_the_sender_sees_who_has_seen_it(api_as):
    alice = peer("alice")
    bob, carol, outsider = peer("bob", email="bob@example.org"), peer("carol"), peer("dave")
    _circle(alice, bob, carol)
    response = api_as(alice).post(f"{API}/reach-out", {"preset": "rough_day"})
    assert response.status_code == 201
    sent = response.json()
    assert sorted((r["name"], r["seen"]) for r in sent["recipients"]) == [("Bob P", False), ("Carol P", False)]
    # Email through the task queue, sent by the worker: who and where, never the message.
    from django.core.management import call_command

    call_command("db_worker", batch=True, verbosity=0)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bob@example.org"]
    assert "rough day" not in mail.outbox[0].body and "/friends/reach-outs/" in mail.outbox[0].body
    received = api_as(bob).get(f"{API}/reach-outs").json()
    assert [r["body"] for r in received] == ["I'm having a rough day. Could you check in with me?"]
    assert api_as(outsider).get(f"{API}/reach-outs").json() == []
    assert api_as(outsider).post(f"{API}/reach-outs/{received[0]['id']}/seen").status_code == 404
    api_as(bob).post(f"{API}/reach-outs/{received[0]['id']}/seen")
    api_as(carol).post(f"{API}/reach-outs/{api_as(carol).get(f'{API}/reach-outs').json()[0]['id']}/reply",
                       {"text": "Here for you. Call later?"})
    status = api_as(alice).get(f"{API}/reach-outs/sent").json()[0]["recipients"]
    assert sorted((r["name"], r["seen"], r["reply"]) for r in status) == [
        ("Bob P", True, None), ("Carol P", True, "Here for you. Call later?")]


def test_a_custom_reach_out_is_screened(api_as):
    alice, bob = peer("alice"), peer("bob")
    _circle(alice, bob)
    assert api_as(alice).post(f"{API}/reach-out", {"text": CRISIS}).status_code == 422
    assert not ReachOut.objects.exists()
    assert api_as(alice).post(f"{API}/reach-out", {"text": "Long week. Coffee?"}).status_code == 201


def test_gentle_check_ins_only_when_allowed_once_per_quiet_spell():
    from hearthside.selfcare.models import CheckIn

    alice, bob = peer("alice"), peer("bob")
    quiet = peer("quiet")
    _circle(alice, bob)
    _circle(quiet, bob)
    start = timezone.now()
    profile = alice.peer_profile
    actions.check_save_profile(alice, {**_profile_data(profile), "nudge_after_days": 3})
    # Quiet (who never allowed it) is never nudged about.
    with time_machine.travel(start + timedelta(days=2)):
        assert actions.nudge_quiet_members() == 0
    with time_machine.travel(start + timedelta(days=3, hours=1)):
        assert actions.nudge_quiet_members() == 1
        assert actions.nudge_quiet_members() == 0  # idempotent
    nudges = ReachOutDelivery.objects.filter(reach_out__kind=ReachOut.Kind.NUDGE)
    assert [(d.recipient, d.reach_out.sender) for d in nudges] == [(bob, alice)]
    # A check-in starts a new spell: nudged again only after another three quiet days.
    with time_machine.travel(start + timedelta(days=4)):
        CheckIn.objects.create(user=alice, mood=6)
        assert actions.nudge_quiet_members() == 0
    with time_machine.travel(start + timedelta(days=7, hours=1)):
        assert actions.nudge_quiet_members() == 1
    # Turned off: no more nudges.
    actions.check_save_profile(alice, {**_profile_data(alice.peer_profile), "nudge_after_days": None})
    with time_machine.travel(start + timedelta(days=30)):
        assert actions.nudge_quiet_members() == 0
    assert not ReachOut.objects.filter(sender=quiet).exists()


def _profile_data(profile) -> dict:
    return {"pseudonym": profile.pseudonym, "intro": profile.intro, "age_band": profile.age_band,
            "topics": profile.topics, "languages": profile.languages, "looking_for": profile.looking_for,
            "availability": profile.availability, "enabled": profile.enabled}


def test_strategies_board_screened_reacted_saved_reported_and_hidden(api_as, moderator):
    alice = with_health_consent(peer("alice"))
    bob = peer("bob")
    response = api_as(bob).post(f"{API}/strategies", {"text": "Cold water on my face, then a slow walk.",
                                                      "situations": ["panic", "anxious"]})
    assert response.status_code == 201 and response.json()["status"] == "published"
    sid = response.json()["id"]
    held = api_as(bob).post(f"{API}/strategies", {"text": CRISIS, "situations": ["low"]}).json()
    assert held["status"] == "held"
    assert [s["id"] for s in api_as(alice).get(f"{API}/strategies").json()] == [sid]
    assert [s["id"] for s in api_as(alice).get(f"{API}/strategies", situation="panic").json()] == [sid]
    assert api_as(alice).get(f"{API}/strategies", situation="sleep").json() == []
    assert api_as(alice).post(f"{API}/strategies/{held['id']}/helped").status_code == 404
    assert api_as(alice).post(f"{API}/strategies/{sid}/helped").json() == {"helped_me": True}
    board = api_as(alice).get(f"{API}/strategies").json()
    assert board[0]["helped"] == 1 and board[0]["helped_me"] is True
    assert api_as(alice).post(f"{API}/strategies/{sid}/save-to-plan").status_code == 204
    assert api_as(alice).post(f"{API}/strategies/{sid}/save-to-plan").status_code == 204
    assert plan_for(alice).steps["coping_strategies"] == ["Cold water on my face, then a slow walk."]
    assert api_as(alice).post(f"{API}/strategies/{sid}/report", {"reason": "spam"}).status_code == 201
    assert api_as(alice).post(f"{API}/strategies/{sid}/hide", {}).status_code == 404
    mod = api_as(moderator, two_factor=True)
    assert mod.post(f"{API}/strategies/{sid}/hide", {"reason": "off-topic"}).json()["status"] == "hidden"
    assert api_as(alice).get(f"{API}/strategies").json() == []
    assert Strategy.objects.get(pk=sid).reports.get().status == "handled"


def test_blocking_removes_circle_memberships_both_ways():
    alice, bob = with_health_consent(peer("alice")), peer("bob")
    membership = actions.check_invite_to_circle(alice, connect(alice, bob), in_safety_plan=True)
    actions.check_answer_circle(bob, membership, True)
    actions.do_block(bob, alice)
    assert CircleMember.objects.get().status == CircleMember.Status.REMOVED
    assert plan_for(alice).steps["people_to_ask"] == []


@pytest.mark.django_db
def test_no_account_id_links_a_peer_profile_to_a_group_pseudonym():
    """Issue #17: group chat frames carried the account id as mine_id and peer chat frames as
    author_id -- the same number in both linked a separate peer profile to a group pseudonym."""
    from hearthside.community.actions import chat_frame as group_frame
    from hearthside.community.models import ChatMessage, Group
    from hearthside.conftest import make_user
    from hearthside.friends.actions import author_ref
    from hearthside.friends.actions import chat_frame as peer_frame
    from hearthside.friends.models import Connection, PeerMessage

    ana, ben = make_user("ana_x"), make_user("ben_x")
    group = Group.objects.create(slug="gx", name="GX")
    named = ChatMessage.objects.create(group=group, author=ana, body="hello", seq=1, status="published")
    connection = Connection.objects.create(requester=ana, recipient=ben, status="accepted")
    peer = PeerMessage.objects.create(connection=connection, author=ana, body="hi", seq=1)
    frames = [group_frame(named, group), peer_frame(peer)]
    for frame in frames:
        assert not {"mine_id", "author_id", "user_id"} & set(frame)
    assert frames[0]["named"] is True and "mine_id" not in frames[0]
    assert frames[1]["author_ref"] == author_ref(connection.pk, ana.pk) != author_ref(connection.pk + 1, ana.pk)


@pytest.mark.django_db
def test_an_adult_cannot_move_into_the_under_18_pool_by_changing_their_year_of_birth():
    """Issue #17: an adult moved into the under-18 pool by changing the year of birth after
    creating the profile."""
    from django.core.exceptions import ValidationError

    from hearthside.accounts.actions import check_update_profile

    adult = peer("grownup", year_of_birth=1990)
    assert adult.peer_profile.age_band == "adult"
    this_year = timezone.now().year
    check_update_profile(adult, {"year_of_birth": this_year - 16})
    adult.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        actions.check_save_profile(adult, {"pseudonym": "Grownup P", "intro": "Hello there", "age_band": "under_18",
                                           "topics": ["grief"], "languages": ["es"], "looking_for": ["talk"]})
    assert "age_band" in exc.value.message_dict
    adult.peer_profile.refresh_from_db()
    assert adult.peer_profile.age_band == "adult"
    # Growing up moves the other way.
    teen = peer("teen", band="under_18", year_of_birth=this_year - 17)
    check_update_profile(teen, {"year_of_birth": this_year - 20})
    teen.refresh_from_db()
    profile = actions.check_save_profile(teen, {"pseudonym": "Teen P", "intro": "Hello there", "age_band": "adult",
                                                "topics": ["grief"], "languages": ["es"], "looking_for": ["talk"]})
    assert profile.age_band == "adult"


@pytest.mark.django_db
def test_peer_profile_names_that_pass_for_someone_elses_are_refused():
    from django.core.exceptions import ValidationError

    from hearthside.conftest import make_user

    peer("victim")  # "Victim P"
    other = make_user("impostor")
    for lookalike in ("Victim Р", "Vіctim P"):  # Cyrillic Р; Ukrainian і
        with pytest.raises(ValidationError) as exc:
            actions.check_save_profile(other, {"pseudonym": lookalike, "intro": "Hello there", "age_band": "adult",
                                               "topics": ["grief"], "languages": ["es"], "looking_for": ["talk"]})
        assert "pseudonym" in exc.value.message_dict
    profile = actions.check_save_profile(other, {"pseudonym": "Лена", "intro": "Hello there", "age_band": "adult",
                                                 "topics": ["grief"], "languages": ["es"], "looking_for": ["talk"]})
    assert profile.pseudonym_skeleton
