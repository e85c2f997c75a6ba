"""Moderation of forum posts: the queue, the actions on an item or its author, and the reveal action.

Who moderates: site moderators and administrators everywhere; a group's facilitators in their group.
Everything here needs a proven second factor (the views and API check it), because it shows what
people wrote that others cannot see. Two things are for site moderators only:

- held crisis posts (screening level high or imminent): the safety team already has an alert, and
  peers should not be the ones deciding on them;
- revealing who wrote an anonymous post: a separate action that needs a written reason and leaves
  a ModerationAction and an audit record. Nothing else in the queue, the history or the API shows
  an anonymous author, and member actions (warn, mute, remove) work on the post without naming them.

Every action writes a ModerationAction (the item's visible history) and an audit event (identifiers
only). A moderator's decision on a post that screening flagged or held labels that ScreenedItem
through ``check_review_item``, so it becomes a training example for the safety layer.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearthside.core import audit

from .forum import actions as forum
from .models import Group, Membership, ModerationAction, Post, PostRevision, Report

ACTIONS = ("approve", "hide", "restore", "warn", "mute", "remove", "escalate")
CRISIS_LEVELS = ("high", "imminent")
MUTE_MINUTES = {"60": 60, "1440": 24 * 60, "10080": 7 * 24 * 60, "43200": 30 * 24 * 60}
MUTE_MAX_MINUTES = 30 * 24 * 60
MIN_REVEAL_REASON = 10
QUEUE_LIMIT = 100


def is_site_moderator(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role("moderator", "administrator"))


def moderated_groups(user):
    from . import youth

    if is_site_moderator(user):
        return Group.objects.all()
    return youth.visible_groups(user, Group.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE,
        memberships__role=Membership.Role.FACILITATOR))


def can_moderate_anything(user) -> bool:
    return bool(user is not None and user.is_authenticated and (is_site_moderator(user)
                                                                 or moderated_groups(user).exists()))


def _screened_items(post_ids):
    from hearthside.safety.models import ScreenedItem

    items: dict[int, ScreenedItem] = {}
    rows = ScreenedItem.objects.filter(source=forum.SOURCE, source_id__in=[str(i) for i in post_ids])
    for item in rows.order_by("created_at"):
        items[int(item.source_id)] = item  # the newest screening of a post wins (edits re-screen)
    return items


def _is_crisis(item) -> bool:
    return item is not None and item.level in CRISIS_LEVELS


def access_post_for_moderation(user, post_id) -> Post:
    """A post in a group the user moderates, or 404 alike for everything else."""
    if user is None or not user.is_authenticated:
        raise Http404
    post = Post.objects.select_related("thread__group", "author").filter(pk=forum._id(post_id)).first()
    if post is None or not forum.is_moderator_of(user, post.thread.group):
        raise Http404
    if not is_site_moderator(user) and _is_crisis(_screened_items([post.pk]).get(post.pk)):
        raise Http404
    return post


# ---------------------------------------------------------------------------------------------
# The queue


def _history_rows(actions) -> list[dict]:
    # The member an action targeted is never named here: for an anonymous post that would reveal them.
    return [{"action": a.action, "moderator": a.moderator.pseudonym if a.moderator else _("former moderator"),
             "reason": a.reason, "at": a.at} for a in actions]


def item_dict(post: Post, *, reports, screened, history, context=None, revisions=None, viewer_user=None) -> dict:
    from hearthside.selfcare.library import render

    return {
        "post_id": post.pk,
        "group": post.thread.group.slug,
        "group_name": post.thread.group.name,
        "thread_id": post.thread_id,
        "thread_title": post.thread.title,
        "author": forum.anonymous_label() if post.anonymous else (post.author.pseudonym if post.author else
                                                                   _("former member")),
        "anonymous": post.anonymous,
        "status": post.status,
        "body": post.body,
        "html": render(post.body),
        "cw_tags": list(post.cw_tags),
        "created_at": post.created_at,
        "edited": post.edited_at is not None,
        "reports": [{"id": r.pk, "reason": r.reason, "at": r.created_at, "status": r.status} for r in reports],
        "screening": ({"level": screened.level, "score": screened.score, "reasons": screened.reasons,
                       "status": screened.status, "label": screened.label} if screened is not None else None),
        "abuse": ({k: post.abuse_check.get(k) for k in ("label", "score", "reasons")}
                  if post.abuse_check else None),
        "history": _history_rows(history),
        "context": context or [],
        "revisions": revisions if revisions is not None else None,
        "can_reveal": bool(post.anonymous and is_site_moderator(viewer_user)),
    }


def queue(user, group: Group | None = None, limit: int = QUEUE_LIMIT) -> list[dict]:
    """Reported posts, posts waiting for approval, posts held by screening or by the abuse detector
    or flagged by screening; oldest first."""
    from hearthside.safety.models import ScreenedItem

    groups = moderated_groups(user)
    if group is not None:
        if not forum.is_moderator_of(user, group):
            raise Http404
        groups = Group.objects.filter(pk=group.pk)
    flagged = [int(i) for i in ScreenedItem.objects.filter(source=forum.SOURCE, label="", status__in=["flagged", "held"])
               .values_list("source_id", flat=True)[:1000] if str(i).isdigit()]
    open_reports = Report.objects.filter(status=Report.Status.OPEN, post__isnull=False).values("post_id")
    posts = list(Post.objects.filter(thread__group__in=groups)
                 .filter(Q(status__in=[Post.Status.PENDING, Post.Status.HELD]) | Q(pk__in=open_reports)
                         | Q(pk__in=flagged, status=Post.Status.PUBLISHED))
                 .select_related("thread__group", "author").order_by("created_at", "pk")[:limit])
    ids = [p.pk for p in posts]
    screened = _screened_items(ids)
    if not is_site_moderator(user):
        posts = [p for p in posts if not _is_crisis(screened.get(p.pk))]
        ids = [p.pk for p in posts]
    reports: dict[int, list] = {}
    for r in Report.objects.filter(post_id__in=ids, status=Report.Status.OPEN).order_by("created_at"):
        reports.setdefault(r.post_id, []).append(r)
    history: dict[int, list] = {}
    for a in ModerationAction.objects.filter(post_id__in=ids).select_related("moderator").order_by("-at"):
        history.setdefault(a.post_id, []).append(a)
    contexts = _contexts(posts)
    return [item_dict(p, reports=reports.get(p.pk, []), screened=screened.get(p.pk), history=history.get(p.pk, []),
                      context=contexts.get(p.pk, []), viewer_user=user) for p in posts]


def _contexts(posts: list[Post]) -> dict[int, list[dict]]:
    """For each item: the published posts just before it in its thread (up to two), as moderators need
    to see what a post answered. One query per thread, at most QUEUE_LIMIT."""
    out: dict[int, list[dict]] = {}
    for post in posts:
        before = list(Post.objects.filter(thread_id=post.thread_id, status=Post.Status.PUBLISHED)
                      .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
                      .select_related("author").order_by("-created_at", "-pk")[:2])[::-1]
        out[post.pk] = [{"author": forum.anonymous_label() if p.anonymous else (p.author.pseudonym if p.author
                                                                                 else _("former member")),
                         "body": p.body, "created_at": p.created_at} for p in before]
    return out


def item_detail(user, post: Post) -> dict:
    """One item with its edit history (moderators only) and full moderation history."""
    screened = _screened_items([post.pk]).get(post.pk)
    revisions = [{"body": r.body, "replaced_at": r.replaced_at}
                 for r in PostRevision.objects.filter(post=post).order_by("replaced_at", "pk")]
    return item_dict(post, reports=list(post.reports.filter(status=Report.Status.OPEN).order_by("created_at")),
                     screened=screened,
                     history=list(ModerationAction.objects.filter(post=post).select_related("moderator").order_by("-at")),
                     context=_contexts([post])[post.pk], revisions=revisions, viewer_user=user)


def revisions_for(user, post: Post) -> list[dict]:
    if not forum.is_moderator_of(user, post.thread.group):
        raise Http404
    return [{"body": r.body, "replaced_at": r.replaced_at}
            for r in PostRevision.objects.filter(post=post).order_by("replaced_at", "pk")]


# ---------------------------------------------------------------------------------------------
# Actions


def _record(moderator, post: Post, action: str, *, reason: str = "", member_id=None, request=None,
            detail=None) -> ModerationAction:
    entry = ModerationAction.objects.create(moderator=moderator, group=post.thread.group, action=action, post=post,
                                            member_id=member_id, reason=reason[:500])
    audit.record(f"community.moderation.{action}", actor=moderator, request=request, obj=post,
                 subject=post.author_id, detail={"group": post.thread.group_id, "moderation_action": entry.pk,
                                                 **(detail or {})}, seal_subject=post.anonymous)
    return entry


def _close_reports(post: Post) -> None:
    Report.objects.filter(post=post, status=Report.Status.OPEN).update(status=Report.Status.HANDLED)


def _review_screening(moderator, post: Post, release: bool, label: str | None, request=None) -> None:
    """Feed the decision back to the safety layer when screening flagged or held the post."""
    from hearthside.safety.actions import check_review_item
    from hearthside.safety.models import ScreenedItem

    item = _screened_items([post.pk]).get(post.pk)
    if item is None:
        return
    if label is None:
        if item.label:
            label = item.label
        elif release:
            # Releasing what screening held (or keeping up what it flagged) says screening was wrong.
            label = ScreenedItem.Label.FALSE_ALARM
        else:
            label = ScreenedItem.Label.TRUE_CONCERN
    check_review_item(moderator, item, label, release, request=request)


def record_abuse_decision(item, abusive: bool) -> None:
    """A moderator's approve / hide of something the abuse detector held is a labelled example
    (``hearthside safety export-labels --kind abuse``). ``item``: a Post or a ChatMessage."""
    if not item.abuse_check:
        return
    item.abuse_check = {**item.abuse_check, "moderator_decision": "abusive" if abusive else "not_abusive"}
    item.save(update_fields=["abuse_check"])


def abuse_labelled_examples():
    """(text, 1 abusive / 0 not) from moderators' decisions on what the abuse detector held."""
    # abuse_check is encrypted, so the database cannot search it: start from the decisions.
    seen: set[tuple[str, int]] = set()
    rows = (ModerationAction.objects.filter(action__in=("approve", "hide"))
            .select_related("post", "chat_message").order_by("-at", "-pk"))
    for entry in rows.iterator():
        item = entry.post or entry.chat_message
        key = ("post" if entry.post_id else "chat", item.pk if item is not None else 0)
        if item is None or key in seen or not (item.abuse_check or {}).get("moderator_decision"):
            continue
        seen.add(key)
        yield item.body, 1 if item.abuse_check["moderator_decision"] == "abusive" else 0


