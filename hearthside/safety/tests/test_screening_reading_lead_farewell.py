"""Session 19 (issue #14, the lead's reading): English farewells and plans said without the words.

Every message here was written for this test (not taken from an evaluation set).  The rules alone
are asserted, so a retraining of the shipped model does not move them; the default screener can only
raise what the rules read."""

from __future__ import annotations

import pytest

from hearthside.safety.screening.result import LEVEL_INDEX
from hearthside.safety.screening.screener import Screener

RULES = Screener(base=False)
DEFAULT = Screener()

# (message, the least level the rules must give)
CRISIS = [
    # Farewells.
    ("gave my guitar to my cousin and my games to my brother. won't need them", "moderate"),
    ("just want to say thank you all for everything. you were the best part", "moderate"),
    ("i've said my goodbyes", "moderate"),
    ("signing off for the last time", "moderate"),
    ("don't look for me", "moderate"),
    ("please dont look for me", "moderate"),
    ("gave away my plants today, figured someone should water them after", "moderate"),
    ("thank you for trying to help me. it wasn't your fault", "moderate"),
    ("it's almost over now, i'm at peace", "moderate"),
    ("i left notes about what to do with my body", "high"),
    ("after the funeral i'm going to join her", "high"),
    ("since grandma died i just want to join her", "moderate"),
    ("since mom passed i want to be with her again", "moderate"),
    ("mom if you're reading this, i love you. none of this is on you", "high"),
    ("to whoever finds this, i'm sorry", "high"),
    ("i've written everyone a letter. they'll understand eventually", "moderate"),
    ("this world was never meant for me. goodbye", "moderate"),
    ("leaving this here so someone knows why", "high"),
    ("this is the end of the road for me", "high"),
    ("after tonight none of this will matter", "high"),
    ("what do you think happens after we die? i'll find out soon", "moderate"),
    ("i want my sister to have my ring. tell everyone i'm sorry", "moderate"),
    ("i've made my peace with dying", "high"),
    # The means emoji with what is done with them; the last time seen; a last post alone.
    ("🪢 is ready", "high"),
    ("counting them 💊 42 so far", "high"),
    ("the bottle's empty 💊", "high"),
    ("it's the last time you'll see me 👻", "high"),
    ("my last post 🖤🕊️", "moderate"),
    # Method questions without the words.
    ("how many sleeping pills would it take to not wake up", "high"),
    ("is it true that you just fall asleep if you do it with a car in the garage", "high"),
    ("what's worse for your family, suicide or a long illness", "moderate"),
    ("what happens to your body if you overdose on sertraline", "high"),
    ("is jumping in front of a train instant", "high"),
    ("what's the easiest way to end things", "high"),
    ("best way to go without anyone finding out it was on purpose", "high"),
    ("where is the vein you have to cut", "high"),
    ("how many mg of my sertraline is dangerous", "high"),
    ("asking for real, what dose is lethal", "high"),
    ("can you survive falling from the 8th floor", "high"),
    ("what do you feel right before you die from blood loss", "high"),
    ("can you die from taking a whole bottle of tylenol", "high"),
    ("i'm going to make it look like an accident so my family gets the insurance", "high"),
    # Going out to a place of danger and not coming back.
    ("going to drive to the lake and not come back", "high"),
    ("going to drive out to the lake tonight and not come back", "high"),
    ("taking the car up to the cliffs and never coming back", "high"),
    ("i'm going to the bridge tonight", "moderate"),
    # Plans said through the preparation.
    ("i have it all worked out. saturday when my roommate is at her parents", "high"),
    ("researching which medication works fastest", "high"),
    ("i filled the prescription three times this month at different pharmacies", "high"),
    ("my plan is to take everything i have tonight with vodka", "imminent"),
    ("i took the batteries out of the smoke detector and bought charcoal", "high"),
    ("going to the woods tomorrow with a rope and not telling anyone", "high"),
    ("i rented a car so i can drive off the coast road", "high"),
    ("i checked and the gun safe code is my brother's birthday", "high"),
    ("i measured the height of the balcony", "high"),
    ("i have enough saved up now. tonight", "high"),
    ("the tracks are 5 minutes from my house. i walk there every night and think about it", "moderate"),
]

