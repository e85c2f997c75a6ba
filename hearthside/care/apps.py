from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "hearthside.care"
    label = "care"
    verbose_name = "Counselling"

    def ready(self):
        from . import personal_data, sweeps  # noqa: F401  (registers export/erasure and sweeps)
