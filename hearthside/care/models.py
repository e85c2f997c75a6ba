"""Counselling: practitioners and their licences, availability, appointments, the care
relationship (messages, notes, homework) and calendar feeds."""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hearthside.core.fields import EncryptedTextField
from hearthside.core.models import NamedByNumber, SequencedConversation, SequencedMessage, message_constraints

APPROACHES = {
    "cbt": _("Cognitive behavioural therapy (CBT)"),
    "dbt": _("Dialectical behaviour therapy (DBT)"),
    "act": _("Acceptance and commitment therapy (ACT)"),
    "mbct": _("Mindfulness-based therapy"),
    "psychodynamic": _("Psychodynamic therapy"),
    "person_centred": _("Person-centred counselling"),
    "emdr": _("EMDR"),
    "cft": _("Compassion-focused therapy"),
}
SPECIALTIES = {
    "anxiety": _("Anxiety"),
    "depression": _("Depression"),
    "trauma": _("Trauma"),
    "grief": _("Grief and loss"),
    "relationships": _("Relationships"),
    "stress": _("Stress and burnout"),
    "sleep": _("Sleep"),
    "self_esteem": _("Self-esteem"),
    "students": _("Student life"),
    "lgbtq": _("LGBTQ+ affirming"),
}
LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt": "Português",
             "it": "Italiano", "pl": "Polski", "ar": "العربية", "zh": "中文"}


class Format(models.TextChoices):
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")
    TEXT = "text", _("Live text chat")
    MESSAGING = "messaging", _("Secure messaging")


class PractitionerProfile(models.Model):
    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="practitioner_profile")
    profession = models.CharField(_("profession"), max_length=80)
    bio = models.TextField(_("about"), max_length=3000, blank=True)
    approaches = models.JSONField(default=list, blank=True)
    specialties = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    formats = models.JSONField(default=list, blank=True)
    accepting_clients = models.BooleanField(default=True)
    published = models.BooleanField(default=True)
    # Availability is entered in the practitioner's own zone; slots are shown in the client's.
    time_zone = models.CharField(max_length=64, default="UTC")
    session_minutes = models.PositiveSmallIntegerField(default=50)
    slot_minutes = models.PositiveSmallIntegerField(default=60, help_text="distance between slot starts")
    min_notice_hours = models.PositiveSmallIntegerField(default=12)
    change_window_hours = models.PositiveSmallIntegerField(
        default=24, help_text="clients may cancel or reschedule up to this many hours before a session")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["user__pseudonym"]

    def __str__(self) -> str:
        return f"{self.user.pseudonym} ({self.profession})"


class Licence(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Not verified")

    practitioner = models.ForeignKey(PractitionerProfile, on_delete=models.CASCADE, related_name="licences")
    number = models.CharField(_("licence number"), max_length=60)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=100)
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    verified_on = models.DateField(null=True, blank=True)
    # Set once the expiry reminder went out for this expiry date; renewing clears it.
    expiry_reminder_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-expires_on"]
        constraints = [models.UniqueConstraint(fields=["issuing_body", "number"], name="unique_licence_number")]

    def __str__(self) -> str:
        return f"{self.issuing_body} {self.number}"

    def is_valid_on(self, day) -> bool:
        return self.status == self.Status.VERIFIED and self.expires_on >= day


class LicenceVerification(models.Model):
    """One check of a licence against its register, modelled on FHIR R4 VerificationResult
    (validationType primary source, validationProcess, statusDate, validator, outcome)."""

    class Method(models.TextChoices):
        REGISTER_LOOKUP = "register_lookup", _("Online public register lookup")
        REGISTER_CONTACT = "register_contact", _("Contacted the issuing body")
        DOCUMENT = "document", _("Inspected the original document")

    class Outcome(models.TextChoices):
        VERIFIED = "verified", _("Verified: matches the register")
        NOT_FOUND = "not_found", _("Not found on the register")
        MISMATCH = "mismatch", _("Details do not match the register")
        LAPSED = "lapsed", _("Lapsed, suspended or expired on the register")

    licence = models.ForeignKey(Licence, on_delete=models.CASCADE, related_name="verifications")
    verifier = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL,
                                 related_name="licence_verifications")
    method = models.CharField(max_length=20, choices=Method.choices)
    register_url = models.URLField(max_length=500)
    checked_on = models.DateField()
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.licence} {self.outcome} on {self.checked_on}"


