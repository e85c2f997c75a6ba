"""Counselling actions: credentials, matching, availability and booking, reminders, calendar
feeds. Messaging, sharing and notes live in ``care.conversation`` and ``care.clinical``."""

from __future__ import annotations

import logging
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearthside.core import audit
from hearthside.core.background import enqueue_on_commit
from hearthside.core.events import publish_on_commit, user_group
from hearthside.core.i18n import in_language_of
from hearthside.core.text import from_iso

from .models import (
    APPROACHES,
    LANGUAGES,
    SPECIALTIES,
    Appointment,
    AvailabilityException,
    AvailabilityRule,
    CalendarFeed,
    CareRelationship,
    Format,
    Licence,
    LicenceVerification,
    PractitionerProfile,
)

if TYPE_CHECKING:
    from hearthside.accounts.models import User

log = logging.getLogger("hearthside.care")

EXPIRY_REMINDER_DAYS = 30
# The live session room opens this long before the start, and stays open this long after the end.
ROOM_OPENS_BEFORE = timedelta(minutes=10)
ROOM_CLOSES_AFTER = timedelta(minutes=30)
MAX_SLOT_DAYS = 62


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def notify(user_id: int, text: str, url: str = "") -> None:
    """An in-app notification (the self-help notification list) plus a live event."""
    from hearthside.selfcare.models import Notification

    Notification.objects.create(user_id=user_id, text=text[:300], url=url[:200])
    publish_on_commit([user_group(user_id)], {"type": "care.notice", "text": text[:300], "url": url})


# ---------------------------------------------------------------------------------------------
# Practitioners and credentials


def is_practitioner(user) -> bool:
    return bool(user.is_authenticated and user.has_role("practitioner"))


def profile_for(user) -> PractitionerProfile | None:
    if not user.is_authenticated:
        return None
    return PractitionerProfile.objects.filter(user=user).first()


def current_licence(profile: PractitionerProfile, day: date | None = None) -> Licence | None:
    """The verified licence valid on ``day`` that runs longest, or None."""
    if day is None and hasattr(profile, "valid_licences"):  # prefetched by directory()
        return profile.valid_licences[0] if profile.valid_licences else None
    day = day or timezone.localdate()
    return (Licence.objects.filter(practitioner=profile, status=Licence.Status.VERIFIED, expires_on__gte=day)
            .order_by("-expires_on").first())


def is_bookable(profile: PractitionerProfile, day: date | None = None) -> bool:
    """Only a published practitioner with a licence verified and valid on that day takes bookings."""
    return (profile.published and profile.accepting_clients and profile.user.is_active
            and current_licence(profile, day) is not None)


def _clean_choices(values, allowed, field: str) -> list[str]:
    if not isinstance(values, list | tuple):
        raise ValidationError({field: [_("Send a list.")]})
    values = [str(v) for v in values]
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ValidationError({field: [_("Unknown value: %(v)s") % {"v": unknown[0]}]})
    return sorted(set(values), key=list(allowed).index)


def check_save_profile(user, fields: dict, request=None) -> PractitionerProfile:
    if not is_practitioner(user):
        raise PermissionDenied(_("Only practitioners have a practitioner profile."))
    cleaned: dict = {}
    for name, allowed in (("approaches", APPROACHES), ("specialties", SPECIALTIES), ("languages", LANGUAGES),
                          ("formats", Format.values)):
        if name in fields:
            cleaned[name] = _clean_choices(fields[name], allowed, name)
    if "profession" in fields:
        profession = str(fields["profession"] or "").strip()
        if not 2 <= len(profession) <= 80:
            raise ValidationError({"profession": [_("Name your profession (2–80 characters).")]})
        cleaned["profession"] = profession
    if "bio" in fields:
        bio = str(fields["bio"] or "").replace("\x00", "").strip()
        if len(bio) > 3000:
            raise ValidationError({"bio": [_("Keep it under 3,000 characters.")]})
        cleaned["bio"] = bio
    if "time_zone" in fields:
        if fields["time_zone"] not in zoneinfo.available_timezones():
            raise ValidationError({"time_zone": [_("Unknown time zone.")]})
        cleaned["time_zone"] = fields["time_zone"]
    for name in ("accepting_clients", "published"):
        if name in fields:
            cleaned[name] = bool(fields[name])
    for name, low, high in (("session_minutes", 15, 180), ("slot_minutes", 15, 240),
                            ("min_notice_hours", 0, 168), ("change_window_hours", 0, 168)):
        if name in fields:
            try:
                value = int(fields[name])
            except (TypeError, ValueError):
                raise ValidationError({name: [_("Send a whole number.")]}) from None
            if not low <= value <= high:
                raise ValidationError({name: [_("Between %(a)s and %(b)s.") % {"a": low, "b": high}]})
            cleaned[name] = value
    with transaction.atomic():
        profile, created = PractitionerProfile.objects.get_or_create(
            user=user, defaults={"profession": cleaned.get("profession", "Counsellor"),
                                 "time_zone": cleaned.get("time_zone", user.time_zone)})
        for key, value in cleaned.items():
            setattr(profile, key, value)
        if cleaned:
            profile.save(update_fields=list(cleaned))
        audit.record("care.profile_saved", actor=user, request=request, obj=profile, subject=user,
                     detail={"fields": sorted(cleaned), "created": created})
    return profile


