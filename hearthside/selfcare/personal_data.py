"""Self-help models registered for export and erasure."""

from hearthside.core.personal_data import register

from .models import (
    Activity,
    CheckIn,
    ExerciseSession,
    JournalEntry,
    Notification,
    QuestionnaireResponse,
    Reminder,
    SharingGrant,
)

register(CheckIn, order=50)
register(JournalEntry, order=50)
register(QuestionnaireResponse, order=50)
register(ExerciseSession, order=50)
register(Reminder, order=50)
register(Notification, order=50)
register(Activity, user_field="owner", order=50)
# Grants the person made, and grants naming them as the practitioner (gone with their account).
register(SharingGrant, order=40, extra_user_fields=("practitioner",))
