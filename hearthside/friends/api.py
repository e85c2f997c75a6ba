"""Friends API under /api/v1/friends: peer profile, suggestions, connections, peer chat, the
circle of support, reach-outs and the coping-strategies board."""

from __future__ import annotations

from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from hearthside.core.api_helpers import ConversationAckOut, ConversationMessageIn, check_seqs, sent_status

from . import actions
from .models import Connection

router = Router(tags=["friends"])


def _moderator(request) -> None:
    """Moderator endpoints: the role (404 otherwise) and a second factor, as on staff APIs."""
    from hearthside.accounts.auth import require_staff

    require_staff(request, actions.is_moderator(request.user),
                  "Moderation needs two-factor authentication: enrol and log in with a code.")


# --- profile ---------------------------------------------------------------------------------


class PeerProfileIn(Schema):
    pseudonym: str = Field(..., max_length=40)
    intro: str = Field("", max_length=300)
    topics: list[str] = []
    languages: list[str] = []
    age_band: str = ""
    looking_for: list[str] = []
    availability: list[str] = []
    enabled: bool = False
    nudge_after_days: int | None = Field(None, ge=1, le=60)


class ProfileOut(Schema):
    id: int
    pseudonym: str
    intro: str
    topics: list[str]
    languages: list[str]
    age_band: str
    looking_for: list[str]
    availability: list[str]
    enabled: bool
    nudge_after_days: int | None


def _profile_out(p) -> dict:
    return {"id": p.pk, "pseudonym": p.pseudonym, "intro": p.intro, "topics": p.topics, "languages": p.languages,
            "age_band": p.age_band, "looking_for": p.looking_for, "availability": p.availability,
            "enabled": p.enabled, "nudge_after_days": p.nudge_after_days}


@router.get("/profile", response=ProfileOut, summary="My peer profile")
def get_profile(request):
    profile = actions.profile_for(request.user)
    if profile is None:
        raise HttpError(404, "You have no peer profile yet.")
    return _profile_out(profile)


@router.post("/profile", response=ProfileOut, summary="Create or update my peer profile")
def put_profile(request, payload: PeerProfileIn):
    return _profile_out(actions.check_save_profile(request.user, payload.dict(), request=request))


class DiscoverableIn(Schema):
    enabled: bool


@router.post("/profile/discoverable", response=ProfileOut, summary="Turn discovery on or off (off hides at once)")
def set_discoverable(request, payload: DiscoverableIn):
    return _profile_out(actions.do_set_discoverable(request.user, payload.enabled, request=request))


class PeerOut(Schema):
    id: int
    pseudonym: str
    intro: str
    topics: list[str]
    languages: list[str]
    looking_for: list[str]
    reason: str
    score: int


@router.get("/suggestions", response=list[PeerOut], summary="Suggested peers with the reason (topic= to search)")
def list_suggestions(request, topic: str | None = None, limit: int = 20):
    rows = actions.suggestions(request.user, topic=topic, limit=limit)
    return [{"id": r["profile"].pk, "pseudonym": r["profile"].pseudonym, "intro": r["profile"].intro,
             "topics": r["profile"].topics, "languages": r["profile"].languages,
             "looking_for": r["profile"].looking_for, "reason": r["reason"], "score": r["score"]} for r in rows]


# --- connections -----------------------------------------------------------------------------


class RequestIn(Schema):
    message: str = Field("", max_length=300)


class ConnectionOut(Schema):
    id: int
    peer: str
    status: str
    message: str | None = None
    incoming: bool
    me: str = Field("", description="your `author_ref` in this connection's messages")


def _connection_out(connection: Connection, user) -> dict:
    incoming = connection.recipient_id == user.pk
    other = connection.requester if incoming else connection.recipient
    status = connection.status if incoming else actions.requester_status(connection)
    return {"id": connection.pk, "peer": actions.display_name(other), "status": status,
            "message": connection.message if incoming else None, "incoming": incoming,
            "me": actions.author_ref(connection.pk, user.pk)}


@router.post("/profiles/{profile_id}/request", response={201: ConnectionOut}, summary="Ask to connect")
def request_connection(request, profile_id: int, payload: RequestIn):
    profile = actions.access_profile_by_id(request.user, profile_id)
    connection = actions.check_request(request.user, profile, payload.message, request=request)
    connection.recipient = profile.user
    return Status(201, _connection_out(connection, request.user))


class RequestsOut(Schema):
    incoming: list[ConnectionOut]
    outgoing: list[ConnectionOut]


