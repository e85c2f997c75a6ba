"""Each profile through ``hearthside companion-chat``, on a scripted clock (each line's "at")."""

from __future__ import annotations

import io
import json

import pytest

from hearthside.companion.cli import chat_main

REMINDER = "A reminder: I am an automated companion, not a person."
BREAK = REMINDER + " You have been here a while; this may be a good moment to take a break."
WELLNESS_MENU = (
    "I'm an automated companion, not a person or a therapist, so on this site I don't talk problems through the"
    " way a counsellor would. I can help you check in on your mood, guide a short exercise, or suggest something"
    " to read from the library (/selfcare/library/). To talk with a person: the support line (/support-line/), a"
    " practitioner (/care/) or a support group (/groups/).")
PEOPLE = ("People can: the help directory lists lines you can call or write to (/help/); support groups meet here"
          " (/groups/); you can book a counsellor (/care/); or write to a trained person on the support line"
          " (/support-line/). If you are ever in danger, use “Get help now” at the top of any page.")
OFF_SITE = ("I'm the Hearthside companion: an automated program, not a person. On this site the companion doesn't"
            " hold conversations, and I'm sorry I can't talk things through with you here. " + PEOPLE)
OFF_MINOR = ("I'm the Hearthside companion: an automated program, not a person. For people under 18 the companion"
             " doesn't hold conversations on this site, and I'm sorry I can't talk things through with you here. "
             + PEOPLE)
OFF_ACTIONS = ["disclose_automated", "companion_off", "offer_help_directory", "offer_support_group",
               "offer_practitioner", "offer_support_line"]
CRISIS = "I want to kill myself tonight, I have the pills ready"


def chat(lines: list[tuple[str, str]], *args: str) -> tuple[int, list[dict]]:
    """Each (time, text) as one line of conversation 1; the time is hours:minutes on a day of
    December 2026 written "D HH:MM"."""
    script = []
    for when, text in lines:
        day, clock = when.split()
        script.append(json.dumps({"conversation_id": 1, "text": text,
                                  "at": f"2026-12-{int(day):02d}T{clock}:00+00:00"}))
    out = io.StringIO()
    status = chat_main(["--greeting", *args], stdin=io.StringIO("\n".join(script) + "\n"), stdout=out)
    return status, [json.loads(line) for line in out.getvalue().splitlines()]


def reminders(replies: list[dict]) -> list[str]:
    return [next((a.split(":")[1] for a in r["actions"] if a.startswith("remind_automated:")), "") for r in replies]


def test_new_york_says_again_it_is_not_a_person_every_three_hours_and_a_question_restarts_the_count():
    status, out = chat([("4 09:00", "I feel anxious about work"), ("4 11:59", "it's the deadlines"),
                        ("4 12:00", "and my boss"), ("4 14:59", "still thinking"), ("4 15:00", "are you a bot?"),
                        ("4 17:59", "ok"), ("4 18:00", "ok then")], "--profile", "us-ny")
    assert status == 0
    # 09:00 greeting; 12:00 is three hours on; 15:00 the person asks (the answer says it);
    # 18:00 is three hours after that answer.
    assert reminders(out) == ["", "", "every_hours", "", "", "", "every_hours"]
    assert out[2]["reply"].startswith(REMINDER + " ")
    assert out[2]["actions"][-2:] == ["disclose_automated", "remind_automated:every_hours"]
    assert out[4]["actions"] == ["disclose_automated", "offer_support_line"]
    assert out[4]["reply"].startswith("I'm the Hearthside companion: an automated program, not a person")
    assert out[6]["reply"].startswith(REMINDER + " ")
    assert not any(REMINDER in r["reply"] for i, r in enumerate(out) if i not in (2, 6))


def test_utah_says_it_again_after_seven_days_without_use_and_not_before():
    status, out = chat([("1 09:00", "I feel anxious about work"), ("8 08:59", "it's the deadlines"),
                        ("15 09:00", "back again"), ("15 10:00", "still here")], "--profile", "us-ut")
    assert status == 0
    assert reminders(out) == ["", "", "idle", ""]
    assert out[2]["reply"].startswith(REMINDER + " ")
    # The default profile never says it again on a clock.
    _status, plain = chat([("1 09:00", "I feel anxious about work"), ("8 08:59", "it's the deadlines"),
                           ("15 09:00", "back again")], "--profile", "default")
    assert reminders(plain) == ["", "", ""]


