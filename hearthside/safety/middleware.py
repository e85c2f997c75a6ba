"""``/help/`` answers whatever else fails.

The crisis lines are the one page that must never be an error. The help view already falls back
to the packaged data when the database fails; this middleware, near the top of the stack, also
covers what runs before the view (loading the session or the signed-in person needs the
database) and development's debug pages: any 5xx for ``GET /help/`` is replaced by the page
built from ``hearthside/safety/data/crisis_lines.json``. The error itself is still logged.
The published crisis protocol (``/help/protocol/``) is kept the same way: a 5xx is replaced by the
protocol read from the code and that file, without its version record.
"""

from __future__ import annotations


class HelpAlwaysAnswersMiddleware:
    PATHS = ("/help/", "/help")
    PROTOCOL_PATHS = ("/help/protocol/", "/help/protocol")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 500 or request.method not in {"GET", "HEAD"}:
            return response
        if request.path in self.PATHS:
            from .offline import render_offline_help

            return render_offline_help(request)
        if request.path in self.PROTOCOL_PATHS:
            from .offline import render_offline_protocol

            return render_offline_protocol(request)
        return response
