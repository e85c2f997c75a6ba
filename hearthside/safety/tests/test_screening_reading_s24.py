"""Single crisis messages read without the key words, and their look-alikes (issue #14, session 24).

Four batches (English and Spanish, 70 crisis messages and 50 look-alikes each) were written for this
session by helpers in their own words: means kept or looked at, plans, farewells, intensity, passive
wishes lifted by a time or a means, slang, emoji, medically serious self-harm, method questions, long
posts and obfuscation. On their first run the default screener missed (below ``moderate``) 36 of 140
English and 31 of 140 Spanish crisis messages, and raised 14 and 13 of 100 look-alikes.

The readings added: not being here wished or liked ("some days i wish i just wasnt here anymore",
"id like to not be here anymore"), everything swallowed, "doing it as soon as this sends", cuts deeper
than meant, skin hurt till it bleeds, method questions without the words ("how long does a tylenol
overdose take to work"), not being around to say it, "tell her it wasn't her fault." as a last word,
knowing where a relative keeps the gun or its key, stopping on a bridge to look down at the water,
most of one's things given away, pills drawn as emoji saved up; in Spanish wanting to be under the
ground, wishing this waking were the last, on the roof or the bridge now, knowing where the gun or its
key is, faint or dizzy after cutting and deeper this time, method questions (veins, rat poison, "se queda
dormido pa siempre"), "hasta siempre" after thanks, not being here after a date, a child left in others'
care, joining the dead. Thoughts that a relative clause gives to the writer are the writer's own ("I
told my mom about the suicidal thoughts I've been having" was read as concern for the mother).

Guards for the batches' false alarms: a date or affairs set for a life event the message names (a
wedding, a deployment, a proposal; not a day chosen after the event or kept clear of it "so i don't ruin
it"), a wish to vanish from a chat, a site or "online", waking early for
work, being with a relative after a flight, "kms 💀" about spilt coffee, a kitchen cut told after the cut.

Every phrase here was written for this project; none comes from a data set or an evaluation set.
The cases are pinned on the rules (``Screener(base=False)``) so a retrained model does not move them.
"""

from __future__ import annotations

import pytest

from hearthside.safety.tests.rules_only import RULES, assert_at_least, assert_at_most

