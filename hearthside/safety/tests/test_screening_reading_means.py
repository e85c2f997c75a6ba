"""Means, emoji and slang reading (issue #14, session 16).

The reading: crisis language that names no crisis verb -- the means (a rope in the closet, pills
saved or counted, a gun in a drawer, a bridge, the tracks), the emoji that stand for them or for
the end (💊 🔪 🪢 🔫 🪒 ⚰️ 🪦 🔚 🕳️) with a few words, slang for killing oneself or leaving
("darme piso", "quitarme del medio", "largarme de este mundo", "bajarme de la vida", the Caribbean
"me quiero matá", "kys myself") and farewells -- in Spanish first, then English.

Every phrase below was written for this reading by hand, in varied registers (Mexico, Argentina,
Spain, Colombia, Chile, the Caribbean; with and without accents; "q", "kiero", "toy", voseo).
None comes from a data set or the web.  The look-alikes use the same nouns and emoji in their
everyday senses: a rope for camping, allergy pills and vitamins, a bridge on a road trip, a gun at
a shooting range or for hunting, the skull as laughter ("💀💀 me muero"), a trip "para siempre",
farewell parties, clothes given away when moving, a horror-film night, the end of a series,
concern for someone else, the past and recovery, negation and jokes.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import LEVELS, screen

ORDER = {name: i for i, name in enumerate(LEVELS)}

# (text, the least level it must reach)
CRISIS_ES: list[tuple[str, str]] = [
    # slang
    ("me quiero dar piso", "high"),
    ("me voy a dar piso", "high"),
    ("quiero darme piso", "high"),
    ("ya me quiero dar piso, no aguanto", "high"),
    ("neta me voy a dar piso esta noche", "imminent"),
    ("pienso darme piso el viernes", "high"),
    ("tengo ganas de darme piso", "high"),
    ("me kiero dar piso wey", "high"),
    ("quiero quitarme del medio", "high"),
    ("me quiero quitar del medio", "high"),
    ("me quiero quitar del medio de una vez", "high"),
    ("voy a quitarme del medio, así todos descansan", "high"),
    ("mejor me quito del medio para siempre", "high"),
    ("me quiero ir d este puto mundo", "moderate"),
    ("me quiero largar de este mundo", "moderate"),
    ("me kiero largar d este mundo de mierda", "moderate"),
    ("me quiero borrar de este mundo", "moderate"),
    ("me quiero borrar d esta vida", "moderate"),
    ("me quiero ir a la mierda de este mundo", "moderate"),
    ("me quiero ir a la verga de este mundo", "moderate"),
    ("quiero mandarme a mudar de este mundo", "moderate"),
    ("quiero pirarme de este mundo", "moderate"),
    ("me quiero rajar de este mundo, boludo", "moderate"),
    ("me quiero bajar de la vida", "moderate"),
    ("quisiera bajarme de la vida", "moderate"),
    ("ya fue, me bajo de la vida", "moderate"),
    ("me quiero matá", "high"),
    ("me quiero matá ya", "high"),
    ("ya me quiero morí", "moderate"),
    ("me voy a morí", "moderate"),
    # emoji
    ("ya no puedo mas 💊💊💊", "high"),
    ("no aguanto mas 🔫", "high"),
    ("ya no aguanto más 🪢", "high"),
    ("no doy más 🔪", "high"),
    ("me canse de todo 💊💊", "high"),
    ("estoy harta de todo 🔫", "high"),
    ("esta noche 🔪", "high"),
    ("hoy sí 💊💊💊", "high"),
    ("ahora 🪢", "high"),
    ("mañana 🔫", "high"),
    ("💊💊💊 esta noche", "high"),
    ("🔪🔪 hoy mismo", "high"),
    ("💊💊💊💊 y a dormir para siempre", "high"),
    ("💊💊 🪦", "high"),
    ("🪢⚰️", "high"),
    ("nadie me va a extrañar 🕳️", "moderate"),
    ("nadie me va a echar de menos 🪦", "moderate"),
    ("ya esta 🔚 gracias por todo", "moderate"),
    ("hoy se acaba todo 🔚", "moderate"),
    ("adiós 🔚", "moderate"),
    ("gracias por todo 🕳️", "moderate"),
    ("hasta aquí llegué 🪦", "moderate"),
    ("quiero 🕳️", "moderate"),
    # means without the crisis words
    ("me acosté en las vías", "high"),
    ("me acoste en las vias", "high"),
    ("me siento en las vias y espero que pase el tren", "high"),
    ("me sente en las vias a esperar el tren", "high"),
    ("me acuesto sobre las vias y espero que venga el tren", "high"),
    ("estoy en la azotea del edificio y no me quiero bajar", "high"),
    ("estoy arriba en la azotea y no me quiero bajar", "high"),
    ("estoy en el puente y no me quiero bajar", "high"),
    ("sigo en el puente y ya no quiero regresar", "high"),
    ("se donde guarda mi papa el arma y hoy estoy solo en casa", "high"),
    ("sé dónde guarda mi papá la pistola y esta noche estoy sola", "high"),
    ("se donde tiene mi viejo el arma y hoy me quedo solo", "high"),
    ("la pistola de mi papa esta cargada y estoy solo", "high"),
    ("el arma de mi padrastro está cargada y estoy sola", "high"),
    ("tengo la soga, la silla y la carta", "high"),
    ("ya tengo la cuerda, la silla y la nota", "high"),
    # second pass
    ("cuanto raticida hace falta", "high"),
    ("cuanto ibuprofeno es letal", "high"),
    ("cuantas pastillas de clonazepam son letales", "high"),
    ("me voy a tomar todo el blister", "high"),
    ("quiero comerme todas las pastillas", "high"),
    ("me voy a meter todas las pastas", "high"),
    ("voy a empastillarme hasta no despertar", "high"),
    ("ya tengo el lazo listo", "high"),
    ("ya no quiero amanecer", "moderate"),
    ("no quiero llegar a mañana", "moderate"),
    ("ya me despedi de mis amigos sin que se den cuenta", "moderate"),
    ("ya hice las paces con mi viejo, ahora si estoy listo", "moderate"),
    ("si mañana no contesto ya saben", "moderate"),
    ("ya reparti mis cosas", "moderate"),
    ("me quiero tirar abajo de un bondi", "high"),
    ("me tiro abajo del subte", "high"),
]

LOOK_ALIKES_ES: list[str] = [
    # the same nouns and emoji, everyday
    "compre una soga para acampar este finde",
    "tengo una cuerda en el closet para tender la ropa",
    "tengo la cuerda, la silla y la carpa para acampar",
    "mis vitaminas 💊💊 de cada mañana",
    "hoy 💊💊 vitaminas y a correr",
    "hoy si 💊💊 a tomar las vitaminas",
    "mañana 💊 toca la vacuna",
    "💊💊💊 esta noche, olvide tomarlas ayer jaja",
    "ahora 🔫 a jugar fortnite",
    "esta noche 🔫🎮 free fire con los pibes",
    "mañana 🪢 clase de escalada",
    "hoy 🔪🥩 asado en casa",
    "hoy 🔪 cocino yo",
    "esta noche 🔪 halloween",
    "esta noche noche de terror 🔪🩸 pelicula",
    "💀💀 me muero",
    "me muero de risa 💀💀💀",
    "jajaja me mori 💀",
    "ya no puedo mas con el dolor de cabeza 💊",
    "ya no aguanto más 🔪 esta cebolla me hace llorar",
    "no doy mas 💊 con esta gripe",
    "me canse de todo 💊💊 el resfriado no se va",
    "no aguanto mas a mi jefe 🔫 jaja",
    "me mata la espalda 💊",
    "ya esta 🔚 la temporada de la serie",
    "fin 🔚 del capitulo",
    "se acabo 🔚 el curso, por fin vacaciones",
    "adios 🔚 termino la serie",
    "gracias por todo 🕳️ el mejor viaje",
    "quiero 🕳️ un hoyo en el jardin para plantar",
    "quiero desaparecer del grupo de whatsapp 🕳️",
    "nadie me va a extrañar en la fiesta jaja",
    "nadie me va a extrañar en el grupo si me salgo",
    "nadie me va a extrañar 🪦 en el grupo de halloween jaja",
    "hasta aquí llegué 🪦 con el videojuego, me mataron",
    # places and means
    "hoy fuimos al puente de la carretera en el viaje, que vista",
    "en el viaje cruzamos un puente altisimo",
    "fuimos al campo de tiro y dispare la pistola",
    "mi papa guarda la escopeta para cazar",
    "se donde guarda mi papa la escopeta, vamos a cazar mañana",
    "mi papa guarda la pistola en el cajon y hoy estoy solo en casa viendo pelis",
    "me acoste en el sofa a ver la tele",
    "me acosté en las vías del tren de juguete de mi hijo",
    "nos sentamos en las vias abandonadas para la foto",
    "el tren paso por las vias",
    "estoy en la azotea tomando el sol y no me quiero bajar",
    "estoy en la azotea y no me quiero bajar, que fiesta",
    "estoy en el puente y no me quiero bajar del coche, hace frio",
    "sigo en el puente y no quiero volver, las vistas son increibles jaja",
    # slang look-alikes
    "me voy de viaje para siempre a españa",
    "me voy a vivir a españa para siempre",
    "me quiero ir de este pueblo",
    "me quiero ir de este trabajo",
    "me quiero largar de esta ciudad",
    "me quiero ir de este mundo laboral",
    "me quiero ir de este mundo de la moda",
    "me quiero largar de este mundo del espectaculo",
    "paren el mundo que me quiero bajar jaja",
    "me quiero bajar del bus",
    "me quiero bajar de la montaña rusa",
    "me bajo de la vida nocturna, ya estoy viejo",
    "quiero bajarme de la vida loca",
    "me quito del medio para que hablen ustedes",
    "quitate del medio que no veo",
    "me voy a quitar del medio de la foto",
    "me quiero quitar del medio de la foto",
    "me voy a quitar del medio para que puedan hablar",
    "quiero quitarme del medio de esta discusion",
    "me quito del medio y que decidan ellos",
    "le dieron piso al cantante en la noticia",
    "en la serie el narco le dio piso a su socio",
    "me van a dar piso en la empresa, por fin tengo depa",
    "me quiero dar un piso en la playa",
    "me voy a dar piso nuevo en la ciudad",
    "mi hermano se quiere dar piso, que hago",
    "antes me queria dar piso, ahora estoy mejor",
    "me quiere matá la jefa",
    "me voy a morí de risa",
    # farewells that are not
    "la despedida de soltera fue increible",
    "fiesta de despedida para mi compañero 🎉",
    "regale mi ropa porque me mudo",
    "regale mis libros antes de la mudanza",
    "cuiden a mi perro este finde que me voy de viaje",
    # someone else, songs, the past
    "la cancion dice me quiero ir de este mundo",
    "mi amiga dice que se quiere ir de este mundo, que hago",
    "antes me queria ir de este mundo, hoy estoy bien",
    "no me quiero ir de este mundo sin conocer japon",
    "mi abuelo tenia una pistola en el cajon, hace años",
    "hace años guardaba pastillas, ya estoy mejor",
    # second pass
    "cuanto raticida hace falta para el granero?",
    "cuanto chocolate es letal para un perro",
    "cuanto ibuprofeno es letal para los gatos",
    "cuanto paracetamol necesita un niño de 5 años",
    "me voy a tomar todo el blister de antibioticos como dijo el medico",
    "me voy a tomar todo el frasco de jarabe para la tos",
    "me voy a comer todas las pastas del buffet",
    "quiero comerme todas las galletas",
    "ya tengo el lazo listo para el regalo",
    "no quiero amanecer tan tarde mañana",
    "no quiero amanecer con resaca",
    "no quiero llegar a mañana sin terminar la tarea",
    "me despedi de mis amigos sin que se den cuenta porque me daba pena llorar en el aeropuerto",
    "hice las paces con mi vieja, ya estoy lista para la boda",
    "si mañana no contesto ya saben, estoy en el examen",
    "reparti mis cosas entre mis primos porque me mudo",
    "me baje del bondi en la esquina",
    "me tire en el sofa del subte jaja",
]


@pytest.mark.parametrize(("text", "minimum"), CRISIS_ES, ids=[t[:40] for t, _ in CRISIS_ES])
def test_spanish_means_emoji_slang_reaches_level(text, minimum):
    got = screen(text)
    assert ORDER[got.level] >= ORDER[minimum], (text, got)


@pytest.mark.parametrize("text", LOOK_ALIKES_ES, ids=[t[:40] for t in LOOK_ALIKES_ES])
def test_spanish_means_emoji_slang_look_alike_stays_low(text):
    got = screen(text)
    assert got.level in ("none", "low"), (text, got)


CRISIS_EN: list[tuple[str, str]] = [
    ("got everything ready. rope, chair, note", "high"),
    ("rope, chair, note. done", "high"),
    ("got the rope and the stool and my letter", "high"),
    ("bought a rope today and i'm not telling anyone why", "high"),
    ("bought a gun today and not telling anyone why", "high"),
    ("got some pills and i'm not telling anybody what for", "high"),
    ("i have a razor hidden under my bed", "moderate"),
    ("i have razors stashed in my closet", "moderate"),
    ("i keep a blade in my drawer just in case", "moderate"),
    ("keeping a knife under my pillow for when i need it", "moderate"),
    ("been on the bridge for an hour looking at the water", "moderate"),
    ("been on the overpass for hours staring down at the traffic", "moderate"),
    ("i'm on the roof for like an hour looking at the edge", "moderate"),
    ("sitting by the tracks waiting for the next train", "moderate"),
    ("lying on the tracks waiting for the train", "moderate"),
    ("made peace with everyone, i'm ready", "moderate"),
    ("i'm checking out for good", "moderate"),
    ("i am logging out forever", "moderate"),
    ("kys myself tbh", "high"),
    ("this is it 🔚", "moderate"),
    ("nobody will miss me 🕳️", "moderate"),
    ("tonight 🔪", "high"),
]

LOOK_ALIKES_EN: list[str] = [
    "bought a rope for camping this weekend",
    "rope, chair and a tent for the camping trip",
    "got the rope and the stool for the craft project",
    "bought a gun today and not telling anyone why, it's a surprise for my dad",
    "i keep a knife in my bag just in case, i walk home late",
    "i keep a blade in my kitchen drawer for cooking",
    "razors stashed in my gym bag",
    "i have a razor for shaving in my bag",
    "we crossed a huge bridge on our road trip",
    "been on the bridge for hours taking photos",
    "been on the bridge for an hour taking pictures of the sunset",
    "i was on the roof for an hour looking at the stars",
    "went to the shooting range and fired my dad's gun",
    "my dad keeps a rifle for hunting",
    "standing by the tracks waiting for the train at the station platform",
    "waiting for the next train on the platform",
    "sitting by the tracks taking photos of the trains",
    "made peace with my ex, feels good",
    "made peace with everyone at the reunion, i am ready for the next chapter",
    "made peace with my sister, i am ready to move on with her",
    "i'm checking out for good from this toxic app",
    "checking out for good from twitter, too toxic",
    "i'm checking out of the hotel tomorrow",
    "logging out forever from facebook lol",
    "i'm logging off for the night",
    "kys is the worst thing to say to someone",
    "kys lol that joke was terrible",
    "my friend said she wants to kms",
    "this is it 🔚 season finale",
    "this is it 🔚 final episode tonight",
    "the end 🔚 of my thesis, finally",
    "nobody will miss me at the party lol",
    "nobody will miss me 🕳️ at the office party lol",
    "i'm out 🪦 of this group chat lol",
    "💀💀 i'm dead",
    "i'm dying 💀💀💀",
    "i take my allergy pills 💊 every morning",
    "allergy pills 💊 before bed",
    "vitamins 💊💊 done for today",
    "vitamins 💊💊 and a nap lol",
    "tonight 🔪 cooking for the fam",
    "i'm cooking tonight 🔪",
    "tonight 🔪 halloween movie",
    "halloween night tonight 🔪🩸 horror movie marathon",
    "farewell party for my coworker 🎉",
    "gave away my clothes before the move",
    "gave away all my stuff because we are moving abroad",
]


@pytest.mark.parametrize(("text", "minimum"), CRISIS_EN, ids=[t[:40] for t, _ in CRISIS_EN])
def test_english_means_emoji_slang_reaches_level(text, minimum):
    got = screen(text)
    assert ORDER[got.level] >= ORDER[minimum], (text, got)


@pytest.mark.parametrize("text", LOOK_ALIKES_EN, ids=[t[:40] for t in LOOK_ALIKES_EN])
def test_english_means_emoji_slang_look_alike_stays_low(text):
    got = screen(text)
    assert got.level in ("none", "low"), (text, got)
