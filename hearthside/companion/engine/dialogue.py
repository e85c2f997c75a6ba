"""The offline dialogue manager: states, intents, strategy choice and response realisation.

Pure Python (no Django, no database): the web app, the API and ``hearthside companion-chat`` all
call :meth:`Companion.respond` with the conversation's state (a JSON-able dict) and get a
:class:`Turn` back, with the new state inside. The order of checks in ``respond`` is the
safety contract: screening and the crisis flow come before anything else, whatever the engine.

Supporter strategies follow the categories of ESConv (Liu et al. 2021, "Towards Emotional
Support Dialog Systems", ACL, https://aclanthology.org/2021.acl-long.269/): question,
restatement, reflection of feelings, affirmation and reassurance, suggestions, information.
Self-disclosure is deliberately never used: a program has no experiences to disclose.
"""

from __future__ import annotations

import contextvars
import copy
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TypedDict

from . import i18n, lexicon
from . import safety as sf
from .i18n import _

STATE_VERSION = 1
MAX_TEXT = 2000
EXERCISES_FILE = Path(__file__).resolve().parents[2] / "selfcare" / "content" / "exercises.json"
ARTICLES_DIR = Path(__file__).resolve().parents[2] / "selfcare" / "content" / "articles"

DEFAULT_LINKS = {
    "help": "/help/", "safety_plan": "/help/plan/", "support_line": "/support-line/", "care": "/care/",
    "groups": "/groups/", "library": "/selfcare/library/", "checkins": "/selfcare/checkins/",
    "permissions": "/accounts/settings/",
}

# Which exercise fits which feeling (the topics come from exercises.json).
EXERCISE_FOR = {
    "anxious": ("box-breathing", "grounding-5-4-3-2-1"),
    "stressed": ("box-breathing", "body-scan"),
    "angry": ("box-breathing", "grounding-5-4-3-2-1"),
    "sad": ("self-compassion-break", "three-good-things"),
    "ashamed": ("self-compassion-break", "loving-kindness"),
    "lonely": ("loving-kindness", "self-compassion-break"),
    "tired": ("body-scan", "box-breathing"),
}
ARTICLE_FOR = {
    "anxious": "coping-with-anxiety", "stressed": "managing-stress", "sad": "low-mood", "lonely": "loneliness",
    "tired": "better-sleep", "ashamed": "self-compassion", "loss": "grief-and-loss", "sleep": "better-sleep",
}


@cache
def exercises() -> dict[str, dict]:
    data = json.loads(EXERCISES_FILE.read_text(encoding="utf-8"))
    return {e["slug"]: e for e in data["exercises"]}


def exercise_in(slug: str, lang: str) -> dict:
    """An exercise with its texts in ``lang`` (the Spanish texts live in ``es.EXERCISES``)."""
    exercise = exercises()[slug]
    if lang != "es":
        return exercise
    from .es import EXERCISES as ES_EXERCISES

    spanish = ES_EXERCISES.get(slug)
    if not spanish:
        return exercise
    out = copy.deepcopy(exercise)
    out["title"] = spanish["title"]
    out["summary"] = spanish["summary"]
    for step in out["steps"]:
        texts = spanish["steps"].get(step["id"], {})
        if "text" in texts:
            step["text"] = texts["text"]
        if "labels" in texts:
            step["labels"] = list(texts["labels"])
        if "options" in texts:
            for option, label in zip(step.get("options", []), texts["options"], strict=False):
                option["label_en"] = option["label"]
                option["label"] = label
    return out


@cache
def articles() -> dict[str, dict]:
    found: dict[str, dict] = {}
    if not ARTICLES_DIR.is_dir():
        return found
    for path in sorted(ARTICLES_DIR.glob("*.md")):
        head = path.read_text(encoding="utf-8").split("---")
        if len(head) < 3:
            continue
        meta = {}
        for line in head[1].splitlines():
            key, sep, value = line.partition(":")
            if sep and not line.startswith(" "):
                meta[key.strip()] = value.strip().strip('"')
        if meta.get("slug"):
            found[meta["slug"]] = meta
    return found


class Crisis(TypedDict, total=False):
    active: bool
    level: str
    since: int           # the turn the crisis flow began
    check_asked: int
    quiet: int


class Watch(TypedDict, total=False):
    """Help kept in view for a few turns after a risk sign."""
    kind: str            # what was seen ("asked": the person was asked about safety)
    since: int
    due: int             # the turn by which to check in again
    followups: int
    announced: bool


class Exercise(TypedDict):
    slug: str
    i: int               # the step reached
    answers: dict[str, str]


class Memory(TypedDict):
    stressors: list[str]
    checkins: list[dict]


class CompanionState(TypedDict, total=False):
    """A conversation's state, kept (encrypted) between turns. Every key the engine reads or writes
    is declared here (``companion/tests/test_state_schema.py`` checks the source); the first group
    is what ``new_state`` starts with."""

    v: int                              # STATE_VERSION
    turn: int
    depth: int                          # how far the person has opened up
    feelings: list[str]
    stressors: list[str]
    mood: int | None                    # the last mood given, 1-5
    offered: list[str]                  # exercises and articles already offered
    pending: dict | None                # what the last reply asked for ({"kind": ...})
    exercise: Exercise | None           # the exercise in progress
    recent: list[str]                   # digests of recent replies (not repeated)
    strategies: list[str]
    memory_consent: bool | None
    memory: Memory
    crisis: Crisis | None
    disclosures: list[str]              # what was disclosed (abuse, a child in danger, ...)
    logged: bool                        # the check-in was saved
    safety_asked_turn: int | None
    greeted: bool
    risk: list[list]                    # [turn, [risk factors]] per turn, the last 10
    watch: Watch | None
    lang: str | None
    seed: str | None                    # varies the wording per conversation (a short hex digest)
    variants: dict[str, int]
    # Set along the way:
    said: list[str]                     # the last 12 things said (not said again)
    asked: list[str]                    # the last 8 questions asked
    memory_asked: bool
    line_live: bool                     # the person has a live support-line conversation
    handoff: dict                       # the support-line handoff offered ({"line", "offer", "summary"})
    mode: str                           # the jurisdiction profile's mode: full, wellness or off
    mode_why: str
    disclosed_at: str                   # ISO time the companion last said it is automated
    last_at: str                        # ISO time of the last turn


def new_state() -> CompanionState:
    return {
        "v": STATE_VERSION, "turn": 0, "depth": 0, "feelings": [], "stressors": [], "mood": None,
        "offered": [], "pending": None, "exercise": None, "recent": [], "strategies": [],
        "memory_consent": None, "memory": {"stressors": [], "checkins": []}, "crisis": None,
        "disclosures": [], "logged": False, "safety_asked_turn": None, "greeted": False,
        # Risk factors named per turn ([turn, [factors]]), the watch that keeps help in view after a
        # risk sign, the conversation's language, and the seed that varies its wording.
        "risk": [], "watch": None, "lang": None, "seed": None, "variants": {},
    }


@dataclass
class Turn:
    reply: str
    actions: list[str] = field(default_factory=list)
    safety_level: str = "none"
    strategies: list[str] = field(default_factory=list)
    feelings: list[str] = field(default_factory=list)
    engine: str = "offline"
    exercise: dict | None = None
    quick_replies: list[str] = field(default_factory=list)
    effects: list[dict] = field(default_factory=list)
    state: dict = field(default_factory=dict)
    replaced: str = ""  # why a generated reply was replaced by a safe one, if it was
    language: str = "en"

    @property
    def in_crisis(self) -> bool:
        return "crisis_flow" in self.actions

    def as_line(self, conversation_id) -> dict:
        return {"conversation_id": conversation_id, "reply": self.reply, "safety_level": self.safety_level,
                "actions": list(self.actions)}


@dataclass
class Analysis:
    feelings: list[str]
    stressors: list[tuple[str, str]]
    mood: int | None
    model_labels: list[str]


# A writer turns the offline plan for an ordinary turn into words (the language-model engine).
# It gets (state, text, analysis, strategies, offline_reply) and returns text, or raises.
Writer = Callable[[dict, str, Analysis, list[str], str], str]


# Where a streaming writer sends its pieces during one ``respond`` call (the websocket sets it).
ON_DELTA: contextvars.ContextVar = contextvars.ContextVar("companion_on_delta", default=None)


# "Check in" (the wellness quick reply) and the like, in English and Spanish (folded text).
_CHECK_IN = re.compile(r"\bcheck[ -]?in\b|\bregistr\w* (mi )?(estado de animo|animo)\b", re.I)


def _when(value) -> datetime | None:
    """A stored ISO timestamp, or None when there is none (or it cannot be read)."""
    try:
        found = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def _pick(options, seed: int, avoid: set[str] | None = None) -> str:
    options = list(options)
    for i in range(len(options)):
        choice = options[(seed + i) % len(options)]
        # ``avoid`` holds sentences said recently; a template matches when its fixed words do.
        stem = choice.split("%(")[0]
        if not avoid or not any(a.startswith(stem) if stem else a == choice for a in avoid):
            return choice
    return options[seed % len(options)]


def _digest(text: str) -> str:
    return hashlib.blake2s(re.sub(r"\W+", " ", text.lower()).encode(), digest_size=6).hexdigest()


def _hash(*parts) -> int:
    return int(hashlib.blake2s("|".join(str(p) for p in parts).encode(), digest_size=6).hexdigest(), 16)


def analyse(text: str, lang: str = "en") -> Analysis:
    feelings: list[str] = []
    for family, pattern in lexicon.FEELING_WORDS.items():
        if pattern.search(text):
            feelings.append(family)
    if "good" in feelings and len(feelings) > 1:
        feelings.remove("good")  # "I'm fine but so stressed": the difficult part is the news
    model_labels: list[str] = []
    if lang == "en":  # the emotion model reads English only
        try:
            from hearthside.selfcare.emotions import predict

            prediction = predict([text], "original")[0]
            model_labels = [label for label in prediction.labels if label != "neutral"]
        except Exception:  # noqa: BLE001 - the model is a help, not a requirement
            model_labels = []
    if not feelings and len(text.split()) >= 3:
        for label in model_labels:
            family = lexicon.MODEL_FAMILIES.get(label)
            if family and family not in feelings:
                feelings.append(family)
    stressors: list[tuple[str, str]] = []
    for pattern, topic, phrase in lexicon.STRESSORS:
        if pattern.search(text) and topic not in {t for t, _p in stressors}:
            stressors.append((topic, phrase))
    mood = None
    match = lexicon.MOOD_NUMBER.search(text)
    if match:
        mood = int(next(g for g in match.groups() if g))
    return Analysis(feelings[:3], stressors[:3], mood, model_labels[:3])


