"""Queries that Django compiles once and then runs with new values (issue #20).

Building and compiling a small ORM query costs Django about 0.2 ms of CPU on a slow core; the
database answers it in a tenth of that. A websocket handshake asks seven such questions (the
session, the person, their groups, whom they hide, their peer chats, care relationships and
support-line conversations), always the same seven with other values. ``Prepared`` keeps the SQL
that Django itself generated for a query, with the positions of its values, and runs it again
with new ones: the same SQL, the same converters, the same objects; no hand-written SQL.

    _peer_ids = Prepared(lambda user_id: Connection.objects.filter(requester_id=user_id)
                         .values_list("pk", flat=True), int)
    ids = _peer_ids(user.pk)

Rules, each checked when the query is first compiled (a broken rule raises ``PreparedError``,
never a wrong answer):

- ``build`` takes only the declared arguments (``int``, ``str``, or an aware ``datetime`` compared
  with a date-and-time column, which reaches the SQL as the database's adapter writes it) and returns a QuerySet whose SQL
  does not depend on their values, nor on settings that may change while the process runs (branch
  outside ``build``, one ``Prepared`` per branch). It is compiled twice with two different sets of stand-in values:
  the SQL must be identical, and every value that differs must be exactly one argument's stand-in.
  A value that changes between the two compilations on its own (``timezone.now()``) is refused:
  pass it as an argument, or compare it in Python.
- An argument must reach the SQL unchanged (a lookup that rewrites it, such as ``__icontains``, is
  refused) and ``build`` must not run a query itself.
- Model rows (no ``select_related``, annotations or deferred fields), ``values_list`` (flat or
  not, without annotations) are supported; anything else is refused.

Compiled queries are kept on the thread's database connection object (Django's connections are
per thread), so a compiled query is only ever run on the connection that compiled it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections
from django.db.models.query import FlatValuesListIterable, ModelIterable, QuerySet, ValuesListIterable

_counter = itertools.count()


class PreparedError(Exception):
    """``build`` does not meet the rules above (a programming error, found at first use)."""


def _stand_ins(kinds: tuple[type, ...], which: int) -> tuple:
    values = []
    for position, kind in enumerate(kinds):
        if kind is int:
            values.append(-(7 * 10**12) - which * 1_000_003 - position)
        elif kind is str:
            values.append(f"hs-prepared-{which}-{position}-\u2063")
        elif kind is datetime:
            values.append(datetime(1901 + which, 1, 1, 0, 0, 0, position, tzinfo=UTC))
        else:
            raise PreparedError(f"argument kinds must be int, str or datetime, not {kind!r}")
    return tuple(values)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    slots: tuple[tuple[bool, object], ...]  # (True, argument index) or (False, constant)
    adapted: frozenset[int]  # arguments written by the database's datetime adapter
    converters: tuple  # ((position, (converter, ...), expression), ...)
    shape: str  # "model", "flat" or "tuples"
    model: type | None
    init_list: tuple[str, ...]
    alias: str


class Prepared:
    def __init__(self, build: Callable[..., QuerySet], *kinds: type):
        self.build = build
        self.kinds = kinds
        self.key = f"prepared-{next(_counter)}"
        self._alias: str | None = None

    def __call__(self, *args) -> list:
        if len(args) != len(self.kinds):
            raise TypeError(f"expected {len(self.kinds)} arguments, got {len(args)}")
        for value, kind in zip(args, self.kinds, strict=True):
            if type(value) is not kind:
                raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
            if kind is datetime and value.tzinfo is None:
                raise TypeError("expected an aware datetime")
        compiled = self._compiled()
        connection = connections[compiled.alias]
        if compiled.adapted:
            adapt = connection.ops.adapt_datetimefield_value
            args = tuple(adapt(value) if i in compiled.adapted else value for i, value in enumerate(args))
        params = [args[value] if is_arg else value for is_arg, value in compiled.slots]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = [_convert(row, compiled.converters, connection) for row in rows]
        if compiled.shape == "flat":
            return [row[0] for row in rows]
        if compiled.shape == "tuples":
            return [tuple(row) for row in rows]
        from_db, alias, names = compiled.model.from_db, compiled.alias, compiled.init_list
        return [from_db(alias, names, row) for row in rows]

    def first(self, *args):
        """The first row or object, or None (``build`` slices or orders as it needs)."""
        found = self(*args)
        return found[0] if found else None

    # -- compiling -------------------------------------------------------------------------------
    def _compiled(self) -> _Compiled:
        # Django's connection objects are per thread and live as long as it: the cache rides on them.
        alias = self._alias
        if alias is None:
            with _queries_refused():
                alias = self._alias = self.build(*_stand_ins(self.kinds, 0)).db
        connection = connections[alias]
        cache = connection.__dict__.setdefault("_hearthside_prepared", {})
        found = cache.get(self.key)
        if found is None:
            found = cache[self.key] = self._compile()
        return found

    def _compile(self) -> _Compiled:
        first = _stand_ins(self.kinds, 0)
        second = _stand_ins(self.kinds, 1)
        adapted = frozenset(i for i, kind in enumerate(self.kinds) if kind is datetime)
        adapt = connections[self._alias].ops.adapt_datetimefield_value
        # What each argument's stand-in looks like in the SQL's values.
        seen_first = [adapt(v) if i in adapted else v for i, v in enumerate(first)]
        seen_second = [adapt(v) if i in adapted else v for i, v in enumerate(second)]
        with _queries_refused():
            sample, other = self.build(*first), self.build(*second)
            if not isinstance(sample, QuerySet) or not isinstance(other, QuerySet):
                raise PreparedError("build must return a QuerySet")
            compiler_a = sample.query.get_compiler(using=sample.db)
            sql_a, params_a = compiler_a.as_sql()
            sql_b, params_b = other.query.get_compiler(using=other.db).as_sql()
        if sql_a != sql_b or len(params_a) != len(params_b) or sample.db != other.db:
            raise PreparedError("the SQL depends on the arguments' values")
        slots = []
        used = set()
        for a, b in zip(params_a, params_b, strict=True):
            if type(a) is type(b) and a == b:
                if a in seen_first or a in seen_second:
                    raise PreparedError("an argument's stand-in is the same in both compilations")
                slots.append((False, a))
                continue
            index = next((i for i in range(len(first)) if type(a) is type(seen_first[i]) and a == seen_first[i]
                          and type(b) is type(seen_second[i]) and b == seen_second[i]), None)
            if index is None:
                raise PreparedError(f"a value in the SQL changes on its own or is rewritten: {a!r} / {b!r}; "
                                    "pass it as an argument unchanged, or compare it in Python")
            slots.append((True, index))
            used.add(index)
        if used != set(range(len(first))):
            raise PreparedError("an argument does not reach the SQL unchanged")
        shape, model, init_list = self._shape(sample, compiler_a)
        fields = [s[0] for s in compiler_a.select[0:compiler_a.col_count]]
        converters = tuple((pos, tuple(convs), expression)
                           for pos, (convs, expression) in compiler_a.get_converters(fields).items())
        return _Compiled(sql=sql_a, slots=tuple(slots), adapted=adapted, converters=converters, shape=shape, model=model,
                         init_list=init_list, alias=sample.db)

    @staticmethod
    def _shape(queryset: QuerySet, compiler) -> tuple[str, type | None, tuple[str, ...]]:
        query = queryset.query
        if query.annotation_select or query.extra_select or queryset._prefetch_related_lookups:
            raise PreparedError("annotations, extra columns and prefetching are not supported")
        iterable = queryset._iterable_class
        if iterable is FlatValuesListIterable:
            return "flat", None, ()
        if iterable is ValuesListIterable:
            return "tuples", None, ()
        if iterable is ModelIterable:
            if query.select_related or query.deferred_loading[0]:
                raise PreparedError("select_related and deferred fields are not supported")
            if queryset._known_related_objects:
                raise PreparedError("querysets reached through a related object are not supported")
            klass_info = compiler.klass_info
            select_fields = klass_info["select_fields"]
            if len(select_fields) != compiler.col_count or select_fields != list(range(len(select_fields))):
                raise PreparedError("only the model's own columns may be selected")
            names = tuple(compiler.select[i][0].target.attname for i in select_fields)
            return "model", klass_info["model"], names
        raise PreparedError(f"{iterable.__name__} is not supported")


def first_of(queryset: QuerySet) -> QuerySet:
    """The query of ``queryset.first()`` (its own order, else the primary key's; one row), for a
    ``build`` whose caller takes ``Prepared.first``."""
    return (queryset if queryset.ordered else queryset.order_by("pk"))[:1]


def _convert(row, converters, connection) -> list:
    row = list(row)
    for position, convs, expression in converters:
        value = row[position]
        for converter in convs:
            value = converter(value, expression, connection)
        row[position] = value
    return row


def _no_queries(execute, sql, params, many, context):
    raise PreparedError("build must not run a query")


@contextmanager
def _queries_refused():
    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(_no_queries))
        yield