def check_add_licence(user, fields: dict, request=None) -> Licence:
    profile = profile_for(user)
    if profile is None:
        raise PermissionDenied(_("Create your practitioner profile first."))
    cleaned = {}
    for name, limit in (("number", 60), ("issuing_body", 200), ("jurisdiction", 100)):
        value = str(fields.get(name) or "").strip()
        if not value or len(value) > limit:
            raise ValidationError({name: [ngettext(
                "Required, up to %(n)s character.",
                "Required, up to %(n)s characters.", limit) % {"n": limit}]})
        cleaned[name] = value
    expires_on = from_iso(fields.get("expires_on"), date)
    if expires_on is None:
        raise ValidationError({"expires_on": [_("Give the expiry date (YYYY-MM-DD).")]})
    if expires_on < timezone.localdate():
        raise ValidationError({"expires_on": [_("This licence has already expired.")]})
    try:
        with transaction.atomic():
            licence = Licence.objects.create(practitioner=profile, expires_on=expires_on, **cleaned)
            audit.record("care.licence_added", actor=user, request=request, obj=licence, subject=user)
    except IntegrityError:
        raise ValidationError({"number": [_("This licence is already registered.")]}) from None
    return licence


def can_verify(user) -> bool:
    return bool(user.is_authenticated and user.has_role("administrator"))


def check_verify_licence(admin, licence: Licence, fields: dict, request=None) -> LicenceVerification:
    """An administrator records a check against the issuing register. Only the outcome
    "verified" makes the licence bookable; any other outcome withdraws an earlier verification."""
    if not can_verify(admin):
        raise PermissionDenied(_("Only administrators verify licences."))
    if licence.practitioner.user_id == admin.pk:
        raise PermissionDenied(_("Someone else must verify your own licence."))
    method = fields.get("method")
    outcome = fields.get("outcome")
    if method not in LicenceVerification.Method.values:
        raise ValidationError({"method": [_("Choose how you checked.")]})
    if outcome not in LicenceVerification.Outcome.values:
        raise ValidationError({"outcome": [_("Choose the outcome.")]})
    register_url = str(fields.get("register_url") or "").strip()
    if not register_url.startswith(("https://", "http://")) or len(register_url) > 500:
        raise ValidationError({"register_url": [_("Give the address of the register you checked.")]})
    checked_on = fields.get("checked_on") or timezone.localdate()
    if isinstance(checked_on, str):
        try:
            checked_on = date.fromisoformat(checked_on)
        except ValueError:
            raise ValidationError({"checked_on": [_("Give the date as YYYY-MM-DD.")]}) from None
    if checked_on > timezone.localdate():
        raise ValidationError({"checked_on": [_("The check cannot be in the future.")]})
    note = str(fields.get("note") or "").replace("\x00", "").strip()[:2000]
    with transaction.atomic():
        licence = Licence.objects.select_for_update().get(pk=licence.pk)
        verification = LicenceVerification.objects.create(
            licence=licence, verifier=admin, method=method, register_url=register_url, checked_on=checked_on,
            outcome=outcome, note=note)
        if outcome == LicenceVerification.Outcome.VERIFIED:
            licence.status, licence.verified_on = Licence.Status.VERIFIED, checked_on
        else:
            licence.status, licence.verified_on = Licence.Status.REJECTED, None
        licence.save(update_fields=["status", "verified_on"])
        audit.record("care.licence_verified", actor=admin, request=request, obj=licence,
                     subject=licence.practitioner.user_id, detail={"outcome": outcome, "method": method})
        with in_language_of(licence.practitioner.user):
            notify(licence.practitioner.user_id,
                   _("Your licence %(n)s was checked: %(o)s.") % {"n": licence.number,
                                                                   "o": verification.get_outcome_display()},
                   "/care/practice/")
    return verification


