from hearthside.core import features


class SupportlineConfig(features.FeatureConfig):
    name = "hearthside.supportline"
    verbose_name = "Support line"
    registers = ("personal_data", "sweeps", "metrics")  # metrics: core/metrics.py
    channels = ("channel.LineChannel",)

    def ready(self):
        super().ready()
        from hearthside.core import device

        from .actions import is_guest_session

        if is_guest_session not in device.KEEPS_NOTHING:  # a guest's visit keeps nothing on the device
            device.KEEPS_NOTHING.append(is_guest_session)