LOOKALIKES = [
    "we're moving to spain in june, won't need the winter coats anymore",
    "sold my old bike, won't need it in the city",
    "gave my old guitar to my cousin, he's been wanting to learn",
    "someone should water the plants after i leave for my trip",
    "my neighbour will have to feed the cat when i'm in lisbon",
    "i'm finally at peace with the breakup",
    "after years of therapy i'm at peace now",
    "thanks for trying to help me with the printer",
    "thank you all for trying, the fundraiser was amazing",
    "you were the best part of my semester, see you in the fall",
    "don't look for me at the party, i'm skipping it",
    "dont look for me at lunch today",
    "i left instructions for what to do with my stuff while i'm away at camp",
    "going to the bridge tonight to watch the fireworks",
    "we're heading to the lake this weekend and coming back sunday",
    "going to drive to the lake and swim",
    "signing off for the night, see you all tomorrow",
    "logging off for good, this forum got too toxic",
    "i've said my goodbyes to the old house, moving out tomorrow",
    "my grandma died last week, the funeral is friday",
    "after the funeral i'm going to join her family for dinner",
    "after the funeral we are going to join them",
    "it's almost over now, just one more exam",
    "i have it all worked out for the party on saturday",
    "researching which medication works fastest for migraines",
    "i filled my prescription at different pharmacies because of the shortage",
    "we bought charcoal for the bbq and the smoke alarm kept going off",
    "took the battery out of the smoke alarm because it kept beeping",
    "going to the woods tomorrow with my dad and a rope swing",
    "going to the woods with a rope to build a hammock",
    "my plan is to take everything to the charity shop",
    "i plan to take everything i have to the dump tomorrow",
    "what's the code for the gun safe at the range",
    "i measured the height of the balcony for the new railing",
    "the bridge is lovely every evening, i walk there and think about life",
    "when my mom is at work i get the house to myself and play games",
    "i'm going to wait until my roommate leaves for work then clean",
    "if you're reading this, congrats, you found the easter egg",
    "to whoever finds this, please return my wallet",
    "make sure my cat goes to the vet on tuesday",
    "i wrote everyone a letter for christmas",
    "forgive me, i forgot your birthday",
    "i wrote paragraphs to get her to forgive me",
    "my last wish is pizza lol",
    "what happens after we die? big question for philosophy class",
    "i'll find out soon, the results come friday",
    "this is the end of the road for me in this tournament",
    "after tonight none of this will matter, the exam is done",
    "leaving this here so someone knows why the build failed",
    "made my peace with the fact that i'll never be tall",
    "tell everyone i'm sorry i'm late",
    "i want to be cremated when i'm old, my grandma was too",
    "my last post was about my cat lol",
    "it's the last time you'll see me in this costume",
    "the bottle's empty, need to buy more vitamins 💊",
    "counting my pills 💊 for the week, sunday to saturday",
    "🪢 is ready for the climbing trip",
    "can you die from taking 2 advil with beer",
    "my son swallowed a whole pack of gum, can he die from that",
    "what happens if you overdose on vitamin d",
    "is jumping off the high board at the pool scary",
    "which vein do they use for a blood draw",
    "how much tylenol is too much in a day",
    "what dose of ibuprofen is safe for a kid",
    "can a cat survive falling from the 5th floor",
    "the easiest way to end things with your ex is to be honest",
    "what do you feel when you faint from giving blood",
    "which is worse, a cold or the flu",
]


@pytest.mark.parametrize("text,least", CRISIS)
def test_the_rules_read_the_farewell_or_plan(text, least):
    level = RULES.screen(text).level
    assert LEVEL_INDEX[level] >= LEVEL_INDEX[least], (text, level)
    assert LEVEL_INDEX[DEFAULT.screen(text).level] >= LEVEL_INDEX[level]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_the_everyday_look_alike_stays_low(text):
    assert LEVEL_INDEX[RULES.screen(text).level] <= LEVEL_INDEX["low"], text
    assert LEVEL_INDEX[DEFAULT.screen(text).level] <= LEVEL_INDEX["low"], text


# Whole English messages that are nothing but a goodbye, a plan or the time of the deed are high
# alone; the means or the place alone, finality, and the Spanish statements (moderate alone by the
# Spanish rubric) stay moderate.
STRONG_ALONE = [
    "this is goodbye", "ok so this is goodbye", "goodbye forever", "it was nice knowing you all",
    "i've said my goodbyes", "signing off for the last time", "tonight's the night", "doing it tonight",
    "this is my last night", "i know exactly how and when", "i've picked the date", "the plan is set",
    "you will never hear from me again",
]
MODERATE_ALONE = [
    "i bought a rope today", "i'm on the bridge right now", "not long now", "don't look for me",
    "esto es un adiós", "esta noche es la noche", "ya tengo todo listo",
]


@pytest.mark.parametrize("text", STRONG_ALONE)
def test_a_whole_english_goodbye_plan_or_time_is_high_alone(text):
    got = RULES.screen(text)
    assert got.level == "high", (text, got)


@pytest.mark.parametrize("text", MODERATE_ALONE)
def test_the_means_the_place_finality_and_spanish_statements_stay_moderate(text):
    assert RULES.screen(text).level == "moderate", text


@pytest.mark.parametrize("text,least", [
    ("conté las pastillas otra vez. creo que son suficientes", "high"),
    ("conte las pastillas y ya son suficientes", "high"),
    ("conté las pastillas, creo que son suficientes para el mes", "none"),
])
def test_pills_counted_and_found_enough_is_a_spanish_plan(text, least):
    level = RULES.screen(text).level
    if least == "none":
        assert level == "none", text
    else:
        assert LEVEL_INDEX[level] >= LEVEL_INDEX[least], (text, level)


# Across turns: after a wish to die, a reply that only says nobody will notice, that it will be quick or
# painless, or that the letter is finished, is a preparation (high); after ordinary talk it is nothing.
WISH_ES = ["ya no quiero vivir, estoy harta de todo"]
WISH_EN = ["i want to die, i can't do this anymore"]


@pytest.mark.parametrize("history,text", [
    (WISH_ES, "nadie lo notará"), (WISH_ES, "será rápido"), (WISH_ES, "no va a doler"),
    (WISH_ES, "ya terminé la carta"), (WISH_EN, "nobody will notice"), (WISH_EN, "it'll be quick"),
    (WISH_EN, "i finished the letter"),
])
def test_a_reply_of_concealment_speed_or_the_letter_after_a_wish_to_die_is_high(history, text):
    assert RULES.screen(text).level == "none", text
    got = RULES.screen(text, history=history)
    assert got.level == "high", (text, got)
    assert any(r.construct == "conversation" for r in got.reasons)


@pytest.mark.parametrize("history,text", [
    (["el examen es mañana, qué nervios"], "será rápido"), (["tengo que ir al dentista"], "no va a doler"),
    (["my boss wants the report"], "nobody will notice"), (["estoy escribiendo a mi abuela"], "ya terminé la carta"),
    (["cover letter for the job is due"], "i finished the letter"),
])
def test_the_same_replies_after_ordinary_talk_stay_none(history, text):
    assert RULES.screen(text, history=history).level == "none", text
    assert DEFAULT.screen(text, history=history).level in ("none", "low"), text
