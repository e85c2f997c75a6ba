"""Opaque ids for the places where one person must be recognisable within one context and
nowhere else (issue #17: the same account id as ``mine_id`` in group chat and ``author_id`` in
peer chat linked a "separate" peer profile to a group pseudonym)."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def opaque(kind: str, context_id, user_id) -> str:
    """Stable for (kind, context, person); unrelated across contexts; not reversible."""
    if user_id is None:
        return ""
    message = f"{kind}:{context_id}:{user_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:16]
