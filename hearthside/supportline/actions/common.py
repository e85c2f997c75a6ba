"""What every part of the support line shares: limits, roles, topic names, who is who, access to a
conversation (404 for "missing" and "not yours" alike), and the frames and steps more than one part
sends: the queue changed, a conversation's status, a step on an outreach alert's timeline."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from hearthside.core.events import publish_on_commit

from ..models import Conversation, Guest, Watch

MAX_MESSAGE = 4000
MAX_NOTE = 5000
SOURCE = "supportline.message"
SUPPORTER_ROLES = ("peer_supporter", "practitioner", "clinical_supervisor", "administrator")
SUPERVISOR_ROLES = ("clinical_supervisor", "administrator")
# Whom a conversation can be handed to: another supporter, or a clinician.
HANDOFF_ROLES = ("peer_supporter", "practitioner", "clinical_supervisor")
QUEUE_TOPIC = "line.queue"
SUPERVISE_TOPIC = "line.supervise"
GUEST_SESSION_KEY = "supportline_guest"
LIVE = (Conversation.Status.WAITING, Conversation.Status.ACTIVE)


def capacity() -> int:
    return int(getattr(settings, "SUPPORTLINE_CAPACITY", 3))


def retention_days() -> int:
    return int(getattr(settings, "SUPPORTLINE_RETENTION_DAYS", 30))


def topic(conversation_id: int) -> str:
    """What the person sees: messages, who joined, hand-offs, the end."""
    return f"line.{conversation_id}"


def staff_topic(conversation_id: int) -> str:
    """What only the staff in a conversation see: whispers, risk changes."""
    return f"line.s{conversation_id}"


# ---------------------------------------------------------------------------------------------
# Who is who


def is_supporter(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role(*SUPPORTER_ROLES))


def is_supervisor(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role(*SUPERVISOR_ROLES))


def is_guest_session(request) -> bool:
    return bool(getattr(request, "session", None) is not None and request.session.get(GUEST_SESSION_KEY))


def is_guest(user) -> bool:
    return bool(user is not None and user.is_authenticated and Guest.objects.filter(user=user).exists())


def _display(user) -> str:
    return user.pseudonym if user is not None else ""


# ---------------------------------------------------------------------------------------------
# Access: one helper per kind of access; 404 for "missing" and "not yours" alike.


def _get(conversation_id) -> Conversation:
    try:
        return Conversation.objects.select_related("person", "supporter").get(pk=int(conversation_id))
    except (Conversation.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None


def access_own_conversation(user, conversation_id) -> Conversation:
    """The person's own conversation."""
    if user is None or not user.is_authenticated:
        raise Http404
    conversation = _get(conversation_id)
    if conversation.person_id != user.pk:
        raise Http404
    return conversation


def staff_role_in(user, conversation: Conversation) -> str | None:
    """"supporter", "joined", "read" (a supervisor reading along), "supervisor" (may start to), or None."""
    if user is None or not user.is_authenticated or conversation.person_id == user.pk:
        return None
    if conversation.supporter_id == user.pk and (is_supporter(user) or _outreach_staff(user, conversation)):
        return "supporter"
    if is_supervisor(user):
        watch = Watch.objects.filter(conversation=conversation, supervisor=user).first()
        if watch is not None:
            return "joined" if watch.mode == Watch.Mode.JOINED else "read"
        return "supervisor"
    return None


def _outreach_staff(user, conversation: Conversation) -> bool:
    """Alert-handling staff (a moderator, say) are the supporter of the outreach they opened."""
    from hearthside.safety.actions import can_handle_alerts

    return conversation.origin == Conversation.Origin.OUTREACH and can_handle_alerts(user)


def access_staff_conversation(user, conversation_id) -> tuple[Conversation, str]:
    """A conversation as its supporter or a supervisor sees it; never one's own."""
    conversation = _get(conversation_id)
    role = staff_role_in(user, conversation)
    if role is None:
        raise Http404
    return conversation, role


# ---------------------------------------------------------------------------------------------
# Frames and steps more than one part sends


def _queue_changed() -> None:
    publish_on_commit(QUEUE_TOPIC, {"type": "line.queue"})
    publish_on_commit(SUPERVISE_TOPIC, {"type": "line.queue"})


def status_frame(conversation: Conversation) -> dict:
    return {"type": "line.status", "conversation": conversation.pk, "status": conversation.status,
            "supporter": _display(conversation.supporter) if conversation.supporter_id else ""}


def _alert_step(conversation: Conversation, kind: str, actor=None, **detail) -> None:
    """A step of an outreach conversation on its alert's timeline."""
    if conversation.alert_id is None:
        return
    from hearthside.safety.models import AlertEvent

    AlertEvent.objects.create(alert_id=conversation.alert_id, kind=kind, actor_id=getattr(actor, "pk", actor),
                              detail={"conversation": conversation.pk, **detail})
