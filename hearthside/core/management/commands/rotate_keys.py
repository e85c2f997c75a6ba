from django.conf import settings
from django.core.management.base import BaseCommand

from hearthside.core.rotation import rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the newest data key. In development, --new-key first "
        "adds a fresh key under var/; in production put the new key first in HEARTHSIDE_DATA_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--new-key", action="store_true", help="development only: generate a new key first")

    def handle(self, *args, **options):
        if options["new_key"]:
            if settings.PRODUCTION:
                self.stderr.write("--new-key is for development; in production set HEARTHSIDE_DATA_KEYS.")
                return
            from hearthside.core.keys import add_dev_data_key, dev_data_keys, parse_data_keys

            kid = add_dev_data_key(settings.VAR_DIR)
            settings.DATA_KEYS = parse_data_keys(dev_data_keys(settings.VAR_DIR))
            self.stdout.write(f"new data key {kid} is now current")
        counts = rotate_all()
        total = sum(counts.values())
        for label, n in sorted(counts.items()):
            self.stdout.write(f"{label}: {n} rows re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"done: {total} rows now use key {settings.DATA_KEYS[0][0]}"))
