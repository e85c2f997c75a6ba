"""Forum actions: threads, replies, edits, reactions, reports, "hold my post", search and unread markers.

Who sees what (one rule, applied by ``visible_posts``):

- everyone in the group sees published posts;
- an author also sees their own scheduled, pending (first posts), held and hidden posts, marked as such;
- a group moderator (site moderator or the group's facilitator) also sees hidden posts, to restore them;
  held and pending posts reach moderators through the moderation queue, never the thread page.

Posts of people the viewer muted or blocked, or who blocked the viewer, are left out (not anonymous ones).

A thread is visible when it has a post the viewer may see, so a thread whose opening post was held
by screening exists for its author alone.

Content warnings: a post carries up to five tags (lower-case, letters, digits, spaces and hyphens).
When a group lists ``required_cw_tags``, the opening post of every thread must carry at least one
of them and every post may carry only those tags (so readers can rely on the group's vocabulary
when they choose what to hide). Elsewhere tags are optional and free. Readers hide tags per group
(``Membership.hidden_cw_tags``); a post with a hidden tag is shown folded, never dropped.

Anonymous posts keep their author in the database (for moderation and erasure) but every page and
API response shows "anonymous member"; only a site moderator's reveal action, with a reason and an
audit record, shows who wrote one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hearthside.core import audit
from hearthside.core.access import id_or_404

from ..models import Group, Membership, Post, PostRevision, Reaction, Report, Thread, ThreadRead

MAX_TITLE = 200
MAX_BODY = 20_000
MAX_TAGS = 5
MAX_REASON = 500
HOLD_MAX_MINUTES = 15
THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 20
# Search decrypts in Python (bodies are encrypted at rest, so the database cannot match them);
# it looks at this many of the group's newest posts and no further.
SEARCH_WINDOW = 500
SEARCH_RESULTS = 50
SOURCE = "community.post"

_TAG_RE = re.compile(r"^[a-z0-9][a-z0-9 -]{0,29}$")

OWN_VISIBLE = (Post.Status.PUBLISHED, Post.Status.SCHEDULED, Post.Status.PENDING, Post.Status.HELD,
               Post.Status.HIDDEN)


def anonymous_label() -> str:
    return _("anonymous member")


_id = id_or_404


# ---------------------------------------------------------------------------------------------
# Access


def _community():
    # The membership helpers live in community.actions (written alongside this module).
    from .. import actions

    return actions


def is_moderator_of(user, group: Group) -> bool:
    return _community().is_group_moderator(user, group)


@dataclass
class Viewer:
    """The person looking, resolved once per request: their membership and moderator status."""

    user: object
    group: Group
    membership: Membership | None
    moderator: bool
    hidden_tags: list = field(default_factory=list)

    @property
    def can_post(self) -> bool:
        return self.membership is not None


def viewer_for(user, group: Group) -> Viewer:
    """A member or a moderator of the group, or 404 (the group's forum does not exist for others)."""
    membership = _community().require_member(user, group)
    moderator = is_moderator_of(user, group)
    return Viewer(user, group, membership, moderator, list(membership.hidden_cw_tags) if membership else [])


def visible_posts(viewer: Viewer) -> Q:
    q = Q(status=Post.Status.PUBLISHED) | Q(author=viewer.user, status__in=OWN_VISIBLE)
    if viewer.moderator:
        q |= Q(status=Post.Status.HIDDEN)
    # People the viewer muted or blocked, and people who blocked the viewer, disappear (their
    # anonymous posts stay: hiding those would tell who wrote them). A subquery, not a round trip.
    return q & ~_community().hidden_authors_q(viewer.user)


def visible_threads(viewer: Viewer):
    posts = Post.objects.filter(visible_posts(viewer), thread=OuterRef("pk"))
    return Thread.objects.filter(group=viewer.group).filter(Exists(posts))


def access_group_forum(user, slug: str) -> Viewer:
    return viewer_for(user, _community().access_group_by_slug(user, slug))


def access_thread_by_id(user, thread_id, group: Group | None = None) -> tuple[Thread, Viewer]:
    """The thread and the viewer, or 404 alike for "no such thread", "not a member" and "not visible"."""
    if user is None or not user.is_authenticated:
        raise Http404
    thread = Thread.objects.select_related("group").filter(pk=_id(thread_id)).first()
    if thread is None or (group is not None and thread.group_id != group.pk):
        raise Http404
    viewer = viewer_for(user, thread.group)
    if not Post.objects.filter(visible_posts(viewer), thread=thread).exists():
        raise Http404
    return thread, viewer


def access_post_by_id(user, post_id, group: Group | None = None) -> tuple[Post, Viewer]:
    if user is None or not user.is_authenticated:
        raise Http404
    post = Post.objects.select_related("thread__group", "author").filter(pk=_id(post_id)).first()
    if post is None or (group is not None and post.thread.group_id != group.pk):
        raise Http404
    viewer = viewer_for(user, post.thread.group)
    if not Post.objects.filter(visible_posts(viewer), pk=post.pk).exists():
        raise Http404
    return post, viewer


# ---------------------------------------------------------------------------------------------
# Cleaning


def _clean_text(value, name: str, limit: int, *, required: bool = True) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError({name: [_("Must be text.")]})
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise ValidationError({name: [_("Write something first.")]})
    if len(value) > limit:
        raise ValidationError({name: [ngettext("Keep this under %(n)s character.",
                                               "Keep this under %(n)s characters.", limit) % {"n": limit}]})
    return value


def clean_tags(group: Group, tags, *, opening: bool) -> list[str]:
    if tags is None:
        tags = []
    if isinstance(tags, str):
        tags = [t for t in tags.split(",")]
    if not isinstance(tags, list | tuple) or not all(isinstance(t, str) for t in tags):
        raise ValidationError({"cw_tags": [_("Send a list of short tags.")]})
    cleaned: list[str] = []
    for tag in tags:
        tag = " ".join(tag.replace("\x00", "").lower().split())
        if not tag or tag in cleaned:
            continue
        if not _TAG_RE.match(tag):
            raise ValidationError({"cw_tags": [_("Tags use up to 30 letters, digits, spaces or hyphens.")]})
        cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ValidationError({"cw_tags": [ngettext(
            "Up to %(n)s content warning.", "Up to %(n)s content warnings.", MAX_TAGS) % {"n": MAX_TAGS}]})
    required = [str(t).lower() for t in (group.required_cw_tags or [])]
    if required:
        unknown = [t for t in cleaned if t not in required]
        if unknown:
            raise ValidationError({"cw_tags": [_("This group uses these content warnings: %(tags)s.")
                                               % {"tags": ", ".join(required)}]})
        if opening and not cleaned:
            raise ValidationError({"cw_tags": [_("Choose at least one content warning for a new thread: %(tags)s.")
                                               % {"tags": ", ".join(required)}]})
    return cleaned


def _clean_hold(minutes) -> int:
    if minutes in (None, "", 0, "0"):
        return 0
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        minutes = -1
    if not 1 <= minutes <= HOLD_MAX_MINUTES:
        raise ValidationError({"hold_minutes": [ngettext(
            "Hold a post for 1 to %(n)s minute.",
            "Hold a post for 1 to %(n)s minutes.", HOLD_MAX_MINUTES) % {"n": HOLD_MAX_MINUTES}]})
    return minutes


def _check_may_post(viewer: Viewer, now) -> Membership:
    membership = viewer.membership
    if membership is None:
        raise PermissionDenied(_("Join the group to post in it."))
    if membership.muted_until and membership.muted_until > now:
        raise PermissionDenied(_("A moderator has paused your posts in this group until %(t)s.")
                               % {"t": timezone.localtime(membership.muted_until).strftime("%Y-%m-%d %H:%M")})
    slow = viewer.group.slow_mode_seconds
    if slow and not viewer.moderator:
        last = (Post.objects.filter(thread__group=viewer.group, author=viewer.user)
                .exclude(status=Post.Status.CANCELLED).order_by("-created_at")
                .values_list("created_at", flat=True).first())
        if last is not None and last > now - timedelta(seconds=slow):
            wait = int((last + timedelta(seconds=slow) - now).total_seconds()) + 1
            raise PermissionDenied(ngettext(
                "This group is in slow mode: you can post again in %(n)s second.",
                "This group is in slow mode: you can post again in %(n)s seconds.", wait) % {"n": wait})
    return membership


# ---------------------------------------------------------------------------------------------
# Writing


@dataclass
class Submitted:
    post: Post
    route: object  # hearthside.safety.actions.RouteResult

    @property
    def show_help(self) -> bool:
        return bool(self.route is not None and self.route.show_help)

    @property
    def thread(self) -> Thread:
        return self.post.thread

    @property
    def held_for_review(self) -> bool:
        """Held because the abuse detector found it may hurt someone (not because of crisis)."""
        return bool(self.post.abuse_check) and self.post.status == Post.Status.HELD


def _needs_approval(viewer: Viewer, membership: Membership) -> bool:
    group = viewer.group
    if group.holds_everything and not viewer.moderator:
        return True  # youth mode: every post in an under-18 group waits for a moderator
    return bool(group.hold_first_posts and not viewer.moderator and membership.approved_posts < group.first_posts_held)


# ---------------------------------------------------------------------------------------------
# Live updates: small frames on the group's fan-out topic, sent after commit.
#
# A frame says only that something changed and where (group, thread, post ids): never an author,
# a title or a body. Pages that receive one ask the ordinary API for the post, which applies the
# usual rules (membership, blocks and mutes, anonymity, held content) before showing anything.
# Every path that makes a post public goes through ``_publish``, so held, pending and scheduled
# posts send nothing until the moment they appear.


def _send_frame(post: Post, kind: str, key: str) -> None:
    from hearthside.core.events import publish_on_commit

    group = post.thread.group
    publish_on_commit(_community().group_topic(group.pk),
                            {"type": kind, "group": group.slug, "thread": post.thread_id, key: post.pk})


def announce_published(post: Post) -> None:
    """``forum.thread`` when this post opens the thread to others (no other published post yet),
    ``forum.reply`` otherwise."""
    opens = not Post.objects.filter(thread_id=post.thread_id, status=Post.Status.PUBLISHED).exclude(
        pk=post.pk).exists()
    if opens:
        _send_frame(post, "forum.thread", "post")
    else:
        _send_frame(post, "forum.reply", "reply")


def announce_changed(post: Post) -> None:
    """A published post stopped being public (hidden, withdrawn, held after an edit)."""
    _send_frame(post, "forum.changed", "post")


def _publish(post: Post, now) -> None:
    """Make a post public; the caller holds the transaction. Counts towards the author's approved posts."""
    post.status = Post.Status.PUBLISHED
    post.publish_at = None
    post.save(update_fields=["status", "publish_at", "created_at"])
    Thread.objects.filter(pk=post.thread_id, last_post_at__lt=now).update(last_post_at=now)
    if post.author_id:
        Membership.objects.filter(group_id=post.thread.group_id, user_id=post.author_id).update(
            approved_posts=F("approved_posts") + 1)
    announce_published(post)


def _screen(user, post: Post, text: str):
    from hearthside.safety.actions import screen_and_route

    return screen_and_route(user, text, SOURCE, source_id=post.pk, context="forum")


def _submit(viewer: Viewer, thread: Thread, body: str, *, anonymous: bool, cw_tags: list[str], hold_minutes: int,
            screen_text: str, now) -> Submitted:
    membership = _check_may_post(viewer, now)
    if anonymous and not viewer.group.allow_anonymous:
        raise ValidationError({"anonymous": [_("This group does not allow anonymous posts.")]})
    # Stored held first, so that nothing unscreened is ever visible, even if what follows fails.
    post = Post.objects.create(thread=thread, author=viewer.user, anonymous=bool(anonymous), body=body,
                               cw_tags=cw_tags, status=Post.Status.HELD, created_at=now)
    route = _screen(viewer.user, post, screen_text)
    if not route.publish:
        return Submitted(post, route)
    abuse = _community().abuse_check(screen_text)
    if abuse:
        # Insults, harassment, hate: the post stays held until a moderator approves it.
        post.abuse_check = abuse
        post.save(update_fields=["abuse_check"])
        return Submitted(post, route)
    if _needs_approval(viewer, membership):
        post.status = Post.Status.PENDING
        post.save(update_fields=["status"])
    elif hold_minutes:
        post.status = Post.Status.SCHEDULED
        post.publish_at = now + timedelta(minutes=hold_minutes)
        post.save(update_fields=["status", "publish_at"])
    else:
        _publish(post, now)
    return Submitted(post, route)


def _clean_options(group, cw_tags, hold_minutes, *, opening: bool, errors: dict):
    """A new post's content warnings and hold, checked; what is wrong goes into ``errors`` next to
    the text's own, so the form shows everything at once."""
    try:
        return clean_tags(group, cw_tags, opening=opening), _clean_hold(hold_minutes)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        return None, None


def check_create_thread(user, viewer: Viewer, title, body, *, anonymous: bool = False, cw_tags=None,
                        hold_minutes=0, request=None) -> Submitted:
    """Start a thread with its first post. Title and body are screened together before anything shows."""
    from hearthside.core import limits

    limits.check(request, "forum.thread", key="account",
                 message=_("You have started many threads in a short time. Please wait a while before starting another."))
    errors: dict = {}
    cleaned = {}
    for name, value, limit in (("title", title, MAX_TITLE), ("body", body, MAX_BODY)):
        try:
            cleaned[name] = _clean_text(value, name, limit)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    tags, minutes = _clean_options(viewer.group, cw_tags, hold_minutes, opening=True, errors=errors)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        thread = Thread.objects.create(group=viewer.group, title=cleaned["title"], created_at=now, last_post_at=now)
        submitted = _submit(viewer, thread, cleaned["body"], anonymous=anonymous, cw_tags=tags, hold_minutes=minutes,
                            screen_text=f"{cleaned['title']}\n\n{cleaned['body']}", now=now)
        # An anonymous thread's author is sealed in the log too (opened only by `audit unseal`).
        audit.record("community.thread_created", actor=user, request=request, obj=thread, subject=user,
                     detail={"group": viewer.group.pk, "post": submitted.post.pk, "status": submitted.post.status},
                     sealed=anonymous)
    return submitted


def check_reply(user, thread: Thread, viewer: Viewer, body, *, anonymous: bool = False, cw_tags=None,
                hold_minutes=0, request=None) -> Submitted:
    errors: dict = {}
    try:
        body = _clean_text(body, "body", MAX_BODY)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    tags, minutes = _clean_options(viewer.group, cw_tags, hold_minutes, opening=False, errors=errors)
    if errors:
        raise ValidationError(errors)
    if not thread.posts.filter(status=Post.Status.PUBLISHED).exists():
        raise PermissionDenied(_("This thread is not open for replies yet."))
    now = timezone.now()
    with transaction.atomic():
        submitted = _submit(viewer, thread, body, anonymous=anonymous, cw_tags=tags, hold_minutes=minutes,
                            screen_text=body, now=now)
    return submitted


EDITABLE = (Post.Status.PUBLISHED, Post.Status.SCHEDULED, Post.Status.PENDING)


def check_edit_post(user, post: Post, viewer: Viewer, body, *, cw_tags=None, request=None) -> Submitted:
    """Replace a post's text; the earlier text is kept as a revision (moderators see the history)."""
    if post.author_id != user.pk:
        raise PermissionDenied(_("You can only edit your own posts."))
    if post.status not in EDITABLE:
        raise PermissionDenied(_("This post can no longer be edited."))
    body = _clean_text(body, "body", MAX_BODY)
    opening = post.thread.posts.order_by("created_at", "pk").values_list("pk", flat=True).first() == post.pk
    tags = clean_tags(viewer.group, post.cw_tags if cw_tags is None else cw_tags, opening=opening)
    now = timezone.now()
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.status not in EDITABLE:
            raise PermissionDenied(_("This post can no longer be edited."))
        if body == post.body and tags == post.cw_tags:
            return Submitted(post, None)
        if body != post.body:
            PostRevision.objects.create(post=post, body=post.body, replaced_at=now)
        post.body = body
        post.cw_tags = tags
        post.edited_at = now
        post.save(update_fields=["body", "cw_tags", "edited_at"])
        route = _screen(user, post, body)
        abuse = _community().abuse_check(body) if route.publish else {}
        if not route.publish or abuse:
            was = post.status
            post.status = Post.Status.HELD
            post.abuse_check = abuse
            post.save(update_fields=["status", "abuse_check"])
            if was == Post.Status.PUBLISHED:
                announce_changed(post)
        elif viewer.group.holds_everything and not viewer.moderator and post.status == Post.Status.PUBLISHED:
            # Youth mode: the new words wait for a moderator like the first ones did.
            post.status = Post.Status.PENDING
            post.save(update_fields=["status"])
            announce_changed(post)
        audit.record("community.post_edited", actor=user, request=request, obj=post, subject=user,
                     detail={"status": post.status}, sealed=post.anonymous)
    return Submitted(post, route)


def do_cancel_post(user, post: Post, request=None) -> Post:
    """The author withdraws a post: a held-back ("hold my post") post never appears; a published one
    disappears. The text is wiped unless someone reported it (moderators still need to see that)."""
    if post.author_id != user.pk:
        raise PermissionDenied(_("You can only withdraw your own posts."))
    if post.status in (Post.Status.CANCELLED, Post.Status.HIDDEN, Post.Status.HELD):
        raise PermissionDenied(_("This post can no longer be withdrawn."))
    with transaction.atomic():
        was = post.status
        post.status = Post.Status.CANCELLED
        post.publish_at = None
        fields = ["status", "publish_at"]
        if not post.reports.filter(status=Report.Status.OPEN).exists():
            post.body = ""
            post.revisions.all().delete()
            fields.append("body")
            forget_opening(post)
            from hearthside.safety.actions import forget_source

            forget_source(user, SOURCE, [post.pk])
        post.save(update_fields=fields)
        if was == Post.Status.PUBLISHED:
            announce_changed(post)
        audit.record("community.post_cancelled", actor=user, request=request, obj=post, subject=user,
                     detail={"was": was}, sealed=post.anonymous)
    return post


def publish_due_posts(now=None) -> int:
    """Publish "hold my post" posts whose delay is over. Idempotent; each row is claimed under a lock,
    so a post cancelled at the last moment stays cancelled."""
    now = now or timezone.now()
    count = 0
    due = list(Post.objects.filter(status=Post.Status.SCHEDULED, publish_at__lte=now)
               .values_list("pk", flat=True)[:1000])
    for pk in due:
        with transaction.atomic():
            post = (Post.objects.select_for_update(of=("self",)).select_related("thread__group")
                    .filter(pk=pk, status=Post.Status.SCHEDULED, publish_at__lte=now).first())
            if post is None:
                continue
            # Ordered where it appears, not where it was written.
            post.created_at = now
            _publish(post, now)
            count += 1
    return count


# ---------------------------------------------------------------------------------------------
# Reactions, reports, content-warning preferences, unread markers


REACTION_KINDS = Reaction.Kind.values
# The model's choice labels are not marked for translation; these are what people see.
REACTION_LABELS = {
    Reaction.Kind.STRENGTH: gettext_lazy("sending strength"),
    Reaction.Kind.ME_TOO: gettext_lazy("me too"),
    Reaction.Kind.THANK_YOU: gettext_lazy("thank you"),
    Reaction.Kind.HUG: gettext_lazy("sending a hug"),
}


def check_toggle_reaction(user, post: Post, viewer: Viewer, kind: str) -> bool:
    """Add the reaction, or take it back if it was there. Returns whether it is now there."""
    if kind not in REACTION_KINDS:
        raise ValidationError({"kind": [_("Choose one of: %(k)s.") % {"k": ", ".join(REACTION_KINDS)}]})
    if viewer.membership is None:
        raise PermissionDenied(_("Join the group to react to posts."))
    if post.status != Post.Status.PUBLISHED:
        raise PermissionDenied(_("You can react to published posts only."))
    with transaction.atomic():
        deleted, _rows = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        if deleted:
            return False
        Reaction.objects.get_or_create(post=post, user=user, kind=kind)
    return True


def check_report(user, post: Post, viewer: Viewer, reason, request=None) -> Report:
    reason = _clean_text(reason, "reason", MAX_REASON)
    if len(reason) < 3:
        raise ValidationError({"reason": [_("Say briefly what is wrong.")]})
    if post.author_id == user.pk:
        raise PermissionDenied(_("You cannot report your own post."))
    with transaction.atomic():
        report = Report.objects.filter(post=post, reporter=user, status=Report.Status.OPEN).first()
        if report is None:
            report = Report.objects.create(post=post, reporter=user, reason=reason)
            audit.record("community.post_reported", actor=user, request=request, obj=post,
                         detail={"report": report.pk, "group": viewer.group.pk})
    return report


def check_set_hidden_tags(user, viewer: Viewer, tags) -> list[str]:
    if viewer.membership is None:
        raise PermissionDenied(_("Join the group to choose what to hide."))
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, list | tuple) or not all(isinstance(t, str) for t in tags):
        raise ValidationError({"hidden": [_("Send a list of short tags.")]})
    cleaned = []
    for tag in tags:
        tag = " ".join(tag.replace("\x00", "").lower().split())[:30]
        if tag and tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > 50:
        raise ValidationError({"hidden": [_("Up to 50 tags.")]})
    viewer.membership.hidden_cw_tags = cleaned
    viewer.membership.save(update_fields=["hidden_cw_tags"])
    viewer.hidden_tags = cleaned
    return cleaned


