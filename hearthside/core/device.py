"""What the site keeps on a person's device: the one service worker, the web app manifest, and the
key that ties what is kept there to one account (docs/selfhelp.md, "Offline").

One service worker, at ``/sw.js`` with the whole site as its scope, serves both Web Push for staff
(docs/paging.md) and the offline copies. Its script is ``static/hearthside/js/sw.js`` with a
first line of settings written here: the version (a hash of everything it stores, so a changed
asset installs a new worker), the static files it keeps and the addresses of the two pages it
stores per person. Nothing in it comes from anywhere but this site.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

SERVICE_WORKER = Path(__file__).resolve().parent.parent / "static" / "hearthside" / "js" / "sw.js"

# Static files the offline pages need, kept by the worker when it installs.
PRECACHE = [
    "hearthside/css/site.css",
    "hearthside/css/offline.css",
    "hearthside/js/offline.js",
    "hearthside/js/quick_exit.js",
    "hearthside/favicon.svg",
    "hearthside/icons/icon-192.png",
]

# The response header a stored copy carries: which account it was made for. The worker keeps a
# copy only when this matches the key of the person signed in on the page that asked for it.
DEVICE_HEADER = "X-Hearthside-Device"

# Set by accounts.actions.do_logout in the new, signed-out session; the next page that reads it
# tells offline.js to delete everything this browser kept (caches and unsent writing).
SIGNED_OUT_SESSION_KEY = "hs_device_forget"


# Requests whose visit keeps nothing on the device, registered by feature apps in their ready()
# (the support line's anonymous guests): each is called with the request.
KEEPS_NOTHING: list = []


def device_key(request) -> str:
    """An opaque, stable key for the account signed in on this request ('' when nobody is, and for
    a support-line guest, whose visit keeps nothing on the device).

    Derived from the account's id with the site's SECRET_KEY, so the device learns no id; what a
    device keeps is labelled with it, and a page signed in as anyone else removes it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    if any(keeps_nothing(request) for keeps_nothing in KEEPS_NOTHING):
        return ""
    return salted_hmac("hearthside.core.device", str(user.pk)).hexdigest()[:32]


def _stored_pages() -> dict:
    return {"help": reverse("safety:device_copy"), "writer": reverse("selfcare:offline")}


@lru_cache(maxsize=1)
def _worker_source() -> bytes:
    body = SERVICE_WORKER.read_bytes()
    digest = hashlib.sha256(body)
    precache = []
    for name in PRECACHE:
        path = finders.find(name)
        if path:
            digest.update(Path(path).read_bytes())
        precache.append(static(name))
    config = {"version": digest.hexdigest()[:16], "precache": precache, "pages": _stored_pages(),
              "header": DEVICE_HEADER}
    return b"self.HS_OFFLINE = " + json.dumps(config).encode() + b";\n" + body


def offline_strings() -> dict:
    """What offline.js says, in the page's language (the page embeds it as JSON)."""
    return {
        "waitingOne": _("One thing you wrote offline is waiting to be sent."),
        "waitingMany": _("%(n)s things you wrote offline are waiting to be sent."),
        "seeThem": _("See what is waiting"),
        "sendNow": _("Send now"),
        "waiting": _("waiting for a connection"),
        "signIn": _("sign in to send it"),
        "refused": _("not accepted:"),
        "remove": _("Delete from this device"),
        "removeAsk": _("Delete this from your device? It has not been sent."),
        "checkin": _("Check-in"),
        "mood": _("mood %(n)s/10"),
        "journal": _("Journal entry"),
        "written": _("written %(when)s"),
        "nothing": _("Nothing is waiting: everything you wrote has been sent."),
        "kept": _("You are offline. This is kept on this device and sent when the connection is back."),
        "sent": _("Sent. Thank you for taking a moment for yourself."),
        "help": _("Something you wrote offline sounds very hard. You do not have to carry it alone."),
        "helpLink": _("Get help now"),
        "editOffline": _("You are offline: changes to an entry that is already saved cannot be kept. "
                         "Copy your text and save it when you are back online."),
        "signOutAsk": _("What you wrote offline has not been sent yet. Signing out deletes it from this "
                        "device. Sign out anyway?"),
    }


# A cookie offline.js sets while this browser keeps something (no identifier in it: "1"). A page
# for nobody signed in loads offline.js only when it is there, to forget after a sign-out or a
# time-out; a visitor who never signed in gets no script from it at all.
KEPT_COOKIE = "hs_kept"


def context(request) -> dict:
    """For base.html (core/_device_head.html): the device key; the strings and the signed-out
    flag are read (and the flag consumed, once) only when a page shows them."""
    from functools import cache

    @cache
    def signed_out() -> bool:
        session = getattr(request, "session", None)
        return bool(session is not None and session.pop(SIGNED_OUT_SESSION_KEY, False))

    return {"DEVICE_KEY": device_key(request), "DEVICE_STRINGS": offline_strings, "DEVICE_SIGNED_OUT": signed_out,
            "DEVICE_KEPT": request.COOKIES.get(KEPT_COOKIE) == "1"}


@require_GET
def service_worker(request):
    """The site's service worker. Public on purpose: it holds no data, and a browser fetches it
    again to look for updates whether or not anyone is signed in (a staff member's push keeps
    working after their session ends)."""
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request):
    """The web app manifest: what a phone needs to put the site on its home screen."""
    icons = [
        {"src": static("hearthside/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("hearthside/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {"src": static("hearthside/icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
        {"src": static("hearthside/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    data = {
        "id": "/",
        "name": settings.SITE_NAME,
        "short_name": settings.SITE_NAME,
        "description": _("Check in, write, find help and talk to someone."),
        "lang": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#faf7f2",
        "theme_color": "#2f6f62",
        "icons": icons,
        "shortcuts": [
            {"name": _("Get help now"), "url": reverse("safety:help")},
            {"name": _("Check in"), "url": reverse("selfcare:checkin")},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json",
                        json_dumps_params={"ensure_ascii": False})


@require_GET
def device_session(request):
    """Who is signed in now, for a page kept on the device that is back online: its device key
    and a CSRF token to send what was written offline with. 401 when nobody is signed in."""
    key = device_key(request)
    if not key:
        return JsonResponse({"detail": _("Sign in to send what you wrote offline.")}, status=401)
    return JsonResponse({"device": key, "csrf": get_token(request)})
