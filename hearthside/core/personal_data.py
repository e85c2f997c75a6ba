"""One registry of personal data, used by export and by erasure.

Every model that holds a person's data registers here with the path from the model to the
person. A test walks every model that points at the user model and fails if one is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.db import models


@dataclass
class Registration:
    model: type[models.Model]
    user_field: str
    exclude: tuple[str, ...] = ()
    # "delete" removes the rows; "detach" keeps them (e.g. a group post others replied to)
    # with the pointer to the person cleared — the model's field must be nullable.
    erase: str = "delete"
    exporter: Callable | None = None
    order: int = 100
    extra_user_fields: tuple[str, ...] = field(default_factory=tuple)
    # Fields of a detached row that hold the person's own words: emptied when the row is detached
    # from them (a report stays for the moderators; what the reporter wrote goes with them).
    scrub: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


_REGISTRY: dict[str, Registration] = {}


def register(
    model,
    *,
    user_field: str = "user",
    exclude=(),
    erase: str = "delete",
    exporter=None,
    order: int = 100,
    extra_user_fields=(),
    scrub=(),
):
    if erase not in {"delete", "detach"}:
        raise ValueError("erase must be 'delete' or 'detach'")
    if scrub and erase != "detach":
        raise ValueError("scrub is for detached rows (deleted rows take everything with them)")
    reg = Registration(model, user_field, tuple(exclude), erase, exporter, order, tuple(extra_user_fields),
                       tuple(scrub))
    _REGISTRY[reg.label] = reg
    return model


def registrations() -> list[Registration]:
    return sorted(_REGISTRY.values(), key=lambda r: (r.order, r.label))


def is_registered(model) -> bool:
    return model._meta.label_lower in _REGISTRY


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, bytes):
        return None
    return value


def serialise_row(obj, exclude=()) -> dict:
    row = {}
    for f in obj._meta.concrete_fields:
        if f.name in exclude:
            continue
        key = f.attname if f.is_relation else f.name
        row[f.name] = _plain(getattr(obj, key))
    return row


def rows_for(reg: Registration, user):
    query = models.Q(**{reg.user_field: user})
    for extra in reg.extra_user_fields:
        query |= models.Q(**{extra: user})
    return reg.model._default_manager.filter(query)


def export_rows(user) -> dict[str, list[dict]]:
    data: dict[str, list[dict]] = {}
    for reg in registrations():
        if reg.exporter is not None:
            data[reg.label] = reg.exporter(user)
            continue
        data[reg.label] = [serialise_row(obj, reg.exclude) for obj in rows_for(reg, user).order_by("pk")]
    return data


def erase_rows(user) -> None:
    for reg in reversed(registrations()):
        if reg.erase == "delete":
            rows_for(reg, user).delete()
        else:
            # Clear each pointer on the rows where that pointer is the person, and only there; on
            # the rows they wrote, their words go too.
            for name in (reg.user_field, *reg.extra_user_fields):
                changes = {name: None}
                if name == reg.user_field:
                    changes.update({f: reg.model._meta.get_field(f).get_default() for f in reg.scrub})
                reg.model._default_manager.filter(**{name: user}).update(**changes)
