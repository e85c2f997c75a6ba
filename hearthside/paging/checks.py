"""System checks of paging: a VAPID key pair that cannot sign is refused before any alert needs it."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register()
def vapid_keys_are_usable(app_configs=None, **kwargs):
    from .push import vapid_problem, vapid_subject

    public, private = settings.PAGING_VAPID_PUBLIC_KEY, settings.PAGING_VAPID_PRIVATE_KEY
    hint = "Generate a pair with `hearthside paging vapid-keys` (docs/paging.md)."
    if bool(public) != bool(private):
        return [checks.Error("Set both HEARTHSIDE_VAPID_PUBLIC_KEY and HEARTHSIDE_VAPID_PRIVATE_KEY, or neither.",
                             hint=hint, id="hearthside.paging.E001")]
    if not public:
        return []
    problem = vapid_problem(public, private)
    if problem:
        return [checks.Error(f"The VAPID keys cannot be used: {problem}.", hint=hint, id="hearthside.paging.E002")]
    subject = vapid_subject()
    if not subject.startswith(("mailto:", "https://")):
        # Push services (Apple's, Mozilla's) refuse a VAPID subject they cannot contact.
        return [checks.Error(f"The VAPID subject {subject!r} must be a mailto: or https:// address.",
                             hint="Set HEARTHSIDE_VAPID_SUBJECT, e.g. mailto:oncall@example.org.",
                             id="hearthside.paging.E003")]
    return []


@checks.register()
def staff_can_be_paged(app_configs=None, **kwargs):
    """In production with neither Web Push nor text messages set up, staff learn of a safety alert
    only from an open dashboard and an e-mail (I004: said, not a failure of --deploy)."""
    if not settings.PRODUCTION or settings.PAGING_SMS_PROVIDER or settings.PAGING_VAPID_PUBLIC_KEY:
        return []
    return [checks.Info("Paging is off: no VAPID keys and no SMS provider.",
                           hint="See docs/paging.md to page on-call staff for safety alerts.",
                           id="hearthside.paging.I004")]
