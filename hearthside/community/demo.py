"""Demo content for communities: the demo groups with their members, and an upcoming facilitated
meeting (idempotent)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from hearthside.core import demo_texts
from hearthside.core.demo_texts import MEETING_DESCRIPTION


def _groups() -> None:
    from hearthside.accounts.models import User
    from hearthside.community.models import Group, Membership

    people = User.objects.filter(username__in=["demo-member", "demo-member2", "demo-peer"])
    # The demo groups are for adults (Group.audience's default) and so are their demo members, as in
    # Friends, where their peer profiles say "18 or older": in youth mode they still see them.
    people.filter(age_band="").update(age_band="adult")
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


def load(stdout) -> None:
    from hearthside.accounts.models import User
    from hearthside.community.models import Group, Meeting, MeetingRSVP

    _groups()

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
