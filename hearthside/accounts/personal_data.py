"""Account-related models registered for export and erasure."""

from __future__ import annotations

from django.contrib.admin.models import LogEntry
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from hearthside.core.personal_data import register

from .models import AccessToken, ConsentRecord, RoleGrant, SharingGrant


def _devices(user):
    return [
        {"type": "totp", "name": d.name, "confirmed": d.confirmed} for d in TOTPDevice.objects.filter(user=user)
    ] + [
        {"type": "recovery_codes", "name": d.name, "remaining": d.token_set.count()}
        for d in StaticDevice.objects.filter(user=user)
    ]


register(RoleGrant, order=10)
register(ConsentRecord, order=10)
register(AccessToken, exclude=("token_hash",), order=10)
register(TOTPDevice, exporter=_devices, order=10)
# Recovery codes are exported as a count in the TOTP entry above, never as codes.
register(StaticDevice, exporter=lambda user: [], order=10)
register(LogEntry, order=10)
# Grants the person made, and grants naming them as the practitioner (gone with their account).
# Order 40, as when it lived in self-help (erasure runs from the highest order down).
register(SharingGrant, order=40, extra_user_fields=("practitioner",))
