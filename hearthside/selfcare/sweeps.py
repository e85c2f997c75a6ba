from hearthside.core.periodic import sweep

from .actions import send_due_reminders

sweep("send_due_reminders")(send_due_reminders)
