"""Setting a person's region (the jurisdiction profile that applies to them)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.core import audit

from . import policy
from .models import PersonRegion


def check_set_region(actor, user, profile_key, request=None) -> PersonRegion | None:
    """A profile key sets the person's region; an empty one clears it (the site's applies)."""
    key = str(profile_key or "").strip()
    if key and key not in policy.profiles():
        raise ValidationError({"profile": [_("Choose a profile from the list.")]})
    return do_set_region(actor, user, key, request=request)


def do_set_region(actor, user, key: str, request=None) -> PersonRegion | None:
    with transaction.atomic():
        if not key:
            PersonRegion.objects.filter(user=user).delete()
            region = None
        else:
            region, _created = PersonRegion.objects.update_or_create(
                user=user, defaults={"profile": key, "set_by_id": getattr(actor, "pk", None),
                                     "updated_at": timezone.now()})
        audit.record("compliance.region_set", actor=actor, request=request, subject=user,
                     detail={"profile": key or None})
    return region
