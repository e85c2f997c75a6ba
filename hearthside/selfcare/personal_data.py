"""Self-help models registered for export and erasure."""

from hearthside.core.personal_data import register

from .models import (
    Activity,
    CheckIn,
    CheckInDay,
    ExerciseSession,
    JournalEntry,
    Notification,
    QuestionnaireResponse,
    Reminder,
)

register(CheckIn, order=50)
# The day summaries insights read (derived from the check-ins, and exported with them, decrypted):
# they name the person's emotions and activities, so erasure deletes them like the check-ins.
register(CheckInDay, order=50)
register(JournalEntry, order=50)
register(QuestionnaireResponse, order=50)
register(ExerciseSession, order=50)
register(Reminder, order=50)
register(Notification, order=50)
register(Activity, user_field="owner", order=50)
