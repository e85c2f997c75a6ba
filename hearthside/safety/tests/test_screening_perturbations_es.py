"""Spanish crisis messages keep their reading when written a little differently (session 18).

Each crisis row is a base phrase (written for this file) and the changes that used to take it below
``moderate`` with the rules alone: a word of address at the end ("... amiga", "... wey"), a hedge or a
greeting first ("la verdad ...", "hola. ..."), a hedge clause last ("..., la verdad"), a closing "ya",
no punctuation, "ando" for "estoy" before a gerund, the clitic before the verb ("me necesito cortar"),
voseo.  Each look-alike row must stay at ``low`` or below with the same kinds of change: someone else's
crisis (a friend, a brother), idioms, jokes, the past, a daily dose, a noun that is also a word of
address ("mi mejor amiga", "la vida loca").
"""

from __future__ import annotations

import re

import pytest

from hearthside.safety.screening import Screener
from hearthside.safety.screening.result import LEVEL_INDEX

RULES = Screener(base=False)


def _strip_end(t: str) -> str:
    return t.rstrip(" .!")


CHANGE = {
    "amiga": lambda t: _strip_end(t) + " amiga",
    "wey": lambda t: _strip_end(t) + " wey",
    "tío": lambda t: _strip_end(t) + " tío",
    "boludo": lambda t: _strip_end(t) + " boludo",
    "parce": lambda t: _strip_end(t) + " parce",
    "güey": lambda t: _strip_end(t) + " güey",
    "hermano": lambda t: _strip_end(t) + " hermano",
    "mano": lambda t: _strip_end(t) + " mano",
    ", loca": lambda t: _strip_end(t) + ", loca",
    "amiga,": lambda t: "amiga, " + t,
    "hola.": lambda t: "hola. " + t,
    "estoy cansada.": lambda t: "estoy cansada. " + t,
    "la verdad": lambda t: "la verdad " + t,
    "neta": lambda t: "neta " + t,
    "no sé,": lambda t: "no sé, " + t,
    ", la verdad": lambda t: _strip_end(t) + ", la verdad",
    "ya": lambda t: _strip_end(t) + " ya",
    "no punctuation": lambda t: re.sub(r"[.,!?;:¿¡]", "", t),
    "ando": lambda t: re.sub(r"\bestoy (?=\w+(?:ando|iendo)\b)", "ando ", t, count=1),
    "clitic first": lambda t: re.sub(r"\b(necesito|pienso) (\w+(?:ar|er|ir))me\b", r"me \1 \2", t, count=1),
    "voseo": lambda t: t.replace("puedes", "podés").replace("quieres", "querés"),
    "pa": lambda t: re.sub(r"\bpara\b", "pa", t),
    "kiero": lambda t: re.sub(r"\bquiero\b", "kiero", t),
}

ADDRESS = ["amiga", "wey", "tío", "boludo", "parce", "güey", "hermano", "mano"]

# Base crisis phrase -> the changes that took it below moderate before session 18.
CRISIS: dict[str, list[str]] = {
    "esta vez va en serio": ADDRESS + ["amiga,", "hola.", "la verdad", "no sé,", ", la verdad"],
    "en diez minutos me tiro": ADDRESS + ["ya"],
    "si mañana no despierto, mejor": ADDRESS + ["ya"],
    "me rindo, esta vez de verdad": ADDRESS + ["amiga,", "hola.", "la verdad", "no sé,", ", la verdad",
                                             "no punctuation"],
    "ya no más, se acabó para siempre": ADDRESS + ["amiga,", "hola.", "la verdad", "no sé,", ", la verdad",
                                                  "no punctuation", "estoy cansada.", "pa"],
    "estoy en el puente": ADDRESS + ["la verdad", "no sé,", "hola."],
    "la soga está en el armario": ADDRESS + ["la verdad", "hola."],
    "gracias por todo, los quiero mucho. adiós": ["hola."],
    "preferiría no estar": ADDRESS + ["ya"],
    "estoy harta de luchar por seguir viva": ADDRESS + ["ya"],
    "me estoy cortando otra vez": ["ando"],
    "me estoy tomando todas las pastillas": ["ando"],
    "me estoy subiendo a la baranda del puente": ["ando"],
    "necesito cortarme, no aguanto": ["clitic first"],
    "necesito hacerme daño": ["clitic first"],
    "¿cuánta sangre puedes perder antes de morir?": ["voseo"],
    "ya no aguanto, me quiero quitar la vida": ["no punctuation"],
    "no tengo miedo, quiero acabar con todo": ["no punctuation"],
    "me cansé. se terminó. ya no más": ["no punctuation", "estoy cansada."],
}

