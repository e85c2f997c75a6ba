"""One error family (issue #19, ``core/errors.py``): the same refusal is the same answer on every
channel (the care tests show it on the API and the socket: ``care/tests/test_refusals.py``)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from hearthside.core.errors import ActionRefused, RateLimited, Refusal, refusal


def test_every_refusal_has_one_status_code_and_message():
    assert refusal(RateLimited("Slow down.")) == Refusal(429, "rate_limited", "Slow down.")
    assert refusal(PermissionDenied("Not yours to change.")) == Refusal(403, "forbidden", "Not yours to change.")
    assert refusal(ActionRefused("Bad.")) == Refusal(400, "invalid", "Bad.")
    assert refusal(ValidationError({"body": ["Write a message first."]})) == Refusal(
        400, "invalid", "Write a message first.")
    assert refusal(PermissionDenied()) == Refusal(403, "forbidden", "Not allowed.")
    assert refusal(Http404()) == Refusal(404, "not_found", "Not found.")
    with pytest.raises(TypeError):
        refusal(RuntimeError("boom"))
    # Pages that show validation errors show these too.
    assert isinstance(RateLimited("x"), ValidationError) and RateLimited("x").code == "rate_limited"
