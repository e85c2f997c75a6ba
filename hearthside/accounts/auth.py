"""API authentication: personal access tokens (Bearer) or the browser session with CSRF."""

from __future__ import annotations

from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from .actions import authenticate_token
from .models import TokenScope

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        found = authenticate_token(token)
        if found is None:
            return None
        if request.method not in SAFE_METHODS and found.scope != TokenScope.WRITE:
            raise HttpError(403, "This token is read-only; create a token with the write scope.")
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
    return request.user.is_verified()
