"""A lone surrogate (half an emoji) sent over HTTP never reaches storage: the one text check of
every JSON body (``core.middleware.RejectNulMiddleware``) replaces it by U+FFFD, list fields
included, so the pages and the export that show the text keep answering."""

from __future__ import annotations

import pytest

from hearthside.conftest import login_client
from hearthside.core.middleware import clean_json_text


def test_clean_json_text_reaches_every_string():
    data = {"steps": {"warning_signs": ["a\ud83d", "ok \U0001f600"]}, "tags": ["\udc00"], "n": 3, "k\ud800": None}
    assert clean_json_text(data) == {"steps": {"warning_signs": ["a\ufffd", "ok \U0001f600"]}, "tags": ["\ufffd"],
                                     "n": 3, "k\ufffd": None}


@pytest.mark.django_db
def test_a_plan_step_with_half_an_emoji_is_stored_replaced_and_the_pages_answer(member, api_as):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.models import SafetyPlan

    do_give_consent(member, "health_data")
    api = api_as(member)
    # The raw JSON escape of half an emoji, as a client bug or a cut string would send it; a
    # whole pair in the same body stays the emoji it is.
    body = '{"steps": {"warning_signs": ["cannot sleep \\ud83d", "smile \\ud83d\\ude00"]}}'
    saved = api.client.patch("/api/v1/me/safety-plan", body, content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert saved.status_code == 200, saved.content
    stored = SafetyPlan.objects.get(user=member).steps["warning_signs"]
    assert stored == ["cannot sleep \ufffd", "smile \U0001f600"]
    assert api.get("/api/v1/me/safety-plan").status_code == 200
    client = login_client(member)
    assert client.get("/help/plan/").status_code == 200
    assert client.get("/help/plan/?print=1").status_code == 200
    assert client.post("/accounts/privacy/export/").status_code == 200


@pytest.mark.django_db
def test_nul_in_json_is_still_refused(member, api_as):
    api = api_as(member)
    refused = api.client.patch("/api/v1/me/safety-plan", '{"steps": {"warning_signs": ["a\\u0000"]}}',
                               content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert refused.status_code == 400