# (message, the least level the rules must give it): each was lower with the rules before.
CRISIS = [
    ("walked across the bridge by campus 3 times today. stopped in the middle each time and looked down at the water. idk why im telling u this", "high"),
    ("i just swallowed everything that was in the cupboard. not sure why im typing this", "imminent"),
    ("i know where my brother keeps the spare key for his shotgun cabinet. ive driven over to his place twice this week while hes at work just to sit outside", "high"),
    ("pills are next to me and the door is locked. doing it as soon as this sends", "imminent"),
    ("if anyone here knows my sister please tell her it wasnt her fault. none of it was. she did everything she could", "moderate"),
    ("been an honour serving alongside some of you. signing off for the last time. look after the new guys, dont let them end up where i am", "high"),
    ("tell my boys their dad loved them more than anything even if he was crap at showing it. i wont be around to say it myself", "high"),
    ("ive given away most of my things this week, the wheelchair is going to the hospice. just wanted to say thank you to this group before i go. you were the only people who believed the pain was real", "high"),
    ("i just want it over for good. not a break, not a holiday, not a new med. for good", "high"),
    ("wouldnt mind if i didnt come home from this next trip. might even help it along", "moderate"),
    ("some days i wish i just wasnt here anymore", "moderate"),
    ("id like to not be here anymore. i miss him so much", "moderate"),
    ("been saving up my 💊 for when it gets bad enough. pretty sure thats this week", "high"),
    ("scratched my arms till they bled again, its the only thing that helps", "moderate"),
    ("went way deeper than i meant to and it looks bad. not telling anyone", "high"),
    ("how long does a tylenol overdose take to work", "high"),
    ("if someone stepped in front of a train would they feel anything", "moderate"),
    ("how deep would a cut have to be to actually be fatal", "high"),
    ("ya se donde guarda mi viejo la llave del placard donde tiene el arma. hoy no esta en casa y estoy sola", "imminent"),
    ("estoy en la azotea del edificio ahorita, el viento esta fuertisimo y no me quiero bajar", "imminent"),
    ("mi tío dejó la escopeta en el cuarto de atrás y yo sé dónde está. ahorita toy solo en la casa", "imminent"),
    ("hice el testamento ayer con un abogado, todo a nombre de mi hija. despues de la quincena ya no voy a estar, asi al menos el seguro les sirve de algo", "moderate"),
    ("si alguien lee esto mañana, q sepan q no estaba triste al final, solo cansada. cuiden a mi niña x favor", "high"),
    ("no quiero q mis hijos paguen lo q yo debo. ya le deje todo escrito a mi señora. a ustedes gracias por la paciencia, hasta siempre", "moderate"),
    ("voy a estar con mi hijo pronto. gracias por acompañarme este año tan horrible, ya no se preocupen por mi. los llevo en el corazón", "high"),
    ("hoy a las 3am me desperte y pense q ojala fuera la ultima vez q me despertaba. y no me parecio tan mala idea hacer q fuera asi", "high"),
    ("ojala estar ⚰️ de una vez", "moderate"),
    ("q ganas de estar bajo tierra 🪦 ya no siento nada", "moderate"),
    ("me mareo mucho despues de cortarme hoy, veo todo borroso", "high"),
    ("boluda me lastime re feo, esta vez fue mucho mas hondo, pero ni loca voy a la guardia", "high"),
    ("me siento muy debil y palida despues de lo q me hice en las piernas, me tiemblan las manos", "high"),
    ("q pasa si mezclas alcohol con clonazepam? uno se queda dormido pa siempre?", "high"),
    ("es verdad q con veneno pa ratas no se siente nada?", "high"),
]

