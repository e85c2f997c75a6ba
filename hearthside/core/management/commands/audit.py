from django.core.management.base import BaseCommand, CommandError

from hearthside.core.audit import verify_chain


class Command(BaseCommand):
    help = "Audit log tools. 'hearthside audit verify' checks the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(f"audit chain BROKEN after {result.checked} good events: {result.problem}")
        self.stdout.write(self.style.SUCCESS(f"audit chain intact: {result.checked} events verified"))
