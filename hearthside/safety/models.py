"""Safety layer models: the crisis-line directory (more arrives with alerts and safety plans)."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone


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


# Stanley–Brown Safety Planning Intervention, six steps plus reasons for living.
# Source: Stanley B, Brown GK. Safety Planning Intervention: A Brief Intervention to Mitigate
# Suicide Risk. Cognitive and Behavioral Practice 2012;19(2):256–264; and the Stanley–Brown
# Safety Plan template (suicidesafetyplan.com).
SAFETY_PLAN_STEPS = [
    ("warning_signs", "Warning signs", "Thoughts, images, moods, situations or behaviours that tell me a crisis may be starting."),
    ("coping_strategies", "Internal coping strategies", "Things I can do on my own to take my mind off my problems, without contacting anyone."),
    ("distractions", "People and social settings that provide distraction", "People I can be with, and places I can go, that help me feel better."),
    ("people_to_ask", "People I can ask for help", "People I trust and can tell that I am struggling, with how to reach them."),
    ("professionals", "Professionals or agencies I can contact during a crisis", "My clinician, my doctor, a crisis line, the local emergency number."),
    ("safe_environment", "Making the environment safe", "Steps to keep lethal means (medicines, weapons, other means) away from me or stored safely."),
    ("reasons_for_living", "Reasons for living", "The one thing that is most important to me and worth living for."),
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
