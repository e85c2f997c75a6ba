"""The companion's own safety checks, on top of the shared screener.

``assess`` decides what an incoming message means for the conversation (crisis flow, a direct
safety question, nothing); ``check_reply`` decides whether a reply may be shown at all. Both run
without Django.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from functools import cache

from . import lexicon

LEVELS = ("none", "low", "moderate", "high", "imminent")
RANK = {name: i for i, name in enumerate(LEVELS)}

CRISIS, ASK, SOFT, CLEAR = "crisis", "ask", "soft", "clear"


def _accepts(fn, name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def screener_takes_history() -> bool:
    """Whether the shared screener takes ``history=`` (earlier texts by the same person)."""
    try:
        from hearthside.safety.screening.screener import screen
    except Exception:  # noqa: BLE001
        return False
    return _accepts(screen, "history")


def screen_text(text: str, history: list[str] | None = None) -> tuple[str, list[dict]]:
    """The shared screener's level and reasons; ``unknown`` if it fails (never raises). The
    person's earlier messages go along as ``history`` when the screener takes them."""
    try:
        from hearthside.safety import screen

        kwargs = {"history": list(history)} if history and screener_takes_history() else {}
        result = screen(text, context="companion", **kwargs)
        return result.level, [r.to_dict() for r in result.reasons]
    except Exception:  # noqa: BLE001 - a broken screener must not silence the conversation
        return "unknown", []


def _constructs(reasons) -> set[str]:
    found = set()
    for reason in reasons or ():
        construct = reason.get("construct") if isinstance(reason, dict) else getattr(reason, "construct", "")
        if construct:
            found.add(construct)
    return found


@cache
def screener_reads_spanish() -> bool:
    """Whether the shared screener has Spanish rules (asked once: a plain Spanish wish to die)."""
    level, _reasons = screen_text("Quiero morir, ya no aguanto más.")
    return RANK.get(level, -1) >= RANK["moderate"]


@cache
def _rules_screener():
    """The shared screener without its statistical models (None if it has no such switch)."""
    try:
        from hearthside.safety.screening.screener import Screener

        if "base" in inspect.signature(Screener).parameters:
            return Screener(base=False)
    except Exception:  # noqa: BLE001
        pass
    return None


def _screen_rules(text: str) -> tuple[str, list[dict]]:
    screener = _rules_screener()
    if screener is None:
        return screen_text(text)
    try:
        result = screener.screen(text, context="companion")
        return result.level, [r.to_dict() for r in result.reasons]
    except Exception:  # noqa: BLE001
        return "unknown", []


def screener_blind(reasons, lang: str | None = None) -> bool:
    """The screener could not read the message: it said so (a language it has no rules for), or
    the message is Spanish and the screener found nothing in it (it had no Spanish rules before
    they were added, and its Spanish rules are younger than its English ones)."""
    constructs = _constructs(reasons)
    if "unsupported_language" in constructs:
        return True
    return lang == "es" and (not constructs or not screener_reads_spanish())


def closing_only(reasons) -> bool:
    """Every reason is the screener's reading across turns of a message that only closes the chat
    or steps away ("ok", "goodnight": a ``conversation`` reason with the ``closing`` modifier): the
    risk is what the person said before, and this message adds nothing to it. Inside the crisis
    flow that is not a new disclosure to thank them for: the flow goes on (session 16)."""
    reasons = list(reasons or ())
    return bool(reasons) and all(_get(reason, "construct") == "conversation"
                                 and "closing" in (_get(reason, "modifiers") or ()) for reason in reasons)


def _discounted(reasons) -> bool:
    """The screener read crisis language and discounted it (negated, hypothetical, quoted, about
    someone else...): a reason that carries such a modifier. (A ``conversation`` reason's modifiers
    name the constructs read across the turns, not a discount.)"""
    for reason in reasons or ():
        if _get(reason, "construct") == "conversation":
            continue
        modifiers = reason.get("modifiers") if isinstance(reason, dict) else getattr(reason, "modifiers", ())
        for modifier in modifiers or ():
            if modifier not in {"recent", "emoji"} and not str(modifier).startswith("lang:"):
                return True
    return False


# What the screener's rules report as suicidal thinking or behaviour itself (not the risk factors
# around it, such as hopelessness or feeling trapped).
_IDEATION = {"attempt_in_progress", "plan", "active_ideation", "passive_ideation", "lethal_means", "timing",
             "farewell", "self_injury", "past_attempt", "crisis_state"}

