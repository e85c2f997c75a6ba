"""Look-alike pseudonyms are refused (issue #17: "Victim Vеe" with a Cyrillic е was accepted)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from hearthside.accounts.actions import check_signup as do_signup
from hearthside.accounts.actions import check_update_profile as do_update_profile
from hearthside.conftest import make_user
from hearthside.core.names import mixes_lookalike_scripts, skeleton

PASSWORD = "a long and unusual passphrase 42"


def test_skeletons_make_look_alikes_equal_and_leave_real_names_alone():
    assert skeleton("Victim Vеe") == skeleton("victim vee")            # Cyrillic е
    assert skeleton("Vеrа") == skeleton("Vera")                         # Cyrillic е and а
    assert skeleton("Ana\u200b Lee") == skeleton("Ana Lee")             # zero-width space
    assert skeleton("ＡＮＡ") == skeleton("ana")                          # full-width letters
    assert skeleton("José") != skeleton("Jose") or skeleton("José") == "jose"
    assert skeleton("Maria") != skeleton("Mario")
    assert mixes_lookalike_scripts("Victim Vеe")
    assert not mixes_lookalike_scripts("Victim Vee")
    assert not mixes_lookalike_scripts("José Ñúñez")
    assert not mixes_lookalike_scripts("Лена")                          # one alphabet is fine


@pytest.mark.django_db
def test_signup_refuses_a_look_alike_of_an_existing_pseudonym():
    make_user("vee", pseudonym="Victim Vee")
    with pytest.raises(ValidationError) as exc:
        do_signup(username="impostor", password=PASSWORD, pseudonym="Victim Vеe", consents=())
    assert "pseudonym" in exc.value.message_dict


@pytest.mark.django_db
def test_an_all_cyrillic_copy_of_a_latin_name_is_refused_but_a_real_cyrillic_name_is_not():
    make_user("bace", pseudonym="Bace")
    with pytest.raises(ValidationError) as exc:
        do_signup(username="copy", password=PASSWORD, pseudonym="Васе", consents=())
    assert "looks the same" in " ".join(exc.value.message_dict["pseudonym"])
    user = do_signup(username="lena", password=PASSWORD, pseudonym="Лена", consents=())
    assert user.pseudonym == "Лена" and user.pseudonym_skeleton


@pytest.mark.django_db
def test_renaming_to_a_look_alike_is_refused_and_changes_nothing():
    make_user("vee", pseudonym="Victim Vee")
    other = make_user("other", pseudonym="Other")
    with pytest.raises(ValidationError):
        do_update_profile(other, {"pseudonym": "Victim Vеe"})
    other.refresh_from_db()
    assert other.pseudonym == "Other" and other.pseudonym_skeleton == "other"
    # Renaming oneself to a look-alike of one's own name is fine; the skeleton follows the name.
    vee = make_user("vee2", pseudonym="Quiet Fern")
    do_update_profile(vee, {"pseudonym": "Quiet Fern 2"})
    vee.refresh_from_db()
    assert vee.pseudonym_skeleton == "quiet fern 2"


@pytest.mark.django_db
def test_the_form_shows_the_error(client):
    make_user("vee", pseudonym="Victim Vee")
    response = client.post("/accounts/signup/", {"username": "impostor", "pseudonym": "Victim Vеe",
                                                 "password": PASSWORD, "time_zone": "UTC", "accept_privacy": "on"})
    assert response.status_code in (200, 400)
    assert "alphabet" in response.content.decode() or "looks the same" in response.content.decode()
