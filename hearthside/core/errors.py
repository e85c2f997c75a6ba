"""One error family (issue #19): an action refused with a message a person can read, an HTTP status
and a stable code, answered the same way on every channel.

Actions raise ``ActionRefused`` subclasses (or Django's ``ValidationError``, ``PermissionDenied`` and
``Http404``); ``refusal`` turns any of them into (status, code, message), which the API
(``hearthside/api.py``), pages (a form error or a message) and sockets (an error frame) all use, so
the same refusal is 429 and ``rate_limited`` everywhere, and Django's ``PermissionDenied`` is 403 and
``forbidden`` everywhere.

``ActionRefused`` is a ``ValidationError``: a page that shows validation errors shows these too.
"""

from __future__ import annotations

from typing import NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404


class ActionRefused(ValidationError):
    status = 400
    code = "invalid"

    def __init__(self, message, *, code: str | None = None):
        super().__init__(message, code=code or type(self).code)


class RateLimited(ActionRefused):
    """Too much, too fast: try again later."""

    status = 429
    code = "rate_limited"


class Refusal(NamedTuple):
    status: int
    code: str
    message: str


def refusal(exc: BaseException) -> Refusal:
    """The answer to ``exc`` on any channel."""
    if isinstance(exc, ActionRefused):
        return Refusal(exc.status, type(exc).code, " ".join(exc.messages))
    if isinstance(exc, ValidationError):
        return Refusal(400, "invalid", " ".join(exc.messages))
    if isinstance(exc, PermissionDenied):
        return Refusal(403, "forbidden", str(exc) or "Not allowed.")
    if isinstance(exc, Http404):
        return Refusal(404, "not_found", "Not found.")
    raise TypeError(f"not a refusal: {exc!r}")


REFUSALS = (ValidationError, PermissionDenied)  # what pages and sockets catch and answer in place


def run_for_page(request, fn, success: str | None = None):
    """Call an action for a page that answers with a message: ``success`` when it worked, the
    refusal's words when it raised one of ``REFUSALS`` (and None), never an error page."""
    from django.contrib import messages

    try:
        result = fn()
    except REFUSALS as exc:
        messages.error(request, refusal(exc).message)
    else:
        if success:
            messages.success(request, success)
        return result
    return None


def form_errors(exc: ValidationError | PermissionDenied) -> dict:
    """One of ``REFUSALS`` as a page's form errors: each field's messages, and under ``__all__``
    what belongs to no one field (a refusal of the whole form)."""
    if isinstance(exc, PermissionDenied):
        return {"__all__": [str(exc)]}
    return exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}


def run_for_form(form, fn):
    """Call an action for a valid Django form: its result; or, when it raised one of ``REFUSALS``,
    None with the refusal added to the form (each field's messages on that field where the form
    has it, the rest on the whole form), so ``form.errors`` says it was refused."""
    try:
        return fn()
    except REFUSALS as exc:
        for field, msgs in form_errors(exc).items():
            for msg in msgs:
                form.add_error(field if field in form.fields else None, msg)
    return None
