"""A socket ends (close 4401) when the credentials it was opened with stop being valid: its token
is revoked, the session ends or expires. Other sockets of the same person stay open."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async as db
from channels.testing import WebsocketCommunicator

from hearthside.accounts.models import AccessToken
from hearthside.conftest import make_user, token_for
from hearthside.testing.sockets import next_frame, open_socket, socket_for


def _token_socket(raw: str) -> WebsocketCommunicator:
    from hearthside.asgi import application

    return WebsocketCommunicator(application, "/ws/events/", headers=[(b"authorization", f"Bearer {raw}".encode())])


async def _closed_with(sock, timeout=10) -> int | None:
    for _ in range(20):
        message = await sock.receive_output(timeout=timeout)
        if message["type"] == "websocket.close":
            return message.get("code")
    return None


async def _still_open(sock) -> bool:
    await sock.send_json_to({"type": "ping"})
    return (await next_frame(sock, "pong"))["type"] == "pong"


@pytest.mark.django_db(transaction=True)
def test_revoking_a_token_closes_its_sockets_with_4401_and_only_those():
    from hearthside.accounts.actions import do_revoke_token

    user = make_user("program")
    doomed_raw, other_raw = token_for(user), token_for(user)
    doomed = AccessToken.objects.filter(user=user).order_by("pk").first()
    a, b, browser = _token_socket(doomed_raw), _token_socket(other_raw), socket_for(user)

    async def scenario():
        for sock in (a, b, browser):
            await open_socket(sock)
        await db(do_revoke_token)(doomed)
        code = await _closed_with(a)
        others_open = await _still_open(b) and await _still_open(browser)
        for sock in (b, browser):
            await sock.disconnect()
        # And the revoked token opens no new socket.
        again = _token_socket(doomed_raw)
        connected, _ = await again.connect(timeout=10)
        return code, others_open, connected

    code, others_open, reconnected = async_to_sync(scenario)()
    assert code == 4401
    assert others_open
    assert not reconnected


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_revokes_tokens_and_closes_their_sockets():
    from hearthside.accounts.actions import revoke_all_tokens

    user = make_user("program")
    sock = _token_socket(token_for(user))

    async def scenario():
        await open_socket(sock)
        await db(revoke_all_tokens)(user)
        return await _closed_with(sock)

    assert async_to_sync(scenario)() == 4401


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("how", ["token revoked quietly", "token expired", "session deleted", "account closed"])
def test_a_credential_that_stops_working_without_an_event_closes_the_socket(settings, how):
    """The periodic re-check catches what no event announced (an expiry, a change made while the
    fan-out was away)."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    settings.REALTIME_AUTH_RECHECK_SECONDS = 0.2
    user = make_user("someone")
    sock = socket_for(user) if how in {"session deleted", "account closed"} else _token_socket(token_for(user))

    def invalidate():
        if how == "token revoked quietly":
            AccessToken.objects.filter(user=user).update(revoked_at=timezone.now())
        elif how == "token expired":
            AccessToken.objects.filter(user=user).update(expires_at=timezone.now())
        elif how == "session deleted":
            Session.objects.all().delete()
        else:
            type(user).objects.filter(pk=user.pk).update(is_active=False)

    async def scenario():
        await open_socket(sock)
        assert await _still_open(sock)
        await db(invalidate)()
        return await _closed_with(sock)

    assert async_to_sync(scenario)() == 4401


@pytest.mark.django_db(transaction=True)
def test_a_valid_session_is_not_closed_by_the_recheck(settings):
    settings.REALTIME_AUTH_RECHECK_SECONDS = 0.1
    sock = socket_for(make_user("someone"))

    async def scenario():
        import asyncio

        await open_socket(sock)
        await asyncio.sleep(1)
        still = await _still_open(sock)
        await sock.disconnect()
        return still

    assert async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_a_staff_socket_is_closed_when_its_second_factor_goes(settings):
    """A socket that joined staff groups on a second factor is closed once that proof is gone (the
    device removed); the reconnect then sees only what a session without it may see (issue #17)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.REALTIME_AUTH_RECHECK_SECONDS = 0.2
    moderator = make_user("mod-2fa", "moderator")
    TOTPDevice.objects.create(user=moderator, name="phone", confirmed=True)
    sock = socket_for(moderator, two_factor=True)

    async def scenario():
        await open_socket(sock)
        assert await _still_open(sock)
        await db(lambda: TOTPDevice.objects.filter(user=moderator).delete())()
        return await _closed_with(sock)

    assert async_to_sync(scenario)() == 4401


def _socket_of(client) -> WebsocketCommunicator:
    """A socket opened with this browser's session cookie (as the tab that holds it would)."""
    from django.conf import settings

    from hearthside.asgi import application

    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return WebsocketCommunicator(application, "/ws/events/",
                                 headers=[(b"cookie", cookie.encode()), (b"origin", b"http://127.0.0.1")])


