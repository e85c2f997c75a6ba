"""The companion in the web app: screening first, alerts, storage, consent, memory, API, page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings

from hearthside.accounts.actions import do_give_consent
from hearthside.companion import actions
from hearthside.companion.models import Conversation, CrisisEpisode, Memory, Message
from hearthside.conftest import login_client, make_user
from hearthside.core.personal_data import export_rows, is_registered
from hearthside.safety.actions import alerts_from
from hearthside.safety.models import SafetyAlert, ScreenedItem
from hearthside.selfcare.models import CheckIn

pytestmark = pytest.mark.django_db

URL = "/api/v1/companion/messages"


def say(api, text, **extra):
    response = api.post(URL, {"text": text, **extra})
    assert response.status_code == 201, response.content
    return response.json()


def test_the_companion_needs_consent_for_automated_features(api_as):
    user = make_user("noconsent")
    response = api_as(user).post(URL, {"text": "hello"})
    assert response.status_code == 403
    assert "permission" in response.json()["detail"]
    assert not Message.objects.exists()


def test_a_check_in_over_the_api_is_answered_stored_encrypted_and_exported(person, api_as):
    api = api_as(person)
    body = say(api, "I'm so stressed about my exams")
    assert body["message"]["role"] == "person" and body["reply"]["role"] == "companion"
    assert body["reply"]["engine"] == "offline"
    conversation = Conversation.objects.get(user=person)
    # The greeting (which says what the companion is) opened the conversation.
    first = Message.objects.filter(conversation=conversation).order_by("seq").first()
    assert "not a person" in first.body
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM companion_message WHERE role = 'person'")
        raw = cursor.fetchone()[0]
    assert "exams" not in raw
    assert all(is_registered(m) for m in (Conversation, Message, Memory, CrisisEpisode))
    exported = export_rows(person)
    assert any("exams" in row["body"] for row in exported["companion.message"])


def test_a_resend_with_the_same_client_id_returns_the_same_reply(person, api_as):
    api = api_as(person)
    one = say(api, "I feel lonely", client_id="abc")
    two = say(api, "I feel lonely", client_id="abc")
    assert one["reply"]["id"] == two["reply"]["id"]
    assert Message.objects.filter(role="person").count() == 1


def test_crisis_message_is_screened_first_raises_an_alert_and_shows_help(person, api_as):
    from hearthside.safety.directory import load_directory

    load_directory()
    api = api_as(person)
    body = say(api, "I'm going to kill myself tonight")
    reply = body["reply"]
    assert {"crisis_flow", "show_help", "offer_support_line"} <= set(reply["actions"])
    assert reply["safety_level"] in {"high", "imminent"}
    assert ScreenedItem.objects.filter(author=person, source="companion").exists()
    (alert,) = alerts_from(person, "companion")
    episode = CrisisEpisode.objects.get(user=person)
    assert episode.alert_id == alert.pk and episode.ended_at is None
    help_panel = reply["extra"]["help"]
    assert help_panel["lines"] and len(help_panel["lines"]) <= 3
    assert help_panel["support_line_url"] == "/support-line/" and help_panel["alerted"] is True
    # Talking it down does not close it; the explicit check does, and is recorded.
    for attempt in ("you misunderstood", "I was joking"):
        assert "crisis_flow" in say(api, attempt)["reply"]["actions"]
    assert Conversation.objects.get(user=person).in_crisis
    done = say(api, "No, I'm not")["reply"]
    assert "crisis_step_down" in done["actions"] and "crisis_flow" not in done["actions"]
    episode.refresh_from_db()
    assert episode.ended_at is not None and episode.step_down_answer == "No, I'm not"
    assert SafetyAlert.objects.filter(person=person).count() == 1


def test_the_help_panel_puts_the_persons_safety_plan_first(person, api_as):
    from hearthside.safety.actions import check_update_plan

    do_give_consent(person, "health_data")
    check_update_plan(person, {"warning_signs": ["not sleeping"], "coping_strategies": ["walk the dog"]})
    reply = say(api_as(person), "I want to end my life")["reply"]
    assert reply["extra"]["help"]["plan"][0] == {"title": "Warning signs", "items": ["not sleeping"]}


def test_a_safety_question_shows_help_without_claiming_an_alert_that_was_not_raised(person, api_as):
    reply = say(api_as(person), "no point in even trying anymore and I hate myself")["reply"]
    assert "safety_question" in reply["actions"] and "show_help" in reply["actions"]
    # "A person has been asked to reach out" only when an alert really went out (the screener
    # raises its own at moderate; the companion raises none for a question).
    assert reply["extra"]["help"]["alerted"] is SafetyAlert.objects.exists()
    assert not any(r.get("label") == "Raised by the companion's own checks"
                   for alert in SafetyAlert.objects.all() for r in (alert.reasons or []))


def test_moderate_with_self_harm_intent_raises_the_companions_own_alert(person, api_as):
    reply = say(api_as(person), "I cut myself last night")["reply"]
    assert "crisis_flow" in reply["actions"]
    assert len(alerts_from(person, "companion")) == 1


@pytest.mark.parametrize(("policy", "alerts"), [("always", 1), ("never", 0)])
def test_disclosures_raise_a_human_alert_per_operator_policy(person, api_as, policy, alerts):
    actions._engine.cache_clear()
    with override_settings(COMPANION_DISCLOSURE_ALERT=policy):
        reply = say(api_as(person), "my husband hits me when he drinks")["reply"]
    actions._engine.cache_clear()
    assert "disclosure:abuse" in reply["actions"]
    assert SafetyAlert.objects.filter(person=person).count() == alerts


def test_logging_the_check_in_needs_health_consent(person, api_as):
    api = api_as(person)
    say(api, "can we do a breathing exercise?")
    for line in ["next", "next", "done", "next"]:
        say(api, line)
    say(api, "6")
    refused = say(api, "yes")["reply"]
    assert "permission to store health data" in refused["body"]
    assert not CheckIn.objects.exists()
    do_give_consent(person, "health_data")
    say(api, "log my mood")
    checkin = CheckIn.objects.get(user=person)
    assert checkin.mood == 6


def test_memory_is_kept_across_conversations_only_with_consent_and_forgotten(person, api_as):
    api = api_as(person)
    say(api, "work has been awful and I'm stressed")
    asked = say(api, "my manager shouts at me and I feel anxious")["reply"]
    assert "ask_memory_consent" in asked["actions"]
    say(api, "yes")
    memory = Memory.objects.get(user=person)
    assert memory.consent and memory.data["stressors"]
    actions.do_start_conversation(person)
    opening = Conversation.objects.filter(user=person).first().messages.first()
    assert "Last time you mentioned" in opening.body
    api.delete("/api/v1/companion/memory")
    memory.refresh_from_db()
    assert memory.consent is False and memory.data == {}
    assert api.get("/api/v1/companion/memory").json() == {"consent": False, "data": {}}


def test_another_person_cannot_read_or_delete_a_conversation(person, api_as):
    say(api_as(person), "hello")
    conversation = Conversation.objects.get(user=person)
    stranger = make_user("stranger")
    other = api_as(stranger)
    assert other.get(f"/api/v1/companion/conversations/{conversation.pk}").status_code == 404
    assert other.delete(f"/api/v1/companion/conversations/{conversation.pk}").status_code == 404
    assert other.post(URL, {"text": "hi", "conversation_id": conversation.pk}).status_code == 404


def test_a_person_deletes_their_conversation(person, api_as):
    api = api_as(person)
    say(api, "hello")
    conversation = Conversation.objects.get(user=person)
    assert api.delete(f"/api/v1/companion/conversations/{conversation.pk}").status_code == 204
    assert not Message.objects.exists()


def test_history_costs_the_same_number_of_queries_however_long(person, api_as, django_assert_num_queries):
    api = api_as(person)
    for i in range(6):
        say(api, f"message number {i} about my day")
    conversation = Conversation.objects.get(user=person)
    path = f"/api/v1/companion/conversations/{conversation.pk}"
    api.get(path)  # warm the token cache paths
    with django_assert_num_queries(3):
        body = api.get(path).json()
    assert len(body["messages"]) == 13
    assert [m["seq"] for m in api.get(path, after=10).json()["messages"]] == [11, 12, 13]


def test_bad_input_is_a_clear_4xx(person, api_as):
    api = api_as(person)
    assert api.post(URL, {"text": "   "}).status_code == 400
    assert api.post(URL, {"text": "x" * 2001}).status_code == 400
    assert api.post(URL, {}).status_code == 422


def test_the_page_asks_for_consent_then_works_without_javascript(db):
    user = make_user("pagey")
    client = login_client(user)
    page = client.get("/companion/")
    assert b"I agree" in page.content
    client.post("/companion/consent/")
    page = client.get("/companion/")
    assert b"not a person" in page.content and b"companion-log" in page.content
    client.post("/companion/", {"text": "I feel anxious about tomorrow"})
    page = client.get("/companion/")
    assert b"anxious about tomorrow" in page.content
    client.post("/companion/", {"text": "I want to kill myself"})
    page = client.get("/companion/")
    assert b"companion-help" in page.content and b"Talk to a person now" in page.content


def test_demo_content_loads_twice_without_duplicating(db):
    import io

    from hearthside.companion import demo

    user = make_user("demo-member")
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    conversation = Conversation.objects.get(user=user)
    assert conversation.messages.count() == 1 + 2 * len(demo.SCRIPT)
    assert Memory.objects.get(user=user).consent is True


def test_a_child_in_danger_puts_lines_for_young_people_first(db, api_as):
    from hearthside.safety.directory import load_directory

    load_directory()
    user = make_user("robin", country="CA")
    do_give_consent(user, "ai_features")
    reply = say(api_as(user), "my little brother is being hit by our stepdad every night")["reply"]
    assert "disclosure:minor_in_danger" in reply["actions"]
    assert reply["extra"]["help"]["lines"][0]["name"] == "Kids Help Phone"
