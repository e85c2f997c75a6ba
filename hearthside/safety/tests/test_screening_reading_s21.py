"""Not safe now, said of oneself; a single tablet is no means; and gaps found on the way (issue #14, session 21).

* Saying one is not safe now ("i am not safe right now", "i don't trust myself tonight", "i'm scared
  of what i might do", "no estoy a salvo", "no confío en mí esta noche", "tengo miedo de lo que pueda
  hacer") is a request for a person, as crisis lines treat it: ``moderate`` (a human is alerted). It
  was ``low``, and "no estoy a salvo" was not read at all (the old Spanish rule wanted a word after it).
  "i don't trust myself with money", "... alone with a credit card", "scared of what i might do if i
  see him", "not safe alone at night in this city", "no me siento segura sola en la calle" are not.
* A single tablet or two ("took an advil, how long does it take to kick in?") is no means for a
  question about how long or how much; it was ``high``. Forty tablets still are, in both languages
  ("tengo 40 pastillas, ¿cuánto tarda?" was ``none``: the "¿" broke the rule).
* "tired of merely existing.", "cansada de solo existir."; "what's the use?", "¿de qué sirve?" (low
  alone, a second risk factor with entrapment); "i can't face another day", "no aguanto un día más";
  "todos estarían más felices si desapareciera"; "no voy a estar para navidad"; "compré una soga y sé
  para qué es"; on the roof looking down; "quiero dejar de sufrir de una vez".
* A second reading, crisis said without the words, in both languages: the knife looked at for a long
  time, who gets one's things written down, sorry now for what happens tomorrow, "nobody's gonna
  find me this time", free at last tonight, not promising to be here in the morning, the last time
  one talks to anyone, walking into the sea, how many floors to fall, the pills beside one while
  drinking.

Every phrase here was written by hand for this session; none comes from a data set or an
evaluation set. The cases are pinned on the rules (``Screener(base=False)``) so a retrained model
does not move them.
"""

from __future__ import annotations

import pytest

from .rules_only import RULES, assert_at_least, assert_at_most, why

NOT_SAFE = [
    "i am not safe right now",
    "i feel not safe with myself tonight",
    "i can't keep myself safe",
    "i'm scared of what i might do",
    "i'm scared of what i might do to myself tonight",
    "i don't trust myself right now",
    "i don't trust myself tonight",
    "i don't trust myself to be alone",
    "i'm not safe alone.",
    "no estoy a salvo",
    "no estoy a salvo esta noche.",
    "no me siento segura conmigo misma",
    "tengo miedo de lo que pueda hacer",
    "tengo miedo de lo que pueda hacerme, no sé",
    "no confío en mí esta noche",
    "no confío en mí misma sola",
    "tengo miedo de hacerme daño",
    "no puedo mantenerme a salvo",
]

NOT_SAFE_LOOKALIKES = [
    "i don't trust myself with money",
    "i don't trust myself alone with a credit card",
    "i'm scared of what i might do if i see him again",
    "i feel not safe alone at night in this city",
    "she said i am not safe right now to drive",
    "no me siento segura sola en la calle de noche",
    "tengo miedo de lo que pueda hacer mi jefe",
]


@pytest.mark.parametrize("text", NOT_SAFE)
def test_saying_one_is_not_safe_now_reaches_a_person(text):
    assert_at_least(text, "moderate")
    assert "crisis_state" in {r.construct for r in RULES.screen(text).reasons}


@pytest.mark.parametrize("text", NOT_SAFE_LOOKALIKES)
def test_money_the_street_and_anger_at_someone_do_not(text):
    assert_at_most(text)


DOSE_QUESTIONS = [
    "took an advil, how long does it take to kick in?",
    "took 2 tylenol, how long does it take to work?",
    "took a pill how long will it take",
    "me tomé un ibuprofeno, ¿cuánto tarda en hacer efecto?",
    "me tomé 2 ibuprofenos, ¿cuánto tarda?",
    "compré 20 caramelos, ¿cuánto tarda en llegar el pedido?",
]

MEANS_QUESTIONS = [
    ("i have 40 advil. how long does it take?", "high"),
    ("i took 30 tylenol how long does it take", "high"),
    ("i have the pills. how long does it take?", "high"),
    ("how many advil would it take", "high"),
    ("tengo 40 pastillas, ¿cuánto tarda?", "high"),
    ("tengo 40 pastillas. ¿en cuánto tiempo hacen efecto?", "high"),
]


@pytest.mark.parametrize("text", DOSE_QUESTIONS)
def test_a_tablet_or_two_is_no_means_for_how_long(text):
    assert_at_most(text)


@pytest.mark.parametrize(("text", "least"), MEANS_QUESTIONS)
def test_many_tablets_still_are(text, least):
    assert_at_least(text, least)


