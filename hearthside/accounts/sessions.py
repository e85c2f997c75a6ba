"""The session store: Django's database sessions, with the look-up every request and websocket
handshake makes compiled once (``core.prepared``, issue #20).

Same table, same encoding, same expiry rule as ``django.contrib.sessions.backends.db`` (a session
past its ``expire_date`` does not exist); only the read is cheaper. ``SESSION_ENGINE`` names this
module.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from hearthside.core.prepared import Prepared

_by_key = Prepared(lambda key: Session.objects.filter(session_key=key), str)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        key = self.session_key
        found = _by_key.first(key) if isinstance(key, str) else None
        if found is None or found.expire_date <= timezone.now():
            self._session_key = None
            return None
        return found
