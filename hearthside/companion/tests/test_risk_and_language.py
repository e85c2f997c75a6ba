"""The companion does not let go, asks only on evidence, answers in the person's language and does
not repeat itself. The offline engine on its own: no Django, no database."""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import pytest

from hearthside.companion.cli import chat_main
from hearthside.companion.engine import Companion, i18n
from hearthside.companion.engine import safety as sf
from hearthside.companion.engine.dialogue import exercise_in, exercises
from hearthside.companion.engine.es import ARTICLES, EXERCISES, MESSAGES

from .engine_turns import talk

ENGINE = Path(__file__).resolve().parents[1] / "engine"


def helped(turn) -> bool:
    return "crisis_flow" in turn.actions or "show_help" in turn.actions


def came_back(turn) -> bool:
    return bool({"crisis_check", "safety_question", "risk_follow_up"} & set(turn.actions))


def spanish(text: str) -> bool:
    words = re.findall(r"[a-záéíóúñü']+", text.lower())
    es = sum(w in {"que", "de", "la", "el", "y", "en", "te", "tu", "un", "una", "por", "para", "con", "es", "lo",
                   "me", "más", "aquí", "ayuda", "si", "sí", "estás", "está", "qué", "cómo", "contigo"} for w in words)
    en = sum(w in {"the", "and", "you", "to", "of", "is", "it", "your", "are", "what", "that", "with", "for"}
             for w in words)
    return es >= 2 and es >= 2 * en


# ---------------------------------------------------------------------------------------------
# 1. Dismissive answers keep help in view; only a clear, explicit no steps down.

ASKED_EN = "I feel hopeless and like a burden to everyone"  # two risk factors: the safety question
ASKED_ES = "Me siento sin esperanza y soy una carga para todos"
CRISIS_EN = "I want to kill myself tonight"
CRISIS_ES = "Quiero morir, ya no aguanto más"

DISMISSIVE = [
    ("en", "lol just kidding"), ("en", "I'm fine now, forget it"), ("en", "you misunderstood"), ("en", "nvm"),
    ("en", "whatever"), ("en", "lol jk"), ("en", "forget it"), ("en", "never mind, it's nothing"),
    ("en", "haha don't worry about it"), ("en", "no, forget it"), ("en", "nah lol"),
    ("es", "era broma"), ("es", "olvídalo"), ("es", "estoy bien ya"), ("es", "no sé"), ("es", "da igual"),
    ("es", "me malinterpretaste"), ("es", "jaja es broma"), ("es", "déjalo, no pasa nada"), ("es", "olvidalo"),
]
LATER = {"en": ["ok", "I had a long day at work", "yeah", "not much else", "I guess"],
         "es": ["vale", "hoy he tenido un día largo en el trabajo", "sí", "nada más", "supongo"]}


@pytest.mark.parametrize(("lang", "answer"), DISMISSIVE)
def test_a_dismissive_answer_to_the_safety_question_keeps_help_in_view_and_it_comes_back(companion, lang, answer):
    opener = ASKED_EN if lang == "en" else ASKED_ES
    turns = talk(companion, opener, answer, *LATER[lang])
    asked, reply, later = turns[1], turns[2], turns[3:]
    assert "safety_question" in asked.actions or "crisis_flow" in asked.actions
    assert helped(reply) and "offer_support_line" in reply.actions or "crisis_flow" in reply.actions, reply.reply
    assert "safety_check_answered" not in reply.actions and "crisis_step_down" not in reply.actions
    assert all(helped(t) for t in later), [t.actions for t in later]
    assert any(came_back(t) for t in later), [t.actions for t in later]
    assert all(t.language == lang for t in turns[1:])


@pytest.mark.parametrize(("lang", "answer"), DISMISSIVE)
def test_a_dismissive_answer_keeps_the_crisis_flow(companion, lang, answer):
    opener = CRISIS_EN if lang == "en" else CRISIS_ES
    turns = talk(companion, opener, answer, *LATER[lang])
    assert all("crisis_flow" in t.actions for t in turns[1:])
    assert "crisis_check" in turns[2].actions or "crisis_flow" in turns[2].actions
    assert any("crisis_check" in t.actions for t in turns[2:])


