"""Abuse detection for community content: insults, harassment and hate aimed at people.

    >>> from hearthside.safety.abuse import classify_abuse
    >>> classify_abuse("you are a pathetic idiot").label
    'insult'
    >>> classify_abuse("I feel like shit today").abusive
    False

Pure Python over a hand-written lexicon (``data/abuse_lexicon.json``). It is not trained: the one
labelled abuse data set available here (Davidson et al. 2017) may be used for development only,
so it only measures this detector (``scripts/eval_moderation.py``, figures in docs/moderation.md).

What it is built to get right, in a peer-support community:

- swearing is not abuse: "I feel like shit", "this week was fucking hard" are profanity, never held;
- insults about oneself are distress, not abuse: "I'm such an idiot", "they called me a loser";
- support is not abuse: "you are not stupid", "it's ok if you feel useless";
- insults and slurs aimed at someone else, harassment ("nobody wants you here", "kys") and
  generalisations about a group of people ("<group> are vermin") are held for a moderator.

Labels, most serious first: ``hate``, ``harassment``, ``insult``, ``profanity``, ``none``. Only the
first three are ``abusive``. Crisis language is the crisis screener's job (``safety.screen``):
callers screen for crisis first.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from hearthside.safety.screening.text import leet_table

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "abuse_lexicon.json"
ABUSIVE_LABELS = ("hate", "harassment", "insult")
LABEL_ORDER = {"none": 0, "profanity": 1, "insult": 2, "harassment": 3, "hate": 4}
WINDOW = 6  # tokens looked back from an insult for who it is aimed at

_LEET = leet_table({"1": "i", "!": "i", "|": "i", "€": "e"})
_CLAUSE = re.compile(r"(?:[.?;:,\n()\"“”]|!+(?=\s|$)|\s-\s)+")
_TOKEN = re.compile(r"[a-z0-9@$!*|€'’_]+")
_MENTION = re.compile(r"@[a-z0-9_]{2,}")
_URL = re.compile(r"https?://\S+|www\.\S+")
_RUN3 = re.compile(r"(.)\1{2,}")
_RUN2 = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class AbuseResult:
    """``reasons``: short, human-readable lines for moderators (which words, aimed at whom)."""

    abusive: bool
    label: str
    score: float
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"abusive": self.abusive, "label": self.label, "score": self.score, "reasons": list(self.reasons)}


def _expand(entries: list[str]) -> set[str]:
    out = set()
    for entry in entries:
        if entry.endswith("+"):
            word = entry[:-1]
            out.update({word, word + "s", word + "es"})
        else:
            out.add(entry)
    return out


class _Lexicon:
    def __init__(self, data: dict) -> None:
        self.version = data["version"]
        self.weights: dict[str, float] = data["weights"]
        self.threshold = float(data["threshold"])
        self.second = set(data["second_person"])
        self.first = set(data["first_person"])
        self.third = set(data["third_person"])
        self.negators = set(data["negators"])
        self.exemptors = set(data["exemptors"])
        self.story_min_tokens = int(data["story_min_tokens"])
        # Phrases (one or more tokens) -> kind; scanned by their first token.
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind, key in (("hate", "hate_slurs"), ("severe_insult", "severe_insults"), ("insult", "insults"),
                          ("insult_adjective", "insult_adjectives"), ("profanity", "profanity")):
            for phrase in _expand(data[key]):
                words = tuple(phrase.split())
                self.phrases.setdefault(words[0], []).append((words, kind))
        for entries in self.phrases.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest match first
        # One-word entries for reading a starred token ("b*****s"), mildest kind first and then in
        # alphabetical order: when several fit, the reading is the same in every process (a set's
        # order changed with the hash seed) and never a slur by a guess.
        rank = {"profanity": 0, "insult_adjective": 1, "insult": 2, "severe_insult": 3, "hate": 4}
        single = {w: max(rank[k] for words, k in entries if len(words) == 1)
                  for w, entries in self.phrases.items() if any(len(words) == 1 for words, _k in entries)}
        self.single_words = tuple(sorted(single, key=lambda w: (single[w], w)))
        groups = "|".join(sorted((re.escape(g) for g in data["hate_groups"]), key=len, reverse=True))
        predicates = "|".join(sorted((re.escape(p) for p in data["hate_predicates"]), key=len, reverse=True))
        verbs = "|".join(sorted((re.escape(v) for v in data["hate_verbs"]), key=len, reverse=True))
        self.hate_patterns = [
            re.compile(rf"\b(?:all |those |these |the |fucking |filthy |dirty )*(?:{groups}) (?:are|r|is|were) "
                       rf"(?:all |just |nothing but |such |so |fucking |literally )*(?:{predicates})\b"),
            re.compile(rf"\b(?:{verbs}) (?:all |the |those |these |every |fucking |filthy |dirty )*(?:{groups})\b"),
        ]
        self.harassment = [re.compile(p) for p in data["harassment_patterns"]]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    with LEXICON_PATH.open(encoding="utf-8") as fh:
        return _Lexicon(json.load(fh))


def normalise(text: str) -> str:
    """Lower case, accents off, URLs dropped, mentions as ``@user``, curly quotes straightened."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("&amp;", "&")
    text = _URL.sub(" ", text)
    return _MENTION.sub(" @user ", text)


