"""Model fields whose contents are encrypted at rest (see core.crypto)."""

from __future__ import annotations

import json

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


def encrypted_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if getattr(f, "encrypted", False)]
