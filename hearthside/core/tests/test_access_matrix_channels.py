"""The access matrix for live channels: every topic a socket joins and every client frame kind
(issue #17, item 2, the part ``test_access_matrix.py`` left to each channel's own tests).

One socket per tab (``/ws/events/``) carries a person's events, their groups' chat and every
channel registered with ``core.realtime.register``. The world is ``test_access_matrix``'s (the same
roles, objects and credential kinds), plus the member's support-line conversation taken by the peer
supporter and read along by the supervisor. For every role and every credential kind:

1. **Connect.** A dead credential (expired session, revoked token) and the anonymous guest are
   refused with 4401. Otherwise the topics the socket joined (read from the fan-out hub) must be
   exactly the declared ones (``EXPECTED``). Every topic is named through ``label_topics``: a topic
   that no label describes -- a new channel, a new kind of topic -- fails the test until it is
   declared, so a new channel is in the matrix by construction.
2. **Delivery.** A probe frame is handed to every topic of the world; the socket must relay exactly
   the probes of its declared topics.
3. **Re-subscription.** The control frames that join and leave topics while a socket is open
   (``subscription.started`` for every channel topic of the world, ``membership.started`` for the
   group) go through each channel's ``may_subscribe``; afterwards the socket must still hold exactly
   its declared topics.
4. **Frames.** Every registered frame prefix has declared probes (``FRAME_PROBES``) that read and
   write the member's objects; each answer (accepted or refused) must be the declared one.
   ``test_every_channel_is_declared`` fails when a registered channel has no declaration.

Without a second factor (a password-only session, a token without ``two_factor``), staff roles are
members like any other: they join nothing staff-only and their staff frames are refused.
"""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings

from hearthside.core import realtime
from hearthside.core.frames import STR, declare

from .test_access_matrix import ROLES, build_world

declare("matrix.probe", {"label": STR})  # the probe frames this test hands to every topic
SOCKET_CREDENTIALS = ("session", "password_session", "expired_session", "token", "non2fa_token",
                      "revoked_token")
DEAD = ("expired_session", "revoked_token")
WITHOUT_SECOND_FACTOR = ("password_session", "non2fa_token")

# Topic labels. "…:self" is the socket's own person's topic; the others are the world's objects.
OWN = {"events:self", "companion:self"}
STAFF_OWN = {"alerts:dashboard"}
EXPECTED: dict[str, set[str]] = {
    "member": OWN | {"chat:group", "peer:member-friend", "line:member", "care:member"},
    "other": OWN,
    "facilitator": OWN | {"chat:group"},
    # The supporter of the member's support-line conversation (peer supporters handle the line).
    "peer": OWN | {"line:queue", "line:member", "line-staff:member"},
    # Practitioners answer the line too; the member's practitioner has the counselling thread.
    "pract": OWN | {"line:queue", "care:member"},
    "pract_nogrant": OWN | {"line:queue"},
    "moderator": OWN | STAFF_OWN,
    # Reading the member's conversation along (a Watch): its person-side and staff-side topics.
    "supervisor": OWN | STAFF_OWN | {"line:queue", "line:supervise", "line:member", "line-staff:member"},
    "admin": OWN | STAFF_OWN | {"line:queue", "line:supervise"},
}
# What a socket that did not prove a second factor keeps: everything that is not staff-only.
STAFF_ONLY = STAFF_OWN | {"line:queue", "line:supervise", "line-staff:member"}
STAFF_ONLY_BY_ROLE = {"peer": {"line:member"}, "supervisor": {"line:member"}, "pract": {"care:member"}}


def expected_topics(role: str, credential: str) -> set[str]:
    if role == "anon" or credential in DEAD:
        return set()
    topics = set(EXPECTED[role])
    if credential in WITHOUT_SECOND_FACTOR:
        topics -= STAFF_ONLY | STAFF_ONLY_BY_ROLE.get(role, set())
    return topics


# Client frames per prefix: (name, frame factory, reply type that means "accepted", roles accepted
# with full credentials). Roles that need a second factor for it are in FRAME_NEEDS_2FA.
def _frames(ids: dict) -> dict[str, list[tuple[str, dict, str | None, set[str]]]]:
    group, connection, conversation, relationship = ids["slug"], ids["connection_id"], ids["conversation_id"], \
        ids["relationship_id"]
    return {
        "chat": [
            ("chat.sync", {"type": "chat.sync", "group": group, "after": 0}, "chat.history", {"member", "facilitator"}),
            ("chat.send", {"type": "chat.send", "group": group, "client_id": "m-{who}", "body": "matrix probe"},
             "chat.ack", {"member", "facilitator"}),
        ],
        "typing": [
            # Accepted means no error (typing is never acknowledged).
            ("typing.start", {"type": "typing.start", "group": group}, None, {"member", "facilitator"}),
        ],
        "peer": [
            ("peer.sync", {"type": "peer.sync", "connection": connection, "after": 0}, "peer.history", {"member"}),
            ("peer.send", {"type": "peer.send", "connection": connection, "client_id": "m-{who}",
                           "body": "matrix probe"}, "peer.ack", {"member"}),
        ],
        "line": [
            ("line.sync", {"type": "line.sync", "conversation": conversation, "after": 0}, "line.history",
             {"member", "peer", "supervisor"}),
            # A supervisor reading along does not write until they join in.
            ("line.send", {"type": "line.send", "conversation": conversation, "client_id": "m-{who}",
                           "body": "matrix probe"}, "line.ack", {"member", "peer"}),
        ],
        "alerts": [
            # The open alerts (the member's among them), for the safety dashboard only.
            ("alerts.sync", {"type": "alerts.sync"}, "alerts.open", {"moderator", "supervisor", "admin"}),
        ],
        "care": [
            ("care.sync", {"type": "care.sync", "relationship": relationship, "after": 0}, "care.history",
             {"member", "pract"}),
            ("care.send", {"type": "care.send", "relationship": relationship, "client_id": "m-{who}",
                           "body": "matrix probe"}, "care.ack", {"member", "pract"}),
        ],
    }


