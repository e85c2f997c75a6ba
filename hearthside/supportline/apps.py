from django.apps import AppConfig


class SupportlineConfig(AppConfig):
    name = "hearthside.supportline"
    label = "supportline"
    verbose_name = "Support line"

    def ready(self):
        from hearthside.core import realtime

        from . import personal_data, sweeps  # noqa: F401
        from .channel import LineChannel

        realtime.register(LineChannel())
