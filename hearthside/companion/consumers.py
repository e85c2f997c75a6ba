"""The companion's frames on the one websocket per tab (prefix ``companion``).

``companion.send`` {text, client_id}: the message is stored and answered by the same action as
the form and the API; both messages then arrive as ``companion.message`` frames on the person's
own ``companion.<user id>`` topic (after commit). While a language model writes, its checked
sentences arrive as ``companion.delta`` frames. ``companion.sync`` {after}: catch-up from the
database.
"""

from __future__ import annotations

import json

from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied, ValidationError

from hearthside.core.fanout import hub
from hearthside.core.realtime import Channel

from . import actions
from .engine.dialogue import ON_DELTA


class CompanionChannel(Channel):
    prefix = "companion"

    def topics_for(self, user) -> list[str]:
        return [actions.topic_for(user.pk)]

    async def receive(self, consumer, content) -> None:
        kind = content.get("type")
        user = consumer.scope["user"]
        if kind == "companion.send":
            client_id = str(content.get("client_id") or "")[:64]
            topic = actions.topic_for(user.pk)

            def delta(piece: str) -> None:
                # A preview of checked sentences, not stored: it goes out at once (not after commit),
                # and the stored reply replaces it when the turn commits.
                hub.publish(topic, json.dumps({"type": "companion.delta", "client_id": client_id, "text": piece},
                                              separators=(",", ":")))

            def run():
                token = ON_DELTA.set(delta)
                try:
                    actions.check_send(user, content.get("text"), client_id=client_id)
                    return None
                except (ValidationError, PermissionDenied) as exc:
                    return " ".join(getattr(exc, "messages", [str(exc)]))
                finally:
                    ON_DELTA.reset(token)

            error = await database_sync_to_async(run)()
            if error:
                await consumer.send_json({"type": "companion.error", "client_id": client_id, "detail": error})
            return
        if kind == "companion.sync":
            after = content.get("after")
            after = after if isinstance(after, int) and 0 <= after < 2**62 else 0

            def load():
                conversation = actions.current_conversation(user)
                return conversation.pk, [actions.message_out(m) for m in actions.history(conversation, after=after)]

            conversation_id, messages = await database_sync_to_async(load)()
            await consumer.send_json({"type": "companion.history", "conversation": conversation_id,
                                      "messages": messages})
            return
        await super().receive(consumer, content)