def test_california_reminds_a_known_minor_every_three_hours_to_take_a_break_and_not_an_adult():
    lines = [("4 09:00", "I feel anxious about school"), ("4 11:00", "the exams"), ("4 12:00", "still worried"),
             ("4 14:30", "hmm"), ("4 15:00", "ok")]
    _status, minor = chat(lines, "--profile", "us-ca", "--minor")
    assert reminders(minor) == ["", "", "every_hours", "", "every_hours"]
    assert minor[2]["reply"].startswith(BREAK + " ")
    assert "Companion chatbots like me may not be suitable for some minors." in minor[0]["greeting"]
    _status, adult = chat(lines, "--profile", "us-ca")
    assert reminders(adult) == ["", "", "", "", ""]
    assert "Companion chatbots like me may not be suitable for some minors." in adult[0]["greeting"]


@pytest.mark.parametrize("profile", ["us-il", "us-nv"])
def test_wellness_never_answers_as_a_therapist_and_offers_check_ins_exercises_and_reading(profile):
    status, out = chat([("4 09:00", "I feel anxious about my exams and I can't sleep"),
                        ("4 09:01", "my mum and I keep fighting and it hurts"),
                        ("4 09:02", "Check in"), ("4 09:03", "4"), ("4 09:04", "today is a 6/10"),
                        ("4 09:05", "Something to read"), ("4 09:06", "Try an exercise")], "--profile", profile)
    assert status == 0
    assert out[0]["reply"] == WELLNESS_MENU
    assert out[0]["actions"] == ["disclose_automated", "wellness_menu", "offer_support_line", "offer_practitioner",
                                 "offer_support_group"]
    # Never the same paragraph twice in a row: the second menu is prefixed, not reworded.
    assert out[1]["reply"].endswith(WELLNESS_MENU) and out[1]["actions"][:2] == ["disclose_automated", "wellness_menu"]
    assert out[2]["actions"] == ["ask_mood"]
    assert out[3]["actions"] == ["log_checkin"]
    assert out[3]["reply"] == ("Saved to your mood tracker (/selfcare/checkins/). Would you like to try a short"
                               " exercise or find something to read?")
    assert out[4]["actions"] == ["offer_log_checkin"]
    assert out[4]["reply"] == ("Thank you for checking in. Would you like me to save this check-in to your mood"
                               " tracker (mood 6 out of 10; sad, anxious, tired)?")
    assert out[5]["actions"] == ["offer_article:low-mood"]  # the latest feeling named (sad) first
    assert any(a.startswith("exercise_started:") for a in out[6]["actions"])
    for reply in out:
        assert "sounds like" not in reply["reply"] and "What's been the hardest part" not in reply["reply"]
    assert out[0]["greeting"] == (
        "Hi. I'm the Hearthside companion: an automated program, not a person and not a therapist. Here I can help"
        " you check in on your mood, guide a short exercise, and point you to reading and to people who can help. If"
        " you are ever in danger, use “Get help now” at the top of any page. Would you like to check in on your mood,"
        " try a short exercise, or find something to read?")


def test_the_same_message_gets_a_therapeutic_reply_in_full_mode():
    # The contrast that makes the wellness test mean something.
    _status, out = chat([("4 09:00", "I feel anxious about my exams and I can't sleep")], "--profile", "us-ny")
    assert out[0]["reply"] != WELLNESS_MENU and "your exams" in out[0]["reply"]


def test_off_for_a_known_minor_in_the_uk_points_to_people_and_still_connects_them():
    status, out = chat([("4 09:00", "I feel anxious about my exams"), ("4 09:01", "connect me")],
                       "--profile", "uk", "--minor")
    assert status == 0
    assert out[0]["greeting"] == "Hi. " + OFF_MINOR
    assert out[0]["reply"] == OFF_MINOR and out[0]["actions"] == OFF_ACTIONS
    assert "connect_support_line" in out[1]["actions"]
    # An adult in the UK gets the full companion.
    _status, adult = chat([("4 09:00", "I feel anxious about my exams")], "--profile", "uk")
    assert "companion_off" not in adult[0]["actions"] and adult[0]["reply"] != OFF_MINOR


