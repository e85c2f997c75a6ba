"""Word lists and patterns the offline dialogue manager reads: feelings, stressors, intents,
risk factors and disclosures, in English and Spanish. Written for this project.

Every pattern matches against :func:`fold` text: lower case, accents and curly quotes folded
(“olvídalo” → “olvidalo”, “can’t” → “can't”), and text that was UTF-8 read as Latin-1 repaired.
So the Spanish patterns are written without accents, and a person who types without them (most
people on a phone) is understood the same way."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u201c": '"',
                         "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


def _demojibake(text: str) -> str:
    if "\u00e2\u0080" not in text and "\u00c3" not in text:
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text.replace("\u00e2\u0080\u0099", "'").replace("\u00e2\u0080\u0098", "'")


@lru_cache(maxsize=512)
def fold(text: str) -> str:
    """Text as the patterns read it (see the module docstring)."""
    text = _demojibake(text or "").translate(_QUOTES)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


class Pattern:
    """A compiled pattern that reads folded text (same ``search``/``fullmatch`` as ``re``)."""

    __slots__ = ("rx",)

    def __init__(self, rx: re.Pattern):
        self.rx = rx

    def search(self, text: str):
        return self.rx.search(fold(text))

    def fullmatch(self, text: str):
        return self.rx.fullmatch(fold(text))

    def findall(self, text: str):
        return self.rx.findall(fold(text))

    def finditer(self, text: str):
        return self.rx.finditer(fold(text))


def _rx(*parts: str) -> Pattern:
    return Pattern(re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE))


# Feelings a person names in so many words: these come before the model's guess, because what
# someone says about themselves is the best evidence of how they feel. (Spanish after English.)
FEELING_WORDS: dict[str, Pattern] = {
    "anxious": _rx(r"\banxi\w*", r"\bworr(y|ied|ying|ies)\b", r"\bnervous\b", r"\bscared\b", r"\bafraid\b",
                   r"\bpanic\w*", r"\bterrified\b", r"\bon edge\b", r"\buneasy\b", r"\bfreaking out\b",
                   r"\b(i'?ll|i will|going to|gonna) fail\b", r"\bdread\w*",
                   r"\bansi(os[oa]s?|edad)\b", r"\bnervios\w*", r"\bpreocupad[oa]s?\b", r"\bme preocupa\w*",
                   r"\bmiedo\b", r"\basustad[oa]\b", r"\bpanico\b", r"\bangusti\w*", r"\binquiet[oa]\b",
                   r"\bvoy a suspender\b"),
    "stressed": _rx(r"\bstress\w*", r"\bpressure\b", r"\boverwhelm\w*", r"\bswamped\b", r"\bburn(ed|t) out\b",
                    r"\btoo much\b", r"\bcan'?t cope\b", r"\bfrazzled\b",
                    r"\bestres\w*", r"\bagobi\w*", r"\bpresion\b", r"\bdesbordad[oa]\b", r"\bsaturad[oa]\b",
                    r"\bquemad[oa]\b", r"\bno doy abasto\b", r"\bdemasiad[oa]s? (cosas|trabajo|presion)\b"),
    "sad": _rx(r"\bsad\b", r"\bdown\b", r"\blow\b", r"\bdepress\w*", r"\bmiserable\b", r"\bunhappy\b", r"\bcry\w*",
               r"\bcried\b", r"\bheartbroken\b", r"\bempty\b", r"\bblue\b", r"\bgloomy\b", r"\bupset\b",
               r"\btriste(za)?\b", r"\bdeprimid[oa]\b", r"\bdepresion\b", r"\bbajon\b", r"\bhundid[oa]\b",
               r"\bllor\w*", r"\bdesanimad[oa]\b", r"\bvaci[oa]\b", r"\bme siento (fatal|mal)\b",
               r"\bcorazon roto\b"),
    "angry": _rx(r"\bangry\b", r"\bfurious\b", r"\bmad at\b", r"\bpissed\b", r"\birritat\w*", r"\bannoy\w*",
                 r"\bfrustrat\w*", r"\bresent\w*", r"\brage\b",
                 r"\benfadad[oa]\b", r"\benojad[oa]\b", r"\bfurios[oa]\b", r"\brabia\b", r"\bcabread[oa]\b",
                 r"\bfrustrad[oa]\b", r"\bfrustracion\b", r"\bhart[oa] de (mis?|la|el|los|las|tu|su)\b"),
    "lonely": _rx(r"\blonely\b", r"\bloneliness\b", r"\balone\b", r"\bisolated\b", r"\bleft out\b",
                  r"\bno friends\b", r"\bnobody to talk to\b", r"\bno one to talk to\b",
                  r"\b(me siento|estoy|muy|tan) sol[oa]\b", r"\bsoledad\b", r"\baislad[oa]\b",
                  r"\bnadie con quien hablar\b", r"\bsin amigos\b"),
    "tired": _rx(r"\btired\b", r"\bexhausted\b", r"\bdrained\b", r"\bworn out\b", r"\bcan'?t sleep\b",
                 r"\binsomnia\b", r"\bnot sleeping\b", r"\bno energy\b",
                 r"\bcansad[oa]\b", r"\bagotad[oa]\b", r"\bsin energia\b", r"\bno (puedo )?dormir\b", r"\binsomnio\b",
                 r"\bduermo (fatal|mal|poco|nada)\b", r"\bno duermo\b", r"\bexhaust[oa]\b", r"\breventad[oa]\b"),
    "ashamed": _rx(r"\bashamed\b", r"\bembarrass\w*", r"\bguilty\b", r"\bstupid\b", r"\bfailure\b", r"\buseless\b",
                   r"\bverguenza\b", r"\bavergonzad[oa]\b", r"\bculpable\b", r"\bme siento (un|una) (fracaso|idiota)\b",
                   r"\binutil\b", r"\bfracasad[oa]\b", r"\bsoy (un|una) (fracaso|idiota)\b"),
    "good": _rx(r"\b(feel(ing)?|am|i'?m) (pretty |really |quite )?(good|great|fine|ok(ay)?|happy|better|calm|relaxed)\b",
                r"\bgrateful\b", r"\bexcited\b", r"\bgood day\b", r"\bnot bad\b", r"\bdoing well\b",
                r"\b(estoy|me siento) (muy |bastante )?(bien|mejor|genial|feliz|tranquil[oa]|content[oa])\b",
                r"\bagradecid[oa]\b", r"\bbuen dia\b", r"\bilusionad[oa]\b"),
}

# The model's GoEmotions labels, folded into the same families.
MODEL_FAMILIES = {
    "fear": "anxious", "nervousness": "anxious",
    "sadness": "sad", "grief": "sad", "disappointment": "sad", "remorse": "ashamed", "embarrassment": "ashamed",
    "anger": "angry", "annoyance": "angry", "disapproval": "angry", "disgust": "angry",
    "joy": "good", "gratitude": "good", "optimism": "good", "relief": "good", "excitement": "good",
}

NEGATIVE = {"anxious", "stressed", "sad", "angry", "lonely", "tired", "ashamed"}

# How the companion names a feeling when it reflects it back (several, so it does not repeat).
FEELING_PHRASES: dict[str, tuple[str, ...]] = {
    "anxious": ("anxious", "on edge", "worried", "uneasy", "wound up"),
    "stressed": ("under a lot of pressure", "stretched thin", "overloaded", "pulled in too many directions",
                 "swamped"),
    "sad": ("low", "heavy-hearted", "down", "flat and heavy", "sad"),
    "angry": ("frustrated", "angry", "fed up", "wound up and angry", "resentful"),
    "lonely": ("lonely", "cut off from people", "on your own with this", "isolated", "left out"),
    "tired": ("worn out", "exhausted", "running on empty", "drained", "bone-tired"),
    "ashamed": ("hard on yourself", "ashamed", "not good enough", "disappointed in yourself",
                "weighed down by guilt"),
    "good": ("in a good place", "lighter", "well", "a bit brighter", "more settled"),
}
# Spanish: nouns, so that every phrase fits every template whatever the person's gender.
FEELING_PHRASES_ES: dict[str, tuple[str, ...]] = {
    "anxious": ("mucha ansiedad", "mucha inquietud", "mucha preocupación", "nervios constantes", "un miedo que no"
                " se va"),
    "stressed": ("mucha presión", "mucho agobio", "demasiada carga", "una presión enorme", "mucho estrés"),
    "sad": ("mucha tristeza", "mucho desánimo", "un peso muy grande", "mucha pena", "un bajón fuerte"),
    "angry": ("mucha frustración", "mucha rabia", "mucho enfado", "mucha impotencia", "un enfado que cuesta soltar"),
    "lonely": ("mucha soledad", "aislamiento", "desconexión de la gente", "que no tienes con quién compartirlo",
               "que estás a solas con esto"),
    "tired": ("mucho cansancio", "agotamiento", "un cansancio enorme", "que no te quedan fuerzas", "desgaste"),
    "ashamed": ("mucha culpa", "mucha vergüenza", "mucha exigencia contigo", "que no das la talla",
                "un juicio muy duro contigo"),
    "good": ("bienestar", "más ligereza", "tranquilidad", "algo más de calma", "alivio"),
}


def feeling_phrases(feeling: str, lang: str = "en") -> tuple[str, ...]:
    table = FEELING_PHRASES_ES if lang == "es" else FEELING_PHRASES
    return table.get(feeling, ())


# What is weighing on someone: word -> (topic, how the companion refers to it).
_STRESSOR_TABLE: list[tuple[str, str, str]] = [
    (r"exams?", "study", "your exams"), (r"tests?", "study", "your tests"), (r"school", "study", "school"),
    (r"uni(versity)?|college", "study", "your studies"), (r"assignments?|essays?|coursework|thesis|dissertation",
                                                            "study", "the work you have due"),
    (r"grades?|marks", "study", "your grades"),
    (r"work|job|shifts?", "work", "work"), (r"boss|manager", "work", "your boss"),
    (r"colleagues?|co-?workers?", "work", "people at work"), (r"deadlines?", "work", "your deadlines"),
    (r"mum|mom|mother", "family", "your mum"), (r"dad|father", "family", "your dad"),
    (r"parents", "family", "your parents"), (r"family", "family", "your family"),
    (r"brother|sister|siblings?", "family", "your sibling"), (r"kids|children|son|daughter", "family", "your children"),
    (r"partner|boyfriend|girlfriend|husband|wife|spouse", "relationship", "your relationship"),
    (r"break ?up|broke up|divorce|\bex\b", "relationship", "the break-up"),
    (r"money|rent|bills|debts?|afford|broke\b", "money", "money worries"),
    (r"health|sick|ill\b|illness|pain|doctor|hospital|diagnos\w*", "health", "your health"),
    (r"sleep|insomnia|nightmares?", "sleep", "sleep"),
    (r"friends?|friendship", "friends", "your friendships"),
    (r"died|death|passed away|funeral|grie(f|ving)|lost my", "loss", "your loss"),
    (r"moving|move house|landlord|evict\w*|housing", "housing", "where you live"),
]
_STRESSOR_TABLE_ES: list[tuple[str, str, str]] = [
    (r"exam(en|enes)|parcial(es)?|selectividad|oposicion(es)?|final(es)? de", "study", "tus exámenes"),
    (r"colegio|instituto|escuela|clases?", "study", "tus clases"),
    (r"universidad|facultad|la uni|carrera", "study", "tus estudios"),
    (r"tareas?|deberes|tesis|tfg|tfm|entregas?|trabajo de clase", "study", "las entregas que tienes pendientes"),
    (r"notas|calificaciones|suspend\w*", "study", "tus notas"),
    (r"compañeros de piso|companeros de piso|piso|mudanza|me mude|mudarme|casero|desahucio|vivienda", "housing",
     "tu situación de vivienda"),
    (r"jefe", "work", "tu jefe"), (r"jefa", "work", "tu jefa"),
    (r"companeros de trabajo|colegas", "work", "la gente del trabajo"),
    (r"plazos?|fecha limite", "work", "los plazos"),
    (r"trabajo|curro|empleo|chamba|turnos?|reunion(es)?|entrevista", "work", "tu trabajo"),
    (r"mama|madre|mami", "family", "tu madre"), (r"papa|padre", "family", "tu padre"),
    (r"padres", "family", "tus padres"), (r"familia", "family", "tu familia"),
    (r"herman[oa]s?", "family", "tu familia"), (r"hij[oa]s?|niños|ninos", "family", "tus hijos"),
    (r"ruptura|me dejo|cortamos|divorcio|mi ex", "relationship", "la ruptura"),
    (r"pareja|novi[oa]|marido|espos[oa]", "relationship", "tu relación"),
    (r"dinero|alquiler|renta|facturas|deudas?|no me llega|pagar", "money", "los problemas de dinero"),
    (r"salud|enferm\w*|dolor|medic[oa]|hospital|diagnostic\w*", "health", "tu salud"),
    (r"dormir|duermo|insomnio|pesadillas", "sleep", "tu descanso"),
    (r"amig[oa]s?|amistad(es)?", "friends", "tus amistades"),
    (r"murio|fallecio|funeral|entierro|duelo|perdi a", "loss", "tu pérdida"),
]
STRESSORS = [(Pattern(re.compile(rf"\b(?:{p})\b", re.IGNORECASE)), topic, phrase)
             for p, topic, phrase in [*_STRESSOR_TABLE, *_STRESSOR_TABLE_ES]]
# How a topic is named when the phrase the person's words gave is in the other language.
TOPIC_PHRASES = {
    "study": ("your studies", "tus estudios"), "work": ("work", "tu trabajo"), "family": ("your family", "tu familia"),
    "relationship": ("your relationship", "tu relación"), "money": ("money worries", "los problemas de dinero"),
    "health": ("your health", "tu salud"), "sleep": ("sleep", "tu descanso"), "friends": ("your friendships",
                                                                                   "tus amistades"),
    "loss": ("your loss", "tu pérdida"), "housing": ("where you live", "tu situación de vivienda"),
}
_SPANISH_PHRASES = {phrase for _p, _t, phrase in _STRESSOR_TABLE_ES}


def stressor_phrase(topic: str, phrase: str, lang: str = "en") -> str:
    """``phrase`` when it is in ``lang``, otherwise the topic's name in ``lang``."""
    if (phrase in _SPANISH_PHRASES) == (lang == "es"):
        return phrase
    names = TOPIC_PHRASES.get(topic)
    return (names[1] if lang == "es" else names[0]) if names else phrase


