"""Server → client frame schemas (issue #19: zulip's event-schema habit).

Every frame a socket writes has a ``type``; each type is declared here with the fields it always
carries and the ones it may carry, each with its JSON type. ``problems(frame)`` lists what does not
match. Under tests (``HEARTHSIDE_CHECK_FRAMES``, set by the test settings' conftest) every frame a
socket writes is checked as it goes out, and a test fails if any of its frames broke its schema
(``hearthside/conftest.py``), so a new frame, or a field added without a declaration, fails until
it is declared. Client → server frames are checked by ``core.realtime.parse_client_frame``.
"""

from __future__ import annotations

import json
import threading

STR, INT, BOOL, NUM = (str,), (int,), (bool,), (int, float)
LIST, DICT = (list,), (dict,)
NULLABLE_STR, NULLABLE_INT = (str, type(None)), (int, type(None))
ANY = (str, int, float, bool, list, dict, type(None))

SCHEMAS: dict[str, tuple[dict, dict]] = {}
_lock = threading.Lock()
VIOLATIONS: list[str] = []


def declare(kind: str, required: dict | None = None, optional: dict | None = None) -> None:
    SCHEMAS[kind] = ({"type": STR, **(required or {})}, dict(optional or {}))


def problems(frame) -> list[str]:
    if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
        return [f"not a frame with a type: {str(frame)[:80]}"]
    kind = frame["type"]
    if kind not in SCHEMAS:
        return [f"{kind}: no schema declared (core/frames.py)"]
    required, optional = SCHEMAS[kind]
    found = []
    for key, types in required.items():
        if key not in frame:
            found.append(f"{kind}: missing {key!r}")
        elif not _is(frame[key], types):
            found.append(f"{kind}: {key!r} is {type(frame[key]).__name__}")
    for key, value in frame.items():
        if key in required:
            continue
        if key not in optional:
            found.append(f"{kind}: undeclared field {key!r}")
        elif not _is(value, optional[key]):
            found.append(f"{kind}: {key!r} is {type(value).__name__}")
    return found


def _is(value, types) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def check_text(text: str) -> None:
    """Record what is wrong with one written frame (tests only)."""
    try:
        frame = json.loads(text)
    except ValueError:
        found = [f"not JSON: {text[:80]}"]
    else:
        found = problems(frame)
    if found:
        with _lock:
            VIOLATIONS.extend(found)


# -- the declarations, by channel ---------------------------------------------------------------
# The socket itself (core.consumers, core.realtime, core.fanout)
declare("hello", {"groups": INT})
declare("pong")
declare("resync")
declare("error", {"code": STR, "detail": STR},
        {"group": NULLABLE_STR, "client_id": NULLABLE_STR, "connection": NULLABLE_INT,
         "conversation": NULLABLE_INT, "relationship": NULLABLE_INT, "appointment": NULLABLE_INT})
declare("subscription.started", {"topic": STR})
declare("subscription.ended", {"topic": STR})
declare("session.ended", {}, {"token": INT})
# Group chat, typing, presence, the forum (community)
declare("chat.ack", {"group": STR, "client_id": STR, "seq": NULLABLE_INT, "status": STR, "duplicate": BOOL},
        {"help": BOOL})
declare("chat.message", {"group": STR, "seq": INT, "at": STR},
        {"hidden": BOOL, "filtered": BOOL, "author": STR, "named": BOOL, "author_ref": STR, "body": STR})
declare("chat.history", {"group": STR, "messages": LIST, "mode": STR, "upto": INT})
declare("membership.started", {"group": STR})
declare("membership.ended", {"group": STR})
declare("blocks.changed")
declare("typing.active", {"group": STR, "by": STR})
declare("presence", {"group": STR, "online": INT})
declare("forum.thread", {"group": STR, "thread": INT}, {"post": INT})
declare("forum.reply", {"group": STR, "thread": INT}, {"reply": INT})
declare("forum.changed", {"group": STR, "thread": INT}, {"post": INT})
# Peer chat and friends (friends)
declare("peer.ack", {"connection": INT, "client_id": NULLABLE_STR, "seq": NULLABLE_INT, "status": STR,
                     "duplicate": BOOL}, {"help": BOOL})
declare("peer.message", {"connection": INT, "seq": INT, "at": STR, "author": STR, "author_ref": STR, "body": STR})
declare("peer.history", {"connection": INT, "messages": LIST, "mode": STR})
declare("peer.ended", {"connection": INT})
declare("friends.request", {"connection": INT})
declare("friends.accepted", {"connection": INT})
declare("friends.circle_invite", {"circle": INT})
declare("friends.circle_answer", {"circle": INT, "accepted": BOOL})
declare("friends.reach_out", {"id": INT, "kind": STR, "from": STR, "body": STR})
declare("friends.reach_out_seen", {"id": INT, "by": STR})
declare("friends.reach_out_reply", {"id": INT, "by": STR})
# Counselling (care)
declare("care.ack", {"relationship": INT, "client_id": STR, "seq": NULLABLE_INT, "status": STR, "duplicate": BOOL},
        {"help": BOOL, "flag": STR, "note": STR})
declare("care.message", {"relationship": INT, "seq": INT, "at": STR, "author": STR, "author_id": NULLABLE_INT,
                         "body": STR, "appointment": NULLABLE_INT, "flag": STR})
declare("care.history", {"relationship": INT, "messages": LIST, "mode": STR, "upto": INT}, {"read": DICT})
declare("care.read", {"relationship": INT, "seq": INT, "reader": STR})
declare("care.unread", {"relationship": INT, "seq": INT})
declare("care.presence", {"appointment": INT, "from": INT, "state": STR},
        {"mode": STR, "reason": STR, "audio": BOOL, "video": BOOL})
declare("care.signal", {"appointment": INT, "from": INT, "data": DICT})
declare("care.notice", {"text": STR, "url": STR})
declare("care.risk", {"relationship": INT, "alert": NULLABLE_INT, "urgent": BOOL, "url": STR})
# The support line (supportline)
declare("line.ack", {"conversation": INT, "client_id": STR, "seq": NULLABLE_INT, "duplicate": BOOL})
declare("line.message", {"conversation": INT, "seq": INT, "kind": STR, "body": STR, "at": STR}, {"author": STR})
declare("line.whisper", {"conversation": INT, "seq": NULLABLE_INT, "kind": STR, "body": STR, "at": STR,
                         "author": STR})
declare("line.history", {"conversation": INT, "messages": LIST, "mode": STR, "status": STR, "supporter": STR})
declare("line.status", {"conversation": INT, "status": STR, "supporter": STR})
declare("line.risk", {"conversation": INT, "level": STR, "reasons": LIST})
declare("line.assigned", {"conversation": INT})
declare("line.queue")
# The companion (companion)
declare("companion.message", {"conversation": INT, "message": DICT})
declare("companion.history", {"conversation": INT, "messages": LIST})
declare("companion.delta", {"client_id": STR, "text": STR})
declare("companion.error", {"client_id": STR, "detail": STR})
# Safety: the person's help panel and outreach, the staff dashboard (safety)
declare("safety.help", {"level": STR, "source": STR, "help_url": STR, "held": BOOL})
declare("safety.outreach", {"conversation": INT, "from": STR, "url": STR, "reply_url": STR})
declare("alert.new", {"alert": DICT})
declare("alert.escalated", {"alert": DICT})
declare("alert.updated", {"alert": DICT}, {"rose": BOOL})
declare("alerts.open", {"alerts": LIST})
declare("review.new", {}, {"item": INT, "source": STR})
