"""Counselling pages: directory and matching, profiles and booking, appointments, calendar
feeds, the practitioner's practice settings and the administrators' verification desk."""

from __future__ import annotations

from datetime import date
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from hearthside.accounts.auth import SecondFactorRequired
from hearthside.accounts.models import TIME_ZONES
from hearthside.core.errors import run_for_page

from . import actions
from .models import (
    APPROACHES,
    LANGUAGES,
    SPECIALTIES,
    AvailabilityException,
    AvailabilityRule,
    Format,
    Licence,
    LicenceVerification,
)

WEEKDAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


def _message_for(exc) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return " ".join(m for msgs in exc.message_dict.values() for m in msgs)
        return " ".join(exc.messages)
    return str(exc)


def _choices(mapping) -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in mapping.items()]


def _profile_card(profile) -> dict:
    licence = actions.current_licence(profile)
    return {
        "p": profile,
        "approaches": [str(APPROACHES[a]) for a in profile.approaches if a in APPROACHES],
        "specialties": [str(SPECIALTIES[s]) for s in profile.specialties if s in SPECIALTIES],
        "languages": [LANGUAGES[code] for code in profile.languages if code in LANGUAGES],
        "formats": [Format(f).label for f in profile.formats if f in Format.values],
        "licence": licence,
    }


@login_required
@require_http_methods(["GET", "POST"])
def home(request):
    from . import clinical, connections

    user = request.user
    if request.method == "POST":
        # The client's choice about one suggestion in their plan: may their practitioner see
        # what came of it?
        recommendation = connections.access_recommendation(user, request.POST.get("recommendation"))
        share = request.POST.get("share") == "on"
        try:
            connections.check_share_outcome(user, recommendation, share, request=request)
            messages.success(request, _("Your practitioner can now see what came of this suggestion.") if share
                             else _("Your practitioner no longer sees what came of this suggestion."))
        except ValidationError as exc:
            messages.error(request, _message_for(exc))
        return redirect(reverse("care:home") + "#connect")
    relationship = actions.active_relationship(user)
    profile = actions.profile_for(user)
    upcoming = list(actions.appointments_for(user)[:5])
    clients = []
    if profile is not None:
        from .models import CareRelationship

        clients = list(CareRelationship.objects.filter(practitioner=profile, status="active")
                       .select_related("client").order_by("client__pseudonym"))
    from . import risk

    return render(request, "care/home.html", {
        "relationship": relationship, "profile": profile, "upcoming": upcoming, "clients": clients,
        "flagged": risk.flagged_relationships(clients) if clients else set(),
        "homework": clinical.homework_rows(clinical.refresh_homework(user)) if relationship else [],
        "recommendations": connections.client_rows(user) if relationship else [],
        "is_practitioner": actions.is_practitioner(user), "can_verify": actions.can_verify(user),
        "tz": user.time_zone,
    })


FILTERS = ("approach", "specialty", "language", "format")


