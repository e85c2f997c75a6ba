from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "hearthside.safety"
    label = "safety"
    verbose_name = "Safety"

    def ready(self):
        from django.db.models.signals import post_migrate

        from hearthside.core import realtime, warmup

        from . import checks, personal_data, sweeps  # noqa: F401  (registers checks, export/erasure, sweeps)
        from .directory import load_directory_if_empty
        from .metrics import alert_state  # noqa: F401  (registers its metrics: core/metrics.py)
        from .realtime import AlertsChannel, warm_screener

        post_migrate.connect(load_directory_if_empty, sender=self)
        realtime.register(AlertsChannel())
        warmup.register(warm_screener)

        from hearthside.accounts.signals import consent_withdrawn

        from .actions import stop_plan_sharing_on_withdrawal

        consent_withdrawn.connect(stop_plan_sharing_on_withdrawal, dispatch_uid="safety.plan_sharing_consent")
