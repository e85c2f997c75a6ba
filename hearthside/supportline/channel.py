"""The support line's frames on the tab's one websocket (prefix "line").

Client → server:
  {"type": "line.send", "conversation": id, "client_id": id, "body": text, "whisper"?: bool}
  {"type": "line.sync", "conversation": id, "after": seq}       catch up after the last seq seen
  {"type": "line.history", "conversation": id, "before": seq}   page backwards
Server → client: "line.ack", "line.message", "line.whisper", "line.status", "line.risk",
"line.queue", "line.history", "error".

Topics: ``line.<id>`` (the person's stream), ``line.s<id>`` (staff only: whispers, risk),
``line.queue`` (supporters: the queue changed), ``line.supervise`` (supervisors).

A supporter or supervisor acts, and is subscribed, as staff only from a socket that proved a
second factor (``proved_second_factor``: the session's device, or a token created with a code),
as the staff pages and the REST queue require. Without one, their socket carries only what it
carries for anyone: their own conversation as the person.
"""

from __future__ import annotations

from channels.db import database_sync_to_async

from hearthside.accounts.auth import proved_second_factor
from hearthside.core import realtime
from hearthside.core.prepared import Prepared

from . import actions
from .models import Conversation, Watch

# Asked by every websocket handshake: compiled once (core.prepared).
_live_as_person = Prepared(lambda user_id: Conversation.objects.filter(person_id=user_id, status__in=actions.LIVE)
                           .values_list("pk", flat=True), int)


class LineChannel(realtime.Channel):
    prefix = "line"

    def topics_for(self, user) -> list[str]:
        topics = [actions.topic(pk) for pk in _live_as_person(user.pk)]
        if not proved_second_factor(user):
            return sorted(set(topics))  # nothing staff-only (see the module docstring)
        if actions.is_supporter(user):
            topics.append(actions.QUEUE_TOPIC)
        # Supporters' conversations, and the outreach safety staff opened (who need not be supporters).
        for conversation in Conversation.objects.filter(supporter=user, status__in=actions.LIVE):
            if actions.staff_role_in(user, conversation) == "supporter":
                topics += [actions.topic(conversation.pk), actions.staff_topic(conversation.pk)]
        if actions.is_supervisor(user):
            topics.append(actions.SUPERVISE_TOPIC)
            for pk in Watch.objects.filter(supervisor=user, conversation__status__in=actions.LIVE).values_list(
                    "conversation_id", flat=True):
                topics += [actions.topic(pk), actions.staff_topic(pk)]
        return sorted(set(topics))

    def may_subscribe(self, user, topic: str) -> bool:
        # Re-checked against the database, not the (possibly stale) list at connect time.
        rest = topic.partition(".")[2]
        staff = rest.startswith("s")
        pk = realtime.int_or_none(rest[1:] if staff else rest)
        if pk is None:
            return topic in self.topics_for(user)
        conversation = Conversation.objects.filter(pk=pk).first()
        if conversation is None:
            return False
        if conversation.person_id == user.pk:
            return not staff
        if not proved_second_factor(user):
            return False
        return actions.staff_role_in(user, conversation) in ("supporter", "joined", "read")

    async def receive(self, consumer, content) -> None:
        kind = content.get("type")
        reply = await _handle(consumer.scope["user"], kind, content)
        await consumer.send_json(reply)


@database_sync_to_async
def _handle(user, kind, content) -> dict:
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.http import Http404

    conversation_id = realtime.int_or_none(content.get("conversation"))
    client_id = str(content.get("client_id") or "")[:100]
    try:
        conversation = actions._get(conversation_id)
        mine = conversation.person_id == user.pk
        if not mine:
            # Staff act on the line only from a session that proved its second factor.
            if not proved_second_factor(user):
                raise Http404
            actions.access_staff_conversation(user, conversation.pk)
        if kind == "line.send":
            body = content.get("body")
            message, created = actions.check_send(user, conversation, client_id,
                                                  body if isinstance(body, str) else "",
                                                  whisper=bool(content.get("whisper")))
            return {"type": "line.ack", "conversation": conversation.pk, "client_id": client_id,
                    "seq": message.seq, "duplicate": not created}
        if kind in ("line.sync", "line.history"):
            if not mine and actions.staff_role_in(user, conversation) == "supervisor":
                raise Http404  # a supervisor starts reading along (audited) on the page first
            after = realtime.int_or_none(content.get("after")) if kind == "line.sync" else None
            before = realtime.int_or_none(content.get("before")) if kind == "line.history" else None
            return {"type": "line.history", "conversation": conversation.pk,
                    "mode": "sync" if kind == "line.sync" else "page",
                    "messages": actions.history(conversation, after=after, before=before),
                    "status": conversation.status,
                    "supporter": conversation.supporter.pseudonym if conversation.supporter_id else ""}
        return {"type": "error", "code": "unsupported", "detail": f"{kind} is not supported."}
    except Http404:
        return {"type": "error", "code": "not_found", "conversation": conversation_id, "client_id": client_id,
                "detail": "Not found."}
    except PermissionDenied as exc:
        return {"type": "error", "code": "forbidden", "conversation": conversation_id, "client_id": client_id,
                "detail": str(exc)}
    except ValidationError as exc:
        return {"type": "error", "code": "invalid", "conversation": conversation_id, "client_id": client_id,
                "detail": " ".join(exc.messages)}
