"""A whole short message that is nothing but a farewell, the means at hand, the time or the place
of danger (issue #14, session 14).

"this is goodbye", "tonight's the night", "i bought a rope today", "i'm on the bridge right now",
"i have my dad's gun", "la soga está en mi clóset", "esta vez va en serio": sent alone, with no
ordinary content that explains them, these deserve a human look (``moderate``); after earlier risk
of the same person :mod:`.conversation` reads them as ``high``.

The whole message must be made of such statements (English or Spanish) and filler ("ok", "so",
"well", "bueno", a sad emoji): any other clause ("for the climbing gym", "traffic is insane",
"concert time 🎉", "voy a dejar de fumar") means the message is about something ordinary and the
rule says nothing.  A question, quotation marks, an exclamation mark, a laugh ("lol", "jaja",
"😂"), a festive emoji, or more than :data:`MAX_WORDS` words also keep it out: each is how
excitement, a joke, a lyric or a story is told.  Statements are first person and present (or just
done), so "he's on the bridge", "i was on the bridge last year, i'm better now" do not match.

Pure Python; the patterns compile on first use.  Every statement found is returned with its
construct (``farewell``, ``lethal_means``, ``timing``, ``intensity``) and its span in the text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from . import rxcache
from .es import ADDRESS, _is_address
from .patterns import CLASSES

MAX_WORDS = 15
MODIFIER = "bare"

# Words that may open or close a clause without saying anything of their own.
FILLER = frozenset("""ok okay k kk so well um uh umm hmm welp yeah yea yep alright anyway anyways just guys
    honestly really seriously srsly finally then and but hey hi bueno pues ya y este bien nada oigan oye
    chicos gente weno neta posta fr frfr ngl tbh""".split())
# Session 18 (Spanish robustness reading): a greeting, a hedge or a word of address said to the reader
# at a clause's edge says nothing of its own either ("hola. estoy en el puente", "la verdad esta vez va
# en serio", "la soga ya está en el armario amiga", "no sé, ..."); a word of address that is a noun of the
# clause stays ("tengo el arma de mi papá en la mano"), as the Spanish rules tell them apart.
FILLER_ES = frozenset("""hola holi holis ey che mira oye oigan osea""".split())
HEDGES_ES = (("la", "verdad"), ("la", "neta"), ("no", "se"), ("o", "sea"), ("en", "fin"))
# A laugh, a joke or a party: the message is not a bare statement.
JOKE = frozenset("""lol lool lmao lmfao rofl haha hahaha hahahaha hehe hehehe jk jkjk xd xdd jaja jajaja
    jajajaja jeje jejeje jsjs jsjsjs kidding joking broma bromeando""".split())
_JOKE_RX = re.compile(r"^(?:ha){2,}h?$|^(?:ja){2,}j?$|^(?:je){2,}$|^(?:he){2,}$|^lo+l$|^lmf?a+o+$")
# Emoji that may stand beside a bare statement (sadness, a wave, a grave); any other symbol (🎉,
# 😂, 🥳, 😜 ...) keeps the message out.  Variation selectors, joiners and skin tones are ignored.
SAD_EMOJI = frozenset("🕊😔😞😢😭💔🖤🥀🙏😶😣😖😩😫😓😥😪🫥👋🪦⚰🕯😑😐🌧☁🌑💀🥲😿🤍")
_IGNORED = frozenset("\ufe0f\ufe0e\u200d\U0001F3FB\U0001F3FC\U0001F3FD\U0001F3FE\U0001F3FF")

# Longest first, then alphabetical: the same expression in every process (rxcache finds it by its text).
_MEANS = "|".join(sorted(CLASSES["means"] - {"#", "all", "lot", "enough"}, key=lambda w: (-len(w), w)))
_GUN = r"(?:gun|pistol|rifle|shotgun|handgun|revolver|firearm|glock)"
_OWNER = (r"(?:my (?:dad|father|mom|mum|mother|stepdad|step dad|brother|grandpa|grandad|granddad|grandfather|"
          r"uncle|husband|boyfriend|roommate|cousin)'?s)")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WHEN = (rf"(?:tonight|today|tomorrow(?: night| morning)?|this (?:weekend|week|evening|afternoon|morning)|"
         rf"(?:on |this |next )?{_DAY}(?: night| morning)?|at midnight|at (?:\d+|one|two|three|four|five)(?: am| pm)?|"
         r"in (?:an hour|a few hours|a couple of hours|\d+ (?:hours|minutes|mins|days))|soon|right now|now)")
_JUST = r"(?:(?:just|already|finally|now) )?"
_PLACE = (r"(?:the |a |this )?(?:bridge|roof|rooftop|ledge|edge|cliff|cliffs|train tracks|tracks|railway tracks|"
          r"railroad tracks|railway line|overpass|parking garage roof|car park roof|top floor of the (?:parking garage|"
          r"car park)|edge of the (?:roof|bridge|cliff|building|platform)|top of the (?:parking garage|car park|"
          r"building|bridge|cliff)|roof of (?:my|the) (?:building|school|office|apartment|dorm|hospital))")
_NOW = r"(?: (?:right now|now|again|already|tonight|alone|rn))?"
_PLACE_ES = (r"(?:el puente|la azotea|el techo|las vias(?: del tren)?|el acantilado|el borde (?:del|de la) "
             r"(?:puente|edificio|techo|azotea|acantilado)|la orilla (?:del|de la) (?:puente|edificio|techo|azotea|"
             r"acantilado)|lo alto del (?:puente|edificio)|la azotea de mi edificio)")
_AHORA = r"(?: (?:ahora|ahora mismo|ahorita|ya|otra vez|sol[oa]))?"
_DIA = r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
_CUANDO = (rf"(?:hoy|esta noche|hoy en la noche|manana|pasado manana|este (?:finde|fin de semana)|"
           rf"(?:el |este |el proximo )?{_DIA}|a medianoche|en (?:una hora|unas horas|un rato)|pronto|ahora)")
# Session 16: the moment the house is asleep or empty ("after my parents fall asleep", "cuando se
# duerman"), said as the time of "doing it".
_ASLEEP = (r"(?:after|once|when|as soon as) (?:my (?:parents|mom|mum|dad|family|roommate|roommates|wife|husband|"
           r"partner|brother|sister)|everyone|everybody|they|the kids|the house) (?:(?:fall|falls|go|goes|gets|get) "
           r"(?:asleep|to sleep|to bed)|(?:is|are) (?:asleep|gone|out|quiet)|leave|leaves)")
_DUERMEN = (r"(?:cuando|en cuanto|apenas|despues de que) (?:(?:todos|mis (?:papas|padres|jefes|viejos|hermanos)|mi "
            r"(?:familia|mama|papa|esposo|esposa|novio|novia|roomie)|ellos) )?(?:ya )?se (?:duerman|duerma|vayan|vaya|"
            r"hayan dormido|queden dormidos)(?: de viaje| a trabajar| al trabajo)?")
_DUENO = r"(?:de mi (?:papa|padre|mama|madre|padrastro|abuelo|tio|hermano|esposo|novio|primo|viejo|jefe|apa|pa))"
_ARMA = r"(?:la pistola|el arma|la escopeta|el revolver|el rifle)"
_PASTIS = (r"(?:pastillas|paracetamol|ibuprofeno|aspirinas|clonazepam|diazepam|tramadol|somniferos|medicamentos|"
           r"medicinas|pastis|rivotril|alprazolam)")

# Statements that are also :data:`STRONG` (high alone in English), written once.
_NOT_HERE = r"i will not be (?:here|around) (?:tomorrow|much longer|anymore|any more)"
_SAID_ALL = r"i have said (?:everything|all) i (?:needed|wanted|had) to say"
_SAID_GOODBYES = r"i have (?:already |finally |now )?said (?:all )?my goodbyes(?: now| already)?"
_DATE_SET = r"(?:the|my) (?:date|day|time|place|spot) is (?:set|picked|chosen|decided)(?: now| already)?"
_KNOW_HOW_WHEN = (r"i (?:already |now )?know (?:exactly )?(?:(?:when|how|where) and (?:when|how|where)|when where and how|"
                  r"how when and where|where when and how)(?: now| already)?")

STATEMENTS: dict[str, tuple[str, ...]] = {
    "farewell": (
        r"this is (?:goodbye|good bye|farewell|my goodbye|my final goodbye|my last goodbye|the end|my last message|"
        r"my last post|my last text|the last time you will hear from me)",
        r"(?:goodbye|good bye|bye) (?:forever|for good|for ever|world|cruel world|everyone forever)",
        r"goodnight forever|good night forever",
        r"i am saying (?:my )?goodbyes?(?: now)?|(?:i )?(?:just )?(?:wanted|want|needed) to say goodbye"
        r"(?: to (?:everyone|you all|all of you|you|y'all))?",
        r"(?:it was|it has been|it is been) nice knowing (?:you|you all|everyone|y'all|all of you)",
        _NOT_HERE,
        r"i am leaving (?:forever|for good)|i am going away forever",
        r"esto es (?:un )?adios|esta es mi (?:despedida|ultima carta|ultimo mensaje)|este es mi ultimo mensaje",
        r"adios (?:para siempre|mundo|mundo cruel)|me despido para siempre|buenas noches para siempre(?: a todos)?",
        r"(?:solo )?(?:queria|quiero|quise) decir(?:les|te)? adios(?: a todos)?",
        r"(?:solo )?(?:queria|quiero|quise) despedirme(?: de (?:todos|ustedes|ti))?",
        r"ya no (?:voy a estar|estare) (?:aqui|manana|mucho tiempo|mas)",
        r"fue (?:lindo|bonito|un gusto) conocerlos(?: a todos)?",
        # Finality with its own time is a farewell, as the Spanish rules read "pronto se acaba todo".
        rf"(?:it|everything) (?:all )?(?:ends|will (?:all )?be over|will end) {_WHEN}|{_WHEN} it (?:all )?ends",
        r"it will (?:all )?be over soon",
        # Session 16: nobody will hear from the writer again, it ends or stops here, no more pain after a time.
        rf"(?:(?:you|you all|y'all) (?:will not|will never|are not going to)|(?:nobody|no one|none of you) (?:will|is "
        rf"going to|will ever)) hear from me (?:again|anymore|any more|ever again|after {_WHEN})",
        rf"it (?:all )?(?:ends|stops) here(?: {_WHEN})?|(?:it all|everything|the pain) (?:stops|ends) {_WHEN}",
        rf"no more (?:pain|suffering|hurting) after {_WHEN}",
        r"(?:ya )?no (?:van a|vas a|vamos a) saber (?:nada )?(?:mas )?de mi|no sabran (?:nada )?mas de mi",
        r"(?:esta )?es la ultima vez que (?:les|te) (?:escribo|hablo)",
        _SAID_ALL,
        # Session 19 (lead): goodbyes already said, the last sign-off, not to be looked for, at peace with
        # it almost over ("i've said my goodbyes", "signing off for the last time", "don't look for me").
        _SAID_GOODBYES,
        r"(?:this is )?my (?:last|final) (?:post|message|text|tweet|words)(?: here| ever)?",
        r"(?:this is me )?(?:signing|logging) off (?:for the (?:last|final) time|for good|forever|permanently)",
        r"(?:please )?(?:do not|don'?t) (?:come )?(?:look|looking|search|searching) for me",
        r"(?:it is|it will be|it is all) (?:almost|nearly|soon) over(?: now)?|i am (?:finally |now )?at peace(?: now)?",
        rf"{_CUANDO} se (?:acaba|termina) todo|todo se (?:acaba|termina) {_CUANDO}|esta noche se (?:acaba|termina)",
    ),
    "lethal_means": (
        # The means got or at hand.
        rf"(?:i )?{_JUST}(?:have|got|took|found|grabbed|stole|borrowed|am holding|have got) {_OWNER} {_GUN}"
        r"(?: now| right here| with me| in my (?:hand|hands|lap|room|car|bag))?",
        rf"(?:i )?{_JUST}(?:have|bought|got|got myself|picked up) (?:a|the|my) {_GUN}(?: now| today| yesterday| with me"
        r"| in my (?:hand|hands|lap|room|car|bag)| loaded| ready)?",
        rf"(?:the|my|a|{_OWNER}) {_GUN} is (?:loaded|ready|in my (?:hand|hands|lap|room|bag|car|backpack)|"
        r"next to me|on my (?:bed|desk|lap))",
        rf"(?:i )?{_JUST}(?:bought|got|have|found|picked up|made) (?:a |some |the |my )?(?:rope|noose)"
        r"(?: today| yesterday| this morning| now| ready| already)?",
        r"(?:the|my|a) (?:rope|noose) is (?:ready|up|tied|hanging|in my (?:closet|room|car|bag|backpack|wardrobe))",
        rf"(?:i )?{_JUST}(?:stocked up on|have been stocking up on|stockpiled|have stockpiled|have been stockpiling|"
        rf"have been saving|have been saving up|saved up|hoarded|have been hoarding) (?:my |some |a lot of |all my )?"
        rf"(?:{_MEANS})",
        rf"(?:i )?{_JUST}(?:have|got) (?:enough|so many|plenty of|a lot of|\d+|a whole bottle of|a bottle of) (?:{_MEANS})"
        r"(?: now| saved| saved up| ready| here| stashed| hidden| with me| in my hand)?",
        rf"(?:i )?{_JUST}(?:have|got) (?:my |the |some )?(?:{_MEANS}) (?:saved|saved up|ready|stashed|hidden|counted out|"
        r"lined up|in my hand)",
        rf"(?:i )?{_JUST}bought (?:\d+|two|three|four|five|six|several|a few|some|lots of|so many) (?:boxes|bottles|packs|"
        rf"packets) of (?:{_MEANS})(?: today| yesterday)?",
        rf"(?:the |my )?(?:{_MEANS}) are (?:ready|lined up|counted out|counted|in my hand|next to me|on my (?:bed|desk))",
        r"i have (?:the|a|my) (?:knife|blade|razor) (?:with me|in my hand|ready|here|right here|next to me)",
        # Standing where one could fall.
        rf"(?:i am )?(?:on|at|standing on|sitting on|up on|out on|on top of|standing at|sitting at) {_PLACE}{_NOW}",
        rf"(?:i )?{_JUST}(?:made it|got|walked|drove|went|climbed up) (?:to|up to|out to|onto) {_PLACE}{_NOW}",
        # Session 19 (lead): on the way to it with a time ("i'm going to the bridge tonight").
        rf"(?:i am )?(?:going|heading|walking|driving|on my way) (?:to|up to|out to) {_PLACE} {_WHEN}",
        # Spanish.
        r"(?:la|mi) soga (?:ya )?(?:esta|sigue) (?:en (?:mi|el) (?:closet|armario|cuarto|ropero|mochila|carro|coche)|"
        r"lista|colgada|amarrada|atada)",
        r"(?:ya |hoy |ayer |recien |por fin )?(?:me )?(?:compre|consegui|tengo|hice) (?:una |la |mi )?soga(?: hoy| ayer| ya| lista)?",
        rf"(?:ya )?(?:tengo|agarre|tome|encontre|saque) {_ARMA} {_DUENO}(?: aqui| conmigo| en la mano| en mi cuarto)?",
        r"(?:ya |hoy |ayer |recien )?(?:me )?(?:tengo|consegui|compre) (?:una pistola|un arma|una escopeta|un revolver)(?: hoy| ayer| ya)?",
        rf"{_ARMA}(?: {_DUENO})? (?:ya )?(?:esta|sigue) (?:cargada|cargado|en mi cuarto|en mi mano|en mi mochila|"
        r"lista|listo)",
        rf"(?:ya |hoy |ayer )?(?:me )?(?:compre|junte|tengo|guarde|me abasteci de|acumule) (?:muchas |muchos |varias |varios |"
        rf"un monton de |suficientes |bastantes |\d+ |cajas de |varias cajas de |muchas cajas de |\d+ cajas de )?{_PASTIS}"
        r"(?: guardad[oa]s| juntad[oa]s| escondid[oa]s| listas)?",
        rf"(?:ya )?(?:me abasteci|me llene|hice provision) de {_PASTIS}",
        rf"(?:ya )?estoy (?:en|parad[oa] en|sentad[oa] en|arriba de|encima de) {_PLACE_ES}{_AHORA}",
        r"(?:ya )?(?:llegue|subi|estoy llegando) (?:a|al|a la) (?:puente|azotea|techo|vias|acantilado)"
        r"(?: ya| ahora)?",
        # Session 17 (Spanish means reading): the means referred to, not named -- all that is needed got,
        # the knot made ("ya tengo las que necesito", "ya hice el nudo").  Hidden things and a method looked up
        # ("las escondí debajo del colchón", "ya vi cómo se hace") are left to the Spanish rules, which count
        # them beside other risk: alone they are as often chocolates or bread.
        r"(?:ya )?(?:casi )?tengo (?:las|todas las) que (?:necesito|me hacen falta|hacen falta)",
        r"(?:ya )?(?:hice|tengo hecho|tengo listo) el nudo",
    ),
    "timing": (
        rf"(?:{_WHEN}|this|it) is the (?:night|day)",
        r"the (?:day|night|time) has come|the day is here|it is (?:time|happening) (?:tonight|today)",
        rf"(?:i am )?doing it {_WHEN}|i (?:will|am going to) do it {_WHEN}|{_WHEN} i (?:am doing|do|will do) it",
        rf"it (?:happens|is happening) {_WHEN}|{_WHEN} it happens",
        rf"{_WHEN} is my last (?:night|day)|this is my last (?:night|day)",
        r"not long now",
        r"i (?:have )?(?:picked|chosen|chose|set) the (?:date|day)",
        rf"(?:{_CUANDO}|esta) es (?:la noche|el dia)",
        rf"(?:ya )?lo (?:hago|voy a hacer) {_CUANDO}|{_CUANDO} lo (?:hago|voy a hacer)",
        r"ya falta poco|ya (?:elegi|escogi) (?:la fecha|el dia)|ya llego el dia",
        rf"{_CUANDO} es mi ultim[ao] (?:noche|dia)|esta es mi ultima noche",
        rf"(?:{_WHEN} )?{_ASLEEP} i (?:am doing|will do|do|am going to do) it|i (?:am doing|will do|am going to do) it "
        rf"(?:{_WHEN} )?{_ASLEEP}",
        rf"{_DUERMEN} lo (?:hago|hare|voy a hacer)|lo (?:hago|hare|voy a hacer) {_DUERMEN}",
    ),
    # Session 15 (tenth reading): a whole message that wishes "it" over, with nothing that says what
    # "it" is ("i just want it to be over", "solo quiero que se acabe"); "i just want it to be over,
    # the exam is at 9" names it and stays out.
    "passive_ideation": (
        r"(?:i )?(?:just |really |honestly |so )?(?:want|need|wish) (?:it|this|everything|it all|this all|all of this|"
        r"the pain|this pain) (?:all )?(?:to (?:all )?(?:be over|end|stop)|would (?:all )?(?:end|stop|be over))"
        r"(?: already| now| for good| forever| please)?",
        r"(?:solo |nada mas |nomas )?(?:quiero|necesito|quisiera) que (?:esto |todo |ya )?(?:se acabe|se termine|termine|"
        r"pare|acabe|se acabe todo|termine todo)(?: ya| de una vez| por fin| para siempre)?",
    ),
    "intensity": (
        r"esta vez (?:va en serio|es en serio|si|si va en serio|si es en serio|lo digo en serio|es para siempre)",
        r"(?:ya )?no hay (?:vuelta atras|marcha atras)",
        r"nada de lo que (?:digas|digan|me digas|me digan) (?:me )?va a (?:hacer )?cambiar de (?:opinion|idea)",
        r"ya (?:lo )?decidi(?: de verdad| en serio)?",
        # Session 16: the decision taken, nobody able to stop the writer, trying given up, no way back
        # "this time". "ya tomé la decisión, voy a renunciar" has another clause and stays out.
        r"(?:ya )?(?:lo )?tengo decidido|(?:ya )?(?:tome|he tomado) (?:la|mi) decision|(?:ya )?esta decidido|"
        r"(?:la|mi) decision (?:ya )?esta tomada",
        r"(?:nadie|nada) me (?:va a|puede|podra|van a) (?:detener|parar|hacer cambiar de (?:opinion|idea)|convencer)"
        r"(?: esta vez| ahora)?|no me (?:van|vas) a (?:detener|parar)(?: esta vez| ahora)?",
        r"(?:ya )?no (?:voy a|lo voy a|pienso|quiero) (?:intentarlo|intentar|seguir intentando|seguir intentandolo|"
        r"seguir luchando|luchar)(?: mas)?|ya no lo (?:voy a )?intent(?:o|are) mas",
        r"esta vez (?:ya )?no hay (?:vuelta|marcha) atras|esta vez (?:si )?(?:va |es )?de verdad",
        r"(?:ya )?se acabo para mi|(?:ya )?no hay nada que me (?:detenga|pare)|no me voy a (?:echar|hechar) (?:para )?atras",
        r"esta vez no (?:voy a fallar|fallo)|esta vez me (?:voy a asegurar|aseguro) de que (?:funcione|salga bien)",
        r"(?:me siento|estoy) (?:en paz|tranquil[oa]) con (?:mi|la|esta) decision|"
        r"(?:ya )?lo decidi y (?:me siento|estoy) (?:tranquil[oa]|en paz)",
        # English decisions, which may stand beside a time or a plan as a clause of their own ("i've
        # decided, it's happening this weekend").
        # ("i've made my decision" alone is read only after earlier risk: test_screening_probes.)
        r"i have (?:decided|made my choice|made up my mind)(?: now| already)?",
    ),
    # Session 16: a plan said without the words -- the place, the day, the time chosen, when and how
    # known, everything ready for a time ("i've picked the place", "ya sé cómo y cuándo", "tengo todo
    # listo para el viernes"). "i've picked the place for the party" has more to it and stays out.
    "plan": (
        r"(?:i )?(?:have |have already |already |just |finally )?(?:picked|chosen|chose|found|decided on|settled on|set) "
        r"(?:the|a|my) (?:place|spot|date|day|time|way|method|night|hour)(?: already| now)?",
        _KNOW_HOW_WHEN,
        r"(?:i )?(?:have )?(?:wrote|written) down the (?:time|date|day|place)",
        _DATE_SET,
        r"(?:i )?(?:have )?(?:got )?(?:it|everything) (?:all )?(?:planned|planned out|figured out|worked out)"
        r"(?: now| already)?|i have a plan(?: now)?",
        rf"(?:everything|it all|it) is (?:all )?(?:ready|set|planned|arranged|in place|set up|prepared) for {_WHEN}",
        rf"i have (?:everything|it all) (?:ready|set|set up|planned|prepared) for {_WHEN}",
        r"(?:it|everything) is (?:all )?(?:planned|planned out|figured out|worked out)|i have planned (?:everything|it all)"
        r"(?: out)?",
        r"i (?:already )?(?:know|have|picked|chose) (?:the|a) (?:place|time|date|day) and (?:the|a) (?:place|time|date|day|"
        r"method|way)",
        r"i (?:have )?set the time (?:for|at) (?:\d+(?: ?(?:am|pm))?|midnight|dawn|sunrise)",
        r"i (?:already |now )?know exactly (?:when|how|where)(?: (?:and|&) (?:when|how|where))?",
        r"(?:i )?(?:have )?(?:chosen|picked|decided|figured out|worked out) (?:how|when|where)(?: and (?:how|when|where))?",
        r"i (?:just |only )?need the right (?:moment|time|day|night)(?: now)?",
        r"i (?:have )?(?:worked out|figured out|got|planned) the (?:when|how|where) and (?:the )?(?:when|how|where)",
        rf"the plan is (?:set|ready|final|in place)(?: for {_WHEN})?",
        rf"i (?:have )?(?:set|got) (?:everything|it all) (?:up|ready|set up) for {_WHEN}",
        r"(?:everything|it all|it) is (?:all )?(?:in place|set up|arranged|sorted out|taken care of)(?: now| already)?",
        rf"(?:ya )?(?:tengo|esta) todo (?:listo|preparado|planeado|pensado|organizado)(?: para {_CUANDO})?|"
        rf"todo (?:esta|ya esta) (?:listo|preparado|planeado)(?: para {_CUANDO})?",
        # ("ya", a filler, is gone from the start of a clause by now.)
        r"(?:ya )?(?:se|tengo claro|decidi|tengo pensado) (?:(?:como|cuando|donde) y (?:como|cuando|donde)|como "
        r"cuando y donde|cuando como y donde)",
        r"(?:ya )?(?:elegi|escogi|decidi|tengo|encontre) (?:el|la) (?:lugar|sitio|dia|fecha|hora|momento|forma|manera)"
        r"(?: y (?:el|la) (?:lugar|sitio|dia|fecha|hora|forma|manera))?",
    ),
}
# Session 16: emphasis ("de verdad", "fr", "neta") and a bare time ("friday night") that may stand
# beside a statement -- never alone -- and finality too common to count without emphasis or another
# statement ("se acabó, de verdad"; a lone "se acabó" may be a game, a party, a season).
EMPHASIS = (
    r"(?:de verdad|en serio|enserio|de veras|neta|posta|en serio (?:q|que) si|lo digo en serio|va en serio|"
    r"for real|fr|frfr|ngl|tbh|i mean it|i really mean it|no cap|deadass)(?: esta vez| this time)?",
    rf"{_WHEN}(?: night| morning)?(?: before (?:anyone|everyone|they) (?:wakes|wake|gets|get) up)?|"
    rf"(?:esta noche|hoy|manana|el {_DIA}|este {_DIA})",
    r"(?:solo )?(?:espero|falta) (?:a )?que (?:se duerman|se vayan|todos se duerman|se vaya todo el mundo)",
)
WEAK_FINAL = (
    r"(?:ya )?se (?:acabo|termino)(?: todo)?(?: para siempre)?", r"(?:ya )?no mas", r"me rindo(?: para siempre)?",
    r"(?:ya )?(?:estoy|me siento) list[oa]", r"(?:ya )?me (?:canse|harte)(?: de (?:intentar|intentarlo|luchar))?",
    r"i am ready(?: now)?", r"i give up",
)
# Parting words that count only two together ("thank you for everything. goodbye") or beside
# another statement.
WEAK_FAREWELL = (
    r"(?:goodbye|good bye)(?: everyone| all| guys)?", r"i love you all|love you all|(?:i )?love you(?: guys)?",
    r"(?:thank you|thanks) for everything", r"(?:i am )?sorry for everything", r"(?:please )?forgive me",
    r"i am (?:so )?sorry",
    r"remember me", r"adios(?: a todos)?", r"los quiero(?: a todos| mucho)?", r"gracias por todo",
    r"perdon(?:en)? por todo", r"perdonenme", r"recuerdenme",
)

# Session 17: a plan or a time said without the words, which counts only beside a time or another
# statement ("i've got everything i need. tonight", "friday. that's when."): alone "i've got everything
# i need" is shopping and "that's when" an answer.
WEAK_PLAN = (
    r"i (?:have )?(?:got )?everything i need(?: now)?",
    r"i (?:have )?(?:got )?enough (?:saved|saved up|stashed|stashed away|put away|now)(?: now)?",
)
WEAK_TIME = (
    r"that is (?:when|the day|the night)(?: it (?:happens|ends)| i (?:do|will do|am doing) it)?",
)
# "it's tonight" names its own time; it counts beside a goodbye or another statement ("love you guys.
# it's tonight.").
WEAK_TIME_SELF = (
    r"it is (?:tonight|today|this weekend)",
)

# Session 19 (lead): the English goodbyes, plans and times that say what they are about -- "this is
# goodbye", "goodbye forever", "i've said my goodbyes", "i know exactly how and when", "i've picked the
# date", "tonight's the night", "i'm doing it tonight" -- are ``high`` alone (see :func:`strong`): the
# issue counts them among the crisis messages to hold and answer at once.  The means alone ("i bought a
# rope today"), the place alone, finality ("not long now", "i'm at peace"), what a sign-off may also say
# ("i just wanted to say goodbye", "don't look for me") and the Spanish statements, which the Spanish
# rubric reads as moderate alone, stay ``moderate``.
STRONG = (
    r"this is (?:goodbye|good bye|farewell|my goodbye|my final goodbye|my last goodbye|my last message|my last post|"
    r"my last text|the last time you will hear from me)",
    r"(?:goodbye|good bye|bye) (?:forever|for good|for ever|cruel world|everyone forever)|goodnight forever|"
    r"good night forever",
    r"it was nice knowing (?:you|you all|everyone|y'all|all of you)",
    _NOT_HERE,
    _SAID_GOODBYES,
    r"(?:signing|logging) off for the (?:last|final) time",
    _SAID_ALL,
    r"(?:(?:you|you all|y'all) (?:will not|will never|are not going to)|(?:nobody|no one|none of you) (?:will|is "
    r"going to|will ever)) hear from me (?:again|anymore|any more|ever again)",
    # Plans.
    r"(?:i )?(?:have |have already |already |just |finally )?(?:picked|chosen|chose|decided on|settled on|set) "
    r"(?:the|a|my) (?:place|spot|date|day|time|way|method|night|hour)(?: already| now)?",
    _KNOW_HOW_WHEN,
    _DATE_SET,
    r"the plan is (?:set|ready|final|in place)",
    # Times that name the deed.
    r"(?:tonight|today|this) is the (?:night|day)|the (?:day|night|time) has come",
    r"(?:i am )?doing it (?:tonight|today|tomorrow)|i (?:will|am going to) do it (?:tonight|today|tomorrow)",
    r"it (?:happens|is happening) tonight|tonight it happens",
    r"(?:tonight|today|this) is my last (?:night|day)",
)


def strong(text: str, span: tuple[int, int]) -> bool:
    """Whether the statement at ``span`` of ``text`` is one of :data:`STRONG` (filler and punctuation
    aside, contractions expanded as the statements read them)."""
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(_fold(text[span[0]:span[1]]))
             if m.group() not in _PUNCT and m.group()[0].isalnum()]
    _strip_edges(words)
    plain = " ".join(w for w, _, _ in words)
    for rx, repl in _compiled()[2]:
        plain = rx.sub(repl, plain)
    return bool(_strong_rx().fullmatch(plain))


@cache
def _strong_rx() -> re.Pattern[str]:
    return rxcache.compile("(?:" + "|".join(STRONG) + ")")


# Despair that may stand beside a whole-message statement ("make it stop, i can't anymore. i just want
# it to end", "so tired. tonight's the night"), and says nothing without one.
COMPANION = (
    r"(?:please )?make (?:it|this|the pain|everything) (?:all )?stop(?: please)?",
    r"i (?:can'?t|cannot|can not) (?:anymore|do this anymore|take it anymore|take this anymore|do it anymore)",
    r"(?:i am )?(?:so |really |very |just )?(?:tired|exhausted|done|drained|numb)", r"please",
    r"ya no (?:puedo|aguanto)(?: mas)?", r"no (?:puedo|aguanto) mas", r"(?:que|haz que) pare(?: ya)?",
    r"estoy (?:muy )?(?:cansad[oa]|agotad[oa])",
)

# ("tonights the night", "thats it": the apostrophe is often left out; session 18.)
_EXPAND = (
    (r"\bi'?m\b", "i am"), (r"\bi'?ve\b", "i have"), (r"\bi'll\b", "i will"), (r"\bi'?d\b", "i would"),
    (r"\bit'?s\b", "it is"), (r"\b(tonight|today|tomorrow|that|there|everything|everyone|everybody)'?s\b|\b(this)'s\b",
                                       r"\1\2 is"),
    (r"\bwon'?t\b", "will not"), (r"\bgonna\b", "going to"), (r"\bwanna\b", "want to"), (r"\bu\b", "you"),
    (r"\b(?:2nite|tonite|2night)\b", "tonight"), (r"\b(?:2day)\b", "today"),
    (r"\b(?:2morrow|tmrw|tmr|tomoz|tmrrw)\b", "tomorrow"), (r"\brn\b", "right now"), (r"\bya'll\b", "y'all"),
    (r"\bive\b", "i have"),
)

# Session 18: Spanish chat spellings the statements are written without ("buenas noches pa siempre",
# "los kiero mucho", "toy en el puente").
_EXPAND += ((r"\bpa\b", "para"), (r"\b(?:kiero|qiero|kero)\b", "quiero"), (r"\b(?:q|ke)\b", "que"),
            (r"\b(?:toy|stoy)\b", "estoy"))


@cache
def _compiled() -> tuple[list[tuple[str, re.Pattern[str]]], re.Pattern[str], list[tuple[re.Pattern[str], str]],
                         re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                         re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    statements = [(construct, rxcache.compile("(?:" + "|".join(rxs) + ")")) for construct, rxs in STATEMENTS.items()]
    weak = rxcache.compile("(?:" + "|".join(WEAK_FAREWELL) + ")")
    companion = rxcache.compile("(?:" + "|".join(COMPANION) + ")")
    expand = [(rxcache.compile(a), b) for a, b in _EXPAND]
    emphasis = rxcache.compile("(?:" + "|".join(EMPHASIS) + ")")
    weak_final = rxcache.compile("(?:" + "|".join(WEAK_FINAL) + ")")
    return (statements, weak, expand, rxcache.compile("|".join(a for a, _b in _EXPAND)), companion, emphasis,
            weak_final, rxcache.compile(EMPHASIS[1]), rxcache.compile("(?:" + "|".join(WEAK_PLAN) + ")"),
            rxcache.compile("(?:" + "|".join(WEAK_TIME) + ")"), rxcache.compile("(?:" + "|".join(WEAK_TIME_SELF) + ")"))


def _fold_char(low: str) -> str:
    if low in "’‘`´":
        return "'"
    if ord(low) > 127 and low.isalpha():
        base = unicodedata.normalize("NFD", low)[0]
        if base.isascii():
            return base
    return low


# Latin letters with accents (and the apostrophes), folded once: ``str.translate`` does a whole
# message in one call where a loop over its characters took about 16 us for a Spanish message.
_LATIN = "\u00c0-\u024f\u1e00-\u1eff"
_FOLD_TABLE = {i: _fold_char(chr(i)) for r in ((0xC0, 0x250), (0x1E00, 0x1F00)) for i in range(*r)}
_FOLD_TABLE.update({ord(c): "'" for c in "’‘`´"})
_NOT_COVERED = re.compile(f"[^\\x00-\\x7f{_LATIN}’‘´]")


def _fold(text: str) -> str:
    """Lower case, accents gone, curly apostrophes straight -- one character for one character, so
    offsets into the result are offsets into ``text``."""
    if text.isascii():  # most messages: lower case is one for one, nothing else to fold
        return text.lower().replace("`", "'")
    low = text.lower()
    if len(low) == len(text) and not _NOT_COVERED.search(text):
        return low.translate(_FOLD_TABLE)
    out = []
    for c in text:
        low = c.lower()
        out.append(_fold_char(low if len(low) == 1 else c))
    return "".join(out)


_SEGMENT = re.compile(r"[^.,;:\n…]+")
_CLAUSE_MARKS = frozenset(".,;:…")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*|'|[^\sa-z0-9]")
_PUNCT = frozenset("'-–—()[]*~_/\\&+")
_WORDY = re.compile(r"\S*?[^\W_]\S*")


def plain_tone(text: str) -> bool:
    """Whether ``text`` is told plainly: no question, exclamation or quotation mark, laugh, or emoji
    other than a sad one -- the same tests :func:`statements` applies. The English rules read a
    whole message of finality ("no turning back now") only when it is (session 16: "you can't stop me
    😂", "the decision is made 🎉", "nobody can stop me now!" are excitement or a joke)."""
    folded = _fold(text)
    if any(c in folded for c in "?¿!¡\"“”«»"):
        return False
    for m in _TOKEN.finditer(folded):
        tok = m.group()
        if tok in _PUNCT or tok in _IGNORED or tok in _CLAUSE_MARKS:
            continue
        if not tok[0].isalnum():
            if tok in SAD_EMOJI:
                continue
            return False
        if tok in JOKE or _JOKE_RX.match(tok):
            return False
    return True


def _strip_edges(words: list[tuple[str, int, int]]) -> None:
    """Take the filler, Spanish greetings, hedges and words of address off both ends of a clause."""
    while words:
        first = words[0][0]
        if first in FILLER or first in FILLER_ES or (first in ADDRESS and (len(words) == 1 or words[1][0] not in ADDRESS)
                                                     and _is_address([first], 0)):
            words.pop(0)
        elif len(words) >= 2 and (first, words[1][0]) in HEDGES_ES:
            del words[:2]
        else:
            break
    while words:
        last = words[-1][0]
        if last in FILLER or last in FILLER_ES or (last in ADDRESS
                                                   and _is_address([w for w, _, _ in words], len(words) - 1)):
            words.pop()
        elif len(words) >= 2 and (words[-2][0], last) in HEDGES_ES:
            del words[-2:]
        else:
            break


@cache
def _any_kind() -> re.Pattern[str]:
    """Every statement, parting word, emphasis and filler pattern in one: a clause none of them reads in
    full is passed over with one match instead of a dozen (session 18: ``_split`` tries many clauses)."""
    alternatives = [rx for rxs in STATEMENTS.values() for rx in rxs]
    for group in (WEAK_FAREWELL, COMPANION, EMPHASIS, WEAK_PLAN, WEAK_TIME, WEAK_TIME_SELF, WEAK_FINAL):
        alternatives.extend(group)
    return rxcache.compile("(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")")


def _kind(words: list[tuple[str, int, int]], rxs: tuple) -> tuple[str, str, str] | None:
    """What a clause (its words, filler taken off) is: ``(kind, construct, plain)``, or None when it is
    not one of the statements, parting words, emphasis or filler this module reads."""
    (statements_rx, weak_rx, expand, any_expand, companion_rx, emphasis_rx, weak_final_rx, _time_rx, weak_plan_rx,
     weak_time_rx, weak_time_self_rx) = rxs
    plain = " ".join(w for w, _, _ in words)
    if any_expand.search(plain):  # else no expansion applies, nor could one after another
        for rx, repl in expand:
            plain = rx.sub(repl, plain)
    if plain != "esta" and not _any_kind().fullmatch(plain):
        return None
    for construct, rx in statements_rx:
        if rx.fullmatch(plain):
            return ("statement", construct, plain)
    if plain == "esta":
        return ("skip", "", plain)  # "ya está, lo decidí ..." ("ya" is a filler): says nothing of its own
    for kind, rx in (("weak", weak_rx), ("companion", companion_rx), ("emphasis", emphasis_rx),
                     ("weak_plan", weak_plan_rx), ("weak_time", weak_time_rx), ("weak_time_self", weak_time_self_rx),
                     ("weak_final", weak_final_rx)):
        if rx.fullmatch(plain):
            return (kind, "", plain)
    return None


def _split(words: list[tuple[str, int, int]], rxs: tuple) -> list[tuple[list, tuple[str, str, str]]] | None:
    """``words`` cut into the fewest clauses that each are a statement, parting words, emphasis or filler
    (:func:`_kind`), or None (session 18: a message written without punctuation)."""
    n = len(words)
    if n < 2:
        return None
    best: dict[int, list] = {0: []}
    for end in range(1, n + 1):
        for start in range(end):
            if start not in best or (end in best and len(best[start]) + 1 >= len(best[end])):
                continue
            part = list(words[start:end])
            _strip_edges(part)
            kind = _kind(part, rxs) if part else ("skip", "", "")
            if kind is not None:
                best[end] = best[start] + ([(part, kind)] if part and kind[0] != "skip" else [])
    got = best.get(n)
    return got if got else None


def statements(text: str) -> list[tuple[str, tuple[int, int]]]:
    """The bare statements that make up the whole of ``text`` (construct, span), or [] when the text
    holds anything else (see the module docstring)."""
    if not text or len(text) > 300:
        return []
    if text.count(" ") >= MAX_WORDS and len(_WORDY.findall(text)) > MAX_WORDS:
        return []  # most messages: every run of characters with a letter or digit in it is a word or more
    folded = _fold(text)
    if any(c in folded for c in "?¿!¡\"“”«»"):
        return []
    rxs = _compiled()
    time_rx = rxs[7]
    weak_time_self: list[tuple[int, int]] = []
    own_times: list[tuple[int, int]] = []
    times: list[tuple[int, int]] = []
    weak_plan: list[tuple[int, int]] = []
    weak_time: list[tuple[int, int]] = []
    n_words = 0
    companions = emphasised = 0
    weak_final: list[tuple[int, int]] = []
    found: list[tuple[str, tuple[int, int]]] = []
    weak: list[tuple[int, int]] = []
    for seg in _SEGMENT.finditer(folded):
        words: list[tuple[str, int, int]] = []
        for m in _TOKEN.finditer(seg.group()):
            tok = m.group()
            if tok in _PUNCT or tok in _IGNORED:
                continue
            if not tok[0].isalnum():
                if tok in SAD_EMOJI:
                    continue
                return []  # another symbol or emoji: a party, a joke, a picture of something else
            if tok in JOKE or _JOKE_RX.match(tok):
                return []
            words.append((tok, seg.start() + m.start(), seg.start() + m.end()))
        n_words += len(words)
        if n_words > MAX_WORDS:
            return []
        _strip_edges(words)
        if not words:
            continue
        pieces = [(words, _kind(words, rxs))]
        if pieces[0][1] is None:
            # Session 18: statements run together without their punctuation ("ya no más se acabó para
            # siempre", "me rindo esta vez de verdad"): the clause is read as the statements it is made
            # of, each of which must be one as if it stood alone.
            pieces = _split(words, rxs)
            if pieces is None:
                return []  # a clause of something else: the message is about that
        for part, (kind, construct, plain) in pieces:
            span = (part[0][1], part[-1][2])
            if kind == "statement":
                found.append((construct, span))
                if construct == "farewell" and time_rx.search(plain):
                    own_times.append(span)  # "it ends tonight": a goodbye with its time (session 17)
            elif kind == "weak":
                weak.append(span)
            elif kind == "companion":
                companions += 1
            elif kind == "emphasis":
                emphasised += 1
                if time_rx.fullmatch(plain):
                    times.append(span)
            elif kind == "weak_plan":
                weak_plan.append(span)
            elif kind == "weak_time":
                weak_time.append(span)
            elif kind == "weak_time_self":
                weak_time_self.append(span)
            elif kind == "weak_final":
                weak_final.append(span)
    # Session 17: a goodbye with "tonight" ("love you all. tonight") is a farewell with its time; with
    # "tomorrow" or a weekday it is how a chat is signed off ("bye guys, tomorrow then").
    tonight = [sp for sp in times if folded[sp[0]:sp[1]] in ("tonight", "tonite", "2nite", "right now")]
    if len(weak) >= 2 or (weak and (found or tonight or weak_time_self)):
        found.append(("farewell", (weak[0][0], weak[-1][1])))
    # Session 17: "i've got everything i need" with a time or beside another statement is a plan, "that's
    # when" with a time a time; a time beside a plan or a goodbye is recorded, which makes it high.
    if weak_plan and (found or times):
        found.extend(("plan", span) for span in weak_plan)
    if weak_time and times:
        found.extend(("timing", span) for span in weak_time)
    if weak_time_self and found:
        found.extend(("timing", span) for span in weak_time_self)
    if own_times and len(found) >= 2:
        # A goodbye that names its time, beside another goodbye ("i love you all. it ends tonight"); alone
        # ("it ends tonight") it may be a season finale and stays moderate.
        found.extend(("timing", span) for span in own_times)
    if times and any(c in ("plan", "farewell") for c, _ in found):
        found.extend(("timing", span) for span in times)
    if weak_final and (found or emphasised or len(weak_final) >= 2):
        found.extend(("intensity", span) for span in weak_final)
    if not found:
        # Session 18: despair said beside any statement ("so tired. i'm on the roof", "estoy cansada. estoy
        # en el puente") keeps it whole -- it was read only beside a wish for it to be over, and a sentence
        # of tiredness in front took "i'm on the roof" or "tonight's the night" below moderate; it is
        # checked after the parting words and finality are counted ("estoy cansada. se acabó. ya no más").
        # Beside nothing but a single parting word, emphasis or filler it says nothing.
        return []
    return found
