"""Tokenising, de-obfuscating and language guessing for the screener.

Matching works on *canonical tokens*: lower-cased words with contractions and
chat spellings expanded ("don't" -> "do not", "wanna" -> "want to"), leetspeak
and censoring undone ("k1ll", "su*cide"), letter runs squeezed ("diiiie") and
letter-spaced words joined ("s u i c i d e").  Every canonical token keeps the
character span of the original token it came from, so evidence can always be
reported as offsets into the untouched input.  The same canonicaliser is run
over the phrase tables, which keeps text and patterns consistent by
construction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, chain, repeat
from operator import itemgetter

# Words, allowing inner apostrophes and the symbols people use to dodge
# filters; a leading $ or @ covers "$uicide" (and @mentions, discarded later).
_EMOJI_CHARS = "\U0001FAA6\u26B0\U0001F52A\U0001F48A\U0001FAA2\U0001F52B\U0001FA78\U0001F480\u2620\U0001F51A\U0001F573"
# "â\x80\x99" is a right single quote mis-decoded as cp1252 (mojibake), common in
# copied and scraped text.
TOKEN_RE = re.compile(
    r"[$@]?[^\W_](?:[^\W_]|(?:['’*@$!|]|â\x80[\x98\x99])(?=[^\W_*])|\*+(?=[^\W_]))*|[" + _EMOJI_CHARS + "]"
)
# \w (which also admits "_") is much faster for the regex engine than [^\W_].
_PLAIN_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*")
_PLAIN_EMOJI_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[" + _EMOJI_CHARS + "]")
_NEEDS_FULL = re.compile(r"[^\W_][$@!*|]|[$@][^\W_]|â\x80")
EMOJI_RE = re.compile("[" + _EMOJI_CHARS + "]")
_SPLITTERS = {rx: re.compile("(" + rx.pattern + ")") for rx in (_PLAIN_TOKEN_RE, _PLAIN_EMOJI_TOKEN_RE, TOKEN_RE)}
# Three or more single characters separated by one space, dot, dash or
# underscore: "s u i c i d e", "k.m.s".
SPACED_RE = re.compile(r"(?<![^\W_])(?:[^\W_][ .\-_]){2,}[^\W_](?![^\W_])")

EMOJI_TOKENS = {
    "\U0001FAA6": "emoji_grave",   # headstone
    "\u26B0": "emoji_grave",       # coffin
    "\U0001F480": "emoji_skull",   # skull: usually "I'm dead (laughing)"; never counted alone
    "\u2620": "emoji_skull",
    "\U0001F52A": "emoji_knife",
    "\U0001F48A": "emoji_pill",
    "\U0001FAA2": "emoji_rope",    # knot
    "\U0001F52B": "emoji_gun",
    "\U0001FA78": "emoji_blood",
    "\U0001F51A": "emoji_end",     # END arrow (session 16): "this is it 🔚"
    "\U0001F573": "emoji_hole",    # hole: "nobody will miss me 🕳️"
}

# Expansions applied to single tokens (after lower-casing, apostrophes kept).
_EXPAND: dict[str, tuple[str, ...]] = {}


def _add(words: Iterable[str], expansion: str) -> None:
    for w in words:
        _EXPAND[w] = tuple(expansion.split())


def _table(text: str) -> list[tuple[tuple[str, ...], str]]:
    """A table written one entry a line: words, " = ", what they stand for."""
    rows = (line.split(" = ") for line in text.strip().splitlines())
    return [(tuple(words.split()), means) for words, means in rows]


for _neg, _full in {
    "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not",
    "didn't": "did not", "didnt": "did not", "can't": "can not", "cant": "can not",
    "cannot": "can not", "won't": "will not", "wont": "will not", "wouldn't": "would not",
    "wouldnt": "would not", "shouldn't": "should not", "shouldnt": "should not",
    "couldn't": "could not", "couldnt": "could not", "isn't": "is not", "isnt": "is not",
    "aren't": "are not", "arent": "are not", "wasn't": "was not", "wasnt": "was not",
    "weren't": "were not", "werent": "were not", "haven't": "have not", "havent": "have not",
    "hasn't": "has not", "hasnt": "has not", "hadn't": "had not", "hadnt": "had not",
    "ain't": "is not", "aint": "is not", "dun": "do not", "dunno": "do not know",
    "mustn't": "must not", "needn't": "need not", "shan't": "shall not",
}.items():
    _add([_neg], _full)
# Other contractions and chat spellings.
for _words, _full in _table("""
    i'm im i’m ima = i am
    imma i'ma = i am going to
    i've ive = i have
    i'll ill = i will
    i'd id = i would
    you're youre ur = your
    you've = you have
    you'll = you will
    he's hes = he is
    youll u'll = you will
    she's shes = she is
    they're theyre = they are
    they'll = they will
    it's its = it is
    it'll itll = it will
    that's thats = that is
    there's theres = there is
    what's whats = what is
    we're = we are
    let's lets = let us
    wanna wana wanan wnna = want to
    wnat wamt wabt watn wnt = want
    gonna gona gunna finna boutta = going to
    gotta = got to
    tryna = trying to
    hafta = have to
    kinda = kind of
    u = you
    r = are
    ya yah = you
    yourslef urself yourself = yourself
    myslef mysef mself meself myselff = myself
    rn rnow = right now
    2nite 2night tonite tnite tonigh = tonight
    2day tdy = today
    2morrow 2moro 2mrw tmrw tmr tmrrw tomoz tomorow tommorow tommorrow = tomorrow
    idk dunno = i do not know
    idc = i do not care
    idgaf = i do not care
    cuz coz cos bc becuz bcuz becasue = because
    pls plz plss plez = please
    ppl = people
    bf = boyfriend
    gf = girlfriend
    bff bestie = friend
    mom's moms = mom
    sewerslide sewerslid suicid sucide suicde suiside suicidee suecide suiscide sucicide suiced seppuku = suicide
    sucidal suicidial suisidal sucicidal suicdal suicidel = suicidal
    unalive unalived unaliving unalives = unalive
    kil kll = kill
    abt = about
    kiling = killing
    selfharm selfharming sh'ing = self harm
    overdosed = overdosed
    o.d o.d. = od
    gonne = gone
    tho = though
    n't = not
