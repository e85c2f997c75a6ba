"""Shared personas and helpers for every app's tests."""

from __future__ import annotations

import pytest
from django.test import Client

# Browser fixtures (Playwright with the system Chromium, and an ASGI server for pages that use the
# event socket), for every app's tests. Nothing starts unless a test asks for one.
from hearthside.testing.browser_fixtures import (  # noqa: F401  (pytest fixtures)
    asgi_context,
    asgi_server,
    audit,
    browser_context,
    chromium,
    open_asgi_context,
    open_live_context,
    page,
)

PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and before it is dropped, the connections that threads of
    in-process servers (uvicorn's database workers) still hold to it on PostgreSQL are ended:
    otherwise "database is being accessed by other users" stops the drop and the test database is
    left behind on the server."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                       " WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # Argon2 is deliberately slow; tests that do not measure hashing use a fast hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Presence counts (community/presence.py) arrive on group sockets a moment after anyone comes
    # or goes; tests that expect an exact sequence of frames would see them at random points.
    # The presence tests set a short delay themselves.
    settings.PRESENCE_DELAY = 3600
    # Abuse limits stay on, counted afresh for each test (a prefix of its own, so nothing is
    # cleared from a cache other test processes share through Redis).
    import uuid

    settings.RATELIMIT_CACHE_PREFIX = f"rl:{uuid.uuid4().hex}:"


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request made in Spanish by an earlier test in
    the same worker leaves Spanish active in the thread (LocaleMiddleware activates, nothing
    deactivates), and code called directly would then answer in Spanish."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _frames_match_their_schemas():
    """Every frame a socket writes during a test is checked against its declared schema
    (``core/frames.py``); a test whose frames broke one fails, naming the frame type and field."""
    from hearthside.core import consumers, frames

    consumers.CHECK_FRAMES = True
    frames.VIOLATIONS.clear()
    yield
    found = sorted(set(frames.VIOLATIONS))
    frames.VIOLATIONS.clear()
    assert not found, "frames that break their schema (core/frames.py):\n  " + "\n  ".join(found)


def make_user(username: str, *roles: str, **extra):
    from hearthside.accounts.actions import do_give_consent, do_grant_role
    from hearthside.accounts.models import User

    user = User.objects.create_user(username, PASSWORD, pseudonym=extra.pop("pseudonym", username.title()), **extra)
    do_give_consent(user, "privacy")
    for role in roles:
        do_grant_role(user, role)
    return user


def make_member(username: str, *consents: str, **extra):
    """A member (``make_user``) who also gave these consents, e.g. ``"practitioner_sharing"``."""
    from hearthside.accounts.actions import do_give_consent

    user = make_user(username, **extra)
    for purpose in consents:
        do_give_consent(user, purpose)
    return user


@pytest.fixture
def member(db):
    return make_user("member", country="GB")


@pytest.fixture
def other_member(db):
    return make_user("othermember")


@pytest.fixture
def practitioner(db):
    return make_user("practitioner", "practitioner")


@pytest.fixture
def moderator(db):
    return make_user("moderator", "moderator")


@pytest.fixture
def anon():
    return Client()


def login_client(user, *, two_factor: bool = False) -> Client:
    client = Client()
    client.force_login(user)
    if two_factor:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="test", confirmed=True
        )
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def token_for(user, scope: str = "write", two_factor: bool = False) -> str:
    from hearthside.accounts.actions import do_create_token

    _token, raw = do_create_token(user, "test", scope, two_factor=two_factor)
    return raw


class Api:
    """A JSON client that sends a bearer token."""

    def __init__(self, token: str | None = None):
        self.client = Client()
        self.token = token

    def _headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, **params):
        return self.client.get(path, params, **self._headers())

    def post(self, path, data=None):
        return self.client.post(path, data or {}, content_type="application/json", **self._headers())

    def patch(self, path, data=None):
        return self.client.patch(path, data or {}, content_type="application/json", **self._headers())

    def delete(self, path, data=None):
        return self.client.delete(path, data, content_type="application/json", **self._headers())


@pytest.fixture
def api_as():
    def make(user, scope="write", two_factor=False):
        return Api(token_for(user, scope, two_factor))

    return make
