"""Ideation that has lasted until now, and a few readings forum posts need (issue #14, session 25).

Reading the r/SuicideWatch posts of the dev data that the default screener left below ``moderate``
although they use the words showed grammar, not vocabulary, at fault:

- a present perfect with a span of time ("I've had suicidal thoughts for years", "i've wanted to die
  since i was a kid") was read as the remote past, because "for years" and "since i was" are cues of
  it; the thoughts have lasted until now;
- "(i'm in college now), i'm having suicidal thoughts again": "in college" set the thoughts in the past;
- "why i shouldn't just kill myself over spring break": "kill myself over ..." was read as hyperbole
  ("over that exam"); over a span of time it is not;
- "i have depression and have struggled with suicide": a struggle with suicide itself was not read;
- Spanish "llevo meses con ganas de morirme" (living with the wish) was not read at all;
- pills counted out and then taken ("conté veinte pastillas y me las tomé", "counted twenty pills and
  took them") and deciding whether to go on living ("tengo que decidir si quiero vivir") were left to the
  shipped model, which a retraining moved below its thresholds.

Every phrase here was written for this project; none is copied from a data set or an evaluation set.
The cases are pinned on the rules (``Screener(base=False)``) so a retrained model does not move them.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening.screener import Screener
from hearthside.safety.tests.rules_only import ORDER, RULES, assert_at_least, assert_at_most, why

DEFAULT = Screener()

# (message, the least level the rules must give it): each was lower with the rules before.
CRISIS = [
    ("I've had suicidal thoughts for years.", "high"),
    ("ive been having suicidal thoughts for years and lately they're getting louder", "high"),
    ("i have had suicidal thoughts since i was 13 and nobody in my family knows", "high"),
    ("i've wanted to die since i was a kid, it never really went away", "moderate"),
    ("been in therapy for ages. i've had suicidal ideation since high school and it's bad this month", "high"),
    ("first time since my divorce (i'm in college now, went back at 40), i'm having suicidal thoughts again",
     "high"),
    ("honestly i don't see why i shouldn't kill myself over the holidays, nobody will be around anyway", "high"),
    ("thinking about killing myself over the weekend while my roommate is away", "high"),
    ("i have bipolar and have struggled with suicide, and this week is one of the worst", "high"),
    ("i've been struggling with suicide for a long time and i'm tired", "high"),
    ("battling suicidality every single day and i dont know how much longer i can", "high"),
    ("llevo meses con ganas de morirme y no se lo he dicho a nadie", "moderate"),
    ("ando con ganas de morir desde que me dejaron sin trabajo", "moderate"),
    ("llevo semanas con ganas de matarme, ya no sé qué hacer", "high"),
    # Pills counted out and then taken, and deciding whether to go on living: the model used to carry these.
    ("i counted out the tablets on the desk and took them all", "imminent"),
    ("lined up my pills and swallowed every one. im scared now", "imminent"),
    ("separé quince pastillas y ya me las tomé", "imminent"),
    ("i need to decide whether i want to keep living", "moderate"),
    ("necesito decidir si vale la pena seguir viviendo", "moderate"),
]

# Look-alikes of the same shapes that must stay at ``low`` or below.
LOOK_ALIKES = [
    "It's been years since I had suicidal thoughts.",
    "I haven't had suicidal thoughts for years, therapy really helped",
    "I have had no suicidal thoughts since i was 15",
    "in college i wanted to die all the time. now i'm fine, married, two kids",
    "i struggled with suicide in high school but i'm doing well now",
    "i'm not struggling with suicide, just really tired of this job",
    "my uncle struggled with suicide for years and we never talked about it",
    "our charity struggles with suicide prevention funding every winter",
    "the army has struggled with suicide for decades",
    "veterans struggle with suicide every day and the VA ignores it",
    "my son has been struggling with suicide since march",
    "i'm gonna kill myself over this exam lol",
    "i nearly killed myself over that exam last year",
    "ando con ganas de morirme de risa con este video",
    "llevo semanas con ganas de ir a la playa",
    "llevo meses con ganas de cambiar de trabajo",
    "counted the old pills and took them back to the pharmacy",
    "conté las pastillas y me las tomé con jugo como dijo el doctor",
    "conté las pastillas del perro y me las llevé al veterinario",
    "tengo que decidir si quiero vivir en madrid o en lisboa",
    "i have to decide if i want to live in leeds or in york",
]


@pytest.mark.parametrize(("text", "least"), CRISIS)
def test_ideation_that_lasts_until_now_reaches_a_person(text, least):
    assert_at_least(text, least)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_past_denied_and_idiomatic_stay_low(text):
    assert_at_most(text, "low")


# ---------------------------------------------------------------- the retrained model's false alarms
# Session 25 retrained the shipped model on 2,947 more written lines at C = 16 (docs/models.md). On
# batches written afterwards it finds more crisis messages at the same look-alike rate, but it lifts
# these look-alikes that earlier tests pinned as staying low with the shipped model (about 0.5 % of the
# look-alike cases the suites check with it). They are kept here, in one place, so the trade stays
# visible: the rules alone keep every one at ``low`` or below, and the default screener may raise them
# no further than ``most`` (a human looks at a ``moderate``).
# (earlier messages, message, most the default screener may give)
MODEL_LIFTS = [
    ([], "cuantos metros tiene el puente mas alto del mundo?", "moderate"),
    ([], "⚰️ ya quiero que sea halloween", "moderate"),
    ([], "ya estoy lista 🎃⚰️ para halloween", "moderate"),
    ([], "me corté con un vidrio y la sangre no para, voy a urgencias", "moderate"),
    ([], "I took 2 sleeping pills and went to bed", "moderate"),
    ([], "not a day goes by where i don't think about my grandma", "moderate"),
    ([], "sería un alivio para todos si no estuviera lloviendo", "moderate"),
    ([], "i wrote goodbye letters to my coworkers on my last day", "moderate"),
    ([], "i looked up how many pills i need to take for my headache", "moderate"),
    ([], "i keep picturing what my ex would look like holding a knife, it's been a rough year", "moderate"),
    ([], "no dejo de pensar en mi abuela que se quiso morir", "moderate"),
    ([], "pienso en lo fácil que sería acabar con todo el trabajo hoy", "moderate"),
    ([], "pienso en terminar con todo lo pendiente", "moderate"),
    ([], "i know how and when to take my meds now", "moderate"),
    ([], "te lo juro que no fui yo", "moderate"),
    ([], "estuve viendo departamentos, el del piso 8 es suficiente", "moderate"),
    (["ya conseguí trabajo"], "ya no voy a ser una carga para mis papás", "moderate"),
    # Lifted to high: a weak plan the rules read (a method known) that the model is sure of, and a goodbye
    # after a grandfather's death.
    ([], "ya sé cómo hacerlo, gracias profe", "high"),
    (["mi abuelo falleció", "ya no lo voy a volver a ver"], "gracias por todo, de verdad", "high"),
]


@pytest.mark.parametrize(("history", "text", "most"), MODEL_LIFTS, ids=[t[:40] for _, t, _ in MODEL_LIFTS])
def test_look_alikes_the_retrained_model_lifts_stay_low_with_the_rules(history, text, most):
    assert_at_most(text, "low", history=history)
    got = DEFAULT.screen(text, history=history)
    assert ORDER[got.level] <= ORDER[most], (history, text, got.level, why(got))


# (earlier messages, a goodbye, the level the conversation gives it): the retrained model reads the goodbye
# alone at that level already, so only the rules show the conversation's part.
GOODBYES_AFTER_RISK = [
    (["tengo ganas de morirme", "de verdad ya no quiero seguir"], "perdón por todo", "high"),
    (["no sé cuánto más voy a aguantar", "ya nada vale la pena"], "bueno, gracias x todo", "moderate"),
]


@pytest.mark.parametrize(("history", "text", "least"), GOODBYES_AFTER_RISK, ids=[t for _, t, _ in GOODBYES_AFTER_RISK])
def test_a_goodbye_after_risk_reaches_the_conversations_level(history, text, least):
    assert_at_least(text, least, history=history)
    assert ORDER[RULES.screen(text).level] < ORDER[least]
    assert ORDER[DEFAULT.screen(text, history=history).level] >= ORDER[least]
