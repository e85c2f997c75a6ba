"""Safety actions: the safety plan (screening, routing and alerts arrive with the safety layer)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hearthside.accounts.actions import has_consent
from hearthside.core import audit

from .models import SAFETY_PLAN_KEYS, SafetyPlan, _empty_plan

MAX_ITEMS = 20
MAX_ITEM_LENGTH = 500


def plan_for(user) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(user=user).first()


def _clean_items(step: str, items) -> list[str]:
    if not isinstance(items, list):
        raise ValidationError({step: [_("Send a list of short texts.")]})
    cleaned = []
    for item in items:
        if not isinstance(item, str):
            raise ValidationError({step: [_("Each entry must be text.")]})
        item = item.replace("\x00", "").strip()
        if len(item) > MAX_ITEM_LENGTH:
            raise ValidationError({step: [ngettext("Keep each entry under %(n)s character.", "Keep each entry under %(n)s characters.",
                                              MAX_ITEM_LENGTH) % {"n": MAX_ITEM_LENGTH}]})
        if item:
            cleaned.append(item)
    if len(cleaned) > MAX_ITEMS:
        raise ValidationError({step: [ngettext(
            "Up to %(n)s entry per step.", "Up to %(n)s entries per step.", MAX_ITEMS) % {"n": MAX_ITEMS}]})
    return cleaned


def check_update_plan(user, steps: dict, request=None, *, replace: bool = False) -> SafetyPlan:
    if not has_consent(user, "health_data"):
        raise PermissionDenied(_("Saving a safety plan needs your permission to store health data."))
    unknown = set(steps) - set(SAFETY_PLAN_KEYS)
    if unknown:
        raise ValidationError({k: [_("Unknown safety-plan step.")] for k in sorted(unknown)})
    cleaned = {step: _clean_items(step, items) for step, items in steps.items()}
    return do_update_plan(user, cleaned, request=request, replace=replace)


def do_update_plan(user, cleaned: dict, request=None, *, replace: bool = False) -> SafetyPlan:
    with transaction.atomic():
        plan, _created = SafetyPlan.objects.select_for_update().get_or_create(user=user)
        base = _empty_plan() if replace else {**_empty_plan(), **plan.steps}
        base.update(cleaned)
        plan.steps = base
        plan.updated_at = timezone.now()
        plan.save(update_fields=["steps", "updated_at"])
        audit.record("safety_plan.updated", actor=user, request=request, obj=plan, subject=user,
                     detail={"steps": sorted(cleaned)})
    return plan


def do_set_plan_sharing(user, shared: bool, request=None) -> SafetyPlan:
    if shared and not has_consent(user, "practitioner_sharing"):
        raise PermissionDenied(_("Sharing needs your permission to share with your practitioner."))
    plan, _created = SafetyPlan.objects.get_or_create(user=user)
    plan.shared_with_practitioner = shared
    plan.save(update_fields=["shared_with_practitioner"])
    audit.record("safety_plan.sharing", actor=user, request=request, obj=plan, subject=user, detail={"shared": shared})
    return plan


def stop_plan_sharing_on_withdrawal(sender, user, purpose, **kwargs) -> None:
    """accounts.signals.consent_withdrawn: without the practitioner-sharing consent the plan is not
    shared either (sharing it needs that consent, do_set_plan_sharing)."""
    if purpose == "practitioner_sharing":
        SafetyPlan.objects.filter(user=user).update(shared_with_practitioner=False)


# ---------------------------------------------------------------------------------------------
# Screening and routing: what every app calls before it publishes or stores what a person wrote.

import logging  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402

from django.conf import settings  # noqa: E402
from django.db import models  # noqa: E402

from hearthside.core.background import enqueue_on_commit  # noqa: E402
from hearthside.core.events import publish_on_commit, user_group  # noqa: E402

from . import signals  # noqa: E402
from .models import LEVEL_ORDER, AlertEvent, DutyShift, SafetyAlert, ScreenedItem  # noqa: E402

log = logging.getLogger("hearthside.safety")

PUBLISH, HOLD, CRISIS = "publish", "hold", "crisis"
PRIVATE_SOURCES = {"selfcare.journal", "companion"}


def holds_content(source: str) -> bool:
    """Whether content from this source is published to others (and so can be held back)."""
    return source not in PRIVATE_SOURCES


DASHBOARD_GROUP = "alerts.dashboard"  # the topic of safety.realtime.AlertsChannel
ALERT_ROLES = ("moderator", "clinical_supervisor", "administrator")
# From this level screening keeps a flagged copy, raises an alert and shows the author help; from
# HOLD_FROM what others would read is held back. The published protocol (safety/protocol.py)
# states these, so it cannot say otherwise than what routing does.
ALERT_FROM = "moderate"
HOLD_FROM = "high"


@dataclass
class RouteResult:
    decision: str  # "publish", "hold" (for review) or "crisis" (held, help shown, alert raised)
    level: str
    score: float
    reasons: list = field(default_factory=list)
    item: ScreenedItem | None = None
    alert: SafetyAlert | None = None

    @property
    def publish(self) -> bool:
        return self.decision == PUBLISH

    @property
    def show_help(self) -> bool:
        # A screening failure is not a sign of crisis: the content is held for people, quietly.
        return self.level != "unknown" and LEVEL_ORDER.get(self.level, 0) >= LEVEL_ORDER[ALERT_FROM]


HISTORY_MESSAGES = 6
HISTORY_MINUTES = 30
_SCREENERS: dict[str, object] = {}


def site_screener():
    """The screener the site uses: rules and the shipped model, plus the operator's own model
    when ``HEARTHSIDE_SAFETY_MODEL`` names one (``hearthside safety train``). A model that cannot
    be loaded is logged and left out: screening never stops for it."""
    from hearthside.safety.screening.screener import _DEFAULT, Screener

    path = settings.SAFETY_MODEL
    if not path:
        return _DEFAULT
    screener = _SCREENERS.get(path)
    if screener is None:
        try:
            screener = Screener(model=path)
        except Exception:
            log.exception("cannot load the operator's safety model %s; screening without it", path)
            screener = _DEFAULT
        _SCREENERS[path] = screener
    return screener



def recent_texts(queryset, *, field: str = "body", minutes: int = HISTORY_MINUTES,
                 limit: int = HISTORY_MESSAGES) -> list[str]:
    """The author's recent messages in one conversation, oldest first, for ``history=``.

    ``queryset`` is already narrowed to one author in one conversation; only messages from the
    last ``minutes`` count, so an old conversation does not colour today's words.
    """
    since = timezone.now() - timedelta(minutes=minutes)
    rows = list(queryset.filter(created_at__gte=since).order_by("-created_at").values_list(field, flat=True)[:limit])
    return [r for r in reversed(rows) if r]


_RECENT: dict[tuple[type, int], object] = {}


def recent_texts_in(model, conversation, author, *, minutes: int = HISTORY_MINUTES,
                    limit: int = HISTORY_MESSAGES) -> list[str]:
    """``recent_texts`` of ``author``'s messages (their ``body``) in ``conversation`` (a row of
    ``model.CONVERSATION``), by the same rule, the query compiled once per model (core.prepared):
    every message sent asks it."""
    from hearthside.core.prepared import Prepared

    key = (model, limit)
    prepared = _RECENT.get(key)
    if prepared is None:
        in_it = f"{model.CONVERSATION}_id"
        prepared = _RECENT[key] = Prepared(lambda conversation_id, author_id, since: model._default_manager.filter(
            **{in_it: conversation_id}, author_id=author_id, created_at__gte=since).order_by("-created_at")
            .values_list("body", flat=True)[:limit], int, int, datetime)
    rows = prepared(conversation.pk, author.pk, timezone.now() - timedelta(minutes=minutes))
    return [r for r in reversed(rows) if r]


def _unsupported_language(reasons: list) -> str | None:
    for r in reasons:
        if r.get("construct") == "unsupported_language":
            return next((m[5:] for m in r.get("modifiers", []) if m.startswith("lang:")), "other")
    return None


def screen_and_route(author, text: str, source: str, *, source_id: str | int = "", context=None,
                     history=None, delivered_anyway: bool = False) -> RouteResult:
    """Screen ``text`` and decide what happens to it; store it when it must not simply be published.

    ``history``: the author's recent messages in the same conversation, oldest first, so risk
    that shows only across turns is seen (see ``hearthside.safety.screening.screener``).

    - none/low: publish.
    - a language the screener does not read: never silently passed -- by
      ``SAFETY_UNSUPPORTED_LANGUAGE``, published and queued for a person to look
      (``review``, the default) or held until a person has looked (``hold``).
    - moderate: publish, keep a flagged copy for review and raise a moderate alert.
    - high/imminent: keep it unpublished, show the author help now, raise an alert.
    - the screener fails: hold it for review so nothing goes out unscreened and nothing is lost.
    """
    try:
        screening = site_screener().screen(text, context=context or source, history=history)
        level, score = screening.level, float(screening.score)
        reasons = [r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in screening.to_dict()["reasons"]]
    except Exception:
        log.exception("screening failed for %s; holding the content for review", source)
        if not holds_content(source):
            # Private writing (a journal) is never published, so nothing needs holding; and
            # the person agreed to a look by staff only when crisis language is noticed.
            return RouteResult(PUBLISH, "unknown", 0.0, [])
        item = ScreenedItem.objects.create(
            author=author, source=source, source_id=str(source_id), text=text, level="unknown", score=0.0,
            reasons=[{"construct": "screening_error", "label": "Screening failed; a person must review this"}],
            decision=HOLD, status=ScreenedItem.Status.HELD,
        )
        publish_on_commit([DASHBOARD_GROUP], {"type": "review.new", "item": item.pk})
        return RouteResult(HOLD, "unknown", 0.0, item.reasons, item=item)

    rank = LEVEL_ORDER.get(level, 0)
    lang = _unsupported_language(reasons) if rank <= LEVEL_ORDER["low"] else None
    if lang is not None:
        return _route_unsupported(author, text, source, str(source_id), level, score, reasons)
    if rank < LEVEL_ORDER[ALERT_FROM]:
        return RouteResult(PUBLISH, level, score, reasons)
    crisis = rank >= LEVEL_ORDER[HOLD_FROM] and not _minimisation_only(reasons)
    with transaction.atomic():
        item = ScreenedItem.objects.create(
            author=author, source=source, source_id=str(source_id), text=text, level=level, score=score,
            reasons=reasons, decision=CRISIS if crisis else PUBLISH,
            status=ScreenedItem.Status.HELD if crisis else ScreenedItem.Status.FLAGGED,
        )
        alert = raise_alert(author, source=source, source_id=str(source_id), level=level, reasons=reasons, item=item)
        count_help_shown(source, level)
        publish_on_commit([user_group(author.pk)], {
            "type": "safety.help", "level": level, "source": source, "help_url": "/help/",
            # The help panel says "your words were kept safe" only when they really were held;
            # ``delivered_anyway`` is for a conversation with a trained person (the support line).
            "held": crisis and not delivered_anyway,
        })
    return RouteResult(CRISIS if crisis else PUBLISH, level, score, reasons, item=item, alert=alert)


def count_help_shown(source: str, level: str, day=None) -> None:
    """Add one to the day's count of help panels shown for ``source`` and ``level`` (the operator's
    reports: safety/reports.py). Only a count: no person, message or time of day is kept. Inside
    the caller's transaction, so a message that is rolled back is not counted either."""
    from .models import HelpShownCount

    day = day or timezone.localdate()
    cell = HelpShownCount.objects.filter(day=day, source=source[:64], level=level)
    if cell.update(count=models.F("count") + 1):
        return
    try:
        with transaction.atomic():
            HelpShownCount.objects.create(day=day, source=source[:64], level=level, count=1)
    except IntegrityError:  # another message made the day's row first
        cell.update(count=models.F("count") + 1)