def _get(reason, key: str):
    return reason.get(key) if isinstance(reason, dict) else getattr(reason, key, None)


# Figures of speech the screener may read as a wish to die ("makes me want to curl up and die").
_IDIOM = re.compile(r"\bcurl up and die\b|\bcut (myself|me) (off|out|some slack)\b|\btired of living (like|with|in|under)\b|\bdying (to|for|of (laughter|embarrassment|boredom))\b|\b(is|are|was) killing me\b"
                    r"|\bkill me now\b|\bdie of (embarrassment|shame|boredom)\b|\bme muero de (risa|verguenza|ganas)\b")
# Time words that put what a sentence says in the past ("when I was 14", "at that point"); not
# "since I was 12", which reaches into the present.
_PAST = re.compile(r"\b(when i was|(years?|months?) ago|used to|at that (point|time)|back then|in the past|as a (kid|child|"
                   r"teen|teenager)|in (high|middle) school|growing up|cuando (era|tenia)|hace (anos|meses)|de pequen[oa])\b")
_SENTENCE = re.compile(r"[.!?\n]")


def _read_as(text: str) -> str:
    """``text`` lower-cased with its quotes straightened: the same length, so the screener's spans
    index it."""
    return text.lower().translate(lexicon._QUOTES)


def _span_discounted(text: str, start: int, end: int) -> bool:
    """Whether the companion reads the words the screener pointed at (``text[start:end]``) as
    denied, a figure of speech, or the past."""
    low = _read_as(text)
    if not 0 <= start < end <= len(low):
        return False
    if _denied(low, start):
        return True
    if _IDIOM.search(low[max(0, start - 25): end + 25]):
        return True
    begin = max((m.end() for m in _SENTENCE.finditer(low, 0, start)), default=0)
    stop = _SENTENCE.search(low, end)
    return bool(_PAST.search(low[begin: stop.start() if stop else len(low)]))


def screened_ideation(reasons, text: str) -> bool:
    """Whether the screener read suicidal thinking or behaviour of the writer's own in ``text``, in
    words the companion does not read as denied, a figure of speech or the past (it checks the
    screener's evidence, ``spans``; a reason without them is taken as it is)."""
    for reason in reasons or ():
        construct = _get(reason, "construct")
        if construct == "conversation":
            if set(_get(reason, "modifiers") or ()) & _IDEATION:
                return True
            continue
        if construct not in _IDEATION or _discounted([reason]):
            continue
        spans = _get(reason, "spans") or ()
        if not spans or any(not _span_discounted(text, int(s), int(e)) for s, e in spans):
            return True
    return False


def _carried(reasons) -> bool:
    """The screener kept the earlier messages' level because this one takes them back."""
    return any(_get(r, "construct") == "conversation" and "minimised" in (_get(r, "modifiers") or ())
               for r in reasons or ())


# What the screener reports when suicide is named but not as the writer's own thoughts.
_MENTION_ONLY = {"suicide_mention", "third_person_concern", "suicide_exposure", "help_seeking", "directed_at_others",
                 "negated", "quoted", "hypothetical"}


# How much each risk factor weighs (lexicon.RISK_FACTORS). "Strong" ones are evidence enough on
# their own for the direct question; the others add up, within a message and across turns. Talk of
# death and despair (pain, "please help", "I'm done") are never evidence for the question on their
# own, nor count as a factor towards it: they keep help in view and the companion checks in gently.
WEIGHTS = {"passive": 2.0, "self_harm": 2.0, "farewell": 2.0, "attempt": 2.0, "plan": 2.0, "method": 2.0, "means": 1.5,
           "hopeless": 1.0, "burden": 1.0, "worthless": 1.0, "trapped": 1.0, "death": 0.5, "despair": 0.5}
STRONG = {"passive", "self_harm", "farewell", "attempt", "plan", "method"}
WEAK = {"death", "despair"}
# Despair, hopelessness, feeling trapped or a burden, self-hatred: what the gentle check-in answers
# (talk of death or of means alone keeps help in view without it).
DESPAIR = {"despair", "hopeless", "trapped", "burden", "worthless"}
ASK_AT = 2.0      # accumulated weight, over at least two factors, that calls for the safety question
CRISIS_AT = 4.0   # ... and, with means or farewell among them, for the crisis flow
WINDOW = 6        # turns the accumulation looks back over

