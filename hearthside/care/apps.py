from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "hearthside.care"
    label = "care"
    verbose_name = "Counselling"

    def ready(self):
        from hearthside.core import realtime

        from . import personal_data, sweeps  # noqa: F401  (registers export/erasure and sweeps)
        from .conversation import CareChannel

        realtime.register(CareChannel())
