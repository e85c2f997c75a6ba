"""The circle of support, and the people it adds to the owner's safety plan."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearthside.accounts.actions import has_consent
from hearthside.core import audit
from hearthside.core.access import id_or_404
from hearthside.core.events import publish_on_commit, user_group
from hearthside.safety.actions import do_update_plan, plan_for

from ..models import CircleMember, Connection
from .common import display_name


def plan_entry(member_user) -> str:
    # No contact details and no health data: only the name they use here and where to find them.
    return _("%(name)s — my Hearthside circle (message them under Friends)") % {"name": display_name(member_user)}


def _plan_people(owner, add: str | None = None, remove_prefix: str | None = None) -> None:
    plan = plan_for(owner)
    people = list(plan.steps.get("people_to_ask", [])) if plan is not None else []
    if remove_prefix:
        people = [p for p in people if not p.startswith(remove_prefix)]
    if add and add not in people:
        people.append(add)
    if plan is None and not people:
        return
    do_update_plan(owner, {"people_to_ask": people[:20]})


def may_write_plan(owner) -> bool:
    return has_consent(owner, "health_data")


def access_circle_member_by_id(user, circle_id, *, as_owner: bool | None = None) -> CircleMember:
    circle_id = id_or_404(circle_id, below=2**62)
    qs = CircleMember.objects.select_related("owner__peer_profile", "member__peer_profile")
    if as_owner is True:
        qs = qs.filter(owner=user)
    elif as_owner is False:
        qs = qs.filter(member=user)
    else:
        qs = qs.filter(Q(owner=user) | Q(member=user))
    membership = qs.filter(pk=circle_id).exclude(status=CircleMember.Status.REMOVED).first()
    if membership is None:
        raise Http404
    return membership


def circle_of(user, statuses=(CircleMember.Status.INVITED, CircleMember.Status.ACCEPTED)) -> list[CircleMember]:
    return list(CircleMember.objects.filter(owner=user, status__in=list(statuses))
                .select_related("member__peer_profile").order_by("created_at"))


def check_invite_to_circle(owner, connection: Connection, *, in_safety_plan: bool = False, request=None) -> CircleMember:
    member_id = connection.other(owner.pk)
    if in_safety_plan and not may_write_plan(owner):
        raise PermissionDenied(_("Adding people to your safety plan needs your permission to store health data."))
    current = CircleMember.objects.filter(owner=owner, status__in=[CircleMember.Status.INVITED,
                                                                    CircleMember.Status.ACCEPTED])
    if current.filter(member_id=member_id).exists():
        raise ValidationError(_("They are already in your circle or have been asked."))
    if current.count() >= settings.FRIENDS_CIRCLE_SIZE:
        size = settings.FRIENDS_CIRCLE_SIZE
        raise ValidationError(ngettext("Your circle can have up to %(n)s person.",
                                       "Your circle can have up to %(n)s people.", size) % {"n": size})
    with transaction.atomic():
        membership, _created = CircleMember.objects.update_or_create(
            owner=owner, member_id=member_id,
            defaults={"status": CircleMember.Status.INVITED, "in_safety_plan": in_safety_plan,
                      "created_at": timezone.now(), "responded_at": None})
        audit.record("friends.circle_invited", actor=owner, request=request, obj=membership, subject=member_id)
        publish_on_commit([user_group(member_id)], {"type": "friends.circle_invite", "circle": membership.pk})
    return membership


def check_answer_circle(member, membership: CircleMember, accept: bool, request=None) -> CircleMember:
    if membership.member_id != member.pk or membership.status != CircleMember.Status.INVITED:
        raise Http404
    with transaction.atomic():
        membership.status = CircleMember.Status.ACCEPTED if accept else CircleMember.Status.DECLINED
        membership.responded_at = timezone.now()
        membership.save(update_fields=["status", "responded_at"])
        if accept and membership.in_safety_plan and may_write_plan(membership.owner):
            _plan_people(membership.owner, add=plan_entry(member))
        audit.record("friends.circle_accepted" if accept else "friends.circle_declined", actor=member,
                     request=request, obj=membership, subject=membership.owner_id)
        publish_on_commit([user_group(membership.owner_id)],
                             {"type": "friends.circle_answer", "circle": membership.pk, "accepted": accept})
    return membership


def check_set_in_plan(owner, membership: CircleMember, in_plan: bool, request=None) -> CircleMember:
    if membership.owner_id != owner.pk:
        raise Http404
    if in_plan and not may_write_plan(owner):
        raise PermissionDenied(_("Adding people to your safety plan needs your permission to store health data."))
    with transaction.atomic():
        membership.in_safety_plan = in_plan
        membership.save(update_fields=["in_safety_plan"])
        if membership.status == CircleMember.Status.ACCEPTED:
            prefix = display_name(membership.member) + " — "
            _plan_people(owner, add=plan_entry(membership.member) if in_plan else None,
                         remove_prefix=None if in_plan else prefix)
    return membership


def _remove_circle_member(membership: CircleMember) -> None:
    was_listed = membership.status == CircleMember.Status.ACCEPTED and membership.in_safety_plan
    membership.status = CircleMember.Status.REMOVED
    membership.save(update_fields=["status"])
    if was_listed:
        _plan_people(membership.owner, remove_prefix=display_name(membership.member) + " — ")


def do_leave_circle(user, membership: CircleMember, request=None) -> None:
    """Either the owner or the member ends a circle membership."""
    with transaction.atomic():
        _remove_circle_member(membership)
        audit.record("friends.circle_removed", actor=user, request=request, obj=membership,
                     subject=membership.owner_id if membership.member_id == user.pk else membership.member_id)


def circles_i_am_in(user) -> list[CircleMember]:
    return list(CircleMember.objects.filter(member=user, status__in=[CircleMember.Status.INVITED,
                                                                     CircleMember.Status.ACCEPTED])
                .select_related("owner__peer_profile").order_by("-created_at"))

