"""The conversation core: what group chat, peer chat, counselling messages and the support line
share (issue #19). Each keeps its own message model and statuses; these are the shared steps.

- ``next_seq``: the next sequence number of a conversation, given out under the conversation
  row's lock (the UPDATE takes it), so numbers follow commit order, one at a time, the same for
  everyone in it.
- ``page``: messages with a sequence number, oldest first: after a number (catch-up) or before one
  (paging back), at most ``MAX_PAGE`` at a time.
- A resend is idempotent by a unique constraint on (conversation, author, client id) in each
  message model: the second store fails and the caller returns the row stored first.

The delivery rule (store, publish after commit, catch up by sequence number) is in
``docs/realtime.md``; ``core/tests/test_conversation_core.py`` races all four on PostgreSQL.
"""

from __future__ import annotations

from django.db import connection, models

MAX_PAGE = 200


def next_seq(model: type[models.Model], pk: int, **only_if) -> int | None:
    """Add one to ``model``'s ``last_seq`` on row ``pk`` and return it, in one round trip while the
    row is locked (PostgreSQL and SQLite ≥ 3.35 both have RETURNING). ``only_if`` are further
    equality conditions on the row (e.g. ``status="accepted"``): None when the row does not match."""
    quote = connection.ops.quote_name
    where = [f"{quote(model._meta.pk.column)} = %s"]
    params: list = [pk]
    for name, value in only_if.items():
        where.append(f"{quote(model._meta.get_field(name).column)} = %s")
        params.append(value)
    column = quote(model._meta.get_field("last_seq").column)
    sql = (f"UPDATE {quote(model._meta.db_table)} SET {column} = {column} + 1 "  # noqa: S608 (names from the model)
           f"WHERE {' AND '.join(where)} RETURNING {column}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else row[0]


def page(queryset: models.QuerySet, *, after: int | None = None, before: int | None = None,
         limit: int = 50) -> list:
    """Rows of ``queryset`` that have a sequence number, oldest first: the first ``limit`` after
    ``after``, else the last ``limit`` (before ``before`` when given)."""
    limit = max(1, min(int(limit), MAX_PAGE))
    queryset = queryset.filter(seq__isnull=False)
    if after is not None:
        return list(queryset.filter(seq__gt=after).order_by("seq")[:limit])
    if before is not None:
        queryset = queryset.filter(seq__lt=before)
    return list(queryset.order_by("-seq")[:limit])[::-1]

