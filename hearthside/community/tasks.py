"""Background tasks of communities (django-tasks, database-backed worker)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_meeting_reminder_email(rsvp_id: int, text: str) -> int:
    from .models import MeetingRSVP

    rsvp = MeetingRSVP.objects.select_related("user", "meeting__group").filter(pk=rsvp_id).first()
    if rsvp is None or not rsvp.user.email or rsvp.meeting.cancelled_at is not None:
        return 0
    url = f"{settings.SITE_URL}/groups/{rsvp.meeting.group.slug}/meetings/{rsvp.meeting_id}/"
    return send_mail(f"[{settings.SITE_NAME}] {text}", f"{text}\n\n{url}\n", settings.DEFAULT_FROM_EMAIL,
                     [rsvp.user.email])
