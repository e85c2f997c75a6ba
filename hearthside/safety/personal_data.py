"""Safety models registered for export and erasure."""

from hearthside.core.personal_data import register

from .models import SafetyPlan

register(SafetyPlan, order=20)
