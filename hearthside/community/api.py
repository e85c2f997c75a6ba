"""Community API (groups, membership, chat) under /api/v1/community."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

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
    return [_group_out(g, mine.get(g.pk)) for g in Group.objects.all()]


@router.get("/groups/{slug}", response=GroupOut)
def get_group(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    return _group_out(group, Membership.objects.filter(group=group, user=request.user).first())


@router.post("/groups/{slug}/join", response={200: GroupOut}, summary="Join (or ask to join) a group")
def join_group(request, slug: str):
    group = actions.access_group_by_slug(request.user, slug)
    try:
        membership = actions.check_join(request.user, group, request=request)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
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
    for value in (after, before):
        if value is not None and not 0 <= value < 2**62:
            raise HttpError(400, "after and before must be sequence numbers.")
    return actions.chat_history(request.user, group, after=after, before=before, limit=limit)


class ChatIn(Schema):
    client_id: str = Field(..., min_length=1, max_length=64)
    body: str = Field(..., max_length=4000)
    anonymous: bool = False


class AckOut(Schema):
    client_id: str
    seq: int | None
    status: str
    duplicate: bool
    help: bool


@router.post("/groups/{slug}/chat", response={201: AckOut, 200: AckOut}, summary="Send a chat message (resend-safe)")
def send_chat(request, slug: str, payload: ChatIn):
    group = actions.access_group_by_slug(request.user, slug)
    actions.require_member(request.user, group)
    try:
        message, created, route = actions.check_send_chat(request.user, group, payload.client_id, payload.body,
                                                          anonymous=payload.anonymous)
    except actions.RateLimited as exc:
        raise HttpError(429, str(exc)) from None
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    body = {"client_id": message.client_id, "seq": message.seq, "status": message.status,
            "duplicate": not created, "help": bool(route and route.show_help)}
    return Status(201 if created else 200, body)


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
