"""The one websocket per tab, extended with group chat.

Client → server frames:
  {"type": "chat.send", "group": slug, "client_id": id, "body": text, "anonymous"?: bool}
  {"type": "chat.sync", "group": slug, "after": seq}      catch up after the last seq seen
  {"type": "chat.history", "group": slug, "before": seq}  page backwards
Server → client frames: "chat.ack", "chat.message", "chat.history", "membership.started",
"membership.ended", "resync", "error", plus the safety events of the base consumer.
"""

from __future__ import annotations

import json

from channels.db import database_sync_to_async

from hearthside.core import realtime
from hearthside.core.api_helpers import sent_frame
from hearthside.core.consumers import EventsConsumer
from hearthside.core.fanout import hub
from hearthside.core.prepared import Prepared, first_of

from . import actions
from .presence import presence


@database_sync_to_async
def _hidden_authors(user) -> set[int]:
    return actions.hidden_author_ids(user)


def _plugin_topics(user) -> set[str]:
    topics: set[str] = set()
    for channel in realtime.CHANNELS.values():
        topics.update(t for t in channel.topics_for(user) if t.partition(".")[0] == channel.prefix)
    return topics


@database_sync_to_async
def _may_subscribe(user, topic: str) -> bool:
    channel = realtime.channel_for_topic(topic)
    return channel is not None and channel.may_subscribe(user, topic)


@database_sync_to_async
def _group_for(user, slug):
    group = _lookup_group(slug)
    if group is None or actions.active_membership(user, group) is None:
        return None
    return group


def _lookup_group(slug):
    return _group_by_slug.first(str(slug)[:60])


def _groups():
    from .models import Group

    return Group.objects


# Asked by every chat frame: compiled once (core.prepared).
_group_by_slug = Prepared(lambda slug: first_of(_groups().filter(slug=slug)), str)


@database_sync_to_async
def _send(user, slug, client_id, body, anonymous):
    # One trip to the database thread per message: the group, the membership check (inside
    # check_send_chat), screening and storing.
    group = _lookup_group(slug)
    if group is None:
        return _error("not_member", str(slug)[:60], client_id, _NOT_MEMBER)
    return sent_frame("chat.ack", {"group": group.slug}, client_id,
                      lambda: actions.check_send_chat(user, group, client_id, body, anonymous=anonymous),
                      ("not_member", _NOT_MEMBER))


_NOT_MEMBER = "You are not in this group."


def _error(code: str, slug, client_id, detail: str) -> dict:
    return {"type": "error", "code": code, "group": slug, "client_id": client_id, "detail": detail}


@database_sync_to_async
def _history(user, group, after, before):
    return actions.chat_history(user, group, after=after, before=before)


class RealtimeConsumer(EventsConsumer):
    def load_topics(self, user):
        # In the handshake's one trip to the database thread: the groups, whom this person muted or
        # blocked or was blocked by (their chat frames reach this socket as filtered placeholders),
        # and every live channel's topics.
        return actions.groups_for(user), actions.hidden_author_ids(user), _plugin_topics(user)

    async def join_topics(self, user, loaded):
        self.chat_groups, self.hidden_authors, self.plugin_topics = loaded
        for slug, group_id in self.chat_groups.items():
            hub.add(self, actions.group_topic(group_id))
            presence.join(group_id, slug, user.pk)
        for topic in self.plugin_topics:
            hub.add(self, topic)

    def detach(self) -> None:
        super().detach()
        user = self.scope.get("user")
        for group_id in getattr(self, "chat_groups", {}).values():
            presence.leave(group_id, user.pk)
        self.chat_groups = {}

    async def fanout_frame(self, topic: str, frame: str) -> None:
        if topic.startswith("user."):
            event = json.loads(frame)
            slug = event.get("group")
            if event.get("type") == "membership.ended" and slug in self.chat_groups:
                group_id = self.chat_groups.pop(slug)
                hub.discard(self, actions.group_topic(group_id))
                presence.leave(group_id, self.scope["user"].pk)
            elif event.get("type") == "blocks.changed":
                self.hidden_authors = await _hidden_authors(self.scope["user"])
            elif event.get("type") == "membership.started":
                group = await _group_for(self.scope["user"], slug)
                if group is not None and group.slug not in self.chat_groups:
                    self.chat_groups[group.slug] = group.pk
                    hub.add(self, actions.group_topic(group.pk))
                    presence.join(group.pk, group.slug, self.scope["user"].pk)
            elif event.get("type") == "subscription.ended":
                extra = str(event.get("topic"))
                self.plugin_topics.discard(extra)
                hub.discard(self, extra)
                return
            elif event.get("type") == "subscription.started":
                extra = str(event.get("topic"))
                if await _may_subscribe(self.scope["user"], extra):
                    self.plugin_topics.add(extra)
                    hub.add(self, extra)
                    # Now live: the client may catch up from the database for what came before.
                    await super().fanout_frame(topic, frame)
                return
        elif topic.startswith("group."):
            if int(topic[6:]) not in self.chat_groups.values():
                return  # defence in depth: never relay a group this socket has left
            if self.hidden_authors and '"author_ref":"' in frame:
                # Someone this person muted or blocked (or who blocked them): the place, not the words.
                event = json.loads(frame)
                group_id = int(topic[6:])
                hidden = {actions.chat_author_ref(group_id, uid) for uid in self.hidden_authors}
                if event.get("author_ref") in hidden:
                    frame = json.dumps(actions.filtered_frame(event["group"], event["seq"], event["at"]),
                                       separators=(",", ":"))
        elif topic not in getattr(self, "plugin_topics", ()) and topic not in getattr(self, "groups_joined", ()):
            return
        await super().fanout_frame(topic, frame)

    async def receive_json(self, content, **kwargs):
        # ``content`` passed realtime.parse_client_frame: an object with a string type, no NUL,
        # lone surrogates replaced, and the shared fields (client_id, body, group, anonymous,
        # after, before) of their JSON types or absent.
        kind = content["type"]
        if kind not in {"chat.send", "chat.sync", "chat.history"}:
            channel = realtime.CHANNELS.get(kind.partition(".")[0]) if "." in kind else None
            if channel is not None and self.scope["user"].is_authenticated:
                return await channel.receive(self, content)
            return await super().receive_json(content, **kwargs)
        user = self.scope["user"]
        if kind == "chat.send":
            reply = await _send(user, content.get("group"), content.get("client_id"),
                                content.get("body") or "", content.get("anonymous") is True)
            await self.send_json(reply)
            return
        group = await _group_for(user, content.get("group"))
        if group is None:
            await self.send_json(_error("not_member", str(content.get("group"))[:60], content.get("client_id"),
                                        _NOT_MEMBER))
            return
        after = realtime.int_or_none(content.get("after"))
        before = realtime.int_or_none(content.get("before"))
        messages = await _history(user, group, after if kind == "chat.sync" else None,
                                  before if kind == "chat.history" else None)
        await self.send_json({"type": "chat.history", "group": group.slug, "messages": messages,
                              "mode": "sync" if kind == "chat.sync" else "page", "upto": group.last_seq})
