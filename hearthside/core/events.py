"""Realtime events: sent to channel-layer groups only after the transaction commits.

Consumers relay these; they never own domain writes. A person's sockets join ``user.<id>``.
"""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

log = logging.getLogger("hearthside.events")


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def send_now(groups: list[str], event: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "relay", "event": event}
    for group in groups:
        try:
            async_to_sync(layer.group_send)(group, message)
        except Exception:  # a down channel layer must never undo a committed write
            log.exception("could not send %s to %s", event.get("type"), group)


def send_event_on_commit(groups: list[str], event: dict) -> None:
    transaction.on_commit(lambda: send_now(list(groups), event))