_SI = r"si(?=\s*($|[,.!]|por favor|claro|vale|quiero|gracias|me gustaria|porfa|venga|dale))"
YES = _rx(r"^\s*(y|yes|yeah|yep|yup|sure|ok(ay)?|alright|all right|please|go on|go ahead|let'?s (do it|try|go)"
          r"|sounds good|why not|i'?d like that|i would|definitely|of course)\b",
          rf"^\s*(¡\s*)?({_SI}|vale|claro|de acuerdo|por favor|venga|dale|bueno|me gustaria|adelante|va|sale"
          r"|perfecto|vamos|hagamoslo|probemos)\b")
NO = _rx(r"^\s*(n|no|nope|nah|not (now|really|today|right now)|no thanks|i'?d rather not|maybe later|skip|don'?t)\b",
         r"^\s*(no|ahora no|mejor no|paso|en otro momento|quizas (luego|mas tarde)|tal vez luego|no gracias"
         r"|prefiero que no)\b")
NEXT = _rx(r"^\s*(next|done|ready|continue|go on|ok(ay)?|finished|yes|y)\b",
           r"^\s*(siguiente|sigue|seguir|seguimos|listo|lista|hecho|vale|continua|continuar|ya|si|termine)\b")
STOP = _rx(r"^\s*(stop|quit|cancel|exit|end|enough)\b", r"\bstop (the|this) exercise\b",
           r"^\s*(para|parar|paremos|basta|detente|salir|cancelar|terminar|dejalo ya)\s*[.!]*\s*$",
           r"\b(para|parar|deten|detener|terminar|dejar|dejemos) (el|este) ejercicio\b")

