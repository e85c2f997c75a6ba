"""Word lists and patterns the offline dialogue manager reads: feelings, stressors, intents and
disclosures. Written for this project; English only (the emotion model is English only too)."""

from __future__ import annotations

import re


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# Feelings a person names in so many words: these come before the model's guess, because what
# someone says about themselves is the best evidence of how they feel.
FEELING_WORDS: dict[str, re.Pattern] = {
    "anxious": _rx(r"\banxi\w*", r"\bworr(y|ied|ying|ies)\b", r"\bnervous\b", r"\bscared\b", r"\bafraid\b",
                   r"\bpanic\w*", r"\bterrified\b", r"\bon edge\b", r"\buneasy\b", r"\bfreaking out\b",
                   r"\b(i'?ll|i will|going to|gonna) fail\b", r"\bdread\w*"),
    "stressed": _rx(r"\bstress\w*", r"\bpressure\b", r"\boverwhelm\w*", r"\bswamped\b", r"\bburn(ed|t) out\b",
                    r"\btoo much\b", r"\bcan'?t cope\b", r"\bfrazzled\b"),
    "sad": _rx(r"\bsad\b", r"\bdown\b", r"\blow\b", r"\bdepress\w*", r"\bmiserable\b", r"\bunhappy\b", r"\bcry\w*",
               r"\bcried\b", r"\bheartbroken\b", r"\bempty\b", r"\bblue\b", r"\bgloomy\b", r"\bupset\b"),
    "angry": _rx(r"\bangry\b", r"\bfurious\b", r"\bmad at\b", r"\bpissed\b", r"\birritat\w*", r"\bannoy\w*",
                 r"\bfrustrat\w*", r"\bresent\w*", r"\brage\b"),
    "lonely": _rx(r"\blonely\b", r"\bloneliness\b", r"\balone\b", r"\bisolated\b", r"\bleft out\b",
                  r"\bno friends\b", r"\bnobody to talk to\b", r"\bno one to talk to\b"),
    "tired": _rx(r"\btired\b", r"\bexhausted\b", r"\bdrained\b", r"\bworn out\b", r"\bcan'?t sleep\b",
                 r"\binsomnia\b", r"\bnot sleeping\b", r"\bno energy\b"),
    "ashamed": _rx(r"\bashamed\b", r"\bembarrass\w*", r"\bguilty\b", r"\bstupid\b", r"\bfailure\b", r"\buseless\b"),
    "good": _rx(r"\b(feel(ing)?|am|i'?m) (pretty |really |quite )?(good|great|fine|ok(ay)?|happy|better|calm|relaxed)\b",
                r"\bgrateful\b", r"\bexcited\b", r"\bgood day\b", r"\bnot bad\b", r"\bdoing well\b"),
}

# The model's GoEmotions labels, folded into the same families.
MODEL_FAMILIES = {
    "fear": "anxious", "nervousness": "anxious",
    "sadness": "sad", "grief": "sad", "disappointment": "sad", "remorse": "ashamed", "embarrassment": "ashamed",
    "anger": "angry", "annoyance": "angry", "disapproval": "angry", "disgust": "angry",
    "joy": "good", "gratitude": "good", "optimism": "good", "relief": "good", "excitement": "good",
}

NEGATIVE = {"anxious", "stressed", "sad", "angry", "lonely", "tired", "ashamed"}

# How the companion names a feeling when it reflects it back (several, so it does not repeat).
FEELING_PHRASES: dict[str, tuple[str, ...]] = {
    "anxious": ("anxious", "on edge", "worried"),
    "stressed": ("under a lot of pressure", "stretched thin", "overloaded"),
    "sad": ("low", "heavy-hearted", "down"),
    "angry": ("frustrated", "angry", "fed up"),
    "lonely": ("lonely", "cut off from people", "on your own with this"),
    "tired": ("worn out", "exhausted", "running on empty"),
    "ashamed": ("hard on yourself", "ashamed", "not good enough"),
    "good": ("in a good place", "lighter", "well"),
}

