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
@pytest.mark.parametrize(
    ("recorded", "order", "index"),
    [
        (4, "seq", 1),  # a row in the middle
        (3, "-seq", 0),  # the newest row: nothing after it has a broken link
    ],
    ids=["a_deleted_row", "removed_newest_rows"],
)
def test_chain_detects(recorded, order, index):
    for i in range(recorded):
        audit.record("test.event", object_id=i)
    victim = AuditEvent.objects.order_by(order)[index]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [victim.pk])
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


# ---------------------------------------------------------------------------------------------
# Keyed and anchored (issue #17 item 5)


def _rewrite_without(victim_seq: int, digest) -> None:
    """What someone with database access does: delete an event and recompute every later hash."""
    AuditEvent.objects.filter(seq=victim_seq)._raw_delete(AuditEvent.objects.db)
    prev = audit.GENESIS
    seq = 0
    for event in AuditEvent.objects.order_by("seq"):
        seq += 1
        with connection.cursor() as cursor:
            event.seq = seq
            event.prev_hash = prev
            new_hash = digest(prev, audit._fields(event))
            cursor.execute("UPDATE core_auditevent SET seq = %s, prev_hash = %s, hash = %s WHERE id = %s",
                           [seq, prev, new_hash, event.pk])
        prev = new_hash
    from hearthside.core.models import AuditHead

    AuditHead.objects.filter(pk=1).update(seq=seq, last_hash=prev)


@pytest.mark.django_db
def test_a_chain_recomputed_without_the_key_does_not_verify():
    for i in range(5):
        audit.record("test.event", object_id=i)
    assert audit.verify_chain().ok
    _rewrite_without(3, audit.legacy_digest)  # plain SHA-256: the attack that used to pass
    result = audit.verify_chain()
    assert not result.ok and "altered" in result.problem


@pytest.mark.django_db(transaction=True)
def test_the_anchor_file_catches_a_rewrite_even_with_the_key(settings, tmp_path):
    settings.AUDIT_ANCHOR_FILE = str(tmp_path / "anchor.log")
    for i in range(6):
        audit.record("test.event", object_id=i)
    lines = (tmp_path / "anchor.log").read_text().splitlines()
    assert [int(line.split()[0]) for line in lines] == list(range(1, 7))
    assert audit.verify_anchor(tmp_path / "anchor.log").ok
    call_command("audit", "verify", "--anchor", str(tmp_path / "anchor.log"))
    _rewrite_without(2, audit._digest)  # someone who also has the key
    assert audit.verify_chain().ok      # the chain alone cannot tell...
    result = audit.verify_anchor(tmp_path / "anchor.log")
    assert not result.ok and result.broken_at == 2  # ...the anchor can
    with pytest.raises(CommandError, match="anchor"):
        call_command("audit", "verify", "--anchor", str(tmp_path / "anchor.log"))


@pytest.mark.django_db(transaction=True)
def test_the_anchor_catches_removed_newest_events(settings, tmp_path):
    settings.AUDIT_ANCHOR_FILE = str(tmp_path / "anchor.log")
    for i in range(4):
        audit.record("test.event", object_id=i)
    newest = AuditEvent.objects.order_by("-seq")[0]
    AuditEvent.objects.filter(pk=newest.pk)._raw_delete(AuditEvent.objects.db)
    from hearthside.core.models import AuditHead

    AuditHead.objects.filter(pk=1).update(seq=newest.seq - 1, last_hash=newest.prev_hash)
    assert audit.verify_chain().ok
    result = audit.verify_anchor(tmp_path / "anchor.log")
    assert not result.ok and "missing" in result.problem


@pytest.mark.django_db
def test_client_addresses_are_kept_only_as_keyed_hashes_and_expire(rf, settings):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from hearthside.core.models import AuditAddress

    request = rf.get("/", REMOTE_ADDR="203.0.113.7")
    event = audit.record("test.event", request=request)
    assert event.ip == ""
    stored = AuditAddress.objects.get(seq=event.seq)
    assert "203.0.113.7" not in stored.address_hash
    assert stored.address_hash == audit.address_hash("203.0.113.7")
    assert audit.address_hash("203.0.113.8") != stored.address_hash
    import hashlib

    assert stored.address_hash != hashlib.sha256(b"203.0.113.7").hexdigest()[:40]  # keyed, not a plain hash
    settings.AUDIT_ADDRESS_RETENTION_DAYS = 30
    with time_machine.travel(timezone.now() + timedelta(days=29)):
        assert audit.purge_addresses() == 0
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert audit.purge_addresses() == 1
    assert audit.verify_chain().ok  # the chain does not depend on the addresses


