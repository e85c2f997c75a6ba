"""Friends pages: thin views over actions. Every form works without JavaScript; the chat and the
live reach-out notices add it."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearthside.accounts.auth import staff_page_required
from hearthside.core.errors import run_for_page
from hearthside.safety.actions import plan_for

from . import actions
from .models import AgeBand, Availability, CircleMember, Connection, LookingFor


def _back(request, default: str):
    target = request.POST.get("next") or default
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = default
    return redirect(target)


@login_required
def home(request):
    user = request.user
    profile = actions.profile_for(user)
    topic = request.GET.get("topic") or None
    found = actions.suggestions(user, topic=topic) if profile and profile.enabled else []
    connections = actions.my_connections(user)
    circle = actions.circle_of(user)
    in_circle = {m.member_id: m for m in circle}
    rows = []
    for c in connections:
        other = c.other(user.pk)
        rows.append({"connection": c, "name": actions.display_name(c.requester if other == c.requester_id
                                                                     else c.recipient),
                     "circle": in_circle.get(other)})
    context = {
        "profile": profile,
        "topic": topic,
        "suggestions": found,
        "incoming": actions.incoming_requests(user),
        "outgoing": [(c, actions.requester_status(c)) for c in actions.outgoing_requests(user)],
        "connections": rows,
        "circle": circle,
        "circle_size": len([m for m in circle]),
        "circle_max": settings.FRIENDS_CIRCLE_SIZE,
        "circles_joined": actions.circles_i_am_in(user),
        "sent": actions.sent_reach_outs(user, limit=3),
        "unseen": sum(1 for d in actions.received_reach_outs(user) if d.seen_at is None),
        "topics": actions.topic_choices(),
        "languages": actions.language_choices(),
        "age_bands": AgeBand.choices,
        "looking_for": LookingFor.choices,
        "availability": Availability.choices,
        "presets": [(k, str(v)) for k, v in actions.REACH_OUT_PRESETS.items()],
        "topic_labels": dict(actions.topic_choices()),
        "derived_band": actions.derived_age_band(user),
        "is_moderator": actions.is_moderator(user),
    }
    return render(request, "friends/home.html", context)


@login_required
@require_POST
def save_profile(request):
    data = {
        "pseudonym": request.POST.get("pseudonym", ""),
        "intro": request.POST.get("intro", ""),
        "age_band": request.POST.get("age_band", ""),
        "topics": request.POST.getlist("topics"),
        "languages": request.POST.getlist("languages"),
        "looking_for": request.POST.getlist("looking_for"),
        "availability": request.POST.getlist("availability"),
        "enabled": request.POST.get("enabled") == "on",
        "nudge_after_days": request.POST.get("nudge_after_days") if request.POST.get("nudge") == "on" else None,
    }
    run_for_page(request, lambda: actions.check_save_profile(request.user, data, request=request), _("Your peer profile is saved."))
    return redirect("friends:home")


@login_required
@require_POST
def discoverable(request):
    enabled = request.POST.get("enabled") == "1"
    actions.do_set_discoverable(request.user, enabled, request=request)
    messages.success(request, _("Others can find you now.") if enabled else _("You are hidden from suggestions and search."))
    return redirect("friends:home")


@login_required
@require_POST
def request_connection(request, profile_id: int):
    profile = actions.access_profile_by_id(request.user, profile_id)
    run_for_page(request, lambda: actions.check_request(request.user, profile, request.POST.get("message", ""), request=request),
         _("Request sent to %(name)s.") % {"name": profile.pseudonym})
    return _back(request, reverse("friends:home"))


@login_required
@require_POST
def respond(request, connection_id: int):
    connection = actions.access_connection_by_id(request.user, connection_id, statuses=(Connection.Status.PENDING,))
    answer = request.POST.get("answer", "")
    done = run_for_page(request, lambda: actions.check_respond(request.user, connection, answer, request=request))
    if done is not None and answer == "accept":
        messages.success(request, _("You are connected. Say hello!"))
        return redirect("friends:chat", connection_id=connection.pk)
    return redirect("friends:home")


@login_required
def chat(request, connection_id: int):
    connection = actions.access_connection_by_id(request.user, connection_id)
    other = connection.requester if connection.recipient_id == request.user.pk else connection.recipient
    membership = CircleMember.objects.filter(owner=request.user, member=other).exclude(
        status=CircleMember.Status.REMOVED).first()
    context = {
        "connection": connection,
        "other_name": actions.display_name(other),
        "me_name": actions.display_name(request.user),
        "me_ref": actions.author_ref(connection.pk, request.user.pk),
        "history": actions.chat_history(request.user, connection),
        "membership": membership,
        "circle_full": len(actions.circle_of(request.user)) >= settings.FRIENDS_CIRCLE_SIZE,
    }
    return render(request, "friends/chat.html", context)


@login_required
@require_POST
def end(request, connection_id: int):
    connection = actions.access_connection_by_id(request.user, connection_id)
    actions.do_end(request.user, connection, request=request)
    messages.success(request, _("The connection has ended."))
    return redirect("friends:home")


@login_required
@require_POST
def block(request, connection_id: int):
    connection = actions.access_connection_by_id(
        request.user, connection_id, statuses=(Connection.Status.PENDING, Connection.Status.ACCEPTED))
    other = connection.requester if connection.recipient_id == request.user.pk else connection.recipient
    actions.do_block(request.user, other, request=request)
    messages.success(request, _("Blocked. You will not see each other here again."))
    return redirect("friends:home")


@login_required
@require_POST
def report_message(request, connection_id: int, seq: int):
    connection = actions.access_connection_by_id(request.user, connection_id)
    actions.check_report_message(request.user, connection, seq, request.POST.get("reason", ""), request=request)
    messages.success(request, _("Thank you. A moderator will look at this message."))
    return redirect("friends:chat", connection_id=connection.pk)


@login_required
@require_POST
def invite_to_circle(request, connection_id: int):
    connection = actions.access_connection_by_id(request.user, connection_id)
    run_for_page(request, lambda: actions.check_invite_to_circle(
        request.user, connection, in_safety_plan=request.POST.get("in_safety_plan") == "on", request=request),
        _("Asked. They will be in your circle once they agree."))
    return _back(request, reverse("friends:home"))


@login_required
@require_POST
def answer_circle(request, circle_id: int):
    membership = actions.access_circle_member_by_id(request.user, circle_id, as_owner=False)
    accept = request.POST.get("accept") == "1"
    actions.check_answer_circle(request.user, membership, accept, request=request)
    messages.success(request, _("You joined their circle of support.") if accept else _("Answer sent."))
    return redirect("friends:home")


@login_required
@require_POST
def circle_plan(request, circle_id: int):
    membership = actions.access_circle_member_by_id(request.user, circle_id, as_owner=True)
    in_plan = request.POST.get("in_safety_plan") == "1"
    run_for_page(request, lambda: actions.check_set_in_plan(request.user, membership, in_plan, request=request),
         _("Added to your safety plan.") if in_plan else _("Removed from your safety plan."))
    return _back(request, reverse("friends:home"))


@login_required
@require_POST
def leave_circle(request, circle_id: int):
    membership = actions.access_circle_member_by_id(request.user, circle_id)
    actions.do_leave_circle(request.user, membership, request=request)
    messages.success(request, _("Done."))
    return redirect("friends:home")


@login_required
@require_POST
def reach_out(request):
    run_for_page(request, lambda: actions.check_reach_out(request.user, preset=request.POST.get("preset", ""),
                                                  text=request.POST.get("text", ""), request=request),
         _("Sent to your circle. You will see here when they have seen it."))
    return redirect(reverse("friends:home") + "#circle")


@login_required
def reach_outs(request):
    received = actions.received_reach_outs(request.user)
    fresh = {d.pk for d in received if d.seen_at is None}
    for delivery in received:
        actions.do_mark_seen(request.user, delivery)
    return render(request, "friends/reach_outs.html", {"received": received, "fresh": fresh})


@login_required
@require_POST
def reply_reach_out(request, delivery_id: int):
    delivery = actions.access_delivery_by_id(request.user, delivery_id)
    run_for_page(request, lambda: actions.check_respond_reach_out(request.user, delivery, request.POST.get("text", ""),
                                                          request=request), _("Reply sent."))
    return redirect("friends:reach_outs")


@login_required
def strategies(request):
    situation = request.GET.get("situation") or None
    if request.method == "POST":
        result = run_for_page(request, lambda: actions.check_share_strategy(
            request.user, request.POST.get("text", ""), request.POST.getlist("situations"), request=request))
        if result is not None:
            strategy, route = result
            if strategy.status == strategy.Status.PUBLISHED:
                messages.success(request, _("Thank you for sharing what helps you."))
            else:
                messages.info(request, _("Your strategy is waiting for a moderator before others see it."))
        return redirect("friends:strategies")
    plan = plan_for(request.user)
    saved = set(plan.steps.get("coping_strategies", [])) if plan is not None else set()
    labels = dict(actions.situation_choices())
    board = actions.strategy_board(request.user, situation=situation)
    for strategy in board:
        strategy.labels = [labels.get(key, key) for key in strategy.situations]
    context = {"board": board, "situation": situation, "situations": actions.situation_choices(),
               "saved": saved, "is_moderator": request.user.has_role("moderator", "administrator")}
    return render(request, "friends/strategies.html", context)


@login_required
@require_POST
def strategy_action(request, strategy_id: int, what: str):
    strategy = actions.access_strategy_by_id(request.user, strategy_id)
    if what == "helped":
        actions.do_toggle_helped(request.user, strategy)
    elif what == "report":
        run_for_page(request, lambda: actions.check_report_strategy(request.user, strategy, request.POST.get("reason", ""),
                                                            request=request),
             _("Thank you. A moderator will look at it."))
    elif what == "save":
        run_for_page(request, lambda: actions.check_save_strategy_to_plan(request.user, strategy, request=request),
             _("Saved to your safety plan's coping strategies."))
    elif what == "hide":
        actions.check_hide_strategy(request.user, strategy, request.POST.get("reason", ""), request=request)
        messages.success(request, _("Hidden from the board."))
    return _back(request, reverse("friends:strategies"))


# Under a moderation page's login and method decorators: the role (404 otherwise) and a second
# factor proved in this session.
moderators_only = staff_page_required(actions.is_moderator, lambda request: quote(request.get_full_path()))


@login_required
@moderators_only
def moderation(request):
    context = {"reports": actions.open_reports(request.user, request=request), "held": actions.held_requests()}
    return render(request, "friends/moderation.html", context)


@login_required
@require_POST
@moderators_only
def moderation_report(request, report_id: int):
    run_for_page(request, lambda: actions.check_handle_report(request.user, report_id, request.POST.get("action", ""),
                                                      request=request), _("Done."))
    return redirect("friends:moderation")


@login_required
@require_POST
@moderators_only
def moderation_held(request, connection_id: int):
    actions.check_review_held_request(request.user, connection_id, request.POST.get("release") == "1",
                                      request=request)
    messages.success(request, _("Done."))
    return redirect("friends:moderation")
