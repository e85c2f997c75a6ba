from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "hearthside.care"
    label = "care"
    verbose_name = "Counselling"

    def ready(self):
        # Import here the modules that register personal data, sweeps and realtime channels.
        pass