def send_licence_expiry_reminders(today: date | None = None) -> int:
    """Remind practitioners (and administrators) of a verified licence that expires within 30
    days, once per expiry date. Idempotent: the claim is a conditional UPDATE."""
    from hearthside.accounts.models import User

    today = today or timezone.localdate()
    due = Licence.objects.filter(status=Licence.Status.VERIFIED, expires_on__lte=today + timedelta(days=EXPIRY_REMINDER_DAYS),
                                 expires_on__gte=today).exclude(expiry_reminder_for=F("expires_on"))
    sent = 0
    admins = list(User.objects.filter(role_grants__role="administrator", is_active=True).values_list("pk", flat=True))
    for licence in due.select_related("practitioner__user"):
        with transaction.atomic():
            claimed = Licence.objects.filter(pk=licence.pk).exclude(
                expiry_reminder_for=licence.expires_on).update(expiry_reminder_for=licence.expires_on)
            if not claimed:
                continue
            days = (licence.expires_on - today).days
            with in_language_of(licence.practitioner.user):
                notify(licence.practitioner.user_id,
                       ngettext("Your licence %(n)s expires in %(d)s day. Send the renewed licence so clients "
                                "can keep booking.",
                                "Your licence %(n)s expires in %(d)s days. Send the renewed licence so clients "
                                "can keep booking.", days) % {"n": licence.number, "d": days}, "/care/practice/")
            for admin_id in admins:
                with in_language_of(admin_id):
                    notify(admin_id, ngettext(
                        "A practitioner's licence expires in %(d)s day: re-verify it after renewal.",
                        "A practitioner's licence expires in %(d)s days: re-verify it after renewal.", days)
                        % {"d": days}, "/care/verify/")
            sent += 1
    return sent


# ---------------------------------------------------------------------------------------------
# Directory and matching


def directory(filters: dict | None = None):
    """Published practitioners with a currently valid verified licence, filtered."""
    filters = filters or {}
    today = timezone.localdate()
    qs = (PractitionerProfile.objects.filter(published=True, user__is_active=True,
                                             licences__status=Licence.Status.VERIFIED,
                                             licences__expires_on__gte=today)
          .select_related("user").distinct().order_by("user__pseudonym")
          .prefetch_related(Prefetch("licences", to_attr="valid_licences", queryset=Licence.objects.filter(
              status=Licence.Status.VERIFIED, expires_on__gte=today).order_by("-expires_on"))))
    if filters.get("accepting"):
        qs = qs.filter(accepting_clients=True)
    profiles = list(qs)
    for key in ("approach", "specialty", "language", "format"):
        value = filters.get(key)
        if value:
            field = {"approach": "approaches", "specialty": "specialties", "language": "languages",
                     "format": "formats"}[key]
            # JSON list membership is filtered in Python: it works the same on SQLite and PostgreSQL.
            profiles = [p for p in profiles if value in getattr(p, field)]
    return profiles


@dataclass
class Match:
    profile: PractitionerProfile
    score: int
    reasons: list[str]


# Weights: what a person needs (a language they speak, a format they can use) outranks
# preferences (an approach they heard of). Availability is a tie-breaker.
WEIGHTS = {"language": 40, "format": 25, "specialty": 20, "approach": 10, "accepting": 5}


def match(answers: dict) -> list[Match]:
    """Rank practitioners for a short questionnaire. ``answers``: concerns (specialties),
    approaches, language, format. Returns every practitioner with a score and the reasons."""
    concerns = set(_clean_choices(answers.get("concerns", []), SPECIALTIES, "concerns"))
    approaches = set(_clean_choices(answers.get("approaches", []), APPROACHES, "approaches"))
    language = answers.get("language") or ""
    fmt = answers.get("format") or ""
    if language and language not in LANGUAGES:
        raise ValidationError({"language": [_("Unknown language.")]})
    if fmt and fmt not in Format.values:
        raise ValidationError({"format": [_("Unknown format.")]})
    results = []
    for profile in directory():
        score, reasons = 0, []
        if language:
            if language in profile.languages:
                score += WEIGHTS["language"]
                reasons.append(_("Works in %(l)s") % {"l": LANGUAGES[language]})
            else:
                continue  # a practitioner you cannot talk with is not a match
        if fmt and fmt in profile.formats:
            score += WEIGHTS["format"]
            reasons.append(_("Offers %(f)s sessions") % {"f": Format(fmt).label.lower()})
        shared = [c for c in SPECIALTIES if c in concerns and c in profile.specialties]
        if shared:
            score += WEIGHTS["specialty"] * len(shared) // max(1, len(concerns))
            reasons.append(_("Specialises in %(s)s") % {"s": ", ".join(str(SPECIALTIES[c]).lower() for c in shared)})
        liked = [a for a in APPROACHES if a in approaches and a in profile.approaches]
        if liked:
            score += WEIGHTS["approach"]
            reasons.append(_("Uses %(a)s") % {"a": ", ".join(str(APPROACHES[a]) for a in liked)})
        if profile.accepting_clients:
            score += WEIGHTS["accepting"]
            reasons.append(_("Taking new clients"))
        results.append(Match(profile, score, reasons))
    results.sort(key=lambda m: (-m.score, m.profile.user.pseudonym.lower()))
    return results