def do_mark_read(user, thread: Thread, now=None) -> None:
    now = now or timezone.now()
    updated = ThreadRead.objects.filter(user=user, thread=thread).update(read_at=now)
    if not updated:
        ThreadRead.objects.get_or_create(user=user, thread=thread, defaults={"read_at": now})


# ---------------------------------------------------------------------------------------------
# Reading: the same functions feed the pages and the API, so their query counts are the same.


def author_label(post: Post, viewer: Viewer) -> str:
    if post.anonymous:
        return anonymous_label()
    if post.author is None:
        return _("former member")
    return post.author.pseudonym


def post_dict(post: Post, viewer: Viewer, *, counts=None, mine=None, read_at=None) -> dict:
    from hearthside.selfcare.library import render

    own = post.author_id == viewer.user.pk
    folded = [t for t in post.cw_tags if t in viewer.hidden_tags]
    return {
        "id": post.pk,
        "thread_id": post.thread_id,
        "author": author_label(post, viewer),
        "anonymous": post.anonymous,
        "mine": own,
        "status": post.status,
        "body": post.body,
        "html": render(post.body),
        "cw_tags": list(post.cw_tags),
        "folded": bool(folded),
        "created_at": post.created_at,
        "edited": post.edited_at is not None,
        "publish_at": post.publish_at,
        "new": bool(read_at is not None and post.created_at > read_at and not own),
        "reactions": [{"kind": k, "label": str(REACTION_LABELS[k]), "count": (counts or {}).get(k, 0),
                       "mine": k in (mine or set())} for k in REACTION_KINDS],
        "can_edit": own and post.status in EDITABLE,
        "can_cancel": own and post.status in (Post.Status.PUBLISHED, Post.Status.SCHEDULED, Post.Status.PENDING),
    }


