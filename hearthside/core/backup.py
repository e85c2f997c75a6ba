"""Encrypted backups that restore: ``hearthside backup``, ``hearthside backup verify``, ``hearthside restore``.

A backup file is one database dump (PostgreSQL: ``pg_dump --format=custom``; SQLite: a copy made
with SQLite's online backup API) sealed with the backup key, followed by a manifest::

    MAGIC | key fingerprint (8 bytes) | salt (32 bytes)              the header, in clear
    then records: length (4 bytes, big-endian) | AES-256-GCM(kind byte + payload)
    kind "D": up to 1 MiB of the dump; kind "M": the manifest (JSON), always the last record

Each file gets its own key, derived with HKDF from the backup key and the file's random salt, so
the record number can be the nonce. The header and the record number are the associated data of
every record: a record that is altered, moved, dropped or taken from another file fails to
authenticate, and a file cut short has no manifest. The manifest carries the SHA-256 of the whole
plaintext dump, checked again on every read. The dump is encrypted as it streams, so a database
does not have to fit in memory; SQLite's copy and a restore's SQLite file lie unencrypted for a
moment next to the database file itself (the same disk and permissions as the live data).

The backup key is not a data key: the data keys still encrypt the health fields inside the dump,
and a backup is only readable with both (docs/deploy.md, "Backups").
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
import shutil
import signal
import sqlite3
import struct
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .env import ConfigError

MAGIC = b"HEARTHSIDE-BACKUP\x00\x01\n"
FORMAT = "hearthside-backup"
FORMAT_VERSION = 1
CHUNK = 1 << 20
_FINGERPRINT_BYTES = 8
_SALT_BYTES = 32
_HEADER_BYTES = len(MAGIC) + _FINGERPRINT_BYTES + _SALT_BYTES
_LENGTH = struct.Struct(">I")
_INDEX = struct.Struct(">Q")
_DATA, _MANIFEST = b"D", b"M"
# A record is never larger than a chunk plus its kind byte and tag; the manifest is far smaller.
_MAX_SEALED = CHUNK + 1 + 16

SQLITE, POSTGRESQL = "sqlite", "postgresql"


class BackupError(Exception):
    """A backup cannot be made, read or restored; the message tells the operator why."""


# ---------------------------------------------------------------------------------------------
# The backup key


def new_backup_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def parse_backup_key(value: str, data_keys: list[tuple[str, bytes]] = ()) -> bytes | None:
    """``HEARTHSIDE_BACKUP_KEY``: 32 random bytes in URL-safe base64, or unset (no backups)."""
    value = value.strip()
    if not value:
        return None
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ConfigError("HEARTHSIDE_BACKUP_KEY is not valid base64 "
                          "(generate one with `hearthside backup --new-key`)") from None
    if len(raw) != 32:
        raise ConfigError("HEARTHSIDE_BACKUP_KEY must be 32 bytes in base64 "
                          "(generate one with `hearthside backup --new-key`)")
    if any(raw == key for _kid, key in data_keys):
        # One leaked secret must not open both the live data and every backup.
        raise ConfigError("HEARTHSIDE_BACKUP_KEY must not be one of the HEARTHSIDE_DATA_KEYS")
    return raw


def configured_key() -> bytes:
    from django.conf import settings

    key = getattr(settings, "BACKUP_KEY", None)
    if not key:
        raise BackupError("no backup key is configured: set HEARTHSIDE_BACKUP_KEY "
                          "(generate one with `hearthside backup --new-key`, and keep it apart from the data keys)")
    return key


def key_fingerprint(key: bytes) -> str:
    """A short public name for a backup key, written in each file, so a wrong key is named as such."""
    return hashlib.sha256(b"hearthside-backup-key\x00" + key).hexdigest()[: 2 * _FINGERPRINT_BYTES]


def _file_cipher(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"hearthside backup file v1").derive(key)
    return AESGCM(derived)


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + _INDEX.pack(index)


# ---------------------------------------------------------------------------------------------
# Sealing and opening the file


class _Sealer:
    def __init__(self, out: BinaryIO, key: bytes):
        salt = os.urandom(_SALT_BYTES)
        self.header = MAGIC + bytes.fromhex(key_fingerprint(key)) + salt
        self.cipher = _file_cipher(key, salt)
        self.out = out
        self.index = 0
        self.digest = hashlib.sha256()
        self.size = 0
        out.write(self.header)

    def _record(self, kind: bytes, payload: bytes) -> None:
        sealed = self.cipher.encrypt(_nonce(self.index), kind + payload, self.header + _INDEX.pack(self.index))
        self.out.write(_LENGTH.pack(len(sealed)) + sealed)
        self.index += 1

    def data(self, chunk: bytes) -> None:
        for start in range(0, len(chunk), CHUNK):
            piece = chunk[start:start + CHUNK]
            self.digest.update(piece)
            self.size += len(piece)
            self._record(_DATA, piece)

    def finish(self, manifest: dict) -> None:
        manifest["dump"] = {"sha256": self.digest.hexdigest(), "bytes": self.size}
        self._record(_MANIFEST, json.dumps(manifest, sort_keys=True).encode("utf-8"))


def _records(handle: BinaryIO, key: bytes) -> Iterator[tuple[bytes, bytes]]:
    header = handle.read(_HEADER_BYTES)
    if len(header) < _HEADER_BYTES or not header.startswith(MAGIC):
        raise BackupError("not a Hearthside backup file (or its beginning is damaged)")
    written_with = header[len(MAGIC):len(MAGIC) + _FINGERPRINT_BYTES].hex()
    if written_with != key_fingerprint(key):
        raise BackupError(f"wrong backup key: this file was written with backup key {written_with}, "
                          f"the configured HEARTHSIDE_BACKUP_KEY is {key_fingerprint(key)}")
    cipher = _file_cipher(key, header[-_SALT_BYTES:])
    index = 0
    while True:
        length = handle.read(_LENGTH.size)
        if not length:
            return
        if len(length) < _LENGTH.size:
            raise BackupError(f"backup file is truncated (in record {index})")
        (size,) = _LENGTH.unpack(length)
        if size > _MAX_SEALED or size < 17:
            raise BackupError(f"backup file is damaged (record {index} has an impossible length)")
        sealed = handle.read(size)
        if len(sealed) < size:
            raise BackupError(f"backup file is truncated (in record {index})")
        try:
            plain = cipher.decrypt(_nonce(index), sealed, header + _INDEX.pack(index))
        except InvalidTag:
            raise BackupError(f"backup file is damaged or was altered: record {index} fails authentication") from None
        yield plain[:1], plain[1:]
        index += 1


def read_backup(path: str | os.PathLike, key: bytes, sink: Callable[[bytes], object] | None = None) -> dict:
    """Decrypt and check a backup, giving the dump to ``sink`` chunk by chunk; returns the manifest.

    Raises ``BackupError`` on any damage, a wrong key, a missing manifest or a checksum mismatch.
    ``sink`` has seen everything only once this returns: a caller that must not act on a damaged
    dump reads the file twice (``restore`` does)."""
    digest = hashlib.sha256()
    size = 0
    manifest = None
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, also on error
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        for kind, payload in _records(handle, key):
            if manifest is not None:
                raise BackupError("backup file is damaged: records follow the manifest")
            if kind == _DATA:
                digest.update(payload)
                size += len(payload)
                if sink is not None:
                    sink(payload)
            elif kind == _MANIFEST:
                manifest = json.loads(payload.decode("utf-8"))
            else:
                raise BackupError("backup file is damaged: unknown record kind")
    if manifest is None:
        raise BackupError("backup file is truncated: its manifest is missing")
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"unsupported backup format {manifest.get('format')!r} version {manifest.get('version')!r}")
    if manifest.get("dump") != {"sha256": digest.hexdigest(), "bytes": size}:
        raise BackupError("backup checksum mismatch: the dump does not match its manifest")
    return manifest


# ---------------------------------------------------------------------------------------------
# Reading the state of a database (for the manifest and for checking a restore)


def engine_of(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return SQLITE
    if engine.endswith(("postgresql", "postgis")):
        return POSTGRESQL
    raise BackupError(f"backups support SQLite and PostgreSQL, not {engine}")


def pg_params(settings_dict: dict) -> dict:
    params = {"dbname": settings_dict.get("NAME") or "postgres"}
    for name, key in (("USER", "user"), ("PASSWORD", "password"), ("HOST", "host"), ("PORT", "port")):
        if settings_dict.get(name):
            params[key] = str(settings_dict[name])
    for key, value in (settings_dict.get("OPTIONS") or {}).items():
        if key in _PG_ENV:
            params[key] = str(value)
    return params


# Connection options that the libpq tools read from the environment (so no password is in argv).
_PG_ENV = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT",
           "sslkey": "PGSSLKEY", "connect_timeout": "PGCONNECT_TIMEOUT"}


def _pg_env(settings_dict: dict) -> dict:
    params = pg_params(settings_dict)
    env = dict(os.environ)
    names = {"dbname": "PGDATABASE", "user": "PGUSER", "password": "PGPASSWORD", "host": "PGHOST",
             "port": "PGPORT", **_PG_ENV}
    for key, value in params.items():
        env[names[key]] = value
    return env


def connect(settings_dict: dict):
    """A plain DB-API connection (autocommit on PostgreSQL), apart from Django's own."""
    if engine_of(settings_dict) == SQLITE:
        return sqlite3.connect(settings_dict["NAME"])
    import psycopg

    try:
        return psycopg.connect(**pg_params(settings_dict), autocommit=True)
    except psycopg.OperationalError as exc:
        raise BackupError(f"cannot connect to the {_describe(settings_dict)}: {str(exc).strip()}") from None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_names(cursor, engine: str) -> list[str]:
    if engine == SQLITE:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    else:
        cursor.execute("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
    return sorted(row[0] for row in cursor.fetchall())


@dataclass
class DatabaseState:
    tables: dict[str, int] = field(default_factory=dict)
    migrations: dict[str, list[str]] = field(default_factory=dict)


def _state(cursor, engine: str) -> DatabaseState:
    state = DatabaseState()
    for table in table_names(cursor, engine):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 - a quoted table name
        state.tables[table] = cursor.fetchone()[0]
    if "django_migrations" in state.tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            state.migrations.setdefault(app, []).append(name)
    return state


def database_state(settings_dict: dict) -> DatabaseState:
    engine = engine_of(settings_dict)
    if engine == SQLITE and not Path(settings_dict["NAME"]).exists():
        return DatabaseState()
    conn = connect(settings_dict)
    try:
        return _state(conn.cursor(), engine)
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# Taking a backup


def _manifest(engine: str, state: DatabaseState) -> dict:
    from django.conf import settings

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "migrations": state.migrations,
        "tables": state.tables,
        # The ids only, never the keys: the encrypted fields in this dump need these data keys.
        "data_key_ids": [kid for kid, _key in settings.DATA_KEYS],
    }


