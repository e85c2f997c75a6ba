"""Community pages: the group directory and a group's page with its live chat."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hearthside.core.errors import REFUSALS, form_errors

from . import actions, meetings
from .models import Group, Membership
from .typing import session_of, typing_tag


@login_required
def group_list(request):
    from . import youth

    mine = {m.group_id: m for m in Membership.objects.filter(user=request.user)}
    rows = [{"g": g, "m": mine.get(g.pk)} for g in youth.visible_groups(request.user, Group.objects.all())]
    return render(request, "community/group_list.html", {"rows": rows, "needs_band": youth.needs_band(request.user),
                                                         "safeguarding_contact": youth.safeguarding_contact()
                                                         if youth.band_of(request.user) == "under_18" else ""})


@login_required
def group_detail(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    membership = actions.active_membership(request.user, group)
    pending = Membership.objects.filter(group=group, user=request.user, status=Membership.Status.PENDING).exists()
    from hearthside.core.demo_texts import localize
    from hearthside.selfcare.library import render as render_md

    from . import youth

    return render(request, "community/group.html", {
        "group": group, "membership": membership, "pending": pending,
        "guidelines": render_md(localize(group.guidelines)) if group.guidelines else "",
        "history": actions.chat_history(request.user, group, limit=50) if membership else [],
        "member_count": Membership.objects.filter(group=group, status=Membership.Status.ACTIVE).count(),
        "safeguarding_contact": youth.safeguarding_contact() if group.holds_everything else "",
        "live_meeting": next((m for m in meetings.upcoming(request.user, group) if m["live"]), None)
        if membership else None,
        **_typing_tags(request, group),
    })


@login_required
@require_POST
def join(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    try:
        membership = actions.check_join(request.user, group, request=request)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        if membership.status == Membership.Status.ACTIVE:
            messages.success(request, _("Welcome to %(g)s.") % {"g": group.name})
        else:
            messages.info(request, _("Your request to join was sent to the group's facilitators."))
    return redirect("community:group", slug=group.slug)


@login_required
@require_POST
def leave(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    actions.do_leave(request.user, group, request=request)
    messages.info(request, _("You left %(g)s.") % {"g": group.name})
    return redirect("community:groups")


@login_required
@require_http_methods(["GET", "POST"])
def blocks(request):
    """Whom I muted or blocked; mute, block, or undo."""
    if request.method == "POST":
        pseudonym = request.POST.get("pseudonym", "").strip()
        action = request.POST.get("action", "")
        try:
            other = actions.access_member_by_pseudonym(request.user, pseudonym)
            if action == "undo":
                actions.do_unblock(request.user, other, request=request)
                messages.info(request, _("You will see %(p)s again.") % {"p": other.pseudonym})
            else:
                actions.check_block(request.user, other, action, request=request)
                messages.success(request, (_("You muted %(p)s.") if action == "mute" else _("You blocked %(p)s."))
                                 % {"p": other.pseudonym})
        except Http404:
            messages.error(request, _("No one with that pseudonym shares a group with you."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("community:blocks")
    return render(request, "community/blocks.html", {"blocks": actions.blocks_for(request.user)})


def _typing_tags(request, group) -> dict:
    """The page's own typing tags in this group (named and anonymous), to ignore its own frames."""
    session = session_of(request)
    return {"typing_tag": typing_tag(request.user.pk, group.pk, anonymous=False, session=session),
            "typing_tag_anon": typing_tag(request.user.pk, group.pk, anonymous=True, session=session)}


@login_required
@require_http_methods(["GET", "POST"])
def meeting_list(request, slug: str):
    """Upcoming meetings in the person's time zone; facilitators schedule new ones here."""
    group = actions.access_group_by_slug(request.user, slug)
    actions.require_member(request.user, group)
    errors, form = {}, {}
    if request.method == "POST":
        form = request.POST
        try:
            meeting = meetings.check_schedule(request.user, group, {
                "title": form.get("title"), "description": form.get("description"),
                "starts_at": form.get("starts_at"), "duration_minutes": form.get("duration_minutes"),
                "capacity": form.get("capacity")}, request=request)
        except REFUSALS as exc:
            errors = form_errors(exc)
        else:
            messages.success(request, _("Meeting scheduled."))
            return redirect("community:meeting", slug=group.slug, meeting_id=meeting.pk)
    return render(request, "community/meetings.html", {
        "group": group, "meetings": meetings.upcoming(request.user, group), "errors": errors, "form": form,
        "can_schedule": actions.is_group_moderator(request.user, group),
        "time_zone": str(meetings.person_zone(request.user)),
    }, status=400 if errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail(request, slug: str, meeting_id: int):
    group = actions.access_group_by_slug(request.user, slug)
    meeting = meetings.access_meeting_by_id(request.user, meeting_id, group)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "rsvp":
                meetings.check_rsvp(request.user, meeting)
                messages.success(request, _("You are going. We will remind you an hour before."))
            elif action == "unrsvp":
                meetings.do_cancel_rsvp(request.user, meeting)
                messages.info(request, _("You are no longer going."))
            elif action == "cancel":
                meetings.check_cancel_meeting(request.user, meeting, request=request)
                messages.info(request, _("The meeting was cancelled; the people going were told."))
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("community:meeting", slug=group.slug, meeting_id=meeting.pk)
    info = meetings.detail(request.user, meeting)
    membership = actions.active_membership(request.user, group)
    return render(request, "community/meeting.html", {
        "group": group, "m": info, "membership": membership,
        "can_manage": actions.is_group_moderator(request.user, group),
        "history": actions.chat_history(request.user, group, limit=50) if info["live"] and membership else [],
        **_typing_tags(request, group),
    })