# What is weighing on someone: word -> (topic, how the companion refers to it).
_STRESSOR_TABLE: list[tuple[str, str, str]] = [
    (r"exams?", "study", "your exams"), (r"tests?", "study", "your tests"), (r"school", "study", "school"),
    (r"uni(versity)?|college", "study", "your studies"), (r"assignments?|essays?|coursework|thesis|dissertation",
                                                            "study", "the work you have due"),
    (r"grades?|marks", "study", "your grades"),
    (r"work|job|shifts?", "work", "work"), (r"boss|manager", "work", "your boss"),
    (r"colleagues?|co-?workers?", "work", "people at work"), (r"deadlines?", "work", "your deadlines"),
    (r"mum|mom|mother", "family", "your mum"), (r"dad|father", "family", "your dad"),
    (r"parents", "family", "your parents"), (r"family", "family", "your family"),
    (r"brother|sister|siblings?", "family", "your sibling"), (r"kids|children|son|daughter", "family", "your children"),
    (r"partner|boyfriend|girlfriend|husband|wife|spouse", "relationship", "your relationship"),
    (r"break ?up|broke up|divorce|\bex\b", "relationship", "the break-up"),
    (r"money|rent|bills|debts?|afford|broke\b", "money", "money worries"),
    (r"health|sick|ill\b|illness|pain|doctor|hospital|diagnos\w*", "health", "your health"),
    (r"sleep|insomnia|nightmares?", "sleep", "sleep"),
    (r"friends?|friendship", "friends", "your friendships"),
    (r"died|death|passed away|funeral|grie(f|ving)|lost my", "loss", "your loss"),
    (r"moving|move house|landlord|evict\w*|housing", "housing", "where you live"),
]
STRESSORS = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), topic, phrase) for p, topic, phrase in _STRESSOR_TABLE]

YES = _rx(r"^\s*(y|yes|yeah|yep|yup|sure|ok(ay)?|alright|all right|please|go on|go ahead|let'?s (do it|try|go)"
          r"|sounds good|why not|i'?d like that|i would|definitely|of course)\b")
NO = _rx(r"^\s*(n|no|nope|nah|not (now|really|today|right now)|no thanks|i'?d rather not|maybe later|skip|don'?t)\b")
NEXT = _rx(r"^\s*(next|done|ready|continue|go on|ok(ay)?|finished|yes|y)\b")
STOP = _rx(r"^\s*(stop|quit|cancel|exit|end|enough)\b", r"\bstop (the|this) exercise\b")

IDENTITY = _rx(r"\bare you (a |an )?(real|human|person|bot|robot|ai|machine|computer|program|therapist|counsell?or"
               r"|doctor|psychologist|alive)\b", r"\b(am i|are we) (talking|speaking|chatting) (to|with) (a |an )?"
               r"(real|human|person|bot|robot|ai|machine)\b", r"\bwho are you\b", r"\bwhat are you\b",
               r"\bare you real\b", r"\bis this (a )?(bot|robot|real person|human)\b")
WANT_HUMAN = _rx(r"\b(talk|speak|chat) (to|with) (a |an |some)?(real |actual )?(person|human|someone|one|people|"
                 r"counsell?or|therapist|professional)\b", r"\bconnect me\b", r"\breal person\b",
                 r"\b(need|want) (a )?(human|person|therapist|professional help)\b", r"\bsupport line\b")
ADVICE = _rx(r"\bwhat (should|can|could) i do\b", r"\bany (advice|tips|ideas)\b", r"\bhelp me\b",
             r"\bhow (do|can) i (cope|deal|stop|calm|feel better|handle)\b", r"\bwhat (would|do) you (suggest|recommend)\b")
WANT_EXERCISE = _rx(r"\bbreath\w*", r"\bexercise\b", r"\bcalm (me )?down\b", r"\bground(ing)?\b", r"\bmeditat\w*")
WANT_INFO = _rx(r"\bwhat is (anxiety|depression|stress|insomnia|grief|loneliness)\b", r"\b(tell|teach) me about\b",
                r"\bsomething to read\b", r"\barticle\b", r"\bwhy (do|can'?t) i\b")
WANT_LOG = _rx(r"\b(log|save|record|track) (my |this |the )?(mood|check-?in|feelings?)\b", r"\bmood tracker\b")
MEMORY_ASK = _rx(r"\bwhat do you (remember|know|recall)\b", r"\bwhat have you (remembered|stored|saved|kept)\b",
                 r"\bdo you remember\b")
