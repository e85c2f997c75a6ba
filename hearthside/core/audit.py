"""Append to and verify the tamper-evident audit log.

Each event stores the keyed hash (HMAC-SHA-256 under ``settings.AUDIT_KEY``, a key of its own)
of the previous one, so editing or deleting a row breaks the chain at that point and
``hearthside audit verify`` reports where; without the key nobody can recompute the chain.
Every append also writes ``seq hash`` to an append-only anchor file outside the database, so
``hearthside audit verify --anchor FILE`` notices a chain rewritten even with the key, or cut short.

Client addresses are not in the chain: they are kept as keyed hashes in ``AuditAddress``,
deleted after ``AUDIT_ADDRESS_RETENTION_DAYS``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import AuditAddress, AuditEvent, AuditHead

GENESIS = "0" * 64
log = logging.getLogger("hearthside.audit")


def client_ip(request) -> str:
    if request is None:
        return ""
    from django.conf import settings

    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()[:45]
    return (request.META.get("REMOTE_ADDR") or "")[:45]


def _key() -> bytes:
    from django.conf import settings

    return settings.AUDIT_KEY.encode("utf-8")


def _digest(prev_hash: str, fields: dict, key: bytes | None = None) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hmac.new(key or _key(), (prev_hash + "|" + canonical).encode("utf-8"), hashlib.sha256).hexdigest()


def legacy_digest(prev_hash: str, fields: dict) -> str:
    """The unkeyed SHA-256 chain of logs written before the key (migration 0002 re-chains them)."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + "|" + canonical).encode("utf-8")).hexdigest()


def address_hash(address: str, key: bytes | None = None) -> str:
    """A keyed hash of a client address: the same address gives the same value (to see that
    several events came from one place) but it cannot be reversed by trying every address."""
    if not address:
        return ""
    return hmac.new(key or _key(), b"address|" + address.encode("utf-8"), hashlib.sha256).hexdigest()[:40]


def _anchor(seq: int, digest: str) -> None:
    """Append ``seq digest`` to the anchor file (O_APPEND: one short write, whole lines even with
    several processes). A failure is logged, never raised: auditing must not stop the site."""
    from django.conf import settings

    path = getattr(settings, "AUDIT_ANCHOR_FILE", "")
    if not path:
        return
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, f"{seq} {digest}\n".encode("ascii"))
        finally:
            os.close(fd)
    except OSError:
        log.exception("could not write the audit anchor file %s", path)


def _fields(event: AuditEvent) -> dict:
    return {
        "seq": event.seq,
        "at": event.at.isoformat(),
        "actor_id": event.actor_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "subject_id": event.subject_id,
        "ip": event.ip,
        "detail": event.detail,
    }


def record(
    action: str,
    *,
    actor=None,
    request=None,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    subject=None,
    detail: dict | None = None,
    sealed: bool = False,
    seal_subject: bool = False,
) -> AuditEvent:
    """Append one event. ``detail`` must hold identifiers and outcomes, never what a person wrote.

    ``sealed``: who acted (and whose data it was) is kept encrypted in the event, not in its
    actor and subject columns -- for acts a person chose to do anonymously (an anonymous thread),
    so that reading the log does not undo their anonymity. Opening it is itself an audited act
    with a reason (:func:`unseal`, ``hearthside audit unseal``).

    ``seal_subject``: only whose data it was is sealed; the actor stays in the open -- for what
    someone else does to an anonymous act (a moderator hides an anonymous post, a member reports
    an anonymous message): the actor answers for it, the anonymous author stays anonymous.
    """
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    subject_id = getattr(subject, "pk", subject)
    if sealed or seal_subject:
        from . import crypto

        who = json.dumps({"actor": getattr(actor, "pk", actor), "subject": subject_id})
        detail = {**(detail or {}), "sealed": crypto.encrypt(who, SEALED_AAD)}
        subject_id = None
        if sealed:
            actor = None
    with transaction.atomic():
        # The UPDATE takes a row lock (PostgreSQL) or the write lock (SQLite) before we read
        # the head, so two concurrent appends cannot both chain onto the same previous hash.
        updated = AuditHead.objects.filter(pk=1).update(seq=F("seq") + 1)
        if not updated:
            AuditHead.objects.create(pk=1, seq=1)
        head = AuditHead.objects.get(pk=1)
        event = AuditEvent(
            seq=head.seq,
            at=timezone.now(),
            actor_id=getattr(actor, "pk", actor),
            action=action,
            object_type=str(object_type)[:64],
            object_id=str(object_id)[:64],
            subject_id=subject_id,
            detail=detail or {},
            prev_hash=head.last_hash,
        )
        event.hash = _digest(head.last_hash, _fields(event))
        event.save()
        AuditHead.objects.filter(pk=1).update(last_hash=event.hash)
        address = client_ip(request)
        if address:
            AuditAddress.objects.create(seq=event.seq, address_hash=address_hash(address), at=event.at)
        seq, digest = event.seq, event.hash
        transaction.on_commit(lambda: _anchor(seq, digest))
    return event


