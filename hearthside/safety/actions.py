"""Safety actions: the safety plan (screening, routing and alerts arrive with the safety layer)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearthside.accounts.actions import has_consent
from hearthside.core import audit

from .models import SAFETY_PLAN_KEYS, SafetyPlan, _empty_plan

MAX_ITEMS = 20
MAX_ITEM_LENGTH = 500


def plan_for(user) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(user=user).first()


def _clean_items(step: str, items) -> list[str]:
    if not isinstance(items, list):
        raise ValidationError({step: [_("Send a list of short texts.")]})
    cleaned = []
    for item in items:
        if not isinstance(item, str):
            raise ValidationError({step: [_("Each entry must be text.")]})
        item = item.replace("\x00", "").strip()
        if len(item) > MAX_ITEM_LENGTH:
            raise ValidationError({step: [_("Keep each entry under %(n)s characters.") % {"n": MAX_ITEM_LENGTH}]})
        if item:
            cleaned.append(item)
    if len(cleaned) > MAX_ITEMS:
        raise ValidationError({step: [_("Up to %(n)s entries per step.") % {"n": MAX_ITEMS}]})
    return cleaned


def check_update_plan(user, steps: dict, request=None, *, replace: bool = False) -> SafetyPlan:
    if not has_consent(user, "health_data"):
        raise PermissionDenied(_("Saving a safety plan needs your permission to store health data."))
    unknown = set(steps) - set(SAFETY_PLAN_KEYS)
    if unknown:
        raise ValidationError({k: [_("Unknown safety-plan step.")] for k in sorted(unknown)})
    cleaned = {step: _clean_items(step, items) for step, items in steps.items()}
    return do_update_plan(user, cleaned, request=request, replace=replace)


def do_update_plan(user, cleaned: dict, request=None, *, replace: bool = False) -> SafetyPlan:
    with transaction.atomic():
        plan, _created = SafetyPlan.objects.select_for_update().get_or_create(user=user)
        base = _empty_plan() if replace else {**_empty_plan(), **plan.steps}
        base.update(cleaned)
        plan.steps = base
        plan.updated_at = timezone.now()
        plan.save(update_fields=["steps", "updated_at"])
        audit.record("safety_plan.updated", actor=user, request=request, obj=plan, subject=user,
                     detail={"steps": sorted(cleaned)})
    return plan


def do_set_plan_sharing(user, shared: bool, request=None) -> SafetyPlan:
    if shared and not has_consent(user, "practitioner_sharing"):
        raise PermissionDenied(_("Sharing needs your permission to share with your practitioner."))
    plan, _created = SafetyPlan.objects.get_or_create(user=user)
    plan.shared_with_practitioner = shared
    plan.save(update_fields=["shared_with_practitioner"])
    audit.record("safety_plan.sharing", actor=user, request=request, obj=plan, subject=user, detail={"shared": shared})
    return plan
