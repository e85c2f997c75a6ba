"""What a practitioner sees of a client: only what the client shares (accounts.SharingGrant),
only while they work together, every read audited and shown to the client. Also session notes,
homework and measurement-based care.

The practitioner side of every access to a client's data (messages, notes, homework, shared data,
the session room, the client page, the safety panel) needs a second factor proved in this request
or socket: ``require_second_factor``, called inside the access helpers, so that pages, the API and
the ``care.*`` socket frames apply one rule. Clients reach their own data without one.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from hearthside.accounts.actions import has_consent
from hearthside.accounts.auth import SecondFactorRequired, proved_second_factor
from hearthside.core import audit
from hearthside.core.text import clean_text

from .models import CareRelationship, Homework, SessionNote

DATA_TYPES = ("checkins", "questionnaires", "safety_plan", "exercises")
# Reads of one person's data by someone else, shown on "who looked at my data".
READ_ACTIONS = ("care.client_data_read", "care.client_risk_read", "care.fhir_read", "selfcare.staff_read",
                "safety.alert_viewed")

# Reliable change on the PHQ-9 and GAD-7: the thresholds of the NHS Talking Therapies for
# anxiety and depression Manual (NHS England, v6, 2023, "reliable improvement"), a change of at
# least 6 points on the PHQ-9 and 4 on the GAD-7, derived with the reliable change index of
# Jacobson NS, Truax P. Clinical significance: a statistical approach to defining meaningful
# change in psychotherapy research. J Consult Clin Psychol. 1991;59(1):12-19.
RELIABLE_CHANGE = {"phq9": 6, "gad7": 4}
RELIABLE_CHANGE_SOURCE = ("NHS Talking Therapies for anxiety and depression Manual (NHS England, 2023); "
                          "Jacobson & Truax, J Consult Clin Psychol 1991;59:12-19")


# The API's answer when the rule refuses (a page redirects to the two-factor page instead, and a
# socket answers an error frame with the exception's own text).
SECOND_FACTOR_API = "Practitioners need two-factor authentication: use a token created with a code."


def require_second_factor(user) -> None:
    """The practitioner side of any access to a client's data: raise ``SecondFactorRequired``
    unless this request or socket proved a second factor (``proved_second_factor``). Called after
    the 404 checks, so a stranger still learns nothing from the answer."""
    if not proved_second_factor(user):
        raise SecondFactorRequired(_("Practitioners need two-factor authentication: log in with a code."))


def access_client(user, relationship_id) -> CareRelationship:
    """An active relationship in which ``user`` is the practitioner; 404 otherwise (a client,
    a stranger, or a practitioner whose work with this client has ended). ``SecondFactorRequired``
    until the practitioner proved a second factor."""
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        relationship = CareRelationship.objects.select_related("client", "practitioner__user").get(
            pk=relationship_id, practitioner__user=user, status=CareRelationship.Status.ACTIVE)
    except (CareRelationship.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    require_second_factor(user)
    return relationship


def _grants(relationship: CareRelationship):
    from hearthside.accounts.models import SharingGrant

    return SharingGrant.objects.filter(user=relationship.client, revoked_at__isnull=True).filter(
        Q(practitioner__isnull=True) | Q(practitioner=relationship.practitioner.user))


def shared_with(relationship: CareRelationship) -> dict:
    """What the client currently shares with this practitioner (no data read, no audit)."""
    if not has_consent(relationship.client, "practitioner_sharing"):
        return {"types": set(), "entries": []}
    rows = list(_grants(relationship).values_list("data_type", "journal_entry_id"))
    return {"types": {t for t, e in rows if e is None}, "entries": [e for t, e in rows if e is not None]}


def _audit_read(user, relationship, data_type: str, request=None, **detail) -> None:
    audit.record("care.client_data_read", actor=user, request=request, obj=relationship,
                 subject=relationship.client_id, detail={"data_type": data_type, **detail})


def read_shared(user, relationship: CareRelationship, data_type: str, request=None):
    """The shared data of one kind, audited; Http404 when it is not (or no longer) shared."""
    if data_type not in DATA_TYPES or data_type not in shared_with(relationship)["types"]:
        raise Http404
    client = relationship.client
    _audit_read(user, relationship, data_type, request=request)
    if data_type == "checkins":
        from hearthside.selfcare.models import CheckIn

        return [{"at": c.at, "mood": c.mood, "emotions": c.emotions, "note": c.note}
                for c in CheckIn.objects.filter(user=client).order_by("-at")[:30]]
    if data_type == "questionnaires":
        return measurement_series(client)
    if data_type == "safety_plan":
        from hearthside.safety.models import SAFETY_PLAN_STEPS, SafetyPlan

        plan = SafetyPlan.objects.filter(user=client).first()
        steps = plan.steps if plan else {}
        return [{"key": key, "title": _(title), "items": steps.get(key, [])}
                for key, title, _help in SAFETY_PLAN_STEPS]
    from hearthside.selfcare import exercises
    from hearthside.selfcare.models import ExerciseSession

    return [{"title": (exercises.get(s.exercise) or {}).get("title", s.exercise), "completed_at": s.completed_at,
             "mood_before": s.mood_before, "mood_after": s.mood_after}
            for s in ExerciseSession.objects.filter(user=client, completed_at__isnull=False).order_by("-completed_at")[:30]]


def read_journal_entry(user, relationship: CareRelationship, entry_id, request=None):
    if _int(entry_id) not in shared_with(relationship)["entries"]:
        raise Http404
    from hearthside.selfcare.models import JournalEntry

    entry = JournalEntry.objects.filter(pk=entry_id, user=relationship.client).first()
    if entry is None:
        raise Http404
    _audit_read(user, relationship, "journal_entry", request=request, entry=entry.pk)
    return entry


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def measurement_series(client) -> list[dict]:
    """PHQ-9 and GAD-7 totals over time with their severity bands, and whether each change from
    the first (baseline) score is reliable (see RELIABLE_CHANGE)."""
    from hearthside.selfcare import questionnaires
    from hearthside.selfcare.models import QuestionnaireResponse

    series = []
    for slug in ("phq9", "gad7"):
        definition = questionnaires.get(slug)
        rows = list(QuestionnaireResponse.objects.filter(user=client, questionnaire=slug).order_by("completed_at"))
        if not rows or definition is None:
            continue
        threshold = RELIABLE_CHANGE[slug]
        baseline = rows[0].result["total"]
        points = []
        for response in rows:
            total = response.result["total"]
            change = total - baseline
            reliable = ("improved" if change <= -threshold else "deteriorated" if change >= threshold else "")
            # PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above 0 is flagged
            # on its own, whatever the total: a total of 12 with item 9 positive is not "moderate".
            band = questionnaires.band_label(slug, response.result.get("band_index"), response.result["band"])
            points.append({"at": response.completed_at, "total": total, "band": band,
                           "change": change, "reliable": reliable,
                           "item9": bool(response.result.get("safety_items"))})
        series.append({"slug": slug, "title": definition["title"], "max": definition["scoring"]["max"],
                       "bands": definition["bands"], "threshold": threshold, "points": points,
                       "chart": _chart(points, definition)})
    return series


def _chart(points: list[dict], definition: dict, width: int = 600, height: int = 220) -> dict:
    """Coordinates for a small server-drawn SVG (no script needed to read it)."""
    left, right, top, bottom = 28, 130, 10, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    top_score = definition["scoring"]["max"]

    def y(score):
        return round(top + plot_h * (1 - score / top_score), 1)

    n = len(points)
    dots = []
    for i, p in enumerate(points):
        x = round(left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2), 1)
        dots.append({"x": x, "y": y(p["total"]), "p": p})
    bands = []
    for i, b in enumerate(definition["bands"]):
        upper = min(b["max"] + 1, top_score)
        bands.append({"y": y(upper), "h": round(y(b["min"]) - y(upper), 1), "label": b["label"], "i": i,
                      "ty": round((y(b["min"]) + y(upper)) / 2 + 4, 1)})
    return {"w": width, "h": height, "left": left, "right": width - right, "bottom": height - bottom,
            "plot_w": plot_w, "label_x": width - right + 6,
            "line": " ".join(f"{d['x']},{d['y']}" for d in dots), "dots": dots, "bands": bands}


def access_log(client, limit: int = 100) -> list[dict]:
    """Who read this person's data (never themselves), newest first."""
    from hearthside.accounts.models import User
    from hearthside.core.models import AuditEvent

    events = list(AuditEvent.objects.filter(subject_id=client.pk, action__in=READ_ACTIONS)
                  .exclude(actor_id=client.pk).order_by("-seq")[:limit])
    names = dict(User.objects.filter(pk__in={e.actor_id for e in events if e.actor_id})
                 .values_list("pk", "pseudonym"))
    labels = {"care.client_data_read": _("Your practitioner read what you share"),
              "care.client_risk_read": _("Your practitioner saw the safety information about you"),
              "care.fhir_read": _("Read through the clinical data (FHIR) interface"),
              "selfcare.staff_read": _("Staff read your self-help data"),
              "safety.alert_viewed": _("The safety team opened an alert about you")}
    return [{"at": e.at, "who": names.get(e.actor_id, _("someone whose account is closed")),
             "what": labels.get(e.action, e.action), "data_type": (e.detail or {}).get("data_type", "")}
            for e in events]


