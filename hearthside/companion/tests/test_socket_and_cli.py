"""The companion over the websocket, and ``hearthside companion-chat`` with no server."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async as db

from hearthside.accounts.actions import do_give_consent
from hearthside.companion.cli import chat_main
from hearthside.companion.models import Conversation
from hearthside.conftest import make_user
from hearthside.testing.sockets import next_frame, open_socket, socket_for


async def messages_upto(sock, seq: int, others: list | None = None) -> list[dict]:
    """companion.message frames until ``seq``; after a fan-out "resync" hint (frames lost while
    Redis reconnected), catch up from the database the way the page does."""
    found: dict[int, dict] = {}
    for _ in range(40):
        if len(found) >= seq:
            break
        frame = await sock.receive_json_from(timeout=15)
        if frame["type"] == "companion.message":
            found[frame["message"]["seq"]] = frame
        elif frame["type"] == "resync":
            await sock.send_json_to({"type": "companion.sync", "after": 0})
        elif frame["type"] == "companion.history":
            for message in frame["messages"]:
                found.setdefault(message["seq"], {"conversation": frame["conversation"], "message": message})
        elif others is not None:
            others.append(frame)
    return [found[k] for k in sorted(found)][:seq]


@pytest.mark.django_db(transaction=True)
def test_messages_arrive_live_on_the_persons_own_topic_and_catch_up_by_seq():
    sam, other = make_user("sam"), make_user("other")
    do_give_consent(sam, "ai_features")
    mine, theirs = socket_for(sam), socket_for(other)

    async def scenario():
        await open_socket(mine)
        await open_socket(theirs)
        await mine.send_json_to({"type": "companion.send", "text": "I feel anxious about work", "client_id": "k1"})
        frames = await messages_upto(mine, 3)  # the greeting, the person's message, the reply
        await mine.send_json_to({"type": "companion.sync", "after": 1})
        history = await next_frame(mine, "companion.history")
        for _ in range(3):  # skip a catch-up the helper itself asked for after a Redis "resync"
            if [m["seq"] for m in history["messages"]][:1] != [1]:
                break
            history = await next_frame(mine, "companion.history")
        await mine.send_json_to({"type": "companion.send", "text": "   ", "client_id": "k2"})
        error = await next_frame(mine, "companion.error")
        nothing = await theirs.receive_nothing(timeout=0.3)
        for sock in (mine, theirs):
            await sock.disconnect()
        conversation_id = await db(lambda: Conversation.objects.get(user=sam).pk)()
        return frames, history, error, nothing, conversation_id

    frames, history, error, nothing, conversation_id = async_to_sync(scenario)()
    roles = [f["message"]["role"] for f in frames]
    assert roles == ["companion", "person", "companion"]
    assert all(f["conversation"] == conversation_id for f in frames)
    from hearthside.companion.engine.lexicon import FEELING_PHRASES

    # The reply names the worry, in one of the ways the companion varies it.
    assert any(phrase in frames[2]["message"]["body"] for phrase in FEELING_PHRASES["anxious"])
    assert [m["seq"] for m in history["messages"]] == [2, 3]
    assert error["detail"] and nothing


def test_companion_chat_keeps_each_conversations_state_between_lines():
    lines = [
        {"conversation_id": 1, "text": "I want to kill myself"},
        {"conversation_id": 2, "text": "I'm anxious about my exams"},
        {"conversation_id": 1, "text": "never mind, I was joking"},
        {"conversation_id": 2, "text": "can we do a breathing exercise?"},
        {"conversation_id": 1, "text": "No, I'm not"},
    ]
    out = io.StringIO()
    assert chat_main([], stdin=io.StringIO("\n".join(json.dumps(x) for x in lines) + "\n"), stdout=out) == 0
    replies = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [r["conversation_id"] for r in replies] == [1, 2, 1, 2, 1]
    assert set(replies[0]) == {"conversation_id", "reply", "safety_level", "actions"}
    assert {"crisis_flow", "show_help", "raise_alert", "offer_support_line"} <= set(replies[0]["actions"])
    assert replies[0]["safety_level"] == "high"
    assert "crisis_flow" in replies[2]["actions"] and "crisis_check" in replies[2]["actions"]
    assert "exercise_started:box-breathing" in replies[3]["actions"]
    assert "crisis_step_down" in replies[4]["actions"] and "crisis_flow" not in replies[4]["actions"]


def test_companion_chat_runs_as_a_command_without_django_or_a_server():
    root = Path(__file__).resolve().parents[3]
    code = ("import sys; from hearthside.cli import main; rc = main(['companion-chat']); "
            "assert 'django.conf' not in sys.modules or not sys.modules['django.conf'].settings.configured; "
            "sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code], input='{"conversation_id": "x", "text": "hi"}\nnot json\n',
                          capture_output=True, text=True, cwd=root, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)})
    assert done.returncode == 2, done.stderr
    first, second = done.stdout.splitlines()
    assert json.loads(first)["conversation_id"] == "x"
    assert "error" in json.loads(second)
