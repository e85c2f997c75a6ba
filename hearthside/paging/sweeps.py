from hearthside.core.periodic import sweep

from .actions import page_unacknowledged_alerts, requeue_stalled_pages

# A lane of its own: paging never delays escalation (the "safety" lane) and is never delayed by
# erasure or reminders. Neither sweep calls outside the site; sends run in queued tasks.
sweep("page_unacknowledged_alerts", lane="paging")(page_unacknowledged_alerts)
sweep("requeue_stalled_pages", lane="paging")(requeue_stalled_pages)
