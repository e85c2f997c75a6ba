from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hearthside.core.env import ConfigError, database_from_url, env_bool, env_int

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_healthz_reports_database_and_channel_layer(anon):
    response = anon.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["channel_layer"]["ok"] is True


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_fails(anon, monkeypatch):
    from hearthside.core import views

    monkeypatch.setattr(views, "_check_database", lambda: (False, "OperationalError"))
    response = anon.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_pages_carry_csp_and_no_store(anon):
    response = anon.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_no_page_refers_to_another_host(anon, member, settings):
    import re

    from hearthside.conftest import login_client

    client = login_client(member)
    for path in ["/", "/help/", "/accounts/settings/", "/accounts/privacy/", "/accounts/consents/"]:
        html = client.get(path).content.decode()
        # The quick exit is a plain link away (no referrer): it loads nothing from elsewhere.
        external = [url for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
                    if url != settings.QUICK_EXIT_URL]
        # Crisis lines link to their own services; nothing else may leave the site.
        assert all("/help/" in path for _ in external), (path, external)
        assert not re.findall(r'src="(https?://[^"]+)"', html), path  # nothing is loaded from elsewhere
    html = anon.get("/accounts/login/").content.decode()
    assert [url for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html) if url != settings.QUICK_EXIT_URL] == []


def test_env_helpers_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ConfigError):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ConfigError):
        env_int("X_INT", 1)
    with pytest.raises(ConfigError):
        database_from_url("mysql://x/y")
    assert database_from_url("postgres://postgres@127.0.0.1:5432/test")["NAME"] == "test"
    with pytest.raises(ConfigError, match="disable_server_side_cursors"):
        database_from_url("postgres://h/db?disable_server_side_cursors=perhaps")
    with pytest.raises(ConfigError, match="conn_max_age"):
        database_from_url("postgres://h/db?conn_max_age=-1")


def test_database_url_sets_django_keys_for_a_pooler():
    """PgBouncer in transaction mode needs server-side cursors off, which is not a connection option."""
    plain = database_from_url("postgres://u@h:6432/db?sslmode=require")
    assert plain["OPTIONS"] == {"sslmode": "require"}
    assert "DISABLE_SERVER_SIDE_CURSORS" not in plain and plain["CONN_HEALTH_CHECKS"] is True
    pooled = database_from_url("postgres://u@h:6432/db?sslmode=require&disable_server_side_cursors=true"
                               "&conn_health_checks=false&conn_max_age=0")
    assert pooled["OPTIONS"] == {"sslmode": "require"}
    assert pooled["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert pooled["CONN_HEALTH_CHECKS"] is False and pooled["CONN_MAX_AGE"] == 0


def _django_check(extra_env: dict, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARTHSIDE_", "DJANGO_ALLOW_ASYNC"))}
    env.update(extra_env)
    return subprocess.run([sys.executable, "manage.py", "check", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_refuses_to_start_without_secrets(tmp_path):
    result = _django_check({"HEARTHSIDE_ENV": "production", "HEARTHSIDE_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "HEARTHSIDE_SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy(tmp_path):
    import base64
    import secrets

    env = {
        "HEARTHSIDE_ENV": "production",
        "HEARTHSIDE_SECRET_KEY": secrets.token_urlsafe(60),
        "HEARTHSIDE_DATA_KEYS": "k1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "HEARTHSIDE_AUDIT_KEY": secrets.token_urlsafe(40),
        "HEARTHSIDE_ALLOWED_HOSTS": "example.org",
        "HEARTHSIDE_VAR_DIR": str(tmp_path),
    }
    result = _django_check(env, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_pages_are_translated_into_spanish(anon):
    page = anon.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'lang="es"' in page and "Iniciar sesión" in page
    english = anon.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Iniciar sesión" not in english and "Log in" in english


@pytest.mark.django_db
def test_get_help_now_is_on_every_page_even_logged_out(anon):
    for path in ["/", "/accounts/login/", "/accounts/signup/", "/help/", "/selfcare/library/"]:
        assert b'href="/help/"' in anon.get(path).content, path


@pytest.mark.django_db
def test_demo_content_has_one_account_per_role_and_is_idempotent(settings):
    from django.core.management import CommandError, call_command

    from hearthside.accounts.models import Role, User
    from hearthside.selfcare.models import CheckIn

    call_command("demo", stdout=open(os.devnull, "w"))
    call_command("demo", stdout=open(os.devnull, "w"))
    demo = User.objects.filter(is_demo=True)
    roles = {r for u in demo for r in u.roles}
    assert set(Role.values) <= roles
    assert User.objects.get(username="demo-member").check_password("demo-hearthside-2026")
    assert 0 < CheckIn.objects.count() < 100
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("demo")


@pytest.mark.django_db
def test_nul_characters_get_a_clear_400_everywhere(anon, member, api_as):
    from hearthside.conftest import login_client

    assert anon.get("/selfcare/library/?q=a%00b").status_code == 400
    assert login_client(member).post("/selfcare/checkin/", {"mood": "5", "note": "a\x00b"}).status_code == 400
    response = api_as(member).patch("/api/v1/me", {"pseudonym": "Nu\u0000ll"})
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("path, data", [
    ("/selfcare/checkin/", {"mood": "²"}),
    ("/selfcare/checkin/", {"mood": "9" * 5000}),
    ("/selfcare/checkin/", {"mood": "5", "sleep_hours": "NaN"}),
    ("/selfcare/questionnaires/phq9/", {"q_1": "²"}),
    ("/selfcare/reminders/", {"kind": "checkin", "time_of_day": "08:00+02:00", "weekdays": "²"}),
])
def test_odd_form_input_is_a_form_error_not_a_crash(member, path, data):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.conftest import login_client

    do_give_consent(member, "health_data")
    assert login_client(member).post(path, data).status_code == 400


@pytest.mark.django_db
def test_the_support_desk_link_shows_only_for_supporters():
    from hearthside.conftest import login_client, make_user

    supporter, member = make_user("line-supporter", "peer_supporter"), make_user("plain-member")
    assert "/support-line/desk/" in login_client(supporter, two_factor=True).get("/").content.decode()
    assert "/support-line/desk/" not in login_client(member).get("/").content.decode()
