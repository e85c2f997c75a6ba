"""Forum and moderation API, mounted at /api/v1/community beside the groups-and-chat router.

Every operation answers 404 to anyone who is not a member (or moderator) of the group concerned.
No response carries an author's account id, and an anonymous post's author is "anonymous member"
everywhere except the reveal action's answer.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Router, Schema, Status

from hearthside.accounts.auth import require_staff

from .. import moderation
from . import actions as forum

router = Router(tags=["communities: forum"])


class ReactionOut(Schema):
    kind: str
    label: str
    count: int
    mine: bool


class PostOut(Schema):
    id: int
    thread_id: int
    author: str
    anonymous: bool
    mine: bool
    status: str
    body: str
    html: str
    cw_tags: list[str]
    folded: bool
    created_at: datetime
    edited: bool
    publish_at: datetime | None
    new: bool
    reactions: list[ReactionOut]
    can_edit: bool
    can_cancel: bool


class ThreadSummaryOut(Schema):
    id: int
    title: str
    created_at: datetime
    last_post_at: datetime
    started_by: str
    replies: int
    unread: bool
    cw_tags: list[str]


class ThreadListOut(Schema):
    threads: list[ThreadSummaryOut]
    page: int
    pages: int
    count: int


class ThreadHead(Schema):
    id: int
    title: str
    created_at: datetime
    last_post_at: datetime


class ThreadOut(Schema):
    thread: ThreadHead
    posts: list[PostOut]
    page: int
    pages: int
    count: int


class ThreadIn(Schema):
    title: str = Field(..., max_length=forum.MAX_TITLE)
    body: str = Field(..., max_length=forum.MAX_BODY)
    anonymous: bool = False
    cw_tags: list[str] = Field(default_factory=list, max_length=forum.MAX_TAGS)
    hold_minutes: int = Field(0, ge=0, le=forum.HOLD_MAX_MINUTES, description="'Hold my post': 1–15 minutes")


class ForumReplyIn(Schema):
    body: str = Field(..., max_length=forum.MAX_BODY)
    anonymous: bool = False
    cw_tags: list[str] = Field(default_factory=list, max_length=forum.MAX_TAGS)
    hold_minutes: int = Field(0, ge=0, le=forum.HOLD_MAX_MINUTES)


class SubmittedOut(Schema):
    thread_id: int
    post: PostOut
    held: bool = Field(..., description="not published: held by screening or waiting for approval")
    help: bool = Field(..., description="show the author the help panel")
    review: bool = Field(False, description="held because it may hurt someone: a moderator reads it first")


class EditIn(Schema):
    body: str = Field(..., max_length=forum.MAX_BODY)
    cw_tags: list[str] | None = Field(None, max_length=forum.MAX_TAGS)


class ReactionIn(Schema):
    kind: str = Field(..., max_length=20, description="strength, me_too, thank_you or hug")


class ReactionsOut(Schema):
    on: bool
    reactions: list[ReactionOut]


class ForumReportIn(Schema):
    reason: str = Field(..., max_length=forum.MAX_REASON)


class ForumReportOut(Schema):
    id: int
    status: str


class HiddenTagsIn(Schema):
    hidden: list[str] = Field(default_factory=list, max_length=50)


class HiddenTagsOut(Schema):
    hidden: list[str]
    required: list[str]


class SearchOut(Schema):
    results: list[PostOut]
    searched: int = Field(..., description="how many of the newest posts were searched")


def _submitted(sub: forum.Submitted, viewer) -> dict:
    post = sub.post
    return {"thread_id": post.thread_id, "post": forum.post_dict(post, viewer),
            "held": post.status in ("held", "pending"), "help": sub.show_help,
            "review": sub.held_for_review}


@router.get("/groups/{slug}/threads", response=ThreadListOut, summary="A group's threads, latest activity first")
def list_threads(request, slug: str, page: int = 1):
    viewer = forum.access_group_forum(request.user, slug)
    return forum.thread_list(viewer, page)


@router.post("/groups/{slug}/threads", response={201: SubmittedOut}, summary="Start a thread")
def create_thread(request, slug: str, payload: ThreadIn):
    viewer = forum.access_group_forum(request.user, slug)
    sub = forum.check_create_thread(request.user, viewer, payload.title, payload.body,
                                    anonymous=payload.anonymous, cw_tags=payload.cw_tags,
                                    hold_minutes=payload.hold_minutes, request=request)
    return Status(201, _submitted(sub, viewer))


@router.get("/groups/{slug}/search", response=SearchOut, summary="Search a group's recent posts")
def search(request, slug: str, q: str = ""):
    viewer = forum.access_group_forum(request.user, slug)
    return {"results": forum.search(viewer, q[:200]), "searched": forum.SEARCH_WINDOW}


@router.put("/groups/{slug}/content-warnings", response=HiddenTagsOut, summary="Content warnings I want folded")
def set_hidden_tags(request, slug: str, payload: HiddenTagsIn):
    viewer = forum.access_group_forum(request.user, slug)
    hidden = forum.check_set_hidden_tags(request.user, viewer, payload.hidden)
    return {"hidden": hidden, "required": list(viewer.group.required_cw_tags or [])}


@router.get("/threads/{thread_id}", response=ThreadOut, summary="A page of a thread's posts (marks it read)")
def get_thread(request, thread_id: int, page: int = 1):
    thread, viewer = forum.access_thread_by_id(request.user, thread_id)
    return forum.thread_page(viewer, thread, page)


@router.post("/threads/{thread_id}/posts", response={201: SubmittedOut}, summary="Reply")
def reply(request, thread_id: int, payload: ForumReplyIn):
    thread, viewer = forum.access_thread_by_id(request.user, thread_id)
    sub = forum.check_reply(request.user, thread, viewer, payload.body, anonymous=payload.anonymous,
                            cw_tags=payload.cw_tags, hold_minutes=payload.hold_minutes, request=request)
    return Status(201, _submitted(sub, viewer))


@router.get("/posts/{post_id}", response=PostOut)
def get_post(request, post_id: int):
    post, viewer = forum.access_post_by_id(request.user, post_id)
    return forum.post_dict(post, viewer)


@router.patch("/posts/{post_id}", response=SubmittedOut, summary="Edit my post (earlier text kept for moderators)")
def edit_post(request, post_id: int, payload: EditIn):
    post, viewer = forum.access_post_by_id(request.user, post_id)
    sub = forum.check_edit_post(request.user, post, viewer, payload.body, cw_tags=payload.cw_tags,
                                request=request)
    return _submitted(sub, viewer)


@router.delete("/posts/{post_id}", response={204: None}, summary="Withdraw my post, or cancel a held-back one")
def cancel_post(request, post_id: int):
    post, _viewer = forum.access_post_by_id(request.user, post_id)
    forum.do_cancel_post(request.user, post, request=request)
    return Status(204, None)


@router.post("/posts/{post_id}/reactions", response=ReactionsOut, summary="Add or take back a reaction")
def toggle_reaction(request, post_id: int, payload: ReactionIn):
    post, viewer = forum.access_post_by_id(request.user, post_id)
    on = forum.check_toggle_reaction(request.user, post, viewer, payload.kind)
    page = forum.post_dict(post, viewer, **_reaction_state(post, request.user))
    return {"on": on, "reactions": page["reactions"]}


def _reaction_state(post, user) -> dict:
    from django.db.models import Count

    from ..models import Reaction

    counts = dict(Reaction.objects.filter(post=post).values_list("kind").annotate(n=Count("pk")))
    mine = set(Reaction.objects.filter(post=post, user=user).values_list("kind", flat=True))
    return {"counts": counts, "mine": mine}


@router.post("/posts/{post_id}/report", response={201: ForumReportOut}, summary="Report a post to the moderators")
def report_post(request, post_id: int, payload: ForumReportIn):
    post, viewer = forum.access_post_by_id(request.user, post_id)
    report = forum.check_report(request.user, post, viewer, payload.reason, request=request)
    return Status(201, {"id": report.pk, "status": report.status})


# ---------------------------------------------------------------------------------------------
# Moderation (two-factor required)


def _moderator(request) -> None:
    require_staff(request, moderation.can_moderate_anything(request.user),
                  "Moderation needs two-factor authentication: use a token created with a code.")


class HistoryOut(Schema):
    action: str
    moderator: str
    reason: str
    at: datetime


class RevisionOut(Schema):
    body: str
    replaced_at: datetime


class ContextOut(Schema):
    author: str
    body: str
    created_at: datetime


class ItemReportOut(Schema):
    id: int
    reason: str
    at: datetime
    status: str


class ScreeningOut(Schema):
    level: str
    score: float
    reasons: list[dict]
    status: str
    label: str


class AbuseOut(Schema):
    label: str = Field(..., description="hate, harassment or insult")
    score: float
    reasons: list[str]


class QueueItemOut(Schema):
    post_id: int
    group: str
    group_name: str
    thread_id: int
    thread_title: str
    author: str
    anonymous: bool
    status: str
    body: str
    cw_tags: list[str]
    created_at: datetime
    edited: bool
    reports: list[ItemReportOut]
    screening: ScreeningOut | None
    abuse: AbuseOut | None = None
    history: list[HistoryOut]
    context: list[ContextOut]
    revisions: list[RevisionOut] | None = None
    can_reveal: bool


class ForumActionIn(Schema):
    post_id: int
    action: str = Field(..., description=", ".join(moderation.ACTIONS))
    reason: str = Field("", max_length=500)
    minutes: int | None = Field(None, ge=1, le=moderation.MUTE_MAX_MINUTES, description="mute: how long")
    label: str | None = Field(None, description="screened items: true_concern or false_alarm")
    level: str | None = Field(None, description="escalate: moderate, high or imminent")


class ActionOut(Schema):
    id: int
    action: str
    post_id: int
    status: str


class RevealIn(Schema):
    post_id: int
    reason: str = Field(..., min_length=moderation.MIN_REVEAL_REASON, max_length=500)


class RevealOut(Schema):
    post_id: int
    author: str


def _group_filter(request, group: str | None):
    if not group:
        return None
    from .. import actions

    return actions.access_group_by_slug(request.user, group)


@router.get("/moderation/queue", response=list[QueueItemOut], summary="Reported, waiting and screened posts")
def moderation_queue(request, group: str | None = None):
    _moderator(request)
    return moderation.queue(request.user, _group_filter(request, group))


@router.get("/moderation/posts/{post_id}", response=QueueItemOut, summary="One item with its edit and moderation history")
def moderation_item(request, post_id: int):
    _moderator(request)
    post = moderation.access_post_for_moderation(request.user, post_id)
    return moderation.item_detail(request.user, post)


@router.get("/posts/{post_id}/revisions", response=list[RevisionOut], summary="Edit history (moderators)")
def post_revisions(request, post_id: int):
    _moderator(request)
    post = moderation.access_post_for_moderation(request.user, post_id)
    return moderation.revisions_for(request.user, post)


@router.post("/moderation/actions", response={201: ActionOut}, summary="Approve, hide, restore, warn, mute, remove, escalate")
def moderation_action(request, payload: ForumActionIn):
    _moderator(request)
    post = moderation.access_post_for_moderation(request.user, payload.post_id)
    entry = moderation.check_moderate(request.user, post, payload.action, reason=payload.reason,
                                      minutes=payload.minutes, label=payload.label, level=payload.level,
                                      request=request)
    post.refresh_from_db(fields=["status"])
    return Status(201, {"id": entry.pk, "action": entry.action, "post_id": post.pk, "status": post.status})


@router.post("/moderation/reveal", response=RevealOut, summary="Reveal an anonymous author (site moderators; audited)")
def reveal(request, payload: RevealIn):
    _moderator(request)
    post = moderation.access_post_for_moderation(request.user, payload.post_id)
    author = moderation.check_reveal(request.user, post, payload.reason, request=request)
    return {"post_id": post.pk, "author": author}


# ---------------------------------------------------------------------------------------------
# Live chat: reports and moderation


class ChatReportIn(Schema):
    reason: str = Field(..., min_length=3, max_length=500)


@router.post("/groups/{slug}/chat/{seq}/report", response={201: ForumReportOut},
             summary="Report a chat message (by its sequence number) to the moderators")
def report_chat(request, slug: str, seq: int, payload: ChatReportIn):
    from .. import actions, chat_moderation

    group = actions.access_group_by_slug(request.user, slug)
    report = chat_moderation.check_report_chat(request.user, group, seq, payload.reason)
    return Status(201, {"id": report.pk, "status": report.status})


class ChatContextOut(Schema):
    author: str
    body: str
    at: datetime


class ChatItemReportOut(Schema):
    id: int
    reason: str
    at: datetime


class ChatQueueItemOut(Schema):
    message_id: int
    group: str
    group_name: str
    seq: int | None = Field(None, description="none while it waits for a moderator")
    author: str
    anonymous: bool
    status: str = Field(..., description="review (held by the abuse detector) or published (reported)")
    body: str
    created_at: datetime
    abuse: AbuseOut | None
    reports: list[ChatItemReportOut]
    history: list[HistoryOut]
    context: list[ChatContextOut]


class ChatActionIn(Schema):
    message_id: int
    action: str = Field(..., description="approve, hide, warn, mute, remove")
    reason: str = Field("", max_length=500)
    minutes: int | None = Field(None, ge=1, le=moderation.MUTE_MAX_MINUTES, description="mute: how long")


class ChatActionOut(Schema):
    id: int | None
    action: str
    message_id: int
    status: str
    seq: int | None


@router.get("/moderation/chat", response=list[ChatQueueItemOut],
            summary="Chat messages held for review or reported")
def chat_moderation_queue(request, group: str | None = None):
    from .. import chat_moderation

    _moderator(request)
    return chat_moderation.queue(request.user, _group_filter(request, group))


@router.post("/moderation/chat/actions", response={201: ChatActionOut},
             summary="Approve (release), hide, warn, mute or remove the author of a chat message")
def chat_moderation_action(request, payload: ChatActionIn):
    from .. import chat_moderation

    _moderator(request)
    message = chat_moderation.access_chat_message_for_moderation(request.user, payload.message_id)
    entry = chat_moderation.check_moderate_chat(request.user, message, payload.action,
                                                reason=payload.reason, minutes=payload.minutes, request=request)
    message.refresh_from_db(fields=["status", "seq"])
    return Status(201, {"id": entry.pk if entry else None, "action": payload.action, "message_id": message.pk,
                        "status": message.status, "seq": message.seq})
