"""One websocket per browser tab: the person's own events, and the safety dashboard for staff."""

from __future__ import annotations

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .events import user_group
from .fanout import hub


@database_sync_to_async
def _session_groups(user, session) -> list[str]:
    from hearthside.safety.actions import DASHBOARD_GROUP, can_handle_alerts, staff_group

    groups = [user_group(user.pk)]
    if can_handle_alerts(user) and _two_factor_in_session(user, session):
        groups += [DASHBOARD_GROUP, staff_group(user.pk)]
    return groups


def _two_factor_in_session(user, session) -> bool:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    if not persistent_id:
        return False
    device = Device.from_persistent_id(persistent_id)
    return device is not None and device.user_id == user.pk


class EventsConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        # Frames published while topics are being joined wait here until after "hello", so a
        # client can rely on two things: hello comes first, and every topic is joined by then.
        self._early: list[str] | None = []
        self.groups_joined = await _session_groups(user, self.scope.get("session"))
        for group in self.groups_joined:
            hub.add(self, group)
        await self.join_topics(user)
        await self.accept()
        await self.send_json({"type": "hello", "groups": len(self.groups_joined)})
        while self._early:  # frames arriving during these sends queue behind, in order
            await self.send(text_data=self._early.pop(0))
        self._early = None

    async def join_topics(self, user) -> None:
        """Subclasses join their further fan-out topics here, before the socket is accepted."""

    async def disconnect(self, code):
        hub.discard_all(self)

    async def fanout_frame(self, topic: str, frame: str) -> None:
        """A frame published to one of this socket's topics (see core.fanout)."""
        if topic in getattr(self, "groups_joined", ()) and json.loads(frame).get("type") == "session.ended":
            # Logged out, password changed or account closed: this socket's session is over.
            hub.discard_all(self)
            await self.close(code=4401)
            return
        if getattr(self, "_early", None) is not None:
            self._early.append(frame)
            return
        await self.send(text_data=frame)

    async def receive_json(self, content, **kwargs):
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})
