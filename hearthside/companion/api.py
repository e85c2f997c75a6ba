"""Companion API under /api/v1/companion/."""

from __future__ import annotations

from ninja import Field, Router, Schema, Status

from hearthside.core.access import id_or_404

from . import actions
from .models import Memory

router = Router(tags=["companion"])


class CompanionMessageIn(Schema):
    text: str = Field(..., max_length=4000)
    client_id: str = Field("", max_length=64, description="your id for this message; a resend returns the same reply")
    conversation_id: int | None = Field(None, description="defaults to your current conversation")


class CompanionMessageOut(Schema):
    id: int
    seq: int
    role: str
    body: str
    safety_level: str
    actions: list[str]
    engine: str
    extra: dict
    created_at: str


class TurnOut(Schema):
    conversation_id: int
    message: CompanionMessageOut
    reply: CompanionMessageOut


class CompanionConversationOut(Schema):
    id: int
    in_crisis: bool
    engine: str
    messages: list[CompanionMessageOut]


@router.post("/messages", response={201: TurnOut}, summary="Send the companion a message")
def send_message(request, payload: CompanionMessageIn):
    conversation = None
    if payload.conversation_id is not None:
        conversation = actions.access_conversation_by_id(request.user, id_or_404(payload.conversation_id))
    person, reply = actions.check_send(request.user, payload.text, client_id=payload.client_id,
                                       conversation=conversation, request=request)
    return Status(201, {"conversation_id": person.conversation_id, "message": actions.message_out(person),
                        "reply": actions.message_out(reply)})


@router.get("/conversations/current", response=CompanionConversationOut, summary="My current conversation")
def current(request):
    actions.require_consent(request.user)
    conversation = actions.current_conversation(request.user, request=request)
    return _conversation_out(conversation)


def _conversation_out(conversation, after=None, before=None):
    return {"id": conversation.pk, "in_crisis": conversation.in_crisis, "engine": actions.engine_label(),
            "messages": [actions.message_out(m) for m in actions.history(conversation, after=after, before=before)]}


@router.get("/conversations/{conversation_id}", response=CompanionConversationOut, summary="A conversation's messages")
def conversation_detail(request, conversation_id: int, after: int | None = None, before: int | None = None):
    conversation = actions.access_conversation_by_id(request.user, id_or_404(conversation_id))
    return _conversation_out(conversation, after, before)


@router.delete("/conversations/{conversation_id}", response={204: None}, summary="Delete a conversation")
def delete_conversation(request, conversation_id: int):
    conversation = actions.access_conversation_by_id(request.user, id_or_404(conversation_id))
    actions.do_delete_conversation(request.user, conversation, request=request)
    return Status(204, None)


class HandoffIn(Schema):
    conversation_id: int
    offer: int = Field(..., description="seq of the companion's reply that offered the support line")
    share_summary: bool = Field(..., description="pass on the summary shown with the offer (extra.handoff.summary)")


class HandoffOut(Schema):
    support_line_conversation_id: int
    status: str
    summary_passed: bool


@router.post("/handoff", response={201: HandoffOut}, summary="Join the support line from the companion")
def handoff(request, payload: HandoffIn):
    """The offer is a companion reply with ``connect_support_line`` in its actions; what is passed
    is the summary stored with it (``extra.handoff.summary``), never text sent here."""
    conversation = actions.access_conversation_by_id(request.user, id_or_404(payload.conversation_id))
    line, passed = actions.check_handoff(request.user, conversation, payload.offer,
                                         share=payload.share_summary, request=request)
    return Status(201, {"support_line_conversation_id": line.pk, "status": line.status, "summary_passed": passed})


class MemoryOut(Schema):
    consent: bool | None
    data: dict


@router.get("/memory", response=MemoryOut, summary="What the companion remembers about me")
def memory(request):
    row = Memory.objects.filter(user=request.user).first()
    return {"consent": row.consent if row else None, "data": (row.data if row and row.consent else {}) or {}}


@router.delete("/memory", response={204: None}, summary="Make the companion forget")
def forget(request):
    actions.do_forget(request.user, request=request)
    return Status(204, None)