def _minimisation_only(reasons: list[dict]) -> bool:
    """A minimisation after a disclosure ("lol jk", "forget I said that") keeps the conversation's
    level for the alert and the help panel, but its own words hold nothing that others must not
    read: it is published (and flagged), not held. So is a message that only closes the chat
    ("gracias.", "goodnight", "ok") after a wish to die, which the screener reads at that wish's
    level (session 16): the alert joins the person's open incident; the words are harmless."""
    if any(r.get("construct") == "conversation" and list(r.get("modifiers") or ()) == ["minimised"]
           for r in reasons):
        return True
    return bool(reasons) and all(r.get("construct") == "conversation" and "closing" in (r.get("modifiers") or ())
                                 for r in reasons)


def _route_unsupported(author, text, source, source_id, level, score, reasons) -> RouteResult:
    """Text in a language the screener cannot read goes to a person, by operator policy."""
    hold = settings.SAFETY_UNSUPPORTED_LANGUAGE == "hold" and holds_content(source)
    if not holds_content(source) and settings.SAFETY_UNSUPPORTED_LANGUAGE != "hold":
        # Private writing (journal, companion) is only looked at when crisis language is noticed.
        return RouteResult(PUBLISH, level, score, reasons)
    item = ScreenedItem.objects.create(
        author=author, source=source, source_id=source_id, text=text, level=level, score=score,
        reasons=reasons, decision=HOLD if hold else PUBLISH,
        status=ScreenedItem.Status.HELD if hold else ScreenedItem.Status.FLAGGED,
    )
    publish_on_commit([DASHBOARD_GROUP], {"type": "review.new", "item": item.pk})
    return RouteResult(HOLD if hold else PUBLISH, level, score, reasons, item=item)


