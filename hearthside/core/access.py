"""Object access: one answer, 404, for "does not exist" and "not yours"."""

from __future__ import annotations

from django.http import Http404


def id_or_404(value, *, below: int = 2**63) -> int:
    """``value`` as a positive whole number below ``below`` (what the database's key holds), or
    404: a malformed id names nothing, like an id that is not yours."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < value < below:
        raise Http404
    return value


def get_owned_or_404(queryset, user, object_id, *, owner_field: str = "user"):
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        return queryset.get(pk=object_id, **{owner_field: user})
    except (queryset.model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