IDENTITY = _rx(r"\bare you (a |an )?(real|human|person|bot|robot|ai|machine|computer|program|therapist|counsell?or"
               r"|doctor|psychologist|alive)\b", r"\b(am i|are we) (talking|speaking|chatting) (to|with) (a |an )?"
               r"(real|human|person|bot|robot|ai|machine)\b", r"\bwho are you\b", r"\bwhat are you\b",
               r"\bare you real\b", r"\bis this (a )?(bot|robot|real person|human)\b",
               r"\beres (un |una )?(persona|humano|humana|bot|robot|ia|maquina|programa|terapeuta|psicolog[oa]|real"
               r"|de verdad)\b", r"\bquien eres\b", r"\bque eres\b",
               r"\b(hablo|estoy hablando|estamos hablando) con (una persona|un bot|alguien real|una maquina|un humano"
               r"|una ia|un robot)\b")
WANT_HUMAN = _rx(r"\b(talk|speak|chat) (to|with) (a |an |some)?(real |actual )?(person|human|someone|one|people|"
                 r"counsell?or|therapist|professional)\b", r"\bconnect me\b", r"\breal person\b",
                 r"\b(need|want) (a )?(human|person|therapist|professional help)\b", r"\bsupport line\b",
                 r"\bhablar con (una persona|alguien|un humano|una humana|un profesional|un terapeuta|una terapeuta"
                 r"|un psicologo|una psicologa)\b", r"\bpersona real\b", r"\bconecta(me|rme)\b",
                 r"\bpasame con\b", r"\blinea de apoyo\b")
ADVICE = _rx(r"\bwhat (should|can|could) i do\b", r"\bany (advice|tips|ideas)\b", r"\bhelp me\b",
             r"\bhow (do|can) i (cope|deal|stop|calm|feel better|handle)\b", r"\bwhat (would|do) you (suggest|recommend)\b",
             r"\bque (puedo|deberia|podria) hacer\b", r"\bque hago\b", r"\balgun consejo\b", r"\bconsejos?\b",
             r"\bayudame\b", r"\bcomo (puedo )?(calmarme|afrontar\w*|sobrellevar\w*|llevarlo|manejar\w*|sentirme mejor)\b")
WANT_EXERCISE = _rx(r"\bbreath\w*", r"\bexercise\b", r"\bcalm (me )?down\b", r"\bground(ing)?\b", r"\bmeditat\w*",
                    r"\brespir\w*", r"\bejercicio\b", r"\b(calmarme|tranquilizarme|relajarme)\b", r"\bmedit\w*",
                    r"\banclaje\b", r"\b5-4-3-2-1\b")
WANT_INFO = _rx(r"\bwhat is (anxiety|depression|stress|insomnia|grief|loneliness)\b", r"\b(tell|teach) me about\b",
                r"\bsomething to read\b", r"\barticle\b", r"\bwhy (do|can'?t) i\b",
                r"\bque es (la |el )?(ansiedad|depresion|estres|insomnio|duelo|soledad)\b", r"\balgo (para|que) leer\b",
                r"\barticulo\b", r"\bhablame (de|sobre)\b", r"\bpor que no puedo\b")
WANT_LOG = _rx(r"\b(log|save|record|track) (my |this |the )?(mood|check-?in|feelings?)\b", r"\bmood tracker\b",
               r"\b(guarda|registra|anota|apunta)(lo|me)? (mi |el |este )?(estado de animo|animo|registro|check-?in)\b")
MEMORY_ASK = _rx(r"\bwhat do you (remember|know|recall)\b", r"\bwhat have you (remembered|stored|saved|kept)\b",
                 r"\bdo you remember\b", r"\bque (recuerdas|sabes de mi|guardas de mi)\b", r"\bte acuerdas\b")
MEMORY_FORGET = _rx(r"\bforget (it all|everything|what i (said|told you)|all (that|of it)|about me|me)\b",
                    r"\b(delete|erase|clear|wipe) (my |your |the )?(memory|memories|data|what you know)\b",
                    r"\bdon'?t remember\b", r"\bstop remembering\b",
                    r"\bolvida(lo)? todo\b", r"\bolvidate de (todo|mi)\b",
                    r"\b(borra|elimina) (mis datos|tu memoria|lo que sabes|lo que recuerdas)\b",
                    r"\bno (me )?recuerdes\b", r"\bdeja de recordar\b")
MEMORY_ALLOW = _rx(r"\byou can remember\b", r"\bplease remember\b", r"\bremember (this|that)\b",
                   r"\bpuedes recordar(lo)?\b", r"\brecuerda(lo)? (esto|eso)\b", r"\bpor favor,? recuerdalo\b")
GREETING = _rx(r"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|yo)\b[\s!.]*$",
               r"^\s*(¡\s*)?(hola|buenas|buenos dias|buenas tardes|buenas noches|que tal|ey)\b[\s!.]*$")
THANKS = _rx(r"\bthank(s| you)\b", r"\bthx\b", r"\bcheers\b", r"\bgracias\b", r"\bte lo agradezco\b")
GOODBYE = _rx(r"^\s*(bye|goodbye|see you|good ?night|that'?s all|i have to go|gotta go)\b",
              r"^\s*(adios|hasta luego|hasta manana|chao|chau|nos vemos|me tengo que ir|eso es todo)\b")
MOOD_NUMBER = Pattern(re.compile(
    r"\b(10|[1-9])\s*(?:/|out of|de|sobre)\s*10\b|\b(?:a|about|maybe|like|around|un|como un|unos|sobre un)\s+(10|[1-9])\b"
    r"|^\s*(10|[1-9])\s*[.!]?\s*$", re.IGNORECASE))

# Dismissive or evasive answers: a reason to keep help in view, never a reason to let go. In the
# crisis flow each is met with the explicit check; after the safety question or a risk sign, help
# stays in view and the companion comes back to it later.
TALK_OUT = _rx(r"\b(you )?misunderst\w*", r"\bnever ?mind\b", r"\bnvm\b", r"\b(i was|i'?m|just) (joking|kidding)\b",
               r"\bjk\b", r"\bj/k\b", r"\blol\b", r"\bforget (it|that|i said)\b", r"\bignore (that|it|what|me)\b",
               r"\bi('m| am) (fine|ok(ay)?|good|alright)\b", r"\bdidn'?t mean (it|that)\b", r"\bit was a joke\b",
               r"\b(stop|end|exit|leave|turn off|close|cancel) (the |this )?(crisis|safety|help)\b",
               r"\bcrisis (mode|flow) (is )?(off|over|done)\b", r"\bback to normal\b", r"\bmove on\b",
               r"\bcan we (talk about|change)\b", r"\bchange the subject\b", r"\bnot serious\b", r"\bwrong\b",
               r"\bwhatever\b", r"\bmeh\b", r"\bidc\b", r"\b(it )?does ?n'?t matter\b", r"\bit'?s nothing\b",
               r"\bha(ha)+\b", r"\blmao\b", r"\bno worries\b", r"\bdon'?t worry\b", r"\ball good\b", r"\bdrop it\b",
               r"\b(not a|no) big deal\b", r"\bforget about it\b", r"\bkidding\b", r"\bjoking\b",
               r"\bolvida(lo|te)?\b", r"\bolvida lo que\b", r"\b(era|es|fue) (una )?broma\b", r"\bbromea\w*",
               r"\b(ya )?estoy bien\b", r"\bno pasa nada\b", r"\bdejalo\b", r"\bda igual\b", r"\bno importa\b",
               r"\bme (malinterpret\w*|entendiste mal)\b", r"\bno me (entendiste|has entendido)\b",
               r"^\s*(nada|bah)\b", r"\bcambi(emos|a|ar) de tema\b", r"\bno (era|lo decia|iba) en serio\b",
               r"\bja(ja)+\b", r"\bje(je)+\b", r"\bxd\b", r"\btranqui\w*\b")
DISMISSIVE = TALK_OUT

# The answer to the explicit safety check. Only a plain, negative answer counts, and only when the
# answer itself screens clean (see ``safety.explicit_no`` for the rest of the rule).
SAFE_ANSWER = _rx(r"^\s*(no|nope|nah|no,? i'?m not|no i am not|not anymore|not now|not right now)\b[^?]*$",
                  r"^\s*(i('m| am)|yes,? i('m| am)) (safe|not going to|not thinking)\b[^?]*$",
                  r"^\s*i('m| am) not (having|thinking|going)\b[^?]*$",
                  r"^\s*(no|nop|para nada|en absoluto)\b[^?]*$",
                  r"^\s*(estoy a salvo|no tengo esos pensamientos|no estoy pensando en)\b[^?]*$")
