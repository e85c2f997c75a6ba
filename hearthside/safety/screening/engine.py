"""Rule-based crisis screener.

Pipeline per text: canonical tokens (:mod:`.text`) -> phrase hits from one
token trie built at import from the lexicon tables and :mod:`.patterns` ->
per-hit context (person, negation, hypothetical, quotation, tense, intent)
-> a level on the C-SSRS-style ladder:

* ``low``       risk factors only (hopelessness, burdensomeness, entrapment),
                a remote past attempt, concern about someone else, denial;
* ``moderate``  wish to be dead (passive ideation), current self-injury, a
                farewell message, a past attempt without a time frame;
* ``high``      thoughts of killing oneself (active ideation), a method or
                plan, or passive ideation together with means/time/plan;
* ``imminent``  an attempt in progress, or active ideation with intent plus
                means, time or preparation.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from importlib import resources
from itertools import compress, filterfalse
from typing import NamedTuple

from . import bare as BARE
from . import es as ES
from . import es_cache, rxcache, tablecache
from . import patterns as P
from .evidence import RISK_FACTORS, Evidence, Sign, add_evidence_flags, inside_quotes, quote_spans
from .evidence import contained_spans as _contained
from .result import LEVELS, NONE, SUPPORTED_LANGUAGES, Reason, Screening, score_for
from .templates import expand
from .text import (
    EN_WORDS,
    LANG_NAMES,
    Tokens,
    blank_edges,
    canon_words,
    detect_language,
    mark_runons,
    register_vocab,
    tokenize,
)

NO, LOW, MOD, HIGH, IMM = range(5)

LABELS = {
    "attempt_in_progress": "Suicide attempt in progress",
    "plan": "Plan, preparation or method-seeking",
    "active_ideation": "Active suicidal ideation (thoughts of killing oneself)",
    "passive_ideation": "Passive suicidal ideation (wish to be dead)",
    "lethal_means": "Access to lethal means",
    "timing": "Time frame for acting",
    "farewell": "Farewell or final message",
    "self_injury": "Self-injury",
    "past_attempt": "Past suicide attempt",
    "third_person_concern": "Concern about someone else's safety",
    "suicide_exposure": "Exposure to someone else's suicide",
    "hopelessness": "Hopelessness",
    "entrapment": "Entrapment or feeling unable to go on",
    "burdensomeness": "Perceived burdensomeness",
    "worthlessness": "Self-hatred or worthlessness",
    "emotional_pain": "Unbearable emotional pain",
    "crisis_state": "Says they are in crisis or not safe",
    "help_seeking": "Mentions crisis services or a safety plan",
    "suicide_mention": "Mentions suicide as a topic",
    "directed_at_others": "Suicide language aimed at someone else (e.g. 'kys')",
    "unsupported_language": "Language not supported by the screener",
    "model": "Statistical model flags crisis language",
}

BASE = {
    "attempt_in_progress": IMM, "plan": HIGH, "active_ideation": HIGH, "passive_ideation": MOD,
    "self_injury": MOD, "farewell": HIGH, "past_attempt": MOD, "crisis_state": LOW, "hopelessness": LOW,
    "entrapment": LOW, "burdensomeness": LOW, "worthlessness": LOW, "emotional_pain": LOW,
    "help_seeking": LOW, "suicide_exposure": LOW, "directed_at_others": LOW, "timing": NO,
    "lethal_means": NO, "suicide_mention": NO, "method": HIGH, "intensity": NO,
}
IDEATION = frozenset({"active_ideation", "passive_ideation", "plan", "attempt_in_progress", "method",
                      "self_injury", "past_attempt", "farewell"})

# Lexicon tables that need flags the JSON does not carry.
LEXICON_TABLES = {
    "method": ("method", "frame method"),
    "plan_weak": ("plan", "weak"),
    "past_attempt_mention": ("past_attempt", ""),
    "lethal_means": ("lethal_means", "weak"),
}

VERB_FORMS: dict[str, tuple[tuple[str, str], ...]] = {}
# Base form, -s form, past forms ("a/b": both), -ing form; "-": none. The -s and -ing forms are
# present tense.
for _line in """
    kill        kills        killed        killing
    end         ends         ended         ending
    take        takes        took/taken    taking
    hang        hangs        hanged/hung   hanging
    cut         cuts         -             cutting
    slit        slits        -             slitting
    slash       slashes      slashed       slashing
    slice       slices       sliced        slicing
    jump        jumps        jumped        jumping
    shoot       shoots       shot          shooting
    stab        stabs        stabbed       stabbing
    overdose    overdoses    overdosed     overdosing
    drown       drowns       drowned       drowning
    burn        burns        burned/burnt  burning
    harm        harms        harmed        harming
    hurt        hurts        -             hurting
    want        wants        wanted        wanting
    wish        wishes       wished        wishing
    die         dies         died          dying
    hope        hopes        hoped         hoping
    think       thinks       thought       thinking
    commit      commits      committed     committing
    attempt     attempts     attempted     attempting
    drink       drinks       drank/drunk   drinking
    poison      poisons      poisoned      poisoning
    electrocute electrocutes electrocuted  electrocuting
    crash       crashes      crashed       crashing
    wreck       wrecks       wrecked       wrecking
    drive       drives       drove/driven  driving
    run         runs         ran           running
    set         sets         -             setting
    blow        blows        blew/blown    blowing
    carve       carves       carved        carving
    punch       punches      punched       punching
    hit         hits         -             hitting
    choke       chokes       choked        choking
    wound       wounds       wounded       wounding
    write       writes       wrote/written writing
    give        gives        gave/given    giving
    buy         buys         bought        buying
    plan        plans        planned       planning
    stop        stops        stopped       stopping
    deserve     deserves     deserved      deserving
    beg         begs         begged        begging
    feel        feels        felt          feeling
    sleep       sleeps       slept         sleeping
    pull        pulls        pulled        pulling
    suffocate   suffocates   suffocated    suffocating
    starve      starves      starved       starving
    mutilate    mutilates    mutilated     mutilating
    am          -            was           -
    is          -            was           -
    are         -            were          -
""".strip().splitlines():
    _base, _present, _past, _ing = _line.split()
    forms: list[tuple[str, str]] = []
    if _present != "-":
        forms.append((_present, "present"))
    if _past != "-":
        forms.extend((p, "past") for p in _past.split("/"))
    if _ing != "-":
        forms.append((_ing, "present"))
    VERB_FORMS[_base] = tuple(forms)
FORM_TENSE: dict[str, str | None] = {}
for _base, _forms in VERB_FORMS.items():
    # "cut", "hurt", "set": the bare form is also the past tense.
    FORM_TENSE.setdefault(_base, "present" if any(t == "past" for _, t in _forms) else None)
    for _f, _t in _forms:
        FORM_TENSE.setdefault(_f, _t)
FORM_TENSE.update({"was": "past", "were": "past", "tried": "past", "attempted": "past", "took": "past"})

_PERSON_SELF = frozenset({"myself", "my", "me", "i", "mine"})
_PERSON_OTHER = frozenset({"himself", "herself", "themselves", "themself", "his", "their", "her"})
_PERSON_YOU = frozenset({"yourself", "your", "you", "yourselves"})
_REFLEXIVES = {"himself": "other", "herself": "other", "themselves": "other", "themself": "other", "yourself": "you"}
_POSSESSIVES = {"his": "other", "her": "other", "their": "other", "your": "you"}
_BODY_OR_LIFE = frozenset({"life", "own", "wrist", "wrists", "throat", "brains", "veins", "neck"})
_PERSON_EXPANDED = frozenset({"active_ideation", "method", "self_injury", "past_attempt"})
_NOWITH_NEXT = frozenset("""with conversation relationship call meeting chapter thread post chat argument fight
    cycle year week semester contract deal game season streak friendship""".split())
_NOWITH_LAST = frozenset({"it", "things", "this", "everything"})
_SELF_CONSTRUCTS = frozenset({"farewell", "plan", "attempt_in_progress", "crisis_state", "help_seeking",
                              "timing", "lethal_means"})
# "I almost killed myself laughing": accident or hyperbole, not ideation.
_IDIOM_NEXT = frozenset("""laughing laugh laughed tripping tripped falling fell slipping slipped accidentally accident
    doing working studying over""".split())
# What follows a cut or a burn told as a mishap ("cut myself shaving", "burned myself cooking").
_MISHAP_NEXT = frozenset("""shaving cooking chopping slicing gardening accidentally accident baking ironing""".split())
# Despair with intensity is worth a human look in a message at most this long (words).
_SHORT_EARNEST = 30
# A message that is nothing but finality ("i'm done. for good this time") is at most this long, and
# every word outside its intensity phrases is one of these (session 14).
_BARE_FINAL_MAX = 10
# One of these must be said: "i mean it" or "for real" alone is only emphasis.
_FINAL_MARKS = frozenset("""done good back mind decided time over trying try fighting fight stop decision end fail
    doing return saved stopped found rescued finished end decision sure help know""".split())
# Session 16: chat-style emphasis ("fr", "ngl"), "ready", "completely", giving up and "anymore" may
# stand beside finality ("i'm ready. no turning back", "i give up for real this time"); a time word
# may not ("i'm done for tonight" is a shift ending).
_BARE_FINAL_WORDS = frozenset("""i am im m done so really just ok okay yeah yes this time it is over now no not
    there and for good that all everything decided seriously serious honestly truly i will fr frfr ngl tbh
    deadass istg srsly ready completely totally give giving gave up anymore more tired exhausted sorry please can out
    """.split())
# "I want to die of embarrassment", "... of laughter": a figure of speech (session 13).
_DIE_OF_FIGURE = frozenset("""laughter laughing embarrassment boredom cringe cuteness jealousy envy heat hunger
    thirst excitement happiness joy curiosity anticipation suspense secondhand""".split())
# What may follow a phrase flagged "end" ("gonna commit." / "gonna commit tonight").
_PRESCRIBED = frozenset("prescribed doctor doctors dr gp pharmacist recommended course antibiotics".split())
# "I took 2 advil for my headache", "I took 400mg of ibuprofen": a number is a quantity (``<qty>``
# holds "#"), but a count or a dose that ordinary use has is not an overdose. Counts of 1-4 and doses
# under 4 g (4,000 mg, the most acetaminophen a day) are ordinary; anything larger, a unit that is
# not a weight, or a quantity word beside the number ("2 bottles", "all") is not.
_ORDINARY_COUNT = 4
_ORDINARY_MG = {"mg": 1, "milligrams": 1, "milligram": 1, "g": 1000, "grams": 1000, "gram": 1000, "gr": 1000}
_DOSE_LIMIT_MG = 4000
_QTY_WORDS = P.CLASSES["qty"] - {"#"}
_UNITS = frozenset(_ORDINARY_MG) | frozenset("ml cc units unit x times".split())
_DIGITS = re.compile(r"\d+")
# After "my last post/message": a break, not an ending ("... before the holidays", "... for today").
_ORDINARY_NEXT = frozenset("before until till for of about".split())
_END_OK = frozenset("""tonight today tomorrow soon now suicide lol lmao already finally again tbh ngl fr bye
    goodbye""".split())
# Emoji that close a clause as its last word would ("this is it 🔚"): the "end" check looks past them.
_END_EMOJI = frozenset({"emoji_end", "emoji_hole", "emoji_grave"})
# "suicide squad": the word is part of a name or a topic phrase.
_TOPIC_NEXT = frozenset("""squad prevention awareness hotline helpline rates rate statistics stats bomber bombers
    bombing mission run doors door forest""".split())
# What may follow a bare "I attempted" for it to mean a suicide attempt.
_BARE_ATTEMPT_NEXT = frozenset("""years year months month weeks when # in before once twice last at back as but and so
    again recently yesterday multiple several many few already myself""".split())
# After "want to live": "live out of my car", "live with my parents" are not ideation.
_LIVE_NEXT = frozenset("""out with in at there here near alone together on without by under somewhere anywhere
    a the that close far off upstairs downstairs abroad next paycheck""".split())
_NOUN_FIRST = frozenset({"suicide", "suicidal", "suicidality", "attempted", "self"})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "this", "that", "of", "about", "on"})
# Ninth reading (session 15): look-alikes of the means, the place, a goodbye and "do it".
# "goodbye 2024", "bye bye summer", "goodbye to january": a year, a season or a month ends.
_BYE_WORDS = frozenset("bye goodbye farewell".split())
_ALL_OF_YOU = frozenset("everyone everybody all yall world".split())
_GOODBYE_TO_ALL = _ALL_OF_YOU | frozenset("goodbye farewell to you".split())
_BYE_SKIP = frozenset("bye goodbye good to".split())
_BYE_THINGS = frozenset("""# year years decade summer winter spring autumn fall holidays holiday vacation weekend semester
    term january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split())
# "i'll do it tomorrow, promise": a chore promised, not a plan.
_PROMISE = frozenset("promise promised pinky".split())
# A rope, a cord or a harness readied for climbing, sailing or camping (not for hanging).
_HANG_WORDS = frozenset("rope ropes cord cable belt harness".split())
_ROPE_USE = frozenset("""climb climbs climbing climber crag belay belaying abseil abseiling rappel rappelling harness
    carabiner carabiners bouldering boulder mountain mountaineering expedition boat sailing sail kayak canoe tent
    camping camp tow towing swing hammock tug skipping workout gym horse pony knots sailors scouts""".split())
# On a roof or a bridge for something ordinary: a view, a party, fireworks, a repair.
_HEIGHT_WORDS = P.CLASSES["height"] | frozenset({"rooftop", "roof"})
_SCENE = frozenset("""watching watch fireworks firework sunset sunrise stars eclipse meteor view party bbq barbecue
    picnic drinks drinking beer beers wine smoking smoke cigarette photos photo pictures picture selfie fixing fix
    repairing repair cleaning gutters gutter antenna satellite shingles tiles tanning sunbathing chilling hanging
    friends roommates neighbours neighbors concert parade sightseeing tour""".split())
# A jump for sport or fun ("tomorrow at skydiving i'm going to jump"): not a jump from a height. Water
# and cliffs are left out on purpose: a jump into a river or off a cliff is a way of dying.
_JUMP_WORDS = frozenset("jump jumping".split())
_JUMP_SPORT = frozenset("""skydiving skydive skydiver skydivers parachute parachuting paraglide paragliding bungee
    bungy trampoline trampolines tandem jumpmaster instructor plane parkour ski skiing skis snowboard snowboarding
    ramp ramps hurdle hurdles horse pony showjumping rope skipping jumpscare queue line hoop dunk gym pe""".split())
# A date, a place or a time picked for an occasion ("i chose the date for the trip", "picked the spot
# for the picnic"): planning the occasion, not a death (session 16; the first was high).
_OCCASION = frozenset("""party trip wedding move moving exam exams test interview meeting picnic dinner lunch holiday
    holidays vacation birthday launch concert show game match presentation ceremony reunion graduation appointment
    bbq barbecue shower date honeymoon proposal housewarming sleepover hike camping gig recital""".split())
# A date or affairs set for a life event the message names ("picked the date!! the anniversary of our first
# date. cant wait to marry him", "put my affairs in order before deployment"): session 24.
_DATED_PLAN = frozenset("date day affairs".split())
_CELEBRATION = frozenset("""marry married marrying wedding propose proposing proposal engaged engagement fiance
    fiancee deployment deploying deployed baby newborn pregnant retire retiring retirement honeymoon graduation
    graduate graduating""".split())