"""):
    _add(_words, _full)
# Contractions whose apostrophe was lost as a space ("i m", "don t"), common in
# scraped and OCR'd text.
for _words, _full in _table("""
    ve = have
    m = am
    t = not
    ll = will
    don didn doesn = do
    couldn = could
    wouldn = would
    shouldn = should
    isn wasn = is
    aren weren = are
"""):
    _add(_words, _full)

# Pairs merged after expansion ("my self" -> "myself").
MERGE: dict[tuple[str, str], str] = dict(_table("""
    my self = myself
    your self = yourself
    him self = himself
    her self = herself
    them selves = themselves
    them self = themself
    sewer slide = suicide
    un alive = unalive
    over dose = overdose
    over dosed = overdosed
    over dosing = overdosing
    self harming = self harming
"""))
_MERGE_FIRST = {a for a, _ in MERGE}
# Words whose "'s" is "is" rather than a possessive ("everyone's asleep").
_S_IS = frozenset("""everyone everybody someone somebody nobody everything nothing something it that there what
    who he she here where how life this one""".split())
_MERGE_SECOND = frozenset(b for _, b in MERGE)

# Digits and symbols written for letters ("d3ad", "$uicide"), read the same by the English and
# Spanish rules and the abuse detector; "1", "!" and "|" (an "i" or an "l") each table adds.
LEET = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}


def leet_table(more: dict[str, str]) -> dict[int, str]:
    """A ``str.translate`` table: :data:`LEET` and ``more``."""
    return str.maketrans({**LEET, **more})


_LEET = leet_table({"1": "i", "!": "i", "|": "l", "8": "b", "9": "g"})
_LEET_ALT = leet_table({"1": "l", "!": "l", "|": "i", "8": "b", "9": "g"})
_RUN3 = re.compile(r"(.)\1\1+")
_RUN2 = re.compile(r"(.)\1+")
_NUMERIC = re.compile(r"(\d+)(am|pm|a|p|mg|g|ml|x|th|st|nd|rd|s|hrs?|h|mins?|yo|yrs?)?$")
_HAS_LEET = re.compile(r"[0-9@$!|*]")

# Filled by the matcher with every word its tables use, so that de-obfuscation
# only accepts readings that could matter ("b4" stays "b4").
VOCAB: set[str] = set()
_SQUEEZED: dict[str, str] = {}
_MEMO: dict[str, tuple[str, ...]] = {}
_MEMO_MAX = 200_000


def register_vocab(words: Iterable[str]) -> None:
    # Sorted, so that when two words squeeze to the same letters ("god", "good") the same one
    # wins in every process, whatever the hash seed.
    for w in sorted(words):
        VOCAB.add(w)
        _SQUEEZED.setdefault(_RUN2.sub(r"\1", w), w)
    _MEMO.clear()


def _known(w: str) -> bool:
    return w in VOCAB or w in _EXPAND


def _resolve(w: str) -> tuple[str, ...]:
    exp = _EXPAND.get(w)
    if exp is not None:
        return exp
    return (w,)


def _known_reading(w: str) -> tuple[str, ...] | None:
    """``w`` as a known word, or as the known word it squeezes to ("diie" -> "die"); None if neither."""
    if _known(w):
        return _resolve(w)
    alt = _SQUEEZED.get(_RUN2.sub(r"\1", w))
    return _resolve(alt) if alt else None


def _canon_word(raw: str) -> tuple[str, ...]:
    emo = EMOJI_TOKENS.get(raw)
    if emo is not None:
        return (emo,)
    w = raw.lower()
    if not w.isascii():
        w = w.replace("’", "'").replace("‘", "'").replace("â\x80\x99", "'").replace("â\x80\x98", "'")
        if not w.isascii():
            nk = unicodedata.normalize("NFKC", w).lower()
            stripped = "".join(c for c in unicodedata.normalize("NFD", nk) if not unicodedata.combining(c))
            if stripped.isascii():
                w = stripped
            else:
                return (nk,)
    if w in _EXPAND:
        return _EXPAND[w]
    if w[0] == "@" and len(w) > 1 and not _HAS_LEET.search(w[1:]):
        return ()
    if "'" in w:
        if w.endswith("'s") and w[:-2].isalpha() and w[:-2] not in ("today", "tonight", "tomorrow"):
            base = w[:-2]
            if base in _S_IS:
                return (base, "is")
            return _resolve(base) if base in _EXPAND else (base,)
        w = w.replace("'", "")
        if w in _EXPAND:
            return _EXPAND[w]
    if w.isalpha():
        if _RUN3.search(w) and not _known(w):
            got = _known_reading(_RUN3.sub(r"\1\1", w))
            if got is not None:
                return got
        return (w,)
    m = _NUMERIC.match(w)
    if m:
        unit = m.group(2)
        if unit in ("a", "am"):
            return ("#", "am")
        if unit in ("p", "pm"):
            return ("#", "pm")
        return ("#", unit) if unit else ("#",)
    if _HAS_LEET.search(w) and any(c.isalpha() for c in w):
        if "*" in w:
            return _uncensor(w)
        for table in (_LEET, _LEET_ALT):
            got = _known_reading(w.translate(table))
            if got is not None:
                return got
        return (w,)
    return (w,)


_VOWELS = "aeiou"


def _uncensor(w: str) -> tuple[str, ...]:
    """Fill ``*`` runs with letters until a known word appears ("su*c*de")."""
    base = w.translate(_LEET)
    parts = re.split(r"(\*+)", base)
    slots = [i for i, p in enumerate(parts) if p.startswith("*")]
    if len(slots) > 3:
        return (w,)
    cands = [""]
    for i, p in enumerate(parts):
        if i in slots:
            fills = [a + b for a in _VOWELS for b in _VOWELS] if len(p) == 2 else list(_VOWELS) + ["l"]
            if len(p) > 2:
                fills = [""]
            cands = [c + f for c in cands for f in fills]
        else:
            cands = [c + p for c in cands]
        if len(cands) > 2000:
            return (w,)
    for c in cands:
        if c in VOCAB:
            return _resolve(c)
    return (w,)


def canon_word(raw: str) -> tuple[str, ...]:
    got = _MEMO.get(raw)
    if got is None:
        got = _canon_word(raw)
        if len(_MEMO) < _MEMO_MAX:
            _MEMO[raw] = got
    return got


class Tokens:
    """Canonical tokens of one text with their spans in the original text."""

    __slots__ = ("text", "words", "starts", "ends", "raw_count", "has_emoji", "implied")

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int], raw_count: int,
                 has_emoji: bool = False, implied: int = 0):
        self.text = text
        # Words the reader put in that were not written (an implied "i": session 18); they hold
        # empty spans and do not count towards a message's length.
        self.implied = implied
        self.has_emoji = has_emoji
        self.words = words
        self.starts = starts
        self.ends = ends
        self.raw_count = raw_count

    def __len__(self) -> int:
        return len(self.words)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span covering canonical tokens ``i..j-1``."""
        return self.starts[i], self.ends[j - 1]