def _anonymous_author_guard(moderator, post, reason: str, request=None, *, record=None) -> None:
    """Muting or removing the author of an anonymous post shows who they are (they vanish from the
    member list, their posts stop): only a site moderator may do it, and it counts as a reveal --
    with the reason, on the record (issue #17: a facilitator's removal revealed the author with
    neither). Warning them reveals nothing and stays open to facilitators."""
    if not post.anonymous:
        return
    if not is_site_moderator(moderator):
        raise ValidationError(_("This post is anonymous: acting on its author would reveal them. Hide the post, or "
                                "escalate it so a site moderator can decide."))
    if len(reason) < MIN_REVEAL_REASON:
        raise ValidationError({"reason": [ngettext(
            "Acting on an anonymous author reveals them: give the reason (at least %(n)s character).",
            "Acting on an anonymous author reveals them: give the reason (at least %(n)s characters).",
            MIN_REVEAL_REASON) % {"n": MIN_REVEAL_REASON}]})
    (record or _record)(moderator, post, "reveal", reason=reason, member_id=post.author_id, request=request)


def _author_membership(post: Post) -> Membership:
    membership = Membership.objects.filter(group=post.thread.group, user_id=post.author_id).first()
    if post.author_id is None or membership is None:
        raise ValidationError(_("The author of this post is no longer a member."))
    return membership


