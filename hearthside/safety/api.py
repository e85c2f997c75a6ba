"""Safety API: the person's own safety plan and how they want to be reached in a crisis."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext
from ninja import Field, Router, Schema, Status

from . import actions, contact
from .models import SAFETY_PLAN_STEPS, ContactRoute

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
        "titles": {key: gettext(title) for key, title, _help in SAFETY_PLAN_STEPS},
        "shared_with_practitioner": plan.shared_with_practitioner if plan else False,
        "updated_at": plan.updated_at if plan else None,
    }


@router.get("/safety-plan", response=PlanOut, summary="My safety plan (Stanley–Brown)")
def get_plan(request):
    return _out(actions.plan_for(request.user))


@router.put("/safety-plan", response=PlanOut, summary="Replace my safety plan")
def put_plan(request, payload: PlanIn):
    plan = actions.check_update_plan(request.user, payload.steps, request=request, replace=True)
    return _out(plan)


@router.patch("/safety-plan", response=PlanOut, summary="Change some steps of my safety plan")
def patch_plan(request, payload: PlanIn):
    plan = actions.check_update_plan(request.user, payload.steps, request=request)
    return _out(plan)


# ---------------------------------------------------------------------------------------------
# How the person wants to be reached in a crisis: their contact routes, each with its consent.


class ContactRouteOut(Schema):
    id: int
    kind: str
    label: str
    value: str
    name: str
    note: str
    consent_text: str
    consented_at: datetime


class ContactRouteIn(Schema):
    kind: str = Field(..., description="callback, email or emergency_contact")
    value: str = Field("", description="the e-mail address or phone number")
    name: str = Field("", description="for an emergency contact: their name and who they are to the person")
    note: str = Field("", description="anything the team should know, such as when to call")
    agreed: bool = Field(False, description="the person agreed to this kind's consent sentence, as shown "
                                            "(GET /me/contact-routes/kinds); nothing is stored without it")


class ContactKindOut(Schema):
    kind: str
    label: str
    consent_text: str
    needs_name: bool
    always_on: bool


def _route_out(route) -> dict:
    return {"id": route.pk, "kind": route.kind, "label": str(contact.LABELS[route.kind]), "value": route.value,
            "name": route.name, "note": route.note, "consent_text": route.consent_text,
            "consented_at": route.consented_at}


@router.get("/contact-routes", response=list[ContactRouteOut], summary="How I agreed to be reached in a crisis")
def list_contact_routes(request):
    return [_route_out(route) for route in contact.routes_for(request.user)]


@router.get("/contact-routes/kinds", response=list[ContactKindOut],
            summary="The ways to be reached, with the sentence to show for each")
def contact_route_kinds(request):
    kind = ContactRoute.Kind
    rows = [{"kind": kind.IN_APP.value, "label": str(contact.LABELS[kind.IN_APP]),
             "consent_text": str(contact.IN_APP_SENTENCE), "needs_name": False, "always_on": True}]
    rows += [{"kind": k.value, "label": str(contact.LABELS[k]), "consent_text": contact.consent_sentence(k),
              "needs_name": k == kind.EMERGENCY_CONTACT, "always_on": False} for k in contact.ADDABLE_KINDS]
    return rows


@router.post("/contact-routes", response={201: ContactRouteOut},
             summary="Add a way to be reached (replaces the one of the same kind)")
def add_contact_route(request, payload: ContactRouteIn):
    route = contact.check_add_route(request.user, payload.kind, payload.value, payload.name, payload.note,
                                    agreed=payload.agreed, request=request)
    return Status(201, _route_out(route))


@router.delete("/contact-routes/{route_id}", response={204: None}, summary="Withdraw a way to be reached")
def withdraw_contact_route(request, route_id: int):
    contact.do_withdraw_route(request.user, route_id, request=request)
    return Status(204, None)
