"""Self-help pages: thin views over selfcare.actions."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearthside.accounts.actions import has_consent
from hearthside.core.access import id_or_404
from hearthside.core.errors import REFUSALS, form_errors, run_for_page

from . import actions, charts, insights, questionnaires, recommend
from . import names as names_module
from .models import CheckIn, JournalEntry, Notification, QuestionnaireResponse, Reminder
from .names import COMMON_EMOTIONS
from .templatetags import selfcare_names


def emotion_chips(chosen=()) -> list[tuple[str, str]]:
    """(stored value, shown name) for each chip: the common emotions by name, then any other the
    person chose (their own words, shown as written)."""
    common = sorted(((key, str(name)) for key, name in COMMON_EMOTIONS.items()), key=lambda chip: chip[1].lower())
    return common + [(e, e) for e in sorted(set(chosen) - set(COMMON_EMOTIONS))]


@login_required
def home(request):
    user = request.user
    recent = list(CheckIn.objects.filter(user=user).order_by("-at")[:5])
    notes = list(Notification.objects.filter(user=user, read_at__isnull=True)[:5])
    data = insights.compute(user, 7)
    return render(request, "selfcare/home.html", {
        "recent": recent, "notifications": notes, "week": data,
        "consented": has_consent(user, "health_data"),
        "questionnaires": questionnaires.all_questionnaires().values(),
        "for_you": recommend.for_you(user),
    })


def _small_int(value: str) -> int | None:
    """An ASCII number of at most six digits, or None (never an exception)."""
    value = (value or "").strip()
    if value.isascii() and value.lstrip("-").isdigit() and len(value) <= 6:
        return int(value)
    return None


def _checkin_fields(post) -> dict:
    fields = {
        "emotions": post.getlist("emotions") + [e.strip() for e in post.get("other_emotions", "").split(",") if e.strip()],
        "activities": post.getlist("activities"),
        "note": post.get("note", ""),
        "sleep_hours": post.get("sleep_hours") or None,
    }
    fields["mood"] = _small_int(post.get("mood", ""))
    if post.get("at"):
        fields["at"] = post.get("at")
    return fields


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request, checkin_id: int | None = None):
    user = request.user
    instance = actions.access_checkin_by_id(user, checkin_id) if checkin_id else None
    errors, values = {}, {}
    if request.method == "POST":
        values = _checkin_fields(request.POST)
        new_activity = request.POST.get("new_activity", "").strip()
        try:
            if new_activity:
                actions.check_add_activity(user, new_activity)
                values["activities"].append(new_activity)
            if instance:
                actions.check_update_checkin(user, instance, values)
            else:
                # The page's own id for this check-in (offline.js): a second press of the
                # button, or a resend, stores it once.
                actions.check_create_checkin(user, values, request=request,
                                             client_id=request.POST.get("client_id") or None)
        except REFUSALS as exc:
            errors = form_errors(exc)
        else:
            messages.success(request, _("Checked in. Thank you for taking a moment for yourself."))
            return redirect("selfcare:home")
    elif instance:
        values = {"mood": instance.mood, "emotions": instance.emotions, "activities": instance.activities,
                  "note": instance.note, "sleep_hours": instance.sleep_hours,
                  "at": timezone.localtime(instance.at).strftime("%Y-%m-%dT%H:%M")}
    chosen = set(values.get("emotions", []))
    return render(request, "selfcare/checkin.html", {
        "instance": instance, "errors": errors, "values": values,
        "moods": range(1, 11),
        "emotions": emotion_chips(chosen),
        "chosen_emotions": chosen,
        "activities": sorted(set(actions.activity_choices(user)) | set(values.get("activities", []))),
        "chosen_activities": set(values.get("activities", [])),
        "suggest_enabled": has_consent(user, "ai_features"),
        "consented": has_consent(user, "health_data"),
        "client_id": request.POST.get("client_id", "")[:64],
    }, status=400 if errors else 200)


@require_GET
def offline(request):
    """Check in or write in the journal without a connection (docs/selfhelp.md, "Offline").

    Kept on the device by the service worker and shown for any page opened while offline. What is
    written here goes into the device's outbox (offline.js) and is sent when the connection is
    back. The page holds nothing of the person's own (not even their own activity names), since
    it is stored; it is labelled with their device key, without which it is not kept."""
    from django.contrib.auth.views import redirect_to_login

    from hearthside.core.device import DEVICE_HEADER, device_key

    key = device_key(request)
    if not key:
        return redirect_to_login(request.get_full_path())
    response = render(request, "selfcare/offline.html", {"moods": range(1, 11), "emotions": emotion_chips()})
    response[DEVICE_HEADER] = key
    return response


@login_required
def checkin_list(request):
    items = CheckIn.objects.filter(user=request.user).order_by("-at")[:100]
    return render(request, "selfcare/checkin_list.html", {"items": items})


@login_required
@require_POST
def checkin_delete(request, checkin_id: int):
    actions.do_delete_checkin(actions.access_checkin_by_id(request.user, checkin_id))
    messages.success(request, _("Check-in deleted."))
    return redirect("selfcare:checkins")


def _insights_body(data: dict) -> str:
    """The insights page's own part (``selfcare/_insights_body.html``), from the answer alone."""
    mood_chart = charts.line_chart(data["series"], data["smoothed"], data["start"], data["end"],
                                   title=ngettext("Mood over the last %(n)s day", "Mood over the last %(n)s days",
                                                  data["days"]) % {"n": data["days"]}) \
        if data["enough_for_trend"] else None
    # The weekday keys are English (the API's); the page names the days in the reader's language.
    names = dict(zip(insights.WEEKDAYS, [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
                     strict=True))
    data = {**data, "weekday": [{**w, "weekday": names[w["weekday"]]} for w in data["weekday"]]}
    # So are the sleep bands'.
    bands = {"under 6 h": _("under 6 h"), "6–8 h": _("6–8 h"), "over 8 h": _("over 8 h")}
    data["sleep"] = [{**s, "sleep": bands.get(s["sleep"], s["sleep"])} for s in data["sleep"]]
    weekday_chart = charts.bar_chart(data["weekday"], "weekday", "mood", title=_("Average mood by weekday")) \
        if data["enough_for_trend"] else None
    return render_to_string("selfcare/_insights_body.html", {
        "data": data, "mood_chart": mood_chart, "weekday_chart": weekday_chart, "windows": insights.WINDOWS,
    })


@functools.cache
def _insights_body_version() -> str:
    """What the page's part is written with besides the answer: its template, the charts, the
    names of emotions, the translations. A part kept by other code (in Redis, across a deploy) is
    written again."""
    digest = hashlib.sha256(get_template("selfcare/_insights_body.html").template.source.encode())
    for module in (charts, selfcare_names, names_module):
        digest.update(Path(module.__file__).read_bytes())
    for folder in settings.LOCALE_PATHS:
        for catalog in sorted(Path(folder).glob("*/LC_MESSAGES/*.mo")):
            digest.update(catalog.read_bytes())
    return digest.hexdigest()


@login_required
def insights_view(request):
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    language = get_language()
    if language in {code for code, _name in settings.LANGUAGES}:
        # Kept beside the answer, encrypted, under the same stamp: written once per change of the
        # person's days (or of the day), per language (insights.part).
        body = insights.part(request.user, days, f"page:{language}", _insights_body,
                             version=_insights_body_version())
    else:
        body = _insights_body(insights.compute(request.user, days))
    return render(request, "selfcare/insights.html", {"body": mark_safe(body)})  # noqa: S308 - written by the template


@login_required
def journal_list(request):
    return render(request, "selfcare/journal_list.html", {
        "entries": JournalEntry.objects.filter(user=request.user)[:100],
        "screening": has_consent(request.user, "ai_features"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def journal_edit(request, entry_id: int | None = None):
    entry = actions.access_journal_entry_by_id(request.user, entry_id) if entry_id else None
    errors, route = {}, None
    values = {"title": entry.title if entry else "", "body": entry.body if entry else "",
              "tags": ", ".join(entry.tags) if entry else ""}
    if request.method == "POST":
        values = {k: request.POST.get(k, "") for k in ("title", "body", "tags")}
        fields = {"title": values["title"], "body": values["body"],
                  "tags": [t.strip() for t in values["tags"].split(",") if t.strip()]}
        try:
            entry, route = actions.check_write_journal(
                request.user, fields, entry=entry, request=request,
                client_id=(request.POST.get("client_id") or None) if entry is None else None)
        except REFUSALS as exc:
            errors = form_errors(exc)
        else:
            if route is not None and route.show_help:
                return render(request, "selfcare/journal_saved_help.html", {"entry": entry, "route": route})
            messages.success(request, _("Saved to your journal."))
            return redirect("selfcare:journal")
    return render(request, "selfcare/journal_edit.html", {
        "entry": entry, "values": values, "errors": errors, "screening": has_consent(request.user, "ai_features"),
        "entry_shared": entry is not None and actions.is_shared(request.user, "journal_entry", entry),
        "can_share": has_consent(request.user, "practitioner_sharing"),
        "client_id": request.POST.get("client_id", "")[:64] if entry is None else "",
    }, status=400 if errors else 200)


@login_required
@require_POST
def journal_delete(request, entry_id: int):
    actions.do_delete_journal_entry(actions.access_journal_entry_by_id(request.user, entry_id))
    messages.success(request, _("Entry deleted."))
    return redirect("selfcare:journal")


@login_required
def questionnaire_list(request):
    latest = {}
    for r in QuestionnaireResponse.objects.filter(user=request.user).order_by("-completed_at")[:200]:
        latest.setdefault(r.questionnaire, r)
    rows = [{"q": q, "latest": latest.get(slug), "band": _band(latest[slug]) if slug in latest else ""}
            for slug, q in questionnaires.all_questionnaires().items()]
    return render(request, "selfcare/questionnaire_list.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire_take(request, slug: str):
    definition = questionnaires.get(slug)
    if definition is None:
        raise Http404
    errors, chosen = {}, {}
    if request.method == "POST":
        answers = {}
        for key, value in request.POST.items():
            number = _small_int(value)
            if key.startswith("q_") and number is not None:
                answers[key[2:]] = number
        chosen = answers
        try:
            response, result, _alert = actions.check_submit_questionnaire(request.user, slug, answers, request=request)
        except REFUSALS as exc:
            errors = {k: [_("Question %(q)s: %(m)s") % {"q": k, "m": m} if k.isdigit() else m for m in msgs]
                      for k, msgs in form_errors(exc).items()}
        else:
            return redirect("selfcare:response", response_id=response.pk)
    history = list(QuestionnaireResponse.objects.filter(user=request.user, questionnaire=slug)
                   .order_by("completed_at")[:200])
    for r in history:
        r.band = _band(r)
    return render(request, "selfcare/questionnaire_take.html", {
        "q": definition, "errors": errors, "chosen": chosen, "history_chart": _history_chart(definition, history),
        "history": history,
    }, status=400 if errors else 200)


def _band(response) -> str:
    """The result's band in the reader's language (the stored label is the English one)."""
    return questionnaires.band_label(response.questionnaire, response.result.get("band_index"),
                                     response.result.get("band", ""))


def _history_chart(definition, history):
    if len(history) < 2:
        return None
    points = [{"date": r.completed_at.date().isoformat(), "score": r.result["total"]} for r in history]
    lo, hi = definition["scoring"]["min"], definition["scoring"]["max"]
    bands = [{**b, "index": i} for i, b in enumerate(definition["bands"])]
    if definition.get("higher_is_better"):
        bands = [{**b, "index": len(bands) - 1 - b["index"]} for b in bands]
    return charts.line_chart(points, points, points[0]["date"], points[-1]["date"], key="score",
                             title=_("%(q)s scores over time") % {"q": definition["title"]}, lo=lo, hi=hi,
                             ticks=sorted({lo, hi, *[b["min"] for b in definition["bands"]]}), bands=bands)


@login_required
def response_detail(request, response_id: int):
    response = actions.access_response_by_id(request.user, response_id)
    definition = questionnaires.get(response.questionnaire)
    from hearthside.safety.actions import alerts_from

    return render(request, "selfcare/response.html", {
        "r": response, "q": definition, "band": _band(response), "help": bool(response.result.get("safety_items")),
        "alert_raised": bool(alerts_from(request.user, "selfcare.phq9", source_id=response.pk)),
    })


@login_required
@require_http_methods(["GET", "POST"])
def reminders(request):
    errors = {}
    if request.method == "POST":
        if request.POST.get("delete"):
            actions.access_reminder_by_id(request.user, id_or_404(request.POST["delete"][:20])).delete()
            return redirect("selfcare:reminders")
        try:
            actions.check_create_reminder(request.user, {
                "kind": request.POST.get("kind"), "time_of_day": request.POST.get("time_of_day", ""),
                "weekdays": [n for n in map(_small_int, request.POST.getlist("weekdays")) if n is not None],
                "target": request.POST.get("target", ""), "by_email": request.POST.get("by_email") == "on",
            })
        except ValidationError as exc:
            errors = form_errors(exc)
        else:
            messages.success(request, _("Reminder set."))
            return redirect("selfcare:reminders")
    return render(request, "selfcare/reminders.html", {
        "reminders": Reminder.objects.filter(user=request.user), "errors": errors,
        "weekdays": list(enumerate([_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")])),
    }, status=400 if errors else 200)


@login_required
@require_POST
def notifications_read(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("selfcare:home")


# ---------------------------------------------------------------------------------------------
# Guided exercises and the library


@login_required
def exercise_list(request):
    from . import exercises
    from .models import ExerciseSession

    open_slugs = set(ExerciseSession.objects.filter(user=request.user, completed_at__isnull=True)
                     .values_list("exercise", flat=True))
    effects = {e["slug"]: e for e in actions.exercise_effects(request.user)}
    rows = [{"e": e, "resume": slug in open_slugs, "effect": effects.get(slug)} for slug, e in exercises.all_exercises().items()]
    return render(request, "selfcare/exercise_list.html", {"rows": rows, "consented": has_consent(request.user, "health_data")})


@login_required
@require_http_methods(["GET", "POST"])
def exercise_start(request, slug: str):
    from . import exercises

    exercise = exercises.get(slug)
    if exercise is None:
        raise Http404
    if request.method == "POST":
        try:
            session = actions.check_start_exercise(request.user, slug)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect("selfcare:exercises")
        return redirect("selfcare:exercise_session", session_id=session.pk)
    return render(request, "selfcare/exercise_start.html", {"e": exercise})


@login_required
@require_http_methods(["GET", "POST"])
def exercise_session(request, session_id: int):
    from . import exercises

    session = actions.access_exercise_session_by_id(request.user, session_id)
    exercise = exercises.get(session.exercise)
    if exercise is None:
        raise Http404
    steps = exercises.steps_for(session.exercise)
    error = None
    if request.method == "POST" and session.completed_at is None:
        step = steps[session.step_index]
        value = request.POST.getlist("value") if step.get("multiple") else request.POST.get("value")
        try:
            actions.check_answer_step(request.user, session, value, step_id=request.POST.get("step"))
        except PermissionDenied as exc:
            error = str(exc)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return redirect("selfcare:exercise_session", session_id=session.pk)
    step = steps[session.step_index]
    summary = []
    if step["type"] == "summary" or session.completed_at:
        wanted = step.get("show") or []
        by_id = {s["id"]: s for s in steps}
        summary = [{"text": by_id[i]["text"], "answer": _readable(by_id[i], session.responses.get(i))}
                   for i in wanted if i in by_id]
    return render(request, "selfcare/exercise_step.html", {
        "e": exercise, "session": session, "step": step, "number": session.step_index + 1, "total": len(steps),
        "error": error, "summary": summary,
        "current": session.responses.get(step["id"], "") if isinstance(session.responses, dict) else "",
        "scale_values": list(range(step["min"], step["max"] + 1)) if step["type"] == "scale" else [],
        "change": (session.mood_after - session.mood_before)
        if session.mood_after is not None and session.mood_before is not None else None,
    }, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def immersive_exercise(request):
    """The self-compassion break in the calm 3D space (``immersive.py``): the person's unfinished
    session of that exercise, or a button that starts one. Answers go to ``exercise_session``."""
    from . import immersive

    if request.method == "POST":
        try:
            actions.check_start_exercise(request.user, immersive.SLUG)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        return redirect("selfcare:immersive")
    session = actions.open_exercise_session(request.user, immersive.SLUG)
    return render(request, "selfcare/immersive.html", {
        "session": session, "data": immersive.page_data(session), "references": immersive.references(),
        "consented": has_consent(request.user, "health_data"),
    })


def _readable(step: dict, value):
    """An answer as the person chose it: option labels instead of stored values."""
    if value is None:
        return None
    labels = {o["value"]: o["label"] for o in step.get("options", [])}
    if isinstance(value, list):
        return ", ".join(str(labels.get(v, v)) for v in value)
    return labels.get(value, value)


def article_list(request):
    import unicodedata

    from . import library

    query = (request.GET.get("q") or "").replace("\x00", "").strip()[:100]
    topic = (request.GET.get("topic") or "").replace("\x00", "").strip()[:40]
    shown = library.published_articles()
    items = shown
    if query:
        needle = query.casefold()
        items = [a for a in items if needle in f"{a.title}\n{a.summary}\n{a.body}".casefold()]
    if topic:
        items = [a for a in items if topic in a.topics]
    for a in items:
        a.topic_labels = [library.topic_label(t) for t in a.topics]
    topics = sorted(((t, library.topic_label(t)) for t in {t for a in shown for t in a.topics}),
                    key=lambda pair: unicodedata.normalize("NFKD", pair[1]).casefold())  # "ánimo" near "ansiedad"
    return render(request, "selfcare/article_list.html", {"articles": items, "q": query, "topic": topic,
                                                          "topics": topics})


def article_detail(request, slug: str):
    from . import library

    article = library.article_for(slug)
    if article is None:
        raise Http404
    article.topic_labels = [library.topic_label(t) for t in article.topics]
    return render(request, "selfcare/article.html", {"a": article, "html": library.render(article.body)})


@login_required
@require_http_methods(["GET", "POST"])
def sharing(request):
    from hearthside.accounts.models import SharingGrant

    user = request.user
    if request.method == "POST":
        data_type = request.POST.get("data_type", "")
        entry = None
        if request.POST.get("entry"):
            entry = actions.access_journal_entry_by_id(user, id_or_404(request.POST["entry"]))
        stop = request.POST.get("action") == "stop"
        run_for_page(request, lambda: (actions.do_unshare if stop else actions.check_share)(
            user, data_type, journal_entry=entry, request=request),
            _("Sharing stopped.") if stop else _("Shared with your practitioner."))
        return redirect(request.POST.get("back") if request.POST.get("back", "").startswith("/selfcare/")
                        else "selfcare:sharing")
    grants = list(actions.active_grants(user).select_related("journal_entry"))
    shared = {g.data_type for g in grants}
    kinds = [(v, label) for v, label in SharingGrant.DataType.choices if v != "journal_entry"]
    return render(request, "selfcare/sharing.html", {
        "kinds": [{"value": v, "label": _(label), "shared": v in shared} for v, label in kinds],
        "entries": [g.journal_entry for g in grants if g.journal_entry_id],
        "consented": has_consent(user, "practitioner_sharing"),
    })
