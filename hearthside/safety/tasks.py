"""Background tasks of the safety layer (django-tasks, database backend: survives restarts)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from hearthside.core.i18n import in_language_of

# How the e-mail names a level (the stored level is the key), marked for the catalogue.
LEVEL_WORDS = {"none": gettext_noop("none"), "low": gettext_noop("low"), "moderate": gettext_noop("moderate"),
               "high": gettext_noop("high"), "imminent": gettext_noop("imminent"),
               "unknown": gettext_noop("unknown")}


@task()
def send_alert_email(alert_id: int, user_ids: list[int]) -> int:
    from hearthside.accounts.models import User

    from .models import SafetyAlert

    alert = SafetyAlert.objects.filter(pk=alert_id).first()
    if alert is None or alert.status != SafetyAlert.Status.OPEN:
        return 0
    # The email carries no content and no name: only that an alert waits, and where. Each person
    # gets it in their own language.
    messages = []
    for user in User.objects.filter(pk__in=user_ids).exclude(email=""):
        with in_language_of(user):
            words = {"level": _(LEVEL_WORDS.get(alert.level, alert.level)), "id": alert.pk,
                     "time": f"{alert.ack_deadline:%H:%M}"}
            subject = _("[Hearthside] A %(level)s safety alert needs acknowledgement") % words
            body = (_("A %(level)s safety alert (#%(id)s) is waiting for acknowledgement by %(time)s UTC.") % words
                    + "\n\n" + _("Open it:") + f" {settings.SITE_URL}/staff/safety/alerts/{alert.pk}/\n")
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0
