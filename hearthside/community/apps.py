from hearthside.core import features


def _opening_post_deleted(sender, instance, **kwargs):
    # An erased account's opening post takes its thread's title with it.
    from .forum.actions import forget_opening

    forget_opening(instance)


class CommunityConfig(features.FeatureConfig):
    name = "hearthside.community"
    verbose_name = "Communities"
    registers = ("personal_data", "sweeps")
    channels = ("typing.TypingChannel",)
    receivers = {"hearthside.accounts.signals.age_band_changed": "youth.end_memberships_across_bands"}

    def ready(self):
        super().ready()
        from django.db.models.signals import pre_delete

        from .models import Post

        pre_delete.connect(_opening_post_deleted, sender=Post, dispatch_uid="community.forget_opening")
