"""Derive the crisis screener's phrase tables from the Suicide Risk Lexicon.

Source: Low, D. M. et al. (2024), Suicide Risk Lexicon v1.0 (Apache-2.0),
shipped in ``../shared/data/suicide_risk_lexicon_low/``.  The output,
``hearthside/safety/screening/data/lexicon.json``, is committed so that the
runtime never reads ``../shared``.

Usage::

    .venv/bin/python scripts/build_lexicon.py [--src DIR] [--out FILE] [--check]

``--check`` rebuilds in memory and exits 1 if the committed file differs, so CI
can catch hand edits of the generated table.

The lexicon was written to *measure constructs* in text, not to raise alarms,
so many entries are single generic words ("bridge", "pills", "attempt",
"escape") or idioms ("killing me", "rest in peace") that would fire on
ordinary posts.  The curation below keeps the lexicon's construct assignment
where it is specific, moves entries whose meaning depends on a framing verb
("jump off a bridge" is only ideation after "want to" / "going to") into a
``method`` table that the screener only counts with such a frame, and drops
the rest with a recorded reason.  Only the surface forms are used: the second
half of every column in the CSV repeats the entries lemmatised ("wish I be
dead"), which would never occur in real text.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "suicide_risk_lexicon_low"
DEFAULT_OUT = ROOT / "hearthside" / "safety" / "screening" / "data" / "lexicon.json"
LEXICON_GLOB = "suicide_risk_lexicon_validated_2*.csv"
PROTOTYPICAL_GLOB = "suicide_risk_lexicon_validated_prototypical_tokens_*.csv"
DEFINITIONS = "suicide_risk_constructs_and_definitions_clean.csv"

# Screener table -> (label, lexicon constructs it draws from).
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "passive_ideation": ("Passive suicidal ideation (wish to be dead)", ("Passive suicidal ideation",)),
    "active_ideation": ("Active suicidal ideation", ("Active suicidal ideation & suicidal planning",)),
    "method": ("Suicide method named (counts with a desire or intent frame)",
               ("Active suicidal ideation & suicidal planning", "Lethal means for suicide")),
    "plan": ("Plan, preparation or method-seeking", ("Active suicidal ideation & suicidal planning",)),
    "lethal_means": ("Lethal means", ("Lethal means for suicide",)),
    "self_injury": ("Self-injury", ("Direct self-injury",)),
    "suicide_exposure": ("Exposure to someone else's suicide", ("Suicide exposure",)),
    "hopelessness": ("Hopelessness", ("Hopelessness",)),
    "entrapment": ("Entrapment or wish to escape", ("Entrapment & desire to escape",)),
    "burdensomeness": ("Perceived burdensomeness", ("Burdensomeness",)),
    "worthlessness": ("Shame, self-hatred or worthlessness", ("Shame, self-disgust, & worthlessness",)),
    "emotional_pain": ("Emotional pain", ("Emotional pain & psychache",)),
    "crisis_state": ("Says they are in crisis or not safe", ("Other suicidal language",)),
    "help_seeking": ("Mentions crisis services or a safety plan", ("Other suicidal language",)),
}

# Lexicon construct -> default screener table for entries not listed below.
DEFAULT_TABLE = {
    "Passive suicidal ideation": "passive_ideation",
    "Active suicidal ideation & suicidal planning": "active_ideation",
    "Lethal means for suicide": "lethal_means",
    "Direct self-injury": "self_injury",
    "Suicide exposure": "suicide_exposure",
    "Other suicidal language": "passive_ideation",
    "Hopelessness": "hopelessness",
    "Entrapment & desire to escape": "entrapment",
    "Burdensomeness": "burdensomeness",
    "Shame, self-disgust, & worthlessness": "worthlessness",
    "Emotional pain & psychache": "emotional_pain",
}

# A single word is only kept when it names the construct unambiguously.
SPECIFIC_SINGLE_WORDS = {
    "kms", "overdose", "overdosing", "nssi", "noose", "antifreeze", "cyanide", "firearm", "handgun",
    "pistol", "revolver", "shotgun", "pesticide", "benzodiazepine", "hopeless", "hopelessness",
    "futureless", "trapped", "suicidality", "psychache", "worthless", "razor", "gun", "pills",
    "rope", "blade", "knife", "bleach", "helium", "sedative", "opiate", "narcotics", "monoxide",
    "9mm", "poison", "od",
}

# Entries whose meaning depends on the construct *and* a frame, moved to a table.
MOVE: dict[str, str] = {
    # Active list: behaviours that are preparation rather than ideation.
    "I wrote a suicide note": "plan",
    "giving away my possessions": "plan",
    "make it look like a accident": "plan",
    "painless way out": "plan",
    "taking all the pills": "method",
    "buying a gun": "lethal_means",
    "buying a rope": "lethal_means",
    "carbon monoxide": "lethal_means",
    "suffocation": "lethal_means",
    "poison": "lethal_means",
    "OD": "lethal_means",
    "over dose": "method",
    "overdose": "method",
    "overdosing": "method",
    "car off a bridge": "method",
    "crash my car": "method",
    "drive my car into": "method",
    "hit by a train": "method",
    "hit by the train": "method",
    "jump from the roof": "method",
    "jump in front of a train": "method",
    "jump into traffic": "method",
    "jump off a bridge": "method",
    "jump off a building": "method",
    "jump off my balcony": "method",
    "jump off the building": "method",
    "jump off the roof": "method",
    "jump out of the window": "method",
    "jump out the window": "method",
    "jumping off a bridge": "method",
    "pull the trigger": "method",
    "run in front of traffic": "method",
    "slam my car": "method",
    "wreck my car": "method",
    "wreck my truck": "method",
    "drink myself to death": "active_ideation",
    "drink pesticide": "method",
    "self-harm": "self_injury",
    "suicide attempt": "past_attempt_mention",
    "suicide note": "plan_weak",
    "thought about jumping off": "active_ideation",
    # Lethal means list: phrases that are themselves a method of acting.
    "electrocuting myself": "active_ideation",
    "hanging myself": "active_ideation",
    "setting myself on fire": "active_ideation",
    "shoot myself": "active_ideation",
    "shooting myself": "active_ideation",
    "slice my wrist": "active_ideation",
    "slitting my wrists": "active_ideation",
    "stab my self": "active_ideation",
    "stabbing my self": "active_ideation",
    "stabbing myself": "active_ideation",
    "knife to my throat": "active_ideation",
    "jumping off": "method",
    "tried OD": "past_attempt_mention",
    "tried to OD": "past_attempt_mention",
    # Other suicidal language: the lexicon's catch-all, split by meaning.
    "I'm in a crisis": "crisis_state",
    "I'm not safe": "crisis_state",
    "I'm on the ledge": "crisis_state",
    "I don't trust myself": "crisis_state",
    "crisis center": "help_seeking",
    "crisis hotline": "help_seeking",
    "crisis text line": "help_seeking",
    "safety check": "help_seeking",
    "safety plan": "help_seeking",
    "I hate my life": "hopelessness",
    "hate my life": "hopelessness",
    "life is over": "hopelessness",
    "life is pointless": "hopelessness",
    "life is shit": "hopelessness",
    "sick of my life": "hopelessness",
    "only thing keeping me going": "hopelessness",
    "breaking point": "entrapment",
    "can't do this anymore": "entrapment",
    "can't live like this": "entrapment",
    "can't take any more of this": "entrapment",
    "don't want to do this anymore": "entrapment",
    "don't know how much longer I can": "entrapment",
    "no way out": "entrapment",
    "the end of my rope": "entrapment",
    "no one will miss me": "burdensomeness",
    "ending my life": "active_ideation",
    "suicidal behavior": "active_ideation",
    "suicidal intent": "active_ideation",
    "suicidal tendencies": "active_ideation",
    "suicidal thoughts": "active_ideation",
    "suicidality": "active_ideation",
    "exit bag": "lethal_means",
    "it's my time to go": "farewell",
    # Shame list: entries that belong to other constructs of the same model.
    "I'm a burden": "burdensomeness",
    "world will be better without me": "burdensomeness",
    "deserve to die": "passive_ideation",
    "deserve death": "passive_ideation",
    "not deserving of life": "passive_ideation",
    "I don't deserve to be here": "passive_ideation",
    "I should just disappear": "passive_ideation",
    # Cross-listed entries: keep the most specific reading.
    "end it all": "active_ideation",
    # Usually non-suicidal self-injury; intent is not stated.
    "cutting my wrists": "self_injury",
}

# Entries dropped, grouped by why (the reason is recorded in the output).
DROP: dict[str, tuple[str, ...]] = {
    "idiom or hyperbole": (
        "killing me", "I could just die", "I'm dying", "dying", "I'll die", "I'll be dead", "will be dead",
        "I will be dying", "rest in peace", "death wish", "I could disappear", "on the edge",
        "feel like dying", "giving up", "give up", "escape from reality", "doom", "doomed", "crushed",
        "crushing", "it's over", "it's all over", "dead end", "bind", "drag", "drain", "demanding",
        "bother", "I'm sinking", "nothing to lose", "being saved",
    ),
    "too generic on its own": (
        "attempt", "cutting", "drowning", "quick and easy", "quick and painless", "easy and painless",
        "exit plan", "make a will", "write a will", "suffocating my", "fade out", "fading away",
        "lifeless", "oblivion", "peaceful death", "want to be done with this", "fatal", "farewell",
        "my death", "my demise", "my final act", "when I die", "when I'm dead", "when I'm gone",
        "when I'm not around", "needs to be dead", "severe depression", "thing that kept me going",
        "body bag", "want to end this", "ending it", "keeping me alive", "kill me",
        "if I live or die", "I annoy", "I annoy others", "I'm annoying", "I take up space",
        "responsibility", "put that on them", "put that upon them", "feel guilty about others caring for me",
        "difficult for me to ask for help", "intrusive", "overbearing", "dependent", "inconvenience",
        "inconvenient", "hindrance", "imposition", "nuisance", "useless", "unworthy",
        "I won't accomplish", "can't see", "defeat", "desolation", "desperate", "discouraging",
        "dismal", "don't have faith", "don't know what to do", "done for", "expect the worse",
        "futile", "gloom", "gloomy", "goner", "helpless", "impossibility", "incapable",
        "inconsolable", "incurable", "irredeemable", "irreparable", "irreversible", "it won't work",
        "it's impossible", "it's too late", "it's useless", "nihilistic", "no chance", "no relief",
        "no solution", "pessimism", "pessimistic", "pointless", "unachievable", "won't get it",
        "cynical", "bleak", "I can't avoid", "I can't evade", "I have no control", "I've lost control",
        "a fresh start", "avoidance", "bondage", "breakout", "caged", "captive", "chained", "chains",
        "claustrophobia", "claustrophobic", "confinement", "cornered", "craving release", "encaged",
        "entrap", "escape", "exit", "flee", "liberate", "liberation", "lockdown", "locked in",
        "paralyzing", "powerless", "quagmire", "quarantine", "restrained", "snare", "stuck",
        "suffocated", "suffocating", "to be free", "to break free", "want to leave",
        "want to start again", "want to escape", "want to get out", "have to escape",
        "ER", "anti freeze", "asphyxiation", "balcony", "bridge", "burning my", "carbon", "chemicals",
        "cliff", "high place", "hydrogen", "illicit drug", "inert gas", "over the counter drug",
        "precipice", "prescription drug", "sharp object", "skyscraper", "tall building", "weapon",
        "plastic bag", "muscle relaxer", "want to jump", "gas inhalation", "lethal injection", "car exhaust",
        "burning charcoal", "charcoal burning",
    ),
    "body-focused repetitive behaviour, not self-injury risk": (
        "abrasion", "bang my head", "banging my head", "bash my head", "hit my head", "carving",
        "dermatillomania", "dermotillomania", "hair-pulling", "laceration", "nail-biting",
        "pick at my skin", "pull my hair", "scarring", "scars", "scratch at my", "scratch my",
        "scratched my", "scratching", "skin picking", "skin-picking", "stick and poke tattoo",
        "sticking a needle in my", "trichotillomania", "burn my face", "burn my hand", "mutilate my",
        "bit myself", "biting myself",
    ),
    "topic or public-health term, not a personal statement": (
        "13 reasons why", "Robin Williams", "contagion effect", "copycat suicide", "exposure to suicide",
        "postvention", "public suicide", "suicide", "suicide aftermath", "suicide awareness",
        "suicide cluster", "suicide contagion", "suicide crisis", "suicide epidemic",
        "suicide in the news", "suicide ripple effect", "suicide survivor", "werther effect",
        "suicidal", "suicide bereavement", "suicidal behavior",
    ),
    "emotional vocabulary too common in non-crisis posts": (
        "aching", "agony", "anguish", "bereavement", "burnout", "crying", "despair", "emotional trauma",
        "grief", "guilt", "heartache", "heartbreak", "hollow", "hurt", "melancholic", "melancholy",
        "misery", "my heart is broken", "pain", "scarred", "torment", "torture", "akward",
        "am fucked up", "broken", "contempt", "demoralizing", "disgraced", "distraught", "embarrass",
        "embarrassed", "embarrassment", "humiliation", "inadequacy", "incompetent", "inept", "inferior",
        "inferiority", "lack of self-confidence", "mortified", "no honor", "not confident", "pathetic",
        "regret", "remorse", "self-doubt", "shame", "shy", "stammer", "stigma", "stutter",
        "unattractive", "undeserving", "unimportant", "I'm boring", "I'm ugly", "I'm not enough",
        "I'm a freak", "never amounting to", "something's wrong with me", "what's wrong with me",
        "not good enough", "I'm inadequate", "embarrassed", "I'm nothing", "unworthiness",
        "emotional suffering",
    ),
}


def read_columns(path: Path, *, lemmatised_half: bool = True) -> dict[str, list[str]]:
    """Return surface-form entries per lexicon construct column.

    Each construct occupies three columns (entries, ``_include``, ``_add``);
    rows whose index cell is not a number hold the prompt, definition,
    reference and examples.  The full lexicon repeats every column lemmatised
    in its second half; the prototypical file does not.
    """
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    out: dict[str, list[str]] = {}
    for col, name in enumerate(header):
        if not name or name.endswith(("_include", "_add")):
            continue
        entries = [r[col].strip() for r in rows[1:] if r and r[0].isdigit() and col < len(r) and r[col].strip()]
        if lemmatised_half:
            if len(entries) % 2:
                raise SystemExit(f"{path.name}: column {name!r} has an odd entry count; layout changed?")
            entries = entries[: len(entries) // 2]
        out[name] = entries
    return out


def read_definitions(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return {r["Construct"].strip(): " ".join(r["Definition"].split()) for r in csv.DictReader(fh)}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(src: Path) -> dict:
    lexicon_path = sorted(p for p in src.glob(LEXICON_GLOB) if "prototypical" not in p.name)[-1]
    proto_path = sorted(src.glob(PROTOTYPICAL_GLOB))[-1]
    columns = read_columns(lexicon_path)
    prototypical = read_columns(proto_path, lemmatised_half=False)
    drop_reason = {entry.lower(): reason for reason, entries in DROP.items() for entry in entries}
    move = {k.lower(): v for k, v in MOVE.items()}

    tables: dict[str, dict[str, set[str]]] = {}
    dropped: Counter[str] = Counter()
    considered = 0
    for lex_construct, default in DEFAULT_TABLE.items():
        for entry in columns[lex_construct]:
            considered += 1
            key = entry.lower()
            if key in move:
                table = move[key]
            elif key in drop_reason:
                dropped[drop_reason[key]] += 1
                continue
            elif " " not in key and "-" not in key and key not in SPECIFIC_SINGLE_WORDS:
                dropped["single generic word"] += 1
                continue
            else:
                table = default
            phrase = " ".join(entry.replace("’", "'").split())
            if phrase.lower() == "make it look like a accident":
                phrase = "make it look like an accident"
            tables.setdefault(table, {}).setdefault(phrase.lower(), set()).add(lex_construct)

    definitions = read_definitions(src / DEFINITIONS)
    proto_set = {e.lower() for entries in prototypical.values() for e in entries}
    out_tables = {}
    for name in sorted(tables):
        phrases = tables[name]
        label = TABLES.get(name, (name.replace("_", " ").capitalize(), ()))[0]
        out_tables[name] = {
            "label": label,
            "lexicon_constructs": sorted({c for cs in phrases.values() for c in cs}),
            "phrases": sorted(phrases),
            "prototypical": sorted(p for p in phrases if p in proto_set),
        }
    return {
        "format": 1,
        "generated_by": "scripts/build_lexicon.py",
        "source": {
            "name": "Suicide Risk Lexicon v1.0",
            "citation": "Low, D. M., et al. (2024). Suicide Risk Lexicon v1.0. construct-tracker.",
            "url": "https://github.com/danielmlow/construct-tracker",
            "licence": "Apache-2.0",
            "files": {p.name: sha256(p) for p in (lexicon_path, proto_path, src / DEFINITIONS)},
        },
        "definitions": {c: definitions[c] for c in sorted(definitions) if c in {
            "Passive suicidal ideation", "Active suicidal ideation", "Self-injury", "Lethal means suicide",
            "Hopelessness", "Burdensomeness", "Entrapment desire to escape", "Suicide exposure",
        }},
        "entries_considered": considered,
        "entries_dropped": dict(sorted(dropped.items())),
        "tables": out_tables,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed table is stale")
    args = ap.parse_args(argv)
    if not args.src.is_dir():
        print(f"lexicon source not found: {args.src}", file=sys.stderr)
        return 2
    data = build(args.src)
    text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale; run scripts/build_lexicon.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    kept = sum(len(t["phrases"]) for t in data["tables"].values())
    print(f"wrote {args.out.relative_to(ROOT)}: {kept} phrases in {len(data['tables'])} tables "
          f"from {data['entries_considered']} entries; dropped {data['entries_dropped']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