# A word that denies what follows it in the same clause ("I'm not hopeless", "I've never self
# harmed"), unless a verb of thinking or asking comes between ("I don't know why I want to die").
_DENIALS = {"not", "never", "no", "nor", "without", "dont", "didnt", "doesnt", "isnt", "wasnt", "havent", "hasnt",
            "aint", "nunca", "tampoco", "jamas"}
_NOT_DENIED_ACROSS = {"know", "why", "how", "what", "if", "when", "where", "sure", "think", "thought", "understand",
                      "care", "mind", "matter", "whether", "wonder", "believe", "see", "say", "tell", "stop", "but",
                      "and", "because", "expected", "imagined", "i", "im", "ive", "id", "ill", "me", "se", "por",
                      "pero", "porque", "y", "que", "si", "como", "dejo", "dejar", "yo"}
# Who a clause is about, for the words just before a match ("she has attempted suicide").
_FIRST_PERSON = {"i", "im", "ive", "id", "ill", "me", "myself", "yo", "mi"}
_SOMEONE_ELSE = {"he", "she", "they", "hes", "shes", "theyre", "theyve", "his", "her", "their", "him", "them",
                 "someone", "somebody", "friend", "sister", "brother", "mom", "mum", "dad", "mother", "father",
                 "son", "daughter", "boyfriend", "girlfriend", "husband", "wife", "partner", "cousin", "roommate",
                 "ella", "ellos", "ellas", "amigo", "amiga", "hermano", "hermana", "madre", "padre"}
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\bbut\b|\bpero\b")


def _denied(folded: str, start: int) -> bool:
    """Whether the words just before ``start`` (same clause, up to four words) deny what follows."""
    before = folded[max(0, start - 48): start]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    words = [w.replace("'", "") for w in re.findall(r"[a-z']+", before)][-8:]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _DENIALS:
            return not any(w in _NOT_DENIED_ACROSS for w in words[i + 1:])
    return False


def _someone_elses(folded: str, start: int) -> bool:
    """Whether the clause before ``start`` is about someone else: the nearest person named in its
    last eight words is not the writer ("she has attempted suicide", "my friend self-harms")."""
    before = folded[max(0, start - 80): start]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    for word in reversed([w.replace("'", "") for w in re.findall(r"[a-z']+", before)][-8:]):
        if word in _FIRST_PERSON:
            return False
        if word in _SOMEONE_ELSE:
            return True
    return False


# What the writer can only say of someone else through these words; the rest ("hopeless", "a
# burden") are read as the writer's own whoever else the sentence names.
_OWN_ONLY = {"attempt", "self_harm", "passive"}


def _affirmed(pattern, text: str, *, own: bool = False) -> bool:
    """``pattern`` matches ``text`` (or its unmasked reading) somewhere the words do not deny (and,
    with ``own``, that is not about someone else)."""
    for variant in dict.fromkeys((lexicon.fold(text), lexicon.unmask(text))):
        if pattern.rx.search(variant) is None:
            continue
        for match in pattern.rx.finditer(variant):
            if not _denied(variant, match.start()) and not (own and _someone_elses(variant, match.start())):
                return True
    return False


def factors(text: str) -> list[str]:
    """The risk factors named in ``text`` (categories of lexicon.RISK_FACTORS), leaving out what
    the words deny ("I've never self-harmed", "I'm not hopeless") and attempts, self-harm or a wish
    to die that are someone else's ("she has attempted suicide")."""
    return [name for name, pattern in lexicon.RISK_FACTORS.items()
            if _affirmed(pattern, text, own=name in _OWN_ONLY)]


def weight(categories) -> float:
    return sum(WEIGHTS.get(c, 0.0) for c in set(categories))


@dataclass
class Assessment:
    verdict: str            # CRISIS, ASK, SOFT or CLEAR
    factors: list[str]      # named in this message
    accumulated: list[str]  # named over the window, this message included
    why: str = ""


def assess(text: str, level: str, *, prior=(), reasons=None, lang: str | None = None) -> str:
    """What the companion does with a message the screener rated ``level`` (see ``evaluate``)."""
    return evaluate(text, level, prior=prior, reasons=reasons, lang=lang).verdict


