"""Self-help API under /api/v1/selfcare/."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from hearthside.accounts.actions import has_consent
from hearthside.core.access import id_or_404

from . import actions, insights, questionnaires
from .models import CheckIn, JournalEntry, QuestionnaireResponse, Reminder

router = Router(tags=["self-help"])


CLIENT_ID_HELP = ("your own id for this new item, 1–64 characters (a UUID): sending it again returns the "
                  "item already stored under it (200) instead of storing a second one (201)")


class CheckInIn(Schema):
    mood: int = Field(..., description="1 (very low) to 10 (very good)")
    emotions: list[str] = Field(default_factory=list, max_length=20)
    activities: list[str] = Field(default_factory=list, max_length=20)
    sleep_hours: float | None = None
    note: str = Field("", max_length=5000)
    at: datetime | None = Field(None, description="when; defaults to now; may be in the past")
    client_id: str | None = Field(None, max_length=64, description=CLIENT_ID_HELP)


class CheckInPatch(Schema):
    mood: int | None = None
    emotions: list[str] | None = Field(None, max_length=20)
    activities: list[str] | None = Field(None, max_length=20)
    sleep_hours: float | None = None
    note: str | None = Field(None, max_length=5000)
    at: datetime | None = None


class CheckInOut(Schema):
    id: int
    at: datetime
    mood: int
    emotions: list[str]
    activities: list[str]
    sleep_hours: float | None
    note: str


def _checkin_out(c: CheckIn) -> dict:
    return {"id": c.pk, "at": c.at, "mood": c.mood, "emotions": c.emotions, "activities": c.activities,
            "sleep_hours": float(c.sleep_hours) if c.sleep_hours is not None else None, "note": c.note}


@router.get("/checkins", response=list[CheckInOut], summary="My check-ins, newest first")
def list_checkins(request, limit: int = 50, before: datetime | None = None):
    limit = max(1, min(limit, 500))
    qs = CheckIn.objects.filter(user=request.user)
    if before is not None:
        qs = qs.filter(at__lt=before)
    return [_checkin_out(c) for c in qs.order_by("-at")[:limit]]


@router.post("/checkins", response={200: CheckInOut, 201: CheckInOut}, summary="Check in")
def create_checkin(request, payload: CheckInIn):
    fields = payload.dict(exclude_none=True)
    checkin, created = actions.check_create_checkin_once(request.user, fields,
                                                         client_id=fields.pop("client_id", None))
    return Status(201 if created else 200, _checkin_out(checkin))


@router.get("/checkins/{checkin_id}", response=CheckInOut)
def get_checkin(request, checkin_id: int):
    return _checkin_out(actions.access_checkin_by_id(request.user, id_or_404(checkin_id)))


@router.patch("/checkins/{checkin_id}", response=CheckInOut)
def patch_checkin(request, checkin_id: int, payload: CheckInPatch):
    checkin = actions.access_checkin_by_id(request.user, id_or_404(checkin_id))
    fields = payload.dict(exclude_unset=True)
    if fields.get("mood", 0) is None:
        raise HttpError(400, "mood cannot be empty.")
    return _checkin_out(actions.check_update_checkin(request.user, checkin, fields))


@router.delete("/checkins/{checkin_id}", response={204: None})
def delete_checkin(request, checkin_id: int):
    actions.do_delete_checkin(actions.access_checkin_by_id(request.user, id_or_404(checkin_id)))
    return Status(204, None)


class JournalIn(Schema):
    title: str = Field("", max_length=200)
    body: str = Field(..., max_length=50000)
    tags: list[str] = Field(default_factory=list, max_length=20)
    created_at: datetime | None = Field(None, description="when it was written; defaults to now; may be in the past")
    client_id: str | None = Field(None, max_length=64, description=CLIENT_ID_HELP)


class JournalPatch(Schema):
    title: str | None = Field(None, max_length=200)
    body: str | None = Field(None, max_length=50000)
    tags: list[str] | None = Field(None, max_length=20)


class JournalOut(Schema):
    id: int
    title: str
    body: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    screened: bool = False
    help: bool = False


def _journal_out(e: JournalEntry, route=None) -> dict:
    return {"id": e.pk, "title": e.title, "body": e.body, "tags": e.tags, "created_at": e.created_at,
            "updated_at": e.updated_at, "screened": route is not None, "help": bool(route and route.show_help)}


@router.get("/journal", response=list[JournalOut], summary="My journal entries")
def list_journal(request, limit: int = 50):
    limit = max(1, min(limit, 200))
    return [_journal_out(e) for e in JournalEntry.objects.filter(user=request.user)[:limit]]


@router.post("/journal", response={200: JournalOut, 201: JournalOut}, summary="Write a journal entry")
def create_journal(request, payload: JournalIn):
    fields = payload.dict()
    entry, route, created = actions.check_create_journal_once(
        request.user, fields, client_id=fields.pop("client_id"), request=request)
    return Status(201 if created else 200, _journal_out(entry, route))


@router.get("/journal/{entry_id}", response=JournalOut)
def get_journal(request, entry_id: int):
    return _journal_out(actions.access_journal_entry_by_id(request.user, id_or_404(entry_id)))


@router.patch("/journal/{entry_id}", response=JournalOut)
def patch_journal(request, entry_id: int, payload: JournalPatch):
    entry = actions.access_journal_entry_by_id(request.user, id_or_404(entry_id))
    fields = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    entry, route = actions.check_write_journal(request.user, fields, entry=entry, request=request)
    return _journal_out(entry, route)


@router.delete("/journal/{entry_id}", response={204: None})
def delete_journal(request, entry_id: int):
    actions.do_delete_journal_entry(actions.access_journal_entry_by_id(request.user, id_or_404(entry_id)))
    return Status(204, None)


class QuestionnaireOut(Schema):
    slug: str
    title: str
    instructions: str
    source: str
    options: list[dict]
    items: list[dict]
    bands: list[dict]


@router.get("/questionnaires", response=list[QuestionnaireOut], summary="Available questionnaires")
def list_questionnaires(request):
    return list(questionnaires.all_questionnaires().values())


@router.get("/questionnaires/{slug}", response=QuestionnaireOut)
def get_questionnaire(request, slug: str):
    definition = questionnaires.get(slug)
    if definition is None:
        raise Http404
    return definition


class AnswersIn(Schema):
    answers: dict[str, int]


class ResponseOut(Schema):
    id: int
    questionnaire: str
    total: int
    band: str
    completed_at: datetime
    answers: dict[str, int]
    help: bool


def _response_out(r: QuestionnaireResponse) -> dict:
    return {"id": r.pk, "questionnaire": r.questionnaire, "total": r.result["total"], "band": r.result["band"],
            "completed_at": r.completed_at, "answers": r.answers, "help": bool(r.result.get("safety_items"))}


@router.post("/questionnaires/{slug}/responses", response={201: ResponseOut}, summary="Answer a questionnaire")
def submit_questionnaire(request, slug: str, payload: AnswersIn):
    response, _result, _alert = actions.check_submit_questionnaire(request.user, slug, payload.answers,
                                                                   request=request)
    return Status(201, _response_out(response))


@router.get("/responses", response=list[ResponseOut], summary="My questionnaire results")
def list_responses(request, questionnaire: str | None = None):
    qs = QuestionnaireResponse.objects.filter(user=request.user)
    if questionnaire:
        qs = qs.filter(questionnaire=questionnaire)
    return [_response_out(r) for r in qs[:500]]


@router.get("/responses/{response_id}", response=ResponseOut)
def get_response(request, response_id: int):
    return _response_out(actions.access_response_by_id(request.user, id_or_404(response_id)))


@router.get("/insights", summary="What my check-ins show (7, 30, 90 or 365 days)")
def get_insights(request, days: int = 30):
    # The answer's JSON as the API's renderer writes it (``json.dumps`` with its defaults), kept
    # ready in the cache: handed out as it is (``insights.compute_json``).
    return HttpResponse(insights.compute_json(request.user, days), content_type="application/json; charset=utf-8")


class ReminderIn(Schema):
    kind: str
    time_of_day: str = Field(..., max_length=8, description="HH:MM in my time zone")
    weekdays: list[int] = Field(default_factory=list, max_length=7)
    target: str = Field("", max_length=60)
    by_email: bool = False


class ReminderOut(Schema):
    id: int
    kind: str
    time_of_day: str
    weekdays: list[int]
    target: str
    by_email: bool
    next_due_at: datetime


def _reminder_out(r: Reminder) -> dict:
    return {"id": r.pk, "kind": r.kind, "time_of_day": r.time_of_day.strftime("%H:%M"), "weekdays": r.weekdays,
            "target": r.target, "by_email": r.by_email, "next_due_at": r.next_due_at}


@router.get("/reminders", response=list[ReminderOut])
def list_reminders(request):
    return [_reminder_out(r) for r in Reminder.objects.filter(user=request.user)]


@router.post("/reminders", response={201: ReminderOut})
def create_reminder(request, payload: ReminderIn):
    return Status(201, _reminder_out(actions.check_create_reminder(request.user, payload.dict())))


@router.delete("/reminders/{reminder_id}", response={204: None})
def delete_reminder(request, reminder_id: int):
    actions.access_reminder_by_id(request.user, id_or_404(reminder_id)).delete()
    return Status(204, None)


class SuggestIn(Schema):
    text: str = Field(..., max_length=5000)


class SuggestOut(Schema):
    emotions: list[str]
    enabled: bool


@router.post("/emotions/suggest", response=SuggestOut, summary="Suggest emotion tags for a note")
def suggest_emotions(request, payload: SuggestIn):
    # Reading someone's words with a model is an automated feature: only with that consent.
    if not has_consent(request.user, "ai_features"):
        return {"emotions": [], "enabled": False}
    from .emotions_bridge import suggest

    return {"emotions": suggest(payload.text), "enabled": True}


class ShareIn(Schema):
    data_type: str = Field(..., max_length=20)
    journal_entry: int | None = None


class ShareOut(Schema):
    id: int
    data_type: str
    journal_entry: int | None
    granted_at: datetime


@router.get("/sharing", response=list[ShareOut], summary="What I share with my practitioner")
def list_sharing(request):
    return [{"id": g.pk, "data_type": g.data_type, "journal_entry": g.journal_entry_id, "granted_at": g.granted_at}
            for g in actions.active_grants(request.user)]


def _entry(request, entry_id):
    return actions.access_journal_entry_by_id(request.user, id_or_404(entry_id)) if entry_id is not None else None


@router.post("/sharing", response={201: ShareOut}, summary="Share a kind of data, or one journal entry")
def share(request, payload: ShareIn):
    grant = actions.check_share(request.user, payload.data_type,
                                journal_entry=_entry(request, payload.journal_entry), request=request)
    return Status(201, {"id": grant.pk, "data_type": grant.data_type, "journal_entry": grant.journal_entry_id,
                        "granted_at": grant.granted_at})


@router.delete("/sharing", response={204: None}, summary="Stop sharing (data_type and optional journal_entry)")
def unshare(request, data_type: str, journal_entry: int | None = None):
    actions.do_unshare(request.user, data_type, journal_entry=_entry(request, journal_entry), request=request)
    return Status(204, None)
