"""After an erasure, nothing the person wrote is left anywhere (issue #17, item 6: "every other copy of
personal text is found by a test that decrypts every encrypted column after an erasure and searches
for the person's words").

Generic by construction: a person with a row in every registered model (``_fill_everything``) has
one word put into every encrypted text and JSON field of every row they wrote, found through the
personal-data registry (and, for models without a path to the person, through ``UNREGISTERED``). The
account is erased. Then every encrypted column of every model is decrypted, and every table is read
raw, and the word must be nowhere, except in ``KEPT`` (each with the reason it stays). A new model
with an encrypted field that the person can write fails here until it is reached or explained.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from hearthside.conftest import make_user
from hearthside.core.fields import EncryptedDecimalField, EncryptedIntegerField, encrypted_fields
from hearthside.core.personal_data import registrations, rows_for

from .test_data_rights import _fill_everything

pytestmark = pytest.mark.django_db

WORD = "quillwort7c1e"

# Models with encrypted text that have no registered path to the person: how the person's words
# reach them (a lookup from the model to the person who wrote them).
UNREGISTERED = {
    "community.thread": "posts__author",  # the title of a thread the person opened
    "community.postrevision": "post__author",  # earlier versions of the person's posts
}
# Encrypted fields that never hold anyone's words.
NOT_WORDS = {
    "care.risknotice": "the feature a practitioner's notice came from (deleted with the care relationship)",
}
# Encrypted text the person may have written that stays after their erasure, by design.
KEPT = {
    # A moderator's reason stays on the moderation history of the member they acted on (the
    # moderator's name goes): that member may ask why. It is the moderator's record, not the member's.
    "community.moderationaction": "reason",
}
# Encrypted fields that never hold words (numbers), so nothing can be searched in them.
NUMBERS = (EncryptedIntegerField, EncryptedDecimalField)


def _text_fields(model) -> list:
    return [f for f in encrypted_fields(model) if not isinstance(f, NUMBERS)]


def _with_word(value):
    if isinstance(value, list):
        return [*value, WORD]
    if isinstance(value, dict):
        return {**value, "words": WORD}
    return f"{value or ''} {WORD}".strip()


def _mark(model, lookup: str, user) -> int:
    fields = _text_fields(model)
    marked = 0
    for obj in model._default_manager.filter(**{lookup: user}).distinct():
        model._default_manager.filter(pk=obj.pk).update(
            **{f.name: _with_word(getattr(obj, f.name)) for f in fields})
        marked += 1
    return marked


def _mark_everything_they_wrote(user) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reg in registrations():
        if _text_fields(reg.model):
            # Their own rows: for a row kept after erasure (detached), only where they are the writer.
            counts[reg.label] = _mark(reg.model, reg.user_field, user)
    for label, lookup in UNREGISTERED.items():
        model = apps.get_model(label)
        counts[label] = counts.get(label, 0) + _mark(model, lookup, user)
    return counts


def _decrypted_holding_the_word() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for model in apps.get_models():
        fields = _text_fields(model)
        if not fields:
            continue
        for row in model._default_manager.values_list(*(f.name for f in fields)):
            for field, value in zip(fields, row, strict=True):
                if WORD in str(value):
                    found.setdefault(model._meta.label_lower, set()).add(field.name)
    return found


def _tables_holding_the_word() -> set[str]:
    """Every table read raw: plain columns (a notification, the audit log) must not hold it either."""
    found = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (the database's own names)
            if WORD in repr(cursor.fetchall()):
                found.add(table)
    return found


def test_every_model_with_encrypted_text_can_be_reached_from_the_person():
    registered = {reg.label for reg in registrations()}
    unreached = [m._meta.label_lower for m in apps.get_models()
                 if _text_fields(m) and m._meta.label_lower not in registered | set(UNREGISTERED) | set(NOT_WORDS)]
    assert not unreached, f"say in UNREGISTERED how a person's words reach {unreached}"


def test_after_an_erasure_none_of_the_persons_words_is_left_anywhere():
    from hearthside.accounts.actions import erase_user_now
    from hearthside.community.models import Post, PostRevision, Report

    person = make_user("writer", country="GB")
    _fill_everything(person)
    bystander = make_user("bystander")
    _fill_everything(bystander)  # someone else's rows, which the person's erasure must leave alone
    PostRevision.objects.create(post=Post.objects.get(author=person), body="what it said before the edit")
    # A report the person made about someone else's post: it stays for the moderators.
    Report.objects.create(reporter=person, post=Post.objects.get(author=bystander), reason="unkind")
    counts = _mark_everything_they_wrote(person)
    # The search below means something only where the word was written: in every model with
    # encrypted text, the person wrote at least one row.
    unwritten = sorted(label for label, n in counts.items() if n == 0)
    assert not unwritten, f"_fill_everything writes no row of these for the person: {unwritten}"
    before = _decrypted_holding_the_word()
    assert set(before) == set(counts), set(counts) ^ set(before)
    bystanders = {reg.label: rows_for(reg, bystander).count() for reg in registrations()}

    erase_user_now(person)

    left = _decrypted_holding_the_word()
    assert left == {label: {field} for label, field in KEPT.items()}, left
    assert _tables_holding_the_word() == set()  # and no plain copy anywhere (what is kept is ciphertext)
    # The bystander's rows are all still there (the erasure was the person's, not everyone's).
    assert {reg.label: rows_for(reg, bystander).count() for reg in registrations()} == bystanders
