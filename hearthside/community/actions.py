"""Community actions: groups, membership and live chat. (Forum: forum.py; moderation: moderation.py.)"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearthside.core import audit, realtime
from hearthside.core.conversation import check_rate, next_seq, page, resent, store_once
from hearthside.core.events import publish_on_commit, user_group
from hearthside.core.prepared import Prepared, first_of

from .models import ChatMessage, Group, MemberBlock, Membership

MAX_CHAT = 4000
ANONYMOUS = "anonymous member"


from hearthside.core.errors import RateLimited  # noqa: E402  (too many messages too fast; says when to try again)


def group_topic(group_id: int) -> str:
    return f"group.{group_id}"


CHAT_SOURCE = "community.chat"  # screening source of group chat messages (source id "<group>:<client id>")


def access_group_by_slug(user, slug: str) -> Group:
    """Any logged-in person may see that a group exists (its name and description); in youth mode,
    only a group of their own age band (youth.allows)."""
    from . import youth

    if user is None or not user.is_authenticated:
        raise Http404
    group = Group.objects.filter(slug=str(slug)[:60]).first()
    if group is None or not youth.allows(user, group):
        raise Http404
    return group


def active_membership(user, group) -> Membership | None:
    from . import youth

    if user is None or not user.is_authenticated:
        return None
    if not youth.allows(user, group):
        return None  # a membership across age bands (left from before a change) counts for nothing
    return _active_membership.first(group.pk, user.pk)


# Asked by every chat message sent: compiled once (core.prepared).
_active_membership = Prepared(lambda group_id, user_id: first_of(Membership.objects.filter(
    group_id=group_id, user_id=user_id, status=Membership.Status.ACTIVE)), int, int)


def require_member(user, group) -> Membership:
    membership = active_membership(user, group)
    if membership is None and not is_group_moderator(user, group):
        raise Http404
    return membership


def is_group_moderator(user, group) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.has_role("moderator", "administrator"):
        # Site staff moderate groups they are not in: with a proved second factor, on every channel
        # (issue #17). A facilitator moderates as a member of the group.
        from hearthside.accounts.auth import proved_second_factor

        if proved_second_factor(user):
            return True
    from . import youth

    if not youth.allows(user, group):
        return False
    return Membership.objects.filter(group=group, user=user, status=Membership.Status.ACTIVE,
                                     role=Membership.Role.FACILITATOR).exists()


def check_join(user, group: Group, request=None) -> Membership:
    from . import youth

    if not youth.allows(user, group):
        raise Http404
    existing = Membership.objects.filter(group=group, user=user).first()
    if existing is not None and existing.status == Membership.Status.ACTIVE:
        return existing
    if existing is not None and existing.status == Membership.Status.REMOVED:
        raise PermissionDenied(_("You were removed from this group. Contact the moderators if you think this is wrong."))
    if group.join_policy == Group.JoinPolicy.INVITE and not (existing and existing.status == Membership.Status.INVITED):
        raise PermissionDenied(_("This group is by invitation only."))
    status = (Membership.Status.PENDING if group.join_policy == Group.JoinPolicy.REQUEST
              and not (existing and existing.status == Membership.Status.INVITED) else Membership.Status.ACTIVE)
    with transaction.atomic():
        if existing is None:
            membership = Membership.objects.create(group=group, user=user, status=status,
                                                   last_read_seq=group.last_seq)
        else:
            existing.status = status
            existing.joined_at = timezone.now()
            existing.save(update_fields=["status", "joined_at"])
            membership = existing
        audit.record("community.joined" if status == Membership.Status.ACTIVE else "community.join_requested",
                     actor=user, request=request, obj=group, subject=user)
        if status == Membership.Status.ACTIVE:
            _control(user.pk, {"type": "membership.started", "group": group.slug})
    return membership


def do_leave(user, group: Group, *, status: str = Membership.Status.LEFT, by=None, request=None) -> None:
    """End someone's membership; their open sockets stop receiving the group at once."""
    with transaction.atomic():
        updated = Membership.objects.filter(group=group, user=user).exclude(status=status).update(status=status)
        if updated:
            audit.record("community.left" if status == Membership.Status.LEFT else "community.removed",
                         actor=by or user, request=request, obj=group, subject=user)
            _control(user.pk, {"type": "membership.ended", "group": group.slug})