_SYMBOLS = frozenset("$@!*|")


def _token_re(text: str, ascii_only: bool) -> re.Pattern[str]:
    # The full pattern's lookaheads cost several times more; most texts have no
    # filter-dodging symbols inside words, so use the plain one when possible.
    if not _SYMBOLS.isdisjoint(text) or (not ascii_only and "â\x80" in text):
        return TOKEN_RE
    return _PLAIN_TOKEN_RE if ascii_only else _PLAIN_EMOJI_TOKEN_RE


_SPACED_QUICK = re.compile(r"\b\w[ .\-_]\w[ .\-_]\w\b")


def _spaced_letters(text: str, raws: list[str]) -> bool:
    """Three single-character tokens in a row, as in "s u i c i d e" or "k.m.s"."""
    return list(map(len, raws)).count(1) >= 3 and _SPACED_QUICK.search(text) is not None


def _spaced_word(run: str) -> tuple[int, str] | None:
    """The known word spelt by a run of spaced letters, and how many characters at the end of
    the run are not part of it: "s u i c i d e a" (before "a lot") is "suicide" plus " a"."""
    letters = re.sub(r"[ .\-_]", "", run).lower().translate(_LEET)
    for drop in (0, 1, 2):
        if len(letters) - drop < 3:
            break
        cand = letters[:len(letters) - drop] if drop else letters
        if cand in VOCAB or cand in _EXPAND:
            return 2 * drop, cand
    # A whole phrase spelt out ("i w a n t t o d i e", "k i l l m y s e l f"): the words of the
    # rules that spell it, when one of them is a crisis word (session 10).
    pieces = _spelt_phrase(letters)
    return (0, " ".join(pieces)) if pieces else None


