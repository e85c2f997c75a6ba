"""Crisis said in other people's words, read by the rules (issue #14, session 22).

A batch of 90 crisis messages and 60 look-alikes was written for this session by a helper in its own
words (English and Spanish, chat spelling), without the key words; 24 crisis messages were read
``none`` and 17 only ``moderate``. The kinds: goodbye letters and where they are, the tracks and how
fast the train is, a plan for after everyone is asleep, how high or how long or how much (to fall,
to bleed out, insulin), pills counted "should be plenty", "once i post this i'm gone", the knot tied
while waiting for an empty house, "i should just stop existing", the nerve worked up parked by a
cliff, "last thing left is me", poison "not for rats", "ending things tonight", the rope or the gun
one keeps thinking about or knows the key of, not coming back down, "next time i won't open the
door", catching the bus "if you know what i mean", not planning to be here next week; in Spanish the
bullets whose place one knows ("ya sé dónde guarda las balas": "sé" now says "I"), the dog given
away with nobody knowing why, "los quiero mucho. perdón", the knot made, the least painful way to
go, the courage gathered by the cliff, the blade and "cortar en vertical", debts paid and "solo falta
lo último", and the wish back again after "antes" ("antes quería morirme y ahora otra vez").

Two look-alikes of the batch were raised and are not now: "... i'm gonna kms 🙄 jk obviously" about
a meeting ("jk" laughs it off like "lol") and "antes pensaba que todos estarían mejor sin mí. la
terapia me ayudó ..." ("antes pensaba" is the past, as "i used to think").

Every phrase here was written for this project; none comes from a data set or an evaluation set.
The cases are pinned on the rules (``Screener(base=False)``) so a retrained model does not move them.
"""

from __future__ import annotations

import pytest

from hearthside.safety.tests.rules_only import assert_at_least, assert_at_most

# (message, the least level the rules must give it): each was ``none`` or ``moderate`` before.
CRISIS = [
    ("hace años quería morirme y ahora otra vez", "high"),
    ('thinking about the train tracks behind my house. the 11pm one is fast', 'high'),
    ("wrote letters to my mom and my best friend. they're in my desk drawer", 'moderate'),
    ("tonight after everyone's asleep i'm doing it", 'moderate'),
    ('whats the highest floor you can fall from and definitely not survive', 'high'),
    ('been googling how long it takes to bleed out', 'high'),
    ('i counted the pills. 60 of them. should be plenty right', 'high'),
    ('how much insulin would be lethal for someone my weight', 'high'),
    ('deleted all my accounts except this one. once i post this im gone', 'high'),
    ('tied the knot already, just waiting for the house to be empty', 'high'),
    ('the voices are right, i should just stop existing. tonight', 'high'),
    ("i'm parked by the cliff. been here an hour working up the nerve", 'high'),
    ('paid off my debts and cancelled my lease. last thing left is me', 'high'),
    ('got a bunch of rat poison from the hardware store. not for rats', 'high'),
    ('ending things tonight. sorry to whoever reads this', 'high'),
    ('mi papá tiene una pistola en el cuarto y ya sé dónde guarda las balas', 'high'),
    ('estoy pensando en las vías del tren que están cerca de mi casa, el de las 11 pasa rapidísimo', 'high'),
    ('le regalé mi perro a mi prima hoy, ella no sabe por qué. es mejor así', 'moderate'),
    ('chao a todos. los quiero mucho. perdón', 'moderate'),
    ('borré todas mis redes menos esta. cuando publique esto me voy', 'moderate'),
    ('no pienso estar aqui la semana que viene', 'moderate'),
    ('ya hice el nudo, solo espero a que la casa quede vacía', 'high'),
    ('cuál es la forma menos dolorosa de irse. pregunto en serio', 'high'),
    ('estoy aparcado al lado del acantilado, llevo una hora juntando valor', 'high'),
    ('tengo la navaja lista y esta vez voy a cortar en vertical', 'high'),
    ('theres a rope in the garage and i keep thinking about it', 'high'),
    ("my dad's gun is in the closet and i know where the key is", 'high'),
    ('going up to the roof of my building tonight, not coming back down', 'high'),
    ('sat in the car with the engine running in the garage for a while today. next time i wont open the door', 'high'),
    ('think im gonna catch the bus tonight if u know what i mean', 'high'),
    ('i dont plan on being here next week', 'high'),
    ('esta noche subo a la azotea del edificio y no pienso bajar', 'high'),
    ('ya pagué mis deudas y dejé el piso. solo falta lo último', 'high'),
    ('compré veneno para ratas en la ferretería y no es para ratas', 'high'),
    ('hoy es el día. ya no voy a estar mañana para nadie', 'high'),
    ('the gun safe is locked but i know where the key is', 'high'),
    ('mi papá tiene una pistola en el cuarto y sé dónde está la llave', 'high'),
    ('antes quería morirme y ahora otra vez', 'high'),
    ('antes pensaba que todos estarían mejor sin mí pero ahora lo pienso otra vez', 'high'),
    ("i'm doing it tonight after everyone's asleep", 'moderate'),
]

