"""Session 16 reading (issue #14): intensity and finality, and plans said without the words.

The reading: a blind set showed the default screener missing most messages that say finality
("I really mean it this time", "no turning back now", "nothing is going to stop me", "ya está
decidido", "se acabó, de verdad") or a plan with no method named ("i've picked the place", "i know
when and how", "everything is ready for tonight", "ya sé cómo y cuándo", "cuando se duerman lo
hago"). They count as a whole short message, or beside other risk; the same words in an idiom, a
joke, news, a song, the past, concern for someone else, or about an ordinary occasion (a party, a
trip, a job, quitting smoking) stay at ``low`` or below.

Every phrase below was written for these tests, anew; none is taken from the evaluation sets in
``scripts/eval_data`` or from any corpus. Crisis cases are checked with the rules alone (the rule,
not the shipped model, must reach the level); look-alikes with the default screener (rules + model).
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import screen
from hearthside.safety.screening.bare import plain_tone
from hearthside.safety.screening.engine import assess
from hearthside.safety.screening.result import LEVEL_INDEX

MOD, HIGH, IMM = "moderate", "high", "imminent"

# (kind, text, lowest level the rules alone must give)
CRISIS: list[tuple[str, str, str]] = [
    # English finality as a whole message
    ("final-en", "no more trying", MOD),
    ("final-en", "no more trying. i'm done", MOD),
    ("final-en", "im not going to try anymore", MOD),
    ("final-en", "I'm not coming back from this one", MOD),
    ("final-en", "i wont be coming back from this", MOD),
    ("final-en", "theres no coming back from this one", MOD),
    ("final-en", "nothing is going to stop me", MOD),
    ("final-en", "no one can stop me now", MOD),
    ("final-en", "nobody is going to stop me this time", MOD),
    ("final-en", "don't try to stop me", MOD),
    ("final-en", "you can't stop me this time", MOD),
    ("final-en", "the decision is made", MOD),
    ("final-en", "my mind is made up", MOD),
    ("final-en", "this is the end for me", MOD),
    ("final-en", "it's over for me. for good", MOD),
    ("final-en", "this time i won't fail", MOD),
    ("final-en", "this time i'll make sure it works", MOD),
    ("final-en", "this time im really doing it", MOD),
    ("final-en", "i'm actually going to do it this time", MOD),
    ("final-en", "i really mean it this time fr", MOD),
    ("final-en", "i'm ready. no turning back", MOD),
    ("final-en", "i give up for real this time", MOD),
    ("final-en", "i'm giving up for good", MOD),
    ("final-en", "i'm done. for good 😭", MOD),
    ("final-en", "im done for good ngl", HIGH),
    ("final-en", "i'm done for good, bye", HIGH),
    # English farewells said as silence to come or an end here
    ("final-en", "you wont hear from me again", MOD),
    ("final-en", "nobody will hear from me after tonight", MOD),
    ("final-en", "it all stops tonight", MOD),
    ("final-en", "no more pain after tonight", MOD),
    # Spanish finality as a whole message
    ("final-es", "ya tomé la decisión", MOD),
    ("final-es", "lo tengo decidido", MOD),
    ("final-es", "se acabó, de verdad", MOD),
    ("final-es", "ya no voy a intentarlo más", MOD),
    ("final-es", "ya no voy a seguir intentando", MOD),
    ("final-es", "ya me canse de intentarlo, se acabo", MOD),
    ("final-es", "nadie me va a detener", MOD),
    ("final-es", "nadie me va a hacer cambiar de opinion", MOD),
    ("final-es", "esta vez no hay marcha atras", MOD),
    ("final-es", "esta vez si va en serio posta", MOD),
    ("final-es", "me rindo, esta vez de verdad", MOD),
    ("final-es", "ya estoy lista. no hay vuelta atras", MOD),
    ("final-es", "ya esta decidido neta", MOD),
    # English finality in a chat-length message: twice over with nothing else, a decision about
    # living, or beside a separate preparation or goodbye
    ("final-ctx", "please don't try to talk me out of it, my mind is made up", MOD),
    ("final-ctx", "i can't keep doing this. no more trying, no more pretending", MOD),
    ("final-ctx", "i'm so tired of fighting. this time i'm not coming back", MOD),
    ("final-ctx", "i'm past the point of no return", MOD),
    ("final-ctx", "i'm at peace with my decision", MOD),
    ("final-ctx", "i don't want to be saved this time", MOD),
    ("final-ctx", "this time nobody is going to find me in time", MOD),
    ("final-ctx", "i feel weirdly calm now that i've decided", MOD),
    ("final-ctx", "i'm tired. i'm really done this time. sorry", MOD),
    ("final-ctx", "i mean it this time, i can't do another day of this", MOD),
    ("final-ctx", "honestly it's decided. i just need to pick the day", MOD),
    ("final-ctx", "i've picked the place and the time, i just need to wait for saturday", HIGH),
    # Spanish finality and plans in a short message
    ("final-es-ctx", 'neta ya me cansé, se acabó para mí', MOD),
    ("final-es-ctx", 'ya no voy a luchar más, de verdad', MOD),
    ("final-es-ctx", 'ya está, lo decidí y me siento tranquila', MOD),
    ("final-es-ctx", 'ya no hay marcha atrás, ya lo tengo todo', HIGH),
    ("final-es-ctx", 'me siento en paz con mi decisión', MOD),
    ("final-es-ctx", 'es la última vez que les escribo', MOD),
    ("final-es-ctx", 'ya sé cómo lo voy a hacer y cuándo', HIGH),
    ("final-es-ctx", 'tengo todo listo, solo espero que se duerman', MOD),
    ("final-es-ctx", 'ya elegí el lugar, nadie lo sabe', HIGH),
    ("final-es-ctx", 'ya tengo la hora y el lugar', MOD),
    ("final-es-ctx", 'ya tengo todo preparado para esta noche', MOD),
    ("final-es-ctx", 'cuando mis papás se vayan de viaje lo hago', MOD),
    ("final-es-ctx", 'esta vez no voy a fallar', MOD),
    ("final-es-ctx", 'esta vez me voy a asegurar de que funcione', MOD),
    ("final-es-ctx", 'no me voy a echar para atrás', MOD),
    ("final-es-ctx", 'ya no quiero intentarlo más', MOD),
    ("final-es-ctx", 'ya no hay nada que me detenga', MOD),
    # More English finality and plans, in other words
    ("final-en-more", "i'm serious this time. i'm not doing this anymore", MOD),
    ("final-en-more", "this isn't a cry for help, i've made my choice", MOD),
    ("final-en-more", "i'm not asking for help, i just wanted someone to know", MOD),
    ("final-en-more", "i've decided, it's happening this weekend", MOD),
    ("final-en-more", "i'm so sure about this, more sure than i've ever been", MOD),
    ("final-en-more", "i won't be here next week, i mean it", HIGH),
    ("final-en-more", "i've made peace with it, tonight is the night", HIGH),
    ("final-en-more", 'i already wrote the letters and picked the date', HIGH),
    ("final-en-more", 'i know exactly when. sunday morning before anyone wakes up', MOD),
    ("final-en-more", "i'll do it when the house is empty on friday", HIGH),
    ("final-en-more", "i've chosen how. i just need the right moment", MOD),
    ("final-en-more", "everything's in place now", MOD),
    ("final-en-more", "it's all set for tomorrow night", MOD),
    ("final-en-more", "i'm done pretending. this is the end", MOD),
    ("final-en-more", "no more. i'm finished", MOD),
    ("final-en-more", "i can't anymore and this time i'm actually done", MOD),
    ("final-en-more", "i'm really really done this time", MOD),
    ("final-en-more", 'honestly this is it for me', MOD),
    ("final-en-more", "this is it for me, i'm tired", MOD),
    ("final-en-more", "i'm out. for good this time", MOD),
    ("final-en-more", "i'm checking out for good", MOD),
    ("final-en-more", 'this is my final decision', MOD),
    ("final-en-more", "nobody's going to talk me out of it this time", MOD),
    ("final-en-more", "don't bother trying to change my mind", MOD),
    ("final-en-more", 'the plan is set for saturday', MOD),
    ("final-en-more", 'i set everything up for tonight', MOD),
    ("final-en-more", "i've worked out the when and the where", MOD),
    ("final-en-more", "i've said everything i needed to say", MOD),
    # English plans without the words
    ("plan-en", "i've picked the place", MOD),
    ("plan-en", "i already picked the day", MOD),
    ("plan-en", "i know when and how", MOD),
    ("plan-en", "i know how and when", MOD),
    ("plan-en", "i know the place and the time", MOD),
    ("plan-en", "everything is ready for tonight", MOD),
    ("plan-en", "i have everything ready for tomorrow", MOD),
    ("plan-en", "i wrote down the time", MOD),
    ("plan-en", "i set the time for 3am", MOD),
    ("plan-en", "the date is set", MOD),
    ("plan-en", "the day is picked", MOD),
    ("plan-en", "i have it all planned out", MOD),
    ("plan-en", "it's all planned. friday night", MOD),
    ("plan-en", "i've got it all figured out. sunday", MOD),
    ("plan-en", "after my parents fall asleep i'm doing it", MOD),
    ("plan-en", "once my roommate leaves im doing it", MOD),
    # Spanish plans without the words
    ("plan-es", "ya sé cómo y cuándo", MOD),
    ("plan-es", "ya se donde y cuando", MOD),
    ("plan-es", "tengo todo listo para el viernes", MOD),
    ("plan-es", "todo esta listo", MOD),
    ("plan-es", "ya tengo todo planeado", MOD),
    ("plan-es", "cuando se duerman lo hago", MOD),
    ("plan-es", "cuando mis papas se duerman lo voy a hacer", MOD),
    ("plan-es", "ya elegí el lugar", HIGH),
]

# (kind, text): the default screener keeps each at low or none.
LOOK_ALIKES: list[tuple[str, str]] = [
    # the object of the finality is something ordinary
    ("object", "i'm done with this diet for good"),
    ("object", "i'm done for good with that job"),
    ("object", "no more trying to fix his car"),
    ("object", "no more fighting with my sister, we made up"),
    ("object", "i'm not trying anymore with that recipe"),
    ("object", "nothing is going to stop me from finishing this marathon"),
    ("object", "don't try to stop me, i'm buying the shoes"),
    ("object", "my mind is made up, i'm taking the job"),
    ("object", "the decision is made, we're selling the house"),
    ("object", "this is the end for me and this phone"),
    ("object", "it's over for me and her"),
    ("object", "this time i won't fail the driving test"),
    ("object", "this time i'll make sure it works, i backed up the files"),
    ("object", "i'm actually doing it, signed up for the half marathon"),
    ("object", "i quit smoking for good this time"),
    ("object", "i really mean it this time, no more junk food"),
    ("object", "esta vez va en serio, dejo de fumar"),
    ("object", "esta vez no hay marcha atrás, firmé el contrato"),
    ("object", "no hay vuelta atrás, firmé el contrato"),
    ("object", "ya está decidido, nos mudamos a Madrid"),
    ("object", "ya tomé la decisión, voy a renunciar"),
    ("object", "ya tomé la decisión, me caso"),
    ("object", "nadie me va a detener, voy a ganar el torneo"),
    ("object", "ya no voy a intentarlo más con él"),
    ("object", "ya no voy a intentarlo más, el examen es imposible"),
    ("object", "se acabó, de verdad, no vuelvo a hablarle"),
    ("object", "se acabo la fiesta, de verdad"),
    ("object", "me rindo, esta vez de verdad, ya no juego más"),
    # sport, news, a show
    ("news", "the team is not coming back from this one, down 4 goals"),
    ("news", "there's no coming back from this one for the franchise"),
    ("song", "it ends tonight, season finale!"),
    ("song", "\"no more trying\", she sang"),
    ("song", "in the movie she says no turning back now"),
    # jokes, excitement
    ("joke", "i'm not coming back from this one lol, this hangover is brutal"),
    ("joke", "you can't stop me 😂"),
    ("joke", "the decision is made 🎉"),
    ("joke", "no turning back now!!"),
    ("joke", "i'm done 😂"),
    ("joke", "i give up lol"),
    ("joke", "me rindo jaja"),
    ("joke", "nadie me va a detener!"),
    ("joke", "after my parents fall asleep i'm doing it lol"),
    ("joke", "cuando se duerman lo hago jaja, me como el pastel"),
    # a question
    ("question", "the decision is made?"),
    ("question", "my mind is made up?"),
    # concern for someone else, reported speech, the past
    ("other", "he said nothing is going to stop him"),
    ("other", "my friend says he's made up his mind and nothing will stop him, i'm worried"),
    ("past", "i used to say no more trying but i'm doing better now"),
    ("past", "i used to say i'm done for good all the time, i'm better now"),
    # ordinary plans: parties, trips, exams, moves
    ("occasion", "saturday is the day i finally move"),
    ("occasion", "i've picked the place for the party"),
    ("occasion", "i've picked the place for dinner"),
    ("occasion", "i chose the date for the trip"),
    ("occasion", "i picked the spot for the picnic"),
    ("occasion", "i know when and how to study for the exam"),
    ("occasion", "i know when and how to ask her"),
    ("occasion", "everything is ready for tonight's dinner party"),
    ("occasion", "everything is ready for tonight's party 🎉"),
    ("occasion", "everything is ready for tonight!"),
    ("occasion", "i wrote down the time of the appointment"),
    ("occasion", "the date is set for the wedding"),
    ("occasion", "the date is set!"),
    ("occasion", "i have it all planned out for the trip"),
    ("occasion", "i've got it all figured out lol"),
    ("occasion", "i have a plan for the weekend"),
    ("occasion", "i set the time for 3am for the eclipse"),
    ("occasion", "once my roommate leaves i'm doing it, cleaning the whole place"),
    ("occasion", "when everyone's asleep i'm doing it. sneaking cookies"),
    ("occasion", "you won't hear from me again until monday"),
    ("occasion", "nobody will hear from me after tonight, i'm off the grid camping"),
    ("occasion", "ya elegí el lugar para la boda"),
    ("occasion", "ya elegí el lugar para la fiesta"),
    ("occasion", "ya elegi la fecha de la boda"),
    ("occasion", "ya sé cómo y cuándo pedirle matrimonio"),
    ("occasion", "ya sé cómo y cuándo, le voy a pedir matrimonio"),
    ("occasion", "tengo todo listo para el viernes, la fiesta va a estar buenisima"),
    ("occasion", "todo está listo para la boda"),
    ("occasion", "cuando se duerman lo hago, voy a ver la peli"),
    ("occasion", "ya estoy lista, nos vamos a la playa"),
    ("occasion", "no van a saber mas de mi hasta el lunes, me voy de viaje"),
    # finality that goes on to say what was decided, or told as a joke, a song or someone else's
    ("object", "please don't try to talk me out of it, my mind is made up, i'm getting the tattoo"),
    ("object", "don't try to talk me out of it. my mind is made up about the car"),
    ("object", "my mind is made up. no turning back now, i'm moving to lisbon"),
    ("object", "it has been decided, the trip is on. no going back now"),
    ("object", "i've made up my mind, nothing is going to stop me from running the marathon"),
    ("object", "i'm past the point of no return with this project lol"),
    ("object", "we're past the point of no return on the renovation"),
    ("object", "i'm at peace with my decision to leave the band"),
    ("object", "i feel so calm now that i've decided to quit my job"),
    ("object", "i don't want to be saved a seat, i'll be late"),
    ("object", "this time nobody is going to stop me from winning"),
    ("object", "i can't do another day of this heat"),
    ("object", "the decision is made and my mind is made up, we're buying the house"),
    ("object", "no going back now, i've made up my mind about the new job"),
    ("object", "i'm so done with this homework. no turning back now"),
    ("object", "i really mean it this time and nothing will stop me from eating healthy"),
    ("object", "i'm done with this diet for good, no turning back"),
    ("occasion", "honestly it's decided. i just need to pick the day for the party"),
    ("occasion", "i've picked the place and the time, i just need to wait for saturday's party"),
    ("occasion", "i timed it so nobody will be home for the surprise"),
    ("occasion", "i'm tired. i'm done for today"),
    ("other", "she said her mind is made up and there's no turning back, i'm worried about her"),
    ("past", "i used to think there was no going back and my mind was made up, but i got help"),
    ("song", "\"my mind is made up, no turning back\", a song i love"),
    # Spanish finality and plans about something said
    ("object", 'ya está, se acabó'),
    ("object", 'ya está'),
    ("object", 'me siento en paz con mi decisión de dejar la carrera'),
    ("object", 'es la última vez que les escribo por este grupo'),
    ("object", 'es la última vez que te escribo, me tienes harta jaja'),
    ("object", 'no me voy a echar para atrás, mañana me inscribo'),
    ("object", 'esta vez no voy a fallar el examen'),
    ("object", 'esta vez me voy a asegurar de que funcione la impresora'),
    ("object", 'ya no quiero intentarlo más con las matemáticas'),
    ("object", 'ya tengo la hora y el lugar de la fiesta'),
    ("object", 'tengo todo listo, solo espero que se duerman para abrir los regalos'),
    ("object", 'cuando mis papás se vayan de viaje lo hago, la fiesta en casa'),
    ("object", 'neta ya me cansé, se acabó para mí este trabajo'),
    ("object", 'ya no hay nada que me detenga, me voy a Europa'),
    # ... and the same words about something said
    ("object", "i'm not doing this anymore, i'm quitting the team"),
    ("object", "this isn't a cry for help, i've made my choice about the wedding dress"),
    ("object", 'i just wanted someone to know i got the job'),
    ("object", 'i just wanted someone to know that i passed my driving test'),
    ("object", "i've decided, it's happening this weekend, we're painting the kitchen"),
    ("object", "i'm so sure about this job, more sure than i've ever been"),
    ("object", "i know exactly when. sunday morning before anyone wakes up i'm making pancakes"),
    ("object", "i've chosen how to propose. i just need the right moment"),
    ("object", "everything's in place now for the launch"),
    ("object", "it's all set for tomorrow night's game"),
    ("object", "i'm done pretending to like his music. this is the end of that"),
    ("object", "no more. i'm finished with the chores"),
    ("object", 'this is it for me, goodnight everyone'),
    ("object", 'this is it for me today, see you tomorrow'),
    ("object", "i'm out. for good this time, the group chat is too much lol"),
    ("object", "i'm checking out for good, this hotel is awful"),
    ("object", 'this is my final decision on the kitchen tiles'),
    ("object", "don't bother trying to change my mind about pineapple pizza"),
    ("object", 'the plan is set for saturday, bring snacks'),
    ("object", "i set everything up for tonight's stream"),
    ("object", "i've worked out the when and the where for the reunion"),
    ("object", "i've said everything i needed to say to him, we're over"),
    ("object", "i can't anymore with this heat and this time i'm actually done with summer"),
    ("object", "i'm really really done this time with that show"),
    # everyday words alone: no finality said
    ("everyday", "i'm ready"),
    ("everyday", "i'm ready. let's go"),
    ("everyday", "i give up"),
    ("everyday", "i'm done for the day"),
    ("everyday", "se acabó"),
    ("everyday", "se acabó el partido"),
    ("everyday", "me rindo"),
    ("everyday", "ya estoy lista. vamos"),
    ("everyday", "friday night"),
    ("everyday", "de verdad"),
    ("everyday", "ok fr"),
]


# The rules keep these at none; the shipped model, given the finality as supporting evidence, lifts them
# (to moderate and high): known false alarms of the default screener, left for a model with more data.
RULES_ONLY_LOOK_ALIKES = [
    "nobody's going to talk me out of it, i'm adopting the puppy",
    "i'm serious this time, i'm not doing this anymore, no more takeout",
    "no more trying, no more pretending, i'm just going to be myself at school",
]


@pytest.mark.parametrize("text", RULES_ONLY_LOOK_ALIKES, ids=[t[:40] for t in RULES_ONLY_LOOK_ALIKES])
def test_look_alikes_the_rules_keep_low(text):
    s = assess(text).screening
    assert s.level in ("none", "low"), s.to_dict()


@pytest.mark.parametrize(("kind", "text", "minimum"), CRISIS, ids=[f"{k}:{t[:40]}" for k, t, _ in CRISIS])
def test_finality_and_plans_reach_their_level_by_the_rules(kind, text, minimum):
    s = assess(text).screening
    assert LEVEL_INDEX[s.level] >= LEVEL_INDEX[minimum], s.to_dict()


@pytest.mark.parametrize(("kind", "text"), LOOK_ALIKES, ids=[f"{k}:{t[:40]}" for k, t in LOOK_ALIKES])
def test_look_alikes_of_finality_and_plans_stay_low(kind, text):
    s = screen(text)
    assert s.level in ("none", "low"), s.to_dict()


def test_done_for_good_is_a_wish_to_be_dead_not_self_injury():
    # The phrase was filed under self-injury until session 16.
    constructs = {r.construct for r in assess("i'm done for good").screening.reasons}
    assert "passive_ideation" in constructs
    assert "self_injury" not in constructs


def test_a_bare_plan_after_earlier_despair_is_high():
    earlier = ["i can't take this anymore, i'm so tired of everything"]
    for text in ("i've picked the place", "ya sé cómo y cuándo"):
        s = screen(text, history=earlier)
        assert LEVEL_INDEX[s.level] >= LEVEL_INDEX[HIGH], s.to_dict()


@pytest.mark.parametrize(("text", "plain"), [
    ("no turning back now", True), ("no turning back now...", True), ("i'm done. for good 😭", True),
    ("no turning back now!", False), ("my mind is made up?", False), ("\"no turning back now\"", False),
    ("you can't stop me 😂", False), ("no more trying lol", False), ("se acabó jaja", False),
])
def test_plain_tone(text, plain):
    assert plain_tone(text) is plain
