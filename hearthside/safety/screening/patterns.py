"""Hand-written rule tables that complement the lexicon.

The lexicon (``data/lexicon.json``, derived from Low et al. 2024) names the
constructs; these tables add what a construct lexicon cannot: the verb frames
that turn a method into a plan, time expressions, farewells, attempts in
progress, past attempts, chat slang and censored spellings, and the cue words
used to judge negation, hypotheticals, quotation, person and tense.

Templates use :mod:`.templates` syntax.  Flags (second element):

``frame``       counts only after a desire/intent frame ("want to", "going to")
``weak``        supporting evidence only: never raises the level on its own
``do_it``       ambiguous object ("do it"): needs other crisis evidence or a short text
``intent``      the phrase itself states intent ("going to end it")
``possession``  the writer has the means at hand
``method``      names a method, so it also counts as means
``nowith``      ignored when followed by "with" ("end it with him")
``self``        first person even if the sentence has another subject
"""

from __future__ import annotations

# Word classes usable in templates as <name>; a token in a class matches the slot.
CLASSES: dict[str, frozenset[str]] = {
    "means": frozenset("""pills pill tablets tablet meds medication medications painkillers tylenol paracetamol
        acetaminophen ibuprofen advil aspirin insulin xanax oxy oxycodone oxys fentanyl heroin antidepressants
        benzos benzodiazepines lithium seroquel ambien percocet percocets vicodin morphine codeine tramadol
        opioids opiates prescription sedatives""".split()),
    "qty": frozenset("""all bottle bottles handful handfuls bunch lot many entire whole every loads pack packet
        packets box boxes strip strips dozens fistful # overdose hundreds enough""".split()),
    "relative": frozenset("""mom mum mother dad father parents family sister brother wife husband partner
        girlfriend boyfriend kids children son daughter friends friend grandma grandmother grandpa""".split()),
}
MEANS = "<means>"
# "~N" in a template skips up to N arbitrary tokens.
QUANTITY = "~2 <qty> ~3"
RELATIVE = "<relative>"

