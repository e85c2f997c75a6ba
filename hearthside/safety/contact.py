"""How a person wants to be reached in a crisis: contact routes, each with its own consent record.

A route is one way the safety team may reach someone when there is an alert about them: an
e-mail, a phone call back, or a person they trust. Each route stores the exact sentence the person
agreed to, in the language it was shown in, and when. Withdrawing empties the details and keeps
the row, so the consent history survives; erasing the account removes everything.

A message here, on Hearthside, is always available to anyone with an account: it is the platform
itself, so it has no row and cannot be withdrawn short of closing the account.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hearthside.accounts.models import User
from hearthside.core import audit

from .models import ContactRoute

Kind = ContactRoute.Kind

# The kinds a person adds and withdraws, in the order staff should try them: the person first,
# directly; someone they trust last, as the emergency-contact sentence says.
ADDABLE_KINDS = (Kind.CALLBACK, Kind.EMAIL, Kind.EMERGENCY_CONTACT)
STAFF_ORDER = (Kind.IN_APP, *ADDABLE_KINDS)
PHONE_KINDS = (Kind.CALLBACK, Kind.EMERGENCY_CONTACT)

# The sentences a person agrees to, one per kind. The one shown is stored with the route, so if a
# sentence changes here, earlier consents keep the wording the person actually saw.
CONSENT_SENTENCES = {
    Kind.CALLBACK: gettext_lazy("If our team is worried about my safety, they may phone me on this number."),
    Kind.EMAIL: gettext_lazy("If our team is worried about my safety, they may e-mail me at this address."),
    Kind.EMERGENCY_CONTACT: gettext_lazy(
        "If our team is worried about my safety and cannot reach me, they may phone this person, "
        "tell them they are worried about me, and ask them to check on me."
    ),
}
IN_APP_SENTENCE = gettext_lazy(
    "If our team is worried about your safety, they can always send you a message here, on Hearthside. "
    "This comes with having an account."
)

LABELS = {
    Kind.IN_APP: gettext_lazy("Message on Hearthside"),
    Kind.CALLBACK: gettext_lazy("Phone call back"),
    Kind.EMAIL: gettext_lazy("E-mail"),
    Kind.EMERGENCY_CONTACT: gettext_lazy("Emergency contact"),
}

MAX_EMAIL = 254
MAX_PHONE = 40
MAX_NAME = 200
MAX_NOTE = 500
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 6, 20
# Digits, spaces, hyphens and brackets, with an optional leading "+": what people type for a
# number at home or abroad. The digit count is checked separately (6 to 20).
PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-]+$")


def consent_sentence(kind: str) -> str:
    """The sentence for ``kind`` in the active language, as the person is shown it."""
    return str(CONSENT_SENTENCES[kind])


def routes_for(user):
    """The person's routes in force (not withdrawn), newest first within each kind."""
    return ContactRoute.objects.filter(user=user, withdrawn_at__isnull=True)


