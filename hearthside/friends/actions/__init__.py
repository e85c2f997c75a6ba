"""Friends actions: peer profiles and suggestions, connections, 1:1 peer chat, the circle of
support (with the safety plan), reach-outs, gentle check-ins and the coping-strategies board.

One module per sub-domain; this package re-exports their public names, so callers keep writing
``from hearthside.friends import actions`` and ``actions.check_send(...)``. A test that patches a
name used inside a sub-domain patches it in that module (``actions.chat``), not here.

Every object is reached through one ``access_*`` helper that raises 404 for "missing" and "not
yours" alike. Every text a person writes to others goes through ``screen_and_route``.
"""

from __future__ import annotations

# Reached through this module by existing tests (``actions.ValidationError``, ``actions.PeerReport``).
from django.core.exceptions import ValidationError

from ..models import PeerReport
from .chat import (
    CHAT_PER_MINUTE,
    MAX_CHAT,
    author_ref,
    chat_frame,
    chat_history,
    check_report_message,
    check_send,
)
from .choices import (
    LANGUAGE_CODES,
    SITUATIONS,
    TOPIC_LABELS,
    language_choices,
    language_label,
    situation_choices,
    topic_choices,
    topic_label,
)
from .circle import (
    access_circle_member_by_id,
    check_answer_circle,
    check_invite_to_circle,
    check_set_in_plan,
    circle_of,
    circles_i_am_in,
    do_leave_circle,
    may_write_plan,
    plan_entry,
)
from .common import NotSent, display_name
from .connections import (
    DECLINE_WINDOW,
    MAX_REQUEST_MESSAGE,
    REPORT_WINDOW,
    access_connection_by_id,
    blocked_ids,
    check_request,
    check_respond,
    check_withdraw,
    daily_request_limit,
    do_block,
    do_end,
    do_request,
    incoming_requests,
    my_connections,
    outgoing_requests,
    peer_topic,
    requester_status,
    requests_held,
)
from .moderation import (
    check_handle_report,
    check_review_held_request,
    held_requests,
    is_moderator,
    open_reports,
)
from .profiles import (
    SUGGESTION_POOL,
    access_profile_by_id,
    check_save_profile,
    derived_age_band,
    do_save_profile,
    do_set_discoverable,
    follow_account_band,
    profile_for,
    suggestions,
)
from .reach_out import (
    MAX_REACH_OUT,
    REACH_OUT_PRESETS,
    access_delivery_by_id,
    check_reach_out,
    check_respond_reach_out,
    do_mark_seen,
    do_reach_out,
    nudge_quiet_members,
    received_reach_outs,
    sent_reach_outs,
)
from .strategies import (
    MAX_STRATEGY,
    access_strategy_by_id,
    check_hide_strategy,
    check_report_strategy,
    check_save_strategy_to_plan,
    check_share_strategy,
    do_toggle_helped,
    strategy_board,
)

__all__ = [
    "CHAT_PER_MINUTE", "DECLINE_WINDOW", "LANGUAGE_CODES", "MAX_CHAT", "MAX_REACH_OUT", "MAX_REQUEST_MESSAGE",
    "MAX_STRATEGY", "REACH_OUT_PRESETS", "REPORT_WINDOW", "SITUATIONS", "SUGGESTION_POOL", "TOPIC_LABELS",
    "NotSent", "PeerReport", "ValidationError",
    "access_circle_member_by_id", "access_connection_by_id", "access_delivery_by_id", "access_profile_by_id",
    "access_strategy_by_id", "author_ref", "blocked_ids", "chat_frame", "chat_history", "check_answer_circle",
    "check_handle_report", "check_hide_strategy", "check_invite_to_circle", "check_reach_out",
    "check_report_message", "check_report_strategy", "check_request", "check_respond", "check_respond_reach_out",
    "check_review_held_request", "check_save_profile", "check_save_strategy_to_plan", "check_send",
    "check_set_in_plan", "check_share_strategy", "check_withdraw", "circle_of", "circles_i_am_in",
    "daily_request_limit", "derived_age_band", "display_name", "do_block", "do_end", "do_leave_circle",
    "do_mark_seen", "do_reach_out", "do_request", "do_save_profile", "do_set_discoverable", "do_toggle_helped",
    "follow_account_band", "held_requests", "incoming_requests", "is_moderator", "language_choices",
    "language_label", "may_write_plan", "my_connections", "nudge_quiet_members", "open_reports",
    "outgoing_requests", "peer_topic", "plan_entry", "profile_for", "received_reach_outs", "requester_status",
    "requests_held", "sent_reach_outs", "situation_choices", "strategy_board", "suggestions", "topic_choices",
    "topic_label",
]
