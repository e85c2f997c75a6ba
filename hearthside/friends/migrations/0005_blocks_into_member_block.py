"""One block for the whole app (issue #19): every Friends ``Block`` row becomes a community
``MemberBlock`` of kind *block*; ``0006`` then drops the Friends table.

The Friends actions always wrote both rows, so most blocks are already there. A Friends block whose
community row was later changed to *mute* becomes a *block* again (the stronger of the two, which is
what Friends enforced); one whose community row was removed gets it back. Reversing copies every
*block* back into the Friends table; a mute that was raised to a block stays a block.
"""

from django.db import migrations

BATCH = 500


def merge_into_member_blocks(apps, schema_editor):
    Block = apps.get_model("friends", "Block")
    MemberBlock = apps.get_model("community", "MemberBlock")
    db = schema_editor.connection.alias
    last = 0
    while True:
        rows = list(Block.objects.using(db).filter(pk__gt=last).order_by("pk")
                    .values_list("pk", "blocker_id", "blocked_id", "created_at")[:BATCH])
        if not rows:
            return
        last = rows[-1][0]
        kinds = dict(((u, o), k) for u, o, k in MemberBlock.objects.using(db).filter(
            user_id__in={blocker for _pk, blocker, _b, _c in rows}).values_list("user_id", "other_id", "kind"))
        MemberBlock.objects.using(db).bulk_create([
            MemberBlock(user_id=blocker, other_id=blocked, kind="block", created_at=created_at)
            for _pk, blocker, blocked, created_at in rows if (blocker, blocked) not in kinds])
        for _pk, blocker, blocked, _c in rows:
            if kinds.get((blocker, blocked)) == "mute":
                MemberBlock.objects.using(db).filter(user_id=blocker, other_id=blocked).update(kind="block")


def copy_back_to_friends(apps, schema_editor):
    Block = apps.get_model("friends", "Block")
    MemberBlock = apps.get_model("community", "MemberBlock")
    db = schema_editor.connection.alias
    last = 0
    while True:
        rows = list(MemberBlock.objects.using(db).filter(pk__gt=last, kind="block").order_by("pk")
                    .values_list("pk", "user_id", "other_id", "created_at")[:BATCH])
        if not rows:
            return
        last = rows[-1][0]
        Block.objects.using(db).bulk_create(
            [Block(blocker_id=user, blocked_id=other, created_at=created_at) for _pk, user, other, created_at in rows],
            ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ("friends", "0004_plural_names"),
        ("community", "0006_group_audience"),
    ]

    operations = [
        migrations.RunPython(merge_into_member_blocks, copy_back_to_friends),
    ]
