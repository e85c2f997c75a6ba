"""Model fields whose contents are encrypted at rest (see core.crypto)."""

from __future__ import annotations

import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from . import crypto


class _EncryptedMixin:
    encrypted = True

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        self._aad = f"{cls._meta.label_lower}.{name}"

    def get_internal_type(self):
        return "TextField"

    def _serialise(self, value) -> str:
        raise NotImplementedError

    def _deserialise(self, text: str):
        raise NotImplementedError

    def get_prep_value(self, value):
        if value is None:
            return None
        return crypto.encrypt(self._serialise(value), self._aad)

    def get_db_prep_value(self, value, connection, prepared=False):
        # Not the base field's: IntegerField and DecimalField would hand the ciphertext to the
        # backend's number adapters.
        return value if prepared else self.get_prep_value(value)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return self._deserialise(crypto.decrypt(value, self._aad))

    def to_python(self, value):
        if value is None or not isinstance(value, str) or not value.startswith(crypto.PREFIX + ":"):
            return value
        return self._deserialise(crypto.decrypt(value, self._aad))


class EncryptedTextField(_EncryptedMixin, models.TextField):
    """Free text (journal entries, messages, notes) stored with AES-GCM. Not searchable in SQL."""

    def _serialise(self, value) -> str:
        return str(value)

    def _deserialise(self, text: str):
        return text


class EncryptedJSONField(_EncryptedMixin, models.TextField):
    """A JSON document (answers, safety-plan steps) stored with AES-GCM."""

    def _serialise(self, value) -> str:
        return json.dumps(value, cls=DjangoJSONEncoder, separators=(",", ":"))

    def _deserialise(self, text: str):
        return json.loads(text)

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(crypto.PREFIX + ":"):
            return self._deserialise(crypto.decrypt(value, self._aad))
        return value

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj), cls=DjangoJSONEncoder)


class EncryptedIntegerField(_EncryptedMixin, models.IntegerField):
    """A score (a mood from 1 to 10) stored with AES-GCM; read back as an ``int``.

    The database sees ciphertext only, so it cannot compare, sum or sort these values: code reads a
    person's own rows and computes in Python (``selfcare.insights``). ``isnull`` still works.
    """

    @property
    def validators(self):
        # IntegerField adds the column type's range here, and the column is text.
        return [*self.default_validators, *self._validators]

    def _serialise(self, value) -> str:
        return str(int(value))

    def _deserialise(self, text: str):
        return int(text)

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(crypto.PREFIX + ":"):
            return self._deserialise(crypto.decrypt(value, self._aad))
        return models.IntegerField.to_python(self, value)


class EncryptedDecimalField(_EncryptedMixin, models.DecimalField):
    """A decimal (hours of sleep) stored with AES-GCM; read back as a ``Decimal`` with
    ``decimal_places`` places, as the plain column gave it."""

    def _serialise(self, value) -> str:
        return str(self._quantised(models.DecimalField.to_python(self, value)))

    def _deserialise(self, text: str):
        return self._quantised(Decimal(text))

    def _quantised(self, value: Decimal) -> Decimal:
        return value.quantize(Decimal(1).scaleb(-self.decimal_places))

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(crypto.PREFIX + ":"):
            return self._deserialise(crypto.decrypt(value, self._aad))
        return models.DecimalField.to_python(self, value)


def encrypted_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if getattr(f, "encrypted", False)]
