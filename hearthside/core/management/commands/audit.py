from django.core.management.base import BaseCommand, CommandError

from hearthside.core.audit import verify_anchor, verify_chain


class Command(BaseCommand):
    help = ("Audit log tools. 'hearthside audit verify' checks the keyed hash chain; with --anchor FILE it also "
            "checks every event written to the anchor file is still there, unchanged.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])
        parser.add_argument("--anchor", default="", help="the anchor file (HEARTHSIDE_AUDIT_ANCHOR_FILE, or a copy)")

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(f"audit chain BROKEN after {result.checked} good events: {result.problem}")
        message = f"audit chain intact: {result.checked} events verified"
        if options["anchor"]:
            anchored = verify_anchor(options["anchor"])
            if not anchored.ok:
                raise CommandError(f"audit chain does NOT match its anchor: {anchored.problem}")
            message += f"; {anchored.checked} anchored events match"
        self.stdout.write(self.style.SUCCESS(message))