def evaluate(text: str, level: str, *, prior=(), reasons=None, lang: str | None = None) -> Assessment:
    """What a message means for the conversation, from the screener's level, the words, and the
    risk factors of the last turns (``prior``: one list of factors per earlier turn, oldest first).
    The words are read as the person wrote them and unmasked (spaced-out letters, leetspeak), and
    what they deny ("I've never self-harmed") or give to someone else ("she attempted suicide") does
    not count.

    - imminent, or high on suicidal thinking of the writer's own: the crisis flow. A "high" whose
      evidence holds none (risk factors lifted by the screener's model, "I'm not suicidal", "when I
      was 14": the companion reads the words the screener pointed at) is decided on the
      companion's own reading below, with help in view at least; the screener's alert stands.
    - moderate with explicit self-harm intent in the words: the crisis flow too; here a false
      alarm costs a kind question and a help panel, while a miss costs far more.
    - the screener could not read the language (it has no Spanish rules yet): the companion's
      own checks are all there is, so explicit intent or a strong sign → the crisis flow.
    - risk factors that add up across the last turns (hopelessness, feeling a burden, farewell
      hints, means...) → the safety question; with means or farewells among them and enough
      weight → the crisis flow; a question about ways to die with another factor → the crisis flow.
    - moderate on ideation the companion reads as the writer's own, intent the screener
      discounted, a strong sign (a wish not to be alive, self-harm, a farewell, an attempt, a
      question about ways to die), or a screener failure: ask directly and kindly (asking about
      suicide does not raise risk: Dazzi et al. 2014, Psychological Medicine 44(16),
      https://doi.org/10.1017/S0033291714001299).
    - a single weaker sign (hopeless, trapped, a burden, self-hatred, despair or pain, "can't take
      it anymore"), a moderate on risk factors alone, or suicide named where the screener read it
      as someone else's or a mere mention: ordinary stress talks like this too, so support, not the
      suicide question, with help kept in view and a gentle check-in (SOFT).
    """
    rank = RANK.get(level, -1)
    unmasked = lexicon.unmask(text)
    named_intent = bool(lexicon.SELF_HARM_INTENT.search(text)
                        or (unmasked != lexicon.fold(text) and lexicon.SELF_HARM_INTENT.rx.search(unmasked)))
    intent = named_intent and _affirmed(lexicon.SELF_HARM_INTENT, text, own=True)
    now = factors(text)
    if not intent and named_intent and "death" not in now:
        now = [*now, "death"]  # intent the words deny ("I'd never kill myself"): talk of death
    blind = screener_blind(reasons, lang)
    constructs = _constructs(reasons)
    if intent and not blind and 0 <= rank <= RANK["low"] and constructs and constructs <= _MENTION_ONLY:
        intent = False
        now = [*now, "death"] if "death" not in now else now
    window = [c for turn in list(prior)[-(WINDOW - 1):] for c in turn]
    accumulated = sorted(set(now) | set(window))
    total = weight(accumulated)
    named = [c for c in accumulated if c not in WEAK]  # talk of death alone does not count as a factor
    # The screener's "high" on evidence with no suicidal thinking of the writer's own in it (risk
    # factors lifted by its model, "I'm not suicidal", "when I was 14"): the screener's alert stands,
    # and the companion decides on its own reading below, at least with help in view. Imminent, or
    # ideation the companion reads as the writer's own: the crisis flow.
    # Likewise a level the screener carried over from the earlier messages because this one takes
    # them back ("never mind", "era broma": a ``conversation`` reason marked ``minimised``): the
    # companion already acts on those messages, and reads this one as the deflection it is.
    overread = (level == "high" or _carried(reasons)) and bool(reasons) and not intent \
        and not set(now) & STRONG and not screened_ideation(reasons, text)
    if rank >= RANK["high"] and not overread:
        return Assessment(CRISIS, now, accumulated, "screened_" + level)
    if rank == RANK["moderate"] and intent:
        return Assessment(CRISIS, now, accumulated, "moderate_with_intent")
    if rank == RANK["moderate"] and {"farewell", "attempt"} & set(now):
        # Preparation (giving things away, goodbyes) or an attempt: the English rules rate
        # preparation high; the companion does not wait for every language's rules to.
        return Assessment(CRISIS, now, accumulated, "moderate_with_preparation")
    if rank == RANK["moderate"] and set(now) & STRONG and len(named) >= 2 and total >= 3:
        # A wish not to be alive (or self-harm) together with another factor, on a moderate screen.
        return Assessment(CRISIS, now, accumulated, "moderate_with_factors")
    if blind and (intent or set(now) & STRONG):
        return Assessment(CRISIS, now, accumulated, "unscreened_language")
    if intent and 0 <= rank <= RANK["low"] and not _discounted(reasons):
        # Explicit intent that the screener did not read as such (it found nothing to discount).
        return Assessment(CRISIS, now, accumulated, "intent_unscreened")
    if now and total >= CRISIS_AT and {"means", "farewell"} & set(accumulated) and len(named) >= 3:
        return Assessment(CRISIS, now, accumulated, "accumulated")
    if now and {"means", "plan"} <= set(accumulated):
        return Assessment(CRISIS, now, accumulated, "plan_with_means")
    if intent and {"means", "farewell", "attempt", "plan", "method"} & set(accumulated):
        return Assessment(CRISIS, now, accumulated, "intent_with_means")
    if "method" in now and set(named) - {"method", "means"}:
        # Asking how to die, with a wish not to live, hopelessness or the like in the same breath
        # or the last turns: the question has its answer already.
        return Assessment(CRISIS, now, accumulated, "method_with_factors")
    # Lifted to moderate by the screener's statistical model, with no ideation the rules could name
    # (at most hopelessness, feeling trapped...): the screener has raised its own moderate alert for
    # a person to look; the companion decides about the question on its own evidence below, and
    # otherwise gives support with help in view.
    # Likewise when the screener's moderate rests only on risk factors (hopelessness, feeling a
    # burden...), or on words the companion reads as denied, a figure of speech or the past ("not
    # drinking or self-harming any more", "makes me want to curl up and die", "when I was 14").
    lifted = rank == RANK["moderate"] and bool(reasons) and not screened_ideation(reasons, text)
    if (rank == RANK["moderate"] and not lifted) or level == "unknown" or intent:
        return Assessment(ASK, now, accumulated, "screened_" + level if not intent else "intent")
    if set(now) & STRONG:
        return Assessment(ASK, now, accumulated, "strong_sign")
    if set(now) - WEAK and total >= ASK_AT and len(named) >= 2:
        # Factors that add up, this message naming one of them (despair or talk of death on top of
        # earlier factors keeps help in view and, after the question, asks it again).
        return Assessment(ASK, now, accumulated, "accumulated")
    if now or lifted or overread:
        return Assessment(SOFT, now, accumulated, "sign" if now else "model_lift")
    return Assessment(CLEAR, now, accumulated)


