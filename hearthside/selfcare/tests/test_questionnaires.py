from __future__ import annotations

import pytest

from hearthside.conftest import make_user
from hearthside.selfcare import questionnaires


def _answers(slug: str, values: list[int]) -> dict:
    items = questionnaires.get(slug)["items"]
    assert len(items) == len(values)
    return {item["id"]: v for item, v in zip(items, values, strict=True)}


def _score(slug: str, values: list[int]):
    """The score of questionnaire ``slug`` answered with ``values``, item by item, after validation."""
    definition = questionnaires.get(slug)
    return questionnaires.score(definition, questionnaires.validate_answers(definition, _answers(slug, values)))


@pytest.mark.parametrize(
    "values, total, band",
    [
        ([0] * 9, 0, "Minimal or none"),
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "Minimal or none"),
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "Mild"),
        ([1, 1, 1, 1, 1, 1, 1, 1, 1], 9, "Mild"),
        ([2, 1, 1, 1, 1, 1, 1, 1, 1], 10, "Moderate"),
        ([2, 2, 2, 2, 2, 1, 1, 1, 1], 14, "Moderate"),
        ([2, 2, 2, 2, 2, 2, 1, 1, 1], 15, "Moderately severe"),
        ([3, 3, 2, 2, 2, 2, 2, 2, 1], 19, "Moderately severe"),
        ([3, 3, 3, 2, 2, 2, 2, 2, 1], 20, "Severe"),
        ([3] * 9, 27, "Severe"),
    ],
)
def test_phq9_scoring_and_band_edges(values, total, band):
    # Bands: Kroenke, Spitzer & Williams 2001 — 5, 10, 15 and 20 are the cut-points for mild,
    # moderate, moderately severe and severe depression.
    result = _score("phq9", values)
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(
    "values, total, band",
    [([0] * 7, 0, "Minimal"), ([1, 1, 1, 1, 0, 0, 0], 4, "Minimal"), ([1, 1, 1, 1, 1, 0, 0], 5, "Mild"),
     ([2, 2, 2, 1, 1, 1, 0], 9, "Mild"), ([2, 2, 2, 1, 1, 1, 1], 10, "Moderate"), ([2] * 7, 14, "Moderate"),
     ([3, 2, 2, 2, 2, 2, 2], 15, "Severe"), ([3] * 7, 21, "Severe")],
)
def test_gad7_scoring_and_band_edges(values, total, band):
    # Spitzer et al. 2006: 5, 10 and 15 are the cut-points for mild, moderate and severe anxiety.
    result = _score("gad7", values)
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(
    "values, percent, band_start",
    [([0] * 5, 0, "Very low"), ([2, 2, 1, 1, 1], 28, "Very low"), ([2, 2, 2, 1, 1], 32, "Low"),
     ([3, 3, 2, 2, 2], 48, "Low"), ([3, 3, 3, 2, 2], 52, "No sign"), ([5] * 5, 100, "No sign")],
)
def test_who5_percentage_and_cut_offs(values, percent, band_start):
    # Topp et al. 2015: raw 0–25 × 4; ≤ 50 suggests poor wellbeing, ≤ 28 likely depression.
    result = _score("who5", values)
    assert result.total == percent and result.band.startswith(band_start)


def test_bands_cover_every_possible_score_without_overlap():
    for slug, definition in questionnaires.all_questionnaires().items():
        lo, hi = definition["scoring"]["min"], definition["scoring"]["max"]
        for score in range(lo, hi + 1):
            matches = [b for b in definition["bands"] if b["min"] <= score <= b["max"]]
            assert len(matches) == 1, (slug, score)
        assert definition["source"]


@pytest.mark.parametrize(
    "answers, key",
    [({"1": 0}, "2"), ({**{str(i): 0 for i in range(1, 10)}, "3": 4}, "3"),
     ({**{str(i): 0 for i in range(1, 10)}, "3": True}, "3"), ({**{str(i): 0 for i in range(1, 10)}, "99": 1}, "99")],
)
def test_bad_answers_are_named(answers, key):
    with pytest.raises(questionnaires.AnswerError) as exc:
        questionnaires.validate_answers(questionnaires.get("phq9"), answers)
    assert key in exc.value.errors


@pytest.mark.django_db
def test_item9_above_zero_shows_help_and_raises_an_alert(api_as):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.models import SafetyAlert

    member = make_user("phq")
    do_give_consent(member, "health_data")
    api = api_as(member)
    response = api.post("/api/v1/selfcare/questionnaires/phq9/responses",
                        {"answers": _answers("phq9", [1, 1, 0, 0, 0, 0, 0, 0, 1])})
    assert response.status_code == 201, response.content
    assert response.json()["help"] is True and response.json()["total"] == 3
    alert = SafetyAlert.objects.get(person=member)
    assert alert.source == "selfcare.phq9" and alert.level == "moderate"
    severe = api.post("/api/v1/selfcare/questionnaires/phq9/responses",
                      {"answers": _answers("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 3])})
    assert severe.status_code == 201
    # One incident: the second, worse answer joins the open alert and raises its level.
    alert.refresh_from_db()
    assert alert.level == "high"
    assert [e.detail.get("rose") for e in alert.events.filter(kind="attached")].count(True) == 1
    calm = api.post("/api/v1/selfcare/questionnaires/phq9/responses", {"answers": _answers("phq9", [0] * 9)})
    assert calm.json()["help"] is False
    assert SafetyAlert.objects.filter(person=member).count() == 1


@pytest.mark.django_db
def test_item9_policy_never_still_shows_help(api_as, settings):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.models import SafetyAlert

    settings.SELFCARE_ITEM9_ALERT = "never"
    member = make_user("phq2")
    do_give_consent(member, "health_data")
    response = api_as(member).post("/api/v1/selfcare/questionnaires/phq9/responses",
                                   {"answers": _answers("phq9", [0] * 8 + [2])})
    assert response.json()["help"] is True
    assert not SafetyAlert.objects.exists()


@pytest.mark.django_db
def test_result_page_shows_help_panel_for_item9(member):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.conftest import login_client

    do_give_consent(member, "health_data")
    client = login_client(member)
    form = {f"q_{i}": "0" for i in range(1, 9)} | {"q_9": "1"}
    response = client.post("/selfcare/questionnaires/phq9/", form)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "help-panel" in page and "/help/" in page


@pytest.mark.django_db
def test_questionnaire_form_errors_change_nothing(member):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.conftest import login_client
    from hearthside.selfcare.models import QuestionnaireResponse

    do_give_consent(member, "health_data")
    response = login_client(member).post("/selfcare/questionnaires/gad7/", {"q_1": "2"})
    assert response.status_code == 400
    assert not QuestionnaireResponse.objects.exists()


@pytest.mark.django_db
def test_export_carries_a_valid_fhir_bundle(api_as):
    from hearthside.accounts.actions import do_give_consent

    member = make_user("fhir")
    do_give_consent(member, "health_data")
    api = api_as(member)
    api.post("/api/v1/selfcare/questionnaires/gad7/responses", {"answers": _answers("gad7", [1, 2, 1, 0, 0, 1, 0])})
    export = api.get("/api/v1/me/export").json()
    bundle = export["fhir"]
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds == ["QuestionnaireResponse", "Observation"]
    obs = bundle["entry"][1]["resource"]
    assert obs["valueInteger"] == 5 and obs["code"]["coding"][0]["code"] == "70274-6"
