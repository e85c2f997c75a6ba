"""Safety layer models: the crisis-line directory (more arrives with alerts and safety plans)."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy

from hearthside.core.fields import EncryptedJSONField, EncryptedTextField


class EmergencyNumber(models.Model):
    country = models.CharField(max_length=2, unique=True)
    number = models.CharField(max_length=20)
    source = models.URLField(max_length=500)
    verified_on = models.DateField()

    class Meta:
        ordering = ["country"]

    def __str__(self) -> str:
        return f"{self.country}: {self.number}"


class CrisisLine(models.Model):
    country = models.CharField(max_length=2, db_index=True)
    region = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=200)
    phone = models.CharField(max_length=40, blank=True)
    sms = models.CharField(max_length=200, blank=True, help_text="Text/SMS instructions")
    chat_url = models.URLField(max_length=500, blank=True)
    hours = models.CharField(max_length=100, blank=True)
    languages = models.JSONField(default=list, blank=True)
    audiences = models.JSONField(default=list, blank=True, help_text='e.g. ["youth"], ["lgbtq"]; empty = everyone')
    source = models.URLField(max_length=500)
    verified_on = models.DateField()
    priority = models.PositiveSmallIntegerField(default=5)
    note = models.CharField(max_length=500, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["country", "priority", "name"]

    def __str__(self) -> str:
        return f"{self.country} {self.name}"

    @property
    def needs_verification(self) -> bool:
        return self.verified_on < timezone.localdate() - timedelta(days=365)

    @property
    def tel_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch in "+*#")


# Stanley–Brown Safety Planning Intervention, six steps plus reasons for living (marked for the
# catalogue here, translated where they are shown: safety/views.py).
# Source: Stanley B, Brown GK. Safety Planning Intervention: A Brief Intervention to Mitigate
# Suicide Risk. Cognitive and Behavioral Practice 2012;19(2):256–264; and the Stanley–Brown
# Safety Plan template (suicidesafetyplan.com).
SAFETY_PLAN_STEPS = [
    ("warning_signs", gettext_noop("Warning signs"),
     gettext_noop("Thoughts, images, moods, situations or behaviours that tell me a crisis may be starting.")),
    ("coping_strategies", gettext_noop("Internal coping strategies"),
     gettext_noop("Things I can do on my own to take my mind off my problems, without contacting anyone.")),
    ("distractions", gettext_noop("People and social settings that provide distraction"),
     gettext_noop("People I can be with, and places I can go, that help me feel better.")),
    ("people_to_ask", gettext_noop("People I can ask for help"),
     gettext_noop("People I trust and can tell that I am struggling, with how to reach them.")),
    ("professionals", gettext_noop("Professionals or agencies I can contact during a crisis"),
     gettext_noop("My clinician, my doctor, a crisis line, the local emergency number.")),
    ("safe_environment", gettext_noop("Making the environment safe"),
     gettext_noop("Steps to keep lethal means (medicines, weapons, other means) away from me or stored safely.")),
    ("reasons_for_living", gettext_noop("Reasons for living"),
     gettext_noop("The one thing that is most important to me and worth living for.")),
]
SAFETY_PLAN_KEYS = [key for key, _title, _help in SAFETY_PLAN_STEPS]


def _empty_plan() -> dict:
    return {key: [] for key in SAFETY_PLAN_KEYS}


class SafetyPlan(models.Model):
    from hearthside.core.fields import EncryptedJSONField

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="safety_plan")
    steps = EncryptedJSONField(default=_empty_plan)
    shared_with_practitioner = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"safety plan of {self.user_id}"

    @property
    def is_empty(self) -> bool:
        return not any(self.steps.get(key) for key in SAFETY_PLAN_KEYS)


class Level(models.TextChoices):
    # The labels are what staff read on badges (safety/templatetags/safety_labels.py); the values
    # are the screener's and stay in the database, the API and live frames.
    NONE = "none", pgettext_lazy("risk level", "no risk signs")
    LOW = "low", pgettext_lazy("risk level", "low")
    MODERATE = "moderate", pgettext_lazy("risk level", "moderate")
    HIGH = "high", pgettext_lazy("risk level", "high")
    IMMINENT = "imminent", pgettext_lazy("risk level", "imminent")
    UNKNOWN = "unknown", pgettext_lazy("risk level", "unknown (screening failed)")


LEVEL_ORDER = {"none": 0, "low": 1, "moderate": 2, "high": 3, "imminent": 4, "unknown": 3}


class ScreenedItem(models.Model):
    """Something a person wrote that screening flagged, kept (encrypted) for people to review.

    Moderator decisions on these (true concern / false alarm) are the labelled examples that
    ``hearthside safety export-labels`` writes out for retraining.
    """

    from hearthside.core.fields import EncryptedTextField

    class Status(models.TextChoices):
        HELD = "held", _("held, not published")
        FLAGGED = "flagged", _("published, flagged for review")
        RELEASED = "released", _("released after review")
        REMOVED = "removed", _("kept hidden after review")

    class Label(models.TextChoices):
        TRUE_CONCERN = "true_concern", _("true concern")
        FALSE_ALARM = "false_alarm", _("false alarm")

    author = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="screened_items")
    source = models.CharField(max_length=64)
    source_id = models.CharField(max_length=64, blank=True)
    text = EncryptedTextField()
    level = models.CharField(max_length=10, choices=Level.choices)
    score = models.FloatField(default=0)
    reasons = EncryptedJSONField(default=list, blank=True)
    decision = models.CharField(max_length=16)
    status = models.CharField(max_length=10, choices=Status.choices)
    label = models.CharField(max_length=16, choices=Label.choices, blank=True)
    reviewed_by_id = models.BigIntegerField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.level} ({self.status})"


class DutyShift(models.Model):
    """Who is on duty for safety alerts, and when."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="duty_shifts")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at", "ends_at"])]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