@pytest.mark.parametrize(("lang", "answer"), DISMISSIVE)
def test_a_dismissive_answer_after_a_softer_sign_keeps_help_in_view(companion, lang, answer):
    opener = "I feel so hopeless about everything" if lang == "en" else "No aguanto más, me siento sin esperanza"
    turns = talk(companion, opener, answer, *LATER[lang])
    assert all(helped(t) for t in turns[1:]), [t.actions for t in turns[1:]]
    assert any(came_back(t) for t in turns[2:])


EXPLICIT_NO = [
    ("en", "No, I'm not thinking of suicide, I'm safe"), ("en", "No"), ("en", "No, I'm not"), ("en", "nope"),
    ("en", "No, I don't want to die"), ("es", "No, no estoy pensando en suicidarme, estoy a salvo"), ("es", "No"),
    ("es", "no, estoy a salvo"), ("es", "No, no los tengo"),
]
NOT_EXPLICIT = ["no, forget it", "nah lol", "no, but sometimes", "No, I want to die", "no quiero vivir",
                "no, no quiero seguir", "No... I don't know", "no sé", "maybe", "no, whatever", "no, era broma"]


@pytest.mark.parametrize(("lang", "answer"), EXPLICIT_NO)
def test_a_clear_explicit_no_steps_down_and_is_recorded(companion, lang, answer):
    assert sf.explicit_no(answer, "none")
    _open, _asked, reply = talk(companion, ASKED_EN if lang == "en" else ASKED_ES, answer)
    assert "safety_check_answered" in reply.actions and "crisis_flow" not in reply.actions
    assert {"type": "safety_answer", "answer": answer, "safe": True} in reply.effects
    assert reply.state["watch"] is None
    _open, _flow, check, down = talk(companion, CRISIS_EN if lang == "en" else CRISIS_ES,
                                     "never mind" if lang == "en" else "olvídalo", answer)
    assert "crisis_check" in check.actions
    assert "crisis_step_down" in down.actions and "crisis_flow" not in down.actions
    assert {"type": "crisis_step_down", "answer": answer} in down.effects


@pytest.mark.parametrize("answer", NOT_EXPLICIT)
def test_anything_short_of_a_clear_no_does_not_step_down(companion, answer):
    assert not sf.explicit_no(answer, "none")
    turns = talk(companion, CRISIS_EN, "never mind", answer)
    assert "crisis_flow" in turns[-1].actions and "crisis_step_down" not in turns[-1].actions


# ---------------------------------------------------------------------------------------------
# 2. The question only on evidence: ordinary stress gets support.

STRESS = [
    "I'm so stressed about my exams next week", "My boss keeps piling work on me and I can't take it anymore",
    "my girlfriend broke up with me and I can't stop crying", "I'm exhausted, I haven't slept properly in weeks",
    "I feel so anxious about the interview tomorrow", "this deadline is killing me lol", "I feel trapped in this job",
    "I'm so tired of my flatmates", "I'm dying to get this semester over with", "everything feels hopeless today",
    "my grandad died last month and I miss him", "I'm drowning in assignments",
    "Estoy muy estresada con los exámenes", "Mi jefe me grita todos los días y no puedo más",
    "Me muero de vergüenza por lo que dije ayer", "Los exámenes me van a matar jaja", "Tengo mucha ansiedad",
    "Estoy agotado del trabajo", "Me dejó mi novia y estoy triste",
]


@pytest.mark.parametrize("text", STRESS)
def test_ordinary_stress_gets_support_not_the_suicide_question(companion, text):
    _open, turn = talk(companion, text)
    assert "safety_question" not in turn.actions and "crisis_flow" not in turn.actions, turn.reply
    assert "suicid" not in turn.reply.lower() and "quitarte la vida" not in turn.reply
    assert "ending your life" not in turn.reply


