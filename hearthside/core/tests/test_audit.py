from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from hearthside.core import audit
from hearthside.core.models import AuditEvent


@pytest.mark.django_db
def test_chain_verifies_and_detects_an_edited_row():
    for i in range(5):
        audit.record("test.event", object_type="thing", object_id=i)
    assert audit.verify_chain().ok
    victim = AuditEvent.objects.order_by("seq")[2]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET action = %s WHERE id = %s", ["test.innocent", victim.pk])
    result = audit.verify_chain()
    assert not result.ok
    assert result.broken_at == victim.seq
    with pytest.raises(CommandError, match="BROKEN"):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_chain_detects_a_deleted_row():
    for i in range(4):
        audit.record("test.event", object_id=i)
    middle = AuditEvent.objects.order_by("seq")[1]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [middle.pk])
    assert not audit.verify_chain().ok


@pytest.mark.django_db
def test_chain_detects_removed_newest_rows():
    for i in range(3):
        audit.record("test.event", object_id=i)
    newest = AuditEvent.objects.order_by("-seq")[0]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [newest.pk])
    assert not audit.verify_chain().ok


@pytest.mark.django_db
def test_events_are_append_only_through_the_orm():
    event = audit.record("test.event")
    event.action = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


@pytest.mark.django_db
def test_verify_command_reports_intact_chain(capsys):
    audit.record("test.event")
    call_command("audit", "verify")
    assert "intact" in capsys.readouterr().out