UNSAFE_ANSWER = _rx(r"^\s*(yes|yeah|yep|kind of|sort of|maybe|a bit|a little|sometimes|i don'?t know|idk|not sure)\b",
                    r"\bnot safe\b", r"\bi (still )?(want|wanna) to\b",
                    rf"^\s*(¡\s*)?({_SI}|si\b|a veces|tal vez|quizas?|un poco|puede (ser|que)|no se\b|no lo se"
                    r"|no estoy segur[oa]|mas o menos|la verdad es que si|algo asi)",
                    r"\bno estoy a salvo\b", r"\b(todavia|aun) (quiero|lo pienso)\b", r"\bsigo (queriendo|pensando)\b")
# What qualifies or hedges an answer: such an answer is not a clear, explicit no.
HEDGE = _rx(r"\b(but|though|sometimes|maybe|not sure|kind of|sort of|i guess|probably|idk|dunno|pero|aunque|a veces"
            r"|quizas?|tal vez|supongo|creo que|i don'?t know|i do not know|no se|no lo se|no estoy segur[oa])\b")
# "Connect me" said in so many words, at the start of a message: the companion offers the hand-off
# to the support line there and then (anchored, so "my phone won't connect me" is not a request).
CONNECT_ME = _rx(r"^\W*((yes|ok|okay|please|sure)\W+)*(connect me|put me through)\b",
                 r"^\W*((si|vale|claro|por favor)\W+)*(conectame|pasame con)\b")
# The way back to a support-line conversation the person is already in (the button that replaces
# "connect me" then).
BACK_TO_LINE = _rx(r"^\W*(go )?back to (my|your|the) (conversation|supporter|chat)\b",
                   r"^\W*(volver|vuelve|de vuelta) a (mi|tu|la) conversacion\b")
CONNECT = _rx(r"\b(yes|ok|okay|please|sure)\b.*\b(connect|support line|person|human|someone|team)\b",
              r"^\s*connect\b", r"\bsupport line\b", r"\btalk to (a |some)?(person|human|one)\b",
              r"\b(si|vale|claro|por favor)\b.*\b(conecta\w*|linea|persona|alguien|equipo)\b", r"^\s*conecta\w*",
              r"\blinea de apoyo\b", r"\bhablar con (una persona|alguien)\b")

# Self-harm intent the screener may score only "moderate" (or miss, or not read: it has no Spanish
# rules yet): the companion treats these as crisis, erring towards asking and helping.
_LIVE_WHERE = (r"(?! (in|out|with|like|a|an|there|here|at|on|near|without|under|through|by|for|as|alone|far|close"
               r"|together|somewhere|anywhere|paycheck)\b)")
SELF_HARM_INTENT = _rx(
    # Not "cut myself off", "cut myself some slack", "I'd rather kill myself than go back" (figures of speech).
    r"(?<!rather )(?<!sooner )\b(kill|hurt|harm|cut|burn|hang|shoot|poison|drown) (my ?self|myself)\b"
    r"(?! (off|out|some slack|short|free|loose|laughing|up laughing))", r"\bend (my|it) (life|all)\b",
    r"\bend it all\b", r"\bsuicid\w*", r"\b(sucid|suicd|sucd|suiside|suicied|sucide)\w*", r"\b(want|wanna|plan(ning)?|ready) to die\b", r"\bkms\b",
    r"\bend(ing|ed)? (my|it) (life|all)\b", r"\bhope(fully)? i (die|don'?t wake up|never wake up)\b",
    r"\b(give|giving) up and die\b", r"\bi'?m (doing it|going to do it|gonna do it) tonight\b",
    r"\b(going|gonna) (to )?(go|do it) tonight\b", r"\bfulfil+ my plan\b", r"\bregret not (ending|killing)\b",
    r"\b(bridge|ledge|roof|rooftop|building|balcony)\b.{0,30}\bjump\b",
    r"\bunalive\b", r"\btake my (own )?life\b",
    # Self-harm past its usual bounds (issue #14): an emergency, whatever the screener says.
    r"\bcut (too|so|really|way) deep\b", r"\bbleeding (won'?t|will not|doesn'?t|does not|isn'?t) stop\w*\b",
    r"\bwon'?t stop bleeding\b", r"\bno para de sangrar\b", r"\bme corte (muy|demasiado) (hondo|profundo)\b",
    # An overdose taken or about to be; "two overdoses when I was younger" is history, read as means.
    r"\b(take|taking|took|going to take|gonna take|planning|plan)\b.{0,15}\boverdos\w*",
    r"\boverdos(e|ing) (tonight|now|today|right now|this weekend)\b",
    # "I don't want to live out of my car / a lie / like this" is not a wish to die.
    rf"\b(not|don'?t) (want|wanna) to (live|be alive|wake up|exist)\b{_LIVE_WHERE}",
    r"\bno (reason|point) (to|in) (live|living|go on)\b",
    r"\bbetter off (dead|without me)\b", r"\bjump off\b", r"\bslit\b", r"\bpills to\b", r"\bwrite a (suicide )?note\b",
    r"\bgoodbye (letter|note)\b", r"\bwish i (was|were) dead\b", r"\bwant(ed)? it (all )?to end\b",
    # Preparation and plans, which the rule screener sometimes scores low (SDCNL dev posts).
    r"\b(writ(e|ing)|wrote|started writing) (some |my |a few |the )?(goodbye |suicide |last )?notes?\b",
    r"\bset a date\b", r"\b(attempt|try) (failed|didn'?t work)\b", r"\bfailed attempts?\b",
    r"\b(buy|get|afford|bought|got) a gun\b", r"\bleave this world\b", r"\btonight'?s the night\b",
    r"\b(lose|lost|losing) the will to live\b", r"\bno will to live\b",
    # Spanish (folded: no accents).
    r"\b(quiero|quisiera|deseo|ganas de|prefiero) (morir|morirme|estar muert[oa]|matarme|desaparecer para siempre)\b",
    r"\bme quiero (morir|matar|suicidar)\b", r"\bme (voy|gustaria) (a )?(matar|suicidar|morir)\b",
    r"\bprefiero (estar )?muert[oa]\b", r"\bmatarme\b", r"\bquitarme la vida\b", r"\bquitarme de en medio\b",
    r"\b(acabar|terminar|termino|acabo) con (mi vida|todo)\b", r"\bvoy a (acabar|terminar) con\b",
    r"\bno quiero (vivir|seguir viviendo|seguir existiendo|existir|despertar|seguir aqui|seguir vivo|seguir viva)\b",
    r"\bno (le )?veo (el )?sentido a (seguir )?(vivir|viviendo)\b", r"\b(estarian|estaria|estarias) mejor sin mi\b",
    r"\bmejor (estar )?muert[oa]\b", r"\bcortarme\b", r"\bme (he )?corte\b", r"\bhacerme dano\b",
    r"\bautolesi\w*", r"\bahorcarme\b", r"\btirarme (por|de|al|desde|a las)\b",
    r"\bme (quiero|voy a) hacer dano\b", r"\bquiero hacerme dano\b",
    r"\bquiero que (todo )?(se acabe|termine)\b", r"\bpara que seguir (viv[oa]|viviendo)\b",
    r"\bpienso\b.{0,40}\bcomo hacerlo\b", r"\b(thinking|think|thought) about how (to|i'?d|i would|i'?ll) do it\b",
    r"\b(puente|vias|edificio|ventana|balcon|azotea)\b.{0,30}\b(saltar|tirarme)\b",
    r"\b(saltar|tirarme) (del|por el|por la|desde el|desde la) (puente|ventana|balcon|edificio|azotea)\b",
    r"\bsobredosis\b", r"\b(tome|me tome|me he tomado) (un monton de|muchas|todas las|todas mis) pastillas\b",
    r"\bpastillas (para|hacen falta para) (no despertar|morir|matarme)\b", r"\bcartas? de despedida\b",
    r"\bnota de suicidio\b", r"\bdejar de (vivir|existir)\b", r"\b(dormir|dormirme) y no (volver a )?despertar\b",
    r"\bojala (no despertar|no despierte|estuviera muert[oa]|me muriera|no existiera)\b", r"\bmi ultima noche\b",
)

