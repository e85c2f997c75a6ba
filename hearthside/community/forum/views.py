"""Forum pages (under /groups/<slug>/forum/) and the moderation pages (under /staff/community/).

Thin views over community.forum.actions and community.moderation; the same functions feed the API.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from hearthside.accounts.auth import staff_page_required
from hearthside.core.errors import REFUSALS, form_errors, run_for_page

from .. import moderation
from ..models import Post
from . import actions as forum


def _page(request) -> int | str:
    raw = request.GET.get("page", "1")
    if raw == "last":
        return raw
    return int(raw) if raw.isdigit() and len(raw) < 9 else 1


def _hold_choices():
    return [(0, _("Post now"))] + [
        (m, ngettext("Hold for %(n)s minute", "Hold for %(n)s minutes", m) % {"n": m}) for m in (1, 2, 5, 10, 15)
    ]


def _post_fields(post) -> dict:
    tags = post.getlist("cw_tags") + [t for t in post.get("cw_other", "").split(",") if t.strip()]
    return {"body": post.get("body", ""), "anonymous": post.get("anonymous") == "on", "cw_tags": tags,
            "hold_minutes": post.get("hold_minutes", "0") or "0"}


def _after_submit(request, viewer, sub: forum.Submitted):
    """Where the author goes next: the help panel in place when screening found crisis, else the thread."""
    post = sub.post
    if sub.show_help or post.status == Post.Status.HELD:
        return render(request, "community/forum/submitted.html", {
            "group": viewer.group, "post": post, "show_help": sub.show_help, "review": sub.held_for_review,
            "thread_visible": post.thread.posts.filter(status=Post.Status.PUBLISHED).exists(),
        })
    if post.status == Post.Status.PENDING and viewer.group.holds_everything:
        messages.info(request, _("Thank you. Your post is waiting for a moderator: in this group a moderator reads "
                                 "every post before it appears."))
    elif post.status == Post.Status.PENDING:
        messages.info(request, _("Thank you. New members' first posts are read by a facilitator before they appear."))
    elif post.status == Post.Status.SCHEDULED:
        messages.info(request, _("Your post will appear at %(t)s. You can cancel it until then.")
                      % {"t": timezone.localtime(post.publish_at).strftime("%H:%M")})
    url = reverse("forum:thread", kwargs={"slug": viewer.group.slug, "thread_id": post.thread_id})
    return redirect(f"{url}?page=last#post-{post.pk}")


def _with_post_form(request, template: str, viewer, errors: dict, values: dict, **context):
    """A forum page with the form for a new post: 400 when the form was refused."""
    return render(request, template, {
        "group": viewer.group, "viewer": viewer, **context, "errors": errors, "values": values,
        "hold_choices": _hold_choices(), "required_tags": list(viewer.group.required_cw_tags or []),
        "allow_anonymous": viewer.group.allow_anonymous,
    }, status=400 if errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def index(request, slug: str):
    viewer = forum.access_group_forum(request.user, slug)
    errors, values = {}, {}
    if request.method == "POST":
        values = {"title": request.POST.get("title", ""), **_post_fields(request.POST)}
        try:
            sub = forum.check_create_thread(request.user, viewer, values["title"], values["body"],
                                            anonymous=values["anonymous"], cw_tags=values["cw_tags"],
                                            hold_minutes=values["hold_minutes"], request=request)
        except REFUSALS as exc:
            errors = form_errors(exc)
        else:
            return _after_submit(request, viewer, sub)
    return _with_post_form(request, "community/forum/index.html", viewer, errors, values,
                           listing=forum.thread_list(viewer, _page(request)))


@login_required
@require_http_methods(["GET", "POST"])
def thread(request, slug: str, thread_id: int):
    group_viewer = forum.access_group_forum(request.user, slug)
    thread_obj, viewer = forum.access_thread_by_id(request.user, thread_id, group=group_viewer.group)
    errors, values = {}, {}
    if request.method == "POST":
        values = _post_fields(request.POST)
        try:
            sub = forum.check_reply(request.user, thread_obj, viewer, values["body"], anonymous=values["anonymous"],
                                    cw_tags=values["cw_tags"], hold_minutes=values["hold_minutes"], request=request)
        except REFUSALS as exc:
            errors = form_errors(exc)
        else:
            return _after_submit(request, viewer, sub)
    return _with_post_form(request, "community/forum/thread.html", viewer, errors, values,
                           page=forum.thread_page(viewer, thread_obj, _page(request)))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug: str, post_id: int):
    group_viewer = forum.access_group_forum(request.user, slug)
    post, viewer = forum.access_post_by_id(request.user, post_id, group=group_viewer.group)
    if post.author_id != request.user.pk:
        raise Http404
    errors = {}
    values = {"body": post.body, "cw_tags": ", ".join(post.cw_tags)}
    if request.method == "POST":
        values = {"body": request.POST.get("body", ""), "cw_tags": request.POST.get("cw_tags", "")}
        try:
            sub = forum.check_edit_post(request.user, post, viewer, values["body"],
                                        cw_tags=[t for t in values["cw_tags"].split(",") if t.strip()],
                                        request=request)
        except REFUSALS as exc:
            errors = form_errors(exc)
        else:
            if sub.route is not None and not sub.route.publish:
                return _after_submit(request, viewer, sub)
            messages.success(request, _("Your post was updated."))
            url = reverse("forum:thread", kwargs={"slug": slug, "thread_id": post.thread_id})
            return redirect(f"{url}#post-{post.pk}")
    return render(request, "community/forum/edit.html", {
        "group": viewer.group, "post": post, "values": values, "errors": errors,
    }, status=400 if errors else 200)


def _back_to(slug: str, post) -> str:
    return reverse("forum:thread", kwargs={"slug": slug, "thread_id": post.thread_id}) + f"#post-{post.pk}"


@login_required
@require_POST
def cancel(request, slug: str, post_id: int):
    group_viewer = forum.access_group_forum(request.user, slug)
    post, _viewer = forum.access_post_by_id(request.user, post_id, group=group_viewer.group)
    try:
        was = post.status
        forum.do_cancel_post(request.user, post, request=request)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(_back_to(slug, post))
    messages.success(request, _("Your post was cancelled before it appeared.") if was == Post.Status.SCHEDULED
                     else _("Your post was withdrawn."))
    if post.thread.posts.filter(status=Post.Status.PUBLISHED).exists():
        return redirect(reverse("forum:thread", kwargs={"slug": slug, "thread_id": post.thread_id}))
    return redirect("forum:index", slug=slug)


@login_required
@require_POST
def react(request, slug: str, post_id: int):
    group_viewer = forum.access_group_forum(request.user, slug)
    post, viewer = forum.access_post_by_id(request.user, post_id, group=group_viewer.group)
    run_for_page(request, lambda: forum.check_toggle_reaction(request.user, post, viewer, request.POST.get("kind", "")))
    return redirect(_back_to(slug, post))


@login_required
@require_POST
def report(request, slug: str, post_id: int):
    group_viewer = forum.access_group_forum(request.user, slug)
    post, viewer = forum.access_post_by_id(request.user, post_id, group=group_viewer.group)
    run_for_page(request, lambda: forum.check_report(request.user, post, viewer, request.POST.get("reason", ""),
                                                     request=request),
                 _("Thank you. The moderators will look at this post."))
    return redirect(_back_to(slug, post))


@login_required
def search(request, slug: str):
    viewer = forum.access_group_forum(request.user, slug)
    query = request.GET.get("q", "")[:200]
    return render(request, "community/forum/search.html", {
        "group": viewer.group, "query": query, "results": forum.search(viewer, query) if query.strip() else None,
        "window": forum.SEARCH_WINDOW,
    })


@login_required
@require_POST
def content_warnings(request, slug: str):
    viewer = forum.access_group_forum(request.user, slug)
    run_for_page(request, lambda: forum.check_set_hidden_tags(request.user, viewer, request.POST.get("hidden", "")),
                 _("Your content-warning choices were saved."))
    return redirect("forum:index", slug=slug)


# ---------------------------------------------------------------------------------------------
# Moderation pages


# Under a moderation page's login and method decorators: 404 without the role, the two-factor
# page until one is proved in this session.
moderators_only = staff_page_required(moderation.can_moderate_anything)


@login_required
@moderators_only
def queue(request):
    group = None
    if request.GET.get("group"):
        from .. import actions

        group = actions.access_group_by_slug(request.user, request.GET["group"])
    from .. import chat_moderation, youth

    groups = moderation.moderated_groups(request.user)
    if group is not None:
        groups = groups.filter(pk=group.pk)
    youth_items = youth.queue(request.user, groups)
    # What the youth section lists is not listed again below it.
    listed = {(i["kind"], i["id"]) for i in youth_items}
    return render(request, "community/forum/moderation_queue.html", {
        "youth_on": youth.on(), "youth_items": youth_items,
        "safeguarding_contact": youth.safeguarding_contact(),
        "items": [i for i in moderation.queue(request.user, group) if ("post", i["post_id"]) not in listed],
        "group": group,
        "chat_items": [m for m in chat_moderation.queue(request.user, group) if ("chat", m["message_id"]) not in listed],
        "mute_choices": _mute_choices(),
    })


def _mute_choices():
    return [(60, _("1 hour")), (1440, _("1 day")), (10080, _("7 days")), (43200, _("30 days"))]


@login_required
@require_POST
@moderators_only
def chat_item(request, message_id: int):
    """One action on a chat message from the queue page; back to the queue with the outcome."""
    from .. import chat_moderation

    message = chat_moderation.access_chat_message_for_moderation(request.user, message_id)
    run_for_page(request, lambda: chat_moderation.check_moderate_chat(
        request.user, message, request.POST.get("action", ""), reason=request.POST.get("reason", ""),
        minutes=request.POST.get("minutes"), request=request), _("Done."))
    return redirect(f"{reverse('moderation:queue')}#chat")


@login_required
@require_http_methods(["GET", "POST"])
@moderators_only
def item(request, post_id: int):
    post = moderation.access_post_for_moderation(request.user, post_id)
    errors = {}
    if request.method == "POST":
        try:
            moderation.check_moderate(request.user, post, request.POST.get("action", ""),
                                      reason=request.POST.get("reason", ""), minutes=request.POST.get("minutes"),
                                      label=request.POST.get("label") or None, level=request.POST.get("level") or None,
                                      request=request)
        except REFUSALS as exc:
            errors = form_errors(exc)
        else:
            messages.success(request, _("Done."))
            return redirect("moderation:item", post_id=post.pk)
    return _item_page(request, post, errors)


@login_required
@require_POST
@moderators_only
def reveal(request, post_id: int):
    post = moderation.access_post_for_moderation(request.user, post_id)
    errors, revealed = {}, None
    try:
        revealed = moderation.check_reveal(request.user, post, request.POST.get("reason", ""), request=request)
    except REFUSALS as exc:
        errors = form_errors(exc)
    # Shown once, on this response only: the name is not kept in the session or the page's URL.
    return _item_page(request, post, errors, revealed)


def _item_page(request, post, errors: dict, revealed=None):
    """One post's moderation page: 400 when the action on it was refused."""
    return render(request, "community/forum/moderation_item.html", {
        "it": moderation.item_detail(request.user, post), "errors": errors, "revealed": revealed,
        "mute_choices": _mute_choices(),
    }, status=400 if errors else 200)
