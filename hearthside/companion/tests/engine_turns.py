"""A conversation with the offline engine in a test: the turns, the opening one and one for each
line said (the engine keeps no conversation of its own; each turn carries its state)."""

from __future__ import annotations


def talk(companion, *lines, lang=None, conversation_id="t-1"):
    turn = companion.start(lang=lang, conversation_id=conversation_id)
    turns = [turn]
    for line in lines:
        turn = companion.respond(turn.state, line, lang=lang)
        turns.append(turn)
    return turns