def _sqlite_dump(settings_dict: dict, sealer: _Sealer) -> DatabaseState:
    source = Path(settings_dict["NAME"])
    if not source.exists():
        raise BackupError(f"the SQLite database {source} does not exist")
    fd, copy = tempfile.mkstemp(prefix=".hearthside-backup-", suffix=".sqlite3", dir=source.parent)
    os.close(fd)
    try:
        src, dst = sqlite3.connect(source), sqlite3.connect(copy)
        try:
            # The online backup API copies a consistent snapshot while the site keeps writing;
            # copying the file itself would miss what still sits in the WAL.
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            state = _state(dst.cursor(), SQLITE)
        finally:
            src.close()
            dst.close()
        with open(copy, "rb") as handle:
            while chunk := handle.read(CHUNK):
                sealer.data(chunk)
        return state
    finally:
        os.unlink(copy)


def _run_tool(argv: list[str], settings_dict: dict, **popen) -> subprocess.Popen:
    if shutil.which(argv[0]) is None:
        raise BackupError(f"{argv[0]} is not installed (Debian: apt install postgresql-client)")
    return subprocess.Popen(argv, env=_pg_env(settings_dict), **popen)  # noqa: S603 - fixed argv


class _Deadline:
    """A libpq tool (``_run_tool``) that is stopped after ``timeout`` seconds (default
    ``HEARTHSIDE_BACKUP_TIMEOUT``): a dump blocked on a lock or a server that stopped answering
    must not hold ``hearthside backup`` (and a cron job's next run) for ever. The tool runs in a
    process group of its own and the whole group is killed, so nothing it started keeps our pipe
    open. ``wait()`` raises ``BackupError`` when the deadline stopped it."""

    def __init__(self, argv: list[str], settings_dict: dict, timeout: float | None = None, **popen) -> None:
        from django.conf import settings

        self.name = argv[0]
        self.timeout = settings.BACKUP_TIMEOUT if timeout is None else timeout
        self.proc = _run_tool(argv, settings_dict, start_new_session=True, **popen)
        self.expired = threading.Event()
        self._timer = threading.Timer(self.timeout, self.kill, kwargs={"expired": True})
        self._timer.daemon = True
        self._timer.start()

    def kill(self, *, expired: bool = False) -> None:
        if expired:
            self.expired.set()
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def wait(self) -> int:
        try:
            code = self.proc.wait()
        finally:
            self._timer.cancel()
        if self.expired.is_set():
            raise BackupError(f"{self.name} was stopped: it did not finish within {self.timeout:g} s "
                              "(HEARTHSIDE_BACKUP_TIMEOUT sets the limit)")
        return code


