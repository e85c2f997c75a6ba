"""Counselling models registered for export and erasure.

A client's export includes the session notes their practitioners wrote about them (the
product promise: notes are visible to their author and, on request, to the client).
"""

from hearthside.core.personal_data import register

from .models import (
    Appointment,
    CalendarFeed,
    CareRelationship,
    Homework,
    LicenceVerification,
    Message,
    PractitionerProfile,
    Recommendation,
    Review,
    SessionNote,
)

register(PractitionerProfile, order=80)
register(LicenceVerification, user_field="verifier", order=85, erase="detach")
register(CareRelationship, user_field="client", order=80)
register(Appointment, user_field="client", order=80)
register(Message, user_field="author", order=80, erase="detach", exclude=("client_id",))
register(SessionNote, user_field="client", order=80, extra_user_fields=("author",))
register(Homework, user_field="client", order=80)
register(Recommendation, user_field="client", order=80)
register(CalendarFeed, order=80, exclude=("token",))
register(Review, user_field="client", order=80)