_NEGATION = re.compile(r"\b(not|no|never|n't|nunca|ni|tampoco|sin)\b|n't\b")


def _only_negated_intent(text: str) -> bool:
    """Every mention of self-harm or of a risk factor in ``text`` is negated ("I'm not thinking
    of suicide", "I don't want to die"); "no quiero vivir" is not (the "no" is part of it)."""
    # The answer's own leading "no" is not a negation of what follows ("no, no quiero seguir").
    folded = re.sub(r"^\s*(no|nope|nah)(\s*[,.!;:-]+\s*|\s+(?=no\b))", "", lexicon.fold(text))
    for pattern in (lexicon.SELF_HARM_INTENT, *lexicon.RISK_FACTORS.values()):
        for match in pattern.finditer(folded):
            before = folded[max(0, match.start() - 40): match.start()]
            if not _NEGATION.search(before):
                return False
    return True


def explicit_no(text: str, level: str, reasons=None) -> bool:
    """A clear, explicit "no" to the safety question: a plain negative answer ("No", "No, I'm not
    thinking of suicide, I'm safe", "No, estoy a salvo"), not hedged, not dismissive ("nah lol",
    "no, forget it"), not a "yes" or "maybe", naming self-harm only to deny it, and screening
    clean (a lift by the screener's statistical model or by the earlier messages alone, with no
    words of this answer its rules name, does not count against so plain an answer). Anything
    short of that keeps help in view."""
    if not text or len(text.split()) > 25:
        return False
    if not lexicon.SAFE_ANSWER.search(text) or lexicon.UNSAFE_ANSWER.search(text):
        return False
    if lexicon.DISMISSIVE.search(text) and not _safe_statement(text):
        return False
    if lexicon.HEDGE.search(text) or not _only_negated_intent(text):
        return False
    rank = RANK.get(level, -1)
    if rank >= RANK["moderate"]:
        # Raised only by the statistical model or by the earlier messages, not by these words.
        constructs = _constructs(reasons)
        return bool(constructs) and constructs <= {"model", "conversation"}
    return 0 <= rank <= RANK["low"] and level != "unknown"


