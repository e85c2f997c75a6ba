"""Peer-support communities: groups, their members, forum threads and posts, and live chat."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from hearthside.core.fields import EncryptedJSONField, EncryptedTextField
from hearthside.core.models import (
    ContentReport,
    NamedByNumber,
    SequencedConversation,
    SequencedMessage,
    message_constraints,
)


class Group(SequencedConversation):
    class JoinPolicy(models.TextChoices):
        OPEN = "open", "anyone can join"
        REQUEST = "request", "by request"
        INVITE = "invite", "by invitation"

    class Audience(models.TextChoices):
        # The values are the account's age bands (accounts.models.AgeBand).
        ADULTS = "adult", "adults (18 or older)"
        UNDER_18 = "under_18", "under 18"

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    # With youth mode on, only people of this age band see and join the group (docs/communities.md).
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.ADULTS)
    topic = models.CharField(max_length=60, blank=True)
    description = models.TextField(blank=True)
    guidelines = models.TextField(blank=True, help_text="Markdown")
    join_policy = models.CharField(max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN)
    allow_anonymous = models.BooleanField(default=True, help_text="members may post as 'anonymous member'")
    hold_first_posts = models.BooleanField(default=False, help_text="a new member's first posts wait for approval")
    first_posts_held = models.PositiveSmallIntegerField(default=2)
    required_cw_tags = models.JSONField(default=list, blank=True, help_text="content-warning tags posts may need")
    slow_mode_seconds = models.PositiveIntegerField(default=0)
    chat_rate_per_minute = models.PositiveIntegerField(default=30)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def holds_everything(self) -> bool:
        """An under-18 group in youth mode: every post and chat message waits for a moderator."""
        from django.conf import settings

        return bool(settings.YOUTH_MODE and self.audience == self.Audience.UNDER_18)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", "member"
        FACILITATOR = "facilitator", "facilitator"

    class Status(models.TextChoices):
        ACTIVE = "active", "active"
        PENDING = "pending", "waiting for approval"
        INVITED = "invited", "invited"
        LEFT = "left", "left"
        REMOVED = "removed", "removed"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    show_in_member_list = models.BooleanField(default=True)
    muted_until = models.DateTimeField(null=True, blank=True)
    approved_posts = models.PositiveIntegerField(default=0)
    last_read_seq = models.BigIntegerField(default=0)
    hidden_cw_tags = models.JSONField(default=list, blank=True)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="unique_membership")]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.group_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class ChatMessage(SequencedMessage):
    """A live-chat message. Stored first, then broadcast; ``seq`` orders a group's messages and
    (author, client_id) makes a resend of the same message a no-op."""

    class Status(models.TextChoices):
        PUBLISHED = "published", "published"
        HELD = "held", "held by screening"
        REVIEW = "review", "waiting for a moderator (may hurt someone)"
        HIDDEN = "hidden", "hidden by a moderator"

    CONVERSATION = "group"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="chat_messages")
    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="chat_messages")
    anonymous = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True)
    # What the abuse detector found when it held this message for a moderator (empty otherwise).
    abuse_check = EncryptedJSONField(default=dict, blank=True)

    class Meta(SequencedMessage.Meta):
        constraints = message_constraints("group", seq="unique_chat_seq", client_id="unique_chat_client_id")

    def __str__(self) -> str:
        return f"chat {self.group_id}#{self.seq}"


class Thread(NamedByNumber):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="threads")
    title = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_post_at"]


class Post(NamedByNumber):
    class Status(models.TextChoices):
        PUBLISHED = "published", "published"
        SCHEDULED = "scheduled", "waiting ('hold my post')"
        PENDING = "pending", "waiting for approval"
        HELD = "held", "held by screening"
        HIDDEN = "hidden", "hidden by a moderator"
        CANCELLED = "cancelled", "cancelled by the author"

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="posts")
    anonymous = models.BooleanField(default=False)
    body = EncryptedTextField()
    cw_tags = EncryptedJSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True)
    publish_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # What the abuse detector found when it held this post for a moderator (empty otherwise).
    abuse_check = EncryptedJSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]


class PostRevision(models.Model):
    """Earlier text of an edited post, visible to moderators only."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = EncryptedTextField()
    replaced_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"revision of {self.post_id}"


class Reaction(models.Model):
    class Kind(models.TextChoices):
        STRENGTH = "strength", "sending strength"
        ME_TOO = "me_too", "me too"
        THANK_YOU = "thank_you", "thank you"
        HUG = "hug", "sending a hug"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="reactions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="unique_reaction")]

    def __str__(self) -> str:
        return f"{self.kind} on {self.post_id}"


class Report(ContentReport):
    reporter = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="reports_made")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    chat_message = models.ForeignKey(ChatMessage, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="reports")
    reason = EncryptedTextField(max_length=500)


class ModerationAction(models.Model):
    """The history of what moderators did to an item or a member (also in the audit log)."""

    moderator = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="moderation_actions")
    action = models.CharField(max_length=20)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="moderation")
    chat_message = models.ForeignKey(ChatMessage, null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="moderation")
    member = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = EncryptedTextField(max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.action} by {self.moderator_id}"


class ThreadRead(models.Model):
    """How far a person has read a thread: posts published after ``read_at`` are new to them."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="thread_reads")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="unique_thread_read")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id}"


class MemberBlock(models.Model):
    """One person no longer sees another's community content (chat, forum).

    ``mute``: only ``user`` stops seeing ``other``; ``other`` is not told. ``block``: neither sees
    the other's messages and posts. Anonymous content is never filtered: hiding it would tell
    people who wrote it. This is the one block of the whole app: a ``block`` also hides the two
    people from each other in Friends, and a Friends block writes it.
    """

    class Kind(models.TextChoices):
        MUTE = "mute", "mute"
        BLOCK = "block", "block"

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="community_blocks")
    other = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="community_blocked_by")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "other"], name="unique_member_block")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}s {self.other_id}"


class Meeting(models.Model):
    """A facilitated group meeting at a set time. During it the group's live chat is the room;
    ``start_seq``/``end_seq`` mark which chat messages belong to it."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    facilitator = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="facilitated_meetings")
    starts_at = models.DateTimeField(db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    capacity = models.PositiveSmallIntegerField(null=True, blank=True, help_text="empty: no limit")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    start_seq = models.BigIntegerField(null=True, blank=True)
    end_seq = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self):
        from datetime import timedelta

        return self.starts_at + timedelta(minutes=self.duration_minutes)


class MeetingRSVP(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="meeting_rsvps")
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="unique_meeting_rsvp")]

    def __str__(self) -> str:
        return f"{self.user_id} goes to {self.meeting_id}"