def test_the_operators_off_mode_explains_it_without_speaking_of_age():
    _status, out = chat([("4 09:00", "hello"), ("4 09:01", "are you a bot?")], "--profile", "us-il", "--mode", "off")
    assert out[0]["reply"] == OFF_SITE and out[0]["actions"] == OFF_ACTIONS
    assert out[1]["reply"].endswith(OFF_SITE) and out[1]["actions"] == OFF_ACTIONS


@pytest.mark.parametrize(("args"), [
    ("--profile", "default"), ("--profile", "eu"), ("--profile", "uk"), ("--profile", "uk", "--minor"),
    ("--profile", "us-ca", "--minor"), ("--profile", "us-il"), ("--profile", "us-nv"), ("--profile", "us-ny"),
    ("--profile", "us-ut"), ("--profile", "us-il", "--mode", "off"),
])
def test_crisis_language_reaches_the_crisis_flow_in_every_mode(args):
    _status, out = chat([("4 09:00", "hello"), ("4 09:01", CRISIS), ("4 09:02", "whatever")], *args)
    crisis = out[1]
    assert crisis["safety_level"] in {"high", "imminent"}
    assert {"crisis_flow", "show_help", "offer_support_line", "raise_alert"} <= set(crisis["actions"])
    assert "companion_off" not in crisis["actions"] and "wellness_menu" not in crisis["actions"]
    # The flow holds on the next message too, whatever the mode.
    assert {"crisis_flow", "show_help"} <= set(out[2]["actions"])


def test_a_bad_clock_or_an_unknown_profile_is_refused():
    out = io.StringIO()
    status = chat_main(["--profile", "us-ny"], stdout=out, stdin=io.StringIO(
        '{"conversation_id": 1, "text": "hi", "at": "yesterday"}\n'
        '{"conversation_id": 1, "text": "hi", "at": "2026-12-04T09:00:00"}\n'))
    assert status == 2
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"error": "bad input line: at must be an ISO 8601 time, e.g. 2026-12-04T09:00:00+00:00"},
        {"error": "bad input line: at must give its offset (e.g. +00:00)"}]
    with pytest.raises(SystemExit) as exc:
        chat_main(["--profile", "atlantis"], stdin=io.StringIO(""), stdout=io.StringIO())
    assert exc.value.code == 2


def test_the_wellness_buttons_work_in_spanish_and_the_reminder_is_spanish():
    out = io.StringIO()
    script = "\n".join(json.dumps({"conversation_id": 1, "text": text, "lang": "es",
                                   "at": f"2026-12-04T{clock}:00+00:00"})
                       for clock, text in [("09:00", "Registrar mi ánimo"), ("09:01", "5"),
                                           ("09:02", "Probar un ejercicio")])
    chat_main(["--profile", "us-il"], stdin=io.StringIO(script + "\n"), stdout=out)
    first, second, third = [json.loads(line) for line in out.getvalue().splitlines()]
    assert first["actions"] == ["ask_mood"] and second["actions"] == ["log_checkin"]
    assert any(a.startswith("exercise_started:") for a in third["actions"])
    out = io.StringIO()
    script = "\n".join(json.dumps({"conversation_id": 1, "text": text, "lang": "es",
                                   "at": f"2026-12-04T{clock}:00+00:00"})
                       for clock, text in [("09:00", "Estoy muy estresada con el trabajo"), ("12:00", "sigo aquí")])
    chat_main(["--profile", "us-ca", "--minor"], stdin=io.StringIO(script + "\n"), stdout=out)
    later = [json.loads(line) for line in out.getvalue().splitlines()][1]
    assert later["reply"].startswith("Un recordatorio: soy un acompañante automático, no una persona. Llevas un rato"
                                     " aquí; puede ser un buen momento para tomarte un descanso. ")