def access_practitioner(profile_id) -> PractitionerProfile:
    """A practitioner anyone may see: published with a currently valid verified licence."""
    try:
        profile = PractitionerProfile.objects.select_related("user").get(pk=profile_id, published=True,
                                                                         user__is_active=True)
    except (PractitionerProfile.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    if current_licence(profile) is None:
        raise Http404
    return profile


def active_relationship(client) -> CareRelationship | None:
    if not client.is_authenticated:
        return None
    return (CareRelationship.objects.select_related("practitioner__user")
            .filter(client=client, status=CareRelationship.Status.ACTIVE).first())


# "Active care": the client has an active relationship with the practitioner AND they are
# actually working together -- a booked session coming up or held within ACTIVE_CARE_DAYS, a
# message either way within that time, or the relationship began within it. Counselling runs
# weekly to monthly; 60 days keeps a monthly rhythm with one missed session in care, and lets a
# relationship that was chosen and then left idle fall out of it (its practitioner is no longer
# told of risk; the safety team still is).
ACTIVE_CARE_DAYS = 60


def care_relationship_of(client, now: datetime | None = None) -> CareRelationship | None:
    """The client's relationship in active care (see ACTIVE_CARE_DAYS), or None."""
    if client is None or not getattr(client, "pk", None):
        return None
    relationship = (CareRelationship.objects.select_related("client", "practitioner__user")
                    .filter(client_id=client.pk, status=CareRelationship.Status.ACTIVE,
                            practitioner__user__is_active=True).first())
    if relationship is None or relationship.practitioner.user_id == client.pk:
        return None
    since = (now or timezone.now()) - timedelta(days=ACTIVE_CARE_DAYS)
    if relationship.started_at >= since:
        return relationship
    from .models import Message

    sessions = Appointment.objects.filter(client_id=client.pk, practitioner_id=relationship.practitioner_id,
                                          status=Appointment.Status.BOOKED, ends_at__gte=since)
    if sessions.exists() or Message.objects.filter(relationship=relationship, seq__isnull=False,
                                                   created_at__gte=since).exists():
        return relationship
    return None


def practitioner_of(client) -> User | None:
    """The client's practitioner in active care (a User), or None. Used by the staff alert page
    and by the practitioner risk notices (``care.risk``)."""
    relationship = care_relationship_of(client)
    return relationship.practitioner.user if relationship is not None else None


def check_choose_practitioner(client, profile: PractitionerProfile, request=None) -> CareRelationship:
    """Start working with a practitioner; switching ends the current relationship and cancels
    its future sessions (the client's sharing stops following the old practitioner at once)."""
    if profile.user_id == client.pk:
        raise ValidationError(_("You cannot be your own client."))
    if not is_bookable(profile):
        raise ValidationError(_("This practitioner is not taking bookings right now."))
    from hearthside.core import realtime

    with transaction.atomic():
        current = (CareRelationship.objects.select_for_update()
                   .filter(client=client, status=CareRelationship.Status.ACTIVE).first())
        if current is not None and current.practitioner_id == profile.pk:
            return current
        if current is not None:
            _end_relationship(current, client, request=request)
        try:
            with transaction.atomic():
                relationship = CareRelationship.objects.create(client=client, practitioner=profile)
        except IntegrityError:
            raise ValidationError(_("Please try again.")) from None
        audit.record("care.relationship_started", actor=client, request=request, obj=relationship, subject=client)
        for uid in (client.pk, profile.user_id):
            realtime.subscribe_on_commit(uid, relationship_topic(relationship.pk))
        with in_language_of(profile.user_id):
            notify(profile.user_id, _("%(c)s chose to work with you.") % {"c": client.pseudonym},
                   f"/care/clients/{relationship.pk}/")
    return relationship


def _end_relationship(relationship: CareRelationship, actor, request=None) -> None:
    from hearthside.core import realtime

    now = timezone.now()
    relationship.status, relationship.ended_at = CareRelationship.Status.ENDED, now
    relationship.save(update_fields=["status", "ended_at"])
    for appointment in Appointment.objects.filter(practitioner=relationship.practitioner, client=relationship.client,
                                                  status=Appointment.Status.BOOKED, starts_at__gt=now):
        do_cancel(appointment, actor, request=request)
    audit.record("care.relationship_ended", actor=actor, request=request, obj=relationship,
                 subject=relationship.client_id)
    for uid in (relationship.client_id, relationship.practitioner.user_id):
        realtime.unsubscribe_on_commit(uid, relationship_topic(relationship.pk))


def do_end_relationship(relationship: CareRelationship, actor, request=None) -> None:
    with transaction.atomic():
        relationship = CareRelationship.objects.select_for_update().get(pk=relationship.pk)
        if relationship.status == CareRelationship.Status.ACTIVE:
            _end_relationship(relationship, actor, request=request)


def relationship_topic(relationship_id: int) -> str:
    return f"care.{relationship_id}"


# ---------------------------------------------------------------------------------------------
# Availability and slots


@dataclass(frozen=True)
class Slot:
    starts_at: datetime  # aware, UTC
    ends_at: datetime

    def local(self, tz_name: str) -> datetime:
        return self.starts_at.astimezone(_zone(tz_name))


def _localise(day: date, at: time, tz: zoneinfo.ZoneInfo) -> datetime | None:
    """The instant a wall-clock time on a day happens in ``tz``; None when the clocks skip it
    (spring forward). An ambiguous time (fall back) is its first occurrence (fold=0)."""
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=tz)
    round_trip = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if round_trip != naive:
        return None
    return aware.astimezone(UTC)


