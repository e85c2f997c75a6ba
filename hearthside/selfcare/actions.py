"""Self-help actions. Every write of health data first asks for the person's health-data consent."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from hearthside.accounts.actions import has_consent
from hearthside.core import audit
from hearthside.core.access import get_owned_or_404
from hearthside.core.text import from_iso

from . import checkin_days, questionnaires
from .models import (
    Activity,
    CheckIn,
    ExerciseSession,
    JournalEntry,
    Notification,
    QuestionnaireResponse,
    Reminder,
)

MAX_NOTE = 5000
MAX_JOURNAL = 50_000
MAX_TAGS = 20


def require_health_consent(user) -> None:
    if not has_consent(user, "health_data"):
        raise PermissionDenied(_("This needs your permission to store health data. You can give it under Permissions."))


def _clean_text(value, field: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError({field: [_("Must be text.")]})
    value = value.replace("\x00", "").strip()
    if len(value) > limit:
        raise ValidationError({field: [ngettext("Keep this under %(n)s character.",
                                                "Keep this under %(n)s characters.", limit) % {"n": limit}]})
    return value


def _clean_labels(values, field: str, limit: int = MAX_TAGS, length: int = 60) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError({field: [_("Send a list of short texts.")]})
    cleaned = []
    for v in values:
        v = v.replace("\x00", "").strip()[:length]
        if v and v.lower() not in {c.lower() for c in cleaned}:
            cleaned.append(v)
    if len(cleaned) > limit:
        raise ValidationError({field: [ngettext("Up to %(n)s entry.",
                                                "Up to %(n)s entries.", limit) % {"n": limit}]})
    return cleaned


def _clean_past_time(value, field: str, future_message: str) -> datetime:
    """A moment no later than now (five minutes' grace for a slow clock) and not before 2000."""
    at = from_iso(value, datetime)
    if at is None:
        raise ValidationError({field: [_("Give a date and time.")]})
    if timezone.is_naive(at):
        at = timezone.make_aware(at, timezone.get_current_timezone())
    if at > timezone.now() + timedelta(minutes=5):
        raise ValidationError({field: [future_message]})
    if at.year < 2000:
        raise ValidationError({field: [_("That date is too far back.")]})
    return at


def _clean_client_id(client_id) -> str:
    """The writer's own id for a new check-in or journal entry: the rule of chat messages
    (core.realtime.clean_client_id), so one mechanism makes every resend idempotent."""
    from hearthside.core.realtime import clean_client_id

    return clean_client_id(client_id)


def stored_with_client_id(model, user, client_id: str):
    """The person's check-in or journal entry stored under ``client_id``, or None."""
    return model.objects.filter(user=user, client_id=client_id).first()


# ---------------------------------------------------------------------------------------------
# Check-ins


def _clean_checkin(fields: dict, partial: bool) -> dict:
    out: dict = {}
    errors: dict[str, list[str]] = {}
    if "mood" in fields or not partial:
        mood = fields.get("mood")
        if isinstance(mood, bool) or not isinstance(mood, int) or not 1 <= mood <= 10:
            errors["mood"] = [_("Choose a mood from 1 to 10.")]
        else:
            out["mood"] = mood
    if "at" in fields and fields["at"] is not None:
        try:
            out["at"] = _clean_past_time(fields["at"], "at", _("A check-in cannot be in the future."))
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if "sleep_hours" in fields:
        raw = fields["sleep_hours"]
        if raw in (None, ""):
            out["sleep_hours"] = None
        else:
            try:
                hours = Decimal(str(raw)[:20])
                hours = hours.quantize(Decimal("0.1")) if hours.is_finite() else None
            except (InvalidOperation, ValueError):
                hours = None
            if hours is None or not Decimal(0) <= hours <= Decimal(24):
                errors["sleep_hours"] = [_("Hours of sleep must be between 0 and 24.")]
            else:
                out["sleep_hours"] = hours
    try:
        if "emotions" in fields:
            out["emotions"] = _clean_labels(fields["emotions"], "emotions")
        if "activities" in fields:
            out["activities"] = _clean_labels(fields["activities"], "activities")
        if "note" in fields:
            out["note"] = _clean_text(fields["note"], "note", MAX_NOTE)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return out


def check_create_checkin(user, fields: dict, request=None, *, client_id: str | None = None) -> CheckIn:
    return check_create_checkin_once(user, fields, client_id=client_id)[0]


def check_create_checkin_once(user, fields: dict, *, client_id: str | None = None) -> tuple[CheckIn, bool]:
    """Store a check-in; returns (check-in, created).

    With ``client_id``, a resend (a page that kept the check-in on the device while offline and
    sends it again after a lost answer) returns the check-in already stored under that id, as it
    was, and stores nothing: the unique constraint on (user, client_id) settles two sends that
    race, on SQLite and PostgreSQL alike.
    """
    require_health_consent(user)
    if client_id is not None:
        client_id = _clean_client_id(client_id)
        existing = stored_with_client_id(CheckIn, user, client_id)
        if existing is not None:
            return existing, False
    clean = _clean_checkin(fields, partial=False)
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(user=user, client_id=client_id or "", **clean)
            checkin_days.add(checkin)
    except IntegrityError:
        # Another request with the same id stored it between the lookup above and this insert.
        existing = stored_with_client_id(CheckIn, user, client_id) if client_id else None
        if existing is None:
            raise
        return existing, False
    return checkin, True


def access_checkin_by_id(user, checkin_id) -> CheckIn:
    return get_owned_or_404(CheckIn.objects.all(), user, checkin_id)


def check_update_checkin(user, checkin: CheckIn, fields: dict) -> CheckIn:
    require_health_consent(user)
    clean = _clean_checkin(fields, partial=True)
    before = checkin.at
    for k, v in clean.items():
        setattr(checkin, k, v)
    checkin.updated_at = timezone.now()
    with transaction.atomic():
        checkin.save(update_fields=[*clean, "updated_at"])
        # Its day, and the day it was on if the edit moved it.
        checkin_days.refresh(user, [before, checkin.at])
    return checkin


def do_delete_checkin(checkin: CheckIn) -> None:
    with transaction.atomic():
        checkin.delete()
        checkin_days.refresh(checkin.user, [checkin.at])


def activity_choices(user) -> list[str]:
    from django.db.models import Q

    return list(Activity.objects.filter(Q(owner__isnull=True) | Q(owner=user), active=True)
                .values_list("name", flat=True).distinct())


def check_add_activity(user, name: str) -> Activity:
    name = _clean_text(name, "name", 60)
    if not name:
        raise ValidationError({"name": [_("Give the activity a name.")]})
    activity, _created = Activity.objects.get_or_create(owner=user, name=name)
    return activity


# ---------------------------------------------------------------------------------------------
# Journal


def access_journal_entry_by_id(user, entry_id) -> JournalEntry:
    return get_owned_or_404(JournalEntry.objects.all(), user, entry_id)


def do_delete_journal_entry(entry: JournalEntry) -> None:
    """Delete an entry and any copy the crisis screener kept of it (alerts keep their timeline)."""
    from hearthside.safety.models import ScreenedItem

    with transaction.atomic():
        ScreenedItem.objects.filter(author=entry.user, source="selfcare.journal", source_id=str(entry.pk)).delete()
        entry.delete()


def check_write_journal(user, fields: dict, entry: JournalEntry | None = None, request=None, *,
                        client_id: str | None = None):
    """Save an entry; screen it for crisis language only if the person allowed automated reading.

    Returns (entry, route) where route is the safety routing result or None when not screened.
    A new entry may carry ``client_id`` and ``fields["created_at"]`` (when it was written, for an
    entry kept on the device while offline); see check_create_journal_once.
    """
    entry, route, _created = _write_journal(user, fields, entry, client_id)
    return entry, route


def check_create_journal_once(user, fields: dict, *, client_id: str | None = None, request=None):
    """A new entry; returns (entry, route, created). A resend with the same ``client_id`` returns
    the entry already stored under it (not screened again: it was when it arrived)."""
    return _write_journal(user, fields, None, client_id)


def _write_journal(user, fields: dict, entry: JournalEntry | None, client_id: str | None):
    require_health_consent(user)
    if entry is None and client_id is not None:
        client_id = _clean_client_id(client_id)
        existing = stored_with_client_id(JournalEntry, user, client_id)
        if existing is not None:
            return existing, None, False
    clean = {}
    if "title" in fields or entry is None:
        clean["title"] = _clean_text(fields.get("title", ""), "title", 200)
    if "body" in fields or entry is None:
        clean["body"] = _clean_text(fields.get("body", ""), "body", MAX_JOURNAL)
        if not clean["body"]:
            raise ValidationError({"body": [_("Write something first.")]})
    if "tags" in fields:
        clean["tags"] = _clean_labels(fields["tags"], "tags")
    if entry is None and fields.get("created_at") is not None:
        clean["created_at"] = _clean_past_time(fields["created_at"], "created_at",
                                               _("An entry cannot be written in the future."))
        clean["updated_at"] = clean["created_at"]
    try:
        with transaction.atomic():
            if entry is None:
                entry = JournalEntry.objects.create(user=user, client_id=client_id or "", **clean)
            else:
                for k, v in clean.items():
                    setattr(entry, k, v)
                entry.updated_at = timezone.now()
                entry.save(update_fields=[*clean, "updated_at"])
    except IntegrityError:
        existing = stored_with_client_id(JournalEntry, user, client_id) if client_id else None
        if existing is None:
            raise
        return existing, None, False
    route = None
    if "body" in clean and has_consent(user, "ai_features"):
        from hearthside.safety.actions import recent_texts, screen_and_route

        # A journal is private: it is never "held"; screening only brings help and a person.
        # The entries of the last two days are read with it (a series of entries).
        history = recent_texts(JournalEntry.objects.filter(user=user).exclude(pk=entry.pk), minutes=48 * 60,
                               limit=3)
        route = screen_and_route(user, clean["body"], "selfcare.journal", source_id=entry.pk, context="journal",
                                 history=history)
    return entry, route, True


# ---------------------------------------------------------------------------------------------
# Questionnaires


def check_submit_questionnaire(user, slug: str, answers: dict, request=None):
    require_health_consent(user)
    definition = questionnaires.get(slug)
    if definition is None:
        raise Http404
    try:
        clean = questionnaires.validate_answers(definition, answers)
    except questionnaires.AnswerError as exc:
        raise ValidationError({k: [v] for k, v in exc.errors.items()}) from None
    result = questionnaires.score(definition, clean)
    alert = None
    with transaction.atomic():
        response = QuestionnaireResponse.objects.create(
            user=user, questionnaire=slug, answers=clean,
            result={"total": result.total, "band": result.band, "band_index": result.band_index,
                    "safety_items": list(result.safety_items)},
        )
        if result.safety_items:
            alert = _phq9_safety_flow(user, response, clean)
    return response, result, alert


def _phq9_safety_flow(user, response, answers):
    """PHQ-9 item 9 above 0: help is shown at once; an alert follows the operator's policy."""
    from hearthside.safety.actions import raise_alert

    policy = settings.SELFCARE_ITEM9_ALERT
    value = max(answers[i] for i in response.result["safety_items"])
    if policy == "never":
        # No alert, so no safety signal: the practitioner in active care (if any) is told directly,
        # under their own policy (HEARTHSIDE_PRACTITIONER_RISK_NOTIFY). With an alert, the care
        # app hears the alert's signal instead.
        from hearthside.care.risk import on_phq9_item9

        transaction.on_commit(lambda: on_phq9_item9(user.pk, response.pk), robust=True)
        return None
    # "Several days" (1) is common and not by itself an emergency; the default policy alerts on
    # every positive answer at moderate level, and at high level for "more than half the days" or more.
    level = "high" if value >= 2 else "moderate"
    reasons = [{"construct": "phq9_item9", "label": "PHQ-9 item 9 answered above 0", "spans": [], "modifiers": [],
                "value": value}]
    return raise_alert(user, source="selfcare.phq9", source_id=str(response.pk), level=level, reasons=reasons)


def access_response_by_id(user, response_id) -> QuestionnaireResponse:
    return get_owned_or_404(QuestionnaireResponse.objects.all(), user, response_id)


# ---------------------------------------------------------------------------------------------
# Reminders (time zone and daylight-saving safe)


def next_occurrence(time_of_day, weekdays: list[int], tz_name: str, after: datetime) -> datetime:
    """The next moment after ``after`` when the local clock in ``tz_name`` shows ``time_of_day``.

    Computed from the local date and wall-clock time each day, so 08:00 stays 08:00 across a
    daylight-saving change. A wall time that does not exist that day (in the spring gap) is
    shifted forward by the gap, as zoneinfo does with fold=0.
    """
    tz = ZoneInfo(tz_name)
    local_after = after.astimezone(tz)
    for offset in range(0, 8):
        day = local_after.date() + timedelta(days=offset)
        if weekdays and day.weekday() not in weekdays:
            continue
        candidate = datetime.combine(day, time_of_day, tzinfo=tz)
        # Normalise through UTC so a nonexistent local time lands after the gap.
        utc = candidate.astimezone(ZoneInfo("UTC"))
        if utc > after:
            return utc
    raise ValueError("no weekday selected")


def check_create_reminder(user, fields: dict) -> Reminder:
    from datetime import time as dtime

    errors = {}
    kind = fields.get("kind")
    if kind not in Reminder.Kind.values:
        errors["kind"] = [_("Choose check-in, exercise or questionnaire.")]
    raw_time = fields.get("time_of_day")
    try:
        tod = raw_time if isinstance(raw_time, dtime) else dtime.fromisoformat(str(raw_time)[:20])
        if tod.tzinfo is not None:
            raise ValueError("times are local to the person's time zone")
    except ValueError:
        tod = None
        errors["time_of_day"] = [_("Give a time like 08:30.")]
    weekdays = fields.get("weekdays") or []
    if not isinstance(weekdays, list) or not all(isinstance(d, int) and 0 <= d <= 6 for d in weekdays):
        errors["weekdays"] = [_("Weekdays are numbers 0 (Monday) to 6 (Sunday).")]
    target = _clean_text(fields.get("target", ""), "target", 60)
    by_email = bool(fields.get("by_email"))
    if by_email and not user.email:
        errors["by_email"] = [_("Add an email address to your account to get reminders by email.")]
    if errors:
        raise ValidationError(errors)
    weekdays = sorted(set(weekdays))
    reminder = Reminder.objects.create(
        user=user, kind=kind, target=target, time_of_day=tod.replace(second=0, microsecond=0), weekdays=weekdays,
        by_email=by_email, next_due_at=next_occurrence(tod, weekdays, user.time_zone, timezone.now()),
    )
    return reminder


def access_reminder_by_id(user, reminder_id) -> Reminder:
    return get_owned_or_404(Reminder.objects.all(), user, reminder_id)


REMINDER_TEXT = {
    "checkin": (gettext_noop("Time for your check-in: how are you feeling?"), "/selfcare/checkin/"),
    "exercise": (gettext_noop("A gentle reminder for your exercise."), "/selfcare/exercises/"),
    "questionnaire": (gettext_noop("A reminder to fill in your questionnaire."), "/selfcare/questionnaires/"),
}


def send_due_reminders(now=None) -> int:
    """Deliver every reminder that is due. A reminder missed while the worker was down is sent
    late (once), never skipped, and then scheduled from now."""
    now = now or timezone.now()
    sent = 0
    due_ids = list(Reminder.objects.filter(active=True, next_due_at__lte=now).values_list("pk", flat=True))
    for pk in due_ids:
        with transaction.atomic():
            reminder = Reminder.objects.select_for_update().select_related("user").filter(
                pk=pk, active=True, next_due_at__lte=now).first()
            if reminder is None:
                continue
            text, url = REMINDER_TEXT[reminder.kind]
            if reminder.target and reminder.kind == "exercise":
                url = f"/selfcare/exercises/{reminder.target}/"
            from django.utils import translation

            with translation.override(reminder.user.language or "en"):
                Notification.objects.create(user=reminder.user, text=_(text), url=url)
            if reminder.by_email and reminder.user.email:
                from .tasks import send_reminder_email

                transaction.on_commit(lambda r=reminder: send_reminder_email.enqueue(r.pk))
            reminder.last_sent_at = now
            reminder.next_due_at = next_occurrence(reminder.time_of_day, reminder.weekdays, reminder.user.time_zone, now)
            reminder.save(update_fields=["last_sent_at", "next_due_at"])
            sent += 1
    return sent


def audit_health_read(actor, owner, obj, request=None) -> None:
    if actor.pk != owner.pk:
        audit.record("selfcare.staff_read", actor=actor, request=request, obj=obj, subject=owner)




# ---------------------------------------------------------------------------------------------
# Guided exercises


def access_exercise_session_by_id(user, session_id) -> ExerciseSession:
    return get_owned_or_404(ExerciseSession.objects.all(), user, session_id)


def check_start_exercise(user, slug: str) -> ExerciseSession:
    """Resume the person's unfinished session of this exercise, or start a new one."""
    from . import exercises

    require_health_consent(user)
    if exercises.get(slug) is None:
        raise Http404
    open_session = open_exercise_session(user, slug)
    if open_session is not None:
        return open_session
    return ExerciseSession.objects.create(user=user, exercise=slug)


def open_exercise_session(user, slug: str) -> ExerciseSession | None:
    """The person's unfinished session of this exercise, if any (never anyone else's)."""
    return ExerciseSession.objects.filter(user=user, exercise=slug, completed_at__isnull=True).first()


def check_answer_step(user, session: ExerciseSession, value, *, step_id: str | None = None) -> ExerciseSession:
    """Store the answer to the current step and move on; back-tracking is by step id."""
    from . import exercises

    require_health_consent(user)
    if session.completed_at is not None:
        raise ValidationError(_("This exercise is finished. Start it again to do it once more."))
    steps = exercises.steps_for(session.exercise)
    index = session.step_index
    if step_id is not None and step_id != steps[index]["id"]:
        raise ValidationError(_("This step was already answered on another device; the page has moved on."))
    step = steps[index]
    stored = exercises.clean_value(step, value)
    responses = dict(session.responses)
    if stored is not None:
        responses[step["id"]] = stored
    session.responses = responses
    fields = ["responses", "step_index", "updated_at"]
    if step["id"] == "_mood_before":
        session.mood_before = stored
        fields.append("mood_before")
    elif step["id"] == "_mood_after":
        session.mood_after = stored
        fields.append("mood_after")
    session.step_index = index + 1
    if session.step_index >= len(steps):
        session.step_index = len(steps) - 1
        session.completed_at = timezone.now()
        fields.append("completed_at")
    session.updated_at = timezone.now()
    session.save(update_fields=fields)
    return session


# The most recent finished sessions read for exercise effects: a bound on what one page decrypts.
MAX_EFFECT_SESSIONS = 500


def exercise_effects(user) -> list[dict]:
    """Average mood change per exercise from the person's own finished sessions (the latest
    ``MAX_EFFECT_SESSIONS``). Moods are encrypted: the sums are made here, not in SQL."""
    from collections import defaultdict

    from . import exercises

    changes: dict[str, list[int]] = defaultdict(list)
    rows = (ExerciseSession.objects.filter(user=user, completed_at__isnull=False, mood_before__isnull=False,
                                           mood_after__isnull=False).order_by("-started_at", "-pk")
            .values_list("exercise", "mood_before", "mood_after")[:MAX_EFFECT_SESSIONS])
    for slug, before, after in rows:
        changes[slug].append(after - before)
    out = []
    for slug, deltas in changes.items():
        exercise = exercises.get(slug)
        if exercise is None:
            continue
        out.append({"slug": slug, "title": exercise["title"], "sessions": len(deltas),
                    "average_change": round(sum(deltas) / len(deltas), 1)})
    return sorted(out, key=lambda r: -r["average_change"])


# ---------------------------------------------------------------------------------------------
# Sharing with a practitioner


def active_grants(user):
    from hearthside.accounts.models import SharingGrant

    return SharingGrant.objects.filter(user=user, revoked_at__isnull=True)


def is_shared(user, data_type: str, journal_entry=None) -> bool:
    if not has_consent(user, "practitioner_sharing"):
        return False
    grants = active_grants(user).filter(data_type=data_type)
    if journal_entry is not None:
        grants = grants.filter(journal_entry=journal_entry)
    return grants.exists()


def check_share(user, data_type: str, *, journal_entry=None, request=None):
    """Share a kind of data (or one journal entry); needs the practitioner-sharing consent."""
    from hearthside.accounts.models import SharingGrant

    if not has_consent(user, "practitioner_sharing"):
        raise PermissionDenied(_("Sharing needs your permission to share with your practitioner."))
    if data_type not in SharingGrant.DataType.values:
        raise ValidationError({"data_type": [_("Unknown kind of data.")]})
    if (data_type == SharingGrant.DataType.JOURNAL_ENTRY) != (journal_entry is not None):
        raise ValidationError({"journal_entry": [_("Journal entries are shared one at a time.")]})
    existing = active_grants(user).filter(data_type=data_type, journal_entry=journal_entry).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        grant = SharingGrant.objects.create(user=user, data_type=data_type, journal_entry=journal_entry)
        if data_type == SharingGrant.DataType.SAFETY_PLAN:
            from hearthside.safety.actions import do_set_plan_sharing

            do_set_plan_sharing(user, True, request=request)
        audit.record("sharing.granted", actor=user, request=request, obj=grant, subject=user,
                     detail={"data_type": data_type})
    return grant


def do_unshare(user, data_type: str, *, journal_entry=None, request=None) -> int:
    from hearthside.accounts.models import SharingGrant

    if data_type not in SharingGrant.DataType.values:
        raise ValidationError({"data_type": [_("Unknown kind of data.")]})
    with transaction.atomic():
        count = active_grants(user).filter(data_type=data_type, journal_entry=journal_entry).update(
            revoked_at=timezone.now())
        if data_type == "safety_plan":
            from hearthside.safety.models import SafetyPlan

            SafetyPlan.objects.filter(user=user).update(shared_with_practitioner=False)
        if count:
            audit.record("sharing.revoked", actor=user, request=request, subject=user, detail={"data_type": data_type})
    return count
