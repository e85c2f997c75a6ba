"""Support-line pages: reaching out (logged in or as a guest), the conversation, and the desk
for supporters and supervisors (two-factor required, as on /staff/)."""

from __future__ import annotations

import functools
from datetime import timedelta
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from hearthside.accounts.actions import staff_without_two_factor
from hearthside.core.errors import run_for_page
from hearthside.safety import directory

from . import actions
from .canned import CANNED
from .models import Conversation, SupporterStatus


def _plan(user):
    from hearthside.safety.actions import plan_for

    plan = plan_for(user)
    if plan is None or plan.is_empty:
        return None
    from hearthside.safety.models import SAFETY_PLAN_STEPS

    return [{"title": _(title), "items": plan.steps.get(key, [])} for key, title, _h in SAFETY_PLAN_STEPS
            if plan.steps.get(key)]


def _help_context(request, person=None, *, chosen: str = "") -> dict:
    """The crisis lines of a conversation: the person's (``directory.country_for``: the country they
    chose, else the site's default), in the person's language first. They depend on the person
    alone, so the person and every supporter reading along see the same lines. ``chosen``: a
    country picked on the start page before the guest has an identity to keep it on."""
    from django.utils.translation import get_language

    person = request.user if person is None else person
    country = chosen or directory.country_for(person)
    language = (getattr(person, "language", "") or get_language() or "")[:2]
    return {"lines": directory.lines_for(country, language=language),
            "emergency": directory.emergency_number_for(country), "country": country}


def _line_countries() -> list[str]:
    from hearthside.safety.models import CrisisLine

    return sorted(set(CrisisLine.objects.filter(active=True).values_list("country", flat=True)))


def _chosen_country(value) -> str:
    """A country picked on the start page, "" when none or not one the directory has lines for."""
    chosen = (value or "").strip().upper()
    return chosen if len(chosen) == 2 and chosen in _line_countries() else ""


def _choose_country(request, user) -> None:
    """A guest's choice of country (and the language they are using the site in) is kept on their
    guest identity, so their lines come from what they chose, on both sides of the conversation."""
    from django.conf import settings
    from django.utils.translation import get_language

    from hearthside.accounts.actions import check_update_profile

    fields = {}
    chosen = _chosen_country(request.POST.get("country"))
    if chosen:
        fields["country"] = chosen
    language = (get_language() or "")[:2]
    if language in dict(settings.LANGUAGES) and language != user.language:
        fields["language"] = language
    if fields:
        check_update_profile(user, fields, request=request)


