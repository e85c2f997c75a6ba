"""Friendship: opt-in peer profiles, connections by mutual consent, 1:1 peer chat, a circle of
support, reach-outs to that circle, and a board of shared coping strategies."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Adults and minors are never suggested to each other nor allowed to connect; the peer profile's
# age bands are the account's.
from hearthside.accounts.models import AgeBand
from hearthside.core.fields import EncryptedTextField
from hearthside.core.models import (
    ContentReport,
    NamedByNumber,
    Pseudonymous,
    SequencedConversation,
    SequencedMessage,
    message_constraints,
)


class LookingFor(models.TextChoices):
    TALK = "talk", _("Someone to talk to")
    WALK = "walk", _("Someone to walk alongside")
    OFFER = "offer", _("To offer support")


class Availability(models.TextChoices):
    MORNINGS = "mornings", _("Mornings")
    AFTERNOONS = "afternoons", _("Afternoons")
    EVENINGS = "evenings", _("Evenings")
    WEEKENDS = "weekends", _("Weekends")


class PeerProfile(Pseudonymous):
    """Separate from the account: nothing here is seen by anyone until ``enabled`` is on."""

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="peer_profile")
    enabled = models.BooleanField(default=False, db_index=True)
    pseudonym = models.CharField(max_length=40)
    intro = EncryptedTextField(max_length=300, blank=True)
    topics = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    looking_for = models.JSONField(default=list, blank=True)
    availability = models.JSONField(default=list, blank=True)
    # Gentle check-ins: None = off (the default). Otherwise the circle is nudged after this many
    # days without a self-care check-in; ``nudged_for`` remembers which quiet spell was nudged.
    nudge_after_days = models.PositiveSmallIntegerField(null=True, blank=True)
    nudge_since = models.DateTimeField(null=True, blank=True)
    nudged_for = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(Lower("pseudonym"), name="unique_peer_pseudonym_ci")]


class Connection(SequencedConversation):
    """A request from ``requester`` to ``recipient``; chat is possible only once accepted."""

    class Status(models.TextChoices):
        HELD = "held", "held for moderator review"
        PENDING = "pending", "waiting for an answer"
        ACCEPTED = "accepted", "connected"
        DECLINED = "declined", "declined"
        ENDED = "ended", "ended"
        BLOCKED = "blocked", "blocked"
        WITHDRAWN = "withdrawn", "withdrawn"

    OPEN = (Status.HELD, Status.PENDING, Status.ACCEPTED)

    requester = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="peer_requests_sent")
    recipient = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="peer_requests_received")
    # "<smaller user id>:<larger user id>": at most one open connection per pair.
    pair = models.CharField(max_length=40)
    message = EncryptedTextField(blank=True, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    ended_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pair"], condition=Q(status__in=["held", "pending", "accepted"]),
                                    name="unique_open_peer_connection"),
        ]
        indexes = [models.Index(fields=["requester", "created_at"]), models.Index(fields=["recipient", "status"])]

    def __str__(self) -> str:
        return f"connection {self.pk} ({self.status})"

    @staticmethod
    def pair_key(a_id: int, b_id: int) -> str:
        low, high = sorted((int(a_id), int(b_id)))
        return f"{low}:{high}"

    def other(self, user_id: int) -> int:
        return self.recipient_id if self.requester_id == user_id else self.requester_id


class PeerMessage(SequencedMessage):
    """Stored first, then sent; ``seq`` orders a connection's messages and (author, client_id)
    makes a resend a no-op. Held and crisis messages get no ``seq`` and are never delivered."""

    class Status(models.TextChoices):
        PUBLISHED = "published", "delivered"
        HELD = "held", "held for review"
        CRISIS = "crisis", "not delivered (help shown)"
        HIDDEN = "hidden", "hidden by a moderator"

    CONVERSATION = "connection"

    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="peer_messages")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)

    class Meta(SequencedMessage.Meta):
        constraints = message_constraints("connection", seq="unique_peer_seq", client_id="unique_peer_client_id")

    def __str__(self) -> str:
        return f"peer message {self.connection_id}#{self.seq}"


class PeerReport(ContentReport):
    """A report about a person (and optionally one message or strategy) for moderators."""

    reporter = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="peer_reports_made")
    reported = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="peer_reports_about")
    message = models.ForeignKey(PeerMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    strategy = models.ForeignKey("Strategy", null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    reason = EncryptedTextField(max_length=500, blank=True)


class CircleMember(models.Model):
    """``member`` in ``owner``'s circle of support: the owner asks, the member must agree."""

    class Status(models.TextChoices):
        INVITED = "invited", "asked"
        ACCEPTED = "accepted", "in the circle"
        DECLINED = "declined", "declined"
        REMOVED = "removed", "removed"

    owner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="circle")
    member = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="circles_joined")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    # The owner wants them listed in the safety plan; the member's agreement covers it.
    in_safety_plan = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "member"], name="unique_circle_member")]

    def __str__(self) -> str:
        return f"{self.member_id} in circle of {self.owner_id} ({self.status})"


class ReachOut(models.Model):
    class Kind(models.TextChoices):
        REACH_OUT = "reach_out", "reach out"
        NUDGE = "nudge", "gentle check-in"

    sender = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="reach_outs")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REACH_OUT)
    body = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"reach-out {self.pk}"


class ReachOutDelivery(models.Model):
    reach_out = models.ForeignKey(ReachOut, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="reach_outs_received")
    seen_at = models.DateTimeField(null=True, blank=True)
    response = EncryptedTextField(blank=True, default="")
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reach_out", "recipient"], name="unique_reach_out_delivery")]
        verbose_name_plural = "reach out deliveries"

    def __str__(self) -> str:
        return f"reach-out {self.reach_out_id} to {self.recipient_id}"


class Strategy(NamedByNumber):
    """A coping strategy a member shares on the board; screened and moderated like posts."""

    class Status(models.TextChoices):
        PUBLISHED = "published", "published"
        HELD = "held", "held by screening"
        HIDDEN = "hidden", "hidden by a moderator"

    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="strategies")
    text = EncryptedTextField()
    situations = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "strategies"


class StrategyReaction(models.Model):
    """"This helped me too"."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="strategy_reactions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["strategy", "user"], name="unique_strategy_reaction")]

    def __str__(self) -> str:
        return f"{self.user_id} helped by {self.strategy_id}"
