"""The access matrix, generated from the project's own routing (issue #17, item 2).

Every URL pattern (``get_resolver()``, walked recursively) and every operation in the OpenAPI
document is an entry of the matrix by construction: a new endpoint makes
``test_every_endpoint_has_a_declared_answer`` fail until a rule in ``RULES`` (or an entry in
``EXCEPTIONS``) says who may reach it. Each endpoint is then requested as every role with every
credential kind, with its path parameters filled from objects owned by "member", and the class of
the answer (reached / sent to log in / sent to the two-factor page / 403 / 404) must be the
declared one. A 5xx or a 429 is never a declared answer.

Roles (``ROLES``): an anonymous guest; the member; another member; a facilitator of the member's
group; a peer supporter; the member's practitioner, who holds a sharing grant from them ("pract");
a practitioner with no grant from the member and no care of them ("pract_nogrant"); a moderator; a
clinical supervisor; an administrator. Every staff role, and the facilitator (moderation needs a
second factor), has a confirmed TOTP device.

Credential kinds (``CREDENTIALS``), each built the way a person gets it:
- ``session``: a browser session that proved all the role can (the second factor too, where the
  role has one);
- ``password_session``: a session that proved the password only (skipping the code);
- ``expired_session``: a session past its idle timeout (``HEARTHSIDE_SESSION_IDLE_SECONDS``);
- ``token``: a write token with the role's strongest proof (``two_factor`` where the role has a
  device; for members, the token the password exchange gives them);
- ``non2fa_token``: a write token without the second factor: the password-only token that
  ``POST /api/v1/accounts/token`` issues (members), and the one ``POST /api/v1/me/tokens`` issues to
  a session that did not prove the code (roles with a device). To the server the issue's
  "password-only token" and "non-2FA token" are this one thing, a token whose ``two_factor`` is
  false;
- ``revoked_token``: a token revoked after it was issued.
Pages take the session kinds; the API takes all of them (sessions on the API go through
``SessionAuth``). A dead credential (``DEAD``) must be answered as the anonymous guest is. Without a
second factor (``WITHOUT_SECOND_FACTOR``), members, who have none to prove, are answered as with
their session; staff by the shape's ``<role>_no2fa`` entry, else its ``staff_no2fa``; the
facilitator by ``facilitator_no2fa``, else as with it.

Pages are requested with GET (POST with an empty form where GET answers 405); API operations with
their declared method and the smallest body the OpenAPI schema accepts, so that body validation
(422) does not answer before the access check does. Live channels (the socket's topics and client
frames) have the same roles and credentials in ``test_access_matrix_channels.py``.

The data is created once per module inside an outer transaction that is rolled back at the end;
each test is a savepoint and each request one more, and a client's cookies are restored after each
request, so a DELETE or a log-out answered for one role does not change what the next one sees.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import time
from datetime import time as clock
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from hearthside.conftest import PASSWORD, login_client, make_user, token_for
from hearthside.testing.database import rolled_back_after

# Answer classes.
OK = "ok"  # reached the view: 2xx, a redirect elsewhere, or 400/405/409/422 for a bad or empty body
LOGIN = "login"  # 302 to the log-in page (pages) or 401 (API)
TWO_FA = "2fa"  # 302 to the two-factor page
E403 = "403"
E404 = "404"
REFUSED = (E403, E404)  # refused to someone without the role: either answer is fine
REFUSED_2FA = (E403, E404, TWO_FA)  # refused to staff without a second factor

ROLES = ("anon", "member", "other", "facilitator", "peer", "pract", "pract_nogrant", "moderator", "supervisor",
         "admin")
STAFF_ROLES = ("peer", "pract", "pract_nogrant", "moderator", "supervisor", "admin")
WITH_A_DEVICE = (*STAFF_ROLES, "facilitator")
CREDENTIALS = {
    "page": ("session", "password_session", "expired_session"),
    "api": ("session", "password_session", "expired_session", "token", "non2fa_token", "revoked_token"),
}
DEAD = ("expired_session", "revoked_token")
WITHOUT_SECOND_FACTOR = ("password_session", "non2fa_token")

# Skipped when walking the resolver, with the reason:
# - admin/: Django's admin has its own permission system (is_staff and model permissions), its log-in
#   is replaced by the site's (hearthside/urls.py), and StaffTwoFactorMiddleware guards "/admin/"
#   the way it guards "/staff/" (covered here). Its ~90 generated model URLs would add nothing else.
# - api/v1/: the API is enumerated from its OpenAPI document instead (methods and path names).
# - i18n/: Django's set_language view: POST-only, sets a cookie, no personal data.
SKIPPED_PREFIXES = ("admin/", "api/v1/", "i18n/")

# Shapes of access: the answer per role with its full credentials, plus "staff" (any staff role
# not named), "staff_no2fa" and "<role>_no2fa" (staff without their second factor). A role missing
# from a shape takes "staff"'s answer, then "other"'s (the facilitator takes "other"'s): staff see
# no one's private things through the member's own endpoints. "other" has an account of their own:
# on a personal page without an object id they see their own; on the member's object they get 404.
PUBLIC = {"anon": OK, "member": OK, "other": OK, "staff_no2fa": OK}
SIGNED_IN = {"anon": LOGIN, "member": OK, "other": OK, "staff_no2fa": OK}
OWNED = {"anon": LOGIN, "member": OK, "other": E404, "staff_no2fa": E404}
# A group's content: its members (the member and the facilitator are), and site moderators
# (moderator, administrator) who proved a second factor: they read any group; writing needs a
# membership, so 403/404 there is right too. Without the second factor they are not moderators.
GROUP = {
    "anon": LOGIN,
    "member": OK,
    "other": E404,
    "facilitator": OK,
    "moderator": (OK, E403, E404),
    "admin": (OK, E403, E404),
    "staff_no2fa": E404,
    "moderator_no2fa": REFUSED_2FA,
    "admin_no2fa": REFUSED_2FA,
}


def staff_only(*roles: str, **others) -> dict:
    """A staff endpoint: ``roles`` reach it with a second factor; without one every staff role is
    refused (or sent to prove it); everyone else is refused. ``others`` add or override answers."""
    shape = {"anon": LOGIN, "member": REFUSED, "other": REFUSED, "staff": REFUSED, "staff_no2fa": REFUSED_2FA}
    shape.update({role: OK for role in roles})
    shape.update(others)
    return shape


# Safety alerts, the review queue, the roster and paging: safety.actions.ALERT_ROLES.
ALERTS = staff_only("moderator", "supervisor", "admin")
# Safety reports: safety.actions.REPORT_ROLES (safety leads and administrators).
SAFETY_REPORTS = staff_only("supervisor", "admin")
# Community moderation: site moderators, and a facilitator for their own group; a second factor
# first, for the facilitator too (a member, whom StaffTwoFactorMiddleware does not stop).
MODERATION = staff_only("moderator", "admin", facilitator=OK, facilitator_no2fa=REFUSED_2FA)
# Friends moderation (reports, held requests, hidden strategies): site moderators.
FRIENDS_MODERATION = staff_only("moderator", "admin")
# Licence verification: administrators.
LICENCES = staff_only("admin")
# The support line's desk: supportline.actions.SUPPORTER_ROLES.
DESK = staff_only("peer", "pract", "pract_nogrant", "supervisor", "admin")
# The member's care, where the practitioner is the other party: a second factor first.
CARE_OWNED = {**OWNED, "pract": OK, "pract_no2fa": REFUSED_2FA}
# A practitioner's own profile, licences and hours: nobody else's data, so no second factor needed.
PRACTICE = staff_only("pract", "pract_nogrant", pract_no2fa=OK, pract_nogrant_no2fa=OK)
# The practitioner's side of the member's care (care/clinical.py: a second factor is required).
CLINICAL = {
    "anon": LOGIN,
    "member": E404,
    "other": E404,
    "staff": E404,
    "pract": OK,
    "staff_no2fa": E404,
    "pract_no2fa": REFUSED_2FA,
}

# Rules: the first whose regular expression matches "<METHOD> <path pattern>" decides. Pages are
# keyed "GET /<route>" with Django's route syntax, API operations with OpenAPI's ("{name}"). There
# is no rule for "/staff/" as a whole: a new staff endpoint must say which roles reach it.
OWNED_IDS = (
    "token_id|route_id|checkin_id|entry_id|response_id|session_id|reminder_id|connection_id|circle_id"
    "|delivery_id|appointment_id|conversation_id|relationship_id|observation_id|patient_id"
)
RULES: list[tuple[str, dict]] = [
    # Staff endpoints, family by family (StaffTwoFactorMiddleware guards /staff/ and /api/v1/staff/).
    (r"^\w+ /staff/safety/reports/$", SAFETY_REPORTS),
    (r"^\w+ /(staff/(safety|paging)|api/v1/staff/safety)/", ALERTS),
    (r"^\w+ /(staff/community|api/v1/community/moderation)/", MODERATION),
    (r"^\w+ /api/v1/community/posts/\{post_id\}/revisions$", MODERATION),
    (r"^\w+ /(friends/moderation|api/v1/friends/moderation)/", FRIENDS_MODERATION),
    (r"^\w+ /(care/verify/$|api/v1/care/licences)", LICENCES),
    (r"^\w+ /support-line/desk/", DESK),
    (r"^\w+ /api/v1/support-line/(queue|availability|next)$", DESK),
    # Practitioners' side of care.
    (r"^\w+ /(care/clients|api/v1/care/clients)/", CLINICAL),
    (r"^\w+ /(care/practice/$|api/v1/care/practice/)", PRACTICE),
    # Public pages, sign-up and log-in.
    (r"^\w+ /(healthz|theme/|help/|support-line/|accounts/logout/)?$", PUBLIC),
    (r"^\w+ /selfcare/library/", PUBLIC),
    (r"^\w+ /accounts/(signup|login|password-reset.*)/$", PUBLIC),
    (r"^POST /api/v1/accounts/(signup|token)$", PUBLIC),
    # A group's content (joining and leaving are for anyone signed in).
    (r"^\w+ /groups/<slug:slug>/(join|leave)/$", SIGNED_IN),
    (r"^\w+ /groups/<slug:slug>/.+", GROUP),
    (r"^\w+ /api/v1/community/(groups/\{slug\}/(?!join$).+|threads/|posts/|meetings/)", GROUP),
    # The member's care.
    (r"[{<](\w+:)?(relationship_id|appointment_id|patient_id)[}>]", CARE_OWNED),
    # Objects of the member's own.
    (rf"[{{<](\w+:)?({OWNED_IDS})[}}>]", OWNED),
    # Personal, without an object id: each person their own.
    (r"^\w+ /api/v1/me(/|$)", SIGNED_IN),
    (r"^\w+ /(accounts|help|selfcare|companion|friends|care|groups)/", SIGNED_IN),
    (r"^\w+ /api/v1/(selfcare|community|care|companion|support-line|friends|fhir)/", SIGNED_IN),
]

# Exceptions to the rules, by exact key; each says why.
EXCEPTIONS: dict[str, dict] = {
    # The second step of log-in: without a password step in this session, back to the first.
    "GET /accounts/login/code/": {"anon": LOGIN, "member": LOGIN, "other": LOGIN, "staff_no2fa": LOGIN},
    # Turning two-factor off (a form post): everyone signed in is sent back to the two-factor page.
    "GET /accounts/two-factor/disable/": {"anon": LOGIN, "member": TWO_FA, "other": TWO_FA, "staff_no2fa": TWO_FA},
    # The paging service worker is a static script that must be served under the scope it controls;
    # it holds no data. Staff without a second factor are still turned away by the middleware.
    "GET /staff/paging/sw.js": {**PUBLIC, "staff_no2fa": TWO_FA},
    # The site's one service worker (the same script) and the web app manifest: no data in them,
    # fetched by the browser whether or not anyone is signed in (core/device.py).
    "GET /sw.js": PUBLIC,
    "GET /manifest.webmanifest": PUBLIC,
    # The published crisis protocol: for anyone, no account needed (safety/protocol.py).
    "GET /help/protocol/": PUBLIC,
    # Who is signed in, for a page kept on the device that is back online: 401 for nobody.
    "GET /device/session": SIGNED_IN,
    # The calendar feed's address is its credential (revocable, care/models.py CalendarFeed).
    "GET /care/calendar/<str:token>.ics": PUBLIC,
    # The conversation to hand off comes in the form; an empty form names none.
    "GET /companion/handoff/": {**SIGNED_IN, "member": E404, "other": E404, "staff_no2fa": E404},
    # Withdrawing one's own consent for a purpose: "purpose" is not an object of the member's.
    "DELETE /api/v1/me/consents/{purpose}": SIGNED_IN,
    # Practitioners anyone signed in may see (published, verified licence).
    "GET /api/v1/fhir/Practitioner/{practitioner_id}": SIGNED_IN,
    "GET /api/v1/fhir/PractitionerRole/{role_id}": SIGNED_IN,
    "GET /api/v1/fhir/QuestionnaireResponse/{response_id}": OWNED,
    # Only the person who is asked answers a request or an invitation (the matrix's fixtures ask
    # the member); only the host cancels a meeting (the member is not the host).
    "POST /api/v1/community/meetings/{meeting_id}/cancel": {**GROUP, "member": E403},
    # Hiding a strategy is moderation.
    "POST /api/v1/friends/strategies/{strategy_id}/hide": FRIENDS_MODERATION,
    # Requests to another person's profile: anyone signed in may ask (the member asks "other",
    # who cannot ask themselves).
    "GET /friends/peers/<int:profile_id>/request/": {**SIGNED_IN, "other": REFUSED, "facilitator": OK, "staff": OK},
    "POST /api/v1/friends/profiles/{profile_id}/request": {
        **SIGNED_IN,
        "other": REFUSED,
        "facilitator": OK,
        "staff": OK,
    },
    # A wrong password (the minimal body) answers 401, for everyone alike.
    "POST /api/v1/accounts/token": {"anon": LOGIN, "member": LOGIN, "other": LOGIN, "staff_no2fa": LOGIN},
    # Facilitators create a group's meetings; the member is not one.
    "POST /api/v1/community/groups/{slug}/meetings": {**GROUP, "member": E403},
    # The conversation to hand off is the person's current one; only the member has one.
    "POST /api/v1/companion/handoff": {**SIGNED_IN, "other": E404, "staff_no2fa": E404},
    # Muting someone needs a group in common (the member shares one with "groupmate");
    # unmuting someone one has not muted is 404.
    "PUT /api/v1/community/blocks/{pseudonym}": {**OWNED, "facilitator": OK},
    "DELETE /api/v1/community/blocks/{pseudonym}": OWNED,
    # Editing a post is for its author; moderators hide and remove through moderation.
    "GET /groups/<slug:slug>/forum/p/<int:post_id>/edit/": {**GROUP, "facilitator": E404},
    "PATCH /api/v1/community/posts/{post_id}": {**GROUP, "facilitator": E403},
    "DELETE /api/v1/community/posts/{post_id}": {**GROUP, "facilitator": E403},
    # Revealing an anonymous author is for site moderators only (a facilitator's page form answers
    # 400 with that error; the API 403).
    "POST /api/v1/community/moderation/reveal": {**MODERATION, "facilitator": E403},
    # A waiting conversation is for the supporter who takes it; supervisors read along. The line's
    # dashboard is the supervisors'.
    "GET /support-line/desk/c/<int:conversation_id>/": staff_only("supervisor", "admin"),
    "GET /support-line/desk/dashboard/": staff_only("supervisor", "admin"),
    # Reviewing and rescheduling an appointment are the client's.
    "GET /care/appointments/<int:appointment_id>/review/": {**CARE_OWNED, "pract": E404},
    "POST /api/v1/care/appointments/{appointment_id}/reschedule": {**CARE_OWNED, "pract": E403},
    # A licence's verification record: its practitioner's, and the verifiers' (administrators, with
    # a second factor, as on the licences API); another practitioner's is not found.
    "GET /api/v1/fhir/VerificationResult/{result_id}": {**PRACTICE, "admin": OK, "pract_nogrant": E404,
                                                        "pract_nogrant_no2fa": E404},
}

# Cells that answer wrongly today, each with the issue, keyed (endpoint, role, credential): they
# must keep failing, so a fix makes the test ask for the entry to be removed here. (Found and
# fixed when the matrix was made: moderators reaching group content without a second factor, a
# practitioner without one reaching a client's appointment, a 500 on the export page for a member
# with a reminder, and a 500 on a form-encoded post to the paging pages.)
KNOWN_ISSUES: dict[tuple[str, str, str], str] = {}


def walk_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from walk_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


@functools.cache  # building the document takes ~80 ms; 1,000 tests ask for it
def openapi_schema() -> dict:
    from hearthside.api import api

    return api.get_openapi_schema()


def endpoints():
    """(kind, method, path pattern) for every page and API operation."""
    found = [("page", "GET", "/" + route) for route in walk_patterns()]
    for path, operations in openapi_schema()["paths"].items():
        found += [("api", method.upper(), path) for method in operations]
    return found


def expected_for(key: str) -> dict | None:
    if key in EXCEPTIONS:
        return EXCEPTIONS[key]
    for pattern, answers in RULES:
        if re.search(pattern, key):
            return answers
    return None


def answer_for(expected: dict, role: str, credential: str):
    """The declared answer for ``role`` holding ``credential`` (see the module docstring)."""
    if role == "anon" or credential in DEAD:
        return expected["anon"]
    if role == "facilitator" and credential in WITHOUT_SECOND_FACTOR:
        chain: tuple[str, ...] = ("facilitator_no2fa", "facilitator", "other")
    elif role not in STAFF_ROLES:
        chain = (role, "other")
    elif credential in WITHOUT_SECOND_FACTOR:
        chain = (f"{role}_no2fa", "staff_no2fa")
    else:
        chain = (role, "staff", "other")
    for key in chain:
        if key in expected:
            return expected[key]
    raise KeyError(f"the shape declares no answer for {role} with {credential}")


def credentials_of(kind: str, role: str) -> tuple[str, ...]:
    return ("none",) if role == "anon" else CREDENTIALS[kind]


ENDPOINTS = endpoints()


def _cases():
    for kind, method, path in ENDPOINTS:
        for role in ROLES:
            yield pytest.param(kind, method, path, role, id=f"{method} {path} as {role}")


def test_every_endpoint_has_a_declared_answer():
    undeclared = [f"{m} {p}" for _k, m, p in ENDPOINTS if expected_for(f"{m} {p}") is None]
    assert not undeclared, "endpoints with no rule in the access matrix:\n  " + "\n  ".join(undeclared)
    keys = {f"{m} {p}" for _k, m, p in ENDPOINTS}
    stale = [key for key in EXCEPTIONS if key not in keys] + [k for k, _r, _c in KNOWN_ISSUES if k not in keys]
    assert not stale, f"exceptions for endpoints that no longer exist: {stale}"
    assert len(ENDPOINTS) > 200  # the walk really found the site
    # Every cell has an answer: a shape missing one fails here, not in the middle of the matrix.
    for kind, method, path in ENDPOINTS:
        for role in ROLES:
            for credential in credentials_of(kind, role):
                assert answer_for(expected_for(f"{method} {path}"), role, credential) is not None


@pytest.mark.django_db
def test_every_role_holds_every_credential_kind(world):
    """By construction: a role or credential kind added to the lists gets a client, or this fails."""
    for kind in ("page", "api"):
        assert set(world["clients"][kind]) == set(ROLES)
        for role in ROLES:
            assert tuple(world["clients"][kind][role]) == credentials_of(kind, role)


def test_a_new_endpoint_without_a_rule_is_reported():
    assert expected_for("GET /brand-new/<int:thing_id>/") is None
    assert expected_for("POST /api/v1/brand-new/{thing_id}") is None
    assert expected_for("GET /staff/brand-new/") is None  # no catch-all for staff pages either


# ---------------------------------------------------------------------------------------------
# Minimal request bodies and query strings, from the OpenAPI schema.


def _sample(schema: dict, components: dict, depth: int = 0):
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if depth > 6:
        return None
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"] or schema[key]
            return _sample(options[0], components, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = schema.get("required", [])
        return {
            name: _sample(prop, components, depth + 1)
            for name, prop in schema.get("properties", {}).items()
            if name in required
        }
    if kind == "array":
        return []
    if kind in ("integer", "number"):
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return False
    if kind == "string" and (choice := re.fullmatch(r"\^\(([\w|-]+)\)\$", schema.get("pattern", ""))):
        return choice.group(1).split("|")[0]
    if kind == "string":
        return {
            "date-time": "2031-01-06T10:00:00Z",
            "date": "2031-01-06",
            "time": "09:00:00",
            "email": "someone@example.org",
            "uri": "https://example.org/",
        }.get(schema.get("format"), "x" * max(1, schema.get("minLength", 1)))
    return None


def minimal_request(method: str, path: str) -> tuple[bytes, dict]:
    schema = openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    operation = schema["paths"][path][method.lower()]
    query = {
        p["name"]: _sample(p.get("schema", {}), components)
        for p in operation.get("parameters", [])
        if p.get("in") == "query" and p.get("required")
    }
    content = (operation.get("requestBody") or {}).get("content", {})
    body = _sample(content["application/json"]["schema"], components) if "application/json" in content else {}
    return json.dumps(body if body is not None else {}).encode(), query


# ---------------------------------------------------------------------------------------------
# The world: one set of objects, owned by "member".


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with rolled_back_after(django_db_blocker):
        yield build_world()


def build_world() -> dict:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.accounts.actions import do_give_consent
    from hearthside.accounts.models import AccessToken, ConsentPurpose
    from hearthside.care import models as care
    from hearthside.community import models as community
    from hearthside.companion import models as companion
    from hearthside.friends import models as friends
    from hearthside.safety import models as safety
    from hearthside.selfcare import models as selfcare
    from hearthside.selfcare import questionnaires
    from hearthside.selfcare.actions import check_share, check_submit_questionnaire
    from hearthside.supportline import models as supportline

    now = timezone.now()
    member = make_user("member", country="GB")
    other = make_user("othermember", country="GB")
    friend = make_user("friend", country="GB")
    asker = make_user("asker", country="GB")
    groupmate = make_user("groupmate", country="GB")
    facilitator = make_user("facilitator", country="GB")
    peer = make_user("peersupporter", "peer_supporter")
    moderator = make_user("moderator", "moderator")
    supervisor = make_user("supervisor", "clinical_supervisor")
    admin = make_user("administrator", "administrator")
    pract_user = make_user("practitioner", "practitioner")
    nogrant_user = make_user("otherpractitioner", "practitioner")
    users = {"member": member, "other": other, "facilitator": facilitator, "peer": peer, "pract": pract_user,
             "pract_nogrant": nogrant_user, "moderator": moderator, "supervisor": supervisor, "admin": admin}
    # Every consent given, so that answers are about access, not about a missing consent.
    for person in (*users.values(), friend, asker, groupmate):
        for purpose in ConsentPurpose.values:
            do_give_consent(person, purpose)
    # Every staff role (and the facilitator) has enrolled its second factor.
    for role in WITH_A_DEVICE:
        TOTPDevice.objects.create(user=users[role], name="phone", confirmed=True)

    token_for(member)
    spare_token = AccessToken.objects.get(user=member, revoked_at__isnull=True)

    route = safety.ContactRoute.objects.create(user=member, kind="in_app", consent_text="ok")
    alert = safety.SafetyAlert.objects.create(
        person=member, source="test", level="high", ack_deadline=now + timedelta(hours=1)
    )
    checkin = selfcare.CheckIn.objects.create(user=member, mood=3)
    entry = selfcare.JournalEntry.objects.create(user=member, body="private")
    items = questionnaires.get("phq9")["items"]
    response, _result, _alert = check_submit_questionnaire(member, "phq9", {item["id"]: 0 for item in items})
    exercise = selfcare.ExerciseSession.objects.create(user=member, exercise="box-breathing")
    article = selfcare.Article.objects.create(slug="matrix-article", title="A", summary="s", body="b")
    reminder = selfcare.Reminder.objects.create(
        user=member, kind="checkin", time_of_day=clock(9), next_due_at=now + timedelta(days=1)
    )

    group = community.Group.objects.create(slug="matrix-group", name="Matrix group", last_seq=1)
    community.Membership.objects.create(group=group, user=member)
    community.Membership.objects.create(group=group, user=groupmate)
    community.Membership.objects.create(group=group, user=facilitator, role="facilitator")
    thread = community.Thread.objects.create(group=group, title="T")
    post = community.Post.objects.create(thread=thread, author=member, body="hello")
    chat = community.ChatMessage.objects.create(group=group, seq=1, author=member, client_id="c1", body="hi")
    meeting = community.Meeting.objects.create(group=group, title="M", starts_at=now + timedelta(days=2))
    community.Report.objects.create(reporter=other, post=post, reason="test")
    community.MemberBlock.objects.create(user=member, other=groupmate, kind="mute")

    profile = care.PractitionerProfile.objects.create(user=pract_user, profession="psychologist")
    licence = care.Licence.objects.create(
        practitioner=profile,
        number="1",
        issuing_body="B",
        jurisdiction="GB",
        expires_on=(now + timedelta(days=365)).date(),
        status="verified",
        verified_on=now.date(),
    )
    relationship = care.CareRelationship.objects.create(client=member, practitioner=profile)
    # The member shares their check-ins with their practitioner ("pract"); "pract_nogrant" has a
    # practice of their own and nothing from the member.
    check_share(member, "checkins")
    check_share(member, "journal_entry", journal_entry=entry)
    care.PractitionerProfile.objects.create(user=nogrant_user, profession="counsellor")
    appointment = care.Appointment.objects.create(
        practitioner=profile,
        client=member,
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=1),
    )
    feed = care.CalendarFeed.objects.create(user=member)

    companion_conv = companion.Conversation.objects.create(user=member)
    line_conv = supportline.Conversation.objects.create(person=member)

    for person in (friend, asker, *(user for role, user in users.items() if role != "other")):
        friends.PeerProfile.objects.create(
            user=person, pseudonym=person.pseudonym, age_band="adult", enabled=True
        )
    peer_profile = friends.PeerProfile.objects.create(
        user=other, pseudonym="Otherone", age_band="adult", enabled=True
    )
    pair = friends.Connection.pair_key
    connection = friends.Connection.objects.create(
        requester=member, recipient=friend, status="accepted", pair=pair(member.pk, friend.pk), last_seq=1
    )
    # Asked of the member (respond), and asked by the member (withdraw).
    incoming = friends.Connection.objects.create(
        requester=asker, recipient=member, status="pending", pair=pair(asker.pk, member.pk)
    )
    outgoing = friends.Connection.objects.create(
        requester=member, recipient=other, status="pending", pair=pair(member.pk, other.pk)
    )
    # A request to the member held for moderators after reports about the one who asked.
    holder = make_user("holder", country="GB")
    held = friends.Connection.objects.create(
        requester=holder, recipient=member, status="held", pair=pair(holder.pk, member.pk)
    )
    peer_message = friends.PeerMessage.objects.create(
        connection=connection, seq=1, author=friend, client_id="p1", body="hey"
    )
    peer_report = friends.PeerReport.objects.create(
        reporter=member, reported=friend, message=peer_message, reason="test"
    )
    circle = friends.CircleMember.objects.create(owner=member, member=friend, status="accepted")
    invitation = friends.CircleMember.objects.create(owner=friend, member=member)
    reach_out = friends.ReachOut.objects.create(sender=friend, body="thinking of you")
    delivery = friends.ReachOutDelivery.objects.create(reach_out=reach_out, recipient=member)
    strategy = friends.Strategy.objects.create(author=friend, text="walk")

    ids = {
        "token_id": spare_token.pk,
        "route_id": route.pk,
        "alert_id": alert.pk,
        "action": "acknowledge",
        "checkin_id": checkin.pk,
        "entry_id": entry.pk,
        "response_id": response.pk,
        "session_id": exercise.pk,
        "reminder_id": reminder.pk,
        "step": "warning_signs",
        "purpose": "research",
        "thread_id": thread.pk,
        "post_id": post.pk,
        "message_id": chat.pk,
        "meeting_id": meeting.pk,
        "seq": 1,
        "pseudonym": groupmate.pseudonym,
        "licence_id": licence.pk,
        "relationship_id": relationship.pk,
        "appointment_id": appointment.pk,
        "data_type": "checkins",
        "token": feed.token,
        "connection_id": connection.pk,
        "circle_id": circle.pk,
        "delivery_id": delivery.pk,
        "strategy_id": strategy.pk,
        "what": "helped",
        "report_id": peer_report.pk,
        "uidb64": "MQ",
        "patient_id": member.pk,
        "practitioner_id": profile.pk,
        "role_id": profile.pk,
        "observation_id": f"obs-{response.pk}",
        "result_id": licence.pk,
        "slug": group.slug,
        "conversation_id": line_conv.pk,
        "profile_id": profile.pk,
    }
    # Names that mean different objects on different paths: (path regex, name) -> value.
    by_path = {
        (r"^/selfcare/questionnaires/|^/api/v1/selfcare/questionnaires/", "slug"): "phq9",
        (r"^/selfcare/exercises/", "slug"): "box-breathing",
        (r"^/selfcare/library/", "slug"): article.slug,
        (r"^(/api/v1)?/companion/", "conversation_id"): companion_conv.pk,
        (r"^(/api/v1)?/friends/", "profile_id"): peer_profile.pk,
        (r"/QuestionnaireResponse/", "response_id"): f"qr-{response.pk}",
        (r"/respond/?$", "connection_id"): incoming.pk,
        (r"/moderation/held", "connection_id"): held.pk,
        (r"/withdraw$", "connection_id"): outgoing.pk,
        (r"/answer/?$", "circle_id"): invitation.pk,
        (r"/moderation/reports/", "report_id"): peer_report.pk,
    }

    clients: dict[str, dict] = {"page": {"anon": {"none": Client()}}, "api": {"anon": {"none": Client()}}}
    for role, user in users.items():
        held = credentials_for(user, second_factor=role in WITH_A_DEVICE)
        for kind in ("page", "api"):
            clients[kind][role] = {credential: held[credential] for credential in CREDENTIALS[kind]}
    return {"ids": ids, "by_path": by_path, "clients": clients}


def _bearer(raw: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def credentials_for(user, *, second_factor: bool) -> dict[str, Client]:
    """Every credential kind for ``user``, each obtained the way a person obtains it."""
    from hearthside.accounts.actions import SESSION_AUTH_AT, SESSION_SEEN_AT, do_revoke_token
    from hearthside.accounts.models import AccessToken

    session = login_client(user, two_factor=second_factor)
    password_session = login_client(user)
    expired = login_client(user, two_factor=second_factor)
    stored = expired.session
    stored[SESSION_AUTH_AT] = stored[SESSION_SEEN_AT] = time.time() - settings.SESSION_IDLE_TIMEOUT - 60
    stored.save()
    if second_factor:  # a token made by a session that did not prove the code
        made = password_session.post("/api/v1/me/tokens", {"name": "no code", "scope": "write"},
                                     content_type="application/json")
    else:  # the password exchanged for a token
        made = Client().post("/api/v1/accounts/token", {"username": user.username, "password": PASSWORD,
                                                        "name": "password only", "scope": "write"},
                             content_type="application/json")
    assert made.status_code == 201 and made.json()["two_factor"] is False, made.content
    revoked_raw = token_for(user, "write", two_factor=second_factor)
    do_revoke_token(AccessToken.objects.filter(user=user).order_by("-pk").first())
    return {
        "session": session,
        "password_session": password_session,
        "expired_session": expired,
        "token": _bearer(token_for(user, "write", two_factor=second_factor)),
        "non2fa_token": _bearer(made.json()["token"]),
        "revoked_token": _bearer(revoked_raw),
    }


def fill(path: str, world: dict) -> str:
    def value(name: str):
        for (pattern, param), found in world["by_path"].items():
            if param == name and re.search(pattern, path):
                return found
        if name not in world["ids"]:
            raise AssertionError(f"no fixture value for path parameter {name!r} in {path}")
        return world["ids"][name]

    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(value(m.group(1))), path)
    return re.sub(r"\{(\w+)\}", lambda m: str(value(m.group(1))), path)


def classify(response) -> str:
    status = response.status_code
    if status >= 500:
        return f"{status} server error"
    if status == 401:
        return LOGIN
    if status in (301, 302, 303, 307, 308):
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return LOGIN
        if location.startswith("/accounts/two-factor/"):
            return TWO_FA
        return OK
    if status in (403, 404):
        return str(status)
    if status == 429:
        return "429 rate limited"
    return OK  # 2xx, and 400/405/409/422: the request reached the view


def send(client: Client, method: str, url: str, body: bytes = b"{}", query: dict | None = None):
    # The database is rolled back after each request and so are the cookies: a log-out (or a
    # session rotated by a view) must not change who the next request is.
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        if method == "GET":
            response = client.get(url, query or {})
        elif query is None:  # a page: an empty form
            response = client.post(url, {})
        else:
            if query:
                from urllib.parse import urlencode

                url = f"{url}?{urlencode(query)}"
            response = client.generic(method, url, body, content_type="application/json")
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def request_as(client: Client, kind: str, method: str, path: str, url: str):
    if kind == "page":
        response = send(client, "GET", url)
        if response.status_code == 405:  # a POST-only page: what matters is who reaches it
            response = send(client, "POST", url)
        return response
    body, query = minimal_request(method, path)
    return send(client, method, url, body, query)


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "method", "path", "role"), list(_cases()))
def test_access_matrix(world, kind, method, path, role):
    key = f"{method} {path}"
    expected = expected_for(key)
    assert expected is not None, f"{key} has no rule in the access matrix"
    url = fill(path, world)
    wrong = []
    for credential in credentials_of(kind, role):
        want = answer_for(expected, role, credential)
        response = request_as(world["clients"][kind][role][credential], kind, method, path, url)
        got = classify(response)
        right = got in (want if isinstance(want, tuple) else (want,))
        known = KNOWN_ISSUES.get((key, role, credential))
        if known is not None and right:
            wrong.append(f"{credential}: answers {got} now; remove it from KNOWN_ISSUES ({known})")
        elif known is None and not right:
            wrong.append(f"{credential}: expected {want}, got {got} ({response.status_code})")
    assert not wrong, f"{key} ({url}) as {role}:\n  " + "\n  ".join(wrong)