RULES: list[tuple[str, str, list[str]]] = [
    # ------------------------------------------------------------ attempt in progress
    ("attempt_in_progress", "self", [
        f"i [have] [just] [already] (took|swallowed|downed|taken|ate|overdosed on|od on) {QUANTITY} {MEANS}",
        "i [have] [just] [already] (took|swallowed|taken|downed) (a|an) (overdose|od)",
        "i [have] [just] overdosed",
        "overdosed [on ~3 <means>]",
        "i (am|have been) (bleeding out|bleeding a lot|bleeding so much|bleeding too much|losing a lot of blood)",
        "(i|i have) cut too deep",
        "the (pills|meds|tablets) are (kicking in|starting to work|working)",
        "i can feel the (pills|meds|tablets) (kicking in|working)",
        "(the|a) (rope|noose) is around my neck",
        "i (have|got|put|tied) (a|the|my) (belt|rope|noose|cord|scarf|bag|plastic bag|tie) (around|over|on) my (neck|head)",
        "i am [standing] on the (ledge|edge of the bridge|edge of the roof|roof) (now|right now)",
        "(i am|i have been) (sitting|standing) on the (ledge|bridge|railing) (now|right now)",
    ]),
    # ------------------------------------------------------------ past attempts
    ("past_attempt", "", [
        "i [have|had] (tried|attempted) (to kill myself|to end my life|to take my life|to take my own life|"
        "to commit suicide|suicide|to overdose|to od|to hang myself|to die|kms|to kms|to end it)",
        "(tried|attempted) (to kill myself|to end my life|to take my own life|to take my life|to commit suicide|"
        "to overdose|to hang myself|to slit my wrists)",
        "attempted suicide",
        "(my|a|the) (previous|last|first|second|third|failed|prior|recent|latest|only) (suicide attempt|attempt)",
        "my (suicide attempt|suicide attempts|overdose)",
        "(since|after|before) my (attempt|suicide attempt|overdose|last attempt)",
        "(survived|survivor of|survived a|survived an|survived my) (suicide attempt|attempt|overdose|attempts)",
        "attempt survivor",
        "(was|got|been|being) (hospitalized|hospitalised|admitted|sectioned|committed|in the hospital|in hospital) "
        "(for|after) (trying to kill myself|attempting suicide|a suicide attempt|an overdose|my overdose|"
        "my attempt|overdosing|attempting)",
        "i [have] attempted (# times|twice|before|once|multiple times|several times|many times|a few times)",
        "attempted # times",
        "(i|i have|i had) attempted [suicide]",
        "(got|had) my stomach pumped",
        "i [have] overdosed (before|once|twice|# times|in the past|years ago|last year)",
    ]),
    # ------------------------------------------------------------ plans, preparation, method-seeking
    ("plan", "self", [
        f"(saved|saving|stockpiled|stockpiling|hoarded|hoarding|collected|collecting|stashed|stashing|stored|storing) "
        f"~3 {MEANS}",
        f"(have|got|bought|ordered|found) ~3 {MEANS} (saved|stockpiled|stashed|ready|lined up|counted out|"
        f"set aside|hidden) [up]",
        f"(have|got) enough {MEANS} to (die|kill myself|end it|overdose|do it)",
        f"the {MEANS} (is|are) ready",
        "(tied|tying|made|making|bought|have|got) (a|the|my) noose",
        "(the|my) (rope|noose|gun) is ready",
        "(tested|testing|test) the (rope|noose|knot)",
        "(wrote|written|writing|write|left|leaving|finished|drafted|drafting) (a|my|the) (suicide note|suicide letter|"
        "goodbye letter|goodbye letters|goodbye note|farewell letter|last letter|letters to my family)",
        "(wrote|written|writing|write|left|leaving|finished) (a|my) note for my " + RELATIVE,
        "(giving|gave|give|given) away (my|all my|all of my) (stuff|things|belongings|possessions|pets|cat|dog|clothes)",
        "(put|putting|got|getting|get) my affairs in order",
        "(have|got|made|make|making|came up with|figured out|worked out) a plan to (kill myself|end my life|end it|die|"
        "do it|commit suicide|take my life)",
        "(know|figured out|decided|planned|chose|chosen|picked|worked out|planning|plan) (how|when|where) "
        "(i will|i am going to|to) (do it|die|end it|kill myself|end my life)",
        "(picked|chose|chosen|decided on) the (date|bridge|method)",
        # Method-seeking without the words (issue #14: heights, letters to everyone).
        "how (high|tall|far) (does|do|would|should|must) (a|the) (bridge|building|fall|drop|jump|roof) "
        "(need to|have to|has to) be",
        "(wrote|written|writing|left|leaving) (letters|a letter|notes|a note) (to|for) (everyone|everybody|each of you|"
        "all of you|the people i love)",
        "(got|have|is) my date set",
        "(is|will be) the (day|date|night) i (set|picked|chose|planned)",
        "(typing|typed|type|typing up|typed up|wrote up|writing up) (a|my) (suicide note|suicide letter|goodbye letter)",
        "my suicide (note|letter)",
        "how (much|many) (mg|milligrams|grams|pills|tablets) ~5 (overdose|od|die|kill|lethal)",
        "(to|how to|way to|ways to) kill oneself",
        "(least painful|painless|easiest|quickest|best) (way|ways|method|methods) to go",
        "(researched|researching|googled|googling|looked up|looking up|searched|searching|reading about|read about) "
        "(how to|ways to|methods to|the best way to|painless ways to|painless way to) "
        "(die|kill myself|end my life|overdose|od|commit suicide|hang myself|kill yourself)",
        "(researched|researching|googled|googling|looked up|looking up|searched|searching|reading about|read about) "
        "(suicide methods|how many pills|lethal doses|a lethal dose)",
        "suicide methods",
        "(how|best way|easiest way|quickest way|fastest way|painless way|painless ways|least painful way|surest way|"
        "most effective way|ways|methods|way) to (die|kill myself|kill yourself|end my life|end it all|commit suicide|"
        "overdose|od|hang myself|hang yourself|kms) [(painlessly|quickly|fast|without pain)]",
        "how (do|can|would|should|could) (i|you|one|someone) (kill (myself|yourself|themselves)|commit suicide|"
        "die painlessly|overdose|hang (myself|yourself)|end (my|your) life)",
        f"how many {MEANS} (does it take|would it take|to die|to kill|to overdose|to od|is lethal|are lethal|"
        f"to end it|would kill|will kill|do i need|until i die)",
        f"how much {MEANS} (does it take|would it take|to die|to kill|to overdose|is lethal|would kill|will kill)",
        "(lethal|fatal) dose",
        f"(lethal|fatal) (amount|dose) of {MEANS}",
        "how long does it take to (die|bleed out|suffocate|drown|die from)",
        "(what|which) (pills|drugs|meds|medication) (would|will|could|can) kill (me|you|someone)",
        "painless way out",
        "painless (way|ways) to die",
        "make it look like an accident",
        "(i have|i have got|ive got) a gun (and|to) (i am going to|i will)",
    ]),
    ("plan", "weak", [
        "(picked|chose|chosen|set|decided on|planned) (a|the|my) (date|day|time|place|spot|method)",
        "(have|got|made|make|making) a plan",
        "(made|make|wrote|write|updated|update|finished|making|writing) (a|my) will",
        "(give|giving|gave|given) myself (# | a|one|two|three|a few|another|until|till) "
        "(day|days|week|weeks|month|months|year|more day|more days|more week|more weeks|the end of)",
        "(tell me|give me a reason|one reason) why i (should not|shouldnt|should not do it|should keep going|"
        "should stay)",
        "suicide note",
        "(wrote|written|writing|left) (a|my|the) note",
        "(said|saying|say) (my|our) goodbyes",
        "(bought|buying|got|ordered) (a|some|the) (rope|gun|pistol|shotgun|razor blades|razors|blades|helium|charcoal)",
    ]),
    # ------------------------------------------------------------ active ideation (C-SSRS 2-5)
    ("active_ideation", "", [
        "(kill|end|unalive) myself",
        "(offing|killing|unaliving) myself",
        "kms",
        "unalive",
        "(end|take|ending|taking|took) my [own] life",
        "(commit|commiting|committing|do|doing) suicide",
        "(commit|commiting|committing) (sudoku|toaster bath|die)",
        "toaster bath",
        "an hero",
        "self (delete|deletion|destruct)",
        "(rope|neck) myself",
        "(yeet|throw|fling) myself off [(a|the)] (bridge|building|roof|cliff|balcony|ledge)",
        "(blow|blew|blowing) my brains out",
        "(slit|slash|slice|slitting|slashing|slicing|sliced|slashed) my (wrist|wrists|throat|neck) [open]",
        "(put|putting|stick|sticking) a (gun|bullet) (in|to|against) my (head|mouth)",
        "(eat|eating) a bullet",
        "(i am|feel|feeling|felt|been|get|getting|got|is|are|was|am|became|become|becoming|seem|seems|still|grown) "
        "[(so|very|really|extremely|pretty|super|highly|quite|more|incredibly|fucking|severely|a bit|a little|kind of|"
        "this|that|as|too)] suicidal",
        "suicidal (again|rn|right now|today|tonight|lately|af|as fuck|as hell)",
        "suicidal (since|for) (years|months|weeks|days|a long time|so long|a while|the age of|i was|high school|#)",
        "(sitting|sat|here) with the means to (end it|do it|kill myself|die)",
        "(have|got|holding) the means to (end it|do it|kill myself|die|end my life)",
        "suicidal (thoughts|ideation|ideations|feelings|urges|thinking|tendencies|intent|plans|episode|crisis)",
        "(thoughts|thought|thinking|think|thinks|fantasies|fantasize|fantasizing|dream|dreaming|obsessing) "
        "(of|about) (suicide|ending it|ending it all|ending my life|killing myself|taking my life|taking my own life|"
        "kms|offing myself|self deletion)",
        "(contemplating|considering|planning|plan|contemplate|consider|contemplated|considered|planned) "
        "(suicide|killing myself|ending my life|ending it all|kms)",
        "(suicide|killing myself|death|dying|ending it|ending my life) (is|seems|feels) like the (only|best|last) "
        "(option|way out|answer|solution|choice)",
        "(suicide|killing myself|death|ending it) is the (only|best|last) (option|way out|answer|solution|choice)",
        "the only way out is (death|suicide|to die|to kill myself|dying)",
        "(on the edge|on the brink|on the verge|close|closer|so close|very close) (of|to) (suicide|killing myself|ending it|"
        "ending my life|ending it all|doing it|kms)",
        "(barely|only just) (keeping|stopping|holding) myself (from|back from) (suicide|killing myself|ending it|doing it)",
        "i will die by suicide",
        "(want|going|ready|planning|plan|need|about|decided|deciding|wanting) to (end it|end it all|end everything|"
        "end things|end this life)",
        "(want|going|ready|planning|plan|need|about|decided) to die by my own hand",

        "(urge|urges|impulse|impulses) to (kill myself|end it|die|jump)",
        "(only|the only) reason i (have not|did not|have never|never) (killed myself|done it|ended it|"
        "committed suicide|gone through with it)",
    ]),
    ("active_ideation", "frame", [
        "ctb",
        "sudoku",
    ]),
    ("active_ideation", "end", [
        "(going to|gonna|want to|ready to|about to|finally going to) commit",
    ]),
    ("active_ideation", "do_it intent", [
        "(i am going to|i will|i am gonna|i am finally going to|i am about to|i am ready to|i have decided to|"
        "i decided to|i plan to|i am planning to|planning to|going to|about to|ready to|gonna|finally going to) "
        "(do it|go through with it|go through with this)",
        "(i might|i could|i should|i want to|i need to|i have to) [just] (do it|go through with it)",
        "i (think|feel|know) it is (time|my time)",
    ]),
    ("active_ideation", "do_it", [
        "(tonight|today|tomorrow) (is|will be) the (night|day)",
    ]),
    ("active_ideation", "self", [
        "(i|i should|i will|i am going to|i might|i want to|time to|i need to|going to|about to|i could|"
        "i am gonna|i am about to|imma|i have to|i wanna|i kinda want to) [just] kys",
    ]),
    ("active_ideation", "frame nowith", [
        "end it",
        "end things",
        "end everything",
    ]),
    ("passive_ideation", "frame nowith", [
        "end this",
        "end my suffering",
        "end the pain",
    ]),
    ("entrapment", "", [
        "(want|wanted|need) (it|this) to (end|be over|stop)",
        "(tired|sick|exhausted) of (everything|it all|fighting|trying|this life|this shit|being me|the pain)",
        "(want|wanna|wanted) to disappear",
        "(i|i just) want out",
    ]),
    # methods: a named method with a desire/intent frame is active ideation with a method
    ("method", "frame method", [
        "(jump|jumping|jumped|leap|leaping) (off|off of|from|in front of|into|out of|out) [(a|the|my)] (bridge|building|roof|"
        "cliff|balcony|window|train|traffic|car|bus|tower|parking garage|overpass|ledge|skyscraper|top floor)",
        "(hang|hanging|hung) (myself|my self)",
        f"(overdose|overdosing|od|oding) [on ~3 {MEANS}]",
        f"(take|taking|swallow|swallowing|down) {QUANTITY} {MEANS}",
        "(drown|drowning) (myself|my self)",
        "(shoot|shooting) myself",
        "(crash|crashing|wreck|wrecking|drive|driving|steer|steering|slam|slamming) my (car|truck) (into|off)",
        "(crash|wreck|slam) my (car|truck)",
        "(step|stepping|walk|walking|run|running) (in front of|into) (a|the) (train|bus|truck|car|traffic)",
        "(get|getting) hit by (a|the) (train|bus|truck|car)",
        "pull the trigger",
        "(slit|slash|slice|cut|slitting|slashing|cutting|open) my (wrists|wrist|veins|throat)",
        "(off|delete|poison|poisoning|gas|gassing|suffocate|suffocating|electrocute|electrocuting|stab|"
        "stabbing|burn|burning) myself",
        "(drink|drinking) (bleach|antifreeze|pesticide|poison)",
        "inhale (helium|carbon monoxide|exhaust)",
    ]),
    # ------------------------------------------------------------ passive ideation (C-SSRS 1)
    ("passive_ideation", "", [
        "(want|wanna|wish|wished|wanting|wants|wanted|need) to (die|be dead|not exist|stop existing|not be alive|"
        "not wake up|never wake up|sleep forever|cease to exist|disappear forever|be gone forever|not be here|"
        "not be here anymore|just die|just not exist|just disappear|disappear and never come back)",
        "want to disappear forever",
        "(wish|wished|wishing) (i|i had|i would have) never (been born|existed|woken up|wake up)",
        "(waiting|wait|waiting patiently) for (the day i die|the day i am dead|death|my death|the end|the day it ends)",
        "(looking forward to|look forward to) (dying|death|the day i die|my death|not existing)",
        "(wish|wished|wishing) (i|i had|i would|i could) (was|were|be|been|had been|have been) "
        "(dead|never born|not born|gone|not alive|never been born|killed)",
        "(wish|wished|wishing) i (could|would) (die|just die|disappear|not exist|stop existing|fall asleep and never "
        "wake up|go to sleep and never wake up|sleep forever|not wake up)",
        "(wish|wished|hope|hoping|praying|pray) (i|that i) (die|died|would die|will die|do not wake up|would not wake up|"
        "never wake up|get hit by|get cancer|do not make it)",
        "(hope|hoping|praying|pray) (to die|for death|i die soon|that i die|god takes me|god kills me)",
        "(i|i just) (should|deserve to|need to|ought to) [just] die",
        "(do not|can not) see (why|the point|a reason|any reason) (i should|to|in|of) (be alive|live|living|stay alive|"
        "keep living|go on|going on|be here|exist|existing)",
        "(do not|can not) see (why|the point|a reason|any reason) (i should|to) (be alive|live|stay alive) anymore",
        "(want|wish|wishing|wished) (my life|it all|everything) (would|to|could) (end|be over|stop)",
        "(wish|wishing|wished|hope|hoping|pray|praying) [that] i (would|could|will|might|get) ~4 and die",
        "[just] want out of (life|this life|this world|existence)",
        "(nothing|no one|nobody) [left] (holding|keeping) me (here|back|alive|from it)",
        "(no|not any) (reason|reasons) [left] (to stay|to be here|to keep going|to stay alive|to live)",
        "(crave|craving|craves) death",
        "(do not know|do not even know|wonder|no idea) why i am still (alive|here|breathing)",
        "why i am [even] still (alive|here)",
        "(for the best|be better|would be better|would be easier|be easier|better off) (if|that) i (was|were|am) "
        "(dead|gone|not here|not alive|not around)",
        "(easier|better|best) (to be|being|if i was|if i were) dead",
        "(leave|let) me [here] to die",
        "(can not|can not) (live|go on|keep living|exist) (like this|in this world|this way) anymore",
        "(i|i just) (should not|do not deserve to) (live|exist|be alive|be here)",
        "(want|hope|wish|wishing|hoping|going|ready) to (join|be with) (him|her|them|my <relative>|my late <relative>) "
        "(soon|in heaven|on the other side|in death|in the afterlife)",
        "no (reason|point) (to|in) (continue living|continuing living|continuing|continue|carry on|carrying on|keep existing)",
        "(want|wanna|wanted) to ~3 and die",
        "(can|could|may) i [just] die [already]",
        "all i (want|wanna) [to do] is [to] die",
        "(can not|can not) wait to die",
        "(preparing|prepare|getting ready|ready) (for|to) (death|die|my death|the end)",
        "(i|i just) should [just] (not exist|not be alive|not be here|be dead)",
        "(would|will) be better off (dead|without me|if i was dead|if i were dead|if i was gone|if i were gone)",
        "better off dead",
        "rather be dead",
        "(everyone|everybody|the world|my family|they) (would|will) be (better|happier) [off] (without me|if i was "
        "gone|if i were gone|if i was dead|if i were dead|if i died)",
        "if i (died|was dead|were dead|was gone|were gone|disappeared|killed myself) (no one|nobody) would "
        "(care|notice|miss me|even notice|even care)",
        "(life|living) is (not|no longer) worth (it|living)",
        "(life|my life) (is|feels) (not|no longer) worth (it|living)",
        "no (reason|point|purpose) (to|in) (live|living|go on|going on|keep going|be alive|stay alive|staying alive|"
        "keep living|wake up)",
        "(do not|does not|no longer|never) (want|wanna) to (live|exist|be alive|be here|be here anymore|go on|wake up|"
        "keep living|continue living|keep going|be on this earth|live anymore|exist anymore|live like this)",
        "(tired|sick|exhausted) of (living|being alive|existing|life|my existence|existence|being here)",
        "(want|wanted|need) (everything|it all|this all|all of this|my life) to (end|be over|stop)",
        "wish (it|everything|this) (would|could) [all] (end|stop|be over)",
        "(no|lost the|lost my|losing the|have no) will to live",
        "(do not|does not|would not|will not) care if i (live or die|die|died|lived or died|do not wake up)",
        "(wish|wishing|want|wanted) (someone|somebody|something|god|a car|a truck|a bus) (would|to|could) "
        "(kill me|end me|hit me|end my life|take me)",
        "(someone|somebody|please|pls|just|god|anyone) (kill|end) me [(now|already|please|pls)]",
        "kill me (now|already|please)",
        "(would not|will not|would|do not) mind (dying|if i died|being dead|not waking up|death)",
        "(welcome|welcoming|waiting for|looking forward to|long for|longing for|craving) death",
        "(waiting|ready|begging|praying) to die",
        "why am i still (alive|here|breathing)",
        "why (did|do) i (wake up|survive|have to wake up|keep waking up)",
        "(can not|do not know how to|do not want to|can not keep|can not bear to) (keep living|go on living|"
        "keep existing|stay alive|live anymore|exist anymore)",
        "(everyone|everybody|they) (would|will) be (better|happier) without me",
        "(i|i just) (do not|no longer) want to be (alive|here|around) anymore",
        "i (hate|hated) being alive",
        "(i|i am) (done|finished|over) with (life|living|this life|my life|everything|existing)",
        "i (give up|gave up|am giving up) on (life|living|everything)",
        "(death|dying) (sounds|seems|looks|feels) (good|nice|peaceful|better|like a relief|like the answer|"
        "like an escape|appealing|comforting)",
        "(i|i keep|i have been) (thinking|think|thought|dreaming|fantasizing) (about|of) (dying|being dead|"
        "not existing|not being here|disappearing)",
        "eternal sleep",
        "(fall|go) to sleep and never wake up",
        "never want to wake up",
        "i (hope|wish) (i|this) (never|do not) (wake|wakes) up",
        "(i|i just) (do not|can not) (want|wanna|bear) to (be alive|exist) anymore",
        "(only|the only) (thing|things|reason|reasons|one|ones) (keeping|that keeps|that keep|stopping|that stops) "
        "me (alive|from killing myself|from doing it|from ending it|here)",
        "i am (only|still) alive (because|for)",
    ]),
    # ------------------------------------------------------------ self-injury
    ("self_injury", "", [
        "(cut|cutting|cuts|burn|burning|burnt|burned|harm|harming|harmed|hurt|hurting|hurts|hit|hitting|punch|"
        "punching|carve|carving|choke|choking|scratch|scratching|wound|wounding|bite|biting|bruise|bruising|"
        "mutilate|mutilating|mutilated) myself",
        "(self harm|self harming|self harmed|self injury|self injuring|self injurious|self mutilation|self mutilate|"
        "self mutilating|self injure|self injured|nssi)",
        "(been|started|start|keep|kept|keeps|relapsed|relapse|relapsing|back to|urge to|urges to|want to|wanna|"
        "craving|crave|tempted to|going to|gonna|stop|stopped|quit|urge) (cutting|self harm|self harming|cut|cutting again|"
        "burning myself|harming myself|hurting myself|cutting myself|cut myself|cut again)",
        "(cutting|cut|cuts on|cuts|slicing|scratching|burning|burns on|carving) (my|my own) (arms|arm|wrists|wrist|legs|"
        "leg|thighs|thigh|skin|stomach|hips|hip|body|ankles|shoulders)",
        "(fresh|new|deep|my) (cuts|self harm scars|sh scars)",
        "(razor|blade|blades|razors|knife|glass) (to|into|on|against|across) my (skin|arm|arms|wrist|wrists|thigh|"
        "thighs|leg|legs)",
        "(clean|clean from|days clean from|months clean from|years clean from) (self harm|cutting)",
        "(relapsed|relapse) (on|with|into) (self harm|cutting|sh)",
        # Issue #14: "I can't take this life anymore", intensity and finality, comparisons.
        "[i] [just|really|honestly] (can not|cannot|can no longer) (take|stand|bear|handle|live|do) (this life|my life|life|living) "
        "(anymore|any longer|any more|no more)",
        "(i am|i) (done|finished) (with (life|living|everything|it all|this life|existing)|for good|forever) "
        "[(for good|forever)]",
        "(what is|which is|whats) (worse|better) [,] (suicide|dying|death|killing myself) or",
        "(suicide|dying|death|killing myself) (or|vs|versus) (living|life|staying alive|going on) like this",
        "enough to (not|never) wake up [again]",
        "(praying|pray|hoping|hope) [every night|each night|every day] [that] god [just|would|will] "
        "(take|takes|would take|will take) me",
    ]),
    ("self_injury", "frame", [
        "(cut|burn|hurt|harm|punish) (myself|my body)",
    ]),
    # ------------------------------------------------------------ farewell / final messages
    ("farewell", "", [
        "by the time (you|anyone|someone|they) (read|reads|see|sees|find|finds) this",
        "this (is|will be) my (last|final) (post|message|tweet|words|note|letter|goodbye|night|day|text)",
        "(my|these are my) (last|final) words",
        "i (will not|wont|am not going to) be (here|around|alive) (tomorrow|much longer|for much longer|anymore|"
        "for long|by morning|by tomorrow|next week|after tonight|to see)",
        "(this is|it is) (goodbye|good bye) (forever|for good|for real|everyone|world)",
        "(goodbye|good bye|bye) forever",
        "see (you|you all|everyone) (on the other side|in the next life|in another life|in heaven|in hell)",
        "(forgive me|i am sorry|sorry) for what i am (about to do|going to do)",
        "[please] (do not|dont) (blame yourself|blame yourselves|be sad|cry for me|miss me)",
        "it is (my|finally my) time to go",
        "i will be (gone|dead) (by|before) (morning|tomorrow|tonight|the weekend|sunrise|then)",
        "(my|this is my) (last|final) (night|day) (on earth|alive|on this earth|here)",
        "(last|final) (night|day) (alive|on earth)",
        "my last (sunrise|sunset|breath|breaths)",
        "(i|i just) wanted to say goodbye",
        "i (have|have finally|finally) made (my|peace) [with (it|everything|everyone)]",
        "(you will|you will all|you all will|everyone will) be free (of me|from me|soon)",
        "(log|logging) off (permanently|for good|forever)",
        "(thank you|thanks) for (everything|being my friend|trying) (goodbye|bye|i am sorry)",
    ]),
    ("farewell", "weak", [
        "(goodbye|good bye|farewell|bye) (everyone|everybody|world|all|guys|cruel world|friends)",
        f"tell my {RELATIVE} [that] i (love|loved) (her|him|them|you)",
        "(i am|i) (leaving|going away|gone) (forever|for good)",
        "(sorry|i am sorry|apologies) to (everyone|everybody|all of you|my family)",
        "(i am sorry|sorry) for everything",
        "it was nice knowing (you|you all|everyone)",
        "(take care of|look after) my (cat|dog|pets|kids|children|mom|sister|brother)",
        "(i|i just) (love|loved) you all",
        "this is goodbye",
        "i am out of here",
        "(thank you|thanks) for everything",
        "(you will|you will all|you all will|everyone will) (be better off|be happier|forget about me)",
    ]),
    # ------------------------------------------------------------ time frame
    ("timing", "", [
        "(tonight|today|tomorrow|right now|this weekend|this evening|this afternoon|this morning|by morning|"
        "before morning|before sunrise|before dawn|at midnight|this week|very soon|in a few hours|soon)",
        "in (an|one|two|a few|a couple of|a couple|#|a) (hour|hours|minutes|mins|min|days)",
        "(at|by|around) # (am|pm)",
        "(at|by|around) # o clock",
        "(after|once|when) (everyone|everybody|they|my <relative>|the <relative>|my roommate|my roommates|the house) "
        "(is|are|has|have|goes|go|gets|get|falls|fall) (asleep|to sleep|to bed|gone|out|at work|left|quiet)",
        "(after|once|when) (everyone|everybody|they|my parents|my family) (leaves|leave|left|sleeps|sleep|"
        "goes out|go out)",
        "(on|by) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|my birthday|new years|christmas)",
        "(this|it) (is|will be) my last (night|day)",
        "(no later than|before) (tomorrow|the weekend|friday|monday|the end of the week)",
    ]),
    # ------------------------------------------------------------ lethal means (access)
    ("lethal_means", "possession", [
        f"(i have|i have got|i got|i bought|i ordered|i found|i am holding|holding|i am looking at|staring at|"
        f"looking at|in my hand|i have access to) ~3 {MEANS}",
        "(i have|i have got|i got|i bought|i own|i am holding|holding|my dad has|my father has|there is) (a|the|my) "
        "(gun|pistol|shotgun|rifle|handgun|rope|noose|razor|razor blade|blade|knife)",
        "(gun|pistol|shotgun|rifle|knife|razor|blade) (in|under) my (hand|hands|lap|mouth|pillow|bed|drawer|pocket|car)",
        f"{MEANS} in my (hand|hands|drawer|pocket|bag|room)",
        "(standing|sitting|i am) (on|at) (the|a) (bridge|ledge|edge|roof|rooftop|railing|tracks|cliff)",
    ]),
    ("lethal_means", "weak", [
        MEANS,
        "(gun|guns|pistol|shotgun|rifle|handgun|rope|noose|razor|razors|razor blade|razor blades|blade|blades|knife|"
        "knives|bridge|ledge|cliff|train tracks|rooftop|carbon monoxide|helium|charcoal|exhaust|bleach|antifreeze|"
        "exit bag|suicide bag|overdose|od|firearm|9mm|bullet|bullets|poison|cyanide|pesticide)",
    ]),
    # ------------------------------------------------------------ exposure, third person, directed at others
    ("suicide_exposure", "", [
        "killed (himself|herself|themselves|themself)",
        "(took|taken) (his|her|their) [own] life",
        "(committed|died by|died from|died of|lost (him|her|them) to) suicide",
        f"(my|our) {RELATIVE} (committed|died by) suicide",
        "(lost|losing) (a|my|our) [(best)] (friend|brother|sister|son|daughter|mom|dad|father|mother|cousin|"
        "uncle|aunt|classmate|partner) to suicide",
        "(his|her|their) suicide",
        "suicide (loss|bereavement|survivors of loss)",
    ]),
    ("directed_at_others", "", [
        "(go|you should|you need to|why do not you|you could|you can) (kill yourself|kys|die|end yourself|"
        "hang yourself|neck yourself|rope yourself)",
        "(just|please|pls) (kill yourself|kys|end yourself|hang yourself|neck yourself|rope yourself)",
        "kys",
        "kill yourself",
    ]),
    ("suicide_mention", "", [
        "suicide",
        "suicidal",
        "(suicide|crisis) (hotline|helpline|line|prevention|awareness|watch)",
    ]),
    ("help_seeking", "", [
        "(crisis|suicide) (hotline|helpline|line|text line|center|centre|team)",
        "(called|call|calling|texted|text|texting|rang|ring) (988|samaritans|the hotline|a hotline|the crisis line|"
        "the lifeline|lifeline|911|999|112)",
        "safety plan",
    ]),
    ("crisis_state", "", [
        "i (am|feel) not safe (right now|tonight|with myself|alone|at the moment)",
        "i (do not|can not) trust myself (right now|tonight|alone|anymore|with)",
        "i am (in|having) a (crisis|mental breakdown|breakdown)",
        "(i|i am) (scared|afraid|terrified) (of what i (might|will|could) do|i will hurt myself|i might hurt myself|"
        "i will do something)",
        "(i am|i) (losing|lost) (the|my) (battle|fight)",
        "i (can not|cannot) (keep myself safe|stay safe)",
    ]),
    # ------------------------------------------------------------ risk factors (low alone)
    ("hopelessness", "", [
        "(everything|life|it|all|this|my life|nothing) (is|feels|seems) (hopeless|pointless|meaningless)",
        "(nothing|it|things|this|life) (will|is going to|would) never (get|be) better",
        "(there is|i have|i see|i got|there will be) no (hope|future|point|way out|light at the end)",
        "(lost|losing|lose|no) [all] hope",
        "i (have|got) nothing (left|to live for|to look forward to)",
        "(i|i just) (can not|can not) see (a|any) (future|way out|point)",
        "(i|i just) (do not|can not) see (myself|me) (living|alive|being alive|making it|being here) "
        "(past|beyond|to|much longer|in)",
        "(i am|i feel) [(so|completely|utterly|totally)] (hopeless|helpless and hopeless)",
        "(what is|whats) the point (of|in) (anything|living|life|going on|trying|it all|being alive)",
        "(nobody|no one|nothing) can (help|save) me",
        "(ready|about|going) to give up (on life|on everything|on myself|for good|completely)",
        "(i am|i m|im) ready to give up",
        "(i|i just) (have|want to|am going to|will) give up on (life|living|everything|myself)",
    ]),
    ("entrapment", "", [
        "(i|i just) (can not|can not) (take|handle|do|cope with|bear|stand) (it|this|this pain|this life|life|"
        "the pain|any more|anything) (anymore|any longer|much longer|any more)",
        "(i|i just) (can not|can not) (do|take|handle) (this|it) anymore",
        "(i am|i feel) [(so|completely|totally)] (trapped|stuck) (in|with) (my|this) (life|body|head|mind|situation)",
        "(there is|i have|i see) no (way out|escape|exit)",
        "(too much|unbearable|can not bear|can not handle) (pain|suffering)",
    ]),
    ("burdensomeness", "", [
        "i am (a|such a|just a|nothing but a|only a) (burden|waste of space|waste of oxygen|waste of air|mistake)",
        "(feel|feeling|felt|being) like (a|such a|just a) burden",
        "(burden|burdening) (to|on|for) (everyone|everybody|my family|my friends|my parents|others|people|them)",
        "(everyone|everybody|they|my family|the world|people) (would|will) be (better|happier) [off] without me",
        "(no one|nobody) (would|will) (miss|notice|care) (me|if i was gone|if i died|if i disappeared)",
        "(no one|nobody) (cares|gives a shit|gives a fuck) (about me|if i live or die|if i die|whether i live)",
        "(you are|youre|you re|they are|she is|he is) [probably] better off without me",
        "(tired|sick) of being a (burden|problem|disappointment)",
    ]),
    ("worthlessness", "", [
        "(i|i just|i really|i fucking) (hate|despise|loathe) myself",
        "i am [(so|completely|totally|just)] (worthless|useless|a failure|pathetic|nothing|a waste)",
        "(feel|feeling|felt) [(so|completely|totally)] (worthless|useless)",
        "(self hatred|self loathing|self hate)",
    ]),
    ("emotional_pain", "", [
        "(the|this|my) pain is (unbearable|too much|killing me|never ending)",
        "(emotional|mental|psychological|inner) (pain|agony|anguish|torture|torment)",
        "(unbearable|constant|endless|excruciating) (pain|suffering|agony)",
    ]),
]

