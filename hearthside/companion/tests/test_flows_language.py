"""The companion in the web app in the person's language, with help that stays in view and the
person's earlier messages going to the screener."""

from __future__ import annotations

import re

import pytest

from hearthside.accounts.actions import do_give_consent
from hearthside.companion.models import CrisisEpisode, Message
from hearthside.conftest import make_user
from hearthside.core.models import AuditEvent

pytestmark = pytest.mark.django_db

URL = "/api/v1/companion/messages"


@pytest.fixture
def directory(db):
    from hearthside.safety.directory import load_directory

    load_directory()


def person(name, **extra):
    user = make_user(name, **extra)
    do_give_consent(user, "ai_features")
    return user


def say(api, text, **headers):
    response = api.client.post(URL, {"text": text}, content_type="application/json", **api._headers(), **headers)
    assert response.status_code == 201, response.content
    return response.json()["reply"]


def test_a_spanish_crisis_message_under_an_english_interface_gets_spanish_and_curated_lines(directory, api_as):
    user = person("lucia", country="US")
    api = api_as(user)
    reply = say(api, "Quiero morir, ya no aguanto más")
    assert "crisis_flow" in reply["actions"] and reply["extra"]["language"] == "es"
    assert "Me preocupa" in reply["body"] or "preocup" in reply["body"]
    assert not re.search(r"\d{3}", reply["body"])  # numbers only in the panel, from the directory
    lines = reply["extra"]["help"]["lines"]
    assert lines and "es" in lines[0]["languages"] and lines[0]["phone"] == "988"
    follow = say(api, "era broma")
    assert "crisis_flow" in follow["actions"] and "crisis_check" in follow["actions"]
    assert follow["extra"]["language"] == "es" and "¿" in follow["body"]
    done = say(api, "No, no estoy pensando en suicidarme, estoy a salvo")
    assert "crisis_step_down" in done["actions"]
    episode = CrisisEpisode.objects.get(user=user)
    assert episode.ended_at is not None and episode.step_down_answer.startswith("No, no estoy")


def test_lines_for_a_person_without_a_country_come_from_the_site_default(directory, api_as, settings):
    # One rule for crisis lines (#15): the person's chosen country, else the site's; never the
    # browser's language list (a supporter in the same conversation would see other numbers).
    settings.SITE_COUNTRY = "MX"
    user = person("mateo")
    reply = say(api_as(user), "me quiero matar", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "crisis_flow" in reply["actions"]
    help_panel = reply["extra"]["help"]
    assert help_panel["country"] == "MX"
    assert [line["name"] for line in help_panel["lines"]] == ["Línea de la Vida (CONASAMA)"]


def test_the_interface_language_is_used_until_the_person_writes_in_another(api_as):
    user = person("ana", country="ES")
    api = api_as(user)
    greeting = api.client.get("/api/v1/companion/conversations/current", HTTP_ACCEPT_LANGUAGE="es",
                              **api._headers()).json()
    assert "Hola" in greeting["messages"][0]["body"]
    assert say(api, "ok", HTTP_ACCEPT_LANGUAGE="es")["extra"]["language"] == "es"
    assert say(api, "I'm stressed about my exams", HTTP_ACCEPT_LANGUAGE="es")["extra"]["language"] == "en"


def test_without_a_language_on_the_request_the_persons_saved_language_is_used(api_as):
    user = person("sofia", country="MX", language="es")
    reply = say(api_as(user), "ok")
    assert reply["extra"]["language"] == "es"
    assert say(api_as(user), "ok", HTTP_ACCEPT_LANGUAGE="en")["extra"]["language"] == "es"  # the conversation's


def test_a_dismissive_answer_to_the_safety_question_keeps_help_in_view(api_as):
    user = person("kai", country="GB")
    api = api_as(user)
    asked = say(api, "no point in even trying anymore and I hate myself")
    assert "safety_question" in asked["actions"]
    for text in ("lol jk", "ok", "I had a long day at work", "yeah"):
        reply = say(api, text)
        assert "show_help" in reply["actions"] and "offer_support_line" in reply["actions"], text
        assert "help" in reply["extra"]
    assert not AuditEvent.objects.filter(action="companion.safety_question_answered").exists()
    answer = say(api, "No, I'm not thinking of suicide, I'm safe")
    assert "safety_check_answered" in answer["actions"] and "crisis_flow" not in answer["actions"]


def test_a_clear_no_to_the_safety_question_is_recorded(api_as):
    user = person("noor", country="GB")
    api = api_as(user)
    assert "safety_question" in say(api, "no point in even trying anymore and I hate myself")["actions"]
    answer = say(api, "No, I'm not thinking of suicide, I'm safe")
    assert "safety_check_answered" in answer["actions"]
    event = AuditEvent.objects.get(action="companion.safety_question_answered")
    assert event.detail["safe"] is True and "suicide" not in str(event.detail)


def test_the_screener_gets_the_persons_earlier_messages(api_as, monkeypatch):
    from hearthside.safety import actions as safety_actions

    real = safety_actions.screen_and_route
    seen = []

    def spy(author, text, source, *, source_id="", context=None, history=None, delivered_anyway=False):
        seen.append(list(history or []))
        return real(author, text, source, source_id=source_id, context=context, delivered_anyway=delivered_anyway)

    monkeypatch.setattr(safety_actions, "screen_and_route", spy)
    api = api_as(person("ravi", country="GB"))
    for text in ("work is awful", "I feel trapped", "hello again"):
        say(api, text)
    assert seen == [[], ["work is awful"], ["work is awful", "I feel trapped"]]
    assert Message.objects.filter(role="person").count() == 3
