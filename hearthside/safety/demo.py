"""Demo content for the safety layer: the crisis-line directory, and the demo moderator on duty for
the coming week, so that an alert reaches someone (idempotent)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone


def load(stdout) -> None:
    from hearthside.accounts.models import User

    from .directory import load_directory_if_empty
    from .models import DutyShift

    load_directory_if_empty()
    user = User.objects.filter(username="demo-moderator").first()
    if user is None:
        return
    now = timezone.now()
    if not DutyShift.objects.filter(user=user, ends_at__gt=now).exists():
        DutyShift.objects.create(user=user, starts_at=now, ends_at=now + timedelta(days=7), note="demo shift")
        stdout.write("  safety: demo-moderator on duty for the next 7 days")