class AvailabilityRule(models.Model):
    """A weekly window, in the practitioner's time zone (wall-clock times)."""

    practitioner = models.ForeignKey(PractitionerProfile, on_delete=models.CASCADE, related_name="availability")
    weekday = models.PositiveSmallIntegerField(help_text="0=Monday … 6=Sunday")
    start_time = models.TimeField()
    end_time = models.TimeField()

    class Meta:
        ordering = ["weekday", "start_time"]

    def __str__(self) -> str:
        return f"{self.weekday} {self.start_time}–{self.end_time}"


class AvailabilityException(models.Model):
    """A day off (no times), hours off on a day, or extra hours on a day; practitioner's zone."""

    class Kind(models.TextChoices):
        OFF = "off", _("Not available")
        EXTRA = "extra", _("Extra hours")

    practitioner = models.ForeignKey(PractitionerProfile, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField()
    kind = models.CharField(max_length=5, choices=Kind.choices, default=Kind.OFF)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["date", "start_time"]

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"


class CareRelationship(SequencedConversation):
    """A client working with a practitioner. One active relationship per client; switching ends
    the old one (its messages stay, readable by both, but nothing new is shared)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    client = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="care_relationships")
    practitioner = models.ForeignKey(PractitionerProfile, on_delete=models.CASCADE, related_name="relationships")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    client_read_seq = models.BigIntegerField(default=0)
    practitioner_read_seq = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["client"], condition=Q(status="active"), name="one_active_care_per_client"),
        ]

    def __str__(self) -> str:
        return f"care {self.client_id}→{self.practitioner_id} ({self.status})"


class Appointment(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        RESCHEDULED = "rescheduled", _("Moved to another time")

    practitioner = models.ForeignKey(PractitionerProfile, on_delete=models.CASCADE, related_name="appointments")
    client = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="appointments")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.VIDEO)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_id = models.BigIntegerField(null=True, blank=True)
    rescheduled_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reminded_24h_at = models.DateTimeField(null=True, blank=True)
    reminded_1h_at = models.DateTimeField(null=True, blank=True)
    # When the practitioner let the client in from the session room's waiting room. Until then the
    # room relays no call signalling; once in, a client who reloads or reconnects stays in.
    admitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            # The database, not the code path, guarantees no double booking: two requests for the
            # same slot at the same moment cannot both commit.
            models.UniqueConstraint(fields=["practitioner", "starts_at"], condition=Q(status="booked"),
                                    name="no_double_booking"),
        ]

    def __str__(self) -> str:
        return f"appointment {self.pk} at {self.starts_at:%Y-%m-%d %H:%M}"


class Message(SequencedMessage):
    """Secure messaging inside a care relationship (also the text chat of a live session).
    Stored, then broadcast; ``seq`` orders the conversation and (author, client_id) makes a
    resend a no-op."""

    class Status(models.TextChoices):
        PUBLISHED = "published", "published"
        HELD = "held", "held by screening"

    CONVERSATION = "relationship"

    relationship = models.ForeignKey(CareRelationship, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="care_messages")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    # The screening level when screening raised a safety alert for this message (moderate, high,
    # imminent), else empty. A client's message is delivered to their practitioner whatever the
    # level; this is the flag the practitioner sees on it.
    risk_level = models.CharField(max_length=10, blank=True, default="")
    appointment = models.ForeignKey(Appointment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta(SequencedMessage.Meta):
        constraints = message_constraints("relationship", seq="unique_care_message_seq",
                                          client_id="unique_care_client_id")

    def __str__(self) -> str:
        return f"care message {self.relationship_id}#{self.seq}"


class RiskNotice(models.Model):
    """One time a practitioner was told that a client in their care may be at risk (a safety
    alert about the client, in any feature, or a PHQ-9 item 9 answer above 0).

    ``key`` makes telling idempotent: one notice per alert, source and level (a level that rises
    tells again), or per questionnaire response; a listener that runs twice tells once. The people
    are those of ``relationship`` (no pointer to a user of its own: erasing the client's
    relationship erases these with it), and each notice is also in the audit log.
    """

    relationship = models.ForeignKey(CareRelationship, on_delete=models.CASCADE, related_name="risk_notices")
    # A keyed hash of "alert:<id>:<source>:<level>" or "phq9:<response id>" (``risk.notice_key``):
    # unique, yet it does not say which feature flagged the client (issue #17).
    key = models.CharField(max_length=120)
    alert = models.ForeignKey("safety.SafetyAlert", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    source = EncryptedTextField()
    level = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["relationship", "key"], name="unique_care_risk_notice")]

    def __str__(self) -> str:
        return f"risk notice {self.relationship_id} {self.key}"


class SessionNote(models.Model):
    """A practitioner's note. Only its author reads it; the client receives it in their export."""

    author = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="authored_care_notes")
    client = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="care_notes_about")
    appointment = models.ForeignKey(Appointment, null=True, blank=True, on_delete=models.SET_NULL, related_name="notes")
    body = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"note {self.pk}"


