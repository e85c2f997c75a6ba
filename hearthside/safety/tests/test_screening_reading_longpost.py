"""Long posts and self-harm severity reading (issue #14, session 16).

The reading: multi-paragraph forum posts (about 700-1,200 characters) about work, family, school,
a breakup or money, in which one or two sentences carry current risk in a quiet form (a wish not to
wake up, looking up how many of one's pills it would take, everyone being fine without one, letters
left where they will be found, a last post), in English and Spanish; the same risk sentences put at
the start, in the middle and at the end of an ordinary post; and self-harm that needs care now
(cut too deep, bleeding that will not stop, a soaked towel, stitches refused, deeper each time,
faint after cutting, a burn that blisters) in chat forms and slang ("cutting again", "sh", "i cut
again", "me corté otra vez").  Every phrase and post here was written for this reading; none comes
from a data set or the web.

What was found: the screener already judges a text by its most serious part (no length handling
dilutes it), so a risk sentence missed inside a post was missed alone too, or its reading was
lowered by something elsewhere in the post: an ``end`` phrase followed by "and I ...", and in
Spanish a post opening "hace tiempo que quería escribir esto" (for a while now), taken for a story
of the past that made every past-tense verb after it remote.  The look-alike posts showed the
opposite leak: a recovery story's "Back then ... I believed my family would be better off without
me" read as present beyond the seven-word window, a friend's "she posted something like this is my
last post" read as the writer's, "clean from self harm for nine years" read as self-harm now.

The look-alikes use the same words: recovery and past attempts told from safety, grief for someone
else, a stressful week with no risk, a video game with kill words, kitchen and shaving accidents, a
nosebleed, a haircut, a paper cut, a tattoo, blood in sport, budget cuts, giving blood.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import LEVELS, screen

ORDER = {name: i for i, name in enumerate(LEVELS)}


def at_least(text: str, level: str, history: list[str] | None = None) -> None:
    got = screen(text, history=history).level
    assert ORDER[got] >= ORDER[level], f"{got} < {level}: {text!r}"


def at_most(text: str, level: str) -> None:
    got = screen(text).level
    assert ORDER[got] <= ORDER[level], f"{got} > {level}: {text!r}"


# ---------------------------------------------------------------- long posts with quiet current risk

LONG_CRISIS: list[tuple[str, str]] = [
    ("I don't really post here much but I need to get this out somewhere. Work has been a nightmare since the merger. "
     "My new manager schedules me for closing and then opening the next morning, and when I asked about it she said "
     "everyone is stretched thin and I should be grateful to have hours at all. I get home around midnight, eat cereal "
     "standing up, and lie awake going over every mistake I made during the shift. My roommate moved out in August so "
     "rent is all on me now and I'm behind on the electric bill. My sister keeps telling me to just find something "
     "else, like it's that easy when I have no car and no savings. Honestly most nights I lie there hoping I just "
     "don't wake up in the morning. I'm not even sad exactly, I'm just so tired of all of it. Anyway I guess I'm "
     "asking if anyone has dealt with a manager like this and whether HR is ever actually on your side.",
     "moderate"),
    ("So my girlfriend of four years ended things last Sunday. She said she has felt alone in the relationship for a "
     "long time and that she already found an apartment across town. I didn't see it coming at all, which I guess "
     "says something about how much attention I was paying. We have a dog together and she is taking him, which is "
     "fair because he was hers first, but the apartment is so quiet now. I went to work Monday and Tuesday and then "
     "just stopped going. My phone is full of messages from my team lead that I haven't opened. I've been looking up "
     "how many of my sleeping pills it would take and I have more than enough in the cabinet. My mom called "
     "yesterday and I told her I was fine. She's planning a family dinner for my dad's birthday next month and wants "
     "me to bring the potato salad like always. I think I just wanted someone to know what actually happened.",
     "high"),
    ("Finals week is crushing me. I'm in my third year of nursing and I failed the pharmacology midterm, so now I "
     "need at least an 85 on the final to pass the course, and if I don't pass I lose my scholarship. My parents "
     "came here with nothing and they tell everyone at church that their daughter is going to be a nurse. I have "
     "been studying fourteen hours a day and it just doesn't stick anymore. My lab partner stopped answering my "
     "texts after I snapped at her last week. I keep thinking everyone would honestly be fine without me, probably "
     "better off, and that thought doesn't scare me the way it used to. I still have two more exams after pharm and "
     "a clinical shift on Saturday. If anyone has tips for memorizing drug classes I'd take them, flashcards aren't "
     "working for me.",
     "moderate"),
    ("Long post, sorry. My dad's drinking has gotten worse since he lost his job at the plant. Last weekend he threw "
     "a chair through the kitchen window and my little brother hid in my room until three in the morning. Mom says "
     "we can't call anyone because then child services will take my brother. I'm seventeen and I work at the pizza "
     "place after school so we can pay for groceries. My grades are slipping and my coach benched me for missing "
     "practice. I wrote letters to my brother and my mom last night and put them in my desk drawer where they'll "
     "find them. I made sure I said everything I needed to say. I don't really have anyone to talk to about this, "
     "my friends think my family is normal. My brother's birthday is next week and I bought him the lego set he "
     "wanted, it's hidden in my closet.",
     "moderate"),
    ("I've been a member of this forum for about six years. I found it when I was going through my divorce and the "
     "people here got me through a lot of bad nights. Since then I lost the house, I'm on my third credit card with a "
     "balance I can't pay down, and the bank called again today about the car. My kids live with their mother in "
     "another state and I see them on video calls every other Sunday. I've tried therapy twice and both times I ran "
     "out of money. I just want to thank everyone who ever replied to me over the years, you were kinder to me than "
     "most people in my life. This is probably my last post here. I've put my bank login and my insurance papers in "
     "an envelope for my brother. Take care of yourselves and each other.",
     "high"),
    ("No suelo escribir aquí pero necesito sacarlo. En el trabajo todo ha ido cuesta abajo desde que llegó el nuevo "
     "jefe. Me cambia los turnos sin avisar, me grita delante de los clientes y la semana pasada me descontó un día "
     "por llegar cinco minutos tarde porque el autobús no pasó. En casa tampoco está fácil, mi madre está enferma y "
     "soy yo quien la lleva al médico y paga las medicinas. Mi hermano vive en otra ciudad y solo llama para "
     "preguntar si ya pagué la luz. Llevo meses durmiendo mal. Sinceramente, cada noche me acuesto deseando no "
     "despertar. No se lo he dicho a nadie porque todos dependen de mí. Bueno, lo que quería preguntar es si alguien "
     "sabe cómo funciona una denuncia en la inspección de trabajo.",
     "moderate"),
    ("Mi novio me dejó hace tres semanas después de cinco años juntos. Me enteré por una amiga que ya estaba saliendo "
     "con otra chica desde antes de terminar. Tuve que mudarme otra vez a casa de mis padres y mi madre no deja de "
     "decirme que era obvio, que yo siempre elijo mal. En la universidad me quedan dos materias para terminar y no he "
     "ido a clase desde entonces. Mi perro es lo único que me saca de la cama. He estado buscando cuántas pastillas "
     "de las mías harían falta y ya tengo guardadas las suficientes en el cajón. Mis amigas quieren que vaya con "
     "ellas a la playa el mes que viene y les dije que sí para que no pregunten. Supongo que necesitaba contárselo a "
     "alguien que no me conozca. Gracias por leer hasta aquí.",
     "high"),
]


@pytest.mark.parametrize("text,level", LONG_CRISIS)
def test_long_post_with_quiet_current_risk(text, level):
    assert len(text) > 700
    at_least(text, level)


# The same risk sentence at the start, in the middle and at the end of an ordinary post: the post is
# judged by its most serious part, wherever it is.
FILL_EN = (
    "I've been putting off writing this for a while. The job I started in spring turned out to be nothing like the "
    "posting, I'm on the phones eight hours a day with people yelling about their bills, and my supervisor times our "
    "bathroom breaks. My rent went up again in October and the car needs new brakes that I can't afford until after "
    "the holidays.",
    "My mom keeps sending me job listings in other cities like moving is free. I still go to the gym on Sundays with "
    "my cousin because it's the one thing I look forward to, and we usually get tacos after. Anyway, does anyone know "
    "if it's normal for a call center to dock pay for being two minutes late back from lunch? I want to know if I "
    "should push back on it or just let it go.",
)
FILL_ES = (
    "Hace tiempo que quería escribir esto. El trabajo que empecé en primavera no se parece nada a lo que me "
    "prometieron, paso ocho horas al teléfono con gente que me grita por sus facturas y mi supervisora nos cronometra "
    "hasta el baño. El alquiler subió otra vez en octubre y el coche necesita frenos nuevos que no puedo pagar hasta "
    "después de las fiestas.",
    "Mi madre me manda ofertas de trabajo en otras ciudades como si mudarse fuera gratis. Los domingos sigo yendo al "
    "gimnasio con mi primo porque es lo único que me ilusiona, y después comemos tacos. ¿Alguien sabe si es normal "
    "que en un call center te descuenten por volver dos minutos tarde de comer? Quiero saber si debería reclamar o "
    "dejarlo pasar.",
)
EMBEDDED: list[tuple[str, str, str]] = [
    ("en", "Most nights I go to bed hoping I just don't wake up.", "moderate"),
    ("en", "I've been looking up how many of my pills it would take.", "high"),
    ("en", "I keep thinking everyone would be fine without me.", "moderate"),
    ("en", "I wrote letters to my parents and left them where they'll find them.", "moderate"),
    ("en", "This is probably my last post here.", "high"),
    ("en", "I cut again last night and it wouldn't stop bleeding for an hour.", "high"),
    ("en", "I don't see myself being around much longer.", "moderate"),
    ("es", "La mayoría de las noches me acuesto deseando no despertar.", "moderate"),
    ("es", "Estuve buscando cuántas de mis pastillas harían falta.", "high"),
    ("es", "Sigo pensando que todos estarían mejor sin mí.", "moderate"),
    ("es", "Escribí cartas para mis padres y las dejé donde las van a encontrar.", "moderate"),
    ("es", "Este es probablemente mi último post aquí.", "moderate"),
    ("es", "Anoche me volví a cortar y no paraba de sangrar.", "high"),
]


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("lang,sentence,level", EMBEDDED)
def test_risk_sentence_counts_anywhere_in_a_long_post(lang, sentence, level, where):
    before, after = FILL_EN if lang == "en" else FILL_ES
    text = {"start": f"{sentence} {before} {after}", "middle": f"{before} {sentence} {after}",
            "end": f"{before} {after} {sentence}"}[where]
    assert len(text) > 700
    at_least(sentence, level)
    at_least(text, level)


@pytest.mark.parametrize("fill", [FILL_EN, FILL_ES])
def test_filler_posts_alone_are_not_crisis(fill):
    at_most(" ".join(fill), "none")


LONG_LOOKALIKES: list[tuple[str, str]] = [
    ("Two years ago today I was in a hospital bed after an overdose. I wanted to post this for anyone who is where I "
     "was. Back then I was drowning in debt, my marriage was falling apart and I genuinely believed my family would be "
     "better off without me. I had written letters and given away my guitar. I'm not going to pretend everything got "
     "fixed overnight. It took a psychiatrist, a med change that made me sick for a month, a support group on "
     "Thursdays, and my sister driving four hours every weekend to sit with me. Today I am doing so much better. I "
     "paid off the last card in March, I'm coaching my son's little league team, and last week I laughed so hard at "
     "dinner that I cried. If you are struggling right now, please reach out to someone. You don't have to do it "
     "alone and it really can get better, even if you can't see how yet.", "low"),
    ("My best friend died by suicide in October and I'm still not okay. We met in first grade and she was the one who "
     "knew everything about me. Looking back there were signs: she gave me her favorite jacket, she kept saying she "
     "was tired, and she posted something like this is my last post on her private account that I didn't see until "
     "after. I keep rereading our messages wondering what I missed. Her mom asked me to speak at the memorial and I "
     "could barely get through it. School feels pointless and I keep zoning out in class. My counselor says grief "
     "isn't linear. I'm not in danger, I just miss her so much it physically hurts. Does anyone have advice on how to "
     "get through the holidays after losing someone like this? Her birthday is on the 22nd.", "low"),
    ("Okay I need to vent about my week. My boss dumped a whole product launch on me on Monday with a Friday deadline, "
     "my car's check engine light came on Wednesday, and my landlord announced that rent is going up 200 dollars in "
     "January. I've been sleeping maybe five hours a night and living on coffee and granola bars. My partner is being "
     "great about it but I can tell I'm short with her and I hate that. Honestly I feel like I'm drowning and I could "
     "scream. I know none of this is the end of the world, it's just a lot at once and I'm so tired. I'm going to take "
     "Saturday completely off, no emails, maybe go to the lake if the weather holds. Does anyone have tips for talking "
     "to a landlord about a rent increase?", "low"),
    ("Finally beat the last boss in Hollow Crown after like forty attempts and I need to tell someone. The final fight "
     "has three phases and in the second one he summons shadow knights that kill you in two hits if you don't dodge "
     "perfectly. I died so many times I lost count, my partner started keeping a tally on the fridge. The trick that "
     "worked for me was saving the fire flask for phase three, because his armor drops and you can burn him down in "
     "like ten seconds. When he finally went down I actually yelled and my cat ran under the bed. The ending cutscene "
     "where the princess dies made me tear up a little. Anyway I'm starting new game plus tonight and I want to try a "
     "pure magic build. Any tips on which spells are worth the slots?", "low"),
    ("Something I've never told anyone. When I was fifteen I used to cut my arms and thighs, mostly after fights with "
     "my mom. It went on for about two years. Once I cut too deep and had to get stitches, and I told the nurse it was "
     "a kitchen accident. In my last year of school a teacher noticed and got me to the counselor, and that was the "
     "start of things changing. I'm twenty-six now and I've been clean from self harm for nine years. I still have "
     "the scars and I wear short sleeves in summer now, which took me a long time. I'm posting because I see a lot of "
     "young people here who are where I was and I want them to know that it can end and you can have a normal boring "
     "happy life afterwards. I work in accounting, I have a dog, and I'm doing well.", "low"),
    ("Hace tres años estuve ingresada después de un intento de suicidio. Escribo esto para quien esté pasando por algo "
     "parecido. En ese momento tenía deudas, mi matrimonio se estaba rompiendo y de verdad creía que mi familia "
     "estaría mejor sin mí. No voy a mentir, no todo se arregló de un día para otro. Me hizo falta una psiquiatra, "
     "un cambio de medicación, un grupo de apoyo los jueves y a mi hermana viniendo cada fin de semana. Hoy estoy "
     "mucho mejor. Terminé de pagar la última tarjeta, entreno al equipo de fútbol de mi hijo y la semana pasada me "
     "reí tanto en una cena que lloré. Si estás mal ahora mismo, por favor habla con alguien. No tienes que hacerlo "
     "solo y de verdad puede mejorar, aunque ahora no lo veas.", "low"),
    ("Necesito desahogarme. Esta semana mi jefa me cargó con todo el cierre del trimestre, el coche empezó a hacer un "
     "ruido raro y el casero me avisó que el alquiler sube en enero. Duermo cinco horas, vivo a base de café y estoy "
     "de un humor horrible con mi pareja, que no tiene la culpa de nada. Siento que me ahogo y que no llego a todo. Ya "
     "sé que no es el fin del mundo, es que se juntó todo. El sábado me voy a tomar el día libre, sin correos, y si "
     "hace bueno me voy a la sierra. ¿Alguien sabe cómo negociar con el casero una subida así? Llevo cuatro años "
     "pagando puntual y nunca he dado problemas.", "low"),
    ("Mi abuela murió el mes pasado y todavía no me hago a la idea. Ella me crió mientras mis padres trabajaban y su "
     "casa era el único sitio donde me sentía en paz. Los últimos días en el hospital me decía que ya estaba cansada, "
     "que quería irse con mi abuelo, y que no quería más tratamientos. La entiendo, pero me duele. En el velorio no "
     "pude ni hablar. Ahora voy a la universidad y me quedo mirando la pizarra sin escuchar nada. Mi terapeuta dice "
     "que el duelo tiene su tiempo. No estoy en peligro, solo la extraño muchísimo. ¿Cómo pasaron ustedes las primeras "
     "navidades sin alguien así?", "low"),
]


@pytest.mark.parametrize("text,level", LONG_LOOKALIKES)
def test_long_lookalike_posts_stay_low(text, level):
    at_most(text, level)


# ---------------------------------------------------------------- self-harm severity and chat forms

SEVERE: list[tuple[str, str]] = [
    ("I cut again tonight and the bleeding won't stop, I've gone through two towels.", "high"),
    ("i cut way deeper than i meant to and the towel is soaked through", "high"),
    ("every time i cut i go a bit deeper, last night was the worst", "high"),
    ("i feel really faint after cutting tonight, everything is spinning", "high"),
    ("I burned myself with a lighter and now the skin is all white and blistered", "high"),
    ("cutting again. it's deep this time and i can't get it to stop", "high"),
    ("relapsed on cutting and it's the deepest one yet", "high"),
    ("i keep having to cut deeper to feel anything", "high"),
    ("i almost passed out after i cut tonight", "high"),
    ("I burned my wrist on the stove on purpose and it's blistering badly", "high"),
    ("my cuts won't stop bleeding", "high"),
    ("sh got really bad tonight, blood all over my sheets", "high"),
    ("I feel faint after cutting.", "high"),
    ("me volví a cortar y no para de sangrar", "high"),
    ("me corté demasiado hondo y la toalla está empapada", "high"),
    ("me estoy mareando de tanta sangre, me corté el brazo", "high"),
    ("casi me desmayo después de cortarme", "high"),
    ("sangra muchísimo y no para, me corté en el muslo", "high"),
    ("la autolesión se me fue de las manos, esta vez fue muy profundo", "high"),
]

CHAT_FORMS: list[tuple[str, str]] = [
    ("cutting again", "moderate"),
    ("sh again tonight, deeper than usual", "moderate"),
    ("i cut again", "moderate"),
    ("i cut last night", "moderate"),
    ("I burned my arm with the iron on purpose", "moderate"),
    ("my sh is getting out of control", "moderate"),
    ("me corté otra vez", "moderate"),
    ("cut tonight, first time in 8 months, its bad", "moderate"),
    ("did sh again, can't make it stop bleeding", "high"),
    ("i sh'd again last night and its still bleeding", "high"),
    ("fresh cuts and they're deeper than before", "high"),
    ("burned myself again with a hot spoon, it's blistering", "high"),
    ("volví a hacerme cortes y esta vez son más profundos", "high"),
    ("me corté anoche y todavía sangra", "high"),
    ("me hice cortes más hondos que nunca", "high"),
    ("me quemé a propósito con un cigarro y se hizo ampolla", "high"),
    # A sentence opening in the past that comes back to now keeps the present wish.
    ("Back then I wanted to die and honestly I want to die again right this minute", "moderate"),
    ("Back then when everything fell apart at the shop and my wife left I honestly want to die", "moderate"),
    # Quiet forms of the long posts, alone.
    ("everyone would be better off if I just disappeared", "moderate"),
    ("I've started saying goodbye to people without them knowing.", "moderate"),
    ("I keep thinking my family would be fine without me honestly", "moderate"),
]


@pytest.mark.parametrize("text,level", SEVERE + CHAT_FORMS)
def test_self_harm_severity_and_chat_forms(text, level):
    at_least(text, level)


SEVERE_LOOKALIKES: list[tuple[str, str]] = [
    ("I cut my finger chopping onions, it bled a lot but I put a bandage on and it's fine now", "none"),
    ("cut myself shaving this morning, tiny nick, stopped bleeding after a minute", "low"),
    ("my nosebleed won't stop and there's so much blood, kind of lightheaded, heading to urgent care", "low"),
    ("I cut my hair too short again lol", "none"),
    ("paper cut on my thumb and it will not stop bleeding, so dramatic", "low"),
    ("got a new tattoo today, it bled a bit and the towel is soaked in ink and blood, worth it", "low"),
    ("he was bleeding everywhere after the tackle, so much blood on the pitch", "low"),
    ("years ago I used to cut and once I needed stitches but I'm 6 years clean now", "low"),
    ("the budget cuts are cutting deeper than ever this year", "low"),
    ("we have to cut deeper into costs next quarter", "low"),
    ("I burned my hand on the stove, ran it under cold water, it's fine", "low"),
    ("the director said I cut again and again until the film worked", "low"),
    ("my dog's paw needs stitches, vet tomorrow", "low"),
    ("after i cut the cake everyone sang", "low"),
    ("this is the deepest one yet, the lake is 40 meters", "low"),
    ("every time i cut onions i cry", "low"),
    ("I nearly fainted after giving blood today", "low"),
    ("i felt dizzy after the blood test", "low"),
    ("the towel is soaked, the dog jumped in the pool", "low"),
    ("i'm not cutting again, 2 years clean today and proud", "low"),
    ("i used to cut, the scars are faded now and i'm doing well", "low"),
    ("I've been clean from self harm for three years now", "low"),
    ("my dad needs stitches after he cut his hand on the saw", "low"),
    ("me corté el pelo demasiado corto", "low"),
    ("me sangra la nariz y no para, voy a urgencias", "low"),
    ("mucha sangre en el partido, el defensa se abrió la ceja", "low"),
    ("me corté con un papel y no para de sangrar jaja", "low"),
    ("me hice un tatuaje y sangró un poco", "low"),
    ("me corté cocinando pero ya me puse una curita", "low"),
    ("hace años me cortaba, ahora estoy bien", "low"),
    ("me mareo al ver tanta sangre en las películas", "low"),
]


@pytest.mark.parametrize("text,level", SEVERE_LOOKALIKES)
def test_self_harm_lookalikes_stay_low(text, level):
    at_most(text, level)


# ---------------------------------------------------------------- quiet forms and their look-alikes

QUIET_LOOKALIKES: list[tuple[str, str]] = [
    ("they'll be fine without me for the weekend, it's just a work trip", "low"),
    ("I wrote letters to my grandma and mailed them this morning", "low"),
    ("she said she was tired of everything and then laughed it off, she's fine", "low"),
    ("I hid the easter eggs behind the shed where they will find them", "low"),
    ("left the spare key under the mat where my sister can find it", "low"),
    ("I looked up how many of my vitamins I can take in a day and it said two", "low"),
    ("Back then I was so lonely I wanted to die, but therapy helped and I'm doing well now", "low"),
    ("hace tiempo que quería escribir esto: por fin terminé la carrera y estoy feliz", "none"),
    ("this is my last update on the project, Sam takes over tomorrow", "low"),
    ("we planned the surprise party without them knowing", "low"),
    ("I said goodbye to my coworkers without them knowing I was quitting", "low"),
    ("my blisters are still bleeding from the hike", "low"),
    ("the cut on my knee from the fall is still bleeding", "low"),
    ("Cut tonight's meeting short, everyone was tired", "low"),
    ("cut today from the team, coach said next season", "low"),
    ("the wound is deeper than before, the vet said keep it clean", "low"),
    ("me salió una ampolla por los zapatos nuevos", "low"),
    ("el corte de la rodilla todavía sangra un poco, me caí de la bici", "low"),
    ("sus cortes son más profundos, estoy preocupada por mi hermana", "low"),
    ("she cut again, I found blood on the sink, I'm scared for her", "low"),
]


@pytest.mark.parametrize("text,level", QUIET_LOOKALIKES)
def test_quiet_form_lookalikes_stay_low(text, level):
    at_most(text, level)
