"""What the API's operations and the socket's frames of the conversations share (issue #19): a
message sent on a conversation and the answer to it, from what the conversation core's
``check_send`` functions return (``(message, created, route)``, ``core/conversation.py``), and the
check of the sequence numbers a history page is asked for. Each channel keeps its own names and
keys (an app's schema subclasses these under a name of its own); these say once what is in them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404
from ninja import Field, Schema, Status
from ninja.errors import HttpError

from .errors import REFUSALS, refusal

# No docstrings on the schemas: the document would show a base's words under each app's name.


class ConversationMessageIn(Schema):
    client_id: str = Field(..., min_length=1, max_length=64)
    body: str = Field(..., max_length=4000)


class ConversationAckOut(Schema):  # the body of ``sent_status``
    client_id: str
    seq: int | None
    status: str
    duplicate: bool
    help: bool


def check_seqs(*values: int | None) -> None:
    """Each of ``values`` (``after``, ``before``, a message's ``seq``) absent or a sequence number,
    else 400."""
    for value in values:
        if value is not None and not 0 <= value < 2**62:
            raise HttpError(400, "after and before must be sequence numbers.")


def sent_status(sent: tuple, **more) -> Status:
    """The API's answer to a sent message: 201 when it was stored, 200 when it was a resend of one
    already stored (``duplicate``); its client id, seq and status and whether to show help, and
    ``more``."""
    message, created, route = sent
    return Status(201 if created else 200, {
        "client_id": message.client_id, "seq": message.seq, "status": message.status,
        "duplicate": not created, "help": bool(route is not None and route.show_help), **more})


def sent_frame(kind: str, where: dict, client_id, send: Callable[[], tuple],
               not_found: tuple[str, str]) -> dict:
    """A socket's answer to a sent message: ``send()`` stores it; the ack frame of type ``kind``
    (``help`` only when help is to be shown), or the error frame of its refusal, with the code and
    words of ``not_found`` for a 404. Both name the conversation with ``where`` (one key)."""
    try:
        message, created, route = send()
    except REFUSALS as exc:
        _status, code, detail = refusal(exc)
    except Http404:
        code, detail = not_found
    else:
        ack = {"type": kind, **where, "client_id": client_id, "seq": message.seq, "status": message.status,
               "duplicate": not created}
        if route is not None and route.show_help:
            ack["help"] = True
        return ack
    return {"type": "error", "code": code, **where, "client_id": client_id, "detail": detail}