def _session_marks(client, **marks) -> None:
    session = client.session
    session.update(marks)
    session.save()


@pytest.mark.django_db(transaction=True)
def test_logging_out_closes_the_sockets_of_that_session():
    """Issue #17: logging out (the page's own button, not a test helper) closes open sockets."""
    from hearthside.conftest import login_client

    user = make_user("leaver")
    browser = login_client(user)
    sock = _socket_of(browser)

    async def scenario():
        await open_socket(sock)
        assert await _still_open(sock)
        response = await db(browser.post)("/accounts/logout/")
        assert response.status_code == 302
        return await _closed_with(sock)

    assert async_to_sync(scenario)() == 4401


@pytest.mark.django_db(transaction=True)
def test_changing_the_password_revokes_tokens_and_closes_every_socket():
    """Issue #17: a changed password left tokens working (a reset revoked them) and their
    sockets open. Now the tokens stop and every socket closes; the tab that changed it goes on."""
    from django.test import Client

    from hearthside.conftest import PASSWORD, login_client

    user = make_user("changer")
    raw = token_for(user)
    laptop, phone = login_client(user), login_client(user)
    by_token, on_phone = _token_socket(raw), _socket_of(phone)

    async def scenario():
        for sock in (by_token, on_phone):
            await open_socket(sock)
        response = await db(laptop.post)("/accounts/password/", {"old_password": PASSWORD,
                                                                  "new_password": "brand-new-passphrase-7"})
        assert response.status_code == 302
        codes = [await _closed_with(sock) for sock in (by_token, on_phone)]
        again = _token_socket(raw)
        reconnected, _ = await again.connect(timeout=10)
        return codes, reconnected

    codes, reconnected = async_to_sync(scenario)()
    assert codes == [4401, 4401]
    assert not reconnected
    assert AccessToken.objects.get(user=user).revoked_at is not None
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/me").status_code == 401
    assert laptop.get("/api/v1/me").status_code == 200  # the session that changed it stays signed in


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("how", ["idle", "too old"])
def test_a_session_that_times_out_closes_its_socket_and_opens_no_other(settings, how):
    """Issue #17: a socket whose session had timed out kept receiving chat and could post. The
    socket follows the pages' rule (idle time and absolute lifetime): closed by the re-check, and
    the same cookie opens no new socket."""
    import time

    from hearthside.accounts.actions import SESSION_AUTH_AT, SESSION_SEEN_AT
    from hearthside.conftest import login_client

    settings.REALTIME_AUTH_RECHECK_SECONDS = 0.2
    user = make_user("dozer")
    browser = login_client(user)
    now = time.time()
    _session_marks(browser, **{SESSION_AUTH_AT: now, SESSION_SEEN_AT: now})
    sock = _socket_of(browser)

    def expire():
        past = now - (settings.SESSION_IDLE_TIMEOUT if how == "idle" else settings.SESSION_ABSOLUTE_TIMEOUT) - 5
        _session_marks(browser, **({SESSION_SEEN_AT: past} if how == "idle" else {SESSION_AUTH_AT: past}))

    async def scenario():
        await open_socket(sock)
        assert await _still_open(sock)
        await db(expire)()
        code = await _closed_with(sock)
        again = _socket_of(browser)
        reconnected, _ = await again.connect(timeout=10)
        return code, reconnected

    code, reconnected = async_to_sync(scenario)()
    assert code == 4401
    assert not reconnected
    assert browser.get("/accounts/settings/").status_code == 302  # and the pages agree