@router.get("/requests", response=RequestsOut, summary="Requests to me, and mine (a decline reads 'not_now')")
def list_requests(request):
    return {"incoming": [_connection_out(c, request.user) for c in actions.incoming_requests(request.user)],
            "outgoing": [_connection_out(c, request.user) for c in actions.outgoing_requests(request.user)]}


class AnswerIn(Schema):
    answer: str = Field(..., pattern="^(accept|decline|block)$")


@router.post("/connections/{connection_id}/respond", response=ConnectionOut, summary="Accept, decline or block")
def respond(request, connection_id: int, payload: AnswerIn):
    connection = actions.access_connection_by_id(request.user, connection_id,
                                                 statuses=(Connection.Status.PENDING,))
    connection = actions.check_respond(request.user, connection, payload.answer, request=request)
    return _connection_out(connection, request.user)


@router.post("/connections/{connection_id}/withdraw", response={204: None}, summary="Withdraw my request")
def withdraw(request, connection_id: int):
    connection = actions.access_connection_by_id(request.user, connection_id,
                                                 statuses=(Connection.Status.PENDING, Connection.Status.HELD))
    actions.check_withdraw(request.user, connection, request=request)
    return Status(204, None)


@router.get("/connections", response=list[ConnectionOut], summary="My connections")
def list_connections(request):
    return [_connection_out(c, request.user) for c in actions.my_connections(request.user)]


@router.post("/connections/{connection_id}/end", response={204: None}, summary="End a connection")
def end_connection(request, connection_id: int):
    connection = actions.access_connection_by_id(request.user, connection_id)
    actions.do_end(request.user, connection, request=request)
    return Status(204, None)


@router.post("/connections/{connection_id}/block", response={204: None}, summary="Block this person")
def block(request, connection_id: int):
    connection = actions.access_connection_by_id(request.user, connection_id,
                                                 statuses=(Connection.Status.PENDING, Connection.Status.ACCEPTED))
    other = connection.requester if connection.recipient_id == request.user.pk else connection.recipient
    actions.do_block(request.user, other, request=request)
    return Status(204, None)


class PeerMessageOut(Schema):
    type: str
    connection: int
    seq: int | None
    at: str
    author: str | None = None
    author_ref: str = Field("", description="who wrote it, the same within this connection only; "
                                            "compare with `me` in the connection")
    body: str | None = None
    hidden: bool = False


@router.get("/connections/{connection_id}/messages", response=list[PeerMessageOut],
            summary="Chat history: after= to catch up, before= to page back")
def messages(request, connection_id: int, after: int | None = None, before: int | None = None, limit: int = 50):
    check_seqs(after, before)
    connection = actions.access_connection_by_id(request.user, connection_id)
    return actions.chat_history(request.user, connection, after=after, before=before, limit=limit)


class PeerMessageIn(ConversationMessageIn):
    pass


class PeerAckOut(ConversationAckOut):
    pass


@router.post("/connections/{connection_id}/messages", response={201: PeerAckOut, 200: PeerAckOut},
             summary="Send a message (resend-safe)")
def send(request, connection_id: int, payload: PeerMessageIn):
    connection = actions.access_connection_by_id(request.user, connection_id)
    return sent_status(actions.check_send(request.user, connection, payload.client_id, payload.body))


class PeerReportIn(Schema):
    reason: str = Field("", max_length=500)


@router.post("/connections/{connection_id}/messages/{seq}/report", response={201: None},
             summary="Report a message in one step")
def report_message(request, connection_id: int, seq: int, payload: PeerReportIn):
    check_seqs(seq)
    connection = actions.access_connection_by_id(request.user, connection_id,
                                                 statuses=(Connection.Status.ACCEPTED, Connection.Status.ENDED,
                                                           Connection.Status.BLOCKED))
    actions.check_report_message(request.user, connection, seq, payload.reason, request=request)
    return Status(201, None)


# --- circle ----------------------------------------------------------------------------------


class CircleOut(Schema):
    id: int
    name: str
    status: str
    in_safety_plan: bool


def _circle_out(m, name_of) -> dict:
    return {"id": m.pk, "name": actions.display_name(name_of), "status": m.status, "in_safety_plan": m.in_safety_plan}


class CirclesOut(Schema):
    mine: list[CircleOut]
    joined: list[CircleOut]


@router.get("/circle", response=CirclesOut, summary="My circle, and the circles I was asked into")
def circle(request):
    return {"mine": [_circle_out(m, m.member) for m in actions.circle_of(request.user)],
            "joined": [_circle_out(m, m.owner) for m in actions.circles_i_am_in(request.user)]}


