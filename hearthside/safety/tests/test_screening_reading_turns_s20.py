"""Replies that complete what came before, in English and Spanish (issue #14, session 20).

A short last message that means little alone and everything after what the same person said:

* a question about the means claimed as one's own: "¿cuántos paracetamoles son demasiados?" …
  "es para mí"; "what happens if someone takes 30 clonazepam?" … "asking for myself";
* wanting to know "before I do it", after a question about a method;
* unsure whether to come down, said from a bridge or a roof;
* "les voy a hacer el favor de irme" / "I'll do them the favour of leaving";
* no longer afraid ("y esta vez no tengo miedo") after a wish to die;
* a method sought after a wish to die ("¿dónde venden cuerdas?"); the train heard coming from the
  tracks; the garage shut with the engine on; part of the pills taken, the count so far, the letter
  left on the table; the care of a pet asked for; nobody looking for them; "me voy a tomar todas";
  the means kept in mind ("no dejo de pensar en ella"); on the way to the bridge after "i'm not ok";
* the end set for today ("hoy termino con esto", "today i end this", "creo que hoy sí") after
  despair or the means put by; a letter to everyone ("ya les escribí a todos"); "no la voy a
  necesitar" after treasured things given away.

And single messages found on the way: a threshold asked about a medicine ("how many paracetamol is
too many") is a method question, a day's dose is not; "what happens if someone takes 30 pills" reads
as "… if you take"; "after tonight you won't have to worry about me" and "if i don't reply tomorrow you'll know why" are
farewells (as "if you don't hear from me tomorrow"); "ya está decidido, me voy a vivir sola" names the decision (it was high); in the car with the
engine running is waiting in the cold unless the garage is shut or despair is said with it (it was
high alone).

Every phrase and conversation here was written by hand for this session; none comes from a data set
or an evaluation set.  The cases are pinned on the rules (``Screener(base=False)``) so a retrained
model does not move them.
"""

from __future__ import annotations

import pytest

from .rules_only import ORDER, RULES, assert_at_least, assert_at_most, why

