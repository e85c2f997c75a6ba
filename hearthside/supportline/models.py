"""The text support line: conversations waiting in a risk-ordered queue, their messages, the
supporters who answer them and the supervisors who watch and step in."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hearthside.core.fields import EncryptedJSONField, EncryptedTextField
from hearthside.core.models import (
    GIVEN_CLIENT_ID,
    SequencedConversation,
    SequencedMessage,
    message_constraints,
)


class Guest(models.Model):
    """A person who reached out without an account: a throwaway user with a random pseudonym,
    no email and an unusable password. Their session is confined to the support line."""

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="supportline_guest")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"guest {self.user_id}"


class SupporterStatus(models.Model):
    """Whether a supporter is taking conversations now (the availability toggle)."""

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="supportline_status")
    available = models.BooleanField(default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "supporter statuses"  # the admin's list heading; Django's default adds an "s"

    def __str__(self) -> str:
        return f"{self.user_id} {'available' if self.available else 'away'}"


class Conversation(SequencedConversation):
    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for a supporter")
        ACTIVE = "active", _("in conversation")
        ENDED = "ended", _("ended")
        MESSAGE_LEFT = "message_left", _("left a message")

    class Outcome(models.TextChoices):
        SUPPORTED = "supported", _("person supported")
        SAFETY_PLAN = "safety_plan", _("safety plan made")
        REFERRED = "referred", _("referred to care")
        EMERGENCY = "emergency_services", _("emergency services contacted")
        ABUSE = "abuse", _("not genuine: marked as abuse")

    class Origin(models.TextChoices):
        LINE = "line", _("the person reached out")
        OUTREACH = "outreach", _("the safety team reached out")
        COMPANION = "companion", _("handed over by the companion")

    person = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="supportline_conversations")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.LINE)
    # The safety alert this conversation answers (outreach), so its steps go on the alert's timeline.
    alert = models.ForeignKey("safety.SafetyAlert", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="conversations")
    # When the person first opened an outreach conversation (the banner stops showing).
    seen_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.WAITING, db_index=True)
    # The highest screening level seen in the conversation; the queue is ordered by its rank.
    risk_level = models.CharField(max_length=10, default="none")
    risk_rank = models.PositiveSmallIntegerField(default=0)
    reasons = EncryptedJSONField(default=list, blank=True)
    flagged = models.BooleanField(default=False, help_text="risk rose during the conversation")
    share_plan = models.BooleanField(default=False)
    supporter = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="supportline_assigned")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    note = EncryptedTextField(blank=True, default="", help_text="the supporters' private note")
    handoff_summary = EncryptedTextField(blank=True, default="")
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    message_left = EncryptedTextField(blank=True, default="")
    contact = EncryptedTextField(blank=True, default="", help_text="how the person asked to be contacted")
    contacted_at = models.DateTimeField(null=True, blank=True)
    feedback_helped = models.CharField(max_length=10, blank=True)
    feedback_again = models.CharField(max_length=10, blank=True)
    transcript_deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "risk_rank", "created_at"])]

    def __str__(self) -> str:
        return f"conversation {self.pk} ({self.status})"

    @property
    def is_live(self) -> bool:
        return self.status in {self.Status.WAITING, self.Status.ACTIVE}


class Message(SequencedMessage):
    """One message. Stored first, then sent; ``seq`` orders what the person sees, and
    (conversation, author, client_id) makes a resend a no-op. Whispers (supervisor to supporter)
    have no ``seq``: they are never part of the person's stream."""

    class Kind(models.TextChoices):
        PERSON = "person", "person"
        SUPPORTER = "supporter", "supporter"
        SYSTEM = "system", "system"
        WHISPER = "whisper", "whisper"

    CONVERSATION = "conversation"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="supportline_messages")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # System messages and whispers have none.
    client_id = models.CharField(max_length=64, blank=True)
    level = models.CharField(max_length=10, blank=True)

    class Meta(SequencedMessage.Meta):
        # Whispers have no seq: the supervisor's view orders by time.
        ordering = ["created_at", "pk"]
        constraints = message_constraints("conversation", seq="unique_line_seq", client_id="unique_line_client_id",
                                          client_id_condition=GIVEN_CLIENT_ID)  # system messages, whispers

    def __str__(self) -> str:
        return f"line {self.conversation_id}#{self.seq}"


class Watch(models.Model):
    """A supervisor reading along (silently) or joined in. Every start is audited."""

    class Mode(models.TextChoices):
        READ = "read", _("reading along")
        JOINED = "joined", _("joined")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="watches")
    supervisor = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="supportline_watches")
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.READ)
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "supervisor"], name="unique_line_watch")]
        verbose_name_plural = "watches"

    def __str__(self) -> str:
        return f"{self.supervisor_id} {self.mode} {self.conversation_id}"
