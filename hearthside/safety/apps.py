from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "hearthside.safety"
    label = "safety"
    verbose_name = "Safety"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks, personal_data, sweeps  # noqa: F401  (registers checks, export/erasure, sweeps)
        from .directory import load_directory_if_empty

        post_migrate.connect(load_directory_if_empty, sender=self)