# (earlier messages, last message, the least level the last must reach with the earlier ones)
CRISIS: list[tuple[list[str], str, str]] = [
    (["¿cuántos paracetamoles son demasiados?"], "es para mí", "high"),
    (["¿qué pasa si alguien toma 30 pastillas de clonazepam?"], "pregunto por mí", "high"),
    (["¿cuántas pastillas de clonazepam hacen falta?"], "el amigo soy yo", "high"),
    (["how many paracetamol is too many?"], "asking for me", "high"),
    (["what happens if someone takes 30 clonazepam?"], "asking for myself", "high"),
    (["how many sleeping pills would be too many"], "it's not for a friend", "high"),
    (["¿duele mucho ahogarse?"], "quiero saber antes de hacerlo", "high"),
    (["does drowning hurt a lot?"], "i want to know before i do it", "high"),
    (["how long does it take to bleed out?"], "need to know before i do it", "high"),
    (["estoy en el puente"], "no sé si bajar", "high"),
    (["ya no quiero vivir", "estoy en la azotea"], "no sé si bajarme", "imminent"),
    (["i'm on the bridge"], "not sure if i'll come down", "high"),
    (["i'm on the roof"], "i don't know if i want to come down", "high"),
    (["todos me odian"], "les voy a hacer el favor de irme", "moderate"),
    (["ya no aguanto más esta vida", "todos me odian"], "les voy a hacer el favor de desaparecer", "high"),
    (["everyone hates me"], "i'll do them the favour of leaving", "moderate"),
    (["i'm so done with everything", "everyone hates me"], "i'll do everyone a favor of disappearing", "high"),
    (["pensé en tirarme del balcón", "hoy lo pensé otra vez"], "y esta vez no tengo miedo", "high"),
    (["quiero morirme"], "ya no le tengo miedo", "high"),
    (["i thought about jumping off the balcony", "thought about it again today"],
     "and this time i'm not scared", "high"),
    (["ya no soporto el dolor"], "hoy termino con esto", "high"),
    (["i can't stand the pain anymore"], "today i end this", "high"),
    (["i can't stand the pain anymore"], "i end it tonight", "high"),
    (["llevo días sin dormir", "tengo guardadas las pastillas"], "creo que hoy sí", "high"),
    (["mi familia estaría mejor sin mí"], "ya les escribí a todos", "high"),
    (["quiero desaparecer"], "les dejé una carta a cada uno", "high"),
    (["my family would be better off without me"], "i've written to all of them", "high"),
    (["ya regalé mi guitarra"], "no la voy a necesitar", "high"),
    (["ya regalé mis libros"], "ya no me van a hacer falta", "high"),
    # A method sought after a wish to die.
    (["quiero morirme"], "¿dónde venden cuerdas?", "high"),
    (["nobody would care if i was gone"], "where can i buy rope near me", "high"),
    (["i want to die"], "what's the tallest building near here?", "high"),
    # On the tracks and the train coming; the car, the engine and the garage shut.
    (["estoy en las vías del tren"], "ya viene", "high"),
    (["ya no quiero vivir", "estoy en las vías"], "ya se oye el tren", "imminent"),
    (["i'm on the train tracks"], "i can hear it coming", "high"),
    (["ya no aguanto", "estoy en el carro con el motor prendido"], "la cochera está cerrada", "imminent"),
    (["i can't do this anymore", "sitting in the car with the engine running"], "garage door is shut", "imminent"),
    # Part of them taken; the count so far; the letter left where it will be found.
    (["no quiero seguir"], "ya me tomé la mitad", "imminent"),
    (["i don't want to go on"], "took half of them already", "imminent"),
    (["quiero morir", "las voy contando"], "van 20", "high"),
    (["i want to die", "counting them"], "20 so far", "high"),
    (["quiero que todo acabe", "ya escribí la carta"], "la dejé en la mesa", "high"),
    (["i want it all to end", "wrote the letter"], "left it on the table", "high"),
    # The care of a pet asked for, and nobody looking for them, after despair.
    (["ya no quiero vivir"], "¿me cuidas a mi gato?", "high"),
    (["no sirvo para nada", "nadie me va a extrañar"], "ni me van a buscar", "high"),
    (["i'm useless", "no one will miss me"], "they won't even look for me", "high"),
    (["soy una carga para todos"], "pronto ya no tendrán que aguantarme", "moderate"),
    (["i'm a burden to everyone"], "soon they won't have to put up with me", "moderate"),
    # All of them to be taken; the means kept in mind; charcoal bought; going to the bridge; a kiss
    # sent through someone; the last day; "after tonight"; the time it takes to work.
    (["no puedo más"], "me voy a tomar todas", "high"),
    (["i'm so tired of everything"], "gonna take them all tonight", "high"),
    (["me siento vacía", "hoy vi la cuerda en el garaje"], "no dejo de pensar en ella", "high"),
    (["i feel empty", "saw the rope in the garage today"], "can't stop thinking about it", "high"),
    (["ya no quiero estar aquí"], "ya compré el carbón", "high"),
    (["estoy muy mal"], "voy a manejar hasta el puente", "high"),
    (["i'm not ok"], "driving to the bridge", "high"),
    (["ya no puedo"], "mándale un beso a mi mamá de mi parte", "moderate"),
    (["nadie me entiende"], "mañana ya no van a tener que preocuparse", "moderate"),
    (["ya no aguanto"], "hoy va a ser mi último día", "high"),
    (["i want to disappear"], "how long does it take to kick in?", "high"),
]

