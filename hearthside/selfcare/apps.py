from django.apps import AppConfig

DEFAULT_ACTIVITIES = ["work", "study", "exercise", "outdoors", "friends", "family", "reading", "music",
                      "rest", "hobby", "chores", "screen time"]


def create_default_activities(sender=None, using="default", **kwargs):
    from .models import Activity

    try:
        if not Activity.objects.using(using).filter(owner__isnull=True).exists():
            Activity.objects.using(using).bulk_create([Activity(name=n) for n in DEFAULT_ACTIVITIES])
    except Exception:  # noqa: BLE001 - table may not exist during a partial migrate
        return


def forget_insights(sender, instance, **kwargs):
    """An account deleted (erased): its cached insights go too (``insights.forget``)."""
    from .insights import forget

    forget(instance.pk)


class SelfcareConfig(AppConfig):
    name = "hearthside.selfcare"
    label = "selfcare"
    verbose_name = "Self-help"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate

        from . import personal_data, sweeps  # noqa: F401  (registers export/erasure and sweeps)
        from .library import load_articles_if_empty

        post_migrate.connect(create_default_activities, sender=self)
        post_migrate.connect(load_articles_if_empty, sender=self)
        post_delete.connect(forget_insights, sender="accounts.User", dispatch_uid="selfcare.forget_insights")
