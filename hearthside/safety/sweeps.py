from hearthside.core.periodic import sweep

from .actions import escalate_overdue_alerts

sweep("escalate_overdue_alerts")(escalate_overdue_alerts)
