"""Counselling API under /api/v1/care/: directory, matching, slots, bookings, messages, shared data."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from hearthside.accounts.auth import SecondFactorRequired, require_staff
from hearthside.core.access import id_or_404
from hearthside.core.api_helpers import sent_status

from . import actions, clinical, conversation
from .models import APPROACHES, LANGUAGES, SPECIALTIES, Appointment

router = Router(tags=["counselling"])


def _guard(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except SecondFactorRequired:  # the API's own words (a token, not a log-in); the rest: hearthside/api.py
        raise HttpError(403, clinical.SECOND_FACTOR_API) from None


def _access(helper, request, object_id: int):
    """One of the care access helpers: 404 when not yours, 403 until a practitioner proves a
    second factor (``clinical.require_second_factor``), the rule pages and the socket apply too."""
    return _guard(helper, request.user, id_or_404(object_id))


class PractitionerOut(Schema):
    id: int
    name: str
    profession: str
    approaches: list[str]
    specialties: list[str]
    languages: list[str]
    formats: list[str]
    accepting_clients: bool
    time_zone: str
    session_minutes: int
    licence_verified_on: str | None
    licence_expires_on: str | None
    issuing_body: str | None


def _practitioner_out(p) -> dict:
    licence = actions.current_licence(p)
    return {"id": p.pk, "name": p.user.pseudonym, "profession": p.profession, "approaches": p.approaches,
            "specialties": p.specialties, "languages": p.languages, "formats": p.formats,
            "accepting_clients": p.accepting_clients, "time_zone": p.time_zone, "session_minutes": p.session_minutes,
            "licence_verified_on": licence.verified_on.isoformat() if licence and licence.verified_on else None,
            "licence_expires_on": licence.expires_on.isoformat() if licence else None,
            "issuing_body": licence.issuing_body if licence else None}


@router.get("/practitioners", response=list[PractitionerOut], summary="Verified practitioners, filtered")
def list_practitioners(request, approach: str = "", specialty: str = "", language: str = "", format: str = "",
                       accepting: bool = False):
    filters = {"approach": approach, "specialty": specialty, "language": language, "format": format,
               "accepting": accepting}
    return [_practitioner_out(p) for p in actions.directory(filters)]


@router.get("/practitioners/{profile_id}", response=PractitionerOut, summary="One practitioner")
def get_practitioner(request, profile_id: int):
    return _practitioner_out(actions.access_practitioner(id_or_404(profile_id)))


class SlotOut(Schema):
    starts_at: datetime = Field(..., description="in the caller's time zone")
    ends_at: datetime


@router.get("/practitioners/{profile_id}/slots", response=list[SlotOut], summary="Free slots, in your time zone")
def get_slots(request, profile_id: int, days: int = 14):
    profile = actions.access_practitioner(id_or_404(profile_id))
    days = max(1, min(days, actions.MAX_SLOT_DAYS))
    if not actions.is_bookable(profile):
        return []
    now = timezone.now()
    tz = actions._zone(request.user.time_zone)
    return [{"starts_at": s.starts_at.astimezone(tz), "ends_at": s.ends_at.astimezone(tz)}
            for s in actions.compute_slots(profile, now, now + timedelta(days=days))]


class MatchIn(Schema):
    concerns: list[str] = Field(default_factory=list, description=f"from {sorted(SPECIALTIES)}")
    approaches: list[str] = Field(default_factory=list, description=f"from {sorted(APPROACHES)}")
    language: str = Field("", description=f"one of {sorted(LANGUAGES)}")
    format: str = Field("", description="video, audio, text or messaging")


class MatchOut(Schema):
    practitioner: PractitionerOut
    score: int
    reasons: list[str]


@router.post("/match", response=list[MatchOut], summary="Rank practitioners for your answers, with reasons")
def post_match(request, payload: MatchIn):
    return [{"practitioner": _practitioner_out(m.profile), "score": m.score, "reasons": [str(r) for r in m.reasons]}
            for m in actions.match(payload.dict())]


class RelationshipOut(Schema):
    id: int
    practitioner: int
    practitioner_name: str
    client_name: str
    status: str
    started_at: datetime


def _relationship_out(r) -> dict:
    return {"id": r.pk, "practitioner": r.practitioner_id, "practitioner_name": r.practitioner.user.pseudonym,
            "client_name": r.client.pseudonym, "status": r.status, "started_at": r.started_at}


@router.post("/practitioners/{profile_id}/choose", response=RelationshipOut,
             summary="Work with this practitioner (switching ends the current relationship)")
def choose_practitioner(request, profile_id: int):
    profile = actions.access_practitioner(id_or_404(profile_id))
    relationship = _guard(actions.check_choose_practitioner, request.user, profile, request=request)
    return _relationship_out(relationship)


@router.get("/relationships", response=list[RelationshipOut], summary="My care relationships")
def list_relationships(request):
    return [_relationship_out(r) for r in conversation.relationships_for(request.user)]


class AppointmentOut(Schema):
    id: int
    practitioner: int
    practitioner_name: str
    client_name: str
    starts_at: datetime
    ends_at: datetime
    format: str
    status: str


def _appointment_out(a: Appointment, tz) -> dict:
    return {"id": a.pk, "practitioner": a.practitioner_id, "practitioner_name": a.practitioner.user.pseudonym,
            "client_name": a.client.pseudonym, "starts_at": a.starts_at.astimezone(tz),
            "ends_at": a.ends_at.astimezone(tz), "format": a.format, "status": a.status}


class BookIn(Schema):
    practitioner: int
    starts_at: datetime = Field(..., description="a slot start, with its offset")
    format: str = "video"


class RescheduleIn(Schema):
    starts_at: datetime


@router.get("/appointments", response=list[AppointmentOut], summary="My sessions (as client or practitioner)")
def list_appointments(request, upcoming: bool = True):
    tz = actions._zone(request.user.time_zone)
    return [_appointment_out(a, tz) for a in actions.appointments_for(request.user, upcoming=upcoming)[:200]]


@router.post("/appointments", response={201: AppointmentOut}, summary="Book a slot")
def book(request, payload: BookIn):
    profile = actions.access_practitioner(id_or_404(payload.practitioner))
    appointment = _guard(actions.check_book, request.user, profile, payload.starts_at, payload.format,
                         request=request)
    return Status(201, _appointment_out(appointment, actions._zone(request.user.time_zone)))


@router.post("/appointments/{appointment_id}/cancel", response=AppointmentOut, summary="Cancel a session")
def cancel(request, appointment_id: int):
    appointment = actions.access_appointment(request.user, id_or_404(appointment_id))
    _guard(actions.check_cancel, request.user, appointment, request=request)
    appointment.refresh_from_db()
    return _appointment_out(appointment, actions._zone(request.user.time_zone))


@router.post("/appointments/{appointment_id}/reschedule", response=AppointmentOut, summary="Move a session")
def reschedule(request, appointment_id: int, payload: RescheduleIn):
    appointment = actions.access_appointment(request.user, id_or_404(appointment_id))
    moved = _guard(actions.check_reschedule, request.user, appointment, payload.starts_at, request=request)
    return _appointment_out(moved, actions._zone(request.user.time_zone))


class CareMessageOut(Schema):
    relationship: int
    seq: int
    at: str
    author_id: int | None
    author: str
    body: str
    appointment: int | None
    flag: str = Field("", description="the screening level when a client's message raised a safety alert "
                      "(moderate, high, imminent); it is delivered, flagged")


class CareMessageIn(Schema):
    client_id: str = Field(..., min_length=1, max_length=64, description="your id for this message; resending "
                           "the same id never duplicates it")
    body: str = Field(..., max_length=5000)


class SendOut(Schema):
    client_id: str
    seq: int | None
    status: str
    duplicate: bool
    help: bool = False
    flag: str = ""
    note: str = Field("", description="for a flagged message: who will read it")


@router.get("/relationships/{relationship_id}/messages", response=list[CareMessageOut],
            summary="Messages: the newest, after a seq (catch-up) or before a seq (paging)")
def list_messages(request, relationship_id: int, after: int | None = None, before: int | None = None,
                  limit: int = 50):
    relationship = _access(conversation.access_relationship, request, relationship_id)
    if (after is not None and after < 0) or (before is not None and before < 0):
        raise HttpError(400, "after and before must be sequence numbers.")
    return conversation.history(request.user, relationship, after=after, before=before, limit=limit)


@router.post("/relationships/{relationship_id}/messages", response={201: SendOut, 200: SendOut},
             summary="Send a secure message")
def send_message(request, relationship_id: int, payload: CareMessageIn):
    relationship = _access(conversation.access_relationship, request, relationship_id)
    sent = _guard(conversation.check_send_message, request.user, relationship, payload.client_id, payload.body)
    message = sent[0]
    if message.risk_level and message.author_id == relationship.client_id:
        return sent_status(sent, flag=message.risk_level, note=conversation.flagged_note(relationship))
    return sent_status(sent)


class ReadIn(Schema):
    seq: int = Field(..., ge=0)


@router.post("/relationships/{relationship_id}/read", summary="Mark messages read up to a seq")
def mark_read(request, relationship_id: int, payload: ReadIn):
    relationship = _access(conversation.access_relationship, request, relationship_id)
    return {"seq": conversation.do_mark_read(request.user, relationship, payload.seq)}


@router.get("/clients/{relationship_id}/shared/{data_type}",
            summary="(Practitioner) what the client shares of one kind; audited and shown to the client")
def shared_data(request, relationship_id: int, data_type: str):
    relationship = _access(clinical.access_client, request, relationship_id)
    return {"data_type": data_type, "data": clinical.read_shared(request.user, relationship, data_type,
                                                                 request=request)}


class AccessOut(Schema):
    at: datetime
    who: str
    what: str
    data_type: str


@router.get("/access-log", response=list[AccessOut], summary="Who read my health data")
def access_log(request):
    return clinical.access_log(request.user)


# ---------------------------------------------------------------------------------------------
# A practitioner's own practice, and the administrators' verification desk


class PractitionerProfileIn(Schema):
    profession: str | None = Field(None, max_length=80)
    bio: str | None = Field(None, max_length=3000)
    approaches: list[str] | None = None
    specialties: list[str] | None = None
    languages: list[str] | None = None
    formats: list[str] | None = None
    time_zone: str | None = None
    accepting_clients: bool | None = None
    published: bool | None = None
    session_minutes: int | None = None
    slot_minutes: int | None = None
    min_notice_hours: int | None = None
    change_window_hours: int | None = None


@router.patch("/practice/profile", response=PractitionerOut, summary="(Practitioner) create or update my profile")
def save_profile(request, payload: PractitionerProfileIn):
    profile = _guard(actions.check_save_profile, request.user, payload.dict(exclude_none=True), request=request)
    return _practitioner_out(profile)


class LicenceIn(Schema):
    number: str = Field(..., max_length=60)
    issuing_body: str = Field(..., max_length=200)
    jurisdiction: str = Field(..., max_length=100)
    expires_on: str = Field(..., description="YYYY-MM-DD")


class LicenceOut(Schema):
    id: int
    practitioner: int
    number: str
    issuing_body: str
    jurisdiction: str
    expires_on: str
    status: str
    verified_on: str | None


def _licence_out(licence) -> dict:
    return {"id": licence.pk, "practitioner": licence.practitioner_id, "number": licence.number,
            "issuing_body": licence.issuing_body, "jurisdiction": licence.jurisdiction,
            "expires_on": licence.expires_on.isoformat(), "status": licence.status,
            "verified_on": licence.verified_on.isoformat() if licence.verified_on else None}


@router.post("/practice/licences", response={201: LicenceOut}, summary="(Practitioner) add a licence for verification")
def add_licence(request, payload: LicenceIn):
    return Status(201, _licence_out(_guard(actions.check_add_licence, request.user, payload.dict(), request=request)))


class RuleIn(Schema):
    weekday: int = Field(..., ge=0, le=6, description="0=Monday")
    start_time: str = Field(..., description="HH:MM in the practitioner's time zone")
    end_time: str


@router.put("/practice/availability", summary="(Practitioner) replace my weekly hours")
def set_availability(request, payload: list[RuleIn]):
    rules = _guard(actions.check_set_availability, request.user, [r.dict() for r in payload], request=request)
    return {"rules": len(rules)}


class VerifyIn(Schema):
    method: str = Field(..., description="register_lookup, register_contact or document")
    register_url: str = Field(..., max_length=500)
    checked_on: str | None = Field(None, description="YYYY-MM-DD; today if left out")
    outcome: str = Field(..., description="verified, not_found, mismatch or lapsed")
    note: str = Field("", max_length=2000)


@router.get("/licences", response=list[LicenceOut], summary="(Administrator) every licence, to verify")
def list_licences(request):
    require_staff(request, actions.can_verify(request.user), "Verifying licences needs two-factor authentication.")
    from .models import Licence

    return [_licence_out(licence) for licence in Licence.objects.order_by("status", "expires_on")[:500]]


@router.post("/licences/{licence_id}/verifications", response={201: LicenceOut},
             summary="(Administrator) record a check against the issuing register")
def verify_licence(request, licence_id: int, payload: VerifyIn):
    from .models import Licence

    require_staff(request, actions.can_verify(request.user), "Verifying licences needs two-factor authentication.")
    licence = Licence.objects.select_related("practitioner").filter(pk=id_or_404(licence_id)).first()
    if licence is None:
        raise Http404
    _guard(actions.check_verify_licence, request.user, licence, payload.dict(exclude_none=True), request=request)
    licence.refresh_from_db()
    return Status(201, _licence_out(licence))


# ---------------------------------------------------------------------------------------------
# Notes and homework


class NoteIn(Schema):
    body: str = Field(..., max_length=20000)
    appointment: int | None = None


class NoteOut(Schema):
    id: int
    body: str
    appointment: int | None
    created_at: datetime


@router.get("/clients/{relationship_id}/notes", response=list[NoteOut], summary="(Practitioner) my notes on a client")
def list_notes(request, relationship_id: int):
    relationship = _access(clinical.access_client, request, relationship_id)
    return [{"id": n.pk, "body": n.body, "appointment": n.appointment_id, "created_at": n.created_at}
            for n in clinical.notes_for(request.user, relationship)[:200]]


@router.post("/clients/{relationship_id}/notes", response={201: NoteOut}, summary="(Practitioner) write a note")
def write_note(request, relationship_id: int, payload: NoteIn):
    relationship = _access(clinical.access_client, request, relationship_id)
    note = clinical.check_write_note(request.user, relationship, payload.body, appointment_id=payload.appointment,
                                     request=request)
    return Status(201, {"id": note.pk, "body": note.body, "appointment": note.appointment_id,
                        "created_at": note.created_at})


class HomeworkIn(Schema):
    exercise: str = Field(..., max_length=60)
    instructions: str = Field("", max_length=500)
    due_on: str = Field("", description="YYYY-MM-DD or empty")


class HomeworkOut(Schema):
    id: int
    exercise: str
    title: str
    instructions: str
    due_on: str | None
    assigned_at: datetime
    completed_at: datetime | None


def _homework_out(row) -> dict:
    h = row["h"]
    return {"id": h.pk, "exercise": h.exercise, "title": row["title"], "instructions": h.instructions,
            "due_on": h.due_on.isoformat() if h.due_on else None, "assigned_at": h.assigned_at,
            "completed_at": h.completed_at}


@router.post("/clients/{relationship_id}/homework", response={201: HomeworkOut},
             summary="(Practitioner) suggest a self-help exercise")
def assign_homework(request, relationship_id: int, payload: HomeworkIn):
    relationship = _access(clinical.access_client, request, relationship_id)
    homework = clinical.check_assign_homework(request.user, relationship, payload.exercise, payload.instructions,
                                              payload.due_on, request=request)
    return Status(201, _homework_out(clinical.homework_rows([homework])[0]))


@router.get("/clients/{relationship_id}/homework", response=list[HomeworkOut],
            summary="(Practitioner) a client's homework and whether it is done")
def client_homework(request, relationship_id: int):
    relationship = _access(clinical.access_client, request, relationship_id)
    return [_homework_out(r) for r in clinical.homework_rows(clinical.refresh_homework(relationship.client))]


@router.get("/homework", response=list[HomeworkOut], summary="Exercises my practitioner suggested")
def my_homework(request):
    return [_homework_out(r) for r in clinical.homework_rows(clinical.refresh_homework(request.user))]


# Connection in the treatment plan (care/connections.py)


class RecommendationIn(Schema):
    target: str = Field(..., max_length=40, description="group:<id>, meeting:<id>, friends or strategies:<situation>")
    note: str = Field("", max_length=500)


class RecommendationOut(Schema):
    id: int
    kind: str
    title: str
    note: str
    created_at: datetime
    outcome: str | None = Field(None, description="not_yet, asked, joined, going, attended, connected or used; "
                                                  "null when the client does not share it")


def _recommendation_out(row) -> dict:
    rec = row["rec"]
    return {"id": rec.pk, "kind": rec.kind, "title": row["title"], "note": rec.note, "created_at": rec.created_at,
            "outcome": row["outcome"]}


@router.get("/clients/{relationship_id}/recommendations", response=list[RecommendationOut],
            summary="(Practitioner) what I suggested to a client to connect with others, and what came of it")
def client_recommendations(request, relationship_id: int):
    from . import connections

    relationship = _access(clinical.access_client, request, relationship_id)
    return [_recommendation_out(r) for r in connections.practitioner_rows(request.user, relationship, request=request)]


@router.post("/clients/{relationship_id}/recommendations", response={201: RecommendationOut},
             summary="(Practitioner) suggest a group, a meeting, peer friends or a strategy-board topic")
def recommend(request, relationship_id: int, payload: RecommendationIn):
    from . import connections

    relationship = _access(clinical.access_client, request, relationship_id)
    rec = connections.check_recommend(request.user, relationship, payload.target, payload.note, request=request)
    return Status(201, _recommendation_out({"rec": rec, "title": connections.title(rec), "outcome": None}))


class MyRecommendationOut(Schema):
    id: int
    kind: str
    title: str
    note: str
    created_at: datetime
    url: str
    outcome: str
    outcome_shared: bool


@router.get("/recommendations", response=list[MyRecommendationOut],
            summary="Ways to connect with others my practitioner suggested, and whether they see what came of them")
def my_recommendations(request):
    from . import connections

    return [{"id": r["rec"].pk, "kind": r["rec"].kind, "title": r["title"], "note": r["rec"].note,
             "created_at": r["rec"].created_at, "url": r["url"], "outcome": r["outcome"],
             "outcome_shared": r["rec"].outcome_shared} for r in connections.client_rows(request.user)]
