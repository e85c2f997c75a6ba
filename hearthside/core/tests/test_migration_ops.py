"""Free text that used to be stored plainly is encrypted by its migration (issue #17: content-
warning tags, report reasons, homework instructions and the peer intro were plaintext)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from hearthside.community.models import Group, Post, Report, Thread
from hearthside.conftest import make_user
from hearthside.core.migration_ops import _rewrite


class _Editor:
    connection = connection

    @staticmethod
    def quote_name(name):
        return connection.ops.quote_name(name)


@pytest.mark.django_db
def test_plaintext_rows_are_encrypted_in_place_and_read_back():
    author = make_user("author")
    thread = Thread.objects.create(group=Group.objects.create(slug="g", name="G"), title="t")
    post = Post.objects.create(thread=thread, author=author, body="b", cw_tags=["loss"])
    report = Report.objects.create(post=post, reporter=author, reason="unkind words")
    # As the old code stored them: plain text in the columns.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE community_post SET cw_tags = %s WHERE id = %s", ['["loss", "self-harm"]', post.pk])
        cursor.execute("UPDATE community_report SET reason = %s WHERE id = %s", ["he was cruel", report.pk])
    for model, field in (("post", "cw_tags"), ("report", "reason")):
        _rewrite("community", model, field, True)(apps, _Editor)
        _rewrite("community", model, field, True)(apps, _Editor)  # a second run changes nothing
    with connection.cursor() as cursor:
        cursor.execute("SELECT cw_tags FROM community_post WHERE id = %s", [post.pk])
        stored_tags = cursor.fetchone()[0]
        cursor.execute("SELECT reason FROM community_report WHERE id = %s", [report.pk])
        stored_reason = cursor.fetchone()[0]
    assert "self-harm" not in str(stored_tags) and "cruel" not in stored_reason
    assert Post.objects.get(pk=post.pk).cw_tags == ["loss", "self-harm"]
    assert Report.objects.get(pk=report.pk).reason == "he was cruel"
    # And back (the migration's reverse).
    _rewrite("community", "report", "reason", False)(apps, _Editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reason FROM community_report WHERE id = %s", [report.pk])
        assert cursor.fetchone()[0] == "he was cruel"
