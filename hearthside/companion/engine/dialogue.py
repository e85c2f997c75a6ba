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
from datetime import date
from functools import cache
from pathlib import Path

from . import lexicon
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


def new_state() -> dict:
    return {
        "v": STATE_VERSION, "turn": 0, "depth": 0, "feelings": [], "stressors": [], "mood": None,
        "offered": [], "pending": None, "exercise": None, "recent": [], "strategies": [],
        "memory_consent": None, "memory": {"stressors": [], "checkins": []}, "crisis": None,
        "disclosures": [], "logged": False, "safety_asked_turn": None, "greeted": False,
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


def analyse(text: str) -> Analysis:
    feelings: list[str] = []
    for family, pattern in lexicon.FEELING_WORDS.items():
        if pattern.search(text):
            feelings.append(family)
    if "good" in feelings and len(feelings) > 1:
        feelings.remove("good")  # "I'm fine but so stressed": the difficult part is the news
    model_labels: list[str] = []
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

    def start(self, state: dict | None = None, *, name: str = "") -> Turn:
        """The opening message of a conversation (says what the companion is, then asks)."""
        state = copy.deepcopy(state) if state else new_state()
        state["greeted"] = True
        hello = _("Hi %(name)s.") % {"name": name} if name else _("Hi.")
        parts = [hello, self._identity_text(), _("If you are ever in danger, use “Get help now” at the top of any page.")]
        remembered = (state.get("memory") or {}).get("stressors") or []
        if state.get("memory_consent") and remembered:
            parts.append(_("Last time you mentioned %(thing)s. How has that been, and how are you feeling today?")
                         % {"thing": remembered[-1]["phrase"]})
        else:
            parts.append(_("How are you feeling today?"))
        return self._turn(state, " ".join(parts), ["disclose_automated"], strategies=["question"])

    def respond(self, state: dict | None, text: str, *, level: str | None = None, reasons=None) -> Turn:
        """Answer one message. ``level``: the shared screener's level when the caller already
        screened (the web app routes through ``screen_and_route`` first); screened here if not."""
        state = copy.deepcopy(state) if state else new_state()
        text = (text or "").replace("\x00", "").strip()[:MAX_TEXT]
        state["turn"] = int(state.get("turn", 0)) + 1
        if level is None:
            level, reasons = self.screen(text)
        turn = self._respond(state, text, level)
        turn.safety_level = level
        return self._finish(state, turn)

    # -----------------------------------------------------------------------------------------
    # The order of checks is the safety contract.

    def _respond(self, state: dict, text: str, level: str) -> Turn:
        verdict = sf.assess(text, level)
        crisis = state.get("crisis")
        if crisis and crisis.get("active"):
            return self._in_crisis(state, text, level, verdict)
        if verdict == sf.CRISIS:
            return self._enter_crisis(state, level)
        pending = state.get("pending") or {}
        if pending.get("kind") == "safety_question":
            state["pending"] = None
            if lexicon.UNSAFE_ANSWER.search(text) or lexicon.SELF_HARM_INTENT.search(text):
                return self._enter_crisis(state, level if sf.RANK.get(level, 0) >= sf.RANK["high"] else "high",
                                          via="safety_question")
            if lexicon.SAFE_ANSWER.search(text):
                reply = " ".join([_("Thank you for answering that; I know it is a hard question."),
                                  _("If those thoughts ever come, “Get help now” is always at the top of the page, and"
                                    " people on the support line are there to talk."),
                                  _("What else has been going on for you?")])
                return self._turn(state, reply, ["safety_check_answered"], strategies=["affirmation", "question"],
                                  effects=[{"type": "safety_answer", "answer": text, "safe": True}])
        if verdict == sf.ASK and state.get("safety_asked_turn") != state["turn"] - 1:
            return self._safety_question(state, text)
        pending = state.get("pending") or {}
        disclosure = self._disclosure(state, text)
        if disclosure is not None:
            return disclosure
        if lexicon.IDENTITY.search(text):
            return self._identity(state)
        memory = self._memory_intent(state, text)
        if memory is not None:
            return memory
        if state.get("exercise"):
            return self._exercise_step(state, text)
        if pending:
            answered = self._pending(state, pending, text)
            if answered is not None:
                return answered
        return self._ordinary(state, text)

    # -----------------------------------------------------------------------------------------
    # Crisis flow

    def _crisis_actions(self, state: dict) -> list[str]:
        return ["crisis_flow", "show_help", "offer_support_line"]

    def _enter_crisis(self, state: dict, level: str, via: str = "screening") -> Turn:
        state["crisis"] = {"active": True, "level": level, "since": state["turn"], "check_asked": 0, "quiet": 0}
        state["exercise"] = None
        state["pending"] = {"kind": "connect"}
        reply = " ".join([
            _("I'm really concerned about what you've just told me, and I'm glad you said it."),
            _("You don't have to face this on your own."),
            _("I'm an automated companion, so I want you to have a person with you too:"
              " I've asked the team on duty to reach out, and the help panel shows crisis lines you can contact"
              " right now, with your safety plan if you have one."),
            _("If you might act on these thoughts, please call your local emergency number now."),
            _("Would you like me to connect you to the support line so you can talk with someone?"),
        ])
        effects = [{"type": "crisis_started", "level": level, "via": via}]
        # A crisis alert is never optional (the disclosure policy setting does not apply here).
        effects.append({"type": "raise_alert", "level": level if sf.RANK.get(level, 0) >= sf.RANK["high"] else "high",
                            "reason": "crisis_flow"})
        return self._turn(state, reply, [*self._crisis_actions(state), "raise_alert"], strategies=["reassurance"],
                          quick=[_("Yes, connect me"), _("Not now")], effects=effects, fixed=True)

    def _check_question(self, state: dict) -> Turn:
        state["crisis"]["check_asked"] = state["turn"]
        state["pending"] = {"kind": "crisis_check"}
        reply = " ".join([
            _("I hear you, and I'd still like to check properly, because what you wrote earlier worried me."),
            _("I need to ask you directly, and it's okay to answer honestly:"
              " are you having thoughts of ending your life or harming yourself right now?"),
            _("Please answer yes or no."),
        ])
        return self._turn(state, reply, [*self._crisis_actions(state), "crisis_check"], strategies=["question"],
                          quick=[_("No, I'm not"), _("Yes, I am")], fixed=True)

    def _in_crisis(self, state: dict, text: str, level: str, verdict: str) -> Turn:
        crisis = state["crisis"]
        pending = (state.get("pending") or {}).get("kind")
        if sf.RANK.get(level, 0) > sf.RANK.get(crisis.get("level", "high"), 3):
            crisis["level"] = level
        rank = sf.RANK.get(level, 0)
        if pending == "crisis_check" and lexicon.SAFE_ANSWER.search(text) and not lexicon.UNSAFE_ANSWER.search(text) \
                and 0 <= rank <= sf.RANK["low"] and level != "unknown":
            return self._step_down(state, text)
        if verdict == sf.CRISIS or lexicon.SELF_HARM_INTENT.search(text):
            crisis["quiet"] = 0
            state["pending"] = {"kind": "connect"}
            reply = " ".join([
                _("Thank you for telling me. I'm staying right here with you."),
                _("What you're feeling matters, and a person should be with you through this."),
                _("Please reach out to one of the crisis lines in the help panel, or let me connect you to the support"
                  " line now. If you are in immediate danger, call your local emergency number."),
            ])
            return self._turn(state, reply, self._crisis_actions(state), strategies=["reassurance", "suggestion"],
                              quick=[_("Yes, connect me"), _("Not now")], fixed=True)
        if pending == "crisis_check":
            if lexicon.CONNECT.search(text):
                return self._connect(state)
            if lexicon.UNSAFE_ANSWER.search(text):
                state["pending"] = {"kind": "connect"}
                reply = " ".join([
                    _("Thank you for being honest with me. That takes courage."),
                    _("I don't want you to be alone with these thoughts. A person from the team on duty has been asked"
                      " to reach out, and the support line is there right now."),
                    _("Would you like me to connect you?"),
                ])
                return self._turn(state, reply, self._crisis_actions(state), strategies=["affirmation", "suggestion"],
                                  quick=[_("Yes, connect me"), _("Not now")], fixed=True)
            return self._check_question(state)
        if pending == "connect" and (lexicon.YES.search(text) or lexicon.CONNECT.search(text)):
            return self._connect(state)
        if lexicon.CONNECT.search(text) or lexicon.WANT_HUMAN.search(text):
            return self._connect(state)
        if lexicon.TALK_OUT.search(text) or lexicon.NO.search(text) or lexicon.GOODBYE.search(text):
            return self._check_question(state)
        if lexicon.IDENTITY.search(text):
            reply = " ".join([self._identity_text(), _("Right now I'd most like you to have a person with you:"
                                                       " the support line and the crisis lines in the help panel are"
                                                       " staffed by people.")])
            return self._turn(state, reply, [*self._crisis_actions(state), "disclose_automated"],
                              strategies=["information"], fixed=True)
        if lexicon.WANT_EXERCISE.search(text):
            return self._start_exercise(state, "grounding-5-4-3-2-1" if "ground" in text.lower() else "box-breathing")
        if state.get("exercise"):
            return self._exercise_step(state, text)
        crisis["quiet"] = int(crisis.get("quiet", 0)) + 1
        if crisis["quiet"] >= 3:
            return self._check_question(state)
        analysis = analyse(text)
        feeling = analysis.feelings[0] if analysis.feelings else ""
        opening = (_("It sounds like you're feeling %(feeling)s, and that makes sense after everything.")
                   % {"feeling": lexicon.FEELING_PHRASES[feeling][0]}) if feeling in lexicon.NEGATIVE else \
            _pick([_("I'm listening."), _("I'm still here with you."), _("Thank you for staying with me.")], state["turn"])
        reply = " ".join([
            opening,
            _pick([_("Your safety matters most right now, so the help panel stays open."),
                   _("The help panel with your safety plan and crisis lines stays open while we talk."),
                   _("Whenever you're ready, the people on the support line can talk with you.")], state["turn"]),
            _pick([_("What is happening around you right now?"), _("Is there someone nearby you could be with?"),
                   _("Would a slow breathing exercise help while we talk?")], state["turn"]),
        ])
        return self._turn(state, reply, self._crisis_actions(state), strategies=["reflection_of_feelings", "question"],
                          fixed=True)

    def _connect(self, state: dict) -> Turn:
        state["pending"] = None
        reply = " ".join([
            _("Good. The support line is open to you now: use “Talk to a person now” in the help panel, or go to"
              " %(url)s.")
            % {"url": self.links["support_line"]},
            _("The team on duty has also been asked to reach out to you. I'll stay here in the meantime."),
        ])
        return self._turn(state, reply, [*self._crisis_actions(state), "connect_support_line"],
                          strategies=["information"], fixed=True)

    def _step_down(self, state: dict, answer: str) -> Turn:
        crisis = state["crisis"]
        state["crisis"] = {"active": False, "level": crisis.get("level"), "since": crisis.get("since"),
                           "ended": state["turn"]}
        state["pending"] = None
        state["depth"] = 0
        reply = " ".join([
            _("Thank you for answering. I've noted that you said you are not having those thoughts right now."),
            _("If they come back, “Get help now” is at the top of every page, and you can tell me at any time."),
            _("How are you feeling now?"),
        ])
        return self._turn(state, reply, ["crisis_step_down"], strategies=["affirmation", "question"], fixed=True,
                          effects=[{"type": "crisis_step_down", "answer": answer}])

    def _safety_question(self, state: dict, text: str) -> Turn:
        state["safety_asked_turn"] = state["turn"]
        state["pending"] = {"kind": "safety_question"}
        reply = " ".join([
            _("Thank you for telling me this. It sounds really hard."),
            _("Sometimes when people feel this way, they think about ending their life."),
            _("Are you having thoughts like that?"),
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
        texts = {
            "abuse": [_("Thank you for trusting me with this. What you describe is not okay, and it is not your fault."),
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
        texts.append(_("Would you like me to connect you to the support line to talk it through with a person?"))
        state.setdefault("disclosures", [])
        if kind not in state["disclosures"]:
            state["disclosures"].append(kind)
        state["pending"] = {"kind": "human"}
        return self._turn(state, " ".join(texts), actions, strategies=["affirmation", "information", "suggestion"],
                          quick=[_("Yes, connect me"), _("Not now")], effects=effects, fixed=True)

    # -----------------------------------------------------------------------------------------
    # Identity and memory

    def _identity_text(self) -> str:
        return _("I'm the Hearthside companion: an automated program, not a person and not a therapist."
                 " I can listen, help you put feelings into words, guide a short exercise, and point you to people"
                 " who can help.")

    def _identity(self, state: dict) -> Turn:
        reply = " ".join([self._identity_text(),
                          _("If you'd like to talk with a person, the support line and our practitioners are here"
                            " (%(line)s, %(care)s).") % {"line": self.links["support_line"], "care": self.links["care"]},
                          self._resume_question(state)])
        return self._turn(state, reply, ["disclose_automated", "offer_support_line"], strategies=["information"])

    def _resume_question(self, state: dict) -> str:
        pending = (state.get("pending") or {}).get("kind")
        if state.get("exercise"):
            return _("Shall we carry on with the exercise? Say “next” when you're ready, or “stop” to end it.")
        if pending == "exercise":
            return _("Would you still like to try the exercise?")
        return _("How are you feeling right now?")

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
                if memory["stressors"]:
                    bits.append(_("things that have been weighing on you: %(list)s")
                                % {"list": ", ".join(s["phrase"] for s in memory["stressors"][-5:])})
                if memory["checkins"]:
                    last = memory["checkins"][-1]
                    bits.append(_("your last check-in on %(day)s (%(feelings)s)")
                                % {"day": last["on"], "feelings": ", ".join(last["feelings"]) or _("no feelings named")})
                reply = _("Here is what I remember, with your permission: %(bits)s. Say “forget everything” and I'll"
                          " delete it.") % {"bits": "; ".join(bits)}
            return self._turn(state, reply, ["memory_shown"], strategies=["information"])
        if lexicon.MEMORY_ALLOW.search(text) and not state.get("memory_consent"):
            state["memory_consent"] = True
            self._remember(state, analyse(text))
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
        intro = _("Let's do %(title)s together. I'll guide you one step at a time; say “stop” whenever you like.") % {
            "title": exercise["title"].lower()}
        return self._show_step(state, intro, extra_actions=[f"exercise_started:{slug}"])

    def _show_step(self, state: dict, prefix: str = "", extra_actions=()) -> Turn:
        run = state["exercise"]
        exercise = exercises()[run["slug"]]
        steps = exercise["steps"]
        if run["i"] >= len(steps):
            return self._finish_exercise(state)
        step = steps[run["i"]]
        kind = step["type"]
        quick = [_("Next"), _("Stop")]
        if kind == "breathing":
            pattern = step.get("pattern", [4, 4, 4, 4])
            labels = step.get("labels", [])
            rhythm = ", ".join(f"{label.lower()} for {n}" for label, n in zip(labels, pattern, strict=False))
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
            shown = [f"{sid}: {run['answers'][sid]}" for sid in step.get("show", []) if run["answers"].get(sid)]
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
            reply = " ".join([_("Okay, we'll stop here. Thank you for giving it a try."),
                              _("How are you feeling now?")])
            return self._turn(state, reply, [f"exercise_stopped:{slug}"], strategies=["affirmation", "question"])
        step = exercises()[run["slug"]]["steps"][run["i"]]
        kind = step["type"]
        if kind == "scale":
            match = re.search(r"\d+", text)
            value = int(match.group()) if match else None
            if value is None or not step["min"] <= value <= step["max"]:
                return self._turn(state, _("Choose a number from %(a)s to %(b)s.") % {"a": step["min"], "b": step["max"]},
                                  [f"exercise_step:{run['slug']}:{step['id']}"], strategies=["question"], fixed=True,
                                  exercise={"slug": run["slug"], "step": step, "index": run["i"],
                                            "total": len(exercises()[run["slug"]]["steps"])})
            run["answers"][step["id"]] = value
        elif kind == "choice":
            options = step.get("options", [])
            chosen = None
            lowered = text.strip().lower()
            for i, option in enumerate(options):
                if lowered in {option["value"].lower(), option["label"].lower(), str(i + 1)}:
                    chosen = option["value"]
            if chosen is None:
                for option in options:
                    if option["label"].lower().split(" ")[0] in lowered:
                        chosen = option["value"]
            run["answers"][step["id"]] = chosen or text[:200]
        elif kind == "input" and not lexicon.NEXT.fullmatch(text.strip()):
            run["answers"][step["id"]] = text[: step.get("max_length", 1000)]
        run["i"] += 1
        return self._show_step(state, _pick([_("Thank you."), _("Good."), _("Okay.")], run["i"])
                               if kind in {"input", "choice", "scale"} else "")

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
            analysis = analyse(text)
            mood = analysis.mood
            if mood is None and re.fullmatch(r"\s*(10|[1-9])\s*", text):
                mood = int(text)
            if mood is not None:
                state["mood"] = mood
                if kind == "log_mood":
                    return self._log(state)
                state["pending"] = {"kind": "log"}
                change = _("Thank you for trying it.")
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
                                                   _("Is there anything else on your mind?")]),
                                  ["log_declined"], strategies=["question"])
        elif kind == "memory":
            state["pending"] = None
            if yes and not no:
                state["memory_consent"] = True
                self._remember(state, Analysis([], [(s[0], s[1]) for s in state.get("stressors", [])], None, []))
                reply = " ".join([_("Thank you; I'll remember that, and you can ask me to forget it at any time."),
                                  self._open_question(state, analyse(""), state["turn"])])
                return self._turn(state, reply, ["memory_on"], strategies=["information", "question"],
                                  effects=[{"type": "memory_consent", "value": True}])
            if no:
                state["memory_consent"] = False
                reply = " ".join([_("Of course; I won't remember it after this conversation."),
                                  self._open_question(state, analyse(""), state["turn"])])
                return self._turn(state, reply, ["memory_off"], strategies=["affirmation", "question"],
                                  effects=[{"type": "memory_consent", "value": False}])
        elif kind in {"human", "connect"}:
            state["pending"] = None
            if yes and not no:
                return self._offer_people(state, connect=True)
        elif kind == "article":
            state["pending"] = None
        return None

    def _log_offer(self, state: dict) -> str:
        feelings = ", ".join(state.get("feelings", [])[:3]) or _("no feelings named")
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
                          _("Is there anything else you'd like to talk about?")])
        return self._turn(state, reply, ["log_checkin"], strategies=["information", "question"],
                          effects=[{"type": "log_checkin", "mood": state["mood"],
                                    "emotions": list(state.get("feelings", [])[:5])}])

    def _declined(self, state: dict) -> Turn:
        reply = " ".join([
            _pick([_("That's completely fine."), _("No problem at all."), _("Of course.")], state["turn"]),
            _("Some people find it helps to talk with others who understand: there are support groups (%(groups)s),"
              " the support line (%(line)s) and practitioners (%(care)s).")
            % {"groups": self.links["groups"], "line": self.links["support_line"], "care": self.links["care"]},
            _("What would feel most helpful right now?"),
        ])
        return self._turn(state, reply, ["offer_support_group", "offer_support_line", "offer_practitioner"],
                          strategies=["affirmation", "suggestion", "question"])

    def _offer_people(self, state: dict, connect: bool = False) -> Turn:
        bits = [_("I'm a program, so for a person you have a few options:"),
                _("the support line, where trained people answer (%(line)s);") % {"line": self.links["support_line"]},
                _("a practitioner you can book (%(care)s);") % {"care": self.links["care"]},
                _("or a support group (%(groups)s).") % {"groups": self.links["groups"]}]
        if connect:
            bits.insert(0, _("Good idea."))
        bits.append(_("I'm still here if you'd like to keep talking in the meantime."))
        return self._turn(state, " ".join(bits), ["offer_support_line", "offer_practitioner", "offer_support_group"],
                          strategies=["suggestion", "information"])

    # -----------------------------------------------------------------------------------------
    # Ordinary turns: analyse, choose strategies, realise

    def _ordinary(self, state: dict, text: str) -> Turn:
        analysis = analyse(text) if text else Analysis([], [], None, [])
        seed = state["turn"] + int(_digest(text or "x")[:4], 16)
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
            slug = "grounding-5-4-3-2-1" if re.search(r"ground", text, re.I) else self._fitting_exercise(state) or \
                "box-breathing"
            if re.search(r"breath", text, re.I):
                slug = "box-breathing"
            return self._start_exercise(state, slug)
        if lexicon.WANT_INFO.search(text):
            article = self._article_for(state)
            if article:
                return self._article(state, article)
        if lexicon.GOODBYE.search(text):
            offer = self._log_offer(state) if state.get("mood") and not state.get("logged") else ""
            if offer:
                state["pending"] = {"kind": "log"}
            reply = " ".join(x for x in [_("Thank you for checking in today. Take good care of yourself."), offer] if x)
            return self._turn(state, reply, ["goodbye", *(["offer_log_checkin"] if offer else [])],
                              strategies=["affirmation"])
        if lexicon.THANKS.search(text) and not analysis.feelings:
            return self._turn(state, " ".join([_("You're welcome."), _("Is there anything else on your mind?")]), [],
                              strategies=["question"])

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
        stressor = analysis.stressors[0][1] if analysis.stressors else ""
        if not stressor and not negative and state.get("stressors"):
            stressor = state["stressors"][-1][1]

        if positive:
            strategies = ["affirmation", "question"]
            parts = [_pick([_("It's good to hear you're feeling %(f)s."), _("I'm glad things feel %(f)s today.")], seed)
                     % {"f": lexicon.FEELING_PHRASES["good"][seed % 3]},
                     _pick([_("What has been helping?"), _("What went well today?"),
                            _("What would you like to make more room for?")], seed)]
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
                return self._turn(state, _pick([_("Hello again. How are you feeling right now?"),
                                                _("Hi. What's on your mind today?")], seed), [],
                                  strategies=["question"])
            reply = _pick([
                _("That's okay; there's no right way to answer. If you had to pick one word for how you feel right now,"
                  " what would it be?"),
                _("Take your time. What has your day been like so far?"),
                _("I'm listening. Is something in particular on your mind?"),
            ], seed, avoid=set())
            return self._turn(state, reply, [], strategies=["question"], analysis=analysis, text=text)

        intense = state.get("mood") is not None and state["mood"] <= 3
        suggest = wants_advice or intense or depth >= 3
        parts = []
        strategies = []
        said = set(state.get("said", []))
        if feeling in lexicon.NEGATIVE:
            phrase = _pick(lexicon.FEELING_PHRASES[feeling], seed + depth)
            if stressor and depth <= 2:
                parts.append(_pick([_("It sounds like you're feeling %(f)s about %(s)s."),
                                    _("With %(s)s on your mind, it sounds like you're feeling %(f)s."),
                                    _("So you're feeling %(f)s, and %(s)s seems to be a big part of that.")], seed,
                                   avoid=said) % {"s": stressor, "f": phrase})
            else:
                parts.append(_pick([_("It sounds like you're feeling %(f)s right now."),
                                    _("You're feeling %(f)s, and that's a lot to carry."),
                                    _("That sounds like it has left you feeling %(f)s."),
                                    _("I can hear how %(f)s you've been feeling.")], seed, avoid=said) % {"f": phrase})
            strategies.append("reflection_of_feelings")
        elif stressor:
            parts.append(_pick([_("So %(s)s has been on your mind."), _("If I've got it right, a lot of this is about %(s)s.")],
                               seed) % {"s": stressor})
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
            ], seed + depth, avoid=said))
            strategies.append("affirmation")
        state["said"] = [*state.get("said", []), *parts][-12:]
        if suggest:
            slug = self._fitting_exercise(state)
            if slug:
                exercise = exercises()[slug]
                parts.append(_("Would you like to try %(title)s together, right here? It takes about %(n)s minutes. "
                               "%(summary)s") % {"title": exercise["title"].lower(), "n": exercise["minutes"],
                                                 "summary": exercise["summary"]})
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
        parts.append(self._open_question(state, analysis, seed))
        strategies.append("question")
        return self._turn(state, " ".join(parts), [], strategies=strategies, analysis=analysis, text=text)

    def _open_question(self, state: dict, analysis: Analysis, seed: int) -> str:
        topic = analysis.stressors[0][0] if analysis.stressors else ""
        topical = {
            "study": _("How are you feeling about what's coming up with your studies?"),
            "work": _("What's been happening at work?"),
            "family": _("What's been going on between you?"),
            "relationship": _("How have things been between the two of you?"),
            "loss": _("Would you like to tell me a little about them?"),
            "sleep": _("How long has sleep been difficult?"),
            "money": _("What feels most pressing about it right now?"),
            "health": _("How are you looking after yourself through it?"),
            "friends": _("Who do you feel closest to at the moment?"),
            "housing": _("What's been the hardest part of it?"),
        }
        generic = [_("What's been the hardest part of it?"), _("What happened that brought this up today?"),
                   _("How has this been affecting your days, like sleep or eating?"),
                   _("What would help most right now, even a little?"),
                   _("Who do you have around you that you can talk to?"),
                   _("What have you tried so far, and how did it go?")]
        asked = set(state.get("asked", []))
        options = ([topical[topic]] if topic in topical else []) + generic
        question = _pick(options if topic in topical and topical[topic] not in asked else generic, seed, avoid=asked)
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
        meta = articles()[slug]
        reply = " ".join(x for x in [prefix, _("There's a short article in the library that might help: “%(title)s”"
                                               " (%(url)s). %(summary)s") % {"title": meta.get("title", slug),
                                                                            "url": self.links["library"] + slug + "/",
                                                                            "summary": meta.get("summary", "")},
                                     _("What do you make of that?")] if x)
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
                    quick_replies=list(quick), effects=list(effects), state=state, replaced=replaced)

    def _finish(self, state: dict, turn: Turn) -> Turn:
        crisis = state.get("crisis") or {}
        if crisis.get("active"):
            for action in ("crisis_flow", "show_help"):
                if action not in turn.actions:
                    turn.actions.insert(0, action)
        verdict = sf.check_reply(turn.reply, allow_phone=False)
        if not verdict.ok:
            turn.replaced = turn.replaced or verdict.reason
            turn.reply = self._safe_reply(state)
        digest = _digest(turn.reply)
        if digest in state.get("recent", []) and not crisis.get("active") and not turn.exercise:
            turn.reply = turn.reply + " " + _pick([_("Take your time."), _("I'm here and listening."),
                                                   _("Say as much or as little as you like.")], state["turn"])
            digest = _digest(turn.reply)
        state["recent"] = [*state.get("recent", []), digest][-12:]
        state["strategies"] = [*state.get("strategies", []), *turn.strategies][-12:]
        turn.state = state
        return turn

    def _safe_reply(self, state: dict) -> str:
        if (state.get("crisis") or {}).get("active"):
            return _("I'm here with you. Please use the help panel to reach a crisis line or the support line now; a"
                     " person from our team has been asked to reach out.")
        return _("Thank you for telling me. I'd like to understand better: how are you feeling right now?")
