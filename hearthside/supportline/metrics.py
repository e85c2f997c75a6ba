"""The support line's metrics (core/metrics.py), read from the database at scrape time: the
queue's length and how long its first person has waited, conversations under way, supporters
available. Counts only: no label names a person, a supporter or a risk level.
"""

from __future__ import annotations

from django.db.models import Count, Min, Q
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from hearthside.core import metrics

from .models import Conversation, SupporterStatus


@metrics.collector("supportline")
def line_state():
    now = timezone.now()
    waiting = Conversation.Status.WAITING
    counts = Conversation.objects.filter(status__in=[waiting, Conversation.Status.ACTIVE]).aggregate(
        waiting=Count("pk", filter=Q(status=waiting)),
        active=Count("pk", filter=Q(status=Conversation.Status.ACTIVE)),
        oldest=Min("created_at", filter=Q(status=waiting)),
    )
    queue = GaugeMetricFamily("hearthside_supportline_queue_length", "Conversations waiting for a supporter.")
    queue.add_metric([], counts["waiting"])
    wait = GaugeMetricFamily("hearthside_supportline_queue_oldest_wait_seconds",
                             "How long the person waiting longest has waited (0 when nobody waits).")
    wait.add_metric([], round((now - counts["oldest"]).total_seconds(), 3) if counts["oldest"] else 0.0)
    active = GaugeMetricFamily("hearthside_supportline_conversations_active", "Conversations with a supporter now.")
    active.add_metric([], counts["active"])
    available = GaugeMetricFamily("hearthside_supportline_supporters_available",
                                  "Supporters who marked themselves available.")
    available.add_metric([], SupporterStatus.objects.filter(available=True).count())
    return [queue, wait, active, available]
