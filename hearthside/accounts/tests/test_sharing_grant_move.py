"""SharingGrant moved from selfcare to accounts (accounts/0004, selfcare/0008): a database migrated
before the move keeps its grants, and the content type (with its permissions) follows the model."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hearthside.accounts.models import SharingGrant
from hearthside.conftest import make_user
from hearthside.selfcare.models import JournalEntry

BEFORE = [("accounts", "0003_age_band"), ("selfcare", "0007_plural_names")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_grants_made_before_the_move_are_read_by_the_accounts_model():
    river, pro = make_user("river"), make_user("pro", "practitioner")
    entry = JournalEntry.objects.create(user=river, title="Sunday", body="A walk.")
    type_id = ContentType.objects.get(app_label="accounts", model="sharinggrant").pk
    try:
        executor = _migrate(BEFORE)
        old_apps = executor.loader.project_state(BEFORE).apps
        with pytest.raises(LookupError):
            old_apps.get_model("accounts", "SharingGrant")
        # Unmigrating gave the content type back to selfcare, as a database of that time has it.
        assert list(ContentType.objects.filter(model="sharinggrant").values_list("pk", "app_label")) == [
            (type_id, "selfcare")]
        OldGrant = old_apps.get_model("selfcare", "SharingGrant")
        assert OldGrant._meta.db_table == "selfcare_sharinggrant"
        shared = OldGrant.objects.create(user_id=river.pk, data_type="journal_entry", journal_entry_id=entry.pk,
                                         practitioner_id=pro.pk)
        OldGrant.objects.create(user_id=river.pk, data_type="checkins")
    finally:
        _migrate(_leaves())

    grants = SharingGrant.objects.order_by("pk")
    assert [(g.pk, g.user, g.data_type, g.journal_entry, g.practitioner, g.revoked_at) for g in grants] == [
        (shared.pk, river, "journal_entry", entry, pro, None),
        (shared.pk + 1, river, "checkins", None, None, None),
    ]
    assert list(ContentType.objects.filter(model="sharinggrant").values_list("pk", "app_label")) == [
        (type_id, "accounts")]
    assert sorted(Permission.objects.filter(content_type_id=type_id).values_list("codename", flat=True)) == [
        "add_sharinggrant", "change_sharinggrant", "delete_sharinggrant", "view_sharinggrant"]
    # The journal entry still takes its grant with it (the foreign key's cascade is unchanged).
    entry.delete()
    assert list(SharingGrant.objects.values_list("data_type", flat=True)) == ["checkins"]
