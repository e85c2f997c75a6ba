"""Property-based fuzzing of the JSON API from its own OpenAPI document (schemathesis).

Every operation in /api/v1/openapi.json gets valid and invalid requests (schemathesis' positive
and negative generation), sent in-process to the WSGI application with a member's bearer token
(a moderator's two-factor token under /api/v1/staff/). No response may be a server error (5xx:
schemathesis' ``not_a_server_error`` check). ``DELETE /api/v1/me`` closes the account, so every
example of it gets a fresh account of its own.

Bounded: 25 examples per operation, fewer once the API has more than 40 operations so the whole
run stays near 1,000 requests (at least 8 each; ``HEARTHSIDE_FUZZ_EXAMPLES=N`` sets the number),
5 for closing an account; no deadline, derandomized (the same requests every run) and no example
database. The whole API is one test, so the database is emptied once rather than once per
operation (TRUNCATE is slow on PostgreSQL); a failure lists every operation that answered 5xx,
with the request to reproduce it.

Run alone: ``.venv/bin/python -m pytest -p no:xdist hearthside/core/tests/test_api_fuzz.py``.
"""

from __future__ import annotations

import os
import secrets
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from hearthside.conftest import make_user, token_for

SCHEMA_PATH = "/api/v1/openapi.json"
STAFF_PREFIX = "/api/v1/staff/"
MAX_EXAMPLES = 25
MIN_EXAMPLES = 8
TOTAL_EXAMPLES = 1000
CLOSE_ACCOUNT_EXAMPLES = 5


def examples_per_operation(operations: int) -> int:
    configured = os.environ.get("HEARTHSIDE_FUZZ_EXAMPLES")
    if configured:
        return max(1, int(configured))
    return max(MIN_EXAMPLES, min(MAX_EXAMPLES, TOTAL_EXAMPLES // max(1, operations)))

FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,  # reproducible: a failure here fails the same way on the next run
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _is_close_account(operation) -> bool:
    return operation.method.upper() == "DELETE" and operation.path.rstrip("/") == "/api/v1/me"


def _strategy(operation):
    """Valid and invalid requests for one operation (an operation with nothing to get wrong
    has no negative strategy)."""
    strategies = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        try:
            strategies.append(operation.as_strategy(generation_mode=mode))
        except Exception:  # noqa: BLE001 - schemathesis refuses modes it cannot honour
            if mode is GenerationMode.POSITIVE:
                raise
    return st.one_of(strategies)


@pytest.fixture
def personas(transactional_db):
    """Bearer tokens: a member (every consent given, so health-data features answer rather than
    refuse) and a moderator whose token was created with a second factor, for staff APIs."""
    from hearthside.accounts.actions import do_give_consent
    from hearthside.accounts.models import AccessToken, ConsentPurpose, User

    member = make_user("fuzz-member", country="GB")
    for purpose in ConsentPurpose.values:
        do_give_consent(member, purpose)
    moderator = make_user("fuzz-moderator", "moderator")
    tokens = {"member": token_for(member, "write"), "staff": token_for(moderator, "write", two_factor=True)}
    people = [member.pk, moderator.pk]

    def restore():
        # The fuzzer may revoke the persona's own token (DELETE /me/tokens/{id}); put it back so
        # every example runs authenticated.
        AccessToken.objects.filter(user_id__in=people).update(revoked_at=None, expires_at=None)
        User.objects.filter(pk__in=people).update(is_active=True, erasure_requested_at=None)

    return tokens, restore


@pytest.mark.django_db(transaction=True)
def test_api_has_no_server_errors(personas):
    from hearthside.wsgi import application

    tokens, restore = personas
    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, application)
    operations = []
    for result in schema.get_all_operations():
        operations.append(result.ok())  # an unusable schema fails here, naming the operation
    assert len(operations) >= 10, f"only {len(operations)} operations in {SCHEMA_PATH}"

    examples = examples_per_operation(len(operations))
    failures: list[str] = []
    statuses: dict[str, Counter] = {}
    for operation in operations:
        counts = statuses.setdefault(operation.label, Counter())
        run = _fuzzer(operation, counts, tokens, restore, examples)
        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report
            failures.append(f"{operation.label}:\n{exc}")

    summary = "\n".join(f"  {label}: {dict(sorted(c.items()))}" for label, c in statuses.items())
    assert not failures, (
        f"{len(failures)} operation(s) answered with a server error:\n\n" + "\n\n".join(failures)
        + f"\n\nStatus codes per operation:\n{summary}"
    )
    # The personas really were authenticated: something answered 2xx.
    assert any(code < 300 for c in statuses.values() for code in c), summary


def _fuzzer(operation, counts: Counter, tokens: dict[str, str], restore, examples: int):
    """A Hypothesis test for one operation: send each generated request, count its status, and
    fail on a 5xx."""
    sent_reads: set[tuple] = set()

    def call(case, token):
        if case.method.upper() in {"GET", "HEAD"}:
            # A read without parameters can only be generated one way; send each read once.
            key = (repr(case.path_parameters), repr(case.query), repr(case.headers), repr(case.cookies))
            if key in sent_reads:
                return
            sent_reads.add(key)
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        counts[response.status_code] += 1
        case.validate_response(response, checks=[not_a_server_error])

    if _is_close_account(operation):

        @settings(FUZZ_SETTINGS, max_examples=CLOSE_ACCOUNT_EXAMPLES)
        @given(case=_strategy(operation))
        def run_close_account(case):
            user = make_user(f"fuzz-closing-{secrets.token_hex(4)}")
            call(case, token_for(user, "write"))

        return run_close_account

    token = tokens["staff" if operation.path.startswith(STAFF_PREFIX) else "member"]

    @settings(FUZZ_SETTINGS, max_examples=examples)
    @given(case=_strategy(operation))
    def run_operation(case):
        restore()
        call(case, token)

    return run_operation