def ack_deadline_seconds(level: str) -> int:
    return settings.SAFETY_ACK_SECONDS.get(level, settings.SAFETY_ACK_SECONDS["moderate"])


def on_duty_users(now=None):
    from hearthside.accounts.models import User

    now = now or timezone.now()
    ids = DutyShift.objects.filter(starts_at__lte=now, ends_at__gt=now).values_list("user_id", flat=True)
    # Someone whose alert role was taken away stops receiving alerts even if a shift remains.
    return list(User.objects.filter(pk__in=ids, is_active=True, role_grants__role__in=ALERT_ROLES).distinct())


def _users_with_role(role: str):
    from hearthside.accounts.models import User

    return list(User.objects.filter(role_grants__role=role, is_active=True).distinct())


# Who each escalation tier (SafetyAlert.TIER_*) alerts: the first of its groups that has anyone.
# Nobody on the roster right now: the alert goes straight to supervisors rather than nowhere. The
# published protocol (safety/protocol.py) reads this table.
ON_DUTY = "on_duty"
ESCALATION = (
    (ON_DUTY, "clinical_supervisor", "administrator"),
    ("clinical_supervisor", "administrator"),
    ("administrator",),
)


def recipients_for_tier(tier: int):
    for who in ESCALATION[min(max(tier, 0), len(ESCALATION) - 1)]:
        people = on_duty_users() if who == ON_DUTY else _users_with_role(who)
        if people:
            return people
    return []