@login_required
def directory(request):
    filters = {k: request.GET.get(k, "") for k in FILTERS}
    filters["accepting"] = request.GET.get("accepting") == "1"
    profiles = actions.directory(filters)
    return render(request, "care/directory.html", {
        "cards": [_profile_card(p) for p in profiles], "filters": filters,
        "approaches": _choices(APPROACHES), "specialties": _choices(SPECIALTIES), "languages": _choices(LANGUAGES),
        "formats": Format.choices, "relationship": actions.active_relationship(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def match(request):
    results, answers, error = None, {}, ""
    if request.method == "POST":
        answers = {"concerns": request.POST.getlist("concerns"), "approaches": request.POST.getlist("approaches"),
                   "language": request.POST.get("language", ""), "format": request.POST.get("format", "")}
        try:
            results = [{"card": _profile_card(m.profile), "score": m.score, "reasons": m.reasons}
                       for m in actions.match(answers)]
        except ValidationError as exc:
            error = _message_for(exc)
    return render(request, "care/match.html", {
        "results": results, "answers": answers, "error": error,
        "approaches": _choices(APPROACHES), "specialties": _choices(SPECIALTIES), "languages": _choices(LANGUAGES),
        "formats": Format.choices, "relationship": actions.active_relationship(request.user),
    })


@login_required
def practitioner(request, profile_id: int):
    profile = actions.access_practitioner(profile_id)
    relationship = actions.active_relationship(request.user)
    days = actions.slots_by_day(profile, request.user.time_zone, days=14) if actions.is_bookable(profile) else []
    moving = None
    if request.GET.get("reschedule"):
        moving = actions.access_appointment(request.user, request.GET["reschedule"])
        if moving.practitioner_id != profile.pk or moving.client_id != request.user.pk:
            raise Http404
    return render(request, "care/practitioner.html", {
        "moving": moving,
        "card": _profile_card(profile), "days": days, "relationship": relationship,
        "is_mine": relationship is not None and relationship.practitioner_id == profile.pk,
        "reviews": actions.reviews_for(profile),
        "tz": request.user.time_zone, "format_choices": [(v, lbl) for v, lbl in Format.choices if v in profile.formats],
        "self": profile.user_id == request.user.pk,
        "risk_policy": risk_policy_text(profile),
    })


def risk_policy_text(profile) -> str:
    """The practitioner-in-the-loop policy in plain words, as the client sees it before booking."""
    from django.conf import settings

    from . import risk

    names = {"p": profile.user.pseudonym, "d": actions.ACTIVE_CARE_DAYS}
    if not risk.enabled():
        return _("If our safety checks notice that you may be at risk elsewhere on %(site)s, our safety team "
                 "reaches out; %(p)s is not told. Messages you send %(p)s always reach them.") % {
            **names, "site": settings.SITE_NAME}
    return ngettext(
        "While you are in care with %(p)s (a session booked or held in the last %(d)s day, messages between "
        "you in that time, or you began in that time), %(p)s is told if our safety checks notice that you "
        "may be at risk anywhere on %(site)s: in what you write to others, in your journal if you allowed "
        "screening, or if you answer the questionnaire question about thoughts of self-harm above 0. They "
        "are told that you may need attention and in which part of the site, not what you wrote elsewhere. "
        "Our safety team is alerted too, and both can see who is acting. Messages you send %(p)s always "
        "reach them.",
        "While you are in care with %(p)s (a session booked or held in the last %(d)s days, messages "
        "between you in that time, or you began in that time), %(p)s is told if our safety checks notice that you "
        "may be at risk anywhere on %(site)s: in what you write to others, in your journal if you allowed "
        "screening, or if you answer the questionnaire question about thoughts of self-harm above 0. They "
        "are told that you may need attention and in which part of the site, not what you wrote elsewhere. "
        "Our safety team is alerted too, and both can see who is acting. Messages you send %(p)s always "
        "reach them.",
        names["d"]) % {**names, "site": settings.SITE_NAME}


@login_required
@require_POST
def choose(request, profile_id: int):
    profile = actions.access_practitioner(profile_id)
    try:
        actions.check_choose_practitioner(request.user, profile, request=request)
        messages.success(request, _("You are now working with %(p)s.") % {"p": profile.user.pseudonym})
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _message_for(exc))
    return redirect("care:practitioner", profile_id=profile.pk)


@login_required
@require_POST
def book(request, profile_id: int):
    profile = actions.access_practitioner(profile_id)
    reschedule = request.POST.get("reschedule")
    try:
        if reschedule:
            appointment = actions.access_appointment(request.user, reschedule)
            actions.check_reschedule(request.user, appointment, request.POST.get("starts_at", ""), request=request)
            messages.success(request, _("Your session was moved."))
        else:
            actions.check_book(request.user, profile, request.POST.get("starts_at", ""),
                               request.POST.get("format", "video"), request=request)
            messages.success(request, _("Booked. You will get a reminder the day before and an hour before."))
        return redirect("care:appointments")
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _message_for(exc))
    return redirect("care:practitioner", profile_id=profile.pk)


@login_required
def appointments(request):
    user = request.user
    upcoming = list(actions.appointments_for(user))
    past = [a for a in actions.appointments_for(user, upcoming=False)[:30] if a not in upcoming]
    now = timezone.now()
    from .models import Review

    reviewed = set(Review.objects.filter(appointment__in=past).values_list("appointment_id", flat=True))
    for a in past:
        a.reviewable = (a.client_id == user.pk and a.status == "booked" and a.ends_at <= now
                        and a.pk not in reviewed)
    return render(request, "care/appointments.html", {
        "upcoming": [{"a": a, "as_client": a.client_id == user.pk,
                      "can_change": a.client_id != user.pk or not actions._within_change_window(a, now),
                      "can_join": a.starts_at - now <= actions.ROOM_OPENS_BEFORE}
                     for a in upcoming],
        "past": past, "tz": user.time_zone,
    })


@login_required
@require_POST
def cancel(request, appointment_id: int):
    appointment = actions.access_appointment(request.user, appointment_id)
    run_for_page(request, lambda: actions.check_cancel(request.user, appointment, request=request),
                 _("The session was cancelled."))
    return redirect("care:appointments")


@login_required
@require_http_methods(["GET", "POST"])
def calendar(request):
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            actions.do_revoke_feed(request.user, request=request)
            messages.success(request, _("The calendar address no longer works."))
        else:
            actions.do_rotate_feed(request.user, request=request)
            messages.success(request, _("A new calendar address was made; the old one no longer works."))
        return redirect("care:calendar")
    feed = actions.feed_for(request.user, create=False)
    # The configured address, not the one this request came in on: behind a proxy that is an
    # internal host and port (":8000") that no calendar app can reach.
    url = f"{settings.SITE_URL.rstrip('/')}{reverse('care:calendar_feed', args=[feed.token])}" if feed else ""
    return render(request, "care/calendar.html", {"feed": feed, "url": url})


def calendar_feed(request, token: str):
    body = actions.calendar_ics(token)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response


# ---------------------------------------------------------------------------------------------
# The practitioner's own practice


def _to_two_factor_page(request):
    from urllib.parse import quote

    from django.urls import reverse

    return redirect(f"{reverse('accounts:two_factor')}?next={quote(request.get_full_path())}")


def _second_factor_redirect(request):
    """Verifying licences needs a proved second factor."""
    from hearthside.accounts.actions import staff_without_two_factor

    if staff_without_two_factor(request.user):
        return _to_two_factor_page(request)
    return None


def _second_factor_first(view):
    """A page about a client: its access helpers apply the care rule (``clinical.require_second_factor``),
    and a practitioner who has not proved a second factor is sent to prove one, then back here.
    The helpers run before anything is written, so nothing is half done."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except SecondFactorRequired:
            return _to_two_factor_page(request)

    return wrapped


def _require_practitioner(request):
    if not actions.is_practitioner(request.user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def practice(request):
    _require_practitioner(request)
    user = request.user
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "profile":
                fields = {k: request.POST.get(k, "") for k in ("profession", "bio", "time_zone", "session_minutes",
                                                               "slot_minutes", "min_notice_hours", "change_window_hours")}
                for key in ("approaches", "specialties", "languages", "formats"):
                    fields[key] = request.POST.getlist(key)
                fields["accepting_clients"] = request.POST.get("accepting_clients") == "on"
                fields["published"] = request.POST.get("published") == "on"
                actions.check_save_profile(user, fields, request=request)
                messages.success(request, _("Profile saved."))
            elif action == "licence":
                actions.check_add_licence(user, {k: request.POST.get(k, "") for k in
                                                 ("number", "issuing_body", "jurisdiction", "expires_on")},
                                          request=request)
                messages.success(request, _("Licence added. An administrator will verify it with the register."))
            elif action == "availability":
                rules = []
                for weekday in range(7):
                    start, end = request.POST.get(f"start_{weekday}", ""), request.POST.get(f"end_{weekday}", "")
                    if start and end:
                        rules.append({"weekday": weekday, "start_time": start, "end_time": end})
                actions.check_set_availability(user, rules, request=request)
                messages.success(request, _("Weekly hours saved."))
            elif action == "exception":
                actions.check_add_exception(user, {k: request.POST.get(k, "") for k in
                                                   ("date", "kind", "start_time", "end_time")}, request=request)
                messages.success(request, _("Saved."))
            else:
                messages.error(request, _("Unknown action."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _message_for(exc))
        return redirect("care:practice")
    profile = actions.profile_for(user)
    rules = {r.weekday: r for r in AvailabilityRule.objects.filter(practitioner=profile)} if profile else {}
    return render(request, "care/practice.html", {
        "profile": profile,
        "licences": list(Licence.objects.filter(practitioner=profile).prefetch_related("verifications"))
        if profile else [],
        "week": [{"n": i, "name": WEEKDAYS[i], "rule": rules.get(i)} for i in range(7)],
        "exceptions": list(AvailabilityException.objects.filter(practitioner=profile, date__gte=timezone.localdate()))
        if profile else [],
        "approaches": _choices(APPROACHES), "specialties": _choices(SPECIALTIES), "languages": _choices(LANGUAGES),
        "formats": Format.choices, "time_zones": TIME_ZONES,
    })


# ---------------------------------------------------------------------------------------------
# Verification desk (administrators)


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    if not actions.can_verify(request.user):
        raise Http404
    if (needs := _second_factor_redirect(request)) is not None:
        return needs
    if request.method == "POST":
        try:
            licence = Licence.objects.select_related("practitioner").get(pk=int(request.POST.get("licence", "0")))
        except (Licence.DoesNotExist, ValueError):
            raise Http404 from None
        try:
            actions.check_verify_licence(request.user, licence, {
                k: request.POST.get(k, "") for k in ("method", "register_url", "checked_on", "outcome", "note")},
                request=request)
            messages.success(request, _("Verification recorded."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _message_for(exc))
        return redirect("care:verify")
    licences = list(Licence.objects.select_related("practitioner__user").prefetch_related("verifications")
                    .order_by("status", "expires_on"))
    return render(request, "care/verify.html", {
        "licences": licences, "methods": LicenceVerification.Method.choices,
        "outcomes": LicenceVerification.Outcome.choices, "today": date.today().isoformat(),
    })


# ---------------------------------------------------------------------------------------------
# Messages


# One way to write a message's time, here and in care.js for messages that arrive live: day, month
# (the interface language's short name) and 24-hour time in the person's own time zone, "03 Dec 14:05".
THREAD_TIME_FORMAT = "d M H:i"


def _with_local_time(rows: list[dict], tz_name: str) -> list[dict]:
    from datetime import datetime

    from django.utils import dateformat

    tz = actions._zone(tz_name)
    return [{**m, "when": dateformat.format(datetime.fromisoformat(m["at"]).astimezone(tz), THREAD_TIME_FORMAT)}
            for m in rows]


def _thread_clock(tz_name: str) -> dict:
    """What care.js needs to write a live message's time as the page wrote the others."""
    from django.utils.dates import MONTHS_3

    return {"thread_tz": actions._zone(tz_name).key,
            "thread_months": "|".join(str(MONTHS_3[n]).title() for n in range(1, 13))}


@login_required
def messages_list(request):
    from . import conversation

    rows = list(conversation.relationships_for(request.user))
    if len(rows) == 1:
        return redirect("care:conversation", relationship_id=rows[0].pk)
    return render(request, "care/messages.html", {"relationships": rows})


@login_required
@_second_factor_first
def conversation_page(request, relationship_id: int):
    from . import conversation, risk

    relationship = conversation.access_relationship(request.user, relationship_id)
    rows = _with_local_time(conversation.history(request.user, relationship), request.user.time_zone)
    as_client = relationship.client_id == request.user.pk
    panel, flagged = None, False
    if not as_client and risk.has_flags(relationship):
        flagged = True
        panel = risk.safety_panel(request.user, relationship, request=request)
    return render(request, "care/conversation.html", {
        "r": relationship, "messages_": rows, "as_client": as_client, "risk": panel, "risk_flagged": flagged,
        "flagged_note": conversation.flagged_note(relationship) if as_client else "",
        "other": relationship.practitioner.user if as_client else relationship.client,
        "other_read": relationship.practitioner_read_seq if as_client else relationship.client_read_seq,
        "upto": relationship.last_seq, "active": relationship.status == "active",
        **_thread_clock(request.user.time_zone),
    })


# ---------------------------------------------------------------------------------------------
# A practitioner's view of a client


@login_required
@require_http_methods(["GET", "POST"])
@_second_factor_first
def client(request, relationship_id: int):
    from hearthside.selfcare import exercises

    from . import clinical, connections

    relationship = clinical.access_client(request.user, relationship_id)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "note":
                note = clinical.access_note(request.user, request.POST["note"]) if request.POST.get("note") else None
                clinical.check_write_note(request.user, relationship, request.POST.get("body", ""),
                                          appointment_id=request.POST.get("appointment") or None, note=note,
                                          request=request)
                messages.success(request, _("Note saved. Only you can read it; the client receives it if they "
                                            "download their data."))
            elif action == "homework":
                clinical.check_assign_homework(request.user, relationship, request.POST.get("exercise", ""),
                                               request.POST.get("instructions", ""), request.POST.get("due_on", ""),
                                               request=request)
                messages.success(request, _("Exercise suggested."))
            elif action == "recommend":
                connections.check_recommend(request.user, relationship, request.POST.get("target", ""),
                                            request.POST.get("note", ""), request=request)
                messages.success(request, _("Suggestion added to your client's plan."))
            elif action == "end":
                actions.do_end_relationship(relationship, request.user, request=request)
                messages.success(request, _("You no longer work together."))
                return redirect("care:home")
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _message_for(exc))
        return redirect("care:client", relationship_id=relationship.pk)
    shared = clinical.shared_with(relationship)
    data = {t: clinical.read_shared(request.user, relationship, t, request=request) for t in shared["types"]
            if t in clinical.DATA_TYPES}
    from hearthside.selfcare.models import JournalEntry

    entries = list(JournalEntry.objects.filter(pk__in=shared["entries"], user=relationship.client)
                   .only("pk", "created_at"))
    from . import risk

    return render(request, "care/client.html", {
        "r": relationship, "shared": shared, "data": data, "entries": entries,
        "risk": risk.safety_panel(request.user, relationship, request=request),
        "notes": list(clinical.notes_for(request.user, relationship)[:20]),
        "homework": clinical.homework_rows(clinical.refresh_homework(relationship.client)),
        "recommendations": connections.practitioner_rows(request.user, relationship, request=request),
        "connect_options": connections.options(relationship.client, request.user),
        "exercises": sorted(((slug, e["title"]) for slug, e in exercises.all_exercises().items()), key=lambda x: x[1]),
        "rci_source": clinical.RELIABLE_CHANGE_SOURCE, "tz": request.user.time_zone,
        "upcoming": [a for a in actions.appointments_for(request.user) if a.client_id == relationship.client_id],
    })


