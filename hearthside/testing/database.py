"""Database set-up that outlives one test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def rolled_back_after(django_db_blocker) -> Iterator[None]:
    """For the body of a module-scoped fixture (which asks for ``django_db_setup`` and
    ``django_db_blocker``): what it writes inside is there for every test of the module, in one
    transaction that is rolled back when the fixture ends, so nothing of it is left for the next.

        @pytest.fixture(scope="module")
        def world(django_db_setup, django_db_blocker):
            with rolled_back_after(django_db_blocker):
                yield build_world()
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