# Emoji that count as evidence only next to first-person language.
EMOJI_DEATH = frozenset({"emoji_grave"})
EMOJI_MEANS = frozenset({"emoji_knife", "emoji_pill", "emoji_rope", "emoji_gun", "emoji_blood"})

# ---------------------------------------------------------------- context cues
# Words skipped *inside* a phrase ("I want to fucking die").
SKIP_INSIDE = frozenset("""just really fucking fuckin fking fkn literally actually honestly seriously truly
    so kinda totally simply genuinely badly desperately even quietly finally already sometimes
    still often always probably lowkey highkey deadass sleeping come""".split())

NEGATION_CUES = frozenset({"not", "never", "no", "nor", "neither", "nothing", "none", "nobody", "hardly"})
# Words between a negation cue and the trigger that undo the negation
# ("can't stop thinking about", "never wanted to die more").
PSEUDO_NEGATION = frozenset("""stop stopped help only more than so this as anymore longer sure until unless
    except why how what if whether but hate closer close""".split())
# These subjects between cue and trigger start a new clause ("I don't know why I want to die").
SUBJECT_WORDS = frozenset("i you he she they we it".split())

HYPOTHETICAL_CUES = (
    " if ", " what if ", " imagine ", " imagining ", " suppose ", " supposing ", " hypothetically ",
    " pretend ", " in case ", " unless ", " dream ", " dreamt ", " dreamed ", " nightmare ", " could have ",
    " would have ", " might have ",
    " would it be ", " is it normal to ", " is it bad to ", " is it wrong to ",
)
INTENT_CUES = (
    " going to ", " will ", " shall ", " plan to ", " planning to ", " planned to ", " plan on ",
    " planning on ", " about to ", " ready to ", " decided to ", " decide to ", " finally ", " intend to ",
    " intending to ", " bout to ", " time to ", " tonight ", " have to ", " got to ", " i am doing ",
    " trying to ", " i am going ", " gonna ",
)
DESIRE_CUES = (
    " want to ", " wants to ", " wanted to ", " wanting to ", " wish i could ", " wish to ", " would like to ",
    " feel like ", " feeling like ", " felt like ", " thinking about ", " thinking of ", " think about ",
    " think of ", " thought about ", " thought of ", " thoughts of ", " thoughts about ", " considering ",
    " consider ", " contemplating ", " contemplate ", " tempted to ", " urge to ", " urges to ", " need to ",
    " needs to ", " should ", " could ", " might ", " try to ",
    " dream of ", " dream about ", " dreaming of ", " dreaming about ", " fantasize about ",
    " fantasizing about ", " keep imagining ", " rather ", " wish i ", " hope i ", " considered ",
    " want nothing more than to ", " craving ", " crave ", " urge ", " before i ", " i am gonna ",
)
PAST_ATTEMPT_CUES = (" tried to ", " attempted to ", " attempted ", " tried ")

