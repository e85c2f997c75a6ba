"""Migration helpers: encrypting a column that used to be stored in plain text.

    operations = [
        migrations.AlterField("friends", "peerprofile", "intro", EncryptedTextField(...)),
        encrypt_column("friends", "peerprofile", "intro"),
    ]

The AlterField makes the column text (a JSON column becomes its JSON text); the step then reads
each stored value with plain SQL and writes it back encrypted (the same AAD as the field uses).
Values already encrypted are left alone, so a half-finished run can be repeated. The reverse
decrypts.
"""

from __future__ import annotations

from django.db import migrations


def _rewrite(app_label: str, model_name: str, field_name: str, encrypting: bool):
    def run(apps, schema_editor):
        from hearthside.core import crypto

        model = apps.get_model(app_label, model_name)
        table = model._meta.db_table
        column = model._meta.get_field(field_name).column
        aad = f"{app_label}.{model_name.lower()}.{field_name}"
        qn = schema_editor.quote_name
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {qn('id')}, {qn(column)} FROM {qn(table)} WHERE {qn(column)} IS NOT NULL")
            rows = cursor.fetchall()
        marker = crypto.PREFIX + ":"
        with connection.cursor() as cursor:
            for pk, value in rows:
                text = value if isinstance(value, str) else str(value)
                done = text.startswith(marker)
                if encrypting and not done:
                    new = crypto.encrypt(text, aad)
                elif not encrypting and done:
                    new = crypto.decrypt(text, aad)
                else:
                    continue
                cursor.execute(f"UPDATE {qn(table)} SET {qn(column)} = %s WHERE {qn('id')} = %s", [new, pk])
            if connection.vendor == "postgresql":
                # The updates queued checks of the table's deferred foreign keys; PostgreSQL refuses
                # to ALTER a table with checks pending in the transaction (as a reverse migration
                # does next, turning the column back into a number). Run them now.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    return run


def encrypt_column(app_label: str, model_name: str, field_name: str) -> migrations.RunPython:
    return migrations.RunPython(_rewrite(app_label, model_name, field_name, True),
                                _rewrite(app_label, model_name, field_name, False))


def fill_name_skeletons(app_label: str, model_name: str, field: str = "pseudonym") -> migrations.RunPython:
    """Fill ``<field>_skeleton`` (hearthside.core.names.skeleton) for every existing row."""

    def run(apps, schema_editor):
        from hearthside.core.names import skeleton

        model = apps.get_model(app_label, model_name)
        for row in model.objects.only("pk", field).iterator(chunk_size=2000):
            model.objects.filter(pk=row.pk).update(**{f"{field}_skeleton": skeleton(getattr(row, field))[:80]})

    return migrations.RunPython(run, migrations.RunPython.noop)
