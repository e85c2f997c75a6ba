"""Connecting: requests, decline ("not now"), block, rate limits, held requests after reports,
and the 404 for everyone outside a connection."""

from __future__ import annotations

import pytest
import time_machine
from django.utils import timezone

from hearthside.conftest import make_user
from hearthside.friends import actions
from hearthside.friends.models import Connection, PeerReport
from hearthside.testing.races import run_at_once

from .helpers import CRISIS, connect, peer

pytestmark = pytest.mark.django_db

API = "/api/v1/friends"


def test_request_accept_then_chat(api_as):
    alice, bob = peer("alice"), peer("bob")
    response = api_as(alice).post(f"{API}/profiles/{bob.peer_profile.pk}/request", {"message": "Hi, grief too"})
    assert response.status_code == 201
    cid = response.json()["id"]
    # No messages before acceptance, from either side.
    assert api_as(alice).post(f"{API}/connections/{cid}/messages", {"client_id": "a", "body": "hello"}).status_code == 404
    assert api_as(bob).get(f"{API}/connections/{cid}/messages").status_code == 404
    incoming = api_as(bob).get(f"{API}/requests").json()["incoming"]
    my_ref = incoming[0].pop("me")
    assert incoming == [{"id": cid, "peer": "Alice P", "status": "pending", "message": "Hi, grief too",
                         "incoming": True}]
    # The requester cannot accept their own request.
    assert api_as(alice).post(f"{API}/connections/{cid}/respond", {"answer": "accept"}).status_code == 404
    assert api_as(bob).post(f"{API}/connections/{cid}/respond", {"answer": "accept"}).json()["status"] == "accepted"
    sent = api_as(alice).post(f"{API}/connections/{cid}/messages", {"client_id": "a", "body": "hello"})
    assert sent.status_code == 201 and sent.json()["seq"] == 1
    again = api_as(alice).post(f"{API}/connections/{cid}/messages", {"client_id": "a", "body": "hello"})
    assert again.status_code == 200 and again.json()["duplicate"] is True
    history = api_as(bob).get(f"{API}/connections/{cid}/messages").json()
    assert [m["body"] for m in history] == ["hello"]
    # Who wrote it, as a reference of this connection only: not Bob (his "me"), and no account id.
    assert history[0]["author_ref"] and history[0]["author_ref"] != my_ref and "author_id" not in history[0]


def test_decline_tells_the_requester_only_not_now_and_slows_repeat_requests(api_as):
    alice, bob = peer("alice"), peer("bob")
    cid = api_as(alice).post(f"{API}/profiles/{bob.peer_profile.pk}/request", {}).json()["id"]
    assert api_as(bob).post(f"{API}/connections/{cid}/respond", {"answer": "decline"}).status_code == 200
    outgoing = api_as(alice).get(f"{API}/requests").json()["outgoing"]
    assert outgoing[0].pop("me")
    assert outgoing == [{"id": cid, "peer": "Bob P", "status": "not_now", "message": None, "incoming": False}]
    again = api_as(alice).post(f"{API}/profiles/{bob.peer_profile.pk}/request", {})
    assert again.status_code == 429
    # Declines stay out of the suggestions for neither side forever: after 30 days she may ask again.
    with time_machine.travel(timezone.now() + timezone.timedelta(days=31)):
        assert api_as(alice).post(f"{API}/profiles/{bob.peer_profile.pk}/request", {}).status_code == 201


def test_block_ends_everything_and_hides_both(api_as):
    alice, bob = peer("alice"), peer("bob")
    connection = connect(alice, bob)
    assert api_as(bob).post(f"{API}/connections/{connection.pk}/block").status_code == 204
    connection.refresh_from_db()
    assert connection.status == Connection.Status.BLOCKED
    assert api_as(alice).get(f"{API}/connections/{connection.pk}/messages").status_code == 404
    assert api_as(alice).post(f"{API}/profiles/{bob.peer_profile.pk}/request", {}).status_code == 404
    assert api_as(bob).post(f"{API}/profiles/{alice.peer_profile.pk}/request", {}).status_code == 404
    assert api_as(alice).get(f"{API}/connections").json() == []


