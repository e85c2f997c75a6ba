"""Text messages through a small provider interface.

A provider has one method, ``send(to, body, *, timeout)``: it returns the provider's message id,
or raises :class:`SmsError` saying whether trying again may help (``permanent=False``: a timeout,
a 5xx, a 429) or not (``permanent=True``: a refused number, bad credentials). It is called from
a sender thread (``delivery.py``), so it must not touch the database.

- ``twilio``: any Twilio-compatible REST API (Twilio, and the services that copy its Messages
  resource): a form POST with HTTP basic auth to
  ``{base_url}/2010-04-01/Accounts/{account}/Messages.json``.
- ``fake``: keeps messages in memory (``FakeSmsProvider.outbox``), for tests and trying things out.
"""

from __future__ import annotations

import base64
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings


class SmsError(Exception):
    def __init__(self, code: str, *, permanent: bool) -> None:
        super().__init__(code)
        self.code = code[:40]
        self.permanent = permanent


class SmsProvider(Protocol):
    name: str

    def send(self, to: str, body: str, *, timeout: float) -> str: ...


@dataclass
class TwilioCompatibleProvider:
    base_url: str
    account: str
    token: str
    sender: str
    name: str = "twilio"

    @property
    def url(self) -> str:
        account = urllib.parse.quote(self.account, safe="")
        return f"{self.base_url.rstrip('/')}/2010-04-01/Accounts/{account}/Messages.json"

    def send(self, to: str, body: str, *, timeout: float) -> str:
        data = urllib.parse.urlencode({"To": to, "From": self.sender, "Body": body}).encode()
        credentials = base64.b64encode(f"{self.account}:{self.token}".encode()).decode()
        request = urllib.request.Request(self.url, data=data, method="POST", headers={
            "Authorization": f"Basic {credentials}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        })
        try:
            # ``timeout`` bounds the connect and every read, so a provider that accepts and never
            # answers gives up after it (the sender pool bounds the whole batch as well).
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - operator's URL
                raw = response.read(64 * 1024)
        except urllib.error.HTTPError as exc:
            status = exc.code
            exc.close()
            # 429 and 5xx: the provider is busy or broken, another try may work. Other 4xx: the
            # request itself is refused (a number it cannot text, credentials), so retrying is noise.
            raise SmsError(f"http {status}", permanent=status != 429 and status < 500) from None
        except TimeoutError:
            raise SmsError("timeout", permanent=False) from None
        except urllib.error.URLError as exc:
            code = "timeout" if isinstance(exc.reason, TimeoutError) else "connection"
            raise SmsError(code, permanent=False) from None
        except OSError:
            raise SmsError("connection", permanent=False) from None
        try:
            return str(json.loads(raw or b"{}").get("sid", ""))[:64]
        except (ValueError, AttributeError):
            return ""


class FakeSmsProvider:
    """Messages stay here, like ``django.core.mail.outbox``; ``fail_next`` queues failures."""

    name = "fake"
    outbox: list[dict] = []
    fail_next: list[SmsError] = []
    _lock = threading.Lock()

    def send(self, to: str, body: str, *, timeout: float) -> str:
        with self._lock:
            if self.fail_next:
                raise self.fail_next.pop(0)
            self.outbox.append({"to": to, "body": body})
            return f"fake-{len(self.outbox)}"

    @classmethod
    def reset(cls) -> None:
        with cls._lock:
            cls.outbox.clear()
            cls.fail_next.clear()


def sms_provider() -> SmsProvider | None:
    """The provider the settings name, or None when text messages are off."""
    name = settings.PAGING_SMS_PROVIDER
    if name == "twilio":
        return TwilioCompatibleProvider(settings.PAGING_SMS_BASE_URL, settings.PAGING_SMS_ACCOUNT,
                                        settings.PAGING_SMS_TOKEN, settings.PAGING_SMS_FROM)
    if name == "fake":
        return FakeSmsProvider()
    return None
