"""Spanish crisis-language rules (pure Python, standard library only).

The English engine (:mod:`.engine`) calls :func:`assess` when a text is Spanish
(:func:`.text.detect_language`) or contains Spanish crisis vocabulary
(:func:`has_cue`).  The result uses the same levels, construct names
(``engine.LABELS``) and modifiers as the English rules, and every span points
into the original text.

Pipeline: tokens of the original text -> normalised tokens (lower case, accents
stripped, letter runs squeezed, leetspeak and censoring undone, letter-spaced
words joined, chat spellings expanded: "q"/"k" -> "que", "xq"/"pq" ->
"porque", "kiero" -> "quiero", "sucidarme"/"suisidio" -> "suicid-") joined into
one string -> precompiled regular expressions per construct over that string
-> context rules per hit (negation, hypothetical, quotation/fiction/news,
remote past and recovery, recent past, person) -> a level on the same
C-SSRS-style ladder as the English rules (docs/safety.md, "Spanish").

Person is read mostly from Spanish verb morphology and clitics: "me quiero
morir" / "matarme" (first person) are the author's own; "se quiere morir",
"quiere matarse" (third person) become ``third_person_concern``; "se suicidó",
"se quitó la vida" become ``suicide_exposure``; "¿te quieres morir?",
"¿quieres matarte?" (second person, voseo "querés" included) are ignored;
"mátate" aimed at someone is ``directed_at_others``.  Idioms built on the same
verbs ("me muero de risa", "este examen me va a matar", "me mata la espalda",
"te voy a matar si...", "estoy muerta de cansancio", "me mato estudiando",
"mátame camión", "me muero por verte") are never matched: the patterns require
the first-person forms with a reflexive reading, and idiom continuations
("de risa", "de hambre", a gerund, "por verte") are excluded.

Much crisis language names no crisis verb at all: the means and what is done
with them (kept, counted, hidden, bought "y no quiero explicar para qué",
held, ready, stared at), places to fall from with time spent there, dates and
deadlines, affairs arranged for afterwards, things given away "porque ya no
los voy a necesitar", method questions ("¿ahogarse duele?"), accidents wished
for, comparisons ("nunca había tenido tantas ganas de..."), emoji.  Those
phrases are built from everyday nouns and verbs, so each carries its own guard
against the everyday uses of the same words (a rope for the washing, a
"despedida de soltera", a dose for a child, an apology for being late); weak
forms ("ya tengo fecha", "tengo pastillas guardadas") count only next to other
crisis language.

Sources
-------
* Levels follow the ideation-to-behaviour ladder of the Columbia-Suicide Severity
  Rating Scale, as for English (Posner K. et al., Am J Psychiatry 2011;
  168(12):1266-1277): wish to be dead; non-specific active suicidal thoughts;
  thoughts with a method; with intent; with a plan; preparatory behaviour;
  interrupted, aborted and actual attempts.  The same rungs were validated in
  Spanish by Al-Halabí S., Sáiz P.A., Burón P., Garrido M., Benabarre A.,
  Jiménez E., Cervilla J., Navarrete M.I., Díaz-Mesa E.M., García-Álvarez L.,
  Muñiz J., Posner K., Oquendo M.A., García-Portilla M.P., Bobes J.,
  "Validación de la versión en español de la Columbia-Suicide Severity Rating
  Scale (Escala Columbia para Evaluar el Riesgo de Suicidio)", Rev Psiquiatr
  Salud Ment 2016;9(3):134-142; this module uses that rung structure for
  Spanish text.  The scale is a clinician interview, not a word list: the cue
  phrases below are everyday chat wording for each rung, written for this
  module, not the scale's questions.
* Construct names and their definitions (passive and active ideation, lethal
  means, direct self-injury, hopelessness, entrapment, burdensomeness,
  worthlessness, emotional pain, suicide exposure) are those of the Suicide
  Risk Lexicon v1.0 (Low D.M. et al. 2024, construct-tracker, Apache-2.0)
  already used by the English rules.  The lexicon is English; no entry was
  translated or copied here.
* The context rules mirror the English ones (docs/safety.md).  The Spanish
  surface forms (negators, conditional "si", voseo, chat spellings, idioms)
  were written by hand.  After a first version, the rules were run over the
  project's own written Spanish corpus (``corpus/es_*.csv``, made for the
  shipped model) and widened where it showed general gaps (verb forms,
  spellings, reported speech, recovery stories); no corpus sentence was
  copied into the tables or the tests.  The constructs without crisis verbs
  were first written from their descriptions and hand-written test cases,
  then widened the same way (docs/safety.md, "Spanish", gives both figures).

Only this module's own tables are used; nothing is read from disk.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from itertools import accumulate
from typing import NamedTuple

from . import rxcache
from .evidence import RISK_FACTORS, Evidence, Sign, add_evidence_flags, inside_quotes, quote_spans
from .evidence import contained_spans as _contained
from .text import EN_WORDS, FOREIGN_WORDS, leet_table

NO, LOW, MOD, HIGH, IMM = range(5)

# ---------------------------------------------------------------- normalisation

# Words (letters, digits and the symbols used to dodge filters inside them) and
# the punctuation that separates sentences and clauses.
_EMOJI = {"\U0001FAA2": "emoji_rope", "\U0001F52B": "emoji_gun", "\U0001F52A": "emoji_knife",
          "\U0001F48A": "emoji_pill", "\U0001FAA6": "emoji_grave", "\u26B0": "emoji_grave", "\U0001FA78": "emoji_blood",
          "\U0001FA92": "emoji_razor", "\U0001F44B": "emoji_wave", "\U0001F309": "emoji_bridge",
          "\U0001F3E2": "emoji_building", "\u2B07": "emoji_down", "\u2193": "emoji_down", "\u2935": "emoji_down",
          "\U0001F53D": "emoji_down", "\U0001F682": "emoji_train", "\U0001F683": "emoji_train",
          "\U0001F684": "emoji_train", "\U0001F685": "emoji_train", "\U0001F686": "emoji_train",
          "\U0001F687": "emoji_train", "\U0001F6E4": "emoji_train",
          # Session 16: "the end" and a hole ("ya está 🔚", "nadie me va a extrañar 🕳️").  The skull is
          # left out: "💀💀 me muero" is laughter.
          "\U0001F51A": "emoji_end", "\U0001F573": "emoji_hole",
          # Session 17: the dove, said after a goodbye or rest ("me voy 👋🕊️", "descansar para siempre 🕊️"),
          # reads as the end.
          "\U0001F54A": "emoji_end"}
_TOKEN_RE = re.compile(
    r"[$@]?[^\W_](?:[^\W_]|[@$*](?=[^\W_*])|\*+(?=[^\W_]))*|\.\.\.|…|[.!?;\n]+|¿+|¡+|[,:()\"“”«»—–]|\s-+\s"
    "|[" + "".join(_EMOJI) + "]"
)
_SPLIT_RE = re.compile("(" + _TOKEN_RE.pattern + ")")
# Punctuation tokens in the normalised string: "." ends a sentence, "?" a
# question, "¿"/"¡" open one, "," ends a clause.  Patterns never cross them.
_PUNCT_MAP = {"?": "?", "¿": "¿", "¡": "¡"}
_SENT_MARKS = frozenset({".", "?", "¿", "¡"})
_CLAUSE_MARKS = _SENT_MARKS | {","}

_LEET = leet_table({"1": "i", "8": "b", "9": "g", "|": "l"})
_LEET_L = leet_table({"1": "l", "8": "b", "9": "g"})
_HAS_DIGIT = re.compile(r"[0-9@$]")
_NUMERIC = re.compile(r"\d+(?:[.,]\d+)?(?:h|hs|hrs|am|pm|mg|ml|g|gr|x|s|min|mins|a|o|er|ro|do|to|vo|no|ra)?$")
_RUN3 = re.compile(r"([a-z])\1{2,}")
# Doubled letters that Spanish does not write ("l", "r", "c", "n", "e", "o" can be double).
_DOUBLE = re.compile(r"([abdfghijkmpqstuvwxyz])\1")
_FINAL_DOUBLE = re.compile(r"([a-z])\1$")
_KEEP_FINAL_DOUBLE = frozenset({"cree", "lee", "provee", "posee", "zoo", "desee", "vee"})
_K_QU = re.compile(r"k(?=[ei])")
_K_C = re.compile(r"k(?=[aou])")
_Z_C = re.compile(r"z(?=[ei])")
_Q_QU = re.compile(r"q(?=[ei])")
_SUICID = re.compile(r"^su[iy]?[csz]{1,2}i?d")

def _strip_accents_simple(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


# Chat spellings and abbreviations (after lower-casing and stripping accents).
_CHAT = {
    "q": "que", "k": "que", "ke": "que", "qe": "que", "qu": "que",
    "xq": "porque", "xk": "porque", "pq": "porque", "pk": "porque", "porq": "porque", "xke": "porque",
    "pke": "porque", "porke": "porque", "porqe": "porque", "xque": "porque", "pque": "porque",
    "tb": "tambien", "tmb": "tambien", "tbn": "tambien", "x": "por", "d": "de", "pa": "para",
    "toy": "estoy", "stoy": "estoy", "estoi": "estoy", "toi": "estoy",
    "kiero": "quiero", "qiero": "quiero", "kero": "quiero", "qero": "quiero", "kieroo": "quiero",
    "kisiera": "quisiera", "qisiera": "quisiera",
    "bn": "bien", "nd": "nada", "nda": "nada", "tdo": "todo", "td": "todo", "tds": "todos",
    "mnn": "manana", "mna": "manana", "mnna": "manana", "noxe": "noche", "nochee": "noche",
    "mxo": "mucho", "mxa": "mucha", "mxos": "muchos", "mxas": "muchas", "ps": "pues", "pos": "pues",
    "ia": "ya", "io": "yo", "boy": "voy", "boi": "voy", "voi": "voy", "bida": "vida",
    "aora": "ahora", "aorita": "ahorita", "ahorita": "ahorita", "weno": "bueno", "dsp": "despues",
    "dps": "despues", "grax": "gracias", "adio": "adios", "adioss": "adios",
    "nunk": "nunca", "nunka": "nunca", "jamas": "jamas", "sta": "esta", "stas": "estas", "tmp": "tampoco",
    "pastis": "pastillas", "pastiyas": "pastillas", "pastias": "pastillas", "pastilas": "pastillas",
    "matarm": "matarme", "suicidarm": "suicidarme", "morirm": "morirme", "ahorcarm": "ahorcarme",
    "nadien": "nadie", "pal": "al", "vdd": "verdad", "msj": "mensaje", "dnd": "donde",
    "cmo": "como", "kmo": "como", "xfa": "porfavor", "plis": "porfavor", "porfa": "porfavor",
    "xa": "para", "yr": "ir", "qro": "quiero", "kro": "quiero", "mtrm": "matarme", "mtrme": "matarme",
    "mtarme": "matarme", "mrir": "morir", "morirme": "morirme",
    # Voseo (session 18): the second person of Argentina, Uruguay and Central America read as the tú
    # form the tables are written with ("¿cuánta sangre podés perder antes de morir?").
    "podes": "puedes", "queres": "quieres", "tenes": "tienes", "pensas": "piensas", "decis": "dices",
    "venis": "vienes", "vivis": "vives", "sentis": "sientes", "preferis": "prefieres",
    # English slang conjugated the Spanish way ("unalivearme"); plain English words are left to
    # the English rules.
    "unalivearme": "matarme", "unalivarme": "matarme", "unalivirme": "matarme", "autodesvivirme": "desvivirme",
}
# Accented words whose plain spelling is another word: "sí" (yes) / "si" (if), "él" (he) /
# "el" (the), "sé" (I know) / "se" (reflexive).
_ACCENTED_APART = {"sí": "si_", "él": "el_", "sé": "se_"}
# Third-person preterites that read as first-person presents once the accent is gone
# ("ese chiste me mató" / "me mato"): with the accent written they stay apart ("mato_").
for _w in ("mató cortó tiró quitó disparó ahorcó suicidó colgó envenenó lanzó aventó arrojó tomó "
           "tragó cuidé regalé").split():
    _ACCENTED_APART[_w] = _strip_accents_simple(_w) + "_"
# Crisis words recovered from letter spacing ("m a t a r m e") and censoring ("m*tarme").
KEY_WORDS = frozenset("""matar suicidar matarme matarse matarte morir morirme morirse muerte muerto muerta suicidio suicida
    suicidarme suicidarse suicidarte suicido ahorcarme colgarme cortarme cortarse quitarme vida
    pastillas adios desaparecer despertar existir vivir venas soga sobredosis autolesion autolesiones
    autolesionarme desvivirme envenenarme dispararme tirarme aventarme lanzarme arrojarme quiero quisiera
    muero mato mate matare mataria suicidaria puente vias azotea""".split())
# Words a letter-spaced run may be cut into ("m e q u i e r o m o r i r" -> "me quiero morir").
_SEGMENT_WORDS = KEY_WORDS | frozenset("""me te se quiero voy a ya no mi la el las los de del es en solo
    todas todos""".split())


def _segment(letters: str) -> list[str] | None:
    """Split a run of letters into known words (shortest pieces last), or None."""
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 12), end):
            if start in best and letters[start:end] in _SEGMENT_WORDS:
                cand = best[start] + [letters[start:end]]
                if end not in best or len(cand) < len(best[end]):
                    best[end] = cand
    got = best.get(len(letters))
    return got if got and not KEY_WORDS.isdisjoint(got) else None
_KEY_LIST = sorted(KEY_WORDS)

_MEMO: dict[str, str] = {}
_MEMO_MAX = 100_000


def _strip_accents(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def _uncensor(w: str) -> str:
    rx = re.compile("^" + re.escape(w).replace(r"\*", "[a-z]{0,2}") + "$")
    found = [k for k in _KEY_LIST if rx.match(k)]
    return found[0] if len(found) == 1 else w.replace("*", "")


def _norm_word(raw: str) -> str:
    got = _MEMO.get(raw)
    if got is not None:
        return got
    w = raw.lower()
    if not w.isascii():
        if w in _ACCENTED_APART:
            w = _ACCENTED_APART[w]
        else:
            w = _strip_accents(unicodedata.normalize("NFKC", w).replace("’", "'"))
    if _HAS_DIGIT.search(w) and not _NUMERIC.match(w) and any(c.isalpha() for c in w):
        cand = w.translate(_LEET)
        if "1" in w and cand not in KEY_WORDS:
            alt = w.translate(_LEET_L)
            if alt in KEY_WORDS:
                cand = alt
        w = cand
    if "*" in w:
        w = _uncensor(w)
    if w.isalpha():
        if _RUN3.search(w):
            w = _RUN3.sub(r"\1", w)
        if _DOUBLE.search(w):
            w = _DOUBLE.sub(r"\1", w)
        if w not in _KEEP_FINAL_DOUBLE and _FINAL_DOUBLE.search(w):
            w = w[:-1]
        chat = _CHAT.get(w)
        if chat is not None:
            w = chat
        else:
            if "k" in w:
                w = _K_QU.sub("qu", w)
                if len(w) >= 4:
                    w = _K_C.sub("c", w)
            if "z" in w and len(w) >= 5:
                w = _Z_C.sub("c", w)  # "desaparezer"
            if "q" in w:
                w = _Q_QU.sub("qu", w)
            if w.startswith("su") and _SUICID.match(w):
                w = _SUICID.sub("suicid", w)
            w = _CHAT.get(w, w)
    if len(_MEMO) < _MEMO_MAX:
        _MEMO[raw] = w
    return w


_SPACED_RE = re.compile(r"(?<![^\W_])(?:[^\W_][ .\-_]){2,}[^\W_](?![^\W_])")


class Norm(NamedTuple):
    """Normalised tokens of a text and where each came from."""

    text: str                 # the original text
    toks: list[str]           # normalised tokens (words and punctuation marks)
    starts: list[int]         # original start offset of each token
    ends: list[int]           # original end offset of each token
    joined: str               # " " + " ".join(toks) + " "
    offsets: list[int]        # offset of each token in ``joined``


def _mark(c: str) -> str:
    """The token of a punctuation mark: "." ends a sentence, "?"/"¿"... keep their own, others ","."""
    return "." if c in ".!;\n…" else _PUNCT_MAP.get(c, ",")


def _tok(raw: str) -> str:
    """Normalised form of one token (word, emoji or punctuation mark), memoised."""
    got = _MEMO.get(raw)
    if got is not None:
        return got
    c = raw[0]
    if c in _EMOJI:
        tok = _EMOJI[c]
    elif c.isalnum() or c in "$@":
        return _norm_word(raw)
    else:
        tok = _mark(c)
    if len(_MEMO) < _MEMO_MAX:
        _MEMO[raw] = tok
    return tok


def normalize(text: str) -> Norm:
    """Normalised tokens of ``text``, each with the span of the original token it came from."""
    if _SPACED_QUICK.search(text) or _JOIN_QUICK.search(text):
        return _normalize_spaced(text)
    # split() with a capturing group alternates separator, token, separator...; running
    # lengths give every token's offset without a Python-level loop over matches.
    parts = _SPLIT_RE.split(text)
    raws = parts[1::2]
    offs = list(accumulate(map(len, parts), initial=0))
    memo = _MEMO
    toks = [memo.get(r) or _tok(r) for r in raws]
    starts = offs[1:-1:2]
    ends = offs[2::2]
    if _MID_CAPITAL.search(text) and not _SENT_PUNCT.search(text):
        toks, starts, ends = _capital_breaks(text, toks, starts, ends)
    if not _EDGE_WORDS.isdisjoint(toks):
        return _neutral_edges(text, toks, starts, ends)
    offsets = list(accumulate([len(t) + 1 for t in toks], initial=1))[:-1]
    return Norm(text, toks, starts, ends, " " + " ".join(toks) + " ", offsets)


def _normalize_spaced(text: str) -> Norm:
    """The slow path: letter-spaced words ("m a t a r m e") are joined first."""
    toks: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    spaced: dict[int, tuple[int, list[str]]] = {}
    if _SPACED_QUICK.search(text):
        for m in _SPACED_RE.finditer(text):
            letters = _norm_word(re.sub(r"[ .\-_]", "", m.group()))
            if letters in KEY_WORDS:
                spaced[m.start()] = (m.end(), [letters])
            elif len(letters) <= 40:
                words = _segment(letters)
                if words:
                    spaced[m.start()] = (m.end(), words)
    # Words cut by hyphens or dots ("sui-ci-dar-me", "ma.tar.me") or with "me" written apart
    # ("matar me"): joined when the whole is a crisis word.
    for m in _JOIN_RE.finditer(text):
        if m.start() not in spaced:
            letters = _norm_word(re.sub(r"[\s.\-·]", "", m.group()))
            if letters in KEY_WORDS:
                spaced[m.start()] = (m.end(), [letters])
    skip_until = -1
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        if s < skip_until:
            continue
        if s in spaced:
            e, words = spaced[s]
            skip_until = e
            for w in words[:-1]:
                toks.append(w)
                starts.append(s)
                ends.append(e)
            tok = words[-1]
        else:
            raw = m.group()
            c = raw[0]
            if c in _EMOJI:
                tok = _EMOJI[c]
            elif c.isalnum() or c in "$@":
                tok = _norm_word(raw)
                if not tok:
                    continue
            else:
                tok = _mark(c)
            if tok in _CLAUSE_MARKS and toks and toks[-1] in _CLAUSE_MARKS:
                # A run of marks: keep the strongest ("?" over "," etc.).
                if toks[-1] == ",":
                    toks[-1] = tok
                ends[-1] = e
                continue
        toks.append(tok)
        starts.append(s)
        ends.append(e)
    if _MID_CAPITAL.search(text) and not _SENT_PUNCT.search(text):
        toks, starts, ends = _capital_breaks(text, toks, starts, ends)
    if not _EDGE_WORDS.isdisjoint(toks):
        return _neutral_edges(text, toks, starts, ends)
    offsets = []
    pos = 1
    for t in toks:
        offsets.append(pos)
        pos += len(t) + 1
    joined = " " + " ".join(toks) + " "
    return Norm(text, toks, starts, ends, joined, offsets)


# Words that say nothing of their own at the edge of a clause (session 18, robustness reading).
# A word of address ("... amiga", "... wey", "... tío", "boludo, ...") names the person written to,
# not a third person and not part of the phrase: "estoy en el puente amiga" is "estoy en el puente",
# and "amiga" must neither end the clause too late for the phrases that need its end nor be taken
# for the subject ("amiga" is also a third-person word when it is a noun: "mi amiga", "una amiga",
# "mi mejor amiga", "no tengo amigas" stay as written).
ADDRESS = frozenset("""amiga amigo amigas amigos amix amigui tio tia tios tias wey guey we wei weyes wn weon weona
    hueon huevon huevona boludo boluda boludos boludas bolu parce parcero parcera mano manito manita hermano
    hermana hermanos hermanas hermanito hermanita bro broder brother compa compadre comadre chamo chama pana
    panas cuate cuata carnal carnala man chabon nena nene gente chicos chicas loco loca""".split())
# Before a noun these make it part of the clause: determiners, possessives, prepositions,
# quantifiers, "tengo / soy / estoy / ando ..." ("estoy loca", "no tengo amigos", "soy tu amiga").
_NOUN_BEFORE = frozenset("""el la los las un una unos unas mi mis tu tus su sus nuestro nuestra nuestros nuestras
    vuestro vuestra este esta estos estas ese esa esos esas aquel aquella otro otra otros otras cada ningun
    ninguna ninguno algun alguna alguno cualquier muchos muchas pocos pocas varios varias tantos tantas
    de del a al con sin para pa por en entre hacia hasta
    desde segun como ni y e o u tengo tienes tiene tenemos tienen tenia tuve hay habia soy eres es somos son era
    fue sea ser sos busco buscar necesito conozco conocer""".split())
# "Loco" / "loca" are also adjectives ("estoy loca", "la vida loca"): a word of address only alone in
# its clause (", loca"); "gente" is a noun after a quantifier too ("mucha gente").
_ADJ_ADDRESS = frozenset({"loco", "loca"})
_QUANT_SING = frozenset("mucho mucha poco poca tanto tanta todo toda demasiada demasiado".split())
# An adjective between a determiner and the noun ("mi mejor amiga", "una gran amiga").
_NOUN_ADJ = frozenset("mejor mejores gran buen buena querida querido unica unico vieja viejo nueva nuevo pobre "
                      "primer primera ex unic segunda segundo propia propio misma mismo".split())
# "Ando" before a gerund is "estoy" ("me ando cortando", "ando juntando pastillas"), as in much of
# Latin America; alone or before anything else it stays ("ando mal", "ando en el puente").
_ANDAR = {"ando": "estoy", "andas": "estas", "anda": "esta", "andamos": "estamos", "andan": "estan",
          "andaba": "estaba", "andabas": "estabas", "andaban": "estaban"}
_GERUND_RX = re.compile(r"[a-z]{2,}(?:ando|iendo|yendo)(?:me|te|se|nos|lo|la|los|las|le|les){0,2}$")
_NOT_GERUND = frozenset("""cuando ando mando comando blando entiendo atiendo extiendo enciendo defiendo pretendo
    vendo tiendo estupendo tremendo horrendo reverendo dividendo remiendo""".split())
# "Me necesito cortar" is "necesito cortarme": the clitic may go before the verb that governs the
# infinitive.  The tables write both orders for "quiero", "voy a", ...; for these verbs the clitic is
# moved onto the infinitive (session 18).
_CLIMB = frozenset("necesito deberia pienso planeo prefiero preferiria deseo".split())
_INFINITIVE = re.compile(r"[a-z]{2,}(?:ar|er|ir)$")
_EDGE_WORDS = (ADDRESS | {"ya", "verdad", "neta", "se_", "se", "sea", "bueno", "pues", "fin", "osea"} | set(_ANDAR)
               | _CLIMB)


def _is_address(toks: list[str], k: int) -> bool:
    """Whether ``toks[k]`` (a word of :data:`ADDRESS`) is said to someone rather than a noun of the clause."""
    if k == 0:
        return True
    prev = toks[k - 1]
    if toks[k] in _ADJ_ADDRESS:
        return prev in _CLAUSE_MARKS
    if prev in _NOUN_BEFORE or (toks[k] == "gente" and prev in _QUANT_SING):
        return False
    if prev in _NOUN_ADJ and (k < 2 or toks[k - 2] in _NOUN_BEFORE):
        return False
    return True


def _address_at_edge(toks: list[str], k: int, prev_break: bool) -> bool:
    """Whether ``toks[k]``, a word of :data:`ADDRESS`, is said to the reader at a clause's end (other
    words of address or emoji may follow) or alone before its mark at a clause's start."""
    n = len(toks)
    m = k + 1
    while m < n and (toks[m] in ADDRESS or toks[m].startswith("emoji_")):
        m += 1
    at_end = m >= n or toks[m] in _CLAUSE_MARKS
    return (at_end or (prev_break and k + 1 < n and toks[k + 1] in _CLAUSE_MARKS)) and _is_address(toks, k)


# English words of address are left to the English blanking (:func:`.text.blank_edges`): "my brother".
_ADDRESS_ES = ADDRESS - {"we", "man", "bro", "broder", "brother"}
# A greeting or a hedge opening a sentence ("neta ...", "hola. ...", "la verdad ...").
# ("hola" is left to the rules: the model reads a greeting as it learnt it.)
_LEAD_HEDGE = frozenset({"neta", "oye", "osea"})
_ADDRESS_HINT = re.compile(r"(?i)\b(?:" + "|".join(sorted(_ADDRESS_ES | _LEAD_HEDGE)) +
                           r"|t[ií][oa]s?|g[üu]ey|verdad|no s[eé])\b")


# The quick check before the reading: a word of the hint set (accents off, lower case), or "no" and
# "se" (for "no sé"); a set lookup per word instead of a long case-blind alternation (session 18).
_HINT_WORDS = frozenset(_strip_accents_simple(w) for w in _ADDRESS_ES | _LEAD_HEDGE) | frozenset(
    "tio tia tios tias guey verdad".split())
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _may_have_address(text: str) -> bool:
    low = text.lower()
    words = set(_LETTERS_RE.findall(low if low.isascii() else _strip_accents_simple(low)))
    return not words.isdisjoint(_HINT_WORDS) or ("no" in words and "se" in words)


def blank_address(text: str) -> str:
    """``text`` with the words of address that :func:`normalize` reads as nothing, and a greeting or
    hedge opening a sentence, replaced by spaces (the same length): the shipped model reads the text
    itself, and "... amiga" at the end of a message weighed against crisis there, as a friend named
    in the third person does (session 18).
    "Mi amiga", "no tengo amigos", "la vida loca" are nouns of their clause and stay."""
    if not _may_have_address(text) or not _ADDRESS_HINT.search(text):
        return text
    parts = _SPLIT_RE.split(text)
    offs = list(accumulate(map(len, parts), initial=0))
    toks = [_tok(r) for r in parts[1::2]]
    starts, ends = offs[1:-1:2], offs[2::2]
    out = text
    for k, t in enumerate(toks):
        opening = k == 0 or toks[k - 1] in _SENT_MARKS
        if (t in _ADDRESS_ES and _address_at_edge(toks, k, k == 0 or toks[k - 1] in _CLAUSE_MARKS)) or (
                opening and t in _LEAD_HEDGE and k + 1 < len(toks)):
            out = out[:starts[k]] + " " * (ends[k] - starts[k]) + out[ends[k]:]
        elif (opening and (t, toks[k + 1] if k + 1 < len(toks) else "") in _HEDGE_CLAUSES and k + 2 < len(toks)
              and (t != "no" or toks[k + 2] == ",")):
            # "la verdad ...", "no sé, ..." (not "no sé si ..."), "la neta ..." opening a sentence.
            out = out[:starts[k]] + " " * (ends[k + 1] - starts[k]) + out[ends[k + 1]:]
    return out


# Greetings and discourse fillers: like the words of address, they do not count towards the length
# limits of short messages ("neta hoy me 🪦, ya lo decidí" is as short as without "neta"; session 18).
_NEUTRAL = frozenset("neta hola holi holis oye oigan mira bueno weno pues che osea ey ok okey okay".split())


def content_words(toks: list[str]) -> int:
    """How many words of ``toks`` (normalised tokens) say something: not marks, greetings, fillers,
    "la verdad" or words of address."""
    n = 0
    for k, t in enumerate(toks):
        if t in _CLAUSE_MARKS or t in _NEUTRAL or (t in ADDRESS and _is_address(toks, k)):
            continue
        if t == "verdad" and k and toks[k - 1] == "la":
            n -= 1  # "la verdad": the "la" was counted
            continue
        n += 1
    return n


# "y ya", "pues ya" ("and that's it", "so be it") are phrases of their own.
_YA_KEEP = frozenset({"y", "ya", "pues", "bueno", "o", "que", "si", "si_"})


# A post written without full stops but with its sentences capitalised ("... ya le quitaron los puntos El
# veterinario dijo ..."): a capitalised word that usually opens a sentence starts one (session 18).
# Names are not on the list, so "fui con Ana al puente" is not cut.
_SENT_PUNCT = re.compile(r"[.!?;\n…]")
_MID_CAPITAL = re.compile(r"[a-záéíóúñü] [A-ZÁÉÍÓÚÑ][a-záéíóúñü]")
_OPENERS = frozenset("""el la los las lo le les mi mis tu su un una yo ella ellos ya pero y despues bueno aunque
    si no me te se hoy ayer anoche manana ahora esta este esto eso tengo estoy quiero voy cuando luego entonces
    asi pues hace solo nadie todo todos creo siento nunca tambien al final porque que como""".split())


def _capital_breaks(text: str, toks: list[str], starts: list[int], ends: list[int]
                    ) -> tuple[list[str], list[int], list[int]]:
    out_t: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for k, t in enumerate(toks):
        if k and t in _OPENERS and out_t[-1] not in _CLAUSE_MARKS:
            raw = text[starts[k]:ends[k]]
            before = text[starts[k - 1]:ends[k - 1]]
            if raw[:1].isupper() and raw[1:].islower() and before[-1:].islower():
                out_t.append(".")
                out_s.append(starts[k])
                out_e.append(starts[k])
        out_t.append(t)
        out_s.append(starts[k])
        out_e.append(ends[k])
    return out_t, out_s, out_e


# A clause that is only a hedge ("no sé, ...", "..., la verdad", "neta, ...") says nothing of its own:
# it goes, with its comma, so that the clause beside it starts and ends as it would alone.
_HEDGE_CLAUSES = frozenset({("la", "verdad"), ("la", "neta"), ("neta",), ("no", "se_"), ("no", "se"), ("o", "sea"),
                            ("bueno",), ("pues",), ("en", "fin"), ("osea",)})
_HEDGE_WORDS = frozenset(w for c in _HEDGE_CLAUSES for w in c[-1:])


def _drop_hedge_clauses(toks: list[str]) -> None:
    """Blank (set to "") the hedge-only clauses of ``toks`` and one comma beside each."""
    n = len(toks)
    k = 0
    while k < n:
        m = k
        while m < n and toks[m] not in _CLAUSE_MARKS:
            m += 1
        if tuple(toks[k:m]) in _HEDGE_CLAUSES and (k > 0 or m < n):
            for x in range(k, m):
                toks[x] = ""
            if m < n and toks[m] == ",":
                toks[m] = ""
            elif k > 0 and toks[k - 1] == ",":
                toks[k - 1] = ""
        k = m + 1


def _neutral_edges(text: str, toks: list[str], starts: list[int], ends: list[int]) -> Norm:
    """``toks`` without hedge-only clauses and the words of address at a clause's end (or alone
    before its mark), with a comma before a closing "ya", and "ando" before a gerund read as
    "estoy" (session 18).

    "... me tiro ya", "... preferiría no estar ya": a closing "ya" ("now", "already", "that's it")
    is kept -- it is the time in "me mato ya" -- but the phrase before it ends its clause as it
    would without it (the phrases that need a full stop or the end after them also end before a
    closing ", ya"); "... y ya", "pues ya" ("and that's it") are left as they are.
    """
    n = len(toks)
    if not _HEDGE_WORDS.isdisjoint(toks):
        _drop_hedge_clauses(toks)
    out_t: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for k in range(n):
        t = toks[k]
        if t in ADDRESS:
            prev_break = not out_t or out_t[-1] in _CLAUSE_MARKS
            if _address_at_edge(toks, k, prev_break):
                if prev_break and k + 1 < n and toks[k + 1] == ",":
                    # "amiga, ya no puedo": the comma after the word of address goes with it.
                    toks[k + 1] = ""
                continue
        elif t == "ya" and out_t and out_t[-1] not in _CLAUSE_MARKS and out_t[-1] not in _YA_KEEP:
            m = k + 1
            while m < n and toks[m] in ADDRESS or toks[m:m + 1] == ["ya"]:
                m += 1
            if m >= n or toks[m] in _CLAUSE_MARKS:
                out_t.append(",")
                out_s.append(starts[k])
                out_e.append(starts[k])
        elif t == "me" and k + 2 < n and toks[k + 1] in _CLIMB and _INFINITIVE.match(toks[k + 2]):
            toks[k + 2] += "me"
            continue
        elif t in _ANDAR:
            nxt = toks[k + 1] if k + 1 < n else ""
            if nxt not in _NOT_GERUND and _GERUND_RX.match(nxt):
                t = _ANDAR[t]
        elif not t:
            continue
        out_t.append(t)
        out_s.append(starts[k])
        out_e.append(ends[k])
    offsets = list(accumulate([len(t) + 1 for t in out_t], initial=1))[:-1]
    return Norm(text, out_t, out_s, out_e, " " + " ".join(out_t) + " ", offsets)


_SPACED_QUICK = re.compile(r"(?<!\w)\w[ .\-_]\w[ .\-_]\w(?!\w)")
_JOIN_QUICK = re.compile(r"[^\W\d_][-·][^\W\d_]|[^\W\d_]\.[^\W\d_]{1,6}\.[^\W\d_]|(?i:(?:ar|ir) me\b)")
_JOIN_RE = re.compile(r"(?<![^\W_])[^\W\d_]{1,8}(?:(?:[-·.]{1,2}[^\W\d_]{1,8}){1,5}|\s+me)(?![^\W_])")

# ---------------------------------------------------------------- pattern building blocks

W = r"[^ .,?¿¡]+"


def gap(n: int) -> str:
    """Up to ``n`` words (each followed by its space)."""
    return f"(?:{W} ){{0,{n}}}"


# Filler words allowed inside a phrase ("quiero *ya* morir", "me quiero *puto* morir").
FILL = (r"(?:(?:ya|solo|tan|tanto|de verdad|realmente|en serio|enserio|mucho|muchisimo|simplemente|nada mas|"
        r"a veces|aveces|literalmente|la verdad|sinceramente|honestamente|de nuevo|otra vez|todavia|aun|"
        r"solamente|unicamente|tambien|hoy|ahora|neta|la neta|igual|siempre|ultimamente|demasiado|un poco|"
        r"puta|puto|pinche|jodida|jodido|maldita|maldito|mierda|carajo|verga|joder|yo|de una vez|"
        r"cada vez mas|cada dia mas|cada dia|todos los dias) )*")
# First-person frames of desire ("quiero", "tengo ganas de", "ojalá pudiera").
DESIRE = (r"(?:quiero|quisiera|queria|deseo|desearia|deseaba|necesito|prefiero|preferiria|me gustaria|"
          r"me encantaria|me apetece|tengo (?:muchas |tantas )?ganas de|me dan (?:muchas |tantas )?ganas de|"
          r"me dieron ganas de|tenia ganas de|me provoca|se me antoja|sueno con|solo pienso en|"
          r"(?:pienso|pensaba) (?:mucho |seguido |a veces |todo el tiempo |demasiado )?en|estoy pensando en|"
          r"estaba pensando en|he pensado en|he estado pensando en|pense en|"
          # Session 16: weeks of thinking of it, or not stopping ("llevo semanas pensando en morirme").
          r"llevo (?:(?:unos|varios|muchos|tantos|dos|tres) )?(?:dias|semanas|meses|anos|tiempo) pensando en|"
          r"(?:ando|sigo) pensando en|no (?:dejo|paro) de pensar en|"
          # Session 25: living with the wish ("llevo meses con ganas de morirme", "ando con ganas de ...").
          r"(?:llevo|ando|estoy|sigo|vivo|paso) (?:(?:unos|varios|muchos|tantos|dos|tres) )?"
          r"(?:(?:dias|semanas|meses|anos|tiempo|rato) )?con (?:muchas |tantas )?ganas de|"
          r"lo unico que quiero es|ojala pudiera|quiero poder|deberia|debería|he querido|habia querido|he deseado|"
          r"habia deseado)")
# First-person frames of desire or intent for methods that need one ("quiero saltar del puente").
FRAME = (rf"(?:{DESIRE}|voy a|iba a|pienso|planeo|estoy planeando|he decidido|decidi|estoy decidid[oa] a|"
         r"tengo que|estoy por|estoy a punto de|ya es hora de|me toca)")
# Idiomatic continuations of "morir": "morir de risa / hambre / vergüenza", "morir por verte".
IDIOM_N = (r"(?:risa|risas|hambre|sueno|ganas|verguenza|pena|amor|calor|frio|miedo|envidia|aburrimiento|celos|"
           r"nervios|ternura|cansancio|emocion|gusto|alegria|felicidad|ansias|ansiedad por|curiosidad|sed|asco|"
           r"orgullo|placer|cringe|lo lindo|lo bonito|lo tierno|viejo|vieja|viejos|anciano|anciana|sobredosis de "
           r"ternura|amor|ilusion|impaciencia|emocion|la emocion)")
IDIOM_MORIR = (rf"(?! (?:de|del|d) (?:la |el |tanta |tanto |mucha |mucho |puro |pura |pura |tan )?{IDIOM_N}\b"
               r"| por (?!(?:favor|dentro|todo|fin|eso|esto|lo que|que|mi culpa|dios|diosito)\b)"
               r"| (?:feliz|felices|en el intento|de viej|de ancian|antes que|tranquil)"
               r"| (?:aqui|ahi|alli) (?:mismo|misma) de )")
MORIR = rf"(?:morir|morirme|morirm)(?! de (?:viej|ancian)){IDIOM_MORIR}"
# Idiomatic continuations of "matar(me)": a gerund ("me mato estudiando"), "de risa", "a trabajar".
# A gerund ("estudiando"), not the words that merely end like one ("cuando", "entiendo").
GERUND = (rf"(?!(?:cuando|ando|mando|comando|blando|entiendo|atiendo|extiendo|enciendo|defiendo|pretendo|"
          rf"vendo|tiendo)\b){W}(?:ando|iendo|yendo)\b")
IDIOM_MATAR = (rf"(?! {GERUND}| de (?:la |el )?(?:risa|hambre|sed|cansancio|sueno|aburrimiento|"
               r"frio|calor|trabajo|trabajar|estudiar|estudio|ganas)\b| a (?:estudiar|trabajar|entrenar|correr|"
               rf"hacer|limpiar|{W}ar)\b| (?:en el gym|en el gimnasio|por (?:ti|vos|usted|ella|verte|conseguir|"
               r"el examen|la escuela|mis notas|aprobar))\b)")
# Places and ways to jump or throw oneself ("tirarme del puente", "aventarme al metro").
PLACE = (r"(?:puente|puentes|edificio|balcon|ventana|azotea|techo|terraza|acantilado|precipicio|barranco|viaducto|"
         r"torre|risco|vacio|abismo|penasco|cornisa|tren|metro|vias|via del tren|auto|autos|carro|carros|coche|"
         r"coches|camion|camiones|trailer|autobus|bus|trafico|autopista|carretera|lo alto|altura|"
         r"(?:\d+|primer|segundo|tercer|cuarto|quinto|sexto|septimo|octavo|noveno|decimo|ultimo|un) piso)")
JUMP = rf"(?:de|desde|por|del|al|a|bajo|abajo|debajo|delante|frente|contra|hacia|en) {gap(3)}{PLACE}"
THROW = r"(?:tirarme|aventarme|lanzarme|arrojarme|botarme|echarme)"
THROW_V = r"(?:tirar|aventar|lanzar|arrojar|botar|echar)"
# "Me quito de en medio para que hablen tranquilos": out of the way, not out of life.
_NOT_IN_THE_WAY = (r"(?! (?:para que|y que|asi) (?:ustedes |ellos |ellas |los dos |las dos )?(?:hablen|puedan|esten|"
                   r"se arreglen|tengan|se reconcilien|platiquen|sean felices juntos)\b)")
# Ways of killing oneself as an infinitive with "me" ("matarme", "quitarme la vida").
KILL_INF = (rf"(?:matarme{IDIOM_MATAR}|suicidarme|autoeliminarme|desvivirme|auto matarme|"
            r"quitarme (?:la|mi) (?:propia )?vida|ahorcarme|colgarme(?! (?:de|del) (?:tu|su|cuello|brazo))|"
            r"envenenarme|dispararme|pegarme un (?:tiro|balazo|disparo)|darme un (?:tiro|balazo)|"
            r"volarme (?:la cabeza|los sesos)|cortarme (?:las venas|el cuello|la garganta|las munecas)|"
            r"abrirme las venas|"
            rf"{THROW} {JUMP}|"
            r"acabar con (?:mi (?:propia )?vida|mi existencia)|terminar con (?:mi (?:propia )?vida|mi existencia)|"
            rf"poner(?:le)? fin a (?:mi (?:propia )?vida|mi existencia)|quitarme de en medio{_NOT_IN_THE_WAY}|"
            r"matar a mi mismo|"
            rf"dejarme caer (?:de|desde|por) {gap(3)}{PLACE}|meterme un (?:tiro|balazo|plomazo)|"
            r"volarme la tapa de los sesos)")
# Methods and "end it all" that count only after a first-person frame ("quiero acabar con todo").
_END_ALL = (r"(?:acabar|terminar) con todo(?! (?:el|la|los|las|lo|esto|eso|ese|esa|mi|mis|tu|su|sus|que|"
            r"este(?! (?:fin|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b)|"
            r"esta(?! (?:noche|misma|manana|tarde|madrugada|semana|vez)\b))\b)|poner(?:le)? fin a todo|"
            r"acabar con esto de una vez|"
            r"ahogarme (?:en el mar|en el rio|en la tina|en la banera)|estrellarme (?:con|contra) " + W + " " + W +
            r"|saltar " + JUMP + r"|dejar de respirar|dormir para siempre con " + W)
# The same verbs after "me" + a first-person verb ("me quiero matar", "me voy a tirar del puente").
KILL_V = (rf"(?:matar{IDIOM_MATAR}|suicidar|autoeliminar|desvivir|quitar (?:la|mi) (?:propia )?vida|ahorcar|"
          r"colgar(?! (?:de|del) (?:tu|su|cuello))|envenenar|disparar|pegar un (?:tiro|balazo|disparo)|"
          r"dar un (?:tiro|balazo)|volar (?:la cabeza|los sesos)|cortar (?:las venas|el cuello|la garganta)|"
          rf"abrir las venas|{THROW_V} {JUMP}|quitar de en medio{_NOT_IN_THE_WAY}|dejar caer (?:de|desde|"
          rf"por) {gap(3)}{PLACE}|"
          r"meter un (?:tiro|balazo|plomazo))")
CLIMB_1SG = (r"(?:quiero|quisiera|queria|voy a|iba a|debo|deberia|tengo que|pienso|necesito|"
             r"estoy por|estoy a punto de|planeo|voy a ir a|quiero ir a|vuelvo a|volvere a|he decidido|decidi)")
# First-person present / future / conditional of the same verbs ("me mato", "me suicidaré", "me mataría").
KILL_PRES = (rf"(?:mato{IDIOM_MATAR}|suicido|ahorco|cuelgo(?! el| la| los)|enveneno|disparo|quito la vida|"
             r"pego un (?:tiro|balazo)|doy un tiro|corto las venas|abro las venas|"
             r"(?:tiro|aviento|lanzo|arrojo|boto|echo) " + JUMP + ")")
KILL_FUT = (rf"(?:matare{IDIOM_MATAR}|suicidare|ahorcare|colgare|envenenare|dispare un tiro|quitare la vida|pegare un tiro|"
            r"cortare las venas|(?:tirare|aventare|lanzare|arrojare) " + JUMP + ")")
KILL_COND = (rf"(?:mataria{IDIOM_MATAR}|suicidaria|ahorcaria|colgaria|envenenaria|quitaria la vida|pegaria un tiro|"
             r"cortaria las venas|(?:tiraria|aventaria|lanzaria|arrojaria) " + JUMP + r"|dejaria caer (?:de|desde|por) "
             + gap(3) + PLACE + ")")
MEANS = (r"(?:pastillas|pastilla|pildoras|pildora|capsulas|comprimidos|tabletas|medicamentos|medicinas|"
         r"medicacion|remedios|paracetamol(?:es)?|acetaminofen(?:es)?|ibuprofeno(?:s)?|aspirinas?|clona[cz]epam(?:s)?|"
         r"rivotril(?:es|s)?|alprazolam(?:s)?|dia[cz]epam(?:s)?|lora[cz]epam(?:s)?|valium(?:s)?|tafil(?:es)?|xanax|"
         r"antidepresivos|somniferos|tranquilizantes|ansioliticos|benzodiacepinas|benzos|insulina|opioides|"
         r"tramadol(?:es)?|fentanilo|morfina|litio|quetiapina(?:s)?|sertralina(?:s)?|fluoxetina(?:s)?|pastis|"
         r"pepas|pildoritas|pastillitas)")
POISON = r"(?:veneno|raticida|matarratas|lejia|cloro|anticongelante|insecticida|herbicida|soda caustica|pesticida)"
NUM10 = (r"(?:[1-9]\d+|diez|once|doce|quince|veinte|veinticinco|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
         r"noventa|cien|doscientas|muchisimas)")
QTY = (rf"(?:(?:como|unas|unos|mas de|casi|alrededor de|tipo) )?(?:todas las|todos los|toda la|todo el|un monton de|muchas|muchos|un frasco de|el frasco de|"
       r"un frasco entero de|el frasco entero de|un bote de|el bote de|la caja de|una caja de|toda la caja de|"
       r"un punado de|un puno de|demasiadas|demasiados|un blister de|el blister de|dos cajas de|"
       rf"tres cajas de|una tira de|el resto de|las \d+|{NUM10}) ")
CONTAINER = (r"(?:todo el|el|un|toda la|la|una) (?:frasco|bote|caja|blister|tubo|botella de pastillas)"
             rf"(?: entero| entera| completo| completa| de {W})?")
TIME = (r"(?:esta noche|esta misma noche|hoy|hoy mismo|hoy en la noche|hoy por la noche|manana|pasado manana|"
        r"ahora|ahora mismo|ahorita|ya mismo|en un rato|al rato|en unas horas|en (?:\d+|unos|unas|dos|tres) "
        r"(?:horas|minutos|dias)|este fin de semana|el fin de semana|esta semana|el (?:lunes|martes|miercoles|"
        r"jueves|viernes|sabado|domingo)|este (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|"
        r"a las \d+|a la \d+|a medianoche|cuando (?:todos|todas|mis padres|mis papas|mi familia|mi mama|"
        r"mi papa|ellos) (?:se duerman|se vayan|esten dormidos|no esten|salgan)|antes de que (?:amanezca|vuelvan|"
        r"lleguen|se despierten)|mas tarde|pronto|dentro de poco|de esta noche no pasa|esta madrugada|"
        r"en la madrugada)")


def gapx(n: int, avoid: str) -> str:
    """Up to ``n`` words, none of them starting with one of ``avoid`` (an alternation)."""
    return f"(?:(?!(?:{avoid})){W} ){{0,{n}}}"


# End of a clause: the next token is a mark or the text ends.
# The end and hole emoji (session 16) close a clause too ("hoy se acaba todo 🔚").
END = r"(?=(?: emoji_end| emoji_hole)* [.,?¡¿:] |(?: emoji_end| emoji_hole)* $)"
# Things that kill or cut, named without a crisis verb ("la soga", "las cuchillas", "el arma de mi papá").
MEANS_OBJ = (r"(?:soga|sogas|cuerda|cuerdas|lazo|emoji_rope|cuchilla|cuchillas|navaja|navajas|gillet+es?|"
             r"hojas? de afeitar|emoji_razor|pistola|pistolas|arma|armas|revolver|escopeta|rifle|fusil|balas|"
             r"frascos?(?! de (?:jarabe|perfume|mermelada|vitaminas|crema|shampoo|champu|salsa|miel|cafe|vinagre|"
             r"aceite|colonia|esmalte|pintura|vidrio|cristal|comida|mayonesa|pepinillos|aceitunas|mostaza|gel|"
             r"alcohol en gel|agua)\b)|bote de pastillas|blister|blisters|" + POISON[3:-1] + ")")
MEANS_ANY = rf"(?:{MEANS}|{MEANS_OBJ})"
# A means as a noun phrase ("la soga", "mis pastillas", "ese frasco de clonazepam").
MEANS_NP = (r"(?:(?:el|la|los|las|un|una|unos|unas|mi|mis|esa|esas|ese|esos|esta|estas|este|estos|todas las|"
            rf"todos los|tantas|tantos) )?(?:{W} )?{MEANS_ANY}(?: de {W})?")
# High places one stands on or at ("la azotea", "el puente", "el andén").
HIGH_PLACE = (r"(?:(?:la|una) (?:azotea|cornisa|terraza del edificio|baranda|barandilla|orilla del puente)|"
              r"(?:el|un) (?:techo del edificio|techo|puente|borde|acantilado|barandal|viaducto|ultimo piso|"
              rf"piso \d+|risco|precipicio|mirador)|lo alto de (?:un|una|el|la) {W})")
LOW_PLACE = (r"(?:(?:el|un|mi) (?:balcon|anden)|(?:la|una|mi) (?:ventana|orilla del anden|orilla del rio|"
             r"orilla del mar)|las vias|la via)")
# A stretch of time spent there ("desde hace una hora", "hace rato", "dos horas").
DURATION = (r"(?:desde )?hace (?:(?:una|media|dos|tres|\d+|un par de) (?:hora|horas|rato)|un (?:buen )?rato|rato|"
            r"horas|mucho rato|mucho tiempo)|(?:una|dos|tres|\d+|media) (?:hora|horas)(?: ya)?|todo el dia|"
            r"toda la noche|toda la tarde")
# What people stand on a roof or bridge for ("llevo una hora en la azotea *tomando el sol*").
PLACE_BENIGN = (r"con |esperando|tomando|fumando|platicando|hablando|charlando|trabajando|arreglando|limpiando|"
                r"tendiendo|colgando|pintando|regando|jugando|leyendo|estudiando|bailando|comiendo|cenando|"
                r"haciendo|sacando|viendo el|viendo la|viendo las|fiesta|carne|asado|parrilla|vista|fotos|"
                r"sol|atardecer|amanecer|estrellas|eclipse|fuegos|cohetes|tender|ropa|antena|senal|wifi|"
                r"cobertura|trafico|tren que|metro que|camion|micro|bus|que llegue|que pase|a que|desfile|"
                r"procesion|marcha|carrera|partido|concierto")
# Staring down or hesitating where one could fall.
STARING = (r"(?:mirando|viendo|contemplando) (?:hacia |para )?(?:abajo|el vacio|al vacio|el agua|el rio|las vias|"
           r"el suelo|la calle|los carros|los coches|el trafico|el tren|los trenes|pasar los trenes|pasar el tren|"
           r"pasar los carros)|sin (?:poder|atreverme a|querer) (?:bajar|bajarme|irme|moverme|saltar|volver)|"
           r"no me atrevo(?: a saltar| a bajar| a hacerlo| todavia)?|no se_? si (?:saltar|bajar|hacerlo|tirarme|"
           r"aventarme)|pensando (?:si|en) (?:saltar|tirarme|aventarme|hacerlo|lanzarme)|"
           r"(?:todavia|aun) no (?:me )?(?:decido|salto|bajo|me atrevo)|no me decido")
# A decision not yet made while holding the means ("todavía no decido", "no sé si tomármelas").
UNDECIDED = (r"(?:todavia|aun|aún) no (?:me )?(?:decido|me atrevo|lo decido|se_? si)|no (?:me )?decido|"
             r"no se_? si (?:hacerlo|tomarmel[oa]s|tomarl[oa]s|usarl[oa]|tragarmel[oa]s|apretar|jalar)|"
             r"(?:estoy )?(?:dudando|pensandolo|pensando)(?: si| que hacer| en hacerlo)?|me tiembla la mano|"
             r"no se_? que hacer|las estoy mirando|l[oa]s? miro")
# Looking at, touching or counting the means again and again.
FIXATE = (r"(?:no (?:dejo|paro) de|sigo|me quedo|me la paso|paso (?:horas|el dia|la noche)|vuelvo a|"
          r"me sorprendo|no puedo dejar de|estoy todo el dia|estoy todo el tiempo) "
          r"(?:mirar|mirando|ver|viendo|pensar en|pensando en|tocar|tocando|contar|contando|sacar|sacando|"
          r"revisar|revisando|acariciar|acariciando)(?:la|lo|las|los)?")
# "I won't need it any more": giving things away or cancelling because one won't be there.
FINALITY = (r"(?:ya no (?:lo|la|los|las|le|me|les) (?:voy a|vaya a|van a|iba a) (?:necesitar|hacer falta|usar|"
            r"servir|ocupar)|(?:a mi )?ya no (?:me )?(?:va|van) a (?:hacer falta|servir)|(?:a )?donde voy no "
            r"(?:lo|la|los|las|me) (?:necesito|voy a necesitar|hace falta|hacen falta)|(?:para )?donde voy no "
            r"(?:necesito|hace falta) nada|ya no (?:voy a|vaya a) estar (?:aqui|para (?:usarl|verl|disfrutarl|"
            r"cuidarl)\w*)|no voy a estar para (?:usarl|verl|disfrutarl|cuidarl|pagarl|necesitarl)\w*)"
            r"(?! (?:en|para|porque|ya que|con|hasta|este|esta|mas que|despues de|cuando)\b)")
# Events one waits for so as not to spoil them ("después del cumple de mi hermana").
EVENT = (r"(?:cumple|cumpleanos|boda|graduacion|navidad|navidades|fiestas|ano nuevo|vacaciones|examen|examenes|"
         r"bautizo|quince|quinceanera|dia de las madres|dia del padre|dia de la madre|aniversario|parto|viaje|"
         r"partido|final|fiesta|concierto|comunion|primera comunion|baby shower|cena)")
SPOIL = (r"(?:arruinar|arruinarle|arruinarles|arruinarselo|arruinarsela|arruinarselos|arruinarselas|amargar|"
         r"amargarle|amargarles|amargarselo|amargarsela|estropear|estropearle|estropearles|estropearselo|"
         r"estropearsela|echar a perder|echarle a perder|echarles a perder|danar|danarle|fastidiar|"
         r"fastidiarle|fastidiarles|fastidiarselo|fregar|fregarle|fregarles|cagar|cagarle|cagarles|joder|"
         r"joderle|joderles|manchar|mancharle|opacar|opacarle|empanar|empanarle)")
# Someone's absence being a relief ("pronto van a estar libres de mí").
RELIEF = r"(?:libres?|mejor|mejores|tranquil[oa]s?|en paz|bien|feliz|felices|descansad[oa]s?)"
# A car, train or lightning bolt that could kill the writer.
STRIKER = (r"(?:un|una|el|la) (?:carro|coche|auto|camion|tren|bus|autobus|rayo|trailer|micro|moto|meteorito|"
           r"bala|bala perdida|avion|taxi|combi|colectivo|camioneta|bus)")
# Ways of dying named in a question ("¿ahogarse duele?", "¿morir ahorcado es rápido?").
DYING = (r"(?:ahogarse|ahogarme|ahorcarse|ahorcarme|colgarse|colgarme|desangrarse|desangrarme|envenenarse|"
         r"envenenarme|asfixiarse|asfixiarme|electrocutarse|electrocutarme|cortarse las venas|"
         r"cortarme las venas|(?:tirarse|tirarme|saltar|caer|caerse|aventarse|aventarme) (?:de|desde|por|del|al) "
         rf"{gap(2)}{PLACE}|morir(?:se)? (?:ahogad[oa]|ahorcad[oa]|desangrad[oa]|envenenad[oa]|asfixiad[oa]|"
         r"atropellad[oa]|electrocutad[oa]|de una sobredosis|por sobredosis|de un disparo|de un balazo)|"
         rf"(?:una|la) sobredosis(?: de {W})?|(?:el|un) disparo en la cabeza)")


class _Lazy:
    """A regular expression compiled on first use (keeps importing this module cheap)."""

    __slots__ = ("_args", "_rx")

    def __init__(self, *args) -> None:
        self._args = args
        self._rx: re.Pattern[str] | None = None
        rxcache.register(*args)

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = rxcache.compile(*self._args)
        return self._rx

    def search(self, s: str):
        return (self._rx or self.rx).search(s)

    def match(self, s: str):
        return (self._rx or self.rx).match(s)

    def finditer(self, s: str):
        return (self._rx or self.rx).finditer(s)


class Pat(NamedTuple):
    construct: str
    flags: frozenset[str]
    rx: re.Pattern[str]
    # Word prefixes (cut to 3-5 letters) of which every match contains at least one; a
    # text with none of them skips the pattern.  None: the pattern always runs.
    keys: frozenset[str] | None


# (construct, flags, alternatives) as written; split and compiled on first use so that a
# process that never sees Spanish pays nothing at start-up.
_TABLES: list[tuple[str, str, tuple[str, ...]]] = []
_SOURCES: list[tuple[str, frozenset[str], str]] = []
_PATTERNS: list[Pat] = []


# "Ya no hay vuelta atrás, firmé el contrato": no turning back from something signed, bought or
# booked (ninth reading, session 15; it was high).
_SIGNED = (r"(?! (?:[,:.] )?(?:ya |y )?(?:firme|compre|pague|reserve|me inscribi|me apunte|me matricule|acepte|"
           r"me case|me caso|nos casamos|renuncie|vendi|me mude|me mudo|nos mudamos|me cambio|me cambie|empece|empiezo|"
           r"entregue|mande|envie|publique|lo compre|la compre|me tatue|me corte el pelo|me rape|me comprometi|"
           r"di el si|dije que si|el contrato|la hipoteca|la boda|el tatuaje|el vuelo|los boletos|la inscripcion|"
           r"la matricula|me voy a (?:vivir|mudar|casar|cambiar)|me voy de (?:viaje|intercambio))\b)")

def _add(construct: str, flags: str, *alternatives: str) -> None:
    _TABLES.append((construct, flags, alternatives))


def sources() -> list[tuple[str, frozenset[str], str]]:
    """``(construct, flags, expression)`` for every top-level alternative of the tables.

    Each alternative becomes its own expression, so that a text runs only the ones whose
    required words it contains (``_KEY_INDEX``).  The leading space is part of the match: a
    literal first word lets the regular expression engine search for it.
    """
    if not _SOURCES:
        for construct, flags, alternatives in _TABLES:
            for alt in alternatives:
                for piece in _split_top(alt):
                    _SOURCES.append((construct, frozenset(flags.split()), f" (?:{piece})(?= )"))
    return _SOURCES


def _split_top(src: str) -> list[str]:
    """Split a regular expression at its top-level ``|``."""
    out, depth, start, k, esc, cls = [], 0, 0, 0, False, False
    while k < len(src):
        c = src[k]
        if esc:
            esc = False
        elif c == "\\":
            esc = True
        elif cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(src[start:k])
            start = k + 1
        k += 1
    out.append(src[start:])
    return out


_KEY_INDEX: dict[str, tuple[int, ...]] = {}
_KEY_SET: set[str] = set()
_ALWAYS: list[int] = []


def patterns() -> list[Pat]:
    """The compiled phrase patterns (built once)."""
    if not _PATTERNS:
        index: dict[str, list[int]] = {}
        for c, f, src in sources():
            keys = _required_keys(src)
            k = len(_PATTERNS)
            _PATTERNS.append(Pat(c, f, re.compile(src), keys))
            if keys is None:
                _ALWAYS.append(k)
            else:
                for key in keys:
                    index.setdefault(key, []).append(k)
        _KEY_INDEX.update((key, tuple(v)) for key, v in index.items())
        _KEY_SET.update(_KEY_INDEX)
    return _PATTERNS


# Prefixes of frequent words make poor keys: a set made of them is used only when nothing
# better is required.
_COMMON_KEYS = frozenset("""que qui quie est esta este esto tengo teng voy par para por con pue pued como
    tod todo nad nada muy mas per pero cua cuan hac hace sie sien una uno vez hay hoy los las del sin solo soy
    les fue mis nos asi ser esa ese eso""".split())


def _key(prefix: str) -> str:
    return prefix[:5]


def _required_keys(src: str) -> frozenset[str] | None:
    """Word prefixes of which any match of ``src`` must contain one, read from its parse tree.

    Walks the parsed expression: a literal word at a token start is a requirement of its
    sequence; a branch requires one of its alternatives' requirements; optional parts and
    look-arounds require nothing.  Of a sequence's requirements the most selective is kept.
    """
    from re import _parser as sp

    def best(cands: list[frozenset[str]]) -> frozenset[str] | None:
        ok = [c for c in cands if c and all(len(k) >= 3 for k in c)]
        if not ok:
            return None
        return min(ok, key=lambda c: (sum(k[:4] in _COMMON_KEYS or k[:3] in _COMMON_KEYS or k in _COMMON_KEYS
                                          for k in c), len(c)))

    def seq(items, at_start: bool) -> tuple[frozenset[str] | None, bool]:
        cands: list[frozenset[str]] = []
        run: list[str] = []
        run_start = at_start
        pos = at_start

        def flush() -> None:
            nonlocal run, pos
            if run:
                text = "".join(run)
                for k, piece in enumerate(text.split(" ")):
                    if piece and (k > 0 or run_start):
                        cands.append(frozenset({_key(piece)}))
                pos = text.endswith(" ")
                run = []

        for op, av in items:
            if op is sp.LITERAL:
                if not run:
                    run_start = pos
                run.append(chr(av))
                continue
            flush()
            if op is sp.BRANCH:
                outs = [seq(alt, pos) for alt in av[1]]
                if all(o[0] is not None for o in outs):
                    cands.append(frozenset().union(*(o[0] for o in outs)))
                pos = all(o[1] for o in outs)
            elif op is sp.SUBPATTERN:
                need, pos = seq(av[-1], pos)
                if need is not None:
                    cands.append(need)
            elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT, sp.POSSESSIVE_REPEAT):
                lo, _hi, child = av
                need, end = seq(child, pos)
                if lo >= 1 and need is not None:
                    cands.append(need)
                pos = end if lo >= 1 else (pos and end)
            elif op in (sp.ASSERT, sp.ASSERT_NOT, sp.AT):
                pass
            else:
                pos = False
        flush()
        return best(cands), pos

    return seq(sp.parse(src), False)[0]


# ------------------------------------------------------------ attempt in progress (imminent)
_add("attempt_in_progress", "",
     rf"(?:ya )?me (?:tome|trague|bebi|he tomado|he tragado|he bebido|acabo de tomar|acabo de tragar|estoy tomando|"
     rf"meti) {QTY}(?:{W} ){{0,2}}?{MEANS}",
     rf"(?:ya )?me (?:tome|trague|bebi|he tomado|he tragado|acabo de tomar|acabo de tragar) {CONTAINER}",
     rf"me (?:tome|trague|he tomado) (?:las|los|mis) {gap(1)}{MEANS}(?: ,)? (?:todas|todos)(?= [.,?¡¿] | $)",
     # "me tomé todas mis pastillas", as "i took all my pills" (not "... de hoy", the day's doses).
     rf"(?:ya )?me (?:tome|trague|he tomado|acabo de tomar|acabo de tragar) (?:todas|todos) (?:mis|las|los) "
     rf"{gap(1)}{MEANS}(?! (?:de (?:hoy|la manana|la noche|la tarde|la semana)|del dia|como|que me (?:receto|mando|dio)))",
     r"ya me (?:las|los) (?:tome|trague|bebi|he tomado|he tragado)|me (?:las|los) (?:tome|trague|he tomado|"
     r"acabo de tomar|acabo de tragar) (?:todas|todos)",
     r"(?:ya )?me (?:tome|trague|bebi|he tomado) todo(?= [.,?¡¿] | $| y | hace )|"
     r"me (?:tome|trague) todo lo que (?:habia|encontre|tenia)",
     rf"me estoy tomando (?:las |todas las |mis )?{MEANS}|(?:ya )?empece a (?:tomarmelas|tomarmelos|tragarmelas)|"
     rf"tengo (?:las|unas) {MEANS} en la boca",
     r"tengo (?:la|una) (?:cuerda|soga) (?:puesta|al cuello|en el cuello|amarrada al cuello)|"
     r"tengo (?:la|una) (?:pistola|arma) (?:en la cabeza|en la sien|en la boca|apuntandome)",
     r"(?:ya )?(?:pase|cruce|salte) (?:la baranda|el barandal|la reja del puente)|(?:del|al) otro lado de la baranda",
     r"con el motor (?:prendido|encendido) en el garaje",
     rf"(?:ya )?(?:tome|trague|he tomado|acabo de tomar) {QTY}(?:{W} ){{0,2}}?{MEANS}(?! (?:hace (?:anos|meses)))",
     r"estoy (?:parad[oa] |sentad[oa] |de pie )?(?:al|en el|sobre el|en la|a la) (?:borde|orilla) (?:del|de la|de un|de una) "
     r"(?:puente|acantilado|edificio|azotea|techo|precipicio|barranco|balcon|terraza|cornisa)|"
     r"me estoy (?:subiendo|parando) (?:a|en|sobre) (?:la baranda|el barandal|la cornisa|el borde|la azotea|el techo)",
     r"(?:ya )?(?:me )?(?:tome|he tomado|acabo de tomar|me acabo de tomar|me hice|me he hecho) una sobredosis",
     rf"(?:ya )?(?:me )?(?:tome|bebi|trague|he tomado|he bebido|acabo de tomar|acabo de beber) (?:el |un |una |la |"
     rf"todo el |toda la |media botella de |una botella de |la botella de |un poco de |algo de |un vaso de )?"
     rf"{POISON}",
     rf"(?:las |mis |los )?{MEANS} (?:ya )?(?:estan|empiezan a|comienzan a|empezaron a|ya estan) "
     r"(?:haciendo efecto|hacer efecto|hacerme efecto|funcionar)",
     r"me estoy desangrando|me (?:estoy|esta) quedando sin sangre|(?:ya )?me desangro",
     r"tengo (?:la|una) (?:soga|cuerda|cinturon|bolsa) (?:en|alrededor de|al|atada al|atada a) (?:el |mi )?cuello",
     r"(?:ya )?(?:me acabo de cortar|me corte) (?:las venas|el cuello)(?= (?:ya|ahora|ahorita|hace un rato|y)\b)",
     r"(?:ya )?me acabo de cortar las venas|ya me corte las venas",
     r"estoy (?:parad[oa] |sentad[oa] |de pie )?(?:en|sobre) (?:el borde|la orilla|la cornisa|el barandal|la baranda|"
     rf"lo alto|la azotea|el techo|las vias|el puente|la ventana){gap(4)} ?(?:ahora|ahorita|ahora mismo|"
     r"en este momento|ya)")

# ------------------------------------------------------------ past attempts (moderate; recent -> high)
_add("attempt_in_progress", "weak",
     rf"(?:ya )?(?:me )?(?:tome|trague|he tomado|acabo de tomar) (?:las|mis|los) {gap(1)}{MEANS}",
     r"(?:ya )?me (?:tome|trague) algo")
_add("past_attempt", "past",
     rf"(?:intente|trate de|he intentado|intentaba|trataba de|quise|intente varias veces|lo intente|volvi a intentar) "
     rf"{FILL}(?:{KILL_INF}|suicidarme|quitarme la vida)",
     rf"me (?:intente|trate de|quise|he intentado|intentaba) {KILL_V}",
     r"(?:intente|trate de|he intentado|quise) (?:morir(?:me)?|estrellar (?:el|mi) (?:coche|carro|auto)|"
     r"ahogarme|envenenarme|matarme|dejar de respirar)",
     r"(?:tuve|he tenido) (?:un|otro) intento|mi (?:ultimo|primer|segundo) intento",
     rf"(?:despues de|tras|por|desde que|antes de) (?:intentar|tratar de) {FILL}(?:{KILL_INF}|suicidarme|"
     r"quitarme la vida|morir(?:me)?)",
     rf"me (?:colgue|ahorque|envenene|dispare|tire {JUMP}|avente {JUMP}|lance {JUMP})|salte {JUMP}",
     rf"(?:habia|he|habiamos) tomado {QTY}(?:{W} ){{0,2}}?{MEANS}",
     r"(?:mi|mis|tuve un|tuve una|he tenido|tuve|he tenido un|he tenido una|despues de mi|tras mi|desde mi) "
     r"(?:ultimo |primer |segundo |tercer |anterior )?(?:intento de suicidio|intentos de suicidio|"
     r"intento suicida|intentos suicidas|sobredosis|ultimo intento)",
     r"(?:sobrevivi|sobrevivo|he sobrevivido) (?:a )?(?:un|mi|una|dos|tres|varios|varias) (?:intento|intentos|sobredosis)",
     r"me (?:internaron|hospitalizaron|ingresaron|llevaron al hospital|llevaron a urgencias) (?:por|despues de|tras) "
     r"(?:una sobredosis|un intento|mi intento|intentar (?:matarme|suicidarme)|tomarme|cortarme las venas)",
     r"me (?:hicieron|tuvieron que hacer) un lavado de estomago|me lavaron el estomago",
     r"me corte las venas|me abri las venas|me intente ahorcar|me intente colgar")

# ------------------------------------------------------------ plans, preparation, method-seeking (high)
_add("plan", "",
     rf"(?:junte|he juntado|estoy juntando|he estado juntando|llevo {gap(2)}juntando|acumule|he acumulado|"
     rf"estoy acumulando|he estado acumulando|ahorre|estoy ahorrando|he ahorrado|reuni|he reunido|escondi|"
     rf"he escondido|guardo {gap(1)}escondidas) {gap(3)}{MEANS}",
     rf"tengo {gap(3)}{MEANS} {gap(2)}(?:juntadas|juntados|acumuladas|acumulados|ahorradas|escondidas|escondidos|"
     r"escondida|escondido|reunidas|listas|listos|preparadas|preparados|contadas|contados|separadas)",
     rf"tengo (?:escondidas|escondidos|juntadas|acumuladas|ahorradas) {gap(2)}{MEANS}",
     rf"cuant[oa]s {gap(2)}{MEANS} (?:hacen falta|se necesitan|necesito|harian falta|necesitaria|tengo que tomar|"
     rf"tendria que tomar|hay que tomar|me tengo que tomar|son letales|son mortales|matan|te matan|"
     rf"me tendria que tomar|tendria que tomarme|tengo que tomarme|me tendria que tragar|tendria que tragarme|"
     rf"necesitaria tomarme|me harian falta|me hacen falta|"
     rf"son suficientes|serian suficientes)(?! para (?:dormir|el dolor|la cabeza|la fiebre|la gripe|calmar|"
     r"que se me quite|bajar))",
     rf"cuant[oa] {gap(1)}(?:paracetamol|ibuprofeno|insulina|{MEANS}) (?:hace falta|se necesita|necesito|es letal|"
     r"es mortal|mata)(?! para (?:dormir|el dolor|la cabeza|la fiebre))"
     # "¿cuánto ibuprofeno es letal para los gatos?" (session 16)
     r"(?! (?:a|para|en) (?:los|las|mi|el|la|un|una|mis|tu|tus|su|sus) (?:perro|perros|gato|gatos|mascota|mascotas|"
     r"perrito|gatito|nino|ninos|nina|ninas|bebe|bebes|hijo|hija|hijos)\b)",
     r"(?:cual|que) (?:es|seria) la (?:dosis|cantidad) (?:letal|mortal)|dosis (?:letal|mortal) de",
     r"(?:la |cual es la |que |una |alguna )?(?:mejor |peor )?(?:forma|manera|metodo|metodos|modo) "
     r"(?:mas |menos )?(?:(?:facil|rapida|rapido|segura|seguro|indolora|indoloro|efectiva|efectivo|dolorosa|"
     r"doloroso|sencilla|sencillo|comoda|limpia|certera) )?(?:de|para) (?:morir|matarse|matarme|suicidarse|"
     r"suicidarme|quitarse la vida|quitarme la vida|no despertar|ahorcarse|ahorcarme)",
     r"como (?:puedo |podria |me puedo )?(?:matarme|suicidarme|matarse|suicidarse|quitarme la vida|"
     r"quitarse la vida|ahorcarme|ahorcarse|colgarme|colgarse|morir sin dolor|morirme sin dolor|"
     r"hacer una sobredosis|me mato|me suicido)",
     r"(?:que|cual) (?:altura|piso) (?:hace falta|se necesita|es suficiente|necesito|es mortal|es letal|mata)"
     r" (?:para )?(?:morir|matarse|matarme|no sobrevivir|que sea mortal)",
     r"(?:desde|a partir de) (?:que|cuantos|cual) (?:piso|pisos|altura|metros) (?:hay que|tengo que|se tiene que|"
     r"necesito) (?:tirarme|tirarse|saltar|aventarme|aventarse)",
     rf"(?:desde|a partir de) (?:que|cuantos|cual) (?:piso|pisos|altura|metros) {gap(4)}(?:mortal|letal|"
     r"matarse|matarme|te mata|mata|no sobrevives|morir)",
     rf"(?:cortar(?:se|me)?|tomar(?:se|me)?|saltar|tirar(?:se|me)|colgar(?:se|me)|ahorcar(?:se|me)|veneno|"
     rf"{MEANS}|piso|altura|cuerda|soga|vena|venas) {gap(6)}para (?:morir(?:me)?|matarme|matarse|suicidarme|"
     r"suicidarse|no despertar|que sea (?:mortal|letal|rapido)|no sobrevivir|que no (?:me )?encuentren)",
     r"(?:que|cual) veneno (?:actua|mata|es) (?:mas rapido|mejor|mas efectivo)|"
     r"(?:que|cuan|cuanto) (?:tan )?(?:profundo|hondo) (?:hay que|tengo que|tendria que|debo) cortar(?:me|se)?",
     rf"(?:que pasa|que pasaria) si me (?:tomo|tomara|trago|tragara|bebo) {QTY}",
     r"para que no me encuentren (?:a tiempo|con vida|hasta)",
     r"(?:ya )?(?:amarre|ate|colgue|prepare) (?:la|una) (?:cuerda|soga)",
     r"ya (?:tengo|consegui|compre) (?:el|la) (?:veneno|raticida|pistola|arma|cuerda|soga)",
     r"(?:tengo|ya tengo|hice|he hecho) (?:un|mi) plan (?:para )?(?:matarme|suicidarme|morir|quitarme la vida|"
     r"hacerlo|acabar con todo|acabar con mi vida)",
     r"ya (?:tengo|compre|consegui|prepare) (?:la|una|mi) (?:soga|cuerda) ?(?:lista|preparada|atada)?",
     # "ya elegí el lugar para la boda": an occasion planned (session 16; it was high).
     r"ya (?:tengo|elegi|escogi|decidi) (?:el dia|la fecha|el lugar|el metodo|como lo voy a hacer|como hacerlo)"
     rf"(?! (?:[,:] )?(?:para|de|del) (?:la |el |los |las |mi |mis |nuestra |nuestro |su |sus )?{EVENT}\b)",
     r"ya se (?:como|cuando|donde) lo voy a hacer|ya (?:tengo|esta) todo (?:planeado|preparado|listo) para "
     r"(?:hacerlo|matarme|suicidarme|morir)")
_add("plan", "weak",
     rf"tengo {gap(3)}{MEANS} (?:guardadas|guardados|guardaditas)",
     rf"tengo guardad[oa]s {gap(2)}{MEANS}",
     rf"(?:guarde|he guardado|estoy guardando|he estado guardando|fui guardando) {gap(3)}{MEANS}",
     rf"cuant[oa]s {gap(2)}{MEANS} (?:tendria que|habria que|hay que) (?:tomar|tomarse)(?! para (?:dormir|el dolor))",
     r"(?:que|cual) (?:altura|piso) (?:hace falta|se necesita|es suficiente|es mortal|es letal)",
     # Session 20: not a decision named after it ("ya está decidido, me voy a vivir sola"; it was high).
     r"ya (?:tengo|esta) (?:todo )?(?:planeado|decidido|pensado|listo|preparado)" + _SIGNED + r"|tengo un plan|ya tengo un plan|"
     r"ya se como lo voy a hacer")

# Means and preparation named without a crisis verb: keeping, counting, buying, holding or
# staring at the means; standing where one could fall; affairs arranged so that nobody
# finds the writer in time; method questions that name no crisis verb.
# Words that make a rope or a blade an ordinary object ("la cuerda para tender la ropa").
_BENIGN_GAP = (r"para (?:tender|colgar|la ropa|el tendedero|la hamaca|el columpio|saltar|escalar|amarrar|atar|afeitar)|"
               r"de (?:la|el) (?:ropa|guitarra|tendedero|columpio|hamaca) ")
_HIDE = (r"(?:y )?(?:no (?:quiero|voy a|pienso|puedo) (?:explicar|decir|contar|decirle a nadie|contarle a nadie) "
         r"(?:para que|por que)(?= [.,?¡¿:] | $)|nadie (?:sabe|tiene que saber|necesita saber|va a saber|"
         r"sabra) (?:para que|que "
         r"l[oa]s? tengo)|(?:mejor )?no (?:pregunten|preguntes|me preguntes|me pregunten) para que|ya (?:saben|sabes|"
         r"sabran) para que|l[oa]s? (?:escondi|tengo escondid[oa]s?|guarde donde nadie)|"
         r"(?:y )?no (?:es|son) para (?:el |la |los |las |un |una |mi |mis )?(?:dolor|cabeza|dormir|gripe|fiebre|"
         r"mudanza|escalar|escalada|acampar|camping|afeitar(?:me)?|barba|tender|ropa|trabajar|trabajo|cocinar|cocina|"
         r"nada bueno|la casa|casa|obra|jardin|pescar|pesca|lo que (?:crees|piensas|parece))|y no me afeito)")
# What ropes, blades and knives are ordinarily bought for ("cuerda para el tendedero").
_BENIGN_USE = (r"(?! (?:para|de) (?:el |la |los |las |un |una |mi |tender |)(?:tendedero|ropa|hamaca|columpio|mudanza|"
               r"camping|acampar|escalar|escalada|amarrar|atar|cocina|cocinar|afeitar|afeitarme|barba|rasuradora|"
               r"maquinilla|guitarra|violin|perro|tienda|lona|jardin|caja|paquete|bici|moto|coche|carro|pesca|"
               r"manualidades|saltar)\b)")
_BUY = (r"(?:compre|me compre|consegui|me consegui|fui a comprar|pedi|encargue|he comprado|acabo de comprar|"
        r"saque|agarre|me robe|tome prestad[oa]s?|me traje)")
_PRODUCT = (r"(?:productos? de limpieza|quimicos?|sustancias?|liquidos?|medicamentos?|medicinas?|pastillas?|mezclas?|"
            r"combinaciones?|cosas de (?:la|mi) casa|" + POISON[3:-1] + ")")
_NOT_PETS = (r"(?! (?:a|para|en) (?:los|las|mi|el|la|un|una|tu|tus|mis|su|sus) (?:perro|perros|gato|gatos|mascota|"
             r"mascotas|nino|ninos|nina|ninas|bebe|bebes|hijo|hija|hijos|abuelo|abuela|paciente|pacientes|"
             r"plantas|peces|"
             r"perrito|gatito|hamster|ratas|ratones|cucarachas|insectos|hormigas|bichos|plagas|adulto mayor)\b)")
# A dose per day, not an overdose ("¿cuántas pastillas son demasiadas en un día?").
_PER_DAY = r"(?! (?:en|al|por|cada) (?:un |el )?(?:dia|semana)| diarias| al mismo tiempo| seguidas)"
_GUN = r"(?:(?:la|de la) (?:pistola|escopeta)|(?:el|del) (?:arma|revolver|rifle|armero)|las armas|las balas)"
_KEY = r"(?:la llave|una copia de la llave|la clave|la combinacion|el codigo|donde esta la llave)"
_add("plan", "",
     rf"{MEANS_ANY}(?: de {W})? {gapx(5, 'para (?:el|la|los|las|mi|tu|su) ')}(?:, )?{gap(3)}(?:(?:son|serian|"
     r"seran|deben ser|"
     r"ya son|ya hay|hay) (?:suficientes|bastantes|de sobra|mas que suficientes)|(?:ya )?(?:me )?(?:alcanzan|bastan)"
     r"(?: de sobra)?)(?:" + END + r"| para (?:no despertar|morir|matarme|hacerlo|acabar|que no|no volver|"
     r"dormir para siempre))",
     rf"(?:tengo|junte|ya tengo|ya junte|ya hay|guarde|tengo guardadas|tengo guardados) (?:suficientes|bastantes|"
     rf"las suficientes|los suficientes) {gap(1)}{MEANS}(?! (?:para|hasta|por) (?:el|la|los|las|un|una|todo|toda|"
     r"dos|tres|fin|mi|el resto|cuando)\b)",
     rf"{FIXATE} {gap(2)}{MEANS_NP}",
     rf"{MEANS_ANY}(?: de {W})? {gapx(6, _BENIGN_GAP)}"
     r"(?:y |, )?(?:que |y )?(?:no (?:dejo|paro) de (?:mirarl\w*|verl\w*|tocarl\w*|pensar en (?:eso|ello|ella|"
     r"ellas|ellos))|"
     r"(?:cada noche|todas las noches|cada dia|todos los dias|a cada rato|otra vez|de nuevo) l[oa]s? "
     r"(?:miro|veo|saco|cuento|toco|reviso)|l[oa]s? (?:miro|veo|saco|cuento|toco|reviso) (?:cada noche|todas las "
     r"noches|cada dia|todos los dias|a cada rato|otra vez|de nuevo|una y otra vez))",
     rf"{_BUY} {gap(3)}{MEANS_ANY}{_BENIGN_USE}(?: {W})? {gap(4)}(?:, )?{_HIDE}",
     rf"tengo {gap(1)}{MEANS_ANY}(?: {W})? (?:escondid[oa]s?|bien escondid[oa]s?)(?! (?:para (?:el|la|los|las|que)|"
     r"de (?:los|mis|la|el) (?:ninos|hermanitos|hijos|nietos|perro|gato|sobrinos))\b)",
     # Holding the means: "tengo el frasco en la mano y todavía no decido".
     rf"(?:tengo|estoy con|sostengo|agarro|tengo agarrad[oa]s?|con) {MEANS_NP} en (?:la|las|mi|mis) manos? "
     rf"{gap(3)}(?:, )?(?:y |pero )?{gap(1)}(?:{UNDECIDED})",
     r"emoji_rope (?:en (?:el|mi) (?:armario|closet|cuarto|cajon|mochila)|list[oa]|colgad[oa]|preparad[oa]|atad[oa]|"
     r"ya|esta noche|hoy)",
     r"(?:tengo|estoy con|sostengo|agarro|tengo agarrad[oa]s?) (?:el|la|una|un|mi) (?:pistola|arma|revolver|"
     r"escopeta|navaja|cuchilla|gillet+e|soga|emoji_rope|emoji_gun|emoji_razor) en (?:la|las|mi|mis) manos?",
     # Standing where one could fall, for a long while or staring down.
     rf"(?:estoy|sigo|llevo|me quede|estuve|ando)(?: parad[oa]| sentad[oa]| de pie| sol[oa]| aqui)? "
     rf"(?:en|sobre|arriba de|junto a|al borde de|en el borde de|en la orilla de) {HIGH_PLACE} "
     rf"{gapx(3, PLACE_BENIGN)}(?:{DURATION}|{STARING})(?! (?:, )?{gap(3)}(?:{PLACE_BENIGN}))",
     rf"llevo (?:{DURATION}) (?:aqui )?(?:parad[oa] |sentad[oa] |de pie )?(?:en|sobre|arriba de|al borde de) "
     rf"{HIGH_PLACE}(?! (?:, )?{gap(3)}(?:{PLACE_BENIGN}))",
     rf"(?:estoy|sigo|llevo|me quede|estuve)(?: (?:{DURATION}))?(?: parad[oa]| sentad[oa]| de pie| sol[oa]| aqui)? "
     rf"(?:en|sobre|junto a|al borde de|en el borde de|en la orilla de) (?:{HIGH_PLACE}|{LOW_PLACE}) "
     rf"{gapx(4, PLACE_BENIGN)}(?:{STARING})",
     # Session 21: climbed up and staring down ("me subí a la azotea y estoy mirando abajo").
     rf"(?:me subi|subi|me he subido|me trepe) (?:a|hasta|en) {HIGH_PLACE} {gapx(3, PLACE_BENIGN)}(?:y )?(?:estoy |sigo "
     rf"|me quede )?(?:{STARING})(?! (?:, )?{gap(3)}(?:{PLACE_BENIGN}))",
     # Access to a gun: knowing where it is kept and having the key.
     rf"(?:se_?|ya se_?|encontre|descubri|vi|averigue) donde {gap(3)}(?:guarda|tiene|esconde|deja|guardan|tienen|"
     rf"esconden|guardaba|tenia) {gap(3)}{_GUN} {gap(5)}(?:, )?(?:y )?(?:ya )?(?:tengo|consegui|encontre|agarre|"
     rf"saque|me robe|tome|se_?) {_KEY}",
     rf"(?:tengo|consegui|encontre|agarre|saque|me robe|ya tengo|hice una copia de) {_KEY} {gap(6)}{_GUN}",
     # Rope and the place to tie it.
     rf"(?:compre|consegui|tengo|ya tengo|me compre) {gap(2)}(?:soga|cuerda|lazo|emoji_rope){_BENIGN_USE} "
     rf"{gap(6)}(?:, )?(?:y )?"
     rf"(?:ya )?(?:elegi|escogi|encontre|ya tengo|vi|probe|revise|medi|busque) {gap(1)}(?:la viga|una viga|la rama|"
     r"una rama|el gancho|un gancho|el ventilador|el barrote|la barra del (?:closet|armario)|la tuberia|el lugar|"
     r"el sitio|el arbol)(?! (?:para (?:la|el) (?:hamaca|columpio|tendedero|ropa)))",
     r"(?:la|una|el|un) (?:viga|rama|gancho|ventilador|barrote|barra del (?:closet|armario)|tuberia)"
     rf"(?: (?:del|de la|de mi|de) {W})? (?:aguanta|"
     r"soporta|resiste|aguantaria|soportaria|resistiria|va a aguantar) (?:mi peso|el peso de (?:una persona|"
     r"un adulto|alguien|mi cuerpo))",
     r"(?:ya )?(?:tengo|elegi|escogi|puse|fije|decidi) (?:la |una |el )?(?:fecha|dia|hora) (?:para|de) (?:hacerlo|irme|"
     r"despedirme|acabar con todo|terminar con todo|matarme|morir|suicidarme|mi muerte|el final)",
     # Waiting until after someone's celebration "para no arruinárselo".
     r"(?:lo hago|lo hare|lo voy a hacer|me voy|me ire|me voy a ir|aguanto|aguantare|voy a aguantar|resisto|"
     r"me quedo|me espero|lo dejo|lo voy a dejar|lo pospongo|lo pospuse|lo hago hasta) "
     rf"{gap(2)}(?:hasta )?(?:despues|pasando|pasado|luego|que pase|que termine) (?:de |del |de la |de los |de las |"
     rf"el |la |los |las |su |mi )?{gap(2)}{EVENT} {gap(4)}(?:, )?{gap(2)}para no {SPOIL}",
     rf"(?:despues|pasando|pasado|luego) (?:de |del |de la |de los |de las |el |la |los |las |su |mi )?{gap(2)}"
     rf"{EVENT} {gap(4)}(?:, )?(?:lo hago|lo hare|lo voy a hacer|me voy|me ire|me voy a ir|acabo con todo)"
     rf" (?:, )?{gap(2)}para no {SPOIL}",
     # Cancelled plans because the writer won't be there.
     r"(?:cancele|he cancelado|ya cancele|estoy cancelando|anule|di de baja) (?:todas |todos )?(?:mis|las|los|todo|"
     rf"la|el) {gap(5)}(?:, )?(?:porque |total |ya que |si )?{FINALITY}",
     # A room booked so that nobody finds the writer.
     r"(?:reserve|rente|alquile|pedi|busque|me consegui|agarre|pague) (?:un|una|el|la) (?:cuarto|habitacion|hotel|"
     rf"motel|hostal|cabana|airbnb|departamento|pieza) {gap(5)}(?:, )?(?:para que |asi |donde |y )?(?:nadie me "
     r"(?:encuentre|encuentra|va a encontrar|busque|encontrara|pare|detenga)|no me (?:encuentren|"
     r"encuentran|van a encontrar)|nadie sepa donde estoy)",
     # Method questions: heights, pain, poisons, time to die, the quickest way, lethal amounts.
     r"(?:que tan|cuan|que) (?:alto|alta|arriba) (?:tiene que|debe|deberia|tendria que|hay que|tiene q|necesita) "
     r"(?:ser|estar) (?:un|una|el|la) (?:edificio|puente|piso|caida|ventana|balcon|azotea|acantilado|torre)"
     r"(?! para (?:tener|que tenga|ser considerad|llamarse|necesitar|el|la|los|un|una)\b)",
     r"(?:de )?(?:cuantos|que) (?:pisos|metros) (?:tiene que|hay que|debe|deberia|tendria que|necesita) "
     r"(?:caer|(?:ser|tener) (?:la caida|un edificio|el edificio|el puente))",
     rf"{DYING} {gap(1)}(?:duele|doleria|dolera|es doloroso|es dolorosa|se sufre|se sufre mucho|sufres|"
     r"se siente|se siente algo|es rapido|es rapida|tarda mucho|tarda|es instantaneo|es instantanea|es facil|"
     r"es seguro|es efectivo|es efectiva|funciona|es mortal|es letal|mata)",
     rf"(?:duele|doleria|dolera|es doloroso|se sufre|sufres|cuanto duele|que tanto duele|que se siente|"
     rf"como se siente|es rapido|es facil) {gap(1)}{DYING}",
     rf"(?:que|cual|cuales|cuantos|cuantas|que clase de|que tipo de) {gap(1)}{_PRODUCT} "
     rf"{gapx(4, 'mezcl|mascot|perr|gat|nin|bebe|plant|evit')}(?:te|me|a uno|a una persona) "
     r"(?:pueden |puede |podrian |podria )?(?:matar|mata|matan|matarian|mataria)" + _NOT_PETS,
     rf"(?:que|cual|cuales|cuantos|cuantas|que clase de|que tipo de) {gap(1)}{_PRODUCT} "
     rf"{gapx(4, 'mezcl|mascot|perr|gat|nin|bebe|plant|evit')}(?:pueden |puede |podrian |podria )?(?:matar|mata|"
     r"matan|son mortales|es mortal|son letales|es letal|serian mortales|seria mortal) si (?:me|te|se|uno) "
     r"(?:l[oa]s? )?(?:tomo|tomas|toma|bebo|bebes|bebe|trago|tragas|traga|tomara|tomaras|tomo_|como|comes|come)",
     r"cuanto (?:tiempo )?(?:tarda|tardas|se tarda|tardaria|tardarias|demora|se demora|toma|lleva) (?:uno|una persona|"
     r"alguien|tu|yo) en (?:morir(?:se)?|desangrarse|ahogarse|asfixiarse|perder el conocimiento|dejar de respirar)"
     r"(?! (?:de|sin|por) (?:hambre|sed|agua|comida|comer|beber|dormir|frio|vejez|viej|cancer|covid|"
     r"enfermedad)\w*)",
     r"cuanto (?:tiempo )?(?:tarda|tardas|se tarda|tardaria|tardarias|demora|se demora|toma|lleva) (?:uno |una "
     r"persona |alguien |tu |yo )?en (?:morir(?:se)?|desangrarse|ahogarse|asfixiarse|perder el conocimiento|"
     r"dejar de respirar) (?:ahorcad[oa]|ahogad[oa]|desangrad[oa]|envenenad[oa]|asfixiad[oa]|si (?:me|te|uno|se)|"
     r"con (?:una|la|el|un) (?:soga|cuerda|bolsa|sobredosis|veneno|cinturon)|de una sobredosis|por sobredosis)",
     r"cuanto (?:tiempo )?(?:tarda|se tarda|tardaria|demora|se demora) en hacer efecto (?:el veneno|una sobredosis|"
     r"la sobredosis|el raticida|el matarratas)",
     r"(?:la |cual es la |que |una |alguna )?(?:mejor |peor )?(?:forma|manera|metodo|metodos|modo) "
     r"(?:mas |menos )?(?:(?:facil|rapida|rapido|segura|seguro|indolora|indoloro|efectiva|efectivo|sencilla|"
     r"sencillo|comoda|limpia|tranquila|silenciosa|certera|dulce) )?(?:de|para) (?:irme|dejar de existir|"
     r"desaparecer (?:para siempre|de este mundo|del mundo)|acabar con todo|terminar con todo|apagarme|"
     r"dormir para siempre|dejar este mundo|salir de este mundo|irme de este mundo|acabar conmigo|"
     r"terminar conmigo|desvivirme|no volver a despertar|no despertar nunca)(?=" + END[3:-1] + r"| para siempre"
     r"| de este mundo| sin (?:dolor|sufrir|que duela|molestar a nadie|que nadie))",
     rf"si me (?:pongo|inyecto|meto|tomo|trago|bebo|pusiera|inyectara|tomara|tragara|bebiera|aplico|aplicara) "
     rf"{QTY}(?:{W} ){{0,2}}?{MEANS}",
     r"si me (?:pongo|inyecto|aplico|pusiera|inyectara|aplicara) (?:toda|todas|todo|toda la|todas las|todo el|las|"
     r"\d+) (?:dosis|unidades|jeringas|plumas|ampolletas|ampollas|la insulina|de insulina)")
# A deadline ("si para fin de año nada cambia, lo hago"): the "lo hago" and the time inside it
# belong to the condition, they are not a statement of intent for now ("closed", see assess()).
_add("plan", "closed",
     rf"si (?:para|antes de) {gap(4)}(?:nada|no) (?:cambia|mejora|se arregla|ha cambiado|ha mejorado) (?:, )?"
     r"(?:lo hago|se acaba todo|acabo con todo|termino con todo|me mato|me voy para siempre|me despido)")
_add("plan", "weak",
     rf"(?:conte|cuento|volvi a contar|he contado|estoy contando|vuelvo a contar|recontar) {gap(3)}{MEANS}",
     r"(?:ya )?(?:tengo|elegi|escogi|puse|fije|decidi) (?:la |una )?fecha" + END,
     r"(?:ya )?(?:tengo|elegi|escogi|puse|fije|decidi|marque) (?:la |una |el )?(?:fecha|dia)(?: y (?:la |el )?"
     r"(?:hora|lugar|metodo))? (?:, )?(?:es |sera |va a ser )?(?:el|este|para el) (?:lunes|martes|miercoles|jueves|"
     r"viernes|sabado|domingo|\d+|dia \d+)" + END,
     r"(?:ya )?(?:tengo|elegi|escogi|puse|fije) (?:la |una |el )?(?:fecha|dia) y (?:la )?hora" + END,
     r"(?:el|este) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d+|dia \d+) (?:es|sera|va a ser) "
     r"el dia" + END,
     r"(?:cancele|he cancelado|ya cancele|estoy cancelando|anule) (?:todas |todos )?(?:mis|las|los|todo|todas mis|"
     rf"todos mis) (?:citas|turnos|consultas|planes|compromisos|suscripciones|terapias|sesiones)(?: de {W})?" + END,
     r"(?:para que|asi|donde|y asi) nadie me (?:encuentre|encuentra|va a encontrar|encontrara|encontrase|busque)"
     r"(?: a tiempo| antes| nunca| jamas| en dias)?" + END,
     rf"(?:despues|pasando|pasado|luego) (?:de |del |de la |de los |de las |el |la |los |las |su |mi )?{gap(2)}"
     rf"{EVENT} {gap(4)}(?:, )?para no {SPOIL}",
     rf"(?:tengo|estoy con|sostengo|agarro|tengo agarrad[oa]s?|con) {MEANS_NP} en (?:la|las|mi|mis) manos?",
     rf"si (?:para|antes de) {gap(4)}(?:nada|no) (?:cambia|mejora|se arregla) (?:, )?(?:me voy|me largo)" + END)
_add("lethal_means", "possession",
     rf"(?:se_?|ya se_?|encontre|descubri|averigue) donde {gap(3)}(?:guarda|tiene|esconde|guardan|tienen|esconden) "
     rf"{gap(3)}{_GUN}")

# Death and going on, compared ("¿qué es peor, el suicidio o vivir así?").
_DEATH = (rf"el suicidio|suicidarme|matarme|{MORIR}|la muerte|estar muert[oa]|acabar con todo|quitarme la vida|"
          r"no despertar|desaparecer para siempre|dejar de existir")
_GO_ON = (r"(?:vivir|seguir viviendo|seguir (?:asi|aqui|viv[oa])|seguir con esto|aguantar|seguir aguantando|"
          r"seguir sufriendo|sufrir|esta vida|quedarme|vivir asi|seguir)")

# Preparation seen in what is done with the means: kept "por si acaso", ready or tied,
# loaded, at hand, hidden from others, bought so nobody suspects, "solo falta el momento".
_ANCHOR_POINT = (r"(?:la|el) (?:regadera|ducha|viga|puerta|ventilador|barra|closet|armario|rama|arbol|lampara|"
                 r"barandal|tubo|tuberia|litera|escalera)")
_add("plan", "",
     rf"(?:tengo|he estado juntando|junte|llevo {gap(2)}juntando) {gap(3)}{MEANS} (?:guardad[oa]s|escondid[oa]s|"
     rf"juntad[oa]s|acumulad[oa]s) {gap(4)}(?:, )?por si (?:acaso|algun dia|un dia|me decido|lo necesito|hace falta)"
     + END,
     r"(?:la|una|mi) (?:soga|cuerda|emoji_rope) ya (?:esta|la tengo) (?:lista|colgada|atada|preparada)" + _BENIGN_USE,
     r"(?:tengo|ya tengo) (?:la|una|mi) (?:soga|cuerda|emoji_rope) (?:lista|preparada|atada|colgada|puesta)"
     + _BENIGN_USE,
     rf"(?:soga|emoji_rope) (?:ya )?(?:atad[oa]|amarrad[oa]|colgad[oa]) (?:en|a|al|del|de) {_ANCHOR_POINT}",
     rf"(?:cinturon|cuerda|sabana|cable) (?:ya )?(?:atad[oa]|amarrad[oa]) (?:en|a|al|del|de) {_ANCHOR_POINT}",
     rf"{MEANS_ANY} {gap(4)}(?:, )?(?:y )?(?:nadie (?:lo )?(?:sabe|se ha dado cuenta|se dio cuenta|sospecha)|"
     r"sin que nadie (?:lo )?sepa)" + END,
     rf"tengo {gap(4)}{MEANS_ANY} {gap(2)}(?:escondid[oa]s?|bien escondid[oa]s?)(?! (?:para (?:el|la|los|las|que)|"
     r"de (?:los|mis|la|el) (?:ninos|hermanitos|hijos|nietos|perro|gato|sobrinos))\b)",
     rf"farmacias? {gap(5)}para que no (?:sospech\w+|se (?:dier\w+|den) cuenta|me pregunt\w+|not\w+)",
     rf"carbon {gap(5)}(?:cinta|sellar|tapar|cerrar) {gap(4)}(?:ventanas|puertas|rendijas|el coche|el carro|el auto)",
     rf"{MEANS_ANY} {gap(4)}(?:, )?(?:solo|nada mas) (?:me )?falta (?:el momento|valor|el valor|juntar valor|la fecha|"
     r"el dia|decidir|despedirme)",
     rf"(?:que pasa|que pasaria|que sucede) si (?:alguien|uno|una persona|me|te) (?:se )?(?:toma|tomo|tomas|traga|"
     rf"trago|tragas|tomara|tragara) {QTY}",
     rf"ya tengo todo(?: listo| preparado)? (?:, )?{gap(2)}{MEANS_ANY}",
     r"(?:ya )?(?:llegue|estoy|sigo) (?:al|en el|a la|en la|sobre el|sobre la|arriba del|"
     r"arriba de la) (?:puente|azotea|"
     rf"acantilado|techo|cornisa|vias|edificio|ultimo piso|mirador|risco) {gap(4)}(?:, )?{gap(3)}(?:y )?"
     r"(?:no hay nadie|estoy sol[oa]|nadie me ve|nadie me puede ver|no hay gente)(?!(?: ,)?(?: ¿)? (?:donde "
     r"(?:estas|estan|andas)|ya (?:llegaste|vienes)|te espero|los espero|apurate|avisame|ven|que raro|raro|"
     r"a que hora)\b)",
     r"estoy (?:parad[oa] |sentad[oa] |de pie )?en el borde" + END,
     r"(?:al borde|en el borde|en la orilla|en la cornisa) "
     rf"{gap(6)}(?:dar (?:un|el) paso|saltar|tirarme|aventarme|dejarme caer)",
     r"(?:la|una|mi) (?:pistola|arma|revolver|escopeta)(?! de (?:agua|juguete|balines|aire|pintura|silicon)) "
     rf"(?:ya )?(?:esta )?cargad[oa](?!(?: ,)? {gap(3)}(?:cazar|caza|cacer\w*|tiro al blanco|practica|poligono|"
     r"campo de tiro|el torneo|la competencia)\b)",
     r"(?:tengo|aqui tengo|tengo aqui) (?:la|una|mi) (?:navaja|cuchilla|pistola|soga|gillet+e|emoji_rope|arma|"
     rf"revolver) (?:aqui|conmigo|al lado|a mano|en el bolsillo|junto a mi)(?! {gap(4)}(?:, )?(?:por si hay que|"
     r"para (?:cortar|abrir|pelar|acampar|la|el)))",
     r"(?:tengo|estoy con|sostengo|agarro) (?:el|un|mi|la|una) (?:cuchillo|navaja|cuchilla|pistola|arma) en (?:la|mi) "
     rf"mano {gap(3)}(?:, )?(?:y )?no (?:pienso|voy a|quiero) soltarl[oa]",
     rf"ya tengo {MEANS_NP} (?:, )?(?:{TIME})" + END,
     r"(?:que|cual) piso es (?:lo )?(?:suficientemente|bastante) alto(?:" + END[3:-1] + r"| para (?:no sobrevivir|"
     r"morir|matarse|matarme|que sea mortal|no fallar))",
     r"(?:que|cual) (?:dosis|cantidad) de (?:\w+ ){1,2}(?:es|seria) (?:peligrosa|letal|mortal|"
     r"toxica)(?! para (?!mi\b))",
     rf"(?:que|cual|cuales) {gap(1)}(?:duele menos|es mas rapido|es mas rapida|es menos doloroso|es menos dolorosa|"
     r"es mejor|es mas efectivo|es mas seguro|funciona mejor|es mas limpio|tiene menos riesgo) (?:, )?"
     rf"(?:{DYING}|{MEANS_ANY}|el tren|las vias|el puente|colgarse|tirarse|ahorcarse) (?:, )?o {gap(1)}"
     rf"(?:{DYING}|{MEANS_ANY}|el tren|las vias|el puente|colgarse|tirarse|ahorcarse)",
     rf"mejor (?:{MEANS_ANY}|el tren|el puente|colgarme|tirarme) o (?:{MEANS_ANY}|el tren|el puente|colgarme|tirarme)"
     + END,
     rf"como (?:me )?(?:puedo|podria|se puede|pudiera) (?:matar{IDIOM_MATAR}(?! (?:a|al|el|la|los|las|un|una|esa|ese|"
     r"eso)\b)|suicidar|"
     r"ahorcar|quitar la vida)(?: (?:rapido|sin dolor|"
     r"sin que duela|sin sufrir))?|como se (?:mata|suicida|ahorca) uno|como (?:morir(?:me|se)?|matarme|matarse) "
     r"(?:rapido|sin (?:dolor|sufrir|que duela)|de una vez|tranquil[oa]|dormid[oa])",
     rf"(?:lo|la) (?:mas|menos) (?:\w+ ){{0,1}}para (?:quitarse la vida|quitarme la vida|suicidarse|suicidarme|"
     rf"matarse{IDIOM_MATAR}|matarme{IDIOM_MATAR}|morir(?:se|me)?{IDIOM_MORIR})",
     r"(?:mas|menos) (?:efectiv[oa]s?|rapid[oa]s?|segur[oa]s?|doloros[oa]s?|facil(?:es)?|letal(?:es)?) para "
     rf"(?:suicidar(?:se|me)?|matar(?:se|me)?{IDIOM_MATAR}|morir(?:se|me)?{IDIOM_MORIR}|quitar(?:se|me) la vida)",
     rf"(?:las |unas |hay |conoces |sabes de )?(?:formas|maneras|modos|metodos) {gap(2)}(?:de|para) (?:suicidarse|"
     rf"suicidarme|matarse{IDIOM_MATAR}|matarme{IDIOM_MATAR}|morir(?:se|me)?{IDIOM_MORIR}|quitarse la vida|"
     r"quitarme la vida)",
     r"(?:que|cual) (?:metodo|forma|manera) de (?:suicidio|suicidarse|matarse|morir) (?:es|seria) (?:el|"
     r"la) (?:mas|menos)",
     rf"(?:metodo|manera|forma) (?:mas |menos )?(?:\w+ )?(?:de|para) (?:morirse{IDIOM_MORIR}|morirme{IDIOM_MORIR}|"
     r"suicidarse|matarse)",
     rf"(?:{POISON}|{MEANS}) {gap(3)}(?:mata|matan|puede matar|pueden matar) a (?:una persona|un humano|alguien|uno|"
     r"un adulto)",
     rf"(?:nudo|soga|cuerda|cinturon|viga|rama|gancho) {gap(3)}(?:aguante|soporte|resista|aguanta|soporta|resiste) "
     r"el peso de (?:una persona|un adulto|alguien|mi cuerpo)",
     r"cuant[oa]s? (?:mg|miligramos|gramos|pastillas|pildoras|capsulas|unidades|comprimidos|tabletas) de "
     rf"(?:{W} ){{1,2}}(?:son|es|serian|seria|hacen) (?:mortales?|letales?|una sobredosis|demasiad[oa]s?|suficientes)"
     + _NOT_PETS + _PER_DAY,
     rf"cuant[oa]s? {gap(1)}{MEANS} {gap(3)}son (?:una sobredosis|demasiad[oa]s|mortales|letales)" + _PER_DAY,
     r"(?:se puede|puede uno|puedes|es posible) morir(?:se)? (?:tomando|tomandose|con|de|si (?:te|me|"
     r"se) (?:tomas|tomo|"
     rf"toma)) {gap(2)}(?:{POISON}|{MEANS}|muchos|muchas)",
     rf"si (?:te|me|se|uno se) (?:tomas|tomo|toma) {QTY}(?:{W} ){{0,2}}?{MEANS} {gap(2)}(?:mueres|muero|se muere|"
     r"te mueres|me muero|uno se muere)",
     rf"(?:que pasa|que pasaria|que sucede) si (?:te|me|uno se|alguien se|se) (?:tiras|tiro|tira|avientas|aviento|"
     rf"avienta|lanzas|lanzo|lanza) {JUMP}",
     rf"si (?:salto|me tiro|me aviento|me lanzo|me dejo caer) {JUMP} {gap(3)}(?:sobrevivo|me muero|muero|me mato|"
     r"es mortal|moriria|sobreviviria)",
     rf"(?:mejor|que|cual|algun) (?:lugar|sitio|puente|edificio) {gap(4)}para (?:tirarse|tirarme|saltar|aventarse|"
     r"aventarme|lanzarse|lanzarme|matarse|matarme|suicidarse|suicidarme|morir)(?! (?:en|con|de) (?:paracaidas|"
     r"parapente|bungee|puenting|tirolesa|trampolin|clavados|la piscina|la alberca|cabeza)\b)",
     r"cuanta sangre (?:puedes|se puede|puede uno|hay que|tengo que|tienes que) perder (?:antes de|para) morir",
     r"(?:como (?:hacer )?(?:para )?)?que no me (?:encuentren|detecten) a tiempo",
     r"(?:donde|como) (?:se puede |puedo |)(?:comprar|conseguir|consigo|venden|se compra|se consigue) "
     r"(?:cianuro|pentobarbital|nembutal|estricnina|arsenico)",
     r"(?:ya )?(?:tengo|esta|lo tengo) (?:todo )?(?:re |bien |muy )?(?:planeado|pensado|decidido|listo|preparado)"
     rf"(?:, | y )(?:el|este|esta|cuando|en cuanto|apenas) {gap(6)}(?:lo hago|lo hare|lo voy a hacer|me voy|"
     r"me tomo|me tiro|me quito de en medio)")
_add("plan", "weak",
     r"(?:lo )?tengo (?:todo )?(?:re |bien |muy )?(?:planeado|pensado|decidido|claro|preparado)|(?:el|mi) plan "
     r"(?:ya )?(?:es|esta)|(?:tengo|hice) un plan|la idea es|mi idea es",
     r"(?:ya )?tengo (?:lo que necesito|todo lo que necesito|todo listo|todo preparado)|ya (?:compre|consegui) lo que "
     r"(?:necesito|necesitaba)",
     r"(?:solo|nada mas) (?:me )?falta (?:juntar valor|el valor|despedirme)" + END,
     rf"(?:le )?robe {gap(2)}{MEANS}",
     r"(?:me quedo|sigo|no dejo de|no paro de|me paso) (?:mirando|viendo) (?:las vias|el vacio|hacia abajo|"
     r"el agua desde)")
_add("attempt_in_progress", "",
     r"(?:ya )?me puse (?:la|una) (?:cuerda|soga|emoji_rope)(?: (?:al|en el) cuello)?(?! (?:de|para) (?:seguridad|"
     r"escalar|escalada|rapel|saltar|tender)\b)" + _BENIGN_USE,
     r"me puse (?:el|un) cinturon (?:al|en el) cuello",
     r"(?:el coche|el carro|el auto|el motor) (?:esta |sigue )?(?:encendido|prendido) en el garaje (?:cerrado|y yo "
     r"(?:adentro|dentro))",
     r"(?:estoy|me sente|me acoste|me pare) (?:sentad[oa]|parad[oa]|acostad[oa]|tirad[oa]) (?:en|sobre) las vias"
     r"(?! (?:del|de) (?:tren de juguete|trenecito|juguete|tren electrico|scalextric)\b)",
     r"(?:estoy|sigo) (?:en|sobre) las vias (?:esperando (?:el|al|que pase el|a que pase el|a que venga el) tren|"
     r"y (?:ya )?viene el tren)",
     r"(?:ya )?(?:pase|cruce|salte|brinque) (?:la reja|la valla|el barandal|la baranda|la barandilla) (?:del|de la) "
     r"(?:puente|azotea|balcon|edificio|viaducto)",
     r"estoy sentad[oa] en (?:la barandilla|el barandal|la baranda|la cornisa) (?:del|de la) (?:balcon|puente|azotea|"
     r"terraza|edificio)")
_add("past_attempt", "past",
     rf"estuve a punto de {FILL}(?:{KILL_INF}|saltar {JUMP}|tirarme {JUMP}|suicidarme|quitarme la vida)")

# ------------------------------------------------------------ session 17: Spanish means, method questions, self-harm severity
# Written for the session-17 reading (issue #14): means kept, counted, hidden or collected without the
# crisis words ("llevo semanas guardando mis pastis", "las escondí debajo del colchón" after the pills
# are named, "ya tengo las que necesito"), cords and belts tied or looked at ("mecate", "cabuya",
# "cinturón", "el cable del cargador"), the height of a bridge or a building weighed ("son 9 pisos,
# creo que alcanza"), the car in the garage, a blade hidden "por si acaso"; method questions put
# without the words (the whole box, how long pills take, which hurts less, how many are dangerous,
# mixing with alcohol, what leaves no trace, "a lo largo o a lo ancho"); and self-harm severity
# (bleeding that will not stop, stitches refused, cutting more every day, self-harm no longer
# "enough", an infected or gaping wound, cuts hidden).  Rungs as above (preparation and
# method-seeking: Posner et al. 2011; Al-Halabí et al. 2016); every phrase was written for this
# module, with look-alikes in tests/test_screening_reading_es_means.py.
_MEANS_HIDE_NOT = (r"(?![^.?¡¿]{0,60}\b(?:ninos|ninas|nenes|bebes?|hij[oa]s?|niet[oa]s?|sobrin\w*|hermanit\w*|"
                   r"perr\w*|gat[oa]s?|mascotas?|anticonceptiv\w*|vitaminas?|vencid\w*|caducad\w*|farmacia|"
                   r"receta medica|mes|semana|tratamiento completo|confund\w*|olvid\w*|equivoqu\w*|organiz\w*|pastillero|"
                   r"horario)\b)")
# Words between the means and a later pronoun that make them an everyday medicine.
_MEANS_GAP_NOT = (r"anticonceptiv|vitamin|tos\b|gripe|alergia|perr|gat[oa]s?\b|antibiotic|hermanit|ninos|ninas|"
                  r"medic[oa]\b|doctor|presion")
_MEANS_TO_PRONOUN = rf"(?:(?!(?:{_MEANS_GAP_NOT}))(?:{W}|[.,:]) ){{0,16}}?"
_BLADE = (r"(?:navaja|navajas|cuchilla|cuchillas|gillet+es?|cuter|cutter|cutters|bisturi|hojas? de afeitar|"
          r"emoji_razor|rastrillo|exacto)")
_CORD = (r"(?:soga|cuerda|lazo|mecate|cabuya|reata|emoji_rope|cinturon|correa|cable|cordon|sabana|corbata|"
         r"bufanda|extension|alargador)")
_TIE_POINT = (r"(?:la |el |mi |una |un )?(?:barra|viga|ventilador|ropero|closet|armario|puerta|regadera|ducha|"
              r"tubo|tuberia|rama|arbol|litera|escalera|barandal|gancho|lampara|techo|perilla|manija|picaporte)")
# What cords, belts and cables are ordinarily tied to things for.
_CORD_OF_NOT = (r"(?!(?:perr|gat|mascot|bols|mochil|cartera|reloj|bici|ropa|tender|hamaca|columpio|cortina|escal|"
                r"seguridad|arnes|carpa|campana)\w*\b)")
_CORD_NO_BENIGN_BEFORE = (r"(?:(?<=^ )|(?<=[.?¡¿] ))(?:(?!(?:columpio|hamaca|escal|tendedero|ropa|perr|carpa|campana|"
                          rf"arnes|rapel|gimnasio|gym|bote|barco|lancha)\w*\b)(?:{W}|,) ){{0,10}}?")
_CORD_LATER_NOT = (r"(?![^.?¡¿]{0,60}\b(?:ropa|tender|secar|columpio|hamaca|perr\w*|mascota|cortinas?|focos?|"
                   r"adornos?|navidad|decoracion|luces|pinata|cerrar|abra|cierre|mudanza|campana|saco de boxeo|"
                   r"boxeo|bici|bicicleta|plantas?|maceta|cargar|cargando|celular|telefono|ejercicio|yoga)\b)")
_HEIGHT_PLACE = (r"(?:puente|edificio|balcon|azotea|techo|viaducto|piso|departamento|depa|torre|estacionamiento|"
                 r"acantilado|barranco|mirador|ventana|terraza|hotel|hospital|centro comercial|mall)")
_HEIGHT_NUM = (r"(?:(?:como|unos|unas|mas de|casi|al menos|fácil|facil) )?(?:\d+|cinco|seis|siete|ocho|nueve|diez|"
               r"once|doce|trece|catorce|quince|veinte|treinta|cuarenta|cincuenta|cien)")
_ENOUGH = (r"(?:(?:creo que|yo creo que|seguro|supongo que|con eso|eso|no se_? si|sera que) )?(?:basta|alcanza|"
           r"es suficiente|son suficientes|sobra|seria suficiente|serian suficientes|deberia bastar|deberia alcanzar)")
# Ways to die compared in a question; trains, bridges, gas, guns and poisons are left out on purpose
# ("¿qué es más rápido, el tren o el metro?", "¿el veneno o la trampa?").
_HARSH = (rf"(?:{DYING}|cortarse|cortarme|cortarse las venas|cortarme las venas|tirarse|tirarme|ahorcarse|"
          r"ahorcarme|colgarse|colgarme|pegarse un tiro|pegarme un tiro|una sobredosis|la sobredosis|sobredosis|"
          r"la soga|envenenarse|envenenarme|desangrarse|desangrarme)")
_COMPARE = (r"(?:duele menos|es menos doloroso|es menos dolorosa|es mas rapido|es mas rapida|es mas seguro|"
            r"es mas segura|es mas efectivo|es mas efectiva|es mas facil|es mas limpio|se sufre menos|sufres menos|"
            r"es mas certero|falla menos|es mas indoloro|es mejor|funciona mejor|es mas seguro para morir)")
_PSYCH = (r"(?:clona[cz]epam|rivotril|alprazolam|xanax|dia[cz]epam|lora[cz]epam|valium|tafil|sertralina|"
          r"fluoxetina|quetiapina|litio|antidepresivos|somniferos|tramadol|fentanilo|morfina|insulina|benzos|"
          r"benzodiacepinas|ansioliticos|tranquilizantes|amitriptilina|paroxetina|escitalopram|zolpidem)")
_BOOZE = (r"(?:alcohol|vodka|vodca|tequila|ron|whisky|cerveza|cervezas|vino|guaro|aguardiente|pisco|mezcal|fernet|"
          r"ginebra|chela|chelas|birra|trago|tragos|copas)")
_ACCIDENT = (r"me cai|caida|accidente|bici|bicicleta|moto|cocinando|cocina|perro|mordio|mordida|futbol|partido|"
             r"choque|chocamos|vidrio roto|jugando|patinando|skate|pelea|asalto|asaltaron|operacion|cirugia|"
             r"tatuaje|piercing|parto|cesarea")
# The start of a sentence, then up to 14 words none of which tells of an accident.
_NO_ACCIDENT_BEFORE = rf"(?:(?<=^ )|(?<=[.?¡¿] ))(?:(?!(?:{_ACCIDENT})\b)(?:{W}|,) ){{0,14}}?"
_ACCIDENT_LATER_NOT = rf"(?![^.?¡¿]{{0,80}}\b(?:{_ACCIDENT})\b)"
_BLEED_ON = (r"(?:no (?:para|deja|paraba|dejaba) de sangrar|(?:la sangre|el sangrado) no (?:para|se detiene|se para|"
             r"deja de salir|se corta)|no (?:para|se detiene|se para) (?:la sangre|el sangrado)|sangra (?:mucho|"
             r"muchisimo|un monton|demasiado|sin parar)|necesito puntos|se abrio (?:mucho|demasiado|un monton))")
# The end of the clause, or what the height is enough for.
_HIGH_ENOUGH_END = "(?=" + END[3:-1] + r"| para (?:no sobrevivir|morir|matarme|que sea mortal|no fallar))"
_SH_VERB = r"(?:corto|lastimo|quemo|hago dano|hago cortes|rayo|autolesiono|hiero|rasguno)"
# Everyday objects of the same verbs ("cada día me corto más el pelo") and laughter later on.
_SH_NOT_AFTER = (r"(?! (?:el|la|los|las|un|una|sin querer|cocinando|con el|con la)\b)"
                 r"(?![^.?¡¿]{0,60}\b(?:ja(?:ja)+j?|jsjs\w*|jeje\w*|xd|lol|pelo|cabello|unas|barba|flequillo|"
                 r"fleco|cocina|cocinando|uniforme|entrenamiento|gym|gimnasio)\b)")

# Means kept, collected, hidden or counted.
_add("plan", "",
     rf"llevo {gap(2)}(?:guardando|ahorrando|escondiendo|acumulando|separando|apartando) {gap(3)}{MEANS}"
     r"(?! para (?:mi |la |el |los |las |tu |su )?(?:abuel|mama|papa|perr|gat|herman|hij|tia|tio|viaje|clinica|"
     r"farmacia|donar|donacion|reciclar|tirar|botar|desechar)\w*)",
     rf"(?:deje de|ya no|no) (?:me )?(?:tomar(?:me)?|tomo|estoy tomando) {gap(2)}{MEANS}(?: de {W})? {gap(5)}"
     r"(?:, )?(?:y )?(?:l[oa]s? )?(?:estoy guardando|voy guardando|guardo|junto|estoy juntando|voy juntando|escondo|"
     r"acumulo|estoy acumulando|guarde|junte|escondi|tengo guardad[oa]s|tengo escondid[oa]s)"
     r"(?! para (?:devolver|tirar|botar|la farmacia|el medico|la doctora|el doctor|cuando (?:me duela|tenga dolor|"
     r"me de|vuelva)))",
     r"no me l[oa]s (?:tomo|estoy tomando|tome) (?:, )?(?:y )?(?:sino que )?l[oa]s (?:estoy guardando|voy guardando|"
     r"voy juntando|estoy juntando|acumulo|escondo|estoy escondiendo|junto|guardo)"
     r"(?! para (?:devolver|tirar|botar|la farmacia|el medico|cuando (?:me duela|tenga dolor|me de|vuelva)))",
     rf"{MEANS}(?: de {W}| de (?:la|el|mi|los|las) {W})? {gap(3)}en (?:vez|lugar) de (?:tomarmel[oa]s|tomarl[oa]s|"
     r"tragarmel[oa]s|tomarmel[oa]s)",
     rf"(?:receta|recetan|recetaron|me dan|me dieron|me mandan) {gap(5)}(?:, )?(?:guardo|junto|escondo|separo|aparto|"
     r"me guardo|voy guardando) (?:la mitad|algunas|unas cuantas|una parte|un par|varias|las que sobran)"
     r"(?! para (?:la proxima|despues|el viaje|emergencias|cuando me (?:duela|de)))",
     # The means named, then a pronoun that keeps, hides or counts them ("las escondí debajo del colchón").
     rf"{MEANS_ANY} {_MEANS_TO_PRONOUN}(?:y )?(?:ya )?(?:casi )?(?:tengo|junte|junto|consegui|reuni) (?:l[oa]s|tod[oa]s "
     r"l[oa]s) que (?:necesito|me hacen falta|hacen falta|necesitaba|me hacian falta)",
     rf"{MEANS_ANY} {_MEANS_TO_PRONOUN}(?:y )?(?:ya )?l[oa]s (?:conte|volvi a contar|cuento|estoy juntando|"
     r"voy juntando|sigo juntando|sigo guardando|voy guardando|estoy guardando|tengo (?:debajo|bajo|dentro|detras|"
     r"en el fondo)|tengo separad[oa]s|separe|he contado)" + _MEANS_HIDE_NOT,
     rf"(?:le |les )?(?:saque|robe|quite) (?:la mitad|un monton|varias|algunas|unas cuantas|un punado|casi todas) "
     rf"de (?:sus|las|los|mis) {MEANS}" + _MEANS_HIDE_NOT,
     rf"{MEANS_ANY} {_MEANS_TO_PRONOUN}(?:y )?(?:ya )?(?:le |les )?(?:saque|robe|agarre|quite) (?:la mitad|un monton|"
     r"varias|algunas|unas cuantas|un punado|casi todas)" + _MEANS_HIDE_NOT,
     rf"{MEANS_ANY} {_MEANS_TO_PRONOUN}(?:y )?(?:ya )?l[oa]s (?:escondi|tengo escondid[oa]s|escondo)(?:"
     + END[3:-1] + r"| (?:debajo|bajo|dentro|detras|adentro|entre|en el fondo)\b| donde "
     r"nadie| para que nadie| para que no (?:l[oa]s )?(?:encuentren|vean)| de mis (?:papas|padres|viejos)| en "
     r"(?:una media|un calcetin|mi cuarto|mi pieza))" + _MEANS_HIDE_NOT,
     rf"{MEANS_ANY} {_MEANS_TO_PRONOUN}no me l[oa]s? (?:tomo|estoy tomando|tome) (?:, )?(?:y )?(?:sino que )?l[oa]s? "
     r"(?:estoy guardando|voy guardando|voy juntando|estoy juntando|acumulo|escondo|estoy escondiendo|junto|guardo)"
     r"(?! para (?:devolver|tirar|botar|la farmacia|el medico|despues|luego|manana|cuando (?:me duela|tenga dolor|"
     r"me de|vuelva)))",
     rf"(?:tengo|guardo|guarde|escondi|escondo|tengo escondid[oa]s) {gap(2)}{MEANS} {gap(2)}(?:debajo|bajo|dentro|"
     r"adentro|entre) (?:del|de la|el|la|de mi|mi) (?:colchon|almohada|funda|calcetin|media|peluche|zapato|tenis)"
     + _MEANS_HIDE_NOT,
     rf"(?:tengo|me quede con|agarre|saque|tome|le saque) {gap(2)}{MEANS_ANY}(?: de {W})?(?: de (?:mi|mis) {W})? "
     rf"{gap(5)}(?:, )?(?:y )?no (?:se )?(?:l[oa]s? |se l[oa]s? )?(?:voy a|pienso|quiero) devolver",
     rf"saque (?:tod[oa]s )?(?:las |los )?{MEANS} (?:del botiquin|de la casa|del cajon|de la cocina|del bano)"
     r"(?: de (?:mi|mis) \w+)? (?:, )?(?:y )?(?:l[oa]s )?(?:tengo (?:en mi|escondid|guardad|conmigo)|guarde|escondi)",
     # A blade hidden for later.
     rf"(?:escondi|escondo|tengo escondid[oa]s?|guarde|guardo|tengo guardad[oa]s?) {gap(2)}{_BLADE} {gap(5)}(?:, )?"
     r"(?:por si acaso|por si las moscas|por si l[oa]s? necesito|para cuando l[oa]s? necesite|donde nadie "
     r"(?:l[oa]s? )?(?:encuentra|encuentre|ve|vea)|para que (?:nadie|no) (?:me )?(?:l[oa]s? )?(?:encuentre|"
     r"encuentren|quite|quiten|vea|vean))",
     rf"tengo {gap(1)}{_BLADE} (?:escondid[oa]s?|guardad[oa]s?) {gap(5)}(?:, )?(?:por si acaso|por si las moscas|"
     r"por si l[oa]s? necesito|para cuando l[oa]s? necesite|donde nadie (?:l[oa]s? )?(?:encuentra|encuentre|ve|vea))",
     # Cords tied to where they would hold.
     rf"{_CORD_NO_BENIGN_BEFORE}(?:ya )?(?:ate|amarre|colgue|asegure|fije|deje amarrad[oa]|deje atad[oa]) {gap(1)}"
     rf"{_CORD}(?: (?:de|del) (?:la |el |mi )?{_CORD_OF_NOT}{W})? (?:a|al|en|de|del) {_TIE_POINT}" + _CORD_LATER_NOT,
     rf"{_CORD_NO_BENIGN_BEFORE}{_CORD}(?: (?:de|del) (?:la |el |mi )?{_CORD_OF_NOT}{W})? (?:ya )?"
     r"(?:esta |sigue |quedo )?(?:atad[oa]|amarrad[oa]|"
     rf"colgad[oa]) (?:a|al|en|de|del) {_TIE_POINT}" + _CORD_LATER_NOT,
     rf"{_CORD}(?: de {W})? {gapx(6, _BENIGN_GAP)}(?:y |, )?(?:que |y )?(?:no (?:dejo|paro) de (?:mirarl\w*|"
     r"verl\w*|tocarl\w*)|(?:cada noche|todas las noches|cada dia|todos los dias|a cada rato|otra vez|de nuevo) "
     r"l[oa]s? (?:miro|veo|saco|toco|reviso|pruebo)|l[oa]s? (?:miro|veo|saco|toco|reviso|pruebo) (?:cada noche|"
     r"todas las noches|cada dia|todos los dias|a cada rato|otra vez|de nuevo|una y otra vez))",
     rf"{_CORD} {gapx(8, _BENIGN_GAP)}(?:cada noche|todas las noches|cada dia|todos los dias|a cada rato) (?:y )?"
     r"(?:l[oa]s? )?(?:miro|veo|toco|pruebo|me l[oa]s? pongo)" + END + _CORD_LATER_NOT,
     r"(?:aprendi|ya se_?|ya aprendi|estoy aprendiendo|vi como|busque como|ya vi como|practique) (?:a )?(?:hacer )?"
     r"(?:el|un) nudo (?:corredizo|de horca|del ahorcado|para (?:la soga|colgarme|ahorcarme|que aguante mi peso))",
     # A height weighed ("el edificio de mi trabajo tiene 15 pisos, con eso basta").
     rf"(?:el|la|mi|ese|esa|este|esta|un|una|del|de la) {_HEIGHT_PLACE}(?: {W}){{0,4}} (?:tiene|son|es de|mide|hay) "
     rf"{_HEIGHT_NUM} (?:pisos|metros|m)(?: de (?:alto|altura|caida))?(?: [.,:])? {_ENOUGH}"
     + _HIGH_ENOUGH_END,
     rf"(?:desde|de) (?:mi|el|la|ese|esa|este|esta) {_HEIGHT_PLACE}(?: {W}){{0,3}} (?:son|hay|serian|seran) "
     rf"{_HEIGHT_NUM} (?:pisos|metros)(?: de (?:alto|altura|caida))?(?: [.,:])? {_ENOUGH}"
     + _HIGH_ENOUGH_END,
     rf"son {_HEIGHT_NUM} (?:pisos|metros) (?:desde|de) {gap(3)}{_HEIGHT_PLACE}(?: (?:de|del) {W})?(?: [.,:])? "
     rf"{_ENOUGH}" + _HIGH_ENOUGH_END,
     rf"piso {_HEIGHT_NUM}(?: [.,:])? (?:(?:creo que|con eso|eso|seguro) )?(?:alcanza|basta)"
     + _HIGH_ENOUGH_END,
     rf"{_HEIGHT_PLACE} {gap(6)}(?:a ver|para ver) si (?:era|es|seria|estaba|esta) (?:lo )?(?:suficientemente|bastante|"
     r"lo bastante) alt[oa]" + _HIGH_ENOUGH_END,
     rf"(?:el|la|ese|esa|este|esta|mi) {_HEIGHT_PLACE}(?: (?:de|del|de la|de mi) {W})? (?:es|sera|seria|esta) "
     r"(?:lo )?(?:suficientemente|"
     r"bastante|lo bastante) alt[oa]" + _HIGH_ENOUGH_END,
     rf"(?:puente|edificio|azotea|viaducto|acantilado|barranco|torre) (?:(?:{W}|[.,:]) ){{0,8}}?ya (?:se_?|elegi|"
     r"escogi|decidi) (?:cual|desde donde|desde cual)" + END,
     # The rope bought, then where it will be tied or where the gun's key is ("ya sé en qué viga").
     rf"{_CORD} (?:(?!(?:para|hamaca|columpio|tender|ropa|tendedero|perr|carpa|campana)\b)(?:{W}|[.,:]) ){{0,8}}?"
     r"(?:ya )?(?:se_?|elegi|escogi|encontre|tengo|vi) (?:en |de )?(?:que|cual) "
     r"(?:viga|rama|arbol|barra|gancho|ventilador|tubo|tuberia|barrote|puerta)" + _CORD_LATER_NOT,
     r"(?:la pistola|el arma|el revolver|la escopeta|el rifle) (?:de mi \w+ )?(?:esta|la tiene|la guarda|lo tiene|lo "
     rf"guarda|sigue) {gap(4)}(?:, )?(?:y )?(?:ya )?(?:se_?|tengo|encontre|consegui) (?:donde (?:esta|deja|guarda) )?"
     r"(?:la llave|la combinacion|la clave|el codigo)",
     # Poison moved to one's room; pills bought in several pharmacies.
     rf"(?:me lleve|subi|guarde|escondi|tengo|meti) (?:el|la|un|una|el bote de|la botella de) (?:{POISON}|veneno para "
     r"ratas) (?:a|en) (?:mi|el|la) (?:cuarto|pieza|habitacion|mochila|cajon|closet|armario|buro|mesita)"
     r"(?![^.?¡¿]{0,60}\b(?:limpi\w*|lav\w*|desinfect\w*|fumig\w*|plagas?|cucarachas?|ratas|ratones|hormigas|"
     r"bichos|piscina|bano)\b)",
     rf"compre {gap(3)}{MEANS} en (?:varias|tres|dos|cuatro|cinco|distintas|diferentes|muchas) farmacias",
     rf"(?:fui|me recorri|recorri|pase por) (?:a )?(?:varias|tres|cuatro|cinco|distintas|diferentes|muchas) farmacias "
     rf"{gap(3)}(?:comprar|juntar|conseguir|por) {gap(2)}{MEANS}",
     # A cord tried for weight; pills opened, crushed or poured out ready.
     rf"{_CORD_NO_BENIGN_BEFORE}(?:la|el|mi) {_CORD} (?:ya )?(?:aguanta|resiste|soporta|aguantaria|si_? aguanta) "
     r"(?:mi peso|bien mi peso)" + _CORD_LATER_NOT,
     rf"{_CORD_NO_BENIGN_BEFORE}(?:probe|revise|chequee|cheque) (?:la|el|mi) {_CORD} "
     rf"{gapx(3, 'escal|columpio|hamaca|arnes|rapel|ropa|tender|perr|carpa|campana')}(?:, )?"
     r"(?:y )?(?:si_? |ya )?(?:aguanta|resiste|"
     r"soporta)(?: mi peso)?" + END,
     r"(?:abri|vacie|triture|machaque|moli|disolvi|desarme) (?:todas )?(?:las |mis )?(?:capsulas|pastillas|pildoras|"
     rf"pastis) {gap(3)}(?:, )?(?:y )?(?:las )?(?:junte|puse|tengo|eche|meti) (?:en|dentro de) (?:un|el|una|la) "
     r"(?:vaso|taza|botella|frasco)" + _MEANS_HIDE_NOT + r"(?![^.?¡¿]{0,40}\b(?:abuel\w*|para que se (?:la|las|lo|los) "
     r"tome|cafe|maquina)\b)",
     # A gun taken from a relative and kept; the means laid out with a glass of water or a note.
     r"(?:me traje|me lleve|saque|agarre|tome|escondi) (?:el|la) (?:arma|pistola|escopeta|revolver|rifle) (?:de|del) "
     rf"(?:mi )?(?:papa|padre|tio|abuelo|hermano|viejo|padrastro)(?: {W})? {gap(5)}(?:, )?(?:y )?(?:nadie (?:sabe|"
     r"se ha dado cuenta|se dio cuenta)|l[oa] tengo (?:debajo|bajo|en mi|escondid[oa]|conmigo|aqui)|sin que (?:nadie|"
     r"se den cuenta|sepa))(?![^.?¡¿]{0,60}\b(?:cazar|caza|cacer\w*|tiro al blanco|poligono|limpiar\w*|agua|"
     r"juguete|balines)\b)",
     rf"carbon (?:y|,) (?:cinta|tape|silicon) {gap(4)}(?:, )?(?:ya (?:sabes|saben|sabeis) para que|no es para "
     r"(?:asar|la parrilla|una carne|el asado)|para (?:sellar|tapar) (?:el cuarto|la puerta|las ventanas|las rendijas|"
     r"el bano))",
     rf"(?:las |mis )?{MEANS}(?: ,| y) (?:la|una|mi) (?:carta|nota)(?: de despedida)?(?= ,| y| [.:]| $)",
     rf"(?:puse|acomode|alinee|ordene) (?:todas )?(?:las|mis) {MEANS} en fila" + _MEANS_HIDE_NOT,
     rf"(?:puse|deje) todas (?:las|mis) {MEANS} (?:en|sobre) (?:la mesa|la cama|el buro|la mesita)" + _MEANS_HIDE_NOT,
     rf"{MEANS} {gap(3)}(?:, )?(?:y )?(?:el|un) vaso (?:de agua )?(?:al lado|listo|junto|preparado|servido)"
     + _MEANS_HIDE_NOT,
     # The car in a closed garage.
     rf"manguera {gap(4)}(?:al |del |el |para el |en el )?(?:escape|mofle|tubo de escape)"
     r"(?![^.?¡¿]{0,60}\b(?:mecanico|taller|se rompio|arreglar|arreglarlo|cambiar)\b)",
     r"(?:encerrarme|meterme|quedarme|sentarme|dormirme|me (?:encierro|encerre|meto|quedo|voy a encerrar|"
     r"voy a meter|voy a quedar|quiero encerrar|quiero meter)) (?:en|dentro de) (?:el|la|mi) (?:garaje|garage|"
     r"cochera) con (?:el|un|mi) (?:carro|coche|auto|motor) (?:prendido|encendido|en marcha|andando|arrancado|"
     r"corriendo)(?! para (?:calentar|que se caliente|cargar))",
     rf"(?:garaje|garage|cochera) {gap(8)}(?:, )?(?:y )?{gap(2)}cinta {gap(3)}(?:las |los )?(?:ventanas|ventanillas|"
     r"rendijas|puertas|la puerta)"
     r"(?![^.?¡¿]{0,60}\b(?:huracan|tormenta|ciclon|pintar|pintura|mudanza|lluvia|frio|granizo|vidrio|roto|rota)\b)")
_add("self_injury", "",
     rf"(?:escondi|escondo|tengo escondid[oa]s?) {gap(2)}{_BLADE} {gap(5)}(?:para que no (?:l[oa]s? )?"
     r"(?:vean|encuentren)|de) (?:mis|mi) (?:papas|padres|viejos|familia|novio|novia|esposo|esposa|"
     r"roomie|companer[oa]s?)" + _MEANS_HIDE_NOT)
_add("plan", "weak",
     r"ya (?:casi )?(?:tengo|junte|consegui|reuni) (?:l[oa]s|tod[oa]s l[oa]s) que (?:necesito|me hacen falta|"
     r"hacen falta|necesitaba)" + END,
     r"ya (?:junte|tengo|reuni|consegui) (?:suficientes|las suficientes|bastantes)" + END,
     r"ya (?:junte|guarde|escondi|tengo guardad[oa]s) un (?:monton|chingo|buen|monto)" + END,
     r"l[oa]s (?:escondi|tengo escondid[oa]s|guarde|tengo guardad[oa]s) (?:debajo del|bajo el|dentro del|en el fondo "
     r"del|detras del|adentro del|en la funda de la|dentro de la funda de la) (?:colchon|almohada|ropero|closet|"
     r"armario|cajon)" + END,
     r"(?:ya )?l[oa]s (?:conte|volvi a contar|cuento) (?:otra vez|de nuevo|cada noche|todas las noches|todos los dias)"
     + END,
     rf"(?:me robe|robe|le robe|le saque|le quite) {gap(4)}{MEANS}",
     rf"tengo {gap(2)}(?:soga|cuerda|mecate|cabuya|lazo|emoji_rope) (?:guardad[oa]|escondid[oa]) {gap(5)}"
     r"(?:desde hace|hace) (?:unos |unas |varias |varios |dos |tres |muchas |muchos )?(?:dias|semanas|meses)",
     r"(?:ya )?(?:hice|tengo hecho|tengo listo|prepare) el nudo" + END,
     r"(?:aprendi|ya se_?|ya aprendi|estoy aprendiendo|ya vi como) (?:a )?hacer el nudo" + END,
     r"(?:medi|calcule|busque|averigue|investigue|revise|chequee|cheque|estuve viendo|estuve buscando) "
     r"(?:la altura|cuantos metros (?:tiene|mide)|cuantos pisos tiene|que tan alto es|que tan alta es) (?:de |del |"
     rf"de la )?(?:el |la |mi |ese |esa )?{_HEIGHT_PLACE}",
     r"(?:ya )?(?:vi|busque|investigue|lei|aprendi|se_?) como (?:se hace|hacerlo)" + END,
     r"cuanto (?:tiempo )?(?:tarda|tardan|demora|demoran|se tarda) en hacer efecto" + END,
     r"(?:cual es )?la (?:forma|manera) (?:mas|menos) (?:dolorosa|rapida|facil|segura|efectiva|indolora|limpia|"
     r"tranquila)" + END)

# Method questions without the crisis words.
_add("plan", "",
     r"(?:que pasa|que pasaria|que me pasa|que me pasaria|que sucede|que sucederia) si me (?:tomo|trago|tomara|"
     r"tragara|meto|bebo|tomo_) (?:la caja|el frasco|el blister|el bote|la tira|toda la caja|todo el frasco|"
     r"todo el blister|todo el bote|toda la tira|la botella de pastillas|todas(?=" + END[3:-1] + r")|todas las que "
     r"tengo|todas las que me quedan|todas de una|todas juntas)(?: entera| entero| completa| completo)?"
     r"(?! de (?:vitamin|chicle|galleta|chocolate|cerveza|leche|jugo|refresco|agua|dulce|caramelo|menta|jarabe|"
     r"tequila|vino|pan|cereal|pastillas de menta)\w*)(?! (?:de )?(?:las |los )?(?:vitamin|chicle|galleta|"
     r"chocolate|cerveza|leche|jugo|refresco|agua|dulce|caramelo|menta|jarabe)\w*)"
     r"(?![^.?¡¿]{0,30}\b(?:vitamin\w*|chicles?|galletas?|chocolates?|cervezas?|leche|jugo|refrescos?|dulces?|"
     r"caramelos?|mentas?|jarabe|cereal|tequila|vino)\b)(?![^.?¡¿]{0,20}\bde (?:te|cafe|manzanilla|tisana|"
     rf"infusion)\b)(?: de {W})?",
     rf"cuanto (?:tiempo )?(?:tarda|tardan|tardaria|tardarian|demora|demoran|se tarda) en hacer efecto {QTY}"
     rf"{gap(2)}{MEANS}",
     r"cuanto (?:tiempo )?(?:tarda|tardan|tardaria|tardarian|demora|demoran|se tarda) en hacer efecto (?:todas|"
     r"toda la caja|el frasco entero|la caja entera|tantas|todo el frasco|todo el blister|el blister entero|"
     r"una sobredosis de \w+)",
     # Session 21: also asked as its own question ("tengo 40 pastillas, ¿cuánto tarda?").
     rf"{QTY}{gap(2)}{MEANS}(?: de {W})? {gap(3)}(?:[,.] )?(?:¿ )?(?:en )?cuanto (?:tiempo )?(?:tarda|tardan|tardaria|tardarian|"
     r"demora|demoran|hacen efecto|me hacen efecto)",
     rf"(?:que|cual|cuales) {_COMPARE}(?: ,)? {gap(1)}(?:{MEANS_ANY} (?:, )?o {gap(1)})?{_HARSH}",
     rf"(?:que|cual|cuales) {_COMPARE}(?: ,)? {gap(1)}{_HARSH}(?: ,)? o ",
     r"(?:ya )?(?:vi|busque|investigue|lei|aprendi|se_?) como (?:se hace|hacerlo) (?:el nudo|para que no duela|"
     r"sin que duela|sin dolor|sin sufrir|sin fallar|para no fallar|para que sea rapido|con (?:las|el|la) "
     r"(?:pastillas|soga|cuerda|cinturon|cuchilla|navaja))",
     r"(?:estuve|estoy|me pase (?:la noche|el dia|horas|toda la noche)|pase (?:la noche|horas|toda la noche)|"
     r"llevo (?:dias|semanas|horas|toda la noche)|sigo|ando|he estado) (?:investigando|buscando|leyendo(?: sobre)?|"
     r"viendo|googleando|averiguando) (?:sobre |acerca de )?(?:metodos|formas|maneras)(?: (?:de hacerlo|para hacerlo|"
     r"que no duelan|que sean rapidos|sin dolor|indoloros|efectivos|seguros|letales))?(?: (?:toda la noche|"
     r"todo el dia|en internet|en google|en foros|en reddit|en tiktok|otra vez|de nuevo|hace dias|hace semanas))?"
     + END,
     r"(?:estoy buscando|busco|ando buscando|quiero saber|necesito saber|alguien sabe|alguien me dice) (?:cual es )?"
     r"la (?:forma|manera) (?:mas|menos) (?:dolorosa|rapida|facil|segura|efectiva|indolora|limpia|tranquila)" + END,
     rf"cuant[oa]s? (?:mg|miligramos|gramos|pastillas|pildoras|capsulas|comprimidos|tabletas) de {_PSYCH} "
     r"(?:son|es|serian|seria) (?:peligros[oa]s?|toxic[oa]s?|demasiad[oa]s? para una persona)" + _NOT_PETS + _PER_DAY,
     rf"cuant[oa]s? (?:de )?{_PSYCH} (?:son|es|serian|seria) (?:peligros[oa]s?|toxic[oa]s?)" + _NOT_PETS + _PER_DAY,
     rf"{MEANS} (?:con|y|mas) (?:el |la )?{_BOOZE} (?:es |son |seria |serian )?(?:mortal(?:es)?|letal(?:es)?|"
     r"te matan?|matan?|suficiente|mas rapido|mas efectivo)",
     rf"(?:si )?(?:mezclo|combino|junto|me tomo|tomo) {gap(2)}{MEANS}(?: de {W})? (?:con|y) (?:el |la )?{_BOOZE} "
     r"(?:, )?(?:es mas rapido|es mas seguro|funciona mejor|me muero|muero|no despierto|no me despierto|es mortal|"
     r"es letal|seria mortal|alcanza|basta)",
     r"(?:a|desde|de) (?:que|cuanta) (?:altura|distancia) (?:ya )?no (?:se sobrevive|sobrevives|sobrevive uno|"
     r"sobrevive nadie|hay forma de sobrevivir|se salva nadie)"
     r"(?![^.?¡¿]{0,60}\b(?:oxigeno|everest|montana|escalar|avion|paracaidas|tanque|buceo|bucear)\b)",
     rf"(?:{POISON}|veneno para ratas) {gap(2)}(?:, )?(?:cuanto|en cuanto) (?:tiempo )?(?:tarda|demora|tardaria|"
     r"se tarda)(?: en (?:hacer efecto|matar(?:te|me)?|actuar))?" + END,
     rf"(?:cuant[oa]s?|que cantidad de) {gap(1)}(?:{MEANS}|{POISON}|veneno para ratas) (?:se necesita|se necesitan|"
     r"hace falta|hacen falta|necesito|haria falta|harian falta|seria suficiente|serian suficientes|bastan?|"
     r"alcanzan?) para (?:una persona|un adulto|alguien|mi peso|una persona de mi peso|alguien de mi peso|"
     r"alguien como yo|\d+ (?:kilos|kg))",
     rf"(?:se sufre|sufres|es doloroso|se siente algo) (?:mucho )?(?:con|por) (?:una |la |las )?(?:sobredosis|{MEANS})"
     + END,
     rf"si me (?:tomo|trago|tomara|tragara|meto) (?:todas|todos) (?:mis|las|los) {MEANS}(?: {W}){{0,4}} (?:me muero|"
     r"muero|moriria|me moriria|me mata|me matan|me matarian|no despierto|no me despierto|es suficiente|alcanza|"
     r"basta)",
     rf"cuant[oa]s {gap(1)}{MEANS} de (?:la |el |los |las |mi |mis )?{W}(?: {W})? (?:tendria que|me tendria que|"
     r"habria que|necesitaria) (?:tomarme|tragarme|tomar|tragar)(?:las|los)?"
     r"(?! para (?:dormir|el dolor|la cabeza|la fiebre|la gripe|calmar|bajar|que se me quite|la presion|el azucar))"
     + _PER_DAY,
     rf"(?:{MEANS}|{POISON}|veneno|potasio) {gapx(3, 'serie|pelicula|peli|novela|libro|capitulo|personaje')}(?:no deja|no dejan|no deja ningun|sin dejar) (?:rastro|huella|"
     r"huellas|rastros)(?![^.?¡¿]{0,60}\b(?:serie|pelicula|peli|novela|libro|capitulo|personaje|asesin\w*|cuento|"
     r"crimen|detective)\b)",
     r"(?:cortarme|cortarse|me corto|la vena|las venas|la muneca|las munecas) "
     rf"{gap(4)}(?:a lo largo o a lo ancho|a lo ancho o a lo largo|vertical o horizontal|horizontal o vertical|"
     r"en vertical o en horizontal|en horizontal o en vertical)",
     r"(?:a lo largo o a lo ancho|a lo ancho o a lo largo|vertical o horizontal|horizontal o vertical) "
     rf"{gap(4)}(?:cortarme|cortarse|me corto|la vena|las venas|la muneca|las munecas)",
     rf"con cuant[oa]s? {gap(1)}{MEANS}(?: de {W})? se (?:dana|danan|revienta|destruye|jode|friega) (?:el|los) "
     r"(?:higado|rinones|corazon)" + _NOT_PETS,
     r"(?:cual es )?(?:la )?dosis que (?:mata|te mata|me mata|es mortal|es letal|no te deja despertar)" + _NOT_PETS,
     rf"con {QTY}{gap(1)}(?:{MEANS}|paracetamoles|pastillas de {W}) (?:te mueres|me muero|se muere uno|uno se muere|"
     r"no despiertas|no despierto|te matas|te mata|se muere)" + _NOT_PETS,
     r"(?:la caida|caer(?:se)?|tirarse|saltar|aventarse) (?:desde|de) (?:un|el|una|la) (?:\w+ )?(?:piso|edificio|"
     r"puente|balcon|ventana|azotea|techo) (?:te )?(?:mata|es mortal|es letal|te deja muert[oa])"
     r"(?![^.?¡¿]{0,40}\b(?:juego|videojuego|minecraft|gta|partida|nivel)\b)",
     rf"si me corto {gap(3)}(?:me desangro|me muero|muero|me mato)",
     r"donde (?:hay que |tengo que |se tiene que |se debe |debo )?(?:cortar|cortarse|cortarme) para que (?:sea (?:rapido|"
     r"mortal|letal)|no (?:haya vuelta|me salven|se pueda hacer nada)|funcione)",
     r"(?:alguna|una|que|cual) (?:pastilla|medicina|medicamento|pepa) (?:que )?(?:te |me )?(?:haga|hace|deje|haria) "
     r"dormir para siempre",
     r"con cuant[oa]s (?:me muero|te mueres|se muere uno|uno se muere|no despierto|no despiertas|no me despierto)",
     r"cuant[oa]s (?:necesito|hacen falta|harian falta|tendria que tomarme|me tendria que tomar|me tengo que tomar) "
     r"para (?:no despertar|morir|morirme|matarme|no volver a despertar|dormir para siempre|que sea mortal)",
     r"(?:el tren|el metro|tirarse al tren|tirarse al metro|tirarse a las vias) (?:te )?mata (?:al instante|en el acto|"
     r"rapido|de una|seguro)",
     r"(?:que|cuales) (?:pastillas|medicamentos|medicinas|remedios) (?:te |me )?(?:matan|son (?:mas )?letales|son "
     r"mortales|matan mas rapido|no te dejan despertar)" + _NOT_PETS,
     r"(?:con )?(?:que|cuales) (?:pastillas|medicamentos|medicinas|remedios) (?:ya )?(?:no te despiertas|no despiertas|"
     r"te duermes para siempre|no vuelves a despertar|no me despierto|no despierto)",
     r"cuanto (?:tiempo )?(?:dura|aguanta|tarda|resiste) (?:uno |una persona |alguien )?(?:ahorcad[oa]|colgad[oa]|"
     r"con (?:la|una) (?:soga|cuerda|bolsa) (?:al cuello|en la cabeza)) (?:antes de|hasta|en) (?:perder el "
     r"conocimiento|desmayarse|morir|morirse|quedar inconsciente)")

# The same questions put to the listener ("¿vos sabés cuántas pastillas hacen falta?", "alguien sabe
# …"): the asker is seeking the method, so the question is read as the writer's own.
_ASK = (r"(?:(?:alguien|vos|tu|usted|ustedes|oye|oigan|che) )?(?:sabe|sabes|sabe_|saben|sabeis|sabria|sabrias|"
        r"me (?:puedes|podes|pueden|podeis|podrias) decir)(?: ,)? (?:si )?")
_add("plan", "",
     rf"{_ASK}cuant[oa]s {gap(2)}{MEANS}(?: de {W})? (?:hacen falta|se necesitan|harian falta|son (?:letales|mortales|"
     r"demasiad[oa]s|suficientes|una sobredosis)|matan)" + _NOT_PETS + _PER_DAY,
     rf"{_ASK}(?:que pasa|que pasaria) si (?:me|uno se|alguien se|te) (?:tomo|toma|tomas|traga|trago|tragas) "
     rf"(?:toda la caja|todo el frasco|la caja entera|el frasco entero|todo el blister|{QTY}{gap(2)}{MEANS})",
     rf"{_ASK}(?:el |la |los |las )?{MEANS} (?:con|y|mas) (?:el |la )?{_BOOZE} (?:es|son|seria) (?:mortal|mortales|"
     r"letal|letales)",
     r"cuant[oa]s de (?:estas|esas|estos|esos) (?:hacen falta|se necesitan|me tendria que tomar|tendria que tomarme|"
     r"me tengo que tomar|harian falta|son suficientes|son mortales|son letales|me matan|te matan)(?=" + END[3:-1]
     + r"| para (?:no despertar|morir|matarme|no volver a despertar|que sea mortal))",
     r"(?:vi|mire|busque|estuve viendo|me puse a ver) (?:videos|tutoriales|un video|un tutorial) (?:de|sobre) como "
     r"(?:hacer|se hace|atar|amarrar) (?:el|un) nudo" + END,
     r"cuanto (?:tiempo )?(?:tarda|tardas|se tarda|tardaria) en morir(?:se)? (?:uno |una persona |alguien )?si "
     r"(?:se|te|me|uno se) (?:corta|cortas|corto|tira|tiras|tiro|ahorca|ahorcas|ahorco|toma|tomas|tomo|cuelga|"
     r"cuelgas|cuelgo)",
     r"(?:que|cual|el|un) metodo (?:que )?no (?:falla|falle)" + END)
_add("plan", "weak",
     r"(?:leyendo|buscando|viendo|investigando|averiguando|googleando) (?:sobre )?como hacerlo(?: (?:sin dolor|"
     r"rapido|bien|sin fallar))?" + END,
     r"(?:que|cual es la|la) (?:forma|manera) (?:que )?no (?:falla|falle)" + END,
     r"ya se_? a que hora pasa el (?:ultimo )?tren" + END)

# A place to fall from seen every day, then the thought of jumping ("… y pienso en saltar").
_add("active_ideation", "",
     rf"(?:puente|edificio|azotea|balcon|acantilado|viaducto|vias|ventana) "
     r"(?:(?!(?:piscina|alberca|trampolin|bunge|puenting|paracaid|clavad|fiesta|rio|mar|lago|playa|agua|parkour|"
     rf"patineta|skate|bici|moto)\w*\b)(?:{W}|,) ){{0,12}}?(?:y )?(?:pienso en|"
     r"no dejo de pensar en|me dan ganas de|siempre pienso en|quiero|me imagino) (?:saltar|tirarme|aventarme|"
     r"lanzarme|dejarme caer)" + END)

# Self-harm severity: bleeding that will not stop, a wound that gapes or is infected (with self-injury
# said elsewhere); "esta vez me pasé" with the bleeding, stitches refused, cutting more each day,
# self-harm no longer enough (severe on their own).
_add("self_injury", "severe",
     r"(?:no (?:para|se detiene|se para|se corta|deja de salir|se detenia|paraba|se quiere parar)|no (?:puedo|logro|"
     r"consigo) (?:que )?(?:pare|parar|detener|se detenga)) (?:la sangre|el sangrado|la hemorragia)",
     r"(?:la sangre|el sangrado) no (?:para|se detiene|se para|deja de salir|se corta|paraba|se detenia|se quiere "
     r"detener|se quiere parar)",
     r"se (?:me )?abrio (?:mucho|demasiado|un monton|bastante|toda|todo|muchisimo)",
     r"se (?:ve|ven|me ve) (?:lo de adentro|por dentro|adentro)",
     r"(?:la herida|el corte|los cortes|la cortada|las cortadas|las heridas|la quemadura|las quemaduras) "
     r"(?:se (?:me )?(?:infecto|infectaron|esta infectando|estan infectando)|se (?:me )?(?:puso|pusieron) (?:verde|"
     r"verdes|negr[oa]s?|morad[oa]s?)|(?:ya )?(?:esta|estan) infectad[oa]s?|(?:ya )?(?:huele|huelen) (?:mal|feo)|"
     r"(?:ya )?tienen? pus|"
     r"(?:se (?:me )?(?:hizo|hicieron) )?ampollas?)",
     r"(?:esta|estan|quedo|quedaron|tengo (?:el brazo|la pierna|la piel|la muneca)) en carne viva",
     r"(?:sale|salio|salia|sigue saliendo) (?:mucha|demasiada|un monton de|tanta) sangre",
     r"(?:cerca de|le di a|toque) (?:la|una) vena|(?:(?<=me corte )|(?<=creo que corte )|(?<=me abri ))(?:una|la) vena",
     r"no (?:voy a|quiero|pienso|puedo) ir (?:al hospital|a urgencias|a la guardia|al medico|a emergencias|a la clinica|"
     r"a que me cosan)",
     r"(?:ya )?(?:tengo|me salieron|me hice) ampollas",
     # Only the words after the verb, so that the self-injury phrase "me corté" is kept beside it.
     r"(?:(?<=me corte )|(?<=me lastime )|(?<=me queme )|(?<=me hice dano )|(?<=me raje ))(?:muy|bien|super|re|"
     r"bastante|demasiado) (?:feo|fuerte|"
     r"grave|mal)" + _ACCIDENT_LATER_NOT + r"(?![^.?¡¿]{0,60}\b(?:vidrio|cuchillo|lata|papel|plancha|horno|aceite)\b)",
     r"(?:toallas|sabanas|vendas|gasas|curitas|servilletas|camisetas|playeras) (?:llenas|empapadas|manchadas) de sangre",
     r"(?:re|bien|super|rete|recontra) (?:profund[oa]s?|hond[oa]s?)|(?:profundisim[oa]s?|hondisim[oa]s?)",
     r"(?:un|el|es un) tajo (?:enorme|gigante|grande|profundo|tremendo|horrible)",
     r"(?:el corte|la herida|los cortes|la cortada) no (?:cierra|cierran|quiere cerrar|se cierra)",
     r"(?:la sangre )?(?:empapo|traspaso|atraveso) (?:el|la|los|las|mi|mis) (?:pantalon|pantalones|ropa|sabana|sabanas|"
     r"playera|camiseta|remera|venda|vendas|toalla|toallas|colchon)",
     r"(?:veo|estoy viendo) (?:todo )?negro|se me (?:nubla|va) la vista",
     r"se me (?:levanto|pelo|despego|cayo) (?:la piel|el pellejo)",
     r"(?:deje|quedo|habia|quedaron) (?:mucha )?sangre (?:en el piso|en el suelo|en la cama|en el bano|en las sabanas|"
     r"por todas partes|por todos lados)")
_add("self_injury", "severe alone",
     rf"{_NO_ACCIDENT_BEFORE}(?:esta vez |ahora si_? |creo que )?me pase {gap(3)}(?:, )?(?:y )?{gap(2)}{_BLEED_ON}"
     + _ACCIDENT_LATER_NOT,
     rf"{_NO_ACCIDENT_BEFORE}(?:necesito|necesita|necesitaria|ocupo|ocupa|requiere|creo que necesito|creo que "
     r"necesita|seguro necesita|va a necesitar) (?:puntos|sutura|que me cosan|que me suturen)"
     r"(?! (?:para|de|en|extra|del|mas|a)\b) "
     rf"{gap(3)}(?:, )?(?:pero|y) (?:no (?:voy a|pienso|quiero|puedo) (?:ir(?: (?:al|a) (?:hospital|urgencias|"
     r"la guardia|la clinica|emergencias|medico|doctor|la enfermeria|que me cosan))?(?= [.,?¡¿:] | $| (?:y|porque|pq|"
     r"xq|mis|nadie|me|ni)\b)|decirle|contarle|que (?:se enteren|sepan|"
     r"me vean))|no (?:le |les )?(?:voy a|pienso|quiero) (?:decir|contar)(?:le|les)?(?:lo)? a nadie|"
     r"no (?:voy|ire)(?= [.,?¡¿:] | $)|"
     r"nadie (?:puede|debe|tiene que) saber(?:lo)?|me da miedo que se enteren|no quiero que "
     r"nadie (?:sepa|se entere|lo vea))" + _ACCIDENT_LATER_NOT,
     rf"(?:cada (?:dia|vez|semana|noche)|todos los dias|dia a dia) me {_SH_VERB} mas(?: (?:profundo|hondo|fuerte|"
     r"seguido|veces))?" + _SH_NOT_AFTER,
     rf"me {_SH_VERB} (?:cada vez|cada dia|cada semana) mas(?: (?:profundo|hondo|fuerte|seguido))?"
     + _SH_NOT_AFTER,
     rf"me {_SH_VERB} mas y mas" + _SH_NOT_AFTER,
     rf"{_NO_ACCIDENT_BEFORE}no (?:puedo|logro|consigo) (?:parar|detener|controlar) (?:el sangrado|la sangre) "
     r"(?:de|del|de la|de las|de los|de mi|de mis) (?:brazo|brazos|muneca|munecas|muslo|muslos|antebrazo|"
     r"antebrazos)" + _ACCIDENT_LATER_NOT,
     rf"{_NO_ACCIDENT_BEFORE}me (?:hice|he hecho) un (?:corte|tajo) (?:re |muy |bien |super )?(?:profundo|hondo|"
     r"profundisimo|hondisimo|enorme|gigante)" + _ACCIDENT_LATER_NOT
     + r"(?![^.?¡¿]{0,60}\b(?:vidrio|cuchillo|lata|papel|cocin\w*)\b)",
     r"(?:los cortes|las heridas|las quemaduras|mis cortes) (?:son |me salen |me quedan )?cada vez (?:mas "
     r"(?:profundos|grandes|hondos|graves|seguidos|largos)|peores)",
     r"ya no me (?:alcanza|basta|sirve|es suficiente|llena|calma) con (?:cortarme|lastimarme|quemarme|hacerme dano|"
     r"un corte|unos cortes|los cortes|las cuchillas|rayarme|rasgunarme|hacerme cortes)",
     r"cada vez necesito (?:cortarme|lastimarme|quemarme|hacerme dano|hacerme cortes) mas",
     r"me (?:tuvieron que coser|cosieron|dieron puntos en|tuvieron que dar puntos en) (?:el|la|los|las) (?:brazo|brazos|"
     rf"muneca|munecas|pierna|piernas|muslo|muslos|antebrazo) {gap(3)}(?:, )?(?:y|pero) no (?:dije|les dije|le dije|"
     r"conte) que (?:fui yo|me lo hice yo|fue a proposito)",
     r"ya no (?:tengo|me queda|hay) (?:lugar|espacio|sitio|piel) (?:donde|para|sin) (?:cortarme|cortar|lastimarme|"
     r"cortes|quemarme)",
     r"(?:cortarme|lastimarme|quemarme|hacerme dano|hacerme cortes) ya no (?:me )?(?:alcanza|basta|sirve|es "
     r"suficiente|calma)")
_add("self_injury", "",
     r"(?:escondo|escondi|tengo escondid[oa]s) (?:las|mis|una|la|unas) (?:cuchillas|cuchilla|navaja|navajas|"
     r"gillet+es?|hojas de afeitar|hoja de afeitar) (?:en|dentro de|debajo de|detras de|bajo) (?:la|el|mi|mis|una|un)"
     + _MEANS_HIDE_NOT,
     r"me corto en (?:lugares|partes|sitios|zonas) (?:donde|que) (?:nadie|no se) (?:ve|ven|vea|nota|notan)",
     r"dije que fue (?:un accidente|el gato|sin querer|el perro) (?:, )?pero (?:me lo hice yo|fui yo|no fue (?:un "
     r"accidente|sin querer))",
     rf"recai(?= {gap(6)}(?:, )?{gap(5)}(?:hay|habia|deje|quedo) sangre (?:por todos lados|por todas partes|"
     r"en todo|en el piso|en el suelo|en la cama|en el bano))",
     r"me (?:raje|rajo|he rajado|volvi a rajar) (?:el brazo|los brazos|la muneca|las munecas|la pierna|las piernas|"
     r"el muslo|los muslos|el antebrazo)",
     r"(?:escondo|tapo|oculto|cubro|disimulo|escondi|tape|cubri|oculte) (?:los|mis|las) (?:cortes|heridas|quemaduras|"
     r"vendas|curitas|marcas de los cortes) (?:con|bajo|debajo de|detras de|usando)",
     r"(?:uso|me pongo|ando con|llevo|usaba) (?:manga larga|mangas largas|sudadera|sueter|buzo|pulseras|munequeras) "
     rf"{gap(4)}(?:para que no (?:vean|se vean|noten|se noten)|para tapar|para esconder|para ocultar|para cubrir) "
     r"(?:los|mis|las) (?:cortes|heridas|quemaduras|marcas de los cortes)")

# ------------------------------------------------------------ active ideation (high)
# Issue #14: throwing oneself with no place named, said as a plan or intent ("planeo tirarme",
# "me voy a tirar"), only at the end of a clause or before a time ("tirarme en el sofá", "me voy a
# tirar a dormir", "planeo tirarme a la piscina" are not); "saltar" only with a plan.
# "Lanzarse" is also "to go for it", "echarse" "to lie down": left out.
_JUMP_END = r"(?= [.,?¡¿] | $| y ya(?= [.,?¡¿] | $)| (?:hoy|ahora|ahorita|esta noche|manana|pronto)\b)"
_add("active_ideation", "intent",
     rf"(?:planeo|estoy planeando|tengo planeado|tengo pensado|pienso|estoy pensando en|he pensado en|"
     rf"he decidido|decidi|quiero|necesito|voy a) {FILL}(?:tirarme|aventarme|arrojarme){_JUMP_END}",
     rf"me {FILL}(?:voy a|pienso|quiero|planeo) {FILL}(?:tirar|aventar|arrojar){_JUMP_END}",
     rf"(?:planeo|estoy planeando|tengo planeado|tengo pensado|pienso) {FILL}saltar{_JUMP_END}")
_add("active_ideation", "",
     rf"{KILL_INF}",
     rf"{FRAME} {FILL}(?:{_END_ALL})",
     # Session 15 (the Spanish parity reading's misses): "pensando en acabar con todo esta noche",
     # "¿por qué no simplemente acabar con todo?", a mind or voices telling one to end it all.
     rf"(?:estoy |sigo |ando |he estado |estaba |llevo dias )?pensando en {FILL}(?:{_END_ALL})",
     rf"(?:pienso|pense|he pensado|pensaba) en {FILL}(?:{_END_ALL})",
     rf"por que no (?:simplemente |solo |mejor |de una vez )?(?:{_END_ALL})",
     r"(?:mi cabeza|mi mente|una voz|las voces|algo dentro de mi) (?:no para de|no deja de|sigue|me sigue|no paran de|"
     r"no dejan de|siguen) (?:decirme|susurrarme|gritarme|repetirme|pidiendome|diciendome|susurrandome|gritandome) "
     r"que (?:me mate|me muera|termine con todo|acabe con todo|me suicide|salte|me tire|lo haga)",
     rf"me {FILL}{CLIMB_1SG} {FILL}{KILL_V}",
     r"(?:pienso|pensaba|he pensado|he estado pensando|estoy pensando|estaba pensando|pense|sueno|fantaseo|"
     r"considero|contemplo|he considerado|estoy considerando) (?:mucho |todo el tiempo |cada dia |a diario |"
     r"seriamente |demasiado |constantemente |mucho mas )?(?:en|con) (?:el |mi )?(?:suicidio|sewerslide|sewer slide)",
     r"(?:considero|contemplo|he considerado|estoy considerando|pienso en|quiero) el suicidio",
     r"(?:tengo|tenia|he tenido|vuelvo a tener|volvi a tener|me vienen|me llegan) (?:muchos |muchas |otra vez |de nuevo |"
     r"unos |unas )?(?:pensamientos|ideas|ideacion|impulsos|ganas) (?:suicidas|de suicidio|de suicidarme|"
     r"de matarme|de quitarme la vida)",
     r"(?:estoy|me siento|me he sentido|he estado|ando|vuelvo a estar|me estoy sintiendo) (?:muy |tan |bastante |"
     r"otra vez |de nuevo )?suicida",
     r"(?:el )?(?:suicidio|matarme|suicidarme) (?:es|me parece|seria|parece) (?:mi|la) (?:unica |mejor )?"
     r"(?:salida|opcion|solucion)",
     r"(?:el )?(?:suicidio|sewer slide|matarme|suicidarme) es (?:lo unico|en lo unico) (?:que|en lo que) (?:pienso|quiero|deseo|"
     r"tengo en la cabeza)",
     r"(?:quiero|voy a|pienso|necesito|tengo ganas de) (?:acabar|terminar) conmigo(?: mism[oa])?|"
     rf"vida {gap(5)}(?:quiero|voy a|pienso) (?:terminarla|acabarla|quitarmela|acabar con ella|terminar con ella)",
     r"(?:hacer(?:me)?|cometer|me hago) (?:el |un )?(?:suicidio|sewerslide|sewer slide)",
     r"(?:para|a) (?:tirarme|aventarme|lanzarme|arrojarme)(?= [.,?¡¿] | $| y | pero )",
     r"(?:{DESIRE}|voy a|me voy a) (?:emoji_rope|emoji_gun|emoji_knife)".replace("{DESIRE}", DESIRE),
     r"(?:mi|la) unica (?:salida|opcion|solucion) es (?:el suicidio|matarme|suicidarme)")
_add("active_ideation", "intent",
     rf"me {FILL}(?:voy a|pienso|he decidido|decidi|estoy por|estoy a punto de) {FILL}{KILL_V}",
     rf"(?:voy a|pienso|he decidido|decidi|estoy decidid[oa] a|estoy a punto de|ya es hora de|planeo|"
     rf"estoy planeando|tengo planeado|tengo pensado) {FILL}{KILL_INF}",
     rf"me {KILL_FUT}",
     rf"me (?:las|los) (?:voy a|quiero|pienso|iba a) {FILL}(?:tomar|tragar|beber) (?:todas|todos|de golpe|"
     r"de una vez|juntas|juntos)",
     rf"(?:voy a|quiero|pienso|iba a) {FILL}(?:tomarme|tragarme|beberme|tomar|tragar) {gap(1)}{QTY}"
     rf"(?:{W} ){{0,2}}?{MEANS}",
     rf"me voy a (?:tomar|tragar|beber) {gap(1)}{QTY}(?:{W} ){{0,2}}?{MEANS}",
     rf"me (?:tomo|trago) {QTY}(?:{W} ){{0,2}}?{MEANS}",
     rf"(?:voy a|quiero|pienso) (?:tomarme|tragarme|tomarmelas|tomarmelos|tragarmelas|tragarmelos) (?:todas|todos|"
     rf"{CONTAINER})",
     r"(?:voy a|quiero|pienso) (?:hacerme|tomarme|tomar|darme|meterme|provocarme) una sobredosis|"
     r"me voy a (?:hacer|dar|meter|tomar|provocar) una sobredosis",
     rf"(?:voy a|quiero|pienso) (?:tomarme|beberme|tomar|beber) (?:el |un |una |la |todo el )?{POISON}",
     rf"{POISON} {gap(3)}para (?:tomarmel[oa]s?|bebermel[oa]s?|tragarmel[oa]s?)",
     r"(?:quiero|voy a|pienso|tengo ganas de) (?:usarla|usarlo|usar(?:la|lo)? (?:la|el|mi) \w+) (?:contra|en) "
     r"mi(?: mism[oa])?",
     r"(?:me )?(?:voy a|quiero|pienso) (?:ir a )?dormir(?:me)? para siempre(?! (?:en|con|aqui|alli|ahi)\b)")
_add("active_ideation", "present",
     rf"me {FILL}{KILL_PRES}",
     r"(?:cuando|antes de que|despues de que|para cuando|una vez que|el dia que|el dia en que|en cuanto) "
     r"(?:yo )?me (?:mate|suicide|quite la vida|ahorque|cuelgue|envenene|pegue un tiro|corte las venas|"
     rf"(?:tire|avente|lance|arroje) {JUMP})(?! (?:de|del) (?:risa|hambre))")
_add("active_ideation", "conditional",
     rf"me {KILL_COND}",
     rf"(?:seria capaz de|me atreveria a) {KILL_INF}")

# Active ideation without the crisis verbs: going to the place and not coming back,
# comparing death with going on, strong suicidal thoughts, emoji methods.
# Session 10 (probes written from the issue's constructs): suicide looking tempting, the time and
# manner decided, "hoy termino con todo", a gun bought "not to defend myself", nobody missing the
# writer "when I'm no longer here".
_add("active_ideation", "",
     r"(?:el suicidio|suicidarme|matarme|quitarme la vida|acabar con (?:todo|mi vida)) (?:se ve|suena|parece|"
     r"me parece|se siente|luce|se me hace)(?: cada vez| cada dia)? (?:mas |muy |bastante |tan |re )?(?:tentador|"
     r"atractivo|buena idea|una buena idea|bien|bonito|la (?:unica )?(?:salida|opcion|solucion)|lo mejor|"
     r"una opcion|la mejor opcion)",
     r"(?:estoy|me siento|estoy muy|estoy tan) (?:tan |muy )?(?:cerca|a punto) de (?:acabar con todo|acabar con mi vida|"
     r"matarme|quitarme la vida|suicidarme|hacerlo)(?! (?:el|la|lo|los|las|mi|mis|este|esta|eso|de)\b)",
     r"(?:hoy|esta noche|manana|ya|ahora) (?:termino|acabo) con todo(?! (?:lo|el|la|los|las|mi|este|esta|"
     r"eso)\b)|(?:termino|acabo) con todo (?:hoy|esta noche|manana|ya|ahora)" + END)
_add("passive_ideation", "",
     r"(?:espero|ojala pudiera|rezo por|pido|deseando|rogando|pidiendo|rezando por|esperando) no (?:volver a )?"
     r"despertar(?:me)?(?: (?:manana|nunca|nunca mas|mas|"
     r"otra vez))?" + END,
     r"(?:me )?(?:quiero|quisiera|quiera|queria) (?:ir(?:me)? a |irme a )?dormir(?:me)? y no (?:volver a )?"
     r"despertar(?:me)?(?! (?:hasta|en (?:todo|toda|una|un)|el finde|manana|temprano|antes)\b)",
     r"(?:morir|morirme|la muerte|estar muert[oa]|no despertar) (?:se ve|suena|parece|me parece|se siente|luce|"
     r"se me hace)(?: cada vez| cada dia)? (?:mas |muy |bastante |tan |re )?(?:tentador|tentadora|atractiv[oa]|"
     r"buena idea|una buena idea|bien|bonito|un alivio|lo mejor|en paz)")
_add("plan", "",
     r"(?:ya )?(?:se_?|tengo claro|decidi|he decidido|tengo pensado) (?:exactamente |perfectamente |muy bien )?"
     r"(?:como|cuando|donde) (?:lo voy a hacer|lo hare|hacerlo|voy a hacerlo) y (?:cuando|como|donde)",
     r"(?:me )?(?:compre|consegui|he comprado|he conseguido) (?:una|la|un|el) (?:pistola|arma|revolver|escopeta)"
     r"(?: [a-z]+){0,3}(?: [.,])? no (?:es|era|fue) (?:para|por) (?:defenderme|defensa propia|protegerme|"
     r"proteccion|cazar|la caza|el campo de tiro|deporte)")
_add("farewell", "",
     r"nadie (?:me )?(?:va a|iba a|va|vaa) (?:extranar(?:me)?|echar(?:me)? de menos|notar(?:lo)?) cuando (?:ya )?"
     r"no (?:este|estoy)",
     r"(?:ya )?no (?:les |te |os )?voy a (?:molestar|estorbar) (?:a nadie|nunca mas)(?: mas)?" + END)
# Session 20: "si no contesto mañana ya saben" (as "if you don't hear from me tomorrow").
_add("farewell", "",
     r"si (?:manana |despues |mas tarde )?(?:ya )?no (?:contesto|respondo|escribo|aparezco|me conecto|doy senales de vida)"
     r"(?: manana| mas| despues| en la manana| mas tarde)? (?:, )?(?:ya )?(?:saben|sabes|sabran|sabras|sabrán)"
     # The whole message, or its last clause: not "…, estoy en el examen" (a reason given after it).
     r"(?: (?:por que|porque|que paso))?(?=(?: emoji_end| emoji_hole)*(?: [.!?¡¿])* ?$)")
# Session 17: a farewell with its own time ("timed": high), and dropped beside a trip
# ("mañana a esta hora ya no voy a estar, me voy de viaje": ordinary).
_add("farewell", "timed ordinary",
     r"(?:manana|pasado manana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)) a esta hora (?:yo )?"
     r"ya no (?:voy a estar|estare)(?: aqui| viv[oa]| en este mundo| con ustedes)?" + END)

# Session 10: a voice, or the writer's own head, ordering death ("las voces me dicen que me mate",
# "una voz en mi cabeza me dice que acabe con todo"), or the writer repeating it to themselves.
_add("active_ideation", "",
     r"(?:las voces|una voz|la voz|esa voz|mi cabeza|mi mente|mis pensamientos)(?: (?:en|de) mi cabeza| interior)? "
     r"(?:me )?(?:dice|dicen|grita|gritan|pide|piden|repite|repiten|susurra|susurran|ordena|ordenan|"
     r"sigue diciendo|siguen diciendo) (?:que )?(?:me mate|me muera|acabe con todo|acabe con mi vida|me suicide|"
     r"lo haga|salte|me corte|me tome las pastillas|matarme|morirme|suicidarme)",
     r"me (?:repito|digo|sigo diciendo|repito a mi mism[oa]|digo a mi mism[oa]) (?:que )?(?:me mate|me muera|"
     r"me suicide|matate|muerete|suicidate|lo haga de una vez|acabe con todo)")

# Session 11 (the English constructs of the same session, written in Spanish): giving up and dying,
# "la gente como yo no merece vivir", not made for this world, why go on living, the gun put in the
# mouth every night, a plan for today, a poison bought, regret at not having done it, not lasting
# long, someone having to find the body, nobody having to put up with the writer again, peace found
# at a time.
_add("passive_ideation", "",
     r"(?:deberia|debo|mejor|podria|quiero|me dan ganas de) (?:simplemente |ya )?(?:rendirme|darme por vencid[oa]) y "
     r"(?:morirme|morir|dejar de existir|desaparecer)",
     r"(?:la gente|las personas|alguien|gente|personas|perdedores|fracasados) como yo no (?:merece|merecen|deberia|"
     r"deberian|tiene derecho a|tienen derecho a) (?:vivir|existir|estar viv[oa]s?)(?! (?:asi|aqui|alli|ahi|en|con|cerca|de)\b)",
     r"(?:para )?que (?:deberia|tendria que|voy a|sigo|seguir) (?:seguir )?(?:viviendo|vivir|existiendo)(?= [?.]| $| , ya(?= [.?¡¿] | $))",
     r"(?:ya )?no (?:puedo|me alcanza para) (?:pagar|costear|permitirme) (?:ni )?(?:para )?(?:seguir )?vivir" + END,
     r"(?:no estoy|no naci|nunca estuve) hech[oa] para (?:este mundo|vivir|esta vida)" + END,
     r"(?:se_?|siento|creo) que no voy a durar (?:mucho|mucho mas|otro ano|demasiado)" + END)
_add("plan", "",
     # "mañana consigo una pistola y por fin acabo con esto" (session 15).
     r"(?:consigo|compro|voy a conseguir|voy a comprar|consegui|compre|me consigo) (?:una|un|el|la) "
     r"(?:pistola|arma|revolver|escopeta|cuerda|soga) y (?:por fin |ya |al fin |asi )?(?:acabo|termino|acabare|"
     r"terminare|me mato|me matare) (?:con (?:esto|todo|mi vida)(?! (?:el|la|los|las|de)\b)|(?= [.,?¡¿] | $))",
     r"(?:me pongo|me puse|me meto|me meti|pongo|puse) (?:la|el|mi) (?:pistola|arma|revolver|escopeta) (?:en|contra) "
     r"(?:la|mi) (?:boca|cabeza|sien)",
     r"(?:habia planeado|planee|tenia planeado|tenia pensado|habia decidido) (?:morir|morirme|matarme|suicidarme|"
     r"acabar con todo|quitarme la vida) (?:hoy|esta noche|ayer|anoche|esta manana|esta semana)",
     r"(?:compre|consegui|pedi|tengo|me llego) (?:el |un poco de )?nitrito(?: de sodio)?",
     r"(?:alguien|mi familia|mi madre|mi mama|mi padre|mi papa|la policia|ellos) (?:va a|tendra que|tendran que|"
     r"van a|va a tener que) encontrar mi cuerpo")
_add("active_ideation", "",
     r"me arrepiento de no (?:haberme matado|haberlo hecho|haberme suicidado|haber acabado con todo|"
     r"haberme quitado la vida)")
_add("farewell", "",
     r"(?:ya )?(?:nadie|no) (?:tendra|tendran|van a tener|va a tener) que (?:aguantarme|soportarme|preocuparse por mi|"
     r"lidiar conmigo) (?:nunca mas|nunca|otra vez|mas)")
_add("farewell", "weak",
     r"gracias por (?:aguantarme|soportarme)(?: (?:tanto tiempo|todo este tiempo|tanto))?",
     r"(?:pronto|hoy|esta noche|manana|este fin de semana|por fin) (?:voy a encontrar|encontrare|tendre|voy a tener) "
     r"(?:la )?paz" + END)
_add("crisis_state", "",
     r"no (?:puedo|consigo) (?:parar|dejar) de (?:llorar|temblar) (?:[,.] )?" + gap(3) + r"(?:ayuda|ayudenme|ayudame)")

# Session 11, third reading: courage wished for, an urge to stick glass in the neck, dying "cuanto
# antes mejor", a death that would help the family, not knowing whether one will stay alive, how
# painful a method is, being about to down the pills.
_add("do_it", "",
     r"(?:si (?:tan )?solo|ojala|quisiera) (?:tuviera|tener) (?:el )?(?:valor|coraje|los huevos|las agallas) "
     r"(?:de|para) (?:hacerlo|acabar con esto)")
_add("active_ideation", "",
     r"(?:ganas|impulso|tentacion) de (?:clavarme|enterrarme|meterme) (?:el|un|la|una) (?:vidrio|cristal|cuchillo|"
     r"navaja|cuchilla|trozo de vidrio) en (?:el cuello|la garganta|la muneca|el pecho)")
_add("passive_ideation", "",
     r"(?:morirme|morir|mi muerte|que me muera|estar muert[oa]) (?:cuanto antes|lo antes posible) (?:mejor|seria mejor)",
     r"mi muerte (?:mejoraria|haria mejor|facilitaria|le haria bien a) (?:la vida de |las vidas de )?"
     r"(?:todos|mi familia|mis seres queridos|los demas|la gente)",
     r"no se_? si (?:voy a seguir|seguire|voy a estar) viv[oa](?: mucho tiempo| mucho mas| por mucho)?" + END)
_add("plan", "",
     r"(?:que tan|cuan|es muy|es) (?:doloroso|rapido|facil|indoloro|lento) (?:es )?(?:ahorcarse|colgarse|ahogarse|"
     r"tirarse de un puente|cortarse las venas|una sobredosis|morir ahogad[oa])",
     r"(?:estoy|estoy tan|estoy muy) (?:a punto de|cerca de) (?:tomarme|tragarme|beberme) (?:todas )?(?:estas|las|mis|"
     r"esas) (?:pastillas|pildoras|tabletas|capsulas)")

# Session 11, fourth reading: losing the will to live, the one reason left, a poison that "me va a
# matar", nothing holding the writer back, doing it "en vez de" writing here, a ride that was fun
# while it lasted, sorry to everyone who tried to help.
_add("passive_ideation", "",
     r"(?:pierdo|perdi|he perdido|estoy perdiendo|voy perdiendo) (?:las ganas|el deseo|la voluntad) de vivir",
     r"(?:la unica razon|el unico motivo|lo unico) (?:por (?:la|el) que|por lo que|que hace que) (?:sigo|siga|estoy) "
     r"(?:viv[oa]|aqui|vivo todavia)")
_add("active_ideation", "",
     r"(?:lo unico que|la unica razon que|lo unico que todavia) me (?:detiene|frena|retiene) (?:de hacerlo )?(?:es|son) "
     r"(?:mi|mis) (?:madre|mama|padre|papa|familia|hij[oa]s?|herman[oa]s?|perro|gato|abuel[oa]s?|pareja|novi[oa])",
     r"(?:ya )?(?:nada|nadie) me (?:detiene|frena|retiene)(?: aqui| ya| mas)?" + END,
     r"en (?:vez|lugar) de (?:hacerlo|matarme|suicidarme|acabar con todo) (?:hoy|esta noche|ahora|ahorita)")
_add("plan", "",
     r"(?:el |la )?(?:nitrito(?: de sodio)?|veneno|raticida|matarratas) (?:me )?(?:va a|podria|puede|me va a) matar(?:me)?")
_add("farewell", "weak",
     r"(?:fue|ha sido) (?:lindo|bonito|divertido|bueno) mientras duro",
     r"(?:perdon|lo siento|disculpen) a todos los que (?:intentaron|trataron de|quisieron) ayudarme")

# Session 11, fifth reading: struggling with suicidal thoughts, how many milligrams it takes, a rope
# kept hidden, courage wished for to jump, doing the world a favour, not ready to live.
_add("active_ideation", "",
     r"(?:lucho|luchando|he luchado|he estado luchando|batallo|batallando|lidio|lidiando|vivo) (?:con|contra) "
     r"(?:(?:unos|los|mis|estos|muchos) )?(?:pensamientos|ideas|impulsos) (?:suicidas|de suicidio|de matarme|"
     r"de quitarme la vida)",
     r"(?:ojala|quisiera|si (?:tan )?solo) (?:tuviera|tener|encontrara) (?:el )?(?:valor|coraje|las agallas) "
     r"(?:de|para) (?:matarme|jalar el gatillo|apretar el gatillo|quitarme la vida|(?:saltar|tirarme)" + END + ")")
_add("plan", "",
     r"(?:cuantos|cuantas|cuanto) (?:mg|miligramos|gramos|pastillas|tabletas) (?:hacen falta|se necesitan|necesito|"
     r"harian falta) (?:para|pa) (?:una sobredosis|morir|no despertar|matarme)",
     r"(?:siempre )?(?:tengo|tenia|he tenido|guardo|tengo guardada) (?:una|la|mi) (?:soga|cuerda) (?:escondida|"
     r"atada|colgada)(?! (?:para|en) (?:la|el) (?:mudanza|camion|coche|barco|tienda|campamento)\b)")
_add("passive_ideation", "",
     r"por que no (?:le )?(?:hago|hacerle) un favor al mundo",
     r"no (?:creo que|se_? si) (?:este|estoy) (?:preparad[oa]|list[oa]|hech[oa]) para (?:vivir|seguir viviendo|seguir)")

# Session 12, sixth reading (the Spanish for the English kinds read that session; every phrase
# written for this module): not one day without thinking of it, nowhere to escape but death, "hoy no
# me suicidé, pero casi", no reason to go on existing, what is left to live for, the strength to go on
# lost, doubt about lasting or reaching tomorrow, not planning to live long, not born to survive, no
# other way to die, a suicide plan of one's own, a gun aimed at one's own head, the method chosen, a
# cocktail of cleaning products or a car overturned on purpose, an attempt that failed, "esto es todo",
# "pronto todo va a terminar".
_add("active_ideation", "",
     r"no pasa (?:un|ni un) dia (?:en (?:el )?que no piense|sin (?:pensar|que piense)) en (?:hacerlo|matarme|"
     r"suicidarme|el suicidio|acabar con todo|quitarme la vida)",
     r"no (?:tengo|hay|me queda) (?:a donde|adonde|donde|a que|otro lugar (?:a donde|adonde)) (?:escapar|huir|ir|"
     r"recurrir) (?:mas que|salvo|excepto|sino|aparte de) (?:a )?(?:la muerte|morir(?:me)?|el suicidio)",
     r"(?:hoy|anoche|esta noche|ayer) no me (?:suicide|mate|quite la vida)(?: ,)? pero (?:casi|pude|estuve cerca|"
     r"quise|por poco)")
_add("passive_ideation", "",
     r"no pasa (?:un|ni un) dia (?:en (?:el )?que no piense|sin (?:pensar|que piense)) en (?:morir(?:me)?|la muerte|"
     r"estar muert[oa]|no existir|dejar de existir)",
     r"(?:ninguna|ni una|ni un|ya no hay|no hay|sin) (?:razon|razones|motivo|motivos) (?:para|pa) seguir "
     r"(?:existiendo|viviendo|con vida)",
     r"que (?:mas )?(?:hay|me queda) (?:para mi )?(?:por lo que|por que|para) (?:vivir|seguir viv[oa]|seguir viviendo)"
     + END,
     r"(?:pierdo|perdi|he perdido|estoy perdiendo|voy perdiendo|ya no tengo|no me quedan) (?:las |mis )?(?:ganas|"
     r"fuerzas|motivacion|voluntad) de seguir(?: adelante| viviendo| existiendo)?" + END,
     r"no (?:creo que|se_? si) (?:pueda|podre|voy a poder|aguante|aguantare|voy a aguantar) (?:seguir |aguantar "
     r"|resistir )?(?:mucho mas|mucho mas tiempo|mas tiempo|otro dia|otra noche)" + END,
     r"(?:a ver si|no se_? si) (?:llego|llegue|sobrevivo|sobreviva|aguanto|aguante|voy a llegar) (?:a|hasta) "
     r"(?:manana|la manana|el amanecer)" + END,
     r"no (?:pienso|planeo|espero|tengo pensado) (?:vivir|seguir viv[oa]|estar viv[oa]|seguir aqui) (?:mucho mas|"
     rf"mucho tiempo|mas de {W} (?:anos|meses)|mas alla de los {W}(?: anos)?|muchos anos mas|hasta los {W}(?: anos)?)"
     + END,
     r"no me (?:veo|imagino) muriendo (?:de (?:otra (?:forma|manera)|viej[oa]|causas naturales)|"
     r"de ninguna otra (?:forma|manera))",
     r"no (?:naci|estoy hech[oa]|fui hech[oa]|estaba hech[oa]) para (?:sobrevivir|existir|estar viv[oa]|vivir)"
     + END)
_add("plan", "",
     r"mi plan (?:de suicidio|para (?:suicidarme|matarme|quitarme la vida|acabar con todo))",
     r"(?:apunto|apuntando|apuntandome|me apunto|me apunte|apuntarme|me estoy apuntando|me estaba apuntando) "
     r"(?:con )?(?:la|una|mi|el) (?:pistola|arma|escopeta|revolver|rifle) (?:de mi (?:papa|padre) )?(?:a|en|hacia|"
     r"contra) (?:la|mi) (?:cabeza|sien|boca|cara)",
     r"el metodo (?:de suicidio|para (?:matarme|suicidarme|quitarme la vida)) que (?:elegi|escogi|decidi|voy a usar)",
     r"(?:elegi|escogi|ya tengo elegido|ya elegi) (?:el|mi) metodo (?:de suicidio|para (?:matarme|suicidarme))")
_add("active_ideation", "method",
     rf"{FRAME} {FILL}(?:hacer(?:me)?|preparar(?:me)?|tomar(?:me)?|beber(?:me)?|mezclar) (?:un coctel|una mezcla) "
     rf"(?:de|con) (?:productos de limpieza|quimicos|{POISON}|{MEANS})",
     rf"(?:{FRAME}|pienso en|pienso mucho en) {FILL}(?:volcar|voltear) (?:el|mi) (?:coche|carro|auto|camioneta)")
_add("past_attempt", "",
     r"(?<!\w )intento (?:de suicidio )?fallido" + END)
_add("farewell", "weak",
     r"esto es todo" + END,
     r"esta es mi (?:nota|carta)" + END,
     r"(?:pronto|ya casi|ya mero|muy pronto) (?:todo )?(?:va a (?:terminar|acabar)|se (?:acaba|termina)|"
     r"(?:terminara|acabara))" + END)

_add("active_ideation", "intent method",
     r"(?:me voy|voy|ire|me ire|me voy a ir|salgo|camino|me fui|iba|sali|ya voy) (?:a|al|hacia|hasta|para) (?:el |la |"
     r"las |los |un |una )?(?:puente|vias|via|via del tren|azotea|acantilado|risco|precipicio|edificio mas alto|"
     rf"ultimo piso|techo del edificio|viaducto|emoji_bridge) {gap(4)}y (?:ya )?(?:no vuelvo|no regreso|"
     r"no voy a volver|no voy a regresar|no pienso volver|no volvere|no regresare|nunca vuelvo|ya no vuelvo|"
     r"no vuelvo mas)(?! (?:hasta|a las|en|mas tarde|temprano|antes|sin)\b)")
_add("active_ideation", "method",
     r"(?:emoji_pill ){2,}emoji_grave|(?:emoji_pill ){3,}(?:y )?emoji_wave|"
     r"(?:emoji_pill ){2,}emoji_pill(?= (?:y )?(?:adios|chao|bye)\b)",
     r"(?:emoji_bridge|emoji_building|emoji_train) (?:emoji_down|emoji_grave)|emoji_rope (?:emoji_grave)|"
     r"(?:emoji_gun|emoji_knife|emoji_razor) (?:emoji_grave)",
     r"(?:meterme|entrar|caminar|adentrarme) (?:al|en el|hacia el|mar adentro en el|en la) (?:mar|rio|lago|agua|"
     rf"represa|presa) {gap(3)}y no (?:salir|volver|regresar)",
     rf"(?:{DESIRE}|voy a|pienso|iba a) {FILL}(?:estrellar|chocar) (?:el|mi) (?:coche|carro|auto|moto|camioneta) "
     rf"(?:a proposito|adrede|contra {gap(2)}(?:muro|pared|arbol|poste|camion|trailer|barda))",
     rf"(?:{DESIRE}|voy a|pienso|iba a) {FILL}(?:dejarme caer|atravesarme|cruzarme|meterme|ponerme|pararme) "
     rf"(?:de|desde|por|delante de|frente a|enfrente de|en medio de|en) {gap(2)}(?:{PLACE}|las vias|la via)")
_add("active_ideation", "",
     r"(?:tengo|tenia|he tenido|vuelvo a tener|volvi a tener|me vienen|me llegan|me invaden|me persiguen|"
     r"no se me quitan|me estan dando) (?:unos |unas |muchos |muchas |estos |otra vez |de nuevo )?"
     rf"(?:{W} ){{0,3}}(?:pensamientos|ideas|ideacion|impulsos|ganas) (?:{W} ){{0,3}}(?:suicidas|de suicidio|"
     r"de suicidarme|de matarme|de quitarme la vida|de acabar con mi vida)",
     r"(?:mis|los|estos|esos) (?:pensamientos|ideas|impulsos) (?:suicidas|de suicidio|de matarme|de quitarme la vida|"
     r"de acabar con (?:todo|mi vida)) (?:volvieron|regresaron|no se van|no paran|me ganan|me consumen|"
     r"no me dejan|me invaden|me persiguen|estan (?:muy |mas )?fuertes|son (?:muy |cada vez mas )?fuertes|"
     r"estan ganando|cada vez son)",
     rf"(?:que|cual) (?:es|seria|sera) (?:peor|mejor|preferible|menos malo|mas facil|mas dificil) {gap(1)}(?:, )?"
     rf"{gap(1)}(?:(?:{_DEATH}) {gap(2)}(?:, )?o {gap(1)}{_GO_ON}|{_GO_ON} {gap(2)}(?:, )?o {gap(1)}(?:{_DEATH}))",
     r"(?:el suicidio|suicidarme|matarme|la muerte|estar muert[oa]) (?:es|seria|sera) (?:peor|mejor|preferible|"
     rf"menos malo|mas facil) (?:que|a) {_GO_ON}",
     rf"(?:es|seria|sera) (?:peor|mejor|preferible|menos malo|mas facil) (?:{_DEATH}) {gap(2)}(?:, )?o {gap(1)}"
     rf"{_GO_ON}")

_add("active_ideation", "intent method",
     r"me (?:las|los) (?:trago|tomo|bebo|voy a tragar|voy a tomar|voy a beber) (?:todas|todos|de una vez|de golpe|"
     r"juntas|juntos)(?! (?:las|los) (?:mananas|noches|dias|tardes|semanas)| (?:con|en|antes|despues|al)\b)",
     r"(?:ahora|ya) me (?:las|los) trago" + END,
     r"(?:ahora|ya) me (?:las|los) tomo" + END,
     r"me (?:tomo|trago|voy a tomar|voy a tragar) (?:las|los) que (?:tengo|junte|guarde|tenia|me quedan)"
     r"(?: guardad[oa]s| juntad[oa]s| escondid[oa]s)?" + END,
     rf"(?:{POISON}|frasco|bote|botella) {gap(5)}(?:, )?(?:y )?me (?:lo|la) (?:quiero|voy a|pienso) (?:tomar|beber|"
     r"tragar)",
     rf"(?:{TIME}|en (?:\d+|cinco|diez|unos|dos|tres) (?:minutos|min|mins|segundos|horas)) {gap(3)}me (?:tiro|aviento|"
     r"lanzo|dejo caer)" + END,
     rf"(?:estoy )?(?:mas |muy |super |totalmente )?decidid[oa] {gap(2)}a (?:acabar|terminar) con (?:esto|todo)"
     r"(?! (?:del|de|el|la|los|las|lo|en|este|esta)\b)")

# Session 13, seventh reading (the Spanish for the English kinds written that session; every phrase
# written for this module): to be with the dead in heaven, a day named as the day one dies, too tired
# or hurt to go on.
_add("active_ideation", "",
     r"(?:hoy|esta noche|manana) es (?:el dia|la noche) (?:en )?(?:que|el que|la que) (?:me muero|muero|me mato|"
     r"lo hago|acabo con todo|termino con todo|me quito la vida)" + END)
_add("passive_ideation", "",
     r"(?:quiero|quisiera|ojala pudiera|necesito|dejame|llevame a) (?:irme|estar|ir|reunirme) con (?:mi |mis )?"
     r"(?:abuela|abuelo|abuelos|mama|papa|madre|padre|hermano|hermana|hijo|hija|novio|novia|amigo|amiga|el|ella|"
     r"ellos) (?:al cielo|en el cielo)" + END,
     r"(?:quiero|quisiera|ojala pudiera|dejame) (?:irme|estar|ir) contigo (?:al cielo|en el cielo)" + END,
     r"llevame contigo(?: al cielo| alla arriba| a donde estes| adonde estes)?" + END,
     r"(?:estoy|me siento|ando) (?:demasiado|muy|tan) (?:cansad[oa]|herid[oa]|rot[oa]|agotad[oa]|destrozad[oa]) "
     r"(?:para|como para) seguir(?: adelante| viviendo)?" + END,
     r"(?:me quedan|tengo) (?:exactamente |solo |solamente |apenas )?(?:\d+|unos|unas|dos|tres|cuatro|cinco|seis|"
     r"siete|diez) (?:dias|semanas|horas|meses) de vida")

# Session 14, eighth reading (the Spanish for the English kinds written that session, and Spanish
# chat wording of Spain and Latin America; every phrase written for this module): no sense in going on
# living, life not worth it, not deserving to live, death that does not come soon enough, counting the
# days until one dies, six feet under and the slang for dying ("palmarla", "estirar la pata", "colgar
# los tenis"), a heart that stops, tired of waking up, planning one's own funeral; suicide as the
# answer, how easy it would be to end it all, living with suicidal ideas; how to cut one's veins or tie
# a hangman's knot; goodbye letters written, never to be heard from again, watching over them from
# heaven.
_add("passive_ideation", "",
     r"no (?:tiene|le veo|le encuentro|hay|tiene ningun|tiene ya) (?:ningun )?sentido (?:seguir viviendo|"
     r"seguir viv[oa]|vivir|seguir con vida|seguir existiendo|seguir aqui)" + END,
     r"(?:la vida )?no vale la pena (?:vivir|seguir viviendo|seguir viv[oa]|seguir con vida)" + END,
     r"(?:mi |esta |la )?vida no vale la pena(?: vivirla| ser vivida)?" + END,
     r"(?<![a-z] )(?:y |pero |entonces )?(?:para|pa) que (?:vivir|seguir viviendo|seguir viv[oa]|existir|"
     r"seguir existiendo)(?= [?.,¡¿] | $)",
     r"no (?:merezco|me merezco|mereceria) (?:vivir|estar viv[oa]|existir|seguir viv[oa]|seguir viviendo|"
     r"seguir con vida)" + END,
     r"(?:ya )?no (?:tengo|me queda|me quedan) (?:mucho|muchas cosas|muchas razones|gran cosa|casi nada|mucha razon) "
     r"(?:por (?:lo )?que|para|por (?:la )?cual) vivir",
     r"(?:estoy |me siento |ando )?(?:cansad[oa]|hart[oa]|agotad[oa]) de (?:despertar|despertarme|amanecer)"
     r"(?: cada (?:dia|manana)| todos los dias| todas las mananas)?" + END,
     rf"{DESIRE} {FILL}(?:irme a dormir|dormirme|echarme a dormir|quedarme dormid[oa]) para siempre",
     r"la muerte no (?:llega|viene|me llega) (?:lo )?(?:suficientemente |bastante |tan )?(?:rapido|pronto)",
     r"(?:que )?(?:me lleve|venga|llegue) (?:ya )?la muerte(?: ya| de una vez| pronto)?" + END,
     rf"no veo la hora de (?:{MORIR}|estar muert[oa]|dejar de existir|que me lleve la muerte)",
     r"(?:estoy |ando |sigo )?contando los dias (?:para|hasta) (?:morirme|que me muera|mi muerte|estar muert[oa]|"
     r"dejar de existir)",
     rf"{DESIRE} {FILL}(?:estar|acabar|terminar) (?:\d+|tres|seis|siete) (?:metros|pies) bajo tierra(?: ya| pronto)?"
     + END,
     r"(?:ojala|quisiera) (?:que )?(?:ya )?(?:estuviera|estar) (?:\d+|tres|seis|siete) (?:metros|pies) bajo tierra"
     r"(?: ya| pronto)?" + END,
     rf"{DESIRE} {FILL}(?:palmarla|petatearme|colgar los tenis|irme al otro barrio|irme pal otro barrio|"
     r"estirar la pata)(?: ya| pronto| de una vez)?" + END,
     r"ojala (?:que )?(?:ya )?(?:la palme|palmarla|estire la pata|me petatee|cuelgue los tenis)(?: pronto| ya)?" + END,
     r"me (?:quiero|quisiera) ir (?:al|pal|para el) otro barrio" + END,
     rf"(?:{DESIRE}|ojala) (?:que )?mi corazon (?:se detenga|se pare|deje de latir|se detuviera|se parara|"
     r"dejara de latir)",
     r"me da (?:igual|lo mismo) si me (?:atropella|pisa|mata|arrolla|lleva) (?:un|una|el|la) (?:carro|coche|auto|"
     r"camion|tren|bus|autobus|micro|moto|trailer)" + END,
     r"(?:estoy |ando )?planeando mi (?:propio )?funeral" + END)
_add("active_ideation", "",
     r"el suicidio (?:es|parece|sera|seria) (?:la|mi) (?:unica )?(?:respuesta|solucion)" + END,
     r"(?:pienso en|pensar en|me imagino|imagino|pienso) lo facil que (?:seria|es) (?:acabar con todo|matarme|"
     r"morirme|quitarme la vida|terminar con todo|suicidarme|acabar con mi vida)"
     r"(?! (?:el|la|los|las|lo|este|esta|eso|esto|mi|mis|tu|su|sus|de|del)\b)",
     r"(?:ando|estoy|sigo|vivo|llevo (?:dias|semanas|meses) ) ?con (?:muchas |unas |estas |las |mis )?"
     r"(?:ideas|pensamientos) (?:suicidas|de suicidio|de matarme|de quitarme la vida)")
_add("plan", "",
     r"(?:como|de que manera|cual es la mejor (?:forma|manera) de) (?:cortarse|cortarme|abrirse|abrirme|rajarse|"
     r"rajarme) las venas",
     r"como (?:se hace|hacer|hago|se ata|atar|amarrar|se amarra) (?:un|el) nudo (?:de horca|del ahorcado|de ahorcado)",
     r"(?:escribi|ya escribi|he escrito|ya he escrito|estoy escribiendo|deje|termine|ya termine) (?:mi|mis|una|unas) "
     r"cartas? de despedida" + END)
# Session 14, second part: method questions (the quickest way to bleed out, which vein, how many
# floors, the least painful method, paracetamol until the liver fails, how long hanging takes), the
# bridge already known, blades collected, fainting after cutting, "hasta la madre de vivir".
_add("plan", "",
     r"(?:la )?(?:forma|manera) mas (?:rapida|facil|segura|indolora) de (?:desangrarse|desangrarme|ahogarse|"
     r"ahogarme|ahorcarse|ahorcarme|asfixiarse|asfixiarme)",
     r"(?:donde|por donde) (?:hay que|tengo que|debo|se debe|me tengo que) cortar(?:me)? para (?:desangrarme|"
     r"desangrarse|morir|morirme)",
     r"(?:que|cual) (?:vena|arteria) (?:es (?:la )?mejor (?:para )?cortar|hay que cortar|me corto|cortar|cortarme)",
     r"(?:el )?monoxido de carbono (?:duele|es doloroso|es rapido|es indoloro)" + END,
     r"cuantos pisos (?:hacen falta|se necesitan|son suficientes|bastan)" + END,
     r"(?:\d+|cinco|seis|siete|ocho|diez|doce|quince|veinte) pisos (?:son|serian|seran|es|alcanzan) "
     r"(?:suficientes|suficiente)" + END,
     r"(?:cual es )?el metodo (?:menos doloroso|mas rapido|mas efectivo|mas seguro|indoloro)" + END,
     rf"cuant[oa]s? (?:de )?{MEANS} (?:hasta que|antes de que|para que) (?:me )?(?:falle|fallen|reviente|se dane|"
     r"deje de funcionar) (?:el higado|los rinones|el corazon)",
     r"cuanto (?:tiempo )?(?:tarda|se tarda|tardas|tarda uno) en (?:morir|morirse|morirte) (?:uno )?(?:ahorcado|"
     r"ahogado|desangrado|colgado|asfixiado)",
     r"(?:ya )?(?:se_|elegi|escogi) (?:que|cual|el) (?:puente|edificio|viaducto)" + END,
     r"(?:he estado |estoy |ando |sigo )?(?:juntando|guardando|escondiendo|acumulando) (?:cuchillas|"
     r"hojas de afeitar|gillet+es)")
# "alone": the phrase says the self-injury too (fainting after cutting, fat seen in the cut), so it is
# severe on its own, as "passed out after cutting" is in English (session 14).
_add("self_injury", "severe alone",
     r"(?:casi )?me (?:desmaye|desmayo|desvaneci|perdi el conocimiento|maree mucho|estoy desmayando) (?:despues de|"
     r"por|al|tras) (?:cortarme|"
     r"lastimarme|sangrar tanto|hacerme dano|los cortes)",
     r"(?:se ve|se me ve|veo|se veia) (?:la grasa|el hueso|lo blanco|la capa blanca) (?:del corte|de la herida)")
_add("self_injury", "severe",
     r"(?:se ve|se me ve|veo|se veia) (?:la grasa|el hueso|lo blanco|la capa blanca) (?:de mi brazo|de mi muneca|"
     r"de mi pierna)?")
_add("passive_ideation", "",
     r"(?:estoy |ando )?hast[ao] (?:la madre|el coño|el cono|la coronilla|el gorro|la verga|los huevos) de "
     r"(?:vivir|existir|estar viv[oa]|seguir viv[oa]|la vida|esta vida|mi vida)" + END)

# Session 16: only someone keeps one alive ("si no fuera por mis hijos ya me habría matado", like the
# English "if it weren't for my dog i'd have killed myself already"); not "… muerto de aburrimiento".
_add("passive_ideation", "",
     r"si no (?:fuera|fuese|es) por (?:mi |mis |ti|ustedes|vosotros|el|ella)(?:\w+ )?,? ?(?:yo )?(?:ya )?"
     r"(?:me (?:habria|hubiera|hubiese) (?:matado|suicidado|quitado la vida|muerto(?! de))|"
     r"(?<=ya )no (?:estaria|estuviera|seguiria) (?:aqui|viv[oa]|en este mundo|con vida)" + END + r")")

_add("farewell", "",
     r"(?:nunca mas|ya nunca|jamas) (?:van a|vas a|volveran a|volveras a|vais a|volvereis a) saber (?:nada )?de mi"
     + END,
     r"no (?:van a|vas a|vais a) volver a saber (?:nada )?de mi" + END,
     r"(?:los|las|te|os) (?:voy a cuidar|cuidare|voy a estar cuidando) desde (?:el cielo|arriba|alla arriba)")

# ------------------------------------------------------------ passive ideation (moderate)
_add("passive_ideation", "",
     rf"{DESIRE} {FILL}{MORIR}",
     r"ojala (?:que )?(?:yo )?(?:me muera|me muriera|me muriese|muriera|muera|me muera ya|estuviera muert[oa]|"
     r"estuviese muert[oa]|estar muert[oa]|no despertar|no despierte|no despertara|no despertase|no amanecer|"
     r"no amanezca|no amaneciera|no haber nacido|no hubiera nacido|nunca hubiera nacido|desaparecer|"
     r"desapareciera|desaparezca|dejar de existir|dejara de existir|me atropelle|me atropellen|me atropellara|"
     r"me (?:diera|de) algo y (?:me muera|no despierte)|me (?:llevara|lleve) la muerte|me (?:mate|mataran|maten) "
     r"(?:alguien|un rayo)|no existir|no existiera)",
     rf"{DESIRE} {FILL}(?:estar muert[oa]|estar muertos|dejar de existir|dejar de vivir|no existir|"
     r"no haber nacido|desaparecer(?! (?:un rato|unos|unas|de las redes|de aqui|del trabajo|de la escuela|"
     r"del grupo|por un tiempo|un tiempo|un fin|de vacaciones|una semana|un mes|de instagram|de facebook|"
     r"de twitter|de tiktok|del chat|del mapa un))|irme de este mundo|irme para siempre|"
     r"dormir(?:me)? y (?:no|nunca) (?:despertar|volver a despertar)|dormir(?:me)? para siempre|"
     r"descansar para siempre(?! de (?:este|esta|mi|el|la|los|las|tanto|tu|su)\b)|descansar en paz|"
     r"no despertar|no despertarme|no volver a despertar|"
     r"(?:que|q) (?:todo|esto|esta vida|mi vida) (?:se )?(?:acabe|termine)|que se (?:acabe|termine) (?:todo|mi vida)|"
     r"dejar de sufrir (?:para siempre|de una vez(?: por todas)?)|desaparecer para siempre|irme con (?:dios|diosito))",
     r"me (?:quiero|quisiera) ir (?:de este mundo(?! (?:laboral|academico|artistico|digital|virtual|del|de la)\b)|"
     r"para siempre|al cielo|con (?:dios|diosito))",
     r"ojala (?:que )?(?:yo )?(?:me )?(?:durmiera|durmiese|me durmiera) y no (?:despertara|despertase|volviera a despertar)|"
     r"ojala (?:que )?(?:todo|esto|mi vida|ya) (?:se )?(?:terminara|acabara|terminase|acabase)|"
     r"(?:desearia|quisiera|ojala|deseo) que me (?:diera|de|pase|pasara|diese) (?:un infarto|algo|un accidente|"
     r"un ataque|un derrame|cancer)",
     rf"(?:que|q) ganas de (?:no existir|{MORIR}|desaparecer|no despertar|dejar de existir|estar muert[oa])",
     r"(?:pido|pidiendo|rezo|rezando|suplico)(?: a dios| a diosito)? (?:por |para )?(?:no despertar|morir(?:me)?|"
     r"que me lleve(?! (?:por|a|al|con|de|bien|lejos|hacia|en)\b)|no volver a despertar|no amanecer)",
     r"(?:la|a la) muerte,? (?:hasta )?la (?:deseo|quiero|busco|espero)|deseo la muerte|anhelo la muerte",
     r"no me importaria (?:morir(?:me)?|no despertar|que me pasara algo|dejar de existir)|"
     r"me da (?:igual|lo mismo) (?:vivir o morir|morir(?:me)?|si me muero|estar viv[oa] o muert[oa])",
     # Session 16: not minding never waking ("i don't care if i don't wake up tomorrow").
     r"me da (?:igual|lo mismo) si (?:manana |ya |nunca )?(?:no )?(?:despierto|me despierto|vuelvo a despertar|"
     r"amanezco)(?: manana| nunca mas)?(?= [.,?¡¿] | $)",
     rf"ojala {gap(8)}(?:me muriera|me muera|muriera|no despertara|no despierte|se acabara todo|se acabe todo|"
     r"terminara todo|no amaneciera|no hubiera un manana)",
     r"(?:seria|es) mejor (?:para todos )?(?:si )?(?:yo )?(?:no estuviera|no existiera|me muriera|desapareciera)|"
     r"seria (?:mas facil|un alivio|lo mejor) (?:no estar|no existir|morir(?:me)?|no despertar|estar muert[oa]|"
     r"dejar de existir|desaparecer)",
     r"(?:dios|diosito|senor) (?:me )?(?:lleve|llevara|recoja|recogiera)|que (?:dios|diosito) me (?:lleve|recoja)",
     r"(?:para que|por que) (?:sigo|seguir) (?:aqui|viv[oa]|en este mundo|existiendo|respirando)|"
     r"no (?:veo|se|encuentro) (?:por que|para que) seguir (?:viv[oa]|viviendo|aqui)",
     rf"{DESIRE} {FILL}(?:que todo se (?:apagara|apague)|apagarme para siempre|quedarme dormid[oa] para siempre|"
     r"cerrar los ojos y no (?:abrirlos|volver a abrirlos)|no estar (?:mas|aqui|viv[oa]|en este mundo)|"
     r"no estar(?= [.,?¡¿] | $)|dormir la siesta eterna|el sueno eterno)",
     r"(?:ya )?no me (?:quiero|quisiera) (?:volver a )?despertar",
     r"fantaseo con (?:mi (?:propio )?funeral|mi muerte|morir(?:me)?)",
     r"(?:morir(?:me)?|la muerte|desaparecer) es lo unico (?:que|en lo que) (?:quiero|pienso|deseo)",
     r"(?:{DESIRE}|voy a) (?:emoji_grave|emoji_pill emoji_pill)".replace("{DESIRE}", DESIRE),
     r"(?:ya )?no quiero seguir viviendo asi",
     r"(?:ya )?no quiero (?:seguir )?(?:vivir|viviendo|existir|existiendo|estar viv[oa]|estar aqui|seguir aqui|"
     r"seguir con vida|despertar|despertarme|volver a despertar|estar en este mundo|seguir en este mundo|"
     r"vivir en este mundo)(?! (?:en|con|cerca|lejos|junto|bajo|como|sin|alli|ahi|alla|solo|sola|asi|de|del|"
     r"aca|con mis|mas en|mas con|tan lejos)\b)(?: mas| nunca mas)?",
     r"(?:ya )?no quiero seguir(?: mas)?(?= [.?¡¿,] | $)",
     r"no (?:tengo|hay|encuentro|veo|le encuentro|le veo) (?:ninguna |ningun |ni una )?(?:razon|razones|motivo|"
     r"motivos|ganas) (?:para|de) (?:vivir|seguir viviendo|seguir vivo|seguir viva|estar vivo|estar viva)",
     r"no tengo (?:nada|nadie) por (?:lo que|que|quien) vivir",
     r"(?:todos|mi familia|ellos|el mundo|todo el mundo|mis padres|mis papas|mis hijos) (?:estarian|estaria|"
     r"vivirian|viviria) (?:mas tranquil[oa]s |mas felices |mejor )?(?:sin mi|mejor sin mi|si me muero|"
     r"si me muriera|si yo no estuviera|si (?:yo )?(?:desapareciera|ya no estuviera|no existiera|me fuera para "
     r"siempre)(?: para siempre)?" + END + ")",
     r"(?:estaria|estaria yo|estariamos) mejor muert[oa]|mejor (?:estar )?muert[oa](?! de)|"
     r"preferiria estar muert[oa]|seria mejor (?:para (?:todos|todo el mundo|mi familia|ellos|mis padres) )?(?:si )?"
     r"(?:me muriera|estar muert[oa]|no existir|no existiera|desaparecer|"
     r"que me muriera|que no existiera|que me muera)",
     r"(?:estoy |me siento |ando )?(?:cansad[oa]|hart[oa]) de (?:vivir|existir|estar viv[oa]|seguir viv[oa]|"
     r"la vida|esta vida|mi vida)",
     # Session 21: "cansada de solo existir." ("... de solo existir en el grupo" goes on).
     r"(?:estoy |me siento |ando )?(?:cansad[oa]|hart[oa]) de (?:solo|solamente|simplemente|nada mas) existir" + END,
     # Session 10: "me harté de la vida", "ya tuve suficiente de esta vida".
     r"(?:ya )?(?:me harte|me canse|me aburri) de (?:vivir|existir|la vida|esta vida|mi vida|estar viv[oa])"
     r"(?! (?:de|en|con|social|nocturna|moderna|universitaria|loca|rutinaria)\b)|"
     r"(?:ya )?(?:tuve|he tenido|tengo|ya tuve) (?:suficiente|bastante) (?:de|con) (?:esta vida|la vida|vivir|"
     r"mi vida|existir)(?! (?:de|en|con|social|nocturna|moderna|universitaria)\b)",
     r"lo mejor (?:seria|es|sera|para todos es|para todos seria) (?:desaparecer|morir|morirme|no existir|"
     r"estar muert[oa]|no estar|irme para siempre|dejar de existir)(?! (?:un|unos|unas|de las|del|por)\b)|"
     r"no (?:le )?(?:veo|encuentro) (?:ningun |el )?sentido a (?:seguir viviendo|vivir|seguir viv[oa]|estar viv[oa]|"
     r"seguir con vida)|"
     r"(?:desearia|deseo|quisiera|quiero) no haber nacido|para que naci|no (?:debi|deberia haber) nacer|"
     r"no deberia haber nacido",
     r"(?:pienso|pensaba|he pensado|pienso mucho|estoy pensando|sueno) (?:mucho |todo el tiempo |cada dia |"
     r"a diario |demasiado )?(?:en|con) (?:la|mi) muerte|pensamientos de muerte|(?:tengo|tenia) ganas de desaparecer",
     r"(?:dios|diosito|senor|senor dios|dios mio),? (?:llevame|recogeme)|(?:llevame|recogeme) (?:ya )?"
     r"(?:dios|diosito|senor)",
     r"(?:morir|la muerte) es (?:mi|la) (?:unica )?(?:salida|opcion|solucion)|(?:mi|la) unica (?:salida|opcion|"
     r"solucion) es (?:morir|morirme|la muerte)",
     r"(?:me |yo )?(?:dejaria|dejare|voy a dejar|quiero dejar) (?:de comer |de vivir )?(?:morir|que me lleve)"
     r"|dejarme morir")

# A goodbye with a grave ("me voy 👋🪦"): both a farewell and a wish to be dead, over the same words.
_WAVE_GRAVE = (r"(?:(?:me voy|ya me voy|me fui|adios|bye|chao) )?(?:(?:emoji_wave )+emoji_grave|"
               r"emoji_grave (?:emoji_wave )+)|(?:me voy|ya me voy|me fui|adios|bye|chao) emoji_grave")
# Wishes to be dead without the crisis verbs: an accident wished for, God asked to take the
# writer, whether anyone would care, no future seen, waking up disappointed, rest for ever.
_add("passive_ideation", "",
     rf"(?:{DESIRE}|ojala|espero|rezo para|rezo por|pido|le pido a {W}) {FILL}(?:que )?(?:{STRIKER} )?me "
     rf"(?:atropell\w+|arroll\w+|pise|pisara|aplaste|aplastara|caiga encima|cayera encima|lleve por delante|"
     rf"llevara por delante|mate{IDIOM_MATAR}|matara{IDIOM_MATAR}|parta un rayo|partiera un rayo|caiga un rayo|"
     r"cayera un rayo)",
     rf"{DESIRE} {FILL}dormir(?:me)? y que no me (?:despierten|despertaran|despertasen|despierte|despertara) "
     r"(?:nunca|nunca mas|jamas|mas)",
     rf"(?:{DESIRE}|ojala|espero|rezo para|pido) {FILL}que (?:me )?(?:de|diera|diese|pase|pasara|toque|tocara) "
     r"(?:un (?:infarto|ataque al corazon|derrame|aneurisma|accidente(?: fatal| mortal)?)|cancer|"
     r"algo (?:grave|malo|feo|fatal)|algo y (?:me muera|no despierte|me muero|ya))",
     r"(?:le )?(?:pido|pedi|ruego|rezo|suplico|pidiendo|rogando|rezando|le pido|le ruego|le rezo) (?:a (?:dios|diosito|"
     r"la virgen|la vida|la santa muerte|san \w+|jesus|jesucristo|el universo|el de arriba)|al (?:universo|cielo|"
     rf"de arriba|senor)) {gap(1)}(?:por |para )?que (?:ya )?(?:me (?:lleve|recoja|lleven|recojan|deje morir|"
     r"quite la vida|quite de aqui|saque de este mundo)(?! (?:por|a|al|con|de|bien|lejos|hacia|en)\b)|"
     r"no (?:despierte|amanezca)|se acabe todo|todo se acabe|me muera)",
     r"(?:dios|diosito|senor)(?: mio)?(?: ,)? (?:por que|porque) no me (?:llevas|llevaste|recoges)|(?:por que|porque) "
     r"no me (?:llevas|recoges) (?:ya |de una vez )?(?:, )?(?:dios|diosito|senor)",
     r"no me (?:veo|imagino|puedo imaginar|puedo ver) (?:viv[oa]|con vida|aqui|llegando a (?:viej[oa]|los \d+|"
     r"los (?:veinte|treinta|cuarenta|cincuenta)|adulto|adulta|mayor)|cumpliendo (?:\d+|los \d+|otro ano|"
     r"mas anos)|en (?:\d+|dos|tres|cinco|diez) anos(?= [.,?¡¿] | $| mas))",
     r"no (?:creo|pienso|veo) (?:que )?(?:llegue|llegar|vaya a llegar|dure|durar|vaya a durar) (?:a|hasta) "
     r"(?:los \d+|viej[oa]|fin de ano|navidad|mi cumple|mi cumpleanos|el ano que viene|los (?:veinte|treinta|"
     r"cuarenta)|mayor|adulto|adulta|el proximo ano|la proxima semana)",
     rf"(?:me despierto|despierto|amanezco|me levanto|abro los ojos|despertar) {gap(3)}(?:deseando|queriendo|pidiendo|"
     r"rogando|con ganas de) (?:no )?(?:haber despertado|haberlo hecho|haber amanecido|despertar|volver a dormir "
     r"para siempre|estar muert[oa]|no estar|seguir dormid[oa] para siempre|no haber despertado|morir(?:me)?|"
     r"desaparecer|no existir)",
     r"(?:me (?:decepciona|frustra|duele|da rabia|enoja|entristece|pesa)|odio|detesto) (?:cada manana |cada dia )?"
     r"(?:despertar|despertarme|amanecer|seguir despertando|abrir los ojos)(?: (?:cada manana|cada dia|otra vez|"
     r"de nuevo|y seguir (?:aqui|viv[oa])))?" + END,
     r"(?:otra vez|de nuevo|otro dia mas) (?:desperte|amaneci)(?: viv[oa])?,? (?:que (?:pena|lastima|asco|mierda)|"
     r"por desgracia|lamentablemente|y sigo aqui|que mala suerte)",
     rf"(?:{DESIRE}|ojala) {FILL}que (?:todo |esto |el dolor |este dolor |el sufrimiento |este sufrimiento |"
     r"mi sufrimiento |esta angustia |la angustia |esta pesadilla |la vida |mi vida |todo esto )?"
     r"(?:pare|se detenga|termine|se termine|acabe|se acabe|se apague|deje de doler)(?: ya)?(?: de una vez)? "
     r"(?:para siempre|de una vez por todas|y no vuelva|por completo)",
     rf"(?:{DESIRE}) {FILL}(?:descansar|dormir|irme) (?:en paz )?(?:eternamente|de una vez y para siempre|"
     r"y no volver)|(?:el|mi) descanso eterno|(?:el|mi) sueno eterno|descansar de (?:todo|esta vida|vivir) para "
     r"siempre",
     rf"(?:tantas|tanta|mas|muchas|muchisimas|unas|tremendas|enormes|demasiadas|terribles) ganas (?:{W} )?de {FILL}"
     rf"(?:{MORIR}|desaparecer (?:del todo|para siempre|por completo|de este mundo|de la faz de la tierra)|"
     r"no existir|dejar de existir|no despertar|estar muert[oa]|no estar viv[oa])",
     r"ganas de (?:desaparecer (?:del todo|para siempre|por completo|de este mundo|de la faz de la tierra)|"
     r"no existir|dejar de existir|no despertar nunca)",
     r"(?:seria|estaria) (?:bien|bonito|lindo|genial|un alivio|mejor) (?:no despertar|no despertarme|no existir|"
     r"dejar de existir|morir(?:me)?|desaparecer para siempre|que todo (?:acabara|terminara)|estar muert[oa])",
     r"(?:ya )?(?:me canse|me cansé|estoy cansad[oa]|me harte|estoy hart[oa]) de (?:luchar|pelear)(?: (?:tanto|mas|"
     r"contra (?:todo|esto|mi mente|mis demonios|la depresion|mi cabeza)|por (?:vivir|seguir|nada|seguir viv[oa]|"
     r"mi vida)|(?:para|por) seguir (?:aqui|viv[oa])))?" + END,
     r"(?:ya )?no (?:quiero|tengo fuerzas para|puedo) (?:seguir )?(?:luchando|luchar|pelear|peleando)(?: mas| ya)?"
     r"(?: por (?:vivir|seguir|mi vida))?" + END,
     _WAVE_GRAVE)
# Conditions about dying ("¿alguien me extrañaría si me muero mañana?"): a time inside them is
# part of the condition ("closed", see assess()).
_add("passive_ideation", "closed",
     r"si (?:yo )?(?:me )?(?:desapareciera|desaparezco|desapareciese|muriera|muero|me muriera|fuera para siempre|"
     r"voy para siempre|dejara de existir|ya no estuviera|no estuviera|matara|mato|suicidara|suicido)"
     r"(?! (?:un|una|unos|unas|por|del|de)\b)(?: para siempre| manana| hoy| ya| un dia| de repente)? "
     rf"(?:[,¿?] )*(?:{W} )?(?:a )?(?:alguien|quien|alguno|mi familia|mis amigos|mis papas|mis padres) "
     r"(?:le |lo |la |me |se |los )?(?:importaria|importa|notaria|nota|extranaria|extrana|lloraria|daria cuenta|"
     rf"darian cuenta|enteraria|echaria de menos|extranarian|notarian|importaria|importarian)",
     r"(?:alguien|quien|alguno|nadie) (?:me |lo |le |se )?(?:extranaria|notaria|lloraria|echaria de menos|extrana|"
     r"extranara|notara|importaria|daria cuenta)(?: de)? (?:, )?si (?:yo )?(?:me )?(?:muero|muriera|desapareciera|"
     r"desaparezco para siempre|ya no estuviera|no estuviera|fuera para siempre|dejara de existir|matara|mato|"
     r"suicidara|suicido)(?! (?:un|una|unos|unas|por|del|de)\b)(?: manana| hoy| esta noche| un dia| de repente)?",
     r"si (?:no )?(?:despierto|amanezco|despertara|amaneciera|muero|me muero|me muriera)(?: manana| hoy| esta noche)? "
     r"(?:, )?(?:mejor|que bueno|ojala|no me importaria|me daria igual|me da igual|ni modo|seria un alivio|"
     r"no pasaria nada|mejor para todos)" + END)

_add("passive_ideation", "closed",
     rf"si (?:{TIME} )?(?:no )?(?:despierto|amanezco|despertara|amaneciera|muero|me muero|me muriera|muriera)"
     r"(?: manana| hoy| esta noche)? (?:, )?(?:no pasa nada|no pasaria nada|me da igual|me daria igual|mejor)" + END,
     rf"si (?:me )?(?:muriera|muero|me muriera) {gap(5)}(?:, )?{gap(2)}(?:y )?(?:creo que )?(?:me daria|me da) "
     r"(?:igual|lo mismo)")
_add("passive_ideation", "",
     rf"ojala {gap(2)}(?:el avion|el tren|el autobus|el bus|el camion) (?:se )?(?:caiga|cayera|choque|chocara|estrelle|"
     r"estrellara)",
     r"(?:deseo|ojala|quisiera|espero) que no (?:frene|frenara|me vea|me viera) (?:el|un|ese) (?:coche|carro|auto|"
     r"camion|tren|bus|conductor|chofer)(?! (?:de|para|del)\b)",
     r"(?:me iria|me moriria|estaria|me voy) (?:feliz|tranquil[oa]|content[oa]|en paz) si (?:me muriera|me muero|"
     rf"muriera|no despertara|no despierto){IDIOM_MORIR}(?! de (?:viej|ancian))",
     rf"{DESIRE} {FILL}(?:irme a |ir a |ir(?:me)? a dormir )?(?:la siesta eterna|dormir la siesta eterna|"
     r"(?:la camita|la caja|el cajon|la cajita) de pino|ver crecer las flores desde abajo|criar malvas|"
     r"estirar la pata|pasar a mejor vida|el otro barrio|reunirme con (?:mi|mis) \w+ en el cielo)(?: ya| de una vez)?"
     + END,
     rf"(?:{TIME}) ya no (?:existo|voy a existir|estare|voy a estar)(?: aqui| en este mundo| viv[oa])?" + END +
     r"(?!(?: ,)? (?:me voy|estare de|voy a estar de|porque|ya que|salgo|estoy de|me toca|tengo|voy a)\b)",
     r"no (?:pienso|planeo|voy a) (?:despertar|despertarme|amanecer|volver a despertar)(?: manana| nunca mas| mas)?"
     + END)

# Wishes to be dead told as a thought about an accident, a relief, a button, a wish.
_add("passive_ideation", "closed",
     r"si (?:un|el|ese|algun) (?:carro|coche|bus|auto|camion|trailer|tren|autobus|micro|colectivo) (?:no frena|"
     r"no frenara|me atropella|me atropellara|se va por|se fuera por|me toca|me tocara|me pasa por encima) "
     rf"{gap(6)}(?:, )?{gap(3)}(?:no pasaria nada|no pasa nada|estaria bien|pues ya|que descanso|mejor|me daria igual|"
     r"me da igual|seria un alivio|ni modo)",
     rf"si (?:me )?(?:muriera|muero|me muriera) {gap(4)}(?:dejaria de (?:sentir|sufrir|pensar)|descansaria|por fin "
     r"(?:descansaria|estaria en paz)|se acabaria todo)",
     rf"(?:quedan?|quedaran?|quedara) {gap(2)}(?:semanas|meses|dias) de vida {gap(3)}(?:sentiria|siento|seria|"
     r"me daria) "
     r"(?:un )?(?:alivio|paz|tranquilidad)")
_add("passive_ideation", "",
     r"no quiero estar (?:mas )?(?:aca|aqui)(?: mas)?" + END,
     r"(?:para que|por que) sigo" + END,
     r"(?:desee|deseo|quiero|quisiera|ojala|pedi|pido) no llegar a (?:los \d+|viej[oa]|mi proximo cumple|fin de ano|"
     r"el ano que viene|los (?:veinte|treinta|cuarenta|cincuenta|sesenta))",
     r"que (?:mi |la )?vida se (?:termine|acabe|apague) (?:sola|solita|de una vez|pronto|ya|por si sola)",
     r"que (?:paja|flojera|pereza|hueva|lata|asco|mierda|horror) (?:estar|seguir) viv[oa]",
     r"(?:si (?:pudiera|existiera|hubiera) (?:un boton para |)|(?:ojala|quisiera) )?(?:apretar|pulsar|presionar|"
     r"aplastar) un boton (?:y|para) (?:dejar de existir|desaparecer|no existir|"
     r"morir(?:me)?|no haber existido|borrarme)",
     rf"(?:{DESIRE}|ojala) {FILL}que (?:me )?(?:tragara|trague|llevara|lleve) (?:el mar|las olas|el agua|el rio)",
     r"(?:el mar|las olas|el agua|el rio) me (?:trague|tragara|lleve|llevara)(?: y no (?:volver|salir))?" + END,
     r"(?:tengo|siento|me ronda|me da vueltas) (?:el|un|ese) deseo de (?:desaparecer|morir(?:me)?|no estar viv[oa]|"
     r"no existir|dejar de existir|no despertar|no estar)",
     r"(?:tengo|me ronda|me da vueltas|vuelve) la idea de (?:no estar|desaparecer|no existir|dejar de existir|"
     r"no despertar|morir(?:me)?)(?! (?:en|con|para|de)\b)")
_add("active_ideation", "intent",
     r"me (?:voy|ire|iria|voy a ir) de este mundo(?! (?:de|del|tan|lleno|loco)\b)",
     r"(?:ya )?no (?:voy|pienso) (?:a )?seguir (?:viviendo|viv[oa]|en este mundo)(?: asi)?" + END,
     rf"(?:he decidido que|decidi que|ya decidi que|cuando|en cuanto|apenas|despues de que) {gap(5)}(?:termino|acabo) "
     r"con todo" + END,
     rf"(?:despues de|pasando|para) {gap(2)}{EVENT} ya no (?:existo|voy a estar|estare)(?: aqui| en este mundo)?" + END)
_add("plan", "weak",
     r"(?:me|le) (?:puse|di|he puesto|he dado) (?:un )?(?:plazo|fecha|fecha limite|ultimatum)|"
     r"le doy hasta (?:el|la|que)|"
     r"me di (?:un ano|un mes|hasta)",
     r"(?:voy|he ido|fui) (?:guardando|juntando|acumulando) " + MEANS_NP)
_add("plan", "",
     r"(?:estoy|sigo|llevo|me quede|estuve) (?:" + DURATION + r") (?:parad[oa] |sentad[oa] |de pie |sol[oa] )?"
     rf"(?:en|sobre|arriba de|al borde de|en el borde de) {HIGH_PLACE}(?! (?:, )?{gap(3)}(?:{PLACE_BENIGN}))")

# ------------------------------------------------------------ self-injury (moderate)
_BODY_BENIGN = (r"(?:el pelo|el cabello|las unas|la una|la barba|el flequillo|las puntas|el fleco|la melena|"
                r"el dedo|un dedo|la mano|el labio|la lengua|afeitando|rasurando|cocinando|picando|pelando|"
                r"con (?:un|el|una|la) (?:papel|hoja|lata|vidrio|cristal|cuchillo|tijera|tijeras|navaja de afeitar)|"
                rf"sin querer|mucho|un monton|un poco|un pelin|bastante|al hablar|{GERUND}|con la gente|"
                r"de hablar|en clase|la luz|el rollo|la conversacion|la llamada)")
_SELF_HARM_V = r"(?:cortarme|hacerme dano|lastimarme|autolesionarme|herirme|quemarme|golpearme|rasgunarme|hacerme cortes)"
_add("self_injury", "",
     rf"me (?:corto|corte|he cortado|estoy cortando|sigo cortando|volvi a cortar|vuelvo a cortar|he vuelto a cortar|"
     rf"estuve cortando|cortaba|acabo de cortar|volvi a cortarme)(?! {_BODY_BENIGN})",
     rf"(?:{DESIRE}|voy a|pienso|tengo que) {FILL}{_SELF_HARM_V}(?! {_BODY_BENIGN})",
     rf"(?:volvi a|vuelvo a|he vuelto a|sigo) (?:cortarme|hacerme dano|lastimarme|autolesionarme|hacerme cortes)"
     rf"(?! {_BODY_BENIGN})",
     r"me (?:autolesiono|autolesione|he autolesionado|hago dano|he hecho dano a proposito|hice dano a proposito|"
     r"lastimo a proposito|lastime a proposito|hago cortes|hice cortes|quemo con (?:cigarros|cigarrillos|"
     r"el encendedor|un encendedor|el cigarro)|queme con (?:cigarros|cigarrillos|el encendedor|un cigarro)|"
     r"rasguno hasta sangrar|golpeo (?:la cabeza )?contra la pared)",
     rf"me (?:corto|corte|lastimo|lastime|quemo|queme|golpeo|golpee?|rasguno) {gap(3)}(?:a proposito|adrede|"
     r"para (?:sentir|castigarme|no sentir|calmarme|aliviar))",
     r"(?:mis|tengo) (?:autolesiones|cortes en (?:los|mis) (?:brazos|piernas|munecas|muslos))|"
     r"(?:hago|hacia) cutting|recai (?:en las autolesiones|en cortarme|y me corte)|"
     r"(?:tengo|tenia|me dan) ganas de (?:cortarme|autolesionarme|hacerme dano)(?! el)",
     r"me (?:corte|corto|he cortado|cortaba) (?:los brazos|las piernas|las munecas|la muneca|los muslos|el brazo|"
     r"la pierna|el muslo|la panza|el abdomen)",
     rf"(?:cortandome|lastimandome|haciendome dano|autolesionandome|haciendome cortes)(?! {_BODY_BENIGN})",
     r"(?:parar|dejar) de (?:cortarme|hacerme dano|lastimarme|autolesionarme)",
     rf"me (?:pego|muerdo|rasco|arranco la piel|golpeo|golpee?|di de golpes|quemo|queme|arano|rasguno|hago heridas|"
     rf"hice heridas|corto|corte) {gap(6)}hasta (?:que )?(?:sangr\w*|me sangr\w*|dejar(?:me)? (?:marcas|moretones|"
     r"heridas)|se me hinch\w*|me mareo|no sentir)",
     r"me (?:hago|hice|he hecho) (?:heridas|cortes|varios cortes)(?! (?:cocinando|sin querer))|"
     rf"me (?:hice|he hecho) un corte {gap(2)}en (?:el brazo|los brazos|la pierna|las piernas|la muneca|"
     r"las munecas|el muslo|los muslos)",
     r"(?:mis|tengo (?:los brazos|las piernas|el brazo|la pierna) (?:llen[oa]s? de|con)) (?:cortes|cicatrices nuevas|"
     r"heridas|moretones)|para que no (?:vean|se vean|noten) (?:los|mis) cortes",
     rf"(?:recai|he recaido|volvi a las andadas|volvi a caer) {gap(3)}(?:las cuchillas|la cuchilla|autolesionarme|"
     r"cortarme|los cortes|la autolesion|hacerme dano)|me lastime (?:de nuevo|otra vez)(?= [.,?¡¿] | $)|"
     r"(?:por eso|asi que|entonces) me (?:lastimo|corto|hago dano)|para (?:hacerme dano|lastimarme|castigarme)")
_add("self_injury", "severe",
     r"(?:muy|demasiado|tan|bastante|super|mas) (?:profund[oa]s?|hond[oa]s?)",
     r"no (?:para|deja|paraba|dejaba|quiere parar) de sangrar|no (?:puedo|logro|consigo) (?:parar|detener|"
     r"cortar|controlar) (?:el sangrado|la sangre|la hemorragia)|sangra (?:mucho|muchisimo|demasiado|sin parar|un monton)|"
     r"estoy sangrando (?:mucho|demasiado|sin parar|un monton)|hay (?:mucha|demasiada) sangre|"
     r"(?:perdi|estoy perdiendo) mucha sangre|(?:empapad[oa]|llen[oa]) de sangre|no (?:para|deja) de salir sangre|"
     r"sigue saliendo sangre|se me ve el hueso|(?:todavia|aun|aún) sangra|sigue sangrando|"
     r"(?:se (?:me )?(?:hizo|hicieron|formo|formaron)|me salio|me salieron) (?:una |unas )?(?:ampollas?)",
     # Session 16: dizzy from the blood (severe beside self-injury: "me mareo al ver sangre" alone stays).
     r"(?:me estoy mareando|estoy mare[ao]d[oa]|me mareo|me maree|casi me desmayo|me siento debil) (?:de|por|con) "
     r"(?:tanta|toda la|tanta perdida de) sangre")
_add("self_injury", "",
     r"(?:la|mi|las|mis) autolesion(?:es)? (?:se me (?:fue|fueron|esta yendo|estan yendo) de las manos|empeor\w+|"
     r"(?:esta|estan|va|van) (?:a )?peor|volvi\w+)")

_add("self_injury", "",
     rf"(?:me |rompi|golpee?|pegue|le pegue|le di|di|meti|estrelle|azote|reviente) {gap(6)}(?:con|contra) (?:la|las|mi|"
     rf"mis|el|los) (?:mano|manos|puno|punos|cabeza|nudillos|brazo|brazos|frente|pierna|piernas) {gap(3)}"
     r"(?:a proposito|adrede|aproposito|intencionalmente|queriendo|hasta (?:sangrar|que (?:me )?sangr\w+|"
     r"romperme\w*|hacerme dano|que me doli\w+|abrirme))",
     rf"(?:rompi|golpee?|pegue|le pegue|le di|di|meti|estrelle|azote|reviente) {gap(3)}(?:a proposito|adrede|"
     r"aproposito) "
     r"(?:con|contra) (?:la|las|mi|mis|el|los) (?:mano|manos|puno|punos|cabeza|nudillos|brazo|brazos|frente)",
     r"me (?:pegue|golpee?|queme|clave|rasgue|arranque|mordi|quebre|rompi|lastime|hice dano|di golpes|di de golpes|"
     r"di punetazos|di un golpe|tire del pelo|jale el pelo|raye|rayo|arane|rasgune|clavo|muerdo|golpeo|pego) "
     rf"{gap(5)}(?:a proposito|adrede|aproposito|intencionalmente|hasta (?:sangrar|que (?:me )?sangr\w+|"
     r"dejarme marcas|romperme\w*|abrirme)|para (?:sentir|castigarme|no sentir|calmarme|aliviar|lastimarme|"
     r"que doliera|que me doliera|sentir dolor|sentir algo))",
     rf"(?:le di|di|le pegue|pegue|golpee?|le meti) {gap(2)}(?:punetazos?|golpes?|cabezazos?|trancazos?|madrazos?|"
     rf"patadas?) {gap(3)}(?:a la pared|al espejo|al vidrio|a la puerta|contra la pared|a la ventana) {gap(3)}"
     r"(?:hasta (?:sangrar|que (?:me )?sangr\w+|romperme\w*|abrirme\w*)|a proposito|adrede|aproposito|"
     r"para (?:sentir|castigarme|lastimarme|hacerme dano))",
     r"me (?:raye|rayo|rayé|he rayado|estoy rayando) (?:los brazos|las piernas|el brazo|la pierna|las munecas|"
     r"la muneca|los muslos|con (?:la|una|el|un) (?:cuchilla|navaja|gillet+e|sacapuntas|compas|vidrio))",
     r"(?:volvi|regrese|recai) (?:a|con) (?:las|la) (?:cuchillas|cuchilla|gillet+e|navaja)",
     # Not a horror film or Halloween night ("noche de terror 🔪🩸 película", session 16).
     r"(?<!terror )(?:emoji_razor|emoji_knife) emoji_blood(?![^.?¡¿]{0,60}\b(?:pelicula|peli|serie|terror|"
     r"halloween|disfraz|maquillaje|slasher|cocina|carne)\b)")
_add("self_injury", "severe",
     r"hay sangre (?:por todos lados|por todas partes|en todos lados|en todo (?:el|mi) \w+|en toda (?:la|mi) \w+|"
     r"en el piso|en el suelo|"
     r"en la cama|en el bano|en las sabanas|en la alfombra)",
     r"(?:la|las|mi|mis) (?:toalla|toallas|sabana|sabanas|venda|vendas|gasa|gasas|playera|camiseta|ropa) "
     r"(?:esta|estan|ya esta|ya estan) (?:empapad[oa]s?|llen[oa]s? de sangre|roj[oa]s? de sangre)|"
     r"empape (?:la|las|el|los|una|dos|tres) \w+(?: de sangre)?",
     r"(?:necesito|creo que necesito|voy a necesitar|ocupo|creo que ocupo) (?:puntos|sutura|que me cosan|"
     r"que me suturen)",
     r"se (?:ve|ven|me ve|me ven) (?:el hueso|la grasa|lo blanco|la carne|el musculo|los tendones)|"
     r"(?:la herida|el corte|los cortes|la cortada|las cortadas) (?:esta|estan|es|son|quedo|quedaron) "
     r"(?:muy |demasiado |super )?(?:abiert[oa]s?|profund[oa]s?|hond[oa]s?|grandes)")


_add("self_injury", "",
     r"saque (?:la|las|una) (?:cuchilla|cuchillas|hoja|hojas) (?:del|de la|de los|de un|de una) (?:sacapuntas|"
     r"maquinilla|"
     rf"rastrillo|rastrillos|gillet+e|afeitadora)(?!(?: {W}){{0,3}} para (?:arregl|limpi|cambi|afil|desarm)\w*)",
     rf"(?:cuchillas|cuchilla|navaja|gillet+e|emoji_razor) {gap(4)}para cuando (?:me pasa|lo necesito|me siento asi|"
     r"me da|me pongo asi|la necesito)" + END,
     r"me (?:lastimo|corto|hago dano|lastime|corte|hice dano|quemo|queme) a escondidas(?! (?:las|los|el|la) "
     r"(?:cuticulas|padrastros|unas|labios|pellejos|granos|espinillas)\b)",
     rf"me (?:corte|queme|lastime|rasgune|golpee?)(?! {_BODY_BENIGN})(?! con (?:el|la|un|una) (?:horno|plancha|sarten|"
     r"estufa|aceite|agua|cafe|olla|comal|sol|vapor|rizador|secador|tenaza|plancha del pelo)\b) "
     rf"{gap(4)}(?:, )?(?:y )?no quiero que nadie (?:lo|la|los|las|me) (?:vea|sepa|note)")

# Session 15, ninth reading (issue #14; the Spanish for the English kinds written that session, every
# phrase written for this module, none taken from a data set): dying that would not matter, death
# accepted, this life that cannot be borne any longer; asking to be given euthanasia; comparing
# methods ("¿es más rápido tirarse que ahorcarse?"), medicines deadly with alcohol, how many floors are
# needed; a count of one's own suicide attempts; the post as one's note, nothing heard after tonight;
# the medicine cabinet swallowed, a bottle of spirits with the pills.  Rungs as above (Posner et al.
# 2011; Al-Halabí et al. 2016): a wish to be dead, active ideation, preparation, an attempt.
_METODO = (r"(?:tirarse|tirarme|aventarse|aventarme|lanzarse|lanzarme|ahorcarse|ahorcarme|colgarse|colgarme|ahogarse|"
           r"ahogarme|cortarse las venas|cortarme las venas|pegarse un tiro|pegarme un tiro|envenenarse|envenenarme|"
           r"tomarse las pastillas|tomarme las pastillas|las pastillas|el puente|el tren|las vias|una pistola)")
_add("passive_ideation", "",
     r"(?:ya )?(?:no me importa|me da (?:igual|lo mismo)|da (?:igual|lo mismo)) si (?:me muero|muero|me muriera|"
     r"vivo o (?:me )?muero|despierto o no|no despierto|ya no despierto)" + END,
     r"(?:ya )?(?:acepte|he aceptado|tengo aceptado|asumi|he asumido) (?:que me voy a morir|que voy a morir|mi muerte|"
     r"la muerte)(?: pronto)?" + END,
     r"ya no (?:soporto|aguanto|puedo con|tolero) (?:esta|mi) vida(?: (?:ni )?un (?:dia|minuto) mas| mas)?" + END)
_add("active_ideation", "",
     rf"(?:{DESIRE}|voy a|pienso|planeo|estoy pensando en|decidi) (?:pedir|solicitar|tramitar|acceder a|aplicar a|"
     r"aplicar para|conseguir) (?:la eutanasia|el suicidio asistido|la muerte asistida|una muerte asistida|"
     r"la muerte digna)",
     r"como (?:puedo|podria|hago para|le hago para) (?:pedir|solicitar|tramitar|acceder a|conseguir) "
     r"(?:la eutanasia|el suicidio asistido|la muerte asistida|una muerte asistida)")
_add("plan", "",
     rf"(?:es|seria|sera) mas (?:rapido|facil|seguro|efectivo|indoloro|limpio|doloroso) {_METODO} (?:que|o) {_METODO}",
     rf"(?:que|cual) (?:es|seria) mas (?:rapido|facil|seguro|efectivo|indoloro|limpio) (?:, )?{_METODO} (?:o|que) "
     rf"{_METODO}",
     r"(?:que|cuales) (?:pastillas|medicamentos|medicinas|pastis) son (?:mortales|letales|fatales) (?:con|si se "
     r"mezclan con|mezcladas con|mezclados con|si las tomo con|tomadas con) (?:el )?(?:alcohol|vod[kc]a|tequila|"
     r"cerveza|vino|ron)",
     r"cuantos (?:pisos|metros) (?:necesito|hacen falta|se necesitan|tendria que) (?:saltar )?para (?:no sobrevivir|"
     r"morir|morirme|no quedar viv[oa]|matarme|no fallar)")
_add("past_attempt", "",
     r"(?:ya )?(?:tengo|llevo|van|he tenido|tuve|son) (?:dos|tres|cuatro|cinco|varios|muchos|\d+) intentos "
     r"(?:de suicidio|fallidos de (?:matarme|suicidarme|quitarme la vida))")
_add("farewell", "",
     r"(?:esta es|aqui esta|aqui va|consideren esto|este post es|esto es) mi (?:nota|ultima nota|nota de despedida)"
     + END)
# Session 21, second reading (the Spanish for the English kinds written this session; look-alikes in
# tests/test_screening_reading_s21.py): the means looked at for a long while; who gets one's things,
# written down; sorry now for what happens tomorrow; the last time one talks to anyone; free at last
# tonight and not promising to be here tomorrow (moderate); walking into the sea; the pills beside one.
# Some end the sentence, not at a comma ("no te prometo que mañana siga aquí, entro a trabajar a las 6",
# "perdónenme por lo que voy a hacer, voy a cantar jaja").
_FULL_STOP = r"(?=(?: emoji_end| emoji_hole)* [.?¡¿] |(?: emoji_end| emoji_hole)* $)"
_add("plan", "",
     rf"(?:me quede|estuve|me pase|pase|llevo) (?:un rato |horas |mucho rato )?(?:mirando|viendo) (?:{MEANS_NP}|"
     r"(?:el|un|ese|mi) cuchillo) "
     r"(?:mucho rato|un buen rato|un rato largo|horas|toda la noche|una hora|demasiado tiempo|mucho tiempo)"
     r"(?: (?:esta noche|hoy|anoche))?" + END)
_add("farewell", "ordinary",
     r"(?:ya )?(?:anote|escribi|deje escrito|decidi|hice una lista de) (?:a )?quien (?:se queda|se va a quedar|le toca|"
     r"le va a tocar|se quedan) (?:con )?(?:mis cosas|todas mis cosas|mi gato|mi perro|mis ahorros|mi plata|mi dinero|"
     r"mis libros)" + END,
     r"(?:perdon|perdonen|perdoname|perdonenme|lo siento) (?:desde ya |de antemano |ya )?por lo que (?:pase|va a pasar|"
     r"voy a hacer|estoy por hacer)(?: (?:manana|esta noche|hoy|despues|mas tarde))?" + _FULL_STOP,
     r"(?:creo que )?(?:es|esta es|va a ser|sera) (?:la )?ultima vez que (?:hablo|hable|escribo|le escribo|les escribo|"
     r"te escribo|hablo con|converso) (?:con )?(?:alguien|nadie|ustedes|vos|ti|todos|contigo)" + END,
     r"esta vez nadie me va a encontrar(?: a tiempo)?" + END + "|nadie me va a encontrar (?:esta vez|a tiempo)" + END)
_add("farewell", "ordinary mod",
     r"(?:esta noche|hoy|manana) (?:por fin )?(?:voy a ser|sere) libre" + _FULL_STOP,
     r"no (?:te |les |os )?(?:prometo|puedo prometer(?:te|les)?) que (?:manana )?(?:siga|vaya a seguir|este|vaya a "
     r"estar) (?:aqui|aca)(?: manana| en la manana| por la manana)?" + _FULL_STOP)
_add("active_ideation", "",
     r"(?:me voy a|voy a|quiero|pienso) (?:meter(?:me)?|entrar|caminar) (?:al|en el|hacia el|mar adentro en el) "
     r"(?:mar|oceano|rio|lago)(?: (?:esta noche|hoy|manana|ahora))?(?: (?:y no (?:volver|salir)|hasta (?:el fondo|"
     r"no (?:volver|salir|hacer pie))))?" + END)
_add("plan", "mod",
     rf"(?:tengo|estoy con) (?:{MEANS_NP}|(?:el|un|ese|mi) cuchillo) (?:al lado|aca al lado|aqui al lado|junto a mi|"
     r"enfrente|delante)" + END)
# Session 21: "no voy a estar para navidad" (as "i won't be here for christmas"; "..., me voy de viaje" is
# ordinary); a means bought "y sé para qué es" (the means was bare alone, and lost its reading with the
# clause after it).
_add("farewell", "ordinary",
     r"(?:ya )?no voy a estar (?:aqui |aca )?(?:para|en) (?:navidad|ano nuevo|fin de ano|mi cumpleanos|tu cumpleanos|"
     r"su cumpleanos|el verano|la graduacion|tu boda|las fiestas)" + END)
_add("plan", "",
     rf"(?:compre|consegui|he comprado|ya tengo|tengo) {gap(2)}{MEANS_ANY}(?: {W})? {gap(2)}y (?:ya )?se_? (?:para que|"
     r"para lo que) (?:es|son|la quiero|lo quiero|las quiero|los quiero|la compre|las compre)" + END)
# "..., me voy de campamento sin señal": ordinary.
_add("farewell", "ordinary",
     r"(?:ya )?no (?:van a|vas a|vais a) saber (?:nada )?de mi (?:despues de|a partir de|pasada) (?:esta noche|hoy|"
     r"manana|este fin de semana|este finde)")
_add("attempt_in_progress", "",
     r"me (?:tome|trague|bebi) (?:todo lo del|todo lo que habia en el|todas las (?:pastillas|medicinas) del|"
     r"todo el) botiquin",
     rf"me (?:tome|bebi|trague|acabe) (?:una|la|media|toda la) botella (?:entera )?de (?:vod[kc]a|tequila|ron|whis[kc][iy]|"
     rf"vino|alcohol|aguardiente|mezcal|pisco|ginebra) (?:con|y|junto con) (?:todas |mis |las |unas |un monton de |"
     rf"varias |muchas )*{MEANS}")

# Session 22 (issue #14): a batch written by a helper in its own words (look-alikes in
# tests/test_screening_reading_s22.py). Some gaps run over a comma ("..., el de las 11 pasa rapidísimo").
def _gapc(n: int) -> str:
    return f"(?:(?:{W}|,) ){{0,{n}}}"


# (Not the tracks of a model railway, a photo or homework.)
_TRACKS_GAP = (r"(?:(?!(?:maqueta|juguete|foto|fotos|video|videos|trabajo|tarea|examen|proyecto|dibujo|modelismo)\b)"
               rf"(?:{W}|,) ){{0,10}}")


_add("plan", "",
     # Knowing where the bullets are kept (the writer's knowing: "mi papá tiene una pistola ... y ya sé dónde
     # guarda las balas"), or the key, after the gun is named.
     r"(?:ya )?se_? (?:donde|en donde|adonde) (?:guarda|guardan|esconde|esconden|estan|tiene|tienen|deja|dejan) "
     r"(?:las balas|las municiones|el cargador)" + _FULL_STOP,
     rf"(?:pistola|arma|escopeta|revolver|rifle|pastillas|veneno) {_gapc(8)}(?:y |pero )?(?:ya )?se_? (?:donde|en donde|"
     r"adonde) (?:guarda|guardan|esconde|esconden|esta|tiene|tienen|deja|dejan) (?:la llave|la caja)" + END,
     # Thinking of the tracks, and how fast the train goes.
     rf"(?:pensando|pienso|pensar|pense) en (?:las vias|la via|los rieles) {_TRACKS_GAP}(?:el|la|el tren|el de las \d+|el "
     r"de la \d+|el ultimo|el expreso|el de carga|el de la noche) (?:de las \d+ |de la \d+ )?(?:pasa|va|viene) "
     r"(?:rapidisimo|muy rapido|rapido|a toda velocidad|sin frenar|sin parar)",
     # The knot made ("ya hice el nudo"; "el nudo de la corbata" goes on).
     r"(?:ya )?(?:hice|tengo hecho|tengo listo|prepare|amarre|ate) el nudo" + END,
     # The least painful way to go.
     r"(?:cual es )?la (?:forma|manera) (?:menos dolorosa|mas rapida|mas facil|mas segura|sin dolor|mas sencilla) de "
     r"(?:irse|irme|morir|morirse|morirme|desaparecer|acabar con todo|dejar de existir|terminar con todo)"
     # (not "... de morirse de risa", "... de irse a Madrid")
     r"(?! de (?:risa|la risa|verguenza|ganas|hambre|sueno|calor|frio|aburrimiento|amor|pena)| (?:a|al|para|de "
     r"vacaciones|de viaje|de casa|del pais|de aqui) )",
     # Parked by the cliff, getting up the courage.
     r"(?:aparcad[oa]|estacionad[oa]|parad[oa]|sentad[oa] en el (?:auto|coche|carro)) (?:al lado del|junto al|frente al|"
     rf"en el borde del|cerca del|arriba del) (?:acantilado|puente|precipicio|barranco|viaducto) {_gapc(8)}(?:juntando|"
     r"reuniendo|armandome de|buscando|agarrando) (?:valor|coraje|valentia)",
     # The blade ready, to cut along this time.
     rf"(?:navaja|cuchilla|gillete|gillette|hoja|cuchillo) {_gapc(8)}(?:voy a |me voy a |quiero )?cortar(?:me)? "
     r"(?:en vertical|a lo largo|vertical|hacia arriba|a lo largo de la vena|siguiendo la vena)",
     # Debts paid, only the last thing left.
     rf"(?:pague|salde|cancele|liquide) (?:todas )?mis deudas (?:(?:{W}|[,.]) ){{0,10}}(?:solo|nada mas|ya solo) (?:me )?(?:falta|queda) "
     r"(?:lo ultimo|una cosa|yo)" + END,
     # A poison bought, "not for rats".
     rf"(?:compre|consegui|tengo|traje) {gap(2)}veneno(?: para (?:ratas|ratones|hormigas|cucarachas))? {_gapc(8)}(?:y )?"
     r"no (?:es|son|lo compre) para (?:ratas|ratones|las ratas|los ratones|hormigas|cucarachas|el jardin)" + END)
_add("farewell", "",
     # The pet given away, and no one knowing why.
     rf"(?:regale_?|le di|le deje|di) {gap(3)}(?:mi perro|mi perrita|mi perrito|mi gato|mi gatita|mi gatito|mis cosas|mi ropa|"
     rf"mi guitarra|mi consola|mis libros|mi bici) {_gapc(6)}(?:y )?(?:ella|el|nadie|ellos|ellas|mi prima|mi primo|mi "
     r"amiga|mi amigo) no sabe(?:n)? (?:por que|para que|la razon)",
     # "Los quiero mucho. Perdón" (to everyone; "... perdón por la tardanza" goes on).
     r"(?:los|las|os) (?:quiero|amo|quise) (?:mucho |muchisimo |a todos |a todas )?\. (?:perdon|perdonen|perdonenme|"
     r"perdonadme|lo siento)" + _FULL_STOP)
_add("farewell", "ordinary",
     # Not being there tomorrow for anyone ("..., me voy de viaje temprano" is ordinary).
     r"(?:ya )?no voy a estar (?:manana|la semana que viene|el lunes|nunca mas|mas) para nadie",
     # Gone once this is posted; not planning to be here next week; not coming down from the roof.
     r"cuando (?:publique|mande|envie|suba) (?:esto|este mensaje|este post) me (?:voy|desaparezco|muero)" + END,
     r"no (?:pienso|planeo|tengo pensado) (?:estar|seguir) (?:aqui|aca|viv[oa]|con vida) (?:la semana que viene|"
     r"la proxima semana|el mes que viene|manana|el proximo mes)" + END,
     r"(?:y )?no (?:pienso|planeo|voy a) (?:bajar|volver a bajar)" + END)
_add("plan", "mod",
     # A high place one cannot stop thinking about ("hay un puente cerca de mi trabajo en el que no dejo de pensar").
     rf"(?:puente|azotea|acantilado|vias|viaducto|cornisa) {gap(6)}(?:en (?:el|la|las|los) que |en (?:el|la) cual )?"
     r"no (?:dejo|paro|puedo dejar) de pensar" + END)
_add("farewell", "weak",
     r"(?:borre|elimine|cerre) (?:todas )?mis (?:redes|cuentas|redes sociales|perfiles) (?:menos|excepto|salvo) "
     r"(?:esta|este|esta cuenta)")

# Session 15, tenth reading (issue #14; the Spanish for the English kinds written that session, every
# phrase written for this module): others better off without the writer, said with no subject
# ("estarían mejor sin mí") or in the present ("todos están mejor sin mí"); a relief, a rest or an ease
# for everyone if one were not here or died; everyone resting if one were gone; death asked to come
# for one.  Said to one person ("estarías mejor sin mí") it is also how a break-up is told: a risk
# factor (low), as in English.  A wish for "it" to end with nothing that names it is despair (low);
# alone as a whole message it is read by :mod:`.bare`.
_QUIENES = (r"(?:todos|todo el mundo|mi familia|mis padres|mis papas|mis hijos|mis amigos|ellos|los demas|"
            r"la gente que quiero|la gente que me quiere|todos los que me rodean)")
# "... si no estuviera en la reunión", "... si desapareciera un rato": away for a while, not gone.
_SI_NO_ESTUVIERA = (r"(?:si|que|cuando) (?:yo )?(?:me muriera|muriera|me fuera para siempre|no hubiera nacido|"
                    rf"(?:no estuviera|ya no estuviera|no existiera|ya no existiera|desapareciera|no despertara){END})")
_add("passive_ideation", "",
     r"(?:ya )?estarian (?:todos )?(?:mucho |tanto |muchisimo )?mejor sin mi" + END,
     rf"{_QUIENES} (?:estan|estan mucho|estan tanto) mejor sin mi",
     rf"(?:seria|va a ser|sera) (?:un alivio|un descanso|un favor|mas facil|mas sencillo|lo mejor|mejor) (?:para|a) "
     rf"{_QUIENES} {_SI_NO_ESTUVIERA}",
     rf"{_QUIENES} (?:descansarian|estarian aliviad[oa]s|se sentirian aliviad[oa]s|serian mas felices|estarian "
     rf"felices|respirarian tranquil[oa]s) {_SI_NO_ESTUVIERA}",
     rf"(?:les|le) (?:haria|haré|hare) un favor a {_QUIENES} (?:si|muriendome|desapareciendo|{_SI_NO_ESTUVIERA})",
     r"el mundo (?:seria|estaria|sera|es) (?:un lugar )?mejor sin mi",
     r"ojala (?:la muerte|la parca) (?:viniera|venga|llegara|llegue) (?:por mi|a buscarme|a llevarme)"
     r"(?: ya| pronto| de una vez| hoy)?" + END)
# Said to one person ("estarías mejor sin mí, soy un desastre") it is how a break-up is told: left out.
_add("burdensomeness", "",
     r"(?:estarian|estan) (?:mucho )?mejor sin mi" + END)
_add("entrapment", "",
     r"(?:solo |nada mas |nomas |ya )?(?:quiero|necesito) que (?:ya )?(?:se acabe|se termine|termine|pare)" + END)

# ------------------------------------------------------------ farewell (moderate)
_REL = (r"(?:perro|perra|perrita|perrito|perros|gato|gata|gatito|gatita|gatos|mascota|mascotas|mama|madre|papa|"
        r"padre|papas|padres|hermana|hermano|hermanos|hermanas|hijo|hija|hijos|hijas|familia|novia|novio|"
        r"abuela|abuelo|abuelos|plantas|esposa|esposo|pareja|bebe)")
# A "despedida" that is a party or an end of term, not a goodbye.
_NOT_A_PARTY = (r"(?! (?:de (?:soltera|soltero|solteros|solteras|fin|ano|curso|la|el|los|las|mi|tu|su|trabajo|"
                r"empresa|grupo|verano|invierno|generacion|clase|temporada|gira)|del|para|temporal|"
                r"por (?:ahora|hoy|un)|antes (?:de|del)|hasta)\b)")
# A goodbye letter to one's coworkers, pupils or clients: leaving a job (session 14).
_NOT_WORK = (r"(?! (?:para|a) (?:mis|los|las|el|la|mi|nuestros|nuestras|todos mis|todas mis|todo el|toda la) "
             r"(?:companer[oa]s?|colegas?|jef[ea]s?|equipo|alumn[oa]s|estudiantes|clientes|profes|profesores|"
             r"compas|oficina|empresa|trabajo|personal)\b)")
# "Esto es un adiós" alone is a farewell; "esto es un adiós, me mudo a Chile" leaves for a reason
# (ninth reading, session 15: ``ordinary``, as "adiós a todos").
_add("farewell", "ordinary",
     r"(?:esto|este|esta) es (?:un|mi|el|una|la) (?:adios|despedida|ultimo adios)" + _NOT_A_PARTY)
_add("farewell", "",
     r"(?:esto|este|esta) es (?:un|mi|el) (?:ultimo mensaje)" + _NOT_A_PARTY + "|"
     r"(?:este|esta) es mi (?:ultimo mensaje|ultima carta|ultima publicacion|ultimo post)" + _NOT_A_PARTY + "|"
     # Session 17: "esta es mi última noche en Madrid" is a stay ending.
     r"(?:este|esta) es mi ultima noche" + _NOT_A_PARTY + r"(?! (?:en|aca en|aqui en) (?!este mundo|esta vida|la tierra)\w)",
     r"adios (?:para siempre|mundo|mundo cruel)|me despido para siempre",
     r"(?:les|te|os|le) (?:deje|dejo|escribi|he dejado|he escrito) (?:(?:una|unas|mi|mis|las|esta) )?cartas?"
     + _NOT_WORK  # Session 19: letters to one's pupils or coworkers.
     # Session 17: letters for an occasion ("les escribí una carta a cada uno para la boda").
     + rf"(?! {gap(4)}(?:para|por|de) (?:la |el |su |mi |tu )?(?:boda|cumple|cumpleanos|navidad|aniversario|graduacion|"
     r"san valentin|amigo secreto|intercambio|recomendacion|presentacion|motivacion|reyes|agradecimiento|"
     r"fin de (?:ano|curso|semestre))\b)|"
     r"(?:deje|escribi|escribo|he escrito|estoy escribiendo|ya escribi|ya tengo) (?:(?:una|mi|mis|las|unas) )?"
     r"cartas? (?:de despedida|para (?:mi familia|todos|mis padres|mi mama|mis hijos))" + _NOT_WORK + "|"
     r"(?:mi |una |la )?carta de despedida" + _NOT_WORK + "|(?:mi|la) (?:nota|carta) (?:de suicidio|suicida)|"
     r"ya (?:escribi|deje) (?:las|mis|la|mi) cartas?",
     r"(?:(?:estoy|he estado|ando|estuve)(?: [a-z]+ (?:mis|las) [a-z]+ y)?) regalando (?:mis|todas mis|"
     r"algunas de mis|mis pocas) (?:cosas|pertenencias|"
     r"posesiones)|(?:ya )?(?:regale_?|he regalado|di|he dado|reparti|he repartido) (?:mis|todas mis) (?:cosas|pertenencias|"
     r"posesiones)(?! (?:viejas|usadas|que no|que ya no|de bebe|de invierno|de verano))"
     r"(?!.*\b(?:mudo|mudanza|mudamos|mudarme|mudarnos|viaje|viajo)\b)",
     r"ya hice las paces(?: con (?:todos|todo|dios|el mundo|la vida|mi pasado|todo el mundo))?(?= [.,?¡¿] | $| y )|"
     r"hice las paces con (?:todos|todo|dios|el mundo|la vida|mi pasado|todo el mundo)"
     # Session 19: peace with something named ("con todo eso", "con todo lo que pasó con mi papá").
     r"(?! (?:eso|esto|aquello|lo|la|el|los|las|mi|mis)\b)",
     r"(?:cuando|para cuando|si) (?:lean|leas|leais|vean|veas|lees|leen) esto (?:ya )?(?:no )?(?:estare|voy a estar|"
     r"estare muert[oa]|ya no estare|me habre ido|habre muerto|sera tarde)",
     r"ya no (?:estare|voy a estar) (?:aqui|mas|con ustedes|para ustedes|para nadie|en este mundo)|"
     r"(?:nunca|no) me (?:van a|volveran a|vais a) volver a ver|nunca mas me van a ver",
     r"nos vemos en (?:otra vida|el cielo|la otra vida|el mas alla)|"
     r"(?:perdon|perdonenme|perdoname|perdonadme) por todo,? (?:adios|los quiero|los amo|os quiero)",
     r"es mi ultimo (?:mensaje|post|tuit)(?! (?:de|en|del|aqui|con|como|antes)\b)",
     rf"recuerdenme (?:bonito|con carino|feliz|asi|como era)|no me esperen {gap(4)}(?:nunca|nunca mas|ni manana)|"
     r"(?:deje|dejo) (?:anotadas|escritas|apuntadas) (?:mis|las) (?:contrasenas|claves)")
# Goodbyes that an ordinary sign-off or departure explains ("gracias por todo, ¡adiós a todos! nos
# vemos en la cena"; "cuiden a mi perro mientras estoy de viaje"): dropped then ("ordinary", see
# _without_ordinary_goodbyes), unless the text holds risk of the writer's own (issue #14).
_add("farewell", "ordinary",
     r"adios (?:a todos|a todas|a todos los que)|(?:les|te|os) digo adios|"
     r"me despido (?:de todos|de todas|de ustedes|de ti|de vosotros)",
     rf"(?:cuiden|cuida|cuidad|cuide|cuidenme|cuidame|cuidadme|por favor cuiden|porfavor cuiden) (?:a|de) "
     rf"(?:mi|mis) {_REL}(?: por mi)?(?! cuando (?:no este|ya no este|me vaya))"
     # Session 19: while one is away ("cuiden a mi gato mientras estoy de viaje").
     r"(?! mientras\b| (?:este|el) (?:finde|fin de semana)\b| (?:unos|estos|los) dias\b| por (?:unos|unas|el|la|este|esta)\b)",
     r"hasta siempre a todos|gracias por todo,? (?:adios|los quiero|los amo|os quiero)")
# ... but not when it says for after one is gone.
_add("farewell", "",
     rf"(?:cuiden|cuida|cuidad|cuide|cuidenme|cuidame|cuidadme|por favor cuiden|porfavor cuiden) (?:a|de) "
     rf"(?:mi|mis) {_REL}(?: por mi)? cuando (?:no este|ya no este|me vaya)")
_add("farewell", "weak",
     r"adios|hasta nunca|(?:perdonenme|perdoname|perdonadme|perdon) por todo|los quiero a todos|los amo a todos|"
     r"(?:los|las|os) (?:amo|quiero)(?: mucho)?(?: a todos| a todas)?(?= [.,?¡¿] | $)|"
     r"os quiero a todos|gracias por todo|me voy para siempre|"
     r"los voy a extranar|me despido|no es culpa de nadie|gracias por ser (?:mi|el|la|los|las)")

# Finality without the word "adiós": giving things away "because I won't need them", asking
# others to pass on an apology, arranging affairs for afterwards, "if you don't hear from me".
# An apology for being late or absent ("díganle a la profe que lo siento, no pude ir").
_NOT_LATE = (r"(?!(?: ,)? (?:por (?:llegar|no|la tardanza|el retraso)|que (?:llego|llegue|no pude|no puedo)|"
             r"llego|llegue|"
             r"no pude|no puedo|no voy|voy a llegar|ya voy|estoy en camino)\b)")
_GIVE = (r"(?:regale_?|le regale_?|les regale_?|le di|les di|le deje|les deje|done|reparti|estoy regalando|"
         r"estoy repartiendo|voy a regalar|le voy a dar|les voy a dar|le doy|les doy|le dejo|les dejo|le voy a dejar|"
         r"les voy a dejar|te dejo|te doy|te regalo|te voy a dar|te voy a dejar|te deje|te di|te regale_?)")
_add("farewell", "ordinary",
     rf"{_GIVE} {gap(12)}(?:, )?(?:porque |total |ya que |si )?{FINALITY}"
     r"(?!(?: ,)? (?:me compre|ya tengo|tengo otr|me mude|me gradue|me voy a mudar|me cambio|compre otr|"
     r"me dieron otr|me regalaron otr))")
_add("farewell", "",
     r"si (?:manana |un dia |algun dia |pronto |luego |despues |de repente |esta noche |hoy |en unos dias |ya )?"
     r"(?:ya )?(?:no (?:sabes|saben|sabeis|vuelves a saber|vuelven a saber|volves a saber|tienes noticias|"
     r"tienen noticias|escuchas|oyes|sabes nada|saben nada)|dejas de saber|dejan de saber) (?:nada )?"
     r"(?:mas )?de mi(?! (?:en|por|durante|hasta) (?:un|una|unos|unas|dos|tres|el|la|este|esta)\b)"
     r"(?!(?: ,)? (?:es que|es porque|estoy|estare|ando|andare|me quede|seguro|sera porque|no te preocupes|llamame|"
     r"escribeme|marcame|es por|fue porque|ya sabes|tranqui)\b)",
     rf"(?:diganle|diganles|digales|decidle|decidles) (?:a )?{gap(3)}que (?:lo siento|perdon|me perdone|me perdonen|"
     r"me perdona)" + _NOT_LATE,
     rf"(?:diganle|diganles|digales|decidle|decidles|diles|dile|digale|decile) (?:a )?{gap(3)}que "
     r"(?:no (?:fue|es) su culpa|no (?:fue|es) culpa de (?:nadie|ell[oa]s?)|hice lo que pude|lo intente|l[oa]s? "
     r"(?:quise|quiero|amo|ame) (?:mucho|muchisimo|siempre|con todo mi corazon)|siempre l[oa]s? (?:quise|ame|quiero|"
     r"voy a querer))" + _NOT_LATE,
     rf"(?:deje|dejo|anote|escribi|guarde|puse|les deje|te deje|le deje|les dejo|te dejo|le dejo) {gap(2)}(?:todas )?"
     r"(?:mis|las) (?:contrasenas|claves|pines|passwords|claves del banco|datos del banco|cuentas)"
     r"(?! (?:del|de la|de) (?:wifi|internet|netflix|la casa|casa|la puerta|el coche|carro|auto|tarjeta|spotify|"
     r"disney|hbo|la tele|alarma))"
     rf" {gap(6)}(?:en (?:un|el) sobre|en (?:el|mi) cajon|en una carta|para cuando (?:ya )?no (?:este|estoy)|"
     r"para cuando me vaya|para que (?:nadie|no) (?:tenga|tengan) que)",
     r"para que (?:nadie|ustedes|ellos|mi familia|mis padres|mis papas|mi mama|mi papa|mi esposa|mi esposo|mis hijos|"
     r"mi pareja|vosotros) (?:no )?(?:tenga|tengan|tuviera|tuvieran|tengais) que (?:lidiar|preocuparse|batallar|"
     r"ocuparse|encargarse|buscar|resolver|pagar|hacer nada|sufrir|pasar por|limpiar|arreglar) "
     rf"{gap(4)}(?:despues|luego|cuando (?:ya )?no (?:este|estoy)|cuando me vaya|cuando yo falte|sin mi)" + END,
     r"(?:esto|este|esta|(?:este|esta) (?:mensaje|carta|post|publicacion|nota|video|audio)) es (?:una|un|la|mi) "
     r"(?:despedida|adios) (?:de verdad|real|en serio|definitiva|para "
     r"siempre)(?! (?:de (?:soltera|soltero|solteros|fin|ano|curso|la|el|los|las|mi|tu|su|trabajo|empresa|"
     r"grupo|verano|invierno)|del|para|temporal|por (?:ahora|hoy|un))\b)",
     r"(?:este|esta) (?:mensaje|carta|post|publicacion|nota|video|audio) es (?:una|un|la|mi) "
     r"(?:despedida|adios)(?! (?:de (?:soltera|soltero|solteros|fin|ano|curso|la|el|los|las|mi|tu|su|trabajo|empresa|"
     r"grupo|verano|invierno)|del|para|temporal|por (?:ahora|hoy|un))\b)",
     rf"pronto (?:van a|vas a|vais a|va a|estaran|estaras|estareis|estara) (?:estar )?{RELIEF} (?:de mi|sin mi)",
     r"(?:van|vas|vais|va) a estar (?:mucho )?mejor sin mi|(?:van|vas|vais) a (?:descansar|poder descansar|"
     r"respirar) de mi|ya no (?:les|te|os|los|las) voy a (?:molestar|estorbar|dar problemas|causar problemas|"
     r"ser una carga)(?: (?:mas|nunca mas|jamas))?(?: ,| \.)? (?:pronto|nunca mas|para siempre)",
     r"no (?:lloren|llores|lloreis|sufran|sufras|esten tristes|estes triste|se pongan tristes|te pongas triste) "
     r"(?:por mi|cuando (?:ya )?no (?:este|estoy)|cuando me vaya)",
     # Session 10.
     r"(?:ya )?no (?:se |te |os )?(?:van|vas|vais) a tener que preocupar(?:se|te|os)? por mi (?:despues de|desde|a partir "
     r"de) (?:esta noche|hoy|manana|este finde)",
     r"(?:esta es|esta va a ser|sera|va a ser|es) la ultima vez que (?:sabran|van a saber|sabras|vas a saber|saben|"
     r"me veran|me van a ver)(?: (?:de mi|algo de mi))?" + END,
     _WAVE_GRAVE)
_add("farewell", "weak",
     rf"(?:{FINALITY})",
     r"pronto (?:van a|vas a|vais a|estaran|estaras) (?:estar )?libres?" + END,
     rf"perdon(?:enme|ame|adme)? por (?:ser|haber sido|existir) {gap(1)}(?:una carga|un estorbo|un problema|un peso|"
     r"una molestia|tan dificil|asi|como soy)",
     rf"(?:diganle|diganles|digales|dile|diles|digale|decile) (?:a )?{gap(3)}que (?:l[oa]s? (?:quiero|amo)|"
     r"lo siento)",
     r"ya no (?:les|te|os|los|las) voy a (?:molestar|estorbar|dar problemas|causar problemas)(?: (?:mas|nunca mas|"
     r"jamas))?" + END,
     r"(?:ya )?(?:deje|dejo) todo (?:en orden|arreglado|pagado|listo|organizado)|(?:puse|pongo|estoy poniendo) "
     r"(?:mis|todas mis) (?:cosas|asuntos|papeles|cuentas) en orden|(?:hice|hago|escribi) mi testamento|"
     r"(?:pague|estoy pagando) todas mis deudas",
     r"cuando (?:ya )?(?:yo )?no (?:este|estemos)(?: aqui| con ustedes| en este mundo| mas)?" + END,
     r"me voy y (?:ya )?no (?:vuelvo|regreso)(?: mas| nunca)?" + END)

_add("farewell", "",
     r"(?:mi|este es mi|aqui va mi|va mi) (?:ultimo mensaje|ultima carta|ultimo post|ultimas palabras)"
     r"(?! (?:del|de la|de este|de esta|de hoy|antes de|en) )",
     rf"me despido de {gap(3)}para siempre|me despido para siempre",
     r"para cuando (?:me vaya|ya no este|no este|yo falte|me haya ido)" + END,
     rf"(?:carga|estorbo|molestia|problema|peso) {gap(3)}(?:, )?ya no (?:lo|la) voy a ser (?:mas|nunca mas)",
     rf"(?:sin que|y no) {gap(3)}(?:supiera|sabia|sepa|sabe|supieran|sabian) que (?:era|es|sera) la ultima vez",
     r"ya no (?:me )?(?:van|vas|vais) a tener que (?:soportar|aguantar|cuidar|preocuparse por|lidiar con)(?:me)?"
     r"(?: mas| nunca mas)?" + END,
     r"sin mi (?:les|te|os) (?:va a ir|ira|iria) mejor",
     r"(?:perdon|despedirme|decirte adios|decirles adios) antes de irme" + END,
     r"(?:deje|escribi) (?:las|mis) cartas (?:en|para|sobre|encima)",
     rf"(?:diganle|diganles|digales|decidle|decidles|diles|dile|digale|decile) (?:a )?{gap(3)}que "
     r"(?:l[oa]s? (?:perdono|queria|amaba)|su (?:papa|mama|hermano|hermana|hijo|hija|tio|"
     r"tia) l[oa]s? (?:queria|amaba|quiso))",
     rf"no me esperen {gap(4)}(?:, )?(?:ni manana )?ni nunca")
_add("farewell", "weak",
     r"(?:sepan|sepas|quiero que sepan|quiero que sepas|que sepan|que sepas) que (?:l[oa]s|te|os) (?:quise|ame|queria|"
     r"amaba)",
     r"(?:despideme|despidanme|despedidme|despidame) de",
     r"si no (?:vuelvo a escribir|vuelvo|regreso|contesto|respondo|vuelvo a aparecer)",
     r"(?:ya )?no me busquen(?: mas| nunca)?" + END)
# Everyday goodbyes that also close farewell notes: they count next to a wish to die or
# active ideation, never two of them together ("soft").
_add("farewell", "weak soft",
     r"(?:ha sido|fue) un (?:placer|honor|gusto) (?:conocer(?:los|te|os|les)|ser tu amig[oa]|compartir con ustedes)",
     r"cuidense mucho|cuidate mucho",
     r"no (?:te sientas|se sientan|os sintais) culpables? (?:de nada|por nada|por esto|de esto|por lo que)",
     r"(?:ya )?(?:me despedi|me despido) de (?:todos|todas|cada uno|mi familia|los que importan)",
     r"me voy (?:tranquil[oa]|en paz|feliz|content[oa])" + END,
     r"ya estoy en paz" + END,
     r"(?:por|una) ultima vez",
     r"fue (?:lindo|bonito|hermoso) mientras duro|si alguien lee esto",
     r"(?:les|te|os) pido perdon (?:a todos|por todo)",
     r"si me pasa algo",
     r"(?:voy a cerrar|cerre|voy a borrar|borre|estoy borrando|estoy cerrando|he borrado|he cerrado) "
     r"(?:todas )?mis (?:redes|cuentas)",
     r"(?:hoy|esta noche|ya) (?:es|fue) (?:el|mi) ultimo dia" + END)

# "Pronto se acaba todo", "hoy se termina todo": finality with a time of its own, ambiguous without
# other signs (issue #14: it was read as intent and made imminent alone).  A farewell: moderate alone,
# high with a wish to die; its own time is part of it ("closed"), and an exam, a season or a sale
# ending is ordinary.
_add("farewell", "closed ordinary",
     rf"{TIME} (?:se acaba|se termina|termina|acaba) todo" + END,
     rf"todo (?:se acaba|se termina|termina|acaba) {TIME}" + END)

# ------------------------------------------------------------ session 17: Spanish farewell, finality, intensity and plans
# Issue #14, session 17 (es-farewell reading). Phrases written for this reading (tests in
# test_screening_reading_es_farewell.py); the rungs are the C-SSRS's (Posner et al. 2011; Spanish
# version validated by Al-Halabí et al. 2016): a farewell or arranging one's affairs is preparatory
# behaviour, a chosen place or time is a plan. The wording is everyday chat, not taken from either.
#
# Letters to everyone, a goodbye said for the last time, "you won't see me again".
# A goodbye that closes its sentence, or goes on only with love, thanks or an apology ("es la
# última vez que te escribo, me tienes harta jaja" gives a reason and stays out).
_FW_END = (r"(?= [.?¡¿] | $| , ya(?= [.?¡¿] | $)| , (?:neta |en serio |de verdad |y )?(?:(?:los|las|te|os) (?:quiero|amo)|gracias|perdon|"
           r"perdonenme|perdoname|adios|cuidense|cuidate|cuiden|cuida|chau|chao|bye|no me busquen|no lloren|"
           r"no (?:es|fue) culpa de nadie|(?:yo )?ya no (?:puedo|aguanto|doy)|no (?:puedo|aguanto|doy) mas)\b)")
_LAST_MSG_NOT = r"(?! (?:del|de la|de este|de esta|de hoy|antes de|en el|en la|por hoy|de la noche|del dia|del ano)\b)"
_add("farewell", "ordinary",
     r"(?:les |te |os )?(?:escribi|deje|hice|he escrito|tengo escritas|ya escribi|ya deje) (?:una )?cartas? "
     r"(?:a|para) (?:cada uno|cada una|cada quien|todos|todas|cada uno de ustedes|toda mi familia)"
     r"(?! (?:para|por|de) (?:la |el |su |mi |tu |navidad|fin de ano)?(?:boda|cumple|cumpleanos|navidad|aniversario|"
     r"graduacion|san valentin|dia|fiesta|amigo secreto|intercambio|despedida de soltera)\b)",
     rf"(?:paso a |vengo a |queria |quiero |solo queria |pase a )?(?:dejar|dejarles|dejarte|escribir|mandar|mandarles) "
     rf"(?:un|mi) ultimo mensaje{_LAST_MSG_NOT}",
     r"(?:ya )?no me (?:van|vas|vais|volveran) a ver (?:mas|nunca mas|nunca)" + _FW_END,
     r"(?:ya )?(?:no|nunca mas) (?:van|vas|vais) a saber (?:nada )?(?:mas )?de mi" + _FW_END,
     r"(?:es|sera|esta es|esta va a ser) la ultima vez que (?:hablamos|me escuchan|me escuchas|me leen|me lees|"
     r"les hablo|te hablo|les escribo|te escribo|me ven|me ves)" + _FW_END,
     rf"(?:un |mi )?(?:abrazo|abrazos|beso|besos) {gap(4)}(?:, )?por ultima vez" + _FW_END,
     r"por ultima vez(?: ,| :)? (?:gracias|los quiero|las quiero|te quiero|te amo|los amo|un abrazo|perdon)",
     r"(?:vengo|paso|pase|entre|escribo|solo escribo) (?:a|para) despedirme(?: de (?:todos|todas|ustedes|ti|vos|"
     r"vosotros))?" + _FW_END)
# Given away because a new one came, a move, a degree (as the farewell section reads it).
_NOT_REPLACED = (r"(?!(?: ,)? (?:me compre|ya tengo|tengo otr|me mude|me gradue|me voy a mudar|me cambio|compre otr|"
                 r"me dieron otr|me regalaron otr|me mudo|nos mudamos)\b)")
# Forgiveness asked for what one is about to do; meeting "on the other side"; no more worry "for me";
# a goodbye nobody noticed.
_add("farewell", "ordinary",
     r"(?:perdonenme|perdoname|perdonadme|perdonen|perdona|perdon) (?:por )?lo que (?:voy a hacer|estoy por hacer|"
     r"voy a hacerles|les voy a hacer)" + _FW_END,
     r"(?:los|las|te|nos|os) (?:veo|vemos) (?:del|en el) otro lado" + _FW_END,
     rf"(?:ya )?me despedi de {gap(3)}sin que (?:se diera|se dieran|se de|se den|nadie se diera) cuenta" + _FW_END,
     rf"(?:vendi|estoy vendiendo|ya vendi|remate) (?:todas )?(?:mis|todas mis) (?:cosas|pertenencias) {gap(6)}(?:, )?"
     rf"(?:porque |total |ya que )?(?:yo )?{FINALITY}" + _NOT_REPLACED,
     rf"{_GIVE} {gap(10)}(?:, )?(?:porque |total |ya que )?yo {FINALITY}" + _NOT_REPLACED,
     # ... said in the next sentence ("le regalé mi guitarra a mi hermano. ya no la voy a necesitar").
     rf"{_GIVE} {gap(10)}\. (?:total |igual |y )?(?:yo )?{FINALITY}" + _NOT_REPLACED,
     # Goodbyes said, things settled, "now I can go in peace".
     r"(?:ya )?(?:me despedi de todos|arregle (?:todas )?mis cosas|hice lo que tenia que hacer|deje todo (?:arreglado|"
     r"en orden|listo)|hice las paces con (?:todos|todo))(?: ,| y)? (?:ya )?(?:me )?puedo ir(?:me)? (?:tranquil[oa]|en paz)"
     + _FW_END,
     r"(?:solo )?(?:pasaba|paso|vengo|pase|entre) a decir(?:les|te|os)? adios(?: a todos)?" + _FW_END,
     r"(?:deje|dejo|tengo|ya deje) (?:escrito|anotado|por escrito) (?:a )?quien le (?:toca|queda|va a tocar|dejo) "
     r"(?:cada cosa|que|mis cosas)",
     rf"(?:mi|mis) {_REL} se (?:queda|quedan) con (?:[^.?¡¿]{{1,60}} )?(?:porque )?(?:yo )?ya no (?:voy a estar|estare)"
     + _FW_END,
     rf"(?:me despido|despedirme|adios|chao|chau) (?:de|a) (?:{gap(3)}y (?:de|a) )?(?:la vida|este mundo|todo esto)"
     + _FW_END,
     r"(?:les|te|os) dejo (?:esto|esta carta|este mensaje|este audio|todo) por si (?:ya )?no (?:vuelvo|regreso)"
     + _FW_END)
# Affairs settled, said as a whole statement ("ya arreglé mis cosas.", not "... para el viaje" and not in
# a message that asks something), "I only wanted to tell you all I love you", "me voy, no me busquen".
_add("farewell", "ordinary",
     r"ya (?:arregle|ordene|puse en orden|deje en orden|deje arregladas|tengo arregladas) (?:todas )?mis cosas"
     r"(?= [.¡] | $| , ya(?= [.¡] | $))(?![^?¿]{0,200}[?¿])",
     r"ya (?:deje|tengo) todo (?:arreglado|en orden|resuelto)(?= [.¡] | $| , ya(?= [.¡] | $))(?![^?¿]{0,200}[?¿])",
     r"solo (?:queria|quise) decir(?:les|os) que (?:los|las|os) (?:quiero|amo)(?: mucho| muchisimo)?(?: a todos| a todas)?"
     r"(?= [.?¡¿] | $| , ya(?= [.?¡¿] | $))",
     r"me voy(?: para siempre)?(?: ,| y)? (?:ya )?no me busquen" + _FW_END,
     rf"(?:cuiden|cuida|cuidad|cuide|por favor cuiden) (?:mucho|bien|por mi) (?:a|de) (?:mi|mis) {_REL}" + _FW_END)
_add("farewell", "weak",
     r"nunca (?:los|las|te|os) voy a olvidar" + END,
     # Weak: alone it is read only after earlier risk (test_screening_probes, across turns).
     r"(?:ya )?no (?:se |te |os )?(?:van|vas|vais) a tener que (?:preocupar(?:se|te|os)?|sufrir) (?:mas )?por mi"
     + _FW_END)
_add("farewell", "weak",
     r"ojala (?:algun dia|algún dia|un dia|con el tiempo) (?:me )?(?:perdonen|puedan perdonarme|me entiendan|entiendan)",
     r"(?:ya )?(?:escribi|deje) (?:la|una|mi) nota(?: (?:en|sobre|encima de|debajo de) (?:mi|la|el) (?:cuarto|mesa|cama|"
     r"escritorio|almohada|buro|cajon)| para (?:mi familia|mis papas|mis padres|mi mama|todos))?" + END)
# Past-tense love said as a goodbye ("los quise mucho"): weak, counts with another goodbye or ideation.
_add("farewell", "weak",
     r"(?:siempre )?(?:los|las|te|os) (?:quise|ame) (?:mucho|muchisimo|un monton|de verdad)?" + END)
# A pet or a person left in someone's care, "look after him".
_add("farewell", "ordinary",
     rf"(?:le|les|te) (?:deje|dejo|encargue|encargo|voy a dejar|voy a encargar) (?:a )?(?:mi|mis) {_REL} {gap(5)}"
     r"(?:, )?(?:cuidal[oa]s?|cuidenl[oa]s?|cuidadl[oa]s?|cuidamel[oa]s?|cuidenmel[oa]s?)(?: mucho| bien| por mi)?"
     + _FW_END,
     rf"{_GIVE} {gap(10)}(?:, )?(?:porque |total |ya que )?(?:a |para )?donde voy no (?:lo|la|los|las) "
     r"(?:voy a (?:usar|necesitar|ocupar)|usare|necesitare|uso|necesito|ocupo)" + _NOT_REPLACED + _FW_END)
# Affairs put in order for afterwards: papers, insurance, passwords, a will written young.
_NOT_TRIP = r"(?! (?:para|de|del|en) (?:el |la |mi |los |las |un |una )?(?:viaje|mudanza|vacaciones|escuela|uni|trabajo|examen|curso|semestre|manana|lunes|finde|fiesta|boda))"
_add("farewell", "weak",
     r"(?:ya )?(?:arregle|organice|ordene|deje en orden|puse en orden) (?:todas )?(?:mis|todos mis) "
     r"(?:cosas|asuntos|papeles|pendientes)" + _NOT_TRIP + END,
     r"(?:ya )?(?:deje|puse|esta|tengo) (?:el|mi) seguro(?: de vida)? (?:a nombre de|para) (?:mi|mis)|"
     r"(?:el|mi) seguro(?: de vida)? (?:ya )?(?:esta|queda|lo deje|lo puse) a nombre de (?:mi|mis)",
     r"ya (?:arregle|deje arreglado|organice|deje organizado|deje resuelto) todo" + END,
     rf"(?:le|les|te) (?:deje|pase|di|mande|anote|escribi|dejo|paso|doy|voy a dar|voy a pasar) {gap(3)}"
     r"(?:todas )?(?:mis |las |la )?(?:contrasenas|contrasena|claves|clave|pin|pines|passwords?) "
     r"(?!(?:del|de la|de) (?:wifi|internet|netflix|spotify|disney|hbo|la tele|la alarma|alarma|la puerta)\b)"
     rf"{gap(6)}(?:cuentas|correo|mail|celular|cel|telefono|banco|redes|compu|computadora|laptop|face|instagram)")
_add("farewell", "ordinary",
     r"(?:ya )?(?:deje|tengo|esta|deje ya) todo (?:arreglado|en orden|ordenado|organizado|listo|pagado|resuelto) "
     r"para que (?:mi familia |nadie |ustedes |mis papas |mis padres |mi mama |mi papa |mi pareja |mis hijos |ellos )?"
     r"(?:no )?(?:tenga|tengan|tengais) (?:que|problemas|lios|broncas|lio|bronca)",
     r"(?:para que no (?:batallen|sufran|tengan que batallar|se compliquen))" + END,
     rf"(?:ya )?(?:arregle|organice|deje en orden|puse en orden|deje listos) (?:mis|todos mis|los) (?:papeles|asuntos|"
     rf"cosas|documentos) {gap(6)}(?:, |y )?(?:el|mi) (?:seguro|testamento)",
     rf"(?:le|les|te) (?:deje|pase|di|mande|anote|escribi|dejo|paso|doy) {gap(3)}(?:todas )?(?:mis |las |la )?"
     r"(?:contrasenas|contrasena|claves|clave|pin|passwords?) "
     r"(?!(?:del|de la|de) (?:wifi|internet|netflix|spotify|disney|hbo|la tele|la alarma|alarma|la puerta)\b)"
     rf"{gap(8)}(?:, )?(?:por si acaso|por si algo|por si me pasa algo|(?:ella|el_?|ellos) (?:sabra|sabran|va a saber|"
     r"van a saber) que hacer(?: con (?:mis|mi|todo|todas mis) ?(?:cuentas|cosas|redes|perfiles|perfil|eso)?)?|"
     r"para (?:despues|cuando (?:ya )?no (?:este|estoy)|cuando me vaya))" + _FW_END)
_YOUNG = (r"(?:1[3-9]|2[0-6]|trece|catorce|quince|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veintiun|"
          r"veintiuno|veintidos|veintitres|veinticuatro|veinticinco)")
_NOT_ESTATE = (r"(?![^.?¡¿]{0,60}\b(?:hijos|hija|hijo|hipoteca|notario|notaria|abogad[oa]|herencia|casa propia|"
               r"empresa|negocio|clase|tarea|curso|taller|ejercicio)\b)")
_add("farewell", "",
     rf"(?:hice|escribi|redacte|tengo|ya tengo|deje hecho|termine) (?:mi |un )?testamento {gap(3)}(?:y |, |con |a los |"
     rf"a mis )(?:solo |apenas )?(?:tengo )?(?:solo |apenas )?{_YOUNG}(?: anos)?" + _NOT_ESTATE,
     rf"(?:tengo|con|a mis|a los) (?:solo |apenas )?{_YOUNG}(?: anos)? {gap(2)}(?:y )?(?:ya )?(?:hice|escribi|redacte|tengo)"
     r" (?:mi |un )?testamento" + _NOT_ESTATE)

# "(mañana) es mi último día", "este es mi último fin de semana": also a last day at work or of a
# holiday, so a farewell (moderate) that a time beside it does not lift to high ("nolift", session 17).
_add("farewell", "nolift",
     r"es mi ultimo dia(?! (?:de|en|del|aqui|con|como|antes)\b)|hoy es mi ultimo dia(?! (?:de|en|del|aqui|con|como)\b)",
     r"(?:este|esta) es mi (?:ultimo fin de semana|ultima semana)" + _FW_END)
# Farewell with its time: "mañana a esta hora ya no voy a estar", "es mi última noche aquí".
_add("farewell", "timed ordinary",
     r"(?:hoy |esta )?es mi ultima noche(?: aqui| en este mundo| con ustedes| viv[oa]| en la tierra)?" + _FW_END,
     r"(?:este|esta) es mi (?:ultimo fin de semana|ultima semana)(?: aqui| en este mundo| con ustedes| viv[oa])"
     + _FW_END,
     r"(?:para|a) (?:fin de mes|fin de ano|navidad|ano nuevo|mi cumple|mi cumpleanos) (?:yo )?ya no (?:voy a estar|"
     r"estare)(?: aqui| con ustedes| en este mundo| mas)?" + _FW_END,
     rf"(?:{TIME}|para (?:esta noche|manana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo))) "
     rf"(?:a esta hora |a estas horas |para estas horas |por la noche |en la noche )?(?:yo )?ya no (?:voy a estar|estare)"
     r"(?: aqui| con ustedes| en este mundo| mas)?" + _FW_END)

# Intensity that lifts a wish to be dead or despair: "hasta aquí llegué", "ya estuvo", "no es broma",
# "ya no puedo más, de verdad" (emphasis after a statement of not going on counts as intensity, as
# "ya no puedo más. esta vez va en serio" does).
_add("intensity", "",
     r"hasta aqui (?:llegue|llego|llegamos|nomas|noma)(?: yo)?" + END,
     r"(?<! y )ya estuvo(?: de todo| de esto)?" + END,
     r"(?:esto )?no es (?:broma|un chiste|chiste|joda|un decir|drama|para llamar la atencion|un grito de ayuda)" + END
     + r"|no estoy (?:bromeando|exagerando|jugando)" + END + r"|no lo digo por decir",
     r"(?:ya )?no (?:puedo|aguanto|doy|soporto) mas(?: ,| \.)? (?:de verdad|en serio|neta|posta|de veras|"
     r"te lo juro|lo juro)(?= [.?¡¿] | $| , ya(?= [.?¡¿] | $))",
     r"(?:ya )?(?:se acabo|se termino) todo para mi" + END + r"|para mi (?:ya )?se acabo todo" + END,
     r"(?:te )?lo juro(?: por dios| por mi madre| por mi vida)?(?= [.?¡¿] | $| , ya(?= [.?¡¿] | $))",
     r"(?:esto |ya )?no es (?:un juego|juego|una amenaza)" + END,
     r"de verdad de verdad|de a de veras|de a deveras|de a devis",
     r"no (?:aguanto|soporto|puedo) ni un (?:dia|minuto|segundo|dia) mas",
     r"(?<! y )ya fue" + END,
     r"esta vez es (?:diferente|distinto|distinta|la definitiva|la buena)" + END)

# Plans: when nobody is home, a place or a way known, the means and the date both ready.
_ALONE_WHEN = (r"(?:antes de que (?:se despierten|amanezca|vuelvan|lleguen|regresen|se levanten)|"
               r"(?:cuando|en cuanto|apenas) (?:no haya nadie|nadie (?:me )?(?:vea|este)|me quede sol[oa]|"
               r"este sol[oa]|se vayan todos|todos se vayan|se vayan|se duerman|se duerman todos|todos se duerman|"
               r"todos esten dormidos|todos duerman|nadie me pueda (?:ver|detener|parar)|"

               r"(?:mi|mis) (?:papas|padres|papa|mama|familia|jefes|roomie|roomies|companer[oa] de piso|companer[oa]s de piso|compa de cuarto|esposa|esposo|"
               r"pareja|novia|novio|hermana|hermano|hermanos|viejos|abuela|abuelos|tia|tios) (?:se (?:vaya|vayan|duerma|"
               r"duerman)|salga|salgan|no este|no esten))(?: (?:de|a|al|en) (?:la |el |mi )?(?:casa|trabajo|chamba|"
               r"curro|viaje|finca|pueblo|trabajar|chambear|currar|la chamba|misa|la iglesia|el super))?)")
_PLAN_END = r"(?= [.?¡¿] | $| , (?:ya|nadie|no|lo|esta|es)\b)"
# What the means and the date are for, when it is named ("ya tengo la soga y el lugar para el columpio").
_NOT_FOR_THAT = r"(?! (?:para|pa|de) (?:el|la|los|las|mi|mis|un|una|nuestr[oa]s?|su|sus)\b| del\b)"
_add("plan", "",
     rf"{_ALONE_WHEN} {gap(3)}(?:lo (?:hago|hare|voy a hacer)|voy a hacerlo|me voy a matar|me mato|me tiro|"
     r"me voy a tirar)" + _PLAN_END,
     rf"(?:lo (?:hago|hare|voy a hacer)|voy a hacerlo) {gap(3)}{_ALONE_WHEN}" + _PLAN_END,
     r"ya (?:se_?|tengo pensado|decidi|elegi|escogi) (?:donde|como|cuando|el lugar donde|la forma de)"
     r"(?: y (?:donde|como|cuando))? "
     r"(?:lo voy a hacer|lo hago|hacerlo|lo hare)" + _PLAN_END,
     r"ya (?:se_?|tengo claro|tengo pensado) (?:como|donde|cuando)(?: ,| y)? (?:como|donde|cuando)"
     r"(?:(?: ,| y) (?:como|donde|cuando))?(?= [.?¡¿] | $| , ya(?= [.?¡¿] | $))",
     rf"(?:ya )?tengo {MEANS_NP} y (?:la fecha|el dia|el lugar|la hora|todo listo|todo planeado|un plan)"
     + _NOT_FOR_THAT,
     rf"(?:ya )?tengo (?:la fecha|el dia|el lugar|la hora) y {MEANS_NP}" + _NOT_FOR_THAT,
     r"ya tengo (?:la )?fecha y (?:la )?hora(?! (?:para|pa|de|del|en|con|a)\b)",
     # Not "rama", "árbol" or "gancho": where a hammock or a swing hangs too ("compré una cuerda para la
     # hamaca, ya sé de qué árbol").
     r"ya (?:se_?|elegi|escogi|tengo) (?:en|de) (?:que|cual) (?:viga|barra|tubo)"
     r"(?![^.?¡¿]{0,40}\b(?:hamaca|columpio|pinata|luces|foco|lampara|bolsa|saco|adornos|decoracion|cortina|"
     r"guirnalda|maceta|ropa)\b)",
     rf"{_ALONE_WHEN}(?: ,)? (?:ya )?tengo (?:todo )?(?:lo necesario|lo que necesito|todo listo|todo preparado)"
     + _PLAN_END,
     rf"(?:ya )?tengo todo (?:listo|preparado) para {_ALONE_WHEN}" + _PLAN_END,
     rf"(?:el|mi) plan es (?:{TIME} )?{_ALONE_WHEN}" + _PLAN_END,
     rf"ya (?:se_?|elegi|decidi|escogi) (?:a que hora|que dia|el dia|la hora)(?: ,| :)? {_ALONE_WHEN}" + _PLAN_END,
     r"ya (?:se_?|elegi|escogi|tengo pensado) desde (?:que|cual) (?:piso|puente|edificio|balcon|altura|azotea|"
     r"ventana)" + _PLAN_END,
     rf"{_ALONE_WHEN}(?: ,)? (?:me voy a tomar|me tomo|me voy a tragar|me trago|voy a tomarme) "
     rf"(?:(?:todas )?(?:las|mis|esas|todas mis) {MEANS}|(?:todo el|el|un|todo un) (?:frasco|bote|blister)"
     rf"(?: (?:de|con) {MEANS})?)" + _FW_END)

# ------------------------------------------------------------ timing, means, intent (support)
# "ya" closing a sentence is "now", but "... y ya" is "and that's it".
_add("timing", "", TIME, r"(?:lo )?(?:hare|hago|voy a hacer) (?:ya|hoy)", r"(?<! y )ya(?= [.,?¡¿] | $)",
     r"(?:esta|es mi) ultima noche|de (?:hoy|esta noche) no paso")
_add("lethal_means", "",
     MEANS, POISON,
     r"(?:la |una |mi )?(?:soga|cuerda|pistola|arma|revolver|escopeta|navaja|cuchilla|gillet+e|cuchillo|cinturon|"
     r"gas|carbon)",
     r"(?:el |un |los |del |al |las |la )?(?:puente|vias|via del tren|azotea|acantilado|precipicio|edificio|"
     r"balcon|tren|metro)" + rf"(?! (?:, )?{gap(3)}(?:{PLACE_BENIGN}))")
_add("lethal_means", "possession",
     rf"(?:tengo|ya tengo|compre|consegui|he comprado|he conseguido|tengo a mano|guardo) (?:una |la |mi |un |el |"
     rf"unas |las )?(?:soga|cuerda|pistola|arma|revolver|escopeta|{POISON}|cuchilla|navaja)",
     r"estoy (?:parad[oa] |sentad[oa] )?(?:en|sobre|arriba de) (?:el|la|un|una|lo alto de|el borde de|la orilla de)"
     r" ?(?:el |la |un |una )?(?:puente|azotea|techo|edificio|vias|cornisa|acantilado|precipicio|balcon)"
     # "... viendo los fuegos artificiales" (session 15).
     rf"(?! (?:, )?{gap(3)}(?:{PLACE_BENIGN}))")
_DO_END = r"(?= [.,?¡¿] | $| (?:ya|hoy|ahora|ahorita|esta noche|manana|de una vez|por fin|y)\b)"
_add("do_it", "",
     rf"(?:lo (?:voy a|pienso|quiero) hacer|(?:voy a|pienso|quiero) hacerlo|lo hare|lo hago|ya lo hago){_DO_END}",
     r"(?:hoy|esta noche|ahora|ya) lo (?:hago|hare|voy a hacer)",
     rf"(?:voy a saltar|me voy a tirar|me voy a aventar|voy a tirarme|voy a aventarme){_DO_END}",
     # Not when the decision follows ("ya lo decidí, me voy a cambiar de carrera"; session 13).
     # "ya está decidido, nos mudamos a Madrid" (session 16; it was imminent): _SIGNED as well.
     r"(?:ya lo decidi|ya tome la decision|ya esta decidido)" + _SIGNED + r"(?! (?:[,:] )?(?:me voy a|voy a|"
     r"me cambio|me mudo|me voy de|lo dejo|dejo|renuncio|me quedo|me caso|lo compro|la compro|acepto)\b)|"
     # Session 19: not a decision named after it ("estoy decidida, renuncio mañana").
     r"estoy decidid[oa](?= [.,?¡¿] | $)(?! (?:[,:] )?(?:me voy a|voy a|me cambio|me mudo|me voy de|lo dejo|dejo|renuncio|"
     r"me quedo|me caso|lo compro|la compro|acepto|termino|cortamos|corto|me inscribo|me apunto|empiezo|a (?!morir|matar))\b)|"
     r"no hay (?:vuelta|marcha) atras" + _SIGNED)
_add("do_it", "",
     r"nadie me (?:va a|puede|podra) (?:parar|detener|convencer|hacer cambiar de opinion)|ya nada me (?:detiene|va a "
     r"detener|para)|ya (?:lo )?tengo decidido|ya tome mi decision")
_add("intensity", "",
     r"(?:esta vez )?(?:va|lo digo|hablo|es) en serio|para siempre|se acabo|ya no mas|de una vez por todas|"
     r"no aguanto un (?:dia|minuto|segundo) mas|es definitivo|esta vez si",
     r"ya no hay (?:vuelta|marcha) atras" + _SIGNED)

# A comparison that intensifies rather than denies ("nunca había tenido tantas ganas de...").
_add("intensity", "",
     rf"(?:nunca|jamas) (?:habia|he|me habia|me he|en mi vida (?:habia|he)|antes (?:habia|he)) {gap(2)}(?:tantas|tanta|"
     r"tanto|tantos|tan|asi de|peor)",
     r"como nunca|mas que nunca|cada vez (?:peor|mas fuerte|mas fuertes)")
# Emphasis at the end of a clause ("..., de verdad"): lifts entrapment in life itself only.
_add("intensity", "emph", r"(?:de verdad|en serio|de veras|neta|lo digo de verdad)" + END)
# How often: lifts a wish to be dead, not the risk factors.
_add("intensity", "freq",
     r"cada dia|todos los dias|todas las noches|cada noche|cada manana|todas las mananas|todo el tiempo|a cada rato|"
     r"constantemente|a diario|dia y noche|cada segundo|cada minuto|todo el santo dia")

_add("do_it", "",
     r"(?:hoy|esta noche|ahora|ya) si (?:lo hago|lo hare|lo voy a hacer|se acaba)",
     r"esta vez (?:no me (?:van|vas) a (?:parar|detener|salvar)|no voy a fallar|no es un grito de ayuda|lo hago|"
     r"no me voy a echar (?:para )?atras|no me echo (?:para )?atras)",
     r"(?:es|ya es) una decision (?:tomada|final)|mi decision es (?:final|definitiva)|ya no es una idea",
     r"nadie me (?:va a|puede) hacer cambiar de (?:idea|opinion)|no me (?:van|vas) a hacer cambiar de (?:idea|opinion)")
# "Hoy es el día", "esta es la noche": the phrase names its own time, so in a short message it
# would always count, and "¡hoy es el día, por fin me gradúo!" was imminent. It counts beside other
# crisis language ("ya escribí las cartas … hoy es la noche"); alone it is a bare statement
# (moderate, ``bare.py``), as "today is the day" is in English.
_add("do_it", "dated",
     r"(?:(?:hoy|esta) es la noche|hoy es el dia)" + END)

# ------------------------------------------------------------ risk factors (low)
_add("hopelessness", "",
     r"no (?:hay|veo|tengo|encuentro|le veo|le encuentro) (?:ninguna |otra )?salida|no hay (?:esperanza|futuro|"
     r"solucion)|no tengo (?:esperanza|esperanzas|futuro)|(?:sin|perdi la|perdi toda|he perdido la|he perdido toda) "
     r"(?:la )?esperanza",
     r"nada (?:va a|vaya a|va a) (?:mejorar|cambiar|salir bien)|(?:nunca|jamas) (?:va|van|vaya|vayan) a "
     r"(?:mejorar|cambiar)|(?:esto|todo|mi vida|nada) (?:no )?(?:va a|nunca va a|jamas va a) (?:mejorar|cambiar)|"
     r"nada (?:tiene|tendra) sentido|(?:mi vida|la vida|vivir|seguir) no tiene (?:ningun )?sentido|"
     r"no (?:le )?(?:veo|encuentro) (?:el |ningun )?sentido (?:a|de) (?:nada|la vida|mi vida|seguir|vivir|"
     r"seguir adelante|seguir intentando)",
     r"desesperanza|(?:para|de) (?:que|q) (?:seguir|vivir|sirve (?:vivir|seguir))|no vale la pena (?:vivir|seguir|"
     r"nada)|la vida no vale la pena|todo es inutil|no hay nada que hacer conmigo")
# Session 21: "¿de qué sirve?", "ya no tiene sentido nada" closing the clause ("¿de qué sirve este botón?"
# goes on).
_add("hopelessness", "",
     r"de (?:que|q) sirve(?: (?:todo|todo esto|nada|intentarlo|seguir intentando|luchar|seguir luchando))?(?: ya)?"
     + END,
     r"ya no tiene (?:ningun )?sentido (?:nada|vivir|seguir|nada de esto)" + END)
_add("entrapment", "",
     r"(?:ya )?no (?:aguanto|soporto|resisto|puedo|doy) mas(?! (?:(?:de|con) )?(?:la |las |el )?(?:ganas|risa|"
     r"emocion|felicidad|calor|frio|hambre|sueno|intriga|curiosidad)| para| que| sin (?:verte|ti)| "
     r"a (?:mi|tu|su|la|el|los|las))",
     r"ya no (?:aguanto|soporto|puedo|resisto)(?= [.,?¡¿] | $)|no (?:aguanto|soporto) (?:esta vida|mi vida|"
     r"vivir asi|mas esta vida|seguir asi)|ya no puedo (?:con|seguir con) (?:esto|esta vida|mi vida|la vida|todo|nada)",
     r"(?:estoy|me siento) (?:muy |tan |totalmente )?atrapad[oa]|no puedo seguir (?:asi|con esto|adelante|"
     r"viviendo asi)|no quiero seguir asi|quiero escapar(?:me)? de (?:todo|esta vida|mi vida)|"
     r"(?:estoy|me siento) (?:hart[oa]|cansad[oa]) de (?:todo|todos|sufrir)|no doy mas|no puedo con (?:esto|mi vida|"
     r"la vida|todo)")
# Session 21: "no aguanto un día más", "no puedo enfrentar otro día" (low alone, as in English).
_add("entrapment", "",
     r"no (?:aguanto|soporto|resisto|puedo con|puedo enfrentar|puedo soportar|puedo aguantar) (?:un dia mas|otro "
     r"dia(?: mas)?)")
# Entrapment in life itself ("no puedo más con esta vida"): with emphasis it is moderate.
_add("entrapment", "life",
     r"(?:ya )?no (?:puedo|aguanto|soporto|resisto|doy) mas (?:con|de) (?:esta|mi|la) (?:vida|existencia)",
     r"(?:ya )?no (?:puedo|aguanto|soporto|resisto) (?:mas )?(?:con )?(?:esta|mi) existencia|(?:ya )?no (?:puedo|"
     r"aguanto|soporto|resisto) (?:mas )?(?:con )?esta vida",
     r"(?:ya )?no (?:aguanto|soporto) (?:mas )?(?:mi|la) vida",
     r"no (?:puedo|aguanto|soporto) (?:seguir )?viviendo asi|no (?:puedo|aguanto|soporto) (?:mas )?vivir (?:asi|"
     r"esta vida)",
     r"(?:ya )?(?:me rindo|me rendi|tiro la toalla|tire la toalla) (?:con (?:la|esta|mi) vida|con todo|de vivir)")
_add("burdensomeness", "",
     r"soy (?:una|un) (?:carga|estorbo|peso|lastre|problema para todos)|solo (?:soy|seria) (?:una|un) (?:carga|"
     r"estorbo|problema)|(?:todos|mi familia|ellos|el mundo|todo el mundo|mis padres|mis papas) (?:estarian|estaria|"
     r"vivirian|viviria|serian|seria) (?:mas felices |mejor )?(?:sin mi|mejor sin mi)|solo (?:causo|doy|traigo) "
     r"problemas|les (?:arruino|estoy arruinando) la vida|a nadie le (?:importaria|importa) si (?:me muero|"
     r"muero|desaparezco|no estoy|me voy)|siento que sobro|sobro en este mundo",
     # Session 13: "nadie me extrañaría" (alone: low, like "no one would miss me"; with "si me muriera": above).
     r"nadie me (?:extranaria|echaria de menos|notaria)" + END,
     # Issue #14: "estoy cansado de ser una carga para todos", "me siento una carga".
     r"(?:cansad[oa]s?|hart[oa]s?|agotad[oa]s?|arto|arta) de ser (?:una|un) (?:carga|estorbo|peso|lastre|problema|"
     r"molestia)|me siento (?:como )?(?:una|un) (?:carga|estorbo|peso muerto|lastre)|(?:ser|siendo|sigo siendo) "
     r"(?:una|un) (?:carga|estorbo|lastre) para (?:todos|todo el mundo|mi familia|mis padres|mis papas|los demas|"
     r"ustedes|vosotros|ellos|mi mama|mi papa|mi pareja|mis hijos)")
_add("worthlessness", "",
     r"me odio|me doy asco|me detesto|no valgo (?:nada|la pena)|no sirvo para nada|soy (?:un|una) (?:fracaso|"
     r"fracasado|fracasada|inutil|basura|desastre|mierda|asco)|soy lo peor|no merezco (?:vivir|estar viv[oa]|nada)")
_add("emotional_pain", "",
     r"(?:el|este|mi) dolor es (?:insoportable|demasiado|insufrible)|no (?:soporto|aguanto) (?:el|este|tanto) "
     r"(?:dolor|sufrimiento)|me duele (?:el alma|existir|vivir|la vida)|sufro (?:demasiado|tanto)|"
     r"(?:tanto|demasiado) sufrimiento|dolor emocional (?:insoportable|constante)")
_add("crisis_state", "",
     r"estoy en (?:una )?crisis|necesito ayuda (?:urgente|ya|ahora)",
     r"no (?:llamen|llames) a nadie|no me (?:llamen|llames|busquen|busques)|no quiero que me (?:ayuden|salven|"
     r"encuentren|detengan|paren)|no (?:llamen|llames) a (?:emergencias|la ambulancia|la policia)")
# Session 21: not safe now, said of oneself (moderate, as in English): "no estoy a salvo" (the old rule
# wanted a word after it), "no confío en mí esta noche", "tengo miedo de lo que pueda hacer(me)".
# "no me siento segura sola en la calle" (safety from others) is not one.
_add("crisis_state", "acute",
     r"no (?:estoy|me siento) a salvo(?: (?:conmigo(?: mism[oa])?|de mi mism[oa]|esta noche|ahora|ahorita|"
     r"ahora mismo|sol[oa]))?" + END,
     r"no (?:me siento|estoy) segur[oa] (?:conmigo(?: mism[oa])?|de mi mism[oa])",
     r"tengo miedo de (?:hacerme dano|lo que (?:pueda|puedo|voy a|podria) hacer(?:me)?" + END + ")",
     r"no (?:confio|puedo confiar) en mi(?: mism[oa])? (?:esta noche|ahora|ahorita|ahora mismo|sol[oa])",
     r"no (?:puedo|consigo) mantenerme a salvo")
_add("help_seeking", "",
     r"(?:linea|telefono) (?:de|para la|de la) (?:prevencion del suicidio|crisis|ayuda|vida|esperanza)|"
     r"llame al (?:024|988|911|112)|plan de seguridad")

# ------------------------------------------------------------ someone else (low) and topic mentions (none)
_KILL3 = (r"(?:matarse|suicidarse|quitarse la vida|ahorcarse|colgarse|envenenarse|dispararse|"
          rf"(?:tirarse|aventarse|lanzarse|arrojarse) {JUMP}|cortarse|hacerse dano|autolesionarse|"
          r"acabar con su vida)")
# "Se va a morir de viejo / de risa" is the idiom, for someone else as for the writer (session 18).
_add("third_person_concern", "",
     rf"se {FILL}(?:quiere|quiera|queria|va a|iba a|piensa|podria|puede|quieren|van a) {FILL}(?:matar|suicidar|"
     rf"morir(?! de (?:viej|ancian)){IDIOM_MORIR}|"
     r"quitar la vida|ahorcar|colgar|cortar|hacer dano|autolesionar)",
     rf"(?:quiere|quiera|queria|quisiera|quieren|desea|deseaba|dice que quiere) {FILL}(?:{_KILL3}|"
     rf"(?:morir|morirse)(?! de (?:viej|ancian)){IDIOM_MORIR})",
     rf"(?:piensa|planea|va a|iba a|van a|habla de|hablaba de|dice que se va a|esta pensando en|piensa en) "
     rf"{FILL}{_KILL3}",
     r"se (?:corta|cortaba|corto_|autolesiona|hace dano|lastima)(?! el| la| las| los| con (?:un|el) papel)",
     r"(?:esta|anda|se siente|se ha sentido|ha estado) (?:muy |tan )?suicida|(?:tiene|tenia) (?:pensamientos|ideas) "
     r"(?:suicidas|de suicidio)",
     rf"(?:tiene|ya tiene|eligio|puso|tenia) (?:fecha|dia|un plan|todo listo|todo planeado) para {_KILL3}")
_add("suicide_exposure", "",
     r"se (?:suicido_?|quito_? la vida|ahorco_?|colgo_?|enveneno_?|disparo_?|pego un tiro|tiro_? " + JUMP + r"|"
     r"mato_?(?! (?:en|con) (?:un|una|el|la|su) (?:accidente|choque|moto|coche|carro|auto|bici|bicicleta))|"
     r"suicidaron|quitaron la vida)",
     rf"(?:murio|fallecio|muerte|muertes|perdi a {W} {W}|perdimos a {W}) (?:por|de|a causa del?) (?:suicidio|"
     r"sobredosis)|(?:intento|trato de|intentaron) (?:suicidarse|matarse|quitarse la vida)",
     r"(?:su|el) suicidio de (?:mi|su|un|una)|(?:la|lo) encontraron (?:colgad[oa]|ahorcad[oa]|muert[oa])")
_add("directed_at_others", "",
     r"matate|suicidate|muerete|ahorcate|cuelgate|(?:ojala|que) te mueras|(?:vete|ve|anda) a (?:matarte|morirte|"
     r"suicidarte|morir)|deberias (?:matarte|suicidarte|morirte)|(?:por que|porque) no te (?:matas|suicidas|mueres)|"
     r"tirate (?:de|del|al|a|por) " + gap(3) + PLACE)
_add("suicide_mention", "",
     r"suicidio|suicidios|suicida|suicidas|suicidarse|suicidarme|autolesion|autolesiones")

# ------------------------------------------------------------ Spanish parity reading (session 15)
# Issue #14, "Spanish parity reading": the English crisis probes of the test tables were
# rendered into Spanish by hand (registers of Spain, Mexico, Rioplatense voseo, Colombia, Chile,
# the Caribbean and US Latino chat; with and without accents) and screened; these rules close the
# gaps that showed as general forms, not as single sentences (docs/safety.md, "Spanish parity
# reading").  Rungs as above (C-SSRS, Posner et al. 2011; Spanish validation Al-Halabí et al.
# 2016).  Lexical sources where a wording is regional: "estirar la pata" (morir, coloquial) and
# "nudo de horca" are in the DLE (RAE, 23.ª ed., s.v. "pata", "horca"); "finde" (fin de semana,
# coloquial) likewise (DLE s.v. "finde").  Each rule keeps the idioms of its own words out
# ("estoy muerta de cansancio", "me daría igual si me atropella... el examen").
_add("passive_ideation", "",
     # "no me queda nada por lo que vivir", "qué sentido tiene seguir vivo", "perdí las ganas de seguir vivo"
     r"(?:ya )?no me queda (?:nada|mucho|nadie|ninguna razon) por (?:lo que|que|quien|la que) vivir",
     r"(?:que|q) sentido tiene (?:seguir )?(?:vivir|viviendo|viv[oa]|estar viv[oa]|existir|seguir existiendo)",
     r"no (?:siento|creo) que (?:me )?merezca (?:vivir|estar viv[oa]|seguir viv[oa]|seguir viviendo)",
     r"no hay (?:ninguna |ni una )?razon (?:para|por la) que (?:yo )?(?:viva|siga viv[oa]|siga viviendo|exista)",
     r"(?:perdi|he perdido|estoy perdiendo|pierdo) (?:las|mis) ganas de (?:seguir )?(?:vivir|viv[oa]|estar viv[oa])",
     # Not waking up, an accident wished for, the heart stopping.
     r"(?:rezo|pido|ruego|rezando|pidiendo) {gap(4)}(?:para |por )?no (?:despertar|volver a despertar|amanecer)"
     .replace("{gap(4)}", gap(4)),
     r"(?:no|ni) me importaria (?:no despertar|no volver a despertar|morirme|morir)|"
     r"(?:estaria|seria) (?:bien|genial|perfecto|lindo) (?:si )?no (?:me )?(?:despertara|despertar|volviera a despertar)"
     r"(?: nunca| nunca mas| manana)?",
     r"me (?:daria|da) (?:igual|lo mismo) (?:si|que) me (?:atropella|atropellara|atropelle|mata|matara|pasa algo|"
     r"pasara algo)(?! (?:el|la|mi) (?:examen|jefe|jefa|mama|papa|profe))",
     r"ojala (?:que )?se me (?:pare|parara|detenga|detuviera) el corazon|"
     r"ojala (?:que )?(?:este|el|mi) avion se (?:caiga|cayera|estrelle|estrellara)|"
     r"(?:sigo esperando|espero|ojala) (?:que )?algo me (?:mate|matara)",
     r"{DESIRE} {FILL}(?:estar bajo tierra|estirar la pata)|(?:list[oa]|preparad[oa]) para estirar la pata"
     .replace("{DESIRE}", DESIRE).replace("{FILL}", FILL),
     r"morir(?:me)?(?: ,)? (?:mientras|cuanto|entre mas|mientras mas) antes(?: ,)? mejor",
     r"(?:mejor|y) me muero de una vez",
     r"fantaseo con mi propia muerte",
     r"(?:pido|rezo|le pido|le rezo) a (?:dios|diosito) {gap(4)}(?:que me (?:lleve|recoja)(?! (?:por|a|al|con|de|bien|lejos|hacia|en|pronto a)\b)|por no despertar|para no despertar)"
     .replace("{gap(4)}", gap(4)),
     r"(?:dios|diosito|senor)(?: ,)? (?:llevame|recogeme)(?: ya| de una vez| por favor)?",
     r"(?:he estado|estoy|ando|sigo) (?:planeando|organizando) mi (?:propio )?funeral",
     rf"{DESIRE} {FILL}{gap(5)}y morirme(?! de)",
     r"la muerte no (?:viene|llega|me lleva|viene por mi) {gap(2)}(?:lo )?(?:bastante|suficientemente|tan) "
     r"(?:rapido|pronto)".replace("{gap(2)}", gap(2)),
     r"no veo la hora de que (?:la muerte (?:venga|llegue)|me muera)",
     r"(?:ya )?(?:hice|he hecho) las paces con (?:morir|morirme|la muerte|la idea de morir(?:me)?)",
     r"me quiero muert[oa]",
     # Better off without me, said with "serían más felices", "la vida de ... sería mejor sin mí".
     r"(?:serian|estarian|vivirian) (?:mucho |muchisimo |bastante )?(?:mas felices|mejor|mas tranquil[oa]s) sin mi(?= [.,?¡¿] | $)",
     r"seria (?:mucho |muchisimo )?(?:mejor|mas facil) sin mi(?= [.,?¡¿] | $)",
     r"seria (?:mucho |muchisimo )?(?:mejor|mas facil|un alivio) (?:para (?:todos|mi familia|ellos|mis padres|"
     r"mis papas|todo el mundo) )?(?:si|que) (?:yo )?(?:no estuviera|estuviera muert[oa]|me muriera|"
     r"no existiera)(?= [.,?¡¿] | $)",
     r"mi muerte (?:le|les) (?:haria|facilitaria|haria mas facil) (?:la vida|todo)",
     r"(?:me extranaria|me extranarian|se daria cuenta|se darian cuenta) si (?:me muriera|me muero|"
     r"desapareciera|ya no estuviera)",
     r"(?:no|ni) importaria si (?:me muriera|me muero|desapareciera|no estuviera)",
     r"ojala {FILL}no estuviera (?:aqui|viv[oa]|en este mundo)".replace("{FILL}", FILL),
     r"(?:ya )?termine con (?:mi vida|la vida)(?= [.,?¡¿] | $)",
     r"(?:no (?:me )?creo|no soy) (?:ser )?(?:lo )?(?:bastante|suficientemente) fuerte para seguir viviendo|"
     r"(?:todavia |aun )?(?:estoy viendo|no se|tengo que decidir|estoy decidiendo) si quiero seguir viviendo",
     r"no me (?:imagino|veo) muriendome de viej[oa]",
     r"(?:ya )?no pertenezco a este mundo",
     r"por que no (?:les|le) hago un favor (?:a todos|al mundo)",
     r"(?:darle|dar) alt f4 a mi vida|alt f4 a mi vida",
)
_add("active_ideation", "",
     # "morirme parece la única opción", "acabar con todo se siente como mi única salida".
     rf"(?:morir(?:me)?|la muerte|suicidarme|matarme|el suicidio|{_END_ALL}|quitarme la vida) "
     r"(?:parece|se siente como|me parece|es) (?:mi |la )?(?:unica|ultima) (?:opcion|salida|respuesta|solucion)"
     r"(?: que (?:queda|me queda|tengo))?",
     r"no (?:me queda|tengo|hay|veo) otra salida (?:que|mas que|sino) (?:la muerte|morir(?:me)?|matarme|suicidarme)",
     # Suicidal thoughts back ("volvieron mis pensamientos suicidas", "otra vez con ideas suicidas").
     r"(?:volvieron|regresaron|han vuelto|volvio|vuelven) (?:mis|los|las) (?:pensamientos|ideas|impulsos|ganas) suicidas|"
     r"(?:otra vez|de nuevo) con (?:los |mis )?(?:pensamientos|ideas) suicidas",
     r"(?:el )?suicidio (?:otra vez|de nuevo) en mi (?:cabeza|mente)|"
     r"(?:pensando|pienso) (?:otra vez |de nuevo )?en el suicidio (?:otra vez|de nuevo|esta noche|todo el tiempo|"
     r"todos los dias)",
     r"(?:estoy |ando )?(?:intentando|tratando de|intento|trato de) no (?:matarme|suicidarme|quitarme la vida)",
     r"no me siento a salvo conmigo mism[oa] (?:ahora|ahorita|ahora mismo|esta noche|hoy)|"
     r"(?:ahora|ahorita|ahora mismo|esta noche|hoy) no me siento a salvo conmigo mism[oa]",
     r"(?:ya )?nada me (?:detiene|frena|retiene)(?: de (?:hacerlo|acabar con todo|matarme))?(?= [.,?¡¿] | $| de)",
     r"es lo unico que me (?:detiene|frena|retiene|mantiene aqui|mantiene viv[oa])(?= [.,?¡¿] | $)",
     r"(?:ojala|si tan solo) tuviera {gap(4)}valor (?:de|para) (?:llevarlo a cabo|hacerlo de verdad|hacerlo de una vez)"
     .replace("{gap(4)}", gap(4)),
     r"(?:anoche|ayer|hoy) no me mate(?= [.,?¡¿] | $| pero)",
     r"(?:asi|tan) de cerca de (?:tragarme|tomarme|matarme|hacerlo|tirarme|acabar con todo)",
     r"una bala en (?:la|mi) cabeza y (?:se acabaria|se acaba|ya|todo)",
     r"(?:a punto de|pensando en|planeando|estoy planeando) (?:tirarme|aventarme|lanzarme|arrojarme)"
     r"(?= [.,?¡¿] | $| (?:hoy|ahora|ahorita|esta noche|manana)\b)",
     r"(?:voy a|estoy por) saltar(?= [.,?¡¿] | $)",
     r"me voy a (?:estrellar|estampar) (?:con el (?:carro|coche|auto) )?contra (?:un|el|la|una) (?:arbol|muro|pared|"
     r"poste|camion|tren)|me voy a tirar con el (?:carro|coche|auto) (?:por|a|de) (?:un|el|la|una) (?:barranco|precipicio|acantilado|puente)",
     r"me voy a (?:meter|adentrar|entrar) (?:al|en el) mar y no (?:voy a )?(?:volver|regresar|salir)",
     r"no (?:paro|dejo) de apuntarme (?:a|en) (?:la sien|la cabeza)|apuntandome (?:a|en) (?:la sien|la cabeza)",
)
_add("plan", "",
     r"(?:va|van|vas) a (?:tener que )?encontrar (?:mi cuerpo|mi cadaver)",
     r"monoxido de carbono {gap(3)}(?:duele|doloroso|indoloro|forma|tranquil[oa]|rapido|mortal|no duele)"
     .replace("{gap(3)}", gap(3)),
     r"(?:cuant[oa]s|cuantas de estas|cuantos de estos) {gap(2)}(?:{MEANS}|benadryl|tylenol|advil|aspirinas?|"
     r"ibuprofenos?) (?:hacen falta|se necesitan|me matan|me mataria|harian falta|alcanzan|bastan)(?= [?.] | $| , ya(?= [.?¡¿] | $))"
     .replace("{gap(2)}", gap(2)).replace("{MEANS}", MEANS),
     r"\d+ (?:{MEANS}|benadryl|tylenol|advil) me (?:matan|matarian|mataria|mata)".replace("{MEANS}", MEANS),
     r"(?:busque|googlee|averigue|averiguando|investigue|revise|buscando)(?: en google| en internet)? cuant[oa]s? "
     r"(?:de )?(?:mis |de mis |de estas )?{gap(2)}(?:{MEANS}|paracetamol|tylenol) {gap(3)}(?:necesitaria|haria falta|"
     r"harian falta|alcanzarian|alcanzaria|bastarian|bastaria)".replace("{gap(2)}", gap(2)).replace(
         "{gap(3)}", gap(3)).replace("{MEANS}", MEANS),
     r"(?:piso|pisos|puente|edificio|altura) {gap(4)}(?:lo )?(?:bastante|suficientemente|tan) alt[oa] (?:\?|para)|"
     r"(?:tirarse|tirarme|saltar|caer) (?:de|desde) {gap(4)}(?:es|seria) (?:siempre )?mortal|"
     r"se sobrevive (?:a|al) (?:tirarse|caer|saltar)|cuantos pisos (?:hacen falta|se necesitan) para (?:que sea mortal|"
     r"morir|no sobrevivir)".replace("{gap(4)}", gap(4)),
     r"(?:el )?metodo (?:que (?:duele|doleria) menos|mas rapido|mas seguro|menos doloroso)(?= [?.] | $| , ya(?= [.?¡¿] | $))",
     r"(?:mas rapido|mas seguro|mas efectivo|duele menos|doleria menos)(?: ,)? {gap(4)}(?:pistola|soga|tren|puente|pastillas|"
     r"cuchillo|veneno) o (?:con |en |por )?(?:un |una |la |el |las )?(?:pistola|soga|tren|puente|pastillas|cuchillo|"
     r"veneno)".replace("{gap(4)}", gap(4)),
     r"como (?:cortarse|cortarme|me corto) (?:la muneca|las munecas|las venas)|"
     r"como (?:se ata|se hace|hago|ato|amarro) (?:una|la) (?:soga|cuerda) para (?:ahorcarse|ahorcarme|colgarme)",
     r"(?:te puedes|se puede|puedo|uno se puede) morir con {gap(4)}(?:frasco|caja|botella|blister)"
     .replace("{gap(4)}", gap(4)),
     r"donde los trenes no (?:frenan|paran|bajan la velocidad)",
     r"(?:garaje|cochera) {gap(4)}(?:con )?el motor (?:encendido|prendido|en marcha)".replace("{gap(4)}", gap(4)),
     r"mezcl(?:o|ar|ando|are|ar) {gap(3)}(?:pastillas|medicamentos|medicinas|{MEANS}) con (?:alcohol|vodka|ron|whisky|"
     r"tequila|cerveza|vino|lejia|cloro)|mezclar (?:lejia|cloro) con (?:pastillas|{MEANS})".replace(
         "{gap(3)}", gap(3)).replace("{MEANS}", MEANS),
     r"me (?:trague|tome) (?:todo )?lo que (?:habia|hay) en el botiquin",
     r"(?:empece|he empezado|empezado) a (?:guardarla|guardarlas|guardarlos|juntarla|juntarlas|acumularla|acumularlas)",
     r"(?:hice|he hecho|ate|amarre) (?:un|el) nudo de horca",
     r"(?:el )?cinturon (?:ya )?(?:esta|quedo) (?:en|amarrado|atado|colgado) (?:el|al|a la|la) (?:gancho|barra|viga|"
     r"puerta)",
     r"(?:sentad[oa]|parad[oa]|de pie) en (?:la|el) (?:baranda|barandilla|orilla|cornisa|borde) (?:del|de la) "
     r"(?:puente|azotea|edificio|techo)",
     r"(?:soga|cuerda|navaja|cuchilla|pistola|emoji_rope|pastillas) {gap(8)}(?:no (?:dejo|paro|puedo dejar) de|sigo) "
     r"(?:volver a )?(?:mirarla|mirarlas|mirarlo|verla|verlas|verlo)".replace("{gap(8)}", gap(8)),
     r"(?:compre|me compre|consegui) una (?:soga|cuerda) y nadie (?:me )?pregunto (?:para que|por que)",
     r"(?:esta noche|hoy) (?:emoji_pill ){2,}|(?:emoji_pill ){2,}(?:chau|chao|adios|bye)",
)
_add("farewell", "",
     r"(?:considera|consideren|tomen|toma|tomalo|tomenlo) (?:esto )?como mi (?:nota|carta|mensaje) de despedida|"
     r"(?:considera|consideren) esto mi (?:nota|carta|mensaje) de despedida",
     r"despues de (?:esta noche|este (?:finde|fin de semana)|hoy|manana) (?:ya )?no (?:vas|van) a (?:saber (?:nada )?de mi|tener que (?:preocuparse|preocuparte|aguantarme|"
     r"soportarme|verme|lidiar conmigo)(?: por mi)?)",
     r"despues de (?:esta noche|hoy) (?:ya )?no (?:voy a ser|sere) (?:un )?problema para nadie",
     r"(?:ya )?no (?:voy a ser|sere) (?:un )?problema (?:para nadie )?por mucho tiempo",
     r"no me (?:van|vas) a tener que aguantar (?:mucho mas|por mucho tiempo|mucho tiempo)",
     r"(?:ya )?no voy a necesitar (?:mis cosas|nada de esto|nada de eso)|"
     r"no (?:la|las|lo|los) voy a necesitar (?:a|adonde|a donde|donde) voy",
     r"(?:lo|la) va a cuidar mejor que yo",
     r"(?:para (?:la manana|manana)|manana|esta noche|pronto) (?:ya )?voy a estar muert[oa](?! de)",
     r"(?:chau|chao|adios|bye) a todos emoji_grave",
     r"si (?:nunca mas|ya no|no vuelven a|no vuelves a) (?:saben|sabes|saber) (?:nada )?de mi",
     r"(?:si )?(?:mañana |manana )?no contesto,? (?:ya )?(?:saben|sabran|sabes) (?:por que|porque)",
     r"si (?:mañana |manana )?no contesto,? (?:ya )?(?:saben|sabran|sabes)(?= [.?¡¿] | $| , ya(?= [.?¡¿] | $))",
)


# ------------------------------------------------------------ session 16: means, emoji and slang
# Written for the means-without-words, emoji and slang reading (issue #14, session 16): slang for
# killing oneself ("darme piso", "quitarme del medio"), leaving "este (puto) mundo" with other verbs
# ("largarme", "borrarme", "mandarme a mudar"), "bajarme de la vida", the Caribbean dropped "-r"
# ("me quiero matá"), the means emoji with a time, with despair or with "a dormir para siempre",
# the end and hole emoji with a goodbye or a wish, lying or sitting on the tracks, not coming down
# from a roof or a bridge, knowing where a gun is kept when alone.  Each has look-alikes in
# tests/test_screening_reading_means.py.
_MEANS_EMO = r"(?:emoji_pill|emoji_rope|emoji_gun|emoji_knife|emoji_razor)"
_DEATH_EMO = r"(?:emoji_grave|emoji_end|emoji_hole)"
_EMO_TIME = (r"(?:esta noche|esta misma noche|hoy|hoy si_?|hoy mismo|ahora|ahora si_?|ahorita|manana|"
             r"hoy es el dia|esta es la noche|de hoy no pasa|ya es hora)")
# "Quitarme del medio de la foto": out of a picture, not out of life.
_NOT_OF_A_PLACE = r"(?! (?:de (?:la|el|los|las|mi|tu|su|esta|este|aqui|ahi)|del|en)\b)"
# Laughter or a light reason later in the sentence ("mañana 💊💊, olvidé tomarlas jaja", "estoy en la
# azotea y no me quiero bajar, qué fiesta"): bounded, so it cannot backtrack far.
_LIGHT_LATER = (r"(?![^.?¡¿]{0,80}\b(?:ja(?:ja)+j?|jsjs\w*|jeje\w*|xd|lol|fiesta|vistas?|sol|fotos?|hermos[oa]|"
                r"increibles?|bonit[oa]|atardecer|amanecer|concierto|fuegos|paisaje|musica|cerveza|asado|"
                r"olvide|vitaminas?|vacuna|gripe|resfriado|serie|pelicula|juego|videojuego)\b)")
_THIS_WORLD = (r"(?:de|d) (?:este|esta) (?:puto |maldito |pinche |asqueroso |miserable |cruel |podrido |horrible |"
               r"triste )?(?:mundo|vida)(?! (?:de(?! mierda\b)|del|tan|lleno|loco|laboral|academico|artistico|digital|"
               r"virtual|real|de la)\b)")
_add("active_ideation", "",
     rf"(?:{DESIRE}|voy a|pienso|necesito|tengo ganas de) {FILL}darme piso"
     r"(?! (?:nuevo|propio|compartido|de|en|con|para|a|al)\b)",
     rf"me {FILL}(?:{CLIMB_1SG}|voy a|pienso) {FILL}dar piso(?! (?:nuevo|propio|compartido|de|en|con|para|a|al)\b)",
     rf"(?:{DESIRE}|voy a|pienso) {FILL}quitarme del medio{_NOT_IN_THE_WAY}{_NOT_OF_A_PLACE}",
     rf"me {FILL}(?:{CLIMB_1SG}|voy a|pienso) {FILL}quitar del medio{_NOT_IN_THE_WAY}{_NOT_OF_A_PLACE}",
     r"me quito (?:del|de en) medio (?:para siempre|de una vez|definitivamente|de una vez por todas)",
     r"me (?:quiero|quisiera|voy a) (?:mata|mori)(?: ya)?" + END)
_add("passive_ideation", "",
     rf"me (?:quiero|quisiera|voy a) (?:ir|largar|pirar|rajar|borrar|bajar|mandar a mudar|escapar|salir)"
     rf"(?: a la mierda| a la verga| ya)? {_THIS_WORLD}",
     rf"{DESIRE} {FILL}(?:irme|largarme|pirarme|rajarme|borrarme|bajarme|mandarme a mudar|escaparme|salirme)"
     rf"(?: a la mierda| a la verga| ya)? {_THIS_WORLD}",
     rf"(?:me (?:quiero|quisiera|voy a) bajar|(?:{DESIRE}) {FILL}bajarme|(?:ya )?me bajo) de (?:la|esta) vida"
     r"(?! (?:de|del|nocturna|social|loca)\b)",
     r"nadie me (?:va a|iba a|va) (?:extranar|echar de menos|notar|llorar) " + _DEATH_EMO + END,
     rf"(?:hasta aqui llegue|(?:ya )?no (?:puedo|aguanto|doy) mas|(?:ya )?me canse de todo)(?: ,)? {_DEATH_EMO}"
     + END,
     rf"(?:{DESIRE}|voy a|me voy a) (?:emoji_hole|emoji_end)" + END)
_add("active_ideation", "method",
     rf"{_EMO_TIME} (?:{_MEANS_EMO} )*{_MEANS_EMO}" + END + _LIGHT_LATER,
     rf"(?:{_MEANS_EMO} )+{_EMO_TIME}" + END + _LIGHT_LATER,
     rf"(?:{_MEANS_EMO} )+(?:y )?(?:a )?(?:dormir|descansar|me duermo|me voy a dormir) (?:para siempre|y no despertar|"
     r"y no despertar nunca|y nunca despertar|y ya no despertar)",
     rf"(?:{_MEANS_EMO} )+{_DEATH_EMO}|{_DEATH_EMO}(?: {_MEANS_EMO})+",
     # Despair closed by the means ("ya no puedo más 💊💊💊", "no aguanto más 🔫"); not despair about
     # something named ("ya no puedo más con el dolor de cabeza 💊").
     r"(?:(?:ya )?no (?:puedo|aguanto|soporto|doy)(?: mas)?(?: con (?:esto|todo|nada|mi vida|esta vida))?|"
     r"(?:ya )?me (?:canse|harte) de todo|estoy (?:cansad[oa]|hart[oa]) de todo|ya no (?:quiero|puedo) (?:seguir|mas)|"
     rf"hasta aqui llegue)(?: ,)?(?: {_MEANS_EMO})+" + END,
     r"(?:me )?(?:acoste|acuesto|sente|siento|tire|tiro|quede|quedo) (?:en|sobre) las vias "
     r"(?:y (?:espero|estoy esperando) (?:a )?que (?:pase|venga|llegue) el tren|a esperar (?:el|al|que pase el) tren|"
     r"esperando (?:el|al|que pase el|a que pase el|a que venga el) tren)")
_add("attempt_in_progress", "",
     r"me acoste (?:en|sobre) las vias" + END,
     r"(?:estoy|sigo|ando) (?:arriba |parad[oa] |sentad[oa] )?(?:en|sobre) (?:la azotea|el techo|la cornisa|el puente|"
     r"la orilla del puente|el borde|el borde del puente|la baranda del puente)(?: del edificio)?(?: ,)? y (?:ya )?no "
     r"(?:me )?(?:quiero|pienso|voy a) (?:bajar|bajarme|regresar|volver|quitarme de aqui)" + END + _LIGHT_LATER)
_add("plan", "",
     r"(?:yo )?se_? (?:donde|en donde|en que cajon) (?:guarda|tiene|esconde|deja) (?:mi|el) (?:papa|padre|viejo|tio|"
     r"abuelo|padrastro|hermano) (?:el arma|la pistola|el revolver|la escopeta|el rifle)(?: ,)? y (?:hoy|esta noche|"
     r"ahora|ahorita|todo el dia|el finde) (?:estoy|me quedo|voy a estar) sol[oa]",
     r"(?:la pistola|el arma|el revolver|la escopeta) de mi (?:papa|padre|viejo|tio|abuelo|padrastro) (?:esta|sigue) "
     r"cargad[oa] y (?:estoy|me quedo|voy a estar) sol[oa]",
     r"(?:tengo|ya tengo) (?:la|una) (?:soga|cuerda)(?: ,)? (?:la|una) (?:silla|banca|banqueta)(?: ,)? y (?:la|una|mi) "
     r"(?:carta|nota)")
_add("farewell", "weak",
     rf"(?:ya esta|se acabo|fin|hasta aqui|hasta aqui llegue|esto es todo|hasta nunca|gracias por todo|"
     rf"perdon por todo|los quiero|adios|adios a todos|chau|chao|me voy|me fui)(?: ,)? {_DEATH_EMO}"
     r"(?:(?: ,)? (?:gracias por todo|perdon por todo|los quiero|los amo|adios|adios a todos|chau|chao))?" + END)
_add("burdensomeness", "",
     r"nadie me (?:va a|iba a) (?:extranar|echar de menos)" + END)


# Session 16, second pass: a whole blister or every pill, "empastillarme hasta no despertar", how
# much of a medicine or a poison is lethal, the lasso ready, not wanting to see the morning, goodbyes
# said without anyone noticing.
_add("active_ideation", "method",
     rf"me voy a (?:tomar|tragar) {CONTAINER}(?! (?:de )?(?:antibiotic|vitamin|jarabe)\w*)"
     r"(?! (?:como|que) (?:me )?(?:dijo|indico|receto|mando|recetaron|indicaron))" + END,
     rf"(?:quiero|voy a|pienso) (?:comerme|tragarme|tomarme) todas (?:las|mis) {MEANS}",
     r"me voy a (?:meter|tomar|tragar) todas las pastas",
     # Argentina: under a bus or the underground ("tirarme abajo de un bondi").
     r"me (?:quiero |voy a |pienso )?(?:tirar|tiro|aventar|aviento|echar|tire) abajo (?:de|del) (?:un |el |una |la )?"
     r"(?:bondi|colectivo|subte|tren|micro|camion|auto)",
     rf"(?:{DESIRE}|voy a|pienso) {FILL}(?:tirarme|aventarme|echarme) abajo (?:de|del) (?:un |el |una |la )?"
     r"(?:bondi|colectivo|subte|tren|micro|camion|auto)",
     r"(?:voy a|quiero|pienso) empastillarme (?:hasta|para) (?:no despertar|morir|morirme|dormir para siempre|"
     r"no volver a despertar)")
_add("plan", "",
     rf"(?:cuant[oa]s?|que cantidad de) (?:{MEANS}|{POISON}) (?:hace falta|se necesita|se necesitan|hacen falta)(?: \?)?"
     + END,
     rf"(?:cuant[oa]s?|que cantidad de) (?:{MEANS}|{POISON}) (?:es|son|seria|serian) (?:letal|letales|mortal|"
     r"mortales|una sobredosis)" + _NOT_PETS,
     r"(?:ya )?tengo (?:el|mi) lazo (?:listo|preparado|atado|colgado)" + END)
_add("passive_ideation", "",
     r"(?:ya )?no quiero (?:volver a )?amanecer" + END,
     r"(?:ya )?no quiero llegar a (?:manana|la manana|otro dia|fin de mes)" + END)
_add("farewell", "",
     rf"(?:ya )?me despedi de {gap(3)}sin que (?:se den cuenta|se dieran cuenta|nadie se diera cuenta|lo sepan|"
     r"lo supieran|sepan|supieran)(?![^.?¡¿]{0,80}\b(?:aeropuerto|viaje|vuelo|mudanza|mudo|intercambio|terminal|"
     r"estacion|pena|verguenza|llorar)\b)",
     r"(?:ya )?hice las paces con (?:mi|mis) (?:viejo|vieja|papa|mama|padre|madre|padres|papas|hermano|hermana|"
     r"hermanos|familia)(?: ,)? (?:ya |ahora si_? |y ya )?estoy list[oa]" + END)

# ------------------------------------------------------------ session 17: short Spanish, emoji and turns
# Written for the short-Spanish, emoji and multi-turn reading (issue #14, session 17).  Short chat
# messages without accents ("pa q vivo", "no tiene caso seguir", "estarian mejor sin mi"), the ways of
# saying there is nothing to live for that the tables lacked ("no sé para qué vivo", "no tengo por qué
# vivir", "sin ganas de vivir", "ya no tengo fuerzas para seguir", "mejor me muero", "no me importa
# morir"), a wish put as "if I die nobody notices" ("si me muero nadie se da cuenta"), and emoji with
# Spanish words: the place emoji (🌉 🚆 🏢) after throwing oneself or despair, pills with finality
# ("💊💊💊💊 ya está", "💊💊 para siempre"), a knife with the urge to cut, the grave after a want, a
# readiness or "nadie me extrañaría", and the dove (🕊️, read as the end, see ``_EMOJI``) after a goodbye
# or rest for ever.  The skull (💀) and the dizzy face (😵) are left out: "me muero 💀" is laughter.
# Rungs as above (C-SSRS, Posner et al. 2011; Spanish validation Al-Halabí et al. 2016): no reason to
# live and the wish to be dead are rung 1 (moderate), like "what's the point of living" and "nobody would
# miss me if I was gone" in English; the risk factors said alone ("nadie me extrañaría", "no le veo
# sentido a nada") stay low, as in English.  Look-alikes in tests/test_screening_reading_turns_es.py.
# Something ordinary later in the sentence ("para qué sigo aquí, si ya se fueron todos de la fiesta").
_ORDINARY_LATER = (r"(?![^.?¡¿]{0,80}\b(?:ja(?:ja)+j?|jsjs\w*|jeje\w*|xd|lol|fiesta|clase|clases|oficina|reunion|fila|"
                   r"cola|esperando|esperar|pedimos|vamos|comida|restaurante|tienda|examen|trabajo|chamba|jale|renta|alquiler|"
                   r"ciudad|pueblo|barrio|depa|departamento|piso|"
                   r"casa|cuarto|caro|cara|lejos|cerca|vitaminas?|serie|pelicula|juego|partido)\b)")
# The day's doses and costumes ("💊💊 listo, ya me tomé las del día", "ya estoy lista ⚰️ para halloween").
_DAILY_DOSE = (r"(?![^.?¡¿]{0,60}\b(?:del dia|de hoy|diarias?|tome|tomo|tomamos|vitaminas?|resfriado|gripe|dolor|"
               r"receta|doctor|doctora|medico)\b)")
_COSTUME = r"(?![^.?¡¿]{0,60}\b(?:halloween|disfraz|disfrazada|disfrazado|dia de muertos|catrina|fiesta|maquillaje)\b)"
_NO_REASON_TAIL = (r"(?: (?:ya|la verdad|sinceramente|honestamente|neta|la neta|en serio|de verdad|wey|wn|boludo|tio|"
                   r"parce|emoji_grave|emoji_wave))*")
_add("passive_ideation", "",
     # "no sé para qué vivo", "pa q vivo", "para qué sigo acá", "¿para qué existo?"
     r"(?<![a-z] )(?:no se_? |y |pero |entonces |es que |la verdad )?(?:para|pa) que (?:vivo|existo|naci|"
     r"sigo (?:aqui|aca|aki|viv[oa]|respirando|en este mundo|existiendo))" + _NO_REASON_TAIL + END + _ORDINARY_LATER,
     # "no tengo por qué vivir", "no tengo para qué seguir viviendo"
     r"(?:ya )?no tengo (?:por|para|pa) que (?:vivir|seguir viviendo|seguir viv[oa]|seguir aqui|seguir aca|existir)"
     + END,
     # "no tiene caso seguir", "ya no tiene caso vivir"
     r"(?:ya )?no tiene (?:ningun )?(?:caso|chiste|sentido) (?:seguir|vivir|seguir viviendo|seguir viv[oa]|seguir aqui|"
     r"seguir aca|seguir intentandolo|seguir luchando)" + _NO_REASON_TAIL + END,
     # "sin ganas de vivir", "cero ganas de vivir", "ni ganas de vivir"
     r"(?:sin|cero|ni|ningunas|nada de) ganas de (?:vivir|seguir viviendo|seguir viv[oa]|existir|seguir aqui)"
     + _NO_REASON_TAIL + END,
     # "ya no tengo fuerzas para seguir", "no me quedan fuerzas pa vivir"
     r"(?:ya )?no (?:tengo|me quedan|me queda) (?:mas )?(?:fuerzas?|energia|ganas) (?:para|pa) (?:seguir|vivir|"
     r"seguir viviendo|seguir viv[oa]|seguir aqui|seguir aca|seguir luchando|luchar)" + _NO_REASON_TAIL + END,
     # "ya no soporto vivir", "no aguanto estar viva"
     r"(?:ya )?no (?:soporto|aguanto) (?:vivir|estar viv[oa]|seguir viviendo|seguir viv[oa]|mi vida|esta vida|"
     r"seguir aqui|seguir aca|existir)" + _NO_REASON_TAIL + END,
     # "ya no quiero seguir acá"
     r"(?:ya )?no quiero seguir (?:aca|alla|en este mundo|con vida|respirando|existiendo)" + END,
     # "¿pa qué seguir?", "ya no vale la pena seguir", "me dormiré para siempre"
     r"(?<![a-z] )(?:y |pero |entonces |es que )?(?:para|pa) que seguir" + _NO_REASON_TAIL + END + _ORDINARY_LATER,
     r"(?:ya )?no vale la pena seguir(?: aqui| aca| con vida| luchando)?" + _NO_REASON_TAIL + END + _ORDINARY_LATER,
     r"(?:ya )?me (?:dormire|duermo|quedo dormid[oa]) (?:para|pa) siempre" + END,
     # "mejor me muero", "mejor ya me muero"
     r"(?<![a-z] )(?:ya )?mejor (?:ya )?me muero(?: ya| de una vez)?" + END + _ORDINARY_LATER,
     # "no me importa morir(me)", "me vale morir"
     r"(?:ya )?no me importa(?:ria)? (?:morir|morirme|estar muert[oa]|si me muero)" + END,
     r"(?:ya )?me vale (?:morir|morirme|si me muero)" + END,
     # Emoji: the grave with a want, readiness or "nobody would miss me"; the dove after rest for ever.
     rf"(?:{DESIRE}|ojala) (?:estar )?(?:en )?(?:la|el|un|una|mi) emoji_grave",
     r"emoji_grave (?:es lo (?:unico )?que (?:quiero|deseo|necesito)|ya pronto|pronto)" + END,
     r"me veo en (?:la|el|un|una|mi) emoji_grave(?: pronto| muy pronto| ya)?" + END,
     # "me quiero ir 🪦", "ya me quiero ir 🕊️"
     r"(?:ya )?(?:me quiero ir|quiero irme|me quisiera ir)(?: ya)?(?: ,)? (?:emoji_grave|emoji_end|emoji_hole)"
     + END + _COSTUME,
     r"(?:ya )?(?:estoy|toy) list[oa](?: para (?:la|el|mi))? emoji_grave" + _LIGHT_LATER + _COSTUME,
     r"nadie me (?:extranaria|echaria de menos|extrana|notaria)(?: ,)? emoji_grave",
     rf"(?:no (?:le )?(?:veo|encuentro) (?:ningun )?sentido a (?:nada|la vida|mi vida)|nada tiene sentido(?: ya)?|"
     rf"estoy (?:cansad[oa]|hart[oa]) de todo)(?: ,)? {_DEATH_EMO}" + END,
     r"(?:(?:pronto|por fin|al fin|ya) (?:voy a |me toca )?descansar|descansar para siempre|(?:voy a |quiero )?"
     r"descansar para siempre)(?: ,)? emoji_end" + END)
# "si me muero nadie se da cuenta", "si me muero a nadie le importa", "nadie me extrañaría si me voy":
# a wish put as a condition (closed: a time inside it belongs to the condition).
_add("passive_ideation", "closed",
     r"si (?:yo )?(?:me muero|me muriera|desaparezco|desapareciera|me mato|me matara|me voy para siempre) "
     r"(?:manana |hoy |ahorita |ahora )?(?:, )?(?:a )?nadie (?:le |lo |se |me )?(?:importa|importaria|nota|notaria|"
     r"da cuenta|daria cuenta|extrana|extranaria|va a extranar|va a importar|va a notar|va a dar cuenta)" + END,
     r"(?:a )?nadie (?:le |lo |se |me )?(?:importaria|notaria|daria cuenta|extranaria|echaria de menos|va a importar|"
     r"va a extranar)(?: de)? (?:, )?si (?:yo )?(?:me voy|me fuera|ya no estoy|ya no estuviera|me muero|me muriera)"
     + END)
_add("active_ideation", "method",
     # "he pensado en tomarme todas mis pastillas", "tengo ganas de tragarme todas las pastillas"
     rf"(?:{DESIRE}) {FILL}(?:comerme|tragarme|tomarme|meterme) (?:todas|todos) (?:las|los|mis) {MEANS}"
     r"(?! (?:a la misma hora|juntas|juntos|con (?:la )?comida|en ayunas|en la manana|en la noche|antes de|despues de|"
     r"como|que me|de la semana|del dia)\b)",
     # "me tomo todo el frasco"
     r"(?:ya )?me (?:tomo|trago|bebo|meto) (?:todo el|el|un|toda la|la) (?:frasco|bote|blister|caja)(?: entero| entera)?"
     + END + _LIGHT_LATER,
     # Throwing oneself, with the place as an emoji ("me voy a tirar 🌉", "me aviento 🚆").
     rf"(?:me (?:voy a|quiero|pienso|kiero) (?:tirar|aventar|lanzar|echar)|(?:{DESIRE}|voy a|pienso) (?:tirarme|aventarme|"
     r"lanzarme|echarme)|me (?:tiro|aviento|lanzo)) (?:emoji_bridge|emoji_train|emoji_building)(?: emoji_down)?"
     + END + _LIGHT_LATER,
     # Despair closed by a place emoji ("ya no aguanto 🚆", "🚆 y ya").
     r"(?:(?:ya )?no (?:puedo|aguanto|soporto|doy)(?: mas)?(?: con (?:esto|todo|nada|mi vida|esta vida))?|"
     r"(?:ya )?me (?:canse|harte) de todo|hasta aqui llegue)(?: ,)? (?:emoji_bridge|emoji_train|emoji_building)"
     r"(?: emoji_down)?" + END + _LIGHT_LATER,
     r"(?<![a-z] )(?:emoji_bridge|emoji_train|emoji_building)(?: emoji_down)? y ya" + END + _LIGHT_LATER,
     # Pills with finality ("💊💊💊💊 ya está", "💊💊 para siempre").
     r"(?:emoji_pill ){2,}(?:y )?(?:ya esta|ya fue|se acabo|hasta aqui|y ya|listo)" + END
     + _LIGHT_LATER + _DAILY_DOSE,
     r"(?:emoji_pill ){2,}(?:y )?(?:a )?(?:dormir |descansar )?para siempre",
     # "me tomo todas 💊💊💊", "me voy a tomar todo 💊"
     r"(?:ya )?me (?:tomo|trago|voy a tomar|voy a tragar|las voy a tomar|las tomo) (?:todas|todo|todas juntas)"
     r"(?: emoji_pill)+" + END + _LIGHT_LATER + _DAILY_DOSE)
_add("plan", "",
     # Readiness with the means as an emoji ("ya estoy lista 🪢", "todo listo 🪢").
     r"(?:(?:ya )?(?:estoy|toy)|(?:ya )?(?:esta )?todo|ya esta todo) list(?:[oaex])?(?: ,)? (?:emoji_rope|emoji_gun)"
     r"(?: emoji_rope| emoji_gun| emoji_grave)*" + END + _LIGHT_LATER + _COSTUME)
_add("self_injury", "",
     # The urge to cut, said with a blade or blood ("me quiero cortar 🔪"; not "… el pelo").
     r"(?:me (?:quiero|voy a|kiero|tengo que) (?:volver a )?cortar|(?:quiero|necesito|tengo ganas de) cortarme)"
     r"(?: otra vez| de nuevo)? (?:emoji_knife|emoji_razor|emoji_blood)" + END)
_add("farewell", "",
     # "pronto ya no voy a ser un problema para nadie" (like "i won't be a problem for anyone much longer")
     r"(?:(?:pronto|muy pronto|dentro de poco|ya) )?ya no (?:voy a ser|sere|vas a tener|van a tener que cargar con) "
     r"(?:un |una )?(?:problema|estorbo|carga|molestia)(?: para (?:nadie|ustedes|ti|vos|nadie mas|mi familia))?"
     r"(?: nunca mas| mas)?" + END + _ORDINARY_LATER,
     # The dove (or the end) after a goodbye, a wave between ("me voy 👋🕊️", "gracias por todo 👋🕊️").
     r"(?:ya )?me voy(?: ,)? (?:emoji_wave )*emoji_end" + END,
     r"(?:gracias por todo|perdon por todo|los quiero|los amo|adios|adios a todos|chao|chau)(?: ,)? (?:emoji_wave )+"
     r"(?:emoji_end|emoji_grave|emoji_hole)" + END)


# ------------------------------------------------------------ session 17: gone for good (lead)
# "Sería mejor que me fuera para siempre", "todos estarían mejor si desapareciera para siempre": a
# wish to be gone, as the English "it would be better if i was gone forever" (passive ideation,
# moderate); a place or a move after it ("... de este pueblo", "... a España") ends no clause, so
# it is not read.  Found when the retrained model stopped lifting the companion's Spanish opener
# "Me siento una carga para todos, sería mejor que me fuera para siempre" (session 17).
_add("passive_ideation", "",
     r"(?:seria|es|sera|estaria) mejor (?:que|si) (?:yo )?(?:me fuera|me marchara|desapareciera|me desapareciera|"
     r"me largara|ya no estuviera) para siempre" + END,
     r"(?:todos|todo el mundo|mi familia|ellos|ustedes|mis papas|mis padres|mis hijos) (?:estarian|estaran|"
     r"estaria|vivirian) mejor (?:si|cuando) (?:yo )?(?:me fuera|me marchara|desapareciera|me desapareciera|"
     r"me largara|ya no estuviera) para siempre" + END)


# Session 17 (lead): a whole box of a medicine kept put away ("tengo una caja entera de pastillas para
# dormir guardada", as the English "have ... pills saved"), poison for pests one does not have ("compré
# veneno para ratas y no tengo ratas"): a plan.  Not "... guardada en el botiquín", "... para la casa
# del pueblo".
_add("plan", "",
     rf"tengo (?:una caja entera|un frasco entero|un bote entero|una caja|un frasco|un bote|un monton|varias cajas|"
     rf"varios frascos|muchas|muchisimas) de {MEANS}(?: para (?:dormir|la ansiedad|el dolor|los nervios|la depresion))?"
     r" (?:guardad[oa]s?|escondid[oa]s?|ahorrad[oa]s?|juntad[oa]s?|acumulad[oa]s?)" + END,
     r"(?:compre|consegui|tengo|me compre) (?:veneno|raticida|matarratas|insecticida)(?: para (?:ratas|ratones|"
     r"cucarachas|plagas|hormigas|bichos))? (?:y|pero|aunque) (?:yo )?no tengo (?:ratas|ratones|cucarachas|plagas|"
     r"hormigas|bichos)" + END)


# ------------------------------------------------------------ session 19 (means reading)
# Written for the session-19 means reading (issue #14): Spanish crisis messages that show the means
# without "suicidio"/"matarme".  A cord ready where it is kept, a beam chosen or tested, pills of a
# relative counted, stolen or emptied out in front of one, medicine kept "para cuando ya no aguante",
# "suficientes para no despertar", the car with the engine running in a closed garage, a relative's gun
# with its hiding place and the thought of it all day, a blade one thinks of "usar conmigo", poison
# carried to one's room, things given away in writing once the means are at hand; emoji with the same
# readings (a place emoji with a time, a means emoji after a decision or despair); and self-harm
# severity (cuts on a new place, bleeding for a long time, numb fingers, stitching a wound oneself,
# scratches that became deep cuts).  Rungs as above (preparatory behaviour and method: Posner et al.
# 2011; Al-Halabí et al. 2016; severe self-injury high per docs/safety.md).  Every phrase was written
# for this module; look-alikes in tests/test_screening_reading_es_means_s19.py.
_MEANS19 = rf"(?:{MEANS}|pepa|pasta|pastas|(?:emoji_pill )*emoji_pill)"
# What people do with ropes, pills and poisons every day, said later in the sentence.
_ORDINARY19 = (r"(?![^.?¡¿]{0,80}\b(?:mudanza|mudamos|mudarnos|mudo|escalar|escalada|acampar|campamento|scouts?|"
               r"tender|ropa|hamaca|columpio|tratamiento|receta|doctor|doctora|medico|psiquiatra|farmacia|"
               r"pastillero|organiz\w*|vitaminas?|vacuna|viaje|vacaciones|empiezo|empezar|ratas|ratones|"
               r"cucarachas|plagas|ja(?:ja)+j?|jsjs\w*|jeje\w*|xd|lol|halloween|disfraz)\b)")
_RELATIVE19 = (r"(?:abuela|abuelo|mama|papa|madre|padre|vieja|viejo|tia|tio|hermana|hermano|padrastro|madrastra|"
               r"suegra|suegro|prima|primo|abuelita|abuelito|jefa|jefe)")
_NO_MORE19 = (r"(?:(?:por si|para cuando|para el dia (?:en )?que) (?:algun dia |un dia |ya )?no (?:aguante|aguanto|"
              r"pueda mas|puedo mas|de mas|doy mas|soporte|soporto)(?: mas)?|para cuando me decida|para el final|"
              r"para cuando llegue el momento|por si me decido|para cuando sea el momento)")
_GARAGE = r"(?:garage|garaje|cochera)"
# The start of a clause, then up to 8 words none of which warns or denies ("nunca dejes el carro ...").
_NO_WARNING19 = (r"(?:(?<=^ )|(?<=[.?¡¿,:] ))(?:(?!(?:nunca|no|jamas|peligro|peligroso|cuidado|ojo|evita|evitar)\b)"
                 rf"{W} ){{0,8}}?")
# Up to 8 words or commas, fewest first.
_GAPC8 = rf"(?:(?:{W}|,) ){{0,8}}?"
_THINK19 = r"(?:estuve|estoy|he estado|ando|sigo|llevo (?:dias|semanas|noches)) pensando en"
_WHEN_AWAY19 = (r"cuando (?:mis (?:papas|padres|viejos|jefes)|mi (?:mama|papa|vieja|viejo|familia|esposo|esposa|"
                r"pareja|novio|novia)|todos) (?:se vayan|salgan|no esten|se duerman|esten dormidos|se vaya|salga|no este|"
                r"se duerma|este dormid[oa])")
_BODY19 = (r"(?:cuello|cara|abdomen|estomago|panza|barriga|pecho|pechos|senos|ingle|muslo|muslos|pierna|piernas|"
           r"tobillo|tobillos|costillas|espalda|garganta|muneca|munecas|antebrazo|antebrazos|brazo|brazos|cadera)")
# Self-injury told as an accident or grooming in the same sentence (see _analyse): "me caí de la bici y
# me corté la pierna", "me afeité y me corté con la gillette", "me corté en el cuello afeitándome".
_SH_ACCIDENT_BEFORE19 = re.compile(r" (?:me cai|caida|accidente|bici|bicicleta|moto|patinando|skate|cocinando|picando|"
                                   r"pelando)(?= )")
_SH_GROOMING19 = re.compile(r" (?:afeit\w*|rasur\w*|depil\w*|me (?:corte|corto) (?:tanto|demasiado|tan|muy) (?:el pelo|"
                            r"el cabello|la barba|el fleco|el flequillo|las unas|las puntas))(?= )")
_SH_ON_PURPOSE19 = re.compile(r" (?:a proposito|adrede|para sentir|para castigarme|para no sentir|cuchilla|cuchillas|"
                              r"otra vez|de nuevo|recai|autolesion\w*)(?= )")
# A cord or pills named in a plan, with what people ordinarily do with them in the same sentence ("ya
# tengo la cuerda, el sábado nos mudamos", "la soga ya está lista en la mochila para escalar", "junté
# muchas pastillas para donar a la clínica"): see _analyse.
_CORD_WORDS19 = frozenset({"soga", "sogas", "cuerda", "cuerdas", "mecate", "lazo", "cabuya", "reata", "emoji_rope"})
_CORD_ORDINARY19 = re.compile(r" (?:mudanza|mudamos|mudarnos|mudarme|me mudo|nos mudamos|escalar|escalada|rapel|"
                              r"acampar|campamento|camping|scouts?|tendedero|tender|hamaca|columpio|barco|velero|"
                              r"lancha|caballo|amarrar (?:las cajas|el colchon|la carga))(?= )")
_PILL_WORDS19 = frozenset(re.findall(r"[a-z]+", "pastillas pastilla pildoras capsulas comprimidos tabletas "
                                                "medicamentos medicinas remedios pastis pepas"))
_PILL_ORDINARY19 = re.compile(r" (?:donar|donarlas|donarlos|donacion|reciclar|reciclarlas|punto limpio|"
                              r"devolverlas a la farmacia|devolverlos a la farmacia|(?:pastillas|pastilla|pastis) de "
                              r"(?:menta|chicle|caldo|jabon|cloro|freno|frenos|colores))(?= )")
_NOT_FOR19 = re.compile(r" no (?:es|son|era|eran|sera) para ")  # "y no es para escalar": the ordinary use denied
# A pictograph that the Spanish tables do not read ("hoy 🌉🚗": a trip).
_OTHER_PICTO19 = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_NOT_GROOMING = r"(?![^.?¡¿]{0,60}\b(?:afeit\w*|rasur\w*|depil\w*|cocin\w*|pelo|cabello|barba)\b)"

_add("plan", "",
     # A cord ready, hidden or chosen a place for ("la cuerda está lista en mi cuarto").
     r"(?:la|mi|el) (?:soga|cuerda|emoji_rope|mecate) (?:ya )?(?:esta|sigue|quedo) (?:list[oa]|preparad[oa]) "
     r"(?:en|debajo|bajo|dentro|detras)" + _CORD_LATER_NOT + _ORDINARY19,
     r"(?:tengo|guardo|escondi|tengo escondida) (?:una|la|mi) (?:soga|cuerda|mecate) (?:escondida )?(?:debajo de|bajo) "
     r"(?:la cama|el colchon|mi cama|mi colchon)" + _CORD_LATER_NOT + _ORDINARY19,
     rf"(?:ya )?tengo (?:el|la|un|una|mi) {_CORD} {gap(2)}(?:, )?y (?:ya )?se_? (?:de |en )?donde (?:colgarl[oa]|"
     r"amarrarl[oa]|atarl[oa])" + _CORD_LATER_NOT + _ORDINARY19,
     rf"(?:ya )?(?:escogi|elegi|encontre) (?:la|una) (?:viga|rama) (?:(?:del|de la|de mi|en el|en la) {W} ){{1,2}}?"
     r"(?=[.,?¡¿:] |$)"
     + _ORDINARY19,
     r"(?:ya )?probe si (?:la viga|la rama|la barra|el ventilador|el tubo|la regadera|la cuerda|la soga|el cinturon|"
     r"el barrote) (?:aguanta|resiste|soporta)(?: mi peso)?" + END,
     # Bought "and it isn't for any move".
     rf"(?:compre|consegui|me compre) {gap(2)}(?:soga|cuerda|mecate|emoji_rope|{MEANS}|{POISON}) {gap(2)}(?:, )?(?:y )?"
     r"no (?:es|son) para (?:ninguna|ningun|lo que (?:crees|creen|piensas|piensan)) ?\w*" + END
     + r"(?! , (?:es|son) para)(?![^.?¡¿]{0,60}\b(?:tendedero|hamaca|columpio)\b)" + _ORDINARY19,
     # Pills of a relative counted, stolen, kept after a death.
     rf"(?:las|los) de mi {_RELATIVE19} (?:ya )?(?:las|los) (?:tengo escondid[oa]s|estoy juntando|voy juntando|"
     r"escondi)" + _MEANS_HIDE_NOT,
     rf"(?:me |le )?robe {gap(1)}{_MEANS19}(?: de (?:mi|mis) {W})? {_GAPC8}(?:y )?(?:ya )?l[oa]s (?:tengo|guarde|"
     r"escondi|meti) (?:en|debajo|bajo|dentro)" + _MEANS_HIDE_NOT,
     rf"me quede con {gap(1)}{_MEANS19} de (?:mi|mis) {W} {_GAPC8}(?:y )?l[oa]s tengo (?:guardad|escondid)[oa]s"
     + END + _MEANS_HIDE_NOT,
     # Medicine kept for the day one can't go on.
     rf"{MEANS_NP} {gap(5)}(?:l[oa]s? )?(?:tengo (?:guardad|escondid)[oa]s?|guardo|guarde|escondi|escondo) {gap(3)}"
     + _NO_MORE19,
     rf"(?:tengo (?:guardad|escondid)[oa]s?|guardo|guarde|escondi|escondo) {gap(2)}{MEANS_NP} {gap(5)}" + _NO_MORE19,
     rf"{_BLADE} {gap(5)}(?:guardad|escondid)[oa]s? {gap(5)}" + _NO_MORE19,
     # A number of pills hidden ("tengo 60 pastillas de mi mamá escondidas").
     rf"tengo (?:como |unas |mas de |casi )?{NUM10} {MEANS}(?: de (?:mi|mis|la|el) {W})? (?:escondid|juntad|ahorrad|"
     r"acumulad)[oa]s" + _MEANS_HIDE_NOT,
     # Pills emptied out in front of one.
     rf"(?:ya )?(?:vacie|eche|acomode|puse|tengo|saque) (?:todas las|todas mis|todo el frasco de|un monton de|un punado de|"
     rf"{NUM10}) {MEANS}(?: de {W})? (?:en|sobre) (?:la|mi|el) (?:mesa|cama|escritorio|mano|buro)(?: frente a mi)?"
     r"(?![^.?¡¿]{0,60}\b(?:organiz\w*|pastillero|semana|dias|receta|contar|ordenar|cay\w*|recog\w*|tire)\b)",
     # Enough "to not wake up".
     r"(?:suficientes|bastantes|las necesarias|las que necesito|las que hacen falta) (?:para|de) (?:no despertar|"
     r"no volver a despertar|no despertarme|dormir para siempre|que sea mortal|no sobrevivir)" + END,
     # The car with its engine running in a closed garage.
     rf"{_NO_WARNING19}{_GARAGE} cerrad[oa] {gap(4)}(?:, )?(?:con )?(?:el )?(?:motor|carro|coche|auto) (?:prendido|encendido|andando|"
     r"en marcha|corriendo)(?![^.?¡¿]{0,60}\b(?:nunca|peligro|peligroso|calentando|mecanico|taller)\b)",
     rf"{_NO_WARNING19}(?:motor|carro|coche|auto) (?:prendido|encendido|andando|en marcha|corriendo) {gap(4)}{_GARAGE} "
     r"cerrad[oa]"
     r"(?![^.?¡¿]{0,60}\b(?:nunca|peligro|peligroso|calentando|mecanico|taller)\b)",
     rf"(?:{DESIRE}|{_THINK19}) {gap(2)}(?:el|mi) (?:carro|coche|auto) (?:y|en) (?:la|el|mi) {_GARAGE} cerrad[oa]",
     rf"cuanto (?:tiempo )?(?:tarda|se tarda|demora|tardaria) {gap(3)}(?:gas|humo|monoxido) {gap(4)}{_GARAGE}"
     r"(?: cerrad[oa])?" + END,
     # A relative's gun, where it is kept, thought of all day.
     rf"(?:pistola|arma|revolver|escopeta|rifle) {_GAPC8}(?:y )?(?:ya )?se_? (?:donde|en donde|en que {W}) (?:la|lo) "
     rf"(?:guarda|tiene|esconde|deja|guardan|tienen) {gap(1)}(?:, )?(?:y )?(?:no (?:dejo|paro) de pensar en (?:eso|ella|"
     r"usarla)|(?:estoy|ando) pensando en (?:eso|ella|usarla)|pienso en (?:eso|ella|usarla))",
     # The blade thought of for oneself.
     rf"(?:{_BLADE}|{MEANS_OBJ}|cuchillo) {gap(10)}(?:pensar en|pienso en|pensando en|ganas de|quiero|voy a) "
     r"usarl[oa]s? (?:conmigo|contra mi|en mi)(?: mism[oa])?" + END,
     # Poison bought and taken to one's room.
     rf"(?:compre|consegui|me compre) (?:el |un |una )?(?:{POISON}|veneno para ratas)(?: para (?:ratas|ratones|"
     rf"cucarachas|plagas|hormigas|bichos))? {gap(2)}y l[oa] (?:tengo|guarde|escondi|meti) (?:en|debajo de|bajo) "
     r"mi (?:cuarto|pieza|habitacion|mochila|cajon|closet|armario|buro|mesita|cama)"
     r"(?![^.?¡¿]{0,60}\b(?:porque|ahi (?:hay|estan|salen|vi)|donde (?:hay|estan|salen|vi)|ratas|ratones)\b)",
     # Things given away in writing once the means are at hand.
     rf"(?:ya )?tengo {MEANS_NP} {gap(3)}(?:, )?y (?:ya )?(?:escribi|deje escrito|anote|hice una lista de) "
     r"(?:que hacer con|a quien (?:le |les )?(?:dejo|van|quedan)|quien se queda con|para quien son) (?:mis cosas|todo)",
     rf"(?:ya )?(?:escribi|deje escrito|anote|hice una lista de) {gap(1)}(?:que hacer con|a quien (?:le |les )?"
     r"(?:dejo|van|quedan)|quien se queda con|para quien son) (?:mis cosas|todo|todas mis cosas)(?: ,)? (?:y )?"
     rf"(?:ya )?tengo {MEANS_NP}",
     # Going to the place with everything put in order.
     rf"(?:voy|me voy|ire) (?:al|a la|a las) (?:puente|azotea|vias|acantilado|viaducto|ultimo piso)(?: {W})?(?: ,)? "
     r"(?:y )?ya (?:deje|tengo|esta|quedo) (?:todo )?(?:ordenado|arreglado|listo|en orden|resuelto)" + _LIGHT_LATER,
     # The means in hand, with a time ("ya tengo las pepas, el sábado cuando mis viejos se vayan").
     rf"ya tengo {MEANS_NP}(?: ,)? (?:y )?(?:{TIME}|{_WHEN_AWAY19})(?: {_WHEN_AWAY19})?" + END + _ORDINARY19
     + _DAILY_DOSE,
     # Going to the bridge or the roof night after night to stare down.
     rf"(?:todas las noches|cada noche|todos los dias|cada dia|otra vez|de nuevo|siempre) (?:voy|subo|me voy|me subo) "
     rf"(?:al|a la|a las) (?:puente|azotea|vias|viaducto|techo|acantilado|ultimo piso)(?: {W})? (?:y )?me quedo "
     rf"(?:{STARING})" + END + _LIGHT_LATER,
     # Pills gathered in numbers.
     rf"(?:ya )?(?:junte|he juntado|llevo juntando|estoy juntando|sigo juntando) (?:muchas|un monton de|bastantes|"
     rf"suficientes|todas las|un punado de|{NUM10}) {_MEANS19}" + _ORDINARY19 + _MEANS_HIDE_NOT
     + r"(?![^.?¡¿]{0,60}\b(?:donar|donacion|reciclar|devolver)\b)")

_add("plan", "weak",
     # "las de mi abuela las tengo contadas": counted, beside other crisis language.
     rf"(?:las|los) de mi {_RELATIVE19} (?:ya )?(?:las|los) (?:tengo contad[oa]s|conte|he contado|tengo separad[oa]s)"
     + _MEANS_HIDE_NOT)
_add("active_ideation", "method bare",
     # A bare time and a place emoji ("hoy 🌉"): no other pictograph beside it (see _analyse).
     rf"(?<=^ ){_EMO_TIME} (?:emoji_bridge|emoji_building)(?: emoji_down)?(?= $)")
_add("active_ideation", "method",
     # Sitting on the tracks to see whether the train comes.
     r"me (?:sente|acoste|pare|quede|tire) (?:en|sobre) las vias (?:a ver si|hasta que|para ver si|esperando que|"
     r"esperando a ver si) (?:pasaba|pasa|venia|viene|llegaba|llega) (?:el )?tren",
     # Drinking poison.
     rf"(?:voy a|quiero|pienso|me voy a) (?:tomarme|tragarme|beberme) (?:el|la|un|una|toda la|todo el) "
     rf"(?:(?:botella|bote|vaso|frasco|galon) (?:de |del )?)?{POISON}"
     r"(?![^.?¡¿]{0,60}\b(?:dioxido|mms|limpiar|piscina|alberca)\b)",
     # All that one has kept, tonight.
     r"me (?:tomo|trago|voy a tomar|voy a tragar) (?:todo lo|todas las|todos los) que (?:tengo|he|tenia) "
     r"(?:guardad|juntad|ahorrad|escondid)[oa]s?" + END,
     # Emoji: the means after a decision, despair or "nobody will notice".
     r"(?:emoji_bridge|emoji_building)(?: emoji_down)? (?:y )?(?:adios|chao|chau|bye|me despido|hasta nunca)" + END
     + _LIGHT_LATER,
     rf"(?:ya )?(?:tengo (?:el|la|mi|las|los)|decidi|lo decidi|me decidi|ya lo decidi|voy a hacerlo|lo voy a hacer|"
     rf"lo hago|es hoy)(?: ,)? (?:{_MEANS_EMO}|emoji_bridge|emoji_building)(?: {_MEANS_EMO}| emoji_grave| emoji_down)*"
     + END + _LIGHT_LATER + _COSTUME,
     rf"(?:{_MEANS_EMO} )+(?:ya )?no (?:puedo|aguanto|soporto|doy)(?: mas)?" + END + _LIGHT_LATER + _DAILY_DOSE,
     rf"(?:{_MEANS_EMO} )+{_EMO_TIME} (?:no falla|si o si|sin falta|va en serio|ya no hay vuelta atras)" + END,
     rf"{_MEANS_EMO} de mi {_RELATIVE19}(?: ,)? {_EMO_TIME}" + END,
     r"(?:emoji_pill ){2,}(?:ya )?(?:las conte|las tengo|las junte|ya casi|tengo las que necesito)" + END
     + _LIGHT_LATER + _DAILY_DOSE,
     rf"nadie (?:va a|se va a) (?:notar|dar cuenta|extranar)(?:me)?(?: ,)? (?:{_MEANS_EMO} ?)+" + END)

_add("passive_ideation", "",
     r"(?<=^ )(?:emoji_grave ){1,}(?:ya )?(?:quiero|pronto|ya merito|ya casi)" + END + _COSTUME)
_add("farewell", "",
     r"(?:mis cosas|todo lo mio|mi ropa|mis libros) (?:se las|se lo|se los|le|les) (?:dejo|quedan|queda) a (?:mi|mis) "
     r"\w+ (?:emoji_grave|emoji_end|emoji_hole)" + END + _COSTUME)

# Self-harm severity.
_add("self_injury", "severe alone",
     # Cuts on a new place ("esta vez me corté en el cuello", "empecé a cortarme en el abdomen").
     rf"{_NO_ACCIDENT_BEFORE}(?:esta vez |ahora |ahora tambien |ya tambien |tambien )?(?:me corte|me corto|me estoy "
     r"cortando|me empece a cortar|me lastime|me queme) (?:tambien )?en (?:un lugar nuevo|otro lugar|otra parte|"
     r"otro sitio|lugares nuevos|partes nuevas|sitios nuevos|una parte nueva|una zona nueva)" + _ACCIDENT_LATER_NOT
     + _NOT_GROOMING,
     rf"{_NO_ACCIDENT_BEFORE}(?:esta vez|ahora|ahora tambien|ya tambien|empece a|comence a|ahora me da por) "
     rf"(?:me corte|me corto|me estoy cortando|cortarme|me queme|quemarme) (?:tambien )?en (?:el|la|los|las|mi|mis) "
     rf"{_BODY19}" + _ACCIDENT_LATER_NOT + _NOT_GROOMING,
     rf"{_NO_ACCIDENT_BEFORE}me corte en (?:el|la|mi) (?:cuello|garganta)" + _ACCIDENT_LATER_NOT + _NOT_GROOMING,
     # Scratches that became deep cuts.
     r"ya no (?:son|eran|es) (?:rasgunos|rayitas|rayones|aranazos|cortes superficiales|superficiales)(?: ,)? "
     r"(?:ahora )?(?:son )?(?:cortes )?(?:profundos|hondos|de verdad)",
     r"antes (?:eran|era|solo eran|solo hacia|me hacia) (?:solo )?(?:rasgunos|rayitas|rayones|aranazos|cortes "
     r"superficiales|superficiales)(?: ,)? (?:y )?ahora (?:son|necesito|me corto|me hago|sangra|sangran|tienen que)"
     r"(?![^.?¡¿]{0,60}\b(?:gato|gata|perro|perrita|gatito)\b)",
     r"(?:los )?cortes (?:cada vez )?mas (?:profundos|hondos|grandes|seguidos) cada (?:semana|dia|vez|noche)",
     # Stitching a wound oneself.
     r"me cosi (?:yo (?:sol[oa]|mism[oa]) )?(?:la herida|el corte|los cortes|la cortada|las heridas)"
     + _ACCIDENT_LATER_NOT,
     r"me cosi yo (?:sol[oa]|mism[oa])" + END + _ACCIDENT_LATER_NOT,
     # A blade opening the skin ("me abrí el brazo con una gillette").
     rf"me (?:abri|raje) (?:el|la|los|las|mi|mis) {_BODY19} con (?:una|la|el|un|mi) {_BLADE}" + _NOT_GROOMING,
     # Not being able to stop ("no paro de cortarme") with blood everywhere.
     r"sangre por (?:todos lados|todas partes)(?: ,)? (?:y )?no (?:paro|puedo parar|puedo dejar) de (?:cortarme|"
     r"lastimarme|hacerme cortes)")
_add("self_injury", "",
     r"no (?:paro|puedo parar|puedo dejar|logro dejar) de (?:cortarme|lastimarme|quemarme|hacerme cortes|hacerme dano)"
     r"(?! (?:el|la|los|las|sin querer)\b)")
_add("self_injury", "severe",
     # Bleeding for a long time, towels filled, numb fingers, weakness (with self-injury said).
     r"(?:esta|sigue|estoy|sigo|esta todavia) sangrando (?:mucho|muchisimo|un monton|demasiado|sin parar|todavia|"
     r"desde (?:anoche|hace|ayer|la manana|la tarde)|hace (?:rato|una hora|horas|mucho))",
     r"(?:y )?(?:sigue|todavia|aun) (?:esta )?sangr(?:ando|a)(?: ,)?(?: ya)? (?:van|llevo|lleva) (?:\d+|una|dos|tres|"
     r"media) (?:minutos|hora|horas)",
     r"no para la sangre (?:del|de la|de mi|de los|de las) \w+(?: ,)? (?:ya )?(?:van|llevo|lleva) (?:\d+|una|dos|"
     r"tres|media) (?:minutos|hora|horas)",
     r"(?:llene|empape|gaste|manche) (?:dos|tres|cuatro|\d+|varias|un monton de) (?:toallas|sabanas|vendas|gasas|"
     r"camisetas|playeras|rollos de papel)(?: de sangre)?",
     r"se me (?:durmieron|durmio|entumieron|entumio) (?:los dedos|la mano|el brazo|la muneca)|"
     r"(?:ya )?no (?:siento|puedo mover) (?:los dedos|la mano|el brazo|la muneca)",
     r"me siento (?:muy |super |bien )?(?:debil|mareado|mareada)(?! (?:de|por) (?:hambre|la gripe|el calor))",
     r"emoji_blood(?: emoji_blood)* (?:no para|no se detiene|no deja de salir|no se para)",
     r"(?:perdi|he perdido) (?:mucha|demasiada|un monton de) sangre")


# Session 19, second pass (fresh probes): a gun at home while alone, a relative's sedatives stolen, charcoal
# with no grill, the means in a bag on the way to a lonely place, a cord "la tengo atada a la viga", half
# a bottle swallowed, standing on the bridge "ya es hora", almost throwing oneself from the platform;
# stitches explained away, a cut more every night, cutting until dizzy.
_GUN19 = r"(?:la pistola|el arma|el revolver|la escopeta|el rifle|emoji_gun)"
_add("plan", "",
     rf"{_GUN19}(?: de mi {_RELATIVE19})? (?:esta|sigue) {gap(4)}(?:, )?y (?:hoy|esta noche|ahorita|ahora|todo el dia|"
     r"el finde|este finde) (?:no hay nadie|estoy sol[oa]|me quedo sol[oa]|nadie esta|no esta nadie)(?: en (?:la |mi )?casa| aqui| aca)?" + END
     + r"(?![^.?¡¿]{0,60}\b(?:roben|robar|ladron\w*|rateros|miedo)\b)",
     rf"(?:ya )?se_? (?:donde|en donde|en que {W}) (?:guarda|tiene|esconde|deja) (?:mi|el) {_RELATIVE19} {_GUN19} "
     rf"{gap(1)}(?:, )?(?:y )?(?:no (?:dejo|paro) de pensar en (?:eso|ella|usarla|usarlo)|(?:estoy|ando) pensando en "
     r"(?:eso|ella|usarla|usarlo)|pienso en (?:eso|ella|usarla|usarlo))",
     rf"(?:me |le )?robe (?:el|la|los|las|unos|unas|un|una) {_PSYCH}(?: de (?:mi|mis) {_RELATIVE19})?" + END,
     r"(?:compre|consegui|tengo|me compre) (?:carbon|un anafre|un brasero) {gap(2)}(?:y|pero|aunque) (?:yo )?no tengo "
     r"(?:parrilla|asador|chimenea|donde asar|anafre)".replace("{gap(2)}", gap(2)) + END
     + r"(?![^.?¡¿]{0,60}\b(?:presta\w*|asado|asar|carne|parrillada|compro|comprar)\b)",
     rf"tengo {MEANS_NP} en (?:la|mi) (?:mochila|bolsa|bolso|cartera)(?: ,)? (?:y )?(?:voy|me voy|ya voy|ya me voy) "
     r"(?:al|a la|a las) (?:bosque|monte|cerro|puente|azotea|vias|rio|barranco|acantilado)" + END + _ORDINARY19,
     rf"{_CORD_NO_BENIGN_BEFORE}(?:la|el|mi) {_CORD} (?:ya )?l[oa] (?:tengo|deje) (?:atad|amarrad|colgad)[oa] "
     rf"(?:a|al|en|de|del) {_TIE_POINT}" + _CORD_LATER_NOT)
_add("attempt_in_progress", "",
     rf"me (?:tome|trague|bebi|meti) (?:la mitad|medio|casi todo|casi toda|mas de la mitad) (?:del|de la) (?:frasco|bote|"
     rf"caja|blister|botella|tira) de {MEANS}",
     r"(?:estoy|ya estoy|aqui estoy) (?:en|arriba de|sobre) (?:el puente|la azotea|las vias|el techo|la cornisa|"
     r"el viaducto|el acantilado|la orilla del anden|el borde)(?: ,)? (?:y )?(?:ya es hora|llego la hora|es el momento|"
     r"ya no hay vuelta atras|ya me voy)" + END)
_add("active_ideation", "method",
     rf"(?:anden|vias|tren|metro|puente|azotea|balcon|ventana|cornisa) {_GAPC8}(?:y )?casi me (?:aviento|tiro|lanzo|"
     r"echo|avente|tire|lance|arroje)(?= [.,?¡¿:] | $| (?:al|a las|del|desde|por|abajo)\b)" + _LIGHT_LATER)
_add("self_injury", "severe",
     rf"(?:puntos|urgencias|me cosieron|sutura|la guardia) {_GAPC8}(?:y )?(?:dije|les dije|le dije|conte|invente) que "
     r"(?:fue )?(?:un accidente|sin querer|el gato|el perro|con un vidrio|me cai)")
_add("self_injury", "severe alone",
     r"(?:cada|todas las) (?:noche|dia|vez|semana|noches|dias) me (?:hago|hice) (?:un|otro) corte mas" + _SH_NOT_AFTER,
     r"me hago (?:un|otro) corte mas cada (?:noche|dia|vez|semana)" + _SH_NOT_AFTER,
     rf"{_NO_ACCIDENT_BEFORE}me (?:corte|lastime|queme) tanto que (?:me maree|me mare|me desmaye|casi me desmayo|perdi el "
     r"conocimiento|no paraba de sangrar|sangre muchisimo|se me nublo la vista)" + _ACCIDENT_LATER_NOT)

# ------------------------------------------------------------ session 18 (lead)
# Read until a retraining of the shipped model stopped lifting them (p 0.90-0.95): no fear of dying
# left ("ya no le tengo miedo a morir", as the English "i'm not afraid to die anymore": passive
# ideation); one's fate said to be suicide ("pienso que mi destino es morir por suicidio": active
# ideation, as the English "my destiny is to die by suicide" now is) or death (passive); leaving for
# good with the others' missing one not mattering ("me voy para siempre, si me extrañan ya da igual").
_add("passive_ideation", "",
     r"(?:ya )?no (?:le )?tengo (?:nada de |ningun )?miedo (?:a|de) (?:morir|morirme|la muerte|estar muert[oa])"
     r"(?: ya| nunca mas| nada)?" + END,
     r"(?:ya )?(?:perdi|se me fue|se me quito) el miedo (?:a|de) (?:morir|morirme|la muerte)" + END,
     r"mi destino es (?:morir|morirme|estar muert[oa]|desaparecer)(?: joven| pronto| sol[oa])?" + END,
     r"me voy para siempre(?: ,)? (?:y )?(?:si|aunque) (?:me )?(?:extranan|extranen|extrañan|lloran|buscan)"
     r" (?:ya )?(?:da igual|me da igual|no importa|ya no importa|da lo mismo)")
_add("active_ideation", "",
     r"mi destino es (?:morir por suicidio|suicidarme|matarme|quitarme la vida|acabar con mi vida)")


# ------------------------------------------------------------ session 19 (intensity and farewell reading)
# Issue #14, session 19 (es-turns reading; tests in test_screening_reading_es_turns_s19.py). Phrases
# written for this reading. Not wanting to go on living said with "vivo/viva" ("ya no quiero seguir
# viva"); not bearing one more day of this life; emphasis that denies drama ("no es un drama", "no lo
# digo por drama") or closes with "ahora sí"; a note's past tense ("perdónenme, ya no podía más", "los
# quise mucho a todos"); "si están leyendo esto ya no estoy"; things given away because nothing is
# needed any more.  Look-alikes kept down: "me cansé de vivir en este pueblo" is not read here (the
# place follows), a love said to an ex ("te quise mucho") is not a farewell, "no es su culpa" is weak.
_add("passive_ideation", "",
     r"(?:ya )?no quiero (?:seguir|estar|continuar) (?:viv[oa]|con vida)(?: ya| mas| nunca mas)?" + END,
     r"(?:ya )?no (?:aguanto|soporto) (?:ni )?un (?:dia|minuto|segundo|ano) mas (?:esta vida|de esta vida|con esta vida|"
     r"vivir|seguir viviendo|seguir viv[oa]|estar viv[oa]|existir|en este mundo)" + END)
_add("intensity", "",
     r"(?:esto |y )?no es (?:un|ningun|ningún) (?:drama|chiste|juego|berrinche)" + END,
     r"no (?:lo digo|te lo digo|les digo esto) (?:por|para hacer) (?:drama|dramatizar|llamar la atencion)|"
     r"no estoy (?:dramatizando|haciendo drama)",
     r"(?:y )?ahora si(?: que si)?" + END,
     # Emphasis before the statement: "en serio ya no doy más, no quiero vivir".
     r"(?:en serio|enserio|de verdad|de veras|la neta|posta)(?: ,)?(?= (?:ya )?no (?:quiero|puedo|aguanto|doy|soporto)\b)")
# A note's past tense and its apologies: weak alone (a song, a break-up), a farewell two together.
_add("farewell", "weak",
     r"(?:los|las|os|les) (?:quise|ame|quisimos) (?:mucho|muchisimo|un monton|tanto|de verdad|con todo mi corazon)"
     r"(?: a todos| a todas)?",
     r"quise (?:despedirme|decirles adios|decirles que los quiero)(?: bien| de (?:ustedes|todos|ti))?",
     r"(?:y )?(?:que )?no (?:es|fue) (?:su|vuestra) culpa" + END,
     r"perdon(?:enme|adme)" + END)
_add("farewell", "",
     r"(?:perdon(?:enme|ame|adme)|perdon|lo siento)(?: por todo)?(?: ,| \.)? (?:pero )?(?:ya )?no (?:podia|aguantaba|"
     r"soportaba|pude aguantar) mas" + END,
     rf"(?:si|cuando) (?:estan|estas|esten|estes|alguien esta|alguien este) leyendo esto {gap(2)}(?:es (?:porque|que) )?"
     r"(?:ya )?(?:no (?:estoy|este|existo|sigo) (?:aqui|aca|viv[oa]|en este mundo|con ustedes)|me fui|estoy muert[oa]|"
     r"me mate|es (?:demasiado )?tarde)",
     rf"{_GIVE} {gap(12)}(?:, )?(?:porque |total |ya que )?ya no me (?:hace|hacen|va a hacer|van a hacer) falta"
     r"(?: nada| nada de eso)?" + _NOT_REPLACED + END)
# Affairs settled or goodbyes said, then "hoy es la noche": a preparation with its time (C-SSRS
# preparatory behaviour; the time makes it a plan). Not for a party or a trip ("ya arreglé todo para
# el viaje, hoy es la noche").
_add("plan", "",
     r"ya (?:arregle|deje arreglado|organice|deje en orden|puse en orden|deje listo|me despedi de) "
     r"(?:todo|todos|todas mis cosas|mis cosas|mis asuntos|todo el mundo)"
     r"(?: ,| \.| y)? (?:(?:hoy|esta) es la noche|hoy es el dia|ya es (?:la )?hora|llego el momento)" + END,
     r"(?:(?:hoy|esta) es la noche|hoy es el dia)(?: ,| \.| y)? (?:ya (?:arregle|deje arreglado|organice|deje en orden|"
     r"me despedi de) (?:todo|todos|mis cosas|mis asuntos|todo el mundo)|(?:los|las|os|les) (?:quise|ame) (?:mucho|"
     r"muchisimo|un monton|de verdad|con todo mi corazon)(?: a todos| a todas)?|perdon(?:enme|adme)(?: por todo)?)" + END)
_add("intensity", "",
     r"(?:esta vez )?(?:va|es|lo digo|hablo) enserio|esta vez (?:es|va) (?:de verdad|de veras|en serio|enserio)",
     r"(?:y )?esta vez no me (?:van|vas) a (?:convencer|hacer cambiar)")
_add("farewell", "weak",
     r"ya no (?:voy a|vuelvo a) (?:molestar|estorbar)(?: a nadie)?(?: mas| nunca mas)?" + END)

# Other ways of saying it, found when the corpus lines for this reading were checked: no wish to go on
# with one's life, no will or point left in living, eyes closed for good, sleep with no tomorrow.
_add("passive_ideation", "",
     r"(?:ya )?no quiero seguir con (?:mi|esta) vida" + END,
     # Not a place or a way of living after it ("... de vivir en esta ciudad", "... a vivir sola").
     r"(?:ya )?no me (?:dan|quedan|vienen) ganas de (?:vivir|seguir viviendo|seguir viv[oa]|estar viv[oa])"
     r"(?! (?:en|aqui|aca|alla|con|asi|de|sol[oa]|sin|lejos|cerca|ahi|por|para)\b)",
     r"(?:ya )?no le (?:hallo|encuentro|veo) (?:caso|sentido) a (?:vivir|la vida|seguir viviendo|seguir viv[oa]|"
     r"estar viv[oa]|existir)(?! (?:en|con|de|aqui|aca|alla|lejos|cerca|sol[oa]|sin)\b)",
     rf"(?:cerrar|cierro|cerraria) los ojos {gap(3)}(?:y )?que (?:fuera|sea) para siempre",
     r"no (?:quiero |quisiera )?(?:volver a )?abrir (?:los|mis) ojos (?:nunca mas|nunca|jamas)" + END,
     r"(?:dormir|dormirme) (?:y )?(?:que|q) (?:ya )?no (?:haya|exista|llegue) (?:un |otro )?manana",
     r"(?:ya )?no (?:aguanto|soporto) (?:ni )?(?:una|un) (?:semana|hora|mes) mas (?:esta vida|de esta vida|con vida|"
     r"vivir|viv[oa]|existir|en este mundo)(?! (?:en|aqui|aca|alla|con|asi|de|sol[oa]|sin|lejos|cerca|por|para)\b)")
_add("farewell", "",
     # The note's imperfect ("no podía más"); "no pude más" only with "ya" (not "perdón, no pude más, me salí").
     rf"(?:perdon(?:en|enme|ame|adme)?|lo siento)(?: {W}){{0,6}}(?: ,| \.)? (?:pero )?(?:(?:ya )?no (?:podia|aguantaba|"
     r"soportaba)|ya no pude) mas(?: con esto| con todo| con la vida| con mi vida)?" + _FW_END,
     r"(?:de mi )?ya no (?:van|vas|vais) a (?:tener noticias|saber nada|saber)(?: de mi)?(?! (?:en|por|durante|hasta|"
     r"hasta que|el|la|este|esta|unos|unas)\b)" + END,
     rf"{_GIVE} {gap(12)}(?:, )?(?:porque |total |ya que )?(?:a |para )?donde voy no (?:me )?(?:hacen|hace|van a hacer|"
     r"va a hacer) falta" + _FW_END,
     rf"(?:digan|diganle|decidle|dile|decile|diganles) (?:a )?{gap(3)}que (?:la|lo|los|las) (?:quise|ame) "
     r"(?:mucho|muchisimo|siempre|con todo mi corazon)" + _NOT_LATE,
     r"(?:este|esta) es mi (?:ultimo audio|ultimo estado|ultima historia|ultimo mensaje de voz)"
     + _FW_END,
     r"pronto (?:ya )?(?:dejo|voy a dejar) de (?:pesarles|ser una carga|ser un estorbo|estorbarles|estorbar)"
     r"(?: a (?:todos|nadie|ustedes))?" + END,
     rf"me despedi de {gap(3)}sin que (?:(?:ella|el_?|ellos|ellas|nadie|lo|la|se) )?(?:supiera|supieran|sepa|sepan|"
     r"se diera cuenta|se dieran cuenta|sospechara|sospecharan)"
     r"(?![^.?¡¿]{0,80}\b(?:viaje|viajar|mud\w*|otro pais|otra ciudad|intercambio|trabajo|sorpresa|fiesta|me iba a|"
     r"porque|pq|xq|ya que|terminal|aeropuerto|estacion|llorar)\b)")
_add("farewell", "weak",
     r"(?:ahora si |ya )(?:me )?puedo ir (?:en paz|tranquil[oa])" + END,
     r"si alguien (?:encuentra|lee|ve) esto")

# ------------------------------------------------------------ session 19 (lead)
# Pills counted again and found to be enough ("conté las pastillas otra vez. creo que son suficientes"),
# as the English "counted them out. that should be enough": a plan.  The shipped model lifted it until
# session 19's look-alikes of counting pills for a prescription taught it otherwise; "... suficientes
# para el mes" says what they are enough for and is not read.
_add("plan", "",
     r"(?:conte|volvi a contar|estoy contando|cuento|ya conte) (?:otra vez |de nuevo )?(?:las|mis|todas las) "
     r"(?:pastillas|pastis|medicinas|pildoras|tabletas|capsulas)(?: otra vez| de nuevo)?(?: [.,;])? (?:y )?"
     r"(?:creo que |ya |yo creo que )?(?:son|hay|tengo|me alcanzan|alcanzan|ya son) (?:suficientes|bastantes|"
     r"las suficientes|mas que suficientes)" + END)


# Not caring enough about living to go on ("ya no me importa lo suficiente como para seguir viviendo", as
# the English "i don't care enough to keep living"): a wish to be dead (moderate).  The retrained model
# stopped lifting it (session 19).
_add("passive_ideation", "",
     r"(?:ya )?no me importa (?:lo suficiente|tanto|nada) (?:como )?para seguir (?:viviendo|vivo|viva|aqui|con vida)"
     + END)


# ------------------------------------------------------------ session 24 (issue #14)
# Single messages from helper batches written in their own words (look-alikes in
# tests/test_screening_reading_s24.py).
# Wanting to be under the ground ("q ganas de estar bajo tierra 🪦"), and wishing this waking were the last
# ("ojalá fuera la última vez que me despierto"): a wish to be dead.
_add("passive_ideation", "",
     r"(?:ganas de|quiero|quisiera|ojala|me gustaria|deseo|prefiero|preferiria) (?:ya )?estar (?:bajo tierra|"
     r"enterrad[oa]|en el cementerio|en un cajon|en una caja de pino|emoji_grave)"
     + f"(?! {gap(3)}(?:de la |de |)(?:verguenza|pena|risa|jaja\\w*|jsjs\\w*|xd)\\b)",
     r"ojala (?:fuera|sea|hubiera sido|fuese) la ultima vez (?:que|q|k) (?:me despierto|me despertaba|despierto|"
     r"despertaba|abro los ojos|me levanto)")
_ROOF_SCENE = "tomando|fiesta|asado|parrill|fumando|tendiendo|regando|arreglando|lavando|colgando|con mis|con amig"
# On the roof, the ledge or the bridge now ("estoy en la azotea del edificio ahorita ... no me quiero bajar"),
# as the English "i'm on the roof of my building": moderate.
_add("plan", "mod",
     r"(?:estoy|toy|ando|sigo) (?:en|arriba de|sobre|parad[oa] en|sentad[oa] en) (?:la azotea|el techo|la cornisa|"
     r"el borde|la orilla|el barandal|la baranda|el puente|el viaducto|el acantilado)"
     + f" {gapx(5, _ROOF_SCENE)}(?:ahorita|ahora mismo|ahora|en este momento|mirando (?:para |pa )?abajo)"
     + f"(?! {gap(4)}(?:tomando|fiesta|asado|parrill\\w*|fumando|con mis|con amig\\w*|tendiendo|regando|viendo|"
     r"mirando (?:el|la|los|las) (?:atardecer|fuegos|amanecer|estrellas|luna|vista)))")
# Knowing where the key or the gun is, the gun named after ("ya sé dónde guarda mi viejo la llave del placard
# donde tiene el arma"; "mi tío dejó la escopeta en el cuarto de atrás y yo sé dónde está").
_add("plan", "",
     r"(?:ya )?(?:yo )?se_? (?:donde|en donde|adonde) (?:guarda|guardan|esconde|esconden|tiene|tienen|deja|dejan) "
     + f"{gap(3)}(?:la llave|las llaves|la combinacion|la clave) {_gapc(8)}"
     r"(?:arma|armas|pistola|escopeta|revolver|rifle|balas|fierro)",
     r"(?:pistola|arma|escopeta|revolver|rifle|fierro) " + f"{_gapc(10)}"
     r"(?:y )?(?:yo |ya )*se_? (?:donde|en donde) (?:esta|estan|la tiene|la guarda|la guardan|la dejo|la esconde)"
     + END)
# Faint or dizzy after cutting, and deeper this time ("me mareo mucho después de cortarme", "me lastimé re feo,
# esta vez fue mucho más hondo"): medically serious self-harm.
_add("self_injury", "severe alone",
     r"(?:me mareo|me maree|me estoy mareando|estoy muy maread[oa]|me desmaye|casi me desmayo|veo todo borroso|"
     r"me siento muy debil|me siento debil|me tiemblan las manos|me siento palid[oa]) " + f"{gap(4)}"
     r"(?:despues de|luego de|tras|por) (?:cortarme|lastimarme|hacerme dano|lo (?:q|que|k) me hice|los cortes|"
     r"el corte|sangrar tanto)",
     r"(?:me lastime|me corte|me hice dano|me raje|me hice) " + f"{_gapc(6)}"
     r"(?:mucho mas|mas|bastante mas) (?:hondo|profundo) (?:que nunca|que otras veces|que antes|que la otra vez|"
     r"que siempre|esta vez)",
     r"(?:me lastime|me corte|me hice dano|me raje|cortarme|lastimarme) " + f"{_gapc(6)}"
     r"(?:esta vez|hoy|ahora) (?:fue|quedo|me quedo|me salio) (?:mucho |bastante |re |)mas (?:hondo|profundo)")
# Farewells: "hasta siempre" after thanks ("a ustedes gracias por la paciencia, hasta siempre"), not being
# here any more ("después de la quincena ya no voy a estar"; "..., me voy de viaje" is ordinary), a child left
# in others' care ("cuiden a mi niña x favor"), and joining the dead ("voy a estar con mi hijo pronto").
_add("farewell", "",
     r"(?:a (?:ustedes|todos|todas|vosotros|vosotras) )?(?:gracias|los quiero|las quiero|les quiero|os quiero|"
     r"los amo|las amo) " + f"{_gapc(10)}"
     r"(?:[.,] )?hasta siempre" + END)
_add("farewell", "ordinary",
     r"(?:despues de|pasad[oa]|para cuando|cuando (?:pase|termine|acabe|llegue)) " + f"{gap(4)}"
     r"ya no voy a estar(?: aqui| aca| ahi| mas| con ustedes)?" + END,
     r"cuiden (?:a|de) mi (?:nina|nino|hija|hijo|nena|nene|bebe|hijita|hijito|chiquita|chiquito|hermanita|"
     r"hermanito|mama|mami|familia|hijos|hijas|ninos|ninas)(?: (?:x|por) favor| porfa| porfis)?" + END)
_add("passive_ideation", "",
     r"(?:voy a|quiero|ya voy a|pronto voy a|me voy a|ya quiero) (?:estar|reunirme|juntarme|ir(?:me)?) con (?:mi|mis) "
     r"(?:hijo|hija|esposo|esposa|mujer|marido|mama|mami|papa|papi|madre|padre|abuela|abuelo|hermano|hermana|"
     r"novio|novia|hijos|viejo|vieja|bebe|angelito|angelita) (?:pronto|muy pronto|en el cielo|alla arriba|donde "
     r"(?:este|esta)|otra vez)")
# Method questions without the words ("alguien sabe si cortarse las venas duele", "con veneno pa ratas no se
# siente nada?", "q pasa si mezclas alcohol con clonazepam? uno se queda dormido pa siempre?").
_add("plan", "",
     r"(?:cortarse|cortarte|cortarme|abrirse|abrirme) las venas (?:duele|dolera|duele mucho|es rapido|tarda|se siente|"
     r"es doloroso)",
     r"(?:con|el|si tomas|si te tomas) (?:veneno (?:pa|para) (?:ratas|ratones|cucarachas)|raticida|matarratas) "
     + f"{gap(3)}(?:no se siente|se siente|duele|es rapido|tarda|te mata|mata)"
     + f"(?! {gap(3)}(?:a |)(?:las |los |)(?:ratas|ratones|cucarachas|plagas|bichos|hormigas)\\b)",
     r"(?:uno|una|te|me) (?:se |)(?:queda|quedas|quedo|duerme|duermes) dormid[oa] (?:pa|para) siempre")

# ------------------------------------------------------------ session 25 (issue #14)
# Pills counted and then taken ("conté veinte pastillas y me las tomé"): an overdose told, as "me tomé veinte
# pastillas" is; and deciding whether to go on living ("tengo que decidir si quiero vivir"): a wish weighed.
_add("attempt_in_progress", "",
     r"(?:conte|junte|saque|separe|alinie|aline) " + f"{gap(3)}"
     r"(?:pastillas|pastis|pildoras|tabletas|capsulas|emoji_pill)(?: \w+){0,3} y (?:me las|ya me las) "
     r"(?:tome|trague|estoy tomando|acabo de tomar)(?: todas| toditas)?" + END)
_add("passive_ideation", "",
     r"(?:tengo que|necesito|voy a|estoy tratando de|no se como) decidir si (?:quiero|vale la pena|debo) "
     r"(?:seguir )?(?:vivir|viviendo|viv[oa]|existir|aqui)"
     r"(?! (?:en|con|sol[oa]|aqui|aca|alla|ahi|junt[oa]s|cerca|lejos|de)\b)")


# ---------------------------------------------------------------- context cues

NEGATORS = frozenset({"no", "nunca", "jamas", "tampoco", "ni", "ningun", "ninguna", "nadie"})
# Words between a negator and the phrase that undo the negation ("no puedo dejar de pensar en
# matarme", "no sé si quiero morir", "nadie sabe que quiero morir").
_NEG_BREAK = frozenset("""que si porque pero aunque sino dejar dejo deja dejas dejes parar paro pare puedo creo
    sabe saben se se_ entiendo entienden importa importaria mas solo y o cuando como donde hay hace""".split())
# The first-person verbs a phrase may open with, and the verbs a "no" before them may belong to instead.
_OWN_HEAD = frozenset("""quiero quisiera voy tengo estoy pienso necesito deseo prefiero preferiria""".split())
_FINITE = frozenset("""aguanto soporto resisto quiero tengo encuentro doy veo estoy siento vivo merezco pude aguante
    quise sirvo valgo sirve vale tiene es soy pido busco hallo aguanta soporta funciono funciona""".split())
# After "nunca"/"jamás" these make a comparison ("nunca había querido tanto morir").
_COMPARATIVE = frozenset({"tantas", "tanta", "tanto", "tantos", "tan"})
_CONJ = frozenset({"y", "e", "pero", "aunque", "sino", "porque", "pues", "mientras", "entonces", "o", "u"})
_HYPO_PRE = _Lazy(r" (?:y si|que pasaria si|que pasa si|imagina|imaginate|imaginen|supongamos|suponte|supon|"
                       r"en caso de que|sone|sueno que|sone que|pesadilla|es normal|esta mal|es malo|seria raro|"
                       r"a veces fantaseo con que|hipoteticamente|en teoria) ")
_REMOTE = _Lazy(r" (?:hace (?:\d+|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|muchos|"
                     r"varios|bastantes|algunos) anos|hace (?:mucho|mucho tiempo|tiempo|bastante tiempo|anos)|"
                     r"cuando (?:tenia|era|estaba en)|de (?:grande|mas chic[oa])|en (?:19|20)\d\d|"
                     r"durante (?:anos|mucho tiempo|varios anos|toda mi adolescencia)|"
                     r"hace (?:como |unos |mas de )?(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) "
                     r"(?:anos|ano)|de (?:nin[oa]|chic[oa]|adolescente|joven|pequen[oa])|en la (?:secundaria|prepa|"
                     r"preparatoria|universidad|escuela|primaria|uni|facultad)|en el (?:colegio|instituto|liceo|"
                     r"bachillerato)|en el pasado|el ano pasado|hace anos|a los \d+|antes solia|solia|en aquel entonces|"
                     # session 22: "antes pensaba que todos estarían mejor sin mí" (as "i used to think")
                     r"antes (?:pensaba|creia|sentia|me sentia|queria|deseaba)|"
                     r"en ese momento|en ese entonces|por aquel entonces|por ese entonces|en aquella epoca|"
                     r"en esa epoca|en mi adolescencia|en mi juventud|de mas joven|anos atras) ")
_RECENT = _Lazy(r" (?:anoche|ayer|antier|anteayer|hoy|esta manana|esta tarde|esta noche|hace (?:un rato|poco|"
                     r"nada|unas horas|\d+ horas|\d+ dias|unos dias|dos dias|tres dias|una semana|una hora|"
                     r"un par de dias|dos semanas)|la semana pasada|el fin de semana|el otro dia|otra vez|de nuevo|"
                     r"volvi a|recien|recientemente|este mes|esta semana|el mes pasado|el sabado|el domingo|el viernes|"
                     r"el lunes|el martes|el miercoles|el jueves) ")
# The wish back again, after the past that would lower it ("antes quería morirme y ahora otra vez", session 22);
# not in a recovery story, nor denied ("hoy estoy bien y no quiero pasar por eso otra vez").
_AGAIN = _Lazy(r" (?:otra vez|de nuevo|volvi a|vuelvo a|volvio|ha vuelto|regreso|ahora tambien)(?= )")
_DENIED_BEFORE = _Lazy(r" (?:no|nunca|jamas|ni) ")


def _back_again(ctx: _Ctx, j: int, hi: int) -> bool:
    if ctx.recovery:
        return False
    rest = ctx.words(j, hi) + " "
    found = _AGAIN.search(rest)
    return found is not None and not _DENIED_BEFORE.search(rest[:found.start() + 1])


_RECOVERY = _Lazy(r" (?:ya estoy (?:mejor|bien)|ahora estoy (?:mejor|bien|muy bien)|estoy (?:mucho|muy) mejor|"
                       r"(?:muy )?agradecid[oa] de (?:seguir|estar) (?:aqui|viv[oa])|ya no soy es[ae] persona|"
                       r"lo supero|sigo en pie|hoy escribo desde el otro lado|ya no (?:lo hago|me corto|me hago dano)|"
                       r"ahora ya no|(?:un|dos|tres|cuatro|cinco|\d+) (?:ano|anos|meses) sin (?:autolesionarme|cortarme|"
                       r"hacerme dano|intentarlo|recaer)|hace (?:un|dos|tres|\d+) (?:ano|anos|meses) que no me "
                       r"(?:hago dano|corto|autolesiono)|estoy bien orgullos[oa]|ya estoy bien|hoy estoy bien|"
                       r"estoy en terapia|sali de eso|lo logre superar|"
                       r"me recupere|me he recuperado|sali adelante|he salido adelante|lo supere|lo he superado|"
                       r"llevo (?:\d+|un|una|unos|unas|dos|tres|varios|muchos) (?:anos|ano|meses|mes|semanas) "
                       r"(?:bien|sin|limpi[oa]|estable)|gracias a (?:la )?(?:terapia|ayuda|mi psicolog[oa])|"
                       r"ya no (?:pienso|me siento) (?:en eso|asi)|ya no me siento asi|me alegro de seguir "
                       r"(?:viv[oa]|aqui)|agradezco seguir viv[oa]|estoy content[oa] de estar viv[oa]|"
                       r"las cosas mejoraron|todo mejoro|ya paso|estoy en recuperacion) ")
_PAST_FRAME = _Lazy(r" (?:queria|quise|pensaba|pense|solia|intente|trate|intentaba|tenia|tuve|me sentia|estaba|"
                         r"era|fue|estuve|me corte|me cortaba|llegue a|estuve a punto de|me autolesione|"
                         r"me autolesionaba|escribi|escribia|hice|me hacia|me hice|volvi a tener|tome|conte|contaba|"
                         r"compre|reserve|regale_?|cancele|elegi|escogi|junte|guardaba|miraba|llevaba|me cansaba|"
                         r"me despertaba|pedia|rezaba|deseaba|creia|crei|sentia|senti) ")
# Texts that say the writer is joking or that it is not serious.
_JOKE = _Lazy(r"(?<! no)(?<! no es) (?:no en serio|no es en serio|no lo digo en serio|es broma|era broma|"
                   r"es un decir|en broma|de broma|no literal|no literalmente|jaja no|jajaja no|xd no|es un meme) ")
# Denials after the phrase ("quitarme la vida no es una opción para mí").
_POST_DENIAL = _Lazy(r"^ (?:no es (?:una )?(?:opcion|solucion|la solucion|lo mio|para mi)|no esta en mis planes|"
                          r"no lo (?:voy a|pienso) hacer|no lo haria|nunca lo haria|jamas lo haria|no entra en mis planes|"
                          r"ni lo pienso|no es algo que (?:haria|vaya a hacer)) ")
# Reported speech: someone else said it ("me dijo que", "dice que", "diciendo que").
_REPORTED = _Lazy(r" (?:dice|dijo|decia|dicen|dijeron|cuenta|conto|comenta|comento|publico|escribio|escribe|"
                       r"diciendo|contandome|me dijo|le dijo|me conto|me escribio|me mando un mensaje diciendo|"
                       r"anda diciendo|esta diciendo|piensa|cree|siente) que ")
_ASKED = _Lazy(r" (?:me|le|nos|les|te) (?:pregunto|pregunta|preguntaron|preguntan|preguntaba) (?:si|que) ")
# First-person markers inside a phrase: with one of them the phrase is the writer's own.
_OWN = frozenset("""me mi mis yo conmigo quiero quisiera estoy tengo voy soy siento pienso necesito deseo prefiero
    puedo ojala mato suicido cuelgo ahorco intente trate volvi se_""".split())  # se_: "sé" (I know), session 22
_FICTION = _Lazy(r" (?:cancion|canciones|letra|letras|canta|cantan|cantaba|cantante|disco|album|pelicula|"
                      r"peli|pelis|serie|series|capitulo|episodio|temporada|libro|novela|cuento|poema|poesia|"
                      r"personaje|protagonista|villano|escena|meme|memes|chiste|broma|videojuego|juego|anime|manga|"
                      r"obra de teatro|trama|guion|tiktok de|video de|reggaeton|corrido|rap|frase de) ")
_NEWS = _Lazy(r" (?:noticia|noticias|periodico|diario|articulo|reportaje|informe|estudio|estadistica|"
                   r"estadisticas|tasa|tasas|cifras|segun|investigacion|campana|prevencion|dia mundial|encuesta|"
                   r"datos|oms|inegi|ine|documental|conferencia|charla|taller|clase de|tema del|tema de|ensayo|"
                   r"trabajo sobre|tarea sobre|exposicion sobre) ")
_QUOTE_META = _Lazy(r" (?:que significa|significa|que quiere decir|quiere decir|la palabra|la frase|"
                         r"el termino|definicion|se escribe|como se dice|traduccion|traducir) ")
_SELF_REPORT = _Lazy(r" (?:le dije|les dije|te dije|dije|le escribi|escribi|busque|googlee|puse|le conte|"
                          r"me dije|me repito|pense|pienso|grite|le mande|mande) ")
_QUOTE_RE = _Lazy(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|«[^»\n]{1,300}»|‘[^’\n]{1,160}’"
                       r"|(?<![\w'])'[^'\n]{1,160}'(?![\w'])")
_THIRD = frozenset("""el_ ella ellos ellas usted ustedes amigo amiga amigos amigas hermano hermana hermanos mama
    papa madre padre primo prima novio novia esposo esposa marido hijo hija tio tia abuelo abuela companero
    companera vecino vecina jefe jefa compa alguien chico chica nino nina gente persona profesor profesora
    maestro maestra pareja ex cunado cunada sobrino sobrina conocido conocida alumno alumna paciente
    colega roomie su sus""".split())
_SECOND = frozenset({"tu", "vos", "te", "ti", "contigo", "usted", "quieres", "queres", "piensas", "pensas",
                     "estas", "tienes", "tenes", "vas", "has", "eres", "sos"})
_FIRST = frozenset({"yo", "me", "mi", "mis", "conmigo", "quiero", "estoy", "tengo", "voy", "siento", "pienso"})
_OTHER_AGENT = _Lazy(r" (?:quiere|quieren|quiera|va a|van a|iba a|iban a|intento|intentaron|trato de|"
                          r"trataron de|amenazo con|amenaza con|puede|pueden|podria|podrian|quieres|queres|vas a|"
                          r"intentas|me quiere|me va a) (?:{W} )?$".replace("{W}", W))

SHORT_TEXT = 25
_LAUGH = _Lazy(r" (?:ja|jaja|jajaja|jajajaja|jeje|jsjs|xd|lol|lmao|jajaj|jajajaj) ")
_SIGN_OFF = _Lazy(r" (?:nos vemos|hasta (?:manana|luego|pronto|el|la)|buenas noches|me voy a dormir|chao|besos|"
                       r"saludos|que descansen|feliz|bienvenid[oa]) ")
# What makes a goodbye flagged "ordinary" an ordinary one: meeting again ("nos vemos en la cena",
# not "nos vemos en otra vida"), leaving for a reason (a move, a trip, the last day at work), or an
# ordinary thing ending (an exam, a season, a sale).
_ORDINARY = _Lazy(
    r" (?:nos vemos|nos vemos todos|los veo|las veo|te veo|os veo)(?! (?:en (?:otra vida|el cielo|la otra vida|"
    r"el mas alla|el infierno|el otro lado|la proxima vida|el funeral|mi funeral|el velorio|mi velorio|la eternidad)|"
    r"del otro lado|arriba|algun dia|nunca|cuando (?:ya )?no (?:este|estemos))\b)"
    r"| hasta (?:manana|luego|pronto|la proxima|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|"
    r"proximo|otro|ano que viene)|la (?:semana que viene|vuelta|otra semana|proxima semana))\b"
    r"| hablamos(?: manana| luego| pronto| despues| mas tarde)?\b| que (?:tengan|tengas|tengais) (?:un|una|buen|"
    r"buena|lindo|linda|feliz|felices)\b| buen (?:fin de semana|finde|viaje|dia|verano)\b| buenas vacaciones\b"
    r"| felices (?:fiestas|vacaciones)\b| feliz (?:navidad|ano nuevo|verano|finde|fin de semana)\b"
    r"| (?:me mudo|me mude|nos mudamos|nos mudo|mudanza|me voy a vivir (?:a|con|en|fuera)|me cambio de (?:casa|"
    r"ciudad|pais|trabajo|escuela|piso)|me voy de (?:viaje|vacaciones|intercambio|erasmus|gira|campamento|excursion|"
    r"retiro)|sin (?:senal|cobertura|internet|wifi|datos)|al extranjero|"
    r"en el extranjero|me gradue|me graduo|me jubilo|me jubile|jubilacion)\b"
    r"| (?:de|mis|las|nuestras|unas) vacaciones\b| (?:el|mi|un|este) (?:viaje|vuelo)\b"
    r"| (?:ultimo|ultima) (?:dia|semana) (?:de|en) (?:trabajo|la oficina|clases|la escuela|la uni|la empresa)\b"
    r"| (?:piso|casa|depa|departamento|trabajo|colegio|escuela) nuev[oa]\b"
    r"| nuev[oa] (?:piso|casa|depa|departamento|trabajo|colegio|escuela|ciudad)\b"
    r"| (?:alla|ahi|donde voy) hace (?:un |mucho |tanto )?(?:frio|calor)\b"
    r"| (?:el |los |la |las |del |de la |mi |mis )?(?:examen|examenes|finales|parcial|parciales|semestre|"
    r"cuatrimestre|trimestre|curso|clases|temporada|serie|capitulo|oferta|ofertas|promo|promocion|rebajas|"
    r"descuento|descuentos|contrato|torneo|liga|partido|concurso|mundial|campeonato|fiesta|boda|dieta|"
    r"cuarentena|verano|entrega|tesis|rodaje|gira|festival|feria)\b")
DO_IT_WORDS = 8
RESOLVE_WORDS = 15
IDEATION = frozenset({"active_ideation", "passive_ideation", "plan", "attempt_in_progress", "self_injury",
                      "past_attempt", "farewell"})
BASE = {
    "attempt_in_progress": IMM, "plan": HIGH, "active_ideation": HIGH, "passive_ideation": MOD,
    "self_injury": MOD, "farewell": MOD, "past_attempt": MOD, "crisis_state": LOW, "hopelessness": LOW,
    "entrapment": LOW, "burdensomeness": LOW, "worthlessness": LOW, "emotional_pain": LOW,
    "help_seeking": LOW, "suicide_exposure": LOW, "directed_at_others": LOW, "third_person_concern": LOW,
    "timing": NO, "lethal_means": NO, "suicide_mention": NO, "do_it": NO, "intensity": NO,
}

# Stems of Spanish crisis words that are not the start of common English words: a short
# text the language check took for English runs the Spanish rules when one of its
# (Spanish-normalised) words begins with one of them.
_CUE_STEMS = tuple("""suicidi suicida suicido matar morir muert muerd ahorc colgar colgue cuelg envenen dispararm tirarm aventar
    lanzarm arrojarm cortarm cortandom venas pastill pildor sobredos adios desapare despert existir vivir estorbo
    esperanz aguant soport atrapad autoles lastim quemarm regaland despedid soga cuerda frasco dosis decidi
    llevame recogeme amanec intente sobreviv lavado estomago ojala ganas quiero quisiera acabar terminar escapar
    arruin merezco azotea edificio puente vias manera consegu estare nacid ahogarm saltar tome
    trague bebi efecto nadie odio sangr dano golpe cuchill navaja veneno pistola suicidio desvivir
    autoelimin vivien sentido existien murier muera despid suisid exactament
    muriend estirar sertral matan funeral botiquin monoxid""".split())
# Words (as the English tokenizer leaves them: lower case, accents stripped) that are Spanish
# and not English.  One of them in a text the language check took for English (short or
# mixed messages) is reason enough to run the Spanish rules too; ``assess`` then exits early
# unless a crisis stem is present.
CUE_WORDS = frozenset("""morir morirme muerte muerto muerta matarme mato matare mataria suicidio suicida
    suicidarme suicido suicidare quiero quisiera kiero qiero kero ojala desaparecer despertar existir vivir
    aguanto soporto adios ahorcarme colgarme cortarme corte corto venas pastillas sobredosis quitarme
    carga estorbo salida esperanza despedida tirarme aventarme autolesion autolesiones desvivirme
    autoeliminarme suicidarse matarse morirse que q xq pq porque voy vas estoy estas tengo soy eres sos vos
    muy pero como cuando nada todo todos toda vida hoy ayer anoche manana noche mas puedo quieres queres
    eso esto esta este ese esa mis tus nadie nunca jamas tambien siempre aqui ahora ahorita porfa hacer
    hacerlo decidi lo los las del una unos unas ganas odio sangre brazos padres mama papa amigos familia
    cosas cartas perro gata gato le veo sentido balcon compre mate matate suicidate muerete ahorcate
    cuelgate cada dia despierto deseando frasco cuerda armario llave fecha cuchillas vidrio proposito
    insulina duele ahogarse limpieza tarda irme atropelle lleve desapareciera importaria alguien descansar
    pensamientos libres perdon culpa sabes regale necesitar carta cartas escribi pistola extranar termino citas cancele cumple suficientes conte luchar
    tantas habia peor sangrar profundo contrasenas despedirme golpee cabeza pared dejaria caer otra vez veces
    fantaseo propio recuerdenme busquen volvi cortar darme piso medio mundo largar largarme pirarme rajarme
    borrarme bajarme vias pienso cuanto cuanta cuantos cuantas raticida matarratas blister empastillarme lazo
    amanecer""".split())
CUE_WORDS |= frozenset("""azotea suficientemente escondi escondidas escondida juntando guardando acumulando colchon
    cinturon cochera manguera nudo pisos metros alcanza tomo caja entera efecto mezclo rastro herida heridas
    puntos urgencias infecto quemo queme encendedor cortes sangrado sangra ahorcado conocimiento ratas
    sabana litera viga regadera amarre amarrado amarrada correa rivotril clonazepam alprazolam quetiapina
    fluoxetina letal letales mortales tren instante raticida farmacias
    navaja cuter mecate cabuya altura profundo hondo duele doloroso dolorosa""".split())  # session 17 es-means

def has_cue(text: str, words: list[str]) -> bool:
    """True when a text not recognised as Spanish may still hold Spanish crisis language.

    ``words`` are the English tokenizer's canonical tokens.  Long texts need a Spanish cue
    word; short ones also a Spanish crisis stem, or any trace of obfuscation or chat
    shorthand ("m4t4rm3", "m a t a r m e", "qro mtrme"), read the Spanish way.
    """
    if not CUE_WORDS.isdisjoint(words):
        return True
    # Greetings, fillers and words of address do not make a message longer (session 18).
    n = len(words) - sum(1 for w in words if w in _NEUTRAL_CUE) - sum(
        2 - (pair[1] in _NEUTRAL_CUE) for pair in zip(words, words[1:], strict=False) if pair in _HEDGE_CLAUSES)
    if n <= CUE_SHORT and not _SHORT_ES.isdisjoint(words) and _EN_ONLY.isdisjoint(words):
        # Session 17: a short message whose only English-looking words are the ones Spanish shares
        # ("no", "me", "a", "he") and that holds a Spanish chat word: "me tiro de la ventana",
        # "estarian mejor sin mi", "en 5 minutos me tiro" were screened as English only.
        return True
    if n > CUE_SHORT:
        # Letter-spaced words ("m a t a r m e") make many one-letter tokens.
        spaced = n <= SHORT_TEXT and list(map(len, words)).count(1) >= 3 and _SPACED_QUICK.search(text)
        return bool(spaced) and not KEY_WORDS.isdisjoint(normalize(text).toks)
    stems = _STEM4
    if any(w.startswith(_CUE_STEMS) for w in words if w[:4] in stems):
        return True
    if ((_DIGIT_OR_SYMBOL.search(text) and _LEET_HINT.search(text)) or _RUN_HINT.search(text)
            or (list(map(len, words)).count(1) >= 2 and _SPACED_QUICK.search(text))
            or (n <= 6 and _EN_FUNCTION.isdisjoint(words))):
        toks = normalize(text).toks
        if not KEY_WORDS.isdisjoint(toks) or not CUE_WORDS.isdisjoint(toks):
            return True
        return any(t.startswith(_CUE_STEMS) for t in toks if len(t) > 3)
    return False


# Texts up to this many words get the stem and obfuscation checks.
CUE_SHORT = 8
_NEUTRAL_CUE = (_NEUTRAL | ADDRESS) - EN_WORDS - {"bro", "brother", "man"}
# Session 17 (short Spanish read as English): English words that are not also Spanish words or chat
# spellings of them ("no", "me", "a", "he", "ya" -> "you"); a short text with none of them and with a
# Spanish word below is given to the Spanish rules too.
_EN_ONLY = EN_WORDS - frozenset("no me a he you i so as an in is was will on we it die".split())
# Spanish words frequent in chat that are not English words (accents stripped, as the English
# tokenizer leaves them), besides the function words of the language check and the cue words.
_SHORT_ES = (frozenset(_strip_accents_simple(w) for w in FOREIGN_WORDS["es"]) | CUE_WORDS | frozenset("""
    mejor estarian estaria estarias estariamos seguir sigo sigue siga tiene tienen caso rindo tiro tiros pego
    doy valgo pena fuerzas minutos horas aca alla aki aqui asi bien sola nomas sobro fui ire iria sirvo sirve
    importa importo importaria extranaria extranarian extranan wey wn weon boludo boluda parce tio tia chamo
    ventana techo puente vias tren metro edificio balcon azotea calle carro coche camion frasco cuerda soga
    navaja cuchilla pistola bala balazo tiro veneno harta harto cansada cansado sola solito solita triste
    vacia vacio mierda verga madre pinche neta quiza quizas capaz ojala oye mira pues entonces despues antes
    luego nunca jamas tampoco tambien cosa cosas gente casa cuarto noche dia dias semana mes ano anos pronto
    listo lista chau chao tomo todas tomar trago tragar""".split())) - EN_WORDS
_STEM4 = frozenset(stem[:4] for stem in _CUE_STEMS)
# Digits or symbols inside words and letter runs are worth normalising (cheap ASCII checks).
_DIGIT_OR_SYMBOL = re.compile(r"[0-9@$*]")
_LEET_HINT = re.compile(r"[A-Za-z][0-9@$*]|[0-9@$*][A-Za-z]")
_RUN_HINT = re.compile(r"([a-zA-Z])\1\1")
# A few English words: a tiny text with one of them is English, not shorthand.
_EN_FUNCTION = frozenset("""i you he she we they it the a an and or but to of in on at for with is am are was
    were be been do does did not no my me your this that what how why when ok okay yes yeah lol""".split())


# ---------------------------------------------------------------- analysis


class Result(NamedTuple):
    level: int
    strength: float
    evidence: list[Evidence]
    spans: list[tuple[int, int]]   # original span of each evidence item
    all_modified: bool


_EMPTY = Result(NO, 0.0, [], [], False)


_LIFE_CLOSERS = frozenset({".", ",", "!", "?", "¿", "¡", ":", ";", "...", "y", "ya", "mas", "nunca", "jamas"})


class _Ctx:
    def __init__(self, norm: Norm) -> None:
        self.norm = norm
        self.toks = norm.toks
        self.n = len(norm.toks)
        self._quotes: list[tuple[int, int]] | None = None
        self._recovery: bool | None = None
        self._remote: bool | None = None

    def sent_bounds(self, i: int, j: int) -> tuple[int, int]:
        toks = self.toks
        lo = i
        while lo > 0 and toks[lo - 1] not in _SENT_MARKS:
            lo -= 1
        hi = j
        while hi < self.n and toks[hi] not in _SENT_MARKS:
            hi += 1
        return lo, hi

    def clause_start(self, i: int) -> int:
        toks = self.toks
        lo = i
        while lo > 0 and toks[lo - 1] not in _CLAUSE_MARKS:
            lo -= 1
        return lo

    def words(self, lo: int, hi: int) -> str:
        return " " + " ".join(self.toks[max(lo, 0):hi]) + " "

    @property
    def remote_anywhere(self) -> bool:
        if self._remote is None:
            # "hace tiempo que quería escribir esto" (for a while now) opens many posts and says nothing of
            # the past: "hace ... que" is a duration up to now, not "... ago" (session 16).
            joined = self.norm.joined
            self._remote = any(not joined.startswith("que ", m.end()) for m in _REMOTE.rx.finditer(joined))
        return self._remote

    @property
    def recovery(self) -> bool:
        if self._recovery is None:
            self._recovery = bool(_RECOVERY.search(self.norm.joined))
        return self._recovery

    def in_quotes(self, i: int, j: int) -> bool:
        if self._quotes is None:
            self._quotes = quote_spans(_QUOTE_RE, self.norm.text)
        return bool(self._quotes) and inside_quotes(self._quotes, self.norm.starts[i], self.norm.ends[j - 1])

    def negated(self, i: int, j: int) -> bool:
        toks = self.toks
        if not NEGATORS.isdisjoint(toks[i:j]):
            return False  # the phrase carries its own negation ("no quiero vivir")
        lo = max(self.clause_start(i), i - 5)
        for k in range(i - 1, lo - 1, -1):
            w = toks[k]
            if w in NEGATORS:
                if k > 0 and (toks[k - 1] == "porque" or toks[max(k - 2, 0):k] == ["por", "que"]):
                    return False  # "¿por qué no me mato?" asks, it does not deny
                between = toks[k + 1:i]
                if w in ("nunca", "jamas") and not _COMPARATIVE.isdisjoint(toks[k + 1:j + 2]):
                    return False  # "nunca había tenido tantas ganas de morir": more than ever
                if between[:2] == ["es", "que"]:
                    return True  # "no es que quiera morir"
                if any(b in _NEG_BREAK for b in between):
                    return False
                if between and not _OWN_HEAD.isdisjoint(toks[i:i + 2]) and not _FINITE.isdisjoint(between):
                    # A sentence run on without its comma ("ya no aguanto me quiero quitar la vida", "no
                    # quiero seguir vivo quiero acabar con todo"): the "no" has its own verb, and the phrase
                    # opens a new one (session 18).
                    return False
                if w == "nadie" and between:
                    return False
                return True
            if w in _CONJ:
                return False
        return False

    def subject(self, i: int, reach: int = 8) -> str | None:
        toks = self.toks
        lo = max(self.clause_start(i), i - reach)
        for k in range(i - 1, lo - 1, -1):
            w = toks[k]
            if w in _FIRST:
                return "self"
            if w in _SECOND:
                return "you"
            if w in _THIRD:
                return "other"
        return None


def _hits(norm: Norm, gated: bool = True) -> list[tuple[Pat, int, int]]:
    joined = norm.joined
    offsets = norm.offsets
    toks = norm.toks
    pats = _PATTERNS or patterns()
    if gated:
        present = {t[:5] for t in toks}
        present.update([t[:4] for t in toks])
        present.update([t[:3] for t in toks])
        todo = set(_ALWAYS)
        index = _KEY_INDEX
        for key in present.intersection(_KEY_SET):
            todo.update(index[key])
        selected = [pats[k] for k in sorted(todo)]
    else:
        selected = pats
    out = []
    for pat in selected:
        for m in pat.rx.finditer(joined):
            i = bisect_left(offsets, m.start() + 1)
            j = bisect_left(offsets, m.end())
            if j > i:
                out.append((pat, i, j))
    return out


# A date set for a life event ("ya elegí la fecha!! el 14 le pido matrimonio"), and a wish to vanish from a
# chat or an early alarm ("desaparecer de los grupos de whatsapp", "ojalá no despertar mañana temprano"):
# session 24.
_DATED_ES = frozenset("fecha dia".split())
_CELEBRATION_ES = re.compile(r" (?:matrimonio|boda|casarnos|casamos|me caso|nos casamos|compromiso|pedida|"
                             r"jubilo|jubile|jubilacion|bebe|parto|embarazada|graduacion|me gradue|me graduo|luna de "
                             r"miel|despliegue)(?= )")
_SPOIL_ES = re.compile(rf" (?:no )?(?:{SPOIL})\w*(?= )")
_DIED_ES = re.compile(r" (?:murio|fallecio|se fue|funeral|velorio|entierro|tumba)(?= )")
_NOT_LIFE_ES = re.compile(r"(?:(?:pa|para) siempre |un rato |por un rato |unos dias |un tiempo )?(?:de|del) (?:los |las |"
                          r"el |la |mi |mis |este |esta |ese |esa )?(?:grupo|grupos|redes|red|chat|whatsapp|wasap|"
                          r"insta|instagram|twitter|tiktok|facebook|face|internet|oficina|reunion|clase|foro|server|"
                          r"servidor|discord)\b|(?:manana |el lunes |)temprano\b|(?:manana |)a las \d")
_PRESCRIBED_ES = frozenset("receto recetaron recete recetado recetadas recetados indico indicaron mando mandaron "
                           "medico medica doctor doctora farmaceutico farmaceutica tratamiento".split())


# What a medicine is ordinarily taken for, said right after it.
_ORDINARY_DOSE = re.compile(r" (?:para|de|contra) (?:la |el |mi |los |las )?(?:presion|tension|diabetes|azucar|"
                            r"colesterol|tiroides|dolor|cabeza|gripe|resfriado|alergia|ansiedad|tos|fiebre|corazon|"
                            r"estomago|migrana|regla|colicos|epilepsia|asma|infeccion|acne|vitaminas?|hierro)\b")


# A jump for sport or fun, as in English (engine._JUMP_SPORT); water and cliffs are left out on purpose.
_SALTO = {"saltar", "saltare", "salto", "tirarme", "aventarme", "lanzarme"}
_SALTO_DEPORTE = re.compile(r"\b(?:paracaidismo|paracaidas|paracaidista|puenting|bungee|parapente|trampolin|"
                            r"cama elastica|tandem|avioneta|instructor|instructora|esqui|esquiar|snowboard|rampa|"
                            r"caballo|comba|vallas|obstaculos|parkour|gimnasio|gym|clase de|pertiga)\b")


# "Quiero que pare" after naming what hurts ("el dolor de muelas es insoportable, quiero que pare ya"):
# the toothache is to stop, not everything (session 18: a closing "ya" no longer hides the phrase's end).
_NAMED_TROUBLE = re.compile(r" (?:dolor|dolores) de (?:muelas|muela|cabeza|espalda|estomago|panza|barriga|oido|oidos|"
                            r"garganta|rodilla|regla)| (?:migrana|colicos|resaca|tos|ruido|taladro|obra|obras|musica|"
                            r"calor|frio|lluvia|comezon|picazon)\b")
_STOP_WORDS = frozenset({"pare", "acabe", "termine"})


def _analyse(ctx: _Ctx, pat: Pat, i: int, j: int) -> Evidence | None:
    toks = ctx.toks
    construct, flags = pat.construct, set(pat.flags)
    mods: list[str] = []
    lo_s, hi_s = ctx.sent_bounds(i, j)
    sentence = ctx.words(lo_s, hi_s)
    pre = ctx.words(max(lo_s, i - 8), i)
    clause_lo = ctx.clause_start(i)
    clause_pre = ctx.words(max(clause_lo, i - 8), i)
    first = toks[i]

    if construct == "entrapment" and _STOP_WORDS.intersection(toks[i:j]) and _NAMED_TROUBLE.search(ctx.words(lo_s, i)):
        return None
    if construct in ("do_it", "active_ideation") and _SALTO.intersection(toks[i:j]) and _SALTO_DEPORTE.search(sentence):
        return None  # "mañana en paracaidismo voy a saltar": a jump for sport (session 15)
    if construct in ("timing", "lethal_means", "help_seeking", "do_it", "intensity"):
        if construct == "do_it" and ctx.negated(i, j):
            return None
        return Evidence(construct, BASE[construct], i, j, (), frozenset(flags))

    # Someone else acting on the writer ("ella quiere matarme", "este trabajo va a matarme"):
    # not the writer's ideation.
    if first.endswith("me") and construct in ("active_ideation", "self_injury") and _OTHER_AGENT.search(clause_pre):
        return None
    if construct in ("active_ideation", "past_attempt", "self_injury") and toks[i - 1:i] == ["casi"]:
        return None  # "casi me mato en la moto": an accident
    if construct == "self_injury" and (_SH_ACCIDENT_BEFORE19.search(ctx.words(lo_s, i)) or _SH_GROOMING19.search(
            sentence) or _SH_ACCIDENT_BEFORE19.search(ctx.words(j, min(hi_s, j + 3)))) \
            and not _SH_ON_PURPOSE19.search(sentence):
        # (Session 24: also the chore told right after: "me corté muy feo picando cebolla".)
        return None  # "me caí de la bici y me corté la pierna", "me corté afeitándome" (session 19)
    if construct == "plan" and not _NOT_FOR19.search(sentence) and ((_CORD_WORDS19.intersection(toks[i:j]) and
                                                                     _CORD_ORDINARY19.search(sentence)) or (
            _PILL_WORDS19.intersection(toks[i:j]) and _PILL_ORDINARY19.search(sentence))):
        return None  # "ya tengo la cuerda, el sábado nos mudamos" (session 19)
    if "bare" in flags and any(c not in _EMOJI for c in _OTHER_PICTO19.findall(ctx.norm.text)):
        return None  # "hoy 🌉🚗": another pictograph beside the place (session 19)
    if construct == "plan" and _DATED_ES.intersection(toks[i:j]) and _CELEBRATION_ES.search(ctx.norm.joined) \
            and not _DIED_ES.search(ctx.norm.joined) and not _SPOIL_ES.search(ctx.norm.joined):
        return None  # "ya elegí la fecha!! el 14 le pido matrimonio a mi novia" (session 24)
    if construct == "passive_ideation" and _NOT_LIFE_ES.match(ctx.words(j, min(ctx.n, j + 6)).strip() + " "):
        return None  # "quiero desaparecer pa siempre de las redes", "ojalá no despertar mañana temprano" (session 24)
    if construct == "attempt_in_progress" and _PRESCRIBED_ES.intersection(toks[j:j + 5]):
        return None  # "tomé todas las pastillas que me recetó el médico": the course, as prescribed
    if (construct == "attempt_in_progress" and not {"todas", "todos", "todo"}.intersection(toks[i:j])
            and _ORDINARY_DOSE.match(ctx.words(j, j + 5))):
        return None  # "me estoy (ando) tomando las pastillas para la presión": the daily dose (session 18)
    if "present" in flags and first == "me" and re.search(r" (?:eso|esto|ese|esa|este|esta|aquel|aquella|tu|su)"
                                                           r"(?: (?!noche|dia|vez|semana|fin|tarde|manana)\w+)? $",
                                                           clause_pre):
        return None  # "ese chiste me mato": the joke did (3rd person, accent left out)

    person = "self"
    if construct in IDEATION and _OWN.isdisjoint(toks[i:j]) and not any(t.endswith("me") for t in toks[i:j]):
        # Nothing in the phrase says "I" ("cansada de vivir", "preferiría morir", "carta de
        # despedida"): whoever the clause is about, or whoever is being quoted.
        # A clause opening with "que" continues reported speech ("dice que quiere irse, que ya
        # está cansada de vivir"): look back over the sentence.
        reach = lo_s if toks[clause_lo:clause_lo + 1] == ["que"] else clause_lo
        near_pre = ctx.words(max(reach, i - 12 if reach == lo_s else i - 4), i)
        if ctx.subject(i) == "other" or toks[i - 1:i] in (["esta"], ["anda"], ["estaba"], ["andaba"]) or (
                _REPORTED.search(near_pre) and not re.search(r" (?:le|les|te) (?:dije|conte|escribi) que ", near_pre)):
            person = "other"
    if construct == "third_person_concern":
        person = "other"
    elif construct == "suicide_exposure":
        person = "other"
    elif construct == "directed_at_others":
        person = "you"
    elif construct == "suicide_mention":
        person = ctx.subject(i) or "self"
    elif construct == "plan" and first in ("como", "cual", "que", "cuantas", "cuantos", "cuanta", "cuanto",
                                           "la", "forma", "manera", "metodo", "mejor", "desde", "dosis"):
        # Method-seeking without a person of its own: whoever the clause is about.
        subj = ctx.subject(i)
        person = "other" if subj == "other" else ("you" if subj == "you" else "self")

    # Quotation, fiction and news framing.
    quoted = ctx.in_quotes(i, j) and not _SELF_REPORT.search(pre)
    if not quoted and construct in IDEATION and _ASKED.search(clause_pre):
        quoted = True  # "me preguntó si estaba pensando en matarme": a question put to the writer
    if not quoted and (_QUOTE_META.search(pre) or _QUOTE_META.search(ctx.words(j, j + 3))):
        quoted = j - i <= 3
    if not quoted and (_NEWS.search(sentence) or (_FICTION.search(sentence) and (
            person != "self" or re.search(r" (?:dice|dicen|decia|canta|cantan|cantaba|grita|escribio|escribe|aparece|"
                                          r"sale|trata|habla|cuenta|narra|se llama|titulo|repite|reza|pregunta|"
                                          r"preguntaba) ", sentence)))):
        quoted = True
    if quoted:
        mods.append("quoted")

    if construct == "suicide_mention":
        n_words = content_words(toks)
        if n_words <= 3 and not quoted and person == "self":
            return Evidence("suicide_mention", MOD, i, j, (), frozenset(flags))
        return Evidence("suicide_mention", NO, i, j, tuple(mods), frozenset(flags))

    negated = ctx.negated(i, j) or bool(_POST_DENIAL.match(ctx.words(j, hi_s)))
    if not negated and construct in IDEATION and (_JOKE.search(sentence) or _JOKE.search(ctx.words(j, j + 8))):
        negated = True  # "me quería pegar un tiro jaja no en serio"
    if negated:
        mods.append("negated")

    level = BASE.get(construct, LOW)
    if "weak" in flags:
        level = NO
    elif "acute" in flags:
        level = MOD  # not safe now, said of oneself (session 21)

    # Hypothetical: "si ...", "¿y si ...?", a conditional verb, a dream.
    hypothetical = "conditional" in flags
    if not hypothetical and construct in IDEATION:
        if _HYPO_PRE.search(clause_pre) or _HYPO_PRE.search(pre):
            hypothetical = True
        else:
            k = i - 1
            while k >= clause_lo and k >= i - 8:
                if toks[k] == "si" and k + 1 < ctx.n and toks[k + 1] not in _CLAUSE_MARKS:
                    # "si" right before the phrase with nothing after it in the sentence is "sí" (yes).
                    if not (k == i - 1 and "," not in toks[j:hi_s]):
                        hypothetical = True
                    break
                k -= 1
            if not hypothetical and construct in ("active_ideation", "self_injury"):
                for w in toks[j:min(hi_s, j + 5)]:
                    if w in _CLAUSE_MARKS:
                        break
                    if w == "si":
                        hypothetical = True  # "me mato si repruebo"
                        break
    if hypothetical and not negated:
        mods.append("hypothetical")

    # Tense: remote past and recovery lower; recent raises a past attempt.
    local = pre + " ".join(toks[j:min(hi_s, j + 8)]) + " "
    remote = bool(_REMOTE.search(local)) or bool(_REMOTE.search(sentence))
    recent = bool(_RECENT.search(local))
    past_tense = "past" in flags or bool(_PAST_FRAME.search(ctx.words(max(clause_lo, i - 5), j)))
    if not remote and past_tense and not recent and ctx.remote_anywhere:
        # A post that opens with "hace dos años..." and goes on in the past tense.
        remote = True
    if construct == "attempt_in_progress" and (remote or ctx.recovery):
        construct, level = "past_attempt", LOW
        mods.append("past")
    elif construct == "past_attempt":
        if recent and not remote and not ctx.recovery:
            level = HIGH
            mods.append("recent")
        elif remote or ctx.recovery:
            level = LOW
            mods.append("past")
    elif construct in IDEATION and past_tense and (remote or ctx.recovery) and not _back_again(ctx, j, hi_s):
        level = min(level, LOW)
        mods.append("past")

    if person == "you":
        if construct == "directed_at_others":
            return Evidence(construct, LOW, i, j, tuple(mods), frozenset(flags))
        return None
    if person == "other":
        m = tuple(mods + ["third_person"])
        if construct == "suicide_exposure":
            return Evidence(construct, LOW, i, j, m, frozenset(flags))
        if construct == "third_person_concern" and re.search(r" (?:va a|van a|piensa|planea|dice que se va a) ",
                                                             pre + " ".join(toks[i:j]) + " "):
            flags.add("intent")
        return Evidence("third_person_concern", LOW, i, j, m, frozenset(flags))

    if quoted:
        level = min(level, LOW)
    elif negated:
        level = LOW if level >= MOD else NO
    elif hypothetical:
        level = max(LOW, level - 1) if level > NO else NO
    if construct == "active_ideation" and re.search(r" (?:voy a|ya decidi|decidi|he decidido|estoy decidid[oa]|"
                                                    r"pienso|esta noche|hoy|a punto de|lo voy a hacer) ", pre):
        flags.add("intent")
    return Evidence(construct, level, i, j, tuple(mods), frozenset(flags))


def _unmodified(ev: Evidence) -> bool:
    return not ev.modifiers or ev.modifiers == ("recent",)


def assess(text: str, norm: Norm | None = None, *, gated: bool = True) -> Result:
    """Assess Spanish ``text``; evidence spans are offsets into ``text``.

    ``gated=False`` runs every pattern (the tests check that gating changes nothing).
    """
    if norm is None:
        norm = normalize(text)
    if not norm.toks:
        return _EMPTY
    hits = _hits(norm, gated)
    if not hits:
        return _EMPTY
    # A hit inside a longer hit of a construct that sets a level is the same evidence.
    # A weak phrase never hides a stronger one inside it ("ya tengo la fecha, el 14").
    primary = [(i, j) for p, i, j in hits if p.construct not in ("timing", "lethal_means", "do_it", "intensity",
                                                                  "suicide_mention") and "weak" not in p.flags]
    # A time or a "lo hago" inside a condition ("si para fin de año nada cambia, lo hago") is
    # part of that condition.
    closed = [(i, j) for p, i, j in hits if "closed" in p.flags]
    inner = _contained(primary)
    inner.update((i, j) for p, i, j in hits if "weak" in p.flags and any(
        a <= i and j <= b and (a, b) != (i, j) for a, b in primary))
    ctx = _Ctx(norm)
    evidence: list[Evidence] = []
    for pat, i, j in hits:
        if pat.construct == "suicide_mention" and any(a <= i and j <= b for a, b in primary):
            continue
        if closed and pat.construct in ("timing", "do_it") and any(a <= i and j <= b for a, b in closed):
            continue
        if pat.construct == "lethal_means" and "possession" not in pat.flags and any(a <= i and j <= b
                                                                                      for a, b in primary):
            # Means named inside an ideation phrase ("tirarme del puente") already count as a method.
            continue
        if (i, j) in inner and pat.construct not in ("timing", "lethal_means", "do_it", "intensity"):
            continue
        ev = _analyse(ctx, pat, i, j)
        if ev is not None:
            evidence.append(ev)
    if not evidence:
        return _EMPTY
    best: dict[tuple[str, int, int], Evidence] = {}
    for e in evidence:
        key = (e.construct, e.i, e.j)
        if key not in best or e.level > best[key].level:
            best[key] = e
        elif "timed" in e.flags and "timed" not in best[key].flags and e.level == best[key].level:
            # The same farewell read with its own time (session 17).
            best[key] = best[key]._replace(flags=best[key].flags | {"timed"})
    evidence = sorted(best.values(), key=lambda e: (e.i, e.j))
    if any("ordinary" in e.flags for e in evidence):
        evidence = _without_ordinary_goodbyes(ctx, evidence)
        if not evidence:
            return _EMPTY
    return _aggregate(ctx, evidence)


# What keeps a goodbye that an ordinary sign-off or departure would explain: the writer's own
# ideation, self-injury, a plan, an attempt, a crisis state or a risk factor in the same text.
_KEEPS_GOODBYE = (IDEATION | RISK_FACTORS | {"crisis_state"}) - {"farewell", "past_attempt"}


def _without_ordinary_goodbyes(ctx: _Ctx, evidence: list[Evidence]) -> list[Evidence]:
    """Drop goodbyes flagged ``ordinary`` when the text meets again, leaves for a reason or ends
    something ordinary -- unless it also holds risk of the writer's own (issue #14)."""
    if any(e.construct in _KEEPS_GOODBYE and _unmodified(e) and e.level >= LOW and "weak" not in e.flags
           for e in evidence):
        return evidence
    if not _ORDINARY.search(ctx.norm.joined):
        return evidence
    return [e for e in evidence if not (e.construct == "farewell" and "ordinary" in e.flags)]


def _separate(items: list[Evidence]) -> int:
    """How many of ``items`` do not overlap one another."""
    n, reach = 0, -1
    for e in sorted(items, key=lambda e: (e.i, e.j)):
        if e.i >= reach:
            n += 1
        reach = max(reach, e.j)
    return n


# An attempt cue said weakly counts with any of these signs (or a risk factor) beside it.
_WITH_WEAK_ATTEMPT = frozenset({Sign.ACTIVE, Sign.PASSIVE, Sign.FAREWELL, Sign.FAREWELL_WEAK, Sign.SELF_INJURY,
                                Sign.PAST_ATTEMPT, Sign.CRISIS_STATE, Sign.TIME})
# What counts towards a reading's strength (with each risk factor as half).
_STRENGTH_FEATS = frozenset({Sign.ACTIVE, Sign.PASSIVE, Sign.PLAN, Sign.METHOD, Sign.TIME, Sign.FAREWELL,
                             Sign.INTENT, Sign.PAST_ATTEMPT, Sign.SELF_INJURY, Sign.INTENSITY})


def _aggregate(ctx: _Ctx, evidence: list[Evidence]) -> Result:
    n_words = content_words(ctx.toks)
    selfish = [e for e in evidence if _unmodified(e)]
    anchors = sorted(e.i for e in selfish if e.construct in ("active_ideation", "passive_ideation", "plan",
                                                             "farewell", "attempt_in_progress", "self_injury")
                     and "weak" not in e.flags)
    crisis_elsewhere = any((e.construct in IDEATION or e.construct in RISK_FACTORS or e.construct == "crisis_state")
                           and "weak" not in e.flags for e in selfish)
    risk_at = sorted(e.i for e in selfish if e.construct in RISK_FACTORS)
    do_it = [e for e in selfish if e.construct == "do_it"]
    timing_all = [e for e in selfish if e.construct == "timing"]
    # "Lo voy a hacer esta noche" alone is a statement of intent; in a longer message it is
    # usually about something else ("lo voy a hacer mañana, es la tarea"), so without other
    # crisis language it counts only in a very short message.
    prepared = any(x.construct == "lethal_means" or (x.construct == "plan" and "weak" in x.flags) for x in selfish)
    # Two statements of resolve ("ya lo decidí y nadie me va a hacer cambiar de opinión"), or one
    # with emphasis ("esta vez lo hago, va en serio"), in a short message are intent too.
    resolve = _separate(do_it) + any(e.construct == "intensity" and "freq" not in e.flags
                                                     and "emph" not in e.flags for e in evidence if _unmodified(e))
    do_it_ok = [e for e in do_it if crisis_elsewhere or prepared
                or (n_words <= DO_IT_WORDS and timing_all and "dated" not in e.flags)
                or (n_words <= RESOLVE_WORDS and resolve >= 2)]
    anchors = sorted(anchors + [e.i for e in do_it_ok])

    def near(e: Evidence, pos: list[int], dist: int = 30) -> bool:
        k = bisect_left(pos, e.i)
        return (k < len(pos) and pos[k] - e.i <= dist) or (k > 0 and e.i - pos[k - 1] <= dist)

    active_sentences = {ctx.sent_bounds(e.i, e.j)[0] for e in selfish if e.construct == "active_ideation"}
    anchor_sentences = {ctx.sent_bounds(k, k + 1)[0] for k in anchors}
    feats: set[str] = set()
    kept: list[Evidence] = []
    severe: list[Evidence] = []
    weak_attempts: list[Evidence] = []
    for e in evidence:
        c = e.construct
        if c == "do_it":
            if e in do_it_ok:
                feats.update((Sign.ACTIVE, Sign.INTENT))
                kept.append(e._replace(construct="active_ideation", level=HIGH, flags=e.flags | {"intent"}))
            continue
        if c == "intensity":
            if _unmodified(e):
                feats.add(Sign.INTENSITY_FREQUENT if "freq" in e.flags
                          else Sign.INTENSITY_EMPHATIC if "emph" in e.flags else Sign.INTENSITY)
            continue
        if c == "timing":
            if anchors and (n_words <= SHORT_TEXT or ctx.sent_bounds(e.i, e.j)[0] in anchor_sentences):
                feats.add(Sign.TIME)
                if ctx.sent_bounds(e.i, e.j)[0] in active_sentences:
                    feats.add(Sign.INTENT)
                kept.append(e)
            continue
        if c == "lethal_means":
            if "possession" in e.flags and anchors:
                feats.add(Sign.METHOD)
                kept.append(e)
            elif anchors and near(e, anchors, 30):
                feats.add(Sign.METHOD)
                kept.append(e)
            elif risk_at and near(e, risk_at, 20):
                feats.add(Sign.MEANS_NEAR_RISK)
                kept.append(e)
            continue
        if c == "suicide_mention":
            kept.append(e)
            continue
        if c == "attempt_in_progress" and "weak" in e.flags:
            if _unmodified(e):
                weak_attempts.append(e)
            continue
        if c == "self_injury" and "severe" in e.flags:
            if _unmodified(e):
                feats.add(Sign.SEVERE_INJURY)
                if "alone" in e.flags and not (ctx.remote_anywhere or ctx.recovery):
                    feats.add(Sign.SELF_INJURY)
                severe.append(e)
            continue
        if c == "third_person_concern" and "intent" in e.flags and any(
                ctx.sent_bounds(t.i, t.j)[0] == ctx.sent_bounds(e.i, e.j)[0] for t in timing_all):
            e = e._replace(level=MOD)
        kept.append(e)
        if not _unmodified(e):
            continue
        add_evidence_flags(feats, e)

    level = max((e.level for e in kept), default=NO)
    a, p = Sign.ACTIVE in feats, Sign.PASSIVE in feats
    risks = len(feats & RISK_FACTORS)
    i_, m, t, x = Sign.INTENT in feats, Sign.METHOD in feats, Sign.TIME in feats, Sign.INTENSITY in feats
    pl = Sign.PLAN in feats or (Sign.PLAN_WEAK in feats and (a or p))
    plw_only = Sign.PLAN_WEAK in feats and not pl
    weak_farewells = {(e.i, e.j) for e in kept if e.construct == "farewell" and "weak" in e.flags
                      and "soft" not in e.flags and _unmodified(e)}
    # Session 19: nor a reason for leaving ("hoy es mi último día en la empresa, gracias por todo, los quise mucho").
    if (len(weak_farewells) >= 2 and not _SIGN_OFF.search(ctx.norm.joined) and not _LAUGH.search(ctx.norm.joined)
            and not _ORDINARY.search(ctx.norm.joined)):
        # "perdónenme por todo, los amo": two goodbyes with no ordinary sign-off.
        feats.add(Sign.FAREWELL)
    f = Sign.FAREWELL in feats or (Sign.FAREWELL_WEAK in feats and (a or p))
    if weak_attempts and (risks or not feats.isdisjoint(_WITH_WEAK_ATTEMPT)):
        # "Ya me tomé las pastillas" with a goodbye, a refusal of help or ideation.
        feats.add(Sign.ATTEMPT_NOW)
        kept.extend(e._replace(level=IMM) for e in weak_attempts)
    if Sign.ATTEMPT_NOW in feats:
        level = IMM
    elif a and (f or (i_ and (m or t or pl)) or (m and t) or (pl and (m or t))):
        level = IMM
    elif pl and (t or i_):
        level = IMM
    elif a or pl:
        level = max(level, HIGH)
    elif p and (m or t or f or x or Sign.INTENSITY_FREQUENT in feats or Sign.PAST_ATTEMPT in feats):
        level = max(level, HIGH)
    if level < HIGH and plw_only and (i_ or t or risks):
        # Pills put aside next to a time, a stated decision or hopelessness.
        level = HIGH
    if level < HIGH and Sign.PAST_ATTEMPT in feats and (p or Sign.SELF_INJURY in feats):
        level = HIGH
    if Sign.SELF_INJURY in feats and severe:
        # "me corté muy profundo", "no para de sangrar"
        level = max(level, HIGH)
        kept.extend(e._replace(level=HIGH) for e in severe)
    if level < HIGH and risks and Sign.MEANS_NEAR_RISK in feats:
        level = HIGH
    if level < HIGH and p and risks >= 2:
        level = HIGH
    if level < MOD and risks >= 2:
        level = MOD
    if level < MOD and x and n_words <= 30 and any(
            e.construct in RISK_FACTORS and _unmodified(e) and (e.j >= ctx.n or ctx.toks[e.j] in _CLAUSE_MARKS)
            for e in kept):
        # Despair said in earnest or for good ("ya no puedo más. esta vez va en serio"), as in English;
        # not despair about something named ("no puedo más con este trabajo, va en serio").
        level = MOD
    if level < MOD and Sign.FAREWELL_WEAK in feats and risks and n_words <= 12:
        # "ya no puedo más, adiós": a goodbye after saying they cannot go on, in a short message.
        level = MOD
        kept = [e._replace(level=MOD) if e.construct == "farewell" else e for e in kept]
    if level < MOD and Sign.FAREWELL in feats:
        level = MOD
    if level < HIGH and Sign.FAREWELL in feats and any(
            (e.construct == "farewell" and "timed" in e.flags and _unmodified(e))
            or (t and e.construct == "timing" and not any(g.construct == "farewell" and g.i <= e.i and e.j <= g.j
                                                          for g in kept)
                and any(g.construct == "farewell" and "nolift" not in g.flags for g in kept)) for e in kept):
        # A farewell with a time ("mañana a esta hora ya no voy a estar", "les dejé cartas a todos.
        # esta noche"): high, as the rubric reads a farewell with a time (session 17).  A time that is
        # only part of a goodbye's own words ("pronto van a estar libres de mí") does not count.
        level = HIGH
    life = [e for e in kept if e.construct == "entrapment" and _unmodified(e)
            and ("life" in e.flags or {"vida", "existencia"}.intersection(ctx.toks[e.i:e.j]))]
    # Said of life itself and ending the clause ("no aguanto más esta vida.", not "... esta vida de
    # estudiante"), like the English "I can't take this life anymore" (session 10).
    life_closed = any(e.j >= ctx.n or ctx.toks[e.j] in _LIFE_CLOSERS for e in life)
    if level < MOD and (((x or Sign.INTENSITY_EMPHATIC in feats) and any("life" in e.flags for e in life))
                        or life_closed):
        # "no puedo más con esta vida, de verdad": entrapment in life itself, with emphasis.
        level = MOD

    support = len(feats & _STRENGTH_FEATS) + risks * 0.5
    strength = min(1.0, support / 6)
    if level == NO:
        strength = min(1.0, 0.3 * len(kept))
    crisis = [e for e in kept if e.construct in IDEATION]
    all_modified = bool(crisis) and all(not _unmodified(e) for e in crisis)
    spans = [(ctx.norm.starts[e.i], ctx.norm.ends[e.j - 1]) for e in kept]
    return Result(level, strength, kept, spans, all_modified)
