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