# Risk factors (Joiner's interpersonal theory and the Columbia scale's warning signs, in plain
# words): each alone is a reason to keep help in view; together, within one message or across the
# last turns, they are the evidence for the direct safety question or the crisis flow.
# "Please help", "I need help" with nothing after them (not "please help me find a flat").
_HELP_WITH = (r"(?!( me)? (with|to|for|find|finding|get|getting|figur\w*|on|in|from|decid\w*|choos\w*|understand\w*"
              r"|pick\w*|making|make|writing|write|fixing|fix|my|a|an|the|this|that|asap)\b)")
RISK_FACTORS: dict[str, Pattern] = {
    # A wish not to be alive or here, short of a stated intent.
    "passive": _rx(
        r"\bdon'?t (want|wanna) to be (here|around|alive) any ?more\b", r"\b(i )?(just )?wish i (could )?(disappear|"
        r"vanish|wasn'?t here|was never born|were never born|had never been born|could sleep forever|wouldn'?t wake up)",
        r"\bdisappear (forever|for good|for ever)\b", r"\bsleep (forever|and never wake up|and not wake up)\b",
        r"\bnot wake up\b", r"\btired of (living|existing|life|being alive)\b(?! (like|with|in|under|paycheck|on))", r"\bnothing to live for\b",
        r"\blife (isn'?t|is not|ain'?t) worth (living|it)\b", r"\b(rather|better) be dead\b",
        r"\b(might|may) as well be dead\b", r"\bwant (the|this) pain to (stop|end) (for good|forever)\b",
        r"\bwon'?t be (around|here) (much longer|for long|anymore|any more)\b",
        r"\bdon'?t think i'?ll be (around|here) (much longer|for long)\b", r"\bno reason to (be|stay) (here|alive)\b",
        r"\bnot be here any ?more\b", r"\bjust want to leave (this|it all)\b", r"\bwant(ed)? to die\b",
        r"\bno quiero estar aqui\b", r"\bquiero desaparecer\b", r"\bdesaparecer para siempre\b",
        r"\b(cansad[oa]|hart[oa]) de vivir\b", r"\bno tengo (razones|motivos|nada) para vivir\b",
        r"\bpara que seguir (viv[oa]|viviendo|aqui)\b", r"\bojala no (haber nacido|hubiera nacido|despertar)\b",
        r"\bque todo se acabe\b", r"\bno (le )?veo (el )?sentido a (la vida|vivir|seguir)\b",
        r"\bdejar de sufrir para siempre\b", r"\bsi me muero\b", r"\bpienso\b.{0,25}\b(la muerte|morir\w*)\b",
        r"\bno volver a despertar\b", r"\bno quiero seguir\b", r"\bdon'?t (want|wanna) (to )?be here\b",
        r"\bwant(ing)? to be gone\b", r"\b(not sure|don'?t know) if i'?m (still )?going to (live|be alive|be here)\b",
        r"\b(i'?m|i am|i feel like i'?m) living on borrowed time\b", r"\bwon'?t last (long|much longer)\b", r"\bcan'?t afford to live\b",
        r"\bdeathday\b", r"\b(me fuera|irme|marcharme) para siempre\b",
        r"\b(don'?t think i can|can'?t) hold on (much |a lot |any )?longer\b",
        r"\bonly (thing|reason|one) (keeping|that keeps) me (alive|going|here|from (it|doing it))\b", r"\b(go away|leave) (forever|for good)\b",
        r"\bya no quiero (estar|seguir)\b",
        # Issue #14 dev misses (SDCNL, tweets): a wish not to go on, in other words.
        r"\b(had|have had|i'?ve had) enough of (life|living|this life|existing|it all)\b",
        r"\bwant (this|my)\b.{0,25}\blife to (be over|end|stop)\b", r"\bwant my (life|existence) to (end|be over|stop)\b",
        r"\b(sleep|go to sleep) and (don'?t|never|not) wake up\b", r"\b(and|to) never wake up\b",
        r"\bclinging (on ?)?to life\b", r"\b(comfort\w*|peace\w*) (about|in) (the idea of )?(non-?existence|not existing|death|dying)\b",
        r"\bdon'?t care (enough )?(to|about) (live|living|being alive|staying alive)\b",
        r"\b(want|wanna|ready) to be done (here|with (it all|life|living|everything|this life|existing))\b",
        r"\bwant (everything|it all|this all|all of (it|this)) to (be over|end|stop)\b",
        r"\btired of (merely |just |simply )?(existing|being alive)\b", r"\b(hate|don'?t want) to live to see\b",
        r"\b(losing|lost|lose) (the |a |my )?will to (live|keep going|go on|carry on)\b",
        r"\bholding me back from (the other side|ending it|doing it)\b", r"\bi deserve to die\b",
        r"\b(wish|want) (i|to) (could )?(stop|cease) (existing|living|being)\b", r"\bwant to stop existing\b",
        r"\bquiero dejar de existir\b", r"\bojala (me muera|no existiera|no estar)\b", r"\bme quiero ir para siempre\b",
        r"\bno quiero (despertar|despertarme) (manana|mas)\b",
        r"\b(still )?(isn'?t|not) off the table\b", r"\bhaven'?t ruled it out\b", r"\bthink(ing)? about doing it\b",
        r"\bdon'?t plan on (living|being (here|alive|around))\b", r"\bonly reason (i'?m|im|i am) (not dead|still (alive|here))\b",
        r"\bstay alive for (everyone|them|my|other)\b", r"\bcourage to (actually )?(do it|go through with it|end it)\b",
        r"\b(should|could|will|gonna|going to|why not) (i )?(not )?end it\b", r"\bfind a way to end it\b",
        r"\b(i will|i'?ll) (finally )?find (peace|relief)\b", r"\bi (just )?(wanna|want to) go\s*([.!]|$)",
        r"\bcan'?t i just go\b", r"\bthis isn'?t (even )?living\b", r"\b(the )?easy way out\b",
        r"\bleav(e|ing) (forever|for good)\b",
        r"\b(done|gone|finished) for good\b", r"\bdon'?t see myself (being )?(here|alive|around)\b",
        r"\bwon'?t be (here|around) (next|by|for|in)\b", r"\bready to let go\b", r"\bbetter off soon\b",
        r"\b(happier|better off|easier|fine) (if|when|once) i('?m| am)? ?(was |were |am |'m )?(gone|dead|not (here|around))\b",
        r"\b(happier|better off|easier|fine) if i (wasn'?t|weren'?t) (here|around|alive)\b",
        r"\b(notice|care|miss me) if i (was|were|died|disappeared|was gone)\b",
        r"\bnot a day (goes|passes) by (where|when|that|without)\b.{0,30}\b(think|thinking|wish|wishing|wanting)\b"),
    "hopeless": _rx(
        r"\bhopeless\w*", r"\bno hope\b", r"\bno way out\b", r"\bnothing (will|is going to|is gonna) (ever )?(get|be"
        r"|change)", r"\b(never|won'?t ever) get better\b", r"\bcan'?t see (a|any) (future|way)\b", r"\bno future\b",
        r"\bwhat'?s the point\b", r"\beverything is pointless\b", r"\b(i'?ve|i have) given up\b",
        r"\bgive up on (everything|life|myself)\b", r"\bcan'?t go on\b", r"\bcan'?t keep going\b",
        r"\bcan'?t do this any ?more\b", r"\bend of my rope\b", r"\bno point any ?more\b", r"\bwhy (even )?try\b",
        r"\bmy life is over\b", r"\bsin esperanza\b", r"\bdesesperanza\w*", r"\bno hay salida\b",
        r"\bnada (va a|puede) (mejorar|cambiar)\b", r"\bnunca va a mejorar\b", r"\bnada tiene sentido\b",
        r"\bno tiene sentido (nada|seguir)\b", r"\bme rindo\b", r"\btirado la toalla\b", r"\bno puedo seguir\b",
        r"\bno (le )?veo (futuro|salida)\b", r"\bsin futuro\b", r"\bno se como seguir\b",
        r"\bno point (in )?(even )?(trying|living|going on)\b", r"\b(i'?m|i am) giving up\b",
        r"\bi'?m (so |fucking )?done with (it all|everything|life|living)\b", r"\blost the battle\b",
        r"\bno le encuentro sentido\b", r"\b(just |finally |really )?want out\b(?! of)", r"\bneed out\b(?! of)",
        r"\bnot sure (if )?i (can|want to) (carry on|keep going|go on)\b", r"\bcan'?t carry on\b",
        r"\b(lost|no) (the |my )?(motivation|will|reason) to (go on|keep going|carry on)\b",
        r"\b(i'?ve )?lost the fight\b", r"\bi'?m done for real\b", r"\bnothing is good any ?more\b",
        r"\bi have nothing left\b", r"\bcan'?t live (through|with) (this|another|it)\b",
        r"\bdoubts about (wanting to )?(keep going|going on|living)\b",
        r"\b(it'?s|this is|it is|life is|this) never (going|gonna) to (end|stop|get better|change)\b",
        r"\b(it'?s|this is|it is|life is|my life is) (never|not) (going to |gonna )?get(ting)? (any )?better\b",
        r"\bwhy (does|do|won'?t) (the|my|this) (depression|pain|sadness|suffering)\b.{0,15}\b(go away|end|stop)\b",
        r"\bi (just )?give up\b", r"\bi (won'?t|will not|can'?t|cannot) survive\b(?! (this|the|my|another|a) "
        r"(week|exam|class|semester|day|shift|meeting|test|job|winter|summer))",
        r"\b(see if|don'?t know if|not sure if) i('?ll| will| can)? make it (through|to|past) (tomorrow|tonight|the night|"
        r"the week|the weekend)\b",
        r"\bno (light|end) (at the end of the tunnel|in sight)\b", r"\bya no (tengo|me queda) esperanza\b",
        r"\bnunca (va a )?(mejora|cambia|termina|acaba)\b", r"\bno (va a|voy a) mejorar nunca\b",
        r"\bnothing matters any ?more\b", r"\bgiv(e|ing) up on (everything|life|myself|living)\b",
        r"\btired of fighting\b", r"\bya nada importa\b"),
    "burden": _rx(
        r"\bburden\w*", r"\bbetter off without me\b", r"\b(nobody|no one|no-one) would (care|notice|miss me)\b",
        r"\b(everyone|they|my family|people|everybody) (would be|'d be) (happier|better|fine) without me\b",
        r"\bwithout me around\b", r"\bif i was gone\b", r"\bif i wasn'?t (here|around)\b",
        r"\b(una|un) (carga|estorbo)\b", r"\bmejor sin mi\b", r"\bnadie me (echaria|extranaria) de menos\b",
        r"\bnadie lo notaria\b", r"\ba nadie le importaria\b", r"\bnadie me quiere\b", r"\bsi yo no estuviera\b",
        r"\bmy death would\b", r"\bwon'?t have to deal with me\b", r"\bputting up with me\b",
        r"\bwish(ed)? (they|she|he|you) (had )?never had me\b",
        r"\b(everyone|everybody)('?s| is| would be| will be) better off without you\b",
        r"\bi (ruin|destroy) (everything|everyone'?s (life|lives)|their lives)\b", r"\bi only (bring|cause) (pain|problems)\b",
        r"\bsolo (doy|causo|traigo) problemas\b", r"\b(estarian|estaran) mejor sin mi\b",
        r"\bno ?one (loves|wants|needs) me\b",
        r"\b(nobody|no one|no-one) would (even )?(care|notice|miss me)\b",
        r"\b(everyone|they|everybody|my family)('ll| will) be (better|happier) off\b"),
    "worthless": _rx(
        r"\bworthless\b", r"\bhate my ?self\b", r"\bloathe my ?self\b", r"\bwaste of (space|air|oxygen)\b",
        r"\bi'?m (a|such a) (failure|waste|disappointment)\b", r"\bno valgo nada\b", r"\bno vale nada\b",
        r"\bme odio\b", r"\bsoy (un|una) (fracaso|basura|inutil)\b", r"\bi'?m nothing\b",
        r"\bi deserve (this|to suffer|to be in pain|the pain|all (of )?this|to feel (this|like this)|nothing)\b",
        r"\bhate (every(thing| single thing)) about (myself|me|my ?self)\b", r"\bi hate (who i am|being me)\b",
        r"\b(i'?m|i am) (a |such a )?(lifelong |total |complete |fucking )?(underachieving )?loser\b",
        r"\b(fundamentally|something) (wrong|broken) with me\b(?! (medically|physically))",
        r"\bi'?m (so |such a )?(pathetic|disgusting|waste)\b", r"\bme doy asco\b", r"\bno sirvo para nada\b",
        r"\bi'?m useless\b(?! (at|with|in|when|for))"),
    "trapped": _rx(
        r"\btrapped\b", r"\bcan'?t (take|handle|stand|bear) (it|this|my life|life|much more)( any ?more)?\b",
        r"\bno escape\b", r"\batrapad[oa]\b", r"\bno aguanto (mas|esto)\b", r"\bya no aguanto\b",
        r"\b(ya )?no puedo mas\b", r"\bno soporto (mas|esto|mi vida)\b",
        r"\bi (just )?can'?t any ?more\b", r"\bcouldn'?t (this|it) (all )?just (stop|end)\b",
        r"\bno puedo (con|seguir con) (esto|mi vida|todo)\b", r"\bdon'?t (want|wanna) (to )?live like this\b",
        r"\bwant (it|this|everything) (all )?to stop\b",
        r"\bwant (the|this|my) pain to (stop|end)\b", r"\bquiero que (el|este) dolor (pare|termine|se acabe)\b",
        r"\btired of living like this\b", r"\bcansad[oa] de vivir asi\b"),
    "farewell": _rx(
        r"\bgoodbye (everyone|world|all|forever)\b", r"\bbye everyone\b", r"\bsaying goodbye to\b",
        r"\b(giv(e|ing|en)|gave) (away )?(all )?(of )?my (things|stuff|belongings|possessions)\b",
        r"\b(gave|given|giving) (away )?(all )?my \w+\b.{0,40}\b(won'?t|will not|don'?t) (be needing|need)\b",
        r"\bwon'?t (be needing|need) (it|them|any of it) (any ?more|where i'?m going)\b",
        r"\bwrote (letters|notes) to (my|everyone|all)\b", r"\b(final|last) goodbye\b",
        r"\b(my|this is my) (last|final) (message|post)\b", r"\bthis is (my )?goodbye\b",
        r"\btake care of (my|the) \w+ for me\b", r"\bi'?m sorry for everything\b", r"\blast time i('ll| will)\b",
        r"\bsa(id|y|ying) my goodbyes\b", r"\bthanks for putting up with me\b",
        r"\bme (he )?despedi\b", r"\bdespedirme de\b", r"\bregal(e|ado|ando) (mis|todas mis|casi todas mis) cosas\b",
        r"\bno (las|lo|los|la) voy a necesitar\b", r"\bultima noche\b", r"\bultimo mensaje\b", r"\badios a todos\b",
        r"\bperdon por todo\b", r"\bcartas? (de despedida|para mi familia|a mi familia)\b",
        r"\bthis is my (suicide |last |final )?note\b", r"\bsee you (all )?(next time around|on the other side|in (the|my|"
        r"another) (next )?life)\b", r"\bdelaying the inevitable\b",
        r"\bsorry to (everyone|everybody|all of you)\b.{0,30}\b(tried|help|love|hurt)", r"\b(fun|good|nice) ride while it lasted\b",
        r"\b(final|last) good ?-?bye (message|letter|note|text)\b", r"\b(sending|send|sent|writing) (a |my )?(final|last) "
        r"(message|good ?-?bye)\b", r"\bnos vemos en (la )?otra vida\b", r"\besta es mi (nota|carta) de despedida\b",
        r"\bgoodbye every(body|one)\b", r"\b(write|writing|plan|planning) my (own )?(funeral|eulogy|obituary)\b",
        r"\b(gave|given|giving) away (all )?my \w+( and (my )?\w+)?\b", r"\b(hoy|esta noche) es la noche\b",
        r"\ble (escribi|he escrito) una carta a (cada uno|todos)\b"),
    "means": _rx(
        r"\b(stock(ing)? ?up on|sav(e|ing) up|stash\w*|hoard\w*|collect\w*) (my |some )?(pills|meds|tablets)\b",
        r"\bsleeping pills\b", r"\bhow many (pills|tablets)\b", r"\b(a|the) rope\b", r"\bnoose\b", r"\b(a|my|the) gun\b",
        r"\baccess to (knives|a gun|guns|pills|a rope)\b",
        r"\bthe bridge\b", r"\brazor\w*", r"\bblades?\b", r"\bjump (off|from|in front)\b", r"\b(train )?tracks\b",
        r"\boverdos\w*", r"\b(a|the) (roof|rooftop|ledge)\b", r"\bpills\b",
        r"\bpastillas\b", r"\bcuerda\b", r"\bpistola\b", r"\barma\b", r"\bel puente\b", r"\bcuchillas?\b",
        r"\bvias del tren\b", r"\bazotea\b"),
    "self_harm": _rx(
        r"\bself[- ]?harm\w*", r"\bcutting (myself|again)\b", r"\bcut (myself|my (arms?|wrists?|legs?))\b(?! (off|out|some slack|short|free|loose))",
        r"\bburn(ed|ing)? myself\b", r"\bhurt(ing)? myself\b", r"\bautolesi\w*", r"\bcortarme\b", r"\bme (he )?corte\b",
        r"\bhacerme dano\b",
        r"\burge to (shove|stab|cut|slit|hurt|burn)\b", r"\bganas de (cortarme|hacerme dano)\b"),
    # Talk of death or dying, and softer signs: never enough for the question alone.
    "death": _rx(r"\b(die|dying|dead|death)\b", r"\bhate my life\b", r"\bdisappear\b", r"\bcutting\b",
                 r"\b(wanna|want to) be here\b", r"\boff the table\b", r"\bruled it out\b", r"\bsee the end\b",
                 r"\bknives\b", r"\b(morir|muerte|muert[oa])\b", r"\bodio mi vida\b", r"\bdesaparecer\b",
                 r"\bkill(ed|s)? (themselves|himself|herself|them ?self)\b", r"\b(in|into) a (really |very )?dark place\b",
                 r"\bhate (life|living|existing)\b"),
    # A decision or a plan, in so many words (with means at hand: the crisis flow).
    "plan": _rx(r"\bmy mind is made up\b", r"\b(i'?ve|i have) (got )?it all planned\b",
                r"\bi know (how|when|where) i'?(ll|m going to|am going to) do it\b",
                r"\b(i'?ve|i have) (picked|chosen|set) (a|the) (date|day|place|time)\b",
                r"\blo tengo (todo )?(decidido|pensado|planeado)\b", r"\bya lo he decidido\b",
                r"\bya tengo (un|el) plan\b", r"\bse como (lo )?voy a hacer(lo)?\b",
                r"\bya (elegi|tengo) (el dia|la fecha|el sitio)\b", r"\bfind my body\b",
                r"\b(have|got) (a|the|my) (rope|gun|pills|noose|blades?|tablets)( \w+)? (ready|prepared|saved|set up|"
                r"waiting)\b", r"\btengo (la cuerda|las pastillas|el arma|la pistola)( \w+)? (preparad[oa]s?|listas?)\b",
        r"\b(rope|noose|gun|pills|knife|blade|razor)s?\b.{0,40}\b(keep|kept|been|keeps) (looking|staring|thinking)\b",
        r"\bcount(ed|ing)? (my |the |all my )?(pills|tablets|meds)\b", r"\b(there are|i have|i'?ve got) enough (pills|tablets)\b",
        r"\b(decided|decision)\b.{0,40}\b(tonight|tomorrow|this weekend|this week)\b",
        r"\bit'?s happening (tonight|tomorrow|this weekend)\b", r"\bcontando (mis |las )?pastillas\b"),
    # Questions about ways and means of dying (a method asked about is a plan being weighed).
    "method": _rx(
        r"\b(easiest|easy|quickest|quick|fastest|painless(est)?|best|surest|least painful|most painless|simplest)"
        r"( and \w+| \w+)? (way|method|ways|methods|means) (to|of) (die|dying|kill|end|suicide|commit|do it|go|off)\b",
        r"\bpainless(ly)? (way|method|death|suicide)\b",
        r"\bis (hanging|drowning|jumping|overdosing|an overdose|bleeding out|suffocation) (a )?(painless|painful|quick|fast)\b",
        r"\bhow (painful|quick|fast|long) (is|does) (hanging|drowning|an overdose|overdosing|bleeding out|jumping|"
        r"suffocation|it take to die)\b",
        r"\bhow (many|much) \w+( \w+)? (would it take|does it take|to die|to overdose|is lethal|is a lethal|to kill)\b",
        r"\bhow (many|much)\b.{0,30}\b(it would take|would it take|does it take|it takes) to (die|not wake up|overdose)\b",
        r"\bhow (many|much) of (my|the|these|those) \w+ (it would take|would it take|it'?d take)\b",
        r"\blethal (dose|amount)\b", r"\bhow (high|tall|far) (does|do|would|should) (a|the|i) (bridge|building|fall|drop|jump)\b",
        r"\bhydrogen sulfide\b", r"\b(mix(ed)?|combin\w*)\b.{0,40}\b(toxic|poison(ous)?|chlorine) gas\b",
        r"\b(make|makes|create|creates|produce|produces|making) (a |an )?(toxic|poison(ous)?|deadly|lethal) gas\b",
        r"\bhow to (hang|kill|poison|drown|overdose|suffocate) (myself|yourself|oneself|your ?self)\b",
        r"\b(forma|manera) (mas )?(facil|rapida|indolora|segura) de (morir|matarme|suicidarme|acabar)\b",
        r"\bcuant[oa]s? \w+ (hacen falta|necesito|harian falta) para (morir|no despertar|matarme)\b",
        r"\bcomo (matarme|suicidarme|ahorcarme)\b", r"\bdosis letal\b",
        r"\b(easiest|quickest|fastest|painless\w*|best)\b.{0,20}\bto (kill (yourself|myself)|die)\b",
        r"\bis (hanging|drowning|jumping|overdosing|an overdose|bleeding out) too (painful|slow)\b",
        r"\bwill (\w+ ){1,3}kill me\b", r"\bsodium nitrite\b", r"\bhow to cut (a|my|your) wrists?\b",
        r"\beasy way out\b.{0,20}\?", r"\bdays of (my )?life left\b",
        r"\b(looked|look|looking|searched|searching) up (the )?(tallest|highest) (buildings?|bridges?)\b",
        r"\b(tallest|highest) (building|bridge|cliff)s? (near|around) (me|here)\b",
        r"\bwhat'?s worse,? (suicide|dying|death)\b", r"\b(suicide|dying) or (living|this|keep)\b"),
# Despair and emotional pain, and asking for help in it: never evidence for the suicide question
    # by itself (ordinary distress talks like this too), but the companion checks in gently and
    # keeps help in view (issue #14: many crisis openers show only this).
    "despair": _rx(
        r"\b(so much|in (so much|a lot of|constant)|constant|unbearable|unending|endless) (emotional )?(pain|agony)\b",
        r"\bi hurt\b(?! my| (him|her|them|someone|people))", r"\b(still|been|always|i'?m|keep|just) suffering\b",
        r"\bsuffer(ing)? (so much|every ?day|for years|all the time)\b", r"\b(feel|feeling|so|just|completely) numb\b",
        r"\bempty inside\b", r"\bcrying (so hard|all (day|night)|every (day|night)|myself to sleep)\b",
        r"\bcan'?t stop crying\b",
        rf"\b(please|pls|plz) (help|someone|somebody|talk to me)\b{_HELP_WITH}",
        rf"\bi (really |just )?need (some )?help\b{_HELP_WITH}", r"\b(need|want) (someone|somebody|anyone|anybody) to talk to\b",
        r"\bi need to talk\b", r"\b(in|into) a (really |very |pretty |so )?(bad|dark) place\b",
        r"\bdon'?t know what to do any ?more\b", r"\bmy (life|existence) is (so |just )?(miserable|pointless|meaningless|"
        r"hell|a nightmare)\b", r"\bmiserable (life|existence)\b", r"\b(it|this|life) (just )?keeps getting (worse|darker)\b",
        r"\b(getting|gets) darker\b", r"\bi'?m ((so|just|fucking|completely|really) )*done( trying| with (it|this|"
        r"everything|people|all of it))?\s*([.!,]|$)", r"\bhate (feeling|being) (like this|this way|the way i do)\b",
        r"\bdespair\w*", r"\b(has|have|it'?s) broken me\b", r"\bnobody cares( about me)?\b", r"\bno one cares( about me)?\b",
        r"\bcan'?t (breathe|function|cope) any ?more\b", r"\b(fun|good) while it lasted\b", r"\bi think i'?m ready\s*([.!]|$)",
        r"\b(a )?ticking (time )?bomb\b",
        r"\bsufr(o|iendo) (mucho|tanto|cada dia|demasiado)\b", r"\bno puedo dejar de llorar\b",
        r"\bnecesito (ayuda|hablar con alguien)\b", r"\bayuda(me)?,? por favor\b", r"\bme siento vaci[oa]\b",
        r"\bya no se que hacer\b", r"\bestoy rot[oa]\b", r"\b(tanto|mucho) dolor\b", r"\bnadie me (entiende|escucha)\b",
        r"\bestoy (en un|en el) (pozo|hoyo|agujero)\b", r"\bno tiene sentido\b",
        r"\bcry for help\b", r"\b(has|have|it'?s) gotten (so much )?worse\b", r"\bgets harder to (breathe|live|keep going)\b",
        r"\bnot sure (if )?i'?ll be ok(ay)?\b", r"\b(i'?m|i am) (so )?scared and (i'?m )?alone\b",
        r"\bdon'?t trust myself\b", r"\b(no ?one|nobody) loves me\b",
        r"\bi (really )?mean it this time\b", r"\besta vez va en serio\b",
        r"\b(idk|i dunno) what to do any ?more\b", r"\b(been|keeps?|kept) getting worse\b",
        r"\b(find|finding|looking for) (my|a) reason( to (live|stay|keep going))?\s*([.!]|$)",
        r"\b(want|need) to talk to (someone|somebody|anyone|anybody)\b", r"\b(anyone|anybody|someone) (wanna|want to) talk\b",
        r"\bneed (someone|somebody) to (chat|talk)( to)?\b",
        r"\b(i feel|i'?m|feel|feeling|inside is) ((just|so|really|completely|totally) )*empty\b(?! (room|house|stomach|fridge))",
        r"\b(wrote|written|writing|write) (a |some )?(letter|letters|note|notes) (for|to) (my )?(mum|mom|mother|dad|father|"
        r"parents|family|kids|children|son|daughter|sister|brother|wife|husband|partner|boyfriend|girlfriend|friends|"
        r"best friend)\b",
        r"\bi'?m done,? bye+\b"),
    "attempt": _rx(r"\b(tried|attempted) (to kill myself|suicide|to end it)\b", r"\bmy last attempt\b",
                   r"\bintente (suicidarme|matarme|quitarme la vida)\b", r"\bintentado suicidarme\b"),
}
# Text written to slip past word lists (issue #14, "obfuscation"): letters spaced out ("k i l l
# m y s e l f", "I w a n t to d I e") and digits or symbols for letters ("k1ll mys3lf", "su1c1de").
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"(?<![\w@$])(?=[a-z@$]*\d)(?=\d*[a-z@$])[a-z0-9@$]{3,}(?![\w@$])")
_SPACED = re.compile(r"(?<!\w)(?:[a-z] ){2,}[a-z](?!\w)")
# What spaced-out letters spell, read with every space taken out (stems, then how to say them).
_SPACED_STEMS = (("wanttodie", "want to die"), ("wannadie", "want to die"), ("killmyself", "kill myself"),
                 ("endmylife", "end my life"), ("enditall", "end it all"), ("suicid", "suicide"),
                 ("hangmyself", "hang myself"), ("cutmyself", "cut myself"), ("unalive", "unalive"),
                 ("quieromorir", "quiero morir"), ("matarme", "matarme"), ("suicidarme", "suicidarme"))