_SPELT_KEYS = frozenset("die dead kill suicide suicidal myself kms kys overdose hang cut death unalive end".split())


def _spelt_phrase(letters: str) -> list[str] | None:
    """``letters`` split into the fewest words of the rules' vocabulary (one-letter words only
    "i" and "a"), or None when they do not split, or hold no crisis word and do not start with "i"
    (a spelt-out "i w a n t" before the plain words "to die" is the start of the same phrase)."""
    if len(letters) > 40:
        return None
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 12), end):
            piece = letters[start:end]
            if start in best and piece in VOCAB and (len(piece) > 1 or piece in "ia"):
                cand = best[start] + [piece]
                if end not in best or len(cand) < len(best[end]):
                    best[end] = cand
    got = best.get(len(letters))
    if not got or len(got) < 2:
        return None
    return got if got[0] == "i" or not _SPELT_KEYS.isdisjoint(got) else None


# Symbols used as letters inside a word ("k¡ll m¥self"); same length, so spans are kept.
_SYMBOL_LETTERS = str.maketrans({"¡": "i", "¥": "y", "€": "e", "£": "l", "¢": "c"})
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[¡¥€£¢](?=[^\W\d_])")


def tokenize(text: str) -> Tokens:
    if not text.isascii() and _SYMBOL_IN_WORD.search(text):
        text = _SYMBOL_IN_WORD.sub(lambda m: m.group().translate(_SYMBOL_LETTERS), text)
    ascii_only = text.isascii()
    rx = _SPLITTERS[_token_re(text, ascii_only)]
    # split() with a capturing group alternates separator, token, separator...;
    # running lengths give every token's offset without a Python-level loop.
    parts = rx.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    raws = parts[1::2]
    tok_starts = offsets[1:-1:2]
    canon = list(map(_MEMO.get, raws))
    if None in canon:
        canon = [c if c is not None else canon_word(r) for c, r in zip(canon, raws, strict=True)]
    has_emoji = not ascii_only and EMOJI_RE.search(text) is not None
    joined: dict[int, tuple[int, str]] = {}
    if _spaced_letters(text, raws):
        for m in SPACED_RE.finditer(text):
            found = _spaced_word(m.group())
            if found is not None:
                cut, letters = found
                joined[m.start()] = (m.end() - cut, letters)
    if not joined:
        tok_ends = offsets[2::2]
        lens = list(map(len, canon))
        if lens.count(1) == len(lens):
            words = list(map(itemgetter(0), canon))
            starts, ends = tok_starts, tok_ends
        else:
            # Contractions expand ("don't" -> "do", "not"); every piece keeps the
            # span of the original token.
            words = list(chain.from_iterable(canon))
            starts = list(chain.from_iterable(map(repeat, tok_starts, lens)))
            ends = list(chain.from_iterable(map(repeat, tok_ends, lens)))
    else:
        words, starts, ends = [], [], []
        skip_until = -1
        for s, r in zip(tok_starts, raws, strict=True):
            if s < skip_until:
                continue
            e = s + len(r)
            if s in joined:
                e, letters = joined[s]
                skip_until = e
                cs = tuple(chain.from_iterable(map(_resolve, letters.split())))
            else:
                cs = canon_word(r)
            for c in cs:
                words.append(c)
                starts.append(s)
                ends.append(e)
    if len(words) > 1 and not _MERGE_SECOND.isdisjoint(words):
        words, starts, ends = _merge(words, starts, ends)
    return Tokens(text, words, starts, ends, len(raws), has_emoji)