_NOT_LIFE = re.compile(r"(?:online|offline|on (?:social media|socials|here|twitter|insta|instagram|tiktok|facebook|"
                       r"reddit|discord|the internet)|from (?:social media|socials|twitter|insta|instagram|tiktok|"
                       r"facebook|reddit|discord|the internet|the group chat|this group|the group)|for (?:a while|a bit|"
                       r"a few days|a week|the weekend|a couple days|a couple of days))\b")
_RELATIVE_WORDS = P.CLASSES["relative"]
_LEAVING_ONLY = re.compile(P.LEAVING_RX)
# ... unless the date keeps clear of the event so as not to spoil it ("the 14th, after my sister's wedding so
# i don't ruin it for her").
_SPOIL = frozenset("ruin ruins ruining ruined spoil spoils spoiling wreck wrecking".split())
# ... or the date comes after the event ("i've chosen the day, after my retirement party").
_AFTER_EVENT = re.compile(r"\b(?:after|once|when) (?:\w+ ){0,3}(?:" + "|".join(sorted(_CELEBRATION)) + r")\b")
_DIED_BEFORE = re.compile(r"\b(?:died|passed|funeral|grave|without (?:him|her))\b")
# "Why shouldn't I end it", "give me a reason I shouldn't": asking, not denying.
# Session 18 (English false alarms, Davidson / GoEmotions dev). A bare "cut" ("wanna cut", "imma cut")
# followed by what is cut -- hair, class, a person or "a bitch" (a threat at someone else), someone
# "off", corners -- is not self-injury; a body word right after keeps it ("gonna cut my wrists").
_CUT_WORDS = frozenset("cut cutting cuts".split())
_CUT_OBJECT = frozenset("""a an the this that these those my your his her their our its it them him you u ya
    ppl people everyone everybody someone somebody off out up down back class classes school corners ties hair
    bangs nails grass lawn costs losses carbs sugar loose bitch bitches hoe hoes""".split())
_CUT_BODY = frozenset("""self skin arm arms wrist wrists leg legs thigh thighs stomach hip hips body ankle
    ankles shoulder shoulders vein veins throat deep deeper again""".split())
# "cut myself a slice of cake", "cut myself some slack", "stop cutting me off": a portion or a favour.
_CUT_PORTION = frozenset("""slice slices piece pieces chunk portion wedge slab serving helping sandwich break
    slack""".split())
# "deep cuts for the girls" (a gym chant), "deep cuts off the album" (music).
_DEEP_CUTS_NEXT = frozenset("for off of from".split())
_DEEP_CUTS_TOPIC = frozenset("""album albums playlist song songs track tracks record records band ep mixtape gym
    rows curls planks squats quads pecs reps sets workout""".split())
# "bye bitch", "bye, bye charlie": a goodbye said to one person (an insult or a name), not a last
# goodbye to everyone.  Friendly words of address ("bye bro") are left to the reading of address.
_BYE_ADDRESS = frozenset("""bitch bitches hoe hoes ho haters hater loser losers felicia""".split())
_BYE_GROUP = frozenset("""everyone everybody all world guys friends family y'all yall forever for now mom mum dad
    mother father""".split()) | P.CLASSES["relative"]
_SAY = frozenset("say says said tell tells".split())
# A seat at a window, unless a drop is named ("sitting on my window sill, it's a long way down").
_HIGH_DROP = frozenset("jump jumping fall falling drop down floor floors storey stories high ledge edge die end".split())
_EXHAUST_VERB_NEXT = frozenset("""all every our my the their your his her options possibilities resources me myself
    yourself him them us""".split())
_RIDE = frozenset("take took taking catch caught missed miss board boarded by ride riding commute".split())
_HABIT = frozenset("always still usually often also".split())
_BYE_FOREVER_THINGS = frozenset("""old braces retainer acne job school exams finals homework cable sugar carbs
    debt diet twitter facebook instagram tiktok""".split())
_AFTERLIFE = frozenset("life death rainbow veil grave heaven this".split())
_TREATS = frozenset("""chocolate sugar candy sweets cake cookies pizza netflix tv anime memes cuteness coffee
    love hugs fun nostalgia carbs cheese junk christmas music kpop""".split())
_HOME_PLACES = frozenset("""city town house flat apartment country state dorm village neighborhood neighbourhood
    area place building street""".split())
_DYED = frozenset("hair beard roots eyebrows brows bangs fringe shirt shirts clothes jeans hoodie eggs".split())
_SITTING = frozenset("sitting sit sat sits".split())
# What an injury told right after "myself" came from in an accident.
_MISHAP_WITH = frozenset("""branch door cupboard ball racket doorframe shelf accidentally accident
    tripped slipped oven stove hob pan kettle iron tray straightener straighteners""".split())
# "guess she doesn't want to go on a date with me": going on something, not going on living.
_GO_ON_THING = frozenset("""a an date dates trip trips vacation holiday holidays tour tours stage air tv dating
    tinder twitter instagram tiktok facebook reddit ride rides strike break cruise""".split())
# "had me on the monkey bars tryna kill myself lol": physical play told with a laugh is hyperbole.
_PLAY = frozenset("""monkey trampoline treadmill skateboard skateboarding skates rollerblades rollercoaster
    coaster swings zipline parkour backflip backflips cartwheel cartwheels workout gym spin squats burpees
    hike hiking climbing bars""".split())
_OF_PLACE = frozenset("at in from of on".split())
_WHY = frozenset({"why", "reason", "reasons"})
_CONJ = frozenset({"but", "and", "because", "though", "although", "yet", "however", "except", "whereas"})


class Entry(NamedTuple):
    construct: str
    flags: frozenset[str]
    tense: str | None
    person: str | None


def _phrase_person(seq: tuple[str, ...]) -> str | None:
    if any(w in _PERSON_SELF for w in seq):
        return "self"
    if any(w in _PERSON_OTHER for w in seq):
        return "other"
    if any(w in _PERSON_YOU for w in seq):
        return "you"
    return None


def _phrase_tense(seq: tuple[str, ...]) -> str | None:
    for w in seq:
        if w in FORM_TENSE:
            return FORM_TENSE[w]
    return None


def _variants(seq: tuple[str, ...], construct: str) -> Iterable[tuple[str, ...]]:
    out = [seq]
    if seq[0] in VERB_FORMS:
        out.extend((form,) + seq[1:] for form, _ in VERB_FORMS[seq[0]])
    if construct in _PERSON_EXPANDED and "i" not in seq and "me" not in seq:
        more = []
        for v in out:
            if "myself" in v:
                more.extend(tuple(r if w == "myself" else w for w in v) for r in _REFLEXIVES)
            for k, w in enumerate(v):
                if w == "my" and k + 1 < len(v) and v[k + 1] in _BODY_OR_LIFE:
                    more.extend(v[:k] + (p,) + v[k + 1:] for p in _POSSESSIVES)
        out.extend(more)
    return out