@pytest.mark.django_db(transaction=True)
def test_what_the_person_does_on_the_socket_keeps_their_session_from_going_idle(settings):
    """A conversation held only over the socket is not idle: a frame the page sends restarts the
    idle clock as a page request does. A bare ping does not."""
    import time

    from hearthside.accounts.actions import SESSION_SEEN_AT
    from hearthside.conftest import login_client

    user = make_user("talker")
    browser = login_client(user)
    nearly_idle = time.time() - settings.SESSION_IDLE_TIMEOUT + 30
    _session_marks(browser, **{SESSION_SEEN_AT: nearly_idle})
    sock = _socket_of(browser)

    def seen_at():
        from django.contrib.sessions.backends.db import SessionStore

        return SessionStore(session_key=browser.cookies[settings.SESSION_COOKIE_NAME].value).load()[SESSION_SEEN_AT]

    async def scenario():
        await open_socket(sock)
        assert await _still_open(sock)  # a ping
        after_ping = await db(seen_at)()
        await sock.send_json_to({"type": "chat.sync", "group": "nowhere"})
        await next_frame(sock, "error")
        after_frame = await db(seen_at)()
        await sock.disconnect()
        return after_ping, after_frame

    after_ping, after_frame = async_to_sync(scenario)()
    assert after_ping == nearly_idle
    assert after_frame > nearly_idle + 25


@pytest.mark.django_db(transaction=True)
def test_rechecks_of_many_sockets_are_judged_together_with_the_same_rules(settings):
    """Issue #20: a process with 10,000 sockets re-checks about 170 a second; they are judged in one
    trip with one query per kind, whatever their number, and each gets the verdict it would get
    alone (a live session, a deleted one, a changed password, a closed account, a live and a
    revoked token)."""
    from django.contrib.auth import HASH_SESSION_KEY
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from hearthside.accounts.actions import do_create_token
    from hearthside.conftest import login_client
    from hearthside.core.consumers import _credentials_valid_many

    def session_entry(user):
        from importlib import import_module

        key = login_client(user).cookies[settings.SESSION_COOKIE_NAME].value
        return (user, import_module(settings.SESSION_ENGINE).SessionStore(session_key=key), None)

    def token_entry(user):
        token, _raw = do_create_token(user, "test", "write", two_factor=False)
        return (user, None, token)

    people = [make_user(f"batch{i}") for i in range(12)]
    entries = [session_entry(p) for p in people[:8]] + [token_entry(p) for p in people[8:]]
    with CaptureQueriesContext(connection) as all_valid:
        assert _credentials_valid_many(entries) == [True] * 12
    with CaptureQueriesContext(connection) as one:
        assert _credentials_valid_many(entries[:1]) == [True]
    assert len(all_valid) <= 3 and len(one) <= 3, [q["sql"] for q in all_valid.captured_queries]

    Session.objects.filter(session_key=entries[1][1].session_key).delete()
    changed = Session.objects.get(session_key=entries[2][1].session_key)
    data = changed.get_decoded()
    data[HASH_SESSION_KEY] = "not-the-hash-of-the-password"
    changed.session_data = entries[2][1].encode(data)
    changed.save()
    type(people[3]).objects.filter(pk=people[3].pk).update(is_active=False)
    AccessToken.objects.filter(pk=entries[9][2].pk).update(revoked_at=timezone.now())
    expected = [True, False, False, False, True, True, True, True, True, False, True, True]
    assert _credentials_valid_many(entries) == expected
    assert [_credentials_valid_many([entry])[0] for entry in entries] == expected


@pytest.mark.django_db(transaction=True)
def test_a_recheck_while_the_database_is_away_keeps_the_socket_and_checks_again_later(settings, monkeypatch):
    """The batched re-check meets a database error: the socket stays open, and the next re-check
    still runs (here it finds the session gone and closes the socket)."""
    from django.contrib.sessions.models import Session
    from django.db import OperationalError

    from hearthside.core import consumers

    settings.REALTIME_AUTH_RECHECK_SECONDS = 0.2
    sock = socket_for(make_user("outage"))
    judged = consumers._credentials_valid_many
    calls = []

    def away(entries):
        calls.append(len(entries))
        if len(calls) <= 2:
            raise OperationalError("server closed the connection unexpectedly")
        return judged(entries)

    monkeypatch.setattr(consumers, "_credentials_valid_many", away)

    async def scenario():
        import asyncio

        await open_socket(sock)
        for _ in range(50):
            if len(calls) >= 2:
                break
            await asyncio.sleep(0.1)
        assert await _still_open(sock)
        await db(lambda: Session.objects.all().delete())()
        return await _closed_with(sock)

    assert async_to_sync(scenario)() == 4401
    assert len(calls) >= 3