def _merge(words: list[str], starts: list[int], ends: list[int]):
    merge_first = _MERGE_FIRST
    n = len(words)
    hits = [k for k in range(n - 1) if words[k] in merge_first and (words[k], words[k + 1]) in MERGE]
    if not hits:
        return words, starts, ends
    ow: list[str] = []
    os_: list[int] = []
    oe: list[int] = []
    prev = 0
    for k in hits:
        if k < prev:
            continue
        ow += words[prev:k]
        os_ += starts[prev:k]
        oe += ends[prev:k]
        for c in MERGE[(words[k], words[k + 1])].split():
            ow.append(c)
            os_.append(starts[k])
            oe.append(ends[k + 1])
        prev = k + 2
    ow += words[prev:]
    os_ += starts[prev:]
    oe += ends[prev:]
    return ow, os_, oe


def canon_words(parts: Iterable[str]) -> list[str]:
    """Canonical tokens of a table phrase's words, exactly as text is canonicalised."""
    out: list[str] = []
    for part in parts:
        for piece in part.split("-"):
            if piece:
                out.extend(canon_word(piece))
    if len(out) > 1 and not _MERGE_SECOND.isdisjoint(out):
        out = _merge(out, [0] * len(out), [0] * len(out))[0]
    return out


# ---------------------------------------------------------------- language

