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
