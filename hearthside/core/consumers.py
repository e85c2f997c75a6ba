"""One websocket per browser tab: the person's own events, and the safety dashboard for staff."""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .events import user_group


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
        self.groups_joined = await _session_groups(user, self.scope.get("session"))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "groups": len(self.groups_joined)})

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def relay(self, message):
        event = message["event"]
        if event.get("type") == "session.ended":
            # Logged out, password changed or account closed: this socket's session is over.
            await self.close(code=4401)
            return
        await self.send_json(event)