SINGLES = [
    ("i'm so tired of just existing", "moderate"),
    ("Tired of merely existing.", "moderate"),
    ("estoy cansada de solo existir", "moderate"),
    ("I can't I can't I can't do this anymore. Nothing feels real. What's the use?", "moderate"),
    ("ya no puedo más. ¿de qué sirve?", "moderate"),
    ("i can't face another day. i'm a burden to everyone", "moderate"),
    ("no aguanto un día más. soy una carga para todos", "moderate"),
    ("todos estarían más felices si desapareciera para siempre", "high"),
    ("todos estarían más felices si desapareciera", "moderate"),
    ("mi familia estaría mejor si yo no existiera, lo sé", "moderate"),
    ("no voy a estar para navidad", "moderate"),
    ("compré una soga hoy y sé para qué es", "high"),
    ("ya tengo las pastillas y sé para qué son", "high"),
    ("i'm on the roof looking down", "moderate"),
    ("i climbed onto the bridge railing and i'm staring down", "moderate"),
    ("me subí a la azotea y estoy mirando abajo", "moderate"),
    ("sería mejor para todos que me muera", "moderate"),
    ("sería mejor para todos si desapareciera", "moderate"),
    ("quiero dejar de sufrir de una vez", "moderate"),
    ("quiero dejar de sufrir de una vez por todas", "high"),
    ("i want to stop suffering once and for all", "high"),
    ("i just want to stop hurting forever", "high"),
    # The second reading: crisis said without the words, in both languages.
    ("i looked at the knife for a long time tonight", "high"),
    ("me quedé mirando el cuchillo mucho rato esta noche", "high"),
    ("i wrote down who gets my stuff", "high"),
    ("ya anoté quién se queda con mis cosas", "moderate"),
    ("i'm saying sorry now for what happens tomorrow", "high"),
    ("perdón desde ya por lo que pase mañana", "moderate"),
    ("nobody's gonna find me this time", "high"),
    ("esta vez nadie me va a encontrar", "moderate"),
    ("tonight i'm finally going to be free", "moderate"),
    ("esta noche por fin voy a ser libre", "moderate"),
    ("i can't promise i'll be here in the morning", "moderate"),
    ("no te prometo que mañana siga aquí", "moderate"),
    ("i think this is the last time i'll talk to anyone", "high"),
    ("creo que es la última vez que hablo con alguien", "moderate"),
    ("i'm going to walk into the sea tonight", "high"),
    ("esta noche me voy a meter al mar", "high"),
    ("how many floors do you need to fall to not survive", "high"),
    ("i'm drinking and i have the pills next to me", "moderate"),
    ("estoy tomando y tengo las pastillas al lado", "moderate"),
]

SINGLE_LOOKALIKES = [
    "tired of just existing in the background at parties, time to speak up",
    "estoy cansada de solo existir en el grupo, voy a hablar más",
    "what's the point of this meeting",
    "what's the use of a hammer without nails",
    "¿de qué sirve este botón?",
    "i can't do another day of this heat lol",
    "todos estarían más felices si desapareciera la inflación",
    "no voy a estar para navidad, me voy de viaje",
    "no voy a estar para navidad, nos vemos en enero",
    "compré una soga para el camping y sé para qué es, para la carpa",
    "compré una cuerda nueva y sé para qué es: para la escalada",
    "i'm on the roof looking down at the parade",
    "i'm on the roof looking down at my garden while fixing the gutters",
    "me subí a la azotea a mirar las estrellas",
    "me subí a la azotea y estoy mirando abajo el desfile",
    "sería mejor para todos que me vaya temprano de la fiesta",
    "i want to stop suffering from allergies once and for all",
    "quiero dejar de sufrir por el tráfico de una vez",
    "i looked at the knife for a long time in the shop, it's so pretty",
    "i stared at my meds for ages trying to read the tiny label",
    "me quedé mirando el cuchillo mucho rato en la tienda, es precioso",
    "i wrote down who gets my stuff when i move out next month",
    "we decided who gets my old bike, my cousin wants it",
    "ya anoté quién se queda con mis cosas cuando me mude",
    "sorry in advance for what happens tomorrow at the meeting, i'm going to be blunt",
    "perdón desde ya por lo que pase mañana en la reunión, voy a ser directa",
    "this is the last time i'll talk to anyone about my ex, promise",
    "this is probably the last time i'll text you before my flight, see you in june",
    "es la última vez que hablo con alguien de mi ex, lo prometo",
    "nobody's gonna find me in hide and seek",
    "nobody is going to find me this time, best hiding spot ever",
    "esta vez nadie me va a encontrar en las escondidas",
    "i can't promise i'll be here in the morning, my shift starts at 6",
    "no te prometo que mañana siga aquí, entro a trabajar a las 6",
    "tonight i'm finally going to be free of exams!",
    "tomorrow i'm going to be free, last shift before vacation!",
    "esta noche por fin voy a ser libre de exámenes",
    "esta noche por fin voy a ser libre, se acabaron los exámenes",
    "we're going to walk into the sea at sunrise for the charity dip",
    "vamos a meternos al mar al amanecer para la carrera benéfica",
    "how many floors can you fall in minecraft without dying",
    "how high do you have to jump to dunk",
    "i have the pills next to me in case my migraine comes back",
    "got my sword next to me for the cosplay contest",
    "i have a knife in front of me, cutting veggies for dinner",
    "tengo las pastillas al lado por si me vuelve la migraña",
    "tengo el cuchillo al lado para cortar las verduras",
]


@pytest.mark.parametrize(("text", "least"), SINGLES)
def test_gaps_found_on_the_way_are_read(text, least):
    assert_at_least(text, least)


@pytest.mark.parametrize("text", SINGLE_LOOKALIKES)
def test_their_look_alikes_are_not_raised(text):
    assert_at_most(text)


def test_what_is_the_use_alone_is_a_risk_factor_not_an_alert():
    s = RULES.screen("what's the use?")
    assert s.level == "low" and {r.construct for r in s.reasons} == {"hopelessness"}, why(s)
    s = RULES.screen("¿de qué sirve?")
    assert s.level == "low" and {r.construct for r in s.reasons} == {"hopelessness"}, why(s)
