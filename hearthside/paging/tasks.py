"""Background tasks of paging (django-tasks, database backend: queued pages survive restarts)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_pages(page_ids: list[int]) -> dict:
    from .delivery import deliver_pages as deliver

    return deliver(page_ids)