def _timeline(alert: SafetyAlert, kind: str, actor=None, note: str = "", **detail) -> AlertEvent:
    return AlertEvent.objects.create(alert=alert, kind=kind, actor_id=getattr(actor, "pk", actor), note=note,
                                     detail=detail)


def alert_summary(alert: SafetyAlert) -> dict:
    return {
        "id": alert.pk, "level": alert.level, "status": alert.status, "tier": alert.tier, "source": alert.source,
        "person": alert.person.pseudonym if alert.person_id else "",
        "created_at": alert.created_at.isoformat(), "ack_deadline": alert.ack_deadline.isoformat(),
        "constructs": sorted({r.get("construct", "") for r in alert.reasons if isinstance(r, dict)}),
    }


def _notify(alert: SafetyAlert, tier: int) -> list[int]:
    people = recipients_for_tier(tier)
    ids = [p.pk for p in people]
    event = {"type": "alert.new" if tier == 0 else "alert.escalated", "alert": alert_summary(alert)}
    # Every socket that may handle alerts is on the dashboard topic (recipients or not): one frame each.
    publish_on_commit([DASHBOARD_GROUP], event)
    _timeline(alert, "notified", tier=tier, recipients=ids)
    signals.send_on_commit(signals.alert_notified, alert=alert, tier=tier, recipient_ids=ids)
    if ids:
        from .tasks import send_alert_email

        enqueue_on_commit(send_alert_email, alert.pk, ids, log=log, what="alert email")
    return ids


def open_alert_of(person, *, lock: bool = False) -> SafetyAlert | None:
    """The person's open incident: their newest alert that is not resolved."""
    qs = SafetyAlert.objects.filter(person=person).exclude(status=SafetyAlert.Status.RESOLVED)
    if lock:
        qs = qs.select_for_update()
    return qs.order_by("-created_at", "-pk").first()


# Alerts about one person read to compare their (encrypted) sources in Python.
MAX_ALERTS_COMPARED = 200


def alerts_from(person, source: str, source_id: str | None = None) -> list[SafetyAlert]:
    """The person's alerts raised from ``source`` (and ``source_id`` when given), newest first.
    An alert's source is encrypted (issue #17): the database narrows to the person (and the id),
    and the sources of those rows, at most ``MAX_ALERTS_COMPARED``, are compared here."""
    qs = SafetyAlert.objects.filter(person=person)
    if source_id is not None:
        qs = qs.filter(source_id=str(source_id))
    return [a for a in qs.order_by("-created_at", "-pk")[:MAX_ALERTS_COMPARED] if a.source == source]


def raise_alert(person, *, source: str, level: str, reasons=None, source_id: str = "", item=None) -> SafetyAlert:
    """Open an alert for a person; used by routing and by other apps (e.g. PHQ-9 item 9 > 0).

    One alert per incident: while the person has an alert that is not resolved, whatever else is
    flagged (in any feature) joins it -- on its timeline, raising its level when higher, and
    bringing its acknowledgement deadline forward only when the level rises. Staff get one alert
    to act on, not four for one person's four messages in a minute.
    """
    now = timezone.now()
    with transaction.atomic():
        # Lock the person's row: two flagged messages at once must not open two incidents.
        # NO KEY UPDATE: it does not wait for (or deadlock with) the key-share locks that
        # inserting rows which refer to the person takes (their messages, screened copies).
        from hearthside.accounts.models import User

        User.objects.select_for_update(no_key=True).filter(pk=person.pk).values_list("pk", flat=True).first()
        existing = open_alert_of(person, lock=True)
        if existing is not None:
            _attach(existing, source=source, source_id=source_id, level=level, reasons=reasons or [], item=item,
                    now=now)
            return existing
        alert = SafetyAlert.objects.create(
            person=person, source=source, source_id=source_id, item=item, level=level, reasons=reasons or [],
            ack_deadline=now + timedelta(seconds=ack_deadline_seconds(level)),
        )
        _timeline(alert, "raised", level=level, source=source, item=getattr(item, "pk", None))
        audit.record("safety.alert_raised", obj=alert, subject=person)
        _notify(alert, SafetyAlert.TIER_ON_DUTY)
        signals.send_on_commit(signals.alert_raised, alert=alert)
    return alert


