from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "hearthside.community"
    label = "community"
    verbose_name = "Communities"

    def ready(self):
        from . import personal_data  # noqa: F401  (registers models for export and erasure)
