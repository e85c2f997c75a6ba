from django.apps import AppConfig


class CompanionConfig(AppConfig):
    name = "hearthside.companion"
    label = "companion"
    verbose_name = "Companion"

    def ready(self):
        # Import here the modules that register personal data, sweeps and realtime channels.
        pass
