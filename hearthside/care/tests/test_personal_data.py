"""Every counselling model that points at a person is exported and erased with them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine

from hearthside.care import actions, clinical, connections, conversation
from hearthside.care.models import Appointment, CareRelationship, Recommendation, SessionNote
from hearthside.core.personal_data import registrations

from .conftest import make_practitioner


def test_care_rows_are_exported_for_client_and_practitioner_and_erased(db, pro, client_user, admin_user, api_as):

    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        appointment = actions.check_book(client_user, pro, datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    rel = CareRelationship.objects.get(client=client_user)
    conversation.check_send_message(client_user, rel, "e1", "export me")
    clinical.check_write_note(pro.user, rel, "note for export", appointment_id=appointment.pk)
    clinical.check_assign_homework(pro.user, rel, "box-breathing")
    connections.check_recommend(pro.user, rel, "strategies:sleep", "export this suggestion")
    actions.feed_for(client_user)
    with time_machine.travel(datetime(2026, 3, 4, tzinfo=UTC), tick=False):
        actions.check_review(client_user, appointment, 5, "Helpful")
    pending = make_practitioner("toverify", verified=False, expires_on=date(2031, 1, 1))
    actions.check_verify_licence(admin_user, pending.licences.get(), {
        "method": "document", "register_url": "https://example.org/r", "outcome": "verified"})
    labels = {r.label for r in registrations() if r.label.startswith("care.")}
    exported = {}
    for person in (client_user, pro.user, admin_user):
        data = api_as(person).get("/api/v1/me/export").json()["data"]
        exported.update({k: v for k, v in data.items() if k.startswith("care.") and v})
    assert labels == set(exported), labels - set(exported)
    assert "token" not in exported["care.calendarfeed"][0]
    from hearthside.core.personal_data import erase_rows

    erase_rows(client_user)
    assert not Appointment.objects.filter(client=client_user).exists()
    assert not SessionNote.objects.filter(client=client_user).exists()
    assert not Recommendation.objects.filter(client=client_user).exists()
