"""Background tasks of the safety layer (django-tasks, database backend: survives restarts)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django_tasks import task


@task()
def send_alert_email(alert_id: int, user_ids: list[int]) -> int:
    from hearthside.accounts.models import User

    from .models import SafetyAlert

    alert = SafetyAlert.objects.filter(pk=alert_id).first()
    if alert is None or alert.status != SafetyAlert.Status.OPEN:
        return 0
    # The email carries no content and no name: only that an alert waits, and where.
    subject = f"[Hearthside] {alert.level} safety alert needs acknowledgement"
    body = (
        f"A {alert.level} safety alert (#{alert.pk}) is waiting for acknowledgement by "
        f"{alert.ack_deadline:%H:%M} UTC.\n\nOpen it: {settings.SITE_URL}/staff/safety/alerts/{alert.pk}/\n"
    )
    messages = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, [u.email])
        for u in User.objects.filter(pk__in=user_ids).exclude(email="")
    ]
    return send_mass_mail(messages, fail_silently=False) if messages else 0