FRAME_NEEDS_2FA = {"line.sync": {"peer", "supervisor"}, "line.send": {"peer"}, "care.sync": {"pract"},
                   "care.send": {"pract"}, "alerts.sync": {"moderator", "supervisor", "admin"}}
# Prefixes whose frames name no object of anyone else, with the reason.
OWN_FRAMES_ONLY = {
    "companion": "companion frames act on the sender's own conversation only (no id in the frame)",
}


def test_every_channel_is_declared():
    """A new channel fails here until its frames are declared (``FRAME_PROBES`` or a reason)."""
    declared = set(_frames(dict.fromkeys(("slug", "connection_id", "conversation_id", "relationship_id"), 1)))
    registered = set(realtime.CHANNELS) | {"chat"}
    missing = registered - declared - set(OWN_FRAMES_ONLY)
    assert not missing, f"channels with no declared frame probes: {sorted(missing)}"
    stale = (declared | set(OWN_FRAMES_ONLY)) - registered
    assert not stale, f"declarations for channels that do not exist: {sorted(stale)}"
    assert set(EXPECTED) == set(ROLES) - {"anon"}


def label_topics(world: dict, users: dict, self_id: int) -> dict[str, str]:
    """Every topic of the world, named. Built from the objects, not from the channels' code."""
    from hearthside.safety.actions import DASHBOARD_GROUP
    from hearthside.supportline.actions import QUEUE_TOPIC, SUPERVISE_TOPIC

    ids = world["ids"]
    labels = {
        DASHBOARD_GROUP: "alerts:dashboard",
        QUEUE_TOPIC: "line:queue",
        SUPERVISE_TOPIC: "line:supervise",
        f"group.{world['group_id']}": "chat:group",
        f"peer.{ids['connection_id']}": "peer:member-friend",
        f"line.{ids['conversation_id']}": "line:member",
        f"line.s{ids['conversation_id']}": "line-staff:member",
        f"care.{ids['relationship_id']}": "care:member",
    }
    for role, user in users.items():
        who = "self" if user.pk == self_id else role
        labels[f"user.{user.pk}"] = f"events:{who}"
        labels[f"companion.{user.pk}"] = f"companion:{who}"
    return labels


def _communicator(client, credential: str) -> WebsocketCommunicator:
    from hearthside.asgi import application

    if client is None:
        return WebsocketCommunicator(application, "/ws/events/", headers=[(b"origin", b"http://127.0.0.1")])
    if credential.endswith("token"):
        header = client.defaults["HTTP_AUTHORIZATION"].encode()
        return WebsocketCommunicator(application, "/ws/events/", headers=[(b"authorization", header)])
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return WebsocketCommunicator(application, "/ws/events/",
                                 headers=[(b"cookie", cookie.encode()), (b"origin", b"http://127.0.0.1")])


async def _until_pong(sock, limit: int = 50) -> list[dict]:
    """Frames up to the answer to a ping sent now (the socket answers frames in order)."""
    await sock.send_json_to({"type": "ping"})
    frames = []
    for _ in range(limit):
        frame = await sock.receive_json_from(timeout=15)
        if frame["type"] == "pong":
            return frames
        frames.append(frame)
    raise AssertionError(f"no pong after {limit} frames")


def _joined(before: set) -> object:
    """The one consumer that connected since ``before`` (a snapshot of the hub's sockets)."""
    from hearthside.core.fanout import hub

    now = {s for sockets in hub.topics.values() for s in sockets}
    new = now - before
    assert len(new) == 1, f"expected one new socket in the hub, found {len(new)}"
    return new.pop()


def _topics_of(consumer) -> set[str]:
    from hearthside.core.fanout import hub

    return {topic for topic, sockets in hub.topics.items() if consumer in sockets}


