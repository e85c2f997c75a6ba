"""``hearthside restore FILE``: restore an encrypted backup into an empty database."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from hearthside.core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup written by 'hearthside backup' into the configured database, which must be new and "
        "empty (SQLite: a missing or empty file; PostgreSQL: a database just made with createdb). Then checks "
        "the migration state and row counts against the backup's manifest. Afterwards erase again the "
        "accounts erased since the backup was taken (docs/deploy.md, 'Backups')."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="", help="the backup file")
        parser.add_argument("--reapply-erasures", metavar="IDS_FILE", default="",
                            help="erase again the accounts listed (one id a line, as written by "
                                 "'hearthside backup erasures --since ...'); alone, without FILE, after a migrate")

    def handle(self, *args, **options):
        erase_ids = _read_ids(options["reapply_erasures"]) if options["reapply_erasures"] else None
        if not options["file"]:
            if erase_ids is None:
                raise CommandError("usage: hearthside restore FILE [--reapply-erasures IDS_FILE]")
            return self.reapply(erase_ids)
        # The command's own connection (kept open by CONN_MAX_AGE) must not hold the target.
        connections.close_all()
        target = connections["default"].settings_dict
        try:
            report = backup.restore_backup(options["file"], backup.configured_key(), target)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        manifest = report.manifest
        rows = sum(manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(
            f"restored the backup taken {manifest['created_at']}: {len(manifest['tables'])} tables, {rows} rows; "
            "migration state and row counts match its manifest"))
        if report.missing_data_keys:
            self.stderr.write(f"warning: encrypted fields need data keys not configured here: "
                              f"{', '.join(report.missing_data_keys)} (add them to HEARTHSIDE_DATA_KEYS)")
        if report.unknown:
            self.stderr.write(f"warning: the backup has migrations this code does not know ({', '.join(report.unknown)}): "
                              "it comes from a newer Hearthside; run that version")
        if report.unapplied:
            self.stdout.write(f"this code has {len(report.unapplied)} migrations newer than the backup: "
                              "run `hearthside migrate` before starting the site")
            if erase_ids is not None:
                # Erasure goes through today's models, which need today's tables.
                self.stdout.write("erasures NOT re-applied yet: after `hearthside migrate`, run "
                                  f"`hearthside restore --reapply-erasures {options['reapply_erasures']}`")
                return
        if erase_ids is not None:
            self.reapply(erase_ids)
        else:
            self.stdout.write(f"Now erase again every account erased since {manifest['created_at']}: "
                              "`hearthside restore --reapply-erasures IDS_FILE` (docs/deploy.md, 'Backups').")

    def reapply(self, ids: list[int]) -> None:
        from hearthside.accounts.actions import erase_user_now
        from hearthside.accounts.models import User

        erased = 0
        for account_id in ids:
            user = User.objects.filter(pk=account_id).first()
            if user is not None:
                erase_user_now(user)
                erased += 1
        self.stdout.write(self.style.SUCCESS(
            f"erasures re-applied: {erased} accounts erased again, {len(ids) - erased} already absent"))


def _read_ids(path: str) -> list[int]:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = [line.split("#", 1)[0].strip() for line in handle]
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    ids = []
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        if not line.isdigit():
            raise CommandError(f"{path}, line {number}: {line!r} is not an account id")
        ids.append(int(line))
    return ids
