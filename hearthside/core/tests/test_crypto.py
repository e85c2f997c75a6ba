from __future__ import annotations

import pytest
from django.db import connection

from hearthside.core import crypto


def test_encrypt_roundtrip_and_key_id(settings):
    stored = crypto.encrypt("I felt low today", "app.model.field")
    assert stored.startswith(f"enc1:{settings.DATA_KEYS[0][0]}:")
    assert "felt" not in stored
    assert crypto.decrypt(stored, "app.model.field") == "I felt low today"


def test_a_flipped_ciphertext_byte_fails_loudly():
    import base64

    stored = crypto.encrypt("secret words", "a.b.c")
    prefix, kid, payload = stored.split(":", 2)
    raw = bytearray(base64.b64decode(payload))
    raw[-5] ^= 0x01
    tampered = f"{prefix}:{kid}:{base64.b64encode(bytes(raw)).decode()}"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(tampered, "a.b.c")


def test_a_value_moved_to_another_field_does_not_decrypt():
    stored = crypto.encrypt("secret", "safety.safetyplan.steps")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(stored, "accounts.user.pseudonym")


def test_unknown_key_id_fails_loudly():
    stored = crypto.encrypt("x", "a.b.c")
    _, _, payload = stored.split(":", 2)
    with pytest.raises(crypto.DecryptionError, match="no data key"):
        crypto.decrypt(f"enc1:nokey:{payload}", "a.b.c")


def test_old_values_stay_readable_after_a_new_key_and_rotation_rewrites_them(settings, db):
    from hearthside.conftest import make_user
    from hearthside.core.keys import new_data_key, parse_data_keys
    from hearthside.core.rotation import rotate_all
    from hearthside.safety.models import SafetyPlan

    user = make_user("rotator")
    plan = SafetyPlan.objects.create(user=user, steps={"warning_signs": ["canary-rotation"]})
    old_kid = settings.DATA_KEYS[0][0]
    settings.DATA_KEYS = parse_data_keys(f"k99:{new_data_key()}," + ",".join(
        f"{kid}:{__import__('base64').urlsafe_b64encode(key).decode()}" for kid, key in settings.DATA_KEYS))
    assert SafetyPlan.objects.get(pk=plan.pk).steps["warning_signs"] == ["canary-rotation"]
    counts = rotate_all()
    assert counts["safety.safetyplan"] == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT steps FROM safety_safetyplan WHERE id = %s", [plan.pk])
        raw = cursor.fetchone()[0]
    assert crypto.key_id_of(raw) == "k99" != old_kid
    assert SafetyPlan.objects.get(pk=plan.pk).steps["warning_signs"] == ["canary-rotation"]
    assert rotate_all()["safety.safetyplan"] == 0


def test_tampered_row_in_database_fails_loudly_on_read(db):
    from hearthside.conftest import make_user
    from hearthside.safety.models import SafetyPlan

    plan = SafetyPlan.objects.create(user=make_user("tamper"), steps={"reasons_for_living": ["my cat"]})
    with connection.cursor() as cursor:
        cursor.execute("SELECT steps FROM safety_safetyplan WHERE id = %s", [plan.pk])
        raw = cursor.fetchone()[0]
        import base64

        prefix, kid, payload = raw.split(":", 2)
        data = bytearray(base64.b64decode(payload))
        data[len(data) // 2] ^= 0x40
        flipped = f"{prefix}:{kid}:{base64.b64encode(bytes(data)).decode()}"
        cursor.execute("UPDATE safety_safetyplan SET steps = %s WHERE id = %s", [flipped, plan.pk])
    with pytest.raises(crypto.DecryptionError):
        SafetyPlan.objects.get(pk=plan.pk)