def _control(user_id: int, event: dict) -> None:
    # Goes through the same ordered fan-out as chat frames, so a removal is applied by every
    # process before any later message of that group reaches the removed person's sockets.
    publish_on_commit(user_group(user_id), event)


def chat_author_ref(group_id: int, user_id) -> str:
    from hearthside.core.ids import opaque

    return opaque("chat", group_id, user_id)


def chat_frame(message: ChatMessage, group: Group) -> dict:
    frame = {"type": "chat.message", "group": group.slug, "seq": message.seq,
             "at": message.created_at.isoformat()}
    if message.status == ChatMessage.Status.HIDDEN:
        frame["hidden"] = True
        return frame
    frame["author"] = ANONYMOUS if message.anonymous or message.author is None else message.author.pseudonym
    # Whether a name is shown (report and block apply to named messages), and who wrote it as a
    # reference that means something in this group only (sockets filter muted people by it):
    # never the account id, which would link this pseudonym to the person's peer profile.
    named = not message.anonymous and message.author_id is not None
    frame["named"] = named
    frame["author_ref"] = chat_author_ref(group.pk, message.author_id) if named else ""
    frame["body"] = message.body
    return frame


def check_send_chat(user, group: Group, client_id: str, body: str, *, anonymous: bool = False):
    """Screen, store, then broadcast after commit. Returns (message, created, route).

    A resend with the same client id returns the stored message and never duplicates it.
    """
    client_id = realtime.clean_client_id(client_id)
    existing = resent(ChatMessage, group, user, client_id)
    if existing is not None:
        return existing, False, None
    body = realtime.clean_body(body, MAX_CHAT)
    membership = active_membership(user, group)
    if membership is None:
        raise Http404
    now = timezone.now()
    if membership.muted_until and membership.muted_until > now:
        raise PermissionDenied(_("A moderator has paused your messages in this group until %(t)s.")
                               % {"t": timezone.localtime(membership.muted_until).strftime("%H:%M")})
    if anonymous and not group.allow_anonymous:
        raise ValidationError({"anonymous": [_("This group does not allow anonymous messages.")]})
    check_rate(ChatMessage, group, user, group.chat_rate_per_minute,
               _("You are sending messages very quickly. Take a breath and try again in a minute."), now=now)
    if group.slow_mode_seconds and ChatMessage.objects.filter(
            group=group, author=user, created_at__gte=now - timedelta(seconds=group.slow_mode_seconds)).exists():
        raise RateLimited(ngettext("This group is in slow mode: one message every %(n)s second.",
                                   "This group is in slow mode: one message every %(n)s seconds.",
                                   group.slow_mode_seconds) % {"n": group.slow_mode_seconds})

    from hearthside.safety.actions import recent_texts_in, screen_and_route

    history = recent_texts_in(ChatMessage, group, user)
    def store():
        route = screen_and_route(user, body, CHAT_SOURCE, source_id=f"{group.pk}:{client_id}",
                                 context="chat", history=history)
        if not route.publish:
            message = ChatMessage.objects.create(group=group, author=user, client_id=client_id, body=body,
                                                 anonymous=anonymous, status=ChatMessage.Status.HELD)
            return message, route
        abuse = abuse_check(body)
        if abuse or (group.holds_everything and not is_group_moderator(user, group)):
            # Insults, harassment, hate: kept back for a moderator, who can release it. In an
            # under-18 group in youth mode, everything is (crisis screening has run already).
            message = ChatMessage.objects.create(group=group, author=user, client_id=client_id, body=body,
                                                 anonymous=anonymous, status=ChatMessage.Status.REVIEW,
                                                 abuse_check=abuse)
            return message, route
        return _publish_chat(group, user, client_id, body, anonymous), route

    with _in_publish_order(group):
        return store_once(ChatMessage, group, user, client_id, store)


def abuse_check(text: str) -> dict:
    """What the abuse detector found, when the text must wait for a moderator; {} otherwise."""
    from hearthside.safety.abuse import classify_abuse

    result = classify_abuse(text)
    return result.to_dict() if result.abusive else {}


