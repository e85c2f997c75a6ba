"""The access matrix, generated from the project's own routing (issue #17, item 2).

Every URL pattern (``get_resolver()``, walked recursively) and every operation in the OpenAPI
document is an entry of the matrix by construction: a new endpoint makes
``test_every_endpoint_has_a_declared_answer`` fail until a rule in ``RULES`` (or an entry in
``EXCEPTIONS``) says who may reach it. Each endpoint is then requested as each persona, with its
path parameters filled from objects owned by "member", and the class of the answer (reached / sent
to log in / sent to the two-factor page / 403 / 404) must be the declared one. A 5xx or a 429 is
never a declared answer.

Personas (``PAGE_PERSONAS``, ``API_PERSONAS``): anonymous; the member; another member; a moderator
and a practitioner (the member's own) without a second factor; an administrator with one; and, on
the API, a revoked token. Pages are requested with a session, the API with bearer tokens (with
``two_factor`` only for the administrator). Pages are requested with GET (POST with an empty form where GET answers 405); API
operations with their declared method and the smallest body the OpenAPI schema accepts, so that
body validation (422) does not answer before the access check does. Not covered here: moderator,
practitioner and clinical supervisor *with* a second factor (whose answers on staff endpoints depend
on the role, not on the path; the administrator's staff answers are only held to "not log-in, not
2FA, not 5xx"), and sessions on the API.

The data is created once per module inside an outer transaction that is rolled back at the end;
each test is a savepoint and each request one more, and a client's cookies are restored after each
request, so a DELETE or a log-out answered for one persona does not change what the next one sees.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from datetime import time, timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from hearthside.conftest import login_client, make_user, token_for

# Answer classes.
OK = "ok"  # reached the view: 2xx, a redirect elsewhere, or 400/405/409/422 for a bad or empty body
LOGIN = "login"  # 302 to the log-in page (pages) or 401 (API)
TWO_FA = "2fa"  # 302 to the two-factor page
E403 = "403"
E404 = "404"
REFUSED = (E403, E404)  # refused to someone without the role: either answer is fine
REFUSED_2FA = (E403, E404, TWO_FA)  # refused to staff without a second factor

PAGE_PERSONAS = ("anon", "member", "other", "staff_no2fa", "pract_no2fa", "admin_2fa")
API_PERSONAS = ("anon", "revoked", "member", "other", "staff_no2fa", "pract_no2fa", "admin_2fa")

# Skipped when walking the resolver, with the reason:
# - admin/: Django's admin has its own permission system (is_staff and model permissions), its log-in
#   is replaced by the site's (hearthside/urls.py), and StaffTwoFactorMiddleware guards "/admin/"
#   the way it guards "/staff/" (covered here). Its ~90 generated model URLs would add nothing else.
# - api/v1/: the API is enumerated from its OpenAPI document instead (methods and path names).
# - i18n/: Django's set_language view: POST-only, sets a cookie, no personal data.
SKIPPED_PREFIXES = ("admin/", "api/v1/", "i18n/")

# Shapes of access, per persona. A persona missing from a shape takes "staff_no2fa"'s answer
# ("pract_no2fa" is staff too), and "admin_2fa" (an administrator who proved a second factor) takes
# "other"'s: staff see no one's private things through the member's own endpoints. "other" has an account of their own: on a personal page without an
# object id they see their own; on the member's object they must get 404.
PUBLIC = {"anon": OK, "revoked": OK, "member": OK, "other": OK, "staff_no2fa": OK}
SIGNED_IN = {"anon": LOGIN, "revoked": LOGIN, "member": OK, "other": OK, "staff_no2fa": OK}
OWNED = {"anon": LOGIN, "revoked": LOGIN, "member": OK, "other": E404, "staff_no2fa": E404}
# A group's content: its members (the member is one), and moderators who proved a second factor
# (an administrator reads as a moderator; writing needs a membership, so 403/404 there is right too).
GROUP = {
    "anon": LOGIN,
    "revoked": LOGIN,
    "member": OK,
    "other": E404,
    "staff_no2fa": REFUSED_2FA,
    "pract_no2fa": E404,
    "admin_2fa": (OK, E403, E404),
}
# Staff endpoints; which staff role reaches which is not declared here (see the module docstring), so
# an administrator with a second factor may be answered or refused, never sent to log in or to 2FA.
STAFF = {
    "anon": LOGIN,
    "revoked": LOGIN,
    "member": REFUSED,
    "other": REFUSED,
    "staff_no2fa": REFUSED_2FA,
    "admin_2fa": (OK, E403, E404),
}
# The member's care, where the practitioner is the other party: a second factor first.
CARE_OWNED = {**OWNED, "pract_no2fa": REFUSED_2FA}
# A practitioner's own profile, licences and hours: nobody else's data, so no second factor needed.
PRACTICE = {**STAFF, "staff_no2fa": REFUSED, "pract_no2fa": OK}
# The practitioner's side of the member's care (care/clinical.py: a second factor is required).
CLINICAL = {
    "anon": LOGIN,
    "revoked": LOGIN,
    "member": E404,
    "other": E404,
    "staff_no2fa": E404,
    "pract_no2fa": REFUSED_2FA,
}

# Rules: the first whose regular expression matches "<METHOD> <path pattern>" decides. Pages are
# keyed "GET /<route>" with Django's route syntax, API operations with OpenAPI's ("{name}").
OWNED_IDS = (
    "token_id|route_id|checkin_id|entry_id|response_id|session_id|reminder_id|connection_id|circle_id"
    "|delivery_id|appointment_id|conversation_id|relationship_id|observation_id|patient_id"
)
RULES: list[tuple[str, dict]] = [
    # Staff prefixes: StaffTwoFactorMiddleware (accounts/middleware.py).
    (r"^\w+ /(staff|api/v1/staff)/", STAFF),
    # Moderation and the support line's desk outside /staff/: the role, then a second factor.
    (r"^\w+ /(friends/moderation|support-line/desk)/", STAFF),
    (r"^\w+ /api/v1/(community/moderation|friends/moderation)/", STAFF),
    (r"^\w+ /api/v1/support-line/(queue|availability|next)$", STAFF),
    # Practitioners' side of care.
    (r"^\w+ /(care/clients|api/v1/care/clients)/", CLINICAL),
    (r"^\w+ /care/verify/$", STAFF),
    (r"^\w+ /api/v1/care/licences", STAFF),
    (r"^\w+ /(care/practice/$|api/v1/care/practice/)", PRACTICE),
    (r"^GET /api/v1/fhir/VerificationResult/", PRACTICE),
    (r"^\w+ /api/v1/community/posts/\{post_id\}/revisions$", STAFF),
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
    "GET /accounts/login/code/": {
        **PUBLIC,
        "anon": LOGIN,
        "member": LOGIN,
        "other": LOGIN,
        "staff_no2fa": LOGIN,
    },
    # Nobody here has a device to disable: every signed-in persona is sent to enrol one.
    "GET /accounts/two-factor/disable/": {
        **SIGNED_IN,
        "member": TWO_FA,
        "other": TWO_FA,
        "staff_no2fa": TWO_FA,
    },
    # The paging service worker is a static script that must be served under the scope it controls;
    # it holds no data. Staff without a second factor are still turned away by the middleware.
    "GET /staff/paging/sw.js": {**PUBLIC, "staff_no2fa": TWO_FA},
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
    "POST /api/v1/friends/strategies/{strategy_id}/hide": STAFF,
    # Requests to another person's profile: anyone signed in may ask (the member asks "other",
    # who cannot ask themselves).
    "GET /friends/peers/<int:profile_id>/request/": {**SIGNED_IN, "other": REFUSED, "admin_2fa": OK},
    "POST /api/v1/friends/profiles/{profile_id}/request": {**SIGNED_IN, "other": REFUSED, "admin_2fa": OK},
    # A wrong password (the minimal body) answers 401, for everyone alike.
    "POST /api/v1/accounts/token": {persona: LOGIN for persona in PUBLIC},
    # Facilitators create a group's meetings; the member is not one.
    "POST /api/v1/community/groups/{slug}/meetings": {**GROUP, "member": E403},
    # The conversation to hand off is the person's current one; only the member has one.
    "POST /api/v1/companion/handoff": {**SIGNED_IN, "other": E404, "staff_no2fa": E404},
    # Muting someone needs a group in common (the member shares one with "groupmate");
    # unmuting someone one has not muted is 404.
    "PUT /api/v1/community/blocks/{pseudonym}": OWNED,
    "DELETE /api/v1/community/blocks/{pseudonym}": OWNED,
}

# Entries that answer wrongly today, each with the issue: xfail(strict=True), so a fix turns them
# into failures that ask for the entry to be removed here. (Found and fixed in the same change:
# moderators reaching group content without a second factor, a practitioner without one reaching
# a client's appointment, a 500 on the export page for a member with a reminder, and a 500 on a
# form-encoded post to the paging pages.)
KNOWN_ISSUES: dict[tuple[str, str], str] = {}


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


def answer_for(expected: dict, persona: str):
    fallback = {"pract_no2fa": "staff_no2fa", "admin_2fa": "other"}.get(persona)
    return expected.get(persona, expected.get(fallback))


ENDPOINTS = endpoints()


def _cases():
    for kind, method, path in ENDPOINTS:
        key = f"{method} {path}"
        for persona in PAGE_PERSONAS if kind == "page" else API_PERSONAS:
            marks = ()
            if (key, persona) in KNOWN_ISSUES:
                marks = (pytest.mark.xfail(strict=True, reason=KNOWN_ISSUES[key, persona]),)
            yield pytest.param(kind, method, path, persona, marks=marks, id=f"{key} as {persona}")


def test_every_endpoint_has_a_declared_answer():
    undeclared = [f"{m} {p}" for _k, m, p in ENDPOINTS if expected_for(f"{m} {p}") is None]
    assert not undeclared, "endpoints with no rule in the access matrix:\n  " + "\n  ".join(undeclared)
    keys = {f"{m} {p}" for _k, m, p in ENDPOINTS}
    stale = [key for key in EXCEPTIONS if key not in keys] + [k for k, _p in KNOWN_ISSUES if k not in keys]
    assert not stale, f"exceptions for endpoints that no longer exist: {stale}"
    assert len(ENDPOINTS) > 200  # the walk really found the site


def test_a_new_endpoint_without_a_rule_is_reported():
    assert expected_for("GET /brand-new/<int:thing_id>/") is None
    assert expected_for("POST /api/v1/brand-new/{thing_id}") is None


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
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def build_world() -> dict:
    from hearthside.accounts.actions import do_give_consent
    from hearthside.accounts.models import AccessToken, ConsentPurpose
    from hearthside.care import models as care
    from hearthside.community import models as community
    from hearthside.companion import models as companion
    from hearthside.friends import models as friends
    from hearthside.safety import models as safety
    from hearthside.selfcare import models as selfcare
    from hearthside.selfcare import questionnaires
    from hearthside.selfcare.actions import check_submit_questionnaire
    from hearthside.supportline import models as supportline

    now = timezone.now()
    member = make_user("member", country="GB")
    other = make_user("othermember", country="GB")
    friend = make_user("friend", country="GB")
    asker = make_user("asker", country="GB")
    groupmate = make_user("groupmate", country="GB")
    moderator = make_user("moderator", "moderator")
    admin = make_user("administrator", "administrator")
    pract_user = make_user("practitioner", "practitioner")
    # Every consent given, so that answers are about access, not about a missing consent.
    for person in (member, other, friend, asker, groupmate, moderator, pract_user, admin):
        for purpose in ConsentPurpose.values:
            do_give_consent(person, purpose)

    revoked_raw = token_for(member)
    AccessToken.objects.filter(user=member).update(revoked_at=now)
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
        user=member, kind="checkin", time_of_day=time(9), next_due_at=now + timedelta(days=1)
    )

    group = community.Group.objects.create(slug="matrix-group", name="Matrix group", last_seq=1)
    community.Membership.objects.create(group=group, user=member)
    community.Membership.objects.create(group=group, user=groupmate)
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
    appointment = care.Appointment.objects.create(
        practitioner=profile,
        client=member,
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=1),
    )
    feed = care.CalendarFeed.objects.create(user=member)

    companion_conv = companion.Conversation.objects.create(user=member)
    line_conv = supportline.Conversation.objects.create(person=member)

    for person in (member, friend, asker, moderator, pract_user, admin):
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
        (r"/respond/?$|/moderation/held", "connection_id"): incoming.pk,
        (r"/withdraw$", "connection_id"): outgoing.pk,
        (r"/answer/?$", "circle_id"): invitation.pk,
        (r"/moderation/reports/", "report_id"): peer_report.pk,
    }

    clients = {
        "page": {
            "anon": Client(),
            "member": login_client(member),
            "other": login_client(other),
            "staff_no2fa": login_client(moderator),
            "pract_no2fa": login_client(pract_user),
            "admin_2fa": login_client(admin, two_factor=True),
        },
        "api": {
            "anon": Client(),
            "revoked": _bearer(revoked_raw),
            "member": _bearer(token_for(member, "write")),
            "other": _bearer(token_for(other, "write")),
            "staff_no2fa": _bearer(token_for(moderator, "write", two_factor=False)),
            "pract_no2fa": _bearer(token_for(pract_user, "write", two_factor=False)),
            "admin_2fa": _bearer(token_for(admin, "write", two_factor=True)),
        },
    }
    return {"ids": ids, "by_path": by_path, "clients": clients}


def _bearer(raw: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


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


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "method", "path", "persona"), list(_cases()))
def test_access_matrix(world, kind, method, path, persona):
    key = f"{method} {path}"
    expected = expected_for(key)
    assert expected is not None, f"{key} has no rule in the access matrix"
    want = answer_for(expected, persona)
    url = fill(path, world)
    client = world["clients"][kind][persona]
    if kind == "page":
        response = send(client, "GET", url)
        if response.status_code == 405:  # a POST-only page: what matters is who reaches it
            response = send(client, "POST", url)
    else:
        body, query = minimal_request(method, path)
        response = send(client, method, url, body, query)
    got = classify(response)
    allowed = want if isinstance(want, tuple) else (want,)
    assert got in allowed, f"{key} ({url}) as {persona}: expected {want}, got {got} ({response.status_code})"
