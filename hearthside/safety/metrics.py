"""The safety layer's metrics (core/metrics.py): alerts raised, acknowledged and escalated, how
long acknowledgement took, and the alerts open now.

Events are counted from the alert timeline (an ``AlertEvent`` row is written for each step), after
the transaction commits, so a rolled-back alert is never counted. The state (alerts open now,
overdue) is read from the database at scrape time. No label names a person, an alert, a level or
a source: these are counts of the staff's work, not of anyone's health.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Min, Q
from django.db.models.signals import post_save
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from hearthside.core import metrics

from .models import AlertEvent, SafetyAlert

RAISED = metrics.counter("hearthside_safety_alerts_raised", "Safety alerts raised (one per incident).")
ACKNOWLEDGED = metrics.counter("hearthside_safety_alerts_acknowledged", "Safety alerts acknowledged by staff.")
ESCALATED = metrics.counter("hearthside_safety_alerts_escalated",
                            "Escalations of unacknowledged alerts, by the tier reached (1 supervisors, 2 administrators).",
                            ["tier"])
ACK_SECONDS = metrics.histogram(
    "hearthside_safety_alert_ack_seconds", "Time from an alert being raised to its acknowledgement.",
    # The deadlines (docs/configuration.md): 120 s imminent, 600 s high, 3600 s moderate.
    buckets=(30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 21600, 86400))


def _tier(detail) -> str:
    tier = (detail or {}).get("tier") if isinstance(detail, dict) else None
    return str(tier) if tier in (1, 2) else "other"


def count_step(sender, instance: AlertEvent, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    if instance.kind == "raised":
        transaction.on_commit(RAISED.inc, robust=True)
    elif instance.kind == "escalated":
        tier = _tier(instance.detail)
        transaction.on_commit(lambda: ESCALATED.labels(tier).inc(), robust=True)
    elif instance.kind == "acknowledged":
        seconds = max((instance.at - instance.alert.created_at).total_seconds(), 0.0)

        def acknowledged() -> None:
            ACKNOWLEDGED.inc()
            ACK_SECONDS.observe(seconds)

        transaction.on_commit(acknowledged, robust=True)


post_save.connect(count_step, sender=AlertEvent, dispatch_uid="hearthside.safety.metrics")


@metrics.collector("safety")
def alert_state():
    now = timezone.now()
    open_ = SafetyAlert.Status.OPEN
    counts = SafetyAlert.objects.exclude(status=SafetyAlert.Status.RESOLVED).aggregate(
        open=Count("pk", filter=Q(status=open_)),
        acknowledged=Count("pk", filter=Q(status=SafetyAlert.Status.ACKNOWLEDGED)),
        overdue=Count("pk", filter=Q(status=open_, ack_deadline__lte=now)),
        oldest=Min("created_at", filter=Q(status=open_)),
    )
    unresolved = GaugeMetricFamily("hearthside_safety_alerts_unresolved",
                                   "Alerts not resolved, by state (open: nobody has acknowledged it yet).",
                                   labels=["state"])
    unresolved.add_metric(["open"], counts["open"])
    unresolved.add_metric(["acknowledged"], counts["acknowledged"])
    overdue = GaugeMetricFamily("hearthside_safety_alerts_overdue",
                                "Open alerts past their acknowledgement deadline (the worker escalates them).")
    overdue.add_metric([], counts["overdue"])
    oldest = GaugeMetricFamily("hearthside_safety_alert_oldest_open_seconds",
                               "Age of the oldest alert nobody has acknowledged (0 when none).")
    oldest.add_metric([], round((now - counts["oldest"]).total_seconds(), 3) if counts["oldest"] else 0.0)
    return [unresolved, overdue, oldest]