@lru_cache(maxsize=512)
def unmask(text: str) -> str:
    """``text`` folded, with leetspeak read as letters and spaced-out letters joined; the same
    folded text when there is nothing of the kind. Matched in addition to the text itself."""
    folded = fold(text)
    out = _LEET_WORD.sub(lambda m: m.group().translate(_LEET), folded)
    if _SPACED.search(out):
        joined = re.sub(r"[^a-z]", "", out)
        found = [said for stem, said in _SPACED_STEMS if stem in joined]
        out = " ".join([_SPACED.sub(lambda m: m.group().replace(" ", ""), out), *found])
    return out


# Kept for callers of the old single pattern.
RISK_HINTS = _rx(*[p.rx.pattern for p in RISK_FACTORS.values()])

# Disclosures that need resources and (per operator policy) a person.
ABUSE = _rx(
    r"\b(he|she|they|my \w+) (hits?|beats?|kicks?|chokes?|strangles?|slaps?|punch(es)?|rapes?|raped|abuses?|abused"
    r"|touches|touched|hurts|hurt|threatens|threatened) me\b",
    r"\bi('m| am| was| have been|'ve been) (being )?(abused|raped|assaulted|molested|beaten|hit)\b",
    r"\b(sexual|physical|emotional|domestic) (abuse|violence|assault)\b", r"\bdomestic violence\b",
    r"\b(afraid|scared) (to go home|of (him|her|my (husband|wife|partner|boyfriend|girlfriend|dad|mum|mom|father|mother"
    r"|parents)))\b", r"\bwon'?t let me (leave|go out|see)\b",
    r"\bme (pega|golpea|maltrata|viola|violo|amenaza|pegan|golpean|maltratan)\b", r"\bmaltrato\b",
    r"\bviolencia (de genero|domestica|machista)\b", r"\b(abusa|abuso|abusaron) de mi\b",
    r"\bmiedo de (volver a casa|mi (marido|pareja|novio|novia|padre|madre|mujer))\b",
)
HARM_OTHERS = _rx(
    r"\b(i('m| am)? ?(going to|gonna)|i want to|i'?ll|i will|i could) (kill|hurt|stab|shoot|attack|beat up|strangle"
    r"|poison) (him|her|them|someone|somebody|people|everyone|my \w+|that \w+|the \w+)\b",
    r"\bi('m| am) (going to|gonna) (make|get) (him|her|them) (pay|hurt)\b",
    r"\b(voy a|quiero) (matar|apunalar|pegar|hacer dano) (a|al|a la) \w+\b", r"\blo voy a matar\b",
    r"\bla voy a matar\b",
)
MINOR_AGE = Pattern(re.compile(r"\bi('m| am) (1[0-5]|[5-9])( years old| yo|\b)|\btengo (1[0-5]|[5-9]) anos\b",
                               re.IGNORECASE))
