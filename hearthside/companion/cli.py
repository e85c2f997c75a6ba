"""``hearthside companion-chat``: the offline companion over JSON lines, with no server and no
database. Each input line {"conversation_id": ..., "text": ...} gets one output line
{"conversation_id", "reply", "safety_level", "actions"}; each conversation keeps its state
between lines. Contract kept stable for evaluation tools. An input line may also carry "lang"
(the interface language, "en" or "es"; ``--lang`` sets the default): the reply follows the
message's own language first. The person's earlier lines go to the screener when it takes them.

``--profile NAME`` applies a jurisdiction profile (hearthside/compliance/data/profiles/), as the
site does: its companion mode and when the companion says again that it is automated. ``--minor``
runs it for a person known to be a minor, ``--mode`` adds the operator's stricter mode. An input
line may carry "at" (an ISO 8601 time with its offset): the clock for that line, so a script can
let hours or days pass between lines; without it, the current time."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from hearthside.companion.engine import Companion
from hearthside.compliance import policy


def _at(item: dict) -> datetime:
    if "at" not in item:
        return datetime.now(UTC)
    try:
        found = datetime.fromisoformat(item["at"])
    except (TypeError, ValueError):
        raise ValueError("at must be an ISO 8601 time, e.g. 2026-12-04T09:00:00+00:00") from None
    if found.tzinfo is None:
        raise ValueError("at must give its offset (e.g. +00:00)")
    return found


def chat_main(argv: list[str] | None = None, stdin=None, stdout=None) -> int:
    parser = argparse.ArgumentParser(prog="hearthside companion-chat", description=__doc__.split("\n\n")[0])
    parser.add_argument("--greeting", action="store_true",
                        help="answer a conversation's first line with the greeting before the reply")
    parser.add_argument("--lang", choices=["en", "es"], default=None,
                        help="interface language when a line does not say (default: English)")
    parser.add_argument("--profile", choices=sorted(policy.profiles()), default=None,
                        help="jurisdiction profile to apply (default: none, the companion as it is)")
    parser.add_argument("--minor", action="store_true", help="the person is known to be a minor")
    parser.add_argument("--mode", choices=list(policy.MODES), default=None,
                        help="the operator's companion mode, when stricter than the profile's")
    args = parser.parse_args(argv)
    rules = None
    if args.profile or args.minor or args.mode:
        rules = policy.rules(policy.get(args.profile or policy.DEFAULT), minor=args.minor, operator_mode=args.mode)
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
            now = _at(item)
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
            opening = companion.start(lang=lang or "en", conversation_id=conversation_id, rules=rules, now=now)
            state, greeting = opening.state, opening.reply
        earlier = histories.setdefault(key, [])
        turn = companion.respond(state, item["text"], lang=lang, history=earlier[-8:], rules=rules, now=now)
        earlier.append(item["text"][:2000])
        del earlier[:-8]
        states[key] = turn.state
        line = turn.as_line(conversation_id)
        if args.greeting and greeting:
            line["greeting"] = greeting
        stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        stdout.flush()
    return status