def test_block_a_request_in_one_answer(api_as):
    alice, bob = peer("alice"), peer("bob")
    cid = api_as(alice).post(f"{API}/profiles/{bob.peer_profile.pk}/request", {}).json()["id"]
    assert api_as(bob).post(f"{API}/connections/{cid}/respond", {"answer": "block"}).json()["status"] == "blocked"
    assert api_as(alice).get(f"{API}/suggestions").json() == []


def test_either_person_can_end_the_connection(api_as):
    alice, bob = peer("alice"), peer("bob")
    connection = connect(alice, bob)
    assert api_as(alice).post(f"{API}/connections/{connection.pk}/end").status_code == 204
    assert api_as(bob).post(f"{API}/connections/{connection.pk}/messages",
                            {"client_id": "x", "body": "hi"}).status_code == 404
    # They may find each other again later.
    assert api_as(bob).post(f"{API}/profiles/{alice.peer_profile.pk}/request", {}).status_code == 201


def test_daily_rate_limit_halves_after_repeated_declines(api_as, settings):
    settings.FRIENDS_REQUESTS_PER_DAY = 4
    alice = peer("alice")
    others = [peer(f"peer{i}") for i in range(8)]
    api = api_as(alice)
    for other in others[:4]:
        assert api.post(f"{API}/profiles/{other.peer_profile.pk}/request", {}).status_code == 201
    assert api.post(f"{API}/profiles/{others[4].peer_profile.pk}/request", {}).status_code == 429
    for connection in Connection.objects.filter(requester=alice):
        actions.check_respond(connection.recipient, connection, "decline")
    assert actions.daily_request_limit(alice) == 1  # four declines: 4 // 2**2
    with time_machine.travel(timezone.now() + timezone.timedelta(days=1, minutes=1)):
        assert api.post(f"{API}/profiles/{others[4].peer_profile.pk}/request", {}).status_code == 201
        assert api.post(f"{API}/profiles/{others[5].peer_profile.pk}/request", {}).status_code == 429


def test_reports_from_several_people_hold_requests_for_review(api_as, settings, moderator):
    settings.FRIENDS_REPORTS_TO_HOLD = 2
    alice, bob, carol = peer("alice"), peer("bob"), peer("carol")
    for reporter in (bob, carol):
        PeerReport.objects.create(reporter=reporter, reported=alice, reason="rude")
    dave = peer("dave")
    cid = api_as(alice).post(f"{API}/profiles/{dave.peer_profile.pk}/request", {}).json()["id"]
    # Held: the recipient sees nothing, the requester sees only "waiting".
    assert api_as(dave).get(f"{API}/requests").json()["incoming"] == []
    assert api_as(dave).post(f"{API}/connections/{cid}/respond", {"answer": "accept"}).status_code == 404
    assert api_as(alice).get(f"{API}/requests").json()["outgoing"][0]["status"] == "waiting"
    mod = api_as(moderator, two_factor=True)
    assert [h["id"] for h in mod.get(f"{API}/moderation/held-requests").json()] == [cid]
    assert api_as(dave).get(f"{API}/moderation/held-requests").status_code == 404
    assert mod.post(f"{API}/moderation/held-requests/{cid}", {"release": True}).status_code == 200
    assert [r["id"] for r in api_as(dave).get(f"{API}/requests").json()["incoming"]] == [cid]


def test_a_crisis_request_message_is_not_sent(api_as):
    alice, bob = peer("alice"), peer("bob")
    response = api_as(alice).post(f"{API}/profiles/{bob.peer_profile.pk}/request", {"message": CRISIS})
    assert response.status_code == 422
    assert not Connection.objects.exists()


