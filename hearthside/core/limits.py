"""One abuse-limit layer: named limits from settings, counted in the cache (Redis when
``REDIS_URL`` is set, shared by every process) with django-ratelimit.

    if limits.over(request, "supportline.guest"):
        ...  # a clear answer, never a dead end on a crisis path

Limits are per client address by default (``key="address"``) or per account (``key="account"``,
the address for visitors who are not logged in).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from .audit import client_ip


def _address(group, request) -> str:
    return client_ip(request) or "unknown"


def _account(group, request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return "address:" + _address(group, request)


KEYS = {"address": _address, "account": _account}


def rate(name: str) -> str:
    """The limit named ``name`` ("5/h"), or "" when the operator switched it off."""
    return settings.RATE_LIMITS.get(name, "")


def over(request, name: str, *, key: str = "address", increment: bool = True) -> bool:
    """Count one more use of ``name`` for this request's address (or account); True when that
    goes over the limit. Without a configured rate nothing is limited."""
    limit = rate(name)
    if not limit or request is None:
        return False
    return is_ratelimited(request, group=name, key=KEYS[key], rate=limit, method=ALL, increment=increment)


from .errors import RateLimited  # noqa: E402  (a form error on a page, 429 with the message in the API)


def check(request, name: str, *, key: str = "address", message=None) -> None:
    """Count one use; raise RateLimited (a ValidationError) when it goes over the limit."""
    if over(request, name, key=key):
        from . import audit

        audit.record("limit.exceeded", request=request, detail={"limit": name})
        raise RateLimited(message or _("Too many attempts from here in a short time. Please wait a while and try again."),
                          code="rate_limited")