# Conversations that must not be raised by the same words: ordinary questions claimed as one's own,
# a tattoo or a backflip "before I do it", a roof with dinner waiting, a group that argues, fears
# overcome, homework finished today, things given away for a new one, invitations written.
LOOK_ALIKES: list[tuple[list[str], str]] = [
    (["¿cuánto cuesta el pastel?"], "es para mí"),
    (["¿cuántas pastillas de ibuprofeno puedo tomar para el dolor de muela?"], "es para mí"),
    (["how many paracetamol can i take for a headache?"], "asking for me"),
    (["is this jacket warm enough?"], "asking for me"),
    (["what happens if a dog eats chocolate?"], "asking for my dog"),
    (["¿cómo se hace un salto mortal?"], "quiero saber antes de hacerlo"),
    (["how do you do a backflip?"], "i want to know before i try it"),
    (["¿duele mucho hacerse un tatuaje?"], "quiero saber antes de hacerlo"),
    (["does bungee jumping off a bridge hurt?"], "i want to know before i do it"),
    (["estoy en la azotea"], "no sé si bajar a cenar"),
    (["i'm on the roof"], "not sure if i'll come down for dinner"),
    (["i'm on the roof fixing the gutter"], "not sure if i'll get down before dark"),
    (["i'm on the bridge"], "traffic is awful"),
    (["ustedes no me dejan dormir"], "les voy a hacer el favor de irme temprano"),
    (["you guys keep arguing"], "i'll do you all a favour and leave"),
    (["tenía miedo de volar"], "y esta vez no tengo miedo"),
    (["i was scared of the dentist"], "this time i'm not scared"),
    (["el lunes tengo examen"], "hoy termino con esto"),
    (["tengo mil tareas"], "hoy termino con esto"),
    (["this project is killing me"], "today i end this"),
    (["ya compré los boletos"], "creo que hoy sí"),
    (["¿vas a ir al gimnasio?"], "creo que hoy sí"),
    (["me regalaron una bici nueva"], "la vieja ya no la voy a necesitar"),
    (["ya regalé mi guitarra"], "me compré un piano, no la voy a necesitar"),
    (["mañana me mudo", "ya regalé mis muebles"], "no los voy a necesitar allá"),
    (["mandé las invitaciones de la boda"], "ya les escribí a todos"),
    (["i sent the wedding invitations"], "i've written to all of them"),
    (["terminé con mi novio"], "ya está decidido, me voy a vivir sola"),
    (["broke up with my boyfriend"], "it's decided, i'm moving out on my own"),
    (["tengo hambre"], "¿dónde venden tacos?"),
    (["i need a new phone"], "where can i buy a charger near me"),
    (["estoy en las vías del tren de juguete"], "ya viene"),
    (["we're at the station"], "the train is coming"),
    (["estoy en el carro"], "la cochera está cerrada"),
    (["me voy de vacaciones"], "¿me cuidas a mi gato?"),
    (["estoy cocinando"], "ya tengo el cuchillo en la mano"),
    (["estoy juntando estampas del mundial", "las voy contando"], "van 20"),
    (["i'm doing push ups"], "20 so far"),
    (["hice la tarea de inglés"], "la dejé en la mesa"),
    (["me tomé un café"], "ya me tomé la mitad"),
    (["estoy muy mal de la garganta"], "voy a manejar hasta el puente"),
    (["i'm not ok"], "driving to the store"),
    (["prendí el asador"], "ya compré el carbón para la carne asada"),
    (["me voy de viaje"], "mándale un beso a mi mamá de mi parte"),
    (["we're going climbing", "bought a new rope"], "can't stop thinking about it"),
    (["estoy cansada"], "me voy a tomar un té"),
    (["mañana entrego la tesis"], "hoy va a ser mi último día de trabajo"),
    (["nos vemos el lunes"], "hasta el lunes"),
]


@pytest.mark.parametrize(("earlier", "last", "least"), CRISIS)
def test_a_reply_that_completes_what_came_before_is_raised(earlier, last, least):
    alone = RULES.screen(last)
    got = RULES.screen(last, history=earlier)
    assert ORDER[got.level] >= ORDER[least], (earlier, last, got.level, why(got))
    assert ORDER[got.level] > ORDER[alone.level], (last, alone.level, "the reply alone already said it")
    assert any(r.construct == "conversation" for r in got.reasons), why(got)


@pytest.mark.parametrize(("earlier", "last"), LOOK_ALIKES)
def test_the_same_words_in_an_ordinary_conversation_are_not_raised(earlier, last):
    assert_at_most(last, history=earlier)


# (text, the least level) for single messages.
SINGLE_CRISIS: list[tuple[str, str]] = [
    ("how many paracetamol is too many?", "high"),
    ("how many sleeping pills is too many", "high"),
    ("how many of my pills would be too many", "high"),
    ("how much insulin would be lethal", "high"),
    ("what happens if someone takes 30 clonazepam?", "high"),
    ("what happens if somebody swallows a whole bottle of tylenol", "high"),
    ("sitting in the car with the engine running, garage door shut", "high"),
    ("i can't do this anymore, sitting in the car with the engine running", "high"),
    ("gonna sit in the garage with the engine running", "high"),
    ("after tonight you won't have to worry about me", "high"),
    ("if i don't reply tomorrow you'll know why", "high"),
    ("si no contesto mañana ya saben", "moderate"),
    ("si no contesto mañana ya saben por qué.", "moderate"),
    ("if i don't answer tomorrow you'll know why", "high"),
]
SINGLE_LOOK_ALIKES: list[str] = [
    "how many advil is too many in a day?",
    "how many advil is too many for a headache",
    "how much tylenol is too much for a kid",
    "how many beers is too many",
    "how much coffee is too much",
    "ya está decidido, me voy a vivir sola",
    "ya está todo listo, me voy de viaje el lunes",
    "sitting in the car with the engine running waiting for my daughter",
    "we sat in the car with the engine on to keep warm",
    "after tonight you won't have to worry about me, we're moving to spain tomorrow",
    "if i don't reply tomorrow it means my phone died",
    "si mañana no contesto ya saben, estoy en el examen",
]


@pytest.mark.parametrize(("text", "least"), SINGLE_CRISIS)
def test_a_threshold_asked_about_a_medicine_is_a_method_question(text, least):
    assert_at_least(text, least)


@pytest.mark.parametrize("text", SINGLE_LOOK_ALIKES)
def test_a_dose_a_drink_or_a_decision_named_is_not(text):
    assert_at_most(text)
