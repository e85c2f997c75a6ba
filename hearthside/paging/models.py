"""Paging of alert-handling staff: where to reach them (browsers, a mobile number) and every page sent."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from hearthside.core.fields import EncryptedTextField


class PushSubscription(models.Model):
    """One browser that receives Web Push pages for a staff member.

    The endpoint and keys identify a browser and can be used to reach it, so they are stored
    encrypted; ``endpoint_digest`` (SHA-256 of the endpoint) lets the same browser subscribing again
    replace its row instead of adding one, without a readable endpoint in the database.
    """

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = EncryptedTextField()
    endpoint_digest = models.CharField(max_length=64, unique=True)
    p256dh = EncryptedTextField()
    auth = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    last_success_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"push subscription {self.pk} of {self.user_id}"


class PagingProfile(models.Model):
    """A staff member's mobile number for text-message pages. The row exists only while a number is set."""

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="paging_profile")
    phone = EncryptedTextField(help_text="E.164, e.g. +447700900123")
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"paging profile of {self.user_id}"


class Page(models.Model):
    """One page to one person on one channel, for one reason at one tier of one alert.

    The unique constraint is what makes paging idempotent: a sweep or a signal that runs twice
    finds the row and pages nobody again. Test pages have no alert (NULLs never collide), so a
    person may test as often as the rate limit allows.
    """

    class Channel(models.TextChoices):
        PUSH = "push", "Web Push"
        SMS = "sms", "text message"

    class Reason(models.TextChoices):
        HALF_DEADLINE = "half_deadline", "not acknowledged at half the deadline"
        ESCALATION = "escalation", "escalated to this tier"
        TEST = "test", "test page"

    class Status(models.TextChoices):
        PENDING = "pending", "waiting to be sent"
        SENDING = "sending", "being sent"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"
        CANCELLED = "cancelled", "cancelled (alert no longer open)"

    alert = models.ForeignKey("safety.SafetyAlert", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="pages")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="pages")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    tier = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claim = models.CharField(max_length=32, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Push subscriptions (ids) this page already reached, so a retry does not page them twice.
    delivered = models.JSONField(default=list, blank=True)
    error = models.CharField(max_length=40, blank=True, help_text="the last failure: a short code, no addresses")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["alert", "user", "channel", "reason", "tier"], name="page_once"),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"page {self.pk} {self.channel} to {self.user_id} ({self.status})"


class HalfwayMark(models.Model):
    """The half-deadline pages of an alert at a tier were scheduled (claimed once, by one sweep)."""

    alert = models.ForeignKey("safety.SafetyAlert", on_delete=models.CASCADE, related_name="halfway_marks")
    tier = models.PositiveSmallIntegerField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "tier"], name="halfway_once")]

    def __str__(self) -> str:
        return f"alert {self.alert_id} tier {self.tier} halfway"
