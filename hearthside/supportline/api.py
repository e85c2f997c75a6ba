"""Support line API under /api/v1/support-line: reach out, talk, end, feedback, transcript; and
for supporters (two-factor token or session) the queue and "help the next person"."""

from __future__ import annotations

from ninja import Field, Router, Schema, Status

from hearthside.accounts.auth import require_staff
from hearthside.core.api_helpers import ConversationMessageIn

from . import actions

router = Router(tags=["supportline"])


class StartIn(Schema):
    opening: str = Field("", max_length=4000)
    share_plan: bool = False


class LineConversationOut(Schema):
    id: int
    status: str
    supporter: str
    created_at: str
    ended_at: str | None
    wait: dict | None
    outcome: str


def _out(conversation, *, staff: bool = False) -> dict:
    data = {"id": conversation.pk, "status": conversation.status,
            "supporter": conversation.supporter.pseudonym if conversation.supporter_id else "",
            "created_at": conversation.created_at.isoformat(),
            "ended_at": conversation.ended_at.isoformat() if conversation.ended_at else None,
            "wait": actions.wait_estimate(conversation) if conversation.status == "waiting" else None,
            "outcome": conversation.outcome}
    return data


class LineMessageIn(ConversationMessageIn):
    pass


class LineMessageOut(Schema):
    conversation: int
    seq: int | None
    kind: str
    body: str
    at: str
    author: str = ""


class FeedbackIn(Schema):
    helped: str
    again: str


@router.post("/conversations", response={201: LineConversationOut}, summary="Reach out: join the queue")
def start(request, payload: StartIn):
    conversation = actions.check_start(request.user, payload.opening, share_plan=payload.share_plan, request=request)
    return Status(201, _out(conversation))


@router.get("/conversations/{conversation_id}", response=LineConversationOut)
def get_conversation(request, conversation_id: int):
    return _out(actions.access_own_conversation(request.user, conversation_id))


@router.get("/conversations/{conversation_id}/messages", response=list[LineMessageOut],
            summary="Messages: after=<seq> to catch up, before=<seq> to page back")
def list_messages(request, conversation_id: int, after: int | None = None, before: int | None = None):
    conversation = actions.access_own_conversation(request.user, conversation_id)
    return actions.history(conversation, after=after, before=before)


@router.post("/conversations/{conversation_id}/messages", response={201: LineMessageOut, 200: LineMessageOut},
             summary="Send (a resend with the same client_id returns the stored message)")
def send(request, conversation_id: int, payload: LineMessageIn):
    conversation = actions.access_own_conversation(request.user, conversation_id)
    message, created = actions.check_send(request.user, conversation, payload.client_id, payload.body)
    return Status(201 if created else 200, actions.message_frame(message))


@router.post("/conversations/{conversation_id}/end", response=LineConversationOut)
def end(request, conversation_id: int):
    conversation = actions.access_own_conversation(request.user, conversation_id)
    return _out(actions.check_end_by_person(request.user, conversation, request=request))


@router.post("/conversations/{conversation_id}/feedback", response=LineConversationOut)
def feedback(request, conversation_id: int, payload: FeedbackIn):
    conversation = actions.access_own_conversation(request.user, conversation_id)
    return _out(actions.check_feedback(request.user, conversation, payload.helped, payload.again))


@router.delete("/conversations/{conversation_id}/transcript", response={204: None},
               summary="Delete what was said in an ended conversation")
def delete_transcript(request, conversation_id: int):
    conversation = actions.access_own_conversation(request.user, conversation_id)
    actions.check_delete_transcript(request.user, conversation, request=request)
    return Status(204, None)


# ---------------------------------------------------------------------------------------------
# Supporters


def _staff(request):
    require_staff(request, actions.is_supporter(request.user),
                  "Staff APIs need two-factor authentication: enrol and log in with a code.")


class QueueOut(Schema):
    waiting: int
    available: bool
    capacity: int
    mine: list[int]


@router.get("/queue", response=QueueOut, summary="The queue as a supporter sees it")
def queue(request):
    _staff(request)
    from .models import Conversation

    return {"waiting": len(actions.waiting_entries(exclude_person=request.user)),
            "available": actions.is_available(request.user), "capacity": actions.capacity(),
            "mine": list(Conversation.objects.filter(supporter=request.user, status="active")
                         .order_by("pk").values_list("pk", flat=True))}


class AvailableIn(Schema):
    available: bool


@router.post("/availability", response=QueueOut)
def availability(request, payload: AvailableIn):
    _staff(request)
    actions.check_set_available(request.user, payload.available, request=request)
    return queue(request)


@router.post("/next", response={200: LineConversationOut, 204: None},
             summary="Help the next person: take the most urgent waiting conversation")
def help_next(request):
    _staff(request)
    conversation = actions.check_help_next(request.user, request=request)
    if conversation is None:
        return Status(204, None)
    return _out(conversation)
