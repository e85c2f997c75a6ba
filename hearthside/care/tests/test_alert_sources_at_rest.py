"""Where a safety alert came from is encrypted at rest (issue #17: "selfcare.phq9 high" was stored
in plaintext): the alert's source, its timeline's detail and the practitioner's notice hold
ciphertext, the notice's unique key is a keyed hash, and the audit log names only the feature.
Everything that compared sources in SQL compares them in Python now, with the same answers."""

from __future__ import annotations

import pytest
from django.db import connection

from hearthside.care import actions
from hearthside.care.models import RiskNotice
from hearthside.care.risk import notice_key
from hearthside.conftest import login_client
from hearthside.core.models import AuditEvent
from hearthside.safety.actions import alerts_from, raise_alert, resolve_as_abuse
from hearthside.safety.models import SafetyAlert
from hearthside.selfcare import actions as selfcare

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# PHQ-9 with item 9 (thoughts of being better off dead or of self-harm) answered above 0.
PHQ9_ITEM9 = {"1": 2, "2": 2, "3": 2, "4": 2, "5": 1, "6": 1, "7": 1, "8": 0, "9": 1}


def _column(table: str, column: str, pk) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608 (fixed names)
        return str(cursor.fetchone()[0])


@pytest.fixture
def rel(db, pro, client_user, settings):
    settings.TASKS = IMMEDIATE
    return actions.check_choose_practitioner(client_user, pro)


def test_an_alerts_source_its_timeline_and_the_practitioners_notice_are_ciphertext(
        rel, client_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response, _result, alert = selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    assert alert is not None and alert.source == "selfcare.phq9"
    stored = [_column("safety_safetyalert", "source", alert.pk)]
    stored += [_column("safety_alertevent", "detail", e.pk) for e in alert.events.all()]
    notice = RiskNotice.objects.get(relationship=rel)
    stored += [_column("care_risknotice", "source", notice.pk)]
    assert len(stored) >= 4 and all(value.startswith("enc1:") for value in stored), stored
    key = _column("care_risknotice", "key", notice.pk)
    assert key == notice_key(f"alert:{alert.pk}:selfcare.phq9:{alert.level}") and "phq9" not in key
    # Read back through the models, as before.
    assert notice.source == "selfcare.phq9" and notice.level == alert.level
    assert alert.events.get(kind="raised").detail["source"] == "selfcare.phq9"
    # The audit record of telling the practitioner names the feature, not the questionnaire.
    told = AuditEvent.objects.get(action="care.risk_practitioner_notified")
    assert told.detail["features"] == ["selfcare"] and "phq9" not in str(told.detail)
    # The person's result page still says that someone was asked to reach out.
    assert alerts_from(client_user, "selfcare.phq9", source_id=response.pk) == [alert]
    assert alerts_from(client_user, "selfcare.phq9", source_id=response.pk + 1) == []
    assert alerts_from(client_user, "companion") == []
    page = login_client(client_user).get(f"/selfcare/responses/{response.pk}/").content.decode()
    assert "A trained member of our team has been asked to reach out to you." in page


def test_a_told_step_is_not_told_again_and_a_rise_is(rel, client_user, pro, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        alert = raise_alert(client_user, source="community.chat", source_id="1:a", level="moderate")
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(client_user, source="community.chat", source_id="1:b", level="moderate")
    assert RiskNotice.objects.filter(relationship=rel).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(client_user, source="community.chat", source_id="1:c", level="high")
    assert sorted((n.source, n.level) for n in RiskNotice.objects.filter(relationship=rel, alert=alert)) == [
        ("community.chat", "high"), ("community.chat", "moderate")]


def test_marking_as_abuse_finds_the_alert_by_its_encrypted_steps(rel, client_user, pro):
    supporter = pro.user
    alert = raise_alert(client_user, source="community.chat", source_id="1:a", level="moderate")
    # A support-line conversation's crisis joins the open alert (an "attached" step).
    raise_alert(client_user, source="supportline.message", source_id="7", level="high")
    assert resolve_as_abuse(supporter, person=client_user, source="supportline.message", source_id="8") == []
    assert SafetyAlert.objects.get(pk=alert.pk).status == "open"  # another conversation: not this one
    assert resolve_as_abuse(supporter, person=client_user, source="supportline.message", source_id="7") == [alert.pk]
    assert SafetyAlert.objects.get(pk=alert.pk).status == "resolved"


def test_the_key_migration_rolls_back_to_the_plain_keys(rel, client_user, django_capture_on_commit_callbacks):
    """Rolling back care 0005 gives the keys the older code computes (an alert's, and a PHQ-9
    response's, found among the client's responses), and migrating again gives the hashes back."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("hearthside.care.migrations.0005_encrypt_risk_notice_source")
    with django_capture_on_commit_callbacks(execute=True):
        response, _result, alert = selfcare.check_submit_questionnaire(client_user, "phq9", PHQ9_ITEM9)
    RiskNotice.objects.create(relationship=rel, key=notice_key(f"phq9:{response.pk}"), source="selfcare.phq9")
    gone = RiskNotice.objects.create(relationship=rel, key=notice_key("phq9:999999"), source="selfcare.phq9")
    hashed = dict(RiskNotice.objects.values_list("pk", "key"))
    assert len(hashed) == 3 and all(key.startswith("h1:") for key in hashed.values())

    migration.unhash_notice_keys(apps, None)
    plain = dict(RiskNotice.objects.values_list("pk", "key"))
    assert sorted(plain.values()) == sorted([f"alert:{alert.pk}:selfcare.phq9:{alert.level}",
                                             f"phq9:{response.pk}", hashed[gone.pk]])

    migration.hash_notice_keys(apps, None)
    assert dict(RiskNotice.objects.values_list("pk", "key")) == hashed
