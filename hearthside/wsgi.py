import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearthside.settings")
application = get_wsgi_application()

from hearthside.core import warmup  # noqa: E402

warmup.start()
