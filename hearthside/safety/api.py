"""Safety API: the person's own safety plan."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema
from ninja.errors import HttpError

from . import actions
from .models import SAFETY_PLAN_STEPS

router = Router(tags=["safety"])


class PlanOut(Schema):
    steps: dict[str, list[str]]
    titles: dict[str, str]
    shared_with_practitioner: bool
    updated_at: datetime | None


class PlanIn(Schema):
    steps: dict[str, list[str]]


def _out(plan) -> dict:
    from .models import _empty_plan

    return {
        "steps": plan.steps if plan else _empty_plan(),
        "titles": {key: title for key, title, _help in SAFETY_PLAN_STEPS},
        "shared_with_practitioner": plan.shared_with_practitioner if plan else False,
        "updated_at": plan.updated_at if plan else None,
    }


@router.get("/safety-plan", response=PlanOut, summary="My safety plan (Stanley–Brown)")
def get_plan(request):
    return _out(actions.plan_for(request.user))


@router.put("/safety-plan", response=PlanOut, summary="Replace my safety plan")
def put_plan(request, payload: PlanIn):
    try:
        plan = actions.check_update_plan(request.user, payload.steps, request=request, replace=True)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    return _out(plan)


@router.patch("/safety-plan", response=PlanOut, summary="Change some steps of my safety plan")
def patch_plan(request, payload: PlanIn):
    try:
        plan = actions.check_update_plan(request.user, payload.steps, request=request)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    return _out(plan)
