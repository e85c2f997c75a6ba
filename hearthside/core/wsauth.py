"""Websocket authentication for programs: ``Authorization: Bearer <personal access token>``.

Browsers connect with their session cookie, and for them the Origin header must name this site
(``AllowedHostsOriginValidator``), so another site cannot open a socket with the person's cookie.
A program sends a personal access token instead. A browser cannot set an Authorization header
on a websocket, so a bearer connection is not exposed to that cross-site risk and needs no
Origin. The token must be usable and have the write scope (a socket sends messages); a bad,
expired, revoked or read-only token connects no one (the consumer refuses with 4401).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from .prepared import Prepared


def _bearer(scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            kind, _sep, token = value.decode("latin1").partition(" ")
            return token.strip() if kind.lower() == "bearer" else None
    return None


def token_for(raw: str):
    """The usable write-scoped token ``raw`` names, its person loaded; else None (database thread)."""
    from hearthside.accounts.actions import authenticate_token
    from hearthside.accounts.models import TokenScope

    found = authenticate_token(raw)
    if found is None or found.scope != TokenScope.WRITE:
        return None
    found.user  # noqa: B018  (loaded here, in the database thread)
    return found


class BearerTokenMiddleware:
    """Routes a connection with a bearer token straight to ``inner``, every other connection through
    ``browser``. The token is looked up by the consumer, in its handshake's one trip to the
    database thread (``credentials``)."""

    def __init__(self, inner, browser):
        self.inner = inner
        self.browser = browser

    async def __call__(self, scope, receive, send):
        raw = _bearer(scope)
        if raw is None:
            return await self.browser(scope, receive, send)
        return await self.inner(dict(scope, credentials=("token", raw)), receive, send)


def credentials(scope) -> tuple:
    """``(user, session, token)`` of a socket's scope, in the database thread.

    The middleware only reads the request: ``scope["credentials"]`` is ``("session", key)`` (the
    session cookie's key, or None) or ``("token", raw)``, and the consumer resolves it here in the
    same trip to the database thread as the rest of its handshake (``core.consumers``), where each
    layer used to make a trip of its own. A scope without it (made by a test) carries ``user``,
    ``session`` and ``access_token`` itself. A token that is unknown, expired, revoked or read-only,
    and a session without a (still valid) person, give ``AnonymousUser``."""
    found = scope.get("credentials")
    if found is None:
        return scope.get("user"), scope.get("session"), scope.get("access_token")
    kind, raw = found
    if kind == "token":
        token = token_for(raw)
        return (token.user if token else AnonymousUser()), None, token
    session, user = session_user(raw)
    return user, session, None


_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _people():
    from hearthside.accounts.models import User

    return User.objects


# ``ModelBackend.get_user``'s look-up, compiled once (``core.prepared``): asked by every handshake.
_user_by_id = Prepared(lambda pk: _people().filter(pk=pk), int)


def _person(user_id):
    """``ModelBackend.get_user``: the active person with this id, or None."""
    user = _user_by_id.first(user_id) if type(user_id) is int else None
    return user if user is not None and user.is_active else None


def session_user(session_key: str | None):
    """The browser's session and its person, in one trip to the database thread, by Channels' own
    rule (``channels.auth.get_user``): the session names a configured backend and a person, and its
    hash must match the person's, so a changed password logs the session out. Django's own
    ``ModelBackend`` (the one configured) is asked through ``_person``; any other through its
    ``get_user`` (database thread)."""
    from importlib import import_module

    from channels.auth import _get_user_session_key
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, load_backend
    from django.utils.crypto import constant_time_compare

    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    try:
        user_id = _get_user_session_key(session)
        backend_path = session[BACKEND_SESSION_KEY]
    except KeyError:
        return session, AnonymousUser()
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return session, AnonymousUser()
    user = _person(user_id) if backend_path == _MODEL_BACKEND else load_backend(backend_path).get_user(user_id)
    if hasattr(user, "get_session_auth_hash"):
        stored = session.get(HASH_SESSION_KEY)
        if not (stored and constant_time_compare(stored, user.get_session_auth_hash())):
            session.flush()
            user = None
    return session, user or AnonymousUser()


class SessionAuthMiddleware:
    """Browsers: the session cookie's key, for the consumer to load the session and its person
    (``credentials``: ``scope["session"]`` and ``scope["user"]`` once the handshake is answered).

    What Channels' ``AuthMiddlewareStack`` (cookies, session, user) does for a socket, in one layer:
    the session is loaded in the handshake's one trip to the database thread instead of lazily, and
    no wrapper sits around every frame the socket sends (that stack saves a modified session on HTTP
    responses only). Three layers each copied the scope and stayed in memory for the socket's life
    (issue #20).
    """

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        from django.conf import settings
        from django.http.cookie import parse_cookie

        key = None
        for name, value in scope.get("headers", ()):
            if name == b"cookie":  # the first Cookie header, as Channels' CookieMiddleware reads it
                key = parse_cookie(value.decode("latin1")).get(settings.SESSION_COOKIE_NAME)
                break
        return await self.inner(dict(scope, credentials=("session", key)), receive, send)


class SameOriginValidator:
    """A browser's socket must come from this very site: scheme, host and port (issue #17: the
    check compared host names only, so http://site:8080 or another port could open a socket with
    the person's cookie). The Origin must equal the origin the request was made to -- the Host
    header with the scheme the browser used (wss, or https at a TLS proxy that says so in
    ``SECURE_PROXY_SSL_HEADER``) -- or be one of ``CSRF_TRUSTED_ORIGINS``; the host must be an
    allowed host. Without a Host header (never from a browser) the Origin's host must be allowed.
    Anything else is refused before the handshake completes, as Channels' validator does.
    """

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not self.allowed(scope):
            from channels.security.websocket import WebsocketDenier

            return await WebsocketDenier()(scope, receive, send)
        return await self.inner(scope, receive, send)

    @staticmethod
    def allowed(scope) -> bool:
        from urllib.parse import urlsplit

        from django.conf import settings
        from django.http.request import split_domain_port, validate_host

        headers = {name: value.decode("latin1") for name, value in scope.get("headers", ())}
        origin = headers.get(b"origin", "").strip().rstrip("/")
        if not origin or origin == "null":
            return False
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        host = headers.get(b"host", "").strip()
        if not host:
            return validate_host(parts.hostname, settings.ALLOWED_HOSTS)
        domain, _port = split_domain_port(host)
        if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
            return False
        secure = scope.get("scheme") == "wss"
        proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if proxy:
            name = proxy[0].lower().removeprefix("http_").replace("_", "-").encode("latin1")
            secure = secure or headers.get(name, "").split(",")[0].strip() == proxy[1]
        expected = ("https://" if secure else "http://") + host.lower()
        return origin.lower() == expected or origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])
