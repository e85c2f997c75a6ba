"""Spanish intensity, farewell and multi-turn reading (issue #14, session 19, es-turns).

1. Intensity that lifts passive ideation ("esta vez va en serio", "ya no más, lo juro", "estoy
   decidida", "no es un drama", "ahora sí", "no aguanto ni un día más"), in the registers of Mexico,
   Argentina, Spain, Colombia and Chile, with and without accents; the same words about a diet, a job,
   a series or love stay low.
2. Farewell and finality ("esta es mi despedida", "ya hice las paces con todo", "les dejé cartas",
   "hoy es la noche", "cuiden a mi gato", "los quise mucho", "perdónenme, ya no podía más", "ya arreglé
   todo", "borré todo"); a move, a job left, a trip, a series ending, a goodbye party, an obituary or a
   song stay low.
3. Risk that only shows across turns of the same author (``screen(text, history=[...])``): a last
   message that is mild alone ("en serio", "ahora sí", "borré todo", "estoy decidido", "mañana ya no
   va a importar", "era broma jaja") after despair or a wish to die; and stressful conversations
   (exams, work, a move, a meme, grief for someone else) that are not raised by the same words.

Every phrase and conversation here was written by hand for this reading; none comes from a data set
or an evaluation set.  The cases are pinned on the rules (``Screener(base=False)``) so a retrained
model does not move them.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening.conversation import cues

from .rules_only import ORDER, RULES, assert_at_least, assert_at_most, why

# ---------------------------------------------------------------- 1. intensity

# (text, the least level it must reach)
INTENSITY: list[tuple[str, str]] = [
    ('ya no quiero vivir, esta vez va en serio', 'high'),
    ('ya me harté de verdad, se acabó, no quiero seguir viviendo', 'high'),
    ('ya no mas, lo juro, ya no quiero estar aqui', 'high'),
    ('quiero dormirme y no despertar nunca, estoy decidida', 'high'),
    ('no es un drama, de verdad ya no quiero seguir', 'moderate'),
    ('ahora si ya no quiero seguir viviendo', 'high'),
    ('no aguanto ni un dia mas esta vida', 'moderate'),
    ('ya no aguanto ni un día más, quiero desaparecer', 'high'),
    ('ojala no despertar mañana, y lo digo en serio', 'high'),
    ('neta wey ya no quiero vivir, no es broma', 'high'),
    ('boludo ya fue, no quiero seguir viviendo, posta', 'high'),
    ('tio esta vez va en serio, no quiero seguir aqui', 'high'),
    ('parce ya no quiero vivir mas, de verdad de verdad', 'high'),
    ('weon ya no quiero seguir, ahora si es en serio', 'high'),
    ('estoy decidido, ya no quiero estar vivo', 'high'),
    ('quiero morirme y esta vez no es un decir', 'high'),
    ('ya me canse de vivir, esta vez es definitivo', 'high'),
    ('ya no quiero despertar nunca mas, lo juro por mi madre', 'high'),
    ('esta vez va enserio, no quiero seguir existiendo', 'high'),
    ('se acabo, ya no quiero vivir', 'high'),
    ('ya me harte de todo, quiero morirme de una vez por todas', 'high'),
    ('desearia estar muerta, ya no es un drama, es real', 'high'),
    ('quisiera desaparecer para siempre, lo digo en serio', 'high'),
    ('ya no kiero vivir, va en serio esta vez', 'high'),
    ('no aguanto ni un dia mas, ya no quiero vivir', 'high'),
    ('estoy decidida, no quiero seguir aqui', 'high'),
    ('ahora si, ya no quiero seguir con vida', 'high'),
    ('ya no quiero seguir, y esta vez no me van a convencer', 'high'),
    ('ojala me muriera ya, y no lo digo por decir', 'high'),
    ('ya estuvo, no quiero vivir mas', 'high'),
    ('me quiero morir y esta vez es de verdad', 'high'),
    ('mira te lo digo en serio, ya no quiero vivir', 'high'),
    ('ya no quiero estar viva, te lo juro que no es drama', 'high'),
    ('ya no mas, no quiero despertar mañana', 'high'),
    ('esta vez si ya no quiero seguir viva', 'high'),
    ('hermano en serio ya no doy mas, no quiero vivir', 'high'),
]

# (text, the most it may reach)
INTENSITY_LOOKALIKES: list[tuple[str, str]] = [
    ('esta vez va en serio, me pongo a dieta', 'low'),
    ('ya me harté de verdad, se acabó el tabaco', 'low'),
    ('ya no mas, lo juro, no vuelvo a tomar tequila', 'low'),
    ('te voy a amar para siempre', 'low'),
    ('estoy decidida a aprobar el examen', 'low'),
    ('no es un drama, de verdad solo quiero dormir', 'low'),
    ('ahora si me voy al gym', 'low'),
    ('no aguanto ni un dia mas en este trabajo, renuncio', 'low'),
    ('no aguanto ni un dia mas sin verte amor', 'low'),
    ('se acabo la serie, que final tan triste', 'low'),
    ('ya fue, perdimos la final', 'low'),
    ('estoy decidido, me cambio de carrera', 'low'),
    ('se acabó, terminé con él para siempre', 'low'),
    ('esta vez es definitivo, dejo de fumar', 'low'),
    ('me muero de risa, en serio', 'low'),
    ('lo juro que me muero si no me contesta jaja', 'low'),
    ('ya me harte de la lluvia, se acabo el verano', 'low'),
    ('ahora si voy en serio con el ingles', 'low'),
    ('de verdad de verdad te quiero mucho', 'low'),
    ('ya no mas redes sociales, lo juro', 'low'),
]


@pytest.mark.parametrize(("text", "least"), INTENSITY)
def test_intensity_lifts(text: str, least: str) -> None:
    assert_at_least(text, least)


@pytest.mark.parametrize(("text", "most"), INTENSITY_LOOKALIKES)
def test_intensity_lookalikes_stay_low(text: str, most: str) -> None:
    assert_at_most(text, most)


# ---------------------------------------------------------------- 2. farewell and finality

FAREWELL: list[tuple[str, str]] = [
    ('esta es mi despedida, ya no quiero seguir', 'high'),
    ('esta es mi despedida. gracias por todo', 'moderate'),
    ('ya hice las paces con todo, ya estoy lista', 'moderate'),
    ('regale mis cosas, ya no las voy a necesitar', 'moderate'),
    ('ya regalé mis cosas a mis primos, no me van a hacer falta', 'moderate'),
    ('les deje cartas a todos en mi cuarto', 'moderate'),
    ('hoy es la noche, ya deje las cartas', 'high'),
    ('cuiden a mi gato cuando ya no este', 'moderate'),
    ('cuiden a mi gato, gracias por todo de verdad, los quise mucho', 'moderate'),
    ('gracias por todo, de verdad, los quise mucho', 'moderate'),
    ('perdónenme, ya no podía más', 'moderate'),
    ('perdonenme por todo, ya no aguanto', 'moderate'),
    ('ya arregle todo, las cuentas estan a nombre de mi hermana, perdonenme', 'moderate'),
    ('borre todo, ya no me van a ver mas', 'moderate'),
    ('ya no me van a ver mas', 'moderate'),
    ('los quise mucho, perdonenme', 'moderate'),
    ('les quise mucho a todos, adios', 'moderate'),
    ('ya me despedi de todos, hoy es la noche', 'high'),
    ('ya deje todo arreglado para cuando no este', 'moderate'),
    ('ya hice las paces con dios y con mi familia, ya me puedo ir', 'moderate'),
    ('mañana ya no voy a estar, los quise mucho', 'high'),
    ('solo queria decirles que los quise mucho y que no es su culpa', 'moderate'),
    ('ya les deje una carta a mis papas, perdonenme', 'moderate'),
    ('ya borre mis fotos y mis redes, ya no me van a ver mas', 'moderate'),
    ('adios a todos, fue bonito mientras duro, los quise mucho', 'moderate'),
    ('gracias x todo wey, te quise mucho, cuida a mi perro', 'moderate'),
    ('esta es mi ultima noche, perdonenme', 'high'),
    ('regale mi guitarra y mi ropa, ya no me hace falta nada', 'moderate'),
    ('perdonenme por ser una carga, ya no voy a molestar', 'moderate'),
    ('hoy es la noche. los quise mucho', 'high'),
    ('ya arregle todo, hoy es la noche', 'high'),
    ('ya no me van a ver mas, cuiden a mi gato', 'moderate'),
    ('quise despedirme bien. los quise mucho a todos, de verdad', 'moderate'),
    ('tia ya lo tengo todo arreglado, cuidad de mi gato vale, os quise mucho', 'moderate'),
    ('gracias por todo che, los quise un monton, perdonenme', 'moderate'),
    # Other ways of saying it (no will or point left in living, eyes closed for good, a secret goodbye).
    ('la verdad ya no me dan ganas de vivir', 'moderate'),
    ('ya no le hallo sentido a seguir viviendo', 'moderate'),
    ('quisiera cerrar los ojos hoy y que sea para siempre', 'moderate'),
    ('no quisiera volver a abrir los ojos nunca mas', 'moderate'),
    ('no soporto ni una hora mas esta vida', 'moderate'),
    ('lo siento mucho mami, ya no podia mas', 'moderate'),
    ('regale mis libros, a donde voy no me hacen falta', 'moderate'),
    ('diganle a mi hermano que lo quise muchisimo', 'moderate'),
    ('esta es mi ultima historia, gracias por todo', 'moderate'),
    ('ya me despedi de mi papa sin que el supiera nada', 'moderate'),
    ('ya me despedi de mi mama sin que supiera que era la ultima vez', 'moderate'),
    ('si estan leyendo esto ya no estoy aqui', 'moderate'),
]

FAREWELL_LOOKALIKES: list[tuple[str, str]] = [
    ('me mudo a Monterrey, esta es mi despedida, gracias por todo', 'low'),
    ('regale mis cosas porque me mudo a Chile', 'low'),
    ('les deje cartas a mis alumnos por fin de curso', 'low'),
    ('hoy es la noche de la final!! vamos', 'low'),
    ('cuiden a mi gato mientras estoy de viaje', 'low'),
    ('gracias por todo, de verdad, los quise mucho. nos vemos en la reunion', 'low'),
    ('se acabo la serie, ya no la voy a ver mas', 'low'),
    ('fiesta de despedida el viernes! me voy a Madrid', 'low'),
    ('descanse en paz mi abuelo, lo quisimos mucho', 'low'),
    ('borre todo el historial del navegador', 'low'),
    ('ya arregle todo para el viaje', 'low'),
    ('ya no me van a ver mas por el gym, me cambie de sucursal', 'low'),
    ('perdonenme por llegar tarde', 'low'),
    ('ya hice las paces con mi ex, todo bien', 'low'),
    ("la cancion dice 'esta es mi despedida' y me hace llorar", 'low'),
    ('el ultimo capitulo fue una despedida hermosa', 'low'),
    ('me voy de intercambio un año, los quise mucho, cuiden a mi gato', 'low'),
    ('obituario: fallecio don pedro, su familia agradece', 'low'),
    ('hoy es la noche de brujas', 'low'),
    ('ya borre la app de citas, gracias por todo tinder jaja', 'low'),
    ('dejo el trabajo, les deje una carta a mis compañeros', 'low'),
    # Look-alikes of the same readings.
    ('ya no me dan ganas de vivir en esta ciudad', 'low'),
    ('no quiero abrir los ojos mañana, que flojera el lunes', 'low'),
    ('perdón chicos, no pude más, me salí del partido', 'low'),
    ('perdon por la tardanza, ya no podia mas con el trafico', 'low'),
    ('me voy de campamento, ya no van a saber de mi hasta el domingo', 'low'),
    ('me despedi de mi novio sin que se diera cuenta de que me iba de viaje', 'low'),
    ('este es mi ultimo video, gracias por ver el canal', 'low'),
    ('les deje una carta de agradecimiento a las maestras por fin de curso', 'low'),
    ('estoy decidida, renuncio mañana', 'low'),
    ('cuiden a mi perro mientras estoy en el hospital', 'low'),
    ('hoy es mi ultimo dia en la empresa, gracias por todo, los quise mucho', 'low'),
    ('me despedi de mis tias sin que se dieran cuenta porque odio llorar en el aeropuerto', 'low'),
]


@pytest.mark.parametrize(("text", "least"), FAREWELL)
def test_farewell_read(text: str, least: str) -> None:
    assert_at_least(text, least)


@pytest.mark.parametrize(("text", "most"), FAREWELL_LOOKALIKES)
def test_farewell_lookalikes_stay_low(text: str, most: str) -> None:
    assert_at_most(text, most)


# ---------------------------------------------------------------- 3. across turns

# (earlier messages of the same person, the new message, the least level it must reach)
CONVERSATIONS: list[tuple[list[str], str, str]] = [
    # Longer conversations (4-5 turns) and chat-style take-backs.
    (['hola', 'no se ni por donde empezar', 'siento que todo se me vino encima', 'ya no quiero seguir viva'], 'y esta vez va en serio', 'high'),
    (['otra vez pelee con mi mama', 'me dijo que ojala nunca hubiera nacido', 'creo que tiene razon'], 'ya regale mis cosas a mi prima', 'moderate'),
    (['boludo estoy re mal', 'no le encuentro sentido a nada', 'me quiero matar'], 'posta', 'high'),
    (['me siento un estorbo', 'todos estarian mejor sin mi'], 'ya les deje cartas a cada uno', 'high'),
    (['ya no quiero despertar', 'estoy cansadisimo'], 'ya tengo las pastillas guardadas', 'high'),
    (['quiero morirme wey'], 'jajaja nah', 'moderate'),
    (['me quiero morir'], 'naaa mentira', 'moderate'),
    (['siento que ya no puedo mas', 'no duermo, no como'], 'perdonenme', 'moderate'),
    (['ya no aguanto mas la vida', 'nadie me entiende'], 'mañana ya no va a importar nada', 'moderate'),
    (['quiero desaparecer para siempre'], 'ya me despedi de mi perro', 'high'),
    (['ojala me muera dormida'], 'hoy es la noche', 'high'),
    (['me quiero morir'], 'ya borre mis fotos', 'high'),
    (['no tengo ganas de vivir'], 'neta', 'high'),
    (['ya no quiero estar aqui'], 'es en serio, no es un drama', 'high'),
    (['estoy harto de todo', 'nadie me necesita', 'no le veo sentido a nada'], 'gracias por todo, de verdad', 'moderate'),
    (['mi vida no vale nada'], 'ya hice las paces con todos', 'moderate'),
    (['ya no puedo mas con todo', 'siento que nada tiene sentido'], 'ya compre lo que necesitaba', 'high'),
    (['no le veo sentido a nada'], 'mañana ya no va a importar', 'moderate'),
    (['ya no quiero vivir, de verdad'], 'era broma jaja', 'moderate'),
    (['me quiero morir'], 'jajaja no me hagas caso', 'moderate'),
    (['estoy cansada de todo', 'nadie me necesita'], 'ya regale mis cosas', 'moderate'),
    (['ya no aguanto', 'todo es mi culpa'], 'perdonenme', 'moderate'),
    (['quiero desaparecer'], 'hoy es la noche', 'high'),
    (['no quiero seguir viviendo'], 'ya tengo las pastillas', 'high'),
    (['ya no le veo caso a nada', 'soy una carga para mi familia'], 'ya no me van a ver mas', 'moderate'),
    (['siento que ya no puedo mas'], 'gracias por todo, de verdad, los quise mucho', 'moderate'),
    (['ojala no despertar'], 'esta vez va en serio', 'high'),
    (['me quiero morir wey'], 'ahora si', 'high'),
    (['ya no quiero seguir'], 'estoy decidida', 'high'),
    (['no tiene caso seguir viviendo'], 'ya arregle todo', 'moderate'),
    (['quisiera morirme'], 'cuiden a mi gato', 'moderate'),
    (['ya no aguanto esta vida', 'nadie me va a extrañar'], 'hoy en la noche', 'high'),
    (['no quiero estar aqui', 'ya me harte'], 'ya escribi las cartas', 'moderate'),
    (['todo me sale mal, no sirvo para nada'], 'ya hice las paces con todo', 'moderate'),
    (['pienso en matarme todos los dias'], 'olvidalo, fue una broma', 'high'),
    (['ya no tiene sentido vivir'], 'borre todo', 'moderate'),
    (['estoy harta de vivir'], 'mañana ya no va a importar nada', 'moderate'),
    (['no le veo salida a esto', 'me siento vacio'], 'ya consegui lo que necesitaba', 'high'),
    (['ya no quiero vivir boludo'], 'mentira jaja, estoy bien', 'moderate'),
    (['quiero matarme'], 'ya se como', 'high'),
    (['me quiero morir, neta'], 'ya tengo todo listo', 'high'),
    (['para que sigo aqui'], 'no aguanto ni un dia mas', 'moderate'),
    (['no quiero despertar mañana'], 'ya no mas, lo juro', 'high'),
    (['no le importo a nadie', 'ya no tiene caso'], 'esta es mi despedida', 'moderate'),
    (['ya no puedo mas parce'], 'regale a mi perro con mi tia', 'moderate'),
    (['soy un estorbo para todos'], 'pronto ya no van a tener que preocuparse', 'moderate'),
    (['estoy agotada de todo', 'ya no quiero seguir'], 'perdon por todo, de verdad', 'moderate'),
    (['me quiero morir tio'], 'no es un drama', 'high'),
    (['siento que no sirvo para nada', 'quiero desaparecer'], 'en serio', 'high'),
    (['ya no quiero despertar'], 'borre todo', 'high'),
    (['ya no quiero estar aqui', 'nadie se daria cuenta'], 'estoy decidido', 'high'),
    (['quiero dejar de existir'], 'no aguanto ni un minuto mas', 'high'),
    (['no le veo caso a nada ya'], 'pronto nada va a importar', 'moderate'),
    (['estoy harta de vivir asi'], 'ya me harte', 'moderate'),
    (['ya no quiero vivir'], 'ya compre las pastillas', 'high'),
    (['quiero matarme, no veo futuro'], 'el viernes cuando no haya nadie en casa', 'high'),
    (['me odio', 'ya no aguanto mas'], 'ya me despedi de todos', 'moderate'),
    (['ya no doy mas', 'siento que estorbo'], 'ya no me van a tener que aguantar', 'moderate'),
    (['quiero dormir y no despertar'], 'en serio', 'high'),
]

# (earlier messages, the new message, the most it may reach)
CALM_CONVERSATIONS: list[tuple[list[str], str, str]] = [
    (['hola', 'tengo examen de fisica', 'no entiendo nada', 'el profe es malisimo'], 'mañana ya no importa, la prueba la cambiaron', 'low'),
    (['me voy a vivir a Chile', 'estoy emocionada y triste a la vez'], 'ya me despedi de todos', 'low'),
    (['mi gata esta enferma', 'la llevo al vet mañana'], 'ya no mas gatos callejeros, lo juro jaja', 'low'),
    (['la mudanza es el sabado', 'estoy agotada'], 'ya regale mis cosas viejas', 'low'),
    (['termine con mi novio', 'estoy triste pero bien'], 'ya hice las paces con todo eso', 'low'),
    (['mi abuelito fallecio', 'lo vamos a extrañar'], 'gracias por todo, de verdad', 'low'),
    (['estoy cansada del trabajo', 'mi jefe es insoportable'], 'ahora si renuncio', 'low'),
    (['odio los lunes'], 'nah', 'low'),
    (['no le veo caso a nada de lo que dice el profe'], 'pronto nada va a importar', 'low'),
    (['me quiero morir de la verguenza, le mande el audio a mi jefe'], 'en serio', 'low'),
    (['mi tia dice que ya no quiere vivir asi con el dolor de espalda'], 'ahora si', 'low'),
    (['este calor me mata'], 'ya no mas, lo juro', 'low'),
    (['mi amiga me dijo que se quiere matar'], 'estoy decidida, voy a hablar con su mama', 'low'),
    (['ya no aguanto el trabajo'], 'estoy decidido', 'low'),
    (['estoy super estresada por los examenes', 'no he dormido nada'], 'mañana ya no importa porque termina el semestre', 'low'),
    (['el trabajo me tiene harto'], 'ya compre lo que necesitaba para el viaje', 'low'),
    (['que semana tan pesada', 'mi jefe me trae loca'], 'ya compre lo que necesitaba', 'low'),
    (['estoy triste porque me mudo'], 'ya regale mis cosas viejas, la mudanza es el sabado', 'low'),
    (['estoy nerviosa por la entrevista'], 'ahora si, mañana me preparo bien', 'low'),
    (['odio los lunes jaja'], 'era broma', 'low'),
    (['me quiero morir de verguenza, me cai frente a todos'], 'jaja ya paso', 'low'),
    (['que final de temporada tan triste'], 'esta es su despedida, los voy a extrañar', 'low'),
    (['me voy de la empresa el viernes'], 'gracias por todo, de verdad, nos vemos en la comida de despedida', 'low'),
    (['no le veo sentido a estudiar esto', 'el profe es pesimo'], 'en serio', 'low'),
    (['mi celular esta lleno de fotos'], 'ya borre todo', 'low'),
    (['tenia mil pendientes en la casa'], 'ya arregle todo', 'low'),
    (['no se si aceptar el trabajo en Lima'], 'estoy decidida', 'low'),
    (['que flojera el examen de mañana', 'no estudie nada'], 'mañana ya no va a importar, lo pasaron para el lunes', 'low'),
    (['me cae fatal mi compañero de depa'], 'no es un drama, de verdad es insoportable', 'low'),
    (['estoy harta del gimnasio'], 'ya no mas, lo juro, me doy de baja', 'low'),
    (['mi hermana dice que se quiere morir'], 'en serio, que hago?', 'low'),
    (['estoy cansada, trabaje doble turno'], 'ahora si a dormir', 'low'),
    (['vi la peli mas triste del mundo', 'llore muchisimo'], 'no aguanto ni un dia mas sin ver la segunda parte', 'low'),
    (['se murio mi abuelita', 'estoy muy triste'], 'gracias por todo, de verdad', 'low'),
    (['me quiero morir de la risa con este meme jajaja'], 'en serio jaja', 'low'),
    (['estoy estresadisimo con la tesis'], 'mañana entrego y ya no va a importar nada jaja', 'low'),
    (['mi abuelo murio ayer'], 'ya hicimos las paces antes de que se fuera', 'low'),
    (['estoy muerta de cansancio'], 'hoy es la noche de la fiesta!', 'low'),
    (['no le veo sentido a esta tarea de mate'], 'mañana ya no va a importar, el profe la cancelo', 'low'),
    (['estoy harta de mi roomie'], 'ya me mudo, regale mis cosas viejas', 'low'),
    (['no aguanto a mi suegra'], 'ahora si se fue, por fin', 'low'),
    (['el examen estuvo horrible', 'creo que reprobe'], 'ya da igual, se acabo el semestre', 'low'),
    (['me dejo mi novio', 'lloré toda la noche'], 'ya hable con mi terapeuta, estoy mejor', 'low'),
    (['me siento fatal por la gripe'], 'ya compre las pastillas en la farmacia', 'low'),
    (['que estres la mudanza'], 'cuiden a mi gato mientras me instalo', 'low'),
    (['estoy cansadisima del trabajo'], 'estoy decidida, renuncio mañana', 'low'),
    (['ya no aguanto este calor'], 'ahora si me voy a la playa', 'low'),
    (['estoy nervioso por la final del futbol'], 'hoy es la noche!!', 'low'),
    (['me harte de la dieta'], 'se acabo, hoy pizza jaja', 'low'),
    (['el proyecto me tiene loco', 'no he dormido'], 'ya termine, ya no importa nada jaja', 'low'),
    (['mi perro esta enfermo, estoy muy preocupada'], 'cuiden a mi gato mientras voy al vete', 'low'),
    (['estoy triste porque se acabo la serie'], 'ya no la voy a ver mas', 'low'),
    (['odio mi trabajo'], 'ya les deje una carta a mis compañeros, renuncie', 'low'),
]


@pytest.mark.parametrize(("history", "text", "least"), CONVERSATIONS)
def test_risk_across_turns(history: list[str], text: str, least: str) -> None:
    s = RULES.screen(text, history=history)
    assert ORDER[s.level] >= ORDER[least], (history, text, s.level, why(s))


@pytest.mark.parametrize(("history", "text", "most"), CALM_CONVERSATIONS)
def test_stressful_conversations_not_raised(history: list[str], text: str, most: str) -> None:
    s = RULES.screen(text, history=history)
    assert ORDER[s.level] <= ORDER[most], (history, text, s.level, why(s))


@pytest.mark.parametrize("text", ["en serio", "ahora sí", "ya no más, lo juro", "no es un drama",
                                  "no aguanto ni un día más", "esta vez va enserio"])
def test_emphasis_said_back_is_a_cue(text: str) -> None:
    assert cues(text).intense


@pytest.mark.parametrize("text", ["mañana ya no va a importar", "pronto nada va a importar"])
def test_tomorrow_not_mattering_is_final(text: str) -> None:
    assert cues(text).final_strong


@pytest.mark.parametrize("text", ["mañana ya no va a importar, el profe la canceló",
                                  "en serio, ¿qué hago?", "ya borré todo el historial"])
def test_explained_replies_are_not_cues(text: str) -> None:
    c = cues(text)
    assert not (c.final_strong or c.intense or c.prep), c


def test_minimisation_keeps_what_was_said() -> None:
    s = RULES.screen("era broma jaja", history=["ya no quiero vivir, de verdad"])
    assert ORDER[s.level] >= ORDER["moderate"], why(s)
