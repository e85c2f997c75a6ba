from django.apps import AppConfig


class CompanionConfig(AppConfig):
    name = "hearthside.companion"
    label = "companion"
    verbose_name = "Companion"

    def ready(self):
        from hearthside.core import realtime

        from . import personal_data  # noqa: F401  (registers export and erasure)
        from .consumers import CompanionChannel

        realtime.register(CompanionChannel())
