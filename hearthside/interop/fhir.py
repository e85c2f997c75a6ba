"""FHIR R4 resources for a person's clinical self-report data and their counselling (Patient,
Practitioner, PractitionerRole, Appointment, VerificationResult), validated with fhir.resources.

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
    for resource in care_resources_for(user):
        entries.append({"fullUrl": f"{settings.SITE_URL}/fhir/{resource['resourceType']}/{resource['id']}",
                        "resource": resource})
    if not entries:
        return None
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    return Bundle.model_validate(bundle).model_dump(mode="json", exclude_none=True)


# ---------------------------------------------------------------------------------------------
# Counselling: Patient, Practitioner, PractitionerRole, Appointment, VerificationResult


def _validated(model, resource: dict) -> dict:
    return model.model_validate(resource).model_dump(mode="json", exclude_none=True)


def patient(user) -> dict:
    from fhir.resources.R4B.patient import Patient

    # A pseudonym is what the platform knows: no real name, birth date or address.
    resource = {"resourceType": "Patient", "id": str(user.pk), "active": user.is_active,
                "name": [{"use": "usual", "text": user.pseudonym}],
                "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": user.language}]},
                                   "preferred": True}]}
    return _validated(Patient, resource)


def _practitioner_ref(profile) -> dict:
    return {"reference": f"Practitioner/{profile.pk}", "display": profile.user.pseudonym}


def practitioner(profile) -> dict:
    from fhir.resources.R4B.practitioner import Practitioner

    qualifications = []
    for licence in profile.licences.filter(status="verified").order_by("-expires_on"):
        qualifications.append({
            "identifier": [{"system": f"{settings.SITE_URL}/fhir/licence-register/{licence.pk}",
                            "value": licence.number}],
            "code": {"text": f"{profile.profession} ({licence.jurisdiction})"},
            "period": {"end": licence.expires_on.isoformat()},
            "issuer": {"display": licence.issuing_body},
        })
    resource = {"resourceType": "Practitioner", "id": str(profile.pk), "active": profile.published,
                "name": [{"use": "usual", "text": profile.user.pseudonym}],
                "qualification": qualifications or None,
                "communication": [{"coding": [{"system": "urn:ietf:bcp:47", "code": code}]}
                                  for code in profile.languages] or None}
    return _validated(Practitioner, resource)


FHIR_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def practitioner_role(profile) -> dict:
    from fhir.resources.R4B.practitionerrole import PractitionerRole

    from hearthside.care.models import APPROACHES, SPECIALTIES

    available = [{"daysOfWeek": [FHIR_DAYS[rule.weekday]],
                  "availableStartTime": rule.start_time.strftime("%H:%M:%S"),
                  "availableEndTime": rule.end_time.strftime("%H:%M:%S")}
                 for rule in profile.availability.all()]
    resource = {
        "resourceType": "PractitionerRole", "id": str(profile.pk), "active": profile.published,
        "practitioner": _practitioner_ref(profile),
        "code": [{"text": profile.profession}],
        "specialty": [{"coding": [{"system": f"{settings.SITE_URL}/fhir/CodeSystem/care-specialty", "code": s}],
                       "text": str(SPECIALTIES[s])} for s in profile.specialties if s in SPECIALTIES] or None,
        "availableTime": available or None,
        # Times above are wall-clock times in this zone (FHIR's availableTime carries no zone).
        "availabilityExceptions": f"Times are in {profile.time_zone}. Approaches: "
        + ", ".join(str(APPROACHES[a]) for a in profile.approaches if a in APPROACHES),
    }
    return _validated(PractitionerRole, resource)


APPOINTMENT_STATUS = {"booked": "booked", "cancelled": "cancelled", "rescheduled": "cancelled"}


def appointment(item) -> dict:
    from fhir.resources.R4B.appointment import Appointment

    resource = {
        "resourceType": "Appointment", "id": str(item.pk), "status": APPOINTMENT_STATUS[item.status],
        "serviceType": [{"text": f"Counselling session ({item.get_format_display()})"}],
        "start": item.starts_at.isoformat(), "end": item.ends_at.isoformat(),
        "minutesDuration": int((item.ends_at - item.starts_at).total_seconds() // 60),
        "created": item.created_at.isoformat(),
        "participant": [
            {"actor": _patient_ref(item.client), "status": "accepted"},
            {"actor": _practitioner_ref(item.practitioner), "status": "accepted"},
        ],
    }
    if item.status != "booked":
        resource["cancelationReason"] = {"text": item.get_status_display()}
    return _validated(Appointment, resource)


VALIDATION_STATUS = {"verified": "successful", "not_found": "failed", "mismatch": "failed", "lapsed": "failed"}


def verification_result(licence) -> dict:
    """The latest check of one licence (FHIR R4 VerificationResult, primary-source validation)."""
    from fhir.resources.R4B.verificationresult import VerificationResult

    checks = list(licence.verifications.all().order_by("-checked_on", "-pk"))
    latest = checks[0] if checks else None
    status = "attested" if latest is None else ("validated" if latest.outcome == "verified" else "val-fail")
    resource = {
        "resourceType": "VerificationResult", "id": str(licence.pk),
        "target": [_practitioner_ref(licence.practitioner)],
        "targetLocation": ["Practitioner.qualification"],
        "need": {"text": "initial" if len(checks) <= 1 else "periodic"},
        "status": status,
        "validationType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/validation-type",
                                       "code": "primary", "display": "Primary Source"}]},
    }
    if latest is not None:
        resource["statusDate"] = f"{latest.checked_on.isoformat()}T00:00:00+00:00"
        resource["validationProcess"] = [{"text": latest.get_method_display()}]
        resource["lastPerformed"] = resource["statusDate"]
        resource["primarySource"] = [{
            "who": {"display": licence.issuing_body},
            "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/primary-source-type",
                                  "code": "lic-board", "display": "License Board"}]}],
            "communicationMethod": [{"text": latest.register_url}],
            "validationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/validation-status",
                                             "code": VALIDATION_STATUS[latest.outcome]}]},
            "validationDate": resource["statusDate"],
        }]
        resource["validator"] = [{"organization": {"display": settings.SITE_NAME}}]
    return _validated(VerificationResult, resource)


def care_resources_for(user) -> list[dict]:
    """A person's counselling resources for their export: themselves as Patient when they had
    care, their appointments, and, for a practitioner, their Practitioner record and its checks."""
    from hearthside.care.models import Appointment, Licence, PractitionerProfile

    resources = []
    appointments = list(Appointment.objects.filter(client=user).select_related("client", "practitioner__user")
                        .order_by("starts_at"))
    if appointments or user.care_relationships.exists():
        resources.append(patient(user))
    resources += [appointment(a) for a in appointments]
    profile = PractitionerProfile.objects.filter(user=user).select_related("user").first()
    if profile is not None:
        resources += [practitioner(profile), practitioner_role(profile)]
        resources += [verification_result(licence) for licence in Licence.objects.filter(practitioner=profile)
                      .select_related("practitioner__user")]
    return resources