def display_title(thread: Thread) -> str:
    """The title, or what stands in for it once the opening post was withdrawn or its author's
    account erased: the title is the opener's words and goes with them."""
    return thread.title or str(gettext_lazy("(The opening post was withdrawn)"))


def forget_opening(post: Post) -> None:
    """``post`` opened its thread and is being withdrawn or erased: the thread's title goes too
    (issue #17: the title of an anonymous disclosure stayed published, and the first reply's
    author was then shown as having started the thread)."""
    first = Post.objects.filter(thread_id=post.thread_id).order_by("created_at", "pk").values_list("pk", flat=True).first()
    if first == post.pk and Thread.objects.filter(pk=post.thread_id).exclude(title="").exists():
        Thread.objects.filter(pk=post.thread_id).update(title="")


def thread_summary(thread: Thread, viewer: Viewer, first: Post | None) -> dict:
    read_at = getattr(thread, "my_read_at", None)
    # The opening post, withdrawn or gone: nobody else is shown as having started the thread.
    opened = first is not None and first.status != Post.Status.CANCELLED and bool(thread.title)
    return {
        "id": thread.pk,
        "title": display_title(thread),
        "created_at": thread.created_at,
        "last_post_at": thread.last_post_at,
        "started_by": author_label(first, viewer) if opened else "",
        "replies": max(0, int(getattr(thread, "published_count", 0) or 0) - 1),
        "unread": read_at is None or thread.last_post_at > read_at,
        "cw_tags": list(first.cw_tags) if opened else [],
    }


