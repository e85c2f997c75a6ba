"""Counselling messages refuse the way every conversation does (issue #19, ``core/errors.py``):
the per-minute limit answered 403 here where group chat and friends answered 429."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync


@pytest.mark.django_db
def test_the_care_message_limit_is_429_rate_limited_on_the_api(api_as, client_user, pro, monkeypatch):
    from hearthside.care import actions, conversation

    monkeypatch.setattr(conversation, "RATE_PER_MINUTE", 2)
    relationship = actions.check_choose_practitioner(client_user, pro)
    api = api_as(client_user)
    url = f"/api/v1/care/relationships/{relationship.pk}/messages"
    sent = [api.post(url, {"client_id": f"c{i}", "body": "Hello, a short note."}) for i in range(3)]
    assert [r.status_code for r in sent] == [201, 201, 429]
    assert sent[2].json() == {"detail": "You are sending messages very quickly. Try again in a minute.",
                              "code": "rate_limited"}


@pytest.mark.django_db(transaction=True)
def test_the_care_message_limit_is_rate_limited_on_the_socket(client_user, pro, monkeypatch):
    from hearthside.care import actions, conversation
    from hearthside.testing.sockets import ready, socket_for

    monkeypatch.setattr(conversation, "RATE_PER_MINUTE", 1)
    relationship = actions.check_choose_practitioner(client_user, pro)
    sock = socket_for(client_user)

    async def scenario():
        await ready(sock)
        answers = []
        for client_id in ("c1", "c2"):
            await sock.send_json_to({"type": "care.send", "relationship": relationship.pk, "client_id": client_id,
                                     "body": "Hello, a short note."})
            frame = await sock.receive_json_from(timeout=10)
            while frame["type"] not in ("care.ack", "error"):
                frame = await sock.receive_json_from(timeout=10)
            answers.append((frame["type"], frame.get("code")))
        await sock.disconnect()
        return answers

    assert async_to_sync(scenario)() == [("care.ack", None), ("error", "rate_limited")]
