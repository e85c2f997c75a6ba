"""The companion's state is typed (issue #19): every key the engine reads or writes is declared in
``CompanionState``, and a new conversation starts with declared keys only."""

import ast
from pathlib import Path
from typing import get_type_hints

from hearthside.companion.engine.dialogue import CompanionState, new_state

COMPANION = Path(__file__).resolve().parents[1]


def _keys_used_on_state() -> dict[str, str]:
    """Every string key used on a variable named ``state`` (subscript, get, setdefault, pop), with
    where it was first seen."""
    used: dict[str, str] = {}
    for path in sorted(COMPANION.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            key = None
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "state":
                key = node.slice
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == "state"
                  and node.func.attr in ("get", "setdefault", "pop") and node.args):
                key = node.args[0]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                used.setdefault(key.value, f"{path.relative_to(COMPANION)}:{node.lineno}")
    return used


def test_every_key_the_companion_uses_is_declared():
    declared = set(get_type_hints(CompanionState))
    used = _keys_used_on_state()
    assert {"pending", "crisis", "watch", "mode", "disclosed_at"} <= set(used)  # the scan finds them
    assert {key: where for key, where in used.items() if key not in declared} == {}


def test_a_new_state_holds_declared_keys_of_their_declared_kind():
    hints = get_type_hints(CompanionState)
    state = new_state()
    assert set(state) <= set(hints)
    assert state["v"] == 1 and state["turn"] == 0 and state["crisis"] is None
    assert state["memory"] == {"stressors": [], "checkins": []}
    for key in ("feelings", "stressors", "offered", "recent", "strategies", "disclosures", "risk"):
        assert state[key] == [] and hints[key].__origin__ is list, key