def _windows_for_day(profile, day: date, rules, exceptions) -> list[tuple[time, time]]:
    todays = [e for e in exceptions if e.date == day]
    if any(e.kind == AvailabilityException.Kind.OFF and e.start_time is None for e in todays):
        return []
    windows = [(r.start_time, r.end_time) for r in rules if r.weekday == day.weekday()]
    windows += [(e.start_time, e.end_time) for e in todays
                if e.kind == AvailabilityException.Kind.EXTRA and e.start_time and e.end_time]
    return windows


def compute_slots(profile: PractitionerProfile, start: datetime, end: datetime, *, now: datetime | None = None,
                  include_taken: bool = False) -> list[Slot]:
    """Free slots that start in [start, end), in UTC.

    Slots step through the practitioner's wall clock (09:00, 10:00 … in their zone), so a
    practitioner's hours stay put when their clocks change; a wall time the clocks skip is not
    offered, and an hour that happens twice is offered once. Each slot lasts ``session_minutes``
    of real time.
    """
    now = now or timezone.now()
    tz = _zone(profile.time_zone)
    start = max(start, now + timedelta(hours=profile.min_notice_hours))
    if end <= start:
        return []
    rules = list(AvailabilityRule.objects.filter(practitioner=profile))
    first_day = start.astimezone(tz).date() - timedelta(days=1)
    last_day = end.astimezone(tz).date() + timedelta(days=1)
    exceptions = list(AvailabilityException.objects.filter(practitioner=profile, date__gte=first_day,
                                                           date__lte=last_day))
    blocked = [(e.date, e.start_time, e.end_time) for e in exceptions
               if e.kind == AvailabilityException.Kind.OFF and e.start_time and e.end_time]
    taken = set()
    if not include_taken:
        taken = set(Appointment.objects.filter(practitioner=profile, status=Appointment.Status.BOOKED,
                                               starts_at__lt=end + timedelta(hours=4),
                                               ends_at__gt=start - timedelta(hours=4))
                    .values_list("starts_at", "ends_at"))
    session = timedelta(minutes=profile.session_minutes)
    step = timedelta(minutes=profile.slot_minutes)
    slots: dict[datetime, Slot] = {}
    day = first_day
    while day <= last_day:
        for window_start, window_end in _windows_for_day(profile, day, rules, exceptions):
            window_end_at = _localise(day, window_end, tz) or _localise(day, (datetime.combine(day, window_end)
                                                                              + timedelta(hours=1)).time(), tz)
            wall = datetime.combine(day, window_start)
            while wall.date() == day and wall.time() < window_end:
                at = _localise(day, wall.time(), tz)
                wall += step
                if at is None or window_end_at is None or at + session > window_end_at:
                    continue
                if not start <= at < end:
                    continue
                local_start = at.astimezone(tz)
                if any(d == day and bs <= local_start.time() < be for d, bs, be in blocked):
                    continue
                if any(s < at + session and at < e for s, e in taken):
                    continue
                slots[at] = Slot(at, at + session)
        day += timedelta(days=1)
    return [slots[k] for k in sorted(slots)]


def slots_by_day(profile: PractitionerProfile, tz_name: str, days: int = 14, *, now: datetime | None = None):
    """Free slots for the next ``days`` days, grouped by the viewer's local date."""
    now = now or timezone.now()
    slots = compute_slots(profile, now, now + timedelta(days=days), now=now)
    tz = _zone(tz_name)
    grouped: dict[date, list[datetime]] = {}
    for slot in slots:
        local = slot.starts_at.astimezone(tz)
        grouped.setdefault(local.date(), []).append(local)
    return sorted(grouped.items())


def check_set_availability(user, rules: list[dict], request=None) -> list[AvailabilityRule]:
    profile = profile_for(user)
    if profile is None:
        raise PermissionDenied(_("Create your practitioner profile first."))
    cleaned = []
    for index, rule in enumerate(rules):
        try:
            weekday = int(rule["weekday"])
            start = rule["start_time"] if isinstance(rule["start_time"], time) else time.fromisoformat(rule["start_time"])
            end = rule["end_time"] if isinstance(rule["end_time"], time) else time.fromisoformat(rule["end_time"])
        except (KeyError, TypeError, ValueError):
            raise ValidationError({f"rules.{index}": [_("Give a weekday (0–6) and times as HH:MM.")]}) from None
        if not 0 <= weekday <= 6 or end <= start:
            raise ValidationError({f"rules.{index}": [_("The end must be after the start, on one day.")]})
        cleaned.append(AvailabilityRule(practitioner=profile, weekday=weekday, start_time=start, end_time=end))
    with transaction.atomic():
        AvailabilityRule.objects.filter(practitioner=profile).delete()
        created = AvailabilityRule.objects.bulk_create(cleaned)
        audit.record("care.availability_set", actor=user, request=request, obj=profile, subject=user,
                     detail={"rules": len(created)})
    return created