class InviteIn(Schema):
    in_safety_plan: bool = False


@router.post("/connections/{connection_id}/circle", response={201: CircleOut}, summary="Ask them into my circle")
def invite(request, connection_id: int, payload: InviteIn):
    connection = actions.access_connection_by_id(request.user, connection_id)
    membership = actions.check_invite_to_circle(request.user, connection, in_safety_plan=payload.in_safety_plan,
                                                request=request)
    return Status(201, _circle_out(membership, membership.member))


class AcceptIn(Schema):
    accept: bool


@router.post("/circle/{circle_id}/answer", response=CircleOut, summary="Agree (or not) to be in someone's circle")
def answer_circle(request, circle_id: int, payload: AcceptIn):
    membership = actions.access_circle_member_by_id(request.user, circle_id, as_owner=False)
    membership = actions.check_answer_circle(request.user, membership, payload.accept, request=request)
    return _circle_out(membership, membership.owner)


class PeerPlanIn(Schema):
    in_safety_plan: bool


@router.post("/circle/{circle_id}/plan", response=CircleOut, summary="List (or not) in my safety plan")
def circle_plan(request, circle_id: int, payload: PeerPlanIn):
    membership = actions.access_circle_member_by_id(request.user, circle_id, as_owner=True)
    membership = actions.check_set_in_plan(request.user, membership, payload.in_safety_plan, request=request)
    return _circle_out(membership, membership.member)


@router.post("/circle/{circle_id}/leave", response={204: None}, summary="Remove from my circle, or leave theirs")
def leave_circle(request, circle_id: int):
    membership = actions.access_circle_member_by_id(request.user, circle_id)
    actions.do_leave_circle(request.user, membership, request=request)
    return Status(204, None)


# --- reach-outs ------------------------------------------------------------------------------


class ReachOutIn(Schema):
    preset: str = ""
    text: str = Field("", max_length=500)


class SeenOut(Schema):
    name: str
    seen: bool
    replied: bool
    reply: str | None


class SentOut(Schema):
    id: int
    body: str
    at: str
    recipients: list[SeenOut]


def _sent_out(reach_out) -> dict:
    return {"id": reach_out.pk, "body": reach_out.body, "at": reach_out.created_at.isoformat(),
            "recipients": [{"name": actions.display_name(d.recipient), "seen": d.seen_at is not None,
                            "replied": d.responded_at is not None, "reply": d.response or None}
                           for d in reach_out.deliveries.all()]}


@router.post("/reach-out", response={201: SentOut}, summary="Reach out to my circle")
def reach_out(request, payload: ReachOutIn):
    sent = actions.check_reach_out(request.user, preset=payload.preset, text=payload.text, request=request)
    return Status(201, _sent_out(sent))


@router.get("/reach-outs/sent", response=list[SentOut], summary="What I sent, and who has seen it")
def sent(request):
    return [_sent_out(r) for r in actions.sent_reach_outs(request.user)]


class ReceivedOut(Schema):
    id: int
    kind: str
    sender: str
    body: str
    at: str
    seen: bool
    reply: str | None


def _received_out(d) -> dict:
    return {"id": d.pk, "kind": d.reach_out.kind, "sender": actions.display_name(d.reach_out.sender),
            "body": d.reach_out.body, "at": d.reach_out.created_at.isoformat(), "seen": d.seen_at is not None,
            "reply": d.response or None}


@router.get("/reach-outs", response=list[ReceivedOut], summary="Reach-outs from people whose circle I am in")
def received(request):
    return [_received_out(d) for d in actions.received_reach_outs(request.user)]


@router.post("/reach-outs/{delivery_id}/seen", response=ReceivedOut, summary="Mark a reach-out as seen")
def seen(request, delivery_id: int):
    delivery = actions.access_delivery_by_id(request.user, delivery_id)
    return _received_out(actions.do_mark_seen(request.user, delivery))


class PeerReplyIn(Schema):
    text: str = Field(..., max_length=500)


@router.post("/reach-outs/{delivery_id}/reply", response=ReceivedOut, summary="Reply to a reach-out")
def reply(request, delivery_id: int, payload: PeerReplyIn):
    delivery = actions.access_delivery_by_id(request.user, delivery_id)
    return _received_out(actions.check_respond_reach_out(request.user, delivery, payload.text, request=request))


# --- coping strategies -------------------------------------------------------------------------


class StrategyIn(Schema):
    text: str = Field(..., max_length=600)
    situations: list[str] = []


