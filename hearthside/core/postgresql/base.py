"""Django's PostgreSQL backend, with a health check that costs no round trip while a kept
connection is in use (issue #20; docs/benchmarks.md, "JSON API").

``CONN_HEALTH_CHECKS`` makes Django run ``SELECT 1`` before the first query of every request on a
kept connection, so that a connection the server closed (a restart, a failover, an idle timeout)
is replaced instead of failing the request. That round trip was about a tenth of an API request.
A server that ends a connection says so on its socket — the FATAL message of a shutdown, or the
end of the stream — so a connection whose socket has nothing to read, that was used a moment
ago and had no error since, is taken as healthy without asking. Anything else (data waiting on
the socket, an error in the last request, a connection idle for ``QUIET_SECONDS`` or more, which
is how a host that vanished without closing its sockets is still caught) gets Django's own check.
Everything else is Django's backend unchanged; ``ENGINE`` names this package
(``core.env.database_from_url``).
"""

from __future__ import annotations

import select
import time

from django.db.backends.postgresql import base

# A connection unused for this long is checked with a round trip before its next use.
QUIET_SECONDS = 5.0


class DatabaseWrapper(base.DatabaseWrapper):
    hs_used_at = 0.0  # time.monotonic() when this connection last opened a cursor

    def is_usable(self):
        if self.errors_occurred or not self._socket_is_quiet():
            return super().is_usable()
        return True

    def _socket_is_quiet(self) -> bool:
        """True when the connection was in use less than QUIET_SECONDS ago, psycopg knows of no
        failure, and the server has sent nothing since (no message, no end of stream)."""
        conn = self.connection
        if conn is None or conn.closed or conn.broken or time.monotonic() - self.hs_used_at >= QUIET_SECONDS:
            return False
        try:
            poller = select.poll()
            poller.register(conn.pgconn.socket, select.POLLIN | select.POLLPRI)
            return not poller.poll(0)
        except (OSError, ValueError, base.Database.Error):  # no socket any more
            return False

    def create_cursor(self, name=None):
        # Every query starts here; the check of the next request measures the quiet from this.
        self.hs_used_at = time.monotonic()
        return super().create_cursor(name)