@pytest.mark.django_db
def test_the_migration_rechains_a_legacy_log_and_says_whether_it_was_intact():
    import importlib

    from django.apps import apps

    from hearthside.core.models import AuditAddress, AuditHead

    migration = importlib.import_module("hearthside.core.migrations.0002_audit_address")
    # A log written by the old code: unkeyed SHA-256, plaintext addresses.
    from django.utils import timezone

    prev = audit.GENESIS
    for seq in range(1, 4):
        event = AuditEvent(seq=seq, at=timezone.now(), action="old.event", object_type="", object_id=str(seq),
                           ip="198.51.100.9", detail={}, prev_hash=prev)
        event.hash = audit.legacy_digest(prev, audit._fields(event))
        AuditEvent.objects.bulk_create([event])
        prev = event.hash
    AuditHead.objects.update_or_create(pk=1, defaults={"seq": 3, "last_hash": prev})
    assert not audit.verify_chain().ok  # the new verifier does not accept the unkeyed chain
    migration.rechain(apps, None)
    assert audit.verify_chain().ok
    assert not AuditEvent.objects.exclude(ip="").exists()
    assert AuditAddress.objects.filter(address_hash=audit.address_hash("198.51.100.9")).count() == 3
    marker = AuditEvent.objects.get(action="audit.rechained")
    assert marker.detail == {"events": 3, "legacy_chain_intact": True, "legacy_broken_at": None}
    audit.record("after.event")
    assert audit.verify_chain().ok


def test_the_sqlite_file_is_made_private(tmp_path):
    import os
    import sqlite3

    from hearthside.core.apps import _PRIVATE, keep_sqlite_private

    path = tmp_path / "db.sqlite3"
    sqlite3.connect(path).execute("create table t (x)").connection.close()
    os.chmod(path, 0o644)

    class FakeConnection:
        vendor = "sqlite"
        settings_dict = {"NAME": str(path)}

    keep_sqlite_private(None, FakeConnection())
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert str(path) in _PRIVATE


@pytest.mark.django_db
def test_an_anonymous_thread_is_sealed_in_the_audit_log_and_opening_it_is_recorded():
    """Issue #17: administrators saw the author of every anonymous thread in the audit log, with
    no reason asked and no record of looking."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from hearthside.community.forum import actions as forum
    from hearthside.community.models import Group, Membership
    from hearthside.conftest import make_user

    group = Group.objects.create(slug="g", name="G", allow_anonymous=True)
    author = make_user("secretauthor")
    Membership.objects.create(group=group, user=author)
    viewer = forum.access_group_forum(author, "g")
    sub = forum.check_create_thread(author, viewer, "Something I never told anyone", "It happened when I was 12.",
                                    anonymous=True)
    event = AuditEvent.objects.get(action="community.thread_created")
    assert event.actor_id is None and event.subject_id is None
    assert set(event.detail) == {"group", "post", "status", "sealed"}  # no field names the author
    assert event.detail["sealed"].startswith("enc1:")
    assert audit.verify_chain().ok
    named = forum.check_create_thread(author, viewer, "Hello", "Just saying hi to everyone here.")
    assert AuditEvent.objects.filter(action="community.thread_created", object_id=str(named.post.thread_id)
                                     ).get().actor_id == author.pk
    admin = make_user("theadmin", "administrator")
    with pytest.raises(PermissionDenied):
        audit.unseal(event.seq, by=make_user("nosy", "moderator"), reason="just curious about this")
    with pytest.raises(ValidationError):
        audit.unseal(event.seq, by=admin, reason="why")
    assert not AuditEvent.objects.filter(action="audit.unsealed").exists()
    assert audit.unseal(event.seq, by=admin, reason="Court order 2026/17 for this thread") == {
        "actor": author.pk, "subject": author.pk}
    opened = AuditEvent.objects.get(action="audit.unsealed")
    assert opened.actor_id == admin.pk and opened.detail == {"seq": event.seq,
                                                            "reason": "Court order 2026/17 for this thread"}
    assert sub.post.anonymous
