"""What features add to account operations without accounts importing them: the consent_withdrawn
signal and the export sections (accounts/hooks.py)."""

from __future__ import annotations

import pytest

from hearthside.accounts import hooks
from hearthside.accounts.actions import do_give_consent, do_withdraw_consent, export_user_data
from hearthside.accounts.models import SharingGrant
from hearthside.accounts.signals import consent_withdrawn
from hearthside.conftest import make_user
from hearthside.safety.actions import do_set_plan_sharing
from hearthside.safety.models import SafetyPlan
from hearthside.selfcare.actions import check_share

pytestmark = pytest.mark.django_db


def _sharing(username):
    user = make_user(username)
    do_give_consent(user, "practitioner_sharing")
    do_give_consent(user, "ai_features")
    check_share(user, "checkins")
    do_set_plan_sharing(user, True)
    return user


def _state(user):
    grants = [(g.data_type, g.revoked_at is None) for g in SharingGrant.objects.filter(user=user)]
    return grants, SafetyPlan.objects.get(user=user).shared_with_practitioner


def test_withdrawing_sharing_consent_revokes_the_grants_and_unshares_the_plan():
    user, bystander = _sharing("river"), _sharing("sky")
    assert do_withdraw_consent(user, "practitioner_sharing") == 1
    assert _state(user) == ([("checkins", False)], False)
    assert _state(bystander) == ([("checkins", True)], True)


def test_withdrawing_another_consent_leaves_sharing_as_it_was():
    user = _sharing("river")
    assert do_withdraw_consent(user, "ai_features") == 1
    assert _state(user) == ([("checkins", True)], True)


def test_consent_withdrawn_names_the_person_and_the_purpose():
    user = make_user("river")
    do_give_consent(user, "research")
    heard = []

    def listen(sender, user, purpose, **kwargs):
        heard.append((user.username, purpose))

    consent_withdrawn.connect(listen, dispatch_uid="test.listen")
    try:
        do_withdraw_consent(user, "research")
    finally:
        consent_withdrawn.disconnect(dispatch_uid="test.listen")
    assert heard == [("river", "research")]


def test_care_adds_the_fhir_section_and_nothing_else_is_registered():
    from hearthside.care.apps import fhir_bundle

    assert hooks._EXPORT_SECTIONS == {"fhir": fhir_bundle}


def test_an_export_section_appears_only_when_the_person_has_something_for_it(monkeypatch):
    monkeypatch.setattr(hooks, "_EXPORT_SECTIONS", {})
    hooks.export_section("notes", lambda user: {"owner": user.username})
    hooks.export_section("empty", lambda user: None)
    data = export_user_data(make_user("river"))
    assert data["notes"] == {"owner": "river"}
    assert "empty" not in data
    assert sorted(data) == ["account", "data", "exported_at", "format", "notes", "version"]


def test_a_section_cannot_take_a_key_the_export_writes_itself(monkeypatch):
    monkeypatch.setattr(hooks, "_EXPORT_SECTIONS", {})
    with pytest.raises(ValueError, match="'data' is written by the export itself"):
        hooks.export_section("data", lambda user: {})
    assert hooks._EXPORT_SECTIONS == {}
