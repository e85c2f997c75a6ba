from hearthside.core.periodic import sweep

from .forum.actions import publish_due_posts
from .meetings import mark_meeting_rooms, send_meeting_reminders

sweep("publish_due_posts")(publish_due_posts)
sweep("meeting_reminders")(send_meeting_reminders)
sweep("meeting_rooms")(mark_meeting_rooms)