# Look-alikes of the batches, the same words used harmlessly: at most ``low``.
LOOK_ALIKES = [
    "anyone recommend a decent gun safe? hunting season starts soon and dad wants the key kept somewhere other than the kitchen drawer this year",
    "sunday night routine: counting out mums pills into her pill organiser for the week. morning and night. my least favourite chore lol",
    "does anyone know the height clearance of the parking garage on elm st? need to know if my camper van fits before i drive in",
    "cleaned out the bathroom cabinet and found a load of expired painkillers from years ago. where do you even take them to get rid of them safely",
    "bought rope at the hardware store for a tire swing, the kids havent stopped asking about it since the summer",
    "went up to the top deck of the multistorey at sunset to get photos of the skyline. honestly best view in town and its free",
    "still got my old service rifle. took it to the range with my son this weekend, first time hes ever shot. proud dad moment",
    "pharmacy gave me a 3 month supply because im going travelling. how do you guys keep track of all the bottles",
    "stood on the bridge for ages today watching the rowing teams go underneath. might actually join next term",
    "how high up is the rooftop bar on 5th? my friend has vertigo and wants to know if she should skip the birthday drinks",
    "wrote letters for all my bridesmaids to open on the morning of the wedding. im such a crier i could barely finish them",
    "made a will last week now that the baby is here. weird feeling but really glad its done",
    "picked the date!! the anniversary of our first date. cant wait to marry him",
    "after my shift on friday im driving out to the lake for the weekend. cannot wait",
    "everything sorted for the move on the 3rd. boxes labelled, utilities cancelled, keys going back to the landlord",
    "cancelled my gym membership, wont need it since the new job has one on site",
    "booked a hotel for tuesday night for our anniversary, my husband has no idea. dont tell him if u see him lol",
    "put my affairs in order before deployment. standard stuff, power of attorney for my wife, letters just in case. feels surreal this time",
    "tonights the night, im finally telling my parents im bi. wish me luck",
    "once my last exam is done on thursday im deleting all my socials for the summer. need a proper detox",
    "giving the dog to grandma for two weeks while were in spain. shes going to spoil him rotten",
    "thank you all for everything this year. best group chat ever. see yall in january",
    "tell my sister it wasnt her fault the cake collapsed, i should have checked the oven lol",
    "signing off for the night, meds have kicked in. night all",
    "retiring from the post after 22 yrs. been an honour serving with you all. goodbye and good luck",
    "saying goodbye to this account, im merging it with my main one. follow me over there",
    "going to be with my wife soon!! shes been working in germany for 6 months and my flight is friday",
    "tell my boys their dad loves them, stuck at the airport and my phones about to die",
    "im done done with this job. handing in my notice tomorrow and i mean it this time",
    "quitting smoking for good. day 1. i really mean it this time",
    "not being dramatic but if i hear that song one more time i will actually die",
    "no more trying to make him like me. im done. onto the next",
    "im so done with calculus. this is it for me, switching to history next year",
    "I have said I would give up sugar before and meant it lightly. I do not mean it lightly now.",
    "im finished. im finally finished!!! thesis submitted!!!",
    "2 yrs clean today. no more rehab for me, not going back there ever",
    "honestly i want to die of embarrassment, i called my teacher mum in front of the whole class",
    "im 100% serious, if the bus is late one more time im buying a bike",
    "monday again. i wish i could just disappear under the duvet and not come out til friday",
    "didnt wake up till noon and it was glorious",
    "i just want to vanish into the hills for a week with no signal. booking a cabin",
    "sometimes i wish i could just disappear from the family group chat lol",
    "id like to not exist until my coffee kicks in",
    "I pray the Lord takes me home peacefully when my time comes, but not yet, I want to meet the great-grandbabies first.",
    "want to stop existing online for a while, deleting twitter",
    "kms this calc exam is literally impossible lmaooo 😭",
    "we're catching the bus at 7 to the game, dont be late",
    "my neck is killing me from sleeping wrong, anyone know good stretches",
    "just bought my first climbing rope, 60m or 70m for outdoor sport?",
    "why do youtubers say unalive instead of the real word? the algorithm thing is so weird",
    "my cat just knocked coffee all over my keyboard, kms 💀",
    "teacher did a whole lesson on why people say 'unalive' online and how it changes how we talk about mental health, kinda interesting",
    "💀💀💀 im deceased that video of the goose chasing him",
    "our group project is ⚰️ lmao we are so cooked",
    "making pasta tonight 🔪🧅🍅 any tips for dicing onions faster",
    "got my flu shot 💉 and picked up my prescription 💊 look at me adulting",
    "road trip! crossing the golden gate 🌉 tomorrow morning 🥳",
    "halloween decor is up 🪦🕸️🎃 yard looks so spooky",
    "period cramps from hell 🩸😩 send heating pads",
    "rip my ranked streak 🪦 back to silver i go",
    "tied my first bowline at sailing camp today 🪢⛵",
    "sliced my finger cutting bagels and it wont stop bleeding, been 15 min. urgent care or just keep pressure on?",
    "took a puck to the face at hockey, split my eyebrow open, coach says i need stitches 🏒",
    "burned my hand on the oven rack making cookies and its blistering. ice or no ice?",
    "gave blood today and felt super faint afterwards, is that normal?",
    "nurse life: patients wound kept bleeding through the dressing all shift, finally got the surgeon to come look at it",
    "my dog bit me by accident during play and its pretty deep, do i need a tetanus shot",
    "cut myself shaving and its bleeding like crazy for such a tiny nick lol",
    "fell off my bike, road rash all down my arm and i feel kinda lightheaded",
    "how many ibuprofen can i take for a migraine? the box is in another language",
    "whats the clearance on the oak st bridge? driving a box truck tomorrow and dont wanna peel the roof off",
    "how painful is a rib tattoo honestly",
    "how high up are you when you jump for your first tandem skydive?",
    "is it ok to take melatonin with my antidepressant? docs office is closed",
    "which bridge in the city has the best view for sunset photos 📸",
    "pharm exam tmrw: why is acetaminophen overdose so dangerous for the liver?",
    "how fast is an epipen supposed to work? my kids allergist didnt really explain",
    "got laid off today after 6 years. honestly stunned. we have some savings and my partner has been great about it. gonna take a week to breathe then start applying. any tips for updating a resume when youve been out of the market this long?",
    "broke up with my bf last night. cried for like 4 hrs and ate an entire pizza. my roommate made me watch mamma mia. i know it was the right call but it hurts so bad. tomorrow im deleting his pics and going to the gym",
    "finals week is destroying me. 3 exams in 2 days and a paper due friday. ive had like 5 hrs sleep total and my brain is soup. if i survive this im sleeping for a whole week lol. anyone wanna do a study call tonight?",
    "finally sat down and added up all my debt. its bad, like 40k bad. i cried in the car for a bit. but i made a spreadsheet and booked a free credit counseling appt for thursday. feels good to finally have a plan",
    "its been a year since my dad died. went to his grave today with flowers and told him about my new job. i still miss him every day and some days it feels like drowning. but his old friends took me to lunch after and we laughed about his terrible jokes",
    "my best friend has been posting really dark stuff lately, like saying she wants to die. idk what to do. i told her i care and she just says shes fine. should i tell her mom? im scared of losing her trust but way more scared of losing her",
    "flare week. my back has been screaming since monday and the new meds make me nauseous. cancelled on my friends again and feel like a flake. but my pt says im making progress and i managed a short walk today. small wins i guess",
    "rough shift. we had a code that didnt end well and i keep replaying it. i know we did everything right. my charge nurse sat with me after and we debriefed. going to sleep now, seeing my therapist tomorrow, glad i kept that appt",
    "gonna dye my hair pink this weekend, should i bleach first?",
    "l33t sp34k is so 2005 lmao who still types like this",
    "wrote a paper on how teens use stuff like 'unalive' and 's*icide' to dodge filters, got an A",
    "this lag makes me wanna unalivee my router 😤",
    "anyone else have that song stuck in their head, the one that goes 'id die for you' 🎶",
    "my plants are d y i n g and i dont know why 🌱 overwatered??",
    "im k1ll1ng it at work this week 💪 promotion incoming",
    "mods pls add 's u i c i d e' spaced out to the automod list, people keep dodging it. resource channel is pinned for anyone who needs it",
    "ya conte todas las pastillas de mi abuela y las puse en el pastillero de la semana, de lunes a domingo. la enfermera dijo q asi no se le olvidan",
    "mi tio me presta la escopeta de caza pal sabado, vamos por codornices al campo. alguien sabe si necesito licencia aparte?",
    "cuanto mide de alto el puente de la autopista norte? voy con el camion de la mudanza y no me quiero quedar atorado",
    "compré una soga en la ferretería para el tendedero del patio, la guardé en el armario hasta el finde",
    "mi papá guarda la llave del armero en un cajón con candado, como debe ser. yo ni sé cuál es y mejor así",
    "fui a 3 farmacias buscando el antibiotico del niño y en ninguna habia, q desesperacion 😩",
    "estaba en la azotea tendiendo ropa y se veia todo el atardecer, q belleza",
    "me recetaron pastillas para dormir y me da cosa tomarlas, alguien las ha usado? me dan miedo los efectos secundarios",
    "me quedé mirando las vías un rato esperando el tren de las 8 que venía con retraso otra vez. renfe nunca falla jaja",
    "ayer llevé al punto sigre de la farmacia todas las medicinas caducadas del botiquín de mi madre, había cajas de hace años",
    "escribiendo las cartas para los padrinos de la boda, alguna idea de q poner? quiero q lloren jaja",
    "hicimos el testamento ahora que nació la bebé, el notario dijo que es lo responsable. qué raro se siente firmar eso",
    "cuando se duerman los niños por fin me pongo a ver la serie, llevo una semana esperando",
    "ya elegí la fecha!! el 14 le pido matrimonio a mi novia, tengo todo preparado y nadie sospecha nada",
    "regalé casi toda mi ropa xq me mudo a canadá el lunes y no me entra en las maletas",
    "mi cuñada viene el sábado a llevarse al perro unos días porque me operan de la rodilla y voy a estar una semana sin poder caminar",
    "ya deje todo en orden pa cuando me jubile: papeles, pension, todo. el 30 es mi ultimo dia en la oficina!!",
    "esta noche lo hago, le digo a mi jefe q renuncio. deseenme suerte",
    "ya pagué el seguro de decesos de toda la vida, a mis 70 hay que ser previsora. mis hijos dicen que soy muy tétrica jaja",
    "le dejo el gato a la vecina estas dos semanas q me voy de viaje, diganle q no le de atun q le cae mal",
    "chicos me voy del foro, cierro la cuenta x temas de privacidad. cuidense mucho",
    "adiós a mi querido celular que se cayó al inodoro. fueron cuatro años juntos. descanse en paz",
    "si no contesto estos dias es q me voy de retiro espiritual sin celular. no se preocupen por mi, vuelvo el domingo",
    "perdonen por todo lo que les hice pasar en el viaje de egresados, los quiero a todos jajaja",
    "cuiden a mi planta mientras estoy de baja maternal porfa, riéguenla los martes",
    "mi abuelo nos mandó un audio antes de la operación diciendo que nos quería a todos. salió bien gracias a Dios, ya está en casa",
    "ya me cansé de este trabajo, de verdad. esta vez va en serio, el lunes pido la renuncia",
    "dejé de fumar para siempre, esta vez va en serio. 20 días sin un cigarro 💪",
    "me muero de risa con los audios de mi tía jajajaja no puedo",
    "este examen de anatomia me va a matar, llevo 3 noches sin dormir",
    "me quiero morir de la vergüenza, le mandé el meme al grupo de la familia en vez de a mis amigas 💀",
    "no aguanto mas este calor, de verdad, 42 grados en mexicali y sin aire",
    "ya no puedo mas con el regueton del vecino a las 3am, no es drama, lo voy a denunciar",
    "mi jefe me mata si llego tarde otra vez jaja",
    "me cansé de intentarlo con la dieta keto, vuelvo a mis arepas y soy feliz",
    "che me muero si no consigo entradas pa river, ya probe con tres cuentas y nada",
    "quiero desaparecer un finde entero, sin celular ni mails, en una cabaña en el sur",
    "ojala no despertar mañana temprano, entro a las 6 y estoy muerta",
    "hoy me quiero quedar en la cama y no existir para nadie, dia de pijama y series",
    "me muero de sueño, anoche me dormí a las 4 viendo el partido",
    "a veces me gustaria desaparecer de los grupos de whatsapp de la familia, son 300 mensajes al dia",
    "mi mamá dice q se quiere dormir y no despertar hasta q termine la mudanza jaja",
    "toy muerto despues del turno doble, mañana no existo pa nadie",
    "ojala pudiera hacerme invisible en las reuniones del trabajo, odio q me pregunten cosas",
    "cuando sea viejita quiero irme tranquila, dormida, sin sufrir. de eso hablaba hoy con mi abuela tomando mate",
    "tuve una semana malísima, todo me salió mal y estoy bajoneado, pero mañana viene mi hermano y eso me levanta el ánimo",
    "me muero de risa con este video 💀💀",
    "me quiero morir de verguenza, le mande el audio a mi jefe en vez de a mi novia jajaja",
    "ya no quiero seguir viendo esta serie, la temporada 3 es malisima",
    "me voy a matar estudiando pal final de mañana alv",
    "quiero desaparecer pa siempre de las redes, me tomo un break digital de un mes",
    "tio casi me muero del susto cuando se fue la luz en el cine",
    "boludo me mata este calor, 40 grados en baires",
    "si mi ma ve la nota de mate me mata jajaja",
    "JAJAJA ⚰️⚰️ me mataste con ese meme",
    "cuando el profe dice examen sorpresa 🪦",
    "ya me tome las 💊 de la presion, gracias por recordarme ma ❤️",
    "hoy hice ceviche 🔪🐟 quedo buenisimo",
    "el outfit de ella 💀💀💀 no puedo",
    "rip mi celular 🪦 se me cayo al inodoro",
    "🎶 me muero por explicarte lo q pasa por mi mente 🎶 la quinta estacion nunca falla",
    "se me corto el dedo con una hoja de papel 🩸 dramatica yo lol",
    "me corte muy feo picando cebolla y no para de sangrar, alguien sabe si necesito puntos?",
    "mi hijo se abrio la rodilla en el parque, lo llevo a urgencias a q le pongan puntos",
    "me mareo cuando me sacan sangre, hoy casi me desmayo en el laboratorio",
    "el tatuador dice q sangre bastante pero q es normal en la costilla",
    "me afeite y me corte la pierna, la ducha parece escena de peli de terror jaja",
    "me rebane la punta del dedo con la mandolina, voy a la guardia, deseenme suerte",
    "la herida de la cirugia no para de supurar, mañana vuelvo al medico",
    "mi perro se corto la pata con un vidrio y sangra mucho, algun veterinario 24h en zona norte?",
    "cuantos ibuprofenos puedo tomar al dia pal dolor de muela?",
    "q altura tiene el puente de la 57? voy con el camion y no se si paso",
    "cuanto tarda en hacer efecto la melatonina? quiero dormir mejor",
    "duele mucho hacerse un piercing en la nariz?",
    "se puede mezclar alcohol con antibioticos? tengo boda el sabado",
    "q altura minima tiene q tener la baranda del balcon segun la normativa?",
    "el veneno pa ratas es peligroso si lo encuentra mi gato?",
    "cuanto aguanta uno sin dormir antes de q sea peligroso? llevo 2 dias de guardia en el hospital",
    "pues me han despedido hoy. 8 años en la empresa y me lo dicen por email. estoy cabreadisimo y con miedo por la hipoteca. esta tarde he actualizado el linkedin y he llamado a un par de contactos. mañana toca ir al sepe. a ver si sale algo pronto",
    "termine con mi novia despues de 4 años. me duele un chingo, no voy a mentir. llore todo el fin en casa de mi carnal. pero se q fue lo mejor pa los dos. ya agende cita con la psicologa. poco a poco",
    "parce este semestre me esta matando. tengo 5 parciales en una semana y el proyecto de grado. no he dormido bien en dias y vivo de tinto. mi mama me dice q descanse pero no puedo. ya casi termina, me faltan 2 semanas",
    "che estoy re endeudado con la tarjeta, la inflacion me re mato. arme un excel con todo lo q debo y voy a refinanciar. mi viejo me presta algo. se q voy a salir pero me tiene re angustiado. alguien paso por algo asi?",
    "mi mama esta enferma y yo la cuido sola. mi hermano ni aparece. estoy agotada, no tengo tiempo pa mi. a veces lloro en la ducha pa q no me vea. pero la amo y voy a seguir. alguien sabe de grupos de apoyo pa cuidadores en santiago?",
    "this week fue horrible. mi manager me hizo hacer overtime todos los dias y mi carro se descompuso. tuve q pedirle ride a mi primo pa llegar al trabajo. estoy exhausted pero gracias a dios ya es viernes. voy a dormir todo el weekend",
    "chamo estoy preocupado por un pana, lleva semanas sin salir y dice cosas como q nadie lo entiende. no se como preguntarle si esta bien sin q se moleste. alguien sabe como abordar eso? quiero ayudarlo",
    "vieron la noticia del chico q se quito la vida en un colegio de lima? q triste, deberian hablar mas de salud mental en las escuelas. mi sobrino estudia cerca y esta afectado. voy a conversar con el hoy",
    "hoy se cumple un año de q se murio mi papa. lo extraño cada dia. fuimos al panteon con la familia y le llevamos mariachi como a el le gustaba. llore mucho pero tambien nos reimos recordandolo. te quiero pa",
    "ese juego esta m4t4d0r, lo jugue toda la noche",
    "k1ll3d it en el torneo de valorant jajaja 3 kills en la ultima ronda",
    "s u i c i d e squad es la peor peli de dc no me discutan",
    "pregunta de tarea: el s.u.i.c.i.d.i.o de durkheim, alguien tiene el resumen pa mañana?",
    "m0r1r3 de hambre si no almuerzo ya 😩",
    "q ganas de d3s4p4r3c3r del grupo de la oficina xd mandan memes a las 6am",
    "en el noticiero dijeron q bajaron los casos de s*icidio en jovenes este año, buena noticia",
]