def check_add_exception(user, fields: dict, request=None) -> AvailabilityException:
    profile = profile_for(user)
    if profile is None:
        raise PermissionDenied(_("Create your practitioner profile first."))
    try:
        day = fields["date"] if isinstance(fields["date"], date) else date.fromisoformat(fields["date"])
        start = fields.get("start_time") or None
        end = fields.get("end_time") or None
        start = time.fromisoformat(start) if isinstance(start, str) else start
        end = time.fromisoformat(end) if isinstance(end, str) else end
    except (KeyError, TypeError, ValueError):
        raise ValidationError({"date": [_("Give a date (YYYY-MM-DD) and optional times (HH:MM).")]}) from None
    kind = fields.get("kind") or AvailabilityException.Kind.OFF
    if kind not in AvailabilityException.Kind.values:
        raise ValidationError({"kind": [_("Choose off or extra.")]})
    if (start is None) != (end is None) or (start and end <= start):
        raise ValidationError({"end_time": [_("Give both times, the end after the start, or neither.")]})
    if kind == AvailabilityException.Kind.EXTRA and start is None:
        raise ValidationError({"start_time": [_("Extra hours need a start and an end.")]})
    exception = AvailabilityException.objects.create(practitioner=profile, date=day, kind=kind, start_time=start,
                                                     end_time=end)
    return exception


# ---------------------------------------------------------------------------------------------
# Booking


class SlotTaken(ValidationError):
    pass


def _parse_instant(value) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError({"starts_at": [_("Give the time in ISO 8601 format.")]}) from None
    if not isinstance(value, datetime) or timezone.is_naive(value):
        raise ValidationError({"starts_at": [_("Give the time with its offset or time zone.")]})
    return value.astimezone(UTC)


def check_book(client, profile: PractitionerProfile, starts_at, fmt: str = Format.VIDEO, request=None,
               *, replacing: Appointment | None = None) -> Appointment:
    starts_at = _parse_instant(starts_at)
    if profile.user_id == client.pk:
        raise ValidationError(_("You cannot book yourself."))
    if fmt not in profile.formats:
        raise ValidationError({"format": [_("This practitioner does not offer that format.")]})
    if not is_bookable(profile, starts_at.astimezone(_zone(profile.time_zone)).date()):
        raise ValidationError(_("This practitioner is not taking bookings for that date."))
    relationship = active_relationship(client)
    if relationship is not None and relationship.practitioner_id != profile.pk:
        raise ValidationError(_("You are working with %(p)s. Switch practitioner first.")
                              % {"p": relationship.practitioner.user.pseudonym})
    free = compute_slots(profile, starts_at, starts_at + timedelta(seconds=1))
    if not any(s.starts_at == starts_at for s in free):
        raise SlotTaken({"starts_at": [_("That time is not available. Pick another slot.")]})
    if relationship is None:
        relationship = check_choose_practitioner(client, profile, request=request)
    try:
        with transaction.atomic():
            appointment = Appointment.objects.create(
                practitioner=profile, client=client, starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=profile.session_minutes), format=fmt)
            if replacing is not None:
                _mark_rescheduled(replacing, appointment, client, request=request)
            audit.record("care.appointment_booked", actor=client, request=request, obj=appointment, subject=client)
    except IntegrityError:
        # Someone else booked this exact slot between our check and our insert: the partial
        # unique constraint refused the second row.
        raise SlotTaken({"starts_at": [_("Someone has just booked that time. Pick another slot.")]}) from None
    with in_language_of(profile.user):
        when = _format_for(appointment.starts_at, profile.user)
        notify(profile.user_id, _("New session with %(c)s on %(w)s.") % {"c": client.pseudonym, "w": when},
               "/care/appointments/")
    return appointment


def _format_for(at: datetime, user) -> str:
    local = at.astimezone(_zone(user.time_zone))
    return local.strftime("%a %d %b %H:%M ") + (local.tzname() or "")


