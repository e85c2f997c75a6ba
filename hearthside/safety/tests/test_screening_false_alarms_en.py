"""English false alarms of the rules (session 18, helper en-fp).

A message read at ``moderate`` or above is held in group chat and pages a moderator, so everyday talk
that shares words with crisis language must stay at ``low`` or below.  The families here were found
by screening dev-only corpora (offensive-language tweets, Reddit comments, stressed posts); every
phrase below was written for this file, none is copied from a data set.

Families: "cut" with what is cut (hair, class, someone off, a threat at someone else), "deep cuts"
as a gym chant or an album's lesser-known tracks, "bye" said again or to one person (an insult or a
name), "don't miss me" passed on as advice, going on a date or a trip, "wake up to" a thing,
someone else in "my" house or class who "wants to die", a laugh beside a hyperbole on physical
play, a window seat, an accident with a branch or a door, "all the time" as a whole reply.  The
crisis rows next to them use the same words and must keep their level.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import Screener

from .rules_only import ORDER, RULES

DEFAULT = Screener()

# (everyday text, highest level allowed) -- checked with the default screener and the rules alone.
EVERYDAY: list[tuple[str, str]] = [
    # "cut" followed by what is cut
    ("i really wanna cut my hair short this summer", "low"),
    ("gonna cut my bangs tonight, wish me luck", "low"),
    ("if he talks to my girl again imma cut a bitch", "low"),
    ("this guy keeps calling me, finna cut him off for good", "low"),
    ("i'm gonna cut class tomorrow and sleep in", "low"),
    ("i want to cut them off, they only call when they need money", "low"),
    ("she was gonna cut the cake before everyone sang lol", "low"),
    ("we need to cut corners if we want this done by friday", "low"),
    ("trying to cut carbs again, day two and already grumpy", "low"),
    ("going to cut the grass before the rain comes", "low"),
    ("honestly i need to cut myself some slack this week", "low"),
    ("i cut myself a massive slice of cake, no regrets", "low"),
    ("can you stop cutting me off when i'm talking", "low"),
    ("started cutting my own hair during lockdown and never stopped", "low"),
    ("burned myself on the oven tray again lol", "low"),
    # "deep cuts" that are tracks or a gym chant
    ("playlist tonight is all deep cuts off their second album", "low"),
    ("squats for the lads, deep cuts for the summer bod", "low"),
    ("deep cuts from the band's early demos are the best part", "low"),
    # "bye" said again, or to one person
    ("bye bye", "low"),
    ("bye bitch byeeeee", "low"),
    ("Bye, bye Marcus. Nobody will miss your parking.", "low"),
    ("ok then, bye bye haters", "low"),
    ("if she starts that again just say bye bye and leave", "low"),
    ("hasta la bye bye losers, i'm off on holiday", "low"),
    # "don't miss me" passed on as advice
    ("when he texts that he misses you, tell him don't miss me lol", "low"),
    # going on something, waking up to something
    ("guess she doesn't want to go on a date with me after all", "low"),
    ("my brother doesn't want to go on the trip this year", "low"),
    ("that alarm is not a sound i want to wake up to at 5am", "low"),
    ("honestly your cooking is what i want to wake up to every day", "low"),
    # someone else in "my" house or class
    ("someone at my flat wants to die apparently, they ate the last slice of pizza", "low"),
    ("a guy in my class wants to die on the hill that pineapple belongs on pizza", "low"),
    # hyperbole on physical play with a laugh
    ("my niece had me on the trampoline all afternoon tryna kill myself lol", "low"),
    ("leg day at the gym, squats are gonna kill me lmao", "low"),
    # a window seat, an accident
    ("sitting on my window seat with tea, watching the rain", "low"),
    ("sitting on my window sill, window open, a pigeon walked right in", "low"),
    ("worst day, i hit myself in the eye with a branch while hiking", "low"),
    ("i hit myself on the cupboard door again, third bruise this week", "low"),
    # stressed posts: a verb, a commute, someone else's hand, a habit, violence suffered
    ("the vet said we should exhaust every option before surgery", "low"),
    ("i get so anxious on the train when it stops in the tunnel, i feel trapped", "low"),
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    ("i look after my dad the best i can and i tell my dad that i love him every night", "low"),
    ("she pinned me down and kept banging my head on the floor, i have bruises everywhere", "low"),
    ("no i'm not hurting myself, the burn is from the oven door", "low"),
    ("no i'm not thinking about hurting myself the plaster is from a cooking accident", "low"),
    # a goodbye to a thing, a last day at work, after exams; a treat; a city
    ("goodbye forever, old phone, you served me well", "low"),
    ("bye forever braces!! my teeth are free", "low"),
    ("it's my last day at work today, goodbye everyone and thanks for the cake", "low"),
    ("see you guys on the other side of finals week", "low"),
    ("i'm going to overdose on chocolate this christmas", "low"),
    ("i don't want to live in this town anymore, it's so boring", "low"),
    ("i really want to die my hair pink for the summer", "low"),
    ("been dying my hair since i was fifteen", "low"),
    ("i could kill myself for forgetting mum's birthday again", "low"),
    # how often, as a whole reply
    ("All the time", "low"),
    ("all the time tbh", "low"),
]

# (crisis text, lowest level required) -- checked with the default screener and the rules alone.
CRISIS: list[tuple[str, str]] = [
    ("i want to cut myself", "moderate"),
    ("i want to cut", "moderate"),
    ("i wanna cut so bad", "high"),
    ("gonna cut tonight", "moderate"),
    ("i want to cut my wrists", "high"),
    ("i'm going to cut my arms tonight", "moderate"),
    ("gonna cut my skin again", "moderate"),
    ("i have deep cuts on my arms", "moderate"),
    ("deep cuts again tonight", "moderate"),
    ("fresh cuts again", "moderate"),
    ("bye everyone, this is goodbye", "moderate"),
    ("bye bye world", "moderate"),
    ("i love you all. bye", "moderate"),
    ("please don't miss me", "high"),
    ("i don't want to go on", "moderate"),
    ("i don't want to go on like this", "moderate"),
    ("i don't want to wake up tomorrow", "high"),
    ("i don't want to wake up to another day of this", "moderate"),
    ("i'm so tired of my job i want to die", "moderate"),
    ("i'm done with life", "high"),
    ("i want to kill myself lol", "high"),
    ("on the roof gonna kill myself lol", "high"),
    ("i'm sitting on my window ledge right now", "high"),
    ("i'm sitting on my window sill and it's a long way down", "moderate"),
    ("standing on my window sill right now, nobody else is home", "moderate"),
    ("cut myself in the bathroom during my lunch break", "moderate"),
    ("i hit myself again", "moderate"),
    ("i hit myself with a belt", "moderate"),
    ("i cut myself a few times last night", "moderate"),
    ("started cutting my own skin again", "moderate"),
    ("i burned myself with a lighter", "moderate"),
    ("i burned myself with the iron on purpose", "moderate"),
    ("i'm done. for good this time", "moderate"),
    ("goodbye forever", "high"),
    ("goodbye forever mom", "high"),
    ("this is my last day on earth", "high"),
    ("see you all on the other side", "high"),
    ("i'm going to overdose on my pills tonight", "high"),
    ("going to overdose on caffeine pills tonight", "high"),
    ("i don't want to live in this world anymore", "moderate"),
    ("i want to die", "moderate"),
    ("i could kill myself tonight", "high"),
    ("i want to kill myself for being such a burden", "high"),
    ("i want to die, my life is a mess", "moderate"),
    ("i'm going to step in front of the train tonight", "high"),
    ("i'm holding a knife right now", "high"),
    ("take care of my dog for me. tell my mom that i love her", "high"),
    ("i keep banging my head against the wall until it bleeds", "moderate"),
    ("this time i mean it", "moderate"),
]


@pytest.mark.parametrize("text,level", EVERYDAY)
def test_everyday_talk_stays_low(text, level):
    for name, screener in (("default", DEFAULT), ("rules", RULES)):
        got = screener.screen(text).level
        assert ORDER[got] <= ORDER[level], f"{name}: {got} > {level}: {text!r}"


@pytest.mark.parametrize("text,level", CRISIS)
def test_crisis_nearby_keeps_its_level(text, level):
    for name, screener in (("default", DEFAULT), ("rules", RULES)):
        got = screener.screen(text).level
        assert ORDER[got] >= ORDER[level], f"{name}: {got} < {level}: {text!r}"