REMOTE_PAST_CUES = (
    " years ago ", " year ago ", " months ago ", " when i was ", " as a kid ", " as a teen ",
    " as a teenager ", " as a child ", " in high school ", " in middle school ", " in college ",
    " back then ", " back in ", " used to ", " in the past ", " at the time ", " last year ", " at age ",
    " a long time ago ", " long ago ", " years back ", " in my teens ", " in my twenties ", " growing up ",
    " once ", " at # ", " when i were ", " since i was ", " previously ", " a few years ", " my teens ",
    " for years ", " had been ", " got my stomach pumped ", " woke up in the hospital ", " woke up in hospital ",
    " survived ",
)
RECENT_CUES = (
    " last night ", " yesterday ", " this morning ", " earlier today ", " today ", " tonight ", " just now ",
    " few days ago ", " couple days ago ", " couple of days ago ", " last week ", " this week ",
    " days ago ", " hours ago ", " an hour ago ", " recently ", " again ", " last month ", " this month ",
    " weeks ago ", " i just ", " right now ",
)
RECOVERY_CUES = (
    " doing better ", " better now ", " much better ", " in recovery ", " recovered ", " recovering ",
    " clean for ", " days clean ", " months clean ", " years clean ", " year clean ", " no longer suicidal ",
    " not suicidal anymore ", " glad i survived ", " glad to be alive ", " happy to be alive ",
    " grateful to be alive ", " glad i am alive ", " glad i am still here ", " made it through ",
    " got help ", " in a better place ", " so much better ", " things got better ", " it got better ",
    " it gets better ", " doing well ", " doing good ", " doing great ", " thankful to be alive ",
)
QUOTE_META_CUES = (
    " what does ", " what is ", " means ", " mean ", " meaning ", " definition ", " stands for ",
    " stand for ", " acronym ", " abbreviation ", " slang for ", " the word ", " the phrase ", " the term ",
)
FICTION_CUES = (
    " song ", " lyrics ", " lyric ", " sings ", " sang ", " singing ", " movie ", " film ", " book ",
    " novel ", " episode ", " show ", " character ", " poem ", " quote ", " quoted ", " the line ",
    " album ", " track ", " meme ", " joke ", " game ", " anime ", " series ", " chapter ", " scene ",
    " play ", " story ", " villain ", " protagonist ",
)
SELF_REPORT_CUES = (
    " i said ", " i say ", " i told ", " i tell ", " i texted ", " i wrote ", " i keep saying ",
    " i screamed ", " i thought ", " i think ", " i keep thinking ", " i typed ", " search ", " searched ",
    " searching ", " google ", " googled ", " googling ", " type ", " typed ", " typing ",
)

FIRST_PERSON = frozenset("i me my myself mine im".split())
SECOND_PERSON = frozenset("you your yourself yourselves".split())
THIRD_PERSON = frozenset("""he she they him her them his their hers theirs himself herself themselves themself
    friend friends brother sister bro sis mom mum mother dad father parent parents son daughter kid kids
    child children boyfriend girlfriend husband wife partner ex cousin aunt uncle grandma grandpa grandmother
    grandfather roommate roomate classmate coworker colleague someone somebody student patient client guy
    girl man woman people person teen teenager niece nephew fiance fiancee neighbor neighbour stepmom
    stepdad stepdad teacher anyone everyone everybody who""".split())
