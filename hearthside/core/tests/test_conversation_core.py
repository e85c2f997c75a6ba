"""The conversation core (``core.conversation``) and the four conversations built on it: group
chat, peer chat, counselling messages and the support line (issue #19: one race test for all four).

The race needs PostgreSQL: SQLite serialises writers, so two threads never race for the row."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from hearthside.conftest import make_user
from hearthside.core.conversation import MAX_PAGE, check_rate, next_seq, page, resent, store_once
from hearthside.core.errors import RateLimited
from hearthside.core.fields import EncryptedTextField
from hearthside.core.models import SequencedMessage
from hearthside.testing.races import run_at_once

CALM = "Thanks, that helped a bit today."


@pytest.mark.django_db
def test_next_seq_counts_up_under_the_row_and_honours_its_conditions():
    from hearthside.community.models import Group
    from hearthside.friends.models import Connection

    group = Group.objects.create(slug="g", name="G", last_seq=41)
    assert [next_seq(Group, group.pk) for _ in range(3)] == [42, 43, 44]
    group.refresh_from_db()
    assert group.last_seq == 44
    assert next_seq(Group, group.pk + 1000) is None  # no such row

    a, b = make_user("a"), make_user("b")
    pending = Connection.objects.create(requester=a, recipient=b, status="pending",
                                        pair=Connection.pair_key(a.pk, b.pk))
    assert next_seq(Connection, pending.pk, status="accepted") is None
    pending.refresh_from_db()
    assert pending.last_seq == 0  # a condition that does not hold changes nothing
    assert next_seq(Connection, pending.pk, status="pending") == 1


@pytest.mark.django_db
def test_page_is_oldest_first_after_or_before_a_number_and_capped():
    from hearthside.community.models import ChatMessage, Group

    group = Group.objects.create(slug="g", name="G")
    author = make_user("a")
    for seq in range(1, 11):
        ChatMessage.objects.create(group=group, author=author, client_id=f"c{seq}", body="x", seq=seq)
    ChatMessage.objects.create(group=group, author=author, client_id="held", body="x", seq=None)
    messages = ChatMessage.objects.filter(group=group)
    assert [m.seq for m in page(messages, after=7)] == [8, 9, 10]
    assert [m.seq for m in page(messages, after=2, limit=3)] == [3, 4, 5]
    assert [m.seq for m in page(messages, limit=3)] == [8, 9, 10]
    assert [m.seq for m in page(messages, before=4, limit=2)] == [2, 3]
    assert [m.seq for m in page(messages, before=1)] == []
    assert [m.seq for m in page(messages, limit=0)] == [10]  # at least one
    assert len(page(messages, limit=10_000)) == 10 and MAX_PAGE == 200


MESSAGE_MODELS = [("community", "ChatMessage"), ("friends", "PeerMessage"), ("care", "Message"),
                  ("supportline", "Message")]


@pytest.mark.parametrize(("app", "name"), MESSAGE_MODELS)
def test_each_message_model_is_a_sequenced_message_naming_its_conversation(app, name):
    from django.apps import apps

    model = apps.get_model(app, name)
    assert issubclass(model, SequencedMessage)
    link = model._meta.get_field(model.CONVERSATION)
    assert link.many_to_one and link.related_model._meta.get_field("last_seq").get_internal_type() == \
        "BigIntegerField"
    assert {c.fields for c in model._meta.constraints} >= {
        (model.CONVERSATION, "seq"), (model.CONVERSATION, "author", "client_id")}
    assert {"seq", "client_id", "body", "created_at"} <= {f.name for f in model._meta.get_fields()}
    assert isinstance(model._meta.get_field("body"), EncryptedTextField)


@pytest.mark.django_db
def test_resent_check_rate_and_store_once_on_a_conversation():
    from hearthside.friends.models import Connection, PeerMessage

    a, b = make_user("a"), make_user("b")
    link = Connection.objects.create(requester=a, recipient=b, status="accepted", pair=Connection.pair_key(a.pk, b.pk))
    assert resent(PeerMessage, link, a, "c1") is None

    def store(client_id):
        return lambda: (PeerMessage.objects.create(connection=link, author=a, client_id=client_id, body="hi",
                                                   seq=next_seq(Connection, link.pk)), "route")

    first, created, route = store_once(PeerMessage, link, a, "c1", store("c1"))
    assert (created, route, first.seq) == (True, "route", 1)
    assert resent(PeerMessage, link, a, "c1") == first
    assert resent(PeerMessage, link, b, "c1") is None  # another author's client ids are their own
    # The same client id stored "at the same moment": the unique constraint answers, the first row is
    # returned, and the second transaction (with its sequence number) is rolled back.
    again, created, route = store_once(PeerMessage, link, a, "c1", store("c1"))
    assert (again, created, route) == (first, False, None)
    link.refresh_from_db()
    assert link.last_seq == 1 and PeerMessage.objects.filter(connection=link).count() == 1

    check_rate(PeerMessage, link, a, 2, "slow down")  # one message in the last minute: under 2
    store_once(PeerMessage, link, a, "c2", store("c2"))
    with pytest.raises(RateLimited) as refused:
        check_rate(PeerMessage, link, a, 2, "slow down")
    assert (refused.value.messages, refused.value.status) == (["slow down"], 429)
    check_rate(PeerMessage, link, b, 1, "slow down")  # counted per author


def _group_chat():
    from hearthside.community import actions
    from hearthside.community.models import ChatMessage, Group, Membership

    person = make_user("chatter")
    group = Group.objects.create(slug="race", name="Race", chat_rate_per_minute=100)
    Membership.objects.create(group=group, user=person)

    def send(client_id):
        return actions.check_send_chat(person, Group.objects.get(pk=group.pk), client_id, CALM)[0]

    return send, lambda: ChatMessage.objects.filter(group=group), lambda: Group.objects.get(pk=group.pk).last_seq


def _peer_chat():
    from hearthside.friends import actions
    from hearthside.friends.models import Connection, PeerMessage, PeerProfile

    person, friend = make_user("peer-a"), make_user("peer-b")
    for user in (person, friend):
        PeerProfile.objects.create(user=user, pseudonym=user.pseudonym, age_band="adult", enabled=True)
    pair = Connection.objects.create(requester=person, recipient=friend, status="accepted",
                                     pair=Connection.pair_key(person.pk, friend.pk))

    def send(client_id):
        return actions.check_send(person, Connection.objects.get(pk=pair.pk), client_id, CALM)[0]

    return send, lambda: PeerMessage.objects.filter(connection=pair), \
        lambda: Connection.objects.get(pk=pair.pk).last_seq


def _counselling():
    from hearthside.care import conversation
    from hearthside.care.models import CareRelationship, Message, PractitionerProfile

    client = make_user("client")
    profile = PractitionerProfile.objects.create(user=make_user("pract", "practitioner"), profession="psychologist")
    relationship = CareRelationship.objects.create(client=client, practitioner=profile)

    def send(client_id):
        return conversation.check_send_message(client, CareRelationship.objects.get(pk=relationship.pk),
                                               client_id, CALM)[0]

    return send, lambda: Message.objects.filter(relationship=relationship), \
        lambda: CareRelationship.objects.get(pk=relationship.pk).last_seq


def _support_line():
    from hearthside.supportline import actions
    from hearthside.supportline.models import Conversation, Message

    person = make_user("caller")
    started = actions.check_start(person, CALM)
    actions.check_help_next(make_user("supporter", "peer_supporter"))

    def send(client_id):
        return actions.check_send(person, Conversation.objects.get(pk=started.pk), client_id, CALM)[0]

    return send, lambda: Message.objects.filter(conversation=started), \
        lambda: Conversation.objects.get(pk=started.pk).last_seq


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("build", [_group_chat, _peer_chat, _counselling, _support_line],
                         ids=["group chat", "peer chat", "counselling", "support line"])
def test_concurrent_sends_get_one_contiguous_order_and_a_resend_is_stored_once(build):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so two threads cannot race for the row")
    send, messages, last_seq = build()
    before = set(messages().exclude(seq__isnull=True).values_list("seq", flat=True))
    client_ids = ["c1", "c2", "c3", "c4", "c5", "c5"]  # the last is a resend of the one before
    barrier = threading.Barrier(len(client_ids))
    stored: list = []
    errors: list = []

    def run(client_id):
        try:
            barrier.wait(timeout=10)
            stored.append(send(client_id).pk)
        except Exception as exc:  # reported below: a race must never fail a send
            errors.append(repr(exc))
        finally:
            connections.close_all()

    run_at_once(run, client_ids)
    assert errors == []
    new = messages().exclude(seq__in=before).filter(client_id__in=set(client_ids))
    seqs = sorted(new.values_list("seq", flat=True))
    assert new.count() == 5 and len(set(stored)) == 5  # the resend answered with the stored message
    assert seqs == list(range(seqs[0], seqs[0] + 5))  # one contiguous order, no gap, no repeat
    assert last_seq() == max(seqs)