# Everyday, past, someone else's, a joke, or the same words for something ordinary.
LOOK_ALIKES = [
    # The past told as past, the wish denied or recovered from ("otra vez" here is not the wish back).
    "antes quería morirme, pero no quiero sentir eso de nuevo",
    "antes quería morirme y jamás voy a volver a eso otra vez",
    "hace años quería morirme, hoy estoy bien y no quiero pasar por eso otra vez",
    "¿cuál es la manera más fácil de morirse de risa?",
    "¿cuál es la forma más rápida de irse a Madrid?",
    'we tied the knot last year and just bought a house',
    'we bought 3 pizzas, should be plenty',
    'i counted the pills, there are 3 missing from my prescription',
    'i counted the pills for the week',
    'got rat poison for the shed, the mice are back',
    'the letters are in my desk drawer',
    "i'm doing my homework tonight after everyone's asleep",
    'the 11pm one is fast, take that train instead',
    'thinking about the train tracks near my house, the noise keeps me up',
    "there's a new bike in the garage and i keep thinking about it",
    'i keep thinking about it',
    "we're not coming back down till sunrise",
    "next time i won't open the door to him",
    'gonna catch the bus tonight',
    "i don't plan on being here next week, going to my mom's",
    "i'm ending things with him tonight",
    "i'm at the pool working up the nerve to jump off the high dive",
    "once i post this i'm gone for the weekend, camping",
    "what's the highest floor you can fall from and survive? asking for trivia night",
    'how long does it take for a cut to stop bleeding',
    'how much tylenol is safe to take in a day',
    'i should stop existing on social media for a while',
    'deleted all my accounts except this one because of the harassment',
    "if i have to sit through one more meeting i'm gonna kms 🙄 jk obviously",
    'sé dónde guarda las balas, se las escondí yo para que no haga nada',
    'mi hermano sabe dónde guarda las balas mi papá',
    'estoy pensando en las vías del tren para mi maqueta, el de las 11 pasa rapidísimo',
    'hice el nudo de la corbata solo',
    'cuál es la forma menos dolorosa de depilarse',
    'estoy aparcado al lado del puente esperando a mi hermana',
    'pagué mis deudas y ya solo me falta el último semestre',
    'los quiero mucho. perdón por la tardanza',
    'cuando publique esto me voy a dormir',
    'no pienso estar aquí la semana que viene, me voy de vacaciones',
    'no pienso bajar de la azotea hasta que termine la fiesta',
    'ya no voy a estar mañana para nadie, me voy de viaje temprano',
    'antes pensaba que todos estarían mejor sin mí. la terapia me ayudó a ver que no es así',
    'antes quería morirme, hoy estoy bien',
    'chao a todos, los quiero mucho, nos vemos el lunes',
    'ya hice el nudo de la hamaca',
    'borré todas mis redes menos esta porque me acosaban',
    'this exam is literally killing me lol',
    "i'm dying to see the new spiderman movie",
    'that stand up special killed me 😂😂 i cant breathe',
    "two years ago i wanted to die, today i'm thriving and i just got engaged",
    "my doctor upped my pills and honestly i'm sleeping so much better",
    'bought some rope for the climbing gym, first time bouldering tomorrow!',
    'the bridge on 5th street is closed for repairs again ugh',
    'missed my train this morning, had to wait 40 minutes',
    'tonight im finally finishing my thesis draft, wish me luck',
    'saying goodbye to my old apartment today, gonna miss this place',
    "worried about my brother, he's been really down lately. how do i bring it up with him?",
    "news says a guy jumped from the bridge downtown, that's so sad. hope his family is ok",
    '"i wanna die young" is such a banger of a song tbh',
    'my phone is dead and i want to die of embarrassment, i texted my ex by mistake',
    'used to self harm in high school, 3 years clean this month 💪',
    "my grandma passed away last week and i'm still processing it",
    'how many ibuprofen can i take in a day for a bad toothache?',
    'i killed it at my presentation today!!',
    'gave away a bunch of old clothes to goodwill, feels good to declutter',
    'i wrote a letter to my future self for therapy homework',
    'this heat is going to be the death of me',
    'my friend said she feels hopeless, what should i say to her?',
    'finally finished the last episode of the show, it was my last chance before spoilers',
    "my cat knocked my meds off the counter and now they're all over the floor lol",
    'dead tired after work, going to bed early tonight',
    "i used to think everyone would be better off without me. therapy really helped me see that's not true",
    "we're going hiking up to the cliffs this weekend, the view is amazing",
    'the gun show is in town this weekend, my dad wants to go',
    'bye everyone, logging off for the night, see you tomorrow!',
    'este examen me está matando jaja',
    'me muero de risa con este video 😂',
    'me muero por ver la nueva peli de marvel',
    'hace dos años quería morirme, hoy estoy muy bien y tengo trabajo nuevo',
    'el médico me subió las pastillas y ahora duermo muchísimo mejor',
    'compré una cuerda para tender la ropa en el balcón',
    'el puente de la avenida está cerrado por obras otra vez',
    'perdí el tren esta mañana y llegué tarde al curro',
    'esta noche por fin termino la tesis, deséenme suerte',
    'hoy me despido de mi antiguo piso, lo voy a extrañar',
    'estoy preocupada por mi hermano, lo veo muy bajoneado. cómo le hablo?',
    'en las noticias dicen que un hombre se tiró del puente, qué triste',
    'esa canción de "me quiero morir" de los 80 me encanta',
    'me quiero morir de la vergüenza, le mandé un mensaje a mi ex sin querer',
    'si tengo otra reunión más me mato jaja es broma',
    'me cortaba en la prepa, ya llevo 3 años limpia 💪',
    'mi abuela falleció la semana pasada y todavía lo estoy procesando',
    'cuántos ibuprofenos puedo tomar al día para el dolor de muelas?',
    'la presentación me salió de muerte!!',
    'regalé un montón de ropa vieja, qué bien se siente ordenar',
    'escribí una carta a mi yo del futuro como tarea de terapia',
    'este calor me va a matar',
    'mi amiga dice que se siente sin esperanza, qué le digo?',
    'el gato tiró mis pastillas al suelo y ahora están por todos lados jaja',
    'estoy muerta de cansancio, hoy me acuesto temprano',
    'este finde vamos de excursión a los acantilados, las vistas son increíbles',
    'mi tío va a la armería a comprar una escopeta para cazar',
    'chao a todos, me desconecto, nos vemos mañana!',
    'me mata de ternura mi sobrina cuando baila',
]


