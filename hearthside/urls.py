from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path

from hearthside.api import api, api_docs
from hearthside.core import device as core_device
from hearthside.core import views as core_views

# The admin never shows its own password form: its log-in goes to the site's log-in, which has
# throttling, auditing and two-factor. (A logged-in non-staff person is sent there too.)
admin.site.login = lambda request, extra_context=None: redirect_to_login(request.get_full_path())
admin.site.site_header = "Hearthside administration"

# URL modules included under a prefix (Django's language switch, then each app's), in the order
# they are tried: "groups/<slug>/forum/" before "groups/".
INCLUDED = (
    ("i18n/", "django.conf.urls.i18n"),
    ("accounts/", "hearthside.accounts.urls"),
    ("help/", "hearthside.safety.urls"),
    ("staff/safety/", "hearthside.safety.staff_urls"),
    ("staff/paging/", "hearthside.paging.urls"),
    ("selfcare/", "hearthside.selfcare.urls"),
    ("groups/<slug:slug>/forum/", "hearthside.community.forum.urls"),
    ("staff/community/", "hearthside.community.moderation_urls"),
    ("groups/", "hearthside.community.urls"),
    ("care/", "hearthside.care.urls"),
    ("companion/", "hearthside.companion.urls"),
    ("support-line/", "hearthside.supportline.urls"),
    ("friends/", "hearthside.friends.urls"),
)

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    # The one service worker (offline copies and staff Web Push) and the web app manifest.
    path("sw.js", core_device.service_worker, name="service_worker"),
    path("manifest.webmanifest", core_device.manifest, name="manifest"),
    path("device/session", core_device.device_session, name="device_session"),
    path("theme/", core_views.set_theme, name="set_theme"),
    *(path(prefix, include(module)) for prefix, module in INCLUDED),
    path("api/v1/docs", api_docs, name="api_docs"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

# Errors: JSON under /api/, and the crisis lines on every HTML error page (core/views.py).
handler404 = "hearthside.core.views.page_not_found"
handler500 = "hearthside.safety.views.server_error"
