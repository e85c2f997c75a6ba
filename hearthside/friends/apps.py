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
