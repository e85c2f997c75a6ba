"""Field-level encryption of health data with AES-256-GCM and rotatable keys.

A stored value looks like ``enc1:<key id>:<base64 nonce+ciphertext+tag>``. The key id lets old
values be read after a new key becomes current; ``hearthside rotate-keys`` re-encrypts them.
The associated data binds a value to its model field, so a ciphertext copied into another
column fails to decrypt instead of being read in the wrong place.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "enc1"


class DecryptionError(Exception):
    """A stored value could not be authenticated: tampered, truncated or unknown key."""


def _keys() -> list[tuple[str, bytes]]:
    from django.conf import settings

    return settings.DATA_KEYS


_CIPHERS: dict[bytes, AESGCM] = {}


def _cipher(key: bytes) -> AESGCM:
    # Building the cipher object costs about as much as a small decryption; keep one per key.
    cipher = _CIPHERS.get(key)
    if cipher is None:
        cipher = _CIPHERS[key] = AESGCM(key)
    return cipher


def current_key_id() -> str:
    return _keys()[0][0]


def encrypt(plaintext: str, aad: str) -> str:
    kid, key = _keys()[0]
    nonce = os.urandom(12)
    sealed = _cipher(key).encrypt(nonce, plaintext.encode("utf-8"), aad.encode("utf-8"))
    return f"{PREFIX}:{kid}:{base64.b64encode(nonce + sealed).decode('ascii')}"


def key_id_of(stored: str) -> str | None:
    parts = stored.split(":", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    return parts[1]


def decrypt(stored: str, aad: str) -> str:
    parts = stored.split(":", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        raise DecryptionError("value is not an encrypted Hearthside field")
    _, kid, payload = parts
    key = next((k for i, k in _keys() if i == kid), None)
    if key is None:
        raise DecryptionError(f"no data key with id {kid!r} is configured")
    try:
        raw = base64.b64decode(payload.encode("ascii"), validate=True)
    except Exception:
        raise DecryptionError("encrypted value is not valid base64") from None
    if len(raw) < 12 + 16:
        raise DecryptionError("encrypted value is truncated")
    try:
        plain = _cipher(key).decrypt(raw[:12], raw[12:], aad.encode("utf-8"))
    except InvalidTag:
        raise DecryptionError("encrypted value failed authentication (tampered or wrong key)") from None
    return plain.decode("utf-8")
