"""Realtime events: published to fan-out topics only after the transaction commits.

Consumers relay these; they never own domain writes. A person's sockets join ``user.<id>``
(``user_group``); features add their own topics as live channels (``core.realtime``).
Events travel through the same fan-out as chat (``core.fanout``): Redis pub/sub when
``REDIS_URL`` is set, the process's own event loop otherwise.
"""

from __future__ import annotations

import json
import logging

from django.db import transaction

from .fanout import hub

log = logging.getLogger("hearthside.events")


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def send_now(topics: list[str], frame: dict | str) -> None:
    """Publish ``frame`` (a dict, serialised once, or a frame already serialised) to each topic now."""
    text = frame if isinstance(frame, str) else json.dumps(frame, separators=(",", ":"), default=str)
    for topic in topics:
        try:
            hub.publish(topic, text)
        except Exception:  # a down Redis must never undo a committed write; clients catch up
            log.exception("could not publish %s to %s", text[:40], topic)


def publish_on_commit(topics: str | list[str] | tuple[str, ...], frame: dict | str) -> None:
    """The one way to publish: ``frame`` to ``topics`` (one topic or several) once the transaction
    commits (at once outside one). Store first, publish after commit, let clients catch up from the
    database: the delivery rule of every live feature (docs/architecture.md)."""
    names = [topics] if isinstance(topics, str) else list(topics)
    transaction.on_commit(lambda: send_now(names, frame))