def _attach(alert: SafetyAlert, *, source: str, source_id: str, level: str, reasons: list, item, now) -> None:
    """A later flagged item of the same person joins the open alert (inside raise_alert's transaction)."""
    rose = LEVEL_ORDER.get(level, 0) > LEVEL_ORDER.get(alert.level, 0) and level != "unknown"
    fields = []
    if item is not None and alert.item_id is None:
        alert.item = item
        fields.append("item")
    if rose:
        previous = alert.level
        alert.level = level
        alert.reasons = (list(alert.reasons or []) + list(reasons))[-30:]
        fields += ["level", "reasons"]
        if alert.status == SafetyAlert.Status.OPEN:
            alert.ack_deadline = min(alert.ack_deadline, now + timedelta(seconds=ack_deadline_seconds(level)))
            fields.append("ack_deadline")
    if fields:
        alert.save(update_fields=fields)
    _timeline(alert, "attached", level=level, source=source, source_id=source_id, item=getattr(item, "pk", None),
              rose=rose, **({"from_level": previous} if rose else {}))
    if rose:
        audit.record("safety.alert_level_rose", obj=alert, subject=alert.person_id, detail={"level": level})
        publish_on_commit([DASHBOARD_GROUP], {"type": "alert.updated", "alert": alert_summary(alert), "rose": True})
    else:
        _changed(alert)
    signals.send_on_commit(signals.alert_attached, alert=alert, level=level, rose=rose)


def escalate_overdue_alerts(now=None) -> int:
    """Move every open alert past its deadline one tier up. Idempotent; claims rows with a lock."""
    now = now or timezone.now()
    count = 0
    overdue = SafetyAlert.objects.filter(status=SafetyAlert.Status.OPEN, ack_deadline__lte=now,
                                         tier__lt=SafetyAlert.TIER_ADMIN).values_list("pk", flat=True)
    for pk in list(overdue):
        with transaction.atomic():
            alert = SafetyAlert.objects.select_for_update().filter(
                pk=pk, status=SafetyAlert.Status.OPEN, ack_deadline__lte=now).first()
            if alert is None or alert.tier >= SafetyAlert.TIER_ADMIN:
                continue
            alert.tier += 1
            alert.ack_deadline = now + timedelta(seconds=ack_deadline_seconds(alert.level))
            alert.save(update_fields=["tier", "ack_deadline"])
            _timeline(alert, "escalated", tier=alert.tier)
            audit.record("safety.alert_escalated", obj=alert, subject=alert.person_id, detail={"tier": alert.tier})
            _notify(alert, alert.tier)
            count += 1
    return count


def can_handle_alerts(user) -> bool:
    return bool(user.is_authenticated and user.has_role(*ALERT_ROLES))


def can_handle_alerts_now(user) -> bool:
    """The role, and a second factor proved in this session (pages; the API checks its token)."""
    verified = getattr(user, "is_verified", None)
    return can_handle_alerts(user) and callable(verified) and verified()


# Who reads and exports the safety reports (safety/reports.py): the safety leads (clinical
# supervisors) and administrators, with a second factor proved.
REPORT_ROLES = ("clinical_supervisor", "administrator")


def can_read_reports_now(user) -> bool:
    verified = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and user.has_role(*REPORT_ROLES) and callable(verified) and verified())


