from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "hearthside.community"
    label = "community"
    verbose_name = "Communities"

    def ready(self):
        from hearthside.core import realtime

        from . import personal_data, sweeps  # noqa: F401  (registers export/erasure and sweeps)
        from .typing import TypingChannel

        realtime.register(TypingChannel())

        from django.db.models.signals import pre_delete

        from .models import Post

        def _opening_post_deleted(sender, instance, **kwargs):
            # An erased account's opening post takes its thread's title with it.
            from .forum.actions import forget_opening

            forget_opening(instance)

        pre_delete.connect(_opening_post_deleted, sender=Post, dispatch_uid="community.forget_opening")

        from hearthside.accounts.signals import age_band_changed

        from .youth import end_memberships_across_bands

        age_band_changed.connect(end_memberships_across_bands, dispatch_uid="community.youth_bands")
