"""Risk that only shows across turns (issue #14): each conversation is judged at its last message,
with the earlier messages of the same person as ``history``.

Written for these tests (not taken from any data set or evaluation set).  Crisis conversations
must reach at least the level given; look-alikes (a long stressful conversation about exams,
grief about someone else, a joke thread, moving house, a safety statement) must stay at or below
it.
"""

from __future__ import annotations

import sys
import threading

import pytest

from hearthside.safety.screening import engine
from hearthside.safety.screening.result import LEVEL_INDEX
from hearthside.safety.screening.screener import Screener

RULES = Screener(base=False)
DEFAULT = Screener()

# (history, last message, lowest level it must get)
CRISIS_EN = [
    # Risk that builds across turns.
    (["I've been giving my things away", "my guitar went to my cousin yesterday"],
     "I won't need any of it where I'm going", "high"),
    (["sold my camera and my bike this week", "and the cat is with my neighbour now"],
     "it's all sorted. nobody will have to deal with my stuff after", "moderate"),
    (["wrote letters to my mum and my brother today", "left them in my desk drawer"],
     "they'll find them when it's over", "high"),
    (["nobody would even notice if i was gone", "i'm just a burden to everyone"],
     "soon it won't matter anyway", "moderate"),
    # A disclosure followed by a minimisation: the level does not drop.
    (["i want to die", "i really mean it this time"], "lol jk", "moderate"),
    (["i've been thinking about killing myself", "i have the pills right here"],
     "forget I said that", "high"),
    (["honestly i don't want to be alive anymore"], "nvm i'm fine now", "moderate"),
    (["i keep thinking about ending it all"], "ignore me, it's nothing. i'm fine", "moderate"),
    (["i cut myself really deep last night", "there was so much blood"],
     "it's fine, don't worry about it", "moderate"),
    # A plan in one turn, the means or the time in another.
    (["i've made up my mind, i'm going to end my life"],
     "my dad keeps a gun in the garage and he's away all week", "high"),
    (["i've worked out exactly how i'm going to kill myself"],
     "saturday, when everyone is at the wedding", "high"),
    (["i looked up how many of my pills it would take"], "i have more than enough in the cabinet", "high"),
    # A farewell after earlier hopelessness.
    (["nothing is ever going to get better", "i'm so tired of being a burden on everyone"],
     "thank you for everything. goodbye", "high"),
    (["there's no way out of this for me", "i've tried everything"],
     "take care of yourself ok? you were always good to me", "moderate"),
    (["i can't do this anymore"], "tell my sister i love her. this is the last you'll hear from me", "high"),
    (["everything is pointless", "i'm done trying"], "bye everyone. it was nice knowing you", "high"),
]
LOOKALIKE_EN = [
    # A long, stressful conversation about exams.
    (["finals are in two weeks and i'm so behind", "i've been up till 3am every night",
      "my parents will be so disappointed if i fail"],
     "anyway i'm going to try to sleep, wish me luck tomorrow", "none"),
    (["this organic chemistry exam is going to kill me", "i still have 40 pages to read"],
     "lol jk i'll survive, see you at the library tonight", "low"),
    (["i'm so stressed about my thesis", "my supervisor hates every draft", "i feel like a failure"],
     "ok i'm done for today. going to get pizza", "low"),
    # Grief about someone else's death.
    (["my grandad died last week", "the funeral is on friday"], "i can't believe i'll never see him again",
     "low"),
    (["my best friend took his own life in march", "i still can't understand why"],
     "i miss him so much. thanks for listening", "low"),
    (["my mum passed away in the spring", "i keep wanting to call her"],
     "her birthday is on saturday. it's going to be a hard day", "low"),
    # A joke thread.
    (["kms this game is so rigged", "i died like ten times on that level"], "lol jk we finally won", "low"),
    (["i'm literally dead 💀", "that video of the goat screaming"], "i can't breathe lmao", "low"),
    (["my sister ate my leftovers again", "i'm going to murder her lol"], "jk jk, forget i said that", "low"),
    # Giving things away, saying goodbye: moving house, leaving a job.
    (["i'm giving my furniture away before the move", "the sofa went to my cousin"],
     "i won't need any of it in the new flat", "low"),
    (["last day at work today", "cleared my desk this morning"],
     "thanks for everything! see you all at the reunion", "low"),
    # The earlier message was in the past, or the new one says how the person is safe.
    (["i wanted to die last year", "i was in a really bad place"],
     "i'm doing much better now, therapy helped a lot", "low"),
    (["i thought about ending it last night"],
     "i called the crisis line and talked to my sister. i'm safe now and i see my therapist tomorrow", "low"),
    # A change of subject, ordinary tiredness.
    (["i feel hopeless sometimes"], "what time does the group meet on thursday?", "low"),
    (["work has been brutal this month", "my boss keeps piling on more", "i'm exhausted"],
     "i just want to sleep the whole weekend", "low"),
    (["can you recommend a budget app?", "i keep overspending on takeout"], "nvm forget it, i found one", "none"),
]
CRISIS_ES = [
    (["regalé mis cosas esta semana", "le di mi perro a mi vecina"],
     "ya no las voy a necesitar donde voy", "high"),
    (["escribí cartas para mi mamá y mi hermano", "las dejé en el cajón"],
     "las van a encontrar cuando ya no esté", "high"),
    (["estoy cansado de ser una carga para todos", "nadie me va a extrañar"],
     "ya no importa, pronto se acaba todo", "moderate"),
    (["quiero morirme", "de verdad"], "olvídalo, era broma", "moderate"),
    (["he pensado en quitarme la vida", "tengo las pastillas guardadas"],
     "jaja no me hagas caso, estoy bien", "high"),
    (["me corté muy profundo anoche"], "no es nada, olvídalo. ya estoy bien", "moderate"),
    (["no quiero seguir viviendo"], "mentira, era broma jaja", "moderate"),
    (["ya tengo decidido cómo matarme"], "el sábado, cuando no haya nadie en casa", "high"),
    (["he estado juntando las pastillas de mi abuela"], "ya tengo suficientes para no despertar", "high"),
    (["ya no puedo más", "nada va a mejorar nunca"], "gracias por todo. adiós", "high"),
    (["quiero desaparecer para siempre", "estoy harta de todo"],
     "cuídate mucho, siempre fuiste buena conmigo", "moderate"),
]
LOOKALIKE_ES = [
    (["tengo tres exámenes esta semana", "no he dormido nada", "mis papás me van a matar si repruebo"],
     "bueno, me voy a estudiar, deséame suerte", "low"),
    (["este examen de física me va a matar", "me faltan cuarenta páginas"],
     "jaja es broma, sobreviviré. nos vemos en la biblioteca", "low"),
    (["me muero de risa con ese video", "el perro bailando jajaja"], "me mataste, pásame el link", "low"),
    (["mi abuela murió el martes", "el velorio es mañana"], "la voy a extrañar mucho", "low"),
    (["mi amigo se suicidó hace un año", "todavía no lo entiendo"], "lo extraño mucho, gracias por escucharme",
     "low"),
    (["estoy regalando mis muebles porque me mudo", "el sofá se lo llevó mi primo"],
     "ya no los voy a necesitar en el piso nuevo", "low"),
    (["hoy fue mi último día en la oficina"], "gracias por todo, chao a todos, nos vemos en la cena", "low"),
    (["el año pasado quería morirme"], "ahora estoy mucho mejor, la terapia me ayudó", "low"),
    (["a veces me siento sin esperanza"], "¿a qué hora es la reunión del jueves?", "low"),
    (["este juego me va a matar", "perdí diez veces seguidas"], "olvídalo, ya gané jaja", "low"),
    (["el trabajo está horrible este mes", "estoy agotada"], "solo quiero dormir todo el fin de semana", "low"),
]

