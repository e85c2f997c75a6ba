"""Connection in the treatment plan (issue #22): a practitioner suggests a group, a meeting, peer
friends or a strategy-board topic; the client chooses whether to act and whether the practitioner
sees what came of it; age rules; audited reads; access."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from hearthside.care import actions, connections
from hearthside.care.models import Recommendation
from hearthside.community.models import Group, Meeting, MeetingRSVP, Membership
from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent

from .conftest import make_practitioner


@pytest.fixture
def rel(db, pro, client_user):
    return actions.check_choose_practitioner(client_user, pro)


@pytest.fixture
def group(db):
    return Group.objects.create(slug="evening-circle", name="Evening circle", topic="anxiety")


@pytest.fixture
def web(pro):
    return login_client(pro.user, two_factor=True)


def _meeting(group, *, hours=24, **extra):
    return Meeting.objects.create(group=group, title="Thursday check-in", duration_minutes=60,
                                  starts_at=timezone.now() + timedelta(hours=hours), **extra)


def _connection_reads(client_user):
    return list(AuditEvent.objects.filter(action="care.client_data_read", subject_id=client_user.pk,
                                          detail__data_type="connections").order_by("seq"))


def _share(client_user, rec, on=True):
    return login_client(client_user).post("/care/", {"recommendation": rec.pk, "share": "on" if on else "off"})


def test_a_suggested_group_reaches_the_client_with_its_link_and_the_note_encrypted(rel, pro, client_user, group, web):
    response = web.post(f"/care/clients/{rel.pk}/", {"action": "recommend", "target": f"group:{group.pk}",
                                                      "note": "People who get it, on Tuesdays."})
    assert response.status_code == 302
    rec = Recommendation.objects.get()
    assert (rec.kind, rec.group_id, rec.client_id, rec.relationship_id, rec.outcome_shared) == (
        "group", group.pk, client_user.pk, rel.pk, False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM care_recommendation WHERE id = %s", [rec.pk])
        (raw,) = cursor.fetchone()
    assert raw.startswith("enc1:") and "Tuesdays" not in raw
    from hearthside.selfcare.models import Notification

    assert list(Notification.objects.filter(user=client_user).values_list("text", "url")) == [
        ("Drjones suggested a way to connect with others: Support group: Evening circle.", "/care/#connect")]
    assert AuditEvent.objects.filter(action="care.recommendation_made", actor_id=pro.user.pk,
                                     subject_id=client_user.pk).count() == 1
    page = login_client(client_user).get("/care/").content.decode()
    assert "Support group: Evening circle" in page and "People who get it, on Tuesdays." in page
    assert '<a class="button button-secondary" href="/groups/evening-circle/">Open the group</a>' in page
    assert "Drjones does not see whether you took this up." in page


def test_each_kind_links_straight_to_where_the_client_acts(rel, pro, client_user, group):
    meeting = _meeting(group)
    for target in ("friends", "strategies:sleep", f"meeting:{meeting.pk}"):
        connections.check_recommend(pro.user, rel, target)
    rows = {r["rec"].kind: (r["title"], r["url"], r["link"]) for r in connections.client_rows(client_user)}
    assert rows == {
        "friends": ("Peer friends: members who share from lived experience", "/friends/", "Find peers"),
        "strategies": ("Coping-strategy board: what helps when can't sleep", "/friends/strategies/?situation=sleep",
                       "Open the board"),
        "meeting": ("Meeting: Thursday check-in (Evening circle)", "/groups/evening-circle/", "Join the group first"),
    }
    Membership.objects.create(group=group, user=client_user)
    meeting_row = [r for r in connections.client_rows(client_user) if r["rec"].kind == "meeting"][0]
    assert (meeting_row["url"], meeting_row["link"]) == (f"/groups/evening-circle/meetings/{meeting.pk}/",
                                                         "See the meeting")


def test_the_outcome_is_not_shared_until_the_client_allows_it_and_withdrawing_hides_it(rel, pro, client_user,
                                                                                      group, web):
    rec = connections.check_recommend(pro.user, rel, f"group:{group.pk}")
    Membership.objects.create(group=group, user=client_user)
    page = web.get(f"/care/clients/{rel.pk}/").content.decode()
    assert '<span class="badge badge-off">Not shared</span>' in page and "Joined" not in page
    assert [r["outcome"] for r in connections.practitioner_rows(pro.user, rel)] == [None]

    assert _share(client_user, rec).status_code == 302
    rec.refresh_from_db()
    assert rec.outcome_shared and rec.outcome_shared_at is not None
    page = web.get(f"/care/clients/{rel.pk}/").content.decode()
    assert '<span class="badge badge-on">Joined</span>' in page and "Not shared" not in page
    assert "Drjones can see whether you took this up" in login_client(client_user).get("/care/").content.decode()

    _share(client_user, rec, on=False)
    rec.refresh_from_db()
    assert (rec.outcome_shared, rec.outcome_shared_at) == (False, None)
    page = web.get(f"/care/clients/{rel.pk}/").content.decode()
    assert '<span class="badge badge-off">Not shared</span>' in page and "Joined" not in page
    assert list(AuditEvent.objects.filter(subject_id=client_user.pk, action__startswith="care.recommendation_outcome")
                .order_by("seq").values_list("action", flat=True)) == [
        "care.recommendation_outcome_shared", "care.recommendation_outcome_withheld"]


def test_withdrawing_the_sharing_consent_hides_every_outcome_and_sharing_then_needs_it(rel, pro, client_user, group):
    from hearthside.accounts.actions import do_withdraw_consent

    rec = connections.check_recommend(pro.user, rel, f"group:{group.pk}")
    connections.check_share_outcome(client_user, rec, True)
    assert [r["outcome"] for r in connections.practitioner_rows(pro.user, rel)] == ["not_yet"]
    do_withdraw_consent(client_user, "practitioner_sharing")
    assert [r["outcome"] for r in connections.practitioner_rows(pro.user, rel)] == [None]
    other = connections.check_recommend(pro.user, rel, "friends")
    with pytest.raises(ValidationError) as refused:
        connections.check_share_outcome(client_user, other, True)
    assert refused.value.messages == [
        "To share anything with your practitioner, first allow sharing in your sharing settings."]
    page = _share(client_user, other)
    assert page.status_code == 302
    other.refresh_from_db()
    assert other.outcome_shared is False


def test_outcomes_are_worked_out_from_the_records_at_read_time(rel, pro, client_user, group):
    from hearthside.friends.models import Connection, Strategy, StrategyReaction

    joined = connections.check_recommend(pro.user, rel, f"group:{group.pk}")
    assert connections.outcome(joined) == "not_yet"
    membership = Membership.objects.create(group=group, user=client_user, status=Membership.Status.PENDING)
    assert connections.outcome(joined) == "asked"
    Membership.objects.filter(pk=membership.pk).update(status=Membership.Status.ACTIVE)
    assert connections.outcome(joined) == "joined"
    Membership.objects.filter(pk=membership.pk).update(status=Membership.Status.LEFT)
    assert connections.outcome(joined) == "not_yet"

    meeting = _meeting(group, hours=2)
    Membership.objects.filter(pk=membership.pk).update(status=Membership.Status.ACTIVE)
    met = connections.check_recommend(pro.user, rel, f"meeting:{meeting.pk}")
    assert connections.outcome(met) == "not_yet"
    MeetingRSVP.objects.create(meeting=meeting, user=client_user)
    assert connections.outcome(met) == "going"
    assert connections.outcome(met, now=meeting.ends_at) == "attended"
    Meeting.objects.filter(pk=meeting.pk).update(cancelled_at=timezone.now())
    met.refresh_from_db()
    assert connections.outcome(met, now=meeting.ends_at) == "not_yet"

    friends = connections.check_recommend(pro.user, rel, "friends")
    peer = make_user("bruno")
    pending = Connection.objects.create(requester=client_user, recipient=peer, pair=Connection.pair_key(
        client_user.pk, peer.pk))
    assert connections.outcome(friends) == "not_yet"
    Connection.objects.filter(pk=pending.pk).update(status=Connection.Status.ACCEPTED, responded_at=timezone.now())
    assert connections.outcome(friends) == "connected"

    board = make_user("boardwriter")
    before = Strategy.objects.create(author=board, text="Cold water on the face.", situations=["panic"])
    StrategyReaction.objects.create(strategy=before, user=client_user)  # before the suggestion: not counted
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        panic = connections.check_recommend(pro.user, rel, "strategies:panic")
    assert connections.outcome(panic) == "not_yet"
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        elsewhere = Strategy.objects.create(author=board, text="A walk.", situations=["low"])
        StrategyReaction.objects.create(strategy=elsewhere, user=client_user)
        assert connections.outcome(panic) == "not_yet"
        Strategy.objects.create(author=client_user, text="Counting colours.", situations=["panic", "anxious"])
    assert connections.outcome(panic) == "used"


def test_the_practitioner_sees_one_word_never_content_nor_who(rel, pro, client_user, group, web, api_as):
    from hearthside.friends.models import Connection, PeerMessage

    peer = make_user("peerperson", pseudonym="Bruno Lakeside")
    link = Connection.objects.create(requester=peer, recipient=client_user, status=Connection.Status.ACCEPTED,
                                     pair=Connection.pair_key(client_user.pk, peer.pk), message="Hi from Bruno",
                                     responded_at=timezone.now())
    PeerMessage.objects.create(connection=link, seq=1, author=client_user, client_id="m1",
                               body="the words I wrote to my peer")
    rec = connections.check_recommend(pro.user, rel, "friends", "Someone who has been there.")
    connections.check_share_outcome(client_user, rec, True)
    page = web.get(f"/care/clients/{rel.pk}/").content.decode()
    assert '<span class="badge badge-on">Connected with a peer</span>' in page
    for secret in ("Bruno", "Lakeside", "peerperson", "the words I wrote", "Hi from Bruno"):
        assert secret not in page
    rows = api_as(pro.user, two_factor=True).get(f"/api/v1/care/clients/{rel.pk}/recommendations").json()
    assert rows == [{"id": rec.pk, "kind": "friends", "title": "Peer friends: members who share from lived experience",
                     "note": "Someone who has been there.", "created_at": rows[0]["created_at"],
                     "outcome": "connected"}]


def test_age_rules_keep_groups_meetings_and_peer_friends_from_a_client_under_18(db, pro, group):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.friends.models import PeerProfile

    young = make_user("young", year_of_birth=timezone.localdate().year - 16)
    do_give_consent(young, "practitioner_sharing")
    rel = actions.check_choose_practitioner(young, pro)
    meeting = _meeting(group)
    assert [s["label"] for s in connections.options(young, pro.user)] == ["Coping-strategy board"]
    refusals = {}
    for target in (f"group:{group.pk}", f"meeting:{meeting.pk}", "friends"):
        with pytest.raises(ValidationError) as refused:
            connections.check_recommend(pro.user, rel, target)
        refusals[target] = refused.value.message_dict["target"]
    adult_space = ["Groups and their meetings are adult spaces: they cannot be suggested to a client under 18."]
    assert refusals == {f"group:{group.pk}": adult_space, f"meeting:{meeting.pk}": adult_space,
                        "friends": ["Peer friends cannot be suggested to a client under 18."]}
    assert connections.check_recommend(pro.user, rel, "strategies:anxious").kind == "strategies"
    assert Recommendation.objects.filter(client=young).count() == 1

    # No year of birth: the band declared on the peer profile decides.
    unknown = make_user("unknownage")
    rel2 = actions.check_choose_practitioner(unknown, make_practitioner("pro2"))
    profile = PeerProfile.objects.create(user=unknown, pseudonym="Quiet", age_band="under_18")
    with pytest.raises(ValidationError):
        connections.check_recommend(rel2.practitioner.user, rel2, "friends")
    PeerProfile.objects.filter(pk=profile.pk).update(age_band="adult")
    assert connections.check_recommend(rel2.practitioner.user, rel2, "friends").kind == "friends"

    adult = make_user("adult", year_of_birth=1990)
    rel3 = actions.check_choose_practitioner(adult, make_practitioner("pro3"))
    labels = [s["label"] for s in connections.options(adult, rel3.practitioner.user)]
    assert labels == ["Support groups", "Facilitated meetings", "Peer friends", "Coping-strategy board"]


def test_in_youth_mode_a_client_is_offered_the_groups_of_their_own_age_band(db, pro, group, settings):
    settings.YOUTH_MODE = True
    teens = Group.objects.create(slug="teen-space", name="Teen space", audience=Group.Audience.UNDER_18)
    young = make_user("young", year_of_birth=timezone.localdate().year - 16)
    rel = actions.check_choose_practitioner(young, pro)
    options = {s["label"]: [label for _value, label in s["items"]] for s in connections.options(young, pro.user)}
    assert options["Support groups"] == ["Teen space"]
    assert connections.check_recommend(pro.user, rel, f"group:{teens.pk}").kind == "group"
    with pytest.raises(ValidationError) as refused:
        connections.check_recommend(pro.user, rel, f"group:{group.pk}")  # an adults' group
    assert refused.value.message_dict["target"] == ["Your client cannot join this group."]

    adult = make_user("adult", year_of_birth=1990)
    rel_adult = actions.check_choose_practitioner(adult, make_practitioner("pro2"))
    options = {s["label"]: [label for _value, label in s["items"]]
               for s in connections.options(adult, rel_adult.practitioner.user)}
    assert options["Support groups"] == ["Evening circle"]
    with pytest.raises(ValidationError):
        connections.check_recommend(rel_adult.practitioner.user, rel_adult, f"group:{teens.pk}")


def test_only_groups_and_meetings_the_client_could_join(rel, pro, client_user, group):
    invite_only = Group.objects.create(slug="closed", name="Closed circle", join_policy=Group.JoinPolicy.INVITE)
    left_out = Group.objects.create(slug="removed-from", name="Removed from")
    Membership.objects.create(group=left_out, user=client_user, status=Membership.Status.REMOVED)
    by_request = Group.objects.create(slug="ask-first", name="Ask first", join_policy=Group.JoinPolicy.REQUEST)
    full = _meeting(group, capacity=1)
    MeetingRSVP.objects.create(meeting=full, user=make_user("early"))
    cancelled = _meeting(group, cancelled_at=timezone.now())
    over = _meeting(group, hours=-3)
    fine = _meeting(group, hours=48)
    sections = {s["label"]: [v for v, _label in s["items"]] for s in connections.options(client_user, pro.user)}
    assert sections["Support groups"] == [f"group:{by_request.pk}", f"group:{group.pk}"]
    assert sections["Facilitated meetings"] == [f"meeting:{fine.pk}"]
    expected = {f"group:{invite_only.pk}": "This group is by invitation only.",
                f"group:{left_out.pk}": "Your client cannot join this group.",
                f"meeting:{full.pk}": "This meeting is full.",
                f"meeting:{cancelled.pk}": "This meeting is over or was cancelled.",
                f"meeting:{over.pk}": "This meeting is over or was cancelled."}
    for target, message in expected.items():
        with pytest.raises(ValidationError) as refused:
            connections.check_recommend(pro.user, rel, target)
        assert refused.value.message_dict == {"target": [message]}
    Membership.objects.create(group=invite_only, user=client_user, status=Membership.Status.INVITED)
    assert connections.check_recommend(pro.user, rel, f"group:{invite_only.pk}").group_id == invite_only.pk
    assert connections.check_recommend(pro.user, rel, f"group:{by_request.pk}").group_id == by_request.pk


@pytest.mark.parametrize("target", ["", "group:", "group:abc", "group:999999999999999999999999", "meeting:0",
                                    "meeting:-4", "strategies:nope", "friends:1", "everything", "group:1:2"])
def test_bad_input_is_a_form_error_or_a_400_never_a_500(rel, pro, web, api_as, target):
    page = web.post(f"/care/clients/{rel.pk}/", {"action": "recommend", "target": target}, follow=True)
    assert page.status_code == 200
    assert "Choose a group, a meeting, peer friends or a board topic from the list." in page.content.decode()
    api = api_as(pro.user, two_factor=True)
    response = api.post(f"/api/v1/care/clients/{rel.pk}/recommendations", {"target": target})
    assert response.status_code == 400
    assert not Recommendation.objects.exists()


def test_a_long_note_is_refused(rel, pro, web, api_as):
    page = web.post(f"/care/clients/{rel.pk}/", {"action": "recommend", "target": "friends", "note": "x" * 501},
                    follow=True)
    assert "Keep the note under 500 characters." in page.content.decode()
    api = api_as(pro.user, two_factor=True)
    assert api.post(f"/api/v1/care/clients/{rel.pk}/recommendations",
                    {"target": "friends", "note": "x" * 501}).status_code in (400, 422)
    assert not Recommendation.objects.exists()
    created = api.post(f"/api/v1/care/clients/{rel.pk}/recommendations", {"target": "friends", "note": "x" * 500})
    assert created.status_code == 201 and created.json()["outcome"] is None


def test_practitioner_reads_of_shared_outcomes_are_audited_and_shown_to_the_client(rel, pro, client_user, group,
                                                                                  web, api_as):
    rec = connections.check_recommend(pro.user, rel, f"group:{group.pk}")
    unshared = connections.check_recommend(pro.user, rel, "friends")
    web.get(f"/care/clients/{rel.pk}/")
    assert _connection_reads(client_user) == []  # nothing shared, nothing read
    connections.check_share_outcome(client_user, rec, True)
    web.get(f"/care/clients/{rel.pk}/")
    reads = _connection_reads(client_user)
    assert [(e.actor_id, e.detail["recommendations"]) for e in reads] == [(pro.user.pk, [rec.pk])]
    assert unshared.pk not in reads[0].detail["recommendations"]
    api_as(pro.user, two_factor=True).get(f"/api/v1/care/clients/{rel.pk}/recommendations")
    assert len(_connection_reads(client_user)) == 2
    log = login_client(client_user).get("/care/who-looked/").content.decode()
    assert log.count("Your practitioner read what you share (connections)") == 2


def test_only_the_clients_own_practitioner_recommends_and_reads(rel, pro, client_user, group, web, api_as):
    rec = connections.check_recommend(pro.user, rel, f"group:{group.pk}")
    stranger = make_practitioner("otherpro")
    form = {"action": "recommend", "target": "friends"}
    assert login_client(stranger.user, two_factor=True).post(f"/care/clients/{rel.pk}/", form).status_code == 404
    assert login_client(client_user).post(f"/care/clients/{rel.pk}/", form).status_code == 404
    assert api_as(stranger.user, two_factor=True).get(f"/api/v1/care/clients/{rel.pk}/recommendations"
                                                      ).status_code == 404
    assert api_as(stranger.user, two_factor=True).post(f"/api/v1/care/clients/{rel.pk}/recommendations",
                                                       {"target": "friends"}).status_code == 404
    assert api_as(client_user).get(f"/api/v1/care/clients/{rel.pk}/recommendations").status_code == 404
    # The practitioner without a second factor is sent to prove one (page) or refused (API).
    no_code = login_client(pro.user).post(f"/care/clients/{rel.pk}/", form)
    assert no_code.status_code == 302 and no_code["Location"].startswith("/accounts/two-factor/")
    assert api_as(pro.user).get(f"/api/v1/care/clients/{rel.pk}/recommendations").status_code == 403
    with pytest.raises(Exception) as wrong:
        connections.check_recommend(stranger.user, rel, "friends")
    assert wrong.type.__name__ == "Http404"
    # Someone else cannot choose for the client.
    other = make_user("othermember")
    assert login_client(other).post("/care/", {"recommendation": rec.pk, "share": "on"}).status_code == 404
    rec.refresh_from_db()
    assert rec.outcome_shared is False
    assert Recommendation.objects.count() == 1
    # Once they no longer work together: nothing more to suggest, the page is 404, the client's plan is empty.
    actions.do_end_relationship(rel, client_user)
    assert web.post(f"/care/clients/{rel.pk}/", form).status_code == 404
    rel.refresh_from_db()
    with pytest.raises(Exception) as ended:
        connections.check_recommend(pro.user, rel, "friends")
    assert ended.type.__name__ == "Http404"
    assert connections.client_rows(client_user) == []
    assert login_client(client_user).post("/care/", {"recommendation": rec.pk, "share": "on"}).status_code == 404
    assert api_as(client_user).get("/api/v1/care/recommendations").json() == []


def test_the_client_lists_their_suggestions_through_the_api(rel, pro, client_user, group, api_as):
    rec = connections.check_recommend(pro.user, rel, f"group:{group.pk}", "Give it a try.")
    Membership.objects.create(group=group, user=client_user)
    rows = api_as(client_user).get("/api/v1/care/recommendations").json()
    assert rows == [{"id": rec.pk, "kind": "group", "title": "Support group: Evening circle", "note": "Give it a try.",
                     "created_at": rows[0]["created_at"], "url": "/groups/evening-circle/", "outcome": "joined",
                     "outcome_shared": False}]
    assert api_as(make_user("nobody")).get("/api/v1/care/recommendations").json() == []


def test_recommendations_are_exported_and_erased_with_the_client(rel, pro, client_user, group):
    from hearthside.core.personal_data import is_registered

    assert is_registered(Recommendation)
    connections.check_recommend(pro.user, rel, "friends", "a word")
    from hearthside.accounts.actions import export_user_data

    data = export_user_data(client_user)["data"]["care.recommendation"]
    assert [(row["kind"], row["note"]) for row in data] == [("friends", "a word")]


def test_the_form_choices_cost_the_same_queries_for_few_and_many_groups(rel, pro, client_user):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    def add(n):
        for i in range(n):
            g = Group.objects.create(slug=f"g-{Group.objects.count()}", name=f"Group {i}")
            Membership.objects.create(group=g, user=client_user, status=Membership.Status.PENDING)
            MeetingRSVP.objects.create(meeting=_meeting(g, capacity=5), user=client_user)

    counts = []
    for n in (2, 10):
        add(n)
        with CaptureQueriesContext(db) as queries:
            sections = connections.options(client_user, pro.user)
        counts.append(len(queries))
        assert [len(s["items"]) for s in sections[:2]] == [Group.objects.count(), Meeting.objects.count()]
    assert counts == [6, 6]