@pytest.fixture
def channel_world(transactional_db):
    from django.contrib.auth import get_user_model

    from hearthside.community.models import Group
    from hearthside.supportline import models as supportline

    world = build_world()
    names = {"member": "member", "other": "othermember", "facilitator": "facilitator", "peer": "peersupporter",
             "pract": "practitioner", "pract_nogrant": "otherpractitioner", "moderator": "moderator",
             "supervisor": "supervisor", "admin": "administrator"}
    users = {role: get_user_model().objects.get(username=name) for role, name in names.items()}
    conversation = supportline.Conversation.objects.get(pk=world["ids"]["conversation_id"])
    conversation.supporter = users["peer"]
    conversation.status = supportline.Conversation.Status.ACTIVE
    conversation.save()
    supportline.Watch.objects.create(conversation=conversation, supervisor=users["supervisor"])
    world["group_id"] = Group.objects.get(slug=world["ids"]["slug"]).pk
    return world, users


def _connect_and_probe(world, users, role: str, credential: str) -> dict:
    """Connect as ``role`` with ``credential``; return what the socket joined and relayed."""
    from hearthside.core.fanout import hub

    client = world["clients"]["api"][role][credential] if role != "anon" else None
    sock = _communicator(client, credential)
    self_id = users[role].pk if role != "anon" else -1
    labels = label_topics(world, users, self_id)
    channel_topics = [t for t, label in labels.items() if t.partition(".")[0] in realtime.CHANNELS]

    async def scenario():
        before = {s for sockets in hub.topics.values() for s in sockets}
        connected, code = await sock.connect(timeout=20)
        if not connected:
            return {"refused": code}
        out: dict = {"refused": None}
        try:
            assert (await sock.receive_json_from(timeout=20))["type"] == "hello"
            await _until_pong(sock)
            consumer = _joined(before)
            out["joined"] = _topics_of(consumer)
            for topic, label in labels.items():
                await hub.deliver(topic, json.dumps({"type": "matrix.probe", "label": label}))
            out["relayed"] = {f["label"] for f in await _until_pong(sock) if f["type"] == "matrix.probe"}
            # Leave every channel topic, then ask for every one: may_subscribe decides.
            own = f"user.{self_id}"
            for topic in channel_topics:
                await hub.deliver(own, json.dumps({"type": "subscription.ended", "topic": topic}))
            for topic in channel_topics:
                await hub.deliver(own, json.dumps({"type": "subscription.started", "topic": topic}))
            await hub.deliver(own, json.dumps({"type": "membership.started", "group": world["ids"]["slug"]}))
            await _until_pong(sock)
            out["rejoined"] = _topics_of(consumer)
            out["frames"] = {}
            for probes in _frames(world["ids"]).values():
                for name, frame, accepted, _roles in probes:
                    frame = {k: (v.format(who=f"{role}-{credential}") if isinstance(v, str) else v)
                             for k, v in frame.items()}
                    await sock.send_json_to(frame)
                    answers = await _until_pong(sock)
                    errors = [f for f in answers if f["type"] == "error"]
                    ok = any(f["type"] == accepted for f in answers) if accepted else not errors
                    out["frames"][name] = "accepted" if ok and not errors else "refused"
        finally:
            await sock.disconnect()
        return out

    return async_to_sync(scenario)(), labels


def _name(topics: set[str], labels: dict[str, str]) -> set[str]:
    return {labels.get(t, f"UNDECLARED TOPIC {t}") for t in topics}


@pytest.mark.parametrize("role", ROLES)
def test_channel_access_matrix(channel_world, role):
    world, users = channel_world
    credentials = ("none",) if role == "anon" else SOCKET_CREDENTIALS
    wrong: list[str] = []
    for credential in credentials:
        result, labels = _connect_and_probe(world, users, role, credential)
        expected = expected_topics(role, credential)
        if role == "anon" or credential in DEAD:
            if result["refused"] != 4401:
                wrong.append(f"{credential}: connected (or closed with {result['refused']}), expected 4401")
            continue
        if result["refused"] is not None:
            wrong.append(f"{credential}: refused with {result['refused']}, expected to connect")
            continue
        for stage in ("joined", "rejoined"):
            got = _name(result[stage], labels)
            if got != expected:
                wrong.append(f"{credential} {stage}: extra {sorted(got - expected)}, missing {sorted(expected - got)}")
        if result["relayed"] != expected:
            wrong.append(f"{credential} relayed: extra {sorted(result['relayed'] - expected)}, "
                         f"missing {sorted(expected - result['relayed'])}")
        for probes in _frames(world["ids"]).values():
            for name, _frame, _accepted, roles in probes:
                allowed = role in roles and not (credential in WITHOUT_SECOND_FACTOR
                                                 and role in FRAME_NEEDS_2FA.get(name, ()))
                answer = result["frames"][name]
                if answer != ("accepted" if allowed else "refused"):
                    wrong.append(f"{credential} {name}: {answer}, expected {'accepted' if allowed else 'refused'}")
    assert not wrong, f"as {role}:\n  " + "\n  ".join(wrong)


def test_an_undeclared_topic_is_reported(channel_world):
    """The labels are the declaration: a topic they do not name shows up as such, never silently."""
    world, users = channel_world
    labels = label_topics(world, users, users["member"].pk)
    assert _name({"newchannel.1", f"user.{users['member'].pk}"}, labels) == {
        "UNDECLARED TOPIC newchannel.1", "events:self"}
