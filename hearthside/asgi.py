"""ASGI entry point: HTTP through Django, websockets through Channels with session authentication."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearthside.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from hearthside.core import warmup  # noqa: E402
from hearthside.core.wsauth import BearerTokenMiddleware, SameOriginValidator, SessionAuthMiddleware  # noqa: E402
from hearthside.routing import websocket_urlpatterns  # noqa: E402

warmup.start()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # Browsers: session cookie and this very site's Origin. Programs: Authorization: Bearer <token>.
        "websocket": BearerTokenMiddleware(
            URLRouter(websocket_urlpatterns),
            SameOriginValidator(SessionAuthMiddleware(URLRouter(websocket_urlpatterns))),
        ),
    }
)
