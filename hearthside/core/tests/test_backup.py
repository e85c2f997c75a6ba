"""Backups that restore (docs/deploy.md, "Backups"): a backup of a populated site restores into a
fresh database row for row, its encrypted fields open with the site's data keys, and a damaged
file, a wrong key or a non-empty target is refused with a clear message and a non-zero exit.

On SQLite the databases are temporary files; on PostgreSQL each test that restores makes its own
throw-away database on the same server and drops it afterwards, even when the test fails."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import uuid
from collections import Counter
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from hearthside.cli import main as hearthside
from hearthside.conftest import make_user
from hearthside.core import backup
from hearthside.core.env import ConfigError
from hearthside.core.fields import encrypted_fields

KEY = base64.urlsafe_b64encode(bytes(range(32))).decode()
OTHER_KEY = base64.urlsafe_b64encode(bytes(range(1, 33))).decode()

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite leg (DATABASE_URL is PostgreSQL)")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql" or not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="needs DATABASE_URL pointing to PostgreSQL and pg_dump/pg_restore installed")


@pytest.fixture
def backup_key(settings):
    settings.BACKUP_KEY = backup.parse_backup_key(KEY)
    return settings.BACKUP_KEY


@pytest.fixture
def empty_target(transactional_db, tmp_path):
    """Settings for a new, empty database of the same engine as the test database."""
    source = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        yield {**source, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    import psycopg

    name = f"hs_backup_test_{uuid.uuid4().hex[:12]}"
    # Made from the test database's connection settings, never the shared database's contents.
    admin = psycopg.connect(**backup.pg_params(source), autocommit=True)
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield {**source, "NAME": name}
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def _take(tmp_path, name="site.hsbackup") -> str:
    path = tmp_path / name
    call_command("backup", "--output", str(path), stdout=io.StringIO())
    return str(path)


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = hearthside(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _rows(settings_dict: dict) -> dict[str, list]:
    engine = backup.engine_of(settings_dict)
    conn = backup.connect(settings_dict)
    try:
        cursor = conn.cursor()
        rows = {}
        for table in backup.table_names(cursor, engine):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            rows[table] = sorted(cursor.fetchall(), key=repr)
        return rows
    finally:
        conn.close()


def _assert_restores_row_for_row(tmp_path, target: dict) -> None:
    call_command("demo", stdout=io.StringIO())
    source = connection.settings_dict
    before = _rows(source)
    path = _take(tmp_path)

    report = backup.restore_backup(path, backup.configured_key(), target)

    after = _rows(target)
    assert sorted(after) == sorted(before)
    for table in before:
        assert after[table] == before[table], table
    assert report.manifest["tables"] == {table: len(rows) for table, rows in before.items()}
    assert report.unapplied == [] and report.unknown == [] and report.missing_data_keys == []

    # Every encrypted value in the restored database opens with the site's data keys and equals
    # what the site reads from its own database.
    restored = backup.connect(target)
    kinds: Counter[str] = Counter()
    try:
        cursor = restored.cursor()
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields:
                continue
            columns = ", ".join(f'"{f.column}"' for f in fields)
            cursor.execute(f'SELECT "{model._meta.pk.column}", {columns} FROM "{model._meta.db_table}"')  # noqa: S608
            live = {obj.pk: obj for obj in model._base_manager.all()}
            for pk, *values in cursor.fetchall():
                for f, stored in zip(fields, values, strict=True):
                    expected = f.value_from_object(live[pk])
                    if stored is None:
                        assert expected is None
                        continue
                    assert stored.startswith("enc1:")
                    assert f.from_db_value(stored, None, None) == expected
                    kinds[type(f).__name__] += 1
    finally:
        restored.close()
    encrypted_in_source = sum(
        model._base_manager.exclude(**{f"{f.name}__isnull": True}).count()
        for model in apps.get_models() for f in encrypted_fields(model))
    assert sum(kinds.values()) == encrypted_in_source
    assert set(kinds) == {"EncryptedTextField", "EncryptedJSONField", "EncryptedIntegerField", "EncryptedDecimalField"}


@on_sqlite
def test_a_sqlite_backup_restores_every_row_and_encrypted_field(backup_key, empty_target, tmp_path):
    _assert_restores_row_for_row(tmp_path, empty_target)


@pytest.mark.postgres
@on_postgresql
def test_a_postgresql_backup_restores_every_row_and_encrypted_field(backup_key, empty_target, tmp_path):
    _assert_restores_row_for_row(tmp_path, empty_target)
    # Sequences come back too, so the next row gets a fresh id.
    query = "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()"
    sequences = []
    for settings_dict in (connection.settings_dict, empty_target):
        conn = backup.connect(settings_dict)
        try:
            sequences.append(sorted(conn.execute(query).fetchall()))
        finally:
            conn.close()
    assert sequences[0] == sequences[1]
    conn = backup.connect(empty_target)
    try:
        highest = conn.execute("SELECT max(id) FROM accounts_user").fetchone()[0]
    finally:
        conn.close()
    assert dict(sequences[1])["accounts_user_id_seq"] >= highest >= 7


def test_verify_reports_the_row_counts_and_the_manifest(backup_key, transactional_db, tmp_path, capsys):
    make_user("first")
    make_user("second")
    path = _take(tmp_path)

    code, out, err = _cli(capsys, "backup", "verify", path)

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "accounts_user: 2" in lines
    assert lines[-1].startswith("backup OK: taken 20")
    manifest = backup.read_backup(path, backup_key)
    state = backup.database_state(connection.settings_dict)
    assert manifest["tables"] == state.tables
    assert manifest["tables"]["accounts_user"] == 2
    assert manifest["migrations"] == state.migrations
    assert manifest["engine"] == connection.vendor.replace("sqlite", backup.SQLITE)
    assert manifest["data_key_ids"] == [kid for kid, _key in django_settings.DATA_KEYS]
    assert (manifest["format"], manifest["version"]) == ("hearthside-backup", 1)
    text = json.dumps(manifest)
    for _kid, key in django_settings.DATA_KEYS:
        assert base64.urlsafe_b64encode(key).decode() not in text
        assert base64.b64encode(key).decode() not in text
    # The dump is not in the file in clear text: SQLite's or pg_dump's own header is absent.
    raw = (tmp_path / "site.hsbackup").read_bytes()
    assert b"SQLite format 3" not in raw and b"PGDMP" not in raw


def _record_offsets(raw: bytes) -> list[int]:
    offsets, at = [], backup._HEADER_BYTES
    while at < len(raw):
        offsets.append(at)
        at += 4 + struct.unpack(">I", raw[at:at + 4])[0]
    return offsets


def test_a_tampered_backup_fails_verify(backup_key, transactional_db, tmp_path, capsys):
    make_user("first")
    path = _take(tmp_path)
    raw = bytearray((tmp_path / "site.hsbackup").read_bytes())
    offsets = _record_offsets(bytes(raw))
    raw[offsets[1] + 100] ^= 0x01
    (tmp_path / "site.hsbackup").write_bytes(bytes(raw))

    code, out, err = _cli(capsys, "backup", "verify", path)

    assert code == 1
    assert "backup file is damaged or was altered: record 1 fails authentication" in err
    assert "backup OK" not in out


def test_a_backup_cut_before_its_manifest_fails_verify(backup_key, transactional_db, tmp_path):
    make_user("first")
    path = _take(tmp_path)
    raw = (tmp_path / "site.hsbackup").read_bytes()
    (tmp_path / "site.hsbackup").write_bytes(raw[:_record_offsets(raw)[-1]])

    with pytest.raises(backup.BackupError) as excinfo:
        backup.read_backup(path, backup_key)
    assert str(excinfo.value) == "backup file is truncated: its manifest is missing"
    (tmp_path / "site.hsbackup").write_bytes(raw[:-1])
    with pytest.raises(backup.BackupError) as excinfo:
        backup.read_backup(path, backup_key)
    assert str(excinfo.value) == f"backup file is truncated (in record {len(_record_offsets(raw)) - 1})"


def test_records_swapped_between_places_fail(backup_key, transactional_db, tmp_path, monkeypatch):
    # Small records, so the dump spans many of them.
    monkeypatch.setattr(backup, "CHUNK", 4096)
    make_user("first")
    path = _take(tmp_path)
    assert backup.read_backup(path, backup_key)["tables"]["accounts_user"] == 1
    raw = (tmp_path / "site.hsbackup").read_bytes()
    offsets = _record_offsets(raw)
    assert len(offsets) >= 3
    first, second = raw[offsets[0]:offsets[1]], raw[offsets[1]:offsets[2]]
    (tmp_path / "site.hsbackup").write_bytes(raw[:offsets[0]] + second + first + raw[offsets[2]:])

    with pytest.raises(backup.BackupError) as excinfo:
        backup.read_backup(path, backup_key)
    assert str(excinfo.value) == "backup file is damaged or was altered: record 0 fails authentication"


def test_a_dump_that_does_not_match_its_checksum_fails(backup_key, tmp_path):
    # Sealed with the right key, so only the manifest's SHA-256 can tell.
    path = tmp_path / "forged.hsbackup"
    with open(path, "wb") as out:
        sealer = backup._Sealer(out, backup_key)
        sealer.data(b"a dump")
        manifest = {"format": "hearthside-backup", "version": 1, "engine": "sqlite", "tables": {}, "migrations": {},
                    "dump": {"sha256": hashlib.sha256(b"another dump").hexdigest(), "bytes": 6}}
        sealer._record(backup._MANIFEST, json.dumps(manifest).encode())

    with pytest.raises(backup.BackupError) as excinfo:
        backup.read_backup(path, backup_key)
    assert str(excinfo.value) == "backup checksum mismatch: the dump does not match its manifest"


def test_a_wrong_backup_key_fails_verify(backup_key, transactional_db, tmp_path, capsys, settings):
    make_user("first")
    path = _take(tmp_path)
    settings.BACKUP_KEY = backup.parse_backup_key(OTHER_KEY)

    code, out, err = _cli(capsys, "backup", "verify", path)

    assert code == 1
    assert (f"wrong backup key: this file was written with backup key {backup.key_fingerprint(backup_key)}, "
            f"the configured HEARTHSIDE_BACKUP_KEY is {backup.key_fingerprint(settings.BACKUP_KEY)}") in err
    assert out == ""


def test_backup_and_restore_refuse_without_a_backup_key(transactional_db, tmp_path, settings):
    settings.BACKUP_KEY = None
    message = ("no backup key is configured: set HEARTHSIDE_BACKUP_KEY (generate one with `hearthside backup "
               "--new-key`, and keep it apart from the data keys)")
    with pytest.raises(CommandError) as excinfo:
        call_command("backup", "--output", str(tmp_path / "x.hsbackup"))
    assert str(excinfo.value) == message
    assert not (tmp_path / "x.hsbackup").exists()
    with pytest.raises(CommandError) as excinfo:
        call_command("restore", str(tmp_path / "x.hsbackup"))
    assert str(excinfo.value) == message


def test_restore_into_a_database_with_a_table_is_refused(backup_key, empty_target, tmp_path):
    make_user("first")
    path = _take(tmp_path)
    conn = backup.connect(empty_target)
    try:
        conn.cursor().execute("CREATE TABLE keep_me (x integer)")
        conn.cursor().execute("INSERT INTO keep_me VALUES (42)")
        conn.commit()
    finally:
        conn.close()

    with pytest.raises(backup.BackupError) as excinfo:
        backup.restore_backup(path, backup_key, empty_target)

    described = (f"SQLite file {empty_target['NAME']}" if connection.vendor == "sqlite"
                 else f"PostgreSQL database {empty_target['NAME']!r}")
    assert str(excinfo.value) == (f"refusing to restore: the {described} is not empty (1 tables, e.g. keep_me). "
                                  "Restore only into a new, empty database.")
    assert _rows(empty_target) == {"keep_me": [(42,)]}


def test_the_restore_command_refuses_the_sites_own_database(backup_key, transactional_db, tmp_path, capsys):
    make_user("first")
    path = _take(tmp_path)
    users_before = _rows(connection.settings_dict)["accounts_user"]

    code, out, err = _cli(capsys, "restore", path)

    assert code == 1
    assert "refusing to restore: the " in err and "is not empty" in err
    assert "restored" not in out
    assert _rows(connection.settings_dict)["accounts_user"] == users_before


def test_backup_never_overwrites_a_file(backup_key, transactional_db, tmp_path):
    (tmp_path / "site.hsbackup").write_bytes(b"an older backup")
    with pytest.raises(CommandError) as excinfo:
        _take(tmp_path)
    assert str(excinfo.value) == f"{tmp_path / 'site.hsbackup'} already exists; choose another name"
    assert (tmp_path / "site.hsbackup").read_bytes() == b"an older backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.hsbackup"]


def test_new_key_prints_a_usable_key_and_the_key_is_checked(capsys):
    call_command("backup", "--new-key")
    line = capsys.readouterr().out.strip()
    assert line.startswith("HEARTHSIDE_BACKUP_KEY=")
    assert len(backup.parse_backup_key(line.split("=", 1)[1])) == 32
    assert backup.parse_backup_key("") is None
    with pytest.raises(ConfigError, match="must be 32 bytes"):
        backup.parse_backup_key(base64.urlsafe_b64encode(b"short").decode())
    with pytest.raises(ConfigError, match="must not be one of the HEARTHSIDE_DATA_KEYS"):
        backup.parse_backup_key(KEY, [("k1", bytes(range(32)))])


def test_restore_of_a_sqlite_backup_into_sqlite_file_that_is_empty_works(backup_key, transactional_db, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite leg")
    make_user("first")
    path = _take(tmp_path)
    target = tmp_path / "empty.sqlite3"
    sqlite3.connect(target).close()  # an empty file, as a fresh deployment may have
    report = backup.restore_backup(path, backup_key, {**connection.settings_dict, "NAME": str(target)})
    assert report.manifest["tables"]["accounts_user"] == 1
    assert _rows({**connection.settings_dict, "NAME": str(target)})["accounts_user"] == \
        _rows(connection.settings_dict)["accounts_user"]


def _run_site(args: list[str], target: dict, tmp_path) -> subprocess.CompletedProcess:
    """``hearthside ...`` in its own process, configured for the database ``target`` with this
    site's data and audit keys, as an operator runs it on the restored site."""
    env = {**os.environ, "HEARTHSIDE_BACKUP_KEY": KEY, "HEARTHSIDE_AUDIT_KEY": django_settings.AUDIT_KEY,
           "HEARTHSIDE_AUDIT_ANCHOR_FILE": str(tmp_path / "anchor.log"),
           "HEARTHSIDE_DATA_KEYS": ",".join(f"{kid}:{base64.urlsafe_b64encode(key).decode()}"
                                            for kid, key in django_settings.DATA_KEYS)}
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env["HEARTHSIDE_SQLITE_PATH"] = target["NAME"]
    else:
        auth = quote(target["USER"]) + (f":{quote(target['PASSWORD'])}" if target["PASSWORD"] else "")
        env["DATABASE_URL"] = f"postgres://{auth}@{target['HOST']}:{target['PORT'] or 5432}/{target['NAME']}"
    return subprocess.run([sys.executable, "-m", "hearthside.cli", *args], env=env, capture_output=True,  # noqa: S603
                          text=True, timeout=240, cwd=django_settings.BASE_DIR)