def access_route_by_id(user, route_id, *, lock: bool = False) -> ContactRoute:
    """One of the person's own routes in force; 404 alike for "not there", "not yours" and "withdrawn"."""
    if user is None or not user.is_authenticated:
        raise Http404
    routes = routes_for(user).select_for_update() if lock else routes_for(user)
    try:
        return routes.get(pk=route_id)
    except (ContactRoute.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None


def _text(value, field: str, limit: int, *, one_line: bool = True) -> str:
    """Text without NUL characters (PostgreSQL refuses them), trimmed; one line unless a note."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError({field: [_("Send text.")]})
    value = value.replace("\x00", "")
    value = " ".join(value.split()) if one_line else value.strip()
    if len(value) > limit:
        raise ValidationError({field: [ngettext("Keep this under %(n)s character.",
                                                "Keep this under %(n)s characters.", limit) % {"n": limit}]})
    return value


def clean_phone(value) -> str:
    phone = _text(value, "value", MAX_PHONE)
    if not phone:
        raise ValidationError({"value": [_("Enter a phone number.")]})
    digits = sum(ch.isdigit() for ch in phone)
    if not PHONE_CHARS.match(phone) or not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        raise ValidationError({"value": [_(
            "Enter a phone number: digits, with spaces, brackets, hyphens or a leading + if you like "
            "(6 to 20 digits)."
        )]})
    return phone


def clean_email(value) -> str:
    email = _text(value, "value", MAX_EMAIL)
    if not email:
        raise ValidationError({"value": [_("Enter an e-mail address.")]})
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"value": [_("Enter an e-mail address such as name@example.org.")]}) from None
    return email


def check_add_route(user, kind, value="", name="", note="", *, agreed: bool, request=None) -> ContactRoute:
    """Validate a new route and store it with the sentence the person agreed to.

    ``agreed`` is the person ticking the consent sentence for this kind; without it nothing is
    stored. A new route of a kind replaces the one in force (see :func:`do_add_route`).
    """
    if kind == Kind.IN_APP:
        raise ValidationError({"kind": [_("Messages here, on Hearthside, are always on; there is nothing to add.")]})
    if kind not in ADDABLE_KINDS:
        raise ValidationError({"kind": [_("Choose a way to be reached: e-mail, a phone call back or an emergency contact.")]})
    errors: dict[str, list[str]] = {}

    def collect(fn, *args):
        try:
            return fn(*args)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
            return ""

    value = collect(clean_email if kind == Kind.EMAIL else clean_phone, value)
    name = collect(_text, name, "name", MAX_NAME) if kind == Kind.EMERGENCY_CONTACT else ""
    if kind == Kind.EMERGENCY_CONTACT and not name and "name" not in errors:
        errors["name"] = [_("Say who this is, for example “Sam, my sister”.")]
    note = collect(lambda v: _text(v, "note", MAX_NOTE, one_line=False), note)
    if agreed is not True:
        errors["agreed"] = [_("Tick the box to agree to this sentence; nothing is saved without it.")]
    if errors:
        raise ValidationError(errors)
    return do_add_route(user, kind, value, name, note, consent_sentence(kind), request=request)


def do_add_route(user, kind: str, value: str, name: str, note: str, consent_text: str, request=None) -> ContactRoute:
    """Store a route and withdraw the one of the same kind that was in force.

    One route per kind is in force at a time. Two adds for one person at once are serialised by
    the lock on the person's row (PostgreSQL) or by the write lock an IMMEDIATE transaction takes
    at BEGIN (SQLite, see settings), so the second always sees, and withdraws, the first.
    """
    with transaction.atomic():
        list(User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
        previous = list(routes_for(user).filter(kind=kind))
        now = timezone.now()
        route = ContactRoute.objects.create(user=user, kind=kind, value=value, name=name, note=note,
                                            consent_text=consent_text, consented_at=now)
        for old in previous:
            _withdraw(old, now)
            audit.record("safety.contact_route_withdrawn", actor=user, request=request, obj=old, subject=user,
                         detail={"kind": old.kind, "replaced_by": route.pk})
        audit.record("safety.contact_route_added", actor=user, request=request, obj=route, subject=user,
                     detail={"kind": kind})
    return route


def _withdraw(route: ContactRoute, now) -> None:
    route.withdrawn_at = now
    route.value = route.name = route.note = ""
    route.save(update_fields=["withdrawn_at", "value", "name", "note"])


def do_withdraw_route(user, route_id, request=None) -> ContactRoute:
    """Withdraw one of the person's routes: the details go at once, the consent record stays."""
    with transaction.atomic():
        # Locked and re-read inside the transaction: of two withdrawals at once, the second finds
        # the route no longer in force and answers 404, and the history holds one withdrawal.
        route = access_route_by_id(user, route_id, lock=True)
        _withdraw(route, timezone.now())
        audit.record("safety.contact_route_withdrawn", actor=user, request=request, obj=route, subject=user,
                     detail={"kind": route.kind})
    return route


def routes_for_staff(person) -> list[dict]:
    """What the safety team may see about reaching ``person``, in the order to try them.

    Messages on Hearthside come first for anyone with an open account; then each route in force
    with the sentence the person agreed to and when. Callers audit the look with
    :func:`do_view_routes`.
    """
    rows = []
    if person.is_active:
        rows.append({"id": None, "kind": Kind.IN_APP.value, "label": str(LABELS[Kind.IN_APP]), "value": "",
                     "name": "", "note": "", "consent_text": str(IN_APP_SENTENCE), "consented_at": None,
                     "always_on": True})
    by_kind = {}
    for route in routes_for(person):
        by_kind.setdefault(route.kind, route)  # newest first: one in force per kind
    for kind in ADDABLE_KINDS:
        route = by_kind.get(kind)
        if route is None:
            continue
        rows.append({"id": route.pk, "kind": route.kind, "label": str(LABELS[kind]), "value": route.value,
                     "name": route.name, "note": route.note, "consent_text": route.consent_text,
                     "consented_at": route.consented_at, "always_on": False})
    return rows


def do_view_routes(staff, person, *, alert=None, request=None) -> list[dict]:
    """A staff look at someone's contact routes: returns them and records the look in the audit log."""
    rows = routes_for_staff(person)
    audit.record("safety.contact_routes_viewed", actor=staff, request=request, object_type="accounts.user",
                 object_id=person.pk, subject=person,
                 detail={"alert": getattr(alert, "pk", alert), "kinds": [row["kind"] for row in rows]})
    return rows
