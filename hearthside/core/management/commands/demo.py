"""Load demo content: one account per role, clearly marked as demo. Refused in production."""

from __future__ import annotations

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_PASSWORD = "demo-hearthside-2026"
# Each feature app adds its own demo content in hearthside/<app>/demo.py (``load(stdout)``), in
# this order; core knows no feature (docs/architecture.md).
DEMO_MODULES = ["safety", "selfcare", "community", "care", "companion", "supportline", "friends"]
DEMO_ACCOUNTS = [
    # login name, pseudonym, roles
    ("demo-member", "River (demo)", []),
    ("demo-member2", "Sky (demo)", []),
    ("demo-peer", "Alex, peer supporter (demo)", ["peer_supporter"]),
    ("demo-practitioner", "Dr Sam Rivera (demo)", ["practitioner"]),
    ("demo-moderator", "Jo, moderator (demo)", ["moderator"]),
    ("demo-supervisor", "Dr Lee, supervisor (demo)", ["clinical_supervisor"]),
    ("demo-admin", "Admin (demo)", ["administrator"]),
]


class Command(BaseCommand):
    help = f"Create demo accounts (password '{DEMO_PASSWORD}') and demo content. Not available in production."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("demo content is disabled in production")
        from hearthside.accounts.actions import do_give_consent, do_grant_role, ensure_consent_documents
        from hearthside.accounts.models import User
        ensure_consent_documents()
        created = 0
        with transaction.atomic():
            for username, pseudonym, roles in DEMO_ACCOUNTS:
                user = User.objects.filter(username=username).first()
                if user is None:
                    user = User.objects.create_user(
                        username, DEMO_PASSWORD, pseudonym=pseudonym, is_demo=True, country="GB",
                        time_zone="Europe/London",
                    )
                    created += 1
                    for purpose in ("privacy", "health_data"):
                        do_give_consent(user, purpose)
                for role in roles:
                    do_grant_role(user, role)
            for app in DEMO_MODULES:
                try:
                    module = importlib.import_module(f"hearthside.{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"hearthside.{app}.demo":
                        raise
                    continue
                module.load(self.stdout)
        self.stdout.write(f"demo content ready ({created} new accounts). Password for every demo account: {DEMO_PASSWORD}")
        for username, _pseudonym, roles in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<20} {', '.join(roles) or 'member'}")
