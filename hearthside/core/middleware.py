"""Response headers every page gets: a strict Content-Security-Policy and no caching of private pages."""

from __future__ import annotations

import json
import re

from django.conf import settings

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS = "camera=(self), microphone=(self), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.static_prefix = settings.STATIC_URL

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS)
        if not request.path.startswith(self.static_prefix):
            # Everything but static assets may carry someone's data or a CSRF token:
            # never let a shared computer's browser or a proxy keep a copy.
            response["Cache-Control"] = "no-store"
            response.setdefault("Pragma", "no-cache")
        return response


# A JSON escape of a UTF-16 surrogate (``\\ud83d``): the only way a lone surrogate (half an emoji)
# reaches Python from an HTTP request. Form fields and query strings are decoded from UTF-8, where
# a surrogate cannot be encoded, so Django already turns one into U+FFFD.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def clean_json_text(value):
    """``value`` (parsed JSON) with every lone surrogate in its strings and keys replaced by U+FFFD,
    as ``realtime.clean_body`` does for socket frames. PostgreSQL (and every page or export that
    encodes the stored text as UTF-8) cannot take half an emoji."""
    from .realtime import replace_lone_surrogates

    if isinstance(value, str):
        return replace_lone_surrogates(value)
    if isinstance(value, list):
        return [clean_json_text(v) for v in value]
    if isinstance(value, dict):
        return {clean_json_text(k): clean_json_text(v) for k, v in value.items()}
    return value


class RejectNulMiddleware:
    """The one check of text input over HTTP, the same as the socket's (``realtime.parse_client_frame``).

    PostgreSQL cannot store NUL characters in text: refuse them up front with a clear 400 instead of
    failing deep inside a query (SQLite would accept them, PostgreSQL would 500). Lone surrogates in
    a JSON body (list fields like safety-plan steps and tags included) are replaced by U+FFFD
    before any view reads the body, so they never reach storage and later break the pages, the
    export or the journal that show the text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import JsonResponse

        bad = any("\x00" in v for values in request.GET.lists() for v in values[1])
        if not bad and request.method in {"POST", "PUT", "PATCH", "DELETE"}:
            content_type = request.META.get("CONTENT_TYPE", "")
            if content_type.startswith("application/json"):
                body = request.body
                bad = b"\\u0000" in body or b"\x00" in body
                if not bad and _SURROGATE_ESCAPE.search(body):
                    _replace_json_body(request, body)
            elif content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
                bad = any("\x00" in v for values in request.POST.lists() for v in values[1])
        if bad:
            return JsonResponse({"detail": "Text may not contain NUL characters."}, status=400)
        return self.get_response(request)


def _replace_json_body(request, body: bytes) -> None:
    try:
        data = json.loads(body)
    except ValueError:
        return  # not JSON: the view answers it as it would any malformed body
    cleaned = clean_json_text(data)
    if cleaned != data:
        # ``request.body`` is read from here from now on (Django keeps it in ``_body``).
        request._body = json.dumps(cleaned, ensure_ascii=False).encode("utf-8")


# The middleware a request with ``Authorization: Bearer`` to the JSON API still passes through on
# the token path, in the order of ``settings.MIDDLEWARE``: the language of error messages and its
# headers, the host check and Content-Length, the NUL and lone-surrogate check, X-Frame-Options.
TOKEN_API_MIDDLEWARE = (
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hearthside.core.middleware.RejectNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)
TOKEN_API_PREFIX = "/api/"
# Pages under the prefix that are not the JSON API (they need the session and CSRF).
TOKEN_API_EXCLUDED = ("/api/v1/docs",)


def is_token_api_request(request) -> bool:
    """A JSON API request that authenticates with a bearer token and carries no session cookie.

    Token auth is not cookie auth: a browser sends no ``Authorization`` header to another site, so
    such a request needs neither CSRF nor the session. A request that also carries the session
    cookie (its token may fail, and django-ninja then tries the session, with its CSRF check) and
    every request without a token take the full stack."""
    path = request.path_info
    if not path.startswith(TOKEN_API_PREFIX) or path.startswith(TOKEN_API_EXCLUDED):
        return False
    scheme = request.META.get("HTTP_AUTHORIZATION", "")[:7]
    # django-ninja's HttpBearer compares the scheme without regard to case.
    return scheme.lower() == "bearer " and settings.SESSION_COOKIE_NAME not in request.COOKIES


class TokenApiMiddleware:
    """The lighter path for token API requests (issue #20; docs/benchmarks.md, "JSON API").

    Placed right after SecurityMiddleware (everything above it — metrics, security headers, the
    HTTPS redirect and HSTS — runs for every request). For a request ``is_token_api_request``
    accepts it skips the browser's middleware — WhiteNoise, sessions, CSRF, the session user and
    its django-otp device, session time-outs, the staff two-factor redirect (the API's own
    ``require_staff`` refuses a token made without a code), the support-line guest confinement (a
    guest has no token) and messages — and runs ``TOKEN_API_MIDDLEWARE`` around the view instead.
    ``request.user`` is the anonymous user until the token authenticates, as it is without a
    session cookie on the full path. Every other request goes down the full stack unchanged."""

    def __init__(self, get_response):
        from django.core.handlers.base import BaseHandler
        from django.core.handlers.exception import convert_exception_to_response
        from django.utils.module_loading import import_string

        self.get_response = get_response
        # Django's own view call (URL resolution, ATOMIC_REQUESTS, the check that a view returned
        # a response, template responses), with no view or exception middleware of the full stack
        # (none of it is on this path).
        view = BaseHandler()
        view._view_middleware, view._template_response_middleware, view._exception_middleware = [], [], []
        handler = convert_exception_to_response(view._get_response)
        for path in reversed(TOKEN_API_MIDDLEWARE):
            handler = convert_exception_to_response(import_string(path)(handler))
        self.token_path = handler

    def __call__(self, request):
        if not is_token_api_request(request):
            return self.get_response(request)
        from django.contrib.auth.models import AnonymousUser

        request.user = AnonymousUser()
        return self.token_path(request)
