"""The time of each day's newest check-in on its summary row (``CheckInDay.newest_at``), so that a
new check-in can be added to its day without asking whether a newer one exists; filled in for the
rows already stored from the check-ins' times (plain, nothing is decrypted).

Self-contained on purpose, like 0010. Reversing drops the column.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.db import migrations, models


def fill(apps, schema_editor):
    db = schema_editor.connection.alias
    CheckIn = apps.get_model("selfcare", "CheckIn")
    CheckInDay = apps.get_model("selfcare", "CheckInDay")

    def flush(user_id, rows):
        newest: dict = {}
        zones = {row.time_zone for row in rows.values()}
        for at in CheckIn.objects.using(db).filter(user_id=user_id).values_list("at", flat=True).iterator(chunk_size=5000):
            for zone in zones:
                key = (at.astimezone(ZoneInfo(zone or "UTC")).date(), zone)
                if key in rows and (key not in newest or at > newest[key]):
                    newest[key] = at
        changed = []
        for key, row in rows.items():
            if key in newest:
                row.newest_at = newest[key]
                changed.append(row)
        CheckInDay.objects.using(db).bulk_update(changed, ["newest_at"], batch_size=500)

    current, rows = None, {}
    for row in (CheckInDay.objects.using(db).order_by("user_id", "day").only("id", "user_id", "day", "time_zone")
                .iterator(chunk_size=2000)):
        if row.user_id != current:
            if current is not None:
                flush(current, rows)
            current, rows = row.user_id, {}
        rows[(row.day, row.time_zone)] = row
    if current is not None:
        flush(current, rows)


class Migration(migrations.Migration):

    dependencies = [
        ("selfcare", "0010_backfill_checkin_days"),
    ]

    operations = [
        migrations.AddField(
            model_name="checkinday",
            name="newest_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
