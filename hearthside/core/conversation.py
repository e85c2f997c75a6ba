"""The conversation core: what group chat, peer chat, counselling messages and the support line
share (issue #19). Each keeps its own message model and statuses; these are the shared steps.

- ``next_seq``: the next sequence number of a conversation, given out under the conversation
  row's lock (the UPDATE takes it), so numbers follow commit order, one at a time, the same for
  everyone in it.
- ``page``: messages with a sequence number, oldest first: after a number (catch-up) or before one
  (paging back), at most ``MAX_PAGE`` at a time.
- ``resent``, ``store_once``: a resend is idempotent. The stored message is returned before any
  work, and a unique constraint on (conversation, author, client id) in each message model
  catches two copies arriving at once: the second store fails and the row stored first is
  returned.
- ``check_rate``: the per-minute limit on one author's messages in one conversation (429).

Each message model derives from ``core.models.SequencedMessage`` (seq, client id, encrypted body,
created at) and names its conversation foreign key in ``CONVERSATION``.

The delivery rule (store, publish after commit, catch up by sequence number) is in
``docs/realtime.md``; ``core/tests/test_conversation_core.py`` races all four on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from .errors import RateLimited
from .prepared import Prepared, first_of

MAX_PAGE = 200


def _in_conversation(model, conversation, **more) -> models.QuerySet:
    return model._default_manager.filter(**{model.CONVERSATION: conversation}, **more)


# Every message sent asks these two of its conversation: compiled once per model (core.prepared).
_PREPARED: dict[tuple[type, str], Prepared] = {}


def _prepared(model, name: str) -> Prepared:
    found = _PREPARED.get((model, name))
    if found is None:
        in_it = f"{model.CONVERSATION}_id"
        if name == "resent":
            found = Prepared(lambda conversation_id, author_id, client_id: first_of(model._default_manager.filter(
                **{in_it: conversation_id}, author_id=author_id, client_id=client_id)), int, int, str)
        else:
            found = Prepared(lambda conversation_id, author_id, since: model._default_manager.filter(
                **{in_it: conversation_id}, author_id=author_id, created_at__gte=since).values_list("pk", flat=True),
                int, int, datetime)
        _PREPARED[(model, name)] = found
    return found


def resent(model, conversation, author, client_id: str):
    """The message this author already stored in this conversation under ``client_id``, or None."""
    if type(client_id) is not str:
        return _in_conversation(model, conversation, author=author, client_id=client_id).first()
    return _prepared(model, "resent").first(conversation.pk, author.pk, client_id)


def check_rate(model, conversation, author, per_minute: int, message: str, *, now=None) -> None:
    """Refuse (429, ``message``) when this author stored ``per_minute`` or more messages in this
    conversation during the last minute."""
    since = (now or timezone.now()) - timedelta(minutes=1)
    if len(_prepared(model, "recent")(conversation.pk, author.pk, since)) >= per_minute:
        raise RateLimited(message)


def store_once(model, conversation, author, client_id: str, store: Callable[[], tuple]) -> tuple:
    """Run ``store()`` in a transaction; it stores the message and returns ``(message, route)``
    (route: what screening decided, or None). Returns ``(message, True, route)``, or, when the same
    client id was stored at the same moment by another request, ``(that message, False, None)``:
    a resend never duplicates."""
    try:
        with transaction.atomic():
            message, route = store()
    except IntegrityError:
        existing = resent(model, conversation, author, client_id)
        if existing is None:
            raise
        return existing, False, None
    return message, True, route


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