def _first_posts(threads: list[Thread]) -> dict[int, Post]:
    first_ids = Post.objects.filter(thread=OuterRef("pk")).order_by("created_at", "pk").values("pk")[:1]
    ids = Thread.objects.filter(pk__in=[t.pk for t in threads]).annotate(first=Subquery(first_ids)).values_list(
        "first", flat=True)
    return {p.thread_id: p for p in Post.objects.filter(pk__in=[i for i in ids if i]).select_related("author")}


def thread_list(viewer: Viewer, page=1) -> dict:
    reads = ThreadRead.objects.filter(thread=OuterRef("pk"), user=viewer.user).values("read_at")[:1]
    qs = (visible_threads(viewer)
          .annotate(published_count=Count("posts", filter=Q(posts__status=Post.Status.PUBLISHED)),
                    my_read_at=Subquery(reads))
          .order_by("-last_post_at", "-pk"))
    pages = Paginator(qs, THREADS_PER_PAGE)
    current = pages.get_page(page)
    threads = list(current.object_list)
    firsts = _first_posts(threads) if threads else {}
    return {"threads": [thread_summary(t, viewer, firsts.get(t.pk)) for t in threads], "page": current.number,
            "pages": pages.num_pages, "count": pages.count, "has_next": current.has_next(),
            "has_previous": current.has_previous()}


