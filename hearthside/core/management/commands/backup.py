"""``hearthside backup [--output FILE]``, ``hearthside backup verify FILE``, ``hearthside backup --new-key``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from hearthside.core import backup


class Command(BaseCommand):
    help = (
        "Encrypted backups (docs/deploy.md, 'Backups'). 'hearthside backup [--output FILE]' writes one, sealed "
        "with HEARTHSIDE_BACKUP_KEY; 'hearthside backup verify FILE' decrypts it, checks its checksum and "
        "manifest and prints its row counts; 'hearthside backup --new-key' prints a fresh backup key."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", nargs="?", choices=["create", "verify", "erasures"], default="create")
        parser.add_argument("file", nargs="?", help="verify: the backup file")
        parser.add_argument("--output", "-o", default="",
                            help="create: where to write (default var/backups/hearthside-<UTC time>.hsbackup)")
        parser.add_argument("--new-key", action="store_true", help="print a new random backup key and exit")
        parser.add_argument("--database", default="default", help="the database alias (default: default)")
        parser.add_argument("--since", default="",
                            help="erasures: list the accounts erased at or after this time (a backup's 'taken' time)")

    def handle(self, *args, **options):
        if options["new_key"]:
            self.stdout.write(f"HEARTHSIDE_BACKUP_KEY={backup.new_backup_key()}")
            self.stderr.write("Keep it in your secrets store, apart from HEARTHSIDE_DATA_KEYS and from the backups.")
            return
        if options["action"] == "erasures":
            return self.erasures(options["since"])
        try:
            key = backup.configured_key()
            if options["action"] == "verify":
                if not options["file"]:
                    raise CommandError("usage: hearthside backup verify FILE")
                self.verify(Path(options["file"]), key)
            else:
                if options["file"]:
                    raise CommandError("to name the file, use: hearthside backup --output FILE")
                self.create(options, key)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None

    def create(self, options, key: bytes) -> None:
        output = options["output"] or str(
            Path(settings.VAR_DIR) / "backups" / f"hearthside-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.hsbackup")
        manifest = backup.create_backup(output, key, connections[options["database"]].settings_dict)
        rows = sum(manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(
            f"backup written to {output}: {manifest['engine']}, {len(manifest['tables'])} tables, {rows} rows, "
            f"dump sha256 {manifest['dump']['sha256']}, backup key {backup.key_fingerprint(key)}, "
            f"data keys {', '.join(manifest['data_key_ids'])}"))

    def verify(self, path: Path, key: bytes) -> None:
        manifest = backup.read_backup(path, key)
        for table, count in sorted(manifest["tables"].items()):
            self.stdout.write(f"{table}: {count}")
        missing = backup.missing_data_keys(manifest)
        if missing:
            self.stderr.write(f"warning: this backup's encrypted fields need data keys not configured here: "
                              f"{', '.join(missing)}")
        rows = sum(manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(
            f"backup OK: taken {manifest['created_at']} from {manifest['engine']}, {len(manifest['tables'])} tables, "
            f"{rows} rows, {sum(len(v) for v in manifest['migrations'].values())} migrations, "
            f"data keys {', '.join(manifest['data_key_ids'])}, dump sha256 {manifest['dump']['sha256']} checked"))

    def erasures(self, since: str) -> None:
        """The ids of accounts erased since a backup was taken, one a line, from this database's
        audit log: the file ``hearthside restore --reapply-erasures`` reads after restoring it."""
        from django.utils.dateparse import parse_datetime

        from hearthside.core.models import AuditEvent

        when = parse_datetime(since)
        if when is None or when.tzinfo is None:
            raise CommandError("usage: hearthside backup erasures --since 2026-12-01T03:00:00+00:00 "
                               "(the backup's 'taken' time, with its UTC offset)")
        ids = (AuditEvent.objects.filter(action="account.erased", at__gte=when)
               .order_by("seq").values_list("object_id", flat=True))
        for account_id in ids:
            self.stdout.write(account_id)