class Homework(models.Model):
    relationship = models.ForeignKey(CareRelationship, on_delete=models.CASCADE, related_name="homework")
    client = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="care_homework")
    exercise = models.CharField(max_length=60)
    instructions = EncryptedTextField(max_length=500, blank=True)
    assigned_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    exercise_session_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-assigned_at"]
        verbose_name_plural = "homework"  # uncountable: "homeworks" is not English

    def __str__(self) -> str:
        return f"homework {self.exercise}"


def _feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(NamedByNumber):
    """A secret address for a person's appointments as iCalendar. Revoking makes it 404 at once."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="care_calendar_feeds")
    token = models.CharField(max_length=64, unique=True, default=_feed_token)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class Review(models.Model):
    """A review by a client who had the session. Shown without the client's name: whom someone
    sees for counselling is their own business."""

    Status = Message.Status  # screened like a message: published, or held by screening

    appointment = models.OneToOneField(Appointment, on_delete=models.CASCADE, related_name="review")
    practitioner = models.ForeignKey(PractitionerProfile, on_delete=models.CASCADE, related_name="reviews")
    client = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="care_reviews")
    rating = models.PositiveSmallIntegerField()
    body = EncryptedTextField(blank=True, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"review {self.pk} ({self.rating}/5)"


class Recommendation(models.Model):
    """Connection in the treatment plan ("social prescribing"): the practitioner suggests a support
    group, one of its meetings, the peer-friends feature or a topic of the coping-strategy board.

    What the client did about it is never stored here: it is worked out from the community and
    friends records when the practitioner reads it, and only while ``outcome_shared`` holds (the
    client's choice, which they can take back at any time). See ``care/connections.py``.
    """

    class Kind(models.TextChoices):
        GROUP = "group", _("Support group")
        MEETING = "meeting", _("Facilitated meeting")
        FRIENDS = "friends", _("Peer friends")
        STRATEGIES = "strategies", _("Coping-strategy board")

    relationship = models.ForeignKey(CareRelationship, on_delete=models.CASCADE, related_name="recommendations")
    client = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="care_recommendations")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    group = models.ForeignKey("community.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    meeting = models.ForeignKey("community.Meeting", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    # A situation of the strategies board (friends.actions.SITUATIONS), for kind "strategies".
    situation = models.CharField(max_length=20, blank=True, default="")
    note = EncryptedTextField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    outcome_shared = models.BooleanField(default=False)
    outcome_shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"recommendation {self.pk} ({self.kind})"
