"""Spanish crisis-language rules (hearthside/safety/screening/es.py), table-driven per construct.

Cases are written for these tests (no data set was copied).  Crisis cases give the lowest
acceptable level; look-alikes (idioms, negation, third person, past, news, lyrics, ordinary
chat) must stay at ``low`` or below.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hearthside.safety.screening import SUPPORTED_LANGUAGES
from hearthside.safety.screening.engine import LABELS, assess
from hearthside.safety.screening.result import LEVEL_INDEX as IDX
from hearthside.safety.screening.result import LEVELS

ROOT = Path(__file__).resolve().parents[3]


def rules(text: str):
    return assess(text).screening


def constructs(s) -> set[str]:
    return {r.construct for r in s.reasons}


# ---------------------------------------------------------------- crisis cases (minimum level)

PASSIVE = [
    ("Quiero morir, ya no aguanto más", "moderate"),
    ("me quiero morir", "moderate"),
    ("Ojalá no despertar mañana", "moderate"),
    ("Quisiera desaparecer y dejar de existir", "moderate"),
    ("ojalá me muriera mientras duermo", "moderate"),
    ("a veces solo quiero dormirme y no despertar nunca más", "moderate"),
    ("ya no quiero vivir", "moderate"),
    ("no tengo ganas de vivir", "moderate"),
    ("estaría mejor muerta, la verdad", "moderate"),
    ("estoy cansado de vivir", "moderate"),
    ("desearía no haber nacido", "moderate"),
    ("kiero morirme", "moderate"),
    ("Diosito llévame ya, no puedo más", "moderate"),
    ("tengo ganas de morirme todos los días", "moderate"),
    ("QUIEROOO MORIIIR", "moderate"),
    ("me kiero morir, nadie me entiende", "moderate"),
    ("Quiero desaparecer para siempre, esta vez va en serio", "high"),
    ("quiero morir y ya tengo la cuerda", "high"),
]

ACTIVE = [
    ("Me quiero matar", "high"),
    ("Quiero suicidarme", "high"),
    ("Estoy pensando en quitarme la vida", "high"),
    ("voy a acabar con mi vida", "high"),
    ("quiero acabar con todo de una vez", "high"),
    ("Pienso tirarme del puente", "high"),
    ("me quiero colgar en mi cuarto", "high"),
    ("quiero cortarme las venas", "high"),
    ("tengo pensamientos suicidas todos los días", "high"),
    ("m4t4rm3 es lo único que pienso", "high"),
    ("q ganas de sucidarme", "high"),
    ("me siento suicida otra vez", "high"),
    ("voy a tirarme a las vías del tren", "high"),
    ("me quiero pegar un tiro", "high"),
    ("xq no me mato de una vez", "high"),
    ("Vos sabés que me voy a suicidar", "high"),
    ("s u i c i d a r m e", "high"),
    ("quiero saltar desde el edificio de mi trabajo", "high"),
    ("ya no quiero seguir, voy a matarme", "high"),
    ("pienso mucho en el suicidio últimamente", "high"),
    ("k1ero m4tarme", "high"),
    ("me voy a suisidar", "high"),
]

PLAN = [
    ("¿Cuántas pastillas de paracetamol hacen falta para no despertar?", "high"),
    ("llevo semanas juntando pastillas", "high"),
    ("ya compré la soga", "high"),
    ("cuál es la forma más rápida de morir", "high"),
    ("quiero morir y tengo las pastillas guardadas", "high"),
    ("cómo suicidarse sin dolor", "high"),
]

IMMINENT = [
    ("Tengo pastillas guardadas y me las voy a tomar todas esta noche", "imminent"),
    ("me voy a matar esta noche", "imminent"),
    ("ya decidí, hoy me tiro del puente", "imminent"),
    ("Me tomé todas las pastillas", "imminent"),
    ("ya me tomé el frasco", "imminent"),
    ("me acabo de tomar 40 pastillas de clonazepam", "imminent"),
    ("estoy en la azotea ahora mismo y voy a saltar", "imminent"),
    ("ya tengo la soga lista y lo voy a hacer esta noche", "imminent"),
    ("las pastillas ya están haciendo efecto", "imminent"),
    ("esto es un adiós, hoy me voy a matar", "imminent"),
    ("me estoy desangrando", "imminent"),
]

RECENT_ATTEMPT = [
    ("anoche intenté matarme", "high"),
    ("ayer traté de suicidarme y no funcionó", "high"),
    ("la semana pasada me intenté ahorcar", "high"),
    ("intenté suicidarme", "moderate"),
]

FAREWELL = [
    ("Esto es un adiós. Los quiero a todos.", "moderate"),
    ("les dejé cartas a mis papás", "moderate"),
    ("cuiden a mi perro por favor", "moderate"),
    ("estoy regalando mis cosas", "moderate"),
    ("ya hice las paces con todos, gracias por todo", "moderate"),
    ("cuando lean esto ya no estaré", "moderate"),
    ("Ya no puedo más, adiós", "moderate"),
    ("quiero morir. cuiden a mi gata", "high"),
]

SELF_HARM = [
    ("me corto cuando me siento así", "moderate"),
    ("anoche me corté otra vez", "moderate"),
    ("tengo ganas de cortarme", "moderate"),
    ("me corté muy profundo y no para de sangrar", "high"),
    ("volví a hacerme daño", "moderate"),
    ("me autolesiono desde hace meses", "moderate"),
    ("me quemo con cigarros para no sentir nada", "moderate"),
]

CRISIS = PASSIVE + ACTIVE + PLAN + IMMINENT + RECENT_ATTEMPT + FAREWELL + SELF_HARM


@pytest.mark.parametrize(("text", "minimum"), CRISIS)
def test_spanish_crisis_language_reaches_its_level(text, minimum):
    s = rules(text)
    assert IDX[s.level] >= IDX[minimum], (text, s.level, [(r.construct, r.modifiers) for r in s.reasons])
    assert "unsupported_language" not in constructs(s)
    assert assess(text).language is None


def test_there_are_enough_cases():
    assert len(CRISIS) >= 60
    assert len(LOOKALIKES) >= 40


@pytest.mark.parametrize(("text", "construct"), [
    ("Me quiero matar", "active_ideation"),
    ("ojalá no despertar", "passive_ideation"),
    ("llevo semanas juntando pastillas", "plan"),
    ("Me tomé todas las pastillas", "attempt_in_progress"),
    ("anoche intenté matarme", "past_attempt"),
    ("les dejé cartas a mis papás", "farewell"),
    ("me corto cuando me siento así", "self_injury"),
    ("me voy a matar esta noche", "timing"),
])
def test_constructs_are_named_as_in_english(text, construct):
    assert construct in constructs(rules(text))
    assert construct in LABELS


def test_the_two_reported_messages():
    s = rules("Tengo pastillas guardadas y me las voy a tomar todas esta noche")
    assert s.level == "imminent"
    assert {"plan", "timing", "active_ideation"} <= constructs(s)
    assert rules("Quiero morir, ya no aguanto más").level in ("moderate", "high")


# ---------------------------------------------------------------- risk factors (exactly low)

@pytest.mark.parametrize(("text", "construct"), [
    ("no hay salida", "hopelessness"),
    ("siento que nada va a mejorar", "hopelessness"),
    ("soy una carga para mi familia", "burdensomeness"),
    ("ya no aguanto más", "entrapment"),
    ("no doy más", "entrapment"),
    ("me odio", "worthlessness"),
])
def test_risk_factors_alone_are_low(text, construct):
    s = rules(text)
    assert s.level == "low"
    assert construct in constructs(s)


# ---------------------------------------------------------------- look-alikes (at most low)

IDIOMS = [
    "me muero de risa con este video",
    "me muero de hambre, ¿pedimos pizza?",
    "me muero de sueño",
    "me muero de ganas de verte",
    "me quiero morir de la vergüenza jajaja",
    "este examen me va a matar",
    "me mata la espalda después del gym",
    "te voy a matar si le cuentas a alguien",
    "estoy muerta de cansancio",
    "me mato estudiando para el final",
    "me mato trabajando y nadie lo valora",
    "mátame camión",
    "se muere de amor por ella",
    "me muero por verte",
    "mi mamá me va a matar cuando vea mis notas",
    "me corté el pelo y quedó horrible",
    "me corté el dedo cocinando",
    "quiero desaparecer un rato de las redes",
    "este calor me está matando",
    "casi me mato con la bici",
    "no aguanto más las ganas de verte",
    "hoy me voy a tirar en el sofá todo el día",
    "morirse de amor es lo peor",
    "me voy a morir de aburrimiento en esta clase",
]
NEGATED = [
    "no quiero morir",
    "nunca me mataría, amo a mi familia",
    "no me voy a hacer daño, tranquila",
    "no estoy pensando en suicidarme",
    "jamás me quitaría la vida",
    "ni loca me mato por un chico",
    "no es que quiera morir, solo estoy cansada",
]
THIRD_PERSON = [
    "mi amiga se quiere morir y no sé cómo ayudarla",
    "mi primo se suicidó el año pasado",
    "mi hermano dice que quiere matarse",
    "¿te quieres morir?",
    "¿estás pensando en suicidarte?",
    "¿vos te querés matar?",
    "mátate, nadie te quiere",
]
PAST_AND_HYPOTHETICAL = [
    "hace años intenté suicidarme, ya estoy mejor",
    "cuando tenía 15 años quería morirme, ahora estoy bien",
    "si algún día quisiera morir, te lo diría",
]
QUOTED_AND_NEWS = [
    "La tasa de suicidio aumentó según el informe",
    "Hoy es el día mundial de la prevención del suicidio",
    "en la serie el protagonista dice 'me quiero matar'",
    "la canción dice quiero morir contigo",
    "leí una noticia de un chico que se suicidó",
    "¿qué significa suicidarse?",
    "el libro trata sobre una chica que quiere morir",
]
ORDINARY = [
    "Hoy fue un buen día en el trabajo, gracias a todos por el apoyo.",
    "Adiós, nos vemos mañana en clase",
    "voy a tomar mis pastillas para la presión",
    "el puente de mayo nos vamos a la playa",
    "quiero vivir en otra ciudad",
    "no quiero vivir con mis padres",
    "me tomé dos pastillas para el dolor de cabeza",
    "lo voy a hacer mañana, es la tarea de mate",
]
LOOKALIKES = IDIOMS + NEGATED + THIRD_PERSON + PAST_AND_HYPOTHETICAL + QUOTED_AND_NEWS + ORDINARY


@pytest.mark.parametrize("text", LOOKALIKES)
def test_spanish_look_alikes_stay_low(text):
    s = rules(text)
    assert IDX[s.level] <= IDX["low"], (text, s.level, [(r.construct, r.modifiers) for r in s.reasons])
    assert "unsupported_language" not in constructs(s)


@pytest.mark.parametrize("text", IDIOMS)
def test_idioms_are_never_flagged(text):
    s = rules(text)
    assert s.level == "none", (text, s.reasons)
    assert not constructs(s) & {"active_ideation", "passive_ideation", "self_injury", "attempt_in_progress"}


@pytest.mark.parametrize(("text", "construct", "modifier"), [
    ("no quiero morir", "passive_ideation", "negated"),
    ("nunca me mataría", "active_ideation", "negated"),
    ("mi amiga se quiere morir", "third_person_concern", "third_person"),
    ("mi primo se suicidó", "suicide_exposure", "third_person"),
    ("hace años intenté suicidarme, ya estoy mejor", "past_attempt", "past"),
    ("¿y si me mato?", "active_ideation", "hypothetical"),
    ("la canción dice quiero morir contigo", "passive_ideation", "quoted"),
])
def test_context_rules_set_modifiers(text, construct, modifier):
    s = rules(text)
    got = {(r.construct, m) for r in s.reasons for m in r.modifiers}
    assert (construct, modifier) in got, s.reasons


def test_hypothetical_active_ideation_is_moderate_and_negation_is_low():
    assert rules("¿y si me mato?").level == "moderate"
    assert rules("no me quiero matar").level == "low"
    assert rules("mi amiga dice que se va a matar esta noche").level == "moderate"


def test_second_person_questions_are_ignored():
    assert rules("¿te quieres morir?").reasons == ()
    assert rules("¿quieres matarte?").level == "none"


# ---------------------------------------------------------------- normalisation and spans

@pytest.mark.parametrize("text", [
    "quiero matarme", "QUIERO MATARME", "quiero mátarme", "kiero matarme", "qiero m4t4rm3", "quiero m a t a r m e",
    "quiero matarmeeee", "quiero m*tarme", "quiero sucidarme", "kiero suisidarme",
])
def test_spellings_are_normalised(text):
    assert IDX[rules(text).level] >= IDX["high"], text


def test_spans_point_into_the_original_text():
    text = "Hola. Tengo las PASTILLAS guardadas y me las voy a tomar todas esta noche."
    s = rules(text)
    pieces = {r.construct: [text[a:b] for a, b in r.spans] for r in s.reasons}
    assert pieces["timing"] == ["esta noche"]
    assert pieces["active_ideation"] == ["me las voy a tomar todas"]
    assert pieces["plan"] == ["Tengo las PASTILLAS guardadas"]
    spaced = "yo quiero m a t a r m e"
    (reason,) = [r for r in rules(spaced).reasons if r.construct == "active_ideation"]
    assert [spaced[a:b] for a, b in reason.spans] == ["m a t a r m e"]
    accented = "¿Cuántas pastillas hacen falta?"
    for r in rules(accented).reasons:
        for a, b in r.spans:
            assert 0 <= a < b <= len(accented)


# ---------------------------------------------------------------- languages

def test_spanish_is_a_supported_language():
    assert SUPPORTED_LANGUAGES == ("en", "es")
    r = assess("Quiero morir, ya no aguanto más")
    assert r.language is None and r.lang == "es"
    r = assess("Hoy fue un buen día en el trabajo, gracias a todos por el apoyo.")
    assert r.language is None and r.lang == "es" and r.screening.level == "none"
    r = assess("I want to kill myself")
    assert r.language is None and r.lang == "en"


@pytest.mark.parametrize("text", ["kiero morir", "me quiero matar", "ya no puedo más, adiós", "suicidarme",
                                  "m4t4rm3", "quiero desaparecer para siempre"])
def test_short_spanish_crisis_messages_are_screened_as_spanish(text):
    r = assess(text)
    assert r.language is None
    assert r.lang == "es"
    assert IDX[r.screening.level] >= IDX["moderate"], (text, r.screening)


def test_french_is_still_unsupported():
    text = "Je veux mourir, je n'en peux plus de cette vie"
    r = assess(text)
    assert r.screening.level == "none"
    assert r.language == "fr" and r.lang == "fr"
    (reason,) = [x for x in r.screening.reasons if x.construct == "unsupported_language"]
    assert reason.modifiers == ("lang:fr",) and reason.spans == ((0, len(text)),)


def test_mixed_english_and_spanish_takes_the_more_serious_reading():
    assert IDX[rules("Estoy muy cansada de todo. I want to kill myself tonight.").level] >= IDX["high"]
    r = assess("honestly I'm so done, me quiero matar")
    assert r.screening.level == "high" and r.lang == "es" and r.language is None
    r = assess("I feel hopeless lately. Quiero morir.")
    assert r.screening.level in ("moderate", "high")


def test_all_modified_is_reported_for_spanish():
    assert assess("no quiero morir").all_modified
    assert not assess("quiero morir").all_modified


def test_spanish_rules_keep_levels_and_scores_consistent():
    for text, _ in CRISIS:
        s = rules(text)
        assert s.level in LEVELS
        lo = {"none": 0.0, "low": 0.2, "moderate": 0.4, "high": 0.6, "imminent": 0.8}[s.level]
        assert lo <= s.score <= lo + 0.2


def test_spanish_module_is_pure_python_and_documented():
    src = (ROOT / "hearthside" / "safety" / "screening" / "es.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+django", src, re.M)
    flat = " ".join(src.split())
    assert "Al-Halabí" in flat and "Rev Psiquiatr Salud Ment 2016;9(3):134-142" in flat


def test_pattern_gating_changes_nothing():
    from hearthside.safety.screening import es

    for text in [t for t, _ in CRISIS] + LOOKALIKES:
        gated, full = es.assess(text), es.assess(text, gated=False)
        assert (gated.level, gated.evidence) == (full.level, full.evidence), text
    assert all(p.keys is None or all(len(k) >= 3 for k in p.keys) for p in es.patterns())


def test_pattern_sources_have_no_unexpanded_placeholders():
    from hearthside.safety.screening import es

    for construct, _flags, src in es.sources():
        assert not re.search(r"\{[^0-9]|\(\d+, \d+\)", src), construct
