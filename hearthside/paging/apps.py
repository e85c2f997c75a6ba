from hearthside.core import features


class PagingConfig(features.FeatureConfig):
    name = "hearthside.paging"
    verbose_name = "Paging"
    registers = ("checks", "personal_data", "sweeps")
    receivers = {"hearthside.safety.signals.alert_notified": "actions.on_alert_notified"}
