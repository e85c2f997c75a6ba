"""Which jurisdiction's rules apply to a person, when the team knows it (the site's profile,
``COMPLIANCE_PROFILE``, applies otherwise)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class PersonRegion(models.Model):
    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="compliance_region")
    # A profile key (a file in data/profiles/); checked by the action, not by choices, so that
    # adding a profile needs no migration.
    profile = models.CharField(max_length=32)
    set_by_id = models.BigIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.profile}"
