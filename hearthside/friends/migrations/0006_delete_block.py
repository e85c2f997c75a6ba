# The rows were merged into community.MemberBlock by 0005. A migration of its own: on PostgreSQL
# the copy commits (and its deferred foreign-key checks run) before the table is dropped.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("friends", "0005_blocks_into_member_block"),
    ]

    operations = [
        migrations.DeleteModel(
            name="Block",
        ),
    ]
