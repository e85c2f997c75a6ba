"""A server process's warm-up: every hook runs (one failing stops none), then the start-up objects
are set aside from garbage collection and the thresholds raised (issue #20)."""

from __future__ import annotations

import gc

import pytest

from hearthside.core import warmup


@pytest.fixture
def gc_state(monkeypatch):
    before = gc.get_threshold()
    monkeypatch.setattr(warmup, "_HOOKS", [])
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_every_hook_runs_then_the_collector_is_settled(gc_state):
    ran = []

    def failing():
        ran.append("failing")
        raise RuntimeError("the screener's cache is unreadable")

    warmup.register(failing)
    warmup.register(lambda: ran.append("second"))
    warmup.register(failing)  # registered once
    gc.unfreeze()
    kept = [[] for _ in range(1000)]  # long-lived containers, alive when the process settles

    warmup._warm()

    assert ran == ["failing", "second"]
    assert gc.get_threshold() == warmup.GC_THRESHOLDS
    assert gc.get_freeze_count() >= len(kept)


def test_cyclic_garbage_made_after_settling_is_still_collected(gc_state):
    import weakref

    warmup.settle_gc()

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    assert gone() is not None  # a cycle: reference counting alone does not free it
    gc.collect()
    assert gone() is None