def test_every_connection_endpoint_404s_for_outsiders(api_as):
    alice, bob = peer("alice"), peer("bob")
    eve = peer("eve")
    stranger = make_user("stranger")
    connection = connect(alice, bob)
    actions.check_send(alice, connection, "m1", "hello")
    cid = connection.pk
    membership = actions.check_invite_to_circle(alice, connection)
    actions.check_answer_circle(bob, membership, True)
    delivery = actions.do_reach_out(alice, [bob.pk], "rough day").deliveries.get()
    for outsider in (eve, stranger):
        api = api_as(outsider)
        assert api.get(f"{API}/connections/{cid}/messages").status_code == 404
        assert api.post(f"{API}/connections/{cid}/messages", {"client_id": "x", "body": "hi"}).status_code == 404
        assert api.post(f"{API}/connections/{cid}/respond", {"answer": "accept"}).status_code == 404
        assert api.post(f"{API}/connections/{cid}/end").status_code == 404
        assert api.post(f"{API}/connections/{cid}/block").status_code == 404
        assert api.post(f"{API}/connections/{cid}/withdraw").status_code == 404
        assert api.post(f"{API}/connections/{cid}/circle", {}).status_code == 404
        assert api.post(f"{API}/connections/{cid}/messages/1/report", {}).status_code == 404
        assert api.post(f"{API}/circle/{membership.pk}/answer", {"accept": False}).status_code == 404
        assert api.post(f"{API}/circle/{membership.pk}/plan", {"in_safety_plan": True}).status_code == 404
        assert api.post(f"{API}/circle/{membership.pk}/leave").status_code == 404
        assert api.post(f"{API}/reach-outs/{delivery.pk}/seen").status_code == 404
        assert api.post(f"{API}/reach-outs/{delivery.pk}/reply", {"text": "hi"}).status_code == 404
        assert api.get(f"{API}/reach-outs").json() == []
    # Even the sender cannot act as the recipient of a delivery.
    assert api_as(alice).post(f"{API}/reach-outs/{delivery.pk}/seen").status_code == 404
    assert api_as(bob).post(f"{API}/reach-outs/{delivery.pk}/seen").status_code == 200
    # The same for the pages.
    from hearthside.conftest import login_client

    page = login_client(eve)
    assert page.get(f"/friends/chat/{cid}/").status_code == 404
    assert page.post(f"/friends/connections/{cid}/end/").status_code == 404
    assert page.post(f"/friends/connections/{cid}/block/").status_code == 404
    assert page.post(f"/friends/connections/{cid}/circle/").status_code == 404
    assert login_client(alice).get(f"/friends/chat/{cid}/").status_code == 200


def test_chat_history_query_count_is_fixed(api_as, django_assert_num_queries):
    alice, bob = peer("alice"), peer("bob")
    connection = connect(alice, bob)
    api = api_as(bob)
    for i in range(3):
        actions.check_send(alice, connection, f"m{i}", f"hello {i}")
    api.get(f"{API}/connections/{connection.pk}/messages")
    # token+user, the connection with both profiles, the messages with their authors' profiles
    with django_assert_num_queries(3):
        assert len(api.get(f"{API}/connections/{connection.pk}/messages").json()) == 3
    for i in range(3, 30):
        actions.check_send(bob if i % 2 else alice, connection, f"m{i}", f"hello {i}")
    with django_assert_num_queries(3):
        rows = api.get(f"{API}/connections/{connection.pk}/messages", before=30, limit=10).json()
    assert [m["seq"] for m in rows] == list(range(20, 30))
    with django_assert_num_queries(3):
        rows = api.get(f"{API}/connections/{connection.pk}/messages", after=27).json()
    assert [m["seq"] for m in rows] == [28, 29, 30]


