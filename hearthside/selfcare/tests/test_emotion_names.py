"""The check-in's emotion chips read in the page's language and store the same English key.

Screenshot review (docs/tour/member-checkin-es.png): on the Spanish check-in the chips read "angry",
"anxious", "calm"... The stored value stays the key ("calm"), which insights, the API and a
practitioner's view count; only what the chip shows is translated.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from hearthside.conftest import login_client, make_user
from hearthside.testing.translations import extra_translations, pgettext_key

SPANISH = {pgettext_key("emotion", "calm"): "en calma", pgettext_key("emotion", "content"): "a gusto",
           pgettext_key("emotion", "tired"): "cansancio"}
CHIP = re.compile(r'<label class="chip"><input type="checkbox" name="emotions" value="([^"]+)"( checked)?> ([^<]+)</label>')


@pytest.fixture
def writer(db):
    from hearthside.accounts.actions import do_give_consent

    user = make_user("writer", country="GB")
    do_give_consent(user, "health_data")
    return user


def _in_spanish(user):
    client = login_client(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    return client


def test_every_common_emotion_is_marked_for_translation_with_the_emotion_context():
    from django.utils.functional import Promise

    from hearthside.selfcare.views import COMMON_EMOTIONS

    assert sorted(COMMON_EMOTIONS) == ["angry", "anxious", "calm", "content", "grateful", "happy", "hopeful",
                                       "lonely", "overwhelmed", "sad", "stressed", "tired"]
    for key, name in COMMON_EMOTIONS.items():
        assert isinstance(name, Promise), key  # translated when shown, not when the module loads
        with extra_translations("es", {pgettext_key("emotion", key): f"<{key} en español>"}):
            from django.utils import translation

            with translation.override("es"):
                assert str(name) == f"<{key} en español>"


def test_the_spanish_checkin_shows_translated_chips_with_english_values(writer):
    with extra_translations("es", SPANISH):
        html = _in_spanish(writer).get("/selfcare/checkin/").content.decode()
    chips = {value: name for value, _checked, name in CHIP.findall(html)}
    assert chips["calm"] == "en calma"
    assert chips["content"] == "a gusto"
    assert chips["tired"] == "cansancio"
    assert len(chips) == 12
    # In the order of the names the person reads.
    names = [name for _value, _checked, name in CHIP.findall(html)]
    assert names == sorted(names, key=str.lower)


def test_a_spanish_chip_stores_the_english_key_and_shows_ticked_when_edited(writer):
    from hearthside.selfcare.models import CheckIn

    client = _in_spanish(writer)
    assert client.post("/selfcare/checkin/", {"mood": "6", "emotions": ["calm", "tired"],
                                              "other_emotions": "nostalgia"}).status_code == 302
    checkin = CheckIn.objects.get(user=writer)
    assert checkin.emotions == ["calm", "tired", "nostalgia"]
    with extra_translations("es", SPANISH):
        html = client.get(f"/selfcare/checkins/{checkin.pk}/").content.decode()
    chips = CHIP.findall(html)
    assert ("calm", " checked", "en calma") in chips
    assert ("tired", " checked", "cansancio") in chips
    # A word of the person's own comes last, as they wrote it.
    assert chips[-1] == ("nostalgia", " checked", "nostalgia")


def test_the_offline_checkin_page_names_the_chips_in_the_page_language(writer):
    from hearthside.core.device import DEVICE_HEADER

    with extra_translations("es", SPANISH):
        response = _in_spanish(writer).get("/selfcare/offline/")
    assert response.status_code == 200 and response[DEVICE_HEADER]
    chips = {value: name for value, _checked, name in CHIP.findall(response.content.decode())}
    assert chips["calm"] == "en calma" and chips["tired"] == "cansancio" and len(chips) == 12


def test_what_a_check_in_stored_is_named_in_the_readers_language_wherever_it_is_shown(writer):
    """The home page, the check-in list and the check-in's activity chips showed the stored English
    keys ("anxious, tired", "work") on Spanish pages; a word the person added stays as written."""
    from hearthside.care.models import CareRelationship, PractitionerProfile
    from hearthside.selfcare.actions import check_share
    from hearthside.selfcare.apps import DEFAULT_ACTIVITIES
    from hearthside.selfcare.models import CheckIn
    from hearthside.selfcare.names import ACTIVITY_NAMES

    assert sorted(ACTIVITY_NAMES) == sorted(DEFAULT_ACTIVITIES)
    CheckIn.objects.create(user=writer, mood=4, emotions=["tired", "calm", "wistful"], activities=["work", "knitting"])
    client = login_client(writer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    spanish = {**SPANISH, pgettext_key("activity", "work"): "trabajo"}
    with extra_translations("es", spanish):
        home = client.get("/selfcare/").content.decode()
        listed = client.get("/selfcare/checkins/").content.decode()
        form = client.get("/selfcare/checkin/").content.decode()
    assert "cansancio, en calma, wistful" in home
    assert "cansancio, en calma, wistful" in listed and "trabajo, knitting" in listed
    assert '<input type="checkbox" name="activities" value="work"> trabajo</label>' in form

    practitioner = make_user("pract", "practitioner")
    profile = PractitionerProfile.objects.create(user=practitioner, profession="counsellor")
    relationship = CareRelationship.objects.create(client=writer, practitioner=profile)
    from hearthside.accounts.actions import do_give_consent

    do_give_consent(writer, "practitioner_sharing")
    check_share(writer, "checkins")
    reader = login_client(practitioner, two_factor=True)
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    with extra_translations("es", spanish):
        page = reader.get(f"/care/clients/{relationship.pk}/").content.decode()
    assert "cansancio, en calma, wistful" in page
