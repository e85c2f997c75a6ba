from django.apps import AppConfig


class CounsellingConfig(AppConfig):
    name = "hearthside.counselling"
    label = "counselling"
    verbose_name = "Counselling"

    def ready(self):
        # Import here the modules that register personal data, sweeps and realtime channels.
        pass
