"""Sharing with consent: per data type and per journal entry, revocation at once (404), every
practitioner read audited and shown to the client; measurement-based care; notes; homework."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.http import Http404

from hearthside.care import actions, clinical
from hearthside.care.models import SessionNote
from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.selfcare import actions as selfcare

from .conftest import make_practitioner

PHQ9_ITEMS = [str(i) for i in range(1, 10)]


def _phq9(user, total, at):
    answers = {}
    left = total
    for item in PHQ9_ITEMS[:-1]:  # item 9 stays 0: no safety flow in these tests
        answers[item] = min(3, left)
        left -= answers[item]
    answers["9"] = 0
    with time_machine.travel(at, tick=False):
        return selfcare.check_submit_questionnaire(user, "phq9", answers)


@pytest.fixture
def rel(db, pro, client_user):
    return actions.check_choose_practitioner(client_user, pro)


def test_nothing_is_visible_until_shared_and_404_after_revoking(rel, client_user, pro):
    selfcare.check_create_checkin(client_user, {"mood": 4, "note": "rough day"})
    with pytest.raises(Http404):
        clinical.read_shared(pro.user, rel, "checkins")
    selfcare.check_share(client_user, "checkins")
    assert clinical.read_shared(pro.user, rel, "checkins")[0]["note"] == "rough day"
    selfcare.do_unshare(client_user, "checkins")
    with pytest.raises(Http404):
        clinical.read_shared(pro.user, rel, "checkins")
    assert login_client(pro.user).get(f"/care/clients/{rel.pk}/").status_code == 302  # second factor first
    page = login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").content.decode()
    assert "rough day" not in page and "Nothing is shared with you" in page


def test_one_journal_entry_is_shared_and_revoking_it_is_404_at_once(rel, client_user, pro):
    entry, _ = selfcare.check_write_journal(client_user, {"body": "the entry I share"})
    private, _ = selfcare.check_write_journal(client_user, {"body": "the private one"})
    selfcare.check_share(client_user, "journal_entry", journal_entry=entry)
    web = login_client(pro.user, two_factor=True)
    assert "the entry I share" in web.get(f"/care/clients/{rel.pk}/journal/{entry.pk}/").content.decode()
    assert web.get(f"/care/clients/{rel.pk}/journal/{private.pk}/").status_code == 404
    selfcare.do_unshare(client_user, "journal_entry", journal_entry=entry)
    assert web.get(f"/care/clients/{rel.pk}/journal/{entry.pk}/").status_code == 404


def test_withdrawing_consent_hides_everything(rel, client_user, pro):
    from hearthside.accounts.actions import do_withdraw_consent

    selfcare.check_share(client_user, "questionnaires")
    do_withdraw_consent(client_user, "practitioner_sharing")
    with pytest.raises(Http404):
        clinical.read_shared(pro.user, rel, "questionnaires")


def test_other_practitioners_and_ended_relationships_see_nothing(rel, client_user, pro):
    selfcare.check_share(client_user, "checkins")
    other = make_practitioner("otherpro")
    assert login_client(other.user, two_factor=True).get(f"/care/clients/{rel.pk}/").status_code == 404
    assert login_client(client_user).get(f"/care/clients/{rel.pk}/").status_code == 404
    actions.do_end_relationship(rel, client_user)
    assert login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").status_code == 404


def test_a_grant_to_one_practitioner_does_not_follow_a_switch(rel, client_user, pro):
    from hearthside.accounts.models import SharingGrant

    SharingGrant.objects.create(user=client_user, data_type="checkins", practitioner=pro.user)
    assert "checkins" in clinical.shared_with(rel)["types"]
    other = make_practitioner("newpro")
    new_rel = actions.check_choose_practitioner(client_user, other)
    assert "checkins" not in clinical.shared_with(new_rel)["types"]


def test_every_practitioner_read_is_audited_and_shown_to_the_client(rel, client_user, pro):
    selfcare.check_share(client_user, "checkins")
    selfcare.check_share(client_user, "safety_plan")
    login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/")
    reads = AuditEvent.objects.filter(action="care.client_data_read", actor_id=pro.user.pk, subject_id=client_user.pk)
    assert sorted(e.detail["data_type"] for e in reads) == ["checkins", "safety_plan"]
    page = login_client(client_user).get("/care/who-looked/").content.decode()
    assert pro.user.pseudonym in page and "safety_plan" in page
    # Another member's log does not show it.
    assert pro.user.pseudonym not in login_client(make_user("someone")).get("/care/who-looked/").content.decode()


def test_access_log_query_count_is_fixed(rel, client_user, pro, django_assert_num_queries):
    selfcare.check_share(client_user, "checkins")
    for _ in range(5):
        clinical.read_shared(pro.user, rel, "checkins")
    with django_assert_num_queries(2):
        rows = clinical.access_log(client_user)
    assert len(rows) == 5


def test_measurement_based_care_marks_bands_and_reliable_change(rel, client_user, pro):
    from hearthside.accounts.actions import do_give_consent

    do_give_consent(client_user, "health_data")
    start = datetime(2026, 1, 5, 10, tzinfo=UTC)
    for week, total in enumerate([18, 14, 11, 24]):
        _phq9(client_user, total, start + timedelta(weeks=week))
    selfcare.check_share(client_user, "questionnaires")
    (phq9,) = clinical.read_shared(pro.user, rel, "questionnaires")
    assert [p["total"] for p in phq9["points"]] == [18, 14, 11, 24]
    assert [p["band"] for p in phq9["points"]] == ["Moderately severe", "Moderate", "Moderate", "Severe"]
    # PHQ-9 reliable change is 6 points: -4 is not reliable, -7 is, +6 is a reliable deterioration.
    assert [p["reliable"] for p in phq9["points"]] == ["", "", "improved", "deteriorated"]
    page = login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").content.decode()
    assert "reliable improvement" in page and "Jacobson" in page and "<svg" in page


def test_notes_are_encrypted_author_only_and_in_the_clients_export(rel, client_user, pro, api_as):
    from django.db import connection

    login_client(pro.user, two_factor=True).post(f"/care/clients/{rel.pk}/", {"action": "note", "body": "Talked about sleep."})
    note = SessionNote.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM care_sessionnote WHERE id = %s", [note.pk])
        assert cursor.fetchone()[0].startswith("enc1:")
    with pytest.raises(Http404):
        clinical.access_note(make_practitioner("colleague").user, note.pk)
    with pytest.raises(Http404):
        clinical.access_note(client_user, note.pk)
    export = api_as(client_user).get("/api/v1/me/export").json()
    assert export["data"]["care.sessionnote"][0]["body"] == "Talked about sleep."


def test_homework_completion_shows_to_the_practitioner(rel, client_user, pro):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.selfcare.models import ExerciseSession

    do_give_consent(client_user, "health_data")
    web = login_client(pro.user, two_factor=True)
    web.post(f"/care/clients/{rel.pk}/", {"action": "homework", "exercise": "box-breathing",
                                          "instructions": "Before bed"})
    assert "Not yet" in web.get(f"/care/clients/{rel.pk}/").content.decode()
    ExerciseSession.objects.create(user=client_user, exercise="box-breathing", completed_at=datetime.now(UTC)
                                   + timedelta(seconds=1))
    page = web.get(f"/care/clients/{rel.pk}/").content.decode()
    assert "Done" in page
    assert web.post(f"/care/clients/{rel.pk}/", {"action": "homework", "exercise": "nope"}).status_code == 302
