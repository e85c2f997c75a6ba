from django.core.management.base import BaseCommand

from hearthside.paging.push import generate_vapid_keys


class Command(BaseCommand):
    help = ("Paging tools: 'vapid-keys' prints a fresh VAPID key pair for Web Push, as environment "
            "lines (HEARTHSIDE_VAPID_PUBLIC_KEY, HEARTHSIDE_VAPID_PRIVATE_KEY). Keep the private key secret; "
            "changing the pair later means every staff browser must turn push on again.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["vapid-keys"])

    def handle(self, *args, **options):
        public, private = generate_vapid_keys()
        self.stdout.write(f"HEARTHSIDE_VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"HEARTHSIDE_VAPID_PRIVATE_KEY={private}")