def access_appointment(user, appointment_id) -> Appointment:
    """An appointment its client or its practitioner may see; 404 for anyone else."""
    try:
        appointment = Appointment.objects.select_related("practitioner__user", "client").get(pk=appointment_id)
    except (Appointment.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    if user.pk not in (appointment.client_id, appointment.practitioner.user_id):
        raise Http404
    if user.pk == appointment.practitioner.user_id and user.pk != appointment.client_id:
        # The practitioner's side of a client's appointment, like every read of client data.
        from .clinical import require_second_factor

        require_second_factor(user)
    return appointment


def _within_change_window(appointment: Appointment, now: datetime) -> bool:
    return appointment.starts_at - now < timedelta(hours=appointment.practitioner.change_window_hours)


def check_cancel(user, appointment: Appointment, request=None) -> Appointment:
    now = timezone.now()
    if appointment.status != Appointment.Status.BOOKED:
        raise ValidationError(_("This session is not booked any more."))
    if appointment.starts_at <= now:
        raise ValidationError(_("This session has already started."))
    if user.pk == appointment.client_id and _within_change_window(appointment, now):
        hours = appointment.practitioner.change_window_hours
        raise PermissionDenied(ngettext("Sessions can be cancelled up to %(h)s hour before they start. "
                                        "Send your practitioner a message instead.",
                                        "Sessions can be cancelled up to %(h)s hours before they start. "
                                        "Send your practitioner a message instead.", hours) % {"h": hours})
    with transaction.atomic():
        do_cancel(appointment, user, request=request)
    return appointment


def do_cancel(appointment: Appointment, actor, request=None) -> None:
    updated = Appointment.objects.filter(pk=appointment.pk, status=Appointment.Status.BOOKED).update(
        status=Appointment.Status.CANCELLED, cancelled_at=timezone.now(), cancelled_by_id=actor.pk)
    if not updated:
        return
    appointment.refresh_from_db()
    audit.record("care.appointment_cancelled", actor=actor, request=request, obj=appointment,
                 subject=appointment.client_id)
    other = appointment.practitioner.user if actor.pk == appointment.client_id else appointment.client
    with in_language_of(other):
        notify(other.pk, _("The session on %(w)s was cancelled.") % {"w": _format_for(appointment.starts_at, other)},
               "/care/appointments/")


def _mark_rescheduled(old: Appointment, new: Appointment, actor, request=None) -> None:
    updated = Appointment.objects.filter(pk=old.pk, status=Appointment.Status.BOOKED).update(
        status=Appointment.Status.RESCHEDULED, cancelled_at=timezone.now(), cancelled_by_id=actor.pk,
        rescheduled_to=new)
    if not updated:
        raise ValidationError(_("This session is not booked any more."))
    audit.record("care.appointment_rescheduled", actor=actor, request=request, obj=old, subject=old.client_id,
                 detail={"to": new.pk})


def check_reschedule(user, appointment: Appointment, starts_at, request=None) -> Appointment:
    now = timezone.now()
    if user.pk != appointment.client_id:
        raise PermissionDenied(_("The client moves a session; practitioners cancel and offer a new time."))
    if appointment.status != Appointment.Status.BOOKED or appointment.starts_at <= now:
        raise ValidationError(_("Only a future booked session can be moved."))
    if _within_change_window(appointment, now):
        hours = appointment.practitioner.change_window_hours
        raise PermissionDenied(ngettext("Sessions can be moved up to %(h)s hour before they start.",
                                        "Sessions can be moved up to %(h)s hours before they start.", hours)
                               % {"h": hours})
    with transaction.atomic():
        return check_book(user, appointment.practitioner, starts_at, appointment.format, request=request,
                          replacing=appointment)


def appointments_for(user, *, upcoming: bool = True):
    qs = (Appointment.objects.filter(Q(client=user) | Q(practitioner__user=user))
          .select_related("practitioner__user", "client"))
    now = timezone.now()
    if upcoming:
        return qs.filter(status=Appointment.Status.BOOKED, ends_at__gt=now).order_by("starts_at")
    return qs.order_by("-starts_at")


# ---------------------------------------------------------------------------------------------
# Reminders


REMINDERS = (("reminded_24h_at", timedelta(hours=24)), ("reminded_1h_at", timedelta(hours=1)))


def send_appointment_reminders(now: datetime | None = None) -> int:
    """Remind both people 24 hours and 1 hour before a session. Each reminder is claimed with a
    conditional UPDATE, so running the sweep twice (or in two workers) sends it once. A reminder
    whose moment passed while the worker was down is still sent if the session has not begun,
    but the 24-hour one is skipped when the 1-hour one is already due."""
    now = now or timezone.now()
    sent = 0
    for field, before in REMINDERS:
        due = Appointment.objects.filter(status=Appointment.Status.BOOKED, starts_at__gt=now,
                                         starts_at__lte=now + before, **{f"{field}__isnull": True})
        if field == "reminded_24h_at":
            due = due.filter(starts_at__gt=now + timedelta(hours=1))
        for appointment in due.select_related("practitioner__user", "client"):
            with transaction.atomic():
                claimed = Appointment.objects.filter(pk=appointment.pk, **{f"{field}__isnull": True}).update(
                    **{field: now})
                if not claimed:
                    continue
                for person in (appointment.client, appointment.practitioner.user):
                    with in_language_of(person):
                        text = (_("Reminder: your session on %(w)s starts in about an hour.")
                                if field == "reminded_1h_at" else _("Reminder: you have a session on %(w)s."))
                        notify(person.pk, text % {"w": _format_for(appointment.starts_at, person)},
                               "/care/appointments/")
                    if person.email:
                        from .tasks import send_appointment_reminder_email

                        enqueue_on_commit(send_appointment_reminder_email, appointment.pk, person.pk,
                                          log=log, what="a reminder email")
                sent += 1
    return sent


# ---------------------------------------------------------------------------------------------
# Calendar feeds


def feed_for(user, *, create: bool = True) -> CalendarFeed | None:
    feed = CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()
    if feed is None and create:
        feed = CalendarFeed.objects.create(user=user)
        audit.record("care.calendar_feed_created", actor=user, obj=feed, subject=user)
    return feed


def do_rotate_feed(user, request=None) -> CalendarFeed:
    """Revoke the current address (it 404s at once) and make a new one."""
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        feed = CalendarFeed.objects.create(user=user)
        audit.record("care.calendar_feed_rotated", actor=user, request=request, obj=feed, subject=user)
    return feed


def do_revoke_feed(user, request=None) -> int:
    count = CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if count:
        audit.record("care.calendar_feed_revoked", actor=user, request=request, subject=user)
    return count


def calendar_ics(token: str) -> bytes:
    """The iCalendar document for a feed token; Http404 for an unknown or revoked token."""
    import icalendar
    from django.conf import settings

    feed = CalendarFeed.objects.select_related("user").filter(token=str(token)[:64], revoked_at__isnull=True).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    user = feed.user
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{settings.SITE_NAME}//Counselling//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{settings.SITE_NAME}: {_('counselling sessions')}")
    since = timezone.now() - timedelta(days=90)
    for appointment in (Appointment.objects.filter(Q(client=user) | Q(practitioner__user=user), starts_at__gte=since)
                        .exclude(status=Appointment.Status.RESCHEDULED)
                        .select_related("practitioner__user", "client").order_by("starts_at")):
        event = icalendar.Event()
        event.add("uid", f"appointment-{appointment.pk}@{settings.SITE_URL.split('//')[-1]}")
        event.add("dtstamp", appointment.created_at)
        event.add("dtstart", appointment.starts_at)
        event.add("dtend", appointment.ends_at)
        other = appointment.client if user.pk == appointment.practitioner.user_id else appointment.practitioner.user
        # Only pseudonyms and the format: a calendar is often synced to third-party services.
        event.add("summary", _("Counselling session with %(p)s") % {"p": other.pseudonym})
        event.add("description", f"{appointment.get_format_display()}. {settings.SITE_URL}/care/appointments/")
        event.add("url", f"{settings.SITE_URL}/care/appointments/")
        cancelled = appointment.status == Appointment.Status.CANCELLED
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        if not cancelled:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _("Counselling session in one hour"))
            alarm.add("trigger", timedelta(hours=-1))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