def _pg_dump(settings_dict: dict, sealer: _Sealer) -> DatabaseState:
    conn = connect(settings_dict)
    try:
        cursor = conn.cursor()
        # One snapshot for the counts, the migration state and pg_dump itself, so the manifest
        # describes exactly the rows in the dump even while the site keeps writing.
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        state = _state(cursor, POSTGRESQL)
        with tempfile.TemporaryFile() as errors:
            tool = _Deadline(["pg_dump", "--format=custom", "--no-password", f"--snapshot={snapshot}"],
                             settings_dict, stdout=subprocess.PIPE, stderr=errors)
            proc = tool.proc
            assert proc.stdout is not None
            try:
                with proc.stdout:
                    while chunk := proc.stdout.read(CHUNK):
                        sealer.data(chunk)
            except BaseException:
                tool.kill()  # the file could not be written (a full disk): pg_dump goes too
                tool.wait()
                raise
            if tool.wait() != 0:
                errors.seek(0)
                raise BackupError(f"pg_dump failed: {errors.read().decode(errors='replace').strip()}")
        cursor.execute("COMMIT")
        return state
    finally:
        conn.close()


def create_backup(output: str | os.PathLike, key: bytes, settings_dict: dict) -> dict:
    """Write an encrypted backup of the database ``settings_dict`` to ``output``; returns the manifest.

    The file appears under its name only when complete; an existing file is never overwritten."""
    output = Path(output)
    engine = engine_of(settings_dict)
    if output.exists():
        raise BackupError(f"{output} already exists; choose another name")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BackupError(f"{partial} exists: another backup is being written, or an old one failed "
                          "(delete it if no backup is running)") from None
    try:
        with os.fdopen(fd, "wb") as out:
            sealer = _Sealer(out, key)
            state = _sqlite_dump(settings_dict, sealer) if engine == SQLITE else _pg_dump(settings_dict, sealer)
            manifest = _manifest(engine, state)
            sealer.finish(manifest)
            out.flush()
            os.fsync(out.fileno())
        # A hard link fails if the name was taken meanwhile, where a rename would replace it.
        os.link(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


# ---------------------------------------------------------------------------------------------
# Restoring


@dataclass
class RestoreReport:
    manifest: dict
    # Migrations the running code has and the restored database lacks: `hearthside migrate` applies them.
    unapplied: list[str]
    # Migrations in the backup that the running code does not know: the backup is from newer code.
    unknown: list[str]
    missing_data_keys: list[str]


def missing_data_keys(manifest: dict) -> list[str]:
    from django.conf import settings

    configured = {kid for kid, _key in settings.DATA_KEYS}
    return [kid for kid in manifest.get("data_key_ids", []) if kid not in configured]


def _code_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def _describe(settings_dict: dict) -> str:
    if engine_of(settings_dict) == SQLITE:
        return f"SQLite file {settings_dict['NAME']}"
    return f"PostgreSQL database {settings_dict.get('NAME')!r}"


def _restore_sqlite(path: Path, key: bytes, settings_dict: dict) -> None:
    target = Path(settings_dict["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, plain = tempfile.mkstemp(prefix=".hearthside-restore-", suffix=".sqlite3", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            read_backup(path, key, sink=handle.write)
        src, dst = sqlite3.connect(plain), sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    finally:
        os.unlink(plain)


def _restore_postgresql(path: Path, key: bytes, settings_dict: dict) -> None:
    with tempfile.TemporaryFile() as errors:
        # --single-transaction: a restore that fails leaves the database as empty as it was.
        # Stopped at the deadline, pg_restore's one transaction is rolled back: the database stays empty.
        tool = _Deadline(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                          "--no-password", f"--dbname={settings_dict.get('NAME') or 'postgres'}"],
                         settings_dict, stdin=subprocess.PIPE, stderr=errors)
        proc = tool.proc
        assert proc.stdin is not None
        try:
            with proc.stdin:
                read_backup(path, key, sink=proc.stdin.write)
        except BrokenPipeError:
            pass  # pg_restore stopped early (or was stopped); its exit status and message say why
        except BaseException:
            tool.kill()
            tool.wait()
            raise
        if tool.wait() != 0:
            errors.seek(0)
            raise BackupError(f"pg_restore failed: {errors.read().decode(errors='replace').strip()}")


def restore_backup(path: str | os.PathLike, key: bytes, settings_dict: dict) -> RestoreReport:
    """Restore a backup into the EMPTY database ``settings_dict`` and check the result.

    The file is read twice: once to verify all of it, then again into the database, so a damaged
    file never writes half a database."""
    path = Path(path)
    manifest = read_backup(path, key)
    engine = engine_of(settings_dict)
    if manifest["engine"] != engine:
        raise BackupError(f"this is a backup of a {manifest['engine']} database; the target is {engine}")
    existing = database_state(settings_dict).tables
    if existing:
        names = ", ".join(sorted(existing)[:3])
        raise BackupError(f"refusing to restore: the {_describe(settings_dict)} is not empty "
                          f"({len(existing)} tables, e.g. {names}). Restore only into a new, empty database.")
    if engine == SQLITE:
        _restore_sqlite(path, key, settings_dict)
    else:
        _restore_postgresql(path, key, settings_dict)
    restored = database_state(settings_dict)
    if restored.migrations != manifest["migrations"]:
        raise BackupError("the restored database's migration state differs from the backup's manifest")
    if restored.tables != manifest["tables"]:
        differ = sorted(t for t in set(restored.tables) | set(manifest["tables"])
                        if restored.tables.get(t) != manifest["tables"].get(t))
        raise BackupError(f"the restored row counts differ from the backup's manifest in: {', '.join(differ)}")
    in_backup = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    in_code = _code_migrations()
    return RestoreReport(
        manifest=manifest,
        unapplied=sorted(f"{app}.{name}" for app, name in in_code - in_backup),
        unknown=sorted(f"{app}.{name}" for app, name in in_backup - in_code),
        missing_data_keys=missing_data_keys(manifest),
    )
