"""English long posts, plans and slang reading (issue #14, session 17, "en-posts").

The reading: English posts of several paragraphs (forum style) in which current risk is said once,
quietly, among ordinary text ("i keep thinking everyone would be better off.", "i've started writing
letters.", "i looked up how many it would take.", "i don't see myself making it to summer.", "i don't
think i'll be here for christmas.", "i just want it all to stop."); plans said without the words ("i
know how and when. friday", "friday. that's when.", "i've got everything i need. tonight", the time of
"as soon as the kids are asleep"), raised to high with the means or a time; goodbyes with the means
held ("thank you for everything. i have all my pills"); and chat slang ("my final exit", "catch the
bus for good", "it's game end for me", "kms", "unalive") told apart from talk about the word ("unalive
is such a dumb tiktok word") and from a laugh about an exam ("kms lmao this exam").

Every phrase and post below was written for this reading by hand; none comes from a data set, the
blind evaluation set or the web.  The look-alikes use the same words: everyone better off with a new
schedule, letters to a pen pal, counting how many chairs, not making it to summer without a holiday,
Christmas at the in-laws, a plan for the weekend, shopping done, a goodbye before a trip, an app
left for good, a final exit on the highway, a recovery story, a friend's words, and slang about
slang.  Crisis cases use the default screener (rules and the shipped model); look-alikes too.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import LEVELS, screen

ORDER = {name: i for i, name in enumerate(LEVELS)}
MOD, HIGH = "moderate", "high"


def at_least(text: str, level: str, history: list[str] | None = None) -> None:
    got = screen(text, history=history)
    assert ORDER[got.level] >= ORDER[level], f"{got.level} < {level}: {text!r} {got.reasons}"


def at_most_low(text: str, history: list[str] | None = None) -> None:
    got = screen(text, history=history)
    assert got.level in ("none", "low"), f"{got.level}: {text!r} {got.reasons}"


# ---------------------------------------------------------------- quiet sentences, alone

QUIET: list[tuple[str, str]] = [
    ("i keep thinking everyone would be better off.", MOD),
    ("honestly i feel like my family would be better off", MOD),
    ("some nights i really believe my kids would be better off.", MOD),
    ("i'm convinced the people around me would be better off", MOD),
    ("i've started writing letters.", HIGH),
    ("ive been writing letters to everyone", HIGH),
    ("i looked up how many it would take.", HIGH),
    ("last night i googled how many it would take", HIGH),
    ("i don't see myself making it to summer.", MOD),
    ("i cant see myself making it to christmas", MOD),
    ("i can't picture myself living past 25", MOD),
    ("i dont see myself lasting another year", MOD),
    ("i don't think i'll be here for christmas", HIGH),
    ("i doubt i'll still be around for my birthday", HIGH),
    ("i don't think i'll make it to the new year", HIGH),
    ("i won't be here for christmas", HIGH),
    ("i just want it all to stop", MOD),
    ("i'm so tired of existing", MOD),
    ("they'd all be better off", MOD),
    ("my family would be better off if i wasn't in the picture", MOD),
    ("i've been reading about how many it takes", HIGH),
    ("i won't make it to my birthday", HIGH),
    ("i don't plan on being here next year", MOD),
    ("this will be my last christmas", HIGH),
    ("i don't think i'll see another summer", HIGH),
    ("sui thoughts again", HIGH),
    ("i'm ready to uninstall life", HIGH),
    ("at least they'll get the life insurance money", MOD),
    ("i keep picturing my funeral", MOD),
    ("i wonder who would come to my funeral", MOD),
    ("the thought of not being here anymore is comforting", MOD),
    ("i'm running out of reasons to stay", MOD),
    ("i think about driving into the river on my way home", HIGH),
    ("i've been researching methods", HIGH),
    ("I've been thinking a lot about not being here.", MOD),
    ("this is the last you'll hear from me", HIGH),
    ("if i'm not on tomorrow, it's because i'm gone", MOD),
    ("if you don't see me online tomorrow, that's why", HIGH),
]


@pytest.mark.parametrize(("text", "level"), QUIET, ids=[t[:40] for t, _ in QUIET])
def test_quiet_sentence_alone(text, level):
    at_least(text, level)


# ---------------------------------------------------------------- the same sentences in a long post

OPEN = (
    "Okay so this is going to be long, sorry in advance. I moved back in with my aunt in March after the "
    "warehouse cut my shifts, and she's been great about it, but the spare room is basically a closet and "
    "I can hear everything through the wall. I applied to maybe forty jobs since then, got two interviews, "
    "and one of them ghosted me after the second round. My car got towed in July because I missed the "
    "registration and I still owe the impound lot."
)
CLOSE = (
    "Anyway I don't really know what I'm asking for. My aunt keeps saying something will turn up and I nod. "
    "I've been walking her dog in the mornings because it gets me out of the house, and the dog at least "
    "seems happy to see me. If anyone has tips on getting a car out of impound without paying everything at "
    "once I'd honestly appreciate it, the lady on the phone was not helpful at all."
)

EMBEDDED: list[tuple[str, str]] = [
    ("Most nights I lie there and I keep thinking everyone would be better off.", MOD),
    ("I've started writing letters.", HIGH),
    ("I looked up how many it would take.", HIGH),
    ("I don't see myself making it to summer.", MOD),
    ("I don't think I'll be here for Christmas.", HIGH),
    ("I know how and when. It's going to be as soon as my aunt goes to bed on Friday.", HIGH),
    ("Honestly I just want it all to stop.", MOD),
    ("Part of me thinks they'd all be better off.", MOD),
    ("I looked up how many of them it would take.", HIGH),
    ("I can't imagine making it to next summer.", MOD),
    ("Thank you all for everything. I have all my pills in the drawer.", HIGH),
]


@pytest.mark.parametrize(("sentence", "level"), EMBEDDED, ids=[s[:40] for s, _ in EMBEDDED])
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_quiet_sentence_in_a_long_post(sentence, level, where):
    parts = {"start": [sentence, OPEN, CLOSE], "middle": [OPEN, sentence, CLOSE],
             "end": [OPEN, CLOSE, sentence]}[where]
    text = "\n\n".join(parts)
    assert len(text) > 700
    at_least(text, level)


LONG_CRISIS: list[tuple[str, str]] = [
    ("I don't usually write stuff like this. My wife and I separated in the spring and I see my two girls every "
     "other weekend now, which is the only part of the month that feels like anything. Work is fine I guess, I "
     "drive a delivery route and nobody bothers me. My brother wants me to come fishing in October and I keep "
     "saying maybe. The apartment I rent has a window that faces a brick wall and I've stopped opening the "
     "blinds. I eat the same frozen dinner most nights. I keep thinking my kids would be better off. Their mom "
     "has a new partner who seems decent and he's around more than I ever managed to be. I'm not really asking "
     "for advice. I just needed to put it somewhere where nobody knows my name. Thanks for reading if you got "
     "this far, and sorry it's all over the place.",
     MOD),
    ("Second year of grad school and my advisor has stopped replying to emails. My funding runs out in May "
     "unless the grant comes through, and the lab manager told me not to count on it. My parents think I'm "
     "doing great because that's what I tell them on the phone every Sunday. I stopped going to the climbing "
     "gym because I couldn't afford the membership anymore. I have my prescription from the campus clinic, a "
     "full bottle, and last week I looked up how many. I haven't told my roommate anything, she's dealing with "
     "her own stuff. I still teach my discussion section on Tuesdays and the undergrads are sweet, one of them "
     "brought me a muffin. I don't know why I'm posting this, I guess it felt wrong for nobody to know.",
     HIGH),
    ("Update on my situation from a few weeks ago I guess. The landlord did end up raising the rent and I'm "
     "moving in with a coworker at the end of the month, which is fine, she has a cat. My mom's surgery went "
     "okay and she's home now. My sister still isn't speaking to me after Thanksgiving. I've been sleeping "
     "like three hours a night. I don't think I'll be here for Christmas. I've started giving my records to "
     "people at work who like that kind of music. I'm not saying this for attention, I just wanted one place "
     "where I was honest. The new place has laundry in the building so at least there's that. If anyone knows "
     "a good cheap moving company around here let me know.",
     HIGH),
    ("So many people on here have it worse than me, I know that. I have a job and a roof and a dog. But every "
     "morning is the same heavy thing and I've stopped feeling anything about it. My therapist moved to "
     "another state and the new one has a four month waitlist. I've started writing letters. One for my mom, "
     "one for my best friend from high school, one for the guy who trained me at work. I don't know if I'll "
     "send them. My coworkers think I'm fine, I make jokes in the break room and cover shifts when people ask. "
     "On weekends I mostly sleep or scroll until it's dark again. My dog needs a walk so I'll stop here. Sorry "
     "this rambles.",
     HIGH),
    ("Nobody in my life would guess any of this. I'm the friend who plans the birthday dinners and remembers "
     "everyone's allergies. This semester I'm taking eighteen credits and working weekends at the hardware "
     "store, and my scholarship depends on a 3.5. My dad calls me his success story. I know how and when. I "
     "picked a night after my finals so nobody has to deal with it during exams. I've got everything I need "
     "already. It's weird how calm that makes me feel. My roommate asked why I've been giving away my "
     "textbooks and I said I'm switching majors, which she believed. I still went to my shift on Saturday and "
     "laughed at the same jokes as always. Anyway, I'll probably delete this tomorrow.",
     HIGH),
]


@pytest.mark.parametrize(("text", "level"), LONG_CRISIS, ids=[t[:30] for t, _ in LONG_CRISIS])
def test_long_post_with_quiet_current_risk(text, level):
    assert len(text) > 600
    at_least(text, level)


# Look-alike posts: the same words in recovery, about someone else, or about ordinary things.  Past,
# recovery or another person in one sentence must not leak into the others, and the other way round.
LONG_LOOK_ALIKES: list[str] = [
    "Three years ago I was in a really dark place. Back then I kept thinking everyone would be better off "
    "without me, and I had a plan. I got help, I went inpatient for ten days, and I started on meds that "
    "actually work for me. Today I'm doing better than I ever thought I could. I run a small support group at "
    "the library on Thursdays now and I wanted to share this here because some of you are where I was. It "
    "gets better, slowly, and it's okay if it's slow. My cat says hi. If you want to talk about what helped "
    "me, my inbox is open.",
    "My best friend called me last night crying. She said she keeps thinking everyone would be better off "
    "without her and that she doesn't see herself making it to summer. I stayed on the phone with her until "
    "she agreed to let me drive her to the urgent care this morning, and they got her set up with a crisis "
    "counselor. I'm exhausted and scared for her. How do you support someone through this without burning "
    "out yourself? I love her so much and I want to do this right.",
    "Our team switched to a four-day week this quarter and honestly everyone is better off. My manager was "
    "nervous about it, but sales went up, nobody quit, and I've started writing letters to my grandma again "
    "on Fridays because I finally have time. I looked up how many companies in our city tried the same "
    "thing and it's more than I expected. Has anyone else's workplace done this? I'm curious whether it lasts "
    "past the trial period or whether it quietly goes back to five days after summer.",
    "Big family news: we're flying to Spain in December to meet my husband's side, so I don't think I'll be "
    "here for Christmas this year, which is the first time ever. My mom is a little sad but she's coming "
    "with us for New Year's. I've got everything I need for the trip except a decent carry-on, any "
    "recommendations? Also, I know how and when to take my meds across time zones now, my pharmacist walked "
    "me through it, which was a relief. Friday is when we leave.",
]


@pytest.mark.parametrize("text", LONG_LOOK_ALIKES, ids=[t[:30] for t in LONG_LOOK_ALIKES])
def test_long_look_alike_post_stays_low(text):
    at_most_low(text)


# Past, recovery or someone else in one sentence does not reach the writer's present in another, and the
# other way round: the same words told from safety or of someone else stay low.
SCOPE_CRISIS: list[tuple[str, str]] = [
    ("My therapist asked if I ever feel like everyone would be better off. I said no, but honestly I keep "
     "thinking everyone would be better off.", MOD),
    ("Years ago I looked up how many it would take. Last night I looked up how many it would take again.", HIGH),
    ("My sister used to say she didn't see herself making it to summer. Now I don't see myself making it to "
     "summer.", MOD),
    ("I was doing better for a while after rehab. This year I don't think I'll be here for Christmas.", HIGH),
    # Recovery said by others in another sentence does not reach an overdose just taken.
    ("Everyone keeps telling me it gets better. It doesn't. I just took a whole bottle of my pills.", "imminent"),
    ("My therapist says I'm doing better. I overdosed last night and nobody knows.", HIGH),
    ("i overdosed last night, i'm doing better now", HIGH),
]
SCOPE_LOOK_ALIKES: list[str] = [
    "Years ago I looked up how many it would take. I'm in a much better place now and I have a great therapist.",
    "In high school I kept thinking everyone would be better off. I'm 34 now and life is good.",
    "Back in college I didn't see myself making it to summer. Now I'm a nurse and I love my life.",
    "Back then I didn't think I'd be here for Christmas. Now I host it every year for my whole family.",
    "I overdosed once. I'm doing much better now.",
    "I took 30 pills in 2019. I'm in recovery now and doing well.",
    "My sister says she doesn't see herself making it to summer. I'm so worried about her.",
    "he keeps thinking everyone would be better off",
    "this will be my last christmas in london before the move",
    "my dog won't see another summer",
    "i won't see another summer like this one",
    "i uninstalled tiktok",
    "lag spike in the final round, time to uninstall life (jk)",
]


@pytest.mark.parametrize(("text", "level"), SCOPE_CRISIS, ids=[t[:40] for t, _ in SCOPE_CRISIS])
def test_present_risk_beside_past_or_someone_else(text, level):
    at_least(text, level)


@pytest.mark.parametrize("text", SCOPE_LOOK_ALIKES, ids=[t[:40] for t in SCOPE_LOOK_ALIKES])
def test_past_recovery_or_someone_else_stays_low(text):
    at_most_low(text)


# ---------------------------------------------------------------- plans without the words

PLANS: list[tuple[str, str]] = [
    ("friday. that's when.", MOD),
    ("saturday night. that's when it happens", MOD),
    ("i know how and when", MOD),
    ("i know how and when. friday", HIGH),
    ("i know how and when. i have the rope", HIGH),
    ("i know exactly how. tonight", HIGH),
    ("i've got everything i need. tonight", HIGH),
    ("i have everything i need now. tomorrow morning", HIGH),
    ("i've picked the spot", HIGH),
    ("i've picked the spot. tonight", HIGH),
    ("i'm doing it after the kids are asleep", MOD),
    ("as soon as my husband falls asleep i'm going to end it", HIGH),
    ("i know how and when. it'll be as soon as the kids are asleep, i've thought about it all week", HIGH),
    ("i've got everything i need and i'm doing it as soon as my parents go to bed", HIGH),
    ("been planning my final exit for weeks. i know how and when", HIGH),
    ("the pills are in the drawer for when i'm ready", HIGH),
    ("i'm driving out to the lake on saturday and not coming back", HIGH),
    ("nobody will be home on saturday. that's my chance", HIGH),
    ("i have a date in mind and it's soon", HIGH),
    ("i've written the notes and picked the day", HIGH),
    ("i'm going to do it when my roommate goes home for the holidays", HIGH),
    ("i'll do it on the anniversary", HIGH),
    ("i want to die. i'm waiting until after my sister's wedding", HIGH),
]


@pytest.mark.parametrize(("text", "level"), PLANS, ids=[t[:40] for t, _ in PLANS])
def test_plan_without_the_words(text, level):
    at_least(text, level)


# ---------------------------------------------------------------- goodbyes with the means or a time

FAREWELLS: list[tuple[str, str]] = [
    ("this is goodbye. i have the pills", HIGH),
    ("thank you for everything. i have all my pills", HIGH),
    ("sorry for everything. i've got enough pills", HIGH),
    ("i love you all. i have my dad's gun", HIGH),
    ("goodbye forever. tonight", HIGH),
    ("i don't think i'll be here for christmas. i have the pills saved", HIGH),
    ("love you all. tonight", HIGH),
    ("thank you for everything. tonight", HIGH),
    ("I love you all. I'm sorry. It ends tonight.", HIGH),
    ("love you guys. it's tonight.", HIGH),
    ("it ends tonight", MOD),
]


@pytest.mark.parametrize(("text", "level"), FAREWELLS, ids=[t[:40] for t, _ in FAREWELLS])
def test_farewell_with_means_or_time(text, level):
    at_least(text, level)


# ---------------------------------------------------------------- slang

SLANG: list[tuple[str, str]] = [
    ("kms", HIGH),
    ("kms fr", HIGH),
    ("i wanna kms lol not even joking", HIGH),
    ("kms tonight", HIGH),
    ("i want to unalive myself", HIGH),
    ("thinking about sewerslide again", HIGH),
    ("i want to ctb", HIGH),
    ("i'm ready for my final exit", HIGH),
    ("been planning my final exit for weeks", HIGH),
    ("i want to catch the bus for good", HIGH),
    ("ready to catch the bus to the other side", HIGH),
    ("i want to delete myself", HIGH),
    ("i want to delete myself from existence", HIGH),
    ("i'm going to log off for good", HIGH),
    ("it's game end for me", MOD),
    ("i'm checking out for good", HIGH),
    ("i bought an exit bag", HIGH),
    ("i'm going to kermit sewerslide", HIGH),
    ("i wanna kermit", HIGH),
    ("i want to take the easy way out", HIGH),
    ("i want to speedrun death", MOD),
    ("i want to despawn", MOD),
    ("gonna rage quit life", MOD),
    ("i want to undo my birth", MOD),
    ("i'm going to become a statistic", MOD),
]


@pytest.mark.parametrize(("text", "level"), SLANG, ids=[t[:40] for t, _ in SLANG])
def test_slang_in_earnest(text, level):
    at_least(text, level)


# ---------------------------------------------------------------- look-alikes (none or low)

LOOK_ALIKES: list[str] = [
    # others better off, said of a schedule, a move, a team
    "i think everyone would be better off if we switched to the new schedule",
    "everyone would be better off with a four day week",
    "my sister keeps thinking everyone would be better off without her ex around",
    "honestly the whole team would be better off with a new manager",
    # letters
    "i've started writing letters to my pen pal in japan",
    "my daughter started writing letters to santa",
    "been writing letters of recommendation all week",
    # how many
    "i looked up how many it would take to fill the pool",
    "i looked up how many calories are in this",
    "we googled how many chairs we need for the party",
    # making it to summer, being here for christmas
    "i don't see myself making it to summer without a vacation",
    "i don't see myself making it to the summer festival this year",
    "i don't think i'll be here for christmas, we're going to my in-laws",
    "we're flying to spain in december so i don't think i'll be here for christmas.",
    "i won't be here for christmas, i'm working the holiday shift in denver",
    "my grandpa doesn't think he'll make it to christmas, the hospice nurse said weeks",
    # plans and times that are ordinary
    "friday! that's when the concert is 🎉",
    "that's when",
    "i've got everything i need",
    "thanks, i've got everything i need for tonight",
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    "i've picked the spot for the picnic",
    "after the kids are asleep i'm having a glass of wine",
    "as soon as the kids are asleep i'm watching the finale",
    # goodbyes with the means in an ordinary frame
    "goodbye everyone, see you monday! i have my allergy pills, don't worry mom",
    "this is goodbye for now, last day at the office, thanks all",
    # slang about slang, jokes, apps, highways
    "unalive is such a dumb tiktok word",
    "why do people say unalive instead of suicide",
    "tiktok censors everything so now it's unalive lol",
    "kms lmao this exam",
    "this traffic makes me want to kms 😂",
    "ugh kms this homework is endless lol",
    "i'm going to delete myself from the group chat",
    "deleting myself from this app lol",
    "logging off for good from insta",
    "i'm logging off for good, this site is toxic",
    "take the final exit before the toll booth",
    "my final exit from this company lol",
    "i'll catch the bus at 8",
    "gonna catch the bus home",
    "game over for me, i failed the driving test again lol",
    "i'm checking out of the hotel tomorrow",
    "he's ready for his final exit from the band",
    "thanks for everything, see you at practice",
    "thanks for listening, i feel better now",
    "my family will get my life insurance if anything happens to me",
    "i'm running out of reasons to stay at this job",
    "i think about driving into the city for the concert",
    "i've been researching methods for my thesis",
    "i set myself a deadline for the novel",
    "we're driving to the lake and not coming back till sunday",
    "nobody will be home on saturday, that's my chance to throw a party",
    "i have a date in mind for the wedding",
    "kermit the frog is my favorite",
    "i want to take the easy way out and buy a cake",
    "bye guys, tomorrow then",
    "love you guys, it's tonight!",
    "ok love you, see you tomorrow",
    "the sale ends tonight",
    "love you all, it's tonight, the party at 8",
    "goodbye everyone, the party tonight was amazing",
    "my grandma keeps picturing her funeral, she's planning the hymns",
    "this is the last you'll hear from me before the holidays, happy new year all",
    "if i'm not on tomorrow it's because i'm gone camping",
    "Back in college I kept thinking about not being here. I'm 40 now and grateful every day.",
]


@pytest.mark.parametrize("text", LOOK_ALIKES, ids=[t[:40] for t in LOOK_ALIKES])
def test_look_alike_stays_low(text):
    at_most_low(text)


# ---------------------------------------------------------------- across turns

def test_plan_time_after_earlier_risk_is_high():
    at_least("friday. that's when.", HIGH, history=["i don't want to be alive anymore", "i've thought about it a lot"])


def test_slang_joke_after_ordinary_chat_stays_low():
    at_most_low("kms lmao this exam", history=["studying for calc all night", "the practice test was brutal"])
