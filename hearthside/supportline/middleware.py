"""A support-line guest (reached out without an account) sees the support line and crisis help
only: every other page sends them back to their conversation, every other API answers 404."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import redirect

from .actions import GUEST_SESSION_KEY

GUEST_ALLOWED = ("/support-line/", "/api/v1/support-line/", "/help/", "/static/", "/i18n/", "/theme/",
                 "/accounts/logout/", "/healthz")


class GuestConfinementMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The flag lives in the session (no query per request); it is set only when a guest is created.
        session = getattr(request, "session", None)
        if (session is not None and not request.path_info.startswith(GUEST_ALLOWED)
                and session.get(GUEST_SESSION_KEY) and request.user.is_authenticated):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": "Not found."}, status=404)
            return redirect("supportline:start")
        return self.get_response(request)
