from django.apps import AppConfig


class SupportlineConfig(AppConfig):
    name = "hearthside.supportline"
    label = "supportline"
    verbose_name = "Support line"

    def ready(self):
        from hearthside.core import device, realtime

        from . import personal_data, sweeps  # noqa: F401
        from .actions import is_guest_session
        from .channel import LineChannel
        from .metrics import line_state  # noqa: F401  (registers its metrics: core/metrics.py)

        realtime.register(LineChannel())
        if is_guest_session not in device.KEEPS_NOTHING:  # a guest's visit keeps nothing on the device
            device.KEEPS_NOTHING.append(is_guest_session)