MEMORY_FORGET = _rx(r"\bforget (it all|everything|what i (said|told you)|all (that|of it)|about me|me)\b",
                    r"\b(delete|erase|clear|wipe) (my |your |the )?(memory|memories|data|what you know)\b",
                    r"\bdon'?t remember\b", r"\bstop remembering\b")
MEMORY_ALLOW = _rx(r"\byou can remember\b", r"\bplease remember\b", r"\bremember (this|that)\b")
GREETING = _rx(r"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|yo)\b[\s!.]*$")
THANKS = _rx(r"\bthank(s| you)\b", r"\bthx\b", r"\bcheers\b")
GOODBYE = _rx(r"^\s*(bye|goodbye|see you|good ?night|that'?s all|i have to go|gotta go)\b")
MOOD_NUMBER = re.compile(r"\b(10|[1-9])\s*(?:/|out of)\s*10\b|\b(?:a|about|maybe|like|around)\s+(10|[1-9])\b"
                         r"|^\s*(10|[1-9])\s*[.!]?\s*$", re.IGNORECASE)

# Things a person might say to leave the crisis flow without answering the safety check. None of
# them closes it: each is met with the check, and only a recorded answer to the check does.
TALK_OUT = _rx(r"\b(you )?misunderst\w*", r"\bnever ?mind\b", r"\bnvm\b", r"\b(i was|i'?m|just) (joking|kidding)\b",
               r"\bjk\b", r"\bj/k\b", r"\blol\b", r"\bforget (it|that|i said)\b", r"\bignore (that|it|what|me)\b",
               r"\bi('m| am) (fine|ok(ay)?|good|alright)\b", r"\bdidn'?t mean (it|that)\b", r"\bit was a joke\b",
               r"\b(stop|end|exit|leave|turn off|close|cancel) (the |this )?(crisis|safety|help)\b",
               r"\bcrisis (mode|flow) (is )?(off|over|done)\b", r"\bback to normal\b", r"\bmove on\b",
               r"\bcan we (talk about|change)\b", r"\bchange the subject\b", r"\bnot serious\b", r"\bwrong\b")

# The answer to the explicit safety check. Only a plain, negative answer counts, and only when the
# answer itself screens clean.
SAFE_ANSWER = _rx(r"^\s*(no|nope|nah|no,? i'?m not|no i am not|not anymore|not now|not right now)\b[^?]*$",
                  r"^\s*(i('m| am)|yes,? i('m| am)) (safe|not going to|not thinking)\b[^?]*$",
                  r"^\s*i('m| am) not (having|thinking|going)\b[^?]*$")
UNSAFE_ANSWER = _rx(r"^\s*(yes|yeah|yep|kind of|sort of|maybe|a bit|a little|sometimes|i don'?t know|idk|not sure)\b",
                    r"\bnot safe\b", r"\bi (still )?(want|wanna) to\b")
CONNECT = _rx(r"\b(yes|ok|okay|please|sure)\b.*\b(connect|support line|person|human|someone|team)\b",
              r"^\s*connect\b", r"\bsupport line\b", r"\btalk to (a |some)?(person|human|one)\b")

