from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hearthside.core"
    label = "core"

    def ready(self):
        from . import sweeps  # noqa: F401  (registers the audit-address retention sweep)
