"""Supervisors and staff around a conversation: reading along or joining, whispers (notes only staff
see), taking over, handing off, the supporter's note, and the audited staff read."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from hearthside.core import audit, realtime
from hearthside.core.i18n import in_language_of
from hearthside.core.text import clean_text

from ..models import Conversation, Message, Watch
from .common import HANDOFF_ROLES, MAX_NOTE, is_supervisor, staff_role_in, staff_topic, topic
from .messages import _system, message_frame
from .queue import _reassign


def whispers(conversation: Conversation) -> list[dict]:
    rows = Message.objects.filter(conversation=conversation, kind=Message.Kind.WHISPER).select_related("author")
    return [message_frame(m) for m in rows.order_by("created_at", "pk")[:200]]


def _require_supervisor(user) -> None:
    if not is_supervisor(user):
        raise Http404


def check_watch(supervisor, conversation: Conversation, *, join: bool = False, request=None) -> Watch:
    """Read along silently (audited), or join so the person sees the supervisor too."""
    _require_supervisor(supervisor)
    if conversation.person_id == supervisor.pk:
        raise Http404
    if not conversation.is_live:
        raise ValidationError(_("This conversation has ended."))
    with transaction.atomic():
        watch, created = Watch.objects.get_or_create(conversation=conversation, supervisor=supervisor)
        if join and watch.mode != Watch.Mode.JOINED:
            watch.mode = Watch.Mode.JOINED
            watch.save(update_fields=["mode"])
            audit.record("supportline.supervisor_joined", actor=supervisor, request=request, obj=conversation,
                         subject=conversation.person_id)
            conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
            with in_language_of(conversation.person_id):
                text = _("%(name)s, a supervisor, has joined the conversation.") % {"name": supervisor.pseudonym}
            _system(conversation, text)
        elif created:
            audit.record("supportline.read_along", actor=supervisor, request=request, obj=conversation,
                         subject=conversation.person_id)
        realtime.subscribe_on_commit(supervisor.pk, topic(conversation.pk))
        realtime.subscribe_on_commit(supervisor.pk, staff_topic(conversation.pk))
    return watch


def do_view_as_staff(user, conversation: Conversation, role: str, request=None) -> None:
    """Every staff read of a conversation is in the audit log."""
    audit.record("supportline.viewed", actor=user, request=request, obj=conversation,
                 subject=conversation.person_id, detail={"as": role})


def check_take_over(supervisor, conversation: Conversation, request=None) -> Conversation:
    _require_supervisor(supervisor)
    if conversation.person_id == supervisor.pk:
        raise Http404
    if not conversation.is_live:
        raise ValidationError(_("This conversation has ended."))
    return _reassign(supervisor, conversation, supervisor, summary="", request=request, action="supportline.taken_over")


def check_handoff(actor, conversation: Conversation, to_user_id, summary: str, request=None) -> Conversation:
    """Hand the conversation to another supporter or a clinician, with a summary for them."""
    from hearthside.accounts.models import User

    if staff_role_in(actor, conversation) not in ("supporter", "joined", "read", "supervisor"):
        raise Http404
    if staff_role_in(actor, conversation) != "supporter" and not is_supervisor(actor):
        raise Http404
    summary = clean_text(summary, "summary", most=MAX_NOTE,
                         empty=_("Write a short summary for the person taking over."), too_long=ngettext_lazy(
                             "Keep the summary under %(n)s character.", "Keep the summary under %(n)s characters.", "n"))
    try:
        target = User.objects.filter(is_active=True, role_grants__role__in=HANDOFF_ROLES).distinct().get(
            pk=int(to_user_id))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        raise ValidationError({"to": [_("Choose a supporter or clinician.")]}) from None
    if target.pk in (conversation.person_id, conversation.supporter_id):
        raise ValidationError({"to": [_("Choose someone else.")]})
    if not conversation.is_live:
        raise ValidationError(_("This conversation has ended."))
    return _reassign(actor, conversation, target, summary=summary, request=request, action="supportline.handed_off")


def check_set_note(user, conversation: Conversation, note: str, request=None) -> None:
    if staff_role_in(user, conversation) not in ("supporter", "joined"):
        raise Http404
    note = (note or "").replace("\x00", "")
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": [ngettext(
            "Keep the note under %(n)s character.",
            "Keep the note under %(n)s characters.", MAX_NOTE) % {"n": MAX_NOTE}]})
    conversation.note = note
    conversation.save(update_fields=["note"])
    audit.record("supportline.note_saved", actor=user, request=request, obj=conversation,
                 subject=conversation.person_id)
