"""Facilitated group meetings: scheduled by a group's facilitators (or site moderators), with a
capacity, RSVPs, a reminder before the start, and a live room during the meeting.

The room is the group's live chat: the sweep marks the chat sequence number when a meeting opens
and when it ends (``start_seq``/``end_seq``), and tells open sockets (``meeting.started`` /
``meeting.ended`` on the group's topic). Times are stored in UTC and shown in each person's own
time zone (``User.time_zone``); a facilitator enters the start in theirs.
"""

from __future__ import annotations

import json
import logging
import zoneinfo
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.core import audit
from hearthside.core.background import enqueue_on_commit
from hearthside.core.events import publish_on_commit
from hearthside.core.i18n import in_language_of

from . import actions
from .models import Group, Meeting, MeetingRSVP

log = logging.getLogger("hearthside.community")

REMIND_BEFORE = timedelta(minutes=60)
ROOM_OPENS_BEFORE = timedelta(minutes=10)
MAX_DURATION = 240
MAX_AHEAD = timedelta(days=366)


def person_zone(user) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(getattr(user, "time_zone", "") or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def is_live(meeting: Meeting, now=None) -> bool:
    now = now or timezone.now()
    return (meeting.cancelled_at is None and meeting.starts_at - ROOM_OPENS_BEFORE <= now < meeting.ends_at)


def access_meeting_by_id(user, meeting_id, group: Group | None = None) -> Meeting:
    """A meeting of a group the person is in (or moderates); 404 alike otherwise."""
    try:
        pk = int(meeting_id)
    except (TypeError, ValueError):
        raise Http404 from None
    meeting = Meeting.objects.select_related("group", "facilitator").filter(pk=pk).first()
    if meeting is None or (group is not None and meeting.group_id != group.pk):
        raise Http404
    actions.require_member(user, meeting.group)
    return meeting


def meeting_dict(meeting: Meeting, user, *, going: set[int] | None = None, counts: dict | None = None,
                 now=None) -> dict:
    zone = person_zone(user)
    taken = (counts or {}).get(meeting.pk, 0)
    return {
        "id": meeting.pk,
        "group": meeting.group.slug,
        "title": meeting.title,
        "description": meeting.description,
        "facilitator": meeting.facilitator.pseudonym if meeting.facilitator else _("a facilitator"),
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "starts_local": meeting.starts_at.astimezone(zone),
        "ends_local": meeting.ends_at.astimezone(zone),
        "time_zone": str(zone),
        "duration_minutes": meeting.duration_minutes,
        "capacity": meeting.capacity,
        "going": taken,
        "spots_left": None if meeting.capacity is None else max(0, meeting.capacity - taken),
        "mine": meeting.pk in (going or set()),
        "cancelled": meeting.cancelled_at is not None,
        "live": is_live(meeting, now),
        "ended": (now or timezone.now()) >= meeting.ends_at,
    }


def upcoming(user, group: Group, now=None) -> list[dict]:
    """Meetings not yet over, soonest first, in three queries whatever their number."""
    from django.db.models import Count

    now = now or timezone.now()
    actions.require_member(user, group)
    rows = list(Meeting.objects.filter(group=group, cancelled_at__isnull=True,
                                       starts_at__gt=now - timedelta(minutes=MAX_DURATION))
                .select_related("group", "facilitator").order_by("starts_at")[:50])
    rows = [m for m in rows if m.ends_at > now]
    ids = [m.pk for m in rows]
    counts = dict(MeetingRSVP.objects.filter(meeting_id__in=ids).values("meeting_id")
                  .annotate(n=Count("pk")).values_list("meeting_id", "n"))
    going = set(MeetingRSVP.objects.filter(meeting_id__in=ids, user=user).values_list("meeting_id", flat=True))
    return [meeting_dict(m, user, going=going, counts=counts, now=now) for m in rows]


def detail(user, meeting: Meeting, now=None) -> dict:
    counts = {meeting.pk: meeting.rsvps.count()}
    going = {meeting.pk} if meeting.rsvps.filter(user=user).exists() else set()
    return meeting_dict(meeting, user, going=going, counts=counts, now=now)


def _parse_start(value, zone) -> datetime:
    if isinstance(value, datetime):
        start = value
    else:
        try:
            start = datetime.fromisoformat(str(value).strip()[:40])
        except ValueError:
            raise ValidationError({"starts_at": [_("Give a date and time like 2026-05-04 18:30.")]}) from None
    if start.tzinfo is None:
        start = start.replace(tzinfo=zone)  # in the facilitator's own time zone
    return start


def check_schedule(user, group: Group, fields: dict, request=None, now=None) -> Meeting:
    if not actions.is_group_moderator(user, group):
        raise PermissionDenied(_("Only the group's facilitators can schedule meetings."))
    now = now or timezone.now()
    errors: dict = {}
    title = str(fields.get("title") or "").replace("\x00", "").strip()
    if not title or len(title) > 120:
        errors["title"] = [_("Give the meeting a title of up to 120 characters.")]
    description = str(fields.get("description") or "").replace("\x00", "").strip()
    if len(description) > 2000:
        errors["description"] = [_("Keep the description under 2000 characters.")]
    start = None
    try:
        start = _parse_start(fields.get("starts_at"), person_zone(user))
        if start <= now:
            errors["starts_at"] = [_("Choose a time in the future.")]
        elif start > now + MAX_AHEAD:
            errors["starts_at"] = [_("Meetings can be scheduled up to a year ahead.")]
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        duration = int(fields.get("duration_minutes") or 60)
    except (TypeError, ValueError):
        duration = 0
    if not 15 <= duration <= MAX_DURATION:
        errors["duration_minutes"] = [_("A meeting lasts 15 to 240 minutes.")]
    capacity = fields.get("capacity")
    if capacity in ("", None):
        capacity = None
    else:
        try:
            capacity = int(capacity)
        except (TypeError, ValueError):
            capacity = 0
        if not 2 <= capacity <= 500:
            errors["capacity"] = [_("Capacity is 2 to 500 people, or empty for no limit.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = Meeting.objects.create(group=group, title=title, description=description, facilitator=user,
                                         starts_at=start, duration_minutes=duration, capacity=capacity)
        audit.record("community.meeting_scheduled", actor=user, request=request, obj=meeting, subject=None,
                     detail={"group": group.pk})
        # The facilitator is going, and takes a place.
        MeetingRSVP.objects.create(meeting=meeting, user=user)
    return meeting


def check_rsvp(user, meeting: Meeting, now=None) -> MeetingRSVP:
    now = now or timezone.now()
    if actions.active_membership(user, meeting.group) is None:
        raise PermissionDenied(_("Join the group to take part in its meetings."))
    if meeting.cancelled_at is not None:
        raise ValidationError(_("This meeting was cancelled."))
    if now >= meeting.ends_at:
        raise ValidationError(_("This meeting is over."))
    with transaction.atomic():
        # The meeting row's lock makes "count, then take a place" safe for the last place.
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        existing = MeetingRSVP.objects.filter(meeting=locked, user=user).first()
        if existing is not None:
            return existing
        if locked.capacity is not None and locked.rsvps.count() >= locked.capacity:
            raise ValidationError(_("This meeting is full."))
        return MeetingRSVP.objects.create(meeting=locked, user=user)


def do_cancel_rsvp(user, meeting: Meeting) -> bool:
    return MeetingRSVP.objects.filter(meeting=meeting, user=user).delete()[0] > 0


def check_cancel_meeting(user, meeting: Meeting, request=None) -> Meeting:
    if not actions.is_group_moderator(user, meeting.group):
        raise PermissionDenied(_("Only the group's facilitators can cancel meetings."))
    if meeting.cancelled_at is not None:
        return meeting
    from hearthside.selfcare.models import Notification

    with transaction.atomic():
        meeting.cancelled_at = timezone.now()
        meeting.save(update_fields=["cancelled_at"])
        audit.record("community.meeting_cancelled", actor=user, request=request, obj=meeting, subject=None)
        for rsvp in meeting.rsvps.exclude(user=user).select_related("user"):
            with in_language_of(rsvp.user):
                text = _("The meeting “%(t)s” in %(g)s was cancelled.") % {"t": meeting.title, "g": meeting.group.name}
            Notification.objects.create(user=rsvp.user, text=text[:300], url=f"/groups/{meeting.group.slug}/meetings/")
    return meeting


# ---------------------------------------------------------------------------------------------
# Sweeps (idempotent): reminders, and opening and closing the room


def send_meeting_reminders(now=None) -> int:
    """Remind each person who is going, once, in the hour before the start (in their time zone)."""
    from hearthside.selfcare.models import Notification

    now = now or timezone.now()
    due = list(MeetingRSVP.objects.filter(reminded_at__isnull=True, meeting__cancelled_at__isnull=True,
                                          meeting__starts_at__gt=now, meeting__starts_at__lte=now + REMIND_BEFORE)
               .values_list("pk", flat=True))
    sent = 0
    for pk in due:
        with transaction.atomic():
            # Claimed by the UPDATE: two sweeps running at once remind a person once.
            if not MeetingRSVP.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now):
                continue
            rsvp = MeetingRSVP.objects.select_related("meeting__group", "user").get(pk=pk)
            local = rsvp.meeting.starts_at.astimezone(person_zone(rsvp.user))
            from django.utils import translation

            with translation.override(rsvp.user.language or "en"):
                text = _("Reminder: “%(t)s” in %(g)s starts at %(h)s (%(z)s).") % {
                    "t": rsvp.meeting.title, "g": rsvp.meeting.group.name, "h": local.strftime("%H:%M"),
                    "z": local.tzname()}
            Notification.objects.create(user=rsvp.user, text=text[:300],
                                        url=f"/groups/{rsvp.meeting.group.slug}/meetings/{rsvp.meeting_id}/")
            if rsvp.user.email:
                from .tasks import send_meeting_reminder_email

                enqueue_on_commit(send_meeting_reminder_email, pk, text, log=log, what="a meeting reminder email")
            sent += 1
    return sent


def mark_meeting_rooms(now=None) -> int:
    """Mark where each meeting begins and ends in its group's chat, and tell open sockets."""
    now = now or timezone.now()
    opening = Meeting.objects.filter(cancelled_at__isnull=True, start_seq__isnull=True,
                                     starts_at__lte=now + ROOM_OPENS_BEFORE).select_related("group")
    changed = _mark(opening, "start_seq", "meeting.started")
    closing = [m for m in Meeting.objects.filter(start_seq__isnull=False, end_seq__isnull=True).select_related("group")
               if m.ends_at <= now or m.cancelled_at is not None]
    return changed + _mark(closing, "end_seq", "meeting.ended")


def _mark(meetings, field: str, kind: str) -> int:
    """Each meeting's ``field`` set to its group's last chat number, once (the conditional update
    leaves it to one sweep when two run), and the group told with a ``kind`` frame."""
    changed = 0
    for meeting in meetings:
        with transaction.atomic():
            seq = Group.objects.values_list("last_seq", flat=True).get(pk=meeting.group_id)
            if Meeting.objects.filter(pk=meeting.pk, **{f"{field}__isnull": True}).update(**{field: seq}):
                _tell(meeting, kind)
                changed += 1
    return changed


def _tell(meeting: Meeting, kind: str) -> None:
    frame = {"type": kind, "group": meeting.group.slug, "meeting": meeting.pk, "title": meeting.title,
             "ends_at": meeting.ends_at.isoformat()}
    publish_on_commit(actions.group_topic(meeting.group_id), json.dumps(frame, separators=(",", ":")))
