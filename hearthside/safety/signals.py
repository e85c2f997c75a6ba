"""Signals of the safety layer, sent after the transaction that caused them commits.

Other parts of the site (paging, the practitioner's view of their clients) listen here instead
of being called from the alert code, so a slow or broken listener never blocks raising an alert.

- ``alert_raised(alert)``: a new alert (one per incident) exists.
- ``alert_notified(alert, tier, recipient_ids)``: the people of ``tier`` were told of the alert
  (tier 0 when raised, higher tiers on escalation).
- ``alert_attached(alert, level, rose)``: a later flagged item of the same person joined the
  open alert; ``rose`` when it raised the alert's level.
"""

from django.dispatch import Signal

alert_raised = Signal()
alert_notified = Signal()
alert_attached = Signal()


def send_on_commit(signal: Signal, **kwargs) -> None:
    """Send ``signal`` once the current transaction commits; a listener's failure is logged."""
    import logging

    from django.db import transaction

    from .models import SafetyAlert

    def fire():
        for receiver, result in signal.send_robust(sender=SafetyAlert, **kwargs):
            if isinstance(result, Exception):
                logging.getLogger("hearthside.safety").error(
                    "safety signal listener %r failed", receiver, exc_info=result)

    transaction.on_commit(fire)
