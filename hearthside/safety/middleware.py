"""``/help/`` answers whatever else fails.

The crisis lines are the one page that must never be an error. The help view already falls back
to the packaged data when the database fails; this middleware, near the top of the stack, also
covers what runs before the view (loading the session or the signed-in person needs the
database) and development's debug pages: any 5xx for ``GET /help/`` is replaced by the page
built from ``hearthside/safety/data/crisis_lines.json``. The error itself is still logged.
"""

from __future__ import annotations


class HelpAlwaysAnswersMiddleware:
    PATHS = ("/help/", "/help")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (response.status_code >= 500 and request.path in self.PATHS
                and request.method in {"GET", "HEAD"}):
            from .offline import render_offline_help

            return render_offline_help(request)
        return response
