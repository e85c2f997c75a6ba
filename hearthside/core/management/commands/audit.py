from django.core.management.base import BaseCommand, CommandError

from hearthside.core.audit import verify_anchor, verify_chain


class Command(BaseCommand):
    help = ("Audit log tools. 'hearthside audit verify' checks the keyed hash chain; with --anchor FILE it also "
            "checks every event written to the anchor file is still there, unchanged. 'hearthside audit unseal "
            "--seq N --by ADMIN --reason ...' opens a sealed event (an anonymous act), and records that it did.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "unseal"])
        parser.add_argument("--seq", type=int, help="unseal: the event's number")
        parser.add_argument("--by", default="", help="unseal: the administrator's login name")
        parser.add_argument("--reason", default="", help="unseal: why (recorded)")
        parser.add_argument("--anchor", default="", help="the anchor file (HEARTHSIDE_AUDIT_ANCHOR_FILE, or a copy)")

    def handle(self, *args, **options):
        if options["action"] == "unseal":
            return self.unseal(options)
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

    def unseal(self, options):
        from django.core.exceptions import PermissionDenied, ValidationError

        from hearthside.accounts.models import User
        from hearthside.core.audit import unseal

        by = User.objects.filter(username=options["by"].strip().lower()).first()
        try:
            who = unseal(options["seq"] or 0, by=by, reason=options["reason"])
        except (PermissionDenied, ValidationError) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from None
        self.stdout.write(f"event #{options['seq']}: actor {who['actor']}, subject {who['subject']} (this opening is recorded)")