# ---------------------------------------------------------------------------------------------
# Session notes


MAX_NOTE = 20000


def check_write_note(user, relationship: CareRelationship, body: str, *, appointment_id=None,
                     note: SessionNote | None = None, request=None) -> SessionNote:
    if relationship.practitioner.user_id != user.pk:
        raise Http404
    body = clean_text(body, "body", most=MAX_NOTE, empty=_("Write the note first."), too_long=ngettext_lazy(
        "Keep notes under %(n)s character.", "Keep notes under %(n)s characters.", "n"))
    from .models import Appointment

    appointment = None
    if appointment_id:
        appointment = Appointment.objects.filter(pk=_int(appointment_id), client=relationship.client,
                                                 practitioner=relationship.practitioner).first()
    with transaction.atomic():
        if note is None:
            note = SessionNote.objects.create(author=user, client=relationship.client, body=body,
                                              appointment=appointment)
        else:
            note.body, note.updated_at = body, timezone.now()
            note.save(update_fields=["body", "updated_at"])
        audit.record("care.note_written", actor=user, request=request, obj=note, subject=relationship.client_id)
    return note


def access_note(user, note_id) -> SessionNote:
    """Only the author reads a note (the client receives it in their data export), once they
    proved a second factor."""
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        note = SessionNote.objects.get(pk=note_id, author=user)
    except (SessionNote.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    require_second_factor(user)
    return note


def notes_for(user, relationship: CareRelationship):
    return SessionNote.objects.filter(author=user, client=relationship.client).order_by("-created_at")


# ---------------------------------------------------------------------------------------------
# Homework


def check_assign_homework(user, relationship: CareRelationship, exercise: str, instructions: str = "",
                          due_on=None, request=None) -> Homework:
    from hearthside.selfcare import exercises

    if relationship.practitioner.user_id != user.pk or relationship.status != CareRelationship.Status.ACTIVE:
        raise Http404
    if exercises.get(exercise) is None:
        raise ValidationError({"exercise": [_("Choose one of the self-help exercises.")]})
    instructions = (instructions or "").replace("\x00", "").strip()
    if len(instructions) > 500:
        raise ValidationError({"instructions": [_("Keep it under 500 characters.")]})
    if isinstance(due_on, str):
        try:
            due_on = date.fromisoformat(due_on) if due_on else None
        except ValueError:
            raise ValidationError({"due_on": [_("Give the date as YYYY-MM-DD.")]}) from None
    homework = Homework.objects.create(relationship=relationship, client=relationship.client, exercise=exercise,
                                       instructions=instructions, due_on=due_on)
    audit.record("care.homework_assigned", actor=user, request=request, obj=homework, subject=relationship.client_id)
    from hearthside.core.i18n import in_language_of

    from .actions import notify

    with in_language_of(relationship.client):
        notify(relationship.client_id, _("%(p)s suggested an exercise: %(e)s.")
               % {"p": user.pseudonym, "e": exercises.get(exercise)["title"]}, f"/selfcare/exercises/{exercise}/")
    return homework


def refresh_homework(client) -> list[Homework]:
    """Mark homework done when the client completed that exercise after it was assigned. Only
    the fact and time of completion reach the practitioner, not what the client wrote."""
    from hearthside.selfcare.models import ExerciseSession

    open_items = list(Homework.objects.filter(client=client, completed_at__isnull=True))
    for item in open_items:
        done = (ExerciseSession.objects.filter(user=client, exercise=item.exercise, completed_at__isnull=False,
                                               completed_at__gte=item.assigned_at)
                .order_by("completed_at").values_list("pk", "completed_at").first())
        if done:
            Homework.objects.filter(pk=item.pk, completed_at__isnull=True).update(
                completed_at=done[1], exercise_session_id=done[0])
    return list(Homework.objects.filter(client=client).order_by("-assigned_at"))


def homework_rows(homework: list[Homework]) -> list[dict]:
    from hearthside.selfcare import exercises

    return [{"h": h, "title": (exercises.get(h.exercise) or {}).get("title", h.exercise)} for h in homework]