def test_restore_reapplies_the_erasures_made_after_the_backup(backup_key, empty_target, tmp_path, capsys):
    from hearthside.accounts.actions import erase_user_now

    make_user("keeper")
    gone = make_user("gone")
    gone_id = gone.pk
    path = _take(tmp_path)
    erase_user_now(gone)
    taken = backup.read_backup(path, backup_key)["created_at"]

    code, out, err = _cli(capsys, "backup", "erasures", "--since", taken)
    assert (code, out, err) == (0, f"{gone_id}\n", "")
    ids = tmp_path / "erased.txt"
    ids.write_text(out + "999999  # erased before it reached this backup\n")

    restored = _run_site(["restore", path, "--reapply-erasures", str(ids)], empty_target, tmp_path)

    assert restored.returncode == 0, restored.stderr
    assert f"restored the backup taken {taken}" in restored.stdout
    assert "erasures re-applied: 1 accounts erased again, 1 already absent" in restored.stdout
    conn = backup.connect(empty_target)
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT username FROM accounts_user ORDER BY username")
        assert cursor.fetchall() == [("keeper",)]
        cursor.execute("SELECT object_id FROM core_auditevent WHERE action = 'account.erased'")
        assert cursor.fetchall() == [(str(gone_id),)]
    finally:
        conn.close()
    # The audit chain goes on from the restored events, unbroken.
    verified = _run_site(["audit", "verify"], empty_target, tmp_path)
    assert verified.returncode == 0, verified.stderr
    assert "audit chain intact" in verified.stdout
