"""Conversation-level assessment: a new message read with the same person's earlier messages.

Some risk only shows across turns (issue #14):

* it builds: "I've been giving my things away" ... "I won't need them where I'm going";
* a disclosure is taken back: "I want to die" ... "lol jk" / "forget I said that" /
  "olvídalo, era broma" -- a minimisation never lowers what was disclosed;
* a plan in one turn, the means or the time in another: "I've worked out how" ... "saturday,
  when everyone is at the wedding";
* a goodbye after hopelessness: "nothing will ever get better" ... "thank you for everything".

Three readings are compared: the new message alone, the earlier messages together
(``before``) and all of them together.  The joined reading raises the new message when the new
message carries part of the evidence (a phrase the rules match in it, a model leaning towards
crisis on it, supporting evidence).  On top of that the new message is looked at for a few
*conversation cues* -- words that mean little on their own but go on with what was said before:
a minimisation, a goodbye or a word of finality, a preparation, a time, the means, "going there".
They count only when the earlier messages already hold risk of the person's own (not grief for
someone else, not a quoted or past thought), or a preparation, so a stressful conversation about
exams or a joke thread with no such risk is never raised by them.  A message that says how the
person is keeping safe ("I talked to my sister, I have an appointment tomorrow") is never raised.

The cues are read here and nowhere else: the rules (:mod:`.engine`, :mod:`.es`) judge single
texts, where "thanks for everything" or "el sábado" are nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from . import es as es_rules
from . import rxcache
from . import text as text_rules
from .bare import MODIFIER as BARE_MODIFIER
from .engine import LABELS
from .engine import assess as rules_assess
from .result import LEVELS, Reason, Screening, score_for

LABELS.setdefault("conversation", "Risk shows across this person's recent messages")

NONE_, LOW, MOD, HIGH, IMM = range(5)
# The new message "carries part of the risk" for the joined reading when the rules match
# something in it that is not negated, past, hypothetical, quoted or about someone else, or
# when a model's probability on it alone reaches this share of that model's raise threshold;
# and only when the messages together say more than the earlier ones did on their own.
CONTRIBUTES = 1.0
# A minimisation is a message that takes back what came before and says little else: at most
# this many words beyond the minimisation itself and filler ("lol jk" yes, "lol jk we won" no).
RESIDUE_WORDS = 2
DISCOUNTING = frozenset({"negated", "past", "hypothetical", "quoted", "third_person"})
# Reasons that only support others: a time word or a means mention in the new message does not
# by itself continue what the earlier messages said.
SUPPORT = frozenset({"timing", "lethal_means", "suicide_mention", "help_seeking"})
# Reasons that are not the person's own risk: someone else's death or safety, a remark aimed at
# someone, a mention of a crisis line, the language note.
NOT_OWN = frozenset({"third_person_concern", "suicide_exposure", "directed_at_others", "help_seeking",
                     "suicide_mention", "unsupported_language", "conversation"})


def _rx(*alternatives: str) -> re.Pattern[str]:
    """Alternatives matched as whole words in the normalised text (see :func:`normalise`)."""
    return rxcache.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])")


_I = r"(?:i'?m|i am)"
_WILL = r"(?:i'?ll|i will|i'?m (?:going to|gonna))"
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DIA = r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)"

# Taking back what was said.
RETRACT = _rx(
    r"j/?k", r"jks", r"just (?:kidding|joking|messing(?: around)?)",
    r"(?:i was|i'?m|was|only) (?:just )?(?:kidding|joking)",
    r"(?:it was|that was|it'?s|that'?s) (?:just )?a joke", r"didn'?t mean (?:it|that)",
    r"forget (?:what )?i said(?: it| that| anything)?", r"forget (?:it|that|about it)", r"nvm",
    r"never ?mind",
    r"ignore (?:me|that|what i said|my last messages?|all that)",
    r"(?:it'?s|its) (?:nothing|fine|ok|okay|whatever)",
    r"don'?t (?:worry|mind me)(?: about (?:it|me|that))?", r"dont worry", r"no worries", r"not serious",
    rf"{_I} (?:fine|ok|okay|good|alright|all right)(?: now| really| actually)?", r"all good", r"no big deal",
    r"doesn'?t matter", r"(?:just )?being (?:dramatic|stupid|silly)", r"pretend i didn'?t say",
    r"shouldn'?t have said (?:that|anything)", r"just venting",
    r"(?:it'?s )?not (?:a|that) big (?:of a )?deal", r"overreacting", r"(?:it'?s )?not that bad",
    # Spanish (accents stripped)
    r"(?<!no )(?:es|era|fue) (?:una )?(?:broma|joda|cona|cotorreo)", r"(?<!no )(?:es|era|fue) (?:un )?chiste",
    r"bromeaba", r"(?<!no )estaba bromeando", r"mentiras?", r"no (?:era|es|lo dije) en serio", r"olvida(?:lo|te)",
    r"olvida lo que dije", r"olvidate de lo que dije", r"no me (?:hagas|hagan|pelen) caso", r"ni caso",
    r"ignorame",
    r"ignora lo que dije", r"(?:no es|no fue) nada", r"no pasa (?:nada|na)", r"no te preocupes",
    r"no se preocupen", r"(?:ya )?estoy bien(?: ya)?", r"todo bien", r"no importa", r"exagerando", r"exagere",
    r"no es para tanto",
)
# Words that may stand next to a minimisation without making it a message about something else.
FILLER = frozenset("""lol lmao lmfao rofl haha hahaha hehe xd ok okay k kk yeah yea ya so um uh anyway
    anyways whatever seriously really honestly now sorry just i me it that all good fine im actually totally
    like oh ah jaja jajaja jeje bueno pues nada ya en serio perdon perdona tranqui tranquilo tranquila todo
    igual si no de verdad bien y and but the a""".split())
# Keeping safe: someone told, a professional, the means handed over, a plan to stay safe.
PROTECT = _rx(
    rf"{_I} safe", r"i (?:'?ve |have )?(?:talked|spoke|spoken) (?:to|with)",
    r"i (?:'?ve |have )?told (?:my|a) \w+",
    r"(?:i )?called (?:the|a|my) (?:crisis|help|hot|suicide|support)", r"called (?:988|911|999|112)",
    r"(?:crisis|help|hot)line", r"appointment", r"therap(?:ist|y)", r"counsel+or", r"psychiatrist",
    r"safety plan", r"(?:get|getting|ask for|asking for|reach out for|find) (?:some )?help",
    r"not going to (?:do|hurt|take)", r"won'?t (?:do|hurt|take) (?:it|anything|myself|them)",
    r"(?:gave|handed|given) (?:them|it|(?:the|my) (?:pills|meds|tablets|gun|rifle|knife|knives|blades|"
    r"razors?|rope|keys)) (?:to|over|away)", r"(?<!soon )i'?ll be (?:ok|okay|fine|alright)", r"i'?ll survive",
    # Spanish
    r"(?:estoy|me siento) a salvo", r"hable con", r"(?:le )?conte a", r"llame a", r"linea de",
    r"cita", r"terapia", r"terapeuta", r"psicolog[oa]", r"psiquiatra", r"plan de seguridad",
    r"se (?:las|los|la|lo) di", r"no me voy a (?:hacer|tomar|matar)", r"(?<!pronto )voy a estar bien",
    r"(?:pedir|pedi|buscar|busque) ayuda",
    # Session 16: about to call or talk to someone who helps.
    r"(?:voy a|ahorita|ahora) (?:llamar|marcar|hablar con|escribir) (?:a )?(?:mi|la|el) (?:herman[oa]|mama|papa|madre|"
    r"padre|amig[oa]|novi[oa]|pareja|terapeuta|psicolog[oa]|psiquiatra|doctor|doctora|medic[oa]|linea)"
    r"(?! para despedirme)(?! a despedirme)",
    r"(?:i'?ll|i will|i'?m (?:going to|gonna)|gonna|going to) (?:call|text|talk to|ring) (?:my|the) (?:sister|brother|"
    r"mom|mum|mother|dad|father|friend|partner|therapist|counsel+or|doctor|gp|crisis line|hotline)"
    r"(?! (?:to|and) say (?:goodbye|bye))",
    # Session 16: better now, a year on ("hoy cumplo un año de estar mejor", "two years clean").
    r"(?:i'?m|i am) (?:doing |feeling )?(?:so |much |a lot |way |so much )?better(?: now| these days)?(?! off)(?! without)",
    r"(?:one|two|three|four|five|a|\d+) (?:years?|months?) (?:better|clean|sober|self ?harm free)",
    r"(?:estoy|me siento|sigo|ando) (?:mucho |bastante |muchisimo )?mejor(?! sin)",
    r"(?:un|dos|tres|cuatro|cinco|\d+) (?:anos?|meses) (?:de estar (?:mejor|bien)|limpi[oa]s?|sobri[oa]s?|sin (?:cortarme|hacerme dano))",
)
# A goodbye, or a word of finality.  Strong ones say what is to come; soft ones are ordinary
# words of thanks or parting that read differently after despair.
FINAL_STRONG = _rx(
    r"where (?:i'?m|i am) going", r"(?:when|after|once) (?:i'?m|i am) gone", r"when i'?m not (?:here|around)",
    r"(?:when|after|once) (?:it'?s|it is) (?:over|done)", r"(?:it'?ll|it will) (?:all )?be over(?: soon)?",
    r"won'?t be (?:around|here|a problem|a burden)", r"(?:much|any) longer", r"see you on the other side",
    r"nothing left for me", r"(?:rest|sleep)(?: \w+){0,6} forever",
    # Session 23: "goodnight everyone, been nice knowing u all" (a sign-off does not make it ordinary).
    r"(?:it'?s |its |it has )?been (?:nice|good|great|lovely) knowing (?:you|u|ya|y'?all)(?: all| guys)?",
    r"fue (?:lindo|bonito|un gusto|un placer) conocer(?:los|las|te|les|os)\b",
    r"won'?t be (?:coming )?back$",
    r"won'?t (?:need|be needing) (?:it|them|any of (?:it|this|that|them)|anything|my \w+)"
    r"(?: anymore| after| where|$)",
    r"won'?t matter(?: anyway| anymore| soon)?", r"(?:doesn'?t|does not) matter any ?more",
    r"nothing matters any ?more", r"won'?t (?:hear from|see) me again",
    r"(?:you'?ll|you will) never (?:hear|see)",
    r"(?:nobody|no one|noone) (?:will|'ll) (?:have to|need to) (?:worry|deal|bother|clean)",
    r"won'?t have to (?:worry|deal) (?:about|with) me",
    r"(?:look after|take care of|feed) my (?:cat|dog|pet|kids)",
    r"(?:they'?ll|they will|someone will|he'?ll|she'?ll) find (?:them|it|me|the \w+)",
    r"last (?:time|message|thing) (?:you'?ll|you will)",
    r"(?:already )?said (?:my )?goodbyes?(?: to (?:everyone|everybody|my \w+))?(?! at)",
    r"won'?t (?:bother|trouble) (?:you|anyone|anybody|you all)(?: anymore| much longer| again| for long)",
    r"(?:won'?t|don'?t|will never) have to (?:put up with|deal with|worry about) me(?: anymore| again)?",
    r"don'?t (?:come )?(?:look|looking) for me", r"better off without me", r"(?:all|everything(?:'?s| is)?) (?:sorted|in order|"
    r"taken care of)", r"it'?s all sorted", r"one last (?:time|look|thing)", r"made (?:my )?peace",
    # Spanish
    r"donde voy", r"(?:cuando|despues de que|una vez que) ya no (?:este|exista)",
    r"cuando me (?:haya ido|vaya)",
    r"cuando (?:ya )?(?:todo )?(?:se acabe|termine)", r"ya no (?:voy a estar|estare)(?! (?:en|de|con|para|por) )",
    r"para siempre",
    r"ya no (?:las|los|lo|la|me) (?:voy a necesitar|necesito|necesitare)(?: (?:mas|nunca mas|donde voy)|$)",
    r"ya no importa", r"nada importa ya",
    # Session 16: don't wait for me; this is as far as I go.
    r"no me esperen(?: despiert[oa]s| mas| nunca)?$", r"don'?t wait (?:up )?for me$", r"hasta aqui llegue$",
    r"this is as far as i go$",
    # Session 16: tomorrow does not matter (no future to face).
    r"(?:ya )?manana (?:ya )?no importa(?: nada)?", r"(?:ya )?no importa (?:lo de )?manana",
    r"tomorrow (?:doesn'?t|does not|won'?t|will not) matter", r"no me (?:van|vas) a (?:volver a ver|ver mas)",
    r"(?:nadie|ya nadie) (?:va a tener|tendra) que", r"(?:las|los|lo|la|me) van a encontrar",
    r"ya no (?:van|vas) a tener que preocupar(?:se|te|os)?", r"(?:cuiden|cuida|cuidame) (?:a )?mi (?:perro|gato|mascota)",
    r"ya no (?:voy a ser|sere) un (?:problema|estorbo|carga)", r"todo en orden", r"ya esta todo",
    r"de una vez(?: por todas)?", r"no despertar", r"la ultima vez", r"ultimo mensaje", r"del otro lado",
    r"(?:esta es )?mi despedida", r"me despido", r"no me queda nada",
    r"(?:descansar|dormir)(?: \w+){0,4} para siempre",
    r"ya no (?:vuelvo|voy a volver)$", r"(?:i'?m )?not coming back$",
    # Peace or rest to come, after what came before: the calm of a decision.
    r"(?:pronto|por fin|finalmente|ya) (?:voy a )?(?:estar en paz|descansar)(?! un rato| el finde| unos dias)",
    r"ya no voy a sufrir(?: mas)?", r"(?:soon|finally|at last) (?:i'?ll|i will|i can) (?:be at peace|rest|be free)",
    r"no more pain soon", r"won'?t (?:hurt|suffer) (?:anymore|much longer|for much longer)",
    r"(?:soon|pretty soon) i'?ll be (?:ok|okay|fine|alright)", r"pronto voy a estar bien",
    r"(?:ya )?me despedi de (?:todos|todo el mundo|mi \w+|mis \w+)", r"hasta nunca",
    r"ya no (?:les|te|los|las) (?:voy a|vuelvo a) molestar", r"no (?:les|te) voy a molestar mas",
    r"ya no me (?:busquen|busques)", r"(?:van|vas|estaran|estarias) a estar mejor sin mi",
    # Session 10.
    r"(?:ya )?no (?:les |te |os )?voy a (?:molestar|estorbar)(?: a nadie)?(?: mas| nunca mas)?",
    r"si no (?:contesto|respondo|aparezco|escribo)(?: \w+){0,3} ya (?:saben|sabes|sabran|sabras) (?:por que|porque)",
    r"if i (?:don'?t|do not) (?:answer|reply|respond|show up|text back)(?: \w+){0,3} (?:you'?ll|you will) know why",
    r"(?:won'?t|will not) (?:bother|trouble) (?:anyone|anybody|you) (?:anymore|any more|soon)",
    r"(?:estan|estaran|estarian) mejor sin mi",
    # Session 11: no more worrying, said without "about me"; the Spanish future.
    r"(?:you|you all|nobody|no one|everyone) (?:won'?t|will not|will never) have to worry (?:anymore|any more|again|"
    r"soon|much longer)", r"(?:ya )?no (?:tendran|tendras|tendreis) que preocupar(?:se|te|os)(?: por mi)?",
    # Session 20: "no la voy a necesitar" (as "won't be needing it").
    r"^(?:y )?(?:ya )?no (?:la|lo|las|los) voy a (?:necesitar|usar)(?: mas| ya| nunca mas| donde voy)?$",
    r"^(?:y )?(?:ya )?no me (?:va|van) a hacer falta(?: ya| donde voy)?$",
    r"(?:pronto )?(?:ya )?no (?:tendran|van a tener|tendras|vas a tener) que (?:aguantarme|soportarme|cargar conmigo|"
    r"lidiar conmigo|verme)(?: mas| nunca mas)?$",
    r"(?:(?:after tonight|after today|soon|tomorrow) )?(?:they|you|you all|everyone) (?:won'?t|will not|will never) "
    r"(?:have|need) to (?:put up with|deal with|carry|see|look at|worry about) me(?: again| anymore| any more)?$",
    # A kiss sent through someone; the last day said as the whole message.
    r"(?:mandale|mandales|dale|dales|dile|diganle|denle) (?:un beso|un abrazo|besos|abrazos) a (?:mi|mis) \w+"
    r"(?: de mi parte)?$", r"(?:give|send) my love to (?:my \w+|everyone|them all)$",
    r"^(?:hoy|manana|este|esta noche) (?:va a ser|es|sera) mi ultimo dia$",
    r"(?:ni )?(?:me )?van a (?:buscar(?:me)?|notar que no estoy)$", r"(?:nobody|no one|they) (?:won'?t|will not) (?:even )?"
    r"(?:look for me|come looking|notice i'?m gone)$",
)
FINAL_SOFT = _rx(
    r"thanks? (?:you )?for (?:everything|always \w+|all you'?ve done|being there|listening)",
    r"(?:thx|ty|tysm) (?:for|4) everything", r"(?:gracias|grax|grs) (?:x|pr|por) todo",
    r"(?:you'?ve|you have) (?:always )?been (?:so )?good to me",
    r"you (?:were|are) always (?:so )?good to me",
    r"take care(?: of yourself)?(?! of)", r"(?:tell|told) (?:my|her|him|them) \w* ?i lov\w*", r"good ?bye",
    r"bye", r"farewell", r"(?<!taking )(?<!takes )(?<!took )forever", r"for good", r"love you all",
    r"love (?:you|u|ya) (?:guys|both|everyone|everybody)",
    r"nice knowing you", r"sorry for everything", r"forgive me", r"remember me",
    r"gracias por (?:todo|escucharme|siempre \w+|estar)", r"cuidate(?: mucho)?", r"cuidense",
    r"(?:siempre )?(?:fuiste|has sido) (?:muy )?(?:bueno|buena) conmigo", r"adios", r"cha[ou](?: para siempre)?", r"hasta siempre",
    r"los (?:quiero|voy a extranar)(?: a todos| mucho)?", r"perdon(?:en|a)? por todo", r"perdonenme",
    r"recuerdenme", r"diganle", r"fue un (?:gusto|placer) conocer", r"ya esta$",
    # Session 20: "¿me cuidas a mi gato?" (as "can you look after my cat?").
    r"(?:me )?(?:cuidas|cuidarias|puedes cuidar|podrias cuidar|cuiden|cuida|cuidan) (?:a )?(?:mi|mis) (?:gat[oa]s?|"
    r"perr[oa]s?|perrit[oa]s?|gatit[oa]s?|mascotas?|plantas?)(?: por mi)?$",
)
# Of the soft goodbyes, those that close more than a conversation: thanks or sorry for everything,
# love to all, "remember me". "Thanks for listening" and "take care" end a vent; these do not.
THANKS_ALL = _rx(r"thanks? (?:you )?for everything", r"(?:thx|ty|tysm) (?:for|4) everything",
                 r"(?:gracias|grax|grs) (?:x|pr|por) todo", r"sorry for everything", r"forgive me", r"remember me",
                 r"love you all", r"gracias por todo", r"perdon(?:en|a)? por todo", r"perdonenme", r"recuerdenme",
                 r"los quiero(?: a todos| mucho)",
                 # Session 16: a goodbye for always ("me voy a dormir, hasta siempre").
                 r"hasta siempre", r"(?:good ?bye|bye|adios|chao|chau) (?:forever|for good|para siempre)")
# The words that close a vent ("thanks for listening, take care", "gracias por escucharme, cuídate"):
# after despair alone they are not a goodbye, even two together (session 15); after a wish to die
# they still are.
VENT_CLOSE = _rx(r"thanks? (?:you )?for listening", r"take care(?: of yourself)?(?! of)",
                 r"gracias por escucharme", r"cuidate(?: mucho)?", r"cuidense")
# On a roof or a bridge for something ordinary (a view, a party, a repair): not going there to fall.
SCENE = _rx(r"watching", r"fireworks?", r"sunset", r"sunrise", r"stars", r"party", r"bbq", r"barbecue",
            r"picnic", r"drinks", r"beers?", r"smoking", r"(?:the|a) view", r"photos?", r"pictures",
            r"fixing", r"repairing", r"gutters?", r"antenna", r"tanning", r"sunbathing",
            r"viendo", r"mirando (?:los|el|las|la) (?:fuegos|atardecer|amanecer|estrellas|eclipse)", r"fuegos",
            r"atardecer", r"amanecer", r"estrellas", r"fiesta", r"carne asada", r"asado", r"parrillada",
            r"tomando (?:el sol|algo|unas|una|cerveza)", r"fumando", r"fotos", r"arreglando", r"antena")
# Festive marks: a message with them is a celebration, not the moment come ("hoy es el día 🎉").
FESTIVE = re.compile("[\U0001F389\U0001F973\U0001F38A\U0001F382\U0001F37E\U0001F942\U0001F388\U0001F381"
                     "\U0001F3C6\U0001F38F\U0001F386\U0001F387]")
# An ordinary, future-facing sign-off makes a goodbye an ordinary one.
SIGN_OFF = _rx(r"see (?:you|ya|u)(?! on the other)", r"talk (?:to you |to u )?(?:later|tomorrow|soon)",
               r"ttyl", r"catch you", r"until next", r"next (?:week|time|session)", r"nos vemos(?! del otro)",
               r"hasta (?:manana|luego|pronto|el|la)(?! (?:puente|azotea|acantilado|vias|rio|lago|mar|bosque|"
               r"edificio|ultimo piso|techo)\b)", r"hablamos", r"la proxima", r"(?:good ?)?bye for now")
# Session 16: intent said without the words -- "something stupid", "una tontería", getting out of
# everyone's way, everything ready, what was needed bought.  Nothing alone; after despair, or before a
# goodbye, the time or the means, like a preparation.
_VEILED = (
    r"(?:do|doing|try|trying) something (?:stupid|dumb|drastic|crazy|i can'?t take back)",
    r"(?:voy a|pensando en|ganas de|tentad[oa] de|a punto de|quiero|no quiero) (?:hacer|cometer) "
    r"(?:una |alguna )?(?:tonteria|locura|estupidez|burrada)",
    r"(?:quitarme|quitar|apartarme|hacerme a un lado) (?:del medio|de en medio|de su camino)",
    r"get (?:myself )?out of (?:everyone'?s|everybody'?s|your|their) way(?: for good| forever)?",
    r"(?:i )?(?:have|'ve got|got) everything (?:ready|prepared|set)", r"everything is (?:ready|prepared|set)$",
    r"(?:bought|got) (?:everything |what |all )?(?:i need(?:ed)?|what i need(?:ed)?)",
    r"(?:ya )?tengo todo (?:preparado|listo|planeado)", r"ya esta todo (?:preparado|listo)",
    r"(?:ya )?(?:compre|consegui) (?:todo )?lo que (?:necesitaba|necesito|me hacia falta)",
)
# Getting things in order: giving things away, letters, debts, a pet rehomed, the means put by;
# looking up a method or a place.
PREP = _rx(*_VEILED,
    r"giv(?:e|ing|en) (?:away )?(?:all )?my (?:things|stuff|belongings|clothes)(?: away)?",
    r"gave (?:away )?(?:all )?my (?:things|stuff|belongings|clothes)(?: away)?",
    r"giving (?:my )?(?:things|stuff) away", r"gave my \w+ to", r"found (?:a )?(?:new )?home for my",
    r"(?:wrote|writing|written) (?:a )?letters?", r"(?:paid|paying) off (?:my|all)", r"(?:sold|selling) my",
    r"(?:made|wrote|updated) (?:a |my )?will", r"deleted (?:all )?my (?:accounts|socials|photos)",
    r"(?:cancelled|canceled) (?:all )?my",
    r"(?:saving|saved|stockpiling|hoarding|collecting) (?:up )?(?:them|my (?:pills|meds|tablets|medication))",
    r"(?:wrote|written|writing|left|leaving) (?:a|my|the) (?:suicide )?note",
    r"(?:hiding|hid|hidden|stashed|stashing|stockpiled|stockpiling) (?:away )?(?:some |my |the |a few )?"
    r"(?:pills|meds|tablets|medication|sleeping pills|painkillers)",
    r"(?:pills|meds|tablets|medication|painkillers|bottle) (?:saved|stashed|hidden|put away|set aside)",
    r"(?:got|have) (?:a )?(?:stash|stockpile)",
    r"looked up how (?:many|much|long|high|far)",
    # Session 16: how to do it worked out (after a burden or a wish to die).
    r"(?:been )?(?:planning|thinking about|working out|figuring out) (?:exactly )?how (?:to do it|i'?(?:ll|d|m going to) do it)",
    r"(?:pensando|pensado|planeando|planeado|viendo) (?:en )?(?:como|la forma de) (?:hacerlo|lo voy a hacer|lo haria)", r"how many (?:pills|tablets) (?:it )?(?:would|will) take",
    r"how (?:high|tall|deep) is", r"high enough", r"(?:empty|deserted) at night",
    # Spanish
    r"regal(?:e|ando|ado|o) (?:todas )?(?:mis?|todo)", r"estado regalando", r"(?:le |les )?di mi \w+ a",
    r"(?:escribi|escribiendo|he escrito) (?:unas |las |una )?cartas?", r"pague (?:todas )?mis deudas",
    r"vend(?:i|iendo) mis", r"(?:hice|hago) (?:mi )?testamento", r"borre (?:todas )?mis",
    r"cancele (?:todas )?mis", r"busque (?:cuantas|cuanto|como)",
    r"cuantas pastillas (?:hacen falta|se necesitan)",
    r"dejar todo en orden", r"(?:guardando|juntando|acumulando|guarde|junte) (?:las|mis|todas)",
    r"(?:las|los) (?:he estado|estoy) (?:guardando|juntando|acumulando)", r"que tan alto",
    r"suficientemente alto", r"(?:suele estar|esta) (?:vacio|desierto)",
    r"(?:deje|escribi|dejo|escribo) (?:una|mi|la) nota", r"nota de despedida",
    r"(?:pastillas|medicamentos|medicinas|pastis) (?:guardadas|juntadas|escondidas|acumuladas|ahorradas)",
    r"(?:guardadas|juntadas|escondidas|acumuladas|ahorradas) (?:las|mis|unas) (?:pastillas|medicinas|pastis)",
    r"(?:ahorrando|escondiendo|escondi|guardando|juntando) (?:las |mis |unas )?(?:pastillas|medicinas|pastis)",
    # Session 10: stocking up at the pharmacy, a pet left with someone.
    *(_STOCK_UP := (
        r"(?:got|bought|picked up) (?:a few|several|some|two|three|four|five|\d+) (?:more )?(?:boxes|bottles|packs|"
        r"packets)(?: of (?:pills|tylenol|paracetamol|ibuprofen|advil|aspirin|sleeping pills|painkillers|"
        r"medicine|meds))?(?! of)",
        r"(?:compre|consegui|traje) (?:varias|unas|dos|tres|cuatro|cinco|\d+|mas) (?:cajas|frascos|cajitas|blisters)"
        r"(?: de (?:pastillas|paracetamol|ibuprofeno|aspirinas?|pastis|medicinas?|medicamentos?|somniferos|"
        r"clonazepam|diazepam|tramadol))?(?! de)",
        r"(?:le |les )?(?:deje|regale|di) (?:a )?mis? (?:perr[oa]|perrit[oa]|gat[oa]|gatit[oa]|mascota) (?:a|con)",
    )),
)
# Preparations that count after despair alone (a risk factor, no wish to die said yet): the means
# stocked up, a pet rehomed, letters or a note, pills put by, treasured things given away (AFSP's
# warning signs list "giving away prized possessions"; moving house is read apart, ``MOVING``).
# Selling a bike or cancelling plans after a bad day does not.
_GIVEN = r"(?:my (?:guitar|books|records|games|console|camera|jewelry|ring|watch)|all (?:of )?my (?:things|stuff|belongings|clothes))"
_REGALADO = (r"(?:mis? (?:guitarra|libros|discos|juegos|consola|camara|joyas|anillo|reloj)|"
             r"todas mis (?:cosas|pertenencias)|toda mi ropa)")
PREP_STRONG = _rx(*_VEILED,
    rf"(?:gave|giving|given|give) (?:away )?{_GIVEN}(?: (?:and|to|away)|$)",
    rf"(?:regale|regalando|he regalado|estoy regalando|he estado regalando|regalo) {_REGALADO}",
    *_STOCK_UP, r"gave my (?:dog|cat|pets?|puppy|kitten|rabbit|bird) to", r"found (?:a )?(?:new )?home for my",
    r"(?:wrote|writing|written|left|leaving) (?:a|my|the) (?:suicide )?note", r"(?:wrote|writing|written) letters",
    r"(?:saving|saved|stockpiling|hoarding) (?:up )?(?:them|my (?:pills|meds|tablets|medication))",
    r"(?:escribi|he escrito) (?:unas |las )?cartas", r"(?:deje|escribi) (?:una|mi|la) nota", r"nota de despedida",
    r"(?:guardando|juntando|acumulando|ahorrando|escondiendo) (?:las |mis |unas )?(?:pastillas|medicinas|pastis)",
)
# A time for acting, said as a statement.
TIME = _rx(
    r"tonight", r"tomorrow(?: night| morning)?", rf"(?:this|on|next|by) (?:{_DAY}|weekend|week)", _DAY,
    r"at midnight", r"in (?:an|a few|a couple of|\d+|two|three) (?:hours?|minutes?|mins)",
    r"(?:when|while|once) (?:everyone|everybody|they|nobody|no one|my \w+|the house) "
    r"(?:is|are|'s|has|have|goes|go|leaves|leave)", r"this is the night", r"tonight'?s the night",
    r"esta noche", r"hoy en la noche", r"manana", rf"(?:el|este|el proximo) {_DIA}", _DIA, r"este finde",
    r"este fin de semana", r"(?:a|en) la madrugada", r"a medianoche", r"en (?:una hora|un rato|unas horas)",
    r"al rato", r"cuando (?:no (?:haya|este) nadie|todos (?:duerman|se vayan|esten)|se (?:vayan|duerman))",
    # The moment has come (said after a wish to die or a preparation).
    r"(?:it'?s|it is) time$", r"the time (?:has come|is now|is right)", r"(?:today|tonight)(?:'?s| is) the day",
    r"now(?:'?s| is) the time", r"it'?s now or never",
    r"ya es (?:la )?hora$", r"(?:ya )?(?:llego|es) el momento$", r"hoy es el dia", r"ahora o nunca",
    # Session 20: "creo que hoy sí" (after the pills put by); "today" inside a resolve ("hoy termino con
    # esto", "today i end this").
    r"(?:creo que |yo creo que |siento que )?(?:hoy|esta noche) si$",
    r"hoy(?= (?:lo termino|termino con (?:esto|todo)|acabo con (?:esto|todo)|lo hago|lo voy a hacer))",
    r"(?:today|now)(?= i end (?:it|this))", r"(?:hoy|manana)(?= (?:va a ser|es|sera) mi ultimo dia$)", r"(?<=i end it )(?:today|tonight|now)$",
    r"(?<=i end this )(?:today|tonight|now)$",
)
# The means, or enough of them.
MEANS = _rx(
    r"pills?", r"tablets", r"meds", r"medication", r"prescription", r"insulin", r"guns?", r"rifle", r"pistol",
    r"shotgun", r"bullets?", r"rope", r"noose", r"belt", r"knife", r"knives", r"blades?", r"razors?",
    r"bridge", r"roof(?:top)?", r"ledge", r"cliff", r"tracks", r"bleach", r"poison", r"more than enough",
    r"enough (?:now|of them)", r"(?:quite|such) a lot now", r"all of them", r"the whole (?:bottle|box|pack)",
    r"pastillas?", r"pastis", r"medicamentos", r"medicinas", r"pistola", r"arma", r"escopeta", r"cuerda",
    r"soga", r"cinturon", r"cuchillo", r"navaja", r"cuchillas?", r"puente", r"azotea", r"vias", r"veneno",
    r"suficientes", r"un monton", r"todas las que", r"la caja entera", r"el frasco entero", r"carbon",
    r"(?:have|got) (?:them|it) (?:right )?(?:here|in my hands?|next to me|with me)", r"in my hands?$",
    r"(?:las|los|la|lo) tengo (?:aqui|aca|en la mano|en mis manos|conmigo|al lado)", r"en (?:la|mi) mano$",
)
# Going there.
GOING = _rx(r"heading (?:there|up)(?: now)?", r"going (?:there|up) now", r"on my way (?:there|up)",
            r"i'?m (?:up here|on the (?:roof|ledge|bridge))",
            # Session 20: "voy a manejar hasta el puente", "driving to the bridge".
            r"(?:voy a )?(?:manejar|conducir|ir|caminar|irme) (?:hasta|al|a la|a las) (?:el )?(?:puente|azotea|acantilado|"
            r"vias)$",
            r"(?:i'?m )?(?:driving|walking|going|heading) (?:to|towards|up to|out to) the (?:bridge|cliff|cliffs|tracks|"
            r"roof|lake|river)(?: now| tonight)?$",
            r"(?:ya )?voy para (?:alla|el puente|la azotea)",
            r"(?:voy|estoy|ya voy|ando) (?:camino|de camino|rumbo|en camino) (?:al|a la|a las) (?:puente|azotea|vias|"
            r"edificio|acantilado|estacion)",
            r"on my way to the (?:bridge|roof|tracks|cliff|station|car park|parking garage)",
            r"(?:ya )?estoy (?:aqui |alla )?arriba")
# Going through with it: "do it" only after ideation, the others after despair too (with a time).
RESOLVE = _rx(rf"{_WILL} (?:finally )?(?:do it|end it|fix (?:that|this)|get it over with|go through with it|"
              r"take care of (?:that|this))", r"lo voy a hacer", r"lo hago", r"acabar con (?:esto|todo)",
              r"i'?m ending it(?: all)?(?: tonight| today| now)?$", r"ending it (?:all )?(?:tonight|today|now)",
              r"(?:esta noche|hoy|ya|manana) (?:lo termino|termino con (?:esto|todo)|acabo con (?:esto|todo))",
              r"lo termino(?: todo)?$",
              r"lo voy a (?:solucionar|arreglar|terminar)",
              # Session 20: "today i end this".
              r"(?:today |tonight |now )?i end (?:it|this)(?: all)?(?: today| tonight| now)?$")
# Done, or the means taken, said back to what came before ("i did it", "took them all", "ya me las
# tomé"): an attempt after a wish to die or a preparation.
DONE = _rx(r"i (?:did|have done|'?ve done) it$", r"i (?:did|have done|'?ve done) it (?:already|now)",
           r"(?:it'?s|it is) done$", r"already did it", r"ya lo hice", r"lo hice$", r"ya esta hecho")
TOOK = _rx(r"(?:i )?(?:took|swallowed|have taken|'?ve taken) (?:them all|all of them|the lot|"
           r"the whole (?:bottle|box|pack))", r"(?:already |just )?(?:took|swallowed) them$",
           r"(?:ya )?me (?:las|los) (?:tome|trague)(?: todas| todos)?",
           r"me (?:tome|trague) (?:todas|todos|todo el frasco|el frasco entero)",
           # Session 20: part of them already ("ya me tomé la mitad", "took half of them already").
           r"(?:ya )?me (?:tome|trague) (?:la mitad|casi todas|casi todos|mas de la mitad)(?: ya)?$",
           r"(?:i )?(?:already )?(?:took|swallowed|have taken|'?ve taken) (?:half|most|more than half) (?:of )?(?:them|it|"
           r"the bottle|the pack|the box)(?: already)?$")
# A decision, or resolve, said back to a wish to die.
DECIDED = _rx(r"(?:this time )?i'?m not (?:turning|going|coming) (?:around|back)(?: this time)?$",
              r"(?:this time )?i (?:won'?t|will not) turn (?:around|back)(?: this time)?$",
              r"(?:esta vez )?no me (?:voy a regresar|regreso|vuelvo|voy a echar para atras|echo para atras)(?: esta vez)?$",
              r"i'?ve decided$", r"i (?:have )?(?:just )?decided$", r"i made (?:up )?my (?:mind|decision)$", r"i (?:have|'?ve)? ?made (?:up )?my (?:mind|decision)$",
              r"i'?ve made (?:up )?my (?:mind|decision)$", r"my mind is made up",
              r"(?:nobody|no one|nothing) (?:can|will|is going to|'?s going to) stop me", r"i'?m (?:sure|ready) now$",
              r"ya (?:lo )?decidi$", r"ya (?:tome|tengo) (?:la|mi|una) decision", r"ya esta decidido",
              r"nadie me (?:va a|puede) (?:detener|parar)", r"ya estoy list[oa]$")
# Intensity said back to a wish to die: "i'm serious", "no es broma".
INTENSE = _rx(r"i'?m (?:dead |deadly )?serious",
              # Session 17: "es en serio", "te lo juro", "no miento".
              r"(?:si )?(?:es|esto es) (?:muy )?en serio$", r"(?:te|se|les) lo juro$", r"no (?:miento|estoy mintiendo)$",
              r"no es (?:un )?chiste$", r"i mean it", r"(?:i'?m )?not (?:kidding|joking)", r"no joke",
              r"no (?:es|era) (?:broma|chiste|joda)", r"no estoy (?:bromeando|jugando)", r"lo digo en serio",
              r"(?:va|hablo|lo digo|esto va) (?:muy )?en serio",
              # Session 20: no longer afraid ("y esta vez no tengo miedo", "this time i'm not scared").
              r"(?:y )?esta vez (?:ya )?no (?:tengo|me da) miedo$", r"(?:y )?ya no (?:le )?tengo miedo$",
              r"(?:and )?this time i'?m not (?:scared|afraid)$", r"(?:and )?i'?m not (?:scared|afraid) (?:anymore|any more)$")
# Cutting, said back to self-hatred: "me voy a cortar" alone is also a haircut.
CUT = _rx(r"(?:i'?m )?(?:going to|gonna) cut(?: myself)?(?: again| tonight)?$",
          r"me voy a (?:volver a )?cortar(?: otra vez| de nuevo| esta noche)?$", r"(?:quiero|necesito) cortarme")
DO_IT = _rx(rf"{_WILL} (?:finally )?do it", r"lo hago", r"lo voy a hacer")
# Despair or loss the rules may not read as risk ("she's taking the kids", "tired in a way sleep
# doesn't fix"): in an earlier message it makes a later goodbye or "this weekend I'll fix that" count.
DESPAIR = _rx(
    # Session 20: not ok, said as the whole message ("i'm not ok", "estoy muy mal", "no estoy bien").
    r"^(?:i'?m|i am|im) (?:really |so |just )?not (?:ok|okay|doing (?:ok|okay|well|good))$",
    r"^(?:estoy|me siento|ando) (?:muy |super |re |bien )?mal$", r"^no (?:estoy|me siento|ando) (?:nada )?bien$",
    r"(?:nobody|no one|noone) (?:talks to|cares about|notices|would (?:even )?(?:notice|miss|care))",
    r"(?:nobody|no one) (?:cares|notices|would care)", r"(?:don'?t|doesn'?t) notice anything",
    r"tired in a way", r"(?:so )?tired of (?:everything|it all|living|life|being alive|trying|fighting)",
    r"lost everything", r"nothing left", r"(?:she|he) left me",
    r"my (?:wife|husband|partner|girlfriend|boyfriend) left",
    r"taking the kids", r"got fired", r"lost my job", r"kicked me out", r"can'?t go on", r"what'?s the point",
    r"no point (?:anymore|in anything|in trying)",
    r"everything (?:feels|is) (?:so )?(?:heavy|pointless|hopeless)",
    r"after you'?re gone", r"forget about you",
    r"nadie me (?:habla|quiere|extranaria|va a extranar|nota|entiende)", r"nadie se da cuenta",
    r"ni se dan cuenta", r"me echaron", r"perdi (?:mi trabajo|todo)",
    r"se llevo a (?:los|mis) (?:ninos|hijos)",
    r"(?:ella|el|mi \w+) me dejo", r"cansancio que no se (?:quita|va)",
    r"cansad[oa] de (?:todo|vivir|luchar)",
    r"hart[oa] de todo",
    r"no me queda nada", r"ya no tiene sentido", r"todo me pesa",
    r"no aguanto mas(?: esta vida| vivir)?$", r"cuando ya no estas",
    r"te olvida",
    # Session 9: emptiness, no sense in anything, worth nothing, exhausted by everything.
    r"i feel (?:so |completely |totally )?(?:empty|numb|worthless|hopeless|invisible)",
    r"(?:everything|it'?s all|it is all|life) (?:is )?(?:just )?too much", r"i'?m (?:so )?done with everything",
    r"i (?:don'?t|do not) (?:see|know) the point(?: anymore| of anything| of (?:living|life|trying|going on))?"
    r"(?! of)",
    r"(?:no|ya no le) (?:le )?veo sentido", r"nada tiene sentido", r"para que sigo", r"ya no tiene caso",
    r"me siento (?:muy |tan )?(?:vaci[oa]|inutil|invisible)", r"no valgo nada", r"no sirvo para nada",
    r"soy un estorbo", r"(?:estoy )?agotad[oa] de (?:todo|vivir)", r"no doy mas", r"ya no puedo(?: mas)?$",
    r"no puedo mas$", r"ya no quiero seguir", r"nadie me necesita", r"estoy hart[oa] de (?:mi vida|vivir)",
    # Session 10: hating one's life, blaming oneself for everything.
    r"i (?:hate|despise) my (?:life|self)", r"odio (?:mi vida|existir|todo de mi)", r"me odio",
    r"(?:it'?s|everything is|it is) (?:all )?my fault", r"todo es (?:mi culpa|culpa mia|por mi culpa)",
    r"no le importo a nadie", r"a nadie le importo", r"(?:nobody|no one) gives a (?:damn|shit|fuck) about me",
    # Session 16: no future, no way out, no strength, no one left, a burden, a life worth nothing.
    r"(?:i )?(?:see|have) no future(?: for me| ahead)?", r"(?:there'?s|there is|i have|i see) no way out",
    r"(?:i have |i'?ve got )?no strength left", r"my life is (?:worthless|worth nothing|pointless)",
    r"i have (?:nobody|no one|noone) left", r"i'?m (?:just )?a burden",
    r"no (?:veo|tengo|hay) (?:ningun )?futuro(?: para mi)?", r"no (?:hay|tengo|veo|le veo|encuentro) (?:ninguna )?salida",
    r"(?:ya )?no (?:tengo|me quedan) fuerzas(?: para nada| para seguir)?$", r"mi vida no vale (?:nada|la pena)",
    r"(?:ya )?no tengo a nadie", r"soy una carga", r"(?:ya )?no me quedan ganas de nada", r"ya no le veo caso",
    r"(?:ya )?nada vale la pena", r"no se cuanto (?:tiempo )?mas (?:voy a )?(?:aguantar|aguanto|pueda aguantar)",
    r"(?:xq|pq|porque|por que|para que) sigo (?:viv[oa]|aqui|aca)",
    r"(?:i )?(?:don'?t|dont) know how (?:much )?(?:long|longer) i can (?:hold on|keep going|take (?:it|this))",
    r"nothing is worth it(?: anymore)?",
)
# Session 16: others better off once the person is gone, nobody noticing if they disappeared (the
# English "better off without me" is read alone; these ways of saying it are not).  In an earlier
# message, a wish to be gone of the person's own for the conversation cues: moderate.
GONE_BETTER = _rx(
    r"(?:better off|happier|better) (?:when|once|after|if) (?:i'?m|i am|i was|i were) (?:gone|not (?:here|around))",
    r"(?:better off|happier|better) (?:when|once|after|if) i (?:disappear(?:ed)?|leave for good|die)",
    r"(?:van a estar|estarian|estaran|estarias|vas a estar|estaria) (?:todos )?(?:mejor|mas tranquil[oa]s?|"
    r"mas felices) (?:cuando|si|el dia que|una vez que) (?:yo )?(?:me vaya|me muera|ya no (?:estuviera|este|exista)|"
    r"no (?:estuviera|este|existiera)|desaparezco|desapareciera|me muriera)",
    r"cuando (?:me vaya|me muera|ya no este)(?: \w+){0,3} (?:van a estar|estaran) (?:todos )?(?:mejor|mas tranquil[oa]s?)",
    r"nadie (?:lo |se )?(?:notaria|daria cuenta|notaria nada|extranaria) si (?:yo )?(?:desaparezco|desapareciera|"
    r"me voy|me fuera|me muero|me muriera|ya no estoy|ya no estuviera)",
)
# Moving house, a trip: the commonest reason to give things away and say goodbye.
MOVING = _rx(r"moving (?:to|house|out|abroad|away|in|back)", r"the move",
             r"new (?:flat|apartment|place|house|job|city)",
             r"flight", r"trip", r"vacation", r"holiday", r"abroad", r"relocat\w+", r"emigrat\w+",
             r"(?:me|nos) mud(?:o|amos)", r"mudanza", r"mudarme", r"me voy a vivir",
             r"(?:piso|casa|depa) nuev[oa]",
             r"otro pais", r"viaje", r"vuelo", r"vacaciones", r"intercambio")
# Session 16: someone else's death (grief): a "thank you for everything" after it thanks for support.
GRIEF = _rx(r"(?:my|mi|mis|our|nuestr[oa]) (?:\w+ ){1,2}(?:died|passed(?: away)?|murio|murieron|fallecio|fallecieron|"
            r"se (?:murio|nos fue|fue al cielo|suicido|mato|quito la vida)|took (?:his|her|their) (?:own )?life|"
            r"killed (?:himself|herself|themselves))",
            r"funeral", r"velorio", r"entierro", r"descanse en paz", r"qepd", r"rest in peace")
# A laugh or a joke mark in a message (read on the text as sent, emoji included).
LAUGH = re.compile(r"(?i)(?<![\w'])(?:lol+|lmf?ao+|rofl|haha\w*|hehe\w*|jaja\w*|jeje\w*|xd+|jk)(?![\w'])|"
                   "[\U0001F602\U0001F923\U0001F480\U0001F606\U0001F605\U0001F61C\U0001F61D]")
# Another subject.
TOPIC_CHANGE = _rx(r"changing (?:the )?subject", r"on another note", r"btw", r"by the way", r"unrelated",
                   r"cambiando de tema", r"por cierto", r"otra cosa")
# Session 16: a message that only closes the conversation or steps away from it -- "ok", "thanks",
# "goodnight", "going for a walk", "me voy a dormir", "ya qué importa", an emoji -- says nothing new;
# after a wish to die or a plan of the person's own (read by the rules) the risk said before is still
# current, and the person is leaving the chat.  The whole message must be such words (and filler).
_ALL = r"(?: (?:everyone|everybody|all|guys|y'?all|people|a todos|todos|chicos|chicas|gente|amigos))?"
CLOSE = _rx(
    # acknowledgements
    r"ok(?:ay|ey)?", r"k+", r"kk", r"yes", r"yep", r"yup", r"sure", r"fine", r"meh", r"mhm+", r"hm+", r"welp",
    r"vale", r"venga", r"dale", r"sale", r"va", r"listo", r"bueno", r"okis", r"ajam?", r"aja",
    # thanks, with nothing after them
    r"(?:thanks?|thank you|thx|ty)(?: (?:so much|a lot|again|anyway|tho|though))?" + _ALL,
    r"(?:muchas |mil )?gracias(?: (?:de nuevo|igual|eh|otra vez))?" + _ALL,
    # goodnight, going to sleep
    r"(?:good ?)?(?:night|nite|nighty night|night night)" + _ALL, r"good ?night" + _ALL, r"gn" + _ALL,
    r"(?:i'?m |im )?(?:going|gonna go|off|heading|about to go) (?:to )?(?:bed|sleep)(?: now)?",
    r"(?:i'?m |im )?(?:going to|gonna) (?:sleep|go to bed|lie down)(?: now)?",
    r"(?:time|off) (?:for|to) (?:bed|sleep)",
    r"buenas noches" + _ALL, r"(?:ya )?(?:me voy a|voy a|a) (?:dormir|acostar(?:me)?|la cama)(?: ya)?",
    r"(?:ya )?me (?:voy a )?(?:acuesto|duermo)", r"que (?:descansen|descanses|duermas bien|duerman bien)",
    # stepping away
    r"(?:i'?m |im )?(?:going|gonna go|heading|off|about to go) (?:out )?(?:for|on) a (?:walk|drive|ride|run)",
    r"(?:i'?m |im )?(?:going|gonna go|heading) (?:out|outside)(?: for a (?:bit|while))?",
    r"(?:taking|take) a (?:walk|drive)", r"logging off", r"(?:i'?m |im )?(?:out|off)(?: now)?",
    r"(?:ya )?(?:me voy|voy) a (?:dar|pegar|echar) (?:una|un) (?:vuelta|paseo|rol|garbeo)(?: un rato)?",
    r"(?:ya )?(?:me voy a|voy a) (?:salir|caminar|manejar)(?: a (?:caminar|dar una vuelta|la calle))?(?: un rato)?",
    r"(?:ya )?me voy(?: un rato)?", r"salgo (?:un rato|a caminar)", r"me desconecto",
    # it does not matter
    r"whatever", r"(?:it )?(?:doesn'?t|does not) matter(?: anyway)?", r"who cares", r"nothing matters",
    r"ya (?:que|que mas) (?:importa|da)", r"que mas da", r"(?:me )?da igual",
    # hugs and kisses, tiredness, rest (chat spellings too)
    r"(?:un )?abrazo(?:s|te)?" + _ALL, r"besos?" + _ALL, r"besitos" + _ALL, r"hugs?" + _ALL, r"xoxo", r"peace(?: out)?",
    r"gotta go", r"cya", r"en fin", r"ya fue(?: todo)?", r"bnas noches",
    # not wanting to talk any more
    r"(?:ya )?no quiero (?:hablar|seguir hablando)(?: mas| de esto| de eso)?", r"dejemoslo (?:asi|ahi)",
    r"i (?:don'?t|do not) want to talk(?: anymore| any more| about it)?", r"(?:i'?m |im )?done talking",
    r"let'?s (?:just )?leave it(?: there| at that)?", r"bn noches", r"a mimir", r"(?:ya )?me voy a mimir",
    r"(?:ya )?(?:me voy a|voy a|a) descansar(?: un rato)?", r"(?:i'?m |im )?(?:going to|gonna) (?:rest|nap)(?: now)?",
    r"(?:estoy |ando |i'?m |im |i am )?(?:so |muy |re |bien )?(?:cansad[oa]|tired|exhausted|agotad[oa]|rendid[oa])",
)
# Session 17 (turns reading, issue #14): last messages that are mild only in isolation.
# Knowing how, when, where or which one, said back to a wish to die ("ya sé cómo", "ya sé cuál",
# "i already know how"): the whole message (``$``), so "ya sé cómo organizarme" is not one.
KNOW_HOW = _rx(
    r"(?:si |pues |bueno |y )?(?:ya )?se (?:como|cuando|donde|cual|que hacer|cuant[oa]s)(?: y (?:como|cuando|donde))?"
    r"(?: (?:hacerlo|lo voy a hacer|lo hare|lo haria|va a ser))?$",
    r"(?:si |pues |bueno |y )?(?:ya )?se (?:lo )?que (?:voy a|tengo que) hacer$",
    r"(?:ya )?(?:lo )?tengo (?:todo )?(?:bien )?(?:pensado|planeado|resuelto)$",
    r"(?:yes |yeah |and )?i (?:already |finally )?know (?:how|when|where|which one|which ones|what to do|what i'?(?:m going to|m gonna|ll) do)"
    r"(?: (?:to do it|i'?ll do it|it'?ll be))?$",
    r"(?:i'?ve |i have )?(?:got )?(?:it |it all |everything )?(?:all )?figured out$",
    r"(?:i'?ve |i have |i )?(?:figured|worked) (?:it|everything|it all) (?:all )?out$",
)
# The means in hand, said back: "ya las tengo", "ya tengo todo", "está cargada", "i already have them".
MEANS_HAVE = _rx(
    r"(?:si |pues |bueno |y )?(?:ya )?(?:las|los) tengo(?: todas| todos| aqui| aca| conmigo)?$",
    r"ya tengo todo(?: aqui| aca| listo)?$", r"(?:ya )?(?:esta|estan) cargad[oa]s?$",
    r"(?:i )?(?:already |just )?(?:have|got) (?:them|it|everything)(?: now| here| with me| ready)?$",
    r"(?:it'?s|its|the gun is) loaded$",
    r"(?:ya )?(?:esta|la tengo|lo tengo) (?:colgad[oa]|atad[oa]|amarrad[oa]|list[oa]|preparad[oa])$",
    r"(?:it'?s|its|the rope is) (?:tied|hung up|hanging|set up|ready)$",
)
# Session 17: the means named with an ordinary use ("las pastillas de la presión", "una cuerda para el
# tendedero", "the pills my doctor prescribed"): not the means put by.
BENIGN_MEANS = _rx(
    r"(?:para|pa) (?:la |el )?(?:carne asada|parrilla|asado|parrillada|barbacoa|bbq)", r"bungee", r"sky ?diving", r"cliff diving", r"zip ?lin(?:e|ing)", r"puenting", r"paracaidismo", r"tirolesa",
    r"for (?:a|my|the|his|her|their) (?:headache|migraine|cold|flu|fever|toothache|cramps|period|back|pain|allergies)",
    r"(?:para|pa|de|contra) (?:la |el |mi |las |los )?(?:presion|dolor|gripe|tos|alergias?|fiebre|diabetes|tiroides|azucar|"
    r"colesterol|cabeza|estomago|espalda|muela|regla|tendedero|hamaca|ropa|camping|acampar|escalar|mudanza|perro|gato)",
    r"doctor[a]?", r"medic[oa]", r"receta", r"recetaron", r"farmacia", r"dentista", r"antibioticos?", r"vitaminas?",
    r"for (?:my |the |a )?(?:blood pressure|headaches?|cold|flu|allergies|back|pain|cough|fever|camping|climbing|"
    r"clothesline|hammock|move|dog|cat)", r"prescribed", r"prescription", r"(?:my|the) (?:doctor|gp|dentist)", r"vitamins?",
    r"antibiotics?",
)
# Session 17: arrived where one spoke of going ("voy a ir al puente" … "ya llegué").
GOING_MORE = _rx(r"(?:i'?m|i am) (?:going|heading|gonna go|going to go) (?:there|up there)(?: after \w+| later| tonight| soon| now)?$",
                 r"(?:voy a ir|voy|me voy) (?:para alla|pa alla|alla)(?: despues del? \w+| mas tarde| en la noche| al rato| ahorita)?$")
ARRIVED = _rx(r"(?:ya )?(?:llegue|estoy aqui|estoy aca|aqui estoy|ya estoy)(?: (?:al|a la|a las|en el|en la|en las) "
              r"(?:puente|azotea|vias|edificio|acantilado|estacion|techo))?$",
              r"(?:i'?m|i am) (?:here|there)(?: now)?$", r"(?:made it|got) (?:here|there)$")
# Taking the means now, said back ("gracias, ya me las estoy tomando", "thanks, i'm taking them now").
TAKING = _rx(
    r"(?:ya )?me (?:las|los) estoy (?:tomando|tragando|bebiendo)(?: todas| todos| ya| ahora)?",
    r"(?:ya )?estoy (?:tomandomelas|tomandomelos|tragandomelas|tragandomelos)",
    r"(?:i'?m|im|i am) (?:taking|swallowing) them(?: all)?(?: now| right now)?",
    r"taking them (?:all )?(?:now|right now)",
)
# A place, as a short statement: the last part of a plan said over turns ("en el garaje",
# "in the woods behind the house"); counted only with the means and a time or a resolve.
PLACE = _rx(
    r"(?:lo hago |lo voy a hacer |va a ser |sera )?(?:en|in|at|out in|down at) (?:el|la|mi|las|los|the|my) "
    r"(?:garaje|garage|bano|bathroom|cuarto|recamara|habitacion|room|bedroom|bosque|woods|monte|puente|bridge|"
    r"azotea|roof|vias|tracks|carro|car|coche|auto|sotano|basement|parque|park|playa|beach|rio|river|lago|lake|"
    r"cerro|hotel|motel|bodega|shed|barn|acantilado|cliff|estacionamiento|parking (?:lot|garage))(?: \w+){0,4}$",
)
# Yes, said back: an answer to one's own question about dying ("¿y si me tiro del puente?" … "sí").
AFFIRM = _rx(r"(?:si|sip|sii+|simon|yes|yeah|yep|yup|yea|claro|obvio|exacto|asi es|eso|neta|totalmente)"
             r"(?: (?:si|yes|de verdad|en serio|neta|la neta|for real|really|seriously|i do|lo hare|eso hare))*")
# A fix for a burden, veiled ("creo que ya sé cómo arreglarlo" after "soy una carga"): a preparation
# only after despair or a risk factor said before it.
FIX = _rx(r"(?:ya )?se como (?:arreglarlo|solucionarlo|arreglar todo|solucionar todo|resolverlo|terminar con esto|"
          r"acabar con esto|dejar de ser (?:una carga|un estorbo|un problema))",
          r"(?:i )?(?:know|figured out|worked out) how to (?:fix|solve|end) (?:it|this|that|everything)(?! for)")
# Session 17: emoji said back, in a short message without a laugh -- the means (💊 🪢 🔫 🔪 🪒), the grave
# or the end (🪦 ⚰️ 🔚 🕳️), a wave or the dove (👋 🕊️).  The skull is a laugh (``LAUGH``).
MEANS_EMOJI = re.compile("[\U0001F48A\U0001FAA2\U0001F52B\U0001F52A\U0001FA92]")
GRAVE_EMOJI = re.compile("[\U0001FAA6\u26B0\U0001F51A\U0001F573]")
BYE_EMOJI = re.compile("[\U0001F44B\U0001F54A]")
# Session 17: others noticing later, or finding it easier, said back to despair ("el lunes se van a dar
# cuenta", "así les va a resultar más fácil", "that'll make it easier for them"): a goodbye.
LATER = _rx(
    r"(?:(?:ya|hasta|recien|solo) )?(?:el \w+ |manana |pronto |algun dia |despues |cuando \w+ )?(?:se van a dar cuenta|"
    r"se daran cuenta|lo van a notar|lo notaran|me van a extranar|van a notar que no estoy)(?: supongo| creo| seguro)?$",
    r"(?:asi )?(?:les|le|te) (?:va a )?(?:resultar|ser|sera|seria|resultaria) (?:todo )?mas facil(?: a (?:todos|ellos|ustedes))?",
    r"(?:that'?ll|that will|it'?ll|it will|that would|it would) (?:make it |be )(?:so much |a lot |much )?easier for "
    r"(?:them|everyone|everybody|you all|my family)",
    r"(?:they'?ll|they will) (?:notice|realise|realize|figure it out)(?: (?:on|by) \w+| eventually| soon| then)?"
    r"(?: i guess| i think)?$",
)
# Session 17: more ways of saying nobody notices, or of asking about being gone (despair for the cues).
DESPAIR_MORE = _rx(
    r"nadie(?: \w+){0,3} me (?:habla|hablan|ve|pela|pelan|nota|escribe|busca|contesta)", r"ni me (?:ven|pelan|notan|hablan|buscan)",
    r"cuando (?:uno|alguien|yo|una persona) ya no (?:esta|estoy|este|existe)",
    r"(?:nobody|no one|noone)(?: \w+){0,3} (?:talks to|texts|notices|sees|calls) me",
    r"(?:doesn'?t|don'?t) (?:notice|see) me", r"when (?:someone|somebody|one|a person)(?: is|'s) gone",
    r"when (?:someone|somebody|one|a person) (?:dies|is not around|isn'?t around)",
    r"(?:ya )?no quiero (?:seguir )?vivir asi$", r"no sirvo (?:pa|pa na|pa nada|para nada|pa ni madres)",
    r"i (?:just )?(?:want to|wanna|wish i could) (?:just )?disappear(?: forever| for good)?$",
    r"(?:everyone|everybody|they)(?: would|'d) be (?:happier|better) without me", r"i (?:don'?t|do not) want to (?:keep )?liv(?:e|ing) like this(?: anymore)?$",
)
# Session 17: the means at hand, said as a statement ("tengo el frasco de pastillas aquí", "i've got the pills
# right here"): a closing after it and despair is looked at.
MEANS_HERE = _rx(
    r"(?:tengo|traigo|tengo aqui|aqui tengo) (?:\w+ ){0,4}(?:pastillas|pastis|frasco|pistola|arma|soga|cuerda|cuchillas?|"
    r"navaja|veneno)(?: \w+){0,3} (?:aqui|aca|conmigo|en la mano|al lado|en el cuarto|en mi cuarto)$",
    r"(?:i'?ve got|i have|got) (?:the|my|a) (?:pills|bottle|gun|rope|blade|blades|knife|razor)(?: \w+){0,2} "
    r"(?:right )?(?:here|with me|next to me|in my hand|in my room)$",
)
# Session 17: sitting with the means, staring at them ("found dad's old rifle, been sitting with it").
DWELL = _rx(r"(?:been |just |i'?m |i am )?(?:sitting|sat) with (?:it|them)", r"(?:been |keep )?staring at (?:it|them)",
            r"(?:been |i'?m )?holding (?:it|them)(?: for)?(?: a while| for a while| for hours)?$",
            r"no (?:dejo|paro) de mirarl[ao]s?", r"(?:las|los|la|lo) (?:estoy|sigo) mirando", r"(?:sentad[oa]|aqui) con (?:ella|el|ellas|ellos)$",
            # Session 20: thinking of nothing else ("no dejo de pensar en ella", "can't stop thinking about it").
            r"^no (?:dejo|paro) de pensar en (?:ella|el|ellas|ellos|eso)$",
            r"^(?:i )?(?:can'?t|cannot) stop thinking about (?:it|them)$")
# Session 17: someone else away ("mis papás salen de viaje el viernes"): the house empty, not the person
# leaving.
THEIR_AWAY = _rx(r"(?:mis (?:papas|padres|viejos|jefes|abuelos|roomies|hermanos)|mi (?:mama|papa|familia|esposo|esposa|"
                 r"novio|novia|roomie|pareja|madre|padre)|ellos|ellas) (?:se van|salen|se fueron|salieron|estan|se iran|"
                 r"van a estar|van|se va|sale|se fue|esta) (?:de viaje|de vacaciones|fuera)")
# Session 17: a question about one's own death, then a hope ("¿y si ya no despierto mañana?" … "ojalá";
# "what if i just don't wake up" … "i hope so"): the wish is said across the turns.
DEATH_Q = _rx(r"(?:y |pero |que pasaria )?si (?:ya )?no (?:despierto|amanezco|despertara|amaneciera)(?: manana| nunca| mas)?$",
              r"(?:y |pero |que pasaria )?si (?:ya )?me muero(?: manana| hoy| esta noche| dormid[oa])?$",
              r"what if i (?:just )?(?:don'?t|never) wake up(?: tomorrow)?$", r"what if i (?:just )?died(?: tonight| tomorrow)?$")
HOPE = _rx(r"(?:ojala|ojala que si|ojala si|eso espero|la verdad ojala|ojala la verdad|i hope so|hopefully|i wish|"
           r"i'?d like that|i really hope so|that would be nice)")
# Session 17: more times and preparations said over turns.
TIME_MORE = _rx(r"esta semana", r"(?:este|el) fin de mes", r"a las (?:\d+|una|dos|tres|cuatro|cinco|seis|siete|"
                r"ocho|nueve|diez|once|doce)", r"at (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve)(?: ?(?:am|pm|o'?clock|tonight))?")
PREP_MORE = _rx(
    r"no (?:es|son|era|eran) para (?:acampar|escalar|tender|la ropa|la hamaca|el gym|el gimnasio|amarrar|cocinar|"
    r"la cocina|el jardin|pescar|cazar)",
    r"(?:it'?s|its|they'?re|it is|it was) not for (?:camping|climbing|fishing|hunting|the (?:clothesline|hammock|"
    r"kitchen|garden|gym|yard))",
    r"(?:ya )?(?:las|los) (?:conte|he contado|volvi a contar)", r"(?:i )?(?:counted|have counted|'?ve counted) them",
    # Session 20: counting them now ("las voy contando", "counting them").
    r"(?:las|los) (?:voy|estoy|ando) contando$", r"(?:i'?m )?counting them(?: out| now)?$",
    r"(?:pense|planee|he pensado|he planeado|ya pense|ya planee) (?:en )?(?:como|la forma de|donde) (?:hacerlo|lo haria|"
    r"lo voy a hacer|lo hago)",
    r"(?:buscando|busque|he buscado|estuve buscando|investigando|investigue|he investigado) (?:en internet )?"
    r"(?:cuantas|cuantos|cuanto|como|donde|que tan)",
    r"(?:i'?ve |i have )?(?:thought|been thinking) about how$", r"(?:ya )?(?:pense|he pensado) (?:en )?como$",
    r"(?:a esa hora )?no (?:pasa|hay|va) nadie$", r"no (?:hay|va a haber|va a estar) nadie en (?:la )?casa$", r"(?:nobody|no one|noone) (?:goes|is) (?:there|around)(?: at night| then)?$",
)

# Session 19 (es-turns reading, issue #14): Spanish replies that read as intensity, finality or a
# preparation only after what came before.  Emphasis said back as the whole message ("en serio",
# "ahora sí", "ya no más, lo juro", "no es un drama", "no aguanto ni un día más"); tomorrow not going to
# matter, said as the whole message ("mañana ya no va a importar", not "... , el profe la canceló");
# everything deleted or settled ("borré todo", "ya arreglé todo"); a decision ("estoy decidida").
INTENSE_ES = _rx(
    r"(?:pero |y |no |si |es )?(?:en serio|enserio|de verdad|de veras|neta|posta|es real)(?: eh| ah| te lo juro| lo juro)?$",
    r"(?:y )?ahora si(?: que si)?(?: ya)?$", r"(?:ya no mas|ya basta|se acabo|ya estuvo)(?: lo juro| te lo juro)?$",
    r"lo juro(?: por (?:dios|mi madre|mi vida))?$", r"(?:esto )?no es (?:un |ningun )?(?:drama|berrinche)(?: ni (?:un )?\w+)?",
    r"no (?:estoy|ando) (?:exagerando|dramatizando|haciendo drama)", r"no (?:lo digo|te lo digo) por (?:drama|dramatizar)",
    r"(?:ya )?no (?:aguanto|soporto|puedo) (?:ni )?un (?:dia|minuto|segundo) mas",
    r"esta vez (?:va|es) (?:en serio|enserio|de verdad|la definitiva|diferente)", r"esta vez si(?: va en serio)?$",
    r"ya me harte(?: de verdad)?$",
)
DECIDED_ES = _rx(r"(?:ya )?(?:estoy|me siento) (?:muy |bien |totalmente )?(?:decidid[oa]|segur[oa])(?: ya)?$")
FINAL_ES = _rx(
    r"(?:ya )?manana (?:ya )?no (?:va|van) a importar(?: nada)?(?: ya)?$",
    r"(?:ya )?(?:nada|no|nada de esto|esto) (?:va a|le va a) importar (?:manana|pronto|despues|en unos dias)(?: ya)?$",
    r"pronto (?:ya )?(?:nada|no) va a importar(?: nada)?$",
)
# Despair said in other words ("no le veo caso a nada", "ya me harté de todo").
# Not "no le veo caso a nada de lo que dice el profe".
DESPAIR_ES = _rx(r"(?:ya )?no le (?:veo|encuentro|hallo) (?:caso|sentido) a (?:nada|la vida|vivir|seguir)"
                 r"(?! (?:de|del|que|en|con|lo|sobre|para)\b)",
                 r"(?:ya )?no le (?:encuentro|hallo) (?:caso|sentido)$", r"(?:ya )?me harte de (?:todo|vivir|esta vida|mi vida)",
                 r"(?:ya )?no aguanto (?:esta vida|vivir|mi vida)")
# Taking back, chat style ("jajaja nah", "nel", "naaa mentira").
RETRACT_ES = _rx(r"na+h?", r"nel", r"nop+e?", r"mentirita", r"es cotorreo", r"(?:es|era) (?:pura )?(?:joda|vacilada|chorcha)")
PREP_ES = _rx(r"(?:ya )?(?:borre|elimine) todo(?: ya)?$", r"(?:ya )?(?:arregle|organice|deje arreglado|deje en orden) todo(?: ya)?$")
# Session 19 (lead): after a wish to die, a reply that only says nobody will notice, that it will be
# quick or painless, or that the letter is finished ("nadie lo notará", "será rápido", "no va a doler",
# "ya terminé la carta"; "nobody will notice", "it'll be quick", "i finished the letter").
PREP_REPLY = _rx(r"(?:y )?(?:nadie|ninguno|nadie nunca) (?:lo |se )?(?:va a notar|notara|va a dar cuenta|dara cuenta|"
                 r"va a enterar|enterara|se va a dar cuenta|se dara cuenta)(?: a tiempo)?$",
                 r"(?:va a ser|sera|es) (?:rapido|rapidito|facil|sin dolor)(?: ya)?$", r"(?:ya )?no (?:va a|me va a) doler(?: nada)?$",
                 r"(?:ya )?(?:termine|acabe|escribi) (?:la|mi|las|mis) cartas?(?: ya)?$",
                 r"(?:and )?(?:nobody|no one|noone) (?:will|is going to|gonna) (?:notice|find out|know)(?: in time)?$",
                 r"(?:it'?ll|it will|it'?s going to|itll) be (?:quick|fast|painless|easy)$", r"it (?:won'?t|will not) hurt$",
                 r"(?:i )?(?:finished|'?ve finished|have finished|wrote) (?:the|my) (?:letter|letters|note)$",
                 # Session 20: a letter to everyone ("ya les escribí a todos", "i've written to all of them").
                 r"(?:ya )?les (?:escribi|deje (?:una )?(?:carta|cartas|mensaje|mensajes|nota|notas)|mande (?:un )?"
                 r"(?:mensaje|mensajes)) a (?:todos|cada uno)(?: ya)?$",
                 r"(?:i'?ve |i have |i )?(?:written|wrote|left) (?:a letter |letters |a note |notes )?(?:to |for )?"
                 r"(?:all of them|them all|everyone|each of them|every one of them)$")

# Session 20 (issue #14): replies that complete what came before.  A question about the means
# claimed as one's own ("es para mí", "asking for myself"); wanting to know "before I do it";
# unsure whether to come down, said from a height; "doing them the favour" of leaving.
FOR_ME = _rx(r"(?:i'?m |i am |i was |just )?asking for (?:me|myself)(?: actually| honestly)?$",
             r"(?:it'?s|its|it is|this is|that'?s) for me(?: actually)?$", r"(?:the )?friend is me$",
             r"i'?m the friend$", r"(?:it'?s )?not for a friend$",
             r"(?:es|era|seria) (?:para|por) mi(?: misma| mismo| la pregunta)?$",
             r"(?:lo )?pregunto (?:para|por) mi(?: misma| mismo)?$", r"no es para (?:un|una) amig[oa]$",
             r"(?:el|la) amig[oa] soy yo$")
BEFORE_DOING = _rx(r"(?:i )?(?:want|need|wanna|wanted) to know before i (?:do it|go through with it|try it|try)$",
                   r"before i (?:do it|go through with it)$",
                   r"(?:quiero|necesito|queria) saber(?:lo)? antes de (?:hacerlo|intentarlo)$", r"antes de hacerlo$")
AT_HEIGHT = _rx(r"(?:i'?m|i am|still|estoy|sigo|ya estoy) (?:on|at|up on|en|arriba de|sobre) (?:the|el|la|la orilla del|"
                r"el borde del?) (?:bridge|roof|rooftop|ledge|edge|cliff|balcony|railing|puente|azotea|techo|cornisa|"
                r"acantilado|balcon|barandal)$")
DOWN = _rx(r"(?:i'?m )?not sure (?:if|whether) i'?(?:ll|m going to|m gonna| will| want to) (?:come|get|climb) (?:back )?down$",
           r"(?:i )?(?:don'?t|do not) know if i'?(?:ll|m going to|m gonna| will| want to) (?:come|get|climb) (?:back )?down$",
           r"(?:i )?might not (?:come|get|climb) (?:back )?down$",
           r"no se si (?:me voy a |voy a |quiero )?bajar(?:me)?(?: de aqui| de aca)?$")
FAVOUR = _rx(r"(?:les|te|le|os) (?:voy a hacer|hare|hago) el favor de (?:irme|desaparecer|no estar|quitarme de en medio|"
             r"largarme|no existir|morirme)(?: para siempre| de una vez)?$",
             r"(?:i'?ll|i will|i'?m gonna|i'?m going to|gonna) do (?:them|you|everyone|you all|y'?all|everybody|the "
             r"world) (?:a|the) favou?r (?:of|and) (?:leaving|disappearing|going away|not being here|not existing|"
             r"getting out of the way|dying)(?: for good| forever)?$")
# On the tracks, and the train coming; in the car with the engine on, and the garage shut; the letter
# left where it will be found; a method asked about after a wish to die; the count so far.
AT_TRACKS = _rx(r"(?:i'?m|i am|estoy|sigo|ya estoy) (?:on|at|en|sobre) (?:the|las) (?:train )?(?:tracks|vias)(?: del tren)?$")
COMING = _rx(r"(?:ya )?(?:viene|se oye|lo oigo|ya lo oigo|ya se ve)(?: el tren)?(?: ya)?$", r"(?:i can )?hear it coming$",
             r"(?:the )?train'?s coming$", r"(?:the )?train is coming$", r"here it comes$")
ENGINE = _rx(r"(?:sitting |sat |i'?m )?in the car with the engine (?:running|on)$",
             r"(?:estoy |sigo )?(?:sentad[oa] )?en el (?:carro|coche|auto) con el motor (?:prendido|encendido|en marcha)$")
SHUT = _rx(r"(?:the )?garage (?:door )?(?:is|'?s) (?:shut|closed|locked)$", r"(?:i )?(?:closed|shut) the garage(?: door)?$",
           r"(?:la )?(?:cochera|puerta de la cochera|garaje|puerta del garaje) (?:ya )?(?:esta )?cerrad[oa]$",
           r"(?:ya )?cerre la (?:cochera|puerta de la cochera|puerta del garaje)$", r"(?:ya )?cerre el garaje$")
LEFT_IT = _rx(r"(?:la|las|lo|los) deje (?:en|sobre|debajo de) (?:la|el|mi) (?:mesa|cama|escritorio|cocina|buro|almohada|"
              r"refri|puerta)$",
              r"(?:i )?(?:left|put) (?:it|them) (?:on|under|by) (?:the|my) (?:table|kitchen table|bed|desk|pillow|"
              r"counter|fridge|door)$")
TAKE_ALL = _rx(r"(?:me )?(?:las |los )?(?:voy a|pienso) tomar(?:me)?(?:las|los)? (?:todas|todos|todo el frasco|todas las que "
               r"tengo)(?: hoy| esta noche| ya| ahorita)?$",
               r"(?:i'?m |i )?(?:gonna|going to|'?ll|will) take (?:them all|all of them|the whole (?:bottle|box|pack)|every "
               r"(?:one|last one)(?: of them)?)(?: tonight| now| today)?$")
TALLY = _rx(r"(?:ya )?(?:van|llevo) (?:\d+|veinte|treinta|cuarenta|cincuenta)(?: ya)?$",
            r"(?:\d+|twenty|thirty|forty|fifty) so far$", r"(?:at|up to) (?:\d+|twenty|thirty|forty|fifty) now$")
METHOD_Q = _rx(r"how long (?:does|will|would) it take to (?:kick in|work|take effect)$",
               r"where (?:can|do|could) (?:i|you|one) (?:buy|get|find) (?:a |some )?(?:rope|a gun|gun|pills|"
               r"sleeping pills|charcoal|poison|a knife|razor blades)(?: near me| around here| today)?$",
               r"(?:what'?s|what is|which is) the (?:tallest|highest) (?:building|bridge|place|point|roof)"
               r"(?: near here| around here| near me| in (?:town|the city))?$",
               r"(?:donde|en donde) (?:venden|compro|consigo|puedo comprar|puedo conseguir|se consigue|se compra) "
               r"(?:una |unas )?(?:cuerdas?|sogas?|pastillas|una pistola|pistolas|carbon|veneno|raticida|navajas|cuchillas)"
               r"(?: por aqui| cerca| hoy)?$")

_QUESTION_START = frozenset("""what when where who how why does do is are can could would will should did
    anyone anybody que cuando donde quien como por alguien sabes saben puedes pueden""".split())

_WORD = re.compile(r"[\w']+")


# Session 22: what an overdose feels like, said after it ("i took a bunch of pills like 20 min ago" …
# "starting to feel really sleepy. it's okay though"; "me tomé un montón de pastillas" … "me está dando
# mucho sueño"): read only after the person's own high reading with the means or a swallowing named.
SYMPTOM = _rx(
    r"(?:starting to |started to |i'?m |i am |im |getting |i feel |feeling |feel |i'?m feeling )(?:really |so |very |"
    r"super |kinda |kind of |a bit |pretty )?(?:sleepy|drowsy|dizzy|numb|woozy|lightheaded|light headed|heavy|"
    r"nauseous|sick|cold|fuzzy|floaty|out of it)",
    r"(?:i )?can'?t keep my eyes open", r"(?:my )?vision (?:is |'?s )?(?:going )?blurry", r"everything (?:is |'?s )?"
    r"(?:going |getting )?(?:blurry|dark|spinning)", r"(?:i )?can'?t feel my (?:hands|legs|arms|fingers|feet|face)",
    r"(?:my )?heart (?:is |'?s )?(?:racing|pounding|beating (?:so )?(?:fast|slow))", r"(?:i'?m |i am )?throwing up",
    r"(?:me )?(?:esta|empieza a|empezo a) (?:dar|dando) (?:mucho |much[oi]simo |un poco de )?sueno", r"(?:tengo|me da) (?:mucho |un "
    r"sueno|much[oi]simo )?sueno", r"(?:estoy|me siento|me empiezo a sentir|empiezo a sentirme|ando) (?:muy |bien |re |"
    r"medio |un poco )?(?:mareado|mareada|adormilado|adormilada|dormido|dormida|entumido|entumida|pesado|pesada)",
    r"se me cierran los ojos",
    # Session 23: "kinda sleepy", "my breathing feels really slow", "el corazón me va a mil".
    r"(?:kinda|kind of|so|really|very|super|getting) (?:sleepy|drowsy|dizzy|woozy|lightheaded)",
    r"(?:my )?breathing (?:feels |is |'?s )?(?:really |so |very )?(?:slow|weird|shallow)",
    r"(?:my )?heart (?:is |'?s )?going (?:so |really |super )?(?:fast|slow)", r"respiro (?:muy |super |bien )?(?:lento|raro)",
    r"(?:el )?corazon (?:me )?va a mil", r"ears? (?:are |is )?ringing", r"(?:kinda |so |really )?(?:floaty|tingly)", r"sweating",
    r"sudando frio", r"me late (?:rar\w+|muy (?:rapido|fuerte|lento))", r"me zumban los oidos", r"no siento (?:las manos|los pies|las piernas|los brazos|la cara)",
    r"(?:veo|todo se ve) borroso", r"(?:tengo ganas de|estoy) vomit(?:ar|ando)", r"el corazon (?:me )?(?:late|va) "
    r"(?:muy |super )?(?:rapido|lento)",
)


# Session 23 (issue #14): a plan said over several messages without the words of suicide -- the means
# got hold of, nobody to notice, the house empty, a date picked, affairs put in order -- and then a
# short line that looks ahead ("6 more days", "going downstairs", "it's time", "feels weirdly calm
# now", "she'll know what to do", "salgo ya", "faltan 5 días").  Each earlier message is read for
# the parts of such a plan (``Cues.parts``); the last line for looking ahead (``Cues.forward``).
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple|un[oa]?|dos|tres|cuatro|cinco|seis|siete|" \
     r"ocho|nueve|diez|pocos|pocas)"
_SPAN = r"(?:days?|nights?|shifts?|weeks?|sleeps?|hours?|more times?|dias|noches|turnos|semanas|horas)"
_PILLS = r"(?:pills|meds|medication|tablets|painkillers|sleeping pills|sleepers|antidepressants|insulin|pastillas|pastis|" \
         r"medicinas|medicamentos|pildoras|antidepresivos|somniferos|calmantes|insulina)"
_WHOSE = r"(?:my |the |his |her |their |these |those |them |mi |mis |la |las |los |el |sus |su )?(?:\w+'?s |de mi \w+ |del \w+ )?"
_RELATIVE = r"(?:mom|mum|dad|mother|father|grandma|grandpa|nan|gran|uncle|aunt|roommate|flatmate|brother|sister|" \
            r"mama|papa|abuela|abuelo|tio|tia|hermano|hermana|roomie|companer[oa])"
_WEAPON = r"(?:gun|rifle|pistol|shotgun|revolver|firearm|pistola|arma|escopeta|rifle|revolver)"
_HEIGHT = r"(?:roof|rooftop|bridge|overpass|parking garage|top floor|balcony|cliff|ledge|terraza|azotea|techo|puente|" \
          r"balcon|acantilado|ultimo piso|mirador|barranco)"
_RAIL = r"(?:train|express|freight|tren|metro|subte|rapido|expreso)"
PLAN_PARTS = {
    # The means got hold of, kept in view, checked, or looked into (an amount, how long, a height).
    "means": _rx(
        rf"(?:saved|saving|collected|collecting|gathered|gathering|stockpiled|stockpiling|hoarded|hoarding|stashed|put by|"
        rf"saved up) (?:up )?(?:enough |a lot |all )?(?:of )?{_WHOSE}(?:\w+ )?{_PILLS}",
        rf"(?:juntando|junte|junto|guardando|guarde|ahorrando|acumulando|acumule|escondiendo|escondi) (?:suficientes |varias |todas )?"
        rf"{_WHOSE}(?:\w+ )?{_PILLS}", rf"{_PILLS} (?:from|out of|de) {_WHOSE}(?:\w+ )?(?:cabinet|drawer|bathroom|botiquin|cajon)",
        r"(?:the )?(?:bottle|box|pack|frasco|caja|blister)'?s? (?:been |has been |lleva )?(?:sitting|right there|ahi)",
        r"counting them(?: out)?", r"(?:las|los) (?:estoy contando|conte|cuento)",
        rf"{_WEAPON} (?:safe|case|cabinet)", rf"(?:keeps?|guarda|tiene|deja) (?:his |her |their |la |el |su )?{_WEAPON}",
        rf"{_WEAPON} (?:in|en) (?:the|his|her|el|la|su) \w+", r"(?:safe|gun safe) (?:code|combination)",
        r"(?:key'?s?|the key is|la llave (?:esta|la deja|la guarda)) (?:is )?(?:in|under|en|debajo)",
        r"(?:se|know) (?:donde|where) (?:guarda|deja|esconde|keeps?|hides?) (?:la|las|el|los|the|his|her) (?:\w+ )?(?:llave|key|"
        r"pistola|gun|pastillas|pills|balas|bullets|arma)",
        r"(?:filled|picked up) (?:the |my )?(?:scripts|prescriptions) at", r"\d+ days'? worth",
        r"how (?:many|much)(?: \w+){0,4} (?:(?:is|are|would be|'?d be) too (?:many|much)|would (?:matter|do it|it take|be enough|someone have to)|"
        r"does it take|is lethal|to (?:just )?not wake up|before (?:you|u|someone) (?:don'?t|stop))",
        r"what amount", r"(?:liver|heart|kidneys?) (?:just )?(?:give|gives|stop|stops|shut)",
        r"(?:sleep|dormir) (?:and|y) (?:not|never|no) (?:wake up|despertar)", r"not wake up", r"no despertar",
        r"would it (?:even )?do anything to", r"what happens if (?:u|you|i) (?:mix|take)", r"que pasa si (?:mezclas|mezclo|tomas|tomo)",
        r"hurts? to (?:drown|jump|hang|bleed)", r"(?:duele|dolera) (?:ahogarse|tirarse|colgarse|desangrarse)",
        rf"(?:which|what|cual|cual es el) (?:\w+ )?{_HEIGHT}?(?: \w+){{0,3}} (?:is|es) (?:the )?(?:tallest|highest|mas alt[oa])",
        r"(?:tallest|highest|mas alt[oa]) (?:building|bridge|edificio|puente|\w+)(?: \w+){0,6} (?:roof|azotea|techo|terraza)",
        rf"{_HEIGHT}(?: \w+){{0,4}} (?:access|acceso libre|unlocked|sin llave|abiert[oa]|no (?:is|isnt|esta) locked)",
        r"(?:door|puerta)(?: \w+){0,2} (?:isn'?t|is not|isnt|no esta) (?:locked|cerrada con llave)",
        r"looking (?:over|down) (?:the edge|from)", r"over the edge", r"mirando (?:para|hacia) abajo",
        r"(?:las |los )?pastillas de (?:mi|la presion de mi) \w+", r"(?:las )?saque del botiquin",
        r"cuant[oa]s(?: \w+){0,3} hacen falta", r"veneno para (?:ratas|ratones)", r"rat poison",
        rf"(?:the )?(?:last |\d+ ?(?:am|pm)? |\w+ )?{_RAIL}(?: \w+){{0,3}} (?:doesn'?t|does not|doesnt) stop",
        rf"(?:el )?{_RAIL}(?: \w+){{0,4}} no para(?: en)?", r"pasa (?:directo|de largo)", r"(?:los )?horarios del tren",
        r"(?:just )?flies (?:right )?(?:through|past)", rf"(?:last|first) (?:bus|train) (?:out )?to the {_HEIGHT}",
        rf"(?:antidepressants|{_PILLS}) (?:with|and) (?:the |a )?(?:vodka|whiskey|alcohol|wine|bottle|booze)",
        rf"(?:mix|mixing|mixed|mezclar|mezclas|mezcle) (?:\w+ )?(?:vodka|alcohol|whiskey|ron|tequila|booze)(?: \w+){{0,2}} "
        rf"(?:with|con) (?:my |the |las |mis )?(?:\w+ )?{_PILLS}",
        rf"(?:mix|mixing|mixed|mezclar|mezclas|mezcle) (?:my |the |las |mis )?(?:\w+ )?{_PILLS} (?:with|con)",
        r"(?:beam|rafter|railing|hook|viga|barandal|gancho)(?: \w+){0,5} (?:would |will |can )?(?:hold|aguanta|soporta|resiste) "
        r"(?:my |mi )?(?:weight|peso)", r"(?:aguanta|soporta|resiste) (?:mi )?peso",
        r"(?:got|bought|grabbed) a (?:length of |long )?hose", r"(?:la |una )?manguera",
        r"(?:garage|cochera|garaje|garage door)(?: door)?(?: \w+){0,2} (?:seals?|cierra bien|sealed|airtight)",
        r"(?:seal|sella) (?:pretty |bien )?(?:tight|hermetic[oa])",
        r"(?:new |nuevas )?(?:razor blades|blades|cuchillas|navajas|hojas de afeitar)(?: nuevas)?",
        r"el seguro de vida paga en cualquier caso", r"(?:life insurance|seguro de vida) (?:pay|pays|paga|cubre) (?:out )?(?:for|en) "
        r"(?:any|cualquier)", r"how long (?:it )?(?:usually )?takes? for (?:someone|a body|people) to be found",
        r"cuanto tarda(?:n)? (?:normalmente )?(?:alguien|un cuerpo|la gente) en ser encontrad[oa]",
        r"(?:bought|got|ordered) (?:a |some )?(?:rope|rifle|gun|razor blades|charcoal|noose)", r"compr[eé] una (?:cuerda|soga|pistola)",
        r"compr[eé] (?:carbon|navajas|cuchillas)"),
    # Something swallowed or a wound that will not close (sleepy, dizzy after it is an overdose or blood loss).
    "took": _rx(
        rf"(?:mixed|took|swallowed|taken) (?:my |the |a lot of (?:the |my )?|all (?:of )?(?:the |my )?)?(?:antidepressants|{_PILLS})"
        r"(?: \w+){0,4} (?:with|and) (?:the |a )?(?:vodka|whiskey|alcohol|wine|bottle|beer)",
        rf"(?:took|swallowed|taken|downed) (?:a lot|a bunch|loads|a ton|way too many|too many|all|the rest|the whole) (?:of )?(?:them|the |my )?"
        rf"(?:{_PILLS}|bottle|box|pack)?", r"not by accident", r"no fue (?:sin querer|por accidente)",
        r"(?:its|it'?s|it is) not stopping", r"won'?t stop bleeding",
        r"(?:me he tomado|me tome|me trague|me tome ya) (?:los antidepresivos|todas las pastillas|un monton de|todas|casi todas|el frasco|la caja)",
        r"no (?:deja|para) de sangrar", r"^(?:ok |okay |ya )?(?:did it|lo hice)$", r"(?:cut|cortado|corte) (?:\w+ )?(?:deeper|deep|mas hondo|mas profundo|muy hondo)"),
    # Where: the water, the height or the tracks near the person.
    "place": _rx(
        r"(?:the )?(?:lake|river|bridge|cliff|sea|ocean|tracks|quarry|reservoir) (?:by|near|behind|next to|close to) (?:my|the)",
        r"(?:el|la) (?:rio|lago|puente|mar|presa|acantilado|vias) (?:de atras de|cerca de|junto a|al lado de) (?:mi|la)",
        r"vivo en un (?:piso|decimo|\d+) ?\d*", r"(?:top|highest) (?:level|floor) of", r"(?:what time|when) does it get dark",
        r"a que hora (?:oscurece|se hace de noche|cierran el paso)"),
    # Nobody to notice, to find out or to stop it, or a cover story told.
    "secret": _rx(
        r"(?:nobody|no one|noone)(?:'?s| is| will be)? (?:gonna |going to |will |would |is gonna )?(?:notice|find (?:out|them|it|me)|"
        r"flag (?:it|me)|know|check|checking|miss (?:it|them)|comes? (?:up )?here|call|calls|ask|asks|watching)",
        r"so (?:nobody|no one) (?:would|will|asks|calls|checks)", r"(?:doesn'?t|does not|don'?t|didn'?t) know why",
        r"(?:didn'?t|did not|won'?t) tell (?:him|her|them|anyone) why", r"(?:i'?d|i would|i'?ll) explain later",
        r"told (?:the guy|him|her|them|work|my boss|everyone|my \w+) (?:it was for|i'?m|im|i was|that)",
        r"(?:ni )?(?:nadie )?se va(?:n)? a dar cuenta", r"nadie (?:lo |se )?(?:va a (?:notar|encontrar|saber)|notara|dara cuenta|"
        r"se ha dado cuenta|se dio cuenta|pregunta|vigila|vigilando|me va a llamar|va a llamar)", r"no hay nadie (?:vigilando|mirando)",
        r"no (?:sabe|saben) (?:por que|porque|para que)", r"no le (?:dije|he dicho) (?:por que|porque)",
        r"(?:le|les) dije (?:al de|a mi|que) (?:\w+ ){0,4}(?:era (?:pa|para)|me iba|estoy enferm[oa])", r"asi nadie",
        r"(?:nobody|no one)(?: \w+){0,3} (?:noticed|saw|asked)", r"nadie (?:\w+ ){0,3}(?:se dio cuenta|noto|vio|pregunto)"),
    # Alone, for long enough.
    "alone": _rx(
        r"(?:apartment|house|place|flat)'?s? (?:is )?(?:empty|all mine|to myself)", r"(?:trip|away|out of town|gone) (?:till|until|til) \w+",
        r"(?:away|gone) for (?:two|three|a|\d+) (?:weeks?|days|nights)", r"(?:at work|out) (?:till|until|til) \d",
        r"(?:mom|dad|moms|dads|everyone|everybody|they|they'?re|my \w+)'?s? (?:is |are )?(?:all )?(?:asleep|sleeping|gone|away)",
        r"(?:house|place|apartment) to myself", r"nadie (?:esta|hay) en (?:la )?casa", r"(?:esta|estan|se fue|se van|se fueron) de viaje",
        r"(?:ya )?se (?:durmio|durmieron)", r"(?:todos|todas|mis \w+) (?:duermen|estan dormidos|se van|se fueron)",
        r"(?:me quedo|estoy|me quede) sol[oa]", r"por fin sol[oa]"),
    # The day chosen, or a deadline set for living.
    "date": _rx(
        r"(?:picked|chose|set|decided on|settled on) (?:a date|the \d+\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
        r"decided (?:it'?s|its|it is) (?:gonna|going to) be", r"promised myself",
        r"if nothing (?:got|gets|get) better by then", r"elegi el \d+", r"(?:lo )?tengo decidido", r"ya (?:esta|lo tengo) decidido",
        r"tengo decidido lo que voy a hacer", r"me prometi", r"si nada mejoraba", r"as good a day as any", r"(?:buen|cualquier) dia como otro"),
    # Affairs put in order for after: things handed on, debts paid, accounts and appointments ended, letters.
    "affairs": _rx(
        r"wrote (?:out )?who gets what", r"(?:wrote|written|writing) (?:the |my |all the )?letters(?: to| for)?",
        r"(?:paid|paying) (?:back|off) (?:everyone|everybody|all|the credit card|my (?:debts|credit card|loans?))",
        r"(?:cancelled|canceled|cancel+ing) (?:my |the |all )?(?:phone|plan|lease|subscriptions?|appointment|therapy|dentist|gym|"
        r"sessions|membership)", r"(?:rehomed|gave away|found (?:a )?homes? for) (?:my )?(?:\w+ )?(?:dog|dogs|cat|cats|rats|hamsters|"
        r"pets|fish|bird)", r"(?:she'?ll|he'?ll|they'?ll|she will|he will) take (?:\w+)$", r"(?:she'?ll|he'?ll|they'?ll) take (?:my|care of my)",
        r"so (?:nobody|no one) has to (?:deal with|cover|clean|do)", r"left (?:the|my) (?:rent|car keys|keys and|title|passwords|phone passcode)",
        r"auto ?send", r"(?:all )?my passwords", r"who gets (?:what|my)", r"(?:she|he|they) can have my", r"(?:the |my )?\w+'?s yours",
        r"none of this (?:was|is) your fault", r"(?:returned|gave back) everything", r"(?:sent|paid) (?:my \w+ )?(?:the money|what) i owed",
        r"won'?t need to give it back", r"(?:wrote|made) (?:a |my )?will", r"(?:look|looking) after my (?:plants|cat|dog|\w+)",
        r"gave (?:my|away my) (?:\w+ ){0,2}to (?:my )?\w+", r"(?:feeding schedule|vet'?s number)",
        r"escrib[ií] quien se queda con", r"(?:ya )?escrib[ií] (?:las|unas|todas las) cartas", r"(?:mi perro|mi gato|mis gatos|mis perros) se va(?:n)? con",
        r"borr[eé] (?:casi )?todas mis fotos", r"di de baja", r"cancel[eé] (?:la cita|todas|todo|el gimnasio|las suscripciones|mi)",
        r"dej[eé] el dinero del alquiler", r"programe un correo", r"(?:todas )?mis contrasenas", r"las contrasenas", r"(?:le he|le) dejado una nota",
        r"para que nadie tenga que", r"regal[eé] (?:mi|mis|a mis|la|el)", r"nada fue tu culpa", r"que se quede con mi",
        r"(?:he )?pag(?:ado|ue) todo lo que debia", r"devolv[ií] todo", r"(?:he )?escrito el testamento", r"(?:hice|escribi) (?:el |mi )?testamento",
        r"te dejo las llaves", r"cuida(?:me)? a (?:mi )?\w+", r"(?:la )?nota (?:en la mesa|pa mi|para mi)", r"(?:le )?ped[ií] perdon (?:a|por)",
        r"(?:deje|dejo) el (?:celu|celular|telefono|movil) desbloqueado", r"sorry for everything",
        r"deleted (?:all )?my (?:socials|accounts|instagram|profiles)"),
}
# The same parts read from words rather than whole phrases (session 23, second reading): a means named
# with looking into it, keeping it or getting it in the same message; someone away or nobody about; a
# cover story or nobody told; things handed on, debts, letters, keys and accounts.
_MEANS_W = r"(?:pills|tablets|meds|medication|painkillers|sleeping pills|antidepressants|insulin|handgun|gun|rifle|shotgun|pistol|" \
           r"firearm|blades|razor|razors|rope|noose|cord|beam|rafter|hook|tape|hose|exhaust|charcoal|bridge|overpass|railing|roof|" \
           r"rooftop|ledge|terrace|balcony|cliff|freight|train|tracks|rail line|car park|pastillas|pildoras|medicamentos|calmantes|" \
           r"somniferos|pistola|arma|escopeta|revolver|cuchillas|navajas|cuerda|soga|viga|gancho|cinta|manguera|nafta|gasolina|carbon|" \
           r"puente|baranda|barandal|azotea|terraza|techo|balcon|acantilado|tren|via|vias|anden|edge|morphine|oxy|opioids|" \
           r"morfina|medicacion|receta|muro|window|ventana|\d+(?:th|st|nd|rd)? floor|piso \d+)s?"
_LOOK_W = r"(?:checked|checking|check|timing|timed|watched|measured|tested|looked|looking|googled|researched|read|found|bought|got|" \
          r"grabbed|ordered|picked up|saved|saving|collecting|keeps|keep|kept|showed|taking|walked|went|filled|how high|how long|" \
          r"how many|how much|sturdy|holds?|doesn'?t (?:lock|slow|stop)|no fence|emptiest|mire|mirar|revise|cachar|medi|busque|averigue|" \
          r"encontre|compre|consegui|guarda|guardando|guarde|junte|juntando|tiene|vi|fui|subi|cargue|llevo|cuantas|cuantos|aguanta|" \
          r"ni frena|no frena|no para|no hay baranda|abierta|sin llave|quedo abierta|reading|leyendo|opens all the way|isn'?t fenced|" \
          r"no (?:gate|fence|lights|railing)|sin (?:candado|malla|reja)|no hay malla|es bajito|comprobado|revisado)"
PLAN_WORDS = {
    "means": rxcache.compile(rf"(?<![\w'])(?:{_MEANS_W}(?:\W+\w+){{0,8}}\W+{_LOOK_W}|{_LOOK_W}(?:\W+\w+){{0,8}}\W+{_MEANS_W})(?![\w'])"),
    "alone": _rx(
        r"(?:away|gone|out|fishing|camping|travelling|traveling|on nights|working nights|at (?:the )?\w+(?: house)?)(?: \w+){0,3} "
        r"(?:till|until|til|all week|all weekend|for the weekend|for (?:\w+ )?(?:days|weeks))", r"just me", r"by myself",
        r"(?:nobody|no one|noone)(?: \w+){0,2} (?:goes|comes|is|will be) (?:up|around|here|there|home)", r"(?:there'?s )?literally nobody",
        r"(?:estan|esta|se van|se fueron|se va) (?:\w+ ){0,3}(?:hasta el|toda la semana|todo el finde|el finde|de viaje)",
        r"no (?:sube|pasa|hay|viene|va) nadie", r"(?:nobody|no one)(?:'?s| is) (?:home|here|around)", r"(?:esta|estan|tiene) de guardia",
        r"guardias de noche", r"(?:security|the ranger|the guard)(?: \w+){0,2} (?:does|do|leaves|rounds)", r"on call",
        r"(?:mis viejos|mis papas|mis padres|todos|mi \w+) se (?:van|fueron|va) (?:a|al|de)", r"(?:yo )?sol[oa](?: en (?:la )?casa)?$", r"(?:me quedo|yo me quedo|me bajo yo) sol[oa]",
        r"laburan todo el dia", r"trabajan todo el dia", r"(?:me quedo|me quede) (?:a estudiar|sol[oa])"),
    "secret": _rx(
        r"(?:not|without|no) (?:telling|saying anything to|decirle a) (?:anyone|anybody|anything|nadie)",
        r"(?:thinks|think|believes|cree|creen|piensa|piensan) (?:i'?m|im|que (?:me|estoy|voy))",
        r"(?:told|tell|dije|he dicho|les dije|le dije|les he dicho)(?: \w+){0,4} (?:i'?m|im|going|que me|me voy|me quedo|es para|"
        r"it'?s for|it was for|era para|era pa)", r"(?:so|pa|para) (?:she|he|they|nobody|no one|que no|que nadie)(?: \w+){0,2} "
        r"(?:wouldn'?t|won'?t|doesn'?t|notice|pregunten|se de cuenta|sospeche)", r"nobody will expect",
        r"didn'?t (?:give|say) (?:a |any )?reason", r"sin dar explicaciones", r"a escondidas", r"quietly", r"without anyone knowing",
        r"sin que nadie (?:sepa|se de cuenta)", r"wouldn'?t notice", r"para que no se note", r"so (?:she'?d|he'?d|they'?d) (?:drop|stop|leave)",
        r"(?:won'?t|wont|doesn'?t|will not) notice", r"no (?:se va a|va a) notar", r"no pregunta(?:n)? (?:pa|para) que"),
    "affairs": _rx(
        r"gave (?:my|away|all|each|him|her|them)", r"(?:found|finding) (?:a )?(?:good )?(?:family|home|homes) for", r"rehom\w+",
        r"paid (?:back|off)", r"i owed", r"lo que (?:le )?(?:debia|debo)", r"pague (?:todo|mis deudas|las deudas|lo que)", r"(?:dejado|deje) pagado",
        r"(?:wrote|writing|written) (?:\w+ ){0,3}letters?", r"escrib\w+ (?:\w+ ){0,2}cartas?", r"\w+ (?:la|una|mi) carta",
        r"testamento", r"(?:wrote|made|writing) (?:a |my )?will", r"account details", r"bank card", r"passwords?", r"contrasenas",
        r"cancel+ed", r"cancele", r"borr(?:e|ado) (?:todas )?mis (?:redes|fotos|cuentas)", r"deleted (?:my|all)",
        r"regal[eé]", r"le (?:deje|di|he dado) (?:el|la|mis|los|las|una|un) \w+", r"copia de las llaves", r"(?:left|leaving) my (?:keys|bank card|"
        r"phone|wallet|cards?)", r"sorted the bills", r"want you to have my", r"te quedes con mi", r"no culpo a nadie",
        r"(?:don'?t|do not) blame (?:anyone|anybody|you)", r"(?:is|was) not your fault", r"ya no le debo",
        r"encontre casa (?:a|para)", r"(?:deje|dejo|escribi) (?:unas |las |mis )?cartas", r"deje a (?:los|mis|el|la|mi) (?:gat[oa]s?|perr[oa]s?)",
        r"se lo dejo todo"),
    "date": _rx(
        r"(?:that'?s|thats|\w+day'?s|\w+day is) the day", r"(?:decided|picked|chose)(?: \w+){0,3} (?:the day|the date)",
        r"(?:finish|end) (?:it )?where it (?:started|began)", r"(?:seems like )?a good day (?:to|for)", r"buen dia para",
        r"(?:escogi|elegi|decidi) (?:el )?(?:dia|fecha)", r"(?:ese|el) (?:dia|sabado|viernes|domingo|lunes|martes|miercoles|jueves) "
        r"(?:es el dia|sera el dia)"),
}
# Pastimes that explain a rope, a rifle, a bridge or a roof ("60m dynamic for the climbing gym").
PASTIME = _rx(
    r"climbing", r"bouldering", r"rocodromo", r"escalada", r"(?:go|going|went) hunting", r"hunting (?:trip|season)", r"deer season", r"temporada de caza", r"de caza con", r"garden\w*",
    r"jardin", r"wash(?:ing)? the car", r"lavar el (?:carro|coche|auto)", r"repair\w*", r"mechanic", r"mecanico", r"photo\w*", r"lens",
    r"fotos?", r"sunset pics", r"golden hour", r"party", r"fiesta", r"exam", r"examen", r"pharm school", r"nursing",
    r"vet", r"veterinari[oa]", r"as prescribed", r"(?:the )?dentist said", r"(?:the )?doctor said", r"surgery", r"operacion",
    r"eclipse", r"telescop\w*", r"parapente", r"paraglid\w*", r"take ?back", r"dropping them (?:off|there)", r"devolver(?:las|los)? a la farmacia",
    r"\w+ kit", r"x ?acto", r"hobby", r"craft\w*", r"manualidad\w*", r"cabinets", r"paint\w*", r"pint(?:ar|ura)", r"surpris\w*", r"sorpresa", r"stargazing", r"astronom\w*", r"skydiv\w*", r"kayak\w*",
)
# An occasion that explains affairs put in order or a date ("gave my couch away, the new place comes
# furnished"; "letters to my bridesmaids"; "le presté la guitarra mientras estoy de intercambio").
OCCASION = _rx(
    r"wedding", r"bridesmaids?", r"groomsm[ae]n", r"rehearsal", r"birthday", r"graduation", r"party", r"trip", r"vacation", r"holiday",
    r"new (?:place|apartment|flat|house|job|city)", r"old (?:place|apartment|flat|house)", r"moving", r"the move", r"lease", r"buyer",
    r"selling", r"sell it", r"exam", r"semester", r"exchange", r"abroad", r"concert", r"show", r"tickets", r"retire\w*", r"baby shower",
    r"boda", r"damas de honor", r"cumple\w*", r"fiesta", r"viaje", r"vacaciones", r"(?:depto|piso|casa|departamento) nuevo",
    r"mudanza", r"me mudo", r"vendo", r"vender", r"comprador", r"examen", r"intercambio", r"concierto", r"entradas", r"jubila\w*",
    r"surgery", r"operation", r"hospital", r"cirugia", r"operacion", r"operan", r"backpack\w*", r"mochiler\w*", r"in case",
    r"por si acaso", r"while i'?m (?:away|gone|laid up|abroad|travel\w*)", r"mientras (?:ando|estoy|este) (?:de|fuera|afuera|en)",
    r"emigr\w*", r"me voy del pais", r"airport", r"flight", r"aeropuerto", r"vuelo", r"nos vamos a vivir", r"vendiendo", r"selling",
    r"(?:bar |final |grado )?exam\w*", r"mientras me voy", r"me voy a vivir", r"funeral", r"velorio", r"clearing out",
)
# A short line that looks ahead: a count of days left, setting off, starting, calm, handing over.
FORWARD = _rx(
    rf"{_N} more {_SPAN}", rf"{_N} {_SPAN} (?:left|to go)", rf"(?:only|just) {_N} {_SPAN}", r"tomorrow'?s (?:the |new |my )?\w+",
    rf"falta(?:n)? {_N} {_SPAN}", rf"(?:it'?s|its|it is) in {_N} {_SPAN}", rf"(?:es|sera) en {_N} {_SPAN}", rf"^{_N} {_SPAN}$",
    r"(?:strong|sturdy|high|tall|deep) enough(?: i checked| to hold(?: me)?)?", r"(?:aguanta|resiste) (?:mi peso|bien)",
    rf"(?:me |nos )?queda(?:n)? {_N} {_SPAN}", r"manana es (?:el )?\w+", r"^\d+ \d+$",
    r"(?:it'?s|its|it is) time$", r"(?:ya )?es (?:la )?hora$", r"(?:ha|ya) llego la hora$", r"es el momento", r"ahora si$", r"ya casi$",
    r"starting now", r"here goes", r"(?:ya )?empiezo(?: ya)?", r"last (?:sunset|time|night|day|one)", r"(?:ultimo|ultima) (?:atardecer|vez|noche|dia)",
    r"(?:going|heading|walking|gonna go|going to go) (?:down|downstairs|upstairs|out|outside|for a (?:drive|walk|swim|ride))",
    r"(?:walking|going|heading|driving) to the (?:cvs|pharmacy|drugstore|walgreens|store|shop|hardware store|garage|roof|bridge|station|lake|river)",
    r"on my way", r"(?:don'?t|dont|no me) (?:wait up|esperen|esperes)", r"voy saliendo", r"(?:i'?m |im )?up here", r"(?:ya )?estoy (?:arriba|aca arriba|aqui arriba)",
    r"(?:ya )?se (?:fueron|durmieron)", r"(?:house|place|apartment)(?:'?s| is) (?:finally )?(?:quiet|empty)", r"por fin sol[oa]",
    r"(?:getting|got) out of the car", r"(?:picking|pick) (?:some|it|them) up", r"(?:the )?doors?(?: is|'?s)? locked",
    r"locked the door", r"(?:voy a|ya) (?:bajar|salir)(?: ya)?$", r"(?:ya )?(?:bajo|salgo)(?: ya| un momento| a \w+(?: \w+)?)?$",
    r"me bajo(?: del (?:carro|coche|auto)| al \w+)?", r"voy a (?:caminar|dar una vuelta|salir)",
    r"(?:paso|voy) a comprar", r"(?:ya )?cerre (?:la puerta )?con llave",
    r"(?:feels?|feeling|i feel) (?:weirdly |strangely |so |really |oddly )?(?:calm|peaceful|at peace|light|lighter|relieved)",
    r"(?:me siento|estoy|siento|me sentia|sentia) (?:raramente |extranamente |rara |muy |re |tan )?(?:tranquil[oa]|en paz|liger[oa]|aliviad[oa])",
    r"nothing (?:left|else) (?:on my list|to do)", r"everything(?:'?s| is) (?:in order|sorted|done|taken care of|ready|set)",
    r"(?:that'?s|thats) everything", r"no loose ends", r"(?:all|everything) (?:tied up|wrapped up|squared away)", r"perfect timing",
    r"(?:ya )?(?:todo|esta todo) (?:en orden|listo|arreglado)", r"(?:listo )?ya esta todo", r"no queda(?:n)? nada pendiente",
    r"(?:she|he|they)(?:'?ll| will) know what to do", r"(?:ella|el|ellos) sabra(?:n)? (?:que|lo que) (?:hacer|tiene que hacer)",
    r"(?:ya )?no (?:hace falta|es necesario) que me (?:llamen|llames|busquen|escriban)",
    r"(?:you )?(?:don'?t|do not|dont) (?:need|have) to (?:call|check on|text|worry about) me", r"(?:ya )?firm[eé] todo",
    r"signed everything", r"(?:don'?t|dont|do not) worry about me(?: anymore)?", r"no se preocupen (?:mas )?por mi",
    r"figured it out", r"(?:ya )?(?:lo )?(?:resolvi|encontre|averigue)$", r"setting off", r"leaving (?:now|in \d+)", r"on the bus",
    r"(?:voy|ya voy) subiendo", r"salgo en \d+", r"(?:ahora|ya) vuelvo", r"^brb$", r"be right back", r"en calma", r"ya queda menos",
    r"^\d{1,2}:\d{2}(?: ?(?:am|pm))?$", r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", r"^(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)$",
    r"fue un (?:gusto|placer)", r"se feliz", r"be happy", r"(?:just )?take care of yourself",
    r"(?:you guys )?(?:were|have been) always (?:so )?(?:kind|good|nice) to me", r"me despido",
)
# ... of those, getting something (after a dose asked about: the means).
FORWARD_GET = _rx(
    r"(?:walking|going|heading|driving) to the (?:cvs|pharmacy|drugstore|walgreens|store|shop|hardware store)",
    r"(?:picking|pick) (?:some|it|them) up", r"(?:paso|voy) a comprar", r"(?:bajo|voy) (?:un momento )?a la farmacia")
# ... and of those, the ones that set off, arrive or start now.
FORWARD_NOW = _rx(
    r"starting now", r"here goes", r"(?:ya )?empiezo(?: ya)?", r"(?:going|heading|gonna go) (?:down|downstairs|upstairs|out|outside)",
    r"(?:walking|going|heading|driving) to the (?:garage|roof|bridge|station|lake|river)", r"on my way", r"voy saliendo",
    r"(?:i'?m |im )?up here", r"(?:ya )?estoy (?:arriba|aca arriba|aqui arriba)", r"ahora si$", r"^\d+ \d+$", r"setting off",
    r"leaving (?:now|in \d+)", r"on the bus", r"(?:voy|ya voy) subiendo", r"salgo en \d+",
    r"(?:getting|got) out of the car", r"(?:the )?doors?(?: is|'?s)? locked", r"locked the door", r"(?:voy a|ya) bajar(?: ya)?$",
    r"(?:ya )?(?:bajo|salgo)(?: ya)?$", r"me bajo(?: del (?:carro|coche|auto)| al \w+)?", r"salgo ya", r"(?:ya )?cerre (?:la puerta )?con llave",
)


def normalise(text: str) -> str:
    """Lower case, accents and punctuation gone, apostrophes kept: one space between words."""
    text = unicodedata.normalize("NFD", text.lower().replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text))


class Cues(NamedTuple):
    """The conversation cues of one message (see the module docstring)."""

    retract: bool
    residue: int
    protect: bool
    final_strong: bool
    final_soft: int
    prep: bool
    prep_strong: bool
    time: bool
    means: bool
    going: bool
    done: bool
    took: bool
    decided: bool
    intense: bool
    cut: bool
    despair: bool
    moving: bool
    resolve: bool
    do_it: bool
    question: bool
    topic_change: bool
    signed_off: bool
    thanks_all: bool
    spans: tuple[tuple[int, int], ...]
    # Every soft goodbye is one that closes a vent ("thanks for listening, take care").
    vent_close: bool = False
    festive: bool = False
    # The whole message only closes the conversation or steps away ("ok", "goodnight", "🖤").
    closing: bool = False
    gone_better: bool = False
    grief: bool = False
    # Session 17.
    know_how: bool = False
    means_have: bool = False
    taking: bool = False
    place: bool = False
    affirm: bool = False
    fix: bool = False
    short: bool = False
    means_emoji: bool = False
    dwell: bool = False
    means_here: bool = False
    arrived: bool = False
    benign_means: bool = False
    going_more: bool = False
    hope: bool = False
    death_q: bool = False
    # Session 20.
    for_me: bool = False
    before_doing: bool = False
    at_height: bool = False
    down: bool = False
    favour: bool = False
    at_tracks: bool = False
    coming: bool = False
    engine: bool = False
    shut: bool = False
    left_it: bool = False
    method_q: bool = False
    tally: bool = False
    take_all: bool = False
    # Session 22.
    symptom: bool = False
    # Session 23.
    parts: frozenset[str] = frozenset()
    forward: bool = False
    forward_now: bool = False
    get: bool = False
    occasion: bool = False
    brief: bool = False
    pastime: bool = False


# Words of address and hedges that end a message without changing it ("... supongo wey", "i'm
# on my way there bro", "... tbh").  Cues that must end the message ("se van a dar cuenta$") are
# read with them taken off.  Not "lol", "jk" or "jaja": those take back what was said.
# The words of address are the rules' own (Spanish :data:`.es.ADDRESS`, English ``text._ADDRESS``;
# not "mate": "que algo me mate"), with the hedges that may close a message.
_TRAILING = es_rules.ADDRESS | frozenset(text_rules._ADDRESS.split("|")) | frozenset(
    "tbh fr ngl idk lowkey honestly che marica ya pues".split())
_TRAILING_TWO = frozenset({"la verdad", "i guess", "i think", "no se", "o sea", "i mean"})
# ... unless the word is the object of the sentence ("i'm saying goodbye to my man", "me despido de mi
# amiga").
_OWNER = frozenset("""my your his her our their the a to with for mi tu su mis tus sus la el una un a de con
    para por al del nuestra nuestro""".split())


def _without_trailing(norm: str) -> str:
    """``norm`` with words of address and hedges taken off its end (positions of the rest kept)."""
    words = norm.split(" ")
    while len(words) > 1:
        if words[-1] in _TRAILING and words[-2] not in _OWNER:
            words.pop()
        elif len(words) > 2 and " ".join(words[-2:]) in _TRAILING_TWO:
            del words[-2:]
        else:
            break
    return " ".join(words)


@functools.lru_cache(maxsize=4096)
def cues(text: str) -> Cues:
    """The conversation cues of ``text`` (kept for the texts seen last: each message of a conversation
    is read again as the earlier part of the next ones)."""
    return _cues(text)


def _cues(text: str) -> Cues:
    norm = _without_trailing(normalise(text))
    found: list[re.Match[str]] = []

    def hits(rx: re.Pattern[str]) -> list[re.Match[str]]:
        got = list(rx.finditer(norm))
        found.extend(got)
        return got

    retract = hits(RETRACT) + hits(RETRACT_ES)
    rest = norm
    for m in sorted(retract, key=lambda m: m.start(), reverse=True):
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    residue = sum(1 for w in rest.split() if w not in FILLER)
    protect = bool(PROTECT.search(norm))
    sign_offs = list(SIGN_OFF.finditer(norm))
    signed_off = bool(sign_offs)
    strong = bool(hits(FINAL_STRONG)) or bool(hits(FINAL_ES))
    soft_hits = [] if signed_off else hits(FINAL_SOFT)
    soft = len({m.group() for m in soft_hits})
    vent = [m.span() for m in VENT_CLOSE.finditer(norm)]
    vent_close = bool(soft_hits) and not strong and all(
        any(a <= m.start() and m.end() <= b for a, b in vent) for m in soft_hits)
    scene = bool(SCENE.search(norm))
    # A time inside a sign-off ("nos vemos mañana", "talk tomorrow") is not a time for acting.
    timed = [m for m in TIME.finditer(norm)
             if not any(o.start() <= m.start() <= o.end() + 1 for o in sign_offs)]
    found.extend(timed)
    words = norm.split()
    asked = "?" in text or "¿" in text
    question = asked or bool(words and words[0] in _QUESTION_START)
    closing = False
    closers: list[re.Match[str]] = []
    if not (asked or signed_off or protect):
        closers = list(CLOSE.finditer(norm))
        left = rest
        for m in sorted(closers, key=lambda m: m.start(), reverse=True):
            left = left[:m.start()] + " " * (m.end() - m.start()) + left[m.end():]
        closing = all(w in FILLER for w in left.split())
    got = Cues(
        retract=bool(retract), residue=residue, protect=protect, final_strong=strong, final_soft=soft,
        prep=bool(hits(PREP)) or bool(hits(PREP_ES)) or bool(hits(PREP_REPLY)), prep_strong=bool(hits(PREP_STRONG)), time=bool(timed),
        means=not scene and bool(hits(MEANS)), going=not scene and bool(hits(GOING)),
        done=bool(hits(DONE)), took=bool(hits(TOOK)), decided=bool(hits(DECIDED)) or bool(hits(DECIDED_ES)),
        intense=bool(hits(INTENSE)) or bool(hits(INTENSE_ES)), cut=bool(hits(CUT)),
        despair=bool(DESPAIR.search(norm)) or bool(DESPAIR_MORE.search(norm)) or bool(DESPAIR_ES.search(norm)), moving=bool(MOVING.search(THEIR_AWAY.sub(" ", norm))), resolve=bool(hits(RESOLVE)),
        do_it=bool(DO_IT.search(norm)), question=question, topic_change=bool(TOPIC_CHANGE.search(norm)),
        signed_off=signed_off, thanks_all=not signed_off and bool(THANKS_ALL.search(norm)),
        spans=(), vent_close=vent_close, festive=bool(FESTIVE.search(text)),
        closing=closing, gone_better=bool(GONE_BETTER.search(norm)), grief=bool(GRIEF.search(norm)),
    )
    # Session 17: the same words read only where the message is short (a reply, not a story).
    short = len(words) <= 8
    if short and not asked:
        place = bool(hits(PLACE)) and not scene
        yes = AFFIRM.fullmatch(norm)
        affirm_ = bool(yes)
        if yes:
            found.append(yes)
        got = got._replace(
            arrived=bool(hits(ARRIVED)), know_how=bool(hits(KNOW_HOW)), going_more=not scene and bool(hits(GOING_MORE)), means_have=not scene and bool(hits(MEANS_HAVE)), place=place,
            affirm=affirm_, short=True, time=got.time or bool(hits(TIME_MORE)))
    if short and not asked and not LAUGH.search(text):
        # Session 17: emoji said back ("ya no aguanto" … "💊💊💊"; "me quiero morir" … "🪦", "👋🕊️").
        if MEANS_EMOJI.search(text):
            got = got._replace(means=True, means_emoji=True)
        if GRAVE_EMOJI.search(text):
            got = got._replace(final_strong=True)
        elif BYE_EMOJI.search(text) and not signed_off:
            got = got._replace(final_soft=got.final_soft + 1)
    if not signed_off and LATER.search(norm) and not got.question:
        found.extend(LATER.finditer(norm))
        got = got._replace(final_strong=True)
    if short and not asked:
        hope = HOPE.fullmatch(norm)
        if hope:
            found.append(hope)
            got = got._replace(hope=True)
    got = got._replace(taking=bool(hits(TAKING)), fix=bool(hits(FIX)), dwell=bool(hits(DWELL)),
                       death_q=asked and bool(DEATH_Q.search(norm)),
                       means_here=bool(MEANS_HERE.search(norm)), benign_means=bool(BENIGN_MEANS.search(norm)),
                       prep=got.prep or bool(hits(PREP_MORE)))
    if len(words) <= 12:
        got = got._replace(for_me=bool(hits(FOR_ME)), before_doing=bool(hits(BEFORE_DOING)),
                           at_height=bool(AT_HEIGHT.search(norm)), down=bool(hits(DOWN)), favour=bool(hits(FAVOUR)),
                           at_tracks=bool(AT_TRACKS.search(norm)), coming=bool(hits(COMING)), engine=bool(hits(ENGINE)),
                           shut=bool(hits(SHUT)), left_it=bool(hits(LEFT_IT)), method_q=bool(hits(METHOD_Q)),
                           tally=bool(hits(TALLY)), take_all=bool(hits(TAKE_ALL)), symptom=bool(hits(SYMPTOM)))
    parts = frozenset(k for k, rx in PLAN_PARTS.items() if rx.search(norm)) | frozenset(
        k for k, rx in PLAN_WORDS.items() if rx.search(norm))
    # (A trip or a pastime inside a cover story -- "told everyone i'm going camping" -- explains nothing.)
    if PASTIME.search(norm) and "secret" not in parts:
        got = got._replace(pastime=True)
        parts = parts - {"means"}
    if parts:
        got = got._replace(parts=parts)
    if OCCASION.search(norm) and "secret" not in parts:
        got = got._replace(occasion=True)
    if len(words) <= 12 and not asked:
        got = got._replace(brief=True)
    if len(words) <= 10 and not asked:
        ahead = hits(FORWARD)
        if ahead or parts & {"alone", "secret"}:
            got = got._replace(forward=True, forward_now=bool(FORWARD_NOW.search(norm)), get=bool(FORWARD_GET.search(norm)))
            if not ahead:
                found.extend(PLAN_PARTS["alone"].finditer(norm))
                found.extend(PLAN_PARTS["secret"].finditer(norm))
    if closing and not found:
        # The closing words are the evidence only when no other cue is ("ok it's nothing": the
        # minimisation is).
        found.extend(closers)
    return got._replace(spans=_spans(text, norm, found))


def _spans(text: str, norm: str, found: Sequence[re.Match[str]]) -> tuple[tuple[int, int], ...]:
    """Offsets in ``text`` of the words the cues matched (the normalised text keeps the words in
    order, so the n-th word of one is the n-th word of the other)."""
    if not found:
        return ()
    originals = [m.span() for m in _WORD.finditer(text)]
    starts = [m.start() for m in re.finditer(r"\S+", norm)]
    out = set()
    for m in found:
        first = sum(1 for s in starts if s < m.start())
        last = sum(1 for s in starts if s < m.end())
        if 0 <= first < last <= len(originals):
            out.add((originals[first][0], originals[last - 1][1]))
    return tuple(sorted(out))


def _own_risk(s: Screening) -> int:
    """The level of what the person said about themselves in ``s`` (none when its reasons are only
    about someone else, a topic, or discounted)."""
    own = any(r.construct == "model"
              or (r.construct not in NOT_OWN and not DISCOUNTING.intersection(r.modifiers))
              for r in s.reasons)
    if not own and s.level_index >= MOD:
        # "a veces pienso: ¿y si me mato?", "if it weren't for my dog i'd have killed myself": the rules
        # weighed the "if" and still set a level that alerts; it is the person's own (session 16).
        own = any(r.construct not in NOT_OWN and DISCOUNTING.intersection(r.modifiers) == {"hypothetical"}
                  for r in s.reasons)
    return s.level_index if own else NONE_


def _continuation(new: Cues, earlier: list[Cues], prior: int, said: int = NONE_) -> tuple[int, str]:
    """The level the conversation cues of the new message carry, and what they are.  ``prior`` is
    the risk of the person's own in the earlier messages (rules and models), ``said`` the same as
    the rules alone read it."""
    # Things given away before a move are not a preparation for dying.
    moving = new.moving or any(c.moving for c in earlier)
    prep_before = any(c.prep for c in earlier) and not moving
    new_prep = new.prep and not moving
    final_before = any(c.final_strong or c.final_soft for c in earlier)
    best, kind = NONE_, ""
    if new.retract and new.residue <= RESIDUE_WORDS and prior >= MOD:
        # "lol jk" after "I want to die": what was disclosed stands.
        best, kind = prior, "minimised"
    final = new.final_strong or new.final_soft >= 2
    despair_before = any(c.despair for c in earlier)
    if new.final_strong or new.final_soft:
        if prior >= MOD and not (moving and said < MOD):
            # (Things readied for a trip that only a model reads as a plan are not one.)
            level = max(prior, HIGH)
        elif prep_before or new_prep:
            level = HIGH if final else MOD
        elif prior == LOW and new.final_strong and new.time and not new.vent_close:
            # Session 20: finality with its own time after despair ("ya no aguanto" … "hoy va a ser mi
            # último día"; "nobody gets me" … "after tonight you won't have to worry about me").
            level = HIGH
        elif prior == LOW and not new.vent_close and (final or (despair_before and new.thanks_all)):
            # "I feel like a burden" … "I don't see the point anymore" … "thanks for everything"
            # (session 13: a risk factor and despair before one soft goodbye).
            level = MOD
        else:
            level = NONE_
        if level > best:
            best, kind = level, "goodbye"
    if new_prep and (prior >= MOD or final_before):
        level = max(prior, HIGH)
        if level > best:
            best, kind = level, "preparation"
    if new.prep_strong and not moving and (prior == LOW or despair_before) and MOD > best:
        # "ya no aguanto más" … "fui a la farmacia y compré varias cajas": a person looks.
        best, kind = MOD, "preparation"
    statement = not new.question and not new.topic_change
    acting = (
        # The means or the time after a wish to die, a plan or a preparation.
        (statement and (new.time or new.means) and (prior >= MOD or prep_before))
        # "heading there now" after despair or a question about the bridge.
        or (new.going and (prior >= LOW or prep_before))
        # "this weekend I'll finally fix that" after "I'm a burden"; "I'll do it" after a wish to die.
        or (statement and new.resolve and (prior >= MOD or (prior == LOW and new.time)) and
            (not new.do_it or prior >= MOD or new.time))
    )
    # "i'm serious", "ya decidí", "nobody can stop me" after a wish to die or a preparation.
    acting = acting or (statement and (new.decided or new.intense) and (prior >= MOD or prep_before))
    if moving and not (new.resolve or new.going or new.decided or new.intense):
        # "me voy de viaje … ya tengo todo listo … ya es hora": a time or a bag packed for a trip.
        acting = False
    if acting:
        level = max(prior, HIGH)
        if level > best:
            best, kind = level, "acting"
    elif statement and new.decided and despair_before and not moving and MOD > best:
        # "estoy muy cansada de todo" … "ya tomé una decisión": a decision after despair alone.
        best, kind = MOD, "acting"
    if (new.done or new.took) and not new.question and (prior >= MOD or prep_before or (new.took and prior)):
        # "i did it" after a wish to die, "took them all" after despair, or either after the means
        # were put by: an attempt (in progress when something was taken, or the means were named).
        means_before = prep_before or any(c.means for c in earlier)
        level = max(prior, IMM if new.took and prior >= MOD or means_before or new.means else HIGH)
        if level > best:
            best, kind = level, "attempt"
    if new.symptom and not new.question and (
            (prior >= HIGH and any(c.took or c.means for c in earlier)) or any("took" in c.parts for c in earlier)):
        # Sleepy, dizzy, numb after one's own swallowing or the means named: an overdose taking hold.
        if IMM > best:
            best, kind = IMM, "attempt"
    if new.closing and not moving and not earlier[-1].protect:
        # "ok", "goodnight", "going for a walk", "gracias", "ya qué importa", an emoji after a wish
        # to die or a plan (read by the rules, so a model's lean on grief or a bad day does not count):
        # nothing is taken back, the person is leaving, the risk said is still current (session 16).
        # After despair and treasured things given away or pills put by: a human looks.
        if said >= MOD:
            level, why = said, "closing"
        elif prior >= LOW and any(c.prep_strong for c in earlier):
            level, why = MOD, "closing"
        else:
            level, why = NONE_, ""
        if level > best:
            best, kind = level, why
    if new.cut and prior >= LOW and not new.question:
        # "me voy a cortar" after self-hatred: self-injury, not a haircut.
        if MOD > best:
            best, kind = MOD, "self_injury"
    if statement and not moving:
        level, why = _turns(new, earlier, prior, prep_before, despair_before)
        if level > best:
            best, kind = level, why
    if not moving and not new.topic_change:
        level, why = _completes(new, earlier, prior, despair_before)
        if level > best:
            best, kind = level, why
    if new.retract and new.residue <= RESIDUE_WORDS and MOD > best and any(
            "means" in c.parts for c in earlier) and not any(c.benign_means for c in earlier):
        # "looked up how long it takes for someone to be found" … "dumb question ignore it" … "nvm lol":
        # taking back a method looked into does not undo it; a human looks.
        best, kind = MOD, "minimised"
    # (Someone else's trip that leaves the person alone, or a trip made up to hide the plan, is a part of
    # it, not a move.)
    if statement and (new.forward or new.final_strong or new.brief) and not (
            new.moving or any(c.moving and not c.parts for c in earlier)):
        level = _plan_told(new, earlier, prior, despair_before)
        if level > best:
            best, kind = level, "plan"
    return best, kind


def _plan_told(new: Cues, earlier: list[Cues], prior: int, despair_before: bool) -> int:
    """Session 23 (issue #14): a short line that looks ahead ("6 more days", "going downstairs", "it's
    time", "everything's in order", "salgo ya") after a plan told in parts over the earlier messages,
    none of which need say what it is for: the means got hold of or looked into, nobody to notice, the
    house empty, a date picked, affairs put in order (:data:`PLAN_PARTS`).  Two parts, or one after
    risk of the person's own, make the line part of the plan: high (moderate with no despair or risk
    read at all and only two parts); setting off or starting now with the means got hold of and the
    person alone or unseen is imminent."""
    told = [set(c.parts) for c in earlier] + [set(new.parts)]
    dropped: set[str] = set()
    if prior < MOD and any(c.occasion for c in earlier + [new]):
        # Things handed on and letters written for a move, a wedding or a trip.
        dropped.add("affairs")
    if prior < MOD and any(c.pastime for c in earlier + [new]):
        # The roof, the pills or the train of a pastime, a job or a clear-out told in the same conversation
        # ("the key to the roof to watch the eclipse", "her old meds for the pharmacy's take-back").
        dropped |= {"means", "place"}
    told = [p - dropped for p in told]
    parts: set[str] = set().union(*told)
    benign = any(c.benign_means or c.pastime for c in earlier)
    # A dose or a method looked into stands even where an ordinary use is named ("without a prescription").
    looked_into = "means" in parts
    if not benign and "means" not in dropped and any(c.means or c.means_have or c.took or c.prep_strong for c in earlier):
        parts.add("means")
    # Affairs put in order twice ("wrote out who gets what" … "cancelled my phone plan"), or the means in two
    # messages ("collecting my dad's old heart pills" … "looked up how many would be too many"), count twice.
    n = max(len(parts), sum(1 for p in told if "affairs" in p), sum(1 for p in told if "means" in p))
    if new.forward or new.final_strong:
        if n >= 2 or (parts and (prior >= MOD or new.final_strong)) or (looked_into and new.get):
            level = HIGH
        elif parts and (prior >= LOW or despair_before):
            level = MOD
        elif prior >= HIGH:
            level = MOD
        else:
            return NONE_
    elif sum(1 for p in told if p) < 2:
        # Any other line after one message that said all the parts: that message was screened when it
        # was sent, and "I had a long day at work" after it says nothing new.
        return NONE_
    elif n >= 3 or (n >= 2 and prior >= MOD):
        # Any other short line ("brb", "here", "10 min", "Martes.") once a plan is told in parts.
        level = HIGH
    elif n >= 2:
        level = MOD
    else:
        return NONE_
    if new.forward_now and {"means", "place"} & parts and ({"alone", "secret"} & parts or prior >= HIGH):
        level = IMM
    return max(level, prior) if level >= HIGH else level


def _completes(new: Cues, earlier: list[Cues], prior: int, despair_before: bool) -> tuple[int, str]:
    """Session 20 (issue #14): a short reply that makes what came before the person's own, or carries
    it out: "es para mí" / "asking for myself" after a question about the means; "quiero saber antes de
    hacerlo" after a question about a method; "no sé si bajar" after "estoy en el puente"; "les voy a
    hacer el favor de irme" after "todos me odian"."""
    best, kind = NONE_, ""
    if new.question:
        # Only a method asked about is read in a question.
        if new.method_q and (prior >= MOD or despair_before):
            # "quiero morirme" … "¿dónde venden cuerdas?": a method sought after a wish to die.
            return max(prior, HIGH), "acting"
        return best, kind
    asked_means = any(c.question and c.means and not c.benign_means for c in earlier)
    asked = any(c.question for c in earlier)
    if (new.for_me or new.before_doing) and asked and (prior >= MOD or asked_means):
        best, kind = max(prior, HIGH), "acting"
    if new.down and any(c.at_height for c in earlier):
        best, kind = max(best, IMM if prior >= MOD else HIGH), "acting"
    if new.favour and (prior >= LOW or despair_before) and HIGH > best:
        best, kind = HIGH, "acting"
    elif new.favour and MOD > best:
        best, kind = MOD, "acting"
    if new.coming and any(c.at_tracks for c in earlier):
        # "estoy en las vías del tren" … "ya viene".
        best, kind = max(best, IMM if prior >= LOW or despair_before else HIGH), "acting"
    if (new.shut and any(c.engine for c in earlier)) or (new.engine and any(c.shut for c in earlier)):
        # "estoy en el carro con el motor prendido" … "la cochera está cerrada".
        best, kind = max(best, IMM if prior >= LOW or despair_before else HIGH), "acting"
    if new.take_all and (prior >= LOW or despair_before):
        # "no puedo más" … "me voy a tomar todas": the means, all of them, after despair.
        best, kind = max(best, prior, HIGH), "acting"
    if new.dwell and any((c.means or c.means_have) and not c.benign_means for c in earlier) and (
            prior >= LOW or despair_before):
        # "me siento vacía" … "hoy vi la cuerda en el garaje" … "no dejo de pensar en ella".
        best, kind = max(best, prior, HIGH), "acting"
    if new.tally and any(c.prep for c in earlier) and (prior >= MOD or despair_before) and max(prior, HIGH) > best:
        # "las voy contando" … "van 20": the count of the means put by.
        best, kind = max(prior, HIGH), "preparation"
    if new.left_it and any(c.prep for c in earlier) and max(prior, HIGH) > best:
        # "ya escribí la carta" … "la dejé en la mesa": where it will be found.
        best, kind = max(prior, HIGH), "preparation"
    return best, kind


def _turns(new: Cues, earlier: list[Cues], prior: int, prep_before: bool, despair_before: bool) -> tuple[int, str]:
    """Session 17 (issue #14): a short reply that completes what the earlier messages began -- knowing
    how ("ya sé cómo", "i already know how"), the means in hand ("ya las tengo"), taking them now
    ("gracias, ya me las estoy tomando"), or the last part of a plan said over turns (the means in one
    message, the time in another, the place in a third)."""
    best, kind = NONE_, ""
    # "creo que ya sé cómo arreglarlo" after "soy una carga": a veiled preparation.
    fix_before = prior >= LOW and any(c.fix for c in earlier)
    ready = prep_before or fix_before
    means_before = any((c.means or c.means_have) and not c.benign_means for c in earlier)
    if new.know_how or new.means_have:
        if prior >= MOD or ready:
            best, kind = max(prior, HIGH), "acting"
        elif prior == LOW or despair_before:
            best, kind = MOD, "acting"
    if fix_before and (new.time or new.means or new.resolve) and max(prior, HIGH) > best:
        best, kind = max(prior, HIGH), "acting"
    if new.means and new.dwell and (prior >= LOW or despair_before) and HIGH > best:
        # "found dad's old rifle. been sitting with it a while" after "my wife left": the means kept in
        # view (high, as in one message).
        best, kind = max(prior, HIGH), "acting"
    if (new.arrived or new.going_more) and means_before and (prior >= LOW or despair_before):
        # "quiero acabar con todo" … "voy a ir al puente" … "ya llegué": there, after a wish to die.
        level = IMM if prior >= MOD else HIGH
        if level > best:
            best, kind = level, "acting"
    if means_before and new.time and (prior >= LOW or despair_before) and HIGH > best:
        # "ya no sirvo pa na" … "tengo la cuerda debajo de la cama" … "esta noche cuando se duerman".
        best, kind = HIGH, "plan"
    if new.closing and (prior >= LOW or despair_before) and any(c.means_here for c in earlier) and MOD > best:
        # "ya no quiero vivir así" … "tengo el frasco de pastillas aquí" … "bueno": the person leaves the
        # chat with the means at hand after despair (a human looks).
        best, kind = MOD, "closing"
    if any(c.death_q for c in earlier) and (new.hope or (new.affirm and any(c.hope for c in earlier))) and MOD > best:
        # "¿y si ya no despierto mañana?" … "ojalá" (… "sí"): a wish to be dead said across turns.
        best, kind = MOD, "acting"
    if new.means_emoji and (prior == LOW or despair_before) and HIGH > best:
        # "ya no puedo más" … "💊💊💊": as in one message (session 16), the means closing despair.
        best, kind = HIGH, "acting"
    if new.taking and (prior >= MOD or prep_before or (means_before and prior >= LOW)):
        # Taking the means now, after a wish to die or the means put by: an attempt in progress.
        return IMM, "attempt"
    # A plan put together over turns: the means, and two of a time, a place and "I'll do it".
    parts = earlier + [new]
    means = any((c.means or c.means_have or c.prep) and not c.benign_means for c in parts)
    timed = any(c.time for c in parts)
    placed = any(c.place for c in parts)
    resolved = any(c.resolve or c.do_it for c in parts)
    adds = new.place or new.time or new.means or new.means_have or new.resolve
    if adds and means and timed + placed + resolved >= 2 and (prior >= LOW or ready or resolved or despair_before):
        level = IMM if prior >= MOD and timed else HIGH
        if level > best:
            best, kind = level, "plan"
    return best, kind


def assess(text: str, earlier: list[str], alone: Screening, *, all_modified: bool, support: bool,
           leaning: bool, read: Callable[[str], Screening]) -> Screening:
    """The new message ``text`` judged with the same person's ``earlier`` messages (oldest first).

    ``alone`` is its screening on its own; ``all_modified``/``support`` come from the rules on it
    (:class:`.engine.RuleResult`), ``leaning`` says whether a model leans towards crisis on it;
    ``read`` screens a text (rules and models).  The result is never below ``alone``.
    """
    new = cues(text)
    ceiling = IMM
    if new.festive and alone.level_index < MOD:
        # "hoy es el día 🎉", "tonight's the night 🥳": a celebration after a hard day (session 15).
        # After the person's own wish to die it may be bitter rather than glad: a human looks
        # (moderate), and no more than that is read into an emoji.
        if _own_risk(read("\n".join(earlier))) < MOD:
            return alone
        ceiling = MOD
    if new.protect:
        # "I talked to my sister, I'm safe now, I see my therapist tomorrow."
        return alone
    if all_modified and not new.retract:
        # The new message itself denies, or puts in the past, what it says ("I'm not going to
        # hurt myself"): the conversation does not overrule that.
        return alone
    level, kind, before = NONE_, "", None
    told: list[Cues] | None = None
    said = NONE_
    spans: tuple[tuple[int, int], ...] = ()
    constructs: set[str] = set()
    # A whole message of a farewell, the means at hand, the time or the place (the rules' ``bare``
    # statements, session 14): after risk of the person's own, at least high.
    bare = [r for r in alone.reasons if BARE_MODIFIER in r.modifiers]
    # Session 23: a plan told in parts before (two parts, or the new message adds one) makes any short
    # line a possible step in it.
    told_all = [cues(e) for e in earlier]
    planned = new.brief and not new.question and sum(1 for c in told_all + [new] if c.parts) >= 2
    if new.spans or bare or new.closing or planned:
        # Some cue in the new message: what risk of their own did the earlier messages hold?
        # Each is also read on its own, as it was when it was sent (a joke marker further on,
        # "era broma", must not take back what the joined reading would lose).
        before = read("\n".join(earlier))
        readings = [before] + ([read(e) for e in earlier] if len(earlier) > 1 else [])
        if _own_risk(before) == NONE_:
            # One earlier message that only a model leans on ("ya no lo voy a volver a ver") while
            # the messages together hold no risk of the person's own ("mi abuelo falleció …"): the
            # others say what it was about (session 16).
            readings = [before] + [r for r in readings[1:] if any(x.construct != "model" for x in r.reasons)]
        prior = max(_own_risk(r) for r in readings)
        told = told_all
        if len(earlier) > 1 and prior >= MOD and any(c.benign_means for c in told):
            # Session 17: a risk factor and the means named for an ordinary use ("me siento una carga" …
            # "tengo que tomar las pastillas de la presión"): together they are not the means put by; the
            # messages are read each on its own.
            single = max(_own_risk(r) for r in readings[1:])
            if single < MOD:
                prior = single
        if any(c.despair for c in told):
            prior = max(prior, LOW)
        if any(c.gone_better for c in told):
            # "cuando me vaya van a estar mejor": a wish to be gone (session 16).
            prior = max(prior, MOD)
        # What the rules alone read as the person's own, each message also as it was sent; a message
        # with a laugh in it ("kms this level is impossible lol") is a joke thread's, not this.
        # Read only where it is used: a closing, or a trip, a move or grief in the conversation.
        earnest = [e for e in earlier if not LAUGH.search(e)]
        if not (new.closing or any(c.moving or c.grief for c in told + [new])):
            earnest = []
        said = max([MOD if any(c.gone_better for c in told) else NONE_]
                   + [_own_risk(rules_assess(t).screening)
                      for t in (["\n".join(earnest)] if earnest else []) + (earnest if len(earnest) > 1 else [])])
        if told[-1].protect and _own_risk(rules_assess(earlier[-1]).screening) < MOD:
            # "me quiero morir" … "pero ya hablé con mi psicóloga" … "gracias, buenas noches": the
            # last thing said before was how they keep safe; a closing after it closes that.
            said = min(said, LOW)
        level, kind = _continuation(new, told, prior, said)
        if new.affirm and prior >= MOD and max(prior, HIGH) > level:
            # Session 17: "¿y si me tiro del puente y ya?" … "sí" -- a yes to one's own question about
            # dying is intent (a yes after a statement only keeps its level, see ``closing``: it may
            # answer a helper's "are you safe?").
            per = readings[1:] if len(earlier) > 1 else readings[:1]
            if len(per) == len(earlier) and any(
                    c.question and "hypothetical" in r.modifiers and r.construct not in NOT_OWN
                    for c, s in zip(told, per, strict=True) for r in s.reasons):
                level, kind = max(prior, HIGH), "acting"
        if bare and prior >= LOW and max(prior, HIGH) > level:
            # "this is goodbye", "i have my dad's gun", "esta vez va en serio" after "I hate myself".
            level = max(prior, HIGH)
            kind = "goodbye" if all(r.construct == "farewell" for r in bare) else "acting"
        if level > alone.level_index:
            spans = tuple(sorted(set(new.spans) | {sp for r in bare for sp in r.spans}))
            constructs = {r.construct for s in readings for r in s.reasons if r.construct not in NOT_OWN}
    score = score_for(LEVELS[level], 0.0)
    if not all_modified:
        # After grief or a move that the rules read as no risk of the person's own, a soft goodbye
        # is thanks for support or a departure, whatever a model reads into the whole (session 16).
        ordinary = told is not None and said == NONE_ and not any(c.despair for c in told) and any(
            c.grief or c.moving for c in told + [new])
        if (not ordinary and told is not None and (new.final_soft or new.final_strong)
                and any(c.protect for c in told) and not any(c.despair for c in told)):
            # Session 17: a recovery told before ("hace dos años intenté matarme … hoy estoy mucho
            # mejor") and then thanks: the rules read no current risk of the person's own in it.
            ordinary = max(_own_risk(rules_assess(e).screening) for e in earlier) < MOD
        together, own = _joined(text, earlier, alone, before, support, leaning, read, new.signed_off, ordinary,
                                asked=new.question or new.topic_change)
        if together is not None and together.level_index > max(level, alone.level_index):
            level, kind = together.level_index, ""
            spans = own
            constructs = {r.construct for r in together.reasons}
            score = max(score_for(together.level, 0.0), together.score)
    if level > ceiling:
        level, score = ceiling, score_for(LEVELS[ceiling], 0.0)
    if level <= alone.level_index:
        return alone
    if kind == "minimised":
        # Nothing new is said: the level is the earlier messages' (their reasons are theirs).
        modifiers: tuple[str, ...] = (kind,)
    else:
        modifiers = tuple(sorted(constructs - {"conversation"})) + ((kind,) if kind else ())
    reason = Reason("conversation", f"{LABELS['conversation']} ({len(earlier)} earlier)", spans, modifiers)
    return Screening(LEVELS[level], max(score, score_for(LEVELS[level], 0.0)), alone.reasons + (reason,))


Spans = tuple[tuple[int, int], ...]


def _joined(text: str, earlier: list[str], alone: Screening, before: Screening | None, support: bool,
            leaning: bool, read: Callable[[str], Screening], signed_off: bool = False,
            ordinary: bool = False, asked: bool = False) -> tuple[Screening | None, Spans]:
    """The messages read together, when that raises the new one: it must carry part of the
    evidence itself and say more than the earlier messages did.  A goodbye that the new message
    closes with an ordinary sign-off ("adiós, nos vemos mañana") is not its part of the evidence."""
    joined = "\n".join(earlier + [text])
    start = len(joined) - len(text)
    together = read(joined)
    if together.level_index <= alone.level_index:
        return None, ()
    own = [r for r in together.reasons if r.construct not in ("model", "unsupported_language")
           and not DISCOUNTING.intersection(r.modifiers) and any(s >= start for s, _ in r.spans)
           and not (signed_off and r.construct == "farewell")]
    if ordinary and all(r.construct == "farewell" for r in own):
        return None, ()
    if asked and not leaning and all(r.construct in SUPPORT for r in own):
        # "oye, ¿sabes si mañana hay clases?": a question whose only part is a time word asks about
        # something else (session 16; the acting cues already skip questions).
        return None, ()
    if signed_off and alone.reasons and all(r.construct == "farewell" for r in alone.reasons):
        # The only support the new message had was the goodbye its sign-off makes ordinary.
        support = False
    if before is None:
        before = read("\n".join(earlier))
    if together.level_index <= before.level_index and not any(r.construct not in SUPPORT for r in own):
        # The earlier messages say as much on their own, and were screened and routed when they
        # were sent; this one adds nothing of its own ("what time is the group tomorrow?").
        return None, ()
    if not (own or leaning or support):
        # Nothing of its own: no phrase, no lean of the model, not even a time, the means, a
        # goodbye, dwelling or intensity ("what's for dinner?").
        return None, ()
    spans = tuple(sorted({(s - start, e - start) for r in own for s, e in r.spans if s >= start}))
    return together, spans
