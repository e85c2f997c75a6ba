"""Signals other apps listen to (accounts imports no feature app)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that changed a person's age band: ``user``, ``old`` (a band or None),
# ``new``. Communities end memberships in spaces of the other band; Friends moves the peer profile.
age_band_changed = Signal()
