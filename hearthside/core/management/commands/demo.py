"""Load demo content: one account per role, clearly marked as demo. Refused in production."""

from __future__ import annotations

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_PASSWORD = "demo-hearthside-2026"
DEMO_MODULES = ["community", "care", "companion", "supportline", "friends"]
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
        from hearthside.safety.directory import load_directory_if_empty

        load_directory_if_empty()
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
            self._selfcare_history(User.objects.get(username="demo-member"))
            self._duty(User.objects.get(username="demo-moderator"))
            self._groups(User.objects.filter(username__in=["demo-member", "demo-member2", "demo-peer"]))
            for app in DEMO_MODULES:
                # Each feature app may add its own demo content in hearthside/<app>/demo.py: load(stdout).
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

    def _selfcare_history(self, user):
        """Six weeks of varied check-ins and two questionnaires, so insights have something to show."""
        import random
        from datetime import timedelta

        from django.utils import timezone

        from hearthside.selfcare.actions import check_submit_questionnaire
        from hearthside.selfcare.models import CheckIn

        if CheckIn.objects.filter(user=user).exists():
            return
        rng = random.Random(7)  # the same demo every time
        now = timezone.now()
        rows = []
        for day in range(42):
            walked = rng.random() < 0.5
            slept = round(rng.uniform(5, 9) * 2) / 2
            mood = max(1, min(10, round(4 + (1.5 if walked else 0) + (slept - 7) * 0.6 + rng.gauss(0, 1.2))))
            rows.append(CheckIn(
                user=user, at=now - timedelta(days=day, hours=rng.randint(0, 10)), mood=mood,
                emotions=rng.sample(["calm", "tired", "anxious", "hopeful", "content", "stressed"], k=2),
                activities=(["outdoors"] if walked else []) + (["friends"] if rng.random() < 0.3 else []),
                sleep_hours=slept,
            ))
        CheckIn.objects.bulk_create(rows)
        check_submit_questionnaire(user, "gad7", {"1": 2, "2": 1, "3": 2, "4": 1, "5": 0, "6": 1, "7": 1})
        check_submit_questionnaire(user, "who5", {"1": 3, "2": 2, "3": 2, "4": 2, "5": 3})

    def _duty(self, user):
        from datetime import timedelta

        from django.utils import timezone

        from hearthside.safety.models import DutyShift

        now = timezone.now()
        if not DutyShift.objects.filter(user=user, ends_at__gt=now).exists():
            DutyShift.objects.create(user=user, starts_at=now, ends_at=now + timedelta(days=7), note="demo shift")

    def _groups(self, people):
        from hearthside.community.models import Group, Membership
        from hearthside.core import demo_texts

        # Stored in English; pages show the description and guidelines in each reader's language.
        for slug, (name, topic, description) in demo_texts.GROUPS.items():
            group, created = Group.objects.get_or_create(slug=slug, defaults={
                "name": name, "topic": topic, "description": description,
                "guidelines": demo_texts.GROUP_GUIDELINES,
            })
            if created:
                for person in people:
                    role = Membership.Role.FACILITATOR if person.username == "demo-peer" else Membership.Role.MEMBER
                    Membership.objects.get_or_create(group=group, user=person, defaults={"role": role})
