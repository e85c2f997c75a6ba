"""Append to and verify the tamper-evident audit log.

Each event stores the hash of the previous one, so editing or deleting a row breaks the chain
at that point and ``hearthside audit verify`` reports where.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import AuditEvent, AuditHead

GENESIS = "0" * 64


def client_ip(request) -> str:
    if request is None:
        return ""
    from django.conf import settings

    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()[:45]
    return (request.META.get("REMOTE_ADDR") or "")[:45]


def _digest(prev_hash: str, fields: dict) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + "|" + canonical).encode("utf-8")).hexdigest()


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
) -> AuditEvent:
    """Append one event. ``detail`` must hold identifiers and outcomes, never what a person wrote."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    subject_id = getattr(subject, "pk", subject)
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
            ip=client_ip(request),
            detail=detail or {},
            prev_hash=head.last_hash,
        )
        event.hash = _digest(head.last_hash, _fields(event))
        event.save()
        AuditHead.objects.filter(pk=1).update(last_hash=event.hash)
    return event


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