def _clean_reason(reason, *, required: bool = False, minimum: int = 1) -> str:
    if reason is not None and not isinstance(reason, str):
        raise ValidationError({"reason": [_("Must be text.")]})
    reason = (reason or "").replace("\x00", "").strip()
    if len(reason) > 500:
        raise ValidationError({"reason": [_("Keep the reason under 500 characters.")]})
    if required and len(reason) < minimum:
        raise ValidationError({"reason": [ngettext(
            "Give a reason of at least %(n)s character.",
            "Give a reason of at least %(n)s characters.", minimum) % {"n": minimum}]})
    return reason


def _notify(user_id: int, text, url: str = "") -> None:
    """An in-app notification; ``text`` is a function that writes it, called in the recipient's
    language (the moderator's may differ)."""
    from hearthside.core.i18n import in_language_of
    from hearthside.selfcare.models import Notification

    with in_language_of(user_id):
        body = text()
    Notification.objects.create(user_id=user_id, text=body[:300], url=url[:200])


def check_moderate(moderator, post: Post, action: str, *, reason: str = "", minutes=None, label: str | None = None,
                   level: str | None = None, request=None) -> ModerationAction:
    """Apply one moderation action to a post (or to its author, for warn, mute and remove)."""
    if action not in ACTIONS:
        raise ValidationError({"action": [_("Choose one of: %(a)s.") % {"a": ", ".join(ACTIONS)}]})
    if label not in (None, "", "true_concern", "false_alarm"):
        raise ValidationError({"label": [_("Choose true concern or false alarm.")]})
    label = label or None
    reason = _clean_reason(reason, required=action in ("warn", "remove", "escalate"), minimum=3)
    handler = globals()[f"_do_{action}"]
    with transaction.atomic():
        post = Post.objects.select_for_update(of=("self",)).select_related("thread__group", "author").get(pk=post.pk)
        return handler(moderator, post, reason=reason, minutes=minutes, label=label, level=level, request=request)