class StrategyOut(Schema):
    id: int
    text: str
    situations: list[str]
    author: str
    status: str
    helped: int
    helped_me: bool


def _strategy_out(s) -> dict:
    return {"id": s.pk, "text": s.text, "situations": s.situations,
            "author": actions.display_name(s.author) if s.author_id else "",
            "status": s.status, "helped": getattr(s, "helped", 0), "helped_me": bool(getattr(s, "mine_helped", 0))}


@router.get("/strategies", response=list[StrategyOut], summary="The coping-strategies board (situation= to filter)")
def strategies(request, situation: str | None = None):
    return [_strategy_out(s) for s in actions.strategy_board(request.user, situation=situation)]


@router.post("/strategies", response={201: StrategyOut}, summary="Share what helps you")
def share_strategy(request, payload: StrategyIn):
    strategy, _route = actions.check_share_strategy(request.user, payload.text, payload.situations, request=request)
    return Status(201, _strategy_out(strategy))


class HelpedOut(Schema):
    helped_me: bool


@router.post("/strategies/{strategy_id}/helped", response=HelpedOut, summary="'This helped me too' (toggles)")
def helped(request, strategy_id: int):
    strategy = actions.access_strategy_by_id(request.user, strategy_id)
    return {"helped_me": actions.do_toggle_helped(request.user, strategy)}


@router.post("/strategies/{strategy_id}/report", response={201: None}, summary="Report a strategy")
def report_strategy(request, strategy_id: int, payload: PeerReportIn):
    strategy = actions.access_strategy_by_id(request.user, strategy_id)
    actions.check_report_strategy(request.user, strategy, payload.reason, request=request)
    return Status(201, None)


@router.post("/strategies/{strategy_id}/save-to-plan", response={204: None},
             summary="Save into my safety plan's coping strategies")
def save_to_plan(request, strategy_id: int):
    strategy = actions.access_strategy_by_id(request.user, strategy_id)
    actions.check_save_strategy_to_plan(request.user, strategy, request=request)
    return Status(204, None)


@router.post("/strategies/{strategy_id}/hide", response=StrategyOut, summary="Moderators: hide a strategy")
def hide_strategy(request, strategy_id: int, payload: PeerReportIn):
    _moderator(request)
    strategy = actions.access_strategy_by_id(request.user, strategy_id)
    return _strategy_out(actions.check_hide_strategy(request.user, strategy, payload.reason, request=request))


# --- moderators: requests held after reports -------------------------------------------------


class HeldOut(Schema):
    id: int
    requester: str
    recipient: str
    message: str


@router.get("/moderation/held-requests", response=list[HeldOut], summary="Moderators: requests held after reports")
def held(request):
    _moderator(request)
    return [{"id": c.pk, "requester": c.requester.pseudonym, "recipient": c.recipient.pseudonym,
             "message": c.message} for c in actions.held_requests()]


class ReleaseIn(Schema):
    release: bool


@router.post("/moderation/held-requests/{connection_id}", response=HeldOut,
             summary="Moderators: release or reject a held request")
def review_held(request, connection_id: int, payload: ReleaseIn):
    _moderator(request)
    connection = actions.check_review_held_request(request.user, connection_id, payload.release, request=request)
    return {"id": connection.pk, "requester": connection.requester.pseudonym,
            "recipient": connection.recipient.pseudonym, "message": connection.message}


class PeerReportOut(Schema):
    id: int
    reported: str | None
    by_detector: bool
    reason: str
    message: str | None
    message_status: str | None
    strategy: str | None
    at: str


@router.get("/moderation/reports", response=list[PeerReportOut], summary="Moderators: open reports (audited read)")
def reports(request):
    _moderator(request)
    rows = actions.open_reports(request.user, request=request)
    return [{"id": r.pk, "reported": r.reported.pseudonym if r.reported_id else None,
             "by_detector": r.reporter_id is None, "reason": r.reason,
             "message": r.message.body if r.message_id else None,
             "message_status": r.message.status if r.message_id else None,
             "strategy": r.strategy.text if r.strategy_id else None, "at": r.created_at.isoformat()} for r in rows]


class HandleIn(Schema):
    action: str = Field(..., pattern="^(dismiss|hide|release)$")


@router.post("/moderation/reports/{report_id}", response={204: None},
             summary="Moderators: dismiss, hide, or release what screening held")
def handle_report(request, report_id: int, payload: HandleIn):
    _moderator(request)
    actions.check_handle_report(request.user, report_id, payload.action, request=request)
    return Status(204, None)
