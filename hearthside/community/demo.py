"""Demo content for communities: an upcoming facilitated meeting (idempotent)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from hearthside.core.demo_texts import MEETING_DESCRIPTION


def load(stdout) -> None:
    from hearthside.accounts.models import User
    from hearthside.community.models import Group, Meeting, MeetingRSVP

    group = Group.objects.filter(slug="living-with-anxiety").first()
    peer = User.objects.filter(username="demo-peer").first()
    if group is None or peer is None:
        return
    now = timezone.now()
    if Meeting.objects.filter(group=group, title="Evening check-in circle", starts_at__gt=now).exists():
        return
    start = (now + timedelta(days=1)).replace(hour=18, minute=0, second=0, microsecond=0)
    meeting = Meeting.objects.create(
        group=group, title="Evening check-in circle", facilitator=peer, starts_at=start, duration_minutes=60,
        capacity=12, description=MEETING_DESCRIPTION)
    for username in ("demo-peer", "demo-member"):
        user = User.objects.filter(username=username).first()
        if user is not None:
            MeetingRSVP.objects.get_or_create(meeting=meeting, user=user)
    stdout.write("  communities: a facilitated meeting tomorrow in Living with anxiety")