MINOR_DANGER = _rx(
    r"\b(a|my|the|our|\w+'s) (child|kid|son|daughter|baby|toddler|little (brother|sister)|niece|nephew|student|pupil)"
    r"\b.{0,60}\b(hit|hits|beaten|beats|hurt|hurts|abus\w*|touch\w*|neglect\w*|starv\w*|locked|molest\w*|in danger)\b",
    r"\b(someone|somebody|an adult|a man|a woman|he|she) (is |keeps )?(hurting|touching|abusing|hitting) "
    r"(a|my|the) (child|kid|little)\b",
    r"\b(un|una|mi|el|la) (nino|nina|hij[oa]|bebe|sobrin[oa]|hermanit[oa]|alumn[oa])\b.{0,60}\b(le pegan|pegan|golpea"
    r"\w*|maltrat\w*|abus\w*|toca\w*|encerrad[oa]|en peligro)\b",
)

# Spanish and English function words for telling the person's language (see i18n.detect).
SPANISH_WORDS = frozenset(
    "que de la el los las y en un una unos unas por para con es estoy esta estas soy eres mi mis tu te lo le se ya mas"
    " muy pero porque nada nadie todo todos quiero puedo tengo siento hola gracias bien mal si sin como cuando donde"
    " hoy ayer manana vida morir aguanto ganas olvidalo broma jaja vale pues aqui eso esto algo del al hacer ser"
    " estar hay fue era tambien asi ahora siempre nunca sola solo estado animo triste cansada cansado trabajo"
    " examenes quien usted ustedes mucho mucha poco otra otro dia semana noche casa madre padre novio novia".split())
ENGLISH_WORDS = frozenset(
    "the and i i'm im you to of is it my not that this what with for just so have been was feel feeling want don't"
    " can't about really am are be do at on in but if like get they he she we your how why when know think anymore"
    " life people would could should never nothing nobody everyone going gonna it's i've i'll dont cant day work"
    " tired sad today tonight anyone myself".split())
