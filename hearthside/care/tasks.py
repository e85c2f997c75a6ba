"""Background tasks of counselling."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_appointment_reminder_email(appointment_id: int, user_id: int) -> int:
    from django.utils import translation
    from django.utils.translation import gettext as _

    from hearthside.accounts.models import User

    from .actions import _format_for
    from .models import Appointment

    appointment = Appointment.objects.filter(pk=appointment_id, status=Appointment.Status.BOOKED).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if appointment is None or user is None or not user.email:
        return 0
    with translation.override(user.language or "en"):
        # The email names no one and says nothing clinical: mailboxes are not private.
        text = _("Reminder: you have a session on %(w)s.") % {"w": _format_for(appointment.starts_at, user)}
    return send_mail(f"[{settings.SITE_NAME}] {text}", f"{text}\n\n{settings.SITE_URL}/care/appointments/\n",
                     settings.DEFAULT_FROM_EMAIL, [user.email])


@task()
def send_practitioner_risk_email(notice_id: int) -> int:
    """Tell a practitioner by e-mail that a client needs their attention. Claimed with a
    conditional UPDATE, so a task run twice sends once."""
    from django.utils import timezone, translation
    from django.utils.translation import gettext as _

    from .models import RiskNotice

    notice = RiskNotice.objects.select_related("relationship__practitioner__user").filter(pk=notice_id).first()
    if notice is None or not RiskNotice.objects.filter(pk=notice_id, emailed_at__isnull=True).update(
            emailed_at=timezone.now()):
        return 0
    user = notice.relationship.practitioner.user
    if not user.is_active or not user.email:
        return 0
    with translation.override(user.language or "en"):
        # No name, no feature, nothing clinical: mailboxes are not private. Only that someone
        # needs attention, and where to look once signed in.
        subject = _("A client needs your attention")
        text = _("One of your clients may need your attention. Sign in to see who and why:")
    return send_mail(f"[{settings.SITE_NAME}] {subject}",
                     f"{text}\n\n{settings.SITE_URL}/care/clients/{notice.relationship_id}/\n",
                     settings.DEFAULT_FROM_EMAIL, [user.email])
