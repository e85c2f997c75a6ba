"""Work queued for the worker (``core/worker.py``) as a second channel: an email next to an in-app
notice or a websocket event that already stands. A queue that fails is logged, never raised into
the request that already did what it was asked."""

from __future__ import annotations

import logging

from django.db import transaction


def enqueue_on_commit(task, *args, log: logging.Logger, what: str) -> None:
    """Queue ``task(*args)`` once the current transaction commits (at once outside one)."""

    def enqueue() -> None:
        try:
            task.enqueue(*args)
        except Exception:  # a second channel: what the person sees in the app already stands
            log.exception("could not queue %s", what)

    transaction.on_commit(enqueue)