class SafetyAlert(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("alert status", "open")
        ACKNOWLEDGED = "acknowledged", pgettext_lazy("alert status", "acknowledged")
        RESOLVED = "resolved", pgettext_lazy("alert status", "resolved")

    class Outcome(models.TextChoices):
        FALSE_ALARM = "false_alarm", _("false alarm")
        SUPPORTED = "supported", _("person supported")
        REFERRED = "referred", _("referred to care")
        EMERGENCY = "emergency_services", _("emergency services contacted")

    # Escalation tiers, in order.
    TIER_ON_DUTY, TIER_SUPERVISOR, TIER_ADMIN = 0, 1, 2

    person = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="safety_alerts")
    # Where it was raised ("selfcare.phq9" says how the person answered a questionnaire item about
    # self-harm): encrypted, and compared in Python over one person's alerts (issue #17).
    source = EncryptedTextField()
    source_id = models.CharField(max_length=64, blank=True)
    item = models.ForeignKey(ScreenedItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts")
    level = models.CharField(max_length=10, choices=Level.choices)
    reasons = EncryptedJSONField(default=list, blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.OPEN, db_index=True)
    tier = models.PositiveSmallIntegerField(default=TIER_ON_DUTY)
    created_at = models.DateTimeField(default=timezone.now)
    ack_deadline = models.DateTimeField(db_index=True)
    acknowledged_by_id = models.BigIntegerField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_by_id = models.BigIntegerField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["ack_deadline"]

    def __str__(self) -> str:
        return f"alert {self.pk} {self.level} {self.status}"


class AlertEvent(models.Model):
    """One step in an alert's timeline: raised, notified, escalated, acknowledged, contacted, resolved."""

    from hearthside.core.fields import EncryptedTextField

    alert = models.ForeignKey(SafetyAlert, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20)
    actor_id = models.BigIntegerField(null=True, blank=True)
    # The step's particulars (the feature and level of what joined, who was notified, how contact
    # went): encrypted, as they repeat the alert's source.
    detail = EncryptedJSONField(default=dict, blank=True)
    note = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.alert_id} {self.kind}"


class ContactRoute(models.Model):
    """One way a person agreed to be reached in a crisis, with its own consent record.

    The person adds and withdraws routes themselves (safety plan page, sign-up); staff see on an
    alert exactly the routes that are in force, and "Record contact" names the route it used.
    Withdrawing keeps the row (the consent history) and empties the value.
    """

    from hearthside.core.fields import EncryptedTextField

    class Kind(models.TextChoices):
        IN_APP = "in_app", _("a message here, on Hearthside")
        EMAIL = "email", _("an e-mail")
        CALLBACK = "callback", _("a phone call back")
        EMERGENCY_CONTACT = "emergency_contact", _("my emergency contact")

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="contact_routes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = EncryptedTextField(blank=True, default="", help_text="e-mail address or phone number")
    name = EncryptedTextField(blank=True, default="", help_text="the emergency contact's name and relation")
    note = EncryptedTextField(blank=True, default="", help_text="when to call, what to say")
    consent_text = models.TextField(help_text="the sentence the person agreed to, as shown")
    consented_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "-consented_at"]
        indexes = [models.Index(fields=["user", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}{' (withdrawn)' if self.withdrawn_at else ''}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class ProtocolVersion(models.Model):
    """One version of the published crisis protocol (``safety/protocol.py``): the facts the site's
    configuration and code gave when it was first served, and from when. No personal data.

    A new version is recorded whenever the facts differ from the latest version's (a changed
    deadline, a crisis line edited in the admin, a new screened feature), never edited after."""

    number = models.PositiveIntegerField(unique=True)
    content_hash = models.CharField(max_length=64)
    facts = models.JSONField()
    took_effect = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"crisis protocol v{self.number} ({self.took_effect:%Y-%m-%d})"


class HelpShownCount(models.Model):
    """How many times the help panel was shown after screening, per day, feature and level.

    A count, not a log: no person, no message, no time of day. It exists for the operator's
    reports (``safety/reports.py``) because showing the panel leaves no other trace."""

    day = models.DateField()
    source = models.CharField(max_length=64)
    level = models.CharField(max_length=10, choices=Level.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day", "source", "level"]
        constraints = [models.UniqueConstraint(fields=["day", "source", "level"], name="help_shown_once_per_cell")]

    def __str__(self) -> str:
        return f"{self.day} {self.source} {self.level}: {self.count}"
