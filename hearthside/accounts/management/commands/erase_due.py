from django.core.management.base import BaseCommand

from hearthside.accounts.actions import erase_due_accounts


class Command(BaseCommand):
    help = "Erase accounts whose deletion grace period has passed (the worker also runs this)."

    def handle(self, *args, **options):
        n = erase_due_accounts()
        self.stdout.write(f"{n} account(s) erased")
