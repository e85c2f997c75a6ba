"""Shared set-up for the forum and moderation tests: a group, its members and quick ways to post."""

from __future__ import annotations

import pytest

from hearthside.community.forum import actions as forum
from hearthside.community.models import Group, Membership
from hearthside.conftest import make_user

CRISIS_TEXT = "I have the pills saved up and I'm going to kill myself tonight after everyone is asleep."
PSEUDONYM = "Quiet Lantern"

@pytest.fixture(name="group")
def group_fixture(db):
    return Group.objects.create(slug="anxiety", name="Living with anxiety", topic="anxiety")


@pytest.fixture(name="other_group")
def other_group_fixture(db):
    return Group.objects.create(slug="grief", name="Grief and loss", topic="grief")


def join(user, group, role=Membership.Role.MEMBER, **extra):
    return Membership.objects.create(user=user, group=group, role=role, **extra)


@pytest.fixture(name="people")
def people_fixture(db, group, other_group):
    """writer (pseudonym PSEUDONYM), reader and a facilitator in ``group``; outsider in another group only;
    a site moderator in no group."""
    writer = make_user("writer", pseudonym=PSEUDONYM)
    reader = make_user("reader")
    facilitator = make_user("facil", "peer_supporter")
    outsider = make_user("outsider")
    moderator = make_user("moderator", "moderator")
    join(writer, group)
    join(reader, group)
    join(facilitator, group, role=Membership.Role.FACILITATOR)
    join(outsider, other_group)
    return {"writer": writer, "reader": reader, "facilitator": facilitator, "outsider": outsider,
            "moderator": moderator}


def start_thread(user, group, title="Hello everyone", body="First time here. Mornings are hard.", **kw):
    return forum.check_create_thread(user, forum.viewer_for(user, group), title, body, **kw)


def reply(user, thread, body="Same here, you are not alone.", **kw):
    return forum.check_reply(user, thread, forum.viewer_for(user, thread.group), body, **kw)


def put(api, path, data):
    return api.client.put(path, data, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {api.token}")
