"""Session lifetime and the two-factor rule for staff."""

from __future__ import annotations

import time

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .actions import SESSION_SEEN_AT, session_timed_out, staff_without_two_factor

STAFF_PREFIXES = ("/admin/", "/staff/", "/api/v1/staff/")


class SessionTimeoutMiddleware:
    """Log a session out after idle time and after an absolute lifetime, whichever comes first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = time.time()
            seen_at = request.session.get(SESSION_SEEN_AT, now)
            if session_timed_out(request.session, now):
                from django.contrib.auth import logout

                logout(request)
                request.session["hs_timed_out"] = True
            # Touch the session at most once a minute so reading pages does not write every time.
            elif now - seen_at > 60:
                request.session[SESSION_SEEN_AT] = now
        return self.get_response(request)


class StaffTwoFactorMiddleware:
    """Staff pages and staff APIs refuse anyone holding a staff role who has not proved a second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(STAFF_PREFIXES):
            user = getattr(request, "user", None)
            if user is not None and staff_without_two_factor(user):
                if request.path_info.startswith("/api/"):
                    return JsonResponse(
                        {"detail": "Staff APIs need two-factor authentication: enrol and log in with a code."},
                        status=403,
                    )
                from urllib.parse import quote

                return redirect(f"{reverse('accounts:two_factor')}?next={quote(request.get_full_path())}")
        return self.get_response(request)