@pytest.mark.parametrize("text", ["I don't want to be here anymore", "I wish I could disappear forever",
                                  "I've been cutting myself again", "I feel hopeless and I'm a burden to everyone",
                                  "I'm tired of living", "Estoy cansada de vivir"])
def test_real_evidence_gets_the_question_or_the_crisis_flow(companion, text):
    _open, turn = talk(companion, text)
    assert "safety_question" in turn.actions or "crisis_flow" in turn.actions


# ---------------------------------------------------------------------------------------------
# 3. Risk that shows only across turns.

MULTI_TURN = [
    ("escalate", ["everything feels hopeless lately", "honestly I'm a burden to the people around me",
                  "I've given my cat to my sister, I won't be needing to look after her"]),
    ("escalate", ["work is awful", "I can't see any future for myself", "I've been collecting my pills"]),
    ("escalate", ["I hate myself", "nothing will ever get better", "what's the point"]),
    ("escalate", ["I'm so tired", "I feel trapped and there's no way out", "I keep thinking about the bridge"]),
    ("escalate", ["me siento sin esperanza", "nadie me echaría de menos", "ya me despedí de mis amigos"]),
    ("escalate", ["no duermo", "no hay salida", "tengo una cuerda en el trastero"]),
    ("support", ["my exams are next week", "I'm so stressed I can't sleep", "I just want them to be over"]),
    ("support", ["my manager yelled at me", "I feel trapped in this job", "anyway I'll look for another one"]),
    ("support", ["mi perro murió", "lo echo mucho de menos", "la casa está vacía sin él"]),
    ("support", ["I had a fight with my mum", "I feel like an idiot", "I'll call her tomorrow"]),
]


@pytest.mark.parametrize(("expect", "lines"), MULTI_TURN)
def test_risk_is_judged_across_turns_by_the_last_one(companion, expect, lines):
    turns = talk(companion, *lines)
    escalated = "crisis_flow" in turns[-1].actions or "safety_question" in turns[-1].actions
    assert escalated == (expect == "escalate"), [(t.actions, t.reply[:60]) for t in turns]
    if expect == "escalate":
        assert not any("safety_question" in t.actions or "crisis_flow" in t.actions for t in turns[1:2])


def test_the_screener_gets_the_persons_earlier_messages_when_it_takes_them():
    seen = []

    def screen(text, history=None):
        seen.append(list(history or []))
        return ("moderate" if history and len(history) >= 2 else "none"), []

    companion = Companion(screen=screen)
    state = companion.start().state
    history = []
    for line in ["first", "second", "third"]:
        turn = companion.respond(state, line, history=list(history))
        state = turn.state
        history.append(line)
    assert seen == [[], ["first"], ["first", "second"]]
    assert "safety_question" in turn.actions
    assert sf._accepts(screen, "history") and not sf._accepts(lambda text: ("none", []), "history")


def test_companion_chat_takes_the_interface_language_and_follows_the_message():
    lines = [{"conversation_id": "a", "text": "hola", "lang": "es"},
             {"conversation_id": "a", "text": "ok"},
             {"conversation_id": "a", "text": "I feel low about work"},
             {"conversation_id": "a", "text": "ok"},
             {"conversation_id": "b", "text": "I'm stressed about work"},
             {"conversation_id": "b", "text": "estoy agobiada con el trabajo, no duermo nada"}]
    out = io.StringIO()
    assert chat_main([], stdin=io.StringIO("\n".join(json.dumps(x) for x in lines) + "\n"), stdout=out) == 0
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert set(rows[0]) == {"conversation_id", "reply", "safety_level", "actions"}
    assert rows[0]["reply"].startswith("Hola")  # the Spanish interface
    assert spanish(rows[1]["reply"])  # "ok" says nothing: the conversation's language
    assert not spanish(rows[2]["reply"]) and not spanish(rows[3]["reply"])  # an English message: English from then
    assert not spanish(rows[4]["reply"]) and spanish(rows[5]["reply"])  # a Spanish message under English: Spanish