# High-frequency English words (canonical forms).  Function words dominate
# any English text of a few words, whatever the topic.
EN_WORDS = frozenset("""
the and is are was were to of in it that this i you he she they we my me your have has had do does did not
but with for on at just so what when how be been am will would can could should want like know get from
about all there them him her if or no because really very feel going one up out now then than too more
some any who why where which an as by into over only even still never always much many life time people
tired die kill myself hate alone help anymore want please think make go got him their our us yes ok okay
""".split())

# Words frequent in other languages but not English words, so one hit is evidence.
FOREIGN_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset("""el la los las que del y en un una es por para con se lo mi pero como más mas muy yo
        estoy quiero tengo porque cuando todo nada también tambien está esta soy eso esto hay ser estar
        vida morir muerte ya siento puedo nadie nunca mismo hola gracias sí si sus tu te ella ellos qué
        donde días dia hoy ayuda mejor vivir matarme
        mis tus les hacer hace hacen cuántas cuántos cuánto cuantas cuantos pastillas despertar dejé
        aquí ahí ahora noche anoche ayer mañana voy vas quieres estás eres tienes quisiera ojalá adiós
        morirme suicidarme suicidio aguanto soporto desaparecer sé él tú mí de le dios pido algo siempre creo
        hago digo nadie""".split()),
    "fr": frozenset("""de le la les des du et est je tu il elle nous vous ils que qui pas ne une pour dans sur
        avec mais mon ma mes suis ai cest c'est j'ai très tres tout rien veux mourir vie moi toi ce cette
        au aux ou plus être etre fait bien aussi personne jamais bonjour merci aider suicider""".split()),
    "de": frozenset("""der das und ist ich nicht ein eine zu mit sich auf für fur du er sie wir ihr es den
        dem des von auch nur noch wie mein meine mich mir bin habe kann sterben leben aber oder wenn weil
        dass schon nichts immer keine mehr sein heute hallo danke umbringen""".split()),
    "pt": frozenset("""de o os as que do da dos das é em um uma para com não nao eu você voce ele ela meu
        minha mas muito quero morrer estou tenho vida isso isto também tambem nada ninguém nunca
        obrigado ajuda hoje""".split()),
    "it": frozenset("""il lo gli di del della che è un una per con non io lui lei mi ma sono ho voglio
        morire vita anche molto questo perché perche come più niente nessuno ciao grazie aiuto oggi
        sempre""".split()),
    "nl": frozenset("""de het een en ik je niet dat van zijn op te met voor maar ook als bij mijn wil dood
        leven heb ben wat geen nog hallo dank hulp vandaag altijd niemand""".split()),
}
_COMMON_EN_OVERLAP = frozenset("""a i me no so as an on he we will was in is die den hat bin man men son
    con sin also mist kind gift rot fast all bald see arm hand ware war on top pro la lo te die tu he ha
    mi mas ma ne ce du des est ne il da do dos para pas per come more""".split())
for _lang, _words in list(FOREIGN_WORDS.items()):
    FOREIGN_WORDS[_lang] = frozenset(w for w in _words if w not in _COMMON_EN_OVERLAP and w not in EN_WORDS)

# English words that are also frequent words elsewhere ("no", "me", "a") or
# that chat spellings produce from foreign words ("ya" -> "you") prove nothing.
_EN_STRICT = EN_WORDS - frozenset("no me a so in is was will an on he we as you die it i".split())

