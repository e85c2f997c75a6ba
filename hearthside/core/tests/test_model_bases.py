"""The abstract bases and constraint helpers of ``core.models`` that several apps' models share
(issue #19): each concrete model keeps the fields, names and strings it had before."""

from __future__ import annotations

import pytest
from django.db import models

from hearthside.conftest import make_user
from hearthside.core.models import (
    GIVEN_CLIENT_ID,
    ContentReport,
    NamedByNumber,
    Pseudonymous,
    SequencedConversation,
    client_id_constraint,
    message_constraints,
)


def test_rows_named_by_number_read_as_before():
    from hearthside.care.models import CalendarFeed
    from hearthside.community.models import Post, Report, Thread
    from hearthside.companion.models import CrisisEpisode
    from hearthside.friends.models import PeerReport, Strategy
    from hearthside.selfcare.models import JournalEntry

    expected = {Thread: "thread 7", Post: "post 7", Report: "report 7", PeerReport: "peer report 7",
                Strategy: "strategy 7", CalendarFeed: "calendar feed 7", JournalEntry: "journal entry 7",
                CrisisEpisode: "crisis episode 7"}
    for model, text in expected.items():
        assert issubclass(model, NamedByNumber)
        assert str(model(pk=7)) == text


def test_both_reports_share_their_statuses_and_keep_their_own_reason():
    from hearthside.community.models import Report
    from hearthside.friends.models import PeerReport

    for model in (Report, PeerReport):
        assert issubclass(model, ContentReport)
        status = model._meta.get_field("status")
        assert (status.max_length, status.default, status.db_index) == (10, "open", True)
        assert status.choices == [("open", "open"), ("handled", "handled")]
        assert model.Status.HANDLED == "handled"
    assert Report._meta.get_field("reason").blank is False
    assert PeerReport._meta.get_field("reason").blank is True


def test_every_conversation_row_counts_its_messages():
    from hearthside.care.models import CareRelationship
    from hearthside.community.models import Group
    from hearthside.companion.models import Conversation as CompanionConversation
    from hearthside.friends.models import Connection
    from hearthside.supportline.models import Conversation

    for model in (Group, Connection, CareRelationship, Conversation, CompanionConversation):
        assert issubclass(model, SequencedConversation)
        field = model._meta.get_field("last_seq")
        assert isinstance(field, models.BigIntegerField) and field.default == 0


def test_client_id_constraints_are_the_ones_the_migrations_made():
    assert client_id_constraint("user", condition=GIVEN_CLIENT_ID, name="unique_x") == models.UniqueConstraint(
        fields=["user", "client_id"], condition=~models.Q(client_id=""), name="unique_x")
    assert message_constraints("group", seq="s", client_id="c") == [
        models.UniqueConstraint(fields=["group", "seq"], name="s"),
        models.UniqueConstraint(fields=["group", "author", "client_id"], name="c"),
    ]


def test_pseudonymous_rows_read_as_their_name():
    from hearthside.accounts.models import User
    from hearthside.friends.models import PeerProfile

    for model in (User, PeerProfile):
        assert issubclass(model, Pseudonymous)
        assert str(model(pseudonym="Quiet Fern")) == "Quiet Fern"  # the account's name, not its login


@pytest.mark.django_db
def test_saving_a_pseudonym_keeps_its_skeleton_on_both_models():
    from hearthside.accounts.models import User
    from hearthside.core.names import skeleton
    from hearthside.friends.models import PeerProfile

    user = make_user("fern")
    user.pseudonym = "Fеrn Two"  # a Cyrillic е
    user.save(update_fields=["pseudonym"])  # the skeleton is saved with it
    assert User.objects.get(pk=user.pk).pseudonym_skeleton == skeleton("Fern Two")

    profile = PeerProfile.objects.create(user=user, pseudonym="Quiet Fern", age_band="adult")
    profile.pseudonym = "Quiet Fеrn"
    profile.save(update_fields=["pseudonym"])
    assert PeerProfile.objects.get(pk=profile.pk).pseudonym_skeleton == skeleton("Quiet Fern")
