"""Background tasks of self-help."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_reminder_email(reminder_id: int) -> int:
    from .actions import REMINDER_TEXT
    from .models import Reminder

    reminder = Reminder.objects.select_related("user").filter(pk=reminder_id, active=True).first()
    if reminder is None or not reminder.user.email:
        return 0
    from django.utils import translation
    from django.utils.translation import gettext as _

    text, url = REMINDER_TEXT[reminder.kind]
    with translation.override(reminder.user.language or "en"):
        text = _(text)
    return send_mail(f"[{settings.SITE_NAME}] {text}", f"{text}\n\n{settings.SITE_URL}{url}\n",
                     settings.DEFAULT_FROM_EMAIL, [reminder.user.email])
