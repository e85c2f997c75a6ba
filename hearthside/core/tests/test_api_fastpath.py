"""The token path for the JSON API (core.middleware.TokenApiMiddleware, issue #20): a request with
``Authorization: Bearer`` and no session cookie skips the browser's middleware, and still gets
every answer and header the full stack gives it. Everything else keeps the full stack: CSRF for
cookie sessions, the session when a token fails."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client

from hearthside.conftest import login_client, make_member, token_for
from hearthside.core.middleware import is_token_api_request

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"
TOKENS = "/api/v1/me/tokens"


@pytest.fixture
def person():
    return make_member("fastpath", "privacy")


def bearer(raw: str, **extra) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", **extra}


@pytest.fixture
def no_browser_middleware(monkeypatch):
    """Fails the request if the stack's session, CSRF, user or messages middleware is called.
    (Only the stack's: django-ninja's session auth, tried after a failed token, and Django's error
    views use CSRF middleware objects of their own, which are not called as middleware.)"""

    def refuse(self, request):
        raise AssertionError(f"{type(self).__name__} ran on the token path")

    for middleware in (SessionMiddleware, CsrfViewMiddleware, AuthenticationMiddleware, MessageMiddleware):
        monkeypatch.setattr(middleware, "__call__", refuse)


def test_which_requests_take_the_token_path(rf, settings):
    cookie = settings.SESSION_COOKIE_NAME
    assert is_token_api_request(rf.get(ME, **bearer("hs_x")))
    assert is_token_api_request(rf.get(ME, HTTP_AUTHORIZATION="bearer hs_x"))  # as django-ninja reads it
    assert not is_token_api_request(rf.get(ME))
    assert not is_token_api_request(rf.get(ME, HTTP_AUTHORIZATION="Basic eDp5"))
    assert not is_token_api_request(rf.get("/groups/", **bearer("hs_x")))
    assert not is_token_api_request(rf.get("/api/v1/docs", **bearer("hs_x")))  # a page, with the session
    with_cookie = rf.get(ME, **bearer("hs_x"))
    with_cookie.COOKIES[cookie] = "abc"
    assert not is_token_api_request(with_cookie)


def test_a_token_request_skips_sessions_and_csrf_and_keeps_its_headers(person, no_browser_middleware):
    response = Client().get(ME, **bearer(token_for(person), HTTP_ACCEPT_LANGUAGE="es"))
    assert response.status_code == 200
    assert response.json()["username"] == "fastpath"
    assert response["Content-Security-Policy"].startswith("default-src 'self'")
    assert response["Cache-Control"] == "no-store"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    assert int(response["Content-Length"]) == len(response.content)
    assert not response.cookies  # no session, no CSRF cookie


def test_a_bad_token_is_401_on_the_token_path(person, no_browser_middleware):
    response = Client().get(ME, **bearer("hs_not-a-token"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="hearthside"'
    assert "Authentication required" in response.json()["detail"]


def test_error_messages_keep_the_request_language(person, no_browser_middleware):
    client = Client()
    raw = token_for(person)
    spanish = client.post(TOKENS, {"name": "", "scope": "read"}, content_type="application/json",
                          **bearer(raw, HTTP_ACCEPT_LANGUAGE="es"))
    english = client.post(TOKENS, {"name": "", "scope": "read"}, content_type="application/json",
                          **bearer(raw, HTTP_ACCEPT_LANGUAGE="en"))
    assert spanish.status_code == english.status_code == 400
    assert spanish.json()["detail"] == "Ponle al token un nombre de 1 a 100 caracteres."
    assert english.json()["detail"] == "Give the token a name of 1–100 characters."


def test_a_write_token_needs_no_csrf_token(person, no_browser_middleware):
    client = Client(enforce_csrf_checks=True)
    response = client.post(TOKENS, {"name": "laptop", "scope": "read"}, content_type="application/json",
                           **bearer(token_for(person)))
    assert response.status_code == 201, response.content
    assert response.json()["token"].startswith("hs_")


def test_nul_characters_are_refused_on_the_token_path(person, no_browser_middleware):
    body = json.dumps({"name": "a\x00b", "scope": "read"})
    response = Client().post(TOKENS, body, content_type="application/json", **bearer(token_for(person)))
    assert response.status_code == 400
    assert response.json()["detail"] == "Text may not contain NUL characters."


def test_an_unknown_host_is_refused_on_the_token_path(person, no_browser_middleware):
    client = Client(raise_request_exception=False)
    response = client.get(ME, **bearer(token_for(person), HTTP_HOST="evil.example"))
    assert response.status_code == 400, response.content


def test_a_read_only_token_still_cannot_write(person, no_browser_middleware):
    response = Client().post(TOKENS, {"name": "x", "scope": "read"}, content_type="application/json",
                             **bearer(token_for(person, "read")))
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_a_staff_api_refuses_a_token_made_without_a_code(no_browser_middleware):
    from hearthside.conftest import make_user

    supervisor = make_user("fastpath-sup", "clinical_supervisor")
    refused = Client().get("/api/v1/staff/safety/alerts", **bearer(token_for(supervisor)))
    assert refused.status_code == 403
    allowed = Client().get("/api/v1/staff/safety/alerts", **bearer(token_for(supervisor, two_factor=True)))
    assert allowed.status_code == 200


def test_a_cookie_session_without_a_token_still_needs_the_csrf_token(person):
    client = login_client(person)
    client.handler.enforce_csrf_checks = True
    response = client.post(TOKENS, {"name": "laptop", "scope": "read"}, content_type="application/json")
    assert response.status_code == 403
    assert not person.access_tokens.exists()


def test_a_failed_token_with_a_session_cookie_falls_back_to_the_session_with_csrf(person):
    client = login_client(person)
    client.handler.enforce_csrf_checks = True
    read = client.get(ME, **bearer("hs_not-a-token"))
    assert read.status_code == 200 and read.json()["username"] == "fastpath"
    write = client.post(TOKENS, {"name": "laptop", "scope": "read"}, content_type="application/json",
                        **bearer("hs_not-a-token"))
    assert write.status_code == 403
    assert not person.access_tokens.exists()

