"""Realtime events: published to fan-out topics only after the transaction commits.

Consumers relay these; they never own domain writes. A person's sockets join ``user.<id>``;
alert-handling staff with a second factor also join the safety dashboard and ``staff.<id>``.
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


def send_now(groups: list[str], event: dict) -> None:
    frame = json.dumps(event, separators=(",", ":"), default=str)
    for group in groups:
        try:
            hub.publish(group, frame)
        except Exception:  # a down Redis must never undo a committed write
            log.exception("could not send %s to %s", event.get("type"), group)


def send_event_on_commit(groups: list[str], event: dict) -> None:
    transaction.on_commit(lambda: send_now(list(groups), event))
