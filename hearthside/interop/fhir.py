"""FHIR R4 resources for a person's clinical self-report data, validated with fhir.resources.

fhir.resources 7+ ships R5 by default and the R4-compatible models under ``R4B``; the
QuestionnaireResponse and Observation structures used here are the same in R4 and R4B.
"""

from __future__ import annotations

from django.conf import settings
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse as FhirQR

from hearthside.selfcare import questionnaires


def _patient_ref(user) -> dict:
    return {"reference": f"Patient/{user.pk}", "display": user.pseudonym}


def questionnaire_response(user, response) -> dict:
    definition = questionnaires.get(response.questionnaire) or {"items": [], "options": []}
    labels = {o["value"]: o["label"] for o in definition.get("options", [])}
    items = []
    for item in definition["items"]:
        value = response.answers.get(item["id"])
        if value is None:
            continue
        answer = {"valueCoding": {"code": str(value), "display": labels.get(value, str(value))}}
        entry = {"linkId": item["id"], "text": item["text"], "answer": [answer]}
        items.append(entry)
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": f"qr-{response.pk}",
        "questionnaire": f"{settings.SITE_URL}/fhir/Questionnaire/{response.questionnaire}",
        "status": "completed",
        "subject": _patient_ref(user),
        "authored": response.completed_at.isoformat(),
        "item": items,
    }
    return FhirQR.model_validate(resource).model_dump(mode="json", exclude_none=True)


def observation(user, response) -> dict:
    definition = questionnaires.get(response.questionnaire) or {}
    loinc = (definition.get("loinc") or {}).get("total")
    codings = [{"system": f"{settings.SITE_URL}/fhir/CodeSystem/questionnaire-total",
                "code": response.questionnaire, "display": f"{definition.get('title', response.questionnaire)} total"}]
    if loinc:
        codings.insert(0, {"system": "http://loinc.org", "code": loinc})
    resource = {
        "resourceType": "Observation",
        "id": f"obs-{response.pk}",
        "status": "final",
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                  "code": "survey", "display": "Survey"}]}],
        "code": {"coding": codings, "text": f"{definition.get('title', response.questionnaire)} total score"},
        "subject": _patient_ref(user),
        "effectiveDateTime": response.completed_at.isoformat(),
        "valueInteger": response.result["total"],
        "interpretation": [{"text": response.result["band"]}],
        "derivedFrom": [{"reference": f"QuestionnaireResponse/qr-{response.pk}"}],
    }
    return Observation.model_validate(resource).model_dump(mode="json", exclude_none=True)


def bundle_for(user) -> dict | None:
    from hearthside.selfcare.models import QuestionnaireResponse

    entries = []
    for response in QuestionnaireResponse.objects.filter(user=user).order_by("completed_at"):
        for resource in (questionnaire_response(user, response), observation(user, response)):
            entries.append({"fullUrl": f"{settings.SITE_URL}/fhir/{resource['resourceType']}/{resource['id']}",
                            "resource": resource})
    if not entries:
        return None
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    return Bundle.model_validate(bundle).model_dump(mode="json", exclude_none=True)
