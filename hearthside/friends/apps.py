from django.apps import AppConfig


class FriendsConfig(AppConfig):
    name = "hearthside.friends"
    label = "friends"
    verbose_name = "Friends"

    def ready(self):
        from hearthside.core import realtime

        from . import personal_data, sweeps  # noqa: F401  (registers export/erasure and sweeps)
        from .realtime import PeerChannel

        realtime.register(PeerChannel())

        from hearthside.accounts.signals import age_band_changed

        from .actions import follow_account_band

        age_band_changed.connect(follow_account_band, dispatch_uid="friends.follow_account_band")
