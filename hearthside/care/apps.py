from hearthside.core import features


def fhir_bundle(user):
    """The person's FHIR bundle for their export (None when they have no clinical data)."""
    # Imported when an export is made: fhir.resources is heavy and no page needs it at start-up.
    from hearthside.interop.fhir import bundle_for

    return bundle_for(user)


class CareConfig(features.FeatureConfig):
    name = "hearthside.care"
    verbose_name = "Counselling"
    registers = ("personal_data", "sweeps")
    channels = ("conversation.CareChannel",)
    # The practitioner in the loop: listen to the safety layer rather than be called by it.
    receivers = {"hearthside.safety.signals.alert_raised": "risk.on_alert",
                 "hearthside.safety.signals.alert_attached": "risk.on_alert"}

    def ready(self):
        super().ready()
        from hearthside.accounts import hooks

        hooks.export_section("fhir", fhir_bundle)
