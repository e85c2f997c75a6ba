from hearthside.core.periodic import sweep

from .actions import escalate_overdue_alerts

# A lane of its own: no other sweep (erasure, reminders) can delay an escalation.
sweep("escalate_overdue_alerts", lane="safety")(escalate_overdue_alerts)
