"""Companion conversations. Everything a person wrote, and what the companion remembers about
them, is encrypted at rest; all of it is exported and erased with the account."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from hearthside.core.fields import EncryptedJSONField, EncryptedTextField
from hearthside.core.models import NamedByNumber, SequencedConversation


class Conversation(SequencedConversation):
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="companion_conversations")
    # The dialogue manager's state (pending question, exercise step, crisis flag...).
    state = EncryptedJSONField(default=dict)
    in_crisis = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"companion conversation {self.pk}"


class Message(models.Model):
    """Stored first, then broadcast. ``seq`` orders a conversation; (conversation, role,
    client_id) makes a resend of the same message a no-op (the reply shares its client id)."""

    class Role(models.TextChoices):
        PERSON = "person", "person"
        COMPANION = "companion", "companion"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    seq = models.BigIntegerField()
    role = models.CharField(max_length=10, choices=Role.choices)
    client_id = models.CharField(max_length=64)
    body = EncryptedTextField()
    safety_level = models.CharField(max_length=10, default="none")
    actions = models.JSONField(default=list)
    # Quick replies, the exercise step and the help panel shown with a companion reply.
    extra = EncryptedJSONField(default=dict)
    engine = models.CharField(max_length=80, default="offline")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="unique_companion_seq"),
            models.UniqueConstraint(fields=["conversation", "role", "client_id"], name="unique_companion_client_id"),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}#{self.seq}"


class Memory(models.Model):
    """What the companion may remember between conversations, only with the person's consent."""

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="companion_memory")
    consent = models.BooleanField(null=True, default=None)
    data = EncryptedJSONField(default=dict)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "memories"  # the admin's list heading; Django's default adds an "s"

    def __str__(self) -> str:
        return f"companion memory {self.user_id}"


class CrisisEpisode(NamedByNumber):
    """From the moment the crisis flow starts to the recorded answer that ended it."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="crisis_episodes")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="companion_crisis_episodes")
    level = models.CharField(max_length=10)
    alert_id = models.BigIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The person's own answer to the explicit safety check that closed the flow.
    step_down_answer = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["-started_at"]
