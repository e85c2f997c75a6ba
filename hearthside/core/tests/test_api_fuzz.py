"""Property-based fuzzing of the JSON API from its own OpenAPI document (schemathesis).

Every operation in /api/v1/openapi.json gets valid and invalid requests, sent in-process to the
WSGI application with a member's bearer token (a moderator's two-factor token under
/api/v1/staff/); no request may end in a server error (5xx). ``DELETE /api/v1/me`` closes the
account, so it is fuzzed separately with a fresh account for every example.

Bounded: 25 examples per operation, no deadline, no example database; well under a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

from hearthside.conftest import make_user, token_for

MAX_EXAMPLES = 25
SCHEMA_PATH = "/api/v1/openapi.json"
STAFF_PREFIX = "/api/v1/staff/"
CLOSE_ACCOUNT = {"method": "DELETE", "path_regex": r"^/api/v1/me/?$"}

FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run: a failure here is reproducible
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _config() -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "generation": {"max-examples": MAX_EXAMPLES, "mode": "all", "database": "none"},
            # The coverage phase enumerates hundreds of edge cases per operation; fuzzing and the
            # schema's own examples keep this test fast.
            "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
        }
    )


@pytest.fixture
def personas(transactional_db):
    """Bearer tokens: a member for most of the API, a moderator with two-factor for staff APIs."""
    from hearthside.accounts.actions import do_give_consent
    from hearthside.accounts.models import AccessToken, ConsentPurpose

    member = make_user("fuzz-member", country="GB")
    for purpose in ConsentPurpose.values:  # so health-data features are reachable, not refused
        do_give_consent(member, purpose)
    moderator = make_user("fuzz-moderator", "moderator")
    tokens = {"member": token_for(member, "write"), "staff": token_for(moderator, "write", two_factor=True)}
    ids = list(AccessToken.objects.filter(user__in=[member, moderator]).values_list("pk", flat=True))
    return tokens, ids


def _load_schema():
    # Loaded at collection (pytest-django has set Django up by then; serving the document reads
    # no database). schemathesis.pytest.from_fixture would load it lazily, but it does not work
    # with pytest 9.2 (it sets Function._nodeid, which pytest 9.2 no longer has).
    from hearthside.wsgi import application

    return schemathesis.openapi.from_wsgi(SCHEMA_PATH, application, config=_config())


schema = _load_schema()

# Hypothesis often regenerates the same request, and for an operation without parameters it can
# only ever generate one. Repeating a write can matter (a second sign-up with the same name), so
# only repeated reads are skipped.
_READS_SENT: set[tuple] = set()


def _repeated_read(case) -> bool:
    if case.method.upper() not in {"GET", "HEAD"}:
        return False
    key = (case.operation.label, repr(case.path_parameters), repr(case.query), repr(case.headers),
           repr(case.cookies))
    if key in _READS_SENT:
        return True
    _READS_SENT.add(key)
    return False


@pytest.mark.django_db(transaction=True)
@schema.exclude(**CLOSE_ACCOUNT).parametrize()
@FUZZ_SETTINGS
def test_api_has_no_server_errors(case, personas):
    from hearthside.accounts.models import AccessToken, User

    if _repeated_read(case):
        return
    tokens, token_ids = personas
    # The fuzzer may revoke the persona's own token (DELETE /me/tokens/{id}) or change the
    # profile; put the personas back so every example runs authenticated.
    AccessToken.objects.filter(pk__in=token_ids).update(revoked_at=None, expires_at=None)
    User.objects.filter(username__in=["fuzz-member", "fuzz-moderator"]).update(is_active=True)
    persona = "staff" if case.operation.path.startswith(STAFF_PREFIX) else "member"
    case.call_and_validate(headers={"Authorization": f"Bearer {tokens[persona]}"}, checks=[not_a_server_error])


@pytest.mark.django_db(transaction=True)
@schema.include(**CLOSE_ACCOUNT).parametrize()
@settings(FUZZ_SETTINGS, max_examples=5)
def test_close_account_has_no_server_errors(case):
    import secrets

    user = make_user(f"fuzz-closing-{secrets.token_hex(4)}")
    token = token_for(user, "write")
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
