"""The support line's staff side needs a second factor on every channel (issue #17): the desk page
and the REST queue refused staff without one, and now so does the socket. A supporter's or
supervisor's socket that has not proved one joins nothing staff-only (the queue, the supervisors'
feed, the conversations they support or watch, their staff topics), ``may_subscribe`` refuses
them, and their frames are refused. Their own conversation, as the person, is unaffected."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from hearthside.accounts.auth import mark_second_factor
from hearthside.conftest import login_client, make_user
from hearthside.supportline import actions
from hearthside.supportline.channel import LineChannel
from hearthside.testing.sockets import drain, next_frame, ready, socket_for, token_socket

CALM = "Work has been stressful and I cannot sleep well."


def _fresh(user, *, proved: bool | None = None):
    """The user as the database has it; ``proved`` marks it as a socket that (did not) prove one."""
    from hearthside.accounts.models import User

    fresh = User.objects.get(pk=user.pk)
    if proved is not None:
        mark_second_factor(fresh, proved)
    return fresh


# ---------------------------------------------------------------------------------------------
# The page and the REST queue (the rule the socket now follows)


def test_the_desk_page_and_the_rest_queue_need_a_second_factor(supporter, api_as):
    page = login_client(supporter).get("/support-line/desk/")
    assert page.status_code == 302 and page["Location"].startswith("/accounts/two-factor/")
    assert login_client(supporter, two_factor=True).get("/support-line/desk/").status_code == 200
    assert api_as(supporter).get("/api/v1/support-line/queue").status_code == 403
    assert api_as(supporter, two_factor=True).get("/api/v1/support-line/queue").status_code == 200


# ---------------------------------------------------------------------------------------------
# The channel's subscription rules


def test_staff_topics_only_for_a_socket_that_proved_a_second_factor(supporter, supervisor):
    person = make_user("robin")
    conversation = actions.check_start(person, CALM)
    assert actions.check_help_next(supporter).pk == conversation.pk
    actions.check_watch(supervisor, conversation)
    channel = LineChannel()
    staff_topics = {actions.topic(conversation.pk), actions.staff_topic(conversation.pk)}

    assert channel.topics_for(_fresh(supporter, proved=False)) == []
    assert channel.topics_for(_fresh(supervisor, proved=False)) == []
    assert channel.topics_for(_fresh(supporter)) == []  # unmarked: nothing proved
    assert set(channel.topics_for(_fresh(supporter, proved=True))) == staff_topics | {actions.QUEUE_TOPIC}
    assert set(channel.topics_for(_fresh(supervisor, proved=True))) == staff_topics | {
        actions.QUEUE_TOPIC, actions.SUPERVISE_TOPIC}

    for user in (supporter, supervisor):
        unproved, proved = _fresh(user, proved=False), _fresh(user, proved=True)
        for topic in staff_topics | {actions.QUEUE_TOPIC}:
            assert not channel.may_subscribe(unproved, topic), (user, topic)
            assert channel.may_subscribe(proved, topic), (user, topic)
    assert not channel.may_subscribe(_fresh(supervisor, proved=False), actions.SUPERVISE_TOPIC)
    assert channel.may_subscribe(_fresh(supervisor, proved=True), actions.SUPERVISE_TOPIC)


def test_a_supporter_s_own_conversation_as_the_person_needs_no_second_factor(supporter):
    own = actions.check_start(supporter, "I need to talk to someone myself.")
    unproved = _fresh(supporter, proved=False)
    channel = LineChannel()
    assert channel.topics_for(unproved) == [actions.topic(own.pk)]
    assert channel.may_subscribe(unproved, actions.topic(own.pk))
    assert not channel.may_subscribe(unproved, actions.staff_topic(own.pk))  # never one's own staff side


# ---------------------------------------------------------------------------------------------
# Live sockets


@pytest.mark.django_db(transaction=True)
def test_staff_sockets_without_a_second_factor_receive_no_line_frames():
    from hearthside.core.fanout import hub

    person = make_user("robin")
    newcomer, later = make_user("newcomer"), make_user("later")
    supporter = make_user("sam", "peer_supporter", pseudonym="Sam")
    supervisor = make_user("kim", "clinical_supervisor", pseudonym="Dr Kim")
    conversation = actions.check_start(person, CALM)
    conversation = actions.check_help_next(supporter)
    actions.check_watch(supervisor, conversation)
    p = socket_for(person)
    s_no, s_yes = socket_for(supporter), socket_for(supporter, two_factor=True)
    t_no, t_yes = token_socket(supporter, two_factor=False), token_socket(supporter, two_factor=True)
    v_no, v_yes = socket_for(supervisor), socket_for(supervisor, two_factor=True)
    sockets = (p, s_no, s_yes, t_no, t_yes, v_no, v_yes)
    topics = (actions.QUEUE_TOPIC, actions.SUPERVISE_TOPIC, actions.topic(conversation.pk),
              actions.staff_topic(conversation.pk))

    async def scenario():
        # The queue and the supervisors' feed are site-wide topics of a process-wide hub: count
        # what these sockets add, not what an earlier test in the same worker left there.
        before = {t: len(hub.topics.get(t, ())) for t in topics}
        for sock in sockets:
            await ready(sock)
        out = {"joined": {t: len(hub.topics.get(t, ())) - before[t] for t in topics}}
        await p.send_json_to({"type": "line.send", "conversation": conversation.pk, "client_id": "p1",
                              "body": "are you there?"})
        await next_frame(p, "line.ack")
        await s_yes.send_json_to({"type": "line.send", "conversation": conversation.pk, "client_id": "w1",
                                  "body": "whisper for the supervisor", "whisper": True})
        await next_frame(s_yes, "line.ack")
        await database_sync_to_async(actions.check_start)(newcomer, CALM)  # the queue changes
        out["t_yes"] = {f["type"] for f in await drain(t_yes)}
        out["v_yes"] = {f["type"] for f in await drain(v_yes)}
        out["unproved"] = [f for sock in (s_no, t_no, v_no) for f in await drain(sock)]
        for sock in (s_no, t_no):
            await sock.send_json_to({"type": "line.sync", "conversation": conversation.pk, "after": 0})
        out["refused"] = [await next_frame(s_no, "error"), await next_frame(t_no, "error")]

        # Assigned while connected: only the sockets that proved a second factor join.
        await database_sync_to_async(actions.check_start)(later, CALM)
        second = await database_sync_to_async(actions.check_help_next)(supporter)
        out["assigned"] = {}
        for name, sock in (("s_no", s_no), ("s_yes", s_yes), ("t_no", t_no), ("t_yes", t_yes)):
            frames = []
            while not frames or frames[-1]["type"] != "line.assigned":  # after its control frames
                frames.append(await sock.receive_json_from(timeout=10))
            out["assigned"][name] = [f["type"] for f in frames]
        out["second"] = [len(hub.topics.get(t, ())) for t in (actions.topic(second.pk),
                                                              actions.staff_topic(second.pk))]
        for sock in sockets:
            await sock.disconnect()
        return out

    out = async_to_sync(scenario)()
    # The queue: the proved supporter's two sockets and the proved supervisor's; the supervisors'
    # feed: one; the conversation: the person and the three proved staff sockets.
    assert out["joined"] == {actions.QUEUE_TOPIC: 3, actions.SUPERVISE_TOPIC: 1,
                             actions.topic(conversation.pk): 4, actions.staff_topic(conversation.pk): 3}
    assert {"line.message", "line.whisper", "line.queue"} <= out["t_yes"]
    assert {"line.message", "line.whisper", "line.queue"} <= out["v_yes"]
    assert not [f for f in out["unproved"] if f["type"].startswith("line.") and f["type"] != "line.assigned"]
    assert "are you there?" not in str(out["unproved"]) and "whisper" not in str(out["unproved"])
    assert [e["code"] for e in out["refused"]] == ["not_found", "not_found"]
    assert "subscription.started" in out["assigned"]["s_yes"]
    assert out["assigned"]["s_no"] == out["assigned"]["t_no"] == ["line.assigned"]
    assert out["second"] == [2, 2]  # s_yes and t_yes joined the second conversation and its staff topic
