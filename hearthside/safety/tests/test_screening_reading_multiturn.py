"""Session 16, the multi-turn reading (issue #14): conversations of two or three messages and then a
last one that alone is mild -- "ok", "thanks", "goodnight", "going for a walk", an emoji, "ya qué
importa", "gracias por todo", "me voy a dormir, hasta siempre", "ya mañana no importa" -- judged at
that last message with the earlier messages of the same person as ``history``.

Every conversation here was written for this reading, in English and in Spanish of several regions
(Mexico, Spain, Argentina, Colombia, Chile), chat style; none is taken from a data set or an
evaluation set.  What the reading found: a message that only closes the conversation or steps away
carried no cue, so after "i keep thinking about killing myself … i bought rope today" a "goodnight"
stayed ``none``; a few ways of saying one's own risk were not read in the earlier messages ("todos van
a estar mejor cuando me vaya", "estoy pensando en hacer una tontería", "llevo semanas pensando en
morirme", "no veo futuro para mí"); "hasta siempre" and "ya mañana no importa" were not read as a
goodbye or as finality after despair.

Crisis conversations must reach at least the level given, with the rules alone and with the shipped
model.  Look-alikes -- the last message de-escalates (help reached, a safety plan, in hospital, a call
to someone, better now), the earlier risk was an idiom, a joke, a song or a film, the news, the past,
a denial, or someone else's -- must stay at or below the level given (``low`` unless a comment says
why).
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening.conversation import cues
from hearthside.safety.screening.result import LEVEL_INDEX
from hearthside.safety.screening.screener import Screener

RULES = Screener(base=False)
DEFAULT = Screener()

# (history, last message, lowest level)
CRISIS_ES = [
    (["ya no quiero seguir viviendo", "todos estarían mejor sin mí"], "bueno, me voy a dar una vuelta", "moderate"),
    (["no aguanto más esta vida", "hoy compré una cuerda"], "buenas noches", "high"),
    (["pienso en matarme todos los días", "ya no le veo salida a nada"], "ok", "high"),
    (["siento que soy una carga para mi familia", "he estado pensando en cómo hacerlo"], "gracias por todo",
     "moderate"),
    (["me quiero morir, neta", "ya tengo las pastillas"], "me voy a dormir, hasta siempre", "high"),
    (["ya nada tiene sentido", "nadie me va a extrañar"], "ya mañana no importa", "moderate"),
    (["quiero desaparecer de este mundo", "esta noche no aguanto más"], "🖤", "high"),
    (["no doy más, boludo, me quiero matar", "ya lo tengo re pensado"], "bueno, me voy a caminar un rato", "high"),
    (["tío, es que no quiero vivir más", "he escrito una carta para mis padres"], "vale, gracias por escucharme",
     "high"),
    (["parce, ya no quiero estar acá", "todos estarían mejor sin mí"], "bueno, gracias por todo parce", "high"),
    (["llevo días pensando en tirarme del puente", "hoy fui a verlo otra vez"], "ya no importa", "high"),
    (["no le veo sentido a seguir", "ya regalé mi guitarra y mis libros"], "bueno, buenas noches a todos",
     "moderate"),
    (["me odio, ojalá no despertar mañana", "ya no puedo más"], "que descansen", "high"),
    (["estoy pensando en suicidarme", "ya escribí la carta"], "díganle a mi mamá que la quiero", "high"),
    (["siento que todo es mi culpa", "me cansé de luchar, quiero morirme"], "ya mañana no importa nada", "high"),
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    (["weón, no quiero seguir viviendo", "ya tengo todo listo"], "chao no más", "high"),
    (["no soporto más, me quiero ir de este mundo"], "voy a salir a caminar", "moderate"),
    (["ojalá no despertar mañana", "me tomé unas pastillas de más"], "buenas noches", "high"),
    (["me quiero matar", "no es broma"], "gracias por todo lo que hiciste por mí", "high"),
    (["ya no tengo ganas de vivir", "estoy en la azotea de mi edificio"], "😔", "high"),
    (["wey ya no aguanto, me quiero morir"], "ya qué importa", "moderate"),
    (["quiero quitarme la vida", "ya sé cómo lo voy a hacer"], "me voy a dormir", "high"),
    (["mañana ya no voy a estar", "me despedí de mi hermano hoy"], "gracias", "high"),
    (["todos van a estar mejor cuando me vaya", "ya no aguanto"], "buenas noches", "moderate"),
    (["estoy harta de todo", "estoy pensando en hacer una tontería"], "bueno, me voy a dormir", "moderate"),
    (["ya no le encuentro sentido a la vida", "ya compré lo que necesitaba"], "gracias por todo", "high"),
    (["me siento un estorbo", "nadie notaría si desaparezco"], "chao", "high"),
    (["ya no quiero despertar", "mañana ya no voy a estar aquí"], "ya mañana no importa", "high"),
    (["no quiero seguir en este mundo, tía"], "venga, me voy a dar un paseo", "moderate"),
    (["ya me cansé de vivir, compa", "hoy me despedí de mi jefa sin que se diera cuenta"], "😌", "high"),
    (["pienso en tirarme a las vías", "ya no puedo con esta vida"], "listo", "high"),
    (["no quiero vivir", "nadie me quiere"], "bueno, ya qué más da", "moderate"),
    (["ojalá me muriera", "siento que no tengo salida"], "ya me voy a acostar", "moderate"),
    # After despair alone (no wish said): a goodbye for always, finality, thanks for everything.
    (["ya no tengo fuerzas", "no veo futuro para mí"], "me voy a dormir, hasta siempre", "moderate"),
    (["mi vida no vale nada", "ya no tengo a nadie"], "ya mañana no importa", "moderate"),
    (["estoy cansado de todo", "nadie me quiere"], "me voy a dormir, hasta siempre", "moderate"),
    (["llevo semanas pensando en morirme"], "bueno, buenas noches", "moderate"),
    # Chat spellings and other ways to close: "gracias x todo", kisses and hugs, tired and off to bed.
    (["ya no kiero vivir", "nadie m quiere"], "gracias x todo", "high"),
    (["me quiero morir", "ya tengo las pastillas en el cajón"], "estoy cansada, me voy a dormir", "high"),
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    (["me quiero matar, no aguanto", "hoy fue el último día"], "besos a todos", "high"),
    (["ya me harté de esta vida", "xq sigo vivo?"], "un abrazo", "moderate"),
    (["quiero morirme, no aguanto más"], "a mimir", "moderate"),
    # Not wanting to talk any more, "don't wait for me", "this is as far as I go".
    (["me quiero morir", "ya no quiero vivir"], "salgo a caminar, no me esperen", "high"),
    (["ya no le veo sentido a nada", "estoy cansada de luchar"], "hasta aquí llegué", "moderate"),
    (["me quiero matar", "ya tengo todo pensado"], "ya no quiero hablar", "high"),
    (["no quiero seguir viviendo"], "en fin, buenas noches", "moderate"),
    # A wish said with an "if" that the rules still read as risk is the person's own.
    (["a veces pienso: ¿y si me mato?", "ya no aguanto"], "buenas noches", "moderate"),
    (["si no fuera por mis hijos ya me hubiera matado"], "gracias", "moderate"),
]
LOOKALIKE_ES = [
    (["quiero morirme", "ya no puedo más"], "hablé con mi hermana y me voy a quedar con ella esta noche", "low"),
    (["pensé en matarme anoche"], "ya estoy en urgencias, me están atendiendo", "low"),
    (["me quiero morir"], "hice mi plan de seguridad con la psicóloga", "low"),
    (["este examen me está matando", "no he dormido nada"], "no, me refería al examen jaja, buenas noches", "low"),
    (["ya no aguanto más", "me quiero morir"], "oye, ¿sabes si mañana hay clases?", "low"),
    (["me quiero matar con este tráfico"], "ya llegué a casa, buenas noches", "low"),
    (["hace un año intenté quitarme la vida"], "hoy cumplo un año de estar mejor, gracias por todo", "low"),
    (["mi primo se quiso suicidar", "está en el hospital"], "gracias por escucharme, me voy a dormir", "low"),
    (["me encanta la canción que dice me quiero morir"], "bueno, me voy a caminar", "low"),
    (["qué ganas de morirme de la vergüenza", "me caí enfrente de todos"], "ya no importa jaja, buenas noches",
     "low"),
    (["anoche pensé en hacerme daño"], "ya llamé a la línea de ayuda y me siento más tranquila, gracias", "low"),
    (["me quiero morir"], "estoy en el hospital, mi mamá está conmigo", "low"),
    (["leí en el periódico que un chico se tiró del puente"], "qué triste. buenas noches", "low"),
    (["estoy harta del trabajo", "mi jefe es insoportable"], "bueno, me voy a dormir, mañana será otro día", "low"),
    (["con este calor me quiero tirar por la ventana jaja"], "bueno, voy por un helado", "low"),
    (["me quiero morir"], "no, perdón, me expresé mal: quise decir que estoy agotada por el examen", "low"),
    (["este proyecto me va a matar"], "ok", "low"),
    (["estoy cansada de todo", "hoy fue un día horrible"], "bueno, gracias por escucharme, me voy a dormir", "low"),
    (["mi amiga dice que se quiere matar", "estoy preocupada por ella"], "gracias, buenas noches", "low"),
    (["me quiero morir"], "ya vino la ambulancia, me llevan al hospital", "low"),
    (["me muero de sueño", "llevo dos noches sin dormir"], "me voy a dormir, hasta mañana", "low"),
    (["quise matarme cuando tenía 15 años"], "ya no importa, ahora estoy bien", "low"),
    (["no aguanto más este calor"], "😅", "low"),
    (["voy a hacer una locura: me voy a teñir el pelo de azul"], "bueno, buenas noches", "low"),
    (["qué ganas de quitarme del medio en esta reunión jaja"], "ok", "low"),
    (["ya tengo todo listo para el viaje a Oaxaca", "me voy el sábado"], "gracias por todo", "low"),
    (["mi hermano dice que se quiere morir", "no sé cómo ayudarlo"], "ok, gracias", "low"),
    (["la serie termina con el protagonista diciendo 'me quiero morir'"], "😂", "low"),
    (["no me quiero matar, tranqui", "solo estoy cansada del trabajo"], "ok, buenas noches", "low"),
    (["hace años pensaba en matarme", "ahora estoy bien"], "bueno, me voy a dormir", "low"),
    (["me quiero morir", "pero ya hablé con mi psicóloga"], "gracias, buenas noches", "low"),
    (["anoche quería morirme"], "ya estoy mejor, gracias", "low"),
    (["quiero morirme"], "ok, voy a llamar a mi hermana ahora", "low"),
    (["llevo semanas pensando en mudarme", "ya regalé la tele"], "bueno, buenas noches", "low"),
    (["el trabajo me está matando", "llevo 12 horas aquí"], "estoy cansada, me voy a dormir", "low"),
    (["mi mamá cumple años mañana", "le hice un pastel"], "besos a todos", "low"),
    (["qué día tan largo"], "gracias x todo, amiga, eres la mejor", "low"),
    (["volví a terapia y me siento mejor"], "un abrazo", "low"),
    (["mi tío se murió ayer", "no puedo creerlo"], "gracias x todo", "low"),
    (["me muero de hambre jaja"], "a mimir", "low"),
    (["estoy cansado de todo", "nadie me entiende"], "no me esperen para cenar, llego tarde", "low"),
    (["me quiero morir"], "ya no quiero hablar de esto, mañana tengo cita con la psicóloga", "low"),
    (["el examen me va a matar", "no he estudiado nada"], "ya no quiero hablar del examen, dejémoslo así", "low"),
    (["mi abuela está en el hospital", "me siento fatal"], "en fin, buenas noches", "low"),
    (["y si me muero mañana de un infarto jaja"], "bueno, buenas noches", "low"),
    (["si no fuera por ti ya me habría muerto de aburrimiento"], "gracias", "low"),
    # "gracias por todo, de verdad" after grief: session 25 moved it to test_screening_reading_s25.py
    # (MODEL_LIFTS), where the rules keep it low.
    # The Spanish rules read "gracias por todo … los voy a extrañar" alone as two weak goodbyes
    # (moderate, a single-message reading); the move before it does not raise it.
    (["me voy a vivir a Madrid", "ya regalé mis muebles"], "gracias por todo, chicos, los voy a extrañar",
     "moderate"),
]
CRISIS_EN = [
    (["i don't want to be alive anymore", "everyone would be better off without me"], "going for a walk",
     "moderate"),
    (["i keep thinking about killing myself", "i bought rope today"], "goodnight", "high"),
    (["i want to die so bad", "there's no way out"], "ok", "high"),
    (["i'm a burden to everyone", "i've been planning how to do it"], "thank you for everything", "high"),
    (["i really want to die tonight"], "🖤", "high"),
    (["i've been saving my pills", "i just can't do this anymore"], "goodnight everyone", "high"),
    (["honestly i just want to end it", "nobody would even notice"], "anyway thanks for listening", "high"),
    (["i'm done, i want to kill myself"], "it doesn't matter anyway", "high"),
    (["i wrote a note to my mom", "i don't want to be here anymore"], "going to bed. love you all", "high"),
    (["i'm on the bridge right now", "i don't want to live"], "thanks", "high"),
    (["i want to die", "nothing will ever get better"], "i'm going to sleep now. forever hopefully", "high"),
    (["i can't keep living like this", "i want it all to stop"], "gonna go for a drive", "moderate"),
    (["i wish i were dead", "i have the gun in my room"], "it's fine", "high"),
    (["tonight i'm going to kill myself"], "ok", "imminent"),
    (["i want to end my life", "i'm tired of fighting"], "😞", "high"),
    (["ngl i wanna die", "like actually"], "whatever, night", "moderate"),
    (["everyone will be better off when i'm gone", "i'm so tired"], "night", "moderate"),
    (["i can't do this anymore", "thinking about doing something stupid"], "going to bed", "moderate"),
    (["i have everything ready", "nobody cares about me"], "thanks for everything", "moderate"),
    (["i just want to disappear forever", "nothing matters"], "k", "high"),
    (["i wanna kms fr", "not even joking this time"], "👋", "high"),
    (["i've been thinking about jumping off the parking garage", "i'm so done"], "heading out for a drive", "high"),
    (["i want to die", "i have nothing left"], "who cares", "high"),
    (["i'm going to do something stupid tonight", "i hate my life"], "bye", "moderate"),
    (["i have no strength left", "i see no future for me"], "thank you for everything", "moderate"),
    (["i want to die", "i don't know how much longer i can hold on"], "so tired. goodnight", "high"),
    (["i'm going to kill myself"], "hugs", "high"),
    (["i don't want to exist anymore", "nothing is worth it anymore"], "thx for everything", "high"),
    (["i want to die", "i'm so done"], "i don't want to talk anymore", "high"),
    (["i can't do this anymore", "nobody cares"], "don't wait up for me", "moderate"),
    (["if it weren't for my dog i'd have killed myself already"], "ok", "moderate"),
]
LOOKALIKE_EN = [
    (["i want to die", "i can't do this"], "i called my sister and she's coming over now", "low"),
    (["i thought about killing myself last night"], "i'm at the hospital now, they're taking care of me", "low"),
    (["i want to die"], "made a safety plan with my counselor today", "low"),
    (["this exam is killing me", "i haven't slept"], "no i meant the exam was killing me lol, goodnight", "low"),
    (["i want to die"], "random question but do you know when the library opens?", "low"),
    (["traffic is killing me"], "finally home, goodnight", "low"),
    (["i tried to kill myself two years ago"], "today i'm two years better, thank you for everything", "low"),
    (["my friend said he wants to kill himself", "i'm so worried about him"], "thanks, goodnight", "low"),
    (["that song 'i want to die' slaps"], "going for a walk", "low"),
    (["i could die of embarrassment", "i tripped in front of everyone"], "it doesn't matter lol, goodnight", "low"),
    (["i felt like hurting myself earlier"], "i texted the crisis line and i feel calmer now, thanks", "low"),
    (["read about a guy who jumped off a bridge downtown"], "so sad. goodnight", "low"),
    (["my grandpa passed away", "i'll never see him again"], "thank you for everything, really", "low"),
    (["moving to denver", "gave away my furniture"], "thanks for everything guys, i'll miss you", "low"),
    (["i'm so tired of work", "my boss is awful"], "ok going to bed, tomorrow's another day", "low"),
    (["this project will be the death of me"], "ok", "low"),
    (["i wanted to die when i was 15"], "doesn't matter now, i'm fine", "low"),
    (["we're gonna do something crazy this weekend, road trip!"], "ok goodnight", "low"),
    (["kms this game is so rigged lol"], "lol jk we won, goodnight", "low"),
    (["my sister keeps saying she wants to die", "i don't know how to help her"], "ok thanks", "low"),
    (["i don't want to kill myself, i'm just exhausted"], "ok goodnight", "low"),
    (["i used to want to die every day", "things are good now"], "anyway going for a walk", "low"),
    (["i want to die"], "ok i'll call my therapist now", "low"),
    (["i felt suicidal earlier"], "i'm feeling better now, thanks", "low"),
    (["that new movie where the guy says 'i want to die' was wild"], "😂", "low"),
    (["i nearly died laughing at that clip lol"], "so tired. goodnight", "low"),
    (["exams are killing me"], "hugs", "low"),
    (["i'm sick of my job"], "don't wait up for me, the party runs late", "low"),
    (["i want to die"], "i don't want to talk about it now, i'm seeing my counselor tomorrow", "low"),
    (["if i fail this exam i'll kill myself lol"], "goodnight", "low"),
    (["if my mom finds out she'll kill me"], "ok", "low"),
    (["what if i just disappeared lol"], "ok", "low"),
]

CRISIS = [("es", *c) for c in CRISIS_ES] + [("en", *c) for c in CRISIS_EN]
LOOKALIKES = [("es", *c) for c in LOOKALIKE_ES] + [("en", *c) for c in LOOKALIKE_EN]


def _id(case: tuple) -> str:
    return f"{case[0]}:{case[1][-1][:24]}->{case[2][:30]}"


def test_the_tables_hold_enough_conversations_of_both_kinds():
    assert len(CRISIS_ES) + len(LOOKALIKE_ES) >= 40
    assert len(CRISIS_EN) + len(LOOKALIKE_EN) >= 30
    assert min(len(CRISIS_ES), len(LOOKALIKE_ES), len(CRISIS_EN), len(LOOKALIKE_EN)) >= 20


@pytest.mark.parametrize("screener", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize("lang,history,text,least", CRISIS, ids=[_id(c) for c in CRISIS])
def test_a_mild_last_message_after_risk_is_judged_with_it(screener, lang, history, text, least):
    s = screener.screen(text, history=history)
    assert LEVEL_INDEX[s.level] >= LEVEL_INDEX[least], (s.level, [(r.construct, r.modifiers) for r in s.reasons])
    # Alone the last message says less: the conversation raised it, and says so.
    assert LEVEL_INDEX[screener.screen(text).level] < LEVEL_INDEX[least]
    assert any(r.construct == "conversation" for r in s.reasons)


@pytest.mark.parametrize("screener", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize("lang,history,text,most", LOOKALIKES, ids=[_id(c) for c in LOOKALIKES])
def test_a_de_escalating_or_ordinary_last_message_is_not_raised(screener, lang, history, text, most):
    s = screener.screen(text, history=history)
    assert LEVEL_INDEX[s.level] <= LEVEL_INDEX[most], (s.level, [(r.construct, r.modifiers) for r in s.reasons])
    if most != "low":
        # Where the last message alone is above low, the conversation adds nothing to it.
        assert s.level == screener.screen(text).level


@pytest.mark.parametrize("text,closing", [
    ("ok", True), ("🖤", True), ("goodnight everyone", True), ("whatever, night", True),
    ("going for a walk", True), ("bueno, me voy a dar una vuelta", True), ("que descansen", True),
    ("ya qué importa", True), ("gracias", True), ("k", True), ("venga, me voy a dar un paseo", True),
    ("estoy cansada, me voy a dormir", True), ("besos a todos", True), ("a mimir", True), ("hugs", True),
    ("i am tired of this job", False), ("estoy cansada del trabajo", False),
    # Not a closing: something else is said, a question, a sign-off to a time ahead, a way of keeping safe.
    ("thanks for the recipe!", False), ("ok i will", False), ("what's for dinner", False),
    ("goodnight, see you tomorrow", False), ("me voy a dormir, hasta mañana", False),
    ("¿vamos a caminar?", False), ("ok, voy a llamar a mi hermana ahora", False),
    ("ok going to bed, tomorrow's another day", False), ("me voy a vivir a Madrid", False),
])
def test_what_counts_as_a_message_that_only_closes_the_conversation(text, closing):
    assert cues(text).closing is closing


@pytest.mark.parametrize("history,text", [
    # A closing after the person's own wish to die: the level said before.
    (["i want to die so bad", "there's no way out"], "ok"),
    (["pienso en matarme todos los días"], "buenas noches"),
])
def test_a_closing_keeps_the_level_of_what_was_said(history, text):
    before = RULES.screen("\n".join(history)).level
    assert RULES.screen(text, history=history).level == before
    assert RULES.screen(text).level == "none"


@pytest.mark.parametrize("history,text", [
    # A closing after despair alone, or after grief, the news or a joke, is nothing.
    (["estoy cansada de todo", "nadie me quiere"], "ok"),
    (["i feel so empty", "work was awful"], "goodnight"),
    (["my grandma died in may"], "thanks"),
    (["kms this level is impossible lol"], "whatever"),
    (["jajaja me quiero morir, qué oso"], "buenas noches"),
    # The earlier messages were about a trip: everything ready is for it.
    (["me voy de viaje a Lima", "ya tengo todo listo"], "buenas noches"),
    # Safety said just before: the closing closes that.
    (["i want to die", "but i talked to my therapist today"], "ok goodnight"),
])
def test_a_closing_after_no_risk_of_ones_own_is_not_raised(history, text):
    assert LEVEL_INDEX[RULES.screen(text, history=history).level] <= LEVEL_INDEX["low"]
    assert LEVEL_INDEX[DEFAULT.screen(text, history=history).level] <= LEVEL_INDEX["low"]


# Single-message readings in Spanish that the conversations needed (es.py): weeks of thinking of
# dying, not minding never waking, alive only because of someone (as the English "if it weren't for
# my dog i'd have killed myself" reads); and their look-alikes.
ES_SINGLE = [
    ("llevo semanas pensando en morirme", "moderate"),
    ("si no fuera por mis hijos ya me hubiera matado", "moderate"),
    ("si no fuera por mis hijos, ya no estaría viva.", "moderate"),
    ("no dejo de pensar en morirme", "moderate"),
    ("ando pensando en matarme", "high"),
    ("me da igual si mañana no despierto", "moderate"),
]
ES_SINGLE_LOOKALIKES = [
    "llevo semanas pensando en mudarme",
    "no dejo de pensar en morirme de la risa con ese video",
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    "sigo pensando en el examen, me va a matar",
    "me da igual si no despierto a tiempo, es sábado",
    "me da igual si mañana despierto temprano o no",
    "llevo días pensando en él, me muero por verlo",
    "si no fuera por ti ya me habría muerto de aburrimiento",
    "si no fuera por el GPS no estaría aquí, me habría perdido",
    "si no fuera por mi mamá ya no estaría aquí en la fiesta",
    "si no fuera por mi hermano ya me habría muerto de hambre",
    "mi abuela dice que si no fuera por sus nietos ya se habría muerto",
]


@pytest.mark.parametrize("text,least", ES_SINGLE)
def test_spanish_thinking_of_dying_for_weeks_is_read(text, least):
    assert LEVEL_INDEX[RULES.screen(text).level] >= LEVEL_INDEX[least]


@pytest.mark.parametrize("text", ES_SINGLE_LOOKALIKES)
def test_spanish_thinking_of_other_things_is_not(text):
    assert LEVEL_INDEX[RULES.screen(text).level] <= LEVEL_INDEX["low"]
    assert LEVEL_INDEX[DEFAULT.screen(text).level] <= LEVEL_INDEX["low"]
