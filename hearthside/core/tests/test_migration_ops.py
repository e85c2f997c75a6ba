"""Free text that used to be stored plainly is encrypted by its migration (issue #17: content-
warning tags, report reasons, homework instructions and the peer intro were plaintext)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from hearthside.community.models import Group, Post, Report, Thread
from hearthside.conftest import make_user
from hearthside.core.migration_ops import _rewrite


class _Editor:
    connection = connection

    @staticmethod
    def quote_name(name):
        return connection.ops.quote_name(name)


@pytest.mark.django_db
def test_plaintext_rows_are_encrypted_in_place_and_read_back():
    author = make_user("author")
    thread = Thread.objects.create(group=Group.objects.create(slug="g", name="G"), title="t")
    post = Post.objects.create(thread=thread, author=author, body="b", cw_tags=["loss"])
    report = Report.objects.create(post=post, reporter=author, reason="unkind words")
    # As the old code stored them: plain text in the columns.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE community_post SET cw_tags = %s WHERE id = %s", ['["loss", "self-harm"]', post.pk])
        cursor.execute("UPDATE community_report SET reason = %s WHERE id = %s", ["he was cruel", report.pk])
    for model, field in (("post", "cw_tags"), ("report", "reason")):
        _rewrite("community", model, field, True)(apps, _Editor)
        _rewrite("community", model, field, True)(apps, _Editor)  # a second run changes nothing
    with connection.cursor() as cursor:
        cursor.execute("SELECT cw_tags FROM community_post WHERE id = %s", [post.pk])
        stored_tags = cursor.fetchone()[0]
        cursor.execute("SELECT reason FROM community_report WHERE id = %s", [report.pk])
        stored_reason = cursor.fetchone()[0]
    assert "self-harm" not in str(stored_tags) and "cruel" not in stored_reason
    assert Post.objects.get(pk=post.pk).cw_tags == ["loss", "self-harm"]
    assert Report.objects.get(pk=report.pk).reason == "he was cruel"
    # And back (the migration's reverse).
    _rewrite("community", "report", "reason", False)(apps, _Editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reason FROM community_report WHERE id = %s", [report.pk])
        assert cursor.fetchone()[0] == "he was cruel"


# The migrations that encrypt mood and sleep scores, an alert's source and its steps' detail, and a
# practitioner notice's source (issue #17), applied and unapplied on their own (later migrations of
# other models stay as they are).
SCORE_MIGRATIONS = [("selfcare", "0005_encrypt_scores"), ("safety", "0006_encrypt_alert_source"),
                    ("care", "0005_encrypt_risk_notice_source")]
SCORE_COLUMNS = [
    ("selfcare_checkin", "mood"), ("selfcare_checkin", "sleep_hours"),
    ("selfcare_exercisesession", "mood_before"), ("selfcare_exercisesession", "mood_after"),
    ("safety_safetyalert", "source"), ("safety_alertevent", "detail"), ("care_risknotice", "source"),
]


def _run_score_migrations(forwards: bool):
    """Apply (or unapply) the three migrations; returns the models as they were before them."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    parents = [parent for key in SCORE_MIGRATIONS for parent in loader.graph.node_map[key].parents
               if parent.key[0] == key[0]]
    before = loader.project_state([p.key for p in parents], at_end=True)
    for key in SCORE_MIGRATIONS if forwards else reversed(SCORE_MIGRATIONS):
        migration = loader.graph.nodes[key]
        with connection.schema_editor(atomic=migration.atomic) as editor:
            state = loader.project_state([p.key for p in loader.graph.node_map[key].parents], at_end=True)
            (migration.apply if forwards else migration.unapply)(state, editor)
    return before.apps


def _stored(table: str, column: str) -> list:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} ORDER BY id")  # noqa: S608 (names from the list above)
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_the_migrations_encrypt_scores_and_alert_sources_in_place_and_back():
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from hearthside.care.models import CareRelationship, PractitionerProfile, RiskNotice
    from hearthside.care.risk import notice_key
    from hearthside.safety.models import AlertEvent, SafetyAlert
    from hearthside.selfcare.models import CheckIn, ExerciseSession

    person = make_user("scored")
    profile = PractitionerProfile.objects.create(user=make_user("carer", "practitioner"), profession="counsellor")
    relationship = CareRelationship.objects.create(client=person, practitioner=profile)
    now = timezone.now()
    applied = True
    try:
        old = _run_score_migrations(forwards=False)
        applied = False
        # Rows as the code before the change wrote them: numbers and names in plain columns.
        old.get_model("selfcare", "CheckIn").objects.create(user_id=person.pk, mood=7, sleep_hours=Decimal("6.5"))
        old.get_model("selfcare", "CheckIn").objects.create(user_id=person.pk, mood=10, sleep_hours=Decimal("8"))
        old.get_model("selfcare", "CheckIn").objects.create(user_id=person.pk, mood=1, sleep_hours=None)
        for before, after in ((3, None), (4, 6)):
            old.get_model("selfcare", "ExerciseSession").objects.create(user_id=person.pk, exercise="box-breathing",
                                                                        mood_before=before, mood_after=after)
        alert = old.get_model("safety", "SafetyAlert").objects.create(
            person_id=person.pk, source="selfcare.phq9", level="high", ack_deadline=now + timedelta(hours=1))
        old.get_model("safety", "AlertEvent").objects.create(
            alert_id=alert.pk, kind="attached", detail={"source": "community.chat", "level": "high", "rose": True})
        old.get_model("care", "RiskNotice").objects.create(
            relationship_id=relationship.pk, key=f"alert:{alert.pk}:selfcare.phq9:high", source="selfcare.phq9",
            level="high")
        assert [int(v) for v in _stored("selfcare_checkin", "mood")] == [7, 10, 1]

        _run_score_migrations(forwards=True)
        applied = True
        for table, column in SCORE_COLUMNS:
            values = [v for v in _stored(table, column) if v is not None]
            assert values and all(str(v).startswith("enc1:") for v in values), (table, column, values)
        assert _stored("selfcare_checkin", "sleep_hours")[2] is None  # empty stays empty
        assert _stored("selfcare_exercisesession", "mood_after")[0] is None
        assert "phq9" not in _stored("care_risknotice", "key")[0]
        # Read back through the models as they were read before the change.
        assert [(c.mood, c.sleep_hours) for c in CheckIn.objects.order_by("pk")] == [
            (7, Decimal("6.5")), (10, Decimal("8.0")), (1, None)]
        assert list(ExerciseSession.objects.order_by("pk").values_list("mood_before", "mood_after")) == [
            (3, None), (4, 6)]
        assert SafetyAlert.objects.get().source == "selfcare.phq9"
        assert AlertEvent.objects.get().detail == {"source": "community.chat", "level": "high", "rose": True}
        notice = RiskNotice.objects.get()
        assert (notice.source, notice.key) == ("selfcare.phq9", notice_key(f"alert:{alert.pk}:selfcare.phq9:high"))

        _run_score_migrations(forwards=False)  # and back: plain again
        applied = False
        assert [int(v) for v in _stored("selfcare_checkin", "mood")] == [7, 10, 1]
        assert [None if v is None else Decimal(str(v)) for v in _stored("selfcare_checkin", "sleep_hours")] == [
            Decimal("6.5"), Decimal("8"), None]
        assert _stored("safety_safetyalert", "source") == ["selfcare.phq9"]
        assert _stored("care_risknotice", "source") == ["selfcare.phq9"]
    finally:
        if not applied:
            _run_score_migrations(forwards=True)