SEALED_AAD = "core.auditevent.sealed"


def unseal(seq: int, *, by, reason: str) -> dict:
    """Who acted in sealed event ``seq``. Administrators only, with a reason of at least 10
    characters; the opening is itself recorded (``audit.unsealed``) before the answer is given."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from . import crypto

    if by is None or not getattr(by, "is_active", False) or not by.has_role("administrator"):
        raise PermissionDenied("Only an administrator can open a sealed audit event.")
    reason = (reason or "").replace("\x00", "").strip()
    if len(reason) < 10:
        raise ValidationError("Give the reason for opening it (at least 10 characters).")
    event = AuditEvent.objects.filter(seq=seq).first()
    if event is None or "sealed" not in (event.detail or {}):
        raise ValidationError(f"Event #{seq} is not sealed.")
    record("audit.unsealed", actor=by, detail={"seq": seq, "reason": reason[:500]})
    return json.loads(crypto.decrypt(event.detail["sealed"], SEALED_AAD))


def purge_addresses(now=None) -> int:
    """Delete keyed address hashes past their retention (a sweep)."""
    from datetime import timedelta

    from django.conf import settings

    cutoff = (now or timezone.now()) - timedelta(days=settings.AUDIT_ADDRESS_RETENTION_DAYS)
    deleted, _detail = AuditAddress.objects.filter(at__lt=cutoff).delete()
    return deleted


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    broken_at: int | None = None
    problem: str = ""


def verify_chain() -> VerifyResult:
    prev = GENESIS
    expected_seq = None
    checked = 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        if expected_seq is not None and event.seq != expected_seq:
            return VerifyResult(False, checked, event.seq, f"missing events before #{event.seq}")
        if event.prev_hash != prev:
            return VerifyResult(False, checked, event.seq, f"event #{event.seq} does not chain to its predecessor")
        if _digest(prev, _fields(event)) != event.hash:
            return VerifyResult(False, checked, event.seq, f"event #{event.seq} was altered")
        prev = event.hash
        expected_seq = event.seq + 1
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and checked and head.last_hash != prev:
        return VerifyResult(False, checked, None, "the newest events were removed")
    return VerifyResult(True, checked)


def verify_anchor(path: str | Path) -> VerifyResult:
    """Check the database against an anchor file: every anchored event must still be there with
    the same hash, and the chain must not end before the newest anchored event."""
    hashes = {}
    newest = 0
    checked = 0
    try:
        lines = Path(path).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return VerifyResult(False, 0, None, f"cannot read the anchor file: {exc}")
    wanted = {}
    for line in lines:
        parts = line.split()
        if len(parts) != 2 or not parts[0].isdigit():
            continue  # a torn last line after a crash; anything else is not ours
        wanted[int(parts[0])] = parts[1]
    for chunk_start in range(0, len(wanted), 5000):
        seqs = sorted(wanted)[chunk_start:chunk_start + 5000]
        hashes.update(AuditEvent.objects.filter(seq__in=seqs).values_list("seq", "hash"))
    for seq in sorted(wanted):
        newest = max(newest, seq)
        if seq not in hashes:
            return VerifyResult(False, checked, seq, f"anchored event #{seq} is missing from the database")
        if hashes[seq] != wanted[seq]:
            return VerifyResult(False, checked, seq, f"anchored event #{seq} has another hash in the database")
        checked += 1
    return VerifyResult(True, checked)