PUBLISH_LOCK_NAMESPACE = 0x4853 << 48  # "HS" in the top bits of the advisory lock key; the group id below


def publish_lock_key(group_pk: int) -> int:
    return PUBLISH_LOCK_NAMESPACE | group_pk


@contextmanager
def _in_publish_order(group: Group):
    """Commit and publish one group's messages one at a time, across processes.

    The group row's lock gives out sequence numbers in commit order, but it is released by the
    commit, before the message is published: two workers could then publish 11 before 10, and
    members would receive them out of order (the clients would put them right, by sequence number,
    but every one of them would have to). On PostgreSQL a session advisory lock per group is held
    from before the transaction until after the publish (``on_commit`` runs inside it). SQLite has
    one writer and one process, whose database thread commits and publishes in turn. Inside an
    outer transaction the publish waits for that transaction, so the lock would not cover it.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s::bigint)", [publish_lock_key(group.pk)])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s::bigint)", [publish_lock_key(group.pk)])


def _next_seq(group: Group) -> int:
    return next_seq(Group, group.pk)


def _broadcast(message: ChatMessage, group: Group) -> None:
    frame = json.dumps(chat_frame(message, group), separators=(",", ":"), ensure_ascii=False)
    publish_on_commit(group_topic(group.pk), frame)


def _publish_chat(group: Group, user, client_id: str, body: str, anonymous: bool) -> ChatMessage:
    message = ChatMessage.objects.create(group=group, author=user, client_id=client_id, body=body,
                                         anonymous=anonymous, seq=_next_seq(group))
    _broadcast(message, group)
    return message


def do_release_chat_message(message: ChatMessage) -> ChatMessage:
    """A held message a moderator approved takes the next place in the conversation (in a transaction)."""
    message.seq = _next_seq(message.group)
    message.status = ChatMessage.Status.PUBLISHED
    message.save(update_fields=["seq", "status"])
    _broadcast(message, message.group)
    return message


def chat_history(user, group: Group, *, after: int | None = None, before: int | None = None, limit: int = 50):
    """Messages with a sequence number, oldest first: after ``after`` (catch-up) or before
    ``before`` (paging back). Hidden messages come as placeholders so clients see no gap, and so do
    messages of people the reader muted or blocked (``filtered``: no author, no text)."""
    require_member(user, group)
    hidden = hidden_author_ids(user)
    rows = page(ChatMessage.objects.filter(group=group).select_related("author"), after=after, before=before,
                limit=limit)
    return [filtered_frame(group.slug, m.seq, m.created_at.isoformat())
            if m.author_id in hidden and not m.anonymous else chat_frame(m, group) for m in rows]


def filtered_frame(slug: str, seq: int, at: str) -> dict:
    """Takes the place of a message the reader chose not to see, so their sequence has no gap."""
    return {"type": "chat.message", "group": slug, "seq": seq, "at": at, "filtered": True}


# ---------------------------------------------------------------------------------------------
# Mute and block, member to member


def hidden_authors_q(user) -> Q:
    """Matches content (posts, chat) by people ``user`` does not see: whom they muted or blocked, and
    who blocked them. Anonymous content is never matched. Subqueries, not a round trip."""
    mine = MemberBlock.objects.filter(user=user).values("other_id")
    theirs = MemberBlock.objects.filter(other=user, kind=MemberBlock.Kind.BLOCK).values("user_id")
    return (Q(author_id__in=mine) | Q(author_id__in=theirs)) & Q(anonymous=False)


# Asked by every websocket handshake: compiled once (core.prepared).
_blocks_touching = Prepared(lambda user_id: MemberBlock.objects.filter(
    Q(user_id=user_id) | Q(other_id=user_id, kind=MemberBlock.Kind.BLOCK)).values_list("user_id", "other_id"), int)


def hidden_author_ids(user) -> set[int]:
    if user is None or not user.is_authenticated:
        return set()
    return {other if mine == user.pk else mine for mine, other in _blocks_touching(user.pk)}


def blocked_ids(user) -> set[int]:
    """People ``user`` blocked or who blocked them, mutes left out. ``MemberBlock`` is the one block
    for the whole app: Friends hides these people from each other too."""
    rows = MemberBlock.objects.filter(Q(user=user) | Q(other=user), kind=MemberBlock.Kind.BLOCK).values_list(
        "user_id", "other_id")
    return {other if mine == user.pk else mine for mine, other in rows}


def access_member_by_pseudonym(user, pseudonym: str):
    """Someone who shares a group with ``user`` (the only people one can meet here); 404 otherwise."""
    from hearthside.accounts.models import User

    from . import youth

    other = User.objects.filter(pseudonym=str(pseudonym)[:150], is_active=True).exclude(pk=user.pk).first()
    if other is None or not youth.same_band(user, other):
        raise Http404
    shared = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values("group_id")
    if not Membership.objects.filter(user=other, group_id__in=shared).exclude(
            status__in=[Membership.Status.PENDING, Membership.Status.INVITED]).exists():
        raise Http404
    return other


def check_block(user, other, kind: str, request=None) -> MemberBlock:
    """Mute (only I stop seeing them) or block (neither of us sees the other). Changing one to
    the other updates it; the change reaches open sockets at once."""
    if kind not in MemberBlock.Kind.values:
        raise ValidationError({"kind": [_("Choose mute or block.")]})
    if other.pk == user.pk:
        raise ValidationError(_("You cannot mute or block yourself."))
    with transaction.atomic():
        block, created = MemberBlock.objects.get_or_create(user=user, other=other, defaults={"kind": kind})
        was = None if created else block.kind
        if not created and block.kind != kind:
            block.kind = kind
            block.save(update_fields=["kind"])
        audit.record(f"community.member_{kind}", actor=user, request=request, obj=block, subject=user)
        _blocks_changed(user.pk, other.pk, kind, was)
    return block


def do_unblock(user, other, request=None) -> bool:
    with transaction.atomic():
        block = MemberBlock.objects.filter(user=user, other=other).first()
        if block is None:
            return False
        kind = block.kind
        block.delete()
        audit.record("community.member_unblocked", actor=user, request=request, obj=None, subject=user)
        _blocks_changed(user.pk, other.pk, None, kind)
    return True


def _blocks_changed(user_id: int, other_id: int, kind, was) -> None:
    # Open sockets reload whom to leave out; the other person's too when a block is involved.
    _control(user_id, {"type": "blocks.changed"})
    if MemberBlock.Kind.BLOCK in (kind, was):
        _control(other_id, {"type": "blocks.changed"})


def blocks_for(user) -> list[dict]:
    return [{"pseudonym": b.other.pseudonym, "kind": b.kind, "created_at": b.created_at}
            for b in MemberBlock.objects.filter(user=user).select_related("other").order_by("other__pseudonym")]


def do_hide_chat_message(moderator, message: ChatMessage, reason: str = "", request=None) -> None:
    from .models import ModerationAction

    with transaction.atomic():
        message.status = ChatMessage.Status.HIDDEN
        message.save(update_fields=["status"])
        ModerationAction.objects.create(moderator=moderator, group=message.group, action="hide",
                                        chat_message=message, reason=reason[:500])
        audit.record("community.chat_hidden", actor=moderator, request=request, obj=message,
                     subject=message.author_id, seal_subject=message.anonymous)
        if message.seq is not None:
            frame = json.dumps(chat_frame(message, message.group), separators=(",", ":"))
            publish_on_commit(group_topic(message.group_id), frame)


def _active_groups(user_id: int):
    return Group.objects.filter(memberships__user_id=user_id, memberships__status=Membership.Status.ACTIVE)


_group_ids = Prepared(lambda user_id: _active_groups(user_id).values_list("slug", "pk"), int)
_group_ids_of_band = Prepared(lambda user_id, band: _active_groups(user_id).filter(audience=band)
                              .values_list("slug", "pk"), int, str)


def groups_for(user) -> dict[str, int]:
    """The groups ``user`` is an active member of and may see (youth mode), slug → id: what every
    websocket handshake joins (compiled once, ``core.prepared``; the same rule as
    ``youth.visible_groups``)."""
    from . import youth

    if not youth.on() or youth.sees_every_group(user):
        return dict(_group_ids(user.pk))
    band = youth.band_of(user)
    return {} if band is None else dict(_group_ids_of_band(user.pk, str(band)))
