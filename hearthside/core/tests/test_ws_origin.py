"""A browser's websocket must come from this very site: scheme, host and port (issue #17: only
host names were compared)."""

from __future__ import annotations

import pytest

from hearthside.core.wsauth import SameOriginValidator


def _scope(origin=None, host=None, scheme="ws", **extra):
    headers = []
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if host is not None:
        headers.append((b"host", host.encode()))
    headers += [(k.encode(), v.encode()) for k, v in extra.items()]
    return {"type": "websocket", "scheme": scheme, "headers": headers}


@pytest.mark.parametrize("origin, host, scheme, ok", [
    ("http://127.0.0.1:8000", "127.0.0.1:8000", "ws", True),
    ("http://127.0.0.1:8001", "127.0.0.1:8000", "ws", False),    # another port
    ("https://127.0.0.1:8000", "127.0.0.1:8000", "ws", False),   # another scheme
    ("https://localhost", "localhost", "wss", True),
    ("http://localhost", "localhost", "wss", False),
    ("http://evil.example", "127.0.0.1:8000", "ws", False),
    ("http://127.0.0.1:8000", "evil.example", "ws", False),      # a host we do not serve
    ("null", "127.0.0.1", "ws", False),
    (None, "127.0.0.1", "ws", False),
    ("http://127.0.0.1", None, "ws", True),                      # no Host (not a browser): host allowed
    ("http://evil.example", None, "ws", False),
])
def test_origin_must_be_this_site(origin, host, scheme, ok):
    assert SameOriginValidator.allowed(_scope(origin, host, scheme)) is ok


def test_behind_a_tls_proxy_the_forwarded_scheme_counts(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["care.example.org"]
    scope = _scope("https://care.example.org", "care.example.org", "ws", **{"x-forwarded-proto": "https"})
    assert SameOriginValidator.allowed(scope)
    assert not SameOriginValidator.allowed(_scope("http://care.example.org", "care.example.org", "ws",
                                                  **{"x-forwarded-proto": "https"}))


def test_trusted_origins_are_allowed(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://other.example.org"]
    settings.ALLOWED_HOSTS = ["care.example.org"]
    assert SameOriginValidator.allowed(_scope("https://other.example.org", "care.example.org", "ws"))
