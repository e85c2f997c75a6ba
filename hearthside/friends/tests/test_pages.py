"""The friends pages work without JavaScript: profile form, request, accept, circle, reach out."""

from __future__ import annotations

import pytest

from hearthside.conftest import login_client, make_user
from hearthside.friends.models import CircleMember, Connection, ReachOutDelivery

from .helpers import connect, peer, with_health_consent

pytestmark = pytest.mark.django_db


def test_profile_form_then_find_request_and_accept():
    alice = make_user("alice")
    bob = peer("bob", topics=["grief"], languages=["es"])
    page = login_client(alice)
    assert "Create my peer profile" in page.get("/friends/").content.decode()
    response = page.post("/friends/profile/", {"pseudonym": "Alba", "intro": "Lost my dad last year.",
                                               "age_band": "adult", "topics": ["grief"], "languages": ["es"],
                                               "looking_for": ["talk"], "enabled": "on"}, follow=True)
    html = response.content.decode()
    assert "Your peer profile is saved." in html
    assert "You both chose grief and Spanish" in html
    page.post(f"/friends/peers/{bob.peer_profile.pk}/request/", {"message": "Hola"})
    connection = Connection.objects.get()
    bob_page = login_client(bob)
    assert "Hola" in bob_page.get("/friends/").content.decode()
    response = bob_page.post(f"/friends/connections/{connection.pk}/respond/", {"answer": "accept"})
    assert response.status_code == 302 and response.url == f"/friends/chat/{connection.pk}/"
    chat = bob_page.get(response.url).content.decode()
    assert "not therapists" in chat and "Ask to join my circle" in chat


def test_circle_reach_out_and_strategies_pages():
    alice, bob = with_health_consent(peer("alice")), peer("bob")
    connection = connect(alice, bob)
    a, b = login_client(alice), login_client(bob)
    a.post(f"/friends/connections/{connection.pk}/circle/", {"in_safety_plan": "on"})
    membership = CircleMember.objects.get()
    b.post(f"/friends/circle/{membership.pk}/answer/", {"accept": "1"})
    html = a.post("/friends/reach-out/", {"preset": "talk"}, follow=True).content.decode()
    assert "Sent to your circle" in html and "not seen yet" in html
    assert "Could we talk sometime today?" in b.get("/friends/reach-outs/").content.decode()
    assert ReachOutDelivery.objects.get().seen_at is not None
    assert "seen" in a.get("/friends/").content.decode()
    response = b.post("/friends/strategies/", {"text": "Box breathing, four counts each way.",
                                               "situations": ["anxious"]}, follow=True)
    assert "Box breathing" in response.content.decode()
    assert "Save to my safety plan" in a.get("/friends/strategies/").content.decode()


def test_demo_content_is_idempotent():
    import io

    from hearthside.accounts.actions import do_give_consent
    from hearthside.friends import demo
    from hearthside.friends.models import PeerMessage, Strategy
    from hearthside.safety.actions import plan_for

    river, sky = make_user("demo-member"), make_user("demo-member2")
    do_give_consent(river, "health_data")
    for _ in range(2):
        demo.load(io.StringIO())
    assert Connection.objects.get().status == Connection.Status.ACCEPTED
    assert PeerMessage.objects.count() == 3 and Strategy.objects.count() == 3
    assert CircleMember.objects.get(owner=river, member=sky).status == CircleMember.Status.ACCEPTED
    assert plan_for(river).steps["people_to_ask"] == ["Sky — my Hearthside circle (message them under Friends)"]


def test_moderation_page_needs_the_role_and_a_second_factor(moderator):
    from hearthside.core.models import AuditEvent
    from hearthside.friends import actions

    alice, bob = peer("alice"), peer("bob")
    connection = connect(alice, bob)
    actions.check_send(alice, connection, "m1", "you are a pathetic idiot")
    assert login_client(bob).get("/friends/moderation/").status_code == 404
    assert login_client(moderator).get("/friends/moderation/").status_code == 302  # to the code step
    page = login_client(moderator, two_factor=True)
    html = page.get("/friends/moderation/").content.decode()
    assert "you are a pathetic idiot" in html and "held by the abuse detector" in html
    assert AuditEvent.objects.filter(action="friends.reports_viewed", actor_id=moderator.pk).exists()
    report = actions.PeerReport.objects.get()
    page.post(f"/friends/moderation/reports/{report.pk}/", {"action": "release"})
    assert actions.chat_history(bob, connection)[0]["body"] == "you are a pathetic idiot"
