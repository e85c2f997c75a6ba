"""Background tasks of the friends app (django-tasks, like the safety alert emails)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _
from django_tasks import task

from hearthside.core.i18n import in_language_of


@task()
def send_reach_out_email(reach_out_id: int) -> int:
    from .actions import display_name
    from .models import ReachOut

    reach_out = ReachOut.objects.filter(pk=reach_out_id).select_related("sender__peer_profile").first()
    if reach_out is None:
        return 0
    name = display_name(reach_out.sender)
    # The message itself stays in the app: the email says only who and where, never health data.
    # Each recipient gets it in their own language.
    messages = []
    for delivery in reach_out.deliveries.select_related("recipient").filter(seen_at__isnull=True):
        recipient = delivery.recipient
        if not recipient.email or not recipient.is_active:
            continue
        with in_language_of(recipient):
            subject = f"[{settings.SITE_NAME}] " + _("%(name)s reached out to their circle") % {"name": name}
            body = (_("%(name)s reached out to you, as someone in their circle of support.") % {"name": name}
                    + "\n\n" + _("Read it and reply:") + f" {settings.SITE_URL}/friends/reach-outs/\n")
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0
