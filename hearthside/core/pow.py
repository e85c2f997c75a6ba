"""A light proof of work before something cheap to ask for and costly to answer is queued (an
anonymous support-line conversation: issue #17 saw twelve fake crisis openings in a second).

The page gets a signed, timed challenge; the browser finds a counter such that
SHA-256("<challenge>:<counter>") starts with ``bits`` zero bits (about 2**bits hashes: a fraction
of a second in a browser, real cost for a flood); the server checks the signature, the age, the
work, and that the challenge was not used before. It never stands between a person and help on
its own: a browser without JavaScript sends no answer, and that request is only held to a lower
limit (see the support line's start view).
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache

SALT = "hearthside.pow"


def bits() -> int:
    return int(getattr(settings, "POW_BITS", 14))


def issue() -> dict:
    """A fresh challenge for a page: {"challenge": str, "bits": int}."""
    return {"challenge": signing.dumps(secrets.token_hex(8), salt=SALT, compress=False), "bits": bits()}


def _leading_zero_bits(digest: bytes) -> int:
    count = 0
    for byte in digest:
        if byte == 0:
            count += 8
            continue
        count += 8 - byte.bit_length()
        break
    return count


def solves(challenge: str, counter: str, difficulty: int | None = None) -> bool:
    digest = hashlib.sha256(f"{challenge}:{counter}".encode()).digest()
    return _leading_zero_bits(digest) >= (bits() if difficulty is None else difficulty)


def verify(challenge, counter, *, max_age: int = 900) -> bool:
    """A valid, recent, unused challenge with enough work. Uses it up."""
    if not isinstance(challenge, str) or not isinstance(counter, str) or not counter.isdigit() or len(counter) > 12:
        return False
    try:
        nonce = signing.loads(challenge, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return False
    if not solves(challenge, counter):
        return False
    return cache.add(f"pow:{nonce}", 1, timeout=max_age)  # False when it was used already