def _do_approve(moderator, post, *, reason, label, request, **_kw):
    if post.status not in (Post.Status.PENDING, Post.Status.HELD, Post.Status.PUBLISHED):
        raise ValidationError(_("Only waiting, held or reported posts can be approved."))
    now = timezone.now()
    was = post.status
    if was != Post.Status.PUBLISHED:
        forum._publish(post, now)
    _close_reports(post)
    _review_screening(moderator, post, True, label, request=request)
    record_abuse_decision(post, abusive=False)
    return _record(moderator, post, "approve", reason=reason, request=request, detail={"was": was})


def _do_hide(moderator, post, *, reason, label, request, **_kw):
    was = post.status
    post.status = Post.Status.HIDDEN
    post.publish_at = None
    post.save(update_fields=["status", "publish_at"])
    if post.thread.group.holds_everything and post.author_id and (
            was == Post.Status.PENDING or (was == Post.Status.HELD and post.abuse_check)):
        from .youth import notify_rejected

        notify_rejected(post.author_id, post.thread.group, "post")
    if was == Post.Status.PUBLISHED:
        forum.announce_changed(post)
    _close_reports(post)
    _review_screening(moderator, post, False, label, request=request)
    record_abuse_decision(post, abusive=True)
    return _record(moderator, post, "hide", reason=reason, request=request, detail={"was": was})


