from __future__ import annotations

import pytest

from hearthside.conftest import login_client, make_user
from hearthside.selfcare import exercises


def test_every_exercise_is_well_formed_and_cited():
    assert len(exercises.all_exercises()) >= 8
    for slug, exercise in exercises.all_exercises().items():
        assert exercise["source"], slug
        ids = [s["id"] for s in exercise["steps"]]
        assert len(ids) == len(set(ids)), slug
        steps = exercises.steps_for(slug)
        assert steps[0]["id"] == "_mood_before" and any(s["id"] == "_mood_after" for s in steps)
        for step in exercise["steps"]:
            assert step["type"] in {"text", "breathing", "input", "choice", "scale", "timer", "summary"}, step


@pytest.fixture
def person(db):
    from hearthside.accounts.actions import do_give_consent

    user = make_user("doer")
    do_give_consent(user, "health_data")
    return user


def _walk(client, session_url, answers_for):
    """Answer every step through the web pages until the exercise is finished."""
    from hearthside.selfcare.models import ExerciseSession

    for _ in range(60):
        session = ExerciseSession.objects.get(pk=int(session_url.rstrip("/").split("/")[-1]))
        if session.completed_at:
            return session
        step = exercises.steps_for(session.exercise)[session.step_index]
        value = answers_for(step)
        data = {"step": step["id"]}
        if value is not None:
            data["value"] = value
        response = client.post(session_url, data)
        assert response.status_code == 302, (step, response.content[:500])
    raise AssertionError("exercise did not finish")


def _answer(step):
    if step["type"] == "scale":
        return step["max"] if step["id"] == "_mood_after" else step["min"] + 2
    if step["type"] == "input":
        return "a few honest words"
    if step["type"] == "choice":
        return step["options"][0]["value"]
    return None


def test_box_breathing_runs_end_to_end_with_mood_before_and_after(person):
    client = login_client(person)
    start = client.post("/selfcare/exercises/box-breathing/")
    assert start.status_code == 302
    page = client.get(start["Location"]).content.decode()
    assert "mood-scale" in page
    session = _walk(client, start["Location"], _answer)
    assert session.mood_before == 3 and session.mood_after == 10
    done = client.get(start["Location"]).content.decode()
    assert "from 3 to 10" in done


def test_thought_record_resumes_where_it_stopped(person):
    client = login_client(person)
    url = client.post("/selfcare/exercises/thought-record/")["Location"]
    client.post(url, {"step": "_mood_before", "value": "4"})
    steps = exercises.steps_for("thought-record")
    client.post(url, {"step": steps[1]["id"]})  # an intro text step
    again = client.post("/selfcare/exercises/thought-record/")["Location"]
    assert again == url  # the unfinished session is resumed, not restarted
    from hearthside.selfcare.models import ExerciseSession

    assert ExerciseSession.objects.get().step_index == 2


def test_a_required_answer_is_asked_for_again(person):
    client = login_client(person)
    url = client.post("/selfcare/exercises/thought-record/")["Location"]
    client.post(url, {"step": "_mood_before", "value": "4"})
    steps = exercises.steps_for("thought-record")
    index = next(i for i, s in enumerate(steps) if s["type"] == "input" and not s.get("optional"))
    for s in steps[2:index]:
        client.post(url, {"step": s["id"], "value": _answer(s) or ""})
    response = client.post(url, {"step": steps[index]["id"], "value": "   "})
    assert response.status_code == 400
    bad_scale = login_client(person).post(url, {"step": steps[index]["id"], "value": "x" * 5000})
    assert bad_scale.status_code == 400


def test_sessions_are_private(person):
    other = make_user("someoneelse")
    url = login_client(person).post("/selfcare/exercises/box-breathing/")["Location"]
    assert login_client(other).get(url).status_code == 404


@pytest.mark.django_db
def test_library_ships_ten_cited_articles_rendered_safely(anon):
    from hearthside.selfcare.library import render
    from hearthside.selfcare.models import Article

    assert Article.objects.count() >= 10
    assert all(a.sources for a in Article.objects.all())
    page = anon.get("/selfcare/library/in-a-crisis/")
    assert page.status_code == 200 and b"/help/" in page.content
    assert "<script" not in render("Hello <script>alert(1)</script> [x](javascript:alert(1))")
    assert b"sleep" in anon.get("/selfcare/library/?q=sleep").content.lower()


@pytest.mark.django_db
def test_for_you_suggestions_follow_history_and_show_the_reason(person):
    from datetime import timedelta

    from django.utils import timezone

    from hearthside.accounts.actions import do_withdraw_consent
    from hearthside.selfcare.models import CheckIn, ExerciseSession
    from hearthside.selfcare.recommend import for_you

    now = timezone.now()
    for i in range(3):
        ExerciseSession.objects.create(user=person, exercise="grounding-5-4-3-2-1", mood_before=3, mood_after=6,
                                       completed_at=now)
        CheckIn.objects.create(user=person, mood=4, emotions=["lonely"], at=now - timedelta(days=i))
    suggestions = for_you(person)
    assert suggestions[0]["slug"] == "grounding-5-4-3-2-1" and "3" in suggestions[0]["reason"]
    assert any(s["slug"] == "loneliness" and "lonely" in s["reason"] for s in suggestions)
    do_withdraw_consent(person, "health_data")
    assert for_you(person) == []


def test_counts_in_messages_take_the_singular_for_one():
    from django.core.exceptions import ValidationError

    from hearthside.selfcare.charts import _days

    for limit, said in ((1, "Keep it under 1 character."), (2, "Keep it under 2 characters.")):
        with pytest.raises(ValidationError) as caught:
            exercises.clean_value({"id": "x", "type": "input", "max_length": limit}, "far too long")
        assert caught.value.messages == [said]
    assert (_days(1), _days(2), _days(0)) == ("1 day", "2 days", "0 days")


@pytest.mark.django_db
@pytest.mark.parametrize("language, heading", [("en", "Sources"), ("es", "Fuentes")])
def test_an_article_lists_its_sources_once(anon, language, heading):
    """The sources are the front matter's, listed under the article once (the bodies repeated them)."""
    import html

    from django.conf import settings

    from hearthside.selfcare.models import Article

    anon.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for article in Article.objects.all():
        page = html.unescape(anon.get(f"/selfcare/library/{article.slug}/").content.decode())
        assert page.count(f">{heading}</h2>") == 1, article.slug
        first = article.sources[0].split(" http")[0]
        assert page.count(first) == 1, (article.slug, first)
