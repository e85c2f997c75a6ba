"""The companion page: live over the one websocket, with a plain form that works without JS."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearthside.accounts.actions import do_give_consent, has_consent
from hearthside.core.errors import REFUSALS, refusal, run_for_page

from . import actions


@login_required
def chat(request):
    if not has_consent(request.user, "ai_features"):
        return render(request, "companion/consent.html", {})
    conversation = actions.current_conversation(request.user, request=request)
    if request.method == "POST":
        run_for_page(request, lambda: actions.check_send(
            request.user, request.POST.get("text", ""), client_id=request.POST.get("client_id", ""),
            conversation=conversation, request=request))
        return redirect("companion:chat")
    history = actions.history(conversation)
    last = history[-1] if history else None
    help_panel = None
    if conversation.in_crisis:
        help_panel = next((m.extra.get("help") for m in reversed(history) if (m.extra or {}).get("help")), None) \
            or actions.help_panel(request.user)
    line = actions.line_panel(request.user, conversation)
    return render(request, "companion/chat.html", {
        "conversation": conversation, "history": history, "engine_label": actions.engine_label(),
        "quick_replies": (last.extra or {}).get("quick_replies", []) if last and last.role == "companion" else [],
        "exercise": (last.extra or {}).get("exercise") if last and last.role == "companion" else None,
        "help": help_panel,
        "offer": None if line.get("line") else actions.open_offer(conversation, history),
        **line,
    })


@require_POST
@login_required
def handoff(request):
    """"Connect me", answered: the person joins the support line's queue on this page, with or
    without the summary they were shown. The page's script asks for the conversation's panel alone
    (``X-Hearthside-Fragment``) and puts it in place; without script the page reloads with it."""
    fragment = request.headers.get("X-Hearthside-Fragment") == "1"
    conversation = actions.access_conversation_by_id(request.user, request.POST.get("conversation"))
    try:
        actions.check_handoff(request.user, conversation, request.POST.get("offer"),
                              share=request.POST.get("share") == "yes", request=request)
    except REFUSALS as exc:
        text = refusal(exc).message
        if fragment:
            return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
        messages.error(request, text)
        return redirect("companion:chat")
    if fragment:
        return render(request, "companion/_line.html", actions.line_panel(request.user, conversation))
    return redirect("companion:chat")


@require_POST
@login_required
def consent(request):
    do_give_consent(request.user, "ai_features", request=request)
    return redirect("companion:chat")


@require_POST
@login_required
def new_conversation(request):
    if has_consent(request.user, "ai_features"):
        actions.do_start_conversation(request.user, request=request)
    return redirect("companion:chat")


@require_POST
@login_required
def delete(request, conversation_id: int):
    conversation = actions.access_conversation_by_id(request.user, conversation_id)
    actions.do_delete_conversation(request.user, conversation, request=request)
    messages.success(request, _("The conversation was deleted."))
    return redirect("companion:chat")


@require_POST
@login_required
def forget(request):
    actions.do_forget(request.user, request=request)
    messages.success(request, _("The companion has forgotten what it remembered about you."))
    return redirect("companion:chat")
