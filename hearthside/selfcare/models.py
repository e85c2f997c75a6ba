"""Self-help: check-ins, journal, questionnaires, guided exercises, library and reminders."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from hearthside.core.fields import (
    EncryptedDecimalField,
    EncryptedIntegerField,
    EncryptedJSONField,
    EncryptedTextField,
)
from hearthside.core.models import GIVEN_CLIENT_ID, NamedByNumber, client_id_constraint


class Activity(models.Model):
    """An activity to tag check-ins with: the operator's list (owner empty) plus each person's own."""

    name = models.CharField(max_length=60)
    owner = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="own_activities")
    icon = models.CharField(max_length=8, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "activities"  # the admin's list heading; Django's default adds an "s"
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="unique_activity_per_owner")]

    def __str__(self) -> str:
        return self.name


class CheckIn(models.Model):
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="checkins")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # How someone felt, what they felt and did, and how they slept are health data: all encrypted
    # like the note. Nothing compares them in SQL (insights are computed in Python, per person).
    mood = EncryptedIntegerField(validators=[MinValueValidator(1), MaxValueValidator(10)])
    emotions = EncryptedJSONField(default=list, blank=True)
    activities = EncryptedJSONField(default=list, blank=True)
    sleep_hours = EncryptedDecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    note = EncryptedTextField(blank=True, default="")
    # The writer's own id for a check-in (a page that kept it on the device while offline, or
    # any API client): a resend with the same id returns this check-in instead of a second one.
    client_id = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"])]
        constraints = [client_id_constraint("user", condition=GIVEN_CLIENT_ID, name="unique_checkin_client_id")]

    def __str__(self) -> str:
        return f"check-in {self.pk} ({self.mood}/10)"


class CheckInDay(models.Model):
    """One person's check-ins of one day (in their time zone), summed up for insights: what a read
    of the insights needs per day, so it decrypts one value a day instead of every check-in.

    Derived data, kept by ``selfcare.checkin_days`` in the transaction of every check-in written,
    edited or deleted through the actions, and rebuilt by a read that finds it missing or out of
    date (another time zone, a count that does not match the check-ins).
    """

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="checkin_days")
    day = models.DateField()
    # The zone ``day`` was counted in: a person who changes time zone has their days counted again.
    time_zone = models.CharField(max_length=64)
    # How many check-ins the day holds; not secret (their times are plain in CheckIn.at).
    checkins = models.PositiveIntegerField()
    # Sum of moods, emotions and activities with their tallies, hours of sleep: health data,
    # encrypted like the check-in's own fields.
    summary = EncryptedJSONField()
    # When the day's newest check-in was written; not secret either (CheckIn.at is plain). A new
    # check-in after it is added to the summary without reading the day's check-ins. Empty only
    # where no writer has set it yet (then the day is summed up again at its next write).
    newest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="unique_checkin_day")]

    def __str__(self) -> str:
        return f"check-ins of {self.day}"


class JournalEntry(NamedByNumber):
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="journal_entries")
    title = EncryptedTextField(blank=True, default="")
    body = EncryptedTextField()
    tags = EncryptedJSONField(default=list, blank=True)
    shared_with_practitioner = models.BooleanField(default=False)
    # As for check-ins: the writer's own id makes a resend of a new entry idempotent.
    client_id = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "journal entries"
        constraints = [client_id_constraint("user", condition=GIVEN_CLIENT_ID, name="unique_journal_client_id")]


class QuestionnaireResponse(models.Model):
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="questionnaire_responses")
    questionnaire = models.CharField(max_length=20, db_index=True)
    answers = EncryptedJSONField()
    # Score and band are health data too: kept encrypted beside the answers.
    result = EncryptedJSONField()
    completed_at = models.DateTimeField(default=timezone.now, db_index=True)
    shared_with_practitioner = models.BooleanField(default=False)

    class Meta:
        ordering = ["-completed_at"]

    def __str__(self) -> str:
        return f"{self.questionnaire} {self.pk}"


class ExerciseSession(models.Model):
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="exercise_sessions")
    exercise = models.CharField(max_length=60, db_index=True)
    responses = EncryptedJSONField(default=dict)
    step_index = models.PositiveSmallIntegerField(default=0)
    mood_before = EncryptedIntegerField(null=True, blank=True)
    mood_after = EncryptedIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.exercise} {self.pk}"


class Article(models.Model):
    # One row per language version of an article; pages pick the reader's language and fall
    # back to English (selfcare/library.py).
    slug = models.SlugField(max_length=80)
    language = models.CharField(max_length=8, default="en", help_text="language code of this version, e.g. en, es")
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=400)
    body = models.TextField(help_text="Markdown; rendered and sanitised")
    topics = models.JSONField(default=list, blank=True)
    sources = models.JSONField(default=list, blank=True)
    published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["slug", "language"], name="unique_article_slug_language")]

    def __str__(self) -> str:
        return self.title

    @property
    def reading_minutes(self) -> int:
        return max(1, round(len(self.body.split()) / 200))


class Reminder(models.Model):
    class Kind(models.TextChoices):
        CHECKIN = "checkin", "check-in"
        EXERCISE = "exercise", "exercise"
        QUESTIONNAIRE = "questionnaire", "questionnaire"

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    target = models.CharField(max_length=60, blank=True, help_text="exercise or questionnaire slug")
    time_of_day = models.TimeField(help_text="local time in the person's time zone")
    weekdays = models.JSONField(default=list, help_text="0=Monday … 6=Sunday; empty = every day")
    by_email = models.BooleanField(default=False)
    active = models.BooleanField(default=True)
    next_due_at = models.DateTimeField(db_index=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["time_of_day"]

    def __str__(self) -> str:
        return f"{self.kind} at {self.time_of_day}"


class Notification(models.Model):
    """An in-app message to one person (reminders, for now)."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:40]
