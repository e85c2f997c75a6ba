"""The practitioner in the loop, beyond messages: risk events from any feature (PHQ-9 item 9,
safety alerts) are flagged on the client page and notify the practitioner of a client in active
care, in-app and by an e-mail that says nothing clinical; the policy is stated on the booking
page and switched off by an operator setting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from hearthside.care import actions
from hearthside.care.models import Appointment, RiskNotice
from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.safety.models import SafetyAlert
from hearthside.selfcare import actions as selfcare
from hearthside.selfcare.models import Notification

from .conftest import make_practitioner

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# PHQ-9 total 12 ("moderate") with item 9, thoughts of being better off dead or of self-harm,
# answered "several days" (1).
PHQ9_ITEM9 = {"1": 2, "2": 2, "3": 2, "4": 2, "5": 1, "6": 1, "7": 1, "8": 0, "9": 1}


@pytest.fixture
def rel(db, pro, client_user, settings):
    settings.TASKS = IMMEDIATE
    pro.user.email = "drjones@example.org"
    pro.user.save(update_fields=["email"])
    return actions.check_choose_practitioner(client_user, pro)


def _risk_notifications(user):
    return Notification.objects.filter(user=user, url__contains="#safety")


def test_phq9_item9_is_flagged_on_the_client_page_and_notifies_the_practitioner(
        rel, client_user, pro, django_capture_on_commit_callbacks):
    selfcare.check_share(client_user, "questionnaires")
    with django_capture_on_commit_callbacks(execute=True):
        response, result, alert = selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert result.total == 12 and alert is not None and alert.source == "selfcare.phq9"

    told = _risk_notifications(pro.user).get()
    # Who and why wait behind the second factor on the client page (issue #17): the notice says neither.
    assert "A client in your care" in told.text and told.url == f"/care/clients/{rel.pk}/#safety"
    assert "PHQ-9" not in told.text and client_user.pseudonym not in told.text
    notice = RiskNotice.objects.get(relationship=rel)
    assert notice.alert == alert and notice.source == "selfcare.phq9" and notice.emailed_at is not None
    # The e-mail: only that a client needs attention, and a link. No name, nothing clinical.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["drjones@example.org"]
    email = mail.outbox[0].subject + mail.outbox[0].body
    assert f"/care/clients/{rel.pk}/" in email
    for secret in ("Client", "PHQ", "self-harm", "questionnaire", "moderate", "Moderate"):
        assert secret not in email

    page = login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").content.decode()
    assert 'data-testid="item9-flag"' in page  # on the score row itself, not only "12 Moderate"
    assert 'data-testid="risk-flag"' in page and "Needs attention" in page
    assert 'data-testid="item9-events"' in page
    assert AuditEvent.objects.filter(action="care.client_risk_read", actor_id=pro.user_id,
                                     subject_id=client_user.pk).exists()
    # Looking at it clears "needs attention" from the notices; the open alert keeps the flag.
    assert not RiskNotice.objects.filter(seen_at__isnull=True).exists()
    home = login_client(pro.user).get("/care/").content.decode()
    assert "Needs attention" not in home
    # The client sees the read in "who looked at my data".
    assert "Your practitioner saw the safety information about you" in login_client(client_user).get(
        "/care/who-looked/").content.decode()


def test_the_flag_shows_even_when_questionnaires_are_not_shared(rel, client_user, pro,
                                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert "Needs attention" in login_client(pro.user).get("/care/").content.decode()
    page = login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").content.decode()
    assert 'data-testid="item9-events"' in page and "Nothing is shared with you" in page
    assert 'data-testid="item9-flag"' not in page  # the scores themselves stay unshared


def test_item9_reaches_the_practitioner_when_the_site_raises_no_alert_for_it(
        rel, client_user, pro, settings, django_capture_on_commit_callbacks):
    settings.SELFCARE_ITEM9_ALERT = "never"
    with django_capture_on_commit_callbacks(execute=True):
        _response, _result, alert = selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert alert is None and not SafetyAlert.objects.exists()
    told = _risk_notifications(pro.user).get()
    assert "A client in your care" in told.text and "safety team" not in told.text
    assert len(mail.outbox) == 1


def test_an_alert_from_another_feature_notifies_once_per_feature_and_level(
        rel, client_user, pro, django_capture_on_commit_callbacks):
    from hearthside.safety.actions import screen_and_route

    with django_capture_on_commit_callbacks(execute=True):
        screen_and_route(client_user, "I have been cutting myself again", "community.post", source_id=1)
    with django_capture_on_commit_callbacks(execute=True):
        screen_and_route(client_user, "I have been cutting myself again", "community.post", source_id=2)
    told = list(_risk_notifications(pro.user))
    assert len(told) == 1 and "A client in your care" in told[0].text and "I have been" not in told[0].text
    # A different feature joining the same incident tells again.
    with django_capture_on_commit_callbacks(execute=True):
        selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert SafetyAlert.objects.filter(person=client_user).count() == 1
    assert _risk_notifications(pro.user).count() == 2
    page = login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").content.decode()
    assert "a community group" in page and "the PHQ-9 questionnaire" in page


def test_with_the_setting_off_nothing_is_notified(rel, client_user, pro, settings, monkeypatch,
                                                  django_capture_on_commit_callbacks):
    settings.PRACTITIONER_RISK_NOTIFY = False
    events = []
    monkeypatch.setattr("hearthside.core.events.send_now", lambda groups, event: events.append(event))
    before = Notification.objects.filter(user=pro.user).count()
    with django_capture_on_commit_callbacks(execute=True):
        selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert SafetyAlert.objects.filter(person=client_user).exists()  # the safety team still is
    assert Notification.objects.filter(user=pro.user).count() == before
    assert not RiskNotice.objects.exists() and mail.outbox == []
    assert not [e for e in events if e.get("type") in ("care.risk", "care.notice")]
    page = login_client(pro.user, two_factor=True).get(f"/care/clients/{rel.pk}/").content.decode()
    assert 'data-testid="safety-panel"' not in page
    assert not AuditEvent.objects.filter(action="care.client_risk_read").exists()


def test_a_client_out_of_active_care_is_not_reported_to_their_practitioner(
        db, pro, client_user, django_capture_on_commit_callbacks):
    long_ago = datetime.now(UTC) - timedelta(days=actions.ACTIVE_CARE_DAYS + 30)
    with time_machine.travel(long_ago, tick=False):
        rel = actions.check_choose_practitioner(client_user, pro)
    assert actions.practitioner_of(client_user) is None  # chosen, then idle
    with django_capture_on_commit_callbacks(execute=True):
        selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert not _risk_notifications(pro.user).exists()
    assert 'data-testid="safety-panel"' not in login_client(pro.user, two_factor=True).get(
        f"/care/clients/{rel.pk}/").content.decode()

    # A session held recently puts them back in active care.
    ended = datetime.now(UTC) - timedelta(days=10)
    Appointment.objects.create(practitioner=pro, client=client_user, starts_at=ended - timedelta(minutes=50),
                               ends_at=ended)
    assert actions.practitioner_of(client_user) == pro.user


def test_practitioner_of(db, pro, client_user):
    assert actions.practitioner_of(client_user) is None
    rel = actions.check_choose_practitioner(client_user, pro)
    assert actions.practitioner_of(client_user) == pro.user
    assert actions.practitioner_of(make_user("loner")) is None
    actions.do_end_relationship(rel, client_user)
    assert actions.practitioner_of(client_user) is None


def test_the_booking_page_states_the_policy(db, pro, client_user, settings):
    web = login_client(client_user)
    page = web.get(f"/care/practitioners/{pro.pk}/").content.decode()
    assert 'data-testid="risk-policy"' in page
    assert "Drjones is told if our safety checks notice that you may be at risk" in page
    assert "not what you wrote elsewhere" in page and "Our safety team is alerted too" in page
    settings.PRACTITIONER_RISK_NOTIFY = False
    page = web.get(f"/care/practitioners/{pro.pk}/").content.decode()
    assert "Drjones is not told" in page and "is told if our safety checks" not in page


def test_another_practitioner_sees_no_risk_and_gets_404(rel, client_user, pro, django_capture_on_commit_callbacks):
    other = make_practitioner("otherpro")
    with django_capture_on_commit_callbacks(execute=True):
        selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert not Notification.objects.filter(user=other.user).exists()
    assert login_client(other.user, two_factor=True).get(f"/care/clients/{rel.pk}/").status_code == 404
    assert "Needs attention" not in login_client(other.user).get("/care/").content.decode()