_SAFE_STATEMENT = re.compile(r"\b(i'?m safe|i am safe|estoy a salvo|not thinking (of|about)|no estoy pensando en)\b")


def _safe_statement(text: str) -> bool:
    """"No, I'm fine, I'm safe": "I'm fine" is dismissive on its own, not next to "I'm safe"."""
    folded = lexicon.fold(text)
    if not _SAFE_STATEMENT.search(folded):
        return False
    rest = _SAFE_STATEMENT.sub(" ", folded)
    strict = re.compile(r"\b(lol|jk|kidding|joking|whatever|forget|nvm|never ?mind|misunderst\w*|broma|olvida\w*"
                        r"|da igual|jaja\w*|haha\w*)\b")
    return not strict.search(rest)


@dataclass
class ReplyCheck:
    ok: bool
    reason: str = ""


# A companion that is a program never claims to be a person, a clinician, or to have lived
# through anything; a model may try, so replies are checked for it.
_SELF_CLAIMS = re.compile(
    r"\bi(?:'m| am) (?:a |an )?(?:real |actual )?(?:human|person|therapist|counsell?or|psychologist|psychiatrist|doctor"
    r"|nurse|clinician|woman|man|girl|boy)\b"
    r"|\bi(?: have|'ve) (?:been through|gone through|felt|experienced|lived through|struggled with|had)\b"
    r"|\bwhen i was (?:young|a kid|a child|your age|at school|in school)\b"
    r"|\bmy (?:own )?(?:mum|mom|dad|mother|father|wife|husband|partner|kids|children|family|friend|therapist|childhood)\b"
    r"|\bi (?:also|too) (?:feel|felt|get|got) (?:anxious|sad|depressed|lonely|stressed)\b"
    r"|\bas a (?:human|person|therapist|doctor)\b",
    re.IGNORECASE,
)
# Phone numbers come from the curated directory only; a model must never invent one.
_PHONE = re.compile(r"(?:\+?\d[\s().-]?){6,}\d")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_HARMFUL_ADVICE = re.compile(
    r"\b(?:how (?:many|much) (?:pills|tablets)|lethal dose|painless(?:ly)? (?:way|method)|(?:method|ways?) to (?:kill|end)"
    r"|you should (?:just )?(?:end it|kill|hurt|die))\b", re.IGNORECASE)
MAX_REPLY = 1500
# Issue #17: the model's reply check passed 12 of 13 unsafe replies. What it now also refuses:
# numbers written to slip past a digit pattern ("oh eight hundred", "O8OO", "0 8 0 0"), web
# addresses (a companion sends nobody anywhere; the help panel has the curated lines), advice
# against treatment, and an invented persona.
_NUMBER_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4",
    "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}
_NUMBER_TOKEN = re.compile(r"[a-záéíóúñ]+|\d+", re.IGNORECASE)
_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[a-z0-9-]{2,}\s*(?:\.|\(dot\)|\[dot\]|\s+dot\s+|\s+punto\s+)\s*"
    r"(?:com|org|net|info|io|co|uk|es|mx|ar|us|de|fr|app|help|online|site)\b", re.IGNORECASE)
_AGAINST_TREATMENT = re.compile(
    r"\b(?:stop|quit|skip|give up|come off|cut out) (?:taking )?(?:your |the |those |these )?"
    r"(?:pills|tablets|meds|medications?|medicines?|antidepressants?|prescriptions?|treatment|therapy)\b"
    r"|\byou (?:don'?t|do not|won'?t|will not) need (?:your |a |any |the )?"
    r"(?:therapist|therapy|counsell?or|counsell?ing|doctor|gp|psychiatrist|psychologist|meds|medications?|pills"
    r"|tablets|treatment|professional help)\b"
    r"|\b(?:therapists?|therapy|doctors?|meds|medications?|antidepressants?) (?:are|is) (?:useless|pointless|a waste"
    r"|a scam|poison)\b"
    r"|\b(?:deja|dejar|deja de tomar|dejar de tomar|no tomes) (?:tus |las |la |los )?"
    r"(?:pastillas|medicaci[oó]n|medicamentos|antidepresivos|tratamiento|terapia)\b"
    r"|\bno necesitas (?:a )?(?:tu |un |una |el |la )?(?:terapeuta|psic[oó]log[oa]|psiquiatra|m[eé]dic[oa]|medicaci[oó]n"
    r"|pastillas|tratamiento|terapia)\b", re.IGNORECASE)