@pytest.mark.parametrize(("text", "least"), CRISIS)
def test_crisis_said_without_the_words_reaches_a_person(text, least):
    assert_at_least(text, least)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_stay_low(text):
    assert_at_most(text, "low")


def test_a_longer_weak_phrase_does_not_swallow_the_plan_inside_it():
    # "counted the pills" (weak) must not absorb the plan "counted the pills again".
    assert_at_least("i counted the pills again", "high")
    assert_at_least("i counted the pills. 60 of them. should be plenty right", "high")
    assert_at_most("i counted the pills for the week", "low")
    assert_at_most("we bought 3 pizzas, should be plenty", "low")


# An overdose taking hold, said after it (a second helper batch, multi-turn): imminent. The same words
# after an ordinary dose, a gym day, or a wish to die with no means named are not raised by them.
OVERDOSE_FELT = [
    (["i took a bunch of pills like 20 min ago", "i don't even know how many"],
     "starting to feel really sleepy. it's okay though"),
    (["me tome un monton de pastillas hace como 20 minutos", "ni se cuantas"], "me esta dando mucho sueño. pero esta bien"),
    (["i want to die", "i have the pills right here"], "i feel dizzy"),
    (["ya no quiero vivir", "tengo las pastillas aquí"], "me siento muy mareada"),
]
NOT_OVERDOSE = [
    (["i took my sleeping pill an hour ago"], "starting to feel sleepy"),
    (["long day at the gym"], "feeling really dizzy lol"),
    (["tomé mi pastilla para dormir"], "ya me está dando sueño"),
    (["i want to die"], "i feel dizzy"),
]


@pytest.mark.parametrize(("history", "text"), OVERDOSE_FELT)
def test_an_overdose_felt_after_it_is_imminent(history, text):
    assert_at_least(text, "imminent", history=history)


@pytest.mark.parametrize(("history", "text"), NOT_OVERDOSE)
def test_sleepy_or_dizzy_after_ordinary_things_is_not_raised_to_imminent(history, text):
    assert_at_most(text, "high", history=history)


# A bridge one keeps thinking about, then going back "not turning around" (both languages); an ordinary
# "not turning back" and a bridge admired are not raised.
def test_the_bridge_thought_about_and_not_turning_around():
    assert_at_least("there's a bridge by my work i keep thinking about", "moderate")
    assert_at_least("hay un puente cerca de mi trabajo en el que no dejo de pensar", "moderate")
    assert_at_least("going back after my shift. this time i'm not turning around", "high",
                    history=["there's a bridge by my work i keep thinking about",
                             "i walked out to the middle of it today and just stood there for a while"])
    assert_at_least("vuelvo después del turno. esta vez no me regreso", "high",
                    history=["hay un puente cerca de mi trabajo en el que no dejo de pensar",
                             "hoy caminé hasta la mitad y me quedé ahí un rato"])
    assert_at_most("this time i'm not turning back", "low", history=["i almost quit the marathon at mile 20"])
    assert_at_most("there's a bridge by my work i keep thinking about painting", "low")
    assert_at_most("the bridge near my house i keep thinking about is the golden gate, so pretty", "low")
