"""Crisis language without the words, in English (issue #14): one table per construct.

Each crisis case states the minimum level the default screener (rules + shipped model) must give;
each look-alike must stay at ``low`` or ``none``.  The cases were written for these tests, in
different words from the evaluation sets in ``scripts/eval_data`` (which are never tuned on).
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import screen
from hearthside.safety.screening.engine import assess
from hearthside.safety.screening.result import LEVEL_INDEX

HIGH, MODERATE = "high", "moderate"

CRISIS: list[tuple[str, str, str]] = [
    # means kept in view / at hand, no "kill" or "suicide"
    ("means", "the noose is hanging in the garage and i keep going back to look at it", HIGH),
    ("means", "i keep staring at the rope in the shed", HIGH),
    ("means", "counted my sleeping pills again last night, there's enough", HIGH),
    ("means", "I've been standing on the edge of the car park roof for an hour", HIGH),
    ("means", "sitting on the bridge railing right now. it's very quiet", HIGH),
    ("means", "the belt is already on the closet door hook", HIGH),
    ("means", "the razor is on my bed next to me and i can't stop looking at it", HIGH),
    # plans without the words
    ("plan", "booked a cabin for friday so no one finds me", HIGH),
    ("plan", "everything is set up. i cancelled my therapy sessions", HIGH),
    ("plan", "i have a plan and a date now", HIGH),
    ("plan", "i've been planning my exit for weeks", HIGH),
    # farewells
    ("farewell", "please look after my dog for me. i love you all", HIGH),
    ("farewell", "if you never hear from me again just know it wasn't your fault", HIGH),
    ("farewell", "goodnight forever everyone", HIGH),
    ("farewell", "tell my sister i'm sorry and that i love her", HIGH),
    ("farewell", "my cat deserves someone who'll be around. found her a new home", HIGH),
    ("farewell", "won't need my stuff anymore, you can have my guitar and my games", HIGH),
    # intensity that lifts a wish to be dead
    ("intensity", "i want to die and i mean it this time", HIGH),
    ("intensity", "honestly i want to die. not being dramatic", HIGH),
    ("intensity", "i wish i was dead, every single day", HIGH),
    ("intensity", "I have never wanted to die so badly", MODERATE),
    ("intensity", "i just want it all to end for good", MODERATE),
    # obfuscation
    ("obfuscation", "thinking about s u i c i d e again tonight", HIGH),
    ("obfuscation", "i'm going to k¡ll m¥self", HIGH),
    ("obfuscation", "i wnat to die so bad", HIGH),
    ("obfuscation", "i'm trying not to kms right now", HIGH),
    # severe self-harm
    ("self_harm", "cut way too deep tonight and it won't stop bleeding", HIGH),
    ("self_harm", "self harm isn't enough anymore", HIGH),
    ("self_harm", "i'm running out of places to cut", HIGH),
    # method questions
    ("method_question", "does hanging hurt or is it quick", HIGH),
    ("method_question", "how long does it take to die from an overdose of insulin", HIGH),
    ("method_question", "which cleaning chemicals can kill you if you drink them", HIGH),
    ("method_question", "is the tower bridge high enough", HIGH),
    ("method_question", "what's the quickest way out", HIGH),
    # passive said indirectly
    ("passive", "it would be so much easier if i wasn't around", MODERATE),
    ("passive", "i hope a truck hits me on the way home", MODERATE),
    ("passive", "what is the point of being alive anymore", MODERATE),
    ("passive", "i don't see myself still alive by summer", MODERATE),
    ("passive", "I ask god every night to take me", MODERATE),
    # active, said as safety
    ("active", "i don't feel safe with myself right now", HIGH),
    ("active", "killing myself is all i can think about", HIGH),
    ("active", "i wish i had the courage to go through with it", HIGH),
    # emoji
    ("emoji", "tonight 💊💊💊💊 bye", HIGH),
    ("emoji", "🪢 in the garage. keep looking at it", HIGH),
    ("emoji", "bye everyone 🪦", HIGH),
]

LOOK_ALIKES: list[tuple[str, str]] = [
    ("same_nouns", "we spent the evening on the roof with a bottle of wine, lovely view"),
    ("same_nouns", "bought a new rope for the climbing gym today"),
    ("same_nouns", "counted my pills for the week into the organiser"),
    ("same_nouns", "gave my old guitar to my nephew, he's been learning"),
    ("same_nouns", "booked a hotel for our anniversary friday"),
    ("same_nouns", "took my vitamins 💊 feeling great"),
    ("same_nouns", "standing on the platform waiting for the 8:15 as usual"),
    ("same_nouns", "I'm done with my exams for good, finally free"),
    ("negation", "zero thoughts of ending it, I just need to vent about work"),
    ("negation", "i would never hurt myself, i promise"),
    ("past", "i remember when i wanted to die every day. i don't feel like that anymore"),
    ("past", "three years since my overdose and celebrating being alive today"),
    ("idiom", "this commute is killing me"),
    ("idiom", "I'm dead tired, going to bed now"),
    ("news", "the city is building a fence on the bridge to prevent suicides"),
    ("fiction", "the song is about saying goodbye to a friend who moved away"),
    ("question", "how long does it take to bake a sourdough loaf"),
    ("question", "is the bridge high enough for the bus to pass under"),
    ("everyday", "I gave myself a week off work to rest"),
    ("everyday", "before i go to work i always walk the dog"),
]


@pytest.mark.parametrize(("construct", "text", "minimum"), CRISIS, ids=[f"{c}:{t[:40]}" for c, t, _ in CRISIS])
def test_crisis_without_the_words_reaches_its_level(construct, text, minimum):
    s = screen(text)
    assert LEVEL_INDEX[s.level] >= LEVEL_INDEX[minimum], s.to_dict()


@pytest.mark.parametrize(("kind", "text"), LOOK_ALIKES, ids=[f"{k}:{t[:40]}" for k, t in LOOK_ALIKES])
def test_look_alikes_stay_low(kind, text):
    s = screen(text)
    assert s.level in ("none", "low"), s.to_dict()


def test_a_means_phrase_absorbs_no_plan():
    # "I have ... meds" (the means at hand) contains "saving my meds" (a plan): the plan still counts.
    s = screen("i have been saving my meds")
    assert s.level == "high"
    assert "plan" in {r.construct for r in s.reasons}


def test_a_wish_to_be_dead_said_with_despair_apart_is_high():
    assert screen("I can't take this anymore. I want to die.").level == "high"
    # The same despair alone stays a risk factor.
    assert screen("I can't take this anymore.").level == "low"


# ---------------------------------------------------------------- issue #14: single messages, exact levels
# A review found goodbyes that an ordinary sign-off or departure explains read as farewells, and
# method research and jumps with no place named missed.  Exact levels from the rules (the shipped
# model can only raise them); the look-alikes also stay at ``low`` or less with the default screener.

ISSUE_14_CRISIS = [
    # looking up how much of one's own medication it would take: method research (plan), high
    ("i looked up how many of my pills it would take", "high"),
    ("i googled how many pills it would take", "high"),
    ("i googled how many pills", "high"),
    ("looked up how many of my sleeping pills i'd need", "high"),
    ("i've been looking up how many of my meds would be enough", "high"),
    ("i checked how many of my pills it would take to not wake up", "high"),
    ("how many of my pills would it take", "high"),
    ("i looked up how much tylenol it would take", "high"),
    # a jump with no place named, as a plan or intent: high; with a time, or at a height: imminent
    ("i'm planning to jump", "high"),
    ("i'm planing to jump", "high"),
    ("i'm plannin to jump", "high"),
    ("i'm gonna jump off", "high"),
    ("im gonna jump", "high"),
    ("gonna jump.", "high"),
    ("i'm going to jump", "high"),
    ("i'm about to jump", "high"),
    ("i want to jump", "high"),
    ("thinking about jumping", "high"),
    ("i'm gonna jump tonight", "imminent"),
    ("imma jump tonight", "imminent"),
    ("im on the roof of my building and im going to jump", "imminent"),
    # ... said in the past: an attempt stopped short (moderate; high when recent)
    ("i was ready to jump", "moderate"),
    ("last night i was about to jump", "high"),
    # burden alone is a risk factor (low); with a wish to be dead said apart, high
    ("I'm tired of being a burden to everyone", "low"),
    ("i'm a burden to everyone", "low"),
    ("I'm tired of being a burden to everyone. I wish I wouldn't wake up", "high"),
    # farewells that stay farewells: no sign-off, a sign-off that is itself final, or risk beside it
    ("thanks for everything, goodbye everyone", "high"),
    ("won't need them where i'm going", "high"),
    ("i won't be here tomorrow", "high"),
    ("thanks for everything, goodbye everyone. see you on the other side", "high"),
    ("thanks for everything, goodbye everyone. see you when i'm gone", "high"),
    ("see you at my funeral. thanks for everything, goodbye everyone", "high"),
    ("i want to die. thanks for everything, goodbye everyone. see you tomorrow", "high"),
    ("so tired of being a burden. thanks for everything, goodbye everyone, see you tomorrow", "high"),
]

ISSUE_14_LOOKALIKES = [
    # a goodbye with a sign-off that meets again, or a departure for a reason
    ("thanks for everything, goodbye everyone! see you at the reunion", "none"),
    ("thanks for everything, goodbye everyone! see you tomorrow", "none"),
    ("see you all tomorrow, bye!", "none"),
    ("i wanted to say goodbye to everyone, see you next week", "none"),
    ("this is goodbye everyone, see you next season", "none"),
    ("won't need them anymore, see you next week", "none"),
    ("won't need them where i'm going, it's freezing lol", "none"),
    ("i won't need my coat where i'm going, moving to dubai", "none"),
    ("i won't need it anymore, we're moving to spain", "none"),
    ("i won't need these anymore, i graduated", "none"),
    ("please look after my dog for me while i'm on holiday, see you in two weeks", "none"),
    ("i won't be around next week, going on holiday", "none"),
    # pills looked up for an ordinary reason, or counted for the week
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    ("i googled how many pills of ibuprofen i can take for a migraine", "none"),
    ("checked how many of my pills i have left for the week", "none"),
    ("i never looked up how many pills it would take", "low"),
    # jumping into things, someone else jumping, or not jumping
    ("i'm gonna jump in the pool", "none"),
    ("i'm planning to jump on a call at 3", "none"),
    ("i'm going to jump ship and take the new job", "none"),
    ("gonna jump rope at the gym", "none"),
    ("gonna jump off the deep end with this project", "none"),
    ("planning to jump into the project next week", "none"),
    ("we're going to jump!", "none"),
    ("prices will jump.", "none"),
    ("the cat is about to jump", "none"),
    ("i was planning to jump but the water was too cold", "none"),
    ("i'm not going to jump", "low"),
    ("my friend said he is going to jump", "low"),
]
# Session 8: an ending with a time said of "it all", goodbyes given with a reason, and things that
# end or are made peace with that are not the writer's life.
ISSUE_14_CRISIS += [
    ("it all ends tonight", "high"),
    ("tonight it all ends", "high"),
    ("by tomorrow i'll be gone", "high"),
    ("by morning i'll be dead", "high"),
    ("i've made my peace", "high"),
    ("i've made my peace with it", "high"),
    ("i won't be a problem for much longer", "high"),
    ("i want to die. soon it will all be over", "high"),
    ("i gave my dog to my sister, she'll take better care of him than i could", "moderate"),
    ("gave my guitar away and deleted my socials", "moderate"),
]
ISSUE_14_LOOKALIKES += [
    ("i've made my peace with my ex", "none"),
    ("i made my peace with my dad before he passed", "none"),
    ("i've made my bed", "none"),
    ("the show ends tonight", "none"),
    ("it all ends tonight, season finale!! so excited", "none"),
    ("everything ends tonight, the sale is 50% off", "none"),
    ("tonight's the night, first date in 2 years lol", "none"),
    ("i said goodbye to everyone at work today, new job monday", "none"),
    ("by tomorrow i'll be gone, flight at 6am", "low"),
    ("soon it will all be over, exams finish friday", "none"),
    ("my sister will take better care of him than i could while i'm travelling", "none"),
    ("bye everyone, see you tomorrow", "none"),
    ("i deleted my socials, too much drama lol", "none"),
]
# Session 9 (read from the SDCNL dev misses, written anew here): death as the only option said
# with "seems to be" or "my", not wanting to be talked out of it, suicide foreseen, a noose made by
# the writer, how easy or painful a death would be, how much would be enough, an easy way out
# sought; "end my life over a girl" is not the hyperbole "killed myself over that exam".
ISSUE_14_CRISIS += [
    ("honestly dying seems to be the only option left", "high"),
    ("ending it feels like my only way out", "high"),
    ("suicide is my only option at this point", "high"),
    ("please don't try to talk me out of it, i don't want to be talked out of it", "high"),
    ("sometimes i think i'm destined to die by suicide", "high"),
    ("i made a rope noose", "high"),
    ("tied a makeshift noose last night", "high"),
    ("how easy is it to die by drowning", "high"),
    ("how painful is it to drown?", "high"),
    ("how many of these is enough to kill me", "high"),
    ("i just need to find an easy way out", "high"),
    ("i'm going to end my life over this", "high"),
    ("i'm going to end my life over a girl and i know it", "high"),
]
ISSUE_14_LOOKALIKES += [
    ("therapy seems to be my only option now", "none"),
    ("dying seems to be the only option for the hero in act three", "none"),
    ("my friend says dying seems like the only option", "low"),
    ("i would never let myself be talked out of it, this diet works", "none"),
    ("my sister made a rope noose for the halloween display", "none"),
    ("we made a rope noose for the school play", "none"),
    ("i tied a rope noose knot at scouts", "none"),
    ("how easy is it to die in dark souls?", "none"),
    ("how long would it be to drown a phone before it stops working", "none"),
    ("is 2 coffees enough to kill me lol", "none"),
    ("i'm looking for an easy way out of my phone contract", "none"),
    ("i almost killed myself over that exam lol", "none"),
    ("i am not going to end my life over a breakup", "low"),
]
# The rules leave this one at none; the shipped model reads it as moderate on its own.
ISSUE_14_RULES_ONLY_LOOKALIKES = [
    ("i looked up how many of my pills it would take to last the trip", "none"),
]


@pytest.mark.parametrize(("text", "level"), ISSUE_14_CRISIS, ids=[t[:40] for t, _ in ISSUE_14_CRISIS])
def test_issue_14_crisis_gets_its_exact_level(text, level):
    s = assess(text).screening
    assert s.level == level, s.to_dict()
    assert LEVEL_INDEX[screen(text).level] >= LEVEL_INDEX[level]


@pytest.mark.parametrize(("text", "level"), ISSUE_14_LOOKALIKES + ISSUE_14_RULES_ONLY_LOOKALIKES,
                         ids=[t[:40] for t, _ in ISSUE_14_LOOKALIKES + ISSUE_14_RULES_ONLY_LOOKALIKES])
def test_issue_14_look_alikes_get_their_exact_level(text, level):
    s = assess(text).screening
    assert s.level == level, s.to_dict()
    assert level in ("none", "low")


@pytest.mark.parametrize(("text", "level"), ISSUE_14_LOOKALIKES, ids=[t[:40] for t, _ in ISSUE_14_LOOKALIKES])
def test_issue_14_look_alikes_stay_low_with_the_shipped_model(text, level):
    assert screen(text).level in ("none", "low"), screen(text).to_dict()


def test_an_ordinary_sign_off_drops_only_the_goodbye():
    # The sign-off drops the goodbye; the wish to be dead beside it still counts, with the goodbye.
    assert {r.construct for r in assess("thanks for everything, goodbye everyone! see you at the reunion")
            .screening.reasons} == set()
    s = assess("i want to die. thanks for everything, goodbye everyone. see you tomorrow").screening
    assert {"passive_ideation", "farewell"} <= {r.construct for r in s.reasons}
