"""The staff dashboard replays open alerts after a reconnect or a ``resync``: an alert raised while
its socket was away (a Redis blip, an ASGI restart) still appears (docs/realtime.md)."""

from __future__ import annotations

from unittest import mock

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async as db

from hearthside.conftest import make_user
from hearthside.core.fanout import hub
from hearthside.safety import actions
from hearthside.testing.sockets import next_frame, open_socket, socket_for


def _raise_quietly(person):
    """An alert whose live event is lost, as when the fan-out is away."""
    with mock.patch.object(hub, "publish"):
        return actions.raise_alert(person, source="community.chat", level="high")


@pytest.mark.django_db(transaction=True)
def test_an_alert_raised_while_the_dashboard_was_disconnected_is_replayed_on_reconnect():
    member = make_user("writer")
    moderator = make_user("mod", "moderator")
    first, second = socket_for(moderator, two_factor=True), socket_for(moderator, two_factor=True)

    async def scenario():
        await open_socket(first)
        await first.disconnect()
        alert = await db(_raise_quietly)(member)
        await open_socket(second)
        await second.send_json_to({"type": "alerts.sync"})
        replay = await next_frame(second, "alerts.open")
        await second.disconnect()
        return alert, replay

    alert, replay = async_to_sync(scenario)()
    ids = [a["id"] for a in replay["alerts"]]
    assert alert.pk in ids
    shown = next(a for a in replay["alerts"] if a["id"] == alert.pk)
    assert shown["level"] == "high" and shown["person"] == member.pseudonym


@pytest.mark.django_db(transaction=True)
def test_a_resync_leads_the_dashboard_to_replay_what_it_missed():
    member = make_user("writer")
    moderator = make_user("mod", "moderator")
    sock = socket_for(moderator, two_factor=True)

    async def scenario():
        await open_socket(sock)
        alert = await db(_raise_quietly)(member)
        await hub._resync_all()  # the fan-out's subscription came back
        await next_frame(sock, "resync")
        await sock.send_json_to({"type": "alerts.sync"})  # what alerts.js does on "resync"
        replay = await next_frame(sock, "alerts.open")
        await sock.disconnect()
        return alert, replay

    alert, replay = async_to_sync(scenario)()
    assert [a["id"] for a in replay["alerts"]] == [alert.pk]


@pytest.mark.django_db(transaction=True)
def test_only_dashboard_sockets_may_ask_for_open_alerts():
    member = make_user("writer")
    actions.raise_alert(member, source="x", level="high")
    sockets = [socket_for(make_user("mod", "moderator")),  # no second factor in this session
               socket_for(make_user("plain"))]

    async def scenario():
        answers = []
        for sock in sockets:
            await open_socket(sock)
            await sock.send_json_to({"type": "alerts.sync"})
            answers.append(await next_frame(sock, "error"))
            await sock.disconnect()
        return answers

    assert [a["code"] for a in async_to_sync(scenario)()] == ["unsupported", "unsupported"]


def test_the_dashboard_script_asks_for_a_replay_on_open_and_on_resync():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[2] / "static/hearthside/js/alerts.js").read_text()
    assert '"alerts.sync"' in script and '"resync"' in script and '"alerts.open"' in script