@login_required
@_second_factor_first
def client_journal_entry(request, relationship_id: int, entry_id: int):
    from . import clinical

    relationship = clinical.access_client(request.user, relationship_id)
    entry = clinical.read_journal_entry(request.user, relationship, entry_id, request=request)
    return render(request, "care/client_entry.html", {"r": relationship, "entry": entry})


@login_required
def access_log(request):
    from . import clinical

    relationship = actions.active_relationship(request.user)
    homework = clinical.homework_rows(clinical.refresh_homework(request.user))
    return render(request, "care/access_log.html", {"events": clinical.access_log(request.user),
                                                    "relationship": relationship, "homework": homework,
                                                    "tz": request.user.time_zone})


# ---------------------------------------------------------------------------------------------
# Live session room


@login_required
@_second_factor_first
def room(request, appointment_id: int):
    from . import conversation

    appointment, relationship = conversation.access_room(request.user, appointment_id)
    as_client = appointment.client_id == request.user.pk
    other = appointment.practitioner.user if as_client else appointment.client
    return render(request, "care/room.html", {
        "a": appointment, "r": relationship, "other": other, "open": conversation.room_open(appointment),
        "ice": conversation.ice_servers(),
        "messages_": _with_local_time(conversation.history(request.user, relationship, limit=30), request.user.time_zone),
        "tz": request.user.time_zone, "opens_at": appointment.starts_at - actions.ROOM_OPENS_BEFORE,
        "upto": relationship.last_seq,
        "flagged_note": conversation.flagged_note(relationship) if as_client else "",
        **_thread_clock(request.user.time_zone),
    })


@login_required
@require_http_methods(["GET", "POST"])
def review(request, appointment_id: int):
    appointment = actions.access_appointment(request.user, appointment_id)
    if appointment.client_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        try:
            actions.check_review(request.user, appointment, request.POST.get("rating"), request.POST.get("body", ""),
                                 request=request)
            messages.success(request, _("Thank you. Your review is shown without your name."))
            return redirect("care:appointments")
        except ValidationError as exc:
            messages.error(request, _message_for(exc))
    return render(request, "care/review.html", {"a": appointment, "tz": request.user.time_zone})
