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
  para qué es".

Every phrase here was written by hand for this session; none comes from a data set or an
evaluation set. The cases are pinned on the rules (``Screener(base=False)``) so a retrained model
does not move them.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import LEVELS
from hearthside.safety.screening.screener import Screener

ORDER = {name: i for i, name in enumerate(LEVELS)}
RULES = Screener(base=False)


def _why(s) -> list:
    return [(r.construct, r.modifiers) for r in s.reasons]


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
    s = RULES.screen(text)
    assert ORDER[s.level] >= ORDER["moderate"], (text, s.level, _why(s))
    assert "crisis_state" in {r.construct for r in s.reasons}


@pytest.mark.parametrize("text", NOT_SAFE_LOOKALIKES)
def test_money_the_street_and_anger_at_someone_do_not(text):
    s = RULES.screen(text)
    assert ORDER[s.level] <= ORDER["low"], (text, s.level, _why(s))


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
    s = RULES.screen(text)
    assert ORDER[s.level] <= ORDER["low"], (text, s.level, _why(s))


@pytest.mark.parametrize(("text", "least"), MEANS_QUESTIONS)
def test_many_tablets_still_are(text, least):
    s = RULES.screen(text)
    assert ORDER[s.level] >= ORDER[least], (text, s.level, _why(s))


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
]


@pytest.mark.parametrize(("text", "least"), SINGLES)
def test_gaps_found_on_the_way_are_read(text, least):
    s = RULES.screen(text)
    assert ORDER[s.level] >= ORDER[least], (text, s.level, _why(s))


@pytest.mark.parametrize("text", SINGLE_LOOKALIKES)
def test_their_look_alikes_are_not_raised(text):
    s = RULES.screen(text)
    assert ORDER[s.level] <= ORDER["low"], (text, s.level, _why(s))


def test_what_is_the_use_alone_is_a_risk_factor_not_an_alert():
    s = RULES.screen("what's the use?")
    assert s.level == "low" and {r.construct for r in s.reasons} == {"hopelessness"}, _why(s)
    s = RULES.screen("¿de qué sirve?")
    assert s.level == "low" and {r.construct for r in s.reasons} == {"hopelessness"}, _why(s)
