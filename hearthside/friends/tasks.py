"""Background tasks of the friends app (django-tasks, like the safety alert emails)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django_tasks import task


@task()
def send_reach_out_email(reach_out_id: int) -> int:
    from .actions import display_name
    from .models import ReachOut

    reach_out = ReachOut.objects.filter(pk=reach_out_id).select_related("sender__peer_profile").first()
    if reach_out is None:
        return 0
    name = display_name(reach_out.sender)
    # The message itself stays in the app: the email says only who and where, never health data.
    subject = f"[{settings.SITE_NAME}] {name} reached out to their circle"
    body = (f"{name} reached out to you, as someone in their circle of support.\n\n"
            f"Read it and reply: {settings.SITE_URL}/friends/reach-outs/\n")
    messages = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, [d.recipient.email])
        for d in reach_out.deliveries.select_related("recipient").filter(seen_at__isnull=True)
        if d.recipient.email and d.recipient.is_active
    ]
    return send_mass_mail(messages, fail_silently=False) if messages else 0
