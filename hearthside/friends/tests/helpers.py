"""Shared helpers for the friends tests."""

from __future__ import annotations

from hearthside.conftest import make_user
from hearthside.friends import actions
from hearthside.friends.models import Connection

CRISIS = "I have the pills saved up and I'm going to kill myself tonight."


def peer(username, *, topics=("grief",), languages=("es",), band="adult", enabled=True, availability=(), **extra):
    user = make_user(username, **extra)
    actions.check_save_profile(user, {
        "pseudonym": username.title() + " P", "intro": "Hello there", "age_band": band, "topics": list(topics),
        "languages": list(languages), "looking_for": ["talk"], "availability": list(availability),
        "enabled": enabled,
    })
    return user


def connect(a, b) -> Connection:
    connection = actions.check_request(a, b.peer_profile, "Hi!")
    return actions.check_respond(b, connection, "accept")


def with_health_consent(user):
    from hearthside.accounts.actions import do_give_consent

    do_give_consent(user, "health_data")
    return user
