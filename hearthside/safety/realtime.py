"""The safety dashboard's live channel (prefix ``alerts``), registered in ``SafetyConfig.ready``.

A socket of alert-handling staff (moderators, clinical supervisors, administrators) that proved its
second factor joins ``alerts.dashboard``: every new, escalated or changed alert and every new review
item is published there once (``actions.DASHBOARD_GROUP``). Client frame: ``{"type": "alerts.sync"}``
asks for every open alert (answered with ``alerts.open``), e.g. after a reconnect or a ``resync``;
any other socket is answered ``unsupported``, as if the channel did not exist for it.
"""

from __future__ import annotations

from channels.db import database_sync_to_async

from hearthside.accounts.auth import proved_second_factor
from hearthside.core import audit, realtime

from .actions import DASHBOARD_GROUP, alert_summary, can_handle_alerts


def warm_screener() -> None:
    """Build the screener's tables when a server process starts (``core.warmup``)."""
    from . import screen

    screen("warm up")


@database_sync_to_async
def _open_alerts(user) -> list[dict]:
    from .models import SafetyAlert

    alerts = (SafetyAlert.objects.exclude(status=SafetyAlert.Status.RESOLVED).exclude(person=user)
              .select_related("person").order_by("ack_deadline"))
    audit.record("safety.alerts_listed", actor=user, detail={"via": "socket"})
    return [alert_summary(a) for a in alerts]


class AlertsChannel(realtime.Channel):
    prefix = "alerts"

    def topics_for(self, user) -> list[str]:
        # The second factor first: it is known without a query, and most sockets are members'.
        return [DASHBOARD_GROUP] if proved_second_factor(user) and can_handle_alerts(user) else []

    async def receive(self, consumer, content) -> None:
        if content.get("type") == "alerts.sync" and DASHBOARD_GROUP in getattr(consumer, "plugin_topics", ()):
            await consumer.send_json({"type": "alerts.open", "alerts": await _open_alerts(consumer.scope["user"])})
            return
        await consumer.send_json(realtime.error_frame("unsupported", f"{content.get('type')} is not supported.",
                                                      content))