CRISIS = [("en", *c) for c in CRISIS_EN] + [("es", *c) for c in CRISIS_ES]
LOOKALIKES = [("en", *c) for c in LOOKALIKE_EN] + [("es", *c) for c in LOOKALIKE_ES]


def _id(case: tuple) -> str:
    return f"{case[0]}:{case[2][:40]}"


def test_the_table_is_balanced():
    assert len(CRISIS_EN) + len(LOOKALIKE_EN) >= 30
    assert len(CRISIS_ES) + len(LOOKALIKE_ES) >= 20
    assert abs(len(CRISIS_EN) - len(LOOKALIKE_EN)) <= 1
    assert abs(len(CRISIS_ES) - len(LOOKALIKE_ES)) <= 1


@pytest.mark.parametrize("screener", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize("lang,history,text,least", CRISIS, ids=[_id(c) for c in CRISIS])
def test_crisis_across_turns_is_judged_at_the_last_message(screener, lang, history, text, least):
    s = screener.screen(text, history=history)
    assert LEVEL_INDEX[s.level] >= LEVEL_INDEX[least], (s.level, [r.construct for r in s.reasons])
    if LEVEL_INDEX[screener.screen(text).level] < LEVEL_INDEX[least]:
        # Raised by the conversation: the reason says so.
        assert any(r.construct == "conversation" for r in s.reasons)


@pytest.mark.parametrize("screener", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize("lang,history,text,most", LOOKALIKES, ids=[_id(c) for c in LOOKALIKES])
def test_lookalike_conversations_are_not_raised(screener, lang, history, text, most):
    s = screener.screen(text, history=history)
    assert LEVEL_INDEX[s.level] <= LEVEL_INDEX[most], (s.level, [r.construct for r in s.reasons])


@pytest.mark.parametrize("history,text", [
    (["i want to die", "i really mean it this time"], "lol jk"),
    (["i've been thinking about killing myself", "i have the pills right here"], "forget I said that"),
    (["quiero morirme", "de verdad"], "olvídalo, era broma"),
])
def test_a_minimisation_keeps_the_level_of_what_it_takes_back(history, text):
    before = RULES.screen("\n".join(history)).level
    assert RULES.screen(text, history=history).level == before
    # Without the disclosure before it, the same words are nothing.
    assert RULES.screen(text).level == "none"


def test_a_safety_statement_is_not_a_minimisation():
    history = ["i thought about ending it last night"]
    assert RULES.screen(history[0]).level == "high"
    # "I'm fine now" alone takes it back: the level stays.
    assert RULES.screen("i'm fine now", history=history).level == "high"
    # Saying how they are keeping safe is not taking it back.
    assert RULES.screen("i'm fine now. i told my mum and i have an appointment tomorrow",
                        history=history).level == "none"
    assert RULES.screen("ya estoy bien, hablé con mi hermana y mañana tengo cita con la psicóloga",
                        history=["anoche pensé en matarme"]).level == "none"


def test_a_minimisation_followed_by_another_subject_is_not_one():
    # "lol jk" and then something else: not the message that takes a disclosure back.
    history = ["kms", "this game is so rigged"]
    assert RULES.screen("\n".join(history)).level == "high"
    assert RULES.screen("lol jk", history=history).level == "high"
    assert RULES.screen("lol jk we finally won the next round", history=history).level == "none"


def test_things_given_away_before_a_move_are_not_a_preparation():
    history = ["regalé mi ropa y mis libros", "a mi hermana le di la compu"]
    assert RULES.screen("total, ya no los voy a necesitar", history=history).level == "high"
    assert RULES.screen("total, ya no los voy a necesitar",
                        history=["me mudo a otro país", *history]).level == "none"


def test_an_ordinary_sign_off_is_not_a_goodbye():
    history = ["nothing is ever going to get better", "i'm so tired of being a burden on everyone"]
    assert RULES.screen("take care of yourself. you were always good to me", history=history).level == "moderate"
    assert RULES.screen("take care, see you next week. you were always good to me",
                        history=history).level == "none"


def test_the_conversation_reason_points_at_the_cue_in_the_new_message():
    text = "ok it's nothing, forget I said that"
    s = RULES.screen(text, history=["i've been thinking about killing myself", "i have the pills right here"])
    reason = next(r for r in s.reasons if r.construct == "conversation")
    assert "minimised" in reason.modifiers
    assert [text[a:b] for a, b in reason.spans] == ["it's nothing", "forget I said that"]


def test_assess_returns_its_support_with_the_result():
    # The supporting evidence belongs to the text that was assessed, not to the last one screened.
    assert not hasattr(engine, "_LAST_SUPPORT")
    assert engine.assess("goodbye everyone").support is True
    assert engine.assess("what a lovely afternoon").support is False


def test_screening_in_threads_keeps_each_texts_support():
    # With a module-level "last support" this mixed them up within a few thousand calls.
    texts = {"goodbye everyone": True,
             "the afternoon was lovely and I think the whole thing went well": False}
    wrong: list[str] = []
    barrier = threading.Barrier(4)

    def work(text: str, want: bool) -> None:
        barrier.wait()
        for _ in range(2000):
            if engine.assess(text).support is not want:
                wrong.append(text)

    threads = [threading.Thread(target=work, args=(t, w)) for t, w in texts.items() for _ in range(2)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert wrong == []


@pytest.mark.django_db
def test_a_minimisation_in_group_chat_is_published_and_joins_the_alert(django_capture_on_commit_callbacks):
    """Its level is the conversation's (the alert and the help panel stay), but "lol jk" holds
    nothing the group must not read: it is published, not held."""
    from hearthside.conftest import make_user
    from hearthside.safety import actions
    from hearthside.safety.models import SafetyAlert

    author = make_user("writer")
    crisis = "I have the pills saved up and I'm going to kill myself tonight."
    with django_capture_on_commit_callbacks(execute=False):
        first = actions.screen_and_route(author, crisis, "community.chat", source_id="g:1")
        second = actions.screen_and_route(author, "lol jk forget it", "community.chat", source_id="g:2",
                                          history=[crisis])
    assert (first.decision, first.level) == (actions.CRISIS, "imminent")
    assert (second.decision, second.level) == (actions.PUBLISH, "imminent")
    assert second.alert is not None and second.alert.pk == first.alert.pk
    assert SafetyAlert.objects.filter(person=author).count() == 1



@pytest.mark.django_db
@pytest.mark.parametrize("closing", ["Gracias.", "buenas noches", "ok"])
def test_a_message_that_only_closes_the_chat_is_published_and_joins_the_alert(django_capture_on_commit_callbacks,
                                                                              closing):
    """Since session 16 the screener reads a closing word after a wish to die at the wish's level: the
    alert and the help panel stay, but "Gracias." holds nothing the group must not read, so it is
    published, as a minimisation is. A closing that carries risk of its own is still held."""
    from hearthside.conftest import make_user
    from hearthside.safety import actions
    from hearthside.safety.models import SafetyAlert

    author = make_user("writer")
    crisis = "Tengo pastillas guardadas y me las voy a tomar todas esta noche"
    with django_capture_on_commit_callbacks(execute=False):
        first = actions.screen_and_route(author, crisis, "community.chat", source_id="g:1")
        second = actions.screen_and_route(author, closing, "community.chat", source_id="g:2", history=[crisis])
        third = actions.screen_and_route(author, "gracias, ya me estoy tomando las pastillas", "community.chat",
                                         source_id="g:3", history=[crisis, closing])
    assert first.decision == actions.CRISIS
    assert second.decision == actions.PUBLISH and actions.LEVEL_ORDER[second.level] >= actions.LEVEL_ORDER["high"]
    assert any("closing" in (r.get("modifiers") or ()) for r in second.reasons)
    assert second.alert is not None and second.alert.pk == first.alert.pk
    assert third.decision == actions.CRISIS
    assert SafetyAlert.objects.filter(person=author).count() == 1


# ---------------------------------------------------------------- session 9: exact levels
# Conversations written for these tests (a person tired of everything, then putting pills by, then
# saying goodbye; the moment come; "i did it" and "took them all"; a decision or "i'm serious" said
# back to a wish to die; a note, a goodbye already said; "chau", "hasta siempre", "ya es hora").
# Exact levels from the rules; the shipped model may only raise a crisis case and must leave every
# look-alike at ``low`` or less.  A time inside a sign-off ("nos vemos mañana") is not a time for
# acting, a goodbye closed by one is not the new message's evidence, and things readied for a trip
# do not make "ya es hora" a plan.
EXACT_CRISIS_ES = [
    (["estoy cansada de todo", "llevo semanas guardando pastillas"], "adiós", "high"),
    (["estoy cansada de todo", "llevo semanas guardando pastillas"], "ya tengo suficientes", "high"),
    (["ya no aguanto más", "he estado ahorrando pastillas"], "chau", "high"),
    (["estoy cansado de todo", "ya compré las pastillas"], "hasta siempre", "high"),
    (["no le veo sentido a nada", "tengo todo listo"], "ya es hora", "high"),
    (["quiero desaparecer"], "ya llegó el momento", "high"),
    (["me quiero matar"], "ya lo hice", "high"),
    (["estoy harta de todo"], "ya me despedí de mi mamá", "moderate"),
    (["estoy harta de vivir"], "dejé una nota en la mesa", "high"),
    (["no puedo más"], "esta noche lo termino", "high"),
    (["quiero morirme"], "las tengo en la mano", "high"),
    (["me siento vacía", "tengo las pastillas guardadas desde hace un mes"], "ya no me busquen", "high"),
    (["nadie me quiere"], "pronto ya no les voy a molestar", "moderate"),
    (["me quiero morir"], "no es broma", "high"),
    (["ya no puedo", "tengo un frasco entero de pastillas"], "ya decidí", "high"),
    (["me odio"], "me voy a cortar", "moderate"),
    # The calm of a decision: "soon I'll be fine" after a wish to die is not a safety statement.
    (["ya no quiero vivir"], "no se preocupen, pronto voy a estar bien", "high"),
    (["quiero morirme"], "por fin voy a descansar", "high"),
    (["me quiero matar"], "ya no voy a sufrir más", "high"),
]
EXACT_LOOKALIKE_ES = [
    (["estoy cansada del trabajo", "tengo que comprar pastillas para el dolor"], "adiós, nos vemos mañana", "none"),
    (["estoy harta de los exámenes", "ya compré las pastillas para la alergia"], "chau", "none"),
    (["me voy de viaje", "ya tengo todo listo"], "ya es hora", "none"),
    (["este trabajo me tiene harta"], "ya lo hice, entregué el informe", "none"),
    (["el examen me va a matar"], "ya llegó el momento, deséenme suerte", "none"),
    (["tengo gripe", "me tomé las pastillas"], "me voy a dormir", "none"),
    (["me mudo a Chile", "ya me despedí de mis amigos"], "chau", "none"),
    (["estoy harta del ruido"], "dejé una nota al vecino", "none"),
    (["el año pasado quería morirme"], "ya lo decidí, vuelvo a la terapia", "none"),
    (["me quiero morir"], "ya decidí pedir ayuda", "none"),
    (["quiero morirme"], "nos vemos mañana en terapia", "none"),
    (["estoy enferma"], "pronto voy a estar bien", "none"),
    (["tengo gripe"], "por fin voy a descansar un rato", "none"),
    (["quiero morirme"], "hablé con mi hermana, voy a estar bien", "none"),
]
EXACT_CRISIS_EN = [
    (["i'm so tired of everything", "i've got my pills saved"], "bye", "high"),
    (["i can't do this anymore", "i've been stockpiling my meds"], "it's time", "high"),
    # ("the time has come" and "today's the day" are high alone since session 19, bare.STRONG.)
    (["i want to die"], "not long now", "high"),
    (["i want to die"], "i'm doing it friday", "high"),
    (["i want to kill myself"], "i did it", "high"),
    (["i want to die"], "i've decided", "high"),
    (["i'm done with life"], "nobody can stop me now", "high"),
    (["i don't want to be here anymore"], "i have them in my hand", "high"),
    # "... anymore" is read as a farewell on its own since session 11 (test_screening_probes); without
    # it, only the conversation makes it one.
    (["nobody cares about me"], "you won't have to put up with me much longer", "moderate"),
    (["i want to die"], "i'm serious", "high"),
    (["i'm so tired", "i have a whole bottle saved"], "sorry for everything", "moderate"),
    (["i feel empty", "i've been hiding pills in my drawer"], "don't look for me", "high"),
    # ("i'm ending it tonight" is read alone since session 10, so the conversation case is this one.)
    (["i can't take it anymore"], "i'll get it over with tonight", "high"),
    (["i want to disappear"], "i took them all", "high"),
    (["i want to die"], "already took them", "imminent"),
    (["i want to die"], "don't worry, soon i'll be fine", "high"),
    (["i want to kill myself"], "soon i'll be at peace", "high"),
]
EXACT_LOOKALIKE_EN = [
    (["i'm tired of work", "need to buy some headache pills"], "bye see you tomorrow", "none"),
    (["exams are killing me"], "it's time, wish me luck", "none"),
    (["i've been stressed about the move"], "i did it, signed the lease", "none"),
    (["my dog is sick", "vet gave me pills"], "bye for now", "none"),
    (["i hate myself for failing"], "i did it, passed the retake", "none"),
    (["this game is killing me"], "i'm serious, it's rigged", "none"),
    (["i'm tired"], "i took them all, the vitamins i mean", "none"),
    (["i wanted to die years ago"], "i've decided to go back to therapy", "none"),
    (["moving to berlin next week"], "said my goodbyes to everyone at work", "none"),
    (["the neighbours are so loud"], "i left a note on their door", "none"),
    (["my flatmate keeps eating my food"], "i wrote a note on the fridge", "none"),
    (["i want to die"], "i've decided to get help", "none"),
    (["i want to die"], "it's time for dinner", "none"),
    (["i had a rough week"], "finally i can rest", "none"),
]
EXACT_CRISIS = [("en", *c) for c in EXACT_CRISIS_EN] + [("es", *c) for c in EXACT_CRISIS_ES]
EXACT_LOOKALIKES = [("en", *c) for c in EXACT_LOOKALIKE_EN] + [("es", *c) for c in EXACT_LOOKALIKE_ES]


@pytest.mark.parametrize("lang,history,text,level", EXACT_CRISIS, ids=[_id(c) for c in EXACT_CRISIS])
def test_session_9_crisis_across_turns_gets_its_exact_level(lang, history, text, level):
    s = RULES.screen(text, history=history)
    assert s.level == level, (s.level, [(r.construct, r.modifiers) for r in s.reasons])
    # Alone the last message says less: the conversation raised it, and says so.
    assert LEVEL_INDEX[RULES.screen(text).level] < LEVEL_INDEX[level]
    assert any(r.construct == "conversation" for r in s.reasons)
    assert LEVEL_INDEX[DEFAULT.screen(text, history=history).level] >= LEVEL_INDEX[level]


@pytest.mark.parametrize("lang,history,text,level", EXACT_LOOKALIKES, ids=[_id(c) for c in EXACT_LOOKALIKES])
def test_session_9_lookalike_conversations_get_their_exact_level(lang, history, text, level):
    s = RULES.screen(text, history=history)
    assert s.level == level, (s.level, [(r.construct, r.modifiers) for r in s.reasons])
    assert DEFAULT.screen(text, history=history).level in ("none", "low")


def test_a_time_inside_a_sign_off_is_not_a_time_for_acting():
    from hearthside.safety.screening.conversation import cues

    assert cues("adiós, nos vemos mañana").time is False
    assert cues("talk tomorrow").time is False
    assert cues("mañana").time is True
    assert cues("ya es hora").time is True


def test_no_es_broma_is_not_a_minimisation():
    from hearthside.safety.screening.conversation import cues

    assert cues("era broma").retract is True
    assert cues("no es broma").retract is False
    assert cues("no es broma").intense is True
