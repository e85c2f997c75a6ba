"""API authentication (personal access tokens (Bearer) or the browser session with CSRF), and the
one answer to "has this person proved a second factor here?" for pages, the API and sockets."""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from .actions import authenticate_token
from .models import TokenScope

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# Set on the user object by whatever authenticated this request or socket (see mark_second_factor).
_SECOND_FACTOR_ATTR = "hs_second_factor_proved"


class SecondFactorRequired(PermissionDenied):
    """An access helper refuses until this request or socket proves a second factor. Each surface
    answers it its own way: a page redirects to the two-factor page, the API answers 403, a socket
    an error frame with the code "forbidden"."""


def mark_second_factor(user, proved: bool) -> None:
    """Record on ``user`` whether the credentials it came with proved a second factor.

    Access helpers receive only ``user``; this is how the token or socket that authenticated it
    tells them. A session request needs no mark: django-otp's ``user.is_verified()`` answers.
    """
    setattr(user, _SECOND_FACTOR_ATTR, bool(proved))


def proved_second_factor(user) -> bool:
    """Whether this request or socket proved a second factor: the token's ``two_factor`` (API),
    the session's device (socket), both marked by ``mark_second_factor``; otherwise django-otp's
    ``is_verified()`` (pages and the API with a session). Anything else has not: a user object
    loaded from the database proves nothing."""
    if user is None or not user.is_authenticated:
        return False
    marked = getattr(user, _SECOND_FACTOR_ATTR, None)
    if marked is not None:
        return bool(marked)
    verified = getattr(user, "is_verified", None)
    return bool(callable(verified) and verified())


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        found = authenticate_token(token)
        if found is None:
            return None
        if request.method not in SAFE_METHODS and found.scope != TokenScope.WRITE:
            raise HttpError(403, "This token is read-only; create a token with the write scope.")
        mark_second_factor(found.user, found.two_factor)
        request.user = found.user
        request.access_token = found
        return found.user


class SessionAuth(type(django_auth)):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None:
            request.access_token = None
        return user


api_auth = [BearerToken(), SessionAuth()]


def has_two_factor(request) -> bool:
    token = getattr(request, "access_token", None)
    if token is not None:
        return token.two_factor
    return proved_second_factor(request.user)


def require_staff(request, allowed: bool, refusal: str) -> None:
    """Every staff API's door: 404 for someone without the role (the operation is not theirs to
    know of), then 403 with ``refusal`` until a second factor is proved (a token made with a code)."""
    if not allowed:
        raise HttpError(404, "Not found.")
    if not has_two_factor(request):
        raise HttpError(403, refusal)


def require_staff_page(request, allowed: bool, back_to: str):
    """A staff page's door: 404 for someone without the role; until a second factor is proved in
    this session, the redirect to prove one (then back to ``back_to``), else None."""
    from django.http import Http404
    from django.shortcuts import redirect
    from django.urls import reverse

    if not allowed:
        raise Http404
    if not has_two_factor(request):
        return redirect(f"{reverse('accounts:two_factor')}?next={back_to}")
    return None


def staff_page_required(allowed, back_to=None):
    """``require_staff_page`` as a view's decorator, put under its login and method decorators:
    ``allowed(user)`` says whether the person holds the role, ``back_to(request)`` where proving a
    second factor returns to (by default this page's path)."""

    def decorate(view):
        @functools.wraps(view)
        def page(request, *args, **kwargs):
            refused = require_staff_page(request, allowed(request.user),
                                         request.path if back_to is None else back_to(request))
            if refused is not None:
                return refused
            return view(request, *args, **kwargs)

        return page

    return decorate
