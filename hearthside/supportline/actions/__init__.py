"""Support-line actions: reaching out, the risk-ordered queue, messages, supervision, hand-offs,
wrap-up, transcripts. Views, the API and the websocket channel call these and nothing else.

One module per part: ``common`` (limits, roles, topics, who is who, access), ``messages`` (sending and
history on the conversation core), ``queue`` (joining, availability, taking the next person,
assigning, waiting, the overview), ``supervision`` (reading along, joining, whispers, take-over,
hand-off), ``outreach`` (the safety team opens the conversation), ``ending`` (wrap-up, feedback,
transcripts, retention). This module re-exports their names, so ``actions.check_send`` keeps
working; a test that replaces a function patches it in the module that calls it.

``_get`` and ``_reason_labels`` are re-exported for the staff pages and the channel.
"""

from .common import (
    GUEST_SESSION_KEY,
    HANDOFF_ROLES,
    LIVE,
    MAX_MESSAGE,
    MAX_NOTE,
    QUEUE_TOPIC,
    SOURCE,
    SUPERVISE_TOPIC,
    SUPERVISOR_ROLES,
    SUPPORTER_ROLES,
    _get,
    access_own_conversation,
    access_staff_conversation,
    capacity,
    is_guest,
    is_guest_session,
    is_supervisor,
    is_supporter,
    retention_days,
    staff_role_in,
    staff_topic,
    status_frame,
    topic,
)
from .ending import (
    FEEDBACK_AGAIN,
    FEEDBACK_HELPED,
    check_delete_transcript,
    check_end_by_person,
    check_feedback,
    check_leave_message,
    check_mark_abuse,
    check_mark_contacted,
    check_wrap_up,
    purge_expired,
    transcript_text,
)
from .messages import _reason_labels, check_send, history, message_frame, sender_kind
from .outreach import do_mark_seen, do_open_outreach, outreach_of, outreach_opening
from .queue import (
    ADJECTIVES,
    NOUNS,
    active_count,
    check_help_next,
    check_set_available,
    check_start,
    dashboard,
    do_create_guest,
    is_available,
    live_conversation_of,
    live_overview,
    wait_estimate,
    waiting_entries,
)
from .supervision import (
    check_handoff,
    check_set_note,
    check_take_over,
    check_watch,
    do_view_as_staff,
    whispers,
)

__all__ = [
    "MAX_MESSAGE", "MAX_NOTE", "SOURCE", "SUPPORTER_ROLES", "SUPERVISOR_ROLES", "HANDOFF_ROLES", "QUEUE_TOPIC",
    "SUPERVISE_TOPIC", "GUEST_SESSION_KEY", "LIVE", "capacity", "retention_days", "topic", "staff_topic",
    "is_supporter", "is_supervisor", "is_guest_session", "is_guest", "_get", "access_own_conversation",
    "staff_role_in", "access_staff_conversation", "status_frame", "message_frame", "_reason_labels",
    "sender_kind", "check_send", "history", "ADJECTIVES", "NOUNS", "do_create_guest", "live_conversation_of",
    "check_start", "waiting_entries", "active_count", "check_set_available", "is_available", "check_help_next",
    "wait_estimate", "live_overview", "dashboard", "whispers", "check_watch", "do_view_as_staff",
    "check_take_over", "check_handoff", "check_set_note", "outreach_opening", "do_open_outreach", "outreach_of",
    "do_mark_seen", "check_wrap_up", "check_mark_abuse", "check_end_by_person", "check_leave_message",
    "check_mark_contacted", "FEEDBACK_HELPED", "FEEDBACK_AGAIN", "check_feedback", "transcript_text",
    "check_delete_transcript", "purge_expired",
]