LANG_NAMES = {
    "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Cyrillic-script", "ar": "Arabic-script",
    "he": "Hebrew", "hi": "Devanagari-script", "th": "Thai", "el": "Greek", "other": "non-Latin-script",
}
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NONLATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
_ACCENTED = re.compile(r"[áéíóúñ¿¡àèìòùâêîôûçãõäöüßœ]")
# Marks only Spanish writes: each one counts as one more Spanish word.
_ES_MARKS = re.compile(r"[ñÑ¿¡]")


def detect_language(text: str, words: list[str]) -> str | None:
    """Return a language code when the text is clearly *not* English, else None.

    Cheap by design: a script check for non-Latin alphabets and, for Latin
    text, a vote between English and a few European languages' most frequent
    words.  Short or mixed texts default to English so that English crisis
    language is never skipped.
    """
    if not text.isascii():
        other = len(_NONLATIN_LETTER.findall(text))
        if other:
            latin = len(_LATIN.findall(text))
            if other >= 2 and other >= latin:
                counts = [(len(rx.findall(text)), code) for code, rx in _SCRIPTS]
                best = max(counts)
                return best[1] if best[0] else "other"
    if not words:
        return None
    en = sum(map(_EN_STRICT.__contains__, words))
    alpha = sum(map(str.isalpha, words))
    if alpha == 0 or en >= 0.25 * alpha:
        return None
    raw = [m.group().lower() for m in TOKEN_RE.finditer(text)]
    en = sum(1 for w in raw if w in _EN_STRICT)
    best_lang, best = None, 0
    es_marks = min(len(_ES_MARKS.findall(text)), 2)
    for lang, vocab in FOREIGN_WORDS.items():
        hits = sum(1 for w in raw if w in vocab) + (es_marks if lang == "es" else 0)
        if hits > best:
            best_lang, best = lang, hits
    if best_lang is None:
        return None
    accents = len(_ACCENTED.findall(text.lower()))
    evidence = best + min(accents, 3) * 0.5
    if len(raw) <= 3:
        return best_lang if evidence >= 1 and en == 0 else None
    return best_lang if evidence >= 2 and evidence > en else None


# --- Mojibake: UTF-8 read as Latin-1 or Windows-1252 -------------------------------------
# Text copied out of mis-configured systems (an SMS gateway, a scraped page, an export opened
# with the wrong encoding) arrives with "don’t" as "donâ€™t" or "donâ\x80\x99t" and 😭 as
# "ð\x9f\x98\xad".  Matching needs the real characters, so each run that is exactly one UTF-8
# character written out byte by byte is put back.  A run that does not decode is left alone,
# so ordinary Latin-1 text ("más", "café") is never touched.
_CP1252_BYTES = {ch: b for b in range(0x80, 0xA0)
                 if (ch := bytes([b]).decode("cp1252", errors="ignore"))}
_CONT = "\u0080-\u00bf" + "".join(_CP1252_BYTES)
_MOJIBAKE_RE = re.compile(f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}")


def _mojibake_char(run: str) -> str | None:
    raw = bytes(_CP1252_BYTES.get(c, ord(c)) for c in run)
    try:
        char = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return char if len(char) == 1 else None


def repair_mojibake(text: str) -> tuple[str, list[int] | None]:
    """``text`` with mis-decoded UTF-8 put back, and for each character of the result (plus
    one past the end) its offset in ``text`` -- ``None`` when nothing was changed."""
    if not _MOJIBAKE_RE.search(text):
        return text, None
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _MOJIBAKE_RE.finditer(text):
        char = _mojibake_char(m.group())
        if char is None:
            continue
        out.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        out.append(char)
        where.append(m.start())
        pos = m.end()
    if not out:
        return text, None
    out.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(out), where