@require_http_methods(["GET", "POST"])
def start(request):
    user = request.user
    if request.method == "GET":
        if user.is_authenticated:
            live = actions.live_conversation_of(user)
            if live is not None:
                return redirect("supportline:conversation", conversation_id=live.pk)
        guest = actions.is_guest_session(request)
        # Someone without an account (or a guest) picks the country whose lines they see here.
        choose = not user.is_authenticated or guest
        chosen = _chosen_country(request.GET.get("country")) if choose else ""
        from hearthside.core import pow

        return render(request, "supportline/start.html", {
            "pow": pow.issue() if not user.is_authenticated else None,
            "has_plan": user.is_authenticated and not guest and _plan(user) is not None,
            "is_staff_supporter": actions.is_supporter(user),
            "guest": guest,
            "retention_days": actions.retention_days(),
            "choose_country": choose,
            "line_countries": _line_countries() if choose else [],
            "chosen_country": chosen or (user.country if guest else ""),
            **_help_context(request, chosen=chosen),
        })
    opening = request.POST.get("opening", "")
    if len(opening) > actions.MAX_MESSAGE:
        messages.error(request, ngettext(
            "Keep it under %(n)s character.",
            "Keep it under %(n)s characters.", actions.MAX_MESSAGE) % {"n": actions.MAX_MESSAGE})
        return redirect("supportline:start")
    if not user.is_authenticated:
        from hearthside.core import audit, limits, pow

        # A browser that did the light proof of work (pow.js) is held to the usual limit; one
        # that did not (no JavaScript, or a script) to a lower one -- never refused for it alone.
        worked = pow.verify(request.POST.get("pow_challenge"), request.POST.get("pow_counter"))
        if limits.over(request, "supportline.guest") or (
                not worked and limits.over(request, "supportline.guest_unverified")):
            # Someone opening conversation after conversation from one connection (issue #17: a
            # dozen fake crisis openings in a second filled the queue). The answer is never a
            # dead end: the lines and the emergency number are right here.
            audit.record("supportline.guest_limited", request=request)
            return render(request, "supportline/start.html", {
                "limited": True, "guest": False, "retention_days": actions.retention_days(),
                "choose_country": False, "line_countries": [], **_help_context(request),
            }, status=429)
        user = actions.do_create_guest(request)
    if actions.is_guest_session(request):
        _choose_country(request, user)
    try:
        conversation = actions.check_start(user, opening, share_plan=request.POST.get("share_plan") == "1",
                                           request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("supportline:start")
    return redirect("supportline:conversation", conversation_id=conversation.pk)


@login_required
def conversation(request, conversation_id: int):
    conv = actions.access_own_conversation(request.user, conversation_id)
    actions.do_mark_seen(request.user, conv)
    guest = actions.is_guest_session(request)
    context = {
        "conversation": conv,
        "history": actions.history(conv),
        "guest": guest,
        "plan": None if guest else _plan(request.user),
        "retention_days": actions.retention_days(),
        "estimate": actions.wait_estimate(conv) if conv.status == Conversation.Status.WAITING else None,
        **_help_context(request),
    }
    return render(request, "supportline/conversation.html", context)


def _back(conversation_id: int):
    return redirect("supportline:conversation", conversation_id=conversation_id)


QUICK_REPLIES = {"here": gettext_lazy("I'm here."), "ok": gettext_lazy("I'm OK for now, thank you."),
                 "talk": gettext_lazy("I'd like to talk.")}


@login_required
@require_POST
def quick_reply(request, conversation_id: int):
    """One tap from the outreach banner on any page: the reply is sent, then the conversation opens."""
    conv = actions.access_own_conversation(request.user, conversation_id)
    text = QUICK_REPLIES.get(request.POST.get("reply", ""))
    if text is None:
        messages.error(request, _("Choose one of the replies, or write your own."))
        return _back(conv.pk)
    client_id = (request.POST.get("client_id") or "")[:64] or f"quick-{request.POST.get('reply')}-{conv.last_seq}"
    run_for_page(request, lambda: actions.check_send(request.user, conv, client_id, str(text)))
    return _back(conv.pk)


@login_required
@require_POST
def end(request, conversation_id: int):
    conv = actions.access_own_conversation(request.user, conversation_id)
    if request.POST.get("confirm") != "yes":
        # Ending cannot be undone and a stray tap is easy on a phone: a form that did not say
        # "yes" (an older page, a script) asks first instead of ending the conversation.
        if not conv.is_live:
            return _back(conv.pk)
        return render(request, "supportline/end_confirm.html",
                      {"conversation": conv, "guest": actions.is_guest_session(request)})
    actions.check_end_by_person(request.user, conv, request=request)
    return _back(conv.pk)


def _own_conversation_form(act, success):
    """A form on the person's conversation page: ``act(request, conv)`` on their own conversation
    (404 when it is not theirs), answered with ``success`` or the refusal's words, back on the page."""

    @login_required
    @require_POST
    def view(request, conversation_id: int):
        conv = actions.access_own_conversation(request.user, conversation_id)
        run_for_page(request, lambda: act(request, conv), success)
        return _back(conv.pk)

    return view


leave_message = _own_conversation_form(lambda request, conv: actions.check_leave_message(
    request.user, conv, request.POST.get("message", ""), request.POST.get("contact", ""), request=request),
    gettext_lazy("Your message is saved. A supporter will get back to you."))
feedback = _own_conversation_form(lambda request, conv: actions.check_feedback(
    request.user, conv, request.POST.get("helped", ""), request.POST.get("again", "")),
    gettext_lazy("Thank you for telling us."))
delete_transcript = _own_conversation_form(
    lambda request, conv: actions.check_delete_transcript(request.user, conv, request=request),
    gettext_lazy("The conversation's messages are deleted."))


@login_required
def transcript(request, conversation_id: int):
    conv = actions.access_own_conversation(request.user, conversation_id)
    response = HttpResponse(actions.transcript_text(conv), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="support-line-{conv.pk}.txt"'
    return response


# ---------------------------------------------------------------------------------------------
# The desk: supporters and supervisors


def staff_page(view=None, *, alert_staff: bool = False):
    """Supporters only (with ``alert_staff``, safety staff too: the outreach they opened), with a
    second factor proved in this session (like every /staff/ page)."""
    if view is None:
        return functools.partial(staff_page, alert_staff=alert_staff)

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        from hearthside.safety.actions import can_handle_alerts

        if not (actions.is_supporter(request.user) or (alert_staff and can_handle_alerts(request.user))):
            raise Http404
        if staff_without_two_factor(request.user):
            return redirect(f"{reverse('accounts:two_factor')}?next={quote(request.get_full_path())}")
        return view(request, *args, **kwargs)

    return wrapper


@staff_page
@require_http_methods(["GET", "POST"])
def desk(request):
    user = request.user
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "available":
                actions.check_set_available(user, request.POST.get("available") == "1", request=request)
            elif action == "next":
                conv = actions.check_help_next(user, request=request)
                if conv is None:
                    messages.info(request, _("Nobody is waiting right now."))
                else:
                    return redirect("supportline:staff_conversation", conversation_id=conv.pk)
            elif action == "contacted":
                conv, _role = _staff_or_message_left(user, request.POST.get("conversation"))
                actions.check_mark_contacted(user, conv, request=request)
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("supportline:desk")
    supervisor = actions.is_supervisor(user)
    entries = actions.waiting_entries(exclude_person=user)
    now = timezone.now()
    mine = list(Conversation.objects.filter(supporter=user, status=Conversation.Status.ACTIVE)
                .select_related("person").order_by("assigned_at"))
    left = list(Conversation.objects.filter(status=Conversation.Status.MESSAGE_LEFT, contacted_at__isnull=True)
                .exclude(person=user).select_related("person").order_by("-risk_rank", "created_at")[:50])
    from hearthside.core import audit

    for conv in left:
        # A supporter reading what someone left for the line is a staff read of their words.
        audit.record("supportline.message_left_viewed", actor=user, request=request, obj=conv,
                     subject=conv.person_id)
    return render(request, "supportline/desk.html", {
        "available": actions.is_available(user),
        "waiting": len(entries),
        "longest_wait": int(max(((now.timestamp() - e.queued_at) for e in entries), default=0) // 60),
        "capacity": actions.capacity(),
        "mine": mine,
        "left": left,
        "supervisor": supervisor,
        "overview": actions.live_overview() if supervisor else [],
        "on_shift": SupporterStatus.objects.filter(available=True).count(),
    })


def _staff_or_message_left(user, conversation_id):
    conv = actions._get(conversation_id)
    if conv.person_id == user.pk:
        raise Http404
    return conv, None


@staff_page(alert_staff=True)
@require_http_methods(["GET", "POST"])
def staff_conversation(request, conversation_id: int):
    user = request.user
    conv, role = actions.access_staff_conversation(user, conversation_id)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "read":
                actions.check_watch(user, conv, request=request)
            elif action == "join":
                actions.check_watch(user, conv, join=True, request=request)
            elif action == "take_over":
                actions.check_take_over(user, conv, request=request)
            elif action == "note":
                actions.check_set_note(user, conv, request.POST.get("note", ""), request=request)
                messages.success(request, _("Note saved."))
            elif action == "handoff":
                actions.check_handoff(user, conv, request.POST.get("to"), request.POST.get("summary", ""),
                                      request=request)
                messages.success(request, _("Handed over."))
                return redirect("supportline:desk")
            elif action == "abuse":
                actions.check_mark_abuse(user, conv, request.POST.get("note", ""), request=request)
                messages.success(request, _("Marked as abuse. The conversation has ended and its alert is cleared."))
                return redirect("supportline:desk")
            elif action == "wrap_up":
                concern = {"yes": True, "no": False}.get(request.POST.get("concern", ""))
                actions.check_wrap_up(user, conv, request.POST.get("outcome", ""), concern, request=request)
                messages.success(request, _("Wrapped up."))
                if conv.alert_id:
                    # Outreach: back to the alert, to record the contact and resolve it.
                    return redirect("safety_staff:alert", alert_id=conv.alert_id)
                return redirect("supportline:desk")
            else:
                messages.error(request, _("Unknown action."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("supportline:staff_conversation", conversation_id=conv.pk)
    if role == "supervisor":
        # Not reading yet: the page offers to read along (audited) before it shows any words.
        return render(request, "supportline/staff_conversation.html", {"conversation": conv, "role": role,
                                                                        "locked": True})
    actions.do_view_as_staff(user, conv, role, request=request)
    from hearthside.accounts.models import User

    handoff_to = (User.objects.filter(is_active=True, role_grants__role__in=actions.HANDOFF_ROLES).distinct()
                  .exclude(pk__in=[conv.person_id, conv.supporter_id or 0]).order_by("pseudonym")[:100])
    return render(request, "supportline/staff_conversation.html", {
        "conversation": conv,
        "role": role,
        "history": actions.history(conv),
        "whispers": actions.whispers(conv),
        "reasons": actions._reason_labels(conv.reasons),
        "plan": _plan(conv.person) if conv.share_plan else None,
        "canned": CANNED,
        "handoff_to": handoff_to,
        # "Abuse" has its own button: it also clears the conversation's safety alert.
        "outcomes": [c for c in Conversation.Outcome.choices if c[0] != Conversation.Outcome.ABUSE],
        "supervisor": actions.is_supervisor(user),
        "wait_minutes": int(((conv.assigned_at or timezone.now()) - conv.created_at).total_seconds() // 60),
        **_help_context(request, conv.person),
    })


PERIODS = {"1": 1, "7": 7, "30": 30, "90": 90}


@staff_page
def dashboard(request):
    if not actions.is_supervisor(request.user):
        raise Http404
    days = PERIODS.get(request.GET.get("days", "7"), 7)
    end_at = timezone.now()
    stats = actions.dashboard(end_at - timedelta(days=days), end_at)
    from hearthside.core import audit

    audit.record("supportline.dashboard_viewed", actor=request.user, request=request)
    return render(request, "supportline/dashboard.html", {"stats": stats, "days": days, "periods": PERIODS})
