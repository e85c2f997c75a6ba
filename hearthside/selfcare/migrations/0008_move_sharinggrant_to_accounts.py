"""SharingGrant now lives in accounts (accounts/0004): drop it from this app's state only; the table
stays, owned by the accounts model."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("selfcare", "0007_plural_names"),
        ("accounts", "0004_sharinggrant"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SharingGrant")],
            database_operations=[],
        ),
    ]
