"""friends 0005/0006: the Friends ``Block`` table merges into ``community.MemberBlock`` and goes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hearthside.conftest import make_user

BEFORE = [("friends", "0004_plural_names"), ("community", "0006_group_audience")]
AFTER = [("friends", "0006_delete_block")]
T1 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
T2 = datetime(2026, 4, 2, 10, 30, tzinfo=UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_friends_blocks_become_member_blocks_and_come_back_on_reverse():
    apps = _migrate(BEFORE)
    try:
        a, b, c = (make_user(name).pk for name in ("ash", "birch", "cedar"))
        Block = apps.get_model("friends", "Block")
        MemberBlock = apps.get_model("community", "MemberBlock")
        Block.objects.create(blocker_id=a, blocked_id=b, created_at=T1)  # its community row was removed
        Block.objects.create(blocker_id=a, blocked_id=c, created_at=T1)  # both rows, as always written
        MemberBlock.objects.create(user_id=a, other_id=c, kind="block", created_at=T2)
        Block.objects.create(blocker_id=b, blocked_id=c, created_at=T1)  # community row later turned to mute
        MemberBlock.objects.create(user_id=b, other_id=c, kind="mute", created_at=T2)
        MemberBlock.objects.create(user_id=c, other_id=a, kind="mute", created_at=T2)  # community only
        MemberBlock.objects.create(user_id=c, other_id=b, kind="block", created_at=T2)

        apps = _migrate(AFTER)
        merged = apps.get_model("community", "MemberBlock").objects.order_by("user_id", "other_id")
        assert list(merged.values_list("user_id", "other_id", "kind", "created_at")) == [
            (a, b, "block", T1), (a, c, "block", T2), (b, c, "block", T2), (c, a, "mute", T2), (c, b, "block", T2)]
        assert "friends_block" not in connection.introspection.table_names()

        apps = _migrate(BEFORE)
        restored = apps.get_model("friends", "Block").objects.order_by("blocker_id", "blocked_id")
        assert list(restored.values_list("blocker_id", "blocked_id")) == [(a, b), (a, c), (b, c), (c, b)]
        assert apps.get_model("community", "MemberBlock").objects.count() == 5
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
