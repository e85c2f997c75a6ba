"""Websocket authentication for programs: ``Authorization: Bearer <personal access token>``.

Browsers connect with their session cookie, and for them the Origin header must name this site
(``AllowedHostsOriginValidator``), so another site cannot open a socket with the person's cookie.
A program sends a personal access token instead. A browser cannot set an Authorization header
on a websocket, so a bearer connection is not exposed to that cross-site risk and needs no
Origin. The token must be usable and have the write scope (a socket sends messages); a bad,
expired, revoked or read-only token connects no one (the consumer refuses with 4401).
"""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser


def _bearer(scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            kind, _sep, token = value.decode("latin1").partition(" ")
            return token.strip() if kind.lower() == "bearer" else None
    return None


@database_sync_to_async
def _token(raw: str):
    from hearthside.accounts.actions import authenticate_token
    from hearthside.accounts.models import TokenScope

    found = authenticate_token(raw)
    if found is None or found.scope != TokenScope.WRITE:
        return None
    found.user  # noqa: B018  (loaded here, in the database thread)
    return found


class BearerTokenMiddleware:
    """Routes a connection with a bearer token straight to ``inner`` with ``scope["user"]`` set from
    the token (and ``scope["access_token"]``); every other connection goes through ``browser``."""

    def __init__(self, inner, browser):
        self.inner = inner
        self.browser = browser

    async def __call__(self, scope, receive, send):
        raw = _bearer(scope)
        if raw is None:
            return await self.browser(scope, receive, send)
        token = await _token(raw)
        scope = dict(scope, user=token.user if token else AnonymousUser(), access_token=token, session=None)
        return await self.inner(scope, receive, send)
