"""FHIR R4 read API under /api/v1/fhir/: Patient, Practitioner, PractitionerRole, Appointment,
Observation, QuestionnaireResponse and VerificationResult, for the people entitled to each.

- a person reads their own Patient, Appointments, Observations and QuestionnaireResponses;
- their practitioner reads the Patient while they work together, and Observations and
  QuestionnaireResponses only while the client shares questionnaires (each read audited and
  shown to the client; a second factor required);
- anyone logged in reads a listed practitioner's Practitioner and PractitionerRole;
- VerificationResult: the practitioner it is about, and administrators.
"""

from __future__ import annotations

import json
import re

from django.http import Http404, HttpResponse
from ninja import Router
from ninja.errors import HttpError

from hearthside.accounts.auth import SecondFactorRequired, has_two_factor
from hearthside.core import audit
from hearthside.interop import fhir

from . import actions, clinical
from .models import CareRelationship, Licence, PractitionerProfile

router = Router(tags=["FHIR R4"])
FHIR_JSON = "application/fhir+json"


def _fhir(resource: dict) -> HttpResponse:
    return HttpResponse(json.dumps(resource, separators=(",", ":")), content_type=FHIR_JSON)


def _pk(value: str, prefix: str = "") -> int:
    match = re.fullmatch(rf"{re.escape(prefix)}(\d{{1,18}})", str(value))
    if match is None:
        raise Http404
    return int(match.group(1))


def _practitioner_reads_client(request, client_id: int, *, needs: str | None = None) -> CareRelationship:
    """The caller is this person's practitioner now (and, with ``needs``, the person shares that)."""
    relationship = (CareRelationship.objects.select_related("client", "practitioner__user")
                    .filter(client_id=client_id, practitioner__user=request.user, status="active").first())
    if relationship is None:
        raise Http404
    if needs is not None and needs not in clinical.shared_with(relationship)["types"]:
        raise Http404
    try:
        clinical.require_second_factor(request.user)  # the care access rule (clinical.py)
    except SecondFactorRequired:
        raise HttpError(403, clinical.SECOND_FACTOR_API) from None
    return relationship


def _audit(request, relationship, resource_type: str, resource_id) -> None:
    audit.record("care.fhir_read", actor=request.user, request=request, obj=relationship,
                 subject=relationship.client_id, detail={"data_type": resource_type, "id": str(resource_id)})


@router.get("/Patient/{patient_id}", summary="Patient (yourself, or your current client)")
def read_patient(request, patient_id: str):
    pk = _pk(patient_id)
    if pk == request.user.pk:
        return _fhir(fhir.patient(request.user))
    relationship = _practitioner_reads_client(request, pk)
    _audit(request, relationship, "Patient", pk)
    return _fhir(fhir.patient(relationship.client))


def _profile_for_reader(request, pk: int) -> PractitionerProfile:
    own = PractitionerProfile.objects.select_related("user").filter(pk=pk, user=request.user).first()
    if own is not None or actions.can_verify(request.user):
        profile = own or PractitionerProfile.objects.select_related("user").filter(pk=pk).first()
        if profile is None:
            raise Http404
        return profile
    return actions.access_practitioner(pk)


@router.get("/Practitioner/{practitioner_id}", summary="Practitioner with verified qualifications")
def read_practitioner(request, practitioner_id: str):
    return _fhir(fhir.practitioner(_profile_for_reader(request, _pk(practitioner_id))))


@router.get("/PractitionerRole/{role_id}", summary="PractitionerRole: specialties and weekly hours")
def read_practitioner_role(request, role_id: str):
    return _fhir(fhir.practitioner_role(_profile_for_reader(request, _pk(role_id))))


@router.get("/Appointment/{appointment_id}", summary="Appointment (its client or practitioner)")
def read_appointment(request, appointment_id: str):
    return _fhir(fhir.appointment(actions.access_appointment(request.user, _pk(appointment_id))))


def _response_for(request, pk: int, resource_type: str):
    from hearthside.selfcare.models import QuestionnaireResponse

    response = QuestionnaireResponse.objects.select_related("user").filter(pk=pk).first()
    if response is None:
        raise Http404
    if response.user_id != request.user.pk:
        relationship = _practitioner_reads_client(request, response.user_id, needs="questionnaires")
        _audit(request, relationship, resource_type, pk)
    return response


@router.get("/Observation/{observation_id}", summary="Observation: a questionnaire total score")
def read_observation(request, observation_id: str):
    response = _response_for(request, _pk(observation_id, "obs-"), "Observation")
    return _fhir(fhir.observation(response.user, response))


@router.get("/QuestionnaireResponse/{response_id}", summary="QuestionnaireResponse: the answers")
def read_questionnaire_response(request, response_id: str):
    response = _response_for(request, _pk(response_id, "qr-"), "QuestionnaireResponse")
    return _fhir(fhir.questionnaire_response(response.user, response))


@router.get("/VerificationResult/{result_id}", summary="VerificationResult: how a licence was checked")
def read_verification_result(request, result_id: str):
    licence = Licence.objects.select_related("practitioner__user").filter(pk=_pk(result_id)).first()
    if licence is None or not (licence.practitioner.user_id == request.user.pk or actions.can_verify(request.user)):
        raise Http404
    if licence.practitioner.user_id != request.user.pk and not has_two_factor(request):
        # Someone else's licence record is the verifiers' (administrators'): the rule of the
        # licences API, with a second factor (issue #17: this channel skipped it).
        raise HttpError(403, "Verifying licences needs two-factor authentication.")
    return _fhir(fhir.verification_result(licence))
