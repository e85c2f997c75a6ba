"""Typed helpers that read settings from the environment and fail loudly on bad values."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlparse


class ConfigError(RuntimeError):
    pass


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ConfigError(f"{name} must be set")
        return default if default is not None else ""
    return value


def parse_bool(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be a boolean (true/false), got {value!r}")


def parse_int(name: str, value: str, *, minimum: int | None = None) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {value!r}") from None
    if minimum is not None and number < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {number}")
    return number


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None or value == "" else parse_bool(name, value)


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    return default if value is None or value == "" else parse_int(name, value, minimum=minimum)


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


_DJANGO_DB_KEYS = {"disable_server_side_cursors": parse_bool, "conn_health_checks": parse_bool,
                   "conn_max_age": lambda name, value: parse_int(name, value, minimum=0)}


def database_from_url(url: str) -> dict:
    """Turn a postgres:// or sqlite:/// URL into a Django DATABASES entry."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        # Django's own per-database settings, which are not connection options: a pooler in
        # transaction mode wants ``?disable_server_side_cursors=true`` (docs/deploy.md, PgBouncer).
        own = {key.upper(): options.pop(key) for key in _DJANGO_DB_KEYS if key in options}
        entry = {
            # Django's backend with a health check that needs no round trip while the
            # connection is busy (core/postgresql/base.py).
            "ENGINE": "hearthside.core.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "postgres",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
        for key, raw in own.items():
            entry[key] = _DJANGO_DB_KEYS[key.lower()](f"DATABASE_URL's {key.lower()}", raw)
        return entry
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        if url.startswith("sqlite:////"):
            path = "/" + path.lstrip("/")
        elif url.startswith("sqlite:///"):
            path = path[1:] if path.startswith("/") else path
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path or ":memory:"}
    raise ConfigError(f"DATABASE_URL scheme {parsed.scheme!r} is not supported (use postgres:// or sqlite:///)")
