from hearthside.core import features


class SafetyConfig(features.FeatureConfig):
    name = "hearthside.safety"
    verbose_name = "Safety"
    registers = ("checks", "personal_data", "sweeps", "metrics")  # metrics: core/metrics.py
    channels = ("realtime.AlertsChannel",)
    receivers = {"hearthside.accounts.signals.consent_withdrawn": "actions.stop_plan_sharing_on_withdrawal"}

    def ready(self):
        super().ready()
        from django.db.models.signals import post_migrate

        from hearthside.core import warmup

        from .directory import load_directory_if_empty
        from .realtime import warm_screener

        post_migrate.connect(load_directory_if_empty, sender=self)
        warmup.register(warm_screener)