def _clean_token(token: str, lex: _Lexicon) -> str:
    """Undo the usual disguises: leetspeak (sh1t), stars (f*ck), stretched letters (fuuuck)."""
    token = token.strip("!|'_*")
    if not token or token == "@user":
        return token
    if "*" in token or "_" in token:
        pattern = re.compile("^" + re.escape(token).replace(r"\*", "[a-z]").replace("_", "[a-z]") + "$")
        for word in lex.single_words:
            if len(word) == len(token) and pattern.match(word):
                return word
        return token.replace("*", "").replace("_", "")
    if any(c.isalpha() for c in token) and not token.isalpha():
        token = token.translate(_LEET).replace("'", "'")
    if token in lex.phrases or not _RUN3.search(token):
        return token
    two = _RUN3.sub(r"\1\1", token)
    if two in lex.phrases:
        return two
    one = _RUN2.sub(r"\1", token)
    return one if one in lex.phrases else two


def _clauses(text: str, lex: _Lexicon) -> list[list[str]]:
    clauses = []
    for part in _CLAUSE.split(text):
        tokens = [_clean_token(t, lex) for t in _TOKEN.findall(part)]
        tokens = [t.replace("'", "") if t not in lex.first and t not in lex.second else t for t in tokens if t]
        # "f u c k" / "f.u.c.k": single letters in a row are read as one word too.
        joined, run = [], []
        for tok in tokens + [""]:
            if len(tok) == 1 and tok not in ("i", "u"):
                run.append(tok)
                continue
            if len(run) >= 3 and "".join(run) in lex.phrases:
                joined.append("".join(run))
            else:
                joined.extend(run)
            run = []
            if tok:
                joined.append(tok)
        if joined:
            clauses.append(joined)
    return clauses


def _target(tokens: list[str], end: int, lex: _Lexicon) -> tuple[str, bool]:
    """Who the words ending before ``end`` are aimed at (``second``, ``first``, ``third`` or ``none``),
    and whether a negation or a feeling/reporting verb stands between them and the person.
    ``tokens`` may start with the end of the clause before (after a comma: "I'm a mess, a failure")."""
    softened = False
    for j in range(end - 1, max(-1, end - 1 - WINDOW), -1):
        tok = tokens[j]
        if tok in lex.negators or tok.endswith("nt") and tok[:-2] in {"is", "are", "was", "were", "do", "does", "did"}:
            softened = True
        elif tok in lex.exemptors:
            softened = True
        if tok in lex.second:
            return "second", softened
        if tok in lex.first:
            return "first", softened
        if tok in lex.third:
            return "third", softened
    return "none", softened


def _hits(clause: list[str], lex: _Lexicon):
    i = 0
    while i < len(clause):
        for words, kind in lex.phrases.get(clause[i], ()):
            if tuple(clause[i:i + len(words)]) == words:
                yield i, " ".join(words), kind
                i += len(words) - 1
                break
        i += 1


def classify_abuse(text: str) -> AbuseResult:
    lex = lexicon()
    norm = normalise(text)
    found: list[tuple[str, float, str]] = []  # (label, weight, reason)
    clauses = _clauses(norm, lex)
    flat = " | ".join(" ".join(c) for c in clauses)
    story = sum(len(c) for c in clauses) >= lex.story_min_tokens
    for pattern in lex.harassment:
        match = pattern.search(flat)
        if match:
            found.append(("harassment", lex.weights["harassment"], f"harassment: “{match.group(0).strip()}”"))
            break
    for pattern in lex.hate_patterns:
        match = pattern.search(flat)
        if match:
            found.append(("hate", lex.weights["hate"], f"hate: generalisation about a group, “{match.group(0)}”"))
            break
    previous: list[str] = []
    for clause in clauses:
        for pos, phrase, kind in _hits(clause, lex):
            if kind == "profanity":
                found.append(("profanity", lex.weights["profanity"], f"profanity: “{phrase}”"))
                continue
            if kind == "hate":
                found.append(("hate", lex.weights["hate"], f"hate: slur “{phrase}”"))
                continue
            target, softened = _target(clause, pos, lex)
            if target == "none" and previous:
                tail = previous[-WINDOW:]
                target, softened = _target(tail + clause, len(tail) + pos, lex)
            if target == "none" and story:
                continue  # no one named, in a long text: more likely a story told than an insult
            if softened or target == "first":
                continue  # support ("you are not stupid"), feelings ("I feel useless"), self-talk
            if kind == "insult_adjective" and target != "second":
                continue  # "that film was stupid" is an opinion, not an insult
            aimed = {"second": "at the reader", "third": "at someone", "none": "as address"}[target]
            found.append(("insult", lex.weights[kind], f"insult: “{phrase}” {aimed}"))
        previous = clause
    if not found:
        return AbuseResult(False, "none", 0.0, [])
    label = max((f[0] for f in found), key=LABEL_ORDER.__getitem__)
    remaining = 1.0
    for _label, weight, _reason in found:
        remaining *= 1.0 - weight
    score = round(1.0 - remaining, 4)
    abusive = label in ABUSIVE_LABELS and score >= lex.threshold
    reasons = list(dict.fromkeys(r for lab, _w, r in found if lab != "profanity" or not abusive))
    return AbuseResult(abusive, label, score, reasons[:6])
