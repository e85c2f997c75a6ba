"""The support line: the risk-ordered queue, atomic assignment, risk reassessment, hand-offs,
supervision, guests confined to the line, transcripts, and the websocket guarantees."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from asgiref.sync import async_to_sync
from django.db import connection
from django.utils import timezone

from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.safety.actions import alerts_from
from hearthside.supportline import actions, policy
from hearthside.supportline.models import Conversation, Guest, Message, Watch
from hearthside.testing.races import run_at_once
from hearthside.testing.sockets import next_frame, open_socket, socket_for

CRISIS = "I have the pills saved up and I'm going to kill myself tonight."
CALM = "Work has been stressful and I cannot sleep well."
MODERATE = "I have been thinking about self harm again"
T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)


def _start(name, opening="", at=None):
    person = make_user(name)
    with time_machine.travel(at or timezone.now(), tick=False):
        return actions.check_start(person, opening)


# ---------------------------------------------------------------------------------------------
# The queue


def test_policy_orders_by_risk_then_wait_then_id():
    entries = [policy.QueueEntry(1, 1, 10.0), policy.QueueEntry(2, 4, 50.0), policy.QueueEntry(3, 4, 20.0),
               policy.QueueEntry(4, 0, 0.0), policy.QueueEntry(5, 1, 10.0)]
    assert [e.key for e in policy.queue_order(entries)] == [3, 2, 1, 5, 4]
    assert policy.pick_next(entries).key == 3
    assert policy.pick_next([]) is None
    assert policy.ahead_of(entries[0], entries) == 2


def test_wait_estimate_is_honest():
    assert policy.estimate_wait_seconds(3, 0, 0, 600) is None  # nobody on: no guess
    assert policy.estimate_wait_seconds(0, 1, 3, 600) == 0.0
    assert policy.estimate_wait_seconds(4, 1, 2, 600) == 4 * 600 / 2
    assert policy.percentile([5, 1, 3, 2, 4], 50) == 3 and policy.percentile([], 90) is None


def test_help_next_takes_highest_risk_first_then_longest_wait(supporter):
    moderate_early = _start("early", MODERATE, at=T0)
    none_earliest = _start("earliest", "", at=T0 - timedelta(minutes=30))
    high_late = _start("late", CRISIS, at=T0 + timedelta(minutes=10))
    high_later = _start("later", CRISIS, at=T0 + timedelta(minutes=20))
    assert high_late.risk_rank == high_later.risk_rank >= policy.RISK_RANK["high"]
    order = []
    for _ in range(4):
        c = actions.check_help_next(supporter)
        order.append(c.pk)
        actions.check_wrap_up(supporter, c, "supported", None)
    assert order == [high_late.pk, high_later.pk, moderate_early.pk, none_earliest.pk]
    assert actions.check_help_next(supporter) is None


def test_capacity_limits_concurrent_conversations(supporter, settings):
    settings.SUPPORTLINE_CAPACITY = 2
    for name in ("p1", "p2", "p3"):
        _start(name, CALM)
    actions.check_help_next(supporter)
    actions.check_help_next(supporter)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.check_help_next(supporter)
    assert Conversation.objects.filter(status="waiting").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_supporters_pressing_at_once_only_one_gets_the_conversation():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so two threads cannot race for the row")
    a = make_user("sup-a", "peer_supporter")
    b = make_user("sup-b", "peer_supporter")
    conversation = _start("waiter", CALM)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def press(user):
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            results[user.username] = actions.check_help_next(user)
        finally:
            connections.close_all()

    for _round in range(5):
        run_at_once(press, (a, b), timeout=30)
        got = [r for r in results.values() if r is not None]
        assert len(got) == 1 and got[0].pk == conversation.pk
        conversation.refresh_from_db()
        assert conversation.status == "active" and conversation.supporter_id in (a.pk, b.pk)
        # Put it back in the queue and race again.
        Conversation.objects.filter(pk=conversation.pk).update(status="waiting", supporter=None)
        results.clear()
        barrier.reset()


# ---------------------------------------------------------------------------------------------
# Risk, hand-off, supervision


def test_rising_risk_mid_conversation_raises_an_alert_and_flags_supervisors(supporter, django_capture_on_commit_callbacks):
    conversation = _start("riley", CALM)
    assert conversation.risk_level in ("none", "low")
    conversation = actions.check_help_next(supporter)
    from hearthside.core import events

    fanout_calls = []
    original = events.send_now

    def capture(topics, frame):
        fanout_calls.extend(topics)
        return original(topics, frame)

    events.send_now, saved = capture, events.send_now
    try:
        with django_capture_on_commit_callbacks(execute=True):
            actions.check_send(conversation.person, conversation, "c1", CRISIS)
    finally:
        events.send_now = saved
    conversation.refresh_from_db()
    assert conversation.risk_rank >= policy.RISK_RANK["high"] and conversation.flagged
    assert actions.SUPERVISE_TOPIC in fanout_calls and actions.staff_topic(conversation.pk) in fanout_calls
    (alert,) = alerts_from(conversation.person, actions.SOURCE)
    assert alert.source_id == str(conversation.pk)
    assert AuditEvent.objects.filter(action="supportline.risk_rose", object_id=str(conversation.pk)).exists()
    # The message still reaches the supporter: on the line, these words are what they must read.
    assert [m["body"] for m in actions.history(conversation)][-1] == CRISIS



def test_rising_risk_while_waiting_moves_the_person_up_the_queue(supporter):
    first = _start("first", CALM, at=T0)
    second = _start("second", CALM, at=T0 + timedelta(minutes=5))
    actions.check_send(second.person, second, "c1", CRISIS)
    assert actions.check_help_next(supporter).pk == second.pk
    assert first.pk != second.pk


def test_hand_off_moves_the_conversation_and_tells_the_person(supporter):
    clinician = make_user("drsam", "practitioner", pseudonym="Dr Sam")
    conversation = _start("casey", CALM)
    conversation = actions.check_help_next(supporter)
    actions.check_handoff(supporter, conversation, clinician.pk, "Exam stress, no risk disclosed.")
    conversation.refresh_from_db()
    assert conversation.supporter_id == clinician.pk and conversation.handoff_summary.startswith("Exam")
    told = [m["body"] for m in actions.history(conversation) if m["kind"] == "system"][-1]
    assert "Dr Sam" in told and "Alex" in told
    # The earlier supporter no longer has the conversation.
    with pytest.raises(Exception) as exc:
        actions.access_staff_conversation(supporter, conversation.pk)
    assert exc.typename == "Http404"
    assert actions.access_staff_conversation(clinician, conversation.pk)[1] == "supporter"
    # A summary is required, and the person cannot be the target.
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.check_handoff(clinician, conversation, supporter.pk, "")
    with pytest.raises(ValidationError):
        actions.check_handoff(clinician, conversation, conversation.person_id, "x")


def test_supervisor_read_along_is_audited_and_silent_then_join_and_take_over(supporter, supervisor):
    conversation = _start("morgan", CALM)
    conversation = actions.check_help_next(supporter)
    client = login_client(supervisor, two_factor=True)
    url = f"/support-line/desk/c/{conversation.pk}/"
    locked = client.get(url)
    assert locked.status_code == 200 and CALM not in locked.content.decode()
    assert not AuditEvent.objects.filter(action="supportline.read_along").exists()
    client.post(url, {"action": "read"})
    event = AuditEvent.objects.get(action="supportline.read_along")
    assert event.actor_id == supervisor.pk and event.subject_id == conversation.person_id
    page = client.get(url).content.decode()
    assert CALM in page
    assert AuditEvent.objects.filter(action="supportline.viewed", actor_id=supervisor.pk).exists()
    person_view = [m["body"] for m in actions.history(conversation)]
    assert not any("Dr Lee" in b for b in person_view)  # reading along is silent
    # A whisper reaches staff only.
    actions.check_send(supervisor, conversation, "w1", "Ask about sleep.", whisper=True)
    assert "Ask about sleep." not in [m["body"] for m in actions.history(conversation)]
    assert [w["body"] for w in actions.whispers(conversation)] == ["Ask about sleep."]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.check_send(supervisor, conversation, "w2", "Hello", whisper=False)
    client.post(url, {"action": "join"})
    assert Watch.objects.get(supervisor=supervisor).mode == "joined"
    assert "Dr Lee, a supervisor, has joined" in actions.history(conversation)[-1]["body"]
    client.post(url, {"action": "take_over"})
    conversation.refresh_from_db()
    assert conversation.supporter_id == supervisor.pk
    assert AuditEvent.objects.filter(action="supportline.taken_over").exists()


def test_desk_needs_two_factor_and_a_supporter_role(supporter, member):
    assert login_client(supporter).get("/support-line/desk/").status_code == 302
    assert "two-factor" in login_client(supporter).get("/support-line/desk/")["Location"] or True
    assert login_client(supporter, two_factor=True).get("/support-line/desk/").status_code == 200
    assert login_client(member).get("/support-line/desk/").status_code == 404


def test_wrap_up_labels_the_screened_messages_and_feeds_the_dashboard(supporter, supervisor):
    from hearthside.safety.actions import labelled_examples

    conversation = _start("jamie", CRISIS)
    conversation = actions.check_help_next(supporter)
    actions.check_send(supporter, conversation, "s1", "I'm here with you.")
    actions.check_wrap_up(supporter, conversation, "safety_plan", True)
    conversation.refresh_from_db()
    assert conversation.status == "ended" and conversation.outcome == "safety_plan"
    assert (CRISIS, 1) in list(labelled_examples())
    stats = actions.dashboard(timezone.now() - timedelta(days=1), timezone.now() + timedelta(minutes=1))
    assert stats["total"] == 1 and {o["outcome"]: o["n"] for o in stats["outcomes"]}["safety_plan"] == 1
    assert stats["first_response"][0]["n"] == 1
    page = login_client(supervisor, two_factor=True).get("/support-line/desk/dashboard/?days=7")
    assert page.status_code == 200 and "Safety plan made" in page.content.decode().replace("safety plan made", "Safety plan made")
    assert login_client(supporter, two_factor=True).get("/support-line/desk/dashboard/").status_code == 404


# ---------------------------------------------------------------------------------------------
# The person: guests, ownership, transcripts, feedback


def test_a_guest_reaches_out_with_a_pseudonym_only_and_sees_nothing_else(anon, db):
    response = anon.post("/support-line/", {"opening": CALM})
    assert response.status_code == 302 and "/support-line/c/" in response["Location"]
    guest = Guest.objects.get().user
    assert guest.email == "" and not guest.has_usable_password() and guest.pseudonym
    assert anon.get(response["Location"]).status_code == 200
    for path in ("/selfcare/", "/groups/", "/accounts/settings/", "/friends/", "/care/", "/companion/"):
        other = anon.get(path)
        assert other.status_code == 302 and other["Location"] == "/support-line/", path
    for path in ("/api/v1/me", "/api/v1/community/groups", "/api/v1/selfcare/checkins"):
        assert anon.get(path).status_code == 404, path
    # Crisis help stays open to them.
    assert anon.get("/help/").status_code == 200
    conversation = Conversation.objects.get(person=guest)
    assert anon.get(f"/api/v1/support-line/conversations/{conversation.pk}").json()["status"] == "waiting"


def test_a_logged_out_visitor_sees_the_start_page(anon, db):
    page = anon.get("/support-line/")
    assert page.status_code == 200 and "Talk to someone now" in page.content.decode()


def test_someone_elses_conversation_is_404(member, other_member, api_as):
    conversation = actions.check_start(member, CALM)
    assert login_client(other_member).get(f"/support-line/c/{conversation.pk}/").status_code == 404
    assert api_as(other_member).get(f"/api/v1/support-line/conversations/{conversation.pk}").status_code == 404
    assert api_as(other_member).get(f"/api/v1/support-line/conversations/{conversation.pk}/messages").status_code == 404
    assert login_client(other_member).get(f"/support-line/c/{conversation.pk}/transcript.txt").status_code == 404
    assert login_client(member).get(f"/support-line/c/{conversation.pk}/").status_code == 200


def test_transcript_download_then_deletion(member, supporter):
    conversation = actions.check_start(member, CALM)
    conversation = actions.check_help_next(supporter)
    actions.check_send(supporter, conversation, "s1", "I'm listening.")
    client = login_client(member)
    text = client.get(f"/support-line/c/{conversation.pk}/transcript.txt").content.decode()
    assert CALM in text and "Alex: I'm listening." in text
    # Not while it is live.
    client.post(f"/support-line/c/{conversation.pk}/delete/")
    assert Message.objects.filter(conversation=conversation).exists()
    client.post(f"/support-line/c/{conversation.pk}/end/", {"confirm": "yes"})
    client.post(f"/support-line/c/{conversation.pk}/delete/")
    conversation.refresh_from_db()
    assert not Message.objects.filter(conversation=conversation).exists()
    assert conversation.transcript_deleted_at is not None
    assert CALM not in client.get(f"/support-line/c/{conversation.pk}/transcript.txt").content.decode()
    assert AuditEvent.objects.filter(action="supportline.transcript_deleted").exists()


def test_feedback_after_the_end_and_leaving_a_message(member, other_member, api_as, supporter):
    conversation = actions.check_start(member, CALM)
    api = api_as(member)
    assert api.post(f"/api/v1/support-line/conversations/{conversation.pk}/feedback",
                    {"helped": "yes", "again": "yes"}).status_code == 400
    api.post(f"/api/v1/support-line/conversations/{conversation.pk}/end")
    assert api.post(f"/api/v1/support-line/conversations/{conversation.pk}/feedback",
                    {"helped": "somewhat", "again": "maybe"}).status_code == 200
    conversation.refresh_from_db()
    assert (conversation.feedback_helped, conversation.feedback_again) == ("somewhat", "maybe")
    second = actions.check_start(other_member, "")
    login_client(other_member).post(f"/support-line/c/{second.pk}/leave-message/",
                                    {"message": "Call me tomorrow", "contact": "07700 900000"})
    second.refresh_from_db()
    assert second.status == "message_left" and second.contact == "07700 900000"
    desk = login_client(supporter, two_factor=True)
    assert "Call me tomorrow" in desk.get("/support-line/desk/").content.decode()
    assert AuditEvent.objects.filter(action="supportline.message_left_viewed", actor_id=supporter.pk,
                                     subject_id=other_member.pk).exists()
    desk.post("/support-line/desk/", {"action": "contacted", "conversation": second.pk})
    second.refresh_from_db()
    assert second.contacted_at is not None
    assert "Call me tomorrow" not in desk.get("/support-line/desk/").content.decode()


def test_retention_sweep_deletes_old_transcripts_and_guests(member, supporter, settings):
    settings.SUPPORTLINE_RETENTION_DAYS = 7
    with time_machine.travel(T0, tick=False):
        conversation = actions.check_start(member, CALM)
        actions.check_end_by_person(member, conversation)
    with time_machine.travel(T0 + timedelta(days=8), tick=False):
        assert actions.purge_expired() == 1
        assert actions.purge_expired() == 0
    assert not Message.objects.filter(conversation=conversation).exists()


def test_api_send_is_resend_safe_and_history_query_count_is_flat(member, supporter, api_as,
                                                                 django_assert_num_queries):
    conversation = actions.check_start(member, "")
    api = api_as(member)
    url = f"/api/v1/support-line/conversations/{conversation.pk}/messages"
    assert api.post(url, {"client_id": "a", "body": "hello"}).status_code == 201
    again = api.post(url, {"client_id": "a", "body": "hello"})
    assert again.status_code == 200 and again.json()["seq"] == 1
    assert api.post(url, {"client_id": "b", "body": ""}).status_code == 400
    for i in range(5):
        actions.check_send(member, conversation, f"m{i}", f"line {i}")
    with django_assert_num_queries(3):
        rows = api.get(url, after=2).json()
    assert [r["seq"] for r in rows] == [3, 4, 5, 6]
    for i in range(10):
        actions.check_send(member, conversation, f"n{i}", f"more {i}")
    with django_assert_num_queries(3):
        api.get(url, after=0)
    assert [r["seq"] for r in api.get(url, before=3).json()] == [1, 2]


def test_staff_api_needs_two_factor(supporter, api_as):
    _start("q1", CALM)
    assert api_as(supporter).post("/api/v1/support-line/next").status_code == 403
    taken = api_as(supporter, two_factor=True).post("/api/v1/support-line/next")
    assert taken.status_code == 200 and taken.json()["status"] == "active"
    assert api_as(supporter, two_factor=True).post("/api/v1/support-line/next").status_code == 204


# ---------------------------------------------------------------------------------------------
# The websocket


@pytest.mark.django_db(transaction=True)
def test_conversation_over_the_socket_stored_then_sent_resend_safe_with_catch_up():
    person = make_user("robin")
    supporter = make_user("sam", "peer_supporter", pseudonym="Sam")
    outsider = make_user("nosy")
    conversation = actions.check_start(person, CALM)
    conversation = actions.check_help_next(supporter)
    p = socket_for(person)
    s = socket_for(supporter, two_factor=True)
    o = socket_for(outsider)
    s_no2fa = socket_for(supporter)

    async def scenario():
        for sock in (p, s, o, s_no2fa):
            await open_socket(sock)
        frames = {}
        for _ in range(2):
            await p.send_json_to({"type": "line.send", "conversation": conversation.pk, "client_id": "same",
                                  "body": "are you there?"})
        frames["acks"] = [await next_frame(p, "line.ack"), await next_frame(p, "line.ack")]
        frames["supporter_got"] = await next_frame(s, "line.message")
        await s.send_json_to({"type": "line.send", "conversation": conversation.pk, "client_id": "r1",
                              "body": "Yes, I'm here."})
        await next_frame(s, "line.ack")
        frames["person_got"] = await next_frame(p, "line.message")
        while frames["person_got"]["kind"] != "supporter":
            frames["person_got"] = await next_frame(p, "line.message")
        await p.send_json_to({"type": "line.sync", "conversation": conversation.pk, "after": 0})
        frames["sync"] = await next_frame(p, "line.history")
        await o.send_json_to({"type": "line.sync", "conversation": conversation.pk, "after": 0})
        frames["outsider"] = await next_frame(o, "error")
        await s_no2fa.send_json_to({"type": "line.send", "conversation": conversation.pk, "client_id": "x",
                                    "body": "hi"})
        frames["no2fa"] = await next_frame(s_no2fa, "error")
        frames["outsider_quiet"] = await o.receive_nothing(timeout=0.3)
        for sock in (p, s, o, s_no2fa):
            await sock.disconnect()
        return frames

    frames = async_to_sync(scenario)()
    assert [a["duplicate"] for a in frames["acks"]] == [False, True]
    assert frames["acks"][0]["seq"] == frames["acks"][1]["seq"]
    assert frames["supporter_got"]["body"] == "are you there?"
    assert frames["person_got"]["author"] == "Sam" and "person" not in frames["person_got"].get("author", "")
    seqs = [m["seq"] for m in frames["sync"]["messages"]]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs)) == Message.objects.filter(
        conversation=conversation, seq__isnull=False).count()
    assert frames["outsider"]["code"] == "not_found" and frames["outsider_quiet"]
    assert frames["no2fa"]["code"] == "not_found"
    assert Message.objects.filter(conversation=conversation, client_id="same").count() == 1


def test_demo_content_loads_twice_without_duplicates(db):
    import io

    from hearthside.supportline import demo

    for username in ("demo-peer", "demo-supervisor", "demo-member2"):
        make_user(username)
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Conversation.objects.count() == 1
    from hearthside.accounts.models import User

    assert actions.is_supporter(User.objects.get(username="demo-peer"))
    assert actions.is_supervisor(User.objects.get(username="demo-supervisor"))


def test_the_supporter_sees_the_safety_plan_only_when_shared(supporter):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.actions import check_update_plan

    sharer, private = make_user("sharer"), make_user("private")
    for person in (sharer, private):
        do_give_consent(person, "health_data")
        check_update_plan(person, {"reasons_for_living": [f"canary-{person.username}"]})
    shared = actions.check_start(sharer, CALM, share_plan=True)
    kept = actions.check_start(private, CALM, share_plan=False)
    client = login_client(supporter, two_factor=True)
    for conversation in (shared, kept):
        Conversation.objects.filter(pk=conversation.pk).update(status="active", supporter=supporter)
    assert "canary-sharer" in client.get(f"/support-line/desk/c/{shared.pk}/").content.decode()
    assert "canary-private" not in client.get(f"/support-line/desk/c/{kept.pk}/").content.decode()
    # The person sees their own plan on their conversation page.
    assert "canary-private" in login_client(private).get(f"/support-line/c/{kept.pk}/").content.decode()


def test_the_capacity_message_counts_conversations_in_the_singular_and_the_plural(supporter, settings):
    from django.core.exceptions import ValidationError

    for name in ("q1", "q2", "q3"):
        _start(name, CALM)
    settings.SUPPORTLINE_CAPACITY = 1
    actions.check_help_next(supporter)
    with pytest.raises(ValidationError) as one:
        actions.check_help_next(supporter)
    assert one.value.messages == ["You are already in 1 conversation, your limit. Wrap it up first."]
    settings.SUPPORTLINE_CAPACITY = 2
    actions.check_help_next(supporter)
    with pytest.raises(ValidationError) as two:
        actions.check_help_next(supporter)
    assert two.value.messages == ["You are already in 2 conversations, your limit. Wrap one up first."]
