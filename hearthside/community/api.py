"""Community API (groups, membership, chat) under /api/v1/community."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from hearthside.core.api_helpers import ConversationAckOut, ConversationMessageIn, check_seqs, sent_status

from . import actions
from .models import Group, Membership

router = Router(tags=["communities"])


class GroupOut(Schema):
    slug: str
    name: str
    topic: str
    description: str
    join_policy: str
    allow_anonymous: bool
    member: bool
    status: str | None


def _group_out(group, membership) -> dict:
    return {"slug": group.slug, "name": group.name, "topic": group.topic, "description": group.description,
            "join_policy": group.join_policy, "allow_anonymous": group.allow_anonymous,
            "member": membership is not None and membership.status == Membership.Status.ACTIVE,
            "status": membership.status if membership else None}


@router.get("/groups", response=list[GroupOut], summary="Support groups")
def list_groups(request):
    mine = {m.group_id: m for m in Membership.objects.filter(user=request.user)}
    from . import youth

    return [_group_out(g, mine.get(g.pk)) for g in youth.visible_groups(request.user, Group.objects.all())]


@router.get("/groups/{slug}", response=GroupOut)
def get_group(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    return _group_out(group, Membership.objects.filter(group=group, user=request.user).first())


@router.post("/groups/{slug}/join", response={200: GroupOut}, summary="Join (or ask to join) a group")
def join_group(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    membership = actions.check_join(request.user, group, request=request)
    return _group_out(group, membership)


@router.post("/groups/{slug}/leave", response={204: None}, summary="Leave a group")
def leave_group(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    actions.require_member(request.user, group)
    actions.do_leave(request.user, group, request=request)
    return Status(204, None)


class MemberOut(Schema):
    pseudonym: str
    role: str


@router.get("/groups/{slug}/members", response=list[MemberOut], summary="Members who chose to be listed")
def list_members(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    actions.require_member(request.user, group)
    rows = (Membership.objects.filter(group=group, status=Membership.Status.ACTIVE, show_in_member_list=True)
            .select_related("user").order_by("user__pseudonym")[:500])
    return [{"pseudonym": m.user.pseudonym, "role": m.role} for m in rows]


class ChatOut(Schema):
    type: str
    group: str
    seq: int | None
    at: str
    author: str | None = None
    body: str | None = None
    hidden: bool = False


@router.get("/groups/{slug}/chat", response=list[ChatOut], summary="Chat history: after= to catch up, before= to page back")
def chat_history(request, slug: str, after: int | None = None, before: int | None = None, limit: int = 50):
    group = actions.access_group_by_slug(request.user, slug)
    check_seqs(after, before)
    return actions.chat_history(request.user, group, after=after, before=before, limit=limit)


class ChatIn(ConversationMessageIn):
    anonymous: bool = False


class AckOut(ConversationAckOut):
    pass


@router.post("/groups/{slug}/chat", response={201: AckOut, 200: AckOut}, summary="Send a chat message (resend-safe)")
def send_chat(request, slug: str, payload: ChatIn):
    group = actions.access_group_by_slug(request.user, slug)
    actions.require_member(request.user, group)
    return sent_status(actions.check_send_chat(request.user, group, payload.client_id, payload.body,
                                               anonymous=payload.anonymous))


class BlockIn(Schema):
    kind: str = Field(..., description="mute (only you stop seeing them) or block (neither sees the other)")


class BlockOut(Schema):
    pseudonym: str
    kind: str
    created_at: datetime


@router.get("/blocks", response=list[BlockOut], summary="People I muted or blocked")
def list_blocks(request):
    return actions.blocks_for(request.user)


@router.put("/blocks/{pseudonym}", response=BlockOut, summary="Mute or block someone I share a group with")
def put_block(request, pseudonym: str, payload: BlockIn):
    other = actions.access_member_by_pseudonym(request.user, pseudonym)
    block = actions.check_block(request.user, other, payload.kind, request=request)
    return {"pseudonym": other.pseudonym, "kind": block.kind, "created_at": block.created_at}


@router.delete("/blocks/{pseudonym}", response={204: None}, summary="Unmute or unblock")
def delete_block(request, pseudonym: str):
    from hearthside.accounts.models import User

    other = User.objects.filter(pseudonym=str(pseudonym)[:150]).first()
    if other is None or not actions.do_unblock(request.user, other, request=request):
        raise HttpError(404, "Not found.")
    return Status(204, None)


# ---------------------------------------------------------------------------------------------
# Facilitated meetings


class MeetingOut(Schema):
    id: int
    group: str
    title: str
    description: str
    facilitator: str
    starts_at: datetime
    ends_at: datetime
    starts_local: datetime = Field(..., description="the start in the caller's time zone")
    time_zone: str
    duration_minutes: int
    capacity: int | None
    going: int
    spots_left: int | None
    mine: bool
    cancelled: bool
    live: bool


class MeetingIn(Schema):
    title: str = Field(..., max_length=120)
    description: str = Field("", max_length=2000)
    starts_at: str = Field(..., description="ISO 8601; without an offset it is read in your time zone")
    duration_minutes: int = 60
    capacity: int | None = None


def _meetings_guard(fn, *args, **kwargs):
    from django.core.exceptions import ValidationError

    try:
        return fn(*args, **kwargs)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise
        raise HttpError(409, " ".join(exc.messages)) from None


@router.get("/groups/{slug}/meetings", response=list[MeetingOut], summary="Upcoming facilitated meetings")
def list_meetings(request, slug: str):
    from . import meetings

    group = actions.access_group_by_slug(request.user, slug)
    return meetings.upcoming(request.user, group)


@router.post("/groups/{slug}/meetings", response={201: MeetingOut}, summary="Schedule a meeting (facilitators)")
def schedule_meeting(request, slug: str, payload: MeetingIn):
    from . import meetings

    group = actions.access_group_by_slug(request.user, slug)
    actions.require_member(request.user, group)
    meeting = _meetings_guard(meetings.check_schedule, request.user, group, payload.dict(), request=request)
    return Status(201, meetings.detail(request.user, meeting))


@router.get("/meetings/{meeting_id}", response=MeetingOut)
def get_meeting(request, meeting_id: int):
    from . import meetings

    return meetings.detail(request.user, meetings.access_meeting_by_id(request.user, meeting_id))


@router.post("/meetings/{meeting_id}/rsvp", response=MeetingOut, summary="I'll be there (409 when full)")
def rsvp(request, meeting_id: int):
    from . import meetings

    meeting = meetings.access_meeting_by_id(request.user, meeting_id)
    _meetings_guard(meetings.check_rsvp, request.user, meeting)
    return meetings.detail(request.user, meeting)


@router.delete("/meetings/{meeting_id}/rsvp", response=MeetingOut, summary="I can no longer come")
def cancel_rsvp(request, meeting_id: int):
    from . import meetings

    meeting = meetings.access_meeting_by_id(request.user, meeting_id)
    meetings.do_cancel_rsvp(request.user, meeting)
    return meetings.detail(request.user, meeting)


@router.post("/meetings/{meeting_id}/cancel", response=MeetingOut, summary="Cancel a meeting (facilitators)")
def cancel_meeting(request, meeting_id: int):
    from . import meetings

    meeting = meetings.access_meeting_by_id(request.user, meeting_id)
    _meetings_guard(meetings.check_cancel_meeting, request.user, meeting, request=request)
    return meetings.detail(request.user, meeting)
