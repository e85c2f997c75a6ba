from django.apps import AppConfig


class PagingConfig(AppConfig):
    name = "hearthside.paging"
    label = "paging"
    verbose_name = "Paging"

    def ready(self):
        from hearthside.safety import signals

        from . import checks, personal_data, sweeps  # noqa: F401  (registers checks, export/erasure, sweeps)
        from .actions import on_alert_notified

        signals.alert_notified.connect(on_alert_notified, dispatch_uid="hearthside.paging.on_alert_notified")