# ---------------------------------------------------------------------------------------------
# 4. The person's language.

SPANISH_CRISIS = ["Quiero morir, ya no aguanto más", "me quiero matar", "Voy a quitarme la vida esta noche",
                  "Ya no quiero vivir", "Tengo las pastillas y lo tengo decidido", "Me corté otra vez y quiero más"]


@pytest.mark.parametrize("text", SPANISH_CRISIS)
@pytest.mark.parametrize("interface", ["en", "es"])
def test_a_spanish_crisis_opener_gets_the_crisis_flow_in_spanish(companion, text, interface):
    turns = talk(companion, text, "era broma", "vale", lang=interface)
    assert "crisis_flow" in turns[1].actions, turns[1].reply
    for turn in turns[1:]:
        assert turn.language == "es" and spanish(turn.reply), turn.reply
        assert "crisis_flow" in turn.actions
    assert not re.search(r"\d{3}", turns[1].reply)  # numbers come only from the directory's help panel


def test_the_reply_follows_the_message_then_the_conversation_then_the_interface(companion):
    assert i18n.reply_language("estoy muy cansada", interface="en") == "es"
    assert i18n.reply_language("I'm so tired", interface="es") == "en"
    assert i18n.reply_language("ok", interface="es") == "es"
    assert i18n.reply_language("ok", interface="en", conversation="es") == "es"
    assert i18n.reply_language("nvm", interface=None, conversation=None) in {"en", i18n.django_language()}
    opening = companion.start(lang="es")
    assert opening.language == "es" and "no una persona" in opening.reply
    turns = talk(companion, "estoy agobiada con el trabajo", "no sé", "gracias", lang="en")
    assert all(t.language == "es" and spanish(t.reply) for t in turns[1:]), [t.reply for t in turns]
    turns = talk(companion, "I'm stressed about work", lang="es")
    assert turns[1].language == "en" and not spanish(turns[1].reply)


def test_an_exercise_runs_in_spanish(companion):
    turns = talk(companion, "¿podemos hacer un ejercicio de respiración?", "siguiente", "siguiente", "hecho",
                 "siguiente", lang="en")
    assert "exercise_started:box-breathing" in turns[1].actions
    assert "Respiración cuadrada" in turns[1].reply
    breathing = next(t for t in turns if t.exercise and t.exercise["step"]["type"] == "breathing")
    assert "inspira durante 4" in breathing.reply
    assert breathing.exercise["step"]["labels"] == ["Inspira", "Mantén", "Espira", "Mantén"]
    assert all(t.language == "es" and spanish(t.reply) for t in turns[1:]), [t.reply for t in turns]
    done = turns[-1]
    assert any(a.startswith("exercise_finished") for a in done.actions)


