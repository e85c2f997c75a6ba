"""The warm hand-off from the companion to the support line: "connect me" offers the support line
on the same page, asks once whether to pass on a summary (shown in full), and places the person
in the queue at the risk the companion assessed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from hearthside.accounts.actions import do_give_consent
from hearthside.companion import actions, handoff
from hearthside.companion.engine import Companion
from hearthside.companion.models import Conversation, Message
from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.supportline.models import Conversation as LineConversation
from hearthside.supportline.models import Message as LineMessage
from hearthside.supportline.policy import RISK_RANK

pytestmark = pytest.mark.django_db

CRISIS = "I'm going to kill myself tonight, I have the pills ready"


def say(user, text):
    _person, reply = actions.check_send(user, text)
    return reply


def offered(user, *lines, connect="Yes, connect me"):
    """Say ``lines`` to the companion, then ``connect``; the reply that offers the hand-off."""
    for line in lines:
        say(user, line)
    reply = say(user, connect)
    assert "connect_support_line" in reply.actions, (reply.body, reply.actions)
    return reply


def conversation_of(user) -> Conversation:
    return Conversation.objects.get(user=user)


# ---------------------------------------------------------------------------------------------
# The offer


def test_connect_me_in_a_crisis_offers_the_support_line_here_with_the_exact_summary(person):
    reply = offered(person, CRISIS)
    assert "crisis_flow" in reply.actions and "on this page" in reply.body
    assert "/support-line/" not in reply.body  # no path to go and retell it all
    summary = reply.extra["handoff"]["summary"]
    assert reply.extra["handoff"]["risk_level"] in {"high", "imminent"}
    assert summary.startswith("From the companion (automated), shared with the person's agreement.")
    assert f"“{CRISIS}”" in summary
    assert "crisis flow is open" in summary
    assert "asked the team on duty to reach out" in summary
    assert "Yes, connect me" not in summary
    # Offering changes nothing on the line until the person answers.
    assert not LineConversation.objects.exists()


@pytest.mark.parametrize("text", ["connect me", "Yes please, connect me to someone", "conéctame, por favor"])
def test_asking_to_be_connected_outside_a_crisis_offers_it_too(text):
    turn = Companion().respond(None, text)
    assert "connect_support_line" in turn.actions and "crisis_flow" not in turn.actions


def test_connect_me_outranks_a_question_the_companion_was_waiting_on():
    companion = Companion()
    state = companion.respond(None, "Work has been busy and I'm tired").state
    state = companion.respond(state, "my boss keeps piling things on").state
    assert (state.get("pending") or {}).get("kind") == "memory"
    turn = companion.respond(state, "Yes, connect me")
    assert "connect_support_line" in turn.actions and "memory_on" not in turn.actions


@pytest.mark.parametrize("text", ["my laptop won't connect me to the wifi", "I called the support line last year"])
def test_mentioning_connecting_in_passing_does_not_offer_it(text):
    turn = Companion().respond(None, text)
    assert "connect_support_line" not in turn.actions


def test_yes_to_the_offer_after_a_disclosure_offers_the_handoff(person):
    reply = offered(person, "my husband hits me when he drinks")
    assert "crisis_flow" not in reply.actions
    assert "abuse they told of" in reply.extra["handoff"]["summary"]


# ---------------------------------------------------------------------------------------------
# With and without consent


def test_with_consent_the_summary_goes_to_the_line_at_the_assessed_risk_from_the_companion(person, monkeypatch):
    subscribed = []
    monkeypatch.setattr(actions.realtime, "subscribe_on_commit", lambda uid, topic: subscribed.append((uid, topic)))
    reply = offered(person, CRISIS)
    line, passed = actions.check_handoff(person, conversation_of(person), reply.seq, share=True)
    line.refresh_from_db()
    assert passed is True
    assert line.person_id == person.pk and line.status == LineConversation.Status.WAITING
    assert line.origin == LineConversation.Origin.COMPANION
    assert line.handoff_summary == reply.extra["handoff"]["summary"]
    assert line.risk_level == reply.extra["handoff"]["risk_level"]
    assert line.risk_rank == RISK_RANK[line.risk_level] >= RISK_RANK["high"]
    # The tab's open socket joins the conversation's topic (a new page would at connect).
    assert (person.pk, f"line.{line.pk}") in subscribed
    event = AuditEvent.objects.get(action="companion.handoff")
    assert event.actor_id == person.pk and event.object_id == str(line.pk)
    assert event.detail["summary_passed"] is True and event.detail["existing"] is False
    assert CRISIS not in str(event.detail)  # the audit log holds outcomes, never words


def test_without_consent_nothing_of_the_companion_conversation_is_passed(person):
    reply = offered(person, CRISIS)
    line, passed = actions.check_handoff(person, conversation_of(person), reply.seq, share=False)
    line.refresh_from_db()
    assert passed is False and line.handoff_summary == ""
    assert not LineMessage.objects.filter(conversation=line).exclude(kind=LineMessage.Kind.SYSTEM).exists()
    assert line.reasons == []
    # Still in the queue at the risk the companion assessed, so the most urgent are answered first.
    assert line.origin == LineConversation.Origin.COMPANION and line.risk_rank >= RISK_RANK["high"]
    assert AuditEvent.objects.get(action="companion.handoff").detail["summary_passed"] is False


def test_a_second_connect_me_points_back_to_the_live_conversation_and_adds_nothing_to_it(person):
    first_offer = offered(person, CRISIS)
    line, _passed = actions.check_handoff(person, conversation_of(person), first_offer.seq, share=False)
    again = say(person, "Yes, connect me")
    assert "connect_support_line" not in again.actions  # no second offer, no second summary
    assert "back_to_line" in again.actions and "crisis_flow" in again.actions
    assert again.extra["handoff"] == {"live": line.pk}  # the page scrolls to it; nothing more is asked
    assert again.body.startswith("You're already")
    assert again.extra["quick_replies"] == []
    same, passed = actions.check_handoff(person, conversation_of(person), first_offer.seq, share=True)
    assert same.pk == line.pk and passed is False
    assert LineConversation.objects.count() == 1
    line.refresh_from_db()
    assert line.handoff_summary == ""  # a later yes does not add to the live conversation
    assert AuditEvent.objects.filter(action="companion.handoff").latest("pk").detail["existing"] is True


def test_the_line_ranks_the_person_by_the_highest_risk_the_companion_saw(person):
    say(person, "I just want to say goodbye to everyone")
    risky = offered(person, CRISIS)
    say(person, "No, I'm not having those thoughts now")  # an explicit no steps the crisis flow down
    assert handoff.assessed_risk(conversation_of(person)) == risky.extra["handoff"]["risk_level"]
    line, _passed = actions.check_handoff(person, conversation_of(person), risky.seq, share=True)
    assert line.risk_rank >= RISK_RANK["high"]


def test_an_ordinary_conversation_goes_in_at_no_risk():
    user = make_user("kim")
    do_give_consent(user, "ai_features")
    reply = offered(user, "Work has been busy this week and I'm tired")
    assert reply.extra["handoff"]["risk_level"] == "none"
    line, _passed = actions.check_handoff(user, conversation_of(user), reply.seq, share=True)
    assert line.risk_rank == 0 and "Risk the companion assessed: none." in line.handoff_summary


# ---------------------------------------------------------------------------------------------
# The summary


def test_the_summary_is_short_plain_and_in_the_persons_own_words(person):
    long_line = "I have felt hopeless for weeks and " + "nothing helps at all, " * 20
    say(person, long_line)
    say(person, "ok")
    summary = offered(person, "I feel like a burden to everyone", CRISIS).extra["handoff"]["summary"]
    lines = summary.splitlines()
    quotes = [line for line in lines if line.startswith("- ")]
    # Each of their own statements once, in order, "ok" left out: the long one clipped, the
    # burden, and their answer to the direct question about suicide.
    assert len(quotes) == 3 <= handoff.MAX_STATEMENTS
    assert quotes[1] == "- “I feel like a burden to everyone”"
    assert quotes[2].startswith("- Asked directly about thoughts of ending their life, they answered: “")
    assert all(len(q) <= handoff.MAX_STATEMENT_CHARS + 6 for q in quotes)
    assert "- “I have felt hopeless for weeks" in summary and "…”" in summary  # clipped, marked
    assert "“ok”" not in summary
    assert "- “I feel like a burden to everyone”" in summary
    signs = next(line for line in lines if line.startswith("Risk the companion assessed"))
    assert "hopelessness" in signs and "feeling a burden" in signs
    assert "showed crisis lines and the emergency number" in summary
    assert len(summary) < 1500


@pytest.mark.parametrize(("lines", "connect", "words"), [
    (["I'm in so much pain and I can't stop crying", "is hanging painful?"], "connect me",
     ["despair or emotional pain", "questions about ways to die"]),
    (["no puedo dejar de llorar, sufro mucho", "¿cuál es la forma más rápida de morir?"], "conéctame",
     ["desesperación o dolor emocional", "preguntas sobre formas de morir"]),
])
def test_the_summary_names_despair_and_questions_about_ways_to_die(person, lines, connect, words):
    summary = offered(person, *lines, connect=connect).extra["handoff"]["summary"]
    signs = next(line for line in summary.splitlines() if line.startswith(("Risk the", "Riesgo")))
    assert all(word in signs for word in words), signs


def test_the_answer_to_the_direct_question_is_in_the_summary(person):
    say(person, CRISIS)
    say(person, "never mind")  # the companion asks the explicit check
    say(person, "Yes, I am")
    summary = offered(person).extra["handoff"]["summary"]
    assert "they answered: “Yes, I am”" in summary
    assert "asked them directly about thoughts of ending their life" in summary


def test_the_summary_is_in_the_language_the_companion_speaks_with_the_person(person):
    reply = offered(person, "quiero morir, ya no aguanto más", connect="Sí, conéctame")
    summary = reply.extra["handoff"]["summary"]
    assert "línea de apoyo" in reply.body
    assert summary.startswith("Del acompañante (automático)")
    assert "“quiero morir, ya no aguanto más”" in summary


# ---------------------------------------------------------------------------------------------
# Who may use it


def test_the_summary_passed_is_the_one_shown_never_what_the_client_sends(person):
    reply = offered(person, CRISIS)
    client = login_client(person)
    response = client.post("/companion/handoff/", {"conversation": conversation_of(person).pk, "offer": reply.seq,
                                                   "share": "yes", "summary": "forged", "risk_level": "none",
                                                   "handoff_summary": "forged"})
    assert response.status_code == 302 and response["Location"] == "/companion/"
    line = LineConversation.objects.get(person=person)
    assert line.handoff_summary == reply.extra["handoff"]["summary"]
    assert line.risk_rank >= RISK_RANK["high"]


def test_only_an_offer_the_companion_made_can_be_taken_up(person):
    greeting = Message.objects.get(conversation=actions.current_conversation(person), seq=1)
    with pytest.raises(ValidationError):
        actions.check_handoff(person, conversation_of(person), greeting.seq, share=True)
    with pytest.raises(ValidationError):
        actions.check_handoff(person, conversation_of(person), "not a number", share=True)
    assert not LineConversation.objects.exists()


def test_another_member_cannot_take_up_someone_elses_offer(person, other_member):
    reply = offered(person, CRISIS)
    do_give_consent(other_member, "ai_features")
    response = login_client(other_member).post("/companion/handoff/", {
        "conversation": conversation_of(person).pk, "offer": reply.seq, "share": "yes"})
    assert response.status_code == 404
    with pytest.raises(Http404):
        actions.check_handoff(other_member, conversation_of(person), reply.seq, share=True)
    assert not LineConversation.objects.exists()


def test_anonymous_visitors_and_guests_cannot_use_the_handoff(person, anon):
    reply = offered(person, CRISIS)
    form = {"conversation": conversation_of(person).pk, "offer": reply.seq, "share": "yes"}
    response = anon.post("/companion/handoff/", form)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not LineConversation.objects.exists()
    # A support-line guest (no account) is kept to the support line, page and action alike.
    anon.post("/support-line/", {"opening": ""})
    guest = LineConversation.objects.get().person
    response = anon.post("/companion/handoff/", form)
    assert response.status_code == 302 and response["Location"] == "/support-line/"
    do_give_consent(guest, "ai_features")
    own = Conversation.objects.create(user=guest)
    with pytest.raises(Http404):
        actions.check_handoff(guest, own, reply.seq, share=True)
    assert LineConversation.objects.count() == 1
    assert not AuditEvent.objects.filter(action="companion.handoff").exists()


# ---------------------------------------------------------------------------------------------
# The page


def test_the_page_asks_once_shows_the_summary_then_the_conversation_in_the_same_page(person):
    reply = offered(person, CRISIS)
    client = login_client(person)
    page = client.get("/companion/").content.decode()
    assert "Can I pass a short summary of what you told me to the supporter" in page
    assert f'name="offer" value="{reply.seq}"' in page
    slot = page.split('id="companion-handoff-slot"')[1].split("</section>")[0]
    assert "pills ready" in slot and "Yes, pass it on" in slot
    response = client.post("/companion/handoff/", {"conversation": conversation_of(person).pk,
                                                   "offer": reply.seq, "share": "no"},
                           HTTP_X_HEARTHSIDE_FRAGMENT="1")
    line = LineConversation.objects.get(person=person)
    fragment = response.content.decode()
    assert response.status_code == 200 and f'data-conversation="{line.pk}"' in fragment
    assert "Nothing from your conversation with the companion was passed on." in fragment
    page = client.get("/companion/").content.decode()
    assert 'id="sl-chat"' in page and "Waiting for a supporter" in page
    assert '<div id="companion-handoff-slot"></div>' in page  # answered: not asked again


def test_the_page_shows_the_summary_that_was_passed(person):
    reply = offered(person, CRISIS)
    actions.check_handoff(person, conversation_of(person), reply.seq, share=True)
    page = login_client(person).get("/companion/").content.decode()
    assert "What the supporter was given" in page and "pills ready" in page.split('id="companion-line"')[1]


def test_after_the_line_conversation_ends_the_page_points_to_its_feedback_and_transcript(person):
    import time_machine
    from django.utils import timezone

    from hearthside.supportline.actions import check_end_by_person

    reply = offered(person, CRISIS)
    line, _passed = actions.check_handoff(person, conversation_of(person), reply.seq, share=False)
    check_end_by_person(person, line)
    client = login_client(person)
    page = client.get("/companion/").content.decode()
    assert 'id="sl-chat"' not in page and "Your support line conversation has ended." in page
    assert f'href="/support-line/c/{line.pk}/"' in page
    with time_machine.travel(timezone.now() + actions.ENDED_SHOWN * 2):
        assert "Your support line conversation has ended." not in client.get("/companion/").content.decode()


# ---------------------------------------------------------------------------------------------
# The tab's one socket


@pytest.mark.django_db(transaction=True)
def test_the_tab_already_open_gets_the_support_line_live_after_the_handoff():
    from asgiref.sync import async_to_sync, sync_to_async

    from hearthside.supportline import actions as line_actions
    from hearthside.testing.sockets import next_frame, open_socket, socket_for

    person = make_user("robin", pseudonym="Robin")
    do_give_consent(person, "ai_features")
    supporter = make_user("alexs", "peer_supporter", pseudonym="Alex")
    reply = offered(person, CRISIS)
    sock = socket_for(person)

    def hand_off():
        line, _passed = actions.check_handoff(person, conversation_of(person), reply.seq, share=True)
        return line.pk

    def supporter_answers():
        taken = line_actions.check_help_next(supporter)
        line_actions.check_send(supporter, taken, "r1", "Hi Robin, I'm Alex. I've read the summary.")

    async def scenario():
        await open_socket(sock)  # opened before the support-line conversation existed
        line_id = await sync_to_async(hand_off)()
        joined = await next_frame(sock, "subscription.started")
        await sync_to_async(supporter_answers)()
        frame = await next_frame(sock, "line.message")
        while frame.get("kind") != "supporter":
            frame = await next_frame(sock, "line.message")
        await sock.disconnect()
        return line_id, joined, frame

    line_id, joined, frame = async_to_sync(scenario)()
    assert joined["topic"] == f"line.{line_id}"
    assert frame["conversation"] == line_id and frame["body"].startswith("Hi Robin, I'm Alex.")


def test_the_api_hands_off_with_the_offer_it_names(person, other_member, api_as):
    reply = offered(person, CRISIS)
    body = {"conversation_id": conversation_of(person).pk, "offer": reply.seq, "share_summary": False}
    do_give_consent(other_member, "ai_features")
    assert api_as(other_member).post("/api/v1/companion/handoff", body).status_code == 404
    assert api_as(person).post("/api/v1/companion/handoff", {**body, "offer": 1}).status_code == 400
    response = api_as(person).post("/api/v1/companion/handoff", body)
    assert response.status_code == 201, response.content
    line = LineConversation.objects.get(person=person)
    assert response.json() == {"support_line_conversation_id": line.pk, "status": "waiting",
                               "summary_passed": False}
    assert line.handoff_summary == ""


def test_a_support_line_conversation_started_elsewhere_shows_on_the_companion_page_too(person):
    from hearthside.supportline.actions import check_start

    line = check_start(person, "I need to talk to someone")
    actions.current_conversation(person)
    page = login_client(person).get("/companion/").content.decode()
    assert f'data-conversation="{line.pk}"' in page and "I need to talk to someone" in page
    assert "Nothing from your conversation with the companion was passed on." not in page
    crisis = say(person, CRISIS)
    assert "crisis_flow" in crisis.actions
    # Already with a supporter: the companion points to that conversation instead of offering one.
    assert crisis.extra["quick_replies"] == ["Back to your conversation"]
    assert "Would you like me to connect you" not in crisis.body and "Shall I connect you" not in crisis.body
    assert "at the top of this page" in crisis.body
    back = say(person, "Back to your conversation")
    assert "back_to_line" in back.actions and "connect_support_line" not in back.actions
    assert back.extra["handoff"] == {"live": line.pk}
    assert LineConversation.objects.count() == 1


def test_once_the_line_conversation_ends_connect_me_offers_the_handoff_again(person):
    from hearthside.supportline.actions import check_end_by_person, check_start

    line = check_start(person, "I need to talk to someone")
    assert "back_to_line" in say(person, "connect me").actions
    check_end_by_person(person, line)
    reply = say(person, "connect me")
    assert "connect_support_line" in reply.actions and "back_to_line" not in reply.actions
    assert reply.extra["handoff"]["summary"].startswith("From the companion (automated)")
    assert reply.extra["quick_replies"] == []


@pytest.mark.parametrize(("lang", "connect", "back"), [("en", "Yes, connect me", "Back to your conversation"),
                                                        ("es", "Sí, conéctame", "Volver a tu conversación")])
def test_the_engine_offers_the_way_back_instead_of_a_second_handoff(lang, connect, back):
    companion = Companion()
    opener = "I want to kill myself tonight" if lang == "en" else "Quiero matarme esta noche"
    turn = companion.respond({"line_live": True}, opener, lang=lang)
    assert "crisis_flow" in turn.actions and turn.quick_replies == [back]
    assert turn.language == lang
    for text in (connect, back):
        again = companion.respond(turn.state, text, lang=lang)
        assert "back_to_line" in again.actions and "connect_support_line" not in again.actions, again.actions
        assert "crisis_flow" in again.actions and again.quick_replies == []
    calm = companion.respond({"line_live": True}, connect, lang=lang)
    assert calm.actions == ["offer_support_line", "back_to_line"]
    assert companion.respond({"line_live": False}, connect, lang=lang).actions == ["offer_support_line",
                                                                                   "connect_support_line"]
