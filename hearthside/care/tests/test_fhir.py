"""FHIR R4 read API and the export Bundle, validated with fhir.resources."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from fhir.resources.R4B.appointment import Appointment as FhirAppointment
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.practitionerrole import PractitionerRole
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.verificationresult import VerificationResult

from hearthside.care import actions
from hearthside.conftest import make_user
from hearthside.core.models import AuditEvent
from hearthside.selfcare import actions as selfcare

from .conftest import make_practitioner

VERIFY = {"method": "register_lookup", "register_url": "https://www.hcpc-uk.org/check-the-register/",
          "outcome": "verified", "checked_on": "2026-03-01"}


@pytest.fixture
def booked(db, pro, client_user):
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        return actions.check_book(client_user, pro, datetime(2026, 3, 3, 9, 0, tzinfo=UTC))


def _get(api, path, model):
    response = api.get(f"/api/v1/fhir/{path}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/fhir+json"
    return model.model_validate(response.json())


def test_every_resource_validates_for_the_people_entitled(booked, pro, client_user, admin_user, api_as):
    from hearthside.accounts.actions import do_give_consent

    do_give_consent(client_user, "health_data")
    selfcare.check_submit_questionnaire(client_user, "gad7", {str(i): 1 for i in range(1, 8)})
    from hearthside.selfcare.models import QuestionnaireResponse as QR

    qr = QR.objects.filter(user=client_user).first()
    me = api_as(client_user)
    patient = _get(me, f"Patient/{client_user.pk}", Patient)
    assert patient.name[0].text == "Client"
    practitioner = _get(me, f"Practitioner/{pro.pk}", Practitioner)
    assert practitioner.qualification[0].issuer.display == "Health and Care Professions Council"
    role = _get(me, f"PractitionerRole/{pro.pk}", PractitionerRole)
    assert role.availableTime[0].daysOfWeek == ["mon"] and "Europe/London" in role.availabilityExceptions
    appointment = _get(me, f"Appointment/{booked.pk}", FhirAppointment)
    assert appointment.status == "booked" and appointment.minutesDuration == 50
    assert _get(me, f"Observation/obs-{qr.pk}", Observation).valueInteger == 7
    assert _get(me, f"QuestionnaireResponse/qr-{qr.pk}", QuestionnaireResponse).status == "completed"
    licence = pro.licences.get()
    actions.check_verify_licence(admin_user, licence, VERIFY)
    result = _get(api_as(pro.user), f"VerificationResult/{licence.pk}", VerificationResult)
    assert result.status == "validated" and result.primarySource[0].validationStatus.coding[0].code == "successful"
    assert result.primarySource[0].communicationMethod[0].text.startswith("https://www.hcpc-uk.org")
    # An administrator reads another practitioner's record with a second factor, as on the licences
    # API (issue #17: this channel skipped it).
    assert api_as(admin_user).get(f"/api/v1/fhir/VerificationResult/{licence.pk}").status_code == 403
    admin = api_as(admin_user, two_factor=True)
    assert _get(admin, f"VerificationResult/{licence.pk}", VerificationResult).id == str(licence.pk)


def test_strangers_get_404_and_practitioners_need_sharing_and_a_second_factor(booked, pro, client_user, api_as):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.selfcare.models import QuestionnaireResponse as QR

    do_give_consent(client_user, "health_data")
    selfcare.check_submit_questionnaire(client_user, "gad7", {str(i): 0 for i in range(1, 8)})
    qr = QR.objects.get(user=client_user)
    stranger = api_as(make_user("stranger"))
    for path in (f"Patient/{client_user.pk}", f"Appointment/{booked.pk}", f"Observation/obs-{qr.pk}",
                 f"QuestionnaireResponse/qr-{qr.pk}", f"VerificationResult/{pro.licences.get().pk}", "Patient/abc",
                 "Observation/qr-1"):
        assert stranger.get(f"/api/v1/fhir/{path}").status_code == 404, path
    practitioner = api_as(pro.user, two_factor=True)
    assert practitioner.get(f"/api/v1/fhir/Observation/obs-{qr.pk}").status_code == 404  # not shared
    assert api_as(pro.user).get(f"/api/v1/fhir/Patient/{client_user.pk}").status_code == 403  # no second factor
    assert practitioner.get(f"/api/v1/fhir/Patient/{client_user.pk}").status_code == 200
    selfcare.check_share(client_user, "questionnaires")
    _get(practitioner, f"Observation/obs-{qr.pk}", Observation)
    reads = AuditEvent.objects.filter(action="care.fhir_read", subject_id=client_user.pk)
    assert sorted(e.detail["data_type"] for e in reads) == ["Observation", "Patient"]
    selfcare.do_unshare(client_user, "questionnaires")
    assert practitioner.get(f"/api/v1/fhir/Observation/obs-{qr.pk}").status_code == 404
    hidden = make_practitioner("unlisted", verified=False, expires_on=date(2030, 1, 1))
    assert stranger.get(f"/api/v1/fhir/Practitioner/{hidden.pk}").status_code == 404


def test_export_bundle_holds_care_resources(booked, pro, client_user, api_as):
    bundle = api_as(client_user).get("/api/v1/me/export").json()["fhir"]
    Bundle.model_validate(bundle)
    types = sorted({e["resource"]["resourceType"] for e in bundle["entry"]})
    assert types == ["Appointment", "Patient"]
    pro_bundle = Bundle.model_validate(api_as(pro.user).get("/api/v1/me/export").json()["fhir"])
    assert sorted({e.resource.get_resource_type() for e in pro_bundle.entry}) == [
        "Practitioner", "PractitionerRole", "VerificationResult"]
