from django.apps import AppConfig


class SupportlineConfig(AppConfig):
    name = "hearthside.supportline"
    label = "supportline"
    verbose_name = "Support line"

    def ready(self):
        # Import here the modules that register personal data, sweeps and realtime channels.
        pass
