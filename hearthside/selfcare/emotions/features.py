"""Text -> feature strings, shared by training (``scripts/train_emotions.py``) and inference.

Training feeds these exact functions to scikit-learn as callable analyzers, and inference
looks the same strings up in the committed vocabulary, so the two cannot drift apart.
Changing anything here changes the features: retrain and bump ``FEATURES_VERSION``.

Three blocks of features:

* ``word_features``: word unigrams ("w|sad") and bigrams ("b|not sad"), with a sentence
  start marker so "b|^ thanks" differs from "thanks" mid-sentence (TF-IDF);
* ``char_features``: character 2- to 5-grams inside each word padded with spaces
  ("c| sa", "c|sad "), which covers misspellings, inflections and emoji (TF-IDF);
* ``lexicon_features``: one feature per emotion of the small seed lexicon below that the
  text mentions ("l|gratitude"; "l|~joy" within three words after a negation, as in "not
  happy"); binary, not normalised, so the signal does not fade in longer texts.

The seed lexicon lets what the data teaches about frequent words carry over to rare
synonyms: GoEmotions has thousands of "thanks" but seven "grateful", so "grateful" alone
learns little, while "l|gratitude" learns from both. It is the project's own short list of
everyday emotion words (a trailing ``*`` matches any ending, so prefixes are chosen not to
catch other words: "hope*" would catch "hopeless"), not a third-party lexicon.

Pure standard library, no numpy, no Django.
"""

from __future__ import annotations

import re
import unicodedata

FEATURES_VERSION = 5

# Longer texts are cut: GoEmotions comments are under 1,000 characters and the cut keeps
# the latency of one prediction bounded whatever a caller sends.
MAX_CHARS = 5000

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Three or more repeats of a character become two: "soooo" -> "soo", "!!!!" -> "!!".
_REPEATS = re.compile(r"(.)\1{2,}", re.DOTALL)
# GoEmotions masks people and religions as [NAME] / [RELIGION]; keep them as one token.
_TOKEN = re.compile(r"\[[a-z]+\]|[^\W_]+(?:'[^\W_]+)*|[^\w\s]", re.UNICODE)
_CHAR_MIN, _CHAR_MAX = 2, 5

SEED_LEXICON: dict[str, str] = {
    "admiration": "admire* admirable amazing awesome impressive impressed brilliant beautiful gorgeous "
    "respect* inspiring incredible wonderful fantastic talented genius legend* stunning",
    "amusement": "lol lmao lmfao rofl haha* hehe* hilarious funny laugh* laughing amusing 😂 🤣",
    "anger": "angry anger furious rage* mad pissed livid outraged hate hated hating fuming infuriat* "
    "enraged wrath resent* irate",
    "annoyance": "annoy* irritat* frustrat* ugh ugh* bother* ridiculous tiresome fed",
    "approval": "agree* agreed yes yeah yep exactly correct true approve* fair valid support supportive",
    "caring": "care caring hug hugs hugged hugging safe comfort comforting comforted gentle kindly "
    "support supportive sorry",
    "confusion": "confus* puzzl* baffl* huh unclear understand perplex* lost",
    "curiosity": "curious* wonder wondering interested intrigu* why how ?",
    "desire": "want wanted wanting wish* crave* craving desire* longing yearn* hope",
    "disappointment": "disappoint* unfortunately sadly shame pity bummer letdown underwhelm*",
    "disapproval": "disagree* wrong unacceptable disapprove* shouldn't nope bad",
    "disgust": "disgust* gross nasty vile revolting yuck ew eww* repuls* repugnant creepy sickening",
    "embarrassment": "embarrass* awkward ashamed shame humiliat* cringe* mortified blush*",
    "excitement": "excited exciting excitement thrill* pumped hype hyped stoked psyched eager",
    "fear": "afraid scared scary terrified terrifying terror fear* frighten* horrified horrifying panic* "
    "dread* petrified",
    "gratitude": "thank* thx ty grateful gratitude appreciat* thankful kudos indebted 🙏",
    "grief": "grief griev* mourn* funeral condolence* died passed rip bereave*",
    "joy": "happy happiness happier joy joyful glad delighted yay cheerful pleased ecstatic elated "
    "blissful 😊 😄 😀",
    "love": "love loved loves loving lovely adore* ❤ 😍 ♥ beloved",
    "nervousness": "nervous* anxious anxiety anxieties worried worry* uneasy jittery stress* tense "
    "overwhelm* restless",
    "optimism": "hope hoped hopes hoping hopeful* hopefully optimis* confident positive* brighter",
    "pride": "proud pride accomplish* achievement* honored honoured",
    "realization": "realiz* realise realised realises realising realisation* noticed figured turns "
    "apparently aha",
    "relief": "relief relieved relieving phew whew",
    "remorse": "sorry apology apologies apologize* apologise* apologizing apologising regret* guilty "
    "guilt remorse* forgive",
    "sadness": "sad sadly sadden* unhappy depress* cry crying cried tears heartbroken miserable "
    "lonel* alone empty hopeless* upset devastat* gloomy sorrow* hurt* 😢 😭 ☹ 🙁 😞",
    "surprise": "surpris* shock* wow whoa woah unexpected* astonish* stunned omg",
}
_NEGATORS = frozenset("not no never nothing nobody none without hardly barely cannot nor".split())
_NEGATION_WINDOW = 3


def _build_lexicon() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], tuple[int, ...]]:
    exact: dict[str, list[str]] = {}
    prefix: dict[str, list[str]] = {}
    for label, words in SEED_LEXICON.items():
        for word in words.split():
            table, key = (prefix, word[:-1]) if word.endswith("*") and len(word) > 1 else (exact, word)
            table.setdefault(key, []).append(label)
    lengths = tuple(sorted({len(k) for k in prefix}))
    return ({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in prefix.items()}, lengths)


_LEX_EXACT, _LEX_PREFIX, _LEX_PREFIX_LENGTHS = _build_lexicon()


def _negates(token: str) -> bool:
    return token in _NEGATORS or token.endswith("n't")


def lexicon_features(text: str, toks: list[str] | None = None) -> list[str]:
    """"l|<emotion>" per lexicon hit, "l|~<emotion>" within three tokens after a negation."""
    toks = tokens(text) if toks is None else toks
    feats: list[str] = []
    negated_until = -1
    for i, t in enumerate(toks):
        if _negates(t):
            negated_until = i + _NEGATION_WINDOW
            continue
        if t in ".!?;":
            negated_until = -1
        labels = _LEX_EXACT.get(t, ())
        for n in _LEX_PREFIX_LENGTHS:
            if n > len(t):
                break
            labels += _LEX_PREFIX.get(t[:n], ())
        if labels:
            mark = "l|~" if i <= negated_until else "l|"
            feats += [mark + label for label in dict.fromkeys(labels)]
    return feats


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).translate(_APOSTROPHES).lower()
    return _REPEATS.sub(r"\1\1", text)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def word_features(text: str, toks: list[str] | None = None) -> list[str]:
    toks = tokens(text) if toks is None else toks
    feats = ["w|" + t for t in toks]
    feats += ["b|" + a + " " + b for a, b in zip(["^", *toks], toks, strict=False)]  # "^" marks the start
    return feats


def char_features(text: str, toks: list[str] | None = None) -> list[str]:
    toks = tokens(text) if toks is None else toks
    padded = [" " + t + " " for t in toks]
    feats: list[str] = []
    for n in range(_CHAR_MIN, _CHAR_MAX + 1):
        feats += ["c|" + p[i : i + n] for p in padded for i in range(len(p) - n + 1)]
    return feats
