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
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
