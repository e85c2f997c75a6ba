"""SharingGrant moves from selfcare to accounts: only the migration state moves.

The table keeps its name (``selfcare_sharinggrant``), so no row is copied and nothing in the database
changes but the content type's app label (its permissions and admin log entries follow it). On a
fresh database selfcare/0002 creates the table and this adopts it; on an existing one this and
selfcare/0008 are both state-only. selfcare/0008 depends on this one, so the model is never missing
from the state while its table exists.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _relabel(apps, schema_editor, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.db_manager(schema_editor.connection.alias)
    # A database where post_migrate already made the new one (rare) keeps that one.
    if not types.filter(app_label=new, model="sharinggrant").exists():
        types.filter(app_label=old, model="sharinggrant").update(app_label=new)
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "selfcare", "accounts")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "accounts", "selfcare")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_age_band"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The table (selfcare/0002) and the journal entries a grant may point at.
        ("selfcare", "0007_plural_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SharingGrant",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("data_type", models.CharField(choices=[("checkins", "check-ins and insights"), ("questionnaires", "questionnaire results"), ("safety_plan", "safety plan"), ("exercises", "exercise history"), ("journal_entry", "one journal entry")], max_length=20)),
                        ("granted_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        ("journal_entry", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="sharing_grants", to="selfcare.journalentry")),
                        ("practitioner", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="received_sharing_grants", to=settings.AUTH_USER_MODEL)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="sharing_grants", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "selfcare_sharinggrant",
                        "ordering": ["-granted_at"],
                        "indexes": [models.Index(fields=["user", "data_type"], name="selfcare_sh_user_id_daa10a_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