class Companion:
    """One instance serves many conversations; all per-conversation data lives in ``state``."""

    def __init__(self, *, links: dict | None = None, disclosure_alert: bool = True, writer: Writer | None = None,
                 writer_name: str = "", screen: Callable[[str], tuple[str, list]] | None = None):
        self.links = {**DEFAULT_LINKS, **(links or {})}
        self.disclosure_alert = disclosure_alert
        self.writer = writer
        self.writer_name = writer_name
        self.screen = screen or sf.screen_text

    # -----------------------------------------------------------------------------------------
    # Entry points

    def start(self, state: dict | None = None, *, name: str = "", lang: str | None = None,
              conversation_id=None, rules=None, now: datetime | None = None) -> Turn:
        """The opening message of a conversation (says what the companion is, then asks), in the
        interface language ``lang`` (Django's active language when not given). ``rules``: the
        jurisdiction profile's rules for this person (``compliance.policy.Rules``: the mode and
        when to say again that it is automated), ``now`` the clock (aware; the caller's)."""
        state = copy.deepcopy(state) if state else new_state()
        state["greeted"] = True
        if conversation_id is not None:
            state["seed"] = _digest(f"conversation:{conversation_id}")
        lang = i18n.normalise(lang) or i18n.django_language() or state.get("lang") or "en"
        state["lang"] = lang
        self._set_mode(state, rules)
        mode = state["mode"]
        with i18n.using(lang):
            hello = _("Hi %(name)s.") % {"name": name} if name else _("Hi.")
            if mode == "off":
                turn = self._off(state, hello)
                turn.language = lang
                self._remind(state, turn, rules, now)
                return turn
            parts = [hello, self._identity_text(state),
                     _("If you are ever in danger, use “Get help now” at the top of any page.")]
            if rules is not None and rules.suitability_notice:
                parts.append(_("Companion chatbots like me may not be suitable for some minors."))
            remembered = (state.get("memory") or {}).get("stressors") or []
            quick: list[str] = []
            if mode == "wellness":
                parts.append(_("Would you like to check in on your mood, try a short exercise, or find something to"
                               " read?"))
                quick = self._wellness_quick()
            elif state.get("memory_consent") and remembered:
                thing = remembered[-1]
                parts.append(_("Last time you mentioned %(thing)s. How has that been, and how are you feeling today?")
                             % {"thing": lexicon.stressor_phrase(thing.get("topic", ""), thing["phrase"], lang)})
            else:
                parts.append(_("How are you feeling today?"))
            turn = self._turn(state, " ".join(parts), ["disclose_automated"], strategies=["question"], quick=quick)
            turn.language = lang
        self._remind(state, turn, rules, now)
        return turn

    def respond(self, state: dict | None, text: str, *, level: str | None = None, reasons=None,
                lang: str | None = None, history: list[str] | None = None, rules=None,
                now: datetime | None = None) -> Turn:
        """Answer one message. ``level``: the shared screener's level when the caller already
        screened (the web app routes through ``screen_and_route`` first); screened here if not,
        with ``history`` (the person's earlier messages, oldest first) when the screener takes it.
        ``lang``: the interface language; the reply follows the message's own language first."""
        state = copy.deepcopy(state) if state else new_state()
        for key, value in new_state().items():
            state.setdefault(key, copy.deepcopy(value))
        text = (text or "").replace("\x00", "").strip()[:MAX_TEXT]
        state["turn"] = int(state.get("turn", 0)) + 1
        if not state.get("seed"):
            state["seed"] = _digest(f"first:{text}")
        reply_lang = i18n.reply_language(text, interface=lang, conversation=state.get("lang"))
        state["lang"] = reply_lang
        self._set_mode(state, rules)
        if level is None:
            level, reasons = self._screen(text, history)
        with i18n.using(reply_lang):
            turn = self._respond(state, text, level, reasons)
            turn.safety_level = level
            turn.language = reply_lang
            turn = self._finish(state, turn)
            self._remind(state, turn, rules, now)
            return turn

    def _screen(self, text: str, history: list[str] | None) -> tuple[str, list]:
        if history and sf._accepts(self.screen, "history"):
            return self.screen(text, history=list(history))
        return self.screen(text)

    # -----------------------------------------------------------------------------------------
    # Wording: several phrasings per reply kind, chosen by the conversation's seed and the turn

    def _seed(self, state: dict, kind: str, text: str = "") -> int:
        return _hash(state.get("seed"), state.get("turn"), kind, _digest(text) if text else "")

    def _vary(self, state: dict, kind: str, options, text: str = "") -> str:
        """One of ``options`` (already translated), never the one this kind used last time."""
        options = list(options)
        i = self._seed(state, kind, text) % len(options)
        variants = state.setdefault("variants", {})
        if len(options) > 1 and variants.get(kind) == i:
            i = (i + 1) % len(options)
        variants[kind] = i
        return options[i]

    # -----------------------------------------------------------------------------------------
    # The order of checks is the safety contract.

    def _respond(self, state: dict, text: str, level: str, reasons=None) -> Turn:
        turn_no = state["turn"]
        prior = [f for t, f in state.get("risk", []) if t > turn_no - sf.WINDOW]
        assessment = sf.evaluate(text, level, prior=prior, reasons=reasons, lang=i18n.current())
        verdict = assessment.verdict
        if assessment.factors:
            state["risk"] = [*state.get("risk", []), [turn_no, assessment.factors]][-10:]
        crisis = state.get("crisis")
        if crisis and crisis.get("active"):
            return self._in_crisis(state, text, level, verdict, reasons)
        if verdict == sf.CRISIS:
            return self._enter_crisis(state, level, via="closing" if sf.closing_only(reasons)
                                      else assessment.why or "screening")
        pending = state.get("pending") or {}
        if pending.get("kind") == "safety_question":
            state["pending"] = None
            if sf.explicit_no(text, level, reasons):
                return self._safety_no(state, text)
            if lexicon.UNSAFE_ANSWER.search(text) or lexicon.SELF_HARM_INTENT.search(text) or verdict == sf.ASK:
                closing = verdict == sf.ASK and sf.closing_only(reasons) and not (
                    lexicon.UNSAFE_ANSWER.search(text) or lexicon.SELF_HARM_INTENT.search(text))
                return self._enter_crisis(state, level if sf.RANK.get(level, 0) >= sf.RANK["high"] else "high",
                                          via="closing" if closing else "safety_question")
            # Anything short of a clear no keeps help in view; a dismissive answer is asked again,
            # and so is an answer that shows more of the same (hopelessness, pain...) instead.
            self._watch(state, "asked")
            if not state["watch"].get("reasked"):
                if lexicon.DISMISSIVE.search(text):
                    return self._ask_again(state)
                if verdict == sf.SOFT and set(assessment.factors) - {"death"}:
                    return self._ask_again(state, signs=True)
        if verdict == sf.ASK and state.get("safety_asked_turn") != turn_no - 1:
            return self._safety_question(state, text)
        if verdict in (sf.SOFT, sf.ASK):
            self._watch(state, "soft")
        pending = state.get("pending") or {}
        disclosure = self._disclosure(state, text)
        if disclosure is not None:
            return disclosure
        if state.get("mode") == "off":
            # Everything above (screening, the crisis flow, the safety question, disclosures) runs
            # in every mode; with the companion off, what is left is a way to people.
            return self._off_turn(state, text, verdict, assessment.factors)
        if lexicon.IDENTITY.search(text):
            return self._identity(state)
        if lexicon.CONNECT_ME.search(text) or (state.get("line_live") and lexicon.BACK_TO_LINE.search(text)):
            # Asking for a person outranks whatever the companion was in the middle of.
            return self._connect(state, crisis=False)
        memory = self._memory_intent(state, text)
        if memory is not None:
            return memory
        if state.get("exercise"):
            return self._exercise_step(state, text)
        if pending:
            answered = self._pending(state, pending, text)
            if answered is not None:
                return answered
        watch = state.get("watch") or {}
        if watch and watch.get("announced") and turn_no >= int(watch.get("due", 0)) \
                and verdict not in (sf.SOFT, sf.ASK):
            return self._follow_up(state, text)
        if verdict == sf.SOFT and watch and not watch.get("announced") and set(assessment.factors) & sf.DESPAIR:
            return self._check_in(state, text)
        if state.get("mode") == "wellness":
            return self._wellness(state, text)
        return self._ordinary(state, text)

    # -----------------------------------------------------------------------------------------
    # Keeping help in view after a risk sign (the "watch")

    def _watch(self, state: dict, kind: str) -> dict:
        """Start or raise the watch: help stays in view, and the companion comes back to it a few
        turns later. "asked" (the safety question went unanswered) outranks "soft" (a risk sign)."""
        watch = state.get("watch") or {}
        turn_no = state["turn"]
        if not watch:
            watch = {"kind": kind, "since": turn_no, "due": turn_no + 3, "followups": 0, "announced": False}
        elif kind == "asked" and watch.get("kind") != "asked":
            watch.update(kind="asked", due=min(int(watch.get("due", turn_no + 3)), turn_no + 3))
        watch["last_sign"] = turn_no
        state["watch"] = watch
        return watch

    def _help_line(self, state: dict) -> str:
        return self._vary(state, "help_line", [
            _("If it ever feels like too much, “Get help now” at the top of the page reaches people at any time, and"
              " the help panel shows crisis lines you can contact."),
            _("The help panel stays open alongside our conversation, with crisis lines, and the people on the support"
              " line are there if you'd like to talk with someone."),
            _("Whatever you decide to share, help is close: the panel shows crisis lines, and I can connect you to the"
              " support line whenever you want a person to talk to."),
            _("I'll keep the help panel open while we talk, with crisis lines and the support line, in case things get"
              " heavier."),
        ])

    def _ask_again(self, state: dict, *, signs: bool = False) -> Turn:
        """A dismissive answer to the safety question (or, with ``signs``, an answer that shows more
        hopelessness or pain instead of a yes or no): not accepted as a no, asked once more."""
        state["watch"]["reasked"] = True
        state["watch"]["announced"] = True
        state["watch"]["due"] = state["turn"] + 3
        state["safety_asked_turn"] = state["turn"]
        state["pending"] = {"kind": "safety_question"}
        opening = self._vary(state, "ask_again_signs", [
            _("Thank you for telling me more. It sounds really heavy, so I'd like to come back to my question."),
            _("I hear how hard this is. Because it matters, I'd still like to ask you plainly."),
            _("That sounds really painful. Can I ask you again, plainly?"),
        ]) if signs else self._vary(state, "ask_again_open", [
            _("Okay. I'd still rather check than guess, because what you wrote earlier stayed with me."),
            _("I hear you. I'd still like to be sure you're okay, because what you said before worried me a"
              " little."),
            _("That's alright. I'd just rather ask plainly than assume, after what you told me."),
        ])
        reply = " ".join([
            opening,
            self._vary(state, "ask_again_question", [
                _("Are you having any thoughts of ending your life? A simple yes or no is fine."),
                _("Are you thinking about ending your life? You can just answer yes or no."),
                _("Have you been having thoughts of ending your life? Yes or no is enough."),
            ]),
            self._help_line(state),
        ])
        return self._turn(state, reply, ["safety_question", "show_help", "offer_support_line"],
                          strategies=["question", "information"], quick=[_("No"), _("Yes")], fixed=True)

    def _follow_up(self, state: dict, text: str) -> Turn:
        """A few turns after a risk sign: come back to it gently (after an unanswered safety
        question, that question; after a softer sign, how they are doing with it)."""
        watch = state["watch"]
        watch["followups"] = int(watch.get("followups", 0)) + 1
        asked = watch.get("kind") == "asked"
        # Gently, not on every turn: the gaps grow (4, 8, 12... turns after an unanswered question).
        watch["due"] = state["turn"] + (4 * watch["followups"] if asked else 5)
        analysis = analyse(text, i18n.current()) if text else Analysis([], [], None, [])
        feeling = next((f for f in analysis.feelings if f in lexicon.NEGATIVE), "")
        if feeling:
            phrase = self._vary(state, "follow_up_phrase", lexicon.feeling_phrases(feeling, i18n.current()))
            opening = self._vary(state, "follow_up_reflect", [
                _("It sounds like you're feeling %(f)s right now."), _("I can hear that you've been feeling %(f)s."),
                _("You sound %(f)s right now.")]) % {"f": phrase}
        else:
            opening = self._vary(state, "follow_up_open", [
                _("Thank you for telling me."), _("Thanks for letting me know."), _("I'm glad you're still talking"
                                                                                    " with me."),
                _("I appreciate you sharing that.")])
        if asked:
            state["pending"] = {"kind": "safety_question"}
            state["safety_asked_turn"] = state["turn"]
            question = " ".join([
                self._vary(state, "follow_up_bridge", [
                    _("Before we go on, I'd like to gently come back to something from earlier."),
                    _("I haven't forgotten what you said earlier, and I'd like to check in about it."),
                    _("Can I come back to something from earlier? It's been on my mind."),
                ]),
                self._vary(state, "follow_up_question", [
                    _("Are you having any thoughts of ending your life? A plain yes or no is fine."),
                    _("Are you thinking about ending your life at the moment? Yes or no is enough."),
                    _("Have thoughts of ending your life been with you today? You can just say yes or no."),
                ]),
            ])
            actions = ["risk_follow_up", "safety_question", "show_help", "offer_support_line"]
            quick = [_("No"), _("Yes")]
        else:
            question = self._vary(state, "follow_up_soft", [
                _("Earlier things sounded really heavy for you. How are you doing with all of that now?"),
                _("I'd like to check in about what you said earlier, when things sounded very hard. How are you holding"
                  " up?"),
                _("You mentioned some heavy feelings a little while ago. How are they now, compared with then?"),
            ])
            actions = ["risk_follow_up", "show_help", "offer_support_line"]
            quick = []
        reply = " ".join([opening, question, self._help_line(state)])
        return self._turn(state, reply, actions, strategies=["reflection_of_feelings", "question"], quick=quick,
                          fixed=True)

    def _check_in(self, state: dict, text: str) -> Turn:
        """The first sign of despair, hopelessness, feeling trapped or a burden, self-hatred or pain
        that is not evidence for the suicide question: reflect it, check in gently about how heavy
        it is, and keep help in view (the watch: the companion comes back to it later)."""
        lang = i18n.current()
        analysis = analyse(text, lang)
        for topic, phrase in analysis.stressors:
            if topic not in {s[0] for s in state.get("stressors", [])}:
                state.setdefault("stressors", []).append([topic, phrase])
        if analysis.feelings:
            state["feelings"] = list(dict.fromkeys([*analysis.feelings, *state.get("feelings", [])]))[:5]
        self._remember(state, analysis)
        state["watch"]["announced"] = True
        feeling = next((f for f in analysis.feelings if f in lexicon.NEGATIVE), "")
        stressor = lexicon.stressor_phrase(analysis.stressors[0][0], analysis.stressors[0][1], lang) \
            if analysis.stressors else ""
        said = set(state.get("said", []))
        seed = self._seed(state, "check_in", text)
        if feeling and stressor:
            phrase = _pick(lexicon.feeling_phrases(feeling, lang), seed)
            opening = _pick([
                _("It sounds like %(s)s has left you feeling %(f)s, and that it goes deeper than a bad day."),
                _("With %(s)s on top of everything, it sounds like you're feeling %(f)s, and very worn down by it."),
                _("I'm hearing a lot of pain in what you say about %(s)s, and that you're feeling %(f)s."),
            ], seed // 7, avoid=said) % {"s": stressor, "f": phrase}
        elif feeling:
            phrase = _pick(lexicon.feeling_phrases(feeling, lang), seed)
            opening = _pick([
                _("It sounds like you're feeling %(f)s, and that it has been building for a while."),
                _("You sound %(f)s, and more worn down than a bad day would explain."),
                _("I can hear that you're feeling %(f)s, and that it's weighing on you a lot."),
            ], seed // 7, avoid=said) % {"f": phrase}
        else:
            opening = _pick([
                _("It sounds like things have been really dark for you lately."),
                _("That sounds like a lot of pain to be carrying."),
                _("What you're describing sounds really painful."),
                _("It sounds like you've been going through something very hard."),
                _("I'm sorry it feels this heavy right now."),
            ], seed // 7, avoid=said)
        state["said"] = [*state.get("said", []), opening][-12:]
        reply = " ".join([
            opening,
            self._vary(state, "check_in_with", [
                _("Thank you for saying it here."), _("I'm glad you put it into words."),
                _("You don't have to go through it on your own."), _("It matters that you said it."),
            ], text),
            self._vary(state, "check_in_question", [
                _("How are you holding up right now, in this moment?"),
                _("When it gets this heavy, what helps you get through, even a little?"),
                _("Would you tell me a bit more about how bad it gets, at its worst?"),
                _("How are you coping with it today?"),
                _("Is there anyone around you who knows how hard things are right now?"),
                _("How long has it felt this heavy?"),
            ], text),
            self._help_line(state),
        ])
        return self._turn(state, reply, ["check_in", "show_help", "offer_support_line"],
                          strategies=["reflection_of_feelings", "affirmation", "question"], fixed=True,
                          analysis=analysis, text=text)

    def _safety_no(self, state: dict, answer: str) -> Turn:
        """A clear, explicit no to the safety question: noted, and the watch ends."""
        state["watch"] = None
        reply = " ".join([
            self._vary(state, "safety_no_thanks", [
                _("Thank you for answering that; I know it is a hard question."),
                _("Thank you for telling me. It isn't an easy thing to be asked."),
                _("Thanks for answering so clearly. I know that question can feel heavy."),
            ]),
            self._vary(state, "safety_no_help", [
                _("If those thoughts ever come, “Get help now” is always at the top of the page, and people on the"
                  " support line are there to talk."),
                _("If that ever changes, you can tell me, and “Get help now” at the top of every page reaches people"
                  " at any time."),
            ]),
            self._vary(state, "safety_no_question", [
                _("What else has been going on for you?"), _("What would you like to talk about now?"),
                _("How are you feeling right now?")]),
        ])
        return self._turn(state, reply, ["safety_check_answered"], strategies=["affirmation", "question"],
                          effects=[{"type": "safety_answer", "answer": answer, "safe": True}], fixed=True)

    # -----------------------------------------------------------------------------------------
    # Crisis flow

    def _crisis_actions(self, state: dict) -> list[str]:
        return ["crisis_flow", "show_help", "offer_support_line"]

    def _enter_crisis(self, state: dict, level: str, via: str = "screening") -> Turn:
        state["crisis"] = {"active": True, "level": level, "since": state["turn"], "check_asked": 0, "quiet": 0}
        state["exercise"] = None
        state["watch"] = None
        state["pending"] = {"kind": "connect"}
        reply = " ".join([
            # A goodbye or an "ok" after what the person said before (the screener's reading across
            # turns): not thanked as news, but the flow is the same (session 16).
            self._vary(state, "crisis_open_closing", [
                _("I want to come back to what you told me earlier: it worries me, and I care how you are."),
                _("What you told me earlier is still with me, and I'm concerned about you."),
            ]) if via == "closing" else self._vary(state, "crisis_open", [
                _("I'm really concerned about what you've just told me, and I'm glad you said it."),
                _("What you've just told me worries me, and I'm really glad you told me."),
                _("Thank you for telling me this. I'm concerned about you, and I'm glad you said it."),
            ]),
            self._vary(state, "crisis_not_alone", [
                _("You don't have to face this on your own."),
                _("You don't have to carry this by yourself."),
                _("You're not alone with this, even if it feels that way."),
            ]),
            self._vary(state, "crisis_person", [
                _("I'm an automated companion, so I want you to have a person with you too:"
                  " I've asked the team on duty to reach out, and the help panel shows crisis lines you can contact"
                  " right now, with your safety plan if you have one."),
                _("I'm an automated program, not a person, so I've asked the team on duty to reach out to you, and the"
                  " help panel shows crisis lines you can contact right now, and your safety plan if you have one."),
                _("Because I'm automated, I want a person with you as well: the team on duty has been asked to reach"
                  " out, and the help panel lists crisis lines you can contact now, with your safety plan if you have"
                  " one."),
            ]),
            self._vary(state, "crisis_emergency", [
                _("If you might act on these thoughts, please call your local emergency number now."),
                _("If you feel you might act on these thoughts, please call your local emergency number right away."),
            ]),
            self._line_here(state) or self._vary(state, "crisis_offer", [
                _("Would you like me to connect you to the support line so you can talk with someone?"),
                _("Would you like me to connect you to the support line, to talk with a person now?"),
                _("Shall I connect you to the support line so you can talk it through with someone?"),
            ]),
        ])
        effects = [{"type": "crisis_started", "level": level, "via": via}]
        # A crisis alert is never optional (the disclosure policy setting does not apply here).
        effects.append({"type": "raise_alert", "level": level if sf.RANK.get(level, 0) >= sf.RANK["high"] else "high",
                        "reason": "crisis_flow"})
        return self._turn(state, reply, [*self._crisis_actions(state), "raise_alert"], strategies=["reassurance"],
                          quick=self._connect_quick(state), effects=effects, fixed=True)

    def _check_question(self, state: dict) -> Turn:
        state["crisis"]["check_asked"] = state["turn"]
        state["pending"] = {"kind": "crisis_check"}
        reply = " ".join([
            self._vary(state, "check_open", [
                _("I hear you, and I'd still like to check properly, because what you wrote earlier worried me."),
                _("Okay. I'd still like to check in properly, because what you said earlier worried me."),
                _("I understand. Because of what you wrote before, I'd like to be sure you're safe."),
                _("Thank you for staying with me. I still need to check, because what you wrote earlier worried me."),
            ]),
            self._vary(state, "check_question", [
                _("I need to ask you directly, and it's okay to answer honestly:"
                  " are you having thoughts of ending your life or harming yourself right now?"),
                _("So I'll ask you directly, and any honest answer is okay:"
                  " are you having thoughts of ending your life or harming yourself right now?"),
                _("Let me ask plainly, and it's alright to be honest:"
                  " are you having thoughts of ending your life or harming yourself right now?"),
            ]),
            self._vary(state, "check_answer", [_("Please answer yes or no."), _("A yes or a no is all I need."),
                                               _("Just yes or no is fine.")]),
        ])
        return self._turn(state, reply, [*self._crisis_actions(state), "crisis_check"], strategies=["question"],
                          quick=[_("No, I'm not"), _("Yes, I am")], fixed=True)

    def _in_crisis(self, state: dict, text: str, level: str, verdict: str, reasons=None) -> Turn:
        crisis = state["crisis"]
        pending = (state.get("pending") or {}).get("kind")
        if sf.RANK.get(level, 0) > sf.RANK.get(crisis.get("level", "high"), 3):
            crisis["level"] = level
        if pending == "crisis_check" and sf.explicit_no(text, level, reasons):
            return self._step_down(state, text)
        if state.get("line_live") and lexicon.BACK_TO_LINE.search(text):
            return self._connect(state)
        if (verdict == sf.CRISIS and not sf.closing_only(reasons)) or lexicon.SELF_HARM_INTENT.search(text):
            crisis["quiet"] = 0
            state["pending"] = {"kind": "connect"}
            reply = " ".join([
                self._vary(state, "in_crisis_thanks", [
                    _("Thank you for telling me. I'm staying right here with you."),
                    _("Thank you for trusting me with that. I'm right here with you."),
                    _("I'm glad you told me. I'm not going anywhere."),
                ]),
                self._vary(state, "in_crisis_matters", [
                    _("What you're feeling matters, and a person should be with you through this."),
                    _("What you're going through matters, and you deserve a person with you right now."),
                ]),
                self._line_here(state) or self._vary(state, "in_crisis_reach", [
                    _("Please reach out to one of the crisis lines in the help panel, or let me connect you to the"
                      " support line now. If you are in immediate danger, call your local emergency number."),
                    _("Please contact one of the crisis lines in the help panel, or let me connect you to the support"
                      " line now. If you are in immediate danger, call your local emergency number."),
                ]),
            ])
            return self._turn(state, reply, self._crisis_actions(state), strategies=["reassurance", "suggestion"],
                              quick=self._connect_quick(state), fixed=True)
        if pending == "crisis_check":
            if lexicon.CONNECT.search(text):
                return self._connect(state)
            if lexicon.UNSAFE_ANSWER.search(text):
                state["pending"] = {"kind": "connect"}
                reply = " ".join([
                    self._vary(state, "unsafe_thanks", [_("Thank you for being honest with me. That takes courage."),
                                                        _("Thank you for telling me the truth. That isn't easy.")]),
                    self._vary(state, "unsafe_person", [
                        _("I don't want you to be alone with these thoughts. A person from the team on duty has been"
                          " asked to reach out, and the support line is there right now."),
                        _("You shouldn't be alone with these thoughts. Someone from the team on duty has been asked to"
                          " reach out, and the support line is there right now."),
                    ]),
                    self._line_here(state) or self._vary(state, "unsafe_offer", [_("Would you like me to connect you?"),
                                                       _("Shall I connect you now?")]),
                ])
                return self._turn(state, reply, self._crisis_actions(state), strategies=["affirmation", "suggestion"],
                                  quick=self._connect_quick(state), fixed=True)
            return self._check_question(state)
        if pending == "connect" and (lexicon.YES.search(text) or lexicon.CONNECT.search(text)):
            return self._connect(state)
        if lexicon.CONNECT.search(text) or lexicon.WANT_HUMAN.search(text):
            return self._connect(state)
        if lexicon.TALK_OUT.search(text) or lexicon.NO.search(text) or lexicon.GOODBYE.search(text):
            return self._check_question(state)
        if lexicon.IDENTITY.search(text):
            reply = " ".join([self._identity_text(state), _("Right now I'd most like you to have a person with you:"
                                                       " the support line and the crisis lines in the help panel are"
                                                       " staffed by people.")])
            return self._turn(state, reply, [*self._crisis_actions(state), "disclose_automated"],
                              strategies=["information"], fixed=True)
        if lexicon.WANT_EXERCISE.search(text):
            return self._start_exercise(state, "grounding-5-4-3-2-1" if re.search(r"ground|anclaje|5-4-3-2-1",
                                                                                   text, re.I) else "box-breathing")
        if state.get("exercise"):
            return self._exercise_step(state, text)
        crisis["quiet"] = int(crisis.get("quiet", 0)) + 1
        if crisis["quiet"] >= 3:
            return self._check_question(state)
        lang = i18n.current()
        analysis = analyse(text, lang)
        feeling = analysis.feelings[0] if analysis.feelings else ""
        if feeling in lexicon.NEGATIVE:
            opening = self._vary(state, "in_crisis_reflect", [
                _("It sounds like you're feeling %(feeling)s, and that makes sense after everything."),
                _("You sound like you're feeling %(feeling)s, and that's understandable after everything."),
            ]) % {"feeling": self._vary(state, "in_crisis_phrase", lexicon.feeling_phrases(feeling, lang))}
        else:
            opening = self._vary(state, "in_crisis_open", [_("I'm listening."), _("I'm still here with you."),
                                                           _("Thank you for staying with me."),
                                                           _("I'm here, and I'm listening.")])
        reply = " ".join([
            opening,
            self._vary(state, "in_crisis_panel", [
                _("Your safety matters most right now, so the help panel stays open."),
                _("The help panel with your safety plan and crisis lines stays open while we talk."),
                _("Whenever you're ready, the people on the support line can talk with you.")]),
            self._vary(state, "in_crisis_question", [
                _("What is happening around you right now?"), _("Is there someone nearby you could be with?"),
                _("Would a slow breathing exercise help while we talk?"),
                _("Where are you at the moment, and is anyone with you?")]),
        ])
        return self._turn(state, reply, self._crisis_actions(state), strategies=["reflection_of_feelings", "question"],
                          fixed=True)

    def _connect(self, state: dict, *, crisis: bool = True) -> Turn:
        """The person asked for a person: the web app puts them in the support line's queue on the
        same page (``connect_support_line``), after one question about passing on a summary."""
        state["pending"] = None
        state["exercise"] = None
        if state.get("line_live"):
            return self._back_to_line(state, crisis=crisis)
        if crisis:
            opening = self._vary(state, "connect_open", [
                _("Okay. I can connect you to the support line right now, and a trained person will write to you"
                  " here, on this page."),
                _("Alright. I can put you in touch with the support line now: a trained person will write to you"
                  " right here, on this page."),
            ])
            closing = self._vary(state, "connect_team", [
                _("The team on duty has also been asked to reach out to you. I'll stay here in the meantime."),
                _("The team on duty has been asked to reach out to you as well, and I'm staying here meanwhile."),
            ])
        else:
            opening = self._vary(state, "connect_open_calm", [
                _("Good idea. I can connect you to the support line now: a trained person will write to you right"
                  " here, on this page."),
                _("Of course. I can put you in touch with the support line now, and a trained person will write to"
                  " you here, on this page."),
            ])
            closing = self._vary(state, "people_stay", [
                _("I'm still here if you'd like to keep talking in the meantime."),
                _("And I'm here to keep talking in the meantime, if you'd like.")])
        reply = " ".join([opening, _("There's one question for you first, just below."), closing])
        actions = [*self._crisis_actions(state), "connect_support_line"] if crisis \
            else ["offer_support_line", "connect_support_line"]
        return self._turn(state, reply, actions, strategies=["information"], fixed=True)

    def _connect_quick(self, state: dict) -> list[str]:
        """The buttons under a reply that offers a person: "connect me", or, for someone already in a
        support-line conversation, the way back to it (a second hand-off would only queue them again)."""
        if state.get("line_live"):
            return [_("Back to your conversation")]
        return [_("Yes, connect me"), _("Not now")]

    def _line_here(self, state: dict) -> str:
        """For someone already in a support-line conversation, where it is ("" when they are not)."""
        if not state.get("line_live"):
            return ""
        return self._vary(state, "line_here", [
            _("Your conversation with the support line is at the top of this page: you can tell the supporter there"
              " what you've told me."),
            _("You're already connected to the support line, at the top of this page, and the supporter there is a"
              " person you can tell this to."),
        ])

    def _back_to_line(self, state: dict, *, crisis: bool) -> Turn:
        """"Connect me" from someone already connected: back to that conversation, not a second offer
        (the web app points the page at it, ``back_to_line``)."""
        reply = " ".join([
            self._vary(state, "back_to_line", [
                _("You're already connected to the support line: your conversation with the supporter is at the top"
                  " of this page, and you can write to them there."),
                _("You're already in a conversation with the support line. It's at the top of this page, and the"
                  " supporter will see whatever you write there."),
            ]),
            self._vary(state, "back_to_line_stay", [
                _("I'm staying here too, and the help panel stays open."),
                _("I'm still here as well, and the help panel stays open."),
            ]) if crisis else self._vary(state, "people_stay", [
                _("I'm still here if you'd like to keep talking in the meantime."),
                _("And I'm here to keep talking in the meantime, if you'd like.")]),
        ])
        actions = [*self._crisis_actions(state), "back_to_line"] if crisis else ["offer_support_line", "back_to_line"]
        return self._turn(state, reply, actions, strategies=["information"], fixed=True)

    def _step_down(self, state: dict, answer: str) -> Turn:
        crisis = state["crisis"]
        state["crisis"] = {"active": False, "level": crisis.get("level"), "since": crisis.get("since"),
                           "ended": state["turn"]}
        state["pending"] = None
        state["watch"] = None
        state["depth"] = 0
        reply = " ".join([
            _("Thank you for answering. I've noted that you said you are not having those thoughts right now."),
            self._vary(state, "step_down_help", [
                _("If they come back, “Get help now” is at the top of every page, and you can tell me at any time."),
                _("If those thoughts return, you can tell me at any time, and “Get help now” is at the top of every"
                  " page."),
            ]),
            self._vary(state, "step_down_question", [_("How are you feeling now?"),
                                                     _("How are you doing at the moment?")]),
        ])
        return self._turn(state, reply, ["crisis_step_down"], strategies=["affirmation", "question"], fixed=True,
                          effects=[{"type": "crisis_step_down", "answer": answer}])

    def _safety_question(self, state: dict, text: str) -> Turn:
        state["safety_asked_turn"] = state["turn"]
        state["pending"] = {"kind": "safety_question"}
        watch = self._watch(state, "asked")
        watch["announced"] = True
        watch["due"] = state["turn"] + 3
        reply = " ".join([
            self._vary(state, "ask_open", [
                _("Thank you for telling me this. It sounds really hard."),
                _("Thank you for trusting me with this. It sounds very hard."),
                _("I'm glad you told me. What you're describing sounds really painful."),
                _("That sounds like a lot to be living with, and I'm glad you said it."),
            ]),
            self._vary(state, "ask_normalise", [
                _("Sometimes when people feel this way, they think about ending their life."),
                _("When people feel like this, thoughts of ending their life can come up."),
                _("Feeling like this can sometimes bring thoughts of ending one's life."),
            ]),
            self._vary(state, "ask_question", [
                _("Are you having thoughts like that?"), _("Is that happening for you?"),
                _("Have you been having thoughts like that?")]),
        ])
        return self._turn(state, reply, ["safety_question", "show_help"], strategies=["question"],
                          quick=[_("No"), _("Yes")], fixed=True)

    # -----------------------------------------------------------------------------------------
    # Disclosures: abuse, harm to others, a child in danger

    def _disclosure(self, state: dict, text: str) -> Turn | None:
        kind = None
        if lexicon.MINOR_DANGER.search(text) or (lexicon.MINOR_AGE.search(text) and lexicon.ABUSE.search(text)):
            kind = "minor_in_danger"
        elif lexicon.HARM_OTHERS.search(text):
            kind = "harm_to_others"
        elif lexicon.ABUSE.search(text):
            kind = "abuse"
        if kind is None:
            return None
        # (Not "it is not your fault": to the screener those are a farewell note's words.)
        texts = {
            "abuse": [_("Thank you for trusting me with this. What you describe is not okay, and you did nothing"
                        " to deserve it."),
                      _("You deserve to be safe. The help panel lists people you can talk to in confidence, and if"
                        " you are in danger right now, please call your local emergency number.")],
            "harm_to_others": [_("It sounds like you're carrying a lot of anger right now, and I'm glad you told me"
                                 " instead of acting on it."),
                               _("If you feel you might hurt someone, please put some distance between you and them"
                                 " now, and call your local emergency number if anyone is in immediate danger.")],
            "minor_in_danger": [_("Thank you for telling me. A child's safety comes first."),
                                _("If a child is in immediate danger, call your local emergency number now. The help"
                                  " panel lists lines that can help, including ones for young people.")],
        }[kind]
        actions = [f"disclosure:{kind}", "show_help", "offer_support_line"]
        effects = []
        if self.disclosure_alert:
            texts.append(_("I'm an automated companion, so I've asked a person on our team to reach out to you."))
            if kind not in state.get("disclosures", []):
                actions.append("raise_alert")
                effects.append({"type": "raise_alert", "level": "moderate" if kind == "abuse" else "high",
                                "reason": f"disclosure:{kind}"})
        texts.append(self._line_here(state)
                     or _("Would you like me to connect you to the support line to talk it through with a person?"))
        state.setdefault("disclosures", [])
        if kind not in state["disclosures"]:
            state["disclosures"].append(kind)
        state["pending"] = {"kind": "human"}
        # Help stays in view for the rest of the conversation, and the companion comes back to it.
        self._watch(state, "soft")["announced"] = True
        return self._turn(state, " ".join(texts), actions, strategies=["affirmation", "information", "suggestion"],
                          quick=self._connect_quick(state), effects=effects, fixed=True)

    # -----------------------------------------------------------------------------------------
    # Jurisdiction profiles: the companion's mode, and saying again that it is automated
    # (hearthside/compliance; docs/compliance.md names the law behind each rule).

    def _set_mode(self, state: dict, rules) -> None:
        if rules is not None:
            state["mode"] = rules.mode
            state["mode_why"] = rules.mode_why
        state.setdefault("mode", "full")

    def _remind(self, state: dict, turn: Turn, rules, now: datetime | None) -> None:
        """Says again that the companion is automated when the profile asks: after ``idle_days``
        without use (Utah), and ``every_hours`` since it last said so in a conversation (New York;
        California for a known minor, with a suggestion to take a break). Any reply that already
        says it (the greeting, an answer to "are you a bot?") restarts the count."""
        if rules is None:
            return
        now = now or datetime.now(UTC)
        stamp = now.isoformat()
        if "disclose_automated" not in turn.actions:
            last, told = _when(state.get("last_at")), _when(state.get("disclosed_at"))
            why = ""
            if rules.idle_days and (last is None or now - last >= timedelta(days=rules.idle_days)):
                why = "idle"
            elif rules.every_hours and (told is None or now - told >= timedelta(hours=rules.every_hours)):
                why = "every_hours"
            if why:
                note = _("A reminder: I am an automated companion, not a person.")
                if why == "every_hours" and rules.break_reminder:
                    note = " ".join([note, _("You have been here a while; this may be a good moment to take a"
                                             " break.")])
                turn.reply = " ".join([note, turn.reply])
                turn.actions.extend(["disclose_automated", f"remind_automated:{why}"])
        if "disclose_automated" in turn.actions:
            state["disclosed_at"] = stamp
        state["last_at"] = stamp
        turn.state = state

    def _asked_exercise(self, state: dict, text: str) -> str:
        """The exercise a person asked for: grounding or breathing when they name it, else the one
        that fits what they said."""
        if re.search(r"breath|respir", text, re.I):
            return "box-breathing"
        if re.search(r"ground|anclaje|5-4-3-2-1", text, re.I):
            return "grounding-5-4-3-2-1"
        return self._fitting_exercise(state) or "box-breathing"

    def _off(self, state: dict, hello: str = "") -> Turn:
        """The companion switched off: a kind explanation and the ways to people."""
        state["pending"] = None
        state["exercise"] = None
        if state.get("mode_why") == "minors":
            why = _("I'm the Hearthside companion: an automated program, not a person. For people under 18 the"
                    " companion doesn't hold conversations on this site, and I'm sorry I can't talk things through"
                    " with you here. People can:")
        else:
            why = _("I'm the Hearthside companion: an automated program, not a person. On this site the companion"
                    " doesn't hold conversations, and I'm sorry I can't talk things through with you here."
                    " People can:")
        reply = " ".join(x for x in [
            hello, why,
            _("the help directory lists lines you can call or write to (%(help)s);") % {"help": self.links["help"]},
            _("support groups meet here (%(groups)s);") % {"groups": self.links["groups"]},
            _("you can book a counsellor (%(care)s);") % {"care": self.links["care"]},
            _("or write to a trained person on the support line (%(line)s).") % {"line": self.links["support_line"]},
            _("If you are ever in danger, use “Get help now” at the top of any page."),
        ] if x)
        return self._turn(state, reply, ["disclose_automated", "companion_off", "offer_help_directory",
                                         "offer_support_group", "offer_practitioner", "offer_support_line"],
                          strategies=["information"], quick=[_("Yes, connect me")], fixed=True)

    def _off_turn(self, state: dict, text: str, verdict: str, factors) -> Turn:
        if lexicon.CONNECT_ME.search(text) or (state.get("line_live") and lexicon.BACK_TO_LINE.search(text)):
            return self._connect(state, crisis=False)
        pending = state.get("pending") or {}
        if pending.get("kind") in {"human", "connect"}:
            answered = self._pending(state, pending, text)
            if answered is not None:
                return answered
        watch = state.get("watch") or {}
        if watch and watch.get("announced") and state["turn"] >= int(watch.get("due", 0)) \
                and verdict not in (sf.SOFT, sf.ASK):
            return self._follow_up(state, text)
        if verdict == sf.SOFT and watch and not watch.get("announced") and set(factors) & sf.DESPAIR:
            return self._check_in(state, text)
        return self._off(state)

    def _wellness_quick(self) -> list[str]:
        return [_("Check in"), _("Try an exercise"), _("Something to read"), _("Talk to a person")]

    def _wellness(self, state: dict, text: str) -> Turn:
        """Wellness mode: check-ins, exercises and reading from the library, and the ways to
        people; never a therapeutic conversation (no reflections, no open questions about the
        person's problems)."""
        lang = i18n.current()
        analysis = analyse(text, lang) if text else Analysis([], [], None, [])
        if analysis.feelings:
            state["feelings"] = list(dict.fromkeys([*analysis.feelings, *state.get("feelings", [])]))[:5]
        if lexicon.WANT_HUMAN.search(text):
            return self._offer_people(state)
        if _CHECK_IN.search(lexicon.fold(text)):
            state["mood"] = None  # a new check-in asks for today's number
            return self._log(state)
        if lexicon.WANT_LOG.search(text):
            return self._log(state)
        if lexicon.WANT_EXERCISE.search(text):
            return self._start_exercise(state, self._asked_exercise(state, text))
        if lexicon.WANT_INFO.search(text):
            article = self._article_for(state) or next((a for a in ("managing-stress", "low-mood")
                                                        if a in articles()), None)
            if article:
                return self._article(state, article)
        if lexicon.GOODBYE.search(text):
            return self._turn(state, _("Thank you for checking in today. Take good care of yourself."), ["goodbye"],
                              strategies=["affirmation"])
        if analysis.mood is not None:
            state["mood"] = analysis.mood
            state["pending"] = {"kind": "log"}
            return self._turn(state, " ".join([_("Thank you for checking in."), self._log_offer(state)]),
                              ["offer_log_checkin"], strategies=["affirmation", "suggestion"],
                              quick=[_("Yes, save it"), _("No thanks")])
        reply = " ".join([
            _("I'm an automated companion, not a person or a therapist, so on this site I don't talk problems"
              " through the way a counsellor would."),
            _("I can help you check in on your mood, guide a short exercise, or suggest something to read from the"
              " library (%(library)s).") % {"library": self.links["library"]},
            _("To talk with a person: the support line (%(line)s), a practitioner (%(care)s) or a support group"
              " (%(groups)s).") % {"line": self.links["support_line"], "care": self.links["care"],
                                   "groups": self.links["groups"]},
        ])
        return self._turn(state, reply, ["disclose_automated", "wellness_menu", "offer_support_line",
                                         "offer_practitioner", "offer_support_group"],
                          strategies=["information"], quick=self._wellness_quick(), fixed=True)

    # -----------------------------------------------------------------------------------------
    # Identity and memory

    def _identity_text(self, state: dict | None = None) -> str:
        mode = (state or {}).get("mode") or "full"
        if mode == "off":
            return _("I'm the Hearthside companion: an automated program, not a person.")
        if mode == "wellness":
            return _("I'm the Hearthside companion: an automated program, not a person and not a therapist. Here I"
                     " can help you check in on your mood, guide a short exercise, and point you to reading and to"
                     " people who can help.")
        return _("I'm the Hearthside companion: an automated program, not a person and not a therapist."
                 " I can listen, help you put feelings into words, guide a short exercise, and point you to people"
                 " who can help.")

    def _identity(self, state: dict) -> Turn:
        reply = " ".join([self._identity_text(state),
                          self._vary(state, "identity_people", [
                              _("If you'd like to talk with a person, the support line and our practitioners are here"
                                " (%(line)s, %(care)s)."),
                              _("For a person to talk with, there's the support line (%(line)s) and our practitioners"
                                " (%(care)s)."),
                          ]) % {"line": self.links["support_line"], "care": self.links["care"]},
                          self._resume_question(state)])
        return self._turn(state, reply, ["disclose_automated", "offer_support_line"], strategies=["information"])

    def _resume_question(self, state: dict) -> str:
        pending = (state.get("pending") or {}).get("kind")
        if state.get("exercise"):
            return _("Shall we carry on with the exercise? Say “next” when you're ready, or “stop” to end it.")
        if pending == "exercise":
            return _("Would you still like to try the exercise?")
        return self._vary(state, "resume", [_("How are you feeling right now?"), _("How are things for you right now?"),
                                            _("What's on your mind at the moment?")])

    def _memory_intent(self, state: dict, text: str) -> Turn | None:
        memory = state.setdefault("memory", {"stressors": [], "checkins": []})
        if lexicon.MEMORY_FORGET.search(text):
            state["memory"] = {"stressors": [], "checkins": []}
            state["memory_consent"] = False
            reply = " ".join([_("Done: I've forgotten what I had remembered about you, and I won't remember anything"
                                " new unless you ask me to."), _("This conversation itself stays in your history until"
                                                                 " you delete it.")])
            return self._turn(state, reply, ["memory_forgotten"], strategies=["information"],
                              effects=[{"type": "memory_forget"}])
        if lexicon.MEMORY_ASK.search(text):
            if not state.get("memory_consent"):
                reply = _("I'm not remembering anything about you between conversations: you haven't asked me to."
                          " If you'd like me to, say “you can remember”.")
            elif not memory["stressors"] and not memory["checkins"]:
                reply = _("You've allowed me to remember things, but I haven't noted anything yet.")
            else:
                bits = []
                lang = i18n.current()
                if memory["stressors"]:
                    bits.append(_("things that have been weighing on you: %(list)s")
                                % {"list": ", ".join(lexicon.stressor_phrase(s.get("topic", ""), s["phrase"], lang)
                                                     for s in memory["stressors"][-5:])})
                if memory["checkins"]:
                    last = memory["checkins"][-1]
                    bits.append(_("your last check-in on %(day)s (%(feelings)s)")
                                % {"day": last["on"], "feelings": self._feeling_names(last["feelings"])})
                reply = _("Here is what I remember, with your permission: %(bits)s. Say “forget everything” and I'll"
                          " delete it.") % {"bits": "; ".join(bits)}
            return self._turn(state, reply, ["memory_shown"], strategies=["information"])
        if lexicon.MEMORY_ALLOW.search(text) and not state.get("memory_consent"):
            state["memory_consent"] = True
            self._remember(state, analyse(text, i18n.current()))
            reply = _("Thank you: I'll remember what has been weighing on you and your recent check-ins, so I can ask"
                      " about them next time. Ask “what do you remember?” to see it, or “forget everything” to delete"
                      " it.")
            return self._turn(state, reply, ["memory_on"], strategies=["information"],
                              effects=[{"type": "memory_consent", "value": True}])
        return None

    def _remember(self, state: dict, analysis: Analysis) -> None:
        if not state.get("memory_consent"):
            return
        memory = state.setdefault("memory", {"stressors": [], "checkins": []})
        today = date.today().isoformat()
        for topic, phrase in analysis.stressors:
            memory["stressors"] = [s for s in memory["stressors"] if s["topic"] != topic]
            memory["stressors"].append({"topic": topic, "phrase": phrase, "on": today})
        memory["stressors"] = memory["stressors"][-10:]

    def _remember_checkin(self, state: dict) -> None:
        if not state.get("memory_consent"):
            return
        memory = state.setdefault("memory", {"stressors": [], "checkins": []})
        memory["checkins"] = [*memory["checkins"], {"on": date.today().isoformat(),
                                                    "feelings": list(state.get("feelings", [])[:3]),
                                                    "mood": state.get("mood")}][-10:]

    # -----------------------------------------------------------------------------------------
    # Exercises run inside the conversation, one step per message

    def _start_exercise(self, state: dict, slug: str) -> Turn:
        exercise = exercises().get(slug)
        if exercise is None:
            return self._ordinary(state, "")
        state["exercise"] = {"slug": slug, "i": 0, "answers": {}}
        state["pending"] = None
        if slug not in state.setdefault("offered", []):
            state["offered"].append(slug)
        title = exercise_in(slug, i18n.current())["title"]
        intro = _("Let's do %(title)s together. I'll guide you one step at a time; say “stop” whenever you like.") % {
            "title": title if i18n.current() == "es" else title.lower()}
        return self._show_step(state, intro, extra_actions=[f"exercise_started:{slug}"])

    def _show_step(self, state: dict, prefix: str = "", extra_actions=()) -> Turn:
        run = state["exercise"]
        exercise = exercise_in(run["slug"], i18n.current())
        steps = exercise["steps"]
        if run["i"] >= len(steps):
            return self._finish_exercise(state)
        step = steps[run["i"]]
        kind = step["type"]
        quick = [_("Next"), _("Stop")]
        if kind == "breathing":
            pattern = step.get("pattern", [4, 4, 4, 4])
            labels = step.get("labels", [])
            rhythm = ", ".join(_("%(label)s for %(n)s") % {"label": label.lower(), "n": n}
                               for label, n in zip(labels, pattern, strict=False))
            body = " ".join([step.get("text", ""), _("Follow the pacer: %(rhythm)s. Let's do %(n)s rounds; say “done”"
                                                      " when you've finished.") % {"rhythm": rhythm,
                                                                                  "n": step.get("cycles", 4)}])
            quick = [_("Done"), _("Stop")]
        elif kind == "timer":
            body = " ".join([step.get("text", ""), _("Take about %(s)s seconds, then say “next”.") % {
                "s": step.get("seconds", 30)}])
        elif kind == "input":
            body = step.get("text", "")
            quick = [_("Next"), _("Stop")] if step.get("optional") else [_("Stop")]
            if step.get("optional"):
                body += " " + _("(Typing is optional: you can just say “next”.)")
        elif kind == "choice":
            options = "; ".join(f"{i + 1}. {o['label']}" for i, o in enumerate(step.get("options", [])))
            body = f"{step.get('text', '')} {options}"
            quick = [o["label"] for o in step.get("options", [])][:8]
        elif kind == "scale":
            body = " ".join([step.get("text", ""), _("(a number from %(a)s to %(b)s)") % {"a": step["min"],
                                                                                       "b": step["max"]}])
            quick = []
        elif kind == "summary":
            shown = [self._shown_answer(exercise, sid, run["answers"][sid]) for sid in step.get("show", [])
                     if run["answers"].get(sid) not in (None, "")]
            body = " ".join([step.get("text", ""), *(["(" + "; ".join(shown) + ")"] if shown else [])])
            run["i"] += 1
            state["exercise"] = None
            state["pending"] = {"kind": "mood_after", "slug": run["slug"]}
            reply = " ".join([x for x in (prefix, body, _("How are you feeling now, from 1 (very low) to 10 (very"
                                                               " good)?")) if x])
            return self._turn(state, reply, [*extra_actions, f"exercise_step:{run['slug']}:{step['id']}",
                                             f"exercise_finished:{run['slug']}"], strategies=["suggestion"],
                              exercise={"slug": run["slug"], "step": step, "index": run["i"] - 1,
                                        "total": len(steps)}, quick=[str(n) for n in range(1, 11)], fixed=True)
        else:
            body = step.get("text", "")
            body += " " + _("Say “next” when you're ready.")
        reply = " ".join(x for x in (prefix, body) if x)
        return self._turn(state, reply, [*extra_actions, f"exercise_step:{run['slug']}:{step['id']}"],
                          strategies=["suggestion"], quick=quick, fixed=True,
                          exercise={"slug": run["slug"], "step": step, "index": run["i"], "total": len(steps)})

    def _exercise_step(self, state: dict, text: str) -> Turn:
        run = state["exercise"]
        if lexicon.STOP.search(text):
            slug = run["slug"]
            state["exercise"] = None
            state["pending"] = None
            reply = " ".join([self._vary(state, "exercise_stop", [
                _("Okay, we'll stop here. Thank you for giving it a try."),
                _("That's fine, we can stop here. Thank you for trying it."),
                _("Of course, we'll leave it there. Thanks for giving it a go.")]),
                _("How are you feeling now?")])
            return self._turn(state, reply, [f"exercise_stopped:{slug}"], strategies=["affirmation", "question"])
        step = exercise_in(run["slug"], i18n.current())["steps"][run["i"]]
        kind = step["type"]
        if kind == "scale":
            match = re.search(r"\d+", text)
            value = int(match.group()) if match else None
            if value is None or not step["min"] <= value <= step["max"]:
                return self._turn(state, _("Choose a number from %(a)s to %(b)s.") % {"a": step["min"], "b": step["max"]},
                                  [f"exercise_step:{run['slug']}:{step['id']}"], strategies=["question"], fixed=True,
                                  exercise={"slug": run["slug"], "step": step, "index": run["i"],
                                            "total": len(exercise_in(run["slug"], i18n.current())["steps"])})
            run["answers"][step["id"]] = value
        elif kind == "choice":
            options = step.get("options", [])
            chosen = None
            lowered = lexicon.fold(text.strip())
            for i, option in enumerate(options):
                names = {lexicon.fold(option["value"]), lexicon.fold(option["label"]),
                         lexicon.fold(option.get("label_en", option["label"])), str(i + 1)}
                if lowered in names:
                    chosen = option["value"]
            if chosen is None:
                for option in options:
                    first = {lexicon.fold(option["label"]).split(" ")[0],
                             lexicon.fold(option.get("label_en", option["label"])).split(" ")[0]}
                    if any(len(word) > 2 and word in lowered for word in first):
                        chosen = option["value"]
            run["answers"][step["id"]] = chosen or text[:200]
        elif kind == "input" and not lexicon.NEXT.fullmatch(text.strip()):
            run["answers"][step["id"]] = text[: step.get("max_length", 1000)]
        run["i"] += 1
        return self._show_step(state, self._vary(state, "exercise_ack", [_("Thank you."), _("Good."), _("Okay."),
                                                                          _("Got it.")])
                               if kind in {"input", "choice", "scale"} else "")

    def _shown_answer(self, exercise: dict, sid: str, value) -> str:
        """One answer in an exercise's summary: the step id and the answer in English (as before), the
        answer alone in Spanish, and a choice by its label."""
        step = next((st for st in exercise["steps"] if st["id"] == sid), {})
        for option in step.get("options", []):
            if option["value"] == value:
                value = option["label"]
        return f"{value}" if i18n.current() == "es" else f"{sid}: {value}"

    def _finish_exercise(self, state: dict) -> Turn:
        slug = state["exercise"]["slug"]
        state["exercise"] = None
        state["pending"] = {"kind": "mood_after", "slug": slug}
        return self._turn(state, _("That's the end of the exercise. How are you feeling now, from 1 (very low) to 10"
                                   " (very good)?"), [f"exercise_finished:{slug}"], strategies=["question"],
                          quick=[str(n) for n in range(1, 11)])

    # -----------------------------------------------------------------------------------------
    # Answers to the companion's own questions

    def _pending(self, state: dict, pending: dict, text: str) -> Turn | None:
        kind = pending.get("kind")
        yes, no = bool(lexicon.YES.search(text)), bool(lexicon.NO.search(text))
        if kind == "exercise":
            if yes and not no:
                return self._start_exercise(state, pending["slug"])
            if no:
                state["pending"] = None
                return self._declined(state)
        elif kind == "mood_after" or kind == "log_mood":
            analysis = analyse(text, i18n.current())
            mood = analysis.mood
            if mood is None and re.fullmatch(r"\s*(10|[1-9])\s*", text):
                mood = int(text)
            if mood is not None:
                state["mood"] = mood
                if kind == "log_mood":
                    return self._log(state)
                state["pending"] = {"kind": "log"}
                change = self._vary(state, "mood_after_thanks", [_("Thank you for trying it."),
                                                                 _("Thanks for giving it a try."),
                                                                 _("Thank you for sticking with it.")])
                reply = " ".join([change, self._log_offer(state)])
                return self._turn(state, reply, ["offer_log_checkin"], strategies=["affirmation", "suggestion"],
                                  quick=[_("Yes, save it"), _("No thanks")])
            if len(text.split()) <= 3 and not no:
                return self._turn(state, _("Choose a number from 1 (very low) to 10 (very good), or say “skip”."),
                                  ["ask_mood"], strategies=["question"], quick=[str(n) for n in range(1, 11)])
            state["pending"] = None
        elif kind == "log":
            state["pending"] = None
            if yes and not no:
                return self._log(state)
            if no:
                return self._turn(state, " ".join([_("That's fine; nothing has been saved."),
                                                   self._anything_else(state)]),
                                  ["log_declined"], strategies=["question"])
        elif kind == "memory":
            state["pending"] = None
            if yes and not no:
                state["memory_consent"] = True
                self._remember(state, Analysis([], [(s[0], s[1]) for s in state.get("stressors", [])], None, []))
                reply = " ".join([_("Thank you; I'll remember that, and you can ask me to forget it at any time."),
                                  self._open_question(state, Analysis([], [], None, []), state["turn"])])
                return self._turn(state, reply, ["memory_on"], strategies=["information", "question"],
                                  effects=[{"type": "memory_consent", "value": True}])
            if no:
                state["memory_consent"] = False
                reply = " ".join([_("Of course; I won't remember it after this conversation."),
                                  self._open_question(state, Analysis([], [], None, []), state["turn"])])
                return self._turn(state, reply, ["memory_off"], strategies=["affirmation", "question"],
                                  effects=[{"type": "memory_consent", "value": False}])
        elif kind in {"human", "connect"}:
            state["pending"] = None
            if yes and not no:
                return self._connect(state, crisis=False)
        elif kind == "article":
            state["pending"] = None
        return None

    def _feeling_names(self, feelings) -> str:
        names = {"anxious": _("anxious"), "stressed": _("stressed"), "sad": _("sad"), "angry": _("angry"),
                 "lonely": _("lonely"), "tired": _("tired"), "ashamed": _("ashamed"), "good": _("good")}
        return ", ".join(names.get(f, f) for f in feelings) or _("no feelings named")

    def _anything_else(self, state: dict, analysis: Analysis | None = None) -> str:
        """"Anything else?", naming what the conversation has been about when it can."""
        if state.get("mode") == "wellness":
            return _("Would you like to try a short exercise or find something to read?")
        lang = i18n.current()
        known = state.get("stressors") or []
        if known and self._seed(state, "anything_else_topic") % 2 == 0:
            topic, phrase = known[-1][0], known[-1][1]
            return self._vary(state, "anything_else_topic", [
                _("Is there anything else about %(s)s you'd like to talk through?"),
                _("Is there more on your mind about %(s)s, or something else?"),
                _("Would you like to say more about %(s)s, or about anything else?"),
            ]) % {"s": lexicon.stressor_phrase(topic, phrase, lang)}
        return self._vary(state, "anything_else", [
            _("Is there anything else on your mind?"), _("Is there anything else you'd like to talk about?"),
            _("What else is on your mind today?"), _("Is there something else you'd like to talk through?"),
            _("Anything else you'd like to share?")])

    def _log_offer(self, state: dict) -> str:
        feelings = self._feeling_names(state.get("feelings", [])[:3])
        return _("Would you like me to save this check-in to your mood tracker (mood %(mood)s out of 10; %(feelings)s)?") % {
            "mood": state.get("mood"), "feelings": feelings}

    def _log(self, state: dict) -> Turn:
        if state.get("mood") is None:
            state["pending"] = {"kind": "log_mood"}
            return self._turn(state, _("Of course. What number from 1 (very low) to 10 (very good) fits your mood"
                                       " right now?"), ["ask_mood"], strategies=["question"],
                              quick=[str(n) for n in range(1, 11)])
        state["pending"] = None
        state["logged"] = True
        self._remember_checkin(state)
        reply = " ".join([_("Saved to your mood tracker (%(url)s).") % {"url": self.links["checkins"]},
                          self._anything_else(state)])
        return self._turn(state, reply, ["log_checkin"], strategies=["information", "question"],
                          effects=[{"type": "log_checkin", "mood": state["mood"],
                                    "emotions": list(state.get("feelings", [])[:5])}])

    def _context_clause(self, state: dict, kind: str) -> str:
        """A sentence that names what this conversation has been about (the person's own subject and
        feeling, in the companion's words), or nothing, chosen by the conversation's seed."""
        lang = i18n.current()
        stressors = state.get("stressors") or []
        feelings = [f for f in state.get("feelings", []) if f in lexicon.NEGATIVE]
        options = []
        if stressors:
            thing = lexicon.stressor_phrase(stressors[-1][0], stressors[-1][1], lang)
            options += [_("We can keep talking about %(s)s in whatever way helps.") % {"s": thing},
                        _("What you've said about %(s)s matters, whatever we do next.") % {"s": thing},
                        _("There's no pressure to fix anything about %(s)s right now.") % {"s": thing}]
        if feelings:
            phrase = self._vary(state, kind + "_phrase", lexicon.feeling_phrases(feelings[0], lang))
            options += [_("Feeling %(f)s takes energy, so go at your own pace.") % {"f": phrase},
                        _("It's alright to just talk about feeling %(f)s for a while.") % {"f": phrase}]
        if not options or self._seed(state, kind + "_skip") % 4 == 0:
            return ""
        return self._vary(state, kind, options)

    def _declined(self, state: dict) -> Turn:
        reply = " ".join(x for x in [
            self._vary(state, "declined_ok", [_("That's completely fine."), _("No problem at all."), _("Of course."),
                                              _("That's okay."), _("Sure, no exercise then."),
                                              _("That's alright; it's your choice.")]),
            self._context_clause(state, "declined_context"),
            self._vary(state, "declined_people", [
                _("Some people find it helps to talk with others who understand: there are support groups (%(groups)s),"
                  " the support line (%(line)s) and practitioners (%(care)s)."),
                _("Talking with people who understand can help too: support groups (%(groups)s), the support line"
                  " (%(line)s) and practitioners (%(care)s) are all here."),
                _("If it would help to talk with people, there are support groups (%(groups)s), the support line"
                  " (%(line)s) and practitioners (%(care)s)."),
            ]) % {"groups": self.links["groups"], "line": self.links["support_line"], "care": self.links["care"]},
            self._vary(state, "declined_question", [_("What would feel most helpful right now?"),
                                                    _("What do you think would help most at the moment?"),
                                                    _("What would you like to do next?"),
                                                    _("Would you rather keep talking for now?"),
                                                    _("What would make the rest of today a little easier?")]),
        ] if x)
        return self._turn(state, reply, ["offer_support_group", "offer_support_line", "offer_practitioner"],
                          strategies=["affirmation", "suggestion", "question"])

    def _offer_people(self, state: dict) -> Turn:
        bits = [self._vary(state, "people_open", [_("I'm a program, so for a person you have a few options:"),
                                                  _("As I'm a program, here are ways to reach a person:")]),
                _("the support line, where trained people answer (%(line)s);") % {"line": self.links["support_line"]},
                _("a practitioner you can book (%(care)s);") % {"care": self.links["care"]},
                _("or a support group (%(groups)s).") % {"groups": self.links["groups"]}]
        bits.append(self._vary(state, "people_stay", [
            _("I'm still here if you'd like to keep talking in the meantime."),
            _("And I'm here to keep talking in the meantime, if you'd like.")]))
        return self._turn(state, " ".join(bits), ["offer_support_line", "offer_practitioner", "offer_support_group"],
                          strategies=["suggestion", "information"])

    # -----------------------------------------------------------------------------------------
    # Ordinary turns: analyse, choose strategies, realise

    def _ordinary(self, state: dict, text: str) -> Turn:
        lang = i18n.current()
        analysis = analyse(text, lang) if text else Analysis([], [], None, [])
        if analysis.mood is not None:
            state["mood"] = analysis.mood
        for topic, phrase in analysis.stressors:
            if topic not in {s[0] for s in state.get("stressors", [])}:
                state.setdefault("stressors", []).append([topic, phrase])
        if analysis.feelings:
            state["feelings"] = list(dict.fromkeys([*analysis.feelings, *state.get("feelings", [])]))[:5]
        self._remember(state, analysis)

        if lexicon.WANT_HUMAN.search(text):
            return self._offer_people(state)
        if lexicon.WANT_LOG.search(text):
            return self._log(state)
        if lexicon.WANT_EXERCISE.search(text):
            return self._start_exercise(state, self._asked_exercise(state, text))
        if lexicon.WANT_INFO.search(text):
            article = self._article_for(state)
            if article:
                return self._article(state, article)
        if lexicon.GOODBYE.search(text):
            offer = self._log_offer(state) if state.get("mood") and not state.get("logged") else ""
            if offer:
                state["pending"] = {"kind": "log"}
            bye = self._vary(state, "goodbye", [
                _("Thank you for checking in today. Take good care of yourself."),
                _("Thanks for talking with me today. Look after yourself."),
                _("I'm glad you checked in. Take care of yourself, and come back whenever you like.")])
            reply = " ".join(x for x in [bye, offer] if x)
            return self._turn(state, reply, ["goodbye", *(["offer_log_checkin"] if offer else [])],
                              strategies=["affirmation"])
        if lexicon.THANKS.search(text) and not analysis.feelings:
            welcome = self._vary(state, "welcome", [_("You're welcome."), _("Any time."),
                                                    _("I'm glad it helped a little."), _("Thank you for talking with me."),
                                                    _("I'm glad you reached out.")])
            reply = " ".join(x for x in [welcome, self._context_clause(state, "welcome_context"),
                                         self._anything_else(state)] if x)
            return self._turn(state, reply, [], strategies=["question"])

        negative = [f for f in analysis.feelings if f in lexicon.NEGATIVE]
        positive = "good" in analysis.feelings and not negative
        wants_advice = bool(lexicon.ADVICE.search(text))
        known = [f for f in state.get("feelings", []) if f in lexicon.NEGATIVE]
        # A longer message in a conversation about something hard continues that subject even
        # when it names no feeling itself ("they're next week and I think I'll fail").
        substantive = bool(negative or analysis.stressors or (known and (len(text.split()) >= 5 or wants_advice)))
        if not negative and substantive:
            positive = False
        if substantive:
            state["depth"] = int(state.get("depth", 0)) + 1
        depth = state.get("depth", 0)
        feeling = negative[0] if negative else (known or [""])[0]
        stressor = ""
        if analysis.stressors:
            stressor = lexicon.stressor_phrase(analysis.stressors[0][0], analysis.stressors[0][1], lang)
        elif not negative and state.get("stressors"):
            stressor = lexicon.stressor_phrase(state["stressors"][-1][0], state["stressors"][-1][1], lang)

        if positive:
            strategies = ["affirmation", "question"]
            phrase = self._vary(state, "good_phrase", lexicon.feeling_phrases("good", lang), text)
            parts = [self._vary(state, "good_reflect", [
                _("It's good to hear you're feeling %(f)s."), _("I'm glad things feel %(f)s today."),
                _("That's really good to hear: you sound %(f)s."), _("I'm happy to hear you're feeling %(f)s.")],
                text) % {"f": phrase},
                self._vary(state, "good_question", [
                    _("What has been helping?"), _("What went well today?"),
                    _("What would you like to make more room for?"), _("What made the difference, do you think?"),
                    _("Is there something you'd like to keep doing, given how it's gone?")], text)]
            actions: list[str] = []
            if state.get("mood") is None:
                parts[-1] = _("If you gave today a number from 1 (very low) to 10 (very good), what would it be?")
                state["pending"] = {"kind": "log_mood_offer"}
            elif not state.get("logged"):
                parts.append(self._log_offer(state))
                state["pending"] = {"kind": "log"}
                actions.append("offer_log_checkin")
            return self._turn(state, " ".join(parts), actions, strategies=strategies,
                              analysis=analysis, text=text)

        if not substantive:
            if analysis.mood is not None and not state.get("logged"):
                state["pending"] = {"kind": "log"}
                return self._turn(state, " ".join([_("Thank you."), self._log_offer(state)]), ["offer_log_checkin"],
                                  strategies=["suggestion"], quick=[_("Yes, save it"), _("No thanks")])
            if lexicon.GREETING.search(text):
                return self._turn(state, self._vary(state, "greeting", [
                    _("Hello again. How are you feeling right now?"), _("Hi. What's on your mind today?"),
                    _("Hello. How has your day been so far?"), _("Hi there. How are things with you?")]), [],
                    strategies=["question"])
            if not state.get("stressors") and not known:
                reply = self._vary(state, "quiet", [
                    _("That's okay; there's no right way to answer. If you had to pick one word for how you feel right"
                      " now, what would it be?"),
                    _("Take your time. What has your day been like so far?"),
                    _("I'm listening. Is something in particular on your mind?"),
                    _("There's no rush. What's been taking up most of your thoughts lately?"),
                    _("That's alright. Would it help to start with how you've been sleeping, or how today has gone?"),
                    _("Okay. I'm here whenever you want to say more. What's been on your mind?"),
                ], text)
                return self._turn(state, reply, [], strategies=["question"], analysis=analysis, text=text)
            ack = self._vary(state, "quiet_ack", [
                _("That's okay."), _("Take your time."), _("There's no rush."), _("That's alright."),
                _("It's fine not to know."), _("No need to have the words yet."), _("I'm listening."),
                _("Okay.")], text)
            questions = [_("What has your day been like so far?"), _("Is something in particular on your mind?"),
                         _("What's been taking up most of your thoughts lately?"),
                         _("If you had to pick one word for how you feel right now, what would it be?"),
                         _("What would you like to talk about first?")]
            if known and known[0] in lexicon.FEELING_PHRASES:
                phrase = self._vary(state, "quiet_phrase", lexicon.feeling_phrases(known[0], lang), text)
                questions += [_("Earlier you sounded %(f)s. Is that still how it feels?") % {"f": phrase},
                              _("You mentioned feeling %(f)s; how is that now?") % {"f": phrase}]
            if state.get("stressors"):
                known_s = state["stressors"][-1]
                thing = lexicon.stressor_phrase(known_s[0], known_s[1], lang)
                questions += [_("Is %(s)s still the main thing on your mind?") % {"s": thing},
                              _("What's the hardest part about %(s)s right now?") % {"s": thing},
                              _("What would make %(s)s feel even a little lighter?") % {"s": thing},
                              _("How long has this been on your mind, with %(s)s?") % {"s": thing}]
            reply = " ".join([ack, self._vary(state, "quiet_question", questions, text)])
            return self._turn(state, reply, [], strategies=["question"], analysis=analysis, text=text)

        intense = state.get("mood") is not None and state["mood"] <= 3
        suggest = wants_advice or intense or depth >= 3
        parts = []
        strategies = []
        said = set(state.get("said", []))
        if feeling in lexicon.NEGATIVE:
            phrase = _pick(lexicon.feeling_phrases(feeling, lang), self._seed(state, "phrase", text) + depth)
            if stressor and depth <= 2:
                parts.append(_pick([_("It sounds like you're feeling %(f)s about %(s)s."),
                                    _("With %(s)s on your mind, it sounds like you're feeling %(f)s."),
                                    _("So you're feeling %(f)s, and %(s)s seems to be a big part of that."),
                                    _("It sounds as if, with %(s)s, you've been left feeling %(f)s."),
                                    _("From what you say, there's a lot weighing on you with %(s)s, and you're feeling %(f)s."),
                                    _("I'm hearing that you're feeling %(f)s, with %(s)s in the middle of it."),
                                    _("It seems a big part of why you're feeling %(f)s is %(s)s.")],
                                   self._seed(state, "reflect", text), avoid=said) % {"s": stressor, "f": phrase})
            else:
                parts.append(_pick([_("It sounds like you're feeling %(f)s right now."),
                                    _("You're feeling %(f)s, and that's a lot to carry."),
                                    _("That sounds like it has left you feeling %(f)s."),
                                    _("I can hear that you've been feeling %(f)s."),
                                    _("It seems you've been feeling %(f)s lately."),
                                    _("What you describe sounds like feeling %(f)s, and that's hard."),
                                    _("It sounds like things have left you %(f)s."),
                                    _("You sound %(f)s, and it makes sense you'd want to talk about it.")],
                                   self._seed(state, "reflect", text), avoid=said) % {"f": phrase})
            strategies.append("reflection_of_feelings")
        elif stressor:
            parts.append(_pick([_("So %(s)s has been on your mind."),
                                _("If I've got it right, a lot of this is about %(s)s."),
                                _("It sounds like there's a lot going on with %(s)s right now."),
                                _("So much of this seems to come back to %(s)s."),
                                _("It sounds like a lot of what's weighing on you is about %(s)s.")],
                               self._seed(state, "restate", text), avoid=said) % {"s": stressor})
            strategies.append("restatement")
        if depth >= 2 or not suggest:
            parts.append(_pick([
                _("That makes sense given what you're dealing with."),
                _("Anyone in your position could feel this way."),
                _("It took something to put that into words."),
                _("Feeling like this doesn't mean you're doing anything wrong."),
                _("You're not the only one who feels like this; many people do."),
                _("That sounds really hard."),
                _("That must be a lot to carry right now."),
                _("It makes sense that this is getting to you."),
                _("It's understandable to feel this way."),
                _("That's a heavy thing to be dealing with."),
                _("It's no wonder this has been on your mind."),
                _("You're dealing with a lot, and it shows how much you care."),
                _("It's okay to feel like this; it's a very human reaction."),
                _("Thank you for putting it into words; that isn't always easy."),
                _("That would wear anyone down."),
                _("It sounds like you've been carrying this for a while."),
            ], self._seed(state, "affirm", text) + depth, avoid=said))
            strategies.append("affirmation")
        state["said"] = [*state.get("said", []), *parts][-12:]
        if suggest:
            slug = self._fitting_exercise(state)
            if slug:
                exercise = exercise_in(slug, lang)
                title = exercise["title"] if lang == "es" else exercise["title"].lower()
                parts.append(self._vary(state, "offer_exercise", [
                    _("Would you like to try %(title)s together, right here? It takes about %(n)s minutes. "
                      "%(summary)s"),
                    _("Something that might help: %(title)s, which we can do together here in about %(n)s minutes. "
                      "%(summary)s Would you like to try it?"),
                    _("Shall we try %(title)s together? It takes about %(n)s minutes. %(summary)s"),
                ]) % {"title": title, "n": exercise["minutes"], "summary": exercise["summary"]})
                state["offered"].append(slug)
                state["pending"] = {"kind": "exercise", "slug": slug}
                strategies.append("suggestion")
                return self._turn(state, " ".join(parts), [f"offer_exercise:{slug}"], strategies=strategies,
                                  quick=[_("Yes, let's try"), _("Not now")], analysis=analysis, text=text)
            article = self._article_for(state)
            if article and f"article:{article}" not in state["offered"]:
                state["offered"].append(f"article:{article}")
                return self._article(state, article, prefix=" ".join(parts), strategies=strategies)
            if depth >= 4:
                return self._offer_people(state)
        # Asked once, on the second turn about something that weighs on them (the first turn is
        # for listening), and only if there is something worth remembering.
        if state.get("stressors") and state.get("memory_consent") is None and depth == 2 \
                and not state.get("memory_asked"):
            state["memory_asked"] = True
            state["pending"] = {"kind": "memory"}
            parts.append(_("Would you like me to remember what's been weighing on you, so I can ask about it next time?"
                           " You can ask what I remember, or tell me to forget, at any time."))
            strategies.append("question")
            return self._turn(state, " ".join(parts), ["ask_memory_consent"], strategies=strategies,
                              quick=[_("Yes, remember"), _("No thanks")], analysis=analysis, text=text)
        parts.append(self._open_question(state, analysis, self._seed(state, "question", text)))
        strategies.append("question")
        return self._turn(state, " ".join(parts), [], strategies=strategies, analysis=analysis, text=text)

    def _open_question(self, state: dict, analysis: Analysis, seed: int) -> str:
        topic = analysis.stressors[0][0] if analysis.stressors else ""
        topical = {
            "study": [_("How are you feeling about what's coming up with your studies?"),
                      _("What's the part of your studies that worries you most?"),
                      _("How much time do you have before it's all due?")],
            "work": [_("What's been happening at work?"), _("What's the hardest part of work at the moment?"),
                     _("How long has work been like this?")],
            "family": [_("What's been going on between you?"), _("How have things been at home lately?"),
                       _("What would you most like them to understand?")],
            "relationship": [_("How have things been between the two of you?"),
                             _("What's been the hardest part of it for you?"),
                             _("How are you looking after yourself through this?")],
            "loss": [_("Would you like to tell me a little about them?"), _("What do you miss most?"),
                     _("How have the days been since it happened?")],
            "sleep": [_("How long has sleep been difficult?"), _("What tends to keep you awake?"),
                      _("What are your nights like at the moment?")],
            "money": [_("What feels most pressing about it right now?"), _("Is there anyone who could help you look at"
                                                                            " the numbers?"),
                      _("How long has money been this tight?")],
            "health": [_("How are you looking after yourself through it?"), _("What's been the hardest part of it?"),
                       _("Who's been with you through it?")],
            "friends": [_("Who do you feel closest to at the moment?"), _("What happened between you?"),
                        _("How have things been with your friends lately?")],
            "housing": [_("What's been the hardest part of it?"), _("How settled do you feel where you are now?"),
                        _("What would make things feel a bit more secure?")],
        }
        generic = [_("What's been the hardest part of it?"), _("What happened that brought this up today?"),
                   _("How has this been affecting your days, like sleep or eating?"),
                   _("What would help most right now, even a little?"),
                   _("Who do you have around you that you can talk to?"),
                   _("What have you tried so far, and how did it go?"),
                   _("How long have you been feeling like this?"),
                   _("What's going through your mind when it's at its worst?"),
                   _("What usually helps you, even a little, when things feel like this?"),
                   _("Is there one part of it you'd like to start with?"),
                   _("How are you taking care of yourself in the middle of all this?"),
                   _("What would you like to feel instead?")]
        asked = set(state.get("asked", []))
        fresh = [q for q in topical.get(topic, []) if q not in asked]
        question = _pick(fresh + generic if fresh else generic, seed, avoid=asked)
        state["asked"] = [*state.get("asked", []), question][-8:]
        return question

    def _fitting_exercise(self, state: dict) -> str | None:
        for feeling in state.get("feelings", []):
            for slug in EXERCISE_FOR.get(feeling, ()):
                if slug not in state.get("offered", []) and slug in exercises():
                    return slug
        if not state.get("feelings") and "box-breathing" not in state.get("offered", []):
            return "box-breathing"
        return None

    def _article_for(self, state: dict) -> str | None:
        keys = [*state.get("feelings", []), *[s[0] for s in state.get("stressors", [])]]
        for key in keys:
            slug = ARTICLE_FOR.get(key)
            if slug and slug in articles():
                return slug
        return None

    def _article(self, state: dict, slug: str, prefix: str = "", strategies=None) -> Turn:
        meta = dict(articles()[slug])
        if i18n.current() == "es":
            from .es import ARTICLES as ES_ARTICLES

            title, summary = ES_ARTICLES.get(slug, (meta.get("title", slug), meta.get("summary", "")))
            meta.update(title=title, summary=summary)
        reply = " ".join(x for x in [prefix, self._vary(state, "article", [
            _("There's a short article in the library that might help: “%(title)s” (%(url)s). %(summary)s"),
            _("This short article from the library might be useful: “%(title)s” (%(url)s). %(summary)s"),
        ]) % {"title": meta.get("title", slug), "url": self.links["library"] + slug + "/",
              "summary": meta.get("summary", "")},
            self._vary(state, "article_question", [_("What do you make of that?"),
                                                   _("Does that sound like it could help?"),
                                                   _("How does that sound to you?")])] if x)
        return self._turn(state, reply, [f"offer_article:{slug}"], strategies=[*(strategies or []), "information"])

    # -----------------------------------------------------------------------------------------
    # Assembling a turn: optional writer, reply screening, repetition guard

    def _turn(self, state: dict, reply: str, actions: list[str], *, strategies=(), quick=(), effects=(),
              exercise=None, fixed: bool = False, analysis: Analysis | None = None, text: str = "") -> Turn:
        engine = "offline"
        replaced = ""
        in_crisis = bool((state.get("crisis") or {}).get("active"))
        if self.writer is not None and not fixed and analysis is not None and not in_crisis:
            try:
                emit = ON_DELTA.get()
                gate = sf.SentenceGate(emit) if emit is not None else None
                extra = {"on_delta": gate} if gate is not None else {}
                written = self.writer(state, text, analysis, list(strategies), reply, **extra)
                if gate is not None:
                    gate.flush()
                verdict = sf.check_reply(written)
                if verdict.ok:
                    reply, engine = written.strip(), self.writer_name or "llm"
                else:
                    replaced = verdict.reason
                    engine = "offline (model reply replaced)"
            except Exception as exc:  # noqa: BLE001 - any failure of the model falls back to offline
                replaced = f"error:{type(exc).__name__}"
                engine = "offline (model unavailable)"
        return Turn(reply=reply, actions=list(actions), strategies=list(strategies),
                    feelings=list(analysis.feelings if analysis else []), engine=engine, exercise=exercise,
                    quick_replies=list(quick), effects=list(effects), state=state, replaced=replaced,
                    language=i18n.current())

    def _finish(self, state: dict, turn: Turn) -> Turn:
        crisis = state.get("crisis") or {}
        if crisis.get("active"):
            for action in ("crisis_flow", "show_help"):
                if action not in turn.actions:
                    turn.actions.insert(0, action)
        else:
            self._keep_help_in_view(state, turn)
        verdict = sf.check_reply(turn.reply, allow_phone=False, reviewed=turn.engine.startswith("offline"))
        if not verdict.ok:
            turn.replaced = turn.replaced or verdict.reason
            turn.reply = self._safe_reply(state)
        digest = _digest(turn.reply)
        recent = state.get("recent", [])
        if recent and digest == recent[-1]:
            # Never the same paragraph twice in a row, whatever the flow (the crisis texts too).
            turn.reply = self._vary(state, "again", [
                _("I'm still here."), _("I'm here with you."), _("I'm still listening."), _("Still here with you.")]) \
                + " " + turn.reply
            digest = _digest(turn.reply)
        elif digest in recent and not crisis.get("active") and not turn.exercise \
                and state.get("mode", "full") == "full":
            # (Not in wellness or off mode: "say as much as you like" invites the talk they don't offer.)
            turn.reply = turn.reply + " " + self._vary(state, "repeat_tail", [
                _("Take your time."), _("I'm here and listening."), _("Say as much or as little as you like.")])
            digest = _digest(turn.reply)
        state["recent"] = [*recent, digest][-12:]
        state["strategies"] = [*state.get("strategies", []), *turn.strategies][-12:]
        turn.state = state
        return turn

    def _keep_help_in_view(self, state: dict, turn: Turn) -> None:
        """While the watch is on (a risk sign, or a safety question not clearly answered), every
        reply keeps the help panel and the support line in view; the first one says so."""
        watch = state.get("watch")
        if not watch:
            return
        for action in ("show_help", "offer_support_line"):
            if action not in turn.actions:
                turn.actions.append(action)
        if not watch.get("announced"):
            watch["announced"] = True
            if not turn.exercise:
                turn.reply = " ".join([turn.reply, self._help_line(state)])
        # A softer sign with nothing new for a while, after the companion has come back to it once:
        # the watch ends (an unanswered safety question's watch ends only with a clear no).
        if watch.get("kind") == "soft" and int(watch.get("followups", 0)) >= 1 \
                and state["turn"] - int(watch.get("last_sign", watch.get("since", 0))) >= 8:
            state["watch"] = None

    def _safe_reply(self, state: dict) -> str:
        if (state.get("crisis") or {}).get("active"):
            return _("I'm here with you. Please use the help panel to reach a crisis line or the support line now; a"
                     " person from our team has been asked to reach out.")
        return _("Thank you for telling me. I'd like to understand better: how are you feeling right now?")
