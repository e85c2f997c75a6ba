"""The account's age band (youth mode): set at sign-up, re-checked on every change, changes recorded."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from hearthside.accounts import actions
from hearthside.accounts.models import User
from hearthside.conftest import PASSWORD, login_client, make_user
from hearthside.core.models import AuditEvent

THIS_YEAR = timezone.localdate().year


def _signup(**extra):
    return actions.check_signup(username=extra.pop("username", "newbie"), password=PASSWORD,
                                pseudonym=extra.pop("pseudonym", "New Leaf"), **extra)


@pytest.mark.django_db
def test_signup_derives_the_band_from_the_year_or_asks_in_youth_mode(settings):
    settings.YOUTH_MODE = True
    assert _signup(username="teen", pseudonym="Teen One", year_of_birth=THIS_YEAR - 16).age_band == "under_18"
    assert _signup(username="grown", pseudonym="Grown One", year_of_birth=THIS_YEAR - 30).age_band == "adult"
    with pytest.raises(ValidationError) as exc:
        _signup(username="unknown", pseudonym="Unknown One")
    assert exc.value.message_dict["age_band"] == [
        "Tell us whether you are under 18: young people and adults have separate spaces here."]
    # In the year someone turns 18 the year cannot tell, so the declared band is used.
    assert _signup(username="eighteen", pseudonym="Eighteen One", year_of_birth=THIS_YEAR - 18,
                   age_band="under_18").age_band == "under_18"
    with pytest.raises(ValidationError) as exc:
        _signup(username="liar", pseudonym="Liar One", year_of_birth=THIS_YEAR - 40, age_band="under_18")
    assert exc.value.message_dict["age_band"] == ["This does not match the year of birth."]
    with pytest.raises(ValidationError) as exc:
        _signup(username="odd", pseudonym="Odd One", age_band="child")
    assert exc.value.message_dict["age_band"] == ["Choose under 18 or 18 or older."]


@pytest.mark.django_db
def test_signup_without_youth_mode_asks_nothing_new(settings):
    settings.YOUTH_MODE = False
    assert _signup().age_band == ""
    assert b'name="age_band"' not in Client().get("/accounts/signup/").content
    assert b'name="age_band"' not in login_client(make_user("someone")).get("/accounts/settings/").content


@pytest.mark.django_db
def test_the_signup_page_asks_for_the_band_in_youth_mode_and_a_bad_value_is_a_form_error(settings):
    settings.YOUTH_MODE = True
    client = Client()
    assert b'name="age_band"' in client.get("/accounts/signup/").content
    response = client.post("/accounts/signup/", {"username": "kid", "pseudonym": "Kid One", "password": PASSWORD,
                                                 "time_zone": "UTC", "accept_privacy": "on", "age_band": "toddler"})
    assert response.status_code == 200
    assert not User.objects.filter(username="kid").exists()
    response = client.post("/accounts/signup/", {"username": "kid", "pseudonym": "Kid One", "password": PASSWORD,
                                                 "time_zone": "UTC", "accept_privacy": "on", "age_band": "under_18"})
    assert response.status_code == 302
    assert User.objects.get(username="kid").age_band == "under_18"


@pytest.mark.django_db
def test_an_adult_cannot_move_into_the_under_18_band_and_a_change_is_recorded(settings):
    settings.YOUTH_MODE = True
    adult = make_user("adult", age_band="adult")
    with pytest.raises(ValidationError) as exc:
        actions.check_update_profile(adult, {"age_band": "under_18"})
    assert exc.value.message_dict["age_band"] == [
        "An adult account cannot move into the spaces for under-18s. If your age was entered wrongly, ask the "
        "team to correct it."]
    # Nor through the year of birth, nor by clearing the band first.
    with pytest.raises(ValidationError) as exc:
        actions.check_update_profile(adult, {"year_of_birth": THIS_YEAR - 15})
    assert list(exc.value.message_dict) == ["year_of_birth"]
    actions.check_update_profile(adult, {"age_band": ""})
    adult.refresh_from_db()
    assert adult.age_band == "adult"
    with pytest.raises(ValidationError):
        actions.check_update_profile(adult, {"age_band": "under_18"})
    assert not AuditEvent.objects.filter(action="account.age_band_changed").exists()

    youth_off = make_user("other", age_band="adult", year_of_birth=1990)
    settings.YOUTH_MODE = False  # as before youth mode: the year of birth may change freely
    actions.check_update_profile(youth_off, {"year_of_birth": THIS_YEAR - 16})
    settings.YOUTH_MODE = True

    young = make_user("young", age_band="under_18")
    actions.check_update_profile(young, {"age_band": "adult"})
    young.refresh_from_db()
    assert young.age_band == "adult"
    event = AuditEvent.objects.filter(action="account.age_band_changed").latest("pk")
    assert event.object_id == str(young.pk)


@pytest.mark.django_db
def test_the_api_refuses_a_move_into_the_under_18_band_with_400(settings, api_as):
    settings.YOUTH_MODE = True
    adult = make_user("adult", age_band="adult")
    response = api_as(adult).patch("/api/v1/me", {"age_band": "under_18"})
    assert response.status_code == 400
    adult.refresh_from_db()
    assert adult.age_band == "adult"


@pytest.mark.django_db
def test_the_band_follows_the_year_of_birth_as_people_grow_up():
    from datetime import date

    person = make_user("grower", year_of_birth=2010, age_band="under_18")
    assert actions.age_band_of(person, today=date(2027, 6, 1)) == "under_18"
    assert actions.age_band_of(person, today=date(2028, 6, 1)) == "under_18"  # 18 this year: declared band
    assert actions.age_band_of(person, today=date(2029, 1, 1)) == "adult"
