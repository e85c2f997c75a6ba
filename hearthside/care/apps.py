from django.apps import AppConfig


def fhir_bundle(user):
    """The person's FHIR bundle for their export (None when they have no clinical data)."""
    # Imported when an export is made: fhir.resources is heavy and no page needs it at start-up.
    from hearthside.interop.fhir import bundle_for

    return bundle_for(user)


class CareConfig(AppConfig):
    name = "hearthside.care"
    label = "care"
    verbose_name = "Counselling"

    def ready(self):
        from hearthside.core import realtime

        from . import personal_data, sweeps  # noqa: F401  (registers export/erasure and sweeps)
        from .conversation import CareChannel

        realtime.register(CareChannel())

        from hearthside.accounts import hooks

        hooks.export_section("fhir", fhir_bundle)

        # The practitioner in the loop: listen to the safety layer rather than be called by it.
        from hearthside.safety import signals

        from .risk import on_alert

        signals.alert_raised.connect(on_alert, dispatch_uid="care.risk.alert_raised")
        signals.alert_attached.connect(on_alert, dispatch_uid="care.risk.alert_attached")
