"""``hearthside companion-chat``: the offline companion over JSON lines, with no server and no
database. Each input line {"conversation_id": ..., "text": ...} gets one output line
{"conversation_id", "reply", "safety_level", "actions"}; each conversation keeps its state
between lines. Contract kept stable for evaluation tools."""

from __future__ import annotations

import argparse
import json
import sys

from hearthside.companion.engine import Companion


def chat_main(argv: list[str] | None = None, stdin=None, stdout=None) -> int:
    parser = argparse.ArgumentParser(prog="hearthside companion-chat", description=__doc__.split("\n\n")[0])
    parser.add_argument("--greeting", action="store_true",
                        help="answer a conversation's first line with the greeting before the reply")
    args = parser.parse_args(argv)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    companion = Companion()
    states: dict[str, dict] = {}
    status = 0
    for raw in stdin:
        raw = raw.strip()
        if not raw:
            continue
        try:
            item = json.loads(raw)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError("each line must be an object with a text string")
        except ValueError as exc:
            stdout.write(json.dumps({"error": f"bad input line: {exc}"}) + "\n")
            stdout.flush()
            status = 2
            continue
        conversation_id = item.get("conversation_id")
        key = json.dumps(conversation_id)
        state = states.get(key)
        greeting = ""
        if state is None:
            opening = companion.start()
            state, greeting = opening.state, opening.reply
        turn = companion.respond(state, item["text"])
        states[key] = turn.state
        line = turn.as_line(conversation_id)
        if args.greeting and greeting:
            line["greeting"] = greeting
        stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        stdout.flush()
    return status
