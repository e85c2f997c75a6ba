"""Signals other apps listen to (accounts imports no feature app)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that changed a person's age band: ``user``, ``old`` (a band or None),
# ``new``. Communities end memberships in spaces of the other band; Friends moves the peer profile.
age_band_changed = Signal()

# Sent when a person withdraws a consent: ``user``, ``purpose`` (a ConsentPurpose value), at once
# (in the caller's transaction, if any), after the consent records (and, for practitioner sharing,
# the sharing grants) are withdrawn. Safety stops sharing the safety plan.
consent_withdrawn = Signal()
