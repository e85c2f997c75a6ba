"""Moderation of live-chat messages: reports from members, messages the abuse detector held, and
what moderators do about them (approve, hide, warn, mute the author for a while, remove the author).

Who: site moderators and administrators everywhere; a group's facilitators in their group (the same
rule as for posts, ``forum.is_moderator_of``). Pages and API require a proven second factor.

Messages held because of crisis language (status ``held``) are not here: the safety team has an
alert for them and they are never released to the group.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.core import audit

from . import actions
from .forum import actions as forum
from .models import ChatMessage, Group, Membership, ModerationAction, Report
from .moderation import (
    QUEUE_LIMIT,
    _anonymous_author_guard,
    _clean_reason,
    _notify,
    moderated_groups,
    mute_membership,
    record_abuse_decision,
)

CHAT_ACTIONS = ("approve", "hide", "warn", "mute", "remove")
MODERATED = (ChatMessage.Status.REVIEW, ChatMessage.Status.PUBLISHED, ChatMessage.Status.HIDDEN)


def _id(value) -> int:
    return forum._id(value)


def access_chat_message_for_moderation(user, message_id) -> ChatMessage:
    """A reviewable chat message in a group the user moderates; 404 alike for everything else."""
    if user is None or not user.is_authenticated:
        raise Http404
    message = (ChatMessage.objects.select_related("group", "author")
               .filter(pk=_id(message_id), status__in=MODERATED).first())
    if message is None or not forum.is_moderator_of(user, message.group):
        raise Http404
    return message


def _label(message: ChatMessage) -> str:
    if message.anonymous:
        return forum.anonymous_label()
    return message.author.pseudonym if message.author else _("former member")


def _context(message: ChatMessage) -> list[dict]:
    """The two published messages before it (for a held one: before the place it was written)."""
    qs = ChatMessage.objects.filter(group_id=message.group_id, status=ChatMessage.Status.PUBLISHED)
    qs = qs.filter(seq__lt=message.seq) if message.seq is not None else qs.filter(created_at__lte=message.created_at)
    rows = list(qs.select_related("author").order_by("-seq")[:2])[::-1]
    return [{"author": _label(m), "body": m.body, "at": m.created_at} for m in rows]


def item_dict(message: ChatMessage, *, reports, history, context=None) -> dict:
    return {
        "message_id": message.pk,
        "group": message.group.slug,
        "group_name": message.group.name,
        "seq": message.seq,
        "author": _label(message),
        "anonymous": message.anonymous,
        "status": message.status,
        "body": message.body,
        "created_at": message.created_at,
        "abuse": ({k: message.abuse_check.get(k) for k in ("label", "score", "reasons")}
                  if message.abuse_check else None),
        "reports": [{"id": r.pk, "reason": r.reason, "at": r.created_at} for r in reports],
        "history": [{"action": a.action, "reason": a.reason, "at": a.at,
                     "moderator": a.moderator.pseudonym if a.moderator else _("former moderator")} for a in history],
        "context": context or [],
    }


def queue(user, group: Group | None = None, limit: int = QUEUE_LIMIT) -> list[dict]:
    """Chat messages waiting for a moderator and reported ones; oldest first."""
    groups = moderated_groups(user)
    if group is not None:
        if not forum.is_moderator_of(user, group):
            raise Http404
        groups = Group.objects.filter(pk=group.pk)
    reported = Report.objects.filter(status=Report.Status.OPEN, chat_message__isnull=False).values("chat_message_id")
    messages = list(ChatMessage.objects.filter(group__in=groups)
                    .filter(Q(status=ChatMessage.Status.REVIEW)
                            | Q(pk__in=reported, status=ChatMessage.Status.PUBLISHED))
                    .select_related("group", "author").order_by("created_at", "pk")[:limit])
    ids = [m.pk for m in messages]
    reports: dict[int, list] = {}
    for r in Report.objects.filter(chat_message_id__in=ids, status=Report.Status.OPEN).order_by("created_at"):
        reports.setdefault(r.chat_message_id, []).append(r)
    history: dict[int, list] = {}
    for a in (ModerationAction.objects.filter(chat_message_id__in=ids).select_related("moderator")
              .order_by("-at")):
        history.setdefault(a.chat_message_id, []).append(a)
    return [item_dict(m, reports=reports.get(m.pk, []), history=history.get(m.pk, []), context=_context(m))
            for m in messages]


# ---------------------------------------------------------------------------------------------
# Members report


def check_report_chat(user, group: Group, seq, reason) -> Report:
    """A member reports a published message of a group they are in (by its sequence number)."""
    actions.require_member(user, group)
    message = ChatMessage.objects.filter(group=group, seq=_id(seq), status=ChatMessage.Status.PUBLISHED).first()
    if message is None:
        raise Http404
    reason = _clean_reason(reason, required=True, minimum=3)
    with transaction.atomic():
        existing = Report.objects.filter(reporter=user, chat_message=message, status=Report.Status.OPEN).first()
        if existing is not None:
            return existing
        report = Report.objects.create(reporter=user, chat_message=message, reason=reason)
        audit.record("community.chat_reported", actor=user, obj=message, subject=message.author_id,
                     detail={"group": group.pk}, seal_subject=message.anonymous)
    return report


# ---------------------------------------------------------------------------------------------
# Moderators act


def check_moderate_chat(moderator, message: ChatMessage, action: str, *, reason="", minutes=None,
                        request=None) -> ModerationAction:
    if action not in CHAT_ACTIONS:
        raise ValidationError({"action": [_("Choose one of: %(a)s.") % {"a": ", ".join(CHAT_ACTIONS)}]})
    reason = _clean_reason(reason, required=action in ("warn", "remove"), minimum=3)
    with transaction.atomic():
        message = (ChatMessage.objects.select_for_update(of=("self",)).select_related("group", "author")
                   .get(pk=message.pk))
        if message.status not in MODERATED:
            raise Http404
        return globals()[f"_do_{action}"](moderator, message, reason=reason, minutes=minutes, request=request)


def _record(moderator, message: ChatMessage, action: str, *, reason="", member_id=None, request=None,
            detail=None) -> ModerationAction:
    entry = ModerationAction.objects.create(moderator=moderator, group=message.group, action=action,
                                            chat_message=message, member_id=member_id, reason=reason[:500])
    audit.record(f"community.chat_moderation.{action}", actor=moderator, request=request, obj=message,
                 subject=message.author_id, detail={"group": message.group_id, "moderation_action": entry.pk,
                                                    **(detail or {})}, seal_subject=message.anonymous)
    return entry


def _close_reports(message: ChatMessage) -> None:
    Report.objects.filter(chat_message=message, status=Report.Status.OPEN).update(status=Report.Status.HANDLED)


def _author_membership(message: ChatMessage) -> Membership:
    membership = Membership.objects.filter(group=message.group, user_id=message.author_id).first()
    if message.author_id is None or membership is None:
        raise ValidationError(_("The author of this message is no longer a member."))
    return membership


def _review_screening(moderator, message: ChatMessage, *, release: bool, request=None) -> None:
    """When crisis screening flagged this message, the moderator's decision labels it for the
    safety layer, as for forum posts: approving says the flag was a false alarm, hiding agrees."""
    from hearthside.safety.actions import check_review_item
    from hearthside.safety.models import ScreenedItem

    item = (ScreenedItem.objects.filter(source=actions.CHAT_SOURCE, source_id=f"{message.group_id}:{message.client_id}",
                                        label="").order_by("-created_at").first())
    if item is None:
        return
    label = ScreenedItem.Label.FALSE_ALARM if release else ScreenedItem.Label.TRUE_CONCERN
    check_review_item(moderator, item, label, release, request=request)


def _do_approve(moderator, message, *, reason, request, **_kw):
    was = message.status
    if was == ChatMessage.Status.HIDDEN:
        raise ValidationError(_("This message was hidden."))
    if was == ChatMessage.Status.REVIEW:
        actions.do_release_chat_message(message)
    _close_reports(message)
    _review_screening(moderator, message, release=True, request=request)
    record_abuse_decision(message, abusive=False)
    return _record(moderator, message, "approve", reason=reason, request=request, detail={"was": was})


def _do_hide(moderator, message, *, reason, request, **_kw):
    was = message.status
    if was == ChatMessage.Status.PUBLISHED:
        # Members see a placeholder in its place, live and in history.
        actions.do_hide_chat_message(moderator, message, reason=reason, request=request)
    else:
        message.status = ChatMessage.Status.HIDDEN
        message.save(update_fields=["status"])
        _record(moderator, message, "hide", reason=reason, request=request, detail={"was": was})
        if was == ChatMessage.Status.REVIEW and message.group.holds_everything and message.author_id:
            from .youth import notify_rejected

            notify_rejected(message.author_id, message.group, "chat")
    _close_reports(message)
    _review_screening(moderator, message, release=False, request=request)
    record_abuse_decision(message, abusive=True)
    return ModerationAction.objects.filter(chat_message=message, action="hide").order_by("-at", "-pk").first()


def _do_warn(moderator, message, *, reason, request, **_kw):
    membership = _author_membership(message)
    _notify(membership.user_id, lambda: _("A moderator of %(g)s wrote to you about one of your chat messages: %(r)s")
            % {"g": message.group.name, "r": reason})
    return _record(moderator, message, "warn", reason=reason, member_id=membership.user_id, request=request)


def _do_mute(moderator, message, *, reason, minutes, request, **_kw):
    _anonymous_author_guard(moderator, message, reason, request=request, record=_record)
    membership = _author_membership(message)
    minutes, until = mute_membership(membership, minutes)
    _notify(membership.user_id, lambda: _("A moderator paused your messages in %(g)s until %(t)s.")
            % {"g": message.group.name, "t": timezone.localtime(until).strftime("%Y-%m-%d %H:%M")})
    return _record(moderator, message, "mute", reason=reason, member_id=membership.user_id, request=request,
                   detail={"minutes": minutes})


def _do_remove(moderator, message, *, reason, request, **_kw):
    _anonymous_author_guard(moderator, message, reason, request=request, record=_record)
    membership = _author_membership(message)
    if membership.user_id == moderator.pk:
        raise PermissionDenied(_("You cannot remove yourself."))
    actions.do_leave(membership.user, message.group, status=Membership.Status.REMOVED, by=moderator, request=request)
    _close_reports(message)
    return _record(moderator, message, "remove", reason=reason, member_id=membership.user_id, request=request)
