"""Paging models registered for export and erasure.

A staff member's browsers, mobile number and the pages sent to them are theirs: exported and
deleted with their account. The push keys are left out of the export (they are the browser's,
not something the person wrote or can use).
"""

from hearthside.core.personal_data import register

from .models import Page, PagingProfile, PushSubscription

register(PagingProfile, order=60)
register(PushSubscription, order=60, exclude=("endpoint_digest", "p256dh", "auth"))
register(Page, order=60, exclude=("claim", "delivered"))