CRISIS_CASES = [(base, change) for base, changes in CRISIS.items() for change in changes]


@pytest.mark.parametrize("base", list(CRISIS))
def test_base_phrase_is_crisis(base):
    assert LEVEL_INDEX[RULES.screen(base).level] >= LEVEL_INDEX["moderate"], (base, RULES.screen(base))


@pytest.mark.parametrize(("base", "change"), CRISIS_CASES, ids=[f"{b[:30]}|{c}" for b, c in CRISIS_CASES])
def test_variant_keeps_crisis_reading(base, change):
    variant = CHANGE[change](base)
    assert variant != base
    got = RULES.screen(variant)
    assert LEVEL_INDEX[got.level] >= LEVEL_INDEX["moderate"], (variant, got)


# Look-alikes with the same kinds of change: each stays at low or below.
LOOK_ALIKES = [
    # Someone else's crisis: concern, not the writer's own ideation.
    "mi amiga quiere morirse",
    "mi amiga quiere morirse wey",
    "quiere morirse amiga",
    "hola. mi amiga se quiere matar",
    "neta mi hermano dice que se quiere morir amiga",
    "mi mejor amiga se quiere matar, no sé qué hacer",
    "la verdad mi tío está en el puente y no contesta",
    # Idioms, jokes, the past, a denial.
    "me muero de risa amiga",
    "este examen me va a matar wey",
    "me mato estudiando ya",
    "me ando muriendo de hambre",
    "mi abuelo se va a morir de viejo ya",
    "me quiero morir jaja no en serio wey",
    "hace años quise matarme, ya estoy mejor amiga",
    "no me quiero morir amiga",
    "el dolor de muelas es insoportable, quiero que pare ya",
    # Everyday messages with the changed words.
    "me ando tomando las pastillas para la presión",
    "me estoy tomando las pastillas para la presión",
    "ando cortando cebolla y lloro",
    "no tengo amigos",
    "hola amiga, ¿cómo estás?",
    "estoy en el puente esperando a mi amiga",
    "estoy cansada. me voy a dormir",
    "estoy cansada. adiós",
    "estoy cansada. esta noche",
    "la verdad no quiero ir a la fiesta",
    "me corté el pelo ya",
    "quiero bajarme de la vida loca",
    "no sé, hoy no voy a clase",
    "me necesito ir temprano",
    "esta vez va en serio, me compro la moto",
    "lo compré de segunda mano",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alike_stays_low(text):
    got = RULES.screen(text)
    assert LEVEL_INDEX[got.level] <= LEVEL_INDEX["low"], (text, got)


def test_word_of_address_is_not_read_as_someone_else():
    """"... amiga" at the end is the person written to: the wish stays the writer's own."""
    got = RULES.screen("preferiría no estar amiga")
    assert not any("third_person" in r.modifiers for r in got.reasons), got
    assert LEVEL_INDEX[got.level] >= LEVEL_INDEX["moderate"], got


def test_closing_ya_keeps_its_time():
    """"Ya" closing the message is still "now": the wish with it stays imminent."""
    assert RULES.screen("quiero matarme ya").level == "imminent"
    assert RULES.screen("en diez minutos me tiro ya").level == "imminent"
