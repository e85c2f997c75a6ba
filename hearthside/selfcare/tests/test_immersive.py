"""The calm space (issue #22): its page, its steps and their sources, without a browser.

The browser walk (WebGL, speech, WebXR, the fallbacks) is in ``test_browser_immersive.py``.
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.utils import translation

from hearthside.conftest import login_client, make_user
from hearthside.selfcare import exercises, immersive

URL = "/selfcare/immersive/self-compassion/"


@pytest.fixture
def person(db):
    from hearthside.accounts.actions import do_give_consent

    user = make_user("willow")
    do_give_consent(user, "health_data")
    return user


def _data(html: str) -> dict:
    found = re.search(r'<script id="calm-data" type="application/json">(.*?)</script>', html, re.S)
    assert found, "no calm-data on the page"
    return json.loads(found.group(1))


def test_the_sequence_is_the_break_with_three_guided_moments_between_its_steps():
    ids = [s["id"] for s in immersive.sequence("en")]
    assert ids == ["_mood_before", "intro", "breathe", "situation", "body", "name_it", "not_alone", "kindness",
                   "friend", "wish", "words", "rest", "_mood_after", "end"]
    engine = [s["id"] for s in immersive.sequence("en") if s["engine"]]
    assert engine == [s["id"] for s in exercises.steps_for("self-compassion-break", "en")]
    by_id = {s["id"]: s for s in immersive.sequence("en")}
    assert by_id["_mood_before"] == {"id": "_mood_before", "kind": "mood", "engine": True, "min": 1, "max": 10,
                                     "text": str(exercises.MOOD_BEFORE["text"])}
    assert [by_id[i]["label"] for i in ("name_it", "not_alone", "kindness")] == [
        "Mindfulness", "Common humanity", "Self-kindness"]
    assert by_id["friend"]["source"] == "Source: compassionate imagery in compassion-focused therapy (Gilbert, 2009)."
    # The kind wishes are the loving-kindness exercise's own "yourself" step, reused.
    assert by_id["wish"]["text"].startswith("Now offer the same wishes to yourself: may I be safe")
    assert by_id["situation"] == {"id": "situation", "kind": "input", "engine": True, "optional": True,
                                  "max_length": 1000, "text": by_id["situation"]["text"],
                                  "source": "Source: Kristin Neff's self-compassion break (Neff, n.d.; Neff, 2003)."}
    assert [by_id[i]["kind"] for i in ("breathe", "body", "rest", "end")] == ["breathe", "breathe", "breathe", "summary"]
    # Every step but the two ratings names its source.
    assert [s["id"] for s in immersive.sequence("en") if not s.get("source")] == ["_mood_before", "_mood_after"]


def test_reused_texts_come_in_the_active_language():
    spanish = {s["id"]: s for s in immersive.sequence("es")}
    assert spanish["intro"]["text"].startswith("Esta práctica viene de la psicóloga Kristin Neff.")
    assert spanish["wish"]["text"].startswith("Ahora ofrécete los mismos deseos a ti")


def test_the_references_name_every_source_once():
    refs = immersive.references()
    assert len(refs) == len(set(refs)) == 7
    assert refs[0].startswith("Neff, K. D. (n.d.). Exercise 2: Self-compassion break.")
    assert "Gilbert, P. (2009). Introducing compassion-focused therapy." in refs[3]
    assert refs[4].startswith("Salzberg, S. (1995).") and refs[5].startswith("Hofmann, S. G., Grossman, P.")
    assert refs[6].startswith("NHS (n.d.). Breathing exercises for stress.")


def test_the_page_offers_to_begin_and_begins_one_session(person):
    from hearthside.selfcare.models import ExerciseSession

    client = login_client(person)
    page = client.get(URL).content.decode()
    assert 'data-testid="calm-begin"' in page and 'id="calm-data"' not in page
    assert ExerciseSession.objects.count() == 0  # opening the page starts nothing
    assert client.post(URL)["Location"] == URL
    assert client.post(URL)["Location"] == URL  # a second press resumes the same session
    session = ExerciseSession.objects.get()
    assert session.exercise == "self-compassion-break" and session.user == person
    data = _data(client.get(URL).content.decode())
    assert data["current"] == "_mood_before" and data["moodBefore"] is None and data["moodAfter"] is None
    assert data["sessionUrl"] == f"/selfcare/exercise-sessions/{session.pk}/"
    assert data["breath"] == [4, 6] and data["strings"]["breatheIn"] == "Breathe in"


def test_answers_posted_to_the_session_page_move_the_space_on(person):
    client = login_client(person)
    client.post(URL)
    url = _data(client.get(URL).content.decode())["sessionUrl"]
    assert client.post(url, {"step": "_mood_before", "value": "4"}).status_code == 302
    assert client.post(url, {"step": "intro"}).status_code == 302
    data = _data(client.get(URL).content.decode())
    assert data["current"] == "situation" and data["moodBefore"] == 4 and data["moodAfter"] is None
    for step in ("situation", "body", "name_it", "not_alone", "kindness", "words", "rest"):
        assert client.post(url, {"step": step}).status_code == 302
    assert client.post(url, {"step": "_mood_after", "value": "7"}).status_code == 302
    # Resumed at the summary, the page still knows both ratings to show the change.
    data = _data(client.get(URL).content.decode())
    assert (data["current"], data["moodBefore"], data["moodAfter"]) == ("end", 4, 7)


def test_someone_elses_session_is_never_shown(person):
    client = login_client(person)
    client.post(URL)
    other = make_user("rowan")
    page = login_client(other).get(URL).content.decode()
    assert 'data-testid="calm-begin"' in page and 'id="calm-data"' not in page


def test_without_consent_nothing_starts(db):
    from hearthside.selfcare.models import ExerciseSession

    client = login_client(make_user("ash"))
    response = client.post(URL, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert ExerciseSession.objects.count() == 0
    assert "Allow storing my health data" in response.content.decode()


def test_the_page_needs_a_sign_in(db):
    response = Client().get(URL)
    assert response.status_code == 302 and "/login" in response["Location"]


def test_the_plain_exercise_links_to_the_space(person):
    with translation.override("en"):
        page = login_client(person).get("/selfcare/exercises/self-compassion-break/").content.decode()
        other = login_client(person).get("/selfcare/exercises/box-breathing/").content.decode()
    assert f'href="{URL}"' in page and URL not in other
