"""The site's URLs plus the forum's, for tests that run before (or after) the forum is mounted.

Once hearthside/urls.py and hearthside/api.py include the forum, the root patterns match first and
the extra ones below are never reached.
"""

from django.urls import include, path
from ninja import NinjaAPI

from hearthside.accounts.auth import api_auth
from hearthside.api import api as site_api
from hearthside.community.forum_api import router
from hearthside.urls import urlpatterns as site_urlpatterns

mounted = any(r is router for _prefix, r in site_api._routers)
extra = []
if not mounted:
    forum_api = NinjaAPI(urls_namespace="forum_test_api", auth=api_auth, docs_url=None, openapi_url=None)
    forum_api._exception_handlers.update(site_api._exception_handlers)
    forum_api.add_router("/community", router)
    extra.append(path("api/v1/", forum_api.urls))

urlpatterns = [
    *site_urlpatterns,
    path("groups/<slug:slug>/forum/", include("hearthside.community.forum_urls")),
    path("staff/community/", include("hearthside.community.moderation_urls")),
    *extra,
]
