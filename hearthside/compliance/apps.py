from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "hearthside.compliance"
    label = "compliance"
    verbose_name = "Compliance"

    def ready(self):
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured

        from . import personal_data  # noqa: F401  (registers export and erasure)
        from .policy import ProfileError, get

        try:
            get(settings.COMPLIANCE_PROFILE)  # every file is read and checked, and the site's must exist
        except ProfileError as exc:
            raise ImproperlyConfigured(f"HEARTHSIDE_COMPLIANCE_PROFILE: {exc}") from exc
