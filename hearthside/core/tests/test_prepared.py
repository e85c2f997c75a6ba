"""core.prepared: a query compiled once answers exactly as the ORM does, with each call's values,
and anything that could make a reused compilation wrong is refused when it is first compiled."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearthside.accounts.models import User
from hearthside.community.models import Group, MemberBlock, Membership
from hearthside.core.prepared import Prepared, PreparedError

pytestmark = pytest.mark.django_db


def _people(*names, **extra):
    return [User.objects.create_user(username=n, password=None, pseudonym=f"p-{n}", **extra) for n in names]


def test_model_rows_are_the_orms_objects_field_by_field():
    ada, bea = _people("ada", "bea")
    User.objects.filter(pk=bea.pk).update(is_active=False, erasure_requested_at=timezone.now())
    by_id = Prepared(lambda pk: User.objects.filter(pk=pk), int)
    for person in (ada, bea):
        mine, orms = by_id.first(person.pk), User.objects.get(pk=person.pk)
        assert type(mine) is User and mine._state.db == orms._state.db and not mine._state.adding
        for field in User._meta.concrete_fields:
            assert getattr(mine, field.attname) == getattr(orms, field.attname), field.name
            assert type(getattr(mine, field.attname)) is type(getattr(orms, field.attname)), field.name
    assert by_id.first(-5) is None and by_id(-5) == []


def test_values_lists_take_each_calls_values_and_constants_stay():
    ada, bea, cyd = _people("ada", "bea", "cyd")
    MemberBlock.objects.create(user=ada, other=bea, kind=MemberBlock.Kind.BLOCK)
    MemberBlock.objects.create(user=cyd, other=ada, kind=MemberBlock.Kind.MUTE)
    MemberBlock.objects.create(user=bea, other=cyd, kind=MemberBlock.Kind.BLOCK)
    touching = Prepared(lambda uid: MemberBlock.objects.filter(
        Q(user_id=uid) | Q(other_id=uid, kind=MemberBlock.Kind.BLOCK)).values_list("user_id", "other_id"), int)
    for person in (ada, bea, cyd):
        orm = MemberBlock.objects.filter(Q(user=person) | Q(other=person, kind=MemberBlock.Kind.BLOCK))
        assert sorted(touching(person.pk)) == sorted(orm.values_list("user_id", "other_id"))
    assert sorted(touching(ada.pk)) == [(ada.pk, bea.pk)]  # cyd's mute of ada is not a block of ada

    group = Group.objects.create(slug="g-1", name="G")
    Membership.objects.create(group=group, user=ada)
    slugs = Prepared(lambda uid, slug: Group.objects.filter(memberships__user_id=uid, slug=slug)
                     .values_list("slug", flat=True), int, str)
    assert slugs(ada.pk, "g-1") == ["g-1"] and slugs(bea.pk, "g-1") == [] and slugs(ada.pk, "g-2") == []


def test_converted_columns_match_the_orm():
    # Datetimes (a string on SQLite, made aware) and booleans (0/1 on SQLite) go through Django's
    # converters as the ORM's do.
    (ada,) = _people("ada")
    when = Prepared(lambda pk: User.objects.filter(pk=pk).values_list("date_joined", "is_active", "is_staff"), int)
    assert when(ada.pk) == list(User.objects.filter(pk=ada.pk).values_list("date_joined", "is_active", "is_staff"))
    joined, active, staff = when(ada.pk)[0]
    assert joined.tzinfo is not None and active is True and staff is False


def test_the_session_store_reads_what_django_wrote_and_not_an_expired_one():
    from django.contrib.sessions.backends.db import SessionStore as DjangoStore

    from hearthside.accounts.sessions import SessionStore

    store = DjangoStore()
    store["hello"] = "world"
    store.save()
    assert SessionStore(store.session_key).load() == {"hello": "world"}
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    expired = SessionStore(store.session_key)
    assert expired.load() == {} and expired.session_key is None
    assert SessionStore("no-such-key-00000000000000000000").load() == {}


def test_one_query_per_call_and_the_compilation_is_reused():
    ada, bea = _people("ada", "bea")
    by_id = Prepared(lambda pk: User.objects.filter(pk=pk).values_list("username", flat=True), int)
    by_id(ada.pk)
    with CaptureQueriesContext(connection) as seen:
        assert by_id(ada.pk) == ["ada"] and by_id(bea.pk) == ["bea"]
    assert len(seen) == 2
    assert seen[0]["sql"].replace(str(ada.pk), "?") == seen[1]["sql"].replace(str(bea.pk), "?")


def test_a_value_that_changes_on_its_own_is_refused():
    (ada,) = _people("ada")
    recent = Prepared(lambda pk: User.objects.filter(pk=pk, date_joined__lte=timezone.now()), int)
    with pytest.raises(PreparedError, match="changes on its own"):
        recent(ada.pk)


def test_an_argument_the_lookup_rewrites_is_refused():
    rewritten = Prepared(lambda name: User.objects.filter(username__icontains=name), str)
    with pytest.raises(PreparedError):
        rewritten("ada")


def test_an_argument_that_never_reaches_the_sql_is_refused():
    unused = Prepared(lambda pk, name: User.objects.filter(pk=pk), int, str)
    with pytest.raises(PreparedError, match="does not reach"):
        unused(1, "x")


def test_sql_that_depends_on_the_values_is_refused():
    shaped = Prepared(lambda pk: User.objects.filter(pk=pk) if pk % 2 else User.objects.filter(username="x"), int)
    with pytest.raises(PreparedError):
        shaped(1)


def test_build_must_not_run_a_query():
    def build(pk):
        User.objects.filter(pk=pk).exists()
        return User.objects.filter(pk=pk)

    with pytest.raises(PreparedError, match="must not run a query"):
        Prepared(build, int)(1)


@pytest.mark.parametrize("build", [
    lambda pk: User.objects.filter(pk=pk).annotate(n=Count("memberships")),
    lambda pk: Membership.objects.filter(user_id=pk).select_related("group"),
    lambda pk: User.objects.filter(pk=pk).only("username"),
    lambda pk: User.objects.filter(pk=pk).values("username"),
])
def test_unsupported_shapes_are_refused(build):
    with pytest.raises(PreparedError):
        Prepared(build, int)(1)


def test_arguments_are_checked():
    by_id = Prepared(lambda pk: User.objects.filter(pk=pk), int)
    with pytest.raises(TypeError):
        by_id("1")
    with pytest.raises(TypeError):
        by_id(True)
    with pytest.raises(TypeError):
        by_id(1, 2)
    with pytest.raises(PreparedError):
        Prepared(lambda when: User.objects.filter(date_joined=when), float)(1.0)


def test_a_datetime_argument_is_written_as_the_orm_writes_it():
    ada, bea, cyd = _people("ada", "bea", "cyd")
    now = timezone.now()
    User.objects.filter(pk=ada.pk).update(date_joined=now - timedelta(minutes=5))
    User.objects.filter(pk=bea.pk).update(date_joined=now - timedelta(seconds=30))
    User.objects.filter(pk=cyd.pk).update(date_joined=now)
    joined_since = Prepared(lambda since: User.objects.filter(date_joined__gte=since).order_by("pk")
                            .values_list("username", flat=True), datetime)
    for since in (now - timedelta(minutes=10), now - timedelta(minutes=1), now, now + timedelta(microseconds=1)):
        assert joined_since(since) == list(User.objects.filter(date_joined__gte=since).order_by("pk")
                                           .values_list("username", flat=True)), since
    with pytest.raises(TypeError, match="aware"):
        joined_since(now.replace(tzinfo=None))


def test_recent_texts_in_answers_as_recent_texts():
    from hearthside.community.models import ChatMessage
    from hearthside.safety.actions import recent_texts, recent_texts_in

    ada, bea = _people("ada", "bea")
    group = Group.objects.create(slug="g-2", name="G")
    for i, (who, minutes) in enumerate([(ada, 200), (ada, 25), (bea, 20), (ada, 10), (ada, 1)]):
        message = ChatMessage.objects.create(group=group, author=who, client_id=f"c{i}", body=f"text {i}")
        ChatMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))
    for who in (ada, bea):
        for limit in (1, 2, 10):
            assert recent_texts_in(ChatMessage, group, who, limit=limit) == recent_texts(
                ChatMessage.objects.filter(group=group, author=who), limit=limit)
    assert recent_texts_in(ChatMessage, group, ada) == ["text 1", "text 3", "text 4"]