_PERSONA = re.compile(
    r"\bmy name(?:'s| is)\b|\bi(?:'m| am) called\b|\bcall me [A-Z]|\b(?:hi|hello|hey)[,!]?\s+i(?:'m| am)\s+[A-Z][a-z]+\b"
    r"|\bme llamo\b|\bmi nombre es\b", re.IGNORECASE)


def _spelled_digits(text: str) -> str:
    """The digits a text spells out, runs joined: "oh eight hundred five 5 5" -> "0800555"; letters
    that pass for digits inside a number (O8OO, l23) count as digits there."""
    out, run = [], []
    for token in _NUMBER_TOKEN.findall(text.lower()):
        if token.isdigit():
            run.append(token)
        elif token in ("hundred", "cien"):
            run.append("00")
        elif token in _NUMBER_WORDS and (token not in ("o", "oh", "uno") or run):
            run.append(_NUMBER_WORDS[token])
        elif re.fullmatch(r"[0-9ol]+", token) and any(c.isdigit() for c in token):
            run.append(token.replace("o", "0").replace("l", "1"))
        else:
            if run:
                out.append("".join(run))
            run = []
    if run:
        out.append("".join(run))
    return " ".join(out)


def _disguised_number(text: str) -> bool:
    return any(len(chunk) >= 7 for chunk in _spelled_digits(_DATE.sub("", text)).split())


def check_reply(reply: str, *, allow_phone: bool = False, reviewed: bool = False) -> ReplyCheck:
    """Whether a reply may be shown. Anything the screener rates moderate or above fails: a reply
    must never carry crisis language of its own (the fixed crisis-flow texts are written to pass).
    ``reviewed``: the engine's own, reviewed texts, checked by the screener's rules (they are
    written to pass them; a statistical model's guess about a fixed text says nothing new); a
    language model's reply is checked by the whole screener."""
    if not reply or not reply.strip():
        return ReplyCheck(False, "empty")
    if len(reply) > MAX_REPLY:
        return ReplyCheck(False, "too_long")
    if _SELF_CLAIMS.search(reply):
        return ReplyCheck(False, "claims_experience")
    if not allow_phone and (_PHONE.search(_DATE.sub("", reply)) or _disguised_number(reply)):
        return ReplyCheck(False, "phone_number")
    if _URL.search(reply):
        return ReplyCheck(False, "web_address")
    if _HARMFUL_ADVICE.search(reply) or _AGAINST_TREATMENT.search(reply):
        return ReplyCheck(False, "harmful")
    if _PERSONA.search(reply):
        return ReplyCheck(False, "persona")
    level, _reasons = _screen_rules(reply) if reviewed else screen_text(reply)
    if level == "unknown" or RANK.get(level, 0) >= RANK["moderate"]:
        return ReplyCheck(False, f"screened_{level}")
    return ReplyCheck(True)


class SentenceGate:
    """Passes streamed text on one whole sentence at a time, each checked first; after a sentence
    fails, nothing more goes out (the final, checked reply then replaces what was shown)."""

    _END = re.compile(r"[.!?…](?:[\"'”)\]]*)\s")

    def __init__(self, emit):
        self.emit = emit
        self.buffer = ""
        self.blocked = False

    def __call__(self, delta: str) -> None:
        if self.blocked:
            return
        self.buffer += delta
        while (match := self._END.search(self.buffer)) is not None:
            sentence, self.buffer = self.buffer[: match.end()], self.buffer[match.end():]
            if not check_reply(sentence.strip()).ok:
                self.blocked = True
                return
            self.emit(sentence)

    def flush(self) -> None:
        if not self.blocked and self.buffer.strip() and check_reply(self.buffer.strip()).ok:
            self.emit(self.buffer)
        self.buffer = ""