def access_alert_by_id(user, alert_id) -> SafetyAlert:
    """Alerts are for alert-handling staff, and never about themselves (someone else must act)."""
    from django.http import Http404

    if not can_handle_alerts(user):
        raise Http404
    try:
        alert = SafetyAlert.objects.select_related("person", "item").get(pk=alert_id)
    except (SafetyAlert.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    if alert.person_id == user.pk:
        raise Http404
    return alert


def do_view_alert(user, alert: SafetyAlert, request=None) -> None:
    """A staff read of someone's safety information: always audited."""
    audit.record("safety.alert_viewed", actor=user, request=request, obj=alert, subject=alert.person_id)


def _changed(alert: SafetyAlert) -> None:
    publish_on_commit([DASHBOARD_GROUP], {"type": "alert.updated", "alert": alert_summary(alert)})


def _lock_unresolved(alert: SafetyAlert) -> SafetyAlert:
    """Inside the caller's transaction: the alert, locked, as the database has it now; refused
    when someone has resolved it meanwhile."""
    alert = SafetyAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.status == SafetyAlert.Status.RESOLVED:
        raise ValidationError(_("This alert is already resolved."))
    return alert


def _acknowledge(alert: SafetyAlert, user) -> None:
    """Inside the caller's transaction, on a locked open alert: ``user`` is on it now."""
    alert.status = SafetyAlert.Status.ACKNOWLEDGED
    alert.acknowledged_by_id = user.pk
    alert.acknowledged_at = timezone.now()
    alert.save(update_fields=["status", "acknowledged_by_id", "acknowledged_at"])
    _timeline(alert, "acknowledged", actor=user)


def check_acknowledge(user, alert: SafetyAlert, request=None) -> SafetyAlert:
    with transaction.atomic():
        alert = SafetyAlert.objects.select_for_update().get(pk=alert.pk)
        if alert.status != SafetyAlert.Status.OPEN:
            raise ValidationError(_("This alert was already acknowledged."))
        _acknowledge(alert, user)
        audit.record("safety.alert_acknowledged", actor=user, request=request, obj=alert, subject=alert.person_id)
        _changed(alert)
    return alert


# How an attempt to reach the person went ("Record contact").
CONTACT_OUTCOMES = [
    ("reached", gettext_lazy("reached them")),
    ("no_answer", gettext_lazy("no answer")),
    ("left_message", gettext_lazy("left a message")),
    ("emergency_contact", gettext_lazy("spoke with their emergency contact")),
    ("emergency_services", gettext_lazy("emergency services sent")),
]
CONTACT_ROUTES = [("in_app", gettext_lazy("a message here, on Hearthside")), ("email", gettext_lazy("an e-mail")),
                  ("callback", gettext_lazy("a phone call")), ("emergency_contact", gettext_lazy("their emergency contact")),
                  ("other", gettext_lazy("another way (say how in the note)"))]


def check_record_contact(user, alert: SafetyAlert, note: str = "", request=None, *, route: str = "",
                         outcome: str = "") -> SafetyAlert:
    """Record an attempt to reach the person: which route was used and how it went."""
    if alert.status == SafetyAlert.Status.RESOLVED:
        raise ValidationError(_("This alert is already resolved."))
    if len(note) > 5000:
        raise ValidationError(_("Keep the note under 5000 characters."))
    if route and route not in dict(CONTACT_ROUTES):
        raise ValidationError(_("Choose how you reached them."))
    if outcome and outcome not in dict(CONTACT_OUTCOMES):
        raise ValidationError(_("Choose how it went."))
    if route in ("email", "callback", "emergency_contact"):
        from .models import ContactRoute

        if not ContactRoute.objects.filter(user_id=alert.person_id, kind=route, withdrawn_at__isnull=True).exists():
            raise ValidationError(_("They have not agreed to be reached that way."))
    with transaction.atomic():
        alert = _lock_unresolved(alert)
        if alert.status == SafetyAlert.Status.OPEN:
            _acknowledge(alert, user)
        _timeline(alert, "contacted", actor=user, note=note.replace("\x00", ""), route=route, outcome=outcome)
        audit.record("safety.alert_contacted", actor=user, request=request, obj=alert, subject=alert.person_id)
        _changed(alert)
    return alert


def check_resolve(user, alert: SafetyAlert, outcome: str, note: str = "", request=None) -> SafetyAlert:
    if outcome not in SafetyAlert.Outcome.values:
        raise ValidationError(_("Choose an outcome."))
    if len(note) > 5000:
        raise ValidationError(_("Keep the note under 5000 characters."))
    with transaction.atomic():
        alert = _lock_unresolved(alert)
        if alert.status == SafetyAlert.Status.OPEN:
            alert.acknowledged_by_id = user.pk
            alert.acknowledged_at = timezone.now()
            _timeline(alert, "acknowledged", actor=user)
        alert.status = SafetyAlert.Status.RESOLVED
        alert.outcome = outcome
        alert.resolved_by_id = user.pk
        alert.resolved_at = timezone.now()
        alert.save(update_fields=["status", "outcome", "resolved_by_id", "resolved_at", "acknowledged_by_id",
                                  "acknowledged_at"])
        _timeline(alert, "resolved", actor=user, note=note.replace("\x00", ""), outcome=outcome)
        audit.record("safety.alert_resolved", actor=user, request=request, obj=alert, subject=alert.person_id)
        if alert.item_id and outcome == SafetyAlert.Outcome.FALSE_ALARM:
            _label_item(user, alert.item, ScreenedItem.Label.FALSE_ALARM)
        elif alert.item_id:
            _label_item(user, alert.item, ScreenedItem.Label.TRUE_CONCERN)
        _changed(alert)
    return alert


def resolve_as_abuse(user, *, person, source: str, source_id: str, note: str = "", request=None) -> list[int]:
    """A supporter marked a conversation as abuse: the open alerts it raised are resolved as false
    alarms, with who and why on the timeline (used by the support line). Returns the alert ids."""
    resolved = []
    alerts = SafetyAlert.objects.select_for_update().filter(person=person).exclude(
        status=SafetyAlert.Status.RESOLVED)
    for alert in alerts:
        # Sources are encrypted (the step's detail too): compared here, over this alert's steps.
        from_here = (alert.source == source and alert.source_id == source_id) or any(
            (detail or {}).get("source") == source and (detail or {}).get("source_id") == source_id
            for detail in alert.events.filter(kind="attached").values_list("detail", flat=True))
        if not from_here:
            continue
        alert.status = SafetyAlert.Status.RESOLVED
        alert.outcome = SafetyAlert.Outcome.FALSE_ALARM
        alert.resolved_by_id = user.pk
        alert.resolved_at = timezone.now()
        alert.save(update_fields=["status", "outcome", "resolved_by_id", "resolved_at"])
        _timeline(alert, "resolved", actor=user, note=note, outcome=SafetyAlert.Outcome.FALSE_ALARM,
                  why="marked_abuse", source=source)
        audit.record("safety.alert_resolved", actor=user, request=request, obj=alert, subject=alert.person_id,
                     detail={"why": "marked_abuse"})
        _changed(alert)
        resolved.append(alert.pk)
    return resolved


def _label_item(user, item: ScreenedItem, label: str) -> None:
    item.label = label
    item.reviewed_by_id = user.pk
    item.reviewed_at = timezone.now()
    item.save(update_fields=["label", "reviewed_by_id", "reviewed_at"])


def check_review_item(user, item: ScreenedItem, label: str, release: bool, request=None) -> ScreenedItem:
    """A moderator's decision on screened content; the label becomes a training example."""
    if label not in ScreenedItem.Label.values:
        raise ValidationError(_("Choose true concern or false alarm."))
    with transaction.atomic():
        item = ScreenedItem.objects.select_for_update().get(pk=item.pk)
        if item.label:
            raise ValidationError(_("Someone already reviewed this."))
        _label_item(user, item, label)
        if holds_content(item.source):
            item.status = ScreenedItem.Status.RELEASED if release else ScreenedItem.Status.REMOVED
            item.save(update_fields=["status"])
    audit.record("safety.item_reviewed", actor=user, request=request, obj=item, subject=item.author_id)
    return item


def labelled_examples():
    """(text, label) pairs from moderator decisions, for ``hearthside safety export-labels``."""
    for item in ScreenedItem.objects.exclude(label="").iterator():
        yield item.text, 1 if item.label == ScreenedItem.Label.TRUE_CONCERN else 0


# ---------------------------------------------------------------------------------------------
# Outreach: from the alert to a live conversation with the person


def check_outreach(user, alert: SafetyAlert, request=None):
    """"Reach out now": open a live 1:1 conversation between ``user`` (alert-handling staff) and
    the alert's person, on the support line's conversation machinery (stored-then-sent messages,
    supervisor read-along, wrap-up, transcript rules). The person is told at once on whatever page
    they are on. Acknowledges an open alert; every step goes on the alert's timeline.

    Returns the conversation. Idempotent: pressed twice (or by two tabs) it returns the same one.
    """
    from django.urls import reverse

    from hearthside.supportline import actions as line

    if not can_handle_alerts(user) or alert.person_id == user.pk:
        from django.http import Http404

        raise Http404
    with transaction.atomic():
        alert = SafetyAlert.objects.select_for_update().select_related("person").get(pk=alert.pk)
        if alert.status == SafetyAlert.Status.RESOLVED:
            raise ValidationError(_("This alert is already resolved."))
        if not alert.person.is_active:
            raise ValidationError(_("This person's account is closed; use the contact routes below."))
        conversation, how = line.do_open_outreach(user, alert, request=request)
        if alert.status == SafetyAlert.Status.OPEN:
            _acknowledge(alert, user)
        if how != "existing":
            _timeline(alert, "outreach", actor=user, conversation=conversation.pk, how=how)
            audit.record("safety.alert_outreach", actor=user, request=request, obj=alert, subject=alert.person_id,
                         detail={"conversation": conversation.pk, "how": how})
            publish_on_commit([user_group(alert.person_id)], {
                "type": "safety.outreach", "conversation": conversation.pk, "from": user.pseudonym,
                "url": reverse("supportline:conversation", args=[conversation.pk]),
                "reply_url": reverse("supportline:quick_reply", args=[conversation.pk]),
            })
        _changed(alert)
    return conversation


# What each step on an alert's timeline is called on the staff pages.
TIMELINE_LABELS = {
    "raised": gettext_lazy("alert raised"), "notified": gettext_lazy("staff notified"), "escalated": gettext_lazy("escalated"),
    "attached": gettext_lazy("more flagged writing joined this alert"), "updated": gettext_lazy("updated"),
    "acknowledged": gettext_lazy("acknowledged"), "outreach": gettext_lazy("reached out: conversation opened"),
    "person_opened": gettext_lazy("they opened the conversation"), "person_replied": gettext_lazy("they replied"),
    "conversation_ended": gettext_lazy("conversation ended"), "contacted": gettext_lazy("contact recorded"),
    "resolved": gettext_lazy("resolved"), "paged": gettext_lazy("paged"), "page_failed": gettext_lazy("page failed"),
    "page_unreachable": gettext_lazy("could not be paged (no push or phone set up)"),
}


def incident(alert: SafetyAlert) -> dict:
    """Everything about the alert's person a staff member needs in one place: the person's
    recent flagged items across features, the shared safety plan, earlier alerts and outreach,
    the routes they agreed to be reached by, their crisis lines, and the people involved.
    The caller audits the read (do_view_alert)."""
    from hearthside.supportline.models import Conversation

    from .directory import country_for, emergency_number_for, lines_for

    person = alert.person
    since = timezone.now() - timedelta(days=30)
    items = list(ScreenedItem.objects.filter(author=person, created_at__gte=since).order_by("-created_at")[:20])
    earlier = list(SafetyAlert.objects.filter(person=person).exclude(pk=alert.pk).order_by("-created_at")[:10])
    conversations = list(Conversation.objects.filter(person=person).filter(
        models.Q(alert__person=person) | models.Q(created_at__gte=since)).select_related("supporter", "alert")
        .order_by("-created_at")[:10])
    plan = plan_for(person)
    shared_plan = None
    if plan is not None and plan.shared_with_practitioner and not plan.is_empty:
        from .models import SAFETY_PLAN_STEPS

        shared_plan = [{"title": _(title), "items": plan.steps.get(key, [])} for key, title, _h in SAFETY_PLAN_STEPS
                       if plan.steps.get(key)]
    try:
        from hearthside.care.actions import practitioner_of

        practitioner = practitioner_of(person)
    except ImportError:  # the care app is optional for the safety layer
        practitioner = None
    from .contact import routes_for_staff

    routes = routes_for_staff(person)
    country = country_for(person)
    events = list(alert.events.all())
    people = {alert.acknowledged_by_id, alert.resolved_by_id, *(c.supporter_id for c in conversations
                                                                  if c.alert_id == alert.pk)} - {None}
    return {
        "events": events,
        "items": items,
        "earlier_alerts": earlier,
        "conversations": conversations,
        "live_outreach": next((c for c in conversations if c.alert_id == alert.pk and c.is_live), None),
        "shared_plan": shared_plan,
        "plan_exists": plan is not None and not plan.is_empty,
        "practitioner": practitioner,
        "routes": routes,
        "lines": lines_for(country),
        "emergency": emergency_number_for(country),
        "country": country,
        "people_ids": sorted(people),
    }


# ---------------------------------------------------------------------------------------------
# Retention of the flagged copies screening keeps


def forget_source(author, source: str, source_ids) -> int:
    """The person deleted what they wrote (a support-line transcript, a companion conversation, a
    withdrawn post, a journal entry): the copies screening kept of it go too. Alerts keep their
    timeline (times, levels, who acted), not the words. Returns how many copies were deleted."""
    ids = [str(i) for i in source_ids]
    if not ids:
        return 0
    deleted, _detail = ScreenedItem.objects.filter(author=author, source=source, source_id__in=ids).delete()
    if deleted:
        audit.record("safety.items_forgotten", subject=author, detail={"source": source, "count": deleted})
    return deleted


def expire_screened_items(now=None) -> int:
    """Delete flagged copies past ``SAFETY_SCREENED_RETENTION_DAYS``: counted from when their
    alert was resolved, or from when they were kept when no alert is open about them. A copy
    behind an alert that is still open is kept, whatever its age. Idempotent (a sweep)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SAFETY_SCREENED_RETENTION_DAYS)
    open_items = SafetyAlert.objects.exclude(status=SafetyAlert.Status.RESOLVED).exclude(item=None).values("item_id")
    open_people = SafetyAlert.objects.exclude(status=SafetyAlert.Status.RESOLVED).values("person_id")
    old = (ScreenedItem.objects.filter(created_at__lt=cutoff).exclude(pk__in=open_items)
           .exclude(author_id__in=open_people)
           .exclude(alerts__resolved_at__gte=cutoff))
    deleted, _detail = old.delete()
    return deleted
