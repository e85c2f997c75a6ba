"""Crisis probes written from the issue's constructs (slang, means, farewells, time, voices,
mis-decoded text), in English and Spanish, with their look-alikes (issue #14, session 10).

Every crisis case must reach at least ``moderate`` (someone is alerted) and most at least
``high``; every look-alike must stay at ``low`` or ``none``.  Written for these tests, not taken
from the evaluation sets.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import screen
from hearthside.safety.screening.result import LEVEL_INDEX
from hearthside.safety.screening.text import repair_mojibake

HIGH, MODERATE = "high", "moderate"

CRISIS: list[tuple[str, str]] = [
    # English
    ("ngl the sewerslide idea is looking real good rn", MODERATE),
    ("suicide sounds so tempting tonight", MODERATE),
    ("dying is looking pretty peaceful lately", MODERATE),
    ("i just swallowed the whole bottle", HIGH),
    ("i took all of my pills", HIGH),
    ("i'm ending it tonight. sorry", HIGH),
    ("ending it all right now, goodbye", HIGH),
    ("i've figured out exactly how i'm going to do it", HIGH),
    ("would 30 zoloft be enough to not wake up", HIGH),
    ("googled how many paracetamol it takes, i have three packs", HIGH),
    ("my roommate will find me in the morning", HIGH),
    ("left notes for my brothers, they will find them after", HIGH),
    ("a final goodbye to all of you who tried", HIGH),
    ("i've already written my goodbye letters", HIGH),
    ("at this time tomorrow i won't be around anymore", HIGH),
    ("nobody will notice when i'm gone tonight", HIGH),
    ("bought a shotgun yesterday not for hunting", HIGH),
    ("I have nothing left to live for", MODERATE),
    ("honestly i've had enough of living", MODERATE),
    ("I really want this life to be over", MODERATE),
    ("the voices keep telling me to jump", HIGH),
    ("my head keeps whispering at me to end it", HIGH),
    ("i keep telling myself to kill myself", HIGH),
    # Spanish
    ("el suicidio me parece cada vez más tentador", MODERATE),
    ("morir suena muy bien ahora mismo", MODERATE),
    ("esta noche termino con todo", HIGH),
    ("ya tengo claro cómo lo voy a hacer y cuándo", HIGH),
    ("me conseguí una pistola, no es para defenderme", HIGH),
    ("nadie me va a extrañar cuando ya no esté", MODERATE),
    ("le regalé mi bici a mi primo y la play a mi amigo, ya no la voy a necesitar", MODERATE),
    ("estoy cerrando mis redes y regalando mis cosas", MODERATE),
    ("ya escribí mis cartas", MODERATE),
    ("me harté de la vida", MODERATE),
    ("ya tuve bastante de esta vida", MODERATE),
    ("las voces me siguen diciendo que me mate", HIGH),
    ("mi mente me repite que acabe con todo", HIGH),
    ("me digo a mí mismo que me muera", HIGH),
    ("pronto ya no voy a molestar a nadie", MODERATE),
    ("mañana a esta hora ya no voy a estar", MODERATE),
    # method comparisons and lethality, severity, means with a time, said in other words
    ("which hurts less, hanging or pills", HIGH),
    ("is jumping from 10 floors always fatal", HIGH),
    ("su1c1de is on my mind again", HIGH),
    ("i don't see a way out other than ending it", HIGH),
    ("i've been cutting again and it's deeper every time", HIGH),
    ("i cut and i can't get it to stop bleeding", HIGH),
    ("my wrists are a mess and theres blood everywhere", HIGH),
    ("mixing my meds with vodka tonight", HIGH),
    ("parked in the garage with the engine running", HIGH),
    ("no one would even notice if i vanished", MODERATE),
    ("no aguanto más esta vida", MODERATE),
    ("ya no puedo con mi vida.", MODERATE),
    ("me quiero ir a dormir y no despertar", MODERATE),
    # finality and preparation in other words
    ("i've stopped taking my meds and started saving them", HIGH),
    ("you won't have to worry about me after tonight", HIGH),
    ("this is the last time you'll hear from me", HIGH),
    ("i'm not scared of dying anymore", MODERATE),
    ("i've cancelled all my appointments, i won't need them", HIGH),
    ("ya no se van a tener que preocupar por mí después de esta noche", MODERATE),
    ("no estén tristes cuando ya no esté", MODERATE),
    ("espero no despertar mañana", MODERATE),
    ("esta es la última vez que sabrán de mí", MODERATE),
    ("estoy tan cerca de acabar con todo", HIGH),
    # a whole phrase spelt out letter by letter
    ("i w a n t t o d i e", MODERATE),
    ("k i l l m y s e l f", HIGH),
    ("i a m g o i n g t o e n d i t tonight", HIGH),
    # mis-decoded UTF-8 (pasted from a broken export or SMS gateway)
    ("I donâ€™t want to be alive anymore", HIGH),
    ("Iâ\x80\x99m going to kill myself tonight", HIGH),
    ("ya no quiero seguir viviendo, maÃ±ana me mato", HIGH),
    # Session 11: kinds read from dev-set misses (SDCNL, Twitter), every line written anew.
    ("i might as well just give up and die", MODERATE),
    ("people like me don't deserve to live", MODERATE),
    ("i'm a failure and failures shouldn't live", MODERATE),
    ("alright, i'm done for real. deleting this account", MODERATE),
    ("literally can't afford to live anymore.", MODERATE),
    ("i'm not meant for this world anymore", MODERATE),
    ("why should i keep living", MODERATE),
    ("i w a n t to die", MODERATE),
    ("i'm going to get a gun tomorrow and finally end this", HIGH),
    ("i'm leaving forever, if you'll miss me whatever", MODERATE),
    ("is drowning painful", HIGH),
    ("how painful is hanging", HIGH),
    ("every night i hold my gun against my head and try not to pull the trigger", HIGH),
    ("i planned on dying tonight, obviously i'm still here", HIGH),
    ("what's the point of asking, i already decided on ending it all", HIGH),
    ("would it be selfish to just end it", MODERATE),
    ("i regret not killing myself when i was younger", HIGH),
    ("i'd honestly rather not exist", MODERATE),
    ("this is it. found the guts to follow through with my plan. you all won't have to put up with me anymore",
     HIGH),
    ("one bullet through my head and it'd all be over", HIGH),
    ("i will find peace this weekend.", MODERATE),
    ("didn't kill myself today but i almost did", HIGH),
    ("i daydream about my own death in detail", MODERATE),
    ("i know i won't last much longer.", MODERATE),
    ("my sister will have to find my body and i hate that", HIGH),
    ("i have this urge to stick the knife in my throat", HIGH),
    ("die, the sooner the better", MODERATE),
    ("honestly my death would make life easier for my family", MODERATE),
    ("i'm this close to swallowing all of these pills", HIGH),
    ("is carbon monoxide a peaceful way", HIGH),
    ("i cut 4 or 5 times a day now", MODERATE),
    # Spanish, session 11
    ("debería rendirme y morirme de una vez", MODERATE),
    ("la gente como yo no merece vivir", MODERATE),
    ("no estoy hecha para este mundo", MODERATE),
    ("todas las noches me pongo la pistola en la sien", HIGH),
    ("había planeado matarme esta noche", HIGH),
    ("me arrepiento de no haberme quitado la vida", HIGH),
    ("siento que no voy a durar mucho más", MODERATE),
    ("mi mamá tendrá que encontrar mi cuerpo", HIGH),
    ("ya nadie va a tener que aguantarme nunca más", HIGH),
    ("me odio, si tan solo tuviera el valor de hacerlo", HIGH),
    ("tengo el impulso de clavarme un cuchillo en el cuello", HIGH),
    ("morir cuanto antes mejor", MODERATE),
    ("mi muerte le haría bien a mi familia", MODERATE),
    ("¿qué tan rápido es ahorcarse?", HIGH),
    ("estoy a punto de tragarme todas las pastillas", HIGH),
    ("i'm going to die alone anyway, i can't take it anymore, might as well do it now", HIGH),
    ("i keep getting this urge to shove the glass into my neck", HIGH),
    ("anytime i can die would be great", MODERATE),
    ("fastest way to kill yourself?", HIGH),
    ("i just want to leave this world.", MODERATE),
    ("i'm losing the will to live", MODERATE),
    ("the only reason i'm still alive is my dog", MODERATE),
    ("i'd rather die of cancer than by suicide, at least my mum wouldn't blame herself", MODERATE),
    ("what's the lethal dose of tramadol", HIGH),
    ("how many benadryl will it take", HIGH),
    ("will 20 sertraline kill me", HIGH),
    ("counted out all my pills.", HIGH),
    ("counted out twenty pills and took them", HIGH),
    ("can't hold on much longer, i honestly want out.", MODERATE),
    ("my cat is the only thing stopping me from it.", HIGH),
    ("nothing's keeping me here from ending it anymore", HIGH),
    ("i came here instead of doing it tonight", HIGH),
    ("cada vez pierdo más las ganas de vivir", MODERATE),
    ("la única razón por la que sigo aquí es mi hija", MODERATE),
    ("lo único que me detiene es mi perro", HIGH),
    ("¿el raticida me podría matar?", HIGH),
    ("escribí aquí en lugar de hacerlo esta noche", HIGH),
    ("been dealing with suicide thoughts again lately", HIGH),
    ("my suicidal toughts are back", HIGH),
    ("i'd rather die than keep being me", MODERATE),
    ("how many mg would it take to overdose", HIGH),
    ("i still have a noose hidden in the garage", HIGH),
    ("i wish i had the guts to pull the trigger", HIGH),
    ("i wish i could find the courage to jump.", HIGH),
    ("i thought of three ways i could go.", HIGH),
    ("why don't i just do everyone a favour", MODERATE),
    ("the urges to tap out are getting stronger", MODERATE),
    ("i don't think i'm strong enough to keep living", MODERATE),
    ("llevo años luchando con pensamientos suicidas", HIGH),
    ("¿cuántas pastillas hacen falta para no despertar?", HIGH),
    ("tengo una soga escondida en el armario", HIGH),
    ("si tan solo tuviera el valor de tirarme", HIGH),
    ("¿por qué no hacerle un favor al mundo?", MODERATE),
    ("no sé si estoy hecha para seguir viviendo", MODERATE),

]

LOOK_ALIKES: list[str] = [
    "the new jacket is looking real good on you",
    "i just took the whole bottle of wine to the party",
    "we fought again and i'm ending it with him tonight",
    "the show is ending its run tonight",
    "he knows exactly how he is going to do it",
    "i've had enough of life in the city, moving to the coast",
    "I have had enough of this job",
    "the coach keeps telling me to die on the pitch for the team",
    "he has nothing to live for in that town anymore lol",
    "bought a gun safe for the cabin",
    "hoy termino con todo el trabajo pendiente",
    "me compré una pistola de agua para la fiesta",
    "el suicidio de mi tío me dejó muy mal, fue hace años",
    "ya casi es hora de comer",
    "estoy borrando mis fotos viejas del móvil",
    "me harté de la vida de ciudad",
    "mi mamá me dice que me muera de envidia jaja",
    "¿qué tal el café? está buenísimo, más que el de ayer",
    "Ã©tÃ© en famille, on a adorÃ©",
    "this is my last post before the holidays, see you in january",
    "this is my last post for today",
    "this is my last message until the exams are over",
    "este es mi último mensaje antes de las vacaciones",
    "i took all the pills the doctor prescribed and feel better",
    "which is better, the train or the bus",
    "which is worse, the bridge traffic or the train delays",
    "is jumping from the pier always fun",
    "my essay on suicide prevention has been on my mind",
    "don't mix your meds with alcohol tonight",
    "parked in the garage with the engine running to warm it up, then left",
    "the movie has blood everywhere",
    "no aguanto más esta vida de estudiante",
    "h a p p y b i r t h d a y",
    "i stopped taking my meds because the doctor changed them",
    "this is the last time you'll hear from me about the bake sale, promise",
    "i'm not scared of dying anymore in horror games lol",
    "espero no despertar tarde mañana",
    "estoy tan cerca de acabar con todo el trabajo",
    "esta es la última vez que sabrán de mí hasta que vuelva del viaje",
    "me quiero ir a dormir y no despertar hasta el lunes jaja",
    "quiero dormir y no despertarme hasta las 12",
    "w h a t a d a y, i d i e d laughing",
    "h a v e a n i c e w e e k e n d",
    "ya no aguanto el calor de esta vida de ciudad",
    # Session 11
    "i might as well give up and go to bed",
    "i'm done for real with this game, uninstalling",
    "i should have done it when i had the chance, now the tickets are sold out",
    "i'm picking up a gun tomorrow for the hunting trip",
    "the documentary asked whether hanging was painful for the prisoners in 1850",
    "i planned on dyeing my hair today",
    "bought sodium nitrite for curing the bacon",
    "is it selfish to skip the wedding",
    "i regret not ending things with him sooner",
    "i'd rather not be here for the speech",
    "i'd rather die than eat that",
    "we fantasize about death metal concerts",
    "i know i won't last long at this job",
    "i haven't ruled it out, the job in madrid is still an option",
    "you won't have to deal with me again until monday",
    "i will find peace this weekend at the retreat",
    "people like me don't deserve to live in this neighbourhood apparently, says the landlord",
    "i can't afford to live here anymore",
    "is the golden gate bridge still an option for the tour?",
    "is drowning in paperwork painful? yes",
    "la gente como yo no merece vivir así, con este alquiler",
    "no estoy hecho para este mundo de la moda",
    "gracias por aguantarme tanto tiempo, mañana les traigo pastel",
    "había planeado morir de risa con la peli de hoy",
    "si tan solo tuviera el valor de hablarle",
    "cuanto antes mejor, dijo mi jefe",
    "¿qué tan doloroso es un tatuaje?",
    "i might as well do it now, the gym is empty",
    "the urge to put it in my mouth, this cake is so good",
    "nothing is holding me back from applying to the job",
    "the only thing keeping me from it is the price",
    "what is the lethal dose of caffeine for a cat, asking for my vet class",
    "counting out all my pills for the week in the organiser",
    "i want out of this group chat lol, too many memes",
    "lo único que me detiene es el precio del billete",
    "ya nada me detiene para ir al concierto",
    "fue lindo mientras duró, el verano se acabó",
    "i came up with 4 ways to go to the airport",
    "i wish i had the courage to jump into the lake with them",
    "the urge to tap out of this group project is real",
    "do the world a favour and recycle",
    "mi amiga lucha con pensamientos suicidas y no sé cómo ayudarla",
    "ojalá tuviera el valor de saltar en paracaídas",
    "¿cuántos gramos de harina hacen falta para una tarta?",

]


@pytest.mark.parametrize(("text", "minimum"), CRISIS, ids=[t[:40] for t, _ in CRISIS])
def test_crisis_probe_reaches_its_level(text, minimum):
    got = screen(text)
    assert LEVEL_INDEX[got.level] >= LEVEL_INDEX[minimum], (text, got)


@pytest.mark.parametrize("text", LOOK_ALIKES, ids=[t[:40] for t in LOOK_ALIKES])
def test_look_alike_stays_low(text):
    got = screen(text)
    assert got.level in ("none", "low"), (text, got)


def test_mojibake_is_put_back_and_evidence_points_into_what_was_sent():
    sent = "ok so... I donâ€™t want to live ð\x9f\x98\xad"
    fixed, where = repair_mojibake(sent)
    assert fixed == "ok so... I don\u2019t want to live \U0001F62D"
    assert where is not None and len(where) == len(fixed) + 1
    got = screen(sent)
    assert got.at_least("moderate")
    quoted = [sent[a:b] for r in got.reasons for a, b in r.spans]
    assert any("donâ€™t want to live" in q for q in quoted), quoted


def test_text_without_mojibake_is_returned_as_it_was():
    for text in ("más café, por favor", "naïve résumé", "plain words", ""):
        assert repair_mojibake(text) == (text, None)


# Conversations whose risk shows only across turns: (earlier messages, last message, minimum).
ACROSS_TURNS: list[tuple[list[str], str, str]] = [
    # Session 11: treasured things given away after despair; no more worrying after feeling a burden.
    (["I don't see the point of anything"], "I gave away my guitar and my books", MODERATE),
    (["no le veo sentido a nada"], "ya regalé mi guitarra y mis libros", MODERATE),
    (["I feel like a burden to everyone"], "soon you won't have to worry anymore", MODERATE),
    (["me siento una carga para todos"], "pronto ya no tendrán que preocuparse", MODERATE),
    (["ya no aguanto más, de verdad"], "hoy compré tres cajas de paracetamol", MODERATE),
    (["i can't do this anymore"], "went to the pharmacy and got a few boxes", MODERATE),
    (["nadie me quiere, soy una carga"], "le dejé mi perrita a mi hermana", MODERATE),
    (["estoy muy cansada de todo"], "ya tomé una decisión", MODERATE),
    (["im so tired of everything"], "i've made my decision", MODERATE),
    (["odio mi vida"], "mañana ya no van a tener que preocuparse por mí", MODERATE),
    (["todo es mi culpa"], "ya le dejé mi gato a mi vecina", MODERATE),
    (["me siento vacío"], "voy camino al puente", HIGH),
    (["ya no tiene sentido"], "si no contesto mañana ya saben por qué", MODERATE),
    (["nobody cares about me"], "if i don't answer tomorrow you'll know why", MODERATE),
]

ACROSS_TURNS_LOOK_ALIKES: list[tuple[list[str], str]] = [
    (["moving to Berlin next week", "so stressed"], "gave away my books and clothes today"),
    (["me mudo a Madrid"], "ya regalé mi guitarra y mis libros"),
    (["exams are killing me"], "gave my camera to my cousin, he's into photography now"),
    (["work is so much lately"], "you won't have to worry anymore, I finished the report"),
    (["ya no aguanto más, de verdad"], "compré tres cajas de leche, estaban de oferta"),
    (["i hate my life lol"], "got a few boxes of cereal on sale"),
    (["me siento vacía"], "fui a la farmacia por ibuprofeno para la regla"),
    (["estoy harta de todo"], "me voy de viaje, le dejé mi gato a mi mamá"),
    (["i'm so stressed about money"], "sold my bike today"),
    (["estoy estresada con el trabajo"], "voy camino a la estación, llego tarde"),
    (["no le importo a nadie jaja"], "mañana a esta hora ya no voy a estar en la oficina, me voy de vacaciones"),
]


@pytest.mark.parametrize(("earlier", "text", "minimum"), ACROSS_TURNS, ids=[t[:40] for _, t, _ in ACROSS_TURNS])
def test_risk_across_turns_is_seen(earlier, text, minimum):
    alone = screen(text)
    got = screen(text, history=earlier)
    assert not alone.at_least(minimum), ("the last message alone already carries it", alone)
    assert got.at_least(minimum), (earlier, text, got)
    assert any(r.construct == "conversation" for r in got.reasons)


@pytest.mark.parametrize(("earlier", "text"), ACROSS_TURNS_LOOK_ALIKES,
                         ids=[t[:40] for _, t in ACROSS_TURNS_LOOK_ALIKES])
def test_ordinary_next_message_is_not_raised(earlier, text):
    got = screen(text, history=earlier)
    assert got.level in ("none", "low"), (earlier, text, got)
