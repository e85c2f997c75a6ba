"""Response headers every page gets: a strict Content-Security-Policy and no caching of private pages."""

from __future__ import annotations

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


class RejectNulMiddleware:
    """PostgreSQL cannot store NUL characters in text; refuse them up front with a clear 400
    instead of failing deep inside a query (SQLite would accept them, PostgreSQL would 500)."""

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
            elif content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
                bad = any("\x00" in v for values in request.POST.lists() for v in values[1])
        if bad:
            return JsonResponse({"detail": "Text may not contain NUL characters."}, status=400)
        return self.get_response(request)
