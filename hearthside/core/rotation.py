"""Re-encrypt every encrypted field with the current data key."""

from __future__ import annotations

from django.apps import apps
from django.db import connection, transaction

from . import crypto
from .fields import encrypted_fields


def _stale_pks(model, fields, current: str) -> list:
    """Primary keys of rows with a value under an older key, read without decrypting anything."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"SELECT {quote(model._meta.pk.column)}, {columns} FROM {quote(model._meta.db_table)}"  # noqa: S608
    stale = []
    with connection.cursor() as cursor:
        cursor.execute(sql)
        for pk, *values in cursor.fetchall():
            if any(v is not None and crypto.key_id_of(v) != current for v in values):
                stale.append(pk)
    return stale


def rotate_all(batch: int = 500) -> dict[str, int]:
    current = crypto.current_key_id()
    counts: dict[str, int] = {}
    for model in apps.get_models():
        fields = encrypted_fields(model)
        if not fields:
            continue
        pks = _stale_pks(model, fields, current)
        for start in range(0, len(pks), batch):
            with transaction.atomic():
                for obj in model._default_manager.filter(pk__in=pks[start:start + batch]):
                    obj.save(update_fields=[f.name for f in fields])
        counts[model._meta.label_lower] = len(pks)
    return counts


def encrypt_plain_column(model, field_name: str, aad: str, using: str = "default") -> int:
    """Encrypt values a column held in clear text before it became an encrypted field.

    Used by migrations that turn a plain column into an encrypted one; reads and writes raw SQL
    so it works with the historical model."""
    import json

    from django.db import connections

    connection = connections[using]
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    column = quote(model._meta.get_field(field_name).column)
    changed = 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {pk}, {column} FROM {table}")  # noqa: S608 - quoted names
        rows = cursor.fetchall()
        for row_id, value in rows:
            if value is None or (isinstance(value, str) and value.startswith(crypto.PREFIX + ":")):
                continue
            text = value if isinstance(value, str) else json.dumps(value)
            cursor.execute(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s",  # noqa: S608
                           [crypto.encrypt(text, aad), row_id])
            changed += 1
    return changed
