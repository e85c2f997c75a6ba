"""Text the screener cannot read is never silently passed; every interface language is screened."""

from __future__ import annotations

import pytest
from django.test import override_settings

from hearthside.conftest import make_user
from hearthside.safety import actions
from hearthside.safety.checks import interface_languages_are_screened
from hearthside.safety.models import SafetyAlert, ScreenedItem

FRENCH = "Je ne sais plus quoi faire, tout est tellement lourd depuis des semaines et personne ne comprend."


@pytest.mark.django_db
def test_unsupported_language_is_published_and_queued_for_a_person_by_default():
    member = make_user("writer")
    route = actions.screen_and_route(member, FRENCH, "community.chat", source_id="1:a", context="chat")
    assert route.publish
    item = ScreenedItem.objects.get()
    assert item.status == ScreenedItem.Status.FLAGGED
    assert item.text == FRENCH
    assert any(r["construct"] == "unsupported_language" for r in item.reasons)
    assert not SafetyAlert.objects.exists()


@pytest.mark.django_db
@override_settings(SAFETY_UNSUPPORTED_LANGUAGE="hold")
def test_unsupported_language_can_be_held_until_a_person_looks():
    member = make_user("writer")
    route = actions.screen_and_route(member, FRENCH, "community.chat", source_id="1:b", context="chat")
    assert not route.publish and route.decision == actions.HOLD
    assert ScreenedItem.objects.get().status == ScreenedItem.Status.HELD


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "source", "source_id", "context"),
    [
        # Private writing in an unsupported language is not shown to staff by default.
        (FRENCH, "selfcare.journal", "1", "journal"),
        # Spanish and English are screened, not queued as unsupported.
        ("Hoy fue un buen día en el trabajo, gracias a todos por el apoyo.", "community.chat", "1:c", "chat"),
        ("Had a lovely walk by the river today.", "community.chat", "1:c", "chat"),
    ],
    ids=["private_writing_in_an_unsupported_language", "spanish", "english"],
)
def test_published_and_not_queued_for_staff(text, source, source_id, context):
    member = make_user("writer")
    route = actions.screen_and_route(member, text, source, source_id=source_id, context=context)
    assert route.publish
    assert not ScreenedItem.objects.exists()


@pytest.mark.django_db
def test_history_reaches_the_screener_through_routing():
    member = make_user("writer")
    alone = actions.screen_and_route(member, "tonight is the night, the big one", "friends.chat", source_id="1:d")
    assert alone.level == "none"
    route = actions.screen_and_route(member, "tonight is the night, the big one", "friends.chat", source_id="1:e",
                                     history=["I have the pills saved up"])
    assert route.level == "imminent" and not route.publish
    assert SafetyAlert.objects.get().level == "imminent"


def test_every_interface_language_must_be_screened():
    assert interface_languages_are_screened() == []
    with override_settings(LANGUAGES=[("en", "English"), ("es", "Spanish"), ("fr", "French")]):
        errors = interface_languages_are_screened()
    assert [e.id for e in errors] == ["hearthside.safety.E001"]
    assert "'fr'" in errors[0].msg


@pytest.mark.django_db
def test_the_site_applies_an_operators_model(tmp_path, settings):
    from hearthside.safety.checks import operator_model_exists
    from hearthside.safety.screening.model import fit, save_model

    texts = ["everything is grey and heavy lately", "i feel grey and heavy and done", "had a lovely lunch",
             "the park was sunny", "grey heavy days again", "we baked bread"] * 3
    labels = [1, 1, 0, 0, 1, 0] * 3
    path = save_model(fit(texts, labels, raise_moderate=0.5, raise_high=None), tmp_path / "op.joblib")
    member = make_user("writer")
    text = "everything is grey and heavy lately"
    assert actions.screen_and_route(member, text, "community.chat", source_id="1:f").level in ("none", "low")
    settings.SAFETY_MODEL = str(path)
    route = actions.screen_and_route(member, text, "community.chat", source_id="1:g")
    assert route.level == "moderate" and any(r["construct"] == "model" for r in route.reasons)
    assert operator_model_exists() == []
    settings.SAFETY_MODEL = str(tmp_path / "missing.joblib")
    assert [w.id for w in operator_model_exists()] == ["hearthside.safety.W002"]
    # A model that cannot be loaded never stops screening.
    assert actions.screen_and_route(member, "I want to kill myself", "community.chat", source_id="1:h").level == "high"