@pytest.mark.parametrize(("text", "least"), CRISIS)
def test_crisis_said_without_the_words_reaches_a_person(text, least):
    assert_at_least(text, least)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_stay_low(text):
    assert_at_most(text, "low")


@pytest.mark.parametrize("text", [
    "I told my mom about the suicidal thoughts I've been having",
    "let her know about the suicidal thoughts I've been having",
    "my therapist asked about the suicidal urges that i keep getting",
])
def test_thoughts_a_relative_clause_gives_to_the_writer_are_the_writers(text):
    s = RULES.screen(text)
    assert s.level in ("moderate", "high", "imminent"), (text, s.level, [r.construct for r in s.reasons])
    assert "third_person_concern" not in {r.construct for r in s.reasons}


@pytest.mark.parametrize("text", [
    "my sister told me about the suicidal thoughts she has been having",
    "the suicidal thoughts I had in high school are gone now",
])
def test_someone_elses_or_past_thoughts_stay_low(text):
    assert_at_most(text, "low")


@pytest.mark.parametrize(("text", "least", "most"), [
    # The chore told after the cut is an accident; the cut "otra vez" is not.
    ("me corte muy feo picando cebolla y no para de sangrar, alguien sabe si necesito puntos?", "none", "low"),
    ("me corte muy hondo otra vez y no para de sangrar", "high", "imminent"),
    # A date for a wedding; a date without one.
    ("picked the date!! the anniversary of our first date. cant wait to marry him", "none", "low"),
    ("i picked the date. friday. my wife will be at her moms", "high", "imminent"),
    ("ya elegí la fecha!! el 14 le pido matrimonio a mi novia, tengo todo preparado", "none", "low"),
    # ... but a date kept clear of someone's event so as not to spoil it is a plan.
    ("picked the date. after my brother's graduation so i don't ruin his day", "high", "imminent"),
    ("i've chosen the day. after my retirement party, nobody will miss me", "high", "imminent"),
    ("ya elegí la fecha, después de la boda de mi prima para no arruinarle el día", "high", "imminent"),
    # Leaving a site, waking early; the same wish without them.
    ("quiero desaparecer pa siempre de las redes, me tomo un break", "none", "low"),
    ("quiero desaparecer para siempre", "high", "imminent"),
    ("ojala no despertar mañana temprano, entro a las 6 y estoy muerta", "none", "low"),
    ("want to stop existing online for a while, deleting twitter", "none", "low"),
    ("i want to stop existing", "moderate", "imminent"),
    # Joining a wife abroad; joining a wife who died.
    ("going to be with my wife soon!! shes been working in germany for 6 months and my flight is friday", "none", "low"),
    ("going to be with my wife soon. she passed in march and i cant do this without her", "moderate", "imminent"),
    # Things given away before a move; before nothing.
    ("gave away most of my stuff before moving into the tiny house. feels so freeing", "none", "low"),
    ("ive given away most of my things this week. thank you for everything", "high", "imminent"),
    # "wouldn't mind" not waking up until noon; not coming home.
    ("i wouldn't mind if i didn't wake up until noon tomorrow", "none", "low"),
    ("wouldnt mind if i didnt come home from this next trip", "moderate", "imminent"),
])
def test_the_same_words_with_and_without_their_reason(text, least, most):
    assert_at_least(text, least)
    assert_at_most(text, most)
