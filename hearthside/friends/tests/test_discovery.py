"""Peer profiles, suggestions and search: only when opted in, never across age bands."""

from __future__ import annotations

import pytest

from hearthside.conftest import make_user
from hearthside.friends import actions
from hearthside.friends.models import PeerProfile

from .helpers import peer

pytestmark = pytest.mark.django_db


def test_nobody_is_discoverable_until_they_turn_it_on(api_as):
    alice = peer("alice")
    bob = peer("bob", enabled=False)
    api = api_as(alice)
    assert [p["pseudonym"] for p in api.get("/api/v1/friends/suggestions").json()] == []
    api_as(bob).post("/api/v1/friends/profile/discoverable", {"enabled": True})
    assert [p["pseudonym"] for p in api.get("/api/v1/friends/suggestions").json()] == ["Bob P"]
    # Turning it off hides at once, and a hidden person sees nobody either.
    api_as(bob).post("/api/v1/friends/profile/discoverable", {"enabled": False})
    assert api.get("/api/v1/friends/suggestions").json() == []
    assert api_as(bob).get("/api/v1/friends/suggestions").json() == []
    # ...and cannot be asked to connect.
    assert api.post(f"/api/v1/friends/profiles/{bob.peer_profile.pk}/request", {}).status_code == 404


def test_suggestions_are_ranked_with_the_reason_shown(api_as):
    alice = peer("alice", topics=["grief", "anxiety"], languages=["es", "en"], availability=["evenings"])
    peer("bob", topics=["grief"], languages=["es"])
    peer("carol", topics=["grief", "anxiety"], languages=["es"], availability=["evenings"])
    peer("dave", topics=["work"], languages=["es"])  # no shared topic: not suggested
    rows = api_as(alice).get("/api/v1/friends/suggestions").json()
    assert [r["pseudonym"] for r in rows] == ["Carol P", "Bob P"]
    assert rows[1]["reason"] == "You both chose grief and Spanish"
    assert "anxiety" in rows[0]["reason"] and "evenings" in rows[0]["reason"]
    # Search by topic.
    rows = api_as(alice).get("/api/v1/friends/suggestions", topic="anxiety").json()
    assert [r["pseudonym"] for r in rows] == ["Carol P"]
    assert api_as(alice).get("/api/v1/friends/suggestions", topic="nonsense").json() == []


def test_adults_and_minors_are_never_suggested_or_connected(api_as):
    adult = peer("adult")
    minor = peer("minor", band="under_18")
    other_minor = peer("minor2", band="under_18")
    assert [r["pseudonym"] for r in api_as(adult).get("/api/v1/friends/suggestions").json()] == []
    assert [r["pseudonym"] for r in api_as(minor).get("/api/v1/friends/suggestions").json()] == ["Minor2 P"]
    assert api_as(adult).post(f"/api/v1/friends/profiles/{minor.peer_profile.pk}/request", {}).status_code == 404
    assert api_as(minor).post(f"/api/v1/friends/profiles/{adult.peer_profile.pk}/request", {}).status_code == 404
    assert api_as(minor).post(f"/api/v1/friends/profiles/{other_minor.peer_profile.pk}/request",
                              {}).status_code == 201


def test_age_band_must_match_a_known_year_of_birth_and_the_minimum_age(api_as, settings):
    from django.utils import timezone

    year = timezone.localdate().year
    teen = make_user("teen", year_of_birth=year - 16)
    body = {"pseudonym": "Teen", "age_band": "adult", "topics": ["grief"], "languages": ["en"],
            "looking_for": ["talk"], "enabled": True}
    response = api_as(teen).post("/api/v1/friends/profile", body)
    assert response.status_code == 400 and "year of birth" in response.json()["detail"]
    assert api_as(teen).post("/api/v1/friends/profile", {**body, "age_band": "under_18",
                                                         "topics": ["made-up"]}).status_code == 400
    assert api_as(teen).post("/api/v1/friends/profile", {**body, "age_band": "under_18"}).status_code == 200
    settings.FRIENDS_MIN_AGE = 17
    young = make_user("young", year_of_birth=year - 16)
    assert api_as(young).post("/api/v1/friends/profile", {**body, "pseudonym": "Young",
                                                         "age_band": "under_18"}).status_code == 403
    # The band is required, and topics come from the operator's list.
    assert api_as(young).post("/api/v1/friends/profile", {**body, "age_band": ""}).status_code == 400


def test_blocked_people_are_hidden_from_suggestions_both_ways(api_as):
    alice, bob = peer("alice"), peer("bob")
    actions.do_block(bob, alice)
    assert api_as(alice).get("/api/v1/friends/suggestions").json() == []
    assert api_as(bob).get("/api/v1/friends/suggestions").json() == []
    assert api_as(alice).post(f"/api/v1/friends/profiles/{bob.peer_profile.pk}/request", {}).status_code == 404


def test_a_community_block_hides_people_in_friends_and_a_friends_block_in_communities(api_as):
    from hearthside.community.actions import check_block, hidden_author_ids

    alice, bob, carol = peer("alice"), peer("bob"), peer("carol")
    check_block(bob, alice, "block")
    assert [r["pseudonym"] for r in api_as(alice).get("/api/v1/friends/suggestions").json()] == ["Carol P"]
    actions.do_block(alice, carol)
    assert carol.pk in hidden_author_ids(alice) and alice.pk in hidden_author_ids(carol)


def test_suggestion_query_count_does_not_grow(api_as, django_assert_num_queries):
    alice = peer("alice")
    api = api_as(alice)
    for i in range(3):
        peer(f"peer{i}")
    api.get("/api/v1/friends/suggestions")  # the token's first use is recorded once
    # token+user, my profile, blocks (one table for Friends and the communities), my open
    # connections, the pool, the profiles shown
    with django_assert_num_queries(6):
        assert len(api.get("/api/v1/friends/suggestions").json()) == 3
    for i in range(3, 15):
        peer(f"peer{i}")
    with django_assert_num_queries(6):
        assert len(api.get("/api/v1/friends/suggestions").json()) == 15


def test_profile_pseudonyms_are_unique_and_crisis_intro_is_refused(api_as):
    from .helpers import CRISIS

    peer("alice")
    bob = make_user("bob")
    body = {"pseudonym": "alice p", "age_band": "adult", "topics": ["grief"], "languages": ["en"],
            "looking_for": ["talk"]}
    assert api_as(bob).post("/api/v1/friends/profile", body).status_code == 400
    response = api_as(bob).post("/api/v1/friends/profile", {**body, "pseudonym": "Bobby", "intro": CRISIS})
    assert response.status_code == 422
    assert not PeerProfile.objects.filter(user=bob).exists()


def test_changing_the_age_band_ends_connections_across_bands(api_as):
    from hearthside.friends.models import Connection

    from .helpers import connect

    # Two under-18 peers; one turns 18 (the only way between the pools a person can move).
    alice, bob = peer("alice", band="under_18"), peer("bob", band="under_18")
    connection = connect(alice, bob)
    profile = alice.peer_profile
    actions.check_save_profile(alice, {"pseudonym": profile.pseudonym, "age_band": "adult",
                                       "topics": profile.topics, "languages": profile.languages,
                                       "looking_for": profile.looking_for, "enabled": True})
    connection.refresh_from_db()
    assert connection.status == Connection.Status.ENDED
    assert api_as(alice).get(f"/api/v1/friends/connections/{connection.pk}/messages").status_code == 404
