"""The practitioner in the loop: a client's risk events reach their practitioner in active care.

Risk events are the safety alerts about the client, whatever feature raised them (one alert per
incident; later flagged items attach to it), and PHQ-9 item 9 answered above 0. Under the policy
clients are shown when they book (``HEARTHSIDE_PRACTITIONER_RISK_NOTIFY``, on by default), the
practitioner of a client in active care (``actions.care_relationship_of``):

- is told in-app (the notification list and a ``care.risk`` event on their event socket) and by
  e-mail (a task; the e-mail names no one and says nothing clinical), once per alert, feature and
  level (``RiskNotice``);
- sees the client's safety panel on the client page (and on the conversation page while something
  is flagged): their alerts with status and who is acting, PHQ-9 item 9 answers, their crisis
  lines and emergency number, whether the safety plan is shared. Every read is audited
  (``care.client_risk_read``) and listed on the client's "who looked at my data".

The safety layer does not call this module. It listens to ``alert_raised`` and ``alert_attached``
(sent after the alert's transaction commits), so a failure here never stops an alert. The on-duty
team is alerted by the safety layer whatever this policy says.

Nothing records a safety plan being opened (in a crisis or otherwise), so that is not a risk event.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearthside.core import audit
from hearthside.core.background import enqueue_on_commit
from hearthside.core.events import publish_on_commit, user_group

from . import actions
from .models import CareRelationship, Message, RiskNotice

log = logging.getLogger("hearthside.care")

PHQ9_SOURCE = "selfcare.phq9"
CRISIS_LEVELS = ("high", "imminent")
LEVEL_RANK = {"": 0, "low": 1, "moderate": 2, "high": 3, "imminent": 4, "unknown": 3}

# Where on the site a risk event came from, in words a practitioner reads (and a client was shown
# at booking). Longest matching prefix wins. Only the feature is named, never what was written.
SOURCE_LABELS = (
    ("care.message", gettext_lazy("messages to you")),
    ("care", gettext_lazy("counselling")),
    ("selfcare.phq9", gettext_lazy("the PHQ-9 questionnaire: the question about thoughts of self-harm, answered above 0")),
    ("selfcare.journal", gettext_lazy("their private journal (they allowed screening)")),
    ("selfcare", gettext_lazy("self-help")),
    ("community", gettext_lazy("a community group")),
    ("friends", gettext_lazy("peer friendship")),
    ("supportline", gettext_lazy("the support line")),
    ("companion", gettext_lazy("the companion")),
)


def source_kind(source: str) -> str:
    """The feature a risk event came from, without the particulars ("selfcare.phq9" -> "selfcare")."""
    return source.split(".", 1)[0]


def source_label(source: str) -> str:
    for prefix, label in SOURCE_LABELS:
        if source == prefix or source.startswith(prefix + "."):
            return str(label)
    return _("elsewhere on the site")


def enabled() -> bool:
    return bool(getattr(settings, "PRACTITIONER_RISK_NOTIFY", True))


# ---------------------------------------------------------------------------------------------
# Telling the practitioner


def on_alert(sender=None, alert=None, **kwargs) -> None:
    """Listener of ``alert_raised`` and ``alert_attached`` (after commit)."""
    if alert is None or not enabled():
        return
    relationship = actions.care_relationship_of(alert.person)
    if relationship is None:
        return
    # Every step of the incident since the client began with this practitioner, not only the one
    # that fired: two items attaching at once send two signals that both see both steps, and the
    # unique key tells each (alert, feature, level) once.
    steps = []
    for event in alert.events.filter(kind__in=("raised", "attached"), at__gte=relationship.started_at).order_by("at", "pk"):
        detail = event.detail or {}
        step = (str(detail.get("source") or alert.source), str(detail.get("level") or alert.level))
        if step not in steps:
            steps.append(step)
    created = [n for n in (_claim(relationship, f"alert:{alert.pk}:{source}:{level}"[:120], source, level, alert)
                           for source, level in steps) if n is not None]
    if created:
        _tell(relationship, created, alert)


def on_phq9_item9(client_id: int, response_id: int) -> None:
    """PHQ-9 item 9 above 0 when no safety alert was raised for it (``HEARTHSIDE_ITEM9_ALERT=never``);
    with an alert, ``on_alert`` tells the practitioner. Called after the response commits."""
    if not enabled():
        return
    from hearthside.accounts.models import User

    client = User.objects.filter(pk=client_id).first()
    relationship = actions.care_relationship_of(client) if client is not None else None
    if relationship is None:
        return
    notice = _claim(relationship, f"phq9:{response_id}", PHQ9_SOURCE, "", None)
    if notice is not None:
        _tell(relationship, [notice], None)


def notice_key(plain: str) -> str:
    """The stored form of a notice's unique key. The plain key names the alert's source and level, or
    a PHQ-9 response (that item 9 was answered above 0): a keyed hash keeps it unique and unreadable."""
    from hearthside.core.ids import opaque

    return "h1:" + opaque("care.risk_notice", "", plain)


def _claim(relationship: CareRelationship, key: str, source: str, level: str, alert) -> RiskNotice | None:
    """The new notice, or None when this one was already told (the unique key settles races)."""
    try:
        with transaction.atomic():
            return RiskNotice.objects.create(relationship=relationship, key=notice_key(key), source=source,
                                             level=level, alert=alert)
    except IntegrityError:
        return None


def _tell(relationship: CareRelationship, notices: list[RiskNotice], alert) -> None:
    practitioner = relationship.practitioner.user
    client = relationship.client
    level = max((n.level for n in notices), key=lambda lv: LEVEL_RANK.get(lv, 0))
    sources = [n.source for n in notices]
    in_messages = "care.message" in sources
    # Who and why are the client's health information: they are on the client page, which asks
    # for the second factor (issue #17). The notice and the live event say only that a client in
    # the practitioner's care needs them, how urgently, and where to look.
    from hearthside.core.i18n import in_language_of

    with in_language_of(practitioner):
        if in_messages:
            text = _("A client in your care wrote something to you that suggests they may be in danger. Open it to "
                     "see who and why.")
        else:
            text = _("A client in your care may need your attention. Open it to see who and why.")
        if alert is not None:
            text += " " + _("The safety team has been alerted too.")
        if level in CRISIS_LEVELS:
            text = _("Urgent:") + " " + text
    url = f"/care/messages/{relationship.pk}/" if in_messages else f"/care/clients/{relationship.pk}/#safety"
    actions.notify(practitioner.pk, text, url)
    publish_on_commit([user_group(practitioner.pk)], {
        "type": "care.risk", "relationship": relationship.pk, "alert": alert.pk if alert is not None else None,
        "urgent": level in CRISIS_LEVELS, "url": url})
    # The audit log names the feature ("selfcare"), never the source ("selfcare.phq9"): sources are
    # encrypted where they are stored, and the log is not.
    audit.record("care.risk_practitioner_notified", obj=relationship, subject=client.pk,
                 detail={"alert": alert.pk if alert is not None else None,
                         "features": sorted({source_kind(s) for s in sources}), "level": level,
                         "practitioner": practitioner.pk})
    if practitioner.email:
        from .tasks import send_practitioner_risk_email

        first = notices[0].pk
        enqueue_on_commit(send_practitioner_risk_email, first, log=log, what="a practitioner risk e-mail")


# ---------------------------------------------------------------------------------------------
# What the practitioner sees


def has_flags(relationship: CareRelationship) -> bool:
    """Whether the conversation page shows the safety panel: an unresolved alert about the client,
    or a flagged message in active-care time. Reads no health detail (the panel audits its read)."""
    from hearthside.safety.models import SafetyAlert

    if not enabled():
        return False
    active = actions.care_relationship_of(relationship.client)
    if active is None or active.pk != relationship.pk:
        return False
    since = timezone.now() - timedelta(days=actions.ACTIVE_CARE_DAYS)
    return (SafetyAlert.objects.filter(person_id=relationship.client_id)
            .exclude(status=SafetyAlert.Status.RESOLVED).exists()
            or Message.objects.filter(relationship=relationship, created_at__gte=since).exclude(risk_level="").exists())


def safety_panel(user, relationship: CareRelationship, request=None) -> dict | None:
    """The client's risk information for their practitioner, audited; None when the policy is off
    or they are not in active care (the client was told only about active care).
    ``SecondFactorRequired`` until the practitioner proved a second factor."""
    from hearthside.accounts.models import User
    from hearthside.safety import directory
    from hearthside.safety.models import AlertEvent, SafetyAlert, SafetyPlan
    from hearthside.selfcare.models import QuestionnaireResponse

    from . import clinical

    if not enabled() or relationship.practitioner.user_id != user.pk:
        return None
    clinical.require_second_factor(user)  # the care access rule, whoever called
    active = actions.care_relationship_of(relationship.client)
    if active is None or active.pk != relationship.pk:
        return None
    client = relationship.client
    alerts = list(SafetyAlert.objects.filter(person=client)
                  .filter(Q(created_at__gte=relationship.started_at) | ~Q(status=SafetyAlert.Status.RESOLVED))
                  .order_by("-created_at")[:10])
    sources: dict[int, list[str]] = {a.pk: [] for a in alerts}
    for alert_id, detail in (AlertEvent.objects.filter(alert__in=alerts, kind__in=("raised", "attached"))
                             .order_by("at", "pk").values_list("alert_id", "detail")):
        label = source_label(str((detail or {}).get("source") or ""))
        if label not in sources[alert_id]:
            sources[alert_id].append(label)
    people = dict(User.objects.filter(pk__in={i for a in alerts for i in (a.acknowledged_by_id, a.resolved_by_id)
                                              if i}).values_list("pk", "pseudonym"))
    rows = [{"alert": a, "where": sources[a.pk] or [source_label(a.source)],
             "acting": people.get(a.acknowledged_by_id, "") if a.acknowledged_by_id else "",
             "resolved_by": people.get(a.resolved_by_id, "") if a.resolved_by_id else ""} for a in alerts]
    # Answers are encrypted: item 9 is found in Python over the recent responses only.
    item9 = [r.completed_at for r in QuestionnaireResponse.objects.filter(
        user=client, questionnaire="phq9", completed_at__gte=relationship.started_at).order_by("-completed_at")[:20]
        if (r.result or {}).get("safety_items")]
    country_for = getattr(directory, "country_for", None) or (lambda u: (u.country or "").upper())
    country = country_for(client)
    plan = SafetyPlan.objects.filter(user=client).first()
    unseen = RiskNotice.objects.filter(relationship=relationship, seen_at__isnull=True)
    needs_attention = any(a.status != SafetyAlert.Status.RESOLVED for a in alerts) or unseen.exists()
    unseen.update(seen_at=timezone.now())
    audit.record("care.client_risk_read", actor=user, request=request, obj=relationship, subject=client.pk,
                 detail={"alerts": [a.pk for a in alerts], "phq9_item9": len(item9)})
    return {
        "needs_attention": needs_attention, "alerts": rows,
        "open": next((r for r in rows if r["alert"].status != SafetyAlert.Status.RESOLVED), None),
        "item9": item9, "country": country,
        "lines": directory.lines_for(country, language=client.language or ""),
        "emergency": directory.emergency_number_for(country),
        "plan_exists": plan is not None and not plan.is_empty,
        "plan_shared": "safety_plan" in clinical.shared_with(relationship)["types"],
    }


def flagged_relationships(relationships) -> set[int]:
    """Which of these relationships have risk notices the practitioner has not looked at yet."""
    if not enabled():
        return set()
    return set(RiskNotice.objects.filter(relationship__in=relationships, seen_at__isnull=True)
               .values_list("relationship_id", flat=True))
