"""``manage.py checkin_days [--user NAME]``: sum up every day of check-ins again (selfcare.checkin_days).

A read repairs the days of its own window by itself; this is for after an import or a restore that
wrote check-ins without the actions, so that no first read pays for it.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from hearthside.selfcare import checkin_days
from hearthside.selfcare.models import CheckIn, CheckInDay


class Command(BaseCommand):
    help = "Sum up the days of check-ins again (the summaries insights read), for one person or for everyone."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="username of one person (default: everyone with check-ins)")

    def handle(self, *args, **options):
        people = CheckIn.objects.values_list("user_id", flat=True).distinct().order_by("user_id")
        if options["user"]:
            from hearthside.accounts.models import User

            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user named {options['user']!r}")
            people = [user.pk]
        else:
            # People whose check-ins are all gone keep no summary either.
            CheckInDay.objects.exclude(user_id__in=CheckIn.objects.values("user_id")).delete()
        total_people = total_days = 0
        for user_id in people:
            total_days += len(checkin_days.rebuild(user_id))
            total_people += 1
        self.stdout.write(self.style.SUCCESS(f"{total_days} days of check-ins summed up for {total_people} people"))
