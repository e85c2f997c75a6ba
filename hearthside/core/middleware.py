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
