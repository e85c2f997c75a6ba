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
- Spanish "llevo meses con ganas de morirme" (living with the wish) was not read at all.

Every phrase here was written for this project; none is copied from a data set or an evaluation set.
The cases are pinned on the rules (``Screener(base=False)``) so a retrained model does not move them.
"""

from __future__ import annotations

import pytest

from hearthside.safety.tests.rules_only import assert_at_least, assert_at_most

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
    "i'm gonna kill myself over this exam lol",
    "i nearly killed myself over that exam last year",
    "ando con ganas de morirme de risa con este video",
    "llevo semanas con ganas de ir a la playa",
    "llevo meses con ganas de cambiar de trabajo",
]


@pytest.mark.parametrize(("text", "least"), CRISIS)
def test_ideation_that_lasts_until_now_reaches_a_person(text, least):
    assert_at_least(text, least)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_past_denied_and_idiomatic_stay_low(text):
    assert_at_most(text, "low")
