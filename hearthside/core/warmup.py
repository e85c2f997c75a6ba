"""Work a server process does once when it starts, in the background, so that the first person to
write something does not wait for it (e.g. the screener building its tables).

Feature apps register what they need warmed in their ``AppConfig.ready`` (``register``); core knows
no feature. ``asgi.py`` and ``wsgi.py`` call ``start`` after the apps are loaded.

When the hooks are done, the process's start-up objects are set aside from garbage collection and
young collections are made rarer (``settle_gc``): a server process holds a few hundred thousand
long-lived objects (Django, the apps, the screener) and, for an ASGI process, tens of thousands
more per thousand open sockets; Python's default thresholds (700, 10, 10) scanned them over and
over while sockets opened, about a sixth of a websocket handshake's CPU (issue #20,
docs/benchmarks.md).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

_HOOKS: list[Callable[[], object]] = []


def register(hook: Callable[[], object]) -> Callable[[], object]:
    if hook not in _HOOKS:
        _HOOKS.append(hook)
    return hook


# A young collection after this many new container objects (Python's default: 700), and each
# older generation after this many of the one below (10, 10). Garbage that is only freed by the
# collector waits a little longer; everything else is freed as before, by reference counting.
GC_THRESHOLDS = (20_000, 20, 20)


def settle_gc() -> None:
    """Collect once, move every object that survived into the permanent generation (``gc.freeze``:
    never scanned again, never freed by the collector -- they live as long as the process), and
    raise the collection thresholds."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _warm() -> None:
    for hook in list(_HOOKS):
        try:
            hook()
        except Exception:  # a failure here shows up again, logged, on first real use
            continue
    settle_gc()


def start() -> None:
    threading.Thread(target=_warm, name="hearthside-warmup", daemon=True).start()
