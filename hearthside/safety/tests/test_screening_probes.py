"""Crisis probes written from the issue's constructs (slang, means, farewells, time, voices,
mis-decoded text), in English and Spanish, with their look-alikes (issue #14, session 10).

Every crisis case must reach at least ``moderate`` (someone is alerted) and most at least
``high``; every look-alike must stay at ``low`` or ``none``.  Written for these tests, not taken
from the evaluation sets.
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import bare, screen
from hearthside.safety.screening.result import LEVEL_INDEX
from hearthside.safety.screening.text import repair_mojibake

HIGH, MODERATE = "high", "moderate"

CRISIS: list[tuple[str, str]] = [
    # A number is a quantity only when it is more than an ordinary dose (session 12).
    ("I just took 30 sleeping pills", "imminent"),
    ("i took 10 xanax", "imminent"),
    ("i took 5 pills", "imminent"),
    ("I took 8000mg of tylenol", "imminent"),
    ("i took 2 bottles of pills", "imminent"),
    # English
    ("ngl the sewerslide idea is looking real good rn", MODERATE),
    ("suicide sounds so tempting tonight", MODERATE),
    ("dying is looking pretty peaceful lately", MODERATE),
    ("i just swallowed the whole bottle", HIGH),
    ("i took all of my pills", HIGH),
    ("i'm ending it tonight. sorry", HIGH),
    ("ending it all right now, goodbye", HIGH),
    ("i've figured out exactly how i'm going to do it", HIGH),
    ("would 30 zoloft be enough to not wake up", HIGH),
    ("googled how many paracetamol it takes, i have three packs", HIGH),
    ("my roommate will find me in the morning", HIGH),
    ("left notes for my brothers, they will find them after", HIGH),
    ("a final goodbye to all of you who tried", HIGH),
    ("i've already written my goodbye letters", HIGH),
    ("at this time tomorrow i won't be around anymore", HIGH),
    ("nobody will notice when i'm gone tonight", HIGH),
    ("bought a shotgun yesterday not for hunting", HIGH),
    ("I have nothing left to live for", MODERATE),
    ("honestly i've had enough of living", MODERATE),
    ("I really want this life to be over", MODERATE),
    ("the voices keep telling me to jump", HIGH),
    ("my head keeps whispering at me to end it", HIGH),
    ("i keep telling myself to kill myself", HIGH),
    # Spanish
    ("el suicidio me parece cada vez más tentador", MODERATE),
    ("morir suena muy bien ahora mismo", MODERATE),
    ("esta noche termino con todo", HIGH),
    ("ya tengo claro cómo lo voy a hacer y cuándo", HIGH),
    ("me conseguí una pistola, no es para defenderme", HIGH),
    ("nadie me va a extrañar cuando ya no esté", MODERATE),
    ("le regalé mi bici a mi primo y la play a mi amigo, ya no la voy a necesitar", MODERATE),
    ("estoy cerrando mis redes y regalando mis cosas", MODERATE),
    ("ya escribí mis cartas", MODERATE),
    ("me harté de la vida", MODERATE),
    ("ya tuve bastante de esta vida", MODERATE),
    ("las voces me siguen diciendo que me mate", HIGH),
    ("mi mente me repite que acabe con todo", HIGH),
    ("me digo a mí mismo que me muera", HIGH),
    ("pronto ya no voy a molestar a nadie", MODERATE),
    ("mañana a esta hora ya no voy a estar", MODERATE),
    # method comparisons and lethality, severity, means with a time, said in other words
    ("which hurts less, hanging or pills", HIGH),
    ("is jumping from 10 floors always fatal", HIGH),
    ("su1c1de is on my mind again", HIGH),
    ("i don't see a way out other than ending it", HIGH),
    ("i've been cutting again and it's deeper every time", HIGH),
    ("i cut and i can't get it to stop bleeding", HIGH),
    ("my wrists are a mess and theres blood everywhere", HIGH),
    ("mixing my meds with vodka tonight", HIGH),
    ("parked in the garage with the engine running", HIGH),
    ("no one would even notice if i vanished", MODERATE),
    ("no aguanto más esta vida", MODERATE),
    ("ya no puedo con mi vida.", MODERATE),
    ("me quiero ir a dormir y no despertar", MODERATE),
    # finality and preparation in other words
    ("i've stopped taking my meds and started saving them", HIGH),
    ("you won't have to worry about me after tonight", HIGH),
    ("this is the last time you'll hear from me", HIGH),
    ("i'm not scared of dying anymore", MODERATE),
    ("i've cancelled all my appointments, i won't need them", HIGH),
    ("ya no se van a tener que preocupar por mí después de esta noche", MODERATE),
    ("no estén tristes cuando ya no esté", MODERATE),
    ("espero no despertar mañana", MODERATE),
    ("esta es la última vez que sabrán de mí", MODERATE),
    ("estoy tan cerca de acabar con todo", HIGH),
    # a whole phrase spelt out letter by letter
    ("i w a n t t o d i e", MODERATE),
    ("k i l l m y s e l f", HIGH),
    ("i a m g o i n g t o e n d i t tonight", HIGH),
    # mis-decoded UTF-8 (pasted from a broken export or SMS gateway)
    ("I donâ€™t want to be alive anymore", HIGH),
    ("Iâ\x80\x99m going to kill myself tonight", HIGH),
    ("ya no quiero seguir viviendo, maÃ±ana me mato", HIGH),
    # Session 11: kinds read from dev-set misses (SDCNL, Twitter), every line written anew.
    ("i might as well just give up and die", MODERATE),
    ("people like me don't deserve to live", MODERATE),
    ("i'm a failure and failures shouldn't live", MODERATE),
    ("alright, i'm done for real. deleting this account", MODERATE),
    ("literally can't afford to live anymore.", MODERATE),
    ("i'm not meant for this world anymore", MODERATE),
    ("why should i keep living", MODERATE),
    ("i w a n t to die", MODERATE),
    ("i'm going to get a gun tomorrow and finally end this", HIGH),
    ("i'm leaving forever, if you'll miss me whatever", MODERATE),
    ("is drowning painful", HIGH),
    ("how painful is hanging", HIGH),
    ("every night i hold my gun against my head and try not to pull the trigger", HIGH),
    ("i planned on dying tonight, obviously i'm still here", HIGH),
    ("what's the point of asking, i already decided on ending it all", HIGH),
    ("would it be selfish to just end it", MODERATE),
    ("i regret not killing myself when i was younger", HIGH),
    ("i'd honestly rather not exist", MODERATE),
    ("this is it. found the guts to follow through with my plan. you all won't have to put up with me anymore",
     HIGH),
    ("one bullet through my head and it'd all be over", HIGH),
    ("i will find peace this weekend.", MODERATE),
    ("didn't kill myself today but i almost did", HIGH),
    ("i daydream about my own death in detail", MODERATE),
    ("i know i won't last much longer.", MODERATE),
    ("my sister will have to find my body and i hate that", HIGH),
    ("i have this urge to stick the knife in my throat", HIGH),
    ("die, the sooner the better", MODERATE),
    ("honestly my death would make life easier for my family", MODERATE),
    ("i'm this close to swallowing all of these pills", HIGH),
    ("is carbon monoxide a peaceful way", HIGH),
    ("i cut 4 or 5 times a day now", MODERATE),
    # Spanish, session 11
    ("debería rendirme y morirme de una vez", MODERATE),
    ("la gente como yo no merece vivir", MODERATE),
    ("no estoy hecha para este mundo", MODERATE),
    ("todas las noches me pongo la pistola en la sien", HIGH),
    ("había planeado matarme esta noche", HIGH),
    ("me arrepiento de no haberme quitado la vida", HIGH),
    ("siento que no voy a durar mucho más", MODERATE),
    ("mi mamá tendrá que encontrar mi cuerpo", HIGH),
    ("ya nadie va a tener que aguantarme nunca más", HIGH),
    ("me odio, si tan solo tuviera el valor de hacerlo", HIGH),
    ("tengo el impulso de clavarme un cuchillo en el cuello", HIGH),
    ("morir cuanto antes mejor", MODERATE),
    ("mi muerte le haría bien a mi familia", MODERATE),
    ("¿qué tan rápido es ahorcarse?", HIGH),
    ("estoy a punto de tragarme todas las pastillas", HIGH),
    ("i'm going to die alone anyway, i can't take it anymore, might as well do it now", HIGH),
    ("i keep getting this urge to shove the glass into my neck", HIGH),
    ("anytime i can die would be great", MODERATE),
    ("fastest way to kill yourself?", HIGH),
    ("i just want to leave this world.", MODERATE),
    ("i'm losing the will to live", MODERATE),
    ("the only reason i'm still alive is my dog", MODERATE),
    ("i'd rather die of cancer than by suicide, at least my mum wouldn't blame herself", MODERATE),
    ("what's the lethal dose of tramadol", HIGH),
    ("how many benadryl will it take", HIGH),
    ("will 20 sertraline kill me", HIGH),
    ("counted out all my pills.", HIGH),
    ("counted out twenty pills and took them", HIGH),
    ("can't hold on much longer, i honestly want out.", MODERATE),
    ("my cat is the only thing stopping me from it.", HIGH),
    ("nothing's keeping me here from ending it anymore", HIGH),
    ("i came here instead of doing it tonight", HIGH),
    ("cada vez pierdo más las ganas de vivir", MODERATE),
    ("la única razón por la que sigo aquí es mi hija", MODERATE),
    ("lo único que me detiene es mi perro", HIGH),
    ("¿el raticida me podría matar?", HIGH),
    ("escribí aquí en lugar de hacerlo esta noche", HIGH),
    ("been dealing with suicide thoughts again lately", HIGH),
    ("my suicidal toughts are back", HIGH),
    ("i'd rather die than keep being me", MODERATE),
    ("how many mg would it take to overdose", HIGH),
    ("i still have a noose hidden in the garage", HIGH),
    ("i wish i had the guts to pull the trigger", HIGH),
    ("i wish i could find the courage to jump.", HIGH),
    ("i thought of three ways i could go.", HIGH),
    ("why don't i just do everyone a favour", MODERATE),
    ("the urges to tap out are getting stronger", MODERATE),
    ("i don't think i'm strong enough to keep living", MODERATE),
    ("llevo años luchando con pensamientos suicidas", HIGH),
    ("¿cuántas pastillas hacen falta para no despertar?", HIGH),
    ("tengo una soga escondida en el armario", HIGH),
    ("si tan solo tuviera el valor de tirarme", HIGH),
    ("¿por qué no hacerle un favor al mundo?", MODERATE),
    ("no sé si estoy hecha para seguir viviendo", MODERATE),

    # Session 12 (sixth reading: kinds read from the SDCNL dev misses, every message written here)
    ("not a day goes by where i don't think about ending it", HIGH),
    ("not a day goes by without me thinking about dying", MODERATE),
    ("if this semester goes wrong i'll pull my own plug", MODERATE),
    ("there's no reason to keep on existing", MODERATE),
    ("what else is there for me to live for", MODERATE),
    ("i'm losing the will to keep going.", MODERATE),
    ("i've lost the desire to stay alive", MODERATE),
    ("i don't think i can keep going much longer", MODERATE),
    ("honestly not sure if i can make it through the night.", MODERATE),
    ("i have nowhere to turn but death", HIGH),
    ("had to change my suicide plan again", HIGH),
    ("counted out and swallowed 40 of my tablets", HIGH),
    ("i keep aiming my dad's pistol at my temple", HIGH),
    ("kneeling in the shower about to make a cocktail of bleach and pills", HIGH),
    ("i think about swerving my car into the median every drive", HIGH),
    ("suicide seems more appealing every week", HIGH),
    ("i don't plan on living past 30", MODERATE),
    ("i'm simply not built to survive.", MODERATE),
    ("i can't picture myself dying of old age", MODERATE),
    ("this is it. it was fun while it lasted", MODERATE),
    ("soon it will all be over. this is it.", MODERATE),
    ("why should i not just end it", HIGH),
    ("i didn't kill myself last night", HIGH),
    ("the method of suicide i chose is drowning", HIGH),
    ("attempt failed. i'm still here", MODERATE),
    ("no pasa ni un día sin que piense en suicidarme", HIGH),
    ("no pasa un día sin pensar en morirme", MODERATE),
    ("no tengo adónde huir más que a la muerte", HIGH),
    ("ya no hay razón para seguir existiendo", MODERATE),
    ("¿qué me queda por lo que vivir?", MODERATE),
    ("ya no tengo fuerzas de seguir adelante", MODERATE),
    ("no creo que aguante otra noche", MODERATE),
    ("no sé si llegue a la mañana", MODERATE),
    ("tuve que cambiar mi plan de suicidio", HIGH),
    ("me estaba apuntando con la pistola de mi papá a la sien", HIGH),
    ("voy a prepararme un cóctel de lejía y pastillas", HIGH),
    ("pienso mucho en volcar el coche en la carretera", HIGH),
    ("no planeo seguir viva más allá de los 30", MODERATE),
    ("no estoy hecha para sobrevivir.", MODERATE),
    ("no me veo muriendo de vieja", MODERATE),
    ("esto es todo. pronto todo va a terminar.", MODERATE),
    ("anoche no me maté, pero casi", HIGH),
    ("el método para matarme que escogí es el frío", HIGH),
    ("i feel like dying again", MODERATE),
    ("honestly i have to decide whether i want to live.", MODERATE),
    ("still figuring out if i want to keep living", MODERATE),
    ("tengo que decidir si quiero seguir viviendo.", MODERATE),
    ("otra vez tengo ganas de morirme", MODERATE),
    ("intento fallido. sigo aquí y no sé qué hacer con mi vida", MODERATE),
    # Session 13 (seventh reading: kinds seen among the Twitter dev misses, every message written here)
    ("i just want to freaking die already", MODERATE),
    ("honestly i want to effing die", MODERATE),
    ("guess who is going to die today? me", HIGH),
    ("i think today is the day i die", HIGH),
    ("tonight is the night i end it.", HIGH),
    ("hoy es el día en que me muero", HIGH),
    ("esta noche es la noche en que lo hago", HIGH),
    ("ya escribí las cartas, están en el cajón. hoy es la noche", HIGH),
    ("tengo las pastillas guardadas. hoy es el día", HIGH),
    ("ya no quiero vivir. hoy es el día", HIGH),
    ("i wonder how it feels to jump off a tall building", MODERATE),
    ("what does it feel like to fall from a bridge", MODERATE),
    ("i don't want to fight this anymore", MODERATE),
    ("i can't keep fighting anymore", MODERATE),
    ("please let me join you in heaven, i can't do this without you", MODERATE),
    ("mom please take me with you, i want to be with you in heaven", MODERATE),
    ("quiero irme con mi abuela al cielo", MODERATE),
    ("llévame contigo al cielo, mamá", MODERATE),
    ("quiero estar con mi papá en el cielo", MODERATE),
    ("i'm too tired of everything and too hurt to go on", MODERATE),
    ("estoy demasiado cansada para seguir", MODERATE),
    ("estoy demasiado herido para seguir adelante", MODERATE),
    ("i have the rope ready", MODERATE),
    ("i've got exactly 23 days of life left and i've never felt so calm", MODERATE),
    ("i only have a few weeks left to live", MODERATE),
    ("me quedan 23 días de vida y nunca estuve tan tranquila", MODERATE),
    ("nadie me extrañaría si me muriera", MODERATE),
    ("nadie me echaría de menos si desapareciera", MODERATE),
    ("i'm going to swerve into a tree on the way home", HIGH),
    ("does life insurance cover suicide", MODERATE),
    ("my life insurance pays out even for suicide right?", MODERATE),
    ("what height do you need to jump from to not survive", HIGH),
    ("i can't do this anymore. i'm done. for good this time", MODERATE),
    ("ya no puedo más. esta vez va en serio", MODERATE),
    # Session 14 (eighth reading: chat probes written here, and kinds seen among the SDCNL and Twitter
    # dev misses, every message written anew)
    ("death can't come soon enough", MODERATE),
    ("honestly i can't wait until i'm dead", MODERATE),
    ("counting down the days until i die", MODERATE),
    ("i'd be fine if i never woke up", MODERATE),
    ("wouldn't even mind if i didn't wake up tomorrow", MODERATE),
    ("i pray every night that i don't wake up", MODERATE),
    ("wouldn't care if a bus hit me tbh", MODERATE),
    ("i hope this plane crashes", MODERATE),
    ("i keep hoping something kills me", MODERATE),
    ("i just want to crawl in a hole and die", MODERATE),
    ("what's the point in living", MODERATE),
    ("i don't feel like i deserve to be alive", MODERATE),
    ("i wanna be six feet under", MODERATE),
    ("i don't have much left to live for", MODERATE),
    ("there's no reason for me to live", MODERATE),
    ("so tired of waking up every morning", MODERATE),
    ("ready to kick the bucket tbh", MODERATE),
    ("i just want to stop breathing", MODERATE),
    ("i hope my heart stops in my sleep", MODERATE),
    ("please god just take me", MODERATE),
    ("i've been planning my funeral", MODERATE),
    ("how is suicide not the answer?", HIGH),
    ("suicide feels like the only answer", HIGH),
    ("i keep thinking about how easy it would be to just end it", HIGH),
    ("the suicidal thoughts are back", HIGH),
    ("the suicidal urges won't stop", HIGH),
    ("gonna rope tonight", HIGH),
    ("time to rope", HIGH),
    ("gonna walk into the sea and not come back", HIGH),
    ("i'm going to drive off a cliff", HIGH),
    ("how to cut a wrist", HIGH),
    ("how deep do you have to cut to hit a vein", HIGH),
    ("how do you tie a noose", HIGH),
    ("is it painful to overdose", HIGH),
    ("can you die from a whole bottle of advil", HIGH),
    ("i have 4 grams but i don't know how much is enough to kill me", HIGH),
    ("picking up a gun tomorrow. feeling relieved", MODERATE),
    ("sitting here with a bottle of pills", MODERATE),
    ("i'm holding the pills right now", MODERATE),
    ("you'll never hear from me again", HIGH),
    ("i'll be watching over you all from above", HIGH),
    ("i need to cut so bad", MODERATE),
    ("no tiene sentido seguir viviendo", MODERATE),
    ("la vida no vale la pena", MODERATE),
    ("¿para qué vivir?", MODERATE),
    ("no merezco vivir", MODERATE),
    ("siento que no merezco estar viva", MODERATE),
    ("ya no tengo mucho por qué vivir", MODERATE),
    ("cansada de despertar cada día", MODERATE),
    ("quiero irme a dormir para siempre", MODERATE),
    ("la muerte no llega lo suficientemente rápido", MODERATE),
    ("que me lleve la muerte ya", MODERATE),
    ("no veo la hora de morirme", MODERATE),
    ("estoy contando los días para morirme", MODERATE),
    ("quiero estar tres metros bajo tierra", MODERATE),
    ("quiero palmarla ya", MODERATE),
    ("ojala la palme pronto", MODERATE),
    ("me quiero ir al otro barrio", MODERATE),
    ("quiero colgar los tenis, neta", MODERATE),
    ("quiero que mi corazón se detenga", MODERATE),
    ("me da igual si me atropella un camión", MODERATE),
    ("estoy planeando mi propio funeral", MODERATE),
    ("el suicidio es la respuesta", HIGH),
    ("pienso en lo fácil que sería acabar con todo", HIGH),
    ("ando con ideas suicidas", HIGH),
    ("¿cómo cortarse las venas?", HIGH),
    ("¿cómo se hace un nudo de horca?", HIGH),
    ("ya escribí mi carta de despedida", HIGH),
    ("nunca más van a saber de mí", MODERATE),
    ("los voy a cuidar desde el cielo", MODERATE),
    # Session 14, second part: method questions, means without the words, severe self-injury,
    # finality as a whole message, disclaimed wishes, slang and spelling.
    ("what's the fastest way to bleed out", HIGH),
    ("where do i cut to bleed out fastest", HIGH),
    ("which vein is the best to cut", HIGH),
    ("is carbon monoxide painless?", HIGH),
    ("how much tylenol before your liver fails", HIGH),
    ("how long until you pass out from hanging", HIGH),
    ("can you survive jumping from 6 stories", HIGH),
    ("how many floors is enough", HIGH),
    ("is 10 floors high enough", HIGH),
    ("what's the least painful method", HIGH),
    ("i know which bridge. i drove past it twice today", HIGH),
    ("i've been collecting razor blades", HIGH),
    ("i found the spot where the trains don't slow down", HIGH),
    ("counted them out. that should be enough", HIGH),
    ("i bought a rope and nobody asked why", HIGH),
    ("the rope is in my closet", MODERATE),
    ("the pills are lined up on my nightstand", MODERATE),
    ("i'm on the train tracks", MODERATE),
    ("last night i stood on the edge of the roof", MODERATE),
    ("i cut so deep i can see fat", HIGH),
    ("passed out after cutting last night", HIGH),
    ("i'm done. for good this time", MODERATE),
    ("this time i mean it", MODERATE),
    ("there's no turning back now", MODERATE),
    ("nothing you say will change my mind", MODERATE),
    ("soon none of this will matter because i won't be here", HIGH),
    ("i won't be a problem for anyone after tonight", HIGH),
    ("i'm not going to hurt myself but i wish i could just not be here", MODERATE),
    ("i want to vanish and never come back", MODERATE),
    ("i wanna go to sleep and not respawn", MODERATE),
    ("gonna alt f4 my life", MODERATE),
    ("i'm gonna go skydiving without a parachute tonight", MODERATE),
    ("ready for my 🪦", MODERATE),
    ("i want to k!ll mys3lf", HIGH),
    ("su!c!de is the only option", HIGH),
    ("i'm going to kll myself", HIGH),
    ("thinking abt ending it all 2nite", HIGH),
    ("¿cuál es la forma más rápida de desangrarse?", HIGH),
    ("¿qué vena es mejor cortar?", HIGH),
    ("¿el monóxido de carbono duele?", HIGH),
    ("¿cuántos pisos hacen falta?", HIGH),
    ("¿10 pisos son suficientes?", HIGH),
    ("¿cuál es el método menos doloroso?", HIGH),
    ("¿cuánto paracetamol hasta que falle el hígado?", HIGH),
    ("¿cuánto tiempo tarda en morir uno ahorcado?", HIGH),
    ("ya sé qué puente. pasé por ahí dos veces hoy", HIGH),
    ("he estado juntando cuchillas", HIGH),
    ("estoy hasta la madre de vivir", MODERATE),
    ("estoy hasta el coño de vivir", MODERATE),
    # Session 14: fainting after cutting, in Spanish, read as severe self-injury alone.
    ("me desmayé después de cortarme", HIGH),
    ("se me ve la grasa del corte", HIGH),
]

LOOK_ALIKES: list[str] = [
    # Session 14, second part
    "i'm quitting smoking, this time i mean it",
    "signed the lease, no going back now!",
    "i've made up my mind, i'm getting the blue one",
    "don't try to talk me out of it, i'm getting a tattoo",
    "i mean it",
    "for real",
    "what's the quickest way to drown out the noise from the neighbours",
    "which vein do nurses usually use to draw blood",
    "is helium safe for balloons at a kids party",
    "how much tylenol can i take for a fever",
    "is 10 floors high enough to see the fireworks",
    "what's the least painful method of hair removal",
    "i know which bridge you mean, the red one",
    "bought 3 bags of ice, that should be enough",
    "nobody asked why i dyed my hair blue",
    "got a rope and the door frame for my pull-up bar setup, that's all i need",
    "stood at the edge of the grand canyon for a photo",
    "the rope is in my closet, bring it for the camping trip",
    "my pills are lined up in the weekly organizer",
    "i passed out after giving blood",
    "i probably need stitches but i'm not going to the er, it's just a small kitchen cut",
    "it won't matter because i won't be here next week, i'm on vacation",
    "i wish i could not be here for this meeting",
    "the magician made the rabbit vanish and never come back",
    "going skydiving with a parachute this weekend",
    "go take a long walk off a short pier",
    "can you survive a fall from 3 stories? my cousin fell off a ladder",
    "how long until you pass out from hanging upside down on the monkey bars",
    "my grandpa collected razor blades from the 1920s",
    "the wifi dropped again, time to uninstall this game",
    "¿cuál es la forma más rápida de llegar al centro?",
    "¿qué vena usan para sacar sangre?",
    "¿cuántos pisos tiene el edificio nuevo?",
    "¿cuál es el método menos doloroso de depilación?",
    "ya sé qué puente dices, el rojo",
    "estoy juntando monedas para el viaje",
    "estoy hasta la madre del tráfico",
    "estoy hasta el gorro de vivir en esta ciudad",
    "el monóxido de carbono es peligroso, revisa el calentador",
    # Session 14
    "the death of this trend can't come soon enough",
    "counting down the days until vacation",
    "i want my heart to stop racing before the interview",
    "my heart stops every time he texts me",
    "i wouldn't mind if i didn't wake up until noon tomorrow",
    "i'd be fine if i never woke up early again",
    "i pray every night that my son comes home safe",
    "i hope this plane doesn't crash lol",
    "i hope someone kills this spider for me",
    "what's the point of living in a big city if you never go out",
    "i don't think i deserve to live in such a nice house",
    "my grandpa has been six feet under since march",
    "i don't have much money left to spend this month",
    "tired of waking up at 5am for this job",
    "i don't want to kick the bucket before seeing japan",
    "my old car is about to kick the bucket",
    "my grandma is planning her own funeral, she's very organised",
    "planning my funeral playlist as a joke with my friends",
    "oh lord take me now this heat is unbearable",
    "suicide is never the answer",
    "how easy it would be to end it with him, honestly",
    "the suicidal thoughts of teenagers are a growing concern",
    "the suicidal thoughts my sister has scare me",
    "gonna rope in my brother to help with the move",
    "we're going to rope off the area for the party",
    "i'm going to walk into the sea for a swim",
    "how deep do i cut the tomato stems",
    "how to tie a tie",
    "is it painful to get a tattoo on your wrist",
    "can you die from eating a whole bottle of vitamins",
    "how much is enough to tip at a restaurant",
    "picking up a gun tomorrow for deer season",
    "i have the remote in my hand",
    "my grandma will be watching over us from heaven",
    "i'll be watching over the kids while you're out",
    "you'll never hear from me again if you keep spamming me about cars",
    "i need to cut my hair so bad",
    "i need to cut back on coffee",
    "la muerte de esa moda no llega lo suficientemente rápido",
    "no tiene sentido seguir viviendo en esta ciudad tan cara",
    "no vale la pena vivir con miedo al qué dirán",
    "no merezco vivir así, voy a pedir un aumento",
    "¿para qué vivir en el centro si trabajas en las afueras?",
    "estoy cansada de despertarme a las seis",
    "estoy contando los días para mis vacaciones",
    "quiero estar tres metros bajo tierra de la vergüenza jaja",
    "mi abuelo ya está tres metros bajo tierra",
    "mi coche va a estirar la pata cualquier día",
    "mi abuelita está planeando su funeral",
    "el suicidio nunca es la respuesta",
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    "mi hermana anda con ideas suicidas, ¿cómo la ayudo?",
    "¿cómo hacer un nudo de corbata?",
    "nunca más van a saber de mí en este grupo, me salgo",
    "mi abuela nos cuida desde el cielo",
    "no veo la hora de morirme de risa con la peli",
    "mi corazón se detiene cada vez que lo veo",
    # Session 13
    "i want to die of laughter",
    "i just want to freaking die of embarrassment",
    "today is the day i die of embarrassment",
    "guess who is going to die today at the gym lol",
    "i wonder how it feels to jump off the cliff into the lake",
    "what does it feel like to jump from a plane",
    "how does it feel to fall off a horse",
    "i don't want to fight with you anymore",
    "i don't want to fight about money anymore, let's talk",
    "tired of fighting this cold, staying in bed",
    "let me join you in the kitchen",
    "i want to be with you in heaven when we are old, my love",
    "i want to see my grandma in heaven one day, i miss her",
    "i'm too tired to go on the hike tomorrow",
    "too hurt to go on the trip, my ankle is swollen",
    "quiero estar contigo en el cielo cuando seamos viejos",
    "estoy demasiado cansada para seguir estudiando hoy",
    "ya no quiero seguir luchando con mi hermano por la herencia",
    "tengo la cuerda lista para escalar mañana",
    "hoy es el día en que me muero de la risa en el cine",
    "quiero morirme de risa con este video",
    "my phone has only 3 hours of battery life left",
    "the doctor says grandpa has 3 months left to live",
    "me quedan 3 días de vacaciones",
    "nadie me extrañaría en la fiesta, así que no voy",
    "i'm going to swerve into the left lane",
    "we're going to drive into the city tomorrow",
    "does my insurance cover a new phone",
    "the documentary explained that life insurance policies exclude suicide in the first two years",
    "what height do you need to jump from to dunk",
    "i can't do this job anymore, quitting for good",
    "i'm so done with this homework, for real",
    "ya no aguanto este trabajo, en serio",
    "no puedo más con este trabajo, va en serio",
    "ya no puedo más con este calor, de verdad",
    "el médico dice que a mi abuelo le quedan 3 meses de vida",
    # An ordinary dose, by count or by weight (session 12: these were "imminent").
    "I took 2 advil for my headache",
    "I took 3 ibuprofen earlier, back still hurts",
    "I took 400mg ibuprofen for my back",
    "i took 400 mg of ibuprofen and it helped",
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    "i took 1 melatonin to sleep on the plane",
    "the new jacket is looking real good on you",
    "i just took the whole bottle of wine to the party",
    "we fought again and i'm ending it with him tonight",
    "the show is ending its run tonight",
    "he knows exactly how he is going to do it",
    "i've had enough of life in the city, moving to the coast",
    "I have had enough of this job",
    "the coach keeps telling me to die on the pitch for the team",
    "he has nothing to live for in that town anymore lol",
    "bought a gun safe for the cabin",
    "hoy termino con todo el trabajo pendiente",
    "me compré una pistola de agua para la fiesta",
    "el suicidio de mi tío me dejó muy mal, fue hace años",
    "ya casi es hora de comer",
    "estoy borrando mis fotos viejas del móvil",
    "me harté de la vida de ciudad",
    "mi mamá me dice que me muera de envidia jaja",
    "¿qué tal el café? está buenísimo, más que el de ayer",
    "Ã©tÃ© en famille, on a adorÃ©",
    "this is my last post before the holidays, see you in january",
    "this is my last post for today",
    "this is my last message until the exams are over",
    "este es mi último mensaje antes de las vacaciones",
    "i took all the pills the doctor prescribed and feel better",
    "which is better, the train or the bus",
    "which is worse, the bridge traffic or the train delays",
    "is jumping from the pier always fun",
    "my essay on suicide prevention has been on my mind",
    "don't mix your meds with alcohol tonight",
    "parked in the garage with the engine running to warm it up, then left",
    "the movie has blood everywhere",
    "no aguanto más esta vida de estudiante",
    "h a p p y b i r t h d a y",
    "i stopped taking my meds because the doctor changed them",
    "this is the last time you'll hear from me about the bake sale, promise",
    "i'm not scared of dying anymore in horror games lol",
    "espero no despertar tarde mañana",
    "estoy tan cerca de acabar con todo el trabajo",
    "esta es la última vez que sabrán de mí hasta que vuelva del viaje",
    "me quiero ir a dormir y no despertar hasta el lunes jaja",
    "quiero dormir y no despertarme hasta las 12",
    "w h a t a d a y, i d i e d laughing",
    "h a v e a n i c e w e e k e n d",
    "ya no aguanto el calor de esta vida de ciudad",
    # Session 11
    "i might as well give up and go to bed",
    "i'm done for real with this game, uninstalling",
    "i should have done it when i had the chance, now the tickets are sold out",
    "i'm picking up a gun tomorrow for the hunting trip",
    "the documentary asked whether hanging was painful for the prisoners in 1850",
    "i planned on dyeing my hair today",
    "bought sodium nitrite for curing the bacon",
    "is it selfish to skip the wedding",
    "i regret not ending things with him sooner",
    "i'd rather not be here for the speech",
    "i'd rather die than eat that",
    "we fantasize about death metal concerts",
    "i know i won't last long at this job",
    "i haven't ruled it out, the job in madrid is still an option",
    "you won't have to deal with me again until monday",
    "i will find peace this weekend at the retreat",
    "people like me don't deserve to live in this neighbourhood apparently, says the landlord",
    "i can't afford to live here anymore",
    "is the golden gate bridge still an option for the tour?",
    "is drowning in paperwork painful? yes",
    "la gente como yo no merece vivir así, con este alquiler",
    "no estoy hecho para este mundo de la moda",
    "gracias por aguantarme tanto tiempo, mañana les traigo pastel",
    "había planeado morir de risa con la peli de hoy",
    "si tan solo tuviera el valor de hablarle",
    "cuanto antes mejor, dijo mi jefe",
    "¿qué tan doloroso es un tatuaje?",
    "i might as well do it now, the gym is empty",
    "the urge to put it in my mouth, this cake is so good",
    "nothing is holding me back from applying to the job",
    "the only thing keeping me from it is the price",
    "what is the lethal dose of caffeine for a cat, asking for my vet class",
    "counting out all my pills for the week in the organiser",
    "i want out of this group chat lol, too many memes",
    "lo único que me detiene es el precio del billete",
    "ya nada me detiene para ir al concierto",
    "fue lindo mientras duró, el verano se acabó",
    "i came up with 4 ways to go to the airport",
    "i wish i had the courage to jump into the lake with them",
    "the urge to tap out of this group project is real",
    "do the world a favour and recycle",
    "mi amiga lucha con pensamientos suicidas y no sé cómo ayudarla",
    "ojalá tuviera el valor de saltar en paracaídas",
    "¿cuántos gramos de harina hacen falta para una tarta?",

    # Session 12 look-alikes of the sixth reading's phrases
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
    "we pulled the plug on the startup last spring",
    "the lawyer pulled the plug on my life insurance claim",
    "there's no reason to keep on arguing about it",
    "i'm losing the will to keep going to the gym",
    "i don't think i can hold on much longer, my arms are shaking from this plank",
    "not sure if i can make it through the night shift again",
    "my friend's suicide plan scared me, she's in hospital now and safe",
    "i counted out and took my two vitamins",
    "he aimed the camera at my face",
    "i'm making a cocktail of rum and pineapple tonight",
    "my car swerved on the ice this morning",
    "i don't plan on living past 30 in this tiny apartment",
    "i'm not built to survive another group project lol",
    "this is it, the final episode of the season!",
    "it was fun while it lasted, see you next summer camp",
    "i didn't kill myself laughing but it was close",
    "my first attempt at sourdough failed",
    "no pasa un día sin que piense en mi abuela",
    "estoy perdiendo las ganas de seguir estudiando",
    "no creo que aguante otra noche sin dormir por este bebé",
    "a ver si llego a mañana con el informe terminado",
    "no planeo seguir viva más allá de los 30 en esta ciudad",
    "esto es todo por hoy, gracias por venir",
    "otro intento fallido de aprobar el examen de conducir",
    "me apunto con la cámara a la cara para el video",
    "voy a hacer un cóctel de frutas para la fiesta",
    "no nací para cocinar.",
    "pienso en volcar mi energía en el trabajo",
    "el método de pago que escogí es la tarjeta",
    "i feel like dying of embarrassment lol",
    "my legs felt like dying after that run",
    "i have to decide whether i want to live in boston or denver",
    "tengo que decidir si quiero vivir en madrid o en sevilla",
    "me muero de vergüenza otra vez",
    "otro intento fallido. ya me cansé del examen de manejo",
]


# Session 14 (issue #14): a whole short message that is nothing but a farewell, the means at hand,
# the time or the place of danger is worth a human look alone (moderate, with a ``bare`` reason),
# and high after earlier risk of the person's own (ACROSS_TURNS below).  Written for these tests.
BARE: list[tuple[str, str]] = [
    ("this is goodbye", "farewell"),
    ("ok so this is goodbye", "farewell"),
    ("this is goodbye 💔", "farewell"),
    ("goodbye forever", "farewell"),
    ("it was nice knowing you all", "farewell"),
    ("i just wanted to say goodbye", "farewell"),
    ("love you all. goodbye", "farewell"),
    ("tonight's the night", "timing"),
    ("today is the day.", "timing"),
    ("i'm doing it friday", "timing"),
    ("doing it tonight", "timing"),
    ("it ends tonight", "farewell"),
    ("this is my last night", "timing"),
    ("i bought a rope today", "lethal_means"),
    ("just bought a rope", "lethal_means"),
    ("i have my dad's gun", "lethal_means"),
    ("i got a gun today", "lethal_means"),
    ("i stocked up on tylenol", "lethal_means"),
    ("i've been stockpiling my pills", "lethal_means"),
    ("i have enough pills now", "lethal_means"),
    ("i bought 4 boxes of paracetamol today", "lethal_means"),
    ("i'm on the bridge right now", "lethal_means"),
    ("im on the bridge rn", "lethal_means"),
    ("made it to the bridge", "lethal_means"),
    ("la soga está en mi clóset", "lethal_means"),
    ("ya compré una soga", "lethal_means"),
    ("tengo la pistola de mi papá", "lethal_means"),
    ("compré muchas pastillas", "lethal_means"),
    ("estoy en la azotea", "lethal_means"),
    ("esta noche es la noche", "timing"),
    ("hoy es el día", "timing"),
    ("lo hago el viernes", "timing"),
    ("esta vez va en serio", "intensity"),
    ("ya no hay vuelta atrás", "intensity"),
    ("esto es un adiós", "farewell"),
    ("gracias por todo. adiós", "farewell"),
]

BARE_LOOK_ALIKES: list[str] = [
    "tonight's the night! concert time 🎉",
    "tonight's the night 🎉",
    "tonight's the night lol",
    "this is goodbye for now, last day at the office, thanks all",
    "this is goodbye for now",
    "goodbye everyone, see you monday",
    "i bought a rope today for the climbing gym",
    "i bought a rope for the tire swing",
    "on the bridge right now, traffic is insane",
    "i'm on the bridge right now, stuck in traffic",
    "i'm on the roof fixing the gutter",
    "i have my dad's gun safe key, going to the range",
    "he has his dad's gun",
    "stocked up on tylenol before flu season",
    "i stocked up on tylenol because the kids are sick",
    "i'm doing it friday, the interview!",
    "doing my hair tonight",
    "i'll do the dishes tomorrow",
    "is this goodbye?",
    "is tonight the night?",
    "\"tonight's the night\" by rod stewart is a banger",
    "in the novel she says this is goodbye and leaves",
    "my sister is on the bridge right now",
    "my friend said this is goodbye",
    "he bought a rope today",
    "i was on the bridge years ago, i'm ok now",
    "the police found a man on the bridge",
    "this is goodbye lol jk see you tomorrow",
    "haha this is goodbye to my old phone",
    "this is goodbye to my twenties",
    "today's the day! first day of school",
    "today is the day i finally get my braces off",
    "friday is the day we move",
    "i have enough pills for the week",
    "i have my pills with me, leaving for the trip",
    "i got a gun for hunting season",
    "the gun is at the gunsmith",
    "rope bought. climbing saturday",
    "la soga para el tendedero está en el clóset",
    "esta vez va en serio, voy a dejar de fumar",
    "esta vez va en serio, me voy al gym",
    "esta noche es la noche, ¡boda de mi prima!",
    "hoy es el día del examen",
    "lo hago el viernes, el informe",
    "estoy en el puente, hay mucho tráfico",
    "estoy en la azotea tendiendo ropa",
    "mi hermano tiene la pistola de mi papá para cazar",
    "compré pastillas para la tos",
    "compré muchas pastillas de menta",
    "me desmayé después de correr",
    "hace años me desmayé después de cortarme, ya estoy bien",
    # False alarms fixed in session 14.
    "i'm holding the bottle of wine for you",
    "is drowning painful for fish? my kid asked",
    "escribí mi carta de despedida para mis compañeros de trabajo",
    "i wrote my goodbye letter to my coworkers",
    # "hoy es el día" named its own time, so any short message with it was imminent.
    "¡hoy es el día!",
    "hoy es el día, por fin me gradúo",
    "hoy es el día 🎉",
    "esta es la noche, nos vemos en el concierto",
]


@pytest.mark.parametrize(("text", "construct"), BARE, ids=[t[:40] for t, _ in BARE])
def test_bare_statement_alone_is_moderate_with_its_reason(text, construct):
    assert construct in {c for c, _ in bare.statements(text)}, text
    got = screen(text)
    assert got.at_least(MODERATE), (text, got)
    if got.level == MODERATE:
        # Some were already high by other rules ("ya compré una soga").
        assert any(r.construct == construct and "bare" in r.modifiers for r in got.reasons), got


@pytest.mark.parametrize("text", BARE_LOOK_ALIKES, ids=[t[:40] for t in BARE_LOOK_ALIKES])
def test_bare_statement_look_alike_stays_low(text):
    got = screen(text)
    assert got.level in ("none", "low"), (text, got)


@pytest.mark.parametrize(("text", "minimum"), CRISIS, ids=[t[:40] for t, _ in CRISIS])
def test_crisis_probe_reaches_its_level(text, minimum):
    got = screen(text)
    assert LEVEL_INDEX[got.level] >= LEVEL_INDEX[minimum], (text, got)


@pytest.mark.parametrize("text", LOOK_ALIKES, ids=[t[:40] for t in LOOK_ALIKES])
def test_look_alike_stays_low(text):
    got = screen(text)
    assert got.level in ("none", "low"), (text, got)


def test_mojibake_is_put_back_and_evidence_points_into_what_was_sent():
    sent = "ok so... I donâ€™t want to live ð\x9f\x98\xad"
    fixed, where = repair_mojibake(sent)
    assert fixed == "ok so... I don\u2019t want to live \U0001F62D"
    assert where is not None and len(where) == len(fixed) + 1
    got = screen(sent)
    assert got.at_least("moderate")
    quoted = [sent[a:b] for r in got.reasons for a, b in r.spans]
    assert any("donâ€™t want to live" in q for q in quoted), quoted


def test_text_without_mojibake_is_returned_as_it_was():
    for text in ("más café, por favor", "naïve résumé", "plain words", ""):
        assert repair_mojibake(text) == (text, None)


# Conversations whose risk shows only across turns: (earlier messages, last message, minimum).
ACROSS_TURNS: list[tuple[list[str], str, str]] = [
    # Session 11: treasured things given away after despair; no more worrying after feeling a burden.
    (["I don't see the point of anything"], "I gave away my guitar and my books", MODERATE),
    (["no le veo sentido a nada"], "ya regalé mi guitarra y mis libros", MODERATE),
    (["I feel like a burden to everyone"], "soon you won't have to worry anymore", MODERATE),
    (["me siento una carga para todos"], "pronto ya no tendrán que preocuparse", MODERATE),
    (["ya no aguanto más, de verdad"], "hoy compré tres cajas de paracetamol", MODERATE),
    (["i can't do this anymore"], "went to the pharmacy and got a few boxes", MODERATE),
    (["nadie me quiere, soy una carga"], "le dejé mi perrita a mi hermana", MODERATE),
    (["estoy muy cansada de todo"], "ya tomé una decisión", MODERATE),
    (["im so tired of everything"], "i've made my decision", MODERATE),
    (["odio mi vida"], "mañana ya no van a tener que preocuparse por mí", MODERATE),
    (["todo es mi culpa"], "ya le dejé mi gato a mi vecina", MODERATE),
    (["me siento vacío"], "voy camino al puente", HIGH),
    # Session 20: "si no contesto mañana ya saben por qué" and "if i don't answer tomorrow you'll know why"
    # are farewells alone now (test_screening_reading_turns_s20.py); these need the turn before.
    (["ya no tiene sentido"], "mañana va a ser mi último día", HIGH),
    (["nobody cares about me"], "soon you won't have to put up with me", MODERATE),
    # Session 13
    (["i can't take it anymore", "i've been saving my pills"], "i decided", HIGH),
    (["i feel like a burden", "i don't see the point anymore"], "thanks for everything, really", MODERATE),
    (["no aguanto más", "he estado juntando pastillas"], "ya lo decidí", HIGH),
    # Session 14: a bare farewell, means, time or place after risk of the person's own.
    # (Session 19: "this is goodbye" and "tonight's the night" are high alone now, bare.STRONG; the
    # conversation is shown raising a goodbye and a time that are moderate alone.)
    (["i hate myself"], "love you all. goodbye", HIGH),
    (["i can't do this anymore"], "it happens friday", HIGH),
    (["nobody would miss me"], "i bought a rope today", HIGH),
    (["i feel like such a burden"], "i'm on the bridge right now", HIGH),
    (["everything is pointless", "i'm so tired"], "i have my dad's gun", HIGH),
    (["i don't see the point anymore"], "i stocked up on tylenol", HIGH),
    (["me odio"], "la soga está en mi clóset", HIGH),
    (["ya no puedo más"], "esta vez va en serio", HIGH),
    (["soy una carga para todos"], "esto es un adiós", HIGH),
]

ACROSS_TURNS_LOOK_ALIKES: list[tuple[list[str], str]] = [
    (["moving to Berlin next week", "so stressed"], "gave away my books and clothes today"),
    (["me mudo a Madrid"], "ya regalé mi guitarra y mis libros"),
    (["exams are killing me"], "gave my camera to my cousin, he's into photography now"),
    (["work is so much lately"], "you won't have to worry anymore, I finished the report"),
    (["ya no aguanto más, de verdad"], "compré tres cajas de leche, estaban de oferta"),
    (["i hate my life lol"], "got a few boxes of cereal on sale"),
    (["me siento vacía"], "fui a la farmacia por ibuprofeno para la regla"),
    (["estoy harta de todo"], "me voy de viaje, le dejé mi gato a mi mamá"),
    (["i'm so stressed about money"], "sold my bike today"),
    (["estoy estresada con el trabajo"], "voy camino a la estación, llego tarde"),
    (["no le importo a nadie jaja"], "mañana a esta hora ya no voy a estar en la oficina, me voy de vacaciones"),
    # Session 13
    (["no aguanto más esta carrera", "estoy harta de la facultad"], "ya lo decidí, me voy a cambiar de carrera"),
    (["this project is so stressful", "i don't see the point of this meeting"], "thanks for everything, see you monday"),
    (["i decided to paint the kitchen"], "i decided"),
    # Session 14
    (["so excited for the show"], "tonight's the night! concert time 🎉"),
    (["my last day at work is today"], "this is goodbye for now, last day at the office, thanks all"),
    (["exams are killing me lol"], "i bought a rope today for the climbing gym"),
    (["ugh this commute"], "on the bridge right now, traffic is insane"),
    (["estoy harta del trabajo"], "esta vez va en serio, voy a dejar de fumar"),
    (["the interview is stressing me out"], "i'm doing it friday, the interview!"),
]


@pytest.mark.parametrize(("earlier", "text", "minimum"), ACROSS_TURNS, ids=[t[:40] for _, t, _ in ACROSS_TURNS])
def test_risk_across_turns_is_seen(earlier, text, minimum):
    # Read with the rules and the conversation only: whether the shipped model alone is confident
    # enough about the last message ("i have my dad's gun" at p 0.91, against 0.90 for high) moves
    # with every retraining, and this test is about what the conversation adds.
    from hearthside.safety.screening import Screener

    rules = Screener(base=False)
    alone = rules.screen(text)
    got = rules.screen(text, history=earlier)
    assert not alone.at_least(minimum), ("the last message alone already carries it", alone)
    assert got.at_least(minimum), (earlier, text, got)
    assert any(r.construct == "conversation" for r in got.reasons)
    assert screen(text, history=earlier).at_least(minimum)  # and the default screener keeps it


@pytest.mark.parametrize(("earlier", "text"), ACROSS_TURNS_LOOK_ALIKES,
                         ids=[t[:40] for _, t in ACROSS_TURNS_LOOK_ALIKES])
def test_ordinary_next_message_is_not_raised(earlier, text):
    got = screen(text, history=earlier)
    assert got.level in ("none", "low"), (earlier, text, got)


# ---------------------------------------------------------------------------------------------
# Ninth reading (issue #14, session 15).  False alarms of the review, each with its variants, and
# the true cases beside them that must keep their level.
NINTH_FALSE_ALARMS: list[str] = [
    "i'll do it tomorrow, promise",
    "ill do it tomorrow i promise",
    "ok ok i'll do it tonight, pinky promise",
    "goodbye 2024",
    "bye bye 2024, you were rough",
    "goodbye summer, hello pumpkin season",
    "goodbye to january",
    "ya no hay vuelta atrás, firmé el contrato",
    "no hay marcha atrás, ya pagué la inscripción",
    "esto es un adiós, me mudo a chile",
    "esta es mi despedida, nos mudamos a monterrey en agosto",
    "i'm on the roof watching the fireworks",
    "i'm on the roof right now watching the fireworks",
    "on the bridge right now taking photos of the sunset",
    "estoy en la azotea viendo los fuegos artificiales",
    "i have the rope ready for the climb tomorrow",
    "the rope is ready for tomorrow's climb",
    "my harness and rope are ready, bouldering tonight",
    "hoy es el día 🎉",
    "tonight's the night 🥳",
]
NINTH_KEEP: list[tuple[str, str]] = [
    ("i'll do it tomorrow", "imminent"),
    ("goodbye forever", HIGH),
    ("thanks for everything, goodbye everyone", HIGH),
    ("ya no hay vuelta atrás", HIGH),
    ("ya no hay vuelta atrás, esta noche lo hago", HIGH),
    ("esto es un adiós", MODERATE),
    ("esto es un adiós, ya no aguanto más", HIGH),
    ("i'm on the roof right now", HIGH),
    ("i'm on the roof right now and i'm going to jump", "imminent"),
    ("the rope is ready", HIGH),
    ("the rope is ready. tonight", "imminent"),
    ("hoy es el día", MODERATE),
]
# After venting, or a stressful day: the next message must stay low.
NINTH_ACROSS_TURNS_LOOK_ALIKES: list[tuple[list[str], str]] = [
    (["ugh today was awful", "my boss yelled at me and i cried in the bathroom", "i'm so tired of everything"],
     "thanks for listening, take care"),
    (["estoy harta de todo", "mi jefe me gritó otra vez"], "gracias por escucharme, cuídate"),
    (["ugh today was awful", "i'm so tired of everything"], "i'm on the roof watching the fireworks"),
    (["estoy harta de todo"], "estoy en la azotea viendo los fuegos artificiales"),
    (["estoy harta de tanto trabajo, no puedo más"], "hoy es el día 🎉"),
    (["i haven't done the dishes yet", "mom is mad"], "i'll do it tomorrow, promise"),
    (["so excited for the trip"], "got the rope ready for the climb tomorrow"),
    (["this year was awful"], "goodbye 2024"),
]
NINTH_ACROSS_TURNS: list[tuple[list[str], str, str]] = [
    (["i want to die"], "i'll do it tomorrow, i promise", HIGH),
    (["i want to die"], "i'm on the roof", HIGH),
    (["ya no quiero vivir"], "estoy en la azotea", HIGH),
    (["i can't do this anymore", "nobody would miss me"], "thanks for everything, take care", MODERATE),
    (["i can't do this anymore"], "thanks for listening. goodbye forever", HIGH),
    (["ya escribí las cartas"], "hoy es el día", HIGH),
    # A party emoji after the person's own wish to die may be bitter: a human looks.
    (["quiero morirme"], "hoy es el día 🎉", MODERATE),
    (["i want to kill myself"], "tonight's the night 🥳", MODERATE),
]


@pytest.mark.parametrize("text", NINTH_FALSE_ALARMS, ids=[t[:40] for t in NINTH_FALSE_ALARMS])
def test_ninth_reading_false_alarm_stays_low(text):
    got = screen(text)
    assert got.level in ("none", "low"), (text, got)


@pytest.mark.parametrize(("text", "minimum"), NINTH_KEEP, ids=[t[:40] for t, _ in NINTH_KEEP])
def test_ninth_reading_true_case_beside_a_false_alarm_keeps_its_level(text, minimum):
    got = screen(text)
    assert got.at_least(minimum), (text, got)


def test_a_lone_goodbye_is_moderate_not_high():
    # The shipped model is confident about "goodbye everyone"; with nothing else it reaches a human
    # (moderate) but is not read as a crisis (session 15: it was high).
    assert screen("goodbye everyone").level == MODERATE


@pytest.mark.parametrize(("earlier", "text"), NINTH_ACROSS_TURNS_LOOK_ALIKES,
                         ids=[t[:40] for _, t in NINTH_ACROSS_TURNS_LOOK_ALIKES])
def test_ninth_reading_ordinary_next_message_is_not_raised(earlier, text):
    got = screen(text, history=earlier)
    assert got.level in ("none", "low"), (earlier, text, got)


@pytest.mark.parametrize(("earlier", "text", "minimum"), NINTH_ACROSS_TURNS,
                         ids=[t[:40] for _, t, _ in NINTH_ACROSS_TURNS])
def test_ninth_reading_risk_across_turns_is_kept(earlier, text, minimum):
    got = screen(text, history=earlier)
    assert got.at_least(minimum), (earlier, text, got)


# Ninth reading: constructs added (written for these tests; the dev sets were only measured).
NINTH_CRISIS: list[tuple[str, str]] = [
    # Life itself as what cannot be taken (it was read as self-injury).
    ("i can't take this life anymore", MODERATE),
    ("honestly i cannot bear this existence any longer", MODERATE),
    ("i'm done with my life", MODERATE),
    # Dying that would not matter, not caring to live, death accepted, relief that it will be over.
    ("it wouldn't even matter if i died", MODERATE),
    ("i don't care enough to keep living anymore", MODERATE),
    ("i've made peace with dying", MODERATE),
    ("i want myself dead", MODERATE),
    ("such a relief knowing it will all be over soon", MODERATE),
    # Euthanasia asked for oneself.
    ("i'm thinking about applying for assisted dying", HIGH),
    ("how can i qualify for euthanasia", HIGH),
    # Method comparisons and questions without the words.
    ("would hanging be less painful than pills", HIGH),
    ("which is more certain, a train or a bridge", HIGH),
    ("would a gun or a rope be quicker", HIGH),
    ("how much insulin does it take to stop a heart", HIGH),
    ("what pills are lethal when mixed with alcohol", HIGH),
    ("sitting in the car in a closed garage with the engine running", HIGH),
    ("how many storeys do you need so it's fatal", HIGH),
    # One's own attempts counted; the post as one's note; not heard from after tonight.
    ("i already have three suicide attempts behind me", MODERATE),
    ("all my failed attempts just prove i can't even do this right", MODERATE),
    ("consider this my goodbye note", HIGH),
    ("you won't hear from me after this weekend", HIGH),
    ("i'll apologise to my family in my letter", MODERATE),
    # An overdose told without "overdose".
    ("i swallowed whatever was in the medicine cabinet", HIGH),
    ("i drank half a bottle of whiskey with all my sleeping pills", HIGH),
    # Spanish
    ("ya no me importa si me muero", MODERATE),
    ("ya asumí que me voy a morir pronto", MODERATE),
    ("ya no soporto esta vida ni un día más", MODERATE),
    ("estoy pensando en solicitar la eutanasia", HIGH),
    ("¿cómo hago para pedir el suicidio asistido?", HIGH),
    ("¿sería más rápido ahorcarme o tirarme del puente?", HIGH),
    ("¿qué medicinas son mortales si las tomo con alcohol?", HIGH),
    ("¿cuántos metros necesito para no quedar viva?", HIGH),
    ("ya llevo tres intentos de suicidio", MODERATE),
    ("aquí va mi nota de despedida", MODERATE),
    ("no vas a saber nada de mí a partir de mañana", MODERATE),
    ("me tragué todo lo que había en el botiquín", HIGH),
    ("me bebí una botella entera de ron con mis pastillas", HIGH),
]
NINTH_LOOK_ALIKES: list[str] = [
    "my grandma applied for euthanasia last year",
    "we debated assisted suicide in ethics class",
    "is jumping quicker than running for cardio",
    "which is faster, the bridge or the tunnel, at rush hour",
    "how many floors do i need for a studio apartment",
    "which meds are fatal for cats? asking for my vet class",
    "my dad had the car running in the garage to warm it up",
    "don't mix bleach and ammonia, it makes toxic gas",
    "it doesn't matter if i die in the game, i just respawn",
    "i don't care about living in a big city",
    "i've accepted that i'll die someday, like everyone",
    "i already have two attempts left on the driving test",
    "i have had three attempts at the bar exam",
    "this is my note for the meeting",
    "you won't hear from me after tonight, phone's dying, talk tomorrow",
    "i drank a whole bottle of water with my vitamins",
    "took everything from the medicine cabinet to the new flat",
    "i can't take this heat anymore",
    "the lyrics go 'i can't take this life anymore' and i love that song",
    "mi abuela pidió la eutanasia en españa",
    "la eutanasia es legal aquí desde 2021",
    "es más rápido el tren que el autobús",
    "ya tengo dos intentos en el examen de manejo",
    "esta es mi nota para la reunión",
    "no van a saber de mí después de esta noche, me voy de campamento sin señal",
    "me tomé una botella de agua con mis vitaminas",
    "acepté la muerte de mi papá",
    "ya no soporto el calor",
    "me muero de risa con este video",
]


# Session 15, tenth reading (issue #14): short, tweet- and chat-length messages.  Every phrase
# written for this test; none taken from a data set.
TENTH_CRISIS: list[tuple[str, str]] = [
    ("death can't come for me fast enough", MODERATE),
    ("death cant take me quick enough", MODERATE),
    ("death cannot come and take me soon enough", MODERATE),
    ("i can't wait for death to come for me", MODERATE),
    ("honestly cant wait for death", MODERATE),
    ("sometimes i wish i could just not wake up", MODERATE),
    ("i wish i could just stop existing", MODERATE),
    ("i'm sorry if i really want my life to end", MODERATE),
    ("sorry if this is dark but i want my life to end", MODERATE),
    ("everyone's better off without me", MODERATE),
    ("everybody around me is better off without me.", MODERATE),
    ("you'd all be better off without me", MODERATE),
    ("you guys would all be so much better off without me", MODERATE),
    ("they'd be happier without me", MODERATE),
    ("it would be a relief for everyone if i was gone", MODERATE),
    ("it'd be easier for everyone if i just disappeared", MODERATE),
    ("it would be better for my family if i was dead", MODERATE),
    ("everyone would be relieved if i died", MODERATE),
    ("the world would be a better place without me", MODERATE),
    ("my death would make everyone's life easier", MODERATE),
    ("my family's life would be so much better without me", MODERATE),
    ("would anyone even notice if i died", MODERATE),
    ("would anyone miss me if i was gone", MODERATE),
    ("i wonder if she would miss me if i died", MODERATE),
    ("i wish i had that extra bit of courage to actually do it", HIGH),
    ("make it stop, i can't anymore", MODERATE),
    ("please make it stop i cant anymore", MODERATE),
    # A whole message that wishes "it" over (bare.py).
    ("i just want it to be over", MODERATE),
    ("i want it to be over", MODERATE),
    ("i'm so tired. i just want it to be over", MODERATE),
    ("make it stop. i can't anymore. i just want it to end", MODERATE),
    ("i just want it all to end already", MODERATE),
    # Spanish
    ("solo quiero que se acabe", MODERATE),
    ("ya no puedo más. solo quiero que esto termine", MODERATE),
    ("ya quiero que todo se acabe", MODERATE),
    ("estarían mejor sin mí", MODERATE),
    ("todos están mejor sin mí", MODERATE),
    ("sería un alivio para todos si no estuviera", MODERATE),
    ("sería un alivio para todos que me muriera", MODERATE),
    ("sería más fácil para mi familia si desapareciera", MODERATE),
    ("todos descansarían si yo no estuviera", MODERATE),
    ("el mundo sería un lugar mejor sin mí", MODERATE),
    ("ojalá la muerte viniera por mí de una vez", MODERATE),
]
TENTH_LOOK_ALIKES: list[str] = [
    # Break-ups, someone else, sport and school
    "you're better off without him",
    "you're better off without me, i'm a mess at relationships",
    "honestly you're better off without me as your lab partner",
    "the team is better off without me at point guard",
    "everyone's better off without me on the team, i'm the worst player",
    "my family is better off without my dad",
    "everyone is better off without social media",
    "she said everyone would be better off without her and i'm worried",
    "he thinks his family is better off without him",
    "her life would be better without me in the group project",
    # Past and recovery
    "i used to think everyone was better off without me, but i'm doing better now",
    # Away, not gone
    "it would be easier for everyone if i was gone for the weekend",
    "everyone would be relieved if i disappeared for a week to study",
    "would anyone miss me if i was gone for a month",
    "would anyone notice if i died my hair blue",
    # Things, not a life
    "the world would be a better place without mosquitoes",
    "my death would make the news",
    "i can't wait for death stranding 2",
    "can't wait for death metal fest this weekend",
    "i wish i could just not wake up early for work",
    "i wish i had that extra bit of courage to ask her out",
    # Jokes, songs, a long day
    "i just want it to be over lol",
    "i just want it to be over, the exam is at 9",
    "i want it to be over 😂",
    "ugh i just want this flight to be over",
    "i just want the season to be over, we're so bad",
    "make it stop lol this song is stuck in my head",
    "my head is pounding make it stop",
    "i can't anymore with this show lmao",
    "i can't anymore 😂😂",
    "sorry if i'm late",
    "sorry if i don't reply, i want to sleep for a week",
    # Spanish
    "estarías mejor sin mí, soy un desastre en las relaciones",
    "estaría mejor sin él",
    "el equipo está mejor sin mí",
    "sería un alivio para todos si no estuviera en la reunión",
    "sería más fácil para todos si desapareciera un rato",
    "todos están mejor sin redes sociales",
    "ya quiero que se acabe el semestre",
    "solo quiero que se acabe jaja",
    "el mundo sería mejor sin mosquitos",
    "ojalá la muerte viniera por mi ex jaja",
    "me muero de risa",
]


# A jump for sport or fun is not a jump from a height (session 15); a jump said with a height or
# despair still is. Water and cliffs are not sport words here: they are ways of dying.
JUMP_FOR_SPORT = [
    "tomorrow at skydiving i'm going to jump",
    "first bungee tomorrow, so scared but i'm going to jump",
    "trampoline park with the kids, i'm going to jump",
    "mañana en paracaidismo voy a saltar",
    "en la clase de parkour voy a saltar",
    "primera vez en puenting, tengo miedo pero voy a saltar",
]
JUMP_STILL_CRISIS = [
    ("i'm going to jump", HIGH),
    ("i'm on the bridge, i'm going to jump", "imminent"),
    ("ya voy a saltar", HIGH),
    ("estoy en el puente y voy a saltar", "imminent"),
    ("no puedo más, voy a saltar", HIGH),
]


# Misses left by the Spanish parity reading, closed (session 15), with the look-alike beside each.
ES_PARITY_MISSES = [
    ("pensando en acabar con todo esta noche", "imminent"),
    ("mañana consigo una pistola y por fin acabo con esto", HIGH),
    ("me tomé todas mis pastillas", "imminent"),
    ("¿por qué no simplemente acabar con todo?", HIGH),
    ("mi cabeza no para de susurrarme que termine con todo", HIGH),
]
ES_PARITY_LOOK_ALIKES = [
    "estoy pensando en acabar con todo el trabajo hoy",
    "¿por qué no acabar con todo el papeleo hoy?",
    "consigo una cuerda y termino con el tendedero",
    "me tomé todas mis vitaminas",
    # Session 25: moved to test_screening_reading_s25.py (MODEL_LIFTS), where the rules keep it low.
]


# The later readings' tables (and the fixes after them), judged alike.
_LATER_CRISIS = ([("ninth", t, m) for t, m in NINTH_CRISIS] + [("tenth", t, m) for t, m in TENTH_CRISIS]
                 + [("jump", t, m) for t, m in JUMP_STILL_CRISIS] + [("es-parity", t, m) for t, m in ES_PARITY_MISSES])
_LATER_LOOK_ALIKES = ([("ninth", t) for t in NINTH_LOOK_ALIKES] + [("tenth", t) for t in TENTH_LOOK_ALIKES]
                      + [("jump", t) for t in JUMP_FOR_SPORT] + [("es-parity", t) for t in ES_PARITY_LOOK_ALIKES])


@pytest.mark.parametrize(("reading", "text", "minimum"), _LATER_CRISIS,
                         ids=[f"{r}-{t[:40]}" for r, t, _ in _LATER_CRISIS])
def test_ninth_and_tenth_reading_crisis_probe_reaches_its_level(reading, text, minimum):
    got = screen(text)
    assert got.at_least(minimum), (reading, text, got)


@pytest.mark.parametrize(("reading", "text"), _LATER_LOOK_ALIKES, ids=[f"{r}-{t[:40]}" for r, t in _LATER_LOOK_ALIKES])
def test_ninth_and_tenth_reading_look_alike_stays_low(reading, text):
    got = screen(text)
    assert got.level in ("none", "low"), (reading, text, got)


def test_tenth_reading_you_better_off_without_me_alone_is_a_risk_factor():
    # Said to one person it is also how a break-up is told: burdensomeness (low), not a wish to be
    # gone; said to everyone it is read as "everyone would be better off without me" (moderate).
    got = screen("you're probably better off without me")
    assert got.level == "low" and any(r.construct == "burdensomeness" for r in got.reasons), got
    assert screen("you'd all be better off without me").at_least(MODERATE)


@pytest.mark.parametrize("text", ["i just want it to be over", "solo quiero que se acabe"])
def test_tenth_reading_whole_message_wish_for_it_over_is_a_bare_statement(text):
    assert "passive_ideation" in {c for c, _ in bare.statements(text)}, text


@pytest.mark.parametrize("text", ["i can't anymore", "make it stop", "please make it stop. i can't anymore",
                                  "ya no puedo más"])
def test_tenth_reading_despair_alone_is_no_bare_statement(text):
    # "i can't anymore" stands beside a wish for it to be over; alone it says nothing to bare.py.
    assert bare.statements(text) == [], text

