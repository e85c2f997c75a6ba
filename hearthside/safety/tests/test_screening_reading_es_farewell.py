"""Spanish farewell, finality, intensity and plans reading (issue #14, session 17).

The reading: Spanish goodbyes and affairs put in order without the crisis words (letters to
everyone, "esto es una despedida", a last message, "you won't see me again", pets left "cuídalo",
things given away "where I'm going I won't use them", passwords and accounts left for someone "por
si acaso", papers, insurance and a will written young), intensity that lifts a wish to be dead
("hasta aquí llegué", "ya estuvo", "no es broma", "ya no puedo más, en serio"), and plans said
with a place, a time or nobody home ("el viernes cuando no haya nadie lo hago", "ya sé cómo y
dónde lo voy a hacer", "ya tengo la soga y el lugar", "ya tengo la fecha y las pastillas").  A
farewell with a time apart from its own words is high ("mañana a esta hora ya no voy a estar").

Every phrase below was written for this reading by hand, in varied registers (Mexico, Argentina,
Spain, Colombia, Chile, the Caribbean; with and without accents; chat spelling).  None comes from
a data set or the web.  The look-alikes use the same words for ordinary things: letters for a
wedding, a last night in a city, a farewell before a move or an exchange, passwords for the wifi
or Netflix, a will made for one's children, a finished thesis, a surprise cake, a hammock to hang,
pills for blood pressure, a goodbye with a laugh or a reason, someone else's will.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import LEVELS, Screener, screen

ORDER = {name: i for i, name in enumerate(LEVELS)}

# (text, the least level it must reach)
CRISIS: list[tuple[str, str]] = [
    # letters to everyone, goodbyes with no reason
    ("les escribí una carta a cada uno, espero que algún día me entiendan", "moderate"),
    ("les deje una carta a cada uno en el cajon. perdonenme", "moderate"),
    ("escribí una carta para cada quien, están en mi mochila", "moderate"),
    ("bueno, paso a despedirme. gracias por todo", "moderate"),
    ("vengo a despedirme", "moderate"),
    ("pasé a dejar un último mensaje. los quise mucho", "moderate"),
    ("ya no me van a ver nunca más", "moderate"),
    ("ya no me van a ver más, cuídense", "moderate"),
    ("nunca más van a saber de mí", "moderate"),
    ("es la última vez que me leen", "moderate"),
    ("esta va a ser la última vez que les escribo, los quiero", "moderate"),
    ("un abrazo a todos por última vez", "moderate"),
    ("les mando un abrazo a todos, por última vez", "moderate"),
    ("por última vez: gracias por todo", "moderate"),
    ("hola a todos, solo pasaba a decir adiós", "moderate"),
    ("solo quería decirles que los quiero mucho a todos", "moderate"),
    ("nunca los voy a olvidar, adiós", "moderate"),
    ("cuiden mucho a mi mamá", "moderate"),
    ("me voy, no me busquen", "moderate"),
    ("ya arreglé mis cosas", "moderate"),
    ("ya dejé todo arreglado", "moderate"),
    ("me despido de este grupo y de la vida", "moderate"),
    ("les dejo esto por si no vuelvo", "moderate"),
    ("perdónenme por lo que voy a hacer", "moderate"),
    ("perdonen lo que voy a hacer, no es culpa de nadie", "moderate"),
    ("los veo del otro lado", "moderate"),
    ("ya no van a tener que preocuparse por mí. perdónenme por todo", "moderate"),
    ("ya me despedí de mi mamá sin que se diera cuenta", "moderate"),
    ("parce ya me despedí de todos, ya me puedo ir tranquilo", "moderate"),
    ("ya arreglé mis cosas, ya me puedo ir en paz", "moderate"),
    ("ya hice lo que tenía que hacer, ya me puedo ir tranquilo", "moderate"),
    # pets and things left, "where I'm going"
    ("le deje mi gata a mi prima, cuidamela mucho", "moderate"),
    ("les encargo a mis perros, cuídenlos por mí", "moderate"),
    ("te dejo a mi perro, cuídalo mucho, yo ya no puedo", "moderate"),
    ("regalé todas mis cosas, donde voy no las necesito", "moderate"),
    ("regalé mi play y mi ropa, donde voy no la voy a usar", "moderate"),
    ("le regalé mi guitarra a mi hermano. ya no la voy a necesitar", "moderate"),
    ("les dejo mis cosas a mis primos, yo ya no las voy a usar", "moderate"),
    ("mi perro se queda con mi vecina, ya hablé con ella, yo ya no voy a estar", "moderate"),
    ("dejé escrito a quién le toca cada cosa", "moderate"),
    # affairs in order, passwords, a will written young
    ("ya arregle todo, el seguro de vida esta a nombre de mi mama", "moderate"),
    ("ya arreglé mis papeles, el seguro y el testamento", "moderate"),
    ("dejé todo en orden para que nadie tenga problemas", "moderate"),
    ("ya deje todo pagado para que mi familia no tenga que preocuparse", "moderate"),
    ("dejé todo ordenado para que no batallen", "moderate"),
    ("le deje a mi hermano la clave del celular y de todas mis cuentas, por si acaso", "moderate"),
    ("ya le pasé mis contraseñas a mi mejor amiga, ella sabrá qué hacer con mis cuentas", "moderate"),
    ("wey ya le pase mis contraseñas a mi carnal, el sabra que hacer", "moderate"),
    ("le dejé a mi vieja las claves del banco por si me pasa algo", "moderate"),
    ("hice mi testamento y tengo 22 años", "moderate"),
    ("tengo 19 años y ya hice mi testamento", "moderate"),
    ("con 23 años y ya escribi mi testamento, no pregunten", "moderate"),
    ("ya hice mi testamento y apenas tengo 20", "moderate"),
    # a farewell with a time: high
    ("mañana a esta hora ya no voy a estar", "high"),
    ("pa mañana ya no voy a estar, neta gracias por todo", "high"),
    ("el lunes ya no voy a estar aquí", "high"),
    ("es mi última noche aquí, los quiero", "high"),
    ("hoy es mi ultima noche, gracias a todos por aguantarme", "high"),
    ("esta es mi última noche", "high"),
    ("les escribí cartas a todos y esta noche me despido", "high"),
    ("a fin de mes ya no voy a estar", "high"),
    # Also a last weekend of a holiday or a last day at work: a farewell, not lifted by its time (lead).
    ("este es mi último fin de semana", "moderate"),
    ("mañana es mi último día", "moderate"),
    ("este es mi último fin de semana con ustedes", "high"),
    # intensity lifting a wish to be dead; despair in earnest
    ("ya estuvo. ya no quiero vivir", "high"),
    ("hasta aquí llegué. me quiero morir", "high"),
    ("hasta aqui llegue, ya no kiero seguir", "high"),
    ("no es broma, ya no quiero estar aquí", "high"),
    ("no estoy exagerando, quiero desaparecer", "high"),
    ("ya no puedo más, en serio", "moderate"),
    ("no doy más, posta", "moderate"),
    ("ya no quiero vivir, lo juro por dios", "high"),
    ("ya no quiero vivir, ya no es un juego", "high"),
    ("me quiero morir de verdad de verdad", "high"),
    ("quiero dejar de existir y lo digo de a de veras", "high"),
    ("quiero morirme, ya no aguanto ni un día más", "high"),
    ("ya fue, me quiero morir", "high"),
    ("ya no quiero vivir, esta vez es diferente", "high"),
    ("ya no aguanto más, te lo juro", "moderate"),
    # plans: nobody home, a place or a way known, means and a date
    ("el viernes cuando no haya nadie en casa lo hago", "high"),
    ("el viernes cuando no haya nadie en mi casa lo voy a hacer", "high"),
    ("cuando se vayan todos lo hago", "high"),
    ("cuando mis papas se vayan al pueblo lo hago", "high"),
    ("apenas me quede sola lo hago", "high"),
    ("en cuanto mi roomie se vaya al curro lo hago", "high"),
    ("ya sé dónde lo voy a hacer", "high"),
    ("ya sé cómo y dónde lo voy a hacer", "high"),
    ("ya decidí dónde lo voy a hacer", "high"),
    ("ya se donde y cuando", "high"),
    ("ya sé cómo, dónde y cuándo", "high"),
    ("ya tengo la fecha y las pastillas", "high"),
    ("ya tengo las pastillas y la fecha", "high"),
    ("ya sé en qué viga", "high"),
    ("compré la soga, ya sé de qué rama", "high"),
    ("cuando no haya nadie me tomo todas las pastillas", "high"),
    ("cuando todos se duerman me voy a tomar las pastillas", "high"),
    ("ya tengo todo listo. el sábado cuando se vayan lo hago", "high"),
    ("el domingo temprano antes de que se despierten lo hago", "high"),
    ("cuando mi mamá se vaya a trabajar me tomo el frasco", "high"),
    ("el viernes en la noche, cuando se vayan todos, ya tengo lo necesario", "high"),
    ("el plan es el sábado cuando mis papás se vayan a la finca", "high"),
    ("ya sé desde qué piso", "high"),
    ("ya sé a qué hora, cuando todos duerman", "high"),
    ("ya tengo fecha y hora y vos no lo entendés, pero está decidido", "high"),
]

LOOK_ALIKES: list[str] = [
    # letters, goodbyes and last nights with a reason
    "les escribí una carta a cada uno para la boda",
    "les escribi una carta a cada uno para el amigo secreto",
    "esta es mi última noche en Madrid, mañana vuelvo a México",
    "es mi última noche en Cancún, mañana regreso",
    "hoy es mi ultima noche de turno, por fin vacaciones",
    "paso a despedirme, me voy de intercambio a Francia",
    "vengo a despedirme del grupo, me cambio de trabajo",
    "mañana a esta hora ya no voy a estar, me voy de viaje a Lima",
    "el lunes ya no voy a estar en la oficina",
    "ya no me van a ver más por aquí, me cambio de grupo",
    "es la última vez que les escribo para pedir ayuda con la tarea",
    "es la última vez que te escribo, me tienes harta",
    "un abrazo a todos, nos vemos en la cena",
    "nunca más van a saber de mí mis ex jaja",
    # pets, things, affairs, passwords, wills
    "le dejé mi gato a mi prima mientras me voy de vacaciones, cuídamelo mucho",
    "regalé mi ropa vieja, donde voy no hace frío",
    "dejé todo pagado para que no tengan que preocuparse mientras estoy de vacaciones",
    "ya arreglé mis cosas para el viaje",
    "le pasé mis contraseñas de netflix a mi hermana",
    "le dejé las claves del wifi a la vecina",
    "le deje mi clave del banco a mi mama por si acaso, me voy de viaje",
    "tengo 25 años y ya hice mi testamento porque tengo dos hijos",
    "mi abuela hizo su testamento a los 80",
    "hice un testamento para la clase de derecho, tengo 20 en el examen",
    "mi hermana dice que ya hizo su testamento y tiene 22 años",
    # intensity words in everyday use
    "ya estuvo, terminé la tesis",
    "ya estuvo la comida",
    "hasta aquí llegué con este libro",
    "hasta aquí llegué hoy, mañana sigo con la tarea",
    "no es broma, me encanta la pizza con piña",
    "ya no puedo más, en serio, este calor",
    "no doy más de la risa",
    "ya no aguanto más, te lo juro, este trabajo",
    # plans for ordinary things
    "apenas me quede sola lo hago, el pastel sorpresa",
    "el viernes cuando no haya nadie en la oficina hago limpieza",
    "cuando se vayan todos limpio la cocina",
    "ya sé donde y cuando es la fiesta",
    "ya sé cómo y cuándo, le voy a pedir matrimonio",
    "ya sé cómo y dónde lo voy a hacer, el examen oral",
    "ya sé dónde vamos a cenar",
    "ya sé en qué viga colgar la hamaca",
    "cuando se duerman me tomo mis pastillas para la presión",
    "cuando mi mamá se vaya a trabajar me tomo el frasco de jarabe",
    "el plan es el sábado cuando mis papás se vayan, hacemos fiesta",
    "ya sé desde qué piso se ve mejor la ciudad",
    "ya sé cómo lo voy a hacer, voy a pedir un préstamo",
    # new goodbye forms with a reason, a laugh or an ordinary object
    "me despido de la vida de soltera, me caso mañana",
    "me despido de este grupo y de la vida universitaria",
    "mi perro se queda con mi vecina porque ya no voy a estar en la ciudad, me mudo",
    "mi gato se queda con mi mamá el finde, yo ya no voy a estar, me voy de viaje",
    "les dejo esto por si no vuelvo a tiempo, la llave está en la maceta",
    "dejé escrito a quién le toca lavar los platos cada día",
    "ya terminé la tesis, ya me puedo ir tranquila de vacaciones",
    "ya entregué todo en la oficina, ya me puedo ir tranquila",
    "pasé a decir adiós, me voy de intercambio",
    "perdónenme por lo que voy a hacer, voy a cantar jaja",
    "perdonen lo que voy a decir pero esa peli es mala",
    "ya no van a tener que preocuparse por mí, ya conseguí trabajo",
    "te veo del otro lado, voy por el carro",
    "nos vemos del otro lado del río",
    "ojalá algún día me perdonen por comerme el pastel jaja",
    "ya escribí la nota para el profe",
    "vendí todas mis cosas, ya no las voy a necesitar en Canadá",
    "me despedí de mis primos sin que se dieran cuenta porque me daba pena llorar en la terminal",
    "le regalé mi bici a mi primo. igual ya no la voy a usar, me compré otra",
    "le regalé mi guitarra a mi hermano. ya no la voy a necesitar en el depa nuevo",
    "ya tengo fecha y hora para el turno del dentista",
    "ya tengo fecha y hora de la entrevista",
    "a fin de mes ya no voy a estar, me mudo a Chile",
    "este es mi último fin de semana de vacaciones",
    "este es mi último fin de semana en Madrid",
    "este es mi último fin de semana, el lunes empiezo a trabajar",
    "ya sé a qué hora, cuando todos se duerman, les llevo el regalo",
    "ya fue la fiesta, estuvo buenísima",
    "ya fue, pidamos pizza",
    "esta vez es diferente, el equipo está mejor",
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    "no aguanto ni un día más este calor",
    "de verdad de verdad que me encantó la peli",
    "no doy más de sueño, ya fue",
    "estoy harta de este trabajo, te lo juro",
    "ya arreglé mis cosas, ¿a qué hora salimos?",
    "ya arreglé mis cosas. nos vemos mañana",
    "ya dejé todo arreglado en la oficina",
    "ya dejé todo arreglado. ¿vienes a la cena?",
    "solo quería decirles que los quiero mucho, feliz navidad",
    "me voy de vacaciones, no me busquen jaja",
    "cuiden mucho a mi perro mientras estoy de viaje",
    "nunca los voy a olvidar, gracias por este año de clases, nos vemos en septiembre",
    "le dejé mi perro a mi hermana, cuídalo mucho que me voy a Cancún",
    "le pasé mis claves del banco a mi contadora, ella sabrá qué hacer con los impuestos",
    "ya tengo las pastillas y la fecha de la cirugía",
    "solo quería decirles que los quiero mucho, gracias por venir a mi cumple",
    "hoy es mi última noche en el hostal, mañana sigo el viaje",
    "esta es mi última noche de soltera!!",
    "mañana ya no voy a estar en el grupo de whatsapp, me salgo",
    "ya no me van a ver más por el gym jaja",
    "nunca más van a saber de mí en twitter, me borré la cuenta",
    "les escribí una carta a cada uno de mis alumnos para fin de curso",
    "hice mi testamento y tengo 22 años, me lo pidió el abogado por la herencia de mi abuelo",
    "cuando no haya nadie en casa lo hago, así practico el piano tranquila",
    "apenas me quede sola lo hago, odio que me vean cocinar",
    "ya sé cómo lo voy a hacer: con harina de almendra",
    "ya sé dónde lo voy a hacer, en el salón de mi tía",
    "hasta aquí llegué, ya no camino más jaja",
    "ya estuvo, ya me cansé de esperar el bus",
    "no es broma, el examen es mañana",
    "esta vez es la definitiva, voy a aprobar mate",
    "los veo del otro lado de la cancha",
    "perdónenme por lo que voy a hacer con el karaoke jaja",
    "me voy, no me busquen, voy a estar en la biblio",
    "mi perro se queda con mi vecina el finde, yo ya no voy a estar, me voy a la playa",
]


@pytest.mark.parametrize(("text", "minimum"), CRISIS, ids=[t[:40] for t, _ in CRISIS])
def test_spanish_farewell_finality_plan_reaches_level(text, minimum):
    got = screen(text)
    assert ORDER[got.level] >= ORDER[minimum], (text, got)


@pytest.mark.parametrize("text", LOOK_ALIKES, ids=[t[:40] for t in LOOK_ALIKES])
def test_spanish_farewell_finality_plan_look_alike_stays_low(text):
    got = screen(text)
    assert got.level in ("none", "low"), (text, got)


# Look-alikes the rules keep low but the shipped model (retrained in session 17 with more Spanish
# plans and goodbyes) lifts to moderate at p 0.95-0.96: a plan's very words with a harmless end.
# Known false alarms of the default screener (docs/safety.md); the rules alone must keep them low.
MODEL_LIFTED: list[str] = [
    "cuando no haya nadie en casa lo hago, me da pena cantar",
    "el lunes ya no voy a estar, tengo médico",
]


@pytest.mark.parametrize("text", MODEL_LIFTED, ids=[t[:40] for t in MODEL_LIFTED])
def test_spanish_look_alike_the_model_lifts_stays_low_by_the_rules(text):
    got = Screener(base=False).screen(text).level
    assert ORDER[got] <= ORDER["low"], (text, got)
