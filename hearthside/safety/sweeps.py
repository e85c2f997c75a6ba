from hearthside.core.periodic import sweep

from .actions import escalate_overdue_alerts, expire_screened_items

# A lane of its own: no other sweep (erasure, reminders) can delay an escalation.
sweep("escalate_overdue_alerts", lane="safety")(escalate_overdue_alerts)
sweep("expire_screened_items")(expire_screened_items)