# Session 18 (robustness reading): words at the edge of a sentence that say nothing of their own --
# a hedge or a greeting in front ("like i'm on the roof", "hey. i'm done for good", "honestly ..."),
# a word of address or "idk" behind ("... bro", "... . idk") -- and only change how a message is
# written, not what it says.  Before the rules read an English message these words are blanked
# (replaced by spaces, so every offset still points at the original characters): "i'm on the roof
# bro" is read as "i'm on the roof".  Jokes and retractions ("lol", "jk", "haha"), emphasis that
# counts ("fr", "for real", "tbh" and "ngl" at the end) and denials are never blanked, and "idk"
# only when it stands apart ("idk, ..." / "... idk"), never "idk if i want to live".
_LEAD_HEDGES = r"like|honestly|ngl|lowkey|low key|tbh|hey|hi|hello|ok|okay|um+|uh+|well|yeah|anyway|anyways"
# ("mate" is left out: "que algo me mate" is Spanish for "that something kills me".)
_ADDRESS = r"bro|bruh|brah|broski|dude|fam|sis|bestie|homie|dawg|bff"
_EDGE_LEAD_RE = re.compile(
    rf"(?:(?<=^)|(?<=[.!?\n…]))(?P<lead>(?:\s*(?:(?:{_LEAD_HEDGES}|{_ADDRESS})\b[ \t,]*|idk\b\s*[,.…]+[ \t]*))+)"
    rf"(?:[.,…]+(?=\s))?(?=\s*\S)",
    re.IGNORECASE)
_EDGE_TRAIL_RE = re.compile(
    rf"(?<=[^\W_]|[\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f'\"”])(?P<trail>(?:[ \t]*,?[ \t]*(?:{_ADDRESS}|idk)\b)+)"
    r"(?=[ \t]*(?:[.!?…\n\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f]|$))|"
    r"(?<=[.!?…\n])(?P<alone>[ \t]*idk\b[.…]*)[ \t]*$",
    re.IGNORECASE)


@lru_cache(maxsize=64)
def blank_edges(text: str) -> str:
    """``text`` with the hedges, greetings and words of address at its sentence edges blanked (see
    above); the same length as ``text``."""
    # Spanish words of address at a clause's edge ("... amiga", "wey, ...") too, where the Spanish rules
    # tell them from nouns of the clause ("mi amiga", "la vida loca"); session 18 (es-robust).
    from . import es

    text = es.blank_address(text)
    if not _EDGE_HINT.search(text):
        return text
    out = _EDGE_LEAD_RE.sub(lambda m: " " * len(m.group()), text)
    return _EDGE_TRAIL_RE.sub(lambda m: " " * len(m.group()), out)


_EDGE_HINT = re.compile(rf"\b(?:{_LEAD_HEDGES}|{_ADDRESS}|idk)\b", re.IGNORECASE)


# Session 18: a message written without punctuation still starts its sentences with a capital
# ("Got everything I need Just waiting till my roommate leaves"); where no sentence mark is used at
# all, the space before a capitalised word that commonly opens a sentence (or a capitalised "-ing" word:
# "Celebrating being alive today") after a lower-case word is
# read as a line break (one character for one, so offsets do not move).  Names are not in the list,
# so "I want to be with Jesus" keeps its phrase whole.
_OPENERS = frozenset("""just going gonna took got its it's should've so the my this that's thats now then tonight
    today tomorrow please sorry thanks thank goodbye bye peace dont don't cant can't wont won't not never still
    really maybe idk everyone nobody tell want wanna need feel feeling been being wrote picked bought made
    swallowed walking sitting standing thinking keep kept should would will have had was is am there
    nothing everything honestly literally anyway""".split())
_RUNON_RE = re.compile(r"(?<=[a-z0-9]) (?=([A-Z][a-z']+)\b)")
_SENTENCE_MARK = re.compile(r"[.!?;:\n…]")


def mark_runons(text: str) -> str:
    """``text`` with a line break for the space before a capitalised sentence opener, when the text has
    no sentence mark at all (see above); the same length as ``text``."""
    if _SENTENCE_MARK.search(text) or text.count(" ") < 6 or text.isupper():
        return text
    return _RUNON_RE.sub(lambda m: "\n" if m.group(1).lower() in _OPENERS or m.group(1).endswith("ing") else " ",
                         text)
