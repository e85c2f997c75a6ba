"""Shared plumbing models: the append-only, hash-chained audit log, the abstract conversation row
and message of the conversation core (issue #19), the abstract bases and constraint helpers that
several apps' models share, and the worker's heartbeat shared by every app host."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from .fields import EncryptedTextField


class NamedByNumber(models.Model):
    """A row that reads as its model's name and its number ("post 12", "peer report 3"): what the
    admin and the logs show for rows that have no better name of their own."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Pseudonymous(models.Model):
    """A row shown by the name its person chose (the account, the peer profile). Saving keeps
    ``pseudonym_skeleton``, what the name looks like (``core.names.keep_skeleton``), which the
    concrete model's uniqueness checks look-alikes on. The concrete model declares ``pseudonym``
    itself (each has its own label and validators) and its case-insensitive unique constraint."""

    # What the pseudonym looks like (hearthside.core.names.skeleton): look-alikes are refused.
    pseudonym_skeleton = models.CharField(max_length=80, blank=True, db_index=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.pseudonym

    def save(self, *args, **kwargs):
        from .names import keep_skeleton

        keep_skeleton(self, kwargs)
        super().save(*args, **kwargs)


class ContentReport(NamedByNumber):
    """What a report of something a person wrote has, wherever it was written (the community, peer
    chat and the strategies board): open until a moderator handles it, and when it was made. The
    concrete model adds who reported, what about, and the reason (encrypted)."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        HANDLED = "handled", "handled"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class SequencedConversation(models.Model):
    """A conversation row (a group, a peer connection, a care relationship, a support-line or a
    companion conversation): ``last_seq`` is the last number given to one of its messages, raised
    under the row's lock so that everyone sees the messages in the same order. The conversation
    core's ``core.conversation.next_seq`` raises it; the companion, the one writer of its own
    conversation, raises it on the row it holds with ``select_for_update``."""

    last_seq = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class SequencedMessage(models.Model):
    """What a message of group chat, peer chat, counselling or the support line has in common:
    its number in the conversation (``seq``, given by ``core.conversation.next_seq``; none while
    held), the client's id that makes a resend a no-op, the encrypted body and when it was stored.

    A concrete model adds the foreign key to its conversation row, named in ``CONVERSATION``, an
    ``author`` (a foreign key to the user, with its own related name), its own statuses, and the
    two unique constraints: (conversation, seq) and (conversation, author, client_id), made by
    ``message_constraints``. ``core.conversation`` works on any such model.
    """

    CONVERSATION = ""  # the name of the foreign key to the conversation row

    seq = models.BigIntegerField(null=True, blank=True)
    client_id = models.CharField(max_length=64)
    body = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["seq"]


# A client id that may be left empty (system messages, rows written without one) is unique only
# where it is given.
GIVEN_CLIENT_ID = ~models.Q(client_id="")


def client_id_constraint(*writer: str, name: str, condition=None) -> models.UniqueConstraint:
    """One row for each client id of its writer (``writer``: the fields that say whose it is): a
    resend with the same id finds the stored row instead of adding a second one."""
    return models.UniqueConstraint(fields=[*writer, "client_id"], condition=condition, name=name)


def message_constraints(conversation: str, *, seq: str, client_id: str, client_id_condition=None) -> list:
    """A sequenced message's two unique constraints, named ``seq`` and ``client_id``: one message
    for each number of a conversation, and one for each client id of an author there (a resend
    is a no-op)."""
    return [
        models.UniqueConstraint(fields=[conversation, "seq"], name=seq),
        client_id_constraint(conversation, "author", condition=client_id_condition, name=client_id),
    ]


class AuditHead(models.Model):
    """One row that serialises appends to the audit chain (its update takes the write lock)."""

    seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit head #{self.seq}"


class AuditAddress(models.Model):
    """Where an audit event came from, as a keyed hash, kept apart from the chain so it can be
    deleted after its retention period without breaking the chain."""

    seq = models.BigIntegerField(unique=True)
    address_hash = models.CharField(max_length=40)
    at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name_plural = "audit addresses"  # the admin's list heading; Django's default adds an "s"

    def __str__(self) -> str:
        return f"audit #{self.seq} address"


class AuditEvent(models.Model):
    """Who did what to which object, when and from where; never the content itself.

    actor_id is a plain integer, not a foreign key: the log outlives erased accounts and must
    not be rewritten when they go, or the chain would break.
    """

    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True, db_index=True)
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    subject_id = models.BigIntegerField(null=True, help_text="whose data was touched")
    ip = models.CharField(max_length=45, blank=True, help_text="unused since addresses moved to AuditAddress")
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit events are append-only")


class WorkerHeartbeat(models.Model):
    """A worker process's last rounds (core/worker.py), where every app host can read them: with
    several app hosts, ``/healthz`` on one without a worker of its own reports the site's worker.
    One row per worker process; the freshest is the one reported. Holds no personal data."""

    worker = models.CharField(max_length=255, unique=True)  # "<host name>:<pid>"
    updated_at = models.DateTimeField(db_index=True)
    state = models.JSONField()  # the heartbeat file's content: pid, started_at, loops

    def __str__(self) -> str:
        return f"worker {self.worker}"