class _Trie:
    """Token trie.  Keys are canonical words, ``<class>`` slots and ``~``
    (a list of ``(max_gap, child)`` for bounded gaps); ``""`` holds entries."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0

    def add(self, seq: tuple[str, ...], entry: Entry) -> None:
        node = self.root
        for w in seq:
            if w.startswith("~"):
                gaps = node.setdefault("~", [])
                limit = int(w[1:])
                for g, child in gaps:
                    if g == limit:
                        node = child
                        break
                else:
                    child = {}
                    gaps.append((limit, child))
                    node = child
                continue
            node = node.setdefault(w, {})
        bucket = node.setdefault("", [])
        if entry not in bucket:
            bucket.append(entry)
            self.size += 1


def _canon_template_phrase(phrase: str) -> tuple[str, ...]:
    """Canonicalise the words of a phrase, keeping ``<class>`` and ``~N`` tokens."""
    out: list[str] = []
    run: list[str] = []
    for part in phrase.split():
        if part.startswith("<") or (part.startswith("~") and part[1:].isdigit()):
            if run:
                out.extend(canon_words(run))
                run = []
            out.append(part)
        else:
            run.append(part)
    if run:
        out.extend(canon_words(run))
    while out and out[-1].startswith("~"):
        out.pop()
    return tuple(out)


def _load_lexicon() -> dict:
    with resources.files(__package__).joinpath("data/lexicon.json").open(encoding="utf-8") as fh:
        return json.load(fh)


# Constructs that never set a level on their own; a text with none of the
# other constructs' anchor words can skip matching entirely.
_SUPPORT_ONLY = frozenset({"timing", "lethal_means", "intensity"})
# Frequent words make poor anchors: prefer any other word of a phrase.
_COMMON = EN_WORDS | P.FIRST_PERSON | P.SECOND_PERSON | P.THIRD_PERSON | frozenset(
    """a an the to of in on at for with is am are was were be been being do does did not no have has had will
    would can could should may might must shall it this that these those there here so just really all some
    any every each more most very too also then than now out up down off over again about into from by as
    if or and but because when what why how who which where want wants wanted need get got going go one
    like feel felt know think make made take took time day way thing things life today tomorrow tonight late
    long need call plans plan going about before after ran run weekend traffic car home work school house night
    morning week year years month everyone everybody someone anyone nothing everything something anything help
    back away right left last first next new old good bad better best worse worst said say told tell see saw
    look looking keep kept start started still even never always ever much many little lot thinking trying
    keeping thanks thank love loved put give gave find found use used try tried came come coming mean really
    friend friends family mom dad parents people man woman girl guy kid kids school job money place world hand
    own same different other another such only both few last long great big small high part point case week
    problem fact group number question hour hours minute minutes talk talking hard easy sure ok okay yeah hey
    wait waiting live lives home life free full open close end ending ended stop stopped""".split())
# Words that mostly occur in crisis language make the best anchors.
_PREFERRED = frozenset("""die died dying dead death kill killing killed suicide suicidal myself jump jumping hang
    hanging overdose overdosed od pills cut cutting harm harming alive wake noose rope gun goodbye bye farewell
    note attempt attempted hopeless burden trapped worthless unalive kms kys ctb exist existing disappear
    living live bleeding wrists wrist neck suffering pain""".split())


def _rarity(w: str) -> tuple[bool, bool, int]:
    return (w in _PREFERRED, w not in _COMMON, len(w))


def _anchor(seq: tuple[str, ...]) -> tuple[str, ...]:
    """Words (or adjacent word pairs) of which at least one must occur for ``seq`` to match.

    Every literal of a phrase is necessary, so any one is a correct anchor; a
    rare one lets more texts take the fast path.  For phrases made only of
    common words an adjacent pair is rarer than either word.
    """
    literals = [w for w in seq if not w.startswith(("<", "~"))]
    if literals:
        best = max(literals, key=_rarity)
        if best in _PREFERRED or best not in _COMMON:
            return (best,)
        pairs = [(a, b) for a, b in zip(seq, seq[1:], strict=False)
                 if not a.startswith(("<", "~")) and not b.startswith(("<", "~"))]
        if pairs:
            a, b = max(pairs, key=lambda p: (p[0] not in _COMMON or p[1] not in _COMMON, len(p[0]) + len(p[1])))
            return (f"{a} {b}",)
        return (best,)
    cls = next(w for w in seq if w.startswith("<"))
    return tuple(P.CLASSES[cls[1:-1]])


def _build() -> tuple[_Trie, frozenset[str], frozenset[str], frozenset[str]]:
    """The phrase trie of the lexicon and :mod:`.patterns`, the anchors of the phrases that can
    set a level (of the "do it" ones apart), and every word the tables use."""
    lexicon = _load_lexicon()
    trie = _Trie()
    sources: list[tuple[str, str, list[str]]] = []
    for table, data in lexicon["tables"].items():
        construct, flags = LEXICON_TABLES.get(table, (table, ""))
        sources.append((construct, flags, data["phrases"]))
    sources.extend(P.RULES)
    vocab: set[str] = set()
    anchors: set[str] = set()
    short_anchors: set[str] = set()
    for construct, flag_str, templates in sources:
        flags = frozenset(flag_str.split())
        for template in templates:
            for phrase in expand(template):
                seq = _canon_template_phrase(phrase)
                if not seq or seq[0].startswith("~"):
                    continue
                for var in _variants(seq, construct):
                    person = _phrase_person(var)
                    if "self" in flags or (construct in _SELF_CONSTRUCTS and person != "other"):
                        person = "self"
                    if construct == "directed_at_others":
                        person = "you"
                    elif construct == "suicide_exposure":
                        person = "other"
                    trie.add(var, Entry(construct, flags, _phrase_tense(var), person))
                    vocab.update(var)
                    if "do_it" in flags or construct == "intensity":
                        # Intensity alone counts only as a whole short message (session 14).
                        short_anchors.update(_anchor(var))
                    elif (construct not in _SUPPORT_ONLY and "weak" not in flags) or "athand" in flags \
                            or "preocc" in flags or "lethality" in flags or "timed" in flags or construct == "farewell":
                        # Two weak goodbyes set a level on their own (moderate), so they anchor too.
                        anchors.update(_anchor(var))
    for members in P.CLASSES.values():
        vocab.update(members)
    for group in (P.SKIP_INSIDE, P.NEGATION_CUES, P.FIRST_PERSON, P.SECOND_PERSON, P.THIRD_PERSON):
        vocab.update(group)
    for cues in (P.HYPOTHETICAL_CUES, P.INTENT_CUES, P.DESIRE_CUES, P.REMOTE_PAST_CUES, P.RECENT_CUES,
                 P.RECOVERY_CUES, P.QUOTE_META_CUES, P.FICTION_CUES):
        for cue in cues:
            vocab.update(cue.split())
    vocab = {w for w in vocab if not w.startswith(("<", "~")) and w != "#"}
    return trie, frozenset(anchors), frozenset(short_anchors), frozenset(vocab)


# The trie compiled to tuples for the scan: (entries or None, children by word
# or <class>, gaps as ((limit, node), ...) or None, has <class> children,
# words that can follow (filler words aside), can end or has gaps).  Tuple indexing is cheaper
# than dict lookups for the fixed fields.
_PAY, _KIDS, _GAPS, _HAS_CLS, _NEXT_OK, _OPEN = range(6)


_NO_KIDS: dict = {}


def _compile(node: dict, memo: dict[int, tuple], follow: dict[frozenset[str], frozenset[str]] | None = None) -> tuple:
    got = memo.get(id(node))
    if got is not None:
        return got
    if follow is None:
        follow = {}
    kids = {k: _compile(v, memo, follow) for k, v in node.items() if k not in ("", "~")}
    gaps = tuple((limit, _compile(child, memo, follow)) for limit, child in node["~"]) if "~" in node else None
    classes = [k for k in kids if k.startswith("<")]
    next_ok = {k for k in kids if not k.startswith("<")}
    for c in classes:
        next_ok.update(P.CLASSES[c[1:-1]])
    # Of about 95,000 nodes half are leaves and only about 1,300 follow-sets differ: one object
    # for each (none is ever changed) saves memory and start-up time.
    next_ok = frozenset(next_ok)
    out = (node.get(""), kids or _NO_KIDS, gaps, bool(classes), follow.setdefault(next_ok, next_ok),
           "" in node or gaps is not None)
    memo[id(node)] = out
    return out


class _Tables(NamedTuple):
    """Everything the scan needs from the phrase tables, derived once per process."""

    root: tuple                                  # the compiled trie
    start: dict[str, tuple[tuple, ...]]          # start nodes per word
    open_starts: frozenset[str]
    start_pairs: frozenset[tuple[str, str]]
    anchors: frozenset[str]
    short_anchors: frozenset[str]
    vocab: frozenset[str]


def _tables_from_source() -> _Tables:
    with tablecache.no_gc():
        trie, anchors, short_anchors, vocab = _build()
        root = _compile(trie.root, {})
        # Start nodes per word, so the scan costs one dict lookup per token.
        start: dict[str, tuple[tuple, ...]] = {}
        for key, node in root[_KIDS].items():
            if key.startswith("<"):
                for w in P.CLASSES[key[1:-1]]:
                    start[w] = start.get(w, ()) + (node,)
            else:
                start[key] = start.get(key, ()) + (node,)
        # Where a walk can start: words whose start node can end or skip ahead on its
        # own, and (word, next word) pairs that can continue.  Testing these with C-level
        # set lookups over the whole text is far cheaper than testing token by token.
        open_starts = frozenset(w for w, nodes in start.items() if any(node[_OPEN] for node in nodes))
        start_pairs = frozenset((w, x) for w, nodes in start.items() for node in nodes
                                for x in node[_NEXT_OK] | P.SKIP_INSIDE)
    return _Tables(root, start, open_starts, start_pairs, anchors, short_anchors, vocab)


def _encode_tables(t: _Tables) -> tuple:
    """``t`` as plain data for :mod:`.tablecache` (which cannot store an :class:`Entry`): each
    node's entries become indices into one table of the distinct entries (a few hundred, against
    tens of thousands of uses), and every entry list is also listed on its own, so that loading
    restores them without walking the trie.  An object reached twice (a node from ``start`` and
    from its parent, a shared follow-set) is stored once and stays one object when loaded."""
    entries: dict[Entry, int] = {}
    pays: list[list[int]] = []
    memo: dict[int, tuple] = {}
    no_kids: dict = {}
    # Most nodes end a phrase, and their entry lists repeat (a few hundred distinct against some
    # 190,000 nodes), as do the leaves themselves: each distinct list, and each distinct leaf, is
    # stored (and so loaded) once; nothing changes a node after it is built.
    same_pay: dict[tuple[int, ...], list[int]] = {}
    # And so do whole subtrees: phrases that enumerate alternatives ("(can|could|would) (you|i|
    # someone) die (from|of) ...") repeat the same ending under every beginning. A node is built
    # after its children, so two nodes with the same entries, the same children (already made
    # one) and the same gaps are the same subtree: it is stored, and loaded, once.
    same_node: dict[tuple, tuple] = {}

    def plain(node: tuple) -> tuple:
        got = memo.get(id(node))
        if got is not None:
            return got
        pay = node[_PAY]
        if pay is not None:
            key = tuple(entries.setdefault(e, len(entries)) for e in pay)
            pay = same_pay.get(key)
            if pay is None:
                pay = same_pay[key] = list(key)
                pays.append(pay)
        gaps = node[_GAPS]
        out = (pay, {k: plain(v) for k, v in node[_KIDS].items()} or no_kids,
               None if gaps is None else tuple((limit, plain(child)) for limit, child in gaps),
               node[_HAS_CLS], node[_NEXT_OK], node[_OPEN])
        key = (id(pay), tuple((k, id(v)) for k, v in out[1].items()),
               None if out[2] is None else tuple((limit, id(child)) for limit, child in out[2]),
               out[3], id(out[4]), out[5])
        out = same_node.setdefault(key, out)
        memo[id(node)] = out
        return out

    root = plain(t.root)
    start = {w: tuple(plain(node) for node in nodes) for w, nodes in t.start.items()}
    table = [tuple(e) for e in entries]
    return (table, pays, root, start, t.open_starts, t.start_pairs, t.anchors, t.short_anchors, t.vocab)


def _decode_tables(data: tuple) -> _Tables:
    table, pays, root, start, open_starts, start_pairs, anchors, short_anchors, vocab = data
    entries = [Entry(construct, flags, tense, person) for construct, flags, tense, person in table]
    for pay in pays:
        pay[:] = map(entries.__getitem__, pay)
    return _Tables(root, start, open_starts, start_pairs, anchors, short_anchors, vocab)


# Building the tables from the phrase tables takes about 0.5 s; a process normally loads them
# from the cache kept by :mod:`.tablecache`, keyed by these sources (an edit rebuilds them).
_TABLES = tablecache.cached("rules", _tables_from_source, _encode_tables, _decode_tables)
register_vocab(_TABLES.vocab)
# The Spanish patterns too (0.4 s on the first Spanish text otherwise; see es_cache).
es_cache.prime()

# ANCHORS: one word or word pair of every phrase that can set a level.  "do
# it" phrases only count in short texts unless other evidence is present, so
# their anchors (SHORT_ANCHORS) only matter for short texts.
_ALL_ANCHORS, _ALL_SHORT = _TABLES.anchors, _TABLES.short_anchors
ANCHORS = frozenset(a for a in _ALL_ANCHORS if " " not in a)
PAIR_ANCHORS = frozenset(a for a in _ALL_ANCHORS if " " in a)
SHORT_ANCHORS = frozenset(a for a in _ALL_SHORT if " " not in a)
SHORT_PAIR_ANCHORS = frozenset(a for a in _ALL_SHORT if " " in a)
SHORT_TEXT = 25
_SKIP = P.SKIP_INSIDE
_CLASS_OF: dict[str, tuple[str, ...]] = {}
for _name, _members in P.CLASSES.items():
    for _w in _members:
        _CLASS_OF[_w] = _CLASS_OF.get(_w, ()) + (f"<{_name}>",)

_COMPILED_ROOT = _TABLES.root
_START = _TABLES.start
_OPEN_STARTS = _TABLES.open_starts
_START_PAIRS = _TABLES.start_pairs


def __getattr__(name: str):
    # The uncompiled trie and the lexicon are not kept (the scan needs neither); they are
    # rebuilt when asked for, for inspection.
    if name == "TRIE":
        return _build()[0]
    if name == "LEXICON":
        return _load_lexicon()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Single quotes may hold apostrophes inside words ("'this is the last time you'll hear from me'").
_QUOTE_RE = re.compile(
    r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|«[^»\n]{1,300}»|‘(?:[^’\n]|(?<=\w)’(?=\w)){1,160}’"
    r"|(?<![\w'])'(?:[^'\n]|(?<=\w)'(?=\w)){1,160}'(?![\w'])"
)


_BREAK_CHARS = frozenset(".!?;\n")


def _cue_rx(cues: Iterable[str]) -> re.Pattern[str]:
    return rxcache.compile("|".join(re.escape(c) for c in sorted(cues, key=lambda c: (-len(c), c))))


_RECOVERY = _cue_rx(P.RECOVERY_CUES)
_PAST_ATTEMPT = _cue_rx(P.PAST_ATTEMPT_CUES)
_INTENT = _cue_rx(P.INTENT_CUES)
_DESIRE = _cue_rx(P.DESIRE_CUES)
_SELF_REPORT = _cue_rx(P.SELF_REPORT_CUES)
_QUOTE_META = _cue_rx(P.QUOTE_META_CUES)
_FICTION = _cue_rx(P.FICTION_CUES)
# Someone else's words reported just before the phrase ("she posted something like this is my last post",
# "he kept saying he was a burden"): theirs, not the writer's (session 16).
_REPORTED = re.compile(r" (?:he|she|they) (?:\w+ ){0,2}(?:said|says|posted|posts|wrote|writes|texted|texts|"
                       r"messaged|tweeted|saying|told (?:me|us|him|her|them))(?: something| stuff| things)?(?: like)?"
                       r"(?: that)? $")
_HYPOTHETICAL = _cue_rx(P.HYPOTHETICAL_CUES)
# "i'm sorry if i really want my life to end": an apology for what is so, not a supposition
# (session 15).
_SORRY_IF = re.compile(r" (?:sorry|apologi[sz]e|apologies) if ")
_REMOTE = _cue_rx(P.REMOTE_PAST_CUES)
# "am having" right before the thoughts, and a school named as where one is now, set them now (session 25).
_AM_HAVING = re.compile(r" am (?:having|getting|feeling) (?:\w+ )?$")
_PRESENT_SCHOOL = re.compile(r" (?:i am |am )?in (?:college|high school|middle school) now | i am in (?:college|high school|"
                             r"middle school) ")
# "over" a span of time, not over a cause ("kill myself over spring break"; session 25).
_OVER_A_TIME = frozenset("break weekend holidays holiday summer winter christmas thanksgiving easter vacation "
                         "night".split())
# A present perfect ("i have had", "has been") and the spans of time it reaches now through (session 25).
_PERFECT = re.compile(r" (?:have|has) (?:had|been|wanted|felt|thought|struggled|dealt|battled|lived|fought|suffered|"
                      r"considered|contemplated|carried|kept|gone) ")
_DURATIVE = re.compile(r" (?:for years|for a few years|since i was|ever since i was|since my teens|since high school|"
                       r"since middle school|since college) ")
# Openers that set a whole sentence in the remote past, and words that bring it back to now (session 16).
_PAST_OPENER = _cue_rx((" back then ", " at the time ", " years ago ", " year ago ", " when i was ", " as a kid ",
                        " as a teen ", " as a teenager ", " as a child ", " in high school ", " in middle school ",
                        " in the past ", " a long time ago ", " last year ", " growing up ", " in my teens ",
                        " at that time ", " at that point ", " in those days ", " back in "))
_BACK_TO_NOW = _cue_rx((" now ", " today ", " tonight ", " still ", " again ", " these days ", " lately ",
                        " anymore ", " right now ", " but ", " am ", " have been ", " keep ", " every day ",
                        " i want ", " i wish ", " i feel ", " i need ", " i do not ", " i can not ", " i have "))
_RECENT = _cue_rx(P.RECENT_CUES)
_ORDINARY_GOODBYE = re.compile(f"(?:{P.SIGN_OFF_RX})|(?:{P.LEAVING_RX})")


_BREAK_RE = re.compile(r"[.!?;\n]")


def _match(toks: Tokens) -> list[tuple[int, int, list[Entry]]]:
    """All phrase hits as ``(first token, end token, entries)``; no hit crosses a sentence break."""
    start = _START
    words = toks.words
    n = len(words)
    skip, class_of = _SKIP, _CLASS_OF
    hits: list = []
    breaks: set[int] | None = None
    # Most phrase starts ("i", "the") die on the next word: find the positions
    # where a walk can go anywhere before paying for one.
    cands = set(compress(range(n), map(_OPEN_STARTS.__contains__, words)))
    cands.update(compress(range(n - 1), map(_START_PAIRS.__contains__, zip(words, words[1:], strict=False))))
    for i in sorted(cands):
        nxt = words[i + 1] if i + 1 < n else ""
        todo = [(node, i + 1, 0, True) for node in start[words[i]] if node[5] or nxt in node[4] or nxt in skip]
        if not todo:
            continue
        if breaks is None:
            starts, ends = toks.starts, toks.ends
            breaks = set()
            for m in _BREAK_RE.finditer(toks.text):
                k = bisect_right(starts, m.start())
                if k == 0 or m.start() >= ends[k - 1]:  # not a mark inside a word ("k!ll", session 14)
                    breaks.add(k)
        # Depth-first walk with an explicit stack (cheaper than recursion).
        while todo:
            node, j, skips, record = todo.pop()
            pay, kids, gaps, has_cls = node[0], node[1], node[2], node[3]
            if record and pay is not None:
                hits.append((i, j, pay))
            if j >= n or j in breaks:
                continue
            w = words[j]
            child = kids.get(w)
            matched = child is not None
            if matched:
                todo.append((child, j + 1, skips, True))
            if has_cls:
                for c in class_of.get(w, ()):
                    child = kids.get(c)
                    if child is not None:
                        matched = True
                        todo.append((child, j + 1, skips, True))
            if gaps is not None:
                for limit, child in gaps:
                    for g in range(0, min(limit, n - j) + 1):
                        k = j + g
                        if g > 1 and k - 1 in breaks:
                            break
                        if child[0] is not None:
                            todo.append((child, k, skips, True))
                            continue
                        if k >= n:
                            break
                        if words[k] in child[4] or words[k] in skip:
                            todo.append((child, k, skips, True))
            if skips < 2 and w in skip and (not matched or w not in _SPELT_OUT):
                # A filler word inside a phrase is skipped, but a phrase never
                # ends on one ("suicidal, so" is just "suicidal").  Also where a longer phrase goes on
                # with the same word (session 18): "i don't really want to be alive" is "i don't want
                # to be alive" although "do not really ..." begins other phrases.
                todo.append((node, j + 1, skips + 1, False))
    if len(hits) > 1:
        seen = set()
        uniq = []
        for h in hits:
            key = (h[0], h[1], id(h[2]))
            if key not in seen:
                seen.add(key)
                uniq.append(h)
        hits = uniq
    return hits


_ANY_MARK = re.compile(r"[.!?,;:\n…]")
# Words after which a new "i am" is what is said or known, not a clause of its own.
_COMPLEMENT_BEFORE = frozenset("""know knowing knew think thinking thought say said saying tell told telling realise
    realize realised realized sure hope hoping guess feel feeling felt that because cause when if since while pills
    many much whether what how where why who though""".split())
# Fillers the tables spell out where they change a reading ("wish i could just not wake up" must close
# its clause, "wish i could not wake up" need not): never skipped where the tables go on with them.
_SPELT_OUT = frozenset({"just"})
_SENT_BREAK_RE = re.compile(r"[.!?;:\n…]+")
_CLAUSE_BREAK_RE = re.compile(r"[.!?;:\n…,()\"“”—–]+|\s-+\s")


class _Starts(dict):
    """``obj[i]``: index of the first token of the unit (sentence or clause) holding token ``i``.

    Computed on first use (``__missing__``) by bisecting break offsets, so texts pay only for the
    tokens that are actually examined.
    """

    __slots__ = ("starts", "breaks")

    def __init__(self, starts: list[int], breaks: list[int]) -> None:
        self.starts = starts
        self.breaks = breaks

    def __missing__(self, i: int) -> int:
        k = bisect_left(self.breaks, self.starts[i]) - 1
        got = self[i] = 0 if k < 0 else min(i, bisect_right(self.starts, self.breaks[k]))
        return got


class _Ends(dict):
    """``obj[i]``: one past the last token of the sentence holding token ``i`` (as :class:`_Starts`)."""

    __slots__ = ("starts", "ends", "breaks")

    def __init__(self, starts: list[int], ends: list[int], breaks: list[int]) -> None:
        self.starts = starts
        self.ends = ends
        self.breaks = breaks

    def __missing__(self, i: int) -> int:
        k = bisect_left(self.breaks, self.ends[i])
        got = self[i] = (len(self.starts) if k >= len(self.breaks)
                         else max(i + 1, bisect_right(self.starts, self.breaks[k])))
        return got


class _WordsBefore(dict):
    """``obj[i, size]``: the last ``size`` words before token ``i`` in its unit (``unit_start``, a
    :class:`_Starts`), as " w1 w2 w3 ", computed on first use. Words in ``skip`` are passed over,
    and the search looks up to ``slack`` words further back for them."""

    __slots__ = ("words", "unit_start", "skip", "slack")

    def __init__(self, words: list[str], unit_start: _Starts, skip: frozenset[str] = frozenset(),
                 slack: int = 0) -> None:
        self.words = words
        self.unit_start = unit_start
        self.skip = skip
        self.slack = slack

    def __missing__(self, key: tuple[int, int]) -> str:
        i, size = key
        lo = max(self.unit_start[i], i - size - self.slack)
        picked = [w for w in self.words[lo:i] if w not in self.skip][-size:]
        got = self[key] = " " + " ".join(picked) + " "
        return got


class _Context:
    """Lazily computed sentence structure of one text."""

    def __init__(self, toks: Tokens) -> None:
        self.toks = toks
        self.words = toks.words
        self.said = _said(toks)
        text = toks.text
        starts, ends = toks.starts, toks.ends

        def outside(off: int) -> bool:
            # A mark inside a word ("k!ll", "su!c!de", "k.m.s") is part of the word, not a break
            # (session 14).
            k = bisect_right(starts, off) - 1
            return k < 0 or off >= ends[k]

        sent = [m.start() for m in _SENT_BREAK_RE.finditer(text) if outside(m.start())]
        clause = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text) if outside(m.start())]
        self.sent_start = _Starts(toks.starts, sent)
        self.clause_start = _Starts(toks.starts, clause)
        self.sent_end = _Ends(toks.starts, toks.ends, sent)
        self._quotes: list[tuple[int, int]] | None = None
        self._recovery: bool | None = None
        # frame(i, size): the last non-filler words before token i in its clause; window(i, size):
        # the last words before it in its sentence.
        self._frames = _WordsBefore(self.words, self.clause_start, _SKIP, slack=3)
        self._windows = _WordsBefore(self.words, self.sent_start)
        self._spans: dict[tuple[int, int, str], tuple[bool, ...]] = {}

    def polarity(self, i: int, j: int) -> tuple[bool, bool]:
        """(quoted, negated) for the phrase at tokens i..j-1."""
        key = (i, j, "p")
        got = self._spans.get(key)
        if got is None:
            words = self.words
            pre = self.window(i, 7)
            quoted = bool(
                (self.in_quotes(i, j) and not _SELF_REPORT.search(pre)) or _REPORTED.search(pre)
                or (j - i <= 2 and _QUOTE_META.search(self.window(i, 5) + " ".join(words[j:j + 3]) + " ")))
            got = self._spans[key] = (quoted, self.negated(i, j))
        return got

    def modality(self, i: int, j: int) -> tuple[bool, bool, bool]:
        """(hypothetical, remote past, recent) for the phrase at tokens i..j-1."""
        key = (i, j, "m")
        got = self._spans.get(key)
        if got is None:
            got = self._spans[key] = self._modality(i, j)
        return got

    def _modality(self, i: int, j: int) -> tuple[bool, bool, bool]:
        words = self.words
        pre = self.window(i, 7)
        frame = self.frame(i)
        after = self.after(j, 5)
        hypothetical = bool(_HYPOTHETICAL.search(_SORRY_IF.sub(" ", pre))) or (
            (" would " in self.window(i, 3)) and " if " in after) or (" rather " in pre and " than " in after)
        # Tense cues count before the phrase or just after it, within the clause
        # ("I just want to hurt myself, but I hate the scars from when I used to").
        tail = []
        for w in words[j:min(self.sent_end[i], j + 8)]:
            if w in _CONJ:
                break
            tail.append(w)
        local = pre + " ".join(tail) + " "
        if _PERFECT.search(pre + words[i] + " "):
            # "I've had suicidal thoughts for years", "i've wanted to die since i was a kid": a present
            # perfect with how long says it has lasted until now, not that it is past (session 25).
            local = _DURATIVE.sub(" ", local)
        # "(i'm in college now), i'm having suicidal thoughts again": a school named as where one is now.
        local = _PRESENT_SCHOOL.sub(" ", local)
        remote = bool(_REMOTE.search(local))
        if remote and _AM_HAVING.search(self.window(i, 3)):
            remote = False  # "... (went back at 40), i'm having suicidal thoughts again": now (session 25)
        recent = bool(_RECENT.search(local))
        if not remote and not recent and i - self.sent_start[i] > 7:
            remote = self._past_sentence(i, j)
        if remote and (_DESIRE.search(frame) or _INTENT.search(frame)):
            remote = " used to " in frame
        return hypothetical, remote, recent

    def _past_sentence(self, i: int, j: int) -> bool:
        """A sentence that opens in the remote past ("Back then I was drowning in debt, ... and I believed
        my family would be better off without me") keeps that tense past the seven words the window
        looks at, unless something in it comes back to now ("... but now", "still", "again"): a long
        post's story of how things were (session 16)."""
        words = self.words
        start = self.sent_start[i]
        opener = " " + " ".join(words[start:start + 6]) + " "
        found = _PAST_OPENER.search(opener)
        if found is None or found.start() > 0 and opener[:found.start()].count(" ") > 2:
            return False
        between = " " + " ".join(words[start:min(self.sent_end[i], j + 8)]) + " "
        return not _BACK_TO_NOW.search(between)

    def sentence_break_before(self, j: int) -> bool:
        return 0 < j < len(self.words) and self.sent_start[j] == j

    def joined_to_previous(self, j: int) -> bool:
        """True when token ``j`` continues the previous one without punctuation."""
        toks = self.toks
        if j <= 0 or j >= len(toks.starts):
            return False
        gap = toks.text[toks.ends[j - 1]:toks.starts[j]]
        # A line break parts as a full stop does ("please don't try to talk me out of it\nim finished").
        return not gap or (gap.isspace() and "\n" not in gap)

    def new_clause_i(self, k: int) -> bool:
        """In a message with no punctuation at all, "i'm" after anything but a verb of saying or knowing
        opens a clause of its own ("ive made my peace im ready", "... talk me out of it im finished");
        "... to know im pregnant", "how many pills im taking" do not (session 18)."""
        words = self.words
        return (0 < k < len(words) - 1 and words[k] == "i" and words[k + 1] == "am"
                and words[k - 1] not in _COMPLEMENT_BEFORE and _ANY_MARK.search(self.toks.text) is None)

    def frame(self, i: int, size: int = 3) -> str:
        """The last ``size`` non-filler tokens before ``i`` in its clause."""
        return self._frames[i, size]

    def window(self, i: int, size: int) -> str:
        """The last ``size`` tokens before ``i`` in its sentence."""
        return self._windows[i, size]

    def after(self, j: int, size: int) -> str:
        if j >= len(self.words):
            return " "
        hi = min(self.sent_end[j - 1] if j > 0 else len(self.words), j + size)
        return " " + " ".join(self.words[j:hi]) + " "

    def sentence(self, i: int) -> str:
        return " " + " ".join(self.words[self.sent_start[i]:self.sent_end[i]]) + " "

    @property
    def recovery(self) -> bool:
        if self._recovery is None:
            joined = " " + " ".join(self.words) + " "
            self._recovery = bool(_RECOVERY.search(joined))
        return self._recovery

    def in_quotes(self, i: int, j: int) -> bool:
        if self._quotes is None:
            self._quotes = quote_spans(_QUOTE_RE, self.toks.text)
        return bool(self._quotes) and inside_quotes(self._quotes, *self.toks.span(i, j))

    def subject(self, i: int, reach: int = 8) -> str | None:
        words = self.words
        lo = max(self.sent_start[i], i - reach)
        mine = None
        for k in range(i - 1, lo - 1, -1):
            w = words[k]
            if w == "my" and k > lo and words[k - 1] in _OF_PLACE and mine is None:
                # "someone at my household wants to die", "a guy in my class": the "my" belongs to a
                # place or group after the subject; an "I" or someone else before it decides (session 18).
                mine = "self"
                continue
            if w in P.FIRST_PERSON:
                return "self"
            if w in P.SECOND_PERSON:
                return "you"
            if w in P.THIRD_PERSON:
                if w in ("anyone", "everyone", "everybody", "somebody", "someone") and k + 1 < i \
                        and words[k + 1] == "else":
                    return "self"
                return "other"
        return mine

    def negated(self, i: int, j: int | None = None) -> bool:
        words = self.words
        if words[i] in P.SUBJECT_WORDS:
            # The phrase starts its own clause; a negation before it belongs
            # elsewhere, except "I don't think I'm ...".
            return i >= 2 and words[i - 1] in ("think", "believe") and words[i - 2] in ("not", "never")
        if j is not None:
            if not P.NEGATION_CUES.isdisjoint(words[i:j]):
                # The phrase carries its own negation ("no will to live").
                return False
            if j < len(words) and words[j] in ("because", "yet", "cause", "than"):
                # "I didn't kill myself because of my son", "haven't done it yet":
                # a reason for still being alive is not a denial of the thought.
                return False
        lo = max(self.clause_start[i], i - 5)
        for k in range(i - 1, lo - 1, -1):
            w = words[k]
            if w in _CONJ:
                return False
            if w in P.NEGATION_CUES:
                if not _WHY.isdisjoint(words[max(self.clause_start[i], k - 4):k]):
                    return False
                between = words[k + 1:i]
                if w == "not" and k > 0 and words[k - 1] in _RESISTING:
                    # "trying not to kms right now": holding out against it is not a denial.
                    return False
                if w in ("not", "never") and any(x in ("this", "so", "that") for x in words[i:(j or i) + 3]):
                    # "haven't been this suicidal in years" intensifies, it does not deny.
                    return False
                if between and between[0] == "that":
                    return True
                if between and between[0] in ("think", "believe", "feel"):
                    return True
                for b in between:
                    if b in P.PSEUDO_NEGATION or b in P.SUBJECT_WORDS:
                        return False
                if w == "no" and between[:1] in (["one"], ["body"]):
                    return False
                return True
        return False


def _final_apart(ctx: _Context, evidence: list[Evidence]) -> tuple[int, bool, list[Evidence]]:
    """How many separate finality phrases (``final``) close a clause, whether one of them is
    ``strong``, and those phrases: "please don't try to talk me out of it, my mind is made up" has
    two; "my mind is made up about the car" says what about (session 16)."""
    n = len(ctx.words)
    closing = [e for e in evidence if e.construct == "intensity" and "final" in e.flags and _unmodified(e)
               and (e.j >= n or not ctx.joined_to_previous(e.j) or ctx.words[e.j] in _END_OK
                    or ctx.new_clause_i(e.j))]
    return _apart({(e.i, e.j) for e in closing}), any("strong" in e.flags for e in closing), closing


def _bare_finality(words: list[str], intense: list[Evidence]) -> bool:
    """Whether every word of a short text lies in one of its intensity phrases or is a finality filler."""
    inside = set()
    for e in intense:
        inside.update(range(e.i, e.j))
    # A phrase of finality itself (``final``, session 16: "this is it for me") needs no mark word.
    # "all the time" as a whole reply says how often, not that it is over: its "time" is no mark
    # (session 18); "this time" keeps it.
    marks = {w for k, w in enumerate(words) if not (w == "time" and k > 0 and words[k - 1] == "the")}
    return (bool(inside) and (not _FINAL_MARKS.isdisjoint(marks) or any("final" in e.flags for e in intense))
            and all(k in inside or w in _BARE_FINAL_WORDS for k, w in enumerate(words)))


# "is drowning painful for fish?": a question about how something feels for someone or something
# else; "... for me", "... for a person" stay method questions (session 14).
_HOW_IT_FEELS = frozenset("painful painless quick fast peaceful instant slow hurt hurts".split())
_FOR_PEOPLE = frozenset("me myself you u someone somebody a an one people humans person anyone".split())
_WORK_PEOPLE = frozenset("""coworkers co workers colleagues coworker colleague team boss manager students pupils class
    clients customers staff office company workmates""".split())
_LETTERS = frozenset("letter letters note notes card cards email emails message".split())
_OWN_THOUGHTS = frozenset("thoughts thought urges urge feelings ideation".split())


def _own_thoughts(ctx: _Context, i: int, j: int, n_words: int) -> bool:
    """"The suicidal thoughts are back" opening a chat-length message with no one else named: the
    writer's own thoughts, not a topic ("the suicidal thoughts of teenagers", session 14)."""
    words = ctx.words
    start, end = ctx.sent_start[i], ctx.sent_end[i]
    return (n_words <= 20 and words[i] == "suicidal" and i - 1 == start and words[i - 1] == "the"
            and words[j - 1] in _OWN_THOUGHTS and (j >= n_words or words[j] not in ("of", "in", "among", "that"))
            and not any(w in P.THIRD_PERSON or w in P.SECOND_PERSON for w in words[start:end]))


_OWN_HAVING = frozenset("having had have has get gets keep keeps getting been fighting battling struggling".split())


_THEIR = frozenset("she he they".split())


def _relative_owner(ctx: _Context, j: int) -> str | None:
    """"the suicidal thoughts I've been having", "the urges that i keep getting": thoughts that a
    relative clause gives to the writer, whoever else the sentence names ("I told my mom about the
    suicidal thoughts I've been having" was read as concern for the mother; session 24) -- or to
    someone else ("... the suicidal thoughts she has been having")."""
    words = ctx.words
    if not (0 < j < len(words)) or words[j - 1] not in _OWN_THOUGHTS:
        return None
    k = j + (words[j] in ("that", "which"))
    if not (k + 1 < len(words) and words[k + 1] in _OWN_HAVING and ctx.sent_start[k] == ctx.sent_start[j - 1]):
        return None
    return "self" if words[k] == "i" else ("other" if words[k] in _THEIR else None)


def _ordinary_dose(ctx: _Context, i: int, j: int) -> bool:
    """Whether every quantity in the phrase at tokens i..j-1 is a number an ordinary dose has."""
    words = ctx.words
    if "#" not in words[i:j] or _QTY_WORDS.intersection(words[i:j]):
        return False
    toks = ctx.toks
    for k in range(i, j):
        if words[k] != "#":
            continue
        raw = toks.text[toks.starts[k]:toks.ends[k]].lower()
        found = _DIGITS.match(raw)
        if found is None:
            return False
        value = int(found.group())
        unit = raw[found.end():]
        if not unit and k + 1 < len(words) and words[k + 1] in _UNITS:
            unit = words[k + 1]
        if unit in _ORDINARY_MG:
            if value * _ORDINARY_MG[unit] >= _DOSE_LIMIT_MG:
                return False
        elif unit or not (1 <= value <= _ORDINARY_COUNT):
            return False  # "10 xanax", "2x", "30 ml", "5 units": not a count of tablets
    return True


_ONE = frozenset("a an one two".split())


def _one_dose(ctx: _Context, e: Evidence) -> bool:
    """A single tablet or two of a medicine ("took an advil, how long does it take to kick in?"): no
    means for a question about how long or how much (session 21)."""
    words = ctx.words
    if e.j - e.i != 1 or e.i == 0 or words[e.i] not in P.CLASSES["means"]:
        return False
    prev = words[e.i - 1]
    return prev in _ONE or (prev == "#" and _ordinary_dose(ctx, e.i - 1, e.j))


# "and" opening a new clause of its own after an ``end`` phrase ("... it would take and i have enough").
_NEW_CLAUSE = P.SUBJECT_WORDS | frozenset("the my there now".split())
_CLEAN_FOR = re.compile(r"^ (?:for|since) (?:# |a |one |two |three |four |five |six |seven |eight |nine |ten |"
                        r"several |many |over a |over # |almost a |almost # |nearly a |nearly # |a few |a couple )?"
                        r"(?:of )?(?:years|year|months|month|yrs|decade)\b")
_RESISTING = frozenset("trying try tried struggling struggle hard fighting fight forcing barely".split())


_SLANG_META = _cue_rx(P.SLANG_META_CUES)


def _slang_aside(ctx: _Context, i: int, n_words: int) -> bool:
    """A one-word slang for killing oneself ("kms", "unalive") talked about as a word, or laughed off
    about an everyday nuisance in a chat-length message ("kms lmao this exam"), not said in earnest
    ("fr", "not joking") -- session 17."""
    if _SLANG_META.search(ctx.sentence(i)):
        return True
    words = ctx.words
    if n_words > _SHORT_EARNEST or not P.SLANG_EARNEST.isdisjoint(words):
        return False
    laugh = not P.SLANG_LAUGHS.isdisjoint(words) or any(c in ctx.toks.text for c in P.SLANG_LAUGH_EMOJI)
    if not laugh and words[i + 1:i + 2] in (["this"], ["these"], ["that"]) and not ctx.sentence_break_before(i + 1) \
            and not P.SLANG_EVERYDAY.isdisjoint(words[i + 2:i + 4]):
        return True  # session 19: "kms this boss is impossible": the nuisance named right after it
    return laugh and not P.SLANG_EVERYDAY.isdisjoint(words)


def _capitalised(ctx: _Context, k: int) -> bool:
    """Token ``k`` written with a capital inside a sentence (a name: "bye, bye Charlie"); not in a
    text written all in capitals."""
    toks = ctx.toks
    raw = toks.text[toks.starts[k]:toks.ends[k]]
    if not raw[:1].isupper() or raw.isupper() or k <= ctx.sent_start[k] or raw.lower() in ("i", "im", "i'm"):
        return False
    # Not in a text that capitalises every word ("Bye Bye Everyone I Love You").
    caps = [w[:1].isupper() for w in toks.text.split() if w[:1].isalpha()]
    return sum(caps) * 2 <= len(caps) + 1


def _everyday_en(ctx: _Context, i: int, j: int, construct: str, n_words: int) -> bool:
    """Session 18 (English false alarms found in dev-only tweets, Reddit comments and stressed posts):
    whether the phrase at tokens i..j-1 is everyday talk that shares its words -- what is cut, a
    goodbye said again or to one person, advice passed on, a date or a trip, a thing woken up to,
    play told with a laugh, a window seat, an accident.  A negated phrase is left to the negation
    (it stays low, so a model never reads it alone)."""
    words = ctx.words
    nxt = words[j] if j < n_words else ""
    if construct == "farewell" and j - i == 1 and words[i] in _BYE_WORDS:
        # A bare "bye" said again right after another ("bye bye", "bye, bye") is one goodbye, not two
        # apart; one followed by an insult or a name is said to one person ("bye bitch byeeee",
        # "bye, bye charlie strong") (session 18).
        if i > 0 and words[i - 1] in _BYE_WORDS and not ctx.sentence_break_before(i):
            return True
        k = j
        while k < n_words and words[k] in _BYE_SKIP:
            k += 1
        if k < n_words and not ctx.sentence_break_before(k) and (
                words[k] in _BYE_ADDRESS or (_capitalised(ctx, k) and words[k] not in _BYE_GROUP)):
            return True
    if construct == "farewell" and words[i] in ("do", "dont", "please") and i > 0 and (
            words[i - 1] in _SAY or (i > 1 and words[i - 1] in ("him", "her", "them") and words[i - 2] in _SAY)):
        return True  # "when he says he misses you, say don't miss me": advice, not a goodbye (session 18)
    if construct == "self_injury" and words[j - 1] in _CUT_WORDS and (
            (nxt in _CUT_OBJECT and _CUT_BODY.isdisjoint(words[j:j + 4]))
            or (nxt == "me" and words[j + 1:j + 2] in (["off"], ["out"], ["short"]))):
        return True  # "i wanna cut my hair", "imma cut a bitch", "stop cutting me off" (session 18)
    if construct == "self_injury" and words[j - 2:j] in (["cut", "myself"], ["cutting", "myself"]) \
            and nxt in ("a", "an", "some") and not _CUT_PORTION.isdisjoint(words[j + 1:j + 3]):
        return True  # "i cut myself a slice of cake", "... some slack" (session 18)
    if construct == "self_injury" and words[j - 1] == "cuts" and words[i] == "deep" and (
            nxt in _DEEP_CUTS_NEXT or not _DEEP_CUTS_TOPIC.isdisjoint(ctx.sentence(i).split())):
        return True  # "deep cuts for the girls" (gym), "deep cuts off the album" (session 18)
    if construct == "lethal_means" and words[j - 1] == "window" and nxt in ("sill", "seat") \
            and not _SITTING.isdisjoint(words[i:j]) and _HIGH_DROP.isdisjoint(ctx.sentence(i).split()):
        # "sitting on my window sill, window open, a bird flew in": a seat indoors; standing on one
        # stays (session 18).
        return True
    if construct == "self_injury" and words[j - 1] == "myself" and "purpose" not in ctx.sentence(i).split() \
            and not _MISHAP_WITH.isdisjoint(w for k, w in enumerate(words[j:min(j + 8, ctx.sent_end[i])], j)
                                            if ctx.clause_start[k] == ctx.clause_start[j - 1]):
        # "i hit myself in the face with a branch", "... on the cupboard door", in the same clause
        # (session 18).
        return True
    if construct == "passive_ideation" and words[j - 2:j] == ["be", "here"] and nxt == "at" \
            and words[j + 1:j + 2] not in (["all"], ["this"]) or (
            construct == "passive_ideation" and words[j - 2:j] == ["be", "here"] and nxt in ("at", "in")
            and words[j + 1:j + 2] in (["this"], ["the"]) and words[j + 2:j + 3] and words[j + 2] in _HERE_PLACES):
        return True  # session 19: "i don't want to be here at this party / at work": a place, not life
    if construct == "entrapment" and words[j - 1] == "out" and nxt == "of" \
            and words[j + 1:j + 2] in (["this"], ["my"], ["the"], ["that"]) and words[j + 2:j + 3] \
            and words[j + 2] in _OUT_OF_THING:
        return True  # session 19: "i want out of this job for good": a job, not life
    if construct == "passive_ideation" and words[j - 2:j] == ["go", "on"] and nxt in _GO_ON_THING:
        return True  # "guess she doesn't want to go on a date with me" (session 18)
    if construct == "passive_ideation" and words[j - 2:j] == ["wake", "up"] and nxt == "to" and (
            j + 1 >= n_words or words[j + 1] in ("in", "at", "on", "every", "each", "you", "him", "her", "them",
                                                 "that", "your", "his", "their") or ctx.sentence_break_before(j + 1)):
        return True  # "a face i do not want to wake up to in the morning" (session 18)
    if construct in ("active_ideation", "method") and not _PLAY.isdisjoint(ctx.sentence(i).split()) \
            and not P.SLANG_LAUGHS.isdisjoint(words[j:j + 3]):
        return True  # "she had me on the monkey bars tryna kill myself lol" (session 18)
    # Found among stressed posts (session 18): "wish to exhaust all options" (a verb, not car exhaust),
    # "i panic on the train" (a commute), "what they would look like holding a knife" (someone
    # else's hand), "i tell my mom that i love her every day" (a habit, not a last message), "he kept
    # slamming my head against the wall" (violence suffered, not self-injury).
    if construct == "lethal_means" and words[j - 1] == "exhaust" and nxt in _EXHAUST_VERB_NEXT:
        return True
    if construct == "lethal_means" and j - i == 1 and words[i] in ("train", "trains", "bus") \
            and nxt not in ("tracks", "track", "line") and (
            (i > 0 and words[i - 1] in _RIDE) or (i > 1 and words[i - 1] in ("the", "a", "my")
                                                  and words[i - 2] in _RIDE | {"on", "in"})):
        return True
    if construct == "lethal_means" and words[i] == "holding" and ctx.subject(i) == "other":
        return True
    if construct == "farewell" and words[i] in ("take", "tell", "look") and i > 0 and (
            words[i - 1] in ("i", "we") or (i > 1 and words[i - 2] in ("i", "we") and words[i - 1] in _HABIT)):
        return True
    if construct == "self_injury" and words[i] in ("hitting", "banging", "slamming", "bashing") \
            and words[i + 1:i + 3] == ["my", "head"]:
        for k in range(i - 1, ctx.sent_start[i] - 1, -1):
            if words[k] in ("i", "im"):
                break
            if words[k] in ("he", "she", "they"):
                return True
    # Everyday readings of a goodbye, an overdose and not living somewhere (session 18): "goodbye
    # forever, old job", "this is my last day at work, goodbye everyone", "see you all on the other
    # side of finals", "gonna overdose on chocolate", "i don't want to live in this city anymore".
    if construct == "farewell" and words[j - 1] == "forever" and words[i] in _BYE_WORDS \
            and (nxt in _BYE_THINGS or nxt in _BYE_FOREVER_THINGS):
        return True
    if construct in ("farewell", "timing") and words[j - 1] == "day" and nxt in ("at", "of", "in") \
            and _ORDINARY_GOODBYE.search(" " + " ".join(words[j - 2:j + 4]) + " "):
        return True
    if construct == "farewell" and words[j - 2:j] == ["other", "side"] and nxt == "of" \
            and _AFTERLIFE.isdisjoint(words[j + 1:j + 4]):
        return True
    if construct in ("active_ideation", "method", "lethal_means") and words[j - 1] in ("overdose", "od") \
            and nxt == "on" and words[j + 1:j + 2] and words[j + 1] in _TREATS:
        return True
    if construct == "passive_ideation" and words[j - 1] in ("live", "living") and nxt == "in" \
            and words[j + 1:j + 2] in (["this"], ["that"], ["my"], ["a"]) and words[j + 2:j + 3] \
            and words[j + 2] in _HOME_PLACES:
        return True
    if construct in ("passive_ideation", "active_ideation") and words[j - 1] in ("die", "dying", "died") \
            and nxt in ("my", "our", "the", "her", "his") and words[j + 1:j + 2] and words[j + 1] in _DYED:
        return True  # "i want to die my hair blue": dye, spelt "die" (session 18)
    if construct in ("active_ideation", "method") and words[j - 2:j] == ["kill", "myself"] and i > 0 \
            and words[i - 1] == "could" and nxt == "for" and words[j + 1:j + 2] \
            and (words[j + 1].endswith("ing") or words[j + 1] in ("that", "this", "it", "not")):
        return True  # "i could kill myself for forgetting her birthday": self-reproach (session 18)
    return False


def _analyse(ctx: _Context, i: int, j: int, entry: Entry, n_words: int) -> Evidence | None:
    words = ctx.words
    construct, flags = entry.construct, entry.flags
    if j < n_words and words[j - 1] in _NOWITH_LAST and words[j] in _NOWITH_NEXT:
        return None
    nxt = words[j] if j < n_words else ""
    if construct == "lethal_means" and "bottle" in words[i:j]:
        k = i + words[i:j].index("bottle") + 1
        # A medicine anywhere in the phrase keeps it: "a bottle of vodka and my whole prescription".
        if k < n_words and words[k] == "of" and P.CLASSES["means"].isdisjoint(words[k + 1:max(k + 4, j)]):
            return None  # "i'm holding the bottle of wine for you" (session 14)
    if construct == "farewell" and words[j - 1] in _BYE_WORDS:
        k = j
        while k < n_words and words[k] in _BYE_SKIP:
            k += 1
        if k < n_words and words[k] in _BYE_THINGS:
            return None  # "goodbye 2024", "bye bye summer" (session 15)
    if _everyday_en(ctx, i, j, construct, n_words) and not ctx.negated(i, j):
        return None
    if "noaccident" in flags and not _ACCIDENT.isdisjoint(ctx.sentence(i).split()):
        return None  # session 19: "chopping onions, cut too deep, i can see fat": an accident
    if "do_it" in flags and not _PROMISE.isdisjoint(words[j:j + 4]):
        return None  # "i'll do it tomorrow, promise": a chore (session 15)
    if construct == "active_ideation" and not _JUMP_WORDS.isdisjoint(words[i:j]) \
            and not _JUMP_SPORT.isdisjoint(ctx.sentence(i).split()):
        return None  # "tomorrow at skydiving i'm going to jump" (session 15)
    if construct in ("plan", "lethal_means", "attempt_in_progress"):
        span = words[i:j]
        if not _HANG_WORDS.isdisjoint(span) or not _HEIGHT_WORDS.isdisjoint(span):
            around = set(ctx.sentence(i).split())
            if (not _HANG_WORDS.isdisjoint(span) and not _ROPE_USE.isdisjoint(around)) or (
                    not _HEIGHT_WORDS.isdisjoint(span) and not _SCENE.isdisjoint(around)):
                # "the rope is ready for tomorrow's climb", "i'm on the roof right now watching the
                # fireworks" (session 15).
                return None
    if construct == "plan" and (nxt in _OCCASION or (nxt in ("for", "of") and not _OCCASION.isdisjoint(
            words[j + 1:j + 4]))):
        return None  # "i chose the date for the trip", "... wait for saturday's party" (session 16)
    if construct == "passive_ideation" and _NOT_LIFE.match(" ".join(words[j:j + 5])):
        return None  # "want to stop existing online for a while, deleting twitter" (session 24)
    if construct == "passive_ideation" and "with" in words[i:j] and not _RELATIVE_WORDS.isdisjoint(words[i:j]) \
            and _LEAVING_ONLY.search(" " + " ".join(words) + " "):
        return None  # "going to be with my wife soon!! ... my flight is friday" (session 24)
    if construct == "plan" and not _DATED_PLAN.isdisjoint(words[i:j]) and not _CELEBRATION.isdisjoint(words) \
            and not _DIED_BEFORE.search(ctx.sentence(i)) and _SPOIL.isdisjoint(words) \
            and not _AFTER_EVENT.search(" ".join(words)):
        return None  # "picked the date!! ... cant wait to marry him", "affairs in order before deployment" (session 24)
    if construct == "plan" and nxt == "for" and words[j - 1] in _HOW_IT_FEELS and j + 1 < n_words \
            and words[j + 1] not in _FOR_PEOPLE:
        return None  # "is drowning painful for fish? my kid asked" (session 14)
    if construct in ("plan", "farewell") and nxt in ("to", "for") and not _WORK_PEOPLE.isdisjoint(words[j + 1:j + 4]) \
            and not _LETTERS.isdisjoint(words[i:j]):
        return None  # "i wrote my goodbye letter to my coworkers": leaving a job (session 14)
    if construct in ("timing", "lethal_means", "help_seeking", "intensity"):
        if "end" in flags and nxt and nxt not in _END_OK and not ctx.sentence_break_before(j):
            return None  # "picking up a gun tomorrow for deer season" (session 14)
        return Evidence(construct, BASE[construct], i, j, (), flags)
    prev = words[i - 1] if i > 0 else ""
    if construct in ("active_ideation", "method") and (
            nxt in _IDIOM_NEXT or (prev in ("almost", "nearly") and nxt in ("because", "when", "by", "in", "on"))) \
            and not (nxt == "over" and (words[j - 1] == "life" or not _OVER_A_TIME.isdisjoint(words[j + 1:j + 4]))):
        # "I nearly killed myself over that exam" is hyperbole; "going to end my life over a girl" is not,
        # nor is "why i shouldn't just kill myself over spring break" (a time; session 25).
        return None
    if construct == "self_injury" and (nxt in _MISHAP_NEXT or (nxt == "by" and words[j + 1:j + 2] == ["accident"])
                                       or (nxt == "and" and words[j - 1] == "again" and words[j + 1:j + 2] == ["again"])):
        # "cut myself shaving", "burned myself cooking", "... by accident", "i cut again and again until the
        # film worked" (session 16)
        return None
    if construct in ("active_ideation", "method") and nxt == "from" and words[i] in P.ACCOUNT_VERBS \
            and P.EXISTENCE_WORDS.isdisjoint(words[j + 1:j + 4]):
        return None  # "i'm going to delete myself from the group chat": an account (session 17)
    if construct in ("passive_ideation", "active_ideation") and words[j - 1] in ("die", "dying") and nxt == "of" \
            and j + 1 < n_words and words[j + 1] in _DIE_OF_FIGURE:
        return None  # "I want to die of embarrassment"
    if construct == "attempt_in_progress" and _PRESCRIBED.intersection(words[j:j + 5]):
        return None  # "I took all the pills the doctor prescribed": the course, as prescribed
    if construct == "attempt_in_progress" and _ordinary_dose(ctx, i, j):
        return None  # "I took 2 advil for my headache": a dose, not an overdose
    if "nobefore" in flags and nxt in _ORDINARY_NEXT:
        return None  # "this is my last post before the holidays", "... for today", "... of the year"
    k, after = j, nxt
    while after in _END_EMOJI and "end" in flags:
        k += 1
        after = words[k] if k < n_words else ""
    if "end" in flags and after and after not in _END_OK and not ctx.sentence_break_before(k) and not (
            after == "i" and (not ctx.joined_to_previous(k) or ctx.new_clause_i(k))) and not (
            # "... how many of my pills it would take and i have more than enough": a new clause of
            # the writer's own (session 16).
            after == "and" and k + 1 < n_words and words[k + 1] in _NEW_CLAUSE):
        # A clause ends at a sentence break, or at a comma before a new "I ..." ("..., i have two bottles").
        return None
    # Session 19: a phrase that opens with "i" states its subject ("not joking, i'm ending it tonight").
    if "subj" in flags and i > ctx.sent_start[i] and words[i] not in P.FIRST_PERSON and (
            ctx.subject(i) is None or (construct == "plan" and ctx.subject(i) == "other")):
        # "gonna jump" opening a sentence, or "I'm going to jump"; not "we're going to jump".  A plan
        # is always the writer's: "my sister made a rope noose" (for a play) is not one.
        return None
    if construct == "past_attempt" and words[j - 1] == "attempted" and nxt and nxt not in _BARE_ATTEMPT_NEXT \
            and ctx.joined_to_previous(j):
        return None
    if construct == "suicide_mention" and nxt in _TOPIC_NEXT:
        return None

    pre = ctx.window(i, 7)
    frame = ctx.frame(i)
    person = entry.person
    mods: list[str] = []
    if construct == "past_attempt" and nxt in ("to", "at", "of", "on", "with") and words[j - 1].startswith("attempt"):
        return None
    if words[j - 1] in ("live", "living") and nxt in _LIVE_NEXT and not (
            nxt == "in" and j + 1 < n_words and words[j + 1] in ("this", "such")):
        return None

    if "frame" in flags or construct == "suicide_mention":
        if construct == "suicide_mention":
            frame = ctx.frame(i, 2)
        if _PAST_ATTEMPT.search(frame) and construct != "suicide_mention":
            construct = "past_attempt"
        elif _INTENT.search(frame) or _DESIRE.search(frame):
            if construct in ("method", "suicide_mention"):
                construct = "active_ideation"
                flags = flags | {"method"} if entry.construct == "method" else flags
        elif construct == "method":
            return Evidence("lethal_means", NO, i, j, (), frozenset({"weak"}))
        elif construct == "suicide_mention":
            subj = ctx.subject(i, 14)
            if words[i] == "suicidal" and (subj == "self" or (subj is None and ctx.said <= 6)):
                construct = "active_ideation"
                person = "self"
            elif subj is None and ctx.said <= 4:
                # A bare "suicide" (often obfuscated: "su1c1de", "s u i c i d e")
                # as a whole message is a disclosure until shown otherwise.
                return Evidence("suicide_mention", MOD, i, j, (), flags)
        else:
            return None
        if construct == "suicide_mention":
            return Evidence("suicide_mention", NO, i, j, (), flags)
    elif construct == "method":
        construct = "active_ideation"

    if person is None:
        subj = ctx.subject(i)
        if subj is None and words[i] in _NOUN_FIRST and i > 0 and words[i - 1] in _DETERMINERS \
                and not _own_thoughts(ctx, i, j, n_words):
            subj = "other"
        person = subj or "self"
    person = _relative_owner(ctx, j) or person

    quoted, negated = ctx.polarity(i, j)
    if not quoted and j - i == 1 and words[i] in P.SLANG_TERMS and _slang_aside(ctx, i, n_words):
        quoted = True  # "unalive is such a dumb tiktok word", "kms lmao this exam" (session 17)
    if BASE.get(construct, LOW) > LOW or construct in IDEATION:
        hypothetical, remote, recent = ctx.modality(i, j)
    else:
        # Past or hypothetical framing cannot lower a risk factor below low.
        hypothetical = remote = recent = False
    if prev in ("almost", "nearly") and construct in IDEATION:
        hypothetical = True
    if quoted or (person != "self" and _FICTION.search(ctx.sentence(i))):
        mods.append("quoted")
    if negated:
        mods.append("negated")
    if hypothetical and not negated:
        mods.append("hypothetical")

    level = BASE.get(construct, LOW)
    if "weak" in flags:
        level = NO
    elif "acute" in flags or "mod" in flags:
        level = MOD  # not safe now, said of oneself; other readings set at moderate (session 21)

    now = recent or "just" in words[i:j]
    if construct == "attempt_in_progress" and ctx.recovery and now and not remote \
            and not _RECOVERY.search(ctx.sentence(i)):
        # Recovery told in another sentence does not reach an overdose just taken or taken last night
        # ("everyone keeps telling me it gets better. it doesn't. i just took a whole bottle of my pills",
        # "my therapist says i'm doing better. i overdosed last night and nobody knows": were low;
        # session 17).
        pass
    elif construct == "attempt_in_progress" and ctx.recovery and now and not remote:
        # "i overdosed last night, i'm doing better now": a recent attempt (high), not one under way.
        construct, level = "past_attempt", HIGH
        mods.append("recent")
    elif construct == "attempt_in_progress" and (remote or ctx.recovery):
        construct, level = "past_attempt", LOW
        mods.append("past")
    elif construct == "past_attempt":
        if recent and not remote:
            level = HIGH
            mods.append("recent")
        elif remote or ctx.recovery:
            level = LOW
            mods.append("past")
    elif construct in IDEATION and (remote and (entry.tense != "present" or "pastok" in flags) or " used to " in pre):
        # ``pastok``: a remote time before it puts the phrase in the past although a verb in it is
        # present ("in high school i kept thinking everyone would be better off", session 17).
        level = min(level, LOW)
        mods.append("past")

    if construct == "self_injury" and "clean" in words[i:j] and level > LOW and (
            ctx.recovery or _CLEAN_FOR.search(ctx.after(j, 4))):
        # "clean from self harm for nine years": a recovery told, not self-harm now (session 16).
        level = LOW
        mods.append("past")

    if person == "you":
        if construct == "directed_at_others":
            return Evidence(construct, LOW, i, j, tuple(mods), flags)
        return None
    if person == "other":
        if construct in ("suicide_exposure", "directed_at_others"):
            return Evidence(construct, LOW, i, j, tuple(mods + ["third_person"]), flags)
        if construct in IDEATION or construct == "crisis_state":
            if entry.tense == "past" and construct in ("active_ideation", "method"):
                return Evidence("suicide_exposure", LOW, i, j, tuple(mods + ["third_person"]), flags)
            if level >= HIGH and _INTENT.search(pre):
                flags = flags | {"intent"}
            return Evidence("third_person_concern", LOW, i, j, tuple(mods + ["third_person"]), flags)
        return None

    if "quoted" in mods:
        level = min(level, LOW)
    elif negated:
        level = LOW if level >= MOD else NO
    elif hypothetical:
        level = max(LOW, level - 1) if level > NO else NO
    if "intent" not in flags and _INTENT.search(pre):
        flags = flags | {"intent"}
    return Evidence(construct, level, i, j, tuple(mods), flags)


_EMOJI_INTENT = _cue_rx([c for c in P.INTENT_CUES if c not in (" tonight ", " finally ", " have to ", " got to ")])
_GOING_PLACES = re.compile(r" (?:going|goin|gonna go|headed|heading) to (?=(?:the|a|an|my|our|your|bed|work|school|class|"
                           r"church|sleep|town|dinner|lunch|practice|the gym|gym) )"
                           r"| (?:voy|vamos|ire) (?=(?:a (?:la|las|los|mi|casa|clase|dormir|trabajar)|al) )")
_EMOJI_DESIRE = _cue_rx(P.DESIRE_CUES + (" want ", " wanna ", " wish ", " ready for my ", " ready to ", " ready for the "))


# Someone else as the subject of a short message; objects and addressees ("take them all", "bye
# everyone") do not make it about someone else.
_OTHER_SUBJECTS = P.THIRD_PERSON - frozenset("""them him her his their hers theirs everyone everybody anyone
    people""".split())


# The pill, knife, gun and rope emoji in their everyday senses (session 16): vitamins and allergy
# pills, cooking, games, climbing and camping, a horror night; English and Spanish words, since these
# rules also read Spanish chat ("me tomo las pastillas para la alergia 💊").
_END_EMOJI_CLOSING = frozenset({"emoji_end", "emoji_hole"})
_EMOJI_EVERYDAY = frozenset("""vitamin vitamins multivitamin supplements supplement allergy allergies hayfever
    cold flu headache vaccine vaccines booster cooking cook cooked recipe dinner lunch breakfast chef steak bbq
    veggies onions chopping halloween horror movie movies film slasher costume fortnite cod valorant minecraft
    gaming game games airsoft paintball climbing climb camping hiking bouldering knots sailing
    vitaminas alergia vacuna gripe resfriado cocino cocinar cocinando receta cena almuerzo desayuno asado carne
    pelicula peli terror disfraz juego juegos escalada acampar
    gym preworkout creatine protein pharmacy chemist doctor dentist gimnasio farmacia medico doctora""".split())


def _emoji_evidence(ctx: _Context) -> list[Evidence]:
    """Death and means emoji count only with first-person language around them.

    Short chat messages often drop the "I" ("gonna 🪢 tonight"); there the
    absence of anyone else counts as first person.  Means emoji in a text about vitamins, cooking,
    a game or a horror film (``_EMOJI_EVERYDAY``) do not count.
    """
    out = []
    words = ctx.words
    n = ctx.said
    everyday = not _EMOJI_EVERYDAY.isdisjoint(words)
    for k, w in enumerate(words):
        if not w.startswith("emoji_") or w == "emoji_skull" or (everyday and w in P.EMOJI_MEANS):
            continue
        if w in _END_EMOJI_CLOSING and k + 1 < ctx.sent_end[k] and not words[k + 1].startswith("emoji_"):
            continue  # "this is it 🔚 final episode tonight": the end and hole emoji count closing a sentence
        lo, hi = max(ctx.sent_start[k], k - 8), min(ctx.sent_end[k], k + 8)
        near = words[lo:hi]
        if n > 12:
            if P.FIRST_PERSON.isdisjoint(near):
                continue
        elif P.FIRST_PERSON.isdisjoint(words) and not (
                P.SECOND_PERSON.isdisjoint(words) and _OTHER_SUBJECTS.isdisjoint(words)):
            continue
        # "going to the gym tonight 💊", "voy a la farmacia 💊": going somewhere is no intent (session 18).
        joined = _GOING_PLACES.sub(" ", " " + " ".join(near) + " ")
        intent = bool(_EMOJI_INTENT.search(joined))
        wants = intent or bool(_EMOJI_DESIRE.search(joined))
        if w in P.EMOJI_DEATH:
            out.append(Evidence("passive_ideation", MOD if wants else LOW, k, k + 1, ("emoji",), frozenset()))
        elif w in P.EMOJI_MEANS and intent:
            # "gonna 🪢", "going to 🔪 myself": a method with stated intent.
            out.append(Evidence("active_ideation", HIGH, k, k + 1, ("emoji",),
                                frozenset({"method", "intent"})))
        elif w in P.EMOJI_MEANS and wants:
            out.append(Evidence("lethal_means", MOD, k, k + 1, ("emoji",), frozenset({"possession"})))
        elif w in P.EMOJI_MEANS and n <= 16:
            # A short message about the writer with the means in it ("me tonight 💊💊💊"): at hand.
            out.append(Evidence("lethal_means", MOD, k, k + 1, ("emoji",), frozenset({"possession", "athand"})))
    return out


def _unmodified(ev: Evidence) -> bool:
    return not ev.modifiers or ev.modifiers in (("recent",), ("emoji",))


# Evidence that supports a confident model's reading without setting a level itself: a time, the
# means, a preparation, a goodbye, dwelling, intensity, despair (see screener._lift).
_SUPPORT_FEATS = frozenset({Sign.TIME, Sign.METHOD, Sign.MEANS_NEAR_RISK, Sign.MEANS_AT_HAND, Sign.MEANS_EMOJI,
                            Sign.FAREWELL_WEAK, Sign.PREOCCUPATION, Sign.LETHALITY_QUESTION, Sign.INTENSITY,
                            Sign.PASSIVE_EMOJI, Sign.SEVERE_INJURY_WEAK})
# What counts towards a reading's strength (with each risk factor as half).
_STRENGTH_FEATS = frozenset({Sign.ACTIVE, Sign.PASSIVE, Sign.PLAN, Sign.METHOD, Sign.TIME, Sign.FAREWELL,
                             Sign.INTENT, Sign.PAST_ATTEMPT, Sign.SELF_INJURY})


# What keeps a goodbye that an ordinary sign-off or departure would explain: the writer's own
# ideation, self-injury, a plan, an attempt, a crisis state or a risk factor in the same text.
_KEEPS_GOODBYE = (IDEATION | RISK_FACTORS | {"crisis_state"}) - {"farewell", "past_attempt"}


def _apart(spans: set[tuple[int, int]]) -> int:
    """How many of ``spans`` lie apart from each other (overlapping matches of one cue count once)."""
    count, reach = 0, -1
    for a, b in sorted(spans):
        if a >= reach:
            count += 1
        reach = max(reach, b)
    return count


def _without_ordinary_goodbyes(words: list[str], evidence: list[Evidence],
                               ctx: _Context | None = None) -> list[Evidence]:
    """Drop goodbyes flagged ``ordinary`` when the text meets again or leaves for a reason ("thanks
    for everything, goodbye everyone! see you at the reunion"; "won't need them where i'm going, it's
    freezing lol") -- unless it also holds risk of the writer's own (issue #14)."""
    if any(e.construct in _KEEPS_GOODBYE and _unmodified(e) and e.level >= LOW
           and not ({"weak", "do_it", "ordinary"} & e.flags) for e in evidence):
        return evidence
    if not _ORDINARY_GOODBYE.search(" " + " ".join(words) + " "):
        return evidence
    if ctx is not None and len(words) > _LONG_GOODBYE:
        # In a long post the reason must be told next to the goodbye (its sentence or the ones either
        # side): "I moved back in with my aunt in March" three sentences before "I don't think I'll be
        # here for Christmas" explains nothing (session 17).
        def explained(e: Evidence) -> bool:
            lo = ctx.sent_start[max(0, ctx.sent_start[e.i] - 1)]
            hi = ctx.sent_end[min(len(words) - 1, ctx.sent_end[e.i])]
            return bool(_ORDINARY_GOODBYE.search(" " + " ".join(words[lo:hi]) + " "))
        return [e for e in evidence if not (e.construct in ("farewell", "plan") and "ordinary" in e.flags
                                            and explained(e))]
    # Things given away before a move are no preparation either (session 16).
    return [e for e in evidence if not (e.construct in ("farewell", "plan") and "ordinary" in e.flags)]


# Longer than this (words), a text is a post: its goodbyes are explained only near them (session 17).
_LONG_GOODBYE = 60


class _Reading(NamedTuple):
    """What :func:`_assess` found in one text: the level, the strength of the evidence, the
    evidence kept, and whether the rules saw supporting evidence (``_SUPPORT_FEATS``).  Returned
    together so that texts screened at the same time in several threads never mix them up."""

    level: int
    strength: float
    kept: list[Evidence]
    support: bool = False
    # The only support is one goodbye ("goodbye everyone"): a confident model lifts it to moderate,
    # not to high (session 15).
    goodbye_only: bool = False


# Session 19: a place or an occasion one does not want to be "here" at (engine._everyday_en).
_HERE_PLACES = frozenset("""party class lecture meeting office school job house room queue line wedding club bar
    restaurant store shop mall hospital waiting concert event game match practice dinner family""".split())

_OUT_OF_THING = frozenset("""job work contract lease deal relationship marriage group chat team class course program
    programme house flat apartment town city country club band company school uni college apprenticeship""".split())

# Words that tell an injury as an accident (session 17).
_ACCIDENT = frozenset("""kitchen cooking slicing chopping onions onion slipped shaving fell crash accident bike
    bicycle skateboard dog bit tripped nosebleed surgery dentist tooth football soccer rugby hockey workshop""".split())


def _inside(spans: set[tuple[int, int]], outers: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans of ``spans`` that lie inside another span of ``outers``."""
    return {s for s in spans if any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in outers)}


def _rank(e: Evidence) -> tuple[int, bool]:
    return e.level, _AMBIGUOUS.isdisjoint(e.flags)


_AMBIGUOUS = frozenset({"do_it", "weak"})


def _assess(toks: Tokens) -> _Reading:
    words = toks.words
    n = len(words)
    said = _said(toks)
    hits = _match(toks)
    has_emoji = toks.has_emoji
    primary = [(i, j) for i, j, entries in hits
               if any(e.construct not in _SUPPORT_ONLY or "athand" in e.flags for e in entries)]
    if not primary and not has_emoji and not any(
            e.construct == "intensity" and (said <= _BARE_FINAL_MAX or (said <= _SHORT_EARNEST and "final" in e.flags))
            for _, _, entries in hits for e in entries):
        # Only time words or means mentions: they never count on their own (a short message of
        # finality alone is read below).
        return _Reading(NO, 0.0, [])
    if len(primary) > 1:
        inner = _contained(primary)
        if inner:
            # A phrase that needs other evidence ("i am ending it [all]", do_it) does not absorb a
            # plain one inside it ("ending it all").
            soft = {(i, j) for i, j, entries in hits if all("do_it" in e.flags for e in entries)}
            if soft:
                inner = _inside(inner, set(primary) - soft)
            hits = [h for h in hits if (h[0], h[1]) not in inner]
    ctx = _Context(toks)
    evidence: list[Evidence] = []
    for i, j, entries in hits:
        for entry in entries:
            ev = _analyse(ctx, i, j, entry, n)
            if ev is not None:
                evidence.append(ev)
    if has_emoji:
        evidence.extend(_emoji_evidence(ctx))
    if not evidence:
        return _Reading(NO, 0.0, [])

    # A hit inside a longer hit ("kill myself" in "tried to kill myself") is
    # the same evidence read less precisely.
    # Means named anywhere, before a longer phrase absorbs the word ("does drowning hurt").
    means_named = any(e.construct == "lethal_means" and _unmodified(e) and not _one_dose(ctx, e) for e in evidence)
    # A time word or a means mention never absorbs a phrase that can set a level on its own
    # ("I have been saving my meds": the plan stays inside the possession phrase).
    contained = _contained({(e.i, e.j) for e in evidence})
    if contained:
        soft = {(e.i, e.j) for e in evidence if "do_it" in e.flags}
        if soft:
            soft -= {(e.i, e.j) for e in evidence if "do_it" not in e.flags}
            contained = _inside(contained, {(e.i, e.j) for e in evidence} - soft)
        outer = _contained({(e.i, e.j) for e in evidence if e.construct not in _SUPPORT_ONLY})
        evidence = [e for e in evidence if (e.i, e.j) not in contained or e.construct == "intensity"
                    or (e.construct not in _SUPPORT_ONLY and (e.i, e.j) not in outer)]
    best: dict[tuple[str, int, int], Evidence] = {}
    for e in evidence:
        key = (e.construct, e.i, e.j)
        # Of two readings of the same words, the plain one wins a tie over one that needs other
        # evidence ("i am ending it all" as a whole phrase, not only as an ambiguous "ending it").
        if key not in best or _rank(e) > _rank(best[key]):
            best[key] = e
    evidence = list(best.values())
    past_spans = [(e.i, e.j) for e in evidence if "past" in e.modifiers and e.construct in IDEATION]
    if past_spans:
        # The same words read as past for a wish to be dead are past for the burden or hopelessness
        # they also say ("back then I believed my family would be better off without me", session 16).
        evidence = [e._replace(modifiers=e.modifiers + ("past",))
                    if e.construct in RISK_FACTORS and not e.modifiers
                    and any(a < e.j and e.i < b for a, b in past_spans) else e for e in evidence]
    if any("ordinary" in e.flags for e in evidence):
        evidence = _without_ordinary_goodbyes(words, evidence, ctx)
        if not evidence:
            return _Reading(NO, 0.0, [])

    selfish = [e for e in evidence if _unmodified(e)]
    anchors = [e.i for e in selfish if e.construct in ("active_ideation", "passive_ideation", "plan",
                                                       "farewell", "attempt_in_progress")
               and "weak" not in e.flags and "do_it" not in e.flags]
    crisis_elsewhere = any((e.construct in IDEATION or e.construct in RISK_FACTORS or e.construct == "crisis_state")
                           and e.level >= LOW for e in selfish if "do_it" not in e.flags and "weak" not in e.flags)

    def near(e: Evidence, pos: list[int], dist: int = 30) -> bool:
        k = bisect_left(pos, e.i)
        return (k < len(pos) and pos[k] - e.i <= dist) or (k > 0 and e.i - pos[k - 1] <= dist)

    do_it = [e for e in selfish if "do_it" in e.flags]
    timing_all = [e for e in selfish if e.construct == "timing"]
    do_it_ok = [e for e in do_it if crisis_elsewhere or (said <= SHORT_TEXT and timing_all)]
    # Thoughts of killing oneself tied to a time in the same sentence ("I want to
    # kill myself tonight") state when, which is intent.
    active_sentences = {ctx.sent_start[e.i] for e in selfish if e.construct == "active_ideation"
                        and "do_it" not in e.flags and "weak" not in e.flags}
    anchors += [e.i for e in do_it_ok]
    anchors.sort()
    timing_sentences = {ctx.sent_start[t.i] for t in evidence if t.construct == "timing"}
    risk_at = sorted(e.i for e in selfish if e.construct in RISK_FACTORS)
    # "i know how and when", "i've got everything i need": with a time nearby, a plan (session 17).
    timed_at = sorted(e.i for e in selfish if "timed" in e.flags)
    # A goodbye too weak alone ("thanks for everything") beside the means held ("i have the pills").
    bye_at = sorted(e.i for e in selfish if e.construct == "farewell" and "weak" in e.flags)

    feats: set[str] = set()
    kept: list[Evidence] = []
    pending: list[Evidence] = []
    weak_plans: set[tuple[int, int]] = set()
    weak_farewells: set[tuple[int, int]] = set()
    for e in evidence:
        c = e.construct
        if "do_it" in e.flags:
            if e in do_it_ok:
                feats.update((Sign.ACTIVE, Sign.INTENT))
                kept.append(e._replace(level=HIGH))
            continue
        if c == "timing":
            if (anchors and near(e, anchors, 30 if n > 25 else n)) or (timed_at and near(e, timed_at, 12)):
                feats.add(Sign.TIME)
                if ctx.sent_start[e.i] in active_sentences:
                    feats.add(Sign.INTENT)
                kept.append(e)
            continue
        if c == "lethal_means":
            if "athand" in e.flags and _unmodified(e):
                if e.modifiers == ("emoji",):
                    # Means emoji in a short message: only with a time, a goodbye, dwelling ...
                    feats.add(Sign.MEANS_EMOJI)
                    kept.append(e._replace(level=NO))
                else:
                    # At a height or with the means laid out: worth a look alone.
                    feats.add(Sign.MEANS_AT_HAND)
                    kept.append(e._replace(level=MOD))
                continue
            if "possession" in e.flags and (anchors or e.modifiers == ("emoji",)):
                feats.add(Sign.METHOD)
                kept.append(e)
            elif "possession" in e.flags and bye_at and near(e, bye_at, 30):
                feats.update((Sign.METHOD, Sign.FAREWELL_WEAK))
                kept.append(e)
            elif anchors and near(e, anchors, 30):
                feats.add(Sign.METHOD)
                kept.append(e._replace(flags=e.flags - {"weak"}))
            elif risk_at and near(e, risk_at, 20):
                # Means named next to hopelessness or burden ("pills ... I am hopeless").
                feats.add(Sign.MEANS_NEAR_RISK)
                kept.append(e)
            continue
        if c == "intensity":
            if _unmodified(e):
                feats.add(Sign.INTENSITY)
            continue
        if c == "suicide_mention":
            kept.append(e)
            continue
        if c == "third_person_concern" and "intent" in e.flags and ctx.sent_start[e.i] in timing_sentences:
            # Someone else with a stated intent and a time: worth a human look.
            e = e._replace(level=MOD)
        if c == "plan" and ("preocc" in e.flags or "lethality" in e.flags):
            # Dwelling on something, or asking how sure or quick it is: only with means named.
            if _unmodified(e):
                feats.add(Sign.PREOCCUPATION if "preocc" in e.flags else Sign.LETHALITY_QUESTION)
                pending.append(e)
            continue
        kept.append(e)
        if not _unmodified(e) or (e.modifiers == ("emoji",) and e.level < MOD):
            if e.modifiers == ("emoji",) and c == "passive_ideation":
                feats.add(Sign.PASSIVE_EMOJI)
            continue
        if c == "plan" and "weak" in e.flags:
            weak_plans.add((e.i, e.j))
        elif c == "farewell" and "weak" in e.flags:
            weak_farewells.add((e.i, e.j))
        elif c == "self_injury" and "severe" in e.flags:
            if "weak" in e.flags:
                # Stitches or bleeding told with an accident ("stitches on my hand from the kitchen
                # knife") support nothing.
                if _ACCIDENT.isdisjoint(ctx.sentence(e.i).split()):
                    feats.add(Sign.SEVERE_INJURY_WEAK)
                continue
            feats.add(Sign.SEVERE_INJURY)
        add_evidence_flags(feats, e)

    # Two separate weak plan cues ("everything is set up", "cancelled my appointments") are a plan;
    # two weak farewells ("gave my guitar away", "deleted my socials") are a farewell.
    if len(weak_plans) >= 2:
        feats.add(Sign.PLAN)
    if len(weak_farewells) >= 2:
        feats.add(Sign.FAREWELL)
    if pending and (means_named or not feats.isdisjoint(
            (Sign.MEANS_AT_HAND, Sign.METHOD, Sign.ACTIVE, Sign.PASSIVE))):
        feats.add(Sign.PLAN)
        kept.extend(e._replace(level=HIGH) for e in pending)
    level = max((e.level for e in kept), default=NO)
    passive_spans = [(e.i, e.j) for e in kept if e.construct == "passive_ideation" and _unmodified(e)]
    risk_apart = any(e.construct in RISK_FACTORS and _unmodified(e)
                     and all(e.j <= a or e.i >= b for a, b in passive_spans) for e in kept)
    a, p = Sign.ACTIVE in feats, Sign.PASSIVE in feats
    pl = Sign.PLAN in feats or (Sign.PLAN_WEAK in feats and (a or p))
    f = Sign.FAREWELL in feats or (Sign.FAREWELL_WEAK in feats and (a or p))
    m, t, i_ = Sign.METHOD in feats, Sign.TIME in feats, Sign.INTENT in feats
    if Sign.ATTEMPT_NOW in feats:
        level = IMM
    elif a and (f or (i_ and (m or t or pl or Sign.MEANS_AT_HAND in feats)) or (m and t) or (pl and (m or t))):
        # Intent with the means, a time, a plan or standing where one could fall ("I'm on the roof
        # and I'm going to jump").
        level = IMM
    elif pl and t:
        level = IMM
    elif a or pl:
        level = max(level, HIGH)
    elif p and (m or t or f or Sign.PAST_ATTEMPT in feats):
        level = max(level, HIGH)
    elif Sign.FAREWELL in feats and p:
        level = max(level, HIGH)
    if level < HIGH and bye_at and m and Sign.FAREWELL_WEAK in feats:
        # A goodbye with the means held ("thank you for everything. i have all my pills", session 17).
        level = HIGH
    if level < HIGH and t and timed_at and Sign.PLAN_WEAK in feats:
        # A plan said without the words, with its time ("i know how and when. after the kids are
        # asleep", session 17).
        level = HIGH
    if level < HIGH and Sign.PAST_ATTEMPT in feats and (p or Sign.SELF_INJURY in feats):
        level = HIGH
    if level < HIGH and p and (risk_apart or not feats.isdisjoint(
            (Sign.INTENSITY, Sign.FAREWELL_WEAK, Sign.PLAN_WEAK, Sign.MEANS_AT_HAND))):
        # A wish to be dead said in earnest, with a goodbye, a preparation, the means, or despair
        # stated separately ("I can't take this anymore ... I just want to die").
        level = HIGH
    if level < HIGH and (Sign.SEVERE_INJURY in feats or (Sign.SEVERE_INJURY_WEAK in feats and Sign.SELF_INJURY in feats)):
        level = HIGH
    if level < HIGH and Sign.FAREWELL in feats and (t or m or Sign.MEANS_AT_HAND in feats or Sign.PLAN_WEAK in feats
                                                    or feats & RISK_FACTORS):
        # A farewell with a time, the means, a preparation or despair beside it.
        level = HIGH
    if level < HIGH and (Sign.MEANS_AT_HAND in feats or Sign.MEANS_EMOJI in feats) and (
            timing_all or not feats.isdisjoint((Sign.FAREWELL_WEAK, Sign.PLAN_WEAK, Sign.PREOCCUPATION, Sign.INTENSITY,
                                                Sign.PASSIVE_EMOJI))
            or feats & RISK_FACTORS):
        level = HIGH
    if level < HIGH and Sign.PASSIVE_EMOJI in feats and (Sign.FAREWELL_WEAK in feats or Sign.INTENSITY in feats):
        # A grave emoji with a goodbye or said in earnest ("bye everyone 👋🪦").
        level = HIGH
    if level < MOD and Sign.PASSIVE_EMOJI in feats and feats & RISK_FACTORS:
        # A grave, an end or a hole beside burden or despair ("nobody will miss me 🕳️", session 16).
        level = MOD
    # Risk factors without stated ideation (Joiner's burden + hopelessness; a plan or the means
    # beside them): not crisis alone, but more than one is worth a human look, and with a plan
    # or means it is treated as crisis.
    if level < HIGH and Sign.INTENSITY in feats and (Sign.FAREWELL in feats or Sign.SELF_INJURY in feats):
        level = HIGH
    risks = len(feats & RISK_FACTORS)
    if level < HIGH and risks and (Sign.PLAN_WEAK in feats or Sign.MEANS_NEAR_RISK in feats or (p and risks >= 2)):
        level = HIGH
    elif level < MOD and risks >= 2:
        level = MOD
    elif level < MOD and risks and Sign.INTENSITY in feats and said <= _SHORT_EARNEST:
        # Despair said in earnest or for good in a chat-length message ("I can't do this anymore.
        # I'm done. For good this time"): not a stated wish to die, but worth a human look (issue
        # #14, session 13). Not in long posts, where "so" and "every day" are how stress is told.
        level = MOD
    if level < MOD and _apart(weak_farewells) >= 2:
        # Two separate goodbye cues and nothing else ("gave my dog to my sister, she'll take better
        # care of him than I could"): not crisis alone, but worth a human look (issue #14).
        level = MOD
    if level < MOD and Sign.INTENSITY in feats and said <= _SHORT_EARNEST and BARE.plain_tone(toks.text):
        # Finality that names a decision about living, finality beside a separate preparation or
        # goodbye, or finality with nothing else said, in a chat-length message told plainly ("i feel
        # calm now that i've decided"; "it's decided. i just need to pick the day"; "please don't try
        # to talk me out of it, my mind is made up"): worth a human look (session 16). "..., i'm
        # getting the tattoo" says what the decision is.
        final, strong, closing = _final_apart(ctx, evidence)
        beside = [(a, b) for a, b in weak_plans | weak_farewells
                  if all(b <= e.i or a >= e.j for e in closing)]
        if final and (strong or beside or (_bare_finality(
                ctx.words, [e for e in evidence if _unmodified(e) and e.construct not in _SUPPORT_ONLY] + closing))):
            level = MOD
            kept.extend(e._replace(level=MOD) for e in closing)
    if level < MOD and Sign.INTENSITY in feats and said <= _BARE_FINAL_MAX:
        intense = [e for e in evidence if e.construct == "intensity" and _unmodified(e)]
        if _bare_finality(ctx.words, intense) and BARE.plain_tone(toks.text):
            # A whole message of finality and nothing else ("i'm done. for good this time", "no
            # going back now", "this time i mean it"): worth a human look (issue #14, session 14).
            level = MOD
            kept.extend(e._replace(level=MOD) for e in intense)

    weight = len(feats & _STRENGTH_FEATS) + len(feats & RISK_FACTORS) * 0.5
    strength = min(1.0, weight / 6)
    if level == NO:
        strength = min(1.0, 0.3 * len(kept))
    goodbye_only = level == NO and feats <= {Sign.FAREWELL_WEAK} and len(weak_farewells) == 1 and not _BYE_WORDS.isdisjoint(
        words[next(iter(weak_farewells))[0]:next(iter(weak_farewells))[1]])
    if goodbye_only and "bye" not in words and _GOODBYE_TO_ALL.issuperset(words) and not _ALL_OF_YOU.isdisjoint(words):
        # The whole message a formal goodbye to everyone ("goodbye everyone", "farewell all"), not
        # the casual "bye everyone": it reaches a human (moderate), as the shipped model used to
        # make it (session 15) until a retraining put it at p 0.85 against 0.88 (session 18).
        level = MOD
        kept = [e._replace(level=MOD) if e.construct == "farewell" else e for e in kept]
    return _Reading(level, strength, kept, not feats.isdisjoint(_SUPPORT_FEATS), goodbye_only)


def _reasons(toks: Tokens, kept: list[Evidence], level: int) -> list[Reason]:
    groups: dict[tuple[str, tuple[str, ...]], list[Evidence]] = {}
    has_other = any(e.construct != "suicide_mention" for e in kept)
    for e in kept:
        if e.construct == "suicide_mention" and has_other:
            continue
        groups.setdefault((e.construct, e.modifiers), []).append(e)
    ordered = sorted(groups.items(), key=lambda kv: (-max(e.level for e in kv[1]), kv[1][0].i))
    out = []
    for (construct, mods), evs in ordered:
        spans = tuple(sorted({toks.span(e.i, e.j) for e in evs}))
        out.append(Reason(construct, LABELS.get(construct, construct), spans, mods))
    return out


class RuleResult(NamedTuple):
    """What the rules found.

    ``language`` is None when the text was screened (English or Spanish) and the
    code of an unsupported language otherwise (callers treat non-None as "not
    screened").  ``lang`` says which rules read the text: ``"en"``, ``"es"`` (the
    Spanish rules set the level, or the text is Spanish) or the unsupported code.
    """

    screening: Screening
    language: str | None
    all_modified: bool
    lang: str = "en"
    # The rules saw evidence that supports a confident model (a time, the means, a goodbye ...).
    support: bool = False
    # ... and that evidence is one goodbye alone: a model lifts it to moderate, not high (session 15).
    goodbye_only: bool = False


def _nothing_to_match(words: list[str]) -> bool:
    if not ANCHORS.isdisjoint(words):
        return False
    short = len(words) <= SHORT_TEXT
    if short and not SHORT_ANCHORS.isdisjoint(words):
        return False
    plain = list(filterfalse(_SKIP.__contains__, words))
    pairs = set(map(" ".join, zip(plain, plain[1:], strict=False)))
    if not PAIR_ANCHORS.isdisjoint(pairs):
        return False
    return not (short and not SHORT_PAIR_ANCHORS.isdisjoint(pairs))


def _spanish(text: str, toks: Tokens, level: int, strength: float, kept: list[Evidence],
             lang: str | None, support: bool = False) -> RuleResult | None:
    """Screen with the Spanish rules as well; the more serious reading wins.

    None when the Spanish rules find nothing in a text not taken for Spanish: the English
    reading then stands exactly as it is.
    """
    es = ES.assess(text)
    if not es.evidence and lang != "es":
        return None
    code = "es" if lang == "es" or es.level > level else "en"
    groups: dict[tuple[str, tuple[str, ...]], list] = {}
    # (level, first offset, spans) per (construct, modifiers), for both rule sets.
    has_other = any(e.construct != "suicide_mention" for e in kept) or any(
        e.construct != "suicide_mention" for e in es.evidence)
    for e in kept:
        if e.construct == "suicide_mention" and has_other:
            continue
        groups.setdefault((e.construct, e.modifiers), []).append((e.level, toks.span(e.i, e.j)))
    for e, span in zip(es.evidence, es.spans, strict=True):
        if e.construct == "suicide_mention" and has_other:
            continue
        groups.setdefault((e.construct, e.modifiers), []).append((e.level, span))
    ordered = sorted(groups.items(), key=lambda kv: (-max(x[0] for x in kv[1]), min(x[1] for x in kv[1])))
    reasons = [Reason(c, LABELS.get(c, c), tuple(sorted({sp for _, sp in items})), mods)
               for (c, mods), items in ordered]
    if es.level > level:
        level, strength = es.level, es.strength
    elif es.level == level:
        strength = max(strength, es.strength)
    crisis = [not _unmodified(e) for e in kept if e.construct in IDEATION]
    crisis += [not ES._unmodified(e) for e in es.evidence if e.construct in ES.IDEATION]
    all_modified = bool(crisis) and all(crisis)
    screening = Screening(LEVELS[level], score_for(LEVELS[level], strength), tuple(reasons))
    support = support or any(ES._unmodified(e) for e in es.evidence)
    return RuleResult(screening, None, all_modified, code, support)


def assess(text: str) -> RuleResult:
    """Screen ``text`` with the rules; also report facts the model combiner needs.

    English rules always run.  Spanish rules (:mod:`.es`) also run when the text
    looks Spanish, or when a text taken for English holds Spanish crisis words
    (short and mixed messages); the more serious reading wins.  A short message that is
    nothing but a farewell, the means at hand, the time or the place of danger (:mod:`.bare`)
    is at least ``moderate``.
    """
    # Hedges, greetings and words of address at a sentence edge are read as nothing ("like i'm on the
    # roof bro" as "i'm on the roof"; session 18, :func:`.text.blank_edges`), and a message with no
    # punctuation is broken where a capital opens a sentence (:func:`.text.mark_runons`); offsets are
    # unchanged.
    text = mark_runons(blank_edges(text))
    got = _assess_text(text)
    if got.screening.level_index >= HIGH or (got.language is not None and got.language != "es"):
        return got
    found = BARE.statements(text)
    if not found:
        return got
    return _with_bare(got, found, text)


def _with_bare(got: RuleResult, found: list[tuple[str, tuple[int, int]]], text: str) -> RuleResult:
    """``got`` raised to ``moderate`` by the bare statements ``found`` of ``text``, each recorded as a reason
    with the ``bare`` modifier (issue #14, session 14); ``high`` for the English ones of :data:`.bare.STRONG`."""
    spans: dict[str, set[tuple[int, int]]] = {}
    for construct, span in found:
        spans.setdefault(construct, set()).add(span)
    bare = tuple(Reason(c, LABELS.get(c, c), tuple(sorted(s)), (BARE.MODIFIER,)) for c, s in spans.items())
    # The rules' own reading of the same construct (a goodbye too weak to count alone) is said by the
    # bare reason.
    reasons = bare + tuple(r for r in got.screening.reasons if r.construct != "suicide_mention"
                           and not (r.construct in spans and not r.modifiers))
    # Already moderate by the rules ("esto es un adiós"): the level stands, and the ``bare`` reason
    # tells the conversation reading that the message is nothing but that.
    # A plan or a goodbye with the means or a time ("i know how and when. friday", "goodbye everyone.
    # tonight", "i've picked the spot. i have the rope") is high (session 17).
    level = HIGH if ("plan" in spans or "farewell" in spans) and ("lethal_means" in spans or "timing" in spans) \
        else MOD
    if level < HIGH and got.lang == "en" and any(
            c in ("farewell", "plan", "timing") and BARE.strong(text, span) for c, span in found):
        # An English goodbye, plan or time that says what it is about ("this is goodbye", "i know
        # exactly how and when", "tonight's the night"): high alone (session 19, :data:`.bare.STRONG`).
        level = HIGH
    score = max(got.screening.score, score_for(LEVELS[level], min(1.0, 0.3 * len(found))))
    screening = Screening(LEVELS[level], score, reasons)
    return got._replace(screening=screening, all_modified=False, support=True)


_BREAK_GAP = re.compile(r"[.!?;:\n…]")


def _implied_subject(toks: Tokens) -> Tokens:
    """``toks`` with an "i" put before a sentence that opens with a verb of :data:`.patterns.IMPLIED_I`
    ("want to die tonight" read as "i want to die tonight"; session 18).  The "i" is an empty token at
    the verb's start, so spans still cover only what was written."""
    words, starts, ends, text = toks.words, toks.starts, toks.ends, toks.text
    n = len(words)
    at = [k for k, w in enumerate(words)
          if (w in P.IMPLIED_I and (k + 1 >= n or w not in P.IMPLIED_I_AUX or words[k + 1] not in P.IMPLIED_I_NOT_BEFORE)
              or w in P.IMPLIED_I_AM and k + 1 < n and words[k + 1] in P.IMPLIED_I_AM[w])
          and (k == 0 and not text[:starts[0]].strip("\"'“‘*( \t") or k > 0 and starts[k] != starts[k - 1]
               and _BREAK_GAP.search(text, ends[k - 1], starts[k]) is not None)]
    if not at:
        return toks
    words, starts, ends = list(words), list(starts), list(ends)
    for k in reversed(at):
        implied = ("i",) if words[k] in P.IMPLIED_I else ("i", "am")
        for w in reversed(implied):
            words.insert(k, w)
            starts.insert(k, starts[k])
            ends.insert(k, starts[k])
    return Tokens(text, words, starts, ends, toks.raw_count, toks.has_emoji, len(words) - len(toks.words))


def _said(toks: Tokens) -> int:
    """How many words a message has where its length is read: neither an implied "i" nor a chat
    hedge (:data:`.patterns.UNCOUNTED`) counts (session 18)."""
    words = toks.words
    return len(words) - toks.implied - (0 if P.UNCOUNTED.isdisjoint(words) else sum(w in P.UNCOUNTED for w in words))


def _assess_text(text: str) -> RuleResult:
    if not text or text.isspace():
        return RuleResult(NONE, None, False)
    toks = _implied_subject(tokenize(text))
    words = toks.words
    if not words or (not toks.has_emoji and _nothing_to_match(words)):
        # No phrase that could set a level can match.
        level, strength, kept, support, goodbye_only = NO, 0.0, [], False, False
    else:
        level, strength, kept, support, goodbye_only = _assess(toks)
    if not words:
        return RuleResult(NONE, None, False)
    lang = detect_language(text, words)
    if lang == "es" or (lang is None and ES.has_cue(text, words)):
        both = _spanish(text, toks, level, strength, kept, lang, support)
        if both is not None:
            return both
    reasons = _reasons(toks, kept, level) if kept else []
    if lang is not None:
        name = LANG_NAMES.get(lang, lang)
        reasons.append(Reason(
            "unsupported_language",
            f"{LABELS['unsupported_language']} (looks {name}; only {_SCREENED_NAMES} are screened)",
            ((0, len(text)),),
            (f"lang:{lang}",),
        ))
    crisis = [e for e in kept if e.construct in IDEATION]
    all_modified = bool(crisis) and all(not _unmodified(e) for e in crisis)
    screening = Screening(LEVELS[level], score_for(LEVELS[level], strength), tuple(reasons))
    return RuleResult(screening, lang, all_modified, lang or "en", support, goodbye_only)


_SCREENED_NAMES = " and ".join({"en": "English"}.get(c) or LANG_NAMES.get(c, c) for c in SUPPORTED_LANGUAGES)