def thread_page(viewer: Viewer, thread: Thread, page=1, *, mark_read: bool = True) -> dict:
    """One page of a thread's posts with reaction counts and new-post markers, in a fixed number of queries."""
    read_at = ThreadRead.objects.filter(user=viewer.user, thread=thread).values_list("read_at", flat=True).first()
    qs = Post.objects.filter(visible_posts(viewer), thread=thread).select_related("author").order_by(
        "created_at", "pk")
    pages = Paginator(qs, POSTS_PER_PAGE)
    if page == "last":
        page = pages.num_pages
    current = pages.get_page(page)
    posts = list(current.object_list)
    ids = [p.pk for p in posts]
    counts: dict[int, dict[str, int]] = {}
    mine: dict[int, set[str]] = {}
    if ids:
        for row in Reaction.objects.filter(post_id__in=ids).values("post_id", "kind").annotate(n=Count("pk")):
            counts.setdefault(row["post_id"], {})[row["kind"]] = row["n"]
        for post_id, kind in Reaction.objects.filter(post_id__in=ids, user=viewer.user).values_list("post_id", "kind"):
            mine.setdefault(post_id, set()).add(kind)
    if mark_read:
        do_mark_read(viewer.user, thread)
    return {
        "thread": {"id": thread.pk, "title": display_title(thread), "created_at": thread.created_at,
                   "last_post_at": thread.last_post_at},
        "posts": [post_dict(p, viewer, counts=counts.get(p.pk), mine=mine.get(p.pk), read_at=read_at) for p in posts],
        "page": current.number, "pages": pages.num_pages, "count": pages.count,
        "has_next": current.has_next(), "has_previous": current.has_previous(),
    }


def search(viewer: Viewer, query: str) -> list[dict]:
    """Posts whose text (or thread title) holds every word of ``query``, newest first.

    Bodies are encrypted, so matching happens here, over the group's newest ``SEARCH_WINDOW``
    posts the viewer may see; older posts are not searched (the page says so).
    """
    words = [w for w in (query or "").replace("\x00", "").lower().split() if w][:10]
    if not words:
        return []
    rows = (Post.objects.filter(visible_posts(viewer), thread__group=viewer.group)
            .exclude(status=Post.Status.CANCELLED).select_related("thread", "author")
            .order_by("-created_at", "-pk")[:SEARCH_WINDOW])
    found = []
    for post in rows:
        haystack = f"{post.thread.title}\n{post.body}".lower()  # a withdrawn title is "" here
        if all(w in haystack for w in words):
            item = post_dict(post, viewer)
            item["thread_title"] = display_title(post.thread)
            found.append(item)
            if len(found) >= SEARCH_RESULTS:
                break
    return found
