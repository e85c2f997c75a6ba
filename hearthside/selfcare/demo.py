"""Demo content for self-care: six weeks of varied check-ins and two questionnaires for the demo
member, so that insights have something to show (idempotent)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone


def load(stdout) -> None:
    from hearthside.accounts.models import User

    from . import checkin_days
    from .actions import check_submit_questionnaire
    from .models import CheckIn

    user = User.objects.filter(username="demo-member").first()
    if user is None or CheckIn.objects.filter(user=user).exists():
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
    checkin_days.rebuild(user.pk)  # bulk_create bypasses the actions, which keep the day summaries
    check_submit_questionnaire(user, "gad7", {"1": 2, "2": 1, "3": 2, "4": 1, "5": 0, "6": 1, "7": 1})
    check_submit_questionnaire(user, "who5", {"1": 3, "2": 2, "3": 2, "4": 2, "5": 3})
    stdout.write("  self-care: six weeks of check-ins, a GAD-7 and a WHO-5 for demo-member")