def test_every_text_the_engine_says_has_its_spanish():
    said = set()
    for path in ENGINE.glob("dialogue.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                said.add(node.args[0].value)
    assert len(said) > 250
    for message in said:
        spanish_text = i18n.translate(message, "es")
        assert spanish_text != message or message == "No", message
        assert sorted(re.findall(r"%\(\w+\)s", spanish_text)) == sorted(re.findall(r"%\(\w+\)s", message)), message
        for lang, text in (("en", message), ("es", spanish_text)):
            assert sf.check_reply(re.sub(r"%\((\w+)\)s", r"\1", text), reviewed=True).ok, (lang, text)
    assert not set(MESSAGES) - said  # no stale entries


def test_every_exercise_and_article_has_its_spanish():
    for slug, exercise in exercises().items():
        spanish_exercise = exercise_in(slug, "es")
        assert spanish_exercise["title"] == EXERCISES[slug]["title"]
        for english, step in zip(exercise["steps"], spanish_exercise["steps"], strict=True):
            assert step["text"] != english["text"] and step["id"] == english["id"]
            assert len(step.get("options", [])) == len(english.get("options", []))
            assert [o["value"] for o in step.get("options", [])] == [o["value"] for o in english.get("options", [])]
    assert exercise_in("box-breathing", "en") is exercises()["box-breathing"]
    from hearthside.companion.engine.dialogue import articles
    assert set(articles()) <= set(ARTICLES)


def test_spanish_feelings_and_subjects_are_reflected_in_spanish(companion):
    _open, turn = talk(companion, "Estoy muy estresada con los exámenes de la semana que viene", lang="en")
    assert "reflection_of_feelings" in turn.strategies and "exámenes" in turn.reply
    assert "stressed" in turn.feelings and spanish(turn.reply)


# ---------------------------------------------------------------------------------------------
# 5. Never the same paragraph twice in a row; several phrasings, chosen deterministically.

REPEATS = [
    ("en", [CRISIS_EN, *["never mind"] * 6]), ("es", [CRISIS_ES, *["olvídalo"] * 6]),
    ("en", ["hi", *["ok"] * 6]), ("en", ["I'm anxious about work", *["I don't know"] * 6]),
    ("en", [ASKED_EN, *["lol"] * 6]), ("es", ["estoy triste", *["no sé"] * 6]),
    ("en", [CRISIS_EN, "no", "no", "yes", "yes", "not now", "not now"]),
    ("en", ["I'm stressed", "thanks", "thanks", "thanks", "thanks"]),
]


@pytest.mark.parametrize(("lang", "lines"), REPEATS)
def test_never_the_same_paragraph_twice_in_a_row(companion, lang, lines):
    turns = talk(companion, *lines)
    replies = [t.reply for t in turns]
    assert all(a != b for a, b in zip(replies, replies[1:], strict=False)), replies


def test_wording_varies_between_conversations_but_is_deterministic(companion):
    text = "I'm so stressed about my exams and I can't sleep"
    replies = {talk(companion, text, conversation_id=f"c{i}")[1].reply for i in range(12)}
    assert len(replies) >= 6
    assert talk(companion, text, conversation_id="same")[1].reply == talk(companion, text,
                                                                          conversation_id="same")[1].reply
    crisis = {talk(companion, CRISIS_EN, conversation_id=f"c{i}")[1].reply for i in range(12)}
    assert len(crisis) >= 4


# ---------------------------------------------------------------------------------------------
# 6. What the screener's reasons mean to the companion.

MODEL = [{"construct": "model", "modifiers": []}]


def test_a_lift_by_the_screeners_model_alone_gets_support_not_the_question():
    assert sf.evaluate("I'm so stressed about work", "moderate", reasons=MODEL).verdict == sf.SOFT
    assert sf.evaluate("I feel hopeless and worthless", "moderate",
                       reasons=[{"construct": "hopelessness", "modifiers": []}, *MODEL]).verdict == sf.ASK
    assert sf.evaluate("I'm tired of it", "moderate",
                       reasons=[{"construct": "passive_ideation", "modifiers": []}]).verdict == sf.ASK
    assert sf.evaluate("I'm stressed", "moderate", reasons=[]).verdict == sf.ASK  # a screener without reasons


def test_explicit_intent_is_crisis_unless_the_screener_discounted_it():
    assert sf.evaluate("I want to kill myself", "none", reasons=[]).verdict == sf.CRISIS
    negated = [{"construct": "active_ideation", "modifiers": ["negated"]}]
    assert sf.evaluate("I want to kill myself", "low", reasons=negated).verdict == sf.ASK
    mention = [{"construct": "third_person_concern", "modifiers": ["third_person"]}]
    assert sf.evaluate("my friend talked about suicide", "low", reasons=mention).verdict == sf.SOFT
    # A Spanish message the screener found nothing in: the companion's own reading decides.
    assert sf.evaluate("me quiero matar", "none", reasons=[], lang="es").verdict == sf.CRISIS
    assert sf.evaluate("ya no quiero estar aquí", "none", reasons=[], lang="es").verdict == sf.CRISIS


def test_factors_add_up_across_turns():
    assert sf.evaluate("I feel trapped", "none").verdict == sf.SOFT
    assert sf.evaluate("I feel trapped", "none", prior=[["hopeless"]]).verdict == sf.ASK
    assert sf.evaluate("I've been saving up my pills", "none", prior=[["hopeless"], ["burden"]]).verdict == sf.ASK
    assert sf.evaluate("I gave my guitar away, I won't be needing it", "none",
                       prior=[["hopeless"], ["burden"]]).verdict == sf.CRISIS
    assert sf.evaluate("I feel trapped", "none", prior=[["hopeless"]] + [[]] * 6).verdict == sf.SOFT  # long ago


def test_a_plain_no_is_not_held_against_the_model_or_the_earlier_messages():
    assert sf.explicit_no("No, I'm not", "moderate", MODEL)
    assert sf.explicit_no("No, I'm not", "high", [{"construct": "conversation"}, *MODEL])
    assert not sf.explicit_no("No, I'm not", "moderate", [{"construct": "active_ideation", "modifiers": []}])
    assert not sf.explicit_no("No, I'm not", "unknown")
    assert not sf.explicit_no("No, I'm not", "moderate", [])


# The reply to a new disclosure inside the crisis flow ("Thank you for telling me..."), in both languages.
NEW_DISCLOSURE = re.compile(r"thank you for (telling|trusting)|i'm glad you told me|gracias por (contármelo|confiarme)"
                            r"|me alegra que me lo hayas dicho", re.I)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_closing_word_in_the_crisis_flow_is_not_thanked_as_a_new_disclosure(companion, lang):
    """Since session 16 the screener reads "ok" or "goodnight" after a wish to die at the wish's level
    (risk across turns). Inside the crisis flow that is the same risk, not a new disclosure: the flow
    goes on with help in view and comes back with its check, as before."""
    opener = CRISIS_EN if lang == "en" else CRISIS_ES
    closing = ["ok", "goodnight", "ok", "goodnight"] if lang == "en" else ["vale", "buenas noches", "ok", "buenas noches"]
    turns, history = [companion.start(lang=lang, conversation_id="t-closing")], []
    for line in [opener, *closing]:  # each message screened with the person's earlier ones, as the app does
        turns.append(companion.respond(turns[-1].state, line, lang=lang, history=list(history)))
        history.append(line)
    assert turns[2].safety_level in ("moderate", "high", "imminent")  # "ok" is read with the wish before it
    assert all("crisis_flow" in t.actions for t in turns[1:]), [t.actions for t in turns[1:]]
    assert not any(NEW_DISCLOSURE.search(t.reply) for t in turns[2:]), [t.reply for t in turns[2:]]
    assert any("crisis_check" in t.actions for t in turns[2:]), [t.actions for t in turns[2:]]


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["what is the point of living", "lol jk", "ok"]),
    ("es", ["¿qué sentido tiene vivir?", "jaja es broma", "vale"]),
])
def test_an_ok_that_the_screener_reads_across_turns_enters_the_flow_without_thanks_for_news(companion, lang, lines):
    """After the safety question was put off, an "ok" that the screener reads at the level of what came
    before enters the crisis flow (an alert is raised) with an opening about what was said earlier, in
    the person's language, not "thank you for telling me this"."""
    turns, history = [companion.start(lang=lang, conversation_id="t-ok")], []
    for line in lines:
        turns.append(companion.respond(turns[-1].state, line, lang=lang, history=list(history)))
        history.append(line)
    last = turns[-1]
    assert "safety_question" in turns[-2].actions
    assert {"crisis_flow", "raise_alert"} <= set(last.actions), last.actions
    assert {"type": "crisis_started", "level": "high", "via": "closing"} in last.effects
    assert not NEW_DISCLOSURE.search(last.reply) and "just told me" not in last.reply, last.reply
    assert last.language == lang and (spanish(last.reply) if lang == "es" else not spanish(last.reply))
