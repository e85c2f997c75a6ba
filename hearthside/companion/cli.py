"""``hearthside companion-chat``: the offline companion over JSON lines, with no server and no
database. Each input line {"conversation_id": ..., "text": ...} gets one output line
{"conversation_id", "reply", "safety_level", "actions"}; each conversation keeps its state
between lines. Contract kept stable for evaluation tools. An input line may also carry "lang"
(the interface language, "en" or "es"; ``--lang`` sets the default): the reply follows the
message's own language first. The person's earlier lines go to the screener when it takes them."""

from __future__ import annotations

import argparse
import json
import sys

from hearthside.companion.engine import Companion


def chat_main(argv: list[str] | None = None, stdin=None, stdout=None) -> int:
    parser = argparse.ArgumentParser(prog="hearthside companion-chat", description=__doc__.split("\n\n")[0])
    parser.add_argument("--greeting", action="store_true",
                        help="answer a conversation's first line with the greeting before the reply")
    parser.add_argument("--lang", choices=["en", "es"], default=None,
                        help="interface language when a line does not say (default: English)")
    args = parser.parse_args(argv)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    companion = Companion()
    states: dict[str, dict] = {}
    histories: dict[str, list[str]] = {}
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
        lang = item.get("lang") if item.get("lang") in ("en", "es") else args.lang
        state = states.get(key)
        greeting = ""
        if state is None:
            opening = companion.start(lang=lang or "en", conversation_id=conversation_id)
            state, greeting = opening.state, opening.reply
        earlier = histories.setdefault(key, [])
        turn = companion.respond(state, item["text"], lang=lang, history=earlier[-8:])
        earlier.append(item["text"][:2000])
        del earlier[:-8]
        states[key] = turn.state
        line = turn.as_line(conversation_id)
        if args.greeting and greeting:
            line["greeting"] = greeting
        stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        stdout.flush()
    return status