# ---------------------------------------------------------------------------------------------
# Reviews


MAX_REVIEW = 2000


def check_review(client, appointment: Appointment, rating, body: str = "", request=None):
    """Only the client of a session that took place reviews it, once. The text is screened like
    everything people write to others; held text is not shown."""
    from .models import Review

    if appointment.client_id != client.pk:
        raise Http404
    if appointment.status != Appointment.Status.BOOKED or appointment.ends_at > timezone.now():
        raise ValidationError(_("You can review a session once it has taken place."))
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": [_("Give 1 to 5 stars.")]})
    body = (body or "").replace("\x00", "").strip()
    if len(body) > MAX_REVIEW:
        raise ValidationError({"body": [ngettext(
            "Keep it under %(n)s character.",
            "Keep it under %(n)s characters.", MAX_REVIEW) % {"n": MAX_REVIEW}]})
    from hearthside.safety.actions import screen_and_route

    try:
        with transaction.atomic():
            status = Review.Status.PUBLISHED
            if body:
                route = screen_and_route(client, body, "care.review", source_id=str(appointment.pk), context="post")
                if not route.publish:
                    status = Review.Status.HELD
            review = Review.objects.create(appointment=appointment, practitioner=appointment.practitioner,
                                           client=client, rating=rating, body=body, status=status)
    except IntegrityError:
        raise ValidationError(_("You already reviewed this session.")) from None
    return review


def reviews_for(profile: PractitionerProfile) -> dict:
    from django.db.models import Avg, Count

    from .models import Review

    published = Review.objects.filter(practitioner=profile, status=Review.Status.PUBLISHED)
    summary = published.aggregate(average=Avg("rating"), count=Count("pk"))
    return {"average": round(summary["average"], 1) if summary["average"] else None, "count": summary["count"],
            "latest": list(published.order_by("-created_at")[:10])}
