"""Web Push (RFC 8030, payload encrypted per RFC 8291, VAPID per RFC 8292) through ``pywebpush``.

The VAPID key pair identifies this site to the browsers' push services: the public key goes to
the browser when it subscribes, the private key signs every push. Keys are P-256, written the way
browsers and pywebpush take them: base64url without padding, the public key as the 65-byte
uncompressed point, the private key as its 32-byte secret number.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_key_bytes(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def generate_vapid_keys() -> tuple[str, str]:
    """A fresh (public, private) VAPID key pair."""
    private = ec.generate_private_key(ec.SECP256R1())
    secret = private.private_numbers().private_value.to_bytes(32, "big")
    return b64url(public_key_bytes(private.public_key())), b64url(secret)


def vapid_problem(public: str, private: str) -> str:
    """Why this key pair cannot be used ("" when it can)."""
    try:
        secret = b64url_decode(private)
        if len(secret) != 32:
            return "the private key must be 32 bytes, base64url"
        key = ec.derive_private_key(int.from_bytes(secret, "big"), ec.SECP256R1())
        derived = public_key_bytes(key.public_key())
    except (ValueError, TypeError):
        return "the private key is not a P-256 key in base64url"
    try:
        given = b64url_decode(public)
    except (ValueError, TypeError):
        return "the public key is not base64url"
    if given != derived:
        return "the public key does not belong to the private key"
    return ""


def push_enabled() -> bool:
    return bool(settings.PAGING_VAPID_PUBLIC_KEY and settings.PAGING_VAPID_PRIVATE_KEY)


def vapid_subject() -> str:
    return settings.PAGING_VAPID_SUBJECT or settings.SITE_URL


def valid_p256dh(value: str) -> bool:
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(value))
    except (ValueError, TypeError):
        return False
    return True


def load() -> None:
    """Import pywebpush (about 0.4 s: it brings aiohttp) in the calling thread, before the sender
    threads start: imported inside them, the first send of a worker waited on the import lock.
    Web processes never send, so they never load it."""
    import pywebpush  # noqa: F401


@dataclass
class PushResult:
    ok: bool
    error: str = ""
    permanent: bool = False
    gone: bool = False  # the push service forgot this subscription: delete it


def send_push(subscription: dict, payload: dict, *, timeout: float, ttl: int) -> PushResult:
    """Encrypt ``payload`` for one browser and post it to its push service. Touches no database."""
    import requests
    from pywebpush import WebPushException, webpush

    try:
        webpush(
            subscription, json.dumps(payload, separators=(",", ":")),
            vapid_private_key=settings.PAGING_VAPID_PRIVATE_KEY,
            # A fresh dict each call: pywebpush writes "aud" and "exp" into the one it is given.
            vapid_claims={"sub": vapid_subject()},
            timeout=timeout, ttl=ttl, headers={"Urgency": "high"},
        )
    except WebPushException as exc:
        status = exc.response.status_code if exc.response is not None else None
        if status in (404, 410):
            return PushResult(False, f"http {status}", permanent=True, gone=True)
        if status is not None and status != 429 and status < 500:
            # 400/401/403/413: the push service refuses this request (a key mismatch after the
            # operator changed the VAPID keys, a malformed subscription): another try cannot help.
            return PushResult(False, f"http {status}", permanent=True, gone=status == 403)
        return PushResult(False, f"http {status}" if status else "push error")
    except requests.Timeout:
        return PushResult(False, "timeout")
    except requests.RequestException:
        return PushResult(False, "connection")
    return PushResult(True)