# Self-harm intent the screener may score only "moderate" (or miss): the companion treats these as
# crisis, erring towards asking and helping (see docs/companion.md for what this costs).
SELF_HARM_INTENT = _rx(
    r"\b(kill|hurt|harm|cut|burn|hang|shoot|poison|drown) (my ?self|myself)\b", r"\bend (my|it) (life|all)\b",
    r"\bend it all\b", r"\bsuicid\w*", r"\b(want|wanna|going|gonna|plan(ning)?|ready) to die\b", r"\bkms\b",
    r"\bunalive\b", r"\btake my (own )?life\b", r"\boverdos\w*", r"\bnot (want|wanna) to (live|be alive|wake up)\b",
    r"\bdon'?t (want|wanna) to (live|be alive|wake up|exist)\b", r"\bno (reason|point) (to|in) (live|living|go on)\b",
    r"\bbetter off (dead|without me)\b", r"\bjump off\b", r"\bslit\b", r"\bpills to\b", r"\bwrite a (suicide )?note\b",
    r"\bgoodbye (letter|note)\b", r"\bwish i (was|were) dead\b", r"\bwant(ed)? it (all )?to end\b",
    # Preparation and plans, which the rule screener sometimes scores low (SDCNL dev posts).
    r"\b(writ(e|ing)|wrote|started writing) (some |my |a few |the )?(goodbye |suicide |last )?notes?\b",
    r"\bset a date\b", r"\b(attempt|try) (failed|didn'?t work)\b", r"\bfailed attempt\b",
    r"\b(buy|get|afford|bought|got) a gun\b", r"\bleave this world\b", r"\btonight'?s the night\b",
    r"\b(lose|lost|losing) the will to live\b", r"\bno will to live\b",
)
# Signs that call for a direct, kind question rather than the full crisis flow.
RISK_HINTS = _rx(
    r"\bhopeless\b", r"\bworthless\b", r"\bcan'?t go on\b", r"\bcan'?t do this anymore\b", r"\bwhat'?s the point\b",
    r"\bno way out\b", r"\btrapped\b", r"\bburden\b", r"\bgive up on (everything|life)\b", r"\bdisappear\b",
    r"\bnot be here\b", r"\bdon'?t want to be here\b", r"\bself[- ]harm\w*", r"\bcutting\b", r"\bwant to die\b",
    r"\bdeath\b", r"\bdie\b", r"\bdead\b", r"\bsleep forever\b", r"\bnobody would (care|notice|miss me)\b",
    r"\bno one would (care|notice|miss me)\b", r"\bempty inside\b", r"\bhate my ?self\b", r"\bhate my life\b",
    r"\bcan'?t (take|handle|stand|bear) (it|this|my life|life|much more)( any ?more)?\b", r"\b(i'?ve|i have) given up\b",
    r"\bgo(ing)? on any ?more\b", r"\b(wanna|want to) be here\b", r"\blast time i('ll| will)\b",
    r"\btired of (living|existing|life|being alive)\b", r"\bnothing to live for\b", r"\bgoodbye (everyone|world|all)\b",
    r"\bbye everyone\b", r"\bno reason to (be|stay)\b", r"\bend of my rope\b", r"\bcan'?t keep going\b",
    r"\bno point any ?more\b", r"\bwhy (even )?try any ?more\b", r"\bmy life is over\b", r"\beverything is pointless\b",
    r"\bwon'?t last (long|much longer)\b", r"\boff the table\b", r"\bruled it out\b", r"\bloathe my ?self\b",
    r"\bsee the end\b", r"\bdon'?t want me any ?more\b", r"\bjust want to leave\b",
)

# Disclosures that need resources and (per operator policy) a person.
ABUSE = _rx(
    r"\b(he|she|they|my \w+) (hits?|beats?|kicks?|chokes?|strangles?|slaps?|punch(es)?|rapes?|raped|abuses?|abused"
    r"|touches|touched|hurts|hurt|threatens|threatened) me\b",
    r"\bi('m| am| was| have been|'ve been) (being )?(abused|raped|assaulted|molested|beaten|hit)\b",
    r"\b(sexual|physical|emotional|domestic) (abuse|violence|assault)\b", r"\bdomestic violence\b",
    r"\b(afraid|scared) (to go home|of (him|her|my (husband|wife|partner|boyfriend|girlfriend|dad|mum|mom|father|mother"
    r"|parents)))\b", r"\bwon'?t let me (leave|go out|see)\b",
)
HARM_OTHERS = _rx(
    r"\b(i('m| am)? ?(going to|gonna)|i want to|i'?ll|i will|i could) (kill|hurt|stab|shoot|attack|beat up|strangle"
    r"|poison) (him|her|them|someone|somebody|people|everyone|my \w+|that \w+|the \w+)\b",
    r"\bi('m| am) (going to|gonna) (make|get) (him|her|them) (pay|hurt)\b",
)
MINOR_AGE = re.compile(r"\bi('m| am) (1[0-5]|[5-9])( years old| yo|\b)", re.IGNORECASE)
MINOR_DANGER = _rx(
    r"\b(a|my|the|our|\w+'s) (child|kid|son|daughter|baby|toddler|little (brother|sister)|niece|nephew|student|pupil)"
    r"\b.{0,60}\b(hit|hits|beaten|beats|hurt|hurts|abus\w*|touch\w*|neglect\w*|starv\w*|locked|molest\w*|in danger)\b",
    r"\b(someone|somebody|an adult|a man|a woman|he|she) (is |keeps )?(hurting|touching|abusing|hitting) "
    r"(a|my|the) (child|kid|little)\b",
)
