#!/usr/bin/env python3
"""Does the crisis screener keep its reading when a message is written a little differently?

People write the same thing with a hedge in front ("honestly", "no sé,"), a word of address at
the end ("wey", "tío", "bro"), no punctuation, an intensifier ("I *really* want to..."), the
pronoun dropped ("want to die"), "ando" for "estoy", an emoji after it.  None of these changes
what was said, so none should take a crisis message below ``moderate`` -- nor lift an everyday
message to it.

This script takes the crisis messages the screener reads at ``moderate`` or above (hand-written
set A and the project's corpus, texts under 300 characters; set B is never read here), applies
each change below, and counts how many variants fall below ``moderate``; it does the same to
the look-alikes and everyday messages the screener reads at ``low`` or below and counts how many
rise to ``moderate`` or above.  The corpus trains the shipped model, so its rows are in-sample
for the model (``--rules`` measures the rules alone).

    .venv/bin/python scripts/eval_perturbations.py [--rules] [--lang en|es] [-v N]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hearthside.safety.screening import Screener  # noqa: E402
from hearthside.safety.screening.result import LEVEL_INDEX  # noqa: E402

HANDWRITTEN = ROOT / "scripts" / "eval_data" / "handwritten.csv"
CORPUS = ROOT / "hearthside" / "safety" / "screening" / "corpus"
CRISIS = {"moderate", "high", "imminent"}
MAX_CHARS = 300


def _deaccent(t: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))


def _strip_end(t: str) -> str:
    return t.rstrip(" .!")


def _sub(pattern: str, repl: str, flags: int = re.IGNORECASE) -> Callable[[str], str]:
    rx = re.compile(pattern, flags)
    return lambda t: rx.sub(repl, t, count=1)


# Each change keeps the meaning of a message; a change that does not apply leaves it as it is
# (and it is not counted).
CHANGES: dict[str, dict[str, Callable[[str], str]]] = {
    "en": {
        "hedge first: honestly": lambda t: "honestly " + t,
        "hedge first: ngl": lambda t: "ngl " + t,
        "hedge first: like": lambda t: "like " + t,
        "sentence first: so tired.": lambda t: "so tired. " + t,
        "sentence first: hey.": lambda t: "hey. " + t,
        "hedge last: tbh": lambda t: _strip_end(t) + " tbh",
        "hedge last: idk": lambda t: _strip_end(t) + ". idk",
        "address last: bro": lambda t: _strip_end(t) + " bro",
        "emoji last": lambda t: t + " 😔",
        "no punctuation": lambda t: re.sub(r"[.,!?;:]", "", t),
        "all capitals": str.upper,
        "intensifier: really": _sub(r"\b(?<!n't )(?<!not )(want|need|can't|cant|am|feel)\b", r"really \1"),
        "intensifier: just": _sub(r"\b(?<!n't )(?<!not )(want|need|can't|cant|feel)\b", r"just \1"),
        "pronoun dropped": _sub(r"^(?:i|I) (?=\w)", ""),
        "im for i'm": _sub(r"\bi'?m\b|\bi am\b", "im"),
        "gonna / wanna": lambda t: re.sub(r"\bgoing to\b", "gonna", re.sub(r"\bwant to\b", "wanna", t)),
        "newline for full stop": lambda t: t.replace(". ", "\n", 1),
        "hedge first: tbh": lambda t: "tbh " + t,
        "hedge first: lowkey": lambda t: "lowkey " + t,
        "address last: dude": lambda t: _strip_end(t) + " dude",
        "apostrophes dropped": lambda t: re.sub(r"(?<=\w)['’](?=\w)", "", t),
        "u for you": _sub(r"\byou\b", "u"),
        "rn for right now": _sub(r"\bright now\b", "rn"),
        "intensifier: literally": _sub(r"\b(?<!n't )(?<!not )(want|need|can't|cant|feel)\b", r"literally \1"),
        "letters repeated": _sub(r"\b(please|done|bye|sorry|tired|over|gone)\b", lambda m: m.group(1) + m.group(1)[-1] * 3),
    },
    "es": {
        "hedge first: la verdad": lambda t: "la verdad " + t,
        "hedge first: neta": lambda t: "neta " + t,
        "hedge first: no sé,": lambda t: "no sé, " + t,
        "sentence first: estoy cansada.": lambda t: "estoy cansada. " + t,
        "sentence first: hola.": lambda t: "hola. " + t,
        "hedge last: la verdad": lambda t: _strip_end(t) + ", la verdad",
        "address last: wey": lambda t: _strip_end(t) + " wey",
        "address last: tío": lambda t: _strip_end(t) + " tío",
        "address last: boludo": lambda t: _strip_end(t) + " boludo",
        "address last: amiga": lambda t: _strip_end(t) + " amiga",
        "word last: ya": lambda t: _strip_end(t) + " ya",
        "emoji last": lambda t: t + " 😔",
        "no punctuation": lambda t: re.sub(r"[.,!?;:¿¡]", "", t),
        "no accents": _deaccent,
        "all capitals": str.upper,
        "q for que": _sub(r"\bque\b", "q"),
        "ando for estoy": _sub(r"\bestoy (?=\w+(?:ando|iendo)\b)", "ando "),
        "newline for full stop": lambda t: t.replace(". ", "\n", 1),
        # Session 18 (es-robust): regional words of address, a word of address first, voseo, where the
        # clitic goes, "ya no", chat spellings.
        "address last: parce": lambda t: _strip_end(t) + " parce",
        "address last: güey": lambda t: _strip_end(t) + " güey",
        "address last: mano": lambda t: _strip_end(t) + " mano",
        "address last: hermano": lambda t: _strip_end(t) + " hermano",
        "address last: , loca": lambda t: _strip_end(t) + ", loca",
        "address first: amiga,": lambda t: "amiga, " + t,
        "address first: wey": lambda t: "wey " + t,
        "hedge first: bueno,": lambda t: "bueno, " + t,
        "voseo": lambda t: re.sub(r"\b(?:quieres|tienes|puedes|eres|sabes|vienes|dices)\b",
                                  lambda m: _VOSEO[m.group().lower()], t, flags=re.IGNORECASE),
        "clitic after the infinitive": _sub(r"\bme (quiero|voy a|quisiera|pienso|necesito|puedo) "
                                            r"(\w+(?:ar|er|ir))\b", r"\1 \2me"),
        "clitic before the verb": _sub(r"\b(quiero|voy a|quisiera|pienso|necesito|puedo) (\w+(?:ar|er|ir))me\b",
                                       r"me \1 \2"),
        "ya no for no": _sub(r"(?<!ya )\bno (quiero|puedo|aguanto|soporto|tengo|voy)\b", r"ya no \1"),
        "pa for para": _sub(r"\bpara\b", "pa"),
        "kiero for quiero": _sub(r"\bquiero\b", "kiero"),
    },
}
_VOSEO = {"quieres": "querés", "tienes": "tenés", "puedes": "podés", "eres": "sos", "sabes": "sabés",
          "vienes": "venís", "dices": "decís"}


def _corpus() -> list[tuple[str, str, bool]]:
    out = []
    for path in sorted(CORPUS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if len(r["text"]) < MAX_CHARS and r.get("lang") in CHANGES:
                    out.append((r["lang"], r["text"], r["level"] in CRISIS))
    return out


def _handwritten() -> list[tuple[str, str, bool]]:
    with HANDWRITTEN.open(encoding="utf-8", newline="") as fh:
        return [(r["lang"], r["text"], r["gold"] == "crisis") for r in csv.DictReader(fh)
                if not r["context"] and r["lang"] in CHANGES]


def measure(screener: Screener, rows: list[tuple[str, str, bool]], langs: tuple[str, ...]) -> dict:
    """Per (language, change): [applied, changed reading] for crisis rows read at moderate+
    ("dropped") and for other rows read at low or below ("raised"), with examples."""
    def level(text: str) -> int:
        return LEVEL_INDEX[screener.screen(text).level]

    stats: dict = defaultdict(lambda: [0, 0])
    examples: dict = defaultdict(list)
    for lang, text, crisis in rows:
        if lang not in langs:
            continue
        before = level(text)
        if crisis and before < 2 or not crisis and before >= 2:
            continue
        kind = "dropped" if crisis else "raised"
        for name, change in CHANGES[lang].items():
            variant = change(text)
            if variant == text:
                continue
            s = stats[(lang, kind, name)]
            s[0] += 1
            after = level(variant)
            if (after < 2) if crisis else (after >= 2):
                s[1] += 1
                examples[(lang, kind, name)].append(variant)
    return {"stats": dict(stats), "examples": dict(examples)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules", action="store_true", help="the rules alone, without the shipped model")
    ap.add_argument("--lang", choices=sorted(CHANGES), help="one language only")
    ap.add_argument("--source", choices=("all", "handwritten", "corpus"), default="all")
    ap.add_argument("-v", type=int, default=0, metavar="N", help="print up to N changed variants per change")
    args = ap.parse_args(argv)
    screener = Screener(base=not args.rules)
    rows = ([] if args.source == "corpus" else _handwritten()) + ([] if args.source == "handwritten" else _corpus())
    langs = (args.lang,) if args.lang else tuple(CHANGES)
    result = measure(screener, rows, langs)
    stats, examples = result["stats"], result["examples"]
    totals: Counter = Counter()
    print(f"screener: {'rules only' if args.rules else 'default (rules + shipped model)'}; source: {args.source}")
    print("| language | crisis variants that fell below moderate | look-alike variants raised to moderate+ |")
    print("|---|---|---|")
    for lang in langs:
        d = [stats.get(k, [0, 0]) for k in stats if k[0] == lang and k[1] == "dropped"]
        r = [stats.get(k, [0, 0]) for k in stats if k[0] == lang and k[1] == "raised"]
        dn, dk = sum(x[0] for x in d), sum(x[1] for x in d)
        rn, rk = sum(x[0] for x in r), sum(x[1] for x in r)
        totals.update({"dn": dn, "dk": dk, "rn": rn, "rk": rk})
        print(f"| {lang} | {dk}/{dn} = {dk / max(dn, 1):.3f} | {rk}/{rn} = {rk / max(rn, 1):.3f} |")
    print()
    print("| language | change | crisis dropped | look-alikes raised |")
    print("|---|---|---|---|")
    for lang in langs:
        for name in CHANGES[lang]:
            d = stats.get((lang, "dropped", name), [0, 0])
            r = stats.get((lang, "raised", name), [0, 0])
            print(f"| {lang} | {name} | {d[1]}/{d[0]} | {r[1]}/{r[0]} |")
    if args.v:
        for key in sorted(examples):
            print(f"\n{key[0]} {key[1]} by '{key[2]}':")
            for text in examples[key][:args.v]:
                print("   ", text[:200].replace("\n", " / "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
