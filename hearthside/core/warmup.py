"""Work a server process does once when it starts, in the background, so that the first person to
write something does not wait for it (e.g. the screener building its tables).

Feature apps register what they need warmed in their ``AppConfig.ready`` (``register``); core knows
no feature. ``asgi.py`` and ``wsgi.py`` call ``start`` after the apps are loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

_HOOKS: list[Callable[[], object]] = []


def register(hook: Callable[[], object]) -> Callable[[], object]:
    if hook not in _HOOKS:
        _HOOKS.append(hook)
    return hook


def _warm() -> None:
    for hook in list(_HOOKS):
        try:
            hook()
        except Exception:  # a failure here shows up again, logged, on first real use
            continue


def start() -> None:
    threading.Thread(target=_warm, name="hearthside-warmup", daemon=True).start()
