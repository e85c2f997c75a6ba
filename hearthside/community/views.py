"""Community pages: the group directory and a group's page with its live chat."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import actions
from .models import Group, Membership


@login_required
def group_list(request):
    mine = {m.group_id: m for m in Membership.objects.filter(user=request.user)}
    rows = [{"g": g, "m": mine.get(g.pk)} for g in Group.objects.all()]
    return render(request, "community/group_list.html", {"rows": rows})


@login_required
def group_detail(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    membership = actions.active_membership(request.user, group)
    pending = Membership.objects.filter(group=group, user=request.user, status=Membership.Status.PENDING).exists()
    from hearthside.selfcare.library import render as render_md

    return render(request, "community/group.html", {
        "group": group, "membership": membership, "pending": pending,
        "guidelines": render_md(group.guidelines) if group.guidelines else "",
        "history": actions.chat_history(request.user, group, limit=50) if membership else [],
        "member_count": Membership.objects.filter(group=group, status=Membership.Status.ACTIVE).count(),
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