def test_moderators_release_an_abuse_hold_or_hide_a_reported_message(api_as, moderator):
    from hearthside.friends.models import PeerMessage

    alice, bob = peer("alice"), peer("bob")
    connection = connect(alice, bob)
    held, _created, _route = actions.check_send(alice, connection, "m1", "you are a pathetic idiot")
    assert held.status == PeerMessage.Status.HELD and held.seq is None
    actions.check_send(alice, connection, "m2", "sorry, bad day")
    actions.check_report_message(bob, connection, 1, "rude")
    mod = api_as(moderator, two_factor=True)
    assert api_as(bob).get(f"{API}/moderation/reports").status_code == 404
    assert api_as(moderator).get(f"{API}/moderation/reports").status_code == 403  # no second factor
    rows = mod.get(f"{API}/moderation/reports").json()
    assert [(r["by_detector"], r["message"]) for r in rows] == [(True, "you are a pathetic idiot"),
                                                                (False, "sorry, bad day")]
    assert api_as(bob).post(f"{API}/moderation/reports/{rows[0]['id']}", {"action": "release"}).status_code == 404
    assert mod.post(f"{API}/moderation/reports/{rows[0]['id']}", {"action": "release"}).status_code == 204
    assert mod.post(f"{API}/moderation/reports/{rows[1]['id']}", {"action": "hide"}).status_code == 204
    history = api_as(bob).get(f"{API}/connections/{connection.pk}/messages").json()
    assert [(m["seq"], m.get("body"), m["hidden"]) for m in history] == [
        (1, None, True), (2, "you are a pathetic idiot", False)]
    assert mod.get(f"{API}/moderation/reports").json() == []


@pytest.mark.django_db(transaction=True)
def test_both_people_sending_at_once_get_one_gapless_order():
    import threading

    from django.db import connection as db_connection

    from hearthside.friends.models import PeerMessage

    if db_connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so two threads cannot race for the row")
    alice, bob = peer("alice"), peer("bob")
    conn = connect(alice, bob)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def send_many(user):
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            for i in range(10):
                actions.check_send(user, conn, f"{user.username}-{i}", f"message {i}")
            # A resend racing the original: still one message.
            actions.check_send(user, conn, f"{user.username}-0", "message 0")
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)
        finally:
            connections.close_all()

    run_at_once(send_many, (alice, bob))
    assert not errors
    seqs = sorted(PeerMessage.objects.filter(connection=conn).values_list("seq", flat=True))
    assert seqs == list(range(1, 21))


def test_out_of_range_ids_are_404_not_500(api_as):
    alice = peer("alice")
    api = api_as(alice)
    huge = 2**63 + 5
    assert api.post(f"{API}/profiles/{huge}/request", {}).status_code in (404, 422)
    assert api.get(f"{API}/connections/{2**62}/messages").status_code == 404
    assert api.post(f"{API}/circle/{2**62}/leave").status_code == 404
    assert api.post(f"{API}/strategies/{2**62}/helped").status_code == 404
    assert api.post(f"{API}/reach-outs/{2**62}/seen").status_code == 404
    assert api.get(f"{API}/connections/1/messages", after=-1).status_code in (400, 404)


def test_reporting_the_same_message_or_strategy_again_keeps_one_open_report(api_as):
    """Issue #17: the same report could be sent five times (and counted five times). One open
    report per person per item, as for group posts and chat; after it is handled, a new one opens."""
    from hearthside.core.models import AuditEvent

    alice, bob = peer("alice"), peer("bob")
    connection = connect(alice, bob)
    actions.check_send(alice, connection, "m1", "hello")
    strategy, _route = actions.check_share_strategy(alice, "A walk at dusk.", ["low"])
    reporter = api_as(bob)
    for _ in range(5):
        assert reporter.post(f"/api/v1/friends/connections/{connection.pk}/messages/1/report",
                             {"reason": "creepy"}).status_code == 201
        assert reporter.post(f"/api/v1/friends/strategies/{strategy.pk}/report", {"reason": "spam"}).status_code == 201
    assert PeerReport.objects.filter(reporter=bob, message__isnull=False).count() == 1
    assert PeerReport.objects.filter(reporter=bob, strategy=strategy).count() == 1
    assert AuditEvent.objects.filter(action="friends.reported").count() == 1
    PeerReport.objects.update(status=PeerReport.Status.HANDLED)
    reporter.post(f"/api/v1/friends/strategies/{strategy.pk}/report", {"reason": "spam again"})
    assert PeerReport.objects.filter(reporter=bob, strategy=strategy, status="open").count() == 1
