"""Object access: one answer, 404, for "does not exist" and "not yours"."""

from __future__ import annotations

from django.http import Http404


def get_owned_or_404(queryset, user, object_id, *, owner_field: str = "user"):
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        return queryset.get(pk=object_id, **{owner_field: user})
    except (queryset.model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