def _do_restore(moderator, post, *, reason, label, request, **_kw):
    if post.status != Post.Status.HIDDEN:
        raise ValidationError(_("Only hidden posts can be restored."))
    forum._publish(post, timezone.now())
    _review_screening(moderator, post, True, label, request=request)
    return _record(moderator, post, "restore", reason=reason, request=request)


def _do_warn(moderator, post, *, reason, request, **_kw):
    membership = _author_membership(post)
    _notify(membership.user_id, lambda: _("A moderator of %(g)s wrote to you about one of your posts: %(r)s")
            % {"g": post.thread.group.name, "r": reason})
    return _record(moderator, post, "warn", reason=reason, member_id=membership.user_id, request=request)


def mute_membership(membership, minutes) -> tuple[int, object]:
    """Pause a member's messages and posts in their group (default a day, at most 30 days).
    Returns (minutes, until); a bad period is a form error and changes nothing."""
    try:
        minutes = int(minutes if minutes not in (None, "") else 24 * 60)
    except (TypeError, ValueError):
        minutes = 0
    if not 1 <= minutes <= MUTE_MAX_MINUTES:
        raise ValidationError({"minutes": [_("Mute for 1 minute to 30 days.")]})
    until = timezone.now() + timedelta(minutes=minutes)
    membership.muted_until = until
    membership.save(update_fields=["muted_until"])
    return minutes, until


def _do_mute(moderator, post, *, reason, minutes, request, **_kw):
    _anonymous_author_guard(moderator, post, reason, request=request)
    membership = _author_membership(post)
    minutes, until = mute_membership(membership, minutes)
    _notify(membership.user_id, lambda: _("A moderator paused your posts in %(g)s until %(t)s.")
            % {"g": post.thread.group.name, "t": timezone.localtime(until).strftime("%Y-%m-%d %H:%M")})
    return _record(moderator, post, "mute", reason=reason, member_id=membership.user_id, request=request,
                   detail={"minutes": minutes})


def _do_remove(moderator, post, *, reason, request, **_kw):
    from . import actions

    _anonymous_author_guard(moderator, post, reason, request=request)
    membership = _author_membership(post)
    if membership.user_id == moderator.pk:
        raise ValidationError(_("You cannot remove yourself."))
    actions.do_leave(membership.user, post.thread.group, status=Membership.Status.REMOVED, by=moderator,
                     request=request)
    _close_reports(post)
    return _record(moderator, post, "remove", reason=reason, member_id=membership.user_id, request=request)


def _do_escalate(moderator, post, *, reason, level, request, **_kw):
    from hearthside.safety.actions import raise_alert

    level = level or "high"
    if level not in ("moderate", "high", "imminent"):
        raise ValidationError({"level": [_("Choose moderate, high or imminent.")]})
    if post.author_id is None:
        raise ValidationError(_("The author of this post no longer has an account."))
    item = _screened_items([post.pk]).get(post.pk)
    alert = raise_alert(post.author, source=forum.SOURCE, source_id=str(post.pk), level=level, item=item,
                        reasons=[{"construct": "moderator_escalation", "label": "Escalated by a community moderator"}])
    return _record(moderator, post, "escalate", reason=reason, request=request,
                   detail={"alert": alert.pk, "level": level})


def check_reveal(moderator, post: Post, reason, request=None) -> str:
    """Who wrote an anonymous post. Site moderators only; needs a reason; always recorded."""
    if not is_site_moderator(moderator):
        raise PermissionDenied(_("Only site moderators can reveal an anonymous author."))
    if not post.anonymous:
        raise ValidationError(_("This post is not anonymous."))
    reason = _clean_reason(reason, required=True, minimum=MIN_REVEAL_REASON)
    with transaction.atomic():
        _record(moderator, post, "reveal", reason=reason, member_id=post.author_id, request=request)
    return post.author.pseudonym if post.author else _("former member")
